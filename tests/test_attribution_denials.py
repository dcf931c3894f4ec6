"""A denial belongs to its own clause's voice, not to the voice of another
clause of the same sentence (sentences written for these tests)."""

from claimscope.attribution import attribute, stance

from builtin_knowledge import bind

attribute = bind(attribute)
stance = bind(stance)


def negated(sentence):
    a = attribute([sentence], outlet="Outlet")[0]
    return stance(sentence, verb=a.verb).negated


def test_a_second_voices_denial_does_not_negate_the_first_voices_claim():
    assert not negated("UN says 21 killed in raid on Idlib bakery, Moscow denies involvement")
    assert not negated("The Syrian Observatory for Human Rights said 12 people died, and the army denied any role.")
    assert not negated("Activists said the regime, which denied the attack, had shelled the town.")


def test_the_speakers_own_denial_stays_a_denial():
    assert negated("The ministry denied that its jets struck the market.")
    assert negated("The ministry said five soldiers were hurt, but denied that its jets struck the market.")
    assert negated("The ministry issued a statement on Monday, denying that its jets struck the market.")
    assert negated("Moscow denies role in raid on Idlib bakery, UN says 21 killed")  # the denier speaks first
    # no clause break between verb and denial: one voice's sentence
    assert negated("The council said the government denied the raid took place.")


def test_a_named_bodys_denial_told_after_the_claim_is_that_bodys():
    assert not negated("Rebels say the YPG cooperates with Damascus an accusation the YPG has denied.")
    # near miss: the speaker tells the body's denial as the content of the claim
    assert negated("The council said the army denied that its jets struck the market.")
    assert negated("The council said that the army denied the raid.")


def test_it_after_though_is_the_body_the_sentence_named_before():
    got = attribute(["The Syrian Observatory for Human Rights said 30 died.",
                     "Western states blamed the Syrian government for the attack though it denied any role."],
                    outlet="Outlet")
    assert got[-1].source == "Syrian government"
    # near miss: no such conjunction: "it" is the last voice
    got = attribute(["The Syrian Observatory for Human Rights said 30 died.",
                     "It said the Syrian government was to blame."], outlet="Outlet")
    assert got[-1].source == "Syrian Observatory for Human Rights"
