"""The README documents every table column, flag and notebook parameter."""

import importlib.util
from pathlib import Path

from claimscope import schema
from claimscope.cli import build_parser

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
TABLES_DOC = (REPO / "docs" / "tables.md").read_text(encoding="utf-8")  # the generated column reference


def test_table_section_is_generated_from_the_schema():
    spec = importlib.util.spec_from_file_location("sync_readme", REPO / "tools" / "sync_readme.py")
    sync = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sync)
    assert sync.synced(TABLES_DOC) == TABLES_DOC, "run: python tools/sync_readme.py"
    for cols in schema.TABLES.values():
        for c in cols:
            assert f"| `{c.name}` |" in TABLES_DOC
    assert "(docs/tables.md)" in README   # the README links the reference


def test_every_cli_flag_is_documented():
    parser = build_parser()
    for action in parser._subparsers._group_actions[0].choices.values():
        for a in action._actions:
            for flag in a.option_strings:
                if flag.startswith("--") and flag not in ("--help",):
                    assert flag in README, f"{flag} is not documented in README.md"


def test_the_two_commands_come_first():
    assert README.index("make report") < README.index("## Command line")
    assert README.index("make test") < README.index("## Command line")


def test_every_notebook_parameter_is_documented():
    import ast

    import nbformat

    for nb_path in sorted((REPO / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(nb_path, as_version=4)
        cells = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(cells) == 1, f"{nb_path.name}: one cell tagged 'parameters'"
        names = [t.id for node in ast.parse(cells[0].source).body if isinstance(node, (ast.Assign, ast.AnnAssign))
                 for t in (node.targets if isinstance(node, ast.Assign) else [node.target]) if isinstance(t, ast.Name)]
        assert names, nb_path.name
        section = README[README.index(f"`{nb_path.stem}`"):]
        for name in names:
            assert f"`{name}`" in section, f"{nb_path.stem}: parameter {name} not documented"


def test_bad_input_section_covers_the_hostile_inputs():
    section = README[README.index("## Bad input"):README.index("## Tables")]
    for phrase in ("no usable documents", "named pipe", "outside the corpus folder", "cannot be listed",
                   "--max-table-bytes", "aliases or repeated keys", "another run is writing", "TablesError",
                   "--csv-safe", "byte-order mark", "same id", "control characters"):
        assert phrase in section, phrase
