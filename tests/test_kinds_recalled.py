"""Claim kinds, session 16 (audit 17, pattern P3): surface cues must not
decide a kind the sentence's content contradicts. A context frame ("This
attack came ...", "It is worth noting that ...") that tells an act of its own
recalls that act: an event (the guidelines' "a specific earlier incident
recalled"); one that tells none stays background. Sentences written for
these tests (none from the corpora)."""

from __future__ import annotations

import pytest

from one_document import claims, kind_of, one


# --------------------------------------------------------------------------- a context frame that tells an act

@pytest.mark.parametrize("sentence", [
    # a clause linked by "after" whose verb is an act
    "This raid came less than a day after militia drones struck a fuel depot near the river.",
    "The latest shelling came hours after rebel gunners shelled the power station.",
    # an act noun after a concurrent link, behind a remark opener
    "It is worth noting that the shelling coincided with an exchange of artillery fire near the dam.",
    "It should be noted that the raid coincided with heavy clashes on the eastern front.",
])
def test_a_context_frame_that_tells_an_act_is_an_event(sentence):
    assert kind_of(sentence) == "event"


@pytest.mark.parametrize("sentence", [
    # no act told after the frame
    "This comes in light of growing tension along the frontline after weeks of shelling.",
    "This wave of raids came two days after the envoy left the city.",
    "It is worth noting that this was the heaviest shelling of the town in weeks.",
    # a participle aside, not a concurrent act of the frame's own
    "This comes amid rising tension in the camp, coinciding with the security operation there.",
    # a concurrent link to no act
    "It is worth noting that the raid coincided with the visit of the envoy.",
])
def test_a_context_frame_without_an_act_stays_background(sentence):
    assert kind_of(sentence) == "background"


def test_an_act_recalled_as_earlier_takes_no_day_of_the_paragraph():
    got, _ = claims("Jets raided Kafr Nabl on Monday. "
                    "This raid came less than a day after militia drones struck a fuel depot near the river.")
    got = got.sort_values("start")
    assert list(got["kind"]) == ["event", "event"]
    assert list(got["event_date"]) == ["2021-03-08", ""]  # the strike came before Monday's raid: no day told


def test_a_concurrent_act_keeps_the_day_of_the_paragraph():
    got, _ = claims("Jets raided Kafr Nabl on Monday. "
                    "It is worth noting that the raid coincided with heavy clashes on the eastern front.")
    got = got.sort_values("start")
    assert list(got["kind"]) == ["event", "event"]
    assert list(got["event_date"]) == ["2021-03-08", "2021-03-08"]


# --------------------------------------------------------------------------- an act counted by an ordinal

@pytest.mark.parametrize("sentence", [
    "It is worth noting that this is the 12th rocket attack on the airport since January.",
    "This was the third abduction in the camp this month.",
    "The monitor said it was the fifth such raid on the border town in two weeks.",
])
def test_an_act_counted_by_an_ordinal_is_a_running_total(sentence):
    assert kind_of(sentence) == "running_total"


@pytest.mark.parametrize("sentence, kind", [
    # a first is a remark, no count
    ("It is worth noting that this is the first aerial bombardment of the valley this spring.", "background"),
    ("It is worth noting that this is the 1st aerial bombardment of the valley this spring.", "background"),
    # an act told
    ("The second raid hit the market on Monday, the monitor said.", "event"),
    # an ordinal that is no copula's complement
    ("Jets struck the depot on Monday, the fourth raid on the port this month.", "event"),
])
def test_an_ordinal_that_counts_no_acts_is_no_running_total(sentence, kind):
    assert kind_of(sentence) == kind


def test_a_day_of_one_act_counted_by_an_ordinal_is_no_tally():
    assert kind_of("Rebels said it was the fifth day of the offensive on the hills.") != "running_total"


# --------------------------------------------------------------------------- campaigns under way, records of acts

@pytest.mark.parametrize("sentence", [
    "The alliance is currently carrying out air raids on the hills to support the militia's advance.",
    "Government troops are presently waging a campaign against the cells in the eastern desert.",
    "The army's offensive to retake the valley is currently underway.",
    "The hospital has still been the target of several air strikes.",
    "The bridge has come under repeated rocket attacks from the rebels' gunners.",
    "The old airbase has been used for numerous raids on the northern villages.",
])
def test_a_campaign_under_way_or_a_record_of_acts_is_background(sentence):
    assert kind_of(sentence) == "background"


@pytest.mark.parametrize("sentence", [
    # a dated act of the campaign
    "The alliance is currently carrying out air raids on the hills on Tuesday, the monitor said.",
    # an act told beside it
    "Jets bombed the market, and the alliance is currently carrying out raids on the hills.",
    # one strike, in the simple past and dated
    "The hospital was hit by several air strikes on Monday.",
    # a record since a day of the week: the week's running story
    "The hospital has been hit several times since the Monday attack.",
])
def test_an_act_beside_a_campaign_or_a_record_stays_an_event(sentence):
    assert kind_of(sentence) == "event"


@pytest.mark.parametrize("sentence, kind", [
    # acts counted since a start: a tally, no act
    ("Coalition: regime used barrel bombs 212 times since the truce", "running_total"),
    ("The border town has been shelled more than forty times since the ceasefire took effect.", "running_total"),
    # near misses: a start within the week is the week's story; one time is no tally; a dated act stays an act
    ("The crossing has been shelled three times since Monday, the monitor said.", "event"),
    ("Jets struck the bridge on Tuesday, the 1 time since the truce that it was hit.", "event"),
    ("Jets struck the bridge on Tuesday, hitting it four times since dawn.", "event"),
])
def test_acts_counted_since_a_start_are_a_running_total(sentence, kind):
    assert kind_of(sentence) == kind


# --------------------------------------------------------------------------- the war's first days, a group's origins

@pytest.mark.parametrize("sentence", [
    "The town fell to the rebels early in the uprising and was later besieged by the army.",
    "At the outbreak of the country's civil war, soldiers shelled the old quarter and killed 30 people.",
    "The militia grew out of a tribal guard and fought beside the army in the hills.",
    "The brigade, which fought beside the army, has emerged as its main ally in the south.",
])
def test_the_wars_first_days_and_a_groups_origins_are_background(sentence):
    assert kind_of(sentence) == "background"


@pytest.mark.parametrize("sentence", [
    # an offensive's start is no war's
    "Jets struck the bridge at the start of the offensive, killing four people.",
    # "since": a comparison, the news of the day
    "Jets struck the bridge on Monday in the deadliest raid since early in the war.",
    # an act of the report that names where its gunmen came from
    "Gunmen who emerged from a car shot dead a teacher in the market on Monday.",
])
def test_an_act_beside_such_frames_stays_an_event(sentence):
    assert kind_of(sentence) == "event"


# --------------------------------------------------------------------------- assessments and interpretations

@pytest.mark.parametrize("sentence", [
    "A researcher warned on Monday that the fate of the besieged quarter hangs by a thread as the army advances.",
    "The agency cautioned donors that the camps near the border are overcrowded after the offensive.",
    "This truce cannot be used as a ploy to rearm, said the envoy, whose government backs possible strikes.",
])
def test_an_assessment_or_an_interpretation_is_a_statement(sentence):
    assert kind_of(sentence) == "statement"


@pytest.mark.parametrize("sentence, kind", [
    # a warning of what may come
    ("The monitor warned that the toll will rise as rescuers search the rubble.", "future"),
    # an act told before the warning
    ("Jets struck the market on Monday, and the monitor warned that the toll was high.", "event"),
])
def test_a_warning_of_the_future_or_after_an_act_keeps_its_kind(sentence, kind):
    assert kind_of(sentence) == kind


# --------------------------------------------------------------------------- an attempt to infiltrate

def test_an_attempt_to_infiltrate_is_an_act_told_by_its_source():
    claim = one("Local sources reported that militants attempted to infiltrate the army's posts near the dam "
                "at dawn on Monday.")[0]
    assert (claim["kind"], claim["event_type"]) == ("event", "raid")


def test_infiltration_to_come_is_no_act():
    assert kind_of("The ministry said it would not let the cells infiltrate the camps near the border.") == "future"
