"""Namesakes read against the governorate a sentence names, a guess marked
as one, and the gazetteer gaps audits found (Maarat al-Naasan, al-Sabha,
Resafa). Sentences written for these tests; each rule has near misses that
must keep their reading."""

from __future__ import annotations

import pytest

from claimscope.places import find_places

from builtin_knowledge import K, bind

find_places = bind(find_places)


def place(text: str, raw: str, **kw):
    return next(m for m in find_places(text, **kw) if m.raw == raw)


# ----------------------------------------------------------------------------- gazetteer gaps

@pytest.mark.parametrize("sentence, raw, name, governorate", [
    ("Two civilians were hurt by shelling on Maarat al-Naasan.", "Maarat al-Naasan", "Maarat al-Naasan", "Idlib"),
    ("Gunmen attacked a checkpoint in the town of Al-Sabha.", "Al-Sabha", "al-Sabha", "Deir ez-Zor"),
    ("Jets struck hideouts near Rasafa.", "Rasafa", "Resafa", "Raqqa"),
])
def test_places_audits_found_missing_are_in_the_supplement(sentence, raw, name, governorate):
    m = place(sentence, raw)
    assert (m.name, m.governorate) == (name, governorate)


def test_supplement_rows_added_for_audits_cite_their_source():
    rows = {r["name"]: r for r in K.supplement}
    assert rows["Resafa"]["lat"] and "Wikipedia" in rows["Resafa"]["coord_source"]
    for name in ("Maarat al-Naasan", "al-Sabha"):
        assert not rows[name]["lat"] and "syriahr.com" in rows[name]["note"]   # governorate cited, no coordinates


