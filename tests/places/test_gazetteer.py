import csv
import subprocess
import sys

import pytest

from kursk_map.places.gazetteer import DATA_DIR, load_gazetteer
from tests.conftest import ROOT

CURATED = ROOT / "gazetteer" / "curated"


def _build(out):
    proc = subprocess.run([sys.executable, str(ROOT / "gazetteer" / "build.py"), "--out", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr + proc.stdout  # build inputs missing: run scripts/setup
    return {p.name: p.read_bytes() for p in out.iterdir()}


def test_build_is_reproducible_and_matches_the_committed_files(tmp_path):
    first = _build(tmp_path / "a")
    second = _build(tmp_path / "b")
    assert first == second
    for name in ("places.tsv", "boundaries.geojson", "findings.tsv", "rivers.geojson"):
        assert first[name] == (DATA_DIR / name).read_bytes(), f"{name} is stale: run python gazetteer/build.py"


def test_every_curated_coordinate_names_its_source():
    rows = 0
    for path in sorted(CURATED.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                rows += 1
                if row.get("lat"):
                    assert row.get("coord_source", row.get("source", "")).startswith("http"), (path.name, row)
                assert row.get("coord_source") or row.get("district_source") or row.get("source"), (path.name, row)
    assert rows > 150


@pytest.mark.parametrize("name, expected", [
    ("Sudzha", "Sudzha"), ("Sudja", "Sudzha"), ("Суджа", "Sudzha"), ("Malaya Loknya", "Malaya Loknya"),
    ("Kiev", "Kyiv"), ("Kyiv", "Kyiv"), ("Kursk Region", "Kursk Oblast"), ("Курская область", "Kursk Oblast"),
    ("Donbass", "Donbas"), ("Sumy region", "Sumy Oblast"), ("Курское приграничье", "Kursk Oblast"),
    ("Tolsty Lug", "Tolstoy Lug"), ("Nikolaevo-Darino", "Nikolayevo-Daryino"), ("Plyokhovo", "Plekhovo"),
    ("Korenevo", "Korenevo"), ("Glushkovo", "Glushkovo"), ("Tetkino", "Tetkino"), ("Lgov", "Lgov"),
    ("Dagestan", "Republic of Dagestan"), ("Chechnya", "Chechen Republic"), ("Tatarstan", "Republic of Tatarstan"),
    ("Crimea", "Crimea"), ("Krym", "Crimea"),
])
def test_names_in_every_form(gazetteer, name, expected):
    assert expected in {p.name for p in gazetteer.lookup(name)}


@pytest.mark.parametrize("name", ["Ingush", "Chechen", "Kazan", "Buryat"])
def test_a_republic_is_not_named_by_an_ethnonym_or_a_city(gazetteer, name):
    assert not [p for p in gazetteer.lookup(name) if p.kind == "region"]


def test_required_outlines_are_there_with_true_areas(gazetteer):
    import geopandas as gpd

    outlines = gpd.GeoDataFrame.from_features(gazetteer.outlines()["features"], crs="EPSG:4326")
    ids = set(outlines["id"])
    for code in ("RU-KRS", "RU-BEL", "RU-BRY", "UA-59", "UA-63", "UA-74", "UA-14", "UA-09"):
        assert f"ne:{code}" in ids
    assert {"country:RU", "country:UA", "composite:donbas"} <= ids
    kursk = outlines[outlines["id"] == "ne:RU-KRS"].to_crs("ESRI:54034")  # World Cylindrical Equal Area
    assert 29_500 < kursk.area.iloc[0] / 1e6 < 30_500  # Kursk Oblast is about 30,000 km2


def test_precision_levels(gazetteer):
    sudzha = gazetteer.by_id("geonames:486816")
    assert (sudzha.precision, sudzha.district) == ("settlement", "Sudzhansky")
    district_only = [p for p in gazetteer.places if p.precision == "district" and p.kind == "settlement"]
    assert district_only, "villages known only by district"
    for p in district_only:
        centre = gazetteer.lookup(f"{p.district} District") or gazetteer.lookup(f"{p.district} Raion")
        assert (p.lat, p.lon) == (centre[0].lat, centre[0].lon)


def test_loading_is_cached():
    assert load_gazetteer() is load_gazetteer()
