"""An outlet named by the short form its own copy and others use ("Al
Masdar", "Al-Masdar") is that outlet, not a phrase of its own. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from claimscope.attribution import attribute

from builtin_knowledge import K


@pytest.mark.parametrize("sentence", [
    "The Al-Masdar news outlet reported on Tuesday that six soldiers were killed near Tabqa.",
    "According to Al Masdar, six soldiers were killed near Tabqa.",
])
def test_a_short_form_of_an_outlet_names_it(sentence):
    a = attribute([sentence], outlet="Orontes Post", knowledge=K)[0]
    assert (a.source, a.source_type) == ("Al-Masdar News", "media")


@pytest.mark.parametrize("sentence", [
    "Two fighters were killed near Aleppo, a Lebanese Shiite commander said.",
    "Powerful Iran-backed Lebanese Shia militia Hezbollah says it lost two fighters near Aleppo.",
])
def test_adjectives_of_peoples_faiths_and_backers_name_no_person(sentence):
    a = attribute([sentence], outlet="Orontes Post", knowledge=K)[0]
    assert a.person == "" and a.source_type != "person"


def test_a_person_named_after_an_adjective_of_a_people_keeps_the_name():
    a = attribute(["The fighting went on, Kurdish commander Sipan Hemo said."], outlet="Orontes Post", knowledge=K)[0]
    assert a.person == "Sipan Hemo"


def test_a_surname_alone_is_the_speaker_named_before_with_an_article_glued_to_it():
    got = attribute(["Leys el-Faris, a nurse, said the shelling went on all night.",
                     "According to Faris, six houses were destroyed.",
                     "The shelling went on all night, Faris said."], outlet="Orontes Post", knowledge=K)
    assert [(a.source, a.person) for a in got[1:]] == [(got[0].source, "Leys el-Faris")] * 2
    assert got[0].source != "Orontes Post"


def test_a_speaker_talking_to_an_agency_is_not_the_agency():
    got = attribute(["Speaking to Anadolu Agency Yusuf el-Bustani a local activist said troops attacked Qaboun.",
                     "Bustani said four civilians had been injured in the attack."], outlet="Orontes Post", knowledge=K)
    assert got[1].source != "Anadolu Agency"
