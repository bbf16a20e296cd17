"""Invariants of the estimated areas: sizes, containment, determinism, errors.

Expected values come from outside the functions under test: the claimed km²,
the gazetteer's places, the oblast's published area, pyproj's geodesic area
and brute-force sampling of the border.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pyproj
import pytest
import shapely

from kursk_map.errors import GazetteerError, GeometryError, KurskMapError
from kursk_map.situation.geometry import (
    CELL_RADIUS_KM,
    area_km2,
    border_origin,
    carve_out,
    grow_to_area,
    point,
    region_outline,
    settlement_cells,
    shrink_to_fraction,
    simplified,
    to_metric,
    to_wgs84,
)

HELD = ("Sudzha", "Martynovka", "Malaya Loknya")  # held by Ukraine in late August 2024


def kursk_place(gazetteer, name):
    found = [p for p in gazetteer.lookup(name) if p.admin1 == "Kursk Oblast"]
    assert len(found) == 1 and found[0].precision == "settlement", (name, found)
    return found[0]


@pytest.fixture(scope="module")
def kursk():
    return region_outline("ne:RU-KRS")


@pytest.fixture(scope="module")
def held(gazetteer):
    return [kursk_place(gazetteer, name) for name in HELD]


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


@pytest.mark.parametrize("target", [100, 500, 1294])
def test_grow_hits_the_target_inside_the_region(kursk, origin, target):
    area = grow_to_area(kursk, origin, target)
    assert area_km2(area) == pytest.approx(target, rel=0.05)
    assert area.distance(origin) < 1e-4  # grown from the crossing
    assert_within(area, kursk)
    assert_clean(area)


@pytest.mark.parametrize("target", [500, 1294])
def test_grow_holds_every_named_place(kursk, origin, held, target):
    area = grow_to_area(kursk, [origin], target, include=held)
    assert area_km2(area) == pytest.approx(target, rel=0.05)
    for place in held:
        assert area.contains(point(place.lat, place.lon)), place.name
    assert_within(area, kursk)
    assert_clean(area)


def test_salient_hugs_the_border(kursk, origin):
    # Late August 2024: ~1,300 km² reaching 25-35 km in; no part far from the crossing.
    area = grow_to_area(kursk, origin, 1294)
    deepest = to_metric(area).hausdorff_distance(to_metric(origin)) / 1000
    assert 20 < deepest < 45


def test_same_input_same_bytes(kursk, origin, held):
    first = grow_to_area(kursk, origin, 1294, include=held)
    again = grow_to_area(region_outline("ne:RU-KRS"), origin, 1294, include=list(held))
    assert first.wkb == again.wkb
    assert shrink_to_fraction(first, 0.5, origin).wkb == shrink_to_fraction(again, 0.5, origin).wkb


def test_impossible_targets(kursk, origin, held, gazetteer):
    with pytest.raises(GeometryError, match="smaller"):
        grow_to_area(kursk, origin, 40_000)
    with pytest.raises(GeometryError, match="already cover"):
        grow_to_area(kursk, origin, 20, include=held)  # three cells 10+ km apart are more than 20 km²
    sumy = next(p for p in gazetteer.lookup("Sumy") if p.precision == "settlement")
    with pytest.raises(GeometryError, match="outside"):
        grow_to_area(kursk, origin, 500, include=[sumy])
    assert issubclass(GeometryError, KurskMapError) and issubclass(GeometryError, ValueError)


def test_shrink_keeps_the_border_side(kursk, origin, held):
    before = grow_to_area(kursk, origin, 1294, include=held)
    kept = shrink_to_fraction(before, 0.5, origin)
    lost = before.difference(kept)
    assert area_km2(kept) == pytest.approx(area_km2(before) / 2, rel=0.05)
    assert_within(kept, before)
    assert_clean(kept)
    assert km(kept.centroid, origin) < km(lost.centroid, origin)
    with pytest.raises(GeometryError):
        shrink_to_fraction(before, 1.5, origin)


def test_carve_out_removes_the_recaptured_village(kursk, origin, held):
    before = grow_to_area(kursk, origin, 1294, include=held)
    martynovka = point(held[1].lat, held[1].lon)
    after = carve_out(before, [martynovka])
    assert not after.contains(martynovka)
    assert after.distance(martynovka) > 0.9 * CELL_RADIUS_KM / 111  # a whole cell, not a pinprick
    assert_within(after, before)
    assert area_km2(after) < area_km2(before)


def test_settlement_cells(kursk, held, origin):
    cells = settlement_cells(held, kursk)
    for place in held:
        assert cells.contains(point(place.lat, place.lon))
    assert_within(cells, kursk)
    assert area_km2(cells) <= len(held) * math.pi * CELL_RADIUS_KM ** 2 * 1.01
    on_border = settlement_cells([origin], kursk, radius_km=2)
    assert area_km2(on_border) < 0.75 * math.pi * 2 ** 2  # the Ukrainian side is clipped off


def test_bare_tuples_are_refused(kursk):
    with pytest.raises(TypeError, match="point"):
        settlement_cells([(51.191, 35.271)], kursk)


def test_simplified_outline(kursk):
    light = simplified(kursk, tolerance_m=500)
    assert len(light.exterior.coords) < len(kursk.exterior.coords) / 2
    assert area_km2(light) == pytest.approx(area_km2(kursk), rel=0.01)
    assert_clean(light)


def test_ten_claims_well_under_a_second(kursk, origin, held):
    start = time.perf_counter()
    for i in range(10):
        area = grow_to_area(kursk, origin, 300 + 100 * i, include=held[: 1 + i % 3])
        carve_out(shrink_to_fraction(area, 0.6, origin), held[:1])
    assert time.perf_counter() - start < 1.0
