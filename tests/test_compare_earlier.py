"""An earlier count its teller has since replaced ("It had initially given a
death toll of 45") is compared as partial but never widens the incident's
toll (align.yaml compare.earlier_toll_cues; issue 10, session 9). Sentences
written for these tests."""

from __future__ import annotations

from test_compare import _two_tolls


def test_an_earlier_count_does_not_widen_the_incidents_toll():
    row, inc = _two_tolls("It had initially given a death toll of 45 people, activists said.",
                          "SOHR said 7 people were killed in the strike on Manbij.", (45, 45), (7, 7),
                          raw_a="45 people")
    assert row["verdict"] == "partial"
    assert (inc["casualties_low"], inc["casualties_high"]) == (7, 7) and inc["toll"] == "7"
    # near miss: the figure after the update is the current toll, not the earlier one
    _, inc = _two_tolls("The initial toll of 5 has risen to 45 people, activists said.",
                        "SOHR said 7 people were killed in the strike on Manbij.", (45, 45), (7, 7),
                        raw_a="45 people")
    assert inc["casualties_high"] == 45
