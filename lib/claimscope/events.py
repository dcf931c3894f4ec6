"""Event type, stated causes and denied acts of a sentence's claim.

The event type is the most specific type whose cue occurs in the sentence
(the knowledge pack's `events.yaml` lists types from most to least specific).
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

from .knowledge import Knowledge
from .resources import case_variants, norm_phrase, phrase_pattern, regex
from .sentences import sentence_words

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
class _Phrases:
    """A word list's phrases as the sets of lower-case letter runs of their
    spellings (`case_variants`), indexed by their longest run."""

    by_key: dict[str, tuple[frozenset[str], ...]]
    keys: frozenset[str]

    def met_by(self, words: frozenset[str]) -> bool:
        """Whether `words` hold every run of one of the phrases."""
        if self.keys.isdisjoint(words):
            return False
        return any(runs <= words for k in self.keys.intersection(words) for runs in self.by_key[k])


# A regex's gate: the word lists each of its matches needs a phrase of. The
# regex runs only on a sentence whose words (`sentences.sentence_words`) hold
# one phrase of each: most sentences name no cause, and a set lookup is far
# cheaper than a search. Exact, as a phrase matches as whole words: the letter
# runs of its spelling are letter runs of the sentence.
Gate = tuple[_Phrases, ...]


def _gate(*lists: list[str] | None) -> Gate:
    gate = []
    for phrases in lists:
        spellings = {frozenset(_LETTERS.findall(v.lower())) for p in phrases or () for v in case_variants(str(p))}
        if frozenset() in spellings:  # a phrase without letters: no word tells it is there
            continue
        by_key: dict[str, set[frozenset[str]]] = {}
        for runs in spellings:
            by_key.setdefault(max(sorted(runs), key=len), set()).add(runs)
        gate.append(_Phrases({k: tuple(v) for k, v in by_key.items()}, frozenset(by_key)))
    return tuple(gate)


def _open(gate: Gate, words: frozenset[str]) -> bool:
    for g in gate:
        if g.keys.isdisjoint(words) or not g.met_by(words):  # most gates close at the first test
            return False
    return True


_LETTERS = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class _Patterns:
    cues: re.Pattern[str]  # every cue of every type
    type_of: dict[str, tuple[int, str]]  # lower-cased cue -> (rank, type); rank 0 = most specific
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
    retaliation: tuple[tuple[re.Pattern[str], Gate], ...]
    mission: re.Pattern[str] | None
    denied: re.Pattern[str] | None
    denied_gates: tuple[Gate, ...]  # one for each way `denied` matches: it runs when one is open
    denied_max_gap: int
    clause_end: re.Pattern[str]  # where a cause phrase's own clause ends
    gates: dict[str, Gate]  # a cause regex's field name -> its gate


def _opt(words: list[str] | None) -> str:
    return phrase_pattern(words) if words else r"(?!x)x"


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
    retaliation = []
    if c.get("retaliation_cues"):
        retaliation.append((regex(phrase_pattern(c["retaliation_cues"])), _gate(c["retaliation_cues"])))
    if c.get("response_cues") and c.get("hostile_nouns"):
        retaliation.append((regex(phrase_pattern(c["response_cues"]) + r"\s+(?:[\w'’-]+\s+){0,4}?"
                                  + phrase_pattern(c["hostile_nouns"])), _gate(c["response_cues"], c["hostile_nouns"])))
    if downs and c.get("hostile_acts"):
        # "shot down ... after the jets attacked", "downed after it violated"
        retaliation.append((regex(phrase_pattern(downs) + gap + "(?P<why>" + _opt(c.get("response_links")) + r"\s+"
                                  r"(?:it|they|(?i:the|its|their)\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+" + hostile + ")"),
                            _gate(downs, c.get("response_links"), c["hostile_acts"])))
        # "the jets that had attacked our aircraft were downed"
        retaliation.append((regex(r"(?<![\w-])(?i:that|which)\s+" + hostile + r"[^.;!?]{0,100}?(?<![\w-])"
                                  r"(?i:was|were|had\s+been|has\s+been|have\s+been)\s+" + phrase_pattern(downs)),
                            _gate(c["hostile_acts"], downs)))
    mission = None
    if c.get("mission_verbs") and c.get("mission_nouns"):
        mission = regex(_opt(c.get("mission_links")) + r"\s+(?:(?i:it|they|he|the\s+[\w-]+)\s+)?(?:(?i:was|were)\s+)?"
                        + phrase_pattern(c["mission_verbs"]) + r"\s+(?:(?i:a|an|its|their|his|the)\s+)?(?:[\w-]+\s+){0,2}?"
                        + phrase_pattern(c["mission_nouns"]))
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
    return _Patterns(
        cues=regex(phrase_pattern([c for e in data["event_types"] for c in e["cues"]])),
        type_of=type_of,
        cause=regex(phrase_pattern(lex["cause_cues"]) + r"\s+(?P<phrase>[^,;.!?]{3,120})"),
        accident=regex(phrase_pattern(lex["accident_words"])),
        types=tuple(e["type"] for e in data["event_types"]) + ("statement",),
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
        retaliation=tuple(retaliation),
        mission=mission,
        denied=denied,
        denied_gates=(_gate(da.get("negators"), da.get("acts")), _gate(da.get("no_part"))) if da else (),
        denied_max_gap=int(da.get("max_gap_words", 3)) if da else 0,
        clause_end=regex(r"\s" + _opt(c.get("clause_ends")) + r"\s"),
        gates={
            "cause": _gate(lex["cause_cues"]),
            "cause_more": _gate(c.get("cue_phrases")),
            "outcome": _gate(c.get("outcome_words"), c.get("outcome_links")),
            "depot": _gate(d.get("strikes"), d.get("stores"), d.get("contents")),
            "downed": _gate(c.get("aircraft"), c.get("downing")),
            "mission": _gate(c.get("mission_links"), c.get("mission_verbs"), c.get("mission_nouns")),
        },
    )


def event_types(knowledge: Knowledge) -> tuple[str, ...]:
    """The event-type vocabulary, most specific first, plus `statement`."""
    return knowledge.derived(_build_patterns).types


def event_label(etype: str, *, knowledge: Knowledge) -> str:
    """How a title names an event type ("drone strike", "IED attack")."""
    return knowledge.derived(_build_patterns).labels.get(etype, etype.replace("_", " "))


def event_type(sentence: str, *, knowledge: Knowledge) -> EventType | None:
    """The most specific event type cued in `sentence`, with its cue word."""
    return _event_type(sentence, knowledge.derived(_build_patterns))


def _event_type(sentence: str, p: _Patterns) -> EventType | None:
    best: tuple[int, int, str, str] | None = None  # (rank, position, type, cue)
    for m in p.cues.finditer(sentence):
        rank, etype = p.type_of[norm_phrase(m.group(0))]
        if best is None or rank < best[0]:
            best = (rank, m.start(), etype, m.group(0))
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
    gates = p.gates
    mechanism: Cause | None = None
    m = p.cause.search(sentence) if _open(gates["cause"], words) else None
    if m is not None:   # the lexicon's cues: an untyped phrase is kept as written
        phrase = m.group("phrase").strip()
        mechanism = Cause(_type_phrase(phrase, p) or phrase.lower(), phrase)
    for rx, gate in ((p.cause_more, gates["cause_more"]), (p.outcome, gates["outcome"])):
        if mechanism is None and rx is not None and _open(gate, words):
            m = rx.search(sentence)
            if m is not None:
                phrase = p.clause_end.split(m.group("phrase"), maxsplit=1)[0].strip()   # its own clause only
                cause = _type_phrase(phrase, p) if len(phrase) >= 3 else ""
                if cause and (rx is p.cause_more or cause in p.outcome_cats):
                    mechanism = Cause(cause, phrase)
    if mechanism is None and p.depot is not None and _open(gates["depot"], words):
        m = p.depot.search(sentence)
        if m is not None:
            mechanism = Cause("depot_hit", m.group(0))
    if mechanism is None and p.downed is not None and _open(gates["downed"], words):
        m = p.downed.search(sentence)
        if m is not None and not (p.scene is not None and p.scene.search(sentence, max(0, m.start() - 80), m.start())):
            mechanism = Cause("shot_down", m.group(0))
    reason: Cause | None = None
    for rx, gate in p.retaliation:
        m = rx.search(sentence) if _open(gate, words) else None
        if m is not None:
            reason = Cause("retaliation", m.group("why") if "why" in m.groupdict() else m.group(0))
            break
    if reason is None and p.mission is not None and _open(gates["mission"], words):
        m = p.mission.search(sentence)
        if m is not None:
            reason = Cause("mission", m.group(0))
    return [c for c in (mechanism, reason) if c is not None]


_GAP_WORD = re.compile(r"[\w'’-]+")


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
    if not any(_open(g, words) for g in p.denied_gates):
        return None
    for m in p.denied.finditer(sentence):
        best = -1
        for a, b in actor_spans:
            if b > m.start():
                continue
            between = sentence[b:m.start()]
            if re.search(r"[,;:.!?()\"“”]", between) or len(_GAP_WORD.findall(between)) > p.denied_max_gap:
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
