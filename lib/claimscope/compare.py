"""Compare the accounts of each incident facet by facet, and give each
incident one verdict.

**Accounts and independence.** An account is a (source, outlet) chain: who
speaks, through whom. The same named source relayed by several outlets is one
account (SOHR quoted by Reuters and by AFP); republished copies
(`documents.duplicate_of`) are their original; an outlet's own voice is the
outlet's account (`claimscope.accounts` defines accounts, for every stage).
Two accounts of one incident are

* ``relay`` when one relays the other: an outlet's own narration and a source
  the same outlet quotes about this incident (the outlet may only be repeating
  it), or a source and the outlet its words reached us through
  (`claims.source_via`); relays chain (Reuters quoting SOHR quoting local
  sources relays both), and two outlets relaying one source (AA and Reuters
  both quoting the Hatay governor) are relays of it, not independent;
* ``pooled`` when both are vague pooled voices ("other sources", "local
  sources", unnamed, an unknown outlet: align.yaml `pooled_*`) - they may be
  anyone, the same people or not;
* ``aligned`` when both speak for one state: official sources and state
  media (or an outlet's narration) of the same side (`claims.source_side`:
  the Turkish Defense Ministry and Anadolu Agency; the Russian Defense
  Ministry and TASS; align.yaml `aligned_source_types`, `unaligned_sides`);
* ``independent`` otherwise.

Claims of different accounts are compared pairwise on each facet they both
speak to:

* **casualties** - figures of the same victims group and outcome are ranges;
  overlapping ranges agree ("at least 11" vs "11"), disjoint ranges conflict
  ("3 killed" vs "at least 7 killed"; "no casualties" vs "5 killed"); two
  open ranges ("at least 19", "at least 123") are compatible but confirm
  nothing: partial. A part ("children", "killed") is checked against its
  whole ("civilians", "killed or injured"): more of the part than the whole
  conflicts. A figure its own account tells as a part of its victims
  (`casualties.part`: "including five children", "15 of the wounded were in
  critical condition") is no toll: at most partial, and left out of the
  incident's deaths.
  `neutralized` (killed, captured or surrendered) is the whole of killed and
  detained figures: "7 killed" against "5 neutralized" conflicts, "3 killed"
  is partial; it never counts as deaths. A claim telling a toll raised to a
  figure ("three more bodies ..., raising the toll to eight":
  `compare.toll_update_cues`, `toll_total_cues`) counts in the incident's
  toll each victims group's largest figure, not their sum. Running totals
  (`casualties.scope = total`) are not an act's toll and are neither compared
  nor counted. A lower death toll in an earlier report and a higher one in a
  later report, one of them told as an update ("rises to 58"; language data
  `compare.toll_update_cues`), are one toll rising: partial, with the days
  apart in the detail; a toll that falls, or two of one day, still conflict
  (but for a relay's lower toll reported no later than its source's, below).
  A figure that is no one act's toll is partial against one, the reason in
  the detail: a claim whose sentence sums a span or several acts or gives
  an earlier toll (language data `compare.summary_span_cues`), whose places
  lie in several governorates, or that names more towns than the other and
  the larger toll; a vague quantity (`compare.vague_quantities`: "scores")
  neither conflicts nor agrees; counts of one group that sum to the other
  account's figure are its parts. A figure its report tells as more victims
  besides its other figures ("Another 27 were killed", "19 more",
  "Moreover, ..."; `compare.additive_figure_cues`, `additive_openers`) is
  partial against the same report's figures, and so are tolls told of
  different places of one level (two quarters, two towns more than near_km
  apart: align.yaml `place_levels`, `align.fine_places`), and a figure the
  report tells after its own as an earlier or later act or count
  ("Earlier, a source said ...", "Later in the evening, ...":
  `compare.time_shift_openers`), and one whose figures are all told in a
  clause recalling an earlier act ("after 17 were killed in an October 2
  attack": `recap_clauses`, `align.figures_recalled`). A report's own larger
  toll beside the smaller one of a source it relays in that report (a
  headline's "29 injured in the city" over its police source's "16 injured in
  one quarter") may sum acts the source tells in part: partial (the source's
  larger toll still conflicts with the report's own); so may two reports in
  one relay chain whose lower toll was reported no later than the higher
  (possibly one source's earlier count): only when one of the two relays the
  other, not two outlets that each quote one monitor somewhere. A rounded figure is
  no other count: "more than 70" beside 70, "about a hundred" within
  `approx_tolerance` of
  the other (partial). Perpetrators told of different places are partial
  too. A sentence about earlier acts
  (`compare.earlier_act_cues`: "has previously accused") is not compared; one
  that opens with a reply (`compare.reply_act_cues`: "In retaliation for the
  shelling, rebels fired ...") is compared only with other replies.
* **perpetrator** - who carried out (or is blamed for) the act: the same actor
  or side agrees, different sides conflict. "A attacked B" vs "B attacked A"
  tells of two acts of one clash and is not compared.
* **responsibility** - who started it ("Damascus violated the ceasefire" vs
  "the clashes started after Turkish strikes"): different sides conflict.
* **denials** - a denial of the act (`claims.negated` with a lexicon
  `act_denials` cue: "denied", "fake news", not "no casualties"; or an actor
  the sentence denies an act, `mentions.role` `denied`: "Russian aircraft
  were not used") denies that actor, else its
  perpetrator (not one read from "accused X": that blame is asserted), else a
  role of the speaker's own side (`claims.source_side`: "the ministry denied
  that its aircraft carried out the strikes"). It conflicts with every
  independent account that names that actor or side as perpetrator (relayed,
  pooled or aligned voices are not set against it): on the perpetrator facet
  against a direct account ("Russian warplanes struck", "a strike by X"), on
  responsibility against a blame ("blamed the attack on X", "X violated the
  ceasefire"). A denial without a perpetrator that carries a casualty figure
  may deny the toll, not the act, and is not read. A denial never agrees: its
  perpetrator is not compared as an assertion, nor its cause, unless the
  denier asserts another one ("denied any responsibility, saying its strikes
  hit a rebel depot": events.yaml `asserting_links`).
* **cause** - stated causes by category (airstrike vs accident; a chemical
  attack vs a strike on a depot of toxic munitions; an old mine vs an IED;
  shot down vs a technical failure). Categories events.yaml marks compatible
  (a chemical weapon delivered by an air strike) are partial. The reason given
  for downing or striking back (retaliation for an attack vs on a mission) is
  compared only with a reason, a mechanism with a mechanism; the detail
  quotes each side's phrase.
* **date** and **place** - own (not inherited, not `reported`) dates and
  places, incompatible beyond their precision.

Each comparison is a `comparisons` row with a verdict (agree, conflict,
partial), a readable detail and the pair's `relation`. An incident's one
verdict (`incidents.status`) is

* ``contested`` - some facet conflicts between two of its accounts (whatever
  their relation: a report that carries two versions is contested too);
* ``corroborated`` - no conflict, and two independent accounts agree on a
  casualty figure, the perpetrator, responsibility or the cause (date and
  place are what accounts are grouped by: their agreement alone is not
  corroboration);
* ``uncorroborated`` - at least two independent accounts, nothing of the
  above compared and found to agree;
* ``single_source`` - fewer than two independent accounts.

`n_sources` is the largest set of the incident's accounts no two of which are
relay, pooled or aligned pairs (greedy: named sources first). Incidents also get
perpetrator and target (the consensus, or `contested`), UCDP-style casualty
low/best/high in total and for civilians and combatants, places and
governorate from what their claims resolved, and a neutral title (undisputed
facts only, contested facets named). `source_agreement` counts, for each pair
of sources, the incidents both tell and their agreeing (independent pairs
only), conflicting and relayed comparisons.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping, Sequence

import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz import process as rf_process

from . import cells, schema
from .accounts import account_of, is_pooled, publishers  # is_pooled: public here too (reports)
from .actors import actor_sides
from .align import AlignSettings, align_settings, figures_recalled, fine_places, places_apart, principal_type
from .claims import rounded_apart
from .dates import date_interval
from .events import event_label
from .knowledge import Knowledge
from .places import PRECISIONS, PlaceProfile, Translit, best_match, km_between, place_profiles, translit
from .resources import case_variants, first_chars, norm_phrase, phrase_pattern, trie_pattern

__all__ = [
    "CompareResult",
    "FACETS",
    "Figure",
    "compare",
    "compare_figures",
    "compare_actors",
    "copied_accounts",
    "parts_covered",
    "pair_verdicts",
    "compare_causes",
    "compare_dates",
    "casualty_estimates",
    "toll_text",
    "RELATIONS",
    "is_pooled",
    "VERDICTS",
]

FACETS = ("casualties", "perpetrator", "responsibility", "cause", "date", "place")
VERDICTS = ("contested", "corroborated", "uncorroborated", "single_source")  # incidents.status, most telling first
RELATIONS = ("independent", "relay", "pooled", "aligned")  # comparisons.relation
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
    category: str = "unknown"  # civilians, combatants, unknown (casualties.category)
    vague: str = ""            # the vague quantity ('scores', 'dozens') when nobody counted it
    rounded: str = ""          # its qualifier when it rounds: 'about 70' (approx), 'more than 90' (gt)
    part: bool = False         # a part of victims counted or told beside it (casualties.part): no toll of its own

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
    two_sided_cues: frozenset[str]  # perpetrator cues of an act told of two sides ("exchange"): no target
    bare_words: frozenset[str]  # actors.yaml bare_aliases/bare_modifiers: "factions" names a class, not one group
    cause_cat: Mapping[str, str]
    generic_causes: frozenset[str]
    cause_reasons: frozenset[str]                 # causes that are reasons (retaliation, mission), not mechanisms
    cause_compatible: frozenset[frozenset[str]]   # category pairs that are partial, not a conflict
    cause_labels: Mapping[str, str]
    asserting: re.Pattern[str]    # a denial's cause after one of these words is asserted ("denied ..., saying")
    per_account: int
    max_accounts: int
    same_place: float
    near_km: float
    max_km: float
    sides: Mapping[str, str]  # canonical actor -> side
    translit: Translit
    corroborating: frozenset[str]
    denial_cues: frozenset[str]   # lexicon act_denials: negation cues that deny an act (not a zero count)
    align: AlignSettings   # the places of one level two acts are told at (align.places_apart)
    aligned_types: frozenset[str]
    unaligned_sides: frozenset[str]
    toll_update: re.Pattern[str] | None = None   # 'rises to', 'has risen to': a running update of a toll
    toll_update_gate: re.Pattern[str] | None = None   # its spellings without word bounds (see _gate)
    toll_total: re.Pattern[str] | None = None   # 'rose to', 'raising the toll to': the claim's largest death figure is its toll
    toll_total_gate: re.Pattern[str] | None = None
    earlier_gate: re.Pattern[str] | None = None   # `_gate` of earlier_toll's cues
    summary_span: re.Pattern[str] | None = None  # 'in three days', 'separate attacks': a toll of several acts
    several_acts: re.Pattern[str] | None = None  # 'air raids', 'strikes': a sentence telling several acts
    summary_days: re.Pattern[str] | None = None  # 'on Tuesday and Wednesday': a toll of a span of days
    earlier_toll: re.Pattern[str] | None = None  # 'had initially given a death toll of': an earlier count follows
    earlier_after: re.Pattern[str] | None = None  # ', in an initial toll.' closing a clause: the counts before it were earlier
    risen_to: re.Pattern[str] | None = None  # 'has risen to' right before a figure: the toll now, replacing lower counts
    day_names: tuple[str, ...] = ()              # weekday names as dates.yaml writes them: a gate before summary_days
    vague: re.Pattern[str] | None = None         # 'scores', 'dozens': a figure nobody counted
    earlier_act: re.Pattern[str] | None = None   # 'previously', 'in past attacks': a sentence about earlier acts
    earlier_act_gate: re.Pattern[str] | None = None   # its spellings without word bounds (see _gate)
    reply_act: re.Pattern[str] | None = None     # 'In retaliation ...' opening a sentence about a reply act
    additive: re.Pattern[str] | None = None      # 'another', 'two more', 'also' in a figure's phrase: more dead besides
    additive_opener: re.Pattern[str] | None = None   # 'Moreover', 'In addition' opening the sentence
    time_shift: re.Pattern[str] | None = None    # 'Earlier', 'Later' opening the sentence: another act or count
    toll_words: re.Pattern[str] | None = None    # 'killed', 'died', 'wounded': a toll told (numbers.yaml outcomes)
    qualifier_kinds: Mapping[str, str] = field(default_factory=dict)   # numbers.yaml qualifiers: 'about' -> approx
    rounding: float = 0.0   # compare.approx_tolerance: how far an 'about N' figure may be off
    copy_match: float = 101.0   # compare.copied_wording.match: two reports' sentences this alike are one text
    copy_min_words: int = 0     # compare.copied_wording.min_words: shorter sentences are alike by chance


def _build_cfg(knowledge: Knowledge) -> _Cfg:
    d = knowledge.align
    c = d["compare"]
    causes = knowledge.events.get("causes") or {}   # the cause vocabulary beyond event types (events.yaml)
    return _Cfg(
        generic_victims=frozenset(c["generic_victims"]),
        victims_parent=dict(c["victims_parents"]),
        outcome_whole={k: frozenset([v] if isinstance(v, str) else v) for k, v in c["outcome_parts"].items()},
        perp_cues=frozenset(c["perpetrator_cues"]),
        two_sided_cues=frozenset(c.get("two_sided_cues") or ()),
        bare_words=frozenset(norm_phrase(w) for e in knowledge.actors.get("actors", ())
                             for w in [*e.get("bare_aliases", ()), *e.get("bare_modifiers", ())]),
        resp_cues=frozenset(c["responsibility_cues"]),
        cause_cat={**{str(k).lower(): v for k, v in c["cause_categories"].items()},
                   **{str(k).lower(): str(v) for k, v in (causes.get("categories_of") or {}).items()}},
        generic_causes=frozenset(c["generic_causes"]),
        toll_update=re.compile(phrase_pattern(c["toll_update_cues"])) if c.get("toll_update_cues") else None,
        toll_update_gate=_gate(c.get("toll_update_cues")),
        toll_total=re.compile(phrase_pattern([*(c.get("toll_update_cues") or ()), *(c.get("toll_total_cues") or ())]))
        if c.get("toll_update_cues") or c.get("toll_total_cues") else None,
        toll_total_gate=_gate([*(c.get("toll_update_cues") or ()), *(c.get("toll_total_cues") or ())]),
        summary_span=re.compile(phrase_pattern(c["summary_span_cues"])) if c.get("summary_span_cues") else None,
        several_acts=re.compile(phrase_pattern(c["several_act_nouns"])) if c.get("several_act_nouns") else None,
        summary_days=_summary_days(c, knowledge),
        earlier_toll=re.compile(phrase_pattern(c["earlier_toll_cues"]) + r"(?P<gap>[^.;]{0,40}?)$")
        if c.get("earlier_toll_cues") else None,
        earlier_after=re.compile(r"(?P<gap>[^.;]{0,200}?)" + phrase_pattern(c["earlier_toll_after_cues"]) + r"\s*(?:[.;:]|$)")
        if c.get("earlier_toll_after_cues") else None,
        risen_to=re.compile(phrase_pattern(c["toll_update_cues"]) + r"[^.;,]{0,12}$") if c.get("toll_update_cues") else None,
        earlier_gate=_gate([*(c.get("earlier_toll_cues") or ()), *(c.get("earlier_toll_after_cues") or ())]),
        day_names=tuple(str(n).casefold() for d in (knowledge.dates.get("weekdays") or {}).values() for n in d.get("names") or ()),
        vague=re.compile(phrase_pattern(c["vague_quantities"])) if c.get("vague_quantities") else None,
        earlier_act=re.compile(phrase_pattern(c["earlier_act_cues"])) if c.get("earlier_act_cues") else None,
        earlier_act_gate=_gate(c.get("earlier_act_cues")),
        reply_act=re.compile(phrase_pattern(c["reply_act_cues"])) if c.get("reply_act_cues") else None,
        additive=re.compile(phrase_pattern(c["additive_figure_cues"]) + (
            r"(?!\s+" + phrase_pattern(c["additive_figure_not_before"]) + ")" if c.get("additive_figure_not_before") else ""))
        if c.get("additive_figure_cues") else None,
        additive_opener=re.compile(r"\W*" + phrase_pattern(c["additive_openers"])) if c.get("additive_openers") else None,
        time_shift=re.compile(r"\W*" + phrase_pattern(c["time_shift_openers"])) if c.get("time_shift_openers") else None,
        toll_words=_toll_words(knowledge),
        qualifier_kinds={" ".join(str(k).lower().split()): str(v)
                         for k, v in (knowledge.numbers.get("qualifiers") or {}).items()},
        rounding=float(c.get("approx_tolerance", 0.0)),
        copy_match=float((c.get("copied_wording") or {}).get("match", 101.0)),
        copy_min_words=int((c.get("copied_wording") or {}).get("min_words", 0)),
        cause_reasons=frozenset(str(x) for x in causes.get("reasons") or ()),
        cause_compatible=frozenset(frozenset(str(x) for x in pair) for pair in causes.get("compatible") or ()),
        cause_labels={str(k): str(v) for k, v in (causes.get("labels") or {}).items()},
        asserting=re.compile(r"\b(?:" + "|".join(re.escape(str(w)) for w in causes.get("asserting_links") or ["(?!x)x"])
                             + r")\b", re.IGNORECASE),
        per_account=int(c["max_claims_per_account"]),
        max_accounts=int(c["max_accounts"]),
        same_place=float(d["same_place"]),
        near_km=float(d["cross_document"]["near_km"]),
        max_km=float(d["max_km"]),
        sides=actor_sides(knowledge),
        translit=translit(knowledge),
        corroborating=frozenset(c["corroborating_facets"]),
        denial_cues=frozenset(" ".join(str(x).casefold().split()) for x in knowledge.lexicon["act_denials"]),
        align=align_settings(knowledge),
        aligned_types=frozenset(c["aligned_source_types"]),
        unaligned_sides=frozenset(str(x) for x in c["unaligned_sides"]),
    )


def _gate(phrases: Sequence[str] | None) -> re.Pattern[str] | None:
    """The spellings of `phrases` (`phrase_pattern`) without its word
    bounds: a text it finds nothing in holds no phrase, and its search,
    which opens with a literal, runs several times faster than the bounded
    pattern's (most sentences hold none)."""
    if not phrases:
        return None
    return re.compile(trie_pattern({v for p in phrases for v in case_variants(str(p))}))


def _found(gate: re.Pattern[str] | None, rx: re.Pattern[str] | None, text: str) -> bool:
    """Whether `rx` finds something in `text`, its `_gate` tried first."""
    return rx is not None and (gate is None or gate.search(text) is not None) and rx.search(text) is not None


def _summary_days(c: Mapping, knowledge: Knowledge) -> re.Pattern[str] | None:
    """Two weekdays joined as a span ("on Tuesday and Wednesday":
    `compare.summary_span_day_links`, weekday names of dates.yaml): a toll
    told over them sums a span."""
    days = [str(n) for d in (knowledge.dates.get("weekdays") or {}).values() for n in d.get("names") or ()]
    if not days or not c.get("summary_span_day_links"):
        return None
    day = phrase_pattern(days)
    return re.compile(first_chars(days) + day + r"\s+" + phrase_pattern([str(w) for w in c["summary_span_day_links"]])
                      + r"\s+" + day)


def _toll_words(knowledge: Knowledge) -> re.Pattern[str] | None:
    """The words that follow a casualty figure and tell its outcome ("were
    killed", "died", "wounded": numbers.yaml `outcomes`, their `after` cues)."""
    words = sorted({str(w) for o in ("killed", "injured", "killed_or_injured")
                    for w in ((knowledge.numbers.get("outcomes") or {}).get(o) or {}).get("after") or ()})
    return re.compile(phrase_pattern(words)) if words else None


# =============================================================================== facet verdicts

def _overlaps(a: Figure, b: Figure) -> bool:
    ha = math.inf if a.max is None else a.max
    hb = math.inf if b.max is None else b.max
    return a.min <= hb and b.min <= ha


def compare_figures(a: Sequence[Figure], b: Sequence[Figure], *, knowledge: Knowledge) -> tuple[str, str] | None:
    """Verdict and detail for two claims' casualty figures, or None when they
    speak of different victims or outcomes (nothing to compare).

    Same victims and outcome: overlapping ranges agree (two open ranges,
    'at least 19' and 'at least 123', are only partial: they confirm
    nothing), disjoint ranges conflict. A part against its whole (children vs civilians, killed vs
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
    best = _strongest(verdicts)
    if best is None:
        return None
    kind, hits = best
    if kind == "conflict":
        summed = _sums_to(a, b) or _sums_to(b, a)
        if summed:
            return "partial", summed
    if kind == "agree":   # the largest figures beside an agreeing part stay in sight ("7 civilians vs 8 people")
        hits += [f"also {d}" for d in _largest_partials(a, b, cfg)]
    return kind, "; ".join(dict.fromkeys(hits))


def _sums_to(a: Sequence[Figure], b: Sequence[Figure]) -> str:
    """A detail when `a` tells several counts of one victims group and
    outcome ("11 civilians killed in Bab al-Nasr and 7 in Fardous") whose sum
    one of `b`'s figures holds ("18 civilians killed"): the parts of one
    whole, no conflict. '' otherwise."""
    groups: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for f in a:
        groups[(f.victims, f.outcome)].append(f)
    for (victims, outcome), figs in sorted(groups.items()):
        if len(figs) < 2:
            continue
        total = sum(f.min for f in figs)
        for g in b:
            # an open whole must start at the sum ('at least 21' for 15 + 6), else it holds any sum
            if g.victims == victims and g.outcome == outcome and (g.min == total or g.min <= total <= (g.max or 0)):
                parts = " + ".join(str(f.min) for f in figs)
                return f"{parts} {victims} {_OUTCOME_WORDS.get(outcome, outcome)} vs {g.text()}: the parts sum to the whole"
    return ""


def _strongest(verdicts: Sequence[tuple[str, str]]) -> tuple[str, list[str]] | None:
    """The strongest finding among pairwise verdicts (conflict, then agree,
    then partial) and the details of that finding, or None."""
    for kind in ("conflict", "agree", "partial"):
        hits = [d for v, d in verdicts if v == kind]
        if hits:
            return kind, hits
    return None


def _largest_killed(c: _Claim) -> int | None:
    """The largest lower bound of a claim's death figures, or None."""
    mins = [f.min for f in c.figures if f.outcome == "killed"]
    return max(mins) if mins else None


def _days_apart(early: str, late: str) -> int | None:
    """Days from ISO date `early` to `late`, or None when either is no date."""
    try:
        return (_dt.date.fromisoformat(late) - _dt.date.fromisoformat(early)).days
    except ValueError:
        return None


def _risen_toll(x: _Claim, y: _Claim) -> tuple[str, str] | None:
    """A lower toll in an earlier report and a higher one in a later report,
    one of them told as a running update ("rises to 58" on the 4th, 86 on the
    6th), are one toll rising, not two sources disagreeing: `partial`, with
    the days apart in the detail. A toll that falls stays a conflict."""
    if not (x.published and y.published and x.published != y.published and (x.toll_update or y.toll_update)):
        return None
    early, late = (x, y) if x.published < y.published else (y, x)
    a, b = _largest_killed(early), _largest_killed(late)
    if a is None or b is None or b <= a:
        return None
    days = _days_apart(early.published, late.published)
    if days is None:
        return None
    first, second = (a, b) if early is x else (b, a)
    return "partial", (f"{first} vs {second} killed, reported {days} day{'s' if days != 1 else ''} apart as a toll "
                       "that rose: an update, not a disagreement")


def _relayed_rise(x: _Claim, y: _Claim, accounts: _Accounts) -> str:
    """Why two reports' disjoint death tolls may be one count rising, or '':
    the reports are in one relay chain (an outlet and the source it relays,
    or two outlets relaying one source) and the lower toll was reported no
    later than the higher ("58 killed" in the morning's wire copy, "at least
    72", the monitor's count that evening)."""
    if x.doc == y.doc or not (x.published and y.published) or not accounts.one_relays_other(x.account, y.account):
        return ""   # two outlets that each quote one monitor somewhere still tell counts of their own
    a, b = _largest_killed(x), _largest_killed(y)
    if a is None or b is None or a == b:
        return ""
    low, high = (x, y) if a < b else (y, x)
    if low.published > high.published:
        return ""   # a toll that fell: still a conflict
    days = _days_apart(low.published, high.published)
    if days is None:
        return ""
    when = "the same day" if days == 0 else f"{days} day{'s' if days != 1 else ''} earlier"
    return (f"one account relays the other, and {low.source or 'one account'} reported the lower toll {when}: "
            "possibly an earlier count of one source, not two accounts disagreeing")


def _largest_partials(a: Sequence[Figure], b: Sequence[Figure], cfg: _Cfg) -> list[str]:
    """Details of the partial verdicts between each side's largest figure
    of an outcome (what a reader takes as each account's toll)."""
    def largest(figs: Sequence[Figure]) -> dict[str, Figure]:
        out: dict[str, Figure] = {}
        for f in figs:
            if f.outcome not in out or f.min > out[f.outcome].min:
                out[f.outcome] = f
        return out

    la, lb = largest(a), largest(b)
    out = []
    for outcome in sorted(set(la) & set(lb)):
        v = _figure_pair(la[outcome], lb[outcome], cfg)
        if v is not None and v[0] == "partial":
            out.append(v[1])
    return out


def _figure_pair(fa: Figure, fb: Figure, cfg: _Cfg) -> tuple[str, str] | None:
    """A vague quantity ('scores killed', 'dozens of civilians') is a floor
    nobody counted: it neither conflicts with a count nor agrees with one."""
    v = _counted_pair(fa, fb, cfg)
    if v is not None and v[0] != "partial" and (fa.vague or fb.vague):
        return "partial", f"{fa.text()} vs {fb.text()}: '{fa.vague or fb.vague}' is no count"
    part = fa if fa.part else fb if fb.part else None
    if v is not None and part is not None and (v[0] == "conflict" or (
            v[0] == "agree" and part.category == "unknown" and not (fa.part and fb.part))):
        # "15 of the wounded (in critical condition)" is no toll to set against 40, nor one that
        # confirms another account's 15 wounded; "including 4 children" may confirm 4 children
        return "partial", f"{fa.text()} vs {fb.text()}: {part.text()} is a part of its account's victims"
    return v


def _counted_pair(fa: Figure, fb: Figure, cfg: _Cfg) -> tuple[str, str] | None:
    same_victims = fa.victims == fb.victims
    same_outcome = fa.outcome == fb.outcome
    if same_victims and same_outcome:
        if fa.max is None and fb.max is None:   # 'at least 19' and 'at least 123' confirm nothing
            return "partial", f"{fa.text()} vs {fb.text()}: both lower bounds, compatible"
        if _overlaps(fa, fb):
            return "agree", f"{fa.text()} vs {fb.text()}: ranges overlap"
        why = _rounded(fa, fb, cfg)
        if why:
            return "partial", f"{fa.text()} vs {fb.text()}: {why}"
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
        why = _rounded(fa, fb, cfg)
        if why:
            return "partial", f"{fa.text()} vs {fb.text()}: {why}"
        return "conflict", f"{fa.text()} vs {fb.text()}: {part.text()} is more than the whole"
    what = part.victims if part.victims != whole.victims else _OUTCOME_WORDS.get(part.outcome, part.outcome)
    return "partial", f"{fa.text()} vs {fb.text()}: {what} is part of the other figure"


def _rounded(fa: Figure, fb: Figure, cfg: _Cfg) -> str:
    """Why two disjoint figures may tell one count, rounded, or '': 'more
    than 70' beside a count of 70 (the bound is the count itself), or an
    'about N' figure within compare.approx_tolerance of the other ('about a
    hundred' vs 'more than 100'): `claims.rounded_apart`, the rule the
    headline check uses too."""
    kinds = cfg.qualifier_kinds
    how = rounded_apart((fa.min, fa.max, kinds.get(fa.rounded, "")), (fb.min, fb.max, kinds.get(fb.rounded, "")),
                        tolerance=cfg.rounding)
    if how == "bound":
        lo, hi = (fa, fb) if fa.min <= fb.min else (fb, fa)
        return f"'{hi.rounded} {lo.max}' is a bound at the other's count"
    if how == "approx":
        approx = next(f.rounded for f in (fa, fb) if f.rounded and kinds.get(f.rounded) == "approx")
        return f"'{approx}' gives an estimate within {cfg.rounding:.0%} of the other"
    return ""


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
    """Verdict for two stated causes (claims.cause, `;`-joined when a claim
    states a mechanism and a reason), or None when they share no comparable
    cause (free text is not compared; a reason - retaliation, on a mission -
    is compared only with a reason, a mechanism with a mechanism). Causes of
    one category agree, categories the pack marks compatible (a chemical
    attack delivered by an air strike) are partial, others conflict."""
    return _compare_causes(a, b, knowledge.derived(_build_cfg))


def _compare_causes(a: str, b: str, cfg: _Cfg, raw_a: str = "", raw_b: str = "") -> tuple[str, str] | None:
    ra, rb = raw_a.split(";"), raw_b.split(";")
    verdicts: list[tuple[str, str]] = []
    for i, x in enumerate(p for p in a.split(";") if p.strip()):
        for j, y in enumerate(p for p in b.split(";") if p.strip()):
            if (x.strip().lower() in cfg.cause_reasons) != (y.strip().lower() in cfg.cause_reasons):
                continue   # a reason and a mechanism answer different questions
            v = _cause_pair(x, y, cfg)
            if v is not None:
                qa = f" ('{_short(ra[i])}')" if i < len(ra) and ra[i] else ""
                qb = f" ('{_short(rb[j])}')" if j < len(rb) and rb[j] else ""
                verdicts.append((v[0], v[1].replace("{qa}", qa).replace("{qb}", qb)))
    best = _strongest(verdicts)
    return (best[0], "; ".join(dict.fromkeys(best[1]))) if best else None


def _short(raw: str, n: int = 60) -> str:
    raw = " ".join(raw.split())
    return raw if len(raw) <= n else raw[:n - 1].rstrip() + "…"


def _cause_pair(a: str, b: str, cfg: _Cfg) -> tuple[str, str] | None:
    """Verdict of two single causes; the detail holds `{qa}`/`{qb}` where
    each cause's phrase may follow."""
    ka, kb = a.strip().lower(), b.strip().lower()
    la, lb = cfg.cause_labels.get(ka, a), cfg.cause_labels.get(kb, b)
    if ka in cfg.generic_causes or kb in cfg.generic_causes:
        if (ka in cfg.generic_causes or ka in cfg.cause_cat) and (kb in cfg.generic_causes or kb in cfg.cause_cat):
            return "partial", f"{la}{{qa}} vs {lb}{{qb}}: one names no mechanism"
        return None
    ca, cb = cfg.cause_cat.get(ka), cfg.cause_cat.get(kb)
    if ca is None or cb is None:
        return None
    if ca == cb:
        return "agree", f"both {la}" if ka == kb else f"{la} vs {lb}: both {ca}"
    if frozenset((ca, cb)) in cfg.cause_compatible:
        return "partial", f"{la}{{qa}} vs {lb}{{qb}}: compatible"
    return "conflict", f"{la}{{qa}} vs {lb}{{qb}}"


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

@dataclass(slots=True)
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
    publisher: str = ""      # the outlet (of the original, for a copy) or `doc:<root>` when unknown
    voice: bool = False      # the outlet's own narration
    pooled: bool = False     # a vague pooled voice
    via: str = ""            # claims.source_via: who relayed the words
    side: str = ""           # the state side an official or state-media voice speaks for; "" otherwise
    hedged: bool = False
    negated: bool = False
    denial: bool = False     # denies the act (see _read_denial); its perpetrator is then no assertion
    denied: str = ""         # the actor it denies, or
    denied_side: str = ""    # the side whose role it denies (the speaker's own)
    denied_named: bool = False   # the denied actor is named in the sentence ("Russian aircraft were not used")
    cause_raw: str = ""
    cause_asserted: bool = True  # a denial's cause is asserted only after "saying", "stressing", ...
    etype: str = ""
    governorate: str = ""
    gov_source: str = ""     # claims.governorate_source: sentence, paragraph, document
    place_names: tuple[str, ...] = ()
    place_precision: str = ""
    lat: float | None = None
    lon: float | None = None
    published: str = ""      # the report's publication date (ISO), "" when unknown
    toll_update: bool = False   # the sentence tells a toll as risen ("rises to 58")
    summary: str = ""           # why its figures are no one act's toll (several governorates, days, acts)
    earlier: bool = False       # the sentence tells of earlier acts ("previously"): compared on nothing
    reply: bool = False         # the sentence tells an act done in reply ("in retaliation for ...")
    additive: str = ""          # the cue telling its figures as more dead besides others ("another", "Moreover")
    time_shift: str = ""        # the opener telling an earlier or later act or count than its report's before ("Earlier")
    recalled: bool = False      # its figures are all told in a clause recalling an earlier act ("after 17 were killed")
    fine: tuple[tuple[str, str], ...] = ()   # its own towns and quarters with their level (align.fine_places)
    named_in_source: bool = False   # every place it names is part of its source's name ("the Idlib Health Directorate")
    text: str = ""              # its sentence
    told_at: Sequence[tuple[int, str]] = ()   # (offset in the document, raw phrase) of its figures
    toll_read: bool = False     # toll_update, summary, additive and time_shift are read (`_read_toll`)
    perp_class: bool = False    # its perpetrator is named only as a class ("killed by factions"): never set against a named group


@dataclass(frozen=True)
class _Accounts:
    """The accounts of one incident and how they relate."""

    pooled: frozenset[str]
    relays: Mapping[str, frozenset[str]]  # account -> accounts it relays
    sides: Mapping[str, str] = field(default_factory=dict)  # account -> the state side it speaks for

    def one_relays_other(self, a: str, b: str) -> bool:
        """Whether account `a` relays `b` or `b` relays `a` (not: both relay a third)."""
        return b in self.relays.get(a, frozenset()) or a in self.relays.get(b, frozenset())

    def relation(self, a: str, b: str) -> str:
        ra, rb = self.relays.get(a, frozenset()), self.relays.get(b, frozenset())
        if self.one_relays_other(a, b) or (ra & rb):   # one relays the other, or both relay one source
            return "relay"
        if a in self.pooled and b in self.pooled:
            return "pooled"
        side = self.sides.get(a, "")
        if side and side == self.sides.get(b, ""):
            return "aligned"
        return "independent"

    def independent_set(self, accounts: Iterable[str], voices: set[str]) -> list[str]:
        """A greedy set of mutually independent accounts: named sources
        before pooled ones, the most upstream of a chain first (who relays
        fewest), an outlet's voice after a source of the same standing."""
        picked: list[str] = []
        for a in sorted(accounts, key=lambda a: (a in self.pooled, len(self.relays.get(a, ())), a in voices, a)):
            if all(self.relation(a, b) == "independent" for b in picked):
                picked.append(a)
        return picked


_DIRECT_CUES = frozenset({"agent", "by_phrase"})        # claims.perpetrator_cue: who did it, said directly
_BLAME_CUES = frozenset({"blamed"})                     # an accusation: asserted also inside a denial


def _read_denial(c: _Claim, neg_cue: str, own_side: str, cfg: _Cfg, named: str = "") -> None:
    """Mark a claim that denies the act: its denial cue is one of the
    lexicon's `act_denials`, or it names the actor denied an act (`named`,
    the `mentions` actor with role `denied`: "Russian aircraft were not
    used"). The denied actor is that one, else its perpetrator (unless read
    from a blame: "denied ... and accused X" asserts X), else the speaker's own
    side. A denial naming no actor but a casualty figure may deny the toll
    only: not read."""
    if not c.negated or (not named and " ".join(neg_cue.casefold().split()) not in cfg.denial_cues):
        return
    c.denial = True
    if named:
        c.denied, c.denied_named = named, True
    elif c.perp and c.perp_cue not in _BLAME_CUES:
        c.denied = c.perp
    elif not c.figures:
        c.denied_side = own_side


def _asserts_perp(c: _Claim) -> bool:
    """Whether the claim's perpetrator is asserted (a denial's is denied,
    unless the denial names another actor: "came under fire from Syrian
    forces, and Russian aircraft were not used" asserts the Syrian forces)."""
    if not c.perp or not c.denial or c.perp_cue in _BLAME_CUES:
        return bool(c.perp)
    return c.denied_named and c.denied != c.perp


def _denial_hit(x: _Claim, y: _Claim, sides: Mapping[str, str]) -> str:
    """A readable detail when the denial `x` denies the perpetrator `y`
    names (the same actor, or one of the same known side), else ''."""
    # the detail names both voices: it reads right whichever of them is claim_a
    side = sides.get(y.perp, "")
    known = side not in ("", "unknown")
    names = f"{y.source or 'another account'} names {y.perp}"
    if x.denied:
        if x.denied == y.perp:
            return f"{x.source or 'one account'} denies a role of {x.denied}; {names}"
        if known and sides.get(x.denied) == side:
            return f"{x.source or 'one account'} denies a role of {x.denied}; {names}, of the same side"
    elif x.denied_side and known and x.denied_side == side:
        return f"{x.source or 'one account'} denies a role of its own side; {names}"
    return ""


_NOT_WORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")


def _wording(text: str) -> str:
    """A sentence's words, case and punctuation aside."""
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


def copied_accounts(cs: Sequence[_Claim], *, match: float, min_words: int) -> set[tuple[str, str]]:
    """(relaying, relayed) accounts whose claims in two reports tell a
    sentence in the same words (rapidfuzz ratio >= `match` on `_wording`,
    sentences of at least `min_words` words): one wire story republished or
    rewritten lightly ("air raids" for "air strikes"), so whatever voice each
    report gives it (the outlet's own, the monitor it names, "the
    broadcaster") it is one account, never a confirmation of the other
    (audit12: NNA and Ahram Online printing one AFP sentence made an incident
    corroborated). An outlet's own voice beside a named source relays that
    source only (it printed the source's words unnamed; the source relays
    nothing the outlet quotes elsewhere); two voices relay each other, and
    so do two tellers of whom one is a pooled voice ("the broadcaster said"
    for "SANA said"). Two named tellers credited with one sentence are two
    accounts (a copy does not swap one named source for another). Sentences
    alike but for their figures ("58 were killed in ..." and "100 were
    killed in ...") are two counts, not one text."""
    items = [(c.account, c.doc, c.voice, c.pooled, w, tuple(sorted((f.outcome, f.min, -1 if f.max is None else f.max) for f in c.figures)))
             for c in cs if c.text for w in [_wording(c.text)] if len(w.split()) >= min_words]
    if len({x[0] for x in items}) < 2:
        return set()
    texts = [x[4] for x in items]
    scores = rf_process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=match)
    out: set[tuple[str, str]] = set()
    for i, j in zip(*scores.nonzero()):
        (a, da, va, pa, wa, fa), (b, db, vb, pb, wb, fb) = items[i], items[j]
        if i == j or a == b or da == db or _DIGITS.findall(wa) != _DIGITS.findall(wb) or fa != fb:
            continue  # (figures read, not digits only: "Two civilians ..." and "Three civilians ..." are two counts)
        if va or (not vb and (pa or pb)):   # both orders are seen: (a, b) and (b, a)
            out.add((a, b))
    return out


def _incident_accounts(cs: Sequence[_Claim], cfg: _Cfg | None = None) -> _Accounts:
    relays: dict[str, set[str]] = defaultdict(set)
    if cfg is not None and cfg.copy_match <= 100:
        for a, b in copied_accounts(cs, match=cfg.copy_match, min_words=cfg.copy_min_words):
            relays[a].add(b)   # one text printed twice
    for c in cs:
        if not c.voice and c.account != c.publisher:
            relays[c.publisher].add(c.account)   # an outlet relays what it quotes
        if c.via and c.via != c.account:
            relays[c.via].add(c.account)         # 'X told Reuters'
    # a joint voice ('SOHR and Syria Civil Defence', claims.source) speaks with
    # each of its parts: never an independent confirmation of either
    names = {c.account for c in cs}
    for a in names:
        if " and " in a:
            parts = {p.strip() for p in a.split(" and ")} & names
            if parts:
                relays[a] |= parts
    # a chain relays all the way up: Reuters quoting SOHR quoting local sources relays both
    changed = True
    while changed:
        changed = False
        for a, bs in relays.items():
            more = set().union(*(relays.get(b, set()) for b in bs)) - bs - {a}
            if more:
                bs |= more
                changed = True
    sides: dict[str, str] = {}
    for c in cs:
        if c.side:
            sides.setdefault(c.account, c.side)
    return _Accounts(frozenset(c.account for c in cs if c.pooled),
                     {k: frozenset(v) for k, v in relays.items()}, sides)


def compare(claims: pd.DataFrame, casualties: pd.DataFrame, incidents: pd.DataFrame, *,
            mentions: pd.DataFrame, knowledge: Knowledge) -> CompareResult:
    """Compare the accounts of every incident and give each its verdict; see
    the module doc. Places come from the claims' rows of `mentions`."""
    cfg = knowledge.derived(_build_cfg)
    if claims.empty or "incident_id" not in claims.columns:
        return CompareResult(schema.empty("comparisons"),
                             _update_incidents(incidents, {}, schema.empty("comparisons"), cfg, knowledge, {}),
                             schema.empty("source_agreement"))
    claims = claims.sort_values(["doc_id", "start", "claim_id"], kind="stable").reset_index(drop=True)
    profiles = place_profiles(claims, mentions, knowledge=knowledge)
    align_cfg = align_settings(knowledge)
    # places of one level are read for the facets that use them: casualty figures and perpetrators
    wanted = set(cells.texts(casualties["claim_id"])) if not casualties.empty else set()
    if "perpetrator" in claims.columns:
        wanted |= set(cells.texts(claims.loc[claims["perpetrator"].fillna("") != "", "claim_id"]))
    fine = fine_places(claims, mentions, profiles, settings=align_cfg, wanted=wanted)
    figs: dict[str, list[Figure]] = defaultdict(list)
    at_raw: dict[str, list[tuple[int, str]]] = defaultdict(list)   # claim_id -> (offset, raw) of its figures
    if not casualties.empty:
        n = len(casualties)

        def kcol(name: str, default: str = "") -> list[str]:
            return cells.texts(casualties[name]) if name in casualties.columns else [default] * n

        for cid_, vic, out, lo, hi, raw, cat, scope, qual, part in zip(
                kcol("claim_id"), kcol("victims"), kcol("outcome"), cells.integers(casualties["min"]),
                cells.integers(casualties["max"]), kcol("raw"), kcol("category"), kcol("scope"), kcol("qualifier"),
                _truths(casualties, "part")):
            if lo is None or scope == "total":   # a running total is no incident's toll
                continue
            kind = cfg.qualifier_kinds.get(" ".join(qual.lower().split()), "")
            figs[cid_].append(Figure(vic, out, lo, hi, raw, cat or "unknown", _vague(raw, cfg),
                                     qual.lower() if kind in ("approx", "gt") else "", part))
        for cid_, at, raw in zip(kcol("claim_id"), cells.integers(casualties["start"]) if "start" in casualties.columns
                                 else [None] * n, kcol("raw")):
            if at is not None:
                at_raw[cid_].append((at, raw))

    def col(name: str) -> list[str]:
        if name not in claims.columns:
            return [""] * len(claims)
        return cells.texts(claims[name])

    cid, doc, iid, src, stype, perp, cue, tgt, cause = (col(n) for n in (
        "claim_id", "doc_id", "incident_id", "source", "source_type", "perpetrator", "perpetrator_cue", "target", "cause"))
    etype, edate, prec, draw, places, praw = (col(n) for n in (
        "event_type", "event_date", "date_precision", "date_raw", "places", "places_raw"))
    outlet, dup, via, gov, pprec, kind, gsrc = (col(n) for n in (
        "outlet", "duplicate_of", "source_via", "governorate", "place_precision", "kind", "governorate_source"))
    side_col = col("source_side")
    perp_raw = col("perpetrator_raw")
    neg_cue = col("negation_cue")
    cause_raw = col("cause_raw")
    sentence = col("sentence")
    published = col("published")
    denied_of = _denied_actors(mentions)
    hedged = [bool(x) for x in _truths(claims, "hedged")]
    negated = [bool(x) for x in _truths(claims, "negated")]
    lat = cells.numbers(claims["lat"]) if "lat" in claims.columns else [None] * len(claims)
    lon = cells.numbers(claims["lon"]) if "lon" in claims.columns else [None] * len(claims)
    starts = [s or 0 for s in cells.integers(claims["start"])]
    pubs = publishers(doc, dup, outlet)
    by_inc: dict[str, list[_Claim]] = defaultdict(list)
    for k in range(len(claims)):
        if not iid[k] or (kind[k] and kind[k] != "event"):
            continue
        publisher = pubs[k]
        account, voice, pooled = account_of(src[k], stype[k], publisher, knowledge=knowledge)
        lo, hi = date_interval(edate[k], prec[k])
        own_figs = figs.get(cid[k])
        text = sentence[k]
        claim = _Claim(
            cid=cid[k], doc=doc[k], start=starts[k], account=account, source=src[k],
            perp=perp[k], perp_cue=cue[k] or ("agent" if perp[k] else ""), target=tgt[k], cause=cause[k],
            perp_class=bool(cfg.bare_words) and bool(perp[k])
            and not cfg.bare_words.isdisjoint(norm_phrase(perp_raw[k]).split()),
            date=(lo, hi, prec[k]) if lo is not None else None, own_date=not draw[k].startswith(("inherited:", "reported:")) and prec[k] != "reported",
            places=profiles[k], own_places=bool(places[k]) and not praw[k].startswith("inherited:"),
            statement=etype[k] == "statement", figures=tuple(own_figs) if own_figs else (),
            publisher=publisher, voice=voice, pooled=pooled, via=via[k], hedged=hedged[k], negated=negated[k],
            cause_raw=cause_raw[k],
            side=side_col[k] if (stype[k] or "outlet") in cfg.aligned_types and side_col[k] not in cfg.unaligned_sides
            and not pooled else "",
            etype=etype[k], governorate=gov[k], gov_source=gsrc[k], place_names=tuple(filter(None, places[k].split(";"))),
            place_precision=pprec[k], lat=lat[k], lon=lon[k], published=published[k][:10],
            text=text,
        )
        if own_figs:
            claim.told_at = told_at = at_raw.get(cid[k], ())
            claim.recalled = figures_recalled(text, [a - starts[k] for a, _ in told_at], settings=align_cfg)
        if claim.own_places:
            claim.fine = fine[k]
            said_by = src[k].lower()
            claim.named_in_source = bool(said_by) and all(
                n.lower() in said_by for n in filter(None, (x.strip() for x in praw[k].split(";"))))
        if claim.negated:   # only a negated claim may deny the act
            _read_denial(claim, neg_cue[k], "" if pooled or side_col[k] in cfg.unaligned_sides else side_col[k], cfg,
                         denied_of.get(cid[k], ""))
        if claim.denial:
            claim.cause_asserted = _cause_asserted(text, neg_cue[k], cause_raw[k], cfg)
        by_inc[iid[k]].append(claim)

    rows: list[dict] = []
    rel: dict[str, _Accounts] = {}
    # place verdicts by the pair of profiles (place_profiles gives claims of the same places one profile,
    # kept alive in `profiles` meanwhile)
    place_verdicts: dict[tuple[int, int], tuple[str, str] | None] = {}
    for inc in sorted(by_inc):
        cs = by_inc[inc]
        rel[inc] = _incident_accounts(cs, cfg)
        if len({c.account for c in cs}) < 2:
            continue
        rows += _compare_incident(inc, cs, cfg, rel[inc], place_verdicts)
    comparisons = _comparisons_frame(rows)
    place_types = _place_types(mentions)
    incidents_out = _update_incidents(incidents, by_inc, comparisons, cfg, knowledge, rel, place_types)
    agreement = _source_agreement(by_inc, comparisons)
    return CompareResult(comparisons, incidents_out, agreement)


def _cause_asserted(sentence: str, neg_cue: str, cause_raw: str, cfg: _Cfg) -> bool:
    """Whether a denial asserts its cause: "denied any responsibility, saying
    its air strikes hit a rebel depot" does, "denied that the blast was
    caused by an air strike" does not (no asserting word between the denial
    and the cause phrase)."""
    first = cause_raw.split(";")[0]
    at_neg = sentence.find(neg_cue) if neg_cue else -1
    at_cause = sentence.find(first) if first else -1
    return 0 <= at_neg < at_cause and cfg.asserting.search(sentence, at_neg, at_cause) is not None


def _denied_actors(mentions: pd.DataFrame | None) -> dict[str, str]:
    """claim_id -> the actor its sentence denies an act (`mentions` role `denied`)."""
    if mentions is None or mentions.empty or "role" not in mentions.columns:
        return {}
    out: dict[str, str] = {}
    # the few rows whose role names a denial, read in their order
    mentions = mentions[mentions["role"].astype("string").str.contains("denied", regex=False).fillna(False).astype(bool)]
    for cid, kind, name, role in zip(cells.texts(mentions["claim_id"]), cells.texts(mentions["kind"]),
                                     cells.texts(mentions["name"]), cells.texts(mentions["role"])):
        if kind == "actor" and cid and "denied" in role.split(";"):
            out.setdefault(cid, name)
    return out


def _truths(df: pd.DataFrame, name: str) -> list[bool]:
    if name not in df.columns:
        return [False] * len(df)
    return df[name].fillna(False).astype(bool).tolist()   # = cells.truth of each cell, in one pass


def _place_types(mentions: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Place name -> its gazetteer kind (town, governorate, country, ...) and
    admin-1 unit, as the mentions resolved it."""
    if mentions is None or mentions.empty or "type" not in mentions.columns:
        return {}
    m = mentions[(mentions["kind"] == "place").fillna(False).astype(bool)]
    admin1 = cells.texts(m["admin1"]) if "admin1" in m.columns else [""] * len(m)
    out: dict[str, tuple[str, str]] = {}
    for name, kind, a1 in zip(cells.texts(m["name"]), cells.texts(m["type"]), admin1):
        out.setdefault(name, (kind, a1))
    return out


def _compare_incident(inc: str, cs: list[_Claim], cfg: _Cfg, accounts: _Accounts,
                      place_verdicts: dict[tuple[int, int], tuple[str, str] | None]) -> list[dict]:
    rows: list[dict] = []
    # accounts in order of first appearance; at most max_accounts of them
    order: dict[str, int] = {}
    cs = sorted(cs, key=lambda c: (c.doc, c.start, c.cid))   # document order, once
    for c in cs:
        order.setdefault(c.account, len(order))
    keep = {a for a, i in order.items() if i < cfg.max_accounts}
    cs = [c for c in cs if c.account in keep]
    for c in cs:
        # "has previously accused X of gas attacks": earlier acts, not compared as this incident's account
        c.earlier = _found(cfg.earlier_act_gate, cfg.earlier_act, c.text)
        c.reply = bool(cfg.reply_act and cfg.reply_act.match(c.text.lstrip()))   # opens the sentence
    cs = [c for c in cs if not c.earlier]   # background to this incident: its voice counts, its facts are not compared

    def pick(pred) -> dict[str, list[_Claim]]:
        out: dict[str, list[_Claim]] = defaultdict(list)
        for c in cs:
            if pred(c) and len(out[c.account]) < cfg.per_account:
                out[c.account].append(c)
        return out

    def pairs(groups: Mapping[str, list[_Claim]]) -> Iterable[tuple[_Claim, _Claim]]:
        accts = sorted(groups)
        for i, a in enumerate(accts):
            for b in accts[i + 1:]:
                for x in groups[a]:
                    for y in groups[b]:
                        # claim_a is the lower claim id: order the pair before its detail is written
                        yield (x, y) if x.cid <= y.cid else (y, x)

    relations: dict[tuple[str, str], str] = {}

    def add(facet: str, x: _Claim, y: _Claim, verdict: str, detail: str) -> None:
        if y.cid < x.cid:
            x, y = y, x
        key = (x.account, y.account)
        relation = relations.get(key)
        if relation is None:
            relation = relations[key] = accounts.relation(*key)
        rows.append({"incident_id": inc, "facet": facet, "claim_a": x.cid, "claim_b": y.cid, "source_a": x.source,
                     "source_b": y.source, "verdict": verdict, "detail": detail, "relation": relation})

    for x, y in pairs(_headline_figures(cs, keep, cfg)):
        if x.reply != y.reply:
            continue   # a reply act and the act it answers: two acts
        v = _compare_figures(x.figures, y.figures, cfg)
        if v and v[0] == "conflict":   # what may set the two tolls apart, read now
            _read_toll(x, cfg)
            _read_toll(y, cfg)
            v = _risen_toll(x, y) or v
        if v and v[0] == "conflict" and (x.summary or y.summary or _more_places(x, y) or _more_places(y, x)
                                         or _wider_place(x, y, cfg) or _wider_place(y, x, cfg)):
            why = "; ".join(f"{c.source or 'one account'} {c.summary or _more_places(c, o) or _wider_place(c, o, cfg)}"
                            for c, o in ((x, y), (y, x)) if c.summary or _more_places(c, o) or _wider_place(c, o, cfg))
            v = ("partial", f"{v[1]}; not one act's toll: {why}")
        if v and v[0] == "conflict":
            apart = _added_figures(x, y) or _recalled_toll(x, y) or _other_places(x, y, cfg)
            if apart:
                v = ("partial", f"{v[1]}; {apart}")
        if v and v[0] == "conflict":
            # one source's count relayed on two days: read after what the texts say sets the tolls apart
            earlier = _relayed_rise(x, y, accounts)
            if earlier:
                v = ("partial", f"{v[1]}; {earlier}")
        if v and v[0] == "conflict" and x.doc == y.doc:
            whole = _relayed_part(x, y, accounts)
            if whole is not None:
                # "Three killed, 29 injured in rocket attacks on the city" over a
                # police source's "two killed and 16 injured in one quarter": a
                # report's own larger figure beside the words it relays sums
                # acts the source tells in part, as far as the report says (a
                # source's larger figure still disagrees with the report's own)
                v = ("partial", f"{v[1]}; {whole.source or 'the report'} relays "
                                f"{(y if whole is x else x).source or 'a source'} in the same report and tells "
                                "the larger figure: it may sum acts its source tells in part")
        if v:
            add("casualties", x, y, *v)
    def other_target(x: _Claim, y: _Claim) -> bool:   # different targets: different acts
        return bool(x.target and y.target and x.target != y.target
                    and cfg.sides.get(x.target) != cfg.sides.get(y.target))

    # a class ("where factions shelled": the armed opposition, any of its groups, Turkish-backed or not) is no
    # account of which group acted: never set against a named one
    for x, y in pairs(pick(lambda c: _asserts_perp(c) and c.perp_cue in cfg.perp_cues and not c.perp_class)):
        if x.target and y.target and x.perp == y.target and y.perp == x.target:
            continue  # A attacked B vs B attacked A: two acts of one clash
        if x.reply != y.reply:
            continue  # "in retaliation, rebels fired" vs "regime shelling": the reply and the act it answers
        if not other_target(x, y):
            verdict, detail = _compare_actors(x.perp, y.perp, cfg.sides)
            apart = _other_places(x, y, cfg) if verdict == "conflict" else ""
            add("perpetrator", x, y, *(("partial", f"{detail}; {apart}") if apart else (verdict, detail)))
    for x, y in pairs(pick(lambda c: _asserts_perp(c) and c.perp_cue in cfg.resp_cues)):
        verdict, detail = _compare_actors(x.perp, y.perp, cfg.sides)
        add("responsibility", x, y, verdict, f"who started it: {detail}")
    # a denial against an independent account naming the denied actor or side
    denials = pick(lambda c: bool(c.denied or c.denied_side))
    asserted = pick(lambda c: _asserts_perp(c) and c.perp_cue in cfg.perp_cues | cfg.resp_cues)
    for a in sorted(denials):
        for b in sorted(asserted):
            if a == b or accounts.relation(a, b) != "independent":
                continue
            for x in denials[a]:
                for y in asserted[b]:
                    if other_target(x, y):
                        continue
                    # "denied its jets struck", "Russian aircraft were not used": the act itself is denied
                    direct_denial = not x.denied or x.denied_named or x.perp_cue in _DIRECT_CUES
                    if y.perp_cue in _DIRECT_CUES and not direct_denial:
                        continue   # "denied violating the ceasefire" vs "X shelled": another question
                    detail = _denial_hit(x, y, cfg.sides)
                    if not detail:
                        continue
                    if y.perp_cue in _DIRECT_CUES:
                        add("perpetrator", x, y, "conflict", f"denial: {detail}")
                    else:   # a blame denied: who is to blame
                        add("responsibility", x, y, "conflict", f"blame denied: {detail}")
    for x, y in pairs(pick(lambda c: bool(c.cause) and (not c.denial or c.cause_asserted))):   # a cause denied is none
        v = _compare_causes(x.cause, y.cause, cfg, x.cause_raw, y.cause_raw)
        if v:
            add("cause", x, y, *v)
    # a claim whose figures are all another act's ("announced on Sunday ...,
    # after 33 soldiers were killed ... on Thursday") dates its own act, not
    # theirs: its date is no account of the day of the act it tells the toll of
    for x, y in pairs(pick(lambda c: c.date is not None and c.own_date and not c.statement and not c.recalled)):
        add("date", x, y, *compare_dates(x.date, y.date))
    for x, y in pairs(pick(lambda c: c.own_places and bool(c.places.areas or c.places.towns))):
        key = (id(x.places), id(y.places))
        if key in place_verdicts:
            v = place_verdicts[key]
        else:
            v = place_verdicts[key] = _compare_places(x.places, y.places, cfg)
        if v:
            add("place", x, y, *v)
    return rows


_DIGIT = re.compile(r"\d")


def _read_toll(c: _Claim, cfg: _Cfg) -> None:
    """Read, once, what may set a claim's figures apart from another
    account's in a casualty conflict: a toll told as risen, a toll of a span
    or of several acts, more victims besides the report's others, a time
    shift (only a conflict reads them)."""
    if c.toll_read or not c.figures:
        return
    c.toll_read = True
    c.toll_update = _found(cfg.toll_update_gate, cfg.toll_update, c.text)
    c.summary = _summary_reason(c, c.text, cfg)
    c.additive = _additive(sorted(c.told_at), c.start, c.text, cfg)
    m = cfg.time_shift.match(c.text) if cfg.time_shift is not None else None
    c.time_shift = m.group(0).strip(" ,").lower() if m else ""


def _vague(raw: str, cfg: _Cfg) -> str:
    """The vague quantity of a figure's phrase ('scores killed', 'dozens
    of civilians'), or '' for a counted one (any digit counts)."""
    if cfg.vague is None or _DIGIT.search(raw):
        return ""
    m = cfg.vague.search(raw)
    return m.group(0).lower() if m else ""


def _summary_reason(c: _Claim, sentence: str, cfg: _Cfg) -> str:
    """Why a claim's casualty figures are no one act's toll, or '': its own
    sentence sums a span or several acts, or gives an earlier toll (language
    data `compare.summary_span_cues`: "in three days", "separate operations",
    "had initially given"), or its own places lie in several governorates
    ("in Raqqa and Deir Ezzor provinces")."""
    m = cfg.summary_span.search(sentence) if cfg.summary_span is not None else None
    if m is None and cfg.summary_days is not None:
        low = sentence.casefold()   # once: the weekday names gate the costlier pattern
        if any(d in low for d in cfg.day_names):
            m = cfg.summary_days.search(sentence)
    if m:
        return f"gives a toll of a span, of several acts or an earlier one ('{m.group(0)}')"
    if c.own_places and len(c.places.areas) > 1:
        return f"names places in several governorates ({', '.join(sorted(c.places.areas))})"
    return ""


def _additive(figures: Sequence[tuple[int, str]], start: int, sentence: str, cfg: _Cfg) -> str:
    """The cue that tells a claim's figures as more dead besides others its
    report told, or '': a sentence opening "Moreover", or the phrase of its
    first figure ("Another 27 people were killed", "two more", "were also
    killed"; `figures` are (offset in the document, raw phrase) in order).
    A cue on a later figure, or after casualties the sentence told before
    its first figure, points back inside its own sentence ("killed eight and
    injured another 27": the 27 are others than the eight), not at the
    report's other figures."""
    if cfg.additive_opener is not None:
        m = cfg.additive_opener.match(sentence)
        if m:
            return m.group(0).strip(" ,").lower()
    if cfg.additive is None or not figures:
        return ""
    at, raw = figures[0]
    until = figures[1][0] - at if len(figures) > 1 else len(raw)
    m = cfg.additive.search(raw, 0, max(0, until))
    if m is None:
        return ""
    # a toll told before the figure in its sentence ("3 died and another 27 were killed") points the cue
    # back inside the sentence; the figure's own verb ("warplanes killed another 27") does not
    end = max(0, at - start)
    told = [t for t in cfg.toll_words.finditer(sentence, 0, end)] if cfg.toll_words is not None else []
    if told and sentence[told[-1].end():end].strip():
        return ""
    return "" if any(sentence[t.end():end].strip() for t in told[:-1]) else m.group(0).lower()


def _added_figures(x: _Claim, y: _Claim) -> str:
    """Why two claims of one report are not two counts of one toll, or '':
    one tells its figures as more victims besides others ("Another 27 ...",
    "Moreover, ..."), or the later one tells an earlier or later act or count
    ("Earlier, a source said ...": an earlier report of the toll, or another
    act of the day; a report that opens so tells its own act)."""
    if x.doc != y.doc:
        return ""
    c = x if x.additive else y if y.additive else None
    if c is not None:
        return f"{c.source or 'one account'} tells more victims besides the report's others ('{c.additive}')"
    later = max((x, y), key=lambda c: (c.start, c.cid))
    if later.time_shift:
        return f"{later.source or 'one account'} tells an earlier or later act or count than the report's others " \
               f"('{later.time_shift}')"
    return ""


def _relayed_part(x: _Claim, y: _Claim, accounts: _Accounts) -> _Claim | None:
    """Of two claims of one report, the one whose account relays the other's
    and tells the larger figure (a headline's "29 injured in the city" over
    its police source's "16 injured in one quarter"), or None."""
    def largest(c: _Claim) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in c.figures:
            out[f.outcome] = max(out.get(f.outcome, 0), f.min)
        return out

    for whole, part in ((x, y), (y, x)):
        if part.account not in accounts.relays.get(whole.account, frozenset()):
            continue
        w, p = largest(whole), largest(part)
        common = set(w) & set(p)
        # each outcome both tell: the report's own no smaller, one larger ("2 killed, 40
        # injured" over "5 killed, 10 injured" is no sum of the source's parts)
        if common and all(w[o] >= p[o] for o in common) and any(w[o] > p[o] for o in common):
            return whole
    return None


def _recalled_toll(x: _Claim, y: _Claim) -> str:
    """Why a claim's figures are another act's, or '': all are told in a
    clause recalling an earlier act ("... after at least 17 people were
    killed in an October 2 attack": align.yaml `recap_clauses`)."""
    c = x if x.recalled else y if y.recalled else None
    return f"{c.source or 'one account'} recalls an earlier act's toll" if c is not None else ""


def _other_places(x: _Claim, y: _Claim, cfg: _Cfg) -> str:
    """Why two claims tell two acts, or '': each names its own places of one
    level, none of them the other's (`align.places_apart`)."""
    if not (x.fine and y.fine):
        return ""
    theirs: dict[str, list[str]] = {}
    for n, lv in y.fine:
        theirs.setdefault(lv, []).append(n)
    apart = places_apart(x.fine, theirs, x.places.points, y.places.points, settings=cfg.align)
    return f"told of different places ({apart[0]} vs {apart[1]})" if apart else ""


def _more_places(x: _Claim, y: _Claim) -> str:
    """Why `x`'s toll may sum several acts of which `y` tells one, or '': it
    names the towns or quarters `y` names and more ("shells on al-Midan,
    Hamadaniyeh and New Aleppo killed 6" vs "shells on al-Midan killed 2"),
    and its largest figure is the larger."""
    if not (x.own_places and y.own_places and y.places.towns):
        return ""
    tx, ty = set(x.places.towns), set(y.places.towns)
    if not (ty < tx) or max(f.min for f in x.figures) <= max(f.min for f in y.figures):
        return ""
    return f"names more places ({', '.join(sorted(tx))}) than the other account ({', '.join(sorted(ty))})"


def _wider_place(x: _Claim, y: _Claim, cfg: _Cfg) -> str:
    """Why `x`'s toll may hold `y`'s as a part, or '': `x` tells its figures
    of a wider place only (a governorate, district or region, no town or
    quarter) that holds every town or quarter `y` tells its own of ("13
    civilians killed in air raids on Aleppo province" vs "8 civilians killed
    when warplanes struck the village of Daret Izza", one Aleppo village),
    and its largest figure is the larger: the village's dead may be among
    the province's. A province named only in the source's name ("the Idlib
    Health Directorate put the toll at about 100") is no place of the act.
    Only when `x` tells several acts (`compare.several_act_nouns`): one act
    told of a province against a town's smaller toll is a conflict."""
    if not (x.own_places and y.own_places and y.fine and x.places.areas and not x.fine and not x.places.towns):
        return ""
    if cfg.several_acts is None or not cfg.several_acts.search(x.text):
        return ""
    if x.named_in_source:
        return ""   # "the Idlib Health Directorate put the toll at 100": the province names the source, not the act's place
    if not y.places.areas or not (y.places.areas <= x.places.areas):
        return ""
    if not x.figures or not y.figures or max(f.min for f in x.figures) <= max(f.min for f in y.figures):
        return ""
    return (f"tells a wider place ({', '.join(sorted(x.places.areas))}) than the other account's "
            f"({', '.join(n for n, _ in y.fine)}): the smaller figure may be a part")


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
    # the first row of each pair of claims and facet, by incident, facet (FACETS order) and claims
    order = {f: i for i, f in enumerate(FACETS)}
    seen: set[tuple[str, str, str, str]] = set()
    kept = []
    for r in rows:
        key = (r["incident_id"], r["facet"], r["claim_a"], r["claim_b"])
        if key not in seen:
            seen.add(key)
            kept.append(r)
    kept.sort(key=lambda r: (r["incident_id"], order[r["facet"]], r["claim_a"], r["claim_b"]))   # stable
    return schema.frame(kept, "comparisons")


# =============================================================================== incidents, sources

def casualty_estimates(accounts: Mapping[str, Sequence[Sequence[Figure]]], *,
                       knowledge: Knowledge) -> tuple[int | None, int | None, int | None]:
    """UCDP-style (low, best, high) deaths across accounts.

    Each claim's deaths are the sum over its victims groups (a part such as
    children is left out when its whole is also given, a figure told as a
    part, `Figure.part`, always; a generic 'people' total counts when larger
    than the sum). Each account gives its highest claim (tolls rise as
    reports come in). low is the smallest account lower
    bound, high the largest stated bound, best the median of the accounts'
    figures (a range's stated upper figure, an open range's lower bound)."""
    return _casualty_estimates(accounts, knowledge.derived(_build_cfg))


def _casualty_estimates(accounts: Mapping[str, Sequence[Sequence[Figure]]],
                        cfg: _Cfg) -> tuple[int | None, int | None, int | None]:
    lo, best, hi, _ = _estimates_open(accounts, cfg)
    return lo, best, hi


def _estimates_open(accounts: Mapping[str, Sequence[Sequence[Figure]]],
                    cfg: _Cfg, added: Mapping[str, Sequence[bool]] | None = None
                    ) -> tuple[int | None, int | None, int | None, bool]:
    """`_casualty_estimates` and whether the high figure is only a lower
    bound (every account reaching it gives an open range).

    An account whose toll is only a part is no bound of the incident's toll
    while another account tells a whole: its dead are all of a group inside
    another ("two children were killed": the children among the dead,
    victims_parents), or its claim tells them as more dead besides others
    (`added`, per account and claim: "Another three were killed in
    shelling"). It counts toward the high figure only."""
    per_account: list[tuple[int, int | None]] = []
    partial: list[bool] = []
    for name, claims in accounts.items():
        best_claim: tuple[int, int | None] | None = None
        best_part = False
        flags = (added or {}).get(name) or ()
        for k, figures in enumerate(claims):
            killed = [f for f in figures if f.outcome == "killed" and not f.part]   # a part is no toll
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
                best_part = (k < len(flags) and flags[k]) or (
                    total is None and all(f.victims in cfg.victims_parent for f in killed))
        if best_claim is not None:
            per_account.append(best_claim)
            partial.append(best_part)
    if not per_account:
        return None, None, None, False
    high = max((hi if hi is not None else lo) for lo, hi in per_account)
    whole = [r for r, p in zip(per_account, partial) if not p]
    if whole and len(whole) < len(per_account):
        # a part's figure below every whole's lower bound is no toll of the incident
        floor = min(lo for lo, _ in whole)
        per_account = whole + [r for r, p in zip(per_account, partial) if p and r[0] >= floor]
    low = min(lo for lo, _ in per_account)
    points = sorted((hi if hi is not None else lo) for lo, hi in per_account)
    best = int(statistics.median_low(points))
    open_high = all(hi is None for lo, hi in per_account if (hi if hi is not None else lo) == high)
    return low, best, high, open_high


def toll_text(low: int | None, high: int | None, *, open_high: bool = False) -> str:
    """A death toll range as an analyst reads it: '6', '≥ 6' (at least 6),
    '5–7', '22–40+' (the largest figure a lower bound); '' when none."""
    if low is None and high is None:
        return ""
    lo = low if low is not None else high
    hi = high if high is not None else low
    if lo == hi:
        return f"≥ {lo}" if open_high else str(lo)
    return f"{lo}–{hi}{'+' if open_high else ''}"


_GOV_WEIGHT = {"sentence": 3, "paragraph": 2, "document": 1}
_NOT_PLACES = frozenset({"governorate", "country"})   # named in `governorate`, never listed as places
_PLACE_RANK = {"district": 1, "region": 3}             # town-level kinds 0, unknown kinds 2


def _join_words(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _consensus(actors: Sequence[tuple[str, str, bool]], sides: Mapping[str, str], *, contested: bool) -> str:
    """The actor the accounts name without hedging (counted once per
    account), `contested` when the facet conflicts; actors of several sides
    that do not conflict (both sides of a clash) are `;`-joined, one per side.
    An actor only hedged claims name ('reportedly', 'claimed') is no
    consensus: empty."""
    if contested:
        return "contested"
    actors = [a for a in actors if not a[2]]
    if not actors:
        return ""
    votes: Counter = Counter()
    seen: set[tuple[str, str]] = set()
    for actor, account, hedged in actors:
        if (actor, account) not in seen:
            seen.add((actor, account))
            votes[actor] += 2 if not hedged else 1
    ranked = sorted(votes, key=lambda a: (-votes[a], a))
    by_side: dict[str, str] = {}
    for a in ranked:
        by_side.setdefault(sides.get(a) or a, a)
    return ";".join(by_side.values())


def _estimates(cs: Sequence[_Claim], cfg: _Cfg, category: str | None) -> tuple[int | None, int | None, int | None, bool]:
    """(low, best, high, whether high is only a lower bound) of the deaths the claims tell, of one category or all."""
    per_acc: dict[str, list[tuple[Figure, ...]]] = defaultdict(list)
    added: dict[str, list[bool]] = defaultdict(list)   # per account and claim: its dead told as more besides others
    earlier: dict[int, set[int]] = {}  # claim -> the indices of its figures its teller has since replaced
    replaced: set[str] = set()  # reports that give a toll besides such a figure
    told: list[tuple[_Claim, tuple[Figure, ...]]] = []   # the claims with figures of this category, and those figures
    if cfg.earlier_toll is not None:
        for c in cs:
            if not c.figures:
                continue
            e: set[int] = set()
            if cfg.earlier_gate is None or cfg.earlier_gate.search(c.text) is not None:  # most sentences tell none
                e = {i for i, f in enumerate(c.figures) if _earlier_count(c.text, f, cfg)}
                earlier[id(c)] = e
            if any(f.outcome == "killed" and not f.part and i not in e for i, f in enumerate(c.figures)):
                replaced.add(c.doc)
    for c in cs:
        figs = c.figures if category is None else tuple(f for f in c.figures if f.category == category and not f.part)
        if earlier.get(id(c)) and c.doc in replaced and figs:
            # "It had initially given a death toll of 22" in a report that gives the toll now: only the toll now;
            # an initial toll nothing in its report replaced is that report's toll
            gone = {id(c.figures[i]) for i in earlier[id(c)]}
            figs = tuple(f for f in figs if id(f) not in gone)
        dead = [f for f in figs if f.outcome == "killed" and not f.part]
        if len(dead) > 1 and _found(cfg.toll_total_gate, cfg.toll_total, c.text):
            # "three more bodies ..., raising the toll to eight": the toll is eight, not eleven (one figure
            # per victims group; "the toll of the SDF members has risen to six, while two ISIS members ..." is 8)
            top: dict[str, Figure] = {}
            for f in dead:
                if f.victims not in top or f.min > top[f.victims].min:
                    top[f.victims] = f
            keep = {id(f) for f in top.values()}
            figs = tuple(f for f in figs if f.outcome != "killed" or f.part or id(f) in keep)
        if category is not None:   # a part is no toll: a lower bound of its category's, when its claim gives no whole of it
            # parts never add up: "five children ... and three children" may tell the same children twice,
            # "five children and three girls" the girls among the children; the largest part of an outcome is
            # the bound (said less where two parts are of distinct groups, "three women and five children")
            largest: dict[str, Figure] = {}
            for f in c.figures:
                key = f.outcome
                if f.part and f.category == category and not any(w.outcome == f.outcome for w in figs) and (
                        key not in largest or f.min > largest[key].min):
                    largest[key] = f
            figs += tuple(replace(f, max=None, part=False) for f in largest.values())
        if figs:
            told.append((c, figs))
    for c, figs in _risen_replaces(told, cfg):
        per_acc[c.account].append(figs)
        if any(f.outcome == "killed" for f in figs):
            _read_toll(c, cfg)
        added[c.account].append(bool(c.additive))
    return _estimates_open(per_acc, cfg, added)


Estimate = tuple[int | None, int | None, int | None, bool]


def parts_covered(total: Estimate, parts: Sequence[Estimate]) -> Estimate:
    """The incident's death range widened so its high figure is no smaller
    than what one account's disjoint categories add up to (`parts`: that
    account's civilians and combatants; the two never overlap). An account
    gives its highest single claim, so "20 civilians" in one sentence and
    "three militants" in another read as a total of 20 beside parts of 23;
    which figure is right the claims do not settle, so best stays and the
    range shows the doubt (audit12: "20 (civilians 20; combatants 3)")."""
    lo, be, hi, open_high = total
    told = [p for p in parts if p[1] is not None]
    if be is None or len(told) < 2:
        return total
    summed = sum(p[1] or 0 for p in told)
    if summed <= (hi if hi is not None else be):
        return total
    return lo, be, summed, any(p[3] for p in told)


def _told_parts(cs: Sequence[_Claim], cfg: _Cfg, total: Estimate, parts: Sequence[Estimate]) -> Estimate:
    """`parts_covered` over each account's own civilians and combatants: the
    incident's categories may come from different accounts (one tells 25
    civilians, another 40 fighters, of one set of dead) and add up to a figure
    nobody stated; one teller's two categories are that teller's dead."""
    if total[1] is None or sum(p[1] or 0 for p in parts) <= (total[2] if total[2] is not None else total[1]):
        return total   # most incidents: the parts fit, no account is read again
    out = total
    for account in sorted({c.account for c in cs}):
        mine = [c for c in cs if c.account == account]
        out = parts_covered(out, [_estimates(mine, cfg, cat) for cat in ("civilians", "combatants")])
    return out


def _risen_replaces(told: Sequence[tuple[_Claim, tuple[Figure, ...]]], cfg: _Cfg
                    ) -> list[tuple[_Claim, tuple[Figure, ...]]]:
    """The claims (with the figures counted of them) that still tell the
    toll: a report that tells its toll as risen ("the toll of the guards has
    risen to six") replaces the smaller death tolls it told along the way
    ("this morning two guards were killed", "the clashes left four dead in
    the initial toll"); its other reports' figures stay (their disagreement
    is a conflict to show, not an earlier count)."""
    if cfg.risen_to is None or cfg.toll_update_gate is None:
        return list(told)
    risen: dict[tuple[str, str], int] = {}   # (report, victims' category) -> the largest toll it tells as risen
    tolls: list[int | None] = []
    for c, figs in told:
        _, _, high, _ = _estimates_open({"": [figs]}, cfg)
        tolls.append(high)
        if high is not None and cfg.toll_update_gate.search(c.text) is not None:
            for f in figs:
                if f.outcome == "killed" and not f.part and _risen_figure(c.text, f, cfg):
                    key = (c.doc, f.category)
                    risen[key] = max(risen.get(key, 0), high)
    if not risen:
        return list(told)

    def replaced(c: _Claim, figs: tuple[Figure, ...], high: int | None) -> bool:
        # only a smaller toll of the same victims: "five civilians were killed" stays beside "the toll of the SDF
        # fighters has risen to 12" (17 dead in all), where "two fighters were killed this morning" goes
        cats = {f.category for f in figs if f.outcome == "killed" and not f.part}
        return high is not None and bool(cats) and all(
            (c.doc, k) in risen and high < risen[(c.doc, k)] for k in cats)

    return [(c, figs) for (c, figs), high in zip(told, tolls) if not replaced(c, figs, high)]


def _risen_figure(text: str, f: Figure, cfg: _Cfg) -> bool:
    """The figure follows a toll update cue within a few characters ("has
    risen to six", "rose to at least 12")."""
    hit = re.search(r"(?<![\w-])" + re.escape(f.raw) + r"(?![\w-])", text) if f.raw else None
    return hit is not None and cfg.risen_to is not None and cfg.risen_to.search(text, max(0, hit.start() - 60),
                                                                                 hit.start()) is not None


def _earlier_count(text: str, f: Figure, cfg: _Cfg) -> bool:
    """The figure is a count its teller has since replaced: a cue of
    `compare.earlier_toll_cues` ends within a few words before it, with no
    toll update between ("It had initially given a death toll of 22"; not
    "the initial toll of 5 has risen to 12": the 12), or a cue of
    `compare.earlier_toll_after_cues` closes the figure's clause after it
    ("two guards were killed, in an initial toll.")."""
    hit = re.search(r"(?<![\w-])" + re.escape(f.raw) + r"(?![\w-])", text) if f.raw else None
    if hit is None:
        return False
    at = hit.start()
    for m in (cfg.earlier_toll.search(text, max(0, at - 80), at) if cfg.earlier_toll is not None else None,
              cfg.earlier_after.match(text, hit.end()) if cfg.earlier_after is not None else None):
        if m is not None and not (cfg.toll_total is not None and cfg.toll_total.search(m.group("gap"))):
            return True
    return False


def _incident_place(cs: Sequence[_Claim], place_types: Mapping[str, tuple[str, str]], town_kinds: frozenset[str],
                    fallback_gov: str, admin_units: frozenset[str]) -> tuple[str, list[str], str, float | None, float | None]:
    """Governorate (most claims resolve to it, a claim's own places counting
    three times, its paragraph's twice, its document's once), places (those of that
    governorate first; then most specific first, then most cited by claims of
    that governorate; no governorate or country names), place precision and
    mean coordinates of the claims in that governorate. `admin_units`: the
    admin-1 units the places of `place_types` lie in (the same for every
    incident, so computed once by the caller)."""
    govs: dict[str, int] = {}
    towns_in: dict[str, int] = {}   # ties: the unit the claims' towns lie in
    no_place = ("", "")
    for c in cs:   # a place the sentence names outweighs its paragraph's, which outweighs the document's
        if c.governorate:
            govs[c.governorate] = govs.get(c.governorate, 0) + _GOV_WEIGHT.get(c.gov_source, 1)
        for p in c.place_names:
            kind, admin1 = place_types.get(p, no_place)
            if admin1 and kind in town_kinds:
                towns_in[admin1] = towns_in.get(admin1, 0) + 1
    gov = min(govs, key=lambda g: (-govs[g], -towns_in.get(g, 0), g)) if govs else fallback_gov
    home: list[_Claim] = []
    counts: dict[str, int] = {}
    home_counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for c in cs:
        at_home = not gov or not c.governorate or c.governorate == gov
        if at_home:
            home.append(c)
        for p in c.place_names:
            # governorate names are never listed as places, also where a city shares the name ('Damascus', 'Homs')
            if p == gov or p in admin_units or p in govs or place_types.get(p, no_place)[0] in _NOT_PLACES:
                continue
            if p in counts:
                counts[p] += 1
            else:
                counts[p] = 1
                first[p] = len(first)
            if at_home:
                home_counts[p] = home_counts.get(p, 0) + 1

    def rank(p: str) -> tuple:
        kind, admin1 = place_types.get(p, no_place)
        elsewhere = bool(gov and admin1 and admin1 != gov)
        return (elsewhere, 0 if kind in town_kinds else _PLACE_RANK.get(kind, 2), -home_counts.get(p, 0), -counts[p],
                first[p])

    places = sorted(counts, key=rank)
    precs = [c.place_precision for c in home if c.place_precision in PRECISIONS]
    prec = min(precs, key=PRECISIONS.index) if precs else ""
    pts = [(c.lat, c.lon) for c in home if c.lat is not None and c.lon is not None]
    lat = round(sum(p[0] for p in pts) / len(pts), 5) if pts else None
    lon = round(sum(p[1] for p in pts) / len(pts), 5) if pts else None
    return gov, places, prec, lat, lon


def _neutralized(cs: Sequence[_Claim]) -> str:
    """The 'neutralized' figures across accounts (each account's largest) as
    a range, '' when none."""
    best: dict[str, tuple[int, int | None]] = {}
    for c in cs:
        for f in c.figures:
            if f.outcome == "neutralized" and (c.account not in best or f.min > best[c.account][0]):
                best[c.account] = (f.min, f.max)
    if not best:
        return ""
    lo = min(v[0] for v in best.values())
    hi = max((v[1] if v[1] is not None else v[0]) for v in best.values())
    open_ = all(v[1] is None or v[1] < hi for v in best.values()) and any(v[1] is None for v in best.values())
    return toll_text(lo, hi, open_high=open_)



def _neutral_title(cs: Sequence[_Claim], conflicts: Sequence[str], date: str, prec: str, places: Sequence[str],
                   gov: str, cfg: _Cfg, knowledge: Knowledge) -> str:
    """'2020-05-27 explosion near al-Ghassaniyah (Idlib) — cause contested':
    the most specific event type no account hedges or denies (a type read
    from a disputed cause is left out), the most specific place, the
    contested facets."""
    def types(pred) -> list[tuple[str, bool]]:
        return [(c.etype, bool(c.figures) and not c.recalled) for c in cs
                if c.etype and c.etype not in ("statement", "") and pred(c)]

    disputed_cause = "cause" in conflicts
    cands = (types(lambda c: not c.hedged and not c.negated and not (disputed_cause and c.cause))
             or types(lambda c: not c.negated) or types(lambda c: True))
    etype = principal_type(cands, settings=cfg.align) if cands else "other"
    if prec == "month" and date:
        when = date[:7]
    elif prec == "year" and date:
        when = date[:4]
    else:
        when = date or "undated"
    where = ""
    if places:
        where = f" near {places[0]}" + (f" ({gov})" if gov and gov != places[0] else "")
    elif gov:
        where = f" in {gov}"
    tail = f" — {_join_words(list(conflicts))} contested" if conflicts else ""
    return f"{when} {event_label(etype, knowledge=knowledge)}{where}{tail}"


def _update_incidents(incidents: pd.DataFrame, by_inc: Mapping[str, list[_Claim]], comparisons: pd.DataFrame,
                      cfg: _Cfg, knowledge: Knowledge, accounts: Mapping[str, _Accounts],
                      place_types: Mapping[str, tuple[str, str]] | None = None) -> pd.DataFrame:
    if incidents.empty:
        return schema.empty("incidents")
    place_types = place_types or {}
    town_kinds = frozenset(knowledge.align.get("town_kinds", ()))
    admin_units = frozenset(a for _, a in place_types.values() if a)
    inc = incidents.copy()
    conflicts: dict[str, list[str]] = defaultdict(list)
    agrees: dict[str, set[str]] = defaultdict(set)
    denied_blame: set[str] = set()   # incidents where a denial meets a blame: the perpetrator is contested too
    denials = {c.cid for cs in by_inc.values() for c in cs if c.denial}
    blames = {c.cid for cs in by_inc.values() for c in cs if c.perp_cue in _BLAME_CUES and _asserts_perp(c)}
    # hearsay corroborates nobody: the unnamed fallback voice ("other sources": "Reports of civilian deaths ...
    # soared"), or a vague pooled voice that only hedges
    unnamed = {str(e["name"]) for e in knowledge.sources.get("sources") or () if e.get("type") == "unnamed"}
    hearsay = {c.cid for cs in by_inc.values() for c in cs if c.pooled and (c.hedged or c.source in unnamed)}
    rel_col = cells.texts(comparisons["relation"]) if "relation" in comparisons.columns else ["independent"] * len(comparisons)
    for iid, facet, verdict, rel, ca, cb in zip(cells.texts(comparisons["incident_id"]), cells.texts(comparisons["facet"]),
                                                cells.texts(comparisons["verdict"]), rel_col,
                                                cells.texts(comparisons["claim_a"]), cells.texts(comparisons["claim_b"])):
        if verdict == "conflict" and facet not in conflicts[iid]:
            conflicts[iid].append(facet)
        elif verdict == "agree" and rel == "independent" and ca not in hearsay and cb not in hearsay:
            agrees[iid].add(facet)
        if verdict == "conflict" and facet == "responsibility" and (
                (ca in denials and cb in blames) or (cb in denials and ca in blames)):
            denied_blame.add(iid)
    out: dict[str, list] = defaultdict(list)
    old = {k: (cells.texts(inc[k]) if k in inc.columns else [""] * len(inc))
           for k in ("governorate", "places", "title", "date_start", "date_precision", "sources", "place_precision")}
    old_lat = cells.numbers(inc["lat"]) if "lat" in inc.columns else [None] * len(inc)
    old_lon = cells.numbers(inc["lon"]) if "lon" in inc.columns else [None] * len(inc)
    old_n = cells.integers(inc["n_sources"]) if "n_sources" in inc.columns else [None] * len(inc)
    for row, i in enumerate(cells.texts(inc["incident_id"])):
        cs = by_inc.get(i, [])
        f = sorted(conflicts.get(i, []), key=FACETS.index)
        ag = sorted(agrees.get(i, set()), key=FACETS.index)
        if cs:
            acc = accounts.get(i) or _incident_accounts(cs, cfg)
            voices = {c.account for c in cs if c.voice}
            picked = acc.independent_set({c.account for c in cs}, voices)
            n = len(picked)
            # an account by its name: an outlet's voice by the outlet (a copy's by its original's)
            names = {c.account: (c.publisher if c.voice and not c.publisher.startswith("doc:") else c.source or c.publisher)
                     for c in cs}
            sources = ";".join(sorted({names[a] for a in picked}))
        else:
            n, sources = (old_n[row] or 0), old["sources"][row]   # no event claims: no account
        if f:
            status = "contested"
        elif n is not None and n >= 2 and set(ag) & cfg.corroborating:
            status = "corroborated"
        elif n is not None and n >= 2:
            status = "uncorroborated"
        else:
            status = "single_source"
        out["status"].append(status)
        out["conflict_facets"].append(";".join(f))
        out["agree_facets"].append(";".join(ag))
        out["n_sources"].append(n)
        out["sources"].append(sources)
        told = {f.category for c in cs for f in c.figures}
        ests: dict[str, Estimate] = {
            # a category no figure tells has no estimate
            prefix: _estimates(cs, cfg, cat) if cat is None or cat in told else (None, None, None, False)
            for prefix, cat in (("casualties", None), ("civilians", "civilians"), ("combatants", "combatants"))}
        ests["casualties"] = _told_parts(cs, cfg, ests["casualties"], [ests["civilians"], ests["combatants"]])
        tolls = {}
        for prefix, (lo, be, hi, open_high) in ests.items():
            out[f"{prefix}_low"].append(lo)
            out[f"{prefix}_best"].append(be)
            out[f"{prefix}_high"].append(hi)
            tolls[prefix] = toll_text(lo, hi, open_high=open_high)
        split = [f"{k} {tolls[k]}" for k in ("civilians", "combatants") if tolls[k]]
        toll = tolls["casualties"] + (f" ({'; '.join(split)})" if split and tolls["casualties"] else "")
        neutralized = _neutralized(cs)
        if neutralized:   # killed, captured or surrendered: never read as deaths
            toll += ("; " if toll else "") + f"{neutralized} neutralized (killed or captured)"
        out["toll"].append(toll)
        perps = [(c.perp, c.account, c.hedged) for c in cs
                 if c.perp and c.perp_cue in cfg.perp_cues and not c.negated]
        perp = _consensus(perps, cfg.sides, contested="perpetrator" in f or i in denied_blame)
        out["perpetrator"].append(perp)
        # an exchange of fire ("A and B exchanged shellfire") names two sides, neither of them the one hit
        tgts = [(c.target, c.account, c.hedged) for c in cs
                if c.target and not c.negated and c.perp_cue not in cfg.two_sided_cues]
        target = _consensus(tgts, cfg.sides, contested=False)
        if perp and ";" not in perp and perp != "contested" and target:
            # one attacker is not the one it attacked: its own dead are in the
            # toll, and a target read as its own side ("regime shelling ...
            # regime forces encircling the district") is no account of whom it hit
            target = ";".join(t for t in target.split(";") if t != perp)
        out["target"].append(target)
        if cs:
            gov, places, prec, lat, lon = _incident_place(cs, place_types, town_kinds, old["governorate"][row],
                                                           admin_units)
            if lat is None:
                lat, lon = old_lat[row], old_lon[row]
            out["title"].append(_neutral_title(cs, f, old["date_start"][row], old["date_precision"][row], places,
                                               gov, cfg, knowledge))
        else:
            gov, places, prec, lat, lon = (old["governorate"][row], old["places"][row].split(";"),
                                           old["place_precision"][row], old_lat[row], old_lon[row])
            places = [p for p in places if p]
            out["title"].append(old["title"][row])
        out["governorate"].append(gov)
        out["places"].append(";".join(places))
        out["place_precision"].append(prec)
        out["lat"].append(lat)
        out["lon"].append(lon)
    for k, v in out.items():
        dtype = "Int64" if k.endswith(("_low", "_best", "_high")) or k == "n_sources" else (
            "Float64" if k in ("lat", "lon") else "string")
        keep_empty = k in ("conflict_facets", "agree_facets")   # "" = none, as before
        inc[k] = pd.array([None if x == "" and not keep_empty else x for x in v], dtype=dtype)
    if "grade" in inc.columns:   # one verdict: `status`
        inc = inc.drop(columns="grade")
    return schema.frame(inc, "incidents")


def pair_verdicts(comparisons: pd.DataFrame) -> tuple[Counter, Counter, Counter]:
    """(agree, conflict, relayed) counts per sorted source pair of `comparisons`:
    agreement only between independent accounts, relayed pairs counted apart
    (the `source_agreement` rule, also used on a report's filtered subset)."""
    agree: Counter = Counter()
    conflict: Counter = Counter()
    relay: Counter = Counter()
    rel_col = cells.texts(comparisons["relation"]) if "relation" in comparisons.columns else ["independent"] * len(comparisons)
    for sa, sb, verdict, rel in zip(cells.texts(comparisons["source_a"]), cells.texts(comparisons["source_b"]),
                                    cells.texts(comparisons["verdict"]), rel_col):
        a, b = (sa, sb) if sa <= sb else (sb, sa)
        if a == b:
            continue
        if rel == "relay":
            relay[(a, b)] += 1
        if verdict == "agree" and rel == "independent":
            agree[(a, b)] += 1
        elif verdict == "conflict":
            conflict[(a, b)] += 1
    return agree, conflict, relay


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
    agree, conflict, relay = pair_verdicts(comparisons)
    keys = sorted(set(shared) | set(agree) | set(conflict) | set(relay))
    if not keys:
        return schema.empty("source_agreement")
    df = pd.DataFrame([{"source_a": a, "source_b": b, "shared_incidents": shared[(a, b)], "agree": agree[(a, b)],
                        "conflict": conflict[(a, b)], "relayed": relay[(a, b)]} for a, b in keys])
    return schema.frame(df, "source_agreement")
