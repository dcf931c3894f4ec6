"""Who a sentence's claim is attributed to, and how firmly it is put.

Attribution frames, in order of precedence:
  "according to X"; "X quoted Y as saying" (Y speaks); "X said/reported/
  claimed ... that"; sentence-final "..., X reported late on May 27"; the
  inverted "..., said X". The source phrase is matched against the taxonomy
  in the knowledge pack's `sources.yaml`; definite descriptions ("the group", "the London-based
  monitoring group", "the ministry") and pronouns ("They", "According to
  them") resolve to the source named last that fits. A phrase that matches
  nothing is kept verbatim as an `unnamed` source; a sentence with no frame is
  the outlet's own voice.

Hedging (reportedly, allegedly, likely, "if confirmed", a distancing verb such
as "claimed") and denial ("denied", "did not report any casualties") are read
from the pack's `lexicon.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from .knowledge import Knowledge
from .resources import norm_phrase, phrase_pattern, regex

__all__ = ["Source", "Attribution", "Stance", "source_table", "canonical_source", "attribute", "stance"]


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
    raw: str = ""  # the phrase naming the source, as written
    cue: str = "outlet"  # according_to | reporting_verb | sentence_final | quote | anaphora | outlet
    verb: str = ""


@dataclass(frozen=True)
class Stance:
    hedged: bool
    hedge_cue: str
    negated: bool
    negation_cue: str


@dataclass(frozen=True)
class _Taxonomy:
    sources: dict[str, Source]
    by_alias: dict[str, str]
    alias_regex: re.Pattern[str]
    generic: frozenset[str]  # canonical names that are catch-alls ("other sources")
    determiners: frozenset[str]
    plural: frozenset[str]
    singular: frozenset[str]
    verbs: re.Pattern[str]
    distancing: frozenset[str]
    hedges: re.Pattern[str]
    negations: re.Pattern[str]
    stance_any: re.Pattern[str]  # hedges and negations in one pass: most sentences have neither


def _build_taxonomy(knowledge: Knowledge) -> _Taxonomy:
    data = knowledge.sources
    lex = knowledge.lexicon
    sources: dict[str, Source] = {}
    by_alias: dict[str, str] = {}
    for e in data["sources"]:
        s = Source(e["name"], e["type"], e["side"], tuple(e.get("refer") or ()), bool(e.get("person", False)))
        sources[s.name] = s
        for alias in [e["name"], *e["aliases"]]:
            by_alias.setdefault(norm_phrase(alias), s.name)
    return _Taxonomy(
        sources=sources,
        by_alias=by_alias,
        alias_regex=regex(phrase_pattern([a for e in data["sources"] for a in [e["name"], *e["aliases"]]])),
        generic=frozenset(n for n, s in sources.items() if s.type == "unnamed"),
        determiners=frozenset(lex["source_determiners"]),
        plural=frozenset(lex["plural_pronouns"]),
        singular=frozenset(lex["singular_pronouns"]),
        verbs=regex(phrase_pattern(lex["reporting_verbs"], group="verb")),
        distancing=frozenset(lex["distancing_verbs"]),
        hedges=regex(phrase_pattern(lex["hedges"])),
        negations=regex(phrase_pattern(lex["negations"])),
        stance_any=regex(phrase_pattern([*lex["hedges"], *lex["negations"]])),
    )


def source_table(knowledge: Knowledge) -> dict[str, Source]:
    """Canonical sources by name."""
    return dict(knowledge.derived(_build_taxonomy).sources)


def canonical_source(phrase: str, *, knowledge: Knowledge) -> Source | None:
    """The taxonomy entry named in `phrase`, preferring specific sources over
    catch-alls ("reports by pro-militant sources" -> pro-militant sources)."""
    return _canonical_source(phrase, knowledge.derived(_build_taxonomy))


def _canonical_source(phrase: str, t: _Taxonomy) -> Source | None:
    found: list[str] = []
    for m in t.alias_regex.finditer(phrase):
        name = t.by_alias.get(norm_phrase(m.group(0)))
        if name:
            found.append(name)
    if not found:
        return None
    specific = [n for n in found if n not in t.generic]
    return t.sources[(specific or found)[0]]


# --- stance ---------------------------------------------------------------------

_PLAIN = Stance(False, "", False, "")  # frozen: shared by the many sentences with no hedge or denial


def stance(sentence: str, *, verb: str = "", knowledge: Knowledge) -> Stance:
    """Hedging and denial in `sentence`; a distancing attribution verb
    ("claimed") hedges too."""
    t = knowledge.derived(_build_taxonomy)
    if t.stance_any.search(sentence) is None:  # a match of either list is a match of the union
        if verb and verb.lower() in t.distancing:
            return Stance(True, verb, False, "")
        return _PLAIN
    hedge = t.hedges.search(sentence)
    hedge_cue = hedge.group(0) if hedge else ""
    if not hedge_cue and verb.lower() in t.distancing:
        hedge_cue = verb
    neg = t.negations.search(sentence)
    return Stance(bool(hedge_cue), hedge_cue, bool(neg), neg.group(0) if neg else "")


# --- attribution --------------------------------------------------------------------

_ACCORDING = regex(r"(?i)\baccording\s+to\s+(?P<src>[^,;:.!?\"“”]+?)(?=\s*(?:[,;:.!?\"“”]|$|\s+(?:that|on|in|who|which|as)\s))")
_QUOTED = regex(r"(?i)\bquot(?:ed|ing)\s+(?P<src>.{2,80}?)\s+as\s+say(?:ing|s)\b")
_INVERTED = regex(r"(?i)[,\"”]\s*(?P<verb>said|says|added|reported|stated|told)\s+(?P<src>[^,.;!?]{2,80}?)\s*(?:[,.;!?]|$)")
_CLAUSE_BREAK = regex(r"[,;:()\"“”]|\b(?:that|which|who|whom|whose|while|when|because|but|and then|after|as)\b", re.I)
_PRE_VERB = regex(r"(?i)(?:\s+(?:also|later|previously|earlier|further|repeatedly|again|immediately|has|have|had|"
                       r"did\s+not|does\s+not|do\s+not|didn't|doesn't|don't|would|will|could|has\s+also|have\s+also|"
                       r"had\s+also|on\s+\w+|in\s+a\s+statement|in\s+its\s+report|in\s+a\s+report))*\s*$")
_NOUN_BEFORE = regex(r"(?i)(?:\b(?:the|a|an|its|their|his|her|this|that|these|those)|'s|’s|s')\s*$")
_NOUN_BEFORE_SPAN = 6  # longest non-space stretch _NOUN_BEFORE can match ("those"), plus one
_POSSESSIVE_REPORT = regex(r"(?i)^(?P<owner>.+?)(?:'s|’s|s')\s+(?:\w+\s+)?(?:report|statement|reports|figures|toll|count|tally|data|account)$")
_PRONOUN = regex(r"(?i)^(?:they|them|he|she|it)$")
_NAME_RUN = regex(r"(?:[A-Z][\w'’.-]*|al-[\w'’-]+|of|for|the|de|bin|ibn|abu|Abu|el-[\w-]+)(?:\s+(?:[A-Z][\w'’.-]*|al-[\w'’-]+|of|for|the|de|bin|ibn|abu|el-[\w-]+))*$")


@dataclass
class _Memory:
    """Sources named so far in the document, newest last (for anaphora)."""

    named: list[Attribution] = field(default_factory=list)

    def remember(self, a: Attribution) -> None:
        if a.cue != "outlet" and a.source_type != "outlet":
            self.named.append(a)

    def last(self, predicate) -> Attribution | None:
        for a in reversed(self.named[-8:]):
            if predicate(a):
                return a
        return None


def attribute(sentences: Iterable[str], *, outlet: str, knowledge: Knowledge) -> list[Attribution]:
    """One attribution per sentence of a document, resolving anaphora to the
    sources named earlier in the same document."""
    t = knowledge.derived(_build_taxonomy)
    memory = _Memory()
    own = Attribution(outlet or UNKNOWN_OUTLET, "outlet", "unknown", "", "outlet", "")
    out = []
    for sentence in sentences:
        a = _attribute_one(sentence, memory, t) or own
        memory.remember(a)
        out.append(a)
    return out


def _attribute_one(sentence: str, memory: _Memory, t: _Taxonomy) -> Attribution | None:
    # (?i) frames open with a literal word: on ASCII text it must occur in the
    # lower-cased sentence (non-ASCII text may case-fold onto ASCII: always scan)
    low = sentence.lower() if sentence.isascii() else None
    for m in (_ACCORDING.finditer(sentence) if low is None or "according" in low else ()):
        a = _resolve(m.group("src"), memory, t, cue="according_to", verb="according to")
        if a:
            return a
    m = _QUOTED.search(sentence) if low is None or "quot" in low else None
    if m:
        a = _resolve(m.group("src"), memory, t, cue="quote", verb="quoted")
        if a:
            return a
    fallback: Attribution | None = None
    for v in t.verbs.finditer(sentence):
        head = sentence[:v.start()]
        # the match ends the head: start the search a few characters before its last word
        if _NOUN_BEFORE.search(head, max(0, len(head.rstrip()) - _NOUN_BEFORE_SPAN)):  # "the report said": 'report' is a noun here
            continue
        subject = _subject_before(head)
        if not subject:
            continue
        rest = sentence[v.end():]
        final = "," in head and len(rest) <= 45 and not re.search(r"(?i)\bthat\b", rest)
        cue = "sentence_final" if final else "reporting_verb"
        a = _resolve(subject, memory, t, cue=cue, verb=v.group("verb"), strict=True)
        if a and a.source_type != "unnamed":
            return a
        if a and fallback is None:
            fallback = a
    m = _INVERTED.search(sentence)
    if m:
        a = _resolve(m.group("src"), memory, t, cue="sentence_final", verb=m.group("verb"), strict=True)
        if a and a.source_type != "unnamed":
            return a
    return fallback


def _subject_before(head: str) -> str:
    """The noun phrase ending right before a reporting verb (modal and
    adverbial words such as 'also', 'did not', 'on Tuesday' skipped)."""
    pre = _PRE_VERB.search(head)
    core = head[:pre.start()] if pre else head
    cut = 0
    for b in _CLAUSE_BREAK.finditer(core):
        cut = b.end()
    subject = core[cut:].strip()
    words = subject.split()
    if not words or len(words) > 12:
        return " ".join(words[-6:]) if words else ""
    return subject


def _strip_determiners(phrase: str, t: _Taxonomy) -> str:
    words = phrase.split()
    while words and words[0].lower() in t.determiners:
        words = words[1:]
    return " ".join(words)


def _resolve(phrase: str, memory: _Memory, t: _Taxonomy, *, cue: str, verb: str, strict: bool = False) -> Attribution | None:
    """Attribution for a source phrase: taxonomy, then anaphora, then verbatim."""
    phrase = phrase.strip(" ,.'\"“”")
    if not phrase:
        return None
    poss = _POSSESSIVE_REPORT.match(phrase)
    if poss:
        phrase = poss.group("owner")
    compound = _compound_source(phrase, t)
    if compound is not None:
        return Attribution(*compound, phrase, cue, verb)
    src = _canonical_source(phrase, t)
    if src is not None:
        return Attribution(src.name, src.type, src.side, phrase, cue, verb)
    ref = _anaphor(phrase, memory, t)
    if ref is not None:
        return Attribution(ref.source, ref.source_type, ref.source_side, phrase, "anaphora", verb)
    bare = _strip_determiners(phrase, t)
    if _PRONOUN.match(bare) or not bare:
        return None
    if strict and not _looks_like_source(phrase):
        return None
    return Attribution(bare, "unnamed", "unknown", phrase, cue, verb)


_COORDINATED = regex(r"^(?P<a>.+?)\s+(?:and|as well as)\s+(?P<b>.+)$")


def _compound_source(phrase: str, t: _Taxonomy) -> tuple[str, str, str] | None:
    """A source phrase coordinating two voices ("Idlib militant groups and
    pro-Turkish sources") stays one compound source, named as written, with
    the type and side of its first part the taxonomy knows; a taxonomy entry
    of that exact name wins. None when the phrase is not such a coordination."""
    bare = _strip_determiners(phrase, t)
    m = _COORDINATED.match(bare)
    if m is None or len(bare.split()) > 10:
        return None
    known = [_canonical_source(part, t) for part in (m.group("a"), m.group("b"))]
    if not any(known) or not all(k or _looks_like_source(part) for k, part in zip(known, (m.group("a"), m.group("b")))):
        return None
    if len({k.name for k in known if k}) == 1 and all(known):
        return None  # "the ministry and its spokesman": one voice
    exact = t.sources.get(t.by_alias.get(norm_phrase(bare), ""))
    if exact is not None:
        return exact.name, exact.type, exact.side
    first = next(k for k in known if k)
    return bare, first.type, first.side


def _anaphor(phrase: str, memory: _Memory, t: _Taxonomy) -> Attribution | None:
    low = norm_phrase(phrase)
    if low in t.plural:
        return memory.last(lambda a: _is_plural(a))
    if low in t.singular:
        return memory.last(lambda a: a.source in t.sources and t.sources[a.source].person) or memory.last(lambda a: True)
    if low == "it":
        return memory.last(lambda a: not _is_plural(a))
    if not re.match(r"(?i)^(?:the|this|that|its)\b", phrase):
        return None
    words = low.split()
    for n in (2, 1):  # "monitoring group" before "group"
        if len(words) > n:
            head = " ".join(words[-n:])
            hit = memory.last(lambda a, head=head: a.source in t.sources and head in t.sources[a.source].refer)
            if hit:
                return hit
    return None


def _is_plural(a: Attribution) -> bool:
    return a.raw.lower().rstrip().endswith("s") or a.source.lower().endswith("sources")


def _looks_like_source(phrase: str) -> bool:
    """A verbatim source must read like a name or a definite description, not
    a clause fragment: short, capitalised or led by a determiner."""
    words = phrase.split()
    if not words or len(words) > 8:
        return False
    if _NAME_RUN.search(phrase) and phrase[:1].isupper():
        return True
    return words[0].lower() in ("a", "an", "the") and len(words) <= 6 and words[-1][:1].isalpha()
