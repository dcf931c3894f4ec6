#!/usr/bin/env python
"""Benchmark claimscope on the FA-KES development split at 1x, 10x and 100x.

    python tools/bench.py [--out outputs/bench.json] [--sizes 1,10,100] [--jobs N]
                          [--engine pandas|dask] [--quick] [--no-profile] [--no-reports]
                          [--reports-only] [--report-incidents WHICH] [--fakes PATH]

A benchmark, not a test: it prints figures and writes them to `--out` (JSON)
so that they can be compared across commits. It needs the FA-KES development
split (``$CLAIMSCOPE_FAKES`` or ``../shared/corpora/fakes/fakes_dev.csv``) and
skips with a message when it is absent.

What it measures
----------------
* **Extraction per process**: documents per second of `claims.extract` on the
  dev split in one process, after a warm-up (lexicons compiled), best of
  several passes (wall and CPU seconds).
* **Scale runs** (each in a fresh process, so peak RSS is its own): corpora of
  1x, 10x, 100x the dev split, built from copies of each article with a new id
  (``<unit_id>-<k>``) and every explicit calendar date in the text shifted by
  ``7*k`` days (weekdays stay right, the date line moves the publication date),
  so copies are separate incidents. Each is written as a CSV table and run
  through the real stages: ingest, extract (sentences, attribution and
  facets; on ``--jobs`` processes), align, compare, write (CSV + Parquet).
  Per stage: wall seconds, documents/s, claims/s; per run: peak RSS of the
  driver and of the largest worker, and the peak total proportional set size
  of the process tree (sampled); the growth ratio time(100x)/time(10x).
* **Date resolver vs dateparser**: `dates.find_dates` against
  ``dateparser.search.search_dates`` (publication date as RELATIVE_BASE) on
  the same sentences: sentences/s and agreement on the first resolved date.
* **Blocked aligner vs all-pairs rapidfuzz** on the dev split: candidate pairs
  from alignment's area x date blocking against scoring every pair of
  documents with rapidfuzz; speed, and gold pairs (same crowd date and
  location, as in `evaluate.score_fakes_alignment`) that blocking loses.
* **Profile** (pyinstrument, when installed) of extraction on the dev split:
  the heaviest functions.
* **Reports**: `claimscope report` (the command, in a fresh process) on the
  seeds' tables (default pages) and on the dev split's (``--incidents all``
  by default, see ``--report-incidents``), with 1 and 2 jobs: pages, wall
  seconds, pages per second, and the CPU seconds of the whole process tree
  (driver, workers, kernels); the speed-up of 2 jobs over 1. Skipped with
  ``--no-reports`` or ``--quick``; ``--reports-only`` runs only this.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import importlib.util
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "lib") not in sys.path:  # a fresh clone without `pip install -e .`
    sys.path.insert(0, str(REPO / "lib"))

import pandas as pd  # noqa: E402

from claimscope import claims as claims_mod  # noqa: E402
from claimscope import engines  # noqa: E402
from claimscope.dates import find_dates  # noqa: E402
from claimscope.evaluate import fakes_columns, fakes_path  # noqa: E402
from claimscope.ingest import read_corpora  # noqa: E402
from claimscope.knowledge import load_knowledge  # noqa: E402
from claimscope.sentences import split_sentences  # noqa: E402

# The built-in knowledge, loaded once for the whole benchmark (a script's
# constant: the library itself keeps no knowledge at module level).
K = load_knowledge()

TARGETS = {
    "extract_docs_per_s_per_process": 500.0,
    "e2e_100x_seconds": 180.0,
    "peak_rss_gb": 4.0,
    "growth_ratio_max": 11.0,
    "seed_reports_seconds": 10.0,  # 2 jobs
    "fakes_reports_seconds": 120.0,  # every page (--incidents all), 2 jobs, 2 cores
    "report_speedup_2_jobs": 1.8,  # FA-KES, 2 jobs over 1, on 2 cores
}
SHIFT_DAYS = 7  # copies move by whole weeks: "on Friday" stays a Friday


# ============================================================================ corpus

def _month_names() -> dict[int, tuple[str, str]]:
    """month -> (full name, shortest abbreviation) from data/dates.yaml."""
    out = {}
    for num, entry in K.dates["months"].items():
        full = entry["names"][0]
        abbr = min(entry["abbreviations"], key=len) if entry["abbreviations"] else full
        out[int(num)] = (full, abbr)
    return out


_MONTHS = _month_names()
_MONTH_OF = {name.lower(): m for m, (full, abbr) in _MONTHS.items() for name in (full, abbr)}
_MONTH_OF.update({a.lower(): int(n) for n, e in K.dates["months"].items() for a in e["abbreviations"]})
_NUMERIC = re.compile(r"(?P<a>\d{1,2})(?P<s>[./-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})")
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
_WORD = re.compile(r"[A-Za-z]+\.?")
_DAY = re.compile(r"(?<!\d)(?P<d>\d{1,2})(?P<o>st|nd|rd|th)?(?!\d)")
_GLUED = re.compile(r"(?<!\d)(?P<d>\d{1,2})(?P<y>(?:19|20)\d\d)(?!\d)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _ordinal(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _pad(token: str, value: int) -> str:
    return f"{value:0{len(token)}d}" if len(token) == 2 else str(value)


def rewrite_date(raw: str, old: _dt.date, new: _dt.date, *, has_year: bool) -> str | None:
    """`raw` (a day-precision date phrase naming `old`) rewritten to name
    `new` in the same style; None when its form is not understood."""
    m = _NUMERIC.search(raw)
    if m:
        a, b = int(m["a"]), int(m["b"])
        if (a, b) == (old.day, old.month):
            na, nb = _pad(m["a"], new.day), _pad(m["b"], new.month)
        elif (a, b) == (old.month, old.day):
            na, nb = _pad(m["a"], new.month), _pad(m["b"], new.day)
        else:
            return None
        return raw[:m.start()] + f"{na}{m['s']}{nb}{m['s']}{new.year}" + raw[m.end():]
    m = _ISO.search(raw)
    if m:
        return raw[:m.start()] + new.isoformat() + raw[m.end():]
    month = next((w for w in _WORD.finditer(raw) if _MONTH_OF.get(w.group().rstrip(".").lower()) == old.month), None)
    if month is None:
        return None
    word = month.group().rstrip(".")
    full, abbr = _MONTHS[new.month]
    name = full if word.lower() == _MONTHS[old.month][0].lower() else abbr
    name = name.upper() if word.isupper() and len(word) > 1 else (name if word[:1].isupper() else name.lower())
    out = raw[:month.start()] + name + raw[month.start() + len(word):]
    glued = _GLUED.search(out)
    if glued and has_year and int(glued["y"]) == old.year and int(glued["d"]) == old.day:
        return out[:glued.start()] + f"{new.day}{new.year}" + out[glued.end():]
    day = next((d for d in _DAY.finditer(out) if int(d["d"]) == old.day), None)
    if day is None:
        return None
    suffix = _ordinal(new.day) if day["o"] else ""
    out = out[:day.start()] + _pad(day["d"], new.day) + suffix + out[day.end():]
    if has_year:
        year = next((y for y in _YEAR.finditer(out) if int(y.group()) == old.year), None)
        if year is None:
            return None
        out = out[:year.start()] + str(new.year) + out[year.end():]
    return out


def date_template(text: str, published: _dt.date | None) -> list[tuple[int, int, str, _dt.date, bool]]:
    """Explicit day-precision dates of `text`: (start, end, raw, date, has_year)."""
    out = []
    for m in find_dates(text, knowledge=K, published=published, published_precision="day" if published else "unknown"):
        if m.kind in ("absolute", "since") and m.precision == "day" and m.date is not None and m.month and m.day:
            out.append((m.start, m.end, m.raw, m.date, m.year is not None))
    return out


def shift_text(text: str, template: list[tuple[int, int, str, _dt.date, bool]], days: int) -> str:
    """`text` with every date of `template` moved by `days`."""
    if not days or not template:
        return text
    parts, pos = [], 0
    delta = _dt.timedelta(days=days)
    for start, end, raw, date, has_year in template:
        new = rewrite_date(raw, date, date + delta, has_year=has_year)
        if new is None or start < pos:
            continue
        parts += [text[pos:start], new]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def publication_dates(fakes_csv: Path) -> list[_dt.date | None]:
    """Publication date ingest reads for each row of the FA-KES CSV (row order)."""
    from claimscope.evaluate import crowd_doc_ids

    docs = read_corpora([fakes_csv], columns=fakes_columns(), knowledge=K).documents
    published = dict(zip(docs["doc_id"], docs["published"]))
    rows = pd.read_csv(fakes_csv, usecols=[0])
    pubs = [published.get(d) if d is not None else None for d in crowd_doc_ids({"documents": docs}, rows)]
    return [_dt.date.fromisoformat(p) if isinstance(p, str) and p else None for p in pubs]


# A sentence end: its last word (letters or digits, no inner dot: not "U.S.")
# and the closing quotes, brackets and punctuation after it.
_SENTENCE_END = re.compile(r"(?<![\w.])(?P<word>[A-Za-z0-9]+)(?P<end>\s?[\"'”’)\]]*[.!?]+[\"'”’)\]]*)(?=\s|$)")


def copy_tag(k: int) -> str:
    """A lower-case nonce word for copy k ("zqbqqqqqqqqq", "zqcqqqqqqqqq" ...):
    no lexicon, number or place pattern matches it, and it is long enough that
    two copies sharing a sentence still differ by more than ingest's
    near-duplicate threshold (rapidfuzz ratio 95)."""
    letters = ""
    while True:
        k, r = divmod(k, 26)
        letters = chr(ord("a") + r) + letters
        if not k:
            return "zq" + letters + "q" * max(0, 10 - len(letters))


_ROUGH_PIECE = re.compile(r"[^.!?\n]*(?:[.!?](?!\s)[^.!?\n]*)*")  # text between ingest's rough sentence breaks


def tag_sentences(text: str, k: int) -> str:
    """`text` with copy k's tag before the end of every sentence. Ingest
    rightly treats near-identical bodies as republished copies (tied to the
    original, one account): the tag keeps the copies of the benchmark apart
    as distinct articles, as a real archive's articles are. A stretch that
    ends at an abbreviation ("... from U.S. airstrikes") gets the tag after
    its first word instead."""
    tag = copy_tag(k)
    out = _SENTENCE_END.sub(lambda m: f"{m['word']} {tag}{m['end']}", text)
    stripped = out.rstrip()
    if stripped and stripped[-1].isalnum():  # a last sentence without a full stop
        out = f"{stripped} {tag}{out[len(stripped):]}"

    def first_word(m: re.Match[str]) -> str:
        piece = m.group()
        if tag in piece or len(piece.split()) < 6:
            return piece
        lead = re.match(r"\s*\S+", piece)
        return piece[:lead.end()] + f" {tag}" + piece[lead.end():]

    return _ROUGH_PIECE.sub(first_word, out)


def build_corpus(fakes: pd.DataFrame, size: int, published: list[_dt.date | None]) -> pd.DataFrame:
    """`size` copies of the FA-KES table: copy k gets id ``<unit_id>-<k>``
    (k >= 1), its dates (text and crowd `date`) shifted by 7*k days and its
    sentences tagged (`tag_sentences`) so that ingest does not take it for a
    republication of the original. `published` is each row's publication
    date (for year-less dates)."""
    texts = fakes["article_content"].fillna("").astype(str).tolist()
    templates = [date_template(t, p) for t, p in zip(texts, published)]
    crowd_dates = pd.to_datetime(fakes["date"], format="%m/%d/%y", errors="coerce")
    frames = []
    for k in range(size):
        days = SHIFT_DAYS * k
        f = fakes.copy()
        if k:
            f["unit_id"] = [f"{u}-{k}" for u in fakes["unit_id"].astype(str)]
            f["article_content"] = [tag_sentences(shift_text(t, tpl, days), k) for t, tpl in zip(texts, templates)]
            shifted = crowd_dates + pd.Timedelta(days=days)
            f["date"] = [d.strftime("%m/%d/%y") if pd.notna(d) else v for d, v in zip(shifted, fakes["date"])]
        frames.append(f)
    return pd.concat(frames, ignore_index=True)


# ============================================================================ measuring

def _rss_mb(who: int) -> float:
    """Peak RSS (MB) of this process or of its largest finished child."""
    r = resource.getrusage(who).ru_maxrss
    return r / 1024 / 1024 if sys.platform == "darwin" else r / 1024


def _sample_tree(pid: int, peak: dict[str, float]) -> dict[str, Any] | None:
    """Add one sample of process `pid` and its descendants to `peak`: the
    largest total proportional set size (shared pages split among the
    processes that share them) and the largest single resident set (MB).
    Returns the sample (tree PSS, the driver's PSS and RSS, each worker's
    PSS, MB) or None when the process is gone."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return None
    total = driver_pss = driver_rss = 0.0
    workers: list[float] = []
    for p in procs:
        try:
            mi = p.memory_full_info()
        except (psutil.Error, OSError):
            continue
        pss = getattr(mi, "pss", mi.rss) / 2**20
        total += pss
        if p.pid != pid:
            peak["worker_rss"] = max(peak.get("worker_rss", 0.0), mi.rss / 2**20)
            workers.append(pss)
        else:
            driver_pss, driver_rss = pss, mi.rss / 2**20
    peak["tree_pss"] = max(peak.get("tree_pss", 0.0), total)
    return {"tree_pss": total, "driver_pss": driver_pss, "driver_rss": driver_rss, "workers_pss": workers}


def _stage_marker(path: str | None) -> Callable[[str], None]:
    """A function that records the stage a scale run is in, in the file at
    `path` (read by the sampler in the parent process), or does nothing."""
    def mark(stage: str) -> None:
        if path:
            tmp = Path(path + ".tmp")
            tmp.write_text(stage, encoding="utf-8")
            tmp.replace(path)
    return mark


def _read_stage(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "start"
    except OSError:
        return "start"


def memory_by_stage(samples: list[dict[str, Any]]) -> dict[str, Any]:
    """Where the sampled process-tree PSS peaks: the stage and the split
    (driver, workers) at the peak sample, and per stage its peak tree PSS,
    the driver's PSS at that sample and how many workers were alive."""
    if not samples:
        return {}
    stages: dict[str, Any] = {}
    for smp in samples:
        row = stages.setdefault(smp["stage"], {"samples": 0, "peak_tree_pss": -1.0})
        row["samples"] += 1
        if smp["tree_pss"] > row["peak_tree_pss"]:
            row.update(peak_tree_pss=smp["tree_pss"], driver_pss=smp["driver_pss"], driver_rss=smp["driver_rss"],
                       workers=len(smp["workers_pss"]), workers_pss=sum(smp["workers_pss"]), at_seconds=smp["t"])
    for row in stages.values():
        for k in ("peak_tree_pss", "driver_pss", "driver_rss", "workers_pss", "at_seconds"):
            row[k] = round(row[k], 1)
    top = max(samples, key=lambda x: x["tree_pss"])
    return {
        "peak_stage": top["stage"],
        "peak_at_seconds": round(top["t"], 1),
        "peak_driver_pss": round(top["driver_pss"], 1),
        "peak_workers_pss": [round(w, 1) for w in top["workers_pss"]],
        "stages": stages,
        # one row a sample: seconds since start, stage, tree PSS, driver PSS, workers alive
        "timeline": [[round(x["t"], 1), x["stage"], round(x["tree_pss"]), round(x["driver_pss"]), len(x["workers_pss"])]
                     for x in samples],
    }


def _timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    t, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - t, time.process_time() - c


def _stage_row(seconds: float, n_docs: int, n_claims: int, cpu: float | None = None) -> dict[str, Any]:
    row = {"seconds": round(seconds, 3), "docs_per_s": round(n_docs / seconds, 1) if seconds else None,
           "claims_per_s": round(n_claims / seconds, 1) if seconds else None}
    if cpu is not None:
        row["driver_cpu_seconds"] = round(cpu, 3)
    return row


def run_size(fakes_csv: Path, size: int, *, jobs: int, engine: str, scheduler: str | None,
             stage_file: str | None = None) -> dict[str, Any]:
    """One scale run (meant for a fresh process): build, then run and time
    each stage, chained as `pipeline.run` chains them; the stage it is in is
    written to `stage_file` for the memory sampler."""
    from claimscope import schema
    from claimscope.tables import write_tables

    try:
        from claimscope import align as align_mod
    except ImportError:  # the stage is not there yet
        align_mod = None
    try:
        from claimscope import compare as compare_mod
    except ImportError:
        compare_mod = None

    mark = _stage_marker(stage_file)
    mark("build")
    fakes = pd.read_csv(fakes_csv)
    work = Path(tempfile.mkdtemp(prefix="claimscope-bench-"))
    try:
        corpus, build_s, _ = _timed(lambda: build_corpus(fakes, size, publication_dates(fakes_csv)))
        csv = work / f"fakes_{size}x.csv"
        corpus.to_csv(csv, index=False)
        n_input = len(corpus)
        del corpus
        stages: dict[str, Any] = {}
        notes: list[str] = []
        # the stages, chained as pipeline.run chains them
        mark("ingest")
        ing, s, c = _timed(lambda: read_corpora([csv], columns=fakes_columns(), knowledge=K))
        docs = ing.documents
        n = len(docs)
        stages["ingest"] = (s, c)
        # sentences on their own (one process): a reference, also inside extract
        mark("sentences")
        _, s_sent, c_sent = _timed(lambda: [split_sentences(t, knowledge=K) for t in docs["text"].fillna("").tolist()])
        mark("extract")
        ex, s, c = _timed(lambda: engines.extract(docs, knowledge=K, engine=engine, jobs=jobs, scheduler=scheduler))
        stages["extract"] = (s, c)
        n_claims = len(ex.claims)
        documents = docs.copy()
        counts = ex.claims.groupby("doc_id").size()
        documents["n_claims"] = documents["doc_id"].map(counts).fillna(0).astype("Int64")
        documents["governorate"] = documents["doc_id"].map(ex.governorates).fillna("").astype("string")
        tables = {name: schema.empty(name) for name in schema.TABLE_ORDER}
        tables.update(documents=documents, claims=ex.claims, casualties=ex.casualties)
        problems = [ing.problems, ex.problems]
        if align_mod is not None:
            mark("align")
            al, s, c = _timed(lambda: engines.align(ex.claims, ex.casualties, documents, mentions=ex.mentions, knowledge=K, engine=engine,
                                                    jobs=jobs, scheduler=scheduler))
            stages["align"] = (s, c)
            tables.update(claims=al.claims, incidents=al.incidents, links=al.links)
            if "overrides" in tables:
                tables["overrides"] = al.overrides_report
            problems.append(al.problems)
            if compare_mod is not None:
                mark("compare")
                cr, s, c = _timed(lambda: compare_mod.compare(al.claims, ex.casualties, al.incidents, mentions=ex.mentions,
                                                                 knowledge=K))
                stages["compare"] = (s, c)
                tables.update(incidents=cr.incidents, comparisons=cr.comparisons,
                              source_agreement=cr.source_agreement)
            else:
                notes.append("compare: claimscope.compare not found, stage skipped")
        else:
            notes.append("align, compare: claimscope.align not found, stages skipped")
        tables["problems"] = pd.concat([p for p in problems if len(p)] or [schema.empty("problems")],
                                       ignore_index=True)
        out_dir = work / "tables"
        mark("write")
        _, s, c = _timed(lambda: write_tables({k: schema.conform(v, k) for k, v in tables.items()}, out_dir))
        stages["write"] = (s, c)
        mark("done")
        total = sum(s for s, _ in stages.values())
        result = {
            "size": size,
            "documents_in": n_input,
            "documents": n,
            "claims": n_claims,
            "incidents": len(tables["incidents"]),
            "build_corpus_seconds": round(build_s, 2),
            "stages": {k: _stage_row(s, n, n_claims, c) for k, (s, c) in stages.items()},
            "sentences_alone": _stage_row(s_sent, n, n_claims, c_sent),
            "total_seconds": round(total, 2),
            "docs_per_s": round(n / total, 1),
            "claims_per_s": round(n_claims / total, 1),
            "peak_rss_mb": {
                "driver": round(_rss_mb(resource.RUSAGE_SELF), 1),
                "largest_worker": round(_rss_mb(resource.RUSAGE_CHILDREN), 1),
            },
            "notes": notes,
        }
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def extraction_speed(docs: pd.DataFrame, *, repeats: int) -> dict[str, Any]:
    """Documents/s of extraction in this process, after a warm-up, best of `repeats`."""
    inputs = list(claims_mod.document_inputs(docs))
    claims_mod.extract_chunk(inputs[:20], knowledge=K)  # compile lexicons, load the gazetteer
    best_wall = best_cpu = float("inf")
    n_claims = 0
    for _ in range(repeats):
        chunk, wall, cpu = _timed(lambda: claims_mod.extract_chunk(inputs, knowledge=K))
        n_claims = len(chunk.claims)
        best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    chars = docs["text"].fillna("").str.len()
    return {
        "documents": len(inputs),
        "mean_chars": round(float(chars.mean()), 1),
        "repeats": repeats,
        "best_wall_seconds": round(best_wall, 3),
        "docs_per_s": round(len(inputs) / best_wall, 1),
        "docs_per_s_cpu": round(len(inputs) / best_cpu, 1),
        "claims_per_s": round(n_claims / best_wall, 1),
    }


# ============================================================================ side-by-side comparisons

def compare_dateparser(docs: pd.DataFrame, *, limit: int) -> dict[str, Any]:
    """find_dates vs dateparser.search.search_dates on the same sentences."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return {"skipped": "dateparser not installed (pip install 'claimscope[bench]')"}
    sents: list[tuple[str, _dt.date, str]] = []
    for row in docs.itertuples(index=False):
        if not isinstance(row.published, str) or not row.published or row.published_precision != "day":
            continue
        pub = _dt.date.fromisoformat(row.published)
        text = row.text if isinstance(row.text, str) else ""
        sents += [(text[s.start:s.end], pub, row.published_precision) for s in split_sentences(text, knowledge=K)]
    step = max(1, len(sents) // limit)
    sample = sents[::step][:limit]

    def ours() -> list[list[_dt.date]]:
        return [[m.date for m in find_dates(s, knowledge=K, published=p, published_precision=pp) if m.date is not None and m.precision == "day"]
                for s, p, pp in sample]

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}

    def theirs() -> list[list[_dt.date]]:
        out = []
        for s, p, _ in sample:
            found = search_dates(s, languages=["en"], settings={**settings, "RELATIVE_BASE": _dt.datetime(p.year, p.month, p.day)})
            out.append([d.date() for _, d in (found or [])])
        return out

    search_dates("warm up on Monday", languages=["en"])
    a, sa, _ = _timed(ours)
    b, sb, _ = _timed(theirs)
    both = [(x, y) for x, y in zip(a, b) if x and y]
    return {
        "sentences": len(sample),
        "claimscope_sentences_per_s": round(len(sample) / sa, 1),
        "dateparser_sentences_per_s": round(len(sample) / sb, 1),
        "speedup": round(sb / sa, 1),
        "with_date_claimscope": sum(1 for x in a if x),
        "with_date_dateparser": sum(1 for y in b if y),
        "with_date_both": len(both),
        "first_date_agrees": sum(1 for x, y in both if x[0] == y[0]),
        "any_date_agrees": sum(1 for x, y in both if set(x) & set(y)),
        "first_date_agreement": round(sum(1 for x, y in both if x[0] == y[0]) / len(both), 3) if both else None,
        "examples_of_disagreement": [
            {"sentence": s[:160], "claimscope": [d.isoformat() for d in x], "dateparser": [d.isoformat() for d in y]}
            for (s, _, _), x, y in zip(sample, a, b) if x and y and x[0] != y[0]
        ][:5],
    }


def compare_blocking(fakes_csv: Path, *, jobs: int) -> dict[str, Any]:
    """Alignment's blocked candidate pairs vs all-pairs rapidfuzz matching on
    the dev split: speed, and gold pairs that blocking loses."""
    if importlib.util.find_spec("claimscope.align") is None:
        return {"skipped": "claimscope.align not found"}
    import itertools

    from rapidfuzz import fuzz, process

    from claimscope.evaluate import gold_pairs

    crowd = pd.read_csv(fakes_csv)
    ing = read_corpora([fakes_csv], columns=fakes_columns(), knowledge=K)
    ex = claims_mod.extract(ing.documents, knowledge=K)
    docs = ing.documents
    tables = {"documents": docs, "claims": ex.claims}
    gold = gold_pairs(tables, crowd)

    try:
        blocks, s_block, _ = _timed(lambda: engines.candidate_document_pairs(ex.claims, ex.casualties, docs, mentions=ex.mentions,
                                                                                knowledge=K))
    except engines.EngineError as exc:
        return {"skipped": str(exc)}
    aligned, s_align, _ = _timed(lambda: engines.align(ex.claims, ex.casualties, docs, mentions=ex.mentions, knowledge=K))
    linked: set[tuple[str, str]] = set()
    ac = aligned.claims
    for _, g in ac[ac["incident_id"].fillna("") != ""].groupby("incident_id"):
        linked.update(itertools.combinations(sorted(set(g["doc_id"])), 2))

    # all pairs: every document against every other, rapidfuzz on the lede
    lede = [(" ".join(t.split()[:60]) if isinstance(t, str) else "") for t in docs["text"]]
    doc_ids = docs["doc_id"].astype(str).tolist()

    def all_pairs() -> Any:
        return process.cdist(lede, lede, scorer=fuzz.token_set_ratio, workers=jobs, dtype="uint8")

    matrix, s_all, _ = _timed(all_pairs)
    threshold = 60
    ap: set[tuple[str, str]] = set()
    n = len(doc_ids)
    for i in range(n):
        row = matrix[i]
        for j in range(i + 1, n):
            if row[j] >= threshold:
                ap.add(tuple(sorted((doc_ids[i], doc_ids[j]))))

    def share(pairs: set) -> float | None:
        return round(len(gold & pairs) / len(gold), 3) if gold else None

    # republished copies are tied to their originals before blocking (one account)
    root = {d: (p or d) for d, p in zip(docs["doc_id"].astype(str), docs["duplicate_of"].fillna("").astype(str))}
    tied = {(a, b) for a, b in gold if root.get(a, a) == root.get(b, b)}
    lost = gold & ap - blocks - tied
    return {
        "documents": n,
        "gold_pairs": len(gold),
        "blocked": {
            "candidate_document_pairs": len(blocks),
            "seconds_blocking": round(s_block, 3),
            "seconds_align": round(s_align, 3),
            "gold_in_candidates": share(blocks),
            "gold_linked": share(linked),
            "linked_pairs": len(linked),
        },
        "all_pairs_rapidfuzz": {
            "scored_pairs": n * (n - 1) // 2,
            "scorer": f"token_set_ratio on the first 60 words, >= {threshold}",
            "seconds": round(s_all, 3),
            "gold_linked": share(ap),
            "linked_pairs": len(ap),
        },
        "gold_tied_as_republished_copies": len(tied),
        "gold_found_by_all_pairs_but_not_in_blocks": len(lost),
        "gold_lost_by_blocking": len(gold - blocks - tied),
    }


def profile_extraction(docs: pd.DataFrame, *, top: int = 12) -> dict[str, Any]:
    """pyinstrument profile of extraction on `docs`: the heaviest functions (self time)."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return {"skipped": "pyinstrument not installed (pip install 'claimscope[bench]')"}
    inputs = list(claims_mod.document_inputs(docs))
    claims_mod.extract_chunk(inputs[:20], knowledge=K)
    prof = Profiler(interval=0.0005)
    prof.start()
    claims_mod.extract_chunk(inputs, knowledge=K)
    prof.stop()
    session = prof.last_session
    selfs: dict[str, float] = {}

    def walk(frame: Any) -> None:
        if frame.is_synthetic:  # "[self]" leaves: counted in their parent's total_self_time
            return
        name = f"{frame.function} ({Path(frame.file_path or '').name}:{frame.line_no})"
        selfs[name] = selfs.get(name, 0.0) + frame.total_self_time
        for ch in frame.children:
            walk(ch)

    root = session.root_frame()
    if root is not None:
        walk(root)
    total = sum(selfs.values()) or 1.0
    heaviest = sorted(selfs.items(), key=lambda kv: -kv[1])[:top]
    return {
        "seconds": round(session.duration, 3),
        "self_time_top": [{"function": k, "share": round(v / total, 3)} for k, v in heaviest],
    }


def _report_run(tables: Path, out: Path, *, jobs: int, incidents: str) -> dict[str, Any]:
    """`claimscope report` in a fresh process: wall seconds, and CPU seconds of
    its whole process tree (every worker and kernel is waited for by its
    parent, so RUSAGE_CHILDREN counts them)."""
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "claimscope.cli", "report", "--tables", str(tables), "--out", str(out),
                           "--jobs", str(jobs), "--incidents", incidents, "--no-progress"],
                          capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    pages = len(list((out / "reports").glob("*.html"))) if (out / "reports").is_dir() else 0
    row = {"jobs": jobs, "incidents": incidents, "pages": pages, "seconds": round(wall, 1),
           "pages_per_s": round(pages / wall, 2) if wall else None,
           "cpu_seconds": round(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, 1),
           "load_average_at_start": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None}
    if done.returncode != 0:
        row["error"] = (done.stderr or done.stdout)[-2000:]
    return row


def report_speed(fakes_csv: Path, *, jobs: tuple[int, ...] = (1, 2), incidents: str = "all") -> dict[str, Any]:
    """Pages per second of `claimscope report` on the seeds and on the FA-KES
    dev split (tables written first, not timed), for each number of jobs."""
    try:
        from claimscope import reports  # noqa: F401
    except ImportError:
        return {"skipped": "claimscope.reports not found"}
    from claimscope.pipeline import run
    from claimscope.tables import write_tables

    work = Path(tempfile.mkdtemp(prefix="claimscope-bench-reports-"))
    out: dict[str, Any] = {"seeds": {}, "fakes": {}}
    try:
        write_tables(run([REPO / "seeds"], knowledge=K), work / "seeds")
        write_tables(run([fakes_csv], columns=fakes_columns(), knowledge=K), work / "fakes")
        for n in jobs:
            print(f"bench: reports, seeds, {n} job(s) ...", flush=True)
            out["seeds"][str(n)] = _report_run(work / "seeds", work / "out", jobs=n, incidents="default")
        for n in jobs:
            print(f"bench: reports, FA-KES dev (--incidents {incidents}), {n} job(s) ...", flush=True)
            out["fakes"][str(n)] = _report_run(work / "fakes", work / "out", jobs=n, incidents=incidents)
        one, two = out["fakes"].get("1", {}), out["fakes"].get("2", {})
        if one.get("seconds") and two.get("seconds") and "error" not in one and "error" not in two:
            out["speedup_2_jobs"] = round(one["seconds"] / two["seconds"], 2)
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ============================================================================ driver

def _git_state() -> dict[str, Any]:
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain"], cwd=REPO, capture_output=True, text=True,
                                    timeout=10).stdout.strip())
        return {"commit": head or None, "dirty": dirty}
    except (OSError, subprocess.SubprocessError):
        return {"commit": None, "dirty": None}


def _child(args: argparse.Namespace) -> int:
    result = run_size(Path(args.fakes), args.child_size, jobs=args.jobs, engine=args.engine, scheduler=args.scheduler,
                      stage_file=args.child_stage)
    Path(args.child_out).write_text(json.dumps(result), encoding="utf-8")
    return 0


def _run_child(args: argparse.Namespace, size: int) -> dict[str, Any]:
    """One scale run in a fresh process; its memory is sampled from here (a
    sampling thread inside it would change how its worker pools start),
    each sample tagged with the stage the run says it is in."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        out = Path(f.name)
    stage_file = out.with_suffix(".stage")
    cmd = [sys.executable, str(Path(__file__).resolve()), "--fakes", str(args.fakes), "--jobs", str(args.jobs),
           "--engine", args.engine, "--child-size", str(size), "--child-out", str(out),
           "--child-stage", str(stage_file)]
    if args.scheduler:
        cmd += ["--scheduler", args.scheduler]
    sampling = importlib.util.find_spec("psutil") is not None
    peak: dict[str, float] = {}
    samples: list[dict[str, Any]] = []
    try:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO)
        while proc.poll() is None:
            if sampling:
                before = _read_stage(stage_file)  # a sample takes a while: it may span two stages
                smp = _sample_tree(proc.pid, peak)
                after = _read_stage(stage_file)
                if smp is not None:
                    stage = before if before == after else f"{before}>{after}"
                    samples.append({**smp, "t": time.perf_counter() - started, "stage": stage})
            time.sleep(0.25)
        if proc.returncode != 0:
            return {"size": size, "error": f"run failed with exit status {proc.returncode}"}
        result = json.loads(out.read_text(encoding="utf-8"))
        rss = result["peak_rss_mb"]
        rss["tree_pss_sampled"] = round(peak["tree_pss"], 1) if "tree_pss" in peak else None
        rss["largest_worker"] = round(max(rss["largest_worker"], peak.get("worker_rss", 0.0)), 1)
        if samples:
            result["memory_by_stage"] = memory_by_stage(samples)
        return result
    finally:
        out.unlink(missing_ok=True)
        stage_file.unlink(missing_ok=True)


def _fmt(x: Any, spec: str = ".1f") -> str:
    return "-" if x is None else format(x, spec)


def _print_report_section(res: dict[str, Any]) -> None:
    p = print
    rep = res.get("reports")
    if rep and "skipped" in rep:
        p(f"\nreports: skipped ({rep['skipped']})")
    elif rep:
        p("\nclaimscope report (fresh process; CPU seconds of driver, workers and kernels):")
        p(f"  {'tables':8s} {'jobs':>4s} {'pages':>6s} {'wall s':>8s} {'pages/s':>8s} {'CPU s':>8s}")
        for corpus in ("seeds", "fakes"):
            for n, r in rep[corpus].items():
                p(f"  {corpus:8s} {n:>4s} {r['pages']:6d} {r['seconds']:8.1f} {_fmt(r['pages_per_s'], '8.2f')} "
                  f"{r['cpu_seconds']:8.1f}" + ("  FAILED: " + r["error"].splitlines()[-1] if "error" in r else ""))
        if rep.get("speedup_2_jobs") is not None:
            p(f"  FA-KES: 2 jobs {rep['speedup_2_jobs']:.2f}x faster than 1")


def _print_report(res: dict[str, Any]) -> None:
    p = print
    es = res["extraction_per_process"]
    p(f"\nextraction, one process, FA-KES dev ({es['documents']} docs, {es['mean_chars']:.0f} chars avg), "
      f"best of {es['repeats']}: {es['docs_per_s']:.0f} docs/s wall ({es['docs_per_s_cpu']:.0f} docs/s CPU), "
      f"{es['claims_per_s']:.0f} claims/s")
    for size, r in res["sizes"].items():
        if "error" in r:
            p(f"\n{size}x: {r['error']}")
            continue
        rss = r["peak_rss_mb"]
        p(f"\n{size}x: {r['documents']} documents, {r['claims']} claims, {r['incidents']} incidents "
          f"(jobs={res['params']['jobs']}, engine={res['params']['engine']})")
        p(f"  {'stage':10s} {'wall s':>8s} {'docs/s':>9s} {'claims/s':>10s}")
        for name, st in r["stages"].items():
            p(f"  {name:10s} {st['seconds']:8.2f} {_fmt(st['docs_per_s'], '9.0f')} {_fmt(st['claims_per_s'], '10.0f')}")
        st = r["sentences_alone"]
        p(f"  {'(sentences':10s} {st['seconds']:8.2f} {_fmt(st['docs_per_s'], '9.0f')} {'':10s} one process, inside extract)")
        p(f"  {'total':10s} {r['total_seconds']:8.2f} {r['docs_per_s']:9.0f} {r['claims_per_s']:10.0f}")
        p(f"  peak RSS: driver {rss['driver']:.0f} MB, largest worker {rss['largest_worker']:.0f} MB, "
          f"process tree (PSS, sampled) {_fmt(rss['tree_pss_sampled'], '.0f')} MB")
        mem = r.get("memory_by_stage")
        if mem:
            p(f"  process-tree peak in {mem['peak_stage']} at {mem['peak_at_seconds']:.0f} s: driver "
              f"{mem['peak_driver_pss']:.0f} MB + {len(mem['peak_workers_pss'])} workers "
              f"{sum(mem['peak_workers_pss']):.0f} MB (PSS)")
            p(f"  {'stage':10s} {'tree PSS':>9s} {'driver':>8s} {'workers':>8s} {'alive':>6s} {'samples':>8s}  (MB, at the stage's peak)")
            for name, st in mem["stages"].items():
                p(f"  {name:10s} {st['peak_tree_pss']:9.0f} {st['driver_pss']:8.0f} {st['workers_pss']:8.0f} "
                  f"{st['workers']:6d} {st['samples']:8d}")
        for note in r.get("notes", []):
            p(f"  note: {note}")
    if res.get("growth_ratio_100x_10x") is not None:
        p(f"\ngrowth ratio time(100x)/time(10x): {res['growth_ratio_100x_10x']:.2f}")
    d = res.get("dates_vs_dateparser", {})
    if "skipped" in d:
        p(f"\ndates vs dateparser: skipped ({d['skipped']})")
    elif d:
        p(f"\ndates vs dateparser.search_dates on {d['sentences']} sentences: claimscope {d['claimscope_sentences_per_s']:.0f} "
          f"sentences/s, dateparser {d['dateparser_sentences_per_s']:.0f} sentences/s ({d['speedup']:.0f}x); dates found in "
          f"{d['with_date_claimscope']} vs {d['with_date_dateparser']} sentences; where both found one, the first date agrees in "
          f"{d['first_date_agrees']}/{d['with_date_both']} ({_fmt(d['first_date_agreement'], '.0%')})")
    b = res.get("blocking_vs_all_pairs", {})
    if "skipped" in b:
        p(f"\nblocked aligner vs all pairs: skipped ({b['skipped']})")
    elif b:
        bl, ap = b["blocked"], b["all_pairs_rapidfuzz"]
        p(f"\nblocked aligner vs all-pairs rapidfuzz on {b['documents']} docs ({b['gold_pairs']} gold pairs):")
        p(f"  blocking: {bl['candidate_document_pairs']} candidate document pairs in {bl['seconds_blocking']:.2f} s "
          f"(align {bl['seconds_align']:.2f} s); gold pairs among candidates {_fmt(bl['gold_in_candidates'], '.0%')}, "
          f"linked {_fmt(bl['gold_linked'], '.0%')}")
        p(f"  all pairs: {ap['scored_pairs']} pairs scored in {ap['seconds']:.2f} s ({ap['scorer']}); "
          f"gold pairs linked {_fmt(ap['gold_linked'], '.0%')}")
        p(f"  gold pairs that are republished copies (tied before blocking): {b['gold_tied_as_republished_copies']}; "
          f"gold pairs all-pairs links that blocking never considers: {b['gold_found_by_all_pairs_but_not_in_blocks']}; "
          f"other gold pairs outside the blocks: {b['gold_lost_by_blocking']}")
    pr = res.get("profile", {})
    if pr.get("self_time_top"):
        p("\nprofile of extraction (pyinstrument, share of self time):")
        for row in pr["self_time_top"]:
            p(f"  {row['share']:6.1%}  {row['function']}")
    _print_report_section(res)
    p("\ntargets:")
    for name, t in res["targets"].items():
        p(f"  {name:32s} {t['status']:6s} {t['value']!s:>10s}  (target {t['target']})")


def _print_reports_only(res: dict[str, Any]) -> None:
    _print_report_section(res)
    print("\ntargets:")
    for name, t in res["targets"].items():
        print(f"  {name:32s} {t['status']:6s} {t['value']!s:>10s}  (target {t['target']})")


def _targets(res: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}

    def put(name: str, value: Any, target: float, ok: Callable[[float], bool]) -> None:
        out[name] = {"value": value, "target": target,
                     "status": "n/a" if value is None else ("met" if ok(value) else "missed")}

    put("extract_docs_per_s_per_process", res["extraction_per_process"]["docs_per_s"],
        TARGETS["extract_docs_per_s_per_process"], lambda v: v >= TARGETS["extract_docs_per_s_per_process"])
    big = res["sizes"].get("100", {})
    put("e2e_100x_seconds", big.get("total_seconds"), TARGETS["e2e_100x_seconds"],
        lambda v: v < TARGETS["e2e_100x_seconds"])
    rss = [r["peak_rss_mb"] for r in res["sizes"].values() if "peak_rss_mb" in r]
    peak = max((max(x["driver"], x["tree_pss_sampled"] or 0) for x in rss), default=None)
    put("peak_rss_gb", round(peak / 1024, 2) if peak is not None else None, TARGETS["peak_rss_gb"],
        lambda v: v < TARGETS["peak_rss_gb"])
    put("growth_ratio_100x_10x", res.get("growth_ratio_100x_10x"), TARGETS["growth_ratio_max"],
        lambda v: v <= TARGETS["growth_ratio_max"])
    out.update(_report_targets(res.get("reports") or {}))
    return out


def _report_targets(rep: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}

    def put(name: str, value: Any, target: float, ok: Callable[[float], bool]) -> None:
        out[name] = {"value": value, "target": target,
                     "status": "n/a" if value is None else ("met" if ok(value) else "missed")}

    seeds2, fakes2 = rep.get("seeds", {}).get("2", {}), rep.get("fakes", {}).get("2", {})
    put("seed_reports_seconds", None if "error" in seeds2 else seeds2.get("seconds"),
        TARGETS["seed_reports_seconds"], lambda v: v <= TARGETS["seed_reports_seconds"])
    put("fakes_reports_seconds", None if "error" in fakes2 else fakes2.get("seconds"),
        TARGETS["fakes_reports_seconds"], lambda v: v <= TARGETS["fakes_reports_seconds"])
    put("report_speedup_2_jobs", rep.get("speedup_2_jobs"), TARGETS["report_speedup_2_jobs"],
        lambda v: v >= TARGETS["report_speedup_2_jobs"])
    return out


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="tools/bench.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(REPO / "outputs" / "bench.json"), help="JSON file for the figures")
    ap.add_argument("--sizes", default="1,10,100", help="corpus sizes as multiples of the dev split (default 1,10,100)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    ap.add_argument("--engine", choices=engines.ENGINES, default="pandas")
    ap.add_argument("--scheduler", default=None, help="Dask scheduler address (with --engine dask)")
    ap.add_argument("--fakes", default=str(fakes_path()), help="FA-KES dev split CSV")
    ap.add_argument("--quick", action="store_true", help="fewer repeats and samples (for smoke tests)")
    ap.add_argument("--no-profile", action="store_true", help="skip the pyinstrument profile")
    ap.add_argument("--no-reports", action="store_true", help="skip timing claimscope report")
    ap.add_argument("--reports-only", action="store_true", help="time only claimscope report")
    ap.add_argument("--report-incidents", default="all",
                    help="--incidents for the FA-KES reports (default all: every page)")
    ap.add_argument("--child-size", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--child-out", help=argparse.SUPPRESS)
    ap.add_argument("--child-stage", help=argparse.SUPPRESS)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.child_size:
        return _child(args)
    fakes = Path(args.fakes)
    if not fakes.exists():
        print(f"bench: skipped, the FA-KES development split is not at {fakes} (set CLAIMSCOPE_FAKES)")
        return 0
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        print(f"bench: --sizes must be whole numbers separated by commas, got {args.sizes!r}", file=sys.stderr)
        return 2
    if not sizes or min(sizes) < 1 or args.jobs < 1:
        print("bench: --sizes and --jobs must be at least 1", file=sys.stderr)
        return 2
    engines.check_engine(args.engine, jobs=args.jobs, scheduler=args.scheduler)

    if args.reports_only:
        started = time.time()
        res = {"tool": "tools/bench.py", "started": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
               "git": _git_state(), "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
               "reports": report_speed(fakes, incidents=args.report_incidents)}
        res["targets"] = _report_targets(res["reports"])
        res["seconds"] = round(time.time() - started, 1)
        _print_reports_only(res)
        _write(res, Path(args.out))
        return 0
    started = time.time()
    res: dict[str, Any] = {
        "tool": "tools/bench.py",
        "started": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "git": _git_state(),
        "library": str(Path(claims_mod.__file__).parent),  # the claimscope measured (PYTHONPATH may point elsewhere)
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "load_average_at_start": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None},
        "params": {"sizes": sizes, "jobs": args.jobs, "engine": args.engine, "scheduler": args.scheduler,
                   "quick": args.quick, "shift_days_per_copy": SHIFT_DAYS},
    }
    print(f"bench: FA-KES dev split {fakes}; sizes {', '.join(f'{s}x' for s in sizes)}; jobs {args.jobs}; engine {args.engine}")
    docs = read_corpora([fakes], columns=fakes_columns(), knowledge=K).documents
    res["extraction_per_process"] = extraction_speed(docs, repeats=2 if args.quick else 5)
    print(f"bench: extraction {res['extraction_per_process']['docs_per_s']:.0f} docs/s per process")
    res["sizes"] = {}
    for size in sizes:
        print(f"bench: running {size}x ...", flush=True)
        res["sizes"][str(size)] = _run_child(args, size)
    ten, hundred = res["sizes"].get("10", {}), res["sizes"].get("100", {})
    res["growth_ratio_100x_10x"] = (round(hundred["total_seconds"] / ten["total_seconds"], 2)
                                    if "total_seconds" in ten and "total_seconds" in hundred else None)
    print("bench: dates vs dateparser ...", flush=True)
    res["dates_vs_dateparser"] = compare_dateparser(docs, limit=150 if args.quick else 1500)
    print("bench: blocked aligner vs all pairs ...", flush=True)
    res["blocking_vs_all_pairs"] = compare_blocking(fakes, jobs=args.jobs)
    if not args.no_profile and not args.quick:
        res["profile"] = profile_extraction(docs)
    if not args.no_reports and not args.quick:
        res["reports"] = report_speed(fakes, incidents=args.report_incidents)
    res["targets"] = _targets(res)
    res["seconds"] = round(time.time() - started, 1)
    _print_report(res)
    _write(res, Path(args.out))
    return 0


def _write(res: dict[str, Any], out: Path) -> None:
    """The figures as JSON at `out`, for comparing across commits."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nbench: wrote {out}")


if __name__ == "__main__":
    sys.exit(main())
