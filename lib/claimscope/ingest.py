"""Read corpora of articles into the `documents` table, cleanly and with exact offsets.

A corpus is a folder of .txt/.md/.html articles (searched recursively; hidden
files and folders are left out; an optional ``manifest.csv`` beside the
articles gives per-file outlet, republished_by, published,
published_precision, url, title), a single article file, or a CSV/Parquet
table of articles (one row per article; see `parse_columns`).

Each article is decoded (UTF-8 with or without BOM, UTF-16 with BOM,
Windows-1252/Latin-1; undecodable bytes are replaced and reported), cleaned
(markup, page furniture and boilerplate removed, paragraphs broken in the
middle of a sentence joined again) and described (title, outlet,
republisher, publication date with its precision) from the manifest, the table
columns or, failing those, the text itself. Every run of clean text maps back
exactly to the decoded raw text (`raw_map`, `raw_offset`). Republished copies
of one body are marked with `duplicate_of` so they never count as independent
accounts.

Bad input never stops a run: an empty, binary, unreadable or oversized file
(or table row) is skipped and recorded in `problems` with its path and reason;
only unusable arguments (missing corpus, malformed column map, unknown column,
missing --manifest) raise `CorpusError`.

Boilerplate patterns, outlet names, byline and date-line words come from the
knowledge pack (``boilerplate.yaml``, ``outlets.yaml``, ``dates.yaml``; see
`claimscope.knowledge`); file formats from the package's ``data/ingest.yaml``;
dates are read with `claimscope.dates`.
"""

from __future__ import annotations

import bisect
import csv
import datetime as _dt
import functools
import hashlib
import html
import io
import json
import os
import re
import stat
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

import yaml

from . import cells, schema
from .dates import find_absolute_dates
from .errors import CorpusError, KnowledgeError
from .groups import DisjointSets
from .knowledge import Knowledge
from .resources import data_text, regex
from .safeio import UnreadableFile, bounded, file_kind, read_regular, shorten

__all__ = [
    "COLUMN_KEYS",
    "PRECISIONS",
    "CorpusError",
    "IngestResult",
    "OutletIndex",
    "clean_text",
    "decode_bytes",
    "mark_duplicates",
    "outlet_index",
    "parse_columns",
    "raw_offset",
    "read_corpora",
]

#: Keys a column map may use; `text` is required.
COLUMN_KEYS: tuple[str, ...] = ("id", "text", "title", "outlet", "republished_by", "published", "published_precision", "url")
#: Values of documents.published_precision.
PRECISIONS: tuple[str, ...] = ("day", "month", "year", "estimated", "unknown")

# Layout heuristics (not knowledge about the world, so kept here).
_HEADER_MAX_LINES = 12  # the header (title, byline, date lines) sits in the first lines
_BODY_MIN_WORDS = 12  # a line this long ending like a sentence starts the body
_BODY_MIN_CHARS = 200  # ... and so does any line this long
_TITLE_MIN_WORDS = 3  # "Armed Conflicts" is a section label, not a title
_TITLE_MAX_CHARS = 300
_DATE_LINE_MAX_CHARS = 120  # "Global Research, September 08, 2020"
_DATE_LINE_MAX_WORDS = 6  # words on a date line besides the date itself
_LATE_HEADER_LINES = 3  # byline and date lines may follow a one-paragraph stand-first
_OPENING_CHARS = 250  # the publication date of a text without date line is near its start
_NEAR_DUP_MIN_CHARS = 200  # shorter bodies are only compared exactly
_NEAR_DUP_KEYS = 6  # blocking keys per document (its longest sentences)
_NEAR_DUP_MAX_BLOCK = 200  # a key shared by more documents is a stock phrase, not a copy


@dataclass(frozen=True)
class IngestResult:
    """What `read_corpora` returns."""

    documents: pd.DataFrame  # schema "documents", sorted by doc_id
    problems: pd.DataFrame  # schema "problems" (stage "ingest", severity skipped|warning)


# ---------------------------------------------------------------------------
# Knowledge files, compiled once.


# A pattern searched inside lines, with what tells when it cannot match:
# `needs` holds patterns, each an alternation of strings of which every match
# (with what its lookaheads read) contains one. A line in which one of them
# finds nothing is not searched at all: a pattern that opens with a character
# class ("[A-Z]{2,6} Photo") is otherwise tried at every capital of every text,
# while a literal (" Photo") is found by the regex engine's fast literal scan.
_Scan = tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]

_NEEDS_CAP = 64  # strings a set may hold (a literal alternation, a small character class)
_NEEDS_MAX_SETS = 2  # sets checked per pattern: the two most selective (longest shortest string)


class _Unsupported(Exception):
    """A construct whose strings `_needs` does not work out: no prefilter."""


def _needs_of(items: Any) -> tuple[set[str] | None, list[set[str]]]:
    """(exact, required) of a parsed regex sequence (`re._parser` items):
    `exact` every string the sequence can match when that is a small finite
    set (None otherwise), `required` sets of strings of which every match
    contains one (a set per literal run, alternation, repeated body or
    lookahead)."""
    from re import _constants as c  # type: ignore[attr-defined]

    required: list[set[str]] = []
    run: set[str] | None = {""}  # the strings of the current run of exact items
    whole: set[str] | None = {""}  # the strings of the whole sequence so far

    def flush() -> None:
        if run and "" not in run:
            required.append(set(run))

    for op, av in items:
        exact: set[str] | None
        req: list[set[str]] = []
        if op is c.LITERAL:
            exact = {chr(av)}
        elif op is c.IN:
            chars: set[str] = set()
            for o, a in av:
                if o is c.LITERAL:
                    chars.add(chr(a))
                elif o is c.RANGE and a[1] - a[0] < _NEEDS_CAP:
                    chars.update(chr(x) for x in range(a[0], a[1] + 1))
                else:  # a negated set, a category (\d, \s), a wide range
                    chars = set()
                    break
            exact = chars if 0 < len(chars) <= 8 else None
        elif op is c.AT:
            exact = {""}  # zero-width: the strings on either side stay one run
        elif op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & re.IGNORECASE:
                raise _Unsupported
            exact, req = _needs_of(sub)
        elif op is c.ATOMIC_GROUP:
            exact, req = _needs_of(av)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            ex, rq = _needs_of(sub)
            if lo == 0:
                exact = ex | {""} if ex is not None and hi == 1 else None
            else:
                exact = None
                if ex is not None and lo == hi and len(ex) ** lo <= _NEEDS_CAP:
                    exact = {""}
                    for _ in range(lo):
                        exact = {x + y for x in exact for y in ex}
                req = rq + ([ex] if ex and "" not in ex else [])
        elif op is c.BRANCH:
            alts = [_needs_of(a) for a in av[1]]
            exact = set().union(*(ex for ex, _ in alts)) if all(ex is not None for ex, _ in alts) else None
            if exact is not None and len(exact) > _NEEDS_CAP:
                exact = None
            best = [_best([*rq, *([ex] if ex and "" not in ex else [])]) for ex, rq in alts]
            if all(b is not None for b in best):
                req = [set().union(*best)]  # type: ignore[arg-type]
        elif op is c.ASSERT:
            direction, sub = av
            exact = {""}
            if direction == 1:  # a lookahead reads the line after the position; a lookbehind may read before it
                ex, rq = _needs_of(sub)
                req = rq + ([ex] if ex and "" not in ex else [])
        elif op is c.ASSERT_NOT:
            exact = {""}
        else:  # any character, a negated literal, a group reference, a conditional
            exact = None
        required += req
        if exact is not None and whole is not None and len(whole) * len(exact) <= _NEEDS_CAP:
            whole = {x + y for x in whole for y in exact}
        else:
            whole = None
        if exact is not None and run is not None and len(run) * len(exact) <= _NEEDS_CAP:
            run = {x + y for x in run for y in exact}
        else:
            flush()
            run = exact if exact is not None and len(exact) <= _NEEDS_CAP else {""}
    flush()
    return whole, required


def _best(sets: list[set[str]]) -> set[str] | None:
    """The most selective of `sets`: longest shortest string, then fewest strings."""
    return max(sets, key=lambda x: (min(map(len, x)), -len(x)), default=None)


def _scan(pattern: str) -> _Scan:
    """`pattern` compiled (case-sensitive), with the strings it needs (`_Scan`):
    worked out from the parsed pattern; none for a construct they are not
    worked out for (then the pattern is searched in every line, as before)."""
    rx = regex(pattern)
    try:
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, rx.flags)
        if parsed.state.flags & re.IGNORECASE:
            raise _Unsupported
        if len(parsed) and parsed[0][0] is _parser.LITERAL:
            return rx, ()  # the engine scans for a literal opening itself, as fast as a prefilter would
        whole, required = _needs_of(parsed)
    except (_Unsupported, ImportError, AttributeError, ValueError, TypeError):
        return rx, ()
    if whole and "" not in whole:
        required.append(whole)
    # a string holding another of its set adds nothing ("Tags:" beside "Tags"); a set of
    # blanks is in every line; a set implied by another (each string of the other holds
    # one of its strings: "AFP" by "AFP/") is checked by that one already
    sets = {tuple(sorted(x for x in xs if not any(y != x and y in x for y in xs))) for xs in required}
    sets = {xs for xs in sets if xs and not any(not x.strip() for x in xs)}
    sets = {xs for xs in sets if not any(o != xs and all(any(y in x for y in xs) for x in o) for o in sets)}
    # leading blanks dropped (the engine's scan jumps to a string's first character: better a
    # rare one than a space); a string all of a set's strings hold is needed too, and is one
    # literal to scan for ("/" of "AFP/", "AP/"): such single strings are searched first
    sets = {tuple(sorted({x.lstrip() for x in xs})) for xs in sets}
    sets |= {(c,) for xs in sets if len(xs) > 1 and (c := _common_substring(xs).strip())}
    ranked = sorted(sets, key=lambda x: (len(x) > 1, -min(map(len, x)), len(x), x))
    return rx, tuple(regex("|".join(re.escape(x) for x in sorted(xs, key=lambda x: (-len(x), x)))) for xs in ranked[:_NEEDS_MAX_SETS])


def _common_substring(strings: Sequence[str]) -> str:
    """The longest string every one of `strings` holds (the first of them in the shortest)."""
    short = min(strings, key=len)
    for n in range(len(short), 0, -1):
        for i in range(len(short) - n + 1):
            if all(short[i : i + n] in x for x in strings):
                return short[i : i + n]
    return ""


@dataclass(frozen=True)
class _Rules:
    short_max: int
    min_body_chars: int
    drop_short: re.Pattern[str] | None
    drop_long: tuple[tuple[re.Pattern[str], int], ...]
    end_short: re.Pattern[str] | None
    end_long: tuple[tuple[re.Pattern[str], int], ...]
    inline: tuple[_Scan, ...]
    breaks: tuple[_Scan, ...]  # furniture between two texts: removed, the text after it a new paragraph
    line_ends: tuple[_Scan, ...]  # furniture that ends a line's text: removed with the rest of the line
    byline: re.Pattern[str]
    byline_tail: re.Pattern[str]
    date_label: re.Pattern[str]
    credit: tuple[tuple[re.Pattern[str], str], ...]
    not_names: frozenset[str]
    name_connectors: frozenset[str]
    outlet_names: Mapping[str, str]  # casefolded name/alias -> canonical name (outlet_index)
    datelines: tuple[re.Pattern[str], ...]  # wire datelines at the start of the body, group `name`
    slash_datelines: tuple[re.Pattern[str], ...]  # "Name/ ...": only for `slash_outlets`
    slash_outlets: frozenset[str]  # the outlets that open their leads so (`slash_lead`)
    own_leads: tuple[re.Pattern[str], ...]  # a lead crediting the outlet's own network, group `name`
    outlet_line_split: re.Pattern[str]  # separators of a header line naming the outlet ("DAILY SABAH WITH AA")
    byline_split: re.Pattern[str]  # separators of the names in a byline ("Karim Haddad, Associated Press")
    org_words: frozenset[str]  # words that make a byline name an organisation, not a person ("Post", "News")
    republisher_names: Mapping[str, str]
    republisher_re: re.Pattern[str] | None
    event_preps: frozenset[str]
    pub_labels: frozenset[str]
    knowledge: Knowledge  # for reading dates


def _split_entries(entries: Iterable[Any], default_max: int) -> tuple[list[str], list[tuple[str, int]]]:
    """Patterns for lines up to `default_max` characters, and (pattern, limit)
    pairs for the entries that carry their own `max_chars`."""
    short: list[str] = []
    long_: list[tuple[str, int]] = []
    for e in entries or ():
        pattern, mx = (e, default_max) if isinstance(e, str) else (e["pattern"], int(e.get("max_chars", default_max)))
        if mx == default_max:
            short.append(pattern)
        else:
            long_.append((pattern, mx))
    return short, long_


def _alternation(patterns: Sequence[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return regex("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class OutletIndex:
    """The knowledge pack's outlets and republishers (outlets.yaml), indexed
    once per Knowledge (`outlet_index`): every lookup of an outlet name reads
    this, so a name or alias means the same outlet everywhere."""

    outlets: Mapping[str, str]  # casefolded name or alias -> canonical outlet name
    republishers: Mapping[str, str]  # the same for the sites that republish others' articles
    states: Mapping[str, str]  # casefolded name or alias -> the outlet's own state (its `state`)
    spellings: tuple[tuple[str, str], ...]  # (outlet name or alias as the file writes it, canonical name)


def _index_outlets(knowledge: Knowledge) -> OutletIndex:
    ol = knowledge.outlets

    def entries(key: str) -> list[tuple[str, Mapping[str, Any]]]:
        return [(str(n), e) for e in ol.get(key) or () for n in [e["name"], *(e.get("aliases") or [])]]

    outlets = entries("outlets")
    return OutletIndex(
        outlets={n.casefold(): e["name"] for n, e in outlets},
        republishers={n.casefold(): e["name"] for n, e in entries("republishers")},
        states={n.casefold(): e["state"] for n, e in outlets if e.get("state")},
        spellings=tuple((n, e["name"]) for n, e in outlets),
    )


def outlet_index(knowledge: Knowledge) -> OutletIndex:
    """The outlets of `knowledge`, indexed (computed once per Knowledge)."""
    return knowledge.derived(_index_outlets)


_LIST_REF = re.compile(r"\{\{(\w+)\}\}")


def _put_lists(pattern: str, lists: Mapping[str, Any]) -> str:
    """`pattern` with each `{{name}}` replaced by the words of boilerplate.yaml's
    word list `name`, each escaped, as one group in the list's order (a list
    written once, used where a pattern needs it; see boilerplate.yaml). An
    empty list matches nothing; a name no list has is a KnowledgeError."""

    def words(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in lists:
            raise KnowledgeError(f"boilerplate.yaml: a pattern uses {{{{{name}}}}}, but word_lists has no list {name!r}")
        return "(?:" + "|".join(re.escape(str(w)) for w in lists[name]) + ")" if lists[name] else "(?!)"

    return _LIST_REF.sub(words, pattern)


def _composed(bp: Mapping[str, Any], key: str) -> list[Any]:
    """The entries of boilerplate.yaml section `key`, their word lists put in (`_put_lists`)."""
    lists = bp.get("word_lists") or {}
    return [_put_lists(e, lists) if isinstance(e, str) else {**e, "pattern": _put_lists(e["pattern"], lists)}
            for e in bp.get(key) or ()]


def _build_rules(knowledge: Knowledge) -> _Rules:
    bp = knowledge.boilerplate
    ol = knowledge.outlets
    ing = knowledge.dates
    short_max = int(bp.get("max_line_chars", 200))
    d_short, d_long = _split_entries(_composed(bp, "drop_lines"), short_max)
    e_short, e_long = _split_entries(_composed(bp, "end_markers"), short_max)
    index = outlet_index(knowledge)
    reps = index.republishers
    rep_re = regex("|".join(re.escape(n) for n in sorted(reps, key=len, reverse=True)), re.IGNORECASE) if reps else None
    return _Rules(
        short_max=short_max,
        min_body_chars=int(bp.get("min_body_chars", 200)),
        drop_short=_alternation(d_short),
        drop_long=tuple((regex(p, re.IGNORECASE), mx) for p, mx in d_long),
        end_short=_alternation(e_short),
        end_long=tuple((regex(p, re.IGNORECASE), mx) for p, mx in e_long),
        inline=tuple(_scan(p) for p in _composed(bp, "inline")),
        breaks=tuple(_scan(p) for p in _composed(bp, "breaks")),
        line_ends=tuple(_scan(p) for p in _composed(bp, "line_ends")),
        byline=regex(ol["byline"], re.IGNORECASE),
        byline_tail=regex(ol.get("byline_tail") or r"(?!)", re.IGNORECASE),
        date_label=regex(ol["date_labels"], re.IGNORECASE),
        credit=tuple((regex(c["pattern"], re.IGNORECASE), c["role"]) for c in ol.get("credit_lines") or ()),
        not_names=frozenset(str(n).casefold() for n in ol.get("not_names") or ()),
        name_connectors=frozenset(str(n).casefold() for n in ol.get("name_connectors") or ()),
        outlet_names=index.outlets,
        datelines=tuple(regex(p) for p in ol.get("datelines") or ()),
        slash_datelines=tuple(regex(p) for p in ol.get("slash_datelines") or ()),
        slash_outlets=frozenset(index.outlets.get(str(e["name"]).casefold(), e["name"])
                                for e in ol.get("outlets") or () if e.get("slash_lead")),
        own_leads=tuple(regex(p, re.IGNORECASE) for p in ol.get("own_network_leads") or ()),
        outlet_line_split=regex(ol.get("outlet_line_separators") or r"(?!)", re.IGNORECASE),
        byline_split=regex(ol.get("byline_separators") or r"(?!)"),
        org_words=frozenset(str(w).casefold() for w in knowledge.lexicon.get("organisation_name_words") or ()),
        republisher_names=reps,
        republisher_re=rep_re,
        event_preps=frozenset(ing.get("event_prepositions") or ()),
        pub_labels=frozenset(ing.get("publication_labels") or ()),
        knowledge=knowledge,
    )


@functools.lru_cache(maxsize=1)
def _ingest_yaml() -> Any:
    """data/ingest.yaml: file formats (extensions, signatures, HTML elements,
    default column names): how files are read, not knowledge of a language
    or a region, so not part of a knowledge pack."""
    return yaml.safe_load(data_text("ingest.yaml"))


@functools.lru_cache(maxsize=1)
def _formats() -> dict[str, Any]:
    ing = _ingest_yaml()
    sigs = sorted(((bytes.fromhex(k), v) for k, v in (ing.get("binary_signatures") or {}).items()), key=lambda kv: -len(kv[0]))
    return {
        "articles": {k.lower(): v for k, v in ing["article_extensions"].items()},
        "tables": {k.lower(): v for k, v in ing["table_extensions"].items()},
        "manifest_name": ing.get("manifest_name", "manifest.csv"),
        "manifest_file_columns": tuple(ing.get("manifest_file_columns") or ("file",)),
        "default_columns": {k: tuple(v) for k, v in (ing.get("default_columns") or {}).items()},
        "signatures": tuple(sigs),
    }


# ---------------------------------------------------------------------------
# Text assembly with an offset map.


class _Out:
    """Accumulates output text from copies of a source string and inserted
    literals, recording `[out_start, src_start, length]` runs for the copies."""

    __slots__ = ("parts", "runs", "n")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.runs: list[list[int]] = []
        self.n = 0

    def copy(self, src: str, a: int, b: int) -> None:
        if b <= a:
            return
        self.parts.append(src[a:b])
        runs = self.runs
        if runs and runs[-1][0] + runs[-1][2] == self.n and runs[-1][1] + runs[-1][2] == a:
            runs[-1][2] += b - a
        else:
            runs.append([self.n, a, b - a])
        self.n += b - a

    def insert(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.n += len(s)

    def text(self) -> str:
        return "".join(self.parts)


def _compose(outer: list[list[int]], inner: list[list[int]]) -> list[tuple[int, int, int]]:
    """Runs clean->raw from runs clean->mid (`outer`) and mid->raw (`inner`)."""
    starts = [r[0] for r in inner]
    out: list[tuple[int, int, int]] = []
    for c, m, n in outer:
        i = max(bisect.bisect_right(starts, m) - 1, 0)
        end = m + n
        while i < len(inner) and inner[i][0] < end:
            s0, r0, n0 = inner[i]
            lo, hi = max(m, s0), min(end, s0 + n0)
            if hi > lo:
                cc, rr, ln = c + lo - m, r0 + lo - s0, hi - lo
                if out and out[-1][0] + out[-1][2] == cc and out[-1][1] + out[-1][2] == rr:
                    pc, pr, pn = out[-1]
                    out[-1] = (pc, pr, pn + ln)
                else:
                    out.append((cc, rr, ln))
            i += 1
    return out


def raw_offset(raw_map: Sequence[Sequence[int]] | str, clean_offset: int) -> int:
    """Offset in the raw (decoded) text of clean-text offset `clean_offset`.

    `raw_map` is the list of `[clean_start, raw_start, length]` runs (or its
    JSON text, as stored in documents.raw_map). An offset inside inserted text
    (a paragraph break, a decoded entity) maps to the start of the next copied
    run, or to the end of the last one. For an exclusive end offset `e` use
    ``raw_offset(m, e - 1) + 1``."""
    runs = json.loads(raw_map) if isinstance(raw_map, str) else raw_map
    if clean_offset < 0:
        raise ValueError(f"clean offset {clean_offset} is negative")
    if not runs:
        return 0
    starts = [r[0] for r in runs]
    i = bisect.bisect_right(starts, clean_offset) - 1
    if i >= 0:
        c, r, n = runs[i]
        if clean_offset < c + n:
            return r + clean_offset - c
    if i + 1 < len(runs):
        return runs[i + 1][1]
    c, r, n = runs[-1]
    return r + n


# ---------------------------------------------------------------------------
# Stage 1: inline markup (markdown links/emphasis, HTML tags and entities).

_C1_TO_CP1252 = {chr(b): bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_CTRL_CHARS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u00ad"
_CTRL = f"[{_CTRL_CHARS}]"
_ENTITY_STRICT = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"


@functools.lru_cache(maxsize=None)
def _markup_re(kind: str) -> re.Pattern[str]:
    if kind == "html":
        ing = _ingest_yaml()
        drop = "|".join(map(re.escape, ing["html_drop_elements"]))
        block = "|".join(map(re.escape, ing["html_block_elements"]))
        return re.compile(
            # the lookahead lets the scanner skip plain text one character at a time
            rf"(?=[<&\r\n{_CTRL_CHARS}])(?:"
            rf"(?P<drop><(?P<dn>{drop})\b[^>]*>.*?</(?P=dn)\s*>|<(?:{drop})\b[^>]*/>)"
            r"|(?P<comment><!--.*?(?:-->|\Z))"
            r"|(?P<decl><![^>]*>|<\?[^>]*>)"
            rf"|(?P<block></?(?:{block})\b[^>]*>)"
            r"|(?P<tag></?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>)"
            r"|(?P<ent>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?)"
            r"|(?P<ws>(?:\r\n|\r|\n)\s*)"
            rf"|(?P<ctrl>{_CTRL}))",
            re.IGNORECASE | re.DOTALL,
        )
    md_only = r"|(?P<esc>\\[\\`*_{}\[\]()#+\-.!>])|(?P<tick>`+)" if kind == "md" else ""
    first = r"!\[\]<&*_\\`" if kind == "md" else r"!\[\]<&*_"
    return re.compile(
        rf"(?=[{first}{_CTRL_CHARS}])(?:"
        r"(?P<img>!\[[^\]\n]*\]\((?:[^()\n]|\([^()\n]*\))*\))"
        r"|(?P<lopen>\[(?=[^\[\]\n]*\]\())"
        r"|(?P<lclose>\]\((?:[^()\n]|\([^()\n]*\))*\))"
        r"|(?P<ropen>\[(?=[^\[\]\n]*\]\[[^\]\n]*\]))"
        r"|(?P<rclose>\]\[[^\]\n]*\])"
        r"|(?P<auto><(?P<aurl>(?:https?|ftp)://[^>\s]+|[\w.+-]+@[\w-]+\.[\w.-]+)>)"
        r"|(?P<comment><!--.*?-->)"
        r"|(?P<br><br\s*/?>)"
        r"|(?P<tag></?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>)"
        rf"|(?P<ent>{_ENTITY_STRICT})"
        r"|(?P<strong>\*\*|__)"
        r"|(?P<em>(?<![\w*\\])\*(?=[^\s*])|(?<=[^\s*\\])\*(?![\w*]))"
        rf"|(?P<ctrl>{_CTRL})" + md_only + ")",
        re.DOTALL,
    )


def _strip_markup(raw: str, kind: str) -> tuple[str, list[list[int]]]:
    """Remove inline markup; return the stripped text and its runs to `raw`."""
    out = _Out()
    pos = 0
    for m in _markup_re(kind).finditer(raw):
        g = m.lastgroup
        out.copy(raw, pos, m.start())
        pos = m.end()
        if g == "ent":
            rep = html.unescape(m.group())
            if rep == m.group():
                out.copy(raw, m.start(), m.end())
            else:
                out.insert(" " if rep.isspace() else rep)
        elif g in ("block", "br"):
            out.insert("\n")
        elif g == "ws":
            out.insert(" ")
        elif g == "ctrl":
            out.insert(_C1_TO_CP1252.get(m.group(), ""))
        elif g == "auto":
            out.copy(raw, m.start("aurl"), m.end("aurl"))
        elif g == "esc":
            out.copy(raw, m.start() + 1, m.end())
        # everything else (tags, images, link syntax, emphasis, comments) is dropped
    out.copy(raw, pos, len(raw))
    return out.text(), out.runs


_HTML_META = re.compile(
    r"<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*[\"']?(?P<key>[\w:.-]+)[\"']?[^>]*?content\s*=\s*(?:\"(?P<v1>[^\"]*)\"|'(?P<v2>[^']*)')"
    r"|<meta\b[^>]*?content\s*=\s*(?:\"(?P<v3>[^\"]*)\"|'(?P<v4>[^']*)')[^>]*?(?:property|name|itemprop)\s*=\s*[\"']?(?P<key2>[\w:.-]+)",
    re.IGNORECASE,
)
_HTML_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_HTML_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_TIME = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")
_WS = re.compile(r"\s+")


def _html_text(fragment: str) -> str:
    return _WS.sub(" ", html.unescape(_TAGS.sub(" ", fragment))).strip()


def _html_meta(raw: str) -> dict[str, str]:
    """Title, site name, author and publication time declared in an HTML page."""
    meta: dict[str, str] = {}
    head_end = raw.find("</head")
    head = raw[: head_end if head_end >= 0 else 200_000]
    for m in _HTML_META.finditer(head):
        key = (m.group("key") or m.group("key2") or "").lower()
        val = next((v for v in (m.group("v1"), m.group("v2"), m.group("v3"), m.group("v4")) if v is not None), "")
        val = _html_text(val)
        if key and val and key not in meta:
            meta[key] = val
    out: dict[str, str] = {}
    h1 = _HTML_H1.search(raw)
    title = _HTML_TITLE.search(raw)
    for cand in (_html_text(h1.group(1)) if h1 else "", meta.get("og:title", ""), _html_text(title.group(1)) if title else ""):
        if cand:
            out["title"] = cand
            break
    for key in ("og:site_name", "application-name", "publisher", "article:publisher"):
        if meta.get(key) and not meta[key].startswith("http"):
            out["outlet"] = meta[key]
            break
    if out.get("title") and out.get("outlet"):  # "Headline | Site" -> "Headline"
        out["title"] = re.sub(rf"\s*[|\-–—:·]\s*{re.escape(out['outlet'])}\s*$", "", out["title"]) or out["title"]
    for key in ("author", "article:author", "dc.creator", "parsely-author", "byl"):
        v = re.sub(r"(?i)^by\s+", "", meta.get(key, "")).strip()
        if v and not v.startswith("http") and len(v) <= 80:
            out["author"] = v
            break
    for key in ("article:published_time", "datepublished", "date", "pubdate", "dc.date", "dc.date.issued", "publish-date"):
        if meta.get(key):
            out["published"] = meta[key]
            break
    else:
        t = _HTML_TIME.search(raw)
        if t:
            out["published"] = t.group(1).strip()
    return out


# ---------------------------------------------------------------------------
# Stage 2: lines, boilerplate, header metadata, paragraphs.

# whitespace to normalise: runs of spaces, and any other horizontal space
# (tab, NBSP, thin space...; control characters are gone after stage 1)
_SPACES = re.compile(r"  +")
_ODD_WS = re.compile(r"[\t\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_MD_HEADING = re.compile(r"#{1,6}[ \t]+")
_MD_HEADING_TAIL = re.compile(r"[ \t]+#+$")
_MD_LIST = re.compile(r"(?:[*+\-]|\d{1,3}[.)])[ \t]+")
_MD_QUOTE = re.compile(r"(?:>[ \t]?)+")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_WORDS = re.compile(r"[^\W_][\w'’&.-]*")
_PUNCT_EDGES = " \t,;:|-–—·•/"


@dataclass
class _Line:
    a: int
    b: int
    blank_before: bool
    heading: bool = False
    item: bool = False  # a markdown list item: starts its own paragraph
    role: str = ""  # "", drop, end, byline, date, outlet, chrome, title


def _line_spans(s: str) -> list[tuple[int, int]]:
    """(start, end) of each line of `s` (\\n, \\r\\n or \\r breaks), empty lines included."""
    if "\r" in s:  # same length, so the offsets hold
        s = s.replace("\r\n", " \n").replace("\r", "\n")
    spans = []
    pos, n = 0, len(s)
    while pos <= n:
        end = s.find("\n", pos)
        if end < 0:
            end = n
        spans.append((pos, end))
        pos = end + 1
    return spans


def _split_lines(s: str, kind: str) -> list[_Line]:
    lines: list[_Line] = []
    blank = True
    for a, b in _line_spans(s):
        seg = s[a:b]
        stripped = seg.strip()
        if not stripped:
            blank = True
            continue
        a += len(seg) - len(seg.lstrip())
        b -= len(seg) - len(seg.rstrip())
        heading = item = False
        if kind != "html":
            h = _MD_HEADING.match(s, a, b)
            if h:
                a, heading = h.end(), True
                t = _MD_HEADING_TAIL.search(s, a, b)
                if t:
                    b = t.start()
            elif kind == "md":
                q = _MD_QUOTE.match(s, a, b)
                if q:
                    a = q.end()
                li = _MD_LIST.match(s, a, b)
                if li:
                    a, item = li.end(), True
            while a < b and s[a].isspace():  # ">\t a": the marker took one blank of several
                a += 1
        if a < b:
            lines.append(_Line(a, b, blank, heading, item))
            blank = False
    return lines


_SHORT_LINE = 300  # characters: a line this short is no one-line article a trailer cue could cut in two


def _line_pieces(s: str, a: int, b: int, inline: tuple[_Scan, ...],
                 breaks: tuple[_Scan, ...] = (),
                 ends: tuple[_Scan, ...] = ()) -> list[tuple[int, int] | str]:
    """Pieces of line s[a:b] with inline boilerplate removed and whitespace
    runs collapsed to one space: (start, end) copies or inserted strings.
    Inline patterns are compiled one by one so that their literal start is
    searched fast, and a pattern is skipped in a line that lacks a string it
    needs (`_Scan`); a match must not start inside a word. A match of `breaks`
    is removed and a paragraph break put in its place (a photo credit ends
    the caption before it); the first match of `ends` is removed with the
    rest of the line (a related-articles list trailing a one-line text), in a
    line longer than `_SHORT_LINE` only when it is in the line's second half."""
    cuts: list[list[int]] = []  # [start, end, 1 when a paragraph break takes its place]
    seg = s[a:b]

    def found(scans: tuple[_Scan, ...], brk: int) -> list[list[int]]:
        out = []
        for rx, needs in scans:
            if needs and not all(n.search(s, a, b) for n in needs):
                continue
            for m in rx.finditer(s, a, b):
                x, y = m.span()
                if x > 0 and s[x - 1].isalpha() and s[x].isalpha():
                    continue  # inside a word ("...DSEND"); "2017Get short URL" is two words glued
                if y > x:
                    out.append([x, y, brk])
        return out

    cuts += found(inline, 0)
    cuts += found(breaks, 1)
    # a trailer closes its line; in a long line (a one-line text) only in its
    # second half: one found earlier would take the story after it along
    end = min((c[0] for c in found(ends, 0) if b - a <= _SHORT_LINE or c[0] - a >= (b - a) // 2), default=b)
    if end < b:
        cuts.append([end, b, 0])
    if "  " in seg:
        cuts += [[m.start(), m.end(), 0] for m in _SPACES.finditer(s, a, b)]
    if "\t" in seg or not seg.isascii():
        cuts += [[m.start(), m.end(), 0] for m in _ODD_WS.finditer(s, a, b)]
    for c in cuts:  # a cut takes the whitespace around it along
        while c[0] > a and s[c[0] - 1].isspace():
            c[0] -= 1
        while c[1] < b and s[c[1]].isspace():
            c[1] += 1
    if not cuts:
        return [(a, b)]
    cuts.sort()
    merged: list[list[int]] = []
    for c in cuts:
        if merged and c[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], c[1])
            merged[-1][2] = max(merged[-1][2], c[2])
        else:
            merged.append(c)
    pieces: list[tuple[int, int] | str] = []
    pos = a
    for x, y, brk in merged:
        if x > pos:
            pieces.append((pos, x))
        if x > a and y < b:  # a gap inside the line: keep one space, or break the paragraph
            pieces.append("\n\n" if brk else (x, x + 1) if s[x] == " " else " ")
        pos = y
    if pos < b:
        pieces.append((pos, b))
    return pieces


def _pieces_text(s: str, pieces: list[tuple[int, int] | str]) -> str:
    return "".join(p if isinstance(p, str) else s[p[0] : p[1]] for p in pieces)


def _matches(rx: re.Pattern[str] | None, longs: tuple[tuple[re.Pattern[str], int], ...], text: str, short_max: int) -> bool:
    n = len(text)
    if rx is not None and n <= short_max and rx.search(text):
        return True
    return any(n <= mx and p.search(text) for p, mx in longs)


def _is_body(text: str) -> bool:
    if len(text) >= _BODY_MIN_CHARS:
        return True
    return len(_WORDS.findall(text)) >= _BODY_MIN_WORDS and bool(_TERMINAL.search(text))


def _name(text: str, rules: _Rules) -> str:
    """A captured outlet name, tidied; '' when it is no name."""
    t = text.strip(_PUNCT_EDGES + "*_\"'“”")
    t = _WS.sub(" ", t)
    if not t or t.casefold() in rules.not_names or len(t) > 80:
        return ""
    return t


def _looks_like_name(text: str, rules: _Rules) -> bool:
    """Whether `text` reads like a name ("South Front", "Global Research",
    "Orontes Post", "" for a bare date line) rather than a phrase of a
    sentence: a few words, each capitalised or a name connector ("of", "al")."""
    t = text.strip(_PUNCT_EDGES)
    if _TERMINAL.search(t) and not t.endswith("."):
        return False
    words = t.rstrip(".").split()
    if len(words) > _DATE_LINE_MAX_WORDS + 2:
        return False
    return all(not w[0].isalpha() or w[0].isupper() or w.casefold() in rules.name_connectors for w in words)


def _canonical(name: str, rules: _Rules) -> str:
    key = name.casefold()
    return rules.outlet_names.get(key) or rules.republisher_names.get(key) or name


def _starts_lower(text: str) -> bool:
    return bool(text) and text[0].islower()


def _hard_wrapped(texts: list[str]) -> bool:
    """A block whose lines were wrapped at a fixed width (e-mail, plain-text
    exports): all but the last line are 40-100 characters long and most of
    them stop without sentence-final punctuation."""
    if len(texts) < 2:
        return False
    body = texts[:-1]
    if any(not 40 <= len(t) <= 100 for t in body):
        return False
    open_ends = sum(1 for t in body if not _TERMINAL.search(t))
    return open_ends * 2 >= len(body)


@dataclass(frozen=True)
class _Parsed:
    text: str
    runs: list[tuple[int, int, int]]
    title: str | None = None
    outlet: str | None = None
    republished_by: str | None = None
    published: _dt.date | None = None
    precision: str = "unknown"
    published_raw: str | None = None
    outlet_raw: str | None = None  # the phrase the outlet was read from ("ANKARA (AA) –", "DAILY SABAH WITH AA")
    author: str | None = None


def _parse_iso(value: str) -> tuple[_dt.date, str] | None:
    """ISO dates `YYYY-MM-DD[...]`, `YYYY-MM`, `YYYY` -> (date, precision)."""
    v = value.strip()
    m = re.match(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:$|[T ])", v)
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d is not None:
            return _dt.date(y, int(mo), int(d)), "day"
        if mo is not None:
            return _dt.date(y, int(mo), 1), "month"
        return _dt.date(y, 1, 1), "year"
    except ValueError:
        return None


def _parse_date_value(value: str, rules: _Rules) -> tuple[_dt.date, str] | None:
    """A date given as a value (manifest cell, table cell, HTML meta): ISO
    first, else the first explicit date `claimscope.dates` finds."""
    iso = _parse_iso(value)
    if iso:
        return iso
    for m in find_absolute_dates(value, knowledge=rules.knowledge):
        if m.date is not None and m.precision in ("day", "month", "year"):
            return m.date, m.precision
    return None


def _opening_date(text: str, rules: _Rules) -> tuple[_dt.date, str, str] | None:
    """Earliest full date (day, month and year) within the opening of `text`.

    A date that follows an event preposition ("On 10 September 2023, the army
    ...") tells when something happened, so the publication date taken from it
    is only `estimated`, unless a publication label precedes it ("Posted on
    April 4 2017"). Any other full date there is a dateline: precision day."""
    head = text[:_OPENING_CHARS]
    for m in find_absolute_dates(head, knowledge=rules.knowledge):
        if m.date is None or m.precision != "day" or m.year is None:
            continue
        before = _WORDS.findall(head[max(0, m.start - 40) : m.start].lower())
        prev = before[-1] if before else ""
        labelled = any(w.rstrip(".") in rules.pub_labels for w in before[-3:])
        if prev in rules.event_preps and not labelled:
            return m.date, "estimated", m.raw
        return m.date, "day", m.raw
    return None


def _mark_furniture(lines: list[_Line], texts: list[str], rules: _Rules) -> tuple[list[tuple[str, str]], list[str]]:
    """Flag boilerplate lines (role drop/end); return the credit lines' names
    with their role (outlet evidence) and the texts of the flagged lines."""
    credits: list[tuple[str, str]] = []
    furniture: list[str] = []
    for ln, t in zip(lines, texts):
        if len(t) <= _TITLE_MAX_CHARS:
            for rx, role in rules.credit:
                m = rx.search(t)
                if m and _name(m.group("name"), rules):
                    credits.append((_name(m.group("name"), rules), role))
        if _matches(rules.end_short, rules.end_long, t, rules.short_max):
            ln.role = "end"
        elif _matches(rules.drop_short, rules.drop_long, t, rules.short_max):
            ln.role = "drop"
        if ln.role:
            furniture.append(t)
    return credits, furniture


@dataclass
class _Header:
    end: int  # index of the first body line
    byline: str = ""
    own_dates: list[tuple[_dt.date, str, str]] = field(default_factory=list)  # (date, precision, line)
    rep_dates: list[tuple[_dt.date, str, str, str]] = field(default_factory=list)  # ... + republisher
    named: list[tuple[str, str]] = field(default_factory=list)  # (known outlet, line) from outlet and date lines


def _read_header(lines: list[_Line], texts: list[str], rules: _Rules) -> _Header:
    """Find the header (the lines before the first body line) and take the
    byline and date lines out of it (role byline/date)."""
    end = min(len(lines), _HEADER_MAX_LINES)
    for i in range(end):
        if not lines[i].role and _is_body(texts[i]):
            end = i
            break
    h = _Header(end)
    # a stand-first may come before the byline and date lines ("... says." / "By Leyla Aydin" / "April 28, 2020"):
    # short lines right after the first body line are read as header lines too
    late = [i for i in range(end + 1, min(len(lines), end + 1 + _LATE_HEADER_LINES))
            if not lines[i].role and len(texts[i]) <= _DATE_LINE_MAX_CHARS and not _is_body(texts[i])]
    for i in [*range(end), *late]:
        ln, t = lines[i], texts[i]
        if ln.role:
            continue
        m = rules.byline.match(t)
        name = _name(rules.byline_tail.sub("", m.group("name")), rules) if m else ""
        if name and _looks_like_name(name, rules):
            h.byline = h.byline or name
            ln.role = "byline"
            continue
        if len(t) > _DATE_LINE_MAX_CHARS:
            continue
        # Arabic comma ("27 February، 2020", SANA's date lines): same length, so offsets hold
        found = [d for d in find_absolute_dates(t.replace("،", ","), knowledge=rules.knowledge)
                 if d.date is not None and d.precision in ("day", "month")]
        if not found:
            named = _outlet_line(t, rules)
            if named:  # "DAILY SABAH WITH AA", "AFRIN – ANHA", "Enab Baladi – Idlib"
                h.named.append((named, t))
                ln.role = "outlet"
            continue
        d = found[0]
        # what the line says besides the date: a name ("Global Research,"),
        # a label ("Published:"), a byline ("... by X"), or nothing
        rest = rules.date_label.sub("", (t[: d.start] + " " + t[d.end :]).strip()).strip(_PUNCT_EDGES)
        by = re.search(r"\bby\s+(.+)$", rest, re.IGNORECASE)
        who = rest[: by.start()] if by else rest
        if len(_WORDS.findall(rest)) > _DATE_LINE_MAX_WORDS or not _looks_like_name(who, rules):
            continue  # a headline or sentence that mentions a date
        ln.role = "date"
        if by and not h.byline:
            h.byline = _name(rules.byline_tail.sub("", by.group(1)), rules)
        named = rules.outlet_names.get(_name(who, rules).casefold())
        if named:  # "Anadolu Agency | 28.02.2020", "Syrian Observatory for Human Rights, March 2, 2020"
            h.named.append((named, t))
        who = _name(who, rules).casefold()
        if who in rules.republisher_names:
            h.rep_dates.append((d.date, d.precision, t, rules.republisher_names[who]))
        else:
            h.own_dates.append((d.date, d.precision, t))
    return h


def _outlet_line(text: str, rules: _Rules) -> str:
    """The known outlet a short header line names, alone or with its partner
    agency or its desk ("DAILY SABAH WITH AA", "AFRIN – ANHA", "Enab Baladi –
    Idlib"); '' when the line is anything else."""
    if len(text) > 80:
        return ""
    parts = [p.strip(_PUNCT_EDGES + ".") for p in rules.outlet_line_split.split(text)]
    parts = [p for p in parts if p]
    known = [rules.outlet_names[p.casefold()] for p in parts if p.casefold() in rules.outlet_names]
    if not known or any(len(p.split()) > 4 for p in parts if p.casefold() not in rules.outlet_names):
        return ""
    return known[0]


def _dateline_outlet(text: str, rules: _Rules) -> tuple[str, str]:
    """The known outlet a wire dateline at the start of the body names
    ("ANKARA (AA) –", "MOSCOW, February 28. /TASS/.", "Damascus, SANA –"),
    with the dateline; ('', '') when none."""
    for rx in (*rules.datelines, *rules.slash_datelines):
        m = rx.match(text)
        if m:
            name = rules.outlet_names.get(m.group("name").strip(_PUNCT_EDGES + ".").casefold())
            if name and (rx not in rules.slash_datelines or name in rules.slash_outlets):
                return name, m.group(0)
    return "", ""


def _own_network_outlet(text: str, rules: _Rules) -> tuple[str, str]:
    """The known outlet whose own network the lead credits ("Daraa province:
    SOHR activists have documented ...", "Reliable sources have informed SOHR
    that ..."): a monitor's or agency's own report; ('', '') when none."""
    for rx in rules.own_leads:
        m = rx.match(text)
        if m:
            name = rules.outlet_names.get(m.group("name").strip().casefold())
            if name:
                return name, m.group(0)
    return "", ""


def _person_byline(name: str, rules: _Rules) -> bool:
    """Whether a byline names a person ("Leyla Aydin") rather than an outlet
    ("Orontes Post", "Mirror News"): two to four capitalised words, none of
    them an organisation word."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) \
        and not any(w.casefold().strip(".,") in rules.org_words for w in words)


def _split_byline(by: str, rules: _Rules) -> tuple[str, str]:
    """(outlet, author) of a byline: "Karim Haddad, Associated Press" ->
    (Associated Press, Karim Haddad); "South Front" -> (South Front, '');
    "Leyla Aydin" -> ('', Leyla Aydin)."""
    if by.casefold() in rules.outlet_names:
        return rules.outlet_names[by.casefold()], ""
    parts = [p.strip() for p in rules.byline_split.split(by) if p.strip()]
    outlets = [rules.outlet_names[p.casefold()] for p in parts if p.casefold() in rules.outlet_names]
    people = [p for p in parts if p.casefold() not in rules.outlet_names and _person_byline(p, rules)]
    if outlets:
        return outlets[0], ", ".join(people)
    if len(parts) == 1 and _person_byline(by, rules):
        return "", by
    return "", ", ".join(people)


def _outlet_and_republisher(
    h: _Header, credits: list[tuple[str, str]], furniture: list[str], meta: Mapping[str, str], rules: _Rules,
    dateline: tuple[str, str] = ("", ""), own_lead: tuple[str, str] = ("", ""),
) -> tuple[str, str, str, str]:
    """The outlet: a byline naming a known outlet or confirmed by a credit
    line, else an explicit credit line ("The original source of this article
    is X", "Follow X on Google news"), a known outlet a byline part, an outlet
    line or the outlet's own date line names ("By Karim Haddad, Associated
    Press", "DAILY SABAH WITH AA", "Anadolu Agency | 28.02.2020"), the agency
    of the wire dateline ("ANKARA (AA) –"), the page's site name, any byline
    that is no person's name, else the outlet whose own network the lead
    credits ("SOHR activists have documented"); each in one canonical
    spelling. The
    republisher: a known republisher with its own date line or named in the
    page furniture, when it is not the outlet itself. Also returned: the
    phrase the outlet was read from, and the author a byline or the page
    names."""
    strong = [n for n, role in credits if role == "outlet" and n.casefold() not in rules.republisher_names]
    confirmed = {n.casefold() for n, _ in credits}
    by = h.byline
    by_outlet, author = _split_byline(by, rules) if by else ("", "")
    outlet = raw = ""
    if by and (by.casefold() in rules.outlet_names or by.casefold() in confirmed or by in strong):
        outlet, raw = _canonical(by, rules), by
    elif strong:
        outlet, raw = _canonical(strong[0], rules), strong[0]
    elif by_outlet:  # "By Karim Haddad, Associated Press"
        outlet, raw = by_outlet, by
    elif h.named:  # an outlet line or the outlet's own date line
        outlet, raw = h.named[0]
    elif dateline[0]:  # "ANKARA (AA) –"
        outlet, raw = dateline
    elif meta.get("outlet"):
        outlet, raw = _canonical(meta["outlet"], rules), meta["outlet"]
    elif by and by.casefold() not in rules.republisher_names and not _person_byline(by, rules):
        outlet, raw = by, by
    elif own_lead[0]:  # "Daraa province: SOHR activists have documented ..."
        outlet, raw = own_lead
    author = author or meta.get("author", "")
    republisher = h.rep_dates[0][3] if h.rep_dates else ""
    if not republisher and rules.republisher_re is not None:
        for t in furniture:
            m = rules.republisher_re.search(t)
            if m:
                republisher = rules.republisher_names[m.group().casefold()]
                break
    if republisher and outlet and republisher.casefold() == outlet.casefold():
        republisher = ""
    if republisher and not outlet:  # the republishing site's own article
        outlet, republisher = republisher, ""
    return outlet, republisher, raw, author


def _mark_title(lines: list[_Line], texts: list[str], header_end: int, names: set[str]) -> int:
    """Flag header lines that only name the outlet (role outlet), the title
    (first heading, else first line of three or more words that is not the
    first half of a broken sentence) and the section labels above it (role
    chrome). Returns the title's line index or -1."""
    for i in range(header_end):
        if not lines[i].role and texts[i].strip(_PUNCT_EDGES).casefold() in names:
            lines[i].role = "outlet"
    heads = [i for i in range(header_end) if not lines[i].role and lines[i].heading]
    for i in heads or range(header_end):
        t = texts[i]
        if lines[i].role or _starts_lower(t) or t.endswith(":") or len(t) > _TITLE_MAX_CHARS:
            continue
        if len(_WORDS.findall(t)) < _TITLE_MIN_WORDS:
            continue
        nxt = next((texts[k] for k in range(i + 1, len(lines)) if not lines[k].role), "")
        if _starts_lower(nxt) and not _TERMINAL.search(t):
            continue  # the first half of a broken sentence, not a heading
        lines[i].role = "title"
        for k in range(i):  # section labels above the title ("Armed Conflicts")
            if not lines[k].role and len(_WORDS.findall(texts[k])) < _TITLE_MIN_WORDS and not _TERMINAL.search(texts[k]):
                lines[k].role = "chrome"
        return i
    return -1


def _cut_trailer(lines: list[_Line], header_end: int, rules: _Rules, last_content: int = -1) -> int:
    """Index of the first end marker that follows real text (everything from
    there on is dropped); earlier end markers are dropped alone, and so are
    those before `last_content`, the last block trafilatura reads as the
    article (a "Most read" box inside the page is not its end)."""
    body_chars = 0
    for i, ln in enumerate(lines):
        if ln.role == "end":
            if i >= header_end and body_chars >= rules.min_body_chars and i > last_content:
                return i
            ln.role = "drop"
        elif not ln.role:
            body_chars += ln.b - ln.a
    return len(lines)


def _paragraphs(s: str, lines: list[_Line], cut: int, kind: str, rules: _Rules) -> _Out:
    """Assemble the kept lines into paragraphs separated by a blank line.

    A block is a run of kept lines with no blank or dropped line between
    them. Markdown joins a block into one paragraph (list items and headings
    excepted), plain text only when it was hard-wrapped; otherwise every line
    is a paragraph. A paragraph that stops without sentence-final punctuation
    is joined to a next one that starts in lower case (a sentence broken in
    two); titles and headings are never joined."""
    paras: list[list[list[tuple[int, int] | str]]] = []
    last: list[tuple[bool, str]] = []  # per paragraph: (title or heading, text of its last line)
    block: list[tuple[int, list[tuple[int, int] | str], str]] = []

    def flush_block() -> None:
        wrapped = kind == "txt" and _hard_wrapped([t for _, _, t in block])
        for j, (li, pcs, t) in enumerate(block):
            fixed = lines[li].role == "title" or lines[li].heading
            if not paras or fixed or last[-1][0]:
                join = False
            elif j > 0 and ((kind == "md" and not lines[li].item) or wrapped):
                join = True
            else:
                join = not _TERMINAL.search(last[-1][1]) and _starts_lower(t)
            if join:
                paras[-1].append(pcs)
                last[-1] = (False, t)
            else:
                paras.append([pcs])
                last.append((fixed, t))
        block.clear()

    prev_kept = -2
    for i in range(cut):
        ln = lines[i]
        if ln.role not in ("", "title"):
            continue
        pcs = _line_pieces(s, ln.a, ln.b, rules.inline, rules.breaks, rules.line_ends)
        t = _pieces_text(s, pcs)
        if not t:
            continue
        if block and (ln.blank_before or prev_kept != i - 1):
            flush_block()
        block.append((i, pcs, t))
        prev_kept = i
    if block:
        flush_block()

    out = _Out()
    for j, para in enumerate(paras):
        if j:
            out.insert("\n\n")
        for k, pcs in enumerate(para):
            if k:
                out.insert(" ")
            for p in pcs:
                if isinstance(p, str):
                    out.insert(p)
                else:
                    out.copy(s, p[0], p[1])
    return out


def _publication(meta: Mapping[str, str], h: _Header, clean: str, rules: _Rules) -> tuple[_dt.date | None, str, str | None]:
    """(date, precision, phrase): the page's declared publication time, the
    outlet's own date line, the republisher's date line, else the earliest
    full date in the opening of the clean text; (None, unknown, None)."""
    if meta.get("published"):
        got = _parse_date_value(meta["published"], rules)
        if got:
            return got[0], got[1], meta["published"]
    if h.own_dates:
        return h.own_dates[0]
    if h.rep_dates:
        return h.rep_dates[0][:3]
    return _opening_date(clean, rules) or (None, "unknown", None)


# ---------------------------------------------------------------------------
# HTML: which blocks are the article (trafilatura), exact offsets kept (ours).

_TRAFILATURA_MIN_WORDS = 20  # a body this short from trafilatura is a miss: keep every block
_KEY_WORDS = re.compile(r"\w+")
_MATCH_MIN_CHARS = 8  # a line this long (its match key) may lie inside a longer trafilatura line (a table row)
# htmldate bounds its search by today by default: a fixed bound keeps the same page giving the same date
_DATE_PARAMS = {"original_date": True, "extensive_search": True, "min_date": "1995-01-01", "max_date": "2099-12-31"}


@dataclass(frozen=True)
class _Content:
    """What trafilatura reads from a page: its main-content lines (as match
    keys) and the page's metadata."""

    lines: frozenset[str]
    body: str  # the content lines' keys joined, padded with spaces
    meta: Mapping[str, str]


def _key(text: str) -> str:
    return " ".join(_KEY_WORDS.findall(text.casefold()))


def _trafilatura(raw: str) -> _Content | None:
    """trafilatura's reading of an HTML page, or None when it is not
    installed, fails or finds no body worth trusting. Comments are left out
    (readers' comments are no account of the event)."""
    try:
        import warnings

        import trafilatura
    except ImportError:  # pragma: no cover - a dependency; without it the page is read block by block
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False,
                                              date_extraction_params=_DATE_PARAMS)
    except Exception:  # noqa: BLE001 - a page trafilatura cannot read is read block by block
        return None
    if doc is None:
        return None
    got = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = got.get("text") or ""
    keys = [k for k in (_key(x) for x in text.splitlines()) if k]
    meta = {k: str(got[v]).strip() for k, v in (("outlet", "sitename"), ("published", "date"), ("author", "author"),
                                                ("title", "title")) if got.get(v)}
    if sum(len(k.split()) for k in keys) < _TRAFILATURA_MIN_WORDS:
        return _Content(frozenset(), "", meta)
    return _Content(frozenset(keys), " " + " ".join(keys) + " ", meta)


def _is_content(text: str, content: _Content) -> bool:
    """Whether a block of ours is main content by trafilatura's reading: the
    same line, or (eight characters or more) a stretch of its text, whole
    words (trafilatura joins table cells and lines broken by <br>)."""
    k = _key(text)
    if not k:
        return False
    return k in content.lines or (len(k) >= _MATCH_MIN_CHARS and f" {k} " in content.body)


def _analyse(raw: str, kind: str, rules: _Rules) -> _Parsed:
    """Clean `raw` and read its metadata from the text.

    HTML is a hybrid: our markup stripping keeps exact offsets (raw_map);
    trafilatura decides which blocks are the article (navigation, related
    links, comments and cookie banners are dropped) and supplies the site
    name, date and author the page's own metadata does not declare."""
    meta = _html_meta(raw) if kind == "html" else {}
    content = _trafilatura(raw) if kind == "html" else None
    if content is not None:
        for k, v in content.meta.items():
            if k == "title":
                continue  # our title (h1, og:title) reads better than trafilatura's
            meta.setdefault(k, v)
    s, runs1 = _strip_markup(raw, kind)
    lines = _split_lines(s, kind)
    texts = [s[ln.a : ln.b] for ln in lines]
    credits, furniture = _mark_furniture(lines, texts, rules)
    h = _read_header(lines, texts, rules)
    body = next((texts[i] for i in range(h.end, len(lines)) if not lines[i].role), "")
    dateline = _dateline_outlet(body, rules)
    own_lead = _own_network_outlet(body, rules)
    outlet, republisher, outlet_raw, author = _outlet_and_republisher(h, credits, furniture, meta, rules, dateline,
                                                                      own_lead)
    names = {n.casefold() for n in (h.byline, outlet, republisher) if n}
    names |= {n.casefold() for n, _ in credits} | set(rules.outlet_names) | set(rules.republisher_names)
    title_i = _mark_title(lines, texts, h.end, names)
    last_content = -1
    if content is not None and content.lines:
        for i, (ln, t) in enumerate(zip(lines, texts)):
            if ln.role not in ("", "end"):
                continue
            if _is_content(t, content):
                if not ln.role:
                    last_content = i
            elif not ln.role:
                ln.role = "offpage"  # not the article by trafilatura's reading
    out = _paragraphs(s, lines, _cut_trailer(lines, h.end, rules, last_content), kind, rules)
    clean = out.text()
    published, precision, published_raw = _publication(meta, h, clean, rules)
    return _Parsed(
        text=clean,
        runs=_compose(out.runs, runs1),
        title=meta.get("title") or (texts[title_i] if title_i >= 0 else None),
        outlet=outlet or None,
        republished_by=republisher or None,
        published=published,
        precision=precision,
        published_raw=published_raw,
        outlet_raw=outlet_raw or None,
        author=author or None,
    )


def clean_text(raw: str, *, kind: str = "txt", knowledge: Knowledge) -> tuple[str, list[tuple[int, int, int]]]:
    """Clean article text and its map back to `raw`.

    `kind` is txt, md or html. Markup, page furniture and boilerplate
    (the knowledge pack's boilerplate.yaml) are removed, byline and date lines of
    the header dropped (their content goes to the documents' metadata),
    paragraphs are separated by a blank line, and a paragraph that ends
    without sentence-final punctuation is joined to a next one that starts in
    lower case. Returns the clean text and runs `(clean_start, raw_start,
    length)` with ``clean[c:c+n] == raw[r:r+n]`` for each run."""
    if kind not in ("txt", "md", "html"):
        raise ValueError(f"kind must be txt, md or html, not {kind!r}")
    p = _analyse(raw, kind, knowledge.derived(_build_rules))
    return p.text, p.runs


# ---------------------------------------------------------------------------
# Bytes -> text.

_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_BINARY_CTRL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


_UTF16_MIN_ZEROS = 0.3  # share of the high bytes that are NUL in UTF-16 text (Latin script: nearly all)
_UTF16_MAX_ZEROS = 0.02  # ... and of the low bytes (a NUL character is rare in text)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when `data` is UTF-16 text without a
    byte-order mark: NUL bytes at one parity only, and the decoded opening is
    printable text (an array of small binary integers decodes to control
    characters)."""
    head = data[:8192]
    head = head[: len(head) - len(head) % 2]
    n = len(head) // 2
    if n < 2:
        return None
    z_even, z_odd = head[0::2].count(0), head[1::2].count(0)
    if z_odd >= _UTF16_MIN_ZEROS * n and z_even <= _UTF16_MAX_ZEROS * n:
        codec = "utf-16-le"
    elif z_even >= _UTF16_MIN_ZEROS * n and z_odd <= _UTF16_MAX_ZEROS * n:
        codec = "utf-16-be"
    else:
        return None
    text = head.decode(codec, errors="replace")
    odd = sum(1 for ch in text if (ch < " " and ch not in "\t\n\r\f") or ch == "\ufffd")
    return codec if odd <= max(2, len(text) // 100) else None


def _binary_kind(data: bytes) -> str | None:
    """Why `data` is not text, or None when it looks like text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text: NUL bytes are expected
    for magic, what in _formats()["signatures"]:
        if data.startswith(magic):
            return what
    head = data[:8192]
    if b"\x00" in head and _utf16_without_bom(data):
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if head and len(_BINARY_CTRL.findall(head)) > max(8, len(head) // 100):
        return "binary data (control bytes)"
    return None


def decode_bytes(data: bytes) -> tuple[str, str, str | None]:
    """Decode article bytes: (text, encoding, warning or None).

    UTF-8 (BOM optional) and UTF-16 (BOM optional: without one, the NUL
    bytes of its Latin characters tell little- from big-endian) are read as
    such; bytes that are
    not valid UTF-8 but hold no UTF-8 multi-byte sequences either are
    Windows-1252 (a superset of Latin-1's printable range). Bytes that fit
    neither are replaced with U+FFFD and the warning says how many and where."""
    if data.startswith(b"\xef\xbb\xbf"):
        enc, body = "utf-8-sig", data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        bad = text.count("\ufffd")
        return text, "utf-16", (f"{bad} undecodable bytes replaced with U+FFFD (utf-16)" if bad else None)
    elif b"\x00" in data[:8192] and (codec := _utf16_without_bom(data)):
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        return text, codec, (f"{bad} undecodable bytes replaced with U+FFFD ({codec})" if bad else None)
    else:
        enc, body = "utf-8", data
    try:
        return body.decode("utf-8"), enc, None
    except UnicodeDecodeError as exc:
        first_bad = exc.start + (3 if enc == "utf-8-sig" else 0)
    n_multi = sum(len(m.group()) for m in _UTF8_SEQ.finditer(body))
    n_high = len(_NON_ASCII.findall(body))
    n_invalid = n_high - n_multi
    if enc == "utf-8-sig" or n_multi >= n_invalid:
        text = body.decode("utf-8", errors="replace")
        return text, enc, f"{n_invalid} undecodable bytes replaced with U+FFFD (first at byte {first_bad}); read as {enc}"
    try:
        return body.decode("cp1252"), "cp1252", None
    except UnicodeDecodeError as exc:
        text = body.decode("cp1252", errors="replace")
        bad = text.count("\ufffd")
        return text, "cp1252", f"{bad} undecodable bytes replaced with U+FFFD (first at byte {exc.start}); read as cp1252"


# ---------------------------------------------------------------------------
# Column maps, manifests.


def parse_columns(spec: str | None) -> dict[str, str]:
    """Parse a column map ``"id=unit_id,text=article_content"`` into
    ``{"id": "unit_id", "text": "article_content"}``.

    Keys: id, text, title, outlet, republished_by, published,
    published_precision, url; `text` is required. None or an empty string give
    ``{}`` (use the default column names). Raises `CorpusError` naming the bad
    entry for a malformed spec, an unknown or repeated key."""
    if spec is None or not spec.strip():
        return {}
    out: dict[str, str] = {}
    for entry in spec.split(","):
        entry = entry.strip()
        if not entry:
            raise CorpusError(f"--columns {spec!r}: empty entry (stray comma?)")
        key, sep, col = entry.partition("=")
        key, col = key.strip(), col.strip()
        if not sep or not key or not col:
            raise CorpusError(f"--columns {spec!r}: entry {entry!r} is not key=column")
        if key not in COLUMN_KEYS:
            raise CorpusError(f"--columns {spec!r}: unknown key {key!r} (known keys: {', '.join(COLUMN_KEYS)})")
        if key in out:
            raise CorpusError(f"--columns {spec!r}: key {key!r} given twice")
        out[key] = col
    if "text" not in out:
        raise CorpusError(f"--columns {spec!r}: the text column is required (text=COLUMN)")
    return out


def _check_columns(columns: Mapping[str, str]) -> dict[str, str]:
    cols = {str(k).strip(): str(v).strip() for k, v in columns.items()}
    bad = [k for k in cols if k not in COLUMN_KEYS]
    if bad:
        raise CorpusError(f"column map: unknown key {bad[0]!r} (known keys: {', '.join(COLUMN_KEYS)})")
    if cols and "text" not in cols:
        raise CorpusError("column map: the text column is required (text=COLUMN)")
    empty = [k for k, v in cols.items() if not v]
    if empty:
        raise CorpusError(f"column map: no column given for {empty[0]!r}")
    return cols


@dataclass
class _Manifest:
    path: Path
    folder: Path
    rows: dict[str, dict[str, str]]  # relative posix path -> row
    by_name: dict[str, list[str]]  # basename -> keys
    used: set[str]
    read_folder: bool = False  # applied to a folder corpus: rows matching no file there are worth a warning


def _read_manifest(path: Path, *, explicit: bool, max_bytes: int, problems: list[dict[str, str]]) -> _Manifest | None:
    """Read a manifest CSV (at most `max_bytes`); an explicit one that cannot
    be used is an error, a default one is skipped with a warning."""

    def fail(reason: str) -> None:
        if explicit:
            raise CorpusError(f"manifest {path}: {reason}")
        problems.append(_problem(str(path), f"manifest ignored: {reason}", "warning"))

    try:
        data = read_regular(path, max_bytes=max_bytes, limit_name="--max-table-bytes")
    except UnreadableFile as exc:
        fail(exc.reason)
        return None
    text, _, _ = decode_bytes(data)
    try:
        reader = csv.DictReader(io.StringIO(text))
        fields = [f.strip().lower() for f in (reader.fieldnames or [])]
        raw_rows = list(reader)
    except csv.Error as exc:
        fail(f"not a readable CSV ({exc})")
        return None
    file_col = next((c for c in _formats()["manifest_file_columns"] if c in fields), None)
    if file_col is None:
        fail(f"no 'file' column (columns: {shorten(', '.join(fields)) or 'none'})")
        return None
    given = [k for k in COLUMN_KEYS if k not in ("id", "text")]
    if not any(f in given for f in fields):
        others = [f for f in fields if f != file_col]
        problems.append(_problem(str(path), f"manifest has no column claimscope uses besides {file_col!r} (looked for "
                                            f"{', '.join(given)}; found {shorten(', '.join(others)) or 'none'}): "
                                            "it changes nothing", "warning"))
    rows: dict[str, dict[str, str]] = {}
    for r in raw_rows:
        row = {str(k).strip().lower(): (v or "").strip() for k, v in r.items() if k is not None and isinstance(v, str)}
        key = row.get(file_col, "").replace("\\", "/")
        while key.startswith("./"):
            key = key[2:]
        if key:
            rows[key] = row
    by_name: dict[str, list[str]] = {}
    for k in rows:
        by_name.setdefault(k.rsplit("/", 1)[-1], []).append(k)
    return _Manifest(path, path.parent, rows, by_name, set())


def _manifest_row(man: _Manifest | None, file: Path) -> dict[str, str] | None:
    if man is None:
        return None
    try:
        rel = os.path.relpath(file, man.folder).replace(os.sep, "/")
    except ValueError:
        rel = file.name
    key = rel if rel in man.rows else None
    if key is None:
        cands = man.by_name.get(file.name, [])
        key = cands[0] if len(cands) == 1 else None
    if key is None:
        return None
    man.used.add(key)
    return man.rows[key]


# ---------------------------------------------------------------------------
# Documents.


def _problem(path: str, reason: str, severity: str = "skipped") -> dict[str, str]:
    return {"path": path, "reason": reason, "stage": "ingest", "severity": severity}


def _apply_given(
    doc: dict[str, Any], given: Mapping[str, str], *, sources: Mapping[str, str], where: str, problems: list[dict[str, str]],
    rules: _Rules,
) -> None:
    """Overlay values from a manifest row or table columns on what the text
    gave. `sources` names where each key came from, for the problem messages
    ("manifest column 'published'", "column 'date'")."""
    for key in ("title", "outlet", "republished_by", "url"):
        v = (given.get(key) or "").strip()
        if v:
            if key in ("outlet", "republished_by"):  # one spelling per outlet: "dailysabah" is Daily Sabah
                if key == "outlet":
                    doc["outlet_raw"] = v
                v = _canonical(v, rules)
            doc[key] = v
    pub = (given.get("published") or "").strip()
    prec = (given.get("published_precision") or "").strip().lower()
    if prec and prec not in PRECISIONS:
        problems.append(
            _problem(
                where, f"{sources.get('published_precision')}: {prec!r} is not one of {', '.join(PRECISIONS)}; ignored", "warning"
            )
        )
        prec = ""
    if pub:
        got = _parse_date_value(pub, rules)
        if got is None:
            problems.append(
                _problem(
                    where,
                    f"{sources.get('published')}: {pub!r} is not a date; the date was read from the text instead",
                    "warning",
                )
            )
        else:
            doc["published"] = got[0].isoformat()
            doc["published_precision"] = prec or got[1]
            doc["published_raw"] = "manifest" if sources.get("published", "").startswith("manifest") else pub
    elif prec == "unknown":
        doc["published"], doc["published_precision"], doc["published_raw"] = None, "unknown", None


def _document(raw: str, kind: str, rules: _Rules) -> dict[str, Any]:
    p = _analyse(raw, kind, rules)
    return {
        "title": p.title,
        "outlet": p.outlet,
        "outlet_raw": p.outlet_raw,
        "author": p.author,
        "republished_by": p.republished_by,
        "published": p.published.isoformat() if p.published else None,
        "published_precision": p.precision,
        "published_raw": p.published_raw,
        "text": p.text,
        "raw_map": p.runs,
    }


def _read_bytes(path: Path, shown: str, max_bytes: int, problems: list[dict[str, str]]) -> bytes | None:
    try:
        data = read_regular(path, max_bytes=max_bytes, limit_name="--max-bytes")
    except UnreadableFile as exc:
        reason = exc.reason
        if reason == "not found":
            reason = "cannot read: file not found (removed while reading?)"
        elif reason == "broken symbolic link":
            reason = "cannot read: broken symbolic link"
        elif reason.startswith("too large"):
            reason = "file " + reason
        problems.append(_problem(shown, reason))
        return None
    if not data:
        problems.append(_problem(shown, "empty file (0 bytes)"))
        return None
    return data


def _read_article(
    path: Path, shown: str, corpus: str, kind: str, max_bytes: int, man: _Manifest | None, problems: list[dict[str, str]],
    rules: _Rules,
) -> dict[str, Any] | None:
    data = _read_bytes(path, shown, max_bytes, problems)
    if data is None:
        return None
    what = _binary_kind(data)
    if what:
        problems.append(_problem(shown, f"binary file, not text: {what}"))
        return None
    raw, enc, warning = decode_bytes(data)
    if warning:
        problems.append(_problem(shown, warning, "warning"))
    if not raw.strip():
        problems.append(_problem(shown, "empty file (only whitespace)"))
        return None
    try:
        doc = _document(raw, kind, rules)
    except Exception as exc:  # degrade locally: one odd file never stops the run
        problems.append(_problem(shown, f"could not be cleaned ({type(exc).__name__}: {exc})"))
        return None
    if not doc["text"]:
        problems.append(_problem(shown, "no article text left after removing markup and boilerplate"))
        return None
    row = _manifest_row(man, path)
    if row:
        _apply_given(doc, row, sources={k: f"manifest column {k!r}" for k in COLUMN_KEYS}, where=shown, problems=problems,
                     rules=rules)
    doc.update(
        doc_id=path.stem,
        path=shown,
        corpus=corpus,
        encoding=enc,
        _hash=hashlib.sha1(data).hexdigest(),
        _real=os.path.realpath(path),
    )
    return doc


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _walk(folder: Path, corpus: str, problems: list[dict[str, str]]) -> list[Path]:
    """Files under `folder`, recursively, sorted; hidden entries left out.

    Links to folders are not followed (they can loop, or lead anywhere);
    links to files are followed only when the file lies inside `folder`, so a
    corpus unpacked from an archive cannot make us read /etc/passwd. Both, and
    subfolders that cannot be listed, are reported in `problems`."""
    real_root = os.path.realpath(folder)
    found: list[Path] = []

    def shown(p: str | os.PathLike[str]) -> str:
        return os.path.join(corpus, os.path.relpath(p, folder))

    def unreadable(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else folder
        problems.append(_problem(shown(where), f"folder cannot be read ({exc.strerror or exc}); its files were not read"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        keep = []
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            if os.path.islink(os.path.join(root, d)):
                problems.append(_problem(shown(os.path.join(root, d)), "symbolic link to a folder; not followed "
                                         "(give the folder itself as a corpus to read it)"))
                continue
            keep.append(d)
        dirs[:] = keep
        for f in sorted(files):
            if f.startswith("."):
                continue
            p = os.path.join(root, f)
            if os.path.islink(p) and not _inside(os.path.realpath(p), real_root):
                problems.append(_problem(shown(p), "symbolic link to a file outside the corpus folder; not followed"))
                continue
            found.append(Path(p))
    return found


def _special_kind(path: Path) -> str | None:
    """What `path` is when it is neither a regular file nor missing (a pipe,
    a device, a socket), else None."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) else file_kind(mode)


def _read_folder(
    folder: Path, corpus: str, man: _Manifest | None, max_bytes: int, problems: list[dict[str, str]], rules: _Rules
) -> list[dict[str, Any]]:
    fm = _formats()
    docs = []
    for f in _walk(folder, corpus, problems):
        shown = os.path.join(corpus, os.path.relpath(f, folder))
        ext = f.suffix.lower()
        if man is not None and f == man.path:
            continue
        if ext in fm["articles"]:
            doc = _read_article(f, shown, corpus, fm["articles"][ext], max_bytes, man, problems, rules)
            if doc:
                docs.append(doc)
        elif f.name == fm["manifest_name"]:
            continue
        elif (kind := _special_kind(f)) is not None:
            problems.append(_problem(shown, f"not a regular file ({kind})"))
        elif ext in fm["tables"]:
            problems.append(_problem(shown, "a table inside a corpus folder is not read; give the table itself as a corpus"))
        else:
            problems.append(
                _problem(
                    shown, f"not an article file ({ext or 'no extension'}); articles are {', '.join(sorted(fm['articles']))}"
                )
            )
    return docs


def _default_columns(available: Sequence[str]) -> dict[str, str]:
    lower = {c.lower(): c for c in available}
    out = {}
    for key, names in _formats()["default_columns"].items():
        for n in names:
            if n.lower() in lower:
                out[key] = lower[n.lower()]
                break
    return out


def _read_parquet(data: bytes, max_bytes: int) -> pd.DataFrame | None:
    """The Parquet table in `data`, or None when its data, unpacked, is over
    `max_bytes` (a few kilobytes of dictionary-encoded text can unpack to
    gigabytes): batches are read one by one and counted as they come."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    batches = []
    total = 0
    for batch in pq.ParquetFile(io.BytesIO(data)).iter_batches(batch_size=4096):
        total += batch.nbytes
        if total > max_bytes:
            return None
        batches.append(batch)
    schema_ = pq.read_schema(io.BytesIO(data))
    return pa.Table.from_batches(batches, schema=schema_).to_pandas()


def _read_table(
    path: Path,
    corpus: str,
    kind: str,
    columns: Mapping[str, str] | None,
    max_bytes: int,
    max_table_bytes: int,
    problems: list[dict[str, str]],
    rules: _Rules,
) -> list[dict[str, Any]]:
    try:
        raw_bytes = read_regular(path, max_bytes=max_table_bytes, limit_name="--max-table-bytes")
    except UnreadableFile as exc:
        problems.append(_problem(corpus, exc.reason))
        return []
    try:
        if kind == "parquet":
            table = _read_parquet(raw_bytes, max_table_bytes)
            if table is None:
                problems.append(_problem(corpus, f"too large: over {max_table_bytes:,} bytes uncompressed "
                                                 "(--max-table-bytes)"))
                return []
            enc = "utf-8"
        else:
            text, enc, warning = decode_bytes(raw_bytes)
            if warning:
                problems.append(_problem(corpus, warning, "warning"))
            table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (OSError, ValueError, pd.errors.ParserError, pd.errors.EmptyDataError, ImportError) as exc:
        problems.append(_problem(corpus, f"table could not be read ({type(exc).__name__}: {shorten(str(exc))})"))
        return []
    available = [str(c) for c in table.columns]
    if columns:
        cols = dict(columns)
        missing = [c for c in cols.values() if c not in available]
        if missing:
            raise CorpusError(f"{corpus}: no column {bounded(missing[0])} (columns: {shorten(', '.join(available))})")
    else:
        cols = _default_columns(available)
        if "text" not in cols:
            raise CorpusError(
                f"{corpus}: no text column found (looked for {', '.join(_formats()['default_columns']['text'])}); "
                f"give --columns text=COLUMN (columns: {shorten(', '.join(available))})"
            )
    stem = path.stem
    data = {k: table[c].tolist() for k, c in cols.items()}

    def cell(key: str, i: int) -> str:
        return cells.text(data[key][i]) if key in data else ""

    docs = []
    for i in range(len(table)):
        shown = f"{corpus}#row={i}"
        raw = cell("text", i)
        if not raw.strip():
            problems.append(_problem(shown, "empty text"))
            continue
        nbytes = len(raw.encode("utf-8", errors="replace"))
        if nbytes > max_bytes:
            problems.append(_problem(shown, f"text too large: {nbytes:,} bytes, over the limit of {max_bytes:,} (--max-bytes)"))
            continue
        try:
            doc = _document(raw, "txt", rules)
        except Exception as exc:  # degrade locally
            problems.append(_problem(shown, f"could not be cleaned ({type(exc).__name__}: {exc})"))
            continue
        if not doc["text"]:
            problems.append(_problem(shown, "no article text left after removing boilerplate"))
            continue
        given = {k: cell(k, i) for k in cols if k not in ("id", "text")}
        _apply_given(doc, given, sources={k: f"column {c!r}" for k, c in cols.items()}, where=shown, problems=problems,
                     rules=rules)
        doc_id = cell("id", i).strip() or f"{stem}-{i}"
        doc.update(
            doc_id=doc_id,
            path=shown,
            corpus=corpus,
            encoding=enc,
            _hash=hashlib.sha1(raw.encode("utf-8", "replace")).hexdigest(),
            _real=shown,
        )
        docs.append(doc)
    return docs


def _unique_ids(docs: list[dict[str, Any]], problems: list[dict[str, str]]) -> None:
    """Give colliding doc_ids a short content-hash suffix (a hash of path and
    content when the contents are equal too), and report each renaming.
    Every member of a colliding group gets one, so the ids do not depend on
    the order of the corpora; a suffixed id that another document already
    has (a file named ``a-1f2e3d4c.txt``) is lengthened until it is free."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        groups.setdefault(d["doc_id"], []).append(d)
    taken = {base for base, group in groups.items() if len(group) == 1}
    for base in sorted(b for b, group in groups.items() if len(group) > 1):
        group = groups[base]
        hashes = [d["_hash"] for d in group]
        keyed = []
        for d in group:
            h = d["_hash"]
            if hashes.count(h) > 1:
                h = hashlib.sha1(f"{d['path']}\0{h}".encode()).hexdigest()
            keyed.append((h, d["path"], d))
        keyed.sort(key=lambda k: (k[0], k[1]))
        for h, path, d in keyed:
            n = 8
            new = f"{base}-{h[:n]}"
            while new in taken and n < len(h):
                n += 4
                new = f"{base}-{h[:n]}"
            k = 2
            while new in taken:
                new, k = f"{base}-{h}-{k}", k + 1
            taken.add(new)
            d["doc_id"] = new
            problems.append(_problem(path, f"doc_id {bounded(base)} is used by {len(group)} documents; "
                                           f"this one is renamed {bounded(new)}", "warning"))


# ---------------------------------------------------------------------------
# Duplicates.

_NORM = re.compile(r"[^\w]+")
_ROUGH_SENT = re.compile(r"[.!?]\s|\n\n")


def _body_key(text: str) -> str:
    """A body for comparison: case folded, punctuation dropped, one space between words."""
    return _NORM.sub(" ", text.casefold()).strip()


def _block_keys(text: str) -> list[int]:
    """CRC32s of the document's longest sentences (at least six words): near
    copies share most of them, and long sentences are seldom stock phrases."""
    pieces = _ROUGH_SENT.split(text)
    longest = sorted(pieces, key=len, reverse=True)
    keys: list[int] = []
    for p in longest:
        k = _body_key(p)
        if k.count(" ") >= 5:
            keys.append(zlib.crc32(k.encode()))
            if len(keys) == _NEAR_DUP_KEYS:
                break
    return keys


def mark_duplicates(
    doc_ids: Sequence[str],
    texts: Sequence[str],
    published: Sequence[str | None],
    *,
    min_score: float = 95.0,
) -> list[str | None]:
    """`duplicate_of` for each document: the doc_id of the earliest copy
    (by published date, unknown dates last, then doc_id) of the same body, or
    None for originals.

    Equal bodies (ignoring case) are found by hashing. Near-equal ones
    (rapidfuzz ratio >= `min_score` on the bodies with case, punctuation and
    spacing ignored) are only compared within blocks of documents that share
    one of their few longest sentences, and only when their lengths allow the
    score, so the work stays near-linear in the number of documents."""
    n = len(doc_ids)
    copies = DisjointSets(range(n))
    find, union = copies.find, copies.union

    first_of: dict[str, int] = {}
    blocks: dict[int, list[int]] = {}
    for i, t in enumerate(texts):
        t = t or ""
        exact = t.casefold()
        if not exact:
            continue
        if exact in first_of:
            union(first_of[exact], i)
            continue
        first_of[exact] = i
        if len(t) >= _NEAR_DUP_MIN_CHARS:
            for h in _block_keys(t):
                blocks.setdefault(h, []).append(i)
    norm: dict[int, str] = {}

    def body(i: int) -> str:
        if i not in norm:
            norm[i] = _body_key(texts[i])
        return norm[i]

    min_len_ratio = min_score / (200.0 - min_score)  # ratio = 2*LCS/(a+b) bounds short/long
    compared: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > _NEAR_DUP_MAX_BLOCK:
            continue
        members = sorted(members, key=lambda i: len(texts[i]))
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if len(texts[i]) < min_len_ratio * len(texts[j]) * 0.98:
                    break  # sorted by length: every later one is longer still
                pair = (i, j) if i < j else (j, i)
                if pair in compared or find(i) == find(j):
                    continue
                compared.add(pair)
                if fuzz.ratio(body(i), body(j), score_cutoff=min_score):
                    union(i, j)
    clusters = copies.groups()
    out: list[str | None] = [None] * n

    def order(i: int) -> tuple[bool, str, str]:
        p = published[i]
        known = isinstance(p, str) and bool(p)
        return (not known, p if known else "", doc_ids[i])

    for members in clusters.values():
        if len(members) < 2:
            continue
        members.sort(key=order)
        for i in members[1:]:
            out[i] = doc_ids[members[0]]
    return out


# ---------------------------------------------------------------------------
# Entry point.


def read_corpora(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    manifest: str | os.PathLike[str] | None = None,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = 5_000_000,
    max_table_bytes: int = 500_000_000,
    knowledge: Knowledge,
) -> IngestResult:
    """Read every corpus in `paths` into the documents table.

    A corpus is a folder (read recursively: .txt/.text, .md/.markdown,
    .html/.htm files; hidden files and folders left out; other files reported
    and skipped), a single article file (any extension other than a table's
    is read as text), or a .csv/.parquet table (one article per row; `columns`
    maps keys to column names, see `parse_columns`; without it the default
    names in data/ingest.yaml are tried, e.g. text/article_content,
    id/unit_id, title/article_title, outlet/source). `manifest` applies to all
    file corpora; without it a ``manifest.csv`` inside a folder corpus (or
    beside a single file) is used. Manifest and column values win over what
    the text says. `max_bytes` limits each file, and each table row's text;
    `max_table_bytes` limits each table corpus (for Parquet, its uncompressed
    size) and each manifest. `knowledge` gives the boilerplate, outlet and
    date-line words.

    Raises `CorpusError` for a missing corpus path, a malformed column map, a
    mapped column the table lacks, or an unusable --manifest; everything else
    that goes wrong is a row of `problems`."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if not paths:
        raise CorpusError("no corpus given")
    for name, value in (("max_bytes", max_bytes), ("max_table_bytes", max_table_bytes)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise CorpusError(f"{name} must be a positive whole number of bytes, not {bounded(value)}")
    cols = _check_columns(columns) if columns else None
    corpora = [str(os.fspath(p)) for p in paths]
    for c in corpora:
        if not c.strip():
            raise CorpusError("empty corpus path")
        if not os.path.exists(c):
            hint = " (broken symbolic link)" if os.path.islink(c) else ""
            raise CorpusError(f"corpus {c}: no such file or folder{hint}")
    fm = _formats()
    rules = knowledge.derived(_build_rules)
    problems: list[dict[str, str]] = []
    explicit = (_read_manifest(Path(manifest), explicit=True, max_bytes=max_table_bytes, problems=problems)
                if manifest is not None else None)
    manifests: list[_Manifest] = [explicit] if explicit else []
    docs: list[dict[str, Any]] = []
    for c in corpora:
        p = Path(c)
        if p.is_dir():
            man = explicit
            if man is None and os.path.lexists(p / fm["manifest_name"]):
                man = _read_manifest(p / fm["manifest_name"], explicit=False, max_bytes=max_table_bytes, problems=problems)
                if man:
                    manifests.append(man)
            if man is not None:
                man.read_folder = True
            docs += _read_folder(p, c, man, max_bytes, problems, rules)
        elif p.suffix.lower() in fm["tables"]:
            docs += _read_table(p, c, fm["tables"][p.suffix.lower()], cols, max_bytes, max_table_bytes, problems, rules)
        else:
            man = explicit
            sibling = p.parent / fm["manifest_name"]
            if man is None and os.path.lexists(sibling) and sibling != p:
                man = _read_manifest(sibling, explicit=False, max_bytes=max_table_bytes, problems=problems)
                if man:
                    manifests.append(man)
            kind = fm["articles"].get(p.suffix.lower(), "txt")
            doc = _read_article(p, c, c, kind, max_bytes, man, problems, rules)
            if doc:
                docs.append(doc)
    # the same file reached twice (corpus listed twice, file inside a listed folder)
    seen: dict[str, str] = {}
    unique = []
    for d in docs:
        if d["_real"] in seen:
            problems.append(_problem(d["path"], f"same file as {seen[d['_real']]}; read once", "warning"))
            continue
        seen[d["_real"]] = d["path"]
        unique.append(d)
    docs = unique
    for man in manifests:
        if not man.read_folder:  # beside a single article, the other rows are for other files
            continue
        for key in sorted(set(man.rows) - man.used):
            problems.append(_problem(str(man.path), f"manifest row {key!r} matches no article file", "warning"))
    _unique_ids(docs, problems)
    docs.sort(key=lambda d: d["doc_id"])
    dup = mark_duplicates([d["doc_id"] for d in docs], [d["text"] for d in docs], [d["published"] for d in docs])
    for d, of in zip(docs, dup):
        d["duplicate_of"] = of
        d["n_chars"] = len(d["text"])
        d["n_claims"] = 0
        d["raw_map"] = json.dumps(d["raw_map"], separators=(",", ":"))
    names = schema.columns("documents")
    frame = pd.DataFrame({k: [d.get(k) for d in docs] for k in names}, dtype=object) if docs else schema.empty("documents")
    documents = schema.frame(frame, "documents")
    prob = pd.DataFrame(problems, columns=schema.columns("problems")) if problems else schema.empty("problems")
    return IngestResult(documents=documents, problems=schema.frame(prob, "problems"))
