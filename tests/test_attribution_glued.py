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


BEFORE = ("The regime blamed rebels for the blast.",)  # the document writes "regime" in lower case


def test_a_headline_glued_before_the_lede_does_not_speak_its_toll():
    a = one("Turkey says border crossing stays shut Regime shelling of the village of Maarzita killed nine people "
            "including two women the civil defence said.", before=BEFORE)
    assert a.source == "Syria Civil Defence"
    # no closing frame: the story glued after the headline is the outlet's
    a = one("Jordan says aid talks to resume Regime shelling of the village of Maarzita killed nine people on Sunday.",
            before=BEFORE)
    assert a.source == "Outlet"
    # the headline in the present, the lede's own frame closing it in the past, a figure between
    a = one("Iran says talks with Ankara went well government rockets on the market of Jisr al-Shughur killed 14 "
            "the Syrian Observatory for Human Rights said on Monday.")
    assert a.source == "Syrian Observatory for Human Rights"


def test_an_opening_frame_that_tells_the_toll_keeps_it():
    # near misses: no restart, the frame's own clause holds the figure
    assert one("The UN says 14 civilians were killed in the raid on Saraqeb.", before=BEFORE).source == "United Nations"
    # a capitalised name after a lower-case word is no restart ("rebel Army of Islam", "jihadist Daesh group")
    a = one("Activists say government jets struck the rebel Army of Islam near Douma killing 12 fighters.",
            before=("The army shelled the area.",))
    assert a.source == "activists"
    a = one("Activists say regime jets struck the jihadist Daesh group near Palmyra killing 12 fighters.",
            before=("The army shelled the area.",))
    assert a.source == "activists"
    # an outlet closing the sentence relays the opening voice
    a = one("Russia says its jets killed 30 militants near Palmyra state TV reported.")
    assert a.source == "Russian government"
    # a story's frame in the past is never taken for a headline
    a = one("Activists said government forces shelled the town Regime jets then struck the market of Ariha killing 8.",
            before=BEFORE)
    assert a.source == "activists"


def test_a_related_list_glued_before_the_story_speaks_none_of_it():
    a = one("Related Egypt says Rafah crossing to reopen 20 dead in raids on Idlib Monitor Geneva talks stall "
            "At least 17 soldiers were killed when rebels stormed a checkpoint near Hama a monitor said Friday.")
    assert a.source in ("monitors", "Syrian Observatory for Human Rights")
    a = one("Related Coverage Pentagon warns of long fight against militants Russian Defence Minister Sergei Shoigu "
            "said the strikes killed 40 militants near Palmyra.")
    assert a.source == "Russian Defense Ministry"
    a = one("Related Jordan demands inquiry into border raid Syrian rebels launched an assault on Friday.")
    assert a.source == "Outlet"
    # near miss: a story's present-tense frame with no list before it
    assert one("The Syrian Observatory for Human Rights says 12 soldiers were killed.").source \
        == "Syrian Observatory for Human Rights"


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


def test_a_first_person_post_closing_on_a_speakers_tag_is_that_persons():
    got = attribute(["Jets struck the shelter in the village twice on Sunday.",
                     "When we arrived to help the wounded a warplane struck us again with rockets.",
                     "Two of the wounded died no one else could reach them so we carried them ourselves "
                     "Omar Khaled rescuer Another post followed here.",
                     "The regime denied the strike."], outlet="Outlet")
    assert [a.source for a in got] == ["Outlet", "Omar Khaled", "Omar Khaled", "Syrian government"]
    assert got[2].person == "Omar Khaled"
    # near misses: no first-person statement before the tag, a frame of its own, a tag naming no person
    got = attribute(["The shelter was hit twice and two of the wounded died Omar Khaled rescuer"], outlet="Outlet")
    assert got[0].source == "Outlet"
    got = attribute(["We carried the wounded ourselves the civil defence said."], outlet="Outlet")
    assert got[0].source == "Syria Civil Defence"
    got = attribute(["We carried the wounded ourselves to Kafr Nabl hospital"], outlet="Outlet")
    assert got[0].source == "Outlet"
