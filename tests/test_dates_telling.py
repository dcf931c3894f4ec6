"""Dates of the telling (claims issue 10, `dates.telling_dates`): a date
phrase right after a reporting verb ("said on Tuesday that ...", "..., a
monitor said Friday.", "told reporters on Friday ...") or between the
speaker and the verb ("The council on Monday announced ...") dates the
telling, not the act. An event claim with no other date takes that day with
precision `reported` and `date_raw` `told: <frame>`; alignment still links it
as that day. A date inside the complement, a possessive date, an infinitive
verb and an act with a date of its own are left as they were. Sentences
written for these tests."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from claimscope.claims import DocumentInput, extract_chunk
from claimscope.dates import act_anaphor, find_dates, telling_dates

from builtin_knowledge import K

REPORT_DAY = dt.date(2022, 3, 11)   # a Friday: "Tuesday" is 2022-03-08


def claims_of(text: str) -> pd.DataFrame:
    doc = DocumentInput(doc_id="d1", text=text, outlet="Example Times", published=REPORT_DAY,
                        published_precision="day")
    return extract_chunk([doc], knowledge=K).claims


def frames(text: str, speaker: str = "") -> list[tuple[str, str]]:
    dates = find_dates(text, knowledge=K, published=REPORT_DAY)
    return [(d.raw, text[a:b]) for d, a, b in telling_dates(text, dates, knowledge=K, speaker=speaker)]


@pytest.mark.parametrize("text, frame", [
    ("The health office said on Tuesday that four farmers were killed by a mine near Tal Rifaat.", "said on Tuesday"),
    ("The rescue team reported Tuesday that a shell killed two boys in Jisr al-Shughur.", "reported Tuesday"),
    ("Police officers told journalists on Tuesday the blast had killed nine people.", "told journalists on Tuesday"),
    ("A car bomb killed six people in Azaz, a rights group said Tuesday.", "said Tuesday"),
    ("The army said in a statement on Tuesday that three soldiers died in an ambush.",
     "said in a statement on Tuesday"),
])
def test_a_date_right_after_a_reporting_verb_dates_the_telling(text, frame):
    assert frames(text) == [("Tuesday", frame)]


def test_a_date_between_the_speaker_and_the_verb_dates_the_telling():
    text = "The local council on Tuesday announced that shelling had killed five people."
    assert frames(text, speaker="The local council") == [("Tuesday", "Tuesday announced")]


@pytest.mark.parametrize("text", [
    "The health office said the mine on Tuesday killed four farmers.",       # inside the complement
    "The health office said Tuesday's mine blast killed four farmers.",      # a possessive: the act's day
    "A mine killed four farmers on Tuesday, the health office said.",        # after the act verb
    "Four farmers were killed on Tuesday said the health office.",           # an inverted frame: the act's
    "The rescuers told journalists that on Tuesday a shell killed two boys.",  # after "that"
    "The army managed to claim on Tuesday most of the hills near the town.",  # an infinitive: an act
])
def test_near_misses_are_no_telling(text):
    assert frames(text, speaker="The health office") == []


def test_an_undated_act_takes_the_telling_day_as_reported():
    c = claims_of("A car bomb killed six people in the town of Azaz, a rights group said on Tuesday.")
    row = c.iloc[0]
    assert (row["event_date"], row["date_precision"], row["date_raw"]) == ("2022-03-08", "reported",
                                                                          "told: said on Tuesday")


def test_an_act_with_its_own_date_keeps_it():
    text = "The health office said on Tuesday that four farmers were killed by a mine near Tal Rifaat on Monday."
    row = claims_of(text).iloc[0]
    assert row["date_precision"] == "day" and not row["date_raw"].startswith("told:")


def test_a_date_inside_the_complement_stays_the_acts():
    row = claims_of("The health office said a mine on Tuesday killed four farmers near Tal Rifaat.").iloc[0]
    assert (row["event_date"], row["date_precision"], row["date_raw"]) == ("2022-03-08", "day", "Tuesday")


def test_a_claim_that_is_no_event_keeps_its_day():
    """Only an act's date is weakened: a statement or a plan is dated by its telling."""
    row = claims_of("The foreign minister condemned on Tuesday the shelling of the hospital in Idlib.").iloc[0]
    assert (row["kind"], row["date_precision"], row["date_raw"]) == ("statement", "day", "Tuesday")


# --- an act told by an anaphor ("accused Damascus of that attack") ----------------------------------------

RECALL = "In 2014 a chlorine attack on the village of Talmenes killed three people, inspectors found."


@pytest.mark.parametrize("text, anaphor", [
    ("The monitors blamed the air force for that attack, which also wounded dozens.", "that attack"),
    ("That bombing was claimed by a little-known group.", "That bombing"),
    ("Gunmen that attack convoys were seen on the road.", ""),          # a relative clause, no anaphor
    ("This attack was condemned by the council.", ""),                  # "this": as often the report's own act
    ("The attack was condemned by the council.", ""),
])
def test_act_anaphors(text, anaphor):
    assert act_anaphor(text, knowledge=K) == anaphor


def test_an_anaphoric_act_takes_the_date_of_the_act_before_it():
    later = "The monitors blamed the air force for that attack, which also wounded dozens."
    c = claims_of(RECALL + " " + later).set_index("sentence")
    assert (c.loc[later, "event_date"], c.loc[later, "date_precision"]) == ("2014-01-01", "year")
    assert c.loc[later, "date_raw"] == "inherited: 2014 (that attack)"
    assert c.loc[later, "kind"] == "background"        # a recall of 2014, not the report's news


def test_an_anaphor_after_an_undated_act_is_left_alone():
    """The act just before is undated: "that attack" points at it, not at 2014."""
    between = "Shells hit the market of Saraqib, killing two traders."
    later = "The monitors blamed the air force for that attack, which also wounded dozens."
    c = claims_of(RECALL + "\n\n" + between + " " + later).set_index("sentence")
    assert not c.loc[later, "date_raw"].startswith("inherited: 2014")


def test_without_an_anaphor_the_date_is_inherited_as_before():
    later = "The monitors blamed the air force for the shelling of Saraqib, which wounded dozens."
    c = claims_of(RECALL + " " + later).set_index("sentence")
    assert "(" not in c.loc[later, "date_raw"]


def test_figures_that_continue_the_act_do_not_hide_it_from_the_anaphor():
    lead = "Shells hit the market of Saraqib on Tuesday, killing two traders, rescuers said."
    more = "Four more people died."
    later = "The monitors blamed the air force for that attack, which also wounded dozens."
    c = claims_of(lead + " " + more + " " + later)
    row = c[c["sentence"] == later].iloc[0]
    assert (row["event_date"], row["date_raw"]) == ("2022-03-08", "inherited: Tuesday (that attack)")


def test_a_running_total_is_no_act_that_attack_points_back_to():
    text = ("Rebels shelled Aleppo on Monday.\n\nIn August 2013 a sarin attack on Ghouta killed hundreds of people. "
            "In 2014 alone, 76,000 people were killed across the country. "
            "The opposition again blamed Damascus for that attack, which killed 1,400.")
    got = claims_of(text)
    last = got[got.sentence.str.startswith("The opposition")].iloc[0]
    assert not str(last.event_date).startswith("2014")
