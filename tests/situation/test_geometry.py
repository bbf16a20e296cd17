"""The geometry helpers: projections, areas, outlines, the border crossing, clean output.

Expected values come from outside the functions under test: the gazetteer's places, the
oblast's published area, pyproj's geodesic area and brute-force sampling of the border.
"""

from __future__ import annotations


import numpy as np
import pyproj
import pytest
import shapely

from kursk_map.errors import GazetteerError
from kursk_map.situation.geometry import (
    area_km2,
    border_origin,
    finish,
    point,
    region_outline,
    simplified,
    to_metric,
    to_wgs84,
)


def kursk_place(gazetteer, name):
    found = [p for p in gazetteer.lookup(name) if p.admin1 == "Kursk Oblast"]
    assert len(found) == 1 and found[0].precision == "settlement", (name, found)
    return found[0]


@pytest.fixture(scope="module")
def kursk():
    return region_outline("ne:RU-KRS")


@pytest.fixture(scope="module")
def origin(gazetteer):
    return border_origin(kursk_place(gazetteer, "Sudzha"))


def km(a, b):
    return to_metric(a).distance(to_metric(b)) / 1000


def assert_within(inner, outer):
    assert outer.buffer(1e-4).contains(inner)  # 1e-4° is 7-11 m: the output grid is 1 m
    assert area_km2(inner.difference(outer)) < 0.01


def assert_clean(geom):
    assert geom.geom_type in ("Polygon", "MultiPolygon") and geom.is_valid
    coords = shapely.get_coordinates(geom) * 1e5
    assert np.allclose(coords, np.round(coords), atol=1e-6)  # snapped to the 1e-5° grid


def test_point_takes_lat_then_lon():
    p = point(51.191, 35.271)
    assert (p.x, p.y) == (35.271, 51.191)


def test_area_is_geodesic_not_square_degrees(kursk):
    box = shapely.box(35.0, 51.0, 35.5, 51.5)
    geodesic = abs(pyproj.Geod(ellps="WGS84").geometry_area_perimeter(box)[0]) / 1e6
    assert area_km2(box) == pytest.approx(geodesic, rel=1e-4)
    assert area_km2(kursk) == pytest.approx(30_100, rel=0.02)  # Kursk Oblast: 29,997-30,100 km²


def test_metric_round_trip(kursk):
    assert shapely.equals_exact(to_wgs84(to_metric(kursk)), kursk, tolerance=1e-7)  # 1 cm
    assert to_metric(point(51.3, 35.3)).distance(shapely.Point(0, 0)) < 1e-6  # the projection's centre


def test_unknown_outline():
    with pytest.raises(GazetteerError):
        region_outline("ne:XX-NOPE")


def test_border_origin_is_the_border_point_nearest_sudzha(gazetteer, kursk, origin):
    sudzha = kursk_place(gazetteer, "Sudzha")
    ukraine = to_metric(region_outline("country:UA"))
    assert kursk.boundary.distance(origin) < 1e-4
    assert ukraine.distance(to_metric(origin)) < 2000
    # Brute force: every 100 m of the oblast's boundary, keep what touches Ukraine.
    ring = to_metric(kursk.boundary)
    samples = shapely.line_interpolate_point(ring, np.arange(0, ring.length, 100.0))
    on_border = samples[shapely.distance(samples, ukraine) < 2000]
    nearest = shapely.distance(on_border, to_metric(point(sudzha.lat, sudzha.lon))).min() / 1000
    assert km(origin, point(sudzha.lat, sudzha.lon)) == pytest.approx(nearest, abs=0.1)
    assert 3 < nearest < 20  # Sudzha is a border town


def test_bare_tuples_are_refused():
    with pytest.raises(TypeError, match="point"):
        border_origin((51.191, 35.271))


def test_finish_gives_clean_wgs84_from_metres(kursk):
    square = shapely.box(-5000, -5000, 5000, 5000)  # 100 km² around the projection's centre
    done = finish(square)
    assert_clean(done)
    assert area_km2(done) == pytest.approx(100, rel=1e-3)
    assert done.wkb == finish(shapely.box(-5000, -5000, 5000, 5000)).wkb
    assert kursk.contains(done.centroid)


def test_simplified_outline(kursk):
    light = simplified(kursk, tolerance_m=500)
    assert len(light.exterior.coords) < len(kursk.exterior.coords) / 2
    assert area_km2(light) == pytest.approx(area_km2(kursk), rel=0.01)
    assert_clean(light)
