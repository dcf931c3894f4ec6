"""Notebook helpers and the offline HTML reports (`claimscope report`).

Two halves:

- What the notebooks call (they only load, call and chart): `load_tables`,
  `filter_tables`, `incident_tables` / `source_tables` (the tables cut to what
  one page shows), `pick_incident` / `pick_source` / `pick_source_pair`,
  `incident_pages`, and the `*_html` fragments. Every table string that
  reaches HTML goes through `html.escape`; the styling lives in
  `templates/css/`.
- `build_reports`: executes the notebooks with papermill (the overview, one
  `incident` report per incident chosen by `--incidents` — by default those
  worth reading first, see `incidents_worth_reading` —, one `source_profile`
  per source with enough claims) in warm kernels (`claimscope.render`),
  exports each to one self-contained HTML file (code hidden, the Vega
  JavaScript embedded once per page by the `claimscope` nbconvert template, no
  CDN), and writes an `index.html` (`templates/index.html.j2`) listing every
  incident, most conflicted first with verdict badges, its death toll and
  conflicting facets, sorted, filtered and paged in the browser. A failing notebook is reported with its cell error; the others
  still run.
"""

from __future__ import annotations

import functools
import hashlib
import html
import os
import re
import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from . import charts, schema
from .compare import FACETS, pair_verdicts, toll_text
from .cells import column as _col
from .cells import integer as _int_cell
from .cells import number as _num_cell
from .cells import text as _text_cell
from .cells import truth as _truth_cell
from .errors import ReportError
from .knowledge import Knowledge
from .render import (
    TABLE_CACHE_ENV,
    TEMPLATES_DIR,
    ReportFailure,
    ReportJob,
    default_notebooks_dir,
    execute_notebook,
    export_html,
    render_page,
    write_atomic,
)

__all__ = [
    "LoadedTables",
    "ReportJob",
    "ReportFailure",
    "ReportSummary",
    "NOTEBOOKS_DIR",
    "TEMPLATES_DIR",
    "INCIDENT_PAGE_CHOICES",
    "load_tables",
    "filter_tables",
    "incident_tables",
    "source_tables",
    "pick_incident",
    "pick_source",
    "pick_source_pair",
    "incidents_of_source",
    "shared_incidents",
    "incidents_worth_reading",
    "incident_pages",
    "parse_incident_pages",
    "summary_html",
    "incidents_table_html",
    "incident_header_html",
    "comparisons_html",
    "links_html",
    "documents_html",
    "source_profile_names",
    "source_profile_links",
    "page_knowledge",
    "run_knowledge",
    "recorded_packs",
    "user_packs",
    "VERDICT_MEANING",
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

NOTEBOOKS_DIR = default_notebooks_dir()
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_e = html.escape
_T = TypeVar("_T")


@functools.lru_cache(maxsize=None)
def _css(name: str) -> str:
    """`templates/css/<name>` as a <style> element (the styling of the HTML
    fragments and the index lives in those files, not in code)."""
    return f"<style>\n{(TEMPLATES_DIR / 'css' / name).read_text(encoding='utf-8')}</style>"


# ====================================================================== loading
@dataclass(frozen=True)
class LoadedTables:
    """The public tables, a line saying where they came from, and the
    knowledge they were made with (what the pages name things by)."""

    tables: Mapping[str, pd.DataFrame]
    origin: str
    knowledge: Knowledge


def load_tables(
    tables: str | os.PathLike[str] = "../outputs/tables",
    *,
    corpus: str | os.PathLike[str] = "",
    seeds: str | os.PathLike[str] = "../seeds",
    knowledge: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
) -> LoadedTables:
    """The tables a notebook works on, with their knowledge.

    With `corpus`, run the pipeline on it. Otherwise read the folder `tables`
    (written by `claimscope run`); when that folder does not exist yet (a fresh
    clone), run the pipeline on `seeds` so the notebook still works. A folder
    that exists but lacks tables is an error, not silently replaced.

    `knowledge`: knowledge pack folder(s) layered over the built-in knowledge
    (for a pipeline run, and for what the pages say); empty or None means the
    packs the run of `tables` recorded (see `run_knowledge`), for a pipeline
    run the built-in knowledge.

    In the kernels of `claimscope report` (the `CLAIMSCOPE_TABLE_CACHE`
    environment variable set to 1) tables read from a folder are kept in
    memory and the same frames returned again while the folder's files are
    unchanged (same names, sizes and modification times), so a worker reads
    them once for all its pages; those frames are read-only by contract.
    """
    from .tables import read_tables

    if corpus and str(corpus).strip():
        from . import pipeline  # imported only when needed: it pulls in every extraction stage

        path = Path(corpus)
        if not path.exists():
            raise FileNotFoundError(f"corpus {str(corpus)!r}: no such file or folder")
        know = page_knowledge(*_pack_list(knowledge))
        return LoadedTables(_conformed(pipeline.run([path], knowledge=know)),
                            f"pipeline run on corpus {path}{_packs_note(know)}", know)
    tpath = Path(tables)
    if tpath.is_dir():
        if os.environ.get(TABLE_CACHE_ENV) == "1":
            return _cached_tables(tpath, knowledge)
        know = run_knowledge(tpath, knowledge)
        return LoadedTables(read_tables(tpath), f"tables read from {tpath}{_packs_note(know)}", know)
    if tpath.exists():
        raise NotADirectoryError(f"tables {str(tables)!r}: not a folder")
    from . import pipeline

    spath = Path(seeds)
    if not spath.is_dir():
        raise FileNotFoundError(f"no tables at {str(tables)!r} and no seeds folder at {str(seeds)!r}")
    know = page_knowledge(*_pack_list(knowledge))
    return LoadedTables(_conformed(pipeline.run([spath], knowledge=know)),
                        f"no tables at {tpath}: pipeline run on the seeds ({spath}){_packs_note(know)}", know)


@dataclass
class _CacheEntry:
    signature: tuple[Any, ...]
    loaded: LoadedTables
    derived: dict[str, Any] = field(default_factory=dict)
    packs: tuple[Any, ...] = ()  # the pack folders the knowledge was loaded from, with their files' signatures


# Tables kept by `load_tables` in report kernels only (TABLE_CACHE_ENV), by folder,
# with the knowledge they speak with. The one module-level store of knowledge
# the house allows: a report kernel renders many pages of one run and would
# otherwise load the packs per page; it is off outside kernels, keyed by the
# tables folder and the packs' file signatures, and so never serves stale or
# another run's knowledge. Everything else is passed in.
_TABLE_CACHE: dict[str, _CacheEntry] = {}


def _folder_signature(path: Path) -> tuple[Any, ...]:
    """Where `path` leads (the tables folder is a link to the current run)
    and the names, sizes and modification times of what it holds: changes
    when `claimscope run` writes the tables again."""
    out: list[Any] = [os.path.realpath(path)]
    for entry in sorted(os.scandir(path), key=lambda e: e.name):
        st = entry.stat()
        out.append((entry.name, entry.is_dir(), st.st_size, st.st_mtime_ns))
    return tuple(out)


def _cached_tables(tpath: Path, packs: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None) -> LoadedTables:
    """The tables of `tpath` and the knowledge they speak with (`run_knowledge`
    of `packs`), kept for the pages a report kernel renders next: read again
    when the folder's files change, the knowledge loaded again when the pack
    folders asked for (or, none asked, the ones the run recorded) or their
    files change."""
    from .tables import read_tables

    key = f"{tpath}\0{tpath.resolve()}"
    signature = _folder_signature(tpath)
    entry = _TABLE_CACHE.get(key)
    if entry is None or entry.signature != signature:
        if len(_TABLE_CACHE) >= 2:  # a report reads one folder; keep memory bounded all the same
            _TABLE_CACHE.clear()
        know = run_knowledge(tpath, packs)
        entry = _CacheEntry(signature, LoadedTables(read_tables(tpath), f"tables read from {tpath}{_packs_note(know)}",
                                                    know))
        entry.packs = _packs_key(tpath, packs)
        _TABLE_CACHE[key] = entry
        return entry.loaded
    wanted = _packs_key(tpath, packs)
    if wanted != entry.packs:  # the same frames, named by other packs (or by packs that changed)
        know = run_knowledge(tpath, packs)
        entry.loaded = replace(entry.loaded, knowledge=know, origin=f"tables read from {tpath}{_packs_note(know)}")
        entry.packs = wanted
    return entry.loaded


def _packs_key(tpath: Path, packs: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None) -> tuple[Any, ...]:
    """The pack folders the pages of `tpath` speak with (`packs`, else the
    ones the run recorded) and the names, sizes and times of their files."""
    folders = _pack_list(packs) or [r["path"] for r in recorded_packs(tpath)]
    return tuple((os.path.abspath(f), _pack_signature(f)) for f in folders)


def _kept_entry(tables: Mapping[str, pd.DataFrame]) -> _CacheEntry | None:
    for entry in _TABLE_CACHE.values():
        kept = entry.loaded.tables
        if tables.keys() == kept.keys() and all(tables[n] is kept[n] for n in kept):
            return entry
    return None


def _is_kept(tables: Mapping[str, pd.DataFrame]) -> bool:
    return _kept_entry(tables) is not None


def _memo(tables: Mapping[str, pd.DataFrame], key: str, compute: Callable[[], _T]) -> _T:
    """`compute()`, remembered when `tables` are frames `load_tables` keeps
    (report kernels): the same value for every page of a worker. Any other
    tables (a user's, or cut ones) are computed afresh."""
    entry = _kept_entry(tables)
    if entry is None:
        return compute()
    if key not in entry.derived:
        entry.derived[key] = compute()
    return entry.derived[key]


def _points(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """`charts.incident_points` of the tables (most conflicted first).

    For tables cut from kept ones (`incident_tables`, `source_tables` in a
    report kernel) the rows of the kept tables' points: each row depends only
    on its incident and that incident's claims, which a cut keeps whole, and
    the order on per-incident keys, so the rows are the same; only
    `conflict_rank` is counted again within the cut."""
    if isinstance(tables, _CutTables) and _is_kept(tables.parent):
        full = _points(tables.parent)
        sub = full[full["incident_id"].isin(tables.incident_ids)].reset_index(drop=True)
        return sub.assign(conflict_rank=range(len(sub)))
    return _memo(tables, "points", lambda: charts.incident_points(tables["incidents"], tables["claims"]))


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
    independent (non-duplicate) account of, and their facet verdicts counted
    as compare counts them (agreement between independent accounts only)."""
    c = pd.DataFrame({"source": _col(claims, "source"), "incident": _col(claims, "incident_id"),
                      "dup": _col(claims, "duplicate_of")})
    c = c[(c["dup"] == "") & (c["source"] != "") & (c["incident"] != "")]
    by_source = {s: set(g["incident"]) for s, g in c.groupby("source", sort=True)}
    agree, conflict, relayed = pair_verdicts(comparisons)
    rows = []
    names = sorted(by_source)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            shared = by_source[a] & by_source[b]
            if shared:
                rows.append({"source_a": a, "source_b": b, "shared_incidents": len(shared), "agree": agree[(a, b)],
                             "conflict": conflict[(a, b)], "relayed": relayed[(a, b)]})
    return schema.conform(pd.DataFrame(rows), "source_agreement") if rows else schema.empty("source_agreement")


class _CutTables(dict):
    """Tables `_cut` from `parent` to `incident_ids`: a plain dict of frames,
    that also remembers where it was cut from (see `_points`)."""

    parent: Mapping[str, pd.DataFrame]
    incident_ids: frozenset[str]


def _key_col(tables: Mapping[str, pd.DataFrame], table: str, column: str) -> pd.Series:
    return _memo(tables, f"col:{table}:{column}", lambda: _col(tables[table], column))


def _cut(tables: Mapping[str, pd.DataFrame], incident_ids: Sequence[str], source: str | None = None) -> _CutTables:
    """The tables cut to `incident_ids` (every claim of those incidents, plus
    every claim of `source`), rows in their original order."""
    ids = set(incident_ids)
    keep = _key_col(tables, "claims", "incident_id").isin(ids)
    if source is not None:
        keep |= _key_col(tables, "claims", "source") == source
    out = _CutTables(tables)
    out.parent, out.incident_ids = tables, frozenset(ids)
    out["claims"] = tables["claims"][keep]
    cids = set(_col(out["claims"], "claim_id"))
    out["incidents"] = tables["incidents"][_key_col(tables, "incidents", "incident_id").isin(ids)]
    out["casualties"] = tables["casualties"][_key_col(tables, "casualties", "claim_id").isin(cids)]
    out["comparisons"] = tables["comparisons"][_key_col(tables, "comparisons", "incident_id").isin(ids)]
    out["links"] = tables["links"][_key_col(tables, "links", "claim_a").isin(cids)
                                   & _key_col(tables, "links", "claim_b").isin(cids)]
    return out


def incident_tables(tables: Mapping[str, pd.DataFrame], incident_id: str | None) -> dict[str, pd.DataFrame]:
    """The tables cut to one incident: its row, its claims and their
    casualties, its comparisons and links (other tables as they are).

    Every fragment and chart of one incident reads the same from these as from
    the whole tables, only faster: an incident page should not cost more on a
    large corpus than on a small one."""
    return _cut(tables, [incident_id] if incident_id else [])


def source_tables(tables: Mapping[str, pd.DataFrame], source: str | None) -> dict[str, pd.DataFrame]:
    """The tables cut to what one source's profile shows: every claim citing
    it, the incidents it tells of with all their claims (so counts, status and
    order are those of the whole tables), and their casualties, comparisons
    and links; `source_agreement` and the other tables as they are."""
    if not source:
        return _cut(tables, [])
    ids = set(_key_col(tables, "claims", "incident_id")[_key_col(tables, "claims", "source") == source]) - {""}
    return _cut(tables, sorted(ids), source)


# ====================================================================== which incidents get a page
INCIDENT_PAGE_CHOICES = ("default", "all", "contested")


def incidents_worth_reading(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Incidents worth reading first, most conflicted first: those told by at
    least two independent accounts (`incidents.n_sources >= 2`, independence
    as `claimscope.compare` defines it: relayed and pooled voices do not
    count twice) and every contested incident (two accounts conflict, even
    when both come through one outlet).

    The one place that says which incidents these are: `claimscope report`
    gives them their own page by default, and the index and the overview link
    them."""
    pts = _points(tables)
    return list(pts.loc[(pts["n_sources"] >= 2) | (pts["status"] == "contested"), "incident_id"])


def parse_incident_pages(which: str | int | None) -> str | int:
    """`which` as `incident_pages` takes it: "default" ("" and None too),
    "all", "contested", or a whole number N >= 0 (also as text); anything else
    is a ReportError (a ValueError)."""
    if which is None or (isinstance(which, str) and not which.strip()):
        return "default"
    if isinstance(which, bool):
        raise ReportError(f"incidents: expected default, all, contested or a whole number, got {which!r}")
    if isinstance(which, int):
        n = which
    else:
        text = which.strip().lower()
        if text in INCIDENT_PAGE_CHOICES:
            return text
        if not re.fullmatch(r"\d+", text):
            raise ReportError(f"incidents: expected default, all, contested or a whole number, got {which!r}")
        n = int(text)
    if n < 0:
        raise ReportError(f"incidents: expected a whole number of at least 0, got {n}")
    return n


def incident_pages(tables: Mapping[str, pd.DataFrame], which: str | int | None = "default") -> list[str]:
    """The incidents that get their own report page, most conflicted first
    (the index's order: status, number of conflicting facets, independent
    accounts, claims, date):

    - "default" (or ""): `incidents_worth_reading` — at least two independent accounts, and every contested incident;
    - "all": every incident;
    - "contested": incidents whose accounts conflict on at least one facet (status `contested`);
    - N: the first N incidents in that order.
    """
    choice = parse_incident_pages(which)

    def compute() -> list[str]:
        pts = _points(tables)
        if choice == "default":
            return incidents_worth_reading(tables)
        if choice == "all":
            return list(pts["incident_id"])
        if choice == "contested":
            return list(pts.loc[pts["status"] == "contested", "incident_id"])
        return list(pts["incident_id"].head(int(choice)))

    return _memo(tables, f"pages:{choice}", compute)


# ====================================================================== picking
def pick_incident(tables: Mapping[str, pd.DataFrame], incident_id: str = "") -> str | None:
    """`incident_id` when the incidents table has it (ValueError otherwise);
    "" picks the most conflicted incident; None when there are no incidents."""
    ids = _memo(tables, "incident_ids", lambda: set(_col(tables["incidents"], "incident_id")))
    wanted = (incident_id or "").strip()
    if wanted:
        if wanted not in ids:
            raise ValueError(f"incident_id {wanted!r} is not in the incidents table ({len(ids)} incidents)")
        return wanted
    if not ids:
        return None
    return str(_points(tables)["incident_id"].iloc[0])


def _claim_counts(claims: pd.DataFrame) -> pd.Series:
    src = _col(claims, "source")
    return src[src != ""].value_counts().sort_index(kind="stable").sort_values(ascending=False, kind="stable")


def pick_source(tables: Mapping[str, pd.DataFrame], source: str = "") -> str | None:
    """`source` when some claim cites it (ValueError otherwise); "" picks the
    attributed source (not an outlet's own voice) with most claims; None when
    there are no claims."""
    claims = tables["claims"]
    wanted = (source or "").strip()
    counts = _memo(tables, "claim_counts", lambda: _claim_counts(claims))
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
                          "shared": [_int_cell(v) or 0 for v in sa["shared_incidents"]],
                          "compared": [(_int_cell(x) or 0) + (_int_cell(y) or 0) for x, y in zip(sa["agree"], sa["conflict"])]})
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
    ids = set(_key_col(tables, "claims", "incident_id")[_key_col(tables, "claims", "source") == source]) - {""}
    ranked = _points(tables)
    return [i for i in ranked["incident_id"] if i in ids]


def shared_incidents(tables: Mapping[str, pd.DataFrame], source_a: str, source_b: str) -> list[str]:
    """Incidents both sources give an account of, most conflicted first."""
    a = set(incidents_of_source(tables, source_a))
    return [i for i in incidents_of_source(tables, source_b) if i in a]


# ====================================================================== HTML fragments


def message_html(text: str) -> str:
    """A short notice (e.g. 'No incidents yet.'), escaped."""
    return f'{_css("fragments.css")}<div class="cs-box cs-note">{_e(text)}</div>'


_BADGE_CLASS = {"contested": "cs-conflict", "conflict": "cs-conflict", "corroborated": "cs-agree", "agree": "cs-agree",
                "uncorroborated": "cs-uncorroborated", "relay": "cs-relay"}
# what each verdict means, in the words of the incident pages and the index (templates/index.html.j2)
VERDICT_MEANING = {
    "contested": "two accounts conflict on some facet",
    "corroborated": "independent accounts agree on a casualty figure, the perpetrator, responsibility or the cause, "
                    "and nothing conflicts",
    "uncorroborated": "several independent accounts, but nothing of substance compared and found to agree",
    "single_source": "fewer than two independent accounts (an outlet repeating a source it quotes, vague "
                     "'other sources', or two voices of one state do not count twice)",
}


def _badge(status: str) -> str:
    label = charts.STATUS_LABELS.get(status, status or "unknown")
    cls = _BADGE_CLASS.get(status, "")
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
        ("documents" + (f" ({n_dup} {'copy' if n_dup == 1 else 'copies'})" if n_dup else ""), len(docs)),
        ("claims", len(tables["claims"])),
        ("incidents", len(inc)),
        ("contested", int(status.get("contested", 0))),
        ("corroborated", int(status.get("corroborated", 0))),
        ("uncorroborated", int(status.get("uncorroborated", 0))),
        ("single source", int(status.get("single_source", 0))),
        ("sources", int(_col(tables["claims"], "source").replace("", pd.NA).nunique())),
        ("problems", len(tables["problems"])),
    ]
    parts = [_css("fragments.css"), charts.TABLE_CSS, '<div class="cs-box">', _stats(items)]
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
    linked: Sequence[str] | None = None,
    max_rows: int = 30,
) -> str:
    """Incidents, most conflicted first, with status badges, places, accounts
    and conflicting facets; the deaths are the incident's, across all its
    accounts (on a source's profile, not that source's figure). With `link`,
    incidents that have their own report
    page link to it (hrefs relative to the reports folder): those in `linked`
    (`incident_pages(...)` of the report), by default `incidents_worth_reading`."""
    pts = _points(tables)
    if incident_ids is not None:
        pts = pts[pts["incident_id"].isin(list(incident_ids))]
    if pts.empty:
        return message_html("No incidents yet.")
    more = len(pts) - max_rows
    pts = pts.head(max_rows)
    pages = set(incidents_worth_reading(tables) if linked is None else linked) if link else set()
    rows = []
    for r in pts.to_dict("records"):
        label = _e(r["label"])
        if r["incident_id"] in pages:
            href = report_filename("incident", r["incident_id"]).split("/", 1)[1]
            label = f'<a href="{_e(href)}">{label}</a>'
        rows.append(
            f"<tr><td>{_badge(r['status'])}</td><td>{label}<br><span class=\"cs-muted\">{_e(r['incident_id'])}</span></td>"
            f"<td>{_e(r['toll'])}</td><td>{_e(r['places'].replace(';', '; '))}</td><td>{r['n_sources']}</td>"
            f"<td>{r['n_claims']}</td><td>{_e(r['conflict_facets'].replace(';', ', '))}</td></tr>")
    tail = f'<p class="cs-muted">… and {more} more.</p>' if more > 0 else ""
    return (f'{charts.TABLE_CSS}<table class="cs-table"><thead><tr><th>Verdict</th><th>Incident</th><th>Deaths (all accounts)</th>'
            f"<th>Places</th><th>Independent accounts</th><th>Claims</th><th>In conflict</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>{tail}")


def incident_header_html(tables: Mapping[str, pd.DataFrame], incident_id: str | None, *,
                         profiles: Mapping[str, str] | None = None, knowledge: Knowledge) -> str:
    """Title block of one incident, read like an event-data row: the neutral
    title, the verdict and what it means, date and place with their
    precision, who did it to whom by the accounts' consensus, the deaths as
    ranges (total, civilians, combatants), counts, and the independent
    sources (linked to their profiles when `profiles` maps a name to a page;
    default `source_profile_links`). `knowledge`, the run's (the pages get
    it from `load_tables`), names the event type as the run named it."""
    if not incident_id:
        return message_html("No incidents yet: nothing to show.")
    pts = _points(tables)
    row = pts[pts["incident_id"] == incident_id]
    if row.empty:
        return message_html(f"No incident {incident_id}.")
    r = row.iloc[0]
    dates = r["date_start"] or "date unknown"
    if r["date_end"] and r["date_end"] != r["date_start"]:
        dates += f" to {r['date_end']}"
    inc = tables["incidents"]
    own = inc[_col(inc, "incident_id") == incident_id]

    def field_(name: str) -> str:
        return str(_col(own, name).iloc[0]) if len(own) and name in own.columns else ""

    if field_("date_precision") and field_("date_precision") != "day":
        dates += f" ({field_('date_precision')})"
    where = r["places"].replace(";", "; ") or "place unknown"
    precision = field_("place_precision")
    if precision and r["places"]:   # how precisely the places are known, said of the places, not the governorate
        where += f" (precise to the {_PRECISION_WORDS.get(precision, precision.replace('_', ' '))})"
    if r["governorate"]:
        where += f" · {r['governorate']} governorate"
    conflicts = [f for f in r["conflict_facets"].split(";") if f]
    facts: list[tuple[str, str]] = []
    if conflicts:
        facts.append(("Accounts conflict on", ", ".join(conflicts)))
        voices = _conflicting_voices(tables, incident_id)
        if voices:
            facts.append(("Voices in conflict", "; ".join(voices)))
    if r["agree_facets"]:   # a facet some accounts agree on while others conflict on it says so
        facts.append(("Independent accounts agree on", ", ".join(
            f + (" (some of them; others conflict)" if f in conflicts else "")
            for f in r["agree_facets"].split(";") if f)))
    for label, name in (("Perpetrator", "perpetrator"), ("Target", "target")):
        if r[name]:
            value = r[name].replace(";", "; ")
            if name == "perpetrator" and value != "contested":   # one account's name for it, not a finding
                if "perpetrator" in conflicts:
                    value += " (contested: see the accounts below)"
                elif "responsibility" in conflicts:
                    value += " (who started it is contested)"
            facts.append((label, value))
    toll = r["toll"] or toll_text(r["casualties_low"], r["casualties_high"])
    if not r["toll"]:   # tables without `toll`: the split from the low/high columns
        split = "; ".join(f"{k} {v}" for k in ("civilians", "combatants")
                          if (v := toll_text(r[f"{k}_low"], r[f"{k}_high"])))
        toll += f" ({split})" if toll and split else ""
    if toll:
        best = r["casualties_best"]
        facts.append(("Deaths", toll + (f" · best estimate {best} (the median of the accounts' figures)"
                                        if best is not None and str(best) != toll.split(" ")[0] else "")))
    facts_html = "".join(f"<p><b>{_e(k)}:</b> {_e(v)}</p>" for k, v in facts)
    know = knowledge
    links = source_profile_links(tables, knowledge=know) if profiles is None else profiles
    srcs = [x.strip() for x in re.split(r"[;,]", field_("sources") or r["sources"]) if x.strip()]
    src_html = ", ".join(_source_link(x, links) for x in srcs) or "none"
    meaning = VERDICT_MEANING.get(r["status"], "")
    return (
        f'{_css("fragments.css")}{charts.TABLE_CSS}<div class="cs-box"><h2>{_e(r["label"])} {_badge(r["status"])}</h2>'
        + (f'<p class="cs-muted">{_e(charts.STATUS_LABELS.get(r["status"], r["status"]))}: {_e(meaning)}.</p>'
           if meaning else "")
        + f'<p>{_e(dates)} · {_e(where)} · {_e(charts.event_words(r["event_type"], knowledge=know) or "event type unknown")}</p>'
        + facts_html
        + _stats([(_plural(r["n_sources"], "independent account"), r["n_sources"]),
                  (_plural(r["n_claims"], "claim"), r["n_claims"]), (_plural(r["n_docs"], "document"), r["n_docs"])])
        + f'<p>Independent sources: {src_html}</p><p class="cs-muted">id {_e(incident_id)}</p></div>'
    )


_PRECISION_WORDS = {"town": "town", "near_town": "vicinity of a town", "district": "district",
                    "governorate": "governorate only", "region": "region only", "country": "country only"}


def _plural(n: Any, noun: str) -> str:
    return noun if _int_cell(n) == 1 else noun + "s"


def _conflicting_voices(tables: Mapping[str, pd.DataFrame], incident_id: str) -> list[str]:
    """Per facet in conflict on the incident, the pairs of sources in
    conflict: 'casualties: A vs B, A vs C' (each pair once, at most six); a
    pair that is not two independent accounts says how they relate ('A vs B
    (relay)'), as the comparisons table below does."""
    comp = tables["comparisons"]
    c = comp[(_col(comp, "incident_id") == incident_id) & (_col(comp, "verdict") == "conflict")]
    pairs: dict[str, list[str]] = {}
    seen_pairs: dict[str, set[frozenset[str]]] = {}
    for facet, a, b, rel in zip(_col(c, "facet"), _col(c, "source_a"), _col(c, "source_b"), _col(c, "relation")):
        seen = pairs.setdefault(facet, [])
        if frozenset((a, b)) not in seen_pairs.setdefault(facet, set()):
            seen_pairs[facet].add(frozenset((a, b)))
            seen.append(f"{a} vs {b}" + (f" ({rel})" if rel and rel != "independent" else ""))
    return [f"{facet}: " + ", ".join(p[:6]) + (f" and {len(p) - 6} more pairs" if len(p) > 6 else "")
            for facet, p in sorted(pairs.items(), key=lambda kv: _FACET_ORDER.get(kv[0], len(_FACET_ORDER)))]


def _source_link(name: str, links: Mapping[str, str]) -> str:
    href = links.get(name)
    return f'<a href="{_e(href)}">{_e(name)}</a>' if href else _e(name)


def comparisons_html(
    tables: Mapping[str, pd.DataFrame],
    *,
    incident_id: str | None = None,
    sources: tuple[str, str] | None = None,
    max_rows: int = 200,
) -> str:
    """Facet-by-facet verdicts (conflict, partial, agree; substance before
    date and place) for one incident and/or between two sources: each side
    with what it says on that facet (its own words beside the normalized
    value) and the sentence it says it in, how the two accounts relate and
    compare's reason. Pairs of claims with the same verdict, sources,
    relation and reason show once, with how many pairs they stand for."""
    comp = tables["comparisons"]
    c = pd.DataFrame({k: _col(comp, k) for k in ("incident_id", "facet", "claim_a", "claim_b", "source_a", "source_b",
                                                 "verdict", "detail", "relation")})
    if incident_id is not None:
        c = c[c["incident_id"] == incident_id]
    if sources is not None:
        a, b = sources
        c = c[((c["source_a"] == a) & (c["source_b"] == b)) | ((c["source_a"] == b) & (c["source_b"] == a))]
    if c.empty:
        return message_html("No facet comparisons: no two sources give comparable accounts here.")
    c = c.assign(relation=c["relation"].replace("", "independent"))
    c = c.assign(_o=c["verdict"].map(lambda v: _VERDICT_ORDER.get(v, 3)),
                 _f=c["facet"].map(lambda f: _FACET_ORDER.get(f, len(_FACET_ORDER))),
                 _r=(c["relation"] != "independent").astype(int),
                 _pair=[" \0 ".join(sorted((x, y))) for x, y in zip(c["source_a"], c["source_b"])])
    c = c.sort_values(["_o", "_f", "_r", "incident_id", "_pair", "detail", "claim_a", "claim_b"], kind="stable")
    # one row per (incident, verdict, facet, pair of sources, relation, reason): the same finding
    # read from several pairs of sentences (a lede and its body, two figures of one source) shows once
    keys = ["incident_id", "verdict", "facet", "_pair", "relation", "detail"]
    n_pairs = c.groupby(keys, sort=False)["claim_a"].transform("size")
    c = c.assign(_n=n_pairs).drop_duplicates(keys, keep="first")
    more = len(c) - max_rows
    c = c.head(max_rows)
    labels: dict[str, str] = {}
    if incident_id is None:
        pts = _points(tables)
        labels = dict(zip(pts["incident_id"], pts["label"]))
    said = _claims_said(tables, set(c["claim_a"]) | set(c["claim_b"]))
    rows = []
    for r in c.to_dict("records"):
        badge = {"conflict": _badge("conflict"), "agree": _badge("agree")}.get(
            r["verdict"], f'<span class="cs-badge">{_e(r["verdict"])}</span>')
        rel = r["relation"]
        note = _RELATION_NOTE.get(rel, "")
        if note and r["verdict"] == "agree":
            note += ": their agreement is not corroboration"
        rel_html = ("independent" if rel == "independent" else
                    f'<span class="cs-badge cs-relay">{_e(rel)}</span><br><span class="cs-muted">{_e(note)}</span>')
        inc_cell = "" if incident_id is not None else f"<td>{_e(labels.get(r['incident_id'], r['incident_id']))}</td>"
        why = _e(_detail_words(r["facet"], r["detail"])) + (f'<br><span class="cs-muted">found in {r["_n"]} pairs of sentences</span>'
                                 if r["_n"] > 1 else "")
        rows.append(f"<tr><td>{badge}</td>{inc_cell}<td>{_e(r['facet'])}</td>"
                    f"<td>{_account_html(r['source_a'], said.get(r['claim_a']), r['facet'])}</td>"
                    f"<td>{_account_html(r['source_b'], said.get(r['claim_b']), r['facet'])}</td>"
                    f"<td>{rel_html}</td><td>{why}</td></tr>")
    inc_head = "" if incident_id is not None else "<th>Incident</th>"
    tail = f'<p class="cs-muted">… and {more} more.</p>' if more > 0 else ""
    if (c["verdict"] == "partial").any():
        tail += ('<p class="cs-muted"><b>partial</b>: both can be right, yet they do not say the same (a part and '
                 "its whole, two lower bounds, a day or a few km apart, a side unknown): neither agreement nor "
                 "conflict, and never counted as either.</p>")
    return (f'{_css("fragments.css")}{charts.TABLE_CSS}<table class="cs-table"><thead><tr><th>Verdict</th>{inc_head}'
            f"<th>Facet</th><th>One account</th><th>The other account</th><th>How they relate</th><th>Why</th></tr>"
            f"</thead><tbody>{''.join(rows)}</tbody></table>{tail}")


def _detail_words(facet: str, detail: str) -> str:
    """compare's reason in the pages' words: the side codes an actor
    verdict gives in brackets ('Syrian Arab Army (syrian_government) vs
    Russian Aerospace Forces (russia)') as sides ('(side: Syrian government)')."""
    if facet not in ("perpetrator", "responsibility", "target"):
        return detail
    return _SIDE_CODE.sub(lambda m: f"(side: {charts.side_words(m.group(1)) or 'unknown'})", detail)


_SIDE_CODE = re.compile(r"\(([a-z][a-z_]*)\)")
_VERDICT_ORDER = {"conflict": 0, "partial": 1, "agree": 2}
# substance first: what the verdicts of incidents rest on, then when and where
_FACET_ORDER = {f: i for i, f in enumerate(FACETS)}
_RELATION_NOTE = {"relay": "an outlet and a source it relays, or two outlets relaying one source",
                  "pooled": "two vague voices ('other sources', 'local sources')",
                  "aligned": "two voices of one state"}
_QUOTE_CHARS = 260


def _claims_said(tables: Mapping[str, pd.DataFrame], claim_ids: set[str]) -> dict[str, dict[str, Any]]:
    """For each claim in `claim_ids`: its outlet, sentence, negation and what it
    says on each facet, as (normalized value, the words of the sentence) pairs;
    casualty figures from the casualties table, each with its raw phrase."""
    claims = tables["claims"]
    mine = claims[_col(claims, "claim_id").isin(claim_ids)]
    cols = ("claim_id", "outlet", "sentence", "negated", "perpetrator", "perpetrator_raw", "cause", "cause_raw",
            "event_date", "date_raw", "places", "places_raw")
    recs = pd.DataFrame({k: (_col(mine, k) if k != "negated" else
                             pd.Series([_truth_cell(v) for v in mine["negated"]] if "negated" in mine.columns
                                       else [False] * len(mine), index=mine.index, dtype="object"))
                         for k in cols}).to_dict("records")
    cas = tables["casualties"]
    cas = cas[_col(cas, "claim_id").isin(claim_ids)]
    figures: dict[str, list[tuple[str, str]]] = {}
    for cid, lo, hi, victims, outcome, raw in zip(_col(cas, "claim_id"), cas["min"], cas["max"], _col(cas, "victims"),
                                                   _col(cas, "outcome"), _col(cas, "raw")):
        what = " ".join(x for x in (victims, outcome.replace("_", " ")) if x)
        figures.setdefault(cid, []).append((f"{charts.format_range(lo, hi)} {what}".strip(), raw))
    out: dict[str, dict[str, Any]] = {}
    for r in recs:
        out[r["claim_id"]] = {
            "outlet": r["outlet"], "sentence": r["sentence"], "negated": bool(r["negated"]),
            "casualties": figures.get(r["claim_id"], []),
            "perpetrator": [(r["perpetrator"], r["perpetrator_raw"])] if r["perpetrator"] else [],
            "cause": [(r["cause"].replace("_", " "), r["cause_raw"])] if r["cause"] else [],
            "date": [(r["event_date"], r["date_raw"])] if r["event_date"] else [],
            "place": [(r["places"].replace(";", "; "), r["places_raw"].replace(";", "; "))] if r["places"] else [],
        }
        out[r["claim_id"]]["responsibility"] = out[r["claim_id"]]["perpetrator"]
    return out


def _account_html(source: str, said: Mapping[str, Any] | None, facet: str) -> str:
    """One side of a comparison: the source (and the outlet it speaks in),
    what it says on `facet` — the value and, in quotes, its own words — and
    the sentence, cut to `_QUOTE_CHARS`. Every text escaped."""
    head = f"<b>{_e(source or '(unknown source)')}</b>"
    if said is None:
        return head
    if said["outlet"] and said["outlet"] != source:
        head += f' <span class="cs-muted">in {_e(said["outlet"])}</span>'
    values = []
    for value, raw in said.get(facet, []):
        words = f" <span class=\"cs-muted\">(“{_e(raw)}”)</span>" if raw and raw.casefold() != value.casefold() else ""
        values.append(f"{_e(value)}{words}")
    if said["negated"] and facet in ("perpetrator", "responsibility"):
        values.insert(0, '<span class="cs-badge cs-neg">denial</span>')
    value_html = "<br>" + "; ".join(values) if values else ""
    quote = _e(charts._truncate(said["sentence"], _QUOTE_CHARS))
    return f'{head}{value_html}<br><q class="cs-quote">{quote}</q>'


def documents_html(tables: Mapping[str, pd.DataFrame], incident_id: str | None, *, max_chars: int = 1500) -> str:
    """The way back to the articles: one section per document telling the
    incident (anchored `charts.doc_anchor(doc_id)`, which the accounts table
    links to), with its title, outlet, publication date, doc id, URL (http
    and https only), whether the incident is the report's main one
    (`documents.main_incident_id`, when present) and each paragraph holding one of the incident's
    sentences, those sentences highlighted. Every text is escaped; a very
    long paragraph is cut around its sentences."""
    if not incident_id:
        return message_html("No incident.")
    claims = tables["claims"]
    mine = claims[_col(claims, "incident_id") == incident_id]
    if mine.empty:
        return message_html("No claims of this incident.")
    spans: dict[str, list[tuple[int, int]]] = {}
    for d, a, b in zip(_col(mine, "doc_id"), mine["start"], mine["end"]):
        lo, hi = _int_cell(a), _int_cell(b)
        if lo is not None and hi is not None and hi > lo:
            spans.setdefault(d, []).append((lo, hi))
    docs = tables["documents"]
    docs = docs[_col(docs, "doc_id").isin(list(spans))]
    order = sorted(zip(_col(docs, "published"), _col(docs, "doc_id"), range(len(docs))))
    parts = [_css("fragments.css")]
    parent = tables.parent if isinstance(tables, _CutTables) else tables
    titles = dict(zip(_col(parent["incidents"], "incident_id"), _col(parent["incidents"], "title")))
    for _, doc_id, k in order:
        d = docs.iloc[k]

        def get(name: str, d: pd.Series = d) -> str:
            return _text_cell(d[name]) if name in docs.columns else ""

        text = get("text")
        url = get("url")
        url_html = (f'<a href="{_e(url)}" rel="noopener noreferrer">{_e(url)}</a>'
                    if re.match(r"https?://[^\s<>\"']+$", url) else _e(url))
        meta = " · ".join(x for x in (get("outlet") or "(unknown outlet)", get("published") or "date unknown",
                                      f"doc {doc_id}") if x)
        copy = f' · copy of <a href="#{_e(charts.doc_anchor(get("duplicate_of")))}">{_e(get("duplicate_of"))}</a>' \
            if get("duplicate_of") else ""
        main = get("main_incident_id")   # from alignment, when the tables have it
        if main == incident_id:
            copy += " · this incident is the report's main one"
        elif main:
            copy += f" · the report is mainly about another incident: {_e(titles.get(main, main))}"
        paras = []
        for p_lo, p_hi in _paragraphs(text, sorted(spans[doc_id])):
            marks = [(a, b) for a, b in spans[doc_id] if p_lo <= a and b <= p_hi]
            lo, hi = p_lo, p_hi
            if hi - lo > max_chars and marks:   # cut around the sentences
                lo = max(p_lo, marks[0][0] - max_chars // 3)
                hi = min(p_hi, max(marks[-1][1], lo + max_chars))
            out, pos = [], lo
            for a, b in marks:
                if a < pos or b > hi:
                    continue
                out.append(_e(text[pos:a]) + "<mark>" + _e(text[a:b]) + "</mark>")
                pos = b
            out.append(_e(text[pos:hi]))
            paras.append(("… " if lo > p_lo else "") + "".join(out) + (" …" if hi < p_hi else ""))
        parts.append(
            f'<div class="cs-box cs-doc" id="{_e(charts.doc_anchor(doc_id))}"><h3>{_e(get("title") or doc_id)}</h3>'
            f'<p class="cs-muted">{_e(meta)}{copy}</p>' + (f"<p>{url_html}</p>" if url else "")
            + "".join(f'<blockquote class="cs-para">{p}</blockquote>' for p in paras) + "</div>")
    return "".join(parts)


def _paragraphs(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) of each line of `text` (a paragraph, as the sentence
    splitter numbers them) holding one of `spans`, in order, once each."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if a > len(text):
            continue
        lo = text.rfind("\n", 0, a) + 1
        hi = text.find("\n", b)
        hi = len(text) if hi < 0 else hi
        if not out or out[-1] != (lo, hi):
            if (lo, hi) not in out:
                out.append((lo, hi))
    return out


def links_html(tables: Mapping[str, pd.DataFrame], incident_id: str | None, *, max_rows: int = 100,
               knowledge: Knowledge) -> str:
    """Why the claims of an incident were grouped: each link's score and
    reasons, event types in words (`knowledge`: the run's), with a note on
    how to read the score and the weights."""
    if not incident_id:
        return message_html("No incident.")
    claims = tables["claims"]
    mine = claims[_col(claims, "incident_id") == incident_id]
    src = dict(zip(_col(mine, "claim_id"), _col(mine, "source")))
    links = tables["links"]
    lk = pd.DataFrame({"a": _col(links, "claim_a"), "b": _col(links, "claim_b"),
                       "score": [_num_cell(v) for v in links["score"]], "reasons": _col(links, "reasons"),
                       "kind": _col(links, "kind").str.replace("_", " ")})  # `kind`: extra column from align
    lk = lk[lk["a"].isin(src) & lk["b"].isin(src)]
    if lk.empty:
        return message_html("No links recorded between these claims.")
    lk = lk.sort_values(["score", "a", "b"], ascending=[False, True, True], kind="stable").head(max_rows)
    know = knowledge

    def words(reasons: str) -> str:   # 'both chemical_attack' -> 'both chemical attack'
        return _CODE.sub(lambda m: charts.event_words(m.group(0), knowledge=know), reasons)

    rows = "".join(
        f"<tr><td>{_e(src[r['a']])}<br><span class=\"cs-muted\">{_e(r['a'])}</span></td>"
        f"<td>{_e(src[r['b']])}<br><span class=\"cs-muted\">{_e(r['b'])}</span></td>"
        f"<td>{_score(r['score'])}</td><td>{_e(r['kind'])}</td><td>{_e(words(r['reasons']))}</td></tr>"
        for r in lk.to_dict("records"))
    note = ('<p class="cs-muted">Score 0–100: how sure the link is. Within a document the reasons are the cues '
            "that join the two sentences; across documents each reason carries its weight of evidence in bits "
            "(+ for the same incident, − against; 0: seen, not weighed), and the score is the match probability "
            "they come to.</p>") if (lk["kind"] == "cross document").any() else ""
    return (f'{charts.TABLE_CSS}{note}<table class="cs-table"><thead><tr><th>Claim</th><th>linked to</th><th>Score</th>'
            f"<th>Link</th><th>Reasons</th></tr></thead><tbody>{rows}</tbody></table>")


_CODE = re.compile(r"(?<![\w-])[a-z]+(?:_[a-z]+)+(?![\w-])")   # a code of the tables ('chemical_attack')


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
    kinds = charts.source_kind_words(_col(mine, "source_type").mode().iloc[0], _col(mine, "source_side").mode().iloc[0])
    outlet = _col(mine, "outlet")
    # its own reports (an outlet in its own voice, or naming itself) and unknown outlets cite nobody
    own, unknown = int((outlet == source).sum()), int((outlet == "").sum())
    outlets = outlet[(outlet != source) & (outlet != "")].value_counts().sort_index(kind="stable").sort_values(
        ascending=False, kind="stable")
    n_inc = len(set(_col(mine, "incident_id")) - {""})
    hedged = sum(_truth_cell(v) for v in mine["hedged"])
    negated = sum(_truth_cell(v) for v in mine["negated"])
    raws = [r for r in _col(mine, "source_raw").value_counts().index if r and r != source][:6]
    where = ([f"<b>In its own reports:</b> {own} {'claim' if own == 1 else 'claims'}"] if own else []) + (
        ["<b>Cited by:</b> " + ", ".join(f"{_e(o)} ({n})" for o, n in outlets.items())] if len(outlets) else []) + (
        [f"<b>Outlet unknown:</b> {unknown} {'claim' if unknown == 1 else 'claims'}"] if unknown else [])
    return (
        f'{_css("fragments.css")}<div class="cs-box"><h2>{_e(source)}</h2><p class="cs-muted">{_e(kinds)}</p>'
        + _stats([("claims", len(mine)), ("incidents", n_inc), (_plural(len(outlets), "other outlet") + " citing it", len(outlets)),
                  ("hedged", hedged), ("denials", negated)])
        + "".join(f"<p>{w}</p>" for w in where)
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
    pair = ((ca == a) & (cb == b)) | ((ca == b) & (cb == a))
    rel = _col(comp, "relation").replace("", "independent")
    between = v[pair].value_counts()
    between_ind = v[pair & (rel == "independent")].value_counts()
    relayed = int((pair & (rel == "relay")).sum())
    return (
        f'{_css("fragments.css")}<div class="cs-box"><h2>{_e(a)} <span class="cs-muted">vs</span> {_e(b)}</h2>'
        + _stats([("shared incidents", len(shared)), ("agree (independent)", int(between_ind.get("agree", 0))),
                  ("conflict", int(between.get("conflict", 0))), ("partial", int(between.get("partial", 0))),
                  ("relayed", relayed)])
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


def plan_reports(tables: Mapping[str, pd.DataFrame], *, incidents: str | int = "default",
                 min_source_claims: int = 3, knowledge: Knowledge) -> tuple[ReportJob, ...]:
    """The reports to write: the overview, one per incident chosen by
    `incidents` (see `incident_pages`; most conflicted first), one per source
    with at least `min_source_claims` claims (most claims first; pooled
    voices as `knowledge`, the run's, says). The overview
    and source profiles get `incident_pages` so they link exactly the
    incident pages written; every page gets the user packs of `knowledge`
    (parameter `knowledge`), so it names things as the run did."""
    choice = parse_incident_pages(incidents)
    packs = {"knowledge": user_packs(knowledge)} if user_packs(knowledge) else {}
    pages = {"incident_pages": str(choice), **packs}
    jobs = [replace(report_job("overview"), parameters=pages)]
    wanted = set(incident_pages(tables, choice))
    pts = _points(tables)
    for r in pts[pts["incident_id"].isin(wanted)].to_dict("records"):
        job = report_job("incident", r["incident_id"], title=f"Incident: {r['label']}")
        jobs.append(replace(job, parameters={**job.parameters, **packs}))
    for src in source_profile_names(tables, min_source_claims=min_source_claims, knowledge=knowledge):
        job = report_job("source_profile", src)
        jobs.append(replace(job, parameters={**job.parameters, **pages}))
    names = [j.filename for j in jobs]
    if len(names) != len(set(names)):  # cannot happen with safe_name's hashes; guard anyway
        raise ValueError("two reports would share a file name")
    return tuple(jobs)


def page_knowledge(*packs: str | os.PathLike[str]) -> Knowledge:
    """The built-in knowledge with the pack folders `packs` layered over it
    (none: the built-in knowledge alone), for what the pages say in words
    (event types), which sources are pooled voices, which facets
    corroborate, the map outline. Pages are given the knowledge their run
    used (`LoadedTables.knowledge`, `run_knowledge`); nothing here keeps a
    copy of it. Raises `claimscope.KnowledgeError` for a pack that cannot be
    used."""
    from .knowledge import load_knowledge

    return load_knowledge(*packs)


def _pack_signature(folder: str) -> tuple[Any, ...]:
    try:
        return tuple((e.name, e.stat().st_size, e.stat().st_mtime_ns)
                     for e in sorted(os.scandir(folder), key=lambda e: e.name))
    except OSError:
        return ()   # load_knowledge says what is wrong with it


def _pack_list(packs: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None) -> list[str]:
    """`packs` as a list of folders: a sequence of paths, one path (a text
    may join several with `os.pathsep`, like PATH: a notebook parameter), or
    none ("" or None)."""
    if packs is None:
        return []
    if isinstance(packs, os.PathLike):
        return [os.fspath(packs)]
    if isinstance(packs, str):
        return [p for p in packs.split(os.pathsep) if p.strip()]
    out = [os.fspath(p) for p in packs]
    if not all(isinstance(p, str) and p.strip() for p in out):
        raise ReportError(f"knowledge: expected knowledge pack folders, got {list(packs)!r}")
    return out


def recorded_packs(tables_dir: str | os.PathLike[str]) -> list[dict[str, str]]:
    """The user knowledge packs the run of `tables_dir` recorded in its
    manifest (`claimscope run --knowledge`), in layering order: each a
    {"path", "digest"} (see `claimscope.knowledge.pack_digest`); [] for a run
    on the built-in knowledge, or tables written without that record."""
    from .tables import read_manifest

    recorded = (read_manifest(tables_dir).get("run") or {}).get("knowledge") or []
    if not isinstance(recorded, list) or not all(
            isinstance(r, dict) and isinstance(r.get("path"), str) and isinstance(r.get("digest"), str)
            for r in recorded):
        raise ReportError(f"{tables_dir}: manifest.json: the knowledge packs of the run are not readable")
    return [{"path": r["path"], "digest": r["digest"]} for r in recorded]


def run_knowledge(tables_dir: str | os.PathLike[str],
                  packs: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None) -> Knowledge:
    """The knowledge the pages of the tables in `tables_dir` speak with.

    `packs` given (one folder or several): the built-in knowledge with those
    layered over it, as the analyst says. Otherwise the packs the run
    recorded (`recorded_packs`), checked to be there and unchanged since the
    run — a pack that moved or changed is a ReportError saying so (give
    `--knowledge` to use the packs as they are now) — else the built-in
    knowledge."""
    given = _pack_list(packs)
    if given:
        return page_knowledge(*given)
    from .knowledge import pack_digest

    folders = []
    for r in recorded_packs(tables_dir):
        path = r["path"]
        if not Path(path).is_dir():
            raise ReportError(f"the tables in {tables_dir} were made with the knowledge pack {path}, which is not "
                              "there any more: give its folder with --knowledge DIR")
        if pack_digest(path) != r["digest"]:
            raise ReportError(f"the knowledge pack {path} changed since the tables in {tables_dir} were made: rerun "
                              "claimscope run, or give --knowledge DIR to name things by the pack as it is now")
        folders.append(path)
    return page_knowledge(*folders)


def _packs_note(knowledge: Knowledge) -> str:
    packs = user_packs(knowledge)
    return f"; with the knowledge pack{'s' if len(packs) > 1 else ''} {', '.join(packs)}" if packs else ""


def user_packs(knowledge: Knowledge) -> list[str]:
    """The user pack folders of `knowledge` (those layered over the built-in packs)."""
    from .knowledge import BUILTIN_PACKS

    return list(knowledge.packs[len(BUILTIN_PACKS):])


def _pooled_rule(knowledge: Knowledge) -> Callable[[str, str], bool]:
    from .compare import is_pooled

    return lambda name, kind: is_pooled(name, kind, knowledge=knowledge)


def _know_key(knowledge: Knowledge) -> str:
    return "\0".join(knowledge.packs)


def source_profile_names(tables: Mapping[str, pd.DataFrame], *, min_source_claims: int = 3,
                         knowledge: Knowledge) -> list[str]:
    """The sources that get a profile page, most claims first: at least
    `min_source_claims` claims, and not a vague pooled voice ('other sources',
    'local sources', unnamed, an unknown outlet: `claimscope.compare.is_pooled`
    with `knowledge`, the run's), which is many speakers, not one."""
    def compute() -> list[str]:
        claims = tables["claims"]
        counts = _claim_counts(claims)
        kinds = dict(zip(_col(claims, "source"), _col(claims, "source_type")))
        pooled = _pooled_rule(knowledge)
        return [str(src) for src, n in counts.items()
                if n >= min_source_claims and not pooled(str(src), kinds.get(src, ""))]

    return _memo(tables, f"profiles:{min_source_claims}:{_know_key(knowledge)}", compute)


def source_profile_links(tables: Mapping[str, pd.DataFrame], *, min_source_claims: int = 3,
                         knowledge: Knowledge) -> dict[str, str]:
    """Source name -> its profile page, relative to the reports folder (where
    incident and source pages live), for the sources `plan_reports` gives a
    profile with the same `min_source_claims` and `knowledge`."""
    parent = tables.parent if isinstance(tables, _CutTables) else tables   # profiles count every claim
    return {s: report_filename("source_profile", s).split("/", 1)[1]
            for s in source_profile_names(parent, min_source_claims=min_source_claims, knowledge=knowledge)}


# ====================================================================== rendering
@functools.lru_cache(maxsize=1)
def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script (from vl-convert, no
    network) that sets `window.vegaEmbed`; pinned to altair's Vega-Lite
    version. About 0.9 MB; embedded once per report page.

    vl-convert takes ~2 s to bundle it, so the bundle is kept in the user's
    cache folder (`$XDG_CACHE_HOME/claimscope`, else `~/.cache/claimscope`),
    one file per vl-convert and Vega-Lite version; an unusable cache is
    ignored."""
    import altair as alt
    import vl_convert as vlc

    want = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    version = want if want in vlc.get_vegalite_versions() else None
    cache = _cache_dir() / safe_name(f"vega-bundle-{getattr(vlc, '__version__', 'x')}-{version or 'default'}", max_len=80)
    try:
        js = cache.with_suffix(".js").read_text(encoding="utf-8")
        if _usable_bundle(js):
            return js
    except OSError:
        pass
    js = vlc.javascript_bundle(vl_version=version)
    # the bundle sits inside a <script> element: it must not close it
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    try:
        write_atomic(cache.with_suffix(".js"), js)
    except OSError:
        pass
    return js


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "claimscope"


def _usable_bundle(js: str) -> bool:
    return len(js) > 100_000 and "window.vegaEmbed" in js and not re.search(r"</script", js, re.IGNORECASE)


# One page in a fresh kernel (the public name users have called since before
# render.py existed); `build_reports` makes many pages faster, in warm kernels.
render_report = render_page




_INDEX_PAGE_SIZE = 100


@functools.lru_cache(maxsize=1)
def _index_template() -> Any:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.get_template("index.html.j2")


@functools.lru_cache(maxsize=None)
def _static(name: str) -> Any:
    """A static file of `templates/` for inlining into a page (markup-safe)."""
    import markupsafe

    text = (TEMPLATES_DIR / name).read_text(encoding="utf-8")
    if re.search(r"</(script|style)", text, re.IGNORECASE):
        raise ValueError(f"templates/{name} must not close its own element")
    return markupsafe.Markup(text)  # noqa: S704 - our own file, checked above


def _pages_note(choice: str | int) -> str:
    if choice == "all":
        return "Every incident has its own report."
    if choice == "contested":
        return ("Incidents whose accounts conflict have their own report; "
                "`claimscope report --incidents all` writes one for every incident.")
    if isinstance(choice, int):
        return (f"The {choice} most conflicted incidents have their own report; "
                "`claimscope report --incidents all` writes one for every incident.")
    return ("Incidents told by at least two independent accounts, and every contested incident, have their own report; "
            "`claimscope report --incidents all` writes one for every incident.")


def index_html(
    tables: Mapping[str, pd.DataFrame],
    jobs: Sequence[ReportJob],
    written: Sequence[str],
    failures: Sequence[ReportFailure],
    *,
    incidents: str | int = "default",
) -> str:
    """The landing page (`templates/index.html.j2`, every value escaped): the
    overview, every incident (most conflicted first, status badges; linked
    when its report was written), the source profiles and any failed report
    with its error. Self-contained; one small inline script
    (`templates/js/index.js`) filters and pages the incidents when there are
    many."""
    ok = set(written)
    by_key = {(j.kind, j.key): j for j in jobs}
    docs, claims = tables["documents"], tables["claims"]
    pts = _points(tables)

    def href(job: ReportJob | None) -> str:
        return job.filename if job is not None and job.filename in ok else ""

    rows = []
    rank = {st: i for i, st in enumerate(charts.STATUS_ORDER)}
    voices = _conflict_sources(tables["comparisons"])
    for r in pts.to_dict("records"):
        job = by_key.get(("incident", r["incident_id"]))
        high = r["casualties_high"]
        rows.append({
            "status": r["status"], "status_label": charts.STATUS_LABELS.get(r["status"], r["status"] or "unknown"),
            "badge": _BADGE_CLASS.get(r["status"], ""), "rank": rank.get(r["status"], len(rank)),
            "label": r["label"], "href": href(job), "incident_id": r["incident_id"],
            "date": r["date_start"] or "9999",
            "note": "report failed" if job is not None else "no report page",
            "toll": r["toll"] or toll_text(r["casualties_low"], r["casualties_high"]),
            "toll_sort": -1 if high is None else high,
            "places": r["places"].replace(";", "; "), "n_sources": r["n_sources"],
            "conflict": r["conflict_facets"].replace(";", ", "),
            "n_conflict": len([f for f in r["conflict_facets"].split(";") if f]), "sources": r["sources"],
            "voices": ", ".join(voices.get(r["incident_id"], [])) if r["conflict_facets"] else "",
        })
    order = [st for st in charts.STATUS_ORDER if st in set(pts["status"])]
    statuses = [(st, charts.STATUS_LABELS.get(st, st)) for st in order + [x for x in dict.fromkeys(pts["status"])
                                                                          if x and x not in order]]
    counts = _claim_counts(claims)
    profiles = [{"name": j.key, "href": href(j), "claims": int(counts.get(j.key, 0))}
                for j in jobs if j.kind == "source_profile"]
    return _index_template().render(
        css=_static("css/index.css"), script=_static("js/index.js"),
        n_docs=len(docs), n_claims=len(claims), n_conflict=int((pts["status"] == "contested").sum()),
        n_reports=len(ok), overview_href=href(by_key.get(("overview", ""))),
        failures=[str(f) for f in failures], incidents=rows, statuses=statuses,
        verdicts=[(charts.STATUS_LABELS.get(st, st), VERDICT_MEANING[st]) for st in charts.STATUS_ORDER
                  if st in VERDICT_MEANING],
        pages_note=_pages_note(parse_incident_pages(incidents)), page_size=_INDEX_PAGE_SIZE, profiles=profiles,
    )


def _conflict_sources(comparisons: pd.DataFrame) -> dict[str, list[str]]:
    """Per incident, the sources on either side of a conflicting comparison,
    in order of first appearance (each once)."""
    c = comparisons[_col(comparisons, "verdict") == "conflict"]
    out: dict[str, list[str]] = {}
    for inc, a, b in zip(_col(c, "incident_id"), _col(c, "source_a"), _col(c, "source_b")):
        seen = out.setdefault(inc, [])
        seen.extend(x for x in (a, b) if x and x not in seen)
    return out


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
    incidents: str | int = "default",
    min_source_claims: int = 3,
    progress: bool = True,
    notebooks_dir: str | os.PathLike[str] | None = None,
    fresh_kernels: bool = False,
    timeout: int = 600,
    knowledge: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
) -> ReportSummary:
    """Render every report for the tables in `tables_dir` into `out_dir`
    (`index.html` plus `reports/*.html`), `jobs` pages at a time.

    `incidents` chooses the incident pages (see `incident_pages`: "default",
    "all", "contested" or a number N). Pages are made in `jobs` worker
    processes, each running the notebooks in one warm kernel
    (`claimscope.render`); with `fresh_kernels`, each page gets a fresh kernel
    instead (slow; the pages are the same). `notebooks_dir` defaults to the
    installed notebooks (`render.default_notebooks_dir()`); `timeout` is per
    cell, in seconds. `knowledge`: the knowledge pack folder(s) the pages
    name things by (event types, pooled voices, corroborating facets, map
    outline); default the packs the run recorded (`run_knowledge`).

    Raises FileNotFoundError / NotADirectoryError / ValueError for unusable
    arguments before doing any work. A failing notebook becomes a
    ReportFailure in the summary (and on the index page); the others are
    still written. Reports left over from earlier runs in `out_dir/reports`
    that this run did not write are removed, so the folder matches the index.
    """
    from .render import WorkerPool

    t0 = time.perf_counter()
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise ValueError(f"jobs must be a whole number of at least 1, got {jobs!r}")
    if not isinstance(min_source_claims, int) or isinstance(min_source_claims, bool) or min_source_claims < 1:
        raise ValueError(f"min_source_claims must be a whole number of at least 1, got {min_source_claims!r}")
    if not isinstance(timeout, int) or isinstance(timeout, bool) or timeout < 1:
        raise ValueError(f"timeout must be a whole number of seconds, at least 1, got {timeout!r}")
    choice = parse_incident_pages(incidents)
    tdir, odir = Path(tables_dir), Path(out_dir)
    ndir = Path(notebooks_dir) if notebooks_dir is not None else default_notebooks_dir()
    _check_tables_dir(tdir)
    if odir.exists() and not odir.is_dir():
        raise NotADirectoryError(f"--out {odir}: exists and is not a folder")
    if not ndir.is_dir():
        raise FileNotFoundError(f"notebooks folder {ndir} not found (give the folder with --notebooks DIR)")
    missing_nb = sorted(nb for nb in _NOTEBOOK_OF.values() if not (ndir / nb).is_file())
    if missing_nb:
        raise FileNotFoundError(f"notebooks folder {ndir}: missing {', '.join(missing_nb)}")
    know = run_knowledge(tdir, knowledge)   # a pack that moved, changed or cannot be used fails before any work
    # the workers boot (imports, kernels) while this process reads the tables and plans
    pool = None if fresh_kernels else WorkerPool(workers=jobs, notebooks_dir=ndir)
    try:
        summary = _build(tdir, odir, ndir, pool, t0=t0, jobs=jobs, choice=choice,
                         min_source_claims=min_source_claims, progress=progress, timeout=timeout, knowledge=know)
    except BaseException:
        if pool is not None:
            pool.close(kill=True)
        raise
    if pool is not None:
        pool.close()
    return summary


def _build(tdir: Path, odir: Path, ndir: Path, pool: Any, *, t0: float, jobs: int, choice: str | int,
           min_source_claims: int, progress: bool, timeout: int, knowledge: Knowledge) -> ReportSummary:
    import concurrent.futures as cf

    from tqdm import tqdm  # plain text bar on stderr (the CLI), also when called from a notebook

    from .render import RenderConfig
    from .tables import read_tables

    tables = read_tables(tdir)
    plan = plan_reports(tables, incidents=choice, min_source_claims=min_source_claims, knowledge=knowledge)
    odir.mkdir(parents=True, exist_ok=True)
    (odir / "reports").mkdir(exist_ok=True)
    js = vega_bundle()
    # slow pages first, so no worker is left with a long one at the end
    order = sorted(plan, key=lambda j: {"overview": 0, "source_profile": 1}.get(j.kind, 2))

    results: dict[str, Path | ReportFailure] = {}  # by job.filename (unique)
    bar = tqdm(total=len(plan), desc="reports", unit="report", disable=not progress, leave=True)

    def done(job: ReportJob, result: Path | ReportFailure) -> None:
        results[job.filename] = result
        bar.set_postfix_str(job.filename.split("/")[-1][:40], refresh=False)
        bar.update(1)

    try:
        if pool is None:
            with cf.ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="claimscope-report") as threads:
                futures = {threads.submit(render_page, job, tables_dir=tdir, out_dir=odir, notebooks_dir=ndir,
                                       vega_js=js, timeout=timeout): job for job in order}
                for fut in cf.as_completed(futures):
                    try:
                        result = fut.result()
                    except Exception as exc:  # render_page reports its own errors; this is a last resort
                        result = ReportFailure(futures[fut], f"{type(exc).__name__}: {exc}")
                    done(futures[fut], result)
        else:
            config = RenderConfig(tables_dir=str(tdir.resolve()), out_dir=str(odir.resolve()),
                                  notebooks_dir=str(ndir.resolve()), vega_js=js, timeout=timeout)
            pool.run(order, config, on_result=done)
    finally:
        bar.close()

    written = [j.filename for j in plan if isinstance(results.get(j.filename), Path)]
    failures = tuple(r for j in plan if isinstance(r := results.get(j.filename), ReportFailure))
    keep = {Path(f).name for f in written}
    for old in (odir / "reports").iterdir():
        if _OWN_FILES.match(old.name) and old.name not in keep:
            old.unlink()
    index = odir / "index.html"
    write_atomic(index, index_html(tables, plan, written, failures, incidents=choice))
    return ReportSummary(odir, index, tuple(odir / f for f in written), failures, time.perf_counter() - t0)
