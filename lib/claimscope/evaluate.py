"""Score the pipeline: seeds gold, FA-KES crowd, UCDP-AEC, precision gold, FA-KES sources.

    python -m claimscope.evaluate [--sections seeds,fakes,ucdp,gold,sources] [--details DIR]

Seeds: for each gold claim, is there a claim whose sentence holds the quote
(located), and does it carry the gold source, event date, places (any one of
them, spelling variants count), perpetrator, hedging and each casualty row?
Then the incident groupings, separations and conflicts the gold asks for.

FA-KES (crowd annotations are per article and noisy, see ../shared/README.md):
the share of articles whose crowd death count (civilians + non-civilians)
appears as a killed figure, whose main governorate matches the crowd's, and
whose main event date matches the crowd's; and, treating articles with the
same crowd date and governorate as telling of the same incident, pairwise
precision/recall/F1 of "shares an incident" over article pairs.

UCDP-AEC (`claimscope.evaluate_ucdp`): each report's main incident against
UCDP GED's expert coding (date, governorate, deaths, dyad).

Precision gold (`claimscope.evaluate_gold`): casualty-figure precision and
recall, event/non-event, source and event-date accuracy, sentence by sentence
on 44 hand-annotated real reports.

FA-KES sources: the most cited sources and the share of claims whose source
is not a known source, an unnamed group, an armed group or a person/office.

`figures()` returns every figure as a dict; sections whose corpus is absent
are skipped with a message.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from collections import Counter
from typing import Any, Mapping, Sequence

import pandas as pd
import yaml

from .actors import canonical_actor
from .dates import find_dates
from .groups import pairs_sharing
from .knowledge import Knowledge, load_knowledge
from .places import canonical_governorate, place_similarity

__all__ = ["SeedScore", "score_seeds", "score_incidents", "fakes_path", "fakes_columns", "score_fakes",
           "score_fakes_alignment", "score_sources", "source_category", "figures", "print_figures", "main"]

REPO = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = REPO / "tests" / "gold" / "seeds_claims.yaml"
PLACE_MATCH = 85.0  # place_similarity at or above which two spellings are the same place


def fakes_path() -> Path:
    """Where the FA-KES development split is read from ($CLAIMSCOPE_FAKES or ../shared)."""
    env = os.environ.get("CLAIMSCOPE_FAKES")
    return Path(env) if env else REPO.parent / "shared" / "corpora" / "fakes" / "fakes_dev.csv"


def fakes_columns() -> dict[str, str]:
    """Column map for the FA-KES CSV (the publication date is read from the text)."""
    return {"id": "unit_id", "text": "article_content", "title": "article_title", "outlet": "source"}


# --- seeds -------------------------------------------------------------------------------

@dataclass(frozen=True)
class SeedScore:
    measures: dict[str, tuple[int, int]]  # measure -> (hits, judged)
    misses: list[str]  # one line per miss, for the reader

    def rate(self, measure: str) -> float:
        hits, judged = self.measures.get(measure, (0, 0))
        return hits / judged if judged else 1.0


def _squash(text: str) -> str:
    return " ".join(str(text).replace("’", "'").split())


def _doc_ids_by_file(documents: pd.DataFrame) -> dict[str, str]:
    out = {}
    for row in documents.itertuples(index=False):
        out[Path(str(row.path)).name] = row.doc_id
    return out


def locate(gold_claim: Mapping[str, Any], claims: pd.DataFrame, doc_ids: Mapping[str, str]) -> pd.Series | None:
    """The claim of the gold claim's document whose sentence holds its quote."""
    doc_id = doc_ids.get(gold_claim["doc"])
    if doc_id is None:
        return None
    quote = _squash(gold_claim["quote"])
    rows = claims[claims["doc_id"] == doc_id]
    for _, row in rows.iterrows():
        if quote in _squash(row["sentence"]):
            return row
    return None


def _same_actor(gold: str, got: str, knowledge: Knowledge) -> bool:
    if not got:
        return False
    g = canonical_actor(gold, knowledge=knowledge) or gold
    return g == (canonical_actor(got, knowledge=knowledge) or got)


def _same_source(gold: str, row: pd.Series) -> bool:
    if gold == "outlet":
        return row["source_type"] == "outlet"
    return row["source"] == gold


def _places_match(gold: list[str], got: str, knowledge: Knowledge) -> bool:
    names = [p for p in str(got or "").split(";") if p]
    return any(place_similarity(g, n, knowledge=knowledge) >= PLACE_MATCH for g in gold for n in names)


def _casualty_match(gold: Mapping[str, Any], rows: pd.DataFrame, knowledge: Knowledge) -> bool:
    for _, r in rows.iterrows():
        if r["outcome"] != gold["outcome"] or not _same_actor(gold["victims"], r["victims"], knowledge):
            continue
        if "min" in gold and (pd.isna(r["min"]) or int(r["min"]) != int(gold["min"])):
            continue
        if "max" in gold and (pd.isna(r["max"]) or int(r["max"]) != int(gold["max"])):
            continue
        return True
    return False


def score_seeds(tables: Mapping[str, pd.DataFrame], gold: Mapping[str, Any], *, knowledge: Knowledge) -> SeedScore:
    """Per-measure hits over the gold claims (fields a gold claim leaves out are not judged)."""
    claims, casualties = tables["claims"], tables["casualties"]
    doc_ids = _doc_ids_by_file(tables["documents"])
    measures: dict[str, list[int]] = {k: [0, 0] for k in
                                      ("located", "source", "event_date", "places", "perpetrator", "hedged", "casualties")}
    misses: list[str] = []

    def judge(measure: str, ok: bool, gid: str, detail: str) -> None:
        measures[measure][1] += 1
        measures[measure][0] += int(ok)
        if not ok:
            misses.append(f"{gid} {measure}: {detail}")

    for g in gold["claims"]:
        row = locate(g, claims, doc_ids)
        judge("located", row is not None, g["id"], f"no claim holds {g['quote'][:60]!r}")
        if row is None:
            for key in ("source", "event_date", "places", "perpetrator", "hedged"):
                if key in g:
                    judge(key, False, g["id"], "not located")
            for _ in g.get("casualties", []):
                judge("casualties", False, g["id"], "not located")
            continue
        if "source" in g:
            judge("source", _same_source(g["source"], row), g["id"], f"{row['source']!r} != {g['source']!r}")
        if "event_date" in g:
            judge("event_date", str(row["event_date"]) == str(g["event_date"]), g["id"],
                  f"{row['event_date']!r} ({row.get('date_raw', '')}) != {g['event_date']}")
        if "places" in g:
            judge("places", _places_match(g["places"], row["places"], knowledge), g["id"], f"{row['places']!r} vs {g['places']}")
        if "perpetrator" in g:
            judge("perpetrator", _same_actor(g["perpetrator"], row["perpetrator"], knowledge), g["id"],
                  f"{row['perpetrator']!r} != {g['perpetrator']!r}")
        if "hedged" in g:
            judge("hedged", bool(row["hedged"]) == bool(g["hedged"]), g["id"], f"{row['hedged']} != {g['hedged']}")
        mine = casualties[casualties["claim_id"] == row["claim_id"]]
        for gc in g.get("casualties", []):
            have = "; ".join(f"{r.victims} {r.outcome} {r.min}-{r.max}" for r in mine.itertuples())
            judge("casualties", _casualty_match(gc, mine, knowledge), g["id"], f"want {gc}, have [{have}]")
    return SeedScore({k: (v[0], v[1]) for k, v in measures.items()}, misses)


def score_incidents(tables: Mapping[str, pd.DataFrame], gold: Mapping[str, Any]) -> SeedScore:
    """Gold incident groupings, separations and conflicts (facet named by the gold)."""
    claims = tables["claims"]
    doc_ids = _doc_ids_by_file(tables["documents"])
    located = {g["id"]: locate(g, claims, doc_ids) for g in gold["claims"]}
    incident = {gid: (row["incident_id"] if row is not None else None) for gid, row in located.items()}
    cid = {gid: (row["claim_id"] if row is not None else None) for gid, row in located.items()}
    measures = {"same": [0, 0], "different": [0, 0], "conflicts": [0, 0]}
    misses: list[str] = []
    for group in gold.get("incidents", {}).get("same", []):
        ids = {incident.get(g) for g in group}
        ok = len(ids) == 1 and None not in ids and "" not in ids
        measures["same"][1] += 1
        measures["same"][0] += ok
        if not ok:
            misses.append(f"same {group}: incidents {[incident.get(g) for g in group]}")
    for a, b in gold.get("incidents", {}).get("different", []):
        ok = incident.get(a) is not None and incident.get(b) is not None and incident[a] != incident[b]
        measures["different"][1] += 1
        measures["different"][0] += ok
        if not ok:
            misses.append(f"different [{a}, {b}]: both in {incident.get(a)}")
    comparisons = tables["comparisons"]
    for c in gold.get("conflicts", []):
        a, b = (cid.get(x) for x in c["claims"])
        rows = comparisons[
            (((comparisons["claim_a"] == a) & (comparisons["claim_b"] == b))
             | ((comparisons["claim_a"] == b) & (comparisons["claim_b"] == a)))
            & (comparisons["verdict"] == "conflict")
        ]
        ok = c["facet"] in set(rows["facet"])
        measures["conflicts"][1] += 1
        measures["conflicts"][0] += ok
        if not ok:
            misses.append(f"conflict {c['claims']} on {c['facet']}: found {sorted(set(rows['facet']))}")
    return SeedScore({k: (v[0], v[1]) for k, v in measures.items()}, misses)


# --- FA-KES ---------------------------------------------------------------------------------

def _crowd_date(value: Any) -> _dt.date | None:
    try:
        return _dt.datetime.strptime(str(value), "%m/%d/%y").date()
    except ValueError:
        return None


def _stated_figures(row: Any) -> set[int]:
    figures = set()
    for n in re.findall(r"\d[\d,]*", str(row.raw)):
        figures.add(int(n.replace(",", "")))
    if pd.notna(row.min):
        figures.add(int(row.min))
        if str(row.qualifier).lower() in ("more than", "over", "upwards of", "in excess of", "above"):
            figures.add(int(row.min) - 1)
    if pd.notna(row.max):
        figures.add(int(row.max))
    return figures


def article_predictions(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Per document: killed figures stated, main governorate, main event date
    (the first event claim dated to the day, by the text or as `reported`)."""
    claims = tables["claims"]
    cas = tables["casualties"].merge(claims[["claim_id", "doc_id"]], on="claim_id", how="left")
    killed = cas[cas["outcome"] == "killed"]
    figures: dict[str, set[int]] = {}
    for row in killed.itertuples(index=False):
        figures.setdefault(row.doc_id, set()).update(_stated_figures(row))
    doc_gov = tables["documents"].set_index("doc_id")["governorate"].fillna("") if "governorate" in tables["documents"] else {}
    out = []
    for doc_id, group in claims.groupby("doc_id", sort=True):
        events = group[~group["event_type"].isin(["statement"])]
        if "kind" in events.columns:
            events = events[events["kind"].fillna("event") == "event"]
        gov = doc_gov.get(doc_id, "")
        # a day the text names, or the report's own day for an act it does not date ("reported")
        dated = events[(events["event_date"].fillna("") != "") & events["date_precision"].isin(["day", "reported"])]
        date = dated["event_date"].iloc[0] if len(dated) else ""
        out.append({"doc_id": doc_id, "killed_figures": figures.get(doc_id, set()), "governorate": gov, "event_date": date})
    return pd.DataFrame(out, columns=["doc_id", "killed_figures", "governorate", "event_date"])


def crowd_doc_ids(tables: Mapping[str, pd.DataFrame], crowd: pd.DataFrame) -> list[str | None]:
    """doc_id of each crowd row, read from the `path` (`file.csv#row=N`) of the
    documents table: FA-KES repeats some unit_ids, so ids alone are ambiguous."""
    by_row = {}
    for row in tables["documents"].itertuples(index=False):
        m = re.search(r"#row=(\d+)$", str(row.path))
        if m:
            by_row[int(m.group(1))] = row.doc_id
    return [by_row.get(i) for i in range(len(crowd))]


# FA-KES's `location` vocabulary has twelve governorate names and no Rif Dimashq:
# its "damascus" covers the capital and its countryside (Eastern Ghouta, Douma,
# Darayya ...), so either canonical governorate matches it.
FAKES_LOCATION_CROSSWALK = {"Damascus": frozenset({"Damascus", "Rif Dimashq"})}


def score_fakes(tables: Mapping[str, pd.DataFrame], crowd: pd.DataFrame, *, knowledge: Knowledge) -> dict[str, Any]:
    """Death-count recall, governorate and event-date accuracy against the crowd.

    `event_date` is exact agreement. The crowd's date is mostly the article's
    dateline, while wire copy reports the previous days' events ("killed on
    Sunday" in a Tuesday article), which claims date to the day they happened;
    so `event_date_1d` also accepts the day before the crowd date, and
    `event_date_week` any day of the week ending on it."""
    pred = article_predictions(tables).set_index("doc_id")
    n = {"deaths": [0, 0], "governorate": [0, 0], "event_date": [0, 0], "event_date_1d": [0, 0], "event_date_week": [0, 0]}
    for doc_id, row in zip(crowd_doc_ids(tables, crowd), crowd.itertuples(index=False)):
        p = pred.loc[doc_id] if doc_id in pred.index else None
        deaths = int(row.nb_civilians) + int(row.nb_noncivilians)
        if deaths > 0:
            n["deaths"][1] += 1
            n["deaths"][0] += int(p is not None and deaths in p["killed_figures"])
        gov = canonical_governorate(str(row.location), knowledge=knowledge)
        if gov:
            n["governorate"][1] += 1
            n["governorate"][0] += int(p is not None and p["governorate"] in FAKES_LOCATION_CROSSWALK.get(gov, {gov}))
        date = _crowd_date(row.date)
        if date:
            got = p["event_date"] if p is not None else ""
            n["event_date"][1] += 1
            n["event_date"][0] += int(got == date.isoformat())
            lag = (date - _dt.date.fromisoformat(got)).days if got else None
            for key, days in (("event_date_1d", 1), ("event_date_week", 6)):
                n[key][1] += 1
                n[key][0] += int(lag is not None and 0 <= lag <= days)
    return {k: (v[0], v[1], v[0] / v[1] if v[1] else 0.0) for k, v in n.items()}


def event_date_ceiling(tables: Mapping[str, pd.DataFrame], crowd: pd.DataFrame, *,
                       knowledge: Knowledge) -> tuple[int, int]:
    """How many crowd dates any reading of the text could give: an oracle that
    picks, per article, whichever day-precision date the text mentions (or the
    publication date) equals the crowd's. Bounds the event_date score."""
    docs = tables["documents"].set_index("doc_id")
    hits = 0
    for doc_id, row in zip(crowd_doc_ids(tables, crowd), crowd.itertuples(index=False)):
        date = _crowd_date(row.date)
        if doc_id is None or date is None or doc_id not in docs.index:
            continue
        pub = docs.at[doc_id, "published"]
        published = _dt.date.fromisoformat(pub) if isinstance(pub, str) and pub else None
        found = {m.date for m in find_dates(str(docs.at[doc_id, "text"]), knowledge=knowledge, published=published)
                 if m.precision == "day"}
        hits += int(date in found or date == published)
    return hits, len(crowd)


def crowd_keys(tables: Mapping[str, pd.DataFrame], crowd: pd.DataFrame) -> dict[str, str]:
    """doc_id -> crowd incident key ("m/d/yy|location"): same crowd event date
    and governorate, one incident."""
    ids = crowd_doc_ids(tables, crowd)
    keys = (crowd["date"].astype(str) + "|" + crowd["location"].astype(str)).tolist()
    return {d: k for d, k in zip(ids, keys) if d is not None}


def gold_pairs(tables: Mapping[str, pd.DataFrame], crowd: pd.DataFrame) -> set[tuple[str, str]]:
    """Document pairs (sorted) the crowd puts in one incident (`crowd_keys`)."""
    return pairs_sharing(crowd_keys(tables, crowd))


def score_fakes_alignment(tables: Mapping[str, pd.DataFrame], crowd: pd.DataFrame) -> dict[str, float]:
    """Pairwise precision/recall/F1 of 'these two articles share an incident'.

    Gold: `gold_pairs`. Predicted: the two articles' claims share at least one
    incident (duplicates are not special-cased)."""
    gold = gold_pairs(tables, crowd)
    claims = tables["claims"]
    incidents_of: dict[str, set[str]] = {}
    for d, i in zip(claims["doc_id"], claims["incident_id"].fillna("")):
        if i != "":
            incidents_of.setdefault(d, set()).add(i)
    pred_pairs = pairs_sharing(incidents_of)
    tp = len(gold & pred_pairs)
    precision = tp / len(pred_pairs) if pred_pairs else 0.0
    recall = tp / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "gold_pairs": len(gold),
            "predicted_pairs": len(pred_pairs), "true_pairs": tp}


# --- FA-KES source quality ----------------------------------------------------------------------

# source_type values that name a person, an office or an organisation the text
# names (a source the taxonomy does not list but the extraction recognised as such).
PERSON_OR_OFFICE = frozenset({"person", "office", "official", "organisation"})
_SQUASH = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class _Known:
    """What `source_category` looks names up in, built once per scoring call:
    the sources of sources.yaml, the actors of actors.yaml, the outlets of
    outlets.yaml."""

    sources: Mapping[str, Any]
    actors: frozenset[str]
    outlets: frozenset[str]


def _known(knowledge: Knowledge) -> _Known:
    from .actors import actor_table
    from .attribution import source_table
    from .ingest import outlet_index

    return _Known(source_table(knowledge), frozenset(actor_table(knowledge)),
                  frozenset(outlet_index(knowledge).outlets.values()))


def source_category(name: str, source_type: str, *, knowledge: Knowledge) -> str:
    """What a claim's source is: `outlet` (the outlet's own voice), `known`
    (a sources.yaml entry, an actor of actors.yaml speaking: "ISIS", or an
    outlet of outlets.yaml; a compound of such voices),
    `unnamed group` (a sources.yaml group of type unnamed, or of type local
    named in lower case: "local sources", "activists"; "Syria Civil Defence"
    is known), `armed group` (an armed group the text names that the
    knowledge lacks, source_type partisan: "Sawaiq al-Rahman Brigade"),
    `person/office` (a person, office or organisation the text names, marked
    by source_type), or `unknown` (none of these: kept verbatim; fragments of
    headlines and clauses end up here)."""
    return _category(name, source_type, _known(knowledge))


def _category(name: str, source_type: str, known: _Known) -> str:
    if source_type == "outlet":
        return "outlet"
    entry = known.sources.get(name)
    if entry is not None:
        group = entry.type == "unnamed" or (entry.type == "local" and name[:1].islower())
        return "unnamed group" if group else "known"
    if name in known.actors or name in known.outlets:
        return "known"  # an actor speaking ("ISIS"), an outlet of outlets.yaml ("The New Arab")
    parts = name.split(" and ")
    if len(parts) > 1:  # a compound of voices ("SOHR and Syria Civil Defence"): what its parts are
        cats = {_category(p, "", known) for p in parts}
        if "unknown" not in cats:
            return "known" if "known" in cats else cats.pop()
    if source_type == "partisan":
        return "armed group"
    return "person/office" if source_type in PERSON_OR_OFFICE else "unknown"


def _hints(name: str) -> str:
    hints = []
    if re.search(r"\d", name):
        hints.append("digits")
    if name[:1].islower():
        hints.append("lower-case start")
    words = len(name.split())
    if words >= 5:
        hints.append(f"{words} words")
    if words == 1 and len(name) > 1 and not name.isupper():
        hints.append("one word")
    return ", ".join(hints)


def score_sources(claims: pd.DataFrame, *, knowledge: Knowledge, top: int = 50) -> dict[str, Any]:
    """The `top` most cited sources (claims not in the outlet's own voice), each
    with its category (`source_category`) and mechanical hints for a reader
    judging fragments; the share of all claims whose source is `unknown`; and
    source names spelled more than one way (case and punctuation aside)."""
    types = claims["source_type"].fillna("").astype(str)
    names = claims["source"].fillna("").astype(str)
    known = _known(knowledge)  # once per scoring call, not per claim
    cats = [_category(n, t, known) for n, t in zip(names, types)]
    counts = Counter(cats)
    cited = Counter(n for n, c in zip(names, cats) if c != "outlet")
    category_of = {n: c for n, c in zip(names, cats) if c != "outlet"}
    rows = [{"rank": k + 1, "source": n, "claims": c, "category": category_of[n],
             "hints": _hints(n) if category_of[n] == "unknown" else ""}
            for k, (n, c) in enumerate(sorted(cited.items(), key=lambda kv: (-kv[1], kv[0]))[:top])]
    spellings: dict[str, set[str]] = {}
    for n in set(names):
        key = _SQUASH.sub("", n.casefold())
        if key:
            spellings.setdefault(key, set()).add(n)
    n_claims = len(claims)
    return {
        "claims": n_claims,
        "by_category": dict(sorted(counts.items())),
        "unknown_share": counts.get("unknown", 0) / n_claims if n_claims else 0.0,
        "top": pd.DataFrame(rows, columns=["rank", "source", "claims", "category", "hints"]),
        "top_unknown": sum(1 for r in rows if r["category"] == "unknown"),
        "spelled_several_ways": sorted(sorted(v) for v in spellings.values() if len(v) > 1),
    }


# --- UCDP labels that disagree with their article ---------------------------------------------

UCDP_DISAGREEMENTS = REPO / "tests" / "gold" / "ucdp_label_disagreements.csv"


def ucdp_where_label_agrees(details: pd.DataFrame, listed: str | os.PathLike[str]) -> dict[str, Any]:
    """Each UCDP measure again over the reports whose label is not listed (for
    that facet) as disagreeing with its own article: what the tool can reach
    by reading the text. {"listed": {facet: [ged_id, ...]}, "measures":
    {facet: (hits, judged, rate)}}; facets with no listed report are left out."""
    path = Path(listed)
    notes = pd.read_csv(path, comment="#", dtype=str) if path.exists() else pd.DataFrame(columns=["ged_id", "facet"])
    by_facet: dict[str, list[str]] = {}
    for ged, facet in zip(notes["ged_id"], notes["facet"]):
        by_facet.setdefault(str(facet), []).append(str(ged))
    measures = {}
    for facet, ids in sorted(by_facet.items()):
        col = f"{facet}_ok"
        if details.empty or col not in details.columns:
            continue
        kept = details[~details["ged_id"].astype(str).isin(ids)]
        hits = int(kept[col].sum())
        measures[facet] = (hits, len(kept), hits / len(kept) if len(kept) else 0.0)
    return {"listed": {f: sorted(v) for f, v in by_facet.items()}, "measures": measures}


# --- all figures ------------------------------------------------------------------------------

SECTIONS = ("seeds", "crossdoc", "fakes", "linkage", "ucdp", "gold", "heldout", "sources")


def figures(
    *,
    sections: Sequence[str] = SECTIONS,
    gold: str | os.PathLike[str] = DEFAULT_GOLD,
    seeds: str | os.PathLike[str] = REPO / "seeds",
    fakes: str | os.PathLike[str] | None = None,
    ucdp: str | os.PathLike[str] | None = None,
    precision_gold: str | os.PathLike[str] | None = None,
    heldout_gold: str | os.PathLike[str] | None = None,
    shared: str | os.PathLike[str] | None = None,
    knowledge: Knowledge | None = None,
) -> dict[str, Any]:
    """Every figure `make eval` prints, as a dict keyed by section (seeds,
    fakes, ucdp, gold, heldout, sources); a section whose corpus is absent is
    {"skipped": reason}. `heldout` scores the held-out precision gold
    (tests/gold/precision_heldout: reports annotated after the rules were
    written, never used to change them) exactly as `gold` scores the other. Details (per report, per figure, per sentence) are
    DataFrames inside their section. `knowledge`: default the built-in
    knowledge."""
    from .evaluate_gold import GOLD_DIR, HELDOUT_DIR, attach_texts, gold_tables, load_gold, score_gold, shared_dir
    from .evaluate_ucdp import score_ucdp, ucdp_columns, ucdp_dir
    from .pipeline import run

    unknown = [s for s in sections if s not in SECTIONS]
    if unknown:
        raise ValueError(f"unknown section {unknown[0]!r} (sections: {', '.join(SECTIONS)})")
    shared = Path(shared) if shared is not None else shared_dir()
    k = knowledge if knowledge is not None else load_knowledge()
    out: dict[str, Any] = {}
    if "seeds" in sections:
        g = yaml.safe_load(Path(gold).read_text(encoding="utf-8"))
        tables = run([seeds], knowledge=k)
        out["seeds"] = {"claims": score_seeds(tables, g, knowledge=k), "incidents": score_incidents(tables, g)}
    if "crossdoc" in sections:
        from .evaluate_crossdoc import CORPUS, GOLD, score_crossdoc
        from .evaluate_crossdoc import load_gold as load_crossdoc_gold

        cgold = load_crossdoc_gold(GOLD)
        ctables = run([CORPUS], knowledge=k)
        out["crossdoc"] = {"reports": len(ctables["documents"]), "incidents": len(cgold["incidents"]),
                           **score_crossdoc(ctables, cgold, knowledge=k)}
    fakes = Path(fakes) if fakes is not None else fakes_path()
    fakes_sections = [s for s in ("fakes", "linkage", "sources") if s in sections]
    if fakes_sections:
        if not fakes.exists():
            for s in fakes_sections:
                out[s] = {"skipped": f"{fakes} not found (set CLAIMSCOPE_FAKES)"}
        else:
            crowd = pd.read_csv(fakes)
            ftables = run([fakes], columns=fakes_columns(), knowledge=k)
            if "fakes" in sections:
                out["fakes"] = {"articles": len(crowd), "crowd": score_fakes(ftables, crowd, knowledge=k),
                                "event_date_ceiling": event_date_ceiling(ftables, crowd, knowledge=k),
                                "alignment": score_fakes_alignment(ftables, crowd)}
            if "linkage" in sections:
                from .align import align_settings
                from .evaluate_linkage import ADJUDICATION, cross_validate, load_adjudication

                adjudication = load_adjudication(ADJUDICATION) if ADJUDICATION.exists() else None
                out["linkage"] = {**cross_validate(ftables, crowd, knowledge=k, adjudication=adjudication),
                                  "threshold": align_settings(k).link_threshold}
            if "sources" in sections:
                out["sources"] = score_sources(ftables["claims"], knowledge=k)
    if "ucdp" in sections:
        udir = Path(ucdp) if ucdp is not None else ucdp_dir()
        if not (udir / "articles.csv").exists() or not (udir / "labels.csv").exists():
            out["ucdp"] = {"skipped": f"{udir}/articles.csv or labels.csv not found (set CLAIMSCOPE_UCDP_AEC)"}
        else:
            utables = run([udir / "articles.csv"], columns=ucdp_columns(), knowledge=k)
            out["ucdp"] = score_ucdp(utables, pd.read_csv(udir / "labels.csv"), knowledge=k)
            out["ucdp"]["label_agrees"] = ucdp_where_label_agrees(out["ucdp"]["details"], UCDP_DISAGREEMENTS)
    for section, given, default in (("gold", precision_gold, GOLD_DIR), ("heldout", heldout_gold, HELDOUT_DIR)):
        if section not in sections:
            continue
        gdir = Path(given) if given is not None else default
        pgold = load_gold(gdir)
        grun = gold_tables(pgold, shared, knowledge=k) if pgold else None
        if grun is None:
            out[section] = {"skipped": f"the gold's corpora were not found under {shared} (set CLAIMSCOPE_SHARED)"
                            if pgold else f"no precision gold in {gdir}"}
        else:
            attach_texts(pgold, shared)
            out[section] = score_gold(grun.tables, pgold, grun.doc_ids, knowledge=k)
    return out


# --- command line -----------------------------------------------------------------------------

def _print_score(title: str, score: SeedScore, out: Any = None) -> None:
    out = out or sys.stdout
    print(title, file=out)
    for k, (hits, judged) in score.measures.items():
        print(f"  {k:12s} {hits:3d}/{judged:<3d} {hits / judged if judged else 1:.0%}", file=out)


def _fmt(r: tuple[int, int, float]) -> str:
    return f"{r[0]}/{r[1]} {r[2]:.2f}"


def print_figures(figs: Mapping[str, Any], *, misses: bool = False, out: Any = None) -> None:
    """The report `make eval` prints (to `out`, default stdout)."""
    out = out or sys.stdout
    def p(*a: Any) -> None:
        print(*a, file=out)

    if "seeds" in figs:
        _print_score("seeds gold: claims", figs["seeds"]["claims"], out)
        _print_score("seeds gold: incidents", figs["seeds"]["incidents"], out)
        if misses:
            for line in figs["seeds"]["claims"].misses + figs["seeds"]["incidents"].misses:
                p("   miss:", line)
    c = figs.get("crossdoc")
    if c:
        p(f"cross-document example corpus (tests/fixtures/crossdoc: {c['reports']} reports of {c['incidents']} incidents, "
          "gold in crossdoc_gold.yaml):")
        what = {"groups": "one incident holds an account of every report that tells it",
                "accounts": "gold sentences in their incident's (of those made a claim)",
                "near_misses": "same day and governorate, another event: kept apart",
                "conflicts": "planted conflicts compare reports on the gold's facet",
                "main_incidents": "report pairs whose main incidents are rightly the same or different",
                "recaps": "a recap's incident is not its report's main incident",
                "running_totals": "running-total sentences linked to no other report"}
        for k, (hits, judged) in c["measures"].items():
            p(f"  {k:15s} {hits:3d}/{judged:<3d} {what.get(k, '')}")
        if misses:
            for line in c["misses"]:
                p("   miss:", line)
    f = figs.get("fakes")
    if f and "skipped" in f:
        p(f"FA-KES: skipped, {f['skipped']}")
    elif f:
        p(f"FA-KES dev ({f['articles']} articles, crowd annotations):")
        for k, (hits, judged, rate) in f["crowd"].items():
            p(f"  {k:12s} {hits:3d}/{judged:<3d} {rate:.1%}")
        hits, judged = f["event_date_ceiling"]
        p(f"  event_date ceiling (oracle over every date in the text and the publication date): "
          f"{hits}/{judged} {hits / judged:.1%}")
        al = f["alignment"]
        p(f"  shares-an-incident pairs: precision {al['precision']:.2f} recall {al['recall']:.2f} F1 {al['f1']:.2f} "
          f"(gold {al['gold_pairs']}, predicted {al['predicted_pairs']}, correct {al['true_pairs']})")
    lk = figs.get("linkage")
    if lk and "skipped" in lk:
        p(f"FA-KES linkage: skipped, {lk['skipped']}")
    elif lk:
        from .evaluate_linkage import summarise

        def ms(rows: Any, metric: str) -> str:
            m, sd = summarise(rows)[metric]
            return f"{m:.3f} ± {sd:.3f}"

        p(f"FA-KES dev linkage, {len(lk['folds'])}-fold cross-validation grouped by crowd incident ({lk['articles']} "
          f"articles, {lk['crowd_incidents']} crowd incidents, {lk['gold_pairs']} crowd pairs; weights fitted on the "
          f"training folds, threshold {lk['threshold']:+.1f} bits from align.yaml; pairs share main_incident_id):")
        for name, rows in (("crowd", lk["folds"]), ("adjudicated", lk.get("adjudicated"))):
            if rows:
                p(f"  vs {name:12s} pairwise P {ms(rows, 'main_P')}  R {ms(rows, 'main_R')}  F1 {ms(rows, 'main_F1')}"
                  f"  | B³ F1 {ms(rows, 'b3_F1')}  | any shared incident F1 {ms(rows, 'any_F1')}")
        if lk.get("oracle"):
            o, op = lk["oracle"], lk["oracle_pooled"]
            p(f"  bound: a linker that is always right (the adjudicated partition) scores vs the crowd pairwise "
              f"F1 {ms(o, 'main_F1')} (P {ms(o, 'main_P')}, R {ms(o, 'main_R')}; pooled {op['main_F1']:.3f}), "
              f"B³ F1 {ms(o, 'b3_F1')}: the crowd lumps events of one day and governorate and splits one event "
              "filed under two dates")
    u = figs.get("ucdp")
    if u and "skipped" in u:
        p(f"UCDP-AEC: skipped, {u['skipped']}")
    elif u:
        p(f"UCDP-AEC ({u['reports']} reports, UCDP GED labels; main incident = {u['main_incident_from']}; "
          f"{u['no_main_incident']} reports without one):")
        for k, r in u["measures"].items():
            p(f"  {k:12s} {_fmt(r)}")
        for k, r in (u.get("label_agrees") or {}).get("measures", {}).items():
            n = len(u["label_agrees"]["listed"][k])
            p(f"  {k:12s} {_fmt(r)}  on the reports whose label agrees with its article ({n} listed in "
              f"{UCDP_DISAGREEMENTS.relative_to(REPO)})")
        if "shared_main_pairs" in u:
            p(f"  report pairs sharing a main incident (each report is another UCDP event): {u['shared_main_pairs']}"
              + (" (" + "; ".join("/".join(g) for g in u["shared_main"]) + ")" if u["shared_main"] else ""))
    for section, title in (("gold", "precision gold"),
                           ("heldout", "precision gold, held out (annotated after the rules; never used to change them)")):
        _print_gold(title, figs.get(section), p)
    s = figs.get("sources")
    if s and "skipped" in s:
        p(f"FA-KES sources: skipped, {s['skipped']}")
    elif s:
        share = s["unknown_share"]
        p(f"FA-KES dev sources ({s['claims']} claims: "
          + ", ".join(f"{k} {v}" for k, v in s["by_category"].items())
          + f"; not a known source, unnamed group, armed group or person/office: {share:.1%}):")
        p(f"  {len(s['top'])} most cited (outlet voice aside), {s['top_unknown']} of them unknown ('!'):")
        for r in s["top"].itertuples(index=False):
            flag = "!" if r.category == "unknown" else " "
            p(f"  {flag}{r.rank:3d} {r.claims:4d}  {r.source}  [{r.category}{'; ' + r.hints if r.hints else ''}]")
        if s["spelled_several_ways"]:
            p("  spelled several ways: " + "; ".join(" = ".join(v) for v in s["spelled_several_ways"]))


def _print_gold(title: str, g: Mapping[str, Any] | None, p: Any) -> None:
    """One precision gold's figures (the gold and the held-out gold print alike)."""
    if g and "skipped" in g:
        p(f"{title}: skipped, {g['skipped']}")
    elif g:
        c, e = g["casualties"], g["events"]
        p(f"{title} ({g['documents']} reports, {g['sentences']} sentences, {c['gold_figures']} casualty figures; "
          f"tool: {c['tool_rows']} figures):")
        notes = []
        if not c["tool_has_category"]:
            notes.append("tool gives no category: not judged")
        if not c["tool_has_scope"]:
            notes.append("tool gives no scope: a figure is an event toll unless its claim is a running_total")
        p(f"  casualties strict   precision {_fmt(c['strict']['precision'])}  recall {_fmt(c['strict']['recall'])}"
          + (f"  ({'; '.join(notes)})" if notes else ""))
        p(f"  casualties lenient  precision {_fmt(c['lenient']['precision'])}  recall {_fmt(c['lenient']['recall'])}"
          "  (outcome, min, max only)")
        p("  casualty errors: " + ", ".join(f"{k} {v}" for k, v in c["errors"].items()))
        p(f"  event/non-event     {_fmt(e['accuracy'])}"
          + ("" if e["tool_has_kind"] else "  (no claims.kind yet: every claim counts as an event)"))
        p("    tool event / non-event by gold kind: "
          + ", ".join(f"{k} {v.get('event', 0)}/{v.get('non_event', 0)}" for k, v in e["by_gold_kind"].items()))
        if e["kind_accuracy"] is not None:
            p(f"  kind (6-way, no claim = other) {_fmt(e['kind_accuracy'])}")
        s = g["sources"]
        p(f"  source              {_fmt(s['accuracy'])}  misses: "
          + ", ".join(f"{k} {v}" for k, v in sorted(s["misses"].items())))
        p(f"  event date          {_fmt(g['dates']['accuracy'])}")


def write_details(figs: Mapping[str, Any], directory: str | os.PathLike[str]) -> list[Path]:
    """Per-report, per-figure and per-sentence CSVs for reading the misses."""
    d = Path(directory)
    if d.exists() and not d.is_dir():
        raise NotADirectoryError(f"--details {d}: not a directory")
    d.mkdir(parents=True, exist_ok=True)
    written = []
    tables = {
        "ucdp_aec.csv": (figs.get("ucdp") or {}).get("details"),
        "precision_figures.csv": (figs.get("gold") or {}).get("figure_rows"),
        "precision_sentences.csv": (figs.get("gold") or {}).get("sentence_rows"),
        "heldout_figures.csv": (figs.get("heldout") or {}).get("figure_rows"),
        "heldout_sentences.csv": (figs.get("heldout") or {}).get("sentence_rows"),
        "fakes_sources.csv": (figs.get("sources") or {}).get("top"),
    }
    for name, df in tables.items():
        if isinstance(df, pd.DataFrame):
            df.to_csv(d / name, index=False)
            written.append(d / name)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimscope.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", default=str(DEFAULT_GOLD), help="seeds gold")
    parser.add_argument("--seeds", default=str(REPO / "seeds"))
    parser.add_argument("--fakes", default=str(fakes_path()), help="FA-KES dev CSV")
    parser.add_argument("--ucdp", default=None, help="UCDP-AEC folder (articles.csv, labels.csv)")
    parser.add_argument("--precision-gold", default=None, help="folder of precision gold YAML files")
    parser.add_argument("--heldout-gold", default=None, help="folder of held-out precision gold YAML files")
    parser.add_argument("--shared", default=None, help="shared folder the precision gold's texts are read from")
    parser.add_argument("--sections", default=",".join(SECTIONS),
                        help=f"comma-separated sections to run (default: all of {','.join(SECTIONS)})")
    parser.add_argument("--details", metavar="DIR", help="write per-report, per-figure and per-sentence CSVs here")
    parser.add_argument("--misses", action="store_true", help="list every seeds miss")
    args = parser.parse_args(argv)
    sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    bad = [s for s in sections if s not in SECTIONS]
    if bad:
        parser.error(f"--sections: unknown section {bad[0]!r} (sections: {', '.join(SECTIONS)})")
    figs = figures(sections=sections, gold=args.gold, seeds=args.seeds, fakes=args.fakes, ucdp=args.ucdp,
                   precision_gold=args.precision_gold,
                   heldout_gold=args.heldout_gold, shared=args.shared)
    print_figures(figs, misses=args.misses)
    if args.details:
        try:
            for path in write_details(figs, args.details):
                print(f"details: {path}")
        except OSError as exc:
            print(f"error: --details: {exc}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
