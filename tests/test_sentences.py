from hypothesis import example, given, strategies as st

from claimscope.sentences import split_sentences

from builtin_knowledge import bind

split_sentences = bind(split_sentences)


def spans(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_abbreviations_numbers_and_dotted_dates_do_not_split():
    text = ("Lt. Gen. Sergei Rudskoi said the U.N. team left. The U.S. said 1,300 died on 21.08.2013. "
            "It was \"bad.\" Then more.")
    assert spans(text) == [
        "Lt. Gen. Sergei Rudskoi said the U.N. team left.",
        "The U.S. said 1,300 died on 21.08.2013.",
        "It was \"bad.\"",
        "Then more.",
    ]


def test_country_abbreviation_can_end_a_sentence():
    assert spans("Troops came from the U.S. The next day they left.") == [
        "Troops came from the U.S.", "The next day they left."]


def test_lowercase_after_period_and_initials_do_not_split():
    assert spans("He met A. Rahman in Idlib. the text goes on.") == ["He met A. Rahman in Idlib. the text goes on."]


def test_newlines_end_sentences_and_number_paragraphs():
    text = "Headline without period\n\nFirst para one. First para two.\nSecond para."
    sents = split_sentences(text)
    assert [text[s.start:s.end] for s in sents] == [
        "Headline without period", "First para one.", "First para two.", "Second para."]
    assert [s.paragraph for s in sents] == [0, 1, 1, 2]
    assert [s.index for s in sents] == [0, 1, 2, 3]


def test_wire_copy_spaced_period():
    assert spans("Damascus explosion due to rocket bomb . The blast heard Saturday") == [
        "Damascus explosion due to rocket bomb .", "The blast heard Saturday"]


@given(st.text())
def test_spans_are_exact_ordered_and_trimmed(text):
    last = 0
    for s in split_sentences(text):
        piece = text[s.start:s.end]
        assert piece and piece == piece.strip()
        assert "\n" not in piece
        assert s.start >= last
        last = s.end


# --- Substrings: which strings a lower-cased sentence holds, read off its words ----------

_STRINGS = ["blame", "accused", "which", "did not say", "didn't", "al-", "s"]


def _held_both(text: str) -> tuple[set[str], set[str]]:
    from claimscope.sentences import Substrings, sentence_words
    sub = Substrings(_STRINGS)
    low = text.lower()
    held = sub.held(sentence_words(text), low)
    return {k for k in _STRINGS if k in low}, {k for k in _STRINGS if held & sub.bits[k]}


def test_substrings_read_off_the_words_are_the_substrings_of_the_text():
    old, new = _held_both("They BLAMED the unaccused; it did not say which, al-Bab didn't")
    assert new == old == set(_STRINGS)
    old, new = _held_both("Nothing here but Idlib")
    assert new == old == set()
    old, new = _held_both("İstanbul blames WHICHEVER side")  # not ASCII: the same answer
    assert new == old == {"blame", "which", "s"}


@given(st.text(alphabet="abcdehilmrswyBLAMEDSWHİé '-,.n't", max_size=50))
def test_substrings_agree_with_substring_tests_on_any_text(text):
    old, new = _held_both(text)
    assert new == old


@given(st.lists(st.text(alphabet="abcdehilmrswyBLAMEDSWHİé '-,.n't", max_size=40), max_size=8),
       st.integers(min_value=1, max_value=12))
@example(["S", "A.S"], 1)  # the memo overflows on a sentence holding a word seen before: that word counts too
def test_one_substrings_object_read_again_and_again_agrees_with_substring_tests(texts, limit):
    # the words memoised from the sentences before (cleared when more than `limit`) never change the answer
    from claimscope.sentences import Substrings, sentence_words
    sub = Substrings(_STRINGS, limit)
    for text in texts:
        low = text.lower()
        held = sub.held(sentence_words(text), low)
        assert {k for k in _STRINGS if held & sub.bits[k]} == {k for k in _STRINGS if k in low}, text


@given(st.text(alphabet="ab .!?\"'”’)] \t\nC", max_size=60))
def test_the_boundary_pattern_finds_what_its_plain_spelling_finds(text):
    # "[.!?][.!?]*" opens the pattern with a character class (the engine skips to one in C); "[.!?]+" is the same run
    import re
    from claimscope.sentences import _BOUNDARY
    plain = re.compile(r"""([.!?]+)(["'”’)\]]*)([ \t]+)(?=(\S+))""")
    assert [(m.span(), m.groups()) for m in _BOUNDARY.finditer(text)] == \
        [(m.span(), m.groups()) for m in plain.finditer(text)]
