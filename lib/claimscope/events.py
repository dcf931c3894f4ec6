"""Event type, stated causes and denied acts of a sentence's claim.

The event type is the most specific type whose cue occurs in the sentence
(the knowledge pack's `events.yaml` lists types from most to least specific),
but for an aircraft named only as a flight ("with flight of a Russian
warplane over the region": no airstrike of its own), an aircraft shot down
in a sentence another cue types ("shot down a regime MiG warplane, killing
its pilot": an attack, not the warplane's airstrike) and two means given as
alternatives ("by an air strike or shelling": the pack's `alternatives_type`,
the means left open).
`statement` is left to the caller for attributed sentences that name no event.

A cause is read only where the sentence states one (`events.yaml` `causes`):

* a cause phrase after a cue ("caused by", "due to", "caused when", "died
  of"): `accident` when it names a mishap ("poor safety measures"), else
  `depot_hit` when a strike hits a store of munitions, else the first cause
  category whose cue it holds (an old mine or unexploded ordnance, shot
  down), else its event type ("an airstrike by ..."); after the lexicon's own cues an untyped phrase is
  kept as written, after the others it is dropped;
* an act told after a death or loss ("58 died ... after warplanes bombed the
  city with toxic gas", "crashed after being shot down"), when it names one of
  the categories a source disputes (chemical, depot, old mine, accident, shot
  down) - an ordinary strike there is just the event type;
* a strike said to hit a store of munitions ("struck a warehouse ...
  hitting workshops where munitions were made"): `depot_hit`;
* an aircraft shot down or downed: `shot_down` (the mechanism of the loss);
* the reason given for downing or striking back: `retaliation` ("in
  retaliation for", "downed after the jets attacked", "jets that had attacked
  our aircraft were downed") or `mission` ("while they were carrying out a
  mission").

`find_denied_act` reads an act or instrument denied ("Russian aircraft were
not used", "the army has never used chemical weapons"): the actor named just
before the negated act.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .actors import other_act_clauses
from .knowledge import Knowledge
from .resources import PhraseScan, case_variants, first_chars, norm_phrase, phrase_pattern, regex
from .sentences import Gate, WordGates, sentence_words, word_gates

__all__ = ["EventType", "Cause", "DeniedAct", "event_type", "event_types", "event_label", "find_cause", "find_causes",
           "find_denied_act", "is_act_denial"]


@dataclass(frozen=True)
class EventType:
    type: str
    cue: str


@dataclass(frozen=True)
class Cause:
    cause: str  # an event type, "accident", or the phrase itself
    raw: str


@dataclass(frozen=True)
class DeniedAct:
    cue: str    # the negated act as written ("were not used")
    start: int  # where the negation starts in the sentence
    actor_start: int  # where the denied actor's mention starts (-1: none)


@dataclass(frozen=True)
class _Patterns:
    cues: re.Pattern[str]  # every cue of every type
    cue_words: frozenset[str] | None  # a sentence with none of these words holds no cue (None: no such test)
    cue_scan: PhraseScan  # `cues` tried only where a cue's spelling can begin
    type_of: dict[str, tuple[int, str]]  # lower-cased cue -> (rank, type); rank 0 = most specific
    type_of_spelling: dict[str, tuple[int, str]]  # the same for the spellings `cues` matches, as matched
    cause: re.Pattern[str]
    accident: re.Pattern[str]
    types: tuple[str, ...]  # most specific first, then "statement"
    labels: dict[str, str]  # type -> how a title names it
    cause_cats: tuple[tuple[str, re.Pattern[str]], ...]  # (cause, cue regex), first match wins
    cause_more: re.Pattern[str] | None  # the pack's further cause cues ("caused when", "died of")
    outcome: re.Pattern[str] | None  # "died ... after <phrase>"
    outcome_cats: frozenset[str]
    depot: re.Pattern[str] | None  # a strike hitting a store of munitions
    downed: re.Pattern[str] | None  # an aircraft named beside its downing
    scene: re.Pattern[str] | None  # "where ..." / "after ..." just before: another act's setting
    retaliation: tuple[tuple[re.Pattern[str], Gate], ...]  # (regex, its gate)
    mission: re.Pattern[str] | None
    denied: re.Pattern[str] | None
    denied_gates: tuple[Gate, ...]  # one for each way `denied` matches: it runs when one is open
    denied_max_gap: int
    clause_end: re.Pattern[str]  # where a cause phrase's own clause ends
    gates: dict[str, Gate]  # a cause regex's field name -> its gate
    idle_aircraft: tuple[re.Pattern[str], ...]  # an aircraft seen flying (group 1): its cue types no act
    idle_words: frozenset[str] | None  # a sentence with none of these words has no such aircraft (None: no test)
    lost_aircraft: tuple[re.Pattern[str], ...]  # an aircraft shot down or downed (group 1)
    lost_words: frozenset[str] | None  # a sentence with none of these words downs no aircraft (None: no test)
    alternative: re.Pattern[str] | None  # "or" between two cues: the means left open
    alternative_rank: int  # the rank of the type two alternatives fall back to (-1: none)
    alternative_type: str
    gate_lists: WordGates
    # words a sentence holds one of where a cause regex's / the denied regex's gate
    # is open (None: no such shortcut): two set tests rule out most sentences
    cause_words: frozenset[str] | None
    denied_words: frozenset[str] | None
    downing_type: str = ""  # the type of a downing no other cue types (events.yaml downing_type; "": the aircraft's)
    # "in response to airstrikes by Russian aircraft", "in retaliation for the shelling": the act replied to, to the
    # clause's end (events.yaml causes: retaliation_cues, response_cues)
    reason_clause: re.Pattern[str] | None = None


def _opt(words: list[str] | None) -> str:
    return phrase_pattern(words) if words else r"(?!x)x"


def _words(words: list[str] | None, *, ci: bool = False, bare: bool = False) -> str:
    """The words as one alternation in their written order (inner spaces: any
    whitespace run), case-insensitive with `ci`; `bare`: without the group
    around it. A pattern that never matches when there are none."""
    if not words:
        return "" if bare else r"(?!x)x"
    alt = "|".join(r"\s+".join(map(re.escape, str(w).split())) for w in words)
    if bare:
        return alt
    return f"(?i:{alt})" if ci else f"(?:{alt})"


def _open_words(lists: WordGates, gates: Sequence[Gate]) -> frozenset[str] | None:
    """Words a sentence holds one of wherever one of `gates` is open: of each
    gate, the index keys of one of its lists (the one with fewest). A list is
    met only where a sentence holds one of its spellings, whose every letter
    run, its key among them, is one of the sentence's words. None when a
    gate needs nothing (always open)."""
    keys: dict[int, set[str]] = {}
    for key, entries in lists.index.items():
        for i, _ in entries:
            keys.setdefault(i, set()).add(key)
    out: set[str] = set()
    for gate in gates:
        if not gate:
            return None
        out |= keys.get(min(gate, key=lambda i: (len(keys.get(i, ())), i)), set())
    return frozenset(out)


def _build_patterns(knowledge: Knowledge) -> _Patterns:
    data = knowledge.events
    lex = knowledge.lexicon
    type_of: dict[str, tuple[int, str]] = {}
    for rank, e in enumerate(data["event_types"]):
        for cue in e["cues"]:
            type_of.setdefault(norm_phrase(cue), (rank, e["type"]))
    c = data.get("causes") or {}
    phrase = r"\s+(?P<phrase>[^,;.!?]{3,120})"
    gap = r"[^.;!?]{0,160}?"
    cats = tuple((str(k["cause"]), regex(phrase_pattern(k["cues"]))) for k in c.get("categories", ()))
    downs = c.get("responses") or []
    hostile = _opt(c.get("hostile_acts"))
    reason_cues = [*(c.get("retaliation_cues") or ()), *(c.get("response_cues") or ())]
    retaliation = []
    if c.get("retaliation_cues"):
        retaliation.append((regex(phrase_pattern(c["retaliation_cues"])), (c["retaliation_cues"],)))
    if c.get("response_cues") and c.get("hostile_nouns"):
        retaliation.append((regex(phrase_pattern(c["response_cues"]) + r"\s+(?:[\w'’-]+\s+){0,4}?"
                                  + phrase_pattern(c["hostile_nouns"])), (c["response_cues"], c["hostile_nouns"])))
    if downs and c.get("hostile_acts"):
        # "shot down ... after the jets attacked", "downed after it violated"
        retaliation.append((regex(phrase_pattern(downs) + gap + "(?P<why>" + _opt(c.get("response_links")) + r"\s+"
                                  r"(?:" + _words(c.get("response_pronouns")) + "|" + _words(c.get("response_determiners"), ci=True)
                                  + r"\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+" + hostile + ")"),
                            (downs, c.get("response_links"), c["hostile_acts"])))
        # "the jets that had attacked our aircraft were downed"
        retaliation.append((regex(r"(?<![\w-])" + _words(c.get("relative_words"), ci=True) + r"\s+" + hostile
                                  + r"[^.;!?]{0,100}?(?<![\w-])" + _words(c.get("passive_auxiliaries"), ci=True) + r"\s+"
                                  + phrase_pattern(downs)),
                            (c["hostile_acts"], downs)))
    mission = None
    if c.get("mission_verbs") and c.get("mission_nouns"):
        # "while they were carrying out", "when the jets were on a mission"
        dets = _words(c.get("mission_subject_determiners"), bare=True)
        subject = "|".join(w for w in (_words(c.get("mission_pronouns"), bare=True),
                                       f"(?:{dets})" + r"\s+[\w-]+" if dets else "") if w)
        mission = regex(_opt(c.get("mission_links")) + r"\s+(?:(?i:" + (subject or "(?!x)x") + r")\s+)?(?:"
                        + _words(c.get("mission_auxiliaries"), ci=True) + r"\s+)?"
                        + phrase_pattern(c["mission_verbs"]) + r"\s+(?:" + _words(c.get("mission_determiners"), ci=True)
                        + r"\s+)?(?:[\w-]+\s+){0,2}?" + phrase_pattern(c["mission_nouns"]))
    depot = None
    d = c.get("depot") or {}
    if d:
        depot = regex(phrase_pattern(d["strikes"]) + r"\s+(?:[\w'’-]+\s+){0,6}?" + phrase_pattern(d["stores"])
                      + r"(?:\s+[\w'’-]+){0,5}?\s+" + phrase_pattern(d["contents"])
                      + "|" + phrase_pattern(d["strikes"]) + r"\s+(?:[\w'’-]+\s+){0,4}?" + phrase_pattern(d["contents"])
                      + r"\s+(?:[\w'’-]+\s+){0,1}?" + phrase_pattern(d["stores"]))
    outcome = None
    if c.get("outcome_words") and c.get("outcome_links"):
        outcome = regex(phrase_pattern(c["outcome_words"]) + gap + phrase_pattern(c["outcome_links"]) + phrase)
    da = data.get("denied_acts") or {}
    denied = None
    if da:
        denied = regex("(?:" + phrase_pattern(da["negators"]) + r"\s+(?:" + phrase_pattern(da.get("between") or [])
                       + r"\s+){0,2}" + phrase_pattern(da["acts"]) + "|" + phrase_pattern(da.get("no_part") or []) + ")")
    # the word lists each regex needs a phrase of: it runs only on a sentence
    # holding one phrase of each (most name no cause; see `sentences.word_gates`)
    needs: dict[str, tuple[list[str] | None, ...]] = {
        "cause": (lex["cause_cues"],),
        "cause_more": (c.get("cue_phrases"),),
        "outcome": (c.get("outcome_words"), c.get("outcome_links")),
        "depot": (d.get("strikes"), d.get("stores"), d.get("contents")),
        "downed": (c.get("aircraft"), c.get("downing")),
        "mission": (c.get("mission_links"), c.get("mission_verbs"), c.get("mission_nouns")),
    }
    denied_needs = [(da.get("negators"), da.get("acts")), (da.get("no_part"),)] if da else []
    gate_lists, gates = word_gates([*needs.values(), *(n for _, n in retaliation), *denied_needs])
    named = dict(zip(needs, gates))
    retaliation_gates = gates[len(needs):len(needs) + len(retaliation)]
    all_cues = [c for e in data["event_types"] for c in e["cues"]]
    cues = regex(phrase_pattern(all_cues))
    alt_type = str(data.get("alternatives_type") or "")
    ranks = {e["type"]: rank for rank, e in enumerate(data["event_types"])}
    idle = data.get("aircraft_not_striking") or {}
    idle_aircraft: tuple[re.Pattern[str], ...] = ()
    idle_words = _cue_words(idle.get("flights") or []) if idle else None
    if idle.get("flights"):
        aircraft = phrase_pattern([*(c.get("aircraft") or []), *(idle.get("aircraft_extra") or [])])
        acts = phrase_pattern(idle["flights"])
        craft = aircraft + r"(?:[\s-]+" + aircraft + ")*"  # "a regime MiG warplane": the whole run
        # the span of the aircraft and the words after the flight ("with flight of a Russian warplane")
        idle_aircraft = (regex(acts + rf"(\s+(?:[\w'’-]+\s+){{0,{int(idle.get('after_words', 3))}}}?" + craft + ")"),)
    lost_aircraft: tuple[re.Pattern[str], ...] = ()
    lost_words = _cue_words(idle.get("losses") or []) if idle else None
    if idle.get("losses"):
        craft = phrase_pattern([*(c.get("aircraft") or []), *(idle.get("aircraft_extra") or [])])
        craft = craft + r"(?:[\s-]+" + craft + ")*"
        losses = phrase_pattern(idle["losses"])
        # "downed an Iranian-made armed drone" (the object) | "the drone was downed", "jets shot down" (before it)
        lost_aircraft = (regex(losses + rf"(\s+(?:[\w'’-]+\s+){{0,{int(idle.get('loss_after_words', 5))}}}?" + craft + ")"),
                         regex("(" + craft + rf"(?:\s+[\w'’-]+){{0,{int(idle.get('loss_before_words', 2))}}}?)\s+" + losses))
    return _Patterns(
        idle_aircraft=idle_aircraft,
        idle_words=idle_words,
        lost_aircraft=lost_aircraft,
        lost_words=lost_words,
        alternative=regex(r"\s+" + phrase_pattern(data["alternative_links"]) + r"\s+(?:[\w'’-]+\s+){0,2}?")
        if data.get("alternative_links") and alt_type in ranks else None,
        alternative_rank=ranks.get(alt_type, -1),
        alternative_type=alt_type,
        cues=cues,
        cue_words=_cue_words(all_cues),
        cue_scan=PhraseScan(cues, all_cues),
        type_of=type_of,
        type_of_spelling={v: type_of[norm_phrase(v)] for e in data["event_types"] for cue in e["cues"]
                          for v in case_variants(cue) if norm_phrase(v) in type_of},
        cause=regex(phrase_pattern(lex["cause_cues"]) + r"\s+(?P<phrase>[^,;.!?]{3,120})"),
        accident=regex(phrase_pattern(lex["accident_words"])),
        types=tuple(e["type"] for e in data["event_types"]) + ((str(data["downing_type"]),) if data.get("downing_type") else ())
        + ("statement",),
        downing_type=str(data.get("downing_type") or ""),
        labels=dict(data.get("title_labels") or {}),
        cause_cats=cats,
        cause_more=regex(phrase_pattern(c["cue_phrases"]) + phrase) if c.get("cue_phrases") else None,
        outcome=outcome,
        outcome_cats=frozenset(c.get("outcome_categories") or ()),
        depot=depot,
        downed=regex(phrase_pattern(c["aircraft"]) + r"\s+(?:[\w'’-]+\s+){0,6}?" + phrase_pattern(c["downing"])
                     + "|" + phrase_pattern(c["downing"]) + r"\s+(?:[\w'’-]+\s+){0,5}?" + phrase_pattern(c["aircraft"]))
        if c.get("downing") and c.get("aircraft") else None,
        scene=regex(r"(?<![\w-])" + phrase_pattern(c["scene_setters"]) + r"(?:\s+[\w'’-]+){0,8}?\s*$")
        if c.get("scene_setters") else None,
        retaliation=tuple((rx, g) for (rx, _), g in zip(retaliation, retaliation_gates)),
        mission=mission,
        denied=denied,
        denied_gates=tuple(gates[len(needs) + len(retaliation):]),
        denied_max_gap=int(da.get("max_gap_words", 3)) if da else 0,
        clause_end=regex(r"\s" + _opt(c.get("clause_ends")) + r"\s"),
        gates=named,
        gate_lists=gate_lists,
        cause_words=_open_words(gate_lists, [*named.values(), *retaliation_gates]),
        denied_words=_open_words(gate_lists, gates[len(needs) + len(retaliation):]),
        reason_clause=regex(first_chars(reason_cues) + phrase_pattern(reason_cues) + r"[^,;:.!?()]*")
        if reason_cues else None,
    )


def event_types(knowledge: Knowledge) -> tuple[str, ...]:
    """The event-type vocabulary, most specific first, plus `statement`."""
    return knowledge.derived(_build_patterns).types


def event_label(etype: str, *, knowledge: Knowledge) -> str:
    """How a title names an event type ("drone strike", "IED attack")."""
    return knowledge.derived(_build_patterns).labels.get(etype, etype.replace("_", " "))


def _cue_words(cues: list[str]) -> frozenset[str] | None:
    """`sentences.word_gates` keys of the event cues: each spelling the cue
    regex matches has its longest letter run among a sentence's words, so a
    sentence whose words hold none of them holds no cue. None when a cue has
    no letters (no word tells it is there)."""
    lists, needs = word_gates([(cues,)])
    return lists.keys if needs[0] else None


def event_type(sentence: str, *, knowledge: Knowledge, clauses: list[tuple[int, int]] | None = None,
               words: frozenset[str] | None = None) -> EventType | None:
    """The most specific event type cued in `sentence`, with its cue word; a
    cue inside a relative clause that tells another act of its noun ("the
    jets that had attacked ... were downed, one of which had shot down a
    drone": `actors.other_act_clauses`, `clauses` when already computed)
    does not type the sentence, nor does a cue in the reason the act replies
    to ("in response to airstrikes by ...") when a cue outside it types it.
    `words`: the sentence's `sentence_words`
    when already computed."""
    p = knowledge.derived(_build_patterns)
    if words is not None and p.cue_words is not None and p.cue_words.isdisjoint(words):
        return None  # no event cue's word: the cue regex cannot match
    if clauses is None:
        clauses = other_act_clauses(sentence, knowledge=knowledge, words=words)
    idle = [] if words is not None and p.idle_words is not None and p.idle_words.isdisjoint(words) else \
        [m.span(1) for rx in p.idle_aircraft for m in rx.finditer(sentence)]  # "with flight of a warplane"
    lost = [] if words is not None and p.lost_words is not None and p.lost_words.isdisjoint(words) else \
        [m.span(1) for rx in p.lost_aircraft for m in rx.finditer(sentence)]  # "shot down a regime MiG warplane"
    reasons = [] if p.reason_clause is None else [m.span() for m in p.reason_clause.finditer(sentence)]
    got = _event_type(sentence, p, clauses + reasons, words, idle + lost) if reasons else None
    # "fired artillery shells on regime positions in response to airstrikes by Russian aircraft": the act
    # replied to does not type the act told, unless no other cue does ("in retaliation for the shelling")
    got = got or _event_type(sentence, p, clauses, words, idle + lost)
    if got is None and lost:  # a downing the sentence tells no other act of: a shoot-down, not the aircraft's strike
        got = _event_type(sentence, p, clauses, words, idle)
        if got is not None and p.downing_type:
            got = EventType(p.downing_type, got.cue)
    return got


def _event_type(sentence: str, p: _Patterns, skip: list[tuple[int, int]] | None = None,
                words: frozenset[str] | None = None, idle: list[tuple[int, int]] | None = None) -> EventType | None:
    """The most specific cue's type; cues starting inside `skip` or
    overlapping `idle` (an aircraft seen flying) are set aside; two
    cues of means given as alternatives ("an air strike or shelling") give
    the pack's `alternatives_type`."""
    best: tuple[int, int, str, str] | None = None  # (rank, position, type, cue)
    prev: tuple[int, int, int, str] | None = None  # (start, end, rank, type) of the cue kept before
    kept: list[tuple[int, int, int, str, str]] = []  # (start, end, rank, type, cue) of every cue kept
    pair: tuple[int, int] | None = None  # span of two means given as alternatives
    for m in p.cue_scan.finditer(sentence, words):
        if skip and any(a <= m.start() < b for a, b in skip):
            continue
        if idle and any(a < m.end() and m.start() < b for a, b in idle):
            continue  # "with flight of a Russian warplane over the region"
        cue = m.group(0)
        rank, etype = p.type_of_spelling.get(cue) or p.type_of[norm_phrase(cue)]  # odd spacing: normalised
        if (pair is None and prev is not None and p.alternative is not None and prev[3] != etype
                and max(rank, prev[2]) < p.alternative_rank and p.alternative.fullmatch(sentence, prev[1], m.start())):
            pair = (prev[0], m.end())
        prev = (m.start(), m.end(), rank, etype)
        kept.append((m.start(), m.end(), rank, etype, cue))
        if best is None or rank < best[0]:
            best = (rank, m.start(), etype, cue)
    if pair is not None:
        # "by an air strike or shelling": the source leaves the means open, unless a cue outside the pair
        # types the act ("Jets struck Ariha with missiles or barrel bombs" is an airstrike)
        outside = [k for k in kept if (k[1] <= pair[0] or k[0] >= pair[1]) and k[2] < p.alternative_rank]
        if not outside:
            return EventType(p.alternative_type, sentence[pair[0]:pair[1]])
        r, _, etype, cue = min((k[2], k[0], k[3], k[4]) for k in outside)
        return EventType(etype, cue)
    return EventType(best[2], best[3]) if best else None


def _type_phrase(phrase: str, p: _Patterns) -> str:
    """The cause a phrase names: a cause category, an event type, `accident`, or ''."""
    if p.accident.search(phrase):
        return "accident"
    if p.depot is not None and p.depot.search(phrase):
        return "depot_hit"
    for cause, rx in p.cause_cats:
        if rx.search(phrase):
            return cause
    et = _event_type(phrase, p)
    return et.type if et is not None else ""


def find_cause(sentence: str, *, knowledge: Knowledge) -> Cause | None:
    """The first stated cause of the event in `sentence` (see `find_causes`)."""
    got = find_causes(sentence, knowledge=knowledge)
    return got[0] if got else None


def find_causes(sentence: str, *, knowledge: Knowledge, words: frozenset[str] | None = None) -> list[Cause]:
    """The causes `sentence` states, at most one mechanism and one reason
    (module docstring), mechanism first; `words`: the sentence's
    `sentence_words` when already computed."""
    p = knowledge.derived(_build_patterns)
    if words is None:
        words = sentence_words(sentence)
    if p.cause_words is not None and p.cause_words.isdisjoint(words):
        return []  # no cause regex's gate is open
    met = p.gate_lists.met(words)
    gates = p.gates
    mechanism: Cause | None = None
    m = p.cause.search(sentence) if gates["cause"] <= met else None
    if m is not None:   # the lexicon's cues: an untyped phrase is kept as written
        phrase = m.group("phrase").strip()
        mechanism = Cause(_type_phrase(phrase, p) or phrase.lower(), phrase)
    for rx, gate in ((p.cause_more, gates["cause_more"]), (p.outcome, gates["outcome"])):
        if mechanism is None and rx is not None and gate <= met:
            m = rx.search(sentence)
            if m is not None:
                phrase = p.clause_end.split(m.group("phrase"), maxsplit=1)[0].strip()   # its own clause only
                cause = _type_phrase(phrase, p) if len(phrase) >= 3 else ""
                if cause and (rx is p.cause_more or cause in p.outcome_cats):
                    mechanism = Cause(cause, phrase)
    if mechanism is None and p.depot is not None and gates["depot"] <= met:
        m = p.depot.search(sentence)
        if m is not None:
            mechanism = Cause("depot_hit", m.group(0))
    if mechanism is None and p.downed is not None and gates["downed"] <= met:
        m = p.downed.search(sentence)
        if m is not None and not (p.scene is not None and p.scene.search(sentence, max(0, m.start() - 80), m.start())):
            mechanism = Cause("shot_down", m.group(0))
    reason: Cause | None = None
    for rx, gate in p.retaliation:
        m = rx.search(sentence) if gate <= met else None
        if m is not None:
            reason = Cause("retaliation", m.group("why") if "why" in m.groupdict() else m.group(0))
            break
    if reason is None and p.mission is not None and gates["mission"] <= met:
        m = p.mission.search(sentence)
        if m is not None:
            reason = Cause("mission", m.group(0))
    return [c for c in (mechanism, reason) if c is not None]


_GAP_WORD = re.compile(r"[\w'’-]+")
_GAP_BREAK = re.compile(r"[,;:.!?()\"“”]")   # punctuation between an actor and its denial: another clause


def find_denied_act(sentence: str, actor_spans: list[tuple[int, int]], *, knowledge: Knowledge,
                    words: frozenset[str] | None = None) -> DeniedAct | None:
    """The act `sentence` denies an actor ("Russian aircraft were not used",
    "its fighters took no part in"), when one of `actor_spans` (the actors'
    (start, end) in the sentence) ends at most the pack's `max_gap_words`
    words before the negation, with no punctuation between; else None.
    `words`: the sentence's `sentence_words` when already computed."""
    p = knowledge.derived(_build_patterns)
    if p.denied is None or not actor_spans:
        return None
    if words is None:
        words = sentence_words(sentence)
    if p.denied_words is not None and p.denied_words.isdisjoint(words):
        return None  # no gate of the denied regex is open
    met = p.gate_lists.met(words)
    if not any(gate <= met for gate in p.denied_gates):
        return None
    for m in p.denied.finditer(sentence):
        best = -1
        for a, b in actor_spans:
            if b > m.start():
                continue
            between = sentence[b:m.start()]
            if _GAP_BREAK.search(between) or len(_GAP_WORD.findall(between)) > p.denied_max_gap:
                continue
            best = max(best, a)
        if best >= 0:
            return DeniedAct(m.group(0), m.start(), best)
    return None


def is_act_denial(cue: str, *, knowledge: Knowledge) -> bool:
    """Whether a negation cue (claims.negation_cue) is a negated act read by
    `find_denied_act` ("were not used")."""
    p = knowledge.derived(_build_patterns)
    return bool(cue) and p.denied is not None and p.denied.fullmatch(cue.strip()) is not None
