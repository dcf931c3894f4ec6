"""Regenerate the table column reference (docs/tables.md) from claimscope.schema.

    python tools/sync_readme.py        # rewrite the section in place
    python tools/sync_readme.py --check  # exit 1 when it is out of date
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from claimscope.schema import markdown

README = Path(__file__).resolve().parents[1] / "docs" / "tables.md"  # the column reference the README links
SECTION = re.compile(r"(<!-- tables:begin[^>]*-->\n)(.*?)(<!-- tables:end -->)", re.S)


def synced(text: str) -> str:
    if not SECTION.search(text):
        raise SystemExit(f"{README} has no <!-- tables:begin --> ... <!-- tables:end --> section")
    return SECTION.sub(lambda m: m.group(1) + "\n" + markdown() + "\n" + m.group(3), text, count=1)


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    new = synced(text)
    if "--check" in argv:
        return 0 if new == text else 1
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
