"""Notebook helpers and the offline HTML reports (`claimscope report`).

Two halves:

- What the notebooks call (they only load, call and chart): `load_tables`,
  `filter_tables`, `pick_incident` / `pick_source` / `pick_source_pair`, and
  the `*_html` fragments. Every table string that reaches HTML goes through
  `html.escape`.
- `build_reports`: executes the notebooks with papermill (the overview, one
  `incident` report per incident with two or more independent accounts, one
  `source_profile` per source with enough claims), exports each to one
  self-contained HTML file (code hidden, the Vega JavaScript embedded once per
  page by the `claimscope` nbconvert template, no CDN), and writes an
  `index.html` linking them, incidents sorted by conflict with status badges.
  A failing notebook is reported with its cell error; the others still run.
"""

from __future__ import annotations

import concurrent.futures as cf
import functools
import hashlib
import html
import os
import re
import time
import unicodedata
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import charts, schema
from .cells import column as _col

__all__ = [
    "LoadedTables",
    "ReportJob",
    "ReportFailure",
    "ReportSummary",
    "NOTEBOOKS_DIR",
    "TEMPLATES_DIR",
    "load_tables",
    "filter_tables",
    "pick_incident",
    "pick_source",
    "pick_source_pair",
    "incidents_of_source",
    "shared_incidents",
    "summary_html",
    "incidents_table_html",
    "incident_header_html",
    "comparisons_html",
    "links_html",
    "source_header_html",
    "pair_header_html",
    "problems_html",
    "message_html",
    "safe_name",
    "report_filename",
    "report_job",
    "plan_reports",
    "vega_bundle",
    "export_html",
    "execute_notebook",
    "render_report",
    "index_html",
    "build_reports",
]

NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_e = html.escape


# ====================================================================== loading
@dataclass(frozen=True)
class LoadedTables:
    """The public tables and a line saying where they came from."""

    tables: Mapping[str, pd.DataFrame]
    origin: str


def load_tables(
    tables: str | os.PathLike[str] = "../outputs/tables",
    *,
    corpus: str | os.PathLike[str] = "",
    seeds: str | os.PathLike[str] = "../seeds",
) -> LoadedTables:
    """The tables a notebook works on.

    With `corpus`, run the pipeline on it. Otherwise read the folder `tables`
    (written by `claimscope run`); when that folder does not exist yet (a fresh
    clone), run the pipeline on `seeds` so the notebook still works. A folder
    that exists but lacks tables is an error, not silently replaced.
    """
    from .tables import read_tables

    if corpus and str(corpus).strip():
        from . import pipeline  # imported only when needed: it pulls in every extraction stage

        path = Path(corpus)
        if not path.exists():
            raise FileNotFoundError(f"corpus {str(corpus)!r}: no such file or folder")
        return LoadedTables(_conformed(pipeline.run([path])), f"pipeline run on corpus {path}")
    tpath = Path(tables)
    if tpath.is_dir():
        return LoadedTables(read_tables(tpath), f"tables read from {tpath}")
    if tpath.exists():
        raise NotADirectoryError(f"tables {str(tables)!r}: not a folder")
    from . import pipeline

    spath = Path(seeds)
    if not spath.is_dir():
        raise FileNotFoundError(f"no tables at {str(tables)!r} and no seeds folder at {str(seeds)!r}")
    return LoadedTables(_conformed(pipeline.run([spath])), f"no tables at {tpath}: pipeline run on the seeds ({spath})")


def _conformed(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {name: schema.conform(tables.get(name, schema.empty(name)), name) for name in schema.TABLE_ORDER}


def _valid_day(value: str, what: str) -> str:
    value = (value or "").strip()
    if value and not _ISO_DAY.match(value):
        raise ValueError(f"{what} {value!r}: expected an ISO date YYYY-MM-DD or an empty string")
    return value


def filter_tables(
    tables: Mapping[str, pd.DataFrame],
    *,
    date_from: str = "",
    date_to: str = "",
    governorate: str = "",
) -> dict[str, pd.DataFrame]:
    """The tables restricted to incidents overlapping `date_from`..`date_to`
    (ISO days, inclusive; "" = open) in `governorate` ("" = all, matched
    case-insensitively), with claims, casualties, comparisons and links cut to
    match and `source_agreement` recounted over the kept incidents. Undated
    incidents are dropped when a date bound is given. No filter: returned as is."""
    date_from = _valid_day(date_from, "date_from")
    date_to = _valid_day(date_to, "date_to")
    if date_from and date_to and date_from > date_to:
        raise ValueError(f"date_from {date_from} is after date_to {date_to}")
    gov = (governorate or "").strip().casefold()
    if not (date_from or date_to or gov):
        return dict(tables)
    inc = tables["incidents"]
    start, end = _col(inc, "date_start"), _col(inc, "date_end")
    end = end.where(end != "", start)
    keep = pd.Series(True, index=inc.index)
    if date_from:
        keep &= (end != "") & (end >= date_from)
    if date_to:
        keep &= (start != "") & (start <= date_to)
    if gov:
        keep &= _col(inc, "governorate").str.casefold() == gov
    ids = set(_col(inc, "incident_id")[keep])
    out = dict(tables)
    out["incidents"] = inc[keep].reset_index(drop=True)
    claims = tables["claims"]
    out["claims"] = claims[_col(claims, "incident_id").isin(ids)].reset_index(drop=True)
    cids = set(_col(out["claims"], "claim_id"))
    cas = tables["casualties"]
    out["casualties"] = cas[_col(cas, "claim_id").isin(cids)].reset_index(drop=True)
    comp = tables["comparisons"]
    out["comparisons"] = comp[_col(comp, "incident_id").isin(ids)].reset_index(drop=True)
    links = tables["links"]
    out["links"] = links[_col(links, "claim_a").isin(cids) & _col(links, "claim_b").isin(cids)].reset_index(drop=True)
    out["source_agreement"] = _recount_agreement(out["claims"], out["comparisons"])
    return out


def _recount_agreement(claims: pd.DataFrame, comparisons: pd.DataFrame) -> pd.DataFrame:
    """source_agreement over a subset: incidents both sources give an
    independent (non-duplicate) account of, and their facet verdicts."""
    c = pd.DataFrame({"source": _col(claims, "source"), "incident": _col(claims, "incident_id"),
                      "dup": _col(claims, "duplicate_of")})
    c = c[(c["dup"] == "") & (c["source"] != "") & (c["incident"] != "")]
    by_source = {s: set(g["incident"]) for s, g in c.groupby("source", sort=True)}
    verdicts: dict[tuple[str, str], list[str]] = {}
    for a, b, v in zip(_col(comparisons, "source_a"), _col(comparisons, "source_b"), _col(comparisons, "verdict")):
        verdicts.setdefault(tuple(sorted((a, b))), []).append(v)
    rows = []
    names = sorted(by_source)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            shared = by_source[a] & by_source[b]
            if shared:
                vs = verdicts.get((a, b), [])
                rows.append({"source_a": a, "source_b": b, "shared_incidents": len(shared),
                             "agree": vs.count("agree"), "conflict": vs.count("conflict")})
    return schema.conform(pd.DataFrame(rows), "source_agreement") if rows else schema.empty("source_agreement")


# ====================================================================== picking
def pick_incident(tables: Mapping[str, pd.DataFrame], incident_id: str = "") -> str | None:
    """`incident_id` when the incidents table has it (ValueError otherwise);
    "" picks the most conflicted incident; None when there are no incidents."""
    ids = list(_col(tables["incidents"], "incident_id"))
    wanted = (incident_id or "").strip()
    if wanted:
        if wanted not in ids:
            raise ValueError(f"incident_id {wanted!r} is not in the incidents table ({len(ids)} incidents)")
        return wanted
    if not ids:
        return None
    return str(charts.incident_points(tables["incidents"], tables["claims"])["incident_id"].iloc[0])


def _claim_counts(claims: pd.DataFrame) -> pd.Series:
    src = _col(claims, "source")
    return src[src != ""].value_counts().sort_index(kind="stable").sort_values(ascending=False, kind="stable")


def pick_source(tables: Mapping[str, pd.DataFrame], source: str = "") -> str | None:
    """`source` when some claim cites it (ValueError otherwise); "" picks the
    attributed source (not an outlet's own voice) with most claims; None when
    there are no claims."""
    claims = tables["claims"]
    wanted = (source or "").strip()
    counts = _claim_counts(claims)
    if wanted:
        if wanted not in counts.index:
            raise ValueError(f"source {wanted!r} is not cited by any claim ({len(counts)} sources)")
        return wanted
    attributed = claims[_col(claims, "source_type") != "outlet"]
    ranked = _claim_counts(attributed)
    if len(ranked):
        return str(ranked.index[0])
    return str(counts.index[0]) if len(counts) else None


def pick_source_pair(tables: Mapping[str, pd.DataFrame], source_a: str = "", source_b: str = "") -> tuple[str, str] | None:
    """Two sources to compare. Given names are checked (ValueError when not
    cited); a missing one is filled with the source sharing most incidents
    with the other (or the overall best-connected pair). None when no two
    sources share an incident and none were given."""
    a = pick_source(tables, source_a) if (source_a or "").strip() else ""
    b = pick_source(tables, source_b) if (source_b or "").strip() else ""
    if a and b:
        if a == b:
            raise ValueError(f"source_a and source_b are both {a!r}: pick two different sources")
        return a, b
    sa = tables["source_agreement"]
    pairs = pd.DataFrame({"a": _col(sa, "source_a"), "b": _col(sa, "source_b"),
                          "shared": [charts._i(v) or 0 for v in sa["shared_incidents"]],
                          "compared": [(charts._i(x) or 0) + (charts._i(y) or 0) for x, y in zip(sa["agree"], sa["conflict"])]})
    pairs = pairs.sort_values(["shared", "compared", "a", "b"], ascending=[False, False, True, True], kind="stable")
    known = a or b
    for ra, rb in zip(pairs["a"], pairs["b"]):
        if not known:
            return ra, rb
        if known in (ra, rb):
            other = rb if ra == known else ra
            return (known, other) if a else (other, known)
    if known:
        raise ValueError(f"source {known!r} shares no incident with another source; give both source_a and source_b")
    return None


def incidents_of_source(tables: Mapping[str, pd.DataFrame], source: str) -> list[str]:
    """Incidents `source` gives an account of, most conflicted first."""
    claims = tables["claims"]
    ids = set(_col(claims, "incident_id")[_col(claims, "source") == source]) - {""}
    ranked = charts.incident_points(tables["incidents"], claims)
    return [i for i in ranked["incident_id"] if i in ids]


def shared_incidents(tables: Mapping[str, pd.DataFrame], source_a: str, source_b: str) -> list[str]:
    """Incidents both sources give an account of, most conflicted first."""
    a = set(incidents_of_source(tables, source_a))
    return [i for i in incidents_of_source(tables, source_b) if i in a]


# ====================================================================== HTML fragments
_CSS = """<style>
.cs-box{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222}
.cs-box h2{font-size:20px;margin:4px 0 6px}.cs-box .cs-muted{color:#666}
.cs-stats{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0}
.cs-stat{border:1px solid #ddd;border-radius:6px;padding:6px 12px;min-width:90px}
.cs-stat b{display:block;font-size:20px}
.cs-note{background:#f6f6f6;border-left:4px solid #bbb;padding:8px 12px;margin:8px 0}
</style>"""


def message_html(text: str) -> str:
    """A short notice (e.g. 'No incidents yet.'), escaped."""
    return f'{_CSS}<div class="cs-box cs-note">{_e(text)}</div>'


def _badge(status: str) -> str:
    label = charts.STATUS_LABELS.get(status, status or "unknown")
    cls = {"conflict": "cs-conflict", "agree": "cs-agree"}.get(status, "")
    return f'<span class="cs-badge {cls}">{_e(label)}</span>'


def _stats(items: Sequence[tuple[str, Any]]) -> str:
    return '<div class="cs-stats">' + "".join(
        f'<div class="cs-stat"><b>{_e(str(v))}</b> {_e(k)}</div>' for k, v in items) + "</div>"


def summary_html(tables: Mapping[str, pd.DataFrame], *, origin: str = "", filters: Mapping[str, str] | None = None) -> str:
    """Counts at a glance: documents, claims, incidents by status, sources,
    problems; plus where the tables came from and the filters applied."""
    inc = tables["incidents"]
    status = _col(inc, "status").value_counts()
    docs = tables["documents"]
    n_dup = int((_col(docs, "duplicate_of") != "").sum())
    items = [
        ("documents" + (f" ({n_dup} copies)" if n_dup else ""), len(docs)),
        ("claims", len(tables["claims"])),
        ("incidents", len(inc)),
        ("in conflict", int(status.get("conflict", 0))),
        ("agreeing", int(status.get("agree", 0))),
        ("single source", int(status.get("single_source", 0))),
        ("sources", int(_col(tables["claims"], "source").replace("", pd.NA).nunique())),
        ("problems", len(tables["problems"])),
    ]
    parts = [_CSS, charts.TABLE_CSS, '<div class="cs-box">', _stats(items)]
    active = {k: v for k, v in (filters or {}).items() if (v or "").strip()}
    if active:
        parts.append('<p class="cs-muted">Filtered: ' + "; ".join(f"{_e(k)} = {_e(v)}" for k, v in active.items()) + "</p>")
    if origin:
        parts.append(f'<p class="cs-muted">{_e(origin)}</p>')
    if inc.empty:
        parts.append('<div class="cs-note">No incidents yet: these tables hold no incidents (the alignment stage '
                     "of <code>claimscope run</code> groups claims into incidents).</div>")
    parts.append("</div>")
    return "".join(parts)


def incidents_table_html(
    tables: Mapping[str, pd.DataFrame],
    *,
    incident_ids: Sequence[str] | None = None,
    link: bool = False,
    min_accounts: int = 2,
    max_rows: int = 30,
) -> str:
    """Incidents, most conflicted first, with status badges, places, accounts
    and conflicting facets. With `link`, incidents that get their own report
    (`min_accounts` or more independent accounts) link to it (hrefs relative
    to the reports folder)."""
    pts = charts.incident_points(tables["incidents"], tables["claims"])
    if incident_ids is not None:
        pts = pts[pts["incident_id"].isin(list(incident_ids))]
    if pts.empty:
        return message_html("No incidents yet.")
    more = len(pts) - max_rows
    pts = pts.head(max_rows)
    rows = []
    for r in pts.to_dict("records"):
        label = _e(r["label"])
        if link and r["n_sources"] >= min_accounts:
            href = report_filename("incident", r["incident_id"]).split("/", 1)[1]
            label = f'<a href="{_e(href)}">{label}</a>'
        rows.append(
            f"<tr><td>{_badge(r['status'])}</td><td>{label}<br><span class=\"cs-muted\">{_e(r['incident_id'])}</span></td>"
            f"<td>{_e(r['places'].replace(';', '; '))}</td><td>{r['n_sources']}</td><td>{r['n_claims']}</td>"
            f"<td>{_e(r['conflict_facets'].replace(';', ', '))}</td></tr>")
    tail = f'<p class="cs-muted">… and {more} more.</p>' if more > 0 else ""
    return (f'{charts.TABLE_CSS}<table class="cs-table"><thead><tr><th>Status</th><th>Incident</th><th>Places</th>'
            f"<th>Independent accounts</th><th>Claims</th><th>In conflict</th></tr></thead><tbody>{''.join(rows)}"
            f"</tbody></table>{tail}")


def incident_header_html(tables: Mapping[str, pd.DataFrame], incident_id: str | None) -> str:
    """Title block of one incident: date, places, event type, status badge,
    conflicting facets, counts and the sources heard."""
    if not incident_id:
        return message_html("No incidents yet: nothing to show.")
    pts = charts.incident_points(tables["incidents"], tables["claims"])
    row = pts[pts["incident_id"] == incident_id]
    if row.empty:
        return message_html(f"No incident {incident_id}.")
    r = row.iloc[0]
    dates = r["date_start"] or "date unknown"
    if r["date_end"] and r["date_end"] != r["date_start"]:
        dates += f" to {r['date_end']}"
    facets = r["conflict_facets"].replace(";", ", ")
    lo, best, hi = r["casualties_low"], r["casualties_best"], r["casualties_high"]
    estimate = ""
    if lo or hi or best:
        span = lo if lo == hi else f"{lo or '?'}–{hi or '?'}"
        estimate = f"{span} (best estimate {best})" if best and best != span else span
    extras = [("grade", r["grade"]), ("casualty estimate", estimate)]
    extra_html = "".join(f"<p><b>{_e(k)}:</b> {_e(v)}</p>" for k, v in extras if v)
    return (
        f'{_CSS}{charts.TABLE_CSS}<div class="cs-box"><h2>{_e(r["label"])} {_badge(r["status"])}</h2>'
        f'<p>{_e(dates)} · {_e(r["places"].replace(";", "; ") or "place unknown")}'
        f'{" · " + _e(r["governorate"]) if r["governorate"] else ""} · {_e(r["event_type"] or "event type unknown")}</p>'
        + (f"<p><b>Accounts conflict on:</b> {_e(facets)}</p>" if facets else "") + extra_html
        + _stats([("independent accounts", r["n_sources"]), ("claims", r["n_claims"]), ("documents", r["n_docs"])])
        + f'<p class="cs-muted">Sources: {_e(r["sources"])} · id {_e(incident_id)}</p></div>'
    )


def comparisons_html(
    tables: Mapping[str, pd.DataFrame],
    *,
    incident_id: str | None = None,
    sources: tuple[str, str] | None = None,
    max_rows: int = 200,
) -> str:
    """Facet-by-facet verdicts (agree / conflict / partial) with their reason,
    for one incident and/or between two sources."""
    comp = tables["comparisons"]
    c = pd.DataFrame({k: _col(comp, k) for k in ("incident_id", "facet", "source_a", "source_b", "verdict", "detail")})
    if incident_id is not None:
        c = c[c["incident_id"] == incident_id]
    if sources is not None:
        a, b = sources
        c = c[((c["source_a"] == a) & (c["source_b"] == b)) | ((c["source_a"] == b) & (c["source_b"] == a))]
    if c.empty:
        return message_html("No facet comparisons: no two sources give comparable accounts here.")
    order = {"conflict": 0, "partial": 1, "agree": 2}
    c = c.assign(_o=c["verdict"].map(lambda v: order.get(v, 3))).sort_values(
        ["_o", "incident_id", "facet", "source_a", "source_b"], kind="stable")
    labels = dict(zip(*(lambda p: (p["incident_id"], p["label"]))(
        charts.incident_points(tables["incidents"], tables["claims"]))))
    rows = []
    for r in c.head(max_rows).to_dict("records"):
        badge = {"conflict": _badge("conflict"), "agree": _badge("agree")}.get(
            r["verdict"], f'<span class="cs-badge">{_e(r["verdict"])}</span>')
        inc_cell = "" if incident_id is not None else f"<td>{_e(labels.get(r['incident_id'], r['incident_id']))}</td>"
        rows.append(f"<tr><td>{badge}</td>{inc_cell}<td>{_e(r['facet'])}</td><td>{_e(r['source_a'])}</td>"
                    f"<td>{_e(r['source_b'])}</td><td>{_e(r['detail'])}</td></tr>")
    inc_head = "" if incident_id is not None else "<th>Incident</th>"
    return (f'{charts.TABLE_CSS}<table class="cs-table"><thead><tr><th>Verdict</th>{inc_head}<th>Facet</th>'
            f"<th>Source</th><th>vs source</th><th>Why</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def links_html(tables: Mapping[str, pd.DataFrame], incident_id: str | None, *, max_rows: int = 100) -> str:
    """Why the claims of an incident were grouped: each link's score and reasons."""
    if not incident_id:
        return message_html("No incident.")
    claims = tables["claims"]
    mine = claims[_col(claims, "incident_id") == incident_id]
    src = dict(zip(_col(mine, "claim_id"), _col(mine, "source")))
    links = tables["links"]
    lk = pd.DataFrame({"a": _col(links, "claim_a"), "b": _col(links, "claim_b"),
                       "score": [charts._f(v) for v in links["score"]], "reasons": _col(links, "reasons"),
                       "kind": _col(links, "kind").str.replace("_", " ")})  # `kind`: extra column from align
    lk = lk[lk["a"].isin(src) & lk["b"].isin(src)]
    if lk.empty:
        return message_html("No links recorded between these claims.")
    lk = lk.sort_values(["score", "a", "b"], ascending=[False, True, True], kind="stable").head(max_rows)
    rows = "".join(
        f"<tr><td>{_e(src[r['a']])}<br><span class=\"cs-muted\">{_e(r['a'])}</span></td>"
        f"<td>{_e(src[r['b']])}<br><span class=\"cs-muted\">{_e(r['b'])}</span></td>"
        f"<td>{_score(r['score'])}</td><td>{_e(r['kind'])}</td><td>{_e(r['reasons'])}</td></tr>"
        for r in lk.to_dict("records"))
    return (f'{charts.TABLE_CSS}<table class="cs-table"><thead><tr><th>Claim</th><th>linked to</th><th>Score</th>'
            f"<th>Link</th><th>Reasons</th></tr></thead><tbody>{rows}</tbody></table>")


def _score(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}"


def source_header_html(tables: Mapping[str, pd.DataFrame], source: str | None) -> str:
    """Title block of one source: type, side, claims, outlets citing it,
    incidents, hedged and denial counts."""
    if not source:
        return message_html("No claims yet: no source to profile.")
    claims = tables["claims"]
    mine = claims[_col(claims, "source") == source]
    if mine.empty:
        return message_html(f"No claims cite {source}.")
    kinds = " · ".join(x for x in (_col(mine, "source_type").mode().iloc[0], _col(mine, "source_side").mode().iloc[0]) if x)
    outlets = _col(mine, "outlet").replace("", "(unknown outlet)").value_counts()
    n_inc = len(set(_col(mine, "incident_id")) - {""})
    hedged = sum(charts._truth(v) for v in mine["hedged"])
    negated = sum(charts._truth(v) for v in mine["negated"])
    raws = [r for r in _col(mine, "source_raw").value_counts().index if r and r != source][:6]
    return (
        f'{_CSS}<div class="cs-box"><h2>{_e(source)}</h2><p class="cs-muted">{_e(kinds)}</p>'
        + _stats([("claims", len(mine)), ("incidents", n_inc), ("outlets citing it", len(outlets)),
                  ("hedged", hedged), ("denials", negated)])
        + "<p><b>Cited by:</b> " + ", ".join(f"{_e(o)} ({n})" for o, n in outlets.items()) + "</p>"
        + (f'<p class="cs-muted">Also written as: {_e("; ".join(raws))}</p>' if raws else "")
        + "</div>"
    )


def pair_header_html(tables: Mapping[str, pd.DataFrame], pair: tuple[str, str] | None) -> str:
    """Title block comparing two sources: shared incidents and verdict counts."""
    if not pair:
        return message_html("No two sources report on the same incident yet.")
    a, b = pair
    shared = shared_incidents(tables, a, b)
    comp = tables["comparisons"]
    ca, cb, v = _col(comp, "source_a"), _col(comp, "source_b"), _col(comp, "verdict")
    between = v[((ca == a) & (cb == b)) | ((ca == b) & (cb == a))].value_counts()
    return (
        f'{_CSS}<div class="cs-box"><h2>{_e(a)} <span class="cs-muted">vs</span> {_e(b)}</h2>'
        + _stats([("shared incidents", len(shared)), ("agree", int(between.get("agree", 0))),
                  ("conflict", int(between.get("conflict", 0))), ("partial", int(between.get("partial", 0)))])
        + "</div>"
    )


def problems_html(tables: Mapping[str, pd.DataFrame], *, max_rows: int = 50) -> str:
    """Inputs that were skipped or kept with a caveat."""
    p = tables["problems"]
    if p.empty:
        return message_html("No problems recorded.")
    rows = "".join(
        f"<tr><td>{_e(a)}</td><td>{_e(b)}</td><td>{_e(c)}</td><td>{_e(d)}</td></tr>"
        for a, b, c, d in zip(*(_col(p, k).head(max_rows) for k in ("severity", "stage", "path", "reason"))))
    more = f'<p class="cs-muted">… and {len(p) - max_rows} more.</p>' if len(p) > max_rows else ""
    return (f'{charts.TABLE_CSS}<table class="cs-table"><thead><tr><th>Severity</th><th>Stage</th><th>Path</th>'
            f"<th>Reason</th></tr></thead><tbody>{rows}</tbody></table>{more}")


# ====================================================================== report plan
def safe_name(text: str, *, max_len: int = 48) -> str:
    """A file-name part for `text`: ASCII letters, digits, `-` and `_` only.

    Text that is already such a name in lower case (and not too long) is kept
    as is; any other text becomes a lower-case slug plus 8 hex digits of its
    SHA-1, so names are stable across runs, cannot escape a folder, and two
    texts never share a name, not even on a case-insensitive file system
    ("Pentapostagma" and "pentapostagma")."""
    text = str(text)
    if re.fullmatch(r"[a-z0-9][a-z0-9_-]*", text) and len(text) <= max_len:
        return text
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:max_len].strip("-")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else f"x-{digest}"


def report_filename(kind: str, key: str = "") -> str:
    """Path of a report relative to the output folder."""
    if kind == "overview":
        return "reports/overview.html"
    if kind == "incident":
        return f"reports/incident-{safe_name(key)}.html"
    if kind == "source_profile":
        return f"reports/source-{safe_name(key)}.html"
    raise ValueError(f"unknown report kind {kind!r}")


@dataclass(frozen=True)
class ReportJob:
    """One notebook to execute and export."""

    kind: str  # overview | incident | source_profile
    key: str  # incident_id, source name, or "" for the overview
    notebook: str  # file name in the notebooks folder
    filename: str  # output path relative to the output folder
    title: str
    parameters: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class ReportFailure:
    """A report that could not be written, with the notebook cell that failed."""

    job: ReportJob
    error: str
    cell: int | None = None

    def __str__(self) -> str:
        where = f"{self.job.notebook}" + (f", cell {self.cell}" if self.cell is not None else "")
        return f"{self.job.filename} ({where}): {self.error}"


@dataclass(frozen=True)
class ReportSummary:
    """What `build_reports` wrote (paths), and what failed."""

    out_dir: Path
    index: Path
    written: tuple[Path, ...]
    failures: tuple[ReportFailure, ...]
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.failures


_NOTEBOOK_OF = {"overview": "corpus_overview.ipynb", "incident": "incident.ipynb",
                "source_profile": "source_profile.ipynb"}
_PARAMETER_OF = {"overview": None, "incident": "incident_id", "source_profile": "source"}


def report_job(kind: str, key: str = "", *, title: str | None = None) -> ReportJob:
    """The job that renders one report: `kind` is overview, incident (key: an
    incident_id) or source_profile (key: a source name)."""
    if kind not in _NOTEBOOK_OF:
        raise ValueError(f"unknown report kind {kind!r} (overview, incident, source_profile)")
    param = _PARAMETER_OF[kind]
    if param and not key:
        raise ValueError(f"a {kind} report needs a key ({param})")
    default_title = {"overview": "Corpus overview", "incident": f"Incident {key}", "source_profile": f"Source: {key}"}
    return ReportJob(kind, key if param else "", _NOTEBOOK_OF[kind], report_filename(kind, key),
                     title or default_title[kind], {param: key} if param else {})


def plan_reports(tables: Mapping[str, pd.DataFrame], *, min_source_claims: int = 3,
                 min_accounts: int = 2) -> tuple[ReportJob, ...]:
    """The reports to write: the overview, one per incident with at least
    `min_accounts` independent accounts (most conflicted first), one per
    source with at least `min_source_claims` claims (most claims first)."""
    jobs = [report_job("overview")]
    pts = charts.incident_points(tables["incidents"], tables["claims"])
    for r in pts[pts["n_sources"] >= min_accounts].to_dict("records"):
        jobs.append(report_job("incident", r["incident_id"], title=f"Incident: {r['label']}"))
    counts = _claim_counts(tables["claims"])
    for src, n in counts.items():
        if n >= min_source_claims:
            jobs.append(report_job("source_profile", str(src)))
    names = [j.filename for j in jobs]
    if len(names) != len(set(names)):  # cannot happen with safe_name's hashes; guard anyway
        raise ValueError("two reports would share a file name")
    return tuple(jobs)


# ====================================================================== rendering
@functools.lru_cache(maxsize=1)
def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script (from vl-convert, no
    network) that sets `window.vegaEmbed`; pinned to altair's Vega-Lite
    version. About 0.9 MB; embedded once per report page."""
    import altair as alt
    import vl_convert as vlc

    want = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    version = want if want in vlc.get_vegalite_versions() else None
    js = vlc.javascript_bundle(vl_version=version)
    # the bundle sits inside a <script> element: it must not close it
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)


def export_html(nb: Any, *, title: str, vega_js: str | None = None, index_href: str | None = "../index.html") -> str:
    """An executed notebook as one self-contained HTML page: code and prompts
    hidden, stderr streams dropped, the `claimscope` template (no CDN; the
    Vega bundle `vega_js`, default `vega_bundle()`, embedded once)."""
    import copy

    from nbconvert import HTMLExporter

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            cell["outputs"] = [o for o in cell.get("outputs", [])
                               if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    nb.metadata["title"] = title
    exporter = HTMLExporter(
        template_name="claimscope",
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    resources = {"claimscope": {"vega_js": vega_bundle() if vega_js is None else vega_js, "index_href": index_href}}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def _write_atomic(path: Path, text: str) -> None:
    """Write `text` to a new file beside `path`, then move it into place: a
    reader never sees half a page. The file gets the usual umask permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(tmp, "x", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# Extra command-line arguments for the report kernels. jsonschema (imported by
# altair) eagerly imports `rfc3987_syntax`, which compiles ~35 Earley grammars
# at import: 1.5-2 s per kernel, a third of a report's time. Marking the module
# absent in the report kernels makes jsonschema skip its `iri` format check,
# which no Vega-Lite spec uses (python-jsonschema/jsonschema#1428). Only these
# kernels are affected; the user's own JupyterLab is not.
# Also: kernel log level CRITICAL, so report kernels do not print ipykernel's
# "running over TCP without encryption" warning, nor the "KeyboardInterrupt
# caught" logged at shutdown, into the command's output (cell errors still
# reach papermill through the kernel protocol).
_KERNEL_ARGS: tuple[str, ...] = (
    "--IPKernelApp.exec_lines=__import__('sys').modules.setdefault('rfc3987_syntax', None)",
    "--IPKernelApp.log_level=CRITICAL",
)


def execute_notebook(
    notebook: str | os.PathLike[str],
    *,
    parameters: Mapping[str, Any] | None = None,
    cwd: str | os.PathLike[str] | None = None,
    output_path: str | os.PathLike[str] | None = None,
    timeout: int = 600,
) -> Any:
    """Run `notebook` top to bottom in a fresh kernel with papermill and return
    the executed notebook (also saved to `output_path` when given).

    The kernel starts in `cwd` (default: the notebook's folder) so relative
    parameter defaults resolve as under JupyterLab. Unlike papermill's own
    `cwd` option this never changes the calling process's working directory,
    so several notebooks can run at once from threads. Raises papermill's
    PapermillExecutionError when a cell fails."""
    import papermill as pm

    path = Path(notebook).resolve()
    kernel_cwd = Path(cwd).resolve() if cwd is not None else path.parent
    return pm.execute_notebook(
        str(path), None if output_path is None else str(output_path), parameters=dict(parameters or {}),
        kernel_name="python3", progress_bar=False, log_output=False, request_save_on_cell_execute=False,
        resources={"metadata": {"path": str(kernel_cwd)}}, execution_timeout=timeout,
        extra_arguments=list(_KERNEL_ARGS),
        shutdown_kernel="immediate",  # every output has arrived; no need to wait for a graceful exit
    )


def render_report(
    job: ReportJob,
    *,
    tables_dir: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    notebooks_dir: str | os.PathLike[str] = NOTEBOOKS_DIR,
    vega_js: str | None = None,
    timeout: int = 600,
) -> Path | ReportFailure:
    """Execute `job`'s notebook with papermill (kernel started in the
    notebooks folder, `tables` and `html_export=True` injected) and write its
    HTML export; return the path written, or a ReportFailure with the failing
    cell and error (never raises for a notebook error)."""
    from papermill.exceptions import PapermillExecutionError

    nb_dir = Path(notebooks_dir).resolve()
    params = dict(job.parameters, tables=str(Path(tables_dir).resolve()), html_export=True)
    try:
        nb = execute_notebook(nb_dir / job.notebook, parameters=params, cwd=nb_dir, timeout=timeout)
    except PapermillExecutionError as exc:
        return ReportFailure(job, f"{exc.ename}: {exc.evalue}", exc.exec_count)
    except Exception as exc:  # kernel died, notebook missing, timeout...: report, do not stop the others
        return ReportFailure(job, f"{type(exc).__name__}: {exc}")
    try:
        page = export_html(nb, title=job.title, vega_js=vega_js)
        target = Path(out_dir) / job.filename
        _write_atomic(target, page)
    except Exception as exc:
        return ReportFailure(job, f"export failed: {type(exc).__name__}: {exc}")
    return target


_INDEX_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;max-width:1100px;margin:24px auto;padding:0 20px}
h1{font-size:26px;margin-bottom:4px}h2{font-size:19px;margin-top:28px}
a{color:#1f5f99}.cs-muted{color:#666}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f5f5f5}
.cs-badge{display:inline-block;border-radius:9px;padding:1px 8px;font-size:12px;color:#fff;background:#9e9e9e}
.cs-badge.cs-conflict{background:#d62728}.cs-badge.cs-agree{background:#2b8cbe}
.cs-fail{background:#fff4f4;border-left:4px solid #d62728;padding:8px 12px;margin:6px 0;white-space:pre-wrap;font-family:monospace;font-size:13px}
"""


def index_html(
    tables: Mapping[str, pd.DataFrame],
    jobs: Sequence[ReportJob],
    written: Sequence[str],
    failures: Sequence[ReportFailure],
    *,
    min_accounts: int = 2,
) -> str:
    """The landing page: the overview, every incident (most conflicted first,
    status badges; linked when its report was written), the source profiles
    and any failed report with its error. Self-contained, no script."""
    ok = set(written)
    by_key = {(j.kind, j.key): j for j in jobs}
    docs, claims = tables["documents"], tables["claims"]
    pts = charts.incident_points(tables["incidents"], claims)
    n_conf = int((pts["status"] == "conflict").sum()) if not pts.empty else 0

    def link(job: ReportJob | None, text: str) -> str:
        if job is not None and job.filename in ok:
            return f'<a href="{_e(job.filename)}">{_e(text)}</a>'
        return _e(text)

    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>claimscope reports</title>", f"<style>{_INDEX_CSS}</style></head><body>",
        "<h1>claimscope reports</h1>",
        f'<p class="cs-muted">{len(docs)} documents · {len(claims)} claims · {len(pts)} incidents '
        f"({n_conf} in conflict) · {len(ok)} reports</p>",
        f"<p>{link(by_key.get(('overview', '')), 'Corpus overview')}</p>",
    ]
    if failures:
        parts.append(f"<h2>Failed reports ({len(failures)})</h2>")
        parts += [f'<div class="cs-fail">{_e(str(f))}</div>' for f in failures]
    parts.append("<h2>Incidents, most conflicted first</h2>")
    if pts.empty:
        parts.append('<p class="cs-muted">No incidents yet.</p>')
    else:
        parts.append("<table><thead><tr><th>Status</th><th>Incident</th><th>Places</th><th>Independent accounts</th>"
                     "<th>In conflict</th><th>Sources</th></tr></thead><tbody>")
        for r in pts.to_dict("records"):
            job = by_key.get(("incident", r["incident_id"]))
            note = "" if job else f' <span class="cs-muted">(fewer than {min_accounts} accounts: no report)</span>'
            parts.append(
                f"<tr><td>{_badge(r['status'])}</td><td>{link(job, r['label'])}{note}</td>"
                f"<td>{_e(r['places'].replace(';', '; '))}</td><td>{r['n_sources']}</td>"
                f"<td>{_e(r['conflict_facets'].replace(';', ', '))}</td><td>{_e(r['sources'])}</td></tr>")
        parts.append("</tbody></table>")
    profiles = [j for j in jobs if j.kind == "source_profile"]
    parts.append("<h2>Source profiles</h2>")
    if profiles:
        counts = _claim_counts(claims)
        parts.append("<ul>" + "".join(
            f"<li>{link(j, j.key)} <span class=\"cs-muted\">({int(counts.get(j.key, 0))} claims)</span></li>"
            for j in profiles) + "</ul>")
    else:
        parts.append('<p class="cs-muted">No source has enough claims for a profile yet.</p>')
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _check_tables_dir(tables_dir: Path) -> None:
    if not tables_dir.exists():
        raise FileNotFoundError(f"--tables {tables_dir}: no such folder (write it with `claimscope run ... --out`)")
    if not tables_dir.is_dir():
        raise NotADirectoryError(f"--tables {tables_dir}: not a folder")
    missing = [n for n in schema.TABLE_ORDER
               if not (tables_dir / f"{n}.parquet").exists() and not (tables_dir / f"{n}.csv").exists()]
    if missing:
        raise FileNotFoundError(f"--tables {tables_dir}: missing table(s) {', '.join(missing)} "
                                "(expected <name>.parquet or <name>.csv, as written by `claimscope run`)")


_OWN_FILES = re.compile(r"^(overview|incident-[A-Za-z0-9_-]+|source-[A-Za-z0-9_-]+)\.html$")


def build_reports(
    tables_dir: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    jobs: int = 1,
    min_source_claims: int = 3,
    progress: bool = True,
    notebooks_dir: str | os.PathLike[str] = NOTEBOOKS_DIR,
) -> ReportSummary:
    """Render every report for the tables in `tables_dir` into `out_dir`
    (`index.html` plus `reports/*.html`), `jobs` notebooks at a time.

    Raises FileNotFoundError / NotADirectoryError / ValueError for unusable
    arguments before doing any work. A failing notebook becomes a
    ReportFailure in the summary (and on the index page); the others are
    still written. Reports left over from earlier runs in `out_dir/reports`
    that this run did not write are removed, so the folder matches the index.
    """
    from tqdm import tqdm  # plain text bar on stderr (the CLI), also when called from a notebook

    from .tables import read_tables

    t0 = time.perf_counter()
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise ValueError(f"jobs must be a whole number of at least 1, got {jobs!r}")
    if not isinstance(min_source_claims, int) or isinstance(min_source_claims, bool) or min_source_claims < 1:
        raise ValueError(f"min_source_claims must be a whole number of at least 1, got {min_source_claims!r}")
    tdir, odir, ndir = Path(tables_dir), Path(out_dir), Path(notebooks_dir)
    _check_tables_dir(tdir)
    if odir.exists() and not odir.is_dir():
        raise NotADirectoryError(f"--out {odir}: exists and is not a folder")
    if not ndir.is_dir():
        raise FileNotFoundError(f"notebooks folder {ndir} not found")
    tables = read_tables(tdir)
    plan = plan_reports(tables, min_source_claims=min_source_claims)
    missing_nb = sorted({j.notebook for j in plan if not (ndir / j.notebook).is_file()})
    if missing_nb:
        raise FileNotFoundError(f"notebooks folder {ndir}: missing {', '.join(missing_nb)}")
    odir.mkdir(parents=True, exist_ok=True)
    (odir / "reports").mkdir(exist_ok=True)
    js = vega_bundle()

    results: dict[str, Path | ReportFailure] = {}  # by job.filename (unique)
    bar = tqdm(total=len(plan), desc="reports", unit="report", disable=not progress, leave=True)
    try:
        with cf.ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="claimscope-report") as pool:
            futures = {pool.submit(render_report, job, tables_dir=tdir, out_dir=odir, notebooks_dir=ndir, vega_js=js): job
                       for job in plan}
            for fut in cf.as_completed(futures):
                job = futures[fut]
                try:
                    results[job.filename] = fut.result()
                except Exception as exc:  # render_report reports its own errors; this is a last resort
                    results[job.filename] = ReportFailure(job, f"{type(exc).__name__}: {exc}")
                bar.set_postfix_str(job.filename.split("/")[-1][:40], refresh=False)
                bar.update(1)
    finally:
        bar.close()

    written = [j.filename for j in plan if isinstance(results.get(j.filename), Path)]
    failures = tuple(r for j in plan if isinstance(r := results.get(j.filename), ReportFailure))
    keep = {Path(f).name for f in written}
    for old in (odir / "reports").iterdir():
        if _OWN_FILES.match(old.name) and old.name not in keep:
            old.unlink()
    index = odir / "index.html"
    _write_atomic(index, index_html(tables, plan, written, failures))
    return ReportSummary(odir, index, tuple(odir / f for f in written), failures, time.perf_counter() - t0)
