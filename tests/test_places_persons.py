"""Places named beside an act that are not its place: a landmark's other
spelling, a victim's origin, a person's name. Sentences written for these
tests (session 10); each rule has a near miss that keeps its place."""

from __future__ import annotations

from claimscope.places import find_places

from builtin_knowledge import bind

find_places = bind(find_places)


def got(text: str) -> list[tuple[str, str | None]]:
    return [(m.name, m.governorate) for m in find_places(text)]


def test_the_tanaf_spelling_of_the_tanf_base_is_in_homs():
    assert ("al-Tanf", "Homs") in got("A drone crashed near Al-Tanaf base on Monday, the monitor said.")
    assert ("al-Tanf", "Homs") in got("A drone crashed near al-Tanf base on Monday, the monitor said.")
    # a word that only begins like it is no base
    assert all(n != "al-Tanf" for n, _ in got("Tanafir residents fled on Monday."))
