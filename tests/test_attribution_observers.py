"""An observer reports with "monitored" ("SOHR activists monitored heavy
shelling on X"); another subject monitoring tells an act, not a report
("Turkish drones monitored the area"). lexicon.yaml observing_verbs,
observer_types. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimscope.attribution import attribute

from builtin_knowledge import K


@pytest.mark.parametrize("sentence, source, cue", [
    ("Moreover, SOHR monitored violent clashes between regime forces and ISIS cells in the desert.",
     "Syrian Observatory for Human Rights", "reporting_verb"),
    ("Local activists monitored heavy shelling by regime forces on Kansafra.", "activists", "reporting_verb"),
    # near misses: drones and police that monitor an area report nothing
    ("Turkish drones monitored the area before the strike on Kobani.", "Orontes Post", "outlet"),
    ("The crossing was monitored by Russian military police after clashes near Tal Abyad.", "Orontes Post", "outlet"),
])
def test_only_an_observer_reports_by_monitoring(sentence, source, cue):
    a = attribute([sentence], outlet="Orontes Post", knowledge=K)[0]
    assert (a.source, a.cue) == (source, cue)
