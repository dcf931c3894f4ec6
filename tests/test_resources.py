"""The pattern helpers every stage shares (claimscope.resources)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.resources import lowered_pattern, phrase_pattern, regex, trie_pattern

_PHRASES = ["killed", "Shot dead", "al-Bab", "under fire", "near", "Who's"]


def test_a_lowered_pattern_finds_on_lowered_ascii_text_what_the_original_finds():
    rx = regex("(?i)" + phrase_pattern(_PHRASES) + r"\s+(?P<rest>\w+)")
    low = lowered_pattern(rx)
    assert low is not None and not low.flags & re.IGNORECASE
    text = "Two were SHOT DEAD near Al-Bab, who's killed Others"
    assert [m.span() for m in low.finditer(text.lower())] == [m.span() for m in rx.finditer(text)]


@given(st.text(alphabet="abcdeKILDSHOTNR -'\n", max_size=60))
@settings(max_examples=300, deadline=None)
def test_lowered_matches_agree_on_any_ascii_text(text):
    rx = regex(phrase_pattern(_PHRASES), re.IGNORECASE)
    low = lowered_pattern(rx)
    assert low is not None
    assert [m.span() for m in low.finditer(text.lower())] == [m.span() for m in rx.finditer(text)]


def test_what_lower_casing_would_change_is_not_lowered():
    assert lowered_pattern(regex(r"killed")) is None  # case-sensitive: "Killed" must not match
    assert lowered_pattern(regex(r"(?i)\S+ killed")) is None  # \S would become \s
    assert lowered_pattern(regex(r"(?i)\x41 killed")) is None
    assert lowered_pattern(regex(r"(?i)(?P<Who>\w+) killed")) is None  # the group's name would change
    assert lowered_pattern(regex("(?i)Éclair")) is None


# --- PhraseScan: finditer tried only where a spelling can begin ---------------------------

_SCAN_PHRASES = ["shelled", "the regime", "IS", "25th Division", "al-Bab", "Who's", "air strike", "strike",
                 "Hay’at Tahrir al-Sham"]
_SCAN_RX = regex(phrase_pattern(_SCAN_PHRASES))


def _scan_spans(text: str, rx: re.Pattern[str] = _SCAN_RX, phrases: list[str] = _SCAN_PHRASES) -> tuple[list, list]:
    from claimscope.resources import PhraseScan
    from claimscope.sentences import sentence_words
    scan = PhraseScan(rx, phrases)
    return ([m.span() for m in rx.finditer(text)], [m.span() for m in scan.finditer(text, sentence_words(text))])


def test_a_phrase_scan_finds_what_finditer_finds_at_word_starts_only():
    text = "The regime shelled al-Bab; IS and the 25th Division: an air  strike, this strike-force, his air strikes"
    old, new = _scan_spans(text)
    assert new == old and len(old) == 6
    # inside a word, after a hyphen or a digit, or run on into a longer word: never a match
    for text in ("unshelled", "x-shelled", "2shelled", "shelledx", "ISIS", "is", "al-Babs", "the regimes"):
        old, new = _scan_spans(text)
        assert new == old == []


def test_a_phrase_scan_falls_back_to_finditer_off_ascii_and_for_odd_spellings():
    from claimscope.resources import PhraseScan
    old, new = _scan_spans("Hay’at Tahrir al-Sham shelled the regime")  # not ASCII: finditer itself
    assert new == old and len(old) == 3
    rx = regex(phrase_pattern(["(IS)", "shelled"]))
    assert PhraseScan(rx, ["(IS)", "shelled"]).whole  # a spelling opening with "(": no key, the whole scan


def test_a_phrase_scan_follows_a_regex_that_opens_with_the_phrases():
    rx = regex(phrase_pattern(["regime", "Turkish"], group="mod") + r"\s+(?:forces|shelling)")
    text = "regime shelling and Turkish forces, regime planes, TURKISH forces, Turkishforces"
    old, new = _scan_spans(text, rx, ["regime", "Turkish"])
    assert new == old and len(old) == 3


@given(st.lists(st.sampled_from(["the", "The", "THE", "regime", "Regime", "IS", "is", "25th", "Division", "al", "Bab",
                                 "shelled", "Who", "s", "air", "strike", "x", "2"]), max_size=12),
       st.lists(st.sampled_from([" ", "  ", "\t", "-", "'", ",", "", ".", "_", "\n"]), min_size=12, max_size=12))
@settings(max_examples=400, deadline=None)
def test_phrase_scan_agrees_with_finditer_on_any_text(words, seps):
    text = "".join(w + sep for w, sep in zip(words, seps))
    old, new = _scan_spans(text)
    assert new == old


# --- trie_pattern: spellings factored as a character trie ----------------------------------

def test_a_trie_shares_prefixes_longest_first_and_writes_lone_tails_out():
    # "fire" ends where "fired" goes on, "fired" where "fired at" does: the longer is tried first;
    # repeated and blank spellings count once, a space matches any run of whitespace, specials are escaped
    got = trie_pattern(["fired at", "fire", "fired", "fire", "fled", "a.b", "  "])
    assert got == r"(?:(?:a\.b|f(?:ire(?:d(?:\s+at|)|)|led)|))"
    assert trie_pattern([]) == "(?!)"
    assert trie_pattern(["a", "b"]) == "(?:(?:a|b))"
    assert trie_pattern(["under  fire"]) == r"(?:under\s+fire)"


@given(st.lists(st.text(alphabet="ab -.(", max_size=6), max_size=8), st.text(alphabet="ab .(", max_size=8))
@settings(max_examples=400, deadline=None)
def test_a_trie_matches_exactly_its_spellings(spellings, text):
    rx = re.compile(trie_pattern(spellings))
    assert all(rx.fullmatch(" ".join(s.split())) for s in spellings)
    if "  " not in text and text == " ".join(text.split()):  # single spaces, none at the ends
        assert bool(rx.fullmatch(text)) == (text in {" ".join(s.split()) for s in spellings})
