"""Altair charts and HTML tables over the public tables (see `claimscope.schema`).

Each function takes the tables it needs and returns an `altair` chart (or an
HTML string for the claims table) that reads at a glance: who reported which
incident when, where the casualty figures of an incident overlap or not, which
sources agree, which outlets cite whom, where incidents happened. Tooltips
carry the sentence an account was read from.

Design notes
- Data goes into the spec as explicit inline records (`alt.Data(values=...)`)
  built here from pre-aggregated frames: only the columns a chart shows, no
  data transformer, so a spec stays small and never hits altair's 5,000-row
  limit; charts that could grow with the corpus take `max_rows`.
- Empty input (no incidents yet, no casualty figures) gives a small chart that
  says so, never an exception.
- Untrusted text only reaches HTML escaped: Vega renders strings as SVG text
  and vega-embed's tooltip handler escapes them; the claims table and every
  HTML fragment here go through `html.escape`; chart specs embedded in a page
  are serialised with `<`, `>` and `&` as JSON unicode escapes.
- `mimebundle` / `enable_renderer` display charts offline: in JupyterLab with
  its built-in Vega-Lite 5 renderer, in exported HTML through the one
  `window.vegaEmbed` the page's template embeds (see `claimscope.reports`).
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd

from .cells import column as _col
from .compare import FACETS, VERDICTS
from .knowledge import Knowledge
from .places import PRECISIONS
from .cells import integer as _i
from .cells import integers
from .cells import number as _f
from .cells import text as _s
from .cells import truth as _truth

__all__ = [
    "STATUS_ORDER",
    "STATUS_COLORS",
    "STATUS_LABELS",
    "incident_points",
    "incident_timeline",
    "casualty_rows",
    "casualty_ranges",
    "source_agreement_heatmap",
    "agreement_bars",
    "who_cites_whom",
    "incident_map",
    "outline_note",
    "format_range",
    "claims_table",
    "claims_table_html",
    "doc_anchor",
    "highlight_spans",
    "side_words",
    "source_kind_words",
    "event_words",
    "corroborating_facets",
    "chart_html",
    "mimebundle",
    "enable_renderer",
]

# the one verdict vocabulary of incidents.status (claimscope.compare.VERDICTS), most telling first
STATUS_ORDER: tuple[str, ...] = VERDICTS
STATUS_COLORS: tuple[str, ...] = ("#d62728", "#2b8cbe", "#e6a23c", "#9e9e9e")
STATUS_LABELS: Mapping[str, str] = {"contested": "contested", "corroborated": "corroborated",
                                    "uncorroborated": "uncorroborated", "single_source": "single source"}
# Most specific first: the coordinates of an incident come from its most precise claim.
_PRECISION_RANK: Mapping[str, int] = {
    p: i for i, p in enumerate(PRECISIONS)
}
_SENTENCE_CHARS = 280
_WIDTH = 620


# ---------------------------------------------------------------- small helpers
def side_words(side: str) -> str:
    """A side code as a reader says it ('syrian_government' -> 'Syrian
    government', 'us_coalition' -> 'US coalition'); "" for an unknown side."""
    side = (side or "").strip()
    if not side or side == "unknown":
        return ""
    words = side.replace("_", " ").split()
    words = [w.upper() if w in ("us", "uk", "un") else w for w in words]
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


def source_kind_words(source_type: str, side: str) -> str:
    """What kind of voice a source is, in words: its type ('official',
    'monitor'; an outlet speaking for itself is 'the outlet's own words') and
    its side ('side: Russia'), the parts that are known."""
    kind = "the outlet's own words" if source_type == "outlet" else (source_type or "").replace("_", " ")
    side_text = side_words(side)
    return " · ".join(x for x in (kind, f"side: {side_text}" if side_text else "") if x)


def event_words(event_type: str, *, knowledge: Knowledge | None = None) -> str:
    """An event type as a title names it ('chemical_attack' -> 'chemical
    attack', 'ied' -> 'IED attack', 'other' -> 'incident'), from the events
    lexicon of `knowledge`; without knowledge, the code with spaces."""
    if not event_type:
        return ""
    if knowledge is None:
        return event_type.replace("_", " ")
    from .events import event_label

    return event_label(event_type, knowledge=knowledge)


def _truncate(text: str, n: int = _SENTENCE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _message_chart(message: str, *, title: str = "", width: int = _WIDTH) -> alt.Chart:
    """A chart that only says `message` (used for empty input)."""
    chart = (
        alt.Chart(alt.Data(values=[{"message": message}]))
        .mark_text(size=14, color="#555", align="left", dx=-width / 2 + 10)
        .encode(text=alt.Text("message:N"))
        .properties(width=width, height=50)
    )
    return chart.properties(title=title) if title else chart


def _wrap(text: str, width: int) -> list[str]:
    """`text` as lines of at most about `width` characters (subtitle lines)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _title(text: str, subtitle: Sequence[str] = ()) -> alt.TitleParams:
    sub = [s for s in subtitle if s]
    return alt.TitleParams(text=text, subtitle=sub if sub else alt.Undefined, anchor="start")


def _size_legend(counts: Iterable[int]) -> alt.Legend:
    """A size legend listing whole numbers of accounts (at most six of them)."""
    values = sorted({int(v) for v in counts})
    if len(values) > 6:
        step = math.ceil(len(values) / 6)
        values = values[::step] + ([values[-1]] if values[-1] not in values[::step] else [])
    return alt.Legend(values=values, format="d")


_EXTRAS = ("toll", "perpetrator", "target", "agree_facets")
# the incidents' death figures, passed on as numbers (int, None when absent): readers never parse them from text
_COUNTS = tuple(f"{k}_{b}" for k in ("casualties", "civilians", "combatants") for b in ("low", "best", "high"))


def _status_scale() -> alt.Scale:
    return alt.Scale(domain=list(STATUS_ORDER), range=list(STATUS_COLORS))


# ---------------------------------------------------------------- incidents
def incident_points(incidents: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """One row per incident with what the charts and the index show.

    Adds to the incident columns: `lat`/`lon` (the incident's own extra columns
    when present, else the most specific geocoded claim's coordinates, the most
    cited one on ties), `sentence` (the first claim's sentence, for tooltips),
    `sources` (`, `-joined), `label` (the incident's `title` extra column, or
    date · place · event type), the extras `toll`, `perpetrator`, `target` and
    `agree_facets` as text ("" when absent), the death figures
    `casualties/civilians/combatants_low/best/high` as int (None when absent),
    and `conflict_rank` (0 = most conflicted; status, then number of
    conflicting facets, then independent sources).
    Sorted by `conflict_rank`.
    """
    cols = ["incident_id", "date_start", "date_end", "governorate", "places", "event_type", "n_claims",
            "n_docs", "n_sources", "status", "conflict_facets"]
    if incidents.empty:
        return pd.DataFrame({c: pd.Series([], dtype="object") for c in
                             cols + ["lat", "lon", "sentence", "sources", "label", *_EXTRAS, *_COUNTS,
                                     "conflict_rank"]})
    inc = pd.DataFrame({c: _col(incidents, c) for c in cols if c not in ("n_claims", "n_docs", "n_sources")})
    for c in ("n_claims", "n_docs", "n_sources"):
        inc[c] = [(_i(v) or 0) for v in incidents[c]] if c in incidents.columns else 0
    inc = inc[cols]
    own_lat = [_f(v) for v in incidents["lat"]] if "lat" in incidents.columns else [None] * len(inc)
    own_lon = [_f(v) for v in incidents["lon"]] if "lon" in incidents.columns else [None] * len(inc)

    coords: dict[str, tuple[float, float]] = {}
    first_sentence: dict[str, str] = {}
    sources: dict[str, str] = {}
    if not claims.empty and "incident_id" in claims.columns:
        c = pd.DataFrame({
            "incident_id": _col(claims, "incident_id"),
            "doc_id": _col(claims, "doc_id"),
            "sentence": _col(claims, "sentence"),
            "source": _col(claims, "source"),
            "published": _col(claims, "published"),
            "precision": _col(claims, "place_precision"),
            "start": [(_i(v) or 0) for v in claims["start"]] if "start" in claims.columns else 0,
            "lat": [_f(v) for v in claims["lat"]] if "lat" in claims.columns else None,
            "lon": [_f(v) for v in claims["lon"]] if "lon" in claims.columns else None,
        })
        c = c[c["incident_id"] != ""]
        c = c.sort_values(["incident_id", "published", "doc_id", "start"], kind="stable")
        # vectorised per incident (no Python loop over groups): first sentence, sources in order, coordinates
        firsts = c.drop_duplicates("incident_id")
        first_sentence = dict(zip(firsts["incident_id"], firsts["sentence"].map(_truncate)))
        named = c[c["source"] != ""].drop_duplicates(["incident_id", "source"])
        for iid, names in named.groupby("incident_id", sort=False)["source"]:
            names = list(names)
            sources[iid] = ", ".join(names[:6]) + (f" +{len(names) - 6} more" if len(names) > 6 else "")
        geo = c[c["lat"].notna() & c["lon"].notna()]
        if not geo.empty:
            g = (geo.assign(rank=geo["precision"].map(lambda p: _PRECISION_RANK.get(p, len(_PRECISION_RANK))))
                 .groupby(["incident_id", "rank", "lat", "lon"], sort=True).size().reset_index(name="n")
                 .sort_values(["incident_id", "rank", "n", "lat", "lon"], ascending=[True, True, False, True, True],
                              kind="stable")
                 .drop_duplicates("incident_id"))
            coords = {i: (float(a), float(b)) for i, a, b in zip(g["incident_id"], g["lat"], g["lon"])}

    inc["lat"] = [own if own is not None else coords.get(i, (None, None))[0] for i, own in zip(inc["incident_id"], own_lat)]
    inc["lon"] = [own if own is not None else coords.get(i, (None, None))[1] for i, own in zip(inc["incident_id"], own_lon)]
    # a lat without lon (or vice versa) is no coordinate
    bad = [(a is None) != (b is None) for a, b in zip(inc["lat"], inc["lon"])]
    inc.loc[bad, ["lat", "lon"]] = None
    inc["sentence"] = [first_sentence.get(i, "") for i in inc["incident_id"]]
    # the independent accounts' sources when compare wrote them, else every source cited
    own_sources = _col(incidents, "sources")
    inc["sources"] = [own.replace(";", ", ") if own else sources.get(i, "")
                      for i, own in zip(inc["incident_id"], own_sources)]
    inc["label"] = _labels(incidents)
    for extra in _EXTRAS:
        inc[extra] = _col(incidents, extra)
    for count in _COUNTS:   # object columns: an int stays an int, a missing figure None (not NaN)
        inc[count] = pd.Series(integers(incidents[count]) if count in incidents.columns else [None] * len(inc),
                               index=inc.index, dtype="object")
    inc = inc.iloc[_conflict_order(incidents)].reset_index(drop=True)
    inc["conflict_rank"] = range(len(inc))
    return inc


def _labels(incidents: pd.DataFrame) -> list[str]:
    """Each incident's label, in row order: its `title` extra column (from
    align, when present), or date · first place · event type."""
    return [
        t.strip() or " · ".join(x for x in (d or "undated", p.split(";")[0].strip(), e) if x)
        for t, d, p, e in zip(_col(incidents, "title"), _col(incidents, "date_start"), _col(incidents, "places"),
                              _col(incidents, "event_type"))
    ]


def _conflict_order(incidents: pd.DataFrame) -> list[int]:
    """Row positions of `incidents`, most conflicted first: status, then more
    conflicting facets, more independent sources, more claims, then date
    (undated last) and id. Reads the incidents table only, so charts can rank
    incidents without `incident_points`' work on the claims."""
    rank = {s: i for i, s in enumerate(STATUS_ORDER)}

    def count(column: str) -> list[int]:
        return [(_i(v) or 0) for v in incidents[column]] if column in incidents.columns else [0] * len(incidents)

    keys = [(rank.get(s, len(rank)), -len([x for x in f.split(";") if x.strip()]), -n_src, -n_cl, d or "9999", i)
            for s, f, n_src, n_cl, d, i in zip(_col(incidents, "status"), _col(incidents, "conflict_facets"),
                                               count("n_sources"), count("n_claims"), _col(incidents, "date_start"),
                                               _col(incidents, "incident_id"))]
    return sorted(range(len(keys)), key=keys.__getitem__)  # stable: equal keys keep their row order


def _records(df: pd.DataFrame, cols: Iterable[str]) -> list[dict[str, Any]]:
    """JSON-safe records of `cols` (NA -> None, numpy scalars -> Python)."""
    out = []
    cols = list(cols)
    for row in df[cols].itertuples(index=False, name=None):
        rec = {}
        for k, v in zip(cols, row):
            if v is None or (not isinstance(v, (list, dict, str)) and pd.isna(v)):
                rec[k] = None
            elif isinstance(v, bool):
                rec[k] = v
            elif isinstance(v, (int, float)) or hasattr(v, "item"):
                x = v.item() if hasattr(v, "item") else v
                rec[k] = None if isinstance(x, float) and not math.isfinite(x) else x
            else:
                rec[k] = v
        out.append(rec)
    return out


def _listed(points: pd.DataFrame) -> pd.DataFrame:
    """`incident_points` rows with their `;`-joined lists (places, facets in
    conflict) as a reader writes them, for the tooltips."""
    return points.assign(places=points["places"].str.replace(";", "; "),
                         conflict_facets=points["conflict_facets"].str.replace(";", ", "))


def _incident_tooltip() -> list[alt.Tooltip]:
    return [
        alt.Tooltip("label:N", title="Incident"),
        alt.Tooltip("status_label:N", title="Verdict"),
        alt.Tooltip("conflict_facets:N", title="In conflict"),
        alt.Tooltip("n_sources:Q", title="Independent accounts"),
        alt.Tooltip("n_claims:Q", title="Claims"),
        alt.Tooltip("places:N", title="Places"),
        alt.Tooltip("sources:N", title="Independent sources"),
        alt.Tooltip("sentence:N", title="Sentence"),
        alt.Tooltip("incident_id:N", title="Id"),
    ]


def incident_timeline(
    incidents: pd.DataFrame,
    claims: pd.DataFrame,
    *,
    max_rows: int = 5000,
    width: int = _WIDTH,
) -> alt.Chart | alt.LayerChart:
    """Incidents over time, one row per governorate, coloured by status
    (conflict / agree / single source), sized by independent accounts.

    Multi-day incidents get a line from first to last date. Undated incidents
    cannot be placed and are counted in the subtitle; above `max_rows` dated
    incidents only the most conflicted are drawn (also said in the subtitle).
    """
    title = "Incidents over time"
    pts = incident_points(incidents, claims)
    if pts.empty:
        return _message_chart("No incidents yet.", title=title, width=width)
    dated = pts[pts["date_start"].str.match(r"^\d{4}-\d{2}-\d{2}$")].copy()
    notes = []
    if len(dated) < len(pts):
        notes.append(f"{len(pts) - len(dated)} of {len(pts)} incidents have no date and are not shown.")
    if dated.empty:
        return _message_chart("No dated incidents yet.", title=title, width=width)
    if len(dated) > max_rows:
        notes.append(f"Showing the {max_rows} most conflicted of {len(dated)} dated incidents.")
        dated = dated.nsmallest(max_rows, "conflict_rank")
    dated["date_end"] = [e if re.match(r"^\d{4}-\d{2}-\d{2}$", e) and e > s else s
                         for s, e in zip(dated["date_start"], dated["date_end"])]
    dated["governorate"] = dated["governorate"].replace("", "(unknown)")
    dated["status_label"] = dated["status"].map(lambda s: STATUS_LABELS.get(s, s or "(none)"))
    recs = _records(_listed(dated), ["incident_id", "date_start", "date_end", "governorate", "places", "event_type",
                            "n_claims", "n_sources", "status", "status_label", "conflict_facets", "label",
                            "sentence", "sources"])
    n_rows = dated["governorate"].nunique()
    x = alt.X("date_start:T", title="Event date", scale=alt.Scale(type="utc", padding=12),
              axis=alt.Axis(format="%Y-%m-%d", labelAngle=-30))
    y = alt.Y("governorate:N", title="Governorate", sort="ascending")
    base = alt.Chart()
    color = alt.Color("status:N", scale=_status_scale(), title="Verdict",
                      legend=alt.Legend(labelExpr="replace(datum.label, '_', ' ')"))
    span = base.mark_rule(strokeWidth=2, opacity=0.5).encode(
        x=x, x2="date_end:T", y=y, color=color,
    ).transform_filter("datum.date_end > datum.date_start")
    dots = base.mark_circle(opacity=0.8, stroke="white", strokeWidth=0.5).encode(
        x=x,
        y=y,
        color=color,
        size=alt.Size("n_sources:Q", title="Independent accounts", scale=alt.Scale(range=[40, 500], zero=False),
                      legend=_size_legend(dated["n_sources"])),
        tooltip=_incident_tooltip(),
    )
    return alt.layer(span, dots, data=alt.Data(values=recs)).properties(
        title=_title(title, notes), width=width, height=alt.Step(28) if n_rows > 1 else 80,
    )


# ---------------------------------------------------------------- casualties
def format_range(lo: Any, hi: Any) -> str:
    """A casualty range as short text: '5', '≥5', '3–4', '≤25', '0', '?'."""
    lo_i, hi_i = _i(lo), _i(hi)
    if lo_i is None and hi_i is None:
        return "?"
    if hi_i is None:
        return f"≥{lo_i}"
    if lo_i is None:
        return f"≤{hi_i}"
    if lo_i == hi_i:
        return str(lo_i)
    if lo_i == 0:
        return f"≤{hi_i}"
    return f"{lo_i}–{hi_i}"


def casualty_rows(claims: pd.DataFrame, casualties: pd.DataFrame,
                  incident_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Casualty figures joined to their claims (incident, source, sentence...),
    one row per figure, for the incidents in `incident_ids` (all when None).
    Figures without a lower bound are dropped (nothing to draw)."""
    cols = ["incident_id", "claim_id", "source", "outlet", "doc_id", "victims", "outcome", "min", "max",
            "qualifier", "raw", "hedged", "negated", "sentence", "category", "source_type", "part"]
    if casualties.empty or claims.empty:
        return pd.DataFrame({c: pd.Series([], dtype="object") for c in cols})
    cl = pd.DataFrame({
        "claim_id": _col(claims, "claim_id"), "incident_id": _col(claims, "incident_id"),
        "source": _col(claims, "source"), "outlet": _col(claims, "outlet"), "doc_id": _col(claims, "doc_id"),
        "sentence": _col(claims, "sentence"), "source_type": _col(claims, "source_type"),
        "hedged": [_truth(v) for v in claims["hedged"]] if "hedged" in claims.columns else False,
        "negated": [_truth(v) for v in claims["negated"]] if "negated" in claims.columns else False,
    })
    ca = pd.DataFrame({
        "claim_id": _col(casualties, "claim_id"), "victims": _col(casualties, "victims"),
        "outcome": _col(casualties, "outcome"),
        "min": [_i(v) for v in casualties["min"]], "max": [_i(v) for v in casualties["max"]],
        "qualifier": _col(casualties, "qualifier"), "raw": _col(casualties, "raw"),
        "category": _col(casualties, "category"),   # civilians / combatants / unknown, when extraction gives it
        "part": [_truth(v) for v in casualties["part"]] if "part" in casualties.columns else False,
    }, index=casualties.index)
    rows = ca.merge(cl, on="claim_id", how="inner")
    if incident_ids is not None:
        rows = rows[rows["incident_id"].isin(list(incident_ids))]
    rows = rows[rows["min"].notna()]
    return rows[cols].reset_index(drop=True)


def casualty_ranges(
    claims: pd.DataFrame,
    casualties: pd.DataFrame,
    incidents: pd.DataFrame,
    *,
    incident_ids: Sequence[str] | None = None,
    max_incidents: int = 12,
    width: int = 480,
) -> alt.Chart | alt.FacetChart:
    """Per incident, one range bar per source and figure (min to max), so
    disagreement shows as bars that do not overlap.

    Exact figures are dots; open-ended ones ('at least 5') fade out to a ▶ at
    the right edge. Colour separates outcomes and victims (killed Syrian
    soldiers vs injured militants); a source giving several kinds of figure gets
    one row per kind. Incidents are ordered most
    conflicted first; at most `max_incidents` are drawn.
    """
    title = "Casualty claims by source"
    wanted = set(_col(incidents, "incident_id"))
    if incident_ids is not None:
        wanted &= set(incident_ids)
    rows = casualty_rows(claims, casualties, sorted(wanted))
    if rows.empty:  # before ranking the incidents: half of all incident reports have no figures
        return _message_chart("No casualty figures for these incidents yet.", title=title, width=width)
    ids = list(_col(incidents, "incident_id"))
    order = [ids[k] for k in _conflict_order(incidents) if ids[k] in wanted]
    with_figures = [i for i in order if i in set(rows["incident_id"])]
    notes = []
    if len(with_figures) > max_incidents:
        notes.append(f"The {max_incidents} most conflicted of {len(with_figures)} incidents with figures.")
        with_figures = with_figures[:max_incidents]
        rows = rows[rows["incident_id"].isin(with_figures)]
    notes.append("One row per source and kind of figure. Dots are exact figures; faded bars ending in ▶ are "
                 "open-ended ('at least 5').")
    if (rows["source_type"] == "outlet").any():
        notes.append("An outlet 'in its own words' often repeats a source it quotes: the same figure twice is not "
                     "two accounts.")
    labels = dict(zip(ids, _labels(incidents)))
    status = dict(zip(ids, _col(incidents, "status")))
    # one bar per distinct (incident, source, what, range); keep the first sentence
    rows = rows.assign(what=[(" · ".join(x for x in (o.replace("_", " "), v) if x) or "casualties")
                             + (f" ({c})" if c in ("civilians", "combatants") and c != v else "")
                             + (", a part" if p else "")   # "15 of the wounded": no toll to set against one
                             for o, v, c, p in zip(rows["outcome"], rows["victims"], rows["category"], rows["part"])])
    rows = rows.drop_duplicates(["incident_id", "source", "what", "min", "max"], keep="first")
    rows = rows.assign(outcome_words=[_outcome_words(o) for o in rows["outcome"]])
    recs = []
    for iid, grp in rows.groupby("incident_id", sort=False):
        # one row per source and kind of figure ("SOHR — killed · children"); a source giving two
        # figures of one kind gets a row for each, told apart by its own words
        figures = grp.groupby(["source", "what"])["min"].transform("size")
        grp = grp.assign(_k=grp["source"].str.lower(), n_same=figures,
                         who=[(s or "(unknown)") + (", in its own words" if t == "outlet" else "")
                              for s, t in zip(grp["source"], grp["source_type"])]
                         ).sort_values(["_k", "what", "min"], kind="stable")
        finite = [v for v in list(grp["min"]) + list(grp["max"]) if v is not None and not pd.isna(v)]
        top = max(finite) if finite else 1
        open_end = max(top * 1.3, top + 2)
        pad = max(open_end * 1.12, 3)  # room for the labels right of the bars
        for r in grp.itertuples(index=False):
            bounded = r.max is not None and not pd.isna(r.max)
            lo = int(r.min)
            hi = int(r.max) if bounded else open_end
            recs.append({
                "incident_id": iid,
                "incident": f"{labels.get(iid, iid)} ({STATUS_LABELS.get(status.get(iid, ''), status.get(iid, ''))})",
                "order": with_figures.index(iid),
                "source": r.source or "(unknown)", "what": r.what, "lo": lo, "hi": hi,
                "row": f"{r.who} — {r.what}" + (f": “{_truncate(r.raw, 40)}”" if r.n_same > 1 else ""),
                "outcome": r.outcome_words,
                "row_order": len(recs),
                "open": not bounded, "range": format_range(r.min, r.max),
                "raw": r.raw, "qualifier": r.qualifier, "outlet": r.outlet,
                "hedged": "hedged" if r.hedged else "", "negated": "denial" if r.negated else "",
                "sentence": _truncate(r.sentence), "pad": pad,
            })
    tooltip = [
        alt.Tooltip("source:N", title="Source"), alt.Tooltip("range:N", title="Figure"),
        alt.Tooltip("what:N", title="Of"), alt.Tooltip("raw:N", title="As written"),
        alt.Tooltip("hedged:N", title="Hedged"), alt.Tooltip("negated:N", title="Denial"),
        alt.Tooltip("outlet:N", title="Outlet"), alt.Tooltip("sentence:N", title="Sentence"),
    ]
    y = alt.Y("row:N", title=None, sort=alt.SortField("row_order"), axis=alt.Axis(labelLimit=0))
    present = sorted({r["outcome"] for r in recs}, key=lambda o: (list(_OUTCOME_COLORS).index(o)
                                                                  if o in _OUTCOME_COLORS else len(_OUTCOME_COLORS), o))
    color = alt.Color("outcome:N", title="Outcome", legend=alt.Legend(orient="bottom", labelLimit=0),
                      scale=alt.Scale(domain=present, range=[_OUTCOME_COLORS.get(o, "#777777") for o in present]))
    x = alt.X("lo:Q", title="Number of people", scale=alt.Scale(zero=True, nice=False),
              axis=alt.Axis(tickMinStep=1, format="d"))
    # channels as altair objects, not shorthand strings or condition dicts: altair turns each of
    # those into an object through a schema lookup that costs ~10 ms, and this chart is drawn
    # once per incident report (same spec either way)
    bars = alt.Chart().mark_bar(height=9, cornerRadius=2).encode(
        x=x, x2=alt.X2("hi:Q"), y=y, color=color,
        opacity=alt.OpacityValue(**alt.condition("datum.open", alt.value(0.35), alt.value(0.85))),
        tooltip=tooltip,
    )
    lo_dot = alt.Chart().mark_point(filled=True, size=70, opacity=1).encode(
        x=alt.X("lo:Q"), y=y, color=color, tooltip=tooltip)
    hi_mark = alt.Chart().mark_point(filled=True, size=70, opacity=1).encode(
        x=alt.X("hi:Q"), y=y, color=color, tooltip=tooltip,
        shape=alt.ShapeValue(**alt.condition("datum.open", alt.value("triangle-right"), alt.value("circle"))),
    )
    text = alt.Chart().mark_text(align="left", dx=8, fontSize=11, color="#333").encode(
        x=alt.X("hi:Q"), y=y, text=alt.Text("range:N"), tooltip=tooltip)
    pad = alt.Chart().mark_point(opacity=0).encode(x=alt.X("pad:Q"), y=y)
    # built with the constructors, not .facet().resolve_scale().properties(): each of those
    # deep-copies the whole chart (~10 ms apiece); the spec is the same
    layered = alt.LayerChart(layer=[bars, lo_dot, hi_mark, text, pad], width=width, height=alt.Step(24))
    return alt.FacetChart(
        data=alt.Data(values=recs),
        facet=alt.FacetMapping(row=alt.Row(
            "incident:N", title=None, sort=alt.SortField("order"),
            header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                              labelOrient="top", labelFontWeight="bold", labelLimit=0))),
        spec=layered,
        resolve=alt.Resolve(scale=alt.ScaleResolveMap(x="independent", y="independent")),
        title=_title(title, notes),
    )


# outcomes in a few colours a reader tells apart (the kind of victims is in the row's label)
_OUTCOME_COLORS: Mapping[str, str] = {"killed": "#b2182b", "injured": "#e08214", "killed or injured": "#7b3294",
                                      "detained": "#2166ac", "neutralized": "#4d4d4d"}


def _outcome_words(outcome: str) -> str:
    return (outcome or "").replace("_", " ") or "casualties"


# ---------------------------------------------------------------- sources
def _pair_rows(source_agreement: pd.DataFrame) -> pd.DataFrame:
    sa = pd.DataFrame({
        "a": _col(source_agreement, "source_a"), "b": _col(source_agreement, "source_b"),
        "shared": [(_i(v) or 0) for v in source_agreement["shared_incidents"]],
        "agree": [(_i(v) or 0) for v in source_agreement["agree"]],
        "conflict": [(_i(v) or 0) for v in source_agreement["conflict"]],
    })
    sa = sa[(sa["a"] != "") & (sa["b"] != "") & (sa["a"] != sa["b"])]
    both = pd.concat([sa, sa.rename(columns={"a": "b", "b": "a"})], ignore_index=True)
    return both.drop_duplicates(["a", "b"]).reset_index(drop=True)


def _conflict_examples(comparisons: pd.DataFrame | None) -> dict[tuple[str, str], str]:
    if comparisons is None or comparisons.empty:
        return {}
    out: dict[tuple[str, str], str] = {}
    c = comparisons[_col(comparisons, "verdict") == "conflict"]
    for a, b, facet, detail in zip(_col(c, "source_a"), _col(c, "source_b"), _col(c, "facet"), _col(c, "detail")):
        text = _truncate(f"{facet}: {detail}" if detail else facet, 200)
        out.setdefault((a, b), text)
        out.setdefault((b, a), text)
    return out


_COUNT_COLUMNS = ("agree", "conflict", "agree_where", "conflict_where", "conflict_relayed")


def corroborating_facets(knowledge: Knowledge | None = None) -> tuple[str, ...]:
    """The facets whose agreement between independent accounts corroborates
    an incident — the *substance* the agreement charts count — as
    `claimscope.compare` reads them (align.yaml `compare.corroborating_facets`
    of `knowledge`, default the built-in knowledge), in facet order."""
    if knowledge is None:   # no module-level copy of the knowledge: loaded when asked (~50 ms)
        from .knowledge import load_knowledge

        knowledge = load_knowledge()
    listed = {str(f) for f in knowledge.align["compare"]["corroborating_facets"]}
    return tuple(f for f in FACETS if f in listed) + tuple(sorted(listed - set(FACETS)))


def _facet_words(facets: Sequence[str]) -> str:
    """'casualties, perpetrator, responsibility or cause'."""
    return ", ".join(facets[:-1]) + " or " + facets[-1] if len(facets) > 1 else "".join(facets) or "no facet"


def _pair_counts(comparisons: pd.DataFrame, substance: Sequence[str]) -> dict[tuple[str, str], dict[str, int]]:
    """Per ordered pair of sources (both orders), facet comparisons counted
    the way the incidents' verdicts count them: `agree` / `conflict` between
    independent accounts on substance (the `substance` facets:
    `corroborating_facets`), `agree_where` / `conflict_where` between
    independent accounts on the other facets (date, place), `conflict_relayed`
    between voices that are not independent (relay, pooled, aligned: their
    agreements count for nothing)."""
    out: dict[tuple[str, str], dict[str, int]] = {}
    rel = _col(comparisons, "relation").replace("", "independent")
    for a, b, facet, verdict, r in zip(_col(comparisons, "source_a"), _col(comparisons, "source_b"),
                                       _col(comparisons, "facet"), _col(comparisons, "verdict"), rel):
        if not a or not b or a == b or verdict not in ("agree", "conflict"):
            continue
        if r != "independent":
            key = "conflict_relayed" if verdict == "conflict" else ""
        else:
            key = verdict + ("" if facet in substance else "_where")
        if not key:
            continue
        for pair in ((a, b), (b, a)):
            counts = out.setdefault(pair, dict.fromkeys(_COUNT_COLUMNS, 0))
            counts[key] += 1
    return out


def _with_counts(pairs: pd.DataFrame, comparisons: pd.DataFrame | None, substance: Sequence[str]) -> pd.DataFrame:
    """`pairs` (from `_pair_rows`) with the `_pair_counts` columns: from
    `comparisons` when given, else the table's agree/conflict taken as they
    are (all facets)."""
    pairs = pairs.copy()
    if comparisons is None:
        for k in _COUNT_COLUMNS[2:]:
            pairs[k] = 0
        return pairs
    counts = _pair_counts(comparisons, substance)
    for k in _COUNT_COLUMNS:
        pairs[k] = [counts.get((a, b), {}).get(k, 0) for a, b in zip(pairs["a"], pairs["b"])]
    return pairs


def source_agreement_heatmap(
    source_agreement: pd.DataFrame,
    comparisons: pd.DataFrame | None = None,
    *,
    max_sources: int = 25,
    width: int | None = None,
    knowledge: Knowledge | None = None,
) -> alt.Chart | alt.LayerChart:
    """Source × source matrix over shared incidents: colour is the share of
    comparisons that agree (blue) or conflict (red), grey where they share
    incidents but nothing was compared; the cell text gives the counts.

    With `comparisons` (as the pages call it) the cells count what the
    incidents' verdicts count: independent accounts on substance (the
    `corroborating_facets` of `knowledge`: casualties, perpetrator,
    responsibility, cause with the built-in knowledge). Agreeing on a date or
    a place, and conflicts between an outlet and the source it relays, are in
    the tooltip, not in the colour. The `max_sources` sources with most shared
    incidents are kept.
    """
    title = "Where sources agree and conflict"
    substance = corroborating_facets(knowledge)
    what = _facet_words(substance)
    pairs = _pair_rows(source_agreement) if not source_agreement.empty else pd.DataFrame()
    if pairs.empty:
        return _message_chart("No two sources report on the same incident yet.", title=title)
    load = pairs.groupby("a")["shared"].sum().sort_values(ascending=False, kind="stable")
    idle_note = ""
    if comparisons is not None:   # rows and columns for the sources compared on substance, most compared first
        counted = _with_counts(pairs, comparisons, substance)
        compared = (counted["agree"] + counted["conflict"]).groupby(counted["a"]).sum()
        busy = compared[compared > 0].sort_values(ascending=False, kind="stable")
        if busy.empty:
            return _message_chart(f"No two independent sources were compared on {what}.", title=title)
        idle = len(load) - len(busy)
        if idle:
            idle_note = (f"{idle} source{'s' if idle > 1 else ''} sharing incidents but never compared on substance "
                         "with an independent source: not shown.")
        load = busy
    keep = sorted(load.index[:max_sources])
    if comparisons is not None:
        notes = [f"Cells: agreeing ✓ and conflicting ✗ comparisons of independent accounts on {what}; "
                 "grey: shared incidents, nothing of substance compared.",
                 "Agreement on date or place, and conflicts with a relayed source, are in the tooltip."]
    else:
        notes = ["Cells: agreeing ✓ and conflicting ✗ facet comparisons on shared incidents."]
    if len(load) > max_sources:
        notes.append(f"The {max_sources} of {len(load)} sources with most "
                     + ("comparisons." if comparisons is not None else "shared incidents."))
    if idle_note:
        notes.append(idle_note)
    pairs = _with_counts(pairs[pairs["a"].isin(keep) & pairs["b"].isin(keep)], comparisons, substance)
    examples = _conflict_examples(comparisons)
    pairs["compared"] = pairs["agree"] + pairs["conflict"]
    pairs["agree_share"] = [a / n if n else None for a, n in zip(pairs["agree"], pairs["compared"])]
    pairs["cell"] = [f"{a}✓ {c}✗" if a + c else "" for a, c in zip(pairs["agree"], pairs["conflict"])]
    pairs["example"] = [examples.get((a, b), "") for a, b in zip(pairs["a"], pairs["b"])]
    recs = _records(pairs, ["a", "b", "shared", "agree", "conflict", "compared", "agree_share", "cell", "example",
                            *_COUNT_COLUMNS[2:]])
    side = width or max(160, 34 * len(keep))
    axis = alt.Axis(labelLimit=0)
    tooltip = [
        alt.Tooltip("a:N", title="Source"), alt.Tooltip("b:N", title="and"),
        alt.Tooltip("shared:Q", title="Shared incidents"), alt.Tooltip("agree:Q", title="Agreeing comparisons"),
        alt.Tooltip("conflict:Q", title="Conflicting comparisons"),
    ]
    if comparisons is not None:
        tooltip += [alt.Tooltip("agree_where:Q", title="Agree on date or place"),
                    alt.Tooltip("conflict_where:Q", title="Conflict on date or place"),
                    alt.Tooltip("conflict_relayed:Q", title="Conflicts, not independent (relay, pooled, one state)")]
    tooltip.append(alt.Tooltip("example:N", title="Example conflict"))
    x = alt.X("b:N", title=None, sort=keep, axis=alt.Axis(labelAngle=-40, labelLimit=0))
    y = alt.Y("a:N", title=None, sort=keep, axis=axis)
    # two layers, not one colour condition: Vega-Lite drops a mark whose colour field is null, so
    # the cells with nothing compared (share null) get their own grey layer
    grey = alt.Chart().mark_rect(stroke="white", color="#dddddd").encode(x=x, y=y, tooltip=tooltip).transform_filter(
        "datum.compared == 0")
    rect = alt.Chart().mark_rect(stroke="white").encode(
        x=x, y=y,
        color=alt.Color("agree_share:Q", title="Share agreeing",
                        scale=alt.Scale(domain=[0, 1], scheme="redblue"), legend=alt.Legend(format="%")),
        tooltip=tooltip,
    ).transform_filter("datum.compared > 0")
    text = alt.Chart().mark_text(fontSize=10).encode(
        x=alt.X("b:N", sort=keep), y=alt.Y("a:N", sort=keep), text="cell:N", tooltip=tooltip,
        color=alt.condition("datum.compared > 0 && (datum.agree_share < 0.2 || datum.agree_share > 0.8)",
                            alt.value("white"), alt.value("#222")),
    )
    return alt.layer(grey, rect, text, data=alt.Data(values=recs)).properties(
        title=_title(title, notes), width=side, height=side)


def _bar_kinds(substance: Sequence[str]) -> tuple[tuple[str, str, str], ...]:
    """(count column, legend label, colour) of the agreement bars; the
    facets that are not substance named in the labels ('date or place')."""
    where = _facet_words([f for f in FACETS if f not in substance])
    return (
        ("agree", "agree on substance", STATUS_COLORS[1]),
        ("agree_where", f"agree on {where} only", "#a6cee3"),
        ("conflict", "conflict on substance", STATUS_COLORS[0]),
        ("conflict_where", f"conflict on {where}", "#f4a582"),
        ("conflict_relayed", "conflict with a voice not independent of it", "#c9a0dc"),
    )


def agreement_bars(source_agreement: pd.DataFrame, source: str, *, comparisons: pd.DataFrame | None = None,
                   max_rows: int = 30, width: int = 420, knowledge: Knowledge | None = None) -> alt.Chart:
    """For one source, agreeing vs conflicting comparisons with every other
    source it shares incidents with (most compared first).

    With `comparisons` (as the source profile calls it) the bars are split
    the way the incidents' verdicts count: agreement on substance (the
    `corroborating_facets` of `knowledge`: casualties, perpetrator,
    responsibility, cause with the built-in knowledge) apart from agreement
    on the other facets (a date or a place) only, and conflicts with a voice
    not independent of it (relay, pooled, one state's voices) apart; sources
    it shares incidents with but was never compared with are counted in the
    subtitle, not drawn as empty rows."""
    title = f"How {source} compares with other sources"
    pairs = _pair_rows(source_agreement) if not source_agreement.empty else pd.DataFrame()
    if not pairs.empty:
        pairs = pairs[pairs["a"] == source]
    if pairs.empty:
        return _message_chart("No other source reports on the same incidents yet.", title=title, width=width)
    substance = corroborating_facets(knowledge)
    pairs = _with_counts(pairs, comparisons, substance)
    kinds = _bar_kinds(substance) if comparisons is not None else (
        ("agree", "agree", STATUS_COLORS[1]), ("conflict", "conflict", STATUS_COLORS[0]))
    pairs["total"] = sum(pairs[k] for k, _, _ in kinds)
    notes = []
    idle = int((pairs["total"] == 0).sum())
    if idle:
        notes.append(f"{idle} other source{'s' if idle > 1 else ''} share incidents with it but were never compared "
                     "with it on any facet.")
    pairs = pairs[pairs["total"] > 0]
    if pairs.empty:
        return _message_chart("It shares incidents with other sources, but no facet was compared.", title=title,
                              width=width)
    pairs = pairs.sort_values(["total", "shared", "b"], ascending=[False, False, True], kind="stable").head(max_rows)
    long = pd.concat([pairs.assign(verdict=label, n=pairs[k], rank=i) for i, (k, label, _) in enumerate(kinds)],
                     ignore_index=True)
    long = long[long["n"] > 0]
    recs = _records(long, ["b", "shared", "verdict", "n", "rank", *(k for k, _, _ in kinds)])
    tooltip = [alt.Tooltip("b:N", title="Other source"), alt.Tooltip("shared:Q", title="Shared incidents"),
               alt.Tooltip("verdict:N", title="Comparisons that"), alt.Tooltip("n:Q", title="Count")]
    return alt.Chart(alt.Data(values=recs)).mark_bar().encode(
        x=alt.X("n:Q", title="Facet comparisons", stack="zero", axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("b:N", title=None, sort=list(pairs["b"]), axis=alt.Axis(labelLimit=0)),
        color=alt.Color("verdict:N", title="Comparisons that",
                        scale=alt.Scale(domain=[label for _, label, _ in kinds], range=[c for _, _, c in kinds]),
                        legend=alt.Legend(labelLimit=0)),
        order=alt.Order("rank:Q"),
        tooltip=tooltip,
    ).properties(title=_title(title, notes), width=width, height=alt.Step(20))


def who_cites_whom(
    claims: pd.DataFrame,
    *,
    include_own_voice: bool = False,
    max_sources: int = 30,
    width: int | None = None,
) -> alt.Chart | alt.LayerChart:
    """Outlet × cited source: how many claims each outlet attributes to each
    source, with an example sentence. Republished copies (`duplicate_of`) are
    left out so a syndicated article counts once; the outlet's own voice —
    also where it names itself ('the Syrian Observatory for Human Rights has
    learned' on the Observatory's own site), which cites nobody — is left out
    unless `include_own_voice`. The tooltip says what kind of source it is
    in words."""
    title = "Who cites whom"
    if claims.empty:
        return _message_chart("No claims yet.", title=title)
    c = pd.DataFrame({
        "outlet": _col(claims, "outlet").replace("", "(unknown outlet)"),
        "source": _col(claims, "source"), "source_type": _col(claims, "source_type"),
        "source_side": _col(claims, "source_side"), "sentence": _col(claims, "sentence"),
        "dup": _col(claims, "duplicate_of"),
    })
    notes = []
    n_dup = int((c["dup"] != "").sum())
    if n_dup:
        notes.append(f"{n_dup} claims from republished copies are not counted again." if n_dup > 1 else
                     "1 claim from a republished copy is not counted again.")
    c = c[(c["dup"] == "") & (c["source"] != "")]
    if not include_own_voice:
        own = c["source"] == c["outlet"]
        n_own = int((own & (c["source_type"] != "outlet")).sum())
        if n_own:
            notes.append(f"{n_own} claim{'s' if n_own > 1 else ''} an outlet makes in its own name "
                         f"({_truncate(', '.join(sorted(set(c.loc[own & (c['source_type'] != 'outlet'), 'outlet']))), 80)}) "
                         "cite nobody: not counted.")
        c = c[(c["source_type"] != "outlet") & ~own]
    if c.empty:
        return _message_chart("No attributed claims yet.", title=title)
    agg = (c.groupby(["outlet", "source"], sort=True)
           .agg(claims=("sentence", "size"), example=("sentence", "first"),
                source_type=("source_type", "first"), source_side=("source_side", "first"))
           .reset_index())
    totals = agg.groupby("source")["claims"].sum().sort_values(ascending=False, kind="stable")
    if len(totals) > max_sources:
        notes.append(f"The {max_sources} most cited of {len(totals)} sources.")
        agg = agg[agg["source"].isin(totals.index[:max_sources])]
    src_order = list(totals.index[:max_sources])
    agg["example"] = agg["example"].map(_truncate)
    agg["kind"] = [source_kind_words(t, s) for t, s in zip(agg["source_type"], agg["source_side"])]
    recs = _records(agg, ["outlet", "source", "claims", "example", "kind"])
    tooltip = [alt.Tooltip("outlet:N", title="Outlet"), alt.Tooltip("source:N", title="Cites"),
               alt.Tooltip("claims:Q", title="Claims"), alt.Tooltip("kind:N", title="Source"),
               alt.Tooltip("example:N", title="Example")]
    x = alt.X("source:N", title="Cited source", sort=src_order, axis=alt.Axis(labelAngle=-40, labelLimit=0))
    y = alt.Y("outlet:N", title="Outlet", axis=alt.Axis(labelLimit=0))
    rect = alt.Chart().mark_rect(stroke="white").encode(
        x=x, y=y, color=alt.Color("claims:Q", title="Claims", scale=alt.Scale(scheme="blues")), tooltip=tooltip)
    text = alt.Chart().mark_text(fontSize=10).encode(x=x, y=y, text="claims:Q", tooltip=tooltip)
    return alt.layer(rect, text, data=alt.Data(values=recs)).properties(
        title=_title(title, notes), width=width or max(200, 34 * len(src_order)), height=alt.Step(26))


# ---------------------------------------------------------------- map
def outline_note(outline: Mapping[str, Any] | None) -> str:
    """'Outline: <source>. Licence: <licence>.' from the GeoJSON's metadata: the keys
    `source`/`name`/`attribution` and `license`/`licence` at the top level,
    under `metadata`, or in the first feature's properties."""
    if not outline:
        return "No country outline available."
    places: list[Mapping[str, Any]] = [outline]
    if isinstance(outline.get("metadata"), Mapping):
        places.append(outline["metadata"])
    feats = outline.get("features") if isinstance(outline.get("features"), list) else []
    if feats and isinstance(feats[0], Mapping) and isinstance(feats[0].get("properties"), Mapping):
        places.append(feats[0]["properties"])
    if isinstance(outline.get("properties"), Mapping):
        places.append(outline["properties"])

    def pick(*keys: str) -> str:
        for p in places:
            for k in keys:
                if _s(p.get(k)).strip():
                    return _s(p.get(k)).strip()
        return ""

    src = pick("source", "attribution", "dataset", "name")
    lic = pick("license", "licence")
    src = (src or "source not stated").rstrip(".")
    lic = (lic or "not stated").rstrip(".")
    return f"Outline: {src}. Licence: {lic}."


def _compact_geometry(geom: Any, ndigits: int) -> Any:
    if isinstance(geom, (list, tuple)):
        if geom and all(isinstance(v, (int, float)) for v in geom):
            return [round(float(v), ndigits) for v in geom]
        out = [_compact_geometry(g, ndigits) for g in geom]
        # drop consecutive duplicate points created by rounding
        if out and all(isinstance(p, list) and p and isinstance(p[0], float) for p in out):
            dedup = [out[0]] + [p for prev, p in zip(out, out[1:]) if p != prev]
            return dedup
        return out
    return geom


def _outline_features(outline: Mapping[str, Any], ndigits: int = 3) -> list[dict[str, Any]]:
    """Geometries of a GeoJSON FeatureCollection / Feature / geometry, rounded to
    `ndigits` decimals (about 100 m), properties dropped: small, and no
    unrelated strings in the page."""
    if outline.get("type") == "FeatureCollection":
        geoms = [f.get("geometry") for f in outline.get("features", []) if isinstance(f, Mapping)]
    elif outline.get("type") == "Feature":
        geoms = [outline.get("geometry")]
    else:
        geoms = [outline]
    out = []
    for g in geoms:
        if isinstance(g, Mapping) and "coordinates" in g and "type" in g:
            out.append({"type": "Feature", "properties": {},
                        "geometry": {"type": g["type"], "coordinates": _compact_geometry(g["coordinates"], ndigits)}})
    return out


def _default_outline(knowledge: Knowledge | None) -> Mapping[str, Any] | None:
    """The map outline of `knowledge` (default: the built-in knowledge's,
    Syria's) via `claimscope.places.outline`."""
    from .knowledge import load_knowledge
    from .places import outline

    return outline(knowledge if knowledge is not None else load_knowledge())


def incident_map(
    incidents: pd.DataFrame,
    claims: pd.DataFrame,
    *,
    outline: Mapping[str, Any] | None = None,
    use_default_outline: bool = True,
    width: int = 520,
    knowledge: Knowledge | None = None,
) -> alt.LayerChart | alt.Chart:
    """Geocoded incidents as points over a country outline, coloured by
    status and sized by independent accounts; the subtitle says how many
    incidents have no coordinates, and where the outline comes from (licence).

    `outline` is a GeoJSON dict; by default the outline of `knowledge` (a
    pack's outline.geojson; the built-in knowledge's is Syria's).
    """
    title = "Where the incidents happened"
    if outline is None and use_default_outline:
        outline = _default_outline(knowledge)
    pts = incident_points(incidents, claims)
    feats = _outline_features(outline) if outline else []
    notes = []
    geo = pts[pts["lat"].notna() & pts["lon"].notna()].copy() if not pts.empty else pts
    if pts.empty:
        notes.append("No incidents yet.")
    else:
        missing = len(pts) - len(geo)
        notes.append(f"{len(geo)} of {len(pts)} incidents shown; {missing} have no coordinates."
                     if missing else f"All {len(pts)} incidents have coordinates.")
    notes += _wrap(outline_note(outline) if outline else "No country outline available.", 95)
    layers: list[alt.Chart] = []
    if feats:
        layers.append(alt.Chart(alt.Data(values=feats)).mark_geoshape(fill="#f0f0f0", stroke="#888", strokeWidth=1))
    if not geo.empty:
        geo["status_label"] = geo["status"].map(lambda s: STATUS_LABELS.get(s, s or "(none)"))
        recs = _records(_listed(geo), ["incident_id", "lat", "lon", "status", "status_label", "n_sources", "n_claims",
                              "label", "places", "conflict_facets", "sources", "sentence"])
        layers.append(alt.Chart(alt.Data(values=recs)).mark_circle(opacity=0.8, stroke="white", strokeWidth=0.5).encode(
            longitude="lon:Q", latitude="lat:Q",
            color=alt.Color("status:N", scale=_status_scale(), title="Verdict",
                            legend=alt.Legend(labelExpr="replace(datum.label, '_', ' ')")),
            size=alt.Size("n_sources:Q", title="Independent accounts", scale=alt.Scale(range=[40, 500], zero=False),
                          legend=_size_legend(geo["n_sources"])),
            tooltip=_incident_tooltip(),
        ))
    if not layers:
        return _message_chart(notes[0], title=title, width=width)
    return alt.layer(*layers).project(type="mercator").properties(
        title=_title(title, notes), width=width, height=int(width * 0.85))


# ---------------------------------------------------------------- claims table
_FACET_CLASSES = ("source", "date", "place", "perpetrator", "target", "casualties", "event", "hedge", "negation")


def highlight_spans(sentence: str, phrases: Iterable[tuple[str, str | tuple[int, int]]]) -> list[tuple[int, int, str]]:
    """Non-overlapping `(start, end, facet)` spans in `sentence` for the given
    `(facet, phrase_or_offsets)` pairs: offsets are used as given, phrases are
    found case-insensitively (first occurrence). Earlier pairs win overlaps."""
    spans: list[tuple[int, int, str]] = []
    low = sentence.lower()
    for facet, what in phrases:
        if isinstance(what, tuple):
            a, b = what
        else:
            phrase = (what or "").strip()
            if phrase.startswith("inherited:"):
                continue
            if not phrase:
                continue
            a = low.find(phrase.lower())
            if a < 0:
                continue
            b = a + len(phrase)
        if not (0 <= a < b <= len(sentence)):
            continue
        if any(a < e and s < b for s, e, _ in spans):
            continue
        spans.append((a, b, facet))
    return sorted(spans)


def _marked(sentence: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """`sentence` as HTML with each span wrapped in <mark>; all text escaped."""
    out, pos = [], 0
    for a, b, facet in spans:
        out.append(html.escape(sentence[pos:a]))
        out.append(f'<mark class="cs-f-{html.escape(facet)}" title="{html.escape(facet)}">'
                   f"{html.escape(sentence[a:b])}</mark>")
        pos = b
    out.append(html.escape(sentence[pos:]))
    return "".join(out)


_CLAIMS_TABLE_COLUMNS = (
    "claim_id", "doc_id", "start", "incident_id", "sentence", "source", "source_raw", "source_type", "source_side",
    "outlet", "published", "event_date", "date_raw", "event_type", "event_cue", "places", "places_raw",
    "perpetrator", "perpetrator_raw", "target", "target_raw", "hedged", "hedge_cue", "negated", "negation_cue",
    "duplicate_of",
)


def claims_table(
    claims: pd.DataFrame,
    casualties: pd.DataFrame,
    incident_id: str | None = None,
    *,
    incident_ids: Sequence[str] | None = None,
    source: str | None = None,
    sources: Sequence[str] | None = None,
    max_rows: int = 500,
) -> pd.DataFrame:
    """Accounts side by side, one row per claim: source (type, side), outlet,
    dates, facets, casualty figures, hedged/negated marks, the sentence, and
    the `spans` of facet words in it (see `highlight_spans`).

    Select the claims of one incident (`incident_id`) or several
    (`incident_ids`, kept in that order), and/or of one or more sources
    (`source`, `sources`); at most `max_rows` rows.
    """
    cols = ["incident_id", "claim_id", "source", "source_type", "source_side", "outlet", "published", "event_date",
            "event_type", "places", "perpetrator", "target", "casualties", "hedged", "negated", "duplicate_of",
            "sentence", "spans", "doc_id"]
    empty = pd.DataFrame({c: pd.Series([], dtype="object") for c in cols})
    if claims.empty:
        return empty
    keep = pd.Series(True, index=claims.index)
    order: list[str] = []
    if incident_id is not None or incident_ids is not None:
        order = ([incident_id] if incident_id is not None else []) + list(incident_ids or [])
        keep &= _col(claims, "incident_id").isin(order)
    if source is not None or sources is not None:
        keep &= _col(claims, "source").isin(([source] if source is not None else []) + list(sources or []))
    mine = claims[keep]
    if mine.empty:
        return empty
    figs: dict[str, list[tuple[str, tuple[int, int] | str]]] = {}
    fig_text: dict[str, list[str]] = {}
    starts = {cid: _i(s) for cid, s in zip(_col(mine, "claim_id"), mine["start"] if "start" in mine.columns
                                           else [None] * len(mine))}
    if not casualties.empty:
        cas = casualties[_col(casualties, "claim_id").isin(set(_col(mine, "claim_id")))]
        for r in cas.itertuples(index=False):
            cid = _s(r.claim_id)
            what = " ".join(x for x in (_s(r.victims), _s(r.outcome).replace("_", " ")) if x)
            fig_text.setdefault(cid, []).append(f"{format_range(r.min, r.max)} {what}".strip())
            s0 = starts.get(cid)
            a, b = (_i(getattr(r, "start", None)), _i(getattr(r, "end", None)))
            if s0 is not None and a is not None and b is not None:
                figs.setdefault(cid, []).append(("casualties", (a - s0, b - s0)))
            elif _s(getattr(r, "raw", "")):
                figs.setdefault(cid, []).append(("casualties", _s(r.raw)))
    rows = []
    used = [c for c in _CLAIMS_TABLE_COLUMNS if c in mine.columns]  # to_dict costs per column: only those read
    for r in mine[used].to_dict("records"):
        cid = _s(r.get("claim_id"))
        sentence = _s(r.get("sentence"))
        phrases: list[tuple[str, Any]] = [("source", _s(r.get("source_raw")))]
        phrases += figs.get(cid, [])
        phrases += [("negation", _s(r.get("negation_cue"))), ("hedge", _s(r.get("hedge_cue"))),
                    ("date", _s(r.get("date_raw")))]
        phrases += [("place", p) for p in _s(r.get("places_raw")).split(";")]
        phrases += [("perpetrator", _s(r.get("perpetrator_raw"))), ("target", _s(r.get("target_raw"))),
                    ("event", _s(r.get("event_cue")))]
        rows.append({
            "incident_id": _s(r.get("incident_id")), "claim_id": cid, "source": _s(r.get("source")), "source_type": _s(r.get("source_type")),
            "source_side": _s(r.get("source_side")), "outlet": _s(r.get("outlet")),
            "published": _s(r.get("published")), "event_date": _s(r.get("event_date")),
            "event_type": _s(r.get("event_type")), "places": _s(r.get("places")).replace(";", "; "),
            "perpetrator": _s(r.get("perpetrator")), "target": _s(r.get("target")),
            "casualties": "; ".join(fig_text.get(cid, [])), "hedged": _truth(r.get("hedged")),
            "negated": _truth(r.get("negated")), "duplicate_of": _s(r.get("duplicate_of")),
            "sentence": sentence, "spans": highlight_spans(sentence, phrases),
            "_doc": _s(r.get("doc_id")), "_start": _i(r.get("start")) or 0,
        })
    out = pd.DataFrame(rows)
    rank = {iid: i for i, iid in enumerate(order)}
    out["_inc"] = out["incident_id"].map(lambda i: rank.get(i, len(rank)))
    out["_src"] = out["source"].str.lower()
    out["_none"] = out["incident_id"] == ""   # claims of no incident last
    out = out.sort_values(["_inc", "_none", "incident_id", "_src", "published", "_doc", "_start"], kind="stable")
    out["doc_id"] = out["_doc"]
    return out[cols].head(max_rows).reset_index(drop=True)


def doc_anchor(doc_id: str) -> str:
    """The id of a document's section on an incident page: `doc-` and a
    name safe in any HTML id and URL fragment (letters, digits, `-`, `_`)."""
    text = str(doc_id)
    if re.fullmatch(r"[A-Za-z0-9_-]{1,64}", text):
        return f"doc-{text}"
    return "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


# the style of the HTML tables (claims, incidents, comparisons), in templates/css/table.css
TABLE_CSS = "<style>\n" + (Path(__file__).resolve().parent / "templates" / "css" / "table.css").read_text(
    encoding="utf-8") + "</style>"


def claims_table_html(
    claims: pd.DataFrame,
    casualties: pd.DataFrame,
    incident_id: str | None = None,
    *,
    incident_ids: Sequence[str] | None = None,
    source: str | None = None,
    sources: Sequence[str] | None = None,
    max_rows: int = 500,
    incidents: pd.DataFrame | None = None,
    doc_links: bool = False,
    profiles: Mapping[str, str] | None = None,
    knowledge: Knowledge | None = None,
) -> str:
    """`claims_table` as an HTML table (every value escaped) with the facet
    words highlighted in each sentence, a heading row per incident when there
    are several (titled from `incidents` when given), and a legend of the
    highlight colours. With `doc_links`, each account links to its
    document's section on the same page (`doc_anchor`); `profiles` maps
    source names to their profile pages; `knowledge` names the event types
    (`event_words`)."""
    t = claims_table(claims, casualties, incident_id, incident_ids=incident_ids, source=source, sources=sources,
                     max_rows=max_rows + 1)
    if t.empty:
        return f'{TABLE_CSS}<p class="cs-muted">No claims to show.</p>'
    more = len(t) > max_rows
    t = t.head(max_rows)
    e = html.escape
    head = ("<tr><th>Source</th><th>Outlet</th><th>Dates</th><th>Facets</th><th>Casualties</th>"
            "<th>Marks</th><th>Sentence</th></tr>")
    several = t["incident_id"].nunique() > 1
    labels: dict[str, str] = {}
    if several and incidents is not None and not incidents.empty:
        labels = dict(zip(_col(incidents, "incident_id"), _labels(incidents)))  # labels only: no claims work
    body = []
    current = None
    for r in t.to_dict("records"):
        if several and r["incident_id"] != current:
            current = r["incident_id"]
            heading = (f"{labels[current]} ({current})" if current in labels else f"Incident {current}" if current
                       else "Not part of any incident (background, statements, other events)")
            body.append(f'<tr><th colspan="7">{e(heading)}</th></tr>')
        facets = "<br>".join(f"<b>{e(k)}</b>: {e(v)}" for k, v in (
            ("event", event_words(r["event_type"], knowledge=knowledge)), ("places", r["places"]), ("perpetrator", r["perpetrator"]),
            ("target", r["target"])) if v)
        marks = " ".join(m for m in (
            '<span class="cs-badge cs-mark">hedged</span>' if r["hedged"] else "",
            '<span class="cs-badge cs-neg">denial</span>' if r["negated"] else "",
            f'<span class="cs-badge">copy of {e(r["duplicate_of"])}</span>' if r["duplicate_of"] else "") if m)
        src_meta = source_kind_words(r["source_type"], r["source_side"])
        src_html = e(r["source"])
        if profiles and profiles.get(r["source"]):
            src_html = f'<a href="{e(profiles[r["source"]])}">{src_html}</a>'
        outlet_html = e(r["outlet"] or "(unknown outlet)")
        if doc_links and r["doc_id"]:
            outlet_html = (f'<a href="#{e(doc_anchor(r["doc_id"]))}">{outlet_html}</a>'
                           f'<br><span class="cs-muted">{e(r["doc_id"])}</span>')
        body.append(
            f"<tr><td><b>{src_html}</b><br><span class=\"cs-muted\">{e(src_meta)}</span></td>"
            f"<td>{outlet_html}</td>"
            f"<td>event: {e(r['event_date'] or '?')}<br><span class=\"cs-muted\">published: {e(r['published'] or '?')}</span></td>"
            f"<td>{facets}</td><td>{e(r['casualties'])}</td><td>{marks}</td>"
            f"<td class=\"cs-sentence\">{_marked(r['sentence'], r['spans'])}</td></tr>")
    tail = f'<p class="cs-muted">First {max_rows} claims shown.</p>' if more else ""
    legend = " ".join(f'<mark class="cs-f-{f}">{f}</mark>' for f in _FACET_CLASSES)
    return (f'{TABLE_CSS}<table class="cs-table"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table>'
            f'{tail}<p class="cs-muted">Highlighted: {legend}</p>')


# ---------------------------------------------------------------- display
def _spec(chart: alt.TopLevelMixin | Mapping[str, Any]) -> dict[str, Any]:
    return dict(chart) if isinstance(chart, Mapping) else chart.to_dict()


def _script_json(obj: Any) -> str:
    """JSON that is safe inside an HTML <script> element (no `</script>`,
    no `<!--`): `<`, `>`, `&` and the JS line separators become unicode escapes."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_EMBED_SCRIPT = (
    "(function(s){var box=s.parentNode,view=box.querySelector('.cs-chart-view');"
    "var spec=JSON.parse(box.querySelector('script.cs-chart-spec').textContent);"
    "if(!window.vegaEmbed){view.textContent='This chart needs the page built by claimscope report.';return;}"
    "window.vegaEmbed(view,spec,{actions:false,renderer:'svg'})"
    ".catch(function(e){view.textContent='Chart failed: '+e;console.error(e);});"
    "})(document.currentScript);"
)


def chart_html(chart: alt.TopLevelMixin | Mapping[str, Any]) -> str:
    """An HTML fragment that renders `chart` with the page's `window.vegaEmbed`
    (embedded once per page by the claimscope nbconvert template). The spec is
    JSON in a non-executed script element, so no table text can break out."""
    return (
        '<div class="cs-chart"><div class="cs-chart-view"></div>'
        f'<script type="application/json" class="cs-chart-spec">{_script_json(_spec(chart))}</script>'
        f"<script>{_EMBED_SCRIPT}</script></div>"
    )


def mimebundle(chart: alt.TopLevelMixin | Mapping[str, Any], *, html_export: bool = False) -> dict[str, Any]:
    """Display data for `chart`: for the offline HTML export a `text/html`
    fragment (`chart_html`); otherwise JupyterLab's built-in Vega-Lite 5 MIME
    type (nbformat-valid, rendered offline by JupyterLab itself)."""
    spec = _spec(chart)
    if html_export:
        return {"text/html": chart_html(spec), "text/plain": "<claimscope chart>"}
    return {"application/vnd.vegalite.v5+json": spec, "text/plain": "<claimscope chart>"}


def enable_renderer(*, html_export: bool = False) -> None:
    """Make altair display charts through `mimebundle` in this kernel.

    Notebooks call it once at the top. It registers and enables the altair
    renderer `claimscope` (altair's renderer registry is per-process state: the
    one side effect in this module, confined to notebook kernels)."""
    def render(spec: dict[str, Any], **_: Any) -> dict[str, Any]:
        return mimebundle(spec, html_export=html_export)

    alt.renderers.register("claimscope", render)
    alt.renderers.enable("claimscope")
    _skip_display_validation(html_export)


def _skip_display_validation(on: bool) -> None:
    """For the HTML export, display charts from `to_dict(validate=False)`.

    altair validates every spec against the Vega-Lite schema when it displays
    a chart: ~50 ms a chart, the largest part of a report page's time. The
    specs these functions build are validated by the tests (tests/test_charts.py
    calls `to_dict()` on every chart), and the dict is the same either way. In
    JupyterLab (`html_export=False`) altair's own display, validation
    included, is kept."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - notebooks always have IPython
        return
    shell = get_ipython()
    if shell is None:
        return
    formatter = shell.display_formatter.mimebundle_formatter
    if on:
        formatter.for_type(alt.TopLevelMixin, lambda chart: mimebundle(
            chart.to_dict(validate=False, context={"pre_transform": False}), html_export=True))
    else:
        formatter.pop(alt.TopLevelMixin, None)
