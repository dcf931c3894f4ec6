"""`claimscope run`: the table contract on disk, bad input, atomic writes."""

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from claimscope import schema, tables
from claimscope.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    assert main(["run", str(SEEDS), "--out", str(out), "--quiet"]) == 0
    return out


def test_every_table_is_written_as_csv_and_parquet_with_the_contract_columns(seeds_out):
    for name in schema.TABLE_ORDER:
        csv = pd.read_csv(seeds_out / f"{name}.csv", keep_default_na=False)
        pq = pd.read_parquet(seeds_out / f"{name}.parquet")
        required = schema.columns(name, required_only=True)
        assert list(csv.columns[: len(required)]) == required
        assert list(pq.columns) == list(csv.columns)
        assert len(pq) == len(csv)
    docs = tables.read_table(seeds_out, "documents")
    assert len(docs) == 5 and docs["n_claims"].sum() == len(tables.read_table(seeds_out, "claims"))


def test_ids_are_stable_across_runs(seeds_out, tmp_path):
    assert main(["run", str(SEEDS), "--out", str(tmp_path), "--quiet"]) == 0
    for name, key in (("claims", "claim_id"), ("casualties", "casualty_id"), ("documents", "doc_id")):
        a = tables.read_table(seeds_out, name)
        b = tables.read_table(tmp_path, name)
        assert list(a[key]) == list(b[key])
        pd.testing.assert_frame_equal(a, b)


def test_missing_corpus_is_a_clear_error(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "nope" in err and "error" in err
    assert not (tmp_path / "out").exists()


def test_malformed_column_map_is_a_clear_error(tmp_path, capsys):
    table = tmp_path / "a.csv"
    pd.DataFrame({"id": [1], "body": ["Shelling hit Idlib."]}).to_csv(table, index=False)
    assert main(["run", str(table), "--out", str(tmp_path / "out"), "--columns", "text"]) == 1
    err = capsys.readouterr().err
    assert "error" in err and "text" in err


def test_bad_file_is_reported_and_skipped_without_losing_the_others(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (corpus / "empty.txt").write_text("")
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "broken.txt" in err and "empty.txt" in err
    problems = tables.read_table(out, "problems")
    assert {Path(p).name for p in problems["path"]} >= {"broken.txt", "empty.txt"}
    assert len(tables.read_table(out, "documents")) == 5


def test_a_failed_write_leaves_the_previous_tables_whole(seeds_out, tmp_path, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(seeds_out, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    calls = {"n": 0}
    original = pd.DataFrame.to_parquet

    def flaky(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", flaky)
    assert main(["run", str(SEEDS), "--out", str(out), "--quiet"]) == 1
    after = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
    assert after == before
    assert not [p for p in out.iterdir() if p.name.startswith(".claimscope-")]


def test_out_must_be_a_folder(tmp_path, capsys):
    target = tmp_path / "file"
    target.write_text("x")
    assert main(["run", str(SEEDS), "--out", str(target), "--quiet"]) == 1
    assert "file" in capsys.readouterr().err


def test_malformed_overrides_file_stops_the_run_before_any_work(tmp_path, capsys):
    bad = tmp_path / "ov.yaml"
    bad.write_text("merge: not-a-list\n")
    assert main(["run", str(SEEDS), "--out", str(tmp_path / "out"), "--overrides", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "ov.yaml" in err and "merge" in err
    assert not (tmp_path / "out").exists()


def test_overrides_are_applied_and_reported(seeds_out, tmp_path):
    claims = tables.read_table(seeds_out, "claims")
    a, b = claims.sort_values("claim_id")["claim_id"].iloc[[0, -1]]
    ov = tmp_path / "ov.yaml"
    ov.write_text(f"merge:\n  - [{a}, {b}]\nassign:\n  cnotaclaim00: some label\n")
    out = tmp_path / "out"
    assert main(["run", str(SEEDS), "--out", str(out), "--overrides", str(ov), "--quiet"]) == 0
    report = tables.read_table(out, "overrides")
    assert list(report["action"]) == ["merge", "assign"]
    assert list(report["status"]) == ["applied", "unknown_claim"]
    merged = tables.read_table(out, "claims").set_index("claim_id")["incident_id"]
    assert merged[a] == merged[b]


def test_parquet_corpus_with_missing_cells_gives_empty_fields_not_na_strings(tmp_path):
    table = tmp_path / "articles.parquet"
    pd.DataFrame({
        "id": pd.Series(["a1", "a2"], dtype="string"),
        "body": pd.Series(["On Monday, shelling killed 3 civilians in Idlib, SOHR said.", "Clashes near Saraqib."],
                          dtype="string"),
        "site": pd.Series([pd.NA, "SANA"], dtype="string"),
    }).to_parquet(table)
    out = tmp_path / "out"
    assert main(["run", str(table), "--out", str(out), "--columns", "id=id,text=body,outlet=site", "--quiet"]) == 0
    docs = tables.read_table(out, "documents").set_index("doc_id")
    outlet = docs.loc["a1", "outlet"]
    assert pd.isna(outlet) or outlet == ""
    assert "<NA>" not in set(tables.read_table(out, "claims")["source"])


def test_a_document_that_breaks_extraction_is_skipped_and_reported(monkeypatch):
    from builtin_knowledge import K

    from claimscope import claims as claims_mod
    from claimscope.ingest import read_corpora

    docs = read_corpora([SEEDS], knowledge=K).documents
    real = claims_mod.extract_document

    def fragile(doc, **kwargs):
        if doc.doc_id.startswith("002"):
            raise RuntimeError("boom")
        return real(doc, **kwargs)

    monkeypatch.setattr(claims_mod, "extract_document", fragile)
    result = claims_mod.extract(docs, knowledge=K)
    assert set(result.claims["doc_id"].str[:3]) == {"000", "001", "003", "004"}
    [problem] = result.problems.itertuples()
    assert "boom" in problem.reason and problem.stage == "extract"


@pytest.mark.parametrize("make_corpus", ["empty_folder", "only_bad_files", "truncated_parquet", "device"])
def test_a_run_with_no_usable_document_fails_and_keeps_the_previous_tables(seeds_out, tmp_path, capsys, make_corpus):
    out = tmp_path / "out"
    assert main(["run", str(SEEDS), "--out", str(out), "--quiet"]) == 0
    before = tables.read_tables(out)
    corpus = tmp_path / "corpus"
    if make_corpus == "empty_folder":
        corpus.mkdir()
    elif make_corpus == "only_bad_files":
        corpus.mkdir()
        (corpus / "empty.txt").write_text("")
        (corpus / "blob.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    elif make_corpus == "truncated_parquet":
        corpus = tmp_path / "articles.parquet"
        pd.DataFrame({"text": ["Shelling hit Idlib on Monday, killing two civilians."]}).to_parquet(corpus)
        corpus.write_bytes(corpus.read_bytes()[:-20])
    else:
        corpus = Path("/dev/zero")
    capsys.readouterr()
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "no usable documents" in err and "left as they were" in err
    after = tables.read_tables(out)
    for name in schema.TABLE_ORDER:
        pd.testing.assert_frame_equal(before[name], after[name])


def test_control_characters_in_file_names_do_not_reach_the_terminal(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "evil\x1b[2J\x1b[31mname.txt").write_text("")
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "evil\\x1b[2J\\x1b[31mname.txt" in err


def test_a_second_run_into_the_same_out_fails_clearly(tmp_path, capsys):
    out = tmp_path / "out"
    with tables.lock_out(out):
        assert main(["run", str(SEEDS), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "another claimscope run is writing" in err and f"pid {os.getpid()}" in err
    assert not out.exists()
    assert main(["run", str(SEEDS), "--out", str(out), "--quiet"]) == 0  # the lock went with its holder


def test_csv_safe_prefixes_formula_cells_in_csv_only(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "=HYPERLINK(\"http://evil.example\",\"Click\")\n\n"
        "Shelling hit the town of Ariha on Monday, killing two civilians, local sources said.\n",
        encoding="utf-8",
    )
    (corpus / "manifest.csv").write_text("file,outlet\na.txt,@SUM(1+1)\n", encoding="utf-8")
    plain, safe = tmp_path / "plain", tmp_path / "safe"
    assert main(["run", str(corpus), "--out", str(plain), "--quiet"]) == 0
    assert main(["run", str(corpus), "--out", str(safe), "--quiet", "--csv-safe"]) == 0
    raw_plain = pd.read_csv(plain / "documents.csv", keep_default_na=False)
    raw_safe = pd.read_csv(safe / "documents.csv", keep_default_na=False)
    assert raw_plain.loc[0, "outlet"] == "@SUM(1+1)" and raw_safe.loc[0, "outlet"] == "'@SUM(1+1)"
    assert raw_safe.loc[0, "title"].startswith("'=HYPERLINK")
    assert not any(str(v).startswith(("=", "+", "-", "@")) for col in raw_safe for v in raw_safe[col]
                   if raw_safe[col].dtype == object)
    assert pd.read_parquet(safe / "documents.parquet").loc[0, "outlet"] == "@SUM(1+1)"  # Parquet keeps the value
    (safe / "documents.parquet").unlink()  # the CSV fallback of read_table undoes the prefix
    assert tables.read_table(safe, "documents").loc[0, "outlet"] == "@SUM(1+1)"


def test_run_records_the_knowledge_packs_it_used(seeds_out, tmp_path):
    """`claimscope report` names things by the packs of the run: the
    manifest keeps each pack's folder and a digest of its files."""
    from claimscope.knowledge import pack_digest

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "events.yaml").write_text("# provenance: written for this test\ntitle_labels:\n  clash: firefight\n",
                                      encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(SEEDS), "--out", str(out), "--knowledge", str(pack), "--quiet"]) == 0
    recorded = tables.read_manifest(out)["run"]["knowledge"]
    assert recorded == [{"path": str(pack.resolve()), "digest": pack_digest(pack)}]
    assert "run" not in tables.read_manifest(seeds_out)
    (pack / "events.yaml").write_text("# provenance: edited\ntitle_labels:\n  clash: skirmish\n", encoding="utf-8")
    assert pack_digest(pack) != recorded[0]["digest"]
