"""A count told as undergoing an act takes the fate a plural possessive later
in its clause tells ("a van carrying four nurses was shelled, causing their
death": four killed; numbers.yaml pronoun_fates; session 10). Sentences
written for these tests."""

from __future__ import annotations

from claimscope.casualties import find_casualties

from builtin_knowledge import K


def _read(sentence: str) -> list[tuple[str, int, str]]:
    return [(m.outcome, m.min, m.category) for m in find_casualties(sentence, knowledge=K)]


def test_a_count_takes_the_fate_its_possessive_tells():
    assert _read("Medics said a van carrying four nurses was shelled near the bridge, causing their death.") == [
        ("killed", 4, "civilians")]
    assert _read("A minibus carrying 11 farm workers has been hit by a shell, leading to their injuries.") == [
        ("injured", 11, "civilians")]


def test_no_fate_for_a_count_with_a_verb_of_its_own_or_of_things():
    # near misses: the count does the act (whose death is told is unclear), a body part's count, no possessive fate
    assert _read("Witnesses said four gunmen stormed the post near the bridge, causing their death.") == []
    assert _read("One boy's leg was amputated as a result of their injuries, medics said.") == []
    assert _read("Medics said a van carrying four nurses was shelled near the bridge, causing panic.") == []
