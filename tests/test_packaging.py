"""pyproject.toml and environment.yml must list the same runtime dependencies."""

import re
import tomllib
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_matches_pyproject_runtime_dependencies():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    conda = {_name(d) for d in env["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    pip = [d for d in env["dependencies"] if isinstance(d, dict)]
    pip_names = {_name(r) for block in pip for r in block.get("pip", []) if not r.startswith("-")}
    assert conda | pip_names == wanted
    assert any("-e ." in r for block in pip for r in block.get("pip", []))
    assert "conda-forge" in env["channels"]


def test_optional_extras_are_listed_in_environment_yml_too():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    env_text = (REPO / "environment.yml").read_text().lower()
    for extra, reqs in project.get("optional-dependencies", {}).items():
        if extra == "dev":
            continue
        for r in reqs:
            assert _name(r) in env_text, f"extra [{extra}] dependency {r} missing from environment.yml"
