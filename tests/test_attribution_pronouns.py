""""It said" / "they say" point at the speaker the text means, or at no one
for sure (sentences written for these tests)."""

from claimscope.attribution import attribute

from builtin_knowledge import bind

attribute = bind(attribute)


def sources(sentences, outlet="Outlet"):
    return [a.source for a in attribute(sentences, outlet=outlet)]


def test_it_points_at_the_named_body_that_opened_the_sentence_before():
    got = sources(["The United Nations said 14 people were killed in the raid.",
                   "The Syrian Observatory for Human Rights voiced alarm at the toll.",
                   "It said most of the dead were civilians."])
    assert got[-1] == "Syrian Observatory for Human Rights"
    # near miss: a body that opened a sentence telling no statement ("relies on", "has deployed troops") is
    # no sure referent against the voice before it: no one for sure
    got = sources(["The United Nations said 14 people were killed in the raid.",
                   "The Syrian Observatory for Human Rights relies on a network of sources on the ground.",
                   "It said most of the dead were civilians."])
    assert got[-1] == "other sources"
    # near miss: the sentence between opens with no source: "it" is the last voice
    got = sources(["The United Nations said 14 people were killed in the raid.",
                   "The market had reopened a week earlier.",
                   "It said most of the dead were civilians."])
    assert got[-1] == "United Nations"
    # near miss: the sentence between opens with the voice itself
    got = sources(["The Syrian Observatory for Human Rights said 14 people were killed in the raid.",
                   "The Britain-based observatory relies on a network of sources on the ground.",
                   "It said most of the dead were civilians."])
    assert got[-1] == "Syrian Observatory for Human Rights"


def test_it_is_not_sure_when_another_body_opened_an_earlier_sentence_between():
    got = sources(["The Syrian Observatory for Human Rights said 14 people were killed in the raid.",
                   "The Islamic State seized the town in June.",
                   "The market had reopened a week earlier.",
                   "It said most of the dead were civilians."])
    assert got[-1] == "other sources"


def test_a_pronoun_right_after_the_speakers_verb_is_that_speaker():
    got = sources(["Rebels said the jets came from the west.",
                   "Western diplomats say they do not believe the claim."])
    assert got[-1] == "Western diplomats"
    # "which it says": the body the sentence opens with
    got = sources(["Activists said the raid killed nine.",
                   "The US-led coalition has carried out strikes that killed civilians, which it says it tries to avoid."])
    assert got[-1] == "US-led coalition"
    # near miss: "he" in a relative clause is no body
    got = sources(["Ahmad Saleh, a nurse, said the clinic was hit.",
                   "The army did not use such weapons against the fighters that attack us, he said."])
    assert got[-1] != "Syrian Ministry of Defense"
