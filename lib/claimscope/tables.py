"""Read and write the public tables as CSV and Parquet, one whole run at a time.

The tables of a run only make sense together (every `claims.incident_id` is
a row of `incidents`), so a run's set is replaced as a whole, never file by
file. `write_tables(tables, "outputs/tables")` lays the folder out as::

    outputs/tables -> .tables.claimscope/run-3f2a9c0d1e2b4a5c     (a symbolic link)
    outputs/.tables.claimscope/
        lock                           held while a run writes (flock)
        run-3f2a9c0d1e2b4a5c/          claims.csv, claims.parquet, ..., manifest.json
        run-<the one before>/          kept for readers still reading it

The new run is written into a temporary folder beside the link, flushed to
disk, completed by `manifest.json` (run id, row counts, sizes), renamed to
``run-<id>``, and only then does the link switch to it, by `os.replace` of a
new link over the old one: one atomic step. A run killed at any moment leaves
the link on the previous complete run; its leftovers are removed by the next
run. `outputs/tables/claims.csv` stays a stable path for pandas and
spreadsheets. The run id is a hash of the tables' bytes, so rerunning on the
same input gives the same folder.

A second run into the same folder while one is writing fails at once with a
message naming the other process (`TablesError`), unless asked to wait.
A real folder of tables from an older claimscope is moved aside the first
time (and then removed); a folder holding anything else is refused.

`read_tables` resolves the link once, reads every table from that one run
folder and checks it against the manifest (row counts) and against itself
(claims point at incidents that exist), so it never returns a mixed set.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
import secrets
import shutil
import time
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from . import schema
from .errors import TablesError
from .safeio import UnreadableFile, open_regular, printable, read_regular, shorten

try:  # POSIX; elsewhere runs are not protected against each other
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "MANIFEST",
    "MissingTableError",
    "CSV_FORMULA_START",
    "OutLock",
    "Tables",
    "csv_safe_frame",
    "lock_out",
    "read_manifest",
    "read_table",
    "read_tables",
    "write_tables",
]

#: File in each run folder describing the run (format, run id, tables, rows).
MANIFEST = "manifest.json"
_FORMAT = "claimscope-tables/1"
_STORE = ".{}.claimscope"  # beside the --out link
_RUN, _TMP, _LINK = "run-", "tmp-", "link-"
#: Cells starting with these are formulas to spreadsheet programs (OWASP "CSV injection").
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MANIFEST_MAX_BYTES = 10_000_000
_READ_ATTEMPTS = 3  # a run folder removed mid-read (two newer runs finished) is read again from the link


class MissingTableError(TablesError, FileNotFoundError):
    """A tables folder lacks a table (or is no folder at all)."""


class Tables(dict):
    """The public tables of one run, keyed by name (see `claimscope.schema`).

    A plain dict of DataFrames that also reads as attributes:
    `tables["claims"]` and `tables.claims` are the same table. Tables read by
    `read_tables` carry their run's `manifest` (run id, row counts; ``{}``
    for a folder without one); others have None. `run` is what the run that
    made them records in the manifest (the user knowledge packs it used:
    `claimscope.pipeline.run` and `read_tables` set it), which `write_tables`
    writes with them.
    """

    manifest: dict | None = None
    run: dict | None = None

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"no table {name!r}; tables here: {', '.join(self)}") from None

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self))


# ============================================================================ where a run goes


class _Target:
    """Where the tables of `--out DIR` live: the link `path`, and the store
    folder beside it holding the lock and the run folders."""

    def __init__(self, out_dir: str | os.PathLike[str]) -> None:
        p = Path(os.path.abspath(os.fspath(out_dir)))
        for _ in range(40):  # a link the user made to elsewhere is followed to where the tables go
            if not p.name:
                raise TablesError(f"--out {printable(str(out_dir))}: cannot write tables to the root folder")
            if p.is_symlink() and not self._ours(p, os.readlink(p)):
                p = Path(os.path.abspath(os.path.join(p.parent, os.readlink(p))))
                continue
            break
        else:
            raise TablesError(f"--out {printable(str(out_dir))}: too many levels of symbolic links")
        self.given = printable(str(out_dir))
        self.path = p
        self.store = p.parent / _STORE.format(p.name)

    @staticmethod
    def _ours(link: Path, target: str) -> bool:
        prefix = _STORE.format(link.name) + "/"
        return target.startswith(prefix) and "/" not in target[len(prefix):]

    def current(self) -> str | None:
        """Name of the run folder the link points at, if it is ours."""
        if self.path.is_symlink():
            target = os.readlink(self.path)
            if self._ours(self.path, target):
                return target.rsplit("/", 1)[1]
        return None

    def check(self) -> None:
        """Raise `TablesError` when `--out` cannot take tables: a file, or a
        folder holding files claimscope did not write."""
        p = self.path
        if p.is_symlink():
            return  # ours (others were followed)
        if not os.path.lexists(p):
            return
        if not p.is_dir():
            raise TablesError(f"--out {self.given}: exists and is not a folder")
        foreign = sorted(n for n in os.listdir(p) if not _legacy_entry(n))
        if foreign:
            shown = shorten(", ".join(foreign[:5]) + (", ..." if len(foreign) > 5 else ""))
            raise TablesError(
                f"--out {self.given}: a folder holding files claimscope did not write ({shown}); "
                "give a new or empty folder, or one written by claimscope run"
            )


def _legacy_entry(name: str) -> bool:
    """Whether `name` can be in a tables folder written by an older claimscope
    (tables written straight into the folder, temp folders of killed runs)."""
    if name == MANIFEST or name.startswith(".claimscope-"):
        return True
    stem, dot, ext = name.rpartition(".")
    return bool(dot) and ext in ("csv", "parquet") and stem in schema.TABLES


# ============================================================================ the lock


class OutLock:
    """An exclusive lock on a tables folder (`lock_out`); release with
    `release()` or use it as a context manager."""

    def __init__(self, target: _Target, fd: int) -> None:
        self.target = target
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            # an empty store (a run that failed before writing) is not left behind
            if not os.path.lexists(self.target.path) and os.listdir(self.target.store) == ["lock"]:
                os.unlink(self.target.store / "lock")
                os.rmdir(self.target.store)
        except OSError:
            pass
        finally:
            os.close(fd)  # closing drops the flock

    def __enter__(self) -> "OutLock":
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def lock_out(out_dir: str | os.PathLike[str], *, wait: float = 0.0) -> OutLock:
    """Take the lock of the tables folder `out_dir`, waiting up to `wait`
    seconds for another run to finish. Raises `TablesError` naming the other
    process when it holds the lock, and when `out_dir` cannot take tables (a
    file, a folder of other files)."""
    target = _Target(out_dir)
    target.check()
    deadline = time.monotonic() + max(0.0, wait)
    while True:
        try:
            target.store.mkdir(parents=True, exist_ok=True)
            fd = os.open(target.store / "lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        except FileNotFoundError:  # a run releasing the lock removed its empty store just now
            continue
        except OSError as exc:
            raise TablesError(f"--out {target.given}: cannot write there ({exc.strerror or exc})") from None
        if fcntl is None:  # pragma: no cover
            return OutLock(target, fd)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise TablesError(f"--out {target.given}: cannot lock ({exc.strerror or exc})") from None
            if time.monotonic() >= deadline:
                raise TablesError(
                    f"--out {target.given}: another claimscope run is writing these tables ({_holder(target)}); "
                    "wait for it to finish, or give another --out"
                ) from None
            time.sleep(0.05)
            continue
        try:  # the lock file we hold must still be the one in the store (a releasing run may remove it)
            same = os.fstat(fd).st_ino == os.stat(target.store / "lock").st_ino
        except FileNotFoundError:
            same = False
        if not same:
            os.close(fd)
            continue
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode())
        return OutLock(target, fd)


def _holder(target: _Target) -> str:
    try:
        text = (target.store / "lock").read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        text = ""
    return printable(text[:100]) or "process unknown"


# ============================================================================ writing


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _digest(path: Path, h: "hashlib._Hash") -> int:
    """Feed the file to `h`, flush it to disk; return its size."""
    size = 0
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
            size += len(chunk)
        os.fsync(fh.fileno())
    return size


def csv_safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """`df` with every text cell that a spreadsheet would run as a formula
    (starting with = + - @, tab or carriage return) prefixed with a single
    quote, as OWASP advises against CSV injection. Numbers are left alone."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if not (pd.api.types.is_string_dtype(s.dtype) or s.dtype == object):
            continue
        text = s.astype("string")
        risky = text.str.startswith(CSV_FORMULA_START).fillna(False).astype(bool)
        if risky.any():
            out[col] = text.mask(risky, "'" + text)
    return out


def _undo_csv_safe(df: pd.DataFrame) -> pd.DataFrame:
    for col in df.columns:
        s = df[col]
        if not (pd.api.types.is_string_dtype(s.dtype) or s.dtype == object):
            continue
        text = s.astype("string")
        quoted = (text.str.startswith("'") & text.str[1:2].isin(CSV_FORMULA_START)).fillna(False).astype(bool)
        if quoted.any():
            df[col] = text.mask(quoted, text.str[1:])
    return df


def write_tables(
    tables: Mapping[str, pd.DataFrame],
    out_dir: str | os.PathLike[str],
    *,
    csv_safe: bool = False,
    lock: OutLock | None = None,
    wait: float = 60.0,
    run_info: Mapping[str, Any] | None = None,
) -> list[Path]:
    """Write each table as `<name>.csv` and `<name>.parquet` into a new run
    folder and switch `out_dir` (a symbolic link) to it in one step (see the
    module docstring); readers never see a mixed or partial set.

    Tables named in the contract are conformed to it first. `csv_safe`
    prefixes CSV cells a spreadsheet would run as formulas with ``'`` (the
    Parquet files keep the values as they are). `lock` is the folder's lock
    when the caller already holds it (`lock_out`); otherwise it is taken
    here, waiting up to `wait` seconds for another run. Returns the paths
    written (through `out_dir`), sorted. Raises `TablesError` when `out_dir`
    cannot take tables, or another run holds it too long. `run_info` (JSON
    values: e.g. the knowledge packs the run used) is kept in the manifest
    under "run" and is part of the run id; default the tables' own record
    (`Tables.run`: what `claimscope.pipeline.run` used, or what the run read
    back had recorded), so the pages of tables written from Python name
    things by the packs that made them."""
    if run_info is None:
        run_info = getattr(tables, "run", None)
    if lock is not None:
        if not lock.held or lock.target.store != _Target(out_dir).store:
            raise TablesError(f"write_tables: the lock given is not held for {printable(str(out_dir))}")
        return _write_locked(tables, lock.target, csv_safe=csv_safe, run_info=run_info)
    with lock_out(out_dir, wait=wait) as held:
        return _write_locked(tables, held.target, csv_safe=csv_safe, run_info=run_info)


def _write_locked(tables: Mapping[str, pd.DataFrame], target: _Target, *, csv_safe: bool,
                  run_info: Mapping[str, Any] | None = None) -> list[Path]:
    target.check()
    store = target.store
    _remove_leftovers(store, keep=set())  # temp folders and links of killed runs
    tmp = store / f"{_TMP}{os.getpid()}-{secrets.token_hex(4)}"
    tmp.mkdir()
    try:
        h = hashlib.sha256()
        entries: dict[str, dict[str, object]] = {}
        for name in sorted(tables):
            df = tables[name]
            if name in schema.TABLES:
                df = schema.conform(df, name)
            csv_path, pq_path = tmp / f"{name}.csv", tmp / f"{name}.parquet"
            (csv_safe_frame(df) if csv_safe else df).to_csv(csv_path, index=False, encoding="utf-8")
            df.to_parquet(pq_path, index=False)
            h.update(f"\0{name}\0".encode())
            entries[name] = {
                "rows": len(df),
                "columns": [str(c) for c in df.columns],
                "csv_bytes": _digest(csv_path, h),
                "parquet_bytes": _digest(pq_path, h),
            }
        h.update(b"\0csv_safe" if csv_safe else b"")
        h.update(b"\0run" + json.dumps(run_info, sort_keys=True).encode() if run_info else b"")
        run_id = h.hexdigest()[:16]
        manifest = {"format": _FORMAT, "run_id": run_id, "csv_safe": csv_safe, "tables": entries,
                    **({"run": dict(run_info)} if run_info else {})}
        with open(tmp / MANIFEST, "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, indent=1, sort_keys=True)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        _fsync(tmp)
        final = store / f"{_RUN}{run_id}"
        previous = target.current()
        if final.exists() and _complete(final, run_id):
            shutil.rmtree(tmp)  # the same tables are there already (a rerun on the same input)
        else:
            if final.exists():  # damaged by hand; nobody reads it if the link is elsewhere
                shutil.rmtree(final)
            os.rename(tmp, final)
        _fsync(store)
        _switch(target, final.name)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    _remove_leftovers(store, keep={final.name, previous or final.name})
    return sorted(target.path / n for n in [MANIFEST, *(f"{t}.{x}" for t in tables for x in ("csv", "parquet"))])


def _complete(folder: Path, run_id: str) -> bool:
    try:
        return read_manifest(folder).get("run_id") == run_id
    except (TablesError, OSError):
        return False


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 with RENAME_EXCHANGE);
    False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _switch(target: _Target, run_name: str) -> None:
    """Point the link at `run_name` in one step. A real folder of tables from
    an older claimscope (or an empty folder) is swapped with the new link in
    one step too where the system can (Linux); elsewhere it is moved aside
    first, and the path is missing between those two renames."""
    store, path = target.store, target.path
    link = store / f"{_LINK}{secrets.token_hex(4)}"
    os.symlink(f"{store.name}/{run_name}", link)
    if not path.is_symlink() and path.is_dir():
        if _exchange(link, path):  # the old folder is now at `link`, removed with the leftovers
            _fsync(path.parent)
            return
        os.rename(path, store / f"legacy-{secrets.token_hex(4)}")
    os.replace(link, path)
    _fsync(path.parent)


def _remove_leftovers(store: Path, *, keep: set[str]) -> None:
    """Remove temp folders and links of runs that were killed, tables moved
    aside, and run folders other than those in `keep` (the current run and
    the one before, which a reader may still be reading). Called with the
    lock held; other entries are left alone. With an empty `keep`, run
    folders are all kept."""
    try:
        names = os.listdir(store)
    except FileNotFoundError:
        return
    for n in names:
        p = store / n
        if n.startswith((_TMP, _LINK, "legacy-")) or (keep and n.startswith(_RUN) and n not in keep):
            if p.is_symlink() or not p.is_dir():
                _unlink(p)
            else:
                shutil.rmtree(p, ignore_errors=True)


def _unlink(p: Path) -> None:
    try:
        os.unlink(p)
    except FileNotFoundError:
        pass


# ============================================================================ reading


def read_manifest(tables_dir: str | os.PathLike[str]) -> dict:
    """The manifest of the run in `tables_dir` (the link or a run folder), or
    ``{}`` for a folder without one (tables written by hand or by an older
    claimscope). Raises `TablesError` for a manifest that is not claimscope's."""
    path = Path(tables_dir) / MANIFEST
    if not os.path.lexists(path):
        return {}
    try:
        data = json.loads(read_regular(path, max_bytes=_MANIFEST_MAX_BYTES))
    except UnreadableFile as exc:
        raise TablesError(f"{printable(str(path))}: {exc.reason}") from None
    except ValueError as exc:
        raise TablesError(f"{printable(str(path))}: not a claimscope manifest ({shorten(str(exc))})") from None
    if not isinstance(data, dict) or data.get("format") != _FORMAT or not isinstance(data.get("tables"), dict):
        raise TablesError(f"{printable(str(path))}: not a claimscope manifest (format {_FORMAT} expected)")
    return data


def _resolve(tables_dir: str | os.PathLike[str]) -> Path:
    d = Path(tables_dir)
    real = Path(os.path.realpath(d))
    if not real.is_dir():
        if real.exists():
            raise MissingTableError(f"{printable(str(d))}: not a folder of claimscope tables")
        raise MissingTableError(f"{printable(str(d))}: no such folder of claimscope tables")
    return real


def _read_one(folder: Path, name: str, manifest: dict, shown: str) -> pd.DataFrame:
    pq, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
    path = pq if os.path.lexists(pq) else csv
    if not os.path.lexists(path):
        raise MissingTableError(f"{shown}: no table {name!r} (expected {name}.parquet or {name}.csv)")
    try:
        with open_regular(path) as fh:
            if path is pq:
                df = pd.read_parquet(fh)
            else:
                df = pd.read_csv(fh, keep_default_na=False, na_values=[""])
                if manifest.get("csv_safe"):
                    df = _undo_csv_safe(df)
    except UnreadableFile as exc:
        if exc.reason == "not found":
            raise FileNotFoundError(errno.ENOENT, "removed while reading", str(path)) from None
        raise TablesError(f"{shown}/{path.name}: {exc.reason}") from None
    except (ValueError, OSError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise TablesError(f"{shown}/{path.name}: not a readable table ({shorten(str(exc))})") from None
    entry = manifest.get("tables", {}).get(name) if manifest else None
    if manifest and entry is None:
        raise TablesError(f"{shown}: {path.name} is not a table of run {manifest.get('run_id')} (see {MANIFEST})")
    if entry is not None and entry.get("rows") != len(df):
        raise TablesError(
            f"{shown}/{path.name}: {len(df)} rows, but run {manifest.get('run_id')} wrote {entry.get('rows')} "
            f"(see {MANIFEST}); the folder was changed after claimscope wrote it: rerun claimscope run"
        )
    if name in schema.TABLES:
        required = schema.columns(name, required_only=True)
        missing = [c for c in required if c not in df.columns]
        if missing:
            raise TablesError(
                f"{shown}/{path.name}: not a claimscope {name} table: missing required column(s) "
                f"{shorten(', '.join(missing))} (has {shorten(', '.join(map(str, df.columns))) or 'none'})"
            )
        df = schema.conform(df, name)
    return df


def read_table(tables_dir: str | os.PathLike[str], name: str) -> pd.DataFrame:
    """One table from a folder written by `write_tables` (Parquet preferred),
    checked against the run's manifest (row count) and the contract (required
    columns present). Raises `MissingTableError` when the table is not
    there and `TablesError` when it is not what the run wrote."""
    for attempt in range(_READ_ATTEMPTS):
        folder = _resolve(tables_dir)
        try:
            return _read_one(folder, name, read_manifest(folder), printable(str(tables_dir)))
        except MissingTableError:
            raise
        except FileNotFoundError:  # the run folder was removed while we read it: read the newer one
            if folder.exists() or attempt + 1 == _READ_ATTEMPTS:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def read_tables(tables_dir: str | os.PathLike[str]) -> Tables:
    """All contract tables of one run from `tables_dir`, keyed by name.

    The link is resolved once, so every table comes from the same run
    folder; each is checked against the run's manifest and the contract
    (`read_table`), and the set against itself: every claim's incident and
    document, every comparison's incident, must be in the set. Raises
    `TablesError` for a set that is not one whole run."""
    for attempt in range(_READ_ATTEMPTS):
        folder = _resolve(tables_dir)
        shown = printable(str(tables_dir))
        try:
            manifest = read_manifest(folder)
            out = Tables((name, _read_one(folder, name, manifest, shown)) for name in schema.TABLE_ORDER)
        except MissingTableError:
            raise
        except FileNotFoundError:  # the run folder was removed while we read it: read the newer one
            if folder.exists() or attempt + 1 == _READ_ATTEMPTS:
                raise
            continue
        _check_references(out, shown)
        out.manifest = manifest
        out.run = dict(manifest.get("run") or {})
        return out
    raise AssertionError("unreachable")  # pragma: no cover


_REFERENCES = (  # (table, column) must be in (table, column)
    ("claims", "incident_id", "incidents", "incident_id"),
    ("claims", "doc_id", "documents", "doc_id"),
    ("comparisons", "incident_id", "incidents", "incident_id"),
    ("casualties", "claim_id", "claims", "claim_id"),
    ("mentions", "doc_id", "documents", "doc_id"),
)


def _check_references(tables: Mapping[str, pd.DataFrame], shown: str) -> None:
    for table, col, other, key in _REFERENCES:
        if table not in tables or other not in tables:
            continue
        ids = tables[table][col].dropna()
        known = set(tables[other][key].dropna())
        dangling = sorted({str(v) for v in ids if v not in known})
        if dangling:
            raise TablesError(
                f"{shown}: {len(dangling)} {table}.{col} value(s) not in {other} "
                f"({shorten(', '.join(dangling[:3]))}{', ...' if len(dangling) > 3 else ''}): "
                "these tables are not from one run; rerun claimscope run"
            )
