"""Who a sentence's claim is attributed to, and how firmly it is put.

Attribution frames, in order of precedence:
  "according to X"; "X quoted Y as saying" / "Y, quoted by X" (Y speaks, X
  relays); "X said/reported/claimed ... that" (the noun phrase right before
  the verb); sentence-final "..., X reported late on May 27"; the inverted
  "..., said X" (also without the comma texts stripped of punctuation lose);
  "documented by X"; a participle ("..., saying") takes the sentence's subject.

A source is a person, an office, an organisation, an outlet or a recognised
unnamed group. The phrase a frame finds is resolved, in order, as

  * a pronoun or a definite description that points back ("they", "the
    group", "the ministry", "the source", "the statement") -> the source named
    before it in the document that fits;
  * the same phrase resolved earlier in the document -> the same source;
  * two coordinated voices ("X and Y") -> one compound source;
  * an entry of the pack's `sources.yaml` (longest alias wins; possessives
    without apostrophe allowed) -> that source; a singular unnamed monitor ("a
    monitor", "a monitoring group") is the one monitor the document names;
  * a state's office ("Turkey's foreign ministry", "the defence ministry in
    Moscow", "Syrian Information Minister Omran Zoabi", "Russia") -> the
    state's government, defence or military source (`states` in sources.yaml);
    an unqualified ministry is the outlet's state's, else the theatre's;
  * an actor of `actors.yaml` ("the Islamic State group") -> that actor;
  * a person's name, with the office the text gives ("White House spokesman
    Sean Spicer" -> US government, person Sean Spicer), or a named
    organisation the taxonomy lacks ("Long War Journal") -> verbatim, type
    `person` / `organisation`; a surname alone resolves to the person named
    before ("Johnson" after "Boris Johnson");
  * an unnamed description whose head noun names a speaker ("a Kurdish
    official" -> other sources, "the rebel alliance") -> its unnamed group, or
    verbatim with type `unnamed`.

Anything else (fragments of headlines, tags, dates, clauses and truncated
names: "type location flight patterns and munitions used", "Least 25 Dead",
"statement") is no source: the sentence is the outlet's own voice, with the
phrase kept in `raw`. The speaker relayed by an outlet ("X told Reuters", "X,
quoted by SANA", "Kurdish media reported citing an SDF statement") is the
source, the outlet is kept as `via`; unnamed informants of a monitor
("reliable sources informed SOHR") are the monitor itself.

Hedging (reportedly, allegedly, likely, "if confirmed", a distancing verb such
as "claimed") and denial ("denied", "fake news"; not a zero count such as "did
not report any casualties", an act that happened) are read from the pack's
`lexicon.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Mapping, Sequence

from .ingest import outlet_index
from .knowledge import Knowledge, Memo
from .resources import norm_phrase, phrase_pattern, regex, trie_pattern
from .sentences import Gate, WordGates, word_gates

__all__ = ["Source", "Attribution", "Stance", "source_table", "canonical_source", "attribute",
           "stance", "voice_parts"]


UNKNOWN_OUTLET = "(unknown outlet)"  # the own-voice source of a document whose outlet is not known


@dataclass(frozen=True)
class Source:
    name: str
    type: str
    side: str
    refer: tuple[str, ...] = ()
    person: bool = False


@dataclass(frozen=True)
class Attribution:
    source: str
    source_type: str
    source_side: str
    raw: str = ""  # the phrase naming the source, as written (for the outlet's voice: a phrase found but not a source)
    cue: str = "outlet"  # according_to | reporting_verb | sentence_final | quote | anaphora | outlet
    verb: str = ""
    person: str = ""  # the person speaking for the source, when the text names one
    via: str = ""  # the outlet or source that relays the speaker ("told Reuters", "quoted by SANA")


@dataclass(frozen=True)
class Stance:
    hedged: bool
    hedge_cue: str
    negated: bool
    negation_cue: str


@dataclass(frozen=True)
class _State:
    name: str
    side: str
    government: str
    defense: str
    military: str
    home: bool


@dataclass(frozen=True)
class _Taxonomy:
    sources: dict[str, Source]
    by_alias: dict[str, str]
    modifier_ing: frozenset[str]  # "fighting": a participle whose phrase describes the noun before it
    name_stops: frozenset[str]  # "today": a stop word that, capitalised inside a capitalised run, is a name's
    question_openers: frozenset[str]  # "whether": the verb of the clause it opens is asked about, not reported
    alias_regex: re.Pattern[str]
    generic: frozenset[str]  # canonical names that are catch-alls ("other sources")
    observing: frozenset[str]  # reporting verbs only an observer reports with ("monitored")
    observers: frozenset[str]  # the source types that observe
    determiners: frozenset[str]
    plural: frozenset[str]
    singular: frozenset[str]
    verbs: re.Pattern[str]
    verbs_low: re.Pattern[str]  # the same, lower case only: for lower-cased ASCII text
    distancing: frozenset[str]
    hedges: re.Pattern[str]
    negations: re.Pattern[str]
    stance_any: re.Pattern[str]  # hedges and negations in one pass: most sentences have neither
    stance_low: re.Pattern[str]  # the same, lower case only: for lower-cased ASCII text
    stance_gates: WordGates  # the words a hedge or negation needs (`sentences.word_gates`): most sentences lack them
    stance_gate: Gate
    # what a source phrase is
    stops: frozenset[str]
    no_speaker: frozenset[str]
    not_adverbs: frozenset[str]
    pre_verb_words: frozenset[str]  # "SOHR also said": words between a subject and its reporting verb
    pre_verb_pairs: frozenset[tuple[str, ...]]  # "did not"
    pre_verb_triples: frozenset[tuple[str, ...]]  # "in a statement"
    pronouns: frozenset[str]  # "they", "he", "it": point back to a speaker
    gendered: dict[str, frozenset[str]]  # "he" -> nouns only a man is called ("spokesman"); "she" -> ...
    body_person_nouns: frozenset[str]  # person nouns that name a body as well ("a monitor"): no "he"
    of_words: frozenset[str]  # "of", "for": after them a description names the body a person speaks for
    complement_of: frozenset[str]  # "of", "for": join a body's head to its complement ("Army of Conquest"; `body_name_prepositions`)
    name_connectors: frozenset[str]  # "of", "al", "bin": lower-case words inside a name
    name_prefixes: tuple[str, ...]  # "al-", "abu-": a lower-case word starting so is inside a name
    name_openers: frozenset[str]  # "Abu", "Umm": a capitalised connector that opens a name (a kunya)
    given_name_months: frozenset[str]  # "Jan", "April": a month's word that opens a person's name before a surname
    pointing_fillers: frozenset[str]  # "the said group": words of a pointing description that pick no body
    distancing_modifiers: tuple[tuple[str, ...], ...]  # "so-called": a writer's distance before a name, no word of it
    related_markers: re.Pattern[str]  # "Related", "Read also" opening a sentence: other articles' headlines follow
    first_person: re.Pattern[str]  # "we", "ourselves": a first-person word (`first_person_words`)
    signature: re.Pattern[str]  # "Omar Khaled rescuer" closing a statement: groups tag, name (a singular person noun)
    headline_verbs: re.Pattern[str]  # "says", "urges": the present tense a headline's frame is told in
    identity_hedges: frozenset[str]  # "believed to be": after a noun, doubts what a thing is, not the claim
    membership_links: frozenset[tuple[str, ...]]  # "part of": "X part of the alliance said" is X speaking
    be_forms: frozenset[str]  # "is", "were": before an identity hedge, it hedges the claim
    locative_before: re.Pattern[str]  # a locative preposition just before a place-like name
    locative: frozenset[str]
    time_words: frozenset[str]
    person_nouns: frozenset[str]
    org_nouns: frozenset[str]
    speech_nouns: frozenset[str]
    office_regex: re.Pattern[str]
    former_office: re.Pattern[str] | None  # "former"/"ex-" before an office noun: a person, speaking for no state
    military_regex: re.Pattern[str]
    org_name_words: frozenset[str]
    group_nouns: frozenset[str]
    group_descriptors: frozenset[str]  # "terrorist" in "the Daesh terrorist group"
    group_heads_last: frozenset[str]  # "Brigade", "Division": the head of an armed group's name, last or before "of"
    group_heads_first: frozenset[str]  # "Jaysh", "Liwa": the head of a transliterated armed group's name, first
    fallback_group: str  # the unnamed group a speaker no rule can name falls back to ("other sources")
    not_person: frozenset[str]
    not_name: frozenset[str]  # function words that break a person's name ("Like" opening a sentence)
    portfolios: frozenset[str]  # words of a ministry's name that name no state ("Interior", "Health")
    group_of_head: dict[str, str]  # head noun of an unnamed group's alias -> the group ("official" -> other sources)
    relay_verbs: frozenset[str]
    channel_before: re.Pattern[str]  # a channel opener ending the text before a phrase ("Speaking to ")
    channel_nouns: frozenset[str]  # "reporter", "TV": words that go on naming a channel after its name
    outcome_words: re.Pattern[str]  # "killed", "wounded": an act's human outcome (events.yaml causes.outcome_words)
    inverted_participles: frozenset[str]  # "adding": the speaker's next words after an inverted frame's name
    pronoun_clause: re.Pattern[str]  # "though it", "because they": a clause whose pronoun a body named before is
    relay_participles: frozenset[str]  # "quoted", "carried", "cited": "X, quoted by SANA" relays X
    not_by_agent: frozenset[str]  # participles whose "by X" names no speaker of the sentence ("claimed by X")
    relay_citing: re.Pattern[str]
    relay_by: re.Pattern[str]
    # states and outlets
    states: dict[str, _State]
    state_of_word: dict[str, str]  # lower-cased state name / adjective / capital -> state
    state_regex: re.Pattern[str]
    state_names: frozenset[str]  # lower-cased names and capitals: the phrase alone is the government
    state_by_side: dict[str, str]
    state_of_source: dict[str, str]  # a state's government, defence or military source -> the state
    home_state: str
    outlet_state: Mapping[str, str]  # casefolded outlet name or alias -> state (ingest.outlet_index)
    outlet_names: dict[str, str]  # lower-cased outlet name or alias (outlets.yaml) -> canonical outlet name
    outlet_regex: re.Pattern[str]  # those names and aliases (codes such as "dailysabah" aside)
    # actors (actors.yaml) as speakers
    actor_by_alias: dict[str, tuple[str, str, str]]  # alias -> (name, side, kind)
    actor_regex: re.Pattern[str]
    monitor_names: frozenset[str]  # specific sources of type monitor
    refers: dict[str, frozenset[str]]  # source -> the nouns that point back at it (`refer`)
    monitor_regex: re.Pattern[str]  # their aliases
    memo: Memo  # phrase -> resolution, for resolutions that read no document
    clean_memo: Memo  # phrase -> the phrase tidied
    form_memo: Memo  # phrase -> its _Form
    verb_memo: Memo  # sentence -> the spans of its reporting verbs (`_verb_spans`)
    match_memo: Memo  # phrase -> the source it names and the alias match (`_canonical_match`)
    place_like: frozenset[str]  # lower-cased aliases that are a state's name or capital ("Moscow", "Ankara")
    refer_nouns: frozenset[str]  # the nouns by which sources are pointed back at ("the group")
    person_aliases: frozenset[str]  # aliases that are a source's head or spokesperson (`persons` in sources.yaml)
    title_before: re.Pattern[str]  # a title ending right before a name ("Secretary of State "): `person_title_forms`
    title_words: frozenset[str]  # one-word titles ("mr", "dr", "gen"): never the first word of a person's name
    adversary: frozenset[str]  # "opponents", "critics": a phrase headed by one names whom they oppose, not who speaks
    number_words: re.Pattern[str]  # "three", "dozens": a figure written in words (numbers.yaml)
    reported_complement: re.Pattern[str]  # "reports that", "claims of": after the verb, the figure is that report's
    voice_connectives: re.Pattern[str]  # ", while", "but": where two voices' accounts meet (group vN: entry N)
    voice_punctuated: tuple[bool, ...]  # entry N must follow a comma or semicolon
    voice_connective_words: frozenset[str]  # "while", "but", "and": the words of those connectives
    voice_continuations: frozenset[str]  # "that": opening the part after a connective, the first voice goes on
    noun_before: re.Pattern[str]  # "the", "its", "'s" ending the text before a reporting verb: the verb is a noun
    plural_endings: tuple[str, ...]  # "s": a word ending so is plural ...
    coordinated: re.Pattern[str]  # "X and Y": groups a, b (lexicon `coordinators`)
    relative_pronouns: tuple[str, ...]  # "which", "who", "that"
    complementizers: frozenset[str]  # "that": also opens a reported clause
    antecedent_not_after: frozenset[str]  # "by", "with": a body named after one is no pronoun's antecedent
    statement_verbs: re.Pattern[str]  # "voiced", "urged" and the reporting verbs: a sentence that is a body's statement
    saying_outcomes: re.Pattern[str]  # "neutralised", "captured": outcomes a "with X saying" clause tells besides deaths
    inverted_verb: re.Pattern[str]  # "said", "added": the verbs of an inverted frame with more after its speaker
    quoted_passive: re.Pattern[str]  # "was quoted as saying": its subject speaks, its agent relays
    quoted_passive_gates: tuple[str, ...]  # "quoted as": one must be in a lower-cased ASCII sentence for it to match
    according: re.Pattern[str]  # "according to X": group src (`according_frames`, `according_source_ends`)
    according_gates: tuple[str, ...]  # "according"
    quoted: re.Pattern[str]  # "quoting X as saying": group src (`quoting_verbs`, `quoting_sayings`)
    quoted_gates: tuple[str, ...]  # "quoted", "quoting"
    inverted: re.Pattern[str]  # '..., said X.': groups verb, src (`inverted_frame_verbs`)
    by_after: re.Pattern[str]  # " by X" after a verb: group src (`agent_prepositions`)
    agent_before: re.Pattern[str]  # "by " ending the text before a subject
    with_before: re.Pattern[str]  # "with " ending the text before a subject (`accompanying_prepositions`)
    not_reporting: re.Pattern[str]  # " the lives": after a reporting verb, no claim (`not_reporting_objects`)
    that: re.Pattern[str]  # a complementizer as a word
    clause_mark: re.Pattern[str]  # a complementizer or a clause's punctuation
    time_tail: re.Pattern[str]  # " on Monday ...": a time phrase ending a speaker phrase (`time_tail_openers`)
    unqualified_office: re.Pattern[str]  # "authorities", "ministry": an office that needs its state from context
    minister: re.Pattern[str]  # "minister"
    defence: re.Pattern[str]  # "defence", "defense" (lower case)
    office_head_end: re.Pattern[str]  # " in ": the head of an office phrase ends before it (`office_head_ends`)
    particle_name: re.Pattern[str]  # "al-Z": a name's hyphened particle and capital (`hyphen_name_particles`)
    particle_prefixes: tuple[str, ...]  # "al-", "bin-": a word opening so is a name's
    seat_participles: frozenset[str]  # "based", "headquartered": "X based in Y": Y is where the speaker X sits
    modifier_participles: frozenset[str]  # "backed", "led": "Iran-backed" is no word of a name
    pre_verb_time_openers: frozenset[str]  # "in", "last": open a time phrase before a verb ("in August said")
    pre_verb_time_nouns: frozenset[str]  # "week", "month": after an opener, a time phrase as months and days are
    toll_cues: re.Pattern[str]  # "kill", "dead", "wounded": the casualty cues of numbers.yaml `outcomes`
    headline_credit: re.Pattern[str]  # "... Monitor" ending a headline: its source (`headline_credits`), group src
    act_cues: re.Pattern[str]  # "strikes", "shelling": the act cues of events.yaml `event_types` (a headline's act)
    particle_words: frozenset[str]  # "al", "bin": the particles standing alone
    apposition_words: frozenset[str]  # "a", "an": open a description after a name (`apposition_articles`)
    phrase_articles: frozenset[str]  # "the", "a": open a new noun phrase
    phrase_joiners: frozenset[str]  # "of", "and": join a name's parts, never end or open one
    counting_determiners: frozenset[str]  # "two", "both": inside a subject, not its start
    audience_words: frozenset[str]  # "reporters" (and a bare article): a verb's object that cites no one
    recall_determiners: frozenset[str]  # "the", "this": a description pointing back
    person_name_particles: frozenset[str]  # "al", "von": lower-case words inside a person's name
    monitor_heads: frozenset[tuple[str, ...]]  # "watchdog", "monitoring group": a description naming a monitor
    voice_heads: frozenset[str]  # "spokesman": a bare person phrase speaking for the body named just before
    voice_heads_unpointed: frozenset[str]  # "official": the same, only without a pointing determiner
    relative_word: re.Pattern[str]  # one of them as a word
    relative: re.Pattern[str]  # one of them opening a clause after a comma or a space
    pointing: re.Pattern[str]  # "the", "this", "its" opening a description that points back
    apposition: re.Pattern[str]  # "X a rebel group": groups name, desc (`apposition_articles`)
    complement: re.Pattern[str]  # " of ", " against ": a complement's preposition (`complement_prepositions`)
    of_body: re.Pattern[str]  # "the head of the monitor": groups role, body (`role_prepositions`, ...)
    circumstance: re.Pattern[str]  # "amid", "after" (and a word) ending the text before a "reports that"
    not_plural_endings: tuple[str, ...]  # ... unless it ends so ("ss")
    noun_before_span: int  # the longest non-space stretch noun_before can match, plus one
    passive_before: re.Pattern[str]  # "were not", "was": a passive auxiliary ending the text before the verb
    bare_passive: re.Pattern[str]  # "accused of": a reporting verb and the word after it that make a bare passive
    verb_coordinators: frozenset[str]  # "and": ending the text before a verb, it joins the verb to an earlier one
    passive_before_span: int  # characters before the verb that passive_before needs


def _entry_aliases(entry: Mapping[str, Any], forms: Iterable[str]) -> list[str]:
    """A source's aliases: its `aliases`, then each of its `provinces` in each
    of the lexicon's `province_office_forms` ("governor of {province}" ->
    "governor of Hatay"): the governors who speak for a state."""
    return [*entry["aliases"], *(f.format(province=p) for p in entry.get("provinces") or () for f in forms)]


def _plural_forms(word: str, ending: str) -> tuple[str, ...]:
    """The word and its other number by the plural `ending` ("official" <-> "officials")."""
    return (word, word + ending) if not word.endswith(ending) else (word, word[:-len(ending)])


def _build_taxonomy(knowledge: Knowledge) -> _Taxonomy:
    data = knowledge.sources
    lex = knowledge.lexicon
    sources: dict[str, Source] = {}
    by_alias: dict[str, str] = {}
    forms = lex.get("province_office_forms") or ()
    entry_aliases = {e["name"]: _entry_aliases(e, forms) for e in data["sources"]}
    for e in data["sources"]:
        s = Source(e["name"], e["type"], e["side"], tuple(e.get("refer") or ()), bool(e.get("person", False)))
        sources[s.name] = s
        for alias in [e["name"], *entry_aliases[e["name"]], *(e.get("persons") or ())]:
            by_alias.setdefault(norm_phrase(alias), s.name)
    aliases = [a for e in data["sources"] for a in [e["name"], *entry_aliases[e["name"]], *(e.get("persons") or ())]]
    person_aliases = frozenset(norm_phrase(p) for e in data["sources"] for p in e.get("persons") or ())
    generic = frozenset(n for n, s in sources.items() if s.type == "unnamed")
    # a one-word alias of an unnamed group ("officials", "residents", "activists") names that group with
    # any modifier ("a Kurdish official", "Aleppo residents")
    group_of_head: dict[str, str] = {}
    for e in data["sources"]:
        if e["name"][:1].islower():  # "local sources", "monitors": groups, not named bodies
            for alias in [e["name"], *entry_aliases[e["name"]]]:
                words = norm_phrase(alias).split()
                if len(words) == 1:
                    for form in _plural_forms(words[0], (lex.get("plural_endings") or ["s"])[0]):
                        group_of_head.setdefault(form, e["name"])
    speakers = lex.get("speaker_nouns") or {}
    states: dict[str, _State] = {}
    state_of_word: dict[str, str] = {}
    state_names: set[str] = set()
    home = ""
    for st in data.get("states") or ():
        gov = st["government"]
        defense = st.get("defense") or gov
        states[st["name"]] = _State(st["name"], st.get("side", ""), gov, defense, st.get("military") or defense,
                                    bool(st.get("home", False)))
        if st.get("home") and not home:
            home = st["name"]
        for w in [*st.get("names", ()), *st.get("adjectives", ()), *st.get("capitals", ())]:
            state_of_word.setdefault(norm_phrase(w), st["name"])
        state_names.update(norm_phrase(w) for w in [*st.get("names", ()), *st.get("capitals", ())])
    outlets = outlet_index(knowledge)
    # outlet names as text writes them, not a site's code ("dailysabah", "sana.sy")
    outlet_names = {norm_phrase(n): name for n, name in outlets.spellings if n[:1].isupper()}
    actor_by_alias: dict[str, tuple[str, str, str]] = {}
    for a in knowledge.actors.get("actors") or ():
        for alias in [a["name"], *a.get("aliases", ())]:
            actor_by_alias.setdefault(norm_phrase(alias), (a["name"], a["side"], a["kind"]))
    months = [n for m in (knowledge.dates.get("months") or {}).values() for n in [*m["names"], *m["abbreviations"]]]
    days = [n for d in (knowledge.dates.get("weekdays") or {}).values() for n in [*d["names"], *d["abbreviations"]]]
    pre_verb = list(lex.get("pre_verb_words") or ())
    stance_gates, (stance_gate,) = word_gates([([*lex["hedges"], *lex["negations"]],)])
    zero = {n for key in ("zero_casualties", "zero_killed", "zero_injured") for n in lex.get(key) or ()}
    return _Taxonomy(
        sources=sources,
        by_alias=by_alias,
        modifier_ing=frozenset(w.lower() for w in lex.get("modifier_ing_participles") or ()),
        name_stops=frozenset(w.lower() for w in lex.get("name_stop_words") or ()),
        question_openers=frozenset(w.lower() for w in lex.get("embedded_question_openers") or ()),
        alias_regex=regex(_possessive_tolerant(phrase_pattern(aliases))),
        generic=generic,
        determiners=frozenset(lex["source_determiners"]),
        plural=frozenset(lex["plural_pronouns"]),
        singular=frozenset(lex["singular_pronouns"]),
        verbs=regex(phrase_pattern(lex["reporting_verbs"], group="verb")),
        observing=frozenset(w.lower() for w in lex.get("observing_verbs") or ()),
        observers=frozenset(lex.get("observer_types") or ()),
        verbs_low=regex(_lower_pattern(lex["reporting_verbs"])),
        distancing=frozenset(lex["distancing_verbs"]),
        hedges=regex(phrase_pattern(lex["hedges"])),
        # a zero count ("no casualties were reported") is no denial: the act happened and killed nobody
        negations=regex(phrase_pattern([n for n in lex["negations"] if n not in zero])),
        stance_any=regex(phrase_pattern([*lex["hedges"], *lex["negations"]])),
        stance_low=regex(_lower_pattern([*lex["hedges"], *lex["negations"]])),
        stance_gates=stance_gates,
        stance_gate=stance_gate,
        stops=frozenset(norm_phrase(w) for w in lex.get("source_phrase_stops") or ()),
        no_speaker=frozenset(norm_phrase(w) for w in lex.get("no_speaker_words") or ()),
        not_adverbs=frozenset(w.lower() for w in lex.get("not_adverbs") or ()),
        pre_verb_words=frozenset(w.lower() for w in pre_verb if " " not in w),
        pre_verb_pairs=frozenset(tuple(w.lower().split()) for w in pre_verb if len(w.split()) == 2),
        pre_verb_triples=frozenset(tuple(w.lower().split()) for w in pre_verb if len(w.split()) == 3),
        pronouns=frozenset(w.lower() for w in [*lex["plural_pronouns"], *lex["singular_pronouns"],
                                               *(lex.get("neuter_pronouns") or ())]),
        gendered={norm_phrase(p): frozenset(norm_phrase(w) for w in nouns)
                  for p, nouns in (lex.get("gendered_person_nouns") or {}).items()},
        body_person_nouns=frozenset(norm_phrase(w) for w in lex.get("body_person_nouns") or ()),
        of_words=frozenset(norm_phrase(w) for w in lex.get("speaks_for_prepositions") or ()),
        complement_of=frozenset(norm_phrase(w) for w in lex.get("body_name_prepositions") or ()),
        name_connectors=frozenset(norm_phrase(w) for w in lex.get("name_connectors") or ()),
        name_prefixes=tuple(str(w).lower() for w in lex.get("name_prefixes") or ()),
        name_openers=frozenset(norm_phrase(w) for w in lex.get("name_openers") or ()),
        given_name_months=frozenset(norm_phrase(w) for w in lex.get("given_name_months") or ()),
        pointing_fillers=frozenset(norm_phrase(w) for w in lex.get("pointing_fillers") or ()),
        first_person=regex(r"(?i)(?<![\w'’-])(?:" + _alternation(lex.get("first_person_words") or ()) + r")(?![\w'’-])")
        if lex.get("first_person_words") else regex(r"(?!)"),
        signature=regex(r"(?<=[a-z,.;:!?]\s)(?P<tag>(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\s+(?:"
                        + _alternation(sorted((w for w in (speakers.get("person") or ())
                                               if not str(w).endswith(tuple(lex.get("plural_endings") or ["s"]))),
                                              key=len, reverse=True))
                        + r"))(?=\s+[A-Z]|\s*[.!?]?\s*$)"),
        related_markers=regex(r"^\s*(?:" + "|".join(re.escape(str(w)) for w in sorted(
            lex.get("related_markers") or (), key=len, reverse=True)) + r")\s+(?=[A-Z\d])") if lex.get("related_markers")
        else regex(r"(?!)"),
        headline_verbs=regex(r"(?i)^(?:say\b|\w*[^\Ws]s\b)"),
        distancing_modifiers=tuple(sorted({tuple(str(w).lower().split()) for w in lex.get("distancing_modifiers") or ()},
                                          key=len, reverse=True)),
        identity_hedges=frozenset(norm_phrase(w) for w in lex.get("identity_hedges") or ()),
        membership_links=frozenset(tuple(str(w).lower().split()) for w in lex.get("membership_links") or ()),
        be_forms=frozenset(norm_phrase(w) for w in lex.get("passive_auxiliaries") or ()),
        locative_before=regex(phrase_pattern(lex.get("locative_prepositions") or ["in"]) + r"\s+(?:the\s+)?$"),
        locative=frozenset(norm_phrase(w) for w in lex.get("locative_prepositions") or ()),
        time_words=frozenset(w.lower() for w in [*months, *days]),
        person_nouns=frozenset(norm_phrase(w) for w in speakers.get("person") or ()),
        org_nouns=frozenset(norm_phrase(w) for w in speakers.get("organisation") or ()),
        speech_nouns=frozenset(norm_phrase(w) for w in lex.get("speech_nouns") or ()),
        office_regex=regex("(?i)" + phrase_pattern(lex.get("office_nouns") or ["(?!)"])),
        # the qualifier's own edges: phrase_pattern forbids the hyphen of "ex-minister"
        former_office=regex(r"(?i)(?<![\w-])(?:" + "|".join(re.escape(w) for w in lex["former_office_words"])
                            + r")(?:\s+|-)(?:[\w-]+\s+){0,3}?" + phrase_pattern(lex.get("office_nouns") or ["(?!)"]))
        if lex.get("former_office_words") else None,
        military_regex=regex("(?i)" + phrase_pattern(lex.get("military_nouns") or ["(?!)"])),
        org_name_words=frozenset(norm_phrase(w) for w in lex.get("organisation_name_words") or ()),
        group_nouns=frozenset(norm_phrase(w) for w in lex.get("armed_group_nouns") or ()),
        group_descriptors=frozenset(norm_phrase(w) for w in lex.get("group_descriptors") or ()),
        group_heads_last=frozenset(norm_phrase(w) for w in (lex.get("armed_group_name_heads") or {}).get("last") or ()),
        group_heads_first=frozenset(norm_phrase(w) for w in (lex.get("armed_group_name_heads") or {}).get("first") or ()),
        fallback_group=str(data.get("unnamed_fallback") or "other sources"),
        not_person=frozenset(norm_phrase(w) for w in lex.get("not_person_words") or ()),
        not_name=frozenset(norm_phrase(w) for w in lex.get("not_name_words") or ()),
        portfolios=frozenset(norm_phrase(w) for w in lex.get("ministry_portfolios") or ()),
        group_of_head=group_of_head,
        relay_verbs=frozenset(w.lower() for w in lex.get("relay_verbs") or ()),
        pronoun_clause=regex(r"(?i)\b" + _alternation(lex.get("pronoun_clause_openers") or ()) + r"\s+$"),
        inverted_participles=frozenset(w.lower() for w in lex.get("inverted_participles") or ()),
        outcome_words=regex(r"(?i)" + phrase_pattern((knowledge.events.get("causes") or {}).get("outcome_words") or [])
                            if (knowledge.events.get("causes") or {}).get("outcome_words") else r"(?!)"),
        channel_nouns=frozenset(norm_phrase(w) for w in lex.get("channel_nouns") or ()),
        channel_before=regex(r"(?i)(?<![\w-])" + _alternation(lex.get("channel_openers") or ()) + r"\s+$"),
        relay_participles=frozenset(p.split()[0].lower() for p in lex.get("relay_by") or ()),
        not_by_agent=frozenset(w.lower() for w in lex.get("not_by_agent") or ()),
        relay_citing=regex(r"(?i)\b(?:" + "|".join(map(re.escape, lex.get("relay_citing") or ["citing"]))
                           + r")\s+(?P<src>[^,;:.!?\"“”()]{2,80})"),
        relay_by=regex(r"(?i)\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in lex.get("relay_by") or ["quoted by"])
                       + r")\s+(?P<via>[^,;:.!?\"“”()]{2,60})"),
        states=states,
        state_of_word=state_of_word,
        state_regex=regex(_possessive_tolerant(phrase_pattern(list({w for st in data.get("states") or ()
                                                                    for w in [*st.get("names", ()),
                                                                              *st.get("adjectives", ()),
                                                                              *st.get("capitals", ())]})))),
        state_names=frozenset(state_names),
        state_by_side={s.side: s.name for s in reversed(list(states.values())) if s.side},
        state_of_source={n: s.name for s in states.values() for n in (s.military, s.defense, s.government)},
        home_state=home,
        outlet_state=outlets.states,
        outlet_names=outlet_names,
        outlet_regex=regex(_possessive_tolerant(phrase_pattern(
            [n for n, _ in outlets.spellings if n[:1].isupper() and "." not in n]))),
        actor_by_alias=actor_by_alias,
        actor_regex=regex(phrase_pattern(list(actor_by_alias) + [a["name"] for a in knowledge.actors.get("actors") or ()])),
        place_like=frozenset(state_names),
        refer_nouns=frozenset(norm_phrase(r) for src in sources.values() for r in src.refer),
        person_aliases=person_aliases,
        title_words=frozenset(norm_phrase(w).strip(".") for w in lex.get("person_title_forms") or () if " " not in w),
        title_before=regex(r"(?i)(?<![\w-])(?:" + "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(lex.get("person_title_forms") or (), key=len, reverse=True))
            + r")\.?\s+$") if lex.get("person_title_forms") else regex(r"(?!)"),
        adversary=frozenset(norm_phrase(w) for w in lex.get("adversary_nouns") or ()),
        number_words=regex(r"(?i)\b(?:" + "|".join(sorted(map(re.escape, [
            *(knowledge.numbers.get("units") or {}), *(knowledge.numbers.get("tens") or {}),
            *(knowledge.numbers.get("scales") or {}), *(knowledge.numbers.get("vague") or {})]), key=len, reverse=True))
            + r")s?\b"),
        reported_complement=regex(r"(?i)\b" + phrase_pattern(lex["reported_complements"]) + r"\b")
        if lex.get("reported_complements") else regex(r"(?!)"),   # a pack without the list: nothing matches
        voice_connectives=_connective_pattern(lex.get("voice_connectives") or ()),
        voice_punctuated=tuple(str(e).strip()[:1] in ",;" for e in lex.get("voice_connectives") or ()),
        voice_connective_words=frozenset(w.lower() for e in lex.get("voice_connectives") or ()
                                         for w in str(e).replace(",", " ").replace(";", " ").split()),
        voice_continuations=frozenset(norm_phrase(w) for w in lex.get("voice_continuations") or ()),
        noun_before=regex(r"(?i)(?:\b" + _alternation(lex.get("noun_determiners") or ()) + r"|'s|’s|s')\s*$"),
        plural_endings=tuple(lex.get("plural_endings") or ["s"]),
        relative_pronouns=tuple(lex.get("relative_pronouns") or ()),
        complementizers=frozenset(w.lower() for w in lex.get("complementizers") or ()),
        antecedent_not_after=frozenset(w.lower() for w in lex.get("antecedent_not_after") or ()),
        statement_verbs=regex(r"(?i)" + phrase_pattern([*lex["reporting_verbs"], *(lex.get("statement_verbs") or ())])),
        saying_outcomes=regex(r"(?i)" + phrase_pattern(lex["saying_outcomes"])) if lex.get("saying_outcomes") else regex(r"(?!)"),
        inverted_verb=regex(r"(?i)" + _alternation(lex.get("inverted_frame_verbs") or ("said",))),
        quoted_passive=regex(r"(?i)\b" + _alternation(lex.get("quoted_passive_auxiliaries") or ("was",))
                             + r"\s+" + _alternation(lex.get("quoted_participles") or ())
                             + r"\s+" + _alternation(lex.get("quoting_sayings") or ()) + r"\b"),
        quoted_passive_gates=tuple(f"{p.lower()} {s.split()[0].lower()}" for p in lex.get("quoted_participles") or ()
                                   for s in lex.get("quoting_sayings") or ()),
        according=regex(r"(?i)\b" + _alternation(lex.get("according_frames") or ())
                        + r"\s+(?P<src>(?:[^,;:.!?\"“”]|\.(?=[A-Z]\b))+?)(?=\s*(?:[,;:!?\"“”]|\.(?![A-Z]\b)|$|\s+"
                        + _alternation(lex.get("according_source_ends") or ()) + r"\s))"),
        according_gates=tuple(f.split()[0].lower() for f in lex.get("according_frames") or ()),
        quoted=regex(r"(?i)\b" + _alternation(lex.get("quoting_verbs") or ()) + r"\s+(?P<src>.{2,80}?)\s+"
                     + _alternation(lex.get("quoting_sayings") or ()) + r"\b"),
        quoted_gates=tuple(v.lower() for v in lex.get("quoting_verbs") or ()),
        inverted=regex(r"(?i)[,\"”]\s*(?P<verb>" + _alternation(lex.get("inverted_frame_verbs") or ("said",))
                       + r")\s+(?P<src>(?:[^,.;!?]|\.(?=[A-Z]\b)){2,80}?)\s*(?:[,;!?]|\.(?![A-Z]\b)|$)"),
        by_after=regex(r"(?i)\s+" + _alternation(lex.get("agent_prepositions") or ())
                       + r"\s+(?P<src>[^,;:.!?\"“”()]{2,80})"),
        agent_before=regex(r"(?i)\b" + _alternation(lex.get("agent_prepositions") or ()) + r"\s+$"),
        with_before=regex(r"(?i)\b" + _alternation(lex.get("accompanying_prepositions") or ()) + r"\s+$"),
        not_reporting=regex(r"(?i)\s+(?:\S+\s+){0,3}?" + _alternation(lex.get("not_reporting_objects") or ()) + r"\b"),
        that=regex(r"(?i)\b" + _alternation(lex.get("complementizers") or ()) + r"\b"),
        clause_mark=regex(r"(?i)\b" + _alternation(lex.get("complementizers") or ()) + r"\b|[,;:]"),
        time_tail=regex(r"(?i)\s+" + _alternation(lex.get("time_tail_openers") or ()) + r"\b.*$"),
        unqualified_office=regex(r"(?i)\b" + _alternation(lex.get("unqualified_offices") or ()) + r"\b"),
        minister=regex(r"(?i)\b" + _alternation(lex.get("minister_nouns") or ()) + r"\b"),
        defence=regex(r"\b" + _alternation(w.lower() for w in lex.get("defence_words") or ()) + r"\b"),
        office_head_end=regex(r"\s+" + _alternation(lex.get("office_head_ends") or ()) + r"\s+"),
        seat_participles=frozenset(w.lower() for w in lex.get("seat_participles") or ()),
        modifier_participles=frozenset(w.lower() for w in lex.get("modifier_participles") or ()),
        pre_verb_time_openers=frozenset(w.lower() for w in lex.get("pre_verb_time_openers") or ()),
        pre_verb_time_nouns=frozenset(w.lower() for w in lex.get("pre_verb_time_nouns") or ()),
        toll_cues=regex(r"(?i)" + phrase_pattern(sorted({str(c) for o in (knowledge.numbers.get("outcomes") or {}).values()
                                                         for side in ("before", "after", "weak_before")
                                                         for c in o.get(side) or ()})) or r"(?!)"),
        headline_credit=regex(r"(?i)\s(?P<src>" + _alternation([*(lex.get("headline_credits") or ()),
                                                                  *_bare_credits(knowledge)]) + r")\s*$"),
        act_cues=regex(r"(?i)" + (phrase_pattern(sorted({str(c) for e in knowledge.events.get("event_types") or ()
                                                          for c in e.get("cues") or ()})) or r"(?!)")),
        particle_words=frozenset(w.lower() for w in lex.get("hyphen_name_particles") or ()),
        particle_prefixes=tuple(w.lower() + "-" for w in lex.get("hyphen_name_particles") or ()),
        apposition_words=frozenset(w.lower() for w in lex.get("apposition_articles") or ()),
        phrase_articles=frozenset(w.lower() for w in lex.get("phrase_articles") or ()),
        phrase_joiners=frozenset(w.lower() for w in lex.get("phrase_joiners") or ()),
        counting_determiners=frozenset(w.lower() for w in lex.get("counting_determiners") or ()),
        audience_words=frozenset(norm_phrase(w) for w in [*(lex.get("audience_nouns") or ()),
                                                          *(lex.get("phrase_articles") or ())]),
        recall_determiners=frozenset(w.lower() for w in lex.get("recall_determiners") or ()),
        person_name_particles=frozenset(norm_phrase(w) for w in lex.get("person_name_particles") or ()),
        monitor_heads=frozenset(tuple(norm_phrase(w).split()) for w in lex.get("monitor_heads") or ()),
        particle_name=regex(r"(?i:" + "|".join(re.escape(w) for w in lex.get("hyphen_name_particles") or ()) + r")-[A-Z]"
                            if lex.get("hyphen_name_particles") else r"(?!)"),
        voice_heads=frozenset(lex.get("person_voice_heads") or ()),
        voice_heads_unpointed=frozenset(lex.get("person_voice_heads_unpointed") or ()),
        relative_word=regex(r"(?i)\b" + _alternation(lex.get("relative_pronouns") or (), space=" ") + r"\b"),
        relative=regex(r"(?i)(?:,\s*|\s+)" + _alternation(lex.get("relative_pronouns") or (), space=" ") + r"\s"),
        pointing=regex(r"(?i)" + _alternation(lex.get("pointing_determiners") or (), space=" ") + r"\b"),
        coordinated=regex(r"^(?P<a>.+?)\s+" + _alternation(lex.get("coordinators") or (), space=" ") + r"\s+(?P<b>.+)$"),
        apposition=regex(r"^(?P<name>.+?)\s+" + _alternation(lex.get("apposition_articles") or (), space=" ")
                         + r"\s+(?P<desc>.+)$"),
        complement=regex(r"\s" + _alternation(lex.get("complement_prepositions") or (), space=" ") + r"\s"),
        of_body=regex(r"^(?P<role>(?:\S+\s+){0,2}\S+)\s+" + _alternation(lex.get("role_prepositions") or (), space=" ")
                      + r"\s+(?P<body>" + _alternation(lex.get("role_body_determiners") or (), space=" ") + r"\s+.+)$"),
        circumstance=regex(r"(?i)\b" + _alternation(lex.get("circumstance_words") or (), space=" ") + r"\s+(?:\S+\s+)?$"),
        not_plural_endings=tuple(lex.get("not_plural_endings") or ()),
        noun_before_span=max(len(w) for w in [*(lex.get("noun_determiners") or ()), "s'"]) + 1,
        bare_passive=regex(r"(?i)" + _alternation(lex.get("bare_passives") or ()) + r"\b"),
        verb_coordinators=frozenset(w.lower() for w in lex.get("verb_coordinators") or ()),
        passive_before=regex(r"(?i)\b" + _alternation(lex.get("passive_auxiliaries") or ())
                             + r"(?:\s+" + _alternation(lex.get("passive_adverbs") or ()) + r")?\s*$"),
        passive_before_span=max(24, max((len(w) for w in lex.get("passive_auxiliaries") or ()), default=0)
                                + max((len(w) for w in lex.get("passive_adverbs") or ()), default=0) + 12),
        memo=Memo(),
        clean_memo=Memo(),
        form_memo=Memo(),
        verb_memo=Memo(1 << 10),
        match_memo=Memo(),
        monitor_names=frozenset(n for n, s in sources.items() if s.type == "monitor" and n[:1].isupper()),
        refers={n: frozenset(norm_phrase(r) for r in s.refer) for n, s in sources.items()},
        monitor_regex=regex(_possessive_tolerant(phrase_pattern(
            [a for e in data["sources"] if e["type"] == "monitor" and e["name"][:1].isupper()
             for a in [e["name"], *entry_aliases[e["name"]]]]))),
    )


def _bare_credits(knowledge: Knowledge) -> list[str]:
    """The bare speaker nouns the sources know that may close a headline as
    its credit where the punctuation was lost ("... in and near Aleppo civil
    defence", as "... Monitor" of `headline_credits`): the aliases written in
    lower case of every source that is not an unnamed group nor a side's partisan voice, with no article
    before them, no plural at their end, no victims' noun of actors.yaml
    `generic` there and no actor's alias (people or a side ending a headline,
    "kill eight activists", "kills media activist", "pound 3 towns of Idlib
    opposition", are more often its victims or object than its credit)."""
    lex = knowledge.lexicon
    articles = {str(w).lower() for w in lex.get("source_determiners") or ()}
    plural = tuple(lex.get("plural_endings") or ["s"])
    not_plural = tuple(lex.get("not_plural_endings") or ())
    victims = {str(n).lower() for g in knowledge.actors.get("generic") or () for n in g.get("nouns") or ()}
    actors = {norm_phrase(str(w)) for a in knowledge.actors.get("actors") or () for w in [a["name"], *a.get("aliases", ())]}
    out = []
    for e in knowledge.sources["sources"]:
        if e.get("type") in ("unnamed", "partisan"):
            continue  # (a side's voice, "opposition", ends a headline as its object as often: "... towns of Idlib opposition")
        for alias in e.get("aliases") or ():
            words = str(alias).split()
            if str(alias) != str(alias).lower() or not words or words[0] in articles or words[-1] in victims \
                    or norm_phrase(str(alias)) in actors \
                    or (words[-1].endswith(plural) and not words[-1].endswith(not_plural)):
                continue
            out.append(str(alias))
    return out


def _alternation(words: Iterable[str], *, space: str = r"\s+") -> str:
    """A non-capturing group of the words, as written (regex-escaped; a space
    matches `space`: any whitespace, unless told); one that matches nothing
    when there are none."""
    words = list(words)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", space) for w in words) + ")" if words else "(?!)"


def _connective_pattern(entries: Iterable[str]) -> re.Pattern[str]:
    """One pattern of the voice connectives (lexicon `voice_connectives`),
    entry N as group `vN`: ", while" from its comma to the end of the word, a
    bare "and" from the space before it; nothing when the list is empty."""
    pieces = []
    for n, entry in enumerate(entries):
        e = " ".join(str(entry).split())
        mark = e[:1] if e[:1] in ",;" else ""
        word = e[1:].strip() if mark else e
        words = r"\s+".join(re.escape(w) for w in word.split())
        if mark:
            core = r"\s*" + re.escape(mark) + (r"\s*(?i:" + words + r")(?![\w-])" if words else "")
        else:
            core = r"(?<=[\w)\]%])\s+(?i:" + words + r")(?![\w-])"
        pieces.append(f"(?P<v{n}>{core})(?=\\s)")
    # every entry opens with a space or its mark: the other positions are passed over at once
    return regex(r"(?=[\s,;])(?:" + "|".join(pieces) + ")" if pieces else r"(?!)")


def _lower_pattern(phrases: Iterable[str]) -> str:
    """Whole-word pattern of `phrases` in lower case only: on lower-cased text
    it matches what `phrase_pattern` matches in any of its case variants."""
    return f"(?<![\\w-]){trie_pattern({' '.join(p.lower().split()) for p in phrases})}(?![\\w-])"


def _possessive_tolerant(pattern: str) -> str:
    """An alias pattern that also matches the alias with a possessive ending,
    apostrophe or not ("Assad's officials", "Assads officials": texts stripped
    of punctuation lose the apostrophe); the match stops before the ending."""
    return pattern.replace(r"(?![\w-])", r"(?=(?:['’]?s)?(?![\w-]))")


def source_table(knowledge: Knowledge) -> dict[str, Source]:
    """Canonical sources by name."""
    return dict(knowledge.derived(_build_taxonomy).sources)


def canonical_source(phrase: str, *, knowledge: Knowledge) -> Source | None:
    """The taxonomy entry named in `phrase`, preferring specific sources over
    catch-alls ("reports by pro-militant sources" -> pro-militant sources) and
    longer aliases over shorter ones ("the opposition Local Coordination
    Committees" -> Local Coordination Committees)."""
    t = knowledge.derived(_build_taxonomy)
    return _canonical_source(phrase, t) or _state_source(phrase, t)




def _canonical_match(phrase: str, t: _Taxonomy) -> tuple[Source, re.Match[str]] | None:
    """The source a phrase names and the alias match that names it (memoised per phrase: the same phrases recur)."""
    got = t.match_memo.get(phrase, _MISSING)
    if got is _MISSING:
        got = t.match_memo.put(phrase, _canonical_match_fresh(phrase, t))
    return got  # type: ignore[no-any-return]


def _canonical_match_fresh(phrase: str, t: _Taxonomy) -> tuple[Source, re.Match[str]] | None:
    found: list[tuple[bool, bool, int, str, re.Match[str]]] = []
    for m in t.alias_regex.finditer(phrase):
        key = norm_phrase(m.group(0))
        name = t.by_alias.get(key)
        if name and key in t.place_like and t.locative_before.search(phrase, 0, m.start()):
            continue  # "activists in Moscow": a place there, not the government
        if name:
            found.append((name in t.generic, name[:1].islower(), -len(m.group(0)), name, m))
    if not found:
        return None
    # a named source before an unnamed group ("SOHR activists" -> SOHR), a longer alias before a shorter
    best = min(found, key=lambda f: f[:3])
    return t.sources[best[3]], best[4]


def _canonical_source(phrase: str, t: _Taxonomy) -> Source | None:
    got = _canonical_match(phrase, t)
    return got[0] if got else None


# --- stance ---------------------------------------------------------------------

_PLAIN = Stance(False, "", False, "")  # frozen: shared by the many sentences with no hedge or denial


def stance(sentence: str, *, verb: str = "", knowledge: Knowledge, words: frozenset[str] | None = None) -> Stance:
    """Hedging and denial in `sentence`; a distancing attribution verb
    ("claimed") hedges too. `words`: the sentence's `sentences.sentence_words`
    when already computed."""
    t = knowledge.derived(_build_taxonomy)
    # "seeking clarity on reports that ...": a report the speaker cites is put forward, not asserted
    distancing = bool(verb) and (verb.lower() in t.distancing or bool(t.reported_complement.fullmatch(verb)))
    if words is not None and not t.stance_gate <= t.stance_gates.met(words):
        hit = None  # no hedge or negation has all its words in the sentence
    else:
        hit = t.stance_low.search(sentence.lower()) if sentence.isascii() else t.stance_any.search(sentence)
    if hit is None:  # a match of either list is a match of the union
        if distancing:
            return Stance(True, verb, False, "")
        return _PLAIN
    hedge = t.hedges.search(sentence)
    hedge_cue = hedge.group(0) if hedge else ""
    if not hedge_cue and distancing:
        hedge_cue = verb
    neg = t.negations.search(sentence)
    if neg is not None and verb and _another_voices_denial(sentence, verb, neg.start(), t):
        neg = None  # "UN says 39 killed in strike, Russia denies role": the UN's claim is no denial
    return Stance(bool(hedge_cue), hedge_cue, bool(neg), neg.group(0) if neg else "")


_CLAUSE_BREAK = regex(r"[,;]")


def identity_hedges(sentence: str, *, knowledge: Knowledge) -> list[tuple[int, int]]:
    """The spans of the sentence's hedges, in order, and whether each only
    doubts what a thing is: (start, end) of a hedge in a reduced relative
    after its noun ("struck caves believed to be IS hideouts", "gunmen
    believed to be IS members"; lexicon `identity_hedges`), which doubts that
    noun, not the claim, when the noun is not the act's perpetrator (the
    caller knows the roles). Every other hedge is returned as (-1, -1): it
    hedges the claim. After a form of 'be' ("five are still believed to be
    trapped") an identity hedge hedges the claim too."""
    t = knowledge.derived(_build_taxonomy)
    out = []
    for h in t.hedges.finditer(sentence):
        before = [norm_phrase(w) for w in sentence[max(0, h.start() - 30):h.start()].split()[-3:]]
        aside = norm_phrase(h.group(0)) in t.identity_hedges and bool(before) and before[-1].isalpha() \
            and not any(w in t.be_forms for w in before)
        out.append((h.start(), h.end()) if aside else (-1, -1))
    return out


def _another_voices_denial(sentence: str, verb: str, at: int, t: _Taxonomy) -> bool:
    """Whether the negation at `at` belongs to a clause of another voice than
    the one speaking through `verb`: after the verb, a comma or semicolon
    opens a clause whose own subject comes before the negation ("UN says 39
    killed, Russia denies role"; "..., and the army denied it"; "the regime,
    which denied the attack, ..."), not the same voice going on (", but denied
    that ...", ", denying ...")."""
    if t.negations.fullmatch(verb):
        return False
    m = regex(r"(?i)(?<![\w-])" + re.escape(verb) + r"(?![\w-])").search(sentence, 0, at)
    if m is None:
        return False
    breaks = list(_CLAUSE_BREAK.finditer(sentence, m.end(), at))
    if not breaks:
        # "... they say it cooperates with Damascus, an accusation the YPG has denied": a named body's own denial
        between = sentence[m.end():at]
        tokens = between.split()
        joint = max((k for k, w in enumerate(tokens) if w.lower() in t.voice_connective_words), default=-1)
        if joint > 0:
            # "Moscow reported dozens had fled but residents and rebels on the ground dismissed the reports": a
            # clause joined without a comma, its own subject a known voice or group
            after = " ".join(tokens[joint + 1:joint + 7])
            if after and (_canonical_match(after, t) is not None or t.actor_regex.search(after) is not None) \
                    and tokens[joint + 1].lower() not in t.pronouns:
                return True
        subject = _subject_np(between, t)
        told = between[:between.rfind(subject)].split() if subject else []
        if not told or told == ["that"]:
            return False  # "The council said the army denied ...": the speaker tells that body's denial
        return subject.lower() not in t.pronouns and (
            _canonical_match(subject, t) is not None or t.actor_regex.search(subject) is not None)
    words = sentence[breaks[-1].end():at].split()
    while words and words[0].lower().strip(",;") in t.voice_connective_words:
        words = words[1:]
    if not words:
        return False  # ", but denied that ...": the speaker goes on
    if words[0].lower() in t.relative_pronouns and words[0].lower() not in t.complementizers:
        return True  # ", which denied ...": the body named before it denies ("..., that no one was killed": the speaker's)
    if len(words) > 6 or _DIGIT.search(" ".join(words)):
        return False
    # another voice names its own subject, a known body ("..., Russia denies role"); a
    # clause of the speaker's ("said, citing a police source, that no one was killed",
    # "said, however, that ...") names none of its own
    subject = _subject_np(" ".join(words), t)
    return bool(subject) and subject.lower() not in t.pronouns and (
        _canonical_match(subject, t) is not None or t.actor_regex.search(subject) is not None)


# --- the document being read ------------------------------------------------------------

@dataclass
class _Doc:
    """What attribution knows of the document: the sources named so far
    (newest last, for anaphora), the phrases already resolved, the outlet and
    its state, and the monitor the whole text names (for "a monitor")."""

    text: str
    outlet: str
    outlet_state: str
    knowledge: Knowledge | None = None
    sentences: list[str] = field(default_factory=list)
    index: int = 0  # the sentence being read
    headline: int = 1  # the sentences that are the headline's items (a credit may end any of them)
    uses: int = 0  # how often a resolution read the document (its result then cannot be shared across documents)
    named: list[Attribution] = field(default_factory=list)
    voices: list[tuple[int, Attribution | None]] = field(default_factory=list)  # (sentence, voice) for "he"/"she":
    # every voice named, and None for a speaker a frame found but could not name ("said Mounzer Khalil head of ...")
    resolved: dict[str, Attribution] = field(default_factory=dict)
    speaker: Attribution | None = None  # who spoke in the sentence just read when its claim is a report they cite
    outlet_voiced: list[int] = field(default_factory=list)  # the sentences left to the outlet's voice, whose
    # opening source ("The ICRC voiced alarm ...") "it said" may point at next (`_past_subject`)
    openers: dict[int, Attribution | None] = field(default_factory=dict)  # sentence -> its opening source, once read
    introducing: set[str] = field(default_factory=set)  # surnames `_introduced` is looking up (no lookup loops)
    _monitors: tuple[str, ...] | None = None
    _lower_words: frozenset[str] | None = None

    def lower_words(self) -> frozenset[str]:
        """The words the document writes in lower case somewhere (common words, not names), lower-cased."""
        if self._lower_words is None:
            self._lower_words = frozenset(w.strip(".,;:!?\"'“”‘’()") for text in (self.text, *self.sentences)
                                          for w in text.split() if w[:1].islower())
        return self._lower_words

    def remember(self, a: Attribution) -> None:
        if a.cue != "outlet" and a.source_type != "outlet":
            self.named.append(a)
            self.voices.append((self.index, a))
            if a.raw and a.cue != "anaphora":
                self.resolved.setdefault(norm_phrase(a.raw), a)
        elif a.cue == "outlet" and a.raw and self.index < len(self.sentences) and self.knowledge is not None \
                and _person_name(self.sentences[self.index], self.knowledge.derived(_build_taxonomy)):
            self.voices.append((self.index, None))  # "..., said Mounzer Khalil head of ...": a speaker not named

    def context_state(self, t: _Taxonomy, phrase: str) -> str:
        """The state a bare office ("authorities", "the ministry", "the
        army") belongs to by what the text says: the state its own sentence
        names most (outside the phrase: "..., the army said ... near the
        Turkish border"), else the one state the two sentences before it name;
        '' when the text names none or several equally -- never the outlet's
        own state by default (a Turkish outlet's "according to authorities"
        about a bombing in Damascus is no Turkish voice)."""
        return self.context_states(t, phrase)[0]

    def context_states(self, t: _Taxonomy, phrase: str) -> tuple[str, bool]:
        """`context_state`, and whether the text names several states there
        equally (so that no state is the bare office's)."""
        self.uses += 1
        sentence = self.sentences[self.index] if self.index < len(self.sentences) else ""
        at = sentence.find(phrase) if phrase else -1
        own = _states_named(sentence[:at] + " " + sentence[at + len(phrase):] if at >= 0 else sentence, t)
        if own:
            top = max(own.values())
            best = [st for st, n in own.items() if n == top]
            return (best[0], False) if len(best) == 1 else ("", True)
        for before in reversed(self.sentences[max(0, self.index - 2): self.index]):
            named = _states_named(before, t)
            if named:
                return (next(iter(named)), False) if len(named) == 1 else ("", True)
        return "", False

    def state_of_word_named(self, t: _Taxonomy, office: str) -> str:
        """The one state whose forces the sentence and the two before it name
        by an actor alias holding the bare office's word ("the Syrian army"
        for "the army"); '' when none or several."""
        self.uses += 1
        word = norm_phrase(_strip_determiners(office, t))
        found: set[str] = set()
        for sentence in self.sentences[max(0, self.index - 2): self.index + 1]:
            for m in t.actor_regex.finditer(sentence):
                key = norm_phrase(m.group(0))
                actor = _actor_entry(key, t)
                if actor is not None and word in key.split() and _strip_determiners(key, t) != word:
                    state = t.state_by_side.get(actor[1], "")
                    if state:
                        found.add(state)
        return next(iter(found)) if len(found) == 1 else ""

    def last(self, predicate: Callable[[Attribution], bool]) -> Attribution | None:
        self.uses += 1
        for a in reversed(self.named[-8:]):
            if predicate(a):
                return a
        return None

    def last_group(self, t: _Taxonomy) -> tuple[str, str, str] | None:
        """The armed group named last in the sentences read so far ("the
        group said" after "Jaish al-Islam fighters shelled ..."), if any."""
        for sentence in reversed(self.sentences[max(0, self.index - 3): self.index + 1]):
            groups = [t.actor_by_alias.get(norm_phrase(m.group(0))) for m in t.actor_regex.finditer(sentence)]
            groups = [g for g in groups if g is not None and g[2] == "armed_group"]
            if groups:
                return groups[-1]
        return None

    def monitor(self, t: _Taxonomy, word: str = "") -> str:
        """The one specific monitor named anywhere in the document ('' when
        none or several): "a monitor said" in a report naming the Syrian
        Observatory for Human Rights is the Observatory. With the word that
        points ("monitoring group"), only the named monitors called by that
        word (`refer` in sources.yaml) count: "a monitoring group" in a report
        naming SOHR and Reporters Without Borders is SOHR, "a war monitor" in
        one naming only Reporters Without Borders is none."""
        self.uses += 1
        if self._monitors is None:
            self.text = self.text or " ".join(self.sentences)
            names = {t.by_alias.get(norm_phrase(m.group(0))) for m in t.monitor_regex.finditer(self.text)}
            self._monitors = tuple(sorted(n for n in names if n in t.monitor_names))
        monitors = self._monitors
        if word:  # only those called so ("a war monitor" is no Reporters Without Borders)
            key = norm_phrase(_strip_determiners(word, t))
            monitors = tuple(n for n in monitors if key in t.refers.get(n, ()))
        return monitors[0] if len(monitors) == 1 else ""


def _states_named(text: str, t: _Taxonomy) -> dict[str, int]:
    """How often `text` names each state: its name, adjective or capital
    ("Turkish", "Syria's", "Damascus"), a state's source ("the Kremlin") or a
    state's forces or government (`actors.yaml`: "regime forces"); a state
    word inside another body's name ("the Syrian Observatory", "Free Syrian
    Army") names no state."""
    counts: dict[str, int] = {}
    taken: list[tuple[int, int]] = []
    for m in t.alias_regex.finditer(text):
        name = t.by_alias.get(norm_phrase(m.group(0)))
        st = t.state_of_source.get(name or "")
        if st:
            counts[st] = counts.get(st, 0) + 1
        taken.append(m.span())
    for m in t.actor_regex.finditer(text):
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken):
            continue
        key = norm_phrase(m.group(0))
        actor = _actor_entry(key, t)
        st = t.state_by_side.get(actor[1], "") if actor and actor[2] in ("state_forces", "government") else ""
        if st:
            counts[st] = counts.get(st, 0) + 1
        taken.append(m.span())
    for m in t.state_regex.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        st = t.state_of_word.get(norm_phrase(m.group(0)))
        if st:
            counts[st] = counts.get(st, 0) + 1
    return counts


def attribute(sentences: Iterable[str], *, outlet: str, knowledge: Knowledge,
              headline_items: int = 1) -> list[Attribution]:
    """One attribution per sentence of a document, resolving anaphora to the
    sources named earlier in the same document. The first `headline_items`
    sentences are one headline cut into one item per act: a credit it opens
    or closes with ("...: monitor") speaks each item that names no source."""
    t = knowledge.derived(_build_taxonomy)
    sentences = list(sentences)
    doc = _Doc("", outlet, t.outlet_state.get((outlet or "").casefold(), ""), knowledge, sentences,
               headline=headline_items)
    voice = _canonical_source(outlet, t) if outlet and norm_phrase(outlet) in t.by_alias else None
    own = Attribution(outlet or UNKNOWN_OUTLET, "outlet", voice.side if voice else "unknown", "", "outlet", "")
    out = []
    for i, sentence in enumerate(sentences):
        doc.index = i
        doc.speaker = None
        a = _attribute_one(sentence, doc, t)
        if a is not None and a.verb in t.observing and a.source_type not in t.observers:
            a = None  # "Turkish drones monitored the area": an act, not an observer's report
        if a is None:
            a = own
        elif a.cue == "outlet":  # a phrase that names no source: the outlet's voice, the phrase kept
            a = replace(own, raw=a.raw)
        doc.remember(doc.speaker or a)  # "the letter said" next points at who cited the reports, not at them
        if a.cue == "outlet":
            doc.outlet_voiced.append(i)
        out.append(a)
    if headline_items > 1:
        out = _headline_credit_shared(sentences, out, min(headline_items, len(out)))
    return _signed_runs(sentences, _quoted_runs(sentences, out), doc, t)


_SIGNED_REACH = 2  # the most first-person sentences before a signed one that the signature speaks too


def _signed_runs(sentences: list[str], out: list[Attribution], doc: _Doc, t: _Taxonomy) -> list[Attribution]:
    """A first-person statement without quotation marks that closes on a
    speaker's tag with no verb ("... no one was there so we carried him
    ourselves Omar Khaled rescuer", an embedded post whose marks and dash
    were lost) is the tagged person's, and so are the first-person
    sentences left to the outlet's voice just before it (the post's first
    sentences), up to `_SIGNED_REACH`: only when the tag names a person
    (a name and a singular person noun) and no reporting verb stands
    between the statement's last first-person word and the tag."""
    for j, sentence in enumerate(sentences):
        if out[j].cue != "outlet" or _quote_marks(sentence) or t.first_person.search(sentence) is None:
            continue
        m = t.signature.search(sentence)
        if m is None:
            continue
        said = list(t.first_person.finditer(sentence, 0, m.start()))
        if not said or _verb_spans(sentence[said[-1].end():m.start()], None, t):
            continue  # the tag does not close a first-person statement, or a frame of its own stands between
        doc.index = j
        a = _resolve(m.group("tag"), doc, t, cue="sentence_final", verb="")
        if a is None or a.cue == "outlet" or a.source_type in ("outlet", "unnamed"):
            continue
        if not a.person and a.source_type != "person":  # a group's tag: the person is the name, when it is one
            if _person_name(m.group("name"), t) != m.group("name"):
                continue
            a = replace(a, person=m.group("name"))
        out[j] = a
        for k in range(j - 1, max(-1, j - 1 - _SIGNED_REACH), -1):
            if out[k].cue != "outlet" or _quote_marks(sentences[k]) or t.first_person.search(sentences[k]) is None:
                break
            out[k] = a
    return out


def _headline_credit_shared(sentences: list[str], out: list[Attribution], n: int) -> list[Attribution]:
    """A headline cut into items keeps one credit: "Strikes kill 10 in Aleppo
    | Shelling kills 3 in Damascus: monitor" is the monitor's in both items,
    as "SOHR: ... | ..." is SOHR's and "... while rebels shell Hama, state
    TV says" state TV's: a credit opening the first item or closing the last
    (its phrase ends the headline). Only items left to the outlet's voice
    take it; an item naming its own source keeps that source."""
    first, last = out[0], out[n - 1]
    at = sentences[n - 1].rfind(last.raw) if last.raw else -1
    tail = sentences[n - 1][at + len(last.raw):].strip(" .") if at >= 0 else "-"
    closing = at >= 0 and (not tail or tail.lower() == last.verb.lower())  # "..., state TV says"
    credit = first if (first.cue, first.verb) == ("reporting_verb", ":") else \
        last if (last.cue == "sentence_final" and (last.verb in (":", "-", "") or closing)) \
        or (last.cue == "according_to" and closing) else None
    if credit is None:
        return out
    return [replace(credit) if i < n and a.cue == "outlet" and not a.raw else a for i, a in enumerate(out)]


_QUOTE_REACH = 8  # the most sentences one quotation is read across


_QUOTE_MARK = regex(r'["“”]')


def _quote_marks(sentence: str) -> list[tuple[int, str]]:
    """The quotation marks of a sentence, in order: (offset, 'open' | 'close' | 'either')."""
    if '"' not in sentence and "“" not in sentence and "”" not in sentence:
        return []  # most sentences quote no one
    return [(m.start(), "open" if m.group() == "“" else "close" if m.group() == "”" else "either")
            for m in _QUOTE_MARK.finditer(sentence)]


def _quoted_runs(sentences: list[str], out: list[Attribution]) -> list[Attribution]:
    """A quotation running over several sentences is one speaker's: the
    speaker of the frame after its closing mark ('... they fled. The shelling
    went on," said X.'), else of the frame before its opening mark ('X said:
    "They fled. The shelling went on."'), speaks every sentence inside it that
    was left to the outlet's voice. Only when the marks make the run
    unambiguous: read from the document's start, the quotation opens with the
    first sentence's last mark, the sentences between hold no mark, and the
    next mark closes it."""
    inside = False  # whether a quotation is open at the end of the sentence read
    opened = -1  # the sentence whose last mark opened the quotation, when it holds no other open run
    for j, sentence in enumerate(sentences):
        marks = _quote_marks(sentence)
        if not marks:
            continue
        if inside and marks[0][1] == "open":
            # a new paragraph's quotation reopens with its opening mark (the wire's way of
            # running a quote on): the marks are counted afresh, never across it
            inside, opened = False, -1
        if inside and opened >= 0 and j - opened <= _QUOTE_REACH and marks[0][1] != "open" and len(marks) % 2 == 1:
            _credit_run(sentences, out, opened, j, _quote_marks(sentences[opened])[-1][0], marks[0][0])
        if len(marks) % 2 == 1:
            inside = not inside
        opened = j if inside and marks[-1][1] != "close" else -1
    return out


def _credit_run(sentences: list[str], out: list[Attribution], i: int, j: int, opened_at: int, at: int) -> None:
    """Give the sentences of the quotation from sentence `i` (opening mark at
    `opened_at`) to sentence `j` (closing mark at `at`) its speaker."""
    last, first = out[j], out[i]
    if _frame_after(sentences[j], at, last):
        speaker = last
    elif last.cue == "outlet" and _frame_before(sentences[i], opened_at, first):
        speaker = first
    else:
        return
    for k in range(i, j + 1):
        if out[k].cue != "outlet":
            continue
        if k == i and sentences[i][:opened_at].strip(" \t'‘"):
            continue  # narration before the quotation opens: the outlet's
        if k == j and sentences[j][at + 1:].strip(" \t.,;:!?'’"):
            continue  # narration after the quotation closes
        out[k] = speaker


def _frame_after(sentence: str, at: int, a: Attribution) -> bool:
    """Whether `a` is a voice whose frame follows the closing mark at `at`
    ('..., " said X.' / '..." X told Reuters.')."""
    if a.cue == "outlet" or not a.raw:
        return False
    return _find_words(sentence, a.raw, at, len(sentence)) > at and _find_words(sentence, a.raw, 0, at) < 0


def _frame_before(sentence: str, at: int, a: Attribution) -> bool:
    """Whether `a` is a voice whose frame precedes the opening mark at `at`
    ('X said: "...')."""
    if a.cue == "outlet" or not a.raw:
        return False
    found = _find_words(sentence, a.raw, 0, at)
    return 0 <= found and not sentence[found + len(a.raw):at].count('"')


def _find_words(sentence: str, phrase: str, start: int, end: int) -> int:
    """Where `phrase` stands in sentence[start:end] as whole words ("it" is
    not in "militants"), or -1."""
    m = re.search(r"(?<![\w'’-])" + re.escape(phrase) + r"(?![\w'’-])", sentence[start:end])
    return start + m.start() if m else -1


def voice_parts(sentence: str, *, outlet: str = "", knowledge: Knowledge) -> tuple[tuple[int, int], ...]:
    """Where one sentence gives two voices two accounts ("Activists said the
    jets were regime aircraft, while local sources blamed Russian aircraft";
    "SANA said ..., but the Observatory said ..."): the spans of its parts
    (offsets in `sentence`, connectives and edge punctuation left out), one
    per voice, so that each becomes a claim with its own source and their
    accounts can be compared; () when the sentence is one voice's.

    Conservative: a cut is made at a connective of the lexicon's
    `voice_connectives` (outside quotation marks and brackets) only when the
    part before it and the part after it each name, with an attribution cue
    of their own, a source the knowledge resolves (a name or description the
    taxonomy lacks, a pronoun or a pointing phrase does not count), the two
    sources differ, and the voice after the connective opens its part ("...,
    while local sources blamed ...") or is told at its end ("..., according
    to SANA")."""
    t = knowledge.derived(_build_taxonomy)
    if _cue_count(sentence, t) < 2:
        return ()  # two voices need two cues: most sentences have one at most
    return tuple(_voice_cuts(sentence, 0, outlet, knowledge, t))


def _cue_count(sentence: str, t: _Taxonomy) -> int:
    """How many attribution cues (reporting verbs, "according to") the sentence holds, up to 2."""
    low = sentence.lower()
    n = low.count("according to")
    if n >= 2:
        return n
    return min(2, n + len(_verb_spans(sentence, low if sentence.isascii() else None, t)))


def _verb_spans(sentence: str, low: str | None, t: _Taxonomy) -> tuple[tuple[int, int], ...]:
    """The spans of the reporting verbs in `sentence`, in order (`low`: the
    sentence lower-cased when it is ASCII, else None; the lower-case trie then
    runs on it: same offsets, fewer branches). Memoised per sentence:
    `voice_parts` and then `attribute` scan every sentence of a document (a
    small memo: it needs to hold one document's sentences)."""
    got = t.verb_memo.get(sentence)
    if got is None:
        found = t.verbs_low.finditer(low) if low is not None else t.verbs.finditer(sentence)
        got = t.verb_memo.put(sentence, tuple(m.span() for m in found))
    return got  # type: ignore[no-any-return]


_VOICE_MIN_WORDS = 4  # the fewest words a part must have to stand as a claim of its own
_VOICE_MIN_TOLD = 2  # the fewest words a part must tell besides its source, cue and "that"


def _voice_cuts(sentence: str, start: int, outlet: str, knowledge: Knowledge, t: _Taxonomy) -> list[tuple[int, int]]:
    """The parts of `sentence[start:]` (see `voice_parts`); [] when it is not cut."""
    for m in t.voice_connectives.finditer(sentence, start):
        lo = start
        while lo < m.start() and sentence[lo] in " ,;":
            lo += 1
        left_end = m.start()
        while left_end > lo and sentence[left_end - 1] in " ,;":
            left_end -= 1
        right = m.end()
        while right < len(sentence) and sentence[right] in " ,;":
            right += 1
        left, rest = sentence[lo:left_end], sentence[right:]
        words = rest.split()
        if len(left.split()) < _VOICE_MIN_WORDS or len(words) < _VOICE_MIN_WORDS \
                or norm_phrase(words[0]) in t.voice_continuations:
            continue  # too short to stand alone; "..., and that ...": the first voice goes on
        if not _outside_quotes(sentence[start:m.start()]) or not (_has_cue(left, t) and _has_cue(rest, t)):
            continue
        punctuated = t.voice_punctuated[int((m.lastgroup or "v0")[1:])]
        pair = _two_voices(left, rest, outlet, knowledge, t, punctuated=punctuated)
        if pair is None:
            continue
        more = _voice_cuts(sentence, right, outlet, knowledge, t)
        return [(lo, left_end), *(more or [(right, len(sentence.rstrip()))])]
    return []


def _outside_quotes(before: str) -> bool:
    """Whether the text after `before` lies outside quotation marks and brackets."""
    return before.count('"') % 2 == 0 and before.count("“") == before.count("”") \
        and before.count("(") == before.count(")") and before.count("[") == before.count("]")


def _has_cue(part: str, t: _Taxonomy) -> bool:
    """Whether a part holds an attribution cue at all (a reporting verb, "according to")."""
    if part.isascii():
        low = part.lower()
        return "according to" in low or t.verbs_low.search(low) is not None
    return "according to" in part.lower() or t.verbs.search(part) is not None


def _two_voices(left: str, right: str, outlet: str, knowledge: Knowledge, t: _Taxonomy, *,
                punctuated: bool) -> tuple[Attribution, Attribution] | None:
    """The voices of the two parts, read as a two-sentence document of their
    own, when each names its own known source and the sources differ."""
    doc = _Doc(f"{left} {right}", outlet, t.outlet_state.get((outlet or "").casefold(), ""), knowledge, [left, right])
    a = _attribute_one(left, doc, t)
    if a is None or not _own_voice(a, t):
        return None
    doc.remember(a)
    doc.index = 1
    b = _attribute_one(right, doc, t)
    if b is None or not _own_voice(b, t):
        return None
    if b.source in (a.source, a.via) or a.source == b.via:
        return None  # one voice, or one relaying the other
    if _told_words(left, a) < _VOICE_MIN_TOLD or _told_words(right, b) < _VOICE_MIN_TOLD:
        return None  # "The ministry said that | while rebels claimed ...": the first voice tells the rest
    if b.cue == "reporting_verb" or not punctuated:
        # the voice opens the part after the connective: "..., while local sources blamed ..." (not "and
        # Binnish while the Observatory reported", "and confirmed by the Observatory")
        if b.cue != "reporting_verb" or not b.raw or not right.startswith(b.raw):
            return None
    return a, b


def _told_words(part: str, a: Attribution) -> int:
    """How many words a part tells besides its source phrase, its cue and a "that"."""
    words = part.split()
    frame = [*a.raw.split(), *a.verb.split(), "that"]
    low = [w.lower().strip(",.;:") for w in words]
    for w in frame:
        if w.lower() in low:
            low.remove(w.lower())
    return len([w for w in low if w])


def _own_voice(a: Attribution, t: _Taxonomy) -> bool:
    """An attribution that names a known source with a cue of its own (not the
    outlet's voice, not a phrase pointing back, not a bare name or description)."""
    return a.cue not in ("outlet", "anaphora") and bool(a.source) and a.source_type != "outlet" \
        and not _weak(a, t)


# --- frames ------------------------------------------------------------------------------

_NONSPACE = regex(r"\S+")
_POSSESSIVE_OWNER = regex(r"(?i)^(?P<owner>.+?)(?:'s|’s|s')\s+(?P<rest>(?:\w+\s+)?\w+(?:\s+[A-Z][\w'’.-]*){0,4})$")
_PARENTHETICAL = regex(r"\s*\([^()]{1,60}\)")
_DASH_ASIDE = regex(r"\s[-–—]\s(?:(?!\s[-–—]\s).){1,150}\s[-–—]$")
_TOKEN = regex(r"[^\s,;:()\"“”]+|[,;:()\"“”]")
_WORD_START = regex(r"(?<!\S)[A-Za-z]")
_CAP_START = regex(r"(?<!\S)[A-Z]")
_DIGIT = regex(r"\d")
_ORDINAL = regex(r"\d+(?:st|nd|rd|th)")
_HEAD_CHARS = 180  # how far before a reporting verb its subject (and a place before it) can start
_TITLE_CASE_SHARE = 0.6  # a sentence this capitalised is a headline: its verbs may be capitalised too


def _attribute_one(sentence: str, doc: _Doc, t: _Taxonomy) -> Attribution | None:
    # (?i) frames open with a literal word: on ASCII text it must occur in the
    # lower-cased sentence (non-ASCII text may case-fold onto ASCII: always scan)
    low = sentence.lower() if sentence.isascii() else None
    rejected = ""  # a phrase a frame offered that names no speaker
    rejected_end = -1  # where the verb of the last such phrase (or of an unnamed speaker) ends
    any_subject = False  # whether an earlier reporting verb of the sentence had a subject
    fallback: Attribution | None = None
    for m in (t.according.finditer(sentence) if low is None or any(g in low for g in t.according_gates) else ()):
        np = _np_forward(m.group("src"), t)
        a = _resolve(np, doc, t, cue="according_to", verb="according to")
        if a and a.source_type == "unnamed" and fallback is None \
                and any(vs >= m.start("src") + len(np) for vs, _ in _verb_spans(sentence, low, t)):
            # "According to media reports ..., Kurdish media reported citing a source in the YPG": a later
            # cue may name the speaker the generic phrase leaves unnamed
            fallback = _with_via(a, sentence, m.end(), doc, t)
            continue
        if a:
            return _with_via(a, sentence, m.end(), doc, t)
        rejected = rejected or m.group("src").strip()
    m = t.quoted.search(sentence) if low is None or any(g in low for g in t.quoted_gates) else None
    if m:
        a = _resolve(m.group("src"), doc, t, cue="quote", verb="quoted")
        if a:
            relay = _resolve(_subject_np(sentence[:m.start()], t), doc, t, cue="quote", verb="quoted")
            return _relayed(a, relay.source if relay else "", t)
    m = t.quoted_passive.search(sentence) if low is None or any(g in low for g in t.quoted_passive_gates) else None
    if m:
        # '"The crew died," the military was quoted as saying by Interfax': the subject speaks, the agent relays
        subject, locative = _subject(sentence[:m.start()], t)
        a = _resolve(subject, doc, t, cue="quote", verb="quoted") if subject and not locative else None
        if a is not None and a.cue != "outlet":
            by = t.by_after.match(sentence, m.end())
            via = _resolve(_np_forward(by.group("src"), t), doc, t, cue="quote", verb="quoted", strong_only=True) \
                if by else None
            return _relayed(a, via.source if via is not None and via.cue != "outlet" else "", t)
    headline: bool | None = None  # whether the sentence is a title-case headline, worked out when needed
    any_verb = False
    verb_read = False  # whether a reporting verb (no noun, no capitalised name) came before the one read
    related = t.related_markers.match(sentence) is not None  # "Related ...": other articles' headlines open it
    furniture_end = -1  # where a related headline glued before the story ends: its frames speak no claim here
    for vs, ve in _verb_spans(sentence, low, t):
        any_verb = True
        verb = sentence[vs:ve]
        if vs < furniture_end or (related and t.headline_verbs.match(verb)):
            # "Related Assad says Erdogan exploiting coup ... 40 soldiers were killed ... a monitor said": a listed
            # headline's frame (told in the present, as headlines are) speaks none of the story's words
            continue
        if verb[:1].isupper() and vs > 0:
            if headline is None:
                headline = _title_case(sentence)
            if not headline:
                continue  # "the United States", "the Caliphate States": a capitalised word mid-sentence is a name
        head = sentence[max(0, vs - _HEAD_CHARS):vs]  # the subject is a dozen words at most: the rest is not read
        if verb[:1].isupper() and _ends_a_name(head, verb, t):
            continue  # "United States" in a headline: the word ends a name the knowledge holds
        # the match ends the head: start the search a few characters before its last word
        if t.noun_before.search(head, max(0, len(head.rstrip()) - t.noun_before_span)):  # "the report said": 'report' is a noun here
            continue
        if ve < len(sentence) and sentence[ve] == " " and verb[-1:] in "sS" and (
                t.verbs_low.match(low, ve + 1) if low is not None else t.verbs.match(sentence, ve + 1)):
            continue  # "reports say", "claims said": the first word is the subject
        if t.not_reporting.match(sentence, ve):
            continue  # "the blast claimed the lives of five": not a claim
        if t.bare_passive.match(sentence, vs):
            continue  # "Assad accused of releasing prisoners": the accused, no speaker
        earlier_verb, verb_read = verb_read, True
        if any_subject and _coordinated(head, t):
            continue  # "The council accused the government of X and posted videos": the council's second verb
        if not earlier_verb and _coordinated(head, t):
            # "The United States left the door open to a Security Council resolution that could endorse strikes
            # and indicated that ...": the verb shares the sentence's subject, not the relative clause's antecedent
            # (after an earlier reporting verb, "ministers who blamed Assad but urged ...", that verb's subject)
            a = _sentence_subject(sentence, doc, t, cue="reporting_verb", verb=verb)
            if a is not None:
                return _with_via(_cited(a, sentence[ve:], doc, t), sentence, ve, doc, t)
        by = t.by_after.match(sentence, ve)
        if by and verb[-1:] in "sS" and not verb.lower().endswith("ss"):
            continue  # "denied claims by the opposition", "reports by activists": a noun, no agent of a verb
        if by or t.passive_before.search(head, max(0, len(head) - t.passive_before_span)):  # "documented by SOHR", "were not reported"
            if by and verb.lower() not in t.relay_participles and verb.lower() not in t.not_by_agent:
                # "documented by SOHR"; but "quoted by SANA" relays (kept as via) and "a bomb claimed by X" is
                # X's claim of responsibility, reported by the outlet
                a = _resolve(_np_forward(by.group("src"), t), doc, t, cue="reporting_verb", verb=verb)
                if a:
                    return a
            continue
        final = "," in head and len(sentence) - ve <= 45 and not t.that.search(sentence, ve)
        cue = "sentence_final" if final else "reporting_verb"
        participle = verb.lower().endswith("ing")
        subject, locative = _subject(head, t)
        if subject and not earlier_verb and head.rstrip().endswith(subject) and vs <= _HEAD_CHARS \
                and not head.rstrip()[:-len(subject)].strip():
            glued = _glued_headline(sentence, vs, ve, doc, t)
            if glued >= 0:
                # "UN says Syria airdrops not imminent Regime bombing raids ... killed 31 civilians ... the civil
                # defence said": the opening frame is another article's headline run into the lede
                furniture_end = glued
                continue
        if subject and head.rstrip().endswith(subject) and t.agent_before.search(
                head, max(0, len(head.rstrip()) - len(subject) - 8), len(head.rstrip()) - len(subject)) \
                and verb.lower() not in t.relay_verbs:
            # "... trained and equipped by Washington said the Syrian Observatory": a passive's agent before an
            # inverted frame's speaker (but "A statement by the ministry said": the agent is the author)
            inv = _inverted(sentence[ve:], doc, t, verb)
            if inv is not None and not _weak(inv, t):
                return inv
        if participle and subject and t.with_before.search(head, max(0, len(head.rstrip()) - len(subject) - 8),
                                                          len(head.rstrip()) - len(subject)) \
                and head.rstrip().endswith(subject) and not t.outcome_words.search(sentence, ve) \
                and not t.saying_outcomes.search(sentence, ve):
            # "militants seized the city, with Ankara saying it wanted a safe zone": the act is the outlet's
            # account, not Ankara's; but "..., with regime media saying one person was killed" tells the toll,
            # and so does one of its other outcomes ("with Ankara saying 3,000 militants had been neutralised")
            continue
        if subject and head.rstrip().endswith(subject) \
                and head.rstrip()[:-len(subject)].split()[-1:] in ([w] for w in t.question_openers):
            continue  # "OPCW members questioned whether Assad declared everything": asked about, not reported
        if verb[-1:] == "s" and subject.isalpha() and subject.islower() and not _plural_word(subject, t) \
                and subject not in t.pronouns and subject not in t.relative_pronouns:
            continue  # "member states of the OPCW": a bare singular noun has no verb in -s, it makes a compound
        any_subject = any_subject or bool(subject)
        channel = ""
        if subject:  # "Speaking to state TV Barazi said": after the channel, no place but the speaker
            subject, channel = _channel_cut(head, subject, doc, t)
            locative = locative and not channel
        a = None
        pronoun = subject.lower() in t.pronouns
        before = head.rstrip().split()[-3:-1] if pronoun else []
        if pronoun and rejected_end >= 0 and not sentence[rejected_end:vs - len(head) + head.rfind(subject)].strip():
            continue  # "Western countries say they do not believe": "they" is the speaker named (or not) before
        relative = bool(subject) and _in_relative_clause(head, subject, t)
        if relative:
            a = _antecedent(head, doc, t, cue=cue, verb=verb, strong=True)  # "The Observatory which relies on sources says"
            if a is None and pronoun and subject.lower() not in t.singular and before \
                    and before[-1].lower() in t.relative_pronouns:
                # "The coalition has caused casualties, which it says it avoids": the sentence's subject
                a = _sentence_subject(sentence, doc, t, cue=cue, verb=verb)
        if a is None and pronoun and subject.lower() not in t.singular and head.rstrip().endswith(subject):
            at = len(head.rstrip()) - len(subject)
            if t.pronoun_clause.search(head, max(0, at - 12), at):
                # "... pointed the finger at Assad's government though it denied any role": the body named before
                a = _named_before(head[:at], subject.lower() in t.plural, doc, t, cue=cue, verb=verb, pronoun=subject)
        if a is None and subject:
            a = _resolve(subject, doc, t, cue=cue, verb=verb, locative=locative)
            if (a is None or a.cue == "outlet") and not rejected and fallback is None:
                # "Moscow urging an objective inquiry said ...": the name before the participle phrase speaks
                a = _participle_opener(head, doc, t, cue=cue, verb=verb) or a
            if relative and (a is None or _weak(a, t)):
                # "The Syrian American Medical Society which supports hospitals in the north said"
                a = _antecedent(head, doc, t, cue=cue, verb=verb) or a
            if a is not None and a.cue != "outlet" and not a.person and a.source_type != "person" \
                    and head.rstrip().endswith(subject):
                name = _apposed_name(head.rstrip()[:-len(subject)], subject, doc, t)
                if name:
                    # "General Joseph Votel the top commander for US forces warned" (its commas lost): the
                    # description's body speaks, through the person it describes
                    a = replace(a, person=name, raw=f"{name} {a.raw}")
            if a is not None and _weak(a, t):
                if headline is None:
                    headline = _title_case(sentence)
                if headline:  # a title-case headline's capitalised run is no name: only what the knowledge names speaks
                    a = _resolve(subject, doc, t, cue=cue, verb=verb, locative=locative, strong_only=True)
        if a is None and (head.rstrip().endswith(",") or any(w in head for w in t.relative_pronouns)):
            if headline is None:
                headline = _title_case(sentence)
            if not headline:
                a = _antecedent(head, doc, t, cue=cue, verb=verb)
        if (a is None or a.cue == "outlet") and not participle:
            a = _before_citing(head, doc, t, cue=cue, verb=verb) or a
        if participle and (a is None or a.cue == "outlet"):
            a = _sentence_subject(sentence, doc, t, cue=cue, verb=verb)
        if (a is None or a.cue == "outlet" or _weak(a, t)) and verb.lower() not in t.relay_verbs \
                and len(_WORD_START.findall(head)) > _INVERTED_MIN_HEAD:
            # (after "told" come the listeners: "X told Reuters" is X's word, relayed; a verb after a
            # few words only has them for its subject: "They said the SDF, which controls Raqqa, had
            # killed 20" is told by "they", not by the SDF)
            inv = _inverted(sentence[ve:], doc, t, verb)  # "... for the Army of Conquest said observatory head Rami Abdel Rahman."
            if inv is not None and (a is None or not _weak(inv, t)):
                return inv
        if a is not None and a.cue != "outlet":
            rest = sentence[ve:]
            rc = _reported_complement(rest, verb, t)
            if rc and t.fallback_group in t.sources:
                # "X said it was seeking clarity on reports that ... killed 500": the figure is the reports', not X's
                g = t.sources[t.fallback_group]
                doc.speaker = a
                return Attribution(g.name, g.type, g.side, a.raw, cue, rc, via=a.source)
            if verb.lower() in t.relay_verbs:
                a = _told(a, rest, doc, t)
            if channel and not a.via:
                a = _relayed(a, channel, t)
            a = _cited(a, rest, doc, t)
            a = _with_via(a, sentence, ve, doc, t)
            if a.source_type != "unnamed":
                return a
            fallback = fallback or a
            rejected_end = ve
        elif subject:
            rejected = rejected or subject
            rejected_end = ve
    m = t.inverted.search(sentence) if any_verb else None
    if m:
        a = _resolve(m.group("src"), doc, t, cue="sentence_final", verb=m.group("verb"))
        if a and a.source_type != "unnamed":
            return a
    if fallback is not None:
        return fallback
    if doc.index < doc.headline and (":" in sentence or " - " in sentence or " – " in sentence
                           or t.headline_credit.search(sentence)):
        a = _headline_speaker(sentence, doc, t)
        if a is not None:
            return a
    return Attribution("", "outlet", "", rejected, "outlet") if rejected else None


_GLUED_MIN_HEAD = 2  # the fewest words a glued headline tells after its frame's verb
_GLUED_MAX_HEAD = 14  # the most: a related headline is short
_GLUED_MIN_STORY = 5  # the fewest words the story glued after it must have
_CLOSING_REACH = 30  # the most characters after a closing frame's verb (a time: "said on Friday")
_GLUE_BREAKS = ".,;:!?\"“”()"  # punctuation ending a word before a restart: the text is not glued there


def _glued_headline(sentence: str, vs: int, ve: int, doc: _Doc, t: _Taxonomy) -> int:
    """Where the story starts when the frame opening the sentence (verb at
    vs:ve) is another article's headline glued to the lede, the page's
    punctuation lost ("UN says Syria airdrops not imminent Regime bombing
    raids ... killed 31 civilians ... the civil defence said"); -1 when it is
    not. Glued, when the frame is told in the present, as headlines are
    ("UN says"; a story's frames are told in the past), and either

    * the words after the verb run, with no punctuation, into a capitalised
      restart: a capitalised word after a lower-case word that is no stop,
      article or name connector, before a lower-case word or a figure that
      is no name connector, and that the document writes in lower case
      elsewhere ("imminent Regime bombing": a common word, not a name; not
      "rebel Army of Islam", "rebel Free Syrian Army", "jihadist Daesh
      group"); the story starts at the restart; or
    * the sentence closes with another frame in the past ("... the civil defence
      said Friday") whose speaker is a known source, no outlet relaying the
      first, with a figure between the two: the closing frame speaks the
      clause that holds the figures; the story starts after the first verb."""
    if not t.headline_verbs.match(sentence[vs:ve]):
        return -1  # a story's frames are told in the past ("X said ..."): no headline's
    tokens = list(_NONSPACE.finditer(sentence, ve))
    lower = doc.lower_words()
    for i in range(_GLUED_MIN_HEAD, min(_GLUED_MAX_HEAD + 1, len(tokens) - _GLUED_MIN_STORY)):
        prev, word, nxt = tokens[i - 1].group(), tokens[i].group(), tokens[i + 1].group()
        if prev[-1:] in _GLUE_BREAKS or prev[:1] in _GLUE_BREAKS:
            break  # punctuation kept: the text says where its sentences end
        if not (word[:1].isupper() and word[1:].isalpha() and word[1:].islower()):
            continue
        if not (prev[:1].islower() and prev.replace("-", "").isalpha()):
            continue
        low_prev, low_next = prev.lower(), nxt.lower()
        if low_prev in t.stops or low_prev in t.determiners or low_prev in t.name_connectors \
                or low_next in t.name_connectors or not (nxt[:1].islower() or nxt[:1].isdigit()):
            continue
        if word.lower() in lower:
            return tokens[i].start()
    spans = _verb_spans(sentence, sentence.lower() if sentence.isascii() else None, t)
    if not spans:
        return -1
    ls, le = spans[-1]
    tail = sentence[le:].strip(" .")
    if ls <= ve or len(tail) > _CLOSING_REACH or t.headline_verbs.match(sentence[ls:le]) \
            or sentence[ls:le].lower().endswith("ing") or t.that.search(sentence, le):
        return -1
    subject, locative = _subject(sentence[max(ve, ls - _HEAD_CHARS):ls], t)
    if not subject or locative or subject.lower() in t.pronouns:
        return -1
    at = sentence.rfind(subject, ve, ls)
    if at < 0 or not (_DIGIT.search(sentence, ve, at) or t.number_words.search(sentence, ve, at)):
        return -1
    closing = _resolve(subject, doc, t, cue="reporting_verb", verb=sentence[ls:le], strong_only=True)
    if closing is None or closing.cue == "outlet" or closing.source_type in ("outlet", "media", "unnamed"):
        return -1
    return ve


_HEADLINE_PREFIX = regex(r"^\s*(?P<src>[^:\"“”]{2,60}?)\s*:\s+\S")
_HEADLINE_SUFFIX = regex(r"\s[-–—]\s+(?P<src>[^-–—:\"“”]{2,40}?)\s*$")
_HEADLINE_COLON_SUFFIX = regex(r":\s+(?P<src>[^-–—:\"“”]{2,40}?)\s*$")


def _headline_speaker(sentence: str, doc: _Doc, t: _Taxonomy) -> Attribution | None:
    """A headline's speaker set before a colon ("Russian Defense Ministry:
    More than 100 ...") or after a closing dash or colon ("... Near Khan
    Shaykhun - Russian MoD", "... kill 13 fighters: monitor"), or a credit
    word ending it where the punctuation was lost ("Air raids kill 10 near
    hospital Monitor", lexicon `headline_credits`): a known source the phrase
    names whole, not a state's or capital's name alone ("Syria: ...", "... -
    Moscow" may name a place)."""
    for rx, cue, verb in ((_HEADLINE_PREFIX, "reporting_verb", ":"), (_HEADLINE_SUFFIX, "sentence_final", "-"),
                          (_HEADLINE_COLON_SUFFIX, "sentence_final", ":"), (t.headline_credit, "sentence_final", "")):
        m = rx.search(sentence)
        if m is None:
            continue
        if rx is _HEADLINE_COLON_SUFFIX or rx is t.headline_credit:
            # a credit closes a headline that tells a toll ("Air raids kill 10 near hospital Monitor"); a
            # source word after an article, a preposition or a state's adjective is the headline's object
            # ("Hackers target Syrian Observatory", "Why Syria's war needs a new monitor")
            told = sentence[:m.start()]
            last = told.split()[-1] if told.split() else ""
            before = norm_phrase(last) if not last.isupper() else ""  # "IS" is a name, not "is"
            # (a toll's figure with its outcome, or with the act alone: "Updated 31 in Syria regime strikes")
            if not (_DIGIT.search(told) or t.number_words.search(told)) \
                    or not (t.toll_cues.search(told) or t.act_cues.search(told)) \
                    or before in t.stops or before in t.determiners \
                    or (before in t.state_of_word and before not in t.state_names):  # "Syrian", not "Syria"
                continue
        phrase = _clean(m.group("src"), t)
        key = norm_phrase(_strip_determiners(phrase, t))
        if not key or key in t.state_names or len(key.split()) > 6:
            continue
        a = _resolve(phrase, doc, t, cue=cue, verb=verb, strong_only=True)
        if a is not None and a.cue != "outlet" and a.source_type not in ("outlet", "unnamed") \
                and (key in t.by_alias or key in t.actor_by_alias or _state_office(phrase, phrase, doc, t)):
            return a
    return None


_COMPLEMENT_REACH = 80  # how far after its verb a "reports that" still opens the verb's own clause


def _reported_complement(rest: str, verb: str, t: _Taxonomy) -> str:
    """The "reports that" / "claims of" opening the clause a reporting verb
    introduces, before any figure ("said it was seeking clarity on reports
    that ... 500"), else ''. A denial ("denied the reports of ...") is the
    speaker's own act: not a relayed report."""
    m = t.reported_complement.search(rest, 0, _COMPLEMENT_REACH + 30)
    if m is None or m.start() > _COMPLEMENT_REACH or _DIGIT.search(rest, 0, m.start()) \
            or t.number_words.search(rest, 0, m.start()) or t.circumstance.search(rest, 0, m.start()):
        return ""  # "documented three deaths ... amid reports of": the figure came first, the reports are aside
    if t.negations.fullmatch(verb) or verb.lower() in t.distancing:
        return ""
    return m.group(0)


def _before_citing(head: str, doc: _Doc, t: _Taxonomy, *, cue: str, verb: str) -> Attribution | None:
    """"X citing figures from clinics in the suburbs put the toll at": the
    speaker is the subject before the participle that says what X relies on."""
    hits = list(t.relay_citing.finditer(head))
    if not hits:
        return None
    m = hits[-1]
    subject, locative = _subject(head[:m.start()], t)
    if not subject:
        return None
    a = _resolve(subject, doc, t, cue=cue, verb=verb, locative=locative)
    return a if a is not None and a.cue != "outlet" else None


def _weak(a: Attribution, t: _Taxonomy) -> bool:
    """A resolution from the phrase's form alone (a name or description the
    taxonomy lacks, an armed group known by its name's head word alone), not
    from knowledge."""
    return a.source not in t.sources and (a.source_type in ("person", "organisation", "unnamed")
                                          or (a.source_type == "partisan" and a.source_side == "unknown"))


def _ends_a_name(head: str, verb: str, t: _Taxonomy) -> bool:
    words = head.split()
    if not words:
        return False
    key = norm_phrase(f"{words[-1]} {verb}")
    return key in t.state_of_word or key in t.by_alias or key in t.actor_by_alias




def _in_relative_clause(head: str, subject: str, t: _Taxonomy) -> bool:
    """Whether the phrase before the verb lies inside a relative clause of the
    same stretch of text (no punctuation between): its verb's subject is the
    clause's antecedent."""
    if not any(w in head for w in t.relative_pronouns):
        return False
    at = head.rfind(subject)
    if at < 0:
        return False
    found = list(t.relative_word.finditer(head, max(0, at - _HEAD_CHARS), at))
    if not found:
        return False
    return not any(c in head[found[-1].end():at] for c in ",;:()\"“”")


def _named_before(text: str, plural: bool, doc: _Doc, t: _Taxonomy, *, cue: str, verb: str,
                  pronoun: str) -> Attribution | None:
    """The last known source or actor `text` names whose number fits the
    pronoun, as that pronoun's referent; None when none does."""
    found = [m for rx in (t.alias_regex, t.actor_regex) for m in rx.finditer(text)]
    for m in sorted(found, key=lambda m: -m.end()):
        last = m.group(0).split()[-1].lower()
        if _plural_word(last, t) != plural:
            continue
        before = text[:m.start()].split()[-1:]
        if before and before[0].lower().strip(",;") in t.antecedent_not_after:
            continue  # "rockets supplied by Turkey, but it said": Turkey is no subject
        a = _resolve(m.group(0), doc, t, cue=cue, verb=verb, strong_only=True)
        if a is not None and a.cue != "outlet" and a.source_type != "outlet":
            return replace(a, raw=pronoun, cue="anaphora")
        return None  # the nearest body of that number names no speaker: not sure
    return None


_OPENER_PARTICIPLE = regex(r"^\W*(?P<name>(?:[A-Z][\w'’.-]*\s+){1,4}?)(?P<ing>[a-z]+ing)\s")


def _participle_opener(head: str, doc: _Doc, t: _Taxonomy, *, cue: str, verb: str) -> Attribution | None:
    """A sentence opening with a known source's name and a participle phrase
    of its own, with no punctuation before the verb ("Moscow urging an
    objective inquiry said ..."): the name is the verb's subject."""
    m = _OPENER_PARTICIPLE.match(head)
    if m is None or any(c in head for c in ",;:\"“”()"):
        return None
    a = _resolve(m.group("name").strip(), doc, t, cue=cue, verb=verb, strong_only=True)
    return a if a is not None and a.cue != "outlet" and a.source_type != "outlet" else None


def _coordinated(head: str, t: _Taxonomy) -> bool:
    """Whether the text before a verb ends with a coordinator ("... of using
    incendiary weapons and posted"): the verb shares an earlier verb's subject."""
    words = _strip_pre_verb(head, t).split()[-1:]
    return bool(words) and words[0].lower() in t.verb_coordinators


def _title_case(sentence: str) -> bool:
    """Whether most words are capitalised: a headline ("Turkish Defence
    Minister Says ..."), whose verbs are capitalised too."""
    n = len(_WORD_START.findall(sentence))
    return n >= 3 and len(_CAP_START.findall(sentence)) >= _TITLE_CASE_SHARE * n


_INVERTED_MIN_HEAD = 5  # an inverted frame's verb comes after the claim's words, more than a subject's few


def _inverted(rest: str, doc: _Doc, t: _Taxonomy, verb: str) -> Attribution | None:
    """"... said observatory head Rami Abdel Rahman." without the comma: the
    words after the verb, up to the end of the sentence, name the speaker."""
    tail = rest.strip().rstrip(".!?\"”'’ ")
    if not tail or tail[0] in "\"“":
        return None  # 'pledged "victory for the Muslims of Aleppo"': the quoted words are the verb's object
    if len(tail.split()) > 8 or t.clause_mark.search(tail) or _np_head(t.time_tail.sub("", tail), t) != t.time_tail.sub("", tail):
        return _inverted_with_more(tail, doc, t, verb)
    tail = t.time_tail.sub("", tail)
    a = _resolve(tail, doc, t, cue="sentence_final", verb=verb)
    return a if a is not None and a.cue != "outlet" and a.source_type != "unnamed" else None


def _inverted_with_more(tail: str, doc: _Doc, t: _Taxonomy, verb: str) -> Attribution | None:
    """"... killed 1102 people said the Observatory adding that ...", "...
    said the Syrian Observatory for Human Rights a Britain-based monitor":
    a known source's name right after the verb, then only an apposition ("a
    ..."), a participle ("adding ...") or a relative clause ("which ...")
    of its own; never a clause ("said the Observatory's figures were
    wrong")."""
    if not t.inverted_verb.fullmatch(verb):
        return None  # "accused X of ...", "cited a journalist who ...": the words after the verb are its object
    np = _np_head(tail, t)
    more = tail[len(np):].split()
    if not np or not more:
        return None
    first = more[0] if more[0].islower() else ""  # "WHO Representative": a name, no relative pronoun
    described = len(more) <= 3 and all(w.isalpha() and w.islower() for w in more) \
        and (norm_phrase(more[-1]) in t.org_nouns or norm_phrase(more[-1]) in t.person_nouns)  # "... monitoring group"
    if not (described or first in t.apposition_words or first in t.inverted_participles or first in t.relative_pronouns):
        return None
    last = np.split()[-1]
    if not (last[:1].isupper() or norm_phrase(last) in t.org_nouns or norm_phrase(last) in t.person_nouns):
        return None  # "said rescuers heard a boy ...": a clause's subject and verb, no name
    a = _resolve(np, doc, t, cue="sentence_final", verb=verb, strong_only=True)
    if (a is None or a.cue == "outlet") and first and (first in t.relative_pronouns or first in t.inverted_participles) \
            and 1 <= len(np.split()) <= 4 and _name_run(np, t) == np.split():
        # '"..." said Abu Khaled who gave only his nom de guerre', '... said Ahmad Haddad adding that ...': a
        # person's whole name, then a clause of their own; a surname alone only as the person named before in
        # full ('... said Fabius whose country backs strikes' after 'Foreign Minister Laurent Fabius')
        b = _resolve(np, doc, t, cue="sentence_final", verb=verb)
        if len(np.split()) > 1 or (b is not None and b.person and b.person != np
                                   and b.person.split()[-1].rpartition("-")[2] == np):
            a = b
    return a if a is not None and a.cue != "outlet" and a.source_type not in ("unnamed", "outlet") else None


def _np_head(phrase: str, t: _Taxonomy) -> str:
    """The noun phrase a span opens with (up to a stop word): "SOHR in Daraa
    province" -> "SOHR"."""
    words: list[str] = []
    for w in phrase.split():
        low = w.lower()
        if low in t.stops or any(c.isdigit() for c in w):
            break
        if words and low in t.phrase_articles and words[-1].lower() not in t.phrase_joiners:
            break  # "the Syrian Center for Policy Research the conflict ...": a new phrase
        if words and words[-1][:1].isupper() and words[-1].lower() not in t.determiners \
                and w[:1].islower() and low not in t.name_connectors \
                and low not in t.person_nouns and low not in t.org_nouns and low not in t.speech_nouns \
                and not low.startswith(t.particle_prefixes):
            break  # "by the Syrian Network for Human Rights rose to 90": the name ends before the verb
        if words and w[:1].isupper() and words[-1].islower() and words[-1].endswith("s") \
                and low not in t.name_connectors \
                and (words[-1] in t.person_nouns or words[-1][:-1] in t.speech_nouns):
            break  # "according to media reports Kurdish militias killed ..." (its comma lost): a new clause
        words.append(w)
    return " ".join(words)


_POSSESSIVE_AFTER = regex(r"(?:'s|’s|s'|’)(?!\w)")  # "the Syrian opposition's rivals": the name owns what follows


def _np_forward(phrase: str, t: _Taxonomy) -> str:
    """The noun phrase a span opens with, with the place after a speaker noun
    ("a source in the YPG", "sources at the hospital"), never a clause."""
    first = _np_head(phrase, t)
    if first and len(first) < len(phrase):
        hit = _canonical_match(phrase, t)
        if hit is not None and hit[1].start() < len(first) < hit[1].end() \
                and not _POSSESSIVE_AFTER.match(phrase, hit[1].end()):
            # "the Syrian opposition", "a Syrian opposition statement": a known name the head cut short runs on,
            # with the nouns that go on naming its speech or body
            end = hit[1].end()
            for w in phrase[end:].split():
                low = norm_phrase(w)
                if not w[:1].islower() or low not in t.speech_nouns | t.org_nouns | t.person_nouns:
                    break
                end = phrase.index(w, end) + len(w)
            first = phrase[:end]
    words = first.split()
    rest = phrase[len(first):].split()
    if words and rest and norm_phrase(rest[0]) in t.locative and (
            norm_phrase(words[-1]) in t.person_nouns or norm_phrase(words[-1]) in t.org_nouns):
        more = _np_head(" ".join(rest[1:]), t)
        if more:
            return f"{first} {rest[0]} {more}"
    return first


def _subject_np(head: str, t: _Taxonomy) -> str:
    """The noun phrase ending right before a reporting verb (see `_subject`)."""
    return _subject(head, t)[0]


def _subject(head: str, t: _Taxonomy) -> tuple[str, bool]:
    """The noun phrase ending right before a reporting verb, and whether it is
    the object of a preposition (a place: "sources inside Syria says").

    Walking back over words that can stand in a speaker's name or description,
    it stops after a determiner and before a stop word, a digit, a date word or
    punctuation ("... in central Damascus the interior ministry" -> "the
    interior ministry"); modal and adverbial words before the verb ('also',
    'did not', 'on Tuesday') are skipped, a parenthetical ("(SOHR)") too. An
    office before a preposition takes the place along ("the defence ministry
    in Moscow"); an indefinite description after a name is an apposition
    ("John McCain a Republican critic of ...")."""
    head = head[-_HEAD_CHARS:]  # the phrase is a dozen words at most: the rest of the sentence is not read
    core = _strip_pre_verb(head, t).rstrip()
    while True:  # "The Syrian Observatory for Human Rights (SOHR)": the acronym restates the name
        p = _PARENTHETICAL.search(core[-62:]) if core.endswith(")") else None
        if p is None or not core[-62:].endswith(p.group(0)):
            break
        core = core[: len(core) - len(p.group(0))].rstrip()
    aside = _DASH_ASIDE.search(core) if core.endswith(("-", "–", "—")) else None
    if aside is not None:  # "The civil defence - a rescue group that works in rebel areas - said": the
        subject, locative = _subject(core[:aside.start()], t)  # aside describes the subject before it
        desc = aside.group(0).strip(" -–—")
        words = desc.split()
        if subject and not locative and words and words[0].lower() in t.apposition_words \
                and _name_run(subject, t) == subject.split() \
                and _head_noun([norm_phrase(w) for w in words[1:]], t) in t.person_nouns \
                and any(w.lower() in t.of_words and n[:1].isupper() for w, n in zip(words, words[1:])):
            return f"{subject}, {desc}", False  # "Abu Omar - a spokesman for Ahrar al-Sham - said": as with commas
        return subject, locative
    tokens = _TOKEN.findall(core)
    if tokens and tokens[-1].lower() in t.pronouns:
        return tokens[-1], False
    out, stop = _walk_back(tokens, t)
    link = len(tokens) - len(out)
    if out and link >= 2 and (tokens[link - 1].lower() in t.verb_coordinators or tokens[link - 1].lower() in t.no_speaker):
        before, _ = _walk_back(tokens[:link - 1], t)
        opens = link - 1 - len(before)
        if before and opens >= 1 and tokens[opens - 1].lower() in t.no_speaker:
            before = [tokens[opens - 1], *before]  # "Neither the army nor ..."
        if before and norm_phrase(before[0]) in t.no_speaker:
            # "No individual or group claimed responsibility", "Neither the army nor the rebels said": the whole
            # coordination, which names no one
            return " ".join([*before, tokens[link - 1], *out]), False
    if out and link >= 2 and out[0].lower() in t.determiners and tokens[link - 1].lower() in t.verb_coordinators:
        before, _ = _walk_back(tokens[:link - 1], t)
        opens = link - 1 - len(before)
        if before and (opens == 0 or not tokens[opens - 1][:1].isalnum()) \
                and _canonical_source(" ".join(before), t) is not None:
            # "Activists and the state news agency SANA said": the walk stopped at the second voice's article;
            # a known first voice opening the clause speaks too (the coordination is judged as one compound
            # source); "Hospitals and the health ministry": the ministry alone, as before
            return " ".join([*before, tokens[link - 1], *out]), False
    if out and link >= 3 and tuple(w.lower() for w in tokens[link - 2:link]) in t.membership_links:
        before, _ = _walk_back(tokens[:link - 2], t)
        if before and (before[-1].lower() in t.org_nouns or before[-1].lower() in t.group_nouns):
            # "the Faylaq al-Sham faction part of the rebel alliance said": the faction speaks, not the alliance
            return " ".join(before), False
    if stop is not None and stop.lower() in t.locative and out:
        before, _ = _walk_back(tokens[: len(tokens) - len(out) - 1], t)
        if before and (before[-1].lower() in t.org_nouns or before[-1].lower() in t.person_nouns
                       or t.office_regex.fullmatch(before[-1])):
            # "the defence ministry in Moscow", "SOHR activists in the Putin-Erdogan area"
            return " ".join([*before, stop, *out]), False
        opens = len(tokens) - len(out) - 1 - len(before)  # where the phrase before the preposition starts
        if len(before) > 1 and before[-1].lower() in t.seat_participles and (
                opens == 0 or not tokens[opens - 1][:1].isalnum()):
            # "The Observatory, a monitoring group based in the UK, reported": the place is where it sits (a
            # subject opening its sentence or clause; after "Mahmoud said" it is inside his words)
            return " ".join(before[:-1]), False
        return " ".join(out), True
    run = _name_run(" ".join(out), t)
    if 0 < len(run) < len(out) and out[-len(run) - 1].islower() \
            and out[-len(run) - 1].lower() in t.actor_by_alias and out[-len(run) - 1].lower() not in t.person_nouns:
        # "atrocities committed by rebels Pillay said" (a text without its commas): a group's plural name, then a
        # person's name, are an object's end and the speaker; no description ("rebel commander Abu Omar") is so built
        return " ".join(run), False
    at = len(tokens) - len(run)  # where the name run starts: after an article after a lower-case word, an object
    if len(run) >= 2 and at >= 2 and tokens[at - 1].lower() in t.determiners and tokens[at - 2].isalpha() \
            and tokens[at - 2].islower() \
            and norm_phrase(run[-2]) in t.actor_by_alias and norm_phrase(run[-1]) not in t.actor_by_alias \
            and run[-1][1:].islower() and all(norm_phrase(run[-1]) not in ws for ws in (
                t.person_nouns, t.org_nouns, t.title_words, t.state_of_word, t.time_words)):
        # "on the pretext of fighting the PKK Khalil said" (its comma lost): the group ends the object, the
        # surname speaks
        return run[-1], False
    return " ".join(out), False


def _apposed_name(before: str, subject: str, doc: _Doc, t: _Taxonomy) -> str:
    """The person's name right before a definite description of one person
    ("General Joseph Votel | the top commander for US forces"), which the
    description is then an apposition of; '' when the words before end in no
    such name (a place: "in Eastern Ghouta | the head of the council")."""
    words = subject.split()
    if len(words) < 2 or words[0].lower() != "the":
        return ""
    role = []
    for w in words[1:]:
        if norm_phrase(w) in t.complement_of or norm_phrase(w) in t.locative:
            break
        role.append(norm_phrase(w))
    if not role or role[-1] not in t.person_nouns or _plural_word(role[-1], t):
        return ""
    name = _person_name(before, t, trailing=True)
    if not name or not before.rstrip(" ,").endswith(name) or len(_name_run(before, t)) > len(name.split()) + 1:
        return ""  # ("Acting UN Envoy X": a title before the name may go; more capitalised words are another name)
    gz = _gazetteer(doc)
    if gz is not None and gz.knows(name):
        return ""
    return name


def _adverb(word: str, not_adverbs: frozenset[str]) -> bool:
    """A lower-case -ly word between subject and verb ("categorically denied")."""
    return len(word) > 4 and word.endswith("ly") and word.islower() and word not in not_adverbs


def _strip_pre_verb(head: str, t: _Taxonomy) -> str:
    """`head` without the modal and adverbial words that end it ("also", "did
    not", "on Tuesday", "in a statement")."""
    last = head[-40:].split()[-3:]
    if not last:
        return head
    low3 = [w.lower() for w in last]
    if low3[-1] not in t.pre_verb_words and not _adverb(last[-1], t.not_adverbs) \
            and (len(low3) < 2 or (tuple(low3[-2:]) not in t.pre_verb_pairs and low3[-2] != "on"
                                   and not (len(last) == 3 and _time_pair(last, t)))) \
            and (len(low3) < 3 or tuple(low3) not in t.pre_verb_triples):
        return head  # most subjects meet their verb directly
    spans = [(m.start(), m.group().lower()) for m in _NONSPACE.finditer(head, max(0, len(head) - 60))]
    end = len(head)
    while spans:
        low = [w for _, w in spans[-3:]]
        if low[-1] in t.pre_verb_words or _adverb(head[spans[-1][0]:end].strip(), t.not_adverbs):
            n = 1
        elif len(low) >= 2 and (tuple(low[-2:]) in t.pre_verb_pairs or (low[-2] == "on" and low[-1].isalnum())
                                or (len(low) == 3 and _time_pair([head[i:].split()[0] for i, _ in spans[-3:]], t))):
            n = 2
        elif len(low) == 3 and tuple(low) in t.pre_verb_triples:
            n = 3
        else:
            break
        end = spans[-n][0]
        del spans[-n:]
    return head[:end]


def _time_pair(words: Sequence[str], t: _Taxonomy) -> bool:
    """Whether the last two of three words are a time phrase right after a
    speaker's name or noun ("The UN in August said", "the ministry last week
    said"); not after other words ("a resolution passed earlier this week
    which called for": the resolution is no speaker)."""
    before, first, second = words[0], words[1].lower(), words[2].lower().rstrip(",")
    if first not in t.pre_verb_time_openers or (second not in t.time_words and second not in t.pre_verb_time_nouns):
        return False
    low = norm_phrase(before)
    return before[:1].isupper() or low in t.org_nouns or low in t.person_nouns


def _walk_back(tokens: list[str], t: _Taxonomy) -> tuple[list[str], str | None]:
    """The words of the noun phrase ending `tokens`, in order, and the word it
    stopped before (None at punctuation or the start)."""
    out: list[str] = []
    stop: str | None = None
    stops, time_words = t.stops, t.time_words
    gloss = -1  # where a gloss inside a name opens
    for k in range(len(tokens) - 1, -1, -1):
        tok = tokens[k]
        low = tok.lower()
        if k > gloss >= 0 or k == gloss:
            out.append(tok)
            continue
        if tok == ")" and out and out[-1][:1].isupper():
            opening = next((j for j in range(k - 1, max(-1, k - 5), -1) if tokens[j] == "("), -1)
            if opening >= 1 and _is_name_token(tokens[opening - 1], t) \
                    and all(w[:1].isupper() for w in tokens[opening + 1:k]):
                # "al-Jamiaa (University) Hospital": a gloss inside a name, which goes on past it
                gloss = opening
                out.append(tok)
                continue
        if not tok.isalpha():
            if len(tok) == 1:
                break  # punctuation
            if _DIGIT.search(tok) and not _ORDINAL.fullmatch(tok):
                break
            low = low.replace("’", "'").rstrip(".")
        if (low in stops or low in time_words) and not (
                tok.isupper() and len(tok) > 1 and any(c.islower() for c in "".join(tokens[max(0, k - 2):k + 3]))) \
                and not (low in t.name_stops and tok[:1].isupper() and out and out[-1][:1].isupper()
                         and k >= 1 and tokens[k - 1][:1].isupper()):  # "Halab Today TV"
            # ("US military forces", "IS fighters": capitals spell an acronym, not the stop word "us", "is";
            # in an all-capitals headline they are the word)
            if low in t.given_name_months and tok[:1].isupper() and out and out[-1][:1].isupper() \
                    and (k == 0 or tokens[k - 1].lower() in t.person_nouns):
                out.append(tok)  # "UN adviser Jan Egeland said", "April Smith said": a given name, no month
                continue
            stop = tok
            break
        out.append(tok)
        if low in t.determiners and low not in t.counting_determiners:
            if low in t.apposition_words and k >= 1 and tokens[k - 1][:1].isupper() and tokens[k - 1].isalpha():
                continue  # "John McCain a Republican critic of the policy": an apposition; the name is the subject
            if low == "the" and k >= 2 and tokens[k - 1].lower() in t.complement_of and tokens[k - 2][:1].isupper():
                continue  # "the Organisation for the Prohibition of Chemical Weapons": "the" inside a name
            if k >= 1 and tokens[k - 1].lower() in t.locative:
                stop = tokens[k - 1]  # "SOHR activists in the area": the determiner opens a place
            break
        if len(out) >= 12:
            break
    out.reverse()
    while out and out[0].lower() in t.phrase_joiners:
        out.pop(0)
    while out and out[-1].lower() in t.phrase_joiners:
        out.pop()
    return out, stop




def _antecedent(head: str, doc: _Doc, t: _Taxonomy, *, cue: str, verb: str, strong: bool = False) -> Attribution | None:
    """The subject before a relative clause or an apposition: "The
    Observatory, which relies on a network of sources, says"; "John McCain,
    a Republican critic of the policy, said" (the description gives the
    office when it names one)."""
    core = head.rstrip()
    if core.endswith(","):
        parts = core[:-1].rsplit(",", 1)
        if len(parts) == 2:
            np = _subject_np(parts[0], t)
            a = _resolve(np, doc, t, cue=cue, verb=verb) if np else None
            if a is not None and a.cue != "outlet":
                if a.source_type == "person":
                    return _with_apposition(a, parts[1], doc, t, cue=cue, verb=verb, raw=f"{np},{parts[1]}")
                return a
    ms = list(t.relative.finditer(head))
    if not ms:
        return None
    np, locative = _subject(head[:ms[-1].start()], t)
    if locative and ms[-1].group(0).strip(" ,").lower() == "that":
        return None  # "... a massacre near Damascus and that the regime is responsible X said": a place, no antecedent
    a = _resolve(np, doc, t, cue=cue, verb=verb, strong_only=strong) if np else None
    return a if a is not None and a.cue != "outlet" else None

def _with_apposition(a: Attribution, desc: str, doc: _Doc, t: _Taxonomy, *, cue: str, verb: str,
                     raw: str) -> Attribution:
    """A name with a description beside it ("Karim Saleh, a nurse at the field
    hospital", "Nour al-Din Zenki, a rebel faction"): the description gives
    the person's office or group when it names one, and makes the name an
    armed group (partisan) when its head is an armed group's (`_armed_head`),
    an organisation when it is another body."""
    head = _head_noun([norm_phrase(w) for w in _strip_determiners(desc, t).split()], t)
    if head in t.person_nouns:
        office = _resolve(desc, doc, t, cue=cue, verb=verb, strong_only=True)
        if office is None or office.cue == "outlet":
            group = t.group_of_head.get(head or "")
            office = Attribution(group, t.sources[group].type, t.sources[group].side) if group else None
        if office is not None:
            return replace(office, person=a.person, raw=raw or a.raw, cue=cue or a.cue, verb=verb or a.verb, via=a.via)
    elif head in t.org_nouns and _armed_head(desc, t):  # "Nour al-Din Zenki, a rebel faction": an armed group
        return replace(a, source_type="partisan", person="")
    elif head in t.org_nouns:
        return replace(a, source_type="organisation", person="")
    return a


def _sentence_subject(sentence: str, doc: _Doc, t: _Taxonomy, *, cue: str, verb: str) -> Attribution | None:
    """"The monitoring group updated its toll, saying ...": the subject of a
    participle is the sentence's subject, if its first few words (the fewest
    that do) name a known speaker."""
    words = _np_head(sentence, t).split()[:6]
    for n in range(1, len(words) + 1):
        a = _resolve(" ".join(words[:n]), doc, t, cue=cue, verb=verb, strong_only=True)
        if a is not None and a.cue != "outlet":
            return a
    return None

def _channel_cut(head: str, subject: str, doc: _Doc, t: _Taxonomy) -> tuple[str, str]:
    """The speaker's phrase without the channel a channel opener names right
    before it, and that channel ("Speaking to Syrian state TV Barazi said" ->
    "Barazi", "Syrian state media"; "In a phone call with SANA reporter local
    sources said" -> "local sources", "SANA"): a known source's or outlet's
    name opening the phrase, with the channel nouns after it. The phrase as it
    is, and '', when no opener comes right before it, no known name opens it
    or nothing is left after the channel."""
    at = head.rfind(subject)
    if at <= 0 or not t.channel_before.search(head, max(0, at - 40), at):
        return subject, ""
    m = t.alias_regex.match(subject) or t.outlet_regex.match(subject)
    if m is None:
        return subject, ""
    key = norm_phrase(m.group(0))
    name = t.by_alias.get(key) or t.outlet_names.get(key, "")
    rest = subject[m.end():].split()
    if rest and rest[0].lower() in ("'s", "’s"):
        rest = rest[1:]
    while rest and norm_phrase(rest[0]) in t.channel_nouns:
        rest = rest[1:]
    if not name or not rest:
        return subject, ""
    return " ".join(rest), name


def _told(a: Attribution, rest: str, doc: _Doc, t: _Taxonomy) -> Attribution:
    """"X told Reuters", "sources informed SOHR": the object relays X."""
    obj = _np_head(rest, t)
    if not obj:
        return a
    words = obj.split()
    if words and norm_phrase(words[0]) in t.audience_words and len(words) == 1:
        return a
    via = _canonical_source(obj, t)
    name = via.name if via else (obj if obj[:1].isupper() and len(words) <= 5 else "")
    return _relayed(a, name, t) if name else a


def _cited(a: Attribution, rest: str, doc: _Doc, t: _Taxonomy) -> Attribution:
    """"Kurdish media reported, citing an SDF statement, that ...": the cited
    speaker is the source, the citing one relays it. What is cited must be a
    speaker ("citing figures compiled from clinics" leaves the source as it is)."""
    m = t.relay_citing.match(rest.lstrip(" ,"))
    if m is None:
        return a
    np = _np_forward(m.group("src"), t)
    cited = _resolve(np, doc, t, cue=a.cue, verb=a.verb) if np else None
    if cited is None or cited.cue == "outlet":
        return a
    head = _head_noun([norm_phrase(w) for w in _strip_determiners(np, t).split()], t)
    if cited.source_type in ("unnamed", "local") and head not in t.person_nouns:
        return a
    return _relayed(cited, a.source, t)


def _with_via(a: Attribution, sentence: str, after: int, doc: _Doc, t: _Taxonomy) -> Attribution:
    """"... said in a statement carried by state media": the relaying outlet."""
    if a.via or " by " not in sentence:
        return a
    m = t.relay_by.search(sentence, after) or t.relay_by.search(sentence)
    if m is None:
        return a
    via = _canonical_source(m.group("via"), t)
    return _relayed(a, via.name, t) if via else a


def _relayed(a: Attribution, via: str, t: _Taxonomy) -> Attribution:
    """`a` relayed by `via`. An unnamed informant of a monitor ("reliable
    sources informed SOHR", "activists told the Observatory") is the monitor
    itself: monitors publish what their network reports as their own
    documentation."""
    if not via or via == a.source:
        return a
    v = t.sources.get(via)
    if v is not None and v.type == "monitor" and a.source_type in ("unnamed", "local") \
            and (a.source in t.sources or not a.source):
        return Attribution(v.name, v.type, v.side, a.raw, a.cue, a.verb, a.person, "")
    return replace(a, via=via)


# --- resolving a phrase ---------------------------------------------------------------------

def _actor_entry(key: str, t: _Taxonomy) -> tuple[str, str, str] | None:
    """The actor a matched alias (normalized) names, read with or without its
    determiners ("the Syrian army" / "Syrian army")."""
    return t.actor_by_alias.get(key) or t.actor_by_alias.get(_strip_determiners(key, t))


def _strip_determiners(phrase: str, t: _Taxonomy) -> str:
    words = phrase.split()
    while words and words[0].lower() in t.determiners:
        words = words[1:]
    return " ".join(words)


_DOTTED_TAIL = regex(r"(?<![\w.])[A-Z](?:\.[A-Z])+$")  # "U.N", "U.S" left by stripping an abbreviation's last dot


def _clean(phrase: str, t: _Taxonomy | None = None) -> str:
    if t is not None:
        got = t.clean_memo.get(phrase)
        if got is not None:
            return got  # type: ignore[no-any-return]
    out = " ".join(_PARENTHETICAL.sub("", phrase).split()).strip(" ,.'\"“”‘’-–—")
    if out and _DOTTED_TAIL.search(out):
        out += "."  # "The U.N.", "according to the U.N.": the last dot belongs to the abbreviation
    if t is not None:
        t.clean_memo.put(phrase, out)
    return out


_PARTICIPLE_MODIFIER = regex(r"(?<=\s)([\w'’-]+)\s+([a-z]+ing)\s+\S")


def _resolve(phrase: str, doc: _Doc, t: _Taxonomy, *, cue: str, verb: str,
             strong_only: bool = False, locative: bool = False) -> Attribution | None:
    """Attribution for a source phrase (see the module docstring for the
    order), None when it names no speaker. `locative`: the phrase follows a
    preposition, so it opens with a place ("in Idlib SOHR"): only a source
    named after its first word counts."""
    phrase = _clean(phrase, t)
    if not phrase:
        return None
    cut = _PARTICIPLE_MODIFIER.search(phrase)
    if cut is not None and cut.group(2) in t.modifier_ing \
            and (norm_phrase(cut.group(1)) in t.org_nouns or norm_phrase(cut.group(1)) in t.person_nouns):
        # "The Jaysh al-Islam militant group fighting government forces": the participle's object is no speaker
        phrase = phrase[:cut.end(1)]
    f = _form(phrase, t)
    if f.adversary:
        # "opponents of Assad said", "the regime's critics said": they speak against the side they name
        if t.fallback_group not in t.sources:
            return None
        g = t.sources[t.fallback_group]
        return Attribution(g.name, g.type, g.side, phrase, cue, verb)
    if locative:
        hit = _canonical_match(phrase, t)
        if hit is None or hit[1].start() == 0:
            # "embedded within the group Long War Journal": a name after the place
            words = phrase.split()
            run = _name_run(phrase, t)
            if run and len(run) < len(words) and norm_phrase(words[-len(run) - 1]) not in t.locative | t.determiners:
                named = _named(" ".join(run), " ".join(run), doc, t)
                if named is not None:
                    return Attribution(*named[:3], phrase, cue, verb, named[3])
            return None
        src = hit[0]
        if src.name == "monitors" and _singular(hit[1].group(0), t) and doc.monitor(t, hit[1].group(0)):
            src = t.sources[doc.monitor(t, hit[1].group(0))]
        return Attribution(src.name, src.type, src.side, phrase, cue, verb)
    if f.owner:
        ref = _anaphor(f.owner, doc, t)  # "the group's report said"
        if ref is not None:
            return Attribution(ref.source, ref.source_type, ref.source_side, phrase, "anaphora", verb,
                               _carried(ref.person, phrase, t) or _person_name(f.owned, t), ref.via)
    # a pronoun or a pointing description first: "the ministry" is the ministry named before
    if f.points:
        ref = _anaphor(phrase, doc, t)
        if ref is not None:
            return Attribution(ref.source, ref.source_type, ref.source_side, phrase, "anaphora", verb,
                               _carried(ref.person, phrase, t), ref.via)
        if f.only_anaphor:
            return None
    seen = doc.resolved.get(f.key)
    if seen is not None:
        return Attribution(seen.source, seen.source_type, seen.source_side, phrase, cue, verb,
                           _carried(seen.person, phrase, t), seen.via)
    got = _resolve_new(phrase, f.bare, doc, t, strong_only=strong_only)
    if got is None or (f.short_pointing and got[0] not in t.sources and got[1] == "unnamed"):
        ref = _anaphor(phrase, doc, t)
        if ref is not None:
            return Attribution(ref.source, ref.source_type, ref.source_side, phrase, "anaphora", verb,
                               _carried(ref.person, phrase, t), ref.via)
        if got is not None and t.fallback_group in t.sources:
            # "the source said" with nothing it can point back at: an unnamed source
            g = t.sources[t.fallback_group]
            return Attribution(g.name, g.type, g.side, phrase, cue, verb)
        return None
    name, stype, side, person = got
    if person and " " not in person:
        # "Konashenkov added" after "Igor Konashenkov said": the person named before in full
        full = doc.last(lambda b: b.source == name and b.person.lower().endswith(" " + person.lower()))
        if full is not None:
            person = full.person
    return Attribution(name, stype, side, phrase, cue, verb, person)


def _adversary(phrase: str, t: _Taxonomy) -> bool:
    """Whether the phrase names those against someone: "opponents of X",
    "X's critics", "enemies" (the head noun is an adversary noun)."""
    words = norm_phrase(_strip_determiners(phrase, t)).split()
    if not words or not t.adversary:
        return False
    if words[0] in t.adversary and (len(words) == 1 or words[1] == "of"):
        return True
    return words[-1] in t.adversary and len(words) > 1


def _carried(person: str, phrase: str, t: _Taxonomy) -> str:
    """The person a phrase pointing back inherits: a body's head (`persons` in
    sources.yaml) only through "he"/"she" — "the Observatory said" later is the
    body, not its head -- or through his own name ("Konashenkov said" again
    after "Igor Konashenkov said") or a description of one person ("the
    spokesman said" after "spokesman Igor Konashenkov said")."""
    if person and norm_phrase(person) in t.person_aliases and norm_phrase(phrase) not in t.singular \
            and not norm_phrase(person).endswith(norm_phrase(phrase)) and not _one_person_noun(phrase, t):
        return ""
    return person


def _one_person_noun(phrase: str, t: _Taxonomy) -> bool:
    """Whether a short description is headed by a singular person noun that
    names no body ("the spokesman", not "the monitor" nor "the officials")."""
    words = norm_phrase(_strip_determiners(phrase, t)).split()
    return 0 < len(words) <= 2 and words[-1] in t.person_nouns and words[-1] not in t.body_person_nouns \
        and not _plural_word(words[-1], t)


@dataclass(frozen=True)
class _Form:
    """What the wording of a source phrase says, whatever the document."""

    key: str  # the phrase normalised
    bare: str  # without its determiners
    owner: str  # "the group" of "the group's report" ('' when no such possessive)
    owned: str  # "report"
    points: bool  # a pronoun, a pointing description ("the ministry") or a speech act ("the statement")
    only_anaphor: bool  # a pronoun or a bare speech act: nothing but what it points at
    short_pointing: bool  # "the source", "the group": an unnamed source when it points at nothing
    adversary: bool  # "opponents of Assad", "the regime's critics" (`_adversary`)


def _form(phrase: str, t: _Taxonomy) -> _Form:
    got = t.form_memo.get(phrase)
    if got is not None:
        return got  # type: ignore[no-any-return]
    key = norm_phrase(phrase)
    bare = _strip_determiners(phrase, t)
    nbare = norm_phrase(bare)
    owner = owned = ""
    if "'s " in phrase or "’s " in phrase or "s' " in phrase:
        poss = _POSSESSIVE_OWNER.match(phrase)
        if poss and norm_phrase(poss.group("rest").split()[0]) in (t.speech_nouns | t.person_nouns):
            owner, owned = poss.group("owner"), poss.group("rest")
    pronoun = bare.lower() in t.pronouns
    speech = nbare in t.speech_nouns
    determined = key != nbare
    f = _Form(key, bare, owner, owned,
              points=pronoun or speech or (determined and (_pointing(bare) or _pointing_name(bare, t))),
              only_anaphor=pronoun or speech,
              short_pointing=determined and _pointing(bare) and len(bare.split()) <= 2 and " of " not in bare,
              adversary=_adversary(phrase, t))
    return t.form_memo.put(phrase, f)


def _pointing(bare: str) -> bool:
    """A short lower-case description after a determiner ("the group", "the
    defence ministry", "the source"): it points back at a source named before."""
    words = bare.split()
    return 0 < len(words) <= 3 and all(w[:1].islower() or ("-" in w and w.rsplit("-", 1)[1][:1].islower())
                                       for w in words)


def _pointing_name(bare: str, t: _Taxonomy) -> bool:
    """"the Coalition", "the Ministry": a capitalised head noun alone after a
    determiner points back like "the coalition" does."""
    words = [norm_phrase(w) for w in bare.split()]
    return 0 < len(words) <= 2 and all(w in t.org_nouns or w in t.person_nouns or w in t.refer_nouns
                                       or t.office_regex.fullmatch(w) is not None for w in words)


def _resolve_new(phrase: str, bare: str, doc: _Doc, t: _Taxonomy, *,
                 strong_only: bool) -> tuple[str, str, str, str] | None:
    """(source, type, side, person) for a phrase not resolved before; a
    result that did not read the document is shared by every document (the
    same phrases recur: "the Syrian Observatory for Human Rights", "activists")."""
    key = (phrase, bare, strong_only)
    got = t.memo.get(key, _MISSING)
    if got is not _MISSING:
        return got  # type: ignore[no-any-return]
    before = doc.uses
    got = _resolve_fresh(phrase, bare, doc, t, strong_only=strong_only)
    if doc.uses == before:
        t.memo.put(key, got)
    return got


_MISSING = object()


def _resolve_fresh(phrase: str, bare: str, doc: _Doc, t: _Taxonomy, *,
                   strong_only: bool) -> tuple[str, str, str, str] | None:
    if norm_phrase(phrase.split()[0]) in t.no_speaker:
        return None  # "No group has claimed", "None of the sources"
    poss = _POSSESSIVE_OWNER.match(phrase)
    if poss and norm_phrase(poss.group("rest").split()[0]) in (t.speech_nouns | t.person_nouns):
        # "the ministry's spokesman Igor Konashenkov", "the group's report"
        owner = _resolve_new(poss.group("owner"), _strip_determiners(poss.group("owner"), t), doc, t,
                             strong_only=strong_only)
        if owner is not None:
            rest = poss.group("rest")
            if norm_phrase(rest.split()[0]) in t.person_nouns:
                # "Putin's spokesman Dmitry Peskov", "Assad's adviser": the spokesman speaks, not the head
                return owner[:3] + (_person_name(rest, t),)
            return owner[:3] + (owner[3] or _person_name(rest, t),)
    of = t.of_body.match(bare)
    if of and norm_phrase(of.group("role")).split()[-1] in t.person_nouns:
        # "the head of the monitor", "a spokesman for the ministry": the body speaks
        body = _resolve_new(of.group("body"), _strip_determiners(of.group("body"), t), doc, t, strong_only=True) \
            or _anaphor_tuple(of.group("body"), doc, t)
        if body is not None:
            return body
    app = t.apposition.match(bare)
    if app and _name_run(app.group("name"), t) == app.group("name").split():
        # "Jaysh al Tahrir a rebel group", "John McCain a Republican critic of the policy": the name speaks
        got = _resolve_new(app.group("name"), app.group("name"), doc, t, strong_only=strong_only)
        if got is not None:
            if got[1] == "person":
                a = _with_apposition(Attribution(*got[:3], app.group("name"), "", "", got[3]), app.group("desc"), doc, t,
                                     cue="", verb="", raw="")
                return a.source, a.source_type, a.source_side, a.person
            return got
    run = _name_run(app.group("name"), t) if app and not strong_only else []
    if app and 2 <= len(run) < len(app.group("name").split()) <= 6 \
            and any(w[:1].islower() for w in app.group("name").split()[:-len(run)]) \
            and _canonical_match(app.group("desc"), t) is None and t.actor_regex.search(app.group("desc")) is None:
        # "Qamishli resident Suleiman Youssef a writer": a described person's full name, then what else they are
        got = _resolve_new(app.group("name"), app.group("name"), doc, t, strong_only=False)
        if got is not None and got[3]:
            return got
    words = bare.split()
    if words and norm_phrase(words[-1]) in t.speech_nouns and len(words) > 1:
        # "a YPG statement": the statement's author
        inner = _resolve_new(" ".join(words[:-1]), " ".join(words[:-1]), doc, t, strong_only=True)
        if inner is not None:
            return inner
    compound = _compound_source(bare, doc, t)
    if compound is not None:
        return compound
    hit = _canonical_match(phrase, t)
    if hit is not None and _in_complement(phrase, hit[1].start(), hit[1].end(), t):
        hit = None  # "a critic of Obama's policy": Obama is not the speaker
    if hit is not None and norm_phrase(hit[1].group(0)) in t.person_aliases and _other_person(phrase, hit[1], t):
        hit = None  # "SARC chief Abdulrahman Attar": another person who shares the name
    if hit is not None and norm_phrase(hit[1].group(0)) in t.place_like and norm_phrase(bare) != norm_phrase(hit[1].group(0)):
        office = _state_office(phrase, bare, doc, t)  # "the defence ministry in Moscow": the office, not the capital
        if office is not None:
            return office
    if hit is not None and _desc_then_name(phrase, hit[1], t):
        # "media watchdog Reporters Without Borders": a description, then the name of the body it describes
        name = phrase[hit[1].end():].strip()
        got = _resolve_new(name, name, doc, t, strong_only=strong_only)
        if got is not None and got[0] in t.sources:  # a known body; "activist Abdul Wahab" stays an activist, named
            return got
    if hit is not None and hit[0].type == "media" and not phrase[hit[1].end():].strip():
        desc = phrase[:hit[1].start()].strip()
        words = [norm_phrase(w) for w in desc.split()]
        if words and desc.islower() and ((words[-1],) in t.monitor_heads or tuple(words[-2:]) in t.monitor_heads):
            # "says monitoring group AFP": the wire that carries a monitor's words ends the phrase; the monitor
            # speaks ("says journalist AFP" stays the wire's: its journalist)
            got = _resolve_new(desc, _strip_determiners(desc, t), doc, t, strong_only=strong_only)
            if got is not None:
                return got
    named_state = t.state_regex.search(phrase, 0, hit[1].start()) if hit is not None else None
    qualified = phrase[named_state.start():] if named_state is not None else bare
    between = phrase[named_state.end() if named_state is not None else 0:hit[1].start()].split() if hit else []
    if hit is not None and hit[0].type == "unnamed" and 0 < hit[1].start() and len(qualified.split()) <= 4 \
            and (named_state is not None or not t.defence.search(qualified.lower())) \
            and all(t.office_regex.fullmatch(w) or t.military_regex.fullmatch(w) for w in between
                    if norm_phrase(w) not in t.determiners):
        # "Turkish presidential sources", "French officials", "Government sources": the office qualifies them
        # (read from the state's name: "the suspected attack Turkish presidential sources"); any other word
        # between ("Syrian rebel officials", "defense analysts") says they are not the state's
        state = _state_office(qualified, qualified, doc, t)
        if state is not None:
            return state
    if hit is not None and hit[0].name in t.generic and hit[1].start() > 0:
        named_outlet = t.outlet_regex.search(phrase, 0, hit[1].start())
        if named_outlet is not None and not phrase[named_outlet.end():hit[1].start()].strip():
            # "the Al Masdar media outlet": an outlet the knowledge lists, then a generic word for what it is
            hit = None
    if hit is not None:
        src, m = hit
        if src.type != "monitor" and (head := _monitor_head(phrase[m.end():], t)):
            # "an opposition monitoring group", "a Kurdish rights group": a monitor of that leaning, not the side
            src, m = t.sources["monitors"], head
        if src.name == "monitors" and _singular(m.group(0), t) and doc.monitor(t, m.group(0)):
            mon = t.sources[doc.monitor(t, m.group(0))]
            return mon.name, mon.type, mon.side, ""
        if norm_phrase(m.group(0)) in t.person_aliases:  # "Rami Abdel Rahman": the monitor, its head kept as the person
            if _modifier_use(phrase, m.end(), t) or _in_body_complement(phrase[:m.start()], t):
                # "Assad forces", "the government of President Bashar al-Assad": the body speaks, not its head
                return src.name, src.type, src.side, (_person_name(phrase[m.end():], t)
                                                      or _person_name(phrase[:m.start()], t, trailing=True))
            return src.name, src.type, src.side, _clean(m.group(0))
        return src.name, src.type, src.side, _alias_person(phrase, m, doc, t)
    state = _state_office(phrase, bare, doc, t)
    if state is not None:
        return state
    outlet = t.outlet_regex.search(phrase)
    if outlet is not None:  # an outlet the knowledge lists ("The New Arab's correspondent"): it speaks as itself
        name = t.outlet_names[norm_phrase(outlet.group(0))]
        src = t.sources.get(name)
        return (src.name, src.type, src.side, "") if src else (name, "media", "unknown", "")
    actor = _actor_source(phrase, bare, doc, t)
    if actor is not None:
        return actor
    if strong_only:
        return None
    named = _named(phrase, bare, doc, t)
    if named is not None:
        return named
    lead = _name_run(bare, t, trailing=False)
    after = bare.split()[len(lead):]
    if 2 <= len(lead) <= 4 and after and after[0][:1].islower() and norm_phrase(after[0]) in t.person_nouns \
            and _person_name(" ".join(lead), t) == " ".join(lead):
        # "Mounzer Khalil head of Idlib's health authority": a person the text names, then the office held
        name = " ".join(lead)
        return name, "person", "unknown", name
    return _description(bare, doc, t, pointing=phrase.split()[0].lower() in t.recall_determiners)


def _alias_person(phrase: str, m: re.Match[str], doc: _Doc, t: _Taxonomy) -> str:
    """The person who speaks for the source an alias match `m` names, when
    the phrase names one: a name after the alias ("SOHR director Rami Abdel
    Rahman", "a civil defence official in Idlib Leys el-Faris": the place
    before the name is not part of it), else a name before it tied to it by a
    role or "of" ("Khaled Omar of the opposition council", "Bebars Mishal a
    civil defence official"). No person when the name is the complement of a
    preposition ("a source in Salamiyeh National Hospital", "activists in
    Deir Ezzor", "the Observatory for Human Rights"), the start of a body's name
    ("the UN World Food Programme"), a place, or stands before a plural
    group with no tie ("killing the commander Abu Taha informed sources
    said": the one killed, not a source)."""
    after = _person_after(phrase[m.end():], doc, t)
    if after:
        return after
    return _person_before_alias(phrase[:m.start()], phrase[m.end():], m.group(0), t)


def _strip_places(words: list[str], doc: _Doc) -> list[str]:
    """`words` (a name run) without the known places that open it ("Idlib Leys el-Faris")."""
    gz = _gazetteer(doc)
    if gz is None:
        return words
    for k in range(len(words), 0, -1):
        if gz.knows(" ".join(words[:k])):
            return words[k:]
    return words


def _person_after(after: str, doc: _Doc, t: _Taxonomy) -> str:
    ws, spans = _person_runs(after, t)
    for i, j in spans:
        prev = next((norm_phrase(w) for w in reversed(ws[:i]) if norm_phrase(w) not in t.determiners), "")
        if any(norm_phrase(w) in t.org_name_words or norm_phrase(w) in t.org_nouns for w in ws[j:j + 2]):
            continue  # "World Food Programme", "Local Coordinating Committees", "X Countryside local council"
        name = ws[i:j]
        if prev in t.locative or prev in t.complement_of:
            # "a source at Deir Ezzor ...", "the Observatory for Human Rights", "villagers of Tel Hormizd": the
            # preposition's place or body; only a name after a place, ending the phrase, is a person
            # ("a civil defence official in Idlib Leys el-Faris")
            name = _strip_places(name, doc)
            if len(name) == j - i or j < len(ws):
                continue
        else:
            gz = _gazetteer(doc)
            if gz is not None and gz.knows(" ".join(name)):
                continue
        if len(name) >= 2:
            return " ".join(name)
    return ""


def _person_before_alias(before: str, after: str, alias: str, t: _Taxonomy) -> str:
    ws, spans = _person_runs(before, t)
    if not spans:
        return ""
    i, j = spans[-1]
    gap = [norm_phrase(w).strip(".") for w in ws[j:] if norm_phrase(w) not in t.determiners]
    if any(w in t.complement_of for w in gap):
        return " ".join(ws[i:j])  # "Khaled Omar of the opposition council"
    if not _singular(alias, t):
        return ""  # "the commander Abu Taha informed sources": no one of them named
    role_after = [norm_phrase(w).strip(".").rpartition("-")[2] for w in after.split()[:2]]  # "'s vice-president"
    if any(w in t.person_nouns or w in t.title_words for w in gap + role_after):
        return " ".join(ws[i:j])  # "Bebars Mishal a civil defence official", "X the Coalition's vice-president"
    return ""


def _desc_then_name(phrase: str, m: re.Match[str], t: _Taxonomy) -> bool:
    """Whether the alias match `m` is a lower-case description ("watchdog",
    "rights group") followed by a capitalised name to the end of the phrase."""
    tail = phrase[m.end():].strip()
    if not tail or not m.group(0).islower():
        return False
    run = _name_run(tail, t, trailing=False)
    return len(run) >= 2 and " ".join(run) == " ".join(tail.split())


_CAP_WORD_AFTER = regex(r"\s+[A-Z][\w'’-]*")
_LOWER_WORD_AFTER = regex(r"(?:'s|’s|s'|’|s)?\s+([a-z][\w'’-]*)")  # possessive forms allowed: "Assads officials"


def _in_body_complement(before: str, t: _Taxonomy) -> bool:
    """Whether a head's name follows "of"/"for" after the body or person
    that speaks ("the government of President Bashar al-Assad", "a
    spokesman for Erdogan"), the titles before the name aside ("Secretary of
    State John Kerry" is no complement: `person_title_forms`)."""
    title = t.title_before.search(before)
    words = (before[:title.start()] if title else before).split()
    while words and (norm_phrase(words[-1]) in t.person_nouns or norm_phrase(words[-1]) in t.state_of_word
                     or t.office_regex.fullmatch(words[-1]) is not None):
        words.pop()  # "U.S. President", "Syrian Foreign Minister"
    return bool(words) and norm_phrase(words[-1]) in t.of_words


def _modifier_use(phrase: str, end: int, t: _Taxonomy) -> bool:
    """Whether a head's name ending at `end` modifies the noun after it
    ("Assad forces", "Trump administration officials", "Assads officials")
    rather than naming the speaker, with an apposition or a phrase after it
    ("Rami Abdel Rahman director of the Observatory", "... the head of SOHR",
    "... after the strikes"): a lower-case word follows that is no singular
    person noun, determiner, preposition or stop word."""
    m = _LOWER_WORD_AFTER.match(phrase, end)
    if m is None:
        return False
    w = norm_phrase(m.group(1))
    if w in t.person_nouns:
        return _plural_word(w, t)
    return w not in t.determiners and w not in t.stops and w not in t.of_words
_CAP_WORD_BEFORE = regex(r"([A-Z][\w'’-]*)\s+$")


def _other_person(phrase: str, m: re.Match[str], t: _Taxonomy) -> bool:
    """Whether the body's head matched by `m` is a longer name of someone
    else: a capitalised name word right after it, or right before it that
    names no source ("Abdulrahman Attar", "Mustafa Abdel Rahman"). A title
    before it ("Secretary of State John Kerry": lexicon `person_title_forms`)
    is no name."""
    if _CAP_WORD_AFTER.match(phrase, m.end()):
        return True
    if t.title_before.search(phrase, 0, m.start()):
        return False
    before = _CAP_WORD_BEFORE.search(phrase[:m.start()])
    return before is not None and norm_phrase(before.group(1)) not in t.by_alias \
        and norm_phrase(before.group(1)) not in t.person_nouns and not t.office_regex.fullmatch(before.group(1)) \
        and norm_phrase(before.group(1)) not in t.state_of_word  # "Russian Konashenkov": the state, no first name


def _monitor_head(rest: str, t: _Taxonomy) -> re.Match[str] | None:
    """The unnamed-monitor noun ("monitoring group", "rights group") that ends
    `rest`, the words after a modifier a source alias matched, else None."""
    if "monitors" not in t.sources:
        return None
    for m in t.alias_regex.finditer(rest):
        if t.by_alias.get(norm_phrase(m.group(0))) == "monitors" and not rest[m.end():].strip(" ,.'’"):
            return m
    return None




def _in_complement(phrase: str, at: int, end: int, t: _Taxonomy) -> bool:
    """Whether offset `at` lies in a prepositional complement of a head that
    names no speaker ("a critic of Obama's policy", "the number of attacks
    on SOHR") rather than in the speaker's own name ("head of the
    Observatory", "Syrian Observatory for Human Rights")."""
    m = t.complement.search(phrase, 0, at + 1)
    if m is None or m.end() > at:
        return False
    if not phrase[end:].strip(" .,'’s"):
        return False  # the alias ends the phrase: it is the head ("the town of Deir al-Adas reports")
    before = phrase[: m.start()].split()
    if not before:
        return False
    head = before[-1]
    low = norm_phrase(head)
    return head[:1].islower() and low not in t.person_nouns and low not in t.org_nouns


def _singular(bare: str, t: _Taxonomy) -> bool:
    """Whether a phrase's last word has no plural ending ("a monitor", not "monitors")."""
    last = bare.split()[-1].lower() if bare.split() else ""
    return not last.endswith(t.plural_endings)




def _compound_source(bare: str, doc: _Doc, t: _Taxonomy) -> tuple[str, str, str, str] | None:
    """A source phrase coordinating two voices ("Idlib militant groups and
    pro-Turkish sources") stays one compound source, named as written, with
    the type and side of its first part the taxonomy knows; a taxonomy entry
    of that exact name wins. None when the phrase is not such a coordination."""
    m = t.coordinated.match(bare)
    if m is None or len(bare.split()) > 10:
        return None
    whole = _canonical_match(bare, t)
    if whole is not None and whole[1].start() < m.end("a") and whole[1].end() > m.start("b"):
        return None  # "National Coalition of Revolutionary and Opposition Forces": one name
    parts = (m.group("a"), m.group("b"))
    known = [_part_source(p, doc, t) for p in parts]
    if not any(known) or not all(k or _looks_like_source(p, t) for k, p in zip(known, parts)):
        return None
    if len({k.name for k in known if k}) == 1 and all(known):
        return None  # "the ministry and its spokesman": one voice
    exact = t.sources.get(t.by_alias.get(norm_phrase(bare), ""))
    if exact is not None:
        return exact.name, exact.type, exact.side, ""
    first = next(k for k in known if k)
    # each voice by its canonical name when it has one ("the United States and others" -> "US government and others")
    name = " and ".join(k.name if k else _strip_determiners(p, t) for k, p in zip(known, parts))
    return name, first.type, first.side, ""


def _part_source(part: str, doc: _Doc, t: _Taxonomy) -> Source | None:
    """The known source one voice of a coordination names, if any."""
    src = _canonical_source(part, t) or _state_source(part, t) or _state_source(_strip_determiners(part, t), t)
    hit = _canonical_match(part, t) if src is not None and src.name == "monitors" else None
    said = hit[1].group(0) if hit is not None else part  # "... a monitor": the word that points
    if src is not None and src.name == "monitors" and _singular(part, t) and doc.monitor(t, said):
        return t.sources[doc.monitor(t, said)]  # "Kurdish sources and the monitor"
    return src


def _state_source(phrase: str, t: _Taxonomy) -> Source | None:
    st = t.state_of_word.get(norm_phrase(_strip_determiners(phrase, t)))
    if st is None or norm_phrase(_strip_determiners(phrase, t)) not in t.state_names:
        return None
    return t.sources.get(t.states[st].government)


def _state_office(phrase: str, bare: str, doc: _Doc, t: _Taxonomy) -> tuple[str, str, str, str] | None:
    """A state's office: the state named (name, adjective or capital: "the
    defence ministry in Moscow", "Turkey's foreign ministry", "Russia") with
    an office noun at the head, or a state's name alone; an unqualified
    ministry ("the interior ministry") is the outlet's state's, else the
    theatre's (the `home` state), unless another proper noun qualifies it
    ("the Lebanese Health Ministry")."""
    key = norm_phrase(bare)
    if key in t.state_names:
        src = t.sources.get(t.states[t.state_of_word[key]].government)
        return (src.name, src.type, src.side, "") if src else None
    office = t.office_regex.search(phrase)
    military = t.military_regex.search(phrase)
    if (office is None and military is None) or not _office_head(phrase, t):
        return None
    if t.former_office is not None and t.former_office.search(phrase):
        return None  # "a former development minister": speaks for no state
    states = [t.state_of_word.get(norm_phrase(m.group(0))) for m in t.state_regex.finditer(phrase)]
    named = [s for s in states if s]
    if named:
        state = t.states[named[0]]
    else:
        if not t.unqualified_office.search(phrase) and not t.minister.search(phrase):
            return None
        person = _person_name(phrase, t)
        others = [w for w in phrase.split()[1:] if w[:1].isupper() and w not in person.split()
                  and not t.office_regex.fullmatch(w) and not t.military_regex.fullmatch(w)
                  and norm_phrase(w) not in t.portfolios]
        if others:
            return None
        # "Defense Minister Hulusi Akar announced ... that Turkey had launched ...", "authorities said" after
        # "a bombing in Damascus": the state the text names; none named, no state's voice is guessed
        state = t.states.get(doc.context_state(t, phrase))  # type: ignore[assignment]
        if state is None:
            return None
    low = phrase.lower()
    if t.defence.search(low):
        name = state.defense
    elif military is not None and office is None:
        name = state.military
    else:
        name = state.government
    src = t.sources.get(name)
    if src is None:
        return None
    return src.name, src.type, src.side, _person_name(phrase, t)


def _office_head(phrase: str, t: _Taxonomy) -> bool:
    """Whether the phrase's head is an office ("Syrian Information Minister
    Omran Zoabi", "the defence ministry in Moscow") rather than something an
    office owns ("Syrian government denials")."""
    words = [norm_phrase(w) for w in t.office_head_end.split(phrase, maxsplit=1)[0].split()]
    joined = " ".join(words)
    if any(" " in m.group(0) and m.end() == len(joined)
           for rx in (t.office_regex, t.military_regex) for m in rx.finditer(joined)):
        return True  # "the Syrian Armed Forces", "the Russian General Staff": a capitalised office of several words
    while words and words[-1][:1].isalpha() and _is_name_word(words[-1], phrase, t) and not (
            t.office_regex.fullmatch(words[-1]) or t.military_regex.fullmatch(words[-1])):
        words.pop()  # the person's name after the office
    if not words:
        return False
    tail = " ".join(words[-3:])
    return bool(t.office_regex.search(tail) or t.military_regex.search(tail)) and (
        t.office_regex.fullmatch(words[-1]) is not None or t.military_regex.fullmatch(words[-1]) is not None
        or words[-1] in t.person_nouns or words[-1] in t.org_nouns)


def _is_name_word(low_word: str, phrase: str, t: _Taxonomy) -> bool:
    """Whether a word of `phrase` (given lower-cased) is written capitalised
    there, or as a name's particle and a capitalised name ("al-Zoubi")."""
    for w in phrase.split():
        if norm_phrase(w) == low_word:
            return w[:1].isupper() or t.particle_name.match(w) is not None
    return False


def _actor_source(phrase: str, bare: str, doc: _Doc, t: _Taxonomy) -> tuple[str, str, str, str] | None:
    """An actor of actors.yaml as the speaker ("the Islamic State group",
    "the army"): a state's forces or government speak through its military or
    government source; an armed group speaks as itself. A bare military or
    office noun ("the army") names no state: it is the forces of the state
    the text names around it ("In a statement carried by Turkey's NTV, the
    army said"), the theatre's own when the text names none."""
    m = t.actor_regex.search(phrase)
    if m is None:
        return None
    key = norm_phrase(m.group(0))
    actor = _actor_entry(key, t)
    if actor is None:
        return None
    rest_words = norm_phrase(phrase[m.end():]).split()
    while len(rest_words) > 1 and rest_words[0] in t.group_descriptors:
        rest_words = rest_words[1:]  # "the Daesh terrorist group": the group is still the actor
    if rest_words and not all(w in t.org_nouns or w in t.person_nouns for w in rest_words[:2]):
        return None  # "ISIS attacks on the town": the actor is not the head
    name, side, kind = actor
    state = t.states.get(t.state_by_side.get(side, ""))
    if state is not None and kind in ("state_forces", "government") and _bare_office(m.group(0), t):
        context, several = doc.context_states(t, phrase)
        named = t.states.get(context)
        if named is not None and named is not state:
            src = t.sources.get(named.military)
            return (src.name, src.type, src.side, "") if src else None
        if named is None and several:
            # "The Syrian army, backed by Russian jets, took Saraqeb. The army said": the state whose own army
            # the text named with that word; none or several: whose army speaks is not said
            named = t.states.get(doc.state_of_word_named(t, m.group(0)))
            if named is None:
                return None
            src = t.sources.get(named.military)
            return (src.name, src.type, src.side, "") if src else None
    if state is not None and kind in ("state_forces", "government"):
        src = t.sources.get(state.military if kind == "state_forces" else state.government)
        if src is not None:
            return src.name, src.type, src.side, ""
    return name, "official" if kind in ("state_forces", "government") else "partisan", side, ""


def _bare_office(alias: str, t: _Taxonomy) -> bool:
    """Whether an alias is military or office nouns alone ("the army"), naming no state or body."""
    words = _strip_determiners(alias, t).split()
    return bool(words) and all(t.military_regex.fullmatch(w) or t.office_regex.fullmatch(w) for w in words)


def _is_name_token(w: str, t: _Taxonomy) -> bool:
    return (w[:1].isupper() and any(c.isalpha() for c in w)) or norm_phrase(w) in t.name_connectors \
        or w.lower().startswith(t.name_prefixes)


def _name_run(phrase: str, t: _Taxonomy, *, trailing: bool = True) -> list[str]:
    """The run of capitalised words (with name connectors) at the end of
    `phrase` (or at its start when `trailing` is False)."""
    words = phrase.split()
    seq = list(reversed(words)) if trailing else words
    run: list[str] = []
    for w in seq:
        if not _is_name_token(w, t):
            break
        run.append(w)
    if trailing:
        run.reverse()
    while run and norm_phrase(run[0]) in t.name_connectors \
            and not (run[0][:1].isupper() and norm_phrase(run[0]) in t.name_openers):  # "Abu Omar" is a name
        run.pop(0)
    while run and norm_phrase(run[-1]) in t.name_connectors:
        run.pop()
    return run


def _person_name(phrase: str, t: _Taxonomy, *, trailing: bool = False) -> str:
    """A person's name in `phrase`: two to four capitalised words that are no
    office, title, state or organisation word ("White House spokesman Sean
    Spicer" -> "Sean Spicer"; "Syrian Information Minister Omran Zoabi" ->
    "Omran Zoabi"), the first such run (the last with `trailing`)."""
    ws, spans = _person_runs(phrase, t)
    if not spans:
        return ""
    i, j = spans[-1] if trailing else spans[0]
    return " ".join(ws[i:j])


def _person_runs(phrase: str, t: _Taxonomy) -> tuple[list[str], list[tuple[int, int]]]:
    """The words of `phrase` (stripped of punctuation) and the spans (start,
    end) of the runs among them that can be a person's name (`_person_name`)."""
    spans: list[tuple[int, int]] = []
    run: list[str] = []
    ws = [*(x.strip(".,'\"’”“") for x in phrase.split()), ""]
    for i, w in enumerate(ws):
        low = norm_phrase(w)
        if w[:1].isupper() and not run and low in t.given_name_months and ws[i + 1][:1].isupper() \
                and norm_phrase(ws[i + 1]) not in t.time_words:
            run.append(w)  # "Jan Egeland", "April Smith": a given name before a surname, no month
            continue
        if w and run and low in t.person_name_particles:
            run.append(w)
            continue
        if w and run and low.startswith(t.particle_prefixes):
            run.append(w)  # "Nour al-Din Zenki"
            continue
        if (w[:1].isupper() and not (w.isupper() and len(w) > 1) and low not in t.org_name_words
                and low not in t.not_name and (run or low.strip(".") not in t.title_words)
                and low not in t.state_of_word and low not in t.person_nouns and low.strip(".") not in t.time_words
                and low.rpartition("-")[2] not in t.seat_participles  # "New York-based": where a body sits
                and low.rpartition("-")[2] not in t.modifier_participles  # "Iran-backed": who backs a body
                and not t.office_regex.fullmatch(w) and not t.military_regex.fullmatch(w)):
            run.append(w)
            continue
        if 2 <= len(run) <= 4:
            spans.append((i - len(run), i))
        run = []
    return ws[:-1], spans

def _named(phrase: str, bare: str, doc: _Doc, t: _Taxonomy) -> tuple[str, str, str, str] | None:
    """A person or an organisation the text names and the taxonomy lacks.

    The capitalised run at the end of the phrase is the name ("observatory
    head Rami Abdel Rahman", "Long War Journal"). A run with an organisation
    word, an "of"/"for" inside it, or after an organisation noun
    ("watchdog Reporters Without Borders") names an organisation; else the
    person's name in it (two to four words; titles, offices and places aside:
    "U.S. Senator John McCain" -> John McCain), the office before it resolving
    when it can ("White House spokesman Sean Spicer" -> US government, person
    Sean Spicer; "activist Hassaan Abu Nuh" -> activists); one word only as the
    surname of a person named before ("Johnson"). A run after a preposition
    ("villagers of Tel Hormizd", "the Unified Medical Office in Eastern
    Ghouta") is a place, not the speaker."""
    words = bare.split()
    if not words or len(words) > 12:
        return None
    run = _name_run(bare, t)
    if not run:
        return None
    before = words[: len(words) - len(run)]
    prev = norm_phrase(before[-1]) if before else ""
    if prev in t.locative or prev in t.complement_of:
        inner = " ".join(before[:-1])
        if inner and prev in t.locative and prev != "of":  # "The Unified Medical Office in Eastern Ghouta"
            return _named(inner, _strip_determiners(inner, t), doc, t) or _description(_strip_determiners(inner, t), doc, t)
        return None
    low_run = [norm_phrase(w).strip(".") for w in run]
    if all(w in t.state_of_word or w in t.name_connectors for w in low_run):
        return None
    if any((_is_time_word(w, t) and not (k == 0 and w in t.given_name_months and len(low_run) > 1))
           or w in t.not_person for k, w in enumerate(low_run) if w not in t.org_name_words):
        if not any(w in t.org_name_words for w in low_run):
            return None
    person_org = _person_of_body(run, low_run, t)
    if person_org is not None:  # "Charles Lister of the Brookings Centre", "Director of X Hospital Dr. Farid al-Asfar"
        return person_org
    if _armed_group_name(low_run, t):
        return (" ".join(run), "partisan", "unknown", "") if len(run) <= 8 else None
    if any(w in t.org_name_words for w in low_run) or any(w in t.complement_of for w in low_run) \
            or (prev in t.org_nouns and not (len(before) >= 3 and norm_phrase(before[-2]) in t.complement_of
                                             and norm_phrase(before[-3]) in t.person_nouns)):
        # "watchdog Reporters Without Borders"; but "member of parliament Ann Clwyd" is a person
        if len(run) > 8:
            return None
        return " ".join(run), "organisation", "unknown", ""
    if len(run) == 2 and low_run[0] in t.title_words:
        # "Archimandrite Youkhana", "Captain Davis": a title and a surname -- the person named before in full,
        # else the two words as written
        person = doc.last(lambda a: bool(a.person) and a.person.split()[-1].lower() == low_run[1])
        if person is not None:
            return person.source, person.source_type, person.source_side, person.person
        return " ".join(run), "person", "unknown", " ".join(run)
    if len(run) == 1:
        person = doc.last(lambda a: bool(a.person) and a.person.split()[-1].lower() == low_run[0])
        if person is not None:
            return person.source, person.source_type, person.source_side, person.person
        return _introduced(run[0], doc, t)
    gz = _gazetteer(doc)
    while run and gz is not None and gz.knows(run[0]):
        run = run[1:]  # "Health director for Aleppo Mohammad Hazouri"
    name = _person_name(" ".join(run), t, trailing=True)
    if not name or not " ".join(run).endswith(name) or (gz is not None and gz.knows(name)):
        return None
    if gz is not None and len(name.split()) == 2 and gz.governorate_of_name(name.split()[-1]):
        return None  # "Bawaba Aleppo recorded": a name ending in a province or its seat is no person's
    office_words = bare[: bare.rfind(name)].split()
    office = " ".join(office_words)
    hit = _canonical_match(office, t) if office_words else None
    rest = [norm_phrase(w).strip(".") for w in office[hit[1].end():].split()] if hit is not None else []
    if hit is not None and rest and all(w in t.person_nouns or w in t.title_words for w in rest) \
            and not hit[0].person:
        # "SARC chief Abdulrahman Attar", "IFRC spokesman Benoit Carpentier": a known body's office, then the name
        return hit[0].name, hit[0].type, hit[0].side, name
    if office_words and (norm_phrase(office_words[-1]) in t.person_nouns
                         or norm_phrase(office_words[-1]) in t.org_nouns):
        body = _name_run(" ".join(office_words[:-1]), t)
        if len(body) >= 2 and norm_phrase(office_words[-1]) in t.person_nouns \
                and any(norm_phrase(w) in t.org_name_words for w in body):
            # "Arab League chief Nabil al-Arabi": the chief of the body named before the role, not of the last
            # body a "chief" spoke for
            return " ".join(body), "organisation", "unknown", name
        tail = office_words[-1:]  # "the rebel-held town of Talbisseh activist": the role next to the name
        desc = _description(" ".join(tail), doc, t, office_only=True)
        if desc is not None:
            return desc[0], desc[1], desc[2], name
    if office.strip():
        desc = _description(_strip_determiners(office, t), doc, t, office_only=True)
        if desc is not None:
            return desc[0], desc[1], desc[2], name
    return name, "person", "unknown", name


def _person_of_body(run: list[str], low_run: list[str], t: _Taxonomy) -> tuple[str, str, str, str] | None:
    """A person's name and the body the person speaks for, both in one
    capitalised run the knowledge lacks: the name, then "of"/"for" and the
    body ("Charles Lister of the Brookings Doha Centre"), or an office of
    the body, then the name ("Director of Daraa National Hospital Dr. Farid
    al-Asfar"). The body speaks (organisation, or partisan when an armed
    group's name), the person kept; None when the run is not so built."""
    of = next((i for i, w in enumerate(low_run) if w in t.complement_of), None)
    if of is None or of == 0 or of == len(run) - 1:
        return None
    head, tail = " ".join(run[:of]), " ".join(run[of + 1:])
    name = _person_name(head, t)
    if name and name == head and not any(w in t.org_name_words for w in low_run[:of]):
        body = tail.split()
    else:
        name = _person_name(tail, t, trailing=True)
        if not name or not tail.endswith(name) or not (set(low_run[:of]) & (t.person_nouns | t.org_name_words)):
            return None
        body = tail[: len(tail) - len(name)].split()
        while body and (norm_phrase(body[-1]).strip(".") in t.title_words or norm_phrase(body[-1]) in t.person_nouns):
            body.pop()  # "Dr.", "President" before the name
    while body and norm_phrase(body[0]) in t.determiners:
        body = body[1:]
    low_body = [norm_phrase(w) for w in body]
    if len(body) < 2 or not any(w in t.org_name_words for w in low_body):
        return None  # "Muslims of Aleppo": no body named
    kind = "partisan" if _armed_group_name(low_body, t) else "organisation"
    return " ".join(body), kind, "unknown", name


def _armed_head(desc: str, t: _Taxonomy) -> bool:
    """Whether a description names an armed group: its head is an armed
    group's name head ("a faction", "the militia": lexicon
    `armed_group_name_heads`), or a group noun with an armed descriptor ("a
    rebel group", "the jihadist organisation": `group_descriptors`); "a relief
    group" is not."""
    words = [norm_phrase(w) for w in _strip_determiners(desc, t).split()]
    head = _head_noun(words, t)
    if head is None:
        return False
    if head in t.group_heads_last:
        return True
    at = words.index(head)
    return head in t.group_nouns and any(w in t.group_descriptors for w in words[:at])


def _armed_group_name(low_run: list[str], t: _Taxonomy) -> bool:
    """Whether a name (lower-cased words) is headed by an armed group's head
    word (lexicon `armed_group_name_heads`): its last word ("Sawaiq al-Rahman
    Brigade"), the word before its "of" ("Army of Conquest") or, for the
    transliterated forms, its first ("Jaysh al-Tahrir")."""
    if len(low_run) < 2:
        return False
    of = next((i for i, w in enumerate(low_run) if w in t.complement_of), len(low_run))
    return (of > 0 and low_run[of - 1] in t.group_heads_last) or low_run[0] in t.group_heads_first


def _gazetteer(doc: _Doc) -> Any:
    if doc.knowledge is None:
        return None
    from .places import gazetteer  # the place stage's gazetteer, built once per knowledge object
    return gazetteer(doc.knowledge)


def _introduced(surname: str, doc: _Doc, t: _Taxonomy) -> tuple[str, str, str, str] | None:
    """A surname alone ("Cutts said") is the person the report introduced
    earlier with the full name and office ("UN deputy regional coordinator
    Mark Cutts called it ..."), even where no reporting verb made that
    person a source then."""
    doc.uses += 1  # reads the document: not shared across documents
    if len(surname) < 3 or not surname[:1].isupper() or surname in doc.introducing:
        return None  # (a name whose earlier mention leads back to itself: no one introduced)
    for a in reversed(doc.named):  # a speaker already heard ("Leys el-Faris, a nurse, said"): that voice again
        if a.person and a.person.split()[-1].rpartition("-")[2] == surname and a.source_type != "media":
            return a.source, a.source_type, a.source_side, a.person
    doc.introducing.add(surname)
    try:
        return _introduced_in(surname, doc, t)
    finally:
        doc.introducing.discard(surname)


def _introduced_in(surname: str, doc: _Doc, t: _Taxonomy) -> tuple[str, str, str, str] | None:
    # "Leys el-Faris" then "Faris": an article glued to the surname ("el-", "al-") drops in the short form
    rx = re.compile(r"[A-Z][\w'’.-]+(?:\s+(?:al-|bin\s+|abu\s+)?[A-Z][\w'’.-]+){0,2}\s+(?:[a-z]{1,3}-)?"
                    + re.escape(surname) + r"\b")
    for sentence in reversed(doc.sentences[max(0, doc.index - 12):doc.index]):
        found = list(rx.finditer(sentence))
        if found:
            m = found[-1]
            phrase = _subject_np(sentence[:m.end()], t)
            got = _resolve_fresh(phrase, _strip_determiners(phrase, t), doc, t, strong_only=False) if phrase else None
            given = got[3].split() if got is not None else []
            if len(given) == 2 and _named_alone(given[0], doc, t):
                # "Noha a Shiite and Samira a Sunni ... Like Noha Samira was relieved": two people side by side,
                # not one named Noha Samira; "Samira said" then names no one the text introduced in full
                return None
            if got is not None and got[3] and got[3].split()[-1].rpartition("-")[2] == surname:
                # (not the channel a speaker talked to: "Speaking to Anadolu Agency Yusuf el-Bustani, a local
                # activist, said" introduces no Anadolu speaker)
                return got if got[1] != "media" else None
            return None
    return None


_WORD_BEFORE_NAME = regex(r"([\w'’.-]+)\s+$")


def _named_alone(given: str, doc: _Doc, t: _Taxonomy) -> bool:
    """Whether the document names someone by `given` alone ("said Noha 45",
    "Nohas husband", "Noha a Shiite"): the word then is a person of its own,
    not the given name of the one whose surname follows it elsewhere (a
    particle after it goes on the name: "Nasr al-Hariri")."""
    doc.uses += 1
    rx = re.compile(r"(?<![\w'’-])" + re.escape(given) + r"(?:'s|’s|s)?(?=\s+([a-z0-9][\w'’-]*)|\s*[.,;:!?\"”)]|\s*$)")
    for sentence in doc.sentences:
        for m in rx.finditer(sentence):
            nxt = (m.group(1) or "").lower()
            if nxt and (nxt in t.person_name_particles or nxt.startswith(t.particle_prefixes)):
                continue
            w = _WORD_BEFORE_NAME.search(sentence, 0, m.start())
            if w is None or not w.group(1)[:1].isupper():
                return True
    return False


def _is_time_word(low: str, t: _Taxonomy) -> bool:
    return low in t.time_words or low.rstrip("s'’") in t.time_words


def _description(bare: str, doc: _Doc, t: _Taxonomy, *, office_only: bool = False,
                 pointing: bool = False) -> tuple[str, str, str, str] | None:
    """An unnamed description whose head noun names a speaker: its unnamed
    group ("a Kurdish official" -> other sources), the monitor the document
    names ("a Britain-based monitoring group"), the organisation a bare
    office points back to ("Spokesman Sean Spicer" after "the White House"),
    or the phrase itself (type unnamed)."""
    if " and " in bare:  # "... treaty that bans chemical weapons and Western nations": the last conjunct
        bare = bare.rsplit(" and ", 1)[1]
    words = [norm_phrase(w) for w in bare.split()]
    if not words or len(words) > 8:
        return None
    head = _head_noun(words, t)
    if head is None:
        return None
    if any(tuple(words[-len(h):]) == h if len(h) > 1 else head == h[0] for h in t.monitor_heads):
        said = " ".join(words[-2:]) if tuple(words[-2:]) in t.monitor_heads else head
        if doc.monitor(t, said):
            mon = t.sources[doc.monitor(t, said)]
            return mon.name, mon.type, mon.side, ""
    if head in t.person_nouns and len(words) <= 3 and all(w[:1].isalpha() for w in words):
        # "spokesman", "a spokesman": the organisation named just before speaks through it
        org = doc.last(lambda a: a.source_type not in ("unnamed", "local", "person") and not a.person)
        names = {norm_phrase(w) for w in bare.split()[:-1] if w[:1].isupper()}
        if org is not None and names - set(norm_phrase(f"{org.raw} {org.source}").split()):
            org = None  # "the PYD spokesman" after "the Syrian Observatory said": another body's spokesman
        if org is not None and (head in t.voice_heads or (head in t.voice_heads_unpointed and not pointing)):
            # ("the official said" points back at an official named before: with none, the last body named is
            # no better than a guess; "another rebel official" is the rebel body named before)
            return org.source, org.source_type, org.source_side, ""
    group = t.group_of_head.get(head)
    if office_only:
        if group is not None and t.sources[group].type == "local":  # "a nurse at the clinic Bayan Baker"
            g = t.sources[group]
            return g.name, g.type, g.side, ""
        return None
    if group is not None:
        g = t.sources[group]
        return g.name, g.type, g.side, ""
    if head not in t.person_nouns and head not in t.org_nouns:
        return None  # "the death toll", "type location flight patterns": no speaker
    if any(any(c.isdigit() for c in w) for w in words):
        return None
    named = _named_group(bare, t)
    if named:  # "the Nureddin al-Zanki rebel group": the group the text names, armed or not
        return named, "partisan" if _armed_head(bare, t) else "organisation", "unknown", ""
    at = words.index(head)
    if any(w.isalpha() and _plural_word(w, t) and words[k + 1] != head for k, w in enumerate(words[:at])):
        # "The strikes benefit Kurdish groups which ... declared", "civilian casualties aid agencies said" (commas
        # lost): a plural before other words than the head ends a phrase of its own; what speaks is not clear
        return None
    return " ".join(bare.split()), "unnamed", "unknown", ""


def _named_group(bare: str, t: _Taxonomy) -> str:
    """The name before an armed group's head noun ("Nureddin al-Zanki rebel
    group" -> "Nureddin al-Zanki"): two or more capitalised words joined by an
    Arabic name particle (al-, abu, bin), none a state's name or adjective,
    so that "the Syrian Kurdish militia" stays a description."""
    words = bare.split()
    if len(words) < 3 or norm_phrase(words[-1]) not in t.group_nouns:
        return ""
    words = words[:-1]
    while words and norm_phrase(words[-1]) in t.group_descriptors:
        words = words[:-1]
    run = _name_run(" ".join(words), t)
    if len(run) < 2 or len(run) != len(words):
        return ""
    low = [norm_phrase(w) for w in run]
    if not any(w in t.particle_words or w.startswith(t.particle_prefixes) for w in low):
        return ""
    if any(w in t.state_of_word or w in t.not_person for w in low):
        return ""
    return " ".join(run)


def _foreign_government(source: str, t: _Taxonomy) -> bool:
    """Whether `source` is the government of a state other than the theatre's."""
    return any(st.government == source for key, st in t.states.items() if key != t.home_state)


def _introduced_as(head: str, a: Attribution, doc: _Doc, t: _Taxonomy) -> bool:
    """Whether the sentence that named `a` called its speaker `head` of it
    just before the name ("A representative of the Syrian Armed Forces told
    ..." for "the representative")."""
    for i, v in reversed(doc.voices):
        if v is a and i < len(doc.sentences):
            text = doc.sentences[i]
            k = text.find(a.raw)
            before = norm_phrase(text[max(0, k - 40):k]).split() if k > 0 else []
            return len(before) >= 2 and before[-2] == head and before[-1] in t.of_words
    return False


def _head_noun(words: list[str], t: _Taxonomy) -> str | None:
    """The head noun of a description ("the governor of Hatay province" ->
    governor; "a monitoring group" -> group), if it names a speaker."""
    cut = next((i for i, w in enumerate(words) if i and w in t.of_words), len(words))
    core = words[:cut] or words
    return core[-1] if core else None


def _anaphor(phrase: str, doc: _Doc, t: _Taxonomy) -> Attribution | None:
    doc.uses += 1  # reads the document: not shared across documents
    low = norm_phrase(phrase)
    bare = norm_phrase(_strip_determiners(phrase, t))
    if low in t.plural:
        return _past_subject(doc.last(lambda a: _is_plural(a, t)), phrase, True, doc, t)
    if low in t.singular:
        return _last_person(low, phrase, doc, t)
    if low == "it":
        hit = doc.last(lambda a: not _is_plural(a, t) or _unsure(a, t))
        if hit is not None and _unsure(hit, t):  # after a "he" no one could be sure of, "it" is not sure either
            return replace(hit, raw=phrase)
        return _past_subject(hit, phrase, False, doc, t)
    if bare in t.speech_nouns:  # "the statement said": the source that made it
        return doc.last(lambda a: True)
    if not t.pointing.match(phrase):
        return None
    words = low.split()
    bare_words = bare.split()
    for n in (2, 1):  # "monitoring group" before "group"
        if len(words) > n:
            head = " ".join(words[-n:])
            # "the UK-based monitor": where a body sits says nothing of which body it is
            mods = {w for w in bare_words[:-n] if w not in t.pointing_fillers
                    and not any(w.endswith("-" + p) for p in t.seat_participles)}

            def fits(a: Attribution, head: str = head, mods: set[str] = mods) -> bool:
                # "the interior ministry" cannot point back at a defence ministry; "the government" does not
                # point back at another state's government heard only through people of it ("Turkish presidential
                # sources said ..." leaves "the government" the theatre's; "Washington said" does not)
                raw = norm_phrase(a.raw).split()
                return a.source in t.sources and head in t.sources[a.source].refer and (
                    not mods or mods <= set(norm_phrase(f"{a.raw} {a.source}").split())) and (
                    head in raw or not raw or (raw[-1] not in t.person_nouns and raw[-1] not in t.pronouns)
                    or not _foreign_government(a.source, t))
            hit = doc.last(fits)
            if hit:
                return hit
    if len(words) >= 2 and (words[-1] in t.person_nouns or words[-1] in t.org_nouns):
        # "the source" after "a source in the Police Command", "the official" after "a Kurdish official"
        head = words[-1]
        mods = set(bare_words[:-1])

        def fits_person(a: Attribution) -> bool:
            if not a.raw:
                return False
            named = norm_phrase(f"{a.raw} {a.source}")
            # "the military representative" after "a representative of the Syrian Armed Forces": a military
            # word fits a source whose name or phrase is its military's
            return (head in norm_phrase(a.raw).split() or (head in t.person_nouns and _introduced_as(head, a, doc, t))) and all(
                m in named.split() or (t.military_regex.fullmatch(m) and t.military_regex.search(named)) for m in mods)
        hit = doc.last(fits_person)
        if hit is not None:
            return hit
    if words and words[-1] in t.group_nouns and len(words) <= 3:
        group = doc.last_group(t)  # "the group said" after "Jaish al-Islam fighters shelled ..."
        if group is not None:
            name, side, _ = group
            return Attribution(name, "partisan", side, phrase, "anaphora")
    own = t.sources.get(t.by_alias.get(norm_phrase(doc.outlet), "")) if doc.outlet else None
    if own is not None and len(words) <= 3 and words[-1] in own.refer:
        # "the Coalition said" on the Coalition's own site, "the agency said" in SANA's copy
        return Attribution(own.name, own.type, own.side, phrase, "anaphora")
    return None


def _past_subject(hit: Attribution | None, pronoun: str, plural: bool, doc: _Doc,
                  t: _Taxonomy) -> Attribution | None:
    """What "it" / "they" points at when a sentence left to the outlet's voice
    opened, after the voice `hit`, with another known source of that number
    ("SOHR said ... The ICRC voiced alarm ... it said"): that source when it
    opened the sentence just before, else no one can be sure (the fallback
    group, the pronoun kept); `hit` when no such sentence came between."""
    if hit is None or not doc.outlet_voiced or doc.outlet_voiced[-1] < doc.index - 8:
        return hit
    since = max((i for i, v in doc.voices if v is hit), default=-1)
    for i in doc.outlet_voiced:
        if since < i < doc.index and i not in doc.openers and i < len(doc.sentences):
            doc.openers[i] = _opening_source(doc.sentences[i], doc, t)
    between = [(i, a) for i, a in doc.openers.items() if a is not None and since < i < doc.index
               and _is_plural(a, t) == plural]
    between.sort(key=lambda p: p[0])
    if not between or between[-1][1].source == hit.source:
        return hit  # none, or the latest is the voice itself ("The Britain-based observatory relies on ...")
    i, a = between[-1]
    if i == doc.index - 1 and all(b.source in (a.source, hit.source) for _, b in between) \
            and t.statement_verbs.search(" ".join(doc.sentences[i].split()[:16])) is not None:
        # "The ICRC voiced alarm ... It said": that body's statement goes on; after an act
        # ("Turkey has deployed thousands of troops ... It said") no one for sure
        return replace(a, raw=pronoun, cue="anaphora")
    if t.fallback_group not in t.sources:
        return None
    g = t.sources[t.fallback_group]
    return Attribution(g.name, g.type, g.side, pronoun, "anaphora")


def _opening_source(sentence: str, doc: _Doc, t: _Taxonomy) -> Attribution | None:
    """The known source, actor or state whose name alone opens the sentence
    ("The ICRC voiced alarm ...", "The Islamic State expelled ..."), or the
    source a description opening it points back at, if any."""
    words = _np_head(sentence, t).split()[:6]
    if not words or words[0].lower() in t.pronouns:
        return None  # "They agreed ...": points back itself
    for n in range(1, len(words) + 1):
        np = " ".join(words[:n])
        key = norm_phrase(_strip_determiners(np, t))
        if not key:
            continue
        a = _resolve(np, doc, t, cue="reporting_verb", verb="", strong_only=True)
        if a is None or a.cue == "outlet" or a.source_type == "outlet":
            continue
        # the name alone, or a description pointing back at a source ("The Britain-based observatory relies ...")
        if a.cue == "anaphora" or key in t.by_alias or key in t.actor_by_alias or key in t.state_names:
            return a
    return None


def _anaphor_tuple(phrase: str, doc: _Doc, t: _Taxonomy) -> tuple[str, str, str, str] | None:
    a = _anaphor(phrase, doc, t)
    return (a.source, a.source_type, a.source_side, a.person) if a is not None else None


_PRONOUN_REACH = 8  # how many voices back "he" / "she" may point


def _last_person(pronoun: str, phrase: str, doc: _Doc, t: _Taxonomy) -> Attribution | None:
    """Whom "he" / "she" points back at: the latest voice that is one person
    of that gender (`_one_person`), passing over groups ("activists said"),
    persons of the other gender and voices of the person's own source. When
    another body ("the Kremlin said") or a speaker the frames could not name
    stands between, or no person is found, it is not sure who is meant: an
    unnamed source (the fallback group), the pronoun kept as the phrase --
    never the last voice whatever it is (after "X, according to activists,
    while local sources blamed Y", "he said" is neither)."""
    doc.uses += 1
    if not any(a is not None for _, a in doc.voices):
        return None  # no one named yet: the outlet's voice, the pronoun kept (its own official, as a rule)
    between: set[str | None] = set()
    for i, a in reversed(doc.voices[-_PRONOUN_REACH:]):
        if a is None:
            between.add(None)  # "..., said Mounzer Khalil head of ...": someone the frames could not name spoke
            continue
        sentence = doc.sentences[i] if i < len(doc.sentences) else ""
        if _one_person(a, pronoun, t) or _person_before(a, sentence, t):
            if between - {a.source}:
                break
            if not a.person and _surname(a.raw, t):  # "Konashenkov added": the person named before in full
                last = a.raw.split()[-1].lower()
                full = doc.last(lambda b, last=last: bool(b.person) and b.person.split()[-1].lower() == last)
                if full is not None:
                    return replace(a, person=full.person)
            return a
        if not (_many(a, t) or _gendered(a, t) - {pronoun}):
            between.add(a.source)  # "Lavrov said ... The Kremlin said ... he added": not sure who is meant
    if t.fallback_group not in t.sources:
        return None
    g = t.sources[t.fallback_group]
    return Attribution(g.name, g.type, g.side, phrase, "anaphora")


def _unsure(a: Attribution, t: _Taxonomy) -> bool:
    """Whether a voice is a pronoun `_last_person` could not be sure of."""
    return a.cue == "anaphora" and a.source == t.fallback_group and norm_phrase(a.raw) in t.singular


def _gendered(a: Attribution, t: _Taxonomy) -> set[str]:
    """The pronouns a voice's own words give it: "she" for "the spokeswoman"
    or an earlier "she"; empty when the words do not say."""
    words = norm_phrase(_strip_determiners(a.raw, t)).split()
    if words and words[-1] in t.singular:
        return {words[-1]}
    return {p for p, nouns in t.gendered.items() if any(w in nouns for w in words)}


def _one_person(a: Attribution, pronoun: str, t: _Taxonomy) -> bool:
    """Whether "he" or "she" (`pronoun`) can point back at `a`: one person
    speaking -- named ("Kremlin spokesman Dmitry Peskov", a person source),
    described by a singular person noun of `speaker_nouns` ("an AFP
    correspondent", "the governor") or an earlier "he" -- not a group
    ("activists", "local sources"), not a body ("the Kremlin", "the Syrian
    Observatory", "a monitor": `body_person_nouns`), and not one whose words
    give the other gender ("the spokeswoman" is no "he":
    `gendered_person_nouns`)."""
    gender = _gendered(a, t)
    if gender and pronoun not in gender:
        return False
    words = norm_phrase(_strip_determiners(a.raw, t)).split()
    if words and words[-1] in t.singular:
        return True
    src = t.sources.get(a.source)
    if a.person or a.source_type == "person" or (src is not None and src.person) or _surname(a.raw, t):
        return True  # a name ending in s ("Panos Moumtzis") is no plural
    if _many(a, t):
        return False
    cut = next((i for i, w in enumerate(words) if i and w in t.of_words), len(words))
    # "a spokesman for the ministry": the words before the body the person speaks for
    return any(w in t.person_nouns and w not in t.body_person_nouns for w in words[:cut])


def _surname(raw: str, t: _Taxonomy) -> bool:
    """Whether a source phrase ends in a lone name that names no body, state,
    outlet or office: a person told by surname ("Konashenkov added", "...
    Xelil said", the frame keeping words before it)."""
    words = raw.split()
    if not words:
        return False
    w = words[-1].strip(".,'\"’”“")
    low = norm_phrase(w)
    if len(w) < 3 or not w[:1].isupper() or w.isupper() or (len(words) > 1 and words[-2][:1].isupper()):
        return False
    if len(words) > 1 and norm_phrase(words[-2]) in t.determiners:
        return False  # "the Kremlin", "the Observatory": a body
    return low not in t.state_of_word and low not in t.org_name_words \
        and low not in t.person_nouns and low not in t.org_nouns and low not in t.outlet_names \
        and low not in t.actor_by_alias and low not in t.not_name and low not in t.time_words \
        and t.office_regex.fullmatch(w) is None and t.military_regex.fullmatch(w) is None


def _person_before(a: Attribution, sentence: str, t: _Taxonomy) -> bool:
    """Whether a body's voice was given by a person its sentence names just
    before the body ("Ayman al-Aasmi, a member of the FSA southern front
    command, claimed"; "Obeida al-Hamawi of the Hama Media Center said"): the
    frame kept only the body."""
    if not a.raw or _many(a, t):
        return False
    at = sentence.find(a.raw)
    if at <= 0:
        return False
    before = sentence[max(0, at - 60):at].split()[-5:]
    if len(before) < 2 or norm_phrase(before[-1]) not in t.of_words:
        return False
    low = [norm_phrase(w) for w in before[:-1]]
    return any(w in t.person_nouns and not _plural_word(w, t) for w in low) \
        or bool(_person_name(" ".join(before[:-1]), t, trailing=True))


def _many(a: Attribution, t: _Taxonomy) -> bool:
    """Whether the words of a voice name many ("activists", "Kurdish
    officials", "local sources"): "a local resident" is one, though pooled
    under local sources."""
    words = _strip_determiners(a.raw, t).split()
    if not words:
        return _is_plural(a, t)
    last = norm_phrase(words[-1])
    if last in t.person_nouns or last in t.org_nouns or last in t.group_of_head:  # "Activists" opening a sentence
        return _plural_word(last, t)
    return _is_plural(replace(a, source=""), t)


def _is_plural(a: Attribution, t: _Taxonomy) -> bool:
    """Whether "they" can point at `a`: a group ("activists", "local
    sources") or a plural description ("Kurdish officials"), not a named
    body ("the Syrian Observatory for Human Rights" is an "it")."""
    if a.source.lower().endswith("sources"):
        return True
    words = _without_distancing(a.raw.split(), t)
    if not words or (words[0][:1].isupper() and len(_name_run(" ".join(words), t)) == len(words)):
        return False
    return _plural_word(words[-1].lower(), t)


def _without_distancing(words: list[str], t: _Taxonomy) -> list[str]:
    """The words of a source phrase without its determiners and the writer's
    distancing modifiers before the name ("the so-called Syrian Observatory
    ...": "Syrian Observatory ...")."""
    while words:
        low = [w.lower() for w in words[:3]]
        if low[0] in t.determiners:
            words = words[1:]
            continue
        cut = next((len(m) for m in t.distancing_modifiers if tuple(low[:len(m)]) == m), 0)
        if not cut:
            break
        words = words[cut:]
    return words


def _plural_word(word: str, t: _Taxonomy) -> bool:
    """A plural by its ending ("officials", not "press": lexicon `plural_endings`)."""
    return word.endswith(t.plural_endings) and not word.endswith(t.not_plural_endings)


def _looks_like_source(phrase: str, t: _Taxonomy) -> bool:
    """A part of a coordination reads like a speaker: a name, or a description
    whose head noun names a speaker."""
    words = phrase.split()
    if not words or len(words) > 8:
        return False
    if _name_run(phrase, t) and phrase[:1].isupper():
        return True
    head = _head_noun([norm_phrase(w) for w in _strip_determiners(phrase, t).split()], t)
    return head is not None and (head in t.person_nouns or head in t.org_nouns)
