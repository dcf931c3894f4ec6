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
