"""Who speaks, through whom: the one definition of an account.

An account is a (source, outlet) chain (README, "Independence"; the
`compare` module doc says how two accounts relate):

- a named source (SOHR, the Turkish Defense Ministry, Syria Civil Defence) is
  one account whoever relays it;
- an outlet's own narration is the outlet's account, the same account as that
  outlet quoted by others (SANA's report and "SANA said" in Reuters);
- a republished copy (`documents.duplicate_of`) speaks with its original's
  voice: its outlet is the original's;
- a vague pooled voice ("local sources", "activists", "a military source",
  unnamed, an unknown outlet: align.yaml `compare.pooled_*`) names no one
  speaker and is one account per outlet (two outlets' "local sources" are
  two accounts, which `compare` never lets corroborate each other).

Compare (relations, `incidents.n_sources`) and the evaluations take their
accounts from here. Alignment's evidence that two reports share a named
source is a different question (align.yaml `outlet_scoped_source_types`:
which voices are scoped to their outlet when matching reports). Data flows forward: this module reads only
claims columns and the knowledge pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import pandas as pd

from . import cells
from .knowledge import Knowledge

__all__ = ["account_keys", "account_of", "is_pooled", "publishers"]


@dataclass(frozen=True)
class _Pooled:
    types: frozenset[str]
    names: frozenset[str]
    pattern: re.Pattern[str]


def _build(knowledge: Knowledge) -> _Pooled:
    c = knowledge.align["compare"]
    return _Pooled(types=frozenset(c["pooled_source_types"]),
                   names=frozenset(str(n).casefold() for n in c["pooled_sources"]),
                   pattern=re.compile(str(c["pooled_source_pattern"]), re.IGNORECASE))


def _pooled(source: str, source_type: str, cfg: _Pooled) -> bool:
    name = source.strip()
    return (not name or source_type in cfg.types or name.casefold() in cfg.names
            or cfg.pattern.fullmatch(name) is not None)


def is_pooled(source: str, source_type: str, *, knowledge: Knowledge) -> bool:
    """Whether a source is a vague pooled voice ("other sources", "local
    sources", unnamed, an unknown outlet) that never corroborates another such
    voice and gets no source profile (align.yaml `pooled_*`)."""
    return _pooled(source, source_type, knowledge.derived(_build))


def publishers(doc: Sequence[str], duplicate_of: Sequence[str], outlet: Sequence[str]) -> list[str]:
    """The outlet each claim reached us through (one entry per claim): a
    republished copy's is its original's, `doc:<original>` when the outlet is
    unknown."""
    root = [d or c for c, d in zip(doc, duplicate_of)]
    root_outlet: dict[str, str] = {}
    for r, d, o in zip(root, doc, outlet):
        if r == d:
            root_outlet.setdefault(r, o)
    for r, o in zip(root, outlet):   # an original not in these tables: its copies' outlet
        root_outlet.setdefault(r, o)
    return [root_outlet.get(r) or f"doc:{r}" for r in root]


def account_of(source: str, source_type: str, publisher: str, *, knowledge: Knowledge) -> tuple[str, bool, bool]:
    """(account, the outlet's own voice, a pooled voice) of one claim whose
    words reached us through `publisher` (see `publishers`)."""
    if source_type == "outlet" or not source:
        return publisher, True, publisher.startswith("doc:")
    pooled = _pooled(source, source_type, knowledge.derived(_build))
    return (f"{publisher}|{source}" if pooled else source), False, pooled


def account_keys(claims: pd.DataFrame, *, knowledge: Knowledge) -> pd.Series:
    """The account of each claim (a `claims` table: doc_id, source,
    source_type, outlet, duplicate_of)."""
    if claims.empty:
        return pd.Series([], dtype="string", index=claims.index)
    n = len(claims)

    def col(name: str) -> list[str]:
        return cells.texts(claims[name]) if name in claims.columns else [""] * n

    pubs = publishers(col("doc_id"), col("duplicate_of"), col("outlet"))
    keys = [account_of(s, t, p, knowledge=knowledge)[0] for s, t, p in zip(col("source"), col("source_type"), pubs)]
    return pd.Series(keys, dtype="string", index=claims.index)
