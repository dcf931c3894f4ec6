"""Typed access to table cells and columns: one definition of "missing".

A table cell that holds nothing arrives as pandas' NA, None, NaN or NaT
depending on how the table was built (rows, CSV, Parquet, a user's frame).
Every stage reads cells through these helpers, so "missing" means the same
thing everywhere: "" for text, None for numbers, False for flags.

Scalar helpers (`text`, `integer`, `number`, `truth`) take one cell; column
helpers (`texts`, `integers`, `numbers`, `column`) turn a whole column into a
Python list (or a Series of text) in one vectorised pass, for the stages that
walk many rows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, cast

import pandas as pd

__all__ = ["is_na", "text", "integer", "number", "truth", "texts", "integers", "numbers", "column"]


def is_na(value: Any) -> bool:
    """None, NA, NaT or NaN (scalars only: arrays are never NA here)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def text(value: Any) -> str:
    """`value` as text; "" when missing."""
    if isinstance(value, str):
        return value
    return "" if is_na(value) else str(value)


def integer(value: Any) -> int | None:
    """`value` as an int; None when missing."""
    return None if is_na(value) else int(value)


def number(value: Any) -> float | None:
    """`value` as a finite float; None when missing, not a number or infinite."""
    if is_na(value):
        return None
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if math.isfinite(out) else None


def truth(value: Any) -> bool:
    """`value` as a flag; False when missing."""
    return False if is_na(value) else bool(value)


def texts(values: pd.Series | Sequence[Any]) -> list[str]:
    """A column as Python strings, missing values as ""."""
    s = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype="object")
    if isinstance(s.dtype, pd.StringDtype):  # the contract's text columns: one pass, no copy
        return cast("list[str]", s.to_numpy(dtype=object, na_value="").tolist())
    return cast("list[str]", s.astype("string").fillna("").tolist())


def integers(values: pd.Series) -> list[int | None]:
    """A column as Python ints, missing or unparsable values as None."""
    if str(values.dtype) == "Int64":  # the contract's integer columns
        return cast("list[int | None]", cast(Any, values).to_numpy(dtype=object, na_value=None).tolist())
    num = pd.to_numeric(values.astype("object"), errors="coerce")
    missing = num.isna().tolist()
    vals = num.fillna(0).astype("int64").tolist()
    return [None if m else v for v, m in zip(vals, missing)]


def numbers(values: pd.Series) -> list[float | None]:
    """A column as Python floats, missing or unparsable values as None."""
    if str(values.dtype) == "Float64":  # the contract's decimal columns
        return cast("list[float | None]", cast(Any, values).to_numpy(dtype=object, na_value=None).tolist())
    num = pd.to_numeric(values.astype("object"), errors="coerce").astype("float64")
    missing = num.isna().tolist()
    return [None if m else v for v, m in zip(num.tolist(), missing)]


def column(df: pd.DataFrame, name: str) -> pd.Series:
    """Column `name` of `df` as text ("" when missing), or a column of "" when
    `df` has no such column."""
    if name not in df.columns:
        return pd.Series([""] * len(df), index=df.index, dtype="object")
    return df[name].astype("object").map(text)
