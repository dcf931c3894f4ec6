#!/usr/bin/env python
"""Sweep the cross-document clustering threshold on the corpora it is chosen on.

    python tools/sweep_link_threshold.py [--from -1] [--to 3] [--step 0.1] [--weights CSV]

After `tools/fit_linkage.py` refits the match weights the scores move as a
whole (the prior and every level are counted on the candidate pairs
extraction forms, so fewer or more secondary acts shift them), and
`cross_document.link_threshold` in align.yaml must be chosen again. It is
chosen on the cross-document example corpus (tests/fixtures/crossdoc, gold
in crossdoc_gold.yaml) and UCDP-AEC (80 reports of 80 events: a report pair
sharing a main incident is a false link, except the 2 known double-coded
events), never on FA-KES, which the weights are fitted on.

For each threshold this prints the example corpus's figures (groups,
accounts, near misses, conflicts, main incidents, recaps, running totals)
and UCDP-AEC's report pairs sharing a main incident, then the plateau: the
thresholds at which every example figure is at its best over the sweep and
UCDP-AEC links no more pairs than at its best. The procedure (align.yaml):
take the plateau's upper edge and step down by `--margin` (0.3 bits) to the
sweep's grid, so that the choice keeps the plateau's precision, and a later
drift of the weights by less than the margin does not split a gold incident.

`--weights` scores with another weights file (e.g. a refit written with
`fit_linkage.py --out`) instead of the shipped one. The thresholds are laid
over the built-in knowledge as a temporary pack (align.yaml
cross_document.link_threshold, and linkage_weights.csv for `--weights`).
Needs ``$CLAIMSCOPE_UCDP_AEC`` (or ../shared/corpora/ucdp_aec) for UCDP-AEC.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "lib") not in sys.path:  # a fresh clone without `pip install -e .`
    sys.path.insert(0, str(REPO / "lib"))

from claimscope.evaluate import figures  # noqa: E402
from claimscope.knowledge import load_knowledge  # noqa: E402

CROSSDOC = ("groups", "accounts", "near_misses", "conflicts", "main_incidents", "recaps", "running_totals")


def grid(lo: float, hi: float, step: float) -> list[float]:
    n = int(round((hi - lo) / step))
    return [round(lo + i * step, 6) for i in range(n + 1)]


def plateau(rows: list[tuple[float, tuple[int, ...], int]]) -> list[float]:
    """The thresholds whose example figures are each at their best over the
    sweep and whose UCDP-AEC shared pairs are at their fewest."""
    if not rows:
        return []
    best = tuple(max(r[1][i] for r in rows) for i in range(len(rows[0][1])))
    fewest = min(r[2] for r in rows)
    return [t for t, hits, shared in rows if hits == best and shared == fewest]


def choose(rows: list[tuple[float, tuple[int, ...], int]], margin: float) -> float | None:
    """The plateau's upper edge less `margin`, on the sweep's grid (the
    largest swept threshold at or below it that lies on the plateau)."""
    on = plateau(rows)
    if not on:
        return None
    top = max(on)
    below = [t for t in on if t <= top - margin + 1e-9]
    return max(below) if below else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--from", dest="lo", type=float, default=-1.0)
    ap.add_argument("--to", dest="hi", type=float, default=3.0)
    ap.add_argument("--step", type=float, default=0.1)
    ap.add_argument("--margin", type=float, default=0.3)
    ap.add_argument("--weights", help="a linkage_weights.csv to score with instead of the shipped one")
    args = ap.parse_args(argv)
    rows = []
    print("bits   " + " ".join(f"{m:>14s}" for m in CROSSDOC) + "  ucdp_shared_pairs")
    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp)
        if args.weights:
            shutil.copyfile(args.weights, pack / "linkage_weights.csv")
        for t in grid(args.lo, args.hi, args.step):
            (pack / "align.yaml").write_text(f"cross_document:\n  link_threshold: {t}\n", encoding="utf-8")
            f = figures(sections=("crossdoc", "ucdp"), knowledge=load_knowledge(pack))
            m = f["crossdoc"]["measures"]
            u = f["ucdp"]
            if "skipped" in u:
                print(u["skipped"], file=sys.stderr)
                return 2
            hits = tuple(m[k][0] for k in CROSSDOC)
            rows.append((t, hits, int(u["shared_main_pairs"])))
            print(f"{t:+5.2f}  " + " ".join(f"{f'{m[k][0]}/{m[k][1]}':>14s}" for k in CROSSDOC)
                  + f"  {u['shared_main_pairs']}", flush=True)
    on = plateau(rows)
    pick = choose(rows, args.margin)
    print(f"plateau: {min(on):+.2f} .. {max(on):+.2f} bits ({len(on)} of {len(rows)} thresholds)" if on else "no plateau")
    print(f"chosen (upper edge less {args.margin} bits): {pick:+.2f}" if pick is not None else "no threshold chosen")
    return 0


if __name__ == "__main__":
    sys.exit(main())
