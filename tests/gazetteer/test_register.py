"""The settlement register under the gazetteer: read from the pinned wheel, merged with GeoNames and
the curated tables into one row per real place."""

from __future__ import annotations

import csv

import pytest

from gazetteer.curated import merge_settlements
from gazetteer.register import REGISTER_WHEEL, canonical_name, load_register, merge_geonames
from gazetteer.sources import Row
from kursk_map.places.gazetteer import DATA_DIR
from tests.conftest import ROOT

WHEEL = ROOT / ".cache" / "registry" / REGISTER_WHEEL


@pytest.fixture(scope="module")
def register():
    assert WHEEL.is_file(), "run scripts/setup: it downloads the register's wheel"
    return load_register(WHEEL)


def row(id, name, lat, lon, **kw):
    return Row(id=id, name=name, kind="settlement", precision="settlement", lat=lat, lon=lon, country="RU",
               admin1="Kursk Oblast", names={name}, **kw)


def test_every_settlement_of_the_three_oblasts(register):
    by_oblast = {}
    for r in register:
        by_oblast[r.admin1] = by_oblast.get(r.admin1, 0) + 1
    assert by_oblast["Kursk Oblast"] > 2700 and by_oblast["Belgorod Oblast"] > 1500 and by_oblast["Bryansk Oblast"] > 2600
    loknya = [r for r in register if r.native == "Малая Локня"]
    assert [(r.name, r.district, r.lat, r.lon) for r in loknya] == [("Malaya Loknya", "Sudzhansky", 51.3325, 35.22722)]


def test_a_settlement_listed_twice_is_one_row_keeping_both_ids(register):
    (korenevo,) = [r for r in register if r.native == "Коренево"]
    assert korenevo.type == "пгт" and korenevo.population == 5325 and len(korenevo.also_ids) == 1


def test_ordinal_names_are_written_out():
    assert canonical_name("2-й Княжий") == "2nd Knyazhy"
    assert canonical_name("Есенки 1-е") == "1st Yesenki"


def test_a_geonames_place_near_a_register_settlement_of_its_name_is_that_settlement():
    register = [row("register:1", "Sudzha", 51.19194, 35.27194, population=5657)]
    geonames = [row("geonames:486816", "Sudzha", 51.191, 35.271, population=6000),
                row("geonames:9", "Sudzha", 52.5, 36.0)]   # a namesake 150 km away stays apart
    merged, findings = merge_geonames(geonames, register)
    (one,) = [r for r in merged if r.id == "register:1"]
    assert (one.lat, one.lon, one.population) == (51.19194, 35.27194, 5657)  # the register's coordinate and census
    assert one.also_ids == {"geonames:486816"}
    assert {r.id for r in merged} == {"register:1", "geonames:9"} and findings == []


def test_two_sources_more_than_2_km_apart_are_a_finding():
    register = [row("register:1", "Plekhovo", 51.0997, 35.3306)]
    geonames = [row("geonames:5", "Plekhovo", 51.1270, 35.3306)]   # 3 km north
    _, findings = merge_geonames(geonames, register)
    assert [(a, b, round(km)) for a, b, km in findings] == [("register:1", "geonames:5", 3)]


def test_a_curated_village_adds_its_spellings_and_source_to_the_register_row():
    rows = [row("register:1", "Pogrebki", 51.37778, 35.2275, district="Sudzhansky")]
    curated = [{"name": "Pogrebki", "name_ru": "Погребки", "name_uk": "Погрібки", "alt_names": "Pohribky",
                "admin1": "Kursk Oblast", "district": "Sudzhansky", "country": "RU", "lat": "", "lon": "",
                "population": "", "coord_source": "", "district_source": "https://example.org/pogrebki"}]
    merged, findings = merge_settlements(rows, curated)
    (one,) = merged
    assert {"Погрібки", "Pohribky"} <= one.names and "https://example.org/pogrebki" in one.source
    assert (one.lat, one.lon) == (51.37778, 35.2275) and findings == []


def test_a_curated_coordinate_that_disagrees_is_reported_not_used():
    rows = [row("register:1", "Lgov", 51.6597, 35.2636)]
    curated = [{"name": "Lgov", "admin1": "Kursk Oblast", "district": "Lgovsky", "country": "RU",
                "lat": "51.6833", "lon": "35.2667", "population": "", "coord_source": "https://example.org/lgov"}]
    merged, findings = merge_settlements(rows, curated)
    assert (merged[0].lat, merged[0].lon) == (51.6597, 35.2636)
    assert [(f.row_id, f.km > 2) for f in findings] == [("register:1", True)]


def test_the_committed_gazetteer_has_one_sudzha_with_every_id(gazetteer):
    sudzhas = [p for p in gazetteer.lookup("Sudzha") if p.kind == "settlement"]
    assert len(sudzhas) == 1
    (sudzha,) = sudzhas
    assert sudzha.id.startswith("register:") and "geonames:486816" in sudzha.also_ids
    assert gazetteer.by_id("geonames:486816") is sudzha


def test_findings_are_written_down():
    with open(DATA_DIR / "findings.tsv", encoding="utf-8", newline="") as f:
        findings = list(csv.DictReader(f, delimiter="\t"))
    assert findings and all(f["note"] for f in findings)
    assert any("curated:kursk-oblast/lgovsky/lgov" == f["other"] for f in findings)
