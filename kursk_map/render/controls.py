"""What a map says about itself: a collapsible legend and a stamp inside it, a popup that lists
every area under a click, and the view fitted to what the map shows.

All text from an article reaches the page through :func:`~kursk_map.render.layers.esc`
before it is put here; these elements add only their own fixed words.
"""

from __future__ import annotations

import json

from branca.element import MacroElement, Template

__all__ = ["LegendControl", "Stamp", "AreaPicker", "fit", "legend_rows", "swatch", "line", "dot"]


def swatch(colour: str, *, opacity: float = 0.45, dash: str | None = None, fill: bool = True,
           width: float = 2) -> str:
    """A small SVG rectangle drawn the way an area is."""
    stroke = f' stroke-dasharray="{dash}"' if dash else ""
    body = colour if fill else "none"
    return (f'<svg width="26" height="14"><rect x="1" y="1" width="24" height="12" fill="{body}" '
            f'fill-opacity="{opacity}" stroke="{colour}" stroke-width="{width}"{stroke}/></svg>')


def line(colour: str, *, width: float = 2, dash: str | None = None) -> str:
    stroke = f' stroke-dasharray="{dash}"' if dash else ""
    return f'<svg width="26" height="10"><line x1="0" y1="5" x2="26" y2="5" stroke="{colour}" ' \
           f'stroke-width="{width}"{stroke}/></svg>'


def dot(colour: str, *, hollow: bool = False, dash: str | None = None, r: float = 5) -> str:
    fill = "none" if hollow else colour
    stroke = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<svg width="16" height="14"><circle cx="8" cy="7" r="{r}" fill="{fill}" stroke="#1b1b1b" '
            f'stroke-width="1.2"{stroke}/></svg>')


def legend_rows(rows: list[tuple[str, str]]) -> str:
    return "".join(f'<div class="km-legend-row">{symbol}<span>{text}</span></div>' for symbol, text in rows)


class LegendControl(MacroElement):
    """The legend as a Leaflet control inside the map (bottom right), folded on small maps."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
.km-legend{background:rgba(255,255,255,.95);padding:6px 9px;border:1px solid #999;border-radius:4px;
 font:12px/1.35 sans-serif;max-width:290px;max-height:45vh;overflow-y:auto}
.km-legend summary{cursor:pointer;font-weight:600}
.km-legend-row{display:flex;align-items:center;gap:6px;margin:2px 0}
.km-legend-row svg{flex:none}
.km-legend small{color:#555;display:block;margin-top:4px}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  const map = {{ this._parent.get_name() }};
  const control = L.control({position: "bottomright"});
  control.onAdd = function () {
    const div = L.DomUtil.create("div", "km-legend");
    div.innerHTML = {{ this.body }};
    const details = div.querySelector("details");
    if (details && map.getSize().x >= 1100 && map.getSize().y >= 600) details.open = true;
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    // The layer list above shares the right edge: it scrolls within the room the legend leaves it.
    const fit = function () {
      const list = map.getContainer().querySelector(".leaflet-control-layers-expanded .leaflet-control-layers-list");
      if (!list) return;
      list.style.maxHeight = "";
      const control = list.closest(".leaflet-control-layers");
      const over = control.getBoundingClientRect().bottom - div.getBoundingClientRect().top + 8;
      if (over > 0) list.style.maxHeight = Math.max(48, list.getBoundingClientRect().height - over) + "px";
    };
    if (details) details.addEventListener("toggle", fit);
    map.on("resize", fit);
    setTimeout(fit, 0);
    return div;
  };
  control.addTo(map);
})();
{% endmacro %}
""")

    def __init__(self, rows_html: str, note: str = "") -> None:
        super().__init__()
        self._name = "LegendControl"
        small = f"<small>{note}</small>" if note else ""
        self.body = json.dumps(f"<details><summary>Legend</summary>{rows_html}{small}</details>").replace(
            "</", "<\\/")


class Stamp(MacroElement):
    """A line on the map (top left, under the zoom buttons) saying what it shows: date and claimant."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>.km-stamp{background:rgba(255,255,255,.92);padding:4px 8px;border:1px solid #888;border-radius:4px;
 font:600 13px/1.3 sans-serif;max-width:min(40vw,420px)}</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  const control = L.control({position: "topleft"});
  control.onAdd = function () {
    const div = L.DomUtil.create("div", "km-stamp");
    div.innerHTML = {{ this.body }};
    return div;
  };
  control.addTo({{ this._parent.get_name() }});
})();
{% endmacro %}
""")

    def __init__(self, html_text: str) -> None:
        super().__init__()
        self._name = "Stamp"
        self.body = json.dumps(html_text).replace("</", "<\\/")


class AreaPicker(MacroElement):
    """One popup for a click on the map: every drawn area under it (its ``km_popup`` property), the
    topmost first and open, the others folded below, so that overlapping areas each give their
    sources. The popup is never taller than the map (it scrolls)."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
.km-picked>details{border-top:1px solid #ccc;padding-top:3px;margin-top:3px}
.km-picked>details>summary{cursor:pointer;font-weight:600}
.km-picked-head{font-weight:600;margin-bottom:3px}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  const map = {{ this._parent.get_name() }};
  function inRing(p, ring) {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i], b = ring[j];
      if ((a.lat > p.lat) !== (b.lat > p.lat) &&
          p.lng < (b.lng - a.lng) * (p.lat - a.lat) / (b.lat - a.lat) + a.lng) inside = !inside;
    }
    return inside;
  }
  function inPolygon(p, rings) {  // [outer, hole, ...]
    if (!rings.length) return false;
    if (!inRing(p, rings[0])) return false;
    return !rings.slice(1).some(hole => inRing(p, hole));
  }
  function contains(layer, p) {
    const ll = layer.getLatLngs();
    if (!ll.length) return false;
    const polys = Array.isArray(ll[0][0]) ? ll : [ll];  // MultiPolygon or Polygon
    return polys.some(rings => inPolygon(p, rings));
  }
  function under(p) {
    const found = [];
    map.eachLayer(layer => {
      if (layer instanceof L.Polygon && layer.feature && layer.feature.properties &&
          layer.feature.properties.km_popup && layer._path && layer._path.isConnected && contains(layer, p))
        found.push(layer);
    });
    // the topmost (last drawn) first
    found.sort((a, b) => {
      const pos = a._path.compareDocumentPosition(b._path);
      return pos & Node.DOCUMENT_POSITION_FOLLOWING ? 1 : -1;
    });
    return found;
  }
  map.on("click", function (e) {
    const found = under(e.latlng);
    if (!found.length) return;
    let html;
    if (found.length === 1) {
      html = found[0].feature.properties.km_popup;
    } else {
      html = '<div class="km-picked"><div class="km-picked-head">' + found.length +
        " areas here</div>" + found.map((l, i) => "<details" + (i === 0 ? " open" : "") + "><summary>" +
        l.feature.properties.km_title + "</summary>" + l.feature.properties.km_popup + "</details>").join("") +
        "</div>";
    }
    const height = Math.max(160, map.getSize().y - 110);
    L.popup({maxWidth: 440, maxHeight: height, autoPanPadding: [20, 20]}).setLatLng(e.latlng)
      .setContent(html).openOn(map);
  });
})();
{% endmacro %}
""")

    def __init__(self) -> None:
        super().__init__()
        self._name = "AreaPicker"


def fit(m, bounds: tuple[float, float, float, float] | None, *, max_zoom: int = 11) -> None:
    """Open ``m`` on ``bounds`` (lon0, lat0, lon1, lat1), padded; None: leave its centre and zoom."""
    if bounds is None:
        return
    lon0, lat0, lon1, lat1 = bounds
    m.fit_bounds([[lat0, lon0], [lat1, lon1]], padding=(30, 30), max_zoom=max_zoom)
