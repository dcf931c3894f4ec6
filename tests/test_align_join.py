"""The incident-level join after the pair clustering (align.yaml
cross_document.incident_join): two incidents that tell one day's acts of one
type at one place join when the evidence between them is strong, though
average linkage kept them apart; an analyst's split, another day, another
type, no place in common and one report telling two placed acts keep them
apart. Sentences written for these tests."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from claimscope import align as A
from claimscope import linkage as L
from claimscope.align import align

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "align"))
import factory  # noqa: E402

from builtin_knowledge import K  # noqa: E402

DAY = "2021-05-10"


def _act(doc, sentence, *, etype="chemical_attack", town="", day=DAY, **kw):
    row = dict(doc_id=doc, sentence=sentence, event_type=etype, event_date=day, date_raw="on Monday",
               governorate="Rif Dimashq", places=town, place_precision="town" if town else "governorate")
    row.update(kw)
    return row


def _aside(doc, sentence, paragraph):
    return dict(doc_id=doc, sentence=sentence, event_type="statement", paragraph=paragraph)


def _halves(*, etype="chemical_attack", lede_town="", day_unplaced=DAY):
    """Report a tells the act twice, apart: its headline at no town (or at
    `lede_town`), its body at Zamalka after four sentences of diplomacy;
    reports b and c tell it at Zamalka, d and e at no town (the headline, d
    and e on `day_unplaced`)."""
    return [
        _act("a", "Toxic gas attack kills scores outside the capital.", etype=etype, town=lede_town, day=day_unplaced),
        _aside("a", "Envoys met in Geneva to weigh a new inquiry.", 1),
        _aside("a", "A vote was not expected before the summer, diplomats said.", 2),
        _aside("a", "The envoy travelled on to Vienna for further talks.", 3),
        _aside("a", "Officials there declined to comment.", 4),
        _act("a", "Rockets carrying a toxic agent hit Zamalka before dawn on Monday, medics said.", etype=etype,
             town="Zamalka", paragraph=5),
        _act("b", "Medics in Zamalka treated hundreds after rockets released a toxic gas on Monday.", etype=etype,
             town="Zamalka"),
        _act("c", "A nerve agent attack on Zamalka on Monday killed dozens, activists said.", etype=etype,
             town="Zamalka"),
        _act("d", "Activists said a chemical attack outside the capital killed dozens on Monday.", etype=etype,
             day=day_unplaced),
        _act("e", "The opposition accused the army of a gas attack on Monday that killed scores.", etype=etype,
             day=day_unplaced),
    ]


def _run(rows, **kw):
    claims = factory.claims(rows)
    return align(claims, factory.casualties([]), factory.documents(claims), mentions=factory.mentions(claims, K),
                 knowledge=K, **kw)


def _incidents(result, cids=("a-0", "a-5", "b-0", "c-0", "d-0", "e-0")):
    of = dict(zip(result.claims["claim_id"], result.claims["incident_id"]))
    return {of[c] for c in cids}


def test_two_halves_of_one_chemical_attack_join_with_the_reason():
    r = _run(_halves())
    assert len(_incidents(r)) == 1
    why = r.links.loc[r.links["reasons"].str.startswith("one event:"), "reasons"].tolist()
    assert len(why) == 1 and "one day 2021-05-10" in why[0] and "chemical_attack" in why[0], why
    assert "pairs +0.0 bits or more" in why[0] and "over 8 compared" in why[0]


def test_without_the_join_the_halves_stay_apart(monkeypatch):
    # the pair clustering alone: the headline and body of report a bar each other's half
    off = dataclasses.replace(A.align_settings(K), join_share=2.0)
    monkeypatch.setattr(A, "align_settings", lambda knowledge: off)
    assert len(_incidents(_run(_halves()))) == 2


def test_a_report_telling_two_placed_acts_keeps_the_halves_apart():
    # near miss: the headline is placed too (Douma): report a told two places, the join may not override it
    r = _run(_halves(lede_town="Douma"))
    assert not r.links["reasons"].str.startswith("one event:").any()


def test_an_analysts_split_keeps_the_halves_apart():
    r = _run(_halves(), overrides={"split": [["b-0", "d-0"]]})
    assert not r.links["reasons"].str.startswith("one event:").any()
    of = dict(zip(r.claims["claim_id"], r.claims["incident_id"]))
    assert of["b-0"] != of["d-0"]


def test_another_day_keeps_the_halves_apart():
    r = _run(_halves(day_unplaced="2021-05-11"))
    assert not r.links["reasons"].str.startswith("one event:").any()


@pytest.mark.parametrize("etype", ["airstrike", "shelling"])
def test_acts_of_a_common_type_at_no_town_in_common_stay_apart(etype):
    # near miss: airstrikes of one day in one governorate, half of them told at no town, may be two strikes
    r = _run(_halves(etype=etype))
    assert not r.links["reasons"].str.startswith("one event:").any()


# --------------------------------------------------------------------------- linkage.join_clusters

def _two_groups():
    # nodes 0-2 and 3-5 are two clusters; every cross pair scored but 2-5
    labels = [0, 0, 0, 3, 3, 3]
    pairs = [(a, b, 2.0) for a in (0, 1, 2) for b in (3, 4, 5) if (a, b) != (2, 5)]
    return labels, pairs


def test_join_clusters_joins_two_clusters_whose_cross_pairs_mostly_hold():
    labels, pairs = _two_groups()
    got, joins = L.join_clusters(labels, pairs, weak=0.0, share=0.75, threshold=1.5,
                                 accept=lambda a, b: "one place")
    assert got == [0] * 6
    assert len(joins) == 1 and joins[0][2:] == (2.0, 8, 8, 9, "one place")


@pytest.mark.parametrize("kw", [
    {"share": 0.95},                          # 8 of 9 pairs fall short of 95%
    {"threshold": 2.5},                       # the mean of the compared pairs falls short
    {"cannot_link": [(1, 4)]},                # an analyst's split or towns too far apart
    {"accept": lambda a, b: None},            # not one day, type and place
])
def test_join_clusters_refuses(kw):
    labels, pairs = _two_groups()
    args = {"weak": 0.0, "share": 0.75, "threshold": 1.5, **kw}
    got, joins = L.join_clusters(labels, pairs, **args)
    assert got == labels and joins == []


def test_join_clusters_does_not_depend_on_the_order_of_pairs():
    labels = [0, 0, 2, 3, 3]
    pairs = [(0, 2, 2.0), (1, 2, 2.0), (0, 3, 3.0), (1, 3, 3.0), (0, 4, 3.0), (1, 4, 3.0), (2, 3, 0.5), (2, 4, 2.0)]
    first = L.join_clusters(labels, pairs, weak=0.0, share=0.75, threshold=1.5)
    assert first == L.join_clusters(labels, list(reversed(pairs)), weak=0.0, share=0.75, threshold=1.5)
    assert first[0] == [0] * 5   # the strongest join first, then the joined cluster weighed again
