"""The `claimscope` command line.

    claimscope run CORPUS [CORPUS ...] --out DIR [--manifest FILE] [--columns MAP]
                   [--max-bytes N] [--max-table-bytes N] [--overrides FILE] [--knowledge DIR ...]
                   [--engine pandas|dask] [--jobs N] [--scheduler ADDRESS] [--csv-safe] [--quiet]
    claimscope report --tables DIR --out DIR [--jobs N] [--incidents default|all|contested|N]
                      [--min-source-claims N] [--notebooks DIR] [--fresh-kernels]
                      [--timeout SECONDS] [--knowledge DIR ...] [--no-progress]

Exit status: 0 on success, 1 when the input cannot be used (missing corpus,
malformed column map, no usable document, --out taken by another run, failed
reports), 2 for a malformed command line.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Sequence

__all__ = ["main", "build_parser"]


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def _incident_pages(text: str) -> str | int:
    from .reports import parse_incident_pages

    try:
        return parse_incident_pages(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("incidents: ")) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimscope",
        description="Line up who claims what about each incident, and where the accounts agree or conflict.",
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"claimscope {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="extract claims, align incidents, compare accounts; write the tables")
    run.add_argument("corpus", nargs="+", help="folder of .txt/.md/.html articles, a single article, or a .csv/.parquet table")
    run.add_argument("--out", required=True, help="folder to write the tables into (CSV and Parquet)")
    run.add_argument("--manifest", help="manifest CSV (file, outlet, published, published_precision, url, title); default: manifest.csv inside each corpus folder")
    run.add_argument("--columns", help="column map for tabular corpora, e.g. id=unit_id,text=article_content,title=article_title,outlet=source")
    run.add_argument("--max-bytes", type=_positive_int, default=5_000_000, help="skip (and report) article files larger than this (default 5000000)")
    run.add_argument("--max-table-bytes", type=_positive_int, default=500_000_000,
                     help="skip (and report) table corpora and manifests larger than this (default 500000000)")
    run.add_argument("--overrides", help="YAML file of analyst corrections to incident links (merge / split / assign)")
    run.add_argument("--knowledge", metavar="DIR", action="append",
                     help="knowledge pack folder layered over the built-in knowledge (e.g. a places.csv of another "
                          "country); repeat to layer several, in order")
    run.add_argument("--engine", choices=("pandas", "dask"), default="pandas",
                     help="where the heavy stages run: in this process (pandas, default) or on Dask (needs claimscope[dask])")
    run.add_argument("--jobs", type=_positive_int, default=1,
                     help="worker processes on this machine (default 1); with --engine dask, the local Dask pool's size")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler to run on, e.g. tcp://10.0.0.5:8786 (with --engine dask; default: a local pool)")
    run.add_argument("--csv-safe", action="store_true",
                     help="prefix CSV cells starting with = + - @ (formulas to a spreadsheet) with ' (Parquet unchanged)")
    run.add_argument("--quiet", action="store_true", help="print only problems and errors")

    rep = sub.add_parser("report", help="render the notebooks into self-contained HTML reports")
    rep.add_argument("--tables", required=True, help="folder written by `claimscope run`")
    rep.add_argument("--out", required=True, help="folder for index.html and the reports")
    rep.add_argument("--jobs", type=_positive_int, default=1,
                     help="worker processes making pages, one warm kernel each (default 1)")
    rep.add_argument("--incidents", type=_incident_pages, default="default", metavar="default|all|contested|N",
                     help="which incidents get their own page: default (at least two independent accounts, and every "
                          "contested incident), all, "
                          "contested (accounts conflict), or the N most conflicted")
    rep.add_argument("--min-source-claims", type=_positive_int, default=3, help="write a source profile for sources with at least this many claims (default 3)")
    rep.add_argument("--notebooks", metavar="DIR", help="folder of the report notebooks (default: the installed ones)")
    rep.add_argument("--fresh-kernels", action="store_true",
                     help="start a fresh kernel for every page (slow; the pages are the same)")
    rep.add_argument("--timeout", type=_positive_int, default=600, metavar="SECONDS",
                     help="longest a notebook cell may run (default 600)")
    rep.add_argument("--knowledge", metavar="DIR", action="append",
                     help="knowledge pack folder the pages name things by (event types, pooled voices, map); repeat "
                          "to layer several, in order (default: the packs `claimscope run --knowledge` recorded)")
    rep.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def _err(message: str) -> None:
    from .safeio import printable

    print(f"claimscope: {printable(message)}", file=sys.stderr)


def _cmd_run(args: argparse.Namespace) -> int:
    from .errors import ClaimscopeError
    from .ingest import parse_columns
    from .pipeline import run
    from .safeio import printable
    from .tables import lock_out, write_tables

    t0 = time.perf_counter()
    try:  # a second run into the same --out fails now, not after the work
        lock = lock_out(args.out)
    except ClaimscopeError as exc:
        _err(f"error: {exc}")
        return 1
    with lock:
        try:
            columns = parse_columns(args.columns) if args.columns else None
            tables = run(
                args.corpus,
                manifest=args.manifest,
                columns=columns,
                max_bytes=args.max_bytes,
                max_table_bytes=args.max_table_bytes,
                overrides=args.overrides,
                engine=args.engine,
                jobs=args.jobs,
                scheduler=args.scheduler,
                knowledge=args.knowledge,
            )
        except (ClaimscopeError, FileNotFoundError, NotADirectoryError) as exc:
            _err(f"error: {exc}")
            return 1
        for row in tables["problems"].itertuples(index=False):
            _err(f"{row.severity or 'skipped'}: {row.path}: {row.reason}")
        if tables["documents"].empty:
            skipped = int((tables["problems"]["severity"].fillna("skipped") == "skipped").sum())
            _err(f"error: no usable documents in {', '.join(args.corpus)}"
                 + (f" ({skipped} skipped, see above)" if skipped else "")
                 + f"; the tables in {args.out} were left as they were")
            return 1
        try:
            write_tables(tables, args.out, csv_safe=args.csv_safe, lock=lock, run_info=_run_info(args.knowledge))
        except OSError as exc:
            _err(f"error: cannot write tables to {args.out}: {exc}")
            return 1
    if not args.quiet:
        counts = ", ".join(f"{len(tables[n])} {n}" for n in ("documents", "claims", "casualties", "incidents", "comparisons", "problems"))
        if len(tables["overrides"]):
            counts += f", {len(tables['overrides'])} overrides"
        print(f"claimscope: wrote {counts} to {printable(str(Path(args.out)))} in {time.perf_counter() - t0:.1f}s")
    return 0


def _run_info(packs: Sequence[str] | None) -> dict[str, object]:
    """What the tables' manifest records of the run: the user knowledge packs
    (absolute folder and digest, in layering order), so `claimscope report`
    names things as the run did and notices a pack changed since."""
    from .knowledge import pack_digest

    if not packs:
        return {}
    return {"knowledge": [{"path": str(Path(p).resolve()), "digest": pack_digest(p)} for p in packs]}


def _cmd_report(args: argparse.Namespace) -> int:
    from .errors import ClaimscopeError
    from .reports import build_reports

    try:
        summary = build_reports(
            args.tables,
            args.out,
            jobs=args.jobs,
            incidents=args.incidents,
            min_source_claims=args.min_source_claims,
            progress=not args.no_progress,
            notebooks_dir=args.notebooks,
            fresh_kernels=args.fresh_kernels,
            timeout=args.timeout,
            knowledge=args.knowledge,
        )
    except (ClaimscopeError, FileNotFoundError, NotADirectoryError, ValueError) as exc:
        _err(f"error: {exc}")
        return 1
    for failure in summary.failures:
        _err(f"report failed: {failure}")
    print(f"claimscope: wrote {len(summary.written)} reports and {summary.index} in {summary.seconds:.1f}s"
          + (f"; {len(summary.failures)} failed" if summary.failures else ""))
    return 1 if summary.failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["report"]:  # before parsing: --incidents is checked by claimscope.reports
        from .render import skip_iri_format_check

        skip_iri_format_check()  # this process is ours: skip a 1.5-2 s import no report needs
    args = build_parser().parse_args(argv)
    if args.command == "run":
        return _cmd_run(args)
    return _cmd_report(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
