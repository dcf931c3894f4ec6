"""The date in force after a recap (claims, `dates.displaces`): a week, month
or year that holds the day in force or lies wholly before it says less than
the reader knows, and the undated sentences after it go on telling of that
day inside the paragraph that named it; a paragraph that opens with a dated
act is about that date (its dead are not the report's day's). A day, a
coarser date after the day in force, and any date when no day is in force
still become the date in force. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from claimscope.claims import DocumentInput, extract_chunk

from builtin_knowledge import K

REPORT_DAY = dt.date(2021, 7, 16)   # a Friday; "on Wednesday" is 2021-07-14
LEAD = "Rockets hit a market in the town of Ariha on Wednesday, killing eight civilians, rescuers said."
AFTER = "Rescuers pulled two more bodies from the rubble of the market, the civil defence said."


def dated(text: str, published: dt.date = REPORT_DAY) -> dict[str, tuple[str, str]]:
    doc = DocumentInput(doc_id="d1", text=text, outlet="Example Times", published=published, published_precision="day")
    claims = extract_chunk([doc], knowledge=K).claims
    return {s: (d, r) for s, d, r in zip(claims["sentence"], claims["event_date"], claims["date_raw"])}


@pytest.mark.parametrize("recap", [
    "The town had been shelled in June, when four people died.",        # wholly before the day
    "The town was also hit in 2020, when four people died.",
    "It was the third attack on the town this month.",                  # holds the day
])
def test_a_recap_leaves_the_day_to_the_sentences_after_it(recap):
    got = dated(LEAD + " " + recap + " " + AFTER)
    assert got[AFTER] == ("2021-07-14", "inherited: Wednesday")
    assert not got[recap][1].startswith("inherited")   # the recap keeps its own date


def test_a_paragraph_that_opens_with_a_dated_act_is_about_that_date():
    """The next paragraph may go on about the act it opens with: its dead are
    not the report's day's (a missed date is safer than a wrong one)."""
    lead = "Rockets hit a market in the town of Ariha on Monday, killing eight civilians, rescuers said."
    later = "Government forces shelled the village of Kafr Nabl in February."
    after = "Twenty civilians were killed in the shelling, the civil defence said."
    got = dated(lead + "\n\n" + later + " " + after, published=dt.date(2021, 3, 10))
    assert got[lead][0] == "2021-03-08"
    assert got[after][1] == "inherited: February"


def test_a_day_in_the_recap_is_the_date_in_force():
    recap = "The town had been shelled on June 3, when four people died."
    for gap in (" ", "\n\n"):
        assert dated(LEAD + gap + recap + " " + AFTER)[AFTER] == ("2021-06-03", "inherited: June 3")


def test_a_coarser_date_after_the_day_in_force_tells_a_later_time():
    # a report of September 10 about a July day: "in August" is after it
    lead = "Rockets hit a market in the town of Ariha on July 14, killing eight civilians, rescuers said."
    later = "The town was shelled again in August, when four people died."
    got = dated(lead + "\n\n" + later + " " + AFTER, published=dt.date(2021, 9, 10))
    assert got[AFTER][1] == "inherited: August"


def test_with_no_day_in_force_a_month_is_the_date_in_force():
    text = "The town had been shelled in June, when four people died. " + AFTER
    assert dated(text)[AFTER][1] == "inherited: June"
