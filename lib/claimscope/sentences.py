"""Split clean document text into sentences with exact offsets.

Rule-based on purpose: conflict reporting is full of abbreviations (U.N., Lt.
Gen.), dotted dates (21.08.2013) and thousands separators (1,300) that trip
generic splitters, and every later stage needs offsets that index straight
into the document text. Every newline ends a sentence (headlines, bylines and
paragraphs carry no final period); the abbreviation list is the knowledge
pack's `sentences.yaml`.

A sentence's lower-case words (`sentence_words`) are what the stages' cue
gates look up: `word_gates` tells which word lists a sentence holds a phrase
of, so a cue regex runs only where it can match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from .knowledge import Knowledge, Memo
from .resources import case_variants

__all__ = ["Sentence", "split_sentences", "sentence_words", "Gate", "WordGates", "word_gates", "Substrings",
           "headline_parts"]


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    index: int  # position in the document, 0-based
    paragraph: int  # number of the non-empty line holding it, 0-based


# ASCII text as bytes: capitals lower-cased, every other byte but a letter a
# space; a split then gives the letter runs three times faster than a regex
_LETTER_BYTES = bytes(c if 97 <= c <= 122 else c + 32 if 65 <= c <= 90 else 32 for c in range(256))
_LETTERS = re.compile(r"[a-z]+")


def sentence_words(text: str) -> frozenset[str]:
    """The lower-case letter runs of `text`: what the stages' cue gates look
    words up in (a cue regex runs only on a sentence that holds its words;
    compute once per sentence and pass it on)."""
    if text.isascii():
        return frozenset(text.encode("ascii").translate(_LETTER_BYTES).decode("ascii").split())
    return frozenset(_LETTERS.findall(text.lower()))


# A cue regex's gate: the word lists each of its matches needs a phrase of
# (`resources.phrase_pattern` lists). The regex runs only on a sentence whose
# words hold one phrase of each: set lookups are far cheaper than a search,
# and most sentences hold no cue. Exact, as a phrase matches as whole words:
# the letter runs of its spelling are letter runs of the sentence.
Gate = frozenset[int]  # ids of the word lists a regex needs a phrase of each


@dataclass(frozen=True)
class WordGates:
    """Word lists that gates need, their phrases' spellings indexed by their
    longest letter run (built by `word_gates`)."""

    index: dict[str, tuple[tuple[int, frozenset[str]], ...]]  # longest run -> (list id, the spelling's runs)
    keys: frozenset[str]
    # the same index split: longest run -> (ids of the lists a one-run spelling
    # opens, (list id, runs) of the longer spellings): a one-run spelling needs no subset test
    split: dict[str, tuple[frozenset[int], tuple[tuple[int, frozenset[str]], ...]]] = field(default_factory=dict)
    # `split` with the list ids as bits of an int (longest run -> (bits of the
    # one-run spellings, (bit, runs) of the longer ones)): `met` ors ints
    # instead of building a set, and reads the set of a mask from `sets`
    # (masks recur: a few lists are met, in few combinations)
    bits: dict[str, tuple[int, tuple[tuple[int, frozenset[str]], ...]]] = field(default_factory=dict)
    sets: Memo = field(default_factory=lambda: Memo(1 << 12), compare=False)  # mask -> the frozenset of its ids

    def met(self, words: frozenset[str]) -> frozenset[int]:
        """The lists one of whose phrases a sentence with `words` holds: a
        gate is open when it is a subset."""
        keys = self.keys.intersection(words)
        if not keys:
            return _NONE_MET
        bits = self.bits or _bits(self.split or _split(self.index))
        mask = 0
        for k in keys:
            one, longer = bits[k]
            mask |= one
            for bit, runs in longer:
                if runs <= words:
                    mask |= bit
        got = self.sets.get(mask)
        if got is None:
            got = self.sets.put(mask, frozenset(i for i in range(mask.bit_length()) if mask >> i & 1))
        return got  # type: ignore[no-any-return]


_NONE_MET: frozenset[int] = frozenset()


class Substrings:
    """Which of some lower-case strings a sentence's lower-cased text holds,
    as a bit mask (string `k` -> bit `bits[k]`), read off its words: a string
    of letters a-z only lies inside one letter run of the lower-cased text,
    so the text holds it exactly where one of its `sentence_words` does.
    Words recur from sentence to sentence: what each holds is memoised (the
    words seen, and those that hold a string with their bits), and a
    sentence's test is a few set operations in C instead of a scan of its
    text per string. Other strings are looked for in the text itself."""

    __slots__ = ("bits", "_letters", "_others", "_memo", "_limit", "_seen", "_holding")

    def __init__(self, strings: Iterable[str], limit: int = 1 << 16) -> None:
        self.bits: dict[str, int] = {}
        for k in strings:
            self.bits.setdefault(k, 1 << len(self.bits))
        self._letters = tuple((k, b) for k, b in self.bits.items() if _LETTERS.fullmatch(k))
        self._others = tuple((k, b) for k, b in self.bits.items() if not _LETTERS.fullmatch(k))
        self._memo: dict[str, int] = {}  # a word seen that holds one of the strings -> their bits
        self._holding: set[str] = set()  # the keys of _memo, as a set for the intersection with a sentence's words
        self._seen: set[str] = set()  # every word seen
        self._limit = limit

    def mask(self, strings: Iterable[str]) -> int:
        """The bits of `strings` (each one of this object's)."""
        out = 0
        for k in strings:
            out |= self.bits[k]
        return out

    def held(self, words: frozenset[str], low: str) -> int:
        """The bits of the strings `low` (a sentence lower-cased) holds;
        `words`: its `sentence_words`."""
        memo, seen, holding = self._memo, self._seen, self._holding
        if not seen.issuperset(words):
            new = words.difference(seen)
            if len(seen) + len(new) > self._limit:
                memo.clear()
                holding.clear()
                seen.clear()
                new = set(words)  # the words seen before are forgotten too: this sentence's are all new again
            for w in new:
                b = sum(bit for k, bit in self._letters if k in w)
                if b:
                    memo[w] = b
                    holding.add(w)
            seen.update(new)
        out = 0
        if not holding.isdisjoint(words):
            for w in holding.intersection(words):
                out |= memo[w]
        for k, bit in self._others:
            if k in low:
                out |= bit
        return out

    def __reduce__(self) -> tuple[Any, ...]:
        return (Substrings, (tuple(self.bits), self._limit))  # pickles without its memo


def _split(index: dict[str, tuple[tuple[int, frozenset[str]], ...]]
           ) -> dict[str, tuple[frozenset[int], tuple[tuple[int, frozenset[str]], ...]]]:
    """`WordGates.split` of an index."""
    return {k: (frozenset(i for i, runs in v if len(runs) == 1),
                tuple((i, runs) for i, runs in v if len(runs) > 1)) for k, v in index.items()}


def _bits(split: dict[str, tuple[frozenset[int], tuple[tuple[int, frozenset[str]], ...]]]
          ) -> dict[str, tuple[int, tuple[tuple[int, frozenset[str]], ...]]]:
    """`WordGates.bits` of a split index."""
    return {k: (sum(1 << i for i in one), tuple((1 << i, runs) for i, runs in longer))
            for k, (one, longer) in split.items()}


def word_gates(needs: Sequence[tuple[Iterable[str] | None, ...]]) -> tuple[WordGates, list[Gate]]:
    """The gates of regexes that need a phrase of each of their word lists
    (`needs`, one tuple of lists per regex), and the lists they are read in."""
    ids: dict[tuple[str, ...], int] = {}
    index: dict[str, list[tuple[int, frozenset[str]]]] = {}
    gates = []
    for lists in needs:
        gate = set()
        for phrases in lists:
            phrases = [str(p) for p in phrases or ()]
            spellings = {frozenset(_LETTERS.findall(v.lower())) for p in phrases for v in case_variants(p)}
            if frozenset() in spellings:  # a phrase without letters: no word tells it is there
                continue
            key = tuple(sorted(phrases))
            if key not in ids:  # an empty list gets an id no sentence meets: its regex never matches
                ids[key] = len(ids)
                for runs in spellings:
                    index.setdefault(max(sorted(runs), key=len), []).append((ids[key], runs))
            gate.add(ids[key])
        gates.append(frozenset(gate))
    frozen = {k: tuple(v) for k, v in index.items()}
    split = _split(frozen)
    return WordGates(frozen, frozenset(index), split, _bits(split)), gates


def _lexicon(knowledge: Knowledge) -> tuple[frozenset[str], frozenset[str]]:
    data = knowledge.sentences
    abbrevs = frozenset(a.lower() for a in data["abbreviations"])
    openers = frozenset(data["sentence_openers"])
    return abbrevs, openers


# A candidate boundary: terminal punctuation, optional closing quotes/brackets,
# then spaces before the next non-space character on the same line. (The run
# of punctuation is spelled "[.!?][.!?]*", not "[.!?]+": a pattern that opens
# with a character class lets the engine skip in C to the next such character,
# one that opens with a repeat is tried at every position, 2.3x slower.)
_BOUNDARY = re.compile(r"""([.!?][.!?]*)(["'”’)\]]*)([ \t]+)(?=(\S+))""")
# the run of word characters and dots that ends a window (searched in the
# window's slice: the look-behind lets it start only where a run starts)
_WORD_BEFORE = re.compile(r"(?<![\w.])([\w.]+)$")
_WORD_BEFORE_REV = re.compile(r"[\w.]+")  # the same run in the window reversed
_LINE = re.compile(r"[^\n]+")


def _is_boundary(text: str, m: re.Match[str], abbrevs: frozenset[str], openers: frozenset[str]) -> bool:
    nxt = m.group(4)
    first = nxt[0]
    if first.islower():
        return False
    if m.group(1) != ".":  # ! ? ... end sentences
        return True
    window = text[max(0, m.start(1) - 40):m.start(1)]
    # the run that ends the window, read backwards (a window ending in a line
    # break, where "$" also matches before it, goes through the search)
    before = _WORD_BEFORE.search(window) if window.endswith("\n") else _WORD_BEFORE_REV.match(window[::-1])
    if before is None:  # " . " on its own (wire copy): a boundary
        return True
    word = before.group(1) if window.endswith("\n") else before.group(0)[::-1]
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "A. Rahman"
    if word.lower().rstrip(".") in abbrevs:
        # "in the U.S. The next day" ends a sentence; "Lt. Gen." does not.
        return "." in word.rstrip(".") and nxt.rstrip(",.;:") in openers
    return True


def split_sentences(text: str, *, knowledge: Knowledge) -> list[Sentence]:
    """Sentences of `text` in order; spans exclude surrounding whitespace."""
    abbrevs, openers = knowledge.derived(_lexicon)
    out: list[Sentence] = []
    for paragraph, line in enumerate(_LINE.finditer(text)):
        pos = line.start()
        end = line.end()
        for m in _BOUNDARY.finditer(text, line.start(), end):
            if _is_boundary(text, m, abbrevs, openers):
                _emit(text, pos, m.end(2), paragraph, out)
                pos = m.end(3)
        _emit(text, pos, end, paragraph, out)
    return out


def _emit(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, len(out), paragraph))


_TERMINAL = ".!?"


def headline_parts(text: str, start: int, end: int, *, knowledge: Knowledge,
                   tells_act: Callable[[str], bool],
                   opens_act: Callable[[str], bool] | None = None) -> list[tuple[int, int]]:
    """The items of a one-line headline `text[start:end]` as spans into
    `text`, cut at the knowledge's `headline_separators` (" | ", " - "),
    when two or more of them tell an act of their own (`tells_act` of the
    item's text): a headline that gives two acts in one line ("Regime officer
    killed near the airport | Regime forces shell two villages") is two
    sentences, so each act keeps its own actors and figures. An item that
    tells no act (a place, an outlet's name, a topic label) stays joined to
    the item before it (the first such item, to the one after). With
    `opens_act`, a headline is also cut at its `headline_conjunctions` (" and
    ") where the words after it open with an actor doing an act ("Soldier
    killed in Aleppo and regime forces shell Kansafra"), never between two
    figures ("5 killed and 10 injured in shelling"). [] when the span is not
    a whole line without a final stop, or is not cut."""
    seps = knowledge.derived(_headline_separators)
    conj = knowledge.derived(_headline_conjunctions) if opens_act is not None else None
    if (not seps and not conj) or start >= end or text[end - 1] in _TERMINAL:
        return []
    line_end = text.find("\n", end)
    if text[text.rfind("\n", 0, start) + 1:start].strip() or text[end:line_end if line_end >= 0 else len(text)].strip():
        return []  # a sentence among others on its line: not a headline
    cuts = sorted((m.start(), m.end()) for m in seps.finditer(text, start, end)) if seps else []
    if conj is not None and opens_act is not None:
        bounds = [start, *(x for c in cuts for x in c), end]
        for lo_, hi_ in zip(bounds[::2], bounds[1::2]):
            for m in conj.finditer(text, lo_, hi_):
                if opens_act(text[m.end():hi_]) and tells_act(text[lo_:m.start()]):
                    cuts.append((m.start(), m.end()))
                    break  # one cut per item: "X and Y shell A and B" keeps its own "and"s
        cuts.sort()
    if not cuts:
        return []
    spans, lo = [], start
    for a, b in cuts:
        spans.append((lo, a))
        lo = b
    spans.append((lo, end))
    acts = [tells_act(text[a:b]) for a, b in spans]
    if sum(acts) < 2:
        return []
    out: list[tuple[int, int]] = []
    lead = -1  # start of the act-less items before the first act
    for (a, b), act in zip(spans, acts):
        if act:
            out.append((lead if lead >= 0 and not out else a, b))
        elif out:
            out[-1] = (out[-1][0], b)
        elif lead < 0:
            lead = a
    return out


def _headline_conjunctions(knowledge: Knowledge) -> re.Pattern[str] | None:
    conj = [str(s) for s in knowledge.sentences.get("headline_conjunctions") or () if str(s).strip()]
    if not conj:
        return None
    return re.compile("|".join(re.escape(s) for s in sorted(conj, key=len, reverse=True)))


def _headline_separators(knowledge: Knowledge) -> re.Pattern[str] | None:
    seps = [str(s) for s in knowledge.sentences.get("headline_separators") or () if str(s).strip()]
    if not seps:
        return None
    return re.compile("|".join(re.escape(s) for s in sorted(seps, key=len, reverse=True)))
