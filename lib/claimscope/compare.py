"""Compare the accounts of each incident facet by facet.

For every incident told by two or more independent accounts (see
`claimscope.align.account_keys`: republished copies and one outlet's repeated
citations of a source are one account), the claims of different accounts are
compared pairwise on each facet they both speak to:

* **casualties** — figures of the same victims group and outcome are ranges;
  overlapping ranges agree ("at least 11" vs "11"), disjoint ranges conflict
  ("3 killed" vs "at least 7 killed"; "no casualties" vs "5 killed"). A part
  ("children", "killed") is checked against its whole ("civilians",
  "killed or injured"): more of the part than the whole conflicts.
  `neutralized` (killed, captured or surrendered) is the whole of killed and
  detained figures: "7 killed" against "5 neutralized" conflicts, "3 killed"
  is partial; it never counts as deaths. Running totals (`scope` total) are
  not an act's toll and are neither compared nor counted.
* **perpetrator** — who carried out (or is blamed for) the act: the same actor
  or side agrees, different sides conflict. "A attacked B" vs "B attacked A"
  tells of two acts of one clash and is not compared.
* **responsibility** — who started it ("Damascus violated the ceasefire" vs
  "the clashes started after Turkish strikes"): different sides conflict.
* **cause** — stated causes by category (airstrike vs accident).
* **date** and **place** — own (not inherited, not `reported`) dates and
  places, incompatible beyond their precision.

Each comparison is a `comparisons` row with a verdict (agree, conflict,
partial) and a readable detail. Incidents get a status, conflict facets, an
Airwars-like grade (single_source; corroborated: independent accounts agree
on some facet and conflict on none; uncorroborated: several accounts that
share no comparable facet; contested: a facet in conflict) and UCDP-style
casualty low/best/high; `source_agreement`
counts, for each pair of sources, the incidents both tell and their agreeing
and conflicting comparisons.
"""

from __future__ import annotations

import datetime as _dt
import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

import pandas as pd

from . import cells, schema
from .actors import actor_sides
from .align import account_keys
from .dates import date_interval
from .knowledge import Knowledge
from .places import PlaceProfile, Translit, best_match, km_between, place_profiles, translit

__all__ = [
    "CompareResult",
    "FACETS",
    "Figure",
    "compare",
    "compare_figures",
    "compare_actors",
    "compare_causes",
    "compare_dates",
    "casualty_estimates",
]

FACETS = ("casualties", "perpetrator", "responsibility", "cause", "date", "place")
_OUTCOME_WORDS = {"killed": "killed", "injured": "injured", "killed_or_injured": "killed or injured", "detained": "detained",
                  "neutralized": "neutralized"}


@dataclass(frozen=True)
class CompareResult:
    """`comparisons` rows, the `incidents` table with status, conflict facets,
    grade and casualty estimates filled, and the `source_agreement` table."""

    comparisons: pd.DataFrame
    incidents: pd.DataFrame
    source_agreement: pd.DataFrame


@dataclass(frozen=True)
class Figure:
    """A casualty figure as a range; `max` None means unbounded."""

    victims: str
    outcome: str
    min: int
    max: int | None
    raw: str = ""

    def text(self) -> str:
        if self.max is None:
            n = f"at least {self.min}"
        elif self.max == self.min:
            n = str(self.min)
        else:
            n = f"{self.min} to {self.max}"
        return f"{n} {self.victims} {_OUTCOME_WORDS.get(self.outcome, self.outcome)}"


@dataclass(frozen=True)
class _Cfg:
    generic_victims: frozenset[str]
    victims_parent: Mapping[str, str]
    outcome_whole: Mapping[str, frozenset[str]]
    perp_cues: frozenset[str]
    resp_cues: frozenset[str]
    cause_cat: Mapping[str, str]
    generic_causes: frozenset[str]
    per_account: int
    max_accounts: int
    same_place: float
    near_km: float
    max_km: float
    sides: Mapping[str, str]  # canonical actor -> side
    translit: Translit


def _build_cfg(knowledge: Knowledge) -> _Cfg:
    d = knowledge.align
    c = d["compare"]
    return _Cfg(
        generic_victims=frozenset(c["generic_victims"]),
        victims_parent=dict(c["victims_parents"]),
        outcome_whole={k: frozenset([v] if isinstance(v, str) else v) for k, v in c["outcome_parts"].items()},
        perp_cues=frozenset(c["perpetrator_cues"]),
        resp_cues=frozenset(c["responsibility_cues"]),
        cause_cat={str(k).lower(): v for k, v in c["cause_categories"].items()},
        generic_causes=frozenset(c["generic_causes"]),
        per_account=int(c["max_claims_per_account"]),
        max_accounts=int(c["max_accounts"]),
        same_place=float(d["same_place"]),
        near_km=float(d["cross_document"]["near_km"]),
        max_km=float(d["max_km"]),
        sides=actor_sides(knowledge),
        translit=translit(knowledge),
    )


# =============================================================================== facet verdicts

def _overlaps(a: Figure, b: Figure) -> bool:
    ha = math.inf if a.max is None else a.max
    hb = math.inf if b.max is None else b.max
    return a.min <= hb and b.min <= ha


def compare_figures(a: Sequence[Figure], b: Sequence[Figure], *, knowledge: Knowledge) -> tuple[str, str] | None:
    """Verdict and detail for two claims' casualty figures, or None when they
    speak of different victims or outcomes (nothing to compare).

    Same victims and outcome: overlapping ranges agree, disjoint ranges
    conflict. A part against its whole (children vs civilians, killed vs
    killed or injured, a group vs generic 'people'): more of the part than
    the whole allows conflicts, anything else is partial."""
    return _compare_figures(a, b, knowledge.derived(_build_cfg))


def _compare_figures(a: Sequence[Figure], b: Sequence[Figure], cfg: _Cfg) -> tuple[str, str] | None:
    verdicts: list[tuple[str, str]] = []
    for fa in a:
        for fb in b:
            v = _figure_pair(fa, fb, cfg)
            if v is not None:
                verdicts.append(v)
    for kind in ("conflict", "agree", "partial"):   # the strongest finding decides
        hits = [d for v, d in verdicts if v == kind]
        if hits:
            return kind, "; ".join(dict.fromkeys(hits))
    return None


def _figure_pair(fa: Figure, fb: Figure, cfg: _Cfg) -> tuple[str, str] | None:
    same_victims = fa.victims == fb.victims
    same_outcome = fa.outcome == fb.outcome
    if same_victims and same_outcome:
        if _overlaps(fa, fb):
            return "agree", f"{fa.text()} vs {fb.text()}: ranges overlap"
        return "conflict", f"{fa.text()} vs {fb.text()}: disjoint"
    # part / whole relations
    part_whole = None
    if _is_part(fa, fb, cfg):
        part_whole = (fa, fb)
    elif _is_part(fb, fa, cfg):
        part_whole = (fb, fa)
    if part_whole is None:  # other victims, or deaths vs injuries: two different counts
        return None
    part, whole = part_whole
    if whole.max is not None and part.min > whole.max:
        return "conflict", f"{part.text()} vs {whole.text()}: more than the whole"
    what = part.victims if part.victims != whole.victims else _OUTCOME_WORDS.get(part.outcome, part.outcome)
    return "partial", f"{fa.text()} vs {fb.text()}: {what} is part of the other figure"


def _is_part(p: Figure, w: Figure, cfg: _Cfg) -> bool:
    victims_ok = (p.victims == w.victims or w.victims in cfg.generic_victims
                  or cfg.victims_parent.get(p.victims) == w.victims)
    outcome_ok = p.outcome == w.outcome or w.outcome in cfg.outcome_whole.get(p.outcome, ())
    return victims_ok and outcome_ok and not (p.victims == w.victims and p.outcome == w.outcome)


def compare_actors(a: str, b: str, *, knowledge: Knowledge) -> tuple[str, str]:
    """Verdict for two canonical actors named as perpetrator (or as the party
    responsible): same actor or side agrees, different sides conflict,
    unknown sides are partial."""
    return _compare_actors(a, b, knowledge.derived(_build_cfg).sides)


def _compare_actors(a: str, b: str, sides: Mapping[str, str]) -> tuple[str, str]:
    if a == b:
        return "agree", f"both {a}"
    sa, sb = sides.get(a, ""), sides.get(b, "")
    if sa and sb and sa != "unknown" and sb != "unknown":
        if sa == sb:
            return "agree", f"{a} vs {b}: same side ({sa})"
        return "conflict", f"{a} ({sa}) vs {b} ({sb})"
    return "partial", f"{a} vs {b}: side unknown"


def compare_causes(a: str, b: str, *, knowledge: Knowledge) -> tuple[str, str] | None:
    """Verdict for two stated causes (claims.cause), or None when either is
    not a known cause category (free text is not compared)."""
    return _compare_causes(a, b, knowledge.derived(_build_cfg))


def _compare_causes(a: str, b: str, cfg: _Cfg) -> tuple[str, str] | None:
    ka, kb = a.strip().lower(), b.strip().lower()
    if ka in cfg.generic_causes or kb in cfg.generic_causes:
        if (ka in cfg.generic_causes or ka in cfg.cause_cat) and (kb in cfg.generic_causes or kb in cfg.cause_cat):
            return "partial", f"{a} vs {b}: one names no mechanism"
        return None
    ca, cb = cfg.cause_cat.get(ka), cfg.cause_cat.get(kb)
    if ca is None or cb is None:
        return None
    if ca == cb:
        return "agree", f"both {a}" if ka == kb else f"{a} vs {b}: both {ca}"
    return "conflict", f"{a} vs {b}"


def compare_dates(a: tuple[int, int, str], b: tuple[int, int, str]) -> tuple[str, str]:
    """Verdict for two date intervals (first day ordinal, last day ordinal,
    precision): overlapping agree, day-precision dates one day apart are
    partial (reporting lag), others conflict."""
    (alo, ahi, ap), (blo, bhi, bp) = a, b
    da = _dt.date.fromordinal(alo).isoformat() + ("" if ap == "day" else f" ({ap})")
    db = _dt.date.fromordinal(blo).isoformat() + ("" if bp == "day" else f" ({bp})")
    gap = max(0, max(alo, blo) - min(ahi, bhi))
    if gap == 0:
        return "agree", f"{da} vs {db}: compatible" if da != db else f"both {da}"
    if gap == 1 and ap == bp == "day":
        return "partial", f"{da} vs {db}: one day apart"
    return "conflict", f"{da} vs {db}: {gap} days apart"


def _compare_places(a: PlaceProfile, b: PlaceProfile, cfg: _Cfg) -> tuple[str, str] | None:
    """Verdict for two place profiles (see places.place_profiles)."""
    if a.towns and b.towns:
        hit = best_match(a.towns, b.towns, cfg.same_place, cfg.translit.similarity)
        if hit:
            x, y, s = hit
            return "agree", (f"both {x}" if x == y else f"{x}~{y} {s:.0f}")
        km = km_between(a.points, b.points)
        if km is not None:
            if km <= cfg.near_km:
                return "agree", f"{a.towns[0]} vs {b.towns[0]}: {km:.0f} km apart"
            if km > cfg.max_km:
                return "conflict", f"{a.towns[0]} vs {b.towns[0]}: {km:.0f} km apart"
            return "partial", f"{a.towns[0]} vs {b.towns[0]}: {km:.0f} km apart"
    if a.areas and b.areas:
        if not (a.areas & b.areas):
            return "conflict", f"{'/'.join(sorted(a.areas))} vs {'/'.join(sorted(b.areas))}: different governorates"
        if a.towns and b.towns:
            return "partial", f"{a.towns[0]} vs {b.towns[0]}: same governorate"
        finer = a if a.towns else b
        if finer.towns:
            return "agree", f"{finer.towns[0]} lies in {'/'.join(sorted(a.areas & b.areas))}"
        return "agree", f"both {'/'.join(sorted(a.areas & b.areas))}"
    return None


# =============================================================================== main entry

@dataclass
class _Claim:
    cid: str
    doc: str
    start: int
    account: str
    source: str
    perp: str
    perp_cue: str
    target: str
    cause: str
    date: tuple[int, int, str] | None
    own_date: bool
    places: PlaceProfile
    own_places: bool
    statement: bool
    figures: tuple[Figure, ...]


def compare(claims: pd.DataFrame, casualties: pd.DataFrame, incidents: pd.DataFrame, *,
            mentions: pd.DataFrame, knowledge: Knowledge) -> CompareResult:
    """Compare the independent accounts of every incident; see the module doc.
    Places come from the claims' rows of `mentions`."""
    cfg = knowledge.derived(_build_cfg)
    if claims.empty or "incident_id" not in claims.columns:
        return CompareResult(schema.empty("comparisons"), _update_incidents(incidents, {}, schema.empty("comparisons"), cfg),
                             schema.empty("source_agreement"))
    claims = claims.sort_values(["doc_id", "start", "claim_id"], kind="stable").reset_index(drop=True)
    accounts = account_keys(claims, knowledge=knowledge).tolist()
    profiles = place_profiles(claims, mentions, knowledge=knowledge)
    figs: dict[str, list[Figure]] = defaultdict(list)
    if not casualties.empty:
        k_id, k_vic, k_out = (cells.texts(casualties[c]) for c in ("claim_id", "victims", "outcome"))
        k_raw = cells.texts(casualties["raw"]) if "raw" in casualties.columns else [""] * len(k_id)
        k_scope = cells.texts(casualties["scope"]) if "scope" in casualties.columns else [""] * len(k_id)
        for cid_, vic, out, lo, hi, raw, scope in zip(k_id, k_vic, k_out, cells.integers(casualties["min"]),
                                                      cells.integers(casualties["max"]), k_raw, k_scope):
            if lo is None or scope == "total":  # a running total is not the act's toll
                continue
            figs[cid_].append(Figure(vic, out, lo, hi, raw))

    def col(name: str) -> list[str]:
        if name not in claims.columns:
            return [""] * len(claims)
        return cells.texts(claims[name])

    cid, doc, iid, src, perp, cue, tgt, cause = (col(n) for n in ("claim_id", "doc_id", "incident_id", "source", "perpetrator",
                                                                  "perpetrator_cue", "target", "cause"))
    etype, edate, prec, draw, places, praw = (col(n) for n in (
        "event_type", "event_date", "date_precision", "date_raw", "places", "places_raw"))
    starts = [s or 0 for s in cells.integers(claims["start"])]
    by_inc: dict[str, list[_Claim]] = defaultdict(list)
    for k in range(len(claims)):
        if not iid[k]:
            continue
        lo, hi = date_interval(edate[k], prec[k])
        by_inc[iid[k]].append(_Claim(
            cid=cid[k], doc=doc[k], start=starts[k], account=accounts[k], source=src[k],
            perp=perp[k], perp_cue=cue[k] or ("agent" if perp[k] else ""), target=tgt[k], cause=cause[k],
            date=(lo, hi, prec[k]) if lo is not None else None,
            own_date=not draw[k].startswith("inherited:") and prec[k] != "reported",
            places=profiles[k], own_places=bool(places[k]) and not praw[k].startswith("inherited:"),
            statement=etype[k] == "statement", figures=tuple(figs.get(cid[k], ())),
        ))

    rows: list[dict] = []
    for inc in sorted(by_inc):
        cs = by_inc[inc]
        accts = sorted({c.account for c in cs})
        if len(accts) < 2:
            continue
        rows += _compare_incident(inc, cs, cfg)
    comparisons = _comparisons_frame(rows)
    incidents_out = _update_incidents(incidents, by_inc, comparisons, cfg)
    agreement = _source_agreement(by_inc, comparisons)
    return CompareResult(comparisons, incidents_out, agreement)


def _compare_incident(inc: str, cs: list[_Claim], cfg: _Cfg) -> list[dict]:
    rows: list[dict] = []
    # accounts in order of first appearance; at most max_accounts of them
    order: dict[str, int] = {}
    for c in sorted(cs, key=lambda c: (c.doc, c.start, c.cid)):
        order.setdefault(c.account, len(order))
    keep = {a for a, i in order.items() if i < cfg.max_accounts}

    def pick(pred) -> dict[str, list[_Claim]]:
        out: dict[str, list[_Claim]] = defaultdict(list)
        for c in sorted(cs, key=lambda c: (c.doc, c.start, c.cid)):
            if c.account in keep and pred(c) and len(out[c.account]) < cfg.per_account:
                out[c.account].append(c)
        return out

    def pairs(groups: Mapping[str, list[_Claim]]) -> Iterable[tuple[_Claim, _Claim]]:
        accts = sorted(groups)
        for i, a in enumerate(accts):
            for b in accts[i + 1:]:
                for x in groups[a]:
                    for y in groups[b]:
                        yield x, y

    def add(facet: str, x: _Claim, y: _Claim, verdict: str, detail: str) -> None:
        if y.cid < x.cid:
            x, y = y, x
        rows.append({"incident_id": inc, "facet": facet, "claim_a": x.cid, "claim_b": y.cid, "source_a": x.source,
                     "source_b": y.source, "verdict": verdict, "detail": detail})

    for x, y in pairs(_headline_figures(cs, keep, cfg)):
        v = _compare_figures(x.figures, y.figures, cfg)
        if v:
            add("casualties", x, y, *v)
    for x, y in pairs(pick(lambda c: bool(c.perp) and c.perp_cue in cfg.perp_cues)):
        if x.target and y.target and x.perp == y.target and y.perp == x.target:
            continue  # A attacked B vs B attacked A: two acts of one clash
        if x.target and y.target and x.target != y.target and cfg.sides.get(x.target) != cfg.sides.get(y.target):
            continue  # different targets: different acts
        add("perpetrator", x, y, *_compare_actors(x.perp, y.perp, cfg.sides))
    for x, y in pairs(pick(lambda c: bool(c.perp) and c.perp_cue in cfg.resp_cues)):
        verdict, detail = _compare_actors(x.perp, y.perp, cfg.sides)
        add("responsibility", x, y, verdict, f"who started it: {detail}")
    for x, y in pairs(pick(lambda c: bool(c.cause))):
        v = _compare_causes(x.cause, y.cause, cfg)
        if v:
            add("cause", x, y, *v)
    for x, y in pairs(pick(lambda c: c.date is not None and c.own_date and not c.statement)):
        add("date", x, y, *compare_dates(x.date, y.date))
    for x, y in pairs(pick(lambda c: c.own_places and bool(c.places.areas or c.places.towns))):
        v = _compare_places(x.places, y.places, cfg)
        if v:
            add("place", x, y, *v)
    return rows


def _headline_figures(cs: Sequence[_Claim], keep: set[str], cfg: _Cfg) -> dict[str, list[_Claim]]:
    """Per account, the claims that carry its headline figures: for each
    victims group and outcome the claim with the largest figure (the first
    such in document order). Sub-counts ("2 of them in the market") are not
    set against another account's total."""
    best: dict[tuple[str, str, str], tuple[int, _Claim]] = {}
    for c in sorted(cs, key=lambda c: (c.doc, c.start, c.cid)):
        if c.account not in keep:
            continue
        for f in c.figures:
            key = (c.account, f.victims, f.outcome)
            if key not in best or f.min > best[key][0]:
                best[key] = (f.min, c)
    out: dict[str, list[_Claim]] = defaultdict(list)
    for (account, _, _), (_, c) in sorted(best.items(), key=lambda kv: (kv[0], kv[1][1].cid)):
        if all(o.cid != c.cid for o in out[account]) and len(out[account]) < cfg.per_account:
            out[account].append(c)
    return out


def _comparisons_frame(rows: list[dict]) -> pd.DataFrame:
    if not rows:
        return schema.empty("comparisons")
    df = pd.DataFrame(rows)
    df["_f"] = df["facet"].map({f: i for i, f in enumerate(FACETS)})
    df = df.drop_duplicates(["incident_id", "facet", "claim_a", "claim_b"])
    df = df.sort_values(["incident_id", "_f", "claim_a", "claim_b"], kind="stable").drop(columns="_f")
    return schema.frame(df.reset_index(drop=True), "comparisons")


# =============================================================================== incidents, sources

def casualty_estimates(accounts: Mapping[str, Sequence[Sequence[Figure]]], *,
                       knowledge: Knowledge) -> tuple[int | None, int | None, int | None]:
    """UCDP-style (low, best, high) deaths across accounts.

    Each claim's deaths are the sum over its victims groups (a part such as
    children is left out when its whole is also given; a generic 'people'
    total counts when larger than the sum). Each account gives its highest
    claim (tolls rise as reports come in). low is the smallest account lower
    bound, high the largest stated bound, best the median of the accounts'
    figures (a range's stated upper figure, an open range's lower bound)."""
    return _casualty_estimates(accounts, knowledge.derived(_build_cfg))


def _casualty_estimates(accounts: Mapping[str, Sequence[Sequence[Figure]]],
                        cfg: _Cfg) -> tuple[int | None, int | None, int | None]:
    per_account: list[tuple[int, int | None]] = []
    for claims in accounts.values():
        best_claim: tuple[int, int | None] | None = None
        for figures in claims:
            killed = [f for f in figures if f.outcome == "killed"]
            if not killed:
                continue
            groups = {f.victims for f in killed}
            lo = hi = 0
            open_ = False
            total = None
            for f in killed:
                if f.victims in cfg.generic_victims:
                    total = f if total is None or f.min > total.min else total
                    continue
                if cfg.victims_parent.get(f.victims) in groups:
                    continue
                lo += f.min
                if f.max is None:
                    open_ = True
                else:
                    hi += f.max
            rng: tuple[int, int | None] = (lo, None if open_ else hi)
            if total is not None and (total.min > lo or lo == 0):
                rng = (total.min, total.max)
            if best_claim is None or rng[0] > best_claim[0]:
                best_claim = rng
        if best_claim is not None:
            per_account.append(best_claim)
    if not per_account:
        return None, None, None
    low = min(lo for lo, _ in per_account)
    high = max((hi if hi is not None else lo) for lo, hi in per_account)
    points = sorted((hi if hi is not None else lo) for lo, hi in per_account)
    best = int(statistics.median_low(points))
    return low, best, high


def _update_incidents(incidents: pd.DataFrame, by_inc: Mapping[str, list[_Claim]], comparisons: pd.DataFrame,
                      cfg: _Cfg) -> pd.DataFrame:
    if incidents.empty:
        return schema.empty("incidents")
    inc = incidents.copy()
    conflicts: dict[str, list[str]] = defaultdict(list)
    agrees: Counter = Counter()
    for iid, facet, verdict in zip(cells.texts(comparisons["incident_id"]), cells.texts(comparisons["facet"]),
                                   cells.texts(comparisons["verdict"])):
        if verdict == "conflict" and facet not in conflicts[iid]:
            conflicts[iid].append(facet)
        elif verdict == "agree":
            agrees[iid] += 1
    status, facets, grade, n_src, low, best, high = [], [], [], [], [], [], []
    for i in cells.texts(inc["incident_id"]):
        cs = by_inc.get(i, [])
        accts = {c.account for c in cs}
        n = len(accts)
        f = sorted(conflicts.get(i, []), key=FACETS.index)
        if n < 2:
            status.append("single_source")
            grade.append("single_source")
        elif f:
            status.append("conflict")
            grade.append("contested")
        else:
            status.append("agree")
            grade.append("corroborated" if agrees[i] else "uncorroborated")
        facets.append(";".join(f))
        n_src.append(n if cs else None)
        per_acc: dict[str, list[tuple[Figure, ...]]] = defaultdict(list)
        for c in cs:
            if c.figures:
                per_acc[c.account].append(c.figures)
        lo, be, hi = _casualty_estimates(per_acc, cfg)
        low.append(lo)
        best.append(be)
        high.append(hi)
    inc["status"] = pd.array(status, dtype="string")
    inc["conflict_facets"] = pd.array(facets, dtype="string")
    if "n_sources" not in inc.columns or inc["n_sources"].isna().all():
        inc["n_sources"] = pd.array(n_src, dtype="Int64")
    else:
        inc["n_sources"] = pd.array([n if n is not None else o for n, o in zip(n_src, inc["n_sources"].tolist())], dtype="Int64")
    inc["grade"] = pd.array(grade, dtype="string")
    inc["casualties_low"] = pd.array(low, dtype="Int64")
    inc["casualties_best"] = pd.array(best, dtype="Int64")
    inc["casualties_high"] = pd.array(high, dtype="Int64")
    return inc


def _source_agreement(by_inc: Mapping[str, list[_Claim]], comparisons: pd.DataFrame) -> pd.DataFrame:
    shared: Counter = Counter()
    for cs in by_inc.values():
        names: dict[str, set[str]] = defaultdict(set)
        for c in cs:
            names[c.source].add(c.account)
        srcs = sorted(s for s in names if s)
        for i, a in enumerate(srcs):
            for b in srcs[i + 1:]:
                if names[a] != names[b] or len(names[a]) > 1:
                    shared[(a, b)] += 1
    agree: Counter = Counter()
    conflict: Counter = Counter()
    for sa, sb, verdict in zip(cells.texts(comparisons["source_a"]), cells.texts(comparisons["source_b"]),
                               cells.texts(comparisons["verdict"])):
        a, b = (sa, sb) if sa <= sb else (sb, sa)
        if a == b:
            continue
        if verdict == "agree":
            agree[(a, b)] += 1
        elif verdict == "conflict":
            conflict[(a, b)] += 1
    keys = sorted(set(shared) | set(agree) | set(conflict))
    if not keys:
        return schema.empty("source_agreement")
    df = pd.DataFrame([{"source_a": a, "source_b": b, "shared_incidents": shared[(a, b)], "agree": agree[(a, b)],
                        "conflict": conflict[(a, b)]} for a, b in keys])
    return schema.frame(df, "source_agreement")
