"""The main governorate of a report (documents.governorate) is where its
news happened: places named only in background sentences past the lede
("had besieged X since 2012") do not outvote the place of the act the lede
tells (issue 10, 2026-12). Sentences written for this test."""

from __future__ import annotations

import datetime as dt

from claimscope.claims import DocumentInput, extract_document

from builtin_knowledge import bind

LEDE = ("Shelling killed five people in Saraqib on Monday, a monitor said. The shells fell on a crowded market "
        "in the town shortly before noon, and rescuers were still searching the rubble for survivors late in the "
        "day, according to the civil defence, which said that three of its volunteers were among the wounded.\n\n")
BACKGROUND = ("Government forces had besieged Homs since 2012, shelling the old city of Homs for two years.\n\n"
              "Jets had bombed the old quarters of Homs for months before rebels left Homs in 2014.\n\n"
              "Rebels had shelled the centre of Homs in 2013 from positions north of Homs.\n\n"
              "Car bombs had struck Homs repeatedly in 2015, killing dozens in the Zahraa district of Homs.")
NEWS = ("Jets bombed Homs on Monday, hitting the old city of Homs, a monitor said.\n\n"
        "Rockets struck Homs on Monday, killing two people in the Zahraa district of Homs.\n\n"
        "Rebels shelled the centre of Homs on Monday from positions north of Homs.\n\n"
        "A car bomb struck Homs on Monday, killing four people near the clock tower of Homs.")


def main_governorate(text: str) -> str:
    doc = DocumentInput(doc_id="d1", text=text, outlet="Example Times", published=dt.date(2021, 3, 2),
                        published_precision="day")
    return bind(extract_document)(doc).governorate


def test_background_past_the_lede_makes_no_main_governorate():
    assert main_governorate(LEDE + BACKGROUND) == "Idlib"


def test_news_past_the_lede_still_counts():
    # near miss: the same places told as acts of the report's day
    assert main_governorate(LEDE + NEWS) == "Homs"
