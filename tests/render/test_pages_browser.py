"""The built maps in headless Chromium, offline: every page, layers, popups, synced
comparisons and the timeline slider.

The seeds are built once per module (self-contained); expected values come from the
build's own areas.geojson, situation.geojson and claims.json, never from the pages.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter

import pytest

from tests.render.pagetools import (
    DUAL_MAPS,
    FIXED_LAYERS,
    SIDE_NAMES,
    TIMELINE_SHOWN,
    change_dates,
    click_area,
    group_label,
    layer_checkbox,
    layer_labels,
    ms,
    path_count,
    show_only,
    situation_at,
    squash,
    vertex_key,
)
from kursk_map.situation import claimant_group



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
    on_date = [f["properties"] for f in areas if f["properties"]["map_date"] == busiest]
    expected = {group_label(p) for p in on_date}
    labels = layer_labels(page)
    assert len(labels) == len(set(labels)), labels
    assert set(labels) == expected | FIXED_LAYERS
    claimant_layers = [x for x in labels if x not in FIXED_LAYERS]
    assert all(x.startswith(tuple(f"{name}, according to " for name in SIDE_NAMES.values()))
               for x in claimant_layers)
    # the view of all claims and the claimants of the date's own reports start shown; other voices hidden
    reports = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    speaking = {claimant_group(c["claimant"]) for r in reports if r["report_date"] == busiest
                for c in r["claims"] if c["kind"] == "claim"}
    for p in on_date:
        shown = p["claimant"] == "all" or p["claimant"] in speaking
        assert layer_checkbox(page, group_label(p)).is_checked() == shown, group_label(p)


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
    for f in on_date:
        layer_checkbox(page, group_label(f["properties"])).check()
    everything = path_count(page)
    for label, members in sorted(Counter(group_label(f["properties"]) for f in on_date).items()):
        box = layer_checkbox(page, label)
        box.uncheck()
        assert path_count(page) == everything - members, label
        box.check()
        assert path_count(page) == everything, label
    open_page.check()


def test_clicking_an_area_shows_the_claims_it_rests_on_and_its_derivation(open_page, built, areas, busiest):
    page = open_page(built / f"map-{busiest}.html")
    on_date = [f for f in areas if f["properties"]["map_date"] == busiest]
    assert len(on_date) >= 2
    reports = {r["file"]: r for r in json.loads((built / "claims.json").read_text(encoding="utf-8"))}
    for feature in on_date:
        p = feature["properties"]
        show_only(page, group_label(p))  # areas of other claimants may lie on top of this one
        popup = click_area(page, feature)
        text = squash(popup.inner_text())
        assert p["derivation"] in text and f"{p['area_km2']:,.0f} km²" in text
        quotes = [squash(q) for q in popup.locator("q").all_inner_texts()]
        for claim in p["claims"][-6:]:  # the popup lists the latest six
            assert claim["claimant"] in text
            assert " → ".join(claim["sources"]) in text
            assert squash(claim["quote"]) in quotes or any(q.endswith("...") and squash(claim["quote"]).startswith(
                q[:-3]) for q in quotes), claim["quote"]
            report = reports[claim["report"]]
            if report["publisher"]:
                assert report["publisher"] in text
            if report["url"]:
                assert popup.locator(f'a[href="{report["url"]}"]').count() >= 1
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

@pytest.fixture(scope="module")
def situation(built) -> list[dict]:
    return json.loads((built / "situation.geojson").read_text(encoding="utf-8"))["features"]


def expected_shown(situation, when: str) -> set:
    """The view of all claims (the timeline shown at first) in force on ``when``, by first vertex."""
    return {vertex_key(f["geometry"]["coordinates"]) for f in situation_at(situation, when).values()}


def test_timeline_slider_shows_the_areas_held_at_each_date(open_page, built, situation):
    page = open_page(built / "timeline.html")
    slider = page.locator(".leaflet-timeline-control input[type=range]")
    assert slider.count() == 1
    dates = change_dates(situation)
    assert len(dates) >= 2
    seen = []
    for a, b in zip(dates, dates[1:]):
        middle = (ms(a) + ms(b)) // 2  # strictly between two changes: no holding starts or ends here
        slider.evaluate("(input, value) => { input.value = String(value);"
                        " input.dispatchEvent(new Event('input', {bubbles: true})); }", middle)
        state = page.evaluate(TIMELINE_SHOWN)
        assert state["value"] == middle
        expected = expected_shown(situation, a)
        assert {vertex_key(v) for v in state["shown"]} == expected, f"between {a} and {b}"
        seen.append(frozenset(expected))
    assert len(set(seen)) > 1, "moving the slider never changed what is shown"
    open_page.check()


def test_timeline_next_button_shows_one_area_per_side_at_each_change(open_page, built, situation):
    page = open_page(built / "timeline.html")
    dates = change_dates(situation)
    visited = []
    for _ in range(len(situation) + 3):
        state = page.evaluate(TIMELINE_SHOWN)
        if visited and state["value"] == visited[-1]:
            break  # the end of the slider
        visited.append(state["value"])
        when = dt.datetime.fromtimestamp(state["value"] / 1000, dt.timezone.utc).date().isoformat()
        assert sorted(vertex_key(v) for v in state["shown"]) == sorted(expected_shown(situation, when)), f"at {when}"
        page.locator(".leaflet-timeline-control button.next").click()
    assert {ms(d) for d in dates} <= set(visited), "the next button skipped a date"
    open_page.check()


def test_each_claimants_timeline_is_a_layer_of_its_own(open_page, built, situation):
    page = open_page(built / "timeline.html")
    voices = {f["properties"]["claimant"] for f in situation if f["geometry"] is not None}
    labels = layer_labels(page)
    assert {f"According to {'all claims' if v == 'all' else v}" for v in voices} <= set(labels), labels
    ukraine = "Ukrainian officials"
    assert ukraine in voices
    layer_checkbox(page, "According to all claims").uncheck()
    layer_checkbox(page, f"According to {ukraine}").check()
    last = change_dates(situation, ukraine)[-1]
    page.locator(".leaflet-timeline-control input[type=range]").evaluate(
        "(input, value) => { input.value = String(value); input.dispatchEvent(new Event('input', {bubbles: true})); }",
        ms(last))
    expected = {vertex_key(f["geometry"]["coordinates"]) for f in situation_at(situation, last, ukraine).values()}
    assert {vertex_key(v) for v in page.evaluate(TIMELINE_SHOWN)["shown"]} == expected
    open_page.check()


@pytest.mark.parametrize("zone", ["America/New_York", "Pacific/Kiritimati"])  # UTC-5 and UTC+14
def test_timeline_dates_do_not_depend_on_the_readers_time_zone(open_page, built, situation, zone):
    page = open_page(built / "timeline.html")
    page.context.new_cdp_session(page).send("Emulation.setTimezoneOverride", {"timezoneId": zone})
    page.reload()
    page.wait_for_selector(".leaflet-timeline-control")
    claim_dates = {ms(d): d for d in change_dates(situation)}
    labels = {}
    for _ in range(len(situation) + 3):
        state = page.evaluate(TIMELINE_SHOWN)
        if state["value"] in labels:
            break
        labels[state["value"]] = state["date"]
        page.locator(".leaflet-timeline-control button.next").click()
    assert set(claim_dates) <= set(labels)
    assert {labels[v] for v in claim_dates} == set(claim_dates.values()), f"the slider's dates in {zone}"
    open_page.check()
