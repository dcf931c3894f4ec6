"""The pattern helpers every stage shares (claimscope.resources)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.resources import lowered_pattern, phrase_pattern, regex

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
