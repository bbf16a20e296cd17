"""Geometry for the situation: the one module that handles the CRS and the lat/lon order.

Every distance and area is computed in a Lambert azimuthal equal-area projection
centred on the theatre (``METRIC_CRS``), never in degrees. Geometries go in and out in
EPSG:4326 with shapely's (lon, lat) order; the one swap from the (lat, lon)
order of gazetteer places and geopy happens in :func:`point` (or when a
``Place``-like object with ``.lat``/``.lon`` is passed where a point is
expected). Outputs are valid Polygon/MultiPolygon, snapped to a 1e-5° grid
(about 1 m) and normalised, so the same input serialises to the same bytes.

>>> origin = border_origin(point(51.191, 35.271))   # Sudzha's coordinate, from the gazetteer
>>> region_outline("ne:RU-KRS").distance(origin) < 1e-4
True
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np
import pyproj
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, shape

from kursk_map.errors import GazetteerError, GeometryError
from kursk_map.places.gazetteer import load_gazetteer

__all__ = ["METRIC_CRS", "point", "to_metric", "to_wgs84", "area_km2", "region_outline", "border_origin",
           "simplified", "finish"]

METRIC_CRS = "+proj=laea +lat_0=51.3 +lon_0=35.3 +datum=WGS84 +units=m +no_defs"

_GRID_DEG = 1e-5      # output grid: about 1 m, far below what any claim can tell apart
_MAX_EDGE_M = 1000.0


@functools.cache
def _transformers() -> tuple[pyproj.Transformer, pyproj.Transformer]:
    forward = pyproj.Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)
    backward = pyproj.Transformer.from_crs(METRIC_CRS, "EPSG:4326", always_xy=True)
    return forward, backward


def _apply(transformer: pyproj.Transformer) -> Callable[[np.ndarray], np.ndarray]:
    return lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1]))


def point(lat: float, lon: float) -> Point:
    """A shapely point from (lat, lon): the single place where the order is swapped.

    >>> point(51.191, 35.271)
    <POINT (35.271 51.191)>
    """
    return Point(lon, lat)


def to_metric(geom):
    """EPSG:4326 (lon, lat) -> metres in ``METRIC_CRS``."""
    return shapely.transform(geom, _apply(_transformers()[0]))


def to_wgs84(geom):
    """Metres in ``METRIC_CRS`` -> EPSG:4326 (lon, lat)."""
    return shapely.transform(geom, _apply(_transformers()[1]))


def area_km2(geom) -> float:
    """Area in km², measured in the equal-area CRS.

    >>> round(area_km2(shapely.box(35.0, 51.0, 35.1, 51.1)), 1)   # pyproj.Geod agrees: 78.0
    78.0
    """
    return to_metric(geom).area / 1e6


@functools.cache
def region_outline(place_id: str) -> Polygon | MultiPolygon:
    """The gazetteer's outline of a region or country, e.g. ``"ne:RU-KRS"`` (Kursk Oblast).

    >>> round(area_km2(region_outline("ne:RU-KRS")), -2)
    30100.0
    """
    for feature in load_gazetteer().outlines()["features"]:
        if feature["properties"].get("id") == place_id:
            return _polygonal(shapely.make_valid(shape(feature["geometry"])))
    raise GazetteerError(f"no outline for {place_id!r} in boundaries.geojson")


def border_origin(near, region_id: str = "ne:RU-KRS", neighbour_id: str = "country:UA",
                  *, within_km: float = 2.0) -> Point:
    """The point of the region's border with ``neighbour_id`` nearest to ``near``.

    Natural Earth's oblast and (simplified) country outlines do not share
    vertices, so the border is taken as the part of the region's boundary
    lying within ``within_km`` of the neighbour's polygon. The result lies on
    the region's own boundary: "the border crossing near Sudzha" is derived,
    never typed in.

    >>> origin = border_origin(point(51.191, 35.271))   # Sudzha
    >>> round(origin.y, 3), round(origin.x, 3)            # (lat, lon), about 12 km WSW of the town
    (51.173, 35.102)
    """
    region, neighbour = to_metric(region_outline(region_id)), to_metric(region_outline(neighbour_id))
    border = region.boundary.intersection(neighbour.buffer(within_km * 1000))
    if border.is_empty:
        raise GeometryError(f"{region_id} and {neighbour_id} share no border within {within_km} km")
    nearest = shapely.get_point(shapely.shortest_line(border, to_metric(_point(near))), 0)
    return shapely.set_precision(to_wgs84(nearest), _GRID_DEG)


def simplified(geom, *, tolerance_m: float = 250.0) -> Polygon | MultiPolygon:
    """A lighter outline for display, simplified in metres (topology kept).

    >>> kursk = region_outline("ne:RU-KRS")
    >>> len(simplified(kursk).exterior.coords) < len(kursk.exterior.coords)
    True
    """
    # Not densified: a display outline wants few vertices, and 250 m already dwarfs the bow.
    return finish(to_metric(geom).simplify(tolerance_m, preserve_topology=True), densify=False)


def _point(p) -> Point:
    # A bare tuple could be (lat, lon) or (lon, lat): refuse it rather than guess.
    if isinstance(p, Point):
        return p
    if hasattr(p, "lat") and hasattr(p, "lon"):
        return Point(p.lon, p.lat)
    raise TypeError(f"expected a shapely Point or a place with .lat/.lon, got {p!r}; use point(lat, lon)")


def _polygonal(geom) -> Polygon | MultiPolygon:
    parts = [g for g in shapely.get_parts(geom) if isinstance(g, (Polygon, MultiPolygon))]
    merged = shapely.union_all(parts) if parts else Polygon()
    if isinstance(merged, (Polygon, MultiPolygon)):
        return merged
    return MultiPolygon([g for g in shapely.get_parts(merged) if isinstance(g, Polygon)])


def finish(metric_geom, *, densify: bool = True) -> Polygon | MultiPolygon:
    """Back to EPSG:4326, snapped to the grid, valid, polygonal and in canonical vertex order."""
    # A straight edge in metres bows in degrees (6 m over 15 km, 24 m over 30 km); 1 km
    # pieces bow 3 cm, so both readings agree on the 1 m grid and a shrunk or carved area
    # stays inside the area it came from.
    dense = shapely.segmentize(metric_geom, _MAX_EDGE_M) if densify else metric_geom
    snapped = shapely.set_precision(to_wgs84(dense), _GRID_DEG)
    return shapely.normalize(_polygonal(shapely.make_valid(snapped)))
