"""The pages: a map per report date, a timeline map, a comparison of two dates, the index.

Each builder returns the page's HTML as a string, rendered with deterministic element
ids; writing files is :mod:`kursk_map.build`'s job.
"""

from __future__ import annotations

import datetime as dt
import math

import folium
import shapely
from folium.plugins import DualMap, Timeline, TimelineSlider
from folium.utilities import JsCode
from shapely.geometry import mapping

from kursk_map.model import ArticleClaims
from kursk_map.render.holdings import holding_layers, holding_popup, holding_style, settlement_layer, voice_label
from kursk_map.render.ids import deterministic_ids
from kursk_map.render.layers import (
    ATTRIBUTION,
    SIDE_COLOURS,
    SIDE_NAMES,
    HiddenAtFirst,
    Legend,
    NeutralPrefix,
    Notes,
    esc,
    link,
    not_drawn_html,
    outline_layer,
    place_layer,
)
from kursk_map.situation import geometry as geo
from kursk_map.situation.holdings import ALL, Holding
from kursk_map.situation.ledger import Ledger
from kursk_map.situation.state import NotDrawn, Situation

__all__ = ["report_page", "timeline_page", "compare_page", "CENTRE", "ZOOM"]

CENTRE = (51.35, 35.3)   # the Kursk border districts, between Sudzha and Korenevo
ZOOM = 9
_STYLE = """<style>
body{margin:0;font:14px/1.4 sans-serif} .km-notes{padding:10px 16px;max-width:1100px}
.km-popup{max-height:360px;overflow-y:auto} .km-popup th{text-align:left;vertical-align:top;padding-right:8px;white-space:nowrap}
.km-popup td{vertical-align:top} .km-popup q{font-style:italic} .km-basis{margin:0;padding-left:16px}
</style>"""


def _base_map(location=CENTRE, zoom=ZOOM, height="78vh") -> folium.Map:
    m = folium.Map(location=list(location), zoom_start=zoom, tiles=None, height=height, control_scale=True,
                   prefer_canvas=False)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap (needs the network)",
                     attr=f"&copy; OpenStreetMap contributors. {esc(ATTRIBUTION)}").add_to(m)
    outline_layer().add_to(m)
    m.add_child(NeutralPrefix())
    return m


def _head(m: folium.Map, title: str) -> None:
    root = m.get_root()
    root.header.add_child(folium.Element(f"<title>{esc(title)}</title>{_STYLE}"), name="km_title")


def report_page(when: dt.date, by_voice: dict[str, dict[str, Holding]], reports: list[ArticleClaims],
                not_drawn: list[NotDrawn], places: list, ledger: Ledger, *, title: str | None = None) -> str:
    """The map of one report date: the situation as of that date per voice (those of these reports shown,
    the view of all claims too), the settlements the ledger knows, the places named, a legend and notes."""
    title = title or f"Claimed control, reports of {when.isoformat()}"
    speaking = {v for v in by_voice if any(_voice_of(c.claimant) == v for r in reports for c in r.claims)} | {ALL}
    with deterministic_ids():
        m = _base_map()
        _head(m, title)
        for group in holding_layers([h for sides in by_voice.values() for _, h in sorted(sides.items())],
                                    show_voices=speaking):
            group.add_to(m)
        settlement_layer(ledger, when).add_to(m)
        place_layer(places).add_to(m)
        folium.LayerControl(collapsed=False).add_to(m)
        m.add_child(Legend())
        m.add_child(Notes(_notes(title, reports, not_drawn, by_voice)))
        return m.get_root().render()


def _voice_of(claimant: str) -> str:
    from kursk_map.situation.ledger import claimant_group

    return claimant_group(claimant)


def _notes(title: str, reports: list[ArticleClaims], not_drawn: list[NotDrawn], by_voice) -> str:
    items = []
    for r in reports:
        href = link(r.url)
        href = f" &mdash; {href}" if href else ""
        date = r.report_date.isoformat() if r.report_date else "date not stated"
        items.append(f"<li><b>{esc(r.publisher or 'unknown publisher')}</b>, {esc(date)}"
                     f"{' (inferred: ' + esc(r.report_date_evidence) + ')' if r.report_date_inferred else ''}"
                     f"{href}<br><small>{esc(r.path)}: {len(r.claims)} statements</small></li>")
    rows = "".join(f"<tr><td>{esc(voice_label(v))}</td>"
                   + "".join(f"<td>{f'{sides[s].area_km2:,.0f} km² (from {sides[s].date.isoformat()})' if s in sides else ''}"
                             f"</td>" for s in ("UA", "RU")) + "</tr>" for v, sides in by_voice.items())
    table = (f"<h3>The situation as of this date, by voice</h3><table><tr><th>According to</th>"
             f"<th>{SIDE_NAMES['UA']}</th><th>{SIDE_NAMES['RU']}</th></tr>{rows}</table>") if by_voice else ""
    return (f'<div class="km-notes"><h2>{esc(title)}</h2><ul>{"".join(items)}</ul>{table}'
            f"{not_drawn_html(not_drawn)}<p><small>{esc(ATTRIBUTION)}</small></p></div>")


def timeline_page(situation: Situation) -> str:
    """All dates on one map with a date slider: each voice's holdings, each from its date to the next."""
    holdings = sorted(situation.holdings, key=lambda h: (h.voice, h.side, h.date))
    dates = situation.dates()
    last = (dates[-1] + dt.timedelta(days=1)) if dates else None
    with deterministic_ids():
        m = _base_map()
        _head(m, "Claimed control over time")
        timelines = []
        for voice in situation.voices():
            features = []
            mine = [h for h in holdings if h.voice == voice]
            for h in mine:
                following = [o.date for o in mine if o.side == h.side and o.date > h.date]
                end = min(following) if following else last
                if h.geometry is None or end <= h.date:
                    continue
                # leaflet.timeline counts both ends: an area ends where the next of its side begins.
                features.append({"type": "Feature", "geometry": mapping(h.geometry), "properties": {
                    "start": _ms(h.date), "end": _ms(end), "endExclusive": bool(following),
                    "style": holding_style(h), "popup": holding_popup(h)}})
            if not features:
                continue
            timeline = Timeline({"type": "FeatureCollection", "features": features},
                                style=JsCode("function (feature) { return feature.properties.style; }"),
                                onEachFeature=JsCode("function (feature, layer) {"
                                                     " layer.bindPopup(feature.properties.popup, {maxWidth: 440}); }"))
            timeline.layer_name = esc(f"According to {voice_label(voice)}")
            timeline.show = voice == ALL
            timeline.add_to(m)
            if voice != ALL:
                timeline.add_child(HiddenAtFirst())
            timelines.append(timeline)
        slider = TimelineSlider(auto_play=False, date_options="YYYY-MM-DD", enable_keyboard_controls=True,
                                start=_ms(dates[0]) if dates else None, end=_ms(last) if dates else None,
                                show_ticks=True, steps=max(1, (last - dates[0]).days) if dates else 1000)
        # The dates are UTC midnights: shown in local time they would move a day west of Greenwich.
        slider.options["format_output"] = JsCode("function (date) { return moment.utc(date).format('YYYY-MM-DD'); }")
        slider.add_timelines(*timelines).add_to(m)
        folium.LayerControl(collapsed=False).add_to(m)
        m.add_child(Legend())
        m.add_child(Notes(
            '<div class="km-notes"><h2>Claimed control over time</h2><p>Move the slider: each area shows what a '
            "voice claims a side holds, from the date its claim is about until the voice's next claim.</p></div>"))
        return m.get_root().render()


def _ms(d: dt.date) -> int:
    return int(dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc).timestamp() * 1000)


def compare_page(label_a: str, holdings_a: dict[str, Holding], label_b: str, holdings_b: dict[str, Holding],
                 *, title: str) -> tuple[str, dict]:
    """Two synced maps side by side, and on the right the ground gained and lost per side.

    Returns the page and the km² gained and lost per side (for the index and the CLI).
    """
    changes = _changes(holdings_a, holdings_b)
    with deterministic_ids():
        dual = DualMap(location=list(CENTRE), zoom_start=ZOOM, tiles=None)
        _head(dual, title)
        for sub, members in ((dual.m1, holdings_a), (dual.m2, holdings_b)):
            folium.TileLayer("OpenStreetMap", name="OpenStreetMap (needs the network)",
                             attr=f"&copy; OpenStreetMap contributors. {esc(ATTRIBUTION)}").add_to(sub)
            outline_layer().add_to(sub)
            sub.add_child(NeutralPrefix())
            for group in holding_layers([h for _, h in sorted(members.items())]):
                group.add_to(sub)
        for side, (gained, lost, km2_gained, km2_lost) in sorted(changes.items()):
            group = folium.FeatureGroup(name=esc(f"Change for {SIDE_NAMES[side]}: +{km2_gained:,.0f} / "
                                                 f"-{km2_lost:,.0f} km²"))
            for geom, verb, km2 in ((gained, "gained", km2_gained), (lost, "lost", km2_lost)):
                if geom is None or geom.is_empty:
                    continue
                style = {"color": SIDE_COLOURS[side], "weight": 1.5, "fillColor": SIDE_COLOURS[side],
                         "fillOpacity": 0.45 if verb == "gained" else 0.0, "dashArray": None if verb == "gained" else "3 4"}
                folium.GeoJson(mapping(geom), style_function=lambda _f, s=style: {k: v for k, v in s.items() if v},
                               tooltip=esc(f"{SIDE_NAMES[side]} {verb} about {km2:,.0f} km² between the dates")
                               ).add_to(group)
            group.add_to(dual.m2)
        folium.LayerControl(collapsed=False).add_to(dual.m1)
        folium.LayerControl(collapsed=False).add_to(dual.m2)
        dual.m1.add_child(Legend())
        rows = "".join(f"<tr><td>{esc(SIDE_NAMES[s])}</td><td>+{g:,.0f} km²</td><td>-{lo:,.0f} km²</td></tr>"
                       for s, (_, _, g, lo) in sorted(changes.items()))
        dual.m2.add_child(Notes(
            f'<div class="km-notes"><h2>{esc(title)}</h2><p>Left: {esc(label_a)}. Right: {esc(label_b)}, with the '
            f"ground gained and lost between them (estimates, from the areas drawn).</p>"
            f"<table><tr><th>Side</th><th>gained</th><th>lost</th></tr>{rows}</table></div>"))
        return dual.get_root().render(), {s: {"gained_km2": round(g, 1), "lost_km2": round(lo, 1)}
                                          for s, (_, _, g, lo) in changes.items()}


def _changes(holdings_a: dict[str, Holding], holdings_b: dict[str, Holding]) -> dict:
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
    return geo.to_wgs84(metric_geom)
