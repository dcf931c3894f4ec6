"""Charts, tested on their Vega-Lite specs (not pixels) over the hand-made
fixture tables and over empty tables; every spec must also compile with
Vega-Lite (vl-convert) so it renders."""

from __future__ import annotations

import json

import altair as alt
import nbformat
import pandas as pd
import pytest
import vl_convert as vlc

from claimscope import charts, schema
from claimscope.tables import read_tables
from test_reports import FIXTURE, HOSTILE_SOURCE

FAKE_OUTLINE = {
    "type": "FeatureCollection",
    "metadata": {"source": "hand-drawn test box", "licence": "CC0"},
    "features": [{"type": "Feature", "properties": {"name": "<b>box</b>"},
                  "geometry": {"type": "Polygon", "coordinates": [[[35.71234, 32.31111], [42.38, 32.31111],
                                                                    [42.38, 37.32], [35.71234, 37.32],
                                                                    [35.71234, 32.31111]]]}}],
}


@pytest.fixture(scope="module")
def t() -> dict[str, pd.DataFrame]:
    return read_tables(FIXTURE)


@pytest.fixture(scope="module")
def e() -> dict[str, pd.DataFrame]:
    return {n: schema.empty(n) for n in schema.TABLE_ORDER}


def _values(spec: dict) -> list[dict]:
    """All inline data rows of a spec (top level, layers, datasets)."""
    rows = []

    def walk(node):
        if isinstance(node, dict):
            data = node.get("data")
            if isinstance(data, dict) and isinstance(data.get("values"), list):
                rows.extend(data["values"])
            for k, v in node.items():
                if k == "datasets":
                    for vals in v.values():
                        rows.extend(vals)
                elif k != "data":
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(spec)
    return rows


def _subtitle(spec: dict) -> str:
    sub = spec.get("title", {}).get("subtitle", [])
    return " ".join(sub) if isinstance(sub, list) else sub


def _all_charts(t, outline=FAKE_OUTLINE):
    return {
        "timeline": charts.incident_timeline(t["incidents"], t["claims"]),
        "ranges": charts.casualty_ranges(t["claims"], t["casualties"], t["incidents"]),
        "heatmap": charts.source_agreement_heatmap(t["source_agreement"], t["comparisons"]),
        "bars": charts.agreement_bars(t["source_agreement"], "Syrian Ministry of Defense"),
        "cites": charts.who_cites_whom(t["claims"]),
        "map": charts.incident_map(t["incidents"], t["claims"], outline=outline, use_default_outline=False),
    }


def test_every_chart_compiles_and_is_small_and_deterministic(t):
    for name, chart in _all_charts(t).items():
        spec = chart.to_dict()
        vlc.vegalite_to_vega(spec)  # raises when Vega-Lite cannot compile it
        text = json.dumps(spec, sort_keys=True)
        assert len(text) < 40_000, name
        assert text == json.dumps(_all_charts(t)[name].to_dict(), sort_keys=True), f"{name} not deterministic"


def test_empty_tables_give_message_charts(e):
    for name, chart in _all_charts(e, outline=None).items():
        spec = chart.to_dict()
        vlc.vegalite_to_vega(spec)
        rows = _values(spec)
        assert rows and "message" in rows[0], name
        assert rows[0]["message"].startswith("No "), name


def test_points_derive_coordinates_status_order_and_sentence(t):
    pts = charts.incident_points(t["incidents"], t["claims"])
    assert list(pts["incident_id"]) == ["inc-saraqib-0905", "inc-gassaneyah-0527", "inc-ariha-0907",
                                        "inc-jisr-0527", "inc-maarat-undated"]
    assert list(pts["conflict_rank"]) == [0, 1, 2, 3, 4]
    row = pts.set_index("incident_id")
    assert (row.loc["inc-saraqib-0905", "lat"], row.loc["inc-saraqib-0905", "lon"]) == (35.8623, 36.8006)
    assert pd.isna(row.loc["inc-gassaneyah-0527", "lat"])
    # the sentence of the earliest published account (then document, then position)
    assert row.loc["inc-saraqib-0905", "sentence"].startswith("The Syrian Ministry of Defense said 2 soldiers")
    assert row.loc["inc-ariha-0907", "sentence"] == "SOHR said a Turkish soldier was killed near Ariha on September 7."
    assert "pro-militant sources" in row.loc["inc-saraqib-0905", "sources"]
    assert row.loc["inc-maarat-undated", "label"].startswith("undated · Maʿarrat al-Nuʿmān")


def test_points_pass_death_figures_as_numbers(t):
    """The death figures reach the reports as ints (None when absent), never
    as text a reader would have to parse back."""
    pts = charts.incident_points(t["incidents"], t["claims"]).set_index("incident_id")
    inc = t["incidents"].set_index("incident_id")
    for col in ("casualties_low", "casualties_best", "casualties_high", "civilians_low", "combatants_high"):
        for iid in inc.index:
            want = inc.loc[iid, col]
            got = pts.loc[iid, col]
            assert (got is None) if pd.isna(want) else (type(got) is int and got == int(want)), (iid, col, got)
    empty = charts.incident_points(t["incidents"].drop(columns=["casualties_low"]), t["claims"])
    assert empty["casualties_low"].tolist() == [None] * len(empty)


def test_points_prefer_incident_columns_then_most_specific_claim(t):
    claims = t["claims"].copy()
    mask = claims["incident_id"] == "inc-saraqib-0905"
    first = claims.index[mask][0]
    claims.loc[mask, "place_precision"] = "governorate"
    claims.loc[mask, ["lat", "lon"]] = [35.93, 36.63]  # Idlib governorate centre
    claims.loc[first, "place_precision"] = "town"
    claims.loc[first, ["lat", "lon"]] = [35.86, 36.80]
    pts = charts.incident_points(t["incidents"], claims).set_index("incident_id")
    assert (pts.loc["inc-saraqib-0905", "lat"], pts.loc["inc-saraqib-0905", "lon"]) == (35.86, 36.80)
    inc = t["incidents"].assign(lat=pd.array([1.5, None, None, None, None], dtype="Float64"),
                                lon=pd.array([2.5, None, None, None, None], dtype="Float64"))
    pts = charts.incident_points(inc, claims).set_index("incident_id")
    assert (pts.loc["inc-saraqib-0905", "lat"], pts.loc["inc-saraqib-0905", "lon"]) == (1.5, 2.5)
    assert pts.loc["inc-ariha-0907", "lat"] == 35.8126  # falls back to its claims


def test_timeline(t):
    spec = charts.incident_timeline(t["incidents"], t["claims"]).to_dict()
    rows = _values(spec)
    assert len(rows) == 4  # the undated incident cannot be placed
    assert "1 of 5 incidents have no date" in _subtitle(spec)
    dots = spec["layer"][1]["encoding"]
    assert dots["color"]["field"] == "status"
    assert dots["color"]["scale"]["domain"] == list(charts.STATUS_ORDER)
    assert dots["size"]["field"] == "n_sources"
    assert "sentence" in [tip["field"] for tip in dots["tooltip"]]
    assert spec["layer"][1]["encoding"]["color"]["title"] == "Verdict"   # the pages' word, as on the index
    assert {tip["title"] for tip in dots["tooltip"]} >= {"Verdict", "Independent sources", "In conflict"}
    assert not any(";" in r["conflict_facets"] + r["places"] for r in rows)
    assert any(", " in r["conflict_facets"] for r in rows)
    multi = next(r for r in rows if r["incident_id"] == "inc-gassaneyah-0527")
    assert (multi["date_start"], multi["date_end"]) == ("2020-05-27", "2020-05-28")
    few = charts.incident_timeline(t["incidents"], t["claims"], max_rows=2).to_dict()
    assert [r["incident_id"] for r in _values(few)] == ["inc-saraqib-0905", "inc-gassaneyah-0527"]
    assert "Showing the 2 most conflicted of 4" in _subtitle(few)


def test_casualty_ranges_show_disagreement(t):
    spec = charts.casualty_ranges(t["claims"], t["casualties"], t["incidents"]).to_dict()
    assert spec["facet"]["row"]["field"] == "incident"
    rows = _values(spec)
    saraqib = [r for r in rows if r["incident_id"] == "inc-saraqib-0905"]
    by = {(r["source"], r["what"]): r for r in saraqib}
    # the republished copy adds no second bar for the same source and figure
    assert sum(r["source"] == "pro-militant sources" for r in saraqib) == 1
    militant = by[("pro-militant sources", "killed or injured · Syrian Arab Army")]
    assert militant["open"] and militant["lo"] == 5 and militant["range"] == "≥5"
    assert militant["hi"] > max(r["lo"] for r in saraqib) and militant["hi"] > 4
    sohr = by[("Syrian Observatory for Human Rights", "killed · Syrian Arab Army")]
    mod = by[("Syrian Ministry of Defense", "killed · Syrian Arab Army")]
    assert (sohr["lo"], sohr["hi"], mod["lo"], mod["hi"]) == (3, 4, 0, 0)  # disjoint: visible as a gap
    assert mod["row"] == "Syrian Ministry of Defense — killed · Syrian Arab Army"  # two kinds: one row each
    assert sohr["row"] == "Syrian Observatory for Human Rights — killed · Syrian Arab Army"   # always says what
    assert "no soldiers were killed" in mod["raw"] and mod["sentence"].startswith("The Syrian Ministry")
    hostile = next(r for r in rows if r["source"] == HOSTILE_SOURCE)
    assert hostile["range"] == "≥24" and hostile["open"]
    order = sorted({(r["order"], r["incident_id"]) for r in rows})
    assert [i for _, i in order] == ["inc-saraqib-0905", "inc-gassaneyah-0527", "inc-ariha-0907", "inc-jisr-0527"]
    assert "open-ended" in _subtitle(spec)
    one = charts.casualty_ranges(t["claims"], t["casualties"], t["incidents"], incident_ids=["inc-ariha-0907"])
    assert {r["incident_id"] for r in _values(one.to_dict())} == {"inc-ariha-0907"}
    none = charts.casualty_ranges(t["claims"], t["casualties"], t["incidents"], incident_ids=[]).to_dict()
    assert _values(none)[0]["message"].startswith("No casualty figures")
    capped = charts.casualty_ranges(t["claims"], t["casualties"], t["incidents"], max_incidents=1).to_dict()
    assert {r["incident_id"] for r in _values(capped)} == {"inc-saraqib-0905"}
    assert "1 most conflicted of 4" in _subtitle(capped)



def test_an_outlets_own_figure_is_not_drawn_as_an_account_of_its_own(t):
    """An outlet's headline repeating the toll of the source it quotes is
    drawn as the outlet 'in its own words', with a note: the same figure
    twice is not two accounts."""
    claims = t["claims"]
    spec = charts.casualty_ranges(claims, t["casualties"], t["incidents"]).to_dict()
    assert "in its own words" not in _subtitle(spec)
    sohr = claims["source"] == "Syrian Observatory for Human Rights"
    own = claims.assign(source=claims["source"].where(~sohr, "Enab Baladi"),
                        source_type=claims["source_type"].where(~sohr, "outlet"))
    spec = charts.casualty_ranges(own, t["casualties"], t["incidents"]).to_dict()
    rows = [r for r in _values(spec) if r["source"] == "Enab Baladi"]
    assert rows and all(r["row"].startswith("Enab Baladi, in its own words — ") for r in rows)
    assert "the same figure twice is not two accounts" in _subtitle(spec)


def test_source_agreement_heatmap(t):
    spec = charts.source_agreement_heatmap(t["source_agreement"], t["comparisons"]).to_dict()
    rows = _values(spec)
    cells = {(r["a"], r["b"]): r for r in rows}
    assert ("Syrian Observatory for Human Rights", "Turkish Defense Ministry") in cells
    assert ("Turkish Defense Ministry", "Syrian Observatory for Human Rights") in cells  # symmetric
    agree = cells[("Turkish Defense Ministry", "Syrian Observatory for Human Rights")]
    # substance in the colour (they agree on the toll); agreeing on the date is in the tooltip only
    assert (agree["agree"], agree["conflict"], agree["agree_share"], agree["agree_where"]) == (1, 0, 1.0, 1)
    conflict = cells[("local sources", "pro-militant sources")]
    assert conflict["agree_share"] == 0.0 and conflict["example"].startswith("cause: poor safety")
    assert cells[("Syrian sources", "pro-militant sources")]["agree_share"] is None  # shared, nothing compared
    assert all(a != b for a, b in cells)
    small = charts.source_agreement_heatmap(t["source_agreement"], max_sources=3).to_dict()
    assert len({r["a"] for r in _values(small)}) <= 3 and "3 of 7 sources" in _subtitle(small)


def test_agreement_bars(t):
    rows = _values(charts.agreement_bars(t["source_agreement"], "Syrian Ministry of Defense").to_dict())
    assert {r["b"] for r in rows} == {"Syrian Observatory for Human Rights", "Syrian sources", "pro-militant sources"}
    assert {r["verdict"] for r in rows} == {"conflict"} and all(r["n"] > 0 for r in rows)   # no empty bars
    assert _values(charts.agreement_bars(t["source_agreement"], "Nobody").to_dict())[0]["message"].startswith("No ")


def test_who_cites_whom(t):
    spec = charts.who_cites_whom(t["claims"]).to_dict()
    rows = _values(spec)
    cells = {(r["outlet"], r["source"]): r["claims"] for r in rows}
    assert cells[("South Front", "pro-militant sources")] == 1  # the Global Research copy is not counted again
    assert cells[("Enab Baladi", "Syrian Observatory for Human Rights")] == 2
    assert cells[("Ḥalab Today <b>", HOSTILE_SOURCE)] == 2
    assert "1 claim from a republished copy is not counted again" in _subtitle(spec)
    assert {r["kind"] for r in rows} >= {"monitor · side: Independent"}   # words in the tooltip, not codes
    assert not any("_" in r["kind"] for r in rows)
    own = t["claims"].assign(source_type=t["claims"]["source_type"].where(t["claims"]["source"] != "local sources",
                                                                          "outlet"))
    assert not any(r["source"] == "local sources" for r in _values(charts.who_cites_whom(own).to_dict()))
    assert any(r["source"] == "local sources"
               for r in _values(charts.who_cites_whom(own, include_own_voice=True).to_dict()))



def test_an_outlet_naming_itself_does_not_cite_itself(t):
    """'The Observatory has learned ...' on the Observatory's own site is its
    own voice: not drawn as the outlet citing itself, and said so."""
    claims = t["claims"].copy()
    mine = claims["source"] == "Syrian Observatory for Human Rights"
    claims.loc[mine, "outlet"] = "Syrian Observatory for Human Rights"
    spec = charts.who_cites_whom(claims).to_dict()
    assert not any(r["outlet"] == r["source"] for r in _values(spec))
    assert f"{int(mine.sum())} claims an outlet makes in its own name (Syrian Observatory for Human Rights)" \
        in _subtitle(spec)
    kept = _values(charts.who_cites_whom(claims, include_own_voice=True).to_dict())
    assert any(r["outlet"] == r["source"] == "Syrian Observatory for Human Rights" for r in kept)


def test_map_points_outline_and_licence(t):
    spec = charts.incident_map(t["incidents"], t["claims"], outline=FAKE_OUTLINE).to_dict()
    outline_layer, points = spec["layer"]
    assert outline_layer["mark"]["type"] == "geoshape"
    feature = outline_layer["data"]["values"][0]
    assert feature["properties"] == {}  # no strings from the outline file in the page
    assert feature["geometry"]["coordinates"][0][0] == [35.712, 32.311]
    ids = {r["incident_id"] for r in points["data"]["values"]}
    assert ids == {"inc-saraqib-0905", "inc-ariha-0907", "inc-jisr-0527", "inc-maarat-undated"}
    sub = _subtitle(spec)
    assert "4 of 5 incidents shown; 1 have no coordinates" in sub
    assert "Outline: hand-drawn test box. Licence: CC0." in sub
    assert spec["projection"]["type"] == "mercator"
    bare = charts.incident_map(t["incidents"], t["claims"], use_default_outline=False).to_dict()
    assert "No country outline available" in _subtitle(bare)


def test_map_uses_the_committed_syria_outline(t):
    spec = charts.incident_map(t["incidents"], t["claims"]).to_dict()
    assert spec["layer"][0]["mark"]["type"] == "geoshape"
    assert "Natural Earth" in _subtitle(spec) and "not stated" not in _subtitle(spec)
    assert len(json.dumps(spec)) < 60_000


def test_map_outline_comes_from_the_knowledge_pack(t, tmp_path):
    from claimscope import load_knowledge

    (tmp_path / "outline.geojson").write_text(json.dumps(FAKE_OUTLINE), encoding="utf-8")
    spec = charts.incident_map(t["incidents"], t["claims"], knowledge=load_knowledge(tmp_path)).to_dict()
    assert "Outline: hand-drawn test box. Licence: CC0." in _subtitle(spec)   # the pack's outline replaces Syria's


def test_outline_note_finds_metadata_anywhere():
    assert charts.outline_note({"license": "ODbL", "source": "OSM"}) == "Outline: OSM. Licence: ODbL."
    feat = {"type": "FeatureCollection", "features": [{"properties": {"attribution": "geoBoundaries",
                                                                      "licence": "CC BY 4.0"}}]}
    assert charts.outline_note(feat) == "Outline: geoBoundaries. Licence: CC BY 4.0."
    assert charts.outline_note(None) == "No country outline available."


@pytest.mark.parametrize("lo,hi,text", [(5, None, "≥5"), (3, 4, "3–4"), (1, 1, "1"), (0, 0, "0"), (0, 25, "≤25"),
                                        (None, None, "?"), (pd.NA, pd.NA, "?"), (None, 7, "≤7")])
def test_format_range(lo, hi, text):
    assert charts.format_range(lo, hi) == text


def test_highlight_spans():
    s = "Local sources said the blast at al-Gassaneyah on May 27 killed 3."
    spans = charts.highlight_spans(s, [("source", "Local sources"), ("casualties", (55, 64)), ("place", "AL-GASSANEYAH"),
                                       ("date", "on May 27"), ("event", "blast"), ("date", "inherited: May"),
                                       ("target", "sources said"), ("place", "Aleppo"), ("casualties", (60, 999))])
    # offsets as given, phrases found case-insensitively, overlaps and bad offsets dropped, inherited skipped
    assert spans == [(0, 13, "source"), (23, 28, "event"), (32, 45, "place"), (46, 55, "date"), (55, 64, "casualties")]
    assert [s[a:b] for a, b, _ in spans] == ["Local sources", "blast", "al-Gassaneyah", "on May 27", " killed 3"]


def test_claims_table(t):
    table = charts.claims_table(t["claims"], t["casualties"], "inc-saraqib-0905")
    assert list(table["source"]) == ["pro-militant sources", "pro-militant sources", "Syrian Ministry of Defense",
                                     "Syrian Observatory for Human Rights", "Syrian sources"]
    mod = table[table["source"] == "Syrian Ministry of Defense"].iloc[0]
    assert mod["negated"] and "2 Syrian Arab Army injured" in mod["casualties"]
    facets = {f for _, _, f in mod["spans"]}
    assert {"source", "casualties", "perpetrator", "place", "date"} <= facets
    for a, b, facet in mod["spans"]:
        if facet == "casualties":
            assert mod["sentence"][a:b] in ("2 soldiers were injured", "no soldiers were killed")
    copy = table[table["duplicate_of"] != ""]
    assert len(copy) == 1 and copy.iloc[0]["duplicate_of"] == "sf-2020-09-08"
    by_source = charts.claims_table(t["claims"], t["casualties"], source=HOSTILE_SOURCE)
    assert len(by_source) == 2
    both = charts.claims_table(t["claims"], t["casualties"], incident_ids=["inc-ariha-0907", "inc-saraqib-0905"],
                               sources=["Syrian Observatory for Human Rights"])
    assert list(both["incident_id"]) == ["inc-ariha-0907", "inc-saraqib-0905"]
    assert charts.claims_table(t["claims"], t["casualties"], "nope").empty


def test_claims_table_html_escapes_and_marks(t):
    page = charts.claims_table_html(t["claims"], t["casualties"], "inc-gassaneyah-0527")
    assert "<script>alert" not in page and "<img src=x" not in page and "Today <b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<mark class="cs-f-hedge" title="hedge">claimed</mark>' in page
    assert 'cs-badge cs-mark">hedged' in page
    assert '<mark class="cs-f-casualties" title="casualties">killing at least 6 fighters</mark>' in page
    assert "No claims to show" in charts.claims_table_html(t["claims"], t["casualties"], "nope")
    several = charts.claims_table_html(t["claims"], t["casualties"], source="pro-militant sources",
                                       incidents=t["incidents"])
    assert '<th colspan="7">2020-09-05 · Saraqib · clash (inc-saraqib-0905)</th>' in several
    assert '<th colspan="7">Incident inc-gassaneyah-0527</th>' in charts.claims_table_html(
        t["claims"], t["casualties"], source="pro-militant sources")


def test_chart_html_keeps_spec_inert(t):
    spec = {"mark": "text", "data": {"values": [{"s": "</script><script>alert(1)</script> & \u2028"}]},
            "encoding": {"text": {"field": "s"}}}
    frag = charts.chart_html(spec)
    inner = frag.split('class="cs-chart-spec">', 1)[1].split("</script>", 1)[0]
    assert "<" not in inner and ">" not in inner and "&" not in inner and "\u2028" not in inner
    assert json.loads(inner) == spec
    assert frag.count("</script>") == 2  # the spec element and the embed call, nothing from the data


def test_mimebundles(t):
    chart = charts.incident_timeline(t["incidents"], t["claims"])
    lab = charts.mimebundle(chart)
    assert set(lab) == {"application/vnd.vegalite.v5+json", "text/plain"}
    page = charts.mimebundle(chart, html_export=True)
    assert set(page) == {"text/html", "text/plain"} and "window.vegaEmbed" in page["text/html"]
    for bundle in (lab, page):  # both are valid notebook outputs (altair's own v6 type is not)
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("chart")])
        nb.cells[0].outputs = [nbformat.v4.new_output("display_data", data=bundle)]
        nbformat.validate(nb)


def test_enable_renderer(t):
    before = alt.renderers.active
    try:
        charts.enable_renderer(html_export=True)
        assert alt.renderers.active == "claimscope"
        bundle = charts.incident_timeline(t["incidents"], t["claims"])._repr_mimebundle_()
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        assert "text/html" in data and "cs-chart-spec" in data["text/html"]
        charts.enable_renderer()
        bundle = charts.incident_timeline(t["incidents"], t["claims"])._repr_mimebundle_()
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        assert "application/vnd.vegalite.v5+json" in data
    finally:
        alt.renderers.enable(before)


def test_html_export_displays_the_same_chart_without_revalidating(t):
    """In an IPython shell, the HTML export displays charts from
    to_dict(validate=False): the same output as altair's own (validating)
    display; JupyterLab's display (html_export=False) is altair's own."""
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    before = alt.renderers.active
    charts_ = [charts.incident_timeline(t["incidents"], t["claims"]),
               charts.casualty_ranges(t["claims"], t["casualties"], t["incidents"]),
               charts.casualty_ranges(t["claims"], t["casualties"], t["incidents"], incident_ids=[])]
    try:
        charts.enable_renderer(html_export=True)
        formatter = shell.display_formatter.mimebundle_formatter
        assert formatter.lookup_by_type(alt.FacetChart) is not None
        for chart in charts_:
            shown, _ = shell.display_formatter.format(chart)
            assert shown["text/html"] == charts.mimebundle(chart.to_dict(), html_export=True)["text/html"]
        charts.enable_renderer()
        with pytest.raises(KeyError):
            formatter.lookup_by_type(alt.FacetChart)
        shown, _ = shell.display_formatter.format(charts_[0])
        assert "application/vnd.vegalite.v5+json" in shown
    finally:
        shell.display_formatter.mimebundle_formatter.pop(alt.TopLevelMixin, None)
        alt.renderers.enable(before)
        InteractiveShell.clear_instance()


def test_casualty_colours_are_few_and_distinct_and_every_figure_has_its_row(t):
    """Colour says the outcome (a handful of colours that never repeat); the
    victims are in the row's label; two figures of one kind from one source
    are two rows told apart by their own words, not two bars on one row."""
    cas = t["casualties"]
    sohr = cas[cas["raw"].str.contains("3 to 4|three or four", case=False, regex=True)].head(1)
    assert len(sohr) == 1
    second = sohr.assign(min=9, max=9, raw="nine soldiers were killed")
    spec = charts.casualty_ranges(t["claims"], pd.concat([cas, second], ignore_index=True), t["incidents"]).to_dict()
    layer = spec["spec"]["layer"][0]["encoding"]["color"]
    assert layer["field"] == "outcome"
    domain, colours = layer["scale"]["domain"], layer["scale"]["range"]
    assert len(colours) == len(set(colours)) == len(domain) and "killed" in domain and "_" not in "".join(domain)
    rows = [r for r in _values(spec) if r["incident_id"] == "inc-saraqib-0905"]
    mine = [r["row"] for r in rows if r["source"] == "Syrian Observatory for Human Rights"]
    assert len(mine) == len(set(mine)) == 2 and any("“nine soldiers were killed”" in r for r in mine)
    assert all(" — " in r["row"] for r in rows)


def test_a_part_has_a_row_of_its_own_saying_so(t):
    """'15 of the wounded were in critical condition' (casualties.part) is no
    toll: never on one row with a toll of its kind, and its label says it."""
    cas = t["casualties"]
    sohr = cas[cas["raw"].str.contains("3 to 4|three or four", case=False, regex=True)].head(1)
    part = sohr.assign(min=2, max=2, raw="two of the dead were officers", part=True)
    spec = charts.casualty_ranges(t["claims"], pd.concat([cas, part], ignore_index=True), t["incidents"]).to_dict()
    rows = [r for r in _values(spec) if r["incident_id"] == "inc-saraqib-0905"
            and r["source"] == "Syrian Observatory for Human Rights"]
    assert [r["row"].endswith(", a part") for r in rows].count(True) == 1
    assert len({r["row"] for r in rows}) == len(rows)


def test_agreement_counts_what_the_verdicts_count(t):
    """An outlet 'conflicting' with the source it relays, and two sources
    agreeing on a date only, are not drawn as independent disagreement or
    corroboration: the profile's bars and the overview's matrix keep them apart."""
    comp = pd.DataFrame({
        "incident_id": ["i1", "i1", "i2", "i3"], "facet": ["casualties", "date", "casualties", "place"],
        "claim_a": ["c1", "c2", "c3", "c4"], "claim_b": ["c5", "c6", "c7", "c8"],
        "source_a": ["Monitor", "Monitor", "Monitor", "Monitor"], "source_b": ["Outlet", "Ministry", "Ministry", "Ministry"],
        "verdict": ["conflict", "agree", "conflict", "agree"], "detail": ["", "", "", ""],
        "relation": ["relay", "independent", "independent", "independent"]})
    sa = pd.DataFrame({"source_a": ["Ministry", "Monitor"], "source_b": ["Monitor", "Outlet"],
                       "shared_incidents": [3, 1], "agree": [2, 0], "conflict": [1, 1], "relayed": [0, 1]})
    bars = _values(charts.agreement_bars(sa, "Monitor", comparisons=comp).to_dict())
    got = {(r["b"], r["verdict"]): r["n"] for r in bars}
    assert got == {("Ministry", "agree on date or place only"): 2, ("Ministry", "conflict on substance"): 1,
                   ("Outlet", "conflict with a voice not independent of it"): 1}
    spec = charts.source_agreement_heatmap(sa, comp).to_dict()
    cells = {(r["a"], r["b"]): r for r in _values(spec)}
    assert not any("Outlet" in pair for pair in cells)   # only a relayed conflict: no cell of disagreement
    assert "1 source sharing incidents but never compared on substance" in _subtitle(spec)
    grey = spec["layer"][0]   # a cell with nothing compared is drawn grey, in a layer of its own
    assert grey["mark"]["color"] == "#dddddd" and grey["transform"] == [{"filter": "datum.compared == 0"}]
    ministry = cells[("Ministry", "Monitor")]
    assert (ministry["agree"], ministry["conflict"], ministry["agree_where"], ministry["agree_share"]) == (0, 1, 2, 0.0)


def test_a_conflict_between_one_states_voices_is_not_called_relayed(t):
    """Aligned voices (a ministry and its state's media) are neither relayed
    nor pooled: the bar's legend names what all three have in common."""
    comp = pd.DataFrame({"incident_id": ["i1"], "facet": ["casualties"], "claim_a": ["c1"], "claim_b": ["c2"],
                         "source_a": ["Ministry"], "source_b": ["State TV"], "verdict": ["conflict"], "detail": [""],
                         "relation": ["aligned"]})
    sa = pd.DataFrame({"source_a": ["Ministry"], "source_b": ["State TV"], "shared_incidents": [1], "agree": [0],
                       "conflict": [1], "relayed": [0]})
    got = {r["verdict"]: r["n"] for r in _values(charts.agreement_bars(sa, "Ministry", comparisons=comp).to_dict())}
    assert got == {"conflict with a voice not independent of it": 1}


def test_what_counts_as_substance_comes_from_the_knowledge(t, tmp_path):
    """The agreement charts count as substance the facets the run's
    knowledge says corroborate (align.yaml `corroborating_facets`, as compare
    reads them), and say so in their legends and notes."""
    from claimscope import load_knowledge

    assert charts.corroborating_facets() == ("casualties", "perpetrator", "responsibility", "cause")
    (tmp_path / "align.yaml").write_text("# provenance: written for this test\ncompare:\n  corroborating_facets: [date]\n",
                                         encoding="utf-8")
    k = load_knowledge(tmp_path)
    assert charts.corroborating_facets(k) == ("casualties", "perpetrator", "responsibility", "cause", "date")
    comp = pd.DataFrame({
        "incident_id": ["i1", "i2"], "facet": ["date", "place"], "claim_a": ["c1", "c2"], "claim_b": ["c3", "c4"],
        "source_a": ["Monitor", "Monitor"], "source_b": ["Ministry", "Ministry"], "verdict": ["agree", "agree"],
        "detail": ["", ""], "relation": ["independent", "independent"]})
    sa = pd.DataFrame({"source_a": ["Ministry"], "source_b": ["Monitor"], "shared_incidents": [2], "agree": [2],
                       "conflict": [0], "relayed": [0]})
    got = {r["verdict"]: r["n"] for r in _values(charts.agreement_bars(sa, "Monitor", comparisons=comp, knowledge=k).to_dict())}
    assert got == {"agree on substance": 1, "agree on place only": 1}
    spec = charts.source_agreement_heatmap(sa, comp, knowledge=k).to_dict()
    assert {r["a"]: r["agree"] for r in _values(spec)} == {"Ministry": 1, "Monitor": 1}
    assert "responsibility, cause or date;" in _subtitle(spec)
    builtin = charts.source_agreement_heatmap(sa, comp).to_dict()   # date is no substance: nothing compared
    assert _values(builtin)[0]["message"].startswith("No two independent sources were compared on casualties")
