"""Claim kinds, session 13: a judgement of an act ("was nothing short of
barbaric", "a horrible crime"), a demand or a policy denial before a future
cue ("called for ..., which would", "would never use") and diplomacy
("broke off talks") are statements, and a place described by who holds it
("is a stronghold of") background; near misses that tell an act or its
figure, a threat, a prediction or a vow keep their kind. Sentences written
for these tests (none from the corpora)."""

from __future__ import annotations

import pytest

from one_document import kind_of


@pytest.mark.parametrize("sentence", [
    "The attack on the displaced camp was nothing short of barbaric, the spokeswoman said.",
    "Such inhumane attacks on hospitals are unacceptable, the president said.",
    "The coalition said the videos of the aftermath of the raid clearly show a horrible crime.",
    "The opposition described the bombing as a heinous crime.",
])
def test_a_judgement_of_an_act_is_a_statement(sentence):
    assert kind_of(sentence) == "statement"


@pytest.mark.parametrize("sentence", [
    # a figure of the act
    "The regime committed a horrific massacre in the village on Tuesday, killing 25 civilians.",
    # the act told before the judgement
    "Jets bombed the market in Ariha on Monday, an attack the envoy called unacceptable.",
])
def test_an_act_told_beside_a_judgement_stays_an_event(sentence):
    assert kind_of(sentence) == "event"


def test_a_place_described_by_who_holds_it_is_background():
    assert kind_of("Marea is a stronghold of the Islamic Front, a coalition that is fighting the jihadists.") \
        == "background"


def test_an_act_on_a_stronghold_stays_an_event():
    assert kind_of("Jets struck Marea, a stronghold of the Islamic Front, on Monday.") == "event"


# --------------------------------------------------------------------------- a demand that governs the future

@pytest.mark.parametrize("sentence", [
    "Officials have said they would never use poison gas - if they had it - against civilians.",
    "The council called for the implementation of the truce, which says the parties would withdraw their heavy weapons.",
    "I hope this will wake up those who have supported the regime, the minister said.",
    "The envoy urged both sides to respect the ceasefire, saying any new assault would cost hundreds of lives.",
])
def test_a_demand_or_a_policy_denial_before_a_future_cue_is_a_statement(sentence):
    assert kind_of(sentence) == "statement"


@pytest.mark.parametrize("sentence", [
    # a condition first: a threat
    "If it is necessary we will wipe out the militants, the president said.",
    # a belief about what will happen: a prediction
    "The minister said he believed the offensive would resume within days.",
    # a vow
    "The militants vowed to attack the base again, the army said.",
])
def test_a_threat_a_prediction_or_a_vow_stays_future(sentence):
    assert kind_of(sentence) == "future"


# --------------------------------------------------------------------------- diplomacy

@pytest.mark.parametrize("sentence", [
    "The foreign secretary cancelled a visit to Moscow after the gas attack in Idlib.",
    "The minister broke off talks with his counterpart over the offensive on the city.",
    "Three governments put forward a resolution to impose sanctions over the chemical attacks.",
])
def test_diplomacy_is_a_statement(sentence):
    assert kind_of(sentence) == "statement"


@pytest.mark.parametrize("sentence", [
    "Jets struck Douma hours before the talks resumed in Geneva.",
    "Jets bombed the market on Monday as the council is to hold an emergency meeting.",
])
def test_an_act_told_before_diplomacy_stays_an_event(sentence):
    assert kind_of(sentence) == "event"
