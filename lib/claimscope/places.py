"""Places: a gazetteer, place mentions in text, admin-1 units, the map outline.

Reporting on Syria spells one village five ways (Kinsafra, Kansafra; Saraqib,
Saraqeb; Jisr al-Shughur, Jisr ash-Shughur) and locates events at every level
of precision ("in the town of Nayrab", "near Ariha", "in southern Idlib", "in
the central Syrian desert"). This module resolves such phrases against the
gazetteer of a knowledge pack (`claimscope.knowledge`: GeoNames places, a
curated supplement, a pack's own ``places.csv``), its admin-1 units
(``admin1.yaml``; Syria's governorates), cue words (``places_lexicon.yaml``)
and transliteration folds (``transliteration.yaml``), and tells for each
mention its admin-1 unit (the `governorate` of the tables) and a
``precision`` after UCDP GED's where_prec: town, near_town, district,
governorate, region, country.

Matching is layered for speed: an exact index of normalised aliases, then a
transliteration-folded index (articles, vowels, doubled letters, q/k ...),
then, only after a place cue ("near", "the town of", "in"), a consonant
skeleton index and rapidfuzz over a block of aliases sharing the first letter.
Fuzzy results are memoised per gazetteer, inside the knowledge object.

Alignment and comparison read a claim's places from the `mentions` table
(`place_profiles`); distances (`km_between`) and name matches (`best_match`)
are here too.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, NamedTuple, Sequence

import pandas as pd
from rapidfuzz import fuzz, process

from . import cells
from .knowledge import FrozenMap, Knowledge, Memo
from .resources import lowered_pattern, phrase_pattern, regex

__all__ = [
    "PRECISIONS",
    "Place",
    "PlaceMention",
    "Gazetteer",
    "Translit",
    "PlaceProfile",
    "gazetteer",
    "translit",
    "find_places",
    "without_section_label",
    "dominant_governorate",
    "canonical_governorate",
    "place_similarity",
    "normalize_place",
    "outline",
    "place_profiles",
    "best_match",
    "km_between",
]

PRECISIONS = ("town", "near_town", "district", "governorate", "region", "country", "unknown")
_PRECISION_RANK = {p: i for i, p in enumerate(PRECISIONS[:-1])}
_KIND_PRECISION = {
    "governorate": "governorate",
    "district": "district",
    "region": "region",
    "country": "country",
}


# --------------------------------------------------------------------------- data types

@dataclass(frozen=True)
class Place:
    """One gazetteer entry. `governorate` is its admin-1 unit. `source` names
    where it comes from (``geonames:<id>``, ``supplement``, ``places.csv:<row>``,
    ``country``, ``admin1``); `coord_source` where lat/lon come from."""

    name: str
    kind: str
    governorate: str | None
    lat: float | None
    lon: float | None
    aliases: tuple[str, ...] = ()
    source: str = ""
    population: int | None = None
    coord_source: str = ""
    #: names a curator wrote for it (the supplement, a pack's places.csv): its own, not mere alternate names
    curated: tuple[str, ...] = ()

    @property
    def precision(self) -> str:
        """Precision of a plain mention of this place ("in X")."""
        return _KIND_PRECISION.get(self.kind, "town")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text. Offsets index the text given to `find_places`;
    `raw` is the phrase as written (with its direction or place noun when they
    set the precision: "southeastern Idlib", "the province of al-Hasakah")."""

    start: int
    end: int
    raw: str
    name: str
    kind: str
    governorate: str | None
    lat: float | None
    lon: float | None
    precision: str
    score: float
    cue: str = ""       # the cue phrase before or after the name ("near the town of", "province")
    source: str = ""    # gazetteer entry of the place; "region" for a region phrase, "unresolved" when none matched


# --------------------------------------------------------------------------- normalisation

def _key(words: tuple[str, ...]) -> str:
    """Exact-match key: words without leading articles ("al-Qamishli" = "Qamishli")."""
    i = 0
    while i < len(words) - 1 and words[i] == "al":
        i += 1
    return " ".join(words[i:])


class Translit:
    """How place names are normalised, folded and compared, from a pack's
    transliteration.yaml. The folds are memoised (bounded) in the object; it
    pickles as its data and rebuilds them where it lands."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.marks = str.maketrans("", "", data["marks"])
        self.articles = frozenset(data["articles"])
        self.glued_article = regex(data["glued_article"])
        self.final_taa = regex(data["final_taa"])
        self.digraphs = tuple((a, b) for a, b in data["digraphs"])
        letters = data["letters"]
        self.letters = str.maketrans("".join(letters), "".join(letters[k] for k in letters))
        self.no_vowels = str.maketrans("", "", data["vowels"])
        self.span_articles = tuple(data["span_articles"])
        self.name_particles = tuple(data["name_particles"])
        self.particles = frozenset((*self.span_articles, *self.name_particles))
        fz = data["fuzzy"]
        self.short_length, self.cut_short = int(fz["short_length"]), float(fz["short"])
        self.cut_weak, self.cut_strong = float(fz["weak"]), float(fz["strong"])
        self.cut_skeleton, self.skeleton_floor = float(fz["skeleton"]), float(fz["skeleton_floor"])
        self.cut_admin1, self.admin1_min_length = float(fz["admin1"]), int(fz["admin1_min_length"])
        # bounded memos of pure string functions, per object (C-speed lru_cache)
        self.words = functools.lru_cache(maxsize=1 << 16)(self._words)
        self.fold = functools.lru_cache(maxsize=1 << 16)(self._fold)
        self.similarity = functools.lru_cache(maxsize=1 << 17)(self._similarity)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Translit, (self.data,))

    def _words(self, name: str) -> tuple[str, ...]:
        """Lower-case ASCII words of a name; articles (al-, ash-, ez- ...) become 'al'."""
        s = unicodedata.normalize("NFKD", name)
        s = "".join(c for c in s if not unicodedata.combining(c)).lower()
        s = re.sub(r"['’]s\b", "", s).translate(self.marks)
        arts = self.articles
        return tuple("al" if w in arts else w for w in re.findall(r"[a-z0-9]+", s))

    def _fold(self, words: tuple[str, ...]) -> str:
        """Transliteration-folded form: no articles or spaces, one vowel per class,
        q=k, kh=k, ou=u, doubled letters single, final -ah/-eh = -a."""
        out = []
        for i, w in enumerate(words):
            if w == "al" and len(words) > 1:
                continue
            if i > 0:
                m = self.glued_article.match(w)          # "Ezzor" -> "zor"
                if m:
                    w = w[m.end(1):]
            w = self.final_taa.sub("a", w)
            for a, b in self.digraphs:
                if a in w:
                    w = w.replace(a, b)
            out.append(w.translate(self.letters))
        return "".join(ch for ch, _ in itertools.groupby("".join(out)))  # runs of one letter as one

    def skeleton(self, folded: str) -> str:
        """Consonant skeleton of a folded form (first letter kept)."""
        return folded[:1] + folded[1:].translate(self.no_vowels) if folded else ""

    def _similarity(self, a: str, b: str) -> float:
        return _similarity(a, b, self, None)


def _build_translit(knowledge: Knowledge) -> Translit:
    return Translit(knowledge.transliteration)


def translit(knowledge: Knowledge) -> Translit:
    """The transliteration folds of `knowledge` (built once per knowledge object)."""
    return knowledge.derived(_build_translit)


def normalize_place(name: str, *, knowledge: Knowledge) -> str:
    """The folded, transliteration-insensitive form of a place name
    ('Jisr ash-Shughur' and 'Jisr al-Shughour' give the same string)."""
    tr = knowledge.derived(_build_translit)
    return tr.fold(tr.words(name))


def place_similarity(a: str, b: str, *, knowledge: Knowledge, same_place: bool = False) -> float:
    """Similarity 0-100 of two place names, insensitive to transliteration
    (articles, vowels, doubled letters, q/k, ou/u ...). With `same_place`, two
    names of one gazetteer place (Palmyra, Tadmur) also score 100. Memoised in
    the knowledge object: alignment compares the same names over and over."""
    if same_place:
        return _similarity(a, b, knowledge.derived(_build_translit), gazetteer(knowledge))
    return knowledge.derived(_build_translit).similarity(a, b)  # type: ignore[no-any-return]


def _similarity(a: str, b: str, tr: Translit, gz: Gazetteer | None) -> float:
    wa, wb = tr.words(a), tr.words(b)
    if not wa or not wb:
        return 0.0
    if _key(wa) == _key(wb):
        return 100.0
    fa, fb = tr.fold(wa), tr.fold(wb)
    if fa == fb:
        return 97.0
    score = fuzz.ratio(fa, fb)
    sa, sb = tr.skeleton(fa), tr.skeleton(fb)
    if len(sa) >= 4 and sa == sb and score >= 70:
        score = max(score, 90.0)
    if gz is not None and score < 100:
        pa, pb = gz.lookup(a), gz.lookup(b)
        if pa and pb and pa[0] == pb[0] and min(pa[1], pb[1]) >= 90:
            score = 100.0
    return round(float(score), 1)


# --------------------------------------------------------------------------- admin-1 units

def _admin1_records(knowledge: Knowledge) -> tuple[Mapping[str, Any], ...]:
    """The admin-1 units: admin1.yaml's, then the `admin1` values of the
    packs' places.csv that it does not name (as bare records)."""
    units = list(knowledge.admin1.get("units") or ())
    known = {u["name"] for u in units}
    for r in knowledge.places:
        name = r.get("admin1", "")
        if name and name not in known:
            known.add(name)
            units.append(FrozenMap({"name": name}))
    return tuple(units)


@dataclass(frozen=True)
class _Admin1:
    records: tuple[Mapping[str, Any], ...]
    exact: dict[str, str]   # key -> unit
    folded: dict[str, str]  # folded -> unit
    countryside: dict[str, str]
    suffix: re.Pattern[str]
    prefix: re.Pattern[str]
    countryside_words: re.Pattern[str]
    tr: Translit
    memo: Memo


def _build_admin1(knowledge: Knowledge) -> _Admin1:
    tr = knowledge.derived(_build_translit)
    lex = knowledge.places_lexicon
    records = _admin1_records(knowledge)
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for g in records:
        for alias in (g["name"], *g.get("aliases", ())):
            w = tr.words(alias)
            exact.setdefault(_key(w), g["name"])
            folded.setdefault(tr.fold(w), g["name"])

    def alt(words: Iterable[str]) -> str:
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=lambda x: (-len(x), x)))

    return _Admin1(
        records=records, exact=exact, folded=folded,
        countryside={g["name"]: g.get("countryside") or g["name"] for g in records},
        suffix=regex(rf"(?:\s+(?:{alt(lex['admin1_suffixes'])}))+\s*$", re.I),
        prefix=regex(rf"^\s*(?:the\s+)?(?:(?:{alt(lex['admin1_prefixes'])})\s+)", re.I),
        countryside_words=regex(alt(lex["countryside_words"]), re.I),
        tr=tr, memo=Memo(4096),
    )


def canonical_governorate(name: str, *, knowledge: Knowledge) -> str | None:
    """Canonical admin-1 unit (governorate) for a spelling of one ('deir ezzor',
    'Lattakia', 'hasakeh', 'Rural Damascus', 'Idlib province'); None when the
    name is not an admin-1 unit."""
    a = knowledge.derived(_build_admin1)
    got = a.memo.get(name, "")
    if got == "":
        got = a.memo.put(name, _canonical_admin1(name, a))
    return got  # type: ignore[no-any-return]


def _canonical_admin1(name: str, a: _Admin1) -> str | None:
    if not name or not name.strip():
        return None
    tr = a.tr
    w = tr.words(name)
    hit = a.exact.get(_key(w)) or a.folded.get(tr.fold(w))
    if hit:
        return hit
    bare = a.prefix.sub("", a.suffix.sub("", name))
    if bare != name:
        w = tr.words(bare)
        hit = a.exact.get(_key(w)) or a.folded.get(tr.fold(w))
        if hit:
            if a.countryside_words.search(name):
                return a.countryside.get(hit, hit)
            return hit
    f = tr.fold(w)
    if len(f) >= tr.admin1_min_length:  # short names are too close to each other ("Hamas" ~ "Hama") for fuzzy matching
        best = process.extractOne(f, list(a.folded), scorer=fuzz.ratio, score_cutoff=tr.cut_admin1)
        if best:
            return a.folded[best[0]]
    return None


# --------------------------------------------------------------------------- gazetteer

class _Index:
    """Lookup tables of a Gazetteer (built once; `memo` memoises resolutions)."""

    __slots__ = ("exact", "folded", "skeleton", "blocks", "multi_first", "gov_exact", "gov_folded", "gov_place",
                 "seat_of", "seat", "bare", "countryside", "memo", "segments", "tr")

    def __init__(self, tr: Translit) -> None:
        self.tr = tr
        self.exact: dict[str, tuple[int, ...]] = {}
        self.folded: dict[str, tuple[int, ...]] = {}
        self.skeleton: dict[str, tuple[str, ...]] = {}
        self.blocks: dict[str, tuple[str, ...]] = {}
        self.multi_first: frozenset[str] = frozenset()   # folded first words of multi-word aliases
        self.gov_exact: dict[str, str] = {}
        self.gov_folded: dict[str, str] = {}
        self.gov_place: dict[str, int] = {}
        self.seat_of: dict[int, str] = {}       # place index of a seat town -> governorate
        self.seat: dict[str, int] = {}          # governorate -> place index of its seat town
        self.bare: dict[str, str] = {}          # governorate -> "town" | "governorate"
        self.countryside: dict[str, str] = {}   # governorate -> governorate of its countryside
        self.memo: Memo = Memo(200_001)
        self.segments: Memo = Memo(200_000)  # capitalised run -> `_segment` (its own memo: a plain string key)


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Places with alias indexes. `gazetteer(knowledge)` is a knowledge pack's;
    `from_places()` indexes any places (tests, other data)."""

    places: tuple[Place, ...]
    _index: _Index = field(repr=False, compare=False)

    @classmethod
    def from_places(cls, places: Iterable[Place], *, translit: Translit, governorates: Iterable[Mapping[str, Any]] = (),
                    alias_blocklist: Iterable[str] = ()) -> "Gazetteer":
        """Index `places`; `governorates` are admin-1 records like admin1.yaml's
        units (name, aliases, seat_geonameid, bare_name, countryside)."""
        places = tuple(places)
        govs = tuple(governorates)
        tr = translit
        idx = _Index(tr)
        blocked = {_key(tr.words(b)) for b in alias_blocklist}
        exact: dict[str, list[int]] = {}
        folded: dict[str, list[int]] = {}
        for i, p in enumerate(places):
            for alias in (p.name, *p.aliases):
                w = tr.words(alias)
                k = _key(w)
                if len(k) < 3 or k in blocked:
                    continue
                exact.setdefault(k, []).append(i)
                folded.setdefault(tr.fold(w), []).append(i)
        idx.exact = {k: tuple(dict.fromkeys(v)) for k, v in exact.items()}
        idx.folded = {k: tuple(dict.fromkeys(v)) for k, v in folded.items()}
        by_source = {p.source: i for i, p in enumerate(places)}
        for g in govs:
            name = g["name"]
            idx.bare[name] = g.get("bare_name", "town")
            idx.countryside[name] = g.get("countryside") or name
            gi = next((i for i, p in enumerate(places) if p.kind == "governorate" and p.governorate == name), None)
            if gi is not None:
                idx.gov_place[name] = gi
            names = [name, *g.get("aliases", ())]
            if gi is not None:
                names += list(places[gi].aliases)
            seat = by_source.get(f"geonames:{g.get('seat_geonameid')}")
            if seat is not None:
                idx.seat_of[seat] = name
                idx.seat[name] = seat
                names += [places[seat].name, *places[seat].aliases]
            for alias in names:
                w = tr.words(alias)
                k = _key(w)
                if len(k) < 3 or k in blocked:
                    continue
                idx.gov_exact.setdefault(k, name)
                idx.gov_folded.setdefault(tr.fold(w), name)
                # governorate aliases also find the governorate place
                if gi is not None:
                    idx.exact[k] = tuple(dict.fromkeys((*idx.exact.get(k, ()), gi)))
                    idx.folded[tr.fold(w)] = tuple(dict.fromkeys((*idx.folded.get(tr.fold(w), ()), gi)))
        idx.multi_first = frozenset(tr.fold((k.split(" ", 1)[0],)) for k in idx.exact if " " in k)
        # fuzzy blocks: folded aliases by consonant skeleton and by first letter
        skel: dict[str, list[str]] = {}
        blocks: dict[str, list[str]] = {}
        for f in idx.folded:
            sk = tr.skeleton(f)
            if len(sk) >= 4:
                skel.setdefault(sk, []).append(f)
            blocks.setdefault(f[:1], []).append(f)
        idx.skeleton = {k: tuple(v) for k, v in skel.items()}
        idx.blocks = {k: tuple(sorted(v)) for k, v in blocks.items()}
        return cls(places, idx)

    # ----------------------------------------------------------------- lookups
    def lookup(self, name: str) -> tuple[Place, float] | None:
        """Best place for `name` and the match score (100 exact or alias, 97 for
        a transliteration variant, lower for fuzzy matches); None below the
        fuzzy threshold."""
        cands, score = self._resolve(self._index.tr.words(name), strength=2)
        if not cands:
            return None
        return self.places[self._choose(cands, want=None, context=())], score

    def knows(self, name: str) -> bool:
        """Whether `name` is a place of the gazetteer, exactly or as a
        transliteration variant (no fuzzy match): for telling a place from a
        person's name ("Aleppo Mohammad Hazouri")."""
        return bool(self._resolve(self._index.tr.words(name), strength=0)[0])

    def _alias_only(self, raw: str, place: Place) -> bool:
        """Whether `raw` names `place` only through one of its alternate names
        (not its own name, a transliteration of it, nor a spelling a curator
        gave it: "Ghouta" of Eastern Ghouta in the supplement)."""
        tr = self._index.tr
        f = tr.fold(tr.words(raw))
        return f != tr.fold(tr.words(place.name)) and all(f != tr.fold(tr.words(a)) for a in place.curated)

    def governorate_of_name(self, name: str) -> str | None:
        """Governorate that `name` names, itself or through its seat town."""
        return self._governorate(self._index.tr.words(name))

    def _governorate(self, words: tuple[str, ...]) -> str | None:
        idx = self._index
        return idx.gov_exact.get(_key(words)) or idx.gov_folded.get(idx.tr.fold(words))

    def _resolve(self, words: tuple[str, ...], *, strength: int) -> tuple[tuple[int, ...], float]:
        """Candidate place indices for `words` and the score. `strength` is how
        sure the context is that a place is named: 0 no cue (exact and folded
        aliases only, folded ones of 5+ letters), 1 a weak cue ("in X": also
        fuzzy at 90), 2 a strong cue ("near X", "the town of X": also the
        consonant skeleton and fuzzy at 88)."""
        idx = self._index
        tr = idx.tr
        k = _key(words)
        hit = idx.exact.get(k)
        if hit:
            return hit, 100.0
        f = tr.fold(words)
        hit = idx.folded.get(f)
        if hit and (strength or len(f) >= 5):
            return hit, 97.0
        last = words[-1] if words else ""
        if len(last) > 5 and last.endswith("s"):      # possessive without apostrophe: "Aleppos"
            hit = idx.exact.get(_key((*words[:-1], last[:-1])))
            if hit:
                return hit, 95.0
        if not strength or len(f) < 5:
            return (), 0.0
        memo_key = (strength, f)
        got = idx.memo.get(memo_key)
        if got is not None:
            return got
        result: tuple[tuple[int, ...], float] = ((), 0.0)
        sk = tr.skeleton(f)
        best_f, best_s = None, 0.0
        if strength >= 2 and len(sk) >= 4:
            for cand in idx.skeleton.get(sk, ()):
                sc = fuzz.ratio(f, cand)
                if sc >= tr.cut_skeleton and sc > best_s:
                    best_f, best_s = cand, sc
        if best_f is not None:
            result = (idx.folded[best_f], max(tr.skeleton_floor, round(best_s, 1)))
        else:
            cutoff = tr.cut_short if len(f) <= tr.short_length else (tr.cut_strong if strength >= 2 else tr.cut_weak)
            block = idx.blocks.get(f[:1], ())
            got = process.extractOne(f, block, scorer=fuzz.ratio, score_cutoff=cutoff) if block else None
            if got:
                result = (idx.folded[got[0]], round(float(got[1]), 1))
        if len(idx.memo) > 200_000:
            idx.memo.clear()
        idx.memo[memo_key] = result
        return result

    def _choose(self, cands: tuple[int, ...], *, want: str | None, context: Iterable[str],
                known: Iterable[str] = (), near: Sequence[tuple[float, float]] = (), near_km: float = 0.0) -> int:
        """Pick one of several places sharing a name: `want` 'governorate' or
        'town' from the cue; else a governorate whose bare name means the
        province (Idlib), else the town; ties go to a governorate named
        elsewhere in the text, then to the place nearest the text's other
        places (`near`, coordinates) within `near_km`, then to a seat town,
        then to a governorate the document named before (`known`), then to
        the larger population."""
        idx = self._index
        places = self.places
        if len(cands) == 1 and want is None and places[cands[0]].kind != "governorate":
            return cands[0]
        govs = [i for i in cands if places[i].kind == "governorate"]
        others = [i for i in cands if places[i].kind != "governorate"]
        if want == "governorate":
            if govs:
                return govs[0]
            for i in others:
                if i in idx.seat_of and idx.seat_of[i] in idx.gov_place:
                    return idx.gov_place[idx.seat_of[i]]
        elif want != "town" and govs:
            g = places[govs[0]].governorate or ""
            seat = idx.seat.get(g)
            if idx.bare.get(g) == "governorate" or seat is None:
                return govs[0]
            return seat
        elif want == "town" and govs and not others:
            g = places[govs[0]].governorate or ""
            seat = idx.seat.get(g)
            if seat is not None:
                return seat
        pool = others or govs
        ctx = set(context)
        doc = set(known)
        return min(pool, key=lambda i: (places[i].governorate not in ctx, _within(places[i], near, near_km),
                                        i not in idx.seat_of, places[i].governorate not in doc,
                                        -(places[i].population or 0), i))


def _within(p: Place, points: Sequence[tuple[float, float]], km: float) -> float:
    """Distance in km from `p` to the nearest of `points` when within `km`,
    else infinity (no coordinates, no points, or farther)."""
    if not points or p.lat is None or p.lon is None:
        return math.inf
    d = min(_haversine((p.lat, p.lon), q) for q in points)
    return round(d) if d <= km else math.inf


def _float(s: str) -> float | None:
    s = (s or "").strip()
    return float(s) if s else None


def _aliases(text: str, sep: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in (text or "").split(sep) if a.strip())


def _build_gazetteer(knowledge: Knowledge) -> Gazetteer:
    """The gazetteer of a knowledge pack: GeoNames places, the supplement
    (rows with a geonameid add names to that place), the country, then the
    packs' places.csv rows, their admin-1 units and countries."""
    lex = knowledge.places_lexicon
    places: list[Place] = []
    by_gid: dict[str, int] = {}
    for r in knowledge.gazetteer:
        gid = r["geonameid"]
        lat, lon = _float(r["lat"]), _float(r["lon"])
        by_gid[gid] = len(places)
        places.append(Place(
            name=r["name"], kind=r["kind"], governorate=r["governorate"] or None, lat=lat, lon=lon,
            aliases=_aliases(r["aliases"], "|"), source=f"geonames:{gid}",
            population=int(r["population"]) if r["population"] else None,
            coord_source=f"GeoNames id {gid}" if lat is not None else ""))
    for r in knowledge.supplement:
        aliases = _aliases(r.get("aliases", ""), "|")
        gid = (r.get("geonameid") or "").strip()
        if gid and gid in by_gid:
            old = places[by_gid[gid]]
            merged = tuple(dict.fromkeys((*old.aliases, old.name, *aliases)))
            places[by_gid[gid]] = Place(
                name=r["name"] or old.name, kind=old.kind, governorate=old.governorate, lat=old.lat, lon=old.lon,
                aliases=tuple(a for a in merged if a != (r["name"] or old.name)), source=old.source,
                population=old.population, coord_source=old.coord_source,
                curated=tuple(dict.fromkeys((*old.curated, *([r["name"]] if r["name"] else []), *aliases))))
            continue
        lat, lon = _float(r.get("lat", "")), _float(r.get("lon", ""))
        places.append(Place(
            name=r["name"], kind=r["kind"], governorate=r["governorate"] or None, lat=lat, lon=lon,
            aliases=aliases, source="supplement", coord_source=r.get("coord_source", "") if lat is not None else "",
            curated=aliases))
    country = lex.get("country")
    if country:
        places.append(Place(name=country["name"], kind="country", governorate=None, lat=None, lon=None,
                            aliases=tuple(country["aliases"]), source="country"))
    # a pack's own places: name,admin1,country,lat,lon,aliases (';'-joined)[,kind,population]
    records = _admin1_records(knowledge)
    countries: list[str] = []
    for n, r in enumerate(knowledge.places, start=1):
        lat, lon = _float(r.get("lat", "")), _float(r.get("lon", ""))
        places.append(Place(
            name=r["name"], kind=r.get("kind") or "town", governorate=r.get("admin1") or None, lat=lat, lon=lon,
            aliases=_aliases(r.get("aliases", ""), ";"), source=f"places.csv:{n}",
            population=int(r["population"]) if r.get("population") else None,
            coord_source=(r.get("coord_source") or "places.csv") if lat is not None else "",
            curated=_aliases(r.get("aliases", ""), ";")))
        if r.get("country") and r["country"] not in countries:
            countries.append(r["country"])
    names = {p.name for p in places}
    for g in records:
        if g["name"] not in names:  # an admin-1 unit only places.csv names: a place of its own
            names.add(g["name"])
            places.append(Place(name=g["name"], kind="governorate", governorate=g["name"], lat=None, lon=None,
                                source="admin1"))
    for c in countries:
        if c not in names:
            places.append(Place(name=c, kind="country", governorate=None, lat=None, lon=None, source="country"))
    return Gazetteer.from_places(places, translit=knowledge.derived(_build_translit), governorates=records,
                                 alias_blocklist=lex.get("alias_blocklist", ()))


def gazetteer(knowledge: Knowledge) -> Gazetteer:
    """The gazetteer of `knowledge` (built once per knowledge object)."""
    return knowledge.derived(_build_gazetteer)


# --------------------------------------------------------------------------- patterns

def _alt(phrases: Iterable[str], *, reverse: bool = False) -> str:
    """Regex alternation of phrases (a group), longest first: spaces match whitespace
    runs, hyphens a hyphen or whitespace, apostrophes are optional. With
    `reverse`, each phrase is spelled backwards (for matching reversed text)."""
    out = []
    firsts: set[str] = set()  # what the first character of a match can be
    guarded = True
    for p in sorted({p.strip() for p in phrases if p and p.strip()}, key=lambda s: (-len(s), s)):
        parts: list[str] = []
        opened = False
        for ch in (p[::-1] if reverse else p):
            if ch.isspace():
                if not parts or parts[-1] != r"\s+":
                    parts.append(r"\s+")
                    if not opened:
                        firsts.add(r"\s")
                opened = True
            elif ch == "-":
                parts.append(r"[\s\-‐–]+")
                if not opened:
                    firsts.update((r"\s", r"\-", "‐", "–"))
                opened = True
            elif ch in "'’":
                parts.append(r"['’]?")
                if not opened:
                    firsts.update(("'", "’"))
            else:
                parts.append(re.escape(ch))
                if not opened:
                    firsts.add(re.escape(ch))
                opened = True
        guarded = guarded and opened  # a phrase of optional apostrophes may match nothing: no guard
        out.append("".join(parts))
    if not out:
        return r"(?!x)x"
    # Lead with a one-character look-ahead: the engine tries every branch of an
    # alternation in turn (IGNORECASE branches are not skipped on their first
    # letter), so rejecting on the first character saves most of the work.
    guard = "(?=[" + "".join(sorted(firsts)) + "])" if guarded else ""
    return guard + "(?:" + "|".join(out) + ")"


_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"
_B = r"(?![\w'’‐-])"      # word boundary after a (reversed) word
_WORD = regex(r"[\w'’‐-]+")


class _Cues(NamedTuple):
    """The case-insensitive cue patterns the scan runs around each name."""

    regions: re.Pattern[str]
    pre_rev: re.Pattern[str]
    before_rev: re.Pattern[str]
    post: re.Pattern[str]
    actor_after: re.Pattern[str]
    speech_after: re.Pattern[str]
    separator: re.Pattern[str]


def _lowered(cues: _Cues) -> _Cues | None:
    """The cue patterns for lower-cased ASCII text (`resources.lowered_pattern`);
    None when one of them cannot be lowered."""
    out = [lowered_pattern(rx) for rx in cues]
    return None if any(rx is None for rx in out) else _Cues(*out)


class _Patterns:
    """Compiled patterns and word sets of a pack's places_lexicon.yaml (and
    its transliteration: `words`, `fold`, `particles`). `cues` are the
    case-insensitive cue patterns, `lowered` their versions for lower-cased
    ASCII text (`_lowered`)."""

    __slots__ = ("span", "span_caps", "span_articles", "token", "mask", "mask_first", "regions", "region_first", "region_lead", "region_lead_any", "region_lead_runs", "region_by_key",
                 "pre_rev", "pre_last", "before_rev", "post", "actor_after", "speech_after", "speaks_after", "locative_before", "separator", "stop", "foreign",
                 "sentence_end", "noun_kind_before", "noun_kind_after", "strong_near", "tr", "words", "fold",
                 "particles", "cues", "lowered", "not_here", "capitals", "media", "media_folds", "metonym_after",
                 "metonym_before_rev", "metonym_object_rev", "to_infinitive", "channel_rev", "distance", "units_any", "near_km", "distance_cue_ends", "governorate_km",
                 "dir_of_end", "quarter", "containing_gap", "pointing_gap", "groups", "homonym_km",
                 "region_after_the", "unit_stems", "countryside_before", "outskirts_before",
                 "name_heads", "origin_before", "kin_before", "origin_gate", "kin_gate", "speaker_before",
                 "hospital_gate", "hospital_to", "hospital_noun_after", "hospital_in", "hospital_located",
                 "road_after", "road_ends_before", "road_ends_gap", "road_km", "road_destination_before", "road_noun",
                 "dateline_after")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore_patterns, ({k: getattr(self, k) for k in self.__slots__ if k not in ("words", "fold")},))


def _restore_patterns(state: dict[str, Any]) -> "_Patterns":
    p = _Patterns()
    for k, v in state.items():
        setattr(p, k, v)
    p.words, p.fold = p.tr.words, p.tr.fold
    return p


def _build_patterns(knowledge: Knowledge) -> _Patterns:
    lex = knowledge.places_lexicon
    tr = knowledge.derived(_build_translit)
    _words = tr.words
    p = _Patterns()
    p.tr, p.words, p.fold, p.particles = tr, tr.words, tr.fold, tr.particles
    art = "(?:" + "|".join(map(re.escape, tr.span_articles)) + ")"
    particle = "(?:" + art + "".join("|" + re.escape(w) for w in tr.name_particles) + ")"
    # a run of capitalised words ("Jisr al-Shughur", "Deir ez-Zor", "al-Qamishli"),
    # lower-case particles allowed between them ("Jisr ash Shughur")
    # (led by one class test of its first character, a capital or an article's
    # first letter: most positions are rejected before the optional article)
    firsts = "".join(sorted({re.escape(a[:1] or "-") for a in tr.span_articles}))
    run = rf"{_CAP}[\w'’‘ʿ-]*(?:[ \t]+(?:{particle}[ \t]+)?(?:{art}-)?{_CAP}[\w'’‘ʿ-]*)*"
    p.span = regex(rf"(?=[{firsts}{_CAP[1:-1]}])(?:(?<![\w-]){art}-)?{run}")
    # the same runs found from their first capital, a pattern that opens with a
    # character class (the engine then skips to the next capital in C), and
    # moved back over an article glued before it (`_spans`)
    p.span_caps = regex(run)
    p.span_articles = tuple(sorted(tr.span_articles, key=len, reverse=True))
    p.token = regex(r"\S+")
    masks = lex["not_place_phrases"]
    p.mask = regex(rf"(?:{_alt(masks)})(?:['’]?s)?{_B}", re.I)
    p.mask_first = frozenset(_words(m)[0] for m in masks if _words(m))
    region_phrases: dict[str, dict] = {}
    all_region: list[str] = []
    p.region_after_the = frozenset(_key(_words(ph)) for r in lex["regions"] for ph in r.get("after_the", ()))
    for r in lex["regions"]:
        for ph in (r["name"], *r.get("phrases", ()), *r.get("after_the", ())):
            region_phrases.setdefault(_key(_words(ph)), r)
            all_region.append(ph)
    p.region_by_key = region_phrases
    p.regions = regex(rf"(?:{_alt(all_region)}){_B}", re.I)
    p.region_first = frozenset(_words(ph)[0] for ph in all_region if _words(ph))
    # lower-case words that begin a region phrase before a capitalised name ("central Syrian desert")
    p.region_lead = frozenset(ph.split()[0].lower() for ph in all_region
                              if ph[:1].islower() and not re.match(rf"{art}-", ph))
    # any of them as a substring of the lower-cased text (a cheap test before the per-name windows)
    p.region_lead_any = regex("|".join(re.escape(w) for w in sorted(p.region_lead)) or r"(?!x)x")
    # their letter runs: a sentence whose words (`sentences.sentence_words`) hold none has no lead word
    # (none when a lead word has no letters: the substring test then)
    lead_runs = [re.findall("[a-z]+", w) for w in p.region_lead]
    p.region_lead_runs = frozenset(r for runs in lead_runs for r in runs) if all(lead_runs) else frozenset()
    cues = lex["cues"]
    nb = lex["nouns_before"]
    na = lex["nouns_after"]
    p.noun_kind_before = {" ".join(_words(n)): kind for kind in ("town", "near", "governorate")
                          for n in nb.get(kind, ())}
    p.noun_kind_after = {" ".join(_words(n)): kind
                         for kind in ("town", "near", "countryside", "governorate", "district")
                         for n in na.get(kind, ())}
    dirs_r = _alt(lex["directions"], reverse=True)
    units_r = _alt(cues["distance_units"], reverse=True)
    nouns_r = _alt([*nb["town"], *nb["near"], *nb["governorate"]], reverse=True)
    # What stands before a name, read backwards from the name: [noun (of) (the)]
    # [direction] [the] [cue]. Matching the reversed window at its start keeps
    # this an anchored match instead of a search.
    p.pre_rev = regex(
        r"[\s\"“‘(\[]*"
        rf"(?:(?:eht\s+)?(?:(?P<of>fo)\s+)?(?P<noun>{nouns_r}){_B})?"
        rf"(?:\s*(?P<dir>{dirs_r}){_B})?"
        rf"(?:\s*(?P<the>eht|a|na){_B})?"
        rf"(?:\s*(?:(?P<near>fo\s+(?:{dirs_r})(?:\s+(?:{units_r})\s*[\d.,]+)?"
        rf"|{_alt([*cues['near'], *cues.get('near_weak', ())], reverse=True)})"
        rf"|(?P<at>{_alt(cues['at'], reverse=True)})){_B})?",
        re.I)
    # The last letter run of each cue word `pre_rev` can find right before a name ("the", "of", "a", "an",
    # the nouns, directions and near/at cues above): after any other word it finds none, and `_context`
    # skips it on lower-cased ASCII text (most names follow no cue). None when a cue phrase ends in
    # another character or holds an optional apostrophe (its last run could then run into the one before).
    pre_phrases = [*nb["town"], *nb["near"], *nb["governorate"], *lex["directions"], *cues["near"],
                   *cues.get("near_weak", ()), *cues["at"]]
    p.pre_last = (frozenset({"the", "of", "a", "an"} | {re.findall("[a-z]+", ph.lower())[-1] for ph in pre_phrases})
                  if all(re.search("[a-z]$", ph.strip().lower()) and not re.search("['’]", ph) for ph in pre_phrases)
                  else None)
    p.strong_near = frozenset(" ".join(_words(c)) for c in cues["near"])
    p.name_heads = frozenset(tr.fold(_words(w)) for w in tr.data.get("name_heads", ()))
    p.countryside_before = frozenset(w for n in lex["countryside_before"] for w in _words(n))
    p.outskirts_before = frozenset(w for n in lex["outskirts_before"] for w in _words(n))
    p.before_rev = regex(
        rf"\s+(?:\.?(?:{_alt(lex['person_titles'], reverse=True)})|(?:eht\s+)?(?:{_alt(lex['media_before'], reverse=True)})){_B}",
        re.I)
    p.post = regex(
        rf"(?:['’]s)?\s+(?:(?P<dir>{_alt(lex['directions'])})\s+)?(?P<noun>{_alt(p.noun_kind_after)}){_B}", re.I)
    p.actor_after = regex(rf"(?:['’]s?)?[\s\-]+(?:{_alt([*lex['actor_followers'], *(lex.get('street_nouns') or ())])}){_B}",
                          re.I)
    p.speech_after = regex(rf"[\s,\"”]+(?:{_alt(lex['speech_verbs'])}){_B}", re.I)
    p.speaks_after = regex(rf"\s+(?:{_alt([v for v in lex['speech_verbs'] if v != 'according'])}){_B}")
    # "DAMASCUS (Sputnik) -", "BEIRUT, Aug 16 (Reuters) –": a wire dateline names where the copy was filed, not
    # where the act happened (a known outlet of the pack's outlets.yaml in brackets after the name)
    outlets = sorted({str(n) for o in knowledge.outlets.get("outlets") or () for n in (o["name"], *(o.get("aliases") or ()))
                      if str(n) and "." not in str(n)}, key=len, reverse=True)
    p.dateline_after = regex(r"\s*(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?(?:\([^()]{1,20}\)\s*)?\((?:"
                             + "|".join(re.escape(n) for n in outlets) + r")\)") if outlets else None
    # "in Damascus said": a place after a locative preposition is the place, not its government speaking
    p.locative_before = regex(rf"(?i)\b(?:{_alt([*knowledge.lexicon['locative_prepositions'], 'of'])})\s+(?:the\s+)?$")
    p.separator = regex(r"(?:['’]s)?\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+|/)\s*(?:the\s+)?"
                             r"(?:(?:towns?|villages?|cit(?:y|ies))\s+(?:of\s+)?)?", re.I)
    p.stop = frozenset(" ".join(_words(w)) for w in lex["not_place_words"])
    # names a pack's places.csv gives (places, admin-1 units, countries) are never foreign
    own = {_key(_words(n)) for r in knowledge.places for n in (r["name"], r.get("admin1", ""), r.get("country", ""),
                                                                 *_aliases(r.get("aliases", ""), ";")) if n}
    p.foreign = frozenset(_key(_words(w)) for w in lex["foreign_places"]) - own
    p.sentence_end = regex(r"[.!?;]\s|\n")
    # "a civilian from (the village of)", "hails from": a person's origin before a name (places_lexicon `origin`)
    origin = lex.get("origin") or {}
    town_nouns = _alt([*nb["town"], *nb["near"]])
    joins = _alt(origin.get("list_joins") or (",",))
    # (the) (village of) (the) and the earlier names of a list: capitalised runs joined by commas or list words
    listed = rf"(?:(?-i:{_CAP})[\w'’-]*(?:\s*,\s*(?:(?:{joins})\s+)?|\s+(?:{joins})\s+|\s+))*"
    tail = rf"\s+(?:the\s+)?(?:(?:{town_nouns})\s+of\s+(?:the\s+)?)?{listed}$"
    alts = []
    if origin.get("persons") and origin.get("links"):
        alts.append(rf"(?:{_alt(origin['persons'])})\s*(?:\([^()]{{0,30}}\)\s*)?,?\s+(?:{_alt(origin['links'])})")
    if origin.get("verbs"):
        alts.append(_alt(origin["verbs"]))
    p.origin_before = regex(rf"(?<![\w-])(?:{'|'.join(alts)}){tail}", re.I) if alts else None
    # "son of Mustafa and Hamida": names after a kinship word, up to the next punctuation
    speakers = lex.get("speaker_base") or ()
    # "a military source in Damascus said": where the voice is, before a speech verb after the name
    p.speaker_before = regex(rf"(?<![\w-])(?:{_alt(speakers)})\s+(?:(?:based|stationed)\s+)?in\s+(?:the\s+)?"
                             rf"(?:(?:city|town|province)\s+of\s+)?\Z", re.I) if speakers else None
    # "taken to Qamishli hospitals", "rushed to a hospital in Azaz": where the wounded were taken (`hospital_destination`)
    hosp = lex.get("hospital_destination") or {}
    if hosp.get("verbs") and hosp.get("nouns"):
        carry, nouns = _alt(hosp["verbs"]), _alt(hosp["nouns"])
        fillers = _alt(hosp.get("fillers") or ("nearby",))
        treat = rf"|(?:{_alt(hosp['treated'])})\s+(?:in|at)" if hosp.get("treated") else ""
        p.hospital_gate = tuple(sorted({max(str(w).lower().split(), key=len) for w in hosp["nouns"]}))
        p.hospital_to = regex(rf"(?<![\w-])(?:{carry})\s+to\s+(?:(?:the|a|an)\s+)?(?:(?:{fillers})\s+)?\Z", re.I)
        p.hospital_noun_after = regex(rf"(?:['’]s?)?(?:\s+(?-i:{_CAP})[\w'’-]*){{0,2}}\s+(?:{nouns}){_B}", re.I)
        p.hospital_in = regex(rf"(?<![\w-])(?:(?:{carry})\s+to{treat})\s+(?:(?:the|a|an|one|two|several)\s+)?"
                              rf"(?:[\w'’-]+\s+){{0,3}}?(?:{nouns})\s+(?:in|at|of)\s+(?:the\s+)?"
                              rf"(?:(?:nearby|neighbouring|neighboring)\s+)?(?:(?:town|city|village)\s+of\s+)?\Z", re.I)
        # the gap from that name to one that locates it ("... neighbourhood of", "..., a few miles east of
        # central"): no clause break, ends in a locating word
        breaks = _alt(hosp.get("locating_breaks") or ("after",))
        dirs = _alt(lex["directions"])
        places_nouns = _alt([*nb["town"], *nb["near"], *nb["governorate"]])
        p.hospital_located = regex(
            rf"(?:(?<![\w'’-])(?!(?:{breaks}){_B})[^.;:()!?]|(?<=[\w'’-])[^.;:()!?]){{0,60}}?"
            rf"(?:(?<![\w-])(?:in|of|near|outside)\s+|,\s*)(?:the\s+)?(?:(?:{dirs})\s+)?"
            rf"(?:(?:{places_nouns})\s+of\s+(?:the\s+)?)?(?:(?:{dirs})\s+)?", re.I)
    else:
        p.hospital_gate, p.hospital_to, p.hospital_noun_after, p.hospital_in = (), None, None, None
        p.hospital_located = None
    # "the Latakia-Aleppo international highway", "the M4 road between Aleppo and Al-Hasakah": a road's name and
    # the far towns a road links are not where the act was (`roads`)
    roads = lex.get("roads") or {}
    if roads.get("nouns"):
        road_nouns = _alt(roads["nouns"])
        adjs = _alt(roads.get("adjectives") or ("main",))
        p.road_after = regex(rf"(?:['’]s?)?\s+(?:(?:{adjs})\s+){{0,3}}[\"“‘']?(?:{road_nouns}){_B}", re.I)
        links = _alt(roads.get("links") or ("linking",))
        town_nouns_r = _alt([*nb["town"], *nb["near"], *nb["governorate"]])
        p.road_ends_before = regex(rf"(?<![\w-])(?:{road_nouns})[\"”’']?\s+(?:(?:that|which)\s+)?"
                                   rf"(?:(?:{links})\s+(?:(?:between|from)\s+)?|between\s+|from\s+)(?:the\s+)?"
                                   rf"(?:(?:{_alt(lex['directions'])})\s+)?(?:(?:{town_nouns_r})\s+of\s+(?:the\s+)?)?\Z",
                                   re.I)
        p.road_ends_gap = regex(rf"(?:['’]s?)?\s*(?:(?:{_alt([*na.get('town', ()), *na.get('countryside', ())])})\s+)?"
                                rf"(?:and|to|with)\s+(?:the\s+)?(?:(?:{_alt(lex['directions'])})\s+)?"
                                rf"(?:(?:{town_nouns_r})\s+of\s+(?:the\s+)?)?", re.I)
        p.road_km = float(roads.get("ends_km", 50))
        # "the road south of Manbij which connects the strategic city to Raqqa", "the highway leading to Aleppo":
        # the one end a road's clause names, after a description of the other or none (`roads.destinations`)
        p.road_noun = regex(rf"(?<![\w-])(?:{road_nouns}){_B}", re.I)  # a text naming no road has no road clause
        p.road_destination_before = regex(
            rf"(?<![\w-])(?:{road_nouns})[\"”’']?\s+(?:[^.;:()!?|\"“”]{{0,60}}?\s)?(?:(?:that|which)\s+)?"
            rf"(?P<link>{links})\s+(?:(?!(?:between|from)\s)[\w'’-]+\s+){{0,4}}?"
            rf"(?:{_alt(roads.get('destinations') or ('to',))})\s+(?:the\s+)?(?:(?:{_alt(lex['directions'])})\s+)?"
            rf"(?:(?:{town_nouns_r})\s+of\s+(?:the\s+)?)?\Z", re.I)
    else:
        p.road_after = p.road_ends_before = p.road_ends_gap = p.road_destination_before = p.road_noun = None
        p.road_km = math.inf
    kin = lex.get("kin_before") or ()
    p.kin_before = regex(rf"(?<![\w-])(?:{_alt(kin)})\s+[^,;:.()|]*$", re.I) if kin else None
    # the longest word of each cue phrase, lower-cased: a window holding none of them holds no cue (a substring
    # test per name instead of the anchored regexes, which try every position of the window)
    p.origin_gate = tuple(sorted({max(str(w).lower().split(), key=len) for w in
                                  [*(origin.get("links") or ()), *(origin.get("verbs") or ())]}))
    p.kin_gate = tuple(sorted({max(str(w).lower().split(), key=len) for w in kin}))
    _not_here_patterns(p, knowledge, lex, nb, na, cues)
    p.cues = _Cues(p.regions, p.pre_rev, p.before_rev, p.post, p.actor_after, p.speech_after, p.separator)
    p.lowered = _lowered(p.cues)
    return p


def _not_here_patterns(p: _Patterns, knowledge: Knowledge, lex: Mapping[str, Any], nb: Mapping[str, Any],
                       na: Mapping[str, Any], cues: Mapping[str, Any]) -> None:
    """What tells that a gazetteer name is not where something happened (issue
    10): a capital standing for its government (`metonyms`, `capitals`), a
    place named like an outlet after a channel word (`channel_before`), the
    reference point of a distance (`distance`), a region after a direction
    ("east of the Euphrates"), and the phrases that locate one name inside
    another ("X district in Y", "X village west of Y") for homonyms."""
    gz = knowledge.derived(_build_gazetteer)
    idx = gz._index
    words = p.words

    def hits(names: Iterable[str]) -> set[int]:
        out: set[int] = set()
        for n in names:
            w = words(n)
            if w:
                out.update(idx.exact.get(_key(w), ()) or idx.folded.get(p.fold(w), ()))
        return out

    p.capitals = frozenset(hits(lex.get("capitals") or ()))
    # outlets whose names are gazetteer names ("Al Mayadeen"): their places and folded spellings
    media_names = [n for o in (knowledge.outlets.get("outlets") or ()) for n in (o["name"], *(o.get("aliases") or ()))]
    media_names += [n for s in (knowledge.sources.get("sources") or ()) if s.get("type") == "media"
                    for n in (s["name"], *(s.get("aliases") or ()))]
    media_names = [n for n in media_names if _key(words(n)) not in p.foreign and hits((n,))]
    p.media = frozenset(hits(media_names))
    p.media_folds = frozenset(p.fold(words(n)) for n in media_names)
    p.not_here = p.capitals | p.media
    met = lex.get("metonyms") or {}
    aux = _alt(met.get("auxiliaries") or ())
    p.metonym_after = regex(rf"(?:['’]s?)?,?\s+(?:(?:{aux}),?\s+){{0,3}}(?:{_alt(met.get('verbs_after') or ())}){_B}",
                            re.I)
    p.metonym_before_rev = regex(rf"\s+(?:eht\s+)?(?:{_alt(met.get('before') or (), reverse=True)}){_B}", re.I)
    # "would require Damascus to reveal", "forced Ankara to accept": the object of a verb of making someone do
    # something, then "to" and a verb, is who is made to act (a government), only with "to" after it
    objects = met.get("object_before_infinitive") or ()
    p.metonym_object_rev = (regex(rf"\s+(?:eht\s+)?(?:{_alt(objects, reverse=True)}){_B}", re.I)
                            if objects else None)
    p.to_infinitive = regex(r"\s+to\s+(?!(?:the|a|an|its|their|his|her)\b)[a-z]")
    arts_rev = "|".join(re.escape(a[::-1]) for a in p.tr.span_articles)
    p.channel_rev = regex(rf"(?:[\s-]+(?:{arts_rev}))?[\s\"“‘(]+(?:eht\s+)?"
                          rf"(?:{_alt(lex.get('channel_before') or (), reverse=True)}){_B}", re.I)
    dist = lex.get("distance") or {}
    unit_km = {" ".join(k.lower().split()): float(v) for k, v in (dist.get("unit_km") or {}).items()}
    p.distance = {"unit_km": unit_km,
                  "numbers": {" ".join(k.lower().split()): float(v) for k, v in (dist.get("number_words") or {}).items()}}
    p.near_km = float(dist.get("near_km", 25))
    p.distance_cue_ends = tuple(str(w).lower() for w in dist.get("cue_ends") or ())
    p.governorate_km = float(dist.get("governorate_km", 50))
    p.homonym_km = float(dist.get("homonym_km", 100))
    dirs = _alt(lex["directions"])
    units = _alt([*cues["distance_units"], *unit_km])
    nums = _alt(p.distance["numbers"])
    town_nouns = _alt([*nb["town"], *nb["near"]])
    centre_nouns = _alt(dist.get("centre_nouns") or ("centre",))
    within = _alt(dist.get("within") or ("within",))
    qualifier = r"(?:(?:about|some|around|nearly|roughly|approximately|just|only|less\s+than|more\s+than|over|under)\s+)?"
    # "(within) (about) 30 km (20 miles) (away) (to the) north-east of (the) (Syrian) (city of) (the)" before a name
    p.units_any = regex(rf"(?<![a-z])(?:{units})(?![a-z])", re.I)
    # the unit words' letter runs (tested against `sentences.sentence_words`; none when a unit is not one run)
    # and those of them none of which holds another ("km" holds for "kms": substring tests)
    unit_words = {" ".join(u.lower().split()) for u in [*cues["distance_units"], *unit_km]}
    stems: list[str] = []
    for u in sorted(unit_words, key=len):
        if not any(k in u for k in stems):
            stems.append(u)
    runs = frozenset(unit_words) if all(re.fullmatch("[a-z]+", u) for u in unit_words) else frozenset()
    p.unit_stems = (runs, tuple(stems))
    p.dir_of_end = regex(rf"(?<![\w-])(?:(?:to\s+the\s+|the\s+)?(?:{dirs})\s+(?:of|from)|(?:{dirs})wards?\s+of)\s+"
                         r"(?:the\s+)?\Z", re.I)
    p.quarter = frozenset(" ".join(words(n)) for n in lex.get("quarter_nouns") or ())
    # the gap between two names that puts the first inside the second ("X district in east Y", "X, Y province",
    # "X neighbourhood of Y") or points from it to the second ("X village to the west of Y city", "X near Y")
    after = _alt([*na.get("town", ()), *na.get("near", ()), *na.get("district", ())])
    before = _alt([*nb["town"], *nb["near"], *nb["governorate"]])
    lead = rf"(?:['’]s?)?\s*(?:(?:{after})\b\s*)?,?\s*(?:(?:which\s+)?(?:lies|is|are|located|situated|lying)\s+)?"
    tail = rf"\s+(?:the\s+)?(?:(?:{dirs})\s+)?(?:(?:{before})\s+(?:of\s+)?)?(?:the\s+)?(?:(?:{dirs})\s+)?"
    p.containing_gap = regex(rf"{lead}(?:in|of|inside|within)(?:{tail})?|\s*,\s*(?:the\s+)?", re.I)
    p.pointing_gap = regex(rf"{lead}{qualifier}(?:\S+\s*(?:{units})\.?\s*(?:\([^()]*\)\s*)?)?"
                           rf"(?:(?:to\s+the\s+|the\s+)?(?:{dirs})\s+of|near|outside|close\s+to){tail}", re.I)
    groups: dict[str, str] = {}
    for grp in knowledge.admin1.get("groups") or ():
        for g in grp:
            groups[g] = grp[0]
    p.groups = groups
    p.distance["pattern"] = regex(
        rf"(?P<within>(?:{within})\s+)?{qualifier}(?P<num>\d[\d,]*(?:\.\d+)?|{nums})\s*-?\s*(?P<unit>{units})\.?\s*"
        r"(?:\([^()]{0,30}\)\s*)?(?:(?:away|off|further|farther)\s+)?"
        rf"(?:(?:to\s+the\s+|the\s+)?(?:{dirs})\s+)?(?:of|from|away\s+from|outside(?:\s+of)?)\s+"
        rf"(?:(?:the\s+)?(?:{dirs})\s+of\s+)?(?:the\s+)?(?:[\w’'-]+\s+)?(?:(?:{town_nouns}|{centre_nouns})\s+of\s+(?:the\s+)?)?\Z",
        re.I)


def _persons(text: str, start: int, pats: _Patterns) -> bool:
    """Whether the name at `start` is a person's origin ("a civilian from
    Deir Ezzor was shot dead near X", "the victim hails from Y village") or
    a person's name after a kinship word ("son of Mustafa and Hamida"):
    neither is where the act happened (places_lexicon `origin`, `kin_before`)."""
    lo = max(0, start - 80)
    window = text[lo:start].lower()
    if pats.origin_before is not None and any(w in window for w in pats.origin_gate) \
            and pats.origin_before.search(text, lo, start):
        return True
    return pats.kin_before is not None and any(w in window[-50:] for w in pats.kin_gate) \
        and pats.kin_before.search(text, max(0, start - 50), start) is not None


def _hospital_destination(text: str, start: int, end: int, pats: _Patterns) -> bool:
    """Whether the name at `start`-`end` is where the wounded were taken
    ("taken to Qamishli hospitals", "rushed to a field hospital in Kafr
    Takharim", "treated at hospitals in Azaz": places_lexicon
    `hospital_destination`): not where the act happened."""
    if pats.hospital_in is None or pats.hospital_to is None or pats.hospital_noun_after is None:
        return False
    lo = max(0, start - 80)
    window = text[lo:end + 40].lower()
    if not any(w in window for w in pats.hospital_gate):
        return False
    if pats.hospital_to.search(text, lo, start) and pats.hospital_noun_after.match(text, end, end + 40):
        return True
    return pats.hospital_in.search(text, lo, start) is not None


def _town_pair(raw: str, gz: Gazetteer, pats: _Patterns) -> bool:
    """Whether `raw` is two gazetteer names joined by a hyphen ("Latakia-Aleppo",
    "Tal Abyad-Ain Issa"; not "Al-Hasakah", "Deir ez-Zor")."""
    idx = gz._index
    for m in re.finditer(r"[-‐–](?=[A-Z])", raw):
        left, right = pats.words(raw[:m.start()]), pats.words(raw[m.end():])
        if left and right and all(idx.exact.get(_key(w)) or idx.folded.get(pats.fold(w)) for w in (left, right)):
            return True
    return False


def _without_far_road_ends(text: str, out: list[PlaceMention], pats: _Patterns, offset: int) -> list[PlaceMention]:
    """The mentions without the two towns a road links ("the M4 road between
    Aleppo and Al-Hasakah", "the highway linking Homs to Palmyra") when they
    lie farther apart than places_lexicon `roads.ends_km`: the act was
    somewhere along the road, near neither. Ends close to each other stay
    ("the road between Tasil and Masaken Jilin": the act was near both)."""
    if pats.road_ends_before is None or pats.road_ends_gap is None:
        return out
    drop: set[int] = set()
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
            continue
        if not pats.road_ends_gap.fullmatch(text, a.end - offset, b.start - offset):
            continue
        if not pats.road_ends_before.search(text, max(0, a.start - offset - 60), a.start - offset):
            continue
        if _haversine((a.lat, a.lon), (b.lat, b.lon)) > pats.road_km:
            drop.update((k, k + 1))
    return [m for k, m in enumerate(out) if k not in drop] if drop else out


def _reference_km(text: str, start: int, pats: _Patterns) -> float | None:
    """How far from the name at `start` the sentence puts something ("30 km
    north-east of Aleppo": 30), negative after "within" ("within 20 km of
    X": -20, how close someone came), None when no distance phrase stands
    before the name."""
    lo = max(0, start - 110)
    if not pats.units_any.search(text, lo, start):
        return None
    m = pats.distance["pattern"].search(text[lo:start])
    if m is None:
        return None
    num = m.group("num").lower().replace(",", "")
    try:
        n = float(num)
    except ValueError:
        n = pats.distance["numbers"].get(" ".join(num.split()), math.inf)
    km = n * pats.distance["unit_km"].get(m.group("unit").lower(), 1.0)
    # "came within 12 miles of X": how close someone came, never near X (a reference however close)
    return -km if m.group("within") else km


def _not_here(text: str, start: int, end: int, raw: str, hit: tuple[int, ...], pats: _Patterns) -> bool:
    """A capital standing for its government ("Damascus refuted", "aiding
    Damascus") or a place named like an outlet after a channel word ("in
    comments to al-Mayadeen"): not a place."""
    if not pats.capitals.isdisjoint(hit) and not pats.locative_before.search(text, max(0, start - 24), start):
        if pats.metonym_after.match(text, end, end + 60):
            return True
        if pats.metonym_before_rev.match(text[max(0, start - 40):start][::-1]):
            return True
        if pats.metonym_object_rev is not None and pats.to_infinitive.match(text, end, end + 8) \
                and pats.metonym_object_rev.match(text[max(0, start - 40):start][::-1]):
            return True
    if not pats.media.isdisjoint(hit) and pats.fold(pats.words(raw)) in pats.media_folds:
        if pats.channel_rev.match(text[max(0, start - 40):start][::-1]):
            return True
    return False


# --------------------------------------------------------------------------- finding places

@dataclass
class _Cand:
    """A place phrase found by the scan, before the reading is chosen."""

    start: int
    end: int
    raw: str
    cands: tuple[int, ...] = ()
    score: float = 0.0
    want: str | None = None          # "governorate" | "town" | None (from the cue words)
    near: bool = False
    cue: str = ""
    strength: int = 0                # 0 none, 1 weak ("in"), 2 strong ("near", "the town of")
    gov_name: str | None = None      # set for governorate-level readings
    region: dict | None = None
    unknown_kind: str = ""
    ref_km: float | None = None      # the reference point of a distance this far ("40 km south of X"): not the place
    quarter: bool = False            # named as a quarter of a city ("X neighbourhood")


def find_places(text: str, *, knowledge: Knowledge, default_governorate: str | None = None,
                offset: int = 0, known_governorates: Iterable[str] = (),
                words: frozenset[str] | None = None) -> list[PlaceMention]:
    """Place mentions in `text` (a sentence or a document), in text order.

    Gazetteer names are found anywhere; a capitalised name the gazetteer lacks
    is returned (coordinates None, score 0, source "unresolved") only after a
    strong cue ("near X", "the town/village of X"). Its governorate is
    inherited from the text: the first governorate-bearing mention after it in
    the same sentence ("Fleifel and Saraqib in southeastern Idlib"), else the
    nearest one before it, else `default_governorate` (e.g. the document's
    `dominant_governorate`). Names of armed groups, persons and media
    ("Hayat Tahrir al-Sham", "President Assad", "TV station al-Mayadeen") and
    metonyms ("the Damascus government", "Idlib militant groups") are skipped.

    `known_governorates` are those the document has named so far: a town
    found only through one of its aliases (not its own name), without a
    strong cue, in a governorate neither the text nor the document names, is
    left unresolved rather than placed there ("the road to al-Hal market" in
    a report on Idlib is not Al Hawl, an alias of which it spells, 400 km away).
    `words`: the text's `sentences.sentence_words` when already computed.
    """
    if not text:
        return []
    gz = knowledge.derived(_build_gazetteer)
    pats = knowledge.derived(_build_patterns)
    return _finish(text, _scan(text, gz, pats, words), gz, pats, default_governorate, offset,
                   frozenset(known_governorates))


def without_section_label(sentence: str, places: list[PlaceMention], *, knowledge: Knowledge,
                          offset: int = 0) -> list[PlaceMention]:
    """`places` without the governorate a monitor's section label names
    ("Idlib province: SOHR activists documented the death of a soldier ... on
    the Aajel frontline in western Aleppo countryside") when the sentence
    names a place of another governorate: the label files the item, the words
    after it say where the act was. A label the sentence bears out stays.
    `offset`: where the sentence starts in the text the mentions' offsets are of."""
    if len(places) < 2:
        return places
    first = places[0]
    if first.start - offset > 2 or first.precision != "governorate":
        return places
    rx = knowledge.derived(_section_label)
    if rx is None or not rx.match(sentence, first.end - offset):
        return places
    rest = [p for p in places[1:] if p.governorate]
    if rest and all(p.governorate != first.governorate for p in rest):
        return places[1:]
    return places


def _section_label(knowledge: Knowledge) -> re.Pattern[str] | None:
    words = list(knowledge.places_lexicon.get("section_label_words") or ())
    if not words:
        return None
    return regex(r"(?i)\s*(?:" + phrase_pattern(words) + r")?\s*[:|]")


def _scan(text: str, gz: Gazetteer, pats: _Patterns, words: frozenset[str] | None = None) -> list[_Cand]:
    out: list[_Cand] = []
    taken = 0                      # text before this offset is consumed
    prev: _Cand | None = None      # previous name, for lists ("the towns X, Y and Z")
    # a region lead word in a window is a substring of the lower-cased text, its
    # letter runs among the text's words: test that once
    lower = text.lower()
    leads = (not pats.region_lead_runs.isdisjoint(words) if words is not None and pats.region_lead_runs
             else pats.region_lead_any.search(lower) is not None)
    # the cue patterns run on the lower-cased text when it is ASCII (`_lowered`)
    cues, t = (pats.lowered, lower) if pats.lowered is not None and text.isascii() else (pats.cues, text)
    rt = t[::-1]  # read backwards from a name by the reversed patterns (`_context`, `_blocked`)
    # a unit of distance anywhere (a letter run of the text's words, else a substring): `_reference_km` may find one
    distances = (not pats.unit_stems[0].isdisjoint(words) if words is not None and pats.unit_stems[0]
                 else any(u in lower for u in pats.unit_stems[1]))
    segments = gz._index.segments
    filed: list[_Cand] = []        # names of a wire dateline
    filed_end = -1                 # where the last wire dateline ends
    treated_end = -1               # where the last name the wounded were taken to ends (`_hospital_destination`)
    hospital = any(w in lower for w in pats.hospital_gate)  # a hospital word anywhere: one test per text
    for s0, e0 in _spans(text, pats):
        if e0 <= taken:
            continue
        if leads and not pats.region_lead.isdisjoint(text[max(taken, s0 - 48):s0].lower().split()[-5:]):
            reg = _region_before(text, t, cues, s0, pats, taken)
            if reg is not None and _region_is_direction(text, reg, pats):
                reg = None   # "30 km north-east of Aleppo city": the city is read as a name
            if reg is not None:
                if not _region_is_reference(text, reg, pats):
                    out.append(reg)
                taken = reg.end
                prev = None
                if e0 <= taken:
                    continue
        span = text[s0:e0]
        toks, items = segments.get(span) or _segment(span, gz, pats)  # the memo read here: most runs recur
        for i, j, hit, score, flag, regionable in items:
            start = s0 + toks[i][0]
            if start < taken:
                continue
            if flag == "mask":
                prev = None
                taken = s0 + toks[j - 1][1]
                continue
            if regionable:
                rm = cues.regions.match(t, start)
                if rm:
                    rc = _region_cand(text, rm, pats)
                    if not _region_is_reference(text, rc, pats):
                        out.append(rc)
                    taken = rm.end()
                    prev = None
                    continue
            if flag in ("foreign", "skip"):
                continue
            ctx = _context(text, t, rt, cues, start, pats, prev)
            if flag == "open":
                if not ctx["strength"]:
                    continue
                found = _cued_match(toks, i, gz, pats, ctx["strength"])
                if found is None:
                    continue
                j, hit, score = found
            end = s0 + toks[j - 1][1]
            raw = text[start:end]
            if raw.endswith(_POSSESSIVES):  # one test for the common case: no possessive
                for suffix in _POSSESSIVES:
                    if raw.endswith(suffix):
                        end -= len(suffix)
                        raw = raw[: -len(suffix)]
                        break
            taken = end
            if _blocked(t, rt, cues, start, end) or (not hit and cues.speech_after.match(t, end, end + 30)) or (
                    hit and pats.speaks_after.match(text, end, end + 30)
                    and not pats.locative_before.search(text, max(0, start - 24), start)):
                # "Damascus said", "Ankara warned": a place that speaks is its government (a metonym)
                prev = None
                continue
            if hit and not pats.not_here.isdisjoint(hit) and _not_here(text, start, end, raw, hit, pats):
                prev = None   # "Damascus refuted", "aiding Damascus", "in comments to al-Mayadeen"
                continue
            if _persons(text, start, pats):
                prev = None   # "a civilian from Deir Ezzor", "son of Mustafa and Hamida": an origin, a name
                continue
            if "-" in raw and pats.road_after is not None and pats.road_after.match(text, end) \
                    and _town_pair(raw, gz, pats):
                prev = None   # "the Latakia-Aleppo international highway": a road's name, not a place
                continue
            if (hospital and _hospital_destination(text, start, end, pats)) or (
                    treated_end >= 0 and pats.hospital_located is not None
                    and pats.hospital_located.fullmatch(text, treated_end, start) is not None):
                # "taken to Qamishli hospitals": where the wounded were taken, and the names that locate it ("a
                # hospital in the Duma neighbourhood of Damascus")
                prev, treated_end = None, end
                continue
            # "DAMASCUS (Sputnik) -": where the copy was filed
            filed_by = pats.dateline_after.match(text, end) if pats.dateline_after is not None else None
            if filed_by is not None:
                filed_end = filed_by.end()
            dateline = start < filed_end   # the name or the country in brackets after it ("(Syria) (AFP)")
            words = pats.words(toks[i][2]) if j == i + 1 else tuple(w for t in toks[i:j] for w in pats.words(t[2]))
            cand = _Cand(start, end, raw, hit, score, cue=ctx["cue"], near=ctx["near"], strength=ctx["strength"])
            _apply_context(cand, text, t, cues, ctx, gz, pats, words)
            if distances and ctx["cue"] and ctx["cue"].lower().endswith(pats.distance_cue_ends):  # "... km (north) of"
                km = _reference_km(text, start, pats)
                if km is not None:
                    if 0 <= km <= pats.near_km:
                        cand.near = True    # "5 km from X": near X
                    else:
                        cand.ref_km = abs(km)  # "X, 40 km south of Homs": Homs is not where it happened
            if not hit and cand.gov_name is None:
                cand.unknown_kind = "village" if "village" in ctx["cue"].lower() else "town"
            taken = max(taken, cand.end)
            out.append(cand)
            prev = None if dateline else cand
            if dateline:
                filed.append(cand)
    if filed:
        # a wire dateline names where the copy was filed ("DAMASCUS (Sputnik) - ... strikes on Raqqa",
        # "DAMASCUS (Sputnik) Earlier in the day SANA reported about ten casualties"), not where the act was
        out = [c for c in out if not any(c is f for f in filed)]
    return out


_NOT_AFTER_WORD = regex(r"(?<![\w-])")
_POSSESSIVES = ("'s", "’s", "'", "’")  # cut off a name's end, longest first


def _spans(text: str, pats: _Patterns) -> list[tuple[int, int]]:
    """(start, end) of the matches of `pats.span` in `text`: the runs of
    `span_caps`, each moved back over an article and hyphen glued before it
    ("al-" of "al-Raqqa") where `span` would start it, at a word start after
    the previous run."""
    out = [m.span() for m in pats.span_caps.finditer(text)]
    if "-" not in text:
        return out  # no hyphen: no article glued before a run
    arts = pats.span_articles
    prev = 0
    for k, (s, e) in enumerate(out):
        if s >= 2 and text[s - 1] == "-":
            for a in arts:
                q = s - 1 - len(a)
                if q >= prev and text.startswith(a, q) and _NOT_AFTER_WORD.match(text, q):
                    out[k] = (q, e)
                    break
        prev = e
    return out


_Tok = tuple[int, int, str]


def _segment(span: str, gz: Gazetteer, pats: _Patterns) -> tuple[tuple[_Tok, ...], tuple[tuple, ...]]:
    """Tokens of a capitalised run and what each part is, memoised per
    gazetteer: (i, j, places, score, flag, may_start_region) items where flag is
    hit (tokens i..j are an alias), mask (an armed group or body), foreign,
    open (not an alias but may name a place after a cue) or skip."""
    got = gz._index.segments.get(span)
    if got is not None:
        return got
    toks = tuple((t.start(), t.end(), t.group()) for t in pats.token.finditer(span))
    items: list[tuple] = []
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i][2]
        w0 = pats.words(tok)
        if not w0 or tok in pats.particles:
            i += 1
            continue
        regionable = w0[0] in pats.region_first
        if w0[0] in pats.mask_first:
            mm = pats.mask.match(span, toks[i][0])
            if mm:
                j = i + 1
                while j < n and toks[j][0] < mm.end():
                    j += 1
                items.append((i, j, (), 0.0, "mask", regionable))
                i = j
                continue
        found = _longest_match(toks, i, gz, pats)
        if found is not None and found[1] and found[2] < 100 and items and items[-1][1] == i \
                and items[-1][4] == "open" and pats.fold(pats.words(toks[i - 1][2])) in pats.name_heads:
            # a spelling variant right after a generic head word of a name that names nothing alone ("Abo",
            # "Tel", "Umm": transliteration.yaml `name_heads`) is the tail of that name: it stands only if
            # the name with its head is a spelling of the same place ("Tel Rifaat" is Tall Rifat); "Abo
            # Raseen" (Abu Rasin) is no "Ras al-Ayn" (a fold of its alias "Rass el Ein")
            h = items[-1][0]
            whole = gz._resolve(tuple(w for t in toks[h:found[0]] for w in pats.words(t[2])), strength=2)
            if set(whole[0]) & set(found[1]):
                items[-1] = (h, found[0], whole[0], whole[1], "hit", items[-1][5])
            else:
                items.append((i, found[0], (), 0.0, "skip", regionable))   # the head stays open for a cue
            i = found[0]
            continue
        if found is not None:
            j, hit, score = found
            items.append((i, j, hit, score, "hit" if hit else "foreign", regionable))
            i = j
            continue
        flag = "skip" if (" ".join(w0) in pats.stop or not _name_like(tok, pats)) else "open"
        if flag == "open" or regionable:
            items.append((i, i + 1, (), 0.0, flag, regionable))
        i += 1
    return gz._index.segments.put(span, (toks, tuple(items)))  # type: ignore[no-any-return]


def _name_like(tok: str, pats: _Patterns) -> bool:
    """Could `tok` begin a place name the gazetteer lacks? Not an acronym
    (HQ, SANA), not "Kurdish-led" or "Turkish-Syrian"."""
    if len(tok) < 3 or not any(c.islower() for c in tok):
        return False
    parts = re.split(r"[-‐]", tok)
    for k, part in enumerate(parts):
        if not part:
            continue
        if k and part[0].islower() and part.lower() not in pats.particles:
            return False
        w = " ".join(pats.words(part))
        if w in pats.stop or (w.endswith("s") and w[:-1] in pats.stop):   # "Observatorys", "Daeshs"
            return False
    return True


def _longest_match(toks: tuple[_Tok, ...], i: int, gz: Gazetteer,
                   pats: _Patterns) -> tuple[int, tuple[int, ...], float] | None:
    """Longest run of tokens from `i` that is a gazetteer alias (exact or
    folded); (j, (), -1) for a foreign place."""
    n = len(toks)
    first = _key(pats.words(toks[i][2])).split(" ", 1)[0]
    longest = min(n, i + 6) if pats.fold((first,)) in gz._index.multi_first else i + 1
    for j in range(longest, i, -1):
        last = toks[j - 1][2]
        if last in pats.particles:
            continue
        lw = pats.words(last)
        if not lw or (j > i + 1 and " ".join(lw) in pats.stop):
            continue
        words = tuple(w for t in toks[i:j] for w in pats.words(t[2]))
        k = _key(words)
        if k in pats.foreign or (k.endswith("s") and k[:-1] in pats.foreign):
            return j, (), -1.0
        if j == i + 1:
            if k in pats.stop or (k.endswith("s") and k[:-1] in pats.stop):
                return None
            if toks[i][2].isupper() and len(k) <= 4:     # acronyms (SANA, HTS): exact names only
                hit = gz._index.exact.get(k)
                return (j, hit, 100.0) if hit else None
        hit, score = gz._resolve(words, strength=0)
        if hit:
            return j, hit, score
    return None


def _cued_match(toks: tuple[_Tok, ...], i: int, gz: Gazetteer, pats: _Patterns,
                strength: int) -> tuple[int, tuple[int, ...], float] | None:
    """After a cue: a fuzzy match of the name, or (strong cue) the name itself
    as an unresolved place."""
    n = len(toks)
    j = min(n, i + 4)
    while j > i + 1 and (toks[j - 1][2] in pats.particles or " ".join(pats.words(toks[j - 1][2])) in pats.stop
                         or not _name_like(toks[j - 1][2], pats) and toks[j - 1][2][:1].isupper()):
        j -= 1
    words = tuple(w for t in toks[i:j] for w in pats.words(t[2]))
    if _key(words) in pats.foreign or len(_key(words)) < 3:
        return None
    hit, score = gz._resolve(words, strength=strength)
    if not hit and j > i + 1:
        first = pats.words(toks[i][2])
        hit1, score1 = gz._resolve(first, strength=strength)
        if hit1:
            return i + 1, hit1, score1
    if hit:
        return j, hit, score
    if strength >= 2:
        return j, (), 0.0
    return None


def _region_cand(text: str, rm: re.Match, pats: _Patterns) -> _Cand:
    """The region phrase `rm` matched (in `text` or its lower-cased copy)."""
    raw = text[rm.start():rm.end()]
    reg = pats.region_by_key.get(_key(pats.words(raw)))
    return _Cand(rm.start(), rm.end(), raw, score=100.0, region=reg)


def _region_before(text: str, t: str, cues: _Cues, start: int, pats: _Patterns, taken: int) -> _Cand | None:
    """A lexicon region phrase that begins up to five words before a capitalised
    name and runs into it ("the central Syrian desert", "the Euphrates").
    `t` is `text` or its lower-cased copy, as `cues` need."""
    lo = max(taken, start - 48)
    words = list(_WORD.finditer(text, lo, start))[-5:]
    for w in words:
        if pats.words(w.group())[:1] and pats.words(w.group())[0] in pats.region_first:
            rm = cues.regions.match(t, w.start())
            if rm and rm.end() > start and rm.group().lower().strip().split()[0] == w.group().lower() \
                    and pats.region_by_key.get(_key(pats.words(rm.group()))) is not None:
                return _region_cand(text, rm, pats)
    return None


def _region_is_direction(text: str, c: _Cand, pats: _Patterns) -> bool:
    """A region phrase that names the region only after "the" ("in the east
    of Aleppo city", places_lexicon `regions[].after_the`) used without it:
    a direction from the place ("positions east of Aleppo city")."""
    return bool(pats.region_after_the) and _key(pats.words(c.raw)) in pats.region_after_the \
        and not _THE_BEFORE.search(text, max(0, c.start - 8), c.start)


_THE_BEFORE = regex(r"(?i)\bthe\s+$")


def _region_is_reference(text: str, c: _Cand, pats: _Patterns) -> bool:
    """A region named as a reference line or point: after a direction ("east
    of the Euphrates") or a distance ("within 20 km of the Euphrates River");
    a landmark only after a distance beyond `near_km`."""
    line = (c.region or {}).get("kind", "region") == "region"
    if line and pats.dir_of_end.search(text, max(0, c.start - 40), c.start):
        return True
    km = _reference_km(text, c.start, pats)
    return km is not None and (line or not 0 <= km <= pats.near_km)


def _blocked(t: str, rt: str, cues: _Cues, start: int, end: int) -> bool:
    """A person ("President Assad"), a medium ("TV station al-Mayadeen") or a
    metonym ("the Damascus government", "Idlib militant groups"). `t` is the
    text or its lower-cased copy, as `cues` need, `rt` it reversed (the 40
    characters before `start`, read backwards, are `rt[n - start:n - start + 40]`)."""
    n = len(t)
    if cues.before_rev.match(rt, n - start, n - max(0, start - 40)):
        return True
    return cues.actor_after.match(t, end, end + 40) is not None


_LAST_RUN_REV = regex(r"[\s\"“‘(\[]*([a-z]*)")  # read backwards: what pre_rev skips, then the word's letters


def _context(text: str, t: str, rt: str, cues: _Cues, start: int, pats: _Patterns, prev: _Cand | None) -> dict:
    """Cue words before `start`. After a list separator ("near the towns X, Y
    and Z") the previous name's cue carries over. `t` is `text` or its
    lower-cased copy, as `cues` need, `rt` it reversed (the reversed patterns
    read the 90 characters before `start` backwards from `len(t) - start`)."""
    res = {"near": False, "cue": "", "strength": 0, "dir": None, "noun_kind": "", "want": None,
           "pre_start": start}
    if prev is not None and 0 <= start - prev.end < 40 and cues.separator.fullmatch(t, prev.end, start):
        if prev.gov_name:    # "southern Idlib and Hama": only the governorate reading carries over
            res["want"] = "governorate"
            return res
        res.update(near=prev.near, cue=prev.cue, strength=prev.strength,
                   want=prev.want if prev.want == "town" else None)
        return res
    lo = max(0, start - 90)
    base = len(t) - start  # where the window read backwards starts in `rt`
    if cues is pats.lowered and pats.pre_last is not None \
            and _LAST_RUN_REV.match(rt, base, base + start - lo).group(1)[::-1] not in pats.pre_last:
        return res  # the word before the name ends no cue phrase (`_Patterns.pre_last`)
    m = cues.pre_rev.match(rt, base, base + start - lo)
    if m is None:
        return res
    of, noun, dir_, the, near, at = m.group("of", "noun", "dir", "the", "near", "at")
    if not (noun or dir_ or near or at):
        return res
    rev = text[lo:start][::-1]
    noun_words = pats.words(noun[::-1]) if noun else ()
    noun_kind = pats.noun_kind_before.get(" ".join(noun_words), "") if noun else ""
    res["cue"] = " ".join(rev[: m.end() - base][::-1].split())
    res["dir"] = rev[m.start("dir") - base:m.end("dir") - base][::-1] if dir_ else None
    res["noun_kind"] = noun_kind
    res["near"] = bool(near) or noun_kind == "near"
    # strong: "near X", "5 km north of X", "the town of X", "the towns X, Y"
    # (a bare plural noun without "of"/"the" is too often a run-on headline)
    strong_near = bool(near) and (" ".join(pats.words(near[::-1])) in pats.strong_near or near[:2].lower() == "fo")
    strong_noun = noun_kind in ("town", "near") and bool(of or the)
    res["strength"] = 2 if strong_near or strong_noun else 1
    if noun_kind == "governorate":
        res["want"] = "governorate"
    elif noun_kind == "town" and noun_words[:1] and noun_words[0] in ("city", "cities", "town", "towns", "port"):
        res["want"] = "town"
    first = m.end("dir") - base if dir_ else (m.end("noun") - base if noun else 0)
    res["pre_start"] = start - first
    return res


_NAME_GOES_ON = regex(r"(?:['’]s?)?\s+[A-Z]")  # "outside the Damascus Opera House": the name modifies another


def _apply_context(c: _Cand, text: str, t: str, cues: _Cues, ctx: dict, gz: Gazetteer, pats: _Patterns,
                   words: tuple[str, ...]) -> None:
    """Choose the reading of a name from the words around it: governorate
    ("southern Idlib", "Idlib province", "the countryside of Aleppo"), town
    ("the city of Idlib"), near a town ("near X", "X area", "northern Saraqib")."""
    post = cues.post.match(t, c.end, c.end + 60)
    post_noun = " ".join(pats.words(post.group("noun"))) if post else ""
    post_kind = pats.noun_kind_after.get(post_noun, "") if post else ""
    if post_noun and post_noun in pats.quarter:   # "al-Hamidiyeh neighbourhood" (not "the X neighbourhood of Y")
        c.quarter = True
    gov = gz._governorate(words)
    c.want = ctx["want"]
    if post_kind == "town":
        c.want = "town"
    cue = ctx["cue"].lower()
    cue_words = frozenset(pats.words(cue)) if cue else frozenset()
    countryside = ctx["noun_kind"] == "near" and bool(cue_words & pats.countryside_before)
    if not countryside and gov and cue_words & pats.outskirts_before and not _NAME_GOES_ON.match(text, c.end):
        # "the outskirts of Damascus": the seat's countryside unit where that is another governorate
        # (Rif Dimashq); "the outskirts of Aleppo" stays near the city; only when the name is the cue's whole
        # object ("outside Damascus's Old City walls" is in Damascus)
        countryside = gz._index.countryside.get(gov, gov) != gov
    rural = bool(ctx["dir"]) and ctx["dir"].lower() in ("rural", "outer")
    if post_kind == "countryside" or countryside or rural:
        if gov:
            c.gov_name = gz._index.countryside.get(gov, gov)
        else:
            c.near = True
    elif post_kind == "governorate" or ctx["want"] == "governorate":
        if gov:
            c.gov_name = gov
    elif ctx["dir"] and c.want != "town":
        if gov:
            c.gov_name = gov
        else:
            c.near = True
    elif post_kind == "near":
        c.near = True
    elif post_kind == "district" or (ctx["noun_kind"] == "town" and "district" in cue):
        dist = gz._resolve((*words, "district"), strength=0)[0]   # "Ariha district" is an admin2 unit
        if dist:
            c.cands = dist
    if c.gov_name is not None:
        c.want = "governorate"
        if ctx["dir"] or ctx["noun_kind"]:
            c.start = ctx["pre_start"]
        if post:
            c.end = post.end()
        c.raw = text[c.start:c.end]
        c.cue = c.cue or (text[post.start():post.end()].strip() if post else "")
    elif post and not c.cue:
        c.cue = text[post.start():post.end()].strip()


#: the score of a mention whose name has namesakes in other governorates and
#: which nothing in the text placed (no governorate of the sentence or the
#: report so far): the larger one is taken, and marked as a guess
AMBIGUOUS_SCORE = 50.0


def _namesake_govs(ids: Sequence[int], places: Sequence[Place]) -> int:
    """How many governorates the places `ids` (not governorates) lie in."""
    return len({places[i].governorate for i in ids if places[i].kind != "governorate"})


def _one_governorate(ids: Sequence[int], places: Sequence[Place]) -> bool:
    """Whether the places `ids` all lie in one governorate (most names have
    one candidate: the callers test that first, without building a set)."""
    return len({places[i].governorate for i in ids}) == 1


def _finish(text: str, cands: list[_Cand], gz: Gazetteer, pats: _Patterns,
            default_governorate: str | None, offset: int = 0,
            known: frozenset[str] = frozenset()) -> list[PlaceMention]:
    """The mentions of the candidates, offsets shifted by `offset` (a
    sentence's place in its document). The reference point of a distance
    ("40 km south of Homs") is read for the governorate of the names around
    it, then left out (`_drop_references`)."""
    if not cands:
        return []
    places = gz.places
    memo = gz._index.memo
    context: dict[str, int] = {}
    for c in cands:
        if c.ref_km is not None and c.ref_km > pats.governorate_km:
            continue   # a point far away says nothing of the governorate
        if c.gov_name:
            g: str | None = c.gov_name
        elif c.region is not None and c.region.get("governorate"):
            g = c.region["governorate"]
        elif c.cands and (len(c.cands) == 1 or _one_governorate(c.cands, places)) and places[c.cands[0]].governorate:
            g = places[c.cands[0]].governorate   # one place, or a seat town and its governorate ("Hama")
        else:
            continue
        context[g] = context.get(g, 0) + 1  # type: ignore[index]
    ctx = tuple(sorted(context, key=lambda g: -context[g]))  # most cited first, ties in text order
    points = tuple((pl.lat, pl.lon) for c in cands if len(c.cands) == 1 and c.ref_km is None and c.gov_name is None
                   for pl in (places[c.cands[0]],) if pl.lat is not None and pl.lon is not None)
    out: list[PlaceMention] = []
    chosen: list[Place | None] = []     # the gazetteer place of each mention (None: a region, unresolved)
    refs: dict[int, str | None] = {}    # mention index -> the governorate a reference point lends (None: too far)
    quarters: set[int] = set()          # ids of the unresolved quarters of a city
    small = False                       # a town without population was chosen (`_relocate`)
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        start, end = c.start + offset, c.end + offset
        p = None
        if c.region is not None:
            r = c.region
            kind = r.get("kind", "region")
            mention = PlaceMention(start, end, c.raw, r["name"], kind, r.get("governorate") or None,
                                   None, None, kind if kind in ("region", "country") else "town", 100.0, "", "region")
        elif c.gov_name is not None:
            gi = gz._index.gov_place.get(c.gov_name)
            mention = PlaceMention(start, end, c.raw, c.gov_name, "governorate", c.gov_name, None, None,
                                   "governorate", c.score or 100.0, c.cue,
                                   places[gi].source if gi is not None else "admin1")
        elif not c.cands:
            mention = PlaceMention(start, end, c.raw, " ".join(c.raw.split()), c.unknown_kind or "town",
                                   None, None, None, "near_town" if c.near else "town", 0.0, c.cue, "unresolved")
        else:
            if len(c.cands) == 1 and c.want is None and places[c.cands[0]].kind != "governorate":
                p = places[c.cands[0]]  # one place, no cue to weigh: `_choose`'s first case, without the call
            else:
                key = ("choose", c.cands, c.want, ctx, known, points)  # a name read in the same context: memoised
                got = memo.get(key)
                if got is None:
                    got = memo.put(key, gz._choose(c.cands, want=c.want, context=ctx, known=known, near=points,
                                                   near_km=pats.homonym_km))
                p = places[got]
            seat = gz._index.seat.get(p.governorate or "") if c.quarter else None
            quarter = c.quarter and p.kind not in _QUARTER_KINDS and p.population is None \
                and (seat is None or places[seat] is not p)   # a small town named as a city's quarter
            if known and p.kind != "governorate" and p.governorate and p.governorate not in known and (
                    quarter or c.strength < 2):
                own = not c.gov_name and c.region is None and (len(c.cands) == 1 or _one_governorate(c.cands, places))
                named = context.get(p.governorate, 0) - own  # by the text's other places
                # a name the document places nowhere it has been: found through an alias only, or named as a
                # city's quarter ("al-Hamidiyeh neighbourhood" in a report on Aleppo is no village of Tartus)
                if named <= 0 and ((c.strength < 2 and gz._alias_only(c.raw, p)) or quarter):
                    p = None
            if p is None:
                mention = PlaceMention(start, end, c.raw, " ".join(c.raw.split()), "town", None, None, None,
                                       "near_town" if c.near else "town", 0.0, c.cue, "unresolved")
                if c.quarter:
                    quarters.add(id(mention))
            else:
                prec = p.precision
                if c.near and prec == "town":
                    prec = "near_town"
                score = c.score
                if len(c.cands) > 1 and p.governorate not in ctx and p.governorate not in known \
                        and _namesake_govs(c.cands, places) > 1 and _within(p, points, pats.homonym_km) == math.inf \
                        and not any(places[i] is p for i in gz._index.seat_of):
                    score = min(score, AMBIGUOUS_SCORE)   # namesakes elsewhere, nothing in the text decided
                mention = PlaceMention(start, end, c.raw, p.name, p.kind, p.governorate, p.lat, p.lon, prec,
                                       score, c.cue, p.source)
        if c.ref_km is not None:
            refs[len(out)] = _lent_governorate(mention, p, c.ref_km, gz, pats)
        out.append(mention)
        chosen.append(p)
        if p is not None and p.population is None and p.kind in _SMALL_KINDS:
            small = True
    if small and len(out) > 1 and len({pats.groups.get(m.governorate, m.governorate) for m in out}) > 1:
        _namesakes(text, out, chosen, refs, gz, pats, offset)   # a small place of a governorate the sentence contradicts
        out, refs = _relocate(text, out, chosen, refs, gz, pats, offset)   # a small place beside one elsewhere
    # unresolved names take the governorate of the text around them
    for k, mnt in enumerate(out):
        if mnt.governorate is not None or mnt.source != "unresolved":
            continue
        gov = None
        for j in range(k + 1, len(out)):
            later = out[j]
            if pats.sentence_end.search(text, mnt.end - offset, later.start - offset):
                break
            g = refs[j] if j in refs else later.governorate
            if g:
                gov = g
                break
        if gov is None:
            gov = next((refs[j] if j in refs else out[j].governorate for j in range(k - 1, -1, -1)
                        if (refs[j] if j in refs else out[j].governorate)), None)
        if gov is None and id(mnt) in quarters and len(known) == 1:
            gov = next(iter(known))   # a quarter of the one governorate the report has named
        gov = gov or default_governorate
        if gov:
            out[k] = PlaceMention(mnt.start, mnt.end, mnt.raw, mnt.name, mnt.kind, gov, None, None,
                                  mnt.precision, mnt.score, mnt.cue, mnt.source)
    if refs:
        out = _drop_references(out, refs, gz)
    if pats.speaker_before is not None and len(out) > 1:
        out = _without_speaker_bases(text, out, pats, offset)
    if len(out) > 1 and pats.road_ends_before is not None:
        out = _without_far_road_ends(text, out, pats, offset)
    if out and pats.road_destination_before is not None:
        out = _without_road_destinations(text, out, pats, offset)
    return out


def _without_road_destinations(text: str, out: list[PlaceMention], pats: _Patterns,
                               offset: int) -> list[PlaceMention]:
    """The mentions without the place a road's clause names as where it
    goes when it names no other end by name ("the road south of Manbij which
    connects the strategic city to Raqqa", "on the highway leading to
    Aleppo": places_lexicon `roads`): where the road goes, not where the act
    was. Two named ends are `_without_far_road_ends`'s ("the highway linking
    Homs to Palmyra")."""
    rx = pats.road_destination_before
    if rx is None or pats.road_noun is None or pats.road_noun.search(text) is None:
        return out
    keep = []
    for k, m in enumerate(out):
        lo = max(0, m.start - offset - 160)
        hit = rx.search(text, lo, m.start - offset)
        if hit is not None and not any(o.start - offset >= hit.start("link") for o in out[:k]):
            continue
        keep.append(m)
    return keep if len(keep) != len(out) else out


def _without_speaker_bases(text: str, out: list[PlaceMention], pats: _Patterns, offset: int) -> list[PlaceMention]:
    """The mentions without a speaker's base ("a military source in
    Damascus said", "the agency's reporter in Hama told AFP": places_lexicon
    `speaker_base` before the name, a speech verb after it) when the
    sentence names a place of another governorate: where the voice is, not
    where the act was. Where the sentence names nothing else, or places of
    the same governorate, the base stays (a local reporter's town is often
    the act's)."""
    groups = pats.groups
    bases = [k for k, m in enumerate(out)
             if pats.speaker_before.search(text, max(0, m.start - offset - 60), m.start - offset)  # type: ignore[union-attr]
             and pats.speech_after.match(text, m.end - offset)]
    if not bases:
        return out
    drop = set()
    for k in bases:
        area = groups.get(out[k].governorate or "", out[k].governorate)
        others = [groups.get(o.governorate or "", o.governorate) for j, o in enumerate(out) if j not in bases]
        if any(o and o != area for o in others):
            drop.add(k)
    return [m for k, m in enumerate(out) if k not in drop] if drop else out


_QUARTER_KINDS = frozenset({"neighbourhood", "quarter"})  # gazetteer kinds a city's quarter has
_SMALL_KINDS = frozenset({"town", "village", "neighbourhood", "quarter", "hill"})  # kinds `_relocate` may move


def _lent_governorate(m: PlaceMention, p: Place | None, km: float, gz: Gazetteer, pats: _Patterns) -> str | None:
    """The governorate a reference point `km` away lends the names around it:
    none beyond `governorate_km`; a seat town's or governorate's countryside
    unit (a point 10 km from Damascus is in Rif Dimashq), else its own."""
    if km > pats.governorate_km or not m.governorate:
        return None
    idx = gz._index
    if m.kind == "governorate" or (p is not None and idx.seat.get(m.governorate) is not None
                                   and gz.places[idx.seat[m.governorate]] is p):
        return idx.countryside.get(m.governorate, m.governorate)
    return m.governorate


def _drop_references(out: list[PlaceMention], refs: Mapping[int, str | None], gz: Gazetteer) -> list[PlaceMention]:
    """The mentions without the reference points; when the text names no
    other place, the governorate the nearest one lends, as a governorate-level
    mention ("struck targets 30 km north-east of Aleppo city": Aleppo
    governorate, not the city)."""
    kept = [m for k, m in enumerate(out) if k not in refs]
    if kept:
        return kept
    k = next((k for k in sorted(refs) if refs[k]), None)
    if k is None:
        return []
    m, g = out[k], refs[k]
    gi = gz._index.gov_place.get(g)  # type: ignore[arg-type]
    return [PlaceMention(m.start, m.end, m.raw, g, "governorate", g, None, None, "governorate", m.score, m.cue,  # type: ignore[arg-type]
                         gz.places[gi].source if gi is not None else "admin1")]


def _established(m: PlaceMention, p: Place | None, gz: Gazetteer) -> bool:
    """A mention sure enough of its governorate to locate a small place named
    beside it: a governorate, a region or landmark with one, a seat town, a
    town GeoNames gives a population, or a GeoNames town the curated
    supplement gives its own spellings (the towns the reporting names most:
    Maarat al-Numan, Ariha, whose GeoNames rows lack a population)."""
    if not m.governorate or m.source == "unresolved":
        return False
    if m.precision == "governorate" or m.kind == "governorate" or p is None:
        return True
    if p.population is not None or (p.curated and p.source.startswith("geonames:")):
        return True
    return gz._index.seat.get(m.governorate) is not None and gz.places[gz._index.seat[m.governorate]] is p


_LIST_GAP = regex(r"(?:[\s,]+|\b(?:and|or)\b|\b(?:al|el|as|ash|ad|ar|at|an|az)-|[A-Z][\w'’-]*)*")  # list items between
_FRAME_LEAD = regex(r"\s*(?:in|across|throughout)\b", re.I)  # "In the countryside of Idlib ..." opens the sentence


def _framed(text: str, out: list[PlaceMention], k: int, g: int, pats: _Patterns, offset: int) -> bool:
    """Whether the governorate-level mention `g` is where the sentence puts
    the place `k`: after it, past the other names of its list, behind a
    containing gap ("X, Y and Z in the Idlib countryside", "X, Idlib"), or
    opening the sentence as its frame ("In the countryside of Idlib ...")."""
    if g > k:
        for j in range(k, g - 1):
            if not _LIST_GAP.fullmatch(text, out[j].end - offset, out[j + 1].start - offset):
                return False
        return pats.containing_gap.fullmatch(text, out[g - 1].end - offset, out[g].start - offset) is not None
    return g == 0 and out[g].start - offset < 60 and _FRAME_LEAD.match(text) is not None \
        and not pats.sentence_end.search(text, out[g].end - offset, out[k].start - offset)


def _namesakes(text: str, out: list[PlaceMention], chosen: list[Place | None], refs: Mapping[int, str | None],
               gz: Gazetteer, pats: _Patterns, offset: int) -> None:
    """Small places read against the one governorate the sentence names: a
    village (no seat, no population) of another governorate, when nothing
    else in the sentence is of its own, is the gazetteer's namesake in the
    named governorate when there is one (an exact spelling of one, a
    transliteration variant of the other: "al-Mazraa"); else, when the
    sentence puts it there (`_framed`: "warplanes struck X, Y and Z in the
    Idlib countryside", "In the countryside of Idlib ... X") and it lies
    farther than `distance.homonym_km` from the governorate's seat and the
    places of it the sentence names, the name unresolved in that
    governorate. One that lies near stays ("Deir Maker" of Rif Dimashq in a
    report on Quneitra's countryside), and so does one merely named beside
    the governorate ("between X and Raqqa province").
    Changes `out` and `chosen` in place."""
    groups = pats.groups
    idx = gz._index
    frame = {groups.get(m.governorate, m.governorate): (m.governorate, k) for k, m in enumerate(out)
             if k not in refs and m.governorate and (m.precision == "governorate" or m.kind == "governorate")}
    if len(frame) != 1:
        return
    area, (gov, g) = next(iter(frame.items()))
    for k, (m, p) in enumerate(zip(out, chosen)):
        if p is None or k in refs or p.kind not in _SMALL_KINDS or m.precision == "governorate" \
                or not p.governorate or groups.get(p.governorate, p.governorate) == area or _established(m, p, gz):
            continue
        own = groups.get(p.governorate, p.governorate)
        if any(groups.get(o.governorate or "", o.governorate) == own for j, o in enumerate(out) if j != k):
            continue   # the sentence names its governorate too: no contradiction
        w = idx.tr.words(m.raw)
        alt = [i for i in dict.fromkeys((*idx.exact.get(_key(w), ()), *idx.folded.get(idx.tr.fold(w), ())))
               if gz.places[i].kind != "governorate" and gz.places[i].governorate
               and groups.get(gz.places[i].governorate, gz.places[i].governorate) == area]
        if alt:
            q = gz.places[gz._choose(tuple(alt), want="town", context=(gov,))]
            prec = "near_town" if m.precision == "near_town" and q.precision == "town" else q.precision
            out[k] = PlaceMention(m.start, m.end, m.raw, q.name, q.kind, q.governorate, q.lat, q.lon, prec,
                                  m.score, m.cue, q.source)
            chosen[k] = q
            continue
        if p.lat is None or p.lon is None or not _framed(text, out, k, g, pats, offset):
            continue   # how far it lies is not known, or the sentence does not put it there: it stays
        points = [(o.lat, o.lon) for j, o in enumerate(out) if j != k and o.lat is not None and o.lon is not None
                  and groups.get(o.governorate or "", o.governorate) == area]
        seat = idx.seat.get(gov)
        if seat is not None and gz.places[seat].lat is not None and gz.places[seat].lon is not None:
            points.append((gz.places[seat].lat, gz.places[seat].lon))  # type: ignore[arg-type]
        if not points or min(_haversine((p.lat, p.lon), q) for q in points) <= pats.homonym_km:  # type: ignore[arg-type]
            continue
        out[k] = PlaceMention(m.start, m.end, m.raw, " ".join(m.raw.split()), "town", gov, None, None,
                              m.precision if m.precision in ("town", "near_town") else "town", 0.0, m.cue,
                              "unresolved")
        chosen[k] = None


def _relocate(text: str, out: list[PlaceMention], chosen: list[Place | None], refs: Mapping[int, str | None],
              gz: Gazetteer, pats: _Patterns, offset: int) -> tuple[list[PlaceMention], dict[int, str | None]]:
    """Homonyms read against the place that locates them: a small place
    (no seat, no population) named inside or beside a well-known one of
    another governorate ("Sabkha Al-Malah district in east Palmyra", "the
    village of al-Hamidiyeh west of Quneitra city") is not the gazetteer's
    namesake there: it becomes one unresolved name (adjacent names joined)
    in the governorate of the place that locates it. Beside ("west of",
    "near") it moves only when both are geocoded and farther apart than
    `distance.homonym_km`. Returns the mentions and `refs` re-indexed."""
    groups = pats.groups
    res: list[PlaceMention] = []
    new_refs: dict[int, str | None] = {}
    k, n = 0, len(out)
    while k < n:
        m, p = out[k], chosen[k]
        small = p is not None and p.kind in _SMALL_KINDS and m.precision != "governorate" and \
            not _established(m, p, gz) and k not in refs
        if not small:
            if k in refs:
                new_refs[len(res)] = refs[k]
            res.append(m)
            k += 1
            continue
        j = k + 1   # names run on with only spaces between: one name the gazetteer splits ("Sabkha Al-Malah")
        while j < n and (out[j].source == "unresolved" or out[j].kind in _SMALL_KINDS) and j not in refs \
                and out[j].precision != "governorate" \
                and not text[out[j - 1].end - offset:out[j].start - offset].strip() and not _established(out[j], chosen[j], gz):
            j += 1
        if j >= n:
            res.extend(out[k:j])
            k = j
            continue
        y, py = out[j], chosen[j]
        gap = text[out[j - 1].end - offset:y.start - offset]
        area = groups.get(y.governorate or "", y.governorate)
        inside = pats.containing_gap.fullmatch(gap) is not None and (
            "," not in gap or gap.strip(" ,") or y.precision == "governorate")
        moved = False
        if _established(y, py, gz) and all(groups.get(e.governorate or "", e.governorate) != area for e in out[k:j]):
            if inside:
                moved = True
            elif pats.pointing_gap.fullmatch(gap) and p.lat is not None and p.lon is not None and py is not None \
                    and py.lat is not None and py.lon is not None:
                moved = _haversine((p.lat, p.lon), (py.lat, py.lon)) > pats.homonym_km
        if moved:
            first, last = out[k], out[j - 1]
            raw = text[first.start - offset:last.end - offset]
            res.append(PlaceMention(first.start, last.end, raw, " ".join(raw.split()), "town", y.governorate, None,
                                    None, first.precision if first.precision in ("town", "near_town") else "town",
                                    0.0, first.cue, "unresolved"))
        else:
            res.extend(out[k:j])
        k = j
    return res, new_refs


@dataclass(frozen=True)
class _PointsBack:
    regex: re.Pattern[str] | None
    gate: frozenset[str]


def _build_points_back(knowledge: Knowledge) -> _PointsBack:
    lex = knowledge.places_lexicon.get("context_places") or {}
    dets, nouns = lex.get("determiners") or (), lex.get("nouns") or ()
    if not dets or not nouns:
        return _PointsBack(None, frozenset())
    gate = frozenset(w for n in nouns for w in str(n).lower().split())
    # "the town", "the suspected chemical attack" (two words between), "this was the most violent attack" (`identities`)
    ident = lex.get("identities") or ()
    who = rf"|(?:{_alt(ident)})\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}?" if ident else ""
    bare = lex.get("bare_nouns") or ()
    gate |= frozenset(w for n in bare for w in str(n).lower().split())
    # the nouns as written, lower-case: a capitalised one is a name's ("the Brookings Doha Centre")
    alone = rf"|(?<![\w-])(?-i:{_alt([*bare, *(str(b).capitalize() for b in bare)])}){_B}" if bare else ""
    return _PointsBack(regex(rf"(?<![\w-])(?:(?:{_alt(dets)})\s+(?:[\w’'-]+\s+){{0,2}}?{who})(?-i:{_alt(nouns)}){_B}"
                             rf"{alone}", re.I), gate)


def points_at_context_place(text: str, *, knowledge: Knowledge, words: frozenset[str] | None = None) -> bool:
    """Whether `text` points back at the place or the act told before it
    ("the town", "the victims", "the offensive": places_lexicon
    `context_places`): a claim that tells no act of its own there (a
    statement, background, a tally, the future) takes the places of its
    paragraph only then (claimscope.claims)."""
    r = knowledge.derived(_build_points_back)
    if r.regex is None or (words is not None and words.isdisjoint(r.gate)):
        return False
    return r.regex.search(text) is not None


def dominant_governorate(mentions: Iterable[PlaceMention], *, knowledge: Knowledge, lead_chars: int | None = None,
                         lead_weight: float | None = None) -> str | None:
    """Most cited admin-1 unit among `mentions` of one text (ties: the one
    named first). News copy names its main place in the headline and lede, so
    mentions starting within the first `lead_chars` characters count
    `lead_weight` times (defaults: the place lexicon's `main_place`; on FA-KES
    dev this raises agreement with the crowd's governorate from 0.81 to 0.85)."""
    main = knowledge.places_lexicon["main_place"]
    chars = int(main["lead_chars"]) if lead_chars is None else lead_chars
    weight = float(main["lead_weight"]) if lead_weight is None else lead_weight
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    origin = tuple(main.get("origin_cues") or ())
    origin_weight = float(main.get("origin_weight", 1.0))
    for k, m in enumerate(mentions):
        if m.governorate:
            w = weight if m.start < chars else 1.0
            if origin and m.cue.lower().startswith(origin):
                w *= origin_weight
            counts[m.governorate] += w
            first.setdefault(m.governorate, k)
    if not counts:
        return None
    return min(counts, key=lambda g: (-counts[g], first[g]))


# --------------------------------------------------------------------------- map outline

def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def outline(knowledge: Knowledge) -> dict[str, Any] | None:
    """GeoJSON of the map outline of `knowledge` (the built-in pack: Syria,
    Natural Earth 1:10m, public domain, via npm world-atlas 2.0.2; its
    ``metadata`` member gives source, licence and how it was derived), as a
    fresh dict; None when no pack has one."""
    return _thaw(knowledge.outline) if knowledge.outline else None


# --------------------------------------------------------------------------- claims' places (align, compare)

@dataclass(frozen=True)
class PlaceProfile:
    """What alignment and comparison need to know about a claim's places.

    `areas`: admin-1 units (groups of admin1.yaml merged, e.g.
    Damascus/Rif Dimashq) the places lie in; `towns`: town-level names (the
    kinds in align.yaml `town_kinds`); `points`: (lat, lon) of geocoded towns;
    `coarse`: (name, area or None) of the districts, admin-1 units and regions
    named; `governorates`: the admin-1 units of the places, as named (not
    grouped), with the claim's own."""

    areas: frozenset[str]
    towns: tuple[str, ...]
    points: tuple[tuple[float, float], ...]
    coarse: tuple[tuple[str, str | None], ...]
    governorates: tuple[str, ...] = ()
    #: (lat, lon) of the first town when it is geocoded
    first_point: tuple[float, float] | None = None


_NO_PLACE = (None, None, None, "region")
_NO_REPS: dict[str, tuple] = {}


def _profile_settings(knowledge: Knowledge) -> tuple[dict[str, str], frozenset[str]]:
    groups: dict[str, str] = {}
    for grp in knowledge.admin1.get("groups") or ():
        for g in grp:
            groups[g] = grp[0]
    return groups, frozenset(knowledge.align["town_kinds"])


def place_profiles(claims: pd.DataFrame, mentions: pd.DataFrame, *, knowledge: Knowledge) -> list[PlaceProfile]:
    """The place profile of each claim (in row order of `claims`), read from
    its place rows in the `mentions` table (its own places, or those it
    inherits from its paragraph): no place is looked up again.

    Each name of `claims.places` counts as its most precise mention. A name
    the gazetteer lacks (a region phrase, an unresolved name) has no area. A
    town named like its own admin-1 unit (Aleppo, Idlib) reads as the town
    only as the claim's main place with town precision; elsewhere it stands
    for the unit (reports name the province by the seat's name)."""
    groups, town_kinds = knowledge.derived(_profile_settings)
    reps: dict[str, dict[str, tuple]] = {}  # claim -> name -> (kind, admin1, lat, lon, entry)
    if len(mentions):
        m = mentions.loc[(mentions["kind"] == "place").fillna(False).astype(bool),
                         ["claim_id", "name", "precision", "start", "type", "admin1", "lat", "lon", "entry"]]
        # a name counts as its most precise mention, then its first
        m = (m.assign(_rank=m["precision"].map(_PRECISION_RANK).fillna(9))
             .sort_values(["claim_id", "_rank", "start"], kind="stable")
             .drop_duplicates(["claim_id", "name"]))
        for cid, name, kind, admin1, lat, lon, entry in zip(
                cells.texts(m["claim_id"]), cells.texts(m["name"]), cells.texts(m["type"]), cells.texts(m["admin1"]),
                cells.numbers(m["lat"]), cells.numbers(m["lon"]), cells.texts(m["entry"])):
            mine = reps.get(cid)
            if mine is None:
                mine = reps[cid] = {}
            mine[name] = (kind, admin1, lat, lon, entry)
    n = len(claims)
    cid_col = cells.texts(claims["claim_id"])
    places_col = cells.texts(claims["places"]) if "places" in claims.columns else [""] * n
    gov_col = cells.texts(claims["governorate"]) if "governorate" in claims.columns else [""] * n
    prec_col = cells.texts(claims["place_precision"]) if "place_precision" in claims.columns else [""] * n
    memo: dict[Any, PlaceProfile] = {}
    out = []
    for cid, places, gov, prec in zip(cid_col, places_col, gov_col, prec_col):
        if not places:  # no place: the claim's governorate alone
            got = memo.get(gov)
            if got is None:
                got = memo[gov] = _profile((), {}, gov, False, groups, town_kinds)
            out.append(got)
            continue
        parts = places.split(";")
        names = tuple(parts) if "" not in parts else tuple(p for p in parts if p)
        mine = reps.get(cid, _NO_REPS)
        key = (tuple(map(mine.get, names)), names, gov, prec in ("town", "near_town"))
        got = memo.get(key)
        if got is None:
            got = memo[key] = _profile(names, mine, gov, key[3], groups, town_kinds)
        out.append(got)
    return out


def _profile(names: Sequence[str], reps: Mapping[str, tuple], governorate: str, town_first: bool,
             groups: Mapping[str, str], town_kinds: frozenset[str]) -> PlaceProfile:
    areas: set[str] = set()
    raw: list[str] = []
    towns: list[str] = []
    points: list[tuple[float, float]] = []
    coarse: list[tuple[str, str | None]] = []
    town_info: list[tuple[str, str | None, float | None, float | None]] = []
    for n, p in enumerate(names):
        r = reps.get(p)
        if r is None or r[4] in ("region", "unresolved"):
            g, la, lo, kind = _NO_PLACE
        else:
            kind, g, la, lo = r[0], r[1] or None, r[2], r[3]
            if kind in town_kinds and p == g and not (n == 0 and town_first):
                la, lo, kind = None, None, "governorate"  # "Aleppo" beside other places: the governorate
        if g:
            areas.add(groups.get(g, g))
            if g not in raw:
                raw.append(g)
        if kind in town_kinds:
            town_info.append((p, g, la, lo))
            if la is not None and lo is not None and (la, lo) not in points:
                points.append((la, lo))
            if p == g:  # "killed in Aleppo": the seat may be the province told as "western Aleppo countryside"
                coarse.append((p, groups.get(g, g)))
        elif kind != "country":
            coarse.append((p, groups.get(g, g) if g else None))
    if governorate and town_info and town_info[0][1]:
        # the act is in the claim's governorate: a town of another one named first
        # is where the report was filed ("Damascus, SANA - ... in Khan Sheikhoun")
        # or where people came from, not the act's town
        area = groups.get(governorate, governorate)
        if groups.get(town_info[0][1], town_info[0][1]) != area:
            inside = [t for t in town_info if t[1] and groups.get(t[1], t[1]) == area]
            if inside:
                town_info = inside + [t for t in town_info if t not in inside]
    towns = [t[0] for t in town_info]
    first = (town_info[0][2], town_info[0][3]) if town_info and town_info[0][2] is not None \
        and town_info[0][3] is not None else None
    if governorate:
        areas.add(groups.get(governorate, governorate))
        if governorate not in raw:
            raw.append(governorate)
    return PlaceProfile(frozenset(areas), tuple(towns), tuple(points), tuple(coarse), tuple(raw), first)


def best_match(names_a: Sequence[str], names_b: Sequence[str], threshold: float,
               similarity: Callable[[str, str], float]) -> tuple[str, str, float] | None:
    """Best pair of names (one from each list) that are the same place by
    `similarity` (a `Translit.similarity`): (a, b, score) >= threshold, else None."""
    sim = similarity
    best = None
    for a in names_a:
        for b in names_b:
            s = 100.0 if a == b else sim(a, b)
            if s >= threshold and (best is None or s > best[2]):
                best = (a, b, s)
                if s >= 100:
                    return best
    return best


def _haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def km_between(p: Sequence[tuple[float, float]], q: Sequence[tuple[float, float]]) -> float | None:
    """Smallest great-circle distance (km) between two sets of points; None when either is empty."""
    if not p or not q:
        return None
    return min(_haversine(a, b) for a in p for b in q)
