"""claimscope.events: stated causes (mechanism and reason) and acts denied
of a named actor, read only where a sentence states them. The sentences are
written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from claimscope.actors import find_actors
from claimscope.events import find_cause, find_causes, find_denied_act, is_act_denial

from builtin_knowledge import K, bind

find_causes = bind(find_causes)
find_cause = bind(find_cause)


def causes(sentence: str) -> list[str]:
    return [c.cause for c in find_causes(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    # mechanisms a source disputes, after a cue or told after a death or loss
    ("Twelve people died of suffocation after aircraft dropped chlorine on the neighbourhood, doctors said.",
     ["chemical_attack"]),
    ("Residents said 20 people died in the morning after jets bombed the village with poison gas.", ["chemical_attack"]),
    ("The ministry said the casualties were caused when rebel shelling hit a warehouse where explosives were stored.",
     ["depot_hit"]),
    ("Army jets struck an ammunition depot belonging to the militants east of the town.", ["depot_hit"]),
    ("Four children were killed when an old mine left over from the fighting exploded near their home.",
     ["war_remnant"]),
    ("The pilots said their jet crashed due to a technical failure shortly after take-off.", ["accident"]),
    ("the incident happened due to poor safety measures at the weapon depot", ["accident"]),
    ("The helicopter crashed after being shot down by a missile, the rebels said.", ["shot_down"]),
    # the reason given for downing an aircraft or striking back
    ("Air defences shot down a helicopter over the village on Monday after it had bombed the market.",
     ["shot_down", "retaliation"]),
    ("The two bombers that had attacked our positions were downed, the ministry said.", ["shot_down", "retaliation"]),
    ("Government artillery shelled the town in retaliation for the raid, the monitor said.", ["retaliation"]),
    ("Enemy fighters targeted two planes while they were carrying out a mission over the valley.", ["mission"]),
    ("The army said it acted in response to the shelling of its positions.", ["retaliation"]),
])
def test_stated_causes(sentence, expected):
    assert causes(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Warplanes struck the town, killing 12 people.",                        # an ordinary strike: the event type
    "Five men were killed after gunmen opened fire on their car.",
    "Residents said the market was hit after the evening prayers.",
    "The hospital was struck by rockets after militants shelled the area.",  # no downing, no retaliation cue
    "Three people died after being brought to hospital, which showed that chlorine had been used.",  # another clause
    "The depot of the municipality was reopened on Monday.",
    "Troops shelled the town.",
    "The ministry said, in response to a question from reporters, that the convoy returned safely.",
    "Rebels destroyed four positions, a weapons depot and two vehicles.",   # a list: no strike said to hit a store
    "The blast brought down a building used by the army.",                  # no aircraft
    "Gas was dropped on the town close to where a helicopter had been shot down hours earlier.",   # another act
])
def test_no_cause_where_none_is_stated(sentence):
    assert causes(sentence) == []


def test_a_cause_keeps_its_phrase():
    c = find_causes("Air defences shot down a helicopter over the village after it had bombed the market.")
    assert [(x.cause, x.raw) for x in c] == [("shot_down", "shot down a helicopter"),
                                         ("retaliation", "after it had bombed")]
    assert find_cause("The plane was downed while flying a reconnaissance flight.").cause == "shot_down"


def denied(sentence: str) -> tuple[str, str] | None:
    actors = find_actors(sentence, knowledge=K)
    d = find_denied_act(sentence, [(a.start, a.end) for a in actors], knowledge=K)
    if d is None:
        return None
    actor = next(a.name for a in actors if a.start == d.actor_start)
    return actor, d.cue


@pytest.mark.parametrize("sentence, actor, cue", [
    ("The ministry stressed that Russian aircraft were not used in the strikes on the town.",
     "Russian Aerospace Forces", "were not used"),
    ("A spokesman said Russian aircraft had not carried out any raids near the village.",
     "Russian Aerospace Forces", "had not carried out"),
    ("The minister said the Syrian army has never used chemical weapons.", "Syrian Arab Army", "has never used"),
    ("Hezbollah fighters took no part in the assault, the group said.", "Hezbollah", "took no part"),
])
def test_an_act_denied_of_a_named_actor(sentence, actor, cue):
    assert denied(sentence) == (actor, cue)
    assert is_act_denial(cue, knowledge=K)


@pytest.mark.parametrize("sentence", [
    "The road had not been used for months.",                               # no actor
    "Russian aircraft, which were seen over the town, were not used in the attack.",   # a clause between
    "Russian aircraft struck the town and the hospital was not used as a shelter.",     # another subject
    "The Syrian army advanced on the town.",
])
def test_no_denial_without_an_actor_just_before_the_negated_act(sentence):
    assert denied(sentence) is None


def test_a_denial_cue_is_not_any_negation():
    assert not is_act_denial("no casualties", knowledge=K)
    assert not is_act_denial("", knowledge=K)


# --- gates: a cause or denial regex is skipped on a sentence without its words ----

def _gated() -> list[tuple[str, object, tuple]]:
    from claimscope.events import _build_patterns
    p = K.derived(_build_patterns)
    out = [(name, getattr(p, name), (gate,)) for name, gate in p.gates.items()]
    out += [(f"retaliation{i}", rx, (gate,)) for i, (rx, gate) in enumerate(p.retaliation)]
    return out + [("denied", p.denied, p.denied_gates)]


def _cue_words() -> list[str]:
    c = K.events["causes"]
    lists = [K.lexicon["cause_cues"], K.lexicon["accident_words"], c["cue_phrases"], c["outcome_words"],
             c["outcome_links"], c["aircraft"], c["downing"], c["retaliation_cues"], c["response_cues"],
             c["hostile_nouns"], c["hostile_acts"], c["responses"], c["response_links"], c["mission_links"],
             c["mission_verbs"], c["mission_nouns"], *c["depot"].values(),
             *(v for v in K.events["denied_acts"].values() if isinstance(v, list))]
    return sorted({str(w) for ws in lists for w in ws})


_SPELL = st.sampled_from([str, str.upper, str.title, str.capitalize])
_FILLER = st.sampled_from(["the", "jets", "that", "which", "was", "were", "had been", "it", "they", "a", "Aleppo",
                           "9", "al-", "x", "’s", "não", "İdlib"])
_GAP = st.sampled_from([" ", "  ", "\n", ", ", "-", "'", "(", ") ", ".", "’", "é", "\t"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.sampled_from(_cue_words()), _FILLER), _SPELL, _GAP), min_size=1, max_size=14))
def test_gates_never_skip_a_sentence_their_regex_matches(parts):
    """A gate is exact: the regex never matches a sentence whose gate is
    closed, in any spelling, spacing or punctuation around the cue words."""
    from claimscope.events import _build_patterns
    from claimscope.sentences import sentence_words
    sentence = "".join(spell(w) + gap for w, spell, gap in parts)
    met = K.derived(_build_patterns).gate_lists.met(sentence_words(sentence))
    for name, rx, gates in _gated():
        if rx is not None and rx.search(sentence):
            assert any(gate <= met for gate in gates), (name, sentence)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.sampled_from(_cue_words()), _FILLER), _SPELL, _GAP), min_size=1, max_size=14))
def test_a_sentence_with_an_open_gate_holds_one_of_the_shortcut_words(parts):
    """find_causes / find_denied_act return at once where the sentence holds
    none of `cause_words` / `denied_words`: exact only if every sentence that
    opens one of their gates holds one."""
    from claimscope.events import _build_patterns
    from claimscope.sentences import sentence_words
    p = K.derived(_build_patterns)
    sentence = "".join(spell(w) + gap for w, spell, gap in parts)
    words = sentence_words(sentence)
    met = p.gate_lists.met(words)
    if any(gate <= met for gate in [*p.gates.values(), *(g for _, g in p.retaliation)]):
        assert p.cause_words is None or not p.cause_words.isdisjoint(words), sentence
    if any(gate <= met for gate in p.denied_gates):
        assert p.denied_words is None or not p.denied_words.isdisjoint(words), sentence




@pytest.mark.parametrize("sentence, expected", [
    ("Eight people were killed DUE TO a gas leak at the plant.", ["accident"]),
    ("The jet was shot down IN RETALIATION FOR the raid.", ["shot_down", "retaliation"]),
    ("The jet was shot down in retaliation\nfor the raid, the ministry said.", ["shot_down", "retaliation"]),
])
def test_a_cue_in_capitals_or_across_a_line_break_opens_its_gate(sentence, expected):
    assert causes(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Militants execute 4 prisoners in the desert east of Palmyra", "execution"),
    ("The group executes two men accused of spying", "execution"),
    # near miss: the noun "executive" is no execution
    ("The council's executive met in Azaz on Monday", None),
])
def test_present_tense_executions_are_executions(sentence, expected):
    from claimscope.events import event_type
    got = event_type(sentence, knowledge=K)
    assert (got.type if got is not None else None) == expected
