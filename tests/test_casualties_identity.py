"""Who the victims were said to be, right after their phrase ("a shepherd, who
was accused of being an ISIS commander"): counted as those combatants, as UCDP
GED codes the dead by the affiliation the report gives them (actors.yaml
`identity_links`; session 12). Sentences written for these tests."""

from __future__ import annotations

from claimscope.casualties import find_casualties

from builtin_knowledge import K


def _read(sentence: str) -> list[tuple[str, str, str]]:
    return [(m.category, m.side, m.outcome) for m in find_casualties(sentence, knowledge=K)]


def test_a_victim_said_to_be_a_fighter_of_a_side_is_counted_as_one():
    assert _read("Monitors documented the death of a shepherd, who was accused of “being an ISIS commander”, "
                 "in a raid near the dam.") == [("combatants", "jihadist", "killed")]
    assert _read("The body of a displaced man, identified as a leader in Hayat Tahrir al-Sham, was found "
                 "on the road.") == [("combatants", "jihadist", "killed")]


def test_the_killers_identity_and_a_vague_one_leave_the_victims_as_they_were():
    # "believed to be ISIS members" tells who the gunmen were, not the farmer
    assert _read("A farmer was shot dead by masked men, believed to be ISIS members, at the market.") == [
        ("civilians", "", "killed")]
    # said to be killed by a group: who killed him, not who he was
    assert _read("Gunmen shot dead a man, said to be hunted by ISIS members, on Sunday.") == [("unknown", "", "killed")]
    assert _read("Gunmen shot dead a man, believed to be an ISIS member, on Sunday.") == [
        ("combatants", "jihadist", "killed")]
    # an identity of no armed side
    assert _read("A farmer, who was believed to be an informant, was found dead.") == [("civilians", "", "killed")]


def test_a_units_ordinal_after_a_backers_participle_names_the_unit():
    from claimscope.casualties import find_casualties
    got = find_casualties("Gunmen killed three militiamen of the Russian-backed 5th Corps near Busra.", knowledge=K)
    assert [(k.victims, k.side) for k in got] == [("Syrian Arab Army", "syrian_government")]
