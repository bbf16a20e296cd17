"""Claims -> areas: the invariants the maps rest on, checked on real claims."""

import datetime as dt
import json

import pytest
import shapely

from kursk_map.articles.reading import article_from_text
from kursk_map.claims.extraction import extract_claims
from kursk_map.pipeline import claims_for
from kursk_map.situation import geometry as geo
from kursk_map.situation.areas import KM2_PER_SETTLEMENT, derive_areas, map_date
from tests.conftest import SEEDS


def _report(text, gazetteer, date="2024-09-01"):
    return extract_claims(article_from_text(f"Publisher: Test\nDate: {date}\n\n{text}\n"), gazetteer=gazetteer)


@pytest.fixture(scope="module")
def seeds_situation():
    batch = claims_for([str(SEEDS)], corrections=[SEEDS / "corrections.geojson"])
    return batch.results, derive_areas(list(batch.results))


def test_area_matched_is_within_5_percent_of_the_claim_and_stays_in_the_region(seeds_situation):
    _, situation = seeds_situation
    region = geo.to_metric(geo.region_outline("ne:RU-KRS")).buffer(5)
    checked = 0
    for a in situation.areas:
        assert region.contains(geo.to_metric(a.geometry)), a.method
        if a.derivation == "area-matched" and a.status == "held" and a.claim.area_km2:
            assert abs(geo.area_km2(a.geometry) - a.claim.area_km2) <= 0.05 * a.claim.area_km2
            checked += 1
        if a.derivation == "area-matched" and a.status == "held" and a.claim.settlement_count and a.claim.action != "recaptured":
            target = a.claim.settlement_count * KM2_PER_SETTLEMENT
            assert abs(geo.area_km2(a.geometry) - target) <= 0.05 * target
    assert checked >= 1


def test_lost_about_half_shrinks_the_earlier_area_to_half(seeds_situation):
    _, situation = seeds_situation
    lost = [a for a in situation.areas if a.claim.action == "lost" and a.status == "held"]
    assert lost
    (after,) = lost
    earlier = [a for a in situation.areas if a.side == "UA" and a.status == "held" and a.claim.as_of < after.claim.as_of]
    before = earlier[-1]
    assert abs(after.area_km2 / before.area_km2 - 0.5) < 0.05
    # the side kept is the one nearer the border crossing
    origin = geo.to_metric(geo.border_origin(geo.point(51.191, 35.271)))
    gone = geo.to_metric(before.geometry).difference(geo.to_metric(after.geometry))
    assert geo.to_metric(after.geometry).centroid.distance(origin) < gone.centroid.distance(origin)


def test_named_held_settlements_lie_inside(gazetteer):
    report = _report("Ukrainian forces control 600 square kilometres of the Kursk region, including Sudzha "
                     "and Martynovka, the General Staff said.", gazetteer)
    situation = derive_areas([report], gazetteer)
    (area,) = situation.areas
    assert area.derivation == "area-matched" and abs(area.area_km2 - 600) <= 30
    for name in ("Sudzha", "Martynovka"):
        places = [p for p in gazetteer.lookup(name) if p.precision == "settlement" and p.admin1 == "Kursk Oblast"]
        assert places, name
        assert area.geometry.buffer(1e-4).contains(geo.point(places[0].lat, places[0].lon)), name


def test_named_settlements_without_a_figure_become_cells(gazetteer):
    report = _report("Ukrainian forces captured Sudzha.", gazetteer)
    (area,) = derive_areas([report], gazetteer).areas
    assert area.derivation == "settlements" and area.status == "held"
    assert area.area_km2 < 3.2 ** 2 * 3.1416   # one 3 km cell, clipped


def test_recaptured_settlements_are_carved_out_of_the_earlier_area(gazetteer):
    first = _report("Ukrainian forces control 800 square kilometres of the Kursk region including Sudzha.", gazetteer,
                    date="2024-09-01")
    second = _report("Russian forces retook Sudzha in the Kursk region.", gazetteer, date="2025-03-13")
    situation = derive_areas([first, second], gazetteer)
    held = [a for a in situation.areas if a.side == "UA" and a.status == "held"]
    assert len(held) == 2
    sudzha = [p for p in gazetteer.lookup("Sudzha") if p.precision == "settlement"][0]
    spot = geo.point(sudzha.lat, sudzha.lon)
    assert held[0].geometry.contains(spot) and not held[1].geometry.contains(spot)
    assert any(a.side == "RU" and a.status == "recaptured" and a.geometry.contains(spot) for a in situation.areas)


def test_claims_with_no_ground_are_listed_not_drawn(gazetteer):
    report = _report("The Russian Defence Ministry said the Ukrainian advance in the Kursk region had been halted.",
                     gazetteer)
    situation = derive_areas([report], gazetteer)
    assert not situation.areas and [n.claim.action for n in situation.not_drawn] == ["halted"]
    assert situation.not_drawn[0].reason


def test_forecasts_are_never_drawn(seeds_situation):
    _, situation = seeds_situation
    assert all(a.claim.kind == "claim" for a in situation.areas)


def test_same_input_same_polygons(seeds_situation):
    results, situation = seeds_situation
    again = derive_areas(list(results))
    assert [shapely.to_wkb(a.geometry) for a in again.areas] == [shapely.to_wkb(a.geometry) for a in situation.areas]


def test_a_sourced_geometry_is_drawn_as_given(tmp_path, gazetteer):
    square = {"type": "Polygon", "coordinates": [[[35.2, 51.2], [35.3, 51.2], [35.3, 51.3], [35.2, 51.3], [35.2, 51.2]]]}
    path = tmp_path / "corrections.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": square,
        "properties": {"op": "add", "side": "UA", "action": "controls", "claimant": "ISW", "as_of": "2024-08-20",
                       "report_date": "2024-08-21", "publisher": "ISW", "provenance": "test square"}}]}))
    batch = claims_for([str(SEEDS / "003_5521c82fc0953d07.txt")], corrections=[path])
    (sourced,) = [a for a in derive_areas(list(batch.results)).areas if a.derivation == "sourced"]
    assert shapely.equals(sourced.geometry, shapely.geometry.shape(square))
    assert map_date(sourced.report) == dt.date(2024, 8, 21)
