"""Engines: the process pool and Dask give exactly the tables of the in-process
pandas engine; Dask stays optional; the benchmark tool runs."""

from __future__ import annotations

import dataclasses
import importlib.util
import inspect
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from claimscope import claims, engines
from claimscope.evaluate import fakes_columns
from claimscope.ingest import read_corpora
from claimscope.sentences import split_sentences

from builtin_knowledge import K, bind

read_corpora = bind(read_corpora)
split_sentences = bind(split_sentences)

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
ALIGN_TABLES = ("claims", "incidents", "links", "overrides_report", "problems")


def _same_extract(a: claims.ExtractResult, b: claims.ExtractResult) -> None:
    for name in ("claims", "casualties", "problems", "mentions"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))
    pd.testing.assert_series_equal(a.governorates, b.governorates)


def _same_align(a, b) -> None:
    for name in ALIGN_TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))


@pytest.fixture(scope="module")
def seeds_docs() -> pd.DataFrame:
    return read_corpora([SEEDS]).documents


@pytest.fixture(scope="module")
def seeds_extract(seeds_docs) -> claims.ExtractResult:
    return claims.extract(seeds_docs, knowledge=K)


@pytest.fixture(scope="module")
def echo_docs(tmp_path_factory) -> pd.DataFrame:
    """The seeds plus a second outlet's account of seed 000's 6 September
    shelling near Saraqib: a corpus with a cross-document block to score."""
    import shutil

    corpus = tmp_path_factory.mktemp("echo")
    for f in SEEDS.iterdir():
        shutil.copy(f, corpus / f.name)
    (corpus / "echo.txt").write_text(
        "Turkish shelling near Saraqib\n\n"
        "On September 6, 2020, the Turkish army shelled Syrian Army positions near Saraqib in southern Idlib, "
        "the Syrian Observatory for Human Rights said. Two Syrian soldiers were injured.\n",
        encoding="utf-8",
    )
    return read_corpora([corpus]).documents


@pytest.fixture(scope="module")
def cluster():
    """A two-worker Dask cluster of separate processes (as on a real cluster)."""
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        yield c


# --------------------------------------------------------------------------- in-process pieces

def test_places_found_at_an_offset_keep_every_field():
    from claimscope.places import find_places

    sent = "Clashes near the village of Zorbaqa and Saraqib in southern Idlib, the monitor said."
    here = find_places(sent, knowledge=K)
    assert len(here) == 3 and here[0].source == "unresolved" and here[0].governorate == "Idlib"
    assert find_places(sent, knowledge=K, offset=40) == [dataclasses.replace(m, start=m.start + 40, end=m.end + 40)
                                                         for m in here]


def test_mention_rows_follow_the_contract():
    from claimscope import schema

    assert claims.MENTION_COLUMNS == tuple(schema.columns("mentions"))


@pytest.mark.parametrize("size", [1, 2, 3])
def test_chunks_joined_in_document_order_equal_one_pass(seeds_docs, seeds_extract, size):
    docs = list(claims.document_inputs(seeds_docs))
    parts = [claims.extract_chunk(docs[i:i + size], knowledge=K) for i in range(0, len(docs), size)]
    _same_extract(seeds_extract, claims.combine(parts))


def test_combine_of_nothing_is_empty_tables():
    r = claims.combine([])
    assert r.claims.empty and r.casualties.empty and r.problems.empty
    assert list(r.claims.columns)[:3] == ["claim_id", "doc_id", "start"]


def test_chunk_documents_cuts_in_order_and_bounds_size():
    docs = [claims.DocumentInput(str(i), "x") for i in range(10)]
    parts = engines.chunk_documents(docs, parts=3, max_docs=3)
    assert [d.doc_id for p in parts for d in p] == [str(i) for i in range(10)]
    assert max(len(p) for p in parts) <= 3 and len(parts) >= 3
    assert engines.chunk_documents([], parts=4) == []


# --------------------------------------------------------------------------- engine choice

@pytest.mark.parametrize("engine, jobs, scheduler, message", [
    ("spark", 1, None, "unknown engine"),
    ("pandas", 0, None, "at least 1"),
    ("pandas", 1, "tcp://127.0.0.1:8786", "only used by the dask engine"),
])
def test_bad_engine_arguments_are_refused(engine, jobs, scheduler, message):
    with pytest.raises(engines.EngineError, match=message):
        engines.check_engine(engine, jobs=jobs, scheduler=scheduler)


def test_dask_engine_without_dask_names_the_extra(monkeypatch, seeds_docs):
    monkeypatch.setitem(sys.modules, "dask", None)  # import dask -> ImportError
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    assert not engines.dask_available()
    with pytest.raises(engines.EngineError, match=r"pip install 'claimscope\[dask\]'"):
        engines.extract(seeds_docs, knowledge=K, engine="dask")


def test_claimscope_imports_without_dask():
    code = ("import sys; sys.modules['dask'] = None; sys.modules['distributed'] = None\n"
            "import claimscope, claimscope.engines, claimscope.pipeline, claimscope.cli\n"
            "assert not claimscope.engines.dask_available()")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.slow
def test_unreachable_scheduler_is_a_clear_error(seeds_docs):
    pytest.importorskip("distributed")
    with pytest.raises(engines.EngineError, match="cannot reach the Dask scheduler"):
        engines.extract(seeds_docs, knowledge=K, engine="dask", scheduler="tcp://127.0.0.1:9")


# --------------------------------------------------------------------------- same tables

@pytest.mark.slow
def test_process_pool_gives_the_in_process_tables(monkeypatch, seeds_docs, seeds_extract):
    monkeypatch.setattr(engines, "MIN_POOL_DOCS", 1)  # the seeds are too few to start workers otherwise
    _same_extract(seeds_extract, engines.extract(seeds_docs, knowledge=K, jobs=2))


def test_forked_workers_leave_the_drivers_objects_to_it():
    """A forked worker's garbage collector skips the objects it inherits (it
    would copy every page of the driver's heap that holds one); the driver's
    collector has them back when the pool is done. In a fresh interpreter: a
    test process may run threads (Dask), and then workers are not forked."""
    code = (
        "import gc, sys\n"
        "from claimscope import engines\n"
        "def count(_):\n"
        "    return gc.get_freeze_count()\n"
        "inherited = [[i] for i in range(1000)]  # objects the collector tracks\n"
        "method = engines._mp_context().get_start_method()\n"
        "before = gc.get_freeze_count()\n"
        "in_workers = engines._pool_map(count, [1, 2, 3], 2)\n"
        "print(method, before, min(in_workers), gc.get_freeze_count())\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-2000:]
    method, before, in_workers, after = proc.stdout.split()
    if method != "fork":
        pytest.skip("workers are not forked here")
    assert before == after == "0" and int(in_workers) >= 1000


def test_forked_workers_inherit_alignments_blocks_instead_of_receiving_them():
    """Alignment's scoring blocks reach forked workers through the fork (a
    task is an index): blocks no pickle could carry (here: lambdas) are
    scored, in order. In a fresh interpreter, as above."""
    code = (
        "from claimscope import engines\n"
        "blocks = [(i, lambda: i) for i in range(7)]  # unpicklable\n"
        "method = engines._mp_context().get_start_method()\n"
        "got = engines._pool_map_blocks(lambda b: b[0] * 10, blocks, jobs=2) if method == 'fork' else []\n"
        "print(method, ','.join(map(str, got)))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-2000:]
    method, *got = proc.stdout.split()
    if method != "fork":
        pytest.skip("workers are not forked here")
    assert got == ["0,10,20,30,40,50,60"]


def test_dask_local_schedulers_give_the_in_process_tables(seeds_docs, seeds_extract):
    pytest.importorskip("dask.bag")
    _same_extract(seeds_extract, engines.extract(seeds_docs, knowledge=K, engine="dask", scheduler="sync"))


@pytest.mark.slow
def test_dask_cluster_gives_the_pandas_tables_on_the_seeds(cluster, seeds_docs, seeds_extract):
    from claimscope import align

    got = engines.extract(seeds_docs, knowledge=K, engine="dask", scheduler=cluster.scheduler_address)
    _same_extract(seeds_extract, got)
    given = {"mentions": seeds_extract.mentions, "knowledge": K}
    want = align.align(seeds_extract.claims, seeds_extract.casualties, seeds_docs, **given)
    _same_align(want, engines.align(seeds_extract.claims, seeds_extract.casualties, seeds_docs, **given,
                                    engine="dask", scheduler=cluster.scheduler_address))


@pytest.mark.slow
def test_dask_alignment_scores_its_blocks_on_the_workers(cluster, echo_docs):
    if not engines.blocked_alignment():
        pytest.skip("align.align takes no map_blocks yet: alignment runs in the driver")
    from distributed import Client, get_task_stream

    from claimscope import align

    extracted = claims.extract(echo_docs, knowledge=K)
    given = {"mentions": extracted.mentions, "knowledge": K}
    with Client(cluster.scheduler_address) as client, get_task_stream(client) as stream:
        got = engines.align(extracted.claims, extracted.casualties, echo_docs, **given, engine="dask", scheduler=client)
    assert stream.data, "no alignment block was scored on the cluster"
    _same_align(align.align(extracted.claims, extracted.casualties, echo_docs, **given), got)
    pairs = engines.candidate_document_pairs(extracted.claims, extracted.casualties, echo_docs, **given)
    assert ("000_51aa4d9d8c50fdac", "echo") in pairs and all(a < b for a, b in pairs)


@pytest.mark.slow
@pytest.mark.fakes
def test_dask_cluster_gives_the_pandas_tables_on_the_dev_split(cluster, fakes_file):
    from claimscope import align

    docs = read_corpora([fakes_file], columns=fakes_columns()).documents
    want = claims.extract(docs, knowledge=K)
    _same_extract(want, engines.extract(docs, knowledge=K, jobs=2))
    got = engines.extract(docs, knowledge=K, engine="dask", scheduler=cluster.scheduler_address)
    _same_extract(want, got)
    given = {"mentions": want.mentions, "knowledge": K}
    _same_align(align.align(want.claims, want.casualties, docs, **given),
                engines.align(want.claims, want.casualties, docs, **given, engine="dask",
                              scheduler=cluster.scheduler_address))


@pytest.mark.slow
def test_pipeline_run_on_dask_gives_the_default_tables(cluster, seeds_tables):
    from claimscope.pipeline import run

    if "engine" not in inspect.signature(run).parameters:
        pytest.skip("pipeline.run has no engine parameter yet")
    got = run([SEEDS], engine="dask", scheduler=cluster.scheduler_address, knowledge=K)
    for name, df in seeds_tables.items():
        pd.testing.assert_frame_equal(df, got[name], obj=name)


# --------------------------------------------------------------------------- the benchmark tool

def _bench():
    spec = importlib.util.spec_from_file_location("claimscope_bench", REPO / "tools" / "bench.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_bench_copies_move_dates_and_stay_distinct():
    import datetime as dt

    from claimscope.dates import find_dates

    bench = _bench()
    text = ("Fri 07 Apr 2017 Homs governor says the attack on 6 April killed 5. "
            "On April 3rd, 2017 and on 21.03.2017 there were strikes. Earlier, on March 30 the army moved.")
    pub = dt.date(2017, 4, 7)
    moved = bench.shift_text(text, bench.date_template(text, pub), 14)
    want = sorted(m.date + dt.timedelta(days=14) for m in find_dates(text, knowledge=K, published=pub)
                  if m.date and m.precision == "day" and m.day)
    got = sorted(m.date for m in find_dates(moved, knowledge=K, published=pub + dt.timedelta(days=14))
                 if m.date and m.precision == "day" and m.day)
    assert got == want and "Fri 21 Apr 2017" in moved and "April 17th, 2017" in moved
    tagged = bench.tag_sentences(moved, 3)
    tag = bench.copy_tag(3)
    assert tagged.count(tag) == 3 and bench.copy_tag(1) != bench.copy_tag(27)
    assert len(split_sentences(tagged)) == len(split_sentences(moved))


def test_bench_places_the_memory_peak_in_its_stage():
    bench = _bench()
    samples = [{"t": 1.0, "stage": "extract", "tree_pss": 900.0, "driver_pss": 500.0, "driver_rss": 600.0,
                "workers_pss": [200.0, 200.0]},
               {"t": 2.0, "stage": "align", "tree_pss": 1500.0, "driver_pss": 700.0, "driver_rss": 1400.0,
                "workers_pss": [400.0, 400.0]},
               {"t": 3.0, "stage": "align", "tree_pss": 1400.0, "driver_pss": 1400.0, "driver_rss": 1400.0,
                "workers_pss": []}]
    mem = bench.memory_by_stage(samples)
    assert mem["peak_stage"] == "align" and mem["peak_driver_pss"] == 700.0 and mem["peak_workers_pss"] == [400.0, 400.0]
    assert mem["stages"]["extract"]["peak_tree_pss"] == 900.0 and mem["stages"]["align"]["samples"] == 2
    assert mem["stages"]["align"]["workers"] == 2 and mem["stages"]["align"]["workers_pss"] == 800.0
    assert [row[1] for row in mem["timeline"]] == ["extract", "align", "align"]
    assert bench.memory_by_stage([]) == {}


@pytest.mark.slow
@pytest.mark.fakes
def test_bench_quick_run_writes_its_figures(fakes_file, tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run([sys.executable, str(REPO / "tools" / "bench.py"), "--sizes", "1", "--quick",
                           "--no-profile", "--no-reports", "--jobs", "2", "--fakes", str(fakes_file), "--out", str(out)],
                          capture_output=True, text=True, timeout=600, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-2000:]
    res = json.loads(out.read_text())
    run = res["sizes"]["1"]
    assert run["documents"] == 381 and run["claims"] > 3000
    assert {"ingest", "extract", "write"} <= set(run["stages"])
    assert res["extraction_per_process"]["docs_per_s"] > 0
    assert run["peak_rss_mb"]["driver"] > 0
    assert set(res["targets"]) >= {"extract_docs_per_s_per_process", "e2e_100x_seconds", "peak_rss_gb"}
    assert "extraction, one process" in proc.stdout


def test_bench_skips_without_the_dev_split(tmp_path):
    proc = subprocess.run([sys.executable, str(REPO / "tools" / "bench.py"), "--fakes", str(tmp_path / "none.csv"),
                           "--out", str(tmp_path / "b.json")], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert proc.returncode == 0 and "skipped" in proc.stdout
    assert not (tmp_path / "b.json").exists()
