"""The public API at the package top: what a notebook user calls."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimscope

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_top_level_names_are_the_documented_api():
    for name in ("run", "read_tables", "write_tables", "report", "Tables", "ClaimscopeError"):
        assert name in claimscope.__all__
        assert getattr(claimscope, name) is not None


def test_every_deliberate_error_is_a_claimscope_error():
    for cls in (claimscope.CorpusError, claimscope.OverridesError, claimscope.EngineError,
                claimscope.ReportError, claimscope.TablesError):
        assert issubclass(cls, claimscope.ClaimscopeError)
    with pytest.raises(claimscope.ClaimscopeError, match="nowhere"):
        claimscope.run(["/nowhere/at/all"])
    with pytest.raises(claimscope.ClaimscopeError):
        claimscope.run([SEEDS], engine="spark")


def test_run_write_read_round_trip(tmp_path):
    tables = claimscope.run([SEEDS])
    assert isinstance(tables, claimscope.Tables)
    assert tables.claims is tables["claims"]
    with pytest.raises(AttributeError, match="no table 'claimz'"):
        tables.claimz
    claimscope.write_tables(tables, tmp_path)
    back = claimscope.read_tables(tmp_path)
    assert set(back) == set(tables)
    assert back.claims["claim_id"].tolist() == tables.claims["claim_id"].tolist()
