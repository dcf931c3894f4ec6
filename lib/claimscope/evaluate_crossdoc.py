"""The cross-document example corpus: gold incidents, near misses, conflicts, main incidents.

tests/fixtures/crossdoc/ holds 24 short reports of ten real incidents told by
several outlets through different sources (a ministry, a monitor, state
media, a wire), written for claimscope; tests/fixtures/crossdoc_gold.yaml
says which sentences tell which incident, which same-day, same-governorate
pairs are different events (near misses), the conflicts between sources a
reader must be shown, each report's main incident, the recaps of earlier
incidents and the running totals. `score_crossdoc` measures the pipeline's
tables against it:

* **groups**: a gold incident is found when one incident of the tool holds
  an account (a sentence the gold gives; recaps aside) of every report that
  tells it: the reports are lined up;
* **accounts**: the gold's sentences (recaps aside) that are in that
  incident, among those the tool made a claim of (a sentence told apart
  from its report's other sentences is a within-report split);
* **near misses**: the two sentences are in different incidents;
* **conflicts**: the tool's `comparisons` hold a `conflict` on the gold's
  facet between the two gold voices (claims of their accounts, as
  `accounts.account_keys` tells accounts apart) in the incident of the gold one;
* **main incidents**: two reports share `documents.main_incident_id` exactly
  when the gold gives them the same main incident (pairwise);
* **recaps**: a recap sentence's incident is the incident it recalls, never
  the main incident of its own report (recaps may link; main events may not
  follow them);
* **running totals**: the incident of a running-total sentence holds no
  other report's claims.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any, Mapping

import pandas as pd
import yaml

from .accounts import account_keys
from .evaluate import _squash  # the quote normalisation the seeds gold uses too
from .knowledge import Knowledge

__all__ = ["CORPUS", "GOLD", "load_gold", "score_crossdoc"]

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "fixtures" / "crossdoc"
GOLD = REPO / "tests" / "fixtures" / "crossdoc_gold.yaml"


def load_gold(path: str | Path = GOLD) -> dict[str, Any]:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def _locator(tables: Mapping[str, pd.DataFrame]):
    docs = tables["documents"]
    by_file = {Path(str(p)).name: str(d) for p, d in zip(docs["path"], docs["doc_id"])}
    claims = tables["claims"]
    rows: dict[str, list[tuple[str, str, str]]] = {}
    for cid, d, s, inc in zip(claims["claim_id"].astype(str), claims["doc_id"].astype(str),
                              claims["sentence"].astype(str), claims["incident_id"].fillna("").astype(str)):
        rows.setdefault(d, []).append((_squash(s), cid, inc))

    def locate(doc: str, quote: str) -> tuple[str, str] | None:
        """(claim_id, incident_id) of the claim whose sentence holds the quote."""
        q = _squash(quote)
        for s, cid, inc in rows.get(by_file.get(doc, ""), ()):
            if q in s:
                return cid, inc
        return None

    return locate, by_file


def score_crossdoc(tables: Mapping[str, pd.DataFrame], gold: Mapping[str, Any], *,
                   knowledge: Knowledge) -> dict[str, Any]:
    """Every measure of the module docstring as (hits, judged), with one line
    per miss under "misses"."""
    locate, by_file = _locator(tables)
    claims = tables["claims"]
    accounts = dict(zip(claims["claim_id"].astype(str), account_keys(claims, knowledge=knowledge).tolist()))
    doc_of_claim = dict(zip(claims["claim_id"].astype(str), claims["doc_id"].astype(str)))
    inc_docs: dict[str, set[str]] = {}
    for cid, inc in zip(claims["claim_id"].astype(str), claims["incident_id"].fillna("").astype(str)):
        if inc:   # a claim in no incident (not an event: claims.kind) links nothing
            inc_docs.setdefault(inc, set()).add(doc_of_claim[cid])
    measures: dict[str, list[int]] = {k: [0, 0] for k in ("groups", "accounts", "near_misses", "conflicts",
                                                            "main_incidents", "recaps", "running_totals")}
    misses: list[str] = []

    def judge(measure: str, ok: bool, miss: str) -> None:
        measures[measure][1] += 1
        measures[measure][0] += int(ok)
        if not ok:
            misses.append(f"{measure}: {miss}")

    tool_incident: dict[str, str] = {}   # gold incident -> the tool incident of most of its own accounts
    voices: dict[tuple[str, str], set[str]] = {}   # (gold incident, gold source) -> account keys
    for inc in gold["incidents"]:
        found = []
        for a in inc["accounts"]:
            got = locate(a["doc"], a["quote"])
            if got is not None:
                voices.setdefault((inc["id"], a["source"]), set()).add(accounts[got[0]])
            if a["role"] == "recap":
                continue
            found.append((a, got))
        located = [(a, g) for a, g in found if g is not None]
        reports = sorted({a["doc"] for a, _ in found})
        # the tool incident that holds accounts of the most reports (then the most accounts)
        cands = sorted({g[1] for _, g in located if g[1]})
        best = max(cands, key=lambda i: (len({a["doc"] for a, g in located if g[1] == i}),
                                         sum(g[1] == i for _, g in located), i), default="")
        if best:
            tool_incident[inc["id"]] = best
        held = {a["doc"] for a, g in located if g[1] == best}
        judge("groups", bool(best) and held == set(reports),
              f"{inc['id']}: reports " + ", ".join(f"{d[:2]}:" + "/".join(sorted({g[1] for a, g in located if a['doc'] == d}))
                                                   for d in reports))
        for a, g in located:
            judge("accounts", g[1] == best, f"{inc['id']}: {a['doc'][:2]} '{a['quote'][:50]}' in {g[1]}, not {best}")
    for n in gold.get("near_misses", []):
        ga, gb = locate(n["a"]["doc"], n["a"]["quote"]), locate(n["b"]["doc"], n["b"]["quote"])
        ok = ga is not None and gb is not None and ga[1] != gb[1]
        judge("near_misses", ok, f"{n['a']['doc'][:2]} / {n['b']['doc'][:2]}: " +
              ("not located" if ga is None or gb is None else f"both in {ga[1]}"))
    comparisons = tables["comparisons"]
    conflicts = comparisons[comparisons["verdict"] == "conflict"]
    rows = list(zip(conflicts["incident_id"].astype(str), conflicts["facet"].astype(str),
                    conflicts["claim_a"].astype(str), conflicts["claim_b"].astype(str)))
    for c in gold.get("conflicts", []):
        inc = tool_incident.get(c["incident"], "")
        va = voices.get((c["incident"], c["between"][0]), set())
        vb = voices.get((c["incident"], c["between"][1]), set())
        ok = any(i == inc and f == c["facet"] and (
            (accounts.get(x) in va and accounts.get(y) in vb) or (accounts.get(x) in vb and accounts.get(y) in va))
            for i, f, x, y in rows)
        found = sorted({f for i, f, x, y in rows if i == inc})
        judge("conflicts", ok, f"{c['incident']} {c['facet']} {c['between'][0]} vs {c['between'][1]}: "
              f"conflicts found on {found or 'nothing'}")
    docs = tables["documents"]
    main = dict(zip(docs["doc_id"].astype(str), docs["main_incident_id"].fillna("").astype(str))) \
        if "main_incident_id" in docs.columns else {}
    gold_main = gold.get("main_incident", {})
    for fa, fb in itertools.combinations(sorted(gold_main), 2):
        da, db = by_file.get(fa, ""), by_file.get(fb, "")
        same_gold = gold_main[fa] == gold_main[fb]
        ma, mb = main.get(da, ""), main.get(db, "")
        same_tool = bool(ma) and ma == mb
        if same_gold or same_tool:
            judge("main_incidents", same_gold == same_tool,
                  f"{fa[:2]} / {fb[:2]}: gold {'same' if same_gold else 'different'}, tool {ma or '-'} / {mb or '-'}")
    for r in gold.get("recaps", []):
        got = locate(r["doc"], r["quote"])
        own_main = main.get(by_file.get(r["doc"], ""), "")
        ok = got is not None and got[1] != own_main
        judge("recaps", ok, f"{r['doc'][:2]} recap of {r['incident']}: " +
              ("not located" if got is None else f"in {got[1]}, its report's main incident is {own_main or '-'}"))
    for r in gold.get("running_totals", []):
        got = locate(r["doc"], r["quote"])
        doc = by_file.get(r["doc"], "")
        others = sorted(inc_docs.get(got[1], set()) - {doc}) if got is not None else []
        judge("running_totals", got is not None and not others,
              f"{r['doc'][:2]}: " + ("not located" if got is None else f"linked with {others}"))
    return {"measures": {k: (v[0], v[1]) for k, v in measures.items()}, "misses": misses}
