"""Read and write the public tables as CSV and Parquet, atomically.

All files are first written into a temporary folder inside the destination and
only then moved into place with `os.replace`: a run that fails while writing
leaves the previous tables untouched, and no reader ever sees a half-written
file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Mapping

import pandas as pd

from . import schema

__all__ = ["Tables", "write_tables", "read_tables", "read_table"]


class Tables(dict):
    """The public tables of one run, keyed by name (see `claimscope.schema`).

    A plain dict of DataFrames that also reads as attributes:
    `tables["claims"]` and `tables.claims` are the same table.
    """

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"no table {name!r}; tables here: {', '.join(self)}") from None

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self))


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write each table as `<name>.csv` and `<name>.parquet` into `out_dir`.

    Tables named in the contract are conformed to it first. Returns the paths
    written, sorted.
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"--out {out}: exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".claimscope-", dir=out))
    try:
        staged: list[Path] = []
        for name, df in tables.items():
            if name in schema.TABLES:
                df = schema.conform(df, name)
            csv_path = tmp / f"{name}.csv"
            df.to_csv(csv_path, index=False, encoding="utf-8")
            pq_path = tmp / f"{name}.parquet"
            df.to_parquet(pq_path, index=False)
            staged += [csv_path, pq_path]
        final = []
        for p in staged:
            dest = out / p.name
            os.replace(p, dest)
            final.append(dest)
        return sorted(final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def read_table(tables_dir: str | os.PathLike[str], name: str) -> pd.DataFrame:
    """One table from a folder written by `write_tables` (Parquet preferred)."""
    d = Path(tables_dir)
    pq = d / f"{name}.parquet"
    if pq.exists():
        df = pd.read_parquet(pq)
    elif (d / f"{name}.csv").exists():
        df = pd.read_csv(d / f"{name}.csv", keep_default_na=False, na_values=[""])
    else:
        raise FileNotFoundError(f"{d}: no table {name!r} (expected {name}.parquet or {name}.csv)")
    return schema.conform(df, name) if name in schema.TABLES else df


def read_tables(tables_dir: str | os.PathLike[str]) -> Tables:
    """All contract tables from `tables_dir`, keyed by name."""
    d = Path(tables_dir)
    if not d.is_dir():
        raise FileNotFoundError(f"{d}: not a folder of claimscope tables")
    return Tables((name, read_table(d, name)) for name in schema.TABLE_ORDER)
