"""Helpers that turn knowledge-file word lists into fast regular expressions.

The knowledge itself (lexicons, taxonomies, gazetteers) is read by
`claimscope.knowledge` into a `Knowledge` object passed to every stage; this
module only builds patterns from its lists (and reads the package's file-format
table for ingest).
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Iterable

__all__ = ["data_text", "regex", "norm_phrase", "trie_pattern", "case_variants", "phrase_pattern", "PhraseScan"]


def data_text(name: str) -> str:
    """Text of the package data file `name` (relative to claimscope/data)."""
    return resources.files("claimscope").joinpath("data", name).read_text(encoding="utf-8")


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)` with the `re.UNICODE` flag a str pattern
    carries anyway written out: a pattern pickled with a knowledge object
    (to a worker process) is rebuilt through re's cache under its flags, so a
    worker that inherited the cache (fork) finds it there instead of
    compiling it again."""
    return re.compile(pattern, flags | re.UNICODE)


def lowered_pattern(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-insensitive pattern for lower-cased ASCII text: its source in
    lower case without the flag, which on ASCII text matches where `rx`
    matches the text itself, without folding case at each character (about
    twice as fast). None for a case-sensitive pattern, and when the source
    holds what lower-casing would change:
    an upper-case, hex, unicode or numeric escape, a group name with a capital,
    a non-ASCII letter with case."""
    src = rx.pattern[4:] if rx.pattern.startswith("(?i)") else rx.pattern
    if not (rx.flags & re.IGNORECASE) or re.search(r"\\[A-Zux0-9]|\(\?P[<=][^>)]*[A-Z]", src) \
            or any(not c.isascii() and (c.lower() != c or c.upper() != c) for c in src):
        return None
    return regex(src.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P="))  # group syntax kept


def norm_phrase(text: str) -> str:
    """Lookup key for a phrase: curly apostrophe straightened, whitespace
    squashed, lower case ("Hay’at  Tahrir" -> "hay'at tahrir")."""
    return " ".join(text.replace("’", "'").split()).lower()


def trie_pattern(strings: Iterable[str]) -> str:
    """Regex source matching exactly `strings`, factored as a character trie
    (longest match first; a space matches any run of whitespace).

    Python's regex engine rejects a branch that opens with a literal character
    in C, so a trie of literal spellings runs several times faster than an
    alternation of phrases, and faster still than an IGNORECASE one.

    Built from the sorted spellings (the trie's branches in order, a branch
    one spelling alone follows written out at once), not node by node:
    compiling a knowledge object makes some 400 of these (most of its
    compile time but the regex engine's own).
    """
    words = sorted({" ".join(s.split()) for s in strings})
    return "(?:" + _trie_branches(words, 0, len(words), 0) + ")" if words else "(?!)"


def _trie_branches(words: list[str], lo: int, hi: int, depth: int) -> str:
    """The trie below the node of `words[lo:hi]` (sorted, distinct, sharing
    their first `depth` characters)."""
    ends = len(words[lo]) == depth  # a spelling ends here (it sorts first)
    if ends:
        lo += 1
    alts = []
    i = lo
    while i < hi:
        ch = words[i][depth]
        j = i + 1
        while j < hi and words[j][depth] == ch:
            j += 1
        if j - i == 1:  # one spelling goes on from here: its rest, as it is written
            alts.append(_trie_literal(words[i][depth:]))
        else:
            alts.append(_trie_literal(ch) + _trie_branches(words, i, j, depth + 1))
        i = j
    if not alts:
        return ""
    if ends:
        return "(?:" + "|".join(alts) + "|)"
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _trie_literal(text: str) -> str:
    """`text` as regex source, a space matching any run of whitespace."""
    return r"\s+".join(re.escape(part) for part in text.split(" "))


def case_variants(phrase: str) -> set[str]:
    """Spellings a phrase is matched in: as written, lower case, Capitalised,
    Title Case and UPPER CASE; acronyms (SOHR, IS, TIP) only as written."""
    p = " ".join(phrase.split())
    if _is_caps(p):
        return {p}
    return {p, p.lower(), p[:1].upper() + p[1:], p[:1].upper() + p[1:].lower(), p.title(), p.upper()}


def first_chars(words: Iterable[str]) -> str:
    """Regex source of a lookahead for the first letters of `words` in their
    usual cases (`case_variants`), to put before their `phrase_pattern`: a
    position that opens none of them fails at once (align's uncounted-toll
    search was 4x faster on FA-KES with it)."""
    firsts = sorted({v[0] for w in words for v in case_variants(w) if v})
    return "(?=[" + "".join(re.escape(f) for f in firsts) + "])"


def phrase_pattern(phrases: Iterable[str], *, group: str | None = None) -> str:
    """Regex source matching any of `phrases` as whole words, longest first.

    Acronyms written in capitals (SOHR, IS, TIP) match only as written, other
    phrases in their usual case variants (`case_variants`); internal spaces
    match any run of whitespace. Wrap in a named group when `group` is given.
    """
    variants: set[str] = set()
    for p in phrases:
        variants |= case_variants(p)
    core = f"(?<![\\w-]){trie_pattern(variants)}(?![\\w-])"
    return f"(?P<{group}>{core})" if group else core


def _is_caps(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1) and len(letters) <= 8


_ALNUM = re.compile(r"[a-z0-9]+")


class PhraseScan:
    """`rx.finditer(text)` for a regex each of whose matches opens with a
    spelling `phrase_pattern(phrases)` matches (that pattern itself, or one
    that begins with it), tried only where such a spelling can begin.

    A spelling opens with a run of letters and digits (its key, lower case),
    and matches only where no word character or hyphen stands before it: the
    run of letters and digits there, lower-cased, is its key. The scan finds
    the keys in the lower-cased text (a key of letters only just where the
    sentence's words hold it: it is one of its letter runs there) and matches
    the regex at those places in order, as `finditer` would, instead of
    trying it at every character. Only ASCII texts are scanned this way (a
    spelling that is not ASCII never matches one); on other texts, without
    the words, or when an ASCII spelling opens with another character, it is
    `finditer`.
    """

    __slots__ = ("rx", "letters", "others", "whole")

    def __init__(self, rx: re.Pattern[str], phrases: Iterable[str]) -> None:
        self.rx = rx
        keys: set[str] = set()
        whole = False
        for p in phrases:
            for v in case_variants(p):
                if not v.isascii():
                    continue  # never in an ASCII text, the only one scanned this way
                m = _ALNUM.match(v.lower())
                if m is None:
                    whole = True
                else:
                    keys.add(m.group())
        self.letters = frozenset(k for k in keys if k.isalpha())
        self.others = tuple(sorted(k for k in keys if not k.isalpha()))
        self.whole = whole

    def finditer(self, text: str, words: frozenset[str] | None = None) -> Iterable[re.Match[str]]:
        """The matches of the regex in `text`, in order (`words`: the text's
        `sentences.sentence_words`)."""
        if words is None or self.whole or not text.isascii():
            return self.rx.finditer(text)
        keys = self.letters.intersection(words)
        if not keys and not self.others:
            return ()
        low = text.lower()
        starts = []
        for k in (*keys, *self.others):
            n = len(k)
            i = low.find(k)
            while i >= 0:
                # the whole run of letters and digits there, with no word character or hyphen before it
                if (i == 0 or not (low[i - 1].isalnum() or low[i - 1] in "_-")) and not low[i + n:i + n + 1].isalnum():
                    starts.append(i)
                i = low.find(k, i + 1)
        if not starts:
            return ()
        out = []
        end = 0
        match = self.rx.match
        for i in sorted(starts):
            if i < end:
                continue  # inside the last match (or a key found twice there)
            m = match(text, i)
            if m is not None:
                out.append(m)
                end = m.end()
        return out
