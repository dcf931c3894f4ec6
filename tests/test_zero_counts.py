"""A zero count ("no one was hurt") is no denial: the act happened and its
claim is not `negated`; a denial stays one. Sentences written for these tests
(none from the corpora)."""

from __future__ import annotations

from claimscope.attribution import stance as _stance

from builtin_knowledge import K
from one_document import one


# --------------------------------------------------------------------------- zero counts

def test_a_zero_count_is_no_denial():
    st = _stance("Clashes broke out at the checkpoint on Monday, but no casualties were reported.", knowledge=K)
    assert not st.negated
    st = _stance("Gunmen fired on the patrol, and nobody was killed.", knowledge=K)
    assert not st.negated
    # near miss: a denial stays one, with or without a zero count
    st = _stance("The army denied the shelling, saying no one was killed.", knowledge=K)
    assert st.negated and st.negation_cue == "denied"


def test_a_clash_without_casualties_keeps_its_act():
    row, _ = one("Clashes broke out between the two factions at the Azaz checkpoint on Monday, "
                 "but no casualties were reported.")
    assert row["kind"] == "event" and not row["negated"]


def test_a_zero_count_beside_a_dismissal_of_the_act_is_a_denial():
    # review14: the zero count no longer denies, so "dismissing reports of X" must
    st = _stance("SANA said no one was killed in Jableh, dismissing opposition reports of a car bomb there.",
                 knowledge=K)
    assert st.negated and "dismissing" in st.negation_cue


def test_a_dismissal_by_another_voice_joined_without_a_comma_is_theirs():
    # near miss of the dismissal cue: the speaker reports, residents dismiss: the report is no denial
    st = _stance("Moscow and state media reported dozens of civilians had fled via the corridors but residents and "
                 "rebels on the ground dismissed the reports as lies.", verb="reported", knowledge=K)
    assert not st.negated
