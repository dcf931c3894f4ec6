"""`schema.frame` reads rows column by column through Arrow: the same table
(values, missing values, dtypes, index) as pandas' cast of the rows as
objects, whatever the values, and that cast's error when it has one."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope import schema

_VALUES = st.one_of(
    st.none(),
    st.just(float("nan")),
    st.just(pd.NA),
    st.text(max_size=6),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.integers(min_value=-5, max_value=5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.5, 1.0, -2.0, 2.5, 1e20]),
    st.booleans(),
)


def _old(values: list, dtype: str) -> pd.Series | str:
    """The column the row-wise cast (`schema._cast` of a frame of objects) makes."""
    s = pd.Series(values, dtype=object)
    try:
        return s.astype("string") if dtype == "string" else s.astype(pd.api.types.pandas_dtype(dtype))
    except Exception as exc:  # noqa: BLE001 (the cast's error is the expected outcome)
        return type(exc).__name__


@settings(max_examples=400, deadline=None)
@given(st.lists(_VALUES, min_size=1, max_size=8), st.sampled_from(["string", "Int64", "Float64", "boolean"]))
def test_arrow_column_reads_values_as_pandas_cast_does(values: list, dtype: str) -> None:
    arr = schema._arrow_column(values, dtype)
    if arr is None:
        return  # left to pandas' own cast
    old = _old(values, dtype)
    assert not isinstance(old, str), f"Arrow took {values!r} as {dtype} where pandas raises {old}"
    new = pd.Series(pd.api.types.pandas_dtype(dtype).__from_arrow__(arr))
    pd.testing.assert_series_equal(new, old, check_exact=True)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), st.text(max_size=5), st.integers(-3, 3)),
                          st.one_of(st.none(), st.integers(-9, 9), st.floats(allow_nan=True)),
                          st.one_of(st.none(), st.text(max_size=3))), min_size=1, max_size=6))
def test_frame_of_rows_is_the_frame_of_objects(rows: list) -> None:
    """Rows holding exactly the contract's columns, read column by column,
    make the table the cast of the rows as objects makes."""
    names = schema.columns("problems")
    records = [dict(zip(names, (a, b, c, a))) for a, b, c in rows]
    try:
        old = schema._cast(pd.DataFrame(records, dtype=object), "problems")
    except Exception as exc:  # noqa: BLE001
        with pytest.raises(type(exc)):
            schema.frame(records, "problems")
        return
    pd.testing.assert_frame_equal(schema.frame(records, "problems"), old, check_exact=True)


def test_frame_columns_checks_its_columns() -> None:
    names = schema.columns("problems")
    with pytest.raises(ValueError, match="contract"):
        schema.frame_columns({"path": ["a"]}, "problems")
    with pytest.raises(ValueError, match="lengths"):
        schema.frame_columns({n: ["a"] * (1 + (k == 0)) for k, n in enumerate(names)}, "problems")
    empty = schema.frame_columns({n: [] for n in names}, "problems")
    assert empty.empty and schema.conforms(empty, "problems")


def test_frame_keeps_rows_with_other_columns() -> None:
    """Rows with a column the contract lacks (or without one of its columns)
    go through the cast of objects: extra columns kept after the contract's."""
    names = schema.columns("problems")
    rows = [{**{n: "x" for n in names}, "extra": 1}, {n: "y" for n in names[:-1]}]
    df = schema.frame(rows, "problems")
    assert list(df.columns) == [*names, "extra"]
    assert df[names[-1]].isna().tolist() == [False, True]
    assert math.isnan(df["extra"].iloc[1])
