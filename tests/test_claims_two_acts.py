"""A sentence that tells two acts in coordinated clauses (audit19 cause 3):
the second act's places, actors, target and victims' names are not the
first act's (claims._second_act_split, actors.second_act). A second act
told with figures of its own is a claim of its own; one told without is
left out of the first act's claim. Near misses (one act's harm, one act's
places) stay one claim as they were. Sentences written for these tests."""

from __future__ import annotations

from one_document import claims


def rows(text):
    got, cas = claims(text)
    return [(r, cas[cas.claim_id == r.claim_id]) for _, r in got.iterrows()]


def test_a_second_act_elsewhere_gives_the_first_none_of_its_places_target_or_victims():
    (c, cas), = rows("Government forces killed dozens of militants in Saraqib in the Idlib countryside and "
                     "bombed ISIS positions in Deir ez-Zor province on Tuesday.")
    assert c.places.split(";") == ["Saraqib", "Idlib"] and c.governorate == "Idlib"
    assert c.perpetrator == "Syrian Arab Army" and c.target == ""
    assert list(cas.victims) == ["militants"]  # not the second act's ISIS


def test_the_subject_of_a_second_clause_is_no_target_of_the_first():
    (c, _), = rows("Rebels shelled government-held districts of Aleppo on Monday and the regime hit rebel areas "
                   "with air strikes, the monitor said.")
    assert c.perpetrator == "Syrian opposition" and c.target == ""
    assert c.event_type == "shelling"  # the first act's, not the second's air strikes


def test_a_second_act_with_figures_of_its_own_is_a_claim_of_its_own():
    (a, acas), (b, bcas) = rows("Government forces bombed ISIS positions in Deir ez-Zor province on Tuesday and "
                                "killed 12 militants in Saraqib in the Idlib countryside, the monitor said.")
    assert a.sentence.endswith("Deir ez-Zor province on Tuesday") and a.governorate == "Deir ez-Zor" and acas.empty
    assert b.sentence.startswith("killed 12 militants") and b.governorate == "Idlib"
    assert list(bcas["min"]) == [12]
    # both acts keep what the sentence says of both: the subject, the day, the voice
    assert a.perpetrator == b.perpetrator == "Syrian Arab Army"
    assert a.event_date == b.event_date == "2021-03-09"
    assert a.source == b.source != "(unknown outlet)"


def test_a_run_on_headline_of_two_acts_keeps_each_act_its_place():
    text = ("Syrian Army Kills 12 Terrorists in Palmyra Advances in Douma\n\n"
            "The army killed 12 terrorists near Palmyra on Tuesday, a military source said.")
    head = rows(text)[0][0]
    assert head.places == "Palmyra"
    text = ("Syrian Army Retakes Saraqib in Idlib Kills 40 Terrorists in Hama\n\n"
            "The army killed 40 terrorists in the Hama countryside on Tuesday, a military source said.")
    (head, cas), *_ = rows(text)
    assert head.sentence == "Kills 40 Terrorists in Hama" and head.governorate == "Hama"
    assert list(cas["min"]) == [40]


def test_one_acts_harm_and_places_stay_one_claim():
    # near misses: the harm of one act, one act's places, an act noun before the verb, a headline's
    # act noun that is no actor doing the act
    (c, cas), = rows("Government forces killed 5 people in Saraqib and wounded 10 others on Tuesday.")
    assert c.places == "Saraqib" and sorted(cas.outcome) == ["injured", "killed"]
    (c, _), = rows("Government forces shelled Saraqib and Ariha on Tuesday, killing 4 civilians.")
    assert c.places.split(";") == ["Saraqib", "Ariha"]
    (c, _), = rows("Government forces shelled Saraqib and struck Ariha on Tuesday, killing 4 civilians.")
    assert c.places.split(";") == ["Saraqib", "Ariha"]
    (c, _), = rows("Jets killed and injured many militants in Saraqib and in Deir ez-Zor on Tuesday.")
    assert set(c.places.split(";")) == {"Saraqib", "Deir ez-Zor"}
    (c, _), = rows("In fresh raids Russian and Syrian jets pounded rebel-held parts of Idlib on Tuesday.")
    assert c.places == "Idlib" and c.event_type == "airstrike"
    (c, cas), *_ = rows("Car Bomb in Douma Kills 5 in Damascus\n\nA car bomb killed five people in Damascus on "
                        "Tuesday, the police said.")
    assert set(c.places.split(";")) == {"Douma", "Damascus"} and list(cas["min"]) == [5]
