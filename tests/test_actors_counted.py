"""An actor after a count that follows a verb ("hit 63 ISIS targets") names
whose things were counted: the verb after it ("targets") is no act of the
actor. "Daish" is ISIS. Sentences written for these tests; the near misses
keep their agent."""

from __future__ import annotations

import pytest

from claimscope.actors import find_roles

from builtin_knowledge import K


@pytest.mark.parametrize("sentence, perpetrator, target", [
    ("Turkish-backed groups hit 63 ISIS targets after locating them with drones on Monday.", "", "ISIS"),
    ("The coalition struck 12 Daish targets near Raqqa.", "", "ISIS"),
    # near misses: a count after a speech verb or opening the clause, or a year: the actor's own men, who acted
    ("Rebels said two ISIS fighters attacked a checkpoint near Raqqa.", "ISIS", ""),
    ("Later, 40 ISIS fighters attacked a checkpoint near Raqqa.", "ISIS", ""),
    ("In 2015 ISIS fighters stormed Palmyra.", "ISIS", ""),
    ("Daish fighters attacked a checkpoint near Raqqa.", "ISIS", ""),
])
def test_an_actor_after_a_count_is_not_the_subject_of_the_noun_s_verb(sentence, perpetrator, target):
    r = find_roles(sentence, knowledge=K)
    assert (r.perpetrator, r.target) == (perpetrator, target)
