"""An earlier count its teller has since replaced ("It had initially given a
death toll of 45") is compared as partial but never widens the incident's
toll (align.yaml compare.earlier_toll_cues; issue 10, session 9). Sentences
written for these tests."""

from __future__ import annotations

from claimscope.pipeline import run

from builtin_knowledge import K
from test_compare import _two_tolls


def test_an_earlier_count_does_not_widen_the_incidents_toll(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Strike on Manbij market\n\nActivists said 21 people were killed in an air strike on the market in Manbij "
        "on Monday. The activists had initially given a death toll of 45 people.\n", encoding="utf-8")
    inc = run([tmp_path], knowledge=K)["incidents"].iloc[0]
    assert (inc["casualties_low"], inc["casualties_high"]) == (21, 21)


def test_an_earlier_count_nothing_replaced_is_still_the_accounts_toll():
    # "It had initially given ..." with no later figure of that account: its only toll, compared as partial
    row, inc = _two_tolls("It had initially given a death toll of 45 people, activists said.",
                          "SOHR said 7 people were killed in the strike on Manbij.", (45, 45), (7, 7),
                          raw_a="45 people")
    assert row["verdict"] == "partial"
    assert (inc["casualties_low"], inc["casualties_high"]) == (7, 45)
    # near miss: the figure after the update is the current toll, not the earlier one
    _, inc = _two_tolls("The initial toll of 5 has risen to 45 people, activists said.",
                        "SOHR said 7 people were killed in the strike on Manbij.", (45, 45), (7, 7),
                        raw_a="45 people")
    assert inc["casualties_high"] == 45
