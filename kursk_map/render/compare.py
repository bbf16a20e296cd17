"""Two situations side by side: two synced maps under a header that says what they show and what
changed (km² gained and lost per side), visible without scrolling in a window or an iframe."""

from __future__ import annotations

import math

import folium
import shapely
from folium.plugins import DualMap
from shapely.geometry import mapping

from kursk_map.render.basemap import base_layers
from kursk_map.render.controls import AreaPicker, LegendControl, Stamp, fit
from kursk_map.render.frame import LEAFLET_CSS, LEAFLET_JS, bounds_of, head, report_legend
from kursk_map.render.holdings import holding_layers, size_label
from kursk_map.render.ids import deterministic_ids
from kursk_map.render.layers import ATTRIBUTION, SIDE_COLOURS, SIDE_NAMES, NeutralPrefix, esc
from kursk_map.situation import geometry as geo
from kursk_map.situation.holdings import Holding

__all__ = ["compare_page", "changes", "HEADER_PX"]

HEADER_PX = 132
_LAYOUT = f"""<style>
html,body{{height:100%;overflow:hidden}}
.folium-map{{top:{HEADER_PX}px !important;height:calc(100% - {HEADER_PX}px) !important}}
.km-compare-head{{position:absolute;top:0;left:0;right:0;height:{HEADER_PX}px;box-sizing:border-box;overflow:auto;
 padding:6px 12px;border-bottom:1px solid #999;background:#fafafa;font:13px/1.35 sans-serif;z-index:1000}}
.km-compare-head h1{{font-size:16px;margin:0 0 3px}} .km-compare-head p{{margin:0 0 4px}}
.km-compare-head table{{border-collapse:collapse}}
.km-compare-head td,.km-compare-head th{{border:1px solid #ccc;padding:1px 7px;text-align:left}}
</style>"""


def compare_page(label_a: str, holdings_a: dict[str, Holding], label_b: str, holdings_b: dict[str, Holding],
                 *, title: str, between: str = "dates") -> tuple[str, dict]:
    """Two synced maps side by side, and on the right the ground gained and lost per side
    (``between="claimants"``: the ground only the right one claims, and only the left one).

    Returns the page and the km² gained and lost per side (for the index and the CLI).
    """
    diff = changes(holdings_a, holdings_b)
    gained, lost = ("gained", "lost") if between == "dates" else ("only the right claims", "only the left claims")
    with deterministic_ids():
        dual = DualMap(location=[51.35, 35.3], zoom_start=9, tiles=None, control_scale=True)
        head(dual, title, _LAYOUT)
        for sub, members, label in ((dual.m1, holdings_a, label_a), (dual.m2, holdings_b, label_b)):
            sub.default_js = [("leaflet", LEAFLET_JS)]
            sub.default_css = [("leaflet_css", LEAFLET_CSS)]
            base_layers(sub)
            sub.add_child(NeutralPrefix())
            for group in holding_layers([h for _, h in sorted(members.items())]):
                group.add_to(sub)
            sub.add_child(Stamp(esc(label)))
            sub.add_child(AreaPicker())
        for side, (more, less, km2_gained, km2_lost) in sorted(diff.items()):
            group = folium.FeatureGroup(name=esc(f"Change for {SIDE_NAMES[side]}: +{km2_gained:,.0f} / "
                                                 f"-{km2_lost:,.0f} km²"))
            for geom, verb, km2 in ((more, "gained", km2_gained), (less, "lost", km2_lost)):
                if geom is None or geom.is_empty:
                    continue
                style = _change_style(side, verb)
                words = (f"{SIDE_NAMES[side]} {verb} about {km2:,.0f} km² between the dates" if between == "dates"
                         else f"{SIDE_NAMES[side]}: about {km2:,.0f} km² {gained if verb == 'gained' else lost}")
                folium.GeoJson(mapping(geom), style_function=lambda _f, s=style: s, interactive=True,
                               tooltip=esc(words)).add_to(group)
            group.add_to(dual.m2)
        folium.LayerControl(collapsed=True).add_to(dual.m1)
        folium.LayerControl(collapsed=True).add_to(dual.m2)
        dual.m2.add_child(LegendControl(report_legend(markers=False, changes=True), esc(ATTRIBUTION)))
        geoms = [h.geometry for h in (*holdings_a.values(), *holdings_b.values())]
        bounds = bounds_of(geoms, focus=[h.geometry for h in (holdings_a.get("UA"), holdings_b.get("UA")) if h])
        fit(dual.m1, bounds)
        fit(dual.m2, bounds)
        rows = "".join(f"<tr><td>{esc(SIDE_NAMES[s])}</td><td>{_km2(holdings_a.get(s))}</td>"
                       f"<td>{_km2(holdings_b.get(s))}</td><td>+{g:,.0f} km²</td><td>-{lo:,.0f} km²</td></tr>"
                       for s, (_, _, g, lo) in sorted(diff.items()))
        header = (f'<div class="km-compare-head"><h1>{esc(title)}</h1>'
                  f"<p><b>Left:</b> {esc(label_a)}. <b>Right:</b> {esc(label_b)}, with the ground "
                  f"{gained} (filled) and {lost} (dotted outline){' between them' if between == 'dates' else ''}; "
                  f"estimates from the areas drawn.</p>"
                  f"<table><tr><th>Side</th><th>left</th><th>right</th><th>{gained}</th><th>{lost}</th></tr>{rows}"
                  f"</table></div>")
        dual.get_root().html.add_child(folium.Element(header), name="km_compare_head")
        return dual.get_root().render(), {s: {"gained_km2": round(g, 1), "lost_km2": round(lo, 1)}
                                          for s, (_, _, g, lo) in diff.items()}


def _change_style(side: str, verb: str) -> dict:
    colour = SIDE_COLOURS[side]
    if verb == "gained":
        return {"color": colour, "weight": 2.5, "fillColor": colour, "fillOpacity": 0.55}
    return {"color": colour, "weight": 2.5, "fill": False, "dashArray": "2 4"}


def _km2(h: Holding | None) -> str:
    return "nothing drawn" if h is None else size_label(h)


def changes(holdings_a: dict[str, Holding], holdings_b: dict[str, Holding]) -> dict:
    """Per side: ground held in B and not in A (gained), held in A and not in B (lost)."""
    out = {}
    for side in sorted(set(holdings_a) | set(holdings_b)):
        a = _metric(holdings_a.get(side))
        b = _metric(holdings_b.get(side))
        gained, lost = b.difference(a), a.difference(b)
        out[side] = (_wgs(gained), _wgs(lost), gained.area / 1e6, lost.area / 1e6)
    return out


def _metric(h: Holding | None):
    return geo.to_metric(h.geometry) if h is not None and h.geometry is not None else shapely.Polygon()


def _wgs(metric_geom):
    if metric_geom.is_empty or math.isclose(metric_geom.area, 0.0):
        return None
    return geo.finish(metric_geom)
