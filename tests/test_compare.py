"""claimscope.compare: facet verdicts, independence of accounts, incident
status/grade/casualty estimates, the source-pair table, and the seeds gold
conflicts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimscope import schema
from claimscope.align import account_keys, align
from claimscope.compare import (
    FACETS,
    Figure,
    casualty_estimates,
    compare,
    compare_actors,
    compare_causes,
    compare_dates,
    compare_figures,
)
from claimscope.evaluate import score_incidents

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "align"))
import factory  # noqa: E402

from builtin_knowledge import K, bind

account_keys = bind(account_keys)
casualty_estimates = bind(casualty_estimates)
compare_actors = bind(compare_actors)
compare_causes = bind(compare_causes)
compare_figures = bind(compare_figures)


def F(victims, outcome, lo, hi):
    return Figure(victims, outcome, lo, hi)


# --------------------------------------------------------------------------- casualty ranges

@pytest.mark.parametrize("a, b, verdict", [
    ([F("Syrian Arab Army", "killed", 11, None)], [F("Syrian Arab Army", "killed", 11, 11)], "agree"),   # at least 11 vs 11
    ([F("people", "killed", 3, 3)], [F("people", "killed", 7, None)], "conflict"),                      # 3 vs at least 7
    ([F("Syrian Arab Army", "killed_or_injured", 0, 0)], [F("Syrian Arab Army", "killed_or_injured", 5, None)], "conflict"),
    ([F("people", "killed", 5, None)], [F("people", "killed", 20, None)], "agree"),                     # two open ranges
    ([F("people", "killed", 3, 4)], [F("people", "killed", 4, 6)], "agree"),                            # overlap at 4
    ([F("people", "killed", 3, 4)], [F("people", "killed", 5, 6)], "conflict"),
    ([F("children", "killed", 10, 10)], [F("civilians", "killed", 5, 5)], "conflict"),                  # part > whole
    ([F("children", "killed", 3, 3)], [F("civilians", "killed", 10, 10)], "partial"),
    ([F("civilians", "killed", 12, 12)], [F("people", "killed", 10, 10)], "conflict"),                  # group > total
    ([F("Syrian Arab Army", "killed", 2, 2)], [F("Syrian Arab Army", "killed_or_injured", 5, None)], "partial"),
    ([F("Syrian Arab Army", "killed", 9, None)], [F("Syrian Arab Army", "killed_or_injured", 0, 0)], "conflict"),
])
def test_casualty_ranges(a, b, verdict):
    got = compare_figures(a, b)
    assert got is not None and got[0] == verdict, got
    assert compare_figures(b, a)[0] == verdict   # symmetric


def test_figures_about_different_groups_or_deaths_vs_injuries_are_not_compared():
    assert compare_figures([F("ISIS", "killed", 5, 5)], [F("civilians", "killed", 20, 20)]) is None
    assert compare_figures([F("people", "killed", 5, 5)], [F("people", "injured", 20, 20)]) is None


def test_disjoint_detail_is_readable():
    verdict, detail = compare_figures([F("people", "killed", 3, 3)], [F("people", "killed", 7, None)])
    assert detail == "3 people killed vs at least 7 people killed: disjoint"


# --------------------------------------------------------------------------- actors, causes, dates

def test_actor_verdicts():
    assert compare_actors("Russia", "Russia")[0] == "agree"
    assert compare_actors("Russia", "Russian Aerospace Forces")[0] == "agree"        # same side
    assert compare_actors("Turkistan Islamic Party", "Russia")[0] == "conflict"
    assert compare_actors("Syrian government", "Turkish Armed Forces")[0] == "conflict"
    assert compare_actors("Russia", "some gunmen")[0] == "partial"


def test_cause_verdicts():
    assert compare_causes("airstrike", "accident")[0] == "conflict"
    assert compare_causes("airstrike", "drone_strike")[0] == "agree"
    assert compare_causes("attack", "airstrike")[0] == "partial"
    assert compare_causes("the food shortage", "airstrike") is None


def test_date_verdicts():
    d = 737000
    assert compare_dates((d, d, "day"), (d, d, "day"))[0] == "agree"
    assert compare_dates((d, d, "day"), (d + 1, d + 1, "day"))[0] == "partial"
    assert compare_dates((d, d, "day"), (d + 5, d + 5, "day"))[0] == "conflict"
    assert compare_dates((d, d + 30, "month"), (d + 12, d + 12, "day"))[0] == "agree"   # within its precision


def test_casualty_estimates_low_best_high():
    accounts = {
        "SOHR": [(F("civilians", "killed", 18, 18),), (F("civilians", "killed", 20, 20),)],  # toll rose: 20
        "SANA": [(F("people", "killed", 5, None),)],
        "Reuters": [(F("civilians", "killed", 12, 12), F("children", "killed", 4, 4))],    # children are civilians
        "Other": [(F("people", "injured", 40, 40),)],                                     # no deaths stated
    }
    assert casualty_estimates(accounts) == (5, 12, 20)
    assert casualty_estimates({}) == (None, None, None)
    assert casualty_estimates({"a": [(F("Syrian Arab Army", "killed", 9, None), F("militants", "killed", 5, None))]}) \
        == (14, 14, 14)


# --------------------------------------------------------------------------- incidents

def _aligned(claims, cas, duplicates=None):
    docs = factory.documents(claims, duplicates=duplicates)
    m = factory.mentions(claims, K)
    r = align(claims, cas, docs, mentions=m, knowledge=K)
    return r, compare(r.claims, cas, r.incidents, mentions=m, knowledge=K)


def _strike(doc, sentence, **kw):
    row = dict(doc_id=doc, sentence=sentence, event_type="airstrike", event_date="2016-07-18", places="Manbij",
               governorate="Aleppo", place_precision="town")
    row.update(kw)
    return row


def test_conflicting_accounts_make_a_contested_incident():
    claims = factory.claims([
        _strike("a", "SOHR said 3 civilians were killed in an airstrike in Manbij.",
                source="Syrian Observatory for Human Rights", source_type="monitor"),
        _strike("b", "At least 7 civilians were killed in an airstrike by the coalition in Manbij, SANA said.",
                source="SANA", source_type="media", perpetrator="US-led coalition", perpetrator_cue="by_phrase"),
        _strike("c", "Russian jets struck Manbij, activists said.", source="activists", source_type="unnamed",
                perpetrator="Russian Aerospace Forces", perpetrator_cue="agent"),
    ])
    cas = factory.casualties([dict(claim_id="a-0", victims="civilians", outcome="killed", min=3, max=3),
                              dict(claim_id="b-0", victims="civilians", outcome="killed", min=7, max=None)])
    r, c = _aligned(claims, cas)
    assert r.claims["incident_id"].nunique() == 1
    comps = c.comparisons.set_index("facet")
    assert comps.loc["casualties", "verdict"] == "conflict"
    assert comps.loc["perpetrator", "verdict"] == "conflict"
    inc = c.incidents.iloc[0]
    assert inc["status"] == "conflict" and inc["grade"] == "contested"
    assert inc["conflict_facets"] == "casualties;perpetrator"
    assert (inc["casualties_low"], inc["casualties_best"], inc["casualties_high"]) == (3, 3, 7)
    assert inc["n_sources"] == 3
    assert set(c.comparisons["facet"]) <= set(FACETS)
    assert (c.comparisons["claim_a"] < c.comparisons["claim_b"]).all()


def test_agreeing_accounts_corroborate():
    claims = factory.claims([
        _strike("a", "SOHR said at least 11 were killed in Manbij.", source="Syrian Observatory for Human Rights",
                source_type="monitor"),
        _strike("b", "The strike killed 11 people in Manbij, Reuters reported.", source="Reuters", source_type="media"),
    ])
    cas = factory.casualties([dict(claim_id="a-0", victims="people", outcome="killed", min=11, max=None),
                              dict(claim_id="b-0", victims="people", outcome="killed", min=11, max=11)])
    r, c = _aligned(claims, cas)
    inc = c.incidents.iloc[0]
    assert inc["status"] == "agree" and inc["grade"] == "corroborated" and inc["conflict_facets"] == ""
    assert set(c.comparisons["verdict"]) == {"agree"}
    sa = c.source_agreement.iloc[0]
    assert (sa["source_a"], sa["source_b"]) == ("Reuters", "Syrian Observatory for Human Rights")
    assert sa["shared_incidents"] == 1 and sa["agree"] == len(c.comparisons) and sa["conflict"] == 0


def test_republished_copies_and_one_outlets_repeated_source_are_one_account():
    claims = factory.claims([
        _strike("orig", "Local sources said 3 civilians were killed in Manbij.", source="local sources",
                source_type="local"),
        _strike("copy", "Local sources said 30 civilians were killed in Manbij.", source="local sources",
                source_type="local"),
        _strike("later", "Local sources said 5 civilians died in the Manbij strike.", source="local sources",
                source_type="local", sentence_index=4),
    ], outlets={"orig": "Outlet A", "copy": "Outlet B", "later": "Outlet A"}, duplicates={"copy": "orig"})
    cas = factory.casualties([dict(claim_id=f"{d}-0", victims="civilians", outcome="killed", min=n, max=n)
                              for d, n in (("orig", 3), ("copy", 30), ("later", 5))])
    r, c = _aligned(claims, cas, duplicates={"copy": "orig"})
    assert r.claims["incident_id"].nunique() == 1
    assert c.comparisons.empty            # one account: nothing to compare
    inc = c.incidents.iloc[0]
    assert inc["n_sources"] == 1 and inc["status"] == "single_source" and inc["grade"] == "single_source"


def test_a_named_source_cited_by_two_outlets_is_one_account_unnamed_ones_are_two():
    rows = [
        _strike("a", "SOHR said 3 were killed.", source="Syrian Observatory for Human Rights", source_type="monitor"),
        _strike("b", "SOHR said 9 were killed.", source="Syrian Observatory for Human Rights", source_type="monitor"),
    ]
    cas = factory.casualties([dict(claim_id="a-0", victims="people", outcome="killed", min=3, max=3),
                              dict(claim_id="b-0", victims="people", outcome="killed", min=9, max=9)])
    _, c = _aligned(factory.claims(rows, outlets={"a": "Outlet A", "b": "Outlet B"}), cas)
    assert c.incidents.iloc[0]["n_sources"] == 1 and c.comparisons.empty
    for r in rows:
        r.update(source="local sources", source_type="local")
    _, c = _aligned(factory.claims(rows, outlets={"a": "Outlet A", "b": "Outlet B"}), cas)
    assert c.incidents.iloc[0]["n_sources"] == 2
    assert c.comparisons.set_index("facet").loc["casualties", "verdict"] == "conflict"


def test_accounts_without_a_common_facet_are_uncorroborated():
    claims = factory.claims([
        _strike("a", "SOHR said an airstrike hit Manbij.", source="Syrian Observatory for Human Rights",
                source_type="monitor", places_raw="inherited: Manbij"),
        _strike("b", "Warplanes struck, Reuters reported.", source="Reuters", source_type="media",
                places_raw="inherited: Manbij", date_raw="inherited: July 18"),
    ])
    _, c = _aligned(claims, factory.casualties([]))
    inc = c.incidents.iloc[0]
    assert inc["n_sources"] == 2 and inc["status"] == "agree" and inc["grade"] == "uncorroborated"


def test_two_sides_of_a_clash_are_not_a_perpetrator_conflict():
    claims = factory.claims([
        _strike("a", "The army attacked rebels in Manbij.", event_type="clash", perpetrator="Syrian Arab Army",
                perpetrator_cue="agent", target="Syrian opposition", source="SANA", source_type="media"),
        _strike("b", "Rebels attacked army positions in Manbij.", event_type="clash", perpetrator="Syrian opposition",
                perpetrator_cue="agent", target="Syrian Arab Army", source="SOHR", source_type="monitor"),
    ])
    _, c = _aligned(claims, factory.casualties([]))
    assert "perpetrator" not in set(c.comparisons["facet"])


def test_empty_input():
    c = compare(schema.empty("claims"), schema.empty("casualties"), schema.empty("incidents"),
                mentions=schema.empty("mentions"), knowledge=K)
    assert c.comparisons.empty and c.source_agreement.empty
    assert list(c.comparisons.columns) == schema.columns("comparisons")


# --------------------------------------------------------------------------- seeds gold

def test_seeds_gold_conflicts_are_found_on_the_right_facet(seeds_tables, gold):
    t = seeds_tables
    r = align(t["claims"], t["casualties"], t["documents"], mentions=t["mentions"], knowledge=K)
    c = compare(r.claims, t["casualties"], r.incidents, mentions=t["mentions"], knowledge=K)
    score = score_incidents(dict(t, claims=r.claims, comparisons=c.comparisons), gold)
    assert score.measures["conflicts"] == (3, 3), score.misses
    assert score.measures["same"] == (4, 4) and score.measures["different"] == (5, 5), score.misses
    # every comparison is between independent accounts of one incident
    inc = dict(zip(r.claims["claim_id"], r.claims["incident_id"]))
    assert all(inc[a] == inc[b] == i for a, b, i in
               zip(c.comparisons["claim_a"], c.comparisons["claim_b"], c.comparisons["incident_id"]))
    account = dict(zip(r.claims["claim_id"], account_keys(r.claims)))
    assert all(account[a] != account[b] for a, b in zip(c.comparisons["claim_a"], c.comparisons["claim_b"]))
    statuses = c.incidents.set_index("incident_id")
    for facet_incident in c.comparisons.loc[c.comparisons["verdict"] == "conflict", "incident_id"]:
        assert statuses.loc[facet_incident, "status"] == "conflict"
