"""An actor named after "by" inside the reason of an act ("in retaliation for
an attack carried out by X", "in revenge for the killing of a commander by
X") acted in the act replied to, not in the one told: it is no perpetrator
of it (roles.yaml `reason_leads`). Sentences written for these tests; the
near misses keep their by-phrase perpetrator."""

from __future__ import annotations

import pytest

from claimscope.actors import find_roles

from builtin_knowledge import K


@pytest.mark.parametrize("sentence, perpetrator", [
    ("Turkish forces shelled villages near Tel Rifaat in retaliation for an attack carried out by the SDF.",
     "Turkish Armed Forces"),
    ("Villages near Tel Rifaat were shelled on Monday in response to raids by the SDF.", ""),
    ("A prisoner was killed in Raqqa in revenge for the killing of a commander by ISIS.", ""),
    # near misses: the by-phrase tells this act's author; a comma ends the reason before it
    ("Two soldiers were killed by the SDF near Tel Rifaat in retaliation for the shelling.",
     "Syrian Democratic Forces"),
    ("In response to the shelling, two soldiers were killed by the SDF near Tel Rifaat.",
     "Syrian Democratic Forces"),
    ("Two civilians were killed in Idlib in an airstrike carried out by Russian warplanes.",
     "Russian Aerospace Forces"),
])
def test_an_actor_in_the_reason_of_an_act_is_not_its_perpetrator(sentence, perpetrator):
    assert find_roles(sentence, knowledge=K).perpetrator == perpetrator


@pytest.mark.parametrize("sentence, perpetrator, target", [
    # the actor of a clause 'as' opens acts in another act: neither this act's author nor the one it hit
    ("At least nine civilians were killed by airstrikes on Monday as army units responded to a rebel offensive "
     "near the town.", "", ""),
    ("The bombing came as the Syrian regime pressed an offensive in southern Idlib.", "", ""),
    # near misses: 'as' inside this act's own words, and the act's own target
    ("Regime forces repelled a rebel attack on the town of Suqaylabiyah.", "Syrian Arab Army", "Syrian opposition"),
    ("Turkish drones struck SDF positions near Kobani.", "Turkish Armed Forces", "Syrian Democratic Forces"),
])
def test_the_actors_of_another_clause_are_neither_author_nor_target(sentence, perpetrator, target):
    r = find_roles(sentence, knowledge=K)
    assert (r.perpetrator, r.target) == (perpetrator, target)


@pytest.mark.parametrize("sentence, target", [
    # where an act came from is who made it, never who it hit
    ("The attack, which Washington says came from government forces, killed dozens near Douma.", ""),
    # near miss: the one hit after the act verb
    ("The attack on government forces near Douma killed dozens.", "Syrian Arab Army"),
])
def test_where_an_act_came_from_is_not_its_target(sentence, target):
    assert find_roles(sentence, knowledge=K).target == target


@pytest.mark.parametrize("sentence, target", [
    # the side one fights on, or alongside, is an ally, not the one hit
    ("Russian jets struck Idlib on the side of the Syrian army, killing five rebels.", "Syrian opposition"),
    ("Iraqi militias fought alongside the Syrian army near Palmyra.", ""),
])
def test_the_side_fought_on_is_not_the_target(sentence, target):
    assert find_roles(sentence, knowledge=K).target == target
