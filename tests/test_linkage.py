"""claimscope.linkage: match weights (file, fit, score, reasons) and average-linkage
clustering with cannot-link; the shipped weights."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from claimscope import linkage as L
from claimscope.align import align_settings
from claimscope.knowledge import KnowledgeError, load_knowledge

from builtin_knowledge import K


def _model(**over: tuple[float, ...]) -> L.LinkageModel:
    weights = {f: tuple(0.0 for _ in L.LEVELS[f]) for f in L.FEATURES}
    weights.update(over)
    return L.LinkageModel(weights, -1.0)


# --------------------------------------------------------------------------- the weights file

def test_weights_file_rows_round_trip():
    m = _model(place=(0.0, 3.2, 1.0, 0.5, 0.0, -1.5, -2.0), date=(0.0, 4.1, 1.0, -0.5, 0.0, 0.0))
    back = L.model_from_rows(L.model_rows(m))
    assert back.prior == m.prior and dict(back.weights) == dict(m.weights)


@pytest.mark.parametrize("drop, message", [
    (("place", "3"), r"missing weights for place\[3\]"),
    (("_prior", "0"), "missing weights for _prior"),
])
def test_a_weights_file_missing_a_level_is_refused(drop, message):
    rows = [r for r in L.model_rows(_model()) if (r["feature"], r["level"]) != drop]
    with pytest.raises(ValueError, match=message):
        L.model_from_rows(rows, origin="w.csv")


@pytest.mark.parametrize("row, message", [
    ({"feature": "colour", "level": "0", "weight_bits": "1"}, "unknown feature 'colour'"),
    ({"feature": "date", "level": "9", "weight_bits": "1"}, "has no level 9"),
    ({"feature": "date", "level": "1", "weight_bits": "lots"}, "is not a number"),
])
def test_a_malformed_weights_row_names_the_file_and_row(row, message):
    rows = L.model_rows(_model()) + [row]
    with pytest.raises(ValueError, match=f"w.csv: row {len(rows)}: .*{message}"):
        L.model_from_rows(rows, origin="w.csv")


def test_a_pack_with_unusable_weights_is_a_knowledge_error(tmp_path):
    (tmp_path / "linkage_weights.csv").write_text("# mine\nfeature,level,label,weight_bits\n_prior,0,prior,0\n",
                                                  encoding="utf-8")
    with pytest.raises(KnowledgeError, match="linkage_weights.csv: missing weights"):
        align_settings(load_knowledge(tmp_path))


def test_the_shipped_weights_never_hold_a_conflict_against_a_link():
    model = align_settings(K).model
    for f, lvl in L.CONFLICT_LEVELS:
        assert model.weight(f, lvl) == 0.0, (f, L.LEVELS[f][lvl])
    for f in L.NULLABLE:
        assert model.weight(f, 0) == 0.0, f
    # what the weights were fitted to say
    assert model.weight("place", 1) > 0 > model.weight("place", 6)
    assert model.weight("etype", 1) > model.weight("etype", 4)


# --------------------------------------------------------------------------- fit, score, reasons

def test_fit_counts_m_and_u_per_level_and_zeroes_conflicts():
    f = L.FEATURES
    rows, same = [], []
    # 8 matches: 6 in the same town; 8 non-matches: 2 in the same town
    for k in range(16):
        lv = [0] * len(f)
        lv[f.index("place")] = 1 if (k < 6 or 8 <= k < 10) else 4
        lv[f.index("perp")] = 3 if k < 8 else 1   # matches disagree on the perpetrator
        rows.append(lv)
        same.append(k < 8)
    m = L.fit(np.array(rows), np.array(same), alpha=1.0)
    # place: m(town) = 7/14 ... with Laplace 1 over 7 levels: (6+1)/(8+7), u = (2+1)/(8+7)
    assert m.weight("place", 1) == pytest.approx(math.log2(7 / 3), abs=1e-3)
    assert m.weight("perp", 3) == 0.0          # a conflict level weighs nothing, whatever it counted
    assert m.weight("place", 0) == 0.0         # null
    assert m.weight("place", 2) == 0.0         # never seen
    assert m.prior == pytest.approx(0.0)
    with pytest.raises(ValueError, match="levels must be"):
        L.fit(np.zeros((3, 2)), np.array([True, False, True]))


def test_fit_may_count_m_on_the_pairs_whose_label_holds():
    f = L.FEATURES
    rows = np.zeros((4, len(f)), dtype=int)
    rows[:, f.index("place")] = [1, 5, 5, 5]
    same = np.array([True, True, False, False])
    trusted = np.array([True, False, True, True])
    everywhere = L.fit(rows, same)
    lead_only = L.fit(rows, same, m_rows={"place": trusted})
    assert lead_only.weight("place", 1) > everywhere.weight("place", 1)
    assert lead_only.weight("place", 5) < everywhere.weight("place", 5)


def test_score_is_prior_plus_level_weights_and_reasons_say_each():
    m = _model(date=(0.0, 0.4, -0.8, -1.4, 0.0, 0.0), place=(0.0, 0.9, 0.3, -2.7, -0.3, -2.3, -2.7),
               perp=(0.0, 1.9, 1.3, 0.0))
    levels = [0] * len(L.FEATURES)
    levels[L.FEATURES.index("date")] = 1
    levels[L.FEATURES.index("place")] = 1
    levels[L.FEATURES.index("perp")] = 3
    assert L.score(m, levels) == pytest.approx(-1.0 + 0.4 + 0.9)
    why = [""] * len(L.FEATURES)
    why[L.FEATURES.index("place")] = "Saraqib"
    text = L.reasons(m, levels, why)
    assert text[:3] == ["same day, both stated +0.4", "Saraqib +0.9", "perpetrator differs 0"]
    assert not any("null" in r for r in text)          # features with no evidence are left out
    assert text[-1] == "neither main 0"                # the lead/secondary feature always speaks


def test_probability_is_the_logistic_of_bits():
    assert L.probability(0) == 0.5
    assert L.probability(2) == pytest.approx(0.8)
    assert L.probability(1000) == 1.0 and L.probability(-1000) == 0.0


# --------------------------------------------------------------------------- clustering

def test_average_linkage_never_chains_through_a_weak_link():
    """A and B tell one incident, B and C too as far as their pair says, A and C
    were never compared (another area or day): single linkage chains all
    three; average linkage takes the missing pair into account."""
    pairs = [(0, 1, 5.0), (1, 2, 4.0)]
    single, _ = L.cluster(3, pairs, threshold=2.0, linkage="single")
    average, merges = L.cluster(3, pairs, threshold=2.0, linkage="average", missing_weight=-10.0)
    assert single == [0, 0, 0]
    assert average == [0, 0, 2]
    assert merges == [(0, 1, 5.0, 1)]


def test_one_dissenting_pair_does_not_veto_an_average_merge_but_does_a_complete_one():
    pairs = [(0, 1, 6.0), (0, 2, 5.0), (1, 2, 1.0)]
    assert L.cluster(3, pairs, threshold=2.0, linkage="average")[0] == [0, 0, 0]
    assert L.cluster(3, pairs, threshold=2.0, linkage="complete")[0] == [0, 0, 2]


def test_cannot_link_holds_through_every_bridge():
    pairs = [(0, 1, 9.0), (1, 2, 9.0), (0, 2, 9.0), (2, 3, 9.0)]
    labels, _ = L.cluster(4, pairs, threshold=0.0, cannot_link=[(0, 3)])
    assert labels[0] != labels[3]
    assert labels[0] == labels[1]


def test_clusters_do_not_depend_on_the_order_of_pairs():
    rng = random.Random(7)
    pairs = [(i, j, round(rng.uniform(-4, 6), 1)) for i in range(30) for j in range(i + 1, 30) if rng.random() < 0.3]
    cannot = [(i, i + 1) for i in range(0, 30, 7)]
    want = L.cluster(30, pairs, threshold=1.0, cannot_link=cannot)
    for _ in range(3):
        shuffled = [(j, i, w) if rng.random() < 0.5 else (i, j, w) for i, j, w in pairs]
        rng.shuffle(shuffled)
        assert L.cluster(30, shuffled, threshold=1.0, cannot_link=list(reversed(cannot))) == want


def test_weak_pairs_between_separate_groups_change_nothing():
    """Two groups of nodes that no pair at or above the threshold joins never
    merge, whatever weak pairs lie between them: adding such pairs (and
    cannot-links across them) leaves labels and merges as they were."""
    rng = random.Random(11)
    group_a, group_b = range(0, 12), range(12, 24)
    inside = [(i, j, round(rng.uniform(-4, 6), 1)) for g in (group_a, group_b)
              for i in g for j in g if i < j and rng.random() < 0.4]
    across = [(i, j, round(rng.uniform(-9, 1.9), 1)) for i in group_a for j in group_b if rng.random() < 0.3]
    for linkage in L.LINKAGES:
        want = L.cluster(24, inside, threshold=2.0, linkage=linkage)
        got = L.cluster(24, inside + across, threshold=2.0, linkage=linkage, cannot_link=[(0, 12), (5, 20)])
        assert got == want, linkage


def test_a_cluster_label_is_its_smallest_node_and_unknown_linkage_is_refused():
    labels, _ = L.cluster(4, [(3, 1, 5.0)], threshold=0.0)
    assert labels == [0, 1, 2, 1]
    with pytest.raises(ValueError, match="linkage must be one of"):
        L.cluster(2, [], threshold=0.0, linkage="ward")
