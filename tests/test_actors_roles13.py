"""Who acted and who was hit in five constructions that gave wrong roles
(session 11): a hedged author of an act ("a bomb thought to be the work of
X", "a strike believed to be Israeli"), a joint subject ("Russian and
regime jets pound", "SDF and regime forces clash"), a headline's trailing
tag ("... - Turkey"), a speaker's own act told through a pronoun ("the SDF
says it ambushed"), and the party blamed ("..., blaming the regime for",
"blamed on Ankara"), besides a place-like alias after an act verb
("shelled Damascus": the city). Sentences written for these tests; the
near misses must keep their roles."""

from __future__ import annotations

import datetime as dt

import pytest

from claimscope.actors import find_roles
from claimscope.claims import DocumentInput, extract_chunk

from builtin_knowledge import K


def roles(sentence: str) -> tuple[str, str, str]:
    r = find_roles(sentence, knowledge=K)
    return r.perpetrator, r.perpetrator_cue, r.target


@pytest.mark.parametrize("sentence, perpetrator, target", [
    ("A roadside bomb thought to be the work of ISIS killed two SDF fighters near Hasakah.",
     "ISIS", "Syrian Democratic Forces"),
    ("An ambush believed to be the work of Hezbollah killed four rebels in Qalamoun.", "Hezbollah", "Syrian opposition"),
    ("A drone strike believed to be Turkish hit an SDF vehicle near Qamishli.",
     "Turkish Armed Forces", "Syrian Democratic Forces"),
    ("Unidentified helicopters, thought to be Russian, bombed a bakery in Maarat al-Numan.", "Russian forces", ""),
])
def test_the_hedged_author_of_an_act_is_its_perpetrator(sentence, perpetrator, target):
    assert roles(sentence) == (perpetrator, "by_phrase", target)


def test_a_hedged_author_leaves_the_claim_hedged():
    doc = DocumentInput(doc_id="d0", text="A car bomb thought to be the work of ISIS killed six people in Azaz, "
                        "the monitor said.", published=dt.date(2022, 5, 3), published_precision="day")
    c = extract_chunk([doc], knowledge=K).claims.iloc[0]
    assert (c.perpetrator, bool(c.hedged), c.target) == ("ISIS", True, "")


@pytest.mark.parametrize("sentence, expected", [
    # a hedge on what was hit, or on who uses it: the target side, never the perpetrator
    ("Jets struck a depot believed to be an ISIS arms store near Mayadin.", ("", "", "ISIS")),
    ("Airstrikes hit a convoy believed to be carrying Hezbollah fighters near Yabroud.", ("", "", "Hezbollah")),
    ("Warplanes bombed a school thought to be used by ISIS fighters as a base near Mayadin.", ("", "", "ISIS")),
    # a weapon dropped by someone named after the hedge stays theirs
    ("Barrels of chlorine believed to be dropped by regime helicopters hit Kafr Zita.",
     ("Syrian Arab Army", "by_phrase", "")),
])
def test_a_hedge_on_the_target_or_its_user_names_no_perpetrator(sentence, expected):
    assert roles(sentence) == expected


def test_a_maker_after_a_hedge_is_no_actor():
    assert roles("The rockets were believed to be Iranian-made, the monitor said.") == ("", "", "")


@pytest.mark.parametrize("sentence", [
    "Children killed as Russian and regime helicopters bomb Kafr Zita",
    "Three killed as SDF and regime forces clash in Deir Ezzor",
])
def test_a_joint_subject_is_neither_named_alone_nor_the_target(sentence):
    assert roles(sentence) == ("", "", "")


@pytest.mark.parametrize("sentence, expected", [
    # joined objects stay the target side; an exchange of fire keeps its own frame
    ("Regime forces shelled SDF and rebel positions near Manbij.",
     ("Syrian Arab Army", "agent", "Syrian Democratic Forces")),
    ("Regime forces and rebels exchanged fire near Daraa.", ("Syrian Arab Army", "exchange", "Syrian opposition")),
])
def test_joined_objects_and_exchanges_keep_their_roles(sentence, expected):
    assert roles(sentence) == expected


def test_a_trailing_tag_is_no_target():
    assert roles("Regime barrel bombs kill 6 in Daraa - Turkey") == ("", "", "")


def test_a_name_that_goes_on_after_the_dash_is_read():
    assert roles("Turkish shelling hits Tal Rifaat - SDF fighters among the dead") == (
        "Turkish Armed Forces", "agent", "Syrian Democratic Forces")


@pytest.mark.parametrize("sentence, expected", [
    ("The SDF says it ambushed an ISIS convoy near Shaddadi.", ("Syrian Democratic Forces", "agent", "ISIS")),
    ("Hezbollah said it had shelled rebel positions in Zabadani.", ("Hezbollah", "agent", "Syrian opposition")),
])
def test_a_speaker_telling_its_own_act_is_its_perpetrator(sentence, expected):
    assert roles(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Russia says it has not struck hospitals in Idlib.", ("", "", "")),  # a denial names no act
    ("Rebels say they were shelled overnight.", ("", "", "")),  # a passive: they were hit
    ("The SDF said Turkish drones struck Qamishli.", ("Turkish Armed Forces", "agent", "")),
])
def test_a_speaker_is_not_the_perpetrator_of_what_it_denies_suffers_or_tells_of_others(sentence, expected):
    assert roles(sentence) == expected


def test_a_place_like_alias_after_an_act_verb_is_the_place():
    assert roles("Rebels shelled Damascus overnight, killing two.") == ("Syrian opposition", "agent", "")
    assert roles("Rebels shelled regime positions in Damascus overnight.") == (
        "Syrian opposition", "agent", "Syrian Arab Army")


@pytest.mark.parametrize("sentence", [
    "Eight civilians died in the raid, local officials said, blaming the regime for the massacre.",
    "Rockets hit a bakery in Afrin, the SDF said, accusing Turkish forces of firing them.",
])
def test_the_party_blamed_beside_a_told_act_is_never_its_target(sentence):
    assert roles(sentence)[2] == ""
    assert roles(sentence)[0] == ""  # nor the told act's perpetrator: the blame is the speaker's comment


def test_a_place_like_alias_blamed_is_its_government():
    assert roles("The raid was blamed on Ankara by Kurdish officials.") == ("Turkey", "blamed", "")


def test_a_place_like_alias_as_a_destination_stays_a_place():
    assert roles("The wounded were taken to Ankara for treatment.") == ("", "", "")


@pytest.mark.parametrize("sentence, perpetrator", [
    ("Hezbollah blamed for roadside bomb near Yabroud", "Hezbollah"),
    ("Four shepherds killed in Hama and Russian helicopters blamed", "Russian Aerospace Forces"),
    ("The Turkish army has been accused of shelling a bakery in Tal Tamr.", "Turkish Armed Forces"),
])
def test_the_subject_of_a_passive_of_blame_is_the_one_blamed(sentence, perpetrator):
    assert roles(sentence)[:2] == (perpetrator, "blamed")


@pytest.mark.parametrize("sentence, expected", [
    # an active verb of blame: its object is blamed, its subject speaks
    ("Ankara blamed the YPG for the car bomb in Azaz.", ("Syrian Democratic Forces", "blamed", "")),
    # the speaker of another event's clause: not the actor of the first act
    ("Shells kill 4 in Aleppo while the SDF says it captured an ISIS commander", ("", "", "")),
])
def test_active_blame_and_another_events_speaker_keep_their_roles(sentence, expected):
    assert roles(sentence) == expected


def test_a_hedged_author_after_an_article():
    assert roles("The explosion, thought to be an ISIS car bomb, killed nine people in Manbij.") == (
        "ISIS", "by_phrase", "")


def test_a_party_blamed_for_a_long_named_attack_is_no_target():
    assert roles("Moscow backed Damascus throughout, blaming the March 3 chlorine attack on Hezbollah fighters.")[2] == ""


def test_a_headlines_comma_joins_two_modifiers_into_one_subject():
    assert roles("Nine killed as regime, Iranian drones pound Saraqeb") == ("", "", "")


@pytest.mark.parametrize("sentence, expected", [
    ("Hezbollah said on Sunday that it had ambushed a rebel convoy near Qusayr.",
     ("Hezbollah", "agent", "Syrian opposition")),
    # another speaker between: the pronoun points at the nearer one
    ("The SDF said ISIS claimed that it had bombed a Kurdish checkpoint.", ("ISIS", "agent", "Syrian Democratic Forces")),
])
def test_a_speaker_telling_its_own_act_after_a_time_or_a_statement(sentence, expected):
    assert roles(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The council called on the YPG to withdraw from Manbij after the shelling.",
    "The envoy urged Hezbollah to stop the sieges, days after the raid.",
    "The shelling could lead Western states to do more to support rebels in the south.",
])
def test_the_one_a_call_is_addressed_to_or_supported_is_not_hit(sentence):
    assert roles(sentence)[2] == ""


def test_a_target_after_a_call_elsewhere_in_the_sentence_stays():
    assert roles("Turkish jets struck SDF positions after Ankara urged Washington to stop arming the group.") == (
        "Turkish Armed Forces", "agent", "Syrian Democratic Forces")


@pytest.mark.parametrize("sentence, perpetrator", [
    ("Iranian militias supporting regime forces shelled Kafr Nabl.", "Iranian forces"),
    ("Hezbollah fighters backing regime troops stormed the town of Zabadani.", "Hezbollah"),
])
def test_the_supporter_named_as_the_subject_acted_not_the_one_it_supports(sentence, perpetrator):
    assert roles(sentence)[:2] == (perpetrator, "agent")
