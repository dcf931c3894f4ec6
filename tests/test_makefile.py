"""`make report` fails loudly when the report step fails. It used to run the
step only if `claimscope report --help` worked, so a broken report command
left no reports and exit status 0."""

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
REAL = REPO / ".venv" / "bin" / "claimscope"


def _make_report(out: Path, **variables: str) -> subprocess.CompletedProcess:
    args = [f"{k}={v}" for k, v in variables.items()]
    return subprocess.run(["make", "-C", str(REPO), "report", f"OUT={out}", *args],
                          capture_output=True, text=True, timeout=600)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")
@pytest.mark.skipif(not REAL.exists(), reason="no .venv: run `make install` first")
def test_make_report_fails_when_the_report_command_is_broken(tmp_path):
    fake = tmp_path / "bin"
    fake.mkdir()
    script = fake / "claimscope"
    script.write_text(f'#!/bin/sh\nif [ "$1" = report ]; then echo "claimscope: report is broken" >&2; exit 1; fi\n'
                      f'exec "{REAL}" "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    done = _make_report(tmp_path / "out", BIN=str(fake))
    assert done.returncode != 0, done.stdout[-2000:]
    assert "report is broken" in done.stderr
    assert (tmp_path / "out" / "tables" / "claims.csv").exists()  # the tables step ran
    assert not (tmp_path / "out" / "index.html").exists()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")
@pytest.mark.skipif(not REAL.exists(), reason="no .venv: run `make install` first")
def test_make_report_fails_on_a_bad_option(tmp_path):
    done = _make_report(tmp_path / "out", JOBS="0")
    assert done.returncode != 0 and "--jobs" in done.stderr
    done = _make_report(tmp_path / "out", INCIDENTS="some")
    assert done.returncode != 0 and "--incidents" in done.stderr
