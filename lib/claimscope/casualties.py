"""Casualty figures: how many, of whom, with what outcome — as ranges.

A figure is a quantity phrase ("at least 5", "several", "dozens of", "111",
"one") bound to an outcome cue either after it ("5 soldiers were killed",
"3 dead") or before it ("killing 23 people", "the death toll rose to 61").
Qualifiers become ranges following the pack's `numbers.yaml` ("at least 5" ->
[5, open], "more than 80" -> [81, open], "up to 25" -> [1, 25], "several" ->
[2, open]); the phrase is kept beside the range. Victims are resolved to a
canonical actor when the phrase names one ("Syrian Army troops"), otherwise a
generic noun ("soldiers", "terrorists") is resolved to the actor attacked in
the sentence or just before it, else kept as a generic group.

A figure counts people only: the head noun of its victims phrase must name
people (a generic victims noun or an actor), never a thing of the pack's
`things` list ("several army positions", "an armored personnel carrier of the
army"); "a", "an", "his", "her" count one only before a singular person noun.
The agent of an active killing verb is the perpetrator, not a victim ("two
gunmen killed a man" is one man killed). Headlines drop articles: a bare
singular person noun beside an outcome cue counts one ("Regime soldier
killed in Daraa", "Grenade explosion killed child"). Each figure carries its
victim category (UCDP GED's civilians / combatants / unknown, from the
victims' actor kind or generic noun, `actors.yaml` `categories`) and, for
combatants of a known actor, its side. `neutralized` (Turkish Defense
Ministry usage: killed, captured or surrendered) is its own outcome.

A figure that counts some of the victims told beside it is a part
(`CasualtyMention.part`, `casualties.part`): a subset ("killed 12 people,
including five children", "two people, one of them a child") or a share of
a group told before ("five of the dead were children", "Of those killed, six
were children", "15 of the wounded were in critical condition":
numbers.yaml `partitive_groups`). It keeps who they were and their condition,
but it is no toll of its own. "Others" beside a group that is part of a
wider one (children, women: actors.yaml `subgroups`) are anyone else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Mapping, Sequence

from .actors import actor_sides, generic_group, phrase_actors
from .knowledge import Knowledge, Memo
from .resources import case_variants, norm_phrase, phrase_pattern, regex, trie_pattern
from .sentences import Gate, WordGates, sentence_words, word_gates

__all__ = ["Quantity", "CasualtyMention", "VictimContext", "parse_quantity", "find_quantities", "find_casualties"]


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    raw: str
    min: int | None
    max: int | None
    qualifier: str  # the qualifying phrase or vague word; "" for an exact number
    article: bool = False  # "a"/"an"/"another": only counts next to a person noun


@dataclass(frozen=True)
class CasualtyMention:
    start: int
    end: int
    raw: str
    victims: str
    victims_raw: str
    outcome: str
    min: int | None
    max: int | None
    qualifier: str
    category: str = "unknown"  # civilians | combatants | unknown (UCDP GED's split)
    side: str = ""  # for combatants: the side of the victims' actor, when known
    part: bool = False  # a subset of victims counted or told beside it ("including five children"), no toll of its own


@dataclass(frozen=True)
class VictimContext:
    """What generic victims can be resolved to: the targets named in the
    sentence and in the one before it (canonical actor, kind), and the armed
    group named last in the document (for "the terrorist group"); and the
    outcome of the list this sentence is an item of, if any."""

    targets: tuple[tuple[str, str], ...] = ()
    previous_targets: tuple[tuple[str, str], ...] = ()
    last_group: str = ""
    list_outcome: str = ""  # the outcome of a list this sentence is an item of ("... left 344 dead: • 165 civilians")
    previous_figure: tuple[str, str, str] = ()  # (victims, category, side) of the figure told last before the sentence
    headline: bool | None = None  # the sentence is a headline (None: one when it has no final full stop)
    women_unit: tuple[str, str] = ()  # (actor, side) of a unit of women fighters the sentence before named


# --- quantities -------------------------------------------------------------------

@dataclass(frozen=True)
class _NumLex:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, tuple[int | None, int | None]]
    qualifiers: dict[str, str]
    articles: frozenset[str]
    regex: re.Pattern[str]


def _build_numlex(knowledge: Knowledge) -> _NumLex:
    d = knowledge.numbers
    units = {k: int(v) for k, v in d["units"].items()}
    tens = {k: int(v) for k, v in d["tens"].items()}
    scales = {k: int(v) for k, v in d["scales"].items()}
    vague = {k: (v[0], v[1]) for k, v in d["vague"].items()}
    qualifiers = dict(d["qualifiers"])
    articles = frozenset(d["singular_articles"])
    def words(ws) -> str:  # case variants as a trie: no IGNORECASE, which is several times slower
        return trie_pattern(v for w in ws for v in case_variants(w))

    unit_w, tens_w, scale_w = words(units), words(tens), words(scales)
    word = rf"(?:{tens_w}(?:[\s-]{unit_w})?|{unit_w})"
    digits = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?![\d.,]\d)"
    simple = rf"(?:{digits}|{word})(?:\s+{scale_w}(?:\s+(?:and\s+)?{word})?)?|{words(['a', 'one'])}\s+{scale_w}"
    num = rf"(?:{simple})"
    rng = rf"(?:{words(['between'])}\s+)?(?P<lo>{num})\s*(?:-|–|to|and|or)\s*(?P<hi>{num})"
    quals = phrase_pattern(qualifiers)
    vagues = phrase_pattern(vague)
    arts = phrase_pattern(articles)
    # A cheap necessary condition checked at each word start before the full
    # pattern: a digit, or the first letter run of a phrase a quantity can open
    # with ("at" of "at least"), whole (a number word may run into a range
    # connector: "fiveto six"). The engine then rejects most word starts in a
    # few character comparisons instead of trying every branch.
    opens = [_LETTER_RUN.match(v) for p in (*units, *tens, *vague, *qualifiers, *articles, "between", "a", "one")
             for v in case_variants(p)]
    numbers = trie_pattern(v for w in (*units, *tens) for v in case_variants(w))
    guard = (rf"(?=\d|{trie_pattern({m.group() for m in opens})}(?![^\W\d_])|{numbers}(?=to|and|or))"
             if all(opens) else "")  # a phrase opening with a sign has no letter run to look for
    pattern = (
        rf"(?<![\w.,-]){guard}(?:(?P<qual>{quals})\s+)?"
        rf"(?:(?P<range>{rng})|(?P<vague>{vagues})|(?P<num>{num})|(?P<art>{arts}))(?![\w-])"
    )
    return _NumLex(units, tens, scales, vague, qualifiers, articles, regex(pattern))


_NUMBER_WORD_BREAK = regex(r"[\s-]+")


def _number_value(text: str, lex: _NumLex) -> int | None:
    """Integer value of a digit or number-word phrase ("1,300", "twenty-one",
    "two hundred and fifty"), None when it is not one."""
    if text.isdigit():  # most figures: nothing to lower, strip or drop
        return int(text)
    t = text.lower().replace(",", "").strip()
    if t.isdigit():
        return int(t)
    total, current = 0, 0
    seen = False
    for w in _NUMBER_WORD_BREAK.split(t):
        if w in ("and", ""):
            continue
        if w.isdigit():
            current += int(w)
        elif w in lex.units:
            current += lex.units[w]
        elif w in lex.tens:
            current += lex.tens[w]
        elif w in lex.scales:
            current = max(current, 1) * lex.scales[w]
            if lex.scales[w] >= 1000:
                total, current = total + current, 0
        elif w in ("a",):
            current = max(current, 1)
        else:
            return None
        seen = True
    return total + current if seen else None


def _quantity(m: re.Match[str], lex: _NumLex, offset: int = 0) -> Quantity | None:
    qual, whole, vague, art, num = m.group("qual", "range", "vague", "art", "num")  # one call for the five
    qual_raw = qual.strip() if qual else ""
    qual_kind = lex.qualifiers.get(" ".join(qual_raw.lower().split()), "") if qual_raw else ""
    raw = m.group(0)
    if whole:
        lo, hi = _number_value(m.group("lo"), lex), _number_value(m.group("hi"), lex)
        if lo is None or hi is None or hi < lo:
            n = _number_value(whole, lex)  # "twenty-one", "two hundred and fifty"
            if n is None:
                return None
            lo, hi = _bounds(n, qual_kind)
            return Quantity(m.start() + offset, m.end() + offset, raw, lo, hi, qual_raw)
        return Quantity(m.start() + offset, m.end() + offset, raw, lo, hi, qual_raw or "between")
    if vague:
        word = " ".join(vague.lower().split())
        lo, hi = lex.vague[word]
        if qual_kind == "gt" and lo is not None:  # "over a dozen" -> 13+
            lo, hi = (hi or lo) + 1, None
        label = f"{qual_raw} {vague}".strip() if qual_raw else vague
        return Quantity(m.start() + offset, m.end() + offset, raw, lo, hi, label)
    if art:
        if qual_raw:
            return None
        return Quantity(m.start() + offset, m.end() + offset, raw, 1, 1, "", article=True)
    n = _number_value(num, lex)
    if n is None:
        return None
    lo, hi = _bounds(n, qual_kind)
    return Quantity(m.start() + offset, m.end() + offset, raw, lo, hi, qual_raw)


def _bounds(n: int, kind: str) -> tuple[int | None, int | None]:
    if kind == "min":
        return n, None
    if kind == "gt":
        return n + 1, None
    if kind == "max":
        return min(1, n), n
    if kind == "lt":
        return min(1, max(n - 1, 0)), max(n - 1, 0)
    return n, n  # exact, approx


def parse_quantity(text: str, *, knowledge: Knowledge) -> Quantity | None:
    """Parse a whole phrase as a quantity ("at least 5" -> min 5, max None);
    None when `text` is not exactly one quantity phrase."""
    lex = knowledge.derived(_build_numlex)
    m = lex.regex.fullmatch(text.strip())
    if m is None:
        return None
    return _quantity(m, lex)


def find_quantities(text: str, *, knowledge: Knowledge) -> list[Quantity]:
    """Every quantity phrase in `text`, in order."""
    return _find_quantities(text, knowledge.derived(_build_numlex))


def _find_quantities(text: str, lex: _NumLex) -> list[Quantity]:
    out = []
    for m in lex.regex.finditer(text):
        q = _quantity(m, lex)
        if q is not None:
            out.append(q)
    return out


# --- casualty figures -------------------------------------------------------------

@dataclass(frozen=True)
class _CasLex:
    after: re.Pattern[str]  # outcome cue right at the position (victims already consumed)
    before: re.Pattern[str]  # outcome cue ending right before the quantity
    after_outcome: dict[str, str]
    before_outcome: dict[str, str]
    aux: re.Pattern[str]
    aside: re.Pattern[str]
    majority: re.Pattern[str] | None  # ", mostly soldiers" after a figure: who most of its victims were
    weak: frozenset[str]
    toll: re.Pattern[str]
    toll_words: frozenset[str]  # the words a toll phrase needs one of (the gate of its search)
    fate: re.Pattern[str]  # "..., causing their death": the fate of a count told before it in the clause
    fate_outcome: dict[str, str]
    toll_of: re.Pattern[str]  # "the death toll of the SDF members has risen to": whose toll
    toll_who: re.Pattern[str]  # "the number of girls who died ... has risen to": whose toll
    act_words: frozenset[str]  # the words of event cues ("bombing", "shelling"): a toll of an act names no people
    non_person: re.Pattern[str]
    np_stop: re.Pattern[str]
    zero: tuple[tuple[re.Pattern[str], str], ...]
    zero_any: re.Pattern[str]  # union of the zero lexicons: one search rules all three out
    gates: WordGates  # the word lists the trigger and the zero lexicons need (`sentences.word_gates`)
    trigger_gate: Gate
    zero_gate: Gate
    trigger: re.Pattern[str]
    stops: frozenset[str]  # np_stop's words, for a set lookup on ASCII words
    num: _NumLex
    knowledge: Knowledge  # for the actor tables victims phrases are resolved with
    person_memo: Memo  # victims phrase -> names people?
    core_memo: Memo  # victims phrase -> its core words
    things: frozenset[str]  # head nouns of things ("positions", "vehicles")
    singular: frozenset[str]  # singular person nouns ("soldier", "woman")
    categories: dict[str, str]  # actor or generic kind -> victim category
    cue_words: frozenset[str]  # one-word outcome cues: a victims phrase stops at them
    bare_after: re.Pattern[str]  # headline: bare singular noun, then an outcome cue
    bare_before: re.Pattern[str]  # headline: an outcome verb, then a bare singular noun
    definite_before: re.Pattern[str]  # an outcome verb, then "the" and a singular person noun ("shot dead the driver")
    named_before: re.Pattern[str]  # an outcome cue, a name, then its singular role ("the killing of Abu Ali, a commander")
    determiners: frozenset[str]
    generic_nouns: frozenset[str]  # every generic victims noun (normalised)
    vague_words: frozenset[str]  # first words of vague quantities ("some", "many")
    aux_first: frozenset[str]  # first words of the auxiliaries (a word that is none needs no regex)
    after_first: frozenset[str]  # first words of the outcome cues that follow a figure
    singular_words: frozenset[str]  # the words of the singular nouns (bare headline figures need one)
    former: re.Pattern[str]  # "former fighters", "ex-ISIS members": no longer of a side
    side_changers: re.Pattern[str]  # "a dissident officer", "defector soldiers": broken with their noun's side
    rejoined: re.Pattern[str] | None  # ", who now fight with": former men who fight again
    identity: re.Pattern[str] | None  # ", who was accused of being": who the victims were said to be follows
    affiliation: re.Pattern[str]  # "operating under the banner of", "affiliated to": whose people they are
    affiliation_break: re.Pattern[str]  # "by", "at the hands of": a link after them is another group's
    communities: re.Pattern[str]  # "of the clan", "of the tribe": members of no armed group
    backer: re.Pattern[str]  # "Russian-backed": the group "backer" names a backer
    continuations: frozenset[str]  # "others", "more": victims beside those just told
    postmodifier_pp: re.Pattern[str]  # "from Deir Ezzor" before a passive verb: the victims phrase goes on
    postmodifier_and: re.Pattern[str]  # "of a faction affiliated to X and" before the next figure
    day_before: re.Pattern[str]  # a month name ending right before a number: "May 18" is a day
    month_after: re.Pattern[str]  # a month name right after a number: "14 October" is a day
    year_before: re.Pattern[str]  # "May 2018", "May 18, 2018", "in 2018": a year
    subgroups: frozenset[str]  # victims groups "others" beside them are not of ("two children ... 5 others")
    civilian_marks: frozenset[str]  # victims groups whose presence among a toll of people makes it civilians
    women: frozenset[str]  # the victims group of women (the subgroup a unit of women fighters is made of)
    site: re.Pattern[str] | None  # "in military positions hosting": whose the combatants killed there were follows
    assets: tuple[tuple[re.Pattern[str], str, str], ...]  # (an actor's installations or weapons, the actor, its side)
    parallel_gap: re.Pattern[str]  # "in Kafr Nabl and ": a figure's place, then a conjunction (`_parallel_place`)
    parallel_place: re.Pattern[str]  # " in Maarat al-Numan." : a place that ends the clause
    reporting: re.Pattern[str]  # a reporting verb right after a victims phrase: its people are the speaker
    unit_name_before: re.Pattern[str]  # "the"/"of" or an opening quote before an ordinal: a unit's name goes on
    complement_before: re.Pattern[str]  # "of" right before a number: it belongs to a noun's complement
    participle: re.Pattern[str]  # a word with a participle's ending ("displaced", "taken", "missing")
    backer_forces: str  # the phrase a backer word is read in as an actor ("{backer} forces")
    theirs: re.Pattern[str]  # "and its proxies": the next words belong to the group before
    verb_auxiliary: re.Pattern[str]  # an auxiliary: a verb of the figure's own ("were", "has")
    own_verb: re.Pattern[str] | None  # a verb of the figure's own with no outcome ("experienced", "remain")
    own_verb_first: frozenset[str]  # the first words of own_verb's phrases (a cheap test first)
    passive: re.Pattern[str]  # a passive auxiliary: the figure's people underwent the act ("were killed")
    object_pronouns: frozenset[str]  # "killed him": an object pronoun after an outcome verb
    bare_anchor: re.Pattern[str]  # where a bare headline noun phrase may start: headline start, a separator, "shoot"
    group_anaphor: re.Pattern[str]  # "the terrorist group": a group named before
    members_of: re.Pattern[str]  # "members of X": the group X
    including: re.Pattern[str]  # "including", "among them" right before a figure: a subset of the one before
    subset_lead: re.Pattern[str]  # the same words right after a figure's victims: its parts follow
    partitive: re.Pattern[str]  # "of them" as a whole victims phrase: a share of the group before
    partitive_of: re.Pattern[str]  # "of them ..." opening a victims phrase ("many of them children")
    coordinated_cue: re.Pattern[str]  # "and crucified" after "executed": a second verb of the same object
    partitive_cues: frozenset[str]  # "of the dead", "of the wounded": a figure told as a share of victims told before
    partitive_copula: re.Pattern[str]  # "were" in "five of the dead were children"
    partitive_groups: dict[str, str]  # "the dead" -> killed
    partitive_heads: frozenset[str]  # the last words of partitive_groups: the fronted pattern needs one
    fronted_partitive: re.Pattern[str]  # "Of those killed," "Among the dead were", "the dead included" ending before a figure
    condition: re.Pattern[str]  # "in critical condition": the state of a share of the wounded
    companion: re.Pattern[str]  # "along with": the gap before a figure of people killed with the one before
    phrase_stops: frozenset[str]  # one-word `victims_phrase_stops`: a whole phrase holding one tells more than one group
    companion_with: re.Pattern[str]  # "with": the same, only for the first victim's own ("four of her children")
    companion_own: re.Pattern[str]  # "of her": after the figure, makes it the first victim's own
    contrast: re.Pattern[str]  # "non-Syrian": an adjective after "and" that answers the one before it
    outcome_adjective: re.Pattern[str]  # "dead" in "eight dead civilians": an outcome word before the victims noun


def _build_caslex(knowledge: Knowledge) -> _CasLex:
    d = knowledge.numbers
    lex = knowledge.lexicon
    after_outcome: dict[str, str] = {}
    before_outcome: dict[str, str] = {}
    weak: list[str] = []
    for outcome, cues in d["outcomes"].items():
        for c in cues["after"]:
            after_outcome.setdefault(norm_phrase(c), outcome)
        for c in (*cues["before"], *cues.get("weak_before", ())):
            before_outcome.setdefault(norm_phrase(c), outcome)
        weak += [norm_phrase(c) for c in cues.get("weak_before", [])]
    partitive_groups = {norm_phrase(g): outcome for outcome, gs in d["partitive_groups"].items() for g in gs}
    partitive_cues = {norm_phrase(f"{link} {g}"): outcome for g, outcome in partitive_groups.items()
                      for link in d["partitive_links"]}
    for c, outcome in partitive_cues.items():
        after_outcome.setdefault(c, outcome)
    aux = phrase_pattern([*d["auxiliaries"], *d["outcome_adverbs"]])
    toll_links = phrase_pattern(d["toll_links"])
    # a reporting verb ends a victims phrase: "a civil defence worker said 12 ..." is the speaker
    stops = list(d["victims_phrase_stops"]) + [v for v in knowledge.lexicon["reporting_verbs"] if " " not in v]
    zero = []
    for key, outcome in (("zero_casualties", "killed_or_injured"), ("zero_killed", "killed"), ("zero_injured", "injured")):
        zero.append((regex(phrase_pattern(lex[key])), outcome))
    fates = {norm_phrase(c): outcome for outcome, cues in (d.get("pronoun_fates") or {}).items() for c in cues}
    trig_words = list(after_outcome) + list(before_outcome) + list(d["toll_group_heads"]) + list(fates)
    zero_words: list[str] = []
    for key in ("zero_casualties", "zero_killed", "zero_injured"):
        trig_words += lex[key]
        zero_words += lex[key]
    generic_words = [n for g in knowledge.actors["generic"] for n in g["nouns"]]
    singular = [w for w in knowledge.actors["singular_nouns"]]
    sing = phrase_pattern(singular, group="head")
    one_word_before = [c for c in before_outcome if " " not in c]
    gates, (trigger_gate, zero_gate) = word_gates([(trig_words,), (zero_words,)])
    np_words = r"(?:[\w'’-]+\s+){0,4}?"
    return _CasLex(
        after=regex(r"\s*[\"”’]?\s*(?:\(\w+\)\s*)?" + phrase_pattern(after_outcome, group="cue")),
        before=regex(phrase_pattern(before_outcome, group="cue") + r"\s+[\"“‘]?(?:the\s+|some\s+)?$"),
        after_outcome=after_outcome,
        before_outcome=before_outcome,
        aux=regex(r"\s*(?:" + aux + r"|(?!" + phrase_pattern(d["adjectives_in_ly"]) + r")"
                  + r"(?i:[a-z]+ly)(?<!(?i:on)ly)(?<!(?i:fami)ly)(?<!(?i:ita)ly))(?=\W|$)"),
        majority=regex(r"\s*,?\s*(?:" + phrase_pattern(d["majority_leads"]) + r")\s+(?P<who>[\w'’ -]{2,40})")
        if d.get("majority_leads") else None,
        aside=regex(r"\s*(?:(?:[,(–—-]+\s*)?" + phrase_pattern(d["asides"]) + r"[^.;:()–—]{0,60}?(?:[,)–—-]+\s*)?"
                    + r"|,\s*" + phrase_pattern(d["relative_asides"]) + r"[^.;:,()–—]{1,80},\s*)(?="
                    + r"\s*(?:" + aux + r"|" + phrase_pattern(after_outcome) + r"))"),
        weak=frozenset(weak),
        # (every branch opens with a word of `toll_words`, the gate of its search)
        toll=regex(r"(?i)\b" + trie_pattern(d["toll_heads"]) + r"\b(?:[^.;]{0,80}?(?:" + toll_links
                   + r")|[^.;]{0,130}?(?:" + phrase_pattern(d["toll_links_far"]) + r"))\s+$"),
        toll_words=frozenset(h.split()[0].lower() for k in ("toll_heads", "toll_group_heads", "toll_number_heads")
                             for h in d[k]),
        fate=regex(r"[^.;:]{0,160}?" + phrase_pattern(fates, group="cue")) if fates else regex(r"(?!)"),
        fate_outcome=fates,
        toll_of=regex(r"(?i)\b" + trie_pattern(d["toll_group_heads"]) + r"\s+" + trie_pattern(d["toll_group_links"])
                      + r"\s+(?:"
                      + trie_pattern(d["determiners"]) + r"\s+)?(?P<np>[^.;,:]{1,60}?)\s+(?:"
                      + trie_pattern(d["verb_auxiliaries"]) + r"\s+)?" + phrase_pattern(d["toll_links_far"]) + r"\s+$"),
        toll_who=regex(r"(?i)\b" + trie_pattern(d["toll_number_heads"]) + r"\s+(?P<np>[^.;,:]{1,60}?)\s+(?:"
                       + trie_pattern(d["toll_group_relatives"]) + r"\s+)?"
                       + phrase_pattern(d["toll_group_verbs"]) + r"[^.;]{0,100}?"
                       + phrase_pattern(d["toll_links_far"]) + r"\s+$"),
        act_words=frozenset(w.lower() for e in knowledge.events["event_types"] for c in e["cues"] for w in c.split()),
        non_person=regex(r"\s*" + phrase_pattern(d["non_person_units"])),
        np_stop=regex(r"(?i)^(?:" + "|".join(stops) + r")$"),
        zero=tuple(zero),
        zero_any=regex(phrase_pattern(zero_words)),
        gates=gates,
        trigger_gate=trigger_gate,
        zero_gate=zero_gate,
        trigger=regex(phrase_pattern(trig_words)),
        stops=frozenset(stops),
        num=knowledge.derived(_build_numlex),
        knowledge=knowledge,
        person_memo=Memo(),
        core_memo=Memo(),
        things=frozenset(norm_phrase(t) for t in knowledge.actors["things"]),
        singular=frozenset(norm_phrase(w) for w in singular),
        categories=dict(knowledge.actors["categories"]),
        cue_words=frozenset(c for c in list(after_outcome) + list(before_outcome) if " " not in c)
        - frozenset(norm_phrase(w) for w in generic_words),
        bare_after=regex(rf"(?P<np>{sing})(?!['’\w-])\s+(?:(?:was|were|is|are|found)\s+)?"
                         + phrase_pattern(after_outcome, group="cue")),
        bare_before=regex(phrase_pattern(one_word_before, group="cue") + rf"\s+(?P<np>{np_words}{sing})(?!['’\w-])"),
        definite_before=regex(phrase_pattern([c for c in before_outcome if c not in weak and c.split()[0] != "the"
                                              and c.split()[-1] not in d["definite_cue_not_ends"]], group="cue")
                              + rf"\s+the\s+(?P<np>(?:[\w'’-]+\s+){{0,2}}?{sing})(?!['’\w-])"),
        named_before=regex(phrase_pattern([c for c in before_outcome if c not in weak], group="cue")
                           + r"\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?:\s*\([^()]{1,40}\))?,?\s+(?:"
                           + trie_pattern(d["single_person_determiners"]) + r"\s+)?(?P<np>(?:[\w'’-]+\s+){0,2}?" + sing + r")(?!['’\w-])"),
        generic_nouns=frozenset(norm_phrase(w) for w in generic_words),
        vague_words=frozenset(w.split()[0].lower() for w in d["vague"]),
        aux_first=frozenset(norm_phrase(w).split()[0] for w in [*d["auxiliaries"], *d["outcome_adverbs"]]),
        after_first=frozenset(m.group(0) for c in after_outcome for m in [_WORD_RUN.match(c)] if m),
        singular_words=frozenset(t for w in singular for t in norm_phrase(w).split()),
        former=regex(r"(?i)(?<![\w-])(?:" + "|".join(re.escape(w) for w in knowledge.actors["former"]) + r")(?=[\s-])"),
        side_changers=regex(r"(?i)(?<![\w-])(?:" + "|".join(re.escape(w) for w in knowledge.actors.get("side_changers") or ())
                            + r")(?![\w-])") if knowledge.actors.get("side_changers") else regex(r"(?!)"),
        rejoined=regex(r"\s*,?\s*" + phrase_pattern(knowledge.actors["former_rejoined"]))
        if knowledge.actors.get("former_rejoined") else None,
        identity=_identity_pattern(knowledge.actors.get("identity_links") or ()),
        postmodifier_pp=_postmodifier(d["postmodifier_links"], r"(?=(?:was|were|had|have|has|is|are)\s)"),
        postmodifier_and=_postmodifier(d["postmodifier_links"], r"and\s+"),
        continuations=frozenset(norm_phrase(w) for w in d.get("continuation_nouns") or ()),
        month_after=regex(r"\s+(?:of\s+)?" + _months(knowledge) + r"(?![\w-])"),
        day_before=regex(r"(?<![\w-])" + _months(knowledge) + r"\.?\s+$"),
        year_before=regex(r"(?:(?<![\w-])" + _months(knowledge) + r"\.?\s+(?:\d{1,2},?\s+)?|"
                          + phrase_pattern(d["year_context_words"]) + r"\s+)$"),
        backer=regex(r"(?<![\w'’-])(?P<backer>[A-Z][\w'’.]*)-(?:"
                     + "|".join(re.escape(w) for w in knowledge.actors.get("backer_suffixes") or ["backed"]) + r")(?![\w-])"),
        communities=regex(r"^(?:" + trie_pattern(d["determiners"]) + r"\s+)?(?:[\w'’-]+\s+){0,2}?"
                          + phrase_pattern(knowledge.actors.get("communities", ())) + r"\s*$"),
        affiliation_break=regex(phrase_pattern(knowledge.actors.get("affiliation_breaks") or ["by"])),
        affiliation=regex(r"(?<![\w-])" + phrase_pattern(knowledge.actors.get("affiliation_links", ()))
                          + r"\s+(?:the\s+)?[\"“‘]?"),
        subgroups=frozenset(knowledge.actors.get("subgroups") or ()),
        civilian_marks=frozenset(knowledge.actors.get("civilian_marks") or ()),
        women=frozenset(knowledge.actors.get("women_groups") or ()),
        site=regex(r"\s*" + phrase_pattern(knowledge.actors["site_prepositions"]) + r"\s+(?:[\w'’-]+\s+){0,2}?"
                   + phrase_pattern(knowledge.actors["site_nouns"]) + r"\s+" + phrase_pattern(knowledge.actors["site_links"])
                   + r"\s+(?:the\s+)?") if knowledge.actors.get("site_nouns") else None,
        assets=tuple((regex(phrase_pattern(words)), owner, actor_sides(knowledge).get(owner, ""))
                     for owner, words in (knowledge.actors.get("actor_assets") or {}).items()),
        parallel_gap=regex(r"\s+" + phrase_pattern(knowledge.lexicon["locative_prepositions"])
                           + r"\s+[^,;:.!?()]{1,50}?\s*(?:,\s*(?:and\s+)?|and\s+)\Z"),
        # a run of capitalised words, an article glued to one ("al-Numan"), then the clause's end
        parallel_place=regex(r"\s+" + phrase_pattern(knowledge.lexicon["locative_prepositions"])
                             + r"\s+(?:the\s+)?(?:(?:[A-Z]|[a-z]{1,3}-[A-Z])[\w'’-]*\s*)+(?:[,;:.!?)]|\Z|and\s)"),
        # (a backer's participle may stand between: "of the Russian-backed 5th Corps"; lexicon modifier_participles)
        unit_name_before=regex(r"(?:\b" + trie_pattern(d["unit_name_openers"]) + r"\s+(?:[\w'’]+-(?:"
                               + "|".join(re.escape(w) for w in knowledge.lexicon.get("modifier_participles") or ["backed"])
                               + r")\s+)?|[“‘]\s*)$"),
        complement_before=regex(r"(?i)\b" + trie_pattern(d["complement_links"]) + r"\s+$"),
        participle=regex(r"\s*[a-z][a-z'’-]*(?:" + "|".join(re.escape(e) for e in d["participle_endings"]) + r")\b"),
        backer_forces=str(knowledge.actors.get("backer_forces") or "{backer}"),
        theirs=regex(r"\s+" + trie_pattern(d["possessive_pronouns"]) + r"\s+\w"),
        verb_auxiliary=regex(r"(?i)\b" + trie_pattern(d["verb_auxiliaries"]) + r"\b"),
        own_verb=regex(r"\s*" + phrase_pattern(d["own_predicate_verbs"])) if d.get("own_predicate_verbs") else None,
        own_verb_first=frozenset(p.split()[0].lower() for p in d.get("own_predicate_verbs") or ()),
        passive=regex(r"(?i)\b" + trie_pattern(d["passive_auxiliaries"]) + r"\b"),
        object_pronouns=frozenset(d["object_pronouns"]),
        bare_anchor=regex(r"(?:^|[|:–—]|(?<![\w-])" + trie_pattern(v for w in d["shooting_verbs"]
                                                                   for v in (w, w[:1].upper() + w[1:])) + r")\s*$"),
        group_anaphor=regex(r"(?i)\b" + trie_pattern(d["anaphor_determiners"]) + r"\s+(?:\w+\s+)?"
                            + trie_pattern(knowledge.actors["group_nouns"]) + r"\b"),
        members_of=regex(r"(?i)\b" + trie_pattern(knowledge.actors["membership_nouns"]) + r"\s+"
                         + trie_pattern(d["complement_links"]) + r"\s+(?P<of>.+)$"),
        reporting=regex(r"\s*" + phrase_pattern(knowledge.lexicon["reporting_verbs"])),
        including=regex(r"(?i)\b" + trie_pattern(d["subset_leads"]) + r"\s+$"),
        subset_lead=regex(r"(?i)\W*" + trie_pattern(d["subset_leads"]) + r"\s+"),
        partitive=regex(r"(?i)^" + trie_pattern(d["complement_links"]) + r"\s+" + trie_pattern(d["partitive_pronouns"]) + r"$"),
        partitive_of=regex(r"(?i)^" + trie_pattern(d["complement_links"]) + r"\s+" + trie_pattern(d["partitive_pronouns"])
                           + r"\b"),
        coordinated_cue=regex(r"\s+" + phrase_pattern(d["verb_coordinators"]) + r"\s+"
                              + phrase_pattern([c for c in before_outcome if c not in weak])),
        partitive_cues=frozenset(partitive_cues),
        partitive_groups=partitive_groups,
        partitive_heads=frozenset(_LETTER_RUN.findall(g)[-1].lower() for g in partitive_groups),
        fronted_partitive=regex(r"(?:" + phrase_pattern(d["partitive_fronts"]) + r"\s+" + phrase_pattern(partitive_groups, group="group")
                                + r"\s*[,:]?\s*(?:" + phrase_pattern(d["partitive_copulas"]) + r"\s+)?|"
                                + phrase_pattern(partitive_groups, group="group2") + r"\s+"
                                + phrase_pattern(d["partitive_verbs"]) + r"\s+)$"),
        partitive_copula=regex(r"\s*,?\s*" + phrase_pattern(d["partitive_copulas"]) + r"\s+"),
        condition=regex(phrase_pattern(d["conditions"])),
        contrast=regex(r"(?i:" + trie_pattern(d.get("contrast_prefixes") or ()) + r")"),
        companion=regex(r"\s*,?\s*" + phrase_pattern(d.get("companion_links") or ()) + r"\s+")
        if d.get("companion_links") else regex(r"(?!)"),
        phrase_stops=frozenset(w.lower() for w in d["victims_phrase_stops"] if " " not in w),
        companion_with=regex(r"\s*,?\s*" + phrase_pattern(d.get("companion_with") or ()) + r"\s+")
        if d.get("companion_with") else regex(r"(?!)"),
        companion_own=regex(r"\s+" + phrase_pattern(d.get("companion_own") or ()) + r"\b")
        if d.get("companion_own") else regex(r"(?!)"),
        determiners=frozenset(norm_phrase(w) for w in d["determiners"]),
        outcome_adjective=regex(r"\s+" + phrase_pattern([a for a in d.get("outcome_adjectives") or ()
                                                         if norm_phrase(a) in after_outcome], group="cue") + r"\s+")
        if d.get("outcome_adjectives") else regex(r"(?!)"),
    )


_LETTER_RUN = regex(r"[^\W\d_]+")
_WORD = regex(r"\(?[\w'’.-]+\)?|[^\w\s]")
_SPACED_WORD = regex(r"\s*(\(?[\w'’.-]+\)?|[^\w\s])")  # the spaces before a _WORD, then it
_WORD_RUN = regex(r"[\w'’.-]+")
_FILLER_WORDS = ("of", "the", "and")   # "14 of the dead": words a victims phrase does not end with
_TRAILING_FILLER = regex(r"(?i)(?:\s+(?:" + "|".join(_FILLER_WORDS) + r"))+\s*$")
_AGE = regex(r"\d{1,3}-(?:year|month|week|day)s?-old$")  # "a 13-year-old boy": an adjective, not a count
_ORDINAL = regex(r"\d{1,3}(?:st|nd|rd|th)$")  # "members of the 4th Division": a unit's name goes on, no count
_QUOTE_MARKS = frozenset("\"“”‘’'«»")
_OPENING_QUOTES = frozenset("“‘«")  # never a closing mark: may open a victims phrase ('two “collaborators”')
# a straight double quote opens the phrase too when a letter follows it at once ('killed 50 "terrorists"'): a
# closing mark is followed by a space or a stop
_STRAIGHT_OPENING = frozenset('"')
_CLOSING_QUOTES = "\"”’'»"


def _victims_phrase(text: str, pos: int, lex: _CasLex) -> tuple[int, int]:
    """Span of the victims noun phrase starting at `pos` (may be empty)."""
    end = pos
    i = pos
    n_words = 0
    prev = ""  # the last word read
    while n_words < 8:
        m = _SPACED_WORD.match(text, i)  # the spaces, then a word
        if m is None:
            break
        w = m.group(1)
        bare = w.strip("()").lower()
        if w in _QUOTE_MARKS and (n_words or ((w in _OPENING_QUOTES or w in _STRAIGHT_OPENING)
                                              and text[m.end():m.end() + 1].isalpha())):
            i = m.end()  # 'members of “Tel Tamr Military Council”', 'two “collaborators”'
            continue
        if not (w[0].isalnum() or w.startswith("(")) or (
                bare in lex.stops if bare.isascii() else lex.np_stop.match(bare) is not None):
            # "members of the SDF", "the regime forces and its proxies" (`possessive_pronouns`): one phrase
            if bare == "of" or (bare == "and" and (_next_is_name(text, m.end()) or lex.theirs.match(text, m.end())
                                                   or _contrast(text, prev, m.end(), lex))):
                i = m.end()
                continue
            break
        if w[0].isdigit() and _AGE.match(w):  # (an age opens with a digit)
            i = m.end()
            continue
        key = bare.rstrip(".")  # "died." at the end of the sentence
        if (bare in lex.cue_words or (w[0].isdigit() and not (n_words and _ORDINAL.match(w) and lex.unit_name_before.search(text, 0, m.start(1))))
                or (n_words and _is_number_word(bare, lex.num))
                or ((key in lex.aux_first or key.endswith("ly")) and lex.aux.match(" " + w))
                or ((key in lex.after_first or w[0] in "(\"”’") and lex.after.match(text, m.start(1)))
                or (n_words and key in lex.own_verb_first and _own_verb_at(text, m.start(1), lex))):
            break   # ... or a verb of the figure's own ("eight others experienced breathing difficulties")
        n_words += 1
        i = m.end()
        prev = w
        before, end = end, i
        if w.endswith(".") and w.count(".") == 1:  # "terrorists." ends the sentence, "U.S." does not
            # a stop word ends the phrase before it ("killed five civilians, a medic said.")
            end = before if (key in lex.stops if key.isascii() else lex.np_stop.match(key) is not None) else end - 1
            break
    phrase = text[pos:end]
    # the filler regex only when the phrase ends with a filler word (cheap test first)
    trimmed = _TRAILING_FILLER.sub("", " " + phrase)[1:] if phrase.rstrip().lower().endswith(_FILLER_WORDS) else phrase
    return pos, pos + len(trimmed)  # "14 of the dead"


_AND_ANOTHER = regex(r"(?i)\s*,?\s*(?:and|as well as|plus)\s+(?:another|one more|a further|a third|a fourth|a fifth)\s+"
                     r"(?P<noun>[a-z]+)\b")


def _contrast(text: str, prev: str, pos: int, lex: _CasLex) -> bool:
    """The word at `pos` is `prev` with a contrast prefix, or both carry one
    ("Syrian and non-Syrian", "pro-regime and anti-regime"): one phrase."""
    m = _WORD_RUN.match(text, _skip_space(text, pos))
    if m is None or not prev:
        return False
    nxt = m.group(0)
    p = lex.contrast.match(nxt)
    if p is None or not p.group(0) or p.end() == len(nxt):
        return False
    q = lex.contrast.match(prev)
    base = prev[q.end():] if q is not None else prev
    return nxt[p.end():].lstrip("-").lower() == base.lstrip("-").lower()


def _same_group(victims_raw: str, noun: str, lex: _CasLex) -> bool:
    """'children' and 'child', 'soldiers' and 'soldier': one victims group."""
    a = generic_group(victims_raw, knowledge=lex.knowledge)
    return a is not None and a == generic_group(noun, knowledge=lex.knowledge)


def _is_number_word(word: str, lex: _NumLex) -> bool:
    return word in lex.units or word.split("-", 1)[0] in lex.tens


def _next_is_name(text: str, pos: int) -> bool:
    """'members of the Syrian Democratic Forces', 'Syrian Arab Army and NDF'."""
    rest = text[pos:pos + 30].lstrip()
    return rest[:1].isupper()


def _skip_aux(text: str, pos: int, lex: _CasLex) -> int:
    while True:
        m = lex.aux.match(text, pos)
        if m is None:
            return pos
        pos = m.end()


def find_casualties(sentence: str, *, knowledge: Knowledge, context: VictimContext = VictimContext(),
                    offset: int = 0, words: frozenset[str] | None = None) -> list[CasualtyMention]:
    """Casualty figures in `sentence`; offsets are shifted by `offset`.
    `words`: the sentence's `sentence_words` when already computed."""
    lex = knowledge.derived(_build_caslex)
    if words is None:
        words = sentence_words(sentence)
    met = lex.gates.met(words)  # an outcome cue or a zero phrase is there only when its words are
    if not context.list_outcome and not (lex.trigger_gate <= met and lex.trigger.search(sentence)):
        return []
    tolls = not words.isdisjoint(lex.toll_words)
    fronts = not words.isdisjoint(lex.partitive_heads)  # "Of the dead, ...": its group's words are there
    out: list[CasualtyMention] = []
    main: list[CasualtyMention] = []  # figures that are not subsets ("including two women")
    pending: list[tuple[Quantity, int, int]] = []  # figures waiting for a shared outcome ("9 soldiers and 5 militants were killed")
    last_outcome = ""
    consumed = -1  # end of the last figure's victims phrase: quantities inside it are part of it
    wholes: list[tuple[int, int]] = []  # (index in out, end of its victims phrase) of the figures that are not parts
    parts: dict[int, list[CasualtyMention]] = {}
    for q in _find_quantities(sentence, lex.num):
        if q.end <= consumed or _is_date_part(sentence, q, lex) or (
                pending and q.end <= pending[-1][2] and lex.complement_before.search(sentence, 0, q.start)):
            continue  # the complement of a figure's victims noun ("a member of a local faction and two aides")
        np_start, np_end = _victims_phrase(sentence, q.end, lex)
        victims_raw = sentence[np_start:np_end].strip()
        adjective = ""   # "eight dead civilians": the outcome word before the victims noun
        if not victims_raw:
            adj = lex.outcome_adjective.match(sentence, q.end)
            if adj is not None:
                ns, ne = _victims_phrase(sentence, adj.end(), lex)
                noun = sentence[ns:ne].strip()
                if noun and _is_person_phrase(noun, lex) and not _head_is_thing(noun, lex) \
                        and not _POSTMODIFIER.search(_CORE_CUT.sub("", noun)):
                    # (not "11 dead Al-Nusra Front launched an offensive": a clause of its own follows)
                    np_start, np_end, victims_raw = ns, ne, noun
                    adjective = lex.after_outcome[norm_phrase(adj.group("cue"))]
        more = _AND_ANOTHER.match(sentence, np_end) if victims_raw and q.min is not None else None
        if more is not None and _same_group(victims_raw, more.group("noun"), lex):
            # "three children and another child": one figure, four children
            q = replace(q, min=q.min + 1 if q.min is not None else None, max=q.max + 1 if q.max is not None else None)
            np_end = more.end()
        if lex.non_person.match(sentence, q.end) or (victims_raw and q.max != 1 and _counts_things(victims_raw, lex)):
            pending.clear()   # "13 vehicles", "four rebel firing positions": things counted
            continue
        if victims_raw and q.max != 1 and _LIST_JOIN.match(sentence, np_end):
            # "40 police officers, teachers and members of the NDF": a list of groups, read whole when mixed
            list_end = _coordinated_end(sentence, q, np_end, lex)
            if list_end > np_end and _mixed_groups(sentence[np_start:list_end], lex):
                np_end, victims_raw = list_end, sentence[np_start:list_end].strip()
        object_person = False
        if victims_raw and not _is_person_phrase(victims_raw, lex):
            object_person = _object_of_cue(sentence, q, victims_raw, lex) or (
                victims_raw.lower() in lex.continuations  # "Dozens more were wounded": more people
                and lex.after.match(sentence, _skip_aux(sentence, np_end, lex)) is not None)
        if victims_raw and not object_person and not _is_person_phrase(victims_raw, lex):
            if _head_is_thing(victims_raw, lex) or q.article or not (
                    _before_cue(sentence, q, lex, tolls=tolls)[0] or lex.after.match(sentence, np_end)):
                pending.clear()
                continue
            # no victims noun: "killed 5 in Aleppo", "6 Lebanese martyrs" (the words describe the cue noun)
            if not lex.after.match(sentence, np_end):
                np_end = q.end
            victims_raw = ""
        if q.article:
            if not victims_raw:
                if q.raw.lower() != "another":
                    continue
            elif not object_person and not _is_singular(victims_raw, lex):
                continue  # "a" counts one only before a singular noun ("a drone", "his forces": no)
        aside = lex.aside.match(sentence, np_end)
        # the closing mark of a quotation the victims phrase opened ('two “informants” were killed')
        closed = np_end + 1 if (sentence[np_end:np_end + 1] == "”" and "“" in victims_raw) or (
            sentence[np_end:np_end + 1] == '"' and victims_raw.count('"') % 2) else np_end
        pos = _skip_aux(sentence, aside.end() if aside else closed, lex)
        after = lex.after.match(sentence, pos)
        if after is None and victims_raw and pending:
            close = _APPOSITIVE_CLOSE.match(sentence, np_end)  # "Three civilians, two women and a man, were killed"
            if close is not None:
                after = lex.after.match(sentence, _skip_aux(sentence, close.end(), lex))
        if after is None and victims_raw:
            pp = lex.postmodifier_pp.match(sentence, np_end)  # "a civilian from Deir Ezzor was shot dead"
            if pp is not None:
                after = lex.after.match(sentence, _skip_aux(sentence, pp.end(), lex))
        before, weak = _before_cue(sentence, q, lex, after=out[-1].end - offset if out else 0, tolls=tolls)
        if weak and not victims_raw:
            before = ""
        outcome = ""
        group_raw = ""   # whose toll the figure is, when a toll phrase names them
        listed = False
        cue_end = np_end
        partitive = None
        if after and victims_raw and not aside and not before and _active_verb(sentence, q, after, np_end, lex):
            pending.clear()  # "two gunmen killed a man": the gunmen are not victims
            consumed = after.start()
            continue
        including = _including(sentence, q, lex)  # a subset lead right before the figure ("including two women")
        front = lex.fronted_partitive.search(sentence, max(0, q.start - 60, out[-1].end - offset if out else 0),
                                             q.start) if fronts else None
        if front is not None:  # "Of those killed, six were children", "Among the dead were four women"
            outcome = lex.partitive_groups[norm_phrase(front.group("group") or front.group("group2"))]
            if after:  # "Of the wounded, two died later"
                outcome, cue_end = lex.after_outcome[norm_phrase(after.group("cue"))], after.end()
            partitive = _partitive_reader(sentence, cue_end, context, out, offset, lex)
        elif after and not (before and not lex.verb_auxiliary.search(sentence[np_end:after.start()])
                            and not _next_figure_outcome(sentence, q, after, lex)):
            cue = norm_phrase(after.group("cue"))
            outcome = lex.after_outcome[cue]
            cue_end = after.end()
            if cue in lex.partitive_cues:
                partitive = _partitive_reader(sentence, cue_end, context, out, offset, lex)
        elif before:
            outcome = before
            if not victims_raw and outcome == "killed" and tolls:
                group_raw = _toll_group(sentence, q, lex)   # "the death toll of the SDF members has risen to six"
        elif adjective:
            outcome = adjective   # "a toll of eight dead civilians"
        elif including and last_outcome:
            outcome = last_outcome
        elif out and lex.partitive_of.match(victims_raw):
            outcome, listed = out[-1].outcome, True  # "more than 90 bodies, many of them children"
            if lex.partitive.match(victims_raw):  # "1102 killed ... 234 of them were children": who they were
                partitive = _partitive_reader(sentence, np_end, context, out, offset, lex)
        elif out and not victims_raw and _place_list(sentence, q, out[-1].end - offset):
            # "150 bodies in Hammouriya 100 in Kfar Batna 67 in Saqba"; "54 killed, including 9 in X 8 in Y": parts
            outcome, listed = out[-1].outcome, out[-1].part
        elif main and victims_raw and ":" in sentence[main[-1].end - offset:q.start]:
            outcome, listed = main[-1].outcome, True  # "left 17 people dead: three civilians ... and 14 members"
        elif out and (_distributive(sentence, q, out[-1].end - offset, with_victims=bool(victims_raw))
                      or (victims_raw and _companion(sentence, q, out[-1], offset, lex))
                      or (victims_raw and _parallel_place(sentence, q, out[-1].end - offset, np_end, lex))) \
                and not _own_predicate(sentence, aside.end() if aside else closed, pos, lex) \
                and not _speaker(sentence, np_start, np_end, lex):
            # "killed 45 civilians in Aleppo and 22 in Idlib", "killed 15 civilians
            # and 27 fighters"; not a figure with a verb of its own ("10 were
            # killed and 40 others were displaced": its auxiliary says so), nor
            # the speaker ("killed five civilians, a medic said")
            outcome = out[-1].outcome
            listed = out[-1] is not (main[-1] if main else None)  # a part of a part stays a part
        elif context.list_outcome and victims_raw and not out:
            outcome = context.list_outcome  # an item of a list: "• 165 civilians, including four women"
        elif victims_raw and not out and not q.article and not _OWNER.match(victims_raw):
            # "a car carrying three soldiers ..., causing their death"; not "one child's leg": a count of legs
            outcome = _pronoun_fate(sentence, np_end, lex)
        subset = including or listed
        if not outcome:
            tail = sentence[np_end:np_end + 14].lstrip().lstrip(_CLOSING_QUOTES).lstrip().lower()  # '“SDF” and ...'
            if victims_raw and (tail.startswith(("and", ",", "(", "-", "–", "—", "including", "among them", "mostly",
                                                 "most of them"))
                                or lex.num.regex.match(sentence, np_end + len(sentence[np_end:]) - len(sentence[np_end:].lstrip()))
                                or _postmodifier_then_figure(sentence, np_end, lex)):
                pending.append((q, np_start, np_end))  # "40 Civilians 25 YPG Fighters Killed": a headline's list
            else:
                pending.clear()
            continue
        in_part = False  # the pending figures run on a subset's list ("including a child and a woman")
        for pq, ps, pe in pending:
            # "9 civilians including 2 children and 3 women were killed": the children and women are parts
            led = _including(sentence, pq, lex)
            in_part = led or (in_part and _in_list(sentence, pq, out[-1].end - offset))
            # "A woman and child were killed ... while seven were injured": a
            # cue of its own between the figure and this one is its outcome
            own = _cue_between(sentence, pe, q.start, lex)
            mention = _mention(sentence, pq, ps, pe, own or outcome, context, main, offset, lex, part=in_part)
            if in_part and not led and main and not _fits_within(mention, main[-1]):
                in_part = False   # "12 civilians including five children and 20 fighters": the fighters are no part
                mention = _mention(sentence, pq, ps, pe, outcome, context, main, offset, lex)
            if not in_part:
                main.append(mention)
            out.append(mention)
        pending.clear()
        if not subset and out and out[-1].part and out[-1].outcome == outcome and _in_list(sentence, q, out[-1].end - offset):
            subset = True  # "seven civilians including a child and a woman were killed": the woman too
        # a subset of the figure before it, of the same outcome ("killed 12 people, including 5 children";
        # not "33 casualties, including 5 dead": a toll of its own)
        part = subset and (not main or main[-1].outcome == outcome)
        mention = _mention(sentence, q, np_start, np_end, outcome, context, main, offset, lex, cue_end=cue_end,
                           part=part, group_raw=group_raw)
        if part and main and partitive is None and not including \
                and not _fits_within(mention, main[-1]):
            # "12 civilians including five children and 20 fighters": the fighters are no part of the civilians
            subset = part = False
            mention = _mention(sentence, q, np_start, np_end, outcome, context, main, offset, lex, cue_end=cue_end)
        if partitive is not None:
            mention = partitive(mention)  # "five of the dead were children", "234 of them were children": who they were
        out.append(mention)
        consumed = np_end
        if partitive is not None:
            pass  # a share of the dead (or "234 of them were children") is no whole, nor a part that names its whole
        elif not subset:
            main.append(mention)
            wholes.append((len(out) - 1, np_end))
        elif wholes:
            parts.setdefault(wholes[-1][0], []).append(mention)
        last_outcome = outcome
    _appositive_parts(sentence, out, offset, lex)
    if wholes:  # both read the wholes only
        _civilian_wholes(sentence, out, wholes, parts, lex)
        _combatant_subgroups(out, wholes, parts, lex)
    out = _without_restatements(sentence, out, offset)
    if context.headline or (context.headline is None and not _FINAL_STOP.search(sentence)):
        out.extend(_bare_mentions(sentence, out, context, offset, lex, words))
    out.extend(_definite_objects(sentence, out, context, offset, lex, words))
    out.extend(_named_objects(sentence, out, context, offset, lex))
    if lex.zero_gate <= met:
        zeros = _zero_mentions(sentence, context, offset, lex)
        if zeros:
            # "no one was killed": its "one was killed" is no figure of its own
            out = [c for c in out if not any(z.start <= c.start and c.end <= z.end for z in zeros)]
            out.extend(zeros)
    return sorted(out, key=lambda c: (c.start, c.outcome))




_TOKEN = regex(r"[\w'’-]+")


_PARTICIPLE_BEFORE = regex(r"(?i)(?<![\w-])[a-z]+ing\s+(?:(?:at\s+least|some|about|around|nearly|more\s+than)\s+)?\Z")


def _without_restatements(sentence: str, out: list[CasualtyMention], offset: int) -> list[CasualtyMention]:
    """`out` without a figure that says again, in a participle clause of the
    same sentence, a whole figure told before it ("Twenty-six civilians were
    killed when jets pounded X, killing 26 civilians"): one toll told twice,
    not two. Only when the earlier figure's outcome follows its victims and
    the later one's precedes them as a participle ("killing"): a finite verb
    ("and shelling killed three soldiers") tells another act."""
    keep: list[CasualtyMention] = []
    for m in out:
        told = not m.part and m.raw.rstrip().endswith(m.victims_raw) and m.victims_raw and any(
            not e.part and (e.outcome, e.min, e.max, e.victims, e.category, e.side)
            == (m.outcome, m.min, m.max, m.victims, m.category, m.side)
            and not e.raw.rstrip().endswith(e.victims_raw) and e.end <= m.start for e in keep)
        if told and _PARTICIPLE_BEFORE.search(sentence, 0, m.start - offset):
            continue
        keep.append(m)
    return keep


def _pronoun_fate(sentence: str, np_end: int, lex: _CasLex) -> str:
    """The outcome a plural possessive later in the clause gives the count
    whose victims phrase ends at `np_end`, an auxiliary right after it ("a
    car carrying three soldiers was hit, causing their death": killed), or
    '' (also when another count stands between: whose fate it tells is
    unclear; and for a count with a verb of its own, "three gunmen stormed
    the post, causing their death": maybe the guards')."""
    gap = len(sentence[np_end:]) - len(sentence[np_end:].lstrip())
    if not lex.verb_auxiliary.match(sentence, np_end + gap):
        return ""   # "three gunmen stormed the post, causing their death": not told as undergoing an act
    m = lex.fate.match(sentence, np_end)
    if m is None or any(not x.article for x in _find_quantities(sentence[np_end:m.start("cue")], lex.num)):
        return ""   # "a missile" between is no count of people; "three soldiers and two officers" is
    return lex.fate_outcome[norm_phrase(m.group("cue"))]


def _toll_group(sentence: str, q: Quantity, lex: _CasLex) -> str:
    """The people a toll phrase right before the figure names ("the death
    toll of the SDF members has risen to six": SDF members), or ''."""
    m = lex.toll_of.search(sentence, max(0, q.start - 120), q.start)
    if m is None:
        return _toll_who(sentence, q, lex)
    np = m.group("np").strip()
    if not lex.act_words.isdisjoint(w.lower() for w in _TOKEN.findall(np)):
        return ""   # "the toll of the terrorist bombing", "of the rebel shelling": an act's toll, not its people's
    if not _is_person_phrase(np, lex) or _names_no_group(np, lex):
        return ""   # "the toll of the attack", "the toll of people in the town": no group of their own
    return np


def _toll_who(sentence: str, q: Quantity, lex: _CasLex, *, group: bool = True) -> str:
    """The people a toll told as their number names ("the number of girls
    who died in the shelling has risen to five": girls), or '' (not "the
    number of attacks that killed civilians": no people). `group`: only a
    phrase that names a group of its own (not "people")."""
    m = lex.toll_who.search(sentence, max(0, q.start - 200), q.start)
    if m is None:
        return ""
    np = m.group("np").strip()
    if not _is_person_phrase(np, lex) or _head_is_thing(np, lex) or (group and _names_no_group(np, lex)):
        return ""
    return np


def _cue_between(sentence: str, start: int, end: int, lex: _CasLex) -> str:
    """Outcome of the first outcome cue after an auxiliary in
    sentence[start:end] ("... and child were killed in the shelling while"),
    or ''."""
    aux = lex.passive.search(sentence, start, end)
    if aux is None:
        return ""
    m = lex.after.match(sentence, _skip_aux(sentence, aux.start(), lex))
    if m is None or m.end() > end:
        return ""
    return lex.after_outcome.get(norm_phrase(m.group("cue")), "")


def _lead_names_marks(sentence: str, np_end: int, lex: _CasLex) -> bool:
    """A subset lead right after the victims phrase ending at `np_end` names
    a group of actors.yaml `civilian_marks` in the list it opens
    ("including women and children", "including several women children and
    elderly men", "including a woman and child")."""
    lead = lex.subset_lead.match(sentence, np_end)
    if lead is None:
        return False
    pos = lead.end()
    for _ in range(4):  # the list's items: victims phrases joined by "and" or a comma
        start, end = _victims_phrase(sentence, pos, lex)
        if end <= start:
            return False
        for w in _WORD_RUN.findall(sentence, start, end):
            g = generic_group(w, knowledge=lex.knowledge)
            if g is not None and g[0] in lex.civilian_marks and lex.categories.get(g[1]) == "civilians":
                return True
        join = _LIST_JOIN.match(sentence, end)
        if join is None:
            return False
        pos = join.end()
    return False


def _civilian_wholes(sentence: str, out: list[CasualtyMention], wholes: Sequence[tuple[int, int]],
                     parts: Mapping[int, Sequence[CasualtyMention]], lex: _CasLex) -> None:
    """A figure whose victims the phrase leaves open ("two people", "11")
    counts civilians when the parts it counts are civilians, children among
    them (actors.yaml `civilian_marks`: "two people, one of them a child",
    "kill 11 including children"; not "scores of bodies, some of them
    children": a vague share says nothing of the rest; nor "six people,
    including three women": women may be fighters)."""
    for i, np_end in wholes:
        m = out[i]
        if m.category != "unknown" or m.victims != "people" or (m.victims_raw and _mixed_groups(m.victims_raw, lex)):
            continue   # "10 fighters and civilians, including three children": the fighters stay fighters
        # a vague share ("some of them children") names no count; "a young female fighter" is one, counted
        named = [p for p in parts.get(i, ()) if p.raw.split()[0].lower() not in lex.vague_words
                 or (p.min == p.max and not p.qualifier)]
        if named:
            # "20 people, including nine civilians": a part told as civilians, fewer than the whole, says the
            # rest may not be; children or women among them say nothing of the kind
            civilian = all(p.category == "civilians" for p in named) and not any(
                p.victims == "civilians" and m.min is not None and p.max is not None and p.max < m.min for p in named)
            # children among them ("a woman and child": the child is no counted part of its own)
            civilian = civilian and (any(p.victims in lex.civilian_marks for p in named)
                                     or _lead_names_marks(sentence, np_end, lex))
        else:
            civilian = _lead_names_marks(sentence, np_end, lex)
        if civilian:
            out[i] = replace(m, category="civilians")


def _combatant_subgroups(out: list[CasualtyMention], wholes: Sequence[tuple[int, int]],
                         parts: Mapping[int, Sequence[CasualtyMention]], lex: _CasLex) -> None:
    """Women or children (actors.yaml `subgroups`) told as a part of
    combatants ("13 combatants, including seven women") are combatants of
    that side: the whole says who they were, the part only their age or sex;
    not when the whole's phrase names more than one group ("20 fighters and
    their families, including seven women")."""
    for i, _ in wholes:
        whole = out[i]
        if whole.category != "combatants" or any(w in lex.phrase_stops for w in whole.victims_raw.lower().split()):
            continue  # "20 fighters and their families": the part may be of the families
        for p in parts.get(i, ()):
            if p.victims in lex.subgroups and p.category == "civilians":
                j = next((n for n, m in enumerate(out) if m is p), -1)
                if j >= 0:
                    out[j] = replace(p, victims=whole.victims, category="combatants", side=whole.side)


def _speaker(sentence: str, np_start: int, np_end: int, lex: _CasLex) -> bool:
    """The figure's phrase is who speaks: a reporting verb follows it and no
    determiner or quotation mark inside it starts another phrase ("killed
    five civilians, a medic said"; not "killed 17 militants and a child a
    monitoring group said", where the speaker is inside the phrase)."""
    if lex.reporting.match(sentence, np_end) is None:
        return False
    words = sentence[np_start:np_end].split()
    return not any(w.lower() in lex.determiners or w[:1] in _QUOTE_MARKS or w[-1:] in _QUOTE_MARKS for w in words)


def _next_figure_outcome(sentence: str, q: Quantity, after: re.Match[str], lex: _CasLex) -> bool:
    """'Civilian killed 3 injured', 'Girl killed two others injured': the cue
    right after a bare figure (or one of `continuation_nouns`) is its own
    outcome, though an outcome word stands before it; not when a figure
    follows the cue ("Kurds kill 83 Injured 100", "killed 3 wounded 7"): then
    it opens that figure, and the one before it is the earlier word's."""
    gap = sentence[q.end:after.start()].strip()
    if gap and norm_phrase(gap) not in lex.continuations:
        return False  # "Girl child killed two others injured": the others' cue is theirs too
    if norm_phrase(after.group("cue")) not in lex.before_outcome:
        return True
    return lex.num.regex.match(sentence, _skip_space(sentence, after.end())) is None


def _partitive_reader(sentence: str, cue_end: int, context: VictimContext, told: Sequence[CasualtyMention],
                      offset: int, lex: _CasLex) -> Callable[[CasualtyMention], CasualtyMention]:
    """How a figure told as a share of victims told before ("five of the
    dead", "15 of the wounded", "Of those killed, six ...": numbers.yaml
    `partitive_groups`) is read: a part of the sentence's last figure of its
    outcome (`told`: the figures read so far; their victims, else people of
    unknown category), whose predicate may say who they were ("... were
    children", "... were opposition fighters": a victims phrase after a
    `partitive_copulas` verb), their condition ("... were in critical
    condition": `conditions`) or what became of them ("... later died"),
    kept in its phrase."""
    m = lex.partitive_copula.match(sentence, cue_end)

    def read(mention: CasualtyMention) -> CasualtyMention:
        mention = replace(mention, part=True)
        if mention.victims_raw and not lex.partitive.match(mention.victims_raw):
            return mention  # "Among the dead were four women": its own victims
        whole = [k for k in told if k.outcome == mention.outcome and not k.part][-1:]
        mention = replace(mention, victims=whole[0].victims if whole else "people",
                          category=whole[0].category if whole else "unknown", side=whole[0].side if whole else "")
        at = _skip_aux(sentence, cue_end, lex)
        became = lex.after.match(sentence, at)
        if became is not None:  # "two of the wounded later died": their outcome now, still a part of the victims
            outcome = lex.after_outcome[norm_phrase(became.group("cue"))]
            return replace(mention, outcome=outcome, end=became.end() + offset,
                           raw=sentence[mention.start - offset:became.end()])
        if m is None:
            return mention
        cond = lex.condition.match(sentence, m.end())
        if cond is not None:
            end = cond.end()
            return replace(mention, end=end + offset, raw=sentence[mention.start - offset:end])
        ns, ne = _victims_phrase(sentence, m.end(), lex)
        who = sentence[ns:ne].strip()
        if not who or not _is_person_phrase(who, lex) or _head_is_thing(who, lex):
            return mention
        victims, category, side = _resolve_victims(who, context, (), lex)
        return replace(mention, end=ne + offset, raw=sentence[mention.start - offset:ne], victims=victims,
                       victims_raw=who, category=category, side=side)

    return read


_FINAL_STOP = regex(r"[.!?][\"”’')\]]*\s*$")
_BARE_WORD = regex(r"[\w'’-]+\s*$")


def _bare_np_start(sentence: str, head: int, lex: _CasLex) -> int:
    """Start of a bare headline noun phrase ending in the head noun at
    `head`: up to four modifiers back to the start of the headline, a
    separator ("Idlib | Regime soldier killed") or a verb of shooting
    ("shoot regime soldier dead"); -1 when a determiner, number or function
    word comes first (the phrase is not bare)."""
    pos = head
    for _ in range(5):
        if lex.bare_anchor.search(sentence, 0, pos):
            return pos
        m = _BARE_WORD.search(sentence, max(0, pos - 40), pos)
        if m is None:
            return -1
        w = m.group(0).strip().lower()
        if w in lex.determiners or w in lex.stops or w in lex.cue_words or w[:1].isdigit() or _is_number_word(w, lex.num):
            return -1
        pos = m.start()
    return -1


def _bare_mentions(sentence: str, found: Sequence[CasualtyMention], context: VictimContext, offset: int,
                   lex: _CasLex, words: frozenset[str]) -> list[CasualtyMention]:
    """Headline figures without an article: 'Regime soldier killed in Daraa',
    'Grenade explosion killed child', 'Gunmen shoot regime soldier dead'.
    English drops the article of a singular count noun only in headlines, so
    a bare singular person noun beside an outcome cue is one person (looked
    for in headlines only: the document's, or a sentence without a final
    full stop)."""
    out: list[CasualtyMention] = []
    if lex.singular_words.isdisjoint(words):
        return []  # no singular person noun: nothing to find
    taken = [(c.start - offset, c.end - offset) for c in found]
    for rx, cue_first in ((lex.bare_after, False), (lex.bare_before, True)):
        for m in rx.finditer(sentence):
            np_s, head_e = m.start("np"), m.end("np")
            if not cue_first:
                np_s = _bare_np_start(sentence, np_s, lex)
                if np_s < 0:
                    continue
            words = sentence[np_s:head_e].split()
            if any(w.lower().strip("'’") in lex.determiners or w[:1].isdigit() or _is_number_word(w.lower(), lex.num)
                   for w in words):
                continue
            if cue_first:
                if re.search(r"(?i)\b(?:the|a|an|this|that|his|her|their|its)\s+$", sentence[max(0, m.start() - 12):m.start()]):
                    continue  # "the killed soldier"
                nxt = sentence[head_e:head_e + 20].lstrip()
                if nxt[:1].isalpha() and nxt.split()[0].lower() not in lex.stops and not nxt.lower().startswith("of "):
                    continue  # "killing civilian workers": the noun goes on
                np_e = max(head_e, _victims_phrase(sentence, np_s, lex)[1])
                span = (m.start("cue"), np_e)
            else:
                np_e = head_e
                span = (np_s, m.end("cue"))
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            cue = norm_phrase(m.group("cue"))
            outcome = lex.before_outcome.get(cue) if cue_first else lex.after_outcome.get(cue)
            if not outcome or (cue_first and cue in lex.weak):
                continue
            victims_raw = sentence[np_s:np_e].strip()
            out.append(_one_person(sentence, span, offset, victims_raw, victims_raw, outcome, context, lex))
            taken.append(span)
    return out


def _definite_objects(sentence: str, found: Sequence[CasualtyMention], context: VictimContext, offset: int,
                      lex: _CasLex, words: frozenset[str]) -> list[CasualtyMention]:
    """'gunmen shot dead the driver', 'the patrol arrested the commander':
    the object of an outcome verb that is "the" and a singular person noun is
    one person (the noun may go on with "of": "the mukhtar of the village")."""
    if " the " not in sentence or lex.singular_words.isdisjoint(words):
        return []
    out: list[CasualtyMention] = []
    taken = [(c.start - offset, c.end - offset) for c in found]
    for m in lex.definite_before.finditer(sentence):
        if m.group("cue")[:1].isupper() and m.start() == 0:
            continue  # "Killed the ...": a headline's participle, not a verb with its object
        np_s, head_e = m.start("np"), m.end("np")
        words = sentence[np_s:head_e].split()
        if any(w.lower() in lex.determiners or w[:1].isdigit() or _is_number_word(w.lower(), lex.num) for w in words):
            continue
        nxt = sentence[head_e:head_e + 20].lstrip()
        if nxt[:1].isalpha() and nxt.split()[0].lower() not in lex.stops and not nxt.lower().startswith("of "):
            continue  # "killed the soldier's brother", "the civilian population": the noun goes on
        if sentence[head_e:head_e + 2] in ("'s", "’s"):
            continue
        span = (m.start("cue"), max(head_e, _victims_phrase(sentence, np_s, lex)[1]))
        if any(a < span[1] and span[0] < b for a, b in taken):
            continue
        outcome = lex.before_outcome[norm_phrase(m.group("cue"))]
        victims_raw = sentence[np_s:span[1]].strip()
        owner = _OWNER.match(victims_raw)
        head_raw = victims_raw[owner.end():] if owner else victims_raw  # "the soldier's brother" is no soldier
        out.append(_one_person(sentence, span, offset, victims_raw, head_raw, outcome, context, lex))
        taken.append(span)
    return out


def _named_objects(sentence: str, found: Sequence[CasualtyMention], context: VictimContext, offset: int,
                   lex: _CasLex) -> list[CasualtyMention]:
    """'the killing of Abu Ali, a local commander', 'killed Omar Haddad, an
    ISIS leader': a name after an outcome cue, then its singular person noun
    (the name's role), is one person of that role. Nothing without the role
    ("killed Friday during a raid", "the death of Assad's rule": no person
    noun) or where a figure is already read. A part (`CasualtyMention.part`):
    it tells who died, not how many; a named commander is often one of a
    toll told elsewhere ("six fighters killed" and "the killing of their
    leader Abu Ali"), so it is no toll of its own to set against one."""
    out: list[CasualtyMention] = []
    taken = [(c.start - offset, c.end - offset) for c in found]
    for m in lex.named_before.finditer(sentence):
        span = (m.start("cue"), m.end("np"))
        if any(a < span[1] and span[0] < b for a, b in taken) or sentence[span[1]:span[1] + 2] in ("'s", "’s"):
            continue
        role = m.group("np")
        if any(w.lower() in lex.determiners or w[:1].isdigit() for w in role.split()):
            continue
        outcome = lex.before_outcome[norm_phrase(m.group("cue"))]
        person = _one_person(sentence, span, offset, sentence[m.start("name"):span[1]], role, outcome, context, lex)
        out.append(replace(person, part=True))
        taken.append(span)
    return out


def _one_person(sentence: str, span: tuple[int, int], offset: int, victims_raw: str, head_raw: str, outcome: str,
                context: VictimContext, lex: _CasLex) -> CasualtyMention:
    """A figure of one person told by a singular noun ("killed a shopkeeper"),
    its victims resolved from `head_raw` (the noun without an owner)."""
    victims, category, side = _resolve_victims(head_raw, context, (), lex)
    return CasualtyMention(
        start=span[0] + offset, end=span[1] + offset, raw=sentence[span[0]:span[1]], victims=victims,
        victims_raw=victims_raw, outcome=outcome, min=1, max=1, qualifier="", category=category, side=side,
    )


_OWNER = regex(r"^.*['’]s?\s+")


def _months(knowledge: Knowledge) -> str:
    """Regex source of the pack's month names and abbreviations."""
    months = knowledge.dates["months"].values()
    return phrase_pattern([n for e in months for n in (*e["names"], *e["abbreviations"])])


_DIGIT_AFTER = regex(r"\s+\d|[:/]\d")


def _is_date_part(sentence: str, q: Quantity, lex: _CasLex) -> bool:
    """Whether a bare number written in digits is part of a date or a clock
    time, not a count: a day after or before a month name ("between April 27 and May
    18 had eliminated three leaders", "on 14 October killed 9"), a time ("17:27 Nine civilians
    killed"), a year after a month or 'in'/'since' ("May 18, 2018"), before
    another number, or before a capitalised word ("AFP 2018 JOHN DOE ...":
    a photo credit's year; a toll of two thousand is written "2,000 people")."""
    if q.qualifier or q.min is None or q.min != q.max or not q.raw.isdigit():
        return False
    if sentence[max(0, q.start - 2):q.start][-1:] in (":", "/") and sentence[max(0, q.start - 2):q.start][:1].isdigit():
        return True   # the minutes of "17:27", the day of "5/18"
    if _DIGIT_AFTER.match(sentence, q.end, q.end + 3) and sentence[q.end:q.end + 1] in (":", "/"):
        return True   # the hour of "17:27"
    head = sentence[max(0, q.start - 24):q.start]
    if 1 <= q.min <= 31 and (lex.day_before.search(head) or lex.month_after.match(sentence, q.end)):
        return True
    if not 1900 <= q.min <= 2100:
        return False
    nxt = sentence[q.end:q.end + 2]
    return bool(lex.year_before.search(head)) or bool(_DIGIT_AFTER.match(sentence, q.end, q.end + 3)) or (
        len(nxt) == 2 and nxt[0].isspace() and nxt[1].isupper())


def _before_cue(sentence: str, q: Quantity, lex: _CasLex, *, after: int = 0, tolls: bool = True) -> tuple[str, bool]:
    """Outcome of a cue right before the figure (and not before `after`, the
    end of the figure already read), and whether it is a weak cue. `tolls`:
    whether the sentence holds a word of `_CasLex.toll_words` (else no toll phrase
    is looked for)."""
    window = sentence[max(0, after, q.start - 60):q.start]
    m = lex.before.search(window)
    if m:
        cue = norm_phrase(m.group("cue"))
        return lex.before_outcome[cue], cue in lex.weak
    if tolls and (lex.toll.search(sentence[max(0, q.start - 140):q.start]) or _toll_who(sentence, q, lex, group=False)):
        return "killed", False
    return "", False


def _object_of_cue(sentence: str, q: Quantity, victims_raw: str, lex: _CasLex) -> bool:
    """'killed a shopkeeper', 'shot dead an old mukhtar': "a" or "an" right
    after a strong outcome verb opens its object, and what is killed, wounded
    or arrested is a person, whatever the noun (unless it names a thing: "a
    day after"). One person, of unknown category."""
    if (q.raw.lower() not in ("a", "an") or _head_is_thing(victims_raw, lex) or len(victims_raw.split()) > 3
            or " of " in f" {victims_raw.lower()} "):
        return False  # "a lot of fighters", "a group of": a measure of a noun we do not know as people
    m = lex.before.search(sentence, max(0, q.start - 60), q.start)
    return m is not None and norm_phrase(m.group("cue")) not in lex.weak


def _active_verb(sentence: str, q: Quantity, after: re.Match[str], np_end: int, lex: _CasLex) -> bool:
    """The outcome word is the verb of an active clause whose object (people)
    follows: the figure before it counts the perpetrators ("two gunmen killed
    a man", "A suicide bomber killed 30 people"), not victims."""
    if lex.passive.search(sentence, np_end, after.start()):
        return False  # "were killed": the figure's people underwent it ("has killed": they did it)
    if not (q.article or after.group("cue")[:1].islower()):
        return False  # headline style: "4 Turkish Troopers Killed 4 Wounded"
    co = lex.coordinated_cue.match(sentence, after.end())  # "executed and crucified nine men": one object
    j = _skip_space(sentence, co.end() if co else after.end())
    nxt = lex.num.regex.match(sentence, j)
    if nxt is not None:
        q2 = _quantity(nxt, lex.num)
        if q2 is None:
            return False
        ns, ne = _victims_phrase(sentence, q2.end, lex)
        vr = sentence[ns:ne].strip()
        if (not vr or norm_phrase(vr) in lex.continuations) and lex.after.match(sentence, _skip_aux(sentence, ne, lex)):
            return False  # "Five killed four injured", "Two children killed 5 others injured": a second figure, not an object
        if nxt.group("art"):  # "killed a man", "killed a shopkeeper"; not "killed a day after"
            return bool(vr) and not _head_is_thing(vr, lex) and (_is_singular(vr, lex) or not _is_person_phrase(vr, lex))
        return True
    ns, ne = _victims_phrase(sentence, j, lex)
    vr = _LEADING_THE.sub("", sentence[ns:ne].strip())
    return bool(vr) and (vr.lower() in lex.object_pronouns or _is_person_phrase(vr, lex))


_LEADING_THE = regex(r"(?i)^the\s+")


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _postmodifier(links: Sequence[str], then: str) -> re.Pattern[str]:
    """A short prepositional phrase after the victims noun (`links`:
    numbers.yaml `postmodifier_links`; the phrase may have taken the
    participle: "fighters affiliated | to the SDF were killed"), then `then`
    (regex source): a passive verb ("a civilian from Deir Ezzor was shot
    dead"), or "and" before the next figure ("a member of a faction
    affiliated to the intelligence service and two of his aides")."""
    return regex(r"[\"”’]?\s*,?\s*" + phrase_pattern(links) + r"\s+(?:[\w'’“”\"-]+\s+){0,6}?" + then)


def _postmodifier_then_figure(sentence: str, np_end: int, lex: _CasLex) -> bool:
    m = lex.postmodifier_and.match(sentence, np_end)
    return m is not None and lex.num.regex.match(sentence, m.end()) is not None


def _own_predicate(sentence: str, np_end: int, pos: int, lex: _CasLex) -> bool:
    """Whether a figure's victims phrase (ending at `np_end`) is followed by
    a verb of its own that is no outcome cue: an auxiliary, then a
    participle ("40 others were displaced", "dozens are missing"), which
    `_skip_aux` stopped at (`pos`), or a verb of `own_predicate_verbs` right
    after it ("eight others experienced breathing difficulties")."""
    if _own_verb_at(sentence, np_end, lex):
        return True
    return lex.verb_auxiliary.search(sentence[np_end:pos]) is not None and lex.participle.match(sentence, pos) is not None


def _own_verb_at(text: str, pos: int, lex: _CasLex) -> bool:
    """Whether a verb of `own_predicate_verbs` opens at `pos` and no outcome
    cue follows it ("suffered burns", "experienced breathing difficulties";
    not "sustained injuries": an outcome)."""
    if lex.own_verb is None:
        return False
    m = lex.own_verb.match(text, pos)
    return m is not None and lex.after.match(text, m.end()) is None


_AND_BEFORE = regex(r"(?i)(?:\band|,)\s*$")
_COORDINATION = regex(r"(?i)[\"”’]?\s*(?:,\s*)?(?:and|as well as|plus|along with)?\s*(?:,\s*)?")


def _distributive(sentence: str, q: Quantity, previous_end: int, *, with_victims: bool = False) -> bool:
    """A figure shares the outcome of the one before it: a bare figure after
    'and' ("killed 45 civilians in Aleppo and 22 in Idlib"), or the next
    figure joined by a bare conjunction ("killed 15 civilians and 27
    fighters", "including four women and six children")."""
    gap = sentence[previous_end:q.start]
    if not with_victims:
        return len(gap) <= 60 and bool(_AND_BEFORE.search(gap))
    return bool(gap.strip()) and bool(_COORDINATION.fullmatch(gap))


def _parallel_place(sentence: str, q: Quantity, previous_end: int, np_end: int, lex: _CasLex) -> bool:
    """A figure told like the one before it at another place, its outcome
    left out ("Two civilians were killed in Kafr Nabl and two civilians in
    Maarat al-Numan"): the previous figure's place, a conjunction, this
    figure's victims and a place of its own that ends the clause ("three
    children in Quneitra said ..." has a verb of its own)."""
    return lex.parallel_gap.fullmatch(sentence, previous_end, q.start) is not None \
        and lex.parallel_place.match(sentence, np_end) is not None


def _companion(sentence: str, q: Quantity, previous: CasualtyMention, offset: int, lex: _CasLex) -> bool:
    """The figure tells people killed with those of the figure right before
    it (numbers.yaml `companion_links` alone between the two: "along with
    three others"; a bare `companion_with` only for the first victim's own:
    "killing a woman with four of her children", not "a soldier with 20
    people standing nearby")."""
    start = previous.end - offset
    if lex.companion.fullmatch(sentence, start, q.start) is not None:
        return True
    return lex.companion_with.fullmatch(sentence, start, q.start) is not None \
        and lex.companion_own.match(sentence, q.end) is not None


_APPOSITIVE_CLOSE = regex(r"\s*[,)\u2013\u2014-]\s*")
_APPOSITIVE_OPEN = regex(r"\s*[,(\u2013\u2014-]?\s*")
_LIST_JOIN = regex(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def _appositive_parts(sentence: str, out: list[CasualtyMention], offset: int, lex: _CasLex) -> None:
    """Figures told right after an exact figure of the same outcome, as a list
    that adds up to it ("Three civilians, two women and a man, were killed";
    "Three civilians (two women and a man)"; a text without its commas: "Three
    civilians two women and a man were killed") are who the whole's victims
    were: parts, no toll of their own; a part of unknown category takes the
    whole's. The sum must match: "12 soldiers, 5 civilians and 7 rebels" is
    three tolls. A share told so ("At least 40 civilians, 11 of them children,
    were killed") is a part too."""
    i = 0
    while i < len(out):
        whole = out[i]
        run: list[int] = []
        end = whole.end
        for j in range(i + 1, len(out)):
            m = out[j]
            gap = sentence[end - offset:m.start - offset]
            if m.outcome != whole.outcome or m.part or m.min is None or m.min != m.max or m.qualifier \
                    or not (_APPOSITIVE_OPEN if not run else _LIST_JOIN).fullmatch(gap):
                break
            run.append(j)
            end = m.end
        if whole.min is not None and whole.min == whole.max and not whole.part and not whole.qualifier \
                and len(run) >= 2 and sum(out[j].min or 0 for j in run) == whole.min \
                and all(out[j].victims != whole.victims and _fits_within(out[j], whole) for j in run):
            for j in run:
                m = out[j]
                out[j] = replace(m, part=True, category=whole.category if m.category == "unknown" else m.category,
                                 side=m.side or (whole.side if m.category == "unknown" else ""))
            i = run[-1] + 1
            continue
        if run and not whole.part and lex.partitive_of.match(out[run[0]].victims_raw) \
                and _fits_within(out[run[0]], whole):
            m = out[run[0]]
            out[run[0]] = replace(m, part=True)
        i += 1


def _fits_within(part: CasualtyMention, whole: CasualtyMention) -> bool:
    """Whether a list item can be part of the whole its list hangs from: not
    of another known category, not more than the whole."""
    if part.category != whole.category and "unknown" not in (part.category, whole.category):
        return False
    return whole.max is None or part.min is None or part.min <= whole.max


def _in_list(sentence: str, q: Quantity, previous_end: int) -> bool:
    """The figure goes on the list the one before it is an item of: joined
    by a bare conjunction or a comma ("including a child and a woman",
    "including two children, three women"), not by a comma and a conjunction,
    which close the list ("eight civilians, including six children, and 18
    combatants")."""
    gap = sentence[previous_end:q.start]
    return bool(gap.strip()) and bool(_COORDINATION.fullmatch(gap)) and not (
        "," in gap and gap.strip(" ,").strip())


def _including(sentence: str, q: Quantity, lex: _CasLex) -> bool:
    """A subset lead (numbers.yaml `subset_leads`) right before the figure."""
    return bool(lex.including.search(sentence[max(0, q.start - 20):q.start]))


_PLACE_AFTER = regex(r"\s+(?:in|at)\s+[A-Z]")
_PLACE_GAP = regex(r"\s+(?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s*(?:,\s*|and\s+)?$")


def _place_list(sentence: str, q: Quantity, previous_end: int) -> bool:
    """A bare figure in a list of per-place tolls ("150 bodies were counted in
    Hammouriya 100 in Kfar Batna 67 in Saqba"): a place phrase ends the gap
    before it and another follows it."""
    gap = sentence[previous_end:q.start]
    return len(gap) <= 60 and bool(_PLACE_GAP.search(gap)) and bool(_PLACE_AFTER.match(sentence, q.end))
_CORE_CUT = regex(r"(?i)\s+of\s+.*$")
_LEADING_OF = regex(r"(?i)^of\s+(?:(?:the|its|their|our|his|her|those|these)\s+)?")
_POSTMODIFIER = regex(r"\s+[a-z][a-z-]*(?:ing|ed)\b.*$")  # "members wearing uniforms", "fighters stationed ..."
_POSSESSIVE = regex(r"['’]s?$")


def _core(phrase: str, lex: _CasLex | None = None) -> str:
    """The noun phrase before its complements: 'ISIS members wearing
    uniforms' -> 'ISIS members', 'members of the SDF' -> 'members', 'of its
    commanders Qasim Halabouni' -> 'commanders Qasim Halabouni'. Given the
    lexicon, a word in -ing or -ed that modifies a thing noun after it is no
    postmodifier: 'Daesh fighting positions', 'ISIS armoured vehicles' keep
    their head (`_prenominal_thing`)."""
    core = _CORE_CUT.sub("", _LEADING_OF.sub("", phrase.strip()))
    m = _POSTMODIFIER.search(core)
    if m is None or (lex is not None and _prenominal_thing(core, m.start(), lex)):
        return core
    return core[:m.start()]


def _counts_things(phrase: str, lex: _CasLex) -> bool:
    """A victims phrase of a plural count whose -ing/-ed word modifies a
    thing noun after it even with a singular person noun before it ("four
    rebel firing positions": with more than one, "rebel" modifies)."""
    if "ing" not in phrase and "ed" not in phrase:
        return False
    core = _CORE_CUT.sub("", _LEADING_OF.sub("", phrase.strip()))
    m = _POSTMODIFIER.search(core)
    return m is not None and _prenominal_thing(core, m.start(), lex, singular_heads=False)


_THING_REACH = 3  # a prenominal -ing/-ed modifier stands at most this many words before its thing noun


def _prenominal_thing(core: str, at: int, lex: _CasLex, *, singular_heads: bool = True) -> bool:
    """Whether the word in -ing or -ed that opens at `at` (after its space)
    in a victims phrase's core modifies a thing noun after it (actors.yaml
    `things`), not a person noun before it: "13 Daesh fighting positions",
    "four ISIS armoured vehicles", "booby-trapped cars" ('<count> <group>
    <modifier>* <thing>'), not "ISIS fighters manning checkpoints" (a
    person noun before it is the head, the participle its postmodifier).
    `singular_heads`: whether a singular person noun before it may be the
    head ("a policeman guarding checkpoints"); a plural count makes it a
    modifier ("four rebel firing positions")."""
    before = [w.strip("\"'()“”").lower() for w in core[:at].split()]
    for w in before:
        if w in lex.generic_nouns and (singular_heads or w not in lex.singular):
            return False   # a person noun: the head the participle follows
    after = [w.strip("\"'()“”,").lower() for w in core[at:].split()][1:1 + _THING_REACH]
    for i, w in enumerate(after):
        if w in lex.determiners:
            return False   # "hilltops overlooking the areas": a verb and its object, no modifier
        if w in lex.things or (i + 1 < len(after) and f"{w} {after[i + 1]}" in lex.things):
            return True
        if w in lex.generic_nouns:
            return False
    return False


def _core_words(phrase: str, lex: _CasLex) -> tuple[str, ...]:
    """The words of the phrase's core and its two-word runs ("young man"),
    lower case, possessives dropped, last first (memoised: victims phrases
    recur)."""
    got = lex.core_memo.get(phrase)
    if got is None:
        got = lex.core_memo.put(phrase, _core_words_of(phrase, lex))
    return got  # type: ignore[no-any-return]


def _core_words_of(phrase: str, lex: _CasLex) -> tuple[str, ...]:
    words = [_POSSESSIVE.sub("", w) for w in _core(phrase, lex).lower().replace("“", " ").replace("”", " ").split()]
    words = [w.strip("\"'()") for w in words if w.strip("\"'()")]
    out = []
    for i in range(len(words) - 1, -1, -1):
        if i + 1 < len(words):
            out.append(words[i] + " " + words[i + 1])
        out.append(words[i])
    return tuple(out)


def _head_is_thing(phrase: str, lex: _CasLex) -> bool:
    return any(w in lex.things for w in _core_words(phrase, lex))


def _is_singular(phrase: str, lex: _CasLex) -> bool:
    """The person noun of the phrase is singular ("a regime soldier", "his
    escort"; not "a few fighters")."""
    for w in _core_words(phrase, lex):
        if w in lex.singular:
            return True
        if w in lex.generic_nouns:
            return False
    return False


def _is_person_phrase(phrase: str, lex: _CasLex) -> bool:
    """The phrase's head names people: a generic victims noun ("soldiers",
    "a woman"), an actor ("ISIS", "Syrian Arab Army and NDF"), a group
    anaphor ("the terrorist group") or a partitive pronoun ("of them") --
    never a thing ("army positions")."""
    got = lex.person_memo.get(phrase)
    if got is None:
        got = lex.person_memo.put(phrase, _person_phrase(phrase, lex))
    return got  # type: ignore[no-any-return]


def _person_phrase(phrase: str, lex: _CasLex) -> bool:
    if lex.partitive.match(phrase.strip()) or lex.group_anaphor.search(phrase):
        return True
    words = _core_words(phrase, lex)
    if not words or any(w in lex.things for w in words):
        return False
    if any(w in lex.generic_nouns for w in words):
        return True
    core = _core(phrase).rstrip(" \"”’'")
    return any(a.end >= len(core) for a in phrase_actors(core, knowledge=lex.knowledge))


def _mention(sentence: str, q: Quantity, np_start: int, np_end: int, outcome: str, context: VictimContext,
             previous: Sequence[CasualtyMention], offset: int, lex: _CasLex,
             cue_end: int | None = None, part: bool = False, group_raw: str = "") -> CasualtyMention:
    victims_raw = sentence[np_start:np_end].strip() or group_raw
    victims, category, side = _resolve_victims(victims_raw, context, previous, lex)
    if category != "unknown" and victims_raw and _OTHERS.match(victims_raw) and lex.majority is not None:
        most = lex.majority.match(sentence, np_end)
        got = generic_group(most.group("who"), knowledge=lex.knowledge) if most else None
        if got is not None and lex.categories.get(got[1], "unknown") != category:
            # "20 others, mostly soldiers" after 12 civilians: not more of those; of both, unknown
            victims, category, side = "people", "unknown", ""
    if category == "unknown" and lex.rejoined is not None and victims_raw and lex.former.search(victims_raw) \
            and lex.rejoined.match(sentence, np_end):
        # "five former soldiers who now fight with the rebels": combatants again
        victims, category, side = _victims_category(victims_raw, context, previous, lex)
    if category != "combatants" and victims_raw and lex.identity is not None:
        # "an Iraqi refugee, who was accused of being an ISIS commander": counted as what he was said to be
        victims, category, side = _said_to_be(sentence, np_end, lex) or (victims, category, side)
    if victims in lex.women and context.women_unit and victims_raw:
        # "... carrying three members of the YPJ. One woman was killed": one of them
        victims, category, side = context.women_unit[0], "combatants", context.women_unit[1]
    if category == "combatants" and victims_raw and not side:
        victims, side = _affiliated(sentence, np_start, np_end, lex) or (victims, side)
    if category == "combatants" and victims_raw and not side:
        side = _backer_side(victims_raw, lex)
    if category == "combatants" and victims_raw and not side and cue_end is not None:
        victims, side = _site_owner(sentence, cue_end, lex) or (victims, side)
    end = max(np_end, cue_end or np_end)
    return CasualtyMention(
        start=q.start + offset,
        end=end + offset,
        raw=sentence[q.start:end],
        victims=victims,
        victims_raw=victims_raw,
        outcome=outcome,
        min=q.min,
        max=q.max,
        qualifier=q.qualifier,
        category=category,
        side=side,
        part=part,
    )


def _identity_pattern(links: Sequence[str]) -> re.Pattern[str] | None:
    """actors.yaml `identity_links` right after a victims phrase, a quote mark
    allowed between their words ("accused of “being"), then the phrase
    (`who`) up to the next punctuation, at most six words."""
    if not links:
        return None
    alts = "|".join(r"\s+[\"“‘]?".join(re.escape(w) for w in link.split()) for link in sorted(links, key=len, reverse=True))
    return regex(r"(?i)[\"”’]?\s*,?\s*(?:who\s+(?:is|was|are|were|has\s+been|had\s+been|have\s+been)\s+)?(?:"
                 + alts + r")\s+[\"“‘]?(?P<who>[^,.;:()\"“”‘’]{1,80}?)(?=\s*(?:[,.;:()\"“”‘’]|$))")


def _said_to_be(sentence: str, np_end: int, lex: _CasLex) -> tuple[str, str, str] | None:
    """(victims, "combatants", side) when an identity link right after the
    victims phrase names combatants of an armed side ("..., who was accused
    of being an ISIS commander" -> ISIS, jihadist); else None."""
    m = lex.identity.match(sentence, np_end) if lex.identity is not None else None
    if m is None or len(m.group("who").split()) > 6:
        return None
    if lex.affiliation_break.search(m.group("who")) or not lex.cue_words.isdisjoint(norm_phrase(m.group("who")).split()):
        return None  # "..., said to be killed by ISIS members": who killed them, not who they were
    victims, category, side = _victims_category(m.group("who").strip(), VictimContext(), (), lex)
    return (victims, category, side) if category == "combatants" and side else None


_AFFILIATION_REACH = 30  # the link opens at most this far after the victims phrase (its last words may be the link's)


def _affiliated(sentence: str, np_start: int, np_end: int, lex: _CasLex) -> tuple[str, str] | None:
    """(actor, side) named right after an affiliation link that follows the
    victims phrase ("two members of X operating under the banner of the
    National Army" -> Turkish-backed factions), or None: the link within a
    few words of the phrase's end, the actor opening what follows it. Read
    only for combatants whose phrase names no actor of a known side."""
    m = lex.affiliation.search(sentence, np_start, min(len(sentence), np_end + _AFFILIATION_REACH))
    if m is None:
        return None
    gap = sentence[np_end:m.start()]
    if gap.strip() and (lex.affiliation_break.search(gap) or not lex.cue_words.isdisjoint(norm_phrase(gap).split())):
        return None  # "two fighters killed by men loyal to X": X is the killers' side, not theirs
    rest = sentence[m.end():m.end() + 60]
    actors = phrase_actors(rest, knowledge=lex.knowledge)
    if not actors or actors[0].start > 0 or not actors[0].side:
        return None
    return actors[0].name, actors[0].side


def _site_owner(sentence: str, cue_end: int, lex: _CasLex) -> tuple[str, str] | None:
    """(actor, side) of the site where the figure's people were killed,
    right after its outcome cue ("were killed in military positions hosting
    air defence batteries" -> Syrian Arab Army; "at a base belonging to the
    SDF"), or None."""
    m = lex.site.match(sentence, cue_end) if lex.site is not None else None
    if m is None:
        return None
    rest = sentence[m.end():m.end() + 60]
    actors = phrase_actors(rest, knowledge=lex.knowledge)
    if actors and actors[0].start == 0 and actors[0].side:
        return actors[0].name, actors[0].side
    for rx, owner, side in lex.assets:
        if side and rx.match(rest) is not None:
            return owner, side
    return None


def _backer_side(victims_raw: str, lex: _CasLex) -> str:
    """The side of the backer a combatants' phrase names ("members of the
    Russian-backed “8th Brigade”" -> russia), '' when none: the backer word
    ("Russian", "Iran") read as the actor its forces are ("Russian forces")."""
    m = lex.backer.search(victims_raw)
    if m is None:
        return ""
    actors = phrase_actors(lex.backer_forces.format(backer=m.group("backer")), knowledge=lex.knowledge)
    return actors[0].side if actors and actors[0].start == 0 else ""


_OTHERS = regex(r"(?i)^(?:others?|other\s+\w+|more(?:\s+\w+)?|another|an?\s+other|the\s+others?|others\s+\w+|"
                r"of\s+(?:them|those|whom|these|us))$")


# a name written in mixed case ('“25th special forces Division”'): capitalising each word's first letter
# gives the spelling the pack knows; one capital per word never makes an acronym (IS, TIP)
_MIXED_CASE_NAME = regex(r"[A-Z]")  # a capital: a name may be written there
_CAPITALISE = regex(r"(?<![\w'’-])[a-z]")


def _names_no_group(victims_raw: str, lex: _CasLex) -> bool:
    """An 'others' phrase that names no victims group of its own ("others",
    "five more", "of them"; not "four other civilians": civilians)."""
    generic = generic_group(victims_raw, knowledge=lex.knowledge)
    return generic is None or generic[0] == "people"


def _resolve_victims(victims_raw: str, context: VictimContext, previous: Sequence[CasualtyMention],
                     lex: _CasLex) -> tuple[str, str, str]:
    """(victims, category, side): the canonical victims group, its UCDP
    category and, for combatants of a known actor, the actor's side. Former
    members ("former fighters", "ex-ISIS members") are of no side: unknown."""
    victims, category, side = _victims_category(victims_raw, context, previous, lex)
    if category == "combatants" and victims_raw and lex.former.search(victims_raw):
        return victims, "unknown", ""
    if category == "combatants" and victims_raw and lex.side_changers.search(victims_raw):
        return "combatants", "combatants", ""   # "a dissident officer": a fighter of no known side, no army's soldier
    if victims_raw and _mixed_groups(victims_raw, lex):
        return "people", "unknown", ""   # "guards, employees and members of the NDF": of several categories
    return victims, category, side


_LIST_SPLIT = regex(r"\s*,\s*(?:and\s+)?|\s+(?:and|as\s+well\s+as)\s+")


def _list_items(phrase: str, lex: _CasLex) -> list[str]:
    """The groups a coordinated victims phrase names, split at commas and
    conjunctions, and at two plural person nouns side by side (a list whose
    commas the copy lost: "security guards employees"); one item when it
    names one group ("Syrian soldiers", "women fighters", "police officers")."""
    items = []
    for item in _LIST_SPLIT.split(phrase.strip()):
        core = _CORE_CUT.sub("", item)
        words = core.split()
        cut = 0
        for i in range(1, len(words)):
            a, b = words[i - 1].lower().strip(",\"“”"), words[i].lower().strip(",\"“”")
            if (a in lex.generic_nouns and b in lex.generic_nouns and f"{a} {b}" not in lex.generic_nouns
                    and a not in lex.singular and b not in lex.singular and a not in lex.subgroups):
                items.append(" ".join(words[cut:i]))
                cut = i
        items.append(" ".join(words[cut:]) + item[len(core):] if cut else item)
    return [i for i in items if i.strip()]


def _mixed_groups(phrase: str, lex: _CasLex) -> bool:
    """The victims phrase lists groups of different categories ("fighters
    and civilians", "security guards, employees and members of the NDF",
    "soldiers and collaborators"): each item a person phrase, their
    categories not all one; an item of the generic `people` group ("drivers",
    "elderly men") names no category. A list with an item that names no
    people ("pro-regime and anti-regime fighters", "his family") is read as
    before."""
    if " and " not in phrase and "," not in phrase and " as well as " not in phrase and len(phrase.split()) < 2:
        return False
    items = _list_items(phrase, lex)
    if len(items) < 2:
        return False
    cats = set()
    for item in items:
        if not _is_person_phrase(item, lex) or _head_is_thing(item, lex):
            return False
        group, category, _ = _victims_category(item, VictimContext(), (), lex)
        if group != "people":   # "volunteers and drivers": a noun of no group says nothing of the list's category
            cats.add(category)
    return len(cats) > 1


def _coordinated_end(sentence: str, q: Quantity, np_end: int, lex: _CasLex) -> int:
    """End of a list of victims groups that goes on after the victims phrase
    ending at `np_end` ("40 police officers, teachers and members of the
    NDF"): bare person noun phrases (no count, no determiner, a person noun
    last before any complement) joined by commas or "and", the last by
    "and"; np_end when none does. An item followed by a verb of its own
    ("and civilians fled", "and medics said") opens another clause."""
    end = np_end
    pos = np_end
    for _ in range(4):
        join = _LIST_JOIN.match(sentence, pos)
        if join is None:
            break
        at = join.end()
        first = _WORD_RUN.match(sentence, at)
        if first is None or first.group(0).lower() in lex.determiners or lex.num.regex.match(sentence, at):
            break
        ns, ne = _victims_phrase(sentence, at, lex)
        item = sentence[ns:ne].strip()
        if not item or not _is_person_phrase(item, lex) or _head_is_thing(item, lex):
            break
        core = _CORE_CUT.sub("", item).split()
        last = core[-1].lower().strip("\"“”") if core else ""
        if last not in lex.generic_nouns and not phrase_actors(" ".join(core), knowledge=lex.knowledge):
            break   # "soldiers took control": a clause, not a noun
        nxt = _TOKEN.match(sentence, _skip_space(sentence, ne))
        word = nxt.group(0).lower() if nxt is not None and nxt.start() == _skip_space(sentence, ne) else ""
        if word and word not in lex.stops and not (
                (lex.verb_auxiliary.match(sentence, nxt.start()) or lex.after.match(sentence, ne))
                and not _before_cue(sentence, q, lex)[0]):
            break   # "killed 12 fighters and civilians fled", "... and civilians were wounded": the item's own clause
        pos = ne
        if "and" in join.group(0) or "as well as" in join.group(0):
            end = ne
    return end


def _victims_category(victims_raw: str, context: VictimContext, previous: Sequence[CasualtyMention],
                      lex: _CasLex) -> tuple[str, str, str]:
    continues = not victims_raw or (_OTHERS.match(victims_raw) is not None and _names_no_group(victims_raw, lex))
    if continues and previous:
        if len({q.category for q in previous}) > 1:
            return "people", "unknown", ""  # "40 civilians 25 fighters killed 110 injured": of both, unknown
        p = previous[-1]
        if p.victims in lex.subgroups and not (victims_raw and lex.partitive_of.match(victims_raw)):
            # "two children killed and 5 others injured", "a woman was killed while seven were
            # injured": others are anyone else
            return "people", "unknown", ""
        return p.victims, p.category, p.side
    if victims_raw and continues and context.previous_figure:
        if context.previous_figure[0] in lex.subgroups and not lex.partitive_of.match(victims_raw):
            return "people", "unknown", ""
        return context.previous_figure  # "... 40 civilians were killed. At least 110 others were injured."
    knowledge = lex.knowledge
    actors = phrase_actors(victims_raw, knowledge=knowledge) if victims_raw else ()
    if not actors and victims_raw and _MIXED_CASE_NAME.search(victims_raw):
        actors = phrase_actors(_CAPITALISE.sub(lambda m: m.group(0).upper(), victims_raw), knowledge=knowledge)
    if actors:
        a = actors[0]
        category = lex.categories.get(a.kind, "unknown")
        generic = generic_group(victims_raw, knowledge=knowledge)
        if generic is not None and lex.categories.get(generic[1]) == "civilians":
            category = "civilians"  # "Syrian civilians", "Kurdish children"
        return a.name, category, a.side if category == "combatants" else ""
    if lex.group_anaphor.search(victims_raw) and context.last_group:
        side = actor_sides(knowledge).get(context.last_group, "")
        return context.last_group, "combatants", side
    generic = generic_group(victims_raw, knowledge=knowledge) if victims_raw else None
    of = lex.members_of.search(victims_raw) if generic is not None else None
    if of is not None:  # "members of the local police": the group they are members of
        if lex.communities.search(of.group("of")):
            return "people", "unknown", ""  # "a member of the clan": no armed group's man
        generic = generic_group(of.group("of"), knowledge=knowledge) or generic
    if (generic is None or generic[0] == "people") and _civilian_list_item(victims_raw, context):
        return context.previous_figure  # "killed 40 civilians, as follows: • Idlib city: 25 people"
    if generic is None:
        return "people", "unknown", ""
    group, kind = generic
    category = lex.categories.get(kind, "unknown")
    for pool in (context.targets, context.previous_targets):
        for name, actor_kind in pool:
            if actor_kind == kind:
                return name, category, actor_sides(knowledge).get(name, "") if category == "combatants" else ""
    return group, category, ""


def _civilian_list_item(victims_raw: str, context: VictimContext) -> bool:
    """An item of a list whose header (the figure told last) counts
    civilians, told of people with no group of their own ("... 40 civilians,
    as follows: • Idlib city: 25 people"): the header's civilians."""
    return bool(victims_raw and context.list_outcome and context.previous_figure
                and context.previous_figure[1] == "civilians")


def _zero_mentions(sentence: str, context: VictimContext, offset: int, lex: _CasLex) -> list[CasualtyMention]:
    """'did not report any casualties' -> a figure of 0 for the target in context."""
    if lex.zero_any.search(sentence) is None:
        return []
    out = []
    for rx, outcome in lex.zero:
        for m in rx.finditer(sentence):
            victims = ""
            for pool in (context.targets, context.previous_targets):
                if pool:
                    victims = pool[0][0]
                    break
            out.append(CasualtyMention(
                start=m.start() + offset, end=m.end() + offset, raw=m.group(0), victims=victims or "people",
                victims_raw="", outcome=outcome, min=0, max=0, qualifier="none",
            ))
    return out
