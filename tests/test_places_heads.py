"""Places that are where it happened (issue 10, 2026-12): "the outskirts of
Damascus" lies in Rif Dimashq, where people were taken is not where the act
happened ("evacuated to Idlib"), and a spelling variant that is only the tail
of a longer name ("Umm Raseen") is not the place its tail happens to fold to
(Ras al-Ayn, through its alias "Rass el Ein"). Each rule has near misses
that must keep their place. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimscope.places import dominant_governorate, find_places

from builtin_knowledge import K, bind

find_places = bind(find_places)


def got(text: str, **kw) -> list[tuple[str, str | None, str]]:
    return [(m.name, m.governorate, m.precision) for m in find_places(text, **kw)]


# ----------------------------------------------------------------------------- the outskirts of the capital

@pytest.mark.parametrize("sentence", [
    "Mortar rounds fell on the outskirts of Damascus overnight.",
    "Jets bombed the eastern outskirts of Damascus on Sunday.",
    "Fighting flared again in the environs of Damascus.",
    "Jets pounded a rebel enclave outside Damascus.",
    "Jets pounded a besieged Damascus suburb at dawn.",
])
def test_the_outskirts_of_damascus_are_in_rif_dimashq(sentence):
    assert got(sentence) == [("Rif Dimashq", "Rif Dimashq", "governorate")]


def test_the_damascus_suburb_of_a_town_is_in_rif_dimashq():
    found = got("A car bomb went off in the Damascus suburb of Jaramana.")
    assert [g for _, g, _ in found] == ["Rif Dimashq", "Rif Dimashq"]
    assert "Damascus" not in [g for _, g, _ in found]


@pytest.mark.parametrize("sentence, expected", [
    # the outskirts of a seat whose countryside is its own governorate stay near the city
    ("Mortar rounds fell on the outskirts of Aleppo overnight.", [("Aleppo", "Aleppo", "near_town")]),
    ("Fighting flared again in the environs of Homs.", [("Homs", "Homs", "near_town")]),
    ("Jets pounded a rebel enclave outside Hama.", [("Hama", "Hama", "near_town")]),
    # the capital itself, and the countryside words read as before
    ("Mortar rounds fell in Damascus overnight.", [("Damascus", "Damascus", "town")]),
    ("Jets bombed the suburbs of Damascus on Sunday.", [("Rif Dimashq", "Rif Dimashq", "governorate")]),
    ("Jets bombed the southern countryside of Damascus.", [("Rif Dimashq", "Rif Dimashq", "governorate")]),
    # the capital's name modifying a landmark: the landmark is in the city
    ("A bomb exploded outside the Damascus Opera House.", [("Damascus", "Damascus", "near_town")]),
    ("A bomb exploded outside Damascus's Old City walls.", [("Damascus", "Damascus", "near_town")]),
])
def test_outskirts_near_misses(sentence, expected):
    assert got(sentence) == expected


# ----------------------------------------------------------------------------- the head of a name

@pytest.mark.parametrize("sentence", [
    "A roadside bomb went off in Umm Raseen at dawn.",
    "A roadside bomb went off in Tal Raseen at dawn.",
])
def test_a_name_tail_after_a_generic_head_is_not_another_place(sentence):
    assert "Ras al-Ayn" not in [name for name, _, _ in got(sentence)]


@pytest.mark.parametrize("sentence, name, governorate", [
    ("Artillery hit Tel Rifaat at dawn.", "Tall Rifat", "Aleppo"),       # head and tail are one place
    ("Artillery hit Kinsafra at dawn.", "Kansafra", "Idlib"),            # a one-word spelling variant
    ("Two soldiers died in Lattakia at dawn.", "Latakia", "Latakia"),
    ("Artillery hit the village of Abo Raseen at dawn.", "Abu Rasin", "Al-Hasakah"),
    ("Artillery hit the edge of Ras al-Ain at dawn.", "Ras al-Ayn", "Al-Hasakah"),
])
def test_spelling_variants_still_match(sentence, name, governorate):
    found = [(n, g) for n, g, _ in got(sentence)]
    assert (name, governorate) in found


# ----------------------------------------------------------------------------- where people were taken

def _main(text: str) -> str | None:
    return dominant_governorate(find_places(text), knowledge=K, lead_chars=0)


@pytest.mark.parametrize("verb", ["were bussed to", "were evacuated to", "fled to", "were transferred to"])
def test_a_destination_is_not_the_main_place(verb):
    text = (f"Shelling hit Qudsaya on Monday. On Thursday 150 fighters {verb} Idlib province "
            f"and later {verb} the city of Idlib.")
    assert _main(text) == "Rif Dimashq"


def test_a_place_struck_still_counts():
    # near miss: the same names as where the act happened
    text = "Shelling hit Qudsaya on Monday. On Thursday jets struck Idlib province and later hit the city of Idlib."
    assert _main(text) == "Idlib"
