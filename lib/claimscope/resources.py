"""Load the knowledge files shipped in `claimscope/data/`.

Lexicons, taxonomies and gazetteers live as YAML/CSV with a provenance header
comment, so they can be reviewed and extended without touching code. Loaders
are memoised: the files are read-only package data.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from importlib import resources
from typing import Any, Iterable

import yaml

__all__ = ["data_text", "load_yaml", "load_csv", "phrase_pattern", "phrase_regex"]


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


def phrase_pattern(phrases: Iterable[str], *, group: str | None = None) -> str:
    """Regex source matching any of `phrases` as whole words, longest first.

    Phrases written in capitals (SOHR, IS, TIP) match case-sensitively, all
    others case-insensitively; internal spaces match any run of whitespace.
    Wrap in a named group when `group` is given.
    """
    parts = []
    for p in sorted(set(phrases), key=lambda s: (-len(s), s)):
        body = r"\s+".join(re.escape(w) for w in p.split())
        if not _is_caps(p):
            body = f"(?i:{body})"
        parts.append(body)
    alternation = "|".join(parts) if parts else r"(?!x)x"
    core = f"(?<![\\w-])(?:{alternation})(?![\\w-])"
    return f"(?P<{group}>{core})" if group else core


def _is_caps(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1) and len(letters) <= 8


@functools.lru_cache(maxsize=None)
def phrase_regex(name: str, key: str) -> re.Pattern[str]:
    """Compiled `phrase_pattern` for the list at `key` of YAML data file `name`."""
    return re.compile(phrase_pattern(load_yaml(name)[key]))
