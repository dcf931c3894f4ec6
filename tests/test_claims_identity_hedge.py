"""A hedge that only doubts who the target is leaves the act asserted
(claims._hedges_only_an_identity): 'jets struck caves believed to be IS
hideouts' is a strike whose perpetrator the incident may name, while a
hedge on who did it still hedges the claim. Sentences written for these
tests."""

from __future__ import annotations

import datetime as dt

import pytest

from claimscope.claims import DocumentInput, extract_chunk

from builtin_knowledge import K


def claim(sentence: str):
    doc = DocumentInput(doc_id="d0", text=sentence, published=dt.date(2022, 5, 3), published_precision="day")
    rows = extract_chunk([doc], knowledge=K).claims
    assert len(rows) == 1
    return rows.iloc[0]


def test_a_doubted_target_leaves_the_strike_and_its_perpetrator_asserted():
    c = claim("Russian warplanes carried out 15 raids on the Bishri mountains, targeting caves believed to be "
              "ISIS hideouts, the monitor said.")
    assert (bool(c.hedged), c.hedge_cue, c.perpetrator) == (False, "believed to be", "Russian Aerospace Forces")
    assert c.target == "ISIS"  # named as the text believes it, the doubt shown by hedge_cue


@pytest.mark.parametrize("sentence", [
    # a doubted perpetrator, a doubted toll, a doubted instrument, and another hedge beside the identity one
    "Gunmen believed to be ISIS members shot dead a teacher near Busra on Monday, the monitor said.",
    "Warplanes believed to be Russian struck a market in Ariha on Monday, the monitor said.",
    "Five people are still believed to be dead after shelling hit a market in Ariha on Monday.",
    "Warplanes struck Ariha with shells believed to be filled with chlorine on Monday, medics said.",
    "Russian warplanes reportedly raided caves believed to be ISIS hideouts in the Bishri mountains.",
])
def test_any_other_hedge_still_hedges_the_claim(sentence):
    assert bool(claim(sentence).hedged)
