"""The committed precision gold (tests/gold/precision) and the tool that makes
it from quote-based batches (tools/gold_locate.py): schema, values, order, no
text, and — when ../shared is present — every span's sha against the corpus."""

from __future__ import annotations

import copy
import importlib.util
from pathlib import Path

import pandas as pd
import pytest
import yaml

from claimscope.evaluate_gold import GOLD_DIR, HELDOUT_DIR, corpus_texts, load_gold, shared_dir, span_sha, validate_gold

REPO = Path(__file__).resolve().parents[1]


def _locator():
    spec = importlib.util.spec_from_file_location("gold_locate", REPO / "tools" / "gold_locate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD_DIR)


def test_the_gold_covers_at_least_40_reports_of_both_corpora(gold):
    assert set(gold) == {"fakes", "ucdp_aec"}
    assert sum(len(d["documents"]) for d in gold.values()) >= 40
    for data in gold.values():
        assert len(data["documents"]) >= 20


BOTH = pytest.mark.parametrize("folder, corpus", [
    (f, c) for f in (GOLD_DIR, HELDOUT_DIR) for c in ("fakes", "ucdp_aec")], ids=lambda v: getattr(v, "name", v))


@BOTH
def test_gold_file_is_sound(folder, corpus):
    assert validate_gold(load_gold(folder)[corpus]) == []


@BOTH
def test_gold_file_opens_with_its_provenance_and_carries_no_text(folder, corpus):
    path = folder / f"{corpus}.yaml"
    head = path.read_text(encoding="utf-8").splitlines()[:30]
    assert head[0].startswith("# Precision gold")
    assert any("Provenance" in line for line in head) and any("../shared" in line for line in head)
    assert "quote:" not in path.read_text(encoding="utf-8")


@BOTH
def test_every_span_matches_the_shared_corpus(folder, corpus):
    texts = corpus_texts(shared_dir(), corpus)
    if texts is None:
        pytest.skip(f"{corpus} corpus not found under {shared_dir()} (set CLAIMSCOPE_SHARED)")
    assert validate_gold(load_gold(folder)[corpus], texts) == []


def test_the_held_out_gold_shares_no_report_with_the_gold():
    """A report used to tune the rules is not held out."""
    gold, held = load_gold(GOLD_DIR), load_gold(HELDOUT_DIR)
    for corpus in ("fakes", "ucdp_aec"):
        ids = {d["id"] for d in gold[corpus]["documents"]}
        held_ids = {d["id"] for d in held[corpus]["documents"]}
        assert held_ids and not ids & held_ids


def test_the_guidelines_are_committed_beside_the_gold():
    readme = (GOLD_DIR / "README.md").read_text(encoding="utf-8")
    for word in ("running_total", "neutralized", "scope", "end_before", "span", "sha"):
        assert word in readme


# --- validate_gold catches what it must ------------------------------------------------------

TEXT = "Two soldiers were killed today. The war began in 2011."


def _good() -> dict:
    return {"corpus": "fakes", "documents": [{"id": "7", "sentences": [
        {"span": [0, 31], "sha": span_sha(TEXT[0:31]), "kind": "event", "source": "outlet",
         "casualties": [{"phrase": "Two soldiers", "outcome": "killed", "victims": "soldiers", "category": "combatants",
                         "side": "unknown", "min": 2, "max": 2, "scope": "event"}]},
        {"span": [32, 54], "sha": span_sha(TEXT[32:54]), "kind": "background", "source": "outlet"},
    ]}]}


def _broken(edit) -> dict:
    data = copy.deepcopy(_good())
    edit(data)
    return data


@pytest.mark.parametrize("edit, problem", [
    (lambda d: d["documents"][0]["sentences"][0].update(quote="Two soldiers"), "carries a quote"),
    (lambda d: d["documents"].append({"id": "1", "sentences": d["documents"][0]["sentences"]}), "sorted by id"),
    (lambda d: d["documents"][0]["sentences"][1].update(span=[20, 54]), "overlaps"),
    (lambda d: d["documents"][0]["sentences"][1].update(kind="rumour"), "kind 'rumour'"),
    (lambda d: d["documents"][0]["sentences"][1].pop("source"), "needs a source"),
    (lambda d: d["documents"][0]["sentences"][0]["casualties"][0].update(outcome="dead"), "outcome 'dead'"),
    (lambda d: d["documents"][0]["sentences"][0]["casualties"][0].update(category="civilians"), "exactly when"),
    (lambda d: d["documents"][0]["sentences"][0]["casualties"][0].update(max=1), "max 1"),
    (lambda d: d["documents"][0]["sentences"][0]["casualties"][0].update(scope="daily"), "scope 'daily'"),
    (lambda d: d["documents"][0]["sentences"][0].update(event_date="yesterday"), "not an ISO date"),
    (lambda d: d["documents"][0]["sentences"][0].update(sha="0123456789"), "does not match"),
])
def test_validate_gold_names_each_problem(edit, problem):
    assert validate_gold(_good(), {"7": TEXT}) == []
    problems = validate_gold(_broken(edit), {"7": TEXT})
    assert any(problem in p for p in problems), problems


def test_validate_gold_refuses_a_note_that_copies_the_text():
    text = " ".join(f"word{i}" for i in range(40)) + "."
    data = {"corpus": "fakes", "documents": [{"id": "7", "sentences": [
        {"span": [0, len(text)], "sha": span_sha(text), "kind": "other",
         "note": " ".join(f"word{i}" for i in range(3, 20))}]}]}
    assert any("repeats more than" in p for p in validate_gold(data, {"7": text}))
    data["documents"][0]["sentences"][0]["note"] = " ".join(f"word{i}" for i in range(3, 15))  # 12 words: fine
    assert validate_gold(data, {"7": text}) == []


# --- tools/gold_locate.py --------------------------------------------------------------------

ARTICLE = ('Army kills 40 fighters near the town.\n\nThe army said 40 fighters were killed. '
           'The army said 40 fighters were killed. He added: "We will go on." '
           '"The enemy fled," a source said.')


@pytest.fixture()
def shared(tmp_path):
    folder = tmp_path / "shared" / "corpora" / "fakes"
    folder.mkdir(parents=True)
    pd.DataFrame({"unit_id": ["11", "12"], "article_content": [ARTICLE, "Another text."]}).to_csv(
        folder / "fakes_dev.csv", index=False)
    return tmp_path / "shared"


def _batch(**first) -> dict:
    sentences = [
        {"quote": "Army kills 40 fighters", "kind": "event", "source": "outlet", "source_raw": ""},
        {"quote": "The army said 40 fighters were killed. The army", "end_before": "The army", "kind": "event",
         "source": "Syrian Arab Army", "source_raw": "The army",
         "casualties": [{"phrase": "40 fighters", "outcome": "killed", "victims": "fighters", "category": "combatants",
                         "side": "unknown", "min": 40, "max": 40, "scope": "event"}]},
        {"quote": "The army said 40 fighters were killed. He", "end_before": "He", "kind": "event",
         "source": "Syrian Arab Army", "source_raw": "The army"},
        {"quote": "He added", "kind": "future", "source": "Syrian Arab Army", "source_raw": "He"},
        {"quote": "The enemy fled", "kind": "event", "source": "other sources", "source_raw": "a source"},
    ]
    sentences[0].update(first)
    return {"documents": [{"corpus": "fakes", "id": "11", "outlet": "Example", "published": None,
                           "sentences": sentences}]}


def test_gold_locate_turns_quotes_into_spans_with_shas(shared):
    loc = _locator()
    located = loc.convert([_batch()], shared)
    sentences = located["fakes"][0]["sentences"]
    got = [ARTICLE[a:b] for a, b in (s["span"] for s in sentences)]
    assert got == ["Army kills 40 fighters near the town.",
                   "The army said 40 fighters were killed.",
                   "The army said 40 fighters were killed.",
                   'He added: "We will go on."',  # the next sentence's opening quote mark is not its end
                   'The enemy fled," a source said.']  # the quote starts after the opening mark
    assert got[3] != got[1] and sentences[1]["span"] != sentences[2]["span"]
    assert all(s["sha"] == span_sha(t) for s, t in zip(sentences, got))
    assert all("quote" not in s and "end_before" not in s for s in sentences)
    assert sentences[1]["casualties"][0]["phrase"] == "40 fighters"
    data = yaml.safe_load(loc.dump("fakes", located["fakes"], loc.HEADER.format(
        title="t", n_documents=1, file="f", id_column="unit_id", text_column="article_content")))
    assert validate_gold(data, {"11": ARTICLE}) == []


@pytest.mark.parametrize("first, message", [
    ({"quote": "Army kills 41 fighters"}, "quote not found"),
    ({"quote": "The enemy fled"}, "out of order"),
])
def test_gold_locate_names_the_quote_it_cannot_place(shared, first, message):
    loc = _locator()
    batch = _batch(**first)
    if message == "out of order":
        batch["documents"][0]["sentences"] = batch["documents"][0]["sentences"][::-1]
    with pytest.raises(loc.GoldError, match=message):
        loc.convert([batch], shared)


def test_gold_locate_refuses_an_unknown_document_and_a_document_annotated_twice(shared):
    loc = _locator()
    batch = _batch()
    batch["documents"][0]["id"] = "99"
    with pytest.raises(loc.GoldError, match="no document with id '99'"):
        loc.convert([batch], shared)
    with pytest.raises(loc.GoldError, match="annotated twice"):
        loc.convert([_batch(), _batch()], shared)


def test_gold_locate_command_writes_one_file_per_corpus(shared, tmp_path):
    batch = tmp_path / "batch.yaml"
    batch.write_text(yaml.safe_dump(_batch()), encoding="utf-8")
    assert _locator().main([str(batch), "--shared", str(shared), "--out-dir", str(tmp_path / "out")]) == 0
    text = (tmp_path / "out" / "fakes.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Precision gold: FA-KES") and "span: [0, 37]" in text
