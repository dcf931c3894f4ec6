import pytest

from claimscope.actors import canonical_actor, find_actors, find_roles
from claimscope.events import event_type, find_cause

from builtin_knowledge import bind

canonical_actor = bind(canonical_actor)
find_actors = bind(find_actors)
find_roles = bind(find_roles)
event_type = bind(event_type)
find_cause = bind(find_cause)


@pytest.mark.parametrize("alias,name", [
    ("Syrian Army", "Syrian Arab Army"), ("Syrian troops", "Syrian Arab Army"), ("government forces", "Syrian Arab Army"),
    ("Turkish military", "Turkish Armed Forces"), ("Turkish forces", "Turkish Armed Forces"),
    ("Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham"), ("HTS", "Hayat Tahrir al-Sham"),
    ("TIP", "Turkistan Islamic Party"), ("Daesh", "ISIS"), ("NDF", "National Defense Forces"),
    ("Russian aerospace forces", "Russian Aerospace Forces"), ("Damascus government", "Syrian government"),
])
def test_aliases(alias, name):
    assert canonical_actor(alias) == name


def test_capitalised_aliases_are_case_sensitive_and_whole_words():
    assert [m.name for m in find_actors("this is ISIS, not IS-held or tip")] == ["ISIS"]
    assert find_actors("Turkish-backed militants")[0].name == "Turkish-backed factions"


def test_place_like_aliases_only_outside_locative_phrases():
    assert [m.name for m in find_actors("They blame Damascus for the attack.")] == ["Syrian government"]
    assert find_actors("A car bomb exploded in Damascus.") == []
    assert find_actors("A mortar hit the Damascus Opera House.") == []


@pytest.mark.parametrize("sentence,perp,cue,target", [
    ("A day later, the Turkish military once again shelled Syrian troops near Saraqib.",
     "Turkish Armed Forces", "agent", "Syrian Arab Army"),
    ("Some pro-militant sources claimed that the explosion was caused by an airstrike by the Russian Aerospace Forces.",
     "Russian Aerospace Forces", "by_phrase", ""),
    ("The attack on the Turkish patrol was likely conducted by the TIP or its allies.",
     "Turkistan Islamic Party", "by_phrase", "Turkish Armed Forces"),
    ("Idlib militant groups and pro-Turkish sources immediately blamed Russia for the casualties among the Turkish Army.",
     "Russia", "blamed", ""),
    ("They claim that it is the Damascus government that violated the ceasefire triggering the confrontation.",
     "Syrian government", "responsible", ""),
    ("Syrian sources say that the clashes started after the Turkish Armed Forces conducted several artillery strikes on Syrian Army positions.",
     "Turkish Armed Forces", "responsible", "Syrian Arab Army"),
    ("On August 6, a combat drone of the Turkish Armed Forces struck an electric cable factory.",
     "Turkish Armed Forces", "agent", ""),
    ("Syrian forces launched a series of strikes on positions of the Turkish-backed terrorist group Hayat Tahrir al-Sham.",
     "Syrian Arab Army", "agent", "Hayat Tahrir al-Sham"),
])
def test_roles(sentence, perp, cue, target):
    r = find_roles(sentence)
    assert (r.perpetrator, r.perpetrator_cue, r.target) == (perp, cue, target)


def test_event_types_prefer_the_most_specific_cue():
    assert event_type("One Turkish soldier died in an IED attack").type == "ied"
    assert event_type("a combat drone of the Turkish Armed Forces struck a factory").type == "drone_strike"
    assert event_type("the Turkish Armed Forces conducted several artillery strikes").type == "shelling"
    assert event_type("heavy clashes between Syrian troops and militants broke out").type == "clash"
    assert event_type("Turkey and Syria have been in talks") is None


def test_causes():
    assert find_cause("the explosion was caused by an airstrike by the Russian Aerospace Forces").cause == "airstrike"
    c = find_cause("the incident happened due to poor safety measures at the weapon depot")
    assert (c.cause, c.raw) == ("accident", "poor safety measures at the weapon depot")
    assert find_cause("Troops shelled the town.") is None


def test_clashes_breaking_out_name_no_perpetrator_and_allies_are_not_targets():
    r = find_roles("Heavy clashes between Syrian troops and Turkish-backed militants broke out near Fleifel.")
    assert (r.perpetrator, r.target) == ("", "")
    r = find_roles("Week of bombing by the Syrian Army and Russia")
    assert (r.perpetrator, r.target) == ("Syrian Arab Army", "")


def test_attacks_on_patrols_are_attacks():
    assert event_type("The attack on the Turkish patrol was likely conducted by the TIP or its allies.").type == "attack"
    assert event_type("The Turkish army deployed reinforcements in Idlib.").type == "deployment"
