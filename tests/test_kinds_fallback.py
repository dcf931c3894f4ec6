"""Claim kinds, session 13: `event` was the fallback kind, so body sentences
that tell no act became events - plans, changes in a campaign's pace, present
generalities, displacement counted over time, records of attempts - and a
statement cue in a relative clause after an act turned the act into a
statement. Each frame is pinned with near misses that tell an act and must
stay events (undated monitor items, dated acts, acts with figures).
Sentences written for these tests (none from the corpora)."""

from __future__ import annotations

import pytest

from one_document import kind_of, one


# --------------------------------------------------------------------------- plans and schedules

@pytest.mark.parametrize("sentence, cue", [
    ("Lawmakers weigh the president's plan for air strikes on the rebel-held north.", "plan for air strikes"),
    ("Ministers discussed plans for a ground offensive against the militia in the east.",
     "plans for a ground offensive"),
    ("The minister is due to meet allied commanders on Thursday to win support for a ground offensive.",
     "is due to"),
    ("The defence chiefs are due to present a proposal for strikes on the militia's depots.", "are due to"),
])
def test_a_plan_or_a_scheduled_step_is_the_future(sentence, cue):
    row, _ = one(sentence)
    assert (row["kind"], row["kind_cue"]) == ("future", cue)


@pytest.mark.parametrize("sentence", [
    # "due to" naming a cause, not a schedule
    "The blast at the depot was due to a rocket fired from the hills, the army said.",
    "The explosion that killed 3 soldiers was due to a mine left by the militants.",
    # a plan that names no act
    "Under the plan for the evacuation, rebels withdrew from the town on Monday.",
])
def test_due_to_a_cause_or_a_plan_without_an_act_is_no_future(sentence):
    assert kind_of(sentence) != "future"


# --------------------------------------------------------------------------- a campaign's pace or reach

@pytest.mark.parametrize("sentence", [
    "Rescue teams work in parts of the province where shelling has intensified recently.",
    "The air force has in recent weeks intensified its raids on the northern countryside.",
    "As the army tries to retake the valley, the air raids have escalated.",
    "The bombing campaign was later expanded to cover towns along the river.",
])
def test_a_change_in_a_campaigns_pace_is_background(sentence):
    assert kind_of(sentence) == "background"


@pytest.mark.parametrize("sentence", [
    # dated
    "Jets intensified their raids on the town of Ariha on Monday.",
    # an act told
    "The shelling has escalated after rebels stormed a checkpoint near the town.",
    # the adjective: the operations are the act
    "An army unit carried out intensified operations against the militants in the village.",
    # no perfect: the day's fighting
    "Clashes escalated in the eastern districts of the town.",
    # a figure of the act
    "Shelling on the town intensified on Tuesday, killing 4 civilians.",
])
def test_a_change_beside_an_act_stays_an_event(sentence):
    assert kind_of(sentence) == "event"


# --------------------------------------------------------------------------- present generalities

@pytest.mark.parametrize("sentence", [
    "The coalition and its partners use the airfield near the border to bomb militant positions.",
    '"Every vehicle on the road is targeted, whether trucks or pedestrians," he said.',
    "Anyone who tries to cross the bridge is shot, residents say.",
])
def test_a_present_generality_is_background(sentence):
    assert kind_of(sentence) == "background"


@pytest.mark.parametrize("sentence", [
    # an undated monitor item in the past tense
    "Regime forces shelled the village of Kafr Nabl.",
    # dated
    "Every house in the village was hit by shells on Monday.",
    "The coalition used the airfield to bomb the town on Monday.",
    # a past act with its victims counted
    "All five men were killed in the ambush.",
    # a figure of the act
    "The militants use car bombs to attack checkpoints, killing 6 soldiers in the latest one.",
])
def test_an_act_told_beside_a_generality_stays_an_event(sentence):
    assert kind_of(sentence) == "event"


def test_a_monitor_item_in_the_present_tense_stays_an_event():
    row, _ = one("Turkish drones target a car in the countryside of Ain Issa, killing two men.")
    assert row["kind"] == "event"


# --------------------------------------------------------------------------- displacement and attempts

@pytest.mark.parametrize("sentence", [
    "Thousands have fled the clashes in the town while thousands more remain trapped.",
    "The militia has attempted several times to advance from the eastern districts it has seized.",
    "Rebels have tried three times to storm the hilltop base.",
])
def test_displacement_over_time_or_a_record_of_attempts_is_background(sentence):
    assert kind_of(sentence) == "background"


@pytest.mark.parametrize("sentence", [
    "Thousands fled the town on Monday after the shelling.",
    "Residents fled the town after jets struck the market.",
    "The militia attempted several times to storm the checkpoint on Monday.",
])
def test_a_flight_or_attempts_of_a_day_stay_an_event(sentence):
    assert kind_of(sentence) == "event"


# --------------------------------------------------------------------------- statements in relative clauses

@pytest.mark.parametrize("sentence", [
    "Dozens of soldiers withdrew from the base on Sunday toward villages whose residents oppose the militants.",
    "Jets struck the market in the town on Monday, which the opposition condemned.",
])
def test_a_statement_cue_in_a_relative_clause_after_an_act_does_not_govern(sentence):
    assert kind_of(sentence) == "event"


@pytest.mark.parametrize("sentence", [
    # no act before the relative clause
    "Residents, who oppose the militants, condemned the shelling.",
    # the statement is the main clause's
    "Rebels shelled the town on Sunday and the opposition condemned the attack.",
])
def test_a_statement_cue_outside_a_relative_clause_after_an_act_still_counts(sentence):
    assert kind_of(sentence) == "statement"
