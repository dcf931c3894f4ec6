"""The channel a speaker talks through ("Speaking to state TV", "In an
interview with Al Arabiya") relays; it never speaks (sentences written for
these tests)."""

from claimscope.attribution import attribute

from builtin_knowledge import bind

attribute = bind(attribute)


def one(sentence, outlet="Outlet", before=()):
    return attribute([*before, sentence], outlet=outlet)[-1]


def test_a_channel_glued_to_the_speaker_is_cut_off_and_kept_as_the_relay():
    a = one("Speaking to Syrian state TV Rami Abdel Rahman said the shelling went on all night.")
    assert (a.source, a.via) == ("Syrian Observatory for Human Rights", "Syrian state media")
    a = one("In an interview with Al Arabiya Syrian National Coalition chief Hadi Bahra said the siege must end.")
    assert (a.source, a.person, a.via) == ("Syrian National Coalition", "Hadi Bahra", "Al Arabiya")
    a = one("In a phone call with SANA reporter local sources said shells hit the school.")
    assert (a.source, a.via) == ("local sources", "SANA")


def test_near_misses_keep_their_speaker():
    # the comma already ends the channel's phrase
    a = one("Speaking to Reuters, the Syrian Observatory for Human Rights said 12 died.")
    assert a.source == "Syrian Observatory for Human Rights"
    # no channel opener before the name: the name is the speaker
    a = one("Syrian state TV said rebels shelled the district.")
    assert a.source == "Syrian state media"
    # the channel's name alone, nothing after it: nothing is cut
    a = one("In comments to reporters the governor of Hama said the road was open.")
    assert a.source_type != "media"
