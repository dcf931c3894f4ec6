import pytest
from hypothesis import given, settings, strategies as st

from claimscope.casualties import VictimContext, find_casualties, find_quantities, parse_quantity

from builtin_knowledge import bind

find_casualties = bind(find_casualties)
find_quantities = bind(find_quantities)
parse_quantity = bind(parse_quantity)


@pytest.mark.parametrize("phrase,lo,hi,qualifier", [
    ("at least 5", 5, None, "at least"),
    ("more than 80", 81, None, "more than"),
    ("over 20", 21, None, "over"),
    ("up to 25", 1, 25, "up to"),
    ("about 11", 11, 11, "about"),
    ("several", 2, None, "several"),
    ("dozens of", 24, None, "dozens of"),
    ("hundreds", 200, None, "hundreds"),
    ("1,300", 1300, 1300, ""),
    ("twenty-one", 21, 21, ""),
    ("two hundred and fifty", 250, 250, ""),
    ("a total of 111", 111, 111, "a total of"),
    ("between 10 and 15", 10, 15, "between"),
    ("over a dozen", 13, None, "over a dozen"),
    ("fewer than 10", 1, 9, "fewer than"),
])
def test_parse_quantity(phrase, lo, hi, qualifier):
    q = parse_quantity(phrase)
    assert (q.min, q.max, q.qualifier) == (lo, hi, qualifier)
    assert q.raw == phrase


def test_not_quantities():
    assert parse_quantity("soldiers") is None
    assert parse_quantity("") is None


@given(st.integers(min_value=0, max_value=10**7))
def test_at_least_n_yields_min_n(n):
    q = parse_quantity(f"at least {n:,}")
    assert q.min == n and q.max is None


@given(st.integers(min_value=0, max_value=10**6))
def test_more_than_n_yields_min_n_plus_one(n):
    q = parse_quantity(f"more than {n}")
    assert q.min == n + 1 and q.max is None


@given(st.integers(min_value=1, max_value=10**6))
def test_up_to_n_yields_max_n(n):
    q = parse_quantity(f"up to {n}")
    assert q.max == n and q.min <= n


@given(st.integers(min_value=1, max_value=999))
def test_number_words_roundtrip(n):
    units = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    tens = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()

    def words(k):
        if k < 20:
            return units[k]
        if k < 100:
            return tens[k // 10] + ("" if k % 10 == 0 else "-" + units[k % 10])
        rest = k % 100
        return units[k // 100] + " hundred" + ("" if rest == 0 else " and " + words(rest))

    q = parse_quantity(words(n))
    assert q is not None and q.min == q.max == n


@settings(deadline=None)  # the first example compiles the lexicons
@given(st.text())
def test_parsers_never_crash(text):
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.raw
        assert q.min is None or q.max is None or q.min <= q.max
    for c in find_casualties(text):
        assert c.outcome in {"killed", "injured", "killed_or_injured", "detained", "neutralized"}
        assert c.category in {"civilians", "combatants", "unknown"}
        assert c.min is None or c.max is None or c.min <= c.max


def rows(sentence, **ctx):
    return [(c.victims, c.outcome, c.min, c.max) for c in find_casualties(sentence, context=VictimContext(**ctx))]


def test_killed_and_injured_is_one_combined_outcome():
    assert rows("According to pro-militant sources, at least 5 Syrian Army troops were killed and injured in the confrontation.") == [
        ("Syrian Arab Army", "killed_or_injured", 5, None)]


def test_several_groups_share_one_outcome():
    assert rows("At least 9 Syrian soldiers and 5 militants were killed in the clashes.") == [
        ("Syrian Arab Army", "killed", 9, None), ("militants", "killed", 5, 5)]


def test_others_and_another_inherit_the_victims_group():
    assert rows("A total of 111 fighters were killed and more than 80 others were wounded.") == [
        ("militants", "killed", 111, 111), ("militants", "injured", 81, None)]
    assert rows("One Turkish soldier died and another was injured in an IED attack.") == [
        ("Turkish Armed Forces", "killed", 1, 1), ("Turkish Armed Forces", "injured", 1, 1)]


def test_outcome_before_the_figure():
    assert rows("Turkish artillery strikes killed at least 2 members of the Syrian Democratic Forces (SDF) near Ayn Issa.") == [
        ("Syrian Democratic Forces", "killed", 2, None)]
    assert rows("The death toll from air strikes on the town has risen to 61, a monitor said.") == [("people", "killed", 61, 61)]


def test_a_toll_that_rose_may_stand_far_from_its_figure_a_bare_link_may_not():
    # "rose to"/"has risen to" say the toll changed: a long 'from ...' phrase may part them
    assert rows("The death toll from Monday's rocket attack on the crowded vegetable market in the southern town of "
                "Jisr al-Qadim has risen to 42, medics said.") == [("people", "killed", 42, 42)]
    # a bare 'at'/'to' so far from 'toll' is some other number
    assert rows("The toll of the long war that began with the protests in the southern city in the spring of the "
                "year before the siege points to 12 reasons for the talks, he said.") == []


def test_generic_victims_resolve_to_the_attacked_actor():
    sentence = "Gunmen attacked a checkpoint of Hayat Tahrir al-Sham reportedly killing and injuring several terrorists."
    assert rows(sentence, targets=(("Hayat Tahrir al-Sham", "armed_group"),)) == [
        ("Hayat Tahrir al-Sham", "killed_or_injured", 2, None)]
    assert rows(sentence) == [("militants", "killed_or_injured", 2, None)]
    assert rows("At least 6 members of the terrorist group died.", last_group="Turkistan Islamic Party") == [
        ("Turkistan Islamic Party", "killed", 6, None)]


def test_none_reported_gives_zero_for_the_target_in_context():
    assert rows("Nonetheless, pro-government sources did not report any casualties.",
                previous_targets=(("Syrian Arab Army", "state_forces"),)) == [("Syrian Arab Army", "killed_or_injured", 0, 0)]


def test_subsets_and_counts_of_things_are_not_confused():
    assert rows("At least 12 civilians including four children were killed Wednesday.") == [
        ("civilians", "killed", 12, None), ("children", "killed", 4, 4)]
    assert rows("Hundreds of fighters and 120 military vehicles are involved.") == []
    assert rows("Two car bombs exploded on Sunday.") == []
    assert rows("Wed Sep 7 2016 4 Turkish Troopers Killed 4 Wounded in Daesh Attack") == [
        ("Turkish Armed Forces", "killed", 4, 4), ("Turkish Armed Forces", "injured", 4, 4)]


def test_detentions():
    assert rows("Security forces detained 5 ISIS members wearing uniforms in Mayadin.") == [("ISIS", "detained", 5, 5)]


def test_offsets_point_into_the_document():
    sentence = "At least 16 soldiers were killed in a raid."
    [c] = find_casualties(sentence, offset=100)
    doc = " " * 100 + sentence
    assert doc[c.start:c.end] == c.raw == "At least 16 soldiers were killed"


def test_an_outcome_after_a_relative_clause_is_the_figures_own():
    """'five guards, who had tried to stop the raid, wounded': the clause
    between the figure and its outcome does not hand it the outcome of the
    figure before ('two guards killed')."""
    got = [(m.outcome, m.min) for m in find_casualties(
        "The fighting left two guards killed and five guards, who had tried to stop the raid, wounded.")]
    assert got == [("killed", 2), ("injured", 5)]
    got = [(m.outcome, m.min) for m in find_casualties("Two soldiers, who were on patrol, were killed.")]
    assert got == [("killed", 2)]


def _full(sentence):
    return [(c.victims, c.outcome, c.min, c.max, c.side) for c in find_casualties(sentence)]


def test_people_who_were_with_the_victim_add_to_the_toll():
    """'a commander and two of his aides were killed': three people, the aides a
    group of their own (`associates`), not the generic `people` that compare
    reads as the sentence's total."""
    assert _full("A commander of the brigade and two of his aides were killed in the ambush.") == [
        ("militants", "killed", 1, 1, ""), ("associates", "killed", 2, 2, "")]
    assert _full("An officer and his escort were killed when their car was hit.") == [
        ("soldiers", "killed", 1, 1, ""), ("associates", "killed", 1, 1, "")]
    # the first victims noun takes a complement with an article of its own ("of a local faction")
    assert _full("A member of a local faction and two informants were shot dead at a checkpoint.") == [
        ("militants", "killed", 1, 1, ""), ("associates", "killed", 2, 2, "")]
    # near misses: no second figure, or the aides only named
    assert _full("A commander of the brigade was killed while his aides fled.") == [("militants", "killed", 1, 1, "")]
    assert _full("The aides of the minister met the governor on Monday.") == []


def test_quoted_victims_nouns_stay_in_the_coordination():
    """Quotation marks around a name or a noun ('two members of the “Raqqa
    Brigade” and three policemen', 'two “collaborators”') do not cut the
    list of figures that share one outcome."""
    assert _full("Two members of the “Raqqa Brigade” and three members of the police were killed.") == [
        ("militants", "killed", 2, 2, ""), ("soldiers", "killed", 3, 3, "")]
    assert _full("A soldier and two “informants” were killed in the raid.") == [
        ("soldiers", "killed", 1, 1, ""), ("associates", "killed", 2, 2, "")]
    # a closing quotation mark of speech is no opening one: the figure stays alone
    assert _full("He said the strike killed two soldiers” and left.") == [("soldiers", "killed", 2, 2, "")]


def test_victims_operating_under_a_banner_are_of_its_side():
    """'two members of X operating under the banner of the National Army':
    members of a faction the pack does not know are of the actor whose banner
    they fight under; only for combatants, only an actor right after the link."""
    assert _full("Two members of “Liwa Al-Nasr” operating under the banner of the National Army were killed.") == [
        ("Turkish-backed factions", "killed", 2, 2, "turkey")]
    assert _full("Three fighters affiliated to the SDF were killed in the shelling.") == [
        ("Syrian Democratic Forces", "killed", 3, 3, "kurdish")]
    # near misses: an actor later in the sentence, or civilians
    assert _full("Two members of a local faction were killed near a base belonging to the Syrian Arab Army.") == [
        ("militants", "killed", 2, 2, "")]
    assert [c.category for c in find_casualties("Two civilians belonging to a family loyal to the SDF were killed.")] == [
        "civilians"]


def test_counted_cases_are_no_death_toll():
    """'the toll may rise because of some critical cases': cases are counted, not the dead."""
    assert _full("The death toll is expected to rise due to some critical cases among the wounded.") == []
    assert _full("The death toll has risen to 12.") == [("people", "killed", 12, 12, "")]


def test_a_units_ordinal_and_a_name_in_mixed_case_name_the_victims_side():
    """'officers of the “25th special forces Division”': the ordinal goes on
    with the unit's name (no count), and a name written in mixed case is the
    pack's alias all the same (each word's first letter capitalised: never an
    acronym such as IS)."""
    assert _full("Three officers of the “25th special forces Division” were killed by a landmine.") == [
        ("Syrian Arab Army", "killed", 3, 3, "syrian_government")]
    assert _full("Two members of the Syrian Democratic forces were killed.") == [
        ("Syrian Democratic Forces", "killed", 2, 2, "kurdish")]
    # near misses: an ordinal after a figure is no unit name; 'is' in lower case is no acronym
    assert _full("The shelling killed 3 people 2nd time this week.") == [("people", "killed", 3, 3, "")]
    from claimscope.actors import phrase_actors
    from claimscope.casualties import _CAPITALISE
    from builtin_knowledge import K
    capitalised = _CAPITALISE.sub(lambda m: m.group(0).upper(), "fighters of what is left of the Ansar brigade")
    assert capitalised == "Fighters Of What Is Left Of The Ansar Brigade"
    assert [a.name for a in phrase_actors(capitalised, knowledge=K)] == []


def test_a_member_of_a_clan_is_no_armed_groups_man():
    """'gunmen killed a member of the clan': his victims group is people, not
    the armed group attacked in the sentence (actors.yaml `communities`)."""
    ctx = VictimContext(targets=(("Turkish-backed factions", "armed_group"),))
    got = [(c.victims, c.category) for c in find_casualties("Gunmen killed a member of the Al-Mawali tribe.", context=ctx)]
    assert got == [("people", "unknown")]
    got = [(c.victims, c.side) for c in find_casualties("Gunmen killed two members of the faction.", context=ctx)]
    assert got == [("Turkish-backed factions", "turkey")]


def test_a_backed_force_of_no_known_name_is_on_its_backers_side():
    """'members of the Russian-backed “8th Brigade”': a unit the pack does not
    know takes the side of the backer its compound names (actors.yaml
    `backer_suffixes`); the victims group stays the phrase's own."""
    assert _full("Two members of the Russian-backed “8th Brigade” were killed.") == [
        ("militants", "killed", 2, 2, "russia")]
    assert _full("Three fighters of the Iran-sponsored Baqir Brigade were killed.") == [
        ("militants", "killed", 3, 3, "iran")]
    # near misses: a backer that names no actor, civilians, a word that only begins like one
    assert _full("Two members of the locally-backed council were killed.") == [("militants", "killed", 2, 2, "")]
    assert [c.side for c in find_casualties("Two civilians of the Russian-backed council were killed.")] == [""]
    assert _full("Two members of the Russian-backedness group were killed.") == [("militants", "killed", 2, 2, "")]


@pytest.mark.parametrize("sentence,expected", [
    # a day after a month name is a date, not a count
    ("Officials said raids between March 3 and June 14 had eliminated four commanders.", [(4, "killed")]),
    # a clock time at the head of a wire headline
    ("09:45 Six Civilians Killed in Shelling on a Village", [(6, "killed")]),
    # a photo credit's year before a headline
    ("AP 2019 JOHN ROE Medic Dies of Wounds After Attack", []),
    # a day before a month name
    ("Air raids on 12 March killed 8 civilians in the town.", [(8, "killed")]),
    # the year after a month and its day
    ("On October 9, 2019 Turkish jets killed 11 fighters.", [(11, "killed")]),
])
def test_a_number_in_a_date_or_a_time_is_no_count(sentence, expected):
    assert [(c.min, c.outcome) for c in find_casualties(sentence)] == expected


@pytest.mark.parametrize("sentence,n", [
    ("Shelling on May 3 killed 12 people.", 12),
    ("At least 2,000 people were killed that year.", 2000),
    ("Some 1950 people were killed in the siege.", 1950),
])
def test_a_count_beside_a_date_still_counts(sentence, n):
    assert [c.min for c in find_casualties(sentence)] == [n]


@pytest.mark.parametrize("sentence,expected", [
    ("Twelve people were killed and 30 others were displaced from the village.", [(12, "killed")]),
    ("Nine children and 14 others were killed, and 30 more are missing.", [(9, "killed"), (14, "killed")]),
    ("Eight soldiers were killed and 20 others, most of them conscripts, have been moved to the front.", [(8, "killed")]),
    ("Eight soldiers were killed and 20 others were wounded.", [(8, "killed"), (20, "injured")]),
    ("The raid killed 6 civilians and 4 fighters.", [(6, "killed"), (4, "killed")]),
])
def test_a_figure_with_a_verb_of_its_own_takes_no_outcome_from_the_one_before(sentence, expected):
    assert [(c.min, c.outcome) for c in find_casualties(sentence)] == expected


def test_others_with_their_own_outcome_are_a_second_figure_not_an_object():
    found = find_casualties("Three women killed 7 others injured in shelling on a market")
    assert [(c.min, c.outcome) for c in found] == [(3, "killed"), (7, "injured")]


def test_an_agent_killing_others_stays_an_agent():
    found = find_casualties("The gunman killed 9 others before he was arrested.")
    assert [(c.min, c.outcome) for c in found] == [(9, "killed")]


def test_a_link_after_the_killers_names_their_side_not_the_victims():
    found = find_casualties("Three fighters were killed by gunmen loyal to the Syrian Democratic Forces.")
    assert [(c.min, c.side) for c in found] == [(3, "")]


@pytest.mark.parametrize("sentence,expected", [
    ("A rescue worker said 14 civilians were killed in the raid.", [(14, "killed")]),
    ("A local council said dozens of civilians were killed.", [(24, "killed")]),
])
def test_the_speaker_before_a_reporting_verb_is_no_victim(sentence, expected):
    assert [(c.min, c.outcome) for c in find_casualties(sentence)] == expected


# --- parts: a figure that counts some of the victims told beside it (issue 10) ----------------

def parts(sentence, **ctx):
    return [(c.min, c.outcome, c.victims, c.part) for c in find_casualties(sentence, context=VictimContext(**ctx))]


@pytest.mark.parametrize("sentence,expected", [
    # a subset of the figure before it, of the same outcome
    ("Mortar fire killed 14 villagers, including six boys, near the mill.",
     [(14, "killed", "civilians", False), (6, "killed", "children", True)]),
    ("Eleven residents among them three women were wounded by the blast.",
     [(11, "injured", "civilians", False), (3, "injured", "women", True)]),
    ("Shelling killed 14 villagers, among whom six boys.",
     [(14, "killed", "civilians", False), (6, "killed", "children", True)]),
    # every item of the subset's list, not the figure after the list is closed
    ("Nine farmers including a girl and an old woman were shot dead at dawn.",
     [(9, "killed", "civilians", False), (1, "killed", "children", True), (1, "killed", "women", True)]),
    ("The raids left six civilians, including two boys, and 11 fighters, including an emir, dead.",
     [(6, "killed", "civilians", False), (2, "killed", "children", True), (11, "killed", "militants", False),
      (1, "killed", "militants", True)]),
    # a figure of its own outcome inside the aside is a toll of its own ("33 casualties, including 4 dead")
    ("The blast caused 27 casualties, including 4 dead, at the depot.",
     [(27, "killed_or_injured", "people", False), (4, "killed", "people", False)]),
    # another category (or more people than the whole) after the subset's list is no part of the whole
    ("Jets killed 12 villagers including five boys and 20 gunmen near the dam.",
     [(12, "killed", "civilians", False), (5, "killed", "children", True), (20, "killed", "militants", False)]),
    # per-place counts of a subset stay parts
    ("In all 40 civilians were killed including 7 in Tafas 5 in Jassem and 2 in Nawa.",
     [(40, "killed", "civilians", False), (7, "killed", "civilians", True), (5, "killed", "civilians", True),
      (2, "killed", "civilians", True)]),
])
def test_a_subset_of_the_figure_before_it_is_a_part(sentence, expected):
    assert parts(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    # a share of the dead or wounded: a part, and the predicate says who they were
    ("Medics said four of the dead were boys under ten.", [(4, "killed", "children", True)]),
    ("The monitor said at least nine of the dead were government soldiers.", [(9, "killed", "soldiers", True)]),
    ("Six of those killed were members of the same family.", [(6, "killed", "people", True)]),
    # or their condition, kept in the phrase
    ("Doctors said 12 of the wounded were in critical condition.", [(12, "injured", "people", True)]),
    # or what became of them: still a part of the victims told, with its outcome now
    ("Three of the injured died overnight in hospital.", [(3, "killed", "people", True)]),
    # the share told first, then the figure
    ("Of those killed, seven were teenagers from the camp.", [(7, "killed", "people", True)]),
    ("Of the dead, two were rescue workers.", [(2, "killed", "civilians", True)]),
    ("Among the wounded were four nurses.", [(4, "injured", "civilians", True)]),
    ("The dead included 3 girls, the council said.", [(3, "killed", "children", True)]),
    ("Of the wounded, five died on the way to hospital.", [(5, "killed", "people", True)]),
    # a share of the figure before it, and who they were
    ("Mortars killed 310 people in a year, the group said, adding that 41 of them were women.",
     [(310, "killed", "people", False), (41, "killed", "women", True)]),
    # near misses: members of a family are no share of the dead; a plain count is a toll
    ("Six members of the same family were killed in the strike.", [(6, "killed", "people", False)]),
    ("Twelve wounded were taken to hospital in critical condition.", [(12, "injured", "people", False)]),
])
def test_a_share_of_the_victims_told_before_is_a_part(sentence, expected):
    assert parts(sentence) == expected


def test_a_part_keeps_its_condition_and_predicate_in_its_phrase():
    [c] = find_casualties("Doctors said 12 of the wounded were in critical condition.")
    assert c.raw == "12 of the wounded were in critical condition" and c.part
    [c] = find_casualties("Medics said four of the dead were boys under ten.")
    assert (c.raw, c.victims_raw, c.category) == ("four of the dead were boys", "boys", "civilians")


@pytest.mark.parametrize("sentence,expected", [
    # "others" beside children or women are anyone else
    ("Three boys were killed and 8 others were hurt in the shelling.",
     [("children", "civilians"), ("people", "unknown")]),
    ("A woman died and two others were injured when the shell hit.", [("women", "civilians"), ("people", "unknown")]),
    # beside a wider group they are more of it
    ("Four villagers were killed and nine others injured.", [("civilians", "civilians"), ("civilians", "civilians")]),
    # "other civilians" names its group
    ("Gunmen killed a girl and wounded three other civilians.", [("children", "civilians"), ("civilians", "civilians")]),
])
def test_others_beside_a_subgroup_are_anyone_else(sentence, expected):
    assert [(c.victims, c.category) for c in find_casualties(sentence)] == expected


def test_others_in_the_next_sentence_beside_a_subgroup_are_anyone_else():
    ctx = dict(previous_figure=("children", "civilians", ""))
    assert [(c.victims, c.category) for c in find_casualties("More than 20 others were wounded.",
                                                            context=VictimContext(**ctx))] == [("people", "unknown")]
    ctx = dict(previous_figure=("civilians", "civilians", ""))
    assert [(c.victims, c.category) for c in find_casualties("More than 20 others were wounded.",
                                                            context=VictimContext(**ctx))] == [("civilians", "civilians")]


@pytest.mark.parametrize("sentence,expected", [
    # a capitalised outcome word with a figure after it opens that figure
    ("Rebels Kill 41 Wounded 60 Soldiers Near Daraa", [(41, "killed"), (60, "injured")]),
    ("Airstrikes killed 6 wounded 15 in the village", [(6, "killed"), (15, "injured")]),
    # near misses: the outcome right after a bare figure is its own
    ("Shepherd killed 3 injured in Idlib shelling", [(1, "killed"), (3, "injured")]),
    ("Boy killed two others injured in rocket attack", [(1, "killed"), (2, "injured")]),
])
def test_a_headline_outcome_word_before_a_figure_is_that_figures(sentence, expected):
    assert [(c.min, c.outcome) for c in find_casualties(sentence, context=VictimContext(headline=True))] == expected


def test_a_second_verb_of_the_same_object_leaves_the_agent_no_victim():
    assert parts("A militia in the town has executed and beheaded four men, a witness said.") == [
        (4, "killed", "people", False)]


def test_the_casualties_table_marks_parts():
    import datetime as dt

    from claimscope.claims import DocumentInput, extract_chunk

    text = ("Shelling on the market in Ariha killed 11 people on Monday, the civil defence said.\n\n"
            "Four of the dead were boys, and 3 of the wounded were in critical condition, a medic said.")
    doc = DocumentInput(doc_id="d1", text=text, outlet="Example Times", published=dt.date(2021, 3, 2),
                        published_precision="day")
    got = bind(extract_chunk)([doc]).casualties
    assert list(zip(got["raw"], got["victims"], got["part"])) == [
        ("11 people", "people", False), ("Four of the dead were boys", "children", True),
        ("3 of the wounded were in critical condition", "people", True)]


@pytest.mark.parametrize("sentence,expected", [
    ("Gunfire killed seven shepherds, a nurse said.", [(7, "civilians")]),
    ("Gunfire killed seven shepherds, a nurse told reporters.", [(7, "civilians")]),
    # near miss: the speaker inside a long phrase leaves the child a victim
    ("The strike killed 11 fighters and a child a local council said.", [(11, "militants"), (1, "children")]),
])
def test_the_speaker_after_a_figure_is_no_victim(sentence, expected):
    assert [(c.min, c.victims) for c in find_casualties(sentence)] == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Four guards were killed and nine more were wounded.", [(4, "soldiers"), (9, "soldiers")]),
    ("Two girls were killed and dozens more were hurt.", [(2, "children"), (24, "people")]),
    # near miss: "more" beside things is no count of people
    ("The jets destroyed 4 tanks and 3 more near the dam.", []),
])
def test_more_with_an_outcome_of_its_own_counts_more_people(sentence, expected):
    assert [(c.min, c.victims) for c in find_casualties(sentence)] == expected


@pytest.mark.parametrize("sentence,expected", [
    # a verb of the figure's own that tells no outcome: the figure is no toll of the outcome before it
    ("Three shepherds died and nine others experienced breathing difficulties after the gas shells fell.",
     [(3, "killed")]),
    ("Two guards died and five others remain missing under the rubble.", [(2, "killed")]),
    # near misses: the ellipsis and a postmodifier of the victims keep the outcome
    ("Jets killed 12 villagers and 30 fighters linked to the brigade.", [(12, "killed"), (30, "killed")]),
    ("Two guards died and five others.", [(2, "killed"), (5, "killed")]),
])
def test_a_figure_with_a_verb_of_its_own_takes_no_outcome_before_it(sentence, expected):
    assert [(c.min, c.outcome) for c in find_casualties(sentence)] == expected


@pytest.mark.parametrize("sentence,expected", [
    # a figure waiting for an outcome takes the cue of its own clause, not the next figure's
    ("A nurse and a boy were killed in the shelling while eleven were wounded.",
     [(1, "killed", "civilians"), (1, "killed", "children"), (11, "injured", "people")]),
    # near miss: two figures of one clause share its cue
    ("Six soldiers and four rebels were killed in the clashes.",
     [(6, "killed", "soldiers"), (4, "killed", "Syrian opposition")]),
])
def test_a_pending_figure_takes_the_cue_of_its_own_clause(sentence, expected):
    assert [(c.min, c.outcome, c.victims) for c in find_casualties(sentence)] == expected


def test_a_bare_figure_after_a_subgroup_counts_people():
    # "a woman was killed and 9 were injured": the nine are not all women
    got = find_casualties("A woman was killed and 9 were injured in the attack on the market.")
    assert [(c.min, c.outcome, c.victims) for c in got] == [(1, "killed", "women"), (9, "injured", "people")]


@pytest.mark.parametrize("sentence,expected", [
    ("The death toll of the guards has risen to nine, while two rebels were killed.",
     [(9, "soldiers"), (2, "Syrian opposition")]),
    ("The toll among government soldiers climbed to 17, the monitor said.", [(17, "soldiers")]),
    # near misses: a toll of an act or of people names no group
    ("The death toll of the bombing has risen to 12.", [(12, "people")]),
    ("The death toll of people in the village has risen to 9.", [(9, "people")]),
])
def test_a_toll_phrase_names_whose_toll_it_is(sentence, expected):
    assert [(c.min, c.victims) for c in find_casualties(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "The death toll of the rebel bombing has risen to 12.",
    "The death toll of the terrorist shelling rose to 7, state media said.",
])
def test_the_toll_of_an_act_names_no_group_of_people(sentence):
    # the words after "toll of" name the act, its perpetrators are no victims
    assert [(c.victims, c.category) for c in find_casualties(sentence)] == [("people", "unknown")]


@pytest.mark.parametrize("sentence, expected", [
    ("The agency said that no one was killed in the blast.", [(0, "none")]),
    # near miss: a figure of its own beside a zero of another outcome
    ("One was killed and no one else was hurt.", [(1, "")]),
])
def test_no_one_killed_holds_no_figure_of_one(sentence, expected):
    assert [(c.min, c.qualifier) for c in find_casualties(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Five people were killed and 14 others suffered burns in the blast.", [(5, "killed"), (14, "injured")]),
    ("Three soldiers died and two others suffered shrapnel wounds.", [(3, "killed"), (2, "injured")]),
    ("A mortar killed one child; 7 people received wounds.", [(1, "killed"), (7, "injured")]),
    # near misses: wounds and burns that killed are deaths; a verb "burns" holds no figure
    ("Three soldiers died of their wounds on Sunday.", [(3, "killed")]),
    ("Two boys died of burns after the strike.", [(2, "killed")]),
    ("The depot burns for a second day after 3 strikes.", []),
    ("Ten people were killed; 4 of the dead had burns.", [(10, "killed"), (4, "killed")]),
])
def test_a_figure_that_suffered_wounds_or_burns_is_injured_not_the_dead_told_before(sentence, expected):
    assert [(c.min, c.outcome) for c in find_casualties(sentence)] == expected


def test_a_present_tense_execution_counts_the_dead():
    assert [(c.min, c.outcome) for c in find_casualties("The group executes 4 prisoners near Palmyra")] == [(4, "killed")]
    # near misses: an execution threatened or refused counts no dead
    assert find_casualties("ISIS threatens to execute 3 Kurdish hostages") == []
    assert find_casualties("Turkey says it will not execute 4 detainees") == []


@pytest.mark.parametrize("sentence", [
    "Four civilians, three women and a boy, were killed when the shell hit the bakery.",
    "Four civilians - three women and a boy - were killed when the shell hit the bakery.",
    "Four civilians (three women and a boy) were killed when the shell hit the bakery.",
    "Four civilians three women and a boy were killed when the shell hit the bakery.",  # commas lost
])
def test_a_breakdown_told_beside_a_figure_that_it_adds_up_to_is_its_parts(sentence):
    got = find_casualties(sentence)
    assert [(c.min, c.outcome, c.part, c.category) for c in got] == [
        (4, "killed", False, "civilians"), (3, "killed", True, "civilians"), (1, "killed", True, "civilians")]


def test_a_list_that_does_not_add_up_to_the_figure_before_it_is_tolls_of_their_own():
    got = find_casualties("The raid killed 9 soldiers, 4 civilians and 5 rebels.")
    assert [(c.min, c.part) for c in got] == [(9, False), (4, False), (5, False)]
    got = find_casualties("Two soldiers, three civilians and a child were killed.")
    assert not any(c.part for c in got)


def test_a_share_told_between_commas_before_the_verb_is_a_part_of_the_figure():
    got = find_casualties("At least 30 civilians, nine of them women, were killed in the raid on Tuesday.")
    assert [(c.min, c.part, c.outcome) for c in got] == [(30, False, "killed"), (9, True, "killed")]


def test_straight_quotation_marks_open_a_victims_noun():
    """A straight double quote right before a victims noun opens it ('killed
    40 "terrorists"', as state media are quoted) like a curly one: the noun
    is read, and a figure after its closing mark still shares the outcome."""
    assert _full('The ministry said troops killed 40 "terrorists" near the dam.') == [
        ("militants", "killed", 40, 40, "")]
    assert _full('A raid killed three "informants" and two guards at the gate.') == [
        ("associates", "killed", 3, 3, ""), ("soldiers", "killed", 2, 2, "")]
    # near misses: a quote mark before a verb, or a closing mark after a number, opens no victims noun
    assert _full('The monitor said 40 "were executed" in the square.') == []
    assert _full('Officials said the toll rose to 12" late on Friday.') == [("people", "killed", 12, 12, "")]


def test_combatants_killed_at_a_site_of_an_actor_are_its_own():
    """Combatants of no stated side killed at positions hosting an actor's
    installations (region `actor_assets`) or belonging to an actor are that
    actor's; not those killed attacking such positions, nor civilians."""
    assert _full("Four members were killed at posts hosting air defense systems near the airport.") == [
        ("Syrian Arab Army", "killed", 4, 4, "syrian_government")]
    assert _full("Two fighters died in a base run by the SDF east of the river.") == [
        ("Syrian Democratic Forces", "killed", 2, 2, "kurdish")]
    # near misses: an attack on the site, a side of their own, or civilians
    assert _full("Two fighters were killed in an assault on posts of the SDF east of the river.") == [
        ("militants", "killed", 2, 2, "")]
    assert _full("Two ISIS members were killed at a base belonging to the SDF.") == [
        ("ISIS", "killed", 2, 2, "jihadist")]
    assert [c.category for c in find_casualties("Two workers were killed at a base belonging to the SDF.")] == [
        "civilians"]
