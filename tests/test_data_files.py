"""The knowledge files under lib/claimscope/data: provenance and YAML hygiene."""

from importlib import resources

import pytest
import yaml

DATA = resources.files("claimscope").joinpath("data")
YAML_FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".yaml"))
CSV_FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".csv"))


@pytest.mark.parametrize("name", YAML_FILES + CSV_FILES)
def test_every_data_file_opens_with_a_provenance_comment(name):
    first = DATA.joinpath(name).read_text(encoding="utf-8").lstrip().splitlines()[0]
    assert first.startswith("#"), f"{name} must start with a comment on where its content comes from"


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
    data = yaml.safe_load(DATA.joinpath(name).read_text(encoding="utf-8"))
    assert list(_booleans_in_lists(data)) == []
