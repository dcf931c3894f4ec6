"""claimscope.tables: a run's tables replace the previous run's as one set
(a link switched in one step), leftovers of killed runs go, concurrent runs
are refused, and `read_tables` returns one whole run or an error — including
when `claimscope run` is killed at random points of the write."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from claimscope import pipeline, schema
from claimscope.cli import main
from claimscope.errors import TablesError
from claimscope.tables import MANIFEST, lock_out, read_table, read_tables, write_tables

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SMALL = REPO / "tests" / "fixtures" / "tables_small"
B_FILES = sorted(SEEDS.glob("00[01]_*.txt"))  # run B: two of the five seeds


@pytest.fixture(scope="module")
def run_a(seeds_tables):
    return seeds_tables


@pytest.fixture(scope="module")
def run_b():
    return pipeline.run(B_FILES)


@pytest.fixture(scope="module")
def run_c(run_a):
    """A third run: run A with one more problem row."""
    extra = pd.DataFrame([{"path": "x.txt", "reason": "a third run", "stage": "ingest", "severity": "warning"}])
    return dict(run_a, problems=pd.concat([run_a["problems"], extra], ignore_index=True))


def _store(out: Path) -> Path:
    return out.parent / f".{out.name}.claimscope"


def _ids(t) -> tuple[list[str], list[str]]:
    return list(t["claims"]["claim_id"]), list(t["incidents"]["incident_id"])


def _assert_one_whole_run(out: Path, *candidates) -> int:
    """read_tables(out) is exactly one of `candidates` and agrees with its
    manifest; returns which one."""
    got = read_tables(out)
    matches = [i for i, c in enumerate(candidates) if _ids(got) == _ids(c)]
    assert len(matches) == 1, "tables match no single run"
    assert set(got["claims"]["incident_id"].dropna()) <= set(got["incidents"]["incident_id"])
    assert set(got["claims"]["doc_id"]) <= set(got["documents"]["doc_id"])
    manifest = got.manifest  # the manifest of the run read (the link may have moved on since)
    for name in schema.TABLE_ORDER:
        assert manifest["tables"][name]["rows"] == len(got[name]) == len(candidates[matches[0]][name]), name
    return matches[0]


def _assert_no_leftovers(out: Path) -> None:
    names = os.listdir(_store(out))
    assert not [n for n in names if n.startswith(("tmp-", "link-", "legacy-"))], names
    assert 1 <= len([n for n in names if n.startswith("run-")]) <= 2, names


# ---------------------------------------------------------------- layout


def test_out_is_a_link_to_one_complete_run_and_runs_replace_each_other(tmp_path, run_a, run_b, run_c):
    out = tmp_path / "tables"
    write_tables(run_a, out)
    assert out.is_symlink() and os.readlink(out).startswith(".tables.claimscope/run-")
    assert len(pd.read_csv(out / "claims.csv")) == len(run_a["claims"])  # a stable path for pandas
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert os.readlink(out).endswith(manifest["run_id"])
    assert _assert_one_whole_run(out, run_a, run_b) == 0
    first = os.readlink(out)
    write_tables(run_b, out)
    assert _assert_one_whole_run(out, run_a, run_b) == 1
    assert (out.parent / first).is_dir()  # the previous run stays for readers still reading it
    write_tables(run_a, out)
    assert os.readlink(out) == first  # same tables, same run id, same folder
    write_tables(run_c, out)
    runs = sorted(n for n in os.listdir(_store(out)) if n.startswith("run-"))
    assert len(runs) == 2 and first.split("/")[1] in runs  # the current run and the one before
    _assert_no_leftovers(out)


def test_tables_from_an_older_claimscope_are_taken_over(tmp_path, run_a):
    out = tmp_path / "tables"
    out.mkdir()
    for name in ("claims", "incidents"):  # the old layout: files straight in the folder, and a killed run's temp
        run_a[name].to_csv(out / f"{name}.csv", index=False)
    (out / ".claimscope-x1y2").mkdir()
    write_tables(run_a, out)
    assert out.is_symlink() and _assert_one_whole_run(out, run_a) == 0
    _assert_no_leftovers(out)
    empty = tmp_path / "empty"
    empty.mkdir()
    write_tables(run_a, empty)
    assert empty.is_symlink()


def test_a_folder_of_other_files_is_refused_and_left_alone(tmp_path, run_a):
    out = tmp_path / "outputs"
    out.mkdir()
    (out / "index.html").write_text("<p>reports</p>", encoding="utf-8")
    with pytest.raises(TablesError, match=r"files claimscope did not write \(index\.html\)"):
        write_tables(run_a, out)
    assert os.listdir(out) == ["index.html"]
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    with pytest.raises(TablesError, match="not a folder"):
        write_tables(run_a, afile)


def test_leftovers_of_killed_runs_are_removed_by_the_next_run(tmp_path, run_a, run_b):
    out = tmp_path / "tables"
    write_tables(run_a, out)
    store = _store(out)
    (store / "tmp-999-dead").mkdir()
    (store / "tmp-999-dead" / "claims.csv").write_text("half a file", encoding="utf-8")
    os.symlink(".tables.claimscope/run-0", store / "link-dead")
    (store / "run-0123456789abcdef").mkdir()  # renamed, but killed before the switch
    write_tables(run_b, out)
    _assert_no_leftovers(out)
    assert not (store / "run-0123456789abcdef").exists()


def test_a_user_link_is_followed_to_where_the_tables_go(tmp_path, run_a):
    real = tmp_path / "disk" / "tables"
    real.parent.mkdir()
    os.symlink(real, tmp_path / "tables")
    write_tables(run_a, tmp_path / "tables")
    assert real.is_symlink() and (tmp_path / "tables").is_symlink()
    assert _assert_one_whole_run(tmp_path / "tables", run_a) == 0


# ---------------------------------------------------------------- reading checks


def test_read_tables_checks_row_counts_against_the_manifest(tmp_path, run_a):
    out = tmp_path / "tables"
    write_tables(run_a, out)
    claims = pd.read_parquet(out / "claims.parquet")
    claims.iloc[:-3].to_parquet(out / "claims.parquet")  # the folder changed after the run wrote it
    with pytest.raises(TablesError, match=r"claims\.parquet: \d+ rows, but run \w+ wrote \d+"):
        read_tables(out)
    with pytest.raises(TablesError, match="rows"):
        read_table(out, "claims")


def _legacy_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "legacy"
    shutil.copytree(SMALL, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder


def test_a_claims_table_without_the_required_columns_is_refused(tmp_path, capsys):
    folder = _legacy_copy(tmp_path)
    assert len(read_tables(folder)["claims"])  # the hand-made set reads
    (folder / "claims.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(TablesError, match=r"claims\.csv: not a claimscope claims table: missing required column"):
        read_tables(folder)
    assert main(["report", "--tables", str(folder), "--out", str(tmp_path / "reports"), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "missing required column(s) claim_id" in err and "Traceback" not in err


def test_a_mixed_set_of_tables_is_refused(tmp_path, run_a, run_b):
    folder = tmp_path / "mixed"  # what a kill inside the old per-file os.replace loop left
    folder.mkdir()
    for name in schema.TABLE_ORDER:
        (run_b if name == "incidents" else run_a)[name].to_parquet(folder / f"{name}.parquet")
    with pytest.raises(TablesError, match=r"claims\.incident_id value\(s\) not in incidents.*not from one run"):
        read_tables(folder)


# ---------------------------------------------------------------- concurrent runs


def test_a_second_writer_waits_or_fails_clearly(tmp_path, run_a, run_b):
    out = tmp_path / "tables"
    held = lock_out(out)
    t0 = time.monotonic()
    with pytest.raises(TablesError, match=rf"another claimscope run is writing these tables \(pid {os.getpid()} "):
        write_tables(run_a, out, wait=0.3)
    assert time.monotonic() - t0 < 5
    threading.Timer(0.5, held.release).start()
    write_tables(run_b, out, wait=30)  # waits for the holder, then writes
    assert _assert_one_whole_run(out, run_a, run_b) == 1


# ---------------------------------------------------------------- fault injection

_KILL_AT = r"""
import builtins, os, shutil, sys
import pandas as pd
import claimscope.tables as ct
from claimscope.cli import main

kill_at, count, active = int(os.environ["KILL_AT"]), [0], [False]

def counted(fn):
    def op(*a, **kw):
        if active[0]:
            count[0] += 1
            if count[0] == kill_at:
                os._exit(99)  # like SIGKILL: no finally, no cleanup
        return fn(*a, **kw)
    return op

for name in ("open", "replace", "rename", "symlink", "fsync", "mkdir", "unlink", "rmdir", "write", "ftruncate"):
    setattr(os, name, counted(getattr(os, name)))
shutil.rmtree = counted(shutil.rmtree)
builtins.open = counted(builtins.open)
pd.DataFrame.to_csv = counted(pd.DataFrame.to_csv)
pd.DataFrame.to_parquet = counted(pd.DataFrame.to_parquet)
real_write = ct.write_tables

def write_tables(*a, **kw):
    active[0] = True
    try:
        return real_write(*a, **kw)
    finally:
        active[0] = False
        print(f"file operations: {count[0]}", file=sys.stderr)

ct.write_tables = write_tables
sys.exit(main(sys.argv[1:]))
"""


def _cli(out: Path, kill_at: int) -> subprocess.Popen:
    args = [sys.executable, "-c", _KILL_AT, "run", *map(str, B_FILES), "--out", str(out), "--quiet"]
    env = dict(os.environ, KILL_AT=str(kill_at))
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _count_write_ops(out: Path, tables, monkeypatch) -> int:
    """File operations of one write into `out`, counted as _KILL_AT counts them."""
    import builtins

    count = [0]

    def counted(fn):
        def op(*a, **kw):
            count[0] += 1
            return fn(*a, **kw)
        return op

    with lock_out(out) as held, monkeypatch.context() as m:
        for name in ("open", "replace", "rename", "symlink", "fsync", "mkdir", "unlink", "rmdir", "write", "ftruncate"):
            m.setattr(os, name, counted(getattr(os, name)))
        m.setattr(shutil, "rmtree", counted(shutil.rmtree))
        m.setattr(builtins, "open", counted(builtins.open))
        m.setattr(pd.DataFrame, "to_csv", counted(pd.DataFrame.to_csv))
        m.setattr(pd.DataFrame, "to_parquet", counted(pd.DataFrame.to_parquet))
        write_tables(tables, out, lock=held)
    return count[0]


def test_claimscope_run_killed_at_random_points_of_the_write_leaves_one_whole_run(
    tmp_path, run_a, run_b, run_c, monkeypatch
):
    base = tmp_path / "a"
    write_tables(run_c, base / "tables")
    write_tables(run_a, base / "tables")  # run C is the run before: the write under test removes it after the switch
    shutil.copytree(base, tmp_path / "probe", symlinks=True)
    n_ops = _count_write_ops(tmp_path / "probe" / "tables", run_b, monkeypatch)
    assert n_ops > 30
    quarter = n_ops / 4  # one random point in each quarter of the write, a seed each
    points = [random.Random(seed).randint(int(seed * quarter) + 1, int((seed + 1) * quarter)) for seed in range(4)]
    procs = {}
    for k in points:  # each from a copy of run A, killed at its own point, two at a time
        out = tmp_path / f"k{k}" / "tables"
        shutil.copytree(base, out.parent, symlinks=True)
        procs[k] = (out, _cli(out, k))
        if len(procs) % 2 == 0:
            for _, p in list(procs.values())[-2:]:
                p.wait(timeout=300)
    seen, killed = set(), 0
    for k, (out, proc) in procs.items():
        err = proc.communicate(timeout=300)[1]
        assert proc.returncode in (99, 0), (k, err)
        killed += proc.returncode == 99
        seen.add(_assert_one_whole_run(out, run_a, run_b))
        write_tables(run_b, out, wait=0)  # the killed run left no lock, and its leftovers go now
        _assert_no_leftovers(out)
        assert _assert_one_whole_run(out, run_a, run_b) == 1
    assert killed >= len(points) - 1, "the runs were not killed inside the write"
    assert seen == {0, 1}  # killed before the switch: the previous run, whole; after it: the new one


_WRITER = r"""
import sys, time
import pandas as pd
from claimscope.tables import write_tables
runs = [pd.read_pickle(sys.argv[1]), pd.read_pickle(sys.argv[2])]
i = 0
while True:
    write_tables(runs[i % 2], sys.argv[3])
    print(i, flush=True)
    i += 1
    time.sleep(0.02)
"""


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_during_back_to_back_writes_never_shows_a_mixed_set(tmp_path, run_a, run_b, seed):
    pa, pb = tmp_path / "a.pkl", tmp_path / "b.pkl"
    pd.to_pickle(dict(run_a), pa)
    pd.to_pickle(dict(run_b), pb)
    out = tmp_path / "tables"
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(pa), str(pb), str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "0", proc.stderr.read()
        deadline = time.monotonic() + random.Random(seed).uniform(0.3, 1.5)
        reads = 0
        while time.monotonic() < deadline:  # readers meanwhile: always one whole run
            _assert_one_whole_run(out, run_a, run_b)
            reads += 1
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    assert reads >= 1
    _assert_one_whole_run(out, run_a, run_b)
    write_tables(run_a, out, wait=0)
    _assert_no_leftovers(out)


def test_tables_written_from_python_record_the_packs_the_run_used(tmp_path):
    """`write_tables` of `pipeline.run`'s tables records the user packs the
    run was given, as `claimscope run --knowledge` does: the reports then name
    things by them. Without packs nothing is recorded; tables read back keep
    their record when written again."""
    from claimscope import reports

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "events.yaml").write_text("# provenance: written for this test\ntitle_labels:\n  clash: firefight\n",
                                      encoding="utf-8")
    tables = pipeline.run([B_FILES[0]], knowledge=[pack])
    write_tables(tables, tmp_path / "with")
    assert [r["path"] for r in reports.recorded_packs(tmp_path / "with")] == [str(pack.resolve())]
    assert reports.user_packs(reports.run_knowledge(tmp_path / "with")) == [str(pack.resolve())]
    write_tables(read_tables(tmp_path / "with"), tmp_path / "again")
    assert reports.recorded_packs(tmp_path / "again") == reports.recorded_packs(tmp_path / "with")
    write_tables(tables, tmp_path / "given", run_info={})   # what the caller gives wins
    assert reports.recorded_packs(tmp_path / "given") == []
    write_tables(pipeline.run([B_FILES[0]]), tmp_path / "plain")
    assert reports.recorded_packs(tmp_path / "plain") == []
    assert "run" not in json.loads((tmp_path / "plain" / MANIFEST).read_text(encoding="utf-8"))
