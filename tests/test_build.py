"""The build as a whole (no browser): what lands in the output folder, and only there.

The seeds are built once per module in each mode that a test needs: self-contained through
the library, and with ``--png`` (not self-contained) through the command line.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pyproj import Geod
from shapely.geometry import shape

from kursk_map.build import build
from kursk_map.situation.holdings import DERIVATIONS
from tests.conftest import SEEDS, run_cli, write_report, write_village_reports
from tests.render.pagetools import situation_at

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PAGE_BYTES = 600_000  # issue 13: a self-contained page of the seeds under 600 KB
# situation.geojson's interface (issue 12), and what areas.geojson adds
SITUATION_PROPERTIES = {"date", "side", "claimant", "area_km2", "settlements", "claims", "derivation"}
AREA_PROPERTIES = SITUATION_PROPERTIES | {"map_date", "method", "named_km2", "fill_km2", "figure_km2",
                                         "figure_is_lower_bound", "disagreements"}
CLAIM_PROPERTIES = {"claimant", "report", "quote"}
ERROR_PREFIX = "kursk-map: error: "


# -- helpers ---------------------------------------------------------------------------------

class _Refs(HTMLParser):
    """The URLs a page loads by itself (scripts, stylesheets, images) and the links it offers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[str, str]] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "embed") and a.get("src"):
            self.loads.append((tag, a["src"]))
        elif tag == "link" and a.get("href"):
            self.loads.append((tag, a["href"]))
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])


def refs(page: Path) -> _Refs:
    parser = _Refs()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


def is_remote(url: str) -> bool:
    return re.match(r"^(https?:)?//", url.strip(), re.IGNORECASE) is not None


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def positions(coords):
    """Every (lon, lat) of a GeoJSON coordinates array, however deeply nested."""
    if isinstance(coords[0], (int, float)):
        yield coords
    else:
        for c in coords:
            yield from positions(c)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}


# -- builds, once per module ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def contained(tmp_path_factory):
    """The seeds built self-contained through the library."""
    out = tmp_path_factory.mktemp("contained") / "out"
    result = build(SEEDS, out, self_contained=True)
    assert result.failures == ()
    return out, result


@pytest.fixture(scope="module")
def with_png(tmp_path_factory):
    """The seeds built by ``kursk-map build --png`` into parent/out, run from parent,
    with a file beside the output folder that the build must not touch."""
    parent = tmp_path_factory.mktemp("cli")
    sibling = parent / "notes.txt"
    sibling.write_text("mine, not the build's\n", encoding="utf-8")
    (parent / "older").mkdir()
    before = snapshot(parent)
    proc = run_cli("build", str(SEEDS), "-o", "out", "--png", cwd=parent)
    assert proc.returncode == 0, proc.stderr
    return parent, parent / "out", before, proc


# -- tests ----------------------------------------------------------------------------------

def test_two_builds_are_byte_identical(contained, tmp_path):
    first, _ = contained
    # The second build runs in another process, so another hash seed: set order must not leak.
    proc = run_cli("build", str(SEEDS), "-o", str(tmp_path / "again"), "--self-contained")
    assert proc.returncode == 0, proc.stderr
    a, b = files(first), files(tmp_path / "again")
    assert sorted(a) == sorted(b)
    differ = [name for name in a if a[name] != b[name]]
    assert differ == [], f"not byte-identical between two builds: {differ}"


def test_build_writes_a_page_per_report_date_and_the_tables(contained):
    out, result = contained
    assert result.dates, "the seeds give report dates"
    names = {p.name for p in out.iterdir()}
    assert {f"map-{d.isoformat()}.html" for d in result.dates} <= names
    assert {f"compare-{a.isoformat()}_{b.isoformat()}.html"
            for a, b in zip(result.dates, result.dates[1:])} <= names
    assert {"index.html", "timeline.html", "claims.json", "claims.csv", "areas.geojson", "claims.geojson",
            "situation.geojson", "ledger.json", "ledger.csv", "area-over-time.png"} <= names
    assert sorted(p.resolve() for p in out.iterdir()) == sorted(p.resolve() for p in result.written)


def test_self_contained_pages_are_small_and_load_nothing_from_the_network(contained):
    out, _ = contained
    pages = sorted(out.glob("*.html"))
    assert len(pages) > 3
    for page in pages:
        assert page.stat().st_size < MAX_PAGE_BYTES, f"{page.name}: {page.stat().st_size:,} bytes"
        remote = [(tag, url) for tag, url in refs(page).loads if is_remote(url)]
        assert remote == [], f"{page.name} loads from the network: {remote}"
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<script\b[^>]*\bsrc\s*=", text, re.IGNORECASE), page.name
        assert not re.search(r"<link\b[^>]*\bhref\s*=\s*[\"']?https?:", text, re.IGNORECASE), page.name


def test_default_pages_link_folium_cdn(with_png):
    _, out, _, _ = with_png
    maps = sorted(p for p in out.glob("*.html") if p.name != "index.html")
    assert maps
    for page in maps:
        remote = [url for _, url in refs(page).loads if is_remote(url)]
        assert any("cdn.jsdelivr.net" in url and url.endswith("leaflet.js") for url in remote), page.name
        assert "cdn.jsdelivr.net" in page.read_text(encoding="utf-8")


def test_areas_geojson_is_wgs84_with_the_promised_properties(contained):
    out, _ = contained
    collection = json.loads((out / "areas.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    # RFC 7946: no "crs" member means WGS 84 longitude/latitude.
    assert collection.get("crs") in (None, {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}})
    features = collection["features"]
    assert features
    claims = json.loads((out / "claims.json").read_text(encoding="utf-8"))
    quotes = {(r["file"], c["quote"]) for r in claims for c in r["claims"]}
    geod = Geod(ellps="WGS84")
    for f in features:
        assert f["type"] == "Feature"
        p = f["properties"]
        assert AREA_PROPERTIES <= set(p), AREA_PROPERTIES - set(p)
        assert p["derivation"] in DERIVATIONS
        assert p["side"] in ("UA", "RU") and p["claimant"]
        assert p["claims"] and all(CLAIM_PROPERTIES <= set(c) for c in p["claims"])
        assert {(c["report"], c["quote"]) for c in p["claims"]} <= quotes  # every area rests on listed claims
        assert p["date"] <= p["map_date"]
        for lon, lat in positions(f["geometry"]["coordinates"]):
            assert 30 <= lon <= 42 and 48 <= lat <= 56, (lon, lat)
        geom = shape(f["geometry"])
        assert geom.is_valid and not geom.is_empty
        # area_km2 is the area on the ellipsoid, so a lat/lon swap or a planar area would show.
        geodesic_km2 = abs(geod.geometry_area_perimeter(geom)[0]) / 1e6
        assert p["area_km2"] == pytest.approx(geodesic_km2, rel=0.01, abs=0.5)
        if p["fill_km2"]:
            assert "size" in p["derivation"] and p["figure_km2"], "a fill is matched to a figure"


def test_situation_geojson_has_a_feature_per_date_side_and_claimant(contained):
    out, _ = contained
    features = json.loads((out / "situation.geojson").read_text(encoding="utf-8"))["features"]
    keys = [(f["properties"]["date"], f["properties"]["side"], f["properties"]["claimant"]) for f in features]
    assert len(keys) == len(set(keys)), "one feature per (date, side, claimant)"
    claimants = {k[2] for k in keys}
    assert "all" in claimants and len(claimants) >= 3
    for date, _, claimant in keys:  # on a date a claimant's situation changes, both sides are given
        assert {(date, s, claimant) for s in ("UA", "RU")} <= set(keys)
    for f in features:
        p = f["properties"]
        assert SITUATION_PROPERTIES <= set(p), SITUATION_PROPERTIES - set(p)
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", p["date"]) and p["side"] in ("UA", "RU")
        if f["geometry"] is None:
            assert p["area_km2"] == 0 and p["settlements"] == [] and p["derivation"] == "none"
        else:
            assert p["area_km2"] > 0 and p["claims"]
    # the seeds: "lost about half" (U.S. officials, 27 December) halves the 1,300 km² peak in the view of all
    peak = max(f["properties"]["area_km2"] for f in features if f["properties"]["claimant"] == "all")
    last = situation_at(features, "2024-12-31")["UA"]["properties"]
    assert last["area_km2"] == pytest.approx(peak / 2, rel=0.05)
    assert any("lost about half" in c["quote"] for c in last["claims"])


def test_ledger_files_list_every_named_settlement_with_its_history(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_village_reports(seeds)
    out = tmp_path / "out"
    assert build(seeds, out).failures == ()
    ledger = json.loads((out / "ledger.json").read_text(encoding="utf-8"))
    assert [(s["settlement"], s["status"], s["since"]) for s in ledger] == [
        ("Malaya Loknya", "UA", "2024-08-12"), ("Martynovka", "RU", "2024-09-14")]
    assert [h["claimant"] for h in ledger[1]["history"]] == ["the General Staff", "the Russian Defence Ministry"]
    rows = list(csv.DictReader(io.StringIO((out / "ledger.csv").read_text(encoding="utf-8"))))
    assert [(r["settlement"], r["date"], r["status"]) for r in rows] == [
        ("Malaya Loknya", "2024-08-12", "UA"), ("Martynovka", "2024-08-12", "UA"), ("Martynovka", "2024-09-14", "RU")]
    proc = run_cli("ledger", str(seeds), "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == ledger
    assert run_cli("ledger", str(seeds), "--csv").stdout == (out / "ledger.csv").read_text(encoding="utf-8")
    text = run_cli("ledger", str(seeds)).stdout
    assert "== Martynovka" in text and "RU since 2024-09-14" in text


def test_a_claim_about_a_region_with_no_outline_is_drawn_at_its_centre(tmp_path):
    # Samara Oblast is in the gazetteer without an outline: the build once stopped with "no outline"
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_report(seeds / "a.txt", "Ukrainian forces captured 30 square kilometres in the Samara region, the General "
                 "Staff said.", date="2024-12-06")
    out = tmp_path / "out"
    assert build(seeds, out).failures == ()
    (feature,) = json.loads((out / "claims.geojson").read_text(encoding="utf-8"))["features"]
    assert feature["geometry"]["type"] == "Point"
    assert feature["properties"]["geometry_note"] == ("the centre of Samara Oblast, the region the claim names "
                                                      "(no outline in the gazetteer)")


def test_index_links_every_page_and_nothing_missing(with_png):
    _, out, _, _ = with_png
    index = refs(out / "index.html")
    local = [u for u in index.links + [u for _, u in index.loads] if not is_remote(u)]
    missing = [u for u in local if not (out / u).is_file()]
    assert missing == [], f"index.html links files that are not there: {missing}"
    pages = {p.name for p in out.glob("*.html")} - {"index.html"}
    assert any(n.startswith("map-") for n in pages)
    assert pages - set(local) == set(), "pages the index does not link"
    maps = {p.with_suffix(".png").name for p in out.glob("map-*.html")}
    assert maps <= set(local), "map images the index does not link"


def test_png_option_writes_an_image_per_map(with_png):
    _, out, _, _ = with_png
    maps = sorted(out.glob("map-*.html"))
    assert maps
    for page in maps:
        image = page.with_suffix(".png")
        assert image.is_file(), f"no image for {page.name}"
        assert image.read_bytes()[:8] == PNG_SIGNATURE, image.name


def test_png_option_writes_an_image_per_comparison(with_png):
    # `kursk-map build --help`: "with --png an image per map and comparison".
    _, out, _, _ = with_png
    comparisons = sorted(out.glob("compare-*.html"))
    assert comparisons
    missing = [p.name for p in comparisons if not p.with_suffix(".png").is_file()]
    assert missing == [], f"comparisons with no image: {missing}"
    for page in comparisons:
        assert page.with_suffix(".png").read_bytes()[:8] == PNG_SIGNATURE, page.name


def test_build_leaves_no_temporary_files_and_writes_only_its_folder(with_png):
    parent, out, before, proc = with_png
    after = snapshot(parent)
    assert set(after) == set(before) | {"out"}, "the build wrote beside its output folder"
    assert {k: v for k, v in after.items() if k != "out"} == before, "the build touched a file beside it"
    assert (parent / "notes.txt").read_text(encoding="utf-8") == "mine, not the build's\n"
    leftovers = [p.name for p in out.rglob(".*")] + [p.name for p in parent.rglob("*.tmp*")]
    assert leftovers == []
    assert all(p.is_file() for p in out.iterdir()), "the build made folders inside its output"
    assert "Traceback" not in proc.stderr


def test_bad_files_fail_one_line_each_and_the_good_maps_are_still_written(contained, tmp_path):
    good, _ = contained
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    bad = {
        "empty.txt": b"",
        # a real binary: an article gzip-compressed
        "binary.txt": gzip.compress((SEEDS / "001_37511d8527e97739.txt").read_bytes(), mtime=0),
        # says it is UTF-8 (byte-order mark) but is not
        "garbage.txt": b"\xef\xbb\xbf" + bytes(range(0x80, 0x100)) * 8,
    }
    for name, data in bad.items():
        (seeds / name).write_bytes(data)
    out = tmp_path / "out"
    proc = run_cli("build", str(seeds), "-o", str(out))
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith(ERROR_PREFIX)]
    assert len(errors) == len(bad), proc.stderr
    for name in bad:
        mine = [line for line in errors if re.match(rf"{re.escape(ERROR_PREFIX)}\S*\b{re.escape(name)}: \S", line)]
        assert len(mine) == 1, (name, errors)
    assert sorted(p.name for p in out.glob("map-*.html")) == sorted(p.name for p in good.glob("map-*.html"))
    assert (out / "index.html").is_file()


def test_compare_command_prints_ground_gained_and_lost(contained, tmp_path):
    out, _ = contained
    date_a, date_b = "2024-08-27", "2024-12-27"
    proc = run_cli("compare", date_a, date_b, str(SEEDS), "-o", str(tmp_path / "c.html"))
    assert proc.returncode == 0, proc.stderr
    page = tmp_path / "c.html"
    assert page.is_file()
    text = page.read_text(encoding="utf-8")
    assert date_a in text and date_b in text
    assert {p.name for p in tmp_path.iterdir()} == {"c.html"}
    features = json.loads((out / "situation.geojson").read_text(encoding="utf-8"))["features"]
    at_a, at_b = situation_at(features, date_a), situation_at(features, date_b)
    assert at_a and at_b
    lines = dict(re.findall(r"^(UA|RU): (\+[\d,]+ km2 gained, -[\d,]+ km2 lost)$", proc.stdout, re.MULTILINE))
    assert set(lines) == set(at_a) | set(at_b), proc.stdout
    for side, line in lines.items():
        gained, lost = (float(x.replace(",", "")) for x in re.findall(r"[+-]([\d,]+)", line))
        before = at_a[side]["properties"]["area_km2"] if side in at_a else 0.0
        after = at_b[side]["properties"]["area_km2"] if side in at_b else 0.0
        # |B \ A| - |A \ B| = |B| - |A|, whatever the shapes
        assert gained - lost == pytest.approx(after - before, abs=max(3.0, 0.005 * max(before, after)))


def test_output_that_is_a_file_is_a_one_line_error(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "001_37511d8527e97739.txt", seeds)
    shutil.copy(SEEDS / "001_37511d8527e97739.meta", seeds)
    target = tmp_path / "taken"
    target.write_text("not a folder\n", encoding="utf-8")
    proc = run_cli("build", str(seeds), "-o", str(target))
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(ERROR_PREFIX) and str(target) in lines[0], proc.stderr
    assert target.read_text(encoding="utf-8") == "not a folder\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds", "taken"]
