"""Tests for claimscope.dates: finding and resolving date expressions."""

from __future__ import annotations

import csv
import datetime as dt
import inspect
import os
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope import dates
from claimscope.dates import DateMention, find_absolute_dates, find_dates, resolve_year
from claimscope.resources import data_text

from builtin_knowledge import K, bind

find_absolute_dates = bind(find_absolute_dates)
find_dates = bind(find_dates)

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLD = REPO / "tests" / "gold" / "seeds_claims.yaml"
FAKES = Path(os.environ.get("CLAIMSCOPE_FAKES", REPO.parent / "shared" / "corpora" / "fakes" / "fakes_dev.csv"))

D = dt.date
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WD3 = [w[:3] for w in WEEKDAYS]


def one(text: str, **kw) -> DateMention:
    """The single mention in `text` (fails when there is not exactly one)."""
    ms = find_dates(text, **kw) if kw else find_absolute_dates(text)
    assert len(ms) == 1, (text, ms)
    return ms[0]


def check_offsets(text: str, ms: list[DateMention]) -> None:
    for m in ms:
        assert text[m.start : m.end] == m.raw
        assert m.precision in dates.PRECISIONS
        assert m.kind in dates.KINDS
        assert (m.date is None) == (m.precision == "unknown")


# --------------------------------------------------------------------------
# find_absolute_dates


@pytest.mark.parametrize(
    "text, raw, date, precision",
    [
        ("Global Research, September 08, 2020", "September 08, 2020", D(2020, 9, 8), "day"),
        ("[South Front] 28 May 2020", "28 May 2020", D(2020, 5, 28), "day"),
        ("Wed 05 Apr 2017 at 0914 Homs governor says", "Wed 05 Apr 2017", D(2017, 4, 5), "day"),
        ("Wednesday 22 Jul 2015 18 Civilians Killed", "Wednesday 22 Jul 2015", D(2015, 7, 22), "day"),
        ("Mon Jul 6 2015 Syrian army", "Mon Jul 6 2015", D(2015, 7, 6), "day"),
        ("October 12 2016 Air strikes", "October 12 2016", D(2016, 10, 12), "day"),
        ("August 21 2013 France Britain say", "August 21 2013", D(2013, 8, 21), "day"),
        ("21.08.2013 Syrian regime forces", "21.08.2013", D(2013, 8, 21), "day"),
        ("21-08-2014 Syrian regime forces", "21-08-2014", D(2014, 8, 21), "day"),
        ("16.04.2017Get short URL", "16.04.2017", D(2017, 4, 16), "day"),
        ("Last updated at Apr 232017 An Israeli attack", "Apr 232017", D(2017, 4, 23), "day"),
        ("Sat Feb 28 2015 190703 35 Dead", "Sat Feb 28 2015", D(2015, 2, 28), "day"),
        ("August 13 2016 2037 UTC+3 A representative", "August 13 2016", D(2016, 8, 13), "day"),
        ("Tuesday 31 May 2016 18:14 Deadly Russian Airstrikes", "Tuesday 31 May 2016", D(2016, 5, 31), "day"),
        ("Posted on April 4 2017 by Asharq Al-Awsat", "April 4 2017", D(2017, 4, 4), "day"),
        ("Sept. 5, 2015", "Sept. 5, 2015", D(2015, 9, 5), "day"),
        ("on the 5th of September 2016", "5th of September 2016", D(2016, 9, 5), "day"),
        ("report of 2017-04-05 said", "2017-04-05", D(2017, 4, 5), "day"),
        ("HTS has administered Idlib since January 2017.", "since January 2017", D(2017, 1, 1), "month"),
        ("in January 2017 the regime", "January 2017", D(2017, 1, 1), "month"),
        ("the war broke out in 2011.", "2011", D(2011, 1, 1), "year"),
        ("positions there since 2020 to monitor", "since 2020", D(2020, 1, 1), "year"),
        ("began there in mid-2012", "mid-2012", D(2012, 1, 1), "year"),
    ],
)
def test_absolute_dates_with_year(text, raw, date, precision):
    m = one(text)
    assert (m.raw, m.date, m.precision) == (raw, date, precision)
    check_offsets(text, [m])


@pytest.mark.parametrize(
    "text, raw, month, day",
    [
        ("On September 5, heavy clashes", "September 5", 9, 5),
        ("reported late on May 27.", "May 27", 5, 27),
        ("On 10 September, the Turkish army", "10 September", 9, 10),
        ("the signing of the March 5 de-escalation agreement", "March 5", 3, 5),
        ("On September 5th the army", "September 5th", 9, 5),
        ("SEPTEMBER 5 ATTACK", "SEPTEMBER 5", 9, 5),
        ("since early July.", "since early July", 7, None),
    ],
)
def test_yearless_absolute_dates_stay_unresolved(text, raw, month, day):
    m = one(text)
    assert (m.raw, m.month, m.day, m.year) == (raw, month, day, None)
    assert m.date is None and m.precision == "unknown"


def test_weekday_and_explicit_date_form_one_mention():
    m = one("on Monday, May 27 the army")
    assert (m.raw, m.month, m.day, m.kind) == ("Monday, May 27", 5, 27, "absolute")


def test_two_dates_and_ranges():
    text = "On May 27 and May 28, Russian airstrikes"
    ms = find_absolute_dates(text)
    assert [(m.raw, m.day) for m in ms] == [("May 27", 27), ("May 28", 28)]
    check_offsets(text, ms)
    text = "clashes between 5 and 7 September 2023"
    ms = find_absolute_dates(text)
    assert [(m.date, m.raw) for m in ms] == [(D(2023, 9, 5), "5"), (D(2023, 9, 7), "7 September 2023")]
    ms = find_absolute_dates("May 27-28, 2020")
    assert [m.date for m in ms] == [D(2020, 5, 27), D(2020, 5, 28)]
    # a count after the day is not the end of a range
    assert [m.raw for m in find_absolute_dates("On May 27 and 28 civilians died")] == ["May 27"]


@pytest.mark.parametrize(
    "text",
    [
        "at least 2,000 people and 120 military vehicles",
        "some 1,300 fighters",
        "reported at 0914 GMT and 2037 UTC",  # times are not years
        "the 1990s",
        "2015 fighters",  # a bare number without a date-like context
        "May God protect them",  # the verb, not the month
        "may be killed in March",  # bare month without preposition: "in March" only
        "Resolution 2254 calls",
        "killed 5 people, 1.5 km away, at 18:14",
        "Sunni fighters and the Sun newspaper",
    ],
)
def test_not_dates(text):
    ms = find_absolute_dates(text)
    if text.startswith("may be killed"):
        assert [m.raw for m in ms] == ["March"]
    else:
        assert ms == [], ms


def test_times_are_not_read_as_years():
    m = one("Fri 07 Apr at 0914 Homs governor says")
    assert (m.raw, m.year, m.month, m.day) == ("Fri 07 Apr", None, 4, 7)
    assert one("August 13 2016 2037 UTC+3", published=PUB).date == D(2016, 8, 13)


@pytest.mark.parametrize(
    "text, date",
    [
        ("05.04.2017", D(2017, 4, 5)),  # day-first
        ("12-01-2016", D(2016, 1, 12)),  # day-first
        ("25.12.2015", D(2015, 12, 25)),  # first > 12: day
        ("12/25/2015", D(2015, 12, 25)),  # second > 12: month-first
    ],
)
def test_numeric_dates_are_day_first(text, date):
    assert one(text).date == date


def test_invalid_numeric_and_calendar_dates_are_skipped():
    assert find_absolute_dates("31.02.2017 and 13/13/2015 and February 30, 2016") == []
    assert find_absolute_dates("February 29, 2015") == []
    assert one("February 29, 2016").date == D(2016, 2, 29)


# --------------------------------------------------------------------------
# find_dates: the seed examples


@pytest.mark.parametrize(
    "text, published, precision_in, context, raw, date, precision, kind",
    [
        ("On September 5, heavy clashes", D(2020, 9, 8), "day", None, "September 5", D(2020, 9, 5), "day", "absolute"),
        ("A day later, on September 6, the Turkish military", D(2020, 9, 8), "day", D(2020, 9, 5),
         "A day later, on September 6", D(2020, 9, 6), "day", "absolute"),
        ("the Turkish Defense Ministry reported late on May 27.", D(2020, 5, 28), "day", None,
         "May 27", D(2020, 5, 27), "day", "absolute"),
        ("Earlier on May 27, a large explosion", D(2020, 5, 28), "day", None, "May 27", D(2020, 5, 27), "day", "absolute"),
        ("a Syrian soldier was injured late Monday following", D(2024, 7, 23), "estimated", None,
         "late Monday", D(2024, 7, 22), "day", "weekday"),
        ("bombing the Idlib region since early July.", D(2024, 7, 23), "estimated", None,
         "since early July", D(2024, 7, 1), "month", "since"),
        ("Since July 6, the Syrian army", D(2024, 7, 23), "estimated", None, "Since July 6", D(2024, 7, 6), "day", "since"),
        ("On July 22, heavy artillery exchanges", D(2024, 7, 23), "estimated", None, "July 22", D(2024, 7, 22), "day", "absolute"),
        ("to administer Idlib since January 2017.", D(2024, 7, 23), "estimated", None,
         "since January 2017", D(2017, 1, 1), "month", "since"),
        ("On 10 September, the Turkish army", D(2023, 9, 11), "estimated", None, "10 September", D(2023, 9, 10), "day", "absolute"),
        ("On 26 August, a tunnel bombing", D(2023, 9, 11), "estimated", None, "26 August", D(2023, 8, 26), "day", "absolute"),
        ("Later, on September 1, at least 16 soldiers", D(2023, 9, 11), "estimated", None,
         "September 1", D(2023, 9, 1), "day", "absolute"),
        ("said on September 9 that a total", D(2023, 9, 11), "estimated", None, "September 9", D(2023, 9, 9), "day", "absolute"),
        ("positions throughout the region since 2020 to", D(2023, 9, 11), "estimated", None,
         "since 2020", D(2020, 1, 1), "year", "since"),
    ],
)
def test_seed_examples(text, published, precision_in, context, raw, date, precision, kind):
    ms = find_dates(text, published=published, published_precision=precision_in, context=context)
    check_offsets(text, ms)
    assert len(ms) == 1, ms
    m = ms[0]
    assert (m.raw, m.date, m.precision, m.kind) == (raw, date, precision, kind)


def test_seed_two_dates_in_one_sentence():
    ms = find_dates("On May 27 and May 28, Russian airstrikes", published=D(2020, 5, 28))
    assert [m.date for m in ms] == [D(2020, 5, 27), D(2020, 5, 28)]


def test_for_about_a_year_now_is_not_a_date():
    assert find_dates("For about a year now, Turkey and Syria", published=D(2023, 9, 11)) == []


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def test_seed_gold_event_dates_with_the_date_in_force():
    """Each gold event date is what find_dates gives for the claim's sentence,
    or -- when the sentence has no date -- the date in force from the text
    before it (the last day-precision, non-'since' date seen)."""
    manifest = {r["file"]: r for r in csv.DictReader((SEEDS / "manifest.csv").open(encoding="utf-8"))}
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    checked = 0
    for claim in gold["claims"]:
        if "event_date" not in claim:
            continue
        row = manifest[claim["doc"]]
        published = D.fromisoformat(row["published"])
        context = None
        found = None
        for sent in _sentences((SEEDS / claim["doc"]).read_text(encoding="utf-8")):
            ms = find_dates(sent, published=published, published_precision=row["published_precision"], context=context)
            check_offsets(sent, ms)
            days = [m.date for m in ms if m.precision == "day" and m.kind != "since"]
            if claim["quote"] in sent:
                found = days[0] if days else context
                break
            if days:
                context = days[-1]
        assert found == claim["event_date"], claim["id"]
        checked += 1
    assert checked >= 20


# --------------------------------------------------------------------------
# find_dates: relative expressions


PUB = D(2017, 4, 7)  # a Friday


@pytest.mark.parametrize(
    "text, date, precision",
    [
        ("killed Wednesday in Syrian regime air raids", D(2017, 4, 5), "day"),
        ("a monitor said on Tuesday", D(2017, 4, 4), "day"),
        ("clashes erupted Sunday", D(2017, 4, 2), "day"),
        ("killed on Friday", D(2017, 4, 7), "day"),  # same weekday = the publication day
        ("an attack last Friday", D(2017, 3, 31), "day"),  # 'last' = strictly before
        ("talks next Monday", D(2017, 4, 10), "day"),
        ("Monday night", D(2017, 4, 3), "day"),
        ("early Thursday morning", D(2017, 4, 6), "day"),
        ("yesterday", D(2017, 4, 6), "day"),
        ("Today", D(2017, 4, 7), "day"),
        ("this morning", D(2017, 4, 7), "day"),
        ("tonight", D(2017, 4, 7), "day"),
        ("overnight", D(2017, 4, 6), "day"),
        ("two days ago", D(2017, 4, 5), "day"),
        ("3 days ago", D(2017, 4, 4), "day"),
        ("a week ago", D(2017, 3, 27), "week"),
        ("last week", D(2017, 3, 27), "week"),
        ("earlier this week", D(2017, 4, 3), "week"),
        ("last month", D(2017, 3, 1), "month"),
        ("earlier this month", D(2017, 4, 1), "month"),
        ("last year", D(2016, 1, 1), "year"),
        ("in October last year", D(2016, 10, 1), "month"),
        ("On May 5 this year", D(2017, 5, 5), "day"),
    ],
)
def test_publication_relative(text, date, precision):
    m = one(text, published=PUB)
    assert (m.date, m.precision, m.anchor) == (date, precision, "published")
    check_offsets(text, [m])


@pytest.mark.parametrize(
    "text, date, precision",
    [
        ("A day later the army advanced", D(2020, 9, 6), "day"),
        ("the next day", D(2020, 9, 6), "day"),
        ("The following day", D(2020, 9, 6), "day"),
        ("the day before, the army", D(2020, 9, 4), "day"),
        ("a day earlier", D(2020, 9, 4), "day"),
        ("two days later", D(2020, 9, 7), "day"),
        ("on the same day", D(2020, 9, 5), "day"),
        ("three weeks later", D(2020, 9, 21), "week"),
    ],
)
def test_context_relative(text, date, precision):
    m = one(text, published=D(2020, 9, 8), context=D(2020, 9, 5))
    assert (m.date, m.precision, m.kind, m.anchor) == (date, precision, "anaphoric", "context")


def test_context_relative_without_context_is_unknown():
    m = one("A day later the army advanced", published=D(2020, 9, 8))
    assert (m.date, m.precision, m.kind) == (None, "unknown", "anaphoric")


def test_day_before_a_noun_is_not_anaphoric():
    assert find_dates("the day before the attack", published=PUB, context=D(2017, 4, 1)) == []


def test_since_wraps_any_expression():
    ms = find_dates("since Monday, since yesterday and since last week", published=PUB)
    assert [(m.kind, m.date, m.precision) for m in ms] == [
        ("since", D(2017, 4, 3), "day"),
        ("since", D(2017, 4, 6), "day"),
        ("since", D(2017, 3, 27), "week"),
    ]


# --------------------------------------------------------------------------
# year inference and publication precision


@pytest.mark.parametrize(
    "text, published, date",
    [
        ("On December 30, clashes", D(2021, 1, 3), D(2020, 12, 30)),  # across the new year
        ("On 31 December", D(2021, 1, 1), D(2020, 12, 31)),
        ("On January 2", D(2020, 12, 30), D(2021, 1, 2)),  # a few days ahead: tolerance
        ("On January 20", D(2020, 12, 30), D(2021, 1, 20)),  # three weeks ahead: an announced day, this January
        ("On February 20", D(2020, 12, 30), D(2020, 2, 20)),  # beyond the day tolerance: last February
        ("in a June 3 poll", D(2014, 5, 23), D(2014, 6, 3)),  # a month-day 11 days ahead: this June
        ("since May 2", D(2014, 3, 10), D(2013, 5, 2)),  # 53 days ahead: last May
        ("in January", D(2020, 12, 20), D(2020, 1, 1)),  # a bare month keeps the 7-day tolerance
        ("On July 22", D(2024, 7, 22), D(2024, 7, 22)),
        ("On February 29", D(2017, 3, 1), D(2016, 2, 29)),  # the last leap day
        ("in December", D(2021, 1, 3), D(2020, 12, 1)),
    ],
)
def test_year_inference(text, published, date):
    assert one(text, published=published).date == date


def test_resolve_year():
    tol = K.dates["year_tolerance_days"]
    assert tol == 7
    assert resolve_year(12, 30, D(2021, 1, 3), tolerance_days=tol) == 2020
    assert resolve_year(1, 3, D(2021, 1, 3), tolerance_days=tol) == 2021
    assert resolve_year(1, 9, D(2021, 1, 3), tolerance_days=tol) == 2021  # within 7 days
    assert resolve_year(1, 11, D(2021, 1, 3), tolerance_days=tol) == 2020
    assert resolve_year(1, 11, D(2021, 1, 3), tolerance_days=10) == 2021
    assert resolve_year(3, None, D(2021, 3, 31), tolerance_days=tol) == 2021
    assert resolve_year(2, 29, D(2021, 6, 1), tolerance_days=tol) == 2020
    with pytest.raises(ValueError):
        resolve_year(2, 30, D(2021, 6, 1), tolerance_days=tol)


def test_published_none_resolves_only_dates_with_a_year():
    text = "On May 27, yesterday, on Monday, last week, a day later, since 2020 and on 5 May 2015"
    ms = find_dates(text, published=None, context=None)
    check_offsets(text, ms)
    got = {m.raw: (m.date, m.precision) for m in ms}
    assert got["5 May 2015"] == (D(2015, 5, 5), "day")
    assert got["since 2020"] == (D(2020, 1, 1), "year")
    for raw in ("May 27", "yesterday", "Monday", "last week", "a day later"):
        assert got[raw] == (None, "unknown"), raw
    assert ms[0].month == 5 and ms[0].day == 27


def test_unknown_publication_precision_is_like_none():
    assert one("killed Monday", published=PUB, published_precision="unknown").date is None
    assert one("On May 27", published=PUB, published_precision="nonsense").date is None


def test_month_and_year_precision_publication():
    pub = D(2017, 4, 1)
    text = "On May 9, yesterday, killed Monday, last month, last year, in March"
    by_month = {m.raw: m.date for m in find_dates(text, published=pub, published_precision="month")}
    assert by_month == {
        "May 9": D(2017, 5, 9),  # within 45 days of the end of April 2017: this May
        "yesterday": None,
        "Monday": None,
        "last month": D(2017, 3, 1),
        "last year": D(2016, 1, 1),
        "March": D(2017, 3, 1),
    }
    by_year = {m.raw: m.date for m in find_dates(text, published=D(2017, 1, 1), published_precision="year")}
    assert by_year == {
        "May 9": D(2017, 5, 9),  # reference: the end of 2017
        "yesterday": None,
        "Monday": None,
        "last month": None,
        "last year": D(2016, 1, 1),
        "March": D(2017, 3, 1),
    }


def test_estimated_publication_counts_as_day():
    m = one("late Monday", published=D(2024, 7, 23), published_precision="estimated")
    assert m.date == D(2024, 7, 22)


def test_datetime_inputs_are_accepted():
    m = one("killed Monday", published=dt.datetime(2017, 4, 7, 23, 59))
    assert m.date == D(2017, 4, 3)


def test_iso_strings_and_timestamps_are_accepted():
    pd = pytest.importorskip("pandas")
    assert one("killed Monday", published="2017-04-07").date == D(2017, 4, 3)
    assert one("killed Monday", published=pd.Timestamp("2017-04-07")).date == D(2017, 4, 3)
    assert one("the next day", published="", context="2017-04-01").date == D(2017, 4, 2)
    for bad in ("", "April 2017", pd.NaT, float("nan")):
        assert one("killed Monday", published=bad).date is None


# --------------------------------------------------------------------------
# robustness and invariants


@pytest.mark.parametrize("bad", [None, 12, b"May 5 2015", "", " ", "\x00\ufffd", "May " * 5000])
def test_odd_input_never_raises(bad):
    assert isinstance(find_absolute_dates(bad), list)
    assert isinstance(find_dates(bad, published=PUB), list)


def test_extreme_dates_degrade_to_unknown():
    ms = find_dates("yesterday, last week and Monday", published=D.min)  # 0001-01-01 is a Monday
    assert [m.date for m in ms] == [None, None, D.min]
    ms = find_dates("next Monday and 2 years later", published=D.max, context=D.max)
    assert [m.date for m in ms] == [None, None]


def test_resolution_never_reads_the_clock():
    src = inspect.getsource(dates)
    assert not re.search(r"\.(today|now|utcnow)\(|time\.time\(", src)
    # old publication dates give old results, whatever the current date
    ms = find_dates("yesterday, on Monday, On May 27, last year", published=D(1995, 3, 1))
    assert all(m.date is not None and m.date <= D(1995, 3, 8) for m in ms)


def test_lexicon_has_provenance_header():
    first = data_text("lang/en/dates.yaml").splitlines()[:12]
    assert any("Provenance" in ln for ln in first) and all(ln.startswith("#") for ln in first[:3])


TEXT = st.text(
    alphabet=st.sampled_from(list("0123456789 .,-/:'abdeilmnorstuyADFJMNOSTW")) | st.characters(),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, published=st.none() | st.dates(), context=st.none() | st.dates(),
       precision=st.sampled_from(["day", "estimated", "month", "year", "unknown"]))
def test_property_never_raises(text, published, context, precision):
    for ms in (find_absolute_dates(text),
               find_dates(text, published=published, published_precision=precision, context=context)):
        check_offsets(text, ms)
        assert [m.start for m in ms] == sorted(m.start for m in ms)


def _render(d: D, fmt: int) -> str:
    ordinal = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(d.day, "th")
    month, mon = MONTHS[d.month - 1], MON3[d.month - 1]
    wd, wd3 = WEEKDAYS[d.weekday()], WD3[d.weekday()]
    return [
        f"{month} {d.day:02d}, {d.year}",
        f"{month} {d.day} {d.year}",
        f"{d.day} {month} {d.year}",
        f"{wd3} {d.day:02d} {mon} {d.year}",
        f"{wd} {d.day} {mon} {d.year}",
        f"{wd3} {mon} {d.day} {d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        f"{d.day:02d}-{d.month:02d}-{d.year}",
        d.isoformat(),
        f"the {d.day}{ordinal} of {month} {d.year}",
        f"{month} {d.day}{ordinal}, {d.year}",
        f"{mon} {d.day:02d}{d.year}",
        f"{month.upper()} {d.day}, {d.year}",
        f"{wd}, {month} {d.day}, {d.year}",
    ][fmt]


@settings(max_examples=400, deadline=None)
@given(d=st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31)), fmt=st.integers(0, 13),
       before=st.sampled_from(["", "On ", "Published ", "reported on ", "(", "Updated: "]),
       after=st.sampled_from(["", " heavy clashes", ".", ", the army", "Get short URL", " at 0914"]))
def test_property_rendered_dates_round_trip(d, fmt, before, after):
    text = before + _render(d, fmt) + after
    ms = find_absolute_dates(text)
    assert [(m.date, m.precision) for m in ms] == [(d, "day")], text
    check_offsets(text, ms)
    assert find_dates(text, published=None)[0].date == d


@settings(max_examples=300, deadline=None)
@given(d=st.dates(min_value=D(1901, 1, 1), max_value=D(2098, 12, 31)), lag=st.integers(-45, 300),
       fmt=st.sampled_from(["On {month} {day}", "on {day} {month}", "{month} {day}th", "the {day}th of {month}"]))
def test_property_yearless_dates_resolve_to_the_recent_past(d, lag, fmt):
    text = fmt.format(month=MONTHS[d.month - 1], day=d.day)
    m = one(text, published=d + dt.timedelta(days=lag))
    assert (m.date, m.precision, m.anchor) == (d, "day", "published"), text


@settings(max_examples=300, deadline=None)
@given(d=st.dates(min_value=D(1901, 3, 1), max_value=D(2098, 12, 31)), ahead=st.integers(46, 300),
       fmt=st.sampled_from(["On {month} {day}", "on {day} {month}", "the {month} {day} talks"]))
def test_property_yearless_dates_far_ahead_are_last_years(d, ahead, fmt):
    """A year-less month-day more than the day tolerance (45 days) ahead of
    the report is the same day a year back (or the last year it exists)."""
    text = fmt.format(month=MONTHS[d.month - 1], day=d.day)
    m = one(text, published=d - dt.timedelta(days=ahead))
    assert m.date is not None and m.date < d - dt.timedelta(days=ahead) and (m.date.month, m.date.day) == (d.month, d.day)
    assert (d - m.date).days <= 366 * 4 + 1, text  # Feb 29: the last leap year


@settings(max_examples=300, deadline=None)
@given(published=st.dates(min_value=D(1, 1, 15), max_value=D(9999, 12, 1)),
       fmt=st.sampled_from(["at the weekend", "over the weekend", "Over the weekend, jets", "killed at the weekend."]))
def test_property_the_weekend_is_the_week_of_the_last_saturday_up_to_publication(published, fmt):
    (m,) = find_dates(fmt, published=published)
    saturday = m.date + dt.timedelta(days=5)
    assert (m.kind, m.precision, m.date.weekday()) == ("relative", "week", 0)
    assert 0 <= (published - saturday).days < 7


@settings(max_examples=300, deadline=None)
@given(published=st.dates(min_value=D(1, 1, 8)), wd=st.integers(0, 6),
       fmt=st.sampled_from(["on {w}", "killed {w} in", "late {w}", "{w} night", "early {w} morning"]))
def test_property_weekdays_fall_in_the_week_up_to_publication(published, wd, fmt):
    m = one(fmt.format(w=WEEKDAYS[wd]), published=published)
    assert m.kind == "weekday" and m.precision == "day"
    assert published - dt.timedelta(days=6) <= m.date <= published
    assert m.date.weekday() == wd


# --------------------------------------------------------------------------
# FA-KES (skipped when the corpus is absent)


@pytest.fixture(scope="module")
def fakes_articles() -> list[str]:
    if not FAKES.is_file():
        pytest.skip(f"FA-KES corpus not found at {FAKES}")
    with FAKES.open(encoding="utf-8", newline="") as fh:
        return [row["article_content"] or "" for row in csv.DictReader(fh)]


@pytest.mark.fakes
def test_fakes_datelines_and_weekdays(fakes_articles):
    n_dateline = 0
    n_weekday = 0
    for text in fakes_articles:
        head = [m for m in find_absolute_dates(text[:250]) if m.precision == "day"]
        check_offsets(text[:250], head)
        if not head:
            continue
        n_dateline += 1
        pub = head[0].date
        for sent in text.split(". "):
            ms = find_dates(sent, published=pub)
            check_offsets(sent, ms)
            for m in ms:
                if m.kind == "weekday" and not m.raw.lower().startswith(("next", "last", "past")):
                    n_weekday += 1
                    assert pub - dt.timedelta(days=6) <= m.date <= pub
    assert n_dateline >= 0.95 * len(fakes_articles)
    assert n_weekday >= 300  # bare weekdays are the commonest event dates in wire copy


@pytest.mark.fakes
def test_fakes_no_counts_read_as_years(fakes_articles):
    for text in fakes_articles:
        for m in find_absolute_dates(text):
            if m.precision == "year":
                assert re.fullmatch(r"(?:\w+[ -]+){0,2}(?:19|20)\d\d", m.raw), m.raw
                assert 1900 <= m.year <= 2030


# ---------------------------------------------------------------------------
# The date in force: what undated sentences after a dated one inherit


_REPORT_DAY = D(2021, 3, 5)  # a Friday


def _mention(raw: str) -> DateMention:
    [m] = find_dates(raw, published=_REPORT_DAY)
    return m


def test_a_coarser_date_holding_or_before_the_day_in_force_does_not_displace_it():
    wednesday = _mention("on Wednesday")  # 2021-03-03, a day
    assert wednesday.precision == "day"
    for recap in ["this week", "in March", "in 2020", "in June 2020", "last month"]:
        assert not dates.displaces(_mention(recap), wednesday), recap
    # a day always displaces the date in force, and so does any date when no day is in force
    assert dates.displaces(_mention("on Tuesday"), wednesday)
    assert dates.displaces(_mention("in March"), None)
    assert dates.displaces(_mention("in March"), _mention("in 2020"))
    # a coarser date wholly after the day in force tells a later time
    assert dates.displaces(_mention("in April 2021"), wednesday)


def _dated_claims(text: str):
    from claimscope.claims import DocumentInput, extract_chunk

    doc = DocumentInput(doc_id="d1", text=text, outlet="Example Times", published=_REPORT_DAY, published_precision="day")
    claims = bind(extract_chunk)([doc]).claims
    return {s: (d, r) for s, d, r in zip(claims["sentence"], claims["event_date"], claims["date_raw"])}


def test_a_recap_in_a_coarser_date_leaves_the_reports_day_to_the_sentences_after_it():
    text = ("Rockets hit a market in the town of Ariha on Wednesday, killing eight civilians, rescuers said. "
            "The town had been shelled in January, when four people died. "
            "Rescuers pulled two more bodies from the rubble of the Ariha market.")
    got = _dated_claims(text)
    assert got["Rescuers pulled two more bodies from the rubble of the Ariha market."] == ("2021-03-03", "inherited: Wednesday")
    assert got["The town had been shelled in January, when four people died."][1] == "January"  # its own date stays
    # a day named in the recap is a day: the sentences after it inherit it, as before
    text = text.replace("in January", "on January 12")
    got = _dated_claims(text)
    assert got["Rescuers pulled two more bodies from the rubble of the Ariha market."][1] == "inherited: January 12"


GATE_TEXT = st.lists(st.sampled_from(["3", "12", "2015", "1999", "21.08.2013", "2017-04-05", "days", "day", "week",
                                      "ago", "later", "in", "since", "mid", "May", "march", "Monday", "yesterday", "the",
                                      "next", "two", "killed", "people", ",", ".", "-", "/", "٣", "20٢٣"]),
                     max_size=12).map(" ".join) | TEXT


@settings(max_examples=400, deadline=None)
@given(text=GATE_TEXT, published=st.none() | st.dates(), context=st.none() | st.dates())
def test_property_the_word_and_digit_gate_skips_only_texts_without_a_date(text, published, context):
    # the gate (no date word, and no digit or a digit with neither a year nor a unit) must never hide a
    # mention the full scan finds
    from claimscope.sentences import sentence_words
    gated = find_dates(text, published=published, context=context, words=sentence_words(text))
    assert gated == find_dates(text, published=published, context=context)


def test_a_digit_without_a_year_or_unit_is_no_date_but_a_year_or_count_is():
    from claimscope.sentences import sentence_words
    for text, raws in [("12 people were killed and 40 wounded", []), ("the 2015 offensive left 12 dead", []),
                       ("fighting resumed in 2015, killing 12", ["2015"]), ("3 days later 12 were killed", ["3 days later"]),
                       ("talks on 21.08.2013 failed", ["21.08.2013"])]:
        got = find_dates(text, published=D(2016, 5, 1), words=sentence_words(text))
        assert [m.raw for m in got] == [m.raw for m in find_dates(text, published=D(2016, 5, 1))] == raws, text


@pytest.mark.parametrize("text, iso", [
    ("Eight were killed in yesterdays tragedy, rescuers said.", "2024-07-23"),
    ("Todays shelling of the market killed five.", "2024-07-24"),
    ("Last nights raid on the camp killed three.", "2024-07-23"),
])
def test_a_possessive_that_lost_its_apostrophe_still_dates(text, iso):
    # copy that strips every apostrophe ("yesterdays") tells the same day as "yesterday's"
    m = one(text, published=dt.date(2024, 7, 24))
    assert (m.date.isoformat(), m.precision) == (iso, "day")


def test_a_weekday_with_an_s_is_no_date():
    # "on Mondays" is a habit, not a day: only the publication-relative words take the lost apostrophe
    assert find_dates("Markets close on Mondays.", knowledge=K, published=dt.date(2024, 7, 24)) == []
