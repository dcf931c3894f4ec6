"""Event type and stated cause of a sentence's claim.

The event type is the most specific type whose cue occurs in the sentence
(`data/events.yaml` lists types from most to least specific). The cause is
what a "caused by / due to / as a result of" phrase names: an event type when
the phrase names an act of war ("an airstrike by ..."), `accident` when it
names a mishap ("poor safety measures"), else the phrase itself. `statement`
is left to the caller for attributed sentences that name no event.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .resources import load_yaml, phrase_pattern

__all__ = ["EventType", "Cause", "event_type", "event_types", "find_cause"]


@dataclass(frozen=True)
class EventType:
    type: str
    cue: str


@dataclass(frozen=True)
class Cause:
    cause: str  # an event type, "accident", or the phrase itself
    raw: str


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = load_yaml("events.yaml")
    lex = load_yaml("lexicon.yaml")
    types = tuple((e["type"], re.compile(phrase_pattern(e["cues"]))) for e in data["event_types"])
    any_cue = re.compile(phrase_pattern([c for e in data["event_types"] for c in e["cues"]]))
    cause = re.compile(phrase_pattern(lex["cause_cues"]) + r"\s+(?P<phrase>[^,;.!?]{3,120})")
    accident = re.compile(phrase_pattern(lex["accident_words"]))
    return types, any_cue, cause, accident


def event_types() -> tuple[str, ...]:
    """The event-type vocabulary, most specific first, plus `statement`."""
    return tuple(e["type"] for e in load_yaml("events.yaml")["event_types"]) + ("statement",)


def event_type(sentence: str) -> EventType | None:
    """The most specific event type cued in `sentence`, with its cue word."""
    types, any_cue, _, _ = _patterns()
    if not any_cue.search(sentence):
        return None
    for name, regex in types:
        m = regex.search(sentence)
        if m:
            return EventType(name, m.group(0))
    return None


def find_cause(sentence: str) -> Cause | None:
    """The stated cause of the event in `sentence`, if the sentence states one."""
    _, _, cause, accident = _patterns()
    m = cause.search(sentence)
    if m is None:
        return None
    phrase = m.group("phrase").strip()
    if accident.search(phrase):
        return Cause("accident", phrase)
    et = event_type(phrase)
    if et is not None:
        return Cause(et.type, phrase)
    return Cause(phrase.lower(), phrase)
