"""Screenshots of the exported reports for the README (docs/img/).

    .venv/bin/python tools/screenshots.py [--reports outputs] [--out docs/img]

Run `make report` first. Takes the index, the corpus overview and the most
conflicted incident report (the first incident linked from index.html, which
lists incidents most conflicted first: with the seeds and the cross-document
example corpus, a contested incident told by several reports) with headless Chromium, networking off, the
same way the browser test opens them. Needs the Debian package `chromium`.
Exit status 1 when a report or the browser is missing.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def shoot(browser: str, page: Path, png: Path, *, width: int, height: int) -> None:
    """Render `page` offline at width x height CSS pixels into `png`, after
    letting its scripts (the charts) run for up to 10 s of virtual time."""
    with tempfile.TemporaryDirectory(prefix="claimscope-shot-") as profile:
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
             "--disable-background-networking", "--disable-component-update", "--hide-scrollbars",
             "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", f"--user-data-dir={profile}",
             "--force-device-scale-factor=1", f"--window-size={width},{height}", "--virtual-time-budget=10000",
             f"--screenshot={png}", page.resolve().as_uri()],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120,
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", default=str(REPO / "outputs"), help="folder with index.html (default: outputs)")
    ap.add_argument("--out", default=str(REPO / "docs" / "img"), help="folder for the PNGs (default: docs/img)")
    ap.add_argument("--width", type=int, default=1200)
    args = ap.parse_args(argv)
    browser = next((b for b in BROWSERS if shutil.which(b)), None)
    if browser is None:
        print("screenshots: no Chromium found (apt-get install chromium)", file=sys.stderr)
        return 1
    reports, out = Path(args.reports), Path(args.out)
    index = reports / "index.html"
    if not index.is_file():
        print(f"screenshots: {index} not found; run `make report` first", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    status = 0
    targets = [("index.png", index, 900), ("overview.png", reports / "reports" / "overview.html", 1700)]
    first = re.search(r'href="(reports/incident-[A-Za-z0-9_-]+\.html)"', index.read_text(encoding="utf-8"))
    if first:
        targets.append(("incident.png", reports / first.group(1), 1500))
    else:
        print("screenshots: index.html links no incident report (no incident has two accounts yet)", file=sys.stderr)
        status = 1
    for name, page, height in targets:
        if not page.is_file():
            print(f"screenshots: {page} not found", file=sys.stderr)
            status = 1
            continue
        shoot(browser, page, out / name, width=args.width, height=height)
        print(f"screenshots: {out / name} <- {page.relative_to(reports)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
