"""Namesakes read against the governorate a sentence names, a guess marked
as one, and the gazetteer gaps audits found (Maarat al-Naasan, al-Sabha,
Resafa). Sentences written for these tests; each rule has near misses that
must keep their reading."""

from __future__ import annotations

import pytest

from claimscope.places import AMBIGUOUS_SCORE, find_places

from builtin_knowledge import K, bind

find_places = bind(find_places)


def place(text: str, raw: str, **kw):
    return next(m for m in find_places(text, **kw) if m.raw == raw)


# ----------------------------------------------------------------------------- the sentence's governorate decides

@pytest.mark.parametrize("sentence", [
    "Jets pounded al-Hamidiyah, Kafr Sajna and Khan Sheikhoun in the southern Idlib countryside.",
    "In the Idlib countryside, artillery shelled al-Hamidiyah overnight.",
    "Rebels attacked the village of al-Hamidiyah near Maarat al-Numan.",
])
def test_a_small_place_of_a_far_governorate_the_sentence_contradicts_is_a_namesake(sentence):
    """The gazetteer's al-Hamidiyah is a village of Tartus, 150 km from Idlib:
    named in a list placed in Idlib's countryside, after a frame naming it,
    or beside a well-known Idlib town, it is Idlib's namesake, unresolved."""
    m = place(sentence, "al-Hamidiyah")
    assert (m.governorate, m.source, m.lat) == ("Idlib", "unresolved", None)


def test_the_namesake_the_gazetteer_has_in_the_named_governorate_is_taken():
    """'al-Mazraa' spells a Damascus quarter of the supplement exactly and
    Al Mazraah of As-Suwayda as a transliteration: in Suwayda's countryside
    it is the latter, with its coordinates."""
    m = place("Mortar shells fell on al-Mazraa in the Suwayda countryside.", "al-Mazraa")
    assert (m.name, m.governorate) == ("Al Mazraah", "As-Suwayda") and m.lat is not None


@pytest.mark.parametrize("sentence", [
    "Warplanes struck al-Hamidiyah in Tartus.",
    "Warplanes struck al-Hamidiyah.",
    "Rockets fired from the Idlib countryside hit al-Hamidiyah near Tartus.",
])
def test_a_small_place_its_own_governorate_bears_out_keeps_its_entry(sentence):
    assert place(sentence, "al-Hamidiyah").governorate == "Tartus"


def test_a_small_place_near_the_named_governorate_keeps_its_entry():
    """Dayr Makir (Rif Dimashq) lies 30 km from Quneitra: named in a report
    on Quneitra's countryside it is still the gazetteer's village."""
    m = place("Troops shelled the hills east of Dayr Makir in the Quneitra countryside.", "Dayr Makir")
    assert m.governorate == "Rif Dimashq" and m.source.startswith("geonames:")


# ----------------------------------------------------------------------------- a guess is marked

def test_a_namesake_nothing_placed_is_marked_as_a_guess():
    """Suran is a town of Hama and a village of Aleppo: alone, the larger is
    taken and its score says it was a guess; a governorate of the sentence or
    the report decides, and is no guess."""
    assert place("Shells hit Suran at dawn.", "Suran").score == AMBIGUOUS_SCORE
    assert place("Shells hit Suran near Morek at dawn.", "Suran").score == 100.0
    m = place("Shells hit Suran at dawn.", "Suran", known_governorates={"Aleppo"})
    assert (m.governorate, m.score) == ("Aleppo", 100.0)
    assert place("Shells hit Saraqib at dawn.", "Saraqib").score == 100.0   # one place of that name


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


def test_a_small_place_named_beside_a_governorate_not_in_it_keeps_its_entry():
    """'between X and Raqqa province' names two areas, neither inside the
    other: the village keeps its gazetteer governorate."""
    m = place("A mine hit a bus on the road between al-Hamidiyah and Idlib province.", "al-Hamidiyah")
    assert m.governorate == "Tartus"


# ----------------------------------------------------------------------------- a speaker's base

def names(text: str) -> list[str]:
    return [m.name for m in find_places(text)]


@pytest.mark.parametrize("sentence, kept", [
    ("A military source in Damascus said six soldiers were killed in an ambush near Mayadin.", ["Mayadin"]),
    ("Officials in Damascus told reporters that rockets hit Saraqib overnight.", ["Saraqib"]),
])
def test_an_officials_base_is_not_where_the_act_was(sentence, kept):
    assert names(sentence) == kept


@pytest.mark.parametrize("sentence, kept", [
    # nothing else named: the base is all the sentence says
    ("A military source in Damascus said six soldiers were killed.", ["Damascus"]),
    # a local voice's town is often the act's
    ("Activists in Saraqib said the jets had taken off from Hama airport.", ["Saraqib", "Hama"]),
    # the base and the act in one governorate
    ("Officials in Idlib said shells hit Saraqib.", ["Idlib", "Saraqib"]),
    # no speech verb after the name: the act's place
    ("A military source in Damascus was wounded when shells hit Saraqib.", ["Damascus", "Saraqib"]),
])
def test_a_speakers_base_stays_where_nothing_tells_it_apart(sentence, kept):
    assert names(sentence) == kept


# ----------------------------------------------------------------------------- the nearest namesake

def test_the_namesake_nearest_the_sentences_other_places_is_chosen():
    """Two villages of one name, neither in a governorate the text names: the
    one within `homonym_km` of the text's other places wins over the larger."""
    from claimscope.places import Gazetteer, Place, translit
    big = Place("Tell Sabun", "town", "Hama", 35.0, 36.7, population=9000, source="t:1")
    small = Place("Tell Sabun", "village", "Aleppo", 36.5, 37.2, source="t:2")
    gz = Gazetteer.from_places([big, small], translit=translit(K))
    cands = (0, 1)
    assert gz._choose(cands, want=None, context=()) == 0                             # nothing near: the larger
    assert gz._choose(cands, want=None, context=(), near=((36.55, 37.1),), near_km=100) == 1   # 10 km away
    assert gz._choose(cands, want=None, context=("Hama",), near=((36.55, 37.1),), near_km=100) == 0  # named wins
    assert gz._choose(cands, want=None, context=(), near=((33.5, 36.3),), near_km=100) == 0   # nothing within


def test_a_namesake_placed_by_its_neighbours_is_no_guess():
    """Khan Sheikhoun (Idlib) lies 18 km from Hama's Suran: that decides."""
    m = place("Shells hit Suran near Khan Sheikhoun.", "Suran")
    assert (m.governorate, m.score) == ("Hama", 100.0)
