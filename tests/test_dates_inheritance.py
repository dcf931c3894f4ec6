"""Which undated claims take the date in force (dates13). A statement (a
reaction, a quote, a claim of policy) is dated by the day it was made: it
takes a telling's day in force, or an act's day in copy filed that day or
the next, but not an act's day told days before the report
(`dates.statement_takes_day`, dates.yaml `statement_day_lag`). A paragraph
that opens with background takes no earlier paragraph's day unless a claim
points back at the act (`dates.recalls_act`). Event follow-ups of the act
keep inheriting its day. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from claimscope.claims import DocumentInput, extract_chunk
from claimscope.dates import find_dates, recalls_act, statement_takes_day

from builtin_knowledge import K

MONDAY = dt.date(2019, 3, 11)
THURSDAY = dt.date(2019, 3, 14)

ACT = ('On Monday, a barrel bomb killed nine people in Kafr Nabl. Two more children were killed in the strike. '
       'The opposition coalition condemned the regime and called for sanctions.')
TOLD = ('On Monday, the health ministry said a barrel bomb killed nine people in Kafr Nabl. '
        'The opposition coalition condemned the regime and called for sanctions.')


def claims_of(text: str, published: dt.date, precision: str = "day") -> pd.DataFrame:
    doc = DocumentInput(doc_id="d1", text=text, outlet="Example Times", published=published,
                        published_precision=precision)
    return extract_chunk([doc], knowledge=K).claims


def row(claims: pd.DataFrame, fragment: str) -> pd.Series:
    hit = claims[claims["sentence"].str.contains(fragment, regex=False)]
    assert len(hit) == 1, (fragment, claims["sentence"].tolist())
    return hit.iloc[0]


def test_a_statement_after_an_act_told_days_before_the_report_is_undated():
    c = claims_of(ACT, THURSDAY)
    st = row(c, "condemned")
    assert st["kind"] == "statement"
    assert (st["event_date"], st["date_precision"], st["date_raw"]) == ("", "unknown", "")
    # near miss: the act's follow-up keeps the act's day
    assert row(c, "Two more children")["event_date"] == "2019-03-11"


@pytest.mark.parametrize("published", [MONDAY, MONDAY + dt.timedelta(days=1)])
def test_a_statement_in_copy_filed_on_the_acts_day_or_the_next_keeps_it(published):
    st = row(claims_of(ACT, published), "condemned")
    assert (st["event_date"], st["date_raw"]) == ("2019-03-11", "inherited: Monday")


def test_a_statement_after_a_telling_takes_the_tellings_day():
    st = row(claims_of(TOLD, THURSDAY), "condemned")
    assert (st["event_date"], st["date_raw"]) == ("2019-03-11", "inherited: Monday")


def test_statement_takes_day_needs_a_day_precise_report_to_refuse():
    (monday,) = find_dates("on Monday", knowledge=K, published=THURSDAY)
    assert not statement_takes_day(monday, THURSDAY, "day", knowledge=K)
    assert statement_takes_day(monday, THURSDAY, "day", knowledge=K, told=[monday])
    assert statement_takes_day(monday, THURSDAY, "month", knowledge=K)   # no day to measure the lag from
    assert statement_takes_day(monday, None, knowledge=K)
    assert not statement_takes_day(None, THURSDAY, knowledge=K)


BACKGROUND = ("On Monday, shelling killed four civilians in Ariha, activists said.\n\n"
              "The town has been besieged by government forces since 2013. Rebels blew up a bridge on the road to Idlib. "
              "The shelling also damaged a school.\n\n"
              "Three of the dead were children.")


def test_a_paragraph_opening_with_background_takes_no_earlier_paragraphs_day():
    c = claims_of(BACKGROUND, THURSDAY)
    assert row(c, "besieged")["kind"] == "background"
    bridge = row(c, "blew up a bridge")
    assert (bridge["event_date"], bridge["date_precision"], bridge["date_raw"]) == ("", "unknown", "")


def test_a_claim_pointing_back_at_the_act_and_the_next_paragraph_keep_the_day():
    c = claims_of(BACKGROUND, THURSDAY)
    assert row(c, "also damaged a school")["date_raw"] == "inherited: Monday"   # "The shelling": the act again
    assert row(c, "Three of the dead")["date_raw"] == "inherited: Monday"       # a new paragraph
    assert row(c, "On Monday")["event_date"] == "2019-03-11"


def test_a_first_paragraph_opening_with_background_keeps_the_reports_day():
    # near miss: no earlier paragraph named a day; an act told without one is the report's, as before
    c = claims_of("The town has been besieged by government forces since 2013. Rebels blew up a bridge on the road "
                  "to Idlib.", THURSDAY)
    bridge = row(c, "blew up a bridge")
    assert (bridge["event_date"], bridge["date_precision"]) == ("2019-03-14", "reported")


@pytest.mark.parametrize("text, recalled", [
    ("The attack, the second in a week, left two dead.", True),
    ("Turkey has responded to these strikes for the first time.", True),
    ("Rebels blew up a bridge on the road to Idlib.", False),
    ("An attack on the road is feared.", False),   # no determiner pointing back
])
def test_recalls_act(text, recalled):
    assert recalls_act(text, knowledge=K) is recalled


@pytest.mark.parametrize("context, inherited", [
    # a sentence that makes no claim: its month or year is context, not the day of the acts told after it
    ("The town changed hands in a truce between the sides in 2014.", False),
    ("The town has been quiet since a truce in March.", False),
    # near miss: its week may be the acts' ("At the weekend" tells when the convoy left)
    ("At the weekend the families left the town in a convoy of buses.", True),
])
def test_a_sentence_without_a_claim_puts_no_month_or_year_in_force(context, inherited):
    text = ("Regime jets bombed the town of Kafr Nabl, activists said. " + context + " "
            "Rescuers said a second raid hit a bakery in the town, wounding six people.")
    c = claims_of(text, THURSDAY)
    second = row(c, "a second raid")
    assert second["date_raw"].startswith("inherited:") is inherited, second["date_raw"]
    if not inherited:
        assert (second["event_date"], second["date_precision"]) == ("2019-03-14", "reported")
