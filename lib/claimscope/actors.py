"""Armed actors and governments in a sentence, and who did what to whom.

Actors are found through the alias table of the knowledge pack's
`actors.yaml`; the roles
(perpetrator, target) come from a few syntactic frames that conflict reporting
uses over and over: "X shelled Y", "Y was hit by X", "an airstrike by X",
"a drone of X struck Y", "blamed X for", "it is X that violated the ceasefire",
"the clashes started after X ...", "X and Y exchanged fire". Each role keeps
the phrase it was read from and the frame (`cue`) so a reader can check it and
`compare` can tell an act ("agent") from an accusation ("blamed"), a claim of
who started it ("responsible") or a mutual act whose first-named side is no
more the perpetrator than the other ("exchange").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping, Sequence

from .knowledge import Knowledge, Memo
from .resources import PhraseScan, case_variants, lowered_pattern, norm_phrase, phrase_pattern, regex, trie_pattern
from .sentences import Gate, Substrings, WordGates, sentence_words, word_gates

__all__ = ["Actor", "ActorMention", "Roles", "actor_table", "actor_sides", "canonical_actor", "find_actors",
           "phrase_actors", "generic_group", "find_roles", "other_act_clauses",
           "second_act", "SecondAct"]


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
    perpetrator_cue: str = ""  # agent | by_phrase | blamed | responsible | exchange
    target: str = ""
    target_raw: str = ""
    perpetrator_start: int = -1  # offset of the perpetrator's mention in the sentence (-1: none)
    target_start: int = -1


@dataclass(frozen=True)
class _Tables:
    actors: dict[str, Actor]  # canonical name -> actor
    by_alias: dict[str, str]  # lower-cased alias -> canonical name
    place_like: frozenset[str]  # lower-cased aliases that are also places
    locative: re.Pattern[str]  # a preposition of place just before a place-like alias ("in Damascus")
    blamed_on: re.Pattern[str]  # "blamed the attack on": a place-like alias after it is its government ("on Ankara")
    place_head: re.Pattern[str]  # a place noun after a place-like alias ("a Damascus market")
    regex: re.Pattern[str]
    # what a sentence holds wherever `regex` matches: a word of `alias_words` (the letter runs of the
    # aliases' spellings, `sentences.word_gates` keys) or a match of `alias_literal` (the spellings matched
    # as written, acronyms: "IS" and "US" tell nothing in lower case); None: no gate
    alias_words: frozenset[str]
    alias_literal: re.Pattern[str] | None
    compound: re.Pattern[str] | None  # modifier + unit or act noun ("regime soldier", "Turkish shelling")
    by_modifier: dict[str, str]  # lower-cased modifier -> canonical name
    # the compound regex needs a modifier and a noun: a word of each among the sentence's words
    compound_gate: tuple[frozenset[str], frozenset[str]]
    generic: dict[str, tuple[str, str]]  # noun -> (group, kind)
    generic_regex: re.Pattern[str]
    subgroups: frozenset[str]  # victims groups that are part of a wider one (children, women)
    sides: dict[str, str]  # canonical actor -> side
    phrase_memo: Memo  # phrase -> its actor mentions (victims phrases recur)
    alias_memo: Memo  # an alias as matched -> (it is place-like, its actor or None): spellings recur
    # `compound` tried only where a modifier's spelling can begin (`resources.PhraseScan`; not `regex`:
    # aliases open with common words, "the", "al", and the acronym "IS", and the regex's own scan is faster)
    compound_scan: PhraseScan | None
    generic_memo: Memo  # noun phrase -> (group, kind) or None
    # spellings that name their actor only bare (`bare_aliases`, `bare_modifiers`: "factions", "a faction sniper";
    # not "a local faction affiliated to ...", "Palestinian factions", "factions of X")
    bare: frozenset[str] = frozenset()
    bare_lead: re.Pattern[str] | None = None  # what may stand just before a bare spelling
    bare_follower: re.Pattern[str] | None = None  # what may not follow a bare spelling
    # a modifier standing alone after a hedge ("a strike believed to be Israeli hit", "warplanes, believed to be
    # Russian, struck"): it names its actor (roles.yaml hedged_links, hedged_modifier_ends); with the words the
    # regex needs one of (the hedges' first words)
    hedged_modifier: re.Pattern[str] | None = None
    hedged_gate: tuple[str, ...] = ()  # the hedges, lower case: a text holds one where the regex matches


def _build_tables(knowledge: Knowledge) -> _Tables:
    data = knowledge.actors
    actors: dict[str, Actor] = {}
    by_alias: dict[str, str] = {}
    place_like: set[str] = set()
    for entry in data["actors"]:
        actor = Actor(entry["name"], entry["side"], entry["kind"])
        actors[actor.name] = actor
        for alias in [entry["name"], *entry.get("aliases", []), *entry.get("place_like", []), *entry.get("bare_aliases", [])]:
            by_alias.setdefault(norm_phrase(alias), actor.name)
        place_like.update(norm_phrase(a) for a in entry.get("place_like", []))
    by_modifier: dict[str, str] = {}
    for entry in data["actors"]:
        for mod in [*entry.get("modifiers", []), *entry.get("bare_modifiers", [])]:
            by_modifier.setdefault(norm_phrase(mod), entry["name"])
    bare = frozenset(norm_phrase(w) for entry in data["actors"]
                     for w in [*entry.get("bare_aliases", []), *entry.get("bare_modifiers", [])])
    generic: dict[str, tuple[str, str]] = {}
    for g in data["generic"]:
        for noun in g["nouns"]:
            generic.setdefault(norm_phrase(noun), (g["group"], g["kind"]))
    compound = _compound_regex(knowledge, list(by_modifier)) if by_modifier else None
    return _Tables(
        actors=actors,
        by_alias=by_alias,
        place_like=frozenset(place_like),
        # "in central Damascus", "shelled the capital Damascus", "rockets hit central Damascus" (an act verb's
        # object: the city; roles.yaml place_verbs, act_verbs): the city hit, not its government
        locative=regex("(?i)" + phrase_pattern([*_words(knowledge, "place_prepositions"),
                                                  *(knowledge.roles.get("place_verbs") or []),
                                                  *_words(knowledge, "act_verbs")])
                       + r"\s+(?:the\s+)?(?:" + phrase_pattern(_words(knowledge, "place_alias_modifiers")) + r"\s+){0,3}$"),
        blamed_on=regex("(?i)" + phrase_pattern([*knowledge.lexicon["blame_verbs"], *(knowledge.roles.get("blame_forms") or [])])
                        + rf"(?:\s+[\w'’-]+){{0,{int(knowledge.roles.get('blame_on_gap', 4))}}}?\s+"
                        + phrase_pattern(knowledge.roles.get("blame_on") or ["on"]) + r"\s+$"),
        place_head=regex(r"\s+" + phrase_pattern(_words(knowledge, "place_alias_heads"))),
        regex=regex(phrase_pattern(by_alias_keys(data))),
        **_alias_gate(by_alias_keys(data)),
        compound=compound,
        by_modifier=by_modifier,
        compound_gate=_compound_gate(knowledge, list(by_modifier)),
        generic=generic,
        generic_regex=regex(phrase_pattern(generic)),
        subgroups=frozenset(knowledge.actors.get("subgroups") or ()),
        sides={name: a.side for name, a in actors.items()},
        phrase_memo=Memo(),
        alias_memo=Memo(),
        compound_scan=PhraseScan(compound, list(by_modifier)) if compound is not None else None,
        generic_memo=Memo(),
        bare=bare,
        **(_bare_patterns(knowledge) if bare else {}),
        **_hedged_modifier(knowledge, by_alias),
    )


def _hedged_modifier(knowledge: Knowledge, by_alias: Mapping[str, str]) -> dict[str, Any]:
    """`_Tables.hedged_modifier` and `hedged_gate`: an actor's modifier that
    is no alias of its own ("Russian", "Israeli") right after a hedge of the
    roles pack (`hedged_links`) and before punctuation, the end or an act verb
    names its actor: "a strike believed to be Israeli hit ...". Not before
    any other word ("believed to be Russian-made", "believed to be Turkish
    soldiers" is a compound of its own)."""
    frames = knowledge.roles
    links, ends = frames.get("hedged_links") or [], frames.get("hedged_modifier_ends") or []
    mods = sorted({m for e in knowledge.actors["actors"] for m in e.get("modifiers", []) if norm_phrase(m) not in by_alias})
    if not links or not mods:
        return {}
    end = "|".join(re.escape(e) for e in ends)
    rx = regex(phrase_pattern(links) + r"\s+(?P<mod>" + phrase_pattern(mods) + r")(?=\s*(?:" + (end or "(?!x)x")
               + r")|\s*$|\s+" + phrase_pattern(frames["act_verbs"]) + ")")
    return {"hedged_modifier": rx, "hedged_gate": tuple(sorted({" ".join(w.lower().split()) for w in links}))}


def _bare_patterns(knowledge: Knowledge) -> dict[str, re.Pattern[str]]:
    """`_Tables.bare_lead` and `bare_follower`: a bare spelling ("factions")
    names its actor only as a class, after the start of the text or of a
    clause, a preposition, a conjunction or an act verb (language pack
    actors.yaml `bare_leads`, roles.yaml `act_verbs`), never after a modifier
    of its own ("local", "Palestinian") or a determiner ("the factions" may
    point back at Turkish-backed ones, "a faction commander" is of a faction
    not named), nor before a link to another group (`bare_followers_not`,
    `affiliation_links`: "factions of X", "factions affiliated to X")."""
    data = knowledge.actors
    leads = [*data.get("bare_leads", []), *knowledge.roles["act_verbs"]]
    followers = [*data.get("bare_followers_not", []), *data.get("affiliation_links", [])]
    return {"bare_lead": regex(r"(?:^|[|:;,(“‘–—]|" + phrase_pattern(leads) + r")\s*$"),
            "bare_follower": regex(r"(?:['’]s?)?\s+" + phrase_pattern(followers))}


def _bare_ok(text: str, start: int, end: int, t: _Tables, cut: bool = False) -> bool:
    """Whether a bare spelling at text[start:end] stands bare (`_bare_patterns`);
    `cut`: the text's end is not the sentence's, a spelling there is not read."""
    if t.bare_lead is None or t.bare_follower is None or not t.bare_lead.search(text, max(0, start - 40), start):
        return False
    if cut and not text[end:].strip():
        return False
    return t.bare_follower.match(text, end) is None


def _alias_gate(aliases: list[str]) -> dict[str, Any]:
    """`_Tables.alias_words` and `alias_literal` of the alias table: a
    sentence with neither cannot hold an alias, and two cheap tests (a set
    test and a scan for a few capitalised literals) rule out most of the
    sentences the alias regex would scan in vain. Each spelling
    `phrase_pattern` matches has its letter runs among a sentence's words
    (`sentences.word_gates`); a spelling matched only as written (an acronym,
    or one without letters) goes to the literal pattern instead, which finds
    it wherever the alias regex does (same spelling, spaces as any run of
    whitespace)."""
    literal = [a for a in aliases if case_variants(a) == {" ".join(a.split())}]
    cased = [a for a in aliases if case_variants(a) != {" ".join(a.split())}]
    gates, needs = word_gates([(cased,)])
    if cased and not needs[0]:  # a spelling without letters: no word tells it is there
        return {"alias_words": frozenset(), "alias_literal": None}
    return {"alias_words": gates.keys,
            "alias_literal": regex(trie_pattern({" ".join(a.split()) for a in literal})) if literal else regex("(?!)")}


def _words(knowledge: Knowledge, key: str) -> list[str]:
    """A word list of the language pack's roles.yaml (every pack layered over
    the built-in one keeps it)."""
    return list(knowledge.roles[key])


def _compound_regex(knowledge: Knowledge, modifiers: list[str]) -> re.Pattern[str]:
    """An actor's modifier before a unit noun or an act noun, with up to two
    adjectives between ("regime military positions", "Turkish ground shelling")."""
    data = knowledge.actors
    nouns = [*data.get("unit_nouns", []), *knowledge.roles.get("act_nouns", [])]
    adjectives = data.get("unit_adjectives", [])
    mod = phrase_pattern(modifiers, group="mod")
    adj = rf"(?:{phrase_pattern(adjectives)}\s+){{0,2}}" if adjectives else ""
    return regex(rf"{mod}(?:['’]s)?\s+{adj}{phrase_pattern(nouns)}")


def _compound_gate(knowledge: Knowledge, modifiers: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Words of which a sentence holds one of each where `_compound_regex`
    matches: a modifier's and a unit or act noun's (`sentences.word_gates`
    keys: each spelling's longest letter run). Two set tests, far cheaper
    than the regex that most sentences' words already rule out."""
    nouns = [*knowledge.actors.get("unit_nouns", []), *knowledge.roles.get("act_nouns", [])]
    return word_gates([(modifiers,)])[0].keys, word_gates([(nouns,)])[0].keys


def by_alias_keys(data: Mapping[str, Any]) -> list[str]:
    """Every surface form in the actor table (canonical names included)."""
    keys = []
    for entry in data["actors"]:
        keys += [entry["name"], *entry.get("aliases", []), *entry.get("place_like", []), *entry.get("bare_aliases", [])]
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


_NAME_CONTINUES = regex(r"\s+[A-Z]")
_APPOSED = regex(r"(?i)\s*(?:group|organi[sz]ation|faction|movement|militia)?\s*[“\"]?\s*$")


def find_actors(text: str, *, knowledge: Knowledge, words: frozenset[str] | None = None) -> list[ActorMention]:
    """Actor mentions in `text`, in order, non-overlapping (longest alias wins).
    `words`: the text's `sentences.sentence_words` when already computed."""
    return _find_actors(text, knowledge.derived(_build_tables), words)


def _find_actors(text: str, t: _Tables, words: frozenset[str] | None = None, *, cut: bool = False) -> list[ActorMention]:
    """`cut`: `text` is a phrase cut out of a sentence, whose end is not the sentence's (a bare spelling at its
    end may be tied to another group by words left out: "fighters of factions| that struck deals")."""
    out = []
    # no alias's word among its words and no acronym in it: the alias regex cannot match
    scan = words is None or t.alias_literal is None or not t.alias_words.isdisjoint(words) \
        or t.alias_literal.search(text) is not None
    memo = t.alias_memo
    for m in (t.regex.finditer(text) if scan else ()):
        raw = m.group(0)
        got = memo.get(raw)
        if got is None:
            key = norm_phrase(raw)
            name = t.by_alias.get(key) or t.by_alias.get(key.removeprefix("the "))
            got = memo.put(raw, (key in t.place_like, t.actors[name] if name is not None else None, key in t.bare))
        place_like, a, bare = got
        if bare and not _bare_ok(text, m.start(), m.end(), t, cut):
            continue  # "Palestinian factions", "factions of X": not the bare spelling's actor
        if place_like and (
            (t.locative.search(text[max(0, m.start() - 40):m.start()])
             and not t.blamed_on.search(text, max(0, m.start() - 60), m.start()))
            or _NAME_CONTINUES.match(text, m.end())
            or t.place_head.match(text, m.end())
            or (raw.isupper() and len(raw) > 3)
        ):
            continue  # "in Damascus", "the Damascus Opera House", a dateline's "DAMASCUS": a place, not the government
        if a is None:
            continue
        out.append(ActorMention(m.start(), m.end(), raw, a.name, a.side, a.kind))
    if t.hedged_modifier is not None:
        low = text.lower()
        if any(w in low for w in t.hedged_gate):
            out = _with_hedged_modifiers(text, out, t)
    if t.compound is None:
        return out
    if words is not None and (t.compound_gate[0].isdisjoint(words) or t.compound_gate[1].isdisjoint(words)):
        return out  # no modifier or no noun among its words: the compound regex cannot match
    extra = []
    replaced: set[int] = set()
    for m in (t.compound_scan.finditer(text, words) if t.compound_scan is not None else t.compound.finditer(text)):
        overlap = [i for i, o in enumerate(out) if o.start < m.end() and m.start() < o.end]
        if overlap and not all(m.start() <= out[i].start and out[i].end <= m.end() and out[i].end - out[i].start
                               < m.end() - m.start() for i in overlap):
            continue  # an alias there already ("Turkish soldiers", "Russian airstrikes"): the alias wins
        replaced.update(overlap)  # "SDF military vehicle" holds the alias "SDF": the whole phrase is one mention
        if any(o.start >= m.end() and _APPOSED.match(text, m.end(), o.start) for o in out):
            continue  # "the Turkish-backed terrorist group Hayat Tahrir al-Sham": a description of the name after it
        mod = norm_phrase(m.group("mod"))
        name = t.by_modifier.get(mod)
        if name is None:
            continue
        if mod in t.bare and not _bare_ok(text, m.start(), m.end(), t, cut):
            continue  # "a local faction member", "a faction commander": not the bare modifier's actor
        a = t.actors[name]
        extra.append(ActorMention(m.start(), m.end(), m.group(0), a.name, a.side, a.kind))
    if not extra:
        return out
    return sorted([o for i, o in enumerate(out) if i not in replaced] + extra, key=lambda x: x.start)


def _with_hedged_modifiers(text: str, out: list[ActorMention], t: _Tables) -> list[ActorMention]:
    """`out` with the modifiers named alone after a hedge (`_hedged_modifier`) where no mention is."""
    assert t.hedged_modifier is not None
    extra = []
    for m in t.hedged_modifier.finditer(text):
        a, b = m.span("mod")
        name = t.by_modifier.get(norm_phrase(m.group("mod")))
        if name is None or any(o.start < b and a < o.end for o in out):
            continue
        actor = t.actors[name]
        extra.append(ActorMention(a, b, m.group("mod"), actor.name, actor.side, actor.kind))
    return sorted([*out, *extra], key=lambda x: x.start) if extra else out


def phrase_actors(phrase: str, *, knowledge: Knowledge) -> tuple[ActorMention, ...]:
    """`find_actors` of a short phrase, memoised in the knowledge object:
    victims phrases ("Syrian soldiers", "the terrorists") recur across
    sentences and documents."""
    t = knowledge.derived(_build_tables)
    got = t.phrase_memo.get(phrase)
    if got is None:
        acts = knowledge.derived(_role_patterns)["act_noun_end"]
        # "Turkish shelling" names who shelled, never people hit
        got = t.phrase_memo.put(phrase, tuple(m for m in _find_actors(phrase, t, cut=True) if not acts.search(m.raw)))
    return got  # type: ignore[no-any-return]


_NO_GROUP = ("", "")


def generic_group(noun_phrase: str, *, knowledge: Knowledge) -> tuple[str, str] | None:
    """(group, kind) of the first generic victims noun in `noun_phrase`, if any
    ('Syrian civilians' -> ('civilians', 'civilians'))."""
    t = knowledge.derived(_build_tables)
    got = t.generic_memo.get(noun_phrase)
    if got is None:
        m = t.generic_regex.search(noun_phrase)
        got = (t.generic.get(norm_phrase(m.group(0))) if m else None) or _NO_GROUP
        if m is not None and got is not _NO_GROUP and got[0] in t.subgroups:
            # "women fighters", "child soldiers": a part's noun before another person noun modifies it, the
            # last noun is the head
            rest = noun_phrase[m.end():]
            gap = len(rest) - len(rest.lstrip())
            nxt = t.generic_regex.match(noun_phrase, m.end() + gap) if gap else None
            head = t.generic.get(norm_phrase(nxt.group(0))) if nxt is not None else None
            if head is not None and head[0] not in t.subgroups:
                got = head
        got = t.generic_memo.put(noun_phrase, got)
    return None if got is _NO_GROUP else got


# --- roles --------------------------------------------------------------------

_Q = r"[\"“”‘’']?\s*"  # an opening quote before a name ("by “Al-Fath Al-Mubin” factions")


def _role_patterns(knowledge: Knowledge) -> dict[str, re.Pattern[str]]:
    lex = knowledge.lexicon
    frames = knowledge.roles
    units = knowledge.actors.get("unit_nouns", [])
    words = phrase_pattern([*frames["subject_gap_words"], *units])
    support = phrase_pattern(frames["support_phrases"])
    members = phrase_pattern(frames.get("by_members") or ["members of"])
    # "gunmen believed to be members of X", "an attack believed to be the work of X" (roles.yaml hedged_*)
    works = phrase_pattern(frames.get("hedged_works") or ["work of"])
    hedged = (rf"{phrase_pattern([*frames['hedged_agents'], *(frames.get('hedged_acts') or [])])}\s*,?\s*"
              rf"(?:(?:who|which|that)\s+(?:are|were|is|was)\s+)?"
              rf"{phrase_pattern(frames['hedged_links'])}\s+(?:to\s+)?(?:the\s+)?(?:members?\s+of\s+(?:the\s+)?)?"
              rf"(?:{works}\s+(?:the\s+)?)?(?:an?\s+)?")  # "the blast, believed to be an ISIS car bomb"
    blame_gap = int(frames.get("blame_on_gap", 4))
    owners = phrase_pattern(frames["owner_participles"])
    # an actor's modifier that is no alias of its own ("Russian", not "Syrian army"): it shares the head noun after it
    aliases = {norm_phrase(a) for a in by_alias_keys(knowledge.actors)}
    first = phrase_pattern([m for e in knowledge.actors["actors"] for m in e.get("modifiers", [])
                            if norm_phrase(m) not in aliases] or ["Russian"])
    holders = phrase_pattern([*(frames["owner_participles"]), *(frames.get("holding_participles") or [])])
    dates = knowledge.dates
    time_words = [n for table in ("months", "weekdays") for v in (dates.get(table) or {}).values() for n in v["names"]]
    time_words += [*(dates.get("part_of_day") or []), *(frames.get("time_words") or [])]
    subordinators, relative = _words(knowledge, "subordinators"), _words(knowledge, "relative_words")
    coordinators = _words(knowledge, "coordinators")
    adverbs = phrase_pattern(_words(knowledge, "clause_adverbs"))
    passive_adverbs = phrase_pattern(_words(knowledge, "passive_adverbs"))
    # words between a preposition and an actor that end the preposition's reach: a clause opens, or the
    # preposition took a time ("on Sunday regime planes killed", "said on Tuesday that Russian planes")
    stop = ("(?!" + phrase_pattern([*relative, "where", "as", *subordinators, *coordinators,
                                    *frames["reach_ending_places"], *time_words]) + ")")
    # "by two US warships", "by the US-led international coalition": words before the agent's name that keep
    # it the agent (roles.yaml agent_premodifiers, and hyphened compounds)
    premods = (r"(?:(?:" + phrase_pattern(frames.get("agent_premodifiers") or ["two"])
               + r"|[A-Za-z]+(?:-[A-Za-z]+)+)\s+){0,3}")
    responsible_acts = phrase_pattern([*(frames.get("act_nouns") or ["attack"]), *frames["by_heads"],
                                       *(frames.get("act_antecedents") or []), *(frames.get("by_affiliated_acts") or []),
                                       *(frames.get("harm_words") or [])])
    # "on a base near Russian base": the base is hit, not the Russians
    return {
        "time_before": regex(rf"{phrase_pattern(time_words)}[\s,]*(?:\d{{1,2}}(?:st|nd|rd|th)?[\s,]*)?(?:the\s+)?$"),
        # "..., the Turkish military said", "that Washington has blamed on": who speaks or blames is no target
        "speaker_after": regex(r"\s*(?:,\s*)?(?:(?:has|have|had|also|later)\s+)?"
                               + phrase_pattern([*lex["reporting_verbs"], *lex.get("relay_verbs", []), *lex["blame_verbs"]])),
        # "Turkey's defence ministry says", "Kremlin spokesman Dmitry Peskov said", "according to the SDF":
        # the actor names who speaks
        **_speaker_patterns(lex),
        # only adverbs, weapon nouns and a supporting actor between subject and verb
        # "the Turkish forces responded by shelling ...": the -ing form after these is the subject's act, a verb
        "reply_link": regex(phrase_pattern(frames["reply_links"])),
        "subject_gap": regex(rf"^(?:\s*(?:\(\w+\)|{words}|{support}\s+[\w\s'’-]+?|,))*\s*$"),
        "act_verb": regex(phrase_pattern(frames["act_verbs"])),
        # "bombed positions held by X": X holds them, it did not bomb
        # "an attack by X"; not "bombardment by Russian and Syrian warplanes" (a joint act: naming one of its
        # actors would set it against an account naming the other) nor "by Syrian or Russian warplanes"
        "by_head": regex(phrase_pattern(frames["by_heads"]) + rf"(?:\s+(?!{owners}\s+by\b)\w+){{0,2}}?\s+by\s+(?:the\s+|an?\s+)?{premods}"
                         + rf"(?!{first}\s+and\s+)(?:{members}\s+(?:the\s+)?)?{_Q}$"),
        # "a building used by X", "the base used by X": X uses the place, it did not act (roles.yaml used_premises);
        # unless "... to" an act follows (`used_to`)
        "used_premises": regex(phrase_pattern(frames.get("used_premises") or ["building"])
                               + r"\s+(?:(?:which|that)\s+)?(?:(?:is|are|was|were|has|have|had)\s+)?(?:been\s+)?"
                               # "a hospital thought to be used by X": a hedge on who uses it
                               + r"(?:[\w-]+\s+|" + phrase_pattern(frames["hedged_links"]) + r"\s+)?"
                               + phrase_pattern(frames.get("used_verbs") or ["used"])
                               + r"\s+by\s+(?:the\s+|an?\s+)?" + _Q + "$"),
        # "in support of X", "its ally X", "backed by X": X backs someone in the sentence, it is not hit
        "ally_before": regex(phrase_pattern([*(frames.get("ally_leads") or ["in support of"]), *frames["support_phrases"],
                                             *(frames.get("addressee_leads") or [])])
                             + r"\s+(?:(?:the|its|their|his|her|a|an)\s+)?" + _Q + "$"),
        # "by X": X acted (or owns, after an owner participle: "positions held by X"), it is not hit
        "by_before": regex(r"(?<![\w-])(?:(?P<owner>" + holders + r")\s+)?by\s+(?:(?:the|a|an)\s+)?" + premods
                           + r"(?:[A-Z][\w-]*\s+(?:and|or)\s+)?" + _Q + "$"),  # "by Syrian or Russian warplanes"
        # "the Syrian air force loyal to the Assad regime": after the perpetrator, the side it fights for
        "perp_patron": regex(r"^\s*,?\s*(?:(?:which|who|that)\s+(?:is|are|was|were)\s+)?"
                             + phrase_pattern(knowledge.actors.get("affiliation_links") or ["loyal to"])
                             + r"\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}?" + _Q + "$"),
        # "shells fired from areas of Kurdish and regime forces": where the fire came from, not who was hit
        "fired_from": regex(phrase_pattern([*(frames.get("from_heads") or ["fire"]),
                                            *(frames.get("fired_from_verbs") or ["fired"])])
                            + r"\s+from\s+(?:[\w’'-]+\s+){0,4}?" + _Q + "$"),
        # "... used by rebels to launch rockets": a place used for an act, by its actor
        "used_to": regex(r"\s+to\s+[a-z]"),
        "campaign_by": regex(phrase_pattern(frames.get("campaign_leads") or ["weeks of"]) + r"\s+(?:[\w-]+\s+){0,2}?"
                             + phrase_pattern(frames["by_heads"]) + rf"\s+by\s+(?:the\s+)?{_Q}$"),
        # "shelled X in retaliation for an attack carried out by Y": Y acted in the act replied to, not in this one
        # (roles.yaml reason_leads; a comma ends the reason: "In response to the shelling, two were killed by Y")
        "reason_by": regex(phrase_pattern(frames.get("reason_leads") or ["in retaliation for"])
                           + r"\s+[^,.;:!?()]{0,80}?\bby\s+(?:the\s+|an?\s+)?" + _Q + "$"),
        "reason_gates": tuple(sorted({f" {max(w.split(), key=len).lower()}"
                                      for w in frames.get("reason_leads") or ["in retaliation for"]})),
        "from_head": regex(phrase_pattern(frames.get("from_heads") or ["fire"])
                           + rf"\s+from\s+(?:the\s+)?(?:{members}\s+(?:the\s+)?)?{_Q}$"),
        "hedged_agent": regex(hedged + _Q + "$"),
        # "the killing of X by a leader of Y tribe operating under the banner of Z": Z's man did it
        "by_affiliated": regex(r"(?<![\w-])by\s+(?:(?:a|an|the|one|two|three|some)\s+)?"
                               + phrase_pattern(frames.get("by_affiliated_agents") or ["members"])
                               + r"\s+of\s+(?:[\w'’“”\"-]+\s+){1,5}?"
                               + phrase_pattern(knowledge.actors.get("affiliation_links") or ["affiliated to"])
                               + rf"\s+(?:the\s+)?{_Q}$"),
        "affiliated_act": regex(phrase_pattern([*frames["by_heads"], *(frames.get("person_participles") or []),
                                                *(frames.get("harm_words") or []),
                                                *(frames.get("by_affiliated_acts") or [])])),
        # "killed in regime airstrikes", "died in a Turkish drone strike": the harm's own cause
        "harmed_in": regex(phrase_pattern([*(frames.get("person_participles") or ["killed"]),
                                           *(frames.get("harm_words") or ["died", "dead"])])
                           + r"(?:\s+(?:and|or)\s+\w+)?(?:\s+\S+){0,4}?\s+(?:in|by|during|amid)\s+"
                           + r"(?:(?:a|an|the)\s+)?(?:(?:series|wave|string)\s+of\s+)?(?:\w+\s+){0,1}?$"),
        # "the death of a regime soldier by faction sniper": who the harm is by, whatever the noun
        "harmed_by": regex(phrase_pattern([*(frames.get("person_participles") or ["killed"]),
                                           *(frames.get("harm_words") or ["died", "dead"])])
                           + r"(?:\s+\S+){0,4}?\s+by\s+(?:(?:a|an|the)\s+)?$"),
        "clash_with": regex(phrase_pattern([*(frames.get("person_participles") or ["killed"]),
                                            *(frames.get("harm_words") or ["died"]), "dies", "die"])
                            + r"(?:\s+\S+){0,4}?\s+(?:in|during|amid)\s+(?:(?:the|a|an|heavy|violent|fierce|ongoing)\s+)*"
                            + phrase_pattern(frames.get("clash_with") or ["clashes with"]) + rf"\s+(?:the\s+)?{_Q}$"),
        # "A and B exchanged heavy shellfire", "A exchanged fire with B", "an exchange of fire between A and B"
        **_exchange_patterns(frames),
        "identified": regex(phrase_pattern(frames.get("identified_determiners") or ["the"]) + r"\s+"
                            + phrase_pattern(frames.get("identified_heads") or ["jets"])
                            + r"\s+" + phrase_pattern(frames.get("identified_links") or ["were"]) + r"\s+(?:the\s+)?$"),
        "weapon_of": regex(phrase_pattern(frames["weapon_heads"]) + r"\s+of\s+(?:the\s+)?$"),
        "blame": regex(phrase_pattern(lex["blame_verbs"]) + r"\s+(?:the\s+)?$"),
        # "..., blaming the regime for the massacre": the party blamed beside a told act (roles.yaml blame_forms)
        "blame_aside": regex(phrase_pattern(frames.get("blame_forms") or ["blaming"]) + r"\s+(?:the\s+)?$"
                             + "|" + phrase_pattern(frames.get("blame_forms") or ["blaming"])
                             + rf"(?:\s+[\w'’-]+){{0,{int(frames.get('blame_forms_gap', blame_gap))}}}?\s+"
                             + phrase_pattern(frames.get("blame_on") or ["on"])
                             + rf"\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){{0,2}}{_Q}$"),
        # "ISIS blamed for car bomb", "Russian jets blamed": after the one blamed (roles.yaml blame_passive*)
        "blamed_after": regex(r"\s+(?:" + phrase_pattern(frames.get("blame_passive_auxiliaries") or ["was"]) + r"\s+){0,2}"
                              + phrase_pattern(frames.get("blame_passives") or ["blamed"])
                              + r"(?=\s+" + phrase_pattern(frames.get("blame_passive_followers") or ["for"])
                              + r"|\s*[,.;:|]|\s*$)"),
        "blame_on": regex(phrase_pattern(lex["blame_verbs"]) + rf"(?:\s+[\w'’-]+){{0,{blame_gap}}}?\s+"
                          + phrase_pattern(frames.get("blame_on") or ["on"])
                          + rf"\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){{0,2}}{_Q}$"),  # "on President Bashar Assad's forces"
        "responsible_after": regex(phrase_pattern(lex["responsibility_verbs"]) + r""),
        # "X that violated the ceasefire": compiled once here, not per actor mention
        "responsible_clause": regex(r"(?i)\s+(?:that|which|who)?\s*" + phrase_pattern(lex["responsibility_verbs"])),
        # "X was behind the attack", "X is believed to be responsible for the shelling": only hedges between
        # the actor and the link (`responsible_hedges`: "Turkey said the YPG was behind" names the YPG), an act
        # (or a harm) within three words after it and no gerund between ("responsible for protecting
        # civilians from attacks" is a duty, not an act); "reports of involvement of X in this murder"
        # (roles.yaml responsible_links, involvement_leads)
        "responsible_for": regex(r"(?:\s+" + phrase_pattern(frames["responsible_hedges"]) + r")*?\s+"
                                 + phrase_pattern(frames["responsible_links"])
                                 + rf"\s+(?:(?![\w'’-]*ing\b)[\w'’-]+\s+){{0,3}}?{responsible_acts}\b"),
        # the words one of them needs in the lower-cased sentence ("behind", "responsible", "involvement")
        "responsible_gates": tuple(sorted({f" {max(w.split(), key=len).lower()} "
                                           for w in frames["responsible_links"]})),
        "involvement_gates": tuple(sorted({f" {max(w.split(), key=len).lower()} "
                                           for w in frames["involvement_leads"]})),
        "involvement_of": regex(phrase_pattern(frames["involvement_leads"])
                                + r"\s+(?:the\s+)?" + _Q + "$"),
        "involved_in": regex(r"\s+(?:[\w'’-]+\s+){0,2}?in\s+(?:[\w'’-]+\s+){0,3}?" + responsible_acts + r"\b"),
        "started_after": regex(phrase_pattern(frames["started_after"]) + r"\s+(?:the\s+)?$"),
        # "Russian and regime jets pound", "rebels and regime forces clash": a joint subject (roles.yaml joint_*)
        "joint_join": regex(r"^\s*,?\s*" + phrase_pattern(frames.get("joint_joins") or ["and"]) + r"\s+(?:the\s+)?$"),
        # (a headline's comma joins two modifiers too: "regime, Russian jets pound")
        "joint_modifier": regex(r"(?P<mod>" + phrase_pattern([m for e in knowledge.actors["actors"]
                                                              for m in e.get("modifiers", [])] or ["Russian"])
                                + r")(?:\s+" + phrase_pattern(frames.get("joint_joins") or ["and"])
                                + r"\s+(?:the\s+)?|,\s*)$"),
        "joint_any": regex(phrase_pattern(frames.get("joint_joins") or ["and"])),
        "joint_verb": regex(phrase_pattern([*frames["act_verbs"], *(frames.get("mutual_verbs") or [])])),
        # "Rebels say they shelled": the speaker is the pronoun's antecedent, the act verb's subject
        "speaker_pronoun": regex(r"\s*,?\s+(?:(?:has|have|had|also|later)\s+)?"
                                 + phrase_pattern([*lex["reporting_verbs"], *lex.get("relay_verbs", [])])
                                 # "said that it", "said on Monday that it", "said in a statement that they"
                                 + r"\s+(?:(?:[\w'’-]+\s+){0,4}?that\s+)?" + phrase_pattern(frames.get("speaker_pronouns") or ["they"])
                                 + r"\s+(?:" + phrase_pattern(frames.get("speaker_pronoun_auxiliaries") or ["had"])
                                 + r"\s+){0,2}"
                                 + phrase_pattern(frames["act_verbs"])),
        "target_lead": regex(phrase_pattern(frames["target_leads"]) + rf"\s+(?:{stop}\w+\s+){{0,3}}?$"),
        # "X attack", "X's ground shelling": the actor before an act noun carried it out
        "act_noun_after": regex(r"(?:['’]s)?\s+(?:" + phrase_pattern(knowledge.actors.get("unit_adjectives") or ["military"])
                                + r"\s+){0,2}" + phrase_pattern(frames.get("act_nouns") or ["attack"])),
        "act_noun_end": regex(phrase_pattern(frames.get("act_nouns") or ["attack"]) + "$"),
        "passive_participle": regex("^" + phrase_pattern(frames.get("passive_participles") or ["hit"]) + "$"),
        "person_participle": regex("^" + phrase_pattern(frames.get("person_participles") or ["killed"]) + "$"),
        "passive_follower": regex(_passive_follower(frames, person=False)),
        # "... kills 3 in Damascus - Russia": a name alone after a spaced dash ends the sentence (a tag, a credit)
        "tag_before": regex(r"\s(?:" + "|".join(re.escape(d) for d in frames.get("tag_dashes") or ["-"])
                            + r")\s+(?:the\s+)?" + _Q + "$"),
        "tag_after": regex(r"[\"”’']?\s*[.!]?\s*$"),
        # "Turkish troops hit near Behun were in ...": a reduced relative clause, its subject the one hit
        "reduced_relative": regex(r"\s+" + phrase_pattern(frames.get("reduced_relative_places") or ["near"])
                                  + r"\s+(?:(?!" + phrase_pattern([*relative, "where", *subordinators, *coordinators])
                                  + r")[\w'’.-]+\s+){1,4}?"
                                  + phrase_pattern(frames.get("reduced_relative_finite") or ["were"])),
        "person_follower": regex(_passive_follower(frames, person=True)),
        # lower case or Capitalised only: "after IS killed" is the group, not "is"
        "passive_aux": regex(r"(?<![\w-])" + trie_pattern({v for w in frames.get("passive_auxiliaries") or ["was", "were"]
                                                             for v in (w, w.capitalize())})
                             + rf"(?:\s+{passive_adverbs})?\s+$"),
        # "near the Russian base", "the border with Turkey", "on the vicinity of the Turkish base": where, not whom
        "place_before": regex(phrase_pattern(frames.get("place_words") or ["near"])
                              + r"\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,1}?$"),
        # "foiled an ISIS offensive": the act was stopped; its actor was the one hit
        "countered_before": regex(phrase_pattern(frames.get("countering_verbs") or ["foiled"])
                                  + r"\s+(?:(?:a|an|the|their|its)\s+)?$"),
        "background_before": regex(phrase_pattern(frames.get("background_leads") or ["after"])
                                   + r"\s+(?:(?:the|a|an|its|their|his|her|last|earlier|previous)\s+)?(?:\w+\s+){0,1}?$"),
        "determiner_before": regex(r"(?i)(?<![\w-])(?:the|a|an|its|their|this|that|these|another|new|renewed)\s+$"),
        # "where Turkish forces are stationed": who is present at a place, not who was hit
        "presence_after": regex(r"\s+(?:(?:is|are|was|were|have\s+been|had\s+been)\s+)?"
                                + phrase_pattern(frames.get("presence_participles") or ["stationed"])),
        "attributed_before": regex(phrase_pattern(frames.get("attribution_leads") or ["attributed to"])
                                   + r"\s+(?:the\s+)?(?:[\w/-]+\s+or\s+(?:the\s+)?)?$"),
        # "hit 63 ISIS targets", "shelled two regime positions": a count right after a verb of an act (kinds.yaml
        # past_acts) counts things of the actor after it, which modifies their noun: it is no subject
        # (numbers.yaml units, tens; not "said two ISIS fighters attacked", nor a year)
        "count_before": regex(r"(?i)(?<![\w-])" + phrase_pattern(knowledge.kinds.get("past_acts") or ["hit"])
                              + r"\s+(?:\d{1,3}(?:,\d{3})*|" + phrase_pattern(
                                  [*knowledge.numbers.get("units", {}), *knowledge.numbers.get("tens", {})]) + r")\s+$"),
        "object_lead": regex("(?i)" + phrase_pattern(_words(knowledge, "object_leads")) + r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"),
        "clause_opens": regex("(?i)" + phrase_pattern([*subordinators, "where", "that"]) + r"\s+(?:the\s+)?$"),
        "coordination": regex(r"(?i)^\s*(?:,\s*)?(?:" + phrase_pattern(_words(knowledge, "coordination_words"))
                              + r")?\s*(?:,\s*)?(?:the\s+)?[\"“]?\s*$"),
        # "bombs that the regime has deployed": the actor is the subject of a perfect, not the target
        "subject_of_perfect": regex(rf"(?i)\s+(?:has|have|had)\s+(?:{adverbs}\s+)?[a-z]+(?:ed|en|wn|ut|nt)\b"),
        "other_event": regex("(?i)" + phrase_pattern(_words(knowledge, "other_event_openers")) + r"|[|;]"),
        "clause_between": regex("(?i)" + phrase_pattern(subordinators) + r"|[;|]"),
        # "Syrian or Russian jets", "the regime or Russian warplanes": one of two alternatives
        "alternative_before": regex(r"(?:[A-Z][\w-]*|" + phrase_pattern(frames.get("alternative_leads") or ["either"])
                                    + r"(?:\s+the)?\s+\w+)\s+"
                                    + phrase_pattern(frames["alternative_words"]) + r"\s+(?:the\s+)?$"),
        "alternative_after": regex(r"\s*,?\s+" + phrase_pattern(frames["alternative_words"])
                                   + r"\s+(?:the\s+|those\s+of\s+)?"),
        # "a village held by X", "the region that is controlled by the X group": X holds the ground, it is not hit
        **_holder_patterns(frames, owners),
        # "the Nusra Front and its allies taking control of the village": the side that advanced
        "control_after": regex(r"(?:\s*,?\s+" + phrase_pattern(frames["control_allies"]) + r")?\s+"
                               + phrase_pattern(frames["control_gains"]) + r"\s+"
                               + phrase_pattern(frames["control_nouns"])),
        # "clashes between A and B": neither side of the pair is the one hit ("pair_lead": the lead alone, a cheap test)
        "pair_lead": regex(phrase_pattern(frames["pair_leads"])),
        "pair_side": regex(phrase_pattern(frames["pair_leads"])
                           + r"\s+(?:(?:the\s+)?(?:[\w'’-]+\s+){0,3}?|[^.;:|]{0,90}?\s"
                           + phrase_pattern(frames["pair_joins"]) + r"\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?)"
                           + _Q + "$"),
        # "a pretext for Russia to carpet bomb", "paved the way for the factions to advance": the infinitive's subject
        "infinitive_lead": regex(phrase_pattern(frames["infinitive_subject_leads"]) + r"\s+(?:the\s+)?$"),
        "infinitive_after": regex(r"\s+" + phrase_pattern(frames["infinitive_marks"]) + r"\s+[a-z]"),
        # "by the TIP or its allies": the alternative is the actor's own camp
        "alternative_own": regex(r"\s*,?\s+" + phrase_pattern(frames["alternative_words"]) + r"\s+"
                                 + phrase_pattern(frames["alternative_own"])),
        "indirect_question": regex(phrase_pattern(frames.get("indirect_questions") or ["did not say which"])
                                   + r"\s+(?:the\s+|of\s+the\s+)?$"),
    }


def _holder_patterns(frames: Mapping[str, Any], owners: str) -> dict[str, re.Pattern[str]]:
    """Where an actor holds the ground an act hit (roles.yaml `held_areas`):
    "holder_before" ends right before it ("a village held by (the)", "the
    region that is controlled by the", "a town in eastern Syria held by"),
    "holder_after" starts right after it ("-held areas", " -controlled
    neighbourhoods")."""
    areas = phrase_pattern(frames["held_areas"])
    # after a hyphen ("rebel-held"): the participles without phrase_pattern's look-behind
    hyphened = trie_pattern({v for w in frames["owner_participles"] for v in case_variants(w)})
    links = phrase_pattern(frames["held_area_links"])
    agent = phrase_pattern(frames["agent_prepositions"])
    gap = int(frames.get("held_area_gap", 6))
    return {
        # the agent preposition alone: a cheap test before the holder regex ("held by")
        "agent_word": regex(agent),
        "holder_before": regex(rf"{areas}[\"”’']?(?:\s+[\w'’\"“”()-]+){{0,{gap}}}?\s*,?\s+(?:{links}\s+){{0,4}}{owners}\s+{agent}\s+"
                               rf"(?:the\s+)?(?:[\w'’()\[\]-]+\s+){{0,3}}?[\[(]?{_Q}$"),  # "held by the Daesh (ISIS ISIL)"
        "holder_after": regex(rf"(?:\s+\w+)?\s?-\s?(?:{hyphened})\s+(?:[\w-]+\s+)?{areas}"),
        # the mention in a clause after "where" (no punctuation between)
        "place_relative": regex(phrase_pattern(frames["place_relatives"]) + r"\s+(?:[^\s,;:.|()]+\s+){0,6}$"),
    }


def _speaker_patterns(lex: Mapping[str, Any]) -> dict[str, re.Pattern[str]]:
    """Where an actor's mention is part of the phrase that names a sentence's
    speaker (lexicon.yaml's speaker, speech, office and military nouns and
    reporting verbs): "speaker_tail" after it ("’s defence ministry says",
    " spokesman Dmitry Peskov said", " state TV announced", " statement
    added"), "speaker_lead" before it ("according to the", "according to the
    Twitter account of"). The speaker is never the target by being the
    speaker."""
    nouns = lex.get("speaker_nouns") or {}
    heads = phrase_pattern([*nouns.get("person", []), *nouns.get("organisation", []), *(lex.get("speech_nouns") or []),
                            *(lex.get("office_nouns") or []), *(lex.get("military_nouns") or [])])
    verbs = phrase_pattern([*lex["reporting_verbs"], *lex.get("relay_verbs", [])])
    dets = phrase_pattern(lex.get("noun_determiners") or ["the", "a", "an"])
    aux = r"(?:(?:which|who|that)\s+)?(?:(?:has|have|had|also|later)\s+)?"
    word = rf"\s+(?!{dets}|{verbs})[\w’'-]+"
    name = r"(?:\s+(?:[A-Z][\w.'’-]*|al-[\w'’-]+))"
    return {
        "speaker_tail": regex(rf"(?:['’]s)?(?:{word}){{0,3}}?\s+{heads}{name}{{0,4}}\s+{aux}{verbs}"
                              rf"|['’]s(?:{word}){{1,3}}?\s+{aux}{verbs}"),
        "speaker_lead": regex(r"(?i)" + phrase_pattern(lex.get("speaker_leads") or ["according to"])
                              + r"\s+(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){0,2}?"
                              r"(?:of\s+(?:the\s+)?)?" + _Q + "$"),
    }


def _speaks(sentence: str, m: ActorMention, mentions: Sequence[ActorMention], p: dict[str, re.Pattern[str]],
            lead: bool = True) -> bool:
    """Whether the mention `m` is in the phrase naming the sentence's speaker
    (`_speaker_patterns`; no other actor's mention inside the phrase after it:
    "hit YPG positions Turkish military sources said" names the Turkish
    military as the speaker, not the YPG). `lead`: False where the sentence
    holds no speaker lead's word ("according"), the speaker_lead regex's."""
    if lead and p["speaker_lead"].search(sentence, max(0, m.start - 80), m.start):
        return True
    tail = p["speaker_tail"].match(sentence, m.end)
    return tail is not None and not any(m.end <= o.start < tail.end() for o in mentions if o is not m)


def _exchange_patterns(frames: Mapping[str, Any]) -> dict[str, re.Pattern[str]]:
    """The exchange frame's patterns (roles.yaml `exchange_*`): after the
    first side ("exchange_pair": "and" to the second side, "exchange_with":
    the verb, its fire and "with" to the second side), after the second side
    ("exchange_after": the verb and its fire), before the first side
    ("exchange_between": "an exchange of fire between")."""
    verbs = phrase_pattern(frames.get("exchange_verbs") or ["exchanged"])
    nouns = phrase_pattern(frames.get("exchange_nouns") or ["exchange"])
    fire = phrase_pattern(frames.get("exchange_objects") or ["fire"])
    aux = r"(?:(?:have|has|had|also|reportedly|again|heavily)\s+)*"
    some = r"(?:[\w-]+\s+){0,3}?"
    fires = rf"{fire}(?:\s*,?\s+(?:and|or)\s+{some}{fire})?"
    openers = phrase_pattern(frames.get("exchange_side_openers") or ["on one hand"])
    joins = phrase_pattern(frames.get("exchange_joins") or ["and"])
    # up to three words of the first side's phrase left ("operations room factions"), "on one hand", then "and" and up to two words
    # of the second side's phrase before its alias ("U.S.-backed")
    pair = (r"^[”\"’']?(?:\s+[\w’'-]+){0,3}?\s*(?:,\s*)?(?:" + openers + r"\s*,?\s*)?"
            + joins + r"\s+(?:the\s+)?(?:[\w.’'-]+\s+){0,2}?" + _Q + "$")
    return {
        "exchange_pair": regex(pair),
        "exchange_after": regex(rf"(?:\s+[\w’'-]+){{0,2}}?\s+{aux}{verbs}\s+{some}{fires}(?![\w-])"),
        "exchange_with": regex(rf"(?:\s+[\w’'-]+){{0,2}}?\s+{aux}{verbs}\s+{some}{fires}\s+with\s+(?:the\s+)?"
                               rf"(?:[\w.’'-]+\s+){{0,2}}?{_Q}$"),
        "exchange_between": regex(rf"{nouns}\s+of\s+{some}{fires}\s+between\s+(?:the\s+)?{_Q}$"),
    }


def _exchange(sentence: str, mentions: Sequence[ActorMention], p: dict[str, re.Pattern[str]]
              ) -> tuple[ActorMention, ActorMention] | None:
    """(first side, second side) of an exchange of fire between two actors,
    if the sentence tells one (`_exchange_patterns`)."""
    for i, a in enumerate(mentions):
        for b in mentions[i + 1:]:
            if a.name == b.name:
                continue
            gap = sentence[a.end:b.start]
            if p["exchange_with"].match(gap):
                return a, b
            if p["exchange_pair"].match(gap) and (
                    p["exchange_after"].match(sentence, b.end)
                    or p["exchange_between"].search(sentence, max(0, a.start - 80), a.start)):
                return a, b
    return None


_CASELESS = ("clause_between", "other_event", "object_lead", "clause_opens", "determiner_before", "responsible_clause")


def _caseless_patterns(knowledge: Knowledge) -> dict[str, re.Pattern[str]] | None:
    """The case-insensitive role patterns for a lower-cased ASCII sentence
    (`resources.lowered_pattern`); None when one of them cannot be lowered."""
    p = knowledge.derived(_role_patterns)
    out = {key: lowered_pattern(p[key]) for key in _CASELESS}
    return None if any(rx is None for rx in out.values()) else out  # type: ignore[return-value]


def _passive_follower(frames: Mapping[str, Any], *, person: bool) -> str:
    """What may follow a passive participle: no object ('killed in', 'shot dead at', 'killed and two others
    injured', the end of a headline)."""
    words = [*(frames.get("passive_followers") or ["in", "by"]), *(frames.get("person_followers") or [] if person else [])]
    second = phrase_pattern(frames.get("passive_second_outcomes") or ["injured"])
    # "killed and four others injured in", not "killed and injured a number of"
    return (rf"\s*(?:dead\b\s*)?(?:and\s+(?:[\w-]+\s+){{0,3}}?{second}\s*)?(?!at\s+(?:least|most)\b)(?:"
            + phrase_pattern(words) + r"|[|,.;:–—]|$)")


@dataclass(frozen=True)
class _Gates:
    """Lower-case cue words a frame needs somewhere in the sentence: a substring
    test per sentence is far cheaper than running the frame's regex per actor."""
    indirect: tuple[str, ...]
    blame: tuple[str, ...]
    hedged: tuple[str, ...]
    clash: tuple[str, ...]
    verbs: frozenset[str]  # an act verb's words (`sentences.word_gates` keys): the act_verb regex needs one
    # a phrase's longest word, which its every spelling holds in lower case: the started_after,
    # campaign_by and attributed_before regexes need one of their list's
    started: tuple[str, ...]
    campaign: tuple[str, ...]
    attributed: tuple[str, ...]
    affiliated: tuple[str, ...]  # the affiliation links' longest words: the by_affiliated regex needs one
    exchange: tuple[str, ...]  # the exchange verbs' and nouns' lower-case spellings: the exchange frame needs one
    speech: frozenset[str]  # words of the reporting verbs and "according" (`sentences.word_gates` keys): a speaker needs one
    # a few substrings of the strings above, each of which holds one (`_substring_keys`): where none of
    # a field's keys is in the sentence, none of its strings is either, and the longer test is skipped
    keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    relative: frozenset[str] | None = None  # the relative words when each is one letter run, else None
    # a relative clause telling another act is followed by a main-clause auxiliary or opens on "one of
    # which": the word lists of each (`sentences.word_gates`), one of the two needs met in every sentence it is in
    clause_lists: WordGates | None = None
    clause_needs: tuple[Gate, ...] = ()
    # the single strings above a sentence is tested for (the keys, blame, campaign, affiliated, clash,
    # started, attributed) read off its words at once (`sentences.Substrings`), and each field's bits
    held: Substrings = field(default_factory=lambda: Substrings(()))
    bits: dict[str, int] = field(default_factory=dict)
    act_end: Memo = field(default_factory=Memo)  # an actor mention's words -> whether they end in an act noun
    verb_scan: PhraseScan | None = None  # the act_verb regex tried only where an act verb can begin


def _substring_keys(strings: Sequence[str]) -> tuple[str, ...]:
    """Substrings such that each of `strings` holds one: one of its words
    (of four letters or more where it has one) that the most strings share,
    or a string that another one holds ("blame" for "blamed" and "blames").
    `any(k in text for k in keys)` is then a necessary condition of
    `any(s in text for s in strings)`, tested on fewer, shorter strings."""
    out: list[str] = []
    for s in strings:
        if any(k in s for k in out):
            continue
        tokens = [t for t in s.split() if len(t) >= 4] or [max(s.split() or [s], key=len)]
        tokens = [t for t in {*tokens, *(o for o in strings if o in s)} if t]
        out.append(max(sorted(tokens), key=lambda t: (sum(t in o for o in strings), -len(t))) if tokens else s)
    return tuple(sorted(set(out)))


def _role_gates(knowledge: Knowledge) -> _Gates:
    frames, lex = knowledge.roles, knowledge.lexicon
    first = lambda phrases: tuple(sorted({p.lower().split()[0] for p in phrases}))  # noqa: E731
    whole = lambda phrases: tuple(sorted({" ".join(p.lower().split()) for p in phrases}))  # noqa: E731
    longest = lambda phrases: tuple(sorted({max(p.lower().split(), key=len) for p in phrases}))  # noqa: E731
    gates = _Gates(indirect=whole(frames.get("indirect_questions") or ["did not say which"]),
                  blame=first([*lex["blame_verbs"], *(frames.get("blame_forms") or [])]),
                  hedged=whole(frames.get("hedged_links") or ["believed to be"]),
                  clash=tuple(sorted({p.lower().split()[-2] if len(p.split()) > 1 else p.lower()
                                      for p in frames.get("clash_with") or ["clashes with"]})),
                  verbs=word_gates([(frames["act_verbs"],)])[0].keys,
                  started=longest(frames["started_after"]),
                  campaign=longest(frames.get("campaign_leads") or ["weeks of"]),
                  attributed=longest(frames.get("attribution_leads") or ["attributed to"]),
                  affiliated=longest(knowledge.actors.get("affiliation_links") or ["affiliated to"]),
                  exchange=whole([*(frames.get("exchange_verbs") or ["exchanged"]),
                                  *(frames.get("exchange_nouns") or ["exchange"])]),
                  speech=word_gates([([*lex["reporting_verbs"], *lex.get("relay_verbs", []), "according"],)])[0].keys)
    partitives = _relative_partitives(frames)
    relative = {w.lower() for w in frames.get("relative_words") or ["that", "which", "who"]} | {p[-1] for p in partitives}
    keyed = ("indirect", "hedged")  # the others hold few strings a shorter one holds
    clause_lists, clause_needs = word_gates([
        (frames.get("main_clause_auxiliaries") or ["was", "were"],),
        (frames.get("relative_quantifiers") or ["one"], [p[0] for p in partitives], [p[-1] for p in partitives])])
    keys = {k: _substring_keys(getattr(gates, k)) for k in keyed}
    # each field's strings: a field of one-word strings is tested itself, the others through their keys
    tested = {"indirect": keys["indirect"], "hedged": keys["hedged"], "blame": gates.blame,
              **{k: getattr(gates, k) for k in ("campaign", "affiliated", "clash", "started", "attributed")},
              # the ally_before and speaker_lead regexes need a word of one of their phrases
              "ally": longest([*(frames.get("ally_leads") or ["in support of"]), *frames["support_phrases"],
                               *(frames.get("addressee_leads") or [])]),
              "lead": longest(lex.get("speaker_leads") or ["according to"]),
              # the holder, pair, place-relative and control frames of `_holds_or_would_act` need one of these
              "pair": longest(frames["pair_leads"]),
              "where": longest(frames["place_relatives"]),
              "agent": longest(frames["agent_prepositions"]),
              "control": longest(frames["control_gains"])}
    held = Substrings(s for strings in tested.values() for s in strings)
    return replace(gates, keys=keys, held=held, bits={k: held.mask(v) for k, v in tested.items()},
                   verb_scan=PhraseScan(knowledge.derived(_role_patterns)["act_verb"], frames["act_verbs"]),
                   clause_lists=clause_lists, clause_needs=tuple(clause_needs),
                   relative=frozenset(relative) if all(re.fullmatch("[a-z]+", w) for w in relative) else None)


def _relative_patterns(knowledge: Knowledge) -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...], PhraseScan]:
    """(a relative clause telling its noun's own act, what may not stand just before one, the words that gate both,
    the clause regex tried only where a quantifier or relative word can begin: `resources.PhraseScan`)."""
    frames = knowledge.roles
    quant = (phrase_pattern(frames.get("relative_quantifiers") or ["one"]) + r"\s+"
             + phrase_pattern([" ".join(p) for p in _relative_partitives(frames)]))
    rel = phrase_pattern(frames.get("relative_words") or ["that", "which", "who"])
    aux = phrase_pattern(frames.get("clause_auxiliaries") or ["had"])
    ends = phrase_pattern(frames.get("relative_clause_ends") or ["and"])
    words = int(frames.get("relative_clause_words", 10))
    verbs = phrase_pattern(frames["act_verbs"])
    # "that attack", "which strikes": a determiner and a noun unless an auxiliary comes first
    nouns = phrase_pattern(frames.get("act_nouns") or ["attack"])
    main = phrase_pattern(frames.get("main_clause_auxiliaries") or ["was", "were"])
    clause = regex(rf"(?:(?P<quant>{quant})|{rel})\s+(?:(?:{aux}\s+){{1,3}}{verbs}|(?!{nouns}){verbs})"
                   rf"(?:\s+(?!{ends})[^\s,;:.!?()\"“”|]+){{0,{words}}}"
                   rf"(?=\s+{main}|(?(quant)|(?!x)x))")
    # an act ("an airstrike that killed ..."), an indirect question ("unclear who"), a cleft ("it was X that")
    not_after = regex("(?:" + phrase_pattern([*(frames.get("act_nouns") or []), *frames["by_heads"],
                                               *(frames.get("act_antecedents") or [])]) + r"[\s,\"“”']*"
                      + "|" + phrase_pattern(frames.get("question_heads") or ["unclear"]) + r"\s*"
                      + r"|(?<![\w-])(?i:it)\s+(?:is|was)\s+(?:[\w'’-]+\s+){1,4})$")
    gate = tuple(sorted({w.lower() for w in frames.get("relative_words") or ["that", "which", "who"]}
                        | {p[-1] for p in _relative_partitives(frames)}))
    scan = PhraseScan(clause, [*(frames.get("relative_quantifiers") or ["one"]),
                               *(frames.get("relative_words") or ["that", "which", "who"])])
    return clause, not_after, gate, scan


def _relative_partitives(frames: Mapping[str, Any]) -> list[list[str]]:
    """roles.yaml `relative_partitives` ("of which", "of whom"), each as its lower-case words."""
    return [p.lower().split() for p in frames.get("relative_partitives") or ["of which", "of whom"]]


def other_act_clauses(sentence: str, *, knowledge: Knowledge, words: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each relative clause in `sentence` that tells another
    act of the noun it describes ("the jets that had attacked Turkish planes
    were downed", "..., one of which had shot down a drone"): its act, object
    and event cue are not the main clause's. Not a clause whose noun is an act
    ("an airstrike that killed ..."), nor a passive one ("who were killed in"),
    an indirect question ("unclear who carried out") or a cleft ("it was the
    rebels that used"). `words`: the sentence's `sentences.sentence_words`
    when already computed."""
    g = knowledge.derived(_role_gates)
    if words is not None and g.verbs.isdisjoint(words):
        return []  # the clause needs an act verb
    clause, not_after, gate, scan = knowledge.derived(_relative_patterns)
    if words is not None:
        if g.relative is not None and words.isdisjoint(g.relative):
            return []  # " that " below is a whole letter run: one of its words
        if g.clause_lists is not None:
            met = g.clause_lists.met(words)
            if not any(need <= met for need in g.clause_needs):
                return []  # neither a main-clause auxiliary after it nor "one of which"
    low = sentence.lower()
    if not any(f" {w} " in low for w in gate):
        return []
    return [(m.start(), m.end()) for m in (scan.finditer(sentence, words) if words is not None else clause.finditer(sentence))
            if not not_after.search(sentence, max(0, m.start() - 40), m.start())]


@dataclass(frozen=True)
class SecondAct:
    """A coordinated clause of a sentence that tells a second act (`second_act`)."""

    start: int  # where the clause starts in the sentence (its coordinator, or its verb in a run-on headline)
    end: int  # where it ends (the next clause's opener, or the sentence's end)
    verb_start: int  # where its act verb starts
    verb: str  # the verb as written
    subject: ActorMention | None  # its own subject, when it names one ("and the regime has hit ...")
    first_verb: int  # where the first act's verb starts


@dataclass(frozen=True)
class _SecondActs:
    first_verb: re.Pattern[str]  # any act verb that may open the first act
    coordinator: re.Pattern[str]  # "and" (after an optional comma)
    determiner: re.Pattern[str]  # a determiner right before the clause's subject
    verb_after: re.Pattern[str]  # up to two auxiliaries, then the clause's act verb
    headline_verb: re.Pattern[str]  # a capitalised act verb (a run-on headline's next item)
    clause_end: re.Pattern[str]  # where the second clause ends ("while ...", ";")


def _second_act_patterns(knowledge: Knowledge) -> _SecondActs | None:
    d = knowledge.roles.get("second_acts") or {}
    verbs = [str(v) for v in d.get("verbs") or ()]
    if not verbs or not d.get("coordinators"):
        return None
    nouns = {str(w).lower() for w in knowledge.roles.get("act_nouns") or ()}
    first = [w for w in [*knowledge.roles["act_verbs"], *(knowledge.roles.get("countering_verbs") or ()), *verbs]
             if str(w).lower() not in nouns and not str(w).endswith("ing")]
    aux = phrase_pattern(d.get("auxiliaries") or ["has"])
    return _SecondActs(
        first_verb=regex(r"(?i)" + phrase_pattern(first)),
        coordinator=regex(r"(?:,\s*)?" + phrase_pattern(d["coordinators"]) + r"\s+"),
        determiner=regex(phrase_pattern(d.get("determiners") or ["the"]) + r"\s+"),
        verb_after=regex(rf"\s*(?:{aux}\s+){{0,2}}(?P<verb>{phrase_pattern(verbs)})"),
        headline_verb=regex(r"(?:,\s*|\s+)(?P<verb>" + "|".join(
            re.escape(" ".join(w[:1].upper() + w[1:] for w in v.split()))
            for v in sorted(verbs, key=len, reverse=True) if v.lower() not in nouns) + r")(?![\w-])"),
        clause_end=regex(r";|" + phrase_pattern(d.get("clause_ends") or ["while"])),
    )


def second_act(sentence: str, mentions: Sequence[ActorMention], *, knowledge: Knowledge,
               headline: bool = False, place_ends: Sequence[int] = ()) -> SecondAct | None:
    """The first coordinated clause of `sentence` after an act verb that
    tells an act of its own (roles.yaml `second_acts`): "..., and the regime
    has hit rebel areas" (a subject of its own, one of `mentions`), "... and
    targeted ISIS positions in Raqqa" (none: whether it is another act the
    caller decides from its places). In a headline (`headline`), also a
    capitalised act verb right after a place name (one of `place_ends`, its
    end in the sentence) with only a comma or a space between, after a first
    verb right after an actor: "Army Kills 12 Militants in Palmyra, Advances
    in Douma" (not "Car Bomb in Azaz Kills 5"). Present-tense forms ending in
    -s open no clause of their own in running text without a subject ("and
    strikes": a noun as often as a verb). None when there is no such clause."""
    p = knowledge.derived(_second_act_patterns)
    if p is None:
        return None
    v1 = p.first_verb.search(sentence)
    if v1 is None:
        return None
    for m in p.coordinator.finditer(sentence, v1.end()):
        if not sentence[v1.end():m.start()].strip(" ,"):
            continue  # "killed and injured many": one act's two verbs
        at = m.end()
        subject = None
        det = p.determiner.match(sentence, at)
        for a in mentions:
            if a.start == at or (det is not None and a.start == det.end()):
                subject = a
                break
        v = p.verb_after.match(sentence, subject.end if subject is not None else at)
        if v is None:
            continue
        verb = v.group("verb")
        if subject is None and not headline and verb.lower().endswith("s"):
            continue
        return SecondAct(m.start(), _clause_end(sentence, v.end(), p), v.start("verb"), verb, subject, v1.start())
    # a run-on headline's first item opens with its actor and verb ("Syrian Army Kills ..."; not "Car Bomb in X Kills")
    lead = next((v for v in p.first_verb.finditer(sentence) if any(
        a.end <= v.start() and not sentence[a.end:v.start()].strip() for a in mentions)), None) \
        if headline and place_ends else None
    if lead is not None:
        ends = set(place_ends)
        for v in p.headline_verb.finditer(sentence, lead.end()):
            if v.start() in ends:
                return SecondAct(v.start(), _clause_end(sentence, v.end(), p), v.start("verb"), v.group("verb"), None,
                                 lead.start())
    return None


def _clause_end(sentence: str, at: int, p: _SecondActs) -> int:
    m = p.clause_end.search(sentence, at)
    return m.start() if m is not None else len(sentence)


@dataclass(frozen=True)
class _Aside:
    """What `aside_clauses` reads: the clause regex, the act regex the main
    clause needs before it, and the lower-case words one of which it needs."""

    clause: re.Pattern[str] | None
    act: re.Pattern[str] | None
    head_by: re.Pattern[str] | None  # "carried out by": a "by" that stays in the clause
    gate: tuple[str, ...]
    # the openers' words (`sentences.word_gates`): a sentence holds an opener only if it holds
    # every word of one ("in order to": "in" alone is in most sentences, "order" in few)
    openers: WordGates | None = None
    by: re.Pattern[str] | None = None  # the agent preposition (roles.yaml agent_prepositions) the clause ends at


def _aside_pattern(knowledge: Knowledge) -> _Aside:
    """The aside clause: roles.yaml `aside_clause_openers` followed by a
    progressive ("while trying to ...", "while the militias were attempting
    to ..."), or `purpose_openers` ("in order to ..."), opening after a word
    of the sentence; it runs to the next punctuation, or to a "by" that does
    not follow one of `by_heads` ("killed while he was heading to his land
    by regime shelling": the harm's cause, in the main clause)."""
    frames = knowledge.roles
    openers = list(frames.get("aside_clause_openers") or [])
    purpose = list(frames.get("purpose_openers") or [])
    if not openers and not purpose:
        return _Aside(None, None, None, ())
    openers_gate, needs = word_gates([([*openers, *purpose],)])
    agent = list(frames.get("agent_prepositions") or [])
    alts = []
    if openers:
        aux = phrase_pattern(frames.get("aside_clause_auxiliaries") or ["was", "were"])
        alts.append(rf"{phrase_pattern(openers)}\s+(?:(?:[\w'’“”-]+\s+){{1,4}}?{aux}\s+)?\w{{2,}}ing\b")
    if purpose:
        alts.append(phrase_pattern(purpose))
    clause = regex(r"(?<=[\w,”\"']\s)(?:" + "|".join(alts) + r")[^,;:.!?|()]*")
    act = regex(phrase_pattern([*frames["act_verbs"], *(frames.get("person_participles") or []),
                                *(frames.get("harm_words") or [])]))
    head_by = regex(phrase_pattern(frames["by_heads"]) + r"\s+" + phrase_pattern(agent) + "$") if agent else None
    by = regex(r"\s" + phrase_pattern(agent)) if agent else None
    return _Aside(clause, act, head_by, tuple(sorted({w.lower().split()[0] for w in [*openers, *purpose]})),
                  openers_gate if needs[0] else None, by)  # (a phrase without letters: no word tells it is there)


def aside_clauses(sentence: str, *, knowledge: Knowledge, words: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each clause of `sentence` that tells what someone was
    doing or meant to do beside the main act ("... were killed while trying
    to attack SDF positions", "... shelled the town in order to ..."): an
    actor named in one is neither the main act's agent nor its target. Only
    after a main clause that tells an act of its own (an act verb or a word
    of harm before the clause): else the clause's act is the sentence's.
    `words`: the sentence's `sentences.sentence_words`, when already computed."""
    a = knowledge.derived(_aside_pattern)
    if a.clause is None or a.act is None:
        return []
    if words is not None:
        if words.isdisjoint(a.gate) or (a.openers is not None and not a.openers.met(words)):
            return []
    elif not any(f" {w} " in sentence.lower() for w in a.gate):
        return []
    out = []
    for m in a.clause.finditer(sentence):
        if not a.act.search(sentence, 0, m.start()):
            continue
        end = m.end()
        for by in (a.by.finditer(sentence, m.start(), end) if a.by is not None else ()):
            if a.head_by is None or not a.head_by.search(sentence, m.start(), by.end()):
                end = by.start()
                break
        out.append((m.start(), end))
    return out


def _outside(sentence: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    """sentence[start:end] without the spans inside it."""
    out, at = [], start
    for a, b in spans:
        if a >= at and b <= end:
            out.append(sentence[at:a])
            at = b
    out.append(sentence[at:end])
    return "".join(out)


_NO_ROLES = Roles()  # frozen: one shared instance for the many sentences that name no actor


def find_roles(sentence: str, mentions: Sequence[ActorMention] | None = None, *, knowledge: Knowledge,
               words: frozenset[str] | None = None, clauses: list[tuple[int, int]] | None = None) -> Roles:
    """Perpetrator and target named in `sentence` (canonical names + phrases;
    `*_start` give which mention, by its offset in the sentence). `words`: the
    sentence's `sentences.sentence_words`, `clauses` its `other_act_clauses`,
    when already computed."""
    if mentions is None:
        mentions = find_actors(sentence, knowledge=knowledge)
    if not mentions:
        return _NO_ROLES
    # "the jets that had attacked Turkish planes were downed": the clause tells the jets' own act, not this one's
    if clauses is None:
        clauses = other_act_clauses(sentence, knowledge=knowledge, words=words)
    aside = aside_clauses(sentence, knowledge=knowledge, words=words)
    if aside:  # "... were killed while trying to attack SDF positions": not this act's agent nor target
        clauses = sorted([*clauses, *aside])
    if clauses:
        mentions = [m for m in mentions if not any(a <= m.start < b for a, b in clauses)]
        if not mentions:
            return _NO_ROLES
    p = knowledge.derived(_role_patterns)
    # "Rebel shelling kills 3 in Damascus - Russia": a trailing tag names no one who acted or was hit
    last = mentions[-1]
    if p["tag_after"].fullmatch(sentence, last.end) and p["tag_before"].search(sentence, max(0, last.start - 8), last.start):
        mentions = mentions[:-1]
        if not mentions:
            return _NO_ROLES
    # "Syrian or Russian jets", "by the regime or Russian warplanes": alternatives, neither asserted
    if " or " in sentence or " nor " in sentence:
        mentions = _asserted(sentence, mentions, p)
        if not mentions:
            return _NO_ROLES
    # "did not say which Turkish units ...": an indirect question asserts no actor
    g = knowledge.derived(_role_gates)
    low = sentence.lower()
    # which of the frames' cue strings the sentence holds, read off its words at once
    ws = sentence_words(sentence) if words is None else words
    held = g.held.held(ws, low)
    bits = g.bits
    if held & bits["indirect"] and any(w in low for w in g.indirect):
        mentions = [m for m in mentions if not p["indirect_question"].search(sentence[max(0, m.start - 40):m.start])]
        if not mentions:
            return _NO_ROLES
    perp: ActorMention | None = None
    cue = ""
    # each frame below needs its cue word somewhere in the sentence: one search per sentence, not per actor
    by_or_from = " by " in low or " from " in low or low.startswith("by ")
    # the case-insensitive patterns: on a lower-cased ASCII sentence, their lower-case versions
    caseless = knowledge.derived(_caseless_patterns) if sentence.isascii() else None
    ci, cp = (low, caseless) if caseless is not None else (sentence, p)
    # "a week of bombing by X": a campaign lead's word and "by" (the campaign_by regex's literal) both in it
    campaign = "by" in sentence and bool(held & bits["campaign"])
    # "... in retaliation for an attack by X": one of the reason leads' words and "by" both in it
    reason = by_or_from and any(w in low for w in p["reason_gates"])
    # 1. "blamed X for", "accused X of", "blamed the attack on X"
    if held & bits["blame"]:
        aside: list[ActorMention] = []
        for m in mentions:
            before = sentence[max(0, m.start - 60):m.start]
            if p["blame"].search(before[-30:]) or p["blame_on"].search(before) or p["blamed_after"].match(sentence, m.end):
                perp, cue = m, "blamed"
                break
            if p["blame_aside"].search(before):
                aside.append(m)  # "..., blaming the regime for the massacre": neither this act's agent nor target
        if aside:
            mentions = [m for m in mentions if m not in aside]
            if not mentions:
                return _NO_ROLES
    # 2a. "killed in regime airstrikes": an act compound that caused the harm (before any other verb's agent)
    acts = [bool(_ends_in_act_noun(m.raw, p, g.act_end) or p["act_noun_after"].match(sentence, m.end)) for m in mentions]
    if perp is None and (any(acts) or by_or_from):
        for m, act in zip(mentions, acts):
            before = sentence[max(0, m.start - 60):m.start]
            if ((act and p["harmed_in"].search(before)) or (by_or_from and p["harmed_by"].search(before))) \
                    and not p["countered_before"].search(sentence[max(0, m.start - 30):m.start]) \
                    and not (reason and p["reason_by"].search(sentence, max(0, m.start - 120), m.start)):
                perp, cue = m, "by_phrase"
                break
    # 2. "an airstrike by X", "shot dead by members of X", "came under fire from X",
    #    "unidentified gunmen, believed to be X" (hedged: the hedge lexicon marks the claim)
    affiliated = " by " in low and bool(held & bits["affiliated"])
    hedged = clash = False  # read only where no frame above named the perpetrator
    if perp is None:
        hedged = bool(held & bits["hedged"]) and any(w in low for w in g.hedged)
        clash = bool(held & bits["clash"])
    if perp is None and (by_or_from or hedged or clash):
        for m in mentions:
            before = sentence[max(0, m.start - 80):m.start]
            by = by_or_from and "by" in before  # by_head's and campaign_by's literal "by"
            if by and campaign and p["campaign_by"].search(before):
                continue  # "a week of bombing by X": a campaign in the background, not this incident's act
            if by and reason and p["reason_by"].search(sentence, max(0, m.start - 120), m.start):
                continue  # "in retaliation for an attack by X": the act replied to, not this one
            if (by_or_from and ((by and p["by_head"].search(before) and not (
                    p["used_premises"].search(before) and not p["used_to"].match(sentence, m.end)))
                                or ("from" in before and p["from_head"].search(before)))) \
                    or (hedged and p["hedged_agent"].search(before)) or (clash and p["clash_with"].search(before)):
                perp, cue = m, "by_phrase"
                break
            if affiliated:
                far = sentence[max(0, m.start - 120):m.start]
                by_at = far.rfind(" by ")
                if by_at >= 0 and p["by_affiliated"].search(far) and p["affiliated_act"].search(
                        sentence, 0, m.start - len(far) + by_at):
                    perp, cue = m, "by_phrase"
                    break
    # 3. "X that violated the ceasefire", "started after X conducted ..."
    if perp is None:
        started = bool(held & bits["started"])
        # the sentence's gate words, read once for all its mentions
        responsible = any(w in low for w in p["responsible_gates"])
        involvement = any(w in low for w in p["involvement_gates"])
        for m in mentions:
            if cp["responsible_clause"].match(ci[m.end:m.end + 40]):
                perp, cue = m, "responsible"
                break
            # "X was behind the attack", "involvement of X in this murder"
            if responsible and p["responsible_for"].match(sentence, m.end):
                perp, cue = m, "responsible"
                break
            if involvement and p["involvement_of"].search(sentence, max(0, m.start - 40), m.start) \
                    and p["involved_in"].match(sentence, m.end):
                perp, cue = m, "responsible"
                break
            if started and p["started_after"].search(sentence[max(0, m.start - 40):m.start]):
                perp, cue = m, "responsible"
                break
    # 3a. "Russian and regime jets pound Idlib", "rebels and regime forces clash": a joint subject, neither
    #     named alone as the perpetrator nor the target
    joint = _joint_subject(sentence, mentions, p, ci, cp, clauses) if perp is None else frozenset()
    if joint:
        mentions = [m for m in mentions if m.start not in joint]
        if not mentions:
            return _NO_ROLES
        acts = [bool(_ends_in_act_noun(m.raw, p, g.act_end) or p["act_noun_after"].match(sentence, m.end)) for m in mentions]
    # 3b. "Rebels say they shelled Damascus": the speaker's own act, told through a pronoun
    if perp is None and not g.speech.isdisjoint(ws):
        for m in mentions:
            said = p["speaker_pronoun"].match(sentence, m.end)
            told = p["act_verb"].search(sentence, 0, m.start) if said is not None else None
            if told is not None and cp["other_event"].search(ci, told.end(), m.start):
                continue  # "Strikes kill 12 while Turkey says it shot down a jet": another event's actor
            if said is not None and not any(m.end <= o.start < said.end() for o in mentions) \
                    and not _is_object_position(sentence, m, p, ci, cp):  # "Turkey said the YPG claimed that it ..."
                perp, cue = m, "agent"
                break
    # 4. "X (once again) shelled ...", "a combat drone of X struck ..."; not "X killed in ..." (passive)
    verb = None
    passive_subject: ActorMention | None = None
    harmed_at = -1  # end of the first passive verb: who acts in another clause after it did not do that harm
    # the act_verb regex needs an act verb's word
    verbs: Iterable[re.Match[str]] = (() if words is not None and g.verbs.isdisjoint(words)
                                      else g.verb_scan.finditer(sentence, words) if g.verb_scan is not None
                                      else p["act_verb"].finditer(sentence))
    for v in verbs:
        if clauses and any(a <= v.start() < b for a, b in clauses):
            continue
        verb = verb or v
        passive = _is_passive(sentence, v, p)
        if passive and harmed_at < 0:
            harmed_at = v.end()
        if perp is not None and not passive:
            break  # a frame above named the perpetrator; only a passive's subject (the target) is left to read
        noun_like = bool(p["act_noun_end"].search(v.group(0)))
        for m in reversed([m for m in mentions if m.end <= v.start()]):
            gap = (_outside(sentence, m.end, v.start(), clauses) if clauses else sentence[m.end:v.start()]) \
                .replace("”", " ").replace("\"", " ")
            if passive:
                aux = p["passive_aux"].search(gap)
                gap = gap[:aux.start()] if aux else gap
            if _is_subject_gap(gap, p) and not _is_object_position(sentence, m, p, ci, cp):
                if passive:
                    passive_subject = passive_subject or m
                elif harmed_at >= 0 and cp["other_event"].search(ci, harmed_at, m.start):
                    pass  # "Regime soldier shot dead while regime forces shell two villages": another act's actor
                elif p["count_before"].search(sentence, max(0, m.start - 40), m.start):
                    pass  # "hit 63 ISIS targets": the actor modifies the counted noun, whose verb is no act of it
                elif perp is None and not (noun_like and not p["reply_link"].search(gap)
                                           and cp["determiner_before"].search(ci[max(0, m.start - 12):m.start])):
                    # ("the Turkish shelling": a noun; "the Turkish forces responded by shelling": a verb)
                    perp, cue, verb = m, "agent", v
                break  # "the Turkish drone attack, SDF shelled": a noun, not X's verb; read on
        if perp is not None and passive_subject is not None:
            break
    # 5. "Turkish ground shelling", "an ISIS attack on ...": the actor of an act noun
    if perp is None:
        place_like = knowledge.derived(_build_tables).place_like
        for m, act in zip(mentions, acts):
            if not act or norm_phrase(m.raw) in place_like:
                continue  # "the Damascus bombing": where, not who
            before = sentence[max(0, m.start - 50):m.start]
            if not p["target_lead"].search(before) and not p["countered_before"].search(before) \
                    and not p["background_before"].search(before):
                perp, cue = m, "by_phrase"
                break
    # 6. "the jets were Syrian regime aircraft": the act's weapons named as an actor's
    if perp is None and (" was " in low or " were " in low):
        perp = next((m for m in mentions if p["identified"].search(sentence[max(0, m.start - 40):m.start])), None)
        cue = "agent" if perp is not None else cue
    # 7. "A and B exchanged fire", "an exchange of fire between A and B": each fired at the other
    exchange = None
    if perp is None and len(mentions) > 1 and any(w in low for w in g.exchange):
        exchange = _exchange(sentence, mentions, p)
        if exchange is not None:
            perp, cue = exchange[0], "exchange"
    if passive_subject is not None and perp is not None and passive_subject.name == perp.name:
        passive_subject = None
    target = exchange[1] if exchange is not None else _target(
        sentence, mentions, perp, verb, p, passive_subject, ci, cp, campaign=campaign,
        attributed=bool(held & bits["attributed"]), speech=not g.speech.isdisjoint(ws),
        # speaker_lead ignores case: in a text that is not ASCII it may match what lower-casing does not give
        ally=bool(held & bits["ally"]), lead=bool(held & bits["lead"]) or not sentence.isascii(),
        holds=_holds_gates(sentence, held, bits))
    return Roles(
        perpetrator=perp.name if perp else "",
        perpetrator_raw=perp.raw if perp else "",
        perpetrator_cue=cue,
        target=target.name if target else "",
        target_raw=target.raw if target else "",
        perpetrator_start=perp.start if perp else -1,
        target_start=target.start if target else -1,
    )


def _joint_subject(sentence: str, mentions: Sequence[ActorMention], p: dict[str, re.Pattern[str]],
                   ci: str, cp: dict[str, re.Pattern[str]], clauses: Sequence[tuple[int, int]]) -> frozenset[int]:
    """Starts of the mentions that make one joint subject ("rebels and regime
    forces clash", "Russian and regime jets pound": two actors, or a modifier
    alone and an actor, joined and followed by an act or mutual verb with only
    subject-gap words between, in subject position); empty when none."""
    if "," not in sentence and not p["joint_any"].search(sentence):
        return frozenset()  # no join (roles.yaml joint_joins, or a headline's comma)
    for i, b in enumerate(mentions):
        verb = p["joint_verb"].search(sentence, b.end, b.end + 70)
        if verb is None or not _is_subject_gap(_outside(sentence, b.end, verb.start(), clauses), p) \
                or _is_passive(sentence, verb, p):
            continue  # "rebels and soldiers killed in clashes": they were hit
        a = mentions[i - 1] if i else None
        if a is not None and a.name != b.name and p["joint_join"].match(sentence[a.end:b.start]):
            if not _is_object_position(sentence, a, p, ci, cp):
                return frozenset({a.start, b.start})
            continue
        mod = p["joint_modifier"].search(sentence, max(0, b.start - 40), b.start)
        if mod is not None and (a is None or a.end <= mod.start()):
            head = ActorMention(mod.start(), mod.end(), mod.group("mod"), "", "", "")
            if not _is_object_position(sentence, head, p, ci, cp):
                return frozenset({b.start})
    return frozenset()


def _ends_in_act_noun(raw: str, p: dict[str, re.Pattern[str]], memo: Memo) -> bool:
    """"Turkish shelling": the mention's words end in an act noun (memoised: mentions recur)."""
    got = memo.get(raw)
    if got is None:
        got = memo.put(raw, p["act_noun_end"].search(raw) is not None)
    return got  # type: ignore[no-any-return]


def _is_passive(sentence: str, v: re.Match[str], p: dict[str, re.Pattern[str]]) -> bool:
    """'were killed', 'killed in an ambush' (headline style): the subject was hit."""
    person = bool(p["person_participle"].match(v.group(0)))
    if not person and not p["passive_participle"].match(v.group(0)):
        return False
    if p["passive_aux"].search(sentence[max(0, v.start() - 30):v.start()]):
        return True
    return bool(p["person_follower" if person else "passive_follower"].match(sentence, v.end())
                or p["reduced_relative"].match(sentence, v.end()))


def _is_subject_gap(gap: str, p: dict[str, re.Pattern[str]]) -> bool:
    """Only adverbs, weapon nouns and a supporting actor lie between subject and verb."""
    return len(gap) <= 60 and bool(p["subject_gap"].match(gap))


def _is_object_position(sentence: str, m: ActorMention, p: dict[str, re.Pattern[str]],
                        ci: str, cp: dict[str, re.Pattern[str]]) -> bool:
    """`ci`, `cp`: the sentence and patterns the case-insensitive ones search
    (lower-cased ASCII and `_caseless_patterns`, or `sentence` and `p`)."""
    before = sentence[max(0, m.start - 40):m.start]
    if p["weapon_of"].search(before):
        return False  # "a combat drone of the Turkish Armed Forces struck"
    before_ci = ci[max(0, m.start - 40):m.start]
    if cp["clause_opens"].search(before_ci) or p["time_before"].search(before):
        return False  # "... on Tuesday when YPG/PKK terrorists detonated": a new clause's subject
    return bool(cp["object_lead"].search(before_ci))


_FEW_WORDS = regex(r"(?:[\w'’-]+\s+){0,2}")  # at most two words between "or" and the second alternative


def _asserted(sentence: str, mentions: Sequence[ActorMention], p: dict[str, re.Pattern[str]]) -> list[ActorMention]:
    """`mentions` without those that are one of two alternatives: right after
    "<Adjective> or", or followed by "or" and anything but another mention of
    the same actor or its own camp ("or its allies") ("Syrian or Russian jets", "by the regime or Russian
    warplanes", "by Syrian government or Russian war planes" where "Russian
    war planes" names no actor of the table: which acted is not said; "SDF
    or YPG positions" name one actor)."""
    out = []
    for i, m in enumerate(mentions):
        if p["alternative_before"].search(sentence, max(0, m.start - 40), m.start):
            continue
        after = p["alternative_after"].match(sentence, m.end)
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if after is not None and not (nxt is not None and nxt.name == m.name and nxt.start == after.end()) \
                and not p["alternative_own"].match(sentence, m.end):
            continue
        prev = mentions[i - 1] if i else None
        alt = p["alternative_after"].match(sentence, prev.end, m.start) if prev is not None and prev.name != m.name else None
        if alt is not None and _FEW_WORDS.fullmatch(sentence, alt.end(), m.start):
            continue  # "against the opposition factions or against IS": the second alternative
        out.append(m)
    return out


def _by_agent(sentence: str, m: ActorMention, p: dict[str, re.Pattern[str]]) -> bool:
    """'by X' right before the mention, not after an owner or holding
    participle ('positions held by X', 'a base used by X', 'a district seized
    by X' are X's: X may be the one hit)."""
    if "by" not in sentence[max(0, m.start - 60):m.start]:
        return False
    hit = p["by_before"].search(sentence, max(0, m.start - 60), m.start)
    return hit is not None and hit.group("owner") is None


# `_holds_or_would_act`'s gates when nothing is known of the sentence: every frame is tried
_HOLDS_ALL = (True, True, True, True, True)


def _holds_gates(sentence: str, held: int, bits: Mapping[str, int]) -> tuple[bool, bool, bool, bool, bool]:
    """`_holds_or_would_act`'s gates of a sentence: `held` is what
    `_role_gates`' substrings read off it, `bits` their masks."""
    return (bool(held & bits["pair"]), bool(held & bits["where"]), bool(held & bits["agent"]),
            bool(held & bits["control"]), "-" in sentence)


def _holds_or_would_act(sentence: str, m: ActorMention, p: dict[str, re.Pattern[str]],
                        holds: tuple[bool, bool, bool, bool, bool] = _HOLDS_ALL) -> bool:
    """Whether the mention names who holds the ground an act hit ("a village
    held by X", "X-held areas") or takes it ("X taking control of"), a side of a pair ("fighting between X and
    Y"), who is at a place ("an area where X are
    advancing") or who would act ("a pretext for X to
    bomb"): neither is the one hit. `holds`: whether the sentence holds a
    word of the pair leads, the place relatives, the agent prepositions and
    the control gains, and a hyphen (`_role_gates`, read once per sentence):
    a frame whose word is missing is not tried."""
    pair, where, agent, control, hyphen = holds
    if (hyphen and p["holder_after"].match(sentence, m.end)) or (control and p["control_after"].match(sentence, m.end)):
        return True  # "IS-held areas", "the Nusra Front and its allies taking control of"
    if pair and p["pair_lead"].search(sentence, max(0, m.start - 130), m.start) \
            and p["pair_side"].search(sentence, max(0, m.start - 130), m.start):
        return True  # "clashes between pro-regime and opposition forces"
    if where and p["place_relative"].search(sentence, max(0, m.start - 80), m.start) \
            and not p["target_lead"].search(sentence, max(0, m.start - 50), m.start):
        return True  # "an area where Turkish forces are advancing"; not "where they attack the regime forces"
    if p["infinitive_after"].match(sentence, m.end) and p["infinitive_lead"].search(sentence, max(0, m.start - 20), m.start):
        return True
    return agent and p["agent_word"].search(sentence, max(0, m.start - 40), m.start) is not None and \
        p["holder_before"].search(sentence, max(0, m.start - 140), m.start) is not None


def _coordinated(sentence: str, perp: ActorMention, m: ActorMention, p: dict[str, re.Pattern[str]]) -> bool:
    """'by the Syrian Army and Russia': Russia acts beside the perpetrator, it is not the target."""
    return m.start >= perp.end and bool(p["coordination"].match(sentence[perp.end:m.start]))


def _target(sentence: str, mentions: Sequence[ActorMention], perp: ActorMention | None,
            verb: re.Match[str] | None, p: dict[str, re.Pattern[str]],
            passive_subject: ActorMention | None, ci: str, cp: dict[str, re.Pattern[str]], *,
            campaign: bool = True, attributed: bool = True, speech: bool = True, ally: bool = True,
            lead: bool = True, holds: tuple[bool, bool, bool, bool, bool] = _HOLDS_ALL) -> ActorMention | None:
    """The target among `mentions`; `ci`, `cp` as in `_is_object_position`;
    `campaign`, `attributed`, `ally`, `lead`: False where the sentence lacks
    the campaign_by / attributed_before / ally_before / speaker_lead regexes'
    words; `speech`: False where it holds no reporting verb nor "according"
    (`_speaks` cannot be true); `holds`: `_holds_or_would_act`'s gates."""
    # allies, agents named by "by X", where fire came from (and actors coordinated with them) are not hit
    allies: set[int] = set()  # their indexes in `mentions`
    for i, m in enumerate(mentions):
        if (ally and p["ally_before"].search(sentence, max(0, m.start - 40), m.start)) or _by_agent(sentence, m, p) or (
                " from " in sentence[max(0, m.start - 60):m.start]
                and p["fired_from"].search(sentence, max(0, m.start - 60), m.start)) or (
                i - 1 in allies and p["coordination"].match(sentence[mentions[i - 1].end:m.start])):
            allies.add(i)
    # the tests below are pure: the cheap ones first
    candidates = [m for i, m in enumerate(mentions)
                  if i not in allies  # "in support of the regime", "its allies Russia and Iran", "by insurgents' mortars"
                  and (perp is None or (m.name != perp.name and m.start != perp.start
                                        and not _coordinated(sentence, perp, m, p)
                                        and not (m.start >= perp.end and p["perp_patron"].match(sentence[perp.end:m.start]))))
                  and not p["speaker_after"].match(sentence, m.end)  # "..., the Turkish military said"
                  and not p["presence_after"].match(sentence, m.end)  # "where Turkish forces are stationed"
                  and not _holds_or_would_act(sentence, m, p, holds)  # "a village held by X", "a pretext for X to bomb"
                  # "targeted in Russian air strikes", "warns against new US missile strikes": an act names who
                  # acted, never who was hit; unless it was countered ("repelled the ISIS attack": they were hit)
                  and not (p["act_noun_end"].search(m.raw)
                           and not p["countered_before"].search(sentence, max(0, m.start - 30), m.start))
                  and not (attributed and p["attributed_before"].search(sentence[max(0, m.start - 40):m.start]))
                  # "weeks of shelling by X": X acted in a campaign told aside, it was not hit
                  and not (campaign and p["campaign_by"].search(sentence[max(0, m.start - 80):m.start]))
                  and not (speech and _speaks(sentence, m, mentions, p, lead))]  # "..., Turkey's defence ministry said"
    if not candidates:
        return passive_subject
    # "on positions of X", "against X", "targeting X"
    for m in candidates:
        before = sentence[max(0, m.start - 50):m.start]
        if p["target_lead"].search(before) and not p["time_before"].search(before) \
                and not p["place_before"].search(before):
            return m
    if passive_subject is not None:
        return passive_subject  # "Syrian soldiers (were) killed in ...": they were hit
    # first actor after the act verb, unless it only says where ("a base near the Russian base")
    if verb is not None:
        for m in candidates:
            if m.start >= verb.end() and not p["place_before"].search(sentence, max(0, m.start - 30), m.start) \
                    and not p["subject_of_perfect"].match(sentence, m.end):  # "bombs that the regime has deployed"
                if cp["clause_between"].search(ci, verb.end(), m.start):
                    return None  # "... killed in regime airstrikes after rebels launched": another clause's actor
                return m
    return None





