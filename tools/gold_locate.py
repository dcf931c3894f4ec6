"""Turn a quote-based precision-gold batch into the committed, quote-free form.

    python tools/gold_locate.py BATCH.yaml [BATCH.yaml ...] --out-dir tests/gold/precision
           [--shared ../shared] [--header FILE]

Annotators write each sentence as a verbatim `quote` of its opening words (see
tests/gold/precision/README.md). The texts belong to their publishers and stay
in ../shared, so the committed gold carries no sentences: each sentence becomes
a character `span: [start, end]` into its corpus text cell plus `sha` (the first
10 hex digits of the SHA-1 of the span text) so a changed corpus is detected.

A sentence runs from its quote's start to the next sentence's quote start (the
last one to the end of the text), whitespace (and a dangling opening quote
mark) trimmed; `end_before: "..."` ends
it before the first occurrence of that string instead. Quotes are searched in
order, each after the previous one, so a headline repeated in the body is
found where the annotator meant it (a quote may run past its sentence's end
to be unique: the span still stops at the next sentence's start). Casualty
`phrase`s, `source_raw` and notes are kept (a few words each); everything else
the annotators wrote is kept as is. Documents are written sorted by id, one
file per corpus.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from claimscope.evaluate_gold import CORPORA, corpus_texts, span_sha

REPO = Path(__file__).resolve().parents[1]

OUT_NAMES = {"fakes": "fakes.yaml", "ucdp_aec": "ucdp_aec.yaml"}
CORPUS_TITLES = {"fakes": "FA-KES development split (fakes_dev.csv)", "ucdp_aec": "UCDP-AEC, Syria rows (articles.csv)"}
HEADER = """\
Precision gold: {title}, {n_documents} reports, every sentence.

Provenance: hand-annotated for claimscope on 2026-11-30 by three annotators
(one batch of ~15 reports each, FA-KES dev and UCDP-AEC mixed), from the texts
only: they did not run claimscope nor read its output or rules. A second
annotator then reviewed all 44 reports sentence by sentence and settled the
conventions across batches (README.md: guidelines and review conventions).

What it holds, per sentence: kind (event, running_total, background, future,
statement, other = no claim expected), source (canonical name, `outlet` for
the outlet's own voice, or an unnamed group label; `via` = the relaying
outlet; `person` = the person speaking for the source), hedged/negated, the
event date (event sentences, when the text tells), and every casualty figure
about people: outcome (killed, injured, killed_or_injured, detained,
neutralized), victims, category (civilians, combatants, unknown), side
(combatants only), min-max, scope (event = one act's toll; total = a running
total).

No text: the articles belong to their publishers and are read from ../shared
({file}). Each sentence is `span: [start, end]`, character offsets into the
`{text_column}` cell of the row whose `{id_column}` is the document id, and
`sha`, the first 10 hex digits of the SHA-1 of that span (a test checks them
when ../shared is present). Casualty phrases and source_raw are a few words
kept to make the gold readable. Regenerate with tools/gold_locate.py from the
quote-based annotation batches (kept outside the repository: they quote the
texts); do not edit spans by hand.
"""
# Sentence keys in the order they are written; unknown keys follow, sorted.
SENTENCE_KEYS = ("span", "sha", "kind", "source", "via", "person", "source_raw", "hedged", "negated", "event_date",
                 "casualties", "note")
DOCUMENT_KEYS = ("id", "outlet", "published", "note", "sentences")


class GoldError(ValueError):
    """A batch that cannot be located in its corpus (names the document and quote)."""


def _find(text: str, quote: str, start: int) -> int:
    """Position of `quote` in `text` at or after `start` (verbatim, else with any run
    of whitespace matching any other), or -1."""
    i = text.find(quote, start)
    if i >= 0:
        return i
    words = quote.split()
    if not words:
        return -1
    m = re.compile(r"\s+".join(re.escape(w) for w in words)).search(text, start)
    return m.start() if m else -1


_OPENING_QUOTES = "\"“'‘"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Whitespace trimmed at both ends, and an opening quote mark at the end
    (after a space: it opens the next sentence, whose quote starts after it)."""
    while True:
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - 1 > start and text[end - 1] in _OPENING_QUOTES and text[end - 2].isspace():
            end -= 1
            continue
        break
    while start < end and text[start].isspace():
        start += 1
    return start, end


def locate_document(doc: Mapping[str, Any], text: str) -> list[dict[str, Any]]:
    """The document's sentences with `span` and `sha` in place of `quote`."""
    where = f"{doc['corpus']} {doc['id']}"
    starts: list[int] = []
    cursor = 0
    for s in doc["sentences"]:
        quote = str(s.get("quote", ""))
        if not quote.strip():
            raise GoldError(f"{where}: a sentence has no quote")
        i = _find(text, quote, cursor)
        if i < 0:
            earlier = _find(text, quote, 0)
            hint = " (it occurs earlier: sentences out of order?)" if earlier >= 0 else ""
            raise GoldError(f"{where}: quote not found after offset {cursor}{hint}: {quote[:60]!r}")
        starts.append(i)
        cursor = i + 1  # a quote may run past its sentence's end to be unique
    out = []
    for k, s in enumerate(doc["sentences"]):
        start = starts[k]
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        if s.get("end_before"):
            stop = _find(text, str(s["end_before"]), start + 1)
            if stop < 0 or stop > end:
                raise GoldError(f"{where}: end_before {s['end_before']!r} not found inside its sentence")
            end = stop
        start, end = _trimmed(text, start, end)
        if end <= start:
            raise GoldError(f"{where}: empty sentence at offset {start}")
        row: dict[str, Any] = {"span": [start, end], "sha": span_sha(text[start:end])}
        for key, value in s.items():
            if key not in ("quote", "end_before"):
                row[key] = value
        out.append(_ordered(row, SENTENCE_KEYS))
    return out


def _ordered(d: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    keys = list(keys)
    return {**{k: d[k] for k in keys if k in d}, **{k: d[k] for k in sorted(d) if k not in keys}}


def convert(batches: Iterable[Mapping[str, Any]], shared: Path) -> dict[str, list[dict[str, Any]]]:
    """Located documents per corpus, sorted by id. Raises `GoldError` for an
    unknown corpus or id, a quote not found, or a document annotated twice."""
    texts: dict[str, dict[str, str]] = {}
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for batch in batches:
        for doc in batch["documents"]:
            corpus, doc_id = str(doc["corpus"]), str(doc["id"])
            if corpus not in CORPORA:
                raise GoldError(f"unknown corpus {corpus!r} (known: {', '.join(CORPORA)})")
            if corpus not in texts:
                found = corpus_texts(shared, corpus)
                if found is None:
                    raise GoldError(f"{corpus}: {shared / CORPORA[corpus]['file']} not found")
                texts[corpus] = found
            if doc_id not in texts[corpus]:
                raise GoldError(f"{corpus}: no document with id {doc_id!r}")
            if doc_id in out.setdefault(corpus, {}):
                raise GoldError(f"{corpus} {doc_id}: annotated twice")
            located = {k: v for k, v in doc.items() if k not in ("corpus", "sentences")}
            located["id"] = doc_id
            located["sentences"] = locate_document(doc, texts[corpus][doc_id])
            out[corpus][doc_id] = _ordered(located, DOCUMENT_KEYS)
    return {c: [docs[k] for k in sorted(docs)] for c, docs in out.items()}


class _Dumper(yaml.SafeDumper):
    pass


def _flow_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    if len(data) == 2 and all(isinstance(x, int) for x in data):
        return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data)


_Dumper.add_representer(list, _flow_list)


def dump(corpus: str, documents: list[dict[str, Any]], header: str) -> str:
    """The committed YAML text: the header comment, the corpus block, the documents."""
    spec = CORPORA[corpus]
    body = {"corpus": corpus, "file": spec["file"], "id_column": spec["id"], "text_column": spec["text"],
            "documents": documents}
    text = yaml.dump(body, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)
    lines = [f"# {line}".rstrip() for line in header.strip("\n").splitlines()]
    return "\n".join(lines) + "\n" + text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("batches", nargs="+", help="quote-based batch YAML files")
    parser.add_argument("--out-dir", default=str(REPO / "tests" / "gold" / "precision"))
    parser.add_argument("--shared", default=str(REPO.parent / "shared"), help="the shared folder (../shared)")
    parser.add_argument("--header", help="text file: the provenance header (written as # comments; may use "
                        "{title}, {n_documents}, {file}, {id_column}, {text_column})")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "corpora").is_dir():
        print(f"error: {shared}/corpora not found (give --shared)", file=sys.stderr)
        return 2
    batches = []
    for name in args.batches:
        try:
            batches.append(yaml.safe_load(Path(name).read_text(encoding="utf-8")))
        except (OSError, yaml.YAMLError) as exc:
            print(f"error: {name}: {exc}", file=sys.stderr)
            return 2
    try:
        located = convert(batches, shared)
    except GoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    header = Path(args.header).read_text(encoding="utf-8") if args.header else HEADER
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for corpus, docs in sorted(located.items()):
        path = out_dir / OUT_NAMES[corpus]
        head = header.format(title=CORPUS_TITLES[corpus], n_documents=len(docs), **{
            k: v for k, v in (("file", CORPORA[corpus]["file"]), ("id_column", CORPORA[corpus]["id"]),
                              ("text_column", CORPORA[corpus]["text"]))})
        path.write_text(dump(corpus, docs, head), encoding="utf-8")
        n = sum(len(d["sentences"]) for d in docs)
        print(f"{path}: {len(docs)} documents, {n} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
