"""Armed actors and governments in a sentence, and who did what to whom.

Actors are found through the alias table of the knowledge pack's
`actors.yaml`; the roles
(perpetrator, target) come from a few syntactic frames that conflict reporting
uses over and over: "X shelled Y", "Y was hit by X", "an airstrike by X",
"a drone of X struck Y", "blamed X for", "it is X that violated the ceasefire",
"the clashes started after X ...". Each role keeps the phrase it was read from
and the frame (`cue`) so a reader can check it and `compare` can tell an act
("agent") from an accusation ("blamed") or a claim of who started it
("responsible").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from .knowledge import Knowledge, Memo
from .resources import norm_phrase, phrase_pattern, regex

__all__ = ["Actor", "ActorMention", "Roles", "actor_table", "actor_sides", "canonical_actor", "find_actors",
           "phrase_actors", "generic_group", "find_roles"]


@dataclass(frozen=True)
class Actor:
    name: str
    side: str
    kind: str


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    raw: str
    name: str
    side: str
    kind: str


@dataclass(frozen=True)
class Roles:
    perpetrator: str = ""
    perpetrator_raw: str = ""
    perpetrator_cue: str = ""  # agent | by_phrase | blamed | responsible
    target: str = ""
    target_raw: str = ""
    perpetrator_start: int = -1  # offset of the perpetrator's mention in the sentence (-1: none)
    target_start: int = -1


@dataclass(frozen=True)
class _Tables:
    actors: dict[str, Actor]  # canonical name -> actor
    by_alias: dict[str, str]  # lower-cased alias -> canonical name
    place_like: frozenset[str]  # lower-cased aliases that are also places
    regex: re.Pattern[str]
    generic: dict[str, tuple[str, str]]  # noun -> (group, kind)
    generic_regex: re.Pattern[str]
    sides: dict[str, str]  # canonical actor -> side
    phrase_memo: Memo  # phrase -> its actor mentions (victims phrases recur)
    generic_memo: Memo  # noun phrase -> (group, kind) or None


def _build_tables(knowledge: Knowledge) -> _Tables:
    data = knowledge.actors
    actors: dict[str, Actor] = {}
    by_alias: dict[str, str] = {}
    place_like: set[str] = set()
    for entry in data["actors"]:
        actor = Actor(entry["name"], entry["side"], entry["kind"])
        actors[actor.name] = actor
        for alias in [entry["name"], *entry.get("aliases", []), *entry.get("place_like", [])]:
            by_alias.setdefault(norm_phrase(alias), actor.name)
        place_like.update(norm_phrase(a) for a in entry.get("place_like", []))
    generic: dict[str, tuple[str, str]] = {}
    for g in data["generic"]:
        for noun in g["nouns"]:
            generic.setdefault(norm_phrase(noun), (g["group"], g["kind"]))
    return _Tables(
        actors=actors,
        by_alias=by_alias,
        place_like=frozenset(place_like),
        regex=regex(phrase_pattern(by_alias_keys(data))),
        generic=generic,
        generic_regex=regex(phrase_pattern(generic)),
        sides={name: a.side for name, a in actors.items()},
        phrase_memo=Memo(),
        generic_memo=Memo(),
    )


def by_alias_keys(data: Mapping[str, Any]) -> list[str]:
    """Every surface form in the actor table (canonical names included)."""
    keys = []
    for entry in data["actors"]:
        keys += [entry["name"], *entry.get("aliases", []), *entry.get("place_like", [])]
    return keys


def actor_table(knowledge: Knowledge) -> dict[str, Actor]:
    """Canonical actors by name."""
    return dict(knowledge.derived(_build_tables).actors)


def actor_sides(knowledge: Knowledge) -> dict[str, str]:
    """Side of each canonical actor (shared: do not mutate)."""
    return knowledge.derived(_build_tables).sides


def canonical_actor(name: str, *, knowledge: Knowledge) -> str | None:
    """Canonical actor for any alias or canonical name ('Syrian Army' -> 'Syrian Arab Army')."""
    t = knowledge.derived(_build_tables)
    key = norm_phrase(name)
    if key in t.by_alias:
        return t.by_alias[key]
    if key.startswith("the "):
        return t.by_alias.get(key[4:])
    return None


_LOCATIVE = regex(r"(?i)\b(?:in|near|to|from|around|outside|of|at|on|towards|toward|into|across|inside)\s+(?:the\s+)?$")
_NAME_CONTINUES = regex(r"\s+[A-Z]")


def find_actors(text: str, *, knowledge: Knowledge) -> list[ActorMention]:
    """Actor mentions in `text`, in order, non-overlapping (longest alias wins)."""
    return _find_actors(text, knowledge.derived(_build_tables))


def _find_actors(text: str, t: _Tables) -> list[ActorMention]:
    out = []
    for m in t.regex.finditer(text):
        raw = m.group(0)
        key = norm_phrase(raw)
        if key in t.place_like and (
            _LOCATIVE.search(text[max(0, m.start() - 16):m.start()]) or _NAME_CONTINUES.match(text, m.end())
        ):
            continue  # "in Damascus", "the Damascus Opera House": a place, not the government
        name = t.by_alias.get(key) or t.by_alias.get(key.removeprefix("the "))
        if name is None:
            continue
        a = t.actors[name]
        out.append(ActorMention(m.start(), m.end(), raw, a.name, a.side, a.kind))
    return out


def phrase_actors(phrase: str, *, knowledge: Knowledge) -> tuple[ActorMention, ...]:
    """`find_actors` of a short phrase, memoised in the knowledge object:
    victims phrases ("Syrian soldiers", "the terrorists") recur across
    sentences and documents."""
    t = knowledge.derived(_build_tables)
    got = t.phrase_memo.get(phrase)
    if got is None:
        got = t.phrase_memo.put(phrase, tuple(_find_actors(phrase, t)))
    return got  # type: ignore[no-any-return]


_NO_GROUP = ("", "")


def generic_group(noun_phrase: str, *, knowledge: Knowledge) -> tuple[str, str] | None:
    """(group, kind) of the first generic victims noun in `noun_phrase`, if any
    ('Syrian civilians' -> ('civilians', 'civilians'))."""
    t = knowledge.derived(_build_tables)
    got = t.generic_memo.get(noun_phrase)
    if got is None:
        m = t.generic_regex.search(noun_phrase)
        got = t.generic_memo.put(noun_phrase, (t.generic.get(norm_phrase(m.group(0))) if m else None) or _NO_GROUP)
    return None if got is _NO_GROUP else got


# --- roles --------------------------------------------------------------------

def _role_patterns(knowledge: Knowledge) -> dict[str, re.Pattern[str]]:
    lex = knowledge.lexicon
    frames = knowledge.roles
    words = phrase_pattern(frames["subject_gap_words"])
    support = phrase_pattern(frames["support_phrases"])
    return {
        # only adverbs, weapon nouns and a supporting actor between subject and verb
        "subject_gap": regex(rf"^(?:\s*(?:\(\w+\)|{words}|{support}\s+[\w\s'’-]+?|,))*\s*$"),
        "act_verb": regex(phrase_pattern(frames["act_verbs"])),
        "by_head": regex(phrase_pattern(frames["by_heads"]) + r"(?:\s+\w+){0,2}?\s+by\s+(?:the\s+|an?\s+)?$"),
        "weapon_of": regex(phrase_pattern(frames["weapon_heads"]) + r"\s+of\s+(?:the\s+)?$"),
        "blame": regex(phrase_pattern(lex["blame_verbs"]) + r"\s+(?:the\s+)?$"),
        "responsible_after": regex(phrase_pattern(lex["responsibility_verbs"]) + r""),
        # "X that violated the ceasefire": compiled once here, not per actor mention
        "responsible_clause": regex(r"(?i)\s+(?:that|which|who)?\s*" + phrase_pattern(lex["responsibility_verbs"])),
        "started_after": regex(phrase_pattern(frames["started_after"]) + r"\s+(?:the\s+)?$"),
        "target_lead": regex(phrase_pattern(frames["target_leads"]) + r"\s+(?:\w+\s+){0,3}?$"),
    }


_NO_ROLES = Roles()  # frozen: one shared instance for the many sentences that name no actor


def find_roles(sentence: str, mentions: Sequence[ActorMention] | None = None, *, knowledge: Knowledge) -> Roles:
    """Perpetrator and target named in `sentence` (canonical names + phrases;
    `*_start` give which mention, by its offset in the sentence)."""
    if mentions is None:
        mentions = find_actors(sentence, knowledge=knowledge)
    if not mentions:
        return _NO_ROLES
    p = knowledge.derived(_role_patterns)
    perp: ActorMention | None = None
    cue = ""
    # 1. "blamed X for", "accused X of"
    for m in mentions:
        if p["blame"].search(sentence[max(0, m.start - 30):m.start]):
            perp, cue = m, "blamed"
            break
    # 2. "an airstrike by X", "conducted by X", "shelling by X"
    if perp is None:
        for m in mentions:
            if p["by_head"].search(sentence[max(0, m.start - 60):m.start]):
                perp, cue = m, "by_phrase"
                break
    # 3. "X that violated the ceasefire", "started after X conducted ..."
    if perp is None:
        for m in mentions:
            after = sentence[m.end:m.end + 40]
            if p["responsible_clause"].match(after):
                perp, cue = m, "responsible"
                break
            if p["started_after"].search(sentence[max(0, m.start - 40):m.start]):
                perp, cue = m, "responsible"
                break
    # 4. "X (once again) shelled ...", "a combat drone of X struck ..."
    verb = None
    for v in p["act_verb"].finditer(sentence):
        verb = verb or v
        if perp is not None:
            break
        for m in reversed([m for m in mentions if m.end <= v.start()]):
            if _is_subject_gap(sentence[m.end:v.start()], p) and not _is_object_position(sentence, m, p):
                perp, cue, verb = m, "agent", v
                break
    target = _target(sentence, mentions, perp, verb, p)
    return Roles(
        perpetrator=perp.name if perp else "",
        perpetrator_raw=perp.raw if perp else "",
        perpetrator_cue=cue,
        target=target.name if target else "",
        target_raw=target.raw if target else "",
        perpetrator_start=perp.start if perp else -1,
        target_start=target.start if target else -1,
    )


def _is_subject_gap(gap: str, p: dict[str, re.Pattern[str]]) -> bool:
    """Only adverbs, weapon nouns and a supporting actor lie between subject and verb."""
    return len(gap) <= 60 and bool(p["subject_gap"].match(gap))


def _is_object_position(sentence: str, m: ActorMention, p: dict[str, re.Pattern[str]]) -> bool:
    before = sentence[max(0, m.start - 40):m.start]
    if p["weapon_of"].search(before):
        return False  # "a combat drone of the Turkish Armed Forces struck"
    return bool(re.search(r"(?i)\b(?:of|on|against|at|by|from|with|between|and|near|targeting|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", before))


_COORDINATION = regex(r"(?i)^\s*(?:,\s*)?(?:and|as well as|along with|together with|with)?\s*(?:,\s*)?(?:the\s+)?$")


def _coordinated(sentence: str, perp: ActorMention, m: ActorMention) -> bool:
    """'by the Syrian Army and Russia': Russia acts beside the perpetrator, it is not the target."""
    return m.start >= perp.end and bool(_COORDINATION.match(sentence[perp.end:m.start]))


def _target(sentence: str, mentions: Sequence[ActorMention], perp: ActorMention | None,
            verb: re.Match[str] | None, p: dict[str, re.Pattern[str]]) -> ActorMention | None:
    candidates = [m for m in mentions if perp is None or (m.name != perp.name and m.start != perp.start
                                                          and not _coordinated(sentence, perp, m))]
    if not candidates:
        return None
    # "on positions of X", "against X", "targeting X"
    for m in candidates:
        if p["target_lead"].search(sentence[max(0, m.start - 50):m.start]):
            return m
    # first actor after the act verb
    if verb is not None:
        for m in candidates:
            if m.start >= verb.end():
                return m
    return None
