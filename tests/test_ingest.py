"""Tests for claimscope.ingest: reading corpora into the documents table."""

from __future__ import annotations

import csv
import json
from collections import Counter
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope import KnowledgeError, load_knowledge, schema
from claimscope.ingest import (
    CorpusError,
    _build_rules,
    _put_lists,
    _scan,
    clean_text,
    decode_bytes,
    mark_duplicates,
    parse_columns,
    raw_offset,
    read_corpora,
)

from builtin_knowledge import K, bind

clean_text = bind(clean_text)
read_corpora = bind(read_corpora)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
GOLD = Path(__file__).resolve().parent / "gold" / "seeds_claims.yaml"
FAKES = Path(os.environ.get("CLAIMSCOPE_FAKES", ROOT.parent / "shared" / "corpora" / "fakes" / "fakes_dev.csv"))
FAKES_COLUMNS = "id=unit_id,text=article_content,title=article_title,outlet=source"

SEED_TITLES = {
    "000_51aa4d9d8c50fdac": "Turkish Military Strikes Syrian Army, Suffers First Casualties Since March",
    "001_73a9ec547bd45196": "Video: Syrian Army Undertakes Failed Advance in Northern Lattakia Amid Rise of ISIS Attacks in Deir Ezzor",
    "002_7ff6c75c1f691160": "Video: Turkish Army Suffers Casualties in Southern Idlib",
    "003_d3e792dfea4e7a91": None,  # starts straight with the body: no heading line
    "004_f4fb8e769c839d13": "Turkey deployed military reinforcements in Idlib - Week of bombing by the Syrian Army and Russia (Video)",
}


def _manifest_rows() -> dict[str, dict[str, str]]:
    with open(SEEDS / "manifest.csv", newline="", encoding="utf-8") as fh:
        return {Path(r["file"]).stem: r for r in csv.DictReader(fh)}


def _by_id(result) -> dict[str, dict]:
    return {r["doc_id"]: r for r in result.documents.to_dict("records")}


def _na(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and v != v)


def _check_runs(text: str, raw: str, runs) -> None:
    """Every run copies raw text exactly; runs are ordered and disjoint on both sides."""
    prev_c = prev_r = 0
    for c, r, n in runs:
        assert n > 0
        assert c >= prev_c and r >= prev_r
        assert text[c : c + n] == raw[r : r + n], (c, r, n)
        prev_c, prev_r = c + n, r + n


def _raw_of(doc: dict) -> str:
    return decode_bytes(Path(doc["path"]).read_bytes())[0]


@pytest.fixture(scope="module")
def seeds():
    return read_corpora([SEEDS])


@pytest.fixture(scope="module")
def seeds_no_manifest(tmp_path_factory):
    d = tmp_path_factory.mktemp("seeds_no_manifest")
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, d / f.name)
    return read_corpora([d])


# ---------------------------------------------------------------------------
# Seeds


def test_seeds_documents_follow_the_manifest(seeds):
    docs = _by_id(seeds)
    manifest = _manifest_rows()
    assert sorted(docs) == sorted(manifest)
    assert seeds.problems.empty, seeds.problems.to_string()
    assert list(seeds.documents.columns[: len(schema.TABLES["documents"])]) == schema.columns("documents")
    assert list(seeds.documents.doc_id) == sorted(docs)
    for doc_id, row in manifest.items():
        d = docs[doc_id]
        assert (d["outlet"] if not _na(d["outlet"]) else "") == row["outlet"], doc_id
        assert (d["republished_by"] if not _na(d["republished_by"]) else "") == row["republished_by"], doc_id
        assert d["published"] == row["published"], doc_id
        assert d["published_precision"] == row["published_precision"], doc_id
        assert d["published_raw"] == "manifest"
        assert d["path"] == str(SEEDS / f"{doc_id}.txt")
        assert d["n_chars"] == len(d["text"]) and d["n_claims"] == 0
        assert _na(d["duplicate_of"])
        assert d["encoding"] == "utf-8"
        expected_title = SEED_TITLES[doc_id]
        assert (None if _na(d["title"]) else d["title"]) == expected_title


def test_seeds_without_manifest_read_the_text(seeds_no_manifest):
    docs = _by_id(seeds_no_manifest)
    assert seeds_no_manifest.problems.empty
    expected = {
        "000_51aa4d9d8c50fdac": ("2020-09-08", "Global Research, September 08, 2020"),  # only the republisher's line
        "001_73a9ec547bd45196": ("2020-08-07", "South Front 7 August 2020"),  # the outlet's line beats Global Research's
        "002_7ff6c75c1f691160": ("2020-05-28", "South Front 28 May 2020"),
    }
    for doc_id, (date, raw) in expected.items():
        d = docs[doc_id]
        assert (d["published"], d["published_precision"], d["published_raw"]) == (date, "day", raw)
        assert d["outlet"] == "South Front"
        assert d["republished_by"] == "Global Research"
        assert d["title"] == SEED_TITLES[doc_id]
    for doc_id in ("003_d3e792dfea4e7a91", "004_f4fb8e769c839d13"):
        d = docs[doc_id]
        assert _na(d["published"]) and d["published_precision"] == "unknown", (doc_id, d["published"])
        assert _na(d["published_raw"])
    # 004 names its outlet only in "Follow Pentapostagma on Google news"
    assert docs["004_f4fb8e769c839d13"]["outlet"] == "Pentapostagma"
    assert _na(docs["003_d3e792dfea4e7a91"]["outlet"])
    assert _na(docs["003_d3e792dfea4e7a91"]["title"])


FORBIDDEN = [
    "Disclaimer",
    "PayPal",
    "Comment on Global Research",
    "Follow Pentapostagma",
    "POPULAR",
    "](#)",
    "[",
    "Region:",
    "Theme:",
    "In-depth Report",
    "Copyright",
    "globalresearch.ca",
    ".mp4",
    "Note to readers",
    "patreon",
    "<u>",
    "**",
    "Become a Member",
    "Articles by",
    "The original source",
    "Updated at",
    "By South Front",
    "Global Research, ",
    "Armed Conflicts",
    "\u00a0",
    "\n\n\n",
]


def test_no_boilerplate_survives_in_the_seeds(seeds, seeds_no_manifest):
    for result in (seeds, seeds_no_manifest):
        for d in result.documents.to_dict("records"):
            text = d["text"]
            for bad in FORBIDDEN:
                if bad == "[" and d["doc_id"].startswith("004"):
                    continue  # "[Turkish]" is an editorial insertion in a quote, not markup
                assert bad not in text, (d["doc_id"], bad)
            assert text == text.strip()
            assert "\n" not in text.replace("\n\n", ""), "paragraphs are separated by one blank line"


def test_broken_sentences_are_whole_and_paragraphs_kept(seeds):
    docs = _by_id(seeds)
    assert "Despite the recently concluded operation of the Syrian Army" in docs["000_51aa4d9d8c50fdac"]["text"]
    assert "several Russian service members were injured" in docs["001_73a9ec547bd45196"]["text"]
    # paragraphs stay paragraphs: the title, then the body paragraphs
    assert docs["000_51aa4d9d8c50fdac"]["text"].count("\n\n") == 10  # title + 10 paragraphs (two joined)
    assert docs["003_d3e792dfea4e7a91"]["text"].count("\n\n") == 11  # 12 single-newline paragraphs, now blank-line separated


def test_every_gold_quote_is_in_the_clean_text(seeds):
    docs = {Path(d["path"]).name: d["text"] for d in seeds.documents.to_dict("records")}
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    for claim in gold["claims"]:
        assert claim["quote"] in docs[claim["doc"]], claim["id"]


# ---------------------------------------------------------------------------
# Offsets


def test_offsets_map_back_for_seeds_and_fixtures(seeds):
    mixed = read_corpora([FIXTURES / "mixed", FIXTURES / "encodings"])
    docs = seeds.documents.to_dict("records") + mixed.documents.to_dict("records")
    assert len(docs) == 5 + 6
    for d in docs:
        raw = _raw_of(d)
        runs = json.loads(d["raw_map"])
        _check_runs(d["text"], raw, runs)
        covered = sum(n for _, _, n in runs)
        assert covered >= 0.95 * len(d["text"]), d["doc_id"]  # only breaks/entities are inserted
        for c, r, n in runs:
            for k in (c, c + n // 2, c + n - 1):
                assert raw[raw_offset(runs, k)] == d["text"][k]
            assert raw_offset(d["raw_map"], c) == r  # the JSON text works too


def test_raw_offset_in_inserted_text_goes_to_the_next_run():
    runs = [[0, 10, 5], [7, 30, 4]]  # clean 5..6 is inserted text
    assert raw_offset(runs, 0) == 10
    assert raw_offset(runs, 4) == 14
    assert raw_offset(runs, 5) == 30 and raw_offset(runs, 6) == 30
    assert raw_offset(runs, 10) == 33
    assert raw_offset(runs, 11) == 34  # end of text: end of the last run
    assert raw_offset(runs, 10) + 1 == 34  # exclusive end of the last char
    with pytest.raises(ValueError):
        raw_offset(runs, -1)


MARKUP = st.lists(
    st.sampled_from(
        list("ab Z.\n\r\t*_[]()#!<>&;/-:\u00a0\u2019é") + ["&amp;", "<b>", "</p>", "](#)", "http://x.mp4", "By X", "\x95", "the "]
    ),
    max_size=120,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(raw=MARKUP, kind=st.sampled_from(["txt", "md", "html"]))
def test_clean_text_offsets_hold_for_any_input(raw, kind):
    text, runs = clean_text(raw, kind=kind)
    _check_runs(text, raw, runs)
    assert text == text.strip()
    assert "\n\n\n" not in text and "\r" not in text


def test_clean_text_removes_markup_and_keeps_link_text():
    text, runs = clean_text("Hello [South Front](#) and <u>the</u> **bold** &amp; *stuff*.\n", kind="txt")
    assert text == "Hello South Front and the bold & stuff."
    with pytest.raises(ValueError):
        clean_text("x", kind="pdf")


def test_paragraph_repair_only_joins_lower_case_continuations():
    raw = "The monitor said that several\n\nfighters were killed.\n\nNo period here\n\nThen A New Paragraph.\n"
    text, _ = clean_text(raw)
    assert text == "The monitor said that several fighters were killed.\n\nNo period here\n\nThen A New Paragraph."


def test_header_sentences_and_dated_headlines_are_kept():
    raw = (
        "Syria: 12 killed on 5 May 2020 in Idlib shelling\n\n"
        "By the end of the day, troops had withdrawn.\n\n"
        "Shelling on the town of Ariha killed 12 people, including four children, the civil defence said on Tuesday.\n"
    )
    text, _ = clean_text(raw)
    assert text.startswith("Syria: 12 killed on 5 May 2020 in Idlib shelling\n\nBy the end of the day, troops had withdrawn.")


def test_hard_wrapped_plain_text_is_rejoined():
    raw = (
        "Heavy fighting was reported on Sunday around the town of Saraqib in the\n"
        "eastern countryside of Idlib, where government troops pushed against\n"
        "positions held by opposition fighters, a monitor said on Monday.\n"
    )
    text, _ = clean_text(raw)
    assert "\n" not in text and "in the eastern countryside" in text


# ---------------------------------------------------------------------------
# Markdown, HTML, encodings


def test_markdown_fixture():
    res = read_corpora([FIXTURES / "mixed" / "clashes.md"])
    [d] = res.documents.to_dict("records")
    assert d["title"] == "Clashes Erupt Near Saraqib as Ceasefire Frays"
    assert d["outlet"] == "Levant Monitor"  # from the byline
    assert (d["published"], d["published_precision"]) == ("2021-03-14", "day")
    text = d["text"]
    assert "near Saraqib in eastern Idlib, according to local sources." in text  # link text kept, wrapped lines joined
    assert 'state media reported "dozens" of militants dead' in text
    assert "Government shelling hit the village of Afis.\n\nDrone strikes" in text  # list items are paragraphs
    assert "Residents described the night as the heaviest bombardment" in text  # repaired across a blank line
    for bad in ("http", "![", "**", "Share", "Tweet", "Related", "PayPal", "Support", "By ", "Published:"):
        assert bad not in text, bad


def test_html_fixture_and_manifest_with_unknown_columns():
    res = read_corpora([FIXTURES / "mixed"])
    docs = _by_id(res)
    assert sorted(docs) == ["clashes", "strike"]
    assert res.problems.empty, res.problems.to_string()
    d = docs["strike"]
    assert d["title"] == "Air strike kills 7 in Idlib market"
    assert d["outlet"] == "Orontes Post"  # og:site_name
    assert (d["published"], d["published_precision"]) == ("2019-05-21", "day")
    assert d["url"] == "https://example.org/strike"  # from the manifest
    text = d["text"]
    assert text.startswith(
        "Air strike kills 7 in Idlib market\n\nAn air strike hit a crowded market in Ma\u2019arat al-Nu\u02bbman"
    )
    assert "shortly after noon & that two aircraft" in text
    assert "three shops and a bakery near the main square." in text
    for bad in ("tracking", "color", "Home", "hidden comment", "Share this", "rights reserved", "<", "&amp;", "By Orontes"):
        assert bad not in text, bad


def test_html_page_title_loses_the_site_name(tmp_path):
    (tmp_path / "p.htm").write_text(
        "<html><head><title>Rockets hit Aleppo district &ndash; Halab Today</title>"
        "<meta content='Halab Today' property='og:site_name'></head><body>"
        "<p>Rockets hit the Hamdaniya district of Aleppo on Sunday, wounding five people, state media said.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    [d] = read_corpora([tmp_path]).documents.to_dict("records")
    assert (d["title"], d["outlet"]) == ("Rockets hit Aleppo district", "Halab Today")
    assert d["text"] == "Rockets hit the Hamdaniya district of Aleppo on Sunday, wounding five people, state media said."
    assert _na(d["published"]) and d["published_precision"] == "unknown"


def test_encodings_are_read_without_mojibake():
    res = read_corpora([FIXTURES / "encodings"])
    docs = _by_id(res)
    assert docs["cp1252"]["encoding"] == "cp1252"
    assert "\u201cthe worst in weeks\u201d" in docs["cp1252"]["text"]
    assert "café owner José Ibáñez …" in docs["cp1252"]["text"]
    assert docs["latin1"]["encoding"] == "cp1252"
    assert "Le café de la place a été touché" in docs["latin1"]["text"]
    assert docs["utf8_bom"]["encoding"] == "utf-8-sig"
    assert docs["utf8_bom"]["text"].startswith("Drone strike near Tal Abyad\n\nA drone strike")
    assert "\ufeff" not in docs["utf8_bom"]["text"] and "\r" not in docs["utf8_bom"]["text"]
    for d in docs.values():
        assert "Ã" not in d["text"] and "â€" not in d["text"]
    # undecodable bytes: replaced, reported as a warning, document kept
    assert "\ufffd" in docs["utf8_bad_bytes"]["text"]
    [p] = res.problems.to_dict("records")
    assert p["path"].endswith("utf8_bad_bytes.txt") and p["severity"] == "warning" and p["stage"] == "ingest"
    assert "2 undecodable bytes" in p["reason"]


def test_utf16_file_is_text_not_binary(tmp_path):
    (tmp_path / "u16.txt").write_bytes(
        "Clashes in Daraa\n\nClashes in Daraa killed three fighters on Friday, activists said.\n".encode("utf-16")
    )
    res = read_corpora([tmp_path])
    [d] = res.documents.to_dict("records")
    assert d["encoding"] == "utf-16" and d["title"] == "Clashes in Daraa" and res.problems.empty


def test_decode_bytes_rules():
    assert decode_bytes("naïve".encode("utf-8")) == ("naïve", "utf-8", None)
    assert decode_bytes(b"\xef\xbb\xbfhi") == ("hi", "utf-8-sig", None)
    assert decode_bytes("\u2019quoted\u2019".encode("cp1252")) == ("\u2019quoted\u2019", "cp1252", None)
    text, enc, warn = decode_bytes("hello".encode("utf-16"))
    assert (text, enc, warn) == ("hello", "utf-16", None)
    text, enc, warn = decode_bytes(b"abc \x81 def")  # 0x81 is not cp1252 and not UTF-8
    assert enc == "cp1252" and "\ufffd" in text and "1 undecodable" in warn


# ---------------------------------------------------------------------------
# Bad input


def _good(folder: Path, name: str = "good.txt") -> None:
    (folder / name).write_text(
        "Shelling reported in Idlib\n\nShelling hit the town of Ariha on Monday, killing two civilians, local sources said.\n",
        encoding="utf-8",
    )


def _problem(res, suffix: str) -> dict:
    rows = [p for p in res.problems.to_dict("records") if p["path"].endswith(suffix)]
    assert len(rows) == 1, res.problems.to_string()
    return rows[0]


def test_bad_files_are_skipped_with_a_reason_and_nothing_else_is_lost(tmp_path):
    _good(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n \t\n", encoding="utf-8")
    (tmp_path / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 2)
    (tmp_path / "nul.txt").write_bytes(b"some text\x00\x00\x00more")
    (tmp_path / "big.txt").write_text("Big article text. " * 100, encoding="utf-8")
    (tmp_path / "furniture.txt").write_text("Share this article\n\nPOPULAR\n\nhttps://example.org/video.mp4\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 ...")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    res = read_corpora([tmp_path], max_bytes=1000)
    assert list(res.documents.doc_id) == ["good"]
    assert set(res.problems.severity) == {"skipped"} and set(res.problems.stage) == {"ingest"}
    assert "empty file (0 bytes)" in _problem(res, "empty.txt")["reason"]
    assert "only whitespace" in _problem(res, "blank.txt")["reason"]
    assert "binary file" in _problem(res, "picture.txt")["reason"] and "PNG" in _problem(res, "picture.txt")["reason"]
    assert "NUL" in _problem(res, "nul.txt")["reason"]
    big = _problem(res, "big.txt")["reason"]
    assert "too large" in big and "1,800 bytes" in big and "1,000" in big
    assert "no article text left" in _problem(res, "furniture.txt")["reason"]
    assert "not an article file (.pdf)" in _problem(res, "notes.pdf")["reason"]
    assert "broken symbolic link" in _problem(res, "dangling.txt")["reason"]
    assert _problem(res, "big.txt")["path"] == os.path.join(str(tmp_path), "big.txt")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_skipped(tmp_path):
    _good(tmp_path)
    locked = tmp_path / "locked.txt"
    locked.write_text("secret text", encoding="utf-8")
    locked.chmod(0)
    try:
        res = read_corpora([tmp_path])
    finally:
        locked.chmod(0o644)
    assert list(res.documents.doc_id) == ["good"]
    assert "cannot read" in _problem(res, "locked.txt")["reason"]


def test_unreadable_file_is_skipped_simulated(tmp_path, monkeypatch):
    """The same path without chmod (root can read anything): open() refuses."""
    _good(tmp_path)
    (tmp_path / "locked.txt").write_text("secret text", encoding="utf-8")
    real_open = os.open

    def refusing_open(file, *args, **kwargs):
        if str(file).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    res = read_corpora([tmp_path])
    assert list(res.documents.doc_id) == ["good"]
    assert _problem(res, "locked.txt")["reason"] == "cannot read: Permission denied"


def test_hidden_files_and_subfolders(tmp_path):
    _good(tmp_path)
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("not an article", encoding="utf-8")
    sub = tmp_path / "2020" / "may.txt"  # a folder named like a file is searched, not read
    sub.mkdir(parents=True)
    _good(sub, "inner.md")
    res = read_corpora([tmp_path])
    assert sorted(res.documents.doc_id) == ["good", "inner"]
    assert res.problems.empty


def test_missing_corpus_and_bad_arguments_raise(tmp_path):
    missing = tmp_path / "nowhere"
    with pytest.raises(CorpusError, match="nowhere"):
        read_corpora([missing])
    with pytest.raises(CorpusError, match="no corpus"):
        read_corpora([])
    with pytest.raises(CorpusError, match="max_bytes"):
        read_corpora([SEEDS], max_bytes=0)
    with pytest.raises(CorpusError, match=r"manifest .*nope\.csv.*not found"):
        read_corpora([SEEDS], manifest=tmp_path / "nope.csv")
    bad_manifest = tmp_path / "m.csv"
    bad_manifest.write_text("name,outlet\nx.txt,X\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="no 'file' column"):
        read_corpora([SEEDS], manifest=bad_manifest)
    with pytest.raises(CorpusError, match="unknown key 'body'"):
        read_corpora([SEEDS], columns={"body": "x"})


@pytest.mark.parametrize(
    "spec, message",
    [
        ("id=unit_id,body", "'body' is not key=column"),
        ("text=", "'text=' is not key=column"),
        ("=article_content", "is not key=column"),
        ("text=a,,id=b", "empty entry"),
        ("text=a,colour=b", "unknown key 'colour'"),
        ("text=a,text=b", "given twice"),
        ("id=unit_id", "text column is required"),
    ],
)
def test_parse_columns_rejects_malformed_specs(spec, message):
    with pytest.raises(CorpusError, match=message):
        parse_columns(spec)


def test_parse_columns_accepts_a_map():
    assert parse_columns(" id = unit_id , text=article_content,outlet=source ") == {
        "id": "unit_id",
        "text": "article_content",
        "outlet": "source",
    }
    assert parse_columns(None) == {} and parse_columns("") == {}


# ---------------------------------------------------------------------------
# Tables


def _write_table(path: Path) -> None:
    pd.DataFrame(
        {
            "unit_id": ["a1", "a2", "a2", "a3", "a4"],
            "article_content": [
                "Fri 07 Apr 2017 at 0914 Strike kills 5 in Homs. A strike killed five people in Homs on Friday.",
                "Date of publication 5 July 2016 The bomber attacked a crowd outside a bakery in Hasakeh.",
                "21-08-2014 Army ambush kills 40 in Raqqa countryside. The army said it ambushed the group on Thursday.",
                "   ",
                "No date in this article about clashes near Aleppo that killed three fighters on Monday.",
            ],
            "article_title": ["Strike kills 5", "Bakery bombing", "Army ambush", "", "Clashes near Aleppo"],
            "source": ["nna", "alaraby", "manar", "x", "ahram"],
            "date": ["4/7/17", "7/5/16", "8/21/14", "", "1/1/15"],
        }
    ).to_csv(path, index=False)


def test_csv_table_with_a_column_map(tmp_path):
    table = tmp_path / "articles.csv"
    _write_table(table)
    res = read_corpora([table], columns=parse_columns(FAKES_COLUMNS))
    docs = sorted(res.documents.to_dict("records"), key=lambda d: d["path"])
    assert [d["path"] for d in docs] == [f"{table}#row={i}" for i in (0, 1, 2, 4)]
    ids = [d["doc_id"] for d in docs]
    assert ids[0] == "a1" and ids[3] == "a4"
    assert ids[1].startswith("a2-") and ids[2].startswith("a2-") and ids[1] != ids[2]  # same id, other content
    assert [d["published"] for d in docs[:3]] == ["2017-04-07", "2016-07-05", "2014-08-21"]
    assert [d["published_raw"] for d in docs[:3]] == ["Fri 07 Apr 2017", "5 July 2016", "21-08-2014"]
    assert _na(docs[3]["published"]) and docs[3]["published_precision"] == "unknown"
    # one canonical spelling per outlet (outlets.yaml), the value as given kept beside it
    assert [d["outlet"] for d in docs] == ["NNA", "The New Arab", "Al-Manar", "Ahram Online"]
    assert [d["outlet_raw"] for d in docs] == ["nna", "alaraby", "manar", "ahram"]
    assert docs[0]["title"] == "Strike kills 5"
    assert docs[0]["text"].startswith("Fri 07 Apr 2017 at 0914 Strike kills 5")
    assert all(d["corpus"] == str(table) for d in docs)
    renamed = [p for p in res.problems.to_dict("records") if "renamed" in p["reason"]]
    assert sorted(p["path"] for p in renamed) == [f"{table}#row=1", f"{table}#row=2"]
    assert all(p["severity"] == "warning" and "doc_id 'a2' is used by 2 documents" in p["reason"] for p in renamed)
    [p] = [p for p in res.problems.to_dict("records") if "renamed" not in p["reason"]]
    assert p["path"] == f"{table}#row=3" and p["reason"] == "empty text"


def test_table_default_columns_parquet_and_unknown_columns(tmp_path):
    table = tmp_path / "articles.csv"
    _write_table(table)
    res = read_corpora([table])  # no map: unit_id/article_content/article_title/source are known defaults
    assert len(res.documents) == 4 and res.documents.outlet.iloc[0] == "NNA"
    pq = tmp_path / "articles.parquet"
    pd.read_csv(table, keep_default_na=False).to_parquet(pq)
    res_pq = read_corpora([pq], columns={"id": "unit_id", "text": "article_content", "published": "date"})
    docs = res_pq.documents.to_dict("records")
    assert len(docs) == 4 and docs[0]["published"] == "2017-04-07"
    # "4/7/17" has a two-digit year: not read, so the text's date is used and a warning says so
    probs = [p for p in res_pq.problems.to_dict("records") if "renamed" not in p["reason"]]
    assert sorted(p["path"] for p in probs) == [f"{pq}#row={i}" for i in range(5)]
    for p in probs:
        assert p["reason"] == "empty text" if p["path"].endswith("#row=3") else "is not a date" in p["reason"]
    with pytest.raises(CorpusError, match="no column 'body'"):
        read_corpora([table], columns={"text": "body"})
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="no text column"):
        read_corpora([other])


def test_table_given_published_wins_and_bad_values_are_reported(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text(
        "id,text,published,published_precision\n"
        'x,"Fri 07 Apr 2017 Strike kills 5 in Homs. A strike killed five people.",2017-04-08,\n'
        'y,"Sat 08 Apr 2017 Another strike killed two people in Idlib.",2017-04,\n'
        'z,"Sun 09 Apr 2017 A third strike killed one person in Hama.",soon,weekly\n',
        encoding="utf-8",
    )
    res = read_corpora([table])
    docs = _by_id(res)
    assert (docs["x"]["published"], docs["x"]["published_precision"], docs["x"]["published_raw"]) == (
        "2017-04-08",
        "day",
        "2017-04-08",
    )
    assert (docs["y"]["published"], docs["y"]["published_precision"]) == ("2017-04-01", "month")
    assert (docs["z"]["published"], docs["z"]["published_precision"]) == ("2017-04-09", "day")  # from the text
    assert set(res.problems.path) == {f"{table}#row=2"} and all(res.problems.severity == "warning")
    assert sorted(res.problems.reason) == [
        "column 'published': 'soon' is not a date; the date was read from the text instead",
        "column 'published_precision': 'weekly' is not one of day, month, year, estimated, unknown; ignored",
    ]


# ---------------------------------------------------------------------------
# Several corpora, ids, manifests


def test_same_name_in_two_corpora_gets_a_content_hash(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    _good(a, "report.txt")
    (b / "report.txt").write_text(
        "Another report\n\nClashes in Daraa killed four fighters on Tuesday, activists said.\n", encoding="utf-8"
    )
    res = read_corpora([a, b])
    ids = list(res.documents.doc_id)
    assert len(ids) == 2 and all(i.startswith("report-") and len(i) == len("report-") + 8 for i in ids)
    assert set(res.documents.corpus) == {str(a), str(b)}
    again = read_corpora([b, a])
    assert sorted(again.documents.doc_id) == sorted(ids)  # order of corpora does not matter


def test_same_file_twice_is_read_once(tmp_path):
    _good(tmp_path)
    res = read_corpora([tmp_path, tmp_path / "good.txt"])
    assert list(res.documents.doc_id) == ["good"]
    [p] = res.problems.to_dict("records")
    assert p["severity"] == "warning" and "read once" in p["reason"]


def test_explicit_manifest_and_unmatched_rows(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    _good(corpus)
    man = tmp_path / "meta.csv"
    man.write_text(
        "file,outlet,published,published_precision,title,url,whatever\n"
        "c/good.txt,Idlib Post,2021-02,,Given title,https://e.org/1,x\n"
        "c/missing.txt,Other,2021-01-01,day,,,\n",
        encoding="utf-8",
    )
    res = read_corpora([corpus], manifest=man)
    [d] = res.documents.to_dict("records")
    assert (d["outlet"], d["published"], d["published_precision"], d["title"], d["url"]) == (
        "Idlib Post",
        "2021-02-01",
        "month",
        "Given title",
        "https://e.org/1",
    )
    [p] = res.problems.to_dict("records")
    assert p["severity"] == "warning" and "c/missing.txt" in p["reason"] and p["path"] == str(man)


# ---------------------------------------------------------------------------
# Duplicates


def test_republished_copy_is_marked_as_duplicate(tmp_path):
    body = (SEEDS / "003_d3e792dfea4e7a91.txt").read_text(encoding="utf-8")
    a, b = tmp_path / "outlet", tmp_path / "aggregator"
    a.mkdir(), b.mkdir()
    (a / "clashes.txt").write_text("Idlib Herald, July 23, 2024\n\n" + body, encoding="utf-8")
    copy = (
        "Turkish and Syrian forces clash in Idlib\n\nBy Mirror News\n\nMirror News, July 24, 2024\n\n"
        + body.replace("(VK)", "").replace("posiiton", "position")
        + "\n\nNote to readers: please click the share buttons above.\n\nDonate via PayPal: x@y.z\n"
    )
    (b / "mirror.txt").write_text(copy, encoding="utf-8")
    (b / "exact.txt").write_text(body, encoding="utf-8")  # same body, no date: sorts last
    (b / "other.txt").write_text((SEEDS / "004_f4fb8e769c839d13.txt").read_text(encoding="utf-8"), encoding="utf-8")
    res = read_corpora([a, b])
    docs = _by_id(res)
    assert (docs["clashes"]["published"], docs["mirror"]["published"]) == ("2024-07-23", "2024-07-24")
    assert _na(docs["clashes"]["duplicate_of"])
    assert docs["mirror"]["duplicate_of"] == "clashes"  # near copy, other outlet, later
    assert docs["exact"]["duplicate_of"] == "clashes"
    assert _na(docs["other"]["duplicate_of"])


def test_mark_duplicates_orders_by_date_then_id_and_ignores_case_and_punctuation():
    body = (
        "The Syrian Observatory said that, at least, 12 civilians were killed in air strikes on the town. "
        "Rescue workers searched the rubble of two buildings for survivors until late in the evening. "
        "Residents said the aircraft returned twice after the first strike and hit the market again. "
        "The government did not comment on the reports, and state media made no mention of the raid. "
    )
    texts = [body, body.upper(), body.replace(",", ""), "Something else entirely, about a different event in Hama. " * 5, body]
    ids = ["d1", "d2", "d3", "d4", "d5"]
    published = ["2020-01-05", "2020-01-03", None, "2020-01-01", "2020-01-03"]
    out = mark_duplicates(ids, texts, published)
    # earliest publication first (d2 and d5 share a date: the smaller id wins); unknown dates last
    assert out == ["d2", None, "d2", None, "d2"]
    near = body.replace("12 civilians", "13 civilians")
    assert mark_duplicates(["x", "y"], [body, near], [None, None]) == [None, "x"]
    far = body[: len(body) // 2]
    assert mark_duplicates(["x", "y"], [body, far], [None, None]) == [None, None]
    assert mark_duplicates(["x", "y"], [body, near], [None, None], min_score=99.9) == [None, None]


# ---------------------------------------------------------------------------
# FA-KES


@pytest.fixture(scope="module")
def fakes():
    if not FAKES.is_file():
        pytest.skip(f"FA-KES sample not found at {FAKES} (set CLAIMSCOPE_FAKES)")
    return read_corpora([FAKES], columns=parse_columns(FAKES_COLUMNS))


@pytest.mark.fakes
def test_fakes_all_articles_with_publication_dates_from_the_text(fakes):
    docs = fakes.documents
    src = pd.read_csv(FAKES, dtype=str, keep_default_na=False)
    assert len(docs) == len(src) == 381
    assert docs.doc_id.is_unique
    # FA-KES repeats some unit_ids: those rows are renamed, with a warning each, and nothing else goes wrong
    assert all("renamed" in r for r in fakes.problems.reason), fakes.problems.to_string()
    found = int(docs.published.notna().sum())
    print(f"FA-KES: publication date found in {found} of {len(docs)} articles")
    # 376: the other 5 (Ahram items opening with headline and standfirst) carry no full date anywhere in their text
    assert found >= 370
    assert set(docs.published_precision) <= {"day", "unknown"}
    # sanity against the crowd's event date: publication is mostly on or within a week after the event
    rows = docs.path.str.extract(r"#row=(\d+)")[0].astype(int)
    event = pd.to_datetime(src.date.iloc[rows].values, format="%m/%d/%y")
    pub = pd.to_datetime(docs.published.astype(object).values)
    lag = (pub - event).days
    within = ((lag >= 0) & (lag <= 7)).sum()
    print(f"FA-KES: published 0-7 days after the crowd's event date: {within} of {found}")
    assert within >= 0.7 * found
    # the raw phrase is the opening's date, found near the start of the text
    for text, raw in zip(docs.text, docs.published_raw):
        if isinstance(raw, str):
            assert 0 <= text.find(raw) <= 250


@pytest.mark.fakes
def test_fakes_offsets_repair_and_duplicates(fakes):
    docs = fakes.documents
    src = pd.read_csv(FAKES, dtype=str, keep_default_na=False)
    rows = docs.path.str.extract(r"#row=(\d+)")[0].astype(int)
    widget_words = {"Get", "short", "URL", "Print", "Tweet", "Views", "SEND", "Twitter", "font", "size"}
    rules = _build_rules(K)  # the patterns with their word lists put in
    furniture_res = [rx for rx, _ in rules.breaks]
    end_res = [rx for rx, _ in rules.line_ends]
    for text, raw_map, row in zip(docs.text, docs.raw_map, rows):
        raw = src.article_content.iloc[row]
        _check_runs(text, raw, json.loads(raw_map))
        # cleaning removes share widgets and odd whitespace, never words of the article
        # C1 characters are repaired as Windows-1252 would read them (0x81 is undefined there: dropped)
        fixed = raw.replace("\x95", "\u2022").replace("\x81", "").replace("Get short", " Get short")  # "21.08.2013Get short URL"
        lost = Counter(fixed.split()) - Counter(text.split())
        # furniture between or after the story's texts (boilerplate.yaml `breaks`, `line_ends`): its words go
        furniture = Counter(w for rx in furniture_res for m in rx.finditer(fixed) for w in m.group(0).split())
        furniture += Counter(w for rx in end_res for m in rx.finditer(fixed) for w in fixed[m.start():].split())
        lost -= furniture
        assert all(w in widget_words or w.isdigit() or w.startswith("https") for w in lost), lost
        assert Counter(text.split()) - Counter(fixed.split()) == Counter()  # nothing added or altered
    assert docs.doc_id.is_unique
    # the same article listed several times under one unit_id is kept, and marked as a duplicate
    dup = docs[docs.duplicate_of.notna()]
    assert len(dup) >= 6
    assert set(dup.duplicate_of) <= set(docs.doc_id)
    assert not set(dup.doc_id) & set(dup.duplicate_of)  # every copy points at an original


# ---------------------------------------------------------------------------
# Hostile files: pipes, devices, huge tables and manifests


def _within(seconds: float, fn, *args, **kwargs):
    """fn(*args, **kwargs), failing the test (not hanging it) when it blocks."""
    import threading

    out: list = []

    def call() -> None:
        try:
            out.append(("ok", fn(*args, **kwargs)))
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            out.append(("err", exc))

    t = threading.Thread(target=call, daemon=True)
    t.start()
    t.join(seconds)
    if t.is_alive():
        for fifo in [a for a in args if isinstance(a, Path)]:  # unblock a reader stuck on a pipe
            if fifo.exists() and not fifo.is_file():
                with open(fifo, "w"):
                    pass
        pytest.fail(f"{fn.__name__} blocked for {seconds}s")
    kind, value = out[0]
    if kind == "err":
        raise value
    return value


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_named_pipes_are_skipped_everywhere_without_hanging(tmp_path):
    fifo_table = tmp_path / "articles.csv"
    os.mkfifo(fifo_table)
    res = _within(10, read_corpora, [fifo_table])
    assert res.documents.empty
    assert _problem(res, "articles.csv")["reason"] == "not a regular file (named pipe)"
    corpus = tmp_path / "c"
    corpus.mkdir()
    _good(corpus)
    os.mkfifo(corpus / "manifest.csv")
    os.mkfifo(corpus / "feed.txt")
    os.mkfifo(corpus / "feed.csv")
    os.mkfifo(corpus / "feed")
    res = _within(10, read_corpora, [corpus])
    assert list(res.documents.doc_id) == ["good"]
    assert "named pipe" in _problem(res, "manifest.csv")["reason"]
    for name in ("feed.txt", "feed.csv", "feed"):
        assert _problem(res, name)["reason"] == "not a regular file (named pipe)"
    with pytest.raises(CorpusError, match=r"manifest .*manifest\.csv.*named pipe"):
        _within(10, read_corpora, [corpus], manifest=corpus / "manifest.csv")


def test_tables_and_manifests_have_a_size_limit(tmp_path):
    table = tmp_path / "articles.csv"
    pd.DataFrame({"text": ["Shelling hit Ariha on Monday, killing two civilians, local sources said."] * 50}).to_csv(
        table, index=False
    )
    size = table.stat().st_size
    res = read_corpora([table], max_table_bytes=size - 1)
    assert res.documents.empty
    reason = _problem(res, "articles.csv")["reason"]
    assert "too large" in reason and f"{size:,} bytes" in reason and "--max-table-bytes" in reason
    assert len(read_corpora([table], max_table_bytes=size).documents) == 50
    pq = tmp_path / "articles.parquet"  # compresses to almost nothing; unpacked it is over the limit
    pd.DataFrame({"text": ["Shelling hit Ariha on Monday, killing two civilians. " * 20] * 2000}).to_parquet(pq)
    assert pq.stat().st_size < 100_000
    res = read_corpora([pq], max_table_bytes=1_000_000)
    assert res.documents.empty and "uncompressed" in _problem(res, "articles.parquet")["reason"]
    corpus = tmp_path / "c"
    corpus.mkdir()
    _good(corpus)
    (corpus / "manifest.csv").write_text("file,outlet\ngood.txt," + "X" * 2000 + "\n", encoding="utf-8")
    res = read_corpora([corpus], max_table_bytes=1000)
    assert list(res.documents.doc_id) == ["good"] and "X" not in res.documents.outlet.fillna("").iloc[0]
    assert "too large" in _problem(res, "manifest.csv")["reason"]
    with pytest.raises(CorpusError, match="too large"):
        read_corpora([corpus], manifest=corpus / "manifest.csv", max_table_bytes=1000)


def test_a_device_given_as_a_table_is_refused(tmp_path):
    zero = tmp_path / "zero.csv"
    os.symlink("/dev/zero", zero)
    res = _within(10, read_corpora, [zero])
    assert res.documents.empty and _problem(res, "zero.csv")["reason"] == "not a regular file (character device)"


def test_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    _good(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    _good(locked, "inner.txt")
    real_scandir = os.scandir

    def refusing(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    res = read_corpora([tmp_path])
    assert list(res.documents.doc_id) == ["good"]
    p = _problem(res, "locked")
    assert p["severity"] == "skipped" and "folder cannot be read" in p["reason"] and "Permission denied" in p["reason"]


def test_symbolic_links_leaving_the_corpus_are_reported_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash\n" * 20, encoding="utf-8")
    _good(outside, "elsewhere.txt")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _good(corpus)
    (corpus / "sub").mkdir()
    _good(corpus / "sub", "inner.txt")
    os.symlink(outside / "secret.txt", corpus / "passwd.txt")
    os.symlink(outside, corpus / "linked_folder")
    os.symlink(corpus / "sub" / "inner.txt", corpus / "alias.txt")  # stays inside: followed, read once
    res = read_corpora([corpus])
    assert sorted(res.documents.doc_id) == ["alias", "good"] or sorted(res.documents.doc_id) == ["good", "inner"]
    assert "root:x" not in "".join(res.documents.text)
    assert "outside the corpus folder" in _problem(res, "passwd.txt")["reason"]
    assert "link to a folder" in _problem(res, "linked_folder")["reason"]
    assert "read once" in _problem(res, "inner.txt" if "alias" in set(res.documents.doc_id) else "alias.txt")["reason"]


def test_renamed_ids_never_collide_and_are_reported(tmp_path):
    import hashlib

    folder = tmp_path / "c"
    folder.mkdir()
    _good(folder, "a.txt")
    table = tmp_path / "t.csv"
    pd.DataFrame({"id": ["a"], "text": ["Clashes near Saraqib killed three fighters on Tuesday, SOHR said."]}).to_csv(
        table, index=False
    )
    # a file already named like the suffixed id the first 'a' would get
    h = hashlib.sha1((folder / "a.txt").read_bytes()).hexdigest()[:8]
    (folder / f"a-{h}.txt").write_text("Shelling hit Ariha on Monday, killing five people, activists said.\n",
                                       encoding="utf-8")
    res = read_corpora([folder, table])
    ids = list(res.documents.doc_id)
    assert len(ids) == 3 and len(set(ids)) == 3, ids
    assert f"a-{h}" in ids  # the file that has that name keeps it
    renamed = [p for p in res.problems.to_dict("records") if "renamed" in p["reason"]]
    assert len(renamed) == 2 and {r["severity"] for r in renamed} == {"warning"}
    assert all("'a'" in r["reason"] for r in renamed)
    again = read_corpora([table, folder])
    assert sorted(again.documents.doc_id) == sorted(ids)


def test_utf16_without_bom_is_read_not_called_binary(tmp_path):
    text = "Clashes in Daraa\n\nClashes in Daraa killed three fighters on Friday, activists said.\n"
    (tmp_path / "le.txt").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(text.encode("utf-16-be"))
    res = read_corpora([tmp_path])
    assert res.problems.empty, res.problems.to_string()
    docs = _by_id(res)
    assert (docs["le"]["encoding"], docs["be"]["encoding"]) == ("utf-16-le", "utf-16-be")
    assert docs["le"]["title"] == docs["be"]["title"] == "Clashes in Daraa"
    assert decode_bytes(text.encode("utf-16-le"))[:2] == (text, "utf-16-le")
    # real binary data with NUL bytes is still binary
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 8)
    assert "binary" in _problem(read_corpora([tmp_path]), "blob.txt")["reason"]


def test_manifest_with_no_recognised_column_is_reported(tmp_path):
    _good(tmp_path)
    (tmp_path / "manifest.csv").write_text("file,source,date\ngood.txt,Idlib Post,2021-02-01\n", encoding="utf-8")
    res = read_corpora([tmp_path])
    p = _problem(res, "manifest.csv")
    assert p["severity"] == "warning" and "no column claimscope uses" in p["reason"] and "source, date" in p["reason"]


def test_single_file_beside_a_manifest_does_not_warn_about_the_other_rows(tmp_path):
    _good(tmp_path, "one.txt")
    _good(tmp_path, "two.txt")
    (tmp_path / "manifest.csv").write_text("file,outlet\none.txt,Idlib Post\ntwo.txt,Other\n", encoding="utf-8")
    res = read_corpora([tmp_path / "one.txt"])
    assert list(res.documents.outlet) == ["Idlib Post"]
    assert res.problems.empty, res.problems.to_string()


# ---------------------------------------------------------------------------
# Outlet and date read from the text: bylines, outlet lines, date lines, wire datelines

CROSSDOC = Path(__file__).resolve().parent / "fixtures" / "crossdoc"


def _one(tmp_path, text: str, name: str = "a.txt") -> dict:
    (tmp_path / name).write_text(text, encoding="utf-8")
    [d] = read_corpora([tmp_path]).documents.to_dict("records")
    return d


BODY = ("Shelling hit the eastern quarter of the town on Tuesday evening and damaged two schools, according to "
        "residents who spoke by telephone, while rescue teams searched the rubble into the night.\n")


@pytest.mark.parametrize("dateline, outlet", [
    ("HOMS (Reuters) -", "Reuters"),
    ("GAZIANTEP (AA) –", "Anadolu Agency"),
    ("Qamishli (Syria) (AFP) -", "AFP"),
    ("Hama, SANA –", "SANA"),
    ("LATAKIA, May 3. /TASS/.", "TASS"),
    ("Hama Province – Syrian Observatory for Human Rights:", "Syrian Observatory for Human Rights"),
    ("North Press/", "North Press Agency"),
])
def test_a_wire_dateline_names_the_outlet(tmp_path, dateline, outlet):
    """The agency in a dateline at the start of the body, when it is a known outlet."""
    d = _one(tmp_path, f"Shelling damages schools in eastern quarter\n\n{dateline} {BODY}")
    assert (d["outlet"], d["outlet_raw"].strip(" .")) == (outlet, dateline.strip(" ."))


@pytest.mark.parametrize("line, outlet", [
    ("ENAB BALADI WITH AGENCIES", "Enab Baladi"),  # with its partner agencies
    ("QAMISHLI – ANHA", "Hawar News Agency"),  # with its desk
    ("DAILY SABAH", "Daily Sabah"),  # alone, in capitals
])
def test_a_header_line_names_the_outlet(tmp_path, line, outlet):
    d = _one(tmp_path, f"Shelling damages schools in eastern quarter\n{line}\n\n{BODY}")
    assert (d["outlet"], d["outlet_raw"]) == (outlet, line)
    assert line not in d["text"]


def test_an_unknown_agency_in_parentheses_is_no_outlet(tmp_path):
    d = _one(tmp_path, f"Shelling damages schools\n\nQAMISHLI (Syria) - {BODY}")
    assert _na(d["outlet"])


@pytest.mark.parametrize("lead", ["Hasakah/", "Reuters/Ipsos polling shows that", "AFP/Getty Images"])
def test_a_slash_lead_names_only_an_outlet_that_writes_so(tmp_path, lead):
    # a place, a poll's or a photo's credit: not the outlet's own "Name/" lead
    d = _one(tmp_path, f"Shelling damages schools\n\n{lead} {BODY}")
    assert _na(d["outlet"])


def test_the_outlets_own_date_line_gives_outlet_and_date(tmp_path):
    d = _one(tmp_path, f"Shelling damages schools in eastern quarter\nSyrian Observatory for Human Rights, June 9, 2021\n\n{BODY}")
    assert (d["outlet"], d["published"], d["published_precision"]) == (
        "Syrian Observatory for Human Rights", "2021-06-09", "day")
    d = _one(tmp_path, f"Shelling damages schools in eastern quarter\nAnadolu Agency | 14.11.2022\n\n{BODY}")
    assert (d["outlet"], d["published"]) == ("Anadolu Agency", "2022-11-14")
    assert "Anadolu Agency" not in d["text"]  # the date line is furniture, not body


def test_a_date_line_with_an_arabic_comma_is_read(tmp_path):
    d = _one(tmp_path, f"Army units repel an attack near the highway\n9 October، 2019\n\nHama, SANA- {BODY}")
    assert (d["outlet"], d["published"], d["published_precision"]) == ("SANA", "2019-10-09", "day")


def test_a_byline_names_the_author_and_the_outlet_apart(tmp_path):
    d = _one(tmp_path, f"Shelling damages schools in eastern quarter\nBy Maya Khoury, Associated Press, March 3, 2019\n\n{BODY}")
    assert (d["outlet"], d["author"], d["published"]) == ("Associated Press", "Maya Khoury", "2019-03-03")
    # a person's byline is no outlet, also after a one-paragraph stand-first
    d = _one(tmp_path, "Shelling damages schools in eastern quarter\n"
                       "Residents said the shells came from positions west of the town, the local council says.\n"
                       "By Omar Haddad\nMay 2, 2021\n\n" + BODY)
    assert _na(d["outlet"]) and d["author"] == "Omar Haddad" and d["published"] == "2021-05-02"
    assert "By Omar Haddad" not in d["text"]


def test_byline_separators_are_the_packs(tmp_path):
    """The words that split a byline into names are knowledge (outlets.yaml
    `byline_separators`), not code: a pack for another language brings its own."""
    from claimscope import load_knowledge
    from claimscope.ingest import read_corpora as read

    text = f"Shelling damages schools in eastern quarter\nBy Maya Khoury y Associated Press\n\n{BODY}"
    d = _one(tmp_path, text)
    assert (d["outlet"], d["author"]) != ("Associated Press", "Maya Khoury")   # English: 'y' joins nothing
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "outlets.yaml").write_text("# test pack: Spanish byline conjunction\n"
                                       "byline_separators: ',|\\s+(?:y|para|de)\\s+'\n", encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(text, encoding="utf-8")
    [d] = read([tmp_path / "corpus"], knowledge=load_knowledge(pack)).documents.to_dict("records")
    assert (d["outlet"], d["author"]) == ("Associated Press", "Maya Khoury")


def test_outlet_index_is_one_reading_of_the_outlets():
    from claimscope.ingest import outlet_index

    idx = outlet_index(K)
    assert idx is outlet_index(K)   # computed once per Knowledge
    assert idx.outlets["dailysabah"] == idx.outlets["daily sabah"] == "Daily Sabah"
    assert idx.states["aa"] == "Turkey" and "reuters" not in idx.states
    assert idx.republishers["globalresearch.ca"] == "Global Research" and "global research" not in idx.outlets
    assert ("SOHR", "Syrian Observatory for Human Rights") in idx.spellings


def test_outlet_codes_and_names_are_one_spelling(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY.replace("Tuesday", "Monday"), encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,outlet\na.txt,dailysabah\nb.txt,DAILY SABAH\n", encoding="utf-8")
    docs = _by_id(read_corpora([tmp_path]))
    assert docs["a"]["outlet"] == docs["b"]["outlet"] == "Daily Sabah"
    assert (docs["a"]["outlet_raw"], docs["b"]["outlet_raw"]) == ("dailysabah", "DAILY SABAH")


def test_crossdoc_fixture_without_its_manifest_reads_outlets_and_dates(tmp_path):
    """The 24 reports in real outlet styles, read with no manifest: every
    outlet that the text signs (byline, outlet line, date line, wire
    dateline) and every date line with a year is read as the manifest says.
    Two reports sign nothing (a person's byline; 'SOHR sources reported' in
    the body): their outlet stays empty, never a guess. TASS datelines give
    no year: the date stays unknown."""
    for f in CROSSDOC.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    got = _by_id(read_corpora([tmp_path]))
    man = {Path(r["file"]).stem: r for r in csv.DictReader(open(CROSSDOC / "manifest.csv", encoding="utf-8"))}
    canon = _by_id(read_corpora([CROSSDOC]))  # the manifest's outlets in their canonical spelling
    unsigned = {"14_trtworld_2020-04-28", "24_sohr_2020-08-18"}
    no_year = {k for k in man if "_tass_" in k}
    assert set(got) == set(man)
    for k, d in got.items():
        if k in unsigned:
            assert _na(d["outlet"]), k
        else:
            assert d["outlet"] == canon[k]["outlet"], (k, d["outlet"], d["outlet_raw"])
        if k in no_year:
            assert d["published_precision"] == "unknown", k
        else:
            assert (d["published"], d["published_precision"]) == (man[k]["published"], "day"), k


# ---------------------------------------------------------------------------
# HTML pages: trafilatura decides what the article is, our stripping keeps the offsets

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Mortars hit Jisr al-Shughur | Orontes Daily</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Mortars hit Jisr al-Shughur", "datePublished": "2022-03-15T08:00:00Z",
 "author": {{"@type": "Person", "name": "Rima Saleh"}},
 "publisher": {{"@type": "Organization", "name": "Orontes Daily"}}}}</script></head><body>
<div id="cookie-banner"><p>We use cookies to improve your experience on our site and to show you relevant ads.</p>
<button>Accept all cookies</button></div>
<header><ul><li><a href="/">Home</a></li><li><a href="/syria">Syria</a></li><li><a href="/world">World</a></li></ul></header>
<main><article><h1>Mortars hit Jisr al-Shughur</h1>
<p>Mortar shells fired from positions south of the town hit a crowded street in Jisr al-Shughur on Tuesday morning,
wounding six people including two children, the local council said in a statement.</p>
<div class="most-read"><h3>Most read</h3><ul><li><a href="/a">Floods cut the road to Darkush after a week of rain</a></li>
<li><a href="/b">Prices of bread and fuel rise again across the northwest</a></li></ul></div>
<p>Rescue teams took the wounded to the main hospital, where doctors said one of the children was in a serious
condition after surgery, according to a paramedic who spoke by telephone.</p>
{extra}
<p>The council said the shelling was the third on the town this month and called on the guarantors of the
ceasefire to stop attacks on residential areas before more civilians are hurt.</p>
</article></main>
<section class="comments"><h3>3 comments</h3><p>Anonymous: this is terrible news, stay safe everyone out there</p></section>
<footer><p>Orontes Daily. All rights reserved. Contact us. Advertise with us. Privacy policy.</p></footer>
</body></html>"""


def test_a_web_page_loses_navigation_boxes_comments_and_cookie_banners(tmp_path):
    raw = PAGE.format(extra="")
    d = _one(tmp_path, raw, "page.html")
    text = d["text"]
    for kept in ("wounding six people", "one of the children was in a serious", "the third on the town this month"):
        assert kept in text, kept
    for gone in ("cookies", "Most read", "Floods cut the road", "Anonymous", "All rights reserved", "Home"):
        assert gone not in text, gone
    _check_runs(text, raw, json.loads(d["raw_map"]))  # exact offsets through the dropped blocks
    # what the page declares, read through trafilatura when our meta tags lack it (JSON-LD here)
    assert (d["outlet"], d["published"], d["author"]) == ("Orontes Daily", "2022-03-15", "Rima Saleh")
    assert d["title"] == "Mortars hit Jisr al-Shughur"


def test_reading_a_page_is_deterministic(tmp_path):
    raw = PAGE.format(extra="<p>Residents said a second salvo followed minutes later and hit an empty school building.</p>")
    first = clean_text(raw, kind="html")
    assert first == clean_text(raw, kind="html")
    assert "second salvo followed minutes later" in first[0]


ARTICLE_WORDS = st.lists(st.sampled_from("the shelling town council said people wounded Idlib on Monday two".split()),
                         min_size=8, max_size=30).map(" ".join)
BLOCK = st.one_of(
    ARTICLE_WORDS.map(lambda s: f"<p>{s.capitalize()}.</p>"),
    st.sampled_from(["<nav><a href='/'>Home</a> | <a href='/x'>News</a></nav>", "<div class='share'>Share this article</div>",
                     "<p>We use cookies to improve your experience.</p>", "<ul><li>Related: floods</li><li>Prices</li></ul>",
                     "<p>Read more</p>", "<h2>Most read</h2>"]),
)


@settings(max_examples=40, deadline=None)
@given(blocks=st.lists(BLOCK, min_size=1, max_size=12))
def test_html_offsets_hold_whatever_trafilatura_keeps(blocks):
    raw = "<html><body><article><h1>Shelling in the town</h1>" + "\n".join(blocks) + "</article></body></html>"
    text, runs = clean_text(raw, kind="html")
    _check_runs(text, raw, runs)
    assert "\n\n\n" not in text


def test_a_lead_crediting_the_outlets_own_network_names_the_outlet(tmp_path):
    """A monitor's daily item opens with its own network ("our activists"); a
    report citing the monitor names it in the third person."""
    d = _one(tmp_path, "Homs province: SOHR activists have documented the death of a shepherd in a landmine blast "
                       "near the desert road east of Palmyra, the second such death this week.\n")
    assert (d["outlet"], d["outlet_raw"]) == ("Syrian Observatory for Human Rights",
                                              "Homs province: SOHR activists have documented")
    d = _one(tmp_path, "Reliable sources have informed SOHR that gunmen on a motorcycle shot a former policeman dead "
                       "in the centre of Tafas town in the western countryside of Daraa.\n")
    assert d["outlet"] == "Syrian Observatory for Human Rights"
    d = _one(tmp_path, "The Syrian Observatory for Human Rights reported that a shepherd was killed in a landmine "
                       "blast near the desert road east of Palmyra on Monday.\n")
    assert _na(d["outlet"])
    d = _one(tmp_path, "Relief activists have documented the arrival of four hundred families in the camps near the "
                       "border, where tents and blankets are running short.\n")
    assert _na(d["outlet"])  # "Relief" is no outlet


# --- furniture inside one-line texts (texts written for these tests) -------------------------

def _exact(raw, text, runs):
    for k, ch in enumerate(text):
        if ch not in " \n":
            assert raw[raw_offset(runs, k)] == ch, (k, ch)


def test_a_tags_list_between_standfirst_and_lede_is_removed_and_breaks_the_paragraph():
    raw = ("Shelling hit the old market of Kafr Nubl on Tuesday, a monitor said Tags Syria Hama Idlib shelling "
           "market At least 7 people were killed when shells hit the market of Kafr Nubl.\n")
    text, runs = clean_text(raw)
    assert "Tags" not in text and "Hama" not in text
    assert text.split("\n\n") == ["Shelling hit the old market of Kafr Nubl on Tuesday, a monitor said",
                                  "At least 7 people were killed when shells hit the market of Kafr Nubl."]
    _exact(raw, text, runs)


def test_a_tags_list_never_takes_a_word_of_the_lede():
    # the lede opens with a number word, a capitalised subject or "The": each stays whole
    for lede in ["Fifty rockets hit the town of Saraqib on Friday.", "Russian jets struck Saraqib on Friday.",
                 "The army shelled Saraqib on Friday.", "12 people died in Saraqib on Friday.",
                 "Syrian Arab Army units shelled the town.", "Islamic State fighters killed 5 people."]:
        text, _ = clean_text(f"Saraqib was shelled again Tags Syria Idlib Saraqib {lede}\n")
        assert text.endswith(lede), (lede, text)
    # no word opening a sentence within twenty tag words: the words after the first tag all stay
    raw = "A long summary Tags " + " ".join(f"Town{i}" for i in range(24)) + " pounded the town on Friday.\n"
    assert clean_text(raw)[0].split()[-28:] == raw.split()[-28:]


def test_a_photo_credit_ends_its_caption():
    raw = ("A man walks past a burnt car in Qamishli on Monday (AFP Photo) BEIRUT Five people were killed in "
           "Hasakeh on Tuesday. Rescuers carry a child in Douma. REUTERS/Jane Roe The council said 3 died.\n")
    text, runs = clean_text(raw)
    assert text.split("\n\n") == ["A man walks past a burnt car in Qamishli on Monday",
                                  "BEIRUT Five people were killed in Hasakeh on Tuesday. Rescuers carry a child in Douma.",
                                  "The council said 3 died."]
    _exact(raw, text, runs)


def test_an_embedded_link_to_another_article_is_removed_up_to_the_dateline():
    raw = ("Two shells hit Jaramana on Sunday local media said. AP Photo Army Repels Attack Near Homs Killing 40 "
           "MOSCOW (Sputnik) The shells hit a school.\n")
    text, runs = clean_text(raw)
    assert "Homs" not in text and "40" not in text
    assert text.split("\n\n")[-1] == "MOSCOW (Sputnik) The shells hit a school."
    _exact(raw, text, runs)


def test_related_article_lists_and_read_also_closing_a_text_are_removed():
    for tail in [" Source Agencies Related News Army Kills 30 Militants in Hama | Ten Dead in Aleppo Blast",
                 " ... 120 Related Army Kills 30 Militants in Hama Tags Syria Hama",
                 " Read Also"]:
        raw = "Three people were killed in Jaramana on Sunday, SANA said." + tail + "\n"
        text, runs = clean_text(raw)
        assert text.startswith("Three people were killed in Jaramana on Sunday, SANA said"), text
        assert "Hama" not in text and "Read Also" not in text and "Related" not in text
        _exact(raw, text, runs)
    # a related list inside the story, with the story going on after it, is left alone
    raw = ("Three people were killed in Jaramana, SANA said. Related Coverage Army Kills 30 Militants in Hama "
           "The ministry said the toll may rise.\n")
    assert clean_text(raw)[0] == raw.strip()


def test_a_trailer_cue_early_in_a_one_line_text_leaves_the_story_after_it():
    story = ("Four civilians were killed in shelling on the town on Monday, the monitor said. Related News "
             "was not available. ") + "The shelling went on through the night and hit a school and a bakery. " * 5
    text, runs = clean_text(story + "\n")
    assert "bakery" in text
    _exact(story + "\n", text, runs)


# ---------------------------------------------------------------------------
# Furniture patterns: word lists (boilerplate.yaml `word_lists`) and the
# literal each pattern needs (a line without it is not searched)

_SECTIONS = ("drop_lines", "end_markers", "inline", "breaks", "line_ends")


def _patterns(bp) -> list[str]:
    return [e if isinstance(e, str) else e["pattern"] for key in _SECTIONS for e in bp.get(key) or ()]


def test_boilerplate_word_lists_are_each_used_with_no_word_twice():
    # the data file's integrity: every {{name}} names a list, every list is used, no list repeats a word,
    # every word is a plain string (YAML would read a bare on/off/yes/no as a boolean)
    bp = K.boilerplate
    lists = bp.get("word_lists") or {}
    used = {m for p in _patterns(bp) for m in re.findall(r"\{\{(\w+)\}\}", p)}
    assert used == set(lists), (used, set(lists))
    for name, words in lists.items():
        assert words and all(isinstance(w, str) and w.strip() == w and w for w in words), name
        assert len(words) == len(set(words)), [w for w, n in Counter(words).items() if n > 1]
    for p in _patterns(bp):
        re.compile(_put_lists(p, lists))


def test_a_word_list_is_put_in_escaped_as_one_group_in_its_order():
    lists = {"units": ["km", "a.m.", "3+"], "none": []}
    assert _put_lists(r"\d+ {{units}}\b", lists) == r"\d+ (?:km|a\.m\.|3\+)\b"
    rx = re.compile(_put_lists(r"^(?:{{units}})$", lists))
    assert rx.match("a.m.") and rx.match("3+") and not rx.match("aXm.") and not rx.match("33")
    assert re.compile(_put_lists("x{{none}}", lists)).search("x") is None  # an empty list matches nothing
    assert _put_lists("a{2,3} {x}", lists) == "a{2,3} {x}"  # quantifiers and single braces are left alone
    with pytest.raises(KnowledgeError, match="no list 'unit'"):
        _put_lists("{{unit}}", lists)


def test_a_pack_adds_words_to_a_word_list(tmp_path):
    # a stop word added by a pack ends a Tags list there: the capitalised word before it opens the lede
    raw = "Clashes went on near the airport Tags Syria Bodies lay there for days.\n"
    (tmp_path / "boilerplate.yaml").write_text("# test pack\nword_lists:\n  tag_stop_words: [lay]\n", encoding="utf-8")
    k = load_knowledge(tmp_path)
    assert k.boilerplate["word_lists"]["tag_stop_words"][-1] == "lay"
    text, _ = clean_text(raw, knowledge=k)
    assert text.split("\n\n") == ["Clashes went on near the airport", "Bodies lay there for days."]
    assert clean_text(raw)[0] != text  # the built-in list lacks "lay"
    (tmp_path / "boilerplate.yaml").write_text("# test pack\nbreaks: ['Tags {{tag_words}}']\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="tag_words"):
        clean_text(raw, knowledge=load_knowledge(tmp_path))


def _needs(pattern: str) -> list[str]:
    return [n.pattern for n in _scan(pattern)[1]]


def test_a_pattern_opening_with_a_character_class_needs_its_literal():
    assert _needs(r"[A-Z]{2,6} Photo\b") == ["Photo"]  # leading blanks dropped: a rarer first character
    assert _needs(r"(?:REUTERS|AFP|EPA)/[A-Z]\w+") == ["/", r"REUTERS/|AFP/|EPA/"]  # shared part first
    # a lookahead reads the line too; a lookbehind may read before it, so it is never needed
    assert _needs(r"[a-z]+(?= \((?:AFP|AP)\))") == [r"\(A", r"\(AFP\)|\(AP\)"]
    assert _needs(r"(?<=Photo )[A-Z][a-z]+") == []
    assert _needs(r"\d+ (?:killed|dead)?") == []  # an optional part is never needed
    assert _needs(r"[Pp]hoto:\s") == ["hoto:", "Photo:|photo:"]  # a small class: each of its letters
    # a literal opening is the engine's own fast scan, and case-insensitive patterns are left as they are
    assert _needs(r"Tags:? [A-Z]\w+") == [] and _needs(r"(?i)[a-z]+ photo") == [] and _needs(r"(?i:x)[a-z] photo") == []


_FURNITURE = [sc for key in ("inline", "breaks", "line_ends") for sc in getattr(_build_rules(K), key)]


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_line_the_prefilter_skips_holds_no_match(data):
    # every built-in furniture pattern, on strings built to hold one of its matches between other text:
    # the prefilter never skips a line the pattern matches (so the tables stay what the full search gives)
    for rx, needs in _FURNITURE:
        s = data.draw(st.text(max_size=8) | st.just("")) + data.draw(st.from_regex(rx)) + data.draw(st.text(max_size=8))
        if any(m.end() > m.start() for m in rx.finditer(s)):
            assert all(n.search(s) for n in needs), (rx.pattern, s)
