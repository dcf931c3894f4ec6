"""Read the files a user hands us without hanging, exhausting memory or
flooding the terminal.

Articles, tables, manifests and the overrides file come from outside: they
may be named pipes (reading one blocks forever), devices (`/dev/zero` never
ends), folders, huge files, or YAML built to explode (an alias bomb expands a
few hundred bytes into gigabytes). Everything claimscope reads from a user
goes through `open_regular`/`read_regular`; user YAML through `load_user_yaml`; values and
names quoted back in messages through `bounded` and `printable`.
"""

from __future__ import annotations

import os
import reprlib
import stat
from typing import Any, BinaryIO

import yaml

__all__ = [
    "MAX_USER_YAML_BYTES",
    "UnreadableFile",
    "bounded",
    "file_kind",
    "load_user_yaml",
    "open_regular",
    "printable",
    "read_regular",
    "shorten",
]

#: Largest user YAML file read (an overrides file of ~100,000 entries).
MAX_USER_YAML_BYTES = 10_000_000

_MESSAGE_MAX = 300  # characters of a user value quoted in a message


class UnreadableFile(Exception):
    """A file cannot be used; `reason` says why in words ("is a folder, not a
    file", "not a regular file (named pipe)", "cannot read: Permission denied",
    "too large: ...")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words, from its `st_mode`."""
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def _os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """The regular file at `path` (symbolic links followed), opened for
    binary reading.

    The file is opened without blocking and checked on the open descriptor,
    so a named pipe or device is refused without hanging, even when it
    replaced a regular file after a directory listing. Raises
    `UnreadableFile` for a missing file, a folder, anything but a regular
    file, or an unreadable one."""
    p = os.fspath(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(p, flags)
    except FileNotFoundError:
        raise UnreadableFile("broken symbolic link" if os.path.islink(p) else "not found") from None
    except IsADirectoryError:
        raise UnreadableFile("is a folder, not a file") from None
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {_os_reason(exc)}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise UnreadableFile("is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableFile(f"not a regular file ({file_kind(st.st_mode)})")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | os.PathLike[str], *, max_bytes: int, limit_name: str = "") -> bytes:
    """The bytes of the regular file at `path`, as `open_regular` opens it.
    Raises `UnreadableFile` as `open_regular` does, and for a file larger
    than `max_bytes` (`limit_name`, e.g. "--max-bytes", is named in that
    message)."""
    flag = f" ({limit_name})" if limit_name else ""
    with open_regular(path) as fh:
        try:
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                raise UnreadableFile(f"too large: {size:,} bytes, over the limit of {max_bytes:,}{flag}")
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise UnreadableFile(f"cannot read: {_os_reason(exc)}") from None
    if len(data) > max_bytes:  # grew while we read it
        raise UnreadableFile(f"too large: over the limit of {max_bytes:,} bytes{flag}")
    return data


_REPR = reprlib.Repr()
_REPR.maxstring = 80
_REPR.maxother = 80
_REPR.maxlist = _REPR.maxtuple = _REPR.maxset = _REPR.maxfrozenset = _REPR.maxdict = 6
_REPR.maxlevel = 3


def bounded(value: Any, limit: int = _MESSAGE_MAX) -> str:
    """A repr of `value` short enough for a message (reprlib-style: long
    strings and containers are elided with '...'), never over `limit`
    characters, with control characters escaped."""
    text = printable(_REPR.repr(value))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def shorten(text: str, limit: int = _MESSAGE_MAX) -> str:
    """`text` (an error message, a list of names) cut to `limit` characters
    for a message, saying how much was left out, control characters escaped."""
    text = printable(text)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 30]}... ({len(text) - limit + 30:,} more characters)"


_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if c not in (0x09, 0x0A)}
# bidirectional overrides and isolates can make a file name read backwards
_CONTROL.update({c: f"\\u{c:04x}" for c in (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def printable(text: str) -> str:
    """`text` safe to print on a terminal: control characters (ANSI escape
    sequences, carriage returns, bidi overrides) shown as ``\\x1b``-style
    escapes; tabs and newlines kept."""
    return text.translate(_CONTROL)


# ---------------------------------------------------------------------------
# User YAML: no aliases, no duplicate keys, bounded size and depth.


class _UserYamlLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases (the only way a small YAML file grows
    into a huge value) and duplicate mapping keys (YAML keeps the last one
    silently, dropping the analyst's first block)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"alias *{shorten(str(event.anchor), 60)} is not allowed here (write the values out)",
                event.start_mark,
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
            first: dict[Any, int] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    seen = first.get(key)
                except TypeError:  # unhashable key: the base class reports it
                    continue
                if seen is not None:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {bounded(key, 80)} (first on line {seen + 1}); "
                        "YAML would keep only the last one: write each key once", key_node.start_mark)
                first[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


def load_user_yaml(
    path: str | os.PathLike[str],
    *,
    error: type[Exception] = ValueError,
    what: str = "file",
    max_bytes: int = MAX_USER_YAML_BYTES,
) -> Any:
    """Parse the YAML file a user gave, or raise `error` with a message that
    names the file, the line and the problem, never longer than a few hundred
    characters.

    Refused: a missing, unreadable or non-regular file, one over `max_bytes`,
    text that is not UTF-8, YAML that does not parse, aliases (``*name``),
    duplicate keys, nesting too deep to parse."""
    origin = printable(str(path))
    try:
        data = read_regular(path, max_bytes=max_bytes)
    except UnreadableFile as exc:
        raise error(f"{origin}: {what}: {exc.reason}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{origin}: not valid YAML (not UTF-8 text: undecodable byte at position {exc.start})") from None
    try:
        return yaml.load(text, Loader=_UserYamlLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f", line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        problem = problem if len(problem) <= _MESSAGE_MAX else problem[: _MESSAGE_MAX - 3] + "..."
        raise error(f"{origin}{where}: not valid YAML ({printable(problem)})") from None
    except yaml.YAMLError as exc:
        raise error(f"{origin}: not valid YAML ({type(exc).__name__}: {bounded(str(exc))})") from None
    except RecursionError:
        raise error(f"{origin}: not valid YAML (nested too deeply)") from None
