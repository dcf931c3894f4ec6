"""Verbs whose subject is not the phrase right before them: a headline's bare
passive and a verb coordinated with an earlier one (sentences written for
these tests)."""

from claimscope.attribution import attribute

from builtin_knowledge import bind

attribute = bind(attribute)


def one(sentence, outlet="Outlet", before=()):
    return attribute([*before, sentence], outlet=outlet)[-1]


def test_a_bare_passive_names_the_accused_not_a_speaker():
    a = one("Assad accused of shelling the camp on Tuesday")
    assert a.source != "Syrian government"
    a = one("Rebels blamed for the market bombing in Azaz")
    assert a.source_type == "outlet"
    # near miss: the active verb keeps its speaker
    a = one("The Syrian Observatory for Human Rights accused the regime of shelling the camp.")
    assert a.source == "Syrian Observatory for Human Rights"


def test_a_coordinated_verb_keeps_the_first_verbs_subject():
    a = one("The local council in Douma accused the government of using cluster bombs and posted videos of the fire.",
            before=("Regime jets struck Douma near Damascus.",))
    assert a.source != "Syrian government"
    a = one("A police source confirmed the toll to an AFP correspondent and said the bomber died.")
    assert a.source != "AFP"
    # near miss: a sentence whose only verb follows "and" still reads its subject
    a = one("Fighting went on overnight and the Syrian Observatory for Human Rights said 12 died.")
    assert a.source == "Syrian Observatory for Human Rights"


def test_an_inverted_frame_without_commas_names_the_speaker_before_its_own_words():
    a = one("Shelling on the eastern districts killed 31 people said the Observatory adding that 9 were children.",
            before=("The Syrian Observatory for Human Rights said the raids resumed.",))
    assert a.source == "Syrian Observatory for Human Rights"
    a = one("Mortar rounds struck near the embassy said the Syrian Observatory for Human Rights a Britain-based monitor.")
    assert a.source == "Syrian Observatory for Human Rights"
    a = one("The fighters had been armed by Washington said the Syrian Observatory for Human Rights monitoring group.")
    assert a.source == "Syrian Observatory for Human Rights"
    # near misses: the words after the verb are its object or a clause, not its speaker
    a = one("Western states accused the Syrian government of using chlorine against the town.")
    assert a.source != "Syrian government"
    a = one("A photographer at the scene said rescuers heard a boy shouting under the rubble.")
    assert a.source != "Syria Civil Defence"
    a = one("A statement by the Russian defence ministry said two pilots died.")
    assert a.source == "Russian Defense Ministry"


def test_reiterated_is_a_reporting_verb():
    assert one("The Syrian National Coalition reiterated that the raids must stop.").source == "Syrian National Coalition"


def test_a_place_before_a_that_clause_is_no_antecedent():
    a = one("The evidence shows that a massacre took place near Damascus and that the regime is responsible "
            "Laurent Fabius said on a visit to Ramallah.")
    assert a.source != "Syrian government"
    # near miss: "which" after a named body is its relative clause
    a = one("Reports came from the Syrian Observatory for Human Rights which said 12 died.")
    assert a.source == "Syrian Observatory for Human Rights"


def test_the_official_with_no_official_named_before_is_no_one_in_particular():
    before = ("The Syrian government denied the allegations.",)
    a = one("The secretary stressed the need for access to the site the official said.", before=before)
    assert a.source != "Syrian government"
    # near miss: "another rebel official" after a rebel group is that group's
    before = ("Jaish al-Islam said its fighters took the hill.",)
    a = one("The army sent reinforcements overnight, another rebel official told Reuters.", before=before)
    assert a.source == "Jaish al-Islam"


def test_a_headlines_speaker_before_a_colon_or_after_a_closing_dash():
    got = attribute(["Russian Defense Ministry: More than 60 militants killed near Palmyra", "Body text."], outlet="SANA")
    assert got[0].source == "Russian Defense Ministry"
    got = attribute(["Jets Hit Rebel Depot Near Saraqib - Russian MoD", "Body text."], outlet="Sputnik")
    assert got[0].source == "Russian Defense Ministry"
    # near misses: a place, a state's name alone, a topic, or a line inside the text
    for headline in ["Aleppo: five killed in shelling", "Syria: five killed in shelling",
                     "Massacre in Idlib: jets hit a market", "Jets Hit Rebel Depot Near Saraqib - Moscow"]:
        assert attribute([headline, "Body text."], outlet="SANA")[0].source == "SANA", headline
    got = attribute(["Body text.", "Russian Defense Ministry: More than 60 militants killed near Palmyra"], outlet="SANA")
    assert got[1].source == "SANA"


def test_a_headlines_credit_after_a_colon_or_in_its_last_words():
    body = "The Syrian Observatory for Human Rights said the raids hit a market in the old city."
    for headline in ["Barrel bombs kill 9 fighters in Hama: monitor", "Air raids kill 14 near Maarat hospital Monitor",
                     "Jets kill 7 in Hama market Observatory", "Shelling kills 3 in Homs suburb: SOHR",
                     "Clashes kill 12 fighters near IS Monitor"]:
        assert attribute([headline, body], outlet="Wire")[0].source == "Syrian Observatory for Human Rights", headline
    got = attribute(["Car bomb kills 11 near Homs checkpoint state TV", "The blast hit a bus."], outlet="Wire")
    assert got[0].source == "Syrian state media"
    # near misses: a credit word inside the headline, words after the colon that name no one, the headline's
    # object (after an article, a preposition or a state's adjective), a headline that tells no toll
    for headline in ["Jets strike Hama: five dead in market", "Jets strike market near the monitor's office in Hama",
                     "Hackers target Syrian Observatory", "Rebels attack Syrian state TV",
                     "Why Syria's war needs a new monitor", "Turkey's next target after Afrin: the YPG",
                     "Jets strike market in Hama Observatory"]:
        assert attribute([headline, body], outlet="Wire")[0].source == "Wire", headline
    assert attribute([body, "Air raids kill 14 near Maarat hospital Monitor"], outlet="Wire")[1].source == "Wire"


def test_with_x_saying_gives_x_its_words_not_the_act_before():
    a = one("Rebels seized the town on Sunday, with Ankara saying it wanted a safe zone along the border.")
    assert a.source != "Turkish government"
    # near miss: the words after "saying" tell the toll: theirs
    a = one("Another bomb went off west of the capital, with state media saying two people were killed.")
    assert a.source == "Syrian state media"



def test_a_name_opening_the_sentence_before_a_participle_phrase_speaks():
    a = one("Moscow urging a fair inquiry said the presence of that team showed the army was not to blame.")
    assert a.source == "Russian government"
    a = one("Medics treating the wounded said they bore the signs of a gas attack.")
    assert a.source == "local sources"
    # near miss: a comma before the verb leaves the frames as they were
    a = one("Moscow, urging a fair inquiry, said the team was biased.")
    assert a.source == "Russian government"
    a = one("Shelling hitting the market killed five an inquiry said.")
    assert a.source_type in ("outlet", "unnamed")


def test_a_described_persons_full_name_before_an_apposition_speaks():
    a = one("Qamishli resident Ahmad Saleh a teacher told reporters he heard two blasts.")
    assert (a.source, a.person) == ("local sources", "Ahmad Saleh")
    # near miss: the apposition names the body the person speaks for: that body, as before
    a = one("Abu Omar Halabi a commander and spokesman for Ahrar al-Sham said the siege was broken.")
    assert a.source == "Ahrar al-Sham"


def test_the_frames_words_are_the_language_packs(tmp_path):
    """"according to", "quoted ... as saying" and their kin are lexicon data: a
    pack that layers another wording of a frame makes it read (the frame's
    grammar stays in code, its words do not)."""
    from claimscope.attribution import attribute as attribute_with
    from claimscope.knowledge import load_knowledge

    said = "As per the Syrian Observatory for Human Rights, five people were killed in Idlib."
    quoted = "Rebels shelled the town, citing the Syrian Observatory for Human Rights as stating that four died."
    assert one(said).source_type == "outlet" and one(quoted).source_type == "outlet"
    (tmp_path / "lexicon.yaml").write_text(
        "# test pack\naccording_frames: [as per]\nquoting_verbs: [citing]\nquoting_sayings: [as stating]\n",
        encoding="utf-8")
    k = load_knowledge(tmp_path)
    for sentence in (said, quoted):
        a = attribute_with([sentence], outlet="Outlet", knowledge=k)[-1]
        assert a.source == "Syrian Observatory for Human Rights", sentence
    # near miss: the layered words join the built-in ones, which still read
    a = attribute_with(["Five people died, according to the Syrian Observatory for Human Rights."],
                       outlet="Outlet", knowledge=k)[-1]
    assert a.source == "Syrian Observatory for Human Rights"


def test_according_to_a_known_name_that_runs_past_a_lower_case_word():
    for tail in ("according to the Syrian opposition.", "according to a Syrian opposition statement."):
        a = one("Barrel bombs killed 9 people in Inkhil " + tail)
        assert a.source == "Syrian opposition", tail
    a = one("Reuters reported citing the Syrian interior ministry that the attackers stormed the station.")
    assert (a.source, a.via) == ("Syrian government", "Reuters")
    # near miss: a capitalised name followed by a clause's lower-case word still ends there
    a = one("Barrel bombs killed 9 people according to SANA reporters said nothing.")
    assert a.source == "SANA"


def test_a_dotted_abbreviation_and_a_time_phrase_before_the_verb():
    assert one("The U.N. said that 10 people died in Douma.").source == "United Nations"
    a = one("The U.N. in August said that more than 100,000 people had been killed.")
    assert (a.source, a.raw) == ("United Nations", "The U.N.")
    a = one("The Syrian Observatory last week said 4 people died in Douma.")
    assert (a.source, a.raw) == ("Syrian Observatory for Human Rights", "The Syrian Observatory")
    # near miss: a time phrase after words that name no speaker leaves that phrase no speaker
    a = one("Farhan doubted the Security Council resolution passed earlier this week which called for observers.")
    assert a.source != "United Nations"


def test_a_description_speaks_not_the_wire_or_the_place_around_it():
    body = ("The Syrian Observatory for Human Rights said the blast hit a wedding hall.",
            "Reporters Without Borders has counted the journalists killed since 2011.")
    got = attribute(["A car bomb kills 9 in Azaz says monitoring group AFP", *body], outlet="Wire")
    assert got[0].source == "Syrian Observatory for Human Rights"  # AFP carried the words; the monitor spoke
    got = attribute(["A car bomb kills 9 in Azaz says journalist AFP", *body], outlet="Wire")
    assert got[0].source == "AFP"  # its own journalist: the wire's voice
    a = one("The Syrian Observatory for Human Rights a monitoring group based in Britain reported 12 dead.")
    assert a.source == "Syrian Observatory for Human Rights"  # "in Britain" is where it sits, not who speaks
    a = one("Press freedom watchdog Reporters Without Borders said 4 journalists were killed in May.", before=body[:1])
    assert a.source == "Reporters Without Borders"  # a description then a known name: the name
    got = attribute([*body, "A monitoring group said 12 people died in Azaz."], outlet="Wire")
    assert got[-1].source == "Syrian Observatory for Human Rights"  # the named monitor called a monitoring group
    got = attribute([body[1], "A war monitor said 12 people died in Azaz."], outlet="Wire")
    assert got[-1].source == "monitors"  # a press-freedom watchdog is no war monitor
    a = one("Five people died in Azaz according to the Syrian opposition's rivals.")
    assert a.source != "Syrian opposition"  # the name owns the speakers after it
    # near misses: a wire after an actor's description is no relay; a place after a speaker noun stays a place
    a = one("The hospital was shelled by a radical rebel group Syrian state TV reports.")
    assert a.source == "Syrian state media"
    a = one("Sources based in Idlib said 12 people died.")
    assert a.source_type == "unnamed"


def test_a_dotted_abbreviation_after_according_to_or_an_inverted_verb():
    assert one("Five people died in Azaz according to the U.N.").source == "United Nations"
    assert one("Five people died in Azaz, said the U.S.").source == "US government"
    # near miss: a sentence's stop after a name still ends it
    a = one("Five died according to the Syrian Observatory for Human Rights. Ten more were hurt.")
    assert a.source == "Syrian Observatory for Human Rights"
