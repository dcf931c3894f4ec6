"""Parts of a toll (casualties.part) in the incident's civilian/combatant
split: a part counts only as a lower bound of its category, and several parts
of one victims group never add up beyond what the text supports - "including
five children ... and three children of another family" may tell the same
children twice, "five children and three girls" the girls among them: the
largest part is the bound. Sentences written for these tests."""

from __future__ import annotations

import sys
from pathlib import Path


sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "align"))
import factory  # noqa: E402

from builtin_knowledge import K


def _incident(rows, figures):
    return factory.one_incident(rows, figures, K)


def _shelling(doc, sentence, **kw):
    row = dict(doc_id=doc, sentence=sentence, event_type="shelling", event_date="2016-07-18", places="Manbij",
               governorate="Aleppo", place_precision="town", source="Syrian Observatory for Human Rights",
               source_type="monitor")
    row.update(kw)
    return row


def _fig(cid, victims, n, category, *, part, outcome="killed"):
    return dict(claim_id=cid, victims=victims, outcome=outcome, min=n, max=n, category=category, part=part)


def _split(inc):
    return (inc["civilians_low"], inc["civilians_high"], inc["toll"])


def test_two_parts_of_one_group_in_one_claim_do_not_add_up():
    inc = _incident(
        [_shelling("a", "Shelling killed 12 people in Manbij, including five children, and three children of "
                        "another family, SOHR said.")],
        [_fig("a-0", "people", 12, "unknown", part=False), _fig("a-0", "children", 5, "civilians", part=True),
         _fig("a-0", "children", 3, "civilians", part=True)])
    assert _split(inc) == (5, 5, "12 (civilians ≥ 5)")


def test_parts_of_two_groups_in_one_claim_never_add_up():
    # "five children and three girls": the girls may be among the children, and which groups are apart is not
    # read: the largest part is the bound (said less for "three women and five children", never more)
    for groups in (("girls", "children"), ("women", "children")):
        inc = _incident(
            [_shelling("a", f"Shelling killed 12 people in Manbij, among them three {groups[0]} and five "
                            f"{groups[1]}, SOHR said.")],
            [_fig("a-0", "people", 12, "unknown", part=False), _fig("a-0", groups[0], 3, "civilians", part=True),
             _fig("a-0", groups[1], 5, "civilians", part=True)])
        assert _split(inc) == (5, 5, "12 (civilians ≥ 5)")


def test_a_part_of_generic_people_beside_a_group_does_not_add_up():
    # "five people of one family" may hold the three children: the larger is the bound
    inc = _incident(
        [_shelling("a", "Shelling killed 12 people in Manbij, including five people of one family and three "
                        "children, SOHR said.")],
        [_fig("a-0", "people", 12, "unknown", part=False), _fig("a-0", "people", 5, "civilians", part=True),
         _fig("a-0", "children", 3, "civilians", part=True)])
    assert _split(inc) == (5, 5, "12 (civilians ≥ 5)")


def test_parts_told_in_two_sentences_of_one_account_do_not_add_up():
    inc = _incident(
        [_shelling("a", "Shelling killed 12 people in Manbij, SOHR said."),
         _shelling("a", "Five of the dead were children, SOHR said."),
         _shelling("a", "Three of the dead were children of one family, SOHR said.")],
        [_fig("a-0", "people", 12, "unknown", part=False), _fig("a-1", "children", 5, "civilians", part=True),
         _fig("a-2", "children", 3, "civilians", part=True)])
    assert _split(inc) == (5, 5, "12 (civilians ≥ 5)")


def test_a_whole_of_the_category_beside_parts_is_the_count():
    inc = _incident(
        [_shelling("a", "Shelling killed 7 civilians in Manbij, including five children and two women, SOHR said.")],
        [_fig("a-0", "civilians", 7, "civilians", part=False), _fig("a-0", "children", 5, "civilians", part=True),
         _fig("a-0", "women", 2, "civilians", part=True)])
    assert _split(inc) == (7, 7, "7 (civilians 7)")


def test_parts_of_two_categories_each_bound_their_own():
    inc = _incident(
        [_shelling("a", "Shelling killed 12 people in Manbij, including four children and six fighters, SOHR said.")],
        [_fig("a-0", "people", 12, "unknown", part=False), _fig("a-0", "children", 4, "civilians", part=True),
         _fig("a-0", "militants", 6, "combatants", part=True)])
    assert (inc["civilians_low"], inc["combatants_low"]) == (4, 6)
    assert inc["toll"] == "12 (civilians ≥ 4; combatants ≥ 6)"
