"""Hostile user files: the overrides YAML (alias bombs, duplicate keys, folders,
pipes, unreadable files) and the bounded, printable messages about them."""

from __future__ import annotations

import os
import threading

import pytest

from claimscope.align import OverridesError, load_overrides
from claimscope.safeio import UnreadableFile, bounded, printable, read_regular, shorten


def _bomb(depth: int = 6, width: int = 9) -> str:
    """A 'billion laughs' overrides file: `width`**`depth` copies of two claim ids."""
    lines = ["split:", '  - &a0 ["cxxxxxxxxxxx", "cyyyyyyyyyyy"]']
    for i in range(1, depth + 1):
        lines.append(f"  - &a{i} [" + ",".join([f"*a{i - 1}"] * width) + "]")
    lines.append(f"merge: [*a{depth}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_with_a_short_message(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(_bomb(), encoding="utf-8")
    assert path.stat().st_size < 400
    with pytest.raises(OverridesError) as err:
        load_overrides(path)
    message = str(err.value)
    assert len(message) < 500, len(message)
    assert str(path) in message and "alias" in message and "line 3" in message


def test_a_huge_entry_is_quoted_in_a_bounded_message(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("merge:\n  - [" + ", ".join(f"[c{i}]" for i in range(3_000)) + "]\n", encoding="utf-8")
    with pytest.raises(OverridesError, match="merge entry 1") as err:
        load_overrides(path)
    assert len(str(err.value)) < 500


def test_duplicate_keys_are_an_error_naming_the_key_and_line(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("merge:\n  - [ca, cb]\nsplit: []\nmerge:\n  - [cc, cd]\n", encoding="utf-8")
    with pytest.raises(OverridesError) as err:
        load_overrides(path)
    message = str(err.value)
    assert "duplicate key 'merge'" in message and "line 4" in message and "first on line 1" in message
    nested = tmp_path / "nested.yaml"
    nested.write_text("assign:\n  ca: i1\n  cb: i2\n  ca: i3\n", encoding="utf-8")
    with pytest.raises(OverridesError, match=r"line 4.*duplicate key 'ca'"):
        load_overrides(nested)


def test_deep_nesting_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("merge: " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    with pytest.raises(OverridesError, match="not valid YAML"):
        load_overrides(path)


def test_a_folder_is_called_a_folder_not_missing(tmp_path):
    with pytest.raises(OverridesError, match="is a folder"):
        load_overrides(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "ov.yaml"
    os.mkfifo(fifo)
    result: list[BaseException] = []

    def load() -> None:
        try:
            load_overrides(fifo)
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread
            result.append(exc)

    t = threading.Thread(target=load, daemon=True)
    t.start()
    t.join(10)
    if t.is_alive():  # unblock the reader so the test process can end
        with open(fifo, "w"):
            pass
        pytest.fail("reading a named pipe blocked")
    assert isinstance(result[0], OverridesError) and "named pipe" in str(result[0])


def test_an_unreadable_file_is_a_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "ov.yaml"
    path.write_text("merge: []\n", encoding="utf-8")
    real_open = os.open

    def denied(p, *a, **k):
        if os.fspath(p) == str(path):
            raise PermissionError(13, "Permission denied", str(p))
        return real_open(p, *a, **k)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(OverridesError, match="cannot read: Permission denied"):
        load_overrides(path)


def test_read_regular_refuses_devices_and_oversized_files(tmp_path):
    with pytest.raises(UnreadableFile, match="character device"):
        read_regular("/dev/zero", max_bytes=10)
    big = tmp_path / "big"
    big.write_bytes(b"x" * 11)
    with pytest.raises(UnreadableFile, match=r"too large: 11 bytes, over the limit of 10 \(--max-x\)"):
        read_regular(big, max_bytes=10, limit_name="--max-x")
    assert read_regular(big, max_bytes=11) == b"x" * 11


def test_messages_are_bounded_and_printable():
    assert len(bounded(["x" * 10_000] * 10_000)) <= 300
    assert bounded({"a": [[[[1]]]]}) == "{'a': [[[...]]]}"
    assert printable("bad\x1b[31mname\r.txt") == "bad\\x1b[31mname\\x0d.txt"
    assert printable("tab\tand\nnewline") == "tab\tand\nnewline"
    long = shorten("column, " * 1000)
    assert len(long) <= 300 and long.endswith("more characters)") and long.startswith("column, column")
