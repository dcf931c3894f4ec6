"""Load the knowledge files shipped in `claimscope/data/`.

Lexicons, taxonomies and gazetteers live as YAML/CSV with a provenance header
comment, so they can be reviewed and extended without touching code. Loaders
are memoised: the files are read-only package data.
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources
from typing import Any

import yaml

__all__ = ["data_text", "load_yaml", "load_csv"]


def data_text(name: str) -> str:
    """Text of the data file `name` (relative to claimscope/data)."""
    return resources.files("claimscope").joinpath("data", name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    """Parsed YAML data file `name`."""
    return yaml.safe_load(data_text(name))


@functools.lru_cache(maxsize=None)
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of the CSV data file `name`; lines starting with '#' are comments."""
    lines = [ln for ln in data_text(name).splitlines() if not ln.startswith("#")]
    return tuple(csv.DictReader(io.StringIO("\n".join(lines))))
