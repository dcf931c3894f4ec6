"""Claim kinds, session 13: frames that tell no act of their own - an
effort under way toward a goal ("is fighting to push rebels out"), an act
told before set in context by a present-tense "comes as", readiness for an
act to come ("preparing for a battle", "the alliance's next target") and
what a report left out ("made no mention of the attack"); each pinned with
near misses that tell an act and must stay events. Sentences written for
these tests (none from the corpora)."""

from __future__ import annotations

import pytest

from one_document import kind_of


# --------------------------------------------------------------------------- efforts under way

@pytest.mark.parametrize("sentence", [
    "The army is fighting to drive the insurgents out of three villages near the dam.",
    "Rebel units are battling to hold back the government advance on the southern road.",
    "Rebels are struggling to push back the offensive on the southern road.",
])
def test_an_effort_under_way_is_background(sentence):
    assert kind_of(sentence) == "background"


@pytest.mark.parametrize("sentence", [
    # an act told beside the effort
    "The army is fighting to hold the bridge after jets struck its positions.",
    # a dated day of fighting: the report's news
    "The army is fighting to retake the bridge on Tuesday after the rebel offensive, the monitor said.",
    # a figure of the act
    "The army is fighting to drive the insurgents out of the village, and 6 soldiers were killed.",
])
def test_an_act_beside_an_effort_stays_an_event(sentence):
    assert kind_of(sentence) == "event"


# --------------------------------------------------------------------------- an act set in context

@pytest.mark.parametrize("sentence", [
    "Tuesday's bombing comes as loyalist troops are on the offensive in the eastern desert.",
    "The latest raids come as the coalition carries out strikes across the border.",
    "The shelling comes a week into a government siege of the northern districts.",
])
def test_an_act_told_before_set_in_context_is_background(sentence):
    assert kind_of(sentence) == "background"


@pytest.mark.parametrize("sentence", [
    # the context tells an act of its own
    "The shelling comes a day after jets struck a bakery in Maarat, killing seven people.",
    "The raids come as rebels stormed two checkpoints on the southern road.",
    # the past tense may tell the news itself
    "The raids came as the rebel alliance said it had begun a new push on the western districts.",
])
def test_a_context_that_tells_an_act_stays_an_event(sentence):
    assert kind_of(sentence) == "event"


# --------------------------------------------------------------------------- readiness for an act to come

@pytest.mark.parametrize("sentence", [
    "Loyalist units are preparing for a major assault on the rebel-held hills.",
    "The militia said it had formed a command council to drive the jihadists out of Tabqa, its next target.",
    "Government troops are poised to storm the last rebel pocket near the lake.",
])
def test_readiness_for_an_act_is_future(sentence):
    assert kind_of(sentence) == "future"


def test_an_act_before_readiness_stays_an_event():
    # the act is told first: a strike on men preparing for an attack
    assert kind_of("Jets struck a convoy of militants preparing for an attack on the border post.") == "event"


# --------------------------------------------------------------------------- what a report left out

@pytest.mark.parametrize("sentence", [
    "The state news agency made no mention of the raid.",
    "The army statement did not mention the strikes on the market.",
])
def test_a_report_that_leaves_an_act_out_tells_no_act(sentence):
    assert kind_of(sentence) == "statement"


def test_an_act_told_before_what_was_left_out_stays_an_event():
    assert kind_of("A car bomb exploded near the mosque on Sunday, but the agency did not mention casualties.") == "event"
