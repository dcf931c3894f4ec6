"""Headlines that tell two acts in one line (sentences.headline_parts, cut in
claims._cut_sentences), agents named after "carried out by" and the like
(actors.find_roles, roles.yaml agent_premodifiers) and clauses set aside from
the main act (actors.aside_clauses: "while trying to ...", "in order to ...").
Sentences written for these tests, with near misses the rules must not change."""

from __future__ import annotations

import datetime as dt

import pytest

from claimscope.actors import aside_clauses, find_roles
from claimscope.claims import DocumentInput, extract_chunk
from claimscope.sentences import headline_parts

from builtin_knowledge import K, bind

find_roles = bind(find_roles)
aside_clauses = bind(aside_clauses)

PUBLISHED = dt.date(2021, 3, 10)
BODY = "The monitor said the dead were counted by its sources in the area on Tuesday."


def _claims(title: str, body: str = BODY):
    doc = DocumentInput(doc_id="d0", text=f"{title}\n{body}", published=PUBLISHED, published_precision="day")
    return extract_chunk([doc], knowledge=K).claims


def _items(line: str) -> list[str]:
    text = f"{line}\n{BODY}"
    spans = headline_parts(text, 0, len(line), knowledge=K,
                           tells_act=lambda item: bool(find_roles(item).perpetrator_cue == "agent"
                                                       or any(c.isdigit() for c in item)))
    return [text[a:b] for a, b in spans]


# --- headline items -----------------------------------------------------------

def test_a_headline_with_two_acts_is_cut_into_one_claim_per_act_with_exact_offsets():
    title = "Two soldiers killed near Kafr Nabl | Government forces shell three villages south of Maarat al-Numan"
    claims = _claims(title, "Local sources said two soldiers were killed near Kafr Nabl by a sniper on Tuesday.")
    text = f"{title}\n"
    heads = claims[claims.start < len(title)]
    first = heads[heads.start == 0].iloc[0]
    assert first.sentence == "Two soldiers killed near Kafr Nabl"
    assert text[first.start:first.end] == first.sentence
    assert "shell" not in first.sentence and "Maarat" not in str(first.places_raw)
    # near miss: a topic label names the act the other item tells: the headline stays one claim
    claims = _claims("Turkish drone attack | Two fighters killed near Amuda")
    assert "Turkish drone attack | Two fighters killed near Amuda" in set(claims.sentence)


def test_items_keep_exact_offsets_and_an_item_without_an_act_stays_with_its_neighbour():
    line = "Latakia | 4 soldiers killed near Kinsabba | Turkish Armed Forces shell two villages | Coast Herald"
    assert _items(line) == ["Latakia | 4 soldiers killed near Kinsabba",
                            "Turkish Armed Forces shell two villages | Coast Herald"]


@pytest.mark.parametrize("line", [
    # near misses: one item names a place, an outlet or a topic: one act, one sentence
    "Latakia | 4 soldiers killed in a rocket attack near Kinsabba",
    "Strike kills 9 near Raqqa | Coast Herald",
    "Rocket fire kills 3 in Aleppo - Region - World - Coast Herald",
    "Turkish drone attack | 2 fighters killed near Amuda",
])
def test_a_headline_item_without_an_act_of_its_own_does_not_cut_the_line(line):
    assert _items(line) == []


def test_only_a_whole_line_without_a_final_stop_is_a_headline():
    line = "4 soldiers killed near Kinsabba | Turkish Armed Forces shell two villages"
    text = f"{line}. Sources said so.\n"
    assert headline_parts(text, 0, len(line), knowledge=K, tells_act=lambda item: True) == []
    assert headline_parts(f"{line}.\n", 0, len(line) + 1, knowledge=K, tells_act=lambda item: True) == []


def _items_conj(line: str) -> list[str]:
    text = f"{line}\n{BODY}"
    spans = headline_parts(text, 0, len(line), knowledge=K,
                           tells_act=lambda item: bool(find_roles(item).perpetrator_cue == "agent"
                                                       or any(c.isdigit() for c in item) or "killed" in item),
                           opens_act=lambda item: find_roles(item).perpetrator_cue == "agent"
                           and find_roles(item).perpetrator_start == 0)
    return [text[a:b] for a, b in spans]


def test_a_headline_is_cut_at_and_or_while_only_before_an_actor_doing_an_act():
    assert _items_conj("Hama | Regime soldier killed near Kafr Nabl and Turkish forces shell two villages") == [
        "Hama | Regime soldier killed near Kafr Nabl", "Turkish forces shell two villages"]
    assert _items_conj("Regime soldier killed while Turkish forces shell two villages") == [
        "Regime soldier killed", "Turkish forces shell two villages"]
    # near misses: two figures of one act, two actors of one act, an act's aim
    assert _items_conj("5 killed and 10 injured in shelling on Ariha") == []
    assert _items_conj("Regime forces and Russian jets pound villages near Ariha") == []
    assert _items_conj("Soldier killed while trying to defuse a mine near Ariha") == []


def test_both_acts_of_a_cut_headline_are_claims_and_the_victim_is_no_agent():
    claims = _claims("Idlib | Regime soldier shot dead and Turkish forces shell two villages near Tal Tamr")
    heads = claims[claims.start == 0].iloc[0], claims[claims.sentence.str.startswith("Turkish forces shell")].iloc[0]
    assert heads[0].sentence == "Idlib | Regime soldier shot dead"
    assert (heads[0].perpetrator or "") == "" and heads[0].target == "Syrian Arab Army"  # 'X shot dead': X was shot
    assert (heads[1].event_type, heads[1].perpetrator) == ("shelling", "Turkish Armed Forces")  # 'shell' is a cue


# --- agents after "carried out by" ---------------------------------------------

@pytest.mark.parametrize("sentence, perpetrator, not_target", [
    ("Nine civilians died in airstrikes carried out by the US-led international coalition near Tabqa.",
     "US-led coalition", "US-led coalition"),
    ("The runway was put out of use by cruise missiles launched by two US warships.",
     "United States", "United States"),
    ("The push towards the dam is conducted by the Kurdish-led armed alliance Syrian Democratic Forces.",
     "Syrian Democratic Forces", "Syrian Democratic Forces"),
    ("The strike was conducted by three Israeli jets on a depot near Masyaf.", "Israel", "Israel"),
])
def test_the_agent_after_carried_out_by_is_the_perpetrator_never_the_target(sentence, perpetrator, not_target):
    r = find_roles(sentence)
    assert r.perpetrator == perpetrator
    assert r.target != not_target


def test_who_leads_the_agent_is_not_the_target_and_near_misses():
    r = find_roles("Jihadist fighters were hit by raids carried out by an international coalition led by the United States.")
    assert r.target != "United States"
    # near miss: a denial quoting the phrase: the named force is still no target
    r = find_roles('The Turkish defence ministry denied that the raid was "carried out by Turkish forces".')
    assert r.target == ""
    # near miss: "held by X": X holds the positions that were hit
    assert find_roles("Rebels shelled positions held by the Syrian Army near Hama.").target == "Syrian Arab Army"


# --- clauses set aside from the main act ------------------------------------------

def test_an_actor_in_a_while_trying_to_clause_is_not_the_target():
    s = "Four militants were killed while trying to storm positions of the Syrian Democratic Forces near Tabqa."
    assert aside_clauses(s)
    assert find_roles(s).target == ""


def test_an_actor_in_a_purpose_clause_is_not_the_target():
    s = "Coalition jets struck two depots in order to serve the interests of the Syrian Army in the long run."
    r = find_roles(s)
    assert r.target != "Syrian Arab Army"


def test_near_misses_an_aside_clause_keeps_the_main_act_and_a_sentence_with_no_other_act():
    # the cause after the clause belongs to the main clause ("killed ... by regime shelling")
    s = "A farmer was killed while he was walking to his field near the front line by Turkish artillery shelling."
    assert find_roles(s).perpetrator == "Turkish Armed Forces"
    assert all(not s[a:b].endswith("shelling.") and "Turkish" not in s[a:b] for a, b in aside_clauses(s))
    # no act before the purpose clause: its act is the sentence's
    s = "The council urged the world to act in order to halt crimes carried out by the Syrian Army in Idlib."
    assert aside_clauses(s) == []
    assert find_roles(s).perpetrator == "Syrian Arab Army"


def test_a_while_clause_that_tells_a_passive_harm_is_not_set_aside():
    # "while two fighters were killed": part of the act, not someone's activity at the time
    s = "Three guards died in the raid, while two fighters were killed in an attack by ISIS on the prison."
    assert aside_clauses(s) == []


# --- who is held responsible ----------------------------------------------------------

@pytest.mark.parametrize("sentence, perpetrator", [
    ("Three women were found shot dead in the camp, amid reports of involvement of ISIS cells in the killing.", "ISIS"),
    ("Western governments said the Syrian government was behind the chlorine attack on the town.", "Syrian government"),
    ("Hayat Tahrir al-Sham is believed to be behind the car bombing in Idlib.", "Hayat Tahrir al-Sham"),
])
def test_the_actor_behind_or_responsible_for_an_act_is_its_perpetrator(sentence, perpetrator):
    r = find_roles(sentence)
    assert (r.perpetrator, r.perpetrator_cue) == (perpetrator, "responsible")
    assert r.target != perpetrator


def test_near_misses_no_act_after_behind_a_negation_or_alternatives_name_no_one():
    assert find_roles("Hayat Tahrir al-Sham was behind the car bombing in Idlib.").perpetrator == "Hayat Tahrir al-Sham"
    for s in ("Turkish forces were behind the wall when the shelling started.",
              "The Russian air force was not responsible for the bombing of the convoy, the ministry said.",
              "The Russian air force could not be responsible for the bombing of the convoy, the ministry said.",
              "The monitor could not determine whether Russia or the Syrian government was behind the attack."):
        assert find_roles(s).perpetrator == "", s


@pytest.mark.parametrize("sentence, expected", [
    ("Ankara said the YPG was behind the bombing in Azaz.", "Syrian Democratic Forces"),
    ("The opposition accused Assad of being behind the attack on the market.", "Syrian government"),
    ("ISIS reportedly was behind the attack in Azaz.", "ISIS"),
    # near misses: a duty is no act; the speaker before another actor is not the one held responsible
    ("The army said it is responsible for protecting civilians from attacks.", ""),
    ("The YPG was not behind the bombing.", ""),
])
def test_who_is_held_responsible_is_the_actor_right_before_the_link(sentence, expected):
    assert find_roles(sentence).perpetrator == expected


def test_the_aside_clause_word_gate_reads_whole_openers():
    # the gate on the sentence's words (every word of an opener, not only its first) changes no result:
    # the same clauses with the words as without them, for an opener and for its first word alone
    from claimscope.sentences import sentence_words
    for s in ("Jets struck two depots near Ariha in order to cut the supply line of the rebels.",
              "Jets struck two depots near Ariha in an attempt to cut the supply line of the rebels.",
              "Jets struck two depots in Ariha in the order the rebels had given to cut the line.",
              "Jets struck two depots in Ariha to cut the supply line of the rebels."):
        assert aside_clauses(s, words=sentence_words(s)) == aside_clauses(s)
    assert aside_clauses("Jets struck two depots near Ariha in order to cut the supply line of the rebels.")
    assert aside_clauses("Jets struck two depots in Ariha in the order the rebels had given to cut the line.") == []
