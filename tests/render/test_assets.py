"""Self-contained maps: inlining folium's assets from npm packages, then opening them offline."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path

import branca.colormap
import folium
import folium.plugins
import pytest

from kursk_map.errors import AssetError, KurskMapError
from kursk_map.render.assets import ASSETS, DROPPED, inline_assets
from tests.browser import TILES

pytest_plugins = ["tests.browser"]  # the chromium and open_page fixtures

JQUERY = "https://code.jquery.com/jquery-3.7.1.min.js"
LEAFLET_CSS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"
GLYPHICONS = "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css"
PAYLOAD = "<img src=x onerror=alert(1)></script>"
CLAIM_COLOR = "#d62728"
AREA = {
    "type": "FeatureCollection",
    "features": [{
        "type": "Feature",
        "properties": {"name": html.escape(PAYLOAD), "start": "2024-08-06", "end": "2024-08-20"},
        "geometry": {"type": "Polygon", "coordinates": [
            [[35.0, 51.0], [35.6, 51.0], [35.6, 51.5], [35.0, 51.5], [35.0, 51.0]]]},
    }],
}


def script(url: str) -> str:
    return f'<script src="{url}"></script>'


def stylesheet(url: str) -> str:
    return f'<link rel="stylesheet" href="{url}"/>'


@pytest.fixture
def fake_modules(tmp_path):
    """A node_modules/ with made-up files at the places ASSETS names."""
    root = tmp_path / "node_modules"
    files = {
        "jquery/dist/jquery.min.js":
            'window.probe = ["</SCRIPT>", "<!--<script>", /<!--/u.test("<!--")];'
            "\n//# sourceMappingURL=jquery.min.map\n",
        "leaflet/dist/leaflet.css":
            ".leaflet-control-layers-toggle{background-image:url(images/layers.png)}"
            ".vml{behavior:url(#default#VML)}",
        "leaflet/dist/images/layers.png": b"\x89PNG fake",
    }
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return root


def test_mapped_script_is_inlined_and_cannot_end_early(fake_modules):
    out = inline_assets(f"<head>{script(JQUERY)}</head>", node_modules=fake_modules)
    assert JQUERY not in out
    assert out.startswith("<head><script>window.probe = ")
    assert out.lower().count("</script") == 1
    assert "<!--" not in out
    assert r'"<\/SCRIPT>"' in out
    assert "sourceMappingURL" not in out


def test_escaped_script_keeps_its_meaning_in_the_browser(fake_modules, open_page, tmp_path):
    page = tmp_path / "probe.html"
    page.write_text(inline_assets(f"<head>{script(JQUERY)}</head><body></body>",
                                  node_modules=fake_modules))
    probe = open_page(page, wait_for=None).evaluate("() => window.probe")
    assert probe == ["</SCRIPT>", "<!--<script>", True]


def test_stylesheet_becomes_style_with_data_uris(fake_modules):
    out = inline_assets(stylesheet(LEAFLET_CSS), node_modules=fake_modules)
    assert out.startswith("<style>") and out.endswith("</style>")
    assert 'url("data:image/png;base64,iVBORyBmYWtl")' in out
    assert "url(#default#VML)" in out


def test_dropped_stylesheet_is_removed(fake_modules):
    assert inline_assets(f"<head>{stylesheet(GLYPHICONS)}</head>", node_modules=fake_modules) \
        == "<head></head>"
    assert GLYPHICONS in DROPPED


def test_inline_scripts_and_text_inside_them_are_left_alone(fake_modules):
    page = '<script>var s = \'<link rel="stylesheet" href="https://x.org/a.css">\';</script>'
    assert inline_assets(page, node_modules=fake_modules) == page


@pytest.mark.parametrize("page", [
    script("https://example.org/unknown.js"),
    stylesheet("https://example.org/unknown.css"),
    '<link rel="icon" href="https://example.org/favicon.ico">',
])
def test_unmapped_reference_is_an_error(fake_modules, page):
    with pytest.raises(AssetError, match=r"example\.org/\S+.*scripts/setup|example\.org.*network"):
        inline_assets(page, node_modules=fake_modules)


def test_network_url_inside_a_stylesheet_is_an_error(fake_modules):
    (fake_modules / "leaflet/dist/leaflet.css").write_text("a{background:url(https://x.org/a.png)}")
    with pytest.raises(AssetError, match=r"https://x\.org/a\.png"):
        inline_assets(stylesheet(LEAFLET_CSS), node_modules=fake_modules)


def test_missing_node_modules_is_a_one_line_error(tmp_path):
    with pytest.raises(KurskMapError) as caught:
        inline_assets(script(JQUERY), node_modules=tmp_path / "node_modules")
    assert "\n" not in str(caught.value)
    assert "node_modules is missing: run scripts/setup (npm ci)" in str(caught.value)


def test_missing_package_file_names_the_file(fake_modules):
    with pytest.raises(AssetError, match=r"leaflet/dist/leaflet\.js \(for .*\) is missing.*npm ci"):
        inline_assets(script(next(iter(ASSETS))), node_modules=fake_modules)


# Maps built with folium itself: these need the real packages (scripts/setup runs npm ci).

def main_map() -> folium.Map:
    m = folium.Map(location=[51.25, 35.3], zoom_start=9)
    folium.GeoJson(
        AREA, name="Claimed area",
        style_function=lambda feature: {"color": CLAIM_COLOR, "fillColor": CLAIM_COLOR},
        popup=folium.GeoJsonPopup(["name"], labels=False),
        tooltip=folium.GeoJsonTooltip(["name"], labels=False),
    ).add_to(m)
    folium.CircleMarker([51.73, 36.19], radius=6, popup=html.escape("Kursk")).add_to(m)
    folium.Marker([51.6, 35.0], icon=folium.Icon(prefix="fa", icon="flag")).add_to(m)
    branca.colormap.LinearColormap(["white", CLAIM_COLOR], vmin=0, vmax=1,
                                   caption="Confidence").add_to(m)
    folium.LayerControl().add_to(m)
    return m


def dual_map() -> folium.plugins.DualMap:
    dual = folium.plugins.DualMap(location=[51.25, 35.3], zoom_start=9)
    folium.GeoJson(AREA, name="Claimed area").add_to(dual)
    folium.LayerControl().add_to(dual)
    return dual


def timeline_map() -> folium.Map:
    m = folium.Map(location=[51.25, 35.3], zoom_start=9)
    timeline = folium.plugins.Timeline(AREA).add_to(m)
    folium.plugins.TimelineSlider(auto_play=False, start="2024-08-01", end="2024-08-31",
                                  date_options="YYYY-MM-DD").add_timelines(timeline).add_to(m)
    return m


def render(build) -> tuple[str, object]:
    # Imported once pytest has loaded tests.browser as a plugin (importing it earlier, at the
    # top, would keep pytest from rewriting its asserts and make it warn).
    from tests.browser import deterministic_ids

    with deterministic_ids():
        figure = build()
        return figure.get_root().render(), figure


def linked_files(page: str) -> list[str]:
    """What a browser would fetch for the page's <script src> and <link> elements."""
    found = []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "script" and "src" in attrs or tag == "link":
                found.append(attrs.get("src") or attrs.get("href"))

    Links().feed(page)
    return found


def write_inlined(build, path: Path) -> object:
    page, figure = render(build)
    path.write_text(inline_assets(page), encoding="utf-8")
    return figure


@pytest.mark.parametrize("build", [main_map, dual_map, timeline_map])
def test_every_asset_our_maps_link_is_mapped(build):
    page, _ = render(build)
    linked = set(linked_files(page))
    assert linked and linked <= set(ASSETS) | set(DROPPED)
    assert linked_files(inline_assets(page)) == []


@pytest.mark.parametrize("build", [main_map, dual_map, timeline_map])
def test_same_map_gives_same_bytes(build):
    assert inline_assets(render(build)[0]) == inline_assets(render(build)[0])


def test_main_map_offline(open_page, tmp_path):
    write_inlined(main_map, tmp_path / "map.html")
    page = open_page(tmp_path / "map.html", tiles=TILES)
    area = page.locator(f'path[fill="{CLAIM_COLOR}"]')
    assert area.count() == 1

    page.hover(".leaflet-control-layers")
    toggle = page.locator(".leaflet-control-layers-overlays label", has_text="Claimed area")
    toggle.locator("input").uncheck()
    assert area.count() == 0
    toggle.locator("input").check()
    assert area.count() == 1

    page.mouse.move(0, 0)  # close the layer control
    area.click()
    popup = page.locator(".leaflet-popup-content")
    assert PAYLOAD in popup.inner_text()
    assert popup.locator("img").count() == 0
    assert page.locator('img[src="x"]').count() == 0
    open_page.check()  # no alert, no request for "x"


def test_dual_map_panning_one_moves_the_other(open_page, tmp_path):
    dual = write_inlined(dual_map, tmp_path / "dual.html")
    page = open_page(tmp_path / "dual.html", tiles=TILES)
    left, right = dual.m1.get_name(), dual.m2.get_name()
    start = page.evaluate(f"() => {right}.getCenter()")

    box = page.locator(f"#{left}").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 150, y + 100, steps=10)
    page.mouse.up()
    page.wait_for_function(
        f"""() => {{
            const a = {left}.getCenter(), b = {right}.getCenter();
            return Math.abs(a.lat - b.lat) < 1e-6 && Math.abs(a.lng - b.lng) < 1e-6
                && Math.abs(b.lng - {start["lng"]}) > 0.1;
        }}""")
    assert page.locator(".leaflet-container").count() == 2
    open_page.check()


def test_timeline_shows_area_only_within_its_dates(open_page, tmp_path):
    m = write_inlined(timeline_map, tmp_path / "timeline.html")
    page = open_page(tmp_path / "timeline.html", tiles=TILES)
    slider = next(child.get_name() for child in m._children.values()
                  if isinstance(child, folium.plugins.TimelineSlider))
    areas = page.locator(".leaflet-overlay-pane path")

    page.evaluate(f"() => {slider}.setTime(Date.UTC(2024, 7, 10))")
    assert areas.count() == 1
    assert "2024-08-10" in page.locator(".leaflet-timeline-control").inner_text()  # moment
    page.evaluate(f"() => {slider}.setTime(Date.UTC(2024, 7, 25))")
    assert areas.count() == 0
    open_page.check()


# The harness itself: these show that its checks can fail.

def test_harness_blocks_and_reports_network_requests(open_page, tmp_path):
    (tmp_path / "page.html").write_text('<img src="https://example.org/x.png">')
    with pytest.raises(pytest.fail.Exception, match=r"network request: https://example\.org/x\.png"):
        open_page(tmp_path / "page.html", wait_for=None)
    open_page.problems.clear()


def test_harness_catches_unescaped_popup_script(open_page, tmp_path):
    def unescaped() -> folium.Map:
        m = folium.Map(location=[51.25, 35.3], zoom_start=9, tiles=None)
        raw = {**AREA, "features": [{**AREA["features"][0], "properties": {"name": PAYLOAD}}]}
        folium.GeoJson(raw, popup=folium.GeoJsonPopup(["name"], labels=False)).add_to(m)
        return m

    write_inlined(unescaped, tmp_path / "raw.html")
    page = open_page(tmp_path / "raw.html", tiles=TILES)
    page.locator(".leaflet-overlay-pane path").click()
    page.wait_for_timeout(200)
    assert any(problem.startswith("dialog (alert): 1") for problem in open_page.problems)
    open_page.problems.clear()
