"""The person kept for a source is the one who speaks: not a name the
phrase holds for another reason (the one killed, a place, a body's own
name). Sentences written for these tests."""

from __future__ import annotations

from claimscope.attribution import attribute

from builtin_knowledge import bind

attribute = bind(attribute)


def said(*sentences: str) -> list[tuple[str, str, str]]:
    return [(a.source, a.source_type, a.person) for a in attribute(list(sentences), outlet="Wire")]


def test_the_one_killed_before_a_group_of_sources_is_not_their_speaker():
    got = said("The army shelled the hills killing the militant leader Abu Hamza field sources told Al-Manar.",
               "The sources added that a second leader was also wounded.")
    assert got == [("other sources", "unnamed", ""), ("other sources", "unnamed", "")]
    # a person tied to the body by a role or "of" still speaks for it
    assert said("Omar Zaidan of the opposition council in Saqba said 40 bodies were counted.")[0] \
        == ("Syrian opposition", "partisan", "Omar Zaidan")


def test_a_place_or_a_body_after_a_preposition_is_no_person():
    assert said("A source in Salamiyeh National Hospital told Sputnik 12 died.")[0] == ("other sources", "unnamed", "")
    assert said("Activists in Deir Ezzor said 30 people were killed.")[0][2] == ""
    assert said("A source at Daraa Governorate told the agency one man was hurt.")[0][2] == ""
    assert said("The UN World Food Programme said convoys were stuck.")[0] == ("United Nations", "official", "")


def test_a_place_glued_before_a_name_is_not_part_of_it():
    got = said("A civil defence official in Idlib Nour al-Hamwi told Anadolu Agency two people died.")[0]
    assert got[0] == "Syria Civil Defence" and got[2] == "Nour al-Hamwi"
    # the name after a facility's name is the speaker, the facility is not
    assert said("A nurse at Douma Field Care unit Rana Saad said 20 died.")[0][2] == "Rana Saad"


def test_two_people_named_side_by_side_are_not_one_person():
    got = said("Two women fled the town. Layla a teacher and Huda a nurse left with their children.",
               "We lost our house said Layla 40.",
               "Like Layla Huda was glad to have left the siege.",
               "With no home left Huda said she would go to Turkey.")
    assert all(person != "Layla Huda" and source != "Layla Huda" for source, _, person in got)
    # a given name the text uses only before the surname (a particle after it) still opens the full name
    got = said("Minister Nasr al-Hakim visited the camp on Sunday.", "Hakim said 300 families had arrived.")
    assert got[1][2] == "Nasr al-Hakim"


def test_an_inverted_frame_speaker_may_be_followed_by_a_whose_clause():
    got = said("Foreign Minister Pierre Durand said the draft was ready.",
               "This cannot be used as a pretext to stop us said Durand whose country has backed strikes on the base.")
    assert got[1][0] == "Pierre Durand"
    # a surname no one was introduced with is no speaker
    assert said("This cannot be used as a pretext to stop us said Mercier whose office gave no details.")[0][1] \
        == "outlet"


def test_a_coordination_opened_by_no_names_no_one():
    assert said("No person or group claimed responsibility for the bombing.")[0][1] == "outlet"
    assert said("Neither the army nor the rebels said who fired first.")[0][1] == "outlet"
    assert said("Activists or residents said four people died.")[0][1] != "outlet"


def test_quoted_as_telling_relays_the_speaker():
    got = attribute(["The Kurdish channel Ronahi TV quoted police chief Dilan Osman as telling reporters that "
                     "five officers were hurt."], outlet="Wire")[0]
    assert got.person == "Dilan Osman" and got.via


def test_an_acronym_in_capitals_is_a_name_not_the_stop_word_it_spells():
    assert said("Two clinics in Douma are closed the WHO said on Monday.")[0][0] == "United Nations"
    assert said("Kerry will meet Lavrov in Geneva US officials said on Monday.")[0][0] == "US government"


def test_a_name_before_a_definite_description_of_one_person_is_its_speaker():
    got = said('"The fight is not over" General John Smith the top commander for US military forces in the Gulf '
               'warned last year.')[0]
    assert got == ("US government", "official", "John Smith")
    # a place before the description is no speaker's name
    assert said("In Eastern Ghouta the head of the local council said 40 died.")[0][2] == ""


def test_a_gloss_inside_a_name_does_not_cut_the_speaker_off():
    got = said("A medical source at al-Razi (Public) Hospital told the reporter that two people were hurt.")[0]
    assert got[0] == "local sources"


def test_the_object_of_a_describing_participle_is_no_speaker():
    got = said("The Jaysh al-Tahrir rebel group fighting government forces in Syria has admitted using the shells.")[0]
    assert got[:2] == ("Jaysh al-Tahrir", "partisan")
    # a noun in -ing is no such participle
    assert said("Thick forests have helped the fighters to withstand heavy army shelling and to survive aerial "
                "bombing defense analysts say.")[0][0] == "other sources"


def test_a_role_after_a_body_name_is_that_body_s_not_the_last_speaker_s():
    got = said("We call on the council to meet now National Coalition leader Ahmed al-Jarba added.",
               "Gulf Cooperation Council chief Salem al-Nuaimi urged the inspectors to go to the town.")
    assert got[1] == ("Gulf Cooperation Council", "organisation", "Salem al-Nuaimi")


def test_quoted_words_after_the_verb_are_its_object_not_an_inverted_speaker():
    assert said('Online a statement announcing the grouping vowed "support for the Kurds of Afrin".')[0][1] == "outlet"


def test_a_capitalised_today_inside_a_name_is_part_of_it():
    assert said("Hama Today TV reported that the death toll rose to nine.")[0][:2] == ("Hama Today TV", "organisation")
    assert said("Today SANA reported that two died.")[0][0] == "SANA"


def test_two_words_ending_in_a_province_name_are_no_person():
    assert said("Bawaba Idlib recorded that those killed were identified.")[0][1] == "outlet"
    assert said("Ahmad Hamwi said two died.")[0][:2] == ("Ahmad Hamwi", "person")


def test_a_verb_after_and_shares_the_sentence_subject_not_a_relative_clause_antecedent():
    got = said("Britain left the door open on Monday to seeking a United Nations Security Council resolution that "
               "could back strikes on the base and indicated Gulf states wanted a tough response.")[0]
    assert got[0] == "European governments"
    # after an earlier reporting verb in a relative clause, that verb's subject goes on
    got = said("The envoy's visit followed talks with European foreign ministers who blamed the attack on Assad "
               "but urged waiting for the inspectors.")[0]
    assert got[0] == "European foreign ministers"


def test_the_subject_of_an_embedded_question_reports_nothing():
    got = said("Those weapons were destroyed but several governments have repeatedly asked whether Damascus "
               "declared all its stocks in 2014.")[0]
    assert got[1] == "outlet"
    # "member states": a bare singular noun before a word in -s makes a compound, no subject and verb
    got = said("The stocks were shipped out but member states of the watchdog have asked whether Damascus "
               "declared everything.")[0]
    assert got[1] == "outlet"


def test_a_plural_noun_inside_an_unnamed_description_ends_another_phrase():
    # comma-less texts: "the raids benefit Arab tribes which ... declared", "... civilian casualties aid groups said"
    assert said('The raids benefit Arab tribes which had in 2015 declared "self-rule" in the east.')[0][1] == "outlet"
    assert said("Heavy shelling has caused hundreds of civilian casualties relief groups said on Friday.")[0][1] \
        == "outlet"
    # a plural right before the head modifies it
    assert said("Human rights groups said the raids were unlawful.")[0][1] != "outlet"
