"""A quotation over several sentences is its speaker's, and "X was quoted as
saying by Y" is X's word relayed by Y (sentences written for these tests)."""

from claimscope.attribution import attribute

from builtin_knowledge import bind

attribute = bind(attribute)


def sources(sentences, outlet="Outlet"):
    return [a.source for a in attribute(sentences, outlet=outlet)]


def test_the_closing_frame_speaks_every_sentence_of_the_quotation():
    got = sources(['"The shells fell on the bakery at dawn.',
                   "Nobody could reach the wounded for hours.",
                   'Eleven people died there," said Samir Haddad, a paramedic in the town.'])
    assert got == ["Samir Haddad"] * 3
    got = sources(['"The convoy was hit twice.',
                   'We lost four men," the Syrian Observatory for Human Rights said.'])
    assert got == ["Syrian Observatory for Human Rights"] * 2


def test_an_opening_frame_speaks_the_sentences_of_its_quotation():
    got = sources(['The Syrian Observatory for Human Rights said: "Four rockets hit the market.',
                   "Two children were among the dead.",
                   'The toll may rise."'])
    assert got == ["Syrian Observatory for Human Rights"] * 3


def test_unclear_marks_leave_the_outlets_voice():
    # a sentence between holds a mark of its own: the run is not clear
    got = sources(['"The shells fell on the bakery at dawn.',
                   'Residents called it "a massacre" on the radio.',
                   'Eleven people died there," said Samir Haddad.'])
    assert got[:2] == ["Outlet", "Outlet"]
    # narration before the opening mark stays the outlet's
    got = sources(['Rescuers arrived late and one of them recalled "the shells fell on the bakery.',
                   'Eleven people died there," said Samir Haddad.'])
    assert got == ["Outlet", "Samir Haddad"]
    # a closed quotation is no run: the next sentences are the outlet's
    got = sources(['"The shells fell on the bakery," said Samir Haddad.',
                   "The bakery had reopened last week.",
                   'A resident called it "a massacre."'])
    assert got[1:] == ["Outlet", "Outlet"]
    # no frame after the close and none before the open: the outlet's voice
    got = sources(['"The shells fell on the bakery.', 'Eleven people died there."'])
    assert got == ["Outlet", "Outlet"]


def test_quoted_as_saying_by_is_the_subjects_word_relayed():
    a = attribute(['"The crew died," the Russian military was quoted as saying by Interfax.'], outlet="Outlet")[0]
    assert (a.source, a.via) == ("Russian Defense Ministry", "Interfax")
    a = attribute(["Two pilots were killed near Palmyra, the Russian military was quoted as saying."], outlet="O")[0]
    assert (a.source, a.via) == ("Russian Defense Ministry", "")
    # near miss: a place before the verb is no speaker
    a = attribute(["A doctor working at a local hospital was quoted as saying that five died."], outlet="O")[0]
    assert a.source != "local hospital"
