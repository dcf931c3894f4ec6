"""Attribution never fails on a document, whatever its words (a document that
cannot be attributed would lose all its claims)."""

from hypothesis import given, settings, strategies as st

from claimscope.attribution import attribute, stance, voice_parts

from builtin_knowledge import bind

attribute = bind(attribute)
stance = bind(stance)
voice_parts = bind(voice_parts)

WORDS = ["said", "the", "ministry", '"', "“", "”", "it", "they", "he", "Turkish", "Syria", ":", "-", "–", "authorities",
         "army", "with", "saying", "by", "Speaking", "to", "SANA", "reporter", "though", "denied", "accused", "of", "and",
         "posted", "Moscow", "urging", "a", "quoted", "as", "was", ",", ".", "SOHR", "Rami", "Abdel", "Rahman",
         "adding", "which", "says", "France", "Britain", "say", "In", "an", "interview", "Al", "Arabiya"]
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=18).map(" ".join)


def test_a_name_whose_earlier_mention_leads_back_to_itself_is_no_lookup_loop():
    doc = [". Britain ” with Al Abdel reporter Turkish saying to with", "says was Abdel said ministry",
           "Rahman France SOHR the Turkish saying saying adding ” which SANA Turkish Al which"]
    assert len(attribute(doc, outlet="TRT World")) == 3


@settings(max_examples=150, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=6), st.sampled_from(["", "SANA", "TRT World", "Outlet"]))
def test_any_words_get_one_attribution_per_sentence(doc, outlet):
    got = attribute(doc, outlet=outlet)
    assert len(got) == len(doc)
    for sentence, a in zip(doc, got):
        stance(sentence, verb=a.verb)
        voice_parts(sentence)
