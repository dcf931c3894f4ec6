"""A governorate's desert is the governorate, not its seat (audit16 A56-A57):
"the Raqqa desert" is the steppe of Raqqa governorate, tens of kilometres from
Raqqa city, where an incident must not be mapped; a town's desert ("the Palmyra
desert") is near the town. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimscope.places import find_places

from builtin_knowledge import bind

find_places = bind(find_places)


def got(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.name, m.governorate, m.precision) for m in find_places(text)]


@pytest.mark.parametrize("sentence, name, governorate", [
    ("Gunmen ambushed an army truck in the Raqqa desert on Monday.", "Raqqa", "Raqqa"),
    ("Jets struck cells hiding in the deserts of Homs overnight.", "Homs", "Homs"),
    ("A landmine killed two shepherds in the Deir Ezzor badia.", "Deir ez-Zor", "Deir ez-Zor"),
])
def test_a_governorates_desert_is_the_governorate(sentence, name, governorate):
    assert (name, governorate, "governorate") in got(sentence)


@pytest.mark.parametrize("sentence, name, precision", [
    # near misses: the city itself, and a town's desert, which is near the town
    ("Shells fell on Raqqa city on Monday.", "Raqqa", "town"),
    ("Gunmen attacked a checkpoint in the Palmyra desert.", "Palmyra", "near_town"),
])
def test_near_miss_a_city_and_a_towns_desert_keep_their_town(sentence, name, precision):
    assert [(n, p) for n, _, p in got(sentence)] == [(name, precision)]
