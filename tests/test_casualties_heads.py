"""Who a figure counts, read from the whole victims phrase, not its first
noun (session 13, audit19): a thing noun after a modifier in -ing/-ed counts
no people ("fighting positions"); the noun after an outcome adjective is the
victims' ("eight dead civilians"); a list of groups of different categories
is of unknown category; a side-changing modifier ("dissident officer") makes
no government soldier. Sentences written for these tests."""

from claimscope.casualties import find_casualties

from builtin_knowledge import bind

find_casualties = bind(find_casualties)


def rows(sentence):
    return [(c.victims, c.category, c.outcome, c.min, c.max) for c in find_casualties(sentence)]


# --- 1. a count of things is no death toll ------------------------------------------

def test_a_group_and_a_modifier_in_ing_or_ed_before_a_thing_noun_count_things():
    assert rows("Coalition aircraft destroyed 11 Daesh fighting positions west of the river.") == []
    assert rows("The strikes destroyed six ISIS armoured vehicles and four booby-trapped cars.") == []
    assert rows("Jets destroyed three Nusra training camps near the border.") == []
    # a plural count: the singular person noun before the modifier modifies too
    assert rows("Artillery destroyed five rebel firing positions overnight.") == []


def test_things_destroyed_beside_people_killed_keep_the_people():
    assert rows("Warplanes destroyed 9 vehicles and killed 4 fighters near the dam.") == [
        ("militants", "combatants", "killed", 4, 4)]
    assert rows("The army destroyed 7 ISIS fighting positions and killed 12 militants.") == [
        ("militants", "combatants", "killed", 12, 12)]


def test_a_participle_after_a_person_noun_is_still_its_postmodifier():
    # the person noun before it is the head: "manning checkpoints" says where they were
    assert rows("Six ISIS fighters manning checkpoints were killed in the raid.") == [
        ("ISIS", "combatants", "killed", 6, 6)]
    assert rows("The strike killed 14 fighters defending positions in the hills.") == [
        ("militants", "combatants", "killed", 14, 14)]
    # one person: a singular noun may be the head ("a policeman guarding ...")
    assert rows("A policeman guarding checkpoints was killed by a sniper.") == [
        ("soldiers", "combatants", "killed", 1, 1)]


def test_a_verb_with_its_object_is_no_modifier_and_hilltops_are_things():
    assert rows("Its forces captured several hilltops overlooking the town.") == []


# --- 3. the noun after an outcome adjective ---------------------------------------------

def test_the_noun_after_an_outcome_adjective_is_who_the_figure_counts():
    assert rows("The raid left a toll of six dead civilians, the monitor said.") == [
        ("civilians", "civilians", "killed", 6, 6)]
    assert rows("Medics found three dead soldiers at the checkpoint.") == [
        ("soldiers", "combatants", "killed", 3, 3)]
    assert rows("Two wounded fighters were taken to a field clinic.") == [
        ("militants", "combatants", "injured", 2, 2)]


def test_a_verb_beside_the_adjective_gives_the_outcome():
    # "killing three wounded soldiers": the verb says what became of them
    assert rows("The gunmen stormed the ward, killing three wounded soldiers.") == [
        ("soldiers", "combatants", "killed", 3, 3)]
    assert rows("Four wounded civilians died in hospital on Friday.") == [
        ("civilians", "civilians", "killed", 4, 4)]


def test_an_outcome_adjective_with_no_person_noun_after_it_is_read_as_before():
    assert rows("The blast left 7 dead and 15 wounded.") == [
        ("people", "unknown", "killed", 7, 7), ("people", "unknown", "injured", 15, 15)]
    assert rows("Rescuers pulled 4 dead bodies from the rubble.") == [("people", "unknown", "killed", 4, 4)]
    assert rows("Shelling left 9 dead Tuesday in the old city.") == [("people", "unknown", "killed", 9, 9)]
    # no clause of its own read as the victims: the lede runs on without a full stop
    got = rows("The offensive left at least 12 dead The Nusra Front launched an offensive on Friday.")
    assert got[:1] == [("people", "unknown", "killed", 12, None)]


# --- 4. a list of groups of different categories -------------------------------------

def test_a_list_mixing_categories_is_of_unknown_category():
    assert rows("The militants killed 35 police officers, nurses and members of the National Defence Forces.") == [
        ("people", "unknown", "killed", 35, 35)]
    # a copy that lost its commas: two plural person nouns side by side are two items
    assert rows("Gunmen killed 48 prison guards workers and members of the National Defence Forces.") == [
        ("people", "unknown", "killed", 48, 48)]
    assert rows("Eleven fighters and civilians died in the raid.") == [("people", "unknown", "killed", 11, 11)]


def test_a_mixed_list_is_no_civilian_whole_because_children_are_among_it():
    got = rows("Clashes killed 10 fighters and civilians, including three children.")
    assert got[0] == ("people", "unknown", "killed", 10, 10)


def test_lists_of_one_category_and_items_of_no_group_keep_the_reading():
    assert rows("Jets killed 10 soldiers and officers near the base.") == [("soldiers", "combatants", "killed", 10, 10)]
    # "drivers" name no category: the volunteers' stays
    assert rows("An airstrike killed 9 aid volunteers and drivers near the warehouse.") == [
        ("civilians", "civilians", "killed", 9, 9)]
    # a second count is a figure of its own, not a list item
    assert rows("Jets killed 9 soldiers and 5 militants.") == [
        ("soldiers", "combatants", "killed", 9, 9), ("militants", "combatants", "killed", 5, 5)]


def test_a_group_with_a_verb_of_its_own_is_no_list_item():
    assert rows("The army killed 12 fighters and civilians fled the town.") == [
        ("militants", "combatants", "killed", 12, 12)]
    assert rows("Shelling killed 5 soldiers and civilians were wounded.")[0] == (
        "soldiers", "combatants", "killed", 5, 5)


# --- 5. a side-changing modifier -------------------------------------------------------

def test_a_side_changing_modifier_makes_no_government_soldier():
    assert rows("Troops clashed with gunmen, killing a dissident officer who commanded a local brigade.") == [
        ("combatants", "combatants", "killed", 1, 1)]
    assert rows("Three defector soldiers were killed in the shelling.") == [
        ("combatants", "combatants", "killed", 3, 3)]
    got = find_casualties("The army killed a renegade colonel and two mutineer officers.")
    assert all(c.side == "" and c.victims != "soldiers" for c in got)


def test_an_officer_with_no_such_modifier_is_still_a_soldier():
    assert rows("The blast killed an officer at the base.") == [("soldiers", "combatants", "killed", 1, 1)]
    assert rows("Four army officers were wounded.")[0][1:] == ("combatants", "injured", 4, 4)


def test_a_mixed_list_leaves_the_claim_its_named_target_not_people():
    from one_document import claims
    got, cas = claims("Last year 58 regime soldiers, nurses and informants were killed in Hama.")
    assert list(cas["category"]) == ["unknown"]
    assert list(got["target"]) == ["Syrian Arab Army"]


# --- a part's noun before another person noun modifies it ------------------------------

def test_women_fighters_and_child_soldiers_are_combatants():
    assert [r[1] for r in rows("Drones killed 6 Kurdish women fighters near the border town.")] == ["combatants"]
    assert [r[1] for r in rows("The raid killed four child soldiers of the militia.")] == ["combatants"]
    # near misses: a list of women and children, and women alone, stay civilians
    assert [r[1] for r in rows("The shelling killed six women and two children.")] == ["civilians", "civilians"]
    assert [r[1] for r in rows("Three women were killed in the strike.")] == ["civilians"]
