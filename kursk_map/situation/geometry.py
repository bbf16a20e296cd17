"""Claims of control -> honest estimated areas (the one module that handles CRS and lat/lon order).

Articles give names, counts, km² and fractions, never front lines. The
functions here build areas from those facts and nothing else: every distance
and area is computed in a Lambert azimuthal equal-area projection centred on
the theatre (``METRIC_CRS``), never in degrees. Geometries go in and out in
EPSG:4326 with shapely's (lon, lat) order; the one swap from the (lat, lon)
order of gazetteer places and geopy happens in :func:`point` (or when a
``Place``-like object with ``.lat``/``.lon`` is passed where a point is
expected). Outputs are valid Polygon/MultiPolygon, snapped to a 1e-5° grid
(about 1 m) and normalised, so the same input serialises to the same bytes.

>>> kursk = region_outline("ne:RU-KRS")
>>> origin = border_origin(point(51.191, 35.271))   # Sudzha's coordinate, from the gazetteer
>>> held = grow_to_area(kursk, origin, 500.0)
>>> abs(area_km2(held) / 500.0 - 1) < 0.01
True
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable

import numpy as np
import pyproj
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, shape

from kursk_map.errors import GazetteerError, GeometryError
from kursk_map.places.gazetteer import load_gazetteer

__all__ = ["METRIC_CRS", "CELL_RADIUS_KM", "point", "to_metric", "to_wgs84", "area_km2",
           "region_outline", "border_origin", "settlement_cells", "grow_to_area",
           "shrink_to_fraction", "carve_out", "simplified"]

METRIC_CRS = "+proj=laea +lat_0=51.3 +lon_0=35.3 +datum=WGS84 +units=m +no_defs"

# A village of the Sudzha area is 1-2 km across and its neighbours lie 3-5 km away;
# many curated coordinates are only good to an arc-minute (1-2 km). 3 km covers the
# built-up area despite that error without swallowing the next village.
CELL_RADIUS_KM = 3.0

_GRID_DEG = 1e-5      # output grid: about 1 m, far below what any claim can tell apart
_MAX_EDGE_M = 1000.0
_REL_TOL = 0.002      # bisections stop within 0.2% of the wanted area (the promise is 1%)


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


def settlement_cells(points, region, *, radius_km: float = CELL_RADIUS_KM) -> Polygon | MultiPolygon:
    """The discs of ``radius_km`` around held settlements, clipped to ``region``."""
    return _finish(_discs(points, radius_km).intersection(to_metric(region)))


def grow_to_area(region, origins, target_km2: float, *, include: Iterable = (),
                 cell_km: float = CELL_RADIUS_KM) -> Polygon | MultiPolygon:
    """An area of ``target_km2`` grown from ``origins`` that holds every place in ``include``.

    The area is the region's part within a distance ``r`` of the convex hull
    of the origins and the named places; ``r`` is found by bisection so the
    area is within 1% of the target. From a single border point this is a
    half-disc hugging the border (a target of 1,300 km² reaches about 29 km
    in and spans about 58 km of border, the shape of the August 2024
    salient); named places pull it towards them. ``r`` never falls below
    ``cell_km``, so each named place keeps its own cell.

    Raises ``GeometryError`` if a named place lies outside the region, if the
    region is smaller than the target, or if the named places' cells (with
    the hull joining them to the origins) already exceed it.
    """
    zone = to_metric(region)
    named = [to_metric(_point(p)) for p in include]
    outside = [p for p in named if zone.distance(p) > 1.0]
    if outside:
        raise GeometryError(f"{len(outside)} named place(s) lie outside the region")
    if zone.area / 1e6 < target_km2 * (1 - 0.01):
        raise GeometryError(f"the region ({zone.area / 1e6:,.0f} km²) is smaller than {target_km2:,.0f} km²")
    hull = shapely.union_all([*_metric_points(origins), *named]).convex_hull
    smallest = hull.buffer(cell_km * 1000).intersection(zone).area / 1e6
    if smallest > target_km2 * (1 + 0.01):
        raise GeometryError(f"the origins and named places with their {cell_km:g} km cells already cover "
                            f"{smallest:,.0f} km², more than the {target_km2:,.0f} km² claimed")
    r = _bisect(lambda r: hull.buffer(r).intersection(zone), target_km2 * 1e6, cell_km * 1000,
                _span(hull, zone))
    return _finish(hull.buffer(r).intersection(zone))


def shrink_to_fraction(area, fraction: float, origins) -> Polygon | MultiPolygon:
    """Keep ``fraction`` of ``area``: the part nearest the origins ("lost about half").

    What is lost is the side away from the origins (the border), as when a
    salient is pushed back towards where it came from.
    """
    if not 0 < fraction <= 1:
        raise GeometryError(f"a kept fraction must be in (0, 1], not {fraction}")
    shape_m = to_metric(area)
    seeds = shapely.union_all(_metric_points(origins))
    r = _bisect(lambda r: seeds.buffer(r).intersection(shape_m), fraction * shape_m.area, 0.0,
                _span(seeds, shape_m))
    return _finish(seeds.buffer(r).intersection(shape_m))


def carve_out(area, points, *, radius_km: float = CELL_RADIUS_KM) -> Polygon | MultiPolygon:
    """``area`` minus the cells around recaptured settlements."""
    return _finish(to_metric(area).difference(_discs(points, radius_km)))


def simplified(geom, *, tolerance_m: float = 250.0) -> Polygon | MultiPolygon:
    """A lighter outline for display, simplified in metres (topology kept).

    >>> kursk = region_outline("ne:RU-KRS")
    >>> len(simplified(kursk).exterior.coords) < len(kursk.exterior.coords)
    True
    """
    # Not densified: a display outline wants few vertices, and 250 m already dwarfs the bow.
    return _finish(to_metric(geom).simplify(tolerance_m, preserve_topology=True), densify=False)


def _point(p) -> Point:
    # A bare tuple could be (lat, lon) or (lon, lat): refuse it rather than guess.
    if isinstance(p, Point):
        return p
    if hasattr(p, "lat") and hasattr(p, "lon"):
        return Point(p.lon, p.lat)
    raise TypeError(f"expected a shapely Point or a place with .lat/.lon, got {p!r}; use point(lat, lon)")


def _metric_points(points) -> list[Point]:
    single = isinstance(points, Point) or hasattr(points, "lat")
    many = [points] if single else points
    result = [to_metric(_point(p)) for p in many]
    if not result:
        raise GeometryError("at least one origin is needed")
    return result


def _discs(points, radius_km: float):
    return shapely.union_all([p.buffer(radius_km * 1000) for p in _metric_points(points)])


def _span(seeds, zone) -> float:
    """A distance from ``seeds`` that surely reaches every point of ``zone``."""
    x0, y0, x1, y1 = shapely.union_all([seeds, zone.envelope]).bounds
    return math.hypot(x1 - x0, y1 - y0) + 1.0


def _bisect(grown: Callable[[float], object], target_m2: float, lo: float, hi: float) -> float:
    """The radius in [lo, hi] at which ``grown(radius)`` (growing with the radius) has ``target_m2``."""
    for _ in range(60):  # 60 halvings of a 1,000 km bracket reach far below a millimetre
        mid = (lo + hi) / 2
        got = grown(mid).area
        if abs(got - target_m2) <= _REL_TOL * target_m2:
            return mid
        lo, hi = (mid, hi) if got < target_m2 else (lo, mid)
    return (lo + hi) / 2


def _polygonal(geom) -> Polygon | MultiPolygon:
    parts = [g for g in shapely.get_parts(geom) if isinstance(g, (Polygon, MultiPolygon))]
    merged = shapely.union_all(parts) if parts else Polygon()
    if isinstance(merged, (Polygon, MultiPolygon)):
        return merged
    return MultiPolygon([g for g in shapely.get_parts(merged) if isinstance(g, Polygon)])


def _finish(metric_geom, *, densify: bool = True) -> Polygon | MultiPolygon:
    """Back to EPSG:4326, snapped to the grid, valid, polygonal and in canonical vertex order."""
    # A straight edge in metres bows in degrees (6 m over 15 km, 24 m over 30 km); 1 km
    # pieces bow 3 cm, so both readings agree on the 1 m grid and a shrunk or carved area
    # stays inside the area it came from.
    dense = shapely.segmentize(metric_geom, _MAX_EDGE_M) if densify else metric_geom
    snapped = shapely.set_precision(to_wgs84(dense), _GRID_DEG)
    return shapely.normalize(_polygonal(shapely.make_valid(snapped)))
