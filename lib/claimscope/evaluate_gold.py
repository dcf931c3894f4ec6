"""Precision gold: score claims against hand-checked real reports, sentence by sentence.

The gold (tests/gold/precision/*.yaml, guidelines in its README.md) lists, for
every sentence of 44 FA-KES dev and UCDP-AEC reports, its kind (event,
running_total, background, future, statement, other), its source and every
casualty figure about people (outcome, victims category, min-max, scope). It
holds no text: each sentence is a character `span` into its corpus text cell
(read from ../shared) with a `sha` that detects a drifted corpus.

Tool output is mapped onto the gold through `documents.raw_map` (clean-text
offsets back to the raw cell), and matched to gold sentences by overlap:

* casualty figures: a tool row is right when a gold figure of the same
  sentence has the same outcome, min and max, and (strict) the same category
  and scope. Where the tool has no `category` that part is not judged; where
  it has no `scope`, a figure counts as an event toll (as incidents use it)
  unless its claim is a `running_total`. Rows are matched one to one.
* event / non-event: the tool calls a sentence an event when a claim
  overlapping it has `kind == "event"` (every claim, before `claims.kind`).
* source: over sentences the tool made a claim for, the claim overlapping most
  has the gold's canonical source, or the right fallback (gold `outlet` = the
  outlet's voice; unnamed groups compared through sources.yaml aliases).
* event date: on gold event sentences with a date, the claim's `event_date`.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd
import yaml

from .actors import canonical_actor, generic_group
from .attribution import canonical_source
from .ingest import raw_offset
from .knowledge import Knowledge
from .resources import norm_phrase

__all__ = [
    "KINDS", "OUTCOMES", "CATEGORIES", "SCOPES", "SIDES", "GOLD_DIR", "HELDOUT_DIR", "CORPORA",
    "shared_dir", "load_gold", "validate_gold", "corpus_texts", "attach_texts", "gold_tables", "score_gold", "span_sha",
]

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO / "tests" / "gold" / "precision"
# Annotated after the rules were written and never used to change them: the honest figure.
HELDOUT_DIR = REPO / "tests" / "gold" / "precision_heldout"
KINDS = ("event", "running_total", "background", "future", "statement", "other")
OUTCOMES = ("killed", "injured", "killed_or_injured", "detained", "neutralized")
CATEGORIES = ("civilians", "combatants", "unknown")
SCOPES = ("event", "total")
SIDES = ("syrian_government", "opposition", "turkey", "kurdish", "jihadist", "russia", "iran", "us_coalition", "unknown")
# Where each corpus lives under ../shared, and how the pipeline reads it.
CORPORA: dict[str, dict[str, Any]] = {
    "fakes": {"file": "corpora/fakes/fakes_dev.csv", "id": "unit_id", "text": "article_content",
              "columns": {"id": "unit_id", "text": "article_content", "title": "article_title", "outlet": "source"}},
    "ucdp_aec": {"file": "corpora/ucdp_aec/articles.csv", "id": "ged_id", "text": "text",
                 "columns": {"id": "ged_id", "text": "text", "published": "source_date"}},
}
_COARSE = frozenset({"week", "month", "year"})  # date precisions that do not name a day
_PERSON_EXTRA = re.compile(r"(?i)m[ae]n|member|boy|girl|person|body|bodies")  # singulars actors.yaml leaves out


def shared_dir() -> Path:
    """The shared folder the gold's texts are read from ($CLAIMSCOPE_SHARED or
    ../shared beside the repository)."""
    env = os.environ.get("CLAIMSCOPE_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def span_sha(text: str) -> str:
    """First 10 hex digits of the SHA-1 of `text` (UTF-8), as the gold stores it."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


# --- the gold files ------------------------------------------------------------------------

def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def load_gold(gold_dir: str | os.PathLike[str] = GOLD_DIR) -> dict[str, dict[str, Any]]:
    """The gold files of `gold_dir` by corpus name (dates as ISO strings)."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(Path(gold_dir).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "corpus" not in data:
            raise ValueError(f"{path}: not a precision gold file (no `corpus:`)")
        for doc in data.get("documents") or []:
            doc["id"] = str(doc.get("id"))
            doc["published"] = _iso(doc.get("published"))
            for s in doc.get("sentences") or []:
                if "event_date" in s:
                    s["event_date"] = _iso(s["event_date"])
        data["_path"] = str(path)
        out[str(data["corpus"])] = data
    return out


def _check_casualty(c: Any, where: str) -> list[str]:
    if not isinstance(c, dict):
        return [f"{where}: a casualty is not a mapping"]
    bad = []
    for key in ("phrase", "outcome", "victims", "category", "min", "max", "scope"):
        if key not in c:
            bad.append(f"{where}: casualty without `{key}`")
    if bad:
        return bad
    if not isinstance(c["phrase"], str) or not c["phrase"].strip() or len(c["phrase"]) > 80:
        bad.append(f"{where}: casualty phrase must be a short string (<= 80 characters): {c['phrase']!r}")
    if c["outcome"] not in OUTCOMES:
        bad.append(f"{where}: outcome {c['outcome']!r} not in {OUTCOMES}")
    if c["category"] not in CATEGORIES:
        bad.append(f"{where}: category {c['category']!r} not in {CATEGORIES}")
    if c.get("side") is not None and c["side"] not in SIDES:
        bad.append(f"{where}: side {c['side']!r} not in {SIDES}")
    if (c.get("side") is not None) != (c["category"] == "combatants"):
        bad.append(f"{where}: side is given exactly when the category is combatants")
    if c["scope"] not in SCOPES:
        bad.append(f"{where}: scope {c['scope']!r} not in {SCOPES}")
    lo, hi = c["min"], c["max"]
    if not isinstance(lo, int) or isinstance(lo, bool) or lo < 0:
        bad.append(f"{where}: min {lo!r} is not a count")
    elif hi is not None and (not isinstance(hi, int) or isinstance(hi, bool) or hi < lo):
        bad.append(f"{where}: max {hi!r} is not a count >= min")
    return bad


MAX_COPIED_WORDS = 15  # the longest run of the text's words a gold field may repeat


def _copied_words(sentence: Mapping[str, Any], text: str) -> str:
    """A field that repeats more than MAX_COPIED_WORDS consecutive words of the
    text (the gold must not carry the articles), named; '' when none does."""
    words_of_text = " " + " ".join(re.findall(r"\w+", text.lower())) + " "
    fields = [("note", sentence.get("note")), ("source_raw", sentence.get("source_raw"))]
    fields += [("phrase", c.get("phrase")) for c in sentence.get("casualties") or [] if isinstance(c, dict)]
    for name, value in fields:
        words = re.findall(r"\w+", str(value or "").lower())
        n = MAX_COPIED_WORDS + 1
        for i in range(len(words) - n + 1):
            if " " + " ".join(words[i:i + n]) + " " in words_of_text:
                return f"{name} repeats more than {MAX_COPIED_WORDS} words of the text"
    return ""


def validate_gold(data: Mapping[str, Any], texts: Mapping[str, str] | None = None) -> list[str]:
    """Problems with one gold file (empty when sound): schema, values, documents
    sorted by id, sentences in order without overlap, no quotes; with `texts`
    (id -> corpus text cell) every span lies in its text, its sha matches and
    no field repeats a long run of the text's words."""
    name = data.get("_path", data.get("corpus", "gold"))
    bad: list[str] = []
    corpus = data.get("corpus")
    if corpus not in CORPORA:
        return [f"{name}: corpus {corpus!r} not in {tuple(CORPORA)}"]
    docs = data.get("documents")
    if not isinstance(docs, list) or not docs:
        return [f"{name}: no documents"]
    ids = [str(d.get("id")) for d in docs]
    if ids != sorted(ids) or len(set(ids)) != len(ids):
        bad.append(f"{name}: documents must be sorted by id, each once")
    for doc in docs:
        where = f"{name} {corpus} {doc.get('id')}"
        if texts is not None and doc.get("id") not in texts:
            bad.append(f"{where}: no such document in the corpus")
        sentences = doc.get("sentences")
        if not isinstance(sentences, list) or not sentences:
            bad.append(f"{where}: no sentences")
            continue
        last_end = 0
        for k, s in enumerate(sentences):
            at = f"{where} sentence {k}"
            if "quote" in s:
                bad.append(f"{at}: carries a quote (the committed gold holds no text)")
            span = s.get("span")
            if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)
                    and 0 <= span[0] < span[1]):
                bad.append(f"{at}: span {span!r} is not [start, end] with start < end")
                continue
            if span[0] < last_end:
                bad.append(f"{at}: span {span} overlaps or precedes the previous sentence")
            last_end = span[1]
            if not re.fullmatch(r"[0-9a-f]{10}", str(s.get("sha", ""))):
                bad.append(f"{at}: sha {s.get('sha')!r} is not 10 hex digits")
            elif texts is not None and doc.get("id") in texts:
                text = texts[doc["id"]]
                if span[1] > len(text) or span_sha(text[span[0]:span[1]]) != s["sha"]:
                    bad.append(f"{at}: sha does not match the corpus text (the corpus changed?)")
            kind = s.get("kind")
            if kind not in KINDS:
                bad.append(f"{at}: kind {kind!r} not in {KINDS}")
            if kind != "other" and not (isinstance(s.get("source"), str) and s["source"].strip()):
                bad.append(f"{at}: a {kind} sentence needs a source")
            for key in ("source_raw", "person", "via", "note"):
                if key in s and s[key] is not None and not isinstance(s[key], str):
                    bad.append(f"{at}: {key} must be a string")
            if len(str(s.get("source_raw") or "")) > 120:
                bad.append(f"{at}: source_raw longer than 120 characters")
            if texts is not None and doc.get("id") in texts:
                copied = _copied_words(s, texts[doc["id"]])
                if copied:
                    bad.append(f"{at}: {copied}")
            for key in ("hedged", "negated"):
                if key in s and not isinstance(s[key], bool):
                    bad.append(f"{at}: {key} must be true or false")
            date = s.get("event_date")
            if date is not None:
                try:
                    _dt.date.fromisoformat(str(date))
                except ValueError:
                    bad.append(f"{at}: event_date {date!r} is not an ISO date")
            cas = s.get("casualties") or []
            if not isinstance(cas, list):
                bad.append(f"{at}: casualties must be a list")
                continue
            for j, c in enumerate(cas):
                bad += _check_casualty(c, f"{at} casualty {j}")
    return bad


def corpus_texts(shared: str | os.PathLike[str], corpus: str) -> dict[str, str] | None:
    """Text cell by id for a gold corpus, read as ingest reads a CSV (strings,
    no NA conversion); None when the corpus is not there."""
    spec = CORPORA[corpus]
    path = Path(shared) / spec["file"]
    if not path.exists():
        return None
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    texts: dict[str, str] = {}
    for doc_id, text in zip(table[spec["id"]], table[spec["text"]]):
        texts.setdefault(str(doc_id).strip(), text)
    return texts


# --- running the pipeline on the gold documents ----------------------------------------------

@dataclass(frozen=True)
class GoldRun:
    tables: dict[str, pd.DataFrame]  # documents, claims, casualties of the gold documents
    doc_ids: dict[tuple[str, str], str]  # (corpus, gold id) -> doc_id


def gold_tables(gold: Mapping[str, Mapping[str, Any]], shared: str | os.PathLike[str], *,
                knowledge: Knowledge | None = None) -> GoldRun | None:
    """Run the pipeline on the gold documents only (each corpus filtered to its
    gold ids, written to a temporary Parquet table so the text cells stay
    byte-exact); None when a corpus is missing from `shared`."""
    from .pipeline import run

    parts: dict[str, list[pd.DataFrame]] = {"documents": [], "claims": [], "casualties": []}
    doc_ids: dict[tuple[str, str], str] = {}
    with tempfile.TemporaryDirectory(prefix="claimscope-gold-") as tmp:
        for corpus, data in sorted(gold.items()):
            spec = CORPORA[corpus]
            path = Path(shared) / spec["file"]
            if not path.exists():
                return None
            table = pd.read_csv(path, dtype=str, keep_default_na=False)
            wanted = [d["id"] for d in data["documents"]]
            table = table[table[spec["id"]].str.strip().isin(wanted)].drop_duplicates(spec["id"])
            table = table.reset_index(drop=True)
            sub = Path(tmp) / f"{corpus}.parquet"
            table.to_parquet(sub, index=False)
            tables = run([sub], columns=spec["columns"], knowledge=knowledge)
            by_row = {}
            for row in tables["documents"].itertuples(index=False):
                m = re.search(r"#row=(\d+)$", str(row.path))
                if m:
                    by_row[int(m.group(1))] = row.doc_id
            for i, gid in enumerate(table[spec["id"]].str.strip()):
                if i in by_row:
                    doc_ids[(corpus, gid)] = f"{corpus}:{by_row[i]}"
            for name in parts:
                df = tables[name].copy()
                if name == "casualties":
                    df["claim_id"] = corpus + ":" + df["claim_id"].astype(str)
                else:
                    df["doc_id"] = corpus + ":" + df["doc_id"].astype(str)
                    if name == "claims":
                        df["claim_id"] = corpus + ":" + df["claim_id"].astype(str)
                parts[name].append(df)
    return GoldRun({k: pd.concat(v, ignore_index=True) for k, v in parts.items()}, doc_ids)


# --- scoring ------------------------------------------------------------------------------------

def _text(value: Any) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def _int(value: Any) -> int | None:
    s = _text(value)
    return int(float(s)) if s else None


def _overlap(a: Sequence[int], b: Sequence[int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _raw_span(raw_map: Any, start: int, end: int) -> tuple[int, int]:
    if raw_map is None or _text(raw_map) == "":
        return start, end
    s = raw_offset(raw_map, start)
    e = raw_offset(raw_map, max(start, end - 1)) + 1
    return s, max(s + 1, e)


def _canon_source(name: str, knowledge: Knowledge) -> str:
    """Canonical source name for comparison: a sources.yaml entry when the
    name (or an alias in it) is one, else an actor of actors.yaml ("Islamic
    State" and "ISIS" are one speaker), else the name normalised."""
    name = _text(name).strip()
    src = canonical_source(name, knowledge=knowledge) if name else None
    if src is not None:
        return src.name
    actor = canonical_actor(name, knowledge=knowledge) if name else None
    return actor or norm_phrase(name)


_HEAD_CUT = re.compile(r"(?i)\s+(?:of|in|from|at|on|near|who|which|that|were|was|have|has|had)\b.*$")


def _person_noun(phrase: str, knowledge: Knowledge) -> bool:
    """Whether the head noun of a figure's phrase names people ("two gunmen",
    "a member of the factions") rather than things ("several army positions",
    "an armored personnel carrier of the army"): the last word before a
    preposition or verb is a generic victims noun or an actor's name."""
    head = _HEAD_CUT.sub("", phrase.strip()).split()
    if not head:
        return False
    word = head[-1].strip(".,;:'\"")
    return bool(generic_group(word, knowledge=knowledge) or canonical_actor(word, knowledge=knowledge)
                or _PERSON_EXTRA.fullmatch(word))


@dataclass
class _Fig:
    sentence: int
    outcome: str
    min: int | None
    max: int | None
    category: str
    scope: str
    span: tuple[int, int] | None
    text: str  # phrase (gold) or raw (tool)
    victims: str = ""


def _match(tool: list[_Fig], gold: list[_Fig], *, strict: bool, with_category: bool) -> dict[int, int]:
    """One-to-one tool index -> gold index of equal figures within a sentence."""
    used: set[int] = set()
    out: dict[int, int] = {}
    for i, t in enumerate(tool):
        for j, g in enumerate(gold):
            if j in used or g.sentence != t.sentence:
                continue
            if (t.outcome, t.min, t.max) != (g.outcome, g.min, g.max):
                continue
            if strict and (t.scope != g.scope or (with_category and t.category and t.category != g.category)):
                continue
            used.add(j)
            out[i] = j
            break
    return out


def _error_kind(t: _Fig, g: _Fig | None, knowledge: Knowledge) -> str:
    if t.sentence < 0:
        return "outside gold sentences"
    if g is None:
        return "perpetrator or bystander read as victim" if _person_noun(t.victims or t.text, knowledge) else \
            "thing-count (or other non-figure) read as people"
    if t.outcome != g.outcome:
        return "wrong outcome"
    if (t.min, t.max) != (g.min, g.max):
        return "wrong range"
    if t.scope != g.scope:
        return "running total as event" if g.scope == "total" else "event as running total"
    return "wrong category"


def _rate(hits: int, n: int) -> tuple[int, int, float]:
    return hits, n, (hits / n if n else 0.0)


@dataclass(frozen=True)
class _Has:
    """Which of the columns the harness follows the tool's tables have, and
    the knowledge their names are compared with."""
    kind: bool
    category: bool
    scope: bool
    cue: bool
    knowledge: Knowledge


@dataclass
class _DocView:
    """One gold document beside the tool's claims and figures, in raw offsets."""
    corpus: str
    id: str
    sentences: list[Mapping[str, Any]]
    spans: list[tuple[int, int]]
    text: str | None
    claims: list[tuple[tuple[int, int], Any]]  # (raw span, claims row)
    figures: list[_Fig]  # the tool's
    gold: list[_Fig]

    def sentence_of(self, span: tuple[int, int]) -> int:
        """The gold sentence `span` overlaps most (-1 for none)."""
        best, at = 0, -1
        for k, s in enumerate(self.spans):
            o = _overlap(span, s)
            if o > best:
                best, at = o, k
        return at

    def sentence_text(self, k: int) -> str:
        return self.text[self.spans[k][0]:self.spans[k][1]][:200] if self.text is not None and k >= 0 else ""


def _doc_view(corpus: str, doc: Mapping[str, Any], doc_id: str | None, claims: pd.DataFrame | None,
              figures: pd.DataFrame | None, raw_map: Any, claim_kind: Mapping[str, str], has: _Has) -> _DocView:
    view = _DocView(corpus, doc["id"], list(doc["sentences"]), [tuple(s["span"]) for s in doc["sentences"]],
                    doc.get("_text"), [], [], [])
    if claims is not None:
        view.claims = [(_raw_span(raw_map, int(r.start), int(r.end)), r) for r in claims.itertuples(index=False)]
    for k, s in enumerate(view.sentences):
        for c in s.get("casualties") or []:
            view.gold.append(_Fig(k, c["outcome"], c["min"], c["max"], c["category"], c["scope"], None,
                                  c["phrase"], c.get("victims") or ""))
    if figures is not None:
        for r in figures.sort_values("start", kind="stable").itertuples(index=False):
            span = _raw_span(raw_map, int(r.start), int(r.end)) if _int(r.start) is not None else (0, 0)
            scope = _text(getattr(r, "scope", "")) if has.scope else ""
            if not scope:
                scope = "total" if claim_kind.get(r.claim_id) == "running_total" else "event"
            category = _text(getattr(r, "category", "")) if has.category else ""
            view.figures.append(_Fig(view.sentence_of(span), _text(r.outcome), _int(r.min), _int(r.max), category,
                                     scope, span, _text(r.raw), _text(getattr(r, "victims_raw", ""))))
    return view


def _read_by(view: _DocView, t: _Fig, open_gold: list[int], explained: set[int]) -> int | None:
    """The unmatched gold figure a wrong tool row reads: the one whose phrase it
    overlaps, else one of its sentence sharing its min or max."""
    if t.sentence < 0:
        return None
    cands = [j for j in open_gold if view.gold[j].sentence == t.sentence and j not in explained]
    if view.text is not None:
        for j in cands:
            p = _phrase_span(view.text, view.spans[view.gold[j].sentence], view.gold[j].text)
            if p and t.span and _overlap(p, t.span) > 0:
                return j
    for j in cands:
        g = view.gold[j]
        if g.min == t.min or (g.max is not None and g.max == t.max):
            return j
    return None


def _score_figures(view: _DocView, has: _Has, tally: Counter, errors: Counter, rows: list[dict[str, Any]]) -> None:
    tool, gold = view.figures, view.gold
    strict = _match(tool, gold, strict=True, with_category=has.category)
    lenient = _match(tool, gold, strict=False, with_category=False)
    tally.update(strict=len(strict), lenient=len(lenient), tool=len(tool), gold=len(gold))
    open_gold = [j for j in range(len(gold)) if j not in strict.values()]
    explained: set[int] = set()
    for i, t in enumerate(tool):
        if i in strict:
            rows.append(_fig_row(view, "tool", t, "right", gold[strict[i]], True))
            continue
        j = _read_by(view, t, open_gold, explained)
        if j is None and t.sentence >= 0 and any(
                gold[m].sentence == t.sentence and (gold[m].outcome, gold[m].min, gold[m].max)
                == (t.outcome, t.min, t.max) for m in strict.values()):
            kind = "duplicate of a figure already matched"
        else:
            kind = _error_kind(t, gold[j] if j is not None else None, has.knowledge)
        if j is not None:
            explained.add(j)
        errors[kind] += 1
        rows.append(_fig_row(view, "tool", t, kind, gold[j] if j is not None else None, i in lenient))
    for j in open_gold:
        if j not in explained:
            errors["missed"] += 1
            rows.append(_fig_row(view, "gold", gold[j], "missed", None, j in lenient.values()))


def _source_miss(s: Mapping[str, Any], best: Any, has: _Has) -> str:
    if s["source"] == "outlet":
        return "gold outlet voice, tool a source"
    if _is_outlet_voice(best, has.cue):
        return "tool outlet voice, gold a source"
    if s.get("via") and _canon_source(s["via"], has.knowledge) == _canon_source(_text(best.source), has.knowledge):
        return "tool names the relaying outlet (gold via)"
    return "different source"


def _score_sentences(view: _DocView, has: _Has, tally: Counter, by_kind: Mapping[str, Counter],
                     source_misses: Counter, rows: list[dict[str, Any]]) -> None:
    for k, s in enumerate(view.sentences):
        over = sorted(((o, r) for o, r in ((_overlap(span, view.spans[k]), r) for span, r in view.claims) if o > 0),
                      key=lambda x: -x[0])
        best = over[0][1] if over else None
        tool_event = any(_text(r.kind) == "event" if has.kind else True for _, r in over)
        gold_event = s["kind"] == "event"
        tally.update(event_n=1, event_hit=int(tool_event == gold_event))
        by_kind[s["kind"]]["event" if tool_event else "non_event"] += 1
        if has.kind:
            tally.update(kind_n=1, kind_hit=int((_text(best.kind) if best is not None else "other") == s["kind"]))
        row = {"corpus": view.corpus, "id": view.id, "sentence": k, "span": f"{view.spans[k][0]}-{view.spans[k][1]}",
               "gold_kind": s["kind"], "tool_event": tool_event, "event_ok": tool_event == gold_event,
               "gold_source": s.get("source") or "", "tool_source": "", "tool_cue": "", "source_ok": "",
               "gold_date": s.get("event_date") or "", "tool_date": "", "date_ok": "", "text": view.sentence_text(k)}
        if best is not None:
            row["tool_source"] = _text(best.source)
            row["tool_cue"] = _text(best.attribution_cue) if has.cue else _text(best.source_type)
            if s["kind"] != "other" and s.get("source"):
                ok = _source_ok(s["source"], best, has.cue, has.knowledge)
                tally.update(source_n=1, source_hit=int(ok))
                row["source_ok"] = ok
                if not ok:
                    source_misses[_source_miss(s, best, has)] += 1
        if gold_event and s.get("event_date"):
            events = [r for _, r in over if not has.kind or _text(r.kind) == "event"]
            pick = events[0] if events else best
            got = _text(pick.event_date) if pick is not None else ""
            precision = _text(getattr(pick, "date_precision", "")) if pick is not None else ""
            ok = bool(got) and got == s["event_date"] and precision not in _COARSE
            tally.update(date_n=1, date_hit=int(ok))
            row["tool_date"], row["date_ok"] = got, ok
        rows.append(row)


def score_gold(tables: Mapping[str, pd.DataFrame], gold: Mapping[str, Mapping[str, Any]],
               doc_ids: Mapping[tuple[str, str], str], *, knowledge: Knowledge) -> dict[str, Any]:
    """Casualty-figure precision/recall (strict and lenient, with error kinds),
    event/non-event accuracy, source and event-date accuracy of the tool's
    `tables` (documents, claims, casualties) against the gold documents.

    `doc_ids` maps (corpus, gold id) to the tool's doc_id; a gold document the
    tool has no row for is scored as if the tool said nothing about it.
    Returns figures as (hits, judged, rate) plus detail DataFrames
    (`figure_rows`, `sentence_rows`) for reading the misses."""
    documents, claims, casualties = tables["documents"], tables["claims"], tables["casualties"]
    has = _Has(kind="kind" in claims.columns, category="category" in casualties.columns,
               scope="scope" in casualties.columns, cue="attribution_cue" in claims.columns, knowledge=knowledge)
    raw_maps = dict(zip(documents["doc_id"], documents["raw_map"])) if "raw_map" in documents.columns else {}
    claim_kind = dict(zip(claims["claim_id"], claims["kind"])) if has.kind else {}
    claims_by_doc = {d: g for d, g in claims.groupby("doc_id", sort=False)}
    cas = casualties.assign(doc_id=casualties["claim_id"].map(dict(zip(claims["claim_id"], claims["doc_id"]))))
    cas_by_doc = {d: g for d, g in cas.groupby("doc_id", sort=False)}

    tally: Counter = Counter()
    errors: Counter = Counter()
    source_misses: Counter = Counter()
    by_kind: dict[str, Counter] = {k: Counter() for k in KINDS}
    fig_rows: list[dict[str, Any]] = []
    sent_rows: list[dict[str, Any]] = []
    for corpus, data in sorted(gold.items()):
        for doc in data["documents"]:
            doc_id = doc_ids.get((corpus, doc["id"]))
            view = _doc_view(corpus, doc, doc_id, claims_by_doc.get(doc_id), cas_by_doc.get(doc_id),
                             raw_maps.get(doc_id), claim_kind, has)
            _score_figures(view, has, tally, errors, fig_rows)
            _score_sentences(view, has, tally, by_kind, source_misses, sent_rows)
    return {
        "documents": sum(len(d["documents"]) for d in gold.values()),
        "sentences": tally["event_n"],
        "casualties": {
            "tool_rows": tally["tool"],
            "gold_figures": tally["gold"],
            "strict": {"precision": _rate(tally["strict"], tally["tool"]), "recall": _rate(tally["strict"], tally["gold"])},
            "lenient": {"precision": _rate(tally["lenient"], tally["tool"]),
                        "recall": _rate(tally["lenient"], tally["gold"])},
            "errors": dict(sorted(errors.items(), key=lambda kv: (-kv[1], kv[0]))),
            "tool_has_category": has.category,
            "tool_has_scope": has.scope,
        },
        "events": {
            "accuracy": _rate(tally["event_hit"], tally["event_n"]),
            "by_gold_kind": {k: dict(v) for k, v in by_kind.items() if v},
            "tool_has_kind": has.kind,
            "kind_accuracy": _rate(tally["kind_hit"], tally["kind_n"]) if has.kind else None,
        },
        "sources": {"accuracy": _rate(tally["source_hit"], tally["source_n"]), "misses": dict(source_misses)},
        "dates": {"accuracy": _rate(tally["date_hit"], tally["date_n"])},
        "figure_rows": _sorted(pd.DataFrame(fig_rows), ["corpus", "id", "sentence", "side", "verdict", "phrase"]),
        "sentence_rows": _sorted(pd.DataFrame(sent_rows), ["corpus", "id", "sentence"]),
    }


def _sorted(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return df.sort_values(keys, kind="stable").reset_index(drop=True) if len(df) else df


def _phrase_span(text: str, span: Sequence[int], phrase: str) -> tuple[int, int] | None:
    """Where the gold phrase lies in its sentence (case and spacing ignored)."""
    words = phrase.split()
    if not words:
        return None
    m = re.compile(r"\s+".join(re.escape(w) for w in words), re.I).search(text, span[0], span[1])
    return (m.start(), m.end()) if m else None


def _is_outlet_voice(row: Any, has_cue: bool) -> bool:
    return (_text(row.attribution_cue) if has_cue else "") == "outlet" or _text(row.source_type) == "outlet"


def _source_ok(gold: str, row: Any, has_cue: bool, knowledge: Knowledge) -> bool:
    """Right when the tool gives the gold's source (or, for a compound gold
    source "X and Y", one of its parts), or the outlet's voice for `outlet`."""
    if gold == "outlet":
        return _is_outlet_voice(row, has_cue)
    got = _canon_source(_text(row.source), knowledge)
    parts = [gold, *re.split(r",\s*|\s+and\s+", gold)] if " and " in gold else [gold]
    return any(_canon_source(p, knowledge) == got for p in parts if p.strip())


def _fig_row(view: _DocView, side: str, f: _Fig, verdict: str, g: _Fig | None, lenient_ok: bool) -> dict[str, Any]:
    def rng(x: _Fig) -> str:
        return f"{x.min}-{'' if x.max is None else x.max}"

    return {
        "corpus": view.corpus, "id": view.id, "sentence": f.sentence, "side": side, "verdict": verdict,
        "lenient_ok": lenient_ok, "phrase": f.text, "outcome": f.outcome, "range": rng(f),
        "category": f.category, "scope": f.scope,
        "gold_phrase": g.text if g else "", "gold_outcome": g.outcome if g else "",
        "gold_range": rng(g) if g else "", "gold_category": g.category if g else "", "gold_scope": g.scope if g else "",
        "text": view.sentence_text(f.sentence),
    }


def attach_texts(gold: Mapping[str, Mapping[str, Any]], shared: str | os.PathLike[str]) -> None:
    """Give each gold document its corpus text as `_text` (used to find a
    gold figure's phrase when naming an error); left out when absent."""
    for corpus, data in gold.items():
        texts = corpus_texts(shared, corpus) or {}
        for doc in data["documents"]:
            if doc["id"] in texts:
                doc["_text"] = texts[doc["id"]]
