"""One toll told twice in one sentence ("Twelve civilians were killed when
jets struck the market, killing 12 civilians") is one figure, not two; a
second act's equal figure told with a verb of its own stays a figure of its
own. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimscope.casualties import find_casualties

from builtin_knowledge import K
from one_document import claims


def figures(sentence: str) -> list[tuple[str, int | None, str]]:
    return [(k.outcome, k.min, k.victims) for k in find_casualties(sentence, knowledge=K) if not k.part]


def test_a_toll_restated_in_a_participle_clause_is_one_figure():
    got = figures("Twelve civilians were killed on Monday when jets struck the market of Saraqib, killing 12 "
                  "civilians, most of them women.")
    assert got == [("killed", 12, "civilians")]


@pytest.mark.parametrize("sentence", [
    # near misses: another act's equal toll, with a verb of its own; another outcome
    "Three soldiers were killed in Tell Rifaat and shelling on Azaz killed three soldiers.",
    "Three soldiers were killed in Tell Rifaat while a bombing in Azaz left three soldiers dead.",
])
def test_an_equal_toll_of_another_act_stays_a_figure(sentence):
    assert len(figures(sentence)) == 2


@pytest.mark.parametrize("sentence, expected", [
    # a figure told like the one before it at another place, its outcome left out
    ("Two civilians were killed in Kafr Nabl and two civilians in Maarat al-Numan.",
     [("killed", 2, "civilians"), ("killed", 2, "civilians")]),
    ("Three soldiers were wounded in Tell Rifaat, two children in al-Bab and a woman in Azaz, activists said.",
     [("injured", 3, "soldiers"), ("injured", 2, "children"), ("injured", 1, "women")]),
    # near misses: the second figure has a verb of its own, or is no people
    ("Five soldiers were killed in Daraa and three children in Quneitra said the army was to blame.",
     [("killed", 5, "soldiers")]),
    ("Five soldiers were killed in Daraa and three trucks in Quneitra were burned.", [("killed", 5, "soldiers")]),
])
def test_a_figure_at_another_place_takes_the_outcome_left_out(sentence, expected):
    assert figures(sentence) == expected


# A lede printed twice with no full stop between (session 13, audit19 F1): one
# figure phrase, the same words going on after it, in one claim is one figure,
# never summed into the incident's toll.

def test_a_figure_phrase_printed_twice_in_one_sentence_span_is_one_figure():
    text = ("Rebels repel an assault. About 40 government soldiers have been killed in an assault they had "
            "launched to take a hill overlooking Kafr Nabl About 40 government soldiers have been killed in an "
            "assault they had launched to take a hill overlooking Kafr Nabl. The monitor said fighting went on.")
    _, cas = claims(text)
    assert list(cas["raw"]) == ["About 40 government soldiers have been killed"]


def test_two_equal_figures_of_two_places_stay_two():
    _, cas = claims("Regime shelling killed 3 civilians in Atareb and Russian airstrikes killed 3 civilians in "
                    "Sarmin on Monday.")
    assert list(cas["raw"]) == ["3 civilians", "3 civilians"]
