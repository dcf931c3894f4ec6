"""Relative clauses describe a noun: the act they tell of it is not the
sentence's own act (issue 11: 'the jets that had attacked X were downed')."""
import pytest

from claimscope.actors import find_roles, other_act_clauses
from claimscope.events import event_type

from builtin_knowledge import bind

find_roles = bind(find_roles)
other_act_clauses = bind(other_act_clauses)
event_type = bind(event_type)


def test_the_object_of_a_relative_clause_is_not_the_target_of_the_main_clause():
    s = "Officials said the regime helicopters that had bombed Turkish positions were brought down by rebels."
    r = find_roles(s)
    assert r.target != "Turkish Armed Forces"
    s = "The two jets of the regime that had attacked Turkish planes were downed near the border."
    r = find_roles(s)
    assert r.target == "Syrian government" and r.perpetrator == ""


def test_a_quantified_relative_clause_does_not_type_the_sentence():
    s = "Three missile batteries were destroyed, one of which had shot down a Turkish drone on Friday."
    assert [s[a:b] for a, b in other_act_clauses(s)] == ["one of which had shot down a Turkish drone on Friday"]
    got = event_type(s)
    assert got is not None and got.type != "drone_strike"


@pytest.mark.parametrize("s", [
    "An airstrike that killed eleven civilians hit the market in the town.",        # the clause goes on telling the act
    "Seven villagers who were killed in Russian airstrikes were buried today.",      # a passive: the noun's own harm
    "The monitor said that Turkish drones struck the village.",                      # 'that' opens a complement
])
def test_clauses_that_tell_the_main_act_are_kept(s):
    assert other_act_clauses(s) == []


def test_a_passive_relative_clause_still_names_its_perpetrator():
    r = find_roles("Seven villagers who were killed in Russian airstrikes were buried today.")
    assert r.perpetrator == "Russian Aerospace Forces"


def test_the_subject_of_an_active_main_clause_stays_the_perpetrator():
    r = find_roles("Turkish forces, which had attacked the town a week ago, shelled SDF positions on Monday.")
    assert r.perpetrator == "Turkish Armed Forces" and r.target == "Syrian Democratic Forces"
