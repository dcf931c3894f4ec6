"""claimscope: who claims what about each incident, and where the accounts
agree or conflict.

The public API, for notebooks and scripts::

    import claimscope
    tables = claimscope.run(["seeds"])            # every public table
    claimscope.write_tables(tables, "out/tables")  # CSV + Parquet
    tables = claimscope.read_tables("out/tables")
    claimscope.report("out/tables", "out")        # HTML reports + index.html

    k = claimscope.load_knowledge("my_pack")      # built-in knowledge + a user pack
    tables = claimscope.run(["articles"], knowledge=k)

The pipeline runs in stages that pass tidy DataFrames forward:
ingest -> sentences -> claims (attribution, dates, places, actors,
casualties) -> align -> compare. The tables' columns are documented in
`claimscope.schema` and the README. Everything the stages know (gazetteer,
lexicons, sources) is one `Knowledge` object passed to each of them (see
`claimscope.knowledge`). Every error raised on purpose is a
`ClaimscopeError`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from .errors import (
    ClaimscopeError,
    CorpusError,
    EngineError,
    KnowledgeError,
    OverridesError,
    ReportError,
    TablesError,
)
from .knowledge import Knowledge, load_knowledge
from .pipeline import run
from .tables import Tables, read_table, read_tables, write_tables

if TYPE_CHECKING:  # pragma: no cover
    from .reports import ReportSummary

__version__ = "0.1.0"

__all__ = [
    "run",
    "read_tables",
    "read_table",
    "write_tables",
    "report",
    "Tables",
    "Knowledge",
    "load_knowledge",
    "ClaimscopeError",
    "CorpusError",
    "OverridesError",
    "KnowledgeError",
    "EngineError",
    "ReportError",
    "TablesError",
    "__version__",
]


def report(tables_dir: str | os.PathLike[str], out_dir: str | os.PathLike[str], **options: Any) -> "ReportSummary":
    """Render the HTML reports for the tables in `tables_dir` into `out_dir`
    (`index.html` plus `reports/`); options as `claimscope.reports.build_reports`."""
    from .reports import build_reports  # nbconvert and papermill load only when reports are made

    return build_reports(tables_dir, out_dir, **options)
