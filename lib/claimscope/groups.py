"""Groups of items joined pair by pair, and the pairs within groups.

Two small tools that ingest (copies of one article), the linkage evaluation
(articles of one incident) and the scores (article pairs that share an
incident) all need, written once:

- `DisjointSets`: union-find; items joined pair by pair, each group named by
  its smallest member, so the result does not depend on the order of the
  joins.
- `pairs_sharing`: every pair of items that share a label (sorted pairs).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Generic, TypeVar

__all__ = ["DisjointSets", "pairs_sharing"]

T = TypeVar("T", int, str)


class DisjointSets(Generic[T]):
    """Union-find over `items` (path halving; the smaller root wins)."""

    def __init__(self, items: Iterable[T]) -> None:
        self._parent: dict[T, T] = {x: x for x in items}

    def find(self, x: T) -> T:
        """The name of `x`'s group: its smallest member."""
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: T, b: T) -> None:
        """Put `a` and `b` (and their groups) in one group."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[T, list[T]]:
        """Group name -> members, both in the order the items were given."""
        out: dict[T, list[T]] = {}
        for x in self._parent:
            out.setdefault(self.find(x), []).append(x)
        return out


def pairs_sharing(labels: Mapping[str, Iterable[str] | str]) -> set[tuple[str, str]]:
    """Every pair of items (sorted ids) that share a label; `labels` maps an
    item to its label or to several."""
    by: dict[str, set[str]] = {}
    for item, ls in labels.items():
        for lab in ([ls] if isinstance(ls, str) else ls):
            by.setdefault(lab, set()).add(item)
    out: set[tuple[str, str]] = set()
    for items in by.values():
        if len(items) > 1:
            out.update(itertools.combinations(sorted(items), 2))
    return out
