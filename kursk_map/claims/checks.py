"""The checks on one entry of a corrections file: the type of every field, and the geometry.

A geometry must be a Polygon or MultiPolygon of finite longitude/latitude pairs in range, rings
of at least four positions, lying in the theatre (a polygon that lies outside it but would lie
inside with latitude and longitude swapped is said to be swapped), and no larger than any claim
there could be. Each failure is one :class:`~kursk_map.errors.InputError` naming the entry.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers

import pyproj
import shapely
from shapely.geometry import shape


__all__ = ["check_fields", "check_geometry", "THEATRE_BOX", "MAX_KM2"]

THEATRE_BOX = (22.0, 44.0, 45.0, 56.5)   # lon, lat: Ukraine and western Russia
MAX_KM2 = 50_000                         # more than twice the largest area any side claimed in Kursk Oblast
_TEXT = ("claimant", "quote", "file", "publisher", "url", "provenance", "kind", "side", "action")
_DATES = ("as_of", "report_date")
_LISTS = ("places", "sources")
_NUMBERS = ("area_km2", "settlement_count", "fraction")


def check_fields(values: dict, fail) -> None:
    """Every field the entry sets has the type it must have (``fail(reason)`` raises)."""
    for key in _TEXT:
        if key in values and values[key] is not None and not isinstance(values[key], str):
            fail(f"{key} must be text, not {_kind(values[key])}")
    for key in _DATES:
        if key in values and values[key] is not None:
            if not isinstance(values[key], str):
                fail(f"{key} must be a date as text (YYYY-MM-DD), not {_kind(values[key])}")
            try:
                dt.date.fromisoformat(values[key])
            except ValueError:
                fail(f"{key} {values[key]!r} is not a date (YYYY-MM-DD)")
    for key in _LISTS:
        if key in values and values[key] is not None and (
                not isinstance(values[key], list) or not all(isinstance(x, str) for x in values[key])):
            fail(f"{key} must be a list of names")
    for key in _NUMBERS:
        value = values.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value) or value < 0:
            fail(f"{key} must be a number of zero or more, not {value!r}")
        if key == "fraction" and value > 1:
            fail(f"fraction must be between 0 and 1, not {value!r}")
        if key == "settlement_count" and value != int(value):
            fail(f"settlement_count must be a whole number, not {value!r}")
    if "hedged" in values and not isinstance(values["hedged"], bool):
        fail("hedged must be true or false")
    match = values.get("match")
    if match is not None:
        if not isinstance(match, dict):
            fail("match must be an object")
        for key in ("file", "quote", "action", "side"):
            if key in match and not isinstance(match[key], str):
                fail(f"match.{key} must be text, not {_kind(match[key])}")
    for key in ("file",):
        name = values.get(key) or (match or {}).get(key)
        if isinstance(name, str) and ("/" in name or "\\" in name or name in (".", "..")):
            fail(f"{key} {name!r} must be the name of an article in the folder, not a path")


def check_geometry(geometry, fail) -> None:
    """A (Multi)Polygon in the theatre, or ``fail(reason)``."""
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        fail("a geometry must be a GeoJSON Polygon or MultiPolygon")
    polygons = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    if not isinstance(polygons, list) or not polygons:
        fail("the geometry has no coordinates")
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            fail("a polygon must be a list of rings")
        for ring in polygon:
            if not isinstance(ring, list) or len(ring) < 4:
                fail("a ring needs at least four positions (the first repeated last)")
            for position in ring:
                if (not isinstance(position, list) or len(position) < 2
                        or not all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in position[:2])):
                    fail(f"a position must be [longitude, latitude] numbers, not {str(position)[:40]}")
                lon, lat = position[0], position[1]
                if not (math.isfinite(lon) and math.isfinite(lat)):
                    fail("a coordinate is not a finite number")
                if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                    fail(f"[{lon}, {lat}] is not a longitude and latitude")
    try:
        geom = shapely.make_valid(shape(geometry))
    except (ValueError, TypeError, shapely.errors.GEOSException) as exc:
        fail(f"the geometry cannot be read ({exc})")
    if geom.is_empty or geom.area == 0:
        fail("the geometry has no area")
    theatre = shapely.box(*THEATRE_BOX)
    if not theatre.intersects(geom):
        swapped = shapely.transform(geom, lambda xy: xy[:, ::-1])
        if theatre.intersects(swapped):
            fail("latitude and longitude look swapped (GeoJSON gives longitude first)")
        fail("the geometry lies outside Ukraine and western Russia")
    km2 = abs(pyproj.Geod(ellps="WGS84").geometry_area_perimeter(geom)[0]) / 1e6
    if km2 > MAX_KM2:
        fail(f"the geometry covers {km2:,.0f} km², more than any claim in the theatre")


def _kind(value) -> str:
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)
