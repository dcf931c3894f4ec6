"""The evaluation harness itself (claimscope.evaluate, evaluate_gold,
evaluate_ucdp): small synthetic tables whose right scores are known by hand,
so a harness that miscounts fails here, whatever the extraction reads."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from claimscope import evaluate
from claimscope.evaluate import score_sources, source_category
from claimscope.evaluate_gold import score_gold
from claimscope.ingest import raw_offset
from claimscope.evaluate_ucdp import MAIN_COLUMN, MAIN_FALLBACK, crosswalk, incident_sides, main_incidents, score_ucdp, ucdp_dir
from claimscope.places import canonical_governorate

from builtin_knowledge import K, bind

score_sources = bind(score_sources)
source_category = bind(source_category)
score_gold = bind(score_gold)
score_ucdp = bind(score_ucdp)
incident_sides = bind(incident_sides)
canonical_governorate = bind(canonical_governorate)

# --- precision gold ---------------------------------------------------------------------------

JUNK = "Share this article on Facebook Twitter WhatsApp Telegram Email\n"  # the raw cell's first line
SENTENCES = [
    "SOHR said five soldiers were killed on Monday.",
    "Since 2011 more than 500 people were killed.",
    "Twenty airstrikes hit the town.",
    "Two gunmen shot dead a man.",
    "The war began in 2011.",
]
RAW = JUNK + " ".join(SENTENCES)
CLEAN = " ".join(SENTENCES)  # ingest dropped the junk line: clean offsets = raw offsets - len(JUNK)


def _raw_span(sentence: str) -> list[int]:
    i = RAW.index(sentence)
    return [i, i + len(sentence)]


def _gold(**extra_doc) -> dict:
    sentences = [
        {"span": [0, len(JUNK) - 1], "sha": "0" * 10, "kind": "other"},
        {"span": _raw_span(SENTENCES[0]), "kind": "event", "source": "Syrian Observatory for Human Rights",
         "event_date": "2020-03-02",
         "casualties": [{"phrase": "five soldiers", "outcome": "killed", "victims": "soldiers", "category": "combatants",
                         "side": "unknown", "min": 5, "max": 5, "scope": "event"}]},
        {"span": _raw_span(SENTENCES[1]), "kind": "running_total", "source": "outlet",
         "casualties": [{"phrase": "more than 500 people", "outcome": "killed", "victims": "people",
                         "category": "unknown", "side": None, "min": 501, "max": None, "scope": "total"}]},
        {"span": _raw_span(SENTENCES[2]), "kind": "event", "source": "outlet", "event_date": None},
        {"span": _raw_span(SENTENCES[3]), "kind": "event", "source": "outlet", "event_date": "2020-03-02",
         "casualties": [{"phrase": "a man", "outcome": "killed", "victims": "a man", "category": "unknown",
                         "side": None, "min": 1, "max": 1, "scope": "event"}]},
        {"span": _raw_span(SENTENCES[4]), "kind": "background", "source": "outlet"},
    ]
    doc = {"id": "g1", "sentences": sentences, "_text": RAW, **extra_doc}
    return {"synthetic": {"corpus": "synthetic", "documents": [doc]}}


def _clean_span(sentence: str) -> tuple[int, int]:
    i = CLEAN.index(sentence)
    return i, i + len(sentence)


def _claim(cid: str, sentence: str, *, source: str, cue: str, date: str = "", kind: str | None = None) -> dict:
    s, e = _clean_span(sentence)
    row = {"claim_id": cid, "doc_id": "d1", "start": s, "end": e, "sentence": sentence, "source": source,
           "source_type": "outlet" if cue == "outlet" else "monitor", "attribution_cue": cue,
           "event_date": date, "date_precision": "day" if date else "unknown"}
    if kind is not None:
        row["kind"] = kind
    return row


def _figure(cid: str, phrase: str, outcome: str, lo: int, hi: int | None, victims_raw: str) -> dict:
    s = CLEAN.index(phrase)
    return {"claim_id": cid, "outcome": outcome, "min": lo, "max": hi, "raw": phrase, "victims_raw": victims_raw,
            "start": s, "end": s + len(phrase)}


def _tables(*, kinds: bool = False, scope: bool = False) -> dict[str, pd.DataFrame]:
    k = (lambda v: v) if kinds else (lambda v: None)
    claims = pd.DataFrame([
        _claim("c0", SENTENCES[0], source="Syrian Observatory for Human Rights", cue="reporting_verb",
               date="2020-03-02", kind=k("event")),
        _claim("c1", SENTENCES[1], source="Example Times", cue="outlet", kind=k("running_total")),
        _claim("c2", SENTENCES[2], source="other sources", cue="according_to", kind=k("event")),
        _claim("c3", SENTENCES[3], source="Example Times", cue="outlet", date="2020-03-01", kind=k("event")),
    ])
    casualties = pd.DataFrame([
        _figure("c0", "five soldiers", "killed", 5, 5, "soldiers"),
        _figure("c1", "more than 500 people", "killed", 501, None, "people"),
        _figure("c2", "Twenty airstrikes", "killed", 20, 20, "airstrikes"),
        _figure("c3", "Two gunmen", "killed", 2, 2, "gunmen"),
    ])
    if scope:
        casualties["scope"] = ["event", "total", "event", "event"]
    documents = pd.DataFrame({"doc_id": ["d1"], "raw_map": [json.dumps([[0, len(JUNK), len(CLEAN)]])]})
    return {"documents": documents, "claims": claims, "casualties": casualties}


def test_casualty_figures_strict_and_lenient_with_the_kind_of_each_error():
    r = score_gold(_tables(), _gold(), {("synthetic", "g1"): "d1"})["casualties"]
    # right: five soldiers; the running total is right on its numbers only (no scope: taken as an event toll)
    assert r["strict"]["precision"][:2] == (1, 4) and r["strict"]["recall"][:2] == (1, 3)
    assert r["lenient"]["precision"][:2] == (2, 4) and r["lenient"]["recall"][:2] == (2, 3)
    assert r["errors"] == {"running total as event": 1, "thing-count (or other non-figure) read as people": 1,
                           "perpetrator or bystander read as victim": 1, "missed": 1}
    assert not r["tool_has_scope"] and not r["tool_has_category"]


def test_a_running_total_claim_or_a_total_scope_makes_its_figure_a_total():
    for tables in (_tables(kinds=True), _tables(scope=True)):
        r = score_gold(tables, _gold(), {("synthetic", "g1"): "d1"})["casualties"]
        assert r["strict"]["precision"][:2] == (2, 4)
        assert "running total as event" not in r["errors"]


def test_category_is_judged_only_when_the_tool_gives_it():
    tables = _tables(scope=True)
    tables["casualties"]["category"] = ["civilians", "unknown", "unknown", "unknown"]  # soldiers are not civilians
    r = score_gold(tables, _gold(), {("synthetic", "g1"): "d1"})["casualties"]
    assert r["strict"]["precision"][:2] == (1, 4)
    assert r["lenient"]["precision"][:2] == (2, 4)
    assert r["errors"]["wrong category"] == 1


def test_wrong_outcome_and_wrong_range_are_told_apart():
    tables = _tables(scope=True)
    cas = tables["casualties"]
    cas.loc[0, "outcome"] = "injured"
    cas.loc[1, "min"] = 500
    r = score_gold(tables, _gold(), {("synthetic", "g1"): "d1"})["casualties"]
    assert r["errors"]["wrong outcome"] == 1 and r["errors"]["wrong range"] == 1
    assert r["strict"]["precision"][0] == 0


def test_event_decision_counts_every_claim_as_an_event_until_claims_have_a_kind():
    g = _gold()
    without = score_gold(_tables(), g, {("synthetic", "g1"): "d1"})["events"]
    # the junk line and the background have no claim (non-event, right); the running total has one (wrong)
    assert without["accuracy"][:2] == (5, 6) and not without["tool_has_kind"]
    assert without["by_gold_kind"]["running_total"] == {"event": 1}
    with_kind = score_gold(_tables(kinds=True), g, {("synthetic", "g1"): "d1"})["events"]
    assert with_kind["accuracy"][:2] == (6, 6)
    assert with_kind["kind_accuracy"][:2] == (5, 6)  # the background has no claim: read as `other`


def test_offsets_go_through_raw_map():
    """Without raw_map the claims would sit one sentence early (the junk line is gone from the clean text)."""
    tables = _tables()
    tables["documents"]["raw_map"] = ""  # clean == raw assumed: every claim lands on the wrong sentence
    wrong = score_gold(tables, _gold(), {("synthetic", "g1"): "d1"})
    right = score_gold(_tables(), _gold(), {("synthetic", "g1"): "d1"})
    assert wrong["events"]["accuracy"][0] < right["events"]["accuracy"][0]


def test_source_is_the_canonical_name_or_the_right_fallback():
    r = score_gold(_tables(), _gold(), {("synthetic", "g1"): "d1"})["sources"]
    # SOHR = SOHR; outlet = outlet voice (twice); "other sources" for the outlet's own voice is wrong
    assert r["accuracy"][:2] == (3, 4)
    assert r["misses"] == {"gold outlet voice, tool a source": 1}
    gold = _gold()
    gold["synthetic"]["documents"][0]["sentences"][1]["source"] = "SOHR"  # an alias counts as the same source
    tables = _tables()
    tables["claims"].loc[0, "source"] = "Syrian Observatory for Human Rights"
    assert score_gold(tables, gold, {("synthetic", "g1"): "d1"})["sources"]["accuracy"][0] == 3
    gold["synthetic"]["documents"][0]["sentences"][1]["source"] = "Syrian government and SOHR"  # a compound: either part
    assert score_gold(tables, gold, {("synthetic", "g1"): "d1"})["sources"]["accuracy"][0] == 3


def test_event_dates_on_gold_event_sentences_with_a_date():
    r = score_gold(_tables(), _gold(), {("synthetic", "g1"): "d1"})["dates"]
    assert r["accuracy"][:2] == (1, 2)  # Monday right; the gunmen's day off by one


def test_a_document_the_tool_dropped_is_all_misses():
    r = score_gold(_tables(), _gold(), {})
    assert r["casualties"]["strict"]["recall"][:2] == (0, 3)
    assert r["casualties"]["tool_rows"] == 0
    assert r["events"]["accuracy"][:2] == (3, 6)  # only the three non-event sentences are right
    assert r["sources"]["accuracy"][1] == 0  # judged only where the tool made a claim


# --- UCDP-AEC ---------------------------------------------------------------------------------

def _ucdp_tables(*, main_column: bool = False) -> dict[str, pd.DataFrame]:
    claims = pd.DataFrame([
        # report 1: a running total first but negated-free; the first killed claim decides
        {"claim_id": "a0", "doc_id": "1", "start": 0, "negated": True, "incident_id": "iA0", "perpetrator": "",
         "target": "", "sentence": "No one was killed, the army said."},
        {"claim_id": "a1", "doc_id": "1", "start": 40, "negated": False, "incident_id": "iA", "perpetrator": "ISIS",
         "target": "", "sentence": "ISIS gunmen killed three regime soldiers."},
        {"claim_id": "a2", "doc_id": "1", "start": 90, "negated": False, "incident_id": "iB", "perpetrator": "",
         "target": "", "sentence": "Since January 200 people were killed."},
        # report 2: Turkish shelling kills two civilians
        {"claim_id": "b1", "doc_id": "2", "start": 0, "negated": False, "incident_id": "iC",
         "perpetrator": "Turkish Armed Forces", "target": "", "sentence": "Turkish shelling killed two civilians."},
        # report 3: nothing killed
        {"claim_id": "c1", "doc_id": "3", "start": 0, "negated": False, "incident_id": "iD", "perpetrator": "",
         "target": "", "sentence": "Clashes broke out."},
    ])
    casualties = pd.DataFrame([
        {"claim_id": "a0", "outcome": "killed", "min": 0, "max": 0, "victims": "people"},
        {"claim_id": "a1", "outcome": "killed", "min": 3, "max": 3, "victims": "Syrian Arab Army"},
        {"claim_id": "a2", "outcome": "killed", "min": 200, "max": 200, "victims": "people"},
        {"claim_id": "b1", "outcome": "killed", "min": 2, "max": 2, "victims": "civilians"},
    ])
    incidents = pd.DataFrame([
        {"incident_id": "iA0", "date_start": "", "date_end": "", "governorate": "", "casualties_best": pd.NA, "title": "a"},
        {"incident_id": "iA", "date_start": "2022-01-07", "date_end": "2022-01-07", "governorate": "Hama",
         "casualties_best": 3, "title": "b"},
        {"incident_id": "iB", "date_start": "2022-01-01", "date_end": "2022-01-01", "governorate": "Hama",
         "casualties_best": 200, "title": "c"},
        {"incident_id": "iC", "date_start": "2022-01-31", "date_end": "2022-02-05", "governorate": "Raqqa",
         "casualties_best": 2, "title": "d"},
        {"incident_id": "iD", "date_start": "2022-03-01", "date_end": "2022-03-01", "governorate": "Daraa",
         "casualties_best": pd.NA, "title": "e"},
    ])
    documents = pd.DataFrame({"doc_id": ["1", "2", "3"]})
    if main_column:
        documents["main_incident_id"] = ["iB", "iC", "iD"]
    return {"documents": documents, "claims": claims, "casualties": casualties, "incidents": incidents}


LABELS = pd.DataFrame([
    {"ged_id": 1, "start_date": "2022-01-08", "end_date": "2022-01-08", "location_adm1_name": "Hamah governorate",
     "side_a_name": "Government of Syria", "side_b_name": "IS", "deaths_low": 3, "deaths_high": 4,
     "deaths_civilian": 0},
    {"ged_id": 2, "start_date": "2022-02-02", "end_date": "2022-02-04", "location_adm1_name": "Ar Raqqah governorate",
     "side_a_name": "SNA", "side_b_name": "Civilians", "deaths_low": 2, "deaths_high": 2, "deaths_civilian": 2},
    {"ged_id": 3, "start_date": "2022-03-01", "end_date": "2022-03-01", "location_adm1_name": "Daraa governorate",
     "side_a_name": "Government of Syria", "side_b_name": "Syrian insurgents", "deaths_low": 0, "deaths_high": 1,
     "deaths_civilian": 0},
])


def test_ucdp_main_incident_is_the_first_non_negated_killed_claim_until_documents_say():
    main, how = main_incidents(_ucdp_tables())
    assert how == MAIN_FALLBACK and main == {"1": "iA", "2": "iC"}  # report 3 has no killed figure
    main, how = main_incidents(_ucdp_tables(main_column=True))
    assert how == MAIN_COLUMN and main == {"1": "iB", "2": "iC", "3": "iD"}


def test_ucdp_scores_date_window_governorate_deaths_and_dyad():
    r = score_ucdp(_ucdp_tables(), LABELS)
    d = r["details"].set_index("ged_id")
    assert r["main_incident_from"] == MAIN_FALLBACK and r["no_main_incident"] == 1
    # report 1: a day before the label (inside -1), Hamah -> Hama, 3 in 3-4, ISIS vs Syrian Arab Army
    assert d.loc["1", ["date_ok", "governorate_ok", "deaths_ok", "dyad_ok"]].tolist() == [True, True, True, True]
    # report 2: 01-31..02-05 starts before the label's start - 1 day; SNA (turkey) against civilians
    assert d.loc["2", ["date_ok", "governorate_ok", "deaths_ok", "dyad_ok"]].tolist() == [False, True, True, True]
    assert d.loc["3", ["date_ok", "governorate_ok", "deaths_ok", "dyad_ok"]].tolist() == [False, False, False, False]
    assert r["measures"]["date"][:2] == (1, 3) and r["measures"]["dyad"][:2] == (2, 3)


def test_ucdp_main_incident_column_and_no_deaths_counts_as_zero():
    r = score_ucdp(_ucdp_tables(main_column=True), LABELS)
    d = r["details"].set_index("ged_id")
    assert r["main_incident_from"] == MAIN_COLUMN
    assert not d.loc["1", "deaths_ok"]  # the running total's 200 is not 3-4
    assert d.loc["3", ["date_ok", "governorate_ok", "deaths_ok"]].tolist() == [True, True, True]  # none = 0 in 0-1


def test_civilian_victims_match_a_two_party_dyad_only_when_the_label_counts_civilian_deaths():
    labels = LABELS.copy()
    labels.loc[1, ["side_a_name", "side_b_name"]] = ["SNA", "SDF"]  # civilians killed in SNA-SDF fighting
    assert score_ucdp(_ucdp_tables(), labels)["details"].set_index("ged_id").loc["2", "dyad_ok"]
    labels.loc[1, "deaths_civilian"] = 0
    assert not score_ucdp(_ucdp_tables(), labels)["details"].set_index("ged_id").loc["2", "dyad_ok"]
    labels.loc[1, ["side_a_name", "side_b_name", "deaths_civilian"]] = ["Government of Syria", "SDF", 2]
    assert not score_ucdp(_ucdp_tables(), labels)["details"].set_index("ged_id").loc["2", "dyad_ok"]  # turkey: neither


def test_ucdp_label_without_governorate_wants_none():
    labels = LABELS.copy()
    labels.loc[2, "location_adm1_name"] = None  # e.g. "Syrian Badia/Syrian Desert"
    tables = _ucdp_tables(main_column=True)
    assert not score_ucdp(tables, labels)["details"].set_index("ged_id").loc["3", "governorate_ok"]
    tables["incidents"].loc[4, "governorate"] = ""
    assert score_ucdp(tables, labels)["details"].set_index("ged_id").loc["3", "governorate_ok"]


def test_incident_sides_from_claims_or_from_incident_columns():
    sides = incident_sides(_ucdp_tables())
    assert sides["iA"] == ("jihadist", "syrian_government")
    assert sides["iC"] == ("turkey", "civilians")
    tables = _ucdp_tables()
    tables["incidents"]["perpetrator"] = ["", "Syrian Arab Army", "", "kurdish", ""]
    tables["incidents"]["target"] = ["", "ISIS", "", "civilians", ""]
    sides = incident_sides(tables)
    # the perpetrator from the incident's consensus; the victims (whose deaths UCDP's other side is) from the
    # killed figures when they name a side, the incident's target only when they do not
    assert sides["iA"] == ("syrian_government", "syrian_government") and sides["iC"] == ("kurdish", "civilians")
    tables["casualties"] = tables["casualties"].iloc[0:0]
    assert incident_sides(tables)["iA"] == ("syrian_government", "jihadist")


def test_ucdp_crosswalk_names_canonical_governorates_and_known_sides():
    cw = crosswalk()
    for ucdp_name, canonical in cw["governorates"].items():
        assert canonical_governorate(canonical) == canonical, ucdp_name
    assert len(set(cw["governorates"].values())) == 14
    sides = {a["side"] for a in K.actors["actors"]} | {"civilians"}
    for actor, allowed in cw["sides"].items():
        assert allowed and allowed <= sides, actor


# --- FA-KES sources ---------------------------------------------------------------------------

def test_source_categories_and_the_share_of_sources_that_are_none_of_them():
    claims = pd.DataFrame({
        "source": ["Syrian Observatory for Human Rights"] * 3 + ["local sources", "Example Times", "Tags strike Syria",
                                                                  "Tags strike Syria", "Jane Doe"],
        "source_type": ["monitor"] * 3 + ["local", "outlet", "unnamed", "unnamed", "person"],
    })
    s = score_sources(claims, top=2)
    assert s["by_category"] == {"known": 3, "outlet": 1, "person/office": 1, "unknown": 2, "unnamed group": 1}
    assert s["unknown_share"] == pytest.approx(2 / 8)
    assert s["top"]["source"].tolist() == ["Syrian Observatory for Human Rights", "Tags strike Syria"]
    assert s["top_unknown"] == 1
    assert source_category("Example Times", "outlet") == "outlet"


def test_actors_outlets_organisations_and_compounds_of_known_voices_are_not_unknown():
    assert source_category("ISIS", "partisan") == "known"  # an actor of actors.yaml speaking
    assert source_category("The New Arab", "media") == "known"  # an outlet of outlets.yaml
    assert source_category("Syrian American Medical Society", "organisation") == "person/office"
    assert source_category("Syrian Observatory for Human Rights and Syria Civil Defence", "monitor") == "known"
    assert source_category("activists and local sources", "local") == "unnamed group"
    assert source_category("Syria Civil Defence", "local") == "known"  # a named body, though local
    assert source_category("Sawaiq al-Rahman Brigade", "partisan") == "armed group"  # named, not in actors.yaml
    assert source_category("Tags strike Syria and local sources", "unnamed") == "unknown"


def test_one_source_spelled_two_ways_is_listed():
    claims = pd.DataFrame({"source": ["Daily Sabah", "dailysabah", "SANA"], "source_type": ["outlet"] * 3})
    assert score_sources(claims)["spelled_several_ways"] == [["Daily Sabah", "dailysabah"]]


# --- the command -----------------------------------------------------------------------------

def test_sections_skip_cleanly_when_the_corpora_are_absent(tmp_path, capsys):
    figs = evaluate.figures(sections=("fakes", "ucdp", "gold", "sources"), fakes=tmp_path / "none.csv",
                            ucdp=tmp_path, shared=tmp_path)
    assert all("skipped" in figs[s] for s in ("fakes", "ucdp", "gold", "sources"))
    evaluate.print_figures(figs)
    out = capsys.readouterr().out
    assert "UCDP-AEC: skipped" in out and "precision gold: skipped" in out


def test_the_crossdoc_and_precision_gold_sections_run_together(tmp_path):
    """Each section reads its own gold: the cross-document corpus's loader
    does not stand in for the precision gold's."""
    figs = evaluate.figures(sections=("crossdoc", "gold"), precision_gold=tmp_path, shared=tmp_path)
    assert figs["crossdoc"]["reports"] == 24
    assert figs["gold"] == {"skipped": f"no precision gold in {tmp_path}"}


def test_unknown_section_is_refused(capsys):
    with pytest.raises(SystemExit):
        evaluate.main(["--sections", "seeds,nonsense"])
    assert "unknown section 'nonsense'" in capsys.readouterr().err


def test_details_are_written_as_csv(tmp_path):
    figs = {"ucdp": score_ucdp(_ucdp_tables(), LABELS)}
    written = evaluate.write_details(figs, tmp_path / "details")
    assert [p.name for p in written] == ["ucdp_aec.csv"]
    back = pd.read_csv(written[0], dtype=str)
    assert back["ged_id"].tolist() == ["1", "2", "3"]
    with pytest.raises(NotADirectoryError):
        evaluate.write_details(figs, written[0])


# --- on the real corpora (skipped without ../shared) ------------------------------------------

@pytest.mark.slow
@pytest.mark.fakes
def test_on_the_real_gold_every_tool_figure_lands_in_a_gold_sentence():
    """The raw_map mapping on real reports: every claim maps back onto its own
    words in the corpus cell, so no tool figure falls outside the gold's
    sentences and every gold sentence and figure is judged."""
    from claimscope.evaluate_gold import GOLD_DIR, attach_texts, gold_tables, load_gold, shared_dir

    gold = load_gold(GOLD_DIR)
    run = gold_tables(gold, shared_dir(), knowledge=K)
    if run is None:
        pytest.skip(f"the gold's corpora are not under {shared_dir()}")
    attach_texts(gold, shared_dir())
    texts = {(c, d["id"]): d["_text"] for c, data in gold.items() for d in data["documents"]}
    docs = run.tables["documents"].set_index("doc_id")
    for key, doc_id in run.doc_ids.items():
        raw, rmap = texts[key], docs.at[doc_id, "raw_map"]
        for row in run.tables["claims"][run.tables["claims"]["doc_id"] == doc_id].itertuples():
            s, e = raw_offset(rmap, row.start), raw_offset(rmap, row.end - 1) + 1
            words = row.sentence.split()  # cleaning may drop boilerplate inside: compare the ends
            assert raw[s:e].split()[0] == words[0] and raw[s:e].split()[-1] == words[-1], (key, row.sentence[:60])
    r = score_gold(run.tables, gold, run.doc_ids)
    assert r["documents"] == 44 and r["sentences"] == 444 and r["casualties"]["gold_figures"] == 246
    assert "outside gold sentences" not in r["casualties"]["errors"]
    assert len(run.doc_ids) == 44


# --- UCDP labels that disagree with their article --------------------------------------------

def test_ucdp_measures_again_without_the_reports_whose_label_disagrees_with_its_article(tmp_path):
    listed = tmp_path / "notes.csv"
    listed.write_text("# provenance\nged_id,facet,article_says,label_says\n2,deaths,injured only,1 killed\n",
                      encoding="utf-8")
    details = pd.DataFrame({"ged_id": ["1", "2", "3", "4"], "deaths_ok": [True, False, False, True],
                            "dyad_ok": [False, False, True, True]})
    got = evaluate.ucdp_where_label_agrees(details, listed)
    assert got["listed"] == {"deaths": ["2"]}
    assert got["measures"] == {"deaths": (2, 3, 2 / 3)}   # dyad lists nothing: not repeated
    assert evaluate.ucdp_where_label_agrees(details, tmp_path / "none.csv")["measures"] == {}


def test_the_listed_ucdp_label_disagreements_are_sound():
    """One row per report and facet, a facet the UCDP section measures, both
    readings written down, and (when ../shared is there) a labelled report."""
    notes = pd.read_csv(evaluate.UCDP_DISAGREEMENTS, comment="#", dtype=str)
    assert list(notes.columns) == ["ged_id", "facet", "article_says", "label_says"]
    assert not notes.duplicated(["ged_id", "facet"]).any()
    assert set(notes["facet"]) <= {"date", "governorate", "deaths", "dyad"}
    assert notes["article_says"].str.len().gt(0).all() and notes["label_says"].str.len().gt(0).all()
    labels = ucdp_dir() / "labels.csv"
    if labels.exists():
        assert set(notes["ged_id"]) <= set(pd.read_csv(labels, dtype=str)["ged_id"])
