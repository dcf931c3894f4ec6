#!/usr/bin/env python
"""Fit the cross-document match weights on FA-KES dev and write them as pack data.

    python tools/fit_linkage.py [--fakes PATH] [--out lib/claimscope/data/syria/linkage_weights.csv]
                                [--labels crowd|adjudicated] [--check]

Runs the pipeline's extraction on the FA-KES development split
(``$CLAIMSCOPE_FAKES`` or ``../shared/corpora/fakes/fakes_dev.csv``), forms
every candidate pair of local incidents alignment's blocking forms
(`align.linkage_pairs`), labels each pair by the crowd (the two articles
share a crowd date and location) or by the crowd corrected by
tests/gold/fakes_linkage_adjudication.csv, counts Fellegi–Sunter m and u per
comparison level (`linkage.fit`: Laplace smoothing, conflict levels at 0
bits) and writes the weights with a provenance header. The clustering
threshold is not fitted here: it lives in align.yaml, chosen on the
cross-document example corpus and UCDP-AEC; after a refit, choose it again
with tools/sweep_link_threshold.py (the scores move as a whole with the
candidate pairs extraction forms).

``--check`` fits and compares with the shipped file instead of writing
(exit status 1 when they differ by more than 0.001 bits).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "lib") not in sys.path:  # a fresh clone without `pip install -e .`
    sys.path.insert(0, str(REPO / "lib"))

import pandas as pd  # noqa: E402

from claimscope.align import linkage_pairs  # noqa: E402
from claimscope.engines import extract  # noqa: E402
from claimscope.evaluate import fakes_columns, fakes_path  # noqa: E402
from claimscope.evaluate_linkage import (  # noqa: E402
    adjudicated_keys,
    crowd_keys,
    fit_model,
    load_adjudication,
    pair_labels,
)
from claimscope.ingest import read_corpora  # noqa: E402
from claimscope.knowledge import load_knowledge  # noqa: E402
from claimscope.linkage import model_from_rows, model_rows  # noqa: E402

DEFAULT_OUT = REPO / "lib" / "claimscope" / "data" / "syria" / "linkage_weights.csv"


def _commit() -> str:
    try:
        return subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def pairs_and_keys(fakes: Path, labels: str) -> tuple[pd.DataFrame, dict[str, str], int]:
    k = load_knowledge()
    ingested = read_corpora([fakes], columns=fakes_columns(), knowledge=k)
    docs = ingested.documents
    ex = extract(docs, knowledge=k)
    tables = {"documents": docs, "claims": ex.claims}
    crowd = pd.read_csv(fakes)
    keys = crowd_keys(tables, crowd)
    if labels == "adjudicated":
        keys = adjudicated_keys(keys, load_adjudication())
    pairs = linkage_pairs(ex.claims, ex.casualties, docs, mentions=ex.mentions, knowledge=k)
    return pairs, keys, len(docs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fakes", default=str(fakes_path()))
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--labels", choices=("crowd", "adjudicated"), default="adjudicated",
                    help="the labels the shipped weights were fitted on (default) or the raw crowd ones")
    ap.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing")
    args = ap.parse_args(argv)
    fakes = Path(args.fakes)
    if not fakes.exists():
        print(f"{fakes} not found (set CLAIMSCOPE_FAKES)", file=sys.stderr)
        return 2
    pairs, keys, n_docs = pairs_and_keys(fakes, args.labels)
    model = fit_model(pairs, keys)
    if args.check:
        shipped = model_from_rows(load_knowledge().linkage)
        worst = max([abs(shipped.prior - model.prior)] + [abs(a - b) for f in model.weights
                                                          for a, b in zip(model.weights[f], shipped.weights[f])])
        print(f"largest difference from the shipped weights: {worst:.4f} bits")
        return 0 if worst <= 0.001 else 1
    y = pair_labels(pairs, keys)
    header = [
        "Cross-document match weights (bits = log2 odds) for claimscope.linkage: one row per comparison level,",
        "plus the prior (feature _prior). A pair's score is the prior plus its levels' weights.",
        "",
        f"Provenance: fitted by tools/fit_linkage.py (claimscope commit {_commit()}, {_dt.date.today().isoformat()})",
        f"on FA-KES dev (../shared/corpora/fakes/fakes_dev.csv, {n_docs} articles; Salem et al. 2019): every",
        f"candidate pair of local incidents alignment's blocking forms (same area, same day): {len(pairs)} pairs,",
        f"{int(y.sum())} labelled as one incident by the {'crowd' if args.labels == 'crowd' else 'crowd corrected by tests/gold/fakes_linkage_adjudication.csv'}",
        "(the two articles share the crowd's date and location). Fellegi-Sunter m = P(level | match) and",
        "u = P(level | non-match) counted within those pairs with Laplace smoothing 1; weight = log2(m/u).",
        "The labels are the articles', so m is counted on pairs of the two articles' lead incidents",
        "(headline and lede) for every feature but the lead/secondary one (all pairs); u on all pairs.",
        "a level never seen and a null level (one side says nothing) weigh 0; conflict levels (perpetrator",
        "differs, tolls within x2 or far apart, other victims, other targets, no shared source, other",
        "outlets) weigh 0 bits so that a disagreement between accounts, or their independence, neither",
        "keeps them apart nor draws them together. No",
        "publication-day or text-similarity feature (issue 11: they learn the crowd's dateline habit or",
        "add nothing measurable). The crowd lumps distinct events of one day and governorate, so place",
        "levels are learned weakly; the clustering threshold (align.yaml cross_document.link_threshold)",
        "is chosen on other corpora, and towns farther apart than align.yaml max_km_act never link.",
    ]
    lines = [f"# {h}".rstrip() for h in header]
    lines.append("feature,level,label,weight_bits")
    for r in model_rows(model):
        label = f'"{r["label"]}"' if "," in r["label"] else r["label"]
        lines.append(f'{r["feature"]},{r["level"]},{label},{r["weight_bits"]}')
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: prior {model.prior:+.3f} bits, {len(pairs)} pairs, {int(y.sum())} matches")
    return 0


if __name__ == "__main__":
    sys.exit(main())
