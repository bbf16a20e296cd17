"""Careless and hostile input (issue 14), through the command line as a user runs it: every bad input is
one line naming the file and the reason, the rest of the batch is done, the exit code says what
happened, no traceback, nothing written outside the output folder, nothing half-written."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, run_cli, write_report

ERROR = "kursk-map: error: "
GOOD = "Publisher: Test News\nDate: 2024-08-20\n\nUkrainian forces control Sudzha, the General Staff said.\n"


def errors(proc) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.startswith(ERROR)]


def no_traceback(proc) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr


def one_line_each(proc, names) -> None:
    found = errors(proc)
    for name in names:
        mine = [line for line in found if name in line]
        assert len(mine) == 1, (name, found)


# -- inputs -----------------------------------------------------------------------------------

BAD_FILES = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 40,
    "nul.txt": b"Ukrainian forces\x00\x00\x00 control Sudzha\x00" * 50,
    "bom-not-utf8.txt": b"\xef\xbb\xbf" + bytes(range(0x80, 0x100)) * 8,
    "bad-date.txt": b"Date: 2024-13-45\n\nUkrainian forces control Sudzha.\n",
}
GOOD_FILES = {
    "utf16.txt": GOOD.encode("utf-16"),
    "bom.txt": b"\xef\xbb\xbf" + GOOD.encode("utf-8"),
    "cp1251.txt": "Date: 2024-08-20\n\nУкраинские войска контролируют Суджу, заявил Генштаб.\n".encode("cp1251"),
    "latin1.txt": "Date: 2024-08-20\n\nLes forces ukrainiennes contrôlent Soudja, a déclaré l'état-major.\n"
                  .encode("latin-1"),
    "page.txt": b"<!DOCTYPE html><html><head><title>x</title></head><body><p>Ukrainian forces control Sudzha, "
                b"the General Staff said.</p></body></html>\n",
    "long line.txt": ("Date: 2024-08-20\n\nUkrainian forces control Sudzha, the General Staff said; "
                      + "the quick brown fox jumps over the lazy dog " * 116_000).encode(),  # 5 MB, one line
    "future.txt": b"Date: 2031-01-01\n\nUkrainian forces control Sudzha, the General Staff said.\n",
    "js-url.txt": b"URL: javascript:alert(1)\nDate: 2024-08-20\n\nUkrainian forces control Sudzha.\n",
    "data-url.txt": b"URL: data:text/html,<script>alert(1)</script>\nDate: 2024-08-20\n\nUkrainian forces control "
                    b"Sudzha.\n",
    "\u0441\u0443\u0434\u0436\u0430 unicode.txt": GOOD.encode(),
    "-leading-dash.txt": GOOD.encode(),
    "two..dots.txt": GOOD.encode(),
    "UPPER.TXT": GOOD.encode(),
}


@pytest.fixture(scope="module")
def messy(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("messy") / "in"
    folder.mkdir()
    for name, data in {**BAD_FILES, **GOOD_FILES}.items():
        (folder / name).write_bytes(data)
    outside = folder.parent / "secret.txt"
    outside.write_text("Publisher: Not Yours\n\nUkrainian forces control Sudzha.\n", encoding="utf-8")
    (folder / "link-out.txt").symlink_to(outside)
    (folder / "dangling.txt").symlink_to(folder.parent / "gone.txt")
    (folder / "link-in.txt").symlink_to(folder / "bom.txt")
    return folder


def test_every_bad_file_is_one_line_and_the_good_ones_are_read(messy):
    proc = run_cli("claims", str(messy), "--json")
    no_traceback(proc)
    assert proc.returncode == 1
    one_line_each(proc, [*BAD_FILES, "link-out.txt", "dangling.txt"])
    assert len(errors(proc)) == len(BAD_FILES) + 2
    read = {Path(r["file"]).name for r in json.loads(proc.stdout)}
    assert read == {*GOOD_FILES, "link-in.txt"}, "every good file, .TXT and a link inside the folder too"
    assert "Not Yours" not in proc.stdout, "a link out of the folder is never read"
    by_name = {Path(r["file"]).name: r for r in json.loads(proc.stdout)}
    assert by_name["js-url.txt"]["url"] is None and by_name["data-url.txt"]["url"] is None
    warnings = [line for line in proc.stderr.splitlines() if "warning" in line]
    assert any("js-url.txt" in w and "only http and https" in w for w in warnings)


def test_the_size_limit_and_one_byte_over(tmp_path):
    from kursk_map.articles.reading import MAX_BYTES

    body = b"Date: 2024-08-20\n\n"
    (tmp_path / "limit.txt").write_bytes(body + b"Ukrainian forces advanced. " * ((MAX_BYTES - len(body)) // 27)
                                         + b" " * ((MAX_BYTES - len(body)) % 27))
    assert (tmp_path / "limit.txt").stat().st_size == MAX_BYTES
    (tmp_path / "over.txt").write_bytes((tmp_path / "limit.txt").read_bytes() + b" ")
    proc = run_cli("places", str(tmp_path), "--json")  # the limit is the reader's: places reads as claims does
    no_traceback(proc)
    assert proc.returncode == 1
    one_line_each(proc, ["over.txt"])
    assert "too large" in errors(proc)[0]
    assert [Path(r["file"]).name for r in json.loads(proc.stdout)] == ["limit.txt"]


def test_a_folder_of_300_files_with_20_bad_builds_the_280(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):
        data = (b"" if i % 15 == 0 else
                f"Publisher: Wire {i % 7}\nDate: 2024-{8 + i % 4:02d}-{1 + i % 27:02d}\n\nUkrainian forces control "
                f"{100 + i} square kilometres of the Kursk region, the General Staff said.\n".encode())
        (folder / f"r{i:03d}.txt").write_bytes(data)
    proc = run_cli("build", str(folder), "-o", str(tmp_path / "out"))
    no_traceback(proc)
    assert proc.returncode == 1
    assert len(errors(proc)) == 20
    claims = json.loads((tmp_path / "out" / "claims.json").read_text(encoding="utf-8"))
    assert len(claims) == 280
    assert (tmp_path / "out" / "index.html").is_file()


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(GOOD, encoding="utf-8")
    (folder / "bad\x1b[31m\nname.txt").write_bytes(b"")
    proc = run_cli("build", str(folder), "-o", str(tmp_path / "out"))
    no_traceback(proc)
    assert proc.returncode == 1
    assert "\x1b" not in proc.stderr, "an escape sequence in a file name reaches the terminal as text"
    (line,) = errors(proc)
    assert "bad\\x1b[31m\\nname.txt" in line
    files = [r["file"] for r in json.loads((tmp_path / "out" / "claims.json").read_text(encoding="utf-8"))]
    assert [Path(f).name for f in files] == ["caf\\xe9.txt"]


def test_invisible_characters_and_look_alike_letters_do_not_move_a_village(tmp_path):
    text = ("Date: 2024-08-20\n\nUkrainian forces captured Kore\u200fnevo, S\u200budzha, Mar\u00adtynovka and Guyev\u043e, "
            "the General Staff said. \u0423\u043a\u0440\u0430\u0438\u043d\u0441\u043a\u0438\u0435 "
            "\u0432\u043e\u0439\u0441\u043a\u0430 \u043f\u0440\u043e\u0434\u0432\u0438\u043d\u0443\u043b\u0438\u0441\u044c.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    proc = run_cli("places", str(tmp_path / "a.txt"), "--json")
    no_traceback(proc)
    (result,) = json.loads(proc.stdout)
    names = [(p["name"], p["kind"]) for p in result["places"]]
    assert names == [("Korenevo", "settlement"), ("Sudzha", "settlement"), ("Martynovka", "settlement"),
                     ("Guyevo", "settlement")], names
    assert all(50.8 < p["lat"] < 52.5 and 34 < p["lon"] < 36 for p in result["places"])  # in Kursk Oblast
    assert "invisible" in proc.stderr and "look-alike" in proc.stderr


def test_dollar_signs_in_a_claimant_do_not_break_the_images(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_report(folder / "a.txt", "Ukrainian forces control 500 square kilometres of the Kursk region.",
                 date="2024-08-20", publisher="$Big$ News")
    write_report(folder / "b.txt", "Ukrainian forces control 300 square kilometres of the Kursk region.",
                 date="2024-08-21", publisher="$x^2$ Wire")
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "MPLCONFIGDIR"} | {"HOME": str(home)}
    proc = subprocess.run([sys.executable, "-m", "kursk_map", "build", str(folder), "-o", str(tmp_path / "out"),
                           "--png", "--dpi", "72"], cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)
    no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "area-over-time.png").stat().st_size > 1000
    assert not (home / ".cache").exists() and not (home / ".config").exists(), "matplotlib wrote into the home folder"


def test_claims_csv_cells_never_start_a_formula(tmp_path):
    (tmp_path / "a.txt").write_text("Publisher: =HYPERLINK(\"http://evil\")\nDate: 2024-08-20\n\n@SUM(1) Ukrainian "
                                    "forces control Sudzha, +the General Staff said.\n", encoding="utf-8")
    proc = run_cli("claims", str(tmp_path), "--csv")
    no_traceback(proc)
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells and not [c for c in cells if c[:1] in ("=", "+", "-", "@")], cells
    assert any(c.startswith("'=HYPERLINK") for c in cells)


# -- corrections ------------------------------------------------------------------------------

def _corrections(folder: Path, features) -> None:
    (folder / "corrections.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}),
                                                encoding="utf-8")


def _add(i, geometry=None, **props):
    base = {"op": "add", "side": "UA", "action": "controls", "claimant": "Tester", "as_of": "2024-08-20",
            "report_date": "2024-08-20", "publisher": "Hand", "provenance": f"test entry {i}"}
    return {"type": "Feature", "geometry": geometry, "properties": {**base, **props}}


def _square(lon, lat, d=0.1):
    return {"type": "Polygon", "coordinates": [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d],
                                                [lon, lat]]]}


BAD_ENTRIES = [
    _add(0, geometry="not a geometry"),
    _add(1, geometry={"type": "Polygon", "coordinates": [[["abc", 51], [35, 51], [35, 52], ["abc", 51]]]}),
    _add(2, geometry={"type": "Polygon", "coordinates": [[[35.1, 51.1], [35.2, 51.2]]]}),
    _add(3, geometry=_square(-180, -89, 179)),
    _add(4, geometry=_square(51.1, 35.1)),            # latitude and longitude swapped
    _add(5, geometry=_square(35.1, 95.0)),            # not a latitude
    _add(6, as_of=20240820),
    _add(7, places="Sudzha"),
    {"type": "Feature", "geometry": None, "properties": {"op": "fix", "provenance": "t8", "match": {
        "file": "a.txt", "quote": 42}, "set": {"side": "RU"}}},
    {"type": "Feature", "geometry": None, "properties": {"op": "report_date", "provenance": "t9", "file": "a.txt"}},
    _add(10, file="../outside.txt"),
    _add(11, file="not-here.txt"),
    {"type": "Feature", "geometry": None, "properties": {"op": "explode", "provenance": "t12"}},
    _add(13, area_km2=float("nan")),
]


def test_bad_corrections_entries_are_one_line_each_and_the_rest_apply(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    good = _add(99, geometry=_square(35.2, 51.15), claimant="Good Tester")
    _corrections(folder, [*BAD_ENTRIES, good])
    proc = run_cli("build", str(folder), "-o", str(tmp_path / "out"))
    no_traceback(proc)
    assert proc.returncode == 1
    found = errors(proc)
    assert len(found) == len(BAD_ENTRIES), "\n".join(found)
    for i in range(len(BAD_ENTRIES)):
        assert sum(f"feature #{i} " in line or f"feature #{i}:" in line for line in found) == 1, (i, found)
    assert any("swapped" in line for line in found)
    claims = json.loads((tmp_path / "out" / "claims.json").read_text(encoding="utf-8"))
    assert any(c["claimant"] == "Good Tester" for r in claims for c in r["claims"])
    areas = (tmp_path / "out" / "areas.geojson").read_text(encoding="utf-8")
    assert "NaN" not in areas and "Infinity" not in areas
    json.loads(areas)


def test_a_corrections_file_that_is_not_json_is_one_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "corrections.geojson").write_text("{not json", encoding="utf-8")
    proc = run_cli("claims", str(folder), "--json")
    no_traceback(proc)
    assert proc.returncode == 1
    (line,) = errors(proc)
    assert "corrections.geojson" in line and "not valid JSON" in line
    assert len(json.loads(proc.stdout)) == 1


# -- output folders ---------------------------------------------------------------------------

@pytest.fixture
def one(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "001_37511d8527e97739.txt", folder)
    shutil.copy(SEEDS / "001_37511d8527e97739.meta", folder)
    return folder


@pytest.mark.parametrize("where, reason", [("/", "root folder"), ("HOME", "home folder"), ("INPUT", "articles")])
def test_output_folders_that_are_refused(one, tmp_path, where, reason):
    home = tmp_path / "home"
    home.mkdir()
    target = {"/": "/", "HOME": str(home), "INPUT": str(one)}[where]
    before = sorted(p.name for p in Path(target).iterdir())
    env = dict(os.environ, HOME=str(home))
    proc = subprocess.run([sys.executable, "-m", "kursk_map", "build", str(one), "-o", target], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, env=env)
    no_traceback(proc)
    assert proc.returncode == 1
    (line,) = errors(proc)
    assert reason in line
    assert sorted(p.name for p in Path(target).iterdir()) == before


def test_a_folder_with_someone_elses_files_needs_force_and_keeps_them(one, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".gitkeep").write_text("", encoding="utf-8")
    assert run_cli("build", str(one), "-o", str(out)).returncode == 0, "a hidden file is no reason to refuse"
    assert (out / ".gitkeep").is_file() and (out / "index.html").is_file()
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    proc = run_cli("build", str(one), "-o", str(out))
    no_traceback(proc)
    assert proc.returncode == 1 and "did not write" in errors(proc)[0] and "--force" in errors(proc)[0]
    assert (out / "notes.txt").is_file() and (out / "index.html").is_file(), "a refused build touches nothing"
    proc = run_cli("build", str(one), "-o", str(out), "--force")
    assert proc.returncode == 0, proc.stderr
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine\n" and (out / "index.html").is_file()


def test_a_new_build_leaves_no_map_of_the_earlier_one(tmp_path, one):
    out = tmp_path / "out"
    assert run_cli("build", str(SEEDS), "-o", str(out)).returncode == 0
    assert len(list(out.glob("map-*.html"))) == 5
    assert run_cli("build", str(one), "-o", str(out)).returncode == 0
    assert [p.name for p in out.glob("map-*.html")] == ["map-2024-08-13.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"], "no staging folder left beside it"


def test_missing_input_and_unwritable_output_are_one_line_and_create_nothing(tmp_path, one):
    proc = run_cli("build", str(tmp_path / "nonexistent"), "-o", str(tmp_path / "out"))
    no_traceback(proc)
    assert proc.returncode == 1 and len(errors(proc)) == 1
    assert not (tmp_path / "out").exists()
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    (one / "empty.txt").write_bytes(b"")
    proc = run_cli("build", str(one), "-o", str(blocker / "out"))
    no_traceback(proc)
    assert proc.returncode == 1
    lines = errors(proc)
    assert len(lines) == 2 and "empty.txt" in lines[0] and str(blocker) in lines[1], lines


def test_compare_says_when_inputs_failed(tmp_path, one):
    (one / "empty.txt").write_bytes(b"")
    proc = run_cli("compare", "2024-08-13", "2024-08-20", str(one), "-o", str(tmp_path / "c.html"))
    no_traceback(proc)
    assert proc.returncode == 1 and len(errors(proc)) == 1 and (tmp_path / "c.html").is_file()


def test_two_builds_into_one_folder_at_once_both_leave_it_whole(tmp_path):
    out = tmp_path / "out"
    procs = [subprocess.Popen([sys.executable, "-m", "kursk_map", "build", str(SEEDS), "-o", str(out)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    reference = tmp_path / "ref"
    assert run_cli("build", str(SEEDS), "-o", str(reference)).returncode == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {p.name: p.read_bytes() for p in reference.iterdir()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "ref"]


@pytest.mark.parametrize("after", [1.0, 2.5, 4.0])
def test_a_build_killed_midway_leaves_the_previous_output_whole(tmp_path, one, after):
    out = tmp_path / "out"
    assert run_cli("build", str(one), "-o", str(out)).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    proc = subprocess.Popen([sys.executable, "-m", "kursk_map", "build", str(SEEDS), "-o", str(out), "--png"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(after)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    now = {p.name: p.read_bytes() for p in out.iterdir()}
    assert now == before or (now.keys() >= {"index.html", "map-2024-12-27.png"}), "half an output"
    # the next build cleans up what the killed one left beside the folder
    assert run_cli("build", str(one), "-o", str(out)).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]
