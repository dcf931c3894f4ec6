"""Relative clauses describe a noun: the act they tell of it is not the
sentence's own act (issue 11: 'the jets that had attacked X were downed')."""
import pytest

from claimscope.actors import find_roles, other_act_clauses
from claimscope.events import event_type

from builtin_knowledge import K, bind

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


def test_the_subject_of_a_passive_main_clause_is_its_target_not_the_clause_object():
    r = find_roles("The Turkish soldiers that had attacked Kurdish fighters were ambushed on Monday.")
    assert (r.perpetrator, r.target) == ("", "Turkish Armed Forces")


@pytest.mark.parametrize("s", [
    "Russian jets carried out an earlier strike on the outskirts of the town which destroyed an ISIS command post.",
    "The raids were carried out by a coalition including Arab nations that hit ISIS in eastern Syria.",
])
def test_a_clause_ending_the_sentence_may_tell_the_main_act_on(s):
    assert other_act_clauses(s) == []
    assert find_roles(s).target == "ISIS"


@pytest.mark.parametrize("s", [
    "Western states said the government was responsible for that attack.",          # a determiner, not a relative
    "It was unclear who had carried out the strike which hit the town.",            # an indirect question
    "Officials said it was the rebels that used chemical weapons in the town.",      # a cleft: the main assertion
])
def test_determiners_questions_and_clefts_are_no_relative_clauses(s):
    assert other_act_clauses(s) == []


# --- other frames read for the UCDP-AEC dyads (issue 10) ----------------------------------------

def test_the_harm_is_by_whoever_follows_by():
    r = find_roles("Monitors documented the death of a regime soldier by rebel sniper on the frontline.")
    assert (r.perpetrator, r.perpetrator_cue) == ("Syrian opposition", "by_phrase")


def test_a_bare_faction_names_no_side():
    """'a faction commander' may be of any armed group (an al-Qaeda affiliate's, in a report read): no actor."""
    assert find_roles("The attack targeted a faction commander.").target == ""


def test_who_is_stationed_at_a_place_is_not_what_was_hit():
    r = find_roles("Rebels shelled the airport, where Turkish forces are stationed, on Friday.")
    assert r.target != "Turkish Armed Forces"


def test_who_an_act_is_attributed_to_is_never_its_target():
    assert find_roles("The shelling was alleged PKK/YPG or attributed to the Syrian regime.").target == ""


def test_proxy_militias_beside_the_subject_keep_it_the_actor():
    r = find_roles("Regime forces and their proxy militias stormed a farm near the town.")
    assert r.perpetrator == "Syrian Arab Army"


@pytest.mark.parametrize("s", [
    "Officials said the regime helicopters that had bombed Turkish positions were brought down by rebels.",
    "Three missile batteries were destroyed, one of which had shot down a Turkish drone on Friday.",
    "Two batteries, some of whom had shelled the town, withdrew.",  # "some of whom" needs no auxiliary after it
    "The planes that shelled the town returned.",  # no auxiliary after it: none
])
def test_the_word_gates_before_the_clause_regex_keep_every_clause(s):
    """A sentence's words skip the clause regex only where it cannot match: same clauses with them."""
    from claimscope.sentences import sentence_words
    assert other_act_clauses(s, words=sentence_words(s)) == other_act_clauses(s)
    assert bool(other_act_clauses(s)) == (" were " in s or " of wh" in s)


@pytest.mark.parametrize("s", [
    "THE JETS THAT HAD ATTACKED TURKISH PLANES WERE DOWNED.",
    "Batteries fired; Some of which had shelled the town withdrew, and two of whom had attacked were seen.",
    "Which jets that had bombed Afrin were downed? One of which had shot down a drone was hit.",
    "Drones that-had attacked; x-which had attacked were downed, unthat had attacked were",
])
def test_the_clause_scan_from_word_starts_finds_what_the_clause_regex_finds(s):
    """With the words, the clause regex is tried only where a quantifier or relative word begins
    (`resources.PhraseScan`): the clauses it finds are the regex's own."""
    from claimscope.actors import _relative_patterns
    from claimscope.sentences import sentence_words
    clause, _, _, scan = K.derived(_relative_patterns)
    assert [m.span() for m in scan.finditer(s, sentence_words(s))] == [m.span() for m in clause.finditer(s)]
    assert other_act_clauses(s, words=sentence_words(s)) == other_act_clauses(s)
