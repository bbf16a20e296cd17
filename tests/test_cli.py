import json

from tests.conftest import SEEDS, run_cli


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
