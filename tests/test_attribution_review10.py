"""Attribution boundaries a review found on sentences of its own (none copied
from the shared corpora): a wrong speaker costs more than the outlet's voice."""

from __future__ import annotations

import pytest

from claimscope.attribution import attribute, stance

from builtin_knowledge import bind

attribute = bind(attribute)
stance = bind(stance)


def sources(sentences, outlet="Outlet"):
    return [a.source for a in attribute(sentences, outlet=outlet)]


@pytest.mark.parametrize("sentence", [
    "They said the SDF, which controls Raqqa, had killed 20 civilians.",
    "Mahmoud said the Observatory a monitor based in Britain had counted 30 dead.",
])
def test_a_body_named_after_a_short_subject_and_its_verb_is_no_inverted_speaker(sentence):
    # the verb has its subject before it: the body after it is what the subject tells of
    assert sources([sentence]) != ["Syrian Democratic Forces"] and sources([sentence]) != [
        "Syrian Observatory for Human Rights"]


def test_an_inverted_frame_after_the_claims_words_still_names_its_speaker():
    got = sources(["At least 20 people were killed in the air strikes on the town said the Syrian Observatory "
                   "for Human Rights adding that children were among the dead."])
    assert got == ["Syrian Observatory for Human Rights"]


def test_a_pronoun_never_points_at_a_body_named_after_a_preposition():
    got = sources(["Rebels shelled the town with rockets supplied by Turkey, but it said the shells hit empty fields."])
    assert got != ["Turkish government"]


@pytest.mark.parametrize("sentence, negated", [
    # the speaker's own clause after a comma: its denial is its own
    ("SANA said, citing a police source, that the reports of a blast were fabricated.", True),
    ("Rebels said, however, that the claims of an attack were untrue.", True),
    # another voice's clause: "Russia denies role" is no denial by the UN
    ("The UN says 39 people were killed in the strike, Russia denies any role.", False),
])
def test_a_denial_is_the_voice_of_its_own_clause(sentence, negated):
    assert stance(sentence, verb="said" if " said" in sentence else "says").negated is negated


def test_with_x_saying_a_toll_of_neutralised_militants_is_xs():
    got = sources(["Turkish troops entered the town on Sunday, with Ankara saying 300 militants had been neutralised."])
    assert got == ["Turkish government"]


def test_a_quotation_reopened_in_the_next_paragraph_never_swallows_the_outlets_narration():
    got = sources(["The ministry said in a statement that “the militants fired rockets at the base overnight.",
                   "“The attack was repelled and the militants retreated,” it said.",
                   "Rebels shelled the outskirts of the town again on Tuesday.",
                   "A resident said: “We fled before dawn.",
                   "The shelling went on all day.”"])
    assert got[2] == "Outlet"      # the outlet's own narration between two quotations
