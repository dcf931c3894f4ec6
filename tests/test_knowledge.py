"""Knowledge packs: layering, validation, the frozen picklable object, a
non-Syrian corpus geocoded from a minimal places.csv, and no knowledge kept at
module level."""

from __future__ import annotations

import ast
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import claimscope
from claimscope import KnowledgeError, load_knowledge
from claimscope.attribution import canonical_source
from claimscope.knowledge import FrozenMap, pack_files
from claimscope.places import find_places, gazetteer

from builtin_knowledge import K

REPO = Path(__file__).resolve().parents[1]
LIB = REPO / "lib" / "claimscope"

PLACES_CSV = """# Test pack: towns of eastern Ukraine (coordinates rounded, for a test).
name,admin1,country,lat,lon,aliases
Izium,Kharkiv Oblast,Ukraine,49.21,37.26,Izyum
Balakliia,Kharkiv Oblast,Ukraine,49.46,36.86,Balakleya;Balakliya
Kramatorsk,Donetsk Oblast,Ukraine,48.72,37.56,
Sloviansk,Donetsk Oblast,Ukraine,48.87,37.62,Slovyansk
"""

ARTICLES = {
    "izium.txt": ("Shelling hits Izyum\n\n"
                  "Russian artillery shelled the town of Izyum in Kharkiv Oblast on March 3, 2022, killing at least "
                  "4 civilians, local officials said. Fighting was also reported near Balakleya.\n"),
    "kramatorsk.txt": ("Missile strike on Kramatorsk station\n\n"
                       "A missile strike hit the railway station in Kramatorsk on April 8, 2022, killing 50 people, "
                       "the regional governor said. Trains to Sloviansk were stopped.\n"),
}


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("ukraine_pack")
    (d / "places.csv").write_text(PLACES_CSV, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("ukraine_articles")
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


# --------------------------------------------------------------------------- a non-Syrian corpus

def test_minimal_places_pack_geocodes_another_country(pack, corpus):
    tables = claimscope.run([corpus], knowledge=pack)
    claims = tables.claims.set_index("doc_id")
    izium = tables.claims[tables.claims["doc_id"] == "izium"]
    row = izium[izium["places"].str.contains("Izium")].iloc[0]
    assert row["governorate"] == "Kharkiv Oblast" and row["governorate_source"] == "sentence"
    assert (row["lat"], row["lon"]) == (49.21, 37.26)
    assert "Izyum" in row["places_raw"]                      # the alias as written, the pack's name as canonical
    kram = tables.claims[tables.claims["doc_id"] == "kramatorsk"].iloc[0]
    assert kram["places"].split(";")[0] == "Kramatorsk" and kram["governorate"] == "Donetsk Oblast"
    docs = tables.documents.set_index("doc_id")["governorate"]
    assert docs["izium"] == "Kharkiv Oblast" and docs["kramatorsk"] == "Donetsk Oblast"
    places = tables.mentions[tables.mentions["kind"] == "place"]
    entries = dict(zip(places["name"], places["entry"]))
    assert entries["Izium"].startswith("places.csv:") and entries["Kharkiv Oblast"] == "admin1"
    assert {"Balakliia", "Sloviansk"} <= set(places["name"])
    assert set(claims.index) == {"izium", "kramatorsk"}
    assert set(tables.incidents["governorate"].dropna()) <= {"Kharkiv Oblast", "Donetsk Oblast"}


def test_without_the_pack_those_places_are_not_geocoded(corpus):
    tables = claimscope.run([corpus])
    assert not tables.mentions["name"].isin(["Izium", "Kramatorsk"]).any()
    assert tables.claims["lat"].isna().all()


def test_cli_takes_the_pack(pack, corpus, tmp_path):
    from claimscope.cli import main

    assert main(["run", str(corpus), "--out", str(tmp_path / "t"), "--knowledge", str(pack), "--quiet"]) == 0
    assert "Kharkiv Oblast" in (tmp_path / "t" / "claims.csv").read_text(encoding="utf-8")


def test_a_packs_country_and_admin1_are_places_not_foreign(pack):
    k = load_knowledge(pack)
    got = {m.name: m for m in find_places("Clashes in Ukraine, in Donetsk Oblast, near Slovyansk.", knowledge=k)}
    assert got["Ukraine"].precision == "country"
    assert got["Donetsk Oblast"].precision == "governorate" and got["Donetsk Oblast"].governorate == "Donetsk Oblast"
    assert got["Sloviansk"].precision == "near_town" and got["Sloviansk"].lat == 48.87
    assert "Ukraine" not in {m.name for m in find_places("Clashes in Ukraine.", knowledge=K)}  # built-in: foreign


def test_builtin_places_stay_with_a_pack(pack):
    k = load_knowledge(pack)
    assert [m.name for m in find_places("Shelling near Saraqib.", knowledge=k)] == ["Saraqib"]
    # the built-in gazetteer is unchanged and comes first: same places, same order
    assert gazetteer(k).places[: len(gazetteer(K).places)] == gazetteer(K).places


# --------------------------------------------------------------------------- layering

def test_yaml_extends_named_entries_and_lists(tmp_path):
    (tmp_path / "sources.yaml").write_text(
        "# test pack\nsources:\n"
        "  - {name: Syrian Observatory for Human Rights, aliases: [the Coventry watchers]}\n"
        "  - {name: Kyiv Independent, type: media, side: independent, aliases: [Kyiv Independent]}\n",
        encoding="utf-8")
    (tmp_path / "lexicon.yaml").write_text("# test pack\nhedges: [ostensibly]\n", encoding="utf-8")
    k = load_knowledge(tmp_path)
    sohr = canonical_source("the Coventry watchers", knowledge=k)
    assert sohr is not None and sohr.name == "Syrian Observatory for Human Rights" and sohr.type == "monitor"
    assert canonical_source("SOHR", knowledge=k).name == sohr.name          # built-in aliases kept
    assert canonical_source("Kyiv Independent", knowledge=k).type == "media"  # a new entry appended
    assert "ostensibly" in k.lexicon["hedges"] and "reportedly" in k.lexicon["hedges"]
    assert canonical_source("the Coventry watchers", knowledge=K) is None     # the built-in object is untouched


def test_scalars_are_replaced_and_replace_true_replaces_a_file(tmp_path):
    (tmp_path / "align.yaml").write_text("# test pack\nmax_km: 20\n", encoding="utf-8")
    (tmp_path / "sentences.yaml").write_text("# test pack\nreplace: true\nabbreviations: [xyz]\nsentence_openers: []\n",
                                             encoding="utf-8")
    k = load_knowledge(tmp_path)
    assert k.align["max_km"] == 20 and k.align["same_place"] == K.align["same_place"]
    assert list(k.sentences["abbreviations"]) == ["xyz"] and "replace" not in k.sentences


def test_packs_layer_in_order(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "align.yaml").write_text("max_km: 20\n", encoding="utf-8")
    (b / "align.yaml").write_text("max_km: 30\n", encoding="utf-8")
    assert load_knowledge(a, b).align["max_km"] == 30 and load_knowledge(b, a).align["max_km"] == 20
    assert claimscope.knowledge.as_knowledge([a, b]).align["max_km"] == 30


@pytest.mark.parametrize("files, message", [
    ({"place.csv": "name\nX\n"}, "unknown file place.csv"),
    ({"places.csv": "name,lat,lon\nX,1,2\n"}, "missing column"),
    ({"places.csv": "name,admin1,country,lat,lon,aliases\nX,A,C,91,2,\n"}, "off the globe"),
    ({"places.csv": "name,admin1,country,lat,lon,aliases\nX,A,C,1,,\n"}, "both lat and lon"),
    ({"places.csv": "name,admin1,country,lat,lon,aliases\n,A,C,,,\n"}, "empty name"),
    ({"sources.yaml": "sources: [unclosed\n"}, "not valid YAML"),
    ({"align.yaml": "max_km: [1, 2]\n"}, "cannot be layered"),
])
def test_bad_packs_are_refused_naming_the_file(tmp_path, files, message):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=message) as err:
        load_knowledge(tmp_path)
    assert isinstance(err.value, claimscope.ClaimscopeError)


def test_a_packs_files_are_read_like_any_user_file(tmp_path):
    import os

    (tmp_path / "lexicon.yaml").write_text("a: &x [hedge]\nhedges: *x\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="alias"):
        load_knowledge(tmp_path)
    (tmp_path / "lexicon.yaml").unlink()
    os.mkfifo(tmp_path / "places.csv")  # a pipe is never opened for a blocking read
    with pytest.raises(KnowledgeError, match="named pipe"):
        load_knowledge(tmp_path)


def test_a_pack_must_be_a_folder(tmp_path):
    with pytest.raises(KnowledgeError, match="not a folder"):
        load_knowledge(tmp_path / "missing")
    with pytest.raises(KnowledgeError):
        claimscope.run([REPO / "seeds"], knowledge=tmp_path / "missing")


def test_a_pack_may_hold_notes(tmp_path):
    (tmp_path / "README.md").write_text("notes", encoding="utf-8")
    assert load_knowledge(tmp_path).align == K.align


# --------------------------------------------------------------------------- the object

def test_knowledge_is_frozen_and_read_only():
    with pytest.raises(AttributeError):
        K.align = {}  # type: ignore[misc]
    assert isinstance(K.align, FrozenMap)
    with pytest.raises(TypeError):
        K.align["max_km"] = 1  # type: ignore[index]
    assert isinstance(K.dates["months"][1]["names"], tuple)


def test_knowledge_pickles_with_its_compiled_forms(tmp_path):
    find_places("Shelling near Saraqib.", knowledge=K)  # compile the place patterns and the gazetteer
    assert pickle.loads(pickle.dumps(K)) is K            # a process that holds it gets it back, warm
    other = load_knowledge()
    assert pickle.loads(pickle.dumps(other)) is other and other is not K
    (tmp_path / "k.pickle").write_bytes(pickle.dumps(K))
    code = ("import pickle, sys\n"
            "from claimscope.places import find_places, gazetteer\n"
            "k = pickle.loads(open(sys.argv[1], 'rb').read())\n"
            "assert not gazetteer(k)._index.memo, 'memos arrive empty'\n"
            "print([m.name for m in find_places('Shelling near Saraqeb.', knowledge=k)], k.align['max_km'])\n")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "k.pickle")], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"['Saraqib'] {K.align['max_km']}"


def test_every_pack_file_is_a_knowledge_field():
    files = pack_files()
    assert files["places"] == "places.csv" and files["outline"] == "outline.geojson"
    assert len(set(files.values())) == len(files)


# --------------------------------------------------------------------------- no module-level knowledge

# File-format tables and a pure date parser may be memoised at module level;
# nothing read from a knowledge pack may.
_ALLOWED_MODULE_CACHES = {("ingest", "_ingest_yaml"), ("ingest", "_formats"), ("ingest", "_markup_re"),
                          ("dates", "_ordinal")}
_STAGES = ("sentences", "attribution", "actors", "casualties", "dates", "events", "places", "claims", "align",
           "compare", "ingest", "charts", "resources", "knowledge", "evaluate", "engines", "pipeline")


@pytest.mark.parametrize("module", _STAGES)
def test_no_module_level_knowledge_cache(module):
    tree = ast.parse((LIB / f"{module}.py").read_text(encoding="utf-8"))
    cached = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for dec in node.decorator_list:
                src = ast.unparse(dec)
                if "lru_cache" in src or src.endswith("cache"):
                    cached.append(node.name)
    assert [n for n in cached if (module, n) not in _ALLOWED_MODULE_CACHES] == []


def test_stage_functions_need_the_knowledge_passed():
    with pytest.raises(TypeError):
        find_places("Shelling near Saraqib.")  # type: ignore[call-arg]


def test_package_top_exports_the_knowledge():
    code = "import claimscope as c; c.run, c.read_tables, c.write_tables, c.report, c.load_knowledge, c.Knowledge"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
