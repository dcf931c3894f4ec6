"""Cross-document linkage as a scored model: comparison levels, match weights, clustering.

Two reports tell of one incident when their evidence says so: the same day,
the same town or one a few kilometres away, compatible event types, the same
victims, overlapping tolls, the same perpetrator. `align` compares each
candidate pair of local incidents (its blocking: same area, same day) on the
features of `LEVELS`, one small integer *level* per feature, and this module
turns the levels into a score and the scores into incidents:

* **Fellegi–Sunter match weights.** Each (feature, level) has a weight in bits
  (log2 of m/u: how much likelier the level is among pairs that tell one
  incident than among pairs that do not); a pair's score is the prior plus its
  levels' weights, its log2 odds of telling one incident. The weights are
  fitted (`fit`) on labelled candidate pairs and ship as a knowledge-pack data
  file with its provenance (`linkage_weights.csv`); `links.reasons` lists each
  feature's contribution ("same date ±0 d +0.4; Saraqib +1.2; victims soldiers
  +0.6; perpetrator differs 0").
* **Conflicts never veto.** Levels that state a disagreement between accounts
  (another perpetrator, far-apart tolls, other victims or targets) weigh 0
  bits: finding those disagreements is the point of lining accounts up, so
  they may not keep two accounts apart (nor, by chance correlations of the
  training labels, draw two reports together).
* **Average linkage** (`cluster`): two clusters merge when the mean score over
  all their cross pairs reaches the threshold, pairs never compared counting
  `missing_weight`. One strong link cannot chain two incidents through a weak
  one (single linkage would), and one dissenting pair does not veto a merge
  the way complete linkage does. Cannot-link pairs (an analyst's `split`, two
  local incidents of one report, towns too far apart) never end in one
  cluster.
* **Joining whole clusters** (`join_clusters`): average linkage keeps two
  halves of one big event apart when no pair joins them strongly enough to
  outweigh the pairs never compared; two clusters then join when most of
  all their cross pairs reach a weak score, the compared ones average the
  threshold, and the caller's test of one event (one day, type and place in
  `align`) holds.

Everything here is a pure function of its inputs; ties break by index, so the
output does not depend on the order pairs arrive in.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np

from .groups import DisjointSets

__all__ = [
    "LEVELS",
    "FEATURES",
    "CONFLICT_LEVELS",
    "NULLABLE",
    "LINKAGES",
    "LinkageModel",
    "model_from_rows",
    "model_rows",
    "fit",
    "score",
    "reasons",
    "probability",
    "cluster",
    "join_clusters",
]

# Levels of each comparison feature, in the order of their integers. Level 0
# of a NULLABLE feature is "no evidence" (one side says nothing) and weighs 0.
LEVELS: dict[str, tuple[str, ...]] = {
    "date": ("null", "same day, both stated", "same day, one stated", "same day, both reported",
             "1 d apart", "2+ d apart"),
    "place": ("null", "same town", "<=10 km", "<=30 km", "same governorate only", ">30 km apart",
              "different governorate"),
    "etype": ("null", "same type", "compatible", "generic", "incompatible"),
    "victims": ("null", "same group", "different groups"),
    "toll": ("null", "same figure", "overlapping", "within x2", "far apart"),
    "perp": ("null", "same perpetrator", "same side", "perpetrator differs"),
    "target": ("null", "same target", "different targets"),
    "outlet": ("null", "same outlet", "different outlets"),
    "source": ("null", "shared named source", "no shared named source"),
    "main": ("neither main", "one main", "both main", "both lead"),
}
FEATURES: tuple[str, ...] = tuple(LEVELS)
NULLABLE = frozenset(f for f in FEATURES if f != "main")
#: levels that state a disagreement between accounts, or that they come from
#: different sources: they weigh 0 bits (independent, conflicting accounts are
#: what lining reports up is for)
CONFLICT_LEVELS: frozenset[tuple[str, int]] = frozenset({
    ("perp", 3), ("toll", 3), ("toll", 4), ("victims", 2), ("target", 2), ("source", 2), ("outlet", 2)})
LINKAGES = ("average", "complete", "single")


@dataclass(frozen=True)
class LinkageModel:
    """Match weights in bits per (feature, level) and the prior (log2 odds of
    a candidate pair telling one incident); `provenance` says where they come
    from. Small and picklable: it travels with alignment's scoring blocks."""

    weights: Mapping[str, tuple[float, ...]]
    prior: float
    provenance: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for f in FEATURES:
            w = self.weights.get(f)
            if w is None or len(w) != len(LEVELS[f]):
                raise ValueError(f"linkage weights: feature {f!r} needs {len(LEVELS[f])} levels "
                                 f"({', '.join(LEVELS[f])}), got {0 if w is None else len(w)}")
            if not all(math.isfinite(x) for x in w):
                raise ValueError(f"linkage weights: feature {f!r} has a weight that is not a finite number")
        if not math.isfinite(self.prior):
            raise ValueError("linkage weights: the prior is not a finite number")
        # one flat table for scoring: offset of each feature's level 0
        offsets, flat = [], []
        for f in FEATURES:
            offsets.append(len(flat))
            flat.extend(self.weights[f])
        object.__setattr__(self, "_offsets", tuple(offsets))
        object.__setattr__(self, "_flat", tuple(flat))

    def weight(self, feature: str, level: int) -> float:
        return self.weights[feature][level]


def model_from_rows(rows: Sequence[Mapping[str, str]], *, provenance: Mapping[str, str] | None = None,
                    origin: str = "linkage_weights.csv") -> LinkageModel:
    """A model from the rows of a weights file (columns feature, level,
    label, weight_bits; the prior is the row of feature `_prior`). Raises
    ValueError naming `origin` for a file that lacks a feature or level."""
    weights: dict[str, list[float | None]] = {f: [None] * len(v) for f, v in LEVELS.items()}
    prior = None
    for n, r in enumerate(rows, start=1):
        f = str(r.get("feature", "")).strip()
        try:
            w = float(str(r.get("weight_bits", "")).strip())
        except ValueError:
            raise ValueError(f"{origin}: row {n}: weight_bits {r.get('weight_bits')!r} is not a number") from None
        if f == "_prior":
            prior = w
            continue
        if f not in weights:
            raise ValueError(f"{origin}: row {n}: unknown feature {f!r} (features: {', '.join(FEATURES)}, _prior)")
        try:
            lvl = int(str(r.get("level", "")).strip())
        except ValueError:
            raise ValueError(f"{origin}: row {n}: level {r.get('level')!r} is not a whole number") from None
        if not 0 <= lvl < len(weights[f]):
            raise ValueError(f"{origin}: row {n}: feature {f!r} has no level {lvl}")
        weights[f][lvl] = w
    missing = [f"{f}[{i}]" for f, ws in weights.items() for i, w in enumerate(ws) if w is None]
    if missing or prior is None:
        raise ValueError(f"{origin}: missing weights for {', '.join(missing + ([] if prior is not None else ['_prior']))}")
    return LinkageModel({f: tuple(float(x) for x in ws if x is not None) for f, ws in weights.items()}, float(prior),
                        dict(provenance or {}))


def model_rows(model: LinkageModel) -> list[dict[str, str]]:
    """The rows of a weights file for `model` (see `model_from_rows`)."""
    rows = [{"feature": "_prior", "level": "0", "label": "prior (log2 odds of a candidate pair)",
             "weight_bits": f"{model.prior:.3f}"}]
    for f in FEATURES:
        for lvl, w in enumerate(model.weights[f]):
            rows.append({"feature": f, "level": str(lvl), "label": LEVELS[f][lvl], "weight_bits": f"{w:.3f}"})
    return rows


# =============================================================================== fitting and scoring

def fit(levels: np.ndarray, same: np.ndarray, *, alpha: float = 1.0,
        m_rows: Mapping[str, np.ndarray] | None = None) -> LinkageModel:
    """Fellegi–Sunter weights from labelled candidate pairs.

    `levels`: one row per pair, one column per feature of FEATURES (level
    integers); `same`: whether the pair tells one incident. m = P(level | same)
    and u = P(level | not same) are counted within the candidate pairs with
    Laplace smoothing `alpha`; weight = log2(m / u). `m_rows` may restrict,
    per feature, the matching pairs m is counted on (to those whose label is
    most trustworthy). A level never seen says nothing (0), nor does a null
    level; conflict levels (CONFLICT_LEVELS) weigh 0: a disagreement between
    two accounts is what lining them up should show, so it neither keeps
    them apart nor draws them together."""
    lv = np.asarray(levels, dtype=np.int64)
    y = np.asarray(same, dtype=bool)
    if lv.ndim != 2 or lv.shape[1] != len(FEATURES) or len(lv) != len(y):
        raise ValueError(f"levels must be a (pairs x {len(FEATURES)}) array aligned with `same`")
    npos, nneg = int(y.sum()), int((~y).sum())
    weights: dict[str, tuple[float, ...]] = {}
    for k, f in enumerate(FEATURES):
        n_levels = len(LEVELS[f])
        pos = y if not m_rows or f not in m_rows else y & np.asarray(m_rows[f], dtype=bool)
        mc = np.bincount(lv[pos, k], minlength=n_levels)[:n_levels]
        uc = np.bincount(lv[~y, k], minlength=n_levels)[:n_levels]
        m, u = mc + alpha, uc + alpha
        w = np.log2((m / m.sum()) / (u / u.sum()))
        w[(mc + uc) == 0] = 0.0
        if f in NULLABLE:
            w[0] = 0.0
        out = [round(float(x), 3) for x in w]
        for lvl in range(n_levels):
            if (f, lvl) in CONFLICT_LEVELS:
                out[lvl] = 0.0
        weights[f] = tuple(out)
    prior = round(math.log2((npos + alpha) / (nneg + alpha)), 3)
    prov = {"model": "Fellegi-Sunter, m and u counted on labelled candidate pairs",
            "positives": str(npos), "negatives": str(nneg), "alpha": str(alpha),
            "conflict_weight": "0.0"}
    return LinkageModel(weights, prior, prov)


def score(model: LinkageModel, levels: Sequence[int]) -> float:
    """Log2 odds that a pair tells one incident: the prior plus the weights of
    its levels (one per feature of FEATURES)."""
    flat, off = model._flat, model._offsets  # type: ignore[attr-defined]
    s = model.prior
    for o, lvl in zip(off, levels):
        s += flat[o + lvl]
    return s


def probability(bits: float) -> float:
    """Match probability of a score in bits (log2 odds), 0-1."""
    if bits >= 60:
        return 1.0
    if bits <= -60:
        return 0.0
    return 1.0 / (1.0 + 2.0 ** (-bits))


def reasons(model: LinkageModel, levels: Sequence[int], why: Sequence[str]) -> list[str]:
    """Each feature's contribution, in words and bits ("Saraqib +1.2",
    "perpetrator differs 0"); features with no evidence are left out. `why`:
    the pair's own wording of each level (e.g. the town both name), or '' for
    the level's label."""
    out = []
    for f, lvl, text in zip(FEATURES, levels, why):
        if f in NULLABLE and lvl == 0:
            continue
        w = model.weights[f][lvl]
        label = text or LEVELS[f][lvl]
        out.append(f"{label} {w:+.1f}" if abs(w) >= 0.05 else f"{label} 0")
    return out


# =============================================================================== clustering

def cluster(n: int, pairs: Iterable[tuple[int, int, float]], *, threshold: float, linkage: str = "average",
            missing_weight: float = -10.0, cannot_link: Iterable[tuple[int, int]] = ()
            ) -> tuple[list[int], list[tuple[int, int, float, int]]]:
    """Agglomerative clustering of `n` nodes from scored pairs (i, j, bits).

    Returns (label of each node: the smallest node index of its cluster, the
    merges in order as (i, j, value, pairs): the best-scoring pair between the
    two clusters merged, the linkage value that merged them and the number of
    node pairs it was taken over).

    `linkage`: "average" (mean over all cross pairs, pairs never scored count
    `missing_weight`), "complete" (the worst pair; an unscored pair counts
    `missing_weight`) or "single" (the best pair). Clusters merge best value
    first while it reaches `threshold`; a `cannot_link` pair never ends in one
    cluster. Ties break by node index: the result does not depend on the
    order of `pairs`."""
    if linkage not in LINKAGES:
        raise ValueError(f"linkage must be one of {', '.join(LINKAGES)}, not {linkage!r}")
    # Two clusters can only merge when some pair between them reaches the
    # threshold (no linkage value exceeds the best pair), so clusters never
    # leave the connected components of the graph of such pairs: pairs across
    # components cannot change anything and are set aside (most weak pairs).
    pairs = [(int(a), int(b), float(x)) for a, b, x in pairs]
    comp = DisjointSets(range(n))
    for a, b, x in pairs:
        if x >= threshold and a != b:
            comp.union(a, b)
    root = [comp.find(k) for k in range(n)]   # each node's component, found once
    pairs = [(a, b, x) for a, b, x in pairs if root[a] == root[b]]
    cannot_link = [(a, b) for a, b in cannot_link if root[a] == root[b]]
    size = [1] * n
    alive = [True] * n
    # nb[a][b] = [sum of scores, pairs scored, worst, best, best pair i, best pair j] between clusters a, b
    nb: list[dict[int, list]] = [dict() for _ in range(n)]
    forbid: list[set[int]] = [set() for _ in range(n)]
    for a, b in cannot_link:
        if a != b:
            forbid[a].add(b)
            forbid[b].add(a)
    for a, b, x in pairs:
        if a == b:
            continue
        if b < a:
            a, b = b, a
        e = nb[a].get(b)
        if e is None:
            e = [x, 1, x, x, a, b]
            nb[a][b] = nb[b][a] = e
        elif x > e[3]:  # a pair given twice keeps its best score
            e[0] = e[2] = e[3] = x
    version = [0] * n

    def value(a: int, b: int) -> float:
        e = nb[a][b]
        total = size[a] * size[b]
        if linkage == "average":
            return (e[0] + (total - e[1]) * missing_weight) / total
        if linkage == "complete":
            return e[2] if e[1] == total else min(e[2], missing_weight)
        return e[3]

    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        if b in forbid[a]:
            return
        v = value(a, b)
        if v >= threshold:
            lo, hi = (a, b) if a < b else (b, a)
            heapq.heappush(heap, (-v, lo, hi, version[lo], version[hi]))

    for a in range(n):
        for b in nb[a]:
            if a < b:
                push(a, b)
    merges: list[tuple[int, int, float, int]] = []
    while heap:
        negv, a, b, va, vb = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or version[a] != va or version[b] != vb or b in forbid[a]:
            continue
        e = nb[a][b]
        merges.append((e[4], e[5], -negv, size[a] * size[b]))
        # b joins a (a is the smaller index: labels are the smallest member)
        alive[b] = False
        size[a] += size[b]
        for c in forbid[b]:
            forbid[c].discard(b)
            forbid[c].add(a)
        forbid[a] |= forbid[b]
        del nb[a][b]
        del nb[b][a]
        for c, eb in nb[b].items():
            del nb[c][b]
            ea = nb[a].get(c)
            if ea is None:
                ea = list(eb)
            else:
                best = ea if ea[3] > eb[3] or (ea[3] == eb[3] and (ea[4], ea[5]) <= (eb[4], eb[5])) else eb
                ea = [ea[0] + eb[0], ea[1] + eb[1], min(ea[2], eb[2]), best[3], best[4], best[5]]
            nb[a][c] = ea
            nb[c][a] = ea
        nb[b] = {}
        version[a] += 1
        version[b] += 1
        for c in nb[a]:
            push(a, c)
    clusters = DisjointSets(range(n))
    for i, j, _, _ in merges:
        clusters.union(i, j)
    return [clusters.find(k) for k in range(n)], merges


# =============================================================================== joining whole clusters

def join_clusters(labels: Sequence[int], pairs: Iterable[tuple[int, int, float]], *, weak: float, share: float,
                  threshold: float, cannot_link: Iterable[tuple[int, int]] = (),
                  accept: Callable[[Sequence[int], Sequence[int]], str | None] | None = None
                  ) -> tuple[list[int], list[tuple[int, int, float, int, int, int, str]]]:
    """Join whole clusters of `cluster` that the evidence between them says
    tell one incident, though average linkage kept them apart.

    Average linkage keeps two halves of a big event apart when no pair joins
    them strongly enough to outweigh the pairs never compared (each counting
    `missing_weight`) or when a cannot-link pair stands between them. Here two
    clusters join when at least `share` of all their cross node pairs
    (compared or not) score `weak` bits or more, the mean over the compared
    ones reaches `threshold`, no `cannot_link` pair lies between them, and
    `accept(members_a, members_b)` (the caller's test of one event: one day,
    one type, one place) returns its reason rather than None. The best
    candidate (largest share, then mean, then smallest labels) joins first
    and the joined cluster is weighed again against its neighbours, until
    none qualifies.

    Returns (the label of each node: the smallest node of its cluster, the
    joins in order as (i, j, mean, pairs at or above `weak`, pairs compared,
    all cross pairs, accept's reason): i, j the best-scoring pair between the
    two clusters joined)."""
    lab = [int(x) for x in labels]
    members: dict[int, list[int]] = {}
    for node, c in enumerate(lab):
        members.setdefault(c, []).append(node)
    # between clusters a < b: [sum of scores, compared, at or above weak, best score, best pair i, best pair j]
    nb: dict[int, dict[int, list]] = {c: {} for c in members}
    seen: set[tuple[int, int]] = set()
    for a, b, x in pairs:
        a, b = int(a), int(b)
        ca, cb = lab[a], lab[b]
        key = (a, b) if a < b else (b, a)
        if ca == cb or key in seen:
            continue
        seen.add(key)
        x = float(x)
        e = nb[ca].get(cb)
        if e is None:
            e = [0.0, 0, 0, -math.inf, a, b]
            nb[ca][cb] = nb[cb][ca] = e
        e[0] += x
        e[1] += 1
        e[2] += x >= weak
        if x > e[3] or (x == e[3] and key < (min(e[4], e[5]), max(e[4], e[5]))):
            e[3], e[4], e[5] = x, a, b
    forbid: dict[int, set[int]] = {c: set() for c in members}
    for a, b in cannot_link:
        ca, cb = lab[int(a)], lab[int(b)]
        if ca != cb:
            forbid[ca].add(cb)
            forbid[cb].add(ca)

    def qualifies(a: int, b: int) -> tuple[float, float] | None:
        e = nb[a][b]
        total = len(members[a]) * len(members[b])
        mean = e[0] / e[1]
        if e[2] < share * total or mean < threshold:
            return None
        return e[2] / total, mean

    # the qualifying pairs of clusters (few: most pairs of clusters fall short), kept up to date as clusters join
    cands: dict[tuple[int, int], tuple[float, float]] = {}

    def weigh(a: int, b: int) -> None:
        lo, hi = (a, b) if a < b else (b, a)
        q = None if hi in forbid[lo] else qualifies(lo, hi)
        if q is None:
            cands.pop((lo, hi), None)
        else:
            cands[(lo, hi)] = q

    for a in nb:
        for b in nb[a]:
            if a < b:
                weigh(a, b)
    joins: list[tuple[int, int, float, int, int, int, str]] = []
    while cands:
        a, b = min(cands, key=lambda p: (-cands[p][0], -cands[p][1], p))
        mean = cands.pop((a, b))[1]
        why = accept(members[a], members[b]) if accept is not None else ""
        if why is None:
            continue   # weighed again only when either cluster changes
        e = nb[a][b]
        joins.append((e[4], e[5], mean, e[2], e[1], len(members[a]) * len(members[b]), why))
        # b joins a (a < b: labels stay the smallest member)
        members[a] += members.pop(b)
        for node in members[a]:
            lab[node] = a
        del nb[a][b], nb[b][a]
        for c, eb in nb.pop(b).items():
            del nb[c][b]
            cands.pop((min(b, c), max(b, c)), None)
            ea = nb[a].get(c)
            if ea is None:
                ea = list(eb)
            else:
                top = ea if (ea[3], -min(ea[4], ea[5])) >= (eb[3], -min(eb[4], eb[5])) else eb
                ea = [ea[0] + eb[0], ea[1] + eb[1], ea[2] + eb[2], top[3], top[4], top[5]]
            nb[a][c] = nb[c][a] = ea
        for c in forbid.pop(b):
            forbid[c].discard(b)
            forbid[c].add(a)
            forbid[a].add(c)
        for c in nb[a]:
            weigh(a, c)
    return lab, joins
