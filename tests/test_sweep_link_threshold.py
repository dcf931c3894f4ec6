"""tools/sweep_link_threshold.py: how the cross-document threshold is re-chosen after a refit."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from claimscope.align import align_settings
from claimscope.knowledge import load_knowledge

REPO = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("sweep_link_threshold", REPO / "tools" / "sweep_link_threshold.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("sweep_link_threshold", mod)
    spec.loader.exec_module(mod)
    return mod


def test_grid_holds_both_ends_without_float_drift():
    t = _tool()
    assert t.grid(-1.0, 1.0, 0.5) == [-1.0, -0.5, 0.0, 0.5, 1.0]
    assert t.grid(0.0, 0.3, 0.1) == [0.0, 0.1, 0.2, 0.3]


def test_plateau_is_every_threshold_at_the_best_of_each_figure():
    t = _tool()
    rows = [(0.0, (10, 55), 2), (0.5, (10, 55), 2), (1.0, (10, 55), 2), (1.5, (8, 52), 2), (2.0, (10, 55), 3)]
    # 2.0 lines the example up as well but links a third UCDP-AEC pair: off the plateau
    assert t.plateau(rows) == [0.0, 0.5, 1.0]


def test_choice_is_the_upper_edge_less_the_margin_on_the_grid():
    t = _tool()
    rows = [(x / 10, (10,) if x <= 8 else (8,), 2) for x in range(-10, 31)]
    assert t.choose(rows, 0.3) == 0.5
    assert t.choose(rows, 0.0) == 0.8
    # a plateau narrower than the margin gives no choice rather than a threshold off it
    assert t.choose([(0.7, (10,), 2), (0.8, (10,), 2), (0.9, (8,), 2)], 0.3) is None


def test_a_pack_with_only_the_threshold_changes_only_the_threshold(tmp_path):
    (tmp_path / "align.yaml").write_text("cross_document:\n  link_threshold: -0.25\n", encoding="utf-8")
    base, swept = align_settings(load_knowledge()), align_settings(load_knowledge(tmp_path))
    assert swept.link_threshold == -0.25
    assert swept.missing_weight == base.missing_weight and swept.model == base.model
