"""Places that are not where it happened (issue 10): a capital standing for
its government, a town named like an outlet after a channel word, the
reference point of a distance, a region after a direction, and homonyms read
against the place that locates them. Each rule has its near misses, which
must keep their place. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimscope.places import find_places, gazetteer
from claimscope.places import _build_patterns  # the pack-derived word lists the rules read

from builtin_knowledge import K, bind

find_places = bind(find_places)


def got(text: str, **kw) -> list[tuple[str, str | None, str]]:
    return [(m.name, m.governorate, m.precision) for m in find_places(text, **kw)]


def names(text: str, **kw) -> list[str]:
    return [m.name for m in find_places(text, **kw)]


# ----------------------------------------------------------------------------- a capital for its government

@pytest.mark.parametrize("sentence", [
    "Damascus lost more than 30 soldiers in the fighting.",
    "Damascus has repeatedly rejected the charge.",
    "Damascus refuted the report on Tuesday.",
    "Iran, which has been aiding Damascus in its campaign, warned Ankara.",
    "Washington blames Damascus for the strike.",
    "Moscow struck in support of its ally Damascus.",
    "Rebels distrust the group because it cooperates with Damascus.",
    "Aid arrived despite Damascus promises of access.",
    "Turkey rejected Damascus' demands.",
])
def test_a_capital_acting_in_politics_is_its_government(sentence):
    assert "Damascus" not in names(sentence)


@pytest.mark.parametrize("sentence, expected", [
    # the capital made to act (a verb of making someone act, the capital, "to" and a verb) is its government
    ("The draft would require Damascus to hand over its stockpile within a month.", []),
    ("Moscow pressed Damascus to accept the monitors, the envoy said.", []),
    ("Sanctions forced Damascus to release the detainees held in Homs.", ["Homs"]),
    # near misses: no "to" and a verb after it, a verb of motion, or the capital after a locative
    ("The siege forced Damascus residents to queue for bread.", ["Damascus"]),
    ("The convoy left Damascus to reach Douma by noon.", ["Damascus", "Douma"]),
    ("The fighting pushed Damascus to the brink of famine.", ["Damascus"]),
    ("Officials required in Damascus to sign the deal arrived late.", ["Damascus"]),
])
def test_a_capital_made_to_act_is_its_government(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "A car bomb exploded in Damascus on Monday.",
    "Damascus was hit by mortar shells on Tuesday.",
    "Rebels fired rockets into Damascus, killing three.",
    "Two blasts rocked Damascus, killing nine people.",
    "The rebels shelled Damascus and Homs.",
    "Mortar Fire Hits Bus in Damascus Claims 4 Lives",   # a headline: 'in' makes it the place
    "Rebels said they would answer any attack on Damascus.",
    "The Damascus protests of 2011 were put down by force.",
    "Car Bomb Near Damascus Claims 8 Lives",
])
def test_a_capital_where_something_happened_stays_a_place(sentence):
    assert "Damascus" in names(sentence)


# ----------------------------------------------------------------------------- outlets named like towns

def test_outlets_named_like_towns_come_from_the_outlet_lists():
    pats = K.derived(_build_patterns)
    mayadin = gazetteer(K).lookup("Mayadin")[0]
    assert any(gazetteer(K).places[i] is mayadin for i in pats.media)


@pytest.mark.parametrize("sentence", [
    "In remarks to al-Mayadeen, the minister said talks would resume.",
    "The minister told Al Mayadeen in an interview that the talks would resume.",
    "In separate comments to al-Mayadeen he said the war would go on.",
    "Al-Mayadeen's correspondent said five people died.",
    "He told al-Mayadeen TV that the army would advance.",
    "Al-Mayadeen reported that the convoy was hit.",
])
def test_an_outlet_named_like_a_town_is_no_place(sentence):
    assert "Mayadin" not in names(sentence)


@pytest.mark.parametrize("sentence", [
    "Troops entered the town of al-Mayadeen on Tuesday.",
    "Fighters fled to Mayadeen after the army advanced.",
    "Al Mayadeen has been held by the group since 2014.",
    "The road linking Deir Ezzor and Al Mayadeen was cut.",
])
def test_the_town_named_like_an_outlet_stays_a_place(sentence):
    assert "Mayadin" in names(sentence)


def test_a_channel_word_before_a_town_no_outlet_is_named_for_changes_nothing():
    assert "Aleppo" in names("The army told Aleppo residents to leave the eastern districts.")


# ----------------------------------------------------------------------------- reference points of distances

def test_a_far_reference_point_alone_is_no_place():
    assert got("The village lies more than 70 km from the city of Aleppo.") == []
    assert got("The jets bombed targets 420 km east of Damascus.") == []


def test_a_reference_point_alone_lends_its_governorate_as_a_coarse_place():
    assert got("Jets struck positions 30 km north-east of Aleppo city.") == [("Aleppo", "Aleppo", "governorate")]
    # outside a seat town is its countryside unit
    assert got("Jets struck positions 30 km north-east of Damascus.") == [
        ("Rif Dimashq", "Rif Dimashq", "governorate")]


def test_the_place_located_by_a_distance_is_the_place():
    assert got("A bomb went off in Hassia, 40 km (25 miles) south of Homs.") == [("Hisya", "Homs", "town")]
    assert names("Air raids on the town of Maarat al-Numan about 30 km south of Idlib killed six.") == [
        "Maarat al-Numan"]


def test_an_unknown_name_takes_the_governorate_of_a_near_enough_reference():
    assert got("Shells hit the village of Kafr Foo, 35 km west of Hama city.") == [("Kafr Foo", "Hama", "town")]
    assert got("Shells hit the village of Kafr Foo, 300 km east of Hama city.") == [("Kafr Foo", None, "town")]


def test_a_close_reference_point_is_what_the_act_was_near():
    assert got("Strikes hit a market 3 miles from Saraqib.") == [("Saraqib", "Idlib", "near_town")]
    assert got("Clashes broke out north of Hama.") == [("Hama", "Hama", "near_town")]


def test_within_a_distance_is_never_near_but_lends_the_governorate():
    assert got("At one point the fighting came within 12 miles of Qardaha.") == [
        ("Latakia", "Latakia", "governorate")]


@pytest.mark.parametrize("sentence", [
    "Government forces came within 20 km (12 miles) of the Euphrates River.",
    "Kurdish-led forces hold the land east of the Euphrates.",
    "The patrol was on its way back from the desert west of the Euphrates.",
])
def test_a_region_after_a_direction_or_distance_is_a_reference_line(sentence):
    assert got(sentence) == []


def test_a_region_named_as_such_stays():
    assert names("Jets struck the eastern bank of the Euphrates near the city of Mayadin.") == [
        "Euphrates valley", "Mayadin"]


def test_east_of_the_city_is_a_direction_the_east_of_the_city_its_districts():
    assert got("Clashes erupted east of Aleppo city.") == [("Aleppo", "Aleppo", "near_town")]
    assert names("Raids killed 15 in rebel-held areas in the east of Aleppo city.") == ["eastern Aleppo"]
    assert names("Militants executed eight men in Deir Hafer in the east of Aleppo province.") == [
        "Dayr Hafir", "Aleppo"]


# ----------------------------------------------------------------------------- homonyms

def test_a_small_place_inside_a_known_one_of_another_governorate_is_a_namesake():
    assert got("Two soldiers were killed near Sabkha Al-Malah district in east Palmyra.") == [
        ("Sabkha Al-Malah", "Homs", "near_town"), ("Palmyra", "Homs", "near_town")]
    assert got("A shell hit a house in the neighborhood of al-Kallaseh in Damascus.")[0] == (
        "al-Kallaseh", "Damascus", "town")


def test_a_small_place_beside_a_far_known_one_is_a_namesake():
    assert got("Shells landed north of al-Hamidiyeh village to the west of Quneitra city.")[0] == (
        "al-Hamidiyeh", "Quneitra", "near_town")


def test_a_place_in_its_own_governorate_or_a_known_town_keeps_its_gazetteer_entry():
    assert got("A shell hit a house in al-Kallaseh in Aleppo.")[0] == ("Kallaseh", "Aleppo", "town")
    assert got("The blast hit Maarat al-Numan, south of Aleppo.")[0] == ("Maarat al-Numan", "Idlib", "town")
    assert got("Elsewhere in Syria in Manbij the SDF overran a junction.") == [
        ("Syria", None, "country"), ("Manbij", "Aleppo", "town")]


def test_a_quarter_the_report_places_nowhere_it_has_been_is_a_namesake():
    sentence = "More rocket shells later hit al-Hamidiyeh neighbourhood, killing one."
    assert got(sentence, known_governorates=["Aleppo"]) == [("al-Hamidiyeh", "Aleppo", "town")]
    # near misses: the report has named the namesake's governorate, or none yet
    assert got(sentence, known_governorates=["Tartus"]) == [("Al Hamidiyah", "Tartus", "town")]
    assert got(sentence) == [("Al Hamidiyah", "Tartus", "town")]
    # a city after "the X neighbourhood of" is no quarter
    assert ("Damascus", "Damascus", "town") in got("He took shelter in the Duma neighbourhood of Damascus.",
                                                  known_governorates=["Rif Dimashq"])


@pytest.mark.parametrize("sentence", [
    "The fighting was a few hundred metres from the airport, the Observatorys director said.",
    "Many of the town's Catholic and Orthodox minorities have fled.",
    "A bomb went off near the Hotel School on the outskirts of the city.",
])
def test_words_that_open_no_place_name_are_no_unknown_place(sentence):
    assert [m for m in find_places(sentence) if m.source == "unresolved"] == []


def test_a_curated_spelling_is_the_place_own_name_in_any_report():
    # the supplement's own spellings resolve even where the report has not named the governorate;
    # GeoNames' alternate names still do not (tests/test_places.py: 'the road to al-Hal market')
    assert got("Five civilians were killed in Ghouta on Thursday.", known_governorates=["Idlib"]) == [
        ("Eastern Ghouta", "Rif Dimashq", "region")]
    assert got("Kurdish fighters drove the militants from Kobane.", known_governorates=["Raqqa"]) == [
        ("Kobani", "Aleppo", "town")]


def test_an_armed_group_named_after_a_town_is_no_place():
    assert names("Jaish Maghawer Al-Thawra fighters deployed at the base.", known_governorates=["Homs"]) == []
    assert names("Kurdish forces entered al-Thawra city near the dam.") == ["Tabqa"]


# ----------------------------------------------------------------------------- a street named after a town

@pytest.mark.parametrize("sentence, expected", [
    ("The car bomb went off on Raju Street, near the main bakery.", []),
    ("Mortar rounds hit Baghdad Street and the old souq in the capital.", []),
    ("Shops on Afrin Avenue in Azaz were gutted by the fire.", ["Azaz"]),
    # a road runs to the town it names; the town itself stays a place
    ("Gunmen stopped a bus on the Raju road and fired at it.", ["Raju"]),
    ("Clashes broke out in Raju and the nearby villages.", ["Raju"]),
])
def test_a_street_named_after_a_town_is_no_mention_of_the_town(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("text, expected", [
    # a wire dateline names where the copy was filed, not where the act was
    ("DAMASCUS (Sputnik) - Jets struck a market in Saraqib, killing six people.", ["Saraqib"]),
    ("HAMA, May 3 (Reuters) - Jets struck a market in Saraqib, killing six people.", ["Saraqib"]),
    ("DAMASCUS (Sputnik) Earlier in the day the agency reported six casualties.", []),
    ("Saraqib (Syria) (AFP) - Jets struck a market in the town of Saraqib, killing six people.", ["Saraqib"]),
    # near miss: brackets that name no outlet
    ("Jets struck Saraqib (Idlib) on Monday, killing six people.", ["Saraqib", "Idlib"]),
])
def test_a_wire_dateline_is_where_the_copy_was_filed(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("sentence, expected", [
    # where the wounded were taken for treatment is not where the act was
    ("The victims were taken to Qamishli hospitals for treatment, according to sources.", []),
    ("The wounded were rushed to a field hospital in Kafr Takharim after the strike on Salqin.", ["Salqin"]),
    ("Two of the injured were transported to Homs Military Hospital.", []),
    ("Three civilians treated at hospitals in Azaz died of their wounds after the shelling of Tal Rifaat.",
     ["Tall Rifat"]),
    # near misses: a hospital that is hit, a destination that is no hospital
    ("A barrel bomb hit the hospital in Kafr Nabl.", ["Kafr Nabl"]),
    ("Shelling hit near Azaz hospital, killing two.", ["Azaz"]),
    ("The rebels were evacuated to Idlib on Sunday.", ["Idlib"]),
])
def test_where_the_wounded_were_taken_is_no_place_of_the_act(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the names that locate the hospital go with it
    ("A boy hurt by the gas is treated at a hospital in the Duma neighbourhood of Damascus.", []),
    ("Medics said 12 bodies were brought to a field hospital in Kafr Batna, 5 km east of central Damascus.", []),
    # near misses: a clause after it tells the act's place
    ("Six wounded were taken to a hospital in Azaz after the shelling of Tal Rifaat.", ["Tall Rifat"]),
    ("The wounded were taken to Afrin hospital, while shells kept falling on Jandaris.", ["Jindayris"]),
])
def test_the_names_locating_where_the_wounded_were_taken_go_with_it(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a road's name made of two towns is no place; nor are the far towns a road links
    ("Clashes broke out near the Latakia-Aleppo international highway in the east of Ain Issa district.",
     ["Ayn Issa"]),
    ("Clashes flared near the Tal Abyad-Ain Issa road overnight.", []),
    ("Shells fell on Haidariyat and on the main road between Aleppo and Al-Hasakah.", []),
    ("A roadside bomb exploded on the highway linking Homs to Palmyra near Furqlus.", ["Al Furqlus"]),
    # near misses: ends close to each other, a town's own road, towns joined without a road
    ("A drone struck a school on the road linking between Al-Hasakah and Tel Tamr.", ["Al-Hasakah", "Tall Tamr"]),
    ("Gunmen shot a driver on the road between Saraqib and the city of Idlib.", ["Saraqib", "Idlib"]),
    ("Shells hit the Al-Hasakah highway at dawn.", ["Al-Hasakah"]),
    ("Clashes broke out in Aleppo and Al-Hasakah.", ["Aleppo", "Al-Hasakah"]),
])
def test_a_road_name_and_the_far_towns_a_road_links_are_no_place_of_the_act(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the one end a road's clause names by name, where the road goes: not where the act was (audit19 P3)
    ("Kurdish fighters seized the road south of Tabqa which links the town to Raqqa on Tuesday.", ["Tabqa"]),
    ("Rebels ambushed an army convoy on the highway leading to Aleppo on Tuesday.", []),
    ("Gunmen blocked the main road that connects it with Deir ez-Zor at dawn.", []),
    # near misses: two named ends close together, the road itself the place, a destination with no road clause
    ("Jets struck a truck on the highway linking Saraqib to Ariha.", ["Saraqib", "Ariha"]),
    ("A mine hit a car on the road to Ariha.", ["Ariha"]),
    ("Jets struck a convoy on the road near Saraqib, then the rebels moved to Ariha.", ["Saraqib", "Ariha"]),
])
def test_where_a_roads_clause_says_it_goes_is_no_place_of_the_act(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the country named by its territory: a place of no governorate
    ("This is the 12th Israeli strike on Syrian territory this year.", [("Syrian territory", None, "country")]),
    ("Rockets launched from Syrian soil fell near Quneitra.", [("Syrian territory", None, "country"),
                                                              ("Quneitra", "Quneitra", "governorate")]),
])
def test_the_syrian_territory_is_the_country(sentence, expected):
    assert got(sentence) == expected
