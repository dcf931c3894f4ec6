"""Where the heavy stages run: in this process, on a local process pool, or on Dask.

Analysts start with five articles and grow to tens of thousands. The stages
are written so that the work cuts cleanly:

* **extraction** is a pure function of one document
  (`claims.extract_document`): documents are cut into chunks in table order,
  each chunk becomes partial tables (`claims.extract_chunk`), and
  `claims.combine` joins them in document order, so the tables are identical
  to the in-process loop whatever the chunking;
* **alignment** first groups the claims of each document, then links local
  incidents across documents only inside blocks of area x date window
  (`align`'s blocking): the candidate pairs of each block are found and
  scored independently (`align.score_block`), and the global clustering
  (average linkage over every scored pair, under its constraints) runs in
  the driver, so an incident whose areas span several blocks is merged
  exactly as in the in-process aligner.

Engines:

``pandas`` (default)
    everything in this process; with ``jobs > 1`` extraction and alignment's
    block scoring run on a pool of ``jobs`` worker processes (``fork`` on
    Linux; ``forkserver`` while other threads run; ``spawn`` elsewhere).

The `Knowledge` object travels with every task: it is compiled (regexes,
gazetteer indexes) in the driver first and pickles with its compiled form,
so a worker unpickles it instead of compiling it again (re-compiling a
pattern a worker has seen is a cache hit of the `re` module); its bounded
memos arrive empty. Alignment's blocks carry only the small `AlignSettings`;
forked workers inherit the blocks themselves instead of receiving them
(`_inherited_map`).
``dask``
    extraction as a ``dask.bag`` of document chunks and alignment's block
    scoring as a ``dask.bag`` of blocks, computed by
    `scheduler`: ``None`` (Dask's local process pool with ``jobs`` workers),
    ``"threads"``, ``"sync"``, ``"processes"``, the address of a
    ``distributed`` scheduler (``tcp://host:8786``) or a
    ``distributed.Client``. Dask is optional: ``pip install claimscope[dask]``.

Every engine returns the same tables (tests compare them on the seeds and on
the FA-KES development split). Alignment's blocks are spread only when
`align.align` takes ``map_blocks`` (`blocked_alignment`); otherwise it runs in
the driver, with the same tables.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import multiprocessing as mp
import sys
import threading
import warnings
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Iterator, Sequence, TypeVar

import pandas as pd

from . import claims as _claims
from .claims import DocumentInput, ExtractChunk, ExtractResult
from .errors import EngineError
from .knowledge import Knowledge

__all__ = [
    "ENGINES",
    "DASK_HINT",
    "EngineError",
    "check_engine",
    "dask_available",
    "extract",
    "align",
    "blocked_alignment",
    "candidate_document_pairs",
    "chunk_documents",
]

ENGINES: tuple[str, ...] = ("pandas", "dask")
DASK_HINT = "the dask engine needs Dask and distributed: pip install 'claimscope[dask]'"
MIN_POOL_DOCS = 64  # fewer documents than this are extracted in-process: starting workers costs more
_LOCAL_SCHEDULERS = frozenset({"threads", "threading", "sync", "synchronous", "single-threaded", "processes", "multiprocessing"})

T = TypeVar("T")
R = TypeVar("R")


def dask_available() -> bool:
    """Whether `dask.bag` can be imported (the ``dask`` extra is installed)."""
    try:
        import dask.bag  # noqa: F401
    except ImportError:
        return False
    return True


def check_engine(engine: str, *, jobs: int = 1, scheduler: Any = None) -> None:
    """Raise `EngineError` for an unknown engine, jobs < 1, a scheduler given
    to the pandas engine, or the dask engine without Dask installed."""
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise EngineError(f"jobs must be a whole number of at least 1, got {jobs!r}")
    if engine == "pandas" and scheduler is not None:
        raise EngineError("a scheduler is only used by the dask engine (add --engine dask)")
    if engine == "dask" and not dask_available():
        raise EngineError(DASK_HINT)


# ============================================================================ mapping

def _mp_context() -> mp.context.BaseContext:
    """fork on Linux when this process runs no other thread: workers inherit
    the compiled lexicons and the gazetteer instead of rebuilding them.
    forkserver when it does (a notebook kernel, a Dask client: forking a
    threaded process can deadlock), spawn off Linux (fork is unsafe on macOS)."""
    if sys.platform.startswith("linux"):
        return mp.get_context("fork" if threading.active_count() == 1 else "forkserver")
    return mp.get_context("spawn")


@contextlib.contextmanager
def _frozen_heap(start_method: str) -> Iterator[None]:
    """While forked workers run, keep the driver's objects out of the cyclic
    garbage collector (`gc.freeze`, undone after). A forked worker shares the
    driver's memory page by page until it writes to a page; a full collection
    in a worker writes to the header of every object it inherited, so each
    worker would copy every page of the driver's heap that holds one (at
    alignment of 38,100 documents, about 0.7 GB a worker). Left alone when
    the caller froze objects itself, and for workers that are not forked."""
    if start_method != "fork":
        yield
        return
    with _claims.older_objects_frozen():
        yield


def _pool_map(fn: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """`fn` over `items` on `jobs` worker processes, results in item order."""
    if jobs <= 1 or len(items) <= 1:
        return [fn(x) for x in items]
    ctx = _mp_context()
    with _frozen_heap(ctx.get_start_method()), \
            ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=ctx) as pool:
        return list(pool.map(fn, items))


def _dask_compute(bag: Any, *, scheduler: Any, jobs: int) -> list:
    """Compute a dask collection on `scheduler` (see the module docstring)."""
    if scheduler is None or (isinstance(scheduler, str) and scheduler in _LOCAL_SCHEDULERS):
        import dask

        # Dask's local process pool, with the same start method as the pandas engine's pool
        method = _mp_context().get_start_method()
        forks = scheduler in (None, "processes", "multiprocessing") and method == "fork"
        with dask.config.set({"multiprocessing.context": method}), _frozen_heap(method if forks else "none"):
            return bag.compute(scheduler=scheduler or "processes", num_workers=jobs)
    if isinstance(scheduler, str):
        try:
            from distributed import Client
        except ImportError:
            raise EngineError(DASK_HINT) from None
        try:
            client = Client(scheduler, timeout="20s", set_as_default=False)
        except OSError as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            return bag.compute(scheduler=client)
    return bag.compute(scheduler=scheduler)  # a distributed.Client


def _dask_map(fn: Callable[[T], R], items: Sequence[T], *, scheduler: Any, jobs: int) -> list[R]:
    """`fn` over `items` as a dask.bag (one item per partition), in item order."""
    if not items:
        return []
    try:
        import dask.bag as db
    except ImportError:
        raise EngineError(DASK_HINT) from None
    bag = db.from_sequence(list(items), npartitions=len(items)).map(fn)
    return list(_dask_compute(bag, scheduler=scheduler, jobs=jobs))


# ============================================================================ extraction

def chunk_documents(docs: Sequence[DocumentInput], *, parts: int, max_docs: int = _claims.CHUNK_DOCS) -> list[list[DocumentInput]]:
    """Cut `docs` into consecutive chunks: at least `parts` of them (so every
    worker gets several, for balance) and none above `max_docs` documents."""
    n = len(docs)
    if n == 0:
        return []
    size = max(1, min(max_docs, -(-n // max(1, parts))))
    return [list(docs[i:i + size]) for i in range(0, n, size)]


def _extract_part(docs: Sequence[DocumentInput], *, knowledge: Knowledge) -> ExtractChunk:
    return _claims.extract_chunk(docs, knowledge=knowledge)


def _warm_up(knowledge: Knowledge) -> None:
    """Compile the lexicons and build the gazetteer in the driver, so that
    they travel compiled with the knowledge object to the workers."""
    _claims.extract_document(DocumentInput("warm-up", "At least 5 people were killed in Aleppo on Monday, SOHR said."),
                             knowledge=knowledge)


def extract(documents: pd.DataFrame, *, knowledge: Knowledge, engine: str = "pandas", jobs: int = 1,
            scheduler: Any = None) -> ExtractResult:
    """`claims.extract` on the chosen engine; the same tables on every engine.

    With the pandas engine and ``jobs == 1`` this is `claims.extract`; with
    more jobs, or with Dask, documents are cut into chunks (several per
    worker) that are extracted in parallel and joined in document order."""
    check_engine(engine, jobs=jobs, scheduler=scheduler)
    if engine == "pandas" and (jobs == 1 or len(documents) < MIN_POOL_DOCS):
        return _claims.extract(documents, knowledge=knowledge)
    docs = list(_claims.document_inputs(documents))
    parts = chunk_documents(docs, parts=4 * jobs)
    _warm_up(knowledge)
    task = functools.partial(_extract_part, knowledge=knowledge)
    if engine == "pandas":
        chunks = _pool_map(task, parts, jobs)
    else:
        chunks = _dask_map(task, parts, scheduler=scheduler, jobs=jobs)
    return _claims.combine(chunks)


# ============================================================================ alignment

def blocked_alignment() -> bool:
    """Whether `align.align` takes `map_blocks` (scores its blocking areas
    through a caller's map), which the dask engine uses to spread them."""
    from . import align as _align

    return "map_blocks" in inspect.signature(_align.align).parameters


def align(claims: pd.DataFrame, casualties: pd.DataFrame, documents: pd.DataFrame, *, mentions: pd.DataFrame,
          knowledge: Knowledge, overrides: Any = None, engine: str = "pandas", jobs: int = 1,
          scheduler: Any = None) -> Any:
    """`align.align` on the chosen engine; the same tables on every engine.

    Alignment's within-document pass and its global clustering run in the
    driver. The candidate pairs of each scoring block (a blocking area, a
    governorate group or distinctive event type, cut by date when large) are
    found and scored by the workers: a process pool with the pandas engine and
    ``jobs > 1``, Dask tasks with the dask engine. The driver clusters the
    scored pairs, so an incident spanning two blocks is merged exactly as
    in-process. Needs `align.align` to take `map_blocks` (`blocked_alignment`);
    without it alignment runs in the driver (same tables)."""
    from . import align as _align

    check_engine(engine, jobs=jobs, scheduler=scheduler)
    given = {"mentions": mentions, "knowledge": knowledge, "overrides": overrides}
    if engine == "pandas" and jobs == 1:
        return _align.align(claims, casualties, documents, **given)
    if not blocked_alignment():
        if engine == "dask":
            warnings.warn("align.align takes no map_blocks: alignment runs in the driver", RuntimeWarning, stacklevel=2)
        return _align.align(claims, casualties, documents, **given)
    if engine == "pandas":
        mapper = functools.partial(_pool_map_blocks, jobs=jobs)
    else:
        mapper = functools.partial(_dask_map_blocks, scheduler=scheduler, jobs=jobs)
    return _align.align(claims, casualties, documents, **given, map_blocks=mapper)


def _pool_map_blocks(fn: Callable[[T], R], blocks: Sequence[T], *, jobs: int) -> list[R]:
    """Score alignment's blocks on `jobs` worker processes: forked workers
    inherit them (`_inherited_map`), other workers are sent them."""
    if jobs > 1 and len(blocks) > 1 and _mp_context().get_start_method() == "fork":
        return _inherited_map(fn, blocks, jobs)
    return _pool_map(fn, blocks, jobs)


# In a worker process forked by `_inherited_map` (never in the driver): the
# function and the items it maps, set as the worker starts; gone with it.
_WORKER_TASK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def _set_worker_task(fn: Callable[[Any], Any], items: Sequence[Any]) -> None:
    global _WORKER_TASK
    _WORKER_TASK = (fn, items)


def _worker_item(i: int) -> Any:
    """The function of the worker's task over its `i`-th item."""
    assert _WORKER_TASK is not None
    fn, items = _WORKER_TASK
    return fn(items[i])


def _inherited_map(fn: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """`fn` over `items` on `jobs` forked worker processes that inherit both
    from the driver's memory (a task sends an item's index, not the item),
    results in item order. Alignment's blocks hold about 100,000 nodes at
    38,100 documents: pickling them in the driver, and unpickling them in
    the workers, cost about as much as scoring them saved."""
    with _frozen_heap("fork"), ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=mp.get_context("fork"),
                                                   initializer=_set_worker_task, initargs=(fn, items)) as pool:
        return list(pool.map(_worker_item, range(len(items))))


def _dask_map_blocks(fn: Callable[[T], R], blocks: Sequence[T], *, scheduler: Any, jobs: int) -> list[R]:
    return _dask_map(fn, blocks, scheduler=scheduler, jobs=jobs)


def candidate_document_pairs(claims: pd.DataFrame, casualties: pd.DataFrame, documents: pd.DataFrame, *,
                             mentions: pd.DataFrame, knowledge: Knowledge) -> set[tuple[str, str]]:
    """Pairs of documents (sorted ids) that alignment's blocking makes
    candidates (some local incident of one is a candidate partner of some
    local incident of the other): what blocking lets the scorer see.
    Needs `align.align` with `map_blocks`; raises `EngineError` otherwise."""
    from . import align as _align

    if not blocked_alignment():
        raise EngineError("align.align takes no map_blocks: its blocks cannot be read")
    pairs: set[tuple[str, str]] = set()
    settings = _align.align_settings(knowledge)

    def spy(fn: Callable[[Any], Any], blocks: Sequence[Any]) -> list[Any]:
        for first, last, xs in blocks:
            for j, o in _align.block_pairs(xs, first, last, settings=settings):
                a, b = xs[j].doc, xs[o].doc
                pairs.add((a, b) if a < b else (b, a))
        return [fn(b) for b in blocks]

    _align.align(claims, casualties, documents, mentions=mentions, knowledge=knowledge, map_blocks=spy)
    return pairs
