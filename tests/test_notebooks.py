"""The notebooks: jupytext pairing, clean commits, documented parameters,
thin code, and real papermill runs in fresh kernels:

- each notebook with its default parameters in a fresh-clone layout (no
  tables yet, so it runs the pipeline on ../seeds itself, as in JupyterLab);
- each notebook with a non-default parameter on the seeds' real tables (and
  on the fixture tables, which always have incidents);
- the incident / source / comparison notebooks on empty tables;
- an unknown incident id fails with a clear error.

All runs execute once per session, two at a time, and the tests read the
executed notebooks.
"""

from __future__ import annotations

import concurrent.futures as cf
import html
import re
import shutil
from pathlib import Path
from typing import Any

import jupytext
import nbformat
import pytest
from papermill.exceptions import PapermillExecutionError
from papermill.translators import PythonTranslator

from claimscope import reports, schema
from claimscope.tables import read_tables, write_tables
from test_reports import FIXTURE, SEEDS, seed_tables

REPO = Path(__file__).resolve().parents[1]
NB_DIR = REPO / "notebooks"
PARAMETERS = {
    "corpus_overview": {"tables", "corpus", "date_from", "date_to", "governorate", "incident_pages", "knowledge", "html_export"},
    "incident": {"tables", "incident_id", "knowledge", "html_export"},
    "source_profile": {"tables", "source", "incident_pages", "knowledge", "html_export"},
    "compare_sources": {"tables", "source_a", "source_b", "knowledge", "html_export"},
}
NOTEBOOKS = sorted(PARAMETERS)
_RUNS: dict[str, dict[str, Any]] = {}


# ---------------------------------------------------------------- static checks
def _ipynb(name: str) -> nbformat.NotebookNode:
    return nbformat.read(NB_DIR / f"{name}.ipynb", as_version=4)


def _cells(nb) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.cell_type, c.source.strip(), tuple(c.metadata.get("tags", ()))) for c in nb.cells]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_paired_and_in_sync(name):
    nb = _ipynb(name)
    assert nb.metadata.get("jupytext", {}).get("formats") == "ipynb,py:percent"
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"
    paired = jupytext.read(NB_DIR / f"{name}.py")
    assert paired.metadata.get("jupytext", {}).get("formats") == "ipynb,py:percent"
    assert _cells(paired) == _cells(nb), f"{name}.ipynb and {name}.py differ: run `jupytext --sync notebooks/{name}.ipynb`"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_without_outputs(name):
    nbformat.validate(_ipynb(name))
    for cell in _ipynb(name).cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{name}: cell has outputs"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_parameters_tagged_and_documented(name):
    nb = _ipynb(name)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", ())]
    assert len(tagged) == 1, f"{name}: one cell tagged `parameters`"
    params = PythonTranslator.inspect(tagged[0])
    assert {p.name for p in params} == PARAMETERS[name]
    for p in params:
        assert len(p.help) > 15, f"{name}: parameter {p.name} has no comment documenting it"
        assert p.inferred_type_name in ("str", "bool"), f"{name}: parameter {p.name} has no type annotation"
    defaults = {p.name: eval(p.default) for p in params}  # literals only
    assert defaults["tables"] == "../outputs/tables" and defaults["html_export"] is False
    assert all(v == "" for k, v in defaults.items() if k not in ("tables", "html_export"))


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebooks_stay_thin(name):
    """Logic lives in lib/: code cells only import claimscope/IPython, call and chart."""
    for cell in _ipynb(name).cells:
        if cell.cell_type != "code":
            continue
        for line in cell.source.splitlines():
            assert not re.match(r"\s*(def|class|for|while|with|try|lambda)\b", line), f"{name}: {line!r}"
            m = re.match(r"\s*(?:from|import)\s+([\w.]+)", line)
            if m:
                assert m.group(1).split(".")[0] in ("claimscope", "IPython"), f"{name}: imports {m.group(1)}"


# ---------------------------------------------------------------- executions
def _first(values, fallback=None):
    return next(iter(values), fallback)


def _plan_runs(tmp_path_factory) -> dict[str, tuple[str, dict[str, Any], Path] | str]:
    """id -> (notebook, parameters, kernel cwd), or a reason the run is not possible."""
    base = Path(tmp_path_factory.getbasetemp())
    clone = base / "fresh_clone"
    (clone / "notebooks").mkdir(parents=True, exist_ok=True)
    for name in NOTEBOOKS:
        shutil.copy(NB_DIR / f"{name}.ipynb", clone / "notebooks")
    if not (clone / "seeds").exists():
        shutil.copytree(SEEDS, clone / "seeds")
    empty = base / "empty_tables"
    write_tables({n: schema.empty(n) for n in schema.TABLE_ORDER}, empty)
    seeds = seed_tables(tmp_path_factory)
    st = read_tables(seeds)
    counts = st["claims"]["source"].value_counts()
    runs: dict[str, Any] = {f"default:{n}": (n, {}, clone / "notebooks") for n in NOTEBOOKS}
    nb = NB_DIR
    dates = sorted(d for d in st["claims"]["event_date"].dropna() if d)
    runs["seeds:corpus_overview"] = ("corpus_overview", {
        "tables": str(seeds), "governorate": "Idlib",
        "date_from": dates[0] if dates else "2020-01-01", "date_to": dates[-1] if dates else "2024-12-31"}, nb)
    incident = _first(st["incidents"]["incident_id"])
    runs["seeds:incident"] = ("incident", {"tables": str(seeds), "incident_id": incident}, nb) if incident \
        else "the seeds' tables have no incidents yet (alignment stage not in the pipeline)"
    runs["seeds:source_profile"] = ("source_profile", {"tables": str(seeds), "source": counts.index[-1]}, nb) \
        if len(counts) else "the seeds' tables have no claims yet"
    sa = st["source_agreement"]
    runs["seeds:compare_sources"] = ("compare_sources", {
        "tables": str(seeds), "source_a": sa["source_b"].iloc[-1], "source_b": sa["source_a"].iloc[-1]}, nb) \
        if len(sa) else "no two sources share an incident in the seeds' tables yet"
    runs["fixture:incident"] = ("incident", {"tables": str(FIXTURE), "incident_id": "inc-gassaneyah-0527"}, nb)
    runs["fixture:compare_sources"] = ("compare_sources", {
        "tables": str(FIXTURE), "source_a": "Turkish Defense Ministry",
        "source_b": "Syrian Observatory for Human Rights"}, nb)
    for n in ("incident", "source_profile", "compare_sources"):
        runs[f"empty:{n}"] = (n, {"tables": str(empty)}, nb)
    runs["error:incident"] = ("incident", {"tables": str(FIXTURE), "incident_id": "no-such-incident"}, nb)
    return runs


def executed(tmp_path_factory) -> dict[str, Any]:
    """Run every planned notebook once per session (two at a time); id ->
    executed notebook, exception, or skip reason."""
    key = str(tmp_path_factory.getbasetemp())
    if key not in _RUNS:
        plan = _plan_runs(tmp_path_factory)
        results: dict[str, Any] = {k: v for k, v in plan.items() if isinstance(v, str)}

        def run(item):
            name, params, cwd = item
            try:
                return reports.execute_notebook(cwd / f"{name}.ipynb", parameters=params, cwd=cwd, timeout=300)
            except Exception as exc:  # noqa: BLE001 - inspected by the tests
                return exc

        todo = {k: v for k, v in plan.items() if not isinstance(v, str)}
        with cf.ThreadPoolExecutor(max_workers=2) as pool:
            for k, res in zip(todo, pool.map(run, todo.values())):
                results[k] = res
        _RUNS[key] = results
    return _RUNS[key]


def _result(tmp_path_factory, run_id: str) -> nbformat.NotebookNode:
    res = executed(tmp_path_factory)[run_id]
    if isinstance(res, str):
        pytest.skip(res)
    if isinstance(res, PapermillExecutionError):
        pytest.fail(f"{run_id}: cell {res.exec_count}: {res.ename}: {res.evalue}")
    if isinstance(res, Exception):
        raise res
    return res


def _outputs(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stdout":
                parts.append(out.get("text", ""))
            for mime in ("text/html", "text/plain"):
                if mime in out.get("data", {}):
                    parts.append(str(out["data"][mime]))
    return "\n".join(parts)


def _n_charts(nb) -> int:
    return sum("application/vnd.vegalite.v5+json" in out.get("data", {})
               for cell in nb.cells for out in cell.get("outputs", []))


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_runs_with_defaults_on_a_fresh_clone(tmp_path_factory, name):
    """Default parameters, kernel in notebooks/, no tables yet: the notebook
    runs the pipeline on ../seeds itself and renders every chart for
    JupyterLab (Vega-Lite MIME output, valid nbformat)."""
    nb = _result(tmp_path_factory, f"default:{name}")
    nbformat.validate(nb)
    text = _outputs(nb)
    assert "error" not in [o.get("output_type") for c in nb.cells for o in c.get("outputs", [])]
    expected_charts = {"corpus_overview": 5, "incident": 1, "source_profile": 2, "compare_sources": 1}[name]
    assert _n_charts(nb) == expected_charts
    if name == "corpus_overview":
        assert "pipeline run on the seeds" in text
        assert "<b>5</b> documents" in text.replace("\n", "")


@pytest.mark.slow
@pytest.mark.parametrize("run_id", ["seeds:corpus_overview", "seeds:incident", "seeds:source_profile",
                                    "seeds:compare_sources", "fixture:incident", "fixture:compare_sources"])
def test_runs_with_non_default_parameters(tmp_path_factory, run_id):
    nb = _result(tmp_path_factory, run_id)
    nbformat.validate(nb)
    params = nb.metadata.papermill.parameters
    text = _outputs(nb)
    name = run_id.split(":")[1]
    if name == "corpus_overview":
        assert "Filtered: from = " in text and "governorate = Idlib" in text
    if name == "incident":
        assert f"id {params['incident_id']}" in text
    if name == "source_profile":
        assert f"<h2>{html.escape(params['source'])}</h2>" in text
    if name == "compare_sources":
        assert html.escape(params["source_a"]) in text and html.escape(params["source_b"]) in text
    if run_id == "fixture:incident":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script>alert(1)" not in text
    if run_id == "fixture:compare_sources":
        assert "<b>1</b> shared incidents" in text.replace("\n", "") and "<b>2</b> agree" in text.replace("\n", "")


@pytest.mark.slow
@pytest.mark.parametrize("name", ["incident", "source_profile", "compare_sources"])
def test_runs_on_empty_tables(tmp_path_factory, name):
    text = _outputs(_result(tmp_path_factory, f"empty:{name}"))
    assert {"incident": "No incidents yet", "source_profile": "No claims yet",
            "compare_sources": "No two sources"}[name] in text


@pytest.mark.slow
def test_unknown_incident_fails_clearly(tmp_path_factory):
    res = executed(tmp_path_factory)["error:incident"]
    assert isinstance(res, PapermillExecutionError)
    assert res.ename == "ValueError" and "no-such-incident" in res.evalue
