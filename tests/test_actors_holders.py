"""Who is not the target nor the perpetrator though named beside the act
(session 10, audits 11 and 12): one of two alternatives, the holder of the
area hit, a city that stands for its government, the subject of an
infinitive. Sentences written for these tests; each rule has a near miss
that keeps its role."""

from claimscope.actors import find_actors, find_roles

from builtin_knowledge import bind

find_roles = bind(find_roles)
find_actors = bind(find_actors)


def test_an_alternative_the_table_does_not_name_still_asserts_no_perpetrator():
    r = find_roles("It was unclear whether the raids on the village were carried out by Syrian government or Russian war planes.")
    assert r.perpetrator == ""
    r = find_roles("Residents said the shells were fired by the regime or by unknown gunmen.")
    assert r.perpetrator == ""
    # near miss: two spellings of one actor are no alternative
    r = find_roles("Turkish drones struck SDF or YPG positions near Tal Rifaat.")
    assert r.perpetrator == "Turkish Armed Forces" and r.target == "Syrian Democratic Forces"
    r = find_roles("It is unclear if the raid was carried out by Syrian government planes or those of its ally Russia.")
    assert r.perpetrator == ""
    # near miss: an alternative of the actor's own camp keeps it asserted
    assert find_roles("The bombing was carried out by Hezbollah or its allies, the ministry said.").perpetrator == "Hezbollah"
    # near miss: an actor with no "or" after it keeps its role
    assert find_roles("The raids were carried out by Syrian government planes, the monitor said.").perpetrator


def test_the_second_of_two_alternatives_after_a_preposition_is_no_target():
    r = find_roles("The shelling aims to turn residents against the rebel factions or against IS, activists said.")
    assert r.target == ""


def test_who_holds_the_ground_hit_is_not_the_target():
    for s in ["Nine civilians died in air raids on the Tell Ahmar district that is controlled by the Islamic State group.",
              "Jets bombed a village in rural Raqqa held by the Islamic State group [IS], killing five farmers.",
              "Warplanes pounded IS-held areas on the edge of the city overnight.",
              "A helicopter was hit by gunfire and crashed in an area controlled by the Syrian army."]:
        assert find_roles(s).target == "", s
    # near misses: positions and posts held by X are X's, and hit; an act on X itself names X
    r = find_roles("Turkish jets bombed positions held by Kurdish forces near the border.")
    assert r.target == "Syrian Democratic Forces"
    r = find_roles("Warplanes struck Islamic State militants in the village on Monday.")
    assert r.target == "ISIS"


def test_who_is_at_a_place_or_would_act_is_not_the_target():
    r = find_roles("A raid hit a farm close to an area where Turkish forces are advancing, the monitor said.")
    assert r.target == ""
    r = find_roles("Activists say the ceasefire is a pretext for Russia to bomb the eastern districts.")
    assert r.target == ""
    # near miss: an act against X in that clause still names X
    r = find_roles("The desert is where the militants launch attacks against regime forces every week.")
    assert r.target == "Syrian Arab Army"


def test_a_backed_side_a_bordering_state_and_both_agents_are_no_target():
    r = find_roles("Tehran launched a campaign aimed at bolstering regime positions around Aleppo.")
    assert r.target == ""
    r = find_roles("Jets bombed the town of Sarmada, which borders Turkey, on Sunday.")
    assert r.target == ""
    r = find_roles("Saraqib has been hit by both Syrian government air strikes and Russian raids.")
    assert r.target == "" and r.perpetrator == "Syrian Arab Army"
    # near miss: a bombing aimed at regime positions hits them
    r = find_roles("Rebels launched rockets at regime positions around Aleppo.")
    assert r.target == "Syrian Arab Army"


def test_the_sides_of_a_pair_are_not_the_one_hit():
    for s in ["Twelve civilians were killed in mutual shelling between regime forces and rebels near Daraa.",
              "Shelling on the market left nine dead amid clashes between pro-government and opposition forces.",
              "Rockets paved the way for the Turkish-backed factions to advance on the village."]:
        assert find_roles(s).target == "", s
    # near miss: an act on one side, with no pair, still names it
    assert find_roles("Rebels shelled regime forces near Daraa on Monday.").target == "Syrian Arab Army"


def test_the_side_that_takes_control_is_not_the_one_hit():
    r = find_roles("Four civilians were killed in the fighting, which led to the Nusra Front and its allies taking control of Tal Hamam.")
    assert r.target == ""
    # near miss: a strike on a group after it took control still hits the group
    assert find_roles("Jets struck the Nusra Front after it took control of the town.").target == "al-Nusra Front"


def test_an_actors_act_names_who_acted_not_who_was_hit():
    for s in ["The Kremlin warned against new US missile strikes on the air base.",
              "The town is often hit in Russian air strikes, residents said."]:
        assert find_roles(s).target == "", s
    # near miss: a countered attack's actor was the one hit back
    assert find_roles("Troops repelled the ISIS attack on villages near Salamiyah.").target == "ISIS"


def test_a_city_named_as_a_place_is_not_its_government():
    for s in ["Two suicide bombers blew themselves up outside a police station in central Damascus on Monday.",
              "A car bomb killed nine people near a Damascus market, state media said.",
              "Mortar shells slammed into the Syrian capital of Damascus, wounding four."]:
        assert all(m.name != "Syrian government" for m in find_actors(s)), s
    assert find_roles("Rockets hit the Damascus suburbs of Douma and Harasta before dawn.").target == ""
    # the object of an act: the city hit (audit14: "hit the capital Damascus"), not the government
    for s in ["Two car bombs hit the capital Damascus on Saturday, killing 40 people.",
              "Rockets hit central Damascus on Saturday, killing four people.",
              "Rebels shelled Damascus, killing four civilians."]:
        assert find_roles(s).target == "", s
    assert find_roles("Damascus shelled rebel positions in Douma.").perpetrator == "Syrian government"  # near miss
    # near miss: the capital standing for its government keeps it
    assert find_roles("Ankara blamed Damascus for the attack on the border post.").perpetrator == "Syrian government"


def test_where_the_attackers_are_posted_or_that_they_respond_does_not_hide_them():
    # audit14: "Turkish forces stationed in Thalthana base fired ..." had no perpetrator
    assert find_roles("Turkish forces stationed in a border base fired missiles on the vicinity of Tal Rifaat."
                      ).perpetrator == "Turkish Armed Forces"
    assert find_roles("Moreover, Turkish forces responded by shelling two villages near Tal Rifaat."
                      ).perpetrator == "Turkish Armed Forces"
    assert find_roles("Meanwhile, the Turkish forces responded by shelling two villages near Tal Rifaat."
                      ).perpetrator == "Turkish Armed Forces"   # with the article too
    # near miss: the post is no actor of its own
    assert find_roles("Regime forces stationed near Saraqib shelled the town of Kansafra.").perpetrator \
        == "Syrian Arab Army"
