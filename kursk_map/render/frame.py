"""What every page shares: a lean folium map on the offline base, its title and styles, the
legend's rows, and the view fitted to what the page shows."""

from __future__ import annotations

import datetime as dt

import folium
import shapely

from kursk_map.render.basemap import VIEW_BOX, base_layers
from kursk_map.render.controls import dot, legend_rows, line, swatch
from kursk_map.render.holdings import STATUS_COLOURS
from kursk_map.render.layers import SIDE_COLOURS, NeutralPrefix, esc
from kursk_map.situation import geometry as geo

__all__ = ["lean_map", "head", "bounds_of", "report_legend", "ms", "DEFAULT_BOUNDS", "LEAFLET_JS", "LEAFLET_CSS",
           "STYLE"]

LEAFLET_JS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
LEAFLET_CSS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"
# The Kursk border districts, between Glushkovo and Belaya: the view when a page shows nothing.
DEFAULT_BOUNDS = (34.3, 50.95, 36.3, 51.75)
STYLE = """<style>
body{margin:0;font:14px/1.4 sans-serif} .km-notes{padding:10px 16px;max-width:1100px}
.km-notes table{border-collapse:collapse} .km-notes td,.km-notes th{border:1px solid #ccc;padding:3px 7px;text-align:left}
.km-popup th{text-align:left;vertical-align:top;padding-right:8px;white-space:nowrap}
.km-popup td{vertical-align:top} .km-popup q{font-style:italic} .km-basis{margin:0;padding-left:16px}
.leaflet-control-layers-expanded{max-width:min(46vw,460px);font-size:12px;line-height:1.3}
.leaflet-control-layers-list{max-height:42vh;overflow-y:auto}
.leaflet-control-layers label{white-space:normal}
@media (max-width:1100px),(max-height:760px){.leaflet-control-layers-expanded{max-width:min(38vw,330px);font-size:11px}
.leaflet-control-layers-list{max-height:24vh}}
</style>"""


def lean_map(*, height: str = "100%", **kwargs) -> folium.Map:
    """A folium map that loads Leaflet only (not jQuery, Bootstrap or Font Awesome, which no page of
    ours uses), on the offline base, with a metric scale and a neutral attribution prefix."""
    m = folium.Map(location=[51.35, 35.3], zoom_start=9, tiles=None, height=height, control_scale=True, **kwargs)
    m.default_js = [("leaflet", LEAFLET_JS)]
    m.default_css = [("leaflet_css", LEAFLET_CSS)]
    m.add_child(NeutralPrefix())
    return m


def head(m, title: str, extra_style: str = "") -> None:
    root = m.get_root()
    root.header.add_child(folium.Element(f"<title>{esc(title)}</title>{STYLE}{extra_style}"), name="km_title")


def with_base(m, named: frozenset[str] = frozenset()):
    base_layers(m, named=named)
    return m


def bounds_of(geometries=(), points=(), *, near_km: float = 40.0, focus=()) -> tuple[float, float, float, float]:
    """(lon0, lat0, lon1, lat1) around ``focus`` (the geometries that matter most; else all of them)
    and the parts of the other geometries and the (lat, lon) points within ``near_km`` of it (all
    the points in the view box when there is no geometry); the border districts when there is nothing."""
    lon_min, lat_min, lon_max, lat_max = VIEW_BOX
    frame = shapely.box(lon_min, lat_min, lon_max, lat_max)

    def usable(gs):
        return [g for g in gs if g is not None and not g.is_empty and g.intersects(frame)]

    shapes, core = usable(geometries), usable(focus)
    parts = [p for g in shapes for p in shapely.get_parts(g)]
    parts += [shapely.Point(lon, lat) for lat, lon in points if frame.contains(shapely.Point(lon, lat))]
    core = core or ([max(shapes, key=lambda g: geo.area_km2(g))] if shapes else [])
    if core:
        reach = geo.to_metric(shapely.union_all(core)).buffer(near_km * 1000)
        parts = core + [p for p in parts if reach.intersects(geo.to_metric(p))]
    if not parts:
        return DEFAULT_BOUNDS
    x0, y0, x1, y1 = shapely.union_all(parts).bounds
    # a single village or a small pocket: show its surroundings too (at least ~25 km across)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_x, half_y = max((x1 - x0) / 2, 0.18), max((y1 - y0) / 2, 0.11)
    return round(cx - half_x, 4), round(cy - half_y, 4), round(cx + half_x, 4), round(cy + half_y, 4)


def report_legend(*, estimates: bool = True, markers: bool = True, changes: bool = False) -> str:
    ua, ru = SIDE_COLOURS["UA"], SIDE_COLOURS["RU"]
    rows = [(swatch(ua), "Ukrainian forces"), (swatch(ru), "Russian forces"),
            (swatch("#555", opacity=0.35), "cells of settlements claimed held")]
    if estimates:
        rows += [(swatch("#555", opacity=0.14, dash="8 6"), "matched to a claimed size (estimate)"),
                 (swatch("#555", opacity=0.07, dash="2 5"), "matched to a lower bound: at least this much")]
    if changes:
        rows += [(swatch("#555", opacity=0.55, width=2.5), "ground gained between the dates"),
                 (swatch("#555", fill=False, dash="2 4", width=2.5), "ground lost between the dates (outline)")]
    if markers:
        rows += [(dot(STATUS_COLOURS["UA"]) + dot(STATUS_COLOURS["RU"]) + dot(STATUS_COLOURS["contested"]),
                  "settlement a claim names: held by UA, by RU, contested (last claim)"),
                 (dot("#222", r=3.5), "place the reports name"),
                 (dot("#222", hollow=True, dash="2 2"), "known to its district only")]
    rows += [(line("#7aa6d6", width=1.6), "river"), (line("#555", dash="5 4"), "oblast border"),
             (swatch("#f6f0d6", opacity=1, width=1) + swatch("#efede8", opacity=1, width=1), "Ukraine, Russia")]
    return legend_rows(rows)


def ms(d: dt.date) -> int:
    return int(dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc).timestamp() * 1000)
