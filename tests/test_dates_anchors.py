"""Event dates from the right anchor (dates12): the year of a year-less
month-day, days after the report's own, and (below) other frames that date
something other than the act told. Sentences written for these tests; each
rule has a near miss it must leave as it was."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

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


# --------------------------------------------------------------------------
# the day of a telling, not of the act told


def test_a_date_opening_the_sentence_before_the_speaker_and_verb_dates_the_telling():
    c = claims_of("On Tuesday, the health directorate said that a car bomb killed 12 people in Azaz.")
    r = row(c, "car bomb")
    assert (r["event_date"], r["date_precision"]) == ("2019-05-21", "reported")
    assert r["date_raw"] == "told: On Tuesday, the health directorate said"
    c = claims_of("Yesterday, the Observatory reported that a drone strike killed two farmers near Harem.")
    assert row(c, "drone strike")["date_raw"] == "told: Yesterday, the Observatory reported"
    # near misses: the act's own clause follows the date, the speaker comes last
    c = claims_of("On Tuesday, rebels shelled Azaz, killing 12 people, the health directorate said.")
    r = row(c, "rebels shelled")
    assert (r["event_date"], r["date_precision"], r["date_raw"]) == ("2019-05-21", "day", "Tuesday")
    c = claims_of("On Tuesday a car bomb killed 12 people in Azaz.")
    assert row(c, "car bomb")["date_precision"] == "day"


def test_a_telling_day_first_gives_way_only_to_a_sure_day_of_the_act():
    # the complement's own calendar day or weekday, no later than the telling: the act's
    c = claims_of("The directorate said on Thursday that an air strike late on Wednesday killed six people in Binnish.")
    r = row(c, "air strike")
    assert (r["event_date"], r["date_precision"], r["date_raw"]) == ("2019-05-22", "day", "Wednesday")
    # a clause of another act ("after ..."), a day relative to the report's own, or a month: the telling only
    for text in ("The directorate said on Thursday that six people were killed in Binnish after the market was hit "
                 "on Wednesday.",
                 "The directorate said on Thursday that an air strike overnight killed six people in Binnish.",
                 "The directorate said on Thursday that six people were killed in Binnish, a town shelled in March.",
                 # review14: a clause after a comma or "and" may be another act's day
                 "The directorate said on Thursday that strikes killed six people in Binnish, recaptured by the "
                 "army on Wednesday.",
                 "The directorate said on Thursday that six people were killed in Binnish and were buried on "
                 "Wednesday."):
        r = row(claims_of(text), "Binnish")
        assert (r["event_date"], r["date_precision"], r["date_raw"]) == ("2019-05-23", "reported",
                                                                          "told: said on Thursday"), text
    # near miss: the act's own day told first stays the claim's
    c = claims_of("An air strike killed six people in Binnish on Wednesday, the directorate said on Thursday.")
    r = row(c, "air strike")
    assert (r["event_date"], r["date_precision"], r["date_raw"]) == ("2019-05-22", "day", "Wednesday")
    # near miss: a denial of an earlier act takes the act's day, not the denial's
    c = claims_of("Police officials denied on Thursday that their men fired on the crowd in Manbij on Tuesday.")
    r = row(c, "denied")
    assert (r["event_date"], r["date_precision"], r["date_raw"]) == ("2019-05-21", "day", "Tuesday")


def test_a_new_toll_dates_the_telling():
    c = claims_of("A car bomb killed nine people in Azaz, a monitoring group said in a new toll Sunday.")
    r = row(c, "car bomb")
    assert (r["date_precision"], r["date_raw"]) == ("reported", "told: said in a new toll Sunday")
    # near miss: a toll told with the act's own day
    c = claims_of("A car bomb killed nine people in Azaz on Saturday, a monitoring group said in a new toll.")
    assert row(c, "car bomb")["date_precision"] == "day"


# --------------------------------------------------------------------------
# a weekend is a span, not the day in force


def test_the_weekend_is_the_week_of_the_last_weekend_up_to_the_report():
    wednesday, sunday = dt.date(2019, 5, 22), dt.date(2019, 5, 26)
    for pub in (wednesday, sunday):
        (m,) = find_dates("shelled the village over the weekend", knowledge=K, published=pub)
        want = dt.date(2019, 5, 13) if pub == wednesday else dt.date(2019, 5, 20)
        assert (m.raw, m.date, m.precision, m.kind) == ("over the weekend", want, "week", "relative"), pub
    # near miss: a weekday of the weekend stays a day
    (m,) = find_dates("shelled the village on Saturday", knowledge=K, published=wednesday)
    assert (m.date, m.precision) == (dt.date(2019, 5, 18), "day")


def test_an_act_at_the_weekend_does_not_take_the_day_in_force():
    text = ("Air strikes killed five people in Binnish on Thursday. "
            "Jets also dropped barrel bombs on Kafranbel at the weekend, killing eleven.")
    c = claims_of(text)
    r = row(c, "Kafranbel")
    assert (r["event_date"], r["date_precision"], r["date_raw"]) == ("2019-05-13", "week", "at the weekend")
    assert row(c, "Binnish")["event_date"] == "2019-05-23"


# --------------------------------------------------------------------------
# the sentences after a telling's day inherit it as told


def test_an_act_after_a_telling_inherits_its_day_as_told():
    text = "A car bomb killed nine people in Azaz, activists said on Tuesday. A local doctor said twenty others were wounded in the blast."
    r = row(claims_of(text), "twenty others")
    assert (r["event_date"], r["date_precision"], r["date_raw"]) == ("2019-05-21", "reported",
                                                                      "inherited: told: said on Tuesday")
    # near miss: after the act's own day, the day is inherited as it was
    text = "A car bomb killed nine people in Azaz on Tuesday, activists said. A local doctor said twenty others were wounded in the blast."
    r = row(claims_of(text), "twenty others")
    assert (r["event_date"], r["date_precision"], r["date_raw"]) == ("2019-05-21", "day", "inherited: Tuesday")


# --------------------------------------------------------------------------
# what went before the news takes no day in force


def test_a_background_claim_inherits_no_day():
    text = ("Jets bombed Saraqib on Tuesday, killing four civilians. "
            "Government warplanes regularly carry out air strikes on the town. "
            "Rescuers said two of the dead were children.")
    c = claims_of(text)
    bg = row(c, "regularly carry out")
    assert bg["kind"] == "background"
    assert (bg["event_date"], bg["date_precision"], bg["date_raw"]) == ("", "unknown", ""), bg["date_raw"]
    # near miss: the act told after it still inherits the day in force
    ev = row(c, "Rescuers said")
    assert (ev["event_date"], ev["date_raw"]) == ("2019-05-21", "inherited: Tuesday")


def test_a_running_total_inherits_no_day():
    # a tally counts over its period: the day in force before it would read as the day's toll
    text = ("Jets bombed Saraqib on Tuesday, killing four civilians. "
            "The monitor has documented the death of 210 civilians in the province since the start of the year. "
            "\u2022 March: eleven raids left nine people dead. "
            "Rescuers said two of the dead were children.")
    c = claims_of(text)
    for phrase in ("210 civilians", "March:"):
        t = row(c, phrase)
        assert t["kind"] == "running_total", (phrase, t["kind"])
        assert t["date_raw"] == "" or not t["date_raw"].startswith("inherited:"), (phrase, t["date_raw"])
    # near miss: the act told after the tally still inherits the act's day
    ev = row(c, "Rescuers said")
    assert (ev["event_date"], ev["date_raw"]) == ("2019-05-21", "inherited: Tuesday")


# --------------------------------------------------------------------------
# properties of the telling frames


_WORDS = ["On", "Tuesday", ",", "the", "ministry", "said", "that", "a", "strike", "on", "Monday", "killed", "five",
          "after", "which", "Yesterday", "SOHR", "reported", "overnight", "June", "3", "in", "a", "new", "toll",
          "Sunday", "late", "at", "the", "weekend", "told", "reporters", "Friday", "March", "2015"]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(_WORDS), min_size=0, max_size=18),
       speaker=st.sampled_from(["", "the ministry", "SOHR", "a monitor"]),
       published=st.dates(min_value=dt.date(1950, 1, 8), max_value=dt.date(2090, 12, 1)))
def test_property_telling_frames_are_spans_and_act_days_never_follow_the_telling(words, speaker, published):
    text = " ".join(words)
    ms = find_dates(text, knowledge=K, published=published)
    for m, a, b in dates.telling_dates(text, ms, knowledge=K, speaker=speaker):
        assert m in ms and 0 <= a < b <= len(text) and a <= m.start and m.end <= b, (text, a, b)
        own = dates.act_day_after_telling(text, m, max(b, m.end), ms, knowledge=K)
        assert own is None or (own in ms and own.start >= m.end and own.precision == "day"
                               and own.date is not None and m.date is not None and own.date <= m.date), text
