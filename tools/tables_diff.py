#!/usr/bin/env python
"""Compare two folders of claimscope tables, cell by cell.

    python tools/tables_diff.py BEFORE_DIR AFTER_DIR [--strict] [--examples N]

A refactoring that should not change what the pipeline finds is checked by
running it before and after on the same corpus and comparing the tables
folders: every table of BEFORE must be in AFTER with the same rows in the same
order and the same values in every column BEFORE has. Tables and columns that
only AFTER has are listed as new (with `--strict` they count as differences).
Values are compared as the tables are read back (`claimscope.read_table`:
Parquet preferred, contract dtypes), missing equals missing.

Exit status: 0 when the folders agree, 1 when they differ, 2 for bad arguments.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "lib") not in sys.path:  # a fresh clone without `pip install -e .`
    sys.path.insert(0, str(REPO / "lib"))

from claimscope.tables import read_table  # noqa: E402


def _names(folder: Path) -> set[str]:
    return {p.stem for p in folder.iterdir() if p.suffix in (".parquet", ".csv") and not p.name.startswith(".")}


def _cells(s: pd.Series) -> list[object]:
    """Column values with every kind of missing value as None."""
    return [None if v is None or (not isinstance(v, str) and pd.isna(v)) else v for v in s.astype("object").tolist()]


def compare_folders(before: Path, after: Path, *, strict: bool = False, examples: int = 3) -> tuple[bool, list[str]]:
    """(same, report lines) for two tables folders."""
    lines: list[str] = []
    same = True
    b_names, a_names = _names(before), _names(after)
    for name in sorted(b_names - a_names):
        lines.append(f"{name}: missing from {after}")
        same = False
    for name in sorted(a_names - b_names):
        lines.append(f"{name}: new table ({len(read_table(after, name))} rows)")
        same = same and not strict
    for name in sorted(b_names & a_names):
        b, a = read_table(before, name), read_table(after, name)
        new_cols = [c for c in a.columns if c not in b.columns]
        gone = [c for c in b.columns if c not in a.columns]
        problems: list[str] = []
        if gone:
            problems.append(f"columns missing: {', '.join(gone)}")
        if len(a) != len(b):
            problems.append(f"{len(b)} rows before, {len(a)} after")
        else:
            for col in b.columns:
                if col not in a.columns:
                    continue
                vb, va = _cells(b[col]), _cells(a[col])
                bad = [i for i, (x, y) in enumerate(zip(vb, va)) if x != y]
                if bad:
                    shown = "; ".join(f"row {i}: {vb[i]!r} -> {va[i]!r}" for i in bad[:examples])
                    problems.append(f"column {col}: {len(bad)} of {len(b)} cells differ ({shown})")
        note = f" (new columns: {', '.join(new_cols)})" if new_cols else ""
        if problems:
            same = False
            lines.append(f"{name}: DIFFERS{note}")
            lines += [f"  {p}" for p in problems]
        else:
            if new_cols and strict:
                same = False
            lines.append(f"{name}: identical, {len(b)} rows x {len(b.columns)} columns{note}")
    return same, lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path, help="tables folder written before the change")
    ap.add_argument("after", type=Path, help="tables folder written after the change")
    ap.add_argument("--strict", action="store_true", help="new tables and columns count as differences")
    ap.add_argument("--examples", type=int, default=3, help="differing cells shown per column (default 3)")
    args = ap.parse_args(argv)
    for d in (args.before, args.after):
        if not d.is_dir():
            print(f"tables_diff: {d}: not a folder", file=sys.stderr)
            return 2
    same, lines = compare_folders(args.before, args.after, strict=args.strict, examples=args.examples)
    print("\n".join(lines))
    print("tables_diff: " + ("the tables agree" if same else "the tables differ"))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
