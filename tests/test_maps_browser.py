"""The built maps in headless Chromium, offline: layers, popups, synced comparisons, the
timeline slider, and article text that tries to run script.

The seeds are built once per module (self-contained); expected values come from the
build's own areas.geojson and claims.json, never from the pages.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from kursk_map.build import build
from tests.conftest import SEEDS

pytest_plugins = ["tests.browser"]  # the chromium and open_page fixtures

SIDE_NAMES = {"UA": "Ukrainian forces", "RU": "Russian forces"}
FIXED_LAYERS = {"Outlines (offline)", "Places the reports name"}
PATHS = ".leaflet-overlay-pane path"

XSS_PUBLISHER = "Evil <b>News</b>"
IMG_PAYLOAD = "<img src=x onerror=alert(1)>"
SCRIPT_PAYLOAD = "</script><script>alert(2)</script>"
XSS_ARTICLE = f"""Publisher: {XSS_PUBLISHER}
Date: 2024-09-01
URL: javascript:alert('km-url-1')//https://example.org/

Ukrainian forces control 500 square kilometres of the Kursk region {IMG_PAYLOAD} {SCRIPT_PAYLOAD} according to the General Staff.
"""
# folium puts popup HTML inside a JavaScript template literal: ${...} and \\` are code there.
TEMPLATE_PAYLOADS = ("${alert(3)}", "\\\\`+alert(4));//")
TEMPLATE_ARTICLE = f"""Publisher: Template News
Date: 2024-09-02
URL:  JaVaScRiPt:alert('km-url-2')

Ukrainian forces control 400 square kilometres of the Kursk region {' '.join(TEMPLATE_PAYLOADS)} according to the General Staff.
"""

# The Leaflet layer drawn (as a connected SVG path) whose geometry starts at this vertex.
_FIND_LAYER = """
  const first = c => (typeof c[0] === "number" ? c : first(c[0]));
  const found = [];
  for (const key of Object.keys(window)) {
    if (!/^geo_json_[0-9a-f]+$/.test(key)) continue;
    window[key].eachLayer(layer => {
      if (!layer.feature || !layer._path || !layer._path.isConnected) return;
      const [x, y] = first(layer.feature.geometry.coordinates);
      if (Math.abs(x - lon) < 1e-9 && Math.abs(y - lat) < 1e-9) found.push(layer);
    });
  }
  if (found.length !== 1) return {error: `${found.length} drawn paths start at this vertex`};
  const layer = found[0], path = layer._path;
"""
# Pan and zoom the map to the area and scroll the page to the map, as a reader would.
BRING_INTO_VIEW = f"""([lon, lat]) => {{ {_FIND_LAYER}
  path.closest(".leaflet-container").scrollIntoView({{block: "nearest", inline: "nearest", behavior: "instant"}});  // Bootstrap's CSS makes scrolling smooth
  layer._map.fitBounds(layer.getBounds(), {{animate: false, padding: [60, 60]}});
  return {{}};
}}"""
# A point where the area's path is the topmost element, so that a real click lands on it.
CLICK_POINT = f"""([lon, lat]) => {{ {_FIND_LAYER}
  const box = path.getBoundingClientRect();
  const frame = path.closest(".leaflet-container").getBoundingClientRect();
  const left = Math.max(box.left, frame.left, 0), right = Math.min(box.right, frame.right, innerWidth);
  const top = Math.max(box.top, frame.top, 0), bottom = Math.min(box.bottom, frame.bottom, innerHeight);
  const cx = (left + right) / 2, cy = (top + bottom) / 2, points = [];
  for (let x = left + 1; x < right; x += 3)
    for (let y = top + 1; y < bottom; y += 3) points.push([x, y]);
  points.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
  for (const [x, y] of points)
    if (document.elementFromPoint(x, y) === path) return {{x, y}};
  return {{error: "the area is covered everywhere"}};
}}"""
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => done()))"

TIMELINE_SHOWN = """() => {
  const first = c => (typeof c[0] === "number" ? c : first(c[0]));
  const key = Object.keys(window).find(k => /^timeline_[0-9a-f]+$/.test(k));
  return {
    date: document.querySelector(".leaflet-timeline-control output").textContent.trim(),
    value: Number(document.querySelector(".leaflet-timeline-control input[type=range]").value),
    shown: window[key].getLayers().filter(l => l._path && l._path.isConnected)
                      .map(l => first(l.feature.geometry.coordinates)),
  };
}"""

DUAL_MAPS = """() => Object.keys(window).filter(k => /^map_[0-9a-f]+$/.test(k))"""


# -- helpers ---------------------------------------------------------------------------------

def first_vertex(coords) -> list[float]:
    return coords if isinstance(coords[0], (int, float)) else first_vertex(coords[0])


def vertex_key(coords) -> tuple[float, float]:
    lon, lat = first_vertex(coords)
    return round(lon, 9), round(lat, 9)


def group_label(props: dict) -> str:
    return f"{SIDE_NAMES[props['side']]}, according to {props['claimant']}"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def layer_labels(page) -> list[str]:
    return [squash(t) for t in page.locator(".leaflet-control-layers-overlays label").all_inner_texts()]


def layer_checkbox(page, label: str):
    return page.locator(".leaflet-control-layers-overlays label").filter(
        has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")).locator("input")


def path_count(page) -> int:
    return page.locator(PATHS).count()


def show_only(page, label: str) -> None:
    """Leave only this claimant layer on (outlines and places stay as they are)."""
    for other in layer_labels(page):
        if other not in FIXED_LAYERS:
            layer_checkbox(page, other).set_checked(other == label)


def click_area(page, feature: dict):
    """Click the drawn area of ``feature`` with the mouse; return the open popup."""
    vertex = first_vertex(feature["geometry"]["coordinates"])
    moved = page.evaluate(BRING_INTO_VIEW, vertex)
    assert "error" not in moved, moved
    page.evaluate(NEXT_FRAME)
    point = page.evaluate(CLICK_POINT, vertex)
    assert "error" not in point, point
    page.mouse.click(point["x"], point["y"])
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    return popup


def held_before(features: list[dict], when: str) -> dict[str, dict]:
    """Per side, the latest held area whose claim is about a date on or before ``when``."""
    latest: dict[str, dict] = {}
    for f in sorted(features, key=lambda f: (claim_date(f), f["properties"]["map_date"])):
        if f["properties"]["status"] == "held" and claim_date(f) <= when:
            latest[f["properties"]["side"]] = f
    return latest


def claim_date(feature: dict) -> str:
    return feature["properties"]["as_of"] or feature["properties"]["map_date"]


def ms(day: str) -> int:
    return int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.timezone.utc).timestamp() * 1000)


def copy_seeds(target: Path) -> Path:
    shutil.copytree(SEEDS, target)
    assert (target / "corrections.geojson").is_file() and list(target.glob("*.meta"))
    return target


# -- builds, once per module ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("maps") / "out"
    result = build(SEEDS, out, self_contained=True)
    assert result.failures == ()
    return out


@pytest.fixture(scope="module")
def areas(built) -> list[dict]:
    return json.loads((built / "areas.geojson").read_text(encoding="utf-8"))["features"]


@pytest.fixture(scope="module")
def busiest(areas) -> str:
    """The report date with the most layers (side and claimant) to toggle."""
    groups = Counter(when for when, _ in {(f["properties"]["map_date"], group_label(f["properties"]))
                                          for f in areas})
    when, count = groups.most_common(1)[0]
    assert count >= 2, "the seeds should give a date with at least two claimants"
    return when


@pytest.fixture(scope="module")
def xss_built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("xss")
    seeds = copy_seeds(root / "seeds")
    (seeds / "999_payload.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    (seeds / "998_template.txt").write_text(TEMPLATE_ARTICLE, encoding="utf-8")
    result = build(seeds, root / "out", self_contained=True)
    assert result.failures == ()
    return root / "out"


def payload_area(out: Path, article: str, km2: float) -> dict:
    """The drawn area of an article's claim, after checking the claim itself came through whole."""
    reports = json.loads((out / "claims.json").read_text(encoding="utf-8"))
    claims = [c for r in reports if r["file"].endswith(article) for c in r["claims"]]
    assert [(c["kind"], c["area_km2"]) for c in claims] == [("claim", km2)], claims
    mine = [f for f in json.loads((out / "areas.geojson").read_text(encoding="utf-8"))["features"]
            if f["properties"]["file"].endswith(article)]
    assert len(mine) == 1, mine
    assert mine[0]["properties"]["quote"] == claims[0]["quote"]
    return mine[0]


# -- every page --------------------------------------------------------------------------------

def test_every_page_opens_offline_and_draws_vector_paths(open_page, built):
    pages = sorted(p for p in built.glob("*.html") if p.name != "index.html")
    kinds = {re.sub(r"[-_]?\d{4}-\d\d-\d\d.*", "", p.stem) for p in pages}
    assert {"map", "timeline", "compare"} <= kinds, kinds
    for path in pages:
        try:
            page = open_page(path)
            counts = page.eval_on_selector_all(
                ".leaflet-container", "maps => maps.map(m => m.querySelectorAll('.leaflet-overlay-pane path').length)")
            assert counts and all(n > 0 for n in counts), f"{path.name}: paths per map {counts}"
            if path.name.startswith("compare-"):
                assert len(counts) == 2, f"{path.name}: a comparison shows two maps"
            open_page.check()
        except pytest.fail.Exception as exc:
            pytest.fail(f"{path.name}: {exc}", pytrace=False)
        page.close()
    index = open_page(built / "index.html", wait_for=None)
    assert index.locator("img").evaluate_all("imgs => imgs.every(i => i.complete && i.naturalWidth > 0)")
    open_page.check()


# -- a report map -----------------------------------------------------------------------------

def test_report_map_has_a_layer_per_side_and_claimant(open_page, built, areas, busiest):
    page = open_page(built / f"map-{busiest}.html")
    expected = {group_label(f["properties"]) for f in areas if f["properties"]["map_date"] == busiest}
    labels = layer_labels(page)
    assert len(labels) == len(set(labels)), labels
    assert set(labels) == expected | FIXED_LAYERS
    claimant_layers = [x for x in labels if x not in FIXED_LAYERS]
    assert all(x.startswith(tuple(f"{name}, according to " for name in SIDE_NAMES.values()))
               for x in claimant_layers)
    for label in claimant_layers:
        assert layer_checkbox(page, label).is_checked(), f"{label} starts hidden"


def test_report_map_lists_its_reports_under_the_map(open_page, built, busiest):
    # README: "under the map the reports of that date and every claim that could not be drawn"
    reports = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    publishers = {r["publisher"] for r in reports if r["report_date"] == busiest}
    assert publishers and None not in publishers
    page = open_page(built / f"map-{busiest}.html")
    notes = page.locator(".km-notes")
    text = notes.inner_text()
    assert all(p in text for p in publishers)
    below, above = notes.bounding_box(), page.locator(".leaflet-container").bounding_box()
    assert below["y"] >= above["y"] + above["height"] - 1, (
        f"the notes start at y={below['y']:.0f}, the map at y={above['y']:.0f}: the notes are above the map")


def test_unchecking_a_claimant_layer_hides_its_areas(open_page, built, areas, busiest):
    page = open_page(built / f"map-{busiest}.html")
    on_date = [f for f in areas if f["properties"]["map_date"] == busiest]
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in on_date)  # one path each
    everything = path_count(page)
    for label, members in sorted(Counter(group_label(f["properties"]) for f in on_date).items()):
        box = layer_checkbox(page, label)
        box.uncheck()
        assert path_count(page) == everything - members, label
        box.check()
        assert path_count(page) == everything, label
    open_page.check()


def test_clicking_an_area_shows_claimant_sources_publisher_and_derivation(open_page, built, areas, busiest):
    page = open_page(built / f"map-{busiest}.html")
    on_date = [f for f in areas if f["properties"]["map_date"] == busiest]
    assert len(on_date) >= 2
    for feature in on_date:
        p = feature["properties"]
        show_only(page, group_label(p))  # areas of other claimants may lie on top of this one
        popup = click_area(page, feature)
        text = squash(popup.inner_text())
        assert p["claimant"] in text
        assert " → ".join(p["sources"]) in text
        if p["publisher"]:
            assert p["publisher"] in text
        assert p["derivation"] in text
        assert squash(popup.locator("q").inner_text()) == squash(p["quote"])
        if p["url"]:
            assert popup.locator(f'a[href="{p["url"]}"]').count() == 1
        # the close button may sit under the layer control, so it gets the click event directly
        page.locator(".leaflet-popup-close-button").dispatch_event("click")
        popup.wait_for(state="detached")
    open_page.check()


# -- comparisons ------------------------------------------------------------------------------

def test_comparison_maps_move_together(open_page, built):
    path = sorted(built.glob("compare-*_*.html"))[0]
    page = open_page(path)
    maps = page.evaluate(DUAL_MAPS)
    assert len(maps) == 2, maps

    def view(name):
        return page.evaluate(f"() => {{ const c = window.{name}.getCenter();"
                             f" return [c.lat, c.lng, window.{name}.getZoom()]; }}")

    start = view(maps[0])
    assert view(maps[1]) == pytest.approx(start, abs=1e-6)
    for mover, follower, target in ((maps[0], maps[1], [51.6, 35.8, 10]), (maps[1], maps[0], [51.1, 34.9, 8])):
        page.evaluate(f"([lat, lng, zoom]) => {{ window.{mover}.setView([lat, lng], zoom, {{animate: false}}); }}",
                      target)
        page.wait_for_timeout(300)
        assert view(mover) == pytest.approx(target, abs=1e-4)
        assert view(follower) == pytest.approx(view(mover), abs=1e-4), f"{follower} did not follow {mover}"
    # and a user dragging the left map by hand
    before = view(maps[0])
    box = page.locator(".leaflet-container").first.bounding_box()
    x, y = box["x"] + box["width"] * 0.4, box["y"] + box["height"] * 0.5
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 150, y + 80, steps=12)
    page.mouse.up()
    page.wait_for_timeout(300)
    after = view(maps[0])
    assert after[:2] != pytest.approx(before[:2], abs=1e-3), "the drag did not pan the map"
    assert view(maps[1]) == pytest.approx(after, abs=1e-4)
    open_page.check()


# -- the timeline -----------------------------------------------------------------------------

def test_timeline_slider_shows_the_areas_held_at_each_date(open_page, built, areas):
    page = open_page(built / "timeline.html")
    slider = page.locator(".leaflet-timeline-control input[type=range]")
    assert slider.count() == 1
    dates = sorted({claim_date(f) for f in areas if f["properties"]["status"] == "held"})
    assert len(dates) >= 2
    seen = []
    for a, b in zip(dates, dates[1:]):
        middle = (ms(a) + ms(b)) // 2  # strictly between two claims: no claim starts or ends here
        slider.evaluate("(input, value) => { input.value = String(value);"
                        " input.dispatchEvent(new Event('input', {bubbles: true})); }", middle)
        state = page.evaluate(TIMELINE_SHOWN)
        assert state["value"] == middle
        expected = {vertex_key(f["geometry"]["coordinates"]) for f in held_before(areas, a).values()}
        assert {vertex_key(v) for v in state["shown"]} == expected, f"between {a} and {b}"
        seen.append(frozenset(expected))
    assert len(set(seen)) > 1, "moving the slider never changed what is shown"
    open_page.check()


def test_timeline_next_button_shows_one_area_per_side_at_each_claim_date(open_page, built, areas):
    page = open_page(built / "timeline.html")
    dates = sorted({claim_date(f) for f in areas if f["properties"]["status"] == "held"})
    visited = []
    for _ in range(len(dates) + 3):
        state = page.evaluate(TIMELINE_SHOWN)
        if visited and state["value"] == visited[-1]:
            break  # the end of the slider
        visited.append(state["value"])
        when = dt.datetime.fromtimestamp(state["value"] / 1000, dt.timezone.utc).date().isoformat()
        expected = {vertex_key(f["geometry"]["coordinates"]) for f in held_before(areas, when).values()}
        assert sorted(vertex_key(v) for v in state["shown"]) == sorted(expected), f"at {when}"
        page.locator(".leaflet-timeline-control button.next").click()
    assert {ms(d) for d in dates} <= set(visited), "the next button skipped a claim date"
    open_page.check()


@pytest.mark.parametrize("zone", ["America/New_York", "Pacific/Kiritimati"])  # UTC-5 and UTC+14
def test_timeline_dates_do_not_depend_on_the_readers_time_zone(open_page, built, areas, zone):
    page = open_page(built / "timeline.html")
    page.context.new_cdp_session(page).send("Emulation.setTimezoneOverride", {"timezoneId": zone})
    page.reload()
    page.wait_for_selector(".leaflet-timeline-control")
    claim_dates = {ms(d): d for d in {claim_date(f) for f in areas if f["properties"]["status"] == "held"}}
    labels = {}
    for _ in range(len(claim_dates) + 3):
        state = page.evaluate(TIMELINE_SHOWN)
        if state["value"] in labels:
            break
        labels[state["value"]] = state["date"]
        page.locator(".leaflet-timeline-control button.next").click()
    assert set(claim_dates) <= set(labels)
    assert {labels[v] for v in claim_dates} == set(claim_dates.values()), f"the slider's dates in {zone}"
    open_page.check()


# -- article text that tries to run script -------------------------------------------------------

def test_article_markup_shows_as_text_in_popup_and_notes(open_page, xss_built):
    feature = payload_area(xss_built, "999_payload.txt", 500.0)
    assert IMG_PAYLOAD in feature["properties"]["quote"] and SCRIPT_PAYLOAD in feature["properties"]["quote"]
    assert feature["properties"]["publisher"] == XSS_PUBLISHER
    page = open_page(xss_built / f"map-{feature['properties']['map_date']}.html")
    popup = click_area(page, feature)
    text = popup.inner_text()
    assert IMG_PAYLOAD in text and "</script>" in text and SCRIPT_PAYLOAD in squash(text)
    assert XSS_PUBLISHER in text
    assert popup.locator("img, script").count() == 0
    assert popup.locator("b").evaluate_all("bs => bs.map(b => b.textContent)").count("News") == 0
    notes = page.locator(".km-notes")
    assert XSS_PUBLISHER in notes.inner_text()
    assert notes.locator("b").evaluate_all("bs => bs.map(b => b.textContent)").count("News") == 0
    assert page.locator("img[src=x], img[src='x']").count() == 0
    page.wait_for_timeout(200)  # an onerror handler would have run by now
    open_page.check()  # no dialog, no page error


# Every link but the in-page ones ("#", Leaflet's controls).
LINK_PROTOCOLS = """() => [...document.querySelectorAll('a[href]')]
  .filter(a => !a.getAttribute('href').startsWith('#')).map(a => a.protocol)"""


@pytest.mark.parametrize("article, km2", [("999_payload.txt", 500.0), ("998_template.txt", 400.0)])
def test_a_script_url_in_a_header_never_becomes_a_link(open_page, xss_built, article, km2):
    feature = payload_area(xss_built, article, km2)
    assert feature["properties"]["url"] is None
    page = open_page(xss_built / f"map-{feature['properties']['map_date']}.html")
    click_area(page, feature)
    protocols = page.evaluate(LINK_PROTOCOLS)
    assert protocols and set(protocols) <= {"http:", "https:"}, protocols
    assert "km-url-" not in page.content()
    open_page.check()


def test_template_literal_syntax_in_article_text_stays_text(open_page, xss_built):
    feature = payload_area(xss_built, "998_template.txt", 400.0)
    assert all(x in feature["properties"]["quote"] for x in TEMPLATE_PAYLOADS)
    page = open_page(xss_built / f"map-{feature['properties']['map_date']}.html")
    text = click_area(page, feature).inner_text()
    for payload in TEMPLATE_PAYLOADS:
        assert payload in text
    page.wait_for_timeout(200)
    open_page.check()
