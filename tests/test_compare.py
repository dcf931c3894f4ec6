"""claimscope.compare: facet verdicts, independence of accounts, incident
the one incident verdict (`status`), casualty estimates, the analyst's event
row (perpetrator, target, civilians/combatants, place, neutral title), the
source-pair table, and the seeds gold conflicts."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from claimscope import schema
from claimscope.accounts import account_keys
from claimscope.align import align
from claimscope.compare import (
    FACETS,
    RELATIONS,
    VERDICTS,
    Figure,
    casualty_estimates,
    compare,
    compare_actors,
    compare_causes,
    compare_dates,
    compare_figures,
    is_pooled,
)
from claimscope.evaluate import score_incidents

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "align"))
import factory  # noqa: E402

from builtin_knowledge import K, bind

casualty_estimates = bind(casualty_estimates)
compare_actors = bind(compare_actors)
compare_causes = bind(compare_causes)
compare_figures = bind(compare_figures)
is_pooled = bind(is_pooled)
account_keys = bind(account_keys)


def F(victims, outcome, lo, hi):
    return Figure(victims, outcome, lo, hi)


# --------------------------------------------------------------------------- casualty ranges

@pytest.mark.parametrize("a, b, verdict", [
    ([F("Syrian Arab Army", "killed", 11, None)], [F("Syrian Arab Army", "killed", 11, 11)], "agree"),   # at least 11 vs 11
    ([F("people", "killed", 3, 3)], [F("people", "killed", 7, None)], "conflict"),                      # 3 vs at least 7
    ([F("Syrian Arab Army", "killed_or_injured", 0, 0)], [F("Syrian Arab Army", "killed_or_injured", 5, None)], "conflict"),
    ([F("people", "killed", 5, None)], [F("people", "killed", 20, None)], "partial"),   # two open ranges confirm nothing
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


def R(victims, outcome, lo, hi, rounded):
    return Figure(victims, outcome, lo, hi, rounded=rounded)


@pytest.mark.parametrize("a, b, verdict", [
    # 'more than 70' beside a count of 70: the bound is the count, rounded
    ([F("ISIS", "killed", 70, 70)], [R("ISIS", "killed", 71, None, "more than")], "partial"),
    ([F("civilians", "injured", 90, 90)], [R("civilians", "injured", 91, None, "over")], "partial"),
    # a bound above the count by more than one still conflicts; so does 'at least' (no rounding)
    ([F("ISIS", "killed", 70, 70)], [R("ISIS", "killed", 81, None, "more than")], "conflict"),
    ([F("ISIS", "killed", 70, 70)], [F("ISIS", "killed", 71, None)], "conflict"),
    # 'about a hundred' against 'more than 100', 'about 50' against 54: estimates within 10%
    ([R("ISIS", "killed", 100, 100, "about")], [R("ISIS", "killed", 101, None, "more than")], "partial"),
    ([R("people", "killed", 50, 50, "around")], [F("people", "killed", 54, 54)], "partial"),
    ([R("people", "killed", 50, 50, "around")], [F("people", "killed", 60, 60)], "conflict"),
])
def test_rounded_figures_are_not_set_against_the_count_they_round(a, b, verdict):
    got = compare_figures(a, b)
    assert got is not None and got[0] == verdict, got
    assert compare_figures(b, a)[0] == verdict


def test_a_part_never_conflicts_on_its_own():
    """'12 of the wounded were in critical condition' is no count of the
    wounded to set against another account's 40 (casualties.part)."""
    part = Figure("people", "injured", 12, 12, part=True)
    verdict, detail = compare_figures([part], [F("people", "injured", 40, 40)])
    assert verdict == "partial" and "part of its account's victims" in detail
    assert compare_figures([F("people", "injured", 12, 12)], [F("people", "injured", 40, 40)])[0] == "conflict"
    # a part may still agree ("including 4 children" in both accounts)
    assert compare_figures([Figure("children", "killed", 4, 4, category="civilians", part=True)],
                           [F("children", "killed", 4, 4)])[0] == "agree"


def test_a_part_is_no_toll():
    # "nine of the dead were fighters" tells no account's toll; the whole beside a part does
    assert casualty_estimates({"a": [(Figure("militants", "killed", 9, 9, part=True),)],
                               "b": [(F("people", "killed", 20, 20),)]}) == (20, 20, 20)
    assert casualty_estimates({"a": [(F("militants", "killed", 11, 11),
                                      Figure("militants", "killed", 3, 3, part=True))]}) == (11, 11, 11)


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


@pytest.mark.parametrize("a, b, verdict", [
    ("chemical_attack", "depot_hit", "conflict"),     # gas dropped vs a store of toxic munitions hit
    ("chemical_attack", "airstrike", "partial"),      # a chemical weapon is delivered by a strike
    ("depot_hit", "airstrike", "partial"),            # the depot was hit by a strike
    ("war_remnant", "ied", "conflict"),               # an old mine vs a bomb planted for the act
    ("shot_down", "accident", "conflict"),            # shot down vs a technical failure
    ("shot_down;retaliation", "shot_down;mission", "conflict"),   # same mechanism, reasons differ
    ("retaliation", "shot_down", None),               # a reason is not set against a mechanism
    ("shot_down;retaliation", "shot_down", "agree"),
])
def test_cause_categories_and_reasons(a, b, verdict):
    got = compare_causes(a, b)
    assert (got[0] if got else None) == verdict, got
    got = compare_causes(b, a)
    assert (got[0] if got else None) == verdict


def test_a_part_beside_an_agreeing_figure_stays_in_the_detail():
    # 'seven civilians, four of them children' vs 'eight people, four of them children': the children agree,
    # and 7 civilians of 8 people is compatible (the 8 may hold a victim who is no civilian): never a conflict
    verdict, detail = compare_figures([F("civilians", "killed", 7, 7), F("children", "killed", 4, 4)],
                                      [F("people", "killed", 8, 8), F("children", "killed", 4, 4)])
    assert verdict == "agree"
    assert detail == ("4 children killed vs 4 children killed: ranges overlap; "
                      "also 7 civilians killed vs 8 people killed: civilians is part of the other figure")


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
    assert inc["status"] == "contested" and "grade" not in c.incidents.columns
    assert inc["conflict_facets"] == "casualties;perpetrator"
    assert (inc["casualties_low"], inc["casualties_best"], inc["casualties_high"]) == (3, 3, 7)
    assert inc["n_sources"] == 3
    assert set(c.comparisons["facet"]) <= set(FACETS)
    assert (c.comparisons["claim_a"] < c.comparisons["claim_b"]).all()


def _two_tolls(sentence_a, sentence_b, a, b, *, raw_a=None, places_a="Manbij", governorate_a="Aleppo"):
    """Two independent accounts of one strike with one killed figure each; the compared casualties row."""
    claims = factory.claims([
        _strike("a", sentence_a, source="activists", source_type="unnamed", places=places_a,
                governorate=governorate_a),
        _strike("b", sentence_b, source="Syrian Observatory for Human Rights", source_type="monitor"),
    ])
    ka = dict(claim_id="a-0", victims="people", outcome="killed", min=a[0], max=a[1])
    if raw_a:
        ka["raw"] = raw_a
    cas = factory.casualties([ka, dict(claim_id="b-0", victims="people", outcome="killed", min=b[0], max=b[1])])
    r, c = _aligned(claims, cas)
    rows = c.comparisons[c.comparisons["facet"] == "casualties"]
    assert len(rows) == 1 and r.claims["incident_id"].nunique() == 1
    return rows.iloc[0], c.incidents.iloc[0]


def test_a_toll_summed_over_days_or_places_is_not_one_acts_toll():
    # control: two counts of one act that differ conflict
    row, inc = _two_tolls("Air strikes killed 45 people in Manbij, activists said.",
                          "SOHR said 7 people were killed in the strike on Manbij.", (45, 45), (7, 7))
    assert row["verdict"] == "conflict" and inc["status"] == "contested"
    # a span of days: partial, the reason in the detail
    row, inc = _two_tolls("Air strikes killed 45 people in three days of raids on Manbij, activists said.",
                          "SOHR said 7 people were killed in the strike on Manbij.", (45, 45), (7, 7))
    assert row["verdict"] == "partial" and "not one act's toll" in row["detail"] and "in three days" in row["detail"]
    assert inc["status"] != "contested"
    # several acts
    row, _ = _two_tolls("A total of 45 people were killed in separate attacks around Manbij, activists said.",
                        "SOHR said 7 people were killed in the strike on Manbij.", (45, 45), (7, 7))
    assert row["verdict"] == "partial" and "separate attacks" in row["detail"]
    # two days joined, an initial or preliminary count
    for sentence, cue in (("Air strikes killed 45 people in Manbij on Tuesday and Wednesday, activists said.",
                           "Tuesday and Wednesday"),
                          ("According to preliminary reports, air strikes killed 45 people in Manbij.", "preliminary"),
                          ("The initial toll was 45 people killed in Manbij, activists said.", "initial toll")):
        row, _ = _two_tolls(sentence, "SOHR said 7 people were killed in the strike on Manbij.", (45, 45), (7, 7))
        assert row["verdict"] == "partial" and cue in row["detail"], row["detail"]
    # two weekdays not joined as a span: one act's toll, a conflict
    row, _ = _two_tolls("Air strikes on Tuesday killed 45 people in Manbij, activists said on Wednesday.",
                        "SOHR said 7 people were killed in the strike on Manbij.", (45, 45), (7, 7))
    assert row["verdict"] == "conflict"
    # places of several governorates
    row, _ = _two_tolls("Raids killed 45 people in Manbij and Idlib, activists said.",
                        "SOHR said 7 people were killed in the strike on Manbij.", (45, 45), (7, 7),
                        places_a="Manbij;Idlib")
    assert row["verdict"] == "partial" and "several governorates" in row["detail"]


def test_a_span_toll_is_said_so_before_a_relay_is_guessed_at():
    """An outlet that quotes the monitor elsewhere gives 45 dead over three days; the monitor 7 in one strike. The
    text says why the two differ (a span of days): the detail gives that, not a guess that one count rose."""
    claims = factory.claims([
        _strike("a", "Air strikes killed 45 people in three days of raids on Manbij.", published="2016-07-18"),
        _strike("a", "SOHR said the raids hit homes in Manbij.", source="Syrian Observatory for Human Rights",
                source_type="monitor", sentence_index=2, published="2016-07-18"),
        _strike("b", "SOHR said 7 people were killed in the strike on Manbij.",
                source="Syrian Observatory for Human Rights", source_type="monitor", published="2016-07-18"),
    ], outlets={"a": "Outlet A", "b": "Outlet B"})
    cas = factory.casualties([dict(claim_id="a-0", victims="people", outcome="killed", min=45, max=45),
                              dict(claim_id="b-0", victims="people", outcome="killed", min=7, max=7)])
    _, c = _aligned(claims, cas)
    row = c.comparisons[c.comparisons["facet"] == "casualties"].iloc[0]
    assert row["relation"] == "relay" and row["verdict"] == "partial"
    assert "not one act's toll" in row["detail"] and "earlier count" not in row["detail"]


def test_a_toll_of_more_places_is_no_conflict_with_one_places_toll():
    row, _ = _two_tolls("Shells on Manbij and Jarabulus killed 9 people, activists said.",
                        "SOHR said 2 people were killed by shells on Manbij.", (9, 9), (2, 2),
                        places_a="Manbij;Jarabulus")
    assert row["verdict"] == "partial" and "names more places" in row["detail"]
    # the wider account's toll smaller than the narrower one's still conflicts
    row, _ = _two_tolls("Shells on Manbij and Jarabulus killed 2 people, activists said.",
                        "SOHR said 9 people were killed by shells on Manbij.", (2, 2), (9, 9),
                        places_a="Manbij;Jarabulus")
    assert row["verdict"] == "conflict"


def test_counts_of_parts_that_sum_to_the_other_accounts_whole_do_not_conflict():
    parts = [F("civilians", "killed", 11, 11), F("civilians", "killed", 7, 7)]
    v = compare_figures(parts, [F("civilians", "killed", 18, 18)])
    assert v[0] == "partial" and "11 + 7" in v[1] and "sum to the whole" in v[1]
    assert compare_figures(parts, [F("civilians", "killed", 25, 25)])[0] == "conflict"
    assert compare_figures(parts, [F("civilians", "killed", 18, None)])[0] == "partial"   # at least 18
    assert compare_figures(parts, [F("civilians", "killed", 12, None)])[0] == "conflict"  # at least 12 holds any sum


def test_an_act_told_as_a_reply_is_not_set_against_the_act_it_answers():
    def run(reply_sentence):
        claims = factory.claims([
            _strike("a", "Regime shelling on Manbij killed 10 civilians, SOHR said.",
                    source="Syrian Observatory for Human Rights", source_type="monitor",
                    perpetrator="Syrian Arab Army", perpetrator_cue="agent"),
            _strike("b", reply_sentence, source="activists", source_type="unnamed",
                    perpetrator="Syrian opposition", perpetrator_cue="agent"),
        ])
        cas = factory.casualties([dict(claim_id="a-0", victims="civilians", outcome="killed", min=10, max=10),
                                  dict(claim_id="b-0", victims="civilians", outcome="killed", min=3, max=3)])
        r, c = _aligned(claims, cas)
        assert r.claims["incident_id"].nunique() == 1
        return c.comparisons[c.comparisons["facet"].isin(["casualties", "perpetrator"])]
    assert run("In retaliation for the shelling, rebels fired rockets on Manbij killing 3 civilians.").empty
    assert run("As a response, rebels fired rockets on Manbij killing 3 civilians.").empty  # SOHR's wording
    # the motive of the act told ("... in revenge for ...") does not make it another act
    got = run("Rebels shelled Manbij in revenge for a raid, killing 3 civilians, activists said.")
    assert set(got["verdict"]) == {"conflict"} and set(got["facet"]) == {"casualties", "perpetrator"}


def test_a_vague_quantity_is_no_count_to_conflict_with():
    row, _ = _two_tolls("Scores of people were killed in the raids on Manbij, activists said.",
                        "SOHR said 7 people were killed in the strike on Manbij.", (40, None), (7, 7),
                        raw_a="Scores of people were killed")
    assert row["verdict"] == "partial" and "'scores' is no count" in row["detail"]
    # nor does it agree with one (it would corroborate)
    row, _ = _two_tolls("Dozens of people were killed in the raids on Manbij, activists said.",
                        "SOHR said 160 people were killed in the strike on Manbij.", (24, None), (160, 160),
                        raw_a="Dozens of people were killed")
    assert row["verdict"] == "partial" and "'dozens' is no count" in row["detail"]
    # a counted floor stays a conflict
    row, _ = _two_tolls("At least 40 people were killed in the raids on Manbij, activists said.",
                        "SOHR said 7 people were killed in the strike on Manbij.", (40, None), (7, 7),
                        raw_a="At least 40 people were killed")
    assert row["verdict"] == "conflict"


@pytest.mark.parametrize("earlier", [
    "Residents had previously accused coalition jets of strikes on Manbij.",
    "Residents said four children were killed in earlier coalition strikes on Manbij.",
])
def test_a_sentence_about_earlier_acts_is_not_set_against_the_incident(earlier):
    claims = factory.claims([
        _strike("a", "Russian jets struck Manbij, activists said.", source="activists", source_type="unnamed",
                perpetrator="Russian Aerospace Forces", perpetrator_cue="agent"),
        _strike("b", earlier, source="Reuters",
                source_type="media", perpetrator="US-led coalition", perpetrator_cue="agent"),
        _strike("c", "Coalition jets struck Manbij, SANA said.", source="SANA", source_type="media",
                perpetrator="US-led coalition", perpetrator_cue="agent"),
    ])
    r, c = _aligned(claims, factory.casualties([]))
    assert r.claims["incident_id"].nunique() == 1
    perp = c.comparisons[c.comparisons["facet"] == "perpetrator"]
    assert "b-0" not in set(perp["claim_a"]) | set(perp["claim_b"])
    assert list(perp["verdict"]) == ["conflict"]   # the two accounts of this act still conflict


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
    assert inc["status"] == "corroborated" and inc["conflict_facets"] == ""
    assert inc["agree_facets"].split(";")[0] == "casualties"
    assert set(c.comparisons["verdict"]) == {"agree"} and set(c.comparisons["relation"]) == {"independent"}
    sa = c.source_agreement.iloc[0]
    assert (sa["source_a"], sa["source_b"]) == ("Reuters", "Syrian Observatory for Human Rights")
    assert sa["shared_incidents"] == 1 and sa["agree"] == len(c.comparisons) and sa["conflict"] == 0
    assert sa["relayed"] == 0


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
    assert inc["n_sources"] == 1 and inc["status"] == "single_source"


def test_a_named_source_cited_by_two_outlets_is_one_account_pooled_ones_count_once():
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
    # two outlets' "local sources" are two accounts, compared, but pooled: they count once
    assert c.incidents.iloc[0]["n_sources"] == 1
    comp = c.comparisons.set_index("facet").loc["casualties"]
    assert comp["verdict"] == "conflict" and comp["relation"] == "pooled"
    assert c.incidents.iloc[0]["status"] == "contested"   # a disagreement counts whoever tells it


def test_accounts_without_a_common_facet_are_uncorroborated():
    claims = factory.claims([
        _strike("a", "SOHR said an airstrike hit Manbij.", source="Syrian Observatory for Human Rights",
                source_type="monitor", places_raw="inherited: Manbij"),
        _strike("b", "Warplanes struck, Reuters reported.", source="Reuters", source_type="media",
                places_raw="inherited: Manbij", date_raw="inherited: July 18"),
    ])
    _, c = _aligned(claims, factory.casualties([]))
    inc = c.incidents.iloc[0]
    assert inc["n_sources"] == 2 and inc["status"] == "uncorroborated"


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
    assert set(c.comparisons["relation"]) <= set(RELATIONS)
    statuses = c.incidents.set_index("incident_id")
    for facet_incident in c.comparisons.loc[c.comparisons["verdict"] == "conflict", "incident_id"]:
        assert statuses.loc[facet_incident, "status"] == "contested"
    assert set(c.incidents["status"]) <= set(VERDICTS)


# --------------------------------------------------------------------------- independence (issue 12)

def test_a_joint_voice_does_not_corroborate_one_of_its_parts():
    # 'SOHR and the White Helmets said ...' in one report, SOHR alone in another: one voice agreeing with itself
    claims = factory.claims([
        _strike("a", "SOHR and Syria Civil Defence said 9 were killed in Manbij.",
                source="Syrian Observatory for Human Rights and Syria Civil Defence", source_type="monitor"),
        _strike("b", "The strike killed 9 people in Manbij, SOHR said.", source="Syrian Observatory for Human Rights",
                source_type="monitor"),
    ])
    cas = factory.casualties([dict(claim_id=f"{d}-0", victims="people", outcome="killed", min=9, max=9) for d in "ab"])
    _, c = _aligned(claims, cas)
    assert len(c.comparisons) and set(c.comparisons["relation"]) == {"relay"}
    inc = c.incidents.iloc[0]
    assert inc["status"] == "single_source" and inc["n_sources"] == 1


def test_an_outlets_narration_does_not_corroborate_the_source_it_relays():
    # one report: the outlet tells the toll in its own voice and quotes SOHR with the same toll
    claims = factory.claims([
        _strike("a", "An airstrike killed 11 civilians in Manbij on Monday.", perpetrator="Russian Aerospace Forces",
                perpetrator_cue="by_phrase"),
        _strike("a", "SOHR said Russian jets killed 11 civilians in Manbij.", source="Syrian Observatory for Human Rights",
                source_type="monitor", perpetrator="Russian Aerospace Forces", perpetrator_cue="agent"),
    ], outlets={"a": "Pentapostagma"})
    cas = factory.casualties([dict(claim_id=f"a-{n}", victims="civilians", outcome="killed", min=11, max=11)
                              for n in (0, 1)])
    _, c = _aligned(claims, cas)
    assert len(c.comparisons) and set(c.comparisons["relation"]) == {"relay"}   # shown, marked relay
    assert "agree" in set(c.comparisons["verdict"])
    inc = c.incidents.iloc[0]
    assert inc["status"] == "single_source" and inc["n_sources"] == 1 and inc["agree_facets"] == ""
    assert inc["sources"] == "Syrian Observatory for Human Rights"   # the relayed source, not its relayer
    sa = c.source_agreement.iloc[0]
    assert (sa["agree"], sa["relayed"]) == (0, len(c.comparisons))


@pytest.mark.parametrize("own, relayed, verdict", [
    (29, 16, "partial"),    # the report's own larger toll over its source's: it may sum acts the source tells in part
    (16, 29, "conflict"),   # a source's larger toll than the report's own: the report carries two versions
])
def test_a_reports_own_larger_toll_over_a_source_it_relays_is_no_disagreement(own, relayed, verdict):
    # one report: the agency's headline sums the day's rocket fire on the city, its police source one quarter
    claims = factory.claims([
        _strike("a", f"{own} wounded in rocket fire on Manbij."),
        _strike("a", f"A police source said {relayed} people were wounded in rocket fire on a quarter of Manbij.",
                source="Syrian police", source_type="official"),
    ], outlets={"a": "Pentapostagma"})
    cas = factory.casualties([dict(claim_id="a-0", victims="people", outcome="injured", min=own, max=own),
                              dict(claim_id="a-1", victims="people", outcome="injured", min=relayed, max=relayed)])
    _, c = _aligned(claims, cas)
    rows = c.comparisons[c.comparisons["facet"] == "casualties"]
    assert len(rows) == 1 and rows.iloc[0]["relation"] == "relay"
    assert rows.iloc[0]["verdict"] == verdict
    if verdict == "partial":
        assert "relays Syrian police in the same report" in rows.iloc[0]["detail"]
        assert c.incidents.iloc[0]["status"] != "contested"


def test_a_second_outlet_relaying_the_same_source_adds_nothing_a_second_source_does():
    rows = [
        _strike("a", "SOHR said 11 civilians were killed in Manbij.", source="Syrian Observatory for Human Rights",
                source_type="monitor"),
        _strike("b", "An airstrike killed 11 civilians in Manbij, the Observatory said.",
                source="Syrian Observatory for Human Rights", source_type="monitor"),
        _strike("b", "The strike killed 11 civilians in Manbij.", sentence_index=3),   # outlet B's own voice
    ]
    cas = factory.casualties([dict(claim_id=cid, victims="civilians", outcome="killed", min=11, max=11)
                              for cid in ("a-0", "b-0", "b-1")])
    _, c = _aligned(factory.claims(rows, outlets={"a": "Outlet A", "b": "Outlet B"}), cas)
    assert c.incidents.iloc[0]["status"] == "single_source"
    assert not ((c.comparisons["verdict"] == "agree") & (c.comparisons["relation"] == "independent")).any()
    rows.append(_strike("c", "Local officials said 11 civilians died in Manbij.", source="Manbij Military Council",
                        source_type="official"))
    cas = factory.casualties([dict(claim_id=cid, victims="civilians", outcome="killed", min=11, max=11)
                              for cid in ("a-0", "b-0", "b-1", "c-0")])
    _, c = _aligned(factory.claims(rows, outlets={"a": "Outlet A", "b": "Outlet B", "c": "Outlet C"}), cas)
    inc = c.incidents.iloc[0]
    assert inc["status"] == "corroborated" and inc["n_sources"] == 2
    assert set(inc["sources"].split(";")) == {"Syrian Observatory for Human Rights", "Manbij Military Council"}


def test_one_wire_story_printed_by_two_outlets_is_one_account():
    """Two outlets print the same agency sentence, lightly rewritten: one names the monitor, the other tells it in
    its own voice. One text is one account, whoever each report names: the incident is not corroborated."""
    rows = [
        _strike("a", "Coalition air strikes killed 12 civilians in a village west of Manbij on Monday, "
                     "the monitor said.", source="Syrian Observatory for Human Rights", source_type="monitor"),
        _strike("b", "Coalition air raids killed 12 civilians in a village west of Manbij on Monday."),
    ]
    cas = factory.casualties([dict(claim_id=cid, victims="civilians", outcome="killed", min=12, max=12)
                              for cid in ("a-0", "b-0")])
    _, c = _aligned(factory.claims(rows, outlets={"a": "Outlet A", "b": "Outlet B"}), cas)
    inc = c.incidents.iloc[0]
    assert set(c.comparisons["relation"]) == {"relay"}
    assert inc["status"] == "single_source" and inc["n_sources"] == 1
    # near miss: the same strike told in the second outlet's own words is a second account
    rows[1] = _strike("b", "Twelve villagers died when coalition jets bombed homes near Manbij early on Monday.")
    _, c = _aligned(factory.claims(rows, outlets={"a": "Outlet A", "b": "Outlet B"}), cas)
    inc = c.incidents.iloc[0]
    assert inc["status"] == "corroborated" and inc["n_sources"] == 2


def _with(c, figures):
    import dataclasses
    return dataclasses.replace(c, figures=figures)


def test_copied_accounts_needs_two_reports_and_enough_words():
    from claimscope.compare import _Claim, copied_accounts

    def claim(cid, doc, account, text, voice=False):
        return _Claim(cid=cid, doc=doc, start=0, account=account, source=account, perp="", perp_cue="", target="",
                      cause="", date=None, own_date=False, places=None, own_places=False, statement=False,
                      figures=(), voice=voice, text=text)
    long = "Shelling on the market killed nine people and wounded twenty in the town on Sunday."
    assert copied_accounts([claim("1", "a", "Outlet A", long, voice=True), claim("2", "b", "SOHR", long)],
                           match=80, min_words=8) == {("Outlet A", "SOHR")}   # the voice relays the source
    assert copied_accounts([claim("1", "a", "SANA", long), claim("2", "b", "SOHR", long)],
                           match=80, min_words=8) == set()                     # two named tellers: two accounts
    assert copied_accounts([claim("1", "a", "Outlet A", long), claim("2", "a", "SOHR", long)],
                           match=80, min_words=8) == set()                     # one report: its own quoting rules
    short = "Two people were killed."
    assert copied_accounts([claim("1", "a", "Outlet A", short), claim("2", "b", "SOHR", short)],
                           match=80, min_words=8) == set()                     # short sentences are alike by chance
    other = long.replace("nine", "9").replace("twenty", "20")
    assert copied_accounts([claim("1", "a", "Outlet A", other, voice=True),
                            claim("2", "b", "SOHR", other.replace("9", "12"))],
                           match=80, min_words=8) == set()                     # alike but for the figures: two counts
    # review14: figures written as words are figures too ("Two civilians" against "Three civilians")
    from claimscope.compare import Figure
    two = "Two civilians were killed when shells hit the market in the town of Ariha on Sunday."

    def fig(n):
        return (Figure(victims="civilians", outcome="killed", min=n, max=n, category="civilians"),)
    assert copied_accounts([_with(claim("1", "a", "Outlet A", two, voice=True), fig(2)),
                            _with(claim("2", "b", "SANA", two.replace("Two", "Three")), fig(3))],
                           match=80, min_words=8) == set()
    assert copied_accounts([_with(claim("1", "a", "Outlet A", two, voice=True), fig(2)),
                            _with(claim("2", "b", "SANA", two), fig(2))],
                           match=80, min_words=8) == {("Outlet A", "SANA")}   # near miss: the same count, one text


def test_pooled_voices_never_corroborate_each_other():
    rows = [
        _strike("a", "Other sources said 4 civilians were killed in Manbij.", source="other sources",
                source_type="unnamed"),
        _strike("b", "Some pro-militant sources said 4 civilians died in Manbij.", source="pro-militant sources",
                source_type="partisan"),
    ]
    cas = factory.casualties([dict(claim_id=f"{d}-0", victims="civilians", outcome="killed", min=4, max=4)
                              for d in "ab"])
    _, c = _aligned(factory.claims(rows, outlets={"a": "Outlet A", "b": "Outlet B"}), cas)
    assert set(c.comparisons["relation"]) == {"pooled"}
    inc = c.incidents.iloc[0]
    assert inc["status"] == "single_source" and inc["n_sources"] == 1
    assert c.source_agreement["agree"].sum() == 0


def test_an_unknown_outlets_voice_is_pooled_and_copies_are_their_original():
    rows = [
        _strike("a", "An airstrike killed 4 civilians in Manbij."),
        _strike("b", "An airstrike killed 4 civilians in Manbij."),
    ]
    cas = factory.casualties([dict(claim_id=f"{d}-0", victims="civilians", outcome="killed", min=4, max=4)
                              for d in "ab"])
    _, c = _aligned(factory.claims(rows, outlets={"a": "", "b": ""}), cas)
    assert set(c.comparisons["relation"]) == {"pooled"} and c.incidents.iloc[0]["status"] == "single_source"


def test_one_account_whoever_carries_it():
    """The one account definition (accounts.account_keys; compare and the
    cross-document measure use no other): an outlet's own report and that
    outlet quoted by another are one account; a republished copy's narration
    is its original's, whatever name the copy gives; a named local source is
    one account whoever quotes it, pooled voices one per outlet."""
    rows = [
        _strike("mon", "The monitor's own report: an airstrike hit Manbij."),
        _strike("wire", "The monitor said an airstrike hit Manbij.", source="Manbij Monitor", source_type="monitor"),
        _strike("orig", "An airstrike hit Manbij.", source="Wire A", source_type="outlet"),
        _strike("copy", "An airstrike hit Manbij.", source="Outlet C", source_type="outlet"),
        _strike("x", "Civil defence said an airstrike hit Manbij.", source="Manbij Civil Defence", source_type="local"),
        _strike("y", "Civil defence said an airstrike hit Manbij.", source="Manbij Civil Defence", source_type="local"),
        _strike("x", "Local sources said an airstrike hit Manbij.", source="local sources", source_type="local"),
        _strike("y", "Local sources said an airstrike hit Manbij.", source="local sources", source_type="local"),
    ]
    claims = factory.claims(rows, outlets={"mon": "Manbij Monitor", "wire": "Wire B", "orig": "Wire A",
                                           "copy": "Outlet C", "x": "Outlet X", "y": "Outlet Y"},
                            duplicates={"copy": "orig"})
    keys = dict(zip(claims["sentence"] + "@" + claims["doc_id"], account_keys(claims)))
    assert keys["The monitor's own report: an airstrike hit Manbij.@mon"] == \
        keys["The monitor said an airstrike hit Manbij.@wire"] == "Manbij Monitor"
    assert keys["An airstrike hit Manbij.@orig"] == keys["An airstrike hit Manbij.@copy"] == "Wire A"
    assert keys["Civil defence said an airstrike hit Manbij.@x"] == keys["Civil defence said an airstrike hit Manbij.@y"]
    assert keys["Local sources said an airstrike hit Manbij.@x"] != keys["Local sources said an airstrike hit Manbij.@y"]


def test_a_copys_narration_is_named_by_its_original():
    """incidents.sources names each counted account: a republished copy's
    narration is its original outlet's account, named by that outlet."""
    rows = [_strike("a", "An airstrike killed 4 civilians in Manbij."),
            _strike("b", "An airstrike killed 4 civilians in Manbij.")]
    cas = factory.casualties([dict(claim_id=f"{d}-0", victims="civilians", outcome="killed", min=4, max=4)
                              for d in "ab"])
    claims = factory.claims(rows, outlets={"a": "Outlet A", "b": "Outlet B"}, duplicates={"b": "a"})
    _, c = _aligned(claims, cas, duplicates={"b": "a"})
    inc = c.incidents.iloc[0]
    assert inc["n_sources"] == 1 and inc["sources"] == "Outlet A"


def test_words_relayed_through_an_outlet_do_not_corroborate_that_outlet():
    rows = [
        _strike("a", "The governor told Reuters 9 soldiers were killed in Manbij.", source="Aleppo governor",
                source_type="official"),
        _strike("b", "Nine soldiers were killed in Manbij, Reuters reported.", source="Reuters", source_type="media"),
    ]
    claims = factory.claims(rows, outlets={"a": "Outlet A", "b": "Outlet B"})
    claims["source_via"] = pd.array(["Reuters", ""], dtype="string")
    cas = factory.casualties([dict(claim_id=f"{d}-0", victims="Syrian Arab Army", outcome="killed", min=9, max=9)
                              for d in "ab"])
    _, c = _aligned(claims, cas)
    assert set(c.comparisons["relation"]) == {"relay"}
    assert c.incidents.iloc[0]["status"] == "single_source"


def test_agreeing_on_date_and_place_alone_is_not_corroboration():
    rows = [
        _strike("a", "SOHR said an airstrike hit Manbij on July 18.", source="Syrian Observatory for Human Rights",
                source_type="monitor"),
        _strike("b", "Warplanes struck Manbij on July 18, SANA said.", source="SANA", source_type="media"),
    ]
    _, c = _aligned(factory.claims(rows, outlets={"a": "Outlet A", "b": "Outlet B"}), factory.casualties([]))
    assert {"date", "place"} <= set(c.comparisons.loc[c.comparisons["verdict"] == "agree", "facet"])
    inc = c.incidents.iloc[0]
    assert inc["status"] == "uncorroborated" and inc["agree_facets"] == "date;place"


# --------------------------------------------------------------------------- the analyst's event row

def test_neutral_title_names_the_undisputed_act_and_the_contested_facet():
    claims = factory.claims([
        _strike("a", "A large explosion hit a depot in Manbij; at least 6 fighters died.", event_type="explosion"),
        _strike("a", "Some pro-militant sources claimed the explosion was caused by a Russian airstrike.",
                source="pro-militant sources", source_type="partisan", hedged=True, cause="airstrike",
                perpetrator="Russian Aerospace Forces", perpetrator_cue="by_phrase"),
        _strike("a", "Other sources say it happened due to poor safety measures at the depot.",
                source="other sources", source_type="unnamed", event_type="attack", cause="accident"),
    ], outlets={"a": "South Front"})
    cas = factory.casualties([dict(claim_id="a-0", victims="militants", outcome="killed", min=6, max=None)])
    _, c = _aligned(claims, cas)
    inc = c.incidents.iloc[0]
    assert inc["status"] == "contested" and inc["conflict_facets"] == "cause"
    assert inc["title"] == "2016-07-18 explosion near Manbij (Aleppo) — cause contested"


def test_perpetrator_target_and_deaths_by_category():
    claims = factory.claims([
        _strike("a", "SOHR said Russian jets killed 5 civilians and 2 fighters in Manbij.",
                source="Syrian Observatory for Human Rights", source_type="monitor",
                perpetrator="Russian Aerospace Forces", perpetrator_cue="agent", target="Syrian opposition"),
        _strike("b", "Russian jets killed 7 civilians and 3 fighters in Manbij, SANA said; 12 were neutralized.",
                source="SANA", source_type="media", perpetrator="Russian Aerospace Forces", perpetrator_cue="agent",
                target="Syrian opposition"),
    ], outlets={"a": "Outlet A", "b": "Outlet B"})
    cas = factory.casualties([
        dict(claim_id="a-0", victims="civilians", outcome="killed", min=5, max=5, category="civilians"),
        dict(claim_id="a-0", victims="Syrian opposition", outcome="killed", min=2, max=2, category="combatants"),
        dict(claim_id="b-0", victims="civilians", outcome="killed", min=7, max=7, category="civilians"),
        dict(claim_id="b-0", victims="Syrian opposition", outcome="killed", min=3, max=3, category="combatants"),
        dict(claim_id="b-0", victims="Syrian opposition", outcome="neutralized", min=12, max=12, category="combatants"),
        dict(claim_id="b-0", victims="civilians", outcome="killed", min=300, max=300, category="civilians",
             scope="total"),   # a running total: never this incident's toll
    ])
    _, c = _aligned(claims, cas)
    inc = c.incidents.iloc[0]
    assert (inc["perpetrator"], inc["target"]) == ("Russian Aerospace Forces", "Syrian opposition")
    assert (inc["civilians_low"], inc["civilians_best"], inc["civilians_high"]) == (5, 5, 7)
    assert (inc["combatants_low"], inc["combatants_best"], inc["combatants_high"]) == (2, 2, 3)
    assert (inc["casualties_low"], inc["casualties_high"]) == (7, 10)   # never the 12 neutralized, never 300
    assert inc["toll"] == "7–10 (civilians 5–7; combatants 2–3); 12 neutralized (killed or captured)"
    # without categories (an older claims stage) the split stays empty, the totals do not
    _, c = _aligned(claims, cas.drop(columns=["category"]))
    inc = c.incidents.iloc[0]
    assert pd.isna(inc["civilians_best"]) and pd.isna(inc["combatants_best"]) and inc["casualties_high"] == 10
    # a part (SOHR's "including 2 fighters" of 9 people) counts in its category only as a lower bound, never in the toll
    cas = factory.casualties([
        dict(claim_id="a-0", victims="people", outcome="killed", min=9, max=9, category="unknown"),
        dict(claim_id="a-0", victims="Syrian opposition", outcome="killed", min=2, max=2, category="combatants",
             part=True),
        dict(claim_id="b-0", victims="people", outcome="killed", min=9, max=9, category="unknown"),
        dict(claim_id="b-0", victims="civilians", outcome="killed", min=4, max=4, category="civilians", part=True),
    ])
    inc = _aligned(claims, cas)[1].incidents.iloc[0]
    assert inc["toll"] == "9 (civilians ≥ 4; combatants ≥ 2)"


def test_a_toll_smaller_than_its_civilians_and_combatants_widens_to_their_sum():
    """One monitor tells 15 civilians in its lede and, in a later sentence, 4 fighters too: its highest single
    claim (15) is no bound of the dead, 15 civilians and 4 fighters are 19; which is right the text of the
    claims does not settle, so the best figure stays and the range shows both."""
    claims = factory.claims([
        _strike("a", "Coalition raids on two villages near Manbij killed 15 civilians, SOHR said.",
                source="Syrian Observatory for Human Rights", source_type="monitor"),
        _strike("a", "The raids on the first village also killed 4 fighters, the monitor said.",
                source="Syrian Observatory for Human Rights", source_type="monitor"),
    ], outlets={"a": "Outlet A"})
    cas = factory.casualties([
        dict(claim_id="a-0", victims="civilians", outcome="killed", min=15, max=15, category="civilians"),
        dict(claim_id="a-1", victims="militants", outcome="killed", min=4, max=4, category="combatants"),
    ])
    inc = _aligned(claims, cas)[1].incidents.iloc[0]
    assert (inc["casualties_low"], inc["casualties_best"], inc["casualties_high"]) == (15, 15, 19)
    assert inc["toll"] == "15–19 (civilians 15; combatants 4)"
    # near miss: a whole that already holds its parts ("19 people, 15 of them civilians") is left as it is
    cas = factory.casualties([
        dict(claim_id="a-0", victims="people", outcome="killed", min=19, max=19, category="unknown"),
        dict(claim_id="a-0", victims="civilians", outcome="killed", min=15, max=15, category="civilians", part=True),
        dict(claim_id="a-1", victims="militants", outcome="killed", min=4, max=4, category="combatants"),
    ])
    inc = _aligned(claims, cas)[1].incidents.iloc[0]
    assert inc["toll"] == "19 (civilians ≥ 15; combatants 4)"
    # near miss: the civilians and the fighters told by two tellers may be one set of dead counted two ways;
    # their sum is a figure nobody stated
    claims = factory.claims([
        _strike("a", "Coalition raids on two villages near Manbij killed 15 civilians, SOHR said.",
                source="Syrian Observatory for Human Rights", source_type="monitor"),
        _strike("b", "Coalition raids near Manbij killed 4 fighters, SANA said.", source="SANA", source_type="media"),
    ], outlets={"a": "Outlet A", "b": "Outlet B"})
    cas = factory.casualties([
        dict(claim_id="a-0", victims="civilians", outcome="killed", min=15, max=15, category="civilians"),
        dict(claim_id="b-0", victims="militants", outcome="killed", min=4, max=4, category="combatants"),
    ])
    inc = _aligned(claims, cas)[1].incidents.iloc[0]
    assert inc["casualties_high"] == 15 and inc["toll"].startswith("4–15 ")


def test_parts_covered_keeps_an_open_part_open():
    from claimscope.compare import parts_covered
    assert parts_covered((18, 18, 18, False), [(200, 200, 200, True), (18, 18, 18, False)]) == (18, 18, 218, True)
    assert parts_covered((30, 30, 30, False), [(20, 20, 20, False), (None, None, None, False)]) == (30, 30, 30, False)


def test_contested_perpetrator_is_said_so():
    claims = factory.claims([
        _strike("a", "Russian jets struck Manbij, SOHR said.", source="Syrian Observatory for Human Rights",
                source_type="monitor", perpetrator="Russian Aerospace Forces", perpetrator_cue="agent"),
        _strike("b", "Coalition jets struck Manbij, SANA said.", source="SANA", source_type="media",
                perpetrator="US-led coalition", perpetrator_cue="agent"),
    ], outlets={"a": "Outlet A", "b": "Outlet B"})
    _, c = _aligned(claims, factory.casualties([]))
    inc = c.incidents.iloc[0]
    assert inc["perpetrator"] == "contested" and inc["title"].endswith("— perpetrator contested")


def test_incident_governorate_follows_its_claims_not_a_homonym():
    # every claim resolves to Homs; the place's homonym lies in Aleppo
    claims = factory.claims([
        _strike("a", "Shells hit al-Zahraa, SOHR said.", event_type="shelling", places="al-Zahraa;Syria",
                governorate="Homs", source="Syrian Observatory for Human Rights", source_type="monitor"),
        _strike("a", "Two people died in the shelling of al-Zahraa.", event_type="shelling", places="al-Zahraa;Homs",
                governorate="Homs"),
    ], outlets={"a": "Outlet A"})
    m = factory.mentions(claims, K)
    m.loc[m["name"] == "al-Zahraa", "admin1"] = "Aleppo"
    m.loc[m["name"] == "al-Zahraa", "type"] = "neighbourhood"
    r = align(claims, factory.casualties([]), factory.documents(claims), mentions=m, knowledge=K)
    c = compare(r.claims, factory.casualties([]), r.incidents, mentions=m, knowledge=K)
    inc = c.incidents.iloc[0]
    assert inc["governorate"] == "Homs"
    assert inc["places"] == "al-Zahraa"            # no country, no governorate among the places
    assert inc["title"] == "2016-07-18 shelling near al-Zahraa (Homs)"


@pytest.mark.parametrize("lo, hi, open_high, text", [
    (6, 6, True, "≥ 6"), (6, 6, False, "6"), (5, 7, False, "5–7"), (22, 40, True, "22–40+"), (None, None, False, ""),
])
def test_toll_text(lo, hi, open_high, text):
    from claimscope.compare import toll_text
    assert toll_text(lo, hi, open_high=open_high) == text


def test_an_at_least_figure_reads_as_at_least():
    claims = factory.claims([_strike("a", "At least 6 civilians were killed in Manbij, SOHR said.",
                                     source="Syrian Observatory for Human Rights", source_type="monitor")])
    cas = factory.casualties([dict(claim_id="a-0", victims="civilians", outcome="killed", min=6, max=None,
                                   qualifier="at least", category="civilians")])
    _, c = _aligned(claims, cas)
    assert c.incidents.iloc[0]["toll"] == "≥ 6 (civilians ≥ 6)"


# --------------------------------------------------------------------------- seeds + cross-document example corpus

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def example_tables():
    """The pipeline on what `make report` reads: the seeds and the
    cross-document example corpus."""
    from claimscope.pipeline import run

    return run([REPO / "seeds", REPO / "tests" / "fixtures" / "crossdoc"])


def test_no_verdict_of_agreement_without_a_facet_compared_between_independent_accounts(example_tables):
    inc, comp = example_tables["incidents"], example_tables["comparisons"]
    assert set(inc["status"]) <= set(VERDICTS) and "grade" not in inc.columns
    backing = comp[(comp["verdict"] == "agree") & (comp["relation"] == "independent")
                   & comp["facet"].isin(["casualties", "perpetrator", "responsibility", "cause"])]
    corroborated = set(inc.loc[inc["status"] == "corroborated", "incident_id"])
    assert corroborated <= set(backing["incident_id"])
    for r in inc.itertuples():
        facets = [f for f in (r.agree_facets or "").split(";") if f]
        ours = comp[(comp["incident_id"] == r.incident_id) & (comp["verdict"] == "agree")
                    & (comp["relation"] == "independent")]
        assert set(facets) == set(ours["facet"]), r.incident_id
        if r.status in ("corroborated", "uncorroborated"):
            assert r.n_sources >= 2
        if r.status == "contested":
            assert r.conflict_facets and r.title.endswith("contested")


def test_no_agreement_counted_between_an_outlets_narration_and_the_source_it_relays(example_tables):
    t = example_tables
    claims, comp = t["claims"], t["comparisons"]
    docs = t["documents"]
    root = {d: (c if isinstance(c, str) and c else d) for d, c in zip(docs["doc_id"], docs["duplicate_of"])}
    outlet_of = dict(zip(docs["doc_id"], docs["outlet"].fillna("")))
    info = {cid: (outlet_of.get(root[d], ""), st == "outlet", src)
            for cid, d, st, src in zip(claims["claim_id"], claims["doc_id"], claims["source_type"], claims["source"])}
    relays = {}   # (incident, outlet) -> sources it quotes
    for cid, iid in zip(claims["claim_id"], claims["incident_id"]):
        outlet, voice, src = info[cid]
        if isinstance(iid, str) and iid and not voice:
            relays.setdefault((iid, outlet), set()).add(src)
    checked = 0
    for r in comp.itertuples():
        (oa, va, sa), (ob, vb, sb) = info[r.claim_a], info[r.claim_b]
        # a pooled voice ('local sources') is one per outlet: only the voice of the outlet quoting it relays it
        relayed = (va and sb in relays.get((r.incident_id, oa), set()) and (ob == oa or not is_pooled(sb, ""))) or \
                  (vb and sa in relays.get((r.incident_id, ob), set()) and (oa == ob or not is_pooled(sa, "")))
        if relayed:
            checked += 1
            assert r.relation == "relay", r
    assert checked > 0   # the example corpus has outlets relaying sources
    sa = t["source_agreement"]
    independent_agree = comp[(comp["verdict"] == "agree") & (comp["relation"] == "independent")]
    pairs = {tuple(sorted(p)) for p in zip(independent_agree["source_a"], independent_agree["source_b"])}
    for r in sa.itertuples():
        if r.agree:
            assert (r.source_a, r.source_b) in pairs


def test_the_example_corpus_shows_a_contested_incident_across_reports(example_tables):
    t = example_tables
    doc = dict(zip(t["claims"]["claim_id"], t["claims"]["doc_id"]))
    comp = t["comparisons"]
    across = comp[(comp["verdict"] == "conflict") & (comp["relation"] == "independent")
                  & pd.Series([doc[a] != doc[b] for a, b in zip(comp["claim_a"], comp["claim_b"])], index=comp.index)]
    contested = t["incidents"].set_index("incident_id").loc[sorted(set(across["incident_id"]))]
    assert len(contested) and (contested["status"] == "contested").all() and (contested["n_docs"] >= 2).all()


def test_one_states_voices_do_not_corroborate_each_other():
    rows = [
        _strike("a", "The Turkish Defense Ministry said 9 soldiers were killed in Manbij.",
                source="Turkish Defense Ministry", source_type="official", source_side="turkey"),
        _strike("b", "Nine Turkish soldiers were killed in Manbij.", source_side="turkey"),   # Anadolu's own voice
    ]
    outlets = {"a": "Outlet A", "b": "Anadolu Agency", "c": "Outlet C"}
    cas = [dict(claim_id=f"{d}-0", victims="Turkish Armed Forces", outcome="killed", min=9, max=9) for d in "abc"]
    _, c = _aligned(factory.claims(rows, outlets=outlets), factory.casualties(cas[:2]))
    assert set(c.comparisons["relation"]) == {"aligned"}
    inc = c.incidents.iloc[0]
    assert inc["status"] == "single_source" and inc["n_sources"] == 1
    rows.append(_strike("c", "SOHR said 9 Turkish soldiers died in Manbij.", source="Syrian Observatory for Human Rights",
                        source_type="monitor", source_side="independent"))
    _, c = _aligned(factory.claims(rows, outlets=outlets), factory.casualties(cas))
    inc = c.incidents.iloc[0]
    assert inc["status"] == "corroborated" and inc["n_sources"] == 2


def test_a_perpetrator_only_hedged_claims_name_is_no_consensus():
    claims = factory.claims([
        _strike("a", "A large explosion hit a depot in Manbij.", event_type="explosion"),
        _strike("a", "Some pro-militant sources claimed the explosion was caused by a Russian airstrike.",
                source="pro-militant sources", source_type="partisan", hedged=True, cause="airstrike",
                perpetrator="Russian Aerospace Forces", perpetrator_cue="by_phrase"),
    ], outlets={"a": "South Front"})
    _, c = _aligned(claims, factory.casualties([]))
    assert pd.isna(c.incidents.iloc[0]["perpetrator"])


def test_a_chain_of_relays_is_one_account_named_after_its_named_source():
    # SOHR's own report quotes local sources; Reuters quotes SOHR: one chain, SOHR its named source
    rows = [
        _strike("a", "Local sources told SOHR 5 civilians were killed in Manbij.", source="local sources",
                source_type="local"),
        _strike("a", "Five civilians were killed in Manbij.", sentence_index=2),          # SOHR's own voice
        _strike("b", "SOHR said 5 civilians were killed in Manbij.", source="Syrian Observatory for Human Rights",
                source_type="monitor"),
        _strike("b", "The strike killed 5 civilians in Manbij.", sentence_index=2),        # Reuters' own voice
    ]
    outlets = {"a": "Syrian Observatory for Human Rights", "b": "Reuters"}
    cas = [dict(claim_id=cid, victims="civilians", outcome="killed", min=5, max=5) for cid in ("a-0", "a-1", "b-0", "b-1")]
    _, c = _aligned(factory.claims(rows, outlets=outlets), factory.casualties(cas))
    inc = c.incidents.iloc[0]
    assert inc["status"] == "single_source" and inc["n_sources"] == 1
    assert inc["sources"] == "Syrian Observatory for Human Rights"
    assert not (c.comparisons["relation"] == "independent").any()


def test_two_outlets_relaying_one_source_do_not_corroborate_each_other():
    rows = [
        _strike("a", "The Hatay governor said 33 soldiers were killed in Manbij.", source="Hatay governor",
                source_type="official"),
        _strike("a", "Thirty-three soldiers were killed in Manbij.", sentence_index=2),     # AA's voice
        _strike("b", "The Hatay governor said 33 soldiers died in Manbij.", source="Hatay governor",
                source_type="official"),
        _strike("b", "The strike killed 33 soldiers in Manbij.", sentence_index=2),         # Reuters' voice
    ]
    cas = [dict(claim_id=cid, victims="Turkish Armed Forces", outcome="killed", min=33, max=33)
           for cid in ("a-0", "a-1", "b-0", "b-1")]
    _, c = _aligned(factory.claims(rows, outlets={"a": "Anadolu Agency", "b": "Reuters"}), factory.casualties(cas))
    assert set(c.comparisons["relation"]) == {"relay"}
    assert c.incidents.iloc[0]["status"] == "single_source"


# --------------------------------------------------------------------------- denials

def _denial_case(*extra, **denial):
    """SOHR names Russian jets; the Russian Defense Ministry denies (by
    default: its own aircraft, no perpetrator read)."""
    d = dict(source="Russian Defense Ministry", source_type="official", source_side="russia", negated=True,
             negation_cue="denied")
    d.update(denial)
    rows = [
        _strike("a", "Russian warplanes struck the market in Manbij, SOHR said.",
                source="Syrian Observatory for Human Rights", source_type="monitor", source_side="independent",
                perpetrator="Russian Aerospace Forces", perpetrator_cue="agent"),
        _strike("b", d.pop("sentence", "The ministry denied that its aircraft had carried out the strikes on Manbij."),
                **d),
        *extra,
    ]
    outlets = {"a": "Outlet A", "b": "Outlet B", "c": "Outlet C"}
    _, c = _aligned(factory.claims(rows, outlets=outlets), factory.casualties([]))
    return c


def test_a_denial_of_the_speakers_own_side_conflicts_with_an_independent_account_naming_it():
    c = _denial_case()
    comp = c.comparisons.set_index("facet").loc["perpetrator"]
    assert (comp["verdict"], comp["relation"]) == ("conflict", "independent")
    assert comp["detail"] == ("denial: Russian Defense Ministry denies a role of its own side; "
                             "Syrian Observatory for Human Rights names Russian Aerospace Forces")
    inc = c.incidents.iloc[0]
    assert inc["status"] == "contested" and inc["conflict_facets"] == "perpetrator"
    assert inc["perpetrator"] == "contested"


def test_a_denial_is_never_agreement():
    # the denied actor named as the denial's perpetrator ("denied that Russian jets struck")
    c = _denial_case(perpetrator="Russian Aerospace Forces", perpetrator_cue="agent")
    perp = c.comparisons[c.comparisons["facet"] == "perpetrator"]
    assert list(perp["verdict"]) == ["conflict"]
    assert perp.iloc[0]["detail"] == ("denial: Russian Defense Ministry denies a role of Russian Aerospace Forces; "
                                     "Syrian Observatory for Human Rights names Russian Aerospace Forces")
    inc = c.incidents.iloc[0]
    assert inc["status"] == "contested" and "perpetrator" not in inc["agree_facets"]


def test_a_denial_of_another_side_is_no_conflict_and_no_agreement():
    c = _denial_case(source="Syrian Ministry of Defense", source_side="syrian_government")
    assert "perpetrator" not in set(c.comparisons["facet"])
    assert c.incidents.iloc[0]["status"] != "contested"


def test_only_independent_voices_are_set_against_a_denial():
    # TASS's own narration speaks for the same state as the ministry (aligned)
    c = _denial_case(_strike("c", "Russian jets hit militant positions in Manbij.", source_side="russia",
                             perpetrator="Russian Aerospace Forces", perpetrator_cue="agent"),
                     source="Syrian Observatory for Human Rights", source_type="monitor", source_side="independent")
    # the denial is SOHR's (independent side: no own side to deny, no actor named): nothing read
    assert "perpetrator" not in set(c.comparisons.loc[c.comparisons["verdict"] == "conflict", "facet"])
    c = _denial_case(_strike("c", "Russian jets hit militant positions in Manbij.", source_side="russia",
                             perpetrator="Russian Aerospace Forces", perpetrator_cue="agent"))
    conflicts = c.comparisons[c.comparisons["verdict"] == "conflict"]
    assert set(conflicts["relation"]) == {"independent"}
    assert set(conflicts["source_a"]) | set(conflicts["source_b"]) == {"Syrian Observatory for Human Rights",
                                                                       "Russian Defense Ministry"}


def test_the_outlet_relaying_a_denial_is_not_set_against_it():
    rows = [
        _strike("a", "Russian warplanes struck the market in Manbij.", perpetrator="Russian Aerospace Forces",
                perpetrator_cue="agent"),    # the outlet's own narration
        _strike("a", "The Russian Defense Ministry denied that its aircraft had carried out the strikes on Manbij.",
                source="Russian Defense Ministry", source_type="official", source_side="russia", negated=True,
                negation_cue="denied", sentence_index=2),
    ]
    _, c = _aligned(factory.claims(rows, outlets={"a": "Outlet A"}), factory.casualties([]))
    assert not (c.comparisons["verdict"] == "conflict").any()


def test_a_denied_blame_is_a_responsibility_conflict():
    c = _denial_case(_strike("c", "Washington blamed the attack on the Russian military.", source="US government",
                             source_type="official", source_side="us_coalition", perpetrator="Russia",
                             perpetrator_cue="blamed"))
    conflicts = c.comparisons[c.comparisons["verdict"] == "conflict"]
    assert set(conflicts["facet"]) == {"perpetrator", "responsibility"}
    resp = c.comparisons[c.comparisons["facet"] == "responsibility"].iloc[0]
    assert {resp["source_a"], resp["source_b"]} == {"US government", "Russian Defense Ministry"}
    assert resp["detail"] == "blame denied: Russian Defense Ministry denies a role of its own side; US government names Russia"
    # the direct account against the denial stays a perpetrator conflict
    perp = c.comparisons[c.comparisons["facet"] == "perpetrator"]
    assert set(perp["source_a"]) | set(perp["source_b"]) >= {"Syrian Observatory for Human Rights"}
    assert c.incidents.iloc[0]["conflict_facets"] == "perpetrator;responsibility"


def test_a_blame_denied_leaves_no_consensus_perpetrator():
    rows = [
        _strike("a", "The opposition accused government forces of gassing civilians in Manbij.",
                event_type="chemical_attack", source="Syrian opposition", source_type="partisan",
                source_side="opposition", perpetrator="Syrian Arab Army", perpetrator_cue="blamed"),
        _strike("b", "The army denied using chemical weapons in Manbij.", event_type="chemical_attack",
                source="Syrian Ministry of Defense", source_type="official", source_side="syrian_government",
                negated=True, negation_cue="denied"),
    ]
    _, c = _aligned(factory.claims(rows, outlets={"a": "Outlet A", "b": "Outlet B"}), factory.casualties([]))
    comp = c.comparisons.set_index("facet").loc["responsibility"]
    assert comp["verdict"] == "conflict"
    inc = c.incidents.iloc[0]
    assert inc["conflict_facets"] == "responsibility" and inc["perpetrator"] == "contested"
    assert inc["title"].endswith("— responsibility contested")


def test_a_denial_with_an_accusation_asserts_the_accused_and_denies_its_own_side():
    # "Kurdish officials denied any connection ... and accused the Turkish-backed factions"
    rows = [
        _strike("a", "YPG militants detonated a car bomb in Manbij, the ministry said.", event_type="explosion",
                source="Turkish Defense Ministry", source_type="official", source_side="turkey",
                perpetrator="Syrian Democratic Forces", perpetrator_cue="agent"),
        _strike("b", "SDF officials denied any connection with the Manbij bombing and accused the Turkish-backed "
                "factions.", event_type="explosion", source="Syrian Democratic Forces", source_type="partisan",
                source_side="kurdish", negated=True, negation_cue="denied", perpetrator="Turkish-backed factions",
                perpetrator_cue="blamed"),
        _strike("c", "Turkish-backed factions detonated the car bomb in Manbij, local activists said.",
                event_type="explosion", source="Syrian Observatory for Human Rights", source_type="monitor",
                source_side="independent", perpetrator="Turkish-backed factions", perpetrator_cue="agent"),
    ]
    outlets = {"a": "Outlet A", "b": "Outlet B", "c": "Outlet C"}
    _, c = _aligned(factory.claims(rows, outlets=outlets), factory.casualties([]))
    perp = c.comparisons[c.comparisons["facet"] == "perpetrator"].set_index(["claim_a", "claim_b"])["verdict"]
    assert perp[("a-0", "b-0")] == "conflict"
    assert perp[("b-0", "c-0")] == "agree"    # the accusation is asserted, not denied


def test_no_casualties_is_no_denial_and_a_denied_toll_names_no_actor():
    # "causing no casualties" asserts the strike: its perpetrator agrees
    c = _denial_case(negation_cue="no casualties", perpetrator="Russian Aerospace Forces", perpetrator_cue="agent",
                     sentence="Russian jets struck Manbij, causing no casualties.")
    assert c.comparisons.set_index("facet").loc["perpetrator", "verdict"] == "agree"
    # a denial with a figure and no actor may deny the toll, not the act: not read
    rows = [
        _strike("a", "Russian warplanes killed 20 civilians in Manbij, SOHR said.",
                source="Syrian Observatory for Human Rights", source_type="monitor", source_side="independent",
                perpetrator="Russian Aerospace Forces", perpetrator_cue="agent"),
        _strike("b", "The ministry denied that 20 civilians were killed in Manbij.", source="Russian Defense Ministry",
                source_type="official", source_side="russia", negated=True, negation_cue="denied"),
    ]
    cas = factory.casualties([dict(claim_id="b-0", victims="civilians", outcome="killed", min=20, max=20)])
    _, c = _aligned(factory.claims(rows, outlets={"a": "Outlet A", "b": "Outlet B"}), cas)
    assert "perpetrator" not in set(c.comparisons["facet"])


def test_act_denials_are_negations():
    lex = K.lexicon
    assert set(lex["act_denials"]) <= set(lex["negations"])
    zero = set(lex["zero_casualties"]) | set(lex["zero_killed"]) | set(lex["zero_injured"])
    assert not set(lex["act_denials"]) & zero


def test_a_named_actor_denied_an_act_conflicts_with_the_account_naming_it(tmp_path):
    """End to end: "Russian aircraft had not carried out any strikes" makes a
    denial claim (the actor named, role `denied` in `mentions`) that is set
    against the monitor's account naming the Russian jets; the Syrian forces
    the same sentence says fired stay asserted."""
    from claimscope import run

    (tmp_path / "a.txt").write_text(
        "Jets kill nine in Saraqib market\n\n"
        "Russian warplanes struck the vegetable market in Saraqib on Monday, killing nine civilians, "
        "the Syrian Observatory for Human Rights said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Moscow rejects Saraqib claims\n\n"
        "The Russian Defense Ministry said on Tuesday that Russian aircraft had not carried out any strikes on the "
        "market in Saraqib on Monday.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,published\na.txt,Outlet A,2019-07-23\nb.txt,Outlet B,2019-07-23\n", encoding="utf-8")
    t = run([tmp_path], knowledge=K)
    claims = t["claims"]
    denial = claims[claims["sentence"].str.contains("had not carried out")].iloc[0]
    assert bool(denial["negated"]) and denial["negation_cue"] == "had not carried out"
    assert denial["kind"] == "event"
    m = t["mentions"]
    assert list(m.loc[(m["claim_id"] == denial["claim_id"]) & (m["role"].str.contains("denied")), "name"]) == [
        "Russian Aerospace Forces"]
    comp = t["comparisons"]
    perp = comp[(comp["facet"] == "perpetrator") & (comp["verdict"] == "conflict")]
    assert len(perp) == 1
    assert {perp.iloc[0]["source_a"], perp.iloc[0]["source_b"]} == {"Syrian Observatory for Human Rights",
                                                                      "Russian Defense Ministry"}
    assert perp.iloc[0]["detail"] == ("denial: Russian Defense Ministry denies a role of Russian Aerospace Forces; "
                                     "Syrian Observatory for Human Rights names Russian Aerospace Forces")


@pytest.mark.parametrize("sentence, cause, compared", [
    # the denier asserts another cause: set against the monitor's chemical attack
    ("The army denied any responsibility, saying its strikes hit a rebel depot where chemical weapons were kept.",
     "depot_hit", True),
    # the cause is what is denied: no stated cause
    ("The army denied that the deaths were caused by a strike on a rebel depot.", "depot_hit", False),
])
def test_a_denial_states_a_cause_only_when_it_asserts_another(sentence, cause, compared):
    rows = [
        _strike("a", "Dozens died after warplanes dropped toxic gas on Manbij, the monitor said.",
                event_type="chemical_attack", source="Syrian Observatory for Human Rights", source_type="monitor",
                source_side="independent", cause="chemical_attack", cause_raw="warplanes dropped toxic gas on Manbij"),
        _strike("b", sentence, event_type="chemical_attack", source="Syrian Ministry of Defense", source_type="official",
                source_side="syrian_government", negated=True, negation_cue="denied", cause=cause,
                cause_raw="its strikes hit a rebel depot where" if compared else "a strike on a rebel depot"),
    ]
    _, c = _aligned(factory.claims(rows, outlets={"a": "Outlet A", "b": "Outlet B"}), factory.casualties([]))
    got = c.comparisons[c.comparisons["facet"] == "cause"]
    if compared:
        assert list(got["verdict"]) == ["conflict"]
        assert set(got.iloc[0]["detail"].split(" vs ")) == {
            "chemical attack ('warplanes dropped toxic gas on Manbij')",
            "strike on a munitions depot ('its strikes hit a rebel depot where')"}
    else:
        assert got.empty


def test_a_group_denying_it_carried_out_the_act_conflicts_with_the_account_naming_it(tmp_path):
    """End to end: "The YPG denied carrying out the car bombing" denies its own
    side's role, against the monitor that names the YPG."""
    from claimscope import run

    (tmp_path / "a.txt").write_text(
        "Bomb kills 12 in Azaz\n\nA car bomb killed 12 civilians in the town of Azaz on Monday, the Syrian "
        "Observatory for Human Rights said, adding that the Kurdish YPG militia carried out the bombing.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "YPG rejects Azaz charge\n\nThe YPG denied carrying out the car bombing in Azaz on Monday.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,published\na.txt,Outlet A,2019-07-23\nb.txt,Outlet B,2019-07-23\n", encoding="utf-8")
    comp = run([tmp_path], knowledge=K)["comparisons"]
    perp = comp[(comp["facet"] == "perpetrator") & (comp["verdict"] == "conflict")]
    assert list(perp["detail"]) == ["denial: Syrian Democratic Forces denies a role of its own side; "
                                   "Syrian Observatory for Human Rights names Syrian Democratic Forces"]


# --- a toll that rose between reports ---------------------------------------------------------

def _toll_reports(tmp_path, first: str, second: str, second_day: str = "2017-04-06"):
    from claimscope import run

    (tmp_path / "a.txt").write_text(f"Gas attack toll\n\n{first}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Gas attack toll\n\n{second}\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        f"file,outlet,published\na.txt,Outlet A,2017-04-04\nb.txt,Outlet B,{second_day}\n", encoding="utf-8")
    comp = run([tmp_path], knowledge=K)["comparisons"]
    return comp[comp["facet"] == "casualties"]


def test_a_toll_that_rose_between_reports_is_an_update_not_a_conflict(tmp_path):
    cas = _toll_reports(
        tmp_path,
        "The death toll in the gas attack on Khan Sheikhoun on Tuesday rose to 58, the Syrian Observatory for "
        "Human Rights said.",
        "Health officials said 100 people were killed in the gas attack on Khan Sheikhoun on Tuesday.")
    assert list(cas["verdict"]) == ["partial"]
    assert "2 days apart as a toll that rose" in cas.iloc[0]["detail"]


@pytest.mark.parametrize("second, day", [
    # a toll that falls in the later report is still a disagreement
    ("Health officials said 20 people were killed in the gas attack on Khan Sheikhoun on Tuesday.",
     "2017-04-06"),
    # the same day: two tolls at one time
    ("Health officials said that 100 people were killed in the gas attack on Khan Sheikhoun on Tuesday.",
     "2017-04-04"),
])
def test_a_falling_or_same_day_toll_stays_a_conflict(tmp_path, second, day):
    cas = _toll_reports(
        tmp_path,
        "The death toll in the gas attack on Khan Sheikhoun on Tuesday rose to 58, the Syrian Observatory for "
        "Human Rights said.", second, day)
    assert list(cas["verdict"]) == ["conflict"]


def test_without_an_update_cue_tolls_of_two_days_still_conflict(tmp_path):
    cas = _toll_reports(
        tmp_path,
        "The Syrian Observatory for Human Rights said 58 people were killed in the gas attack on Khan Sheikhoun on "
        "Tuesday.",
        "Health officials said 100 people were killed in the gas attack on Khan Sheikhoun on Tuesday.")
    assert list(cas["verdict"]) == ["conflict"]


@pytest.mark.parametrize("second_day, verdict", [
    ("2017-04-04", "partial"),    # the relaying outlet's lower toll, the same day: maybe the source's earlier count
    ("2017-04-05", "conflict"),   # the lower toll reported after the higher one: no count that rose
])
def test_a_relayed_lower_toll_reported_no_later_is_no_disagreement(tmp_path, second_day, verdict):
    cas = _toll_reports(
        tmp_path,
        "At least 72 people were killed in the gas attack on Khan Sheikhoun on Tuesday, the Syrian Observatory for "
        "Human Rights said.",
        "58 people were killed in the gas attack on Khan Sheikhoun on Tuesday. The Syrian Observatory for Human "
        "Rights said children were among the dead of the gas attack on Khan Sheikhoun.", second_day)
    rows = cas[cas["relation"] == "relay"]
    assert len(rows) == 1 and rows.iloc[0]["verdict"] == verdict
    if verdict == "partial":
        assert "one account relays the other, and Outlet B reported the lower toll the same day" in rows.iloc[0]["detail"]


# --------------------------------------------------------------------------- figures of other acts or other victims

def _one_report(second, *, places_b="Manbij", raw_b=None, doc_b="a", first="Air strikes killed 15 people in Manbij.",
                places_a="Manbij", from_b="27"):
    """An outlet's toll and a monitor's second toll (27 killed); the compared casualties row."""
    claims = factory.claims([
        _strike("a", first, places=places_a),
        _strike(doc_b, second, source="Syrian Observatory for Human Rights", source_type="monitor", places=places_b),
    ])
    kb = dict(claim_id=f"{doc_b}-{1 if doc_b == 'a' else 0}", victims="people", outcome="killed", min=27, max=27,
              start=(100 if doc_b == "a" else 0) + second.index(from_b), raw=raw_b or second[second.index(from_b):][:30])
    cas = factory.casualties([dict(claim_id="a-0", victims="people", outcome="killed", min=15, max=15,
                                   start=first.index("15"), raw=first[first.index("15"):][:10]), kb])
    r, c = _aligned(claims, cas)
    assert r.claims["incident_id"].nunique() == 1
    rows = c.comparisons[c.comparisons["facet"] == "casualties"]
    assert len(rows) == 1
    return rows.iloc[0]


@pytest.mark.parametrize("second, raw, verdict", [
    # two counts of one toll in one report: a conflict
    ("The Observatory said 27 people were killed in the raids on Manbij.", None, "conflict"),
    # told as more dead besides the report's others: partial
    ("Another 27 people were killed in the raids on Manbij, the Observatory added.", "Another 27 people were killed",
     "partial"),
    ("The Observatory said 27 more people were killed in the raids on Manbij.", "27 more people were killed",
     "partial"),
    ("Moreover, 27 people were killed in the raids on Manbij, the Observatory said.", None, "partial"),
    # an earlier act or an earlier count of the toll, told after the report's own figure
    ("Earlier on Monday, the Observatory said 27 people were killed in Manbij.", None, "partial"),
    ("Later in the evening, 27 people were killed in Manbij, the Observatory said.", None, "partial"),
    # 'more than' is a bound, not more dead
    ("The Observatory said more than 27 people were killed in Manbij.", "more than 27 people", "conflict"),
    # 'another' after a toll its own sentence told points back inside the sentence
    ("The Observatory said 3 people died in Manbij and another 27 people were killed in the raids.",
     "another 27 people were killed", "conflict"),
])
def test_a_figure_told_as_more_victims_besides_its_reports_others_is_no_second_count(second, raw, verdict):
    """'Another 27 people were killed in ...', '27 more', 'Moreover, 27 ...'
    tell victims besides those the report told before: not a second count of
    one toll to set against the first."""
    row = _one_report(second, raw_b=raw)
    assert row["verdict"] == verdict, row["detail"]
    if verdict == "partial":
        assert "besides the report's others" in row["detail"] or "an earlier or later act or count" in row["detail"]


def test_the_figures_own_verb_before_another_keeps_it_more_victims():
    row = _one_report("Regime warplanes killed another 27 people in the raids on Manbij, the Observatory said.",
                      raw_b="another 27 people", from_b="another")
    assert row["verdict"] == "partial", row["detail"]


def test_a_part_never_confirms_another_accounts_toll():
    a = [F("people", "injured", 15, 15)]
    b = [Figure("people", "injured", 15, 15, part=True)]
    assert compare_figures(a, b)[0] == "partial"


def test_a_report_that_opens_with_earlier_tells_its_own_act():
    """'Earlier today, strikes killed 15 ...' leading a report is its act: a
    later figure of the report is set against it as usual."""
    row = _one_report("The Observatory said 27 people were killed in the raids on Manbij.",
                      first="Earlier today, air strikes killed 15 people in Manbij.")
    assert row["verdict"] == "conflict"


def test_more_victims_told_by_another_report_are_still_compared():
    row = _one_report("Another 27 people were killed in the raids on Manbij, the Observatory said.",
                      raw_b="Another 27 people were killed", doc_b="b")
    assert row["verdict"] == "conflict"


@pytest.mark.parametrize("place_b, verdict", [
    ("Sheikh Maqsoud;Aleppo", "partial"),   # another quarter of the city: another act's toll
    ("Salah al-Din;Aleppo", "conflict"),    # the same quarter: two counts of one toll
    ("Aleppo", "conflict"),                 # the city: it may hold the quarter
])
def test_tolls_told_of_two_quarters_are_not_two_counts_of_one_toll(place_b, verdict):
    """Two accounts of one incident whose tolls are told of different
    quarters (one level of align.yaml place_levels) tell two acts' tolls."""
    row = _one_report("The attack killed 27 people, the Observatory said.", places_b=place_b,
                      first="Rocket shells hit the Salah al-Din neighbourhood, killing 15 people.",
                      places_a="Salah al-Din;Aleppo")
    assert row["verdict"] == verdict, row["detail"]
    if verdict == "partial":
        assert "told of different places (Sheikh Maqsoud vs Salah al-Din)" in row["detail"] \
            or "told of different places (Salah al-Din vs Sheikh Maqsoud)" in row["detail"]


def test_perpetrators_told_of_two_quarters_are_two_acts_perpetrators():
    claims = factory.claims([
        _strike("a", "Regime warplanes struck the Salah al-Din neighbourhood.", places="Salah al-Din;Aleppo",
                perpetrator="Syrian Arab Army", perpetrator_cue="agent"),
        _strike("a", "The attack on Sheikh Maqsoud was carried out by rebels, the Observatory said.",
                places="Sheikh Maqsoud;Aleppo", perpetrator="Syrian opposition", perpetrator_cue="by_phrase",
                source="Syrian Observatory for Human Rights", source_type="monitor"),
    ])
    r, c = _aligned(claims, factory.casualties([]))
    assert r.claims["incident_id"].nunique() == 1
    row = c.comparisons.set_index("facet").loc["perpetrator"]
    assert row["verdict"] == "partial" and "told of different places" in row["detail"]


def test_an_air_strike_and_a_ground_clash_perpetrators_are_still_compared():
    """'Came under fire from Syrian forces' vs 'Russian warplanes carried out
    the raid': who attacked, by air or on the ground, is the disagreement
    itself; the kinds of act do not set the perpetrators apart."""
    claims = factory.claims([
        _strike("a", "Air strikes by the US-led coalition hit Manbij.", perpetrator="US-led coalition",
                perpetrator_cue="by_phrase"),
        _strike("a", "During the attack, SDF fighters clashed with IS in Manbij, the Observatory said.", event_type="clash",
                perpetrator="Syrian Democratic Forces", perpetrator_cue="agent",
                source="Syrian Observatory for Human Rights", source_type="monitor"),
    ])
    r, c = _aligned(claims, factory.casualties([]))
    assert r.claims["incident_id"].nunique() == 1
    row = c.comparisons.set_index("facet").loc["perpetrator"]
    assert row["verdict"] == "conflict"


@pytest.mark.parametrize("second, verdict", [
    ("Government forces struck Manbij in retaliation for a bombing that killed 27 people, the Observatory said.",
     "partial"),
    ("Government forces struck Manbij, killing 27 people, the Observatory said.", "conflict"),
])
def test_a_toll_told_in_a_clause_recalling_an_earlier_act_is_not_set_against_the_incidents(second, verdict):
    """'... after at least 17 people were killed in an October 2 attack':
    the figure is the earlier act's toll (align.yaml recap_clauses)."""
    row = _one_report(second, doc_b="b")
    assert row["verdict"] == verdict, row["detail"]
    if verdict == "partial":
        assert "recalls an earlier act's toll" in row["detail"]


def _two_reports(tmp_path, a: str, b: str):
    from claimscope.pipeline import run
    (tmp_path / "a.txt").write_text(a, encoding="utf-8")
    (tmp_path / "b.txt").write_text(b, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,published\na.txt,Outlet A,2021-03-09\nb.txt,Outlet B,2021-03-09\n", encoding="utf-8")
    return run([tmp_path], knowledge=K)


def test_a_perpetrator_named_only_as_a_class_is_never_set_against_a_named_group(tmp_path):
    """'shot dead by factions' names the armed opposition as a class, any of its groups (Turkish-backed or
    not): against 'Turkish-backed factions' it is no perpetrator conflict."""
    t = _two_reports(tmp_path,
                     "Civilian shot dead near Jinderes\n\nA civilian was shot dead by factions in Jinderes town in "
                     "Afrin countryside on Monday, the Syrian Observatory for Human Rights said.\n",
                     "Turkish-backed factions kill civilian\n\nA civilian was shot dead by Turkish-backed factions in "
                     "Jinderes town in Afrin countryside on Monday, a local source said.\n")
    assert t["claims"]["perpetrator"].fillna("").str.contains("Syrian opposition").any()
    assert len(t["incidents"]) == 1
    comp = t["comparisons"]
    assert comp[(comp["facet"] == "perpetrator") & (comp["verdict"] == "conflict")].empty
    assert t["incidents"]["status"].item() != "contested"


def test_an_exchange_of_fire_names_no_target_of_the_incident(tmp_path):
    """'Rebels and government forces exchanged fire ... after shelling killed five civilians': the second side
    of an exchange is no account of who was hit."""
    t = _two_reports(tmp_path,
                     "Five civilians killed near Saraqib\n\nRebels and government forces exchanged fire near Saraqib in "
                     "Idlib province on Monday after government shelling killed five civilians, the Syrian Observatory "
                     "for Human Rights said.\n",
                     "Five civilians killed near Saraqib\n\nFive civilians were killed in shelling near Saraqib in Idlib "
                     "province on Monday, a local council said.\n")
    assert (t["claims"]["perpetrator_cue"] == "exchange").any()
    assert t["incidents"]["target"].isna().all()


@pytest.mark.parametrize("targets, expected", [
    (["Syrian Arab Army"], ""),                                   # an attacker is not what it attacked
    (["ISIS", "Syrian Arab Army"], "ISIS"),                       # its own dead stay in the toll, not the target
])
def test_an_incidents_one_perpetrator_is_never_its_target(targets, expected):
    claims = factory.claims([
        _strike("a", "Regime jets struck Manbij, killing 5, SOHR said.", source="Syrian Observatory for Human Rights",
                source_type="monitor", perpetrator="Syrian Arab Army", perpetrator_cue="agent", target=targets[0]),
        *[_strike("b", f"Jets hit {t} positions in Manbij, activists said.", source="activists", source_type="unnamed",
                  perpetrator="Syrian Arab Army", perpetrator_cue="agent", target=t) for t in targets[1:]],
    ])
    cas = factory.casualties([dict(claim_id="a-0", victims="people", outcome="killed", min=5, max=5)])
    _, c = _aligned(claims, cas)
    inc = c.incidents.iloc[0]
    assert inc["perpetrator"] == "Syrian Arab Army"
    assert ("" if pd.isna(inc["target"]) else inc["target"]) == expected


def test_two_outlets_quoting_one_monitor_still_disagree_in_their_own_voice(tmp_path):
    # each outlet quotes SOHR somewhere, but its own toll is its own count: 58 vs 100 the same day conflicts
    cas = _toll_reports(
        tmp_path,
        "58 people were killed in the gas attack on Khan Sheikhoun on Tuesday. The Syrian Observatory for Human "
        "Rights said children were among the dead of the gas attack on Khan Sheikhoun.",
        "100 people were killed in the gas attack on Khan Sheikhoun on Tuesday. The Syrian Observatory for Human "
        "Rights said women were among the dead of the gas attack on Khan Sheikhoun.", "2017-04-04")
    own = cas[(cas["source_a"].isin(["Outlet A", "Outlet B"])) & (cas["source_b"].isin(["Outlet A", "Outlet B"]))]
    assert list(own["verdict"]) == ["conflict"]


def test_a_reports_own_toll_over_its_source_is_compared_outcome_by_outcome():
    # own "2 killed, 40 injured" over the police source's "5 killed, 10 injured": no sum of the source's parts
    claims = factory.claims([
        _strike("a", "Rocket fire on Manbij killed 2 and injured 40."),
        _strike("a", "A police source said 5 people were killed and 10 injured in rocket fire on Manbij.",
                source="Syrian police", source_type="official"),
    ], outlets={"a": "Pentapostagma"})
    cas = factory.casualties([
        dict(claim_id="a-0", victims="people", outcome="killed", min=2, max=2),
        dict(claim_id="a-0", victims="people", outcome="injured", min=40, max=40),
        dict(claim_id="a-1", victims="people", outcome="killed", min=5, max=5),
        dict(claim_id="a-1", victims="people", outcome="injured", min=10, max=10)])
    _, c = _aligned(claims, cas)
    rows = c.comparisons[c.comparisons["facet"] == "casualties"]
    assert list(rows["verdict"]) == ["conflict"]


@pytest.mark.parametrize("second, toll", [
    # more victims and the toll they raise: the toll, not the sum of the figures
    ("Rescuers pulled three more bodies from the rubble, raising the toll to eight.", "8 (civilians 8)"),
    # near miss: two groups' dead beside a risen toll still add up
    ("The death toll of the guards has risen to six, while two attackers from the brigade were killed.", None),
])
def test_a_toll_raised_to_a_figure_is_the_claims_deaths(tmp_path, second, toll):
    from claimscope import run

    (tmp_path / "a.txt").write_text(
        "Jets strike Kafr Nabl market\n\nSyrian jets struck a market in Kafr Nabl in Idlib province on Tuesday, "
        f"killing five civilians, the monitor said. {second}\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,outlet,published\na.txt,Outlet A,2021-03-10\n", encoding="utf-8")
    t = run([tmp_path], knowledge=K)
    inc = t["incidents"].iloc[0]
    if toll is not None:
        assert inc["toll"] == toll
    else:
        assert inc["casualties_high"] >= 8   # six guards and two attackers, not the largest figure alone
