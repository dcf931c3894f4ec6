"""Extraction accuracy against the hand-checked seeds gold and the FA-KES
crowd annotations: the figures `make eval` prints, pinned so they cannot
silently regress. The gold is never special-cased: rules are general."""

import pytest

from claimscope.attribution import UNKNOWN_OUTLET
from claimscope.evaluate import event_date_ceiling, score_fakes, score_seeds

from builtin_knowledge import bind

event_date_ceiling = bind(event_date_ceiling)
score_fakes = bind(score_fakes)
score_seeds = bind(score_seeds)


def test_every_gold_claim_is_located_and_every_measure_is_at_least_90_percent(seeds_tables, gold):
    score = score_seeds(seeds_tables, gold)
    assert score.rate("located") == 1.0, score.misses
    low = {m: score.rate(m) for m in score.measures if score.rate(m) < 0.9}
    assert low == {}, score.misses


def test_claims_keep_raw_phrases_beside_normalised_values(seeds_tables):
    claims = seeds_tables["claims"]
    dated = claims[claims["event_date"].fillna("") != ""]
    assert (dated["date_raw"].fillna("") != "").all()
    placed = claims[claims["places"].fillna("") != ""]
    assert (placed["places_raw"].fillna("") != "").all()
    cas = seeds_tables["casualties"]
    assert (cas["raw"].fillna("") != "").all()
    for row in claims.itertuples():
        text = seeds_tables["documents"].set_index("doc_id").loc[row.doc_id, "text"]
        assert text[row.start:row.end] == row.sentence


def test_outlet_voice_and_unknown_sources(seeds_tables):
    claims = seeds_tables["claims"]
    own = claims[claims["source_type"] == "outlet"]
    assert set(own["source"]) <= set(seeds_tables["documents"]["outlet"].fillna("")) | {UNKNOWN_OUTLET}
    assert UNKNOWN_OUTLET in set(own["source"])  # seed 003 names no outlet
    assert set(claims["source_type"]) <= {"official", "monitor", "partisan", "media", "local", "unnamed", "outlet"}


@pytest.mark.slow
@pytest.mark.fakes
def test_fakes_crowd_agreement(fakes_tables, fakes_crowd):
    """Issue targets: deaths >= 0.85, governorate >= 0.90. The event-date
    target (0.75) is out of reach: an oracle choosing among every date the
    text mentions and the publication date matches only ~0.72 of the crowd
    dates (mostly datelines; a quarter lie outside the week before
    publication), so this pins the level reached instead."""
    s = score_fakes(fakes_tables, fakes_crowd)
    hits, judged = event_date_ceiling(fakes_tables, fakes_crowd)
    assert hits / judged < 0.75  # what makes the 0.75 event-date target unreachable
    assert len(fakes_tables["documents"]) == len(fakes_crowd) == 381
    assert s["deaths"][2] >= 0.85
    assert s["governorate"][2] >= 0.90
    assert s["event_date"][2] >= 0.62
    assert s["event_date_week"][2] >= 0.72


def test_a_claim_lies_in_the_governorate_most_of_its_places_lie_in(seeds_tables):
    claims = seeds_tables["claims"]
    row = claims[claims["sentence"].str.startswith("On September 5, heavy clashes")].iloc[0]
    assert row["governorate"] == "Idlib"  # Fleifel, Saraqib (Idlib); al-Enkawi (Hama); Kafr Taal (Aleppo)
    region_only = claims[claims["places"] == "central Syrian desert"]
    assert (region_only["governorate"].fillna("") == "").all()  # no document-wide guess for a named region
