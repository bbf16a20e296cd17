"""Browser tests in Debian's headless Chromium, driven by Playwright, with no network.

A test module loads the fixtures as a plugin (tests/conftest.py is not needed for it)::

    pytest_plugins = ["tests.browser"]

    def test_map(open_page, tmp_path):
        page = open_page(tmp_path / "map.html")     # a playwright Page, map drawn
        page.click("text=Claims")
        open_page.check()                           # fails on anything seen so far

``open_page`` fails the test when the page asks for anything but ``file:`` or ``data:`` (a test
that chooses the OpenStreetMap layer passes ``tiles=TILES``, answered with blank tiles), logs a
console error, throws, or opens a dialog (``alert`` included). It checks once the map is drawn, again when the test calls ``check()``, and at
teardown. Without Chromium or Playwright every browser test fails, saying to run scripts/setup.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from kursk_map.render.ids import deterministic_ids

__all__ = ["CHROMIUM", "TILES", "Opener", "chromium", "deterministic_ids", "open_page"]

CHROMIUM = Path("/usr/bin/chromium")
# The flags this machine's Chromium needs: no sandbox as root, and no background connections
# (which the closed network refuses, many at a time).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# folium's default basemap. Offline, each tile request that fails logs a console error in
# Chromium ("Failed to load resource: net::ERR_FAILED"), so the harness answers these with a
# blank tile instead: the page still makes no connection, and the test sees its own errors.
TILES = ("https://tile.openstreetmap.org/",)
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
TIMEOUT_MS = 15_000


def _blank_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        checksum = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + checksum

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)  # 1x1, 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 5)) + chunk(b"IEND", b""))


BLANK_TILE = _blank_png()


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session (about a second to start)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: run scripts/setup", pytrace=False)
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/setup (it installs Debian's chromium)",
                    pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Opener:
    """``open_page(path)``: open a local HTML file offline and wait for the Leaflet map."""

    def __init__(self, browser) -> None:
        self._browser = browser
        self._contexts = []
        self.problems: list[str] = []
        self.tile_requests: list[str] = []

    def __call__(self, path: Path | str, *, wait_for: str | None = ".leaflet-container",
                 tiles: tuple[str, ...] = (), viewport: tuple[int, int] = (1200, 800)):
        context = self._browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        self._contexts.append(context)
        context.route("**/*", lambda route: self._route(route, tiles))
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.on("request", lambda request: self._seen(request.url, tiles))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("dialog", self._dialog)
        page.goto(Path(path).resolve().as_uri())
        if wait_for is not None:
            page.wait_for_selector(wait_for)
            # Leaflet draws vector layers on the next animation frame.
            page.evaluate("() => new Promise(done => requestAnimationFrame(() => done()))")
        self.check()
        return page

    def check(self) -> None:
        """Fail the test if the page did anything it must not (so far)."""
        if self.problems:
            pytest.fail("the page misbehaved offline:\n  " + "\n  ".join(self.problems),
                        pytrace=False)

    def close(self) -> None:
        for context in self._contexts:
            context.close()

    def _route(self, route, tiles: tuple[str, ...]) -> None:
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
        elif url.startswith(tiles):
            route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)
        else:
            route.abort("blockedbyclient")

    def _seen(self, url: str, tiles: tuple[str, ...]) -> None:
        if url.startswith(tiles):
            self.tile_requests.append(url)
        elif not url.startswith(LOCAL_SCHEMES):
            self.problems.append(f"network request: {url}")

    def _console(self, message) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self.problems.append(f"console error: {message.text} {where}".rstrip())

    def _dialog(self, dialog) -> None:
        self.problems.append(f"dialog ({dialog.type}): {dialog.message}")
        dialog.dismiss()


@pytest.fixture
def open_page(chromium):
    """Open local HTML files offline in fresh browser contexts; fail on any misbehaviour."""
    opener = Opener(chromium)
    yield opener
    opener.close()
    opener.check()
