"""Claim kinds, session 10: only a sentence that tells an act makes an
incident. Trends, lasting states, ongoing activity, patrols, history told by a
year and tallies of a month or year are no event; each frame is pinned with
near misses that tell an act and must stay events. Sentences written for these
tests (none from the corpora)."""

from __future__ import annotations

import datetime as dt

import pytest

from one_document import kind_of, one


# --------------------------------------------------------------------------- trends and routine

@pytest.mark.parametrize("sentence", [
    "Complaints of civilian harm from drone strikes over northern Syria surged to a record high, the group said.",
    "The number of reported shelling incidents around Idlib doubled, monitors said.",
    "Russian warplanes patrolled the skies over the Latakia coast on Tuesday, the ministry said.",
    "Turkish jets patrolled the outskirts of Tal Tamr on Monday, a day after the attack on the base.",
])
def test_a_trend_or_a_patrol_tells_no_act(sentence):
    assert kind_of(sentence) == "background"


@pytest.mark.parametrize("sentence", [
    # the act told first, the trend after it
    "Jets struck the market in Saraqib on Monday, and the number of displaced people surged.",
    # a patrol that met an act
    "A Russian patrol was ambushed near Tal Tamr on Monday, the ministry said.",
    "Turkish drones patrolled the outskirts of Tal Tamr on Monday and struck a car, killing two men.",
])
def test_an_act_beside_a_trend_or_a_patrol_stays_an_event(sentence):
    assert kind_of(sentence) == "event"


# --------------------------------------------------------------------------- lasting states and activity

@pytest.mark.parametrize("sentence", [
    "Rebel fighters have besieged the hilltop garrison for nearly three years.",
    "The militia has kept the grain silos outside the town under siege for several months.",
    "Government troops have been fighting the insurgents in the hills near the river.",
])
def test_a_lasting_state_or_activity_is_background(sentence):
    assert kind_of(sentence) == "background"


@pytest.mark.parametrize("sentence", [
    # a dated act, a day's activity
    "Government troops have been fighting the insurgents in the hills near the river since Monday morning.",
    # an act told before the stretch of time
    "Rebels shelled the hilltop garrison, which the army had held for nearly three years.",
    # a figure of the act
    "Government troops have been fighting the insurgents near the river, and 4 soldiers were killed.",
    # the act told first, the stretch of time in a clause about its victims
    "Among those killed in the shelling were militiamen who have fought the army for more than five years.",
])
def test_an_act_beside_a_lasting_state_stays_an_event(sentence):
    assert kind_of(sentence) == "event"


# --------------------------------------------------------------------------- history told by a year

def test_an_act_of_last_year_is_history():
    assert kind_of("The rebels captured the hilltop garrison of Kafr Nabl last year.",
                   published=dt.date(2021, 2, 20)) == "background"


def test_a_toll_too_large_for_one_act_told_with_last_year_stays_a_running_total():
    assert kind_of("More than 9000 people have been killed across the country since the council passed "
                   "its truce resolution last year, the monitor said.", published=dt.date(2021, 2, 20)) == "running_total"


def test_an_act_of_this_year_or_last_month_stays_an_event():
    assert kind_of("The rebels captured the hilltop garrison of Kafr Nabl this year.",
                   published=dt.date(2021, 2, 20)) != "background"
    assert kind_of("The rebels captured the hilltop garrison of Kafr Nabl last month.",
                   published=dt.date(2021, 2, 20)) == "event"


# --------------------------------------------------------------------------- tallies of a month or a year

def test_an_act_told_by_part_of_a_month_is_recalled_not_counted():
    # an earlier act recalled by part of the report's month: no tally, and no incident its vague date would merge
    row, cas = one("In early March three car bombs exploded in the old market of Azaz, killing 11 people.")
    assert row["kind"] == "background" and set(cas["scope"]) == {"event"}
    # near miss: the whole month so far is still a tally
    row, _ = one("In March, 11 people were killed by car bombs in Azaz, the monitor said.")
    assert row["kind"] == "running_total"


def test_figures_of_many_acts_over_a_past_month_are_a_tally():
    row, _ = one("The monitor counted 380 civilians killed by government airstrikes in January.")
    assert row["kind"] == "running_total"
    # near miss: one act on a day of that month
    row, _ = one("The monitor said 38 civilians were killed by government airstrikes on January 12.")
    assert row["kind"] == "event"


def test_a_perfect_tally_of_this_year_without_a_figure_is_a_running_total():
    assert kind_of("Feuding between the rebel factions has killed scores of fighters this year.") == "running_total"
    # near miss: the year dates nothing and an act is told
    assert kind_of("Feuding between the rebel factions killed two fighters in Atarib on Monday.") == "event"


# --------------------------------------------------------------------------- perception and success

def test_a_past_perception_is_no_future():
    assert kind_of("Heavy explosions could still be heard across the valley on Tuesday.") == "event"
    # near miss: a modal of the future
    assert kind_of("Heavy explosions could hit the valley again in the coming days.") == "future"


def test_an_act_an_army_managed_is_told():
    assert kind_of("The army managed to control three villages east of the lake, a reporter said.") == "event"


def test_a_campaign_counted_by_its_length_has_a_tally():
    row, cas = one("Monitors say a month of fighting in the eastern province alone has killed nearly 300 fighters.")
    assert row["kind"] == "running_total" and set(cas["scope"]) == {"total"}
    # near miss: the length of a siege before an act told
    row, cas = one("After a year of siege, government troops stormed the town on Monday, killing 12 fighters.")
    assert row["kind"] == "event" and set(cas["scope"]) == {"event"}


def test_a_telling_set_in_time_is_no_act():
    assert kind_of("The ministry's statement on the raid came hours after the envoy accused the army of "
                   "shelling the camp.") == "background"
    # near miss: the act as the subject, with its own toll
    assert kind_of("The raid on the camp came hours after the envoy's visit, killing 6 people.") == "event"


# --------------------------------------------------------------------------- pledges

@pytest.mark.parametrize("sentence", [
    "The president has pledged a new incursion to push the fighters back from the border.",
    "The minister promised an investigation into the strike on the market.",
])
def test_a_pledge_or_promise_of_an_act_is_future(sentence):
    assert kind_of(sentence) == "future"


def test_a_pledge_of_allegiance_before_an_act_is_no_future():
    # near miss: "pledged allegiance" is no promise of the act the sentence tells
    assert kind_of("Gunmen who had pledged allegiance to ISIS attacked the checkpoint, killing 4 soldiers.") == "event"
