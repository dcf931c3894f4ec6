"""Event type and stated cause of a sentence's claim.

The event type is the most specific type whose cue occurs in the sentence
(the knowledge pack's `events.yaml` lists types from most to least specific). The cause is
what a "caused by / due to / as a result of" phrase names: an event type when
the phrase names an act of war ("an airstrike by ..."), `accident` when it
names a mishap ("poor safety measures"), else the phrase itself. `statement`
is left to the caller for attributed sentences that name no event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .knowledge import Knowledge
from .resources import norm_phrase, phrase_pattern, regex

__all__ = ["EventType", "Cause", "event_type", "event_types", "event_label", "find_cause"]


@dataclass(frozen=True)
class EventType:
    type: str
    cue: str


@dataclass(frozen=True)
class Cause:
    cause: str  # an event type, "accident", or the phrase itself
    raw: str


@dataclass(frozen=True)
class _Patterns:
    cues: re.Pattern[str]  # every cue of every type
    type_of: dict[str, tuple[int, str]]  # lower-cased cue -> (rank, type); rank 0 = most specific
    cause: re.Pattern[str]
    accident: re.Pattern[str]
    types: tuple[str, ...]  # most specific first, then "statement"
    labels: dict[str, str]  # type -> how a title names it


def _build_patterns(knowledge: Knowledge) -> _Patterns:
    data = knowledge.events
    lex = knowledge.lexicon
    type_of: dict[str, tuple[int, str]] = {}
    for rank, e in enumerate(data["event_types"]):
        for cue in e["cues"]:
            type_of.setdefault(norm_phrase(cue), (rank, e["type"]))
    return _Patterns(
        cues=regex(phrase_pattern([c for e in data["event_types"] for c in e["cues"]])),
        type_of=type_of,
        cause=regex(phrase_pattern(lex["cause_cues"]) + r"\s+(?P<phrase>[^,;.!?]{3,120})"),
        accident=regex(phrase_pattern(lex["accident_words"])),
        types=tuple(e["type"] for e in data["event_types"]) + ("statement",),
        labels=dict(data.get("title_labels") or {}),
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


def find_cause(sentence: str, *, knowledge: Knowledge) -> Cause | None:
    """The stated cause of the event in `sentence`, if the sentence states one."""
    p = knowledge.derived(_build_patterns)
    m = p.cause.search(sentence)
    if m is None:
        return None
    phrase = m.group("phrase").strip()
    if p.accident.search(phrase):
        return Cause("accident", phrase)
    et = _event_type(phrase, p)
    if et is not None:
        return Cause(et.type, phrase)
    return Cause(phrase.lower(), phrase)
