"""The offline base map: country fills and names, oblast outlines and names, rivers, and place
labels that appear by zoom level, all from the gazetteer; OpenStreetMap tiles only on request.

It is the default base layer of every map, so a page opened offline shows where it is and
requests nothing; the tiles are a second choice in the layer control, never loaded unless
chosen.
"""

from __future__ import annotations

import functools
import json

import folium
import shapely
from branca.element import MacroElement, Template
from shapely.geometry import box, mapping, shape
from shapely.ops import polylabel

from kursk_map.render.layers import ATTRIBUTION, esc
from kursk_map.situation import geometry as geo

__all__ = ["base_layers", "label_data", "country_labels", "VIEW_BOX", "COUNTRY_FILLS", "RIVER_COLOUR"]

VIEW_BOX = (32.0, 49.6, 39.0, 53.0)  # lon, lat: where labels and country names are placed
COUNTRY_FILLS = {"country:RU": "#efede8", "country:UA": "#f6f0d6", "country:BY": "#e9eee6"}
COUNTRY_NAMES = {"country:RU": "RUSSIA", "country:UA": "UKRAINE", "country:BY": "BELARUS"}
RIVER_COLOUR = "#7aa6d6"
# Zoom level from which a settlement's label shows, by population (census or GeoNames).
_TIERS = ((200_000, 6), (10_000, 8), (2_000, 9), (500, 10))


def base_layers(m, *, named: frozenset[str] = frozenset()) -> None:
    """Add the offline base (shown) and OpenStreetMap (a choice) to map ``m``; ``named`` are place
    ids the page's reports name, labelled from zoom 9 whatever their size."""
    base = folium.FeatureGroup(name="Offline map (gazetteer)", overlay=False, control=True, show=True)
    for pid, name, simple in _outlines():
        country = pid.startswith("country:")
        style = ({"color": "#8c8c8c", "weight": 1.4, "fillColor": COUNTRY_FILLS.get(pid, "#eeeeee"), "fillOpacity": 1}
                 if country else {"color": "#555555" if pid == "ne:RU-KRS" else "#9a9a9a",
                                  "weight": 2 if pid == "ne:RU-KRS" else 1, "fill": False, "dashArray": "5 4"})
        folium.GeoJson(simple, style_function=lambda _f, s=style: s, interactive=False,
                       name=esc(name)).add_to(base)
    folium.GeoJson(_rivers(), style_function=lambda _f: {"color": RIVER_COLOUR, "weight": 1.6, "opacity": 0.9},
                   interactive=False).add_to(base)
    base.add_child(Labels(label_data(named)))
    base.add_to(m)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap tiles (needs the network)", show=False, overlay=False,
                     attr=f"&copy; OpenStreetMap contributors. {esc(ATTRIBUTION)}").add_to(m)


@functools.cache
def _outlines() -> tuple[tuple[str, str, dict], ...]:
    """(id, name, simplified GeoJSON geometry) of every country and oblast outline, countries first."""
    from kursk_map.places.gazetteer import load_gazetteer

    out = []
    for feature in sorted(load_gazetteer().outlines()["features"],
                          key=lambda f: (not f["properties"]["id"].startswith("country:"), f["properties"]["id"])):
        pid = feature["properties"]["id"]
        if pid.startswith("composite:"):
            continue
        simple = geo.simplified(geo.region_outline(pid), tolerance_m=1500 if pid.startswith("country:") else 400)
        out.append((pid, feature["properties"].get("name", pid), mapping(simple)))
    return tuple(out)


@functools.cache
def _rivers() -> dict:
    from kursk_map.places.gazetteer import load_gazetteer

    return load_gazetteer().rivers()


@functools.cache
def _fixed_labels() -> tuple[tuple, ...]:
    """Country and oblast names, at points derived from the outlines within the view."""
    frame = box(*VIEW_BOX)
    out = []
    for pid, name, simple in _outlines():
        inside = shape(simple).intersection(frame)
        if inside.is_empty:
            continue
        point = shapely.Point(*_pole(inside))
        if pid.startswith("country:"):
            out.append((round(point.y, 4), round(point.x, 4), COUNTRY_NAMES.get(pid, name.upper()), 5, "country"))
        else:
            out.append((round(point.y, 4), round(point.x, 4), name, 7, "oblast"))
    return tuple(out)


def country_labels(lon0: float, lat0: float, lon1: float, lat1: float) -> list[tuple[float, float, str]]:
    """(lat, lon, name) of each country's name within a frame, well inside its part of the frame."""
    frame = box(lon0, lat0, lon1, lat1)
    out = []
    for pid, name, simple in _outlines():
        if not pid.startswith("country:"):
            continue
        inside = shape(simple).intersection(frame)
        if not inside.is_empty and inside.area > 0.04 * frame.area:
            x, y = _pole(inside)
            out.append((y, x, COUNTRY_NAMES.get(pid, name.upper())))
    return out


def _pole(geom) -> tuple[float, float]:
    """A point well inside the largest part of ``geom`` (its pole of inaccessibility)."""
    largest = max(shapely.get_parts(geom), key=lambda g: g.area)
    p = polylabel(largest, tolerance=0.01)
    return p.x, p.y


@functools.cache
def _settlement_labels() -> tuple[tuple, ...]:
    from kursk_map.places.gazetteer import load_gazetteer

    g = load_gazetteer()
    lon0, lat0, lon1, lat1 = VIEW_BOX
    centres = {(round(d.lat, 2), round(d.lon, 2)) for d in g.places if d.kind == "district"}
    out = []
    for p in g.places:
        if p.kind != "settlement" or p.precision != "settlement" or not (lat0 < p.lat < lat1 and lon0 < p.lon < lon1):
            continue
        zoom = next((z for floor, z in _TIERS if p.population >= floor), None)
        if (round(p.lat, 2), round(p.lon, 2)) in centres:
            zoom = min(zoom or 8, 8)  # district centres first
        out.append((p.id, round(p.lat, 4), round(p.lon, 4), p.name, zoom))
    return tuple(sorted(out, key=lambda x: (x[4] or 99, x[3], x[0])))


def label_data(named: frozenset[str] = frozenset()) -> list[list]:
    """[lat, lon, text, minimum zoom, class] of every label: countries, oblasts, settlements."""
    out = [list(x) for x in _fixed_labels()]
    for pid, lat, lon, name, zoom in _settlement_labels():
        if pid in named:
            zoom = min(zoom or 9, 9)
        if zoom is not None:
            out.append([lat, lon, name, zoom, "town" if zoom <= 8 else "village"])
    return out


class Labels(MacroElement):
    """Place names that show from their zoom level on, as non-interactive text markers."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
.km-label{background:none;border:0;white-space:nowrap;pointer-events:none;font:11px/1.1 sans-serif;color:#333;
 text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff}
.km-label span{position:relative;left:4px;top:-6px}
.km-label-country span{font:600 15px/1 sans-serif;letter-spacing:.25em;color:#8a8373;left:-40px}
.km-label-oblast span{font:italic 12px/1 sans-serif;color:#7a7a7a;left:-30px}
.km-label-town span{font-weight:600;font-size:12px}
.km-label-town::before,.km-label-village::before{content:"";position:absolute;width:4px;height:4px;border-radius:2px;
 background:#555;left:-2px;top:-2px}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  const group = {{ this._parent.get_name() }};
  const data = {{ this.data }};
  const layer = L.layerGroup();
  const markers = data.map(([lat, lon, text, zoom, kind]) => {
    const span = document.createElement("span");
    span.textContent = text;
    const icon = L.divIcon({className: "km-label km-label-" + kind, html: span.outerHTML, iconSize: null});
    return [zoom, L.marker([lat, lon], {icon: icon, interactive: false, keyboard: false})];
  });
  let current = null;
  function show() {
    if (!current) return;
    const z = current.getZoom();
    for (const [zoom, marker] of markers) {
      if (zoom <= z && !layer.hasLayer(marker)) layer.addLayer(marker);
      if (zoom > z && layer.hasLayer(marker)) layer.removeLayer(marker);
    }
    // a label that would overlap one before it (bigger places come first) is hidden
    const taken = [];
    for (const [zoom, marker] of markers) {
      const el = marker.getElement && marker.getElement();
      if (!el || !layer.hasLayer(marker)) continue;
      el.style.visibility = "";
      const r = el.firstChild.getBoundingClientRect();
      const clash = taken.some(t => r.left < t.right + 2 && t.left < r.right + 2 && r.top < t.bottom && t.top < r.bottom);
      if (clash) el.style.visibility = "hidden"; else taken.push(r);
    }
  }
  layer.on("add", function () { current = layer._map; current.on("zoomend moveend", show); show(); });
  layer.on("remove", function () { if (current) current.off("zoomend moveend", show); current = null; });
  group.addLayer(layer);
})();
{% endmacro %}
""")

    def __init__(self, data: list[list]) -> None:
        super().__init__()
        self._name = "Labels"
        self.data = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
