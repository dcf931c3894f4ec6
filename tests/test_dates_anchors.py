"""Event dates from the right anchor (dates12): the year of a year-less
month-day, days after the report's own, and (below) other frames that date
something other than the act told. Sentences written for these tests; each
rule has a near miss it must leave as it was."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from claimscope.claims import DocumentInput, extract_chunk
from claimscope import dates
from claimscope.dates import find_dates

from builtin_knowledge import K

REPORT_DAY = dt.date(2019, 5, 24)   # a Friday


def claims_of(text: str, published: dt.date = REPORT_DAY, precision: str = "day") -> pd.DataFrame:
    doc = DocumentInput(doc_id="d1", text=text, outlet="Example Times", published=published,
                        published_precision=precision)
    return extract_chunk([doc], knowledge=K).claims


def row(claims: pd.DataFrame, fragment: str) -> pd.Series:
    hit = claims[claims["sentence"].str.contains(fragment, regex=False)]
    assert len(hit) == 1, (fragment, claims["sentence"].tolist())
    return hit.iloc[0]


# --------------------------------------------------------------------------
# a year-less month-day a few weeks ahead is this year's


def test_a_month_day_weeks_ahead_is_this_years_and_a_far_one_last_years():
    near = find_dates("ahead of the June 9 referendum", knowledge=K, published=REPORT_DAY)
    assert [(m.raw, m.date) for m in near] == [("June 9", dt.date(2019, 6, 9))]
    # near miss: two months ahead is a recall of last year
    far = find_dates("after the July 30 ceasefire", knowledge=K, published=REPORT_DAY)
    assert [(m.raw, m.date) for m in far] == [("July 30", dt.date(2018, 7, 30))]
    # near miss: a bare month keeps the week's tolerance ("in June" in a late-May report is last June)
    bare = find_dates("fighting that began in June", knowledge=K, published=REPORT_DAY)
    assert [(m.raw, m.date) for m in bare] == [("June", dt.date(2018, 6, 1))]


def test_ahead_of_publication_needs_a_later_day_and_a_day_precise_report():
    (m,) = find_dates("on June 9", knowledge=K, published=REPORT_DAY)
    assert dates.ahead_of_publication(m, REPORT_DAY)
    assert not dates.ahead_of_publication(m, dt.date(2019, 6, 9))          # the report's own day
    assert not dates.ahead_of_publication(m, REPORT_DAY, "estimated")       # an estimated report day may be early
    assert not dates.ahead_of_publication(m, None)


# --------------------------------------------------------------------------
# a day after the report's own dates no act told as done


def test_an_act_is_not_dated_by_an_announced_day_it_names():
    text = ("Gunmen fired mortars at a rally for the June 9 referendum in Tartus, killing eight people. "
            "The vote is to go ahead on June 9.")
    c = claims_of(text)
    lead = row(c, "fired mortars")
    assert lead["event_date"] == "2019-05-24" and lead["date_precision"] == "reported", lead["date_raw"]


def test_an_announced_future_keeps_its_day():
    # near miss: the future claim is dated by its announced day
    text = "Shelling killed two men in Harem on Thursday. Officials said talks would resume in Geneva on June 9."
    c = claims_of(text)
    fut = row(c, "talks would resume")
    assert fut["kind"] == "future" and fut["event_date"] == "2019-06-09", (fut["kind"], fut["date_raw"])
    assert row(c, "Shelling killed")["event_date"] == "2019-05-23"
