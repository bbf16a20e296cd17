"""Article text and metadata that try to run script, in headless Chromium: shown as text, never run."""

from __future__ import annotations

import pytest

from tests.render.conftest import IMG_PAYLOAD, SCRIPT_PAYLOAD, TEMPLATE_PAYLOADS, XSS_PUBLISHER
from tests.render.pagetools import click_area, group_label, payload_area, show_only, squash



# -- article text that tries to run script -------------------------------------------------------

def test_article_markup_shows_as_text_in_popup_and_notes(open_page, xss_built):
    feature = payload_area(xss_built, "999_payload.txt", 500.0)
    (claim,) = feature["properties"]["claims"]
    assert IMG_PAYLOAD in claim["quote"] and SCRIPT_PAYLOAD in claim["quote"]
    assert claim["publisher"] == XSS_PUBLISHER
    page = open_page(xss_built / f"map-{feature['properties']['map_date']}.html")
    show_only(page, group_label(feature["properties"]))
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
    assert feature["properties"]["claims"][0]["url"] is None
    page = open_page(xss_built / f"map-{feature['properties']['map_date']}.html")
    show_only(page, group_label(feature["properties"]))
    click_area(page, feature)
    protocols = page.evaluate(LINK_PROTOCOLS)
    assert protocols and set(protocols) <= {"http:", "https:"}, protocols
    assert "km-url-" not in page.content()
    open_page.check()


def test_template_literal_syntax_in_article_text_stays_text(open_page, xss_built):
    feature = payload_area(xss_built, "998_template.txt", 400.0)
    assert all(x in feature["properties"]["claims"][0]["quote"] for x in TEMPLATE_PAYLOADS)
    page = open_page(xss_built / f"map-{feature['properties']['map_date']}.html")
    show_only(page, group_label(feature["properties"]))
    text = click_area(page, feature).inner_text()
    for payload in TEMPLATE_PAYLOADS:
        assert payload in text
    page.wait_for_timeout(200)
    open_page.check()
