"""Knowledge packs: the gazetteer, lexicons and taxonomies a run reads, as one object.

Everything claimscope knows about a language (cue words, number and date
words, sentence rules) and about a theatre of conflict (gazetteer, admin-1
units, map outline, transliteration folds, actors, sources, outlets) lives in
data files, grouped in folders called *packs*. `load_knowledge` reads the
built-in packs (``data/lang/en`` for English, ``data/syria`` for Syria) and
any user packs layered over them into one frozen, picklable `Knowledge`
object, which every stage receives explicitly: there is no module-level copy
of any of it.

Layering (each pack over the ones before it; a file a pack lacks is simply
not layered):

* **YAML files extend.** Mappings merge key by key; lists grow (entries
  already present are not repeated); list entries that are named (a `name`,
  `type` or `group` key: actors, sources, outlets, admin-1 units, regions,
  event types, victims groups) merge by that name, so a pack can add aliases
  to a built-in actor by repeating its name with the new aliases only; any
  other value (a threshold, a weight, a regex) is replaced. A YAML file whose
  top level has ``replace: true`` replaces the layers below instead.
* **CSV files extend**: their rows are added (`places.csv`, the gazetteer
  files).
* **outline.geojson replaces** the outline below it (one map per run).

A minimal user pack is one `places.csv` (columns ``name,admin1,country,lat,
lon,aliases``; aliases `;`-joined; optional ``kind`` and ``population``).

Compiled forms (regexes, gazetteer indexes) are built from the data the first
time a stage asks (`Knowledge.derived`) and kept in the object; they travel
with it to worker processes, where bounded memos (`Memo`) start empty. A
knowledge object arriving in a process that already holds it (a forked pool
worker, or the second task of a worker) is that object, not a new copy, so
its compiled forms and warm memos are reused; objects are told apart by a
token drawn when they are made, never by their content.
Adding a lexicon is one data file (with a provenance header) in a pack
folder plus one `pack_file` field below.
"""

from __future__ import annotations

import csv
import io
import json
import os
import uuid
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from .errors import KnowledgeError
from .safeio import UnreadableFile, load_user_yaml, printable, read_regular

__all__ = [
    "Knowledge",
    "KnowledgeError",
    "FrozenMap",
    "Memo",
    "BUILTIN_PACKS",
    "PLACES_COLUMNS",
    "load_knowledge",
    "as_knowledge",
    "pack_files",
    "pack_digest",
]

T = TypeVar("T")

#: Built-in packs, relative to the package's data folder, in layering order.
BUILTIN_PACKS: tuple[str, ...] = ("lang/en", "syria")
#: Columns a pack's places.csv must have.
PLACES_COLUMNS: tuple[str, ...] = ("name", "admin1", "country", "lat", "lon", "aliases")
_IGNORED_SUFFIXES = (".md", ".txt", ".rst", ".license")
#: Largest file a user's pack may hold (a gazetteer of a large country).
MAX_PACK_FILE_BYTES = 200_000_000

try:  # the C loader parses the packs several times faster; same results
    _YamlLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _YamlLoader = yaml.SafeLoader


# =============================================================================== frozen data

class FrozenMap(Mapping[str, Any]):
    """A read-only mapping (the YAML mappings of a pack): knowledge shared by
    every stage and worker must not change under them."""

    __slots__ = ("_d",)
    _d: dict[str, Any]

    def __init__(self, data: Mapping[str, Any] | Iterable[tuple[str, Any]] = ()) -> None:
        object.__setattr__(self, "_d", dict(data))

    def __getitem__(self, key: str) -> Any:
        return self._d[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)

    def __repr__(self) -> str:
        return f"FrozenMap({self._d!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self._d) == dict(other)

    def __hash__(self) -> int:
        return hash(tuple(self._d))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("FrozenMap is read-only")

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._d,))


def freeze(value: Any) -> Any:
    """`value` with every mapping made a FrozenMap and every list a tuple."""
    if isinstance(value, Mapping):
        return FrozenMap((k, freeze(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(freeze(v) for v in value)
    return value


class Memo(dict[Any, Any]):
    """A bounded memo of a pure function, kept inside a compiled knowledge
    object (not at module level). It is cleared when full and pickles empty:
    a worker process starts with a fresh one."""

    __slots__ = ("limit",)

    def __init__(self, limit: int = 1 << 16) -> None:
        super().__init__()
        self.limit = limit

    def put(self, key: Any, value: T) -> T:
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return (Memo, (self.limit,))


# =============================================================================== the object

def pack_file(name: str, *, merge: str = "extend", required: bool = True, doc: str = "") -> Any:
    """A Knowledge field read from the pack file `name` (YAML, CSV or JSON by
    its extension). `merge`: "extend" (see the module docstring) or "replace"."""
    if merge not in ("extend", "replace"):
        raise ValueError(f"merge must be 'extend' or 'replace', not {merge!r}")
    return field(metadata={"file": name, "merge": merge, "required": required, "doc": doc})


Data = Mapping[str, Any]
Rows = tuple[Mapping[str, str], ...]


@dataclass(frozen=True, eq=False)
class Knowledge:
    """Every knowledge file of a run, merged over the layered packs (see the
    module docstring). Fields hold the files' data, read-only; stages compile
    what they need with `derived`. Build with `load_knowledge`."""

    # ---- language (data/lang/en)
    sentences: Data = pack_file("sentences.yaml", doc="abbreviations and sentence openers")
    dates: Data = pack_file("dates.yaml", doc="month, weekday and relative-date words; date-line labels")
    numbers: Data = pack_file("numbers.yaml", doc="number words, qualifiers, casualty outcome cues")
    lexicon: Data = pack_file("lexicon.yaml", doc="reporting verbs, hedges, denials, causes, blame")
    events: Data = pack_file("events.yaml", doc="event types, their cue words and title labels")
    kinds: Data = pack_file("kinds.yaml", doc="claim-kind cues: future, running total, background, statement; the largest act toll (region)")
    roles: Data = pack_file("roles.yaml", doc="perpetrator and target frames")
    boilerplate: Data = pack_file("boilerplate.yaml", doc="page furniture removed by ingest")
    # ---- both: the language pack gives the words, the region pack the names
    places_lexicon: Data = pack_file("places_lexicon.yaml", doc="place cue words, regions, foreign places")
    actors: Data = pack_file("actors.yaml", doc="actors of the theatre; generic victims nouns")
    outlets: Data = pack_file("outlets.yaml", doc="outlets, republishers, byline patterns")
    align: Data = pack_file("align.yaml", doc="alignment and comparison windows, weights, cues")
    # ---- region (data/syria)
    sources: Data = pack_file("sources.yaml", doc="source taxonomy")
    admin1: Data = pack_file("admin1.yaml", doc="first-level administrative units (governorates)")
    transliteration: Data = pack_file("transliteration.yaml", doc="how place names are folded and matched")
    gazetteer: Rows = pack_file("gazetteer_geonames.csv", required=False, doc="GeoNames places")
    supplement: Rows = pack_file("gazetteer_supplement.csv", required=False, doc="curated places and aliases")
    places: Rows = pack_file("places.csv", required=False, doc="a pack's own places (name,admin1,country,lat,lon,aliases)")
    outline: Data = pack_file("outline.geojson", merge="replace", required=False, doc="map outline (GeoJSON)")
    linkage: Rows = pack_file("linkage_weights.csv", merge="replace",
                              doc="cross-document match weights in bits, fitted on labelled reports")
    #: the pack folders layered, in order
    packs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "_derived", {})
        object.__setattr__(self, "_token", uuid.uuid4().hex)
        _ARRIVED[self._token] = self  # type: ignore[attr-defined]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_arrive, (self._token, dict(self.__dict__)))  # type: ignore[attr-defined]

    def derived(self, build: Callable[["Knowledge"], T]) -> T:
        """`build(self)`, computed once per Knowledge object: the compiled form
        a stage makes of its knowledge (regexes, indexes). `build` must be a
        module-level function (it is the key, and travels with pickles)."""
        cache: dict[Any, Any] = self._derived  # type: ignore[attr-defined]
        try:
            return cache[build]
        except KeyError:
            value = cache[build] = build(self)
            return value

    def __repr__(self) -> str:
        return f"Knowledge(packs={list(self.packs)!r})"


# Knowledge objects alive in this process, by token: weak references only
# (nothing is kept alive here), so an unpickled copy of an object the process
# already holds resolves to it.
_ARRIVED: weakref.WeakValueDictionary[str, Knowledge] = weakref.WeakValueDictionary()


def _arrive(token: str, state: dict[str, Any]) -> Knowledge:
    """Unpickle a Knowledge object: the live one with this token, else the copy."""
    live = _ARRIVED.get(token)
    if live is not None:
        return live
    k = object.__new__(Knowledge)
    k.__dict__.update(state)
    _ARRIVED[token] = k
    return k


def pack_files() -> dict[str, str]:
    """Knowledge field name -> pack file name, for every file a pack may hold."""
    return {f.name: f.metadata["file"] for f in fields(Knowledge) if "file" in f.metadata}


def pack_digest(folder: str | os.PathLike[str]) -> str:
    """SHA-256 of the knowledge files in the pack `folder` (names and bytes,
    in name order): says whether a pack changed since a run read it."""
    import hashlib

    h = hashlib.sha256()
    for name in sorted(set(pack_files().values())):
        path = Path(folder) / name
        if path.is_file():
            h.update(f"\0{name}\0".encode())
            with open(path, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
    return h.hexdigest()


# =============================================================================== reading

def _builtin_root() -> Path:
    return Path(str(resources.files("claimscope").joinpath("data")))


def _strip_comments(text: str) -> str:
    return "\n".join(ln for ln in text.splitlines() if not ln.startswith("#"))


def _read(path: Path, *, trusted: bool) -> Any:
    """The data of a pack file. Files of a user's pack are read like every
    user file (`claimscope.safeio`: regular files only, size-limited, YAML
    without aliases or repeated keys); the built-in ones with the C loader."""
    shown = printable(str(path))
    suffix = path.suffix.lower()
    if suffix == ".yaml" and not trusted:
        data = load_user_yaml(path, error=KnowledgeError, what="knowledge file", max_bytes=MAX_PACK_FILE_BYTES)
        text = ""
    else:
        try:
            raw = path.read_bytes() if trusted else read_regular(path, max_bytes=MAX_PACK_FILE_BYTES)
            text = raw.decode("utf-8-sig")
        except UnreadableFile as exc:
            raise KnowledgeError(f"{shown}: knowledge file: {exc.reason}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeError(f"{shown}: cannot be read ({type(exc).__name__})") from None
    if suffix == ".yaml":
        if trusted:
            try:
                data = yaml.load(text, Loader=_YamlLoader)
            except yaml.YAMLError as exc:
                raise KnowledgeError(f"{shown}: not valid YAML ({exc})") from None
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise KnowledgeError(f"{shown}: expected a mapping at the top level")
        return data
    if suffix == ".csv":
        try:
            rows = list(csv.DictReader(io.StringIO(_strip_comments(text))))
        except csv.Error as exc:
            raise KnowledgeError(f"{shown}: not valid CSV ({exc})") from None
        return [{str(k).strip(): (v or "").strip() for k, v in r.items() if k is not None} for r in rows]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise KnowledgeError(f"{shown}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise KnowledgeError(f"{shown}: expected a JSON object")
    return data


def _entry_key(items: Sequence[Any]) -> str | None:
    """The key that names the entries of a list of mappings, if there is one."""
    if not items or not all(isinstance(x, Mapping) for x in items):
        return None
    for key in ("name", "type", "group"):
        if all(key in x for x in items):
            return key
    return None


def _merge(base: Any, over: Any, where: str) -> Any:
    """`over` layered on `base` (see the module docstring)."""
    if base is None or over is None:
        return over if over is not None else base
    if isinstance(base, Mapping) and isinstance(over, Mapping):
        out = dict(base)
        for k, v in over.items():
            out[k] = _merge(base[k], v, f"{where}: {k}") if k in base else v
        return out
    if isinstance(base, list) and isinstance(over, list):
        key = _entry_key(base + over)
        if key is None:
            return base + [x for x in over if x not in base]
        out_list = list(base)
        at = {x[key]: i for i, x in enumerate(out_list)}
        for x in over:
            if x[key] in at:
                out_list[at[x[key]]] = _merge(out_list[at[x[key]]], x, f"{where}: {x[key]}")
            else:
                at[x[key]] = len(out_list)
                out_list.append(x)
        return out_list
    if isinstance(base, (Mapping, list)) or isinstance(over, (Mapping, list)):
        raise KnowledgeError(f"{where}: a {type(over).__name__} cannot be layered over a {type(base).__name__}")
    return over


def _check_places(path: Path, rows: list[dict[str, str]]) -> None:
    """A pack's places.csv: the documented columns, a name on every row,
    coordinates that are numbers on Earth (or both empty)."""
    if not rows:
        return
    shown = printable(str(path))
    missing = [c for c in PLACES_COLUMNS if c not in rows[0]]
    if missing:
        raise KnowledgeError(f"{shown}: missing column(s) {', '.join(missing)} "
                             f"(a places.csv has {', '.join(PLACES_COLUMNS)})")
    for n, r in enumerate(rows, start=2):
        if not r["name"]:
            raise KnowledgeError(f"{shown}: row {n}: empty name")
        lat, lon = r["lat"], r["lon"]
        if bool(lat) != bool(lon):
            raise KnowledgeError(f"{shown}: row {n} ({r['name']}): give both lat and lon, or neither")
        if lat:
            try:
                la, lo = float(lat), float(lon)
            except ValueError:
                raise KnowledgeError(f"{shown}: row {n} ({r['name']}): lat/lon {lat!r}, {lon!r} are not numbers") from None
            if not (-90 <= la <= 90 and -180 <= lo <= 180):
                raise KnowledgeError(f"{shown}: row {n} ({r['name']}): lat/lon {la}, {lo} are off the globe")
        if r.get("population") and not r["population"].isdigit():
            raise KnowledgeError(f"{shown}: row {n} ({r['name']}): population {r['population']!r} is not a whole number")


def _pack_dirs(packs: Sequence[str | os.PathLike[str]]) -> list[Path]:
    root = _builtin_root()
    dirs = [root / p for p in BUILTIN_PACKS]
    known = set(pack_files().values())
    for p in packs:
        d = Path(os.fspath(p))
        shown = printable(str(d))
        if not d.is_dir():
            raise KnowledgeError(f"knowledge pack {shown}: not a folder")
        try:
            entries = sorted(d.iterdir())
        except OSError as exc:
            raise KnowledgeError(f"knowledge pack {shown}: cannot be read ({type(exc).__name__})") from None
        for f in entries:
            if f.name.startswith(".") or f.is_dir() or f.suffix.lower() in _IGNORED_SUFFIXES:
                continue
            if f.name not in known:
                raise KnowledgeError(f"knowledge pack {shown}: unknown file {printable(f.name)[:80]} "
                                     f"(a pack holds {', '.join(sorted(known))})")
        dirs.append(d)
    return dirs


def load_knowledge(*packs: str | os.PathLike[str]) -> Knowledge:
    """The built-in knowledge (English, Syria) with the pack folders `packs`
    layered over it, in order (see the module docstring for what extends and
    what replaces). Raises `KnowledgeError` naming the file for a pack that is
    not a folder, an unknown or unreadable file, or a malformed places.csv."""
    dirs = _pack_dirs(packs)
    builtin = len(BUILTIN_PACKS)
    values: dict[str, Any] = {}
    for f in fields(Knowledge):
        if "file" not in f.metadata:
            continue
        name, merge = f.metadata["file"], f.metadata["merge"]
        value: Any = None
        for n, d in enumerate(dirs):
            path = d / name
            if not (path.is_file() or (n >= builtin and os.path.lexists(path))):
                continue
            data = _read(path, trusted=n < builtin)
            if name == "places.csv":
                _check_places(path, data)
            if isinstance(data, dict) and data.get("replace") is True:
                data = {k: v for k, v in data.items() if k != "replace"}
                value = data
            elif merge == "replace" or value is None:
                value = data
            else:
                value = _merge(value, data, str(path))
        if value is None:
            if f.metadata["required"]:
                raise KnowledgeError(f"no knowledge pack holds {name} (looked in {', '.join(map(str, dirs))})")
            value = [] if name.endswith(".csv") else {}
        values[f.name] = freeze(value)
    return Knowledge(**values, packs=tuple(str(d) for d in dirs))


def as_knowledge(value: Knowledge | str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None) -> Knowledge:
    """A Knowledge object from what a caller passed: None (the built-in
    knowledge), a Knowledge, or one or more pack folders to layer over it."""
    if value is None:
        return load_knowledge()
    if isinstance(value, Knowledge):
        return value
    if isinstance(value, (str, os.PathLike)):
        return load_knowledge(value)
    return load_knowledge(*value)
