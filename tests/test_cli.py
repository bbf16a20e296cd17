import csv
import io
import json

from tests.conftest import ROOT, SEEDS, run_cli


def test_places_json_shape_for_a_folder():
    proc = run_cli("places", "seeds/", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert [o["file"] for o in out] == [f"seeds/{p.name}" for p in sorted(SEEDS.glob("*.txt"))]
    for obj in out:
        assert set(obj) == {"file", "places", "unresolved"}
        text = (SEEDS / obj["file"].split("/")[-1]).read_text(encoding="utf-8")
        for p in obj["places"]:
            assert set(p) == {"surface", "start", "end", "name", "kind", "lat", "lon", "id", "role", "precision"}
            assert text[p["start"]:p["end"]] == p["surface"]
            assert p["kind"] in ("settlement", "district", "region", "country", "river", "other")
            assert p["role"] in ("location", "actor")
            assert p["precision"] in ("settlement", "district", "region")
            assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180
        for u in obj["unresolved"]:
            assert set(u) == {"surface", "start", "end"}
    kursk = [p for o in out for p in o["places"] if p["surface"] == "Kursk Region"]
    assert kursk and all(p["name"] == "Kursk Oblast" and p["id"] == "ne:RU-KRS" for p in kursk)


def test_places_table_is_readable():
    proc = run_cli("places", "seeds/002_f3b83dfb5465be27.txt")
    assert proc.returncode == 0
    assert "Kursk Region" in proc.stdout and "Kursk Oblast" in proc.stdout and "actor" in proc.stdout


def test_bad_files_fail_one_line_each_and_the_rest_still_runs(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "cp1251.txt").write_bytes("Бои идут у Суджи Курской области.".encode("cp1251"))
    (tmp_path / "latin1.txt").write_bytes("Kämpfe bei Sudscha, Oblast Kursk.".encode("latin-1"))
    with (tmp_path / "huge.txt").open("wb") as f:
        f.truncate(100 * 1024 * 1024)
    (tmp_path / "good.txt").write_text("Ukrainian forces entered Sudzha.", encoding="utf-8")
    proc = run_cli("places", str(tmp_path), str(tmp_path / "missing.txt"), "--json")
    assert proc.returncode == 1
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 4, proc.stderr
    for name, reason in (("empty.txt", "empty"), ("binary.txt", "binary"), ("huge.txt", "too large"),
                         ("missing.txt", "no such file")):
        assert any(name in line and reason in line for line in errors), (name, errors)
    assert "Traceback" not in proc.stderr
    out = {o["file"].split("/")[-1]: o for o in json.loads(proc.stdout)}
    assert set(out) == {"cp1251.txt", "latin1.txt", "good.txt"}
    assert [p["name"] for p in out["cp1251.txt"]["places"]] == ["Sudzha", "Kursk Oblast"]
    assert [p["name"] for p in out["good.txt"]["places"]] == ["Sudzha"]


def test_usage_errors_exit_2():
    proc = run_cli("places")
    assert proc.returncode == 2
    assert "usage" in proc.stderr


def test_python_m_and_help():
    proc = run_cli("places", "--help")
    assert proc.returncode == 0
    assert "kursk-map places seeds/ --json" in proc.stdout


def test_claims_json_has_the_interface_shape():
    run = run_cli("claims", "seeds/", "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert [d["file"] for d in data][:5] == [f"seeds/{p.name}" for p in sorted(SEEDS.glob("*.txt"))]
    for d in data:
        assert list(d)[:6] == ["file", "report_date", "report_date_inferred", "publisher", "url", "claims"]
        for c in d["claims"]:
            assert list(c)[:14] == ["kind", "claimant", "sources", "side", "action", "places", "area_km2",
                                    "settlement_count", "fraction", "as_of", "hedged", "quote", "start", "end"]
            text = (ROOT / d["file"]).read_text(encoding="utf-8") if c["origin"] == "extracted" else None
            if text is not None:
                assert text[c["start"]:c["end"]] == c["quote"]
    by_file = {d["file"]: d for d in data}
    mt = by_file["seeds/003_5521c82fc0953d07.txt"]
    assert any(c["settlement_count"] == 100 and c["area_km2"] == 1300.0 and c["area_qualifier"] == "almost"
               for c in mt["claims"])
    assert by_file["seeds/000_93ccbc94cf436395.txt"]["report_date_inferred"] is True


def test_claims_csv_and_geojson():
    run = run_cli("claims", "seeds/", "--csv")
    assert run.returncode == 0 and run.stdout.startswith("file,report_date,")
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert rows and all(r["side"] in ("UA", "RU") for r in rows)
    geo = json.loads(run_cli("claims", "seeds/", "--geojson").stdout)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == len(rows)
    # a claim about "the Kursk region" is drawn as the oblast's outline, never at a country's centroid
    from shapely.geometry import shape

    from kursk_map.situation import geometry as sgeo

    kursk = sgeo.region_outline("ne:RU-KRS").buffer(0.01)
    regional = [f for f in geo["features"] if f["properties"]["places"] == "Kursk Oblast"]
    assert regional and all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") and kursk.contains(
        shape(f["geometry"])) for f in regional)
    for f in geo["features"]:
        assert f["properties"]["geometry_note"]
        if f["geometry"] is not None:
            assert shape(f["geometry"]).intersects(kursk) or "Donbas" in f["properties"]["places"] or \
                f["geometry"]["type"] == "MultiPoint", f["properties"]["places"]


def test_a_claim_about_settlements_is_at_their_points(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Date: 2024-08-20\n\nUkrainian forces captured Sudzha and Martynovka, the General Staff "
                       "said.\n", encoding="utf-8")
    geo = json.loads(run_cli("claims", str(article), "--geojson").stdout)
    (f,) = geo["features"]
    assert f["geometry"]["type"] == "MultiPoint" and len(f["geometry"]["coordinates"]) == 2
    for lon, lat in f["geometry"]["coordinates"]:
        assert 34.9 < lon < 35.6 and 51.0 < lat < 51.5  # both by Sudzha, in Kursk Oblast
    only_country = tmp_path / "b.txt"
    only_country.write_text("Date: 2024-08-20\n\nRussian forces advanced in Ukraine, the ministry said.\n",
                            encoding="utf-8")
    (g,) = json.loads(run_cli("claims", str(only_country), "--geojson").stdout)["features"]
    assert g["geometry"] is None and "country" in g["properties"]["geometry_note"]


def test_claims_bad_files_one_line_each(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    good = tmp_path / "good.txt"
    good.write_text("Date: 2024-08-20\n\nUkrainian forces captured Sudzha.\n", encoding="utf-8")
    run = run_cli("claims", str(tmp_path), "--json")
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("kursk-map: error: ") for line in lines)
    assert "Traceback" not in run.stderr
    (result,) = json.loads(run.stdout)
    assert result["claims"][0]["action"] == "captured"


def test_a_script_url_is_dropped_with_a_warning_line(tmp_path):
    (tmp_path / "a.txt").write_text("URL: javascript:alert(1)\n\nUkrainian forces hold Sudzha.\n", encoding="utf-8")
    proc = run_cli("claims", str(tmp_path), "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)[0]["url"] is None
    (line,) = proc.stderr.splitlines()
    assert line.startswith("kursk-map: warning: ") and "a.txt" in line and "only http and https" in line
