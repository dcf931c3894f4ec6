"""Roles that must not turn the side hit into the side that hit, nor a
deployment into an attack (sentences written for these tests)."""

from claimscope.actors import find_roles

from builtin_knowledge import bind

find_roles = bind(find_roles)


def test_a_reduced_relative_participle_makes_its_subject_the_one_hit():
    r = find_roles("Turkish soldiers hit near Saraqib were fighting alongside militants, the ministry said.")
    assert r.perpetrator == "" and r.target == "Turkish Armed Forces"
    r = find_roles("Russian jets struck near the airport were not Syrian.")
    assert r.perpetrator != "Russian Aerospace Forces"
    # an active verb with an object, or a relative clause after the place, stays active
    r = find_roles("Russian jets struck rebel positions near Idlib where fighters were hiding.")
    assert r.perpetrator == "Russian Aerospace Forces"
    r = find_roles("Syrian troops shelled in Idlib where civilians were sheltering.")
    assert r.perpetrator == "Syrian Arab Army"


def test_who_deploys_or_sends_troops_is_no_perpetrator():
    for s in ["The Turkish army deployed reinforcements to the Idlib region on Monday.",
              "Turkey sent dozens of armoured vehicles across the border."]:
        assert find_roles(s).perpetrator == "", s


def test_a_campaign_told_aside_names_no_perpetrator_nor_target():
    r = find_roles("Turkey deployed more troops in Idlib - Weeks of shelling by the Syrian Army")
    assert (r.perpetrator, r.target) == ("", "")
    r = find_roles("After months of bombing by government forces the village was empty.")
    assert (r.perpetrator, r.target) == ("", "")
    # the act itself by X still names X
    assert find_roles("Four civilians were killed in shelling by the Syrian Army.").perpetrator == "Syrian Arab Army"


def test_the_subject_of_a_perfect_tense_is_no_target_of_an_earlier_act_word():
    r = find_roles("The jets used guided missiles rather than the barrel bombs that the regime has dropped for years.")
    assert r.target != "Syrian government"
    assert find_roles("Turkish artillery shelled the SDF near the town.").target == "Syrian Democratic Forces"
