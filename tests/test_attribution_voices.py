"""Attribution rules that keep a claim out of the mouth of the side it accuses
(sentences written for these tests)."""

from claimscope.attribution import attribute, stance

from builtin_knowledge import bind

attribute = bind(attribute)
stance = bind(stance)


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
    assert one("The ministry citing early figures said 12 were killed.", outlet="SANA").source_type == "official"
