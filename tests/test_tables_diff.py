"""tools/tables_diff.py: the check that a refactoring leaves the tables as they were."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "tables_small"


def _diff(a: Path, b: Path, *flags: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "tools" / "tables_diff.py"), str(a), str(b), *flags],
                          capture_output=True, text=True, timeout=120)


def _copy(tmp_path: Path, name: str) -> Path:
    d = tmp_path / name
    shutil.copytree(FIXTURE, d, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return d


def test_same_tables_agree_and_new_tables_or_columns_are_listed(tmp_path):
    a, b = _copy(tmp_path, "a"), _copy(tmp_path, "b")
    assert _diff(a, b).returncode == 0
    (a / "mentions.csv").unlink()
    claims = pd.read_csv(b / "claims.csv")
    claims["extra"] = 1
    claims.to_csv(b / "claims.csv", index=False)
    got = _diff(a, b)
    assert got.returncode == 0 and "mentions: new table" in got.stdout and "new columns: extra" in got.stdout
    assert _diff(a, b, "--strict").returncode == 1


def test_a_changed_cell_is_a_difference(tmp_path):
    a, b = _copy(tmp_path, "a"), _copy(tmp_path, "b")
    claims = pd.read_csv(b / "claims.csv")
    claims.loc[2, "governorate"] = "Hama"
    claims.to_csv(b / "claims.csv", index=False)
    got = _diff(a, b)
    assert got.returncode == 1
    assert "claims: DIFFERS" in got.stdout and "column governorate: 1 of" in got.stdout and "'Hama'" in got.stdout


def test_a_missing_table_is_a_difference(tmp_path):
    a, b = _copy(tmp_path, "a"), _copy(tmp_path, "b")
    (b / "links.csv").unlink()
    assert _diff(a, b).returncode == 1
    assert _diff(a, tmp_path / "nowhere").returncode == 2
