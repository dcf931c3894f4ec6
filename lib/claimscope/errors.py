"""One error hierarchy for claimscope (after papermill's `exceptions`).

Every error the library raises on purpose derives from `ClaimscopeError`, so a
caller can catch one class; each also derives from the built-in it refines
(`ValueError`, `RuntimeError`, ...) so older `except ValueError` code keeps
working. Bad *documents* are not errors: they are skipped and listed in the
`problems` table.
"""

from __future__ import annotations

__all__ = [
    "ClaimscopeError",
    "CorpusError",
    "OverridesError",
    "KnowledgeError",
    "EngineError",
    "ReportError",
    "TablesError",
]


class ClaimscopeError(Exception):
    """Base class of every error claimscope raises on purpose."""


class CorpusError(ClaimscopeError, ValueError):
    """The corpus arguments cannot be used (missing path, malformed column
    map, unusable manifest); names the path or entry."""


class OverridesError(ClaimscopeError, ValueError):
    """The analyst's overrides file cannot be used (missing, not YAML,
    malformed entry); names the file and the entry."""


class KnowledgeError(ClaimscopeError, ValueError):
    """A knowledge pack cannot be used (not a folder, an unknown or
    unreadable file, a malformed places.csv); names the file and the row."""


class EngineError(ClaimscopeError, RuntimeError):
    """The execution engine cannot run as asked (Dask missing, bad scheduler,
    bad jobs)."""


class ReportError(ClaimscopeError, ValueError):
    """The reports cannot be built from these arguments (bad tables folder,
    bad parameter, notebooks not found)."""


class TablesError(ClaimscopeError, OSError):
    """A tables folder cannot be read or written as one consistent set."""
