"""The knowledge files under lib/claimscope/data: provenance, YAML hygiene and
the pack layout (every file a pack holds is a Knowledge field, every required
field is in a built-in pack)."""

import json
from dataclasses import fields
from pathlib import Path

import pytest
import yaml

from claimscope.knowledge import BUILTIN_PACKS, MAX_PACK_FILE_BYTES, Knowledge, pack_files
from claimscope.safeio import load_user_yaml

DATA = Path(__file__).resolve().parents[1] / "lib" / "claimscope" / "data"
YAML_FILES = sorted(str(p.relative_to(DATA)) for p in DATA.rglob("*.yaml"))
CSV_FILES = sorted(str(p.relative_to(DATA)) for p in DATA.rglob("*.csv"))
PACK_FILES = sorted(str(p.relative_to(DATA)) for pack in BUILTIN_PACKS for p in (DATA / pack).iterdir())


def test_the_layout_has_a_language_and_a_region_pack():
    assert BUILTIN_PACKS == ("lang/en", "syria")
    assert len(YAML_FILES) == 22 and len(CSV_FILES) == 3
    # outside the packs: file formats, and the UCDP vocabulary `make eval` scores against
    assert sorted(p.name for p in DATA.iterdir() if p.is_file()) == ["ingest.yaml", "ucdp_crosswalk.yaml"]


@pytest.mark.parametrize("name", YAML_FILES + CSV_FILES)
def test_every_data_file_opens_with_a_provenance_comment(name):
    first = (DATA / name).read_text(encoding="utf-8").lstrip().splitlines()[0]
    assert first.startswith("#"), f"{name} must start with a comment on where its content comes from"


def test_the_outline_carries_its_provenance_in_metadata():
    meta = json.loads((DATA / "syria" / "outline.geojson").read_text(encoding="utf-8"))["metadata"]
    assert meta["source"] and meta["licence"] and meta["derived"]


@pytest.mark.parametrize("name", PACK_FILES)
def test_every_file_in_a_builtin_pack_is_a_knowledge_field(name):
    assert Path(name).name in set(pack_files().values()), f"{name}: no Knowledge field reads it"


def test_every_required_field_is_in_a_builtin_pack():
    present = {Path(n).name for n in PACK_FILES}
    for f in fields(Knowledge):
        if f.metadata.get("required"):
            assert f.metadata["file"] in present, f.metadata["file"]


def _booleans_in_lists(node, path=""):
    """YAML 1.1 reads unquoted on/off/yes/no as booleans: in a word list that
    silently drops the word."""
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(k, bool):
                yield f"{path}/{k!r} (key)"
            yield from _booleans_in_lists(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            if isinstance(v, bool):
                yield f"{path}[{i}]"
            else:
                yield from _booleans_in_lists(v, f"{path}[{i}]")


@pytest.mark.parametrize("name", YAML_FILES)
def test_no_word_list_item_is_read_as_a_boolean(name):
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    assert list(_booleans_in_lists(data)) == []


@pytest.mark.parametrize("name", [n for n in YAML_FILES if n.startswith(("lang/", "syria/"))])
def test_pack_yaml_files_are_mappings(name):
    assert isinstance(yaml.safe_load((DATA / name).read_text(encoding="utf-8")), dict)


@pytest.mark.parametrize("name", YAML_FILES)
def test_no_key_is_written_twice(name):
    """The built-in packs are read with PyYAML's fast loader, where a repeated
    key silently keeps the last value (one lexicon then replaces another that
    shares its name); users' packs go through `load_user_yaml`, which refuses
    repeated keys: the built-in files pass the same check."""
    load_user_yaml(DATA / name, error=AssertionError, what="data file", max_bytes=MAX_PACK_FILE_BYTES)


def _repeated_words(node, path=""):
    """Word lists holding an entry twice: harmless to the reader, but a sign
    that an edit meant for one place landed in another (and a list is read as
    a set wherever it is used)."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _repeated_words(v, f"{path}/{k}")
    elif isinstance(node, list):
        words = [v for v in node if isinstance(v, str)]
        yield from (f"{path}: {w!r}" for w in sorted({w for w in words if words.count(w) > 1}))
        for i, v in enumerate(node):
            yield from _repeated_words(v, f"{path}[{i}]")


@pytest.mark.parametrize("name", YAML_FILES)
def test_no_word_list_holds_an_entry_twice(name):
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    assert list(_repeated_words(data)) == []
