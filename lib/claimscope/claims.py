"""Turn documents into attributed claims and casualty figures.

For every sentence this stage asks the per-facet modules (attribution, dates,
places, actors, casualties, events) and keeps the sentences that assert
something about an event: an event cue, a casualty figure, or an attributed
statement. Context is carried the way readers carry it:

* a claim with no date of its own takes the date in force: its paragraph's,
  else the last day named in the document; one with no place takes the
  places named last in its paragraph (both marked `inherited:` in
  `date_raw` / `places_raw`), unless it tells no act of its own there (a
  statement, background, a running total, the future) and points back at
  no place or act told before ("the town", "the victims", "Tuesday's
  strike": `places.points_at_context_place`): then it takes no place nor
  the document's governorate, and a running total after another with no
  place named between takes that one's places (a tally's monthly lines); an event claim with neither, in a report dated
  to the day, takes the publication date with precision `reported`; an
  event claim whose only date dates the telling ("The ministry said on
  Tuesday that five soldiers were killed", `dates.telling_dates`) takes that
  day with precision `reported` too, `date_raw` `told: <frame>` (and the
  event claims that inherit that day take it so: `inherited: told: <frame>`); one that
  tells the act a sentence before told by an anaphor ("accused Damascus of
  that attack", `dates.act_anaphor`) takes that act's own date (`inherited:
  <phrase> (that attack)`); after an act told with no date of its own it is
  left as it was; a day after the report's own ("a visit scheduled for
  April 10", `dates.ahead_of_publication`) dates no act told as done, only a
  claim of the future, and a year-less one in a clause telling an act as done
  is last year's (`dates.past_act_dates`: "killed 11 on December 28" in a
  November report); claims
  that are not events (running totals, background, the future) never set the
  date in force; a statement takes the day in force only when it dates a
  telling or an act of the report's own days (`dates.statement_takes_day`:
  a reaction, a quote or a claim of policy may come any day after an act
  told days before the report); a background claim or a running total without a date of
  its own inherits none (what went before the news happened on no day its neighbours
  name; a tally counts over its period, not on the day in force), and
  in a paragraph that opens with one no undated claim takes an earlier
  paragraph's day unless it points back at an act ("the attack",
  `dates.recalls_act`), nor does a week, month or year holding or before the day in
  force in its paragraph (`dates.displaces`: a recap "in June" in a report of
  Wednesday's act); a paragraph that opens with a dated act is about that date;
* each claim has a kind (`claimscope.kinds`: event, running_total,
  background, future, statement) and each figure a scope (event or total);
  the publication date line is cut out of the sentence that holds it, and a
  headline that runs into the body is split from it; the headline's figures
  are marked and a headline figure no body figure allows is a warning; a
  sentence that gives two voices two accounts ("activists said ..., while
  local sources blamed ...") is cut into one claim per voice
  (`attribution.voice_parts`);
* items of a list ("... left 344 people dead; they are as follows: • 165
  civilians, ...") take the list's outcome, scope and kind;
* relative dates ("a day later") resolve against the date in force in the
  document, weekday and "yesterday" against the publication date;
* a sentence that tells two acts in coordinated clauses ("the army killed
  20 militants in Saraqib and targeted ISIS positions in Raqqa province",
  "rebels shelled X and the regime hit Y", a run-on headline "Army Kills 12
  in Palmyra Advances in Douma": `_second_act_split`) gives its claim the
  first act's places, actors, target and event cue only; a second act with
  figures of its own is a claim of its own (the subject and the sentence's
  date and voice shared);
* a sentence that only adds figures to the claim before it ("At least 6
  members of the terrorist group died.") — no source, date, place or actor of
  its own — continues that claim instead of standing alone;
* generic victims ("soldiers", "the terrorist group") resolve to the actor
  attacked in the sentence or the one named last in the paragraph/document.

Every place and actor found is also a row of the `mentions` table (with its
offsets, canonical name, admin-1 unit, coordinates, precision and role), tied
to the claim whose sentence names it: later stages read places and actors
from there instead of finding them again. All knowledge comes from the
`Knowledge` object passed in.

`extract_document` is a pure function of one document (it parallelises by
document); `extract_chunk` runs it over a run of documents and returns partial
tables, `combine` joins partial tables in document order into the result
`extract` gives (so a process pool or Dask, see `claimscope.engines`, yields
exactly the tables of the in-process loop); `extract` maps it over the
`documents` table.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import gc
import re
from hashlib import blake2b
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Iterator, Sequence

import pandas as pd

from . import cells, schema
from .actors import ActorMention, Roles, find_actors, find_roles, other_act_clauses, phrase_actors, second_act
from .attribution import Attribution, attribute, identity_hedges, stance, voice_parts
from .casualties import CasualtyMention, VictimContext, find_casualties
from .dates import (DateMention, act_anaphor, act_day_after_telling, ahead_of_publication, displaces, find_dates,
                    past_act_dates, recalls_act, statement_takes_day, telling_dates)
from .events import event_type, find_causes, find_denied_act
from .kinds import (ClaimKind, claim_kind, cumulative_cue, figure_scopes, period_starts, refers_to_counted_acts,
                    sentence_words)
from .errors import KnowledgeError
from .knowledge import Knowledge
from .places import PlaceMention, dominant_governorate, find_places, points_at_context_place, without_section_label
from .resources import norm_phrase, phrase_pattern, regex
from .sentences import Sentence, headline_parts, split_sentences

__all__ = ["DocumentInput", "ExtractResult", "ExtractChunk", "extract", "extract_document", "extract_chunk",
           "combine", "document_inputs", "claim_id"]

_PRECISION_RANK = {"town": 0, "near_town": 1, "district": 2, "governorate": 3, "region": 4, "country": 5}


@dataclass(frozen=True)
class DocumentInput:
    doc_id: str
    text: str
    outlet: str = ""
    published: _dt.date | None = None
    published_precision: str = "unknown"
    duplicate_of: str = ""
    path: str = ""
    published_raw: str = ""  # the date line the publication date was read from, if any
    title: str = ""  # the headline, when the documents table gives one


def _dateline_span(doc: DocumentInput) -> tuple[int, int]:
    """Span of the publication date line near the top of the text: it dates
    the article, not an event, so it is not a claim's own date; it only sets
    the date in force that undated claims inherit."""
    raw = (doc.published_raw or "").strip()
    if not raw or raw == "manifest":
        return (-1, -1)
    at = doc.text.find(raw, 0, 600)
    return (at, at + len(raw)) if at >= 0 else (-1, -1)


@dataclass(frozen=True)
class ExtractResult:
    claims: pd.DataFrame
    casualties: pd.DataFrame
    problems: pd.DataFrame
    governorates: pd.Series  # doc_id -> the document's main governorate ("" when none)
    mentions: pd.DataFrame = field(default_factory=lambda: schema.empty("mentions"))


@dataclass(frozen=True)
class DocumentExtract:
    claims: list[list]  # rows of `claims`, fields CLAIM_FIELDS
    casualties: list[tuple]  # rows of `casualties`, fields CASUALTY_FIELDS
    problems: list[dict]
    governorate: str  # most cited governorate: lede x3, places beside a death toll twice
    mentions: list[tuple] = field(default_factory=list)  # rows of `mentions`, columns MENTION_COLUMNS


# The fields of a claim row as `_claim_row` lays them out (a list, not a dict: rows are read into the table column
# by column, `schema.frame_columns`, and a list is built and read faster); the last four are set when the
# document's claims are final. The contract's column order is the table's, not this one.
CLAIM_FIELDS = ("doc_id", "source", "source_type", "source_side", "outlet", "hedged", "negated", "event_type",
                "event_date", "date_precision", "places", "place_precision", "governorate", "lat", "lon",
                "perpetrator", "target", "incident_id", "sentence_index", "paragraph", "source_raw", "source_person",
                "source_via", "attribution_cue", "hedge_cue", "negation_cue", "event_cue", "date_raw", "places_raw",
                "governorate_source", "perpetrator_raw", "target_raw", "published", "duplicate_of", "perpetrator_cue",
                "cause", "cause_raw", "kind", "kind_cue", "claim_id", "start", "end", "sentence")
_HEDGED, _NEGATED, _EVENT_TYPE, _PLACES, _GOVERNORATE, _HEDGE_CUE, _NEGATION_CUE, _EVENT_CUE, _GOV_SOURCE, _KIND = (
    CLAIM_FIELDS.index(f) for f in ("hedged", "negated", "event_type", "places", "governorate", "hedge_cue",
                                    "negation_cue", "event_cue", "governorate_source", "kind"))
_EVENT_DATE, _DATE_PRECISION, _DATE_RAW = (CLAIM_FIELDS.index(f) for f in ("event_date", "date_precision", "date_raw"))
CASUALTY_FIELDS = ("claim_id", "victims", "outcome", "min", "max", "qualifier", "casualty_id", "raw", "victims_raw",
                   "start", "end", "category", "side", "scope", "headline", "part")


def claim_id(doc_id: str, start: int, end: int, sentence: str) -> str:
    """Stable claim id from the document and the sentence it rests on: "c" +
    12 hex digits of a hash of the parts, each as text, joined by NUL (one
    f-string, not a join of a map of `str`: an id per claim and per figure)."""
    return "c" + blake2b(f"{doc_id}\x00{start}\x00{end}\x00{sentence}".encode(), digest_size=6).hexdigest()


def _casualty_id(cid: str, k: CasualtyMention) -> str:
    """Stable casualty id from its claim and the figure ("k" + hash, as `claim_id`)."""
    return "k" + blake2b(f"{cid}\x00{k.start}\x00{k.end}\x00{k.outcome}\x00{k.victims}".encode(),
                         digest_size=6).hexdigest()


# --- per sentence -------------------------------------------------------------------

@dataclass
class _Claim:
    start: int
    end: int
    paragraph: int
    index: int
    attribution: Attribution
    row: list[Any]  # the claim's row, fields CLAIM_FIELDS (the last four set at the end)
    casualties: list[CasualtyMention] = field(default_factory=list)
    mentions: list[tuple] = field(default_factory=list)  # (mention, offset, role, inherited) it names or inherits
    scopes: list[str] = field(default_factory=list)  # scope of each casualty figure: event | total
    headline: bool = False  # the claim rests on the document's headline
    unplaced: bool = False  # tells no act of its own and points at no place told before: no context place, no document's


@dataclass
class _Context:
    """What a reader carries from sentence to sentence."""

    date: _dt.date | None = None  # date in force in the document (for "a day later")
    doc_date: DateMention | None = None  # last day-precision date named in the document
    dateline: tuple[int, int] = (-1, -1)
    para: int = -1
    para_date: DateMention | None = None
    para_places: list[PlaceMention] = field(default_factory=list)
    para_places_raw: str = ""
    para_fields: tuple[list[PlaceMention], tuple[Any, ...]] | None = None  # `_place_fields` of a para_places list
    # the places of the last running total (its own, else those it took) and whether it had none: the next running
    # total that names none is of the same tally while no sentence has named a place since (`named`)
    tally: tuple[list[PlaceMention], bool] | None = None
    named: int = 0  # sentences that named a place so far
    tally_named: int = -1  # `named` when `tally` was set
    para_target: tuple[tuple[str, str], ...] = ()
    last_group: str = ""
    places: list[PlaceMention] = field(default_factory=list)  # every place named in the document
    governorates: frozenset[str] = frozenset()  # the governorates of `places`
    casualty_places: list[PlaceMention] = field(default_factory=list)  # places named beside a death toll
    free_mentions: list[tuple] = field(default_factory=list)  # mentions in sentences that carry no claim
    listing: tuple[str, str, str] | None = None  # (outcome, scope, kind) of a list whose items follow ("as follows:")
    last_figure: tuple[str, str, str] = ()  # (victims, category, side) of the last figure told
    last_counted: bool = False  # the last claim counted over a lasting period (a running total, or a period's count of acts)
    last_act: DateMention | None = None  # the own date of the last claim that told an act (None: it had none)
    told: list[tuple[DateMention, str]] = field(default_factory=list)  # dates set in force that are a telling's day, and its frame
    headline: tuple[int, int] = (-1, -1)  # span of the headline in the text
    para_first: bool = True  # no claim of the paragraph yet
    para_background: bool = False  # the paragraph opened with a background claim (what went before the news)
    women_unit: tuple[str, str] = ()  # (actor, side) of a unit of women fighters the last sentence named
    victims: tuple[tuple, VictimContext | None] = ((), None)  # the last VictimContext and its fields (frozen: reused while they hold)


def _best_date(mentions: list[DateMention]) -> DateMention | None:
    """The claim's own date: the first resolved mention that is not the start
    of a period ("since March" dates no act)."""
    return next((m for m in mentions if m.date is not None and m.kind != "since"), None)


_NO_PLACE_FIELDS = ("", "unknown", "", None, None)


def _place_fields(places: list[PlaceMention]) -> tuple[Any, ...]:
    """A claim's places, place_precision, governorate, lat and lon (CLAIM_FIELDS' order) from its places."""
    if not places:
        return _NO_PLACE_FIELDS
    if len(places) == 1:  # the common case: the place itself
        p = places[0]
        if p.lat is not None and p.lon is not None:
            return (p.name, p.precision, p.governorate or "", p.lat, p.lon)
        return (p.name, p.precision, p.governorate or "", None, None)
    rank = _PRECISION_RANK
    ordered = sorted(places, key=lambda p: (rank.get(p.precision, 9), p.start))
    names = dict.fromkeys(p.name for p in ordered)  # in order, each once
    # the governorate most of the places lie in (ties: the one named first):
    # "near Fleifel and Saraqib in southeastern Idlib ... and Kafr Taal in
    # western Aleppo" is an Idlib claim even if Kafr Taal is the most precise
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for p in places:
        g = p.governorate
        if g:
            if g in counts:
                counts[g] += 1
                if p.start < first[g]:
                    first[g] = p.start
            else:
                counts[g], first[g] = 1, p.start
    gov = min(counts, key=lambda g: (-counts[g], first[g])) if counts else ""
    # the coordinates: of the most precise geocoded place in that governorate, else of the most precise one
    geo = fallback = None
    for p in ordered:
        if p.lat is not None and p.lon is not None:
            if p.governorate == gov:
                geo = p
                break
            if fallback is None:
                fallback = p
    geo = geo or fallback
    return (";".join(names), ordered[0].precision, gov, geo.lat if geo else None, geo.lon if geo else None)


def _women_unit(actors: list[ActorMention], knowledge: Knowledge) -> tuple[str, str]:
    """(actor, side) of the first actor the sentence names by an alias of
    actors.yaml `women_units` ("members of the YPJ"), or ()."""
    units = knowledge.derived(_women_units)
    if not units:
        return ()
    return next(((a.name, a.side) for a in actors if norm_phrase(a.raw) in units), ())


def _women_units(knowledge: Knowledge) -> frozenset[str]:
    return frozenset(norm_phrase(u) for u in knowledge.actors.get("women_units") or ())


def _targets(roles_target: str, actors: list[ActorMention]) -> tuple[tuple[str, str], ...]:
    """The sentence's target as (name, kind), for resolving generic victims."""
    if not roles_target:
        return ()
    kind = next((a.kind for a in actors if a.name == roles_target), "")
    return ((roles_target, kind),)


def extract_document(doc: DocumentInput, *, knowledge: Knowledge) -> DocumentExtract:
    """Claims, casualty and mention rows (CLAIM_FIELDS, CASUALTY_FIELDS,
    MENTION_COLUMNS), problems and main governorate of one document."""
    text = doc.text or ""
    ctx = _Context(dateline=_dateline_span(doc))
    title = _title_span(doc, text)
    sentences = _cut_sentences(split_sentences(text, knowledge=knowledge), ctx.dateline, title, text,
                               knowledge=knowledge, outlet=doc.outlet)
    if ctx.dateline[0] >= 0 and doc.published is not None and doc.published_precision in ("day", "estimated"):
        ctx.date = doc.published  # the date line sets the date in force ("a day later")
    ctx.headline = title if title[0] >= 0 else _first_line_headline(sentences, text)
    texts = [text[s.start:s.end] for s in sentences]
    head_start, head_end = ctx.headline
    items = sum(1 for s in sentences if head_start >= 0 and head_start <= s.start and s.end <= head_end)
    attributions = attribute(texts, outlet=doc.outlet, knowledge=knowledge, headline_items=max(items, 1))
    claims: list[_Claim] = []
    problems: list[dict] = []
    for s, sent_text, attribution in zip(sentences, texts, attributions):
        try:
            _process_sentence(doc, s, sent_text, attribution, ctx, claims, knowledge)
        except Exception as exc:  # degrade locally: one odd sentence never loses the document
            problems.append({
                "path": f"{doc.path or doc.doc_id}#sentence={s.index}",
                "reason": f"sentence skipped by extraction: {type(exc).__name__}: {exc}",
                "stage": "extract",
                "severity": "warning",
            })
    governorate = dominant_governorate(ctx.places + ctx.casualty_places, knowledge=knowledge) or ""
    _repeated_figures(text, claims)
    _share_categories(claims, knowledge)
    _breakdowns(claims)
    _former_roles(text, claims, knowledge)
    problems += _headline_disagreements(doc, claims, knowledge)
    claim_rows, casualty_rows = [], []
    mention_rows: list[tuple] = []
    _mention_rows(doc.doc_id, "", ctx.free_mentions, mention_rows)
    for c in claims:
        row = c.row
        if governorate and not row[_GOVERNORATE] and not row[_PLACES] and not c.unplaced:
            row[_GOVERNORATE], row[_GOV_SOURCE] = governorate, "document"
        sentence = text[c.start:c.end]
        cid = claim_id(doc.doc_id, c.start, c.end, sentence)
        row += (cid, c.start, c.end, sentence)
        claim_rows.append(row)
        for k, scope in zip(c.casualties, c.scopes):
            casualty_rows.append((cid, k.victims, k.outcome, k.min, k.max, k.qualifier,
                                  _casualty_id(cid, k), k.raw, k.victims_raw,
                                  k.start, k.end, k.category, k.side, scope, c.headline, k.part))
        _mention_rows(doc.doc_id, cid, c.mentions, mention_rows)
    return DocumentExtract(claim_rows, casualty_rows, problems, governorate, mention_rows)


def _cut_sentences(sentences: list[Sentence], dateline: tuple[int, int], title: tuple[int, int],
                   text: str, *, knowledge: Knowledge | None = None, outlet: str = "") -> list[Sentence]:
    """The sentences with the publication date line cut out of the one that
    holds it ("Sun 10 Jul 2016 29 Syria Rebels Dead ..." -> "29 Syria Rebels
    Dead ..."), a sentence that runs on from the headline split where the
    headline ends, and (given the knowledge) a sentence that gives two voices
    two accounts cut into one piece per voice (`attribution.voice_parts`:
    "Activists said the jets were regime aircraft | while local sources blamed
    Russian aircraft"): a date line is not a claim, nor part of one, the
    headline's figures are told apart from the body's, and each voice's
    account is a claim with its own source that can be compared with the
    other's."""
    a, b = dateline
    t = title[1]
    out: list[Sentence] = []
    cut = False
    for s in sentences:
        if not ((a >= 0 and s.start < b and a < s.end) or s.start < t < s.end):
            pieces = [s]
        else:
            pieces = []
            cut = True
            spans = [(s.start, s.end)]
            if a >= 0 and s.start < b and a < s.end:
                spans = [(s.start, a), (b, s.end)]
            if t >= 0:
                spans = [q for lo, hi in spans for q in (((lo, t), (t, hi)) if lo < t < hi else ((lo, hi),))]
            for lo, hi in spans:
                lo, hi = max(lo, s.start), min(hi, s.end)
                while lo < hi and (text[lo].isspace() or text[lo] in ",.;:-–—|"):
                    lo += 1
                while hi > lo and text[hi - 1].isspace():
                    hi -= 1
                if hi - lo >= 2:
                    pieces.append(Sentence(lo, hi, 0, s.paragraph))
        if knowledge is not None and (s.start < t if t >= 0 else s.index == 0):  # the headline only
            pieces = _headline_items(pieces, text, knowledge)
            cut = cut or len(pieces) > 1
        for p in pieces:
            voices = voice_parts(text[p.start:p.end], outlet=outlet, knowledge=knowledge) if knowledge is not None else ()
            if voices:
                cut = True
                out += [Sentence(p.start + lo, p.start + hi, 0, p.paragraph) for lo, hi in voices]
            else:
                out.append(p)
    if not cut:
        return sentences
    return [s if s.index == i else Sentence(s.start, s.end, i, s.paragraph) for i, s in enumerate(out)]


def _headline_items(pieces: list[Sentence], text: str, knowledge: Knowledge) -> list[Sentence]:
    """`pieces` with a one-line headline that tells two acts cut into one
    sentence per act (`sentences.headline_parts`: "Regime officer killed
    near the airport | Regime forces shell two villages"), so each act's
    actors and figures stay its own and the main incident follows the act
    the headline leads with."""
    out: list[Sentence] = []
    for p in pieces:
        parts = headline_parts(text, p.start, p.end, knowledge=knowledge,
                               tells_act=lambda item: _tells_act(item, knowledge),
                               opens_act=lambda item: _opens_act(item, knowledge))
        out += [Sentence(a, b, 0, p.paragraph) for a, b in parts] if parts else [p]
    return out


def _tells_act(item: str, knowledge: Knowledge) -> bool:
    """Whether a headline item tells an act of its own: an actor doing it
    ("Regime forces shell ...") or a casualty figure ("Regime officer killed
    ..."); not a label that names an act ("ISIS attack"), a place or an outlet."""
    return find_roles(item, knowledge=knowledge).perpetrator_cue == "agent" \
        or bool(find_casualties(item, knowledge=knowledge))


def _opens_act(words: str, knowledge: Knowledge) -> bool:
    """Whether words open with an actor doing an act ("regime forces shell
    Kansafra", "the SDF shells ..."): the start of a clause of its own."""
    roles = find_roles(words, knowledge=knowledge)
    lead = words[:max(roles.perpetrator_start, 0)].split()
    return roles.perpetrator_cue == "agent" and roles.perpetrator_start >= 0 \
        and len(lead) <= 1 and all(w[:1].islower() for w in lead)


_TERMINAL = ".!?"


def _title_span(doc: DocumentInput, text: str) -> tuple[int, int]:
    """Where the title the documents table gives is printed near the top of
    the text ((-1, -1) when it is not)."""
    title = " ".join((doc.title or "").split())
    if len(title) >= 12:
        at = text.find(title, 0, 600 + len(title))
        if at >= 0:
            return at, at + len(title)
    return (-1, -1)


def _hedges_only_an_identity(sent: str, roles: Roles, knowledge: Knowledge) -> bool:
    """Whether every hedge of the sentence only doubts who its target is
    ("Jets struck caves believed to be IS hideouts": the target's name comes
    right after the hedge): the strike is asserted, and its perpetrator with
    it; the target is kept with the hedge's cue beside it. Any other hedge
    ("gunmen believed to be IS members", "jets believed to be Russian",
    "gases believed to be sarin") still hedges the claim."""
    spans = identity_hedges(sent, knowledge=knowledge)
    if not spans or roles.target_start < 0 or any(a < 0 for a, _ in spans):
        return False
    return all(0 <= roles.target_start - b <= _HEDGED_TARGET_REACH
               and not (0 <= roles.perpetrator_start - b <= _HEDGED_TARGET_REACH) for _, b in spans)


_HEDGED_TARGET_REACH = 12  # how far after an identity hedge the name it doubts starts ("believed to be ISIS ...")


def _first_line_headline(sentences: Sequence[Sentence], text: str) -> tuple[int, int]:
    """A first line that is a paragraph of its own, short and without a final
    full stop, is the headline ("Homs | Three regime soldiers killed in car
    attack"); (-1, -1) when there is none. A line cut into one piece per
    voice (`_cut_sentences`) is still one line: pieces with no full stop
    between them."""
    n = 1
    while n < len(sentences) and sentences[n].paragraph == sentences[0].paragraph \
            and not any(c in _TERMINAL for c in text[sentences[n - 1].end - 1:sentences[n].start]):
        n += 1
    if n >= len(sentences) or sentences[n].paragraph == sentences[0].paragraph:
        return (-1, -1)
    first, last = sentences[0], sentences[n - 1]
    line = text[first.start:last.end]
    if len(line) <= 200 and line.rstrip()[-1:] not in _TERMINAL:
        return first.start, last.end
    return (-1, -1)


_REPEAT_AFTER = 40   # characters after a figure's phrase that must be repeated word for word ...
_REPEAT_MIN = 20     # ... at least, when the text ends sooner
_SPACES = re.compile(r"\s+")


def _repeated_figures(text: str, claims: Sequence[_Claim]) -> None:
    """Drop from each claim a figure that repeats one told before it in the
    claim: the same phrase, outcome, victims and count, and the text after
    the phrase the same as after the earlier one for `_REPEAT_AFTER`
    characters (a lede printed twice in one sentence span: "Nearly 30
    terrorists have been killed in an offensive ... Nearly 30 terrorists have
    been killed in an offensive ..."). One figure told twice is one figure,
    never summed; "killed 2 civilians in Atareb and ... killed 2 civilians in
    Sarmin" goes on differently and stays two."""
    for c in claims:
        if len(c.casualties) < 2:
            continue
        keep: list[int] = []
        for i, k in enumerate(c.casualties):
            if not any(_same_passage(text, c.casualties[j], k) for j in keep):
                keep.append(i)
        if len(keep) < len(c.casualties):
            c.casualties[:] = [c.casualties[i] for i in keep]
            c.scopes[:] = [c.scopes[i] for i in keep]


def _same_passage(text: str, a: CasualtyMention, b: CasualtyMention) -> bool:
    """`b` restates `a` word for word (see `_repeated_figures`)."""
    if (a.raw, a.outcome, a.victims, a.min, a.max, a.part) != (b.raw, b.outcome, b.victims, b.min, b.max, b.part) \
            or a.start == b.start:
        return False
    x = _SPACES.sub(" ", text[a.end:a.end + 2 * _REPEAT_AFTER])[:_REPEAT_AFTER]
    y = _SPACES.sub(" ", text[b.end:b.end + 2 * _REPEAT_AFTER])[:_REPEAT_AFTER]
    n = min(len(x), len(y))
    return n >= _REPEAT_MIN and x[:n] == y[:n]


def _share_categories(claims: Sequence[_Claim], knowledge: Knowledge) -> None:
    """A figure whose victims the phrase does not identify ("Five killed",
    "two people", "killing one person") takes the category of the figures of
    other sentences of the report with the same count and outcome that do
    ("Five citizens were killed"): a report tells the same victims in its
    headline, sub-headlines and body, and relays others' accounts of them.
    Several categories for one count, or "another three", "more people":
    left alone. "others" after a figure so identified follow it ("killing
    one person injuring three others"). A running total (scope total)
    takes none: the same count in two items of a monthly tally ("January:
    three people dead", "April: ... including three women") is two
    periods' victims, not one group retold. Nor a figure whose phrase names
    its people's nationality ("three people of non-Syrian nationalities":
    actors.yaml `nationality_nouns`): it says who they were."""
    told: dict[tuple[str, int | None, int | None], dict[int, set[tuple[str, str]]]] = {}
    for n, c in enumerate(claims):
        for k in c.casualties:
            if k.category != "unknown" and k.min:
                told.setdefault((k.outcome, k.min, k.max), {}).setdefault(n, set()).add((k.category, k.side))
    if not told:
        return
    nationality = frozenset(w.lower() for w in knowledge.actors.get("nationality_nouns") or ())
    for n, c in enumerate(claims):
        shared = None
        for i, (k, sc) in enumerate(zip(c.casualties, c.scopes)):
            if k.category != "unknown" or not k.min or k.victims not in ("people", "") or sc == "total":
                continue
            if k.victims_raw and not nationality.isdisjoint(w.lower() for w in _WORDS.findall(k.victims_raw)):
                continue  # "three people of non-Syrian nationalities": told as who they were
            if shared is not None and _OTHERS_RAW.match(k.victims_raw or ""):
                got: set[tuple[str, str]] = {shared}
            elif _ANOTHER.search(f"{k.raw} {k.victims_raw}"):
                continue  # "another three were killed": other victims
            else:  # figures of the sentence itself with the same count are other victims
                got = set().union(*(v for m, v in told.get((k.outcome, k.min, k.max), {}).items() if m != n))
            if got and len({cat for cat, _ in got}) == 1:
                cat, side = sorted(got)[0]
                c.casualties[i] = replace(k, category=cat, side=side if len(got) == 1 else "")
                shared = (cat, side if len(got) == 1 else "")


_BREAKDOWN_REACH = 4  # the items of a breakdown follow its total within this many claims


def _breakdowns(claims: Sequence[_Claim]) -> None:
    """Figures of people told in the sentences right after a toll of
    civilians whose counts add up to it ("At least 51 civilians were killed.
    Raids left 15 people dead ... Nine civilians died ... Another 27 people
    were killed": 15 + 9 + 27 = 51) are those civilians, told place by
    place: people of no category among them are civilians (the README's
    category from the text's identification of the same victims). The items:
    whole figures of the total's outcome and scope, at least two, of
    civilians or of people of no category, one after another with no other
    figure between."""
    for n, c in enumerate(claims):
        for k, sc in zip(c.casualties, c.scopes):
            if k.category != "civilians" or k.part or not k.min or (k.max is not None and k.max != k.min):
                continue
            items: list[tuple[_Claim, int]] = []
            total = 0
            for later in claims[n + 1:n + 1 + _BREAKDOWN_REACH]:
                for i, (f, fsc) in enumerate(zip(later.casualties, later.scopes)):
                    if f.part:
                        continue
                    if f.outcome != k.outcome or fsc != sc or f.min is None or f.min != f.max or not (
                            f.category == "civilians" or (f.category == "unknown" and f.victims == "people")):
                        total = k.min + 1  # another figure between: no breakdown
                        break
                    items.append((later, i))
                    total += f.min
                if total >= k.min:
                    break
            if total != k.min or len(items) < 2:
                continue
            for later, i in items:
                f = later.casualties[i]
                if f.category == "unknown":
                    later.casualties[i] = replace(f, category="civilians")


_WORDS = regex(r"[\w'’-]+")
_OTHERS_RAW = regex(r"(?i)^(?:\w+\s+)?others?$")
_ANOTHER = regex(r"(?i)\b(?:another|other|others|more|further|additional)\b")


def _headline_disagreements(doc: DocumentInput, claims: Sequence[_Claim], knowledge: Knowledge) -> list[dict]:
    """A warning for each headline figure that no body figure of the same
    outcome allows, when the body gives figures of that outcome ("headline:
    5 killed; body: at least 7 killed"): both stay in the tables. A part
    ("three of them were children") is no toll to set against another. A
    body figure that tells the headline's count rounded allows it
    (`rounded_apart`: "100 killed" over "killed more than 100")."""
    heads = [(c, k) for c in claims if c.headline for k, sc in zip(c.casualties, c.scopes)
             if sc == "event" and not k.part and k.min is not None and (k.min or k.max)]
    head = [k for _, k in heads]
    if not head:
        return []
    body: dict[str, list[CasualtyMention]] = {}
    parts: dict[str, list[CasualtyMention]] = {}   # a part may bear the headline out, never contradict it
    for c in claims:
        if c.headline or c.row[_KIND] != "event":
            continue
        for k, sc in zip(c.casualties, c.scopes):
            if sc == "event" and k.min is not None and (k.min or k.max):
                (parts if k.part else body).setdefault(k.outcome, []).append(k)
    kinds, tolerance = knowledge.derived(_rounding)

    def borne_out(k: CasualtyMention) -> bool:
        return any(_ranges_meet(k, o) or rounded_apart(_bounds(k, kinds), _bounds(o, kinds), tolerance=tolerance)
                   for o in body.get(k.outcome, []) + parts.get(k.outcome, []))

    borne = [(c, k) for c, k in heads if borne_out(k)]

    def another_act(c: _Claim, k: CasualtyMention) -> bool:
        # "Strikes kill 10 in Aleppo, shelling kills 3 in Damascus": a figure told with an act of its own
        # beside one the body bears out is that act's, which the body may not tell; "kill 10 in Aleppo, 30 in
        # Idlib" is one act's list, and its 30 still has to meet the body's figures
        for bc, bk in borne:
            if bk.outcome != k.outcome:
                continue
            if bc is not c:
                return True  # another item of a headline cut into one sentence per act
            lo, hi = sorted((bk.end, k.start)) if bk.start < k.start else sorted((k.end, bk.start))
            if event_type((doc.text or "")[c.start:c.end][lo:hi], knowledge=knowledge) is not None:
                return True
        return False

    out = []
    for c, k in heads:
        others = body.get(k.outcome, [])
        if not others or borne_out(k) or another_act(c, k):
            continue   # a headline rounds: 'more than 100' in the body bears out its '100'
        said = "; ".join(dict.fromkeys(o.raw for o in others[:3]))
        out.append({
            "path": doc.path or doc.doc_id,
            "reason": f"headline and body disagree: the headline's {k.raw!r} ({_range_text(k)} {k.outcome}) "
                      f"against the body's {said!r}",
            "stage": "extract",
            "severity": "warning",
        })
    return out


def rounded_apart(a: tuple[int, int | None, str], b: tuple[int, int | None, str], *, tolerance: float) -> str:
    """How two figures whose ranges do not meet may tell one count rounded,
    or '': ``bound`` when one is a 'more than N' bound (qualifier kind
    ``gt``, numbers.yaml `qualifiers`) at the other's exact count ('more
    than 70' beside 70); ``approx`` when one is an 'about N' estimate (kind
    ``approx``) within `tolerance` of the other (a share of the larger
    figure, at least one: 'about a hundred' beside 'more than 100'). Each
    figure is (min, max or None when open, its qualifier's kind). The one
    rule of the headline check (a headline rounds) and of compare (a
    rounded figure is no other count)."""
    lo, hi = (a, b) if a[0] <= b[0] else (b, a)   # lo lies wholly below hi
    if lo[1] is None:
        return ""
    gap = hi[0] - lo[1]
    if hi[2] == "gt" and lo[0] == lo[1] and gap == 1:
        return "bound"
    if "approx" in (a[2], b[2]) and gap <= max(1.0, tolerance * max(lo[1], hi[0])):
        return "approx"
    return ""


def _rounding(knowledge: Knowledge) -> tuple[dict[str, str], float]:
    """Qualifier phrase -> kind (numbers.yaml `qualifiers`) and how far an
    'about N' figure may be off (align.yaml `compare.approx_tolerance`)."""
    kinds = {" ".join(str(k).lower().split()): str(v) for k, v in (knowledge.numbers.get("qualifiers") or {}).items()}
    return kinds, float(((knowledge.align or {}).get("compare") or {}).get("approx_tolerance", 0.0))


def _bounds(k: CasualtyMention, kinds: dict[str, str]) -> tuple[int, int | None, str]:
    return k.min or 0, k.max, kinds.get(" ".join(k.qualifier.lower().split()), "")


def _ranges_meet(a: CasualtyMention, b: CasualtyMention) -> bool:
    ha = a.max if a.max is not None else float("inf")
    hb = b.max if b.max is not None else float("inf")
    return (a.min or 0) <= hb and (b.min or 0) <= ha


def _range_text(k: CasualtyMention) -> str:
    if k.max is None:
        return f"at least {k.min}"
    return str(k.min) if k.min == k.max else f"{k.min}-{k.max}"


MENTION_COLUMNS = ("doc_id", "claim_id", "kind", "name", "raw", "start", "end", "role", "admin1", "lat", "lon",
                   "precision", "type", "entry", "inherited", "side", "score", "cue")


def _mention_rows(doc_id: str, cid: str, mentions: Iterable[tuple[PlaceMention | ActorMention, int, str, bool]],
                  out: list[tuple]) -> None:
    """Append to `out` the `mentions` rows (MENTION_COLUMNS) of a claim's (or
    no claim's) place and actor mentions, each (mention, offset, role,
    inherited): `offset` shifts its offsets into the document (actors are
    found per sentence)."""
    append = out.append
    for m, offset, role, inherited in mentions:
        if isinstance(m, PlaceMention):
            append((doc_id, cid, "place", m.name, m.raw, m.start + offset, m.end + offset, role, m.governorate or "",
                    m.lat, m.lon, m.precision, m.kind, m.source, inherited, "", m.score, m.cue))
        else:
            append((doc_id, cid, "actor", m.name, m.raw, m.start + offset, m.end + offset, role, "", None, None, "",
                    m.kind, "", inherited, m.side, None, ""))


_LIST_HEAD = regex(r"[:：]\W*$")  # "... and they are as follows: •"
_LIST_ITEM = regex(r"^\W*(?:\d|[A-Za-z]+[\s-])")  # "• 165 civilians, ...", "Four ex-ISIS members."
_BULLETS = regex(r"^[\W_]*$")  # a line of bullets or dashes only
_NO_CONTEXT_DATE = frozenset({"background", "running_total", "future"})
_CONTEXT_ONLY = frozenset({"month", "year"})  # precisions a sentence without a claim does not put in force
# what went before the news ("Israel seized the Golan in the Six-Day War of 1967") happened on no day the
# report's sentences around it name: a background claim without a date of its own is left undated
# a tally ("Accordingly, the number of attacks since early 2022 has reached 55", "• January: three attacks
# left ...") counts over its own period, not on the day in force before it: a day it inherited would read as
# the day's toll in the tables (audit19: 78 of 120 FA-KES running totals, 43 of 127 UCDP ones, took one)
_NO_INHERITED_DAY = frozenset({"background", "running_total"})
# a statement ("'We will not accept this,' he said") is dated by the day it was made, not by the day of the act in
# force before it (`dates.statement_takes_day`)
_TOLD_DAY_ONLY = frozenset({"statement"})
_ONE_ACT_KINDS = frozenset({"event", "background"})  # kinds that tell one act an anaphor can point back to
# claims that tell no act of their own there (a quote, background, a tally, the future) take the places of their
# paragraph, and the document's governorate, only when they point back at them (`places.points_at_context_place`)
_NO_CONTEXT_PLACE = frozenset({"statement", "background", "future", "running_total"})
_NOT_WHERE = frozenset({"running_total"})  # a tally over a period names no place of the report's news
# nor a background sentence (what went before the news) past the lede (`main_place.lead_chars`; a lede
# the kind reader calls background, "civilians continue to face bombardment", still frames the news)
_NOT_WHERE_PAST_LEAD = frozenset({"background"})


def _without_speaker_periods(sent: str, dates: list[DateMention], attribution: Attribution) -> list[DateMention]:
    """`dates` without a period ("since 2018") told in an appositive between
    the speaker and its reporting verb ("Officials of the council, displaced
    since 2018, said ...", "The group, active since 2012, said ..."): it
    describes who speaks, and makes the claim no state that has lasted since
    then."""
    if not attribution.raw or not attribution.verb or not any(d.kind == "since" for d in dates):
        return dates
    at = sent.find(attribution.raw)
    if at < 0:
        return dates
    end = at + len(attribution.raw)
    verb = sent.find(attribution.verb, end)
    gap = sent[end:verb] if verb >= 0 else ""
    if not (gap.lstrip().startswith(",") and gap.rstrip().endswith(",")):
        return dates
    return [d for d in dates if not (d.kind == "since" and end <= d.start and d.end <= verb)]


def _process_sentence(doc: DocumentInput, s, sent: str, attribution: Attribution, ctx: _Context,
                      claims: list[_Claim], knowledge: Knowledge,
                      part: tuple[int, int, int, int] | None = None) -> None:
    if s.paragraph != ctx.para:
        ctx.para, ctx.para_date, ctx.para_places, ctx.para_places_raw, ctx.para_target = s.paragraph, None, [], "", ()
        ctx.para_first, ctx.para_background = True, False
    words = sentence_words(sent)  # what the stages' cue gates look up, computed once
    dates = []
    for d in find_dates(sent, knowledge=knowledge, published=doc.published, published_precision=doc.published_precision,
                        context=ctx.date, words=words):
        if d.start + s.start < ctx.dateline[1] and d.end + s.start > ctx.dateline[0]:
            continue  # the date line dates the article, not an event
        dates.append(d)
    if dates:
        dates = period_starts(sent, dates, knowledge=knowledge, words=words)  # "since the signing of the March 5 agreement" dates no act
        # "a barrel bomb killed 11 on December 28" in a November report: last December's act, not an announced item
        dates = past_act_dates(sent, dates, knowledge=knowledge, published=doc.published,
                               published_precision=doc.published_precision)
        dates = _without_speaker_periods(sent, dates, attribution)
    places = find_places(sent, knowledge=knowledge, offset=s.start,
                         known_governorates=ctx.governorates, words=words)
    if len(places) > 1:
        places = without_section_label(sent, places, knowledge=knowledge, offset=s.start)
    actors = find_actors(sent, knowledge=knowledge, words=words)
    headline = ctx.headline[0] >= 0 and s.start < ctx.headline[1] and ctx.headline[0] < s.end
    other_part: tuple[int, int] | None = None  # the clause of the sentence's other act (sentence offsets)
    aside_places: list[PlaceMention] = []  # places of that clause: the report names them, this claim does not
    if part is None:
        split = _second_act_split(sent, s.start, places, actors, headline, knowledge)
        if split is not None:
            end, cut, body, shared = split
            if any(k.start >= cut for k in find_casualties(sent, knowledge=knowledge, words=words)):
                # a second act told with figures of its own: each act its own claim (its toll is not the
                # first's), the second sharing the first's subject when it names none of its own
                _process_sentence(doc, s, sent, attribution, ctx, claims, knowledge, part=(0, end, cut, len(sent)))
                _process_sentence(doc, s, sent, attribution, ctx, claims, knowledge,
                                  part=(body, len(sent), shared, body))
                if places:  # the sentences after it take the places it named, as of one that tells one act
                    ctx.para_places, ctx.para_places_raw = places, ";".join(p.raw for p in places)
                return
            other_part = (cut, len(sent))
            aside_places = [p for p in places if cut <= p.start - s.start]
            places = [p for p in places if p.start - s.start < cut]
            aside_actors = [a for a in actors if cut <= a.start]
            actors = [a for a in actors if a.start < cut]
            ctx.free_mentions.extend((m, 0, "", False) for m in aside_places)
            ctx.free_mentions.extend((a, s.start, "", False) for a in aside_actors)
    else:  # one act of a sentence that tells two: its clause's places and figures, its actors and shared subject
        other_part = (part[2], part[3])
        places = [p for p in places if part[0] <= p.start - s.start < part[1]]
        actors = [a for a in actors if not part[2] <= a.start < part[3]]
    ctx.places.extend(places)
    ctx.places.extend(aside_places)
    if places:
        ctx.named += 1
        named_governorates = {m.governorate for m in places if m.governorate}
        if not named_governorates <= ctx.governorates:
            ctx.governorates = ctx.governorates | named_governorates
    clauses = other_act_clauses(sent, knowledge=knowledge, words=words)  # relative clauses telling another act
    if other_part is None:
        roles = find_roles(sent, actors, knowledge=knowledge, words=words, clauses=clauses)
    else:  # the act's own clause read alone (with the subject it shares): the other's words frame none of its roles
        clauses = sorted([*clauses, other_part])
        roles = _clause_roles(sent, actors, other_part, knowledge)
    targets = _targets(roles.target, actors)
    listing = ctx.listing
    item = listing is not None and _LIST_ITEM.match(sent) is not None
    list_outcome = listing[0] if item and listing is not None else ""
    key = (targets, ctx.para_target, ctx.last_group, list_outcome, ctx.last_figure, headline or None, ctx.women_unit)
    victim_ctx = ctx.victims[1]
    if victim_ctx is None or key != ctx.victims[0]:  # most sentences tell the same context as the one before
        victim_ctx = VictimContext(targets=targets, previous_targets=ctx.para_target, last_group=ctx.last_group,
                                   list_outcome=list_outcome, previous_figure=ctx.last_figure, headline=headline or None,
                                   women_unit=ctx.women_unit)
        ctx.victims = (key, victim_ctx)
    casualties = find_casualties(sent, knowledge=knowledge, context=victim_ctx, offset=s.start, words=words)
    if part is not None and casualties:  # the figures of this act's clause
        casualties = [k for k in casualties if part[0] <= k.start - s.start < part[1]]
    ctx.women_unit = _women_unit(actors, knowledge)
    event = event_type(sent, knowledge=knowledge, clauses=clauses, words=words)
    attributed = attribution.cue != "outlet"
    keep = bool(casualties) or event is not None or (attributed and len(sent.split(None, 4)) >= 5)  # 5+ words
    # "Russian aircraft were not used in the area": a known actor denied an act
    denied = (find_denied_act(sent, [(a.start, a.end) for a in actors], knowledge=knowledge, words=words)
              if actors else None)
    keep = keep or denied is not None
    cumulative = cumulative_cue(sent, knowledge=knowledge, dates=dates, published=doc.published, words=words) if keep else None
    if item and listing is not None:
        scopes = [listing[1]] * len(casualties)
    elif casualties and ctx.last_counted and refers_to_counted_acts(sent, knowledge=knowledge, words=words,
                                                                    own_act=bool(dates or places)):
        # "These attacks left 17 people dead" after a count of acts over a period
        # ("attacks since January have reached 54"): the toll of the acts just counted
        scopes = ["total"] * len(casualties)
    elif casualties:
        scopes = figure_scopes(sent, [(k.start - s.start, k.end - s.start) for k in casualties], knowledge=knowledge,
                               dates=dates, published=doc.published, zero=[k.qualifier == "none" for k in casualties],
                               cumulative=cumulative)
    else:
        scopes = []
    cap = knowledge.derived(_largest_act_toll)  # read and checked once per knowledge object
    if casualties and cap is not None and any(sc == "event" and _too_large(k, cap) for k, sc in zip(casualties, scopes)):
        # "more than 146000 people have been killed": no one act's toll, a war's
        scopes = ["total" if sc == "event" and _too_large(k, cap) else sc for k, sc in zip(casualties, scopes)]
    if casualties and any(k.outcome in ("killed", "killed_or_injured") and (k.min or 0) > 0 and sc == "event"
                          for k, sc in zip(casualties, scopes)):
        ctx.casualty_places.extend(places)
    st = stance(sent, verb=attribution.verb, knowledge=knowledge, words=words)
    if st.hedged and st.hedge_cue != attribution.verb and _hedges_only_an_identity(sent, roles, knowledge):
        # the act and its perpetrator are asserted; the doubt about who it hit stays in hedge_cue (UCDP's
        # coders take "caves believed to be IS hideouts" as a strike on IS too; dropping the target lost it)
        st = replace(st, hedged=False)
    if denied is not None and not st.negated:
        st = replace(st, negated=True, negation_cue=denied.cue)
    date = _best_date(dates) if dates else None
    announced = None  # a day after the report's own: an announced item's, no act's told as done ("scheduled for April 10")
    if date is not None and ahead_of_publication(date, doc.published, doc.published_precision):
        announced = date
        date = _best_date([m for m in dates if not ahead_of_publication(m, doc.published, doc.published_precision)])
    told = ""  # the frame of a telling's day, the sentence's first date ("said on Tuesday")
    own_day = None  # the day the complement gives the act told
    if date is not None and date.precision == "day":
        telling = telling_dates(sent, dates, knowledge=knowledge, speaker=attribution.raw)
        span = next(((a, b) for m, a, b in telling if m == date), None)
        if span is not None:  # the act's day, when the complement surely gives one ("said Thursday that ... on Wednesday")
            told = sent[span[0]:span[1]]
            own_day = act_day_after_telling(sent, date, max(span[1], date.end), dates, knowledge=knowledge)
    recalled = None  # the act "that attack" points back to, the last one told: its date, and the anaphor
    if date is None and keep and ctx.last_act is not None:
        anaphor = act_anaphor(sent, knowledge=knowledge, words=words)
        recalled = (ctx.last_act, anaphor) if anaphor else None
    if st.negated and date is not None:
        # a denial comes on or after the act it denies: "denied on Wednesday ...
        # the explosion that hit Afrin on Tuesday" is about Tuesday's act
        days = [m for m in dates if m.date is not None and m.kind != "since" and m.precision == "day"]
        earliest = min(days, key=lambda m: (m.date, m.start), default=None)
        if earliest is not None and date.precision == "day" and earliest.date < date.date:
            date, told, own_day = earliest, "", None  # the denied act's own day, not the denial's
    named = [(p, 0, "", False) for p in places]
    if actors:
        named += _actor_mentions(actors, roles, casualties, s.start, denied.actor_start if denied else -1)
    kind = None
    if keep:
        if item and listing is not None and casualties:
            kind = ClaimKind(listing[2], "list item")
        else:
            kind = claim_kind(sent, knowledge=knowledge, scopes=scopes, figure_starts=[k.start - s.start for k in casualties],
                              date=date or (recalled[0] if recalled else None), dates=dates, published=doc.published,
                              names_event=bool(casualties) or event is not None
                              or roles.perpetrator_cue in ("blamed", "responsible") or denied is not None,
                              negated=st.negated,
                              negation_cue=st.negation_cue, cumulative=cumulative, words=words)
            if kind.kind == "running_total" and not kind.cue and cap is not None:
                big = next((k for k in casualties if _too_large(k, cap)), None)
                if big is not None:
                    kind = ClaimKind("running_total", big.raw)  # the figure too large for one act
        if announced is not None and date is None and kind.kind == "future":
            date = announced  # the future's own day
        if told and own_day is not None and kind.kind == "event":
            date, told = own_day, ""  # "said on Thursday that an air strike late on Wednesday ...": the act's day

    if kind is not None and places and (kind.kind in _NOT_WHERE or (
            kind.kind in _NOT_WHERE_PAST_LEAD and s.start >= knowledge.places_lexicon["main_place"]["lead_chars"])):
        del ctx.places[len(ctx.places) - len(places):]  # its places make no main governorate
    # update the reader's context with what this sentence names
    for a in actors:
        if a.kind == "armed_group":
            ctx.last_group = a.name
    if targets:
        ctx.para_target = targets
    dated = date is not None and (kind is None or kind.kind not in _NO_CONTEXT_DATE)
    if dated and date is not None and told:
        ctx.told.append((date, told))  # the sentences after it tell the act as told that day, no surer
    if dated and date is not None and date.kind != "since" and date.precision == "day":
        ctx.date = date.date
        ctx.doc_date = date
    if casualties:
        last = next((k for k in reversed(casualties) if not k.part), casualties[-1])   # a whole, not its part
        ctx.last_figure = (last.victims, last.category, last.side)
        if len({k.category for k in casualties if not k.part}) > 1:
            # "... left eight civilians and 14 combatants dead. In addition, 13 others were injured": others
            # told after wholes of both are of both, unknown (as within one sentence)
            ctx.last_figure = ("people", "unknown", "")
    if kind is not None:
        ctx.last_counted = kind.kind == "running_total" or (cumulative is not None and cumulative[2])
    if casualties and _LIST_HEAD.search(sent) and kind is not None:
        ctx.listing = (casualties[-1].outcome, scopes[-1], kind.kind)
        # the items are of the header's whole, not of a part told after it ("20 people, including nine civilians,
        # as follows: ..." lists people, not civilians)
        whole = next((k for k in casualties if not k.part), casualties[-1])
        ctx.last_figure = (whole.victims, whole.category, whole.side)
    elif not (item and casualties) and not _BULLETS.match(sent):
        ctx.listing = None

    prev = claims[-1] if claims else None
    if (prev is not None and prev.paragraph == s.paragraph and prev.index == s.index - 1 and casualties
            and not attributed and not dates and not places and not roles.perpetrator and not item
            and _same_scope(prev, scopes)
            and not _turns_from(prev, attribution, casualties, sent, knowledge)):
        _continue_claim(prev, s, _retold_bodies(prev, casualties, knowledge, sent), scopes, st, event)
        prev.mentions.extend(named)
        return

    if keep and (event is not None or casualties) and (kind is None or kind.kind in _ONE_ACT_KINDS) \
            and not (scopes and all(sc == "total" for sc in scopes)):
        # an act told, not a tally ("In 2014 alone, 76,000 were killed"): what "that attack" after it points back to
        ctx.last_act = recalled[0] if recalled else (date if date is not None and not told and date.kind != "since" else None)
    unplaced = False
    context_places: list[PlaceMention] = []
    if keep and kind is not None and not places:
        context_places, unplaced = _context_places(sent, kind, ctx, knowledge, words)
    if keep and kind is not None and kind.kind == "running_total":
        # a tally's head and lines: the lines after it that name no place are of its places
        ctx.tally = (places, False) if places else (context_places, unplaced)
        ctx.tally_named = ctx.named
    if keep and kind is not None:
        row = _claim_row(doc, s, sent, attribution, st, event, date, places, roles, casualties, targets, ctx,
                         knowledge, kind, words, context_places)
        if told and kind.kind == "event":  # the day it was told, not the act's: the report's date, as written
            row[_DATE_PRECISION], row[_DATE_RAW] = "reported", f"told: {told}"
        elif recalled is not None and recalled[0].date is not None:  # "accused Damascus of that attack": its date
            m, anaphor = recalled
            row[_EVENT_DATE], row[_DATE_PRECISION] = m.date.isoformat(), m.precision
            row[_DATE_RAW] = f"inherited: {m.raw} ({anaphor})"
        if context_places:  # the places it takes from its paragraph (or its tally's head)
            named = [(p, 0, "", True) for p in context_places] + named
        start, end = (s.start + part[0], s.start + part[1]) if part is not None else (s.start, s.end)
        claims.append(_Claim(start, end, s.paragraph, s.index, attribution, row, list(casualties), named,
                             list(scopes), headline, unplaced))
        if ctx.para_first:  # a paragraph that opens with what went before the news goes on about it
            ctx.para_first, ctx.para_background = False, kind.kind == "background"
    else:
        ctx.free_mentions.extend(named)
    # a recap "in June" leaves the paragraph's day in force; a paragraph that opens with an act dated "in
    # February" goes on, as far as its words tell, about February ("Twenty civilians were killed in the shelling"):
    # giving those sentences the report's day would make February's dead that day's
    if dated and date is not None and (kind is not None or date.precision not in _CONTEXT_ONLY) \
            and displaces(date, ctx.para_date):
        # (a sentence that makes no claim tells no act: its month or year is context ("a truce in the city in
        # 2014"), which the acts told after it do not take; its day or week may be theirs ("At the weekend, ...")
        ctx.para_date = date
    if places or aside_places:
        ctx.para_places = places + aside_places
        ctx.para_places_raw = ";".join(p.raw for p in ctx.para_places)


def _clause_roles(sent: str, actors: list[ActorMention], other: tuple[int, int], knowledge: Knowledge) -> Roles:
    """The roles of a sentence read without the words `other` (sentence
    offsets) of another act's clause: "Rebels shelled X and the regime hit Y"
    read as "Rebels shelled X" and as "the regime hit Y", "Jets killed 20 in X
    and bombed Y" as "Jets bombed Y"; mention starts are the sentence's."""
    lo, hi = other
    view = (sent[:lo].rstrip() + " " + sent[hi:].lstrip()).strip() if lo > 0 else sent[hi:]
    shift = len(view) - (len(sent) - hi)  # where the text after the other clause starts in `view`
    head = [a for a in actors if a.end <= lo] if lo > 0 else []
    tail = [replace(a, start=a.start - hi + shift, end=a.end - hi + shift) for a in actors if a.start >= hi]
    roles = find_roles(view, head + tail, knowledge=knowledge)

    def back(at: int) -> int:  # a start in `view` -> in the sentence (the words before the other clause stay)
        return at if at < shift else at - shift + hi
    return replace(roles, perpetrator_start=back(roles.perpetrator_start), target_start=back(roles.target_start))


def _second_act_split(sent: str, offset: int, places: list[PlaceMention], actors: list[ActorMention], headline: bool,
                      knowledge: Knowledge) -> tuple[int, int, int, int] | None:
    """Where a sentence that tells two acts in coordinated clauses
    (`actors.second_act`) is cut, in sentence offsets: (end of the first
    act's words, start of the second clause (its coordinator), start of its
    words after the coordinator, start of what of the first clause the
    second does not share: 0 when it names its own subject, else the first
    act's verb, the subject before it being both acts'); None when it tells
    one act. A second clause with a subject of its own ("and the regime has
    hit rebel areas") tells another act, unless that subject is the first
    act's perpetrator; one without tells another act only when it names
    places, all of them outside the governorates of the places the first
    clause names ("killed 20 in Saraqib in Idlib countryside and targeted
    ISIS positions in Raqqa province"; not "killed 5 in Ariha and wounded
    10" nor "shelled Saraqib and struck Ariha": one act's harm and places)."""
    second = second_act(sent, actors, knowledge=knowledge, headline=headline,
                        place_ends=[p.end - offset for p in places])
    if second is None:
        return None
    end = len(sent[:second.start].rstrip(" ,;"))
    if second.subject is not None:
        first = find_roles(sent, [a for a in actors if a.start < second.start], knowledge=knowledge,
                           clauses=[(second.start, len(sent))])
        if first.perpetrator != second.subject.name:
            return end, second.start, second.subject.start, 0
    before = [p for p in places if p.start - offset < second.start]
    after = [p for p in places if second.start <= p.start - offset < second.end]
    governorates = {p.governorate for p in before if p.governorate}
    if not governorates or not after or not all(p.governorate and p.governorate not in governorates for p in after):
        return None
    return end, second.start, second.verb_start, second.first_verb


def _context_places(sent: str, kind: ClaimKind, ctx: _Context, knowledge: Knowledge,
                    words: frozenset[str]) -> tuple[list[PlaceMention], bool]:
    """The places a claim that names none takes from what the reader
    carries, and whether it is left without any (nor the document's
    governorate): an act's claim takes its paragraph's; one that tells no
    act of its own there (`_NO_CONTEXT_PLACE`) only when it points back at
    a place or an act ("the town", "the victims", "these strikes"); a tally
    after another (no sentence naming a place between) is of the other's
    places, or of none as it was ("• March: two attacks injured two people"
    after "attacks on areas of north-east Syria since January have reached 55")."""
    if kind.kind not in _NO_CONTEXT_PLACE:
        return ctx.para_places, False
    if kind.kind == "running_total" and ctx.tally is not None and ctx.tally_named == ctx.named:
        return ctx.tally
    if points_at_context_place(sent, knowledge=knowledge, words=words):
        return ctx.para_places, False
    return [], True


_HARMED = frozenset({"killed", "injured", "killed_or_injured"})


def _largest_act_toll(knowledge: Knowledge) -> int | None:
    """kinds.yaml `largest_act_toll`: the most killed or injured one act is
    told to have; None when the pack sets none."""
    cap = knowledge.kinds.get("largest_act_toll")
    if cap is None:
        return None
    if isinstance(cap, bool) or not isinstance(cap, int) or cap < 1:
        raise KnowledgeError(f"kinds.yaml: largest_act_toll must be a positive whole number, not {cap!r}")
    return cap


def _former_pattern(knowledge: Knowledge) -> re.Pattern[str] | None:
    words = knowledge.actors.get("former") or ()
    articles = [*(knowledge.numbers.get("singular_articles") or ()), *(knowledge.actors.get("former_pointing") or ())]
    return regex(r"(?i)(?<![\w-])(?:" + "|".join(re.escape(w) for w in articles) + r")\s+(?:"
                 + "|".join(re.escape(w) for w in words)
                 + r")[\s-]+(?P<words>[\w'’-]+(?:\s+[\w'’-]+){0,2})") if words else None


_ROLE_HEAD = regex(r"(?i)^(?:[\w'’-]+\s+)*?(?P<head>[\w'’-]+)(?:\s+(?:of|from|in)\b.*)?$")


def _former_roles(text: str, claims: Sequence[_Claim], knowledge: Knowledge) -> None:
    """A combatant of one person whose noun the report elsewhere calls former,
    of one person too ("Gunmen shoot a former commander of a local faction"
    over "the death of a commander of local factions"; not "four ex-ISIS
    members" of a tally): the report tells one man, no longer of a
    side (actors.yaml `former`: UCDP GED codes the side one was on when
    killed), so unknown, as "a former commander" itself is."""
    ones = [(c, i) for c in claims for i, k in enumerate(c.casualties)
            if k.category == "combatants" and k.min == 1 and k.max == 1 and k.victims_raw]
    rx = knowledge.derived(_former_pattern) if ones else None  # most reports tell no one combatant: no scan
    if rx is None:
        return
    roles = {w.lower() for m in rx.finditer(text) for w in m.group("words").split()}
    if not roles:
        return
    for c, i in ones:
        k = c.casualties[i]
        head = _ROLE_HEAD.match(k.victims_raw.strip())
        if head is not None and head.group("head").lower() in roles:
            c.casualties[i] = replace(k, category="unknown", side="")


def _another_body(knowledge: Knowledge) -> re.Pattern[str]:
    words = knowledge.numbers.get("another_body_cues") or ()
    return regex(r"(?i)" + phrase_pattern(words)) if words else regex(r"(?!)")


def _body_nouns(knowledge: Knowledge) -> re.Pattern[str] | None:
    words = knowledge.numbers.get("body_nouns") or ()
    return regex(phrase_pattern(words)) if words else None


def _retold_bodies(prev: _Claim, casualties: list[CasualtyMention], knowledge: Knowledge,
                   sentence: str = "") -> list[CasualtyMention]:
    """A sentence that goes on a claim and tells one person's body found
    ("Internal Security Forces found a woman's body") after the claim told
    one person of that group killed ("an unidentified woman was killed"):
    the same person, kept as a part (numbers.yaml `body_nouns`), not a
    second death; not after a word that tells another one ("Police also
    found a woman's body", "Separately, ...": numbers.yaml `another_body_cues`)."""
    body = knowledge.derived(_body_nouns)
    if body is None or knowledge.derived(_another_body).search(sentence):
        return casualties
    killed = {k.victims for k in prev.casualties if k.outcome == "killed" and k.min == k.max == 1 and not k.part}
    if not killed:
        return casualties
    return [replace(k, part=True) if (k.outcome == "killed" and k.min == k.max == 1 and not k.part
                                      and k.victims in killed and body.search(k.raw)) else k for k in casualties]


def _turns_from(prev: _Claim, attribution: Attribution, casualties: Sequence[CasualtyMention], sent: str,
                knowledge: Knowledge) -> bool:
    """Whether a figures sentence turns from the claim before it to tell
    its own toll in another voice: it opens with a contrastive connective
    (lexicon `contrast_openers`), counts someone (not "However, no casualties
    were reported", which completes the act told before), and the claim before
    it is spoken by another voice than its own ("The United States claims the
    strikes assist ... However the strikes have killed dozens": the narrator's
    toll, not the US's)."""
    return prev.attribution.source != attribution.source and any(k.qualifier != "none" for k in casualties) \
        and knowledge.derived(_contrast_opener).match(sent) is not None


def _contrast_opener(knowledge: Knowledge) -> re.Pattern[str]:
    """lexicon.yaml `contrast_openers` opening a sentence ("However, ...", "But ...")."""
    words = knowledge.lexicon.get("contrast_openers") or ()
    return regex(r"(?i)\W*" + phrase_pattern(words) + r"(?![\w'’-])") if words else regex(r"(?!)")


def _too_large(k: CasualtyMention, cap: int) -> bool:
    """A killed or injured figure above `cap` (detentions are not bounded)."""
    return k.outcome in _HARMED and (k.min or 0) > cap


def _same_scope(prev: _Claim, scopes: Sequence[str]) -> bool:
    """A figures-only sentence continues the claim before it only when it
    counts the same way: an act's figures an event, totals a running total."""
    kind = prev.row[_KIND]
    if kind == "event":
        return all(sc == "event" for sc in scopes)
    return kind == "running_total" and all(sc == "total" for sc in scopes)


def _actor_mentions(actors: list[ActorMention], roles: Any, casualties: list[CasualtyMention],
                    offset: int, denied_start: int = -1) -> list[tuple[ActorMention, int, str, bool]]:
    """The sentence's actor mentions (with the sentence's offset in the
    document) and their roles: the perpetrator and target `find_roles` chose,
    victims of a casualty figure whose phrase names them, and `denied`: the
    actor a negated act is denied of ("Russian aircraft were not used";
    `events.find_denied_act`, its start in the sentence `denied_start`)."""
    out = []
    for a in actors:
        role = []
        if a.start == denied_start:
            role.append("denied")
        if a.start == roles.perpetrator_start and a.name == roles.perpetrator:
            role.append("perpetrator")
        if a.start == roles.target_start and a.name == roles.target:
            role.append("target")
        if casualties:
            start, end = a.start + offset, a.end + offset
            if any(k.start <= start and end <= k.end and k.victims == a.name for k in casualties):
                role.append("victims")
        out.append((a, offset, ";".join(role), False))
    return out


def _claim_row(doc: DocumentInput, s, sent: str, attribution: Attribution, st, event, date: DateMention | None,
               places: list[PlaceMention], roles, casualties: list[CasualtyMention],
               targets: tuple[tuple[str, str], ...], ctx: _Context, knowledge: Knowledge,
               kind: ClaimKind, words: frozenset[str], context_places: list[PlaceMention]) -> list[Any]:
    # a paragraph that opened with background ("The town has been besieged since 2013.") tells of no day an
    # earlier paragraph named, unless a claim points back at the act ("The attack also wounded ...")
    aside = (ctx.para_background and ctx.para_date is None and ctx.doc_date is not None
             and not recalls_act(sent, knowledge=knowledge, words=words))
    if date is not None:
        event_date, precision, date_raw = date.date.isoformat(), date.precision, date.raw
    elif aside:
        event_date, precision, date_raw = "", "unknown", ""
    elif kind.earlier:
        # "This attack came hours after jets struck the town": the strike is earlier than the day in force
        event_date, precision, date_raw = "", "unknown", ""
    elif (ctx.para_date is not None or ctx.doc_date is not None) and kind.kind not in _NO_INHERITED_DAY and (
            kind.kind not in _TOLD_DAY_ONLY or statement_takes_day(ctx.para_date or ctx.doc_date, doc.published,
                                                                   doc.published_precision, knowledge=knowledge,
                                                                   told=[m for m, _ in ctx.told])):
        inherited = ctx.para_date or ctx.doc_date
        event_date, precision = inherited.date.isoformat(), inherited.precision
        date_raw = f"inherited: {inherited.raw}"
        frame = next((f for m, f in ctx.told if m is inherited), None) if ctx.told and kind.kind == "event" else None
        if frame:  # "..., activists said on Tuesday. The Observatory said 20 were wounded.": the day it was told
            precision, date_raw = "reported", f"inherited: told: {frame}"
    elif kind.kind == "event" and doc.published is not None and doc.published_precision in ("day", "estimated"):
        # an act the report tells without a date: the report's date, marked as such
        event_date, precision = doc.published.isoformat(), "reported"
        shown = doc.published_raw if doc.published_raw and doc.published_raw != "manifest" else doc.published.isoformat()
        date_raw = f"reported: {shown}"
    else:
        event_date, precision, date_raw = "", "unknown", ""
    if places:
        place = _place_fields(places)
        places_raw = ";".join(p.raw for p in places)
        gov_source = "sentence"
    elif context_places:
        if ctx.para_fields is None or ctx.para_fields[0] is not context_places:  # once per list the claims inherit
            ctx.para_fields = (context_places, _place_fields(context_places))
        place = ctx.para_fields[1]
        raw = ctx.para_places_raw if context_places is ctx.para_places else ";".join(p.raw for p in context_places)
        places_raw = f"inherited: {raw}"
        gov_source = "paragraph"
    else:
        place = _NO_PLACE_FIELDS
        places_raw = ""
        gov_source = ""
    if not place[2]:  # no governorate
        gov_source = ""
    target, target_raw = roles.target, roles.target_raw
    if not target:
        named = next((k for k in casualties
                      if k.victims and k.victims_raw and phrase_actors(k.victims_raw, knowledge=knowledge)), None)
        if named is not None:
            target, target_raw = named.victims, named.victims_raw
            if target == "people":   # "417 regime soldiers, loyalists and collaborators": of several groups, the actor named
                target = phrase_actors(named.victims_raw, knowledge=knowledge)[0].name
    causes = find_causes(sent, knowledge=knowledge, words=words)
    etype = event.type if event else ("statement" if attribution.cue != "outlet" and not casualties else "other")
    return [  # CLAIM_FIELDS' order
        doc.doc_id, attribution.source, attribution.source_type, attribution.source_side, doc.outlet,
        st.hedged, st.negated, etype, event_date, precision, *place,
        roles.perpetrator, target, "", s.index, s.paragraph,
        attribution.raw, attribution.person, attribution.via, attribution.cue,
        st.hedge_cue, st.negation_cue, event.cue if event else "", date_raw, places_raw, gov_source,
        roles.perpetrator_raw, target_raw, doc.published.isoformat() if doc.published else "", doc.duplicate_of,
        roles.perpetrator_cue, ";".join(c.cause for c in causes), ";".join(c.raw for c in causes),
        kind.kind, kind.cue,
    ]


def _continue_claim(prev: _Claim, s, casualties: list[CasualtyMention], scopes: Sequence[str], st, event) -> None:
    """Fold a figures-only sentence into the claim before it."""
    prev.end = s.end
    prev.index = s.index
    prev.casualties.extend(casualties)
    prev.scopes.extend(scopes)
    row = prev.row
    row[_HEDGED] = bool(row[_HEDGED] or st.hedged)
    row[_HEDGE_CUE] = row[_HEDGE_CUE] or st.hedge_cue
    row[_NEGATED] = bool(row[_NEGATED] or st.negated)
    row[_NEGATION_CUE] = row[_NEGATION_CUE] or st.negation_cue
    if row[_EVENT_TYPE] in ("other", "statement") and event is not None:
        row[_EVENT_TYPE], row[_EVENT_CUE] = event.type, event.cue


# --- over the documents table ----------------------------------------------------------

def document_inputs(documents: pd.DataFrame) -> Iterator[DocumentInput]:
    """The `documents` table's rows as extraction inputs, in table order."""
    for row in documents.itertuples(index=False):
        published = None
        if cells.text(row.published):
            try:
                published = _dt.date.fromisoformat(row.published)
            except ValueError:
                published = None
        yield DocumentInput(
            doc_id=str(row.doc_id),
            text=cells.text(row.text),
            outlet=cells.text(row.outlet),
            published=published,
            published_precision="unknown" if cells.is_na(row.published_precision) else str(row.published_precision),
            duplicate_of=cells.text(row.duplicate_of),
            path=cells.text(row.path),
            published_raw=cells.text(getattr(row, "published_raw", "")),
            title=cells.text(getattr(row, "title", "")),
        )


CHUNK_DOCS = 1024  # documents per partial table: bounds the rows alive at once


@dataclass(frozen=True)
class ExtractChunk:
    """Partial tables of a run of documents, rows in document order (not yet
    sorted): what a worker sends back. Join them with `combine`."""

    claims: pd.DataFrame
    casualties: pd.DataFrame
    problems: pd.DataFrame
    governorates: tuple[tuple[str, str], ...]  # (doc_id, main governorate) in document order
    mentions: pd.DataFrame = field(default_factory=lambda: schema.empty("mentions"))


def extract_chunk(documents: Sequence[DocumentInput], *, knowledge: Knowledge) -> ExtractChunk:
    """Extract a run of documents into partial tables (contract columns and
    dtypes, rows in document order)."""
    claims: list[list] = []
    casualties: list[tuple] = []
    problems: list[dict] = []
    mentions: list[tuple] = []
    governorates: list[tuple[str, str]] = []
    with older_objects_frozen():
        for doc in documents:
            try:
                r = extract_document(doc, knowledge=knowledge)
            except Exception as exc:  # degrade locally: one odd document never stops the run
                problems.append({
                    "path": doc.path or doc.doc_id,
                    "reason": f"document skipped by extraction: {type(exc).__name__}: {exc}",
                    "stage": "extract",
                    "severity": "skipped",
                })
                governorates.append((doc.doc_id, ""))
                continue
            claims += r.claims
            casualties += r.casualties
            problems += r.problems
            mentions += r.mentions
            governorates.append((doc.doc_id, r.governorate))
    return ExtractChunk(_fields_frame(claims, CLAIM_FIELDS, "claims"), _fields_frame(casualties, CASUALTY_FIELDS, "casualties"),
                        _rows_frame(problems, "problems"), tuple(governorates), _fields_frame(mentions, MENTION_COLUMNS, "mentions"))


@contextlib.contextmanager
def older_objects_frozen() -> Iterator[None]:
    """Keep the objects made before the block out of the cyclic garbage
    collector while it runs (`gc.freeze`, undone after); left alone when the
    caller froze objects itself. While a chunk's documents are read, a full
    collection would walk the compiled knowledge, its memos and the
    documents table, none of which becomes garbage meanwhile; the objects
    the block makes are collected as ever (`engines` uses it for forked
    workers too)."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def combine(chunks: Iterable[ExtractChunk]) -> ExtractResult:
    """Join partial tables given in document order into the extraction result:
    the same tables whichever way the documents were cut into chunks."""
    chunks = list(chunks)
    governorates: dict[str, str] = {}
    for c in chunks:
        governorates.update(c.governorates)
    return ExtractResult(
        claims=_sorted(_concat([c.claims for c in chunks], "claims"), ["doc_id", "start"]),
        casualties=_sorted(_concat([c.casualties for c in chunks], "casualties"), ["claim_id", "start", "outcome"]),
        problems=_sorted(_concat([c.problems for c in chunks], "problems"), ["path"]),
        governorates=pd.Series(governorates, dtype="string"),
        mentions=_sorted(_concat([c.mentions for c in chunks], "mentions"),
                         ["doc_id", "start", "end", "kind", "claim_id", "inherited"]),
    )


def extract(documents: pd.DataFrame, *, knowledge: Knowledge) -> ExtractResult:
    """Claims, casualties and mentions for every document of the `documents` table."""
    docs = list(document_inputs(documents))
    return combine(extract_chunk(docs[i:i + CHUNK_DOCS], knowledge=knowledge) for i in range(0, len(docs), CHUNK_DOCS))


def _rows_frame(rows: list[dict], table: str) -> pd.DataFrame:
    return schema.frame(rows, table)


def _fields_frame(rows: Sequence[Sequence[Any]], fields: Sequence[str], table: str) -> pd.DataFrame:
    """The table of rows laid out as `fields` (every contract column, in any order)."""
    if not rows:
        return schema.empty(table)
    return schema.frame_columns(dict(zip(fields, zip(*rows))), table)


def _concat(frames: list[pd.DataFrame], table: str) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return schema.empty(table)
    if len(frames) == 1:
        return frames[0]
    return pd.concat(frames, ignore_index=True)


def _sorted(df: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    if df.empty:
        return df
    return df.sort_values(order, kind="stable").reset_index(drop=True)
