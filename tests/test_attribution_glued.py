"""A speaker taken from the frame that really tells the words: another
article's headline glued to the lede, a related-articles list, a pronoun after
a distanced name, a contrastive follow-up, a headline's trailing credit and an
outlet described by a generic word (sentences written for these tests)."""

from claimscope.attribution import attribute

from builtin_knowledge import bind
from one_document import claims

attribute = bind(attribute)


def one(sentence, outlet="Outlet", before=()):
    return attribute([*before, sentence], outlet=outlet)[-1]



def test_it_points_back_at_a_body_named_with_a_distancing_modifier():
    got = attribute(["The so-called Syrian Observatory for Human Rights announced on Monday that rebels stormed "
                     "the hill on Saturday.", "It added that troops killed 17 attackers in a counter-attack."],
                    outlet="Outlet")
    assert got[1].source == "Syrian Observatory for Human Rights"
    got = attribute(["The self-styled Syrian Observatory for Human Rights claimed that rebels stormed the hill.",
                     "It added that troops killed 17 attackers."], outlet="Outlet")
    assert got[1].source == "Syrian Observatory for Human Rights"
    # near miss: a distanced group of people is still many: "it" does not point at them
    got = attribute(["The so-called activists announced on Monday that rebels stormed the hill.",
                     "It added that troops killed 17 attackers."], outlet="Outlet")
    assert got[1].source == "Outlet"


def test_a_contrastive_follow_up_keeps_the_narrators_voice():
    got, _ = claims("Turkey claims its drones strike only fighters of the PKK in the border villages. "
                    "However the drone strikes have killed dozens of civilians in the villages.")
    assert len(got) == 2 and got["source"].iloc[1] != "Turkish government"
    got, _ = claims("Turkey claims its drones strike only fighters of the PKK in the border villages. "
                    "But the drone strikes have killed dozens of civilians in the villages.")
    assert len(got) == 2 and got["source"].iloc[1] != "Turkish government"
    # near miss: a follow-up without a contrast goes on the speaker's claim, as before
    got, _ = claims("Turkey said its drones killed 12 fighters of the PKK in the border villages on Tuesday. "
                    "The drone strikes also killed three commanders.")
    assert len(got) == 1 and got["source"].iloc[0] == "Turkish government"
    # near miss: "However, no casualties" completes the act told before: one claim, its speaker's
    got, _ = claims("Activists said regime rockets hit the market of the town of Binnish on Tuesday. "
                    "However, no casualties were reported.")
    assert len(got) == 1 and got["source"].iloc[0] == "activists"


def test_a_headline_ending_in_a_bare_speaker_noun_is_its_credit():
    body = "Rescuers pulled bodies from the rubble of the market."
    a = attribute(["Barrel bombs kill 17 in Idlib market civil defence", body], outlet="Wire")[0]
    assert a.source == "Syria Civil Defence"
    a = attribute(["Shelling kills 6 near Afrin school state media", body], outlet="Wire")[0]
    assert a.source == "Syrian state media"
    # a figure and the act, no outcome word
    a = attribute(["Latest 12 in government strikes on Idlib market civil defence", body], outlet="Wire")[0]
    assert a.source == "Syria Civil Defence"
    # near misses: the speaker noun as the headline's victims or object
    for headline in ["Air strikes kill nine activists", "Barrel bombs kill 17 in raid on civil defence",
                     "Jets kill 7 in raid on the opposition", "Air strikes on Idlib kill 5 rescuers",
                     "Russian jets pound 3 towns of Idlib opposition", "Jets strike market in Idlib civil defence"]:
        assert attribute([headline, body], outlet="Wire")[0].source == "Wire", headline


def test_an_outlet_described_by_a_generic_word_speaks_as_itself():
    a = one("According to the Al Masdar media outlet, 14 militants were killed near Deir ez-Zor airport.")
    assert a.source == "Al-Masdar News"
    a = one("The Al Mayadeen media outlet reported that 14 militants were killed.")
    assert a.source == "Al Mayadeen"
    # near miss: an outlet the knowledge lacks stays unnamed
    a = one("According to the Qasioun media outlet, 14 militants were killed.")
    assert a.source != "Al-Masdar News" and a.source_type in ("unnamed", "organisation", "media", "outlet")

