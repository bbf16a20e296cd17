"""Settlement cells: the ground areas are built from, and how an area grows over them."""

from __future__ import annotations

import pytest
import shapely

from kursk_map.situation import geometry as geo
from kursk_map.situation.cells import theatre_cells
from tests.situation.helpers import kursk_place

KURSK = "ne:RU-KRS"


@pytest.fixture(scope="module")
def cells(gazetteer):
    return theatre_cells(gazetteer)


@pytest.fixture(scope="module")
def kursk_cells(cells):
    return cells.in_region(KURSK)


def test_the_cells_tile_the_oblast(kursk_cells):
    oblast = geo.to_metric(geo.region_outline(KURSK))
    union = shapely.union_all([c.geometry for c in kursk_cells])
    assert union.symmetric_difference(oblast).area / oblast.area < 0.002
    assert sum(c.geometry.area for c in kursk_cells) == pytest.approx(oblast.area, rel=0.002)  # no overlaps
    assert 2000 < len(kursk_cells) < 4000  # one per settlement point of the oblast's register


@pytest.mark.parametrize("name", ["Sudzha", "Martynovka", "Malaya Loknya", "Guyevo", "Korenevo"])
def test_a_settlement_lies_in_its_own_cell(cells, gazetteer, name):
    place = kursk_place(gazetteer, name)
    cell = cells.of(place)
    assert cell is not None and place in cell.places
    assert cell.geometry.contains(geo.to_metric(geo.point(place.lat, place.lon)))
    assert 0.5 < cell.area_km2 < 60


def test_neighbours_touch_and_are_mutual(cells, kursk_cells):
    neighbours = cells.neighbours(KURSK)
    by_index = {c.index: c for c in kursk_cells}
    for cell in kursk_cells[:200]:
        assert neighbours[cell.index], cell.place.name
        for j in neighbours[cell.index]:
            assert cell.index in neighbours[j]
            assert cell.geometry.distance(by_index[j].geometry) < 1.0


@pytest.mark.parametrize("km2", [40.0, 300.0, 1294.0])
def test_growth_stops_within_one_cell_of_the_figure(cells, gazetteer, km2):
    origin = geo.to_metric(geo.border_origin(kursk_place(gazetteer, "Sudzha"))).coords[0]
    grown = cells.grow(KURSK, origin, [], km2)
    total = sum(c.area_km2 for c in grown)
    assert abs(total - km2) <= max(c.area_km2 for c in grown)
    shape = shapely.union_all([c.geometry for c in grown])
    assert shape.geom_type == "Polygon", "grown cell by cell from one point: one piece"
    assert shape.distance(shapely.Point(origin)) < 1.0, "it starts at the border crossing"


def test_growth_goes_around_the_other_sides_ground_and_counts_held_cells_once(cells, gazetteer):
    origin = geo.to_metric(geo.border_origin(kursk_place(gazetteer, "Sudzha"))).coords[0]
    free = cells.grow(KURSK, origin, [], 500.0)
    wall = {c.index for c in free[10:40]}
    around = cells.grow(KURSK, origin, [], 500.0, blocked=wall)
    assert not wall & {c.index for c in around}
    held = [cells.of(kursk_place(gazetteer, "Sudzha"))]
    with_held = cells.grow(KURSK, origin, held, 500.0 - held[0].area_km2)
    assert held[0] not in with_held
    assert abs(sum(c.area_km2 for c in with_held) + held[0].area_km2 - 500) <= max(c.area_km2 for c in with_held)


def test_a_far_named_village_seeds_no_growth_of_its_own_unless_asked(cells, gazetteer):
    origin = geo.to_metric(geo.border_origin(kursk_place(gazetteer, "Sudzha"))).coords[0]
    far = [cells.of(kursk_place(gazetteer, "Korenevo"))]  # some 40 km north-west of the crossing
    near_far = lambda grown: sum(1 for c in grown if c.geometry.distance(far[0].geometry) < 5000)  # noqa: E731
    seeded = cells.grow(KURSK, origin, far, 300.0)
    crossing_only = cells.grow(KURSK, origin, far, 300.0, from_named=False)
    assert near_far(seeded) > 3 and near_far(crossing_only) == 0
    shape = shapely.union_all([c.geometry for c in crossing_only])
    assert shape.geom_type == "Polygon" and shape.distance(shapely.Point(origin)) < 1.0


def test_cells_are_computed_once_per_gazetteer(gazetteer):
    assert theatre_cells(gazetteer) is theatre_cells(gazetteer)


def test_a_region_with_no_cells_grows_nothing(gazetteer):
    cells = theatre_cells(gazetteer)
    assert cells.neighbours("ne:UA-43") == {} and cells.grow("ne:UA-43", (0.0, 0.0), [], 500.0) == []  # Crimea
