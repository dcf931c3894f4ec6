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
