"""Reports: plan, file names, HTML fragments, index, and `build_reports` on
the hand-made fixture tables (hostile article included), on empty tables and
on the seeds' real tables.

The report builds are shared with tests/test_browser.py through
`fixture_build` / `seeds_build`, memoised per pytest session so each set of
notebooks runs once.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from claimscope import charts, reports, schema
from claimscope.tables import read_tables, write_tables

from builtin_knowledge import K

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "tables_small"
SEEDS = REPO / "seeds"
HOSTILE_TEXTS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
HOSTILE_SOURCE = '"<img src=x onerror=alert(1)>" group'
MAX_PAGE_BYTES = 3_000_000
_BUILDS: dict[tuple[str, str], tuple[Path, reports.ReportSummary]] = {}


# ---------------------------------------------------------------- shared builds
def _base(tmp_path_factory) -> Path:
    return Path(tmp_path_factory.getbasetemp())


def fixture_build(tmp_path_factory) -> tuple[Path, reports.ReportSummary]:
    """Reports for the fixture tables (two claims make a profile: three named sources),
    built once per session. A stale report and a foreign file are planted in
    the output folder first (see test_stale_reports_removed)."""
    key = (str(_base(tmp_path_factory)), "fixture")
    if key not in _BUILDS:
        out = _base(tmp_path_factory) / "fixture_reports"
        (out / "reports").mkdir(parents=True)
        (out / "reports" / "incident-stale-0000.html").write_text("old", encoding="utf-8")
        (out / "reports" / "notes.txt").write_text("mine", encoding="utf-8")
        summary = reports.build_reports(FIXTURE, out, jobs=2, min_source_claims=2, progress=False)
        _BUILDS[key] = (out, summary)
    return _BUILDS[key]


def seed_tables(tmp_path_factory) -> Path:
    """The seeds' real tables (pipeline.run + write_tables), once per session."""
    key = (str(_base(tmp_path_factory)), "seed_tables")
    if key not in _BUILDS:
        from claimscope import pipeline

        out = _base(tmp_path_factory) / "seed_tables"
        write_tables(pipeline.run([SEEDS]), out)
        _BUILDS[key] = (out, None)  # type: ignore[assignment]
    return _BUILDS[key][0]


def seeds_build(tmp_path_factory) -> tuple[Path, reports.ReportSummary]:
    """Reports for the seeds' real tables, as `make report` builds them."""
    key = (str(_base(tmp_path_factory)), "seeds")
    if key not in _BUILDS:
        tables = seed_tables(tmp_path_factory)
        out = _base(tmp_path_factory) / "seed_reports"
        _BUILDS[key] = (out, reports.build_reports(tables, out, jobs=2, progress=False))
    return _BUILDS[key]


@pytest.fixture(scope="module")
def fx() -> dict[str, pd.DataFrame]:
    return read_tables(FIXTURE)


@pytest.fixture(scope="module")
def empty() -> dict[str, pd.DataFrame]:
    return {n: schema.empty(n) for n in schema.TABLE_ORDER}


# ---------------------------------------------------------------- file names
@pytest.mark.parametrize("text", ["../../etc/passwd", "/abs/path", "a/b\\c", "..", ".hidden", "C:\\x", "", " ",
                                  HOSTILE_SOURCE, "Maʿarrat al-Nuʿmān", "عنب بلدي", "x" * 300, "inc\x00nul"])
def test_safe_name_cannot_escape_and_is_stable(text):
    name = reports.safe_name(text)
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", name), name
    assert len(name) <= 60
    assert name == reports.safe_name(text)
    path = reports.report_filename("source_profile", text)
    assert path.startswith("reports/source-") and path.endswith(".html") and path.count("/") == 1


def test_safe_name_keeps_plain_ids_and_separates_lookalikes():
    assert reports.safe_name("inc-saraqib-0905") == "inc-saraqib-0905"
    assert reports.safe_name("a1b2c3d4e5f6") == "a1b2c3d4e5f6"
    names = {reports.safe_name(t) for t in ("SOHR", "sohr", "S.O.H.R.", "S O H R", "sohr!")}
    assert len(names) == 5


def test_report_filename_kinds():
    assert reports.report_filename("overview") == "reports/overview.html"
    assert reports.report_filename("incident", "inc-1") == "reports/incident-inc-1.html"
    with pytest.raises(ValueError):
        reports.report_filename("nope", "x")
    job = reports.report_job("source_profile", HOSTILE_SOURCE)
    assert job.notebook == "source_profile.ipynb" and job.parameters == {"source": HOSTILE_SOURCE}
    assert job.filename == reports.report_filename("source_profile", HOSTILE_SOURCE)
    assert reports.report_job("overview").parameters == {}
    with pytest.raises(ValueError, match="needs a key"):
        reports.report_job("incident")


# ---------------------------------------------------------------- plan and picking
def test_plan_reports_on_fixture(fx):
    plan = reports.plan_reports(fx, min_source_claims=2, knowledge=K)
    kinds = [j.kind for j in plan]
    assert kinds[0] == "overview"
    incidents = [j.key for j in plan if j.kind == "incident"]
    # two or more independent accounts, most conflicted first (more conflicting facets/sources first)
    assert incidents == ["inc-saraqib-0905", "inc-gassaneyah-0527", "inc-ariha-0907"]
    sources = [j.key for j in plan if j.kind == "source_profile"]
    counts = fx["claims"]["source"].value_counts()
    # vague pooled voices are many speakers: no profile
    assert set(sources) == set(counts[counts >= 2].index) - {"local sources", "pro-militant sources"}
    assert HOSTILE_SOURCE in sources
    assert len({j.filename for j in plan}) == len(plan)
    # the overview and the source profiles are told which incident pages exist, to link only those
    assert all(j.parameters == ({"incident_id": j.key} if j.kind == "incident" else
                                {"source": j.key, "incident_pages": "default"} if j.kind == "source_profile"
                                else {"incident_pages": "default"}) for j in plan)
    # the only source with three claims is a pooled voice
    assert [j.key for j in reports.plan_reports(fx, min_source_claims=3, knowledge=K) if j.kind == "source_profile"] == []


def test_incidents_worth_reading_is_two_independent_accounts(fx):
    n = dict(zip(fx["incidents"]["incident_id"], fx["incidents"]["n_sources"]))
    worth = reports.incidents_worth_reading(fx)
    assert worth == ["inc-saraqib-0905", "inc-gassaneyah-0527", "inc-ariha-0907"]  # most conflicted first
    assert set(worth) == {i for i, k in n.items() if k >= 2} and len(worth) < len(n)


def test_incident_pages_choices(fx, empty):
    everything = list(charts.incident_points(fx["incidents"], fx["claims"])["incident_id"])
    assert reports.incident_pages(fx) == reports.incident_pages(fx, "") == reports.incidents_worth_reading(fx)
    assert reports.incident_pages(fx, "all") == everything and len(everything) == 5
    status = dict(zip(fx["incidents"]["incident_id"], fx["incidents"]["status"]))
    contested = reports.incident_pages(fx, "contested")
    assert contested and all(status[i] == "contested" for i in contested)
    assert set(contested) == {i for i, s in status.items() if s == "contested"}
    assert reports.incident_pages(fx, 2) == reports.incident_pages(fx, "2") == everything[:2]
    assert reports.incident_pages(fx, 0) == [] and reports.incident_pages(fx, 99) == everything
    assert reports.incident_pages(empty, "all") == []
    for bad in ("some", "-1", "1.5", True, -3, "all,contested"):
        with pytest.raises(ValueError, match="incidents"):
            reports.parse_incident_pages(bad)
    with pytest.raises(ValueError):
        reports.build_reports(FIXTURE, "/nonexistent-out", incidents="lots")


def test_plan_follows_the_incident_choice(fx):
    for which in ("all", "contested", 1, "default"):
        plan = reports.plan_reports(fx, incidents=which, min_source_claims=3, knowledge=K)
        assert [j.key for j in plan if j.kind == "incident"] == reports.incident_pages(fx, which)
        assert {j.parameters["incident_pages"] for j in plan if j.kind != "incident"} == {str(which)}


def test_plan_reports_on_empty_tables(empty):
    plan = reports.plan_reports(empty, knowledge=K)
    assert [j.kind for j in plan] == ["overview"]


def test_pick_functions(fx, empty):
    assert reports.pick_incident(fx) == "inc-saraqib-0905"
    assert reports.pick_incident(fx, "inc-ariha-0907") == "inc-ariha-0907"
    with pytest.raises(ValueError, match="not in the incidents table"):
        reports.pick_incident(fx, "inc-nope")
    assert reports.pick_incident(empty) is None
    assert reports.pick_source(fx) == "pro-militant sources"
    with pytest.raises(ValueError):
        reports.pick_source(fx, "Nobody")
    assert reports.pick_source(empty) is None
    a, b = reports.pick_source_pair(fx)
    assert a != b and reports.shared_incidents(fx, a, b)
    assert reports.pick_source_pair(fx, "Turkish Defense Ministry") == \
        ("Turkish Defense Ministry", "Syrian Observatory for Human Rights")
    assert reports.pick_source_pair(fx, "", "Turkish Defense Ministry") == \
        ("Syrian Observatory for Human Rights", "Turkish Defense Ministry")
    with pytest.raises(ValueError, match="two different"):
        reports.pick_source_pair(fx, "local sources", "local sources")
    assert reports.pick_source_pair(empty) is None
    assert reports.incidents_of_source(fx, "pro-militant sources") == ["inc-saraqib-0905", "inc-gassaneyah-0527"]


def test_filter_tables(fx):
    assert reports.filter_tables(fx) == dict(fx)
    may = reports.filter_tables(fx, date_from="2020-05-01", date_to="2020-05-31")
    assert sorted(may["incidents"]["incident_id"]) == ["inc-gassaneyah-0527", "inc-jisr-0527"]
    assert set(may["claims"]["incident_id"]) == {"inc-gassaneyah-0527", "inc-jisr-0527"}
    assert set(may["casualties"]["claim_id"]) <= set(may["claims"]["claim_id"])
    assert set(may["comparisons"]["incident_id"]) == {"inc-gassaneyah-0527"}
    pairs = set(zip(may["source_agreement"]["source_a"], may["source_agreement"]["source_b"]))
    assert ("local sources", "pro-militant sources") in pairs
    assert not any("Syrian Ministry of Defense" in p for p in pairs)
    row = may["source_agreement"].set_index(["source_a", "source_b"]).loc[("local sources", "pro-militant sources")]
    assert (row["agree"], row["conflict"]) == (0, 2)
    # a range ending on the first day of a multi-day incident still overlaps it
    assert list(reports.filter_tables(fx, date_to="2020-05-27")["incidents"]["incident_id"]) == \
        ["inc-gassaneyah-0527", "inc-jisr-0527"]
    assert reports.filter_tables(fx, governorate="idlib")["incidents"].shape[0] == 5
    assert reports.filter_tables(fx, governorate="Aleppo")["incidents"].empty
    with pytest.raises(ValueError, match="ISO date"):
        reports.filter_tables(fx, date_from="5 May 2020")
    with pytest.raises(ValueError, match="after"):
        reports.filter_tables(fx, date_from="2020-06-01", date_to="2020-05-01")


def test_a_filtered_overview_counts_agreement_as_compare_does():
    # an outlet's narration "agreeing" with the source it relays is no agreement, in a subset as in the whole
    claims = pd.DataFrame({"source": ["Outlet", "Monitor", "Ministry"], "incident_id": ["i1"] * 3,
                           "duplicate_of": [""] * 3})
    comparisons = pd.DataFrame({"incident_id": ["i1", "i1"], "source_a": ["Monitor", "Ministry"],
                                "source_b": ["Outlet", "Monitor"], "verdict": ["agree", "agree"],
                                "relation": ["relay", "independent"]})
    got = reports._recount_agreement(claims, comparisons).set_index(["source_a", "source_b"])
    assert (got.loc[("Monitor", "Outlet"), "agree"], got.loc[("Monitor", "Outlet"), "relayed"]) == (0, 1)
    assert got.loc[("Ministry", "Monitor"), "agree"] == 1


def test_load_tables(tmp_path):
    loaded = reports.load_tables(FIXTURE)
    assert len(loaded.tables["incidents"]) == 5 and "read from" in loaded.origin
    with pytest.raises(FileNotFoundError):
        reports.load_tables(tmp_path / "none", seeds=tmp_path / "no-seeds")
    with pytest.raises(FileNotFoundError):
        reports.load_tables(FIXTURE, corpus=tmp_path / "missing-corpus")
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADirectoryError):
        reports.load_tables(tmp_path / "file")


@pytest.mark.slow
def test_load_tables_falls_back_to_seeds(tmp_path):
    loaded = reports.load_tables(tmp_path / "no-tables-yet", seeds=SEEDS)
    assert "seeds" in loaded.origin
    assert len(loaded.tables["documents"]) == 5
    assert list(loaded.tables) == list(schema.TABLE_ORDER)
    from_corpus = reports.load_tables(FIXTURE, corpus=SEEDS)  # `corpus` wins over `tables`
    assert from_corpus.origin.startswith("pipeline run on corpus")
    assert len(from_corpus.tables["documents"]) == 5


# ---------------------------------------------------------------- cut tables and the table cache
def _incident_page(t, i):
    return [reports.incident_header_html(t, i, knowledge=K), charts.claims_table_html(t["claims"], t["casualties"], i),
            json.dumps(charts.casualty_ranges(t["claims"], t["casualties"], t["incidents"], incident_ids=[i]).to_dict()),
            reports.comparisons_html(t, incident_id=i), reports.links_html(t, i, knowledge=K)]


def _source_page(t, who, pages):
    its = reports.incidents_of_source(t, who)
    return [its, reports.source_header_html(t, who),
            reports.incidents_table_html(t, incident_ids=its, link=True, linked=pages),
            json.dumps(charts.agreement_bars(t["source_agreement"], who, comparisons=t["comparisons"]).to_dict()),
            json.dumps(charts.casualty_ranges(t["claims"], t["casualties"], t["incidents"], incident_ids=its,
                                              max_incidents=8).to_dict()),
            charts.claims_table_html(t["claims"], t["casualties"], source=who, incidents=t["incidents"])]


def _same_pages_from_cut_tables(t):
    for i in t["incidents"]["incident_id"]:
        assert _incident_page(reports.incident_tables(t, i), i) == _incident_page(t, i), i
    pages = reports.incident_pages(t, "all")
    for who in t["claims"]["source"].dropna().unique():
        assert _source_page(reports.source_tables(t, who), who, pages) == _source_page(t, who, pages), who


def test_cut_tables_give_the_same_page_parts(fx):
    """What the incident and source notebooks show, from the tables cut to the
    page (incident_tables / source_tables) and from the whole tables."""
    _same_pages_from_cut_tables(fx)
    cut = reports.incident_tables(fx, "inc-gassaneyah-0527")
    assert set(cut["incidents"]["incident_id"]) == {"inc-gassaneyah-0527"}
    assert set(cut["claims"]["incident_id"]) == {"inc-gassaneyah-0527"}
    assert len(reports.incident_tables(fx, None)["claims"]) == 0


@pytest.mark.slow
def test_cut_tables_give_the_same_page_parts_on_the_seeds(tmp_path_factory):
    _same_pages_from_cut_tables(read_tables(seed_tables(tmp_path_factory)))


def _rows(df: pd.DataFrame) -> list[dict]:
    """Records with every missing value as None (a column of numbers holds NaN, one of None alone None)."""
    return [{k: (None if v is None or (isinstance(v, float) and v != v) else v) for k, v in r.items()}
            for r in df.to_dict("records")]


def test_table_cache_only_in_report_kernels(tmp_path, monkeypatch):
    folder = tmp_path / "tables"
    write_tables(read_tables(FIXTURE), folder)  # as claimscope run lays it out (a link to the run's folder)
    monkeypatch.delenv("CLAIMSCOPE_TABLE_CACHE", raising=False)
    assert reports.load_tables(folder).tables["claims"] is not reports.load_tables(folder).tables["claims"]
    monkeypatch.setenv("CLAIMSCOPE_TABLE_CACHE", "1")
    monkeypatch.setattr(reports, "_TABLE_CACHE", {})
    first = reports.load_tables(folder)
    assert reports.load_tables(folder) is first  # read once per worker
    pts = reports._points(first.tables)
    assert reports._points(dict(first.tables)) is pts  # derived values too (e.g. filter_tables without filter)
    # cut tables of kept ones reuse those points: the same rows as computing them afresh
    for i in first.tables["incidents"]["incident_id"]:
        cut = reports.incident_tables(first.tables, i)
        assert _rows(reports._points(cut)) == _rows(charts.incident_points(cut["incidents"], cut["claims"])), i
    who = "Syrian Observatory for Human Rights"
    cut = reports.source_tables(first.tables, who)
    assert _rows(reports._points(cut)) == _rows(charts.incident_points(cut["incidents"], cut["claims"]))
    # tables written again: read again
    tables = read_tables(folder)
    assert len(tables["problems"]) == 1
    tables["problems"] = tables["problems"].head(0)
    write_tables(tables, folder)
    again = reports.load_tables(folder)
    assert again is not first and len(again.tables["problems"]) == 0


# ---------------------------------------------------------------- HTML fragments
def _fragments(t, incident="inc-gassaneyah-0527", source=HOSTILE_SOURCE):
    return {
        "summary": reports.summary_html(t, origin="from <here>", filters={"governorate": "<b>x</b>"}),
        "incidents": reports.incidents_table_html(t, link=True),
        "header": reports.incident_header_html(t, incident, knowledge=K),
        "comparisons": reports.comparisons_html(t, incident_id=incident),
        "comparisons_all": reports.comparisons_html(t),
        "links": reports.links_html(t, incident, knowledge=K),
        "source": reports.source_header_html(t, source),
        "pair": reports.pair_header_html(t, (source, "pro-militant sources") if source else None),
        "problems": reports.problems_html(t),
        "claims": charts.claims_table_html(t["claims"], t["casualties"], incident),
        "claims_by_source": charts.claims_table_html(t["claims"], t["casualties"], source=source),
    }


def test_fragments_escape_table_text(fx):
    for name, frag in _fragments(fx).items():
        for raw in ("<script>alert", "<img src=x", "Today <b>", "<b>overlap", "<b>x</b>", "<here>", "<1>"):
            assert raw not in frag, (name, raw)
        assert "onerror=alert(1)" not in frag or "&lt;img" in frag, name
    frags = _fragments(fx)
    assert "&lt;img src=x onerror=alert(1)&gt;" in frags["claims"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in frags["claims"]
    assert "&lt;b&gt;" in frags["comparisons"]  # detail text with markup shows as text
    assert "&lt;script&gt;x&lt;/script&gt;" in frags["links"]
    assert "corpus/broken &lt;1&gt;.html" in frags["problems"]


def test_fragments_on_empty_tables(empty):
    for name, frag in _fragments(empty, incident=None, source=None).items():
        assert isinstance(frag, str) and frag, name
    assert "No incidents yet" in reports.summary_html(empty)
    assert "No incidents yet" in reports.incident_header_html(empty, None, knowledge=K)
    assert "No claims" in reports.source_header_html(empty, None)
    assert "No two sources" in reports.pair_header_html(empty, None)


def test_incident_table_links_only_reported_incidents(fx):
    frag = reports.incidents_table_html(fx, link=True)
    assert 'href="incident-inc-saraqib-0905.html"' in frag
    assert "incident-inc-jisr-0527.html" not in frag  # single source: no report
    assert "href=" not in reports.incidents_table_html(fx, link=False)
    order = [m for m in re.findall(r"inc-[a-z]+-[0-9a-z]+", frag)]
    assert order.index("inc-saraqib-0905") < order.index("inc-ariha-0907") < order.index("inc-jisr-0527")


def _scripts(page: str) -> list[str]:
    return re.findall(r"<script[^>]*>(.*?)</script>", page, re.S | re.I)


def test_index_html(fx):
    plan = reports.plan_reports(fx, min_source_claims=2, knowledge=K)
    written = [j.filename for j in plan if j.key != "inc-ariha-0907"]
    failed = [reports.ReportFailure(next(j for j in plan if j.key == "inc-ariha-0907"),
                                    "ValueError: bad <script>alert(2)</script>", 4)]
    page = reports.index_html(fx, plan, written, failed)
    # one script, our own static file (filter and pages); no table text in any script
    static = (reports.TEMPLATES_DIR / "js" / "index.js").read_text(encoding="utf-8")
    assert _scripts(page) == [static] and page.lower().count("<script") == 1
    assert "<img" not in page.lower() and "alert(2)</script>" not in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert "incident.ipynb, cell 4" in page
    assert 'href="reports/incident-inc-saraqib-0905.html"' in page
    assert 'href="reports/incident-inc-ariha-0907.html"' not in page  # failed: listed, not linked
    assert 'href="reports/overview.html"' in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and HOSTILE_SOURCE not in page
    # incidents sorted by conflict, with status badges
    body = page[page.index("most conflicted first"):]
    assert body.index("Saraqib") < body.index("al-Gassaneyah") < body.index("Ariha") < body.index("Jisr")
    assert body.count('class="cs-badge cs-conflict"') == 2 and body.count('class="cs-badge cs-agree"') == 1
    # every incident is listed (filterable by status and by having a page), pages or not
    rows = re.findall(r'<tr data-status="([a-z_]*)" data-page="([01])">', page)
    assert len(rows) == len(fx["incidents"]) and {s for s, _ in rows} >= {"contested", "corroborated"}
    assert [p for _, p in rows].count("1") == 2  # saraqib and gassaneyah; ariha failed
    assert "(report failed)" in page and "(no report page)" in page
    assert "at least two independent accounts" in page
    assert "Every incident has its own report." in reports.index_html(fx, plan, written, failed, incidents="all")


def test_index_css_and_script_are_files():
    """Styling lives in templates/css, the index script in templates/js; the
    fragments still escape every value."""
    for name in ("css/fragments.css", "css/index.css", "css/table.css", "js/index.js"):
        assert (reports.TEMPLATES_DIR / name).is_file(), name
    assert (reports.TEMPLATES_DIR / "css" / "fragments.css").read_text(encoding="utf-8") in reports.message_html("x")
    assert (reports.TEMPLATES_DIR / "css" / "table.css").read_text(encoding="utf-8") in charts.TABLE_CSS
    for module in ("reports.py", "render.py"):  # no CSS rule (selector{property:...) left in the code
        source = (REPO / "lib" / "claimscope" / module).read_text(encoding="utf-8")
        assert not re.search(r"[.#a-z][\w-]*\{[a-z-]+:[^}]*;?\}", source), module


def html_escape(text: str) -> str:
    import html

    return html.escape(text)


def test_index_html_on_empty_tables(empty):
    page = reports.index_html(empty, reports.plan_reports(empty, knowledge=K), [], [])
    assert "No incidents yet" in page and "No source has enough claims" in page


# ---------------------------------------------------------------- build_reports: arguments
def test_build_reports_validates_arguments(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such folder"):
        reports.build_reports(tmp_path / "missing", tmp_path / "out")
    partial = tmp_path / "partial"
    partial.mkdir()
    shutil.copy(FIXTURE / "claims.csv", partial)
    with pytest.raises(FileNotFoundError, match="missing table"):
        reports.build_reports(partial, tmp_path / "out")
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="jobs"):
            reports.build_reports(FIXTURE, tmp_path / "out", jobs=bad)
    with pytest.raises(ValueError, match="min_source_claims"):
        reports.build_reports(FIXTURE, tmp_path / "out", min_source_claims=0)
    (tmp_path / "afile").write_text("x")
    with pytest.raises(NotADirectoryError):
        reports.build_reports(FIXTURE, tmp_path / "afile")
    with pytest.raises(NotADirectoryError):
        reports.build_reports(tmp_path / "afile", tmp_path / "out")
    assert not (tmp_path / "out").exists()  # nothing written on bad arguments


def test_cli_report_rejects_bad_tables(tmp_path, capsys):
    from claimscope import cli

    assert cli.main(["report", "--tables", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 1
    assert "no such folder" in capsys.readouterr().err


@pytest.mark.slow
def test_vega_bundle_is_kept_in_the_user_cache(tmp_path, monkeypatch):
    """vl-convert's ~2 s bundling happens once per version: the bundle is kept
    in $XDG_CACHE_HOME/claimscope; a damaged file is made again."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    reports.vega_bundle.cache_clear()
    try:
        js = reports.vega_bundle()
        kept = list((tmp_path / "claimscope").glob("vega-bundle-*.js"))
        assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == js
        kept[0].write_text("window.vegaEmbed = broken", encoding="utf-8")
        reports.vega_bundle.cache_clear()
        assert reports.vega_bundle() == js and kept[0].read_text(encoding="utf-8") == js
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a-file"))  # a cache that cannot be made: no error
        (tmp_path / "a-file").write_text("x", encoding="utf-8")
        reports.vega_bundle.cache_clear()
        assert reports.vega_bundle() == js
    finally:
        reports.vega_bundle.cache_clear()


def test_vega_bundle_defines_vega_embed_once():
    js = reports.vega_bundle()
    assert "window.vegaEmbed" in js and "</script" not in js.lower()
    assert 500_000 < len(js) < 2_000_000


# ---------------------------------------------------------------- build_reports: real runs
def _pages(out: Path) -> list[Path]:
    return [out / "index.html", *sorted((out / "reports").glob("*.html"))]


@pytest.mark.slow
def test_fixture_reports_written(tmp_path_factory, fx):
    out, summary = fixture_build(tmp_path_factory)
    assert summary.ok, [str(f) for f in summary.failures]
    plan = reports.plan_reports(fx, min_source_claims=2, knowledge=K)
    assert sorted(p.relative_to(out).as_posix() for p in summary.written) == sorted(j.filename for j in plan)
    index = (out / "index.html").read_text(encoding="utf-8")
    for job in plan:
        assert f'href="{job.filename}"' in index
    umask = os.umask(0)
    os.umask(umask)
    for path in [out / "index.html", *summary.written]:
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask, f"{path.name}: unusual permissions"
    assert not list(out.rglob(".*.tmp"))


@pytest.mark.slow
def test_stale_reports_removed(tmp_path_factory):
    out, _ = fixture_build(tmp_path_factory)
    assert not (out / "reports" / "incident-stale-0000.html").exists()
    assert (out / "reports" / "notes.txt").read_text() == "mine"


@pytest.mark.slow
def test_fixture_pages_self_contained_and_escaped(tmp_path_factory):
    out, _ = fixture_build(tmp_path_factory)
    for path in _pages(out):
        page = path.read_text(encoding="utf-8")
        assert path.stat().st_size < MAX_PAGE_BYTES, path.name
        assert not re.search(r"<script[^>]+src=", page, re.I), f"{path.name}: external script"
        assert not re.search(r"<link[^>]+href=[\"']https?:", page, re.I), f"{path.name}: external stylesheet"
        assert "cdn.jsdelivr" not in page and "require.min.js" not in page and "MathJax" not in page
        for hostile in HOSTILE_TEXTS:
            assert hostile not in page, f"{path.name}: raw {hostile!r}"
        if path.parent.name == "reports":
            assert page.count("window.vegaEmbed=") == 1, f"{path.name}: vega bundle not embedded exactly once"
            assert "reports.load_tables" not in page and "enable_renderer" not in page, "code is shown"
            assert 'href="../index.html"' in page
    inc = (out / "reports" / "incident-inc-gassaneyah-0527.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in inc and "&lt;img src=x onerror=alert(1)&gt;" in inc
    # chart specs sit in inert JSON script elements with '<' escaped
    specs = re.findall(r'<script(?=[^>]*application/json)[^>]*cs-chart-spec[^>]*>(.*?)</script>', inc, re.S)
    assert specs and all("<" not in s for s in specs)
    assert any("onerror=alert(1)" in json.dumps(json.loads(s)) for s in specs)


@pytest.mark.slow
def test_failed_notebook_is_reported_and_others_written(tmp_path):
    nbdir = tmp_path / "notebooks"
    shutil.copytree(REPO / "notebooks", nbdir, ignore=shutil.ignore_patterns("*.py", ".ipynb_checkpoints"))
    nb = nbformat.read(nbdir / "incident.ipynb", as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell('raise RuntimeError("boom <b>" + incident_id)'))
    nbformat.write(nb, nbdir / "incident.ipynb")
    out = tmp_path / "out"
    summary = reports.build_reports(FIXTURE, out, jobs=2, min_source_claims=100, progress=False, notebooks_dir=nbdir)
    assert [p.name for p in summary.written] == ["overview.html"]
    assert len(summary.failures) == 3
    f = summary.failures[0]
    assert f.job.kind == "incident" and f.cell is not None
    assert "RuntimeError: boom <b>inc-" in f.error and "incident.ipynb, cell" in str(f)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Failed reports (3)" in index and "boom &lt;b&gt;inc-" in index
    assert 'href="reports/overview.html"' in index and 'href="reports/incident-' not in index


_CELL_ID = re.compile(r'(celltag_injected-parameters" id="cell-id=)[0-9a-f]+"')


def _normalised_pages(out: Path) -> dict[str, str]:
    """Every page of a report folder, the random id papermill gives the cell
    it injects replaced (the one thing that differs between two runs)."""
    return {p.relative_to(out).as_posix(): _CELL_ID.sub(r'\1X"', p.read_text(encoding="utf-8"))
            for p in _pages(out)}


@pytest.mark.slow
def test_warm_kernels_write_the_same_pages_as_fresh_kernels(tmp_path_factory, tmp_path):
    """One warm kernel per worker (namespace reset between notebooks, tables
    kept) against a fresh kernel per page: the same bytes, page for page."""
    warm_out, warm = fixture_build(tmp_path_factory)
    fresh = reports.build_reports(FIXTURE, tmp_path / "fresh", jobs=2, min_source_claims=2, progress=False,
                                  fresh_kernels=True)
    assert warm.ok and fresh.ok, [str(f) for f in warm.failures + fresh.failures]
    a, b = _normalised_pages(warm_out), _normalised_pages(tmp_path / "fresh")
    assert sorted(a) == sorted(b) and len(a) > 5
    for name in a:
        assert a[name] == b[name], f"{name} differs between warm and fresh kernels"
    assert sum('injected-parameters" id="cell-id=X"' in text for text in a.values()) == len(a) - 1  # not the index


def _links(page: str) -> list[str]:
    return [h for h in re.findall(r'href="([^"]+)"', page) if not h.startswith(("http:", "https:", "#", "data:"))]


@pytest.mark.slow
def test_every_incident_page_and_every_link_resolves(tmp_path):
    """--incidents all on the fixture: a page per incident, and every link in
    every page (index, overview, source profiles, incidents) leads to a page."""
    out = tmp_path / "all"
    summary = reports.build_reports(FIXTURE, out, jobs=1, incidents="all", min_source_claims=1, progress=False)
    assert summary.ok, [str(f) for f in summary.failures]
    fx_ = read_tables(FIXTURE)
    assert {p.name for p in (out / "reports").glob("incident-*.html")} == {
        Path(reports.report_filename("incident", i)).name for i in fx_["incidents"]["incident_id"]}
    linked_incidents = set()
    for page in _pages(out):
        for href in _links(page.read_text(encoding="utf-8")):
            target = (page.parent / href).resolve()
            assert target.is_file(), f"{page.name} links to missing {href}"
            if target.name.startswith("incident-"):
                linked_incidents.add(target.name)
    assert len(linked_incidents) == len(fx_["incidents"])  # the overview links the pages it was told of


@pytest.mark.slow
def test_default_pages_link_only_pages_written(tmp_path_factory):
    for out, _ in (fixture_build(tmp_path_factory), seeds_build(tmp_path_factory)):
        for page in _pages(out):
            for href in _links(page.read_text(encoding="utf-8")):
                assert (page.parent / href).resolve().is_file(), f"{page.name} links to missing {href}"


@pytest.mark.slow
def test_a_dead_or_stuck_kernel_fails_one_page_and_the_others_are_written(tmp_path):
    """A notebook that kills its kernel, and one that overruns --timeout:
    those pages are reported, the worker starts a new kernel and makes the
    other pages."""
    nbdir = tmp_path / "notebooks"
    shutil.copytree(REPO / "notebooks", nbdir, ignore=shutil.ignore_patterns("*.py", ".ipynb_checkpoints"))
    nb = nbformat.read(nbdir / "incident.ipynb", as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell(
        'import os, time\nif incident_id == "inc-gassaneyah-0527":\n    os._exit(3)\n'
        'if incident_id == "inc-saraqib-0905":\n    time.sleep(60)'))
    nbformat.write(nb, nbdir / "incident.ipynb")
    out = tmp_path / "out"
    summary = reports.build_reports(FIXTURE, out, jobs=1, min_source_claims=100, progress=False, notebooks_dir=nbdir,
                                    incidents="all", timeout=4)
    assert sorted(p.name for p in summary.written) == [
        "incident-inc-ariha-0907.html", "incident-inc-jisr-0527.html", "incident-inc-maarat-undated.html",
        "overview.html"]
    failed = {f.job.key: f.error for f in summary.failures}
    assert sorted(failed) == ["inc-gassaneyah-0527", "inc-saraqib-0905"]
    assert "Kernel died" in failed["inc-gassaneyah-0527"] or "DeadKernel" in failed["inc-gassaneyah-0527"]
    assert "timed out" in failed["inc-saraqib-0905"].lower() or "Timeout" in failed["inc-saraqib-0905"]


@pytest.mark.slow
def test_empty_tables_report(tmp_path):
    tables = tmp_path / "tables"
    write_tables({n: schema.empty(n) for n in schema.TABLE_ORDER}, tables)
    summary = reports.build_reports(tables, tmp_path / "out", progress=False)
    assert summary.ok, [str(f) for f in summary.failures]
    assert [p.name for p in summary.written] == ["overview.html"]
    overview = (tmp_path / "out" / "reports" / "overview.html").read_text(encoding="utf-8")
    assert "No incidents yet" in overview
    assert "No incidents yet" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_seed_reports(tmp_path_factory):
    out, summary = seeds_build(tmp_path_factory)
    assert summary.ok, [str(f) for f in summary.failures]
    tables = read_tables(seed_tables(tmp_path_factory))
    plan = reports.plan_reports(tables, knowledge=K)
    assert len(summary.written) == len(plan)
    for path in _pages(out):
        assert path.stat().st_size < MAX_PAGE_BYTES, f"{path.name}: {path.stat().st_size} bytes"
    overview = (out / "reports" / "overview.html").read_text(encoding="utf-8")
    n_docs = len(tables["documents"])
    assert f"<b>{n_docs}</b> documents" in overview.replace("\n", "")


def test_cli_report_checks_its_new_options(tmp_path, capsys):
    from claimscope import cli, errors

    with pytest.raises(SystemExit) as stop:
        cli.main(["report", "--tables", str(FIXTURE), "--out", str(tmp_path / "o"), "--incidents", "most"])
    assert stop.value.code == 2 and "--incidents" in capsys.readouterr().err
    assert cli.main(["report", "--tables", str(FIXTURE), "--out", str(tmp_path / "o"),
                     "--notebooks", str(tmp_path / "none")]) == 1
    assert "notebooks folder" in capsys.readouterr().err and not (tmp_path / "o").exists()
    with pytest.raises(SystemExit):
        cli.main(["report", "--tables", str(FIXTURE), "--out", str(tmp_path / "o"), "--timeout", "0"])
    assert issubclass(errors.ReportError, ValueError)
    with pytest.raises(errors.ReportError):
        reports.parse_incident_pages("-2")


@pytest.mark.slow
def test_worker_pool_runs_again_and_refuses_another_configuration(tmp_path):
    from claimscope import render

    plan = reports.plan_reports(read_tables(FIXTURE), min_source_claims=100, knowledge=K)
    config = render.RenderConfig(tables_dir=str(FIXTURE), out_dir=str(tmp_path), notebooks_dir=str(reports.NOTEBOOKS_DIR),
                                 vega_js=reports.vega_bundle())
    with render.WorkerPool(workers=2, notebooks_dir=reports.NOTEBOOKS_DIR) as pool:
        first = pool.run(plan[:2], config)
        second = pool.run(plan[2:], config)  # idle workers take the new jobs
        assert all(isinstance(r, Path) for r in [*first.values(), *second.values()])
        assert len(first) + len(second) == len(plan)
        with pytest.raises(ValueError, match="one configuration"):
            pool.run(plan[:1], render.RenderConfig(tables_dir=str(FIXTURE), out_dir=str(tmp_path / "x"),
                                                   notebooks_dir=str(reports.NOTEBOOKS_DIR), vega_js=""))


# ---------------------------------------------------------------- the way back to the articles (issue 12)
def test_documents_html_shows_each_report_with_its_sentences_escaped(fx):
    iid = "inc-gassaneyah-0527"
    claims = fx["claims"][fx["claims"]["incident_id"] == iid]
    docs = sorted(set(claims["doc_id"]))
    t = dict(fx)
    urls = {d: ("javascript:alert(1)" if k == 0 else "https://example.org/a?b=1&c=2") for k, d in enumerate(docs)}
    t["documents"] = fx["documents"].assign(url=[urls.get(d, "") for d in fx["documents"]["doc_id"]])
    page = reports.documents_html(t, iid)
    for d in docs:
        assert f'id="{charts.doc_anchor(d)}"' in page
    # the article's markup is shown, never run; its title too
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;script&gt;alert(&#x27;title&#x27;)" in page
    # the claim's sentence is highlighted inside its paragraph
    first = claims.iloc[0]
    assert "<mark>" in page and html.escape(first["sentence"][:30]) in page
    # only http(s) URLs become links
    assert 'href="javascript:' not in page and "javascript:alert(1)" in page   # shown as text
    if len(docs) > 1:
        assert 'href="https://example.org/a?b=1&amp;c=2"' in page
    # the accounts table links each account to its document's section and each source to its profile
    table = charts.claims_table_html(fx["claims"], fx["casualties"], iid, doc_links=True,
                                     profiles={HOSTILE_SOURCE: "source-x.html"})
    for d in docs:
        assert f'href="#{charts.doc_anchor(d)}"' in table
    assert 'href="source-x.html"' in table
    assert reports.documents_html(fx, None).count("No incident") == 1


def test_incident_header_reads_like_an_event_row(fx):
    head = reports.incident_header_html(fx, "inc-ariha-0907", profiles={"Turkish Defense Ministry": "source-t.html"}, knowledge=K)
    assert "corroborated" in head and "independent accounts agree on" in head.lower()
    assert "Perpetrator:</b> Hayat Tahrir al-Sham" in head and "Target:</b> Turkish Armed Forces" in head
    assert "Deaths:</b> 1" in head and "combatants 1" in head
    head = reports.incident_header_html(fx, "inc-gassaneyah-0527", knowledge=K)
    assert "Deaths:</b> ≥ 24" in head and "Perpetrator:</b> contested" in head
    assert "two accounts conflict on some facet" in head
    ranged = {**fx, "incidents": fx["incidents"].assign(toll="5–7", casualties_best=6)}
    assert "5–7 · best estimate 6 (the median of the accounts' figures)" in html.unescape(
        reports.incident_header_html(ranged, "inc-gassaneyah-0527", knowledge=K))   # a figure says where it comes from


def test_index_lists_toll_verdict_and_conflicts_sortable(fx):
    plan = reports.plan_reports(fx, knowledge=K)
    page = reports.index_html(fx, plan, [j.filename for j in plan], [])
    assert "<th data-sort=\"num\">Deaths</th>" in page and 'data-v="24">≥ 24</td>' in page
    assert "single source — fewer than two independent accounts" in page
    for status, meaning in reports.VERDICT_MEANING.items():   # the index and the pages say the same
        assert f"{charts.STATUS_LABELS[status]} — {meaning}" in html.unescape(page), status
    assert page.count('<th data-sort=') == 7


def _table_rows(frag: str) -> list[str]:
    return re.findall(r"<tr>(.*?)</tr>", frag.split("<tbody>", 1)[1], re.S)


def test_comparisons_show_both_voices_in_their_own_words(fx):
    """A conflict shows each side: the source, the outlet it speaks in, its
    value beside the raw phrase it was read from, and the sentence; not only
    compare's one-line reason."""
    frag = reports.comparisons_html(fx, incident_id="inc-saraqib-0905")
    row = next(r for r in _table_rows(frag) if "pro-militant sources" in r and "Syrian Ministry of Defense" in r)
    text = html.unescape(row)
    assert "conflict" in text and "casualties" in text
    assert "“at least 5 Syrian Army troops were killed and injured”" in text   # the raw phrase, quoted
    assert "“no soldiers were killed”" in text and "“2 soldiers were injured”" in text
    assert "in South Front" in text and "in SANA" in text                    # where each voice speaks
    assert "According to pro-militant sources, at least 5 Syrian Army troops" in text   # the sentences
    assert "The Syrian Ministry of Defense said 2 soldiers were injured" in text
    # conflicts first, then partial, then agreements
    verdicts = [re.search(r'class="cs-badge[^"]*">([a-z]+)<', r).group(1) for r in _table_rows(frag)]
    assert verdicts == sorted(verdicts, key=lambda v: {"conflict": 0, "partial": 1, "agree": 2}[v])


def test_comparisons_show_one_finding_once_and_say_what_a_relation_means(fx):
    t = dict(fx)
    comp = fx["comparisons"]
    relayed = comp[comp["incident_id"] == "inc-ariha-0907"].assign(relation="relay")
    again = relayed.assign(claim_a=relayed["claim_b"], claim_b=relayed["claim_a"],
                           source_a=relayed["source_b"], source_b=relayed["source_a"])   # the same pair, read the other way
    t["comparisons"] = pd.concat([comp, again.head(1), relayed.head(1)], ignore_index=True)
    t["comparisons"] = t["comparisons"][t["comparisons"]["incident_id"] == "inc-ariha-0907"]
    frag = reports.comparisons_html(t, incident_id="inc-ariha-0907")
    rows = [html.unescape(r) for r in _table_rows(frag)]
    casualty_rows = [r for r in rows if ">casualties<" in r]
    assert len(casualty_rows) == 2   # independent once; the relayed reading twice, shown once
    relay = next(r for r in casualty_rows if "relay" in r)
    assert "found in 2 pairs of sentences" in relay and "their agreement is not corroboration" in relay
    # a conflict between relayed voices is still a conflict: no word about agreement there
    t["comparisons"] = t["comparisons"].assign(verdict="conflict")
    rows = [html.unescape(r) for r in _table_rows(reports.comparisons_html(t, incident_id="inc-ariha-0907"))]
    assert all("not corroboration" not in r for r in rows)


def test_incident_header_names_the_voices_in_conflict_and_never_states_a_contested_perpetrator(fx):
    t = dict(fx)
    inc = fx["incidents"]
    # an incident whose responsibility is contested while one account names a perpetrator
    t["incidents"] = inc.assign(perpetrator=inc["perpetrator"].where(inc["incident_id"] != "inc-saraqib-0905",
                                                                     "Turkish Armed Forces"),
                                place_precision="town")
    head = html.unescape(reports.incident_header_html(t, "inc-saraqib-0905", knowledge=K))
    assert "Voices in conflict:</b> casualties: pro-militant sources vs Syrian Ministry of Defense" in head
    assert "responsibility: Syrian sources vs Syrian Ministry of Defense" in head
    assert "Perpetrator:</b> Turkish Armed Forces (who started it is contested)" in head
    # place precision is said of the places, the governorate named as one; words, not codes
    assert "(precise to the town) · Idlib governorate" in head and "Idlib (town)" not in head
    one = html.unescape(reports.incident_header_html(fx, "inc-jisr-0527", knowledge=K))
    assert "Voices in conflict" not in one and re.search(r"<b>1</b> independent account<", one)
    # a conflict between an outlet and the source it relays says so, as the comparisons table does
    comp = fx["comparisons"]
    relayed = comp.assign(relation=comp["relation"].where(comp["facet"] != "responsibility", "relay"))
    head = html.unescape(reports.incident_header_html({**t, "comparisons": relayed}, "inc-saraqib-0905", knowledge=K))
    assert "responsibility: Syrian sources vs Syrian Ministry of Defense (relay)" in head
    assert "(relay)" not in re.search(r"casualties: [^;]*;", head).group(0)   # independent pairs say nothing more
    both = {**t, "incidents": t["incidents"].assign(agree_facets="casualties;date")}
    head = html.unescape(reports.incident_header_html(both, "inc-saraqib-0905", knowledge=K))
    assert "agree on:</b> casualties (some of them; others conflict), date<" in head


def test_pages_say_sides_and_event_types_in_words(fx):
    assert charts.side_words("syrian_government") == "Syrian government"
    assert charts.side_words("us_coalition") == "US coalition" and charts.side_words("unknown") == ""
    assert charts.source_kind_words("outlet", "unknown") == "the outlet's own words"
    assert charts.source_kind_words("official", "russia") == "official · side: Russia"
    k = reports.page_knowledge()
    assert charts.event_words("chemical_attack", knowledge=k) == "chemical attack"
    assert charts.event_words("ied", knowledge=k) == "IED attack" and charts.event_words("ied") == "ied"
    claims = fx["claims"].assign(event_type="ied", source_side="syrian_government")
    frag = charts.claims_table_html(claims, fx["casualties"], "inc-saraqib-0905", knowledge=k)
    assert "IED attack" in frag and "ied<" not in frag and "syrian_government" not in frag
    some = claims["source"] == "Syrian Observatory for Human Rights"
    loose = claims.assign(incident_id=claims["incident_id"].where(~some | (claims["incident_id"] != "inc-ariha-0907"), ""))
    frag = charts.claims_table_html(loose, fx["casualties"], source="Syrian Observatory for Human Rights",
                                    incidents=fx["incidents"])
    headings = re.findall(r'<th colspan="7">([^<]*)</th>', frag)
    assert headings[-1].startswith("Not part of any incident") and "(none)" not in frag   # words, and last


def test_index_names_who_is_in_conflict_beside_the_independent_sources(fx):
    plan = reports.plan_reports(fx, knowledge=K)
    page = html.unescape(reports.index_html(fx, plan, [j.filename for j in plan], []))
    assert "<th data-sort=\"text\">Independent sources</th>" in page
    row = next(r for r in re.findall(r"<tr data-status.*?</tr>", page, re.S) if "inc-gassaneyah-0527" in r)
    assert "in conflict: local sources, pro-militant sources" in row
    calm = next(r for r in re.findall(r"<tr data-status.*?</tr>", page, re.S) if "inc-ariha-0907" in r)
    assert "in conflict:" not in calm
    one_copy = dict(fx)
    docs = fx["documents"]
    one_copy["documents"] = docs.assign(duplicate_of=[docs["doc_id"].iloc[0]] + [""] * (len(docs) - 1))
    assert "documents (1 copy)" in reports.summary_html(one_copy)


# ---------------------------------------------------------------- the run's own knowledge
def _label_pack(folder: Path, event_type: str, label: str) -> Path:
    """A tiny user pack that renames one event type in words."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "events.yaml").write_text(f"# provenance: written for this test\ntitle_labels:\n  {event_type}: {label}\n",
                                        encoding="utf-8")
    return folder


def _tables_made_with(tmp_path: Path, pack: Path | None) -> Path:
    """The fixture tables written as `claimscope run --knowledge PACK` writes them."""
    from claimscope import cli

    out = tmp_path / "tables"
    write_tables(read_tables(FIXTURE), out, run_info=cli._run_info([str(pack)] if pack else None))
    return out


def test_pages_name_things_by_the_knowledge_the_run_recorded(tmp_path):
    pack = _label_pack(tmp_path / "pack", "clash", "firefight between units")
    tables = _tables_made_with(tmp_path, pack)
    assert reports.recorded_packs(tables) == [{"path": str(pack.resolve()), "digest": reports.recorded_packs(tables)[0]["digest"]}]
    loaded = reports.load_tables(tables)
    assert reports.user_packs(loaded.knowledge) == [str(pack.resolve())]
    assert loaded.origin.endswith(f"with the knowledge pack {pack.resolve()}")   # the overview says so
    head = reports.incident_header_html(loaded.tables, "inc-saraqib-0905", knowledge=loaded.knowledge)
    assert "firefight between units" in head
    assert "firefight" not in reports.incident_header_html(loaded.tables, "inc-saraqib-0905", knowledge=K)   # built-in: 'clash'
    frag = charts.claims_table_html(loaded.tables["claims"], loaded.tables["casualties"], "inc-saraqib-0905",
                                    knowledge=loaded.knowledge)
    assert "firefight between units" in frag
    # every page of the plan gets the run's packs, so the notebooks name things the same way
    plan = reports.plan_reports(loaded.tables, knowledge=loaded.knowledge)
    assert plan and all(j.parameters.get("knowledge") == [str(pack.resolve())] for j in plan)
    assert all("knowledge" not in j.parameters for j in reports.plan_reports(loaded.tables, knowledge=K))
    # given packs win over the recorded ones; tables without a record speak with the built-in knowledge
    other = _label_pack(tmp_path / "other", "clash", "gun battle of record")
    assert "gun battle of record" in reports.incident_header_html(
        loaded.tables, "inc-saraqib-0905", knowledge=reports.run_knowledge(tables, [other]))
    assert reports.user_packs(reports.run_knowledge(FIXTURE)) == []


def test_pages_are_given_the_run_knowledge_and_keep_no_copy_of_their_own(tmp_path, monkeypatch):
    """No page falls back to the built-in knowledge, and nothing in reports
    keeps knowledge for the process: a report kernel's table cache loads it
    again when the packs it names by change."""
    with pytest.raises(TypeError):
        reports.incident_header_html(read_tables(FIXTURE), "inc-saraqib-0905")   # type: ignore[call-arg]
    with pytest.raises(TypeError):
        reports.plan_reports(read_tables(FIXTURE))   # type: ignore[call-arg]
    assert reports.page_knowledge() is not reports.page_knowledge()
    pack = _label_pack(tmp_path / "pack", "clash", "firefight between units")
    tables = _tables_made_with(tmp_path, pack)
    monkeypatch.setenv("CLAIMSCOPE_TABLE_CACHE", "1")
    monkeypatch.setattr(reports, "_TABLE_CACHE", {})
    first = reports.load_tables(tables)
    assert reports.load_tables(tables) is first   # same tables, same packs: kept for the worker's next page
    other = _label_pack(tmp_path / "other", "clash", "gun battle of record")
    named = reports.load_tables(tables, knowledge=str(other))
    assert named.tables is first.tables and reports.user_packs(named.knowledge) == [str(other.resolve())]
    head = reports.incident_header_html(named.tables, "inc-saraqib-0905", knowledge=named.knowledge)
    assert "gun battle of record" in head
    (other / "events.yaml").write_text("# provenance: edited\ntitle_labels:\n  clash: skirmish\n", encoding="utf-8")
    os.utime(other / "events.yaml", ns=(1, 1))   # a change the pack's file signature sees whatever the clock
    again = reports.load_tables(tables, knowledge=str(other))
    assert "skirmish" in reports.incident_header_html(again.tables, "inc-saraqib-0905", knowledge=again.knowledge)


def test_a_recorded_pack_that_moved_or_changed_stops_the_report_before_any_work(tmp_path, capsys):
    from claimscope import cli, errors

    pack = _label_pack(tmp_path / "pack", "clash", "firefight between units")
    tables = _tables_made_with(tmp_path, pack)
    (pack / "events.yaml").write_text("# provenance: edited\ntitle_labels:\n  clash: skirmish\n", encoding="utf-8")
    with pytest.raises(errors.ReportError, match="changed since"):
        reports.build_reports(tables, tmp_path / "out", progress=False)
    assert not (tmp_path / "out").exists()
    # the analyst takes the pack as it is now
    assert "skirmish" in reports.incident_header_html(read_tables(tables), "inc-saraqib-0905",
                                                      knowledge=reports.run_knowledge(tables, [pack]))
    shutil.rmtree(pack)
    assert cli.main(["report", "--tables", str(tables), "--out", str(tmp_path / "out"), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "not there any more" in err and "--knowledge" in err and not (tmp_path / "out").exists()
    assert cli.main(["report", "--tables", str(tables), "--out", str(tmp_path / "out"), "--no-progress",
                     "--knowledge", str(tmp_path / "nowhere")]) == 1
    assert "not a folder" in capsys.readouterr().err and not (tmp_path / "out").exists()


@pytest.mark.slow
def test_report_pages_use_the_run_knowledge(tmp_path):
    pack = _label_pack(tmp_path / "pack", "clash", "firefight between units")
    tables = _tables_made_with(tmp_path, pack)
    summary = reports.build_reports(tables, tmp_path / "out", incidents=1, min_source_claims=100, progress=False)
    assert summary.ok, [str(f) for f in summary.failures]
    page = (tmp_path / "out" / reports.report_filename("incident", "inc-saraqib-0905")).read_text(encoding="utf-8")
    assert page.count("firefight between units") >= 2   # the header and the accounts table


def test_a_profiles_incident_table_says_whose_deaths_it_shows(fx):
    """On a source's profile the incidents' deaths are every account's, not
    that source's figure: the column says so."""
    frag = reports.incidents_table_html(fx, incident_ids=["inc-saraqib-0905"])
    assert "<th>Deaths (all accounts)</th>" in frag and "<th>Deaths</th>" not in frag


def test_a_source_profile_does_not_count_its_own_reports_as_citations(fx):
    """The Observatory's own site naming the Observatory is its own report,
    not an outlet citing it; claims of no known outlet are no outlet either."""
    who = "Syrian Observatory for Human Rights"
    mine = fx["claims"][fx["claims"]["source"] == who]
    assert list(mine["outlet"]) == ["Enab Baladi", "Enab Baladi"]
    extra = pd.concat([mine.assign(outlet=who, claim_id=mine["claim_id"] + "-own"),
                       mine.head(1).assign(outlet="", claim_id=mine["claim_id"].head(1) + "-x")])
    claims = pd.concat([fx["claims"], extra], ignore_index=True)
    head = html.unescape(reports.source_header_html({**fx, "claims": claims}, who))
    text = re.sub(r"<[^>]+>", "", head)
    assert "In its own reports: 2 claims" in text and "Outlet unknown: 1 claim" in text
    assert "Cited by: Enab Baladi (2)" in text and "1 other outlet citing it" in text


def test_links_say_event_types_in_words_and_how_to_read_the_weights(fx, tmp_path):
    claims = fx["claims"]
    ids = list(claims.loc[claims["incident_id"] == "inc-saraqib-0905", "claim_id"][:2])
    links = pd.DataFrame({"claim_a": [ids[0]], "claim_b": [ids[1]], "score": [91.0], "kind": ["cross_document"],
                          "reasons": ["same date ±0 d +0.7; both chemical_attack +0.5; doc 01_aa_2020 0"]})
    t = {**fx, "links": links}
    frag = html.unescape(reports.links_html(t, "inc-saraqib-0905", knowledge=K))
    assert "both chemical attack +0.5" in frag and "chemical_attack" not in frag and "01_aa_2020" in frag
    assert "weight of evidence in bits" in frag
    pack = _label_pack(tmp_path / "pack", "chemical_attack", "toxic gas attack")
    assert "both toxic gas attack +0.5" in reports.links_html(t, "inc-saraqib-0905",
                                                              knowledge=reports.page_knowledge(pack))
    within = html.unescape(reports.links_html({**t, "links": links.assign(kind="within_document")}, "inc-saraqib-0905", knowledge=K))
    assert "weight of evidence" not in within   # no weights to read within a document


def test_comparisons_say_sides_in_words(fx):
    comp = fx["comparisons"]
    row = comp[comp["incident_id"] == "inc-saraqib-0905"].head(1)
    detail = "Syrian Arab Army (syrian_government) vs Russian Aerospace Forces (russia)"
    t = {**fx, "comparisons": pd.concat([row.assign(facet="perpetrator", verdict="conflict", detail=detail),
                                         row.assign(facet="cause", verdict="conflict", claim_a="x",
                                                    detail="accident ('a fire') vs airstrike ('jets (sic)')")])}
    frag = html.unescape(reports.comparisons_html(t, incident_id="inc-saraqib-0905"))
    assert "Syrian Arab Army (side: Syrian government) vs Russian Aerospace Forces (side: Russia)" in frag
    assert "syrian_government" not in frag and "(russia)" not in frag
    assert "jets (sic)" in frag   # only the actor facets' side codes are words: quotes stay as they are


def test_a_packs_words_reach_the_pages_escaped(tmp_path, fx):
    """A user pack is text from outside too: its event words are escaped
    wherever a page shows them."""
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "events.yaml").write_text('# provenance: written for this test\ntitle_labels:\n'
                                      '  clash: "<img src=x onerror=alert(1)>"\n'
                                      '  chemical_attack: "<img src=x onerror=alert(1)>"\n', encoding="utf-8")
    k = reports.page_knowledge(pack)
    claims = fx["claims"]
    ids = list(claims.loc[claims["incident_id"] == "inc-saraqib-0905", "claim_id"][:2])
    links = pd.DataFrame({"claim_a": [ids[0]], "claim_b": [ids[1]], "score": [91.0], "kind": ["cross_document"],
                          "reasons": ["both chemical_attack +0.5"]})
    frags = [reports.incident_header_html(fx, "inc-saraqib-0905", knowledge=k),
             charts.claims_table_html(claims, fx["casualties"], "inc-saraqib-0905", knowledge=k),
             reports.links_html({**fx, "links": links}, "inc-saraqib-0905", knowledge=k)]
    for frag in frags:
        assert "&lt;img src=x onerror=alert(1)&gt;" in frag and "<img" not in frag


def test_a_partial_verdict_says_what_it_means(fx):
    comp = fx["comparisons"]
    mine = comp[comp["incident_id"] == "inc-saraqib-0905"]
    assert "partial</b>: both can be right" not in reports.comparisons_html(
        {**fx, "comparisons": mine.assign(verdict="conflict")}, incident_id="inc-saraqib-0905")
    frag = reports.comparisons_html({**fx, "comparisons": mine.assign(verdict="partial")}, incident_id="inc-saraqib-0905")
    assert "<b>partial</b>: both can be right" in frag
