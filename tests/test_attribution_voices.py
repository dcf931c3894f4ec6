"""Attribution rules that keep a claim out of the mouth of the side it accuses
(sentences written for these tests)."""

import datetime as dt

from hypothesis import given, settings, strategies as st

from claimscope.attribution import attribute, stance, voice_parts
from claimscope.claims import DocumentInput, claim_id, extract_chunk

from builtin_knowledge import bind

attribute = bind(attribute)
stance = bind(stance)
voice_parts = bind(voice_parts)
extract_chunk = bind(extract_chunk)


def one(sentence, outlet="Outlet", before=()):
    return attribute([*before, sentence], outlet=outlet)[-1]


def test_opponents_and_critics_of_a_side_are_not_that_side():
    for s in ["Opponents of Bashar al-Assad said the shelling killed 400 people.",
              "Critics of the Syrian government said 60 died in the raid.",
              "The regime's opponents said the strikes killed 30.",
              "Enemies of the rebels said 12 fighters were captured."]:
        a = one(s)
        assert a.source == "other sources", (s, a)
        assert a.source_side == "unknown"
    # the rule reads the head noun only: "rival factions" are factions, not adversaries of someone named
    assert one("Rival factions said 8 fighters were killed.").source == "Rival factions"
    assert one("The Syrian government said 20 soldiers died.").source == "Syrian government"


def test_a_figure_inside_reports_a_speaker_asks_about_is_the_reports():
    a = one("The Security Council said on Monday it is seeking clarity on reports that army units killed 700 people.")
    assert (a.source, a.source_type) == ("other sources", "unnamed")
    assert a.via == "United Nations"
    assert stance("The council is seeking clarity on reports that army units killed 700 people.", verb=a.verb).hedged
    a = one("The agency said it was investigating claims that 40 civilians died in the raid.")
    assert a.source == "other sources"
    # the speaker's own figure first, reports aside: still the speaker's
    a = one("SOHR said three fighters were killed in the village amid reports of further casualties.")
    assert a.source == "Syrian Observatory for Human Rights"
    a = one("SOHR activists documented the death of soldiers near the town amid reports of casualties.")
    assert a.source == "Syrian Observatory for Human Rights"
    # a denial of the reports is the speaker's own act
    a = one("The army command denied reports that its troops killed 40 civilians.")
    assert a.source != "other sources"
    assert stance("The army command denied reports that its troops killed 40 civilians.", verb=a.verb).negated


def test_a_noun_claims_by_x_names_no_agent_of_a_verb():
    s = "The Syrian government has long denied claims by the rebels that it shelled the market."
    a = one(s)
    assert a.source == "Syrian government"
    assert a.verb == "denied"


def test_an_opposition_monitoring_group_is_a_monitor_not_the_opposition():
    a = one("An opposition monitoring group put the death toll at 210.")
    assert (a.source, a.source_type) == ("monitors", "monitor")
    a = one("A pro-opposition rights group said 14 people were killed.")
    assert a.source_type == "monitor"
    # after a named monitor, the unnamed one is that monitor
    a = one("An opposition monitoring group put the death toll at 210.",
            before=["The Syrian Observatory for Human Rights said 90 died on Monday."])
    assert a.source == "Syrian Observatory for Human Rights"


def test_a_monitors_head_speaks_for_it_and_is_kept_as_the_person():
    for name in ["Rami Abdul-Rahman", "Rami Abdel Rahman", "Abdel-Rahman"]:
        a = one(f"{name} said 15 fighters were killed near the town.")
        assert a.source == "Syrian Observatory for Human Rights", name
        assert a.person == name
    # the body named again later is the body, not its head
    a = one("The Observatory said the toll rose.", before=["Rami Abdel Rahman said 15 fighters were killed."])
    assert a.source == "Syrian Observatory for Human Rights" and a.person == ""
    # another person who shares the name
    assert one("Hundreds fled the town Observatory Chief Rami Abdel Rahman said.").person == "Rami Abdel Rahman"
    a = one("Red Crescent chief Abdulrahman Attar said the convoy was hit.")
    assert a.source != "Syrian Observatory for Human Rights"


def test_emphasis_verbs_report():
    assert one("The ministry stressed that 12 soldiers were killed.", outlet="SANA").cue == "reporting_verb"
    assert one("Russia has emphasized that the rebels broke the truce.").source == "Russian government"


def test_who_cited_the_reports_stays_the_one_pointed_back_at():
    doc = ["Diplomats said their joint letter cited credible reports that 300 people died.",
           "The letter said inspectors must reach the sites at once."]
    first, second = attribute(doc, outlet="Outlet")
    assert first.source == "other sources" and first.via == "Diplomats"
    assert second.source == "Diplomats"


def test_the_speaker_before_a_citing_participle_speaks():
    a = one("A rights group citing records kept by clinics in the northern suburbs put the death toll at 75.",
            before=["The Syrian Observatory for Human Rights said 20 died."])
    assert a.source == "Syrian Observatory for Human Rights"
    assert one("The Syrian ministry citing early figures said 12 were killed.", outlet="SANA").source_type == "official"


# --- two voices in one sentence (attribution.voice_parts, claims._cut_sentences) ------------------------------

def parts(sentence, outlet=""):
    return [sentence[a:b] for a, b in voice_parts(sentence, outlet=outlet)]


def test_two_voices_joined_by_a_contrast_are_cut_one_part_per_voice():
    s = ("Activists in the town said the helicopters were Syrian government aircraft, while other local "
         "sources blamed Russian jets for the strike.")
    assert parts(s) == ["Activists in the town said the helicopters were Syrian government aircraft",
                        "other local sources blamed Russian jets for the strike."]
    assert parts("SANA said eleven soldiers were killed near the dam, but the Observatory said 19 soldiers died.") \
        == ["SANA said eleven soldiers were killed near the dam", "the Observatory said 19 soldiers died."]
    # the first voice told at the end of its part, "according to"
    assert parts("Regime helicopters dropped barrel bombs on the bakery, according to activists, whereas the "
                 "defence ministry said its aircraft hit a weapons depot.")[0] \
        == "Regime helicopters dropped barrel bombs on the bakery, according to activists"
    # a bare "and": the second voice must open its part
    assert parts("The ministry said four soldiers were wounded and SOHR said two of them later died.") \
        == ["The ministry said four soldiers were wounded", "SOHR said two of them later died."]


def test_one_voice_is_never_cut():
    for s in ["SOHR said nine people were killed and 14 were wounded in the shelling of the camp.",
              "The Observatory said the strike killed six, while it said later the toll could rise.",   # a pronoun
              "The Observatory said the strike killed six, but the Observatory added that the toll could rise.",
              "The ministry said that while rebels claimed the hill, the army held it.",   # one voice tells the other
              "The envoy said the raid killed 30 civilians, and that early reports said many were children.",
              "The capture of the hill was announced by the militia and confirmed by the Syrian Observatory "
              "for Human Rights.",   # the second part tells nothing of its own
              "Activists said regime jets struck the market, but gave no toll.",   # no second voice
              "Residents said the jets were Syrian, while other local sources blamed Russian jets.",   # one pooled voice
              '"The town was shelled, but SANA said nothing," the activist said.',   # inside a quotation
              "The monitor said jets hit Saraqib and Binnish while residents were asleep.",
              "Jets hit the market while John Doe said the town was quiet and Jane Roe said it was not."]:
        assert voice_parts(s) == (), s


def _claims_of(text, outlet="Enab Baladi"):
    doc = DocumentInput(doc_id="d1", text=text, outlet=outlet, published=dt.date(2021, 3, 2),
                        published_precision="day")
    return extract_chunk([doc]).claims


def test_each_voice_is_a_claim_with_its_own_span_source_and_perpetrator():
    text = ("Jets struck the vegetable market in Saraqib on Monday evening, killing six civilians.\n\n"
            "Local activists said the jets were Syrian regime aircraft that had taken off from Hama airport, "
            "while other local sources blamed Russian aircraft for the raid.")
    claims = _claims_of(text)
    voices = claims[claims["sentence"].str.contains("aircraft")]
    assert voices["sentence"].tolist() == [
        "Local activists said the jets were Syrian regime aircraft that had taken off from Hama airport",
        "other local sources blamed Russian aircraft for the raid."]
    for start, end, sentence, cid in zip(voices["start"], voices["end"], voices["sentence"], voices["claim_id"]):
        assert text[start:end] == sentence   # exact offsets into the document
        assert cid == claim_id("d1", start, end, sentence)
    assert voices["source"].tolist() == ["activists", "local sources"]
    assert voices["perpetrator"].tolist() == ["Syrian Arab Army", "Russian Aerospace Forces"]
    assert voices["sentence_index"].tolist() == [1, 2]


def test_a_one_voice_document_keeps_its_sentences():
    text = ("SOHR said jets struck the market in Saraqib on Monday, killing six civilians and wounding 20.\n\n"
            "Local activists said the jets had taken off from Hama airport.")
    claims = _claims_of(text)
    assert claims["sentence"].tolist() == [
        "SOHR said jets struck the market in Saraqib on Monday, killing six civilians and wounding 20.",
        "Local activists said the jets had taken off from Hama airport."]


_WORDS = ["SOHR", "SANA", "the Observatory", "activists", "local sources", "Russia", "said", "reported", "blamed",
          "according to", "while", "but", "and", "whereas", ",", ";", '"', "(", ")", "that", "five", "were", "killed",
          "jets", "struck", "the", "market", "in", "Idlib", "it", "he", "denied", "the ministry"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=0, max_size=40), st.text(max_size=30))
def test_voice_parts_are_ordered_trimmed_spans_of_the_sentence(words, noise):
    sentence = " ".join(words) + noise
    got = voice_parts(sentence)
    assert len(got) != 1
    last = 0
    for n, (start, end) in enumerate(got):
        assert last <= start < end <= len(sentence)
        piece = sentence[start:end]
        assert piece == piece.strip() and piece[0] not in ",;" and len(piece.split()) >= 4
        if n < len(got) - 1:
            assert piece[-1] not in ",;"   # the connective and its mark belong to neither part
        else:
            assert end == len(sentence.rstrip())   # the last part runs to the sentence's end
        last = end


def test_a_headline_cut_into_two_voices_is_still_the_headline():
    text = ("Activists say regime jets killed 7 civilians in Saraqib, but Russia says its aircraft killed 12 militants"
            "\n\nWarplanes struck the market in Saraqib on Monday evening, the civil defence said.\n\n"
            "Seven civilians were killed, according to the civil defence.")
    doc = DocumentInput(doc_id="d1", text=text, outlet="Example Times", published=dt.date(2021, 3, 2),
                        published_precision="day")
    got = extract_chunk([doc])
    assert got.claims["source"].tolist()[:2] == ["activists", "Russian government"]
    assert dict(zip(got.casualties["raw"], got.casualties["headline"])) == {
        "7 civilians": True, "12 militants": True, "Seven civilians were killed": False}


# --- "he" / "she" point back at one person ------------------------------------------------

def test_he_after_a_two_voice_cut_is_the_last_person_not_the_separated_voice():
    # the cut makes "Moscow" and the Russian official two voices; "he" later is the Kremlin spokesman
    doc = ["Moscow says it has not struck the city since Monday, while senior Russian military official "
           "Sergei Rudskoi told a briefing that the army had asked to resume air strikes.",
           "\"We see no reason to resume strikes now,\" Kremlin spokesman Dmitry Peskov said.",
           "\"The army keeps every means to support its allies,\" he added."]
    a = attribute(doc, outlet="Outlet")[-1]
    assert a.source == "Russian government", a


def test_he_skips_groups_and_finds_the_named_person():
    doc = ["Syrian Observatory for Human Rights head Rami Abdel Rahman said 12 people were killed in the raid.",
           "Activists said the jets came from the south.",
           "\"The hospital is out of service,\" he said."]
    a = attribute(doc, outlet="Outlet")[-1]
    assert (a.source, a.person) == ("Syrian Observatory for Human Rights", "Rami Abdel Rahman")


def test_she_is_not_a_spokesman_and_he_is_not_a_spokeswoman():
    doc = ["United Nations spokeswoman Laila Haddad said aid convoys were stopped at the crossing.",
           "The ministry spokesman said 4 soldiers were wounded.",
           "She said the convoys would try again on Friday."]
    assert attribute(doc, outlet="Outlet")[-1].source == "United Nations"


def test_he_after_another_body_is_not_sure():
    # Lavrov spoke, then a monitor: "he" may be either's man; an unnamed source, the pronoun kept
    doc = ["Russian Foreign Minister Sergei Lavrov said the strikes targeted militants only.",
           "The Syrian Observatory for Human Rights said 9 civilians were among the dead.",
           "He said the toll would rise."]
    a = attribute(doc, outlet="Outlet")[-1]
    assert (a.source, a.source_type, a.raw, a.cue) == ("other sources", "unnamed", "He", "anaphora")


def test_he_after_another_speaker_is_that_speaker_not_the_monitor_before():
    # the frame names the council head now ('<Name> head of ...': the person); "he" is him, never the monitor's head
    doc = ["Syrian Observatory for Human Rights head Rami Abdel Rahman said 12 people were killed.",
           "Warplanes hit the market at dawn said Mahmoud Khalil Haddad head of the local council.",
           "He said most of the dead were women."]
    assert attribute(doc, outlet="Outlet")[-1].source == "Mahmoud Khalil Haddad"


def test_he_points_at_a_person_named_before_a_body_and_at_a_surname():
    doc = ["Omar Haddad of the Qalamoun Media Office said the army shelled the town.",
           "He added that 3 houses were destroyed."]
    first, a = attribute(doc, outlet="Outlet")
    assert (a.cue, a.source, a.person) == ("anaphora", first.source, "Omar Haddad"), a
    doc = ["Russian Defence Ministry spokesman Igor Konashenkov said the jets hit 40 targets.",
           "Fourteen consecutive strikes were made Konashenkov added.",
           "Fifty militants were killed he said."]
    a = attribute(doc, outlet="Outlet")[-1]
    assert (a.source, a.person) == ("Russian Defense Ministry", "Igor Konashenkov"), a


def test_he_with_no_voice_named_before_stays_the_outlets():
    a = attribute(["The council mourned 5 rescue workers.", "He said they died bravely."], outlet="Outlet")[-1]
    assert (a.source_type, a.raw) == ("outlet", "He")


def test_a_body_spokesman_named_otherwise_is_not_the_last_body():
    doc = ["The Syrian Observatory for Human Rights said 12 fighters were killed.",
           "We will not go into battle the PYD spokesman said."]
    assert attribute(doc, outlet="Outlet")[-1].source != "Syrian Observatory for Human Rights"


# --- heads of state and their titles (sources.yaml `persons`, lexicon `person_title_forms`) ---------

def test_a_head_of_state_speaks_for_the_government_and_he_goes_on_speaking():
    for opening, person in [("President Bashar al-Assad said the army would retake the hills.", "Bashar al-Assad"),
                            ("Assad said the army would retake the hills.", "Assad"),
                            ("Secretary of State John Kerry said the talks had stalled.", "John Kerry"),
                            ("Russian Foreign Minister Sergei Lavrov said the talks had stalled.", "Sergei Lavrov")]:
        first, then = attribute([opening, "He added that 20 fighters were killed near the dam."], outlet="Outlet")
        assert first.source_type == "official" and first.person == person, first
        assert (then.source, then.person, then.cue) == (first.source, person, "anaphora"), then
    assert attribute(["Secretary of State John Kerry said the talks had stalled."], outlet="X")[0].source == "US government"


def test_a_head_of_states_name_is_not_his_when_another_name_or_a_noun_goes_with_it():
    a = attribute(["Ali Kerry said the bakery was hit."], outlet="Outlet")[0]
    assert a.source != "US government"  # another man who shares the surname
    first, then = attribute(["Assad forces said 20 fighters were killed.", "He said the road was cut."], outlet="Outlet")
    assert (first.source, first.person) == ("Syrian government", "")  # the forces speak, not the president
    assert then.source == "other sources"  # no one person named before: "he" is not sure
    a = attribute(["Putin's spokesman Dmitry Peskov said the jets hit a depot."], outlet="Outlet")[0]
    assert (a.source, a.person) == ("Russian government", "Dmitry Peskov")
    a = attribute(["Assad's adviser said the jets hit a depot."], outlet="Outlet")[0]
    assert (a.source, a.person) == ("Syrian government", "")
    for sentence in ["The government of President Bashar al-Assad denied the raid.",
                     "A spokesman for Erdogan said the jets hit a depot."]:
        a = attribute([sentence], outlet="Outlet")[0]
        assert a.source_type == "official" and a.person == "", a  # the body or its spokesman speaks
    a = attribute(["Assads officials said the jets hit a depot."], outlet="Outlet")[0]
    assert (a.source, a.person) == ("Syrian government", "")  # the officials speak
    a = attribute(['"The base fell" said Rami Abdel Rahman director of the Observatory.'], outlet="Outlet")[0]
    assert (a.source, a.person) == ("Syrian Observatory for Human Rights", "Rami Abdel Rahman")  # an apposition
    first, then, again, body = attribute(["Maj Gen Igor Konashenkov said the jets hit a depot.",
                                          "Konashenkov added that it burned.", "Konashenkov said it burned for hours.",
                                          "The ministry said the fire was out."], outlet="Outlet")
    assert first.person == then.person == again.person == "Igor Konashenkov"  # a title is no part of the name
    assert (body.source, body.person) == ("Russian Defense Ministry", "")  # the body speaks, not its spokesman
    _, spokesman = attribute(["Ministry spokesman Igor Konashenkov said the jets hit a depot.",
                              "The spokesman said it burned."], outlet="Outlet")
    assert (spokesman.source, spokesman.person) == ("Russian Defense Ministry", "Igor Konashenkov")  # one person
    a = attribute(["The depot was destroyed, Russian Konashenkov stated."], outlet="Outlet")[0]
    assert (a.source, a.person) == ("Russian Defense Ministry", "Konashenkov")
    first, _, then = attribute(["Kerry said the talks had stalled.", "The government said 20 were killed.",
                                "It added that aid would follow."], outlet="Outlet")
    assert (then.source, then.person) == ("US government", "")  # "it" is the government, not Kerry


# --- armed groups the knowledge lacks (lexicon `armed_group_name_heads`) -------------------------------

def test_a_name_headed_by_an_armed_groups_word_is_an_armed_group():
    for sentence, name in [("The Sawt al-Haqq Brigade said it shelled the checkpoint.", "Sawt al-Haqq Brigade"),
                           ("The Army of the Dawn said it shelled the checkpoint.", "Army of the Dawn"),
                           ("Jaysh al-Wadi said it shelled the checkpoint.", "Jaysh al-Wadi")]:
        a = attribute([sentence], outlet="Outlet")[0]
        assert (a.source, a.source_type, a.source_side) == (name, "partisan", "unknown"), a
    for sentence, name in [("The Riverside Relief Committee said it reached the town.", "Riverside Relief Committee"),
                           ("The Hama Health Directorate said it reached the town.", "Hama Health Directorate"),
                           ("The Northern Relief Corps said it reached the town.", "Northern Relief Corps"),
                           ("The Popular Democratic Front said it backed the talks.", "Popular Democratic Front")]:
        a = attribute([sentence], outlet="Outlet")[0]
        assert (a.source, a.source_type) == (name, "organisation"), a
    # a group named in the clause is no speaker when the sentence names one after the verb
    a = attribute(["The province feeds the Army of the Dawn said observatory head Rami Abdel Rahman."], outlet="X")[0]
    assert (a.source, a.person) == ("Syrian Observatory for Human Rights", "Rami Abdel Rahman")
    a = attribute(["A representative of the Syrian Armed Forces told SANA that the road was open."], outlet="X")[0]
    assert a.source_side == "syrian_government" and a.source_type == "official"
    a = attribute(["Syrian Information Minister Omran al-Hamid said the road was open."], outlet="X")[0]
    assert (a.source, a.person) == ("Syrian government", "Omran al-Hamid")


def test_a_person_named_with_the_body_the_knowledge_lacks_speaks_for_it():
    for sentence, want in [
            ("Laila Nour of the Riverside Policy Institute said the shelling went on.",
             ("Riverside Policy Institute", "organisation", "Laila Nour")),
            ("Director of Hama Central Hospital Dr. Samir Haddad said that twelve patients were brought in overnight.",
             ("Hama Central Hospital", "organisation", "Samir Haddad")),
            ("Labour member of parliament Jane Hollis said the protests would go on.",
             ("Jane Hollis", "person", "Jane Hollis")),
            ("Captain Tom Reyes said the convoy turned back.", ("Tom Reyes", "person", "Tom Reyes"))]:
        a = attribute([sentence], outlet="Outlet")[0]
        assert (a.source, a.source_type, a.person) == want, a
    got = attribute(["Captain Tom Reyes said the convoy turned back.", "Captain Reyes said it turned back again."],
                    outlet="Outlet")
    assert [(a.source, a.person) for a in got] == [("Tom Reyes", "Tom Reyes")] * 2  # a title and his surname
    a = attribute(["The official news agency Sana quoted a military source as saying the road was open."], outlet="X")[0]
    assert a.via == "SANA"  # "official" is no member of a body: the agency relays
    # near misses: no body in the run, or one name of a body
    a = attribute(["The Riverside Center for Policy Research said the shelling went on."], outlet="Outlet")[0]
    assert (a.source, a.source_type, a.person) == ("Riverside Center for Policy Research", "organisation", "")
