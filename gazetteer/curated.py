"""The curated tables (``gazetteer/curated/``) folded into the rows from the registry packages.

Every curated row names the public page its facts were read from. Villages merge into the
settlement register's and GeoNames' rows (which keep their coordinates); districts are
placed at their administrative centres; aliases, composite regions (Donbas) and landmarks
are added.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

import shapely

from gazetteer.sources import THEATRE_COUNTRIES, Row, clean_names, haversine_km
from kursk_map.places.normalize import fold, name_key

__all__ = ["Finding", "merge_settlements", "place_districts", "apply_aliases", "composite_regions", "landmarks",
           "MERGE_KM", "FINDING_KM"]

# A curated settlement and a row with one key closer than this are one place.
MERGE_KM = 6.0
# Two sources' coordinates of one place further apart than this are reported, not hidden.
FINDING_KM = 2.0


@dataclass(frozen=True)
class Finding:
    """Two sources place one settlement more than FINDING_KM apart (the row keeps the first's)."""

    row_id: str
    other: str
    km: float
    note: str


def _split(value: str) -> set[str]:
    return {v.strip() for v in (value or "").split("|") if v.strip()}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def merge_settlements(rows: list[Row], curated_rows: list[dict[str, str]]) -> tuple[list[Row], list[Finding]]:
    """Fold the curated settlements into the register and GeoNames rows.

    A curated village that a row already has (same key, and within MERGE_KM of its
    sourced coordinate; without one, the only such row in its district, else in its
    oblast) adds its English name, other spellings, district and source to that row;
    the row keeps its coordinate, and a curated coordinate more than FINDING_KM away is a
    finding. A curated village no row has becomes a row of its own: at its sourced
    coordinate, or at district precision (placed by ``place_districts``).
    """
    by_key: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        if row.kind == "settlement" and row.country in THEATRE_COUNTRIES:
            for key in row.keys():
                by_key.setdefault(key, []).append(i)
    out, findings = list(rows), []
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
            # Only an unambiguous match: two same-named villages in one district or oblast stay apart.
            for scope in ([i for i in candidates if out[i].admin1 == cur["admin1"] and out[i].district == cur["district"]],
                          [i for i in candidates if out[i].admin1 == cur["admin1"]]):
                if scope:
                    match = scope[0] if len(scope) == 1 else None
                    break
        source = cur.get("coord_source") or cur.get("district_source") or ""
        ident = f"curated:{_slug(cur['admin1'])}/{_slug(cur['district'])}/{_slug(cur['name'])}"
        if match is not None:
            row = out[match]
            if lat is not None and (km := haversine_km(lat, lon, row.lat, row.lon)) > FINDING_KM:
                findings.append(Finding(row.id, ident, round(km, 2), f"curated coordinate from {source}"))
            # The curated English name is the one reporting uses (Lgov, not L’gov).
            pop = row.population or (int(float(cur["population"])) if cur.get("population") else 0)
            out[match] = replace(row, name=cur["name"], names=row.names | names | {row.name},
                                 district=cur["district"] or row.district, population=pop,
                                 also_ids=row.also_ids | {ident},
                                 source=f"{row.source}; curated: {source}" if source else row.source)
            continue
        pop = int(float(cur["population"])) if cur.get("population") else 0
        base = dict(name=cur["name"], kind="settlement", country=cur["country"], admin1=cur["admin1"],
                    district=cur["district"], population=pop, names=names)
        if lat is not None:
            out.append(Row(id=ident, precision="settlement", lat=round(lat, 5), lon=round(lon, 5),
                           source=f"curated: {source}", **base))
        else:
            out.append(Row(id=ident, precision="district", lat=math.nan, lon=math.nan,
                           source=f"curated (district only): {source}", **base))
    return out, findings


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
