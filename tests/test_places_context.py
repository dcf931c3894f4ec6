"""A claim that tells no act of its own there (a quote, background, a tally,
the future) takes the places of its paragraph, and the document's
governorate, only when it points back at them or at the act; the lines of a
tally take the places of its head (places_lexicon `context_places`, audit17
P1). Sentences written for these tests."""

from __future__ import annotations

from one_document import claims


def rows(text):
    got, _ = claims(text)
    return {r.sentence_index: r for r in got.itertuples()}


def test_a_quote_or_a_policy_line_takes_no_place_of_the_act_before_it():
    got = rows("Government jets struck a market in Saraqib on Tuesday, killing nine people. "
               "\"We will keep every option open,\" the envoy said. "
               "The minister said he would travel to Moscow next week for talks.")
    assert got[0].governorate == "Idlib"
    assert (got[1].places, got[1].governorate) == ("", "")
    assert (got[2].places, got[2].governorate) == ("", "")


def test_a_statement_that_points_back_at_the_place_or_the_act_keeps_it():
    got = rows("Government jets struck a market in Saraqib on Tuesday, killing nine people. "
               "Medics in the town said most of the dead were women. "
               "Victims were treated for shrapnel wounds, a doctor said. "
               "The opposition said Tuesday's strike was a war crime.")
    assert [got[i].governorate for i in (1, 2, 3)] == ["Idlib", "Idlib", "Idlib"]


def test_history_and_a_war_wide_toll_take_no_place():
    got = rows("Rebels shelled a school in Mhardeh on Monday, killing four children. "
               "The war began with protests in 2011, when the army fired on crowds. "
               "More than 300,000 people have been killed since then, the monitor says.")
    assert got[0].governorate == "Hama"
    assert (got[1].places, got[1].governorate) == ("", "")
    assert (got[2].places, got[2].governorate) == ("", "")
    # near miss: background about the town just named
    town = rows("Rebels shelled a school in Mhardeh on Monday, killing four children. "
                "The town has been besieged by rebels since 2014.")
    assert (town[1].places, town[1].governorate) == ("Maharda", "Hama")


def test_the_lines_of_a_tally_take_the_places_of_its_head():
    country = rows("Drones struck a car in Qamishli on Monday, killing two fighters.\n\n"
                   "Drones have carried out 40 attacks on areas of north-eastern Syria since January.\n\n"
                   "This is how they were spread over the months:\n\n"
                   "- January: Four attacks killed six people.\n\n"
                   "- February: Two attacks wounded three people.")
    assert country[0].governorate == "Al-Hasakah"
    assert [(country[i].places, country[i].governorate) for i in (3, 4)] == [("Syria", ""), ("Syria", "")]
    province = rows("Gunmen shot dead a man in Daraa city on Monday.\n\n"
                    "Since January, 120 people have been killed in Daraa province, as follows:\n\n"
                    "- 70 civilians, including nine children.\n\n"
                    "- 50 regime soldiers.")
    assert [province[i].governorate for i in (2, 3)] == ["Daraa", "Daraa"]


def test_a_tally_after_a_sentence_naming_another_place_is_not_of_the_tally_before():
    got = rows("Jets struck Douma on Monday, killing five people. "
               "Since last week, strikes on Eastern Ghouta have killed 70 people. "
               "The conflict erupted in Syria in 2011. "
               "Hundreds of thousands have been killed in the war since then.")
    assert got[1].governorate == "Rif Dimashq"
    assert got[3].governorate == ""
