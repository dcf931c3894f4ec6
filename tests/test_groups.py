"""claimscope.groups: union-find and the pairs within groups, checked against
a brute-force reading of the same pairs."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from claimscope.groups import DisjointSets, pairs_sharing


def _components(n: int, pairs: list[tuple[int, int]]) -> dict[int, int]:
    """Item -> smallest item it is connected to, by repeated relaxation."""
    label = list(range(n))
    changed = True
    while changed:
        changed = False
        for a, b in pairs:
            low = min(label[a], label[b])
            if label[a] != low or label[b] != low:
                label[a] = label[b] = low
                changed = True
    return dict(enumerate(label))


@given(st.integers(1, 12).flatmap(
    lambda n: st.tuples(st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=20))))
def test_groups_are_the_connected_components_named_by_their_smallest_member(case):
    n, pairs = case
    sets = DisjointSets(range(n))
    for a, b in pairs:
        sets.union(a, b)
    want = _components(n, pairs)
    assert {i: sets.find(i) for i in range(n)} == want
    groups = sets.groups()
    assert sorted(groups) == sorted(set(want.values()))
    assert all(members == sorted(members) and all(want[m] == g for m in members) for g, members in groups.items())


def test_string_items_and_join_order_do_not_matter():
    a, b = DisjointSets(["d", "b", "c", "a"]), DisjointSets(["d", "b", "c", "a"])
    for x, y in [("d", "c"), ("c", "b")]:
        a.union(x, y)
    for x, y in [("b", "c"), ("c", "d")]:
        b.union(x, y)
    assert a.groups() == b.groups() == {"b": ["d", "b", "c"], "a": ["a"]}  # members in the order given


def test_pairs_sharing_one_label_or_several():
    assert pairs_sharing({"x": "k1", "y": "k1", "z": "k2", "w": "k1"}) == {("w", "x"), ("w", "y"), ("x", "y")}
    assert pairs_sharing({"b": {"i1", "i2"}, "a": {"i1"}, "c": ["i2"], "d": []}) == {("a", "b"), ("b", "c")}
    assert pairs_sharing({}) == set()
    labels = {f"d{i}": f"k{i % 3}" for i in range(9)}
    brute = {(x, y) for x, y in itertools.combinations(sorted(labels), 2) if labels[x] == labels[y]}
    assert pairs_sharing(labels) == brute
