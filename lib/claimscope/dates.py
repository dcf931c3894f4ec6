"""Find date expressions in article text and resolve them to calendar dates.

Claims need an event date, and conflict reporting states it in many ways:
explicit dates with or without a year ("On September 5", "28 May 2020",
"21.08.2013"), dates relative to the publication ("yesterday", "late Monday",
"last week") and dates relative to the preceding text ("A day later", "the
next day"). This module finds all of them with one precompiled regular
expression built from the knowledge pack's date lexicon (``dates.yaml``) and
resolves them; the compiled grammar is kept in the `Knowledge` object.

Public API
----------
``find_absolute_dates(text, *, knowledge)``
    explicit calendar dates only, unresolved when the year is missing.
``find_dates(text, *, knowledge, published, published_precision, context)``
    every date expression, resolved against the publication date and the
    date in force from the preceding text.
``resolve_year(month, day, published, *, tolerance_days)``
    the year of a year-less date.
``date_interval(iso, precision)``
    the first and last day an event date of a precision allows.

Each result is a :class:`DateMention`; ``text[m.start:m.end] == m.raw``.

Kinds (``DateMention.kind``)
----------------------------
``absolute``   an explicit calendar date, month or year ("May 27", "in 2015").
``relative``   relative to the publication date ("yesterday", "last week",
               "two days ago", "overnight").
``weekday``    a named weekday, resolved against the publication date
               ("on Wednesday", "late Monday", "Monday night").
``anaphoric``  relative to the date in force in the preceding text
               ("A day later", "the next day", "on the same day").
``since``      the start of an ongoing period ("since July 6", "since early
               July", "since 2020"); resolved like the expression it wraps.

``anchor`` says what supplied the date: ``published`` for relative and
weekday mentions and for explicit dates whose year came from the publication,
``context`` for anaphoric ones, ``""`` when the text alone fixes it (or
nothing could).

Rules
-----
* Precision: ``day`` | ``week`` | ``month`` | ``year`` | ``unknown``. Week,
  month and year precision dates give the first day (Monday for weeks).
  ``unknown`` always goes with ``date=None``.
* Numeric dates are day-first (``dd.mm.yyyy``, ``dd-mm-yyyy``, ``dd/mm/yyyy``;
  the European and wire convention of the corpus); when the second number
  cannot be a month (> 12) and the first can, they are read month-first; when
  neither reading is a valid date they are skipped. ISO ``yyyy-mm-dd`` is read
  as such. Two-digit years are not read (too many false positives).
* Years are four digits 1900-2099. A bare year or a bare month name is a date
  only after a period preposition or modifier from the lexicon ("in 2015",
  "since early July", "mid-2015"), so counts like "2,000" or "120 vehicles"
  are never years. Times of day ("at 0914", "18:14") are never dates.
* Year-less dates take the most recent year in which the date is not later
  than the publication date plus a tolerance: ``year_tolerance_days``
  (lexicon, 7 days) for a bare month ("in August"), ``day_year_tolerance_days``
  (lexicon, 45 days) for a month and day ("the June 3 poll" in a May 23
  report is this June: a month-day weeks ahead is an announced item, one
  eleven months back would carry its year). "On December 30" in a January
  article is the previous December. With a month- or year-precision
  publication date, the last day of that month/year is the reference.
  `past_act_dates` moves such a date a year back when it lies after the
  report's day in a clause telling an act as done ("a barrel bomb killed 11
  on December 28" in a November report): only announced items lie ahead.
* Months with a qualifier: "last September" is the latest September before
  the publication month, "this May" the May of the publication year, "next
  March" the first March after it (month precision, kind ``relative``).
* Weekdays: the most recent such weekday on or before the publication date (a
  weekday equal to the publication's weekday is the publication day, the news
  convention); "last Friday" is strictly before it, "next Monday" strictly
  after it. They need a day-precision publication date (``day`` or
  ``estimated``).
* Day- and week-relative phrases need a day-precision publication date;
  month-relative ones a month-precision one; year-relative ones any known year.
* Without a publication date (``published=None`` or precision ``unknown``)
  only explicit dates with a year resolve; nothing ever uses today's date.
* Publication-relative phrases (lexicon ``publication_relative``): "today",
  "this morning", "tonight" are the publication day; "yesterday", "last
  night" and "overnight" the day before (a night is dated by the evening it
  began, as spans are dated by their first day); "N days ago" counts back N
  days; "a week ago", "last week" give the Monday of that week; "at the
  weekend", "over the weekend" the week (Monday, precision ``week``) of the
  last weekend up to the publication day: a span, not a day of it.
* A day-level relative phrase or a weekday directly followed by an explicit
  date ("A day later, on September 6", "Wed 05 Apr 2017", "Monday, May 27")
  forms one mention and the explicit date wins. A year-less date followed by
  "last year"/"this year" ("in October last year") takes that year.
* Speed: the grammar is one regex compiled once per knowledge object. A look-ahead trie
  of the words an expression can open with rejects most word starts in a few
  character comparisons, so sentences without dates cost little; FA-KES
  sentences run at roughly 55-70k sentences/s per process.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
from dataclasses import dataclass, replace
from typing import Any

from .knowledge import Knowledge
from .resources import phrase_pattern, regex, trie_pattern

__all__ = [
    "DateMention",
    "KINDS",
    "act_anaphor",
    "recalls_act",
    "act_day_after_telling",
    "ahead_of_publication",
    "past_act_dates",
    "PRECISIONS",
    "date_interval",
    "displaces",
    "find_absolute_dates",
    "find_dates",
    "resolve_year",
    "statement_takes_day",
    "telling_dates",
]

KINDS: tuple[str, ...] = ("absolute", "relative", "weekday", "anaphoric", "since")
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "unknown")


@dataclass(frozen=True)
class DateMention:
    """One date expression found in a text.

    ``start``/``end`` are offsets into the text given (``raw`` is the slice);
    ``date`` is the resolved date (first day for week/month/year precision) or
    None when it cannot be resolved; ``year``/``month``/``day`` are as read
    from the text (None when absent); ``kind`` and ``anchor`` are described in
    the module docstring. ``raw`` keeps "since" and period modifiers ("since
    early July", "late Monday") but not plain prepositions ("on", "in").
    """

    start: int
    end: int
    raw: str
    date: _dt.date | None
    precision: str
    year: int | None
    month: int | None
    day: int | None
    kind: str
    anchor: str = ""


# --------------------------------------------------------------------------
# Grammar: one combined regex built once from the lexicon.


@dataclass(frozen=True)
class _Grammar:
    regex: re.Pattern[str]
    months: dict[str, int]  # lower-case name or abbreviation -> 1..12
    weekdays: dict[str, int]  # lower-case name or abbreviation -> 0..6
    qualifiers: dict[str, str]
    numbers: dict[str, int]
    units: dict[str, str]
    directions: dict[str, tuple[str, int]]
    pub_phrases: dict[str, tuple[str, int]]
    ctx_phrases: dict[str, int]
    merge_gap: re.Pattern[str]
    year_gap: re.Pattern[str]
    tolerance_days: int  # a year-less month ("in August")
    day_tolerance_days: int  # a year-less month and day ("on June 3")
    # a sentence without an ASCII digit holds a date expression only when its
    # words (`sentences.sentence_words`) hold one of these: a word of each
    # phrase the guard can open with (`_gate_words`)
    gate_words: frozenset[str] = frozenset()
    # without one of those, an expression that opens with a digit holds a year ("in 2015", "21.08.2013") or
    # a unit after a count ("3 days ago"): a word of each unit phrase; None when a unit has no letters
    unit_words: frozenset[str] | None = None


def _gate_words(phrases: list[str]) -> frozenset[str]:
    """One lower-case letter run of each phrase (its last: "days" of "two
    days"): a sentence holding the phrase holds that word."""
    out = set()
    for p in phrases:
        runs = _LETTER_RUNS.findall(p.lower())
        if not runs:  # a phrase without letters: no word tells it is there
            return frozenset()
        out.add(runs[-1])
    return frozenset(out)


_LETTER_RUNS = re.compile(r"[a-z]+")
_ASCII_DIGIT = re.compile(r"[0-9]")
_YEAR = r"(?:19|20)\d\d"  # the years read: 1900-2099
_HAS_YEAR = re.compile(_YEAR)


def _variants(phrase: str, *, cased: bool) -> set[str]:
    """Spellings matched for a lexicon entry: Title and UPPER case for names
    (`cased`: so 'May' the month, never 'may' the verb); lower, Capitalized
    and UPPER case for ordinary phrases."""
    title = phrase[:1].upper() + phrase[1:]
    if cased:
        return {title, phrase.upper()}
    return {phrase.lower(), phrase[:1].upper() + phrase[1:].lower(), phrase.upper()}


def _words(words: Any, *, cased: bool = False) -> str:
    """Regex matching exactly the given words/phrases (in their case variants),
    factored as a trie: every alternative opens with a literal character, which
    Python's regex engine rejects in C without entering the branch (an
    IGNORECASE alternation cannot be skipped that way, and costs ~5x more).
    A space stands for any run of whitespace; longer words are preferred.
    An empty list matches nothing."""
    return trie_pattern(v for w in words for v in _variants(" ".join(str(w).split()), cased=cased))


def _guard(entries: list[tuple[str, str]]) -> str:
    """Look-ahead filter: a regex matching any (literal, tail-regex) entry,
    factored as a trie like `_words`. An entry with an empty tail ends its
    branch (longer entries are moot for a filter)."""
    root: dict[Any, Any] = {}
    for lit, tail in entries:
        node = root
        for ch in lit:
            node = node.setdefault(ch, {})
        node.setdefault(None, set()).add(tail)

    def emit(node: dict[Any, Any]) -> str:
        tails = node.get(None, set())
        if "" in tails:
            return ""
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(node[ch])
                for ch in sorted(k for k in node if k is not None)]
        alts += sorted(tails)
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)


def _build_grammar(knowledge: Knowledge) -> _Grammar:
    """Compile the date grammar from the pack's dates.yaml."""
    lex = knowledge.dates

    months: dict[str, int] = {}
    month_full: list[str] = []
    month_abbr: list[str] = []
    for num, entry in lex["months"].items():
        for n in entry["names"]:
            months[n.lower()] = int(num)
            month_full.append(n)
        for a in entry["abbreviations"]:
            months[a.lower()] = int(num)
            month_abbr.append(a)
    weekdays: dict[str, int] = {}
    wd_full: list[str] = []
    wd_abbr: list[str] = []
    for num, entry in lex["weekdays"].items():
        for n in entry["names"]:
            weekdays[n.lower()] = int(num)
            wd_full.append(n)
        for a in entry["abbreviations"]:
            weekdays[a.lower()] = int(num)
            wd_abbr.append(a)

    qualifiers = {k.lower(): v for k, v in lex["weekday_qualifiers"].items()}
    numbers = {k.lower(): int(v) for k, v in lex["number_words"].items()}
    units = {k.lower(): v for k, v in lex["units"].items()}
    directions = {k.lower(): (v["anchor"], int(v["sign"])) for k, v in lex["counted_directions"].items()}
    pub_phrases = {
        " ".join(k.lower().split()): (v["unit"], int(v["offset"])) for k, v in lex["publication_relative"].items()
    }
    for k in lex.get("apostrophe_less_possessives") or ():
        # "8 killed in yesterdays tragedy": a possessive whose apostrophe the copy lost
        key = " ".join(str(k).lower().split())
        if key in pub_phrases:
            pub_phrases[key + "s"] = pub_phrases[key]
    ctx_phrases = {" ".join(k.lower().split()): int(v) for k, v in lex["context_relative"].items()}
    preps = [" ".join(p.lower().split()) for p in lex["period_prepositions"]]
    mods = [m.lower() for m in lex["modifiers"]]

    nb = r"(?![A-Za-z])"  # end of a word
    mon_full = rf"{_words(month_full, cased=True)}{nb}"
    mon_any = rf"(?:{_words(month_full, cased=True)}|{_words(month_abbr, cased=True)}\.?){nb}"
    ord_ = r"(?:st|nd|rd|th)?"
    year_end = r"(?!\d|[.,]\d|s\b)"  # not 2,0001 / 2015.5 / the 1990s

    def day(g: str) -> str:
        return rf"(?P<{g}>3[01]|[12]\d|0?[1-9])"

    def year(g: str) -> str:
        return rf"(?P<{g}>{_YEAR}){year_end}"

    rng = rf"\s*(?:{_words([c for c in lex['range_connectors'] if c.isalpha()])}{nb}|" + "|".join(
        re.escape(c) for c in lex["range_connectors"] if not c.isalpha()
    ) + r")\s*"
    num_start = r"(?<![\w.,:/-])"  # not the tail of 1,300 / 12:30 / 1.5
    after_day = r"(?![\dA-Za-z:])"
    no_noun = r"(?!\s*[A-Za-z0-9])"  # "the day before, ..." but not "the day before the attack"
    open_ended = {w.lower() for w in lex["open_ended"]}
    ctx_plain = [p for p in ctx_phrases if p.split()[-1] not in open_ended]
    ctx_ba = [p for p in ctx_phrases if p.split()[-1] in open_ended]
    dir_plain = [d for d in directions if d not in open_ended]
    dir_ba = [d for d in directions if d in open_ended]
    needs_period = r"(?(prep)|(?(mod)|(?!)))"  # a bare month/year needs a preposition or modifier

    digit_led = "|".join(
        [
            # 21.08.2013, 21-08-2014, 16.04.2017Get
            rf"{num_start}(?P<n1>\d{{1,2}})(?P<ns>[./-])(?P<n2>\d{{1,2}})(?P=ns)"
            rf"(?P<ny>{_YEAR})(?!\d|(?P=ns)\d)",
            # 2017-04-05
            rf"{num_start}(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])(?![\d-])",
            # between 5 and 7 September (2023)
            rf"(?P<dr>{num_start}{day('drd1')}{ord_}){rng}(?P<dr2>{day('drd2')}{ord_}\s+(?:of\s+)?"
            rf"(?P<drm>{mon_any})(?:,?\s+{year('dry')})?)",
            # 28 May 2020 / 05 Apr 2017 / 5th of September
            rf"{num_start}{day('dmd')}{ord_}\s+(?:of\s+)?(?P<dmm>{mon_any})(?:,?\s+{year('dmy')})?",
            # in 2015 / since 2020 / mid-2015
            rf"{needs_period}(?<![\w.,:/]){year('yo')}",
        ]
    )
    counted = (
        # two days ago / a day later / 3 weeks earlier
        rf"(?P<cn>{_words(numbers)}|(?<![\w.,:/-])\d{{1,2}}){nb}(?!\d)\s+(?P<cu>{_words(units)}){nb}\s+"
        rf"(?:(?P<cd>{_words(dir_plain)}){nb}|(?P<cdb>{_words(dir_ba)}){no_noun})"
    )
    word_led = "|".join(
        [
            # May 27-28(, 2020)
            rf"(?P<mr>(?P<mrm>{mon_any})\s*{day('mrd1')}{ord_}){rng}(?P<mr2>{day('mrd2')}{ord_}"
            rf"(?:,?\s*{year('mry')})?){after_day}(?!\s+[a-z])",
            # September 08, 2020 / Jul 6 2015 / On September 5 / the March 5 deal
            rf"(?P<mdm>{mon_any})\s*{day('mdd')}{ord_}{after_day}(?:,?\s+{year('mdy')})?",
            # Apr 232017 (day glued to the year)
            rf"(?P<mgm>{mon_any})\s*(?P<mgd>3[01]|[12]\d|0[1-9]|[1-9])(?P<mgy>{_YEAR}){year_end}",
            # January 2017
            rf"(?P<mym>{mon_any}),?\s+{year('myy')}",
            # last September / this May / next March
            rf"(?P<mq>{_words(qualifiers)})\s+(?P<mqm>{mon_full})(?!\s*\d)",
            # in July / since early July
            rf"{needs_period}(?P<mo>{mon_full})",
            # yesterday / last week / overnight
            rf"(?P<pub>{_words(pub_phrases)}){nb}",
            # the next day / on the same day / the day before,
            rf"(?P<ctx>{_words(ctx_plain)}){nb}",
            rf"(?P<ctxb>{_words(ctx_ba)}){no_noun}",
            # Wednesday / last Friday / Monday night
            rf"(?:(?P<wq>{_words(qualifiers)})\s+)?(?P<wd>{_words(wd_full, cased=True)}){nb}"
            rf"(?:\s+(?P<wp>{_words(lex['part_of_day'])}){nb})?",
            # Wed / Mon. in front of a calendar date (merged with it later)
            rf"(?P<wa>{_words(wd_abbr, cased=True)})\.?{nb}(?=,?\s+(?:the\s+)?(?:\d|{mon_any}))",
        ]
    )

    # A cheap necessary condition checked at each word start before the full
    # grammar: a trie of the words a date expression can open with, so the
    # engine rejects most word starts in a few character comparisons.
    nonletter = r"(?![A-Za-z])"
    names = month_full + month_abbr + wd_full + wd_abbr
    entries: list[tuple[str, str]] = [(str(i), "") for i in range(10)]
    for name in names:
        entries += [(v, nonletter) for v in _variants(name, cased=True)]
    for p in list(pub_phrases) + list(ctx_phrases):
        entries += [(v, "") for v in _variants(p, cased=False)]
    for n in numbers:
        entries += [(v, "") for u in units for v in _variants(f"{n} {u}", cased=False)]
    for q in qualifiers:
        for w in wd_full + month_full:
            entries += [(f"{qv} {wv}", "") for qv in _variants(q, cased=False) for wv in _variants(w, cased=True)]
    # A preposition or modifier counts only before a digit, a month or weekday
    # name, a modifier or weekday qualifier, or the first word of a
    # publication-relative phrase (not an article: "in the" is everywhere).
    articles = {p.split()[0] for p in ctx_phrases}
    head_words = set(mods) | set(qualifiers) | ({p.split()[0] for p in pub_phrases} - articles)
    heads = rf"(?:[0-9]|(?:{_words(names, cased=True)}|{_words(head_words)}){nonletter})"
    guard = rf"(?:{_guard(entries)}|{_words(preps + mods)}(?:\s*-\s*|\s+){heads})"

    pattern = (
        rf"(?<![A-Za-z0-9])(?={guard})"
        rf"(?P<prep>{_words(preps)}\s+)?"
        rf"(?P<mod>{_words(mods)}(?:\s*-\s*|\s+))?"
        rf"(?:(?=\d)(?:{digit_led})|{counted}|(?=[A-Za-z])(?:{word_led}))"
    )
    return _Grammar(
        regex=regex(pattern),
        months=months,
        weekdays=weekdays,
        qualifiers=qualifiers,
        numbers=numbers,
        units=units,
        directions=directions,
        pub_phrases=pub_phrases,
        ctx_phrases=ctx_phrases,
        year_gap=regex(r"\s*,?\s*"),
        merge_gap=regex(r"\s*[,(]?\s*(?:(?i:on|of)\s+)?(?:(?i:the)\s+)?"),
        tolerance_days=int(lex["year_tolerance_days"]),
        day_tolerance_days=int(lex.get("day_year_tolerance_days", lex["year_tolerance_days"])),
        gate_words=_gate_words([*names, *pub_phrases, *ctx_phrases, *(f"{n} {u}" for n in numbers for u in units),
                                *(f"{q} {w}" for q in qualifiers for w in wd_full + month_full), *head_words]),
        unit_words=_gate_words(list(units)) if all(_LETTER_RUNS.search(u) for u in units) else None,
    )


# --------------------------------------------------------------------------
# Scanning: regex matches -> unresolved hits.


@dataclass(slots=True, eq=False)  # built per match and never changed (nor compared): a plain init is cheaper than a frozen one
class _Hit:
    start: int
    end: int
    kind: str  # absolute | relative | weekday | anaphoric
    since: bool = False
    year: int | None = None
    month: int | None = None
    day: int | None = None
    unit: str = ""  # relative/anaphoric: day | week | month | year
    offset: int = 0  # relative/anaphoric: signed count of units
    weekday: int = -1
    qualifier: str = ""  # weekday: before | after | recent
    year_offset: int | None = None  # "October last year": year = publication year + offset


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    """Whether the parts can form a date (Feb 29 allowed when the year is unknown)."""
    if month is None or not 1 <= month <= 12:
        return False
    if day is None:
        return True
    last = calendar.monthrange(year if year is not None else 2000, month)[1]
    return 1 <= day <= last


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _hits_of(m: re.Match[str], g: _Grammar) -> list[_Hit]:
    """The hits one regex match stands for (two for a range)."""
    gd = m  # groups read by name as needed (every name below is a group of the grammar; a dict of all 47 cost more)
    prep = gd["prep"]
    since = bool(prep) and prep.lower().startswith("since")
    if since:
        start = m.start("prep")
    elif gd["mod"]:
        start = m.start("mod")
    else:
        start = m.end("prep") if prep else m.start()
    end = m.end()
    month_of = g.months

    def mon(s: str) -> int:
        return month_of[s.rstrip(".").lower()]

    if gd["ny"]:
        a, b, y = int(gd["n1"]), int(gd["n2"]), int(gd["ny"])
        if _valid(y, b, a):
            d, mo = a, b
        elif _valid(y, a, b):
            d, mo = b, a
        else:
            return []
        return [_Hit(start, end, "absolute", since, y, mo, d)]
    if gd["iy"]:
        y, mo, d = int(gd["iy"]), int(gd["im"]), int(gd["id"])
        return [_Hit(start, end, "absolute", since, y, mo, d)] if _valid(y, mo, d) else []
    if gd["mrm"]:
        mo, y = mon(gd["mrm"]), _int(gd["mry"])
        d1, d2 = int(gd["mrd1"]), int(gd["mrd2"])
        out = []
        if _valid(y, mo, d1):
            out.append(_Hit(start, m.end("mr"), "absolute", since, y, mo, d1))
        if _valid(y, mo, d2):
            out.append(_Hit(m.start("mr2"), end, "absolute", False, y, mo, d2))
        return out
    if gd["mdm"]:
        mo, d, y = mon(gd["mdm"]), int(gd["mdd"]), _int(gd["mdy"])
        return [_Hit(start, end, "absolute", since, y, mo, d)] if _valid(y, mo, d) else []
    if gd["mgm"]:
        mo, d, y = mon(gd["mgm"]), int(gd["mgd"]), int(gd["mgy"])
        return [_Hit(start, end, "absolute", since, y, mo, d)] if _valid(y, mo, d) else []
    if gd["drm"]:
        mo, y = mon(gd["drm"]), _int(gd["dry"])
        d1, d2 = int(gd["drd1"]), int(gd["drd2"])
        out = []
        if _valid(y, mo, d1):
            out.append(_Hit(start, m.end("dr"), "absolute", since, y, mo, d1))
        if _valid(y, mo, d2):
            out.append(_Hit(m.start("dr2"), end, "absolute", False, y, mo, d2))
        return out
    if gd["dmm"]:
        mo, d, y = mon(gd["dmm"]), int(gd["dmd"]), _int(gd["dmy"])
        return [_Hit(start, end, "absolute", since, y, mo, d)] if _valid(y, mo, d) else []
    if gd["mym"]:
        return [_Hit(start, end, "absolute", since, int(gd["myy"]), mon(gd["mym"]), None)]
    if gd["mqm"]:
        q = g.qualifiers.get(gd["mq"].lower(), "recent")
        return [_Hit(start, end, "month", since, None, mon(gd["mqm"]), None, qualifier=q)]
    if gd["mo"]:
        return [_Hit(start, end, "absolute", since, None, mon(gd["mo"]), None)]
    if gd["yo"]:
        return [_Hit(start, end, "absolute", since, int(gd["yo"]), None, None)]
    if gd["pub"]:
        unit, off = g.pub_phrases[" ".join(gd["pub"].lower().split())]
        return [_Hit(start, end, "relative", since, unit=unit, offset=off)]
    if gd["cn"]:
        n = g.numbers.get(gd["cn"].lower())
        if n is None:
            n = int(gd["cn"])
        anchor, sign = g.directions[(gd["cd"] or gd["cdb"]).lower()]
        kind = "relative" if anchor == "published" else "anaphoric"
        return [_Hit(start, end, kind, since, unit=g.units[gd["cu"].lower()], offset=sign * n)]
    if gd["ctx"] or gd["ctxb"]:
        off = g.ctx_phrases[" ".join((gd["ctx"] or gd["ctxb"]).lower().split())]
        return [_Hit(start, end, "anaphoric", since, unit="day", offset=off)]
    if gd["wa"]:
        return [_Hit(start, end, "weekday", since, weekday=g.weekdays[gd["wa"].lower()], qualifier="recent")]
    if gd["wd"]:
        q = g.qualifiers.get((gd["wq"] or "").lower(), "recent")
        return [_Hit(start, end, "weekday", since, weekday=g.weekdays[gd["wd"].lower()], qualifier=q)]
    return []


def _scan(text: str, g: _Grammar) -> list[_Hit]:
    """All date hits in `text`, in order, with explicit dates absorbing a
    relative phrase right before them ("A day later, on September 6")."""
    if not isinstance(text, str) or not text:
        return []
    hits: list[_Hit] = []
    for m in g.regex.finditer(text):
        try:
            hits.extend(_hits_of(m, g))
        except (KeyError, ValueError, OverflowError):  # lexicon gap: skip the match
            continue
    merged: list[_Hit] = []
    for h in hits:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.kind == "absolute"
            and prev.year is None
            and prev.year_offset is None
            and h.kind == "relative"
            and h.unit == "year"
            and not h.since
            and g.year_gap.fullmatch(text, prev.end, h.start)
        ):  # "October last year", "on May 5 this year"
            merged[-1] = _Hit(
                prev.start, h.end, "absolute", prev.since, None, prev.month, prev.day, year_offset=h.offset
            )
            continue
        if (
            merged
            and h.kind == "absolute"
            and h.day is not None
            and (merged[-1].kind == "weekday" or merged[-1].unit == "day")
            and g.merge_gap.fullmatch(text, merged[-1].end, h.start)
        ):
            prev = merged.pop()
            h = _Hit(prev.start, h.end, "absolute", prev.since or h.since, h.year, h.month, h.day)
        merged.append(h)
    return merged


# --------------------------------------------------------------------------
# Resolution.


def resolve_year(month: int, day: int | None, published: _dt.date, *, tolerance_days: int) -> int:
    """Year of a year-less date: the most recent year in which `month`/`day`
    (day 1 when None) is not later than `published` + `tolerance_days` (the
    date lexicon's `year_tolerance_days`). Raises ValueError when no such date
    exists (e.g. February 30)."""
    tol = int(tolerance_days)
    try:
        limit = published + _dt.timedelta(days=tol)
    except OverflowError:
        limit = _dt.date.max
    for y in range(limit.year, max(limit.year - 9, 0), -1):
        try:
            cand = _dt.date(y, month, day or 1)
        except ValueError:
            continue
        if cand <= limit:
            return y
    raise ValueError(f"no year for month={month} day={day} up to {limit}")


_PUB_LEVEL = {"day": "day", "estimated": "day", "month": "month", "year": "year"}
_RANK = {"day": 0, "week": 0, "weekend": 0, "month": 1, "year": 2}
_SATURDAY = 5


def _shift_months(d: _dt.date, n: int) -> _dt.date:
    """First day of the month `n` months after the month of `d`."""
    k = d.year * 12 + (d.month - 1) + n
    return _dt.date(k // 12, k % 12 + 1, 1)


def _span_start(d: _dt.date, unit: str, n: int) -> _dt.date:
    """First day of the `unit` period `n` units after the one holding `d`;
    for a weekend, the Monday of the week of the last weekend up to `d`
    (`n` weeks on)."""
    if unit == "weekend":
        saturday = d - _dt.timedelta(days=(d.weekday() - _SATURDAY) % 7)
        return saturday - _dt.timedelta(days=_SATURDAY) + _dt.timedelta(weeks=n)
    if unit == "day":
        return d + _dt.timedelta(days=n)
    if unit == "week":
        return d - _dt.timedelta(days=d.weekday()) + _dt.timedelta(weeks=n)
    if unit == "month":
        return _shift_months(d, n)
    return _dt.date(d.year + n, 1, 1)


def _reference(published: _dt.date, level: str) -> _dt.date:
    """Latest possible publication day for a publication date of this precision."""
    if level == "month":
        return published.replace(day=calendar.monthrange(published.year, published.month)[1])
    if level == "year":
        return published.replace(month=12, day=31)
    return published


def _resolve(
    h: _Hit, published: _dt.date | None, level: str | None, context: _dt.date | None, g: _Grammar
) -> tuple[_dt.date | None, str, str]:
    """(date, precision, anchor) of one hit."""
    if h.kind == "absolute":
        if h.year is not None:
            if h.month is None:
                return _dt.date(h.year, 1, 1), "year", ""
            if h.day is None:
                return _dt.date(h.year, h.month, 1), "month", ""
            return _dt.date(h.year, h.month, h.day), "day", ""
        if published is None or level is None or h.month is None:
            return None, "unknown", ""
        if h.year_offset is not None:
            y = published.year + h.year_offset
            return _dt.date(y, h.month, h.day or 1), ("day" if h.day else "month"), "published"
        tolerance = g.day_tolerance_days if h.day else g.tolerance_days
        y = resolve_year(h.month, h.day, _reference(published, level), tolerance_days=tolerance)
        return _dt.date(y, h.month, h.day or 1), ("day" if h.day else "month"), "published"
    if h.kind == "anaphoric":
        if context is None:
            return None, "unknown", ""
        return _span_start(context, h.unit, h.offset), h.unit, "context"
    if h.kind == "month":  # "last September": the latest September before the publication month
        if published is None or level not in ("day", "month") or h.month is None:
            return None, "unknown", ""
        y = published.year
        if h.qualifier == "before":
            y -= int(h.month >= published.month)
        elif h.qualifier == "after":
            y += int(h.month <= published.month)
        return _dt.date(y, h.month, 1), "month", "published"
    if published is None or level is None:
        return None, "unknown", ""
    if h.kind == "weekday":
        if level != "day":
            return None, "unknown", ""
        back = (published.weekday() - h.weekday) % 7
        if h.qualifier == "before" and back == 0:
            back = 7
        if h.qualifier == "after":
            return published + _dt.timedelta(days=(h.weekday - published.weekday()) % 7 or 7), "day", "published"
        return published - _dt.timedelta(days=back), "day", "published"
    # relative to publication: needs a publication date at least as precise as the unit
    if _RANK[h.unit] < _RANK[level]:
        return None, "unknown", ""
    if h.unit == "weekend":  # the week whose weekend it is, told at the week's precision
        return _span_start(published, h.unit, h.offset), "week", "published"
    return _span_start(published, h.unit, h.offset), h.unit, "published"


def _to_mention(
    text: str, h: _Hit, date: _dt.date | None, precision: str, anchor: str
) -> DateMention:
    kind = "since" if h.since else ("relative" if h.kind == "month" else h.kind)
    if date is None:
        precision = "unknown"
    return DateMention(
        h.start, h.end, text[h.start : h.end], date, precision, h.year, h.month, h.day, kind, anchor
    )


def _as_date(x: Any) -> _dt.date | None:
    """A plain date from a date, datetime, pandas Timestamp or ISO
    ``YYYY-MM-DD`` string (the documents table's `published`); None for
    anything else (None, NaT, empty or malformed strings)."""
    if x is None or type(x) is _dt.date:  # the common cases, first
        return x
    try:
        if isinstance(x, str):
            return _dt.date.fromisoformat(x.strip()[:10]) if x.strip() else None
        if isinstance(x, _dt.datetime):
            x = x.date()
        if isinstance(x, _dt.date) and x == x:  # NaT != NaT
            return _dt.date(x.year, x.month, x.day)
    except (TypeError, ValueError, AttributeError):
        pass
    return None


def find_absolute_dates(text: str, *, knowledge: Knowledge) -> list[DateMention]:
    """Explicit calendar dates in `text` ("September 08, 2020", "28 May 2020",
    "21.08.2013", "On September 5", "in January 2017", "in 2015"), in order.

    Dates with a year resolve (precision day/month/year); year-less ones keep
    month/day with ``date=None`` and precision ``unknown``. Mentions opened by
    "since" have kind ``since``. Never raises: odd input gives ``[]``."""
    g = knowledge.derived(_build_grammar)
    out: list[DateMention] = []
    for h in _scan(text, g):
        if h.kind != "absolute":
            continue
        try:
            date, precision, anchor = _resolve(h, None, None, None, g)
        except (ValueError, OverflowError):
            date, precision, anchor = None, "unknown", ""
        out.append(_to_mention(text, h, date, precision, anchor))
    return out


def find_dates(
    text: str,
    *,
    knowledge: Knowledge,
    published: _dt.date | str | None,
    published_precision: str = "day",
    context: _dt.date | str | None = None,
    words: frozenset[str] | None = None,
) -> list[DateMention]:
    """Every date expression in `text` (usually one sentence), in order,
    resolved: explicit dates take a missing year from `published`; relative
    and weekday phrases resolve against `published`; anaphoric ones ("a day
    later") against `context`, the date in force from the preceding text.

    `published` and `context` may also be ISO ``YYYY-MM-DD`` strings (the
    documents table's form). `published_precision` is the documents table's:
    day, estimated (treated as day), month, year or unknown; the module
    docstring says what each allows. Unresolvable mentions are kept with
    ``date=None`` and precision ``unknown``. Never raises on odd input.
    `words`: the text's `sentences.sentence_words` when already computed (a
    text without a digit or a date word is not scanned)."""
    g = knowledge.derived(_build_grammar)
    if words is not None and isinstance(text, str):
        if g.gate_words and words.isdisjoint(g.gate_words) and (
                _ASCII_DIGIT.search(text) is None  # no word a date opens with, nor a digit
                # a digit, but neither a year ("in 2015", "21.08.2013") nor a unit for a count ("3 days ago"):
                # no month name, weekday or date phrase to go with it either
                or (g.unit_words is not None and words.isdisjoint(g.unit_words) and _HAS_YEAR.search(text) is None)):
            return []
    published = _as_date(published)
    context = _as_date(context)
    level = _PUB_LEVEL.get(str(published_precision).strip().lower()) if published else None
    out: list[DateMention] = []
    for h in _scan(text, g):
        try:
            date, precision, anchor = _resolve(h, published, level, context, g)
        except (ValueError, OverflowError):
            date, precision, anchor = None, "unknown", ""
        out.append(_to_mention(text, h, date, precision, anchor))
    return out


# --------------------------------------------------------------------------
# Date intervals (alignment and comparison).


@functools.lru_cache(maxsize=1 << 16)
def _ordinal(iso: str) -> int | None:
    try:
        return _dt.date.fromisoformat(iso).toordinal()
    except ValueError:
        return None


def date_interval(iso: str, precision: str) -> tuple[int | None, int | None]:
    """First and last day (proleptic ordinals) an event date of the given
    precision allows: a day (and a `reported` date, the report's own day) is
    [d, d], a week/month/year the span starting at `iso`; (None, None) when
    undated or not an ISO date."""
    lo = _ordinal(iso) if iso else None
    if lo is None:
        return None, None
    if precision in ("day", "reported"):  # reported: the report's own date, a day
        return lo, lo
    if precision == "week":
        return lo, lo + 6
    d = _dt.date.fromordinal(lo)
    if precision == "month":
        nxt = _dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return lo, nxt.toordinal() - 1
    if precision == "year":
        return lo, _dt.date(d.year, 12, 31).toordinal()
    return None, None


def displaces(date: DateMention, in_force: DateMention | None) -> bool:
    """Whether `date`, a sentence's own date, becomes the date in force that
    the undated sentences after it inherit in place of `in_force`.

    A week, month or year that holds the day in force ("this week" after "on
    Wednesday") or lies before it (a recap: "a red line that in June
    triggered more aid" inside a report of Wednesday's attack) says less than
    the reader knows: the sentences after it go on telling of that day. A
    day, a coarser date after the day in force, and any date when no day is
    in force, displace it."""
    if in_force is None or in_force.date is None or in_force.precision != "day":
        return True
    if date.date is None or date.precision == "day":
        return True
    lo, _ = date_interval(date.date.isoformat(), date.precision)
    return lo is None or lo > in_force.date.toordinal()


def statement_takes_day(in_force: DateMention | None, published: _dt.date | None, published_precision: str = "day",
                        *, knowledge: Knowledge, told: list[DateMention] | None = None) -> bool:
    """Whether a statement without a date of its own ("'We will not accept
    this,' he said", "The coalition condemned the attack") takes the date in
    force. A statement is dated by the day it was made: a telling's day in
    force (`told`: "On Saturday, the minister said ...") is one, and so,
    in copy filed on the day, is an act's day at most dates.yaml
    `statement_day_lag` days before the report's; an act told days before
    the report ("On August 21, a gas attack killed hundreds" in a report of
    September) dates none of the reactions, quotes and policies told after
    it. Without a day-precision publication date nothing tells: it takes it."""
    if in_force is None or in_force.date is None:
        return False
    if any(m is in_force for m in told or ()):
        return True
    lag = knowledge.dates.get("statement_day_lag")
    if lag is None or published is None or published_precision not in ("day", "estimated"):
        return True
    return (published - in_force.date).days <= int(lag)


def ahead_of_publication(date: DateMention, published: _dt.date | None, published_precision: str = "day") -> bool:
    """Whether `date` starts after the report's publication day: an announced
    day ("talks to be held on May 3", "a visit scheduled for April 10"),
    never the day of an act the report tells as done. Only with a
    publication date of precision ``day``: an estimated or coarser one may
    lie before the events the text dates."""
    return (date.date is not None and published is not None and published_precision == "day"
            and date.date > published)


# --------------------------------------------------------------------------
# A year-less date ahead of the report in a clause telling an act as done.


@dataclass(frozen=True)
class _PastAct:
    prep: re.Pattern[str] | None  # a preposition of the date, ending right before it
    verb: re.Pattern[str] | None  # a past-tense act verb
    future: re.Pattern[str] | None  # a word telling the clause's act is still to come
    infinitive: frozenset[str]  # lower case: the word before a verb that makes it an infinitive ("to hit")
    breaks: re.Pattern[str] | None  # punctuation or a word opening another clause


def _build_past_act(knowledge: Knowledge) -> _PastAct:
    """Compile dates.yaml `past_act_year_back`."""
    cfg = knowledge.dates.get("past_act_year_back") or {}

    def words(key: str) -> list[str]:
        return [str(w) for w in cfg.get(key) or ()]

    def rx(phrases: list[str]) -> re.Pattern[str] | None:
        return regex(phrase_pattern(phrases)) if phrases else None

    preps = words("prepositions")
    marks = [b for b in words("clause_breaks") if not any(c.isalnum() for c in b)]
    brk = [phrase_pattern(b for b in words("clause_breaks") if b not in marks)] if len(marks) < len(words("clause_breaks")) else []
    brk += [re.escape(m) for m in marks]
    return _PastAct(
        prep=regex(rf"{phrase_pattern(preps)}\s+$") if preps else None,
        verb=rx(words("verbs")),
        future=rx(words("future_words")),
        infinitive=frozenset(w.lower() for w in words("infinitive_markers")),
        breaks=regex("|".join(brk)) if brk else None,
    )


def _clause(text: str, start: int, end: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    """The clause holding text[start:end]: from the last clause break before
    it to the first one after it; when only a preposition stands before it
    in its clause and a break follows ("On December 28, a bomb killed 11"),
    the clause after that break."""
    lo = 0
    for m in breaks.finditer(text, 0, start):
        lo = m.end()
    nxt = breaks.search(text, end)
    hi = nxt.start() if nxt is not None else len(text)
    if nxt is not None and hi == len(text[:hi].rstrip()) and not text[end:hi].strip() \
            and len(text[lo:start].split()) <= 2:
        after = breaks.search(text, nxt.end())
        return nxt.end(), after.start() if after is not None else len(text)
    return lo, hi


def past_act_dates(text: str, dates: list[DateMention], *, knowledge: Knowledge, published: _dt.date | None,
                   published_precision: str = "day") -> list[DateMention]:
    """`dates` (found in `text`) with each year-less date that lies after the
    report's day, in a clause telling an act as done, moved a year back: "a
    barrel bomb killed 11 in Daraya on December 28" in a November report is
    last December's (the year `resolve_year` gives a date up to
    ``day_year_tolerance_days`` ahead fits an announced item, not an act
    told in the past tense). The date must follow a preposition of
    dates.yaml `past_act_year_back` ("on", "in"), its clause hold one of its
    past-tense verbs and none of its future words ("elections on December
    28", "talks will resume on ...", "the June 3 poll" keep their year).
    Only with a publication date of precision ``day`` (`ahead_of_publication`)."""
    if not dates or published is None or published_precision != "day" or not isinstance(text, str):
        return dates
    ahead = [i for i, m in enumerate(dates) if m.kind == "absolute" and m.year is None and m.anchor == "published"
             and m.date is not None and m.date > published]
    if not ahead:
        return dates
    p = knowledge.derived(_build_past_act)
    if p.prep is None or p.verb is None or p.breaks is None:
        return dates
    out = list(dates)
    for i in ahead:
        m = dates[i]
        if p.prep.search(text, max(0, m.start - 20), m.start) is None:
            continue
        lo, hi = _clause(text, m.start, m.end, p.breaks)
        clause = text[lo:hi]
        if p.future is not None and p.future.search(clause):
            continue
        if not any(_word_before(clause, v.start()) not in p.infinitive for v in p.verb.finditer(clause)):
            continue
        try:
            back = m.date.replace(year=m.date.year - 1)
        except ValueError:  # February 29
            continue
        out[i] = replace(m, date=back)
    return out


# --------------------------------------------------------------------------
# Dates of the telling ("The ministry said on Tuesday that ...").


@dataclass(frozen=True)
class _Telling:
    after_verb: re.Pattern[str]  # a reporting verb, then only what may stand before its date, to the end
    before_verb: re.Pattern[str]  # from a date's end: only pre-verb words, then a reporting verb
    prepositions: tuple[str, ...]  # lower case, longest first
    possessives: tuple[str, ...]
    infinitive: frozenset[str]  # lower case: the word before a verb that makes it an infinitive ("to claim")
    other_act: frozenset[str] = frozenset()  # lower case: words opening a clause of another act ("after", "which")


def _build_telling(knowledge: Knowledge) -> _Telling:
    """Compile the telling-date frames from dates.yaml `telling_date` and the
    reporting verbs, relay verbs and pre-verb words of lexicon.yaml."""
    cfg = knowledge.dates.get("telling_date") or {}
    lex = knowledge.lexicon
    verbs = phrase_pattern([str(v) for v in lex.get("reporting_verbs") or ()])
    relay = phrase_pattern([str(v) for v in lex.get("relay_verbs") or ()])
    clause = phrase_pattern([str(v) for v in lex.get("voice_continuations") or ()])
    preps = sorted({" ".join(str(p).lower().split()) for p in cfg.get("prepositions") or ()}, key=len, reverse=True)
    channels = [str(c) for c in cfg.get("channel_phrases") or ()]
    n = max(int(cfg.get("relay_object_words", 0) or 0), 0)
    prep = rf"(?:{phrase_pattern(preps)}\s+)?" if preps else ""
    channel = rf"(?:\s+{phrase_pattern(channels)})?" if channels else ""
    obj = rf"|{relay}(?:\s+(?!{clause})[^\s,;:.\"“”]+){{1,{n}}}" if n else ""
    pre = [str(w) for w in lex.get("pre_verb_words") or ()]
    pre_rx = rf"(?:{phrase_pattern(pre)}\s*,?\s+)*" if pre else ""
    return _Telling(
        after_verb=regex(rf"(?:{verbs}{obj}){channel}(?:\s*,)?\s+{prep}$"),
        before_verb=regex(rf"\s*,?\s*{pre_rx}{verbs}"),
        prepositions=tuple(preps),
        possessives=tuple(str(p) for p in cfg.get("possessives") or ()),
        infinitive=frozenset(str(w).lower() for w in cfg.get("infinitive_markers") or ()),
        other_act=frozenset(str(w).lower() for w in cfg.get("other_act_openers") or ()),
    )


def _word_before(text: str, at: int) -> str:
    """The word before offset `at`, lower case ("" at the start)."""
    head = text[:at].split()
    return head[-1].lower() if head else ""


def _ends_with_speaker(head: str, speaker: str, prepositions: tuple[str, ...]) -> bool:
    """Whether `head` (the text before a date) ends with the speaker's phrase,
    after a comma or a preposition of the date ("The council on Monday")."""
    head = head.rstrip().rstrip(",").rstrip()
    low = head.lower()
    for p in prepositions:
        if low.endswith(p) and (len(low) == len(p) or not low[-len(p) - 1].isalnum()):
            head = head[: -len(p)].rstrip().rstrip(",").rstrip()
            break
    if not head.endswith(speaker):
        return False
    return len(head) == len(speaker) or not head[-len(speaker) - 1].isalnum()


def telling_dates(
    text: str, dates: list[DateMention], *, knowledge: Knowledge, speaker: str = ""
) -> list[tuple[DateMention, int, int]]:
    """The mentions of `dates` (found in `text`) that date the telling, not
    the act told, each with the span of the frame (reporting verb and date):
    a date right after a reporting verb ("said on Tuesday that ...", "...,
    a monitor said Friday.", "told reporters on Friday the strike ..."),
    between the speaker's phrase and its verb ("The council on Monday
    announced ..."; `speaker`: the attribution's phrase as written) or
    opening the sentence right before them ("On Tuesday, the ministry said
    ...": the frame runs from the sentence's start). A date
    inside the complement ("said the attack on Tuesday killed 5") or
    followed by a possessive ("said Tuesday's attack") is the act's. The
    frames are dates.yaml `telling_date`'s, the verbs lexicon.yaml's."""
    if not dates or not isinstance(text, str):
        return []
    t = knowledge.derived(_build_telling)
    speaker = (speaker or "").strip()
    out = []
    for d in dates:
        if d.date is None or text.startswith(t.possessives, d.end):
            continue
        m = t.after_verb.search(text, max(0, d.start - 120), d.start)
        if m is not None and _word_before(text, m.start()) in t.infinitive:
            continue  # "managed to claim on Monday ...": the verb tells an act
        if m is not None:
            out.append((d, m.start(), d.end))
            continue
        if speaker and _ends_with_speaker(text[: d.start], speaker, t.prepositions):
            v = t.before_verb.match(text, d.end)
            if v is not None:
                out.append((d, d.start, v.end()))
                continue
        if speaker and _opens_sentence(text, d.start, t.prepositions):
            at = _speaker_after(text, d.end, speaker)
            v = t.before_verb.match(text, at) if at >= 0 else None
            if v is not None:  # "On Tuesday, the ministry said ...": the frame from the sentence's start
                out.append((d, len(text) - len(text.lstrip()), v.end()))
    return out


def act_day_after_telling(text: str, told: DateMention, frame_end: int, dates: list[DateMention], *,
                          knowledge: Knowledge) -> DateMention | None:
    """The day the told act has of its own in the complement after a telling
    frame ("said on Thursday that an air strike late on Wednesday killed
    six"), or None: the first date after the frame, if it is a calendar date
    or a weekday dated to the day, no later than the telling's day, with no
    word of dates.yaml `telling_date.other_act_openers` nor a comma between
    ("..., after 33 soldiers were killed on Thursday", "... Kafr Nabuda,
    recaptured by the army on Monday", "... and were buried on Wednesday":
    another act's day). A count from
    the date in force ("a day earlier"), a phrase relative to the report's
    day ("overnight": the telling may be days before it), a week or a month
    may date the act or another, or be read from the wrong day: None."""
    if told.date is None or not isinstance(text, str):
        return None
    t = knowledge.derived(_build_telling)
    nxt = next((m for m in dates if m.start >= frame_end and m is not told), None)
    if nxt is None or nxt.date is None or nxt.kind not in ("absolute", "weekday") or nxt.precision != "day":
        return None
    if nxt.date > told.date:
        return None
    gap = text[frame_end:nxt.start]
    if gap.count(",") % 2 or ";" in gap:
        # "..., recaptured by the army on Monday": a clause of its own, maybe another act's day (an aside closed
        # before the date, "SDF, backed by the Coalition, carried out ... on Tuesday", is no such clause)
        return None
    between = {w.lower() for w in _LETTER_RUNS.findall(gap.lower())}
    return None if between & t.other_act else nxt


def _opens_sentence(text: str, at: int, prepositions: tuple[str, ...]) -> bool:
    """Whether only a preposition of the date (or nothing) stands before
    offset `at` in the sentence ("On Tuesday", "Late on Sunday")."""
    head = " ".join(text[:at].split()).lower()
    return head == "" or head in prepositions


def _speaker_after(text: str, at: int, speaker: str) -> int:
    """The end of the speaker's phrase when it comes right after offset `at`
    (after an optional comma: "On Tuesday, the ministry said"), else -1."""
    i = at
    while i < len(text) and (text[i].isspace() or text[i] == ","):
        i += 1
    if text[i:i + len(speaker)].lower() != speaker.lower():
        return -1
    j = i + len(speaker)
    return j if j == len(text) or not text[j].isalnum() else -1


# --------------------------------------------------------------------------
# An act told by an anaphor ("accused Damascus of that attack").


@dataclass(frozen=True)
class _Anaphora:
    regex: re.Pattern[str] | None  # None when the pack names no determiner or noun
    gate: frozenset[str]  # lower case: the determiners' words


def _build_anaphora(knowledge: Knowledge) -> _Anaphora:
    """Compile dates.yaml `act_anaphora`."""
    cfg = knowledge.dates.get("act_anaphora") or {}
    dets = [str(d) for d in cfg.get("determiners") or ()]
    nouns = [str(n) for n in cfg.get("nouns") or ()]
    after = [str(a) for a in cfg.get("after") or ()]
    if not dets or not nouns:
        return _Anaphora(None, frozenset())
    lead = rf"(?:^\W*|{phrase_pattern(after)}\s+)" if after else r"^\W*"
    rx = regex(rf"{lead}(?P<a>{phrase_pattern(dets)}\s+{phrase_pattern(nouns)})")
    return _Anaphora(rx, frozenset(w for d in dets for w in _LETTER_RUNS.findall(d.lower())))


def act_anaphor(text: str, *, knowledge: Knowledge, words: frozenset[str] | None = None) -> str:
    """The anaphor by which `text` tells an act a sentence before told ("that
    attack" in "The opposition accused Damascus of that attack, which killed
    1,429"), or "": a determiner of dates.yaml `act_anaphora` before an act
    noun, at the start of the sentence or after a preposition of its list.
    `words`: the text's `sentences.sentence_words` when already computed."""
    a = knowledge.derived(_build_anaphora)
    if a.regex is None or not isinstance(text, str) or (words is not None and words.isdisjoint(a.gate)):
        return ""
    m = a.regex.search(text)
    return " ".join(m.group("a").split()) if m else ""


@dataclass(frozen=True)
class _Recall:
    regex: re.Pattern[str] | None  # None when the pack names no determiner or noun
    gate: frozenset[str]  # lower case: the determiners' words


def _build_recall(knowledge: Knowledge) -> _Recall:
    """Compile dates.yaml `background_paragraphs.recall_determiners` before the act nouns of `act_anaphora`
    and `background_paragraphs.recall_nouns`."""
    cfg = knowledge.dates.get("background_paragraphs") or {}
    dets = [str(d) for d in cfg.get("recall_determiners") or ()]
    nouns = [str(n) for n in [*((knowledge.dates.get("act_anaphora") or {}).get("nouns") or ()),
                              *(cfg.get("recall_nouns") or ())]]
    if not dets or not nouns:
        return _Recall(None, frozenset())
    return _Recall(regex(rf"{phrase_pattern(dets)}\s+{phrase_pattern(nouns)}"),
                   frozenset(w for d in dets for w in _LETTER_RUNS.findall(d.lower())))


def recalls_act(text: str, *, knowledge: Knowledge, words: frozenset[str] | None = None) -> bool:
    """Whether `text` points back at an act told before ("The attack, the
    second in a week, left two dead", "this strike"): a determiner of
    dates.yaml `background_paragraphs.recall_determiners` before an act noun
    of `act_anaphora` or `background_paragraphs.recall_nouns`, anywhere in
    the sentence. `words`: the text's
    `sentences.sentence_words` when already computed."""
    r = knowledge.derived(_build_recall)
    if r.regex is None or not isinstance(text, str) or (words is not None and words.isdisjoint(r.gate)):
        return False
    return r.regex.search(text) is not None
