"""UCDP's sides carry the forces UCDP codes under them (data/ucdp_crosswalk.yaml):
Iranian-backed militias and Russia's air force fight on the Government of
Syria's side, the US-led coalition on the SDF's. Synthetic one-incident
reports whose right dyad is known by hand."""

import pandas as pd
import pytest

from claimscope.evaluate_ucdp import crosswalk, score_ucdp

from builtin_knowledge import bind

score_ucdp = bind(score_ucdp)


def _report(perpetrator: str, victims: str, *, category: str = "combatants", side: str = "") -> dict:
    claims = pd.DataFrame([{"claim_id": "c1", "doc_id": "1", "start": 0, "negated": False, "incident_id": "i1",
                            "perpetrator": perpetrator, "target": "", "sentence": "A made-up sentence."}])
    casualties = pd.DataFrame([{"claim_id": "c1", "outcome": "killed", "min": 2, "max": 2, "victims": victims,
                                "category": category, "side": side}])
    incidents = pd.DataFrame([{"incident_id": "i1", "date_start": "2022-05-01", "date_end": "2022-05-01",
                               "governorate": "Homs", "casualties_best": 2, "title": "t"}])
    return {"documents": pd.DataFrame({"doc_id": ["1"]}), "claims": claims, "casualties": casualties,
            "incidents": incidents}


def _label(side_a: str, side_b: str, *, civilians: int = 0) -> pd.DataFrame:
    return pd.DataFrame([{"ged_id": 1, "start_date": "2022-05-01", "end_date": "2022-05-01",
                          "location_adm1_name": "Homs governorate", "side_a_name": side_a, "side_b_name": side_b,
                          "deaths_low": 2, "deaths_high": 2, "deaths_civilian": civilians}])


def _dyad(tables, labels) -> bool:
    return bool(score_ucdp(tables, labels)["details"]["dyad_ok"].iloc[0])


@pytest.mark.parametrize("perp,victims,category,side,label,ok", [
    # ISIS kills Iranian-backed militiamen: UCDP codes Government of Syria / IS
    ("ISIS", "Iranian forces", "combatants", "iran", ("Government of Syria", "IS", 0), True),
    # Russian air strikes kill civilians in Idlib: Government of Syria / Syrian insurgents, civilian deaths
    ("Russian Aerospace Forces", "civilians", "civilians", "", ("Government of Syria", "Syrian insurgents", 2), True),
    # a coalition drone kills ISIS members: IS / SDF
    ("US-led coalition", "ISIS", "combatants", "jihadist", ("IS", "SDF", 0), True),
    # but Iran is no side of a Turkey-SDF dyad, nor ISIS of an Israel-Iran one
    ("ISIS", "Iranian forces", "combatants", "iran", ("Government of Israel", "Government of Iran", 0), False),
    ("Turkish Armed Forces", "Iranian forces", "combatants", "iran", ("SNA", "SDF", 0), False),
])
def test_allied_forces_count_on_the_side_ucdp_codes_them(perp, victims, category, side, label, ok):
    assert _dyad(_report(perp, victims, category=category, side=side), _label(*label[:2], civilians=label[2])) is ok


def test_unnamed_perpetrators_never_match():
    """UCDP attributes unclaimed attacks; the tool does not, so they stay misses."""
    assert not _dyad(_report("", "Syrian Arab Army", side="syrian_government"),
                     _label("Government of Syria", "Syrian insurgents"))


def test_the_crosswalk_keeps_each_actor_on_its_own_side_too():
    sides = crosswalk()["sides"]
    assert {"syrian_government", "iran", "russia"} <= sides["Government of Syria"]
    assert sides["Government of Iran"] == {"iran", "syrian_government"}   # Israeli strikes: the Iran - Israel dyad
    assert sides["Government of Russia (Soviet Union)"] == {"russia"}
    assert {"kurdish", "us_coalition"} <= sides["SDF"]


def _multi(perpetrators_targets: list[tuple[str, str]], figures: list[tuple[str, str, str]]) -> dict:
    """One incident of several claims (perpetrator, target) and killed figures (victims, category, side)."""
    claims = pd.DataFrame([{"claim_id": f"c{i}", "doc_id": "1", "start": i, "negated": False, "incident_id": "i1",
                            "perpetrator": p, "target": t, "sentence": "A made-up sentence."}
                           for i, (p, t) in enumerate(perpetrators_targets)])
    casualties = pd.DataFrame([{"claim_id": "c0", "outcome": "killed", "min": 1, "max": 1, "victims": v,
                                "category": c, "side": s} for v, c, s in figures])
    incidents = pd.DataFrame([{"incident_id": "i1", "date_start": "2022-05-01", "date_end": "2022-05-01",
                               "governorate": "Homs", "casualties_best": 2, "title": "t"}])
    return {"documents": pd.DataFrame({"doc_id": ["1"]}), "claims": claims, "casualties": casualties,
            "incidents": incidents}


def test_an_attacker_that_lost_men_meets_the_side_it_attacked():
    """'regime forces stormed a house of ISIS suspects; a regime soldier was killed': Government of Syria / IS."""
    t = _multi([("Syrian Arab Army", "ISIS")], [("Syrian Arab Army", "combatants", "syrian_government")])
    assert _dyad(t, _label("Government of Syria", "IS"))
    assert not _dyad(t, _label("Government of Syria", "SDF"))


def test_dead_fighters_of_two_sides_with_no_perpetrator_are_the_two_sides_of_a_clash():
    """'two soldiers and two SDF members killed in clashes between them': Government of Syria / SDF."""
    t = _multi([("", "")], [("Syrian Arab Army", "combatants", "syrian_government"),
                            ("Syrian Democratic Forces", "combatants", "kurdish")])
    assert _dyad(t, _label("Government of Syria", "SDF"))
    one_side = _multi([("", "")], [("Syrian Arab Army", "combatants", "syrian_government")])
    assert not _dyad(one_side, _label("Government of Syria", "SDF"))   # one side's dead name no dyad


def test_civilians_and_another_sides_fighters_dead_make_the_dyad_with_that_side():
    """'a Turkish drone strike killed children and two SDF members': SNA / SDF even with no civilian deaths coded."""
    t = _multi([("Turkish Armed Forces", "")], [("children", "civilians", ""), ("children", "civilians", ""),
                                                ("Syrian Democratic Forces", "combatants", "kurdish")])
    assert _dyad(t, _label("SNA", "SDF"))
    only_civilians = _multi([("Turkish Armed Forces", "")], [("children", "civilians", "")])
    assert not _dyad(only_civilians, _label("SNA", "SDF"))   # no civilian deaths coded: not this dyad


def test_infighting_between_two_factions_of_one_side_is_told_by_the_actors():
    """'a leader of a tribe fighting under the banner of the Hamza Division killed a member of Ahrar
    al-Sharqiya': both Turkish-backed, UCDP's dyad names the two factions (crosswalk `actors`)."""
    t = _multi([("Hamza Division", "Ahrar al-Sharqiya")], [("Ahrar al-Sharqiya", "combatants", "turkey")])
    assert _dyad(t, _label("Ahrar al-Sharqiya", "Hamza Division"))
    # one faction only, or a faction's own dead: no dyad of the two
    own = _multi([("Hamza Division", "")], [("Hamza Division", "combatants", "turkey")])
    assert not _dyad(own, _label("Ahrar al-Sharqiya", "Hamza Division"))
    other = _multi([("Hamza Division", "")], [("Turkish-backed factions", "combatants", "turkey")])
    assert not _dyad(other, _label("Ahrar al-Sharqiya", "Hamza Division"))


def test_a_clash_consensus_names_the_side_whose_dead_are_not_the_victims():
    """'Kurdish fighters repelled a raid by Turkish-backed gunmen, two of whom died, as Turkish guns shelled the
    village': the incident's perpetrator consensus holds both sides of the clash (`;`-joined); its dead are the
    gunmen, so the side that killed them is the Kurdish one: SNA / SDF."""
    t = _multi([("Turkish-backed factions", ""), ("Syrian Democratic Forces", "Turkish-backed factions"),
                ("Turkish Armed Forces", "")], [("Turkish-backed factions", "combatants", "turkey")])
    t["incidents"]["perpetrator"] = "Syrian Democratic Forces;Turkish Armed Forces"
    t["incidents"]["target"] = "Turkish-backed factions"
    assert _dyad(t, _label("SNA", "SDF"))
    # dead of neither side: the clash names no killer
    civ = _multi([("Turkish-backed factions", "")], [("Syrian Arab Army", "combatants", "syrian_government")])
    civ["incidents"]["perpetrator"] = "Syrian Democratic Forces;Turkish Armed Forces"
    civ["incidents"]["target"] = ""
    assert not _dyad(civ, _label("Government of Syria", "SDF"))
