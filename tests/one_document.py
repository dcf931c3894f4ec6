"""Extract one small document written for a test: its claims and casualty
rows, the one claim of a one-sentence text, and that claim's kind (shared by
the kind and zero-count tests)."""

from __future__ import annotations

import datetime as dt

from claimscope.claims import DocumentInput, extract_chunk

from builtin_knowledge import K

PUBLISHED = dt.date(2021, 3, 10)  # a Wednesday


def claims(text, published=PUBLISHED):
    doc = DocumentInput(doc_id="d0", text=text, published=published, published_precision="day", title="")
    r = extract_chunk([doc], knowledge=K)
    return r.claims, r.casualties


def one(sentence, published=PUBLISHED):
    got, cas = claims(sentence, published)
    assert len(got) == 1, list(got["sentence"])
    return got.iloc[0], cas


def kind_of(sentence, published=PUBLISHED):
    return one(sentence, published)[0]["kind"]
