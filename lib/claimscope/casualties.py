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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .actors import generic_group, phrase_actors
from .knowledge import Knowledge, Memo
from .resources import case_variants, norm_phrase, phrase_pattern, regex, trie_pattern

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


@dataclass(frozen=True)
class VictimContext:
    """What generic victims can be resolved to: the targets named in the
    sentence and in the one before it (canonical actor, kind), and the armed
    group named last in the document (for "the terrorist group")."""

    targets: tuple[tuple[str, str], ...] = ()
    previous_targets: tuple[tuple[str, str], ...] = ()
    last_group: str = ""


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
    pattern = (
        rf"(?<![\w.,-])(?:(?P<qual>{quals})\s+)?"
        rf"(?:(?P<range>{rng})|(?P<vague>{vagues})|(?P<num>{num})|(?P<art>{arts}))(?![\w-])"
    )
    return _NumLex(units, tens, scales, vague, qualifiers, articles, regex(pattern))


def _number_value(text: str, lex: _NumLex) -> int | None:
    """Integer value of a digit or number-word phrase ("1,300", "twenty-one",
    "two hundred and fifty"), None when it is not one."""
    t = text.lower().replace(",", "").strip()
    if t.isdigit():
        return int(t)
    total, current = 0, 0
    seen = False
    for w in re.split(r"[\s-]+", t):
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
    qual_raw = (m.group("qual") or "").strip()
    qual_kind = lex.qualifiers.get(" ".join(qual_raw.lower().split()), "") if qual_raw else ""
    raw = m.group(0)
    if m.group("range"):
        lo, hi = _number_value(m.group("lo"), lex), _number_value(m.group("hi"), lex)
        if lo is None or hi is None or hi < lo:
            n = _number_value(m.group("range"), lex)  # "twenty-one", "two hundred and fifty"
            if n is None:
                return None
            lo, hi = _bounds(n, qual_kind)
            return Quantity(m.start() + offset, m.end() + offset, raw, lo, hi, qual_raw)
        return Quantity(m.start() + offset, m.end() + offset, raw, lo, hi, qual_raw or "between")
    if m.group("vague"):
        word = " ".join(m.group("vague").lower().split())
        lo, hi = lex.vague[word]
        if qual_kind == "gt" and lo is not None:  # "over a dozen" -> 13+
            lo, hi = (hi or lo) + 1, None
        label = f"{qual_raw} {m.group('vague')}".strip() if qual_raw else m.group("vague")
        return Quantity(m.start() + offset, m.end() + offset, raw, lo, hi, label)
    if m.group("art"):
        if qual_raw:
            return None
        return Quantity(m.start() + offset, m.end() + offset, raw, 1, 1, "", article=True)
    n = _number_value(m.group("num"), lex)
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
    weak: frozenset[str]
    toll: re.Pattern[str]
    non_person: re.Pattern[str]
    np_stop: re.Pattern[str]
    zero: tuple[tuple[re.Pattern[str], str], ...]
    zero_any: re.Pattern[str]  # union of the zero lexicons: one search rules all three out
    trigger: re.Pattern[str]
    stops: frozenset[str]  # np_stop's words, for a set lookup on ASCII words
    num: _NumLex
    knowledge: Knowledge  # for the actor tables victims phrases are resolved with
    person_memo: Memo  # victims phrase -> names people?


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
    aux = phrase_pattern([*d["auxiliaries"], *d["outcome_adverbs"]])
    toll_links = phrase_pattern(d["toll_links"])
    stops = list(d["victims_phrase_stops"])
    zero = []
    for key, outcome in (("zero_casualties", "killed_or_injured"), ("zero_killed", "killed"), ("zero_injured", "injured")):
        zero.append((regex(phrase_pattern(lex[key])), outcome))
    trig_words = list(after_outcome) + list(before_outcome) + ["toll"]
    zero_words: list[str] = []
    for key in ("zero_casualties", "zero_killed", "zero_injured"):
        trig_words += lex[key]
        zero_words += lex[key]
    return _CasLex(
        after=regex(r"\s*(?:\(\w+\)\s*)?" + phrase_pattern(after_outcome, group="cue")),
        before=regex(phrase_pattern(before_outcome, group="cue") + r"\s+(?:the\s+|some\s+)?$"),
        after_outcome=after_outcome,
        before_outcome=before_outcome,
        aux=regex(r"\s*(?:" + aux + r"|(?i:[a-z]+ly)(?<!(?i:on)ly)(?<!(?i:fami)ly)(?<!(?i:ita)ly))(?=\W|$)"),
        aside=regex(r"\s*(?:[,(–—-]+\s*)?" + phrase_pattern(d["asides"]) + r"[^.;:()–—]{0,60}?(?:[,)–—-]+\s*)?(?="
                         + r"\s*(?:" + aux + r"|" + phrase_pattern(after_outcome) + r"))"),
        weak=frozenset(weak),
        toll=regex(r"(?i)(?:\btoll\b|\bnumber of (?:dead|deaths|people killed|victims|fatalities|martyrs)\b|"
                        r"\bnumber (?:killed|dead)\b)[^.;]{0,80}?(?:" + toll_links + r")\s+$"),
        non_person=regex(r"\s*" + phrase_pattern(d["non_person_units"])),
        np_stop=regex(r"(?i)^(?:" + "|".join(stops) + r")$"),
        zero=tuple(zero),
        zero_any=regex(phrase_pattern(zero_words)),
        trigger=regex(phrase_pattern(trig_words)),
        stops=frozenset(stops),
        num=knowledge.derived(_build_numlex),
        knowledge=knowledge,
        person_memo=Memo(),
    )


_WORD = regex(r"\(?[\w'’.-]+\)?|[^\w\s]")
_TRAILING_FILLER = regex(r"(?i)(?:\s+(?:of|the|and))+\s*$")


def _victims_phrase(text: str, pos: int, lex: _CasLex) -> tuple[int, int]:
    """Span of the victims noun phrase starting at `pos` (may be empty)."""
    end = pos
    i = pos
    n_words = 0
    while n_words < 8:
        while i < len(text) and text[i].isspace():
            i += 1
        m = _WORD.match(text, i)
        if m is None:
            break
        w = m.group(0)
        bare = w.strip("()").lower()
        if not (w[0].isalnum() or w.startswith("(")) or (
                bare in lex.stops if bare.isascii() else lex.np_stop.match(bare) is not None):
            if bare == "of" or (bare == "and" and _next_is_name(text, m.end())):
                i = m.end()
                continue
            break
        if lex.aux.match(" " + w) or lex.after.match(text, m.start()) or w[0].isdigit() or (n_words and _is_number_word(bare, lex.num)):
            break
        n_words += 1
        i = m.end()
        end = i
        if w.endswith(".") and w.count(".") == 1:  # "terrorists." ends the sentence, "U.S." does not
            end -= 1
            break
    phrase = text[pos:end]
    trimmed = _TRAILING_FILLER.sub("", " " + phrase)[1:]  # "14 of the dead"
    return pos, pos + len(trimmed)


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
                    offset: int = 0) -> list[CasualtyMention]:
    """Casualty figures in `sentence`; offsets are shifted by `offset`."""
    lex = knowledge.derived(_build_caslex)
    if not lex.trigger.search(sentence):
        return []
    out: list[CasualtyMention] = []
    main: list[CasualtyMention] = []  # figures that are not subsets ("including two women")
    pending: list[tuple[Quantity, int, int]] = []  # figures waiting for a shared outcome ("9 soldiers and 5 militants were killed")
    last_outcome = ""
    consumed = -1  # end of the last figure's victims phrase: quantities inside it are part of it
    for q in _find_quantities(sentence, lex.num):
        if q.end <= consumed or _is_year(sentence, q):
            continue
        np_start, np_end = _victims_phrase(sentence, q.end, lex)
        victims_raw = sentence[np_start:np_end].strip()
        if lex.non_person.match(sentence, q.end):
            pending.clear()
            continue
        if victims_raw and not _is_person_phrase(victims_raw, lex):
            if q.article or not _before_cue(sentence, q, lex):
                pending.clear()
                continue
            victims_raw = ""  # "killed 5 in Aleppo" style: no victims noun
            np_end = q.end
        if q.article and not victims_raw:
            if q.raw.lower() != "another":
                continue
        aside = lex.aside.match(sentence, np_end)
        pos = _skip_aux(sentence, aside.end() if aside else np_end, lex)
        after = lex.after.match(sentence, pos)
        before, weak = _before_cue(sentence, q, lex, after=out[-1].end - offset if out else 0)
        if weak and not victims_raw:
            before = ""
        outcome = ""
        cue_end = np_end
        if after and _active_verb(sentence, q, after, np_end, lex):
            after = None  # "A suicide bomber killed 30 people": the bomber is not a victim
        if after and not (before and not _has_auxiliary(sentence[np_end:after.start()])):
            outcome = lex.after_outcome[norm_phrase(after.group("cue"))]
            cue_end = after.end()
        elif before:
            outcome = before
        elif _including(sentence, q) and last_outcome:
            outcome = last_outcome
        elif main and not victims_raw and _distributive(sentence, q, main[-1].end - offset):
            outcome = main[-1].outcome  # "killed 45 civilians in Aleppo and 22 in Idlib"
        subset = _including(sentence, q)
        if not outcome:
            tail = sentence[np_end:np_end + 12].lstrip().lower()
            if victims_raw and tail.startswith(("and", ",", "including", "among them", "mostly", "most of them")):
                pending.append((q, np_start, np_end))
            else:
                pending.clear()
            continue
        for pq, ps, pe in pending:
            mention = _mention(sentence, pq, ps, pe, outcome, context, main, offset, lex)
            out.append(mention)
            if not _including(sentence, pq):
                main.append(mention)
        pending.clear()
        mention = _mention(sentence, q, np_start, np_end, outcome, context, main, offset, lex, cue_end=cue_end)
        out.append(mention)
        consumed = np_end
        if not subset:
            main.append(mention)
        last_outcome = outcome
    out.extend(_zero_mentions(sentence, context, offset, lex))
    return sorted(out, key=lambda c: (c.start, c.outcome))


_YEAR_CONTEXT = regex(r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{0,2},?\s*$|\b(?:in|since|of|year)\s+$")


_SPACE_DIGIT = regex(r"\s+\d")


def _is_year(sentence: str, q: Quantity) -> bool:
    """A bare 19xx/20xx after a month name or 'in'/'since' is a year, not a count."""
    if q.qualifier or not (q.min == q.max and q.min is not None and 1900 <= q.min <= 2100):
        return False
    return bool(_YEAR_CONTEXT.search(sentence[max(0, q.start - 16):q.start])) or bool(
        _SPACE_DIGIT.match(sentence, q.end, q.end + 3))


def _before_cue(sentence: str, q: Quantity, lex: _CasLex, *, after: int = 0) -> tuple[str, bool]:
    """Outcome of a cue right before the figure (and not before `after`, the
    end of the figure already read), and whether it is a weak cue."""
    window = sentence[max(0, after, q.start - 60):q.start]
    m = lex.before.search(window)
    if m:
        cue = norm_phrase(m.group("cue"))
        return lex.before_outcome[cue], cue in lex.weak
    if lex.toll.search(sentence[max(0, q.start - 140):q.start]):
        return "killed", False
    return "", False


def _active_verb(sentence: str, q: Quantity, after: re.Match[str], np_end: int, lex: _CasLex) -> bool:
    """The outcome word is the verb of an active clause whose object follows."""
    if _has_auxiliary(sentence[np_end:after.start()]):
        return False
    if not (q.article or after.group("cue")[:1].islower()):
        return False  # headline style: "4 Turkish Troopers Killed 4 Wounded"
    nxt = lex.num.regex.match(sentence, after.end() + 1) if after.end() < len(sentence) else None
    return nxt is not None and not nxt.group("art")


_AUXILIARY = regex(r"(?i)\b(?:were|was|are|is|have|has|had|been|be)\b")


def _has_auxiliary(gap: str) -> bool:
    return bool(_AUXILIARY.search(gap))


_AND_BEFORE = regex(r"(?i)(?:\band|,)\s*$")
_INCLUDING = regex(r"(?i)\b(?:including|among them|of them|of whom)\s+$")


def _distributive(sentence: str, q: Quantity, previous_end: int) -> bool:
    """A bare figure after 'and' shortly after the previous one shares its outcome."""
    gap = sentence[previous_end:q.start]
    return len(gap) <= 60 and bool(_AND_BEFORE.search(gap))


def _including(sentence: str, q: Quantity) -> bool:
    return bool(_INCLUDING.search(sentence[max(0, q.start - 20):q.start]))


def _is_person_phrase(phrase: str, lex: _CasLex) -> bool:
    got = lex.person_memo.get(phrase)
    if got is None:
        k = lex.knowledge
        got = lex.person_memo.put(phrase, bool(phrase_actors(phrase, knowledge=k)) or generic_group(phrase, knowledge=k)
                                  is not None or _is_group_anaphor(phrase))
    return got  # type: ignore[no-any-return]


_GROUP_ANAPHOR = regex(r"(?i)\bthe\s+(?:\w+\s+)?(?:group|organi[sz]ation|faction|militia)\b")


def _is_group_anaphor(phrase: str) -> bool:
    return bool(_GROUP_ANAPHOR.search(phrase))


def _mention(sentence: str, q: Quantity, np_start: int, np_end: int, outcome: str, context: VictimContext,
             previous: Sequence[CasualtyMention], offset: int, lex: _CasLex,
             cue_end: int | None = None) -> CasualtyMention:
    victims_raw = sentence[np_start:np_end].strip()
    victims = _resolve_victims(victims_raw, context, previous, lex.knowledge)
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
    )


_OTHERS = regex(r"(?i)^(?:others?|other\s+\w+|more|another|an?\s+other|the\s+others?|others\s+\w+)$")


def _resolve_victims(victims_raw: str, context: VictimContext, previous: Sequence[CasualtyMention],
                     knowledge: Knowledge) -> str:
    if (not victims_raw or _OTHERS.match(victims_raw)) and previous:
        return previous[-1].victims
    actors = phrase_actors(victims_raw, knowledge=knowledge) if victims_raw else ()
    if actors:
        return actors[0].name
    if _is_group_anaphor(victims_raw) and context.last_group:
        return context.last_group
    generic = generic_group(victims_raw, knowledge=knowledge) if victims_raw else None
    if generic is None:
        return "people"
    group, kind = generic
    for pool in (context.targets, context.previous_targets):
        for name, actor_kind in pool:
            if actor_kind == kind:
                return name
    return group


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
