"""Shared fixtures: the pipeline run once per session on the seeds (and on the
FA-KES development split when ../shared is present)."""

from pathlib import Path

import pandas as pd
import pytest
import yaml

from claimscope.evaluate import fakes_columns, fakes_path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLD = REPO / "tests" / "gold" / "seeds_claims.yaml"


@pytest.fixture(scope="session")
def seeds_tables():
    from claimscope.pipeline import run

    return run([SEEDS])


@pytest.fixture(scope="session")
def gold():
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def fakes_file():
    path = fakes_path()
    if not path.exists():
        pytest.skip(f"FA-KES development split not found at {path} (set CLAIMSCOPE_FAKES)")
    return path


@pytest.fixture(scope="session")
def fakes_tables(fakes_file):
    from claimscope.pipeline import run

    return run([fakes_file], columns=fakes_columns())


@pytest.fixture(scope="session")
def fakes_crowd(fakes_file):
    return pd.read_csv(fakes_file)
