"""Chain the stages: ingest -> claims -> align -> compare.

`run` returns every public table (see `claimscope.schema`) keyed by name,
ready for `claimscope.tables.write_tables`. One `Knowledge` object (the
built-in packs, with any user packs layered over them) is loaded once and
passed to every stage.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd

from . import engines, schema
from .align import load_overrides
from .compare import compare
from .ingest import read_corpora
from .knowledge import BUILTIN_PACKS, Knowledge, as_knowledge, pack_digest
from .tables import Tables

__all__ = ["run", "run_record"]


def run(
    corpora: Sequence[str | os.PathLike[str]],
    *,
    manifest: str | os.PathLike[str] | None = None,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = 5_000_000,
    max_table_bytes: int = 500_000_000,
    overrides: str | os.PathLike[str] | None = None,
    engine: str = "pandas",
    jobs: int = 1,
    scheduler: str | None = None,
    knowledge: Knowledge | str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
) -> Tables:
    """Run the whole pipeline on `corpora` and return the public tables.

    Raises `claimscope.CorpusError` for unusable arguments (missing
    corpus, malformed column map) and `claimscope.OverridesError` for a
    malformed overrides file (both are `claimscope.ClaimscopeError`s); bad individual documents are skipped and listed
    in the `problems` table instead.

    `max_bytes` limits each article file (and each table row's text),
    `max_table_bytes` each table corpus and manifest; larger ones are skipped
    and reported.

    `engine` ("pandas", the default, or "dask"), `jobs` (worker processes)
    and `scheduler` (a Dask scheduler address or `distributed.Client`) choose
    where extraction and alignment's pair scoring run (see
    `claimscope.engines`); the tables are the same on every engine. Raises
    `claimscope.EngineError` when the engine cannot run (Dask missing,
    a scheduler without the dask engine, jobs < 1).

    `knowledge`: a `Knowledge` object, or one or more knowledge-pack folders
    to layer over the built-in knowledge (see `claimscope.knowledge`);
    default the built-in knowledge. A pack that cannot be used raises
    `claimscope.KnowledgeError` before any work is done. The tables record
    the user packs used (`Tables.run`), which `write_tables` keeps in the
    manifest for the reports.
    """
    engines.check_engine(engine, jobs=jobs, scheduler=scheduler)
    know = as_knowledge(knowledge)
    analyst = load_overrides(overrides)  # a bad overrides file fails before any work is done
    ingested = read_corpora(corpora, manifest=manifest, columns=columns, max_bytes=max_bytes,
                            max_table_bytes=max_table_bytes, knowledge=know)
    tables = {name: schema.empty(name) for name in schema.TABLE_ORDER}
    extracted = engines.extract(ingested.documents, knowledge=know, engine=engine, jobs=jobs, scheduler=scheduler)
    documents = ingested.documents.copy()
    counts = extracted.claims.groupby("doc_id").size()
    documents["n_claims"] = documents["doc_id"].map(counts).fillna(0).astype("Int64")
    documents["governorate"] = documents["doc_id"].map(extracted.governorates).fillna("").astype("string")
    aligned = engines.align(extracted.claims, extracted.casualties, documents, mentions=extracted.mentions,
                            knowledge=know, overrides=analyst, engine=engine, jobs=jobs, scheduler=scheduler)
    compared = compare(aligned.claims, extracted.casualties, aligned.incidents, mentions=extracted.mentions,
                       knowledge=know)
    tables.update(
        documents=aligned.documents,
        claims=aligned.claims,
        casualties=extracted.casualties,
        mentions=extracted.mentions,
        incidents=compared.incidents,
        comparisons=compared.comparisons,
        links=aligned.links,
        source_agreement=compared.source_agreement,
        overrides=aligned.overrides_report,
        problems=pd.concat([ingested.problems, extracted.problems, aligned.problems], ignore_index=True),
    )
    out = Tables((name, schema.conform(df, name)) for name, df in tables.items())
    out.run = run_record(know)
    return out


def run_record(knowledge: Knowledge) -> dict[str, Any]:
    """What a run made with `knowledge` records in its tables' manifest: the
    user knowledge packs (absolute folder and digest, in layering order), so
    the reports name things as the run did and notice a pack changed since;
    {} for the built-in knowledge alone."""
    packs = knowledge.packs[len(BUILTIN_PACKS):]
    if not packs:
        return {}
    return {"knowledge": [{"path": str(Path(p).resolve()), "digest": pack_digest(p)} for p in packs]}
