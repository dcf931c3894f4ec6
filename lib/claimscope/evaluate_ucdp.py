"""UCDP-AEC: each report's main incident against UCDP GED's expert event coding.

The corpus (../shared/corpora/ucdp_aec, see its README) pairs 80 real reports
with the UCDP GED event coded from each. Per report the tool's main incident is
`documents.main_incident_id` when the pipeline provides it, else the incident
of the report's first non-negated claim with a killed figure (the baseline
definition of issue 10). It is scored on:

* date: its date range lies within the label's start_date - 1 ... end_date + 1;
* governorate: equals the label's `location_adm1_name`, mapped to the canonical
  governorate names through data/ucdp_crosswalk.yaml (a label with none, such
  as an event in the desert, wants none);
* deaths: `casualties_best` (killed only; none counts as 0) lies within
  deaths_low ... deaths_high;
* dyad: the perpetrator's side and the victims' side are the label's two sides
  (side_a, side_b mapped to claimscope sides through the crosswalk, in either
  order); civilian victims also match the side the perpetrator is not on when
  the label counts civilian deaths (UCDP codes civilians killed in fighting
  between two parties under that dyad, as deaths_civilian). When the only
  dead the incident counts are the perpetrator's own (an attacker killed in
  its raid), the other side is the side it attacked (the incident's targets);
  when it names no perpetrator but counts dead fighters of two sides ("killed
  in clashes between X and Y"), those two sides are the dyad; when its dead
  are civilians and fighters of a side the perpetrator is not on, the dyad is
  with that side (UCDP's state-based dyads are between armed sides; the
  civilians are counted under them). A label between two factions of one
  side (crosswalk `actors`: Ahrar al-Sharqiya / Hamza Division) is met by
  those two actors as perpetrator and victims. Sides come from the incident's `perpetrator`/`target` columns when
  it has them, else from its claims' perpetrators and killed victims through
  the actor side table (civilian victims groups are the side `civilians`);
  a consensus of two sides of a clash (`;`-joined) names as perpetrator the
  one whose dead are not the victims ("gunmen of X killed in Y's fire" told
  beside X's shelling of the area).
  A claim's perpetrator counts here even when the claim is hedged ("gunmen,
  believed to be ISIS members"): UCDP codes such events on the named side,
  while the incident's own `perpetrator` consensus leaves hedged claims out.
  The crosswalk puts the forces UCDP codes on a side under it (Iranian-backed
  militias and Russia's air force with the Government of Syria, the US-led
  coalition with the SDF); the tool never attributes an act the text does not.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections import Counter
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

import yaml

from .actors import actor_sides
from .knowledge import Knowledge
from .resources import data_text

__all__ = ["ucdp_dir", "ucdp_columns", "crosswalk", "main_incidents", "incident_sides", "incident_actors", "score_ucdp"]

REPO = Path(__file__).resolve().parents[2]
MAIN_COLUMN = "documents.main_incident_id"
MAIN_FALLBACK = "first non-negated claim with a killed figure"


def ucdp_dir() -> Path:
    """Where UCDP-AEC is read from ($CLAIMSCOPE_UCDP_AEC or ../shared/corpora/ucdp_aec)."""
    env = os.environ.get("CLAIMSCOPE_UCDP_AEC")
    return Path(env) if env else REPO.parent / "shared" / "corpora" / "ucdp_aec"


def ucdp_columns() -> dict[str, str]:
    """Column map for articles.csv."""
    return {"id": "ged_id", "text": "text", "published": "source_date"}


def crosswalk() -> dict[str, dict[str, Any]]:
    """UCDP governorate and actor names -> claimscope's (data/ucdp_crosswalk.yaml:
    evaluation data, outside the knowledge packs)."""
    data = yaml.safe_load(data_text("ucdp_crosswalk.yaml"))
    return {"governorates": dict(data["governorates"]),
            "sides": {k: frozenset(v) for k, v in data["sides"].items()},
            "actors": {k: frozenset(v) for k, v in (data.get("actors") or {}).items()}}


def _text(value: Any) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def _civilian_groups(knowledge: Knowledge) -> frozenset[str]:
    return frozenset(g["group"] for g in knowledge.actors["generic"] if g["kind"] == "civilians")


def main_incidents(tables: Mapping[str, pd.DataFrame]) -> tuple[dict[str, str], str]:
    """(doc_id -> main incident id, how it was chosen). Uses
    `documents.main_incident_id` when the column exists; otherwise each
    document's first claim (in text order) that is not negated and has a
    killed figure above zero; documents without one are left out."""
    docs = tables["documents"]
    if "main_incident_id" in docs.columns:
        out = {str(d): _text(m) for d, m in zip(docs["doc_id"], docs["main_incident_id"]) if _text(m)}
        return out, MAIN_COLUMN
    claims, cas = tables["claims"], tables["casualties"]
    killed = cas[(cas["outcome"] == "killed") & ~((cas["min"].fillna(0) == 0) & (cas["max"].fillna(1) == 0))]
    with_killed = set(killed["claim_id"])
    c = claims[claims["claim_id"].isin(with_killed) & ~claims["negated"].fillna(False).astype(bool)]
    c = c[c["incident_id"].fillna("") != ""].sort_values(["doc_id", "start"], kind="stable")
    first = c.drop_duplicates("doc_id")
    return dict(zip(first["doc_id"].astype(str), first["incident_id"].astype(str))), MAIN_FALLBACK


def _side(name: str, sides: Mapping[str, str], known: frozenset[str], civilians: frozenset[str]) -> str:
    if not name:
        return ""
    if name in civilians:
        return "civilians"
    if name in sides:
        return sides[name]
    return name if name in known else ""


def _most_common(values: list[str]) -> str:
    values = [v for v in values if v]
    return Counter(values).most_common(1)[0][0] if values else ""


def incident_sides(tables: Mapping[str, pd.DataFrame], *, knowledge: Knowledge) -> dict[str, tuple[str, str]]:
    """incident_id -> (perpetrator side, victims side); '' when unknown.

    The perpetrator from the incident's `perpetrator` consensus when it names
    one (of two sides of a clash, the one whose dead are not the victims), else the most cited side among its non-negated claims' perpetrators;
    the victims (UCDP's other side is whose deaths it counts) from the most
    cited side among the victims of its killed figures (any casualty figure
    when none is killed, then the claims' targets), else the incident's
    `target` consensus."""
    sides = actor_sides(knowledge)
    known = frozenset(sides.values()) | {"civilians"}
    civilians = _civilian_groups(knowledge)
    inc = tables["incidents"]
    from_claims = _claim_sides(tables, sides, known, civilians)
    if "perpetrator" in inc.columns and "target" in inc.columns:
        out = {}
        for i, p, t in zip(inc["incident_id"], inc["perpetrator"], inc["target"]):
            perp, victims = from_claims.get(str(i), ("", ""))
            victims = victims or _side(_text(t), sides, known, civilians)
            out[str(i)] = (_consensus_side(_text(p), victims, sides, known, civilians) or perp, victims)
        return out
    return from_claims


def _consensus_side(perpetrator: str, victims: str, sides: Mapping[str, str], known: frozenset[str],
                    civilians: frozenset[str]) -> str:
    """The side of an incident's `perpetrator` consensus. Two actors of two
    sides `;`-joined are the two sides of a clash: whose dead the incident
    counts is one of them, so the other is the side that killed them ('' when
    the victims are neither's)."""
    names = [n for n in perpetrator.split(";") if n.strip()]
    if len(names) < 2:
        return _side(perpetrator, sides, known, civilians)
    got = {_side(n.strip(), sides, known, civilians) for n in names} - {""}
    return next(iter(got - {victims})) if len(got) == 2 and victims in got else ""


def _claim_sides(tables: Mapping[str, pd.DataFrame], sides: Mapping[str, str], known: frozenset[str],
                 civilians: frozenset[str]) -> dict[str, tuple[str, str]]:
    claims = tables["claims"]
    claims = claims[(claims["incident_id"].fillna("") != "") & ~claims["negated"].fillna(False).astype(bool)]
    claims = claims.sort_values(["incident_id", "doc_id", "start"], kind="stable")
    cas = tables["casualties"].merge(claims[["claim_id", "incident_id"]], on="claim_id", how="inner")
    cas_by_inc = {i: g for i, g in cas.groupby("incident_id", sort=False)}
    out: dict[str, tuple[str, str]] = {}
    for inc_id, group in claims.groupby("incident_id", sort=False):
        perp = _most_common([_side(_text(p), sides, known, civilians) for p in group["perpetrator"]])
        figs = cas_by_inc.get(inc_id)
        victims = ""
        if figs is not None:
            killed = figs[figs["outcome"] == "killed"]
            for rows in (killed, figs):
                victims = _most_common([_figure_side(r, sides, known, civilians) for r in rows.to_dict("records")])
                if victims:
                    break
        if not victims:
            victims = _most_common([_side(_text(t), sides, known, civilians) for t in group["target"]])
        out[str(inc_id)] = (perp, victims)
    return out


def _incident_parties(tables: Mapping[str, pd.DataFrame], *, knowledge: Knowledge
                      ) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """incident_id -> (the sides of its killed combatants, the sides of its
    claims' targets), over its non-negated claims."""
    sides = actor_sides(knowledge)
    known = frozenset(sides.values()) | {"civilians"}
    civilians = _civilian_groups(knowledge)
    claims = tables["claims"]
    claims = claims[(claims["incident_id"].fillna("") != "") & ~claims["negated"].fillna(False).astype(bool)]
    cas = tables["casualties"].merge(claims[["claim_id", "incident_id"]], on="claim_id", how="inner")
    killed: dict[str, set[str]] = {}
    for r in cas[cas["outcome"] == "killed"].to_dict("records"):
        side = _figure_side(r, sides, known, civilians)
        if side and side != "civilians":
            killed.setdefault(str(r["incident_id"]), set()).add(side)
    targets: dict[str, set[str]] = {}
    for i, t in zip(claims["incident_id"], claims["target"]):
        side = _side(_text(t), sides, known, civilians)
        if side and side != "civilians":
            targets.setdefault(str(i), set()).add(side)
    return {i: (frozenset(killed.get(i, ())), frozenset(targets.get(i, ()))) for i in set(killed) | set(targets)}


def incident_actors(tables: Mapping[str, pd.DataFrame]) -> dict[str, tuple[str, frozenset[str]]]:
    """incident_id -> (perpetrator actor, the victims groups of its killed
    figures); '' / empty when unknown. The perpetrator is the incident's
    `perpetrator` consensus when it names one actor, else its non-negated
    claims' most cited perpetrator. For dyads between two factions of one side."""
    claims = tables["claims"]
    claims = claims[(claims["incident_id"].fillna("") != "") & ~claims["negated"].fillna(False).astype(bool)]
    cas = tables["casualties"].merge(claims[["claim_id", "incident_id"]], on="claim_id", how="inner")
    victims = {str(i): frozenset(_text(v) for v in g["victims"] if _text(v))
               for i, g in cas[cas["outcome"] == "killed"].groupby("incident_id", sort=False)}
    perps = {str(i): _most_common([_text(p) for p in g["perpetrator"]]) for i, g in claims.groupby("incident_id", sort=False)}
    inc = tables["incidents"]
    consensus = {}
    if "perpetrator" in inc.columns:
        consensus = {str(i): _text(p) for i, p in zip(inc["incident_id"], inc["perpetrator"]) if ";" not in _text(p)}
    ids = set(victims) | set(perps) | set(consensus)
    return {i: (consensus.get(i) or perps.get(i, ""), victims.get(i, frozenset())) for i in ids}


def _dyad_ok(perp: str, victims: str, parties: tuple[frozenset[str], frozenset[str]], a: frozenset[str],
             b: frozenset[str], civilian_deaths: bool, *,
             names: tuple[str, frozenset[str]] = ("", frozenset()),
             a_actors: frozenset[str] = frozenset(), b_actors: frozenset[str] = frozenset()) -> bool:
    """Whether the incident's sides are the label's dyad (module docstring);
    a label between two factions of one side wants those two actors
    (`names`: the incident's perpetrator and the victims of its killed figures)."""
    def pair(x: str, y: str) -> bool:
        return (x in a and y in b) or (x in b and y in a)
    x, killed_groups = names
    if a_actors and b_actors and x and any(
            (x in a_actors and y in b_actors) or (x in b_actors and y in a_actors) for y in killed_groups if y != x):
        return True
    killed, targets = parties
    fighters = sorted(killed - {perp})
    if perp and victims == "civilians" and fighters:
        victims = fighters[0]  # civilians and another side's fighters dead: the dyad is with that side
    if perp and victims and victims != perp:
        return pair(perp, victims) or (victims == "civilians" and civilian_deaths and (perp in a or perp in b))
    if perp:  # its own dead only: the other side is the side it attacked
        return any(pair(perp, t) for t in targets - {perp})
    return any(pair(x, y) for x in killed for y in killed if x != y)  # "clashes between X and Y": both lost men


def _figure_side(row: Mapping[Any, Any], sides: Mapping[str, str], known: frozenset[str],
                 civilians: frozenset[str]) -> str:
    """A figure's victims side: `civilians` for civilian victims, else the
    combatants' `side` the extraction found, else the side of the victims group."""
    if _text(row.get("category")) == "civilians":
        return "civilians"
    return _text(row.get("side")) or _side(_text(row.get("victims")), sides, known, civilians)


def _date(value: Any) -> _dt.date | None:
    s = _text(value)[:10]
    try:
        return _dt.date.fromisoformat(s) if s else None
    except ValueError:
        return None


def score_ucdp(tables: Mapping[str, pd.DataFrame], labels: pd.DataFrame, *, knowledge: Knowledge) -> dict[str, Any]:
    """Date, governorate, deaths and dyad of each report's main incident against
    its UCDP label. Returns {"main_incident_from", "reports", "no_main_incident",
    "measures": {measure: (hits, judged, rate)}, "details": DataFrame,
    "shared_main": groups of reports sharing a main incident, "shared_main_pairs"};
    every labelled report is judged (no main incident is a miss on every
    measure)."""
    cw = crosswalk()
    main, how = main_incidents(tables)
    inc = tables["incidents"].copy()
    inc["incident_id"] = inc["incident_id"].astype(str)
    inc = inc.set_index("incident_id")
    sides = incident_sides(tables, knowledge=knowledge)
    parties = _incident_parties(tables, knowledge=knowledge)
    actors = incident_actors(tables)
    docs = tables["documents"].copy()
    doc_of = {str(d): str(d) for d in docs["doc_id"]}
    claims = tables["claims"]
    first_sentence = {}
    for r in claims.sort_values(["doc_id", "start"], kind="stable").itertuples(index=False):
        key = (str(r.doc_id), _text(r.incident_id))
        first_sentence.setdefault(key, _text(r.sentence))
    rows = []
    for lab in labels.itertuples(index=False):
        doc_id = doc_of.get(str(lab.ged_id), "")
        inc_id = main.get(doc_id, "")
        i = inc.loc[inc_id] if inc_id and inc_id in inc.index else None
        start, end = _date(lab.start_date), _date(lab.end_date)
        d0 = _date(i["date_start"]) if i is not None else None
        d1 = _date(i["date_end"]) if i is not None else None
        date_ok = bool(d0 and d1 and start and end and start - _dt.timedelta(days=1) <= d0
                       and d1 <= end + _dt.timedelta(days=1))
        want_gov = cw["governorates"].get(_text(lab.location_adm1_name), _text(lab.location_adm1_name))
        got_gov = _text(i["governorate"]) if i is not None else ""
        best = i["casualties_best"] if i is not None else None
        deaths = int(best) if i is not None and _text(best) else 0
        deaths_ok = i is not None and int(lab.deaths_low) <= deaths <= int(lab.deaths_high)
        perp, victims = sides.get(inc_id, ("", ""))
        a = cw["sides"].get(_text(lab.side_a_name), frozenset())
        b = cw["sides"].get(_text(lab.side_b_name), frozenset())
        civilian_deaths = int(getattr(lab, "deaths_civilian", 0) or 0) > 0
        dyad_ok = _dyad_ok(perp, victims, parties.get(inc_id, (frozenset(), frozenset())), a, b, civilian_deaths,
                           names=actors.get(inc_id, ("", frozenset())),
                           a_actors=cw["actors"].get(_text(lab.side_a_name), frozenset()),
                           b_actors=cw["actors"].get(_text(lab.side_b_name), frozenset()))
        rows.append({
            "ged_id": str(lab.ged_id), "main_incident_id": inc_id,
            "incident_title": _text(i["title"]) if i is not None and "title" in inc.columns else "",
            "label_dates": f"{lab.start_date}..{lab.end_date}",
            "tool_dates": f"{d0 or ''}..{d1 or ''}" if i is not None else "", "date_ok": date_ok,
            "label_governorate": want_gov, "tool_governorate": got_gov, "governorate_ok": i is not None and got_gov == want_gov,
            "label_deaths": f"{lab.deaths_low}-{lab.deaths_high}", "tool_deaths_best": deaths if i is not None else "",
            "deaths_ok": bool(deaths_ok),
            "label_dyad": f"{lab.side_a_name} / {lab.side_b_name}", "tool_perpetrator_side": perp,
            "tool_victims_side": victims, "dyad_ok": dyad_ok,
            "main_sentence": first_sentence.get((doc_id, inc_id), "")[:300],
        })
    details = pd.DataFrame(rows)
    n = len(details)
    measures = {}
    for key, col in (("date", "date_ok"), ("governorate", "governorate_ok"), ("deaths", "deaths_ok"), ("dyad", "dyad_ok")):
        hits = int(details[col].sum()) if n else 0
        measures[key] = (hits, n, hits / n if n else 0.0)
    # every report tells a different UCDP event: two sharing a main incident is a linkage (or date) error
    by_main: dict[str, list[str]] = {}
    for ged, inc_id in zip(details["ged_id"] if n else [], details["main_incident_id"] if n else []):
        if inc_id:
            by_main.setdefault(inc_id, []).append(ged)
    shared = sorted(tuple(sorted(v)) for v in by_main.values() if len(v) > 1)
    return {"main_incident_from": how, "reports": n,
            "no_main_incident": int((details["main_incident_id"] == "").sum()) if n else 0,
            "measures": measures, "details": details, "shared_main": shared,
            "shared_main_pairs": sum(len(v) * (len(v) - 1) // 2 for v in shared)}
