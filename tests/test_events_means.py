"""Issue 10, event types: a sentence is typed by the act it tells, not by a
word that names no act of its own (an aircraft seen in flight) nor by one of
two means its source leaves open. Sentences written for these tests (none
from the corpora), with near misses."""

from __future__ import annotations

from claimscope.events import event_type

from builtin_knowledge import bind

event_type = bind(event_type)


def test_an_aircraft_seen_in_flight_does_not_type_the_act():
    got = event_type("Militias shelled the hamlet, with flight of a reconnaissance drone over the area.")
    assert got is not None and got.type == "shelling"
    assert event_type("A drone struck a car near the hamlet.").type == "drone_strike"


def test_two_means_given_as_alternatives_leave_the_means_open():
    got = event_type("It was unclear whether the house was hit by a mortar or an air strike.")
    assert got is not None and (got.type, got.cue) == ("attack", "mortar or an air strike")
    # "Syrian or Russian" qualifies one means: no alternative
    assert event_type("Syrian or Russian warplanes bombed the market.").type == "airstrike"


def test_an_aircraft_shot_down_is_no_strike_when_another_act_types_the_sentence():
    got = event_type("The militants said they had shot down an army warplane near the dam, killing its pilot.")
    assert got is not None and got.type == "attack"
    # the jets are the strikers, the helicopter the one downed
    assert event_type("Jets struck the depot after rebels shot down a helicopter.").type == "airstrike"
    # no other act told: a shoot-down (session 10), not the aircraft's strike
    assert event_type("Air defences shot down a drone over the base.").type == "shoot_down"


def test_an_aircraft_downed_with_no_other_act_told_is_a_shoot_down_not_its_strike():
    for s in ["Jamming signals led the drone to falling down in fields near Kafr Nabl.",
              "Soldiers downed an armed drone east of Tal Abyad on Friday.",
              "Two fighter jets were brought down over the border, the ministry said."]:
        got = event_type(s)
        assert got is not None and got.type == "shoot_down", s
    # near misses: a drone that strikes is a drone strike, a warplane that bombs an airstrike
    assert event_type("A drone struck a car near Qamishli on Friday.").type == "drone_strike"
    assert event_type("Warplanes bombed the market of Maarat al-Numan.").type == "airstrike"


def test_alternatives_leave_the_means_open_only_when_nothing_else_types_the_act():
    # review12: the jets type the act; the alternatives are only what they dropped
    assert event_type("Jets struck Ariha with missiles or barrel bombs.").type == "airstrike"


def test_aircraft_firing_missiles_strike_from_the_air_and_poisonous_gas_is_chemical():
    assert event_type("Government planes fired missiles at the bakery in Kafr Zita.").type == "airstrike"
    assert event_type("Army helicopters dropped two barrels on the hamlet.").type == "airstrike"
    assert event_type("Witnesses said rockets loaded with poisonous gas hit the camp.").type == "chemical_attack"
    # near misses: ground forces' missiles stay shelling, aircraft that strike nothing type nothing
    assert event_type("Regime troops fired surface-to-surface missiles at the hamlet.").type == "shelling"
    assert event_type("Russian planes delivered aid to the airbase.") is None


def test_the_act_replied_to_does_not_type_the_reply():
    got = event_type("The rebels fired rockets at army positions near the dam, in response to airstrikes by "
                     "government jets on their villages.")
    assert got is not None and got.type == "shelling"
    got = event_type("In retaliation for the drone strike, the militia shelled two villages.")
    assert got is not None and got.type == "shelling"
    # near miss: with no cue outside the reason, the reason's act types the sentence
    got = event_type("The militia said it acted in retaliation for the shelling.")
    assert got is not None and got.type == "shelling"
