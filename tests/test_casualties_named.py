"""A named victim with the role after the name ("the killing of Omar Haddad
(Abu Ali), a local commander") is one person of that role, told as a part:
who died, not a toll to set against another (casualties `_named_objects`;
session 10). Sentences written for these tests."""

from __future__ import annotations

from claimscope.casualties import find_casualties

from builtin_knowledge import K


def _read(sentence: str) -> list[tuple[str, int, str, bool]]:
    return [(m.outcome, m.min, m.category, m.part) for m in find_casualties(sentence, knowledge=K)]


def test_a_named_victim_with_a_role_is_one_person_of_it():
    assert _read("Activists confirmed the killing of Omar Haddad (Abu Ali), a local commander of the brigade, "
                 "in Douma.") == [("killed", 1, "combatants", True)]
    assert _read("The agency reported the killing of Nabil Saeed a photographer for the city newspaper.") == [
        ("killed", 1, "civilians", True)]
    assert _read("Rebels said they killed Karim Nasser, an army officer, near the town.") == [
        ("killed", 1, "combatants", True)]


def test_no_person_without_a_role_after_the_name():
    # near misses: a weekday or a name with no role after it, a name that is no person
    assert _read("Five people were killed Friday during an air raid on the town.") == [("killed", 5, "unknown", False)]
    assert _read("Gunmen killed Ahmad Saleh in front of his house.") == []
    assert _read("Rebels welcomed the death of Assad rule in the town.") == []
