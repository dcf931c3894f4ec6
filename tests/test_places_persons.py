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


def test_a_victims_origin_is_not_where_the_act_happened():
    names = [n for n, _ in got("A shepherd from Manbij was shot dead near Tal Abyad on Monday, the monitor said.")]
    assert "Manbij" not in names and "Tal Abyad" in names
    names = [n for n, _ in got("The dead man hails from Al-Bab and was wounded three days ago.")]
    assert "al-Bab" not in names and "Al-Bab" not in names
    names = [n for n, _ in got("Buses carrying families from Aleppo, Raqqa and Homs were stopped at the crossing.")]
    assert not {"Aleppo", "Raqqa", "Homs"} & set(names)
    # near misses: an act from a place ("shells fired from Azaz") and a place the victim was in keep their place
    assert "Azaz" in [n for n, _ in got("Shells fired from Azaz hit the town of Tal Rifaat.")]
    assert "Manbij" in [n for n, _ in got("A shepherd was shot dead in Manbij on Monday.")]


def test_the_names_after_a_kinship_word_are_persons():
    assert got("Ahmad Khalil, son of Mahmoud and Hamida, 30 years old (chest injury)") == []
    # near miss: a place after the person's description is still a place
    assert "Tall Rifat" in [n for n, _ in got("Ahmad Khalil, son of Mahmoud, was killed in Tal Rifaat.")]
