"""A period told of the speaker, in an appositive between the speaker and its
reporting verb ("Officials of the council, displaced since 2016, said ..."),
describes who speaks: the claim is no state that has lasted since then.
Sentences written for this test."""

from __future__ import annotations

import pytest

from one_document import kind_of


@pytest.mark.parametrize("sentence", [
    "Members of the local council, displaced to Azaz since 2016, said the car bomb was planted by the factions.",
    "The rescue group, which has worked in the province since 2013, said the shelling hit a crowded bakery.",
])
def test_a_period_of_the_speaker_is_no_period_of_the_claim(sentence):
    assert kind_of(sentence) == "event"


@pytest.mark.parametrize("sentence", [
    # the period is the claim's: a state that has lasted since then
    "The council said the town has been under siege since 2016.",
    # no appositive: the speaker's words hold the period
    "Officials said the factions have controlled the town since 2016.",
])
def test_a_period_in_what_is_said_still_tells_a_state(sentence):
    assert kind_of(sentence) == "background"
