"""Who is not the target nor the perpetrator though named beside the act
(session 10, audits 11 and 12): one of two alternatives, the holder of the
area hit, a city that stands for its government, the subject of an
infinitive. Sentences written for these tests; each rule has a near miss
that keeps its role."""

from claimscope.actors import find_roles

from builtin_knowledge import bind

find_roles = bind(find_roles)


def test_an_alternative_the_table_does_not_name_still_asserts_no_perpetrator():
    r = find_roles("It was unclear whether the raids on the village were carried out by Syrian government or Russian war planes.")
    assert r.perpetrator == ""
    r = find_roles("Residents said the shells were fired by the regime or by unknown gunmen.")
    assert r.perpetrator == ""
    # near miss: two spellings of one actor are no alternative
    r = find_roles("Turkish drones struck SDF or YPG positions near Tal Rifaat.")
    assert r.perpetrator == "Turkish Armed Forces" and r.target == "Syrian Democratic Forces"
    r = find_roles("It is unclear if the raid was carried out by Syrian government planes or those of its ally Russia.")
    assert r.perpetrator == ""
    # near miss: an alternative of the actor's own camp keeps it asserted
    assert find_roles("The bombing was carried out by Hezbollah or its allies, the ministry said.").perpetrator == "Hezbollah"
    # near miss: an actor with no "or" after it keeps its role
    assert find_roles("The raids were carried out by Syrian government planes, the monitor said.").perpetrator


def test_the_second_of_two_alternatives_after_a_preposition_is_no_target():
    r = find_roles("The shelling aims to turn residents against the rebel factions or against IS, activists said.")
    assert r.target == ""
