"""Bare aliases: "factions" names the armed opposition only as a class, never
when a modifier, a determiner or a link ties it to one group (data/syria/actors.yaml
`bare_aliases`, `bare_modifiers`; language pack actors.yaml `bare_leads`,
`bare_followers_not`). Sentences written for these tests."""

import pytest

from claimscope.actors import find_actors, find_roles, phrase_actors

from builtin_knowledge import bind

find_actors = bind(find_actors)
find_roles = bind(find_roles)
phrase_actors = bind(phrase_actors)


@pytest.mark.parametrize("sentence,perp,target", [
    # a clause opens on the bare plural: the factions acted
    ("A government captain died on Monday, where factions shelled the frontline north of the dam.",
     "Syrian opposition", ""),
    # a bare modifier before a unit noun after "by": the factions' sniper
    ("Activists recorded the death of a conscript by faction sniper on the hill road.", "Syrian opposition", ""),
    # headline style: "Faction attack | ..."
    ("Faction attack | Army conscript killed near the old mill", "Syrian opposition", ""),
    # after an act verb: the factions were hit
    ("Regime forces shelled factions’ positions along the hills at dawn.", "Syrian Arab Army", "Syrian opposition"),
])
def test_bare_factions_are_the_opposition(sentence, perp, target):
    r = find_roles(sentence)
    assert (r.perpetrator, r.target) == (perp, target)


@pytest.mark.parametrize("sentence", [
    "A member of a local faction affiliated to the air force intelligence was shot near the bakery.",
    "Palestinian factions held a meeting in the camp on Sunday.",
    "Two members of the same faction were wounded in the quarrel.",
    "Rival factions traded accusations over the checkpoint.",
    "Twelve fighters of factions that signed settlement deals joined the army's ranks.",
    "Fighters of factions operating under the banner of the Turkish-backed army took the hill.",
    "The attack wounded a faction commander, the monitor said.",   # which faction: not said
    "Members of the factions stormed the tribe's houses.",         # "the factions": maybe ones named before
    "Ahrar al-Sham faction fighters moved to the front.",
    "Two men died in renewed clashes between factions in the market.",     # infighting: no one side
    "The tribe seized weapons of factions outside the town.",
])
def test_modified_or_tied_factions_name_no_one(sentence):
    assert [m.raw for m in find_actors(sentence) if m.name == "Syrian opposition"] == []


def test_longer_aliases_still_win():
    assert [m.name for m in find_actors("Turkish-backed factions shelled the village.")] == ["Turkish-backed factions"]
    assert [m.name for m in find_actors("Opposition factions shelled the village.")] == ["Syrian opposition"]
    r = find_roles("A corporal was shot dead by factions of Al-Fath al-Mubin on the front line.")
    assert r.perpetrator == "Al-Fath al-Mubin operations room"


def test_a_cut_phrase_does_not_read_a_bare_spelling_at_its_end():
    # a victims phrase cut out of "... fighters of factions that signed deals": the link after it is left out
    assert phrase_actors("40 fighters held by factions") == ()
    assert phrase_actors("a faction fighter") == ()
    assert [m.name for m in find_actors("Regime artillery hit 40 posts held by factions.")] == \
        ["Syrian Arab Army", "Syrian opposition"]


# --- an exchange of fire: a mutual act, neither side said to have caused the casualties ---------

@pytest.mark.parametrize("sentence,perp,target", [
    ("Turkish soldiers and SDF fighters exchanged heavy artillery fire overnight near the dam, leaving a shepherd dead.",
     "Turkish Armed Forces", "Syrian Democratic Forces"),
    ("Regime forces exchanged fire with Hayat Tahrir al-Sham near the bridge on Friday.",
     "Syrian Arab Army", "Hayat Tahrir al-Sham"),
    ("Monitors recorded an exchange of mortar shells between the SDF and Turkish-backed factions near the silo.",
     "Syrian Democratic Forces", "Turkish-backed factions"),
    ("Observers reported exchanges of heavy machine guns between “Jaish al-Izza” and regime forces on the ridge.",
     "Syrian opposition", "Syrian Arab Army"),
    # infighting: two factions of one side
    ("Hamza Division and Ahrar al-Sharqiya gunmen exchanged fire in the market, wounding a vendor.",
     "Hamza Division", "Ahrar al-Sharqiya"),
])
def test_exchange_of_fire_names_both_sides(sentence, perp, target):
    r = find_roles(sentence)
    assert (r.perpetrator, r.perpetrator_cue, r.target) == (perp, "exchange", target)


@pytest.mark.parametrize("sentence", [
    "Russian and Turkish officials exchanged views on the SDF withdrawal.",      # no fire
    "The SDF and the Syrian Army exchanged prisoners at the crossing.",         # no fire
    "Turkey and the SDF exchanged accusations of ceasefire violations.",        # "ceasefire" is no fire
])
def test_exchange_needs_fire(sentence):
    assert find_roles(sentence).perpetrator_cue != "exchange"


def test_a_named_attacker_wins_over_the_exchange():
    # the frames that name who acted come first; the exchange is read only where none did
    r = find_roles("Turkish drones struck an SDF post after Turkish troops and SDF fighters exchanged fire.")
    assert (r.perpetrator, r.perpetrator_cue) == ("Turkish Armed Forces", "agent")


# --- the speaker is never the target by being the speaker -------------------------------------

@pytest.mark.parametrize("sentence,perp,target", [
    ("Regime artillery hit the bakery at noon, Russia's defence ministry said on Monday.", "Syrian Arab Army", ""),
    ("Rockets struck the crowded market on Friday, Kremlin spokesman Ivan Petrov said.", "", ""),
    ("Turkish drones struck a car on the ring road according to the SDF.", "Turkish Armed Forces", ""),
    ("Mortar fire killed four people in the camp, Syrian state television reported.", "", ""),
    ("Three bakers were wounded in the blast in the old quarter the Turkish army statement added.", "", ""),
    ("The pharmacy was shelled at dawn, according to the Telegram channel of the SDF.", "", ""),
])
def test_the_speaker_is_not_the_target(sentence, perp, target):
    r = find_roles(sentence)
    assert (r.perpetrator, r.target) == (perp, target)


def test_a_speaker_named_in_a_possessive_is_not_the_target():
    r = find_roles("Five Turkish soldiers were martyred in a drone strike by regime forces, "
                   "the governor of Turkey's Kilis province said.")
    assert (r.perpetrator, r.target != "Turkey") == ("Syrian Arab Army", True)


@pytest.mark.parametrize("sentence,target", [
    ("Turkish drones struck SDF positions near the silos, activists said.", "Syrian Democratic Forces"),
    # the speaker phrase after the target holds another actor: that one speaks
    ("Turkish jets hit YPG positions Turkish military sources said.", "Syrian Democratic Forces"),
    ("Regime shelling hit Turkish troops in the village, Turkish media reported.", "Turkish Armed Forces"),
])
def test_a_target_before_another_speaker_stays(sentence, target):
    assert find_roles(sentence).target == target


# --- "a building used by X": X uses the place, it did not act -----------------------------------

@pytest.mark.parametrize("sentence,perp,target", [
    ("Twelve guards were killed when a blast brought down a school used by the regime in the old market.", "", ""),
    ("The rebels shelled the airport, including a hangar area used by Russian forces near the runway.",
     "Syrian opposition", "Russian forces"),
    ("Russian jets destroyed dozens of fuel trucks and depots used by ISIS east of the river.", "Russian Aerospace Forces", "ISIS"),
])
def test_premises_used_by_an_actor_name_no_perpetrator(sentence, perp, target):
    r = find_roles(sentence)
    assert (r.perpetrator, r.target) == (perp, target)


@pytest.mark.parametrize("sentence,perp", [
    ("Chemical weapons used by the regime killed dozens in the suburb.", "Syrian government"),   # a weapon: its user acted
    ("The orchards have been used by rebels to launch rockets at the city.", "Syrian opposition"),  # used for an act
])
def test_weapons_and_places_used_for_an_act_keep_their_user_as_perpetrator(sentence, perp):
    assert find_roles(sentence).perpetrator == perp


# --- an ally or backer named beside the act is not the one hit ----------------------------------

@pytest.mark.parametrize("sentence,perp", [
    ("The raid was probably carried out by Russian jets which fly in support of the Syrian regime.", "Russian Aerospace Forces"),
    ("It was not clear whether the planes were Syrian or those of its ally Russia.", ""),
    ("Gunmen stormed the checkpoint in an assault backed by the US-led coalition.", ""),
    ("The truce was brokered between the regime's allies Russia and Iran and opposition backer Turkey.", ""),
])
def test_an_ally_is_not_the_target(sentence, perp):
    r = find_roles(sentence)
    assert (r.perpetrator, r.target) == (perp, "")


@pytest.mark.parametrize("sentence,target", [
    ("Rebels killed nine fighters loyal to the Syrian regime near the dam.", "Syrian government"),  # loyal: whose men were hit
    ("Turkish drones struck SDF positions and Russian patrols near the town.", "Syrian Democratic Forces"),
])
def test_targets_beside_no_ally_stay(sentence, target):
    assert find_roles(sentence).target == target


# --- "by X" names who acted: never the one hit ------------------------------------------------

@pytest.mark.parametrize("sentence,perp,target", [
    # a modifier coordinated before the agent: a joint act names neither actor (naming one would set it
    # against an account naming the other as a perpetrator conflict) and neither is the one hit
    ("Six farmers died in heavy bombardment by Russian and Syrian warplanes of the olive groves.", "", ""),
    ("Nine people were killed in raids by the Russian and regime air forces on the bakery.", "", ""),
    # the agent after "by" far from its act noun is no target either
    ("Eight people were killed on Friday in the old town by insurgents' mortars.", "", ""),
    ("A series of raids on the valley overnight by the US-led coalition killed 12 ISIS members.", "", "ISIS"),
    ("Five civilians died in strikes launched by the aircraft of the US-led coalition on the camp.", "US-led coalition", ""),
])
def test_by_names_who_acted(sentence, perp, target):
    r = find_roles(sentence)
    assert (r.perpetrator, r.target) == (perp, target)


@pytest.mark.parametrize("sentence,perp,target", [
    # alternatives: which one acted is not said
    ("Two bakers were killed in strikes carried out by Syrian or Russian warplanes on the town.", "", ""),
    # a campaign told aside, coordinated or not
    ("Turkey sent more troops to the area - Week of bombing by the Syrian Army and Russia", "", ""),
    # after an owner or holding participle, the holder may be the one hit
    ("Turkish artillery shelled positions held by the SDF near the dam.", "Turkish Armed Forces", "Syrian Democratic Forces"),
    ("Rebels shelled the airbase used by Russian forces in the hills.", "Syrian opposition", "Russian forces"),
])
def test_by_near_misses(sentence, perp, target):
    r = find_roles(sentence)
    assert (r.perpetrator, r.target) == (perp, target)


def test_a_dateline_capital_is_a_place():
    assert find_actors("DAMASCUS (Reuters) - Rockets hit a bakery in the old city on Monday.") == []
    assert [m.name for m in find_actors("Damascus blamed the rebels.")] == ["Syrian government", "Syrian opposition"]


# --- alternatives: "Syrian or Russian jets" asserts neither ------------------------------------

@pytest.mark.parametrize("sentence", [
    "Four shepherds were killed in Syrian or Russian air raids on the valley.",
    "The monitor said the raids were carried out by either Russian or regime warplanes.",
    "Residents said the strike was carried out either by the regime or Russian warplanes.",
    "The group did not know whether Syrian or Russian jets had bombed the clinic.",
])
def test_alternatives_name_no_perpetrator(sentence):
    assert (find_roles(sentence).perpetrator, find_roles(sentence).target) == ("", "")


def test_one_actor_in_two_spellings_is_no_alternative():
    r = find_roles("Turkish drones struck SDF or YPG positions near the silos.")
    assert (r.perpetrator, r.target) == ("Turkish Armed Forces", "Syrian Democratic Forces")


def test_where_fire_came_from_is_not_the_target():
    r = find_roles("Several rockets hit the village, fired from areas of Kurdish and regime forces to the south.")
    assert r.target == ""
    # the frame that reads who fired stays
    assert find_roles("A patrol came under fire from Turkish positions near the border.").perpetrator == "Turkish Armed Forces"


def test_exchange_with_a_long_first_side_phrase():
    r = find_roles("Clashes went on amid an exchange of mortars and fire between “Jaish al-Izza” operations room "
                   "fighters and regime forces near the dam.")
    assert (r.perpetrator, r.perpetrator_cue, r.target) == ("Syrian opposition", "exchange", "Syrian Arab Army")


def test_the_side_a_perpetrator_fights_for_is_not_its_target():
    r = find_roles("Dozens died in barrel bomb attacks carried out by the Syrian air force loyal to the Assad regime.")
    assert (r.perpetrator, r.target) == ("Syrian Arab Army", "")
    # the victims' patron stays the target: whose men were hit
    assert find_roles("Rebels killed nine fighters loyal to the Syrian regime near the dam.").target == "Syrian government"
