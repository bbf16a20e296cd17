"""What a reader sees (issue 13), in headless Chromium offline: the offline base map with place names,
pages fitted and stamped, the comparison's table in view at both sizes, every overlapping area's
popup within reach and within the map, the timeline's labelled ticks and step panel."""

from __future__ import annotations

import json

import pytest
import shapely
from shapely.geometry import shape

from tests.browser import TILES
from tests.conftest import write_village_reports
from tests.render.pagetools import NEXT_FRAME, group_label, layer_checkbox, squash

WINDOW = (1400, 1000)
IFRAME = (900, 720)


def in_iframe(tmp_path, page_path, size=IFRAME):
    """A page embedding ``page_path`` in an iframe of ``size``, as a report would."""
    wrapper = tmp_path / f"embed-{page_path.stem}.html"
    wrapper.write_text(f'<!DOCTYPE html><html><body style="margin:20px"><p>Report text above the map.</p>'
                       f'<iframe src="{page_path.resolve().as_uri()}" width="{size[0]}" height="{size[1]}" '
                       f'style="border:0"></iframe></body></html>', encoding="utf-8")
    return wrapper


def test_the_offline_base_names_places_and_requests_no_tiles(open_page, built):
    page = open_page(built / "map-2024-10-10.html")
    page.wait_for_timeout(200)
    labels = page.locator(".km-label span").evaluate_all(
        "spans => spans.filter(s => s.closest('.km-label').style.visibility !== 'hidden').map(s => s.textContent)")
    assert {"Sudzha", "Korenevo", "UKRAINE", "RUSSIA"} <= set(labels), labels
    assert page.locator(".leaflet-tile").count() == 0, "no tile layer is on the map until chosen"
    assert page.locator(".leaflet-overlay-pane path").count() > 10  # countries, oblasts, rivers, areas
    open_page.check()


def test_tiles_are_requested_only_when_chosen(open_page, built):
    page = open_page(built / "map-2024-10-10.html", tiles=TILES)
    page.wait_for_timeout(200)
    assert open_page.tile_requests == []
    page.locator(".leaflet-control-layers-base label", has_text="OpenStreetMap").locator("input").check()
    page.wait_for_selector(".leaflet-tile")
    assert open_page.tile_requests, "choosing the OpenStreetMap layer loads its tiles"
    open_page.check()


def test_a_report_map_is_fitted_to_its_areas_and_says_what_it_shows(open_page, built, areas):
    page = open_page(built / "map-2024-10-10.html")
    stamp = squash(page.locator(".km-stamp").inner_text())
    assert "2024-10-10" in stamp and "The Moscow Times" in stamp
    view = page.evaluate("""() => { const k = Object.keys(window).find(k => /^map_[0-9a-f]+$/.test(k));
        const b = window[k].getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }""")
    shown = shapely.box(*view)
    mine = [shape(f["geometry"]) for f in areas if f["properties"]["map_date"] == "2024-10-10"]
    union = shapely.union_all(mine)
    assert shown.contains(union), "every area is in view"
    assert union.envelope.area > 0.15 * shown.area, "and fills a good part of it, not a speck"
    open_page.check()


@pytest.mark.parametrize("size", [WINDOW, IFRAME], ids=["window", "iframe"])
def test_the_comparison_shows_its_title_and_table_without_scrolling(open_page, built, tmp_path, size):
    path = built / "compare-2024-10-10_2024-12-27.html"
    if size == IFRAME:
        outer = open_page(in_iframe(tmp_path, path), wait_for="iframe", viewport=(1000, 800))
        frame = outer.frame_locator("iframe")
        outer.wait_for_timeout(500)
        head = frame.locator(".km-compare-head")
        box = head.bounding_box()
        frame_box = outer.locator("iframe").bounding_box()
        limit = (frame_box["y"], frame_box["y"] + frame_box["height"])
        stamps = frame.locator(".km-stamp")
    else:
        page = open_page(path, viewport=size)
        head = page.locator(".km-compare-head")
        box = head.bounding_box()
        limit = (0, size[1])
        stamps = page.locator(".km-stamp")
    table = head.locator("table")
    table_box = table.bounding_box()
    assert limit[0] <= box["y"] and table_box["y"] + table_box["height"] <= limit[1], "the table is in view"
    text = squash(head.inner_text())
    assert "2024-10-10" in text and "2024-12-27" in text and "gained" in text and "km²" in text
    assert [squash(t) for t in stamps.all_inner_texts()] == ["as of 2024-10-10, all claims",
                                                             "as of 2024-12-27, all claims"]
    open_page.check()


def test_two_overlapping_areas_each_give_their_popup(open_page, built, areas):
    when = "2024-10-10"
    page = open_page(built / f"map-{when}.html")
    on_date = [f for f in areas if f["properties"]["map_date"] == when]
    for f in on_date:  # every claimant's layer on
        layer_checkbox(page, group_label(f["properties"])).check()
    shapes = [(f, shape(f["geometry"])) for f in on_date]
    (fa, a), (fb, b) = shapes[:2]
    both = a.intersection(b)
    assert not both.is_empty
    point = both.representative_point()
    xy = page.evaluate("""([lat, lng]) => { const k = Object.keys(window).find(k => /^map_[0-9a-f]+$/.test(k));
        const m = window[k]; m.setView([lat, lng], m.getZoom(), {animate: false});
        const p = m.latLngToContainerPoint([lat, lng]); const r = m.getContainer().getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""", [point.y, point.x])
    page.evaluate(NEXT_FRAME)
    page.mouse.click(*xy)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    sections = popup.locator(".km-picked > details")
    assert sections.count() == len([s for _, s in shapes if s.contains(point)]) >= 2
    text = squash(popup.inner_text())
    for f, s in shapes:
        if s.contains(point):
            claimant = "all claims" if f["properties"]["claimant"] == "all" else f["properties"]["claimant"]
            assert f"according to {claimant}" in text
    # each section opens to that area's own sources
    last = sections.nth(sections.count() - 1)
    last.locator("summary").click()
    assert last.locator(".km-popup").is_visible()
    open_page.check()


@pytest.mark.parametrize("size", [WINDOW, IFRAME], ids=["window", "iframe"])
def test_popups_stay_within_the_map(open_page, built, areas, size):
    when = "2024-10-10"
    page = open_page(built / f"map-{when}.html", viewport=size)
    on_date = [f for f in areas if f["properties"]["map_date"] == when]
    for f in on_date:
        layer_checkbox(page, group_label(f["properties"])).check()
    point = shapely.union_all([shape(f["geometry"]) for f in on_date]).representative_point()
    xy = page.evaluate("""([lat, lng]) => { const k = Object.keys(window).find(k => /^map_[0-9a-f]+$/.test(k));
        const m = window[k]; const p = m.latLngToContainerPoint([lat, lng]);
        const r = m.getContainer().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }""",
                       [point.y, point.x])
    page.mouse.click(*xy)
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    page.wait_for_timeout(400)  # the map pans the popup into view
    box, frame = popup.bounding_box(), page.locator(".leaflet-container").bounding_box()
    assert box["height"] <= frame["height"], "no taller than the map"
    assert frame["y"] - 1 <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"] + 1
    open_page.check()


def test_the_legend_is_inside_the_map_and_folds(open_page, built):
    page = open_page(built / "map-2024-10-10.html", viewport=IFRAME)
    legend = page.locator(".km-legend")
    frame = page.locator(".leaflet-container").bounding_box()
    box = legend.bounding_box()
    assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1
    assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"] + 1
    details = legend.locator("details")
    assert not details.evaluate("d => d.open"), "folded on a small map"
    details.locator("summary").click()
    assert legend.locator(".km-legend-row").first.is_visible()
    assert "lower bound" in legend.inner_text()
    open_page.check()


def test_the_timeline_labels_its_ticks_and_says_what_each_step_shows(open_page, built):
    page = open_page(built / "timeline.html")
    page.wait_for_timeout(200)
    ticks = page.locator(".km-ticks span").all_inner_texts()
    assert ticks[0] == "Sep 2024" and {"Oct", "Nov", "Dec"} <= set(ticks), ticks
    lefts = page.locator(".km-ticks span").evaluate_all("s => s.map(x => x.getBoundingClientRect().left)")
    assert lefts == sorted(lefts), "in date order along the slider"
    situation = json.loads((built / "situation.geojson").read_text(encoding="utf-8"))["features"]
    first = min(f["properties"]["date"] for f in situation if f["properties"]["claimant"] == "all")
    panel = squash(page.locator(".km-step").inner_text())
    assert first in panel and "km²" in panel and "according to all claims" in panel
    page.locator(".leaflet-timeline-control button.next").click()
    page.wait_for_timeout(100)
    assert squash(page.locator(".km-step").inner_text()) != panel, "the panel follows the slider"
    open_page.check()


@pytest.fixture(scope="module")
def villages(tmp_path_factory):
    """Two reports about named villages: a capture, then a recapture of one of them."""
    from kursk_map.build import build

    root = tmp_path_factory.mktemp("villages")
    seeds = root / "seeds"
    seeds.mkdir()
    write_village_reports(seeds, publishers=("Test News", "Other News"))
    assert build(seeds, root / "out", self_contained=True).failures == ()
    return root / "out"


def test_a_settlement_markers_popup_gives_its_claimed_history(open_page, villages):
    page = open_page(villages / "map-2024-09-14.html")
    ledger = {s["settlement"]: s for s in json.loads((villages / "ledger.json").read_text(encoding="utf-8"))}
    martynovka = ledger["Martynovka"]
    # The marker drawn at Martynovka's coordinates (a circle marker's SVG path), clicked as a reader would:
    # Playwright waits until it is visible and nothing covers it, and says what does if something does.
    marker = page.evaluate_handle("""([lat, lng]) => { const k = Object.keys(window).find(k => /^map_[0-9a-f]+$/.test(k));
        const m = window[k]; m.setView([lat, lng], 11, {animate: false});
        let found = null;
        m.eachLayer(l => { if (l instanceof L.CircleMarker && l.getLatLng().equals([lat, lng], 1e-6)
                                 && l.getPopup && l.getPopup()) found = l._path; });
        return found; }""", [martynovka["lat"], martynovka["lon"]]).as_element()
    assert marker is not None, "no marker with a popup at Martynovka"
    marker.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = squash(popup.inner_text())
    assert "Martynovka" in text and "held by Russian forces since 2024-09-14" in text
    for entry in martynovka["history"]:
        assert entry["date"] in text and entry["claimant"] in text
    assert popup.locator("q").count() == len(martynovka["history"])
    open_page.check()  # the popup is built without jQuery: no "$ is not defined"


@pytest.fixture(scope="module")
def many_voices(tmp_path_factory):
    """Fourteen outlets on one day, each its own voice: a layer list as long as a real folder's."""
    from kursk_map.build import build
    from tests.conftest import write_report

    root = tmp_path_factory.mktemp("voices")
    seeds = root / "seeds"
    seeds.mkdir()
    villages = ("Martynovka", "Malaya Loknya", "Sudzha", "Guyevo", "Plekhovo", "Kurilovka", "Goncharovka",
                "Zaoleshenka", "Kazachya Loknya", "Sverdlikovo", "Makhnovka", "Pogrebki", "Nikolsky", "Orlovka")
    for i, village in enumerate(villages):
        write_report(seeds / f"r{i:02d}.txt", f"Ukrainian forces control {village} in the Kursk region, while Russian "
                     f"forces have recaptured Korenevo.", date="2024-10-01", publisher=f"Outlet {chr(65 + i)}")
    assert build(seeds, root / "out", self_contained=True).failures == ()
    return root / "out"


@pytest.mark.parametrize("viewport", [WINDOW, IFRAME])
def test_a_long_layer_list_scrolls_above_the_legend(open_page, many_voices, viewport):
    page = open_page(many_voices / "map-2024-10-01.html", viewport=viewport)
    page.wait_for_timeout(200)
    assert page.locator(".leaflet-control-layers-overlays label").count() > 20
    details = page.locator(".km-legend details")
    if not details.evaluate("d => d.open"):
        details.locator("summary").click()
        page.wait_for_timeout(100)
    layers = page.locator(".leaflet-control-layers").bounding_box()
    legend = page.locator(".km-legend").bounding_box()
    assert layers["y"] + layers["height"] <= legend["y"], (layers, legend)  # nothing of the list under the legend
    last = page.locator(".leaflet-control-layers-overlays label").last
    last.scroll_into_view_if_needed()
    last.locator("input").click()  # the last layer is within reach: scrolled to, nothing covers it
    open_page.check()
