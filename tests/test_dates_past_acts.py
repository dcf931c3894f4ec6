"""A year-less date after the report's own day, in a clause that tells an
act as done, is last year's (dates13, `dates.past_act_dates`): "a barrel
bomb killed 11 on December 28" in a November report happened last December.
Announced items named in such sentences keep the year they had. Sentences
written for these tests; each rule has near misses that must not change."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from claimscope.claims import DocumentInput, extract_chunk
from claimscope.dates import find_dates, past_act_dates

from builtin_knowledge import K

REPORT_DAY = dt.date(2018, 11, 21)   # a Wednesday in November


def moved(text: str, published: dt.date = REPORT_DAY, precision: str = "day") -> list[tuple[str, str]]:
    found = find_dates(text, knowledge=K, published=published, published_precision=precision)
    return [(m.raw, str(m.date)) for m in past_act_dates(text, found, knowledge=K, published=published,
                                                        published_precision=precision)]


def claims_of(text: str) -> pd.DataFrame:
    doc = DocumentInput(doc_id="d1", text=text, outlet="Example Times", published=REPORT_DAY,
                        published_precision="day")
    return extract_chunk([doc], knowledge=K).claims


@pytest.mark.parametrize("text, raw, date", [
    ("A rocket struck a bakery in Maarat al-Numan on December 19, killing four.", "December 19", "2017-12-19"),
    ("On December 30, gunmen shot dead a teacher near Tafas.", "December 30", "2017-12-30"),
    ("Nine fighters were killed on December 3 in clashes east of Hama, the monitor said.", "December 3", "2017-12-03"),
    ("The clinic in Kafr Zita was hit on December 12 by two barrel bombs.", "December 12", "2017-12-12"),
    ("Militants ambushed an army patrol near Sukhnah in December, the ministry said.", "December", "2017-12-01"),
])
def test_an_act_told_as_done_on_a_day_ahead_of_the_report_is_last_years(text, raw, date):
    assert moved(text) == [(raw, date)]


@pytest.mark.parametrize("text", [
    # an announced item, no act verb in its clause
    "Parliamentary elections on December 16 were postponed by the council.",
    "The envoy said talks will resume in Astana on December 4.",
    # an act verb in the sentence, but the date is another clause's
    "A mortar killed two boys in Jobar, days before talks on December 4.",
    "Talks resume on December 4 after shelling killed two boys in Jobar.",
    # the date qualifies a noun (the poll), not the act
    "Gunmen attacked a rally in support of the candidate in the disputed December 9 vote.",
    # a future or planned act, an infinitive
    "The army is expected to have stormed the town on December 2.",
    "The council plans to hit back on December 2.",
    # not after a preposition of an act's date
    "A visit scheduled for December 10 was cancelled after the attack was carried out.",
])
def test_an_announced_or_planned_day_keeps_its_year(text):
    assert all(date.startswith("2018") for _, date in moved(text)), moved(text)


def test_only_a_day_precise_report_and_only_a_day_ahead_move():
    text = "A rocket struck a bakery in Maarat al-Numan on December 19."
    assert moved(text, precision="estimated") == [("December 19", "2018-12-19")]  # an estimated day may be early
    # a day before the report is this year's already
    assert moved("A rocket struck a bakery on November 19.") == [("November 19", "2018-11-19")]
    # a date with its year is as written
    assert moved("A rocket struck a bakery on December 19, 2018.") == [("December 19, 2018", "2018-12-19")]


def test_the_claim_takes_last_years_day_and_its_neighbours_keep_theirs():
    text = ("A barrel bomb killed eleven people in Daraya on December 28, activists said. "
            "The opposition said it would boycott talks in Geneva on December 14.")
    c = claims_of(text)
    act = c[c["sentence"].str.contains("barrel bomb")].iloc[0]
    assert (act["event_date"], act["date_precision"], act["date_raw"]) == ("2017-12-28", "day", "December 28")
    fut = c[c["sentence"].str.contains("boycott")].iloc[0]
    assert fut["event_date"] == "2018-12-14", fut["date_raw"]
