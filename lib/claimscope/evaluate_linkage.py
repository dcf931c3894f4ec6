"""Cross-document linkage on FA-KES dev: fitting, cross-validation, and what bounds the figure.

FA-KES's crowd gives each article an event date and a governorate; two
articles with the same pair tell one incident (`crowd_keys`, the definition
of `evaluate.gold_pairs`). Those labels are noisy in both directions: the
crowd lumps distinct events of one day and governorate (26 % of its pairs,
by a hand reading) and splits one event filed under two dates (often the
article's dateline). `tests/gold/fakes_linkage_adjudication.csv` holds that
hand reading (document pairs and verdicts only) and `adjudicated_keys`
applies it.

* **Fitting** (`fit_model`): the match weights of `claimscope.linkage` are
  counted on every candidate pair of local incidents that alignment's
  blocking forms (`align.linkage_pairs`), labelled by the crowd: the pair is
  a match when the two articles share a crowd incident. tools/fit_linkage.py
  writes the shipped weights this way from all of FA-KES dev.
* **Cross-validation** (`cross_validate`): five folds grouped by crowd
  incident (no incident's articles on both sides), balanced by articles then
  gold pairs. Per fold the weights are fitted on the training folds' pairs,
  the whole corpus is aligned with them (the threshold is the pack's, chosen
  on other corpora), and the test fold is scored:
  - **pairwise** (main): two articles are predicted to share an incident
    when their `documents.main_incident_id` is the same; pairs touching a test
    article against the test fold's gold pairs. (**any**: some claims of the
    two share an incident, `evaluate.score_fakes_alignment`'s measure.)
  - **B³** over test articles: an article's predicted cluster is every
    article with its main incident (whole corpus), its gold cluster its crowd
    incident; articles without a main incident are singletons.
* **Bounds** (`oracle`): the hand-corrected partition scored against the
  crowd with the same folds: what a linker that is always right would get.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from .align import align, linkage_pairs
from .evaluate import crowd_keys  # noqa: F401 - part of this module's API, defined where gold_pairs is
from .groups import DisjointSets, pairs_sharing
from .knowledge import Knowledge
from .linkage import FEATURES, LinkageModel, fit

__all__ = ["K_FOLDS", "ADJUDICATION", "crowd_keys", "grouped_folds", "gold_pairs", "load_adjudication",
           "adjudicated_keys", "pair_labels", "fit_model", "score_fold", "summarise", "cross_validate", "METRICS"]

REPO = Path(__file__).resolve().parents[2]
K_FOLDS = 5
ADJUDICATION = REPO / "tests" / "gold" / "fakes_linkage_adjudication.csv"
METRICS = ("main_P", "main_R", "main_F1", "b3_P", "b3_R", "b3_F1", "any_P", "any_R", "any_F1")


def grouped_folds(keys: Mapping[str, str], k: int = K_FOLDS) -> dict[str, int]:
    """doc_id -> fold. Crowd incidents are dealt largest first (ties by a hash
    of the key), each to the fold with the fewest articles, then the fewest
    gold pairs: no incident is split across folds."""
    groups: dict[str, list[str]] = {}
    for d, key in keys.items():
        groups.setdefault(key, []).append(d)
    order = sorted(groups, key=lambda g: (-len(groups[g]), hashlib.sha1(g.encode()).hexdigest()))
    pairs, docs = [0] * k, [0] * k
    fold_of = {}
    for g in order:
        n = len(groups[g])
        f = min(range(k), key=lambda x: (docs[x], pairs[x], x))
        pairs[f] += n * (n - 1) // 2
        docs[f] += n
        for d in groups[g]:
            fold_of[d] = f
    return fold_of


def gold_pairs(keys: Mapping[str, str]) -> set[tuple[str, str]]:
    """Article pairs (sorted ids) that share a key."""
    return pairs_sharing(keys)


def load_adjudication(path: str | Path = ADJUDICATION) -> pd.DataFrame:
    """The hand verdicts on FA-KES dev article pairs: doc_a, doc_b, verdict
    (same | different | unclear), found_in, crowd_keys."""
    return pd.read_csv(path, comment="#", dtype=str)


def adjudicated_keys(keys: Mapping[str, str], adjudication: pd.DataFrame) -> dict[str, str]:
    """The crowd's incidents corrected by the hand verdicts: pairs judged
    `different` leave the crowd's groups, pairs judged `same` join them,
    `unclear` ones stay as the crowd has them; incidents are the connected
    components of the resulting pairs."""
    verdicts = list(zip(adjudication["doc_a"], adjudication["doc_b"], adjudication["verdict"]))
    diff = {tuple(sorted((a, b))) for a, b, v in verdicts if v == "different"}
    same = {tuple(sorted((a, b))) for a, b, v in verdicts if v == "same" and a in keys and b in keys}
    pairs = (gold_pairs(keys) - diff) | same
    incidents = DisjointSets(keys)
    for a, b in sorted(pairs):
        incidents.union(a, b)
    return {d: "adj:" + incidents.find(d) for d in keys}


def pair_labels(pairs: pd.DataFrame, keys: Mapping[str, str]) -> np.ndarray:
    """Whether each candidate pair's two articles share a key."""
    return np.array([keys.get(a) is not None and keys.get(a) == keys.get(b)
                     for a, b in zip(pairs["doc_a"].astype(str), pairs["doc_b"].astype(str))], dtype=bool)


def fit_model(pairs: pd.DataFrame, keys: Mapping[str, str], *, docs: Iterable[str] | None = None) -> LinkageModel:
    """Match weights counted on the candidate pairs whose two articles are
    both in `docs` (default: every keyed article), labelled by `keys`.

    The labels are the articles' (they share a crowd incident), not the
    sentences': a pair of the two articles' lead incidents (headline and
    lede) tells their shared incident, a pair involving a recap or another
    act of either article may not. So m (the levels' frequencies among
    matches) is counted on lead-lead pairs for every feature but the
    lead/secondary one itself, which is counted on all pairs; u (among
    non-matches) on all pairs."""
    allowed = set(keys if docs is None else docs)
    a, b = pairs["doc_a"].astype(str), pairs["doc_b"].astype(str)
    mask = np.array([x in allowed and y in allowed for x, y in zip(a, b)], dtype=bool)
    sub = pairs[mask]
    lead = (sub["lead_a"].astype(bool) & sub["lead_b"].astype(bool)).to_numpy()
    return fit(sub[list(FEATURES)].to_numpy(dtype=np.int64), pair_labels(sub, keys),
               m_rows={f: lead for f in FEATURES if f != "main"})


# =============================================================================== scoring

def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 1.0
    r = tp / ngold if ngold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_fold(main: Mapping[str, str], keys: Mapping[str, str], test: set[str],
               anys: Mapping[str, frozenset[str]] | None = None) -> dict[str, float]:
    """Pairwise (main; any when `anys` is given) and B³ figures of one test
    fold: `main` maps every article to its predicted incident label."""
    gold = {p for p in gold_pairs(keys) if p[0] in test or p[1] in test}
    out: dict[str, float] = {}
    for kind, labels in (("main", main), ("any", anys)):
        if labels is None:
            continue
        pred = {p for p in pairs_sharing(labels) if p[0] in test or p[1] in test}
        tp = len(pred & gold)
        out[f"{kind}_P"], out[f"{kind}_R"], out[f"{kind}_F1"] = _prf(tp, len(pred), len(gold))
    by_pred: dict[str, set[str]] = {}
    for d, lab in main.items():
        by_pred.setdefault(lab, set()).add(d)
    by_gold: dict[str, set[str]] = {}
    for d, k in keys.items():
        by_gold.setdefault(k, set()).add(d)
    ps, rs = [], []
    for d in sorted(test):
        pc = by_pred.get(main.get(d, ""), set()) | {d}
        gc = by_gold[keys[d]]
        inter = len(pc & gc)
        ps.append(inter / len(pc))
        rs.append(inter / len(gc))
    bp, br = float(np.mean(ps)), float(np.mean(rs))
    out["b3_P"], out["b3_R"], out["b3_F1"] = bp, br, (2 * bp * br / (bp + br) if bp + br else 0.0)
    return out


def summarise(rows: Sequence[Mapping[str, float]]) -> dict[str, tuple[float, float]]:
    """(mean, sample sd) over folds of each metric."""
    df = pd.DataFrame(list(rows))
    return {m: (float(df[m].mean()), float(df[m].std(ddof=1)) if len(df) > 1 else 0.0) for m in METRICS if m in df}


def _predictions(tables: Mapping[str, pd.DataFrame]) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """(article -> main incident label, article -> every incident of its claims)."""
    docs = tables["documents"]
    main = {}
    for d, m in zip(docs["doc_id"].astype(str), docs["main_incident_id"].fillna("").astype(str)):
        main[d] = m or f"doc:{d}"
    anys: dict[str, set[str]] = {}
    claims = tables["claims"]
    for d, i in zip(claims["doc_id"].astype(str), claims["incident_id"].fillna("").astype(str)):
        if i:
            anys.setdefault(d, set()).add(i)
    return main, {d: frozenset(anys.get(d) or {f"doc:{d}"}) for d in main}


def cross_validate(tables: Mapping[str, pd.DataFrame], crowd: pd.DataFrame, *, knowledge: Knowledge,
                   adjudication: pd.DataFrame | None = None, train_on: str = "adjudicated",
                   k: int = K_FOLDS) -> dict[str, Any]:
    """Five-fold cross-validation of the linkage on FA-KES dev (module doc).
    The weights are fitted on the training folds' `train_on` labels ("crowd",
    or "adjudicated" as the shipped weights are, when `adjudication` is given).

    Returns {"folds": per-fold rows against the crowd, "adjudicated": the
    same predictions against the corrected gold (when `adjudication` is
    given), "oracle": the corrected partition against the crowd per fold,
    "oracle_pooled": the same over all articles, and the counts "articles",
    "crowd_incidents", "gold_pairs"}."""
    keys = crowd_keys(tables, crowd)
    folds = grouped_folds(keys, k)
    adj = adjudicated_keys(keys, adjudication) if adjudication is not None else None
    ext = {name: tables[name] for name in ("claims", "casualties", "documents", "mentions")}
    claims = ext["claims"].drop(columns=[c for c in ("incident_id",) if c in ext["claims"].columns])
    pairs = linkage_pairs(claims, ext["casualties"], ext["documents"], mentions=ext["mentions"], knowledge=knowledge)
    rows, adj_rows, oracle_rows = [], [], []
    for f in range(k):
        train = {d for d, x in folds.items() if x != f}
        test = {d for d, x in folds.items() if x == f}
        model = fit_model(pairs, adj if adj is not None and train_on == "adjudicated" else keys, docs=train)
        r = align(claims, ext["casualties"], ext["documents"], mentions=ext["mentions"], knowledge=knowledge,
                  linkage=model)
        main, anys = _predictions({"documents": r.documents, "claims": r.claims})
        rows.append(score_fold(main, keys, test, anys))
        if adj is not None:
            adj_rows.append(score_fold(main, adj, test, anys))
            oracle_rows.append(score_fold(adj, keys, test))
    out: dict[str, Any] = {"folds": rows, "articles": len(keys), "crowd_incidents": len(set(keys.values())),
                           "gold_pairs": len(gold_pairs(keys)), "candidate_pairs": len(pairs)}
    if adj is not None:
        out.update(adjudicated=adj_rows, oracle=oracle_rows, oracle_pooled=score_fold(adj, keys, set(keys)),
                   adjudicated_pairs=len(gold_pairs(adj)))
    return out
