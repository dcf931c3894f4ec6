"""Align claims into incidents, within and across documents, and say why.

Readers of conflict reporting group sentences into incidents without thinking:
"the attack", "the explosion", "In response" refer back; two outlets telling
of an airstrike in the same town on the same day tell of one airstrike. This
stage does it explicitly, in two passes, and records every link with its
reasons (`links` table):

1. **Within a document**, in reading order: each claim joins one of the
   document's recent local incidents when the evidence says so (a follow-up
   cue, a date and place carried over from context, a shared place name, the
   same target...) and nothing forbids it (another day, another governorate,
   a place too far away). Republished copies (`duplicate_of`) are tied to
   their originals sentence by sentence.
2. **Across documents**, like MELTT's spatio-temporal windows: only local
   incidents that hold an act dated to the day (by its words, its context
   or, weakly, the report's date) and share an area (governorate group) and
   a day are candidate pairs (blocking; never all pairs). Each pair gets a
   comparison vector (date, place, event type, victims, toll, perpetrator,
   target, outlet, source, lead/main; `_compare_nodes`), scored with the
   Fellegi-Sunter match weights of the pack's linkage_weights.csv
   (`claimscope.linkage`; a disagreement weighs 0), and the scored pairs are
   clustered by average linkage (`linkage.cluster`): one strong link cannot
   chain two incidents through a weak one. Two local incidents of one
   report, claims an analyst split, and towns farther apart than
   `max_km_act` never share a cluster. Whole clusters that tell one day's
   acts of one type at one place are then joined when most of their cross
   pairs hold (`linkage.join_clusters`, `_one_event`: the two halves of a
   big event), a report's act told at no town barring nothing. Running totals, background and
   statements never anchor a link; a recap may link, the report's main
   incident does not follow it (a claim whose figures are all in an "after"
   clause dated before its own day is aligned by that day: `_recap_day`).
   Each report's main incident
   (`documents.main_incident_id`) is that of its lead act (headline and lede).

Analysts correct the machine with an overrides file (`load_overrides`, format
in the "Analyst overrides" section of README.md): `merge`, `split` and `assign` entries are applied
deterministically and reported in the `overrides` table.

Incident ids are "i" + a hash of the incident's smallest claim_id: adding
documents that do not join an incident leaves its id unchanged. Output does
not depend on the input row order. Knowledge (windows, weights, cues,
event-type groups) comes from the knowledge pack's `align.yaml`
(`AlignSettings`); a claim's places and actors are read from the `mentions`
table extraction wrote, never looked up again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as _dt
import functools
import gc
import hashlib
import math
import os
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz import process as rf_process

from . import cells, schema
from .actors import actor_sides
from .dates import date_interval, find_dates
from .errors import KnowledgeError, OverridesError
from .events import event_label
from .knowledge import Knowledge
from .linkage import FEATURES as LINK_FEATURES
from .linkage import LINKAGES, LinkageModel, cluster, join_clusters, model_from_rows, probability
from .linkage import reasons as link_reasons
from .linkage import score as link_score
from .places import PlaceProfile, Translit, best_match, km_between, place_profiles, translit
from .resources import first_chars, norm_phrase, phrase_pattern, regex
from .safeio import bounded, load_user_yaml, printable, shorten

__all__ = [
    "AlignResult",
    "Overrides",
    "OverridesError",
    "OVERRIDES_COLUMNS",
    "LINK_KINDS",
    "align",
    "load_overrides",
    "incident_id",
    "event_type_relation",
    "AlignSettings",
    "align_settings",
    "candidate_blocks",
    "block_pairs",
    "score_block",
    "linkage_pairs",
]

OVERRIDES_COLUMNS = ("action", "claims", "target", "status", "detail")
LINK_KINDS = ("within_document", "cross_document", "republished", "override")


# =============================================================================== config

@dataclass(frozen=True)
class AlignSettings:
    """Alignment's knowledge, compiled from the pack's align.yaml (windows,
    weights, thresholds, cues), events.yaml (type ranks) and
    transliteration.yaml (place-name similarity): small and picklable, it
    travels with the scoring blocks to worker processes."""

    slack_cross: int
    slack_within: int
    statement_lag: int
    anchor_precisions: frozenset[str]
    gov_group: Mapping[str, str]
    town_kinds: frozenset[str]
    place_levels: Mapping[str, str]   # town kind -> its level below the governorate (quarter, settlement)
    max_km: float
    max_km_follow: float
    max_km_act: float
    same_place: float
    relation: Mapping[tuple[str, str], str]
    generic_types: frozenset[str]
    non_anchor_types: frozenset[str]
    distinctive_types: frozenset[str]
    recent: int
    join_min: float
    w_in: Mapping[str, float]
    near_km_in: float
    means_types: frozenset[str]
    follow_up: re.Pattern[str]
    responsibility_claim: re.Pattern[str]
    recap_clause: re.Pattern[str] | None  # "after"/"following" opening a clause that recalls an earlier act
    recap_not_before: re.Pattern[str] | None  # a word after the opener that makes it no recap ("after which")
    uncounted_toll: re.Pattern[str] | None  # casualties told without a figure ("leaving casualties")
    uncounted_negation: re.Pattern[str] | None  # a negation just before such a cue ("Nobody was killed")
    origin_place: re.Pattern[str] | None  # text before a place naming where fire came from ("positioned in")
    origin_cue: re.Pattern[str] | None    # any of those cues, to skip sentences without one
    past_act: re.Pattern[str] | None  # a verb of an act told (kinds.yaml past_acts): "shot", "struck"
    act_determiners: frozenset[str]   # before a participle, an adjective: "the wounded" (kinds.yaml)
    new_event: re.Pattern[str]
    additive_event: re.Pattern[str] | None  # "Moreover, ...": another act unless it refers back to one
    recap_anaphors: frozenset[str]  # "That attack ..." after a recap: the recalled act
    model: LinkageModel
    link_threshold: float
    missing_weight: float
    linkage: str
    near_km_x: float
    vicinity_km_x: float
    max_bucket: int
    outlet_scoped: frozenset[str]   # source types that are no shared named source for a link
    generic_victims: frozenset[str]
    copy_match: float
    type_rank: Mapping[str, int]
    translit: Translit
    title_match: float = 101.0    # headline_title.match: a report's opening sentence this like its title is the title
    title_max_start: int = -1     # headline_title.max_start: ... when it starts within this many characters
    title_max_extra: int = 0      # headline_title.max_extra: ... and is at most this many characters longer
    undated_before: int = 1       # within_document.undated_days_before: how long before its report an undated act
    join_weak: float = 0.0        # cross_document.incident_join.weak_bits: a cross pair this strong speaks for a join
    join_share: float = 2.0       # cross_document.incident_join.min_share: ... when this share of all pairs is (2: never)


_Config = AlignSettings


def _build_settings(knowledge: Knowledge) -> AlignSettings:
    d = knowledge.align
    groups = d["event_groups"]
    generic = frozenset(d["generic_event_types"])
    relation: dict[tuple[str, str], str] = {}
    for members in groups.values():
        for a in members:
            for b in members:
                if a != b:
                    relation[(a, b)] = "compatible"
    gov_group = {}
    for grp in knowledge.admin1.get("groups") or ():
        for g in grp:
            gov_group[g] = grp[0]
    fu = d["follow_up_cues"]["same_event"]
    win, xd = d["within_document"], d["cross_document"]
    events = knowledge.events["event_types"]
    type_rank = {e["type"]: i for i, e in enumerate(events)}
    if knowledge.events.get("downing_type"):  # a shoot-down no other cue types (events.yaml): an act, before statements
        type_rank.setdefault(str(knowledge.events["downing_type"]), len(type_rank))
    type_rank.setdefault("statement", len(type_rank))
    type_rank.setdefault("other", len(type_rank) + 1)
    return _Config(
        slack_cross=int(d["date_slack_days"]["cross_document"]),
        slack_within=int(d["date_slack_days"]["within_document"]),
        statement_lag=int(d["statement_lag_days"]),
        anchor_precisions=frozenset(d["anchor_precisions"]),
        gov_group=gov_group,
        town_kinds=frozenset(d["town_kinds"]),
        place_levels={str(k): str(v) for k, v in (d.get("place_levels") or {}).items()},
        max_km=float(d["max_km"]),
        max_km_follow=float(d["max_km_follow_up"]),
        max_km_act=float(d["max_km_act"]),
        same_place=float(d["same_place"]),
        relation=relation,
        generic_types=generic,
        non_anchor_types=frozenset(d["non_anchor_event_types"]),
        distinctive_types=frozenset(d["distinctive_event_types"]),
        recent=int(win["recent_incidents"]),
        join_min=float(win["join_min"]),
        w_in={k: float(v) for k, v in win["weights"].items()},
        near_km_in=float(win["near_km"]),
        means_types=frozenset(win.get("means_types") or ()),
        follow_up=regex(_follow_up_pattern(fu["determiners"], fu["nouns"], d["follow_up_cues"]["response"],
                                           d["follow_up_cues"].get("juxtaposed") or ())),
        new_event=regex(r"\W*" + phrase_pattern(d["new_event_cues"])),
        additive_event=regex(r"\W*" + phrase_pattern(d["additive_event_cues"])) if d.get("additive_event_cues") else None,
        recap_anaphors=frozenset(w.lower() for w in d.get("recap_anaphors") or ()),
        responsibility_claim=regex(phrase_pattern(d["responsibility_claims"])),
        recap_clause=regex(phrase_pattern(d["recap_clauses"])) if d.get("recap_clauses") else None,
        recap_not_before=regex(r"\s+" + phrase_pattern(d["recap_clause_not_before"]))
        if d.get("recap_clause_not_before") else None,
        uncounted_toll=regex(first_chars(d["uncounted_toll_cues"]) + phrase_pattern(d["uncounted_toll_cues"]))
        if d.get("uncounted_toll_cues") else None,
        uncounted_negation=regex(phrase_pattern(d["uncounted_toll_negations"])
                                 + rf"(?:\s+[\w'-]+){{0,{int(d.get('uncounted_toll_negation_reach', 0))}}}\s+\Z")
        if d.get("uncounted_toll_negations") else None,
        origin_place=regex(phrase_pattern(d["origin_place_cues"]) + r"\s+(?:(?!" + phrase_pattern(d.get("origin_place_ends") or ["."])
                           + r")[^.;:]){0,60}\Z") if d.get("origin_place_cues") else None,
        origin_cue=regex(first_chars(d["origin_place_cues"]) + phrase_pattern(d["origin_place_cues"]))
        if d.get("origin_place_cues") else None,
        past_act=regex(phrase_pattern(knowledge.kinds["past_acts"])) if knowledge.kinds.get("past_acts") else None,
        act_determiners=frozenset(w.lower() for w in knowledge.kinds.get("act_determiners") or ()),
        model=_linkage_model(knowledge),
        link_threshold=float(xd["link_threshold"]),
        missing_weight=float(xd["missing_weight"]),
        linkage=_linkage_kind(xd["linkage"]),
        near_km_x=float(xd["near_km"]),
        vicinity_km_x=float(xd["vicinity_km"]),
        max_bucket=int(xd["max_bucket"]),
        outlet_scoped=frozenset(d["compare"]["outlet_scoped_source_types"]),
        generic_victims=frozenset(d["compare"]["generic_victims"]),
        copy_match=float(d["republished_copy_match"]),
        type_rank=type_rank,
        title_match=float((d.get("headline_title") or {}).get("match", 101.0)),
        title_max_start=int((d.get("headline_title") or {}).get("max_start", -1)),
        title_max_extra=int((d.get("headline_title") or {}).get("max_extra", 0)),
        undated_before=int(win.get("undated_days_before", 1)),
        join_weak=float((xd.get("incident_join") or {}).get("weak_bits", 0.0)),
        join_share=float((xd.get("incident_join") or {}).get("min_share", 2.0)),
        translit=translit(knowledge),
    )


def _linkage_model(knowledge: Knowledge) -> LinkageModel:
    """The cross-document match weights of the pack's linkage_weights.csv."""
    try:
        return model_from_rows(knowledge.linkage, origin="linkage_weights.csv")
    except ValueError as exc:
        raise KnowledgeError(f"knowledge pack: {exc}") from None


def _linkage_kind(value: Any) -> str:
    if value not in LINKAGES:
        raise KnowledgeError(f"align.yaml: cross_document.linkage must be one of {', '.join(LINKAGES)}, not {value!r}")
    return str(value)


def align_settings(knowledge: Knowledge) -> AlignSettings:
    """The alignment settings of `knowledge` (built once per knowledge object)."""
    return knowledge.derived(_build_settings)


def _follow_up_pattern(determiners: Sequence[str], nouns: Sequence[str], response: Sequence[str],
                       juxtaposed: Sequence[str] = ()) -> str:
    """One regex over lower-cased text for the follow-up cues: group `response`
    ("in response", "after the attack") or group `same` ("the attack", "these
    strikes"), the latter with group `juxtaposed` when a verb that sets it
    beside another act follows ("the attack came as ..."). One alternation per
    slot keeps it fast."""
    def alt(words: Iterable[str]) -> str:
        return "|".join(r"\s+".join(re.escape(w) for w in p.split())
                        for p in sorted({w.lower() for w in words}, key=lambda x: (-len(x), x)))
    after = rf"(?:\s+(?P<juxtaposed>{alt(juxtaposed)})\b)?" if juxtaposed else ""
    return rf"\b(?:(?P<response>{alt(response)})|(?P<same>(?:{alt(determiners)})\s+(?:{alt(nouns)}))\b{after})\b"


def event_type_relation(a: str, b: str, *, knowledge: Knowledge) -> str:
    """How two event types relate: same, compatible (one group in align.yaml),
    generic (one says nothing about the kind of act), incompatible, or unknown
    (either is empty or a statement)."""
    return _relation(a, b, align_settings(knowledge))


def _relation(a: str, b: str, cfg: AlignSettings) -> str:
    if not a or not b or a == "statement" or b == "statement":
        return "unknown"
    if a == b:
        return "generic" if a in cfg.generic_types else "same"
    if a in cfg.generic_types or b in cfg.generic_types:
        return "generic"
    return cfg.relation.get((a, b), "incompatible")


# =============================================================================== results

@dataclass(frozen=True)
class AlignResult:
    """Tables of the align stage: `claims` with `incident_id` filled,
    `documents` with `main_incident_id` filled, the `incidents` (compare
    fills status, n_sources, sources and the agreement columns), the `links`
    that formed them, the `overrides` report and `problems` (odd rows that
    were used with a caveat)."""

    claims: pd.DataFrame
    documents: pd.DataFrame
    incidents: pd.DataFrame
    links: pd.DataFrame
    overrides_report: pd.DataFrame
    problems: pd.DataFrame


def incident_id(claim_ids: Iterable[str]) -> str:
    """Stable incident id: "i" + 12 hex of a hash of the smallest claim id."""
    first = min(str(c) for c in claim_ids)
    return "i" + hashlib.sha1(f"incident:{first}".encode("utf-8")).hexdigest()[:12]


# =============================================================================== overrides

@dataclass(frozen=True)
class Overrides:
    """Validated analyst corrections. `merge` groups and `split` pairs are
    claim ids; `assign` maps a claim id to an incident id (of a previous run)
    or to a label naming a new incident."""

    merge: tuple[tuple[str, ...], ...] = ()
    split: tuple[tuple[str, str], ...] = ()
    assign: tuple[tuple[str, str], ...] = ()
    origin: str = "<overrides>"


_OVERRIDE_KEYS = ("merge", "split", "assign")
_INCIDENT_ID = regex(r"i[0-9a-f]{12}")


def load_overrides(source: str | os.PathLike[str] | Mapping[str, Any] | Overrides | None) -> Overrides:
    """Read and validate an overrides file (or an already parsed mapping).

    Raises `OverridesError` naming the file and the entry for a missing file,
    YAML that does not parse, unknown keys, malformed entries and entries that
    contradict each other (the same pair merged and split). Claim ids the
    corpus does not hold are not an error here: `align` reports them."""
    if source is None:
        return Overrides()
    if isinstance(source, Overrides):
        return source
    if isinstance(source, Mapping):
        origin, data = "<overrides>", source
    else:
        origin = printable(str(source))
        data = load_user_yaml(source, error=OverridesError, what="overrides file")
        if data is None:
            data = {}
    if not isinstance(data, Mapping):
        raise OverridesError(f"{origin}: expected a mapping with keys {', '.join(_OVERRIDE_KEYS)}")
    unknown = sorted(str(k) for k in data if k not in _OVERRIDE_KEYS)
    if unknown:
        raise OverridesError(f"{origin}: unknown key(s) {shorten(', '.join(unknown))} (expected {', '.join(_OVERRIDE_KEYS)})")

    def claim_list(key: str, i: int, entry: Any) -> tuple[str, ...]:
        if not isinstance(entry, (list, tuple)) or not all(isinstance(x, str) and x.strip() for x in entry):
            raise OverridesError(f"{origin}: {key} entry {i + 1} {bounded(entry)}: expected a list of claim ids")
        ids = tuple(dict.fromkeys(x.strip() for x in entry))
        if len(ids) < 2:
            raise OverridesError(f"{origin}: {key} entry {i + 1} {bounded(entry)}: expected two or more distinct claim ids")
        return ids

    merge_raw = data.get("merge") or []
    split_raw = data.get("split") or []
    assign_raw = data.get("assign") or {}
    for key, val, kind in (("merge", merge_raw, list), ("split", split_raw, list), ("assign", assign_raw, dict)):
        if not isinstance(val, kind):
            raise OverridesError(f"{origin}: {key} must be a {'list of lists' if kind is list else 'mapping claim -> incident'}")
    merge = tuple(claim_list("merge", i, e) for i, e in enumerate(merge_raw))
    split_groups = [claim_list("split", i, e) for i, e in enumerate(split_raw)]
    split = tuple(sorted({tuple(sorted((a, b))) for g in split_groups for j, a in enumerate(g) for b in g[j + 1:]}))
    assign = []
    for k, v in assign_raw.items():
        if not isinstance(k, str) or not k.strip() or not isinstance(v, (str, int)) or not str(v).strip():
            raise OverridesError(f"{origin}: assign entry {bounded(k)}: {bounded(v)}: expected 'claim_id: incident'")
        assign.append((k.strip(), str(v).strip()))
    split_set = set(split)
    for g in merge:
        for j, a in enumerate(g):
            for b in g[j + 1:]:
                if tuple(sorted((a, b))) in split_set:
                    raise OverridesError(f"{origin}: claims {bounded(a)} and {bounded(b)} are both merged and split")
    return Overrides(merge=merge, split=split, assign=tuple(sorted(assign)), origin=origin)


# =============================================================================== claim features

class _C:
    """Alignment features of one claim (slots: fast attribute access)."""

    __slots__ = ("i", "cid", "doc", "root", "sidx", "para", "start", "source", "stype", "etype", "lo", "hi",
                 "prec", "inh_date", "own_places", "govs", "aside", "names", "points", "coarse", "perp", "perp_side",
                 "perp_cue",
                 "targets", "killed", "follow", "follow_raw", "new_cue", "statement", "mentions", "anchor",
                 "sentence", "gov", "gov_raw", "event", "rep", "rep_claimed", "victims", "outlet", "first_point", "period",
                 "headline", "own_toll", "counted", "recalled", "dead", "fine", "recap", "doc_gov", "own_killed",
                 "target_sides")


_NONE: frozenset[str] = frozenset()


EVENT_KINDS = frozenset({"", "event"})  # claims.kind values that tell an act (no column: every claim does)


def _reported_days(documents: pd.DataFrame) -> dict[str, int]:
    """doc_id -> its publication day (ordinal), for documents dated to the day."""
    if documents.empty or "published" not in documents.columns:
        return {}
    prec = cells.texts(documents["published_precision"]) if "published_precision" in documents.columns \
        else ["day"] * len(documents)
    out = {}
    for d, p, pp in zip(cells.texts(documents["doc_id"]), cells.texts(documents["published"]), prec):
        lo, _ = date_interval(p, "day") if pp in ("day", "estimated", "") else (None, None)
        if lo is not None:
            out[d] = lo
    return out


def _titles(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id -> its title, squashed (norm_phrase), for documents with one."""
    if documents.empty or "title" not in documents.columns:
        return {}
    return {d: norm_phrase(t) for d, t in zip(cells.texts(documents["doc_id"]), cells.texts(documents["title"])) if t}


def _is_title(sentence: str, title: str, start: int | None, cfg: AlignSettings) -> bool:
    """Whether a report's first claim's sentence (squashed) is its title: the
    same words, or, when it opens the text (within `title_max_start`
    characters: a time stamp or a byline may come first), words that hold the
    title with a few more (`title_max_extra` characters: a time stamp, "by
    <author>", an agency's name) or are held by it with a site's name after it
    ("... Monitoring group Reuters" for the title "... Monitoring group -
    Region - World - Ahram Online"). A title run into its lede is not the
    title alone: its figures may be the lede's too."""
    if sentence == title:
        return True
    if start is None or start > cfg.title_max_start or not sentence or not title \
            or len(sentence) > len(title) + cfg.title_max_extra:
        return False
    return fuzz.partial_ratio(sentence, title) >= cfg.title_match


def _since_phrase(raw: str, memo: dict[str, bool], knowledge: Knowledge) -> bool:
    """Whether a claim's own date phrase opens a period ("since March 24,
    2019"): the start of a running total or of background, not the day of an act."""
    got = memo.get(raw)
    if got is None:
        got = memo[raw] = any(m.kind == "since" for m in find_dates(raw, knowledge=knowledge, published=None))
    return got


def _claim_day(sentence: str, date_raw: str, cfg: AlignSettings) -> bool:
    """Whether the claim's own date phrase dates a claim of responsibility
    ("X claimed responsibility Thursday for ...", "On Thursday X claimed
    responsibility for ..."), not the act ("... for Wednesday's ambush")."""
    if not date_raw or date_raw.startswith(("inherited:", "reported:")):
        return False
    m = cfg.responsibility_claim.search(sentence)
    if m is None:
        return False
    at = sentence.find(date_raw.removeprefix("told: "))
    if at < 0:
        return False
    for_at = sentence.find(" for ", m.end())
    return at < m.start() or (m.end() <= at and (for_at < 0 or at < for_at))


def _recap_day(sentence: str, date_raw: str, figures: Sequence[int], published: str, day: int,
               cfg: AlignSettings, knowledge: Knowledge) -> int | None:
    """The earlier day a claim's figures belong to when they are all told in
    an "after"/"following" clause that dates its own act before the claim's
    day ("X announced on Sunday that ..., after 33 soldiers were killed ...
    on Thursday"): the sentence recalls Thursday's act, whose toll it gives
    (a recap), not an act of Sunday with that toll. None otherwise."""
    if cfg.recap_clause is None or not figures or not published:
        return None
    date_raw = date_raw.removeprefix("told: ")  # the day it was told: the frame as written ("announced on Sunday")
    at = sentence.find(date_raw)
    if at < 0:
        return None
    m = cfg.recap_clause.search(sentence, at + len(date_raw))
    if m is None or min(figures) < m.end():
        return None
    for x in find_dates(sentence[m.end():], knowledge=knowledge, published=published):
        if x.date is not None and x.precision == "day" and x.kind != "since":
            lo = x.date.toordinal()
            return lo if lo < day else None
    return None


def figures_recalled(sentence: str, offsets: Sequence[int], *, settings: AlignSettings) -> bool:
    """Whether all figures at `offsets` (in `sentence`) are told in a clause
    recalling an earlier act (see `_recalled`): "struck ... in retaliation
    for an air strike that killed 33 soldiers"."""
    rc = settings.recap_clause
    return bool(offsets) and rc is not None and rc.search(sentence) is not None \
        and _recalled(sentence, list(offsets), settings)


RECAP_REACH = 60  # characters from a recap opener to the figures it recalls ("after an air strike that killed 33")


def _recalled(sentence: str, figures: Sequence[int | None], cfg: AlignSettings) -> bool:
    """Whether all of a claim's figures (offsets in its sentence) are told in
    a clause that recalls an earlier act: each with a recap opener ("after",
    "following", "in retaliation for") before it inside the sentence, after
    its main clause, and no comma between ("Turkey struck ... in retaliation
    for an air strike that killed 33 soldiers"; not "After the strike, 5 were
    killed", nor "shelled X after clashes, killing 5", nor the 20 of "struck
    after an attack that killed 33 soldiers, killing 20 militants")."""
    if cfg.recap_clause is None or not figures or any(a is None or a < 0 for a in figures):
        return False
    return all(_recalled_figure(sentence, a, cfg) for a in figures if a is not None)


def _recalled_figure(sentence: str, at: int, cfg: AlignSettings) -> bool:
    if cfg.recap_clause is None:
        return False
    for m in cfg.recap_clause.finditer(sentence, max(0, at - RECAP_REACH), at):
        head = sentence[:m.start()]
        if re.search(r"\w", head.rsplit("|", 1)[-1]) and "," not in sentence[m.end():at] \
                and not (cfg.recap_not_before and cfg.recap_not_before.match(sentence, m.end())):
            return True
    return False


UNCOUNTED_WINDOW = 60  # characters before an uncounted-toll cue searched for its negation


def _uncounted_toll(sentence: str, cfg: AlignSettings) -> bool:
    """Whether a sentence tells casualties without a figure ("leaving
    casualties"), a cue no negation of its clause denies ("Nobody was killed",
    "no reports of casualties", "without causing casualties")."""
    if cfg.uncounted_toll is None:
        return False
    for m in cfg.uncounted_toll.finditer(sentence):
        neg = cfg.uncounted_negation
        if neg is None or not neg.search(sentence, max(0, m.start() - UNCOUNTED_WINDOW), m.start()):
            return True
    return False


def _features(claims: pd.DataFrame, casualties: pd.DataFrame, mentions: pd.DataFrame, problems: list[dict],
              cfg: AlignSettings, knowledge: Knowledge, reported: Mapping[str, int] | None = None,
              titles: Mapping[str, str] | None = None) -> list[_C]:
    n = len(claims)
    col = {c: cells.texts(claims[c]) if c in claims.columns else [""] * n
           for c in ("claim_id", "doc_id", "duplicate_of", "source", "source_type", "event_type", "event_date",
                     "date_precision", "date_raw", "places", "places_raw", "place_precision", "governorate", "perpetrator",
                     "perpetrator_cue", "target", "sentence", "kind", "outlet", "published", "event_cue",
                     "governorate_source", "source_raw", "attribution_cue")}
    reported = reported or {}
    since_memo: dict[str, bool] = {}
    sidx = cells.integers(claims["sentence_index"]) if "sentence_index" in claims.columns else [None] * n
    para = cells.integers(claims["paragraph"]) if "paragraph" in claims.columns else [None] * n
    start = cells.integers(claims["start"]) if "start" in claims.columns else [0] * n
    lat = cells.numbers(claims["lat"]) if "lat" in claims.columns else [None] * n
    negated = claims["negated"].fillna(False).astype(bool).tolist() if "negated" in claims.columns else [False] * n
    lon = cells.numbers(claims["lon"]) if "lon" in claims.columns else [None] * n

    victims: dict[str, set[str]] = {}
    killed: dict[str, list[tuple[int, int | None]]] = {}
    dead_victims: dict[str, set[str]] = {}
    figure_at: dict[str, list[int]] = {}  # claim_id -> its figures' offsets in the document
    tolls: dict[str, list[tuple[int | None, str, str]]] = {}  # claim_id -> (offset, outcome, victims) of its tolls
    killed_by: dict[str, list[tuple[str, int, int | None]]] = {}  # claim_id -> (victims, min, max) of its killed
    if not casualties.empty:
        n_cas = len(casualties)
        at_col = cells.integers(casualties["start"]) if "start" in casualties.columns else [None] * n_cas
        for cid, at in zip(cells.texts(casualties["claim_id"]), at_col):
            if at is not None:
                figure_at.setdefault(cid, []).append(at)
        part_col = casualties["part"].fillna(False).astype(bool).tolist() if "part" in casualties.columns \
            else [False] * n_cas
        for cid, v, o, lo, hi, at, part in zip(cells.texts(casualties["claim_id"]), cells.texts(casualties["victims"]),
                                               cells.texts(casualties["outcome"]), cells.integers(casualties["min"]),
                                               cells.integers(casualties["max"]), at_col, part_col):
            if v:
                victims.setdefault(cid, set()).add(v)
            # a part ("four of the dead were children") is no toll to match another report's toll with
            if o == "killed" and lo is not None and not part:
                killed.setdefault(cid, []).append((lo, hi))
                if v:
                    killed_by.setdefault(cid, []).append((v, lo, hi))
            if v and o in ("killed", "injured", "killed_or_injured") and (lo or 0) > 0:
                dead_victims.setdefault(cid, set()).add(v)
            if o in ("killed", "injured", "killed_or_injured") and (lo or 0) > 0:
                tolls.setdefault(cid, []).append((at, o, v))
    sides = actor_sides(knowledge)
    profiles = place_profiles(claims, mentions, knowledge=knowledge)
    # actors each claim's sentence names, as extraction found them
    named: dict[str, set[str]] = {}
    placed: set[str] = set()
    if len(mentions):
        kind = mentions["kind"]
        own = (kind == "actor").fillna(False).astype(bool)
        if "inherited" in mentions.columns:
            own &= ~mentions["inherited"].fillna(False).astype(bool)
        actors = mentions[own]
        # only statements and blame/responsibility claims are matched on the actors they name
        wanted = {cid for cid, et, cue in zip(col["claim_id"], col["event_type"], col["perpetrator_cue"])
                  if et == "statement" or cue in ("blamed", "responsible")}
        for cid, name in zip(cells.texts(actors["claim_id"]), cells.texts(actors["name"])):
            if cid in wanted:
                named.setdefault(cid, set()).add(name)
        placed = set(cells.texts(mentions.loc[(kind == "place").fillna(False).astype(bool), "claim_id"]))
    fine = fine_places(claims, mentions, profiles, settings=cfg)
    out: list[_C] = []
    for i in range(n):
        c = _C()
        c.i = i
        c.cid = col["claim_id"][i]
        c.doc = col["doc_id"][i]
        c.root = col["duplicate_of"][i] or c.doc
        c.sidx = sidx[i] if sidx[i] is not None else (start[i] or 0)
        c.para = para[i] if para[i] is not None else -1
        c.start = start[i] or 0
        c.source = col["source"][i]
        c.stype = col["source_type"][i]
        c.etype = col["event_type"][i] or "other"
        c.event = col["kind"][i] in EVENT_KINDS
        c.outlet = col["outlet"][i]
        prec = col["date_precision"][i] or "unknown"
        if prec == "reported" and col["date_raw"][i].startswith(("told:", "inherited: told:")):
            prec = "day"  # the day a speaker told an act it does not date ("said on Tuesday"): links as that day
        # a `reported` date is the report's own date, not the act's: it never
        # constrains which claims tell one incident, and links only weakly
        c.rep, c.rep_claimed = None, False
        # the day a group claimed the act is no more the act's day: the act happened by then
        if prec == "reported" or (prec == "day" and _claim_day(col["sentence"][i], col["date_raw"][i], cfg)):
            c.rep = date_interval(col["event_date"][i], "day")[0]
            c.rep_claimed = c.rep is not None
            c.lo = c.hi = None
            if c.rep is not None:
                prec = "reported"
        else:
            c.lo, c.hi = date_interval(col["event_date"][i], prec)
        if col["event_date"][i] and c.lo is None and c.rep is None:
            problems.append({"doc_id": c.doc, "reason": f"claim {c.cid}: event_date {col['event_date'][i]!r} is not an ISO date; "
                             "aligned as undated"})
        c.prec = prec if c.lo is not None else "unknown"
        # no date phrase of its own: the date (if any) comes from context, the
        # date line or the report's date (`reported: ...`), so the sentence
        # carries the story on
        c.inh_date = not col["date_raw"][i] or col["date_raw"][i].startswith(("inherited:", "reported:"))
        c.recap = False
        if c.event and c.prec in ("day", "week", "month") and not c.inh_date and c.cid in figure_at:
            # "announced on Sunday ..., after 33 soldiers were killed ... on
            # Thursday": a recap of Thursday's act, dated (and linked) by it;
            # so is "the second time this month ..., after 17 were killed in
            # an October 2 attack" (a day within or before the claim's span)
            day = _recap_day(col["sentence"][i], col["date_raw"][i],
                             [a - (start[i] or 0) for a in figure_at[c.cid]], col["published"][i],
                             c.lo if c.prec == "day" else c.hi + 1, cfg, knowledge)
            if day is not None:
                c.lo = c.hi = day
                c.prec = "day"
                c.recap = True
        if c.lo is None and c.rep is None and c.event and not col["event_date"][i]:
            # an act told with no date in a report dated to the day happened, as
            # far as the report says, by that day: its date is the report's
            c.rep = reported.get(c.doc)
        # a period ("since March 24, 2019 ... 1,300 killed"): a running total or
        # background, whatever claims.kind says; never an act or a toll
        c.period = bool(col["date_raw"][i]) and not c.inh_date and c.lo is not None \
            and _since_phrase(col["date_raw"][i], since_memo, knowledge)
        c.own_places = bool(col["places"][i]) and not col["places_raw"][i].startswith("inherited:")
        gov = col["governorate"][i]
        c.gov = gov
        prof = profiles[i]
        if col["places"][i] and c.cid not in placed:
            problems.append({"doc_id": c.doc, "reason": f"claim {c.cid}: places {col['places'][i]!r} have no rows in "
                             "the mentions table; aligned as unresolved names"})
        points = prof.points
        if lat[i] is not None and lon[i] is not None and (lat[i], lon[i]) not in points:
            points = points + ((lat[i], lon[i]),)
        c.govs = prof.areas
        # a governorate only the report's header or dateline gives ("Al-Hasakah
        # province: ..."), for a sentence naming no place: the report's
        # province, not necessarily its act's (a later paragraph may tell a raid
        # in Raqqa); it never keeps a sentence that refers back to an act ("the
        # clashes", set below) from that act
        c.doc_gov = col["governorate_source"][i] == "document" and not c.own_places
        c.names = prof.towns
        c.first_point = prof.first_point if prof.first_point is not None else (
            (lat[i], lon[i]) if not prof.towns and lat[i] is not None and lon[i] is not None else None)
        c.points = points
        c.coarse = prof.coarse
        c.gov_raw = prof.governorates
        # the claim's own towns and quarters with their level: two acts told
        # of different places of one level are two acts (_other_place)
        c.fine = fine[i] if c.own_places else ()
        c.perp = col["perpetrator"][i]
        c.perp_side = sides.get(c.perp, "")
        c.perp_cue = col["perpetrator_cue"][i]
        hit = victims.get(c.cid)
        target = col["target"][i]
        if hit is None:
            c.targets = frozenset((target,)) if target else _NONE
        else:
            c.targets = frozenset(hit | {target}) if target else frozenset(hit)
        # each target by its side (a name no side is known for stands for itself)
        c.target_sides = frozenset(sides.get(t) or t for t in c.targets) if c.targets else _NONE
        c.killed = tuple(killed.get(c.cid, ()))
        c.victims = frozenset(dead_victims.get(c.cid, ()))
        sent = col["sentence"][i]
        c.sentence = sent
        # the toll the claim tells of its own act: its casualty figures, unless
        # all are told in a clause recalling an earlier act ("Turkey strikes
        # back after 33 soldiers killed": the 33 are the earlier act's)
        own = tolls.get(c.cid, ())
        c.recalled = bool(own) and _recalled(sent, [None if a is None else a - (start[i] or 0) for a, _, _ in own], cfg)
        c.own_toll = c.counted = bool(own) and not c.recalled
        if not own and c.cid not in figure_at and cfg.uncounted_toll is not None and not negated[i]:
            c.own_toll = _uncounted_toll(sent, cfg)   # "leaving casualties": a toll, uncounted
        c.dead = frozenset(v for _, o, v in own if o == "killed" and v) if c.own_toll else _NONE
        c.own_killed = tuple(killed_by.get(c.cid, ())) if c.counted else ()
        # the title: the report's first claim, when its sentence is the title
        c.headline = bool(titles) and (i == 0 or col["doc_id"][i - 1] != c.doc) and c.doc in titles \
            and _is_title(norm_phrase(sent), titles[c.doc], start[i], cfg) \
            and not (i + 1 < n and col["doc_id"][i + 1] == c.doc and norm_phrase(sent) != titles[c.doc]
                     and norm_phrase(col["sentence"][i + 1]) in titles[c.doc])
        # (a headline cut into one sentence per act, "... shot dead | regime forces shell two villages": its
        # first item is not the title, the next item is the rest of it)
        low = sent.lower()
        m = cfg.follow_up.search(low)
        juxtaposed = False
        if m and m.groupdict().get("juxtaposed") and _cue_elsewhere(low, col["event_cue"][i], m.start("same"),
                                                                     m.end("same")):
            # "The attack came as troops executed 48 people": the sentence
            # tells another act beside the one it refers back to ("The attack
            # coincided with a visit" tells no other act: still a follow-up)
            juxtaposed, m = True, None
        if m:
            c.follow = "response" if m.group("response") else "same"
            c.follow_raw = sent[m.start(c.follow):m.end(c.follow)]
        else:
            c.follow, c.follow_raw = "", ""
        opener = cfg.new_event.match(sent)
        if opener is not None and _voice_opener(sent, opener.end(), col["source_raw"][i], col["attribution_cue"][i],
                                                c.stype) and c.inh_date and not c.own_places:
            # "Meanwhile the Idlib Media Center said dozens had been killed": the opener brings in another voice,
            # whose clause names no place or day of its own: its account of the act told, not another act
            opener = None
        if opener is not None and m and c.follow == "same" and c.inh_date and not c.own_places \
                and not c.counted and not c.perp and not _tells_act(sent, opener.end(), cfg):
            # "Meanwhile, ambulances rushed to the site of the attack": the opener's clause tells no act, figure
            # or perpetrator but points back at the act told, and names no place or day of its own: the
            # aftermath of that act
            opener = None
        c.new_cue = juxtaposed or opener is not None or (
            not c.follow and cfg.additive_event is not None and bool(cfg.additive_event.match(sent)))
        c.aside = juxtaposed
        c.doc_gov = c.doc_gov and c.follow == "same" and not c.new_cue
        if c.new_cue:  # "Meanwhile, gunmen attacked ... After the attack, ...": opens an incident
            c.follow, c.follow_raw = "", ""
        prev = out[-1] if out and out[-1].doc == c.doc else None
        if c.follow == "same" and c.inh_date and prev is not None and prev.recap and prev.lo is not None \
                and c.follow_raw.split()[0].lower() in cfg.recap_anaphors:
            # "... after 17 were killed in an October 2 attack. That attack was
            # claimed by IS": the anaphor points at the recalled act, of its day
            c.lo, c.hi, c.prec, c.rep, c.recap = prev.lo, prev.hi, "day", None, True
        c.statement = c.etype == "statement"
        c.mentions = _NONE
        if c.statement or c.perp_cue in ("blamed", "responsible"):
            c.mentions = frozenset(named.get(c.cid, ()))
        # an anchor: an act (not a statement, running total or background) dated
        # to the day, by its own words or by the report's date
        c.anchor = (_is_act(c) and c.etype not in cfg.non_anchor_types
                    and ((c.prec in cfg.anchor_precisions and c.lo is not None) or c.rep is not None))
        out.append(c)
    return out


def _tells_act(sent: str, at: int, cfg: AlignSettings) -> bool:
    """Whether `sent` from `at` on has a verb of an act told ("gunmen shot",
    "aircraft struck"); a participle after a determiner is an adjective ("to
    carry the wounded"). Without the cue list, every clause tells one."""
    if cfg.past_act is None:
        return True
    for m in cfg.past_act.finditer(sent, at):
        before = sent[at:m.start()].split()
        if not (before and before[-1].lower() in cfg.act_determiners):
            return True
    return False


def _voice_opener(sent: str, at: int, source_raw: str, cue: str, stype: str) -> bool:
    """Whether the words after an opener of another act (ending at `at`) are
    the claim's speaker and its reporting verb: the opener brings in a voice,
    not necessarily an act."""
    if not source_raw or cue in ("outlet", "according_to") or stype in ("outlet", ""):
        return False
    rest = sent[at:].lstrip(" ,")
    if not rest.lower().startswith(source_raw.lower()):
        return False
    after = rest[len(source_raw):]
    return bool(after) and after[0] == " " and after[1:2].islower()


def _cue_elsewhere(low: str, cue: str, start: int, end: int) -> bool:
    """Whether the event cue `cue` occurs in lower-cased sentence `low`
    outside [start, end) (the phrase that refers back to an act)."""
    cue = cue.lower()
    if not cue:
        return False
    at = low.find(cue)
    while at >= 0:
        if at + len(cue) <= start or at >= end:
            return True
        at = low.find(cue, at + 1)
    return False


# =============================================================================== within a document

class _Local:
    """A local incident: claims of one document told as one incident."""

    __slots__ = ("members", "lo", "hi", "rep", "govs", "names", "coarse", "points", "perps", "perp_sides", "targets",
                 "etypes", "last", "dead", "fine", "reply", "tolls", "target_sides")

    def __init__(self, c: _C):
        self.members = [c]
        self.lo = self.hi = None
        self.rep: int | None = None   # the report's date, for an incident its sentences do not date
        self.govs: frozenset[str] | None = None
        self.names: list[str] = []
        self.coarse: set[str] = set()
        self.points: list[tuple[float, float]] = []
        self.perps: set[str] = set()
        self.perp_sides: set[str] = set()
        self.targets: set[str] = set()
        self.target_sides: set[str] = set()
        self.etypes: set[str] = set()
        self.dead: set[str] = set()   # victims of the killed figures its acts tell as their own
        self.fine: dict[str, set[str]] = {}   # level -> every town or quarter its acts name as their own
        self.reply = False   # one of its acts is told as a reply to another act ("in response to ...")
        # (voice, victims) -> the killed figures its acts tell as their own, by who tells them
        self.tolls: dict[tuple[str, str], list[tuple[int, int | None]]] = {}
        self.last = c
        self._absorb(c)

    def _absorb(self, c: _C) -> None:
        if self.rep is None and c.lo is None and c.rep is not None and not c.statement:
            self.rep = c.rep
        if c.lo is not None and not c.statement:
            if self.lo is None:
                self.lo, self.hi = c.lo, c.hi
            else:
                lo, hi = max(self.lo, c.lo), min(self.hi, c.hi)
                if lo <= hi:
                    self.lo, self.hi = lo, hi
        if c.govs and not c.statement and not (c.doc_gov and self.govs is not None):
            self.govs = c.govs if self.govs is None else (self.govs & c.govs or self.govs)
        # the incident is where its acts happened: each claim's first town
        # (other towns a sentence names locate it, "near X", or recall
        # another act, "hours after the massacre in X")
        if c.names and c.names[0] not in self.names:
            self.names.append(c.names[0])
        self.coarse.update(n for n, _ in c.coarse)
        if c.first_point is not None and c.first_point not in self.points and len(self.points) < 16:
            self.points.append(c.first_point)
        if c.perp:
            self.perps.add(c.perp)
            if c.perp_side:
                self.perp_sides.add(c.perp_side)
        self.targets |= c.targets
        self.target_sides |= c.target_sides
        if _is_act(c):
            self.dead |= c.dead
            if c.follow == "response" and not c.statement:
                self.reply = True
            for v, lo, hi in c.own_killed:
                self.tolls.setdefault((_voice(c), v), []).append((lo, hi))
            if not c.statement:
                for name, level in c.fine:
                    self.fine.setdefault(level, set()).add(name)
        if c.etype not in ("statement", "other"):
            self.etypes.add(c.etype)

    def add(self, c: _C) -> None:
        self.members.append(c)
        self.last = c
        self._absorb(c)


def _type_relation(etype: str, etypes: Iterable[str], cfg: AlignSettings) -> str:
    order = {"same": 0, "compatible": 1, "generic": 2, "incompatible": 3, "unknown": 4}
    best = "unknown"
    for t in etypes:
        r = _relation(etype, t, cfg)
        if order[r] < order[best]:
            best = r
    return best


def _join_score(c: _C, li: _Local, cfg: AlignSettings, *, most_recent: bool,
                split_block: bool) -> tuple[float, list[str]] | None:
    """Score for claim `c` joining local incident `li`, or None when forbidden."""
    if split_block:
        return None
    # the lede: the first sentence after a report's title tells the title's
    # story, whatever places each names (a title names the province, "Aleppo |
    # ...", the lede the village); only another day keeps them apart. A title
    # naming places of two governorates sums two stories ("Army foils attack in
    # Daraa, kills 50 in Latakia"): the lede tells one of them, no more
    lede = most_recent and len(li.members) == 1 and li.members[0].headline and not c.statement \
        and len(li.members[0].govs or ()) <= 1
    w = cfg.w_in
    reasons: list[str] = []
    score = 0.0
    # dates: a hard constraint
    if c.lo is not None and li.lo is not None:
        if c.statement:
            lag = c.lo - li.hi
            if not (c.lo <= li.hi and li.lo <= c.hi) and not (0 <= lag <= cfg.statement_lag):
                return None
            if lag > 0:
                reasons.append(f"statement {lag} d after")
        else:
            if c.hi < li.lo - cfg.slack_within or c.lo > li.hi + cfg.slack_within:
                return None
            if not c.inh_date and c.prec == "day" and li.lo == li.hi == c.lo:
                score += w["same_date"]
                reasons.append("same date ±0 d")
    elif not c.statement and not lede:
        # the report's own date against a stated one: an act told without a
        # date happened on the report's day or within `undated_days_before`
        # days before it, so a sentence dated otherwise tells of another day
        # (a title is the exception: "Toll rises to 86" tells on the day of the
        # report an act of days before)
        stated, rep = ((c.lo, c.hi), li.rep) if c.lo is not None else ((li.lo, li.hi), c.rep)
        if stated[0] is not None and rep is not None and (stated[1] < rep - cfg.undated_before or stated[0] > rep):
            return None
    if lede:
        score += cfg.w_in["lede"]
        reasons.append("the lede tells the title's story")
    # places: governorates and distances are hard constraints
    if c.govs and li.govs is not None and not (c.govs & li.govs) and not lede and not c.doc_gov:
        return None
    own_new_place = False
    place_hit = False
    if not (lede or c.follow == "same") and c.fine and li.fine and _is_act(c) and not c.statement \
            and _other_place(c, li, cfg):
        # another quarter or village of one day: another act, unless the text
        # refers back to the act itself ("the shelling"); a reply ("Turkish
        # forces responded by shelling Deir Jamal") at another village is the
        # reply, another act
        return None
    if c.follow == "response" and not lede and _is_act(c) and not c.statement and (
            _reversed(c, li) or (c.perp_side and li.perp_sides and c.perp_side not in li.perp_sides
                                 and c.sentence.lstrip().lower().startswith(c.follow_raw.lower()))):
        # "X responded by shelling Y" after Y's shelling of X, "As a response, Turkish forces shelled ..." after an
        # SDF raid: a reply by the other side is the other side's act, another act. Only a sentence the reply cue
        # opens is read by its side ("... killed by government airstrikes as government forces responded to a rebel
        # offensive" tells the strikes); a perpetrator of another side told without it is a conflicting account
        return None
    if li.reply and not lede and not c.follow and _is_act(c) and not c.statement and c.perp \
            and c.perp not in li.perps and not (c.perp_side and c.perp_side in li.perp_sides):
        # an incident told as a reply ("... shelled regime positions in response to Russian airstrikes") and, after
        # it, an act by another side with no cue referring back: the act replied to, or another act; never the
        # reply's own account
        return None
    if c.lo is not None and li.lo is None and li.rep is not None and c.hi < li.rep and not c.inh_date \
            and not c.follow and not lede and _is_act(c) and not c.statement and _other_toll(c, li):
        # one voice tells one toll of one act: "Twenty-six civilians were also killed yesterday ..." after a report's
        # undated "18 civilians were killed in ..." is another day's act, not the same act told with another figure
        return None
    if c.own_places and c.names and (li.names or li.points):
        hit = best_match(c.names, li.names, cfg.same_place, cfg.translit.similarity) if li.names else None
        if hit:
            a, b, s = hit
            score += w["same_place"]
            reasons.append(a if a == b else f"{a}~{b} {s:.0f}")
            place_hit = True
        else:
            km = km_between(c.points, li.points)
            # an act in a town far from the incident's is another act, unless
            # the sentence says it answers it ("In response, ... near Kinsafra")
            limit = cfg.max_km_follow if c.follow == "response" else cfg.max_km_act
            if km is not None and km > limit and not lede:
                return None
            if km is not None and km <= cfg.near_km_in:
                score += w["near_place"]
                reasons.append(f"{km:.0f} km apart")
                place_hit = True
            else:
                own_new_place = True
    if c.own_places and not place_hit:
        shared = [name for name, _ in c.coarse if name in li.coarse]
        if shared:
            score += w["same_area"]
            reasons.append(f"both {shared[0]}")
            place_hit = True
        for name, g in c.coarse:
            # a region or governorate the incident has not named, outside its
            # governorates, is a new place; an incident placed in no
            # governorate ("a drone strike in northern Syria") is placed by it
            if name not in li.coarse and (g is None and li.govs is not None or g is not None and li.govs is not None
                                          and g not in li.govs):
                own_new_place = True
                break
    if not place_hit and c.govs and li.govs and (c.govs & li.govs):
        score += w["same_governorate"]
    # context carried over
    if c.follow:
        score += w["follow_up"]
        reasons.append(f"follow-up '{c.follow_raw}'")
    if c.inh_date and not own_new_place and not c.new_cue and most_recent:
        if c.para == li.last.para:
            score += w["continuation_same_paragraph"]
            reasons.append("continues the paragraph")
        elif c.para == li.last.para + 1:
            score += w["continuation_next_paragraph"]
            reasons.append("continues from the paragraph before")
        if c.source and c.source == li.last.source and c.stype != "outlet":
            score += w["same_source_continuation"]
            reasons.append(f"{c.source} goes on")
    if most_recent:
        score += w["most_recent"]
    if c.new_cue:
        score += w["new_event_cue"]
        # "Earlier this morning, ... the death of five civilians in ...": an
        # opener of another act that tells its own dead, other victims than
        # the incident's dead, tells another act
        if c.dead and li.dead and not (c.dead & li.dead):
            score += w["other_dead"]
            reasons.append("other dead")
        # "Moreover, ISIS members attacked positions of Liwa al-Quds ..." after their attack on another group's
        # checkpoints: an opener of another act that hits targets of another side than the incident's tells
        # another act (the regime's positions named "Syrian Arab Army" once and "Syrian government" once are one)
        elif c.target_sides and li.target_sides and not (c.target_sides & li.target_sides) \
                and w.get("other_target"):
            score += w["other_target"]
            reasons.append("other targets")
    # actors
    actors_ok = False
    if c.targets & li.targets:
        score += w["same_target"]
        reasons.append("both " + "/".join(sorted(c.targets & li.targets)) + " hit")
        actors_ok = True
    if c.perp and c.perp in li.perps:
        score += w["same_perpetrator"]
        reasons.append(f"both {c.perp}")
        actors_ok = True
    elif c.perp_side and c.perp_side in li.perp_sides:
        score += w["same_side_perpetrator"]
    if c.mentions and (c.mentions & li.targets):
        score += w["same_target"]
        reasons.append("names " + "/".join(sorted(c.mentions & li.targets)))
        actors_ok = True
    if c.statement and c.perp_cue in ("blamed", "responsible") and actors_ok:
        score += w["blame_statement"]
    if c.follow != "response" and not lede and _reversed(c, li):   # a title's roles are often misread
        score += w["role_reversal"]
        reasons.append("roles reversed")
    # event types
    if not c.statement:
        rel = _type_relation(c.etype, li.etypes, cfg)
        if rel == "same":
            score += w["same_event_type"]
        elif rel == "compatible" and not c.follow and not lede and not c.inh_date and c.etype in cfg.means_types \
                and li.etypes & cfg.means_types:
            score += w["different_means"]
            reasons.append(f"{c.etype} after {'/'.join(sorted(li.etypes & cfg.means_types))}")
        elif rel == "compatible":
            score += w["compatible_event_type"]
        elif rel == "incompatible":
            score += w["incompatible_event_type"]
    gap = c.sidx - li.last.sidx - 1
    if gap > 0:
        score += max(w["distance_cap"], w["distance_per_sentence"] * gap)
    return score, reasons


def _voice(c: _C) -> str:
    """Who tells a claim: its source, or the outlet's own voice."""
    return "" if c.stype == "outlet" else c.source


def _other_toll(c: _C, li: _Local) -> bool:
    """Whether claim `c`'s own killed figure of some victims disagrees with every
    figure the same voice told of those victims for the incident."""
    voice = _voice(c)
    for v, lo, hi in c.own_killed:
        theirs = li.tolls.get((voice, v))
        if theirs and not any(_overlap((lo, hi), q) for q in theirs):
            return True
    return False


def _reversed(c: _C, li: _Local) -> bool:
    """Whether claim `c`'s perpetrator is among the incident's targets or its
    targets among the incident's perpetrators, with no target or perpetrator
    in common: the other side acting."""
    if not ((c.perp and c.perp in li.targets) or (c.targets and c.targets & li.perps)):
        return False
    return not (c.targets & li.targets) and not (c.perp and c.perp in li.perps)


def _other_place(c: _C, li: _Local, cfg: AlignSettings) -> bool:
    """Whether claim `c` tells its act at another place of a level the
    incident already has places of (align.yaml `place_levels`); see
    `places_apart`."""
    theirs = {lv: sorted(names) for lv, names in li.fine.items()}
    return places_apart(c.fine, theirs, c.points, li.points, settings=cfg) is not None


def places_apart(mine: Sequence[tuple[str, str]], theirs: Mapping[str, Sequence[str]],
                 my_points: Sequence[tuple[float, float]], their_points: Sequence[tuple[float, float]], *,
                 settings: AlignSettings) -> tuple[str, str] | None:
    """(one of my places, one of theirs) when two accounts tell their acts at
    different places of one level (`fine_places`: a quarter none of the
    other's quarters, a town or village none of its towns and villages by name,
    transliteration-aware, and more than near_km away), else None. Places of
    different levels may lie one inside the other and never part two acts.
    Alignment within a report and the comparison of tolls share this test."""
    apart: tuple[str, str] | None = None
    for level in sorted({lv for _, lv in mine}):
        other = list(theirs.get(level) or ())
        if not other:
            continue
        own = [n for n, lv in mine if lv == level]
        if best_match(own, other, settings.same_place, settings.translit.similarity):
            return None   # a place in common: maybe one act
        if level == "settlement":
            km = km_between(my_points, their_points)
            if km is None or km <= settings.near_km_in:
                return None   # near, or no telling how far
        apart = apart or (own[0], other[0])
    return apart


def fine_places(claims: pd.DataFrame, mentions: pd.DataFrame, profiles: Sequence[PlaceProfile], *,
                settings: AlignSettings, wanted: set[str] | None = None) -> list[tuple[tuple[str, str], ...]]:
    """Per claim (row order of `claims`, with its place profile), the towns
    and quarters it names with their level below the governorate (align.yaml
    `place_levels`: quarter, settlement), the act's town first: those two
    acts told at different places of one level are set apart by (alignment
    within a report, comparison of tolls). A town named like its own
    governorate (the seat) stands as often for the province or as a landmark
    of the region ("outside the capital Damascus") and has no level; a place
    named only as where fire came from ("positioned in X": language data
    `origin_place_cues`) or as what the act was near ("near Saraqib") is not
    where the act was and is left out. With `wanted`, only those claims'
    places are read (the others get none)."""
    n = len(claims)
    if not settings.place_levels or not len(mentions) or "type" not in mentions.columns:
        return [()] * n
    level_of, origins = _place_levels(mentions, claims, settings, wanted)
    cids = cells.texts(claims["claim_id"])
    return [tuple((t, level_of[t]) for t in prof.towns if t in level_of and t not in origins.get(cid, _NONE))
            if prof.towns and (wanted is None or cid in wanted) else () for cid, prof in zip(cids, profiles)]


def _place_levels(mentions: pd.DataFrame, claims: pd.DataFrame, cfg: AlignSettings, wanted: set[str] | None
                  ) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Each town-level name's level and, per claim, the names that do not
    say where its act was: named only as where fire came from, or only as
    what the act was near ("near Saraqib": precision `near_town`); see
    `fine_places`. Columns are read as lists: filtering the wide frames
    costs more than the reading."""
    m = len(mentions)
    kinds, mcids = cells.texts(mentions["kind"]), cells.texts(mentions["claim_id"])
    names, types, admin1 = cells.texts(mentions["name"]), cells.texts(mentions["type"]), cells.texts(mentions["admin1"])
    inherited = mentions["inherited"].fillna(False).astype(bool).tolist() if "inherited" in mentions.columns \
        else [False] * m
    prec = cells.texts(mentions["precision"]) if "precision" in mentions.columns else [""] * m
    starts = cells.integers(mentions["start"]) if "start" in mentions.columns else [None] * m
    rows = [i for i in range(m) if kinds[i] == "place"]
    level_of: dict[str, str] = {}
    for i in rows:   # a name's level is that of its first place row, whichever claims are wanted
        name, t = names[i], types[i]
        if name not in level_of and t in cfg.place_levels:
            level_of[name] = "" if name == admin1[i] else cfg.place_levels[t]
    level_of = {k: v for k, v in level_of.items() if v}
    elsewhere: dict[str, set[str]] = {}
    if not level_of:
        return level_of, elsewhere
    rows = [i for i in rows if not inherited[i] and names[i] in level_of and (wanted is None or mcids[i] in wanted)]
    levelled = {mcids[i] for i in rows}
    # the claims with a levelled place whose sentence holds an origin cue at all (most hold none): only
    # their places are read closely
    cue_at: dict[str, tuple[int, str]] = {}
    if cfg.origin_place is not None and cfg.origin_cue is not None and "start" in claims.columns and levelled:
        for cid, s0, sent in zip(cells.texts(claims["claim_id"]), cells.integers(claims["start"]),
                                 cells.texts(claims["sentence"])):
            if cid in levelled and s0 is not None and cfg.origin_cue.search(sent):
                cue_at[cid] = (s0, sent)
    act: set[tuple[str, str]] = set()
    for i in rows:
        cid, name, start = mcids[i], names[i], starts[i]
        where = cue_at.get(cid)
        rel = None if where is None or start is None else start - where[0]
        if prec[i] == "near_town" or (where is not None and rel is not None and 0 < rel <= len(where[1])
                                      and cfg.origin_place is not None
                                      and cfg.origin_place.search(where[1], max(0, rel - 100), rel)):
            elsewhere.setdefault(cid, set()).add(name)
        else:
            act.add((cid, name))
    for cid in list(elsewhere):
        elsewhere[cid] = {x for x in elsewhere[cid] if (cid, x) not in act}
    return level_of, elsewhere


def _local_incidents(claims: list[_C], splits: Mapping[str, set[str]],
                     cfg: AlignSettings) -> tuple[list[_Local], list[tuple]]:
    """Group the claims of one document (in reading order) into local incidents.
    Returns the local incidents and link rows (claim_a, claim_b, score, reasons)."""
    locals_: list[_Local] = []
    links: list[tuple] = []
    prev_li: _Local | None = None
    for c in claims:
        best = None
        for li in reversed(locals_[-cfg.recent:]):
            blocked = bool(splits) and c.cid in splits and any(m.cid in splits[c.cid] for m in li.members)
            got = _join_score(c, li, cfg, most_recent=li is prev_li, split_block=blocked)
            if got is None:
                continue
            if best is None or got[0] > best[0]:
                best = (got[0], got[1], li)
        if best is not None and best[0] >= cfg.join_min:
            li = best[2]
            partner = li.last
            li.add(c)
            links.append((partner.cid, c.cid, min(100.0, best[0]), "same document; " + "; ".join(best[1]), "within_document"))
            prev_li = li
        else:
            li = _Local(c)
            locals_.append(li)
            if not c.aside:
                # an aside ("The attack came as troops executed 48 people
                # ...") opens its own incident, and the story goes on with the
                # one it was set beside
                prev_li = li
    return locals_, links


# =============================================================================== across documents

class _Cross:
    """Cross-document features of an eligible local incident (a *node*)."""

    __slots__ = ("k", "doc", "lo", "hi", "stated", "govs", "names", "points", "etypes", "perps", "perp_sides",
                 "targets", "victims", "killed", "exact_killed", "sources", "outlet", "first", "lead", "main", "rep",
                 "distinct")

    # pickled as a flat tuple of tuples: scoring blocks travel to worker
    # processes, and the default state of a slotted object (a dict per node,
    # each frozenset reduced on its own) costs the driver more than the
    # workers save
    def __getstate__(self) -> tuple:
        return tuple(tuple(v) if type(v) is frozenset else v for v in (getattr(self, n) for n in self.__slots__))

    def __setstate__(self, state: tuple) -> None:
        for name, value in zip(self.__slots__, state):
            setattr(self, name, frozenset(value) if name in _CROSS_SETS else value)


_CROSS_SETS = frozenset({"govs", "perps", "perp_sides", "targets", "victims", "exact_killed", "sources", "distinct"})


def _cross_features(k: int, li: _Local, cfg: AlignSettings) -> _Cross | None:
    """Features of a local incident that may link across documents: one with
    an anchor claim (an act, not a statement, running total or background,
    dated to the day by its own words or by the report's date) and an area (a
    governorate, or a distinctive event type); None for the others."""
    anchors = [c for c in li.members if c.anchor]
    if not anchors:
        return None
    distinct = frozenset(c.etype for c in anchors if c.etype in cfg.distinctive_types)
    if not li.govs and not distinct:
        return None
    x = _Cross()
    x.k = k
    x.doc = anchors[0].root
    dated = [c for c in anchors if c.lo is not None]
    if dated:
        lo = max(c.lo for c in dated)
        hi = min(c.hi for c in dated)
        if lo > hi:  # anchors disagree within the document: use the first one's
            lo, hi = dated[0].lo, dated[0].hi
        # stated: the report itself dates the act (not only its paragraph or date line)
        x.stated = 2 if any(not c.inh_date for c in dated) else 1
    else:  # only the report's date
        lo = hi = anchors[0].rep
        x.stated = 0
    x.lo, x.hi = lo, hi
    x.govs = li.govs or frozenset()
    x.names = tuple(li.names)
    x.points = tuple(li.points)
    x.etypes = tuple(sorted({c.etype for c in anchors}))
    x.perps = frozenset(li.perps)
    x.perp_sides = frozenset(li.perp_sides)
    x.targets = frozenset(li.targets) - cfg.generic_victims
    events = [c for c in li.members if _is_act(c)]
    x.victims = frozenset(v for c in events for v in c.victims) - cfg.generic_victims
    killed = [kv for c in events for kv in c.killed]
    x.killed = tuple(killed)
    x.exact_killed = frozenset(a for a, b in killed if b == a and a >= 2)
    x.sources = frozenset(c.source for c in li.members if c.source and c.stype not in cfg.outlet_scoped)
    x.outlet = next((c.outlet for c in li.members if c.outlet), "")
    first = min(anchors, key=lambda c: (c.sidx, c.start))
    # where the report tells it: its first act, anchor or not ("Turkish troops
    # and Kurdish fighters exchanged shellfire on Tuesday ..." read as no
    # known type is still the lede's act)
    told = min((c for c in li.members if _is_act(c) and not c.statement),
               key=lambda c: (c.sidx, c.start), default=first)
    x.first = min((told.sidx, told.start), (first.sidx, first.start))
    x.lead = x.main = False   # set by _mark_main
    x.rep = first.cid
    x.distinct = distinct
    return x


def _mark_main(xs: Sequence[_Cross]) -> None:
    """Mark each document's lead node (the act it tells first: headline and
    lede tell the news) and its main nodes (the lead, and the first act with
    a death toll: a reaction piece on "the August 21 chemical attack that
    killed 1,400" leads with the diplomacy). Later ones are background."""
    by_doc: dict[str, list[_Cross]] = {}
    for x in xs:
        by_doc.setdefault(x.doc, []).append(x)
    for v in by_doc.values():
        v.sort(key=lambda x: x.first)
        v[0].main = v[0].lead = True
        deadly = next((x for x in v if x.killed), None)
        if deadly is not None:
            deadly.main = True


_TYPE_LEVEL = {"same": 1, "compatible": 2, "generic": 3, "incompatible": 4}
# the relation of two nodes' types is that of their most specific pair: same,
# then compatible (two specific types of one group: another act as likely as
# not), then generic (one type says nothing), then incompatible
_TYPE_RANK = {1: 0, 2: 1, 3: 2, 4: 3}


def _compare_nodes(a: _Cross, b: _Cross, cfg: AlignSettings, memo: dict | None = None
                   ) -> tuple[tuple[int, ...], tuple[str, ...], float | None]:
    """The comparison vector of two nodes: one level per feature of
    `linkage.FEATURES` (see `linkage.LEVELS`), the pair's own wording of each
    level for the reasons ('' where the level's label says it), and the km
    between their towns (None when either has no geocoded town). `memo`, a
    dict kept by the caller over many pairs, holds the place and event-type
    levels of pairs of town and type sets already compared (many nodes of a
    block share them): the result does not depend on it."""
    if memo is None:
        memo = {}
    # date: the node's day interval; stated by the report, or only its date line / publication day
    gap = max(0, max(a.lo, b.lo) - min(a.hi, b.hi))
    if gap == 0:
        both = (a.stated == 2) + (b.stated == 2)
        date = 1 if both == 2 else (2 if both == 1 else 3)
        date_why = "same date ±0 d" + ("" if date == 1 else " (reported)" if date == 3 else "")
    else:
        date = 4 if gap == 1 else 5
        date_why = f"dates ±{gap} d"
    # place: names through the gazetteer (transliteration aware), then km, then governorate
    key = ("place", a.names, a.points, b.names, b.points)
    got = memo.get(key)
    if got is None:
        got = memo[key] = (best_match(a.names, b.names, cfg.same_place, cfg.translit.similarity)
                           if a.names and b.names else None,
                           km_between(a.points, b.points) if a.points and b.points else None)
    hit, km = got
    place, place_why = 0, ""
    if hit:
        n1, n2, sim = hit
        place, place_why = 1, (n1 if n1 == n2 else f"{n1}~{n2} {sim:.0f}")
    else:
        if km is not None:
            place = 2 if km <= cfg.near_km_x else (3 if km <= cfg.vicinity_km_x else 5)
            place_why = f"{km:.0f} km apart"
        elif a.govs & b.govs:
            place, place_why = 4, "same governorate " + "/".join(sorted(a.govs & b.govs))
        elif a.govs and b.govs:
            place, place_why = 6, "different governorates"
    # event types: the closest relation between the two nodes' anchor types
    key = ("etype", a.etypes, b.etypes)
    got = memo.get(key)
    if got is None:
        etype, etype_why = 0, ""
        for t1 in a.etypes:
            for t2 in b.etypes:
                lvl = _TYPE_LEVEL.get(_relation(t1, t2, cfg), 0)
                if lvl and (etype == 0 or _TYPE_RANK[lvl] < _TYPE_RANK[etype]):
                    etype, etype_why = lvl, (f"both {t1}" if t1 == t2 else f"{t1}/{t2}")
        got = memo[key] = (etype, etype_why)
    etype, etype_why = got
    victims, victims_why = 0, ""
    if a.victims and b.victims:
        common = a.victims & b.victims
        victims = 1 if common else 2
        victims_why = ("victims " + "/".join(sorted(common))) if common else "victims differ"
    toll, toll_why = _toll_level(a, b)
    perp, perp_why = 0, ""
    if a.perps and b.perps:
        if a.perps & b.perps:
            perp, perp_why = 1, "both " + "/".join(sorted(a.perps & b.perps))
        elif a.perp_sides & b.perp_sides:
            perp, perp_why = 2, "perpetrators of one side"
        else:
            perp, perp_why = 3, "perpetrator differs"
    target, target_why = 0, ""
    if a.targets and b.targets:
        common = a.targets & b.targets
        target = 1 if common else 2
        target_why = ("both hit " + "/".join(sorted(common))) if common else "targets differ"
    outlet = 0 if not (a.outlet and b.outlet) else (1 if a.outlet == b.outlet else 2)
    source, source_why = 0, ""
    if a.sources and b.sources:
        common = a.sources & b.sources
        source = 1 if common else 2
        source_why = ("both cite " + "/".join(sorted(common))) if common else ""
    main = 3 if a.lead and b.lead else int(a.main) + int(b.main)
    return ((date, place, etype, victims, toll, perp, target, outlet, source, main),
            (date_why, place_why, etype_why, victims_why, toll_why, perp_why, target_why, "", source_why, ""), km)


def _toll_level(a: _Cross, b: _Cross) -> tuple[int, str]:
    if not a.killed or not b.killed:
        return 0, ""
    same = a.exact_killed & b.exact_killed
    if same:
        return 1, f"both {max(same)} killed"
    if any(_overlap(p, q) for p in a.killed for q in b.killed):
        return 2, "death figures overlap"
    ta, tb = max(k for k, _ in a.killed), max(k for k, _ in b.killed)
    lo, hi = sorted((ta, tb))
    return (3 if hi <= 2 * max(lo, 1) else 4), f"tolls {ta} vs {tb}"


def _overlap(p: tuple[int, int | None], q: tuple[int, int | None]) -> bool:
    hi_p = p[1] if p[1] is not None else math.inf
    hi_q = q[1] if q[1] is not None else math.inf
    return p[0] <= hi_q and q[0] <= hi_p


BLOCK_MEMBERS = 4000  # local incidents per scoring block: blocks of one area are cut by date beyond this


def _areas(x: _Cross) -> tuple[str, ...]:
    """Blocking areas of a local incident: its governorate groups, plus its
    distinctive event types (a chemical attack whose reports name no governorate)."""
    return tuple(sorted(x.govs)) + tuple(f"type:{t}" for t in sorted(x.distinct))


def candidate_blocks(xs: Sequence[_Cross], *, settings: AlignSettings,
                     max_members: int = BLOCK_MEMBERS) -> list[tuple[str, int, int, list[int]]]:
    """Scoring blocks: (area, first day, last day, indices into xs of the
    local incidents of the area whose date window reaches those days). Every
    candidate pair lies within one area and is found in each block that holds
    a day on which it is a candidate, so blocks are scored independently (in
    parallel by `claimscope.engines`) and their edges joined without
    duplicates. An area's days are cut so that blocks stay near `max_members`."""
    slack = settings.slack_cross
    members: dict[str, list[int]] = {}
    for j, x in enumerate(xs):
        for area in _areas(x):
            members.setdefault(area, []).append(j)
    blocks: list[tuple[str, int, int, list[int]]] = []
    for area in sorted(members):
        idx = members[area]
        lo = min(xs[j].lo for j in idx) - slack
        hi = max(xs[j].hi for j in idx) + slack
        if len(idx) <= max_members:
            blocks.append((area, lo, hi, idx))
            continue
        starts = sorted(xs[j].lo for j in idx)
        cuts = sorted({starts[i] for i in range(max_members, len(starts), max_members)} - {starts[0]})
        bounds = [lo, *cuts, hi + 1]
        for d0, d1 in zip(bounds, bounds[1:]):
            part = [j for j in idx if xs[j].lo - slack < d1 and xs[j].hi + slack >= d0]
            if part:
                blocks.append((area, d0, d1 - 1, part))
    return blocks


def block_pairs(xs: Sequence[_Cross], first: int, last: int, *, settings: AlignSettings) -> list[tuple[int, int]]:
    """Candidate pairs (indices into xs, the local incidents of one area) on
    the days first..last: blocking on day within the cross-document date
    window; never all pairs."""
    cfg = settings
    slack = cfg.slack_cross
    buckets: dict[int, list[int]] = {}
    for j, x in enumerate(xs):
        for day in range(max(x.lo, first), min(x.hi, last) + 1):
            buckets.setdefault(day, []).append(j)
    pairs: set[tuple[int, int]] = set()
    for j, x in enumerate(xs):
        for day in range(max(x.lo - slack, first), min(x.hi + slack, last) + 1):
            others = buckets.get(day)
            if not others:
                continue
            crowded = len(others) > cfg.max_bucket
            if crowded and not x.main:
                continue
            for o in others:
                if o > j and xs[o].doc != x.doc and not (crowded and not xs[o].main):
                    pairs.add((j, o))
    return sorted(pairs)


def score_block(block: tuple[int, int, Sequence[_Cross]], *, settings: AlignSettings) -> list[tuple]:
    """Scored candidate pairs of one scoring block (first day, last day, its
    local incidents): (k_a, k_b, score in bits, far) for every candidate
    pair, k_a < k_b; `far` when their towns lie more than max_km_act apart
    (they never link). The reasons of the few pairs that end as links are
    worded by the driver (`_pair_reasons`)."""
    cfg = settings
    first, last, xs = block
    model = cfg.model
    memo: dict = {}
    out = []
    for j, o in block_pairs(xs, first, last, settings=cfg):
        a, b = xs[j], xs[o]
        if b.k < a.k:
            a, b = b, a
        levels, _, km = _compare_nodes(a, b, cfg, memo)
        out.append((a.k, b.k, link_score(model, levels), km is not None and km > cfg.max_km_act))
    return out


def _pair_reasons(a: _Cross, b: _Cross, cfg: AlignSettings, memo: dict) -> tuple[float, str]:
    """Score and reasons of one pair of nodes (a.k < b.k), as its block scored it."""
    levels, why, _ = _compare_nodes(a, b, cfg, memo)
    return link_score(cfg.model, levels), "; ".join(link_reasons(cfg.model, levels, why))


def _serial_map(fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    return [fn(x) for x in items]


# =============================================================================== clustering

def _link_across(xs: Sequence[_Cross], locals_: Sequence[_Local], split_pairs: Mapping[str, set[str]],
                 cfg: AlignSettings, map_blocks: Callable[[Callable[[Any], Any], Sequence[Any]], Sequence[Any]] | None
                 ) -> tuple[list[int], list[tuple]]:
    """Cluster the nodes `xs` across documents: score the candidate pairs of
    each block (through `map_blocks`), then average linkage in this process.
    Two nodes of one document, two nodes holding claims an analyst split, and
    two nodes whose towns lie more than max_km_act apart never share a cluster.
    Returns each node's cluster label (the index of its first node) and one
    link row per merge: the best-scoring pair between the two clusters, its
    match probability (0-100) and its reasons."""
    scored: dict[tuple[int, int], tuple[float, bool]] = {}
    blocks = [(first, last, [xs[j] for j in idx]) for _, first, last, idx in candidate_blocks(xs, settings=cfg)]
    for part in (map_blocks or _serial_map)(functools.partial(score_block, settings=cfg), blocks):
        for ka, kb, w, far in part:
            scored.setdefault((ka, kb), (w, far))   # a pair two blocks share is scored in both, alike
    node = {x.k: n for n, x in enumerate(xs)}
    cannot: list[tuple[int, int]] = []
    # two nodes of one report told at no town or quarter of its act's in one of them (a headline or lede telling
    # the event at large, the body telling it at its towns): kept apart by the pair clustering, but no bar to the
    # incident-level join (`_one_event`), which the report's own places do not contradict
    loose: set[tuple[int, int]] = set()
    by_doc: dict[str, list[int]] = {}
    for n, x in enumerate(xs):
        by_doc.setdefault(x.doc, []).append(n)
    for ns in by_doc.values():
        for i, a in enumerate(ns):
            for b in ns[i + 1:]:
                cannot.append((a, b))
                if not (locals_[xs[a].k].fine and locals_[xs[b].k].fine):
                    loose.add((a, b))
    if split_pairs:
        marked: dict[str, int] = {}
        for x in xs:
            for m in locals_[x.k].members:
                if m.cid in split_pairs:
                    marked[m.cid] = node[x.k]
        for cid, n in marked.items():
            cannot += [(n, marked[o]) for o in split_pairs[cid] if o in marked and marked[o] != n]
    pairs = []
    for (ka, kb), (w, far) in scored.items():
        a, b = node[ka], node[kb]
        pairs.append((a, b, w))
        if far:
            cannot.append((a, b))
    labels, merges = cluster(len(xs), pairs, threshold=cfg.link_threshold, linkage=cfg.linkage,
                             missing_weight=cfg.missing_weight, cannot_link=cannot)
    rows = []
    memo: dict = {}
    for a, b, value, n_pairs in merges:
        xa, xb = (xs[a], xs[b]) if xs[a].k < xs[b].k else (xs[b], xs[a])
        w, why = _pair_reasons(xa, xb, cfg, memo)
        if n_pairs > 1:
            why += f"; mean over {n_pairs} pairs {value:+.1f}"
        rows.append((xs[a].rep, xs[b].rep, round(100 * probability(w), 1), why, "cross_document"))
    if cfg.join_share <= 1:
        # an analyst's split and towns too far apart still bar the join (marked twice when one report holds both:
        # its pair is in `cannot` once per reason, and only the loose same-report reason is lifted)
        times = Counter((min(p), max(p)) for p in cannot)
        hard = [p for p in cannot if (min(p), max(p)) not in loose or times[(min(p), max(p))] > 1]
        labels, joins = join_clusters(labels, pairs, weak=cfg.join_weak, share=cfg.join_share,
                                      threshold=cfg.link_threshold, cannot_link=hard,
                                      accept=functools.partial(_one_event, xs, locals_, cfg))
        for a, b, mean, n_weak, n_scored, n_all, why in joins:
            rows.append((xs[a].rep, xs[b].rep, round(100 * probability(mean), 1),
                         f"one event: {why}; {n_weak} of {n_all} pairs {cfg.join_weak:+.1f} bits or more, "
                         f"mean {mean:+.1f} over {n_scored} compared", "cross_document"))
    return labels, rows


def _one_event(xs: Sequence[_Cross], locals_: Sequence[_Local], cfg: AlignSettings,
               mine: Sequence[int], theirs: Sequence[int]) -> str | None:
    """Whether two incidents (clusters of nodes) tell one day's acts of one
    type at one place: every node dated to one and the same day, a specific
    event type of one the same as or compatible with one of the other's, and
    a town in common or towns within near_km (none farther than max_km_act),
    or, for a distinctive type both hold (a chemical attack), one
    governorate. Returns the reason in words, or None."""
    nodes_a, nodes_b = [xs[n] for n in mine], [xs[n] for n in theirs]
    days = {(x.lo, x.hi) for x in (*nodes_a, *nodes_b)}
    if len(days) != 1:
        return None
    lo, hi = next(iter(days))
    if lo != hi:
        return None
    types_a = sorted({t for x in nodes_a for t in x.etypes} - cfg.generic_types)
    types_b = sorted({t for x in nodes_b for t in x.etypes} - cfg.generic_types)
    same = sorted(set(types_a) & set(types_b))
    if same:
        type_why = "both " + "/".join(same)
    else:
        pair = next(((t1, t2) for t1 in types_a for t2 in types_b if _relation(t1, t2, cfg) == "compatible"), None)
        if pair is None:
            return None
        type_why = f"{pair[0]}/{pair[1]}"
    for xa in nodes_a:
        for xb in nodes_b:
            km = km_between(xa.points, xb.points) if xa.points and xb.points else None
            if km is not None and km > cfg.max_km_act:
                return None
    names_a = [m for x in nodes_a for m in x.names]
    names_b = [m for x in nodes_b for m in x.names]
    hit = best_match(names_a, names_b, cfg.same_place, cfg.translit.similarity) if names_a and names_b else None
    if hit:
        place_why = hit[0] if hit[0] == hit[1] else f"{hit[0]}~{hit[1]} {hit[2]:.0f}"
    else:
        km = km_between([p for x in nodes_a for p in x.points], [p for x in nodes_b for p in x.points])
        govs = {g for x in nodes_a for g in x.govs} & {g for x in nodes_b for g in x.govs}
        distinct = {t for x in nodes_a for t in x.distinct} & {t for x in nodes_b for t in x.distinct}
        if km is not None and km <= cfg.near_km_x:
            place_why = f"{km:.0f} km apart"
        elif distinct and govs:
            place_why = "/".join(sorted(distinct)) + " in " + "/".join(sorted(govs))
        else:
            return None
    day = _dt.date.fromordinal(lo).isoformat()
    return f"one day {day}; {type_why}; {place_why}"


# =============================================================================== main entry

@dataclasses.dataclass
class _Pass1:
    """Alignment's state after the within-document pass."""

    claims: pd.DataFrame
    feats: list[_C]
    known: set[str]
    split_pairs: dict[str, set[str]]
    by_doc: dict[str, list[_C]]
    link_rows: list[tuple]
    dup_of: dict[int, int]
    locals_: list[_Local]
    local_of: list[int]
    xs: list[_Cross]


def _within_documents(claims: pd.DataFrame, casualties: pd.DataFrame, documents: pd.DataFrame, mentions: pd.DataFrame,
                      problems: list[dict], cfg: AlignSettings, knowledge: Knowledge, ov: Overrides) -> _Pass1:
    """Claim features, republished copies tied to their originals, local
    incidents of each document, and the nodes among them (pass 1); `claims`
    in reading order (`_in_reading_order`)."""
    claims = claims.copy()
    # documents.duplicate_of fills in where the claims table has no value
    if "duplicate_of" in documents.columns and not documents.empty:
        dup = dict(zip(cells.texts(documents["doc_id"]), cells.texts(documents["duplicate_of"])))
        have = cells.texts(claims["duplicate_of"]) if "duplicate_of" in claims.columns else [""] * len(claims)
        claims["duplicate_of"] = pd.array([h or dup.get(d, "") for h, d in zip(have, cells.texts(claims["doc_id"]))],
                                          dtype="string")
    feats = _features(claims, casualties, mentions, problems, cfg, knowledge, _reported_days(documents),
                      _titles(documents))
    known = {c.cid for c in feats}
    split_pairs: dict[str, set[str]] = {}
    for a, b in ov.split:
        if a in known and b in known:
            split_pairs.setdefault(a, set()).add(b)
            split_pairs.setdefault(b, set()).add(a)

    # --- pass 1: within documents (republished copies tied to their originals first)
    by_doc: dict[str, list[_C]] = {}
    for c in feats:
        by_doc.setdefault(c.doc, []).append(c)
    link_rows: list[tuple] = []
    dup_of: dict[int, int] = {}   # feature index of a copy's claim -> original's
    for doc, cs in by_doc.items():
        root = cs[0].root
        # tie a copy to its original (not to another copy: no chains, no cycles)
        if root != doc and root in by_doc and by_doc[root][0].root == root:
            orig: dict[str, _C] = {}
            for o in by_doc[root]:
                orig.setdefault(norm_phrase(o.sentence), o)
            keys = list(orig)
            for c in cs:
                if c.cid in split_pairs:
                    continue
                key = norm_phrase(c.sentence)
                o = orig.get(key)
                if o is None:  # copies differ in punctuation, datelines, a word or two
                    hit = rf_process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=cfg.copy_match)
                    o = orig[hit[0]] if hit else None
                if o is not None:
                    dup_of[c.i] = o.i
    locals_: list[_Local] = []
    local_of = [0] * len(feats)
    for doc in sorted(by_doc):
        cs = [c for c in by_doc[doc] if c.i not in dup_of]
        lis, rows = _local_incidents(cs, split_pairs, cfg)
        link_rows += rows
        for li in lis:
            for m in li.members:
                local_of[m.i] = len(locals_)
            locals_.append(li)

    # the local incidents that may link across documents
    xs: list[_Cross] = []
    for k, li in enumerate(locals_):
        x = _cross_features(k, li, cfg)
        if x is not None:
            xs.append(x)
    _mark_main(xs)
    return _Pass1(claims, feats, known, split_pairs, by_doc, link_rows, dup_of, locals_, local_of, xs)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while alignment runs (as it was
    after). Alignment builds several long-lived objects per claim (features,
    local incidents, cross-document nodes, scored pairs) and next to no cyclic
    garbage (a few thousand objects for 74,000 claims), yet every full
    collection walks all it built so far again: about a third of alignment's
    time on 20 copies of FA-KES, more on larger corpora. Reference counting
    frees everything else as ever. Left alone when the caller paused it."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@_collector_paused()
def align(
    claims: pd.DataFrame,
    casualties: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    mentions: pd.DataFrame,
    knowledge: Knowledge,
    overrides: str | os.PathLike[str] | Mapping[str, Any] | Overrides | None = None,
    map_blocks: Callable[[Callable[[Any], Any], Sequence[Any]], Sequence[Any]] | None = None,
    linkage: LinkageModel | None = None,
    link_threshold: float | None = None,
) -> AlignResult:
    """Group `claims` into incidents; return claims with `incident_id`, the
    documents with their `main_incident_id`, the incidents (status columns
    left for `compare`), the links with their reasons, the overrides report
    and problems.

    `map_blocks(fn, blocks)` maps the scoring of the blocks of candidate
    pairs (`score_block` over `candidate_blocks`) and returns the results in
    order: in-process by default, a process pool or Dask in
    `claimscope.engines`. The tables do not depend on it.

    `linkage` and `link_threshold` replace the knowledge pack's match weights
    and clustering threshold (evaluation fits its own on training folds).

    Raises `OverridesError` for an unusable overrides file."""
    ov = load_overrides(overrides)
    cfg = align_settings(knowledge)
    if linkage is not None or link_threshold is not None:
        cfg = dataclasses.replace(cfg, model=linkage or cfg.model,
                                  link_threshold=cfg.link_threshold if link_threshold is None else float(link_threshold))
    problems: list[dict] = []
    table = _in_reading_order(claims)
    is_event = _event_rows(table)
    claims = table if is_event.all() else table[is_event].reset_index(drop=True)
    if claims.empty:
        return AlignResult(_with_non_events(claims, table, is_event), _with_main(documents, {}), schema.empty("incidents"),
                           schema.empty("links"), _empty_overrides(), _problems_frame(problems, documents))
    st = _within_documents(claims, casualties, documents, mentions, problems, cfg, knowledge, ov)
    claims, feats, known, split_pairs = st.claims, st.feats, st.known, st.split_pairs
    by_doc, link_rows, dup_of, locals_, local_of, xs = st.by_doc, st.link_rows, st.dup_of, st.locals_, st.local_of, st.xs
    labels, rows = _link_across(xs, locals_, split_pairs, cfg, map_blocks)
    link_rows += rows
    cluster_of = {x.k: xs[lab].k for x, lab in zip(xs, labels)}  # local incident -> its cluster's first
    comp: list[Any] = [cluster_of.get(local_of[c.i], local_of[c.i]) if c.i not in dup_of else None for c in feats]

    # copies follow their originals
    for i, o in dup_of.items():
        link_rows.append((feats[o].cid, feats[i].cid, 100.0,
                          f"republished copy of {feats[o].doc}", "republished"))
        comp[i] = comp[o]

    # --- overrides: merge, then assign
    report: list[dict] = []
    for a, b in ov.split:
        missing = [x for x in (a, b) if x not in known]
        if missing:
            report.append(_ov("split", (a, b), "", "unknown_claim", f"not in this corpus: {', '.join(missing)}"))
    group_of = {c.cid: comp[c.i] for c in feats}
    members: dict[Any, list[str]] = {}
    for cid, g in group_of.items():
        members.setdefault(g, []).append(cid)
    for g in ov.merge:
        missing = [x for x in g if x not in known]
        if missing:
            report.append(_ov("merge", g, "", "unknown_claim", f"not in this corpus: {', '.join(missing)}"))
            continue
        groups = sorted({group_of[x] for x in g}, key=lambda gg: min(members[gg]))
        if len(groups) == 1:
            report.append(_ov("merge", g, "", "unchanged", "already in one incident"))
            continue
        joined = [cid for gg in groups for cid in members[gg]]
        clash = _split_clash(joined, split_pairs)
        if clash:
            report.append(_ov("merge", g, "", "rejected", f"would join {clash[0]} and {clash[1]}, which split keeps apart"))
            continue
        target = groups[0]
        for gg in groups[1:]:
            for cid in members.pop(gg):
                group_of[cid] = target
                members[target].append(cid)
        for x, y in zip(g, g[1:]):
            link_rows.append((min(x, y), max(x, y), 100.0, f"merged by {ov.origin}", "override"))
        report.append(_ov("merge", g, "", "applied", f"joined {len(groups)} incidents"))
    # incident ids before assignments, so that assign can name them
    pre_ids = {g: incident_id(cids) for g, cids in members.items()}
    by_pre_id = {v: g for g, v in pre_ids.items()}
    touched: set = set()   # groups whose members changed by an assignment
    for cid, target in ov.assign:
        if cid not in known:
            report.append(_ov("assign", (cid,), target, "unknown_claim", f"not in this corpus: {cid}"))
            continue
        dest = by_pre_id.get(target, ("label", target))
        if dest not in pre_ids and _INCIDENT_ID.fullmatch(target):
            report.append(_ov("assign", (cid,), target, "unknown_incident",
                              f"no incident {target} in this run (its smallest claim may have changed); not moved"))
            continue
        if group_of[cid] == dest:
            report.append(_ov("assign", (cid,), target, "unchanged", "already in that incident"))
            continue
        dest_members = members.get(dest, [])
        clash = _split_clash(dest_members + [cid], split_pairs)
        if clash:
            report.append(_ov("assign", (cid,), target, "rejected", f"would join {clash[0]} and {clash[1]}, which split keeps apart"))
            continue
        touched.update((group_of[cid], dest))
        members[group_of[cid]].remove(cid)
        if not members[group_of[cid]]:
            del members[group_of[cid]]
        members.setdefault(dest, []).append(cid)
        group_of[cid] = dest
        kind = "existing incident" if dest in pre_ids else "new incident for label"
        report.append(_ov("assign", (cid,), target, "applied", f"moved to {kind} {target}"))
    for a, b in ov.split:
        if a in known and b in known:
            same = group_of[a] == group_of[b]
            report.append(_ov("split", (a, b), "", "rejected" if same else "applied",
                              "still in one incident" if same else "kept in different incidents"))

    # --- final ids and tables
    final_id = {g: (pre_ids[g] if g in pre_ids and g not in touched else incident_id(cids)) for g, cids in members.items()}
    claims["incident_id"] = pd.array([final_id[group_of[c.cid]] for c in feats], dtype="string")
    for row in report:
        if row["action"] == "assign" and row["status"] == "applied":
            row["detail"] += f" (now {final_id[group_of[row['claims']]]})"
    incidents = _incidents(claims, feats, cfg, knowledge)
    claims_out = _with_non_events(claims, table, is_event)
    links = _links_frame(link_rows)
    incident_of = {c.cid: final_id[group_of[c.cid]] for c in feats}
    mains = _main_incidents(by_doc, xs, locals_, incident_of, cfg)
    return AlignResult(claims_out, _with_main(documents, mains), incidents, links, _overrides_frame(report),
                       _problems_frame(problems, documents))


def linkage_pairs(claims: pd.DataFrame, casualties: pd.DataFrame, documents: pd.DataFrame, *,
                  mentions: pd.DataFrame, knowledge: Knowledge) -> pd.DataFrame:
    """Every candidate pair of local incidents across documents (alignment's
    blocking) with its comparison levels: what the match weights are fitted
    on (`linkage.fit`, tools/fit_linkage.py). Columns: doc_a, doc_b, claim_a,
    claim_b (each node's first anchor claim), lead_a, lead_b (each is its
    report's lead node), then one level column per feature of
    `linkage.FEATURES`; one row per pair, doc_a < doc_b order not implied."""
    cfg = align_settings(knowledge)
    cols = ["doc_a", "doc_b", "claim_a", "claim_b", "lead_a", "lead_b", *LINK_FEATURES]
    if claims.empty:
        return pd.DataFrame(columns=cols)
    st = _within_documents(_in_reading_order(claims), casualties, documents, mentions, [], cfg, knowledge, Overrides())
    xs = st.xs
    seen: set[tuple[int, int]] = set()
    rows = []
    memo: dict = {}
    for _, first, last, idx in candidate_blocks(xs, settings=cfg):
        part = [xs[j] for j in idx]
        for j, o in block_pairs(part, first, last, settings=cfg):
            a, b = part[j], part[o]
            if b.k < a.k:
                a, b = b, a
            if (a.k, b.k) in seen:
                continue
            seen.add((a.k, b.k))
            levels, _, _ = _compare_nodes(a, b, cfg, memo)
            rows.append((a.doc, b.doc, a.rep, b.rep, a.lead, b.lead, *levels))
    rows.sort(key=lambda r: (r[2], r[3]))
    return pd.DataFrame(rows, columns=cols)


def _is_act(c: _C) -> bool:
    """An event claim that tells an act, not a period (a running story since a date)."""
    return c.event and not c.period


def _tells_toll(li: _Local, *, counted: bool = False) -> bool:
    """Whether a local incident's acts tell casualties of their own (figures
    above zero, not only in a clause recalling an earlier act; with
    `counted`, figures only, not words such as "leaving casualties")."""
    return any(c.counted if counted else c.own_toll for c in li.members if _is_act(c))


def _recalls_toll(li: _Local) -> bool:
    """Whether a local incident's acts tell a toll in a clause recalling an earlier act."""
    return any(c.recalled for c in li.members if _is_act(c))


def _main_incidents(by_doc: Mapping[str, list[_C]], xs: Sequence[_Cross], locals_: Sequence[_Local],
                    incident_of: Mapping[str, str], cfg: AlignSettings) -> dict[str, str]:
    """doc_id -> the incident the report is mainly about: the incident of its
    lead node (the act it tells first, headline and lede, that can link
    across documents) -- unless the lead tells no casualties of its own and a
    later node of the report, dated within a day of it, does: then that one
    ("Shelling hits X" leads a report whose toll is told of a drone strike;
    "Turkey strikes back after 33 soldiers killed" leads one whose toll is
    the air strike's, told later). For a report without a node, the incident
    of its first act (an event claim, not a statement); a republished copy's
    is its original's. Running totals and background are never acts here."""
    out: dict[str, str] = {}
    nodes: dict[str, list[_Cross]] = {}
    for x in xs:
        nodes.setdefault(x.doc, []).append(x)
    for doc, v in nodes.items():
        lead = next((x for x in v if x.lead), None)
        if lead is None:
            continue
        pick = lead
        if not _tells_toll(locals_[lead.k]):
            # the act whose toll the lead recalls happened before it; else the
            # deadly act is of the lead's day or the day before
            earlier = _recalls_toll(locals_[lead.k])
            # (an uncounted "casualties" keeps a lead, never takes it from one)
            pick = min((x for x in v if x is not lead and x.first > lead.first and _tells_toll(locals_[x.k], counted=True)
                        and (0 < lead.lo - x.hi <= 1 if earlier else max(x.lo, lead.lo) - min(x.hi, lead.hi) <= 1)),
                       key=lambda x: x.first, default=lead)
        out[doc] = incident_of[pick.rep]
    for doc in sorted(by_doc):
        cs = by_doc[doc]
        root = cs[0].root
        if root != doc and root in out:
            out[doc] = out[root]
        if doc in out:
            continue
        first = next((c for c in cs if _is_act(c) and c.etype not in cfg.non_anchor_types), None)
        if first is not None:
            out[doc] = incident_of[first.cid]
    return out


def _with_main(documents: pd.DataFrame, mains: Mapping[str, str]) -> pd.DataFrame:
    """`documents` with `main_incident_id` filled (empty where none)."""
    docs = documents.copy()
    ids = cells.texts(docs["doc_id"]) if "doc_id" in docs.columns else []
    docs["main_incident_id"] = pd.array([mains.get(d) or None for d in ids], dtype="string")
    return docs


_READING_ORDER = ["doc_id", "start", "end", "claim_id"]  # claims in the order their documents tell them


def _in_reading_order(claims: pd.DataFrame) -> pd.DataFrame:
    """`claims` sorted by `_READING_ORDER` (stable, index 0..n-1; an empty
    table as it is). Only the key columns are sorted: the rows of a table
    already in that order, as extraction writes it, are not moved (taking
    every column of 372,000 claims costs more than sorting the keys)."""
    if claims.empty:
        return claims
    keys = claims[_READING_ORDER].reset_index(drop=True).sort_values(_READING_ORDER, kind="stable")
    if keys.index.equals(pd.RangeIndex(len(claims))):
        return claims.reset_index(drop=True)
    return claims.take(keys.index.to_numpy()).reset_index(drop=True)


def _event_rows(claims: pd.DataFrame) -> np.ndarray:
    """Which claims tell events (`claims.kind`; a table without the column is
    all events): only events make incidents."""
    if "kind" not in claims.columns:
        return np.ones(len(claims), dtype=bool)
    return np.array([k in EVENT_KINDS for k in cells.texts(claims["kind"])], dtype=bool)


def _with_non_events(claims: pd.DataFrame, table: pd.DataFrame, is_event: np.ndarray) -> pd.DataFrame:
    """All claims of `table` (in reading order): the aligned event claims
    (`claims`: `table`'s rows where `is_event`, with `incident_id` and the
    `duplicate_of` alignment filled in) and the others in no incident
    (`incident_id` empty), in table order.

    The two columns alignment sets are put back into `table` row by row
    rather than the two tables joined and sorted again (every column of
    every claim taken twice). Tables with a claim_id twice, or a
    `duplicate_of` of another type than alignment's, are joined as
    before: the same result, the rare way."""
    if len(claims) == len(table):
        return claims
    dup = "duplicate_of" in claims.columns and "duplicate_of" in table.columns \
        and claims["duplicate_of"].dtype == table["duplicate_of"].dtype
    if not table["claim_id"].is_unique or ("duplicate_of" in claims.columns and not dup):
        rest = table[~is_event].copy()
        rest["incident_id"] = pd.array([pd.NA] * len(rest), dtype="string")
        both = pd.concat([claims, rest], ignore_index=True) if len(claims) else rest
        return both.sort_values(_READING_ORDER, kind="stable").reset_index(drop=True)
    out = table.copy()
    rows = np.flatnonzero(is_event)
    ids = np.full(len(table), None, dtype=object)   # None: missing, as pd.array reads it
    if len(claims):
        ids[rows] = claims["incident_id"].to_numpy(dtype=object)
    out["incident_id"] = pd.array(ids, dtype="string")
    if dup and len(claims):
        values = table["duplicate_of"].to_numpy(dtype=object)
        values[rows] = claims["duplicate_of"].to_numpy(dtype=object)
        out["duplicate_of"] = pd.array(values, dtype=claims["duplicate_of"].dtype)
    return out


def _split_clash(cids: Sequence[str], split_pairs: Mapping[str, set[str]]) -> tuple[str, str] | None:
    s = set(cids)
    for c in sorted(s):
        hit = split_pairs.get(c, set()) & s
        if hit:
            return c, min(hit)
    return None


def _ov(action: str, cids: Sequence[str], target: str, status: str, detail: str) -> dict:
    return {"action": action, "claims": ";".join(cids), "target": target, "status": status, "detail": detail}


def _empty_overrides() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype="string") for c in OVERRIDES_COLUMNS})


def _overrides_frame(rows: list[dict]) -> pd.DataFrame:
    if not rows:
        return _empty_overrides()
    df = pd.DataFrame(rows, columns=list(OVERRIDES_COLUMNS)).astype("string")
    order = {"merge": 0, "split": 1, "assign": 2}
    df["_o"] = df["action"].map(order)
    return df.sort_values(["_o", "claims", "target"], kind="stable").drop(columns="_o").reset_index(drop=True)


def _problems_frame(rows: list[dict], documents: pd.DataFrame) -> pd.DataFrame:
    if not rows:
        return schema.empty("problems")
    paths = dict(zip(cells.texts(documents["doc_id"]), cells.texts(documents["path"]))) if "path" in documents.columns else {}
    df = pd.DataFrame([{"path": paths.get(r["doc_id"]) or r["doc_id"], "reason": r["reason"], "stage": "align",
                        "severity": "warning"} for r in rows])
    return schema.frame(df.sort_values(["path", "reason"], kind="stable").reset_index(drop=True), "problems")


def _links_frame(rows: list[tuple]) -> pd.DataFrame:
    if not rows:
        df = schema.empty("links")
        df["kind"] = pd.Series([], dtype="string")
        return df
    df = pd.DataFrame(rows, columns=["claim_a", "claim_b", "score", "reasons", "kind"])
    swap = df["claim_a"] > df["claim_b"]
    df.loc[swap, ["claim_a", "claim_b"]] = df.loc[swap, ["claim_b", "claim_a"]].to_numpy()
    df["score"] = df["score"].round(1)
    df = df.drop_duplicates(["claim_a", "claim_b"]).sort_values(["claim_a", "claim_b"], kind="stable")
    df["kind"] = df["kind"].astype("string")
    return schema.frame(df.reset_index(drop=True), "links")


# =============================================================================== incidents table

def _incidents(claims: pd.DataFrame, feats: list[_C], cfg: AlignSettings, knowledge: Knowledge) -> pd.DataFrame:
    """Incident rows from the aligned claims. `compare` fills status,
    n_sources, sources, conflict_facets and the agreement columns: who is an
    independent account is compare's to count (accounts from
    `claimscope.accounts`), once."""
    iid = cells.texts(claims["incident_id"])
    lat = cells.numbers(claims["lat"])
    lon = cells.numbers(claims["lon"])
    places_col = cells.texts(claims["places"])
    groups: dict[str, list[int]] = {}
    for k, i in enumerate(iid):
        groups.setdefault(i, []).append(k)
    labels = {t: event_label(t, knowledge=knowledge) for t in set(cells.texts(claims["event_type"])) | {"other"}}
    out = []
    for i, ks in groups.items():
        cs = [feats[k] for k in ks]
        dates = [(c.lo, c.prec) for c in cs if c.lo is not None and not c.statement] or \
                [(c.lo, c.prec) for c in cs if c.lo is not None] or \
                [(c.rep, "reported") for c in cs if c.rep_claimed and not c.statement]
        # dates the text gives to the day first, then the reports' own dates ("reported")
        day_dates = [d for d, p in dates if p == "day"] or [d for d, p in dates if p == "reported"] or [d for d, _ in dates]
        prec = "day" if any(p == "day" for _, p in dates) else (
            "reported" if any(p == "reported" for _, p in dates) else (dates[0][1] if dates else "unknown"))
        govs: Counter = Counter()
        places: Counter = Counter()
        towns: Counter = Counter()
        for k, c in zip(ks, cs):
            govs.update(c.gov_raw)
            places.update(p for p in places_col[k].split(";") if p)
            towns.update(c.names)
        gov = _most_common(govs)
        etype = _incident_type(cs, cfg)
        pts = [(lat[k], lon[k]) for k in ks if lat[k] is not None and lon[k] is not None]
        ds = _dt.date.fromordinal(min(day_dates)).isoformat() if day_dates else ""
        de = _dt.date.fromordinal(max(day_dates)).isoformat() if day_dates else ""
        town_list = _by_count(towns)
        out.append((i, ds or None, de or None, gov or None, ";".join(_by_count(places)) or None, etype, len(ks),
                    len({c.doc for c in cs}), None, None, "",
                    _title(ds, prec, labels[etype], town_list, gov), prec,
                    round(sum(p[0] for p in pts) / len(pts), 5) if pts else None,
                    round(sum(p[1] for p in pts) / len(pts), 5) if pts else None,
                    None))
    df = pd.DataFrame(out, columns=["incident_id", "date_start", "date_end", "governorate", "places", "event_type",
                                    "n_claims", "n_docs", "n_sources", "status", "conflict_facets", "title",
                                    "date_precision", "lat", "lon", "sources"])
    df = df.sort_values(["date_start", "incident_id"], na_position="last", kind="stable")
    return schema.frame(df.reset_index(drop=True), "incidents")


def _incident_type(cs: Sequence[_C], cfg: AlignSettings) -> str:
    """The incident's event type (`principal_type`): claims that tell its
    toll or title it tell its act."""
    return principal_type([(c.etype, c.counted or c.headline) for c in cs], settings=cfg)


def principal_type(types: Sequence[tuple[str, bool]], *, settings: AlignSettings) -> str:
    """The event type an incident is named for, from its claims' (type, tells
    the act's toll or title): a distinctive type (a chemical attack) any claim
    tells, else the most specific type (events.yaml order) of those that tell
    the toll, else of all. A sentence of context that joined the act ("despite
    the bombing of the city by jets") must not rename a suicide bombing an
    airstrike. Alignment's `incidents.event_type` and compare's neutral title
    both read it."""
    distinct = {t for t, _ in types if t in settings.distinctive_types}
    told = {t for t, tells in types if tells and t not in settings.generic_types and t != "statement"}
    return min(distinct or told or {t for t, _ in types}, key=lambda t: (settings.type_rank.get(t, 99), t))


def _by_count(counter: Counter) -> list[str]:
    return [k for k, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def _most_common(counter: Counter) -> str:
    if not counter:
        return ""
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _title(date: str, prec: str, what: str, places: Sequence[str], gov: str) -> str:
    """A short label: '2020-09-05 clash near Saraqib (Idlib)'; `what` is the
    event type as the pack's events.yaml `title_labels` name it."""
    when = date[:7] if prec in ("month",) and date else (date[:4] if prec == "year" and date else date or "undated")
    where = ""
    if places:
        where = f" near {places[0]}"
        if gov and gov != places[0]:
            where += f" ({gov})"
    elif gov:
        where = f" in {gov}"
    return f"{when} {what}{where}"
