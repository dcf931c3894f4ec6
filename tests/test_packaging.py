"""Packaging: pyproject.toml and environment.yml list the same runtime
dependencies, and a non-editable install makes reports (notebooks and
templates shipped in the package)."""

import os
import re
import tomllib
from pathlib import Path

import pytest
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


# ---------------------------------------------------------------- a non-editable install
def _source_copy(dest: Path) -> Path:
    """What `pip install .` needs from the checkout (no .venv, build/ or outputs/)."""
    import shutil

    dest.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy(REPO / name, dest / name)
    for folder in ("lib", "notebooks"):
        shutil.copytree(REPO / folder, dest / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints"))
    return dest


@pytest.mark.slow
def test_non_editable_install_reports_on_the_seeds(tmp_path):
    """`pip install .` (not editable) into a fresh venv, then `claimscope
    report` on the seeds' tables from another folder: the notebooks and
    templates come from the installed package, and they are the repository's.

    claimscope is built and installed offline (--no-deps, no build isolation);
    its dependencies are borrowed from this environment through a .pth file,
    since what is tested is claimscope's own packaging, not PyPI."""
    import subprocess
    import sys
    import sysconfig

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "zz_borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    src = _source_copy(tmp_path / "src")
    subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index", "-q", str(src)],
                   check=True, cwd=tmp_path)
    where = subprocess.run(
        [str(py), "-c", "import claimscope, claimscope.render as r; print(claimscope.__file__); "
                        "print(r.default_notebooks_dir())"],
        check=True, capture_output=True, text=True, cwd=tmp_path).stdout.split()
    assert Path(where[0]).is_relative_to(venv) and Path(where[1]).is_relative_to(venv), where
    for nb in sorted((REPO / "notebooks").glob("*.ipynb")):  # shipped as they are in notebooks/
        assert (Path(where[1]) / nb.name).read_bytes() == nb.read_bytes(), nb.name

    # the borrowed dependencies' data files (nbconvert's templates) are where they were installed
    env = dict(os.environ, JUPYTER_PATH=str(Path(sys.prefix) / "share" / "jupyter"))
    env.pop("PYTHONPATH", None)
    cli = venv / "bin" / "claimscope"
    subprocess.run([str(cli), "run", str(REPO / "seeds"), "--out", str(tmp_path / "tables"), "--quiet"],
                   check=True, cwd=tmp_path, env=env)
    done = subprocess.run([str(cli), "report", "--tables", "tables", "--out", "out", "--jobs", "2", "--no-progress"],
                          capture_output=True, text=True, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    pages = list((tmp_path / "out" / "reports").glob("*.html"))
    assert (tmp_path / "out" / "index.html").is_file() and len(pages) > 5
    assert any(p.name.startswith("incident-") for p in pages) and (tmp_path / "out" / "reports" / "overview.html").is_file()
