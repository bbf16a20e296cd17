"""Whole pages: the map of one report date, and every date on one map with a slider.

Each page opens on the offline base map fitted to what it shows, says on the map what it shows
(a stamp), keeps its legend inside the map, and gives, for a click anywhere, every area under
it. Comparisons are in :mod:`~kursk_map.render.compare`.
"""

from __future__ import annotations

import datetime as dt

import folium
from folium.plugins import Timeline, TimelineSlider
from folium.utilities import JsCode
from shapely.geometry import mapping

from kursk_map.model import ArticleClaims
from kursk_map.render.controls import AreaPicker, LegendControl, Stamp, fit
from kursk_map.render.frame import bounds_of, head, lean_map, ms, report_legend, with_base
from kursk_map.render.holdings import (
    STATUS_COLOURS,
    STATUS_NAMES,
    holding_layers,
    holding_popup,
    holding_style,
    holding_title,
    settlement_layer,
    size_age,
    size_label,
    voice_label,
)
from kursk_map.render.ids import deterministic_ids
from kursk_map.render.layers import (
    ATTRIBUTION,
    SIDE_NAMES,
    HiddenAtFirst,
    Notes,
    esc,
    link,
    not_drawn_html,
    place_layer,
)
from kursk_map.render.timeline import TimelinePanel
from kursk_map.situation.holdings import ALL, Holding
from kursk_map.situation.ledger import Ledger, claimant_group
from kursk_map.situation.state import NotDrawn, Situation

__all__ = ["report_page", "timeline_page"]


def report_page(when: dt.date, by_voice: dict[str, dict[str, Holding]], reports: list[ArticleClaims],
                not_drawn: list[NotDrawn], places: list, ledger: Ledger, *, title: str | None = None) -> str:
    """The map of one report date: the situation as of that date per voice (those of these reports shown,
    the view of all claims too), the settlements the ledger knows, the places named, a legend and notes."""
    title = title or f"Claimed control, reports of {when.isoformat()}"
    speaking = {v for v in by_voice if any(claimant_group(c.claimant) == v for r in reports for c in r.claims)}
    speaking |= {ALL}
    holdings = [h for sides in by_voice.values() for _, h in sorted(sides.items())]
    status = ledger.status_at(when)
    named = frozenset(m.place.id for m, _ in places) | frozenset(status)
    with deterministic_ids():
        m = with_base(lean_map(height="78vh"), named)
        head(m, title)
        for group in holding_layers(holdings, show_voices=speaking):
            group.add_to(m)
        place_layer(places).add_to(m)  # under the ledger's markers, which say more
        settlement_layer(ledger, when).add_to(m)
        folium.LayerControl(collapsed=False).add_to(m)
        publishers = sorted({r.publisher or "unknown publisher" for r in reports})
        m.add_child(Stamp(f"As of {when.isoformat()}: what each claimant says each side holds"
                          f"<br><small>reports of the day: {esc(', '.join(publishers))}</small>"))
        m.add_child(LegendControl(report_legend(), esc(ATTRIBUTION)))
        m.add_child(AreaPicker())
        shown = [h.geometry for h in holdings if h.voice in speaking]
        points = [(e.place.lat, e.place.lon) for e in status.values()] + \
                 [(mention.place.lat, mention.place.lon) for mention, _ in places if mention.kind == "settlement"]
        fit(m, bounds_of(shown, points, focus=[h.geometry for h in holdings if h.voice == ALL and h.side == "UA"]))
        m.add_child(Notes(_notes(title, reports, not_drawn, by_voice)))
        return m.get_root().render()


def _notes(title: str, reports: list[ArticleClaims], not_drawn: list[NotDrawn], by_voice) -> str:
    items = []
    for r in reports:
        href = link(r.url)
        href = f" &mdash; {href}" if href else ""
        date = r.report_date.isoformat() if r.report_date else "date not stated"
        items.append(f"<li><b>{esc(r.publisher or 'unknown publisher')}</b>, {esc(date)}"
                     f"{' (inferred: ' + esc(r.report_date_evidence) + ')' if r.report_date_inferred else ''}"
                     f"{href}<br><small>{esc(r.path)}: {len(r.claims)} statements</small></li>")

    def cell(h: Holding | None) -> str:
        if h is None:
            return "<td></td>"
        return f"<td>{size_label(h)} (from {h.date.isoformat()}{size_age(h)})</td>"

    rows = "".join(f"<tr><td>{esc(voice_label(v))}</td>{cell(sides.get('UA'))}{cell(sides.get('RU'))}</tr>"
                   for v, sides in by_voice.items())
    table = (f"<h3>The situation as of this date, by claimant</h3><table><tr><th>According to</th>"
             f"<th>{SIDE_NAMES['UA']}</th><th>{SIDE_NAMES['RU']}</th></tr>{rows}</table>") if by_voice else ""
    return (f'<div class="km-notes"><h2>{esc(title)}</h2><ul>{"".join(items)}</ul>{table}'
            f"{not_drawn_html(not_drawn)}<p><small>{esc(ATTRIBUTION)}</small></p></div>")


def timeline_page(situation: Situation) -> str:
    """All dates on one map with a date slider: each voice's holdings, each from its date to the next,
    and the settlements by their claimed status at each date."""
    holdings = sorted(situation.holdings, key=lambda h: (h.voice, h.side, h.date))
    dates = situation.dates()
    last = (dates[-1] + dt.timedelta(days=1)) if dates else None
    with deterministic_ids():
        m = with_base(lean_map(height="78vh"), frozenset(e.place.id for e in situation.ledger.entries))
        head(m, "Claimed control over time")
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
                    "start": ms(h.date), "end": ms(end), "endExclusive": bool(following),
                    "style": holding_style(h), "km_popup": holding_popup(h), "km_title": holding_title(h)}})
            if not features:
                continue
            timeline = Timeline({"type": "FeatureCollection", "features": features},
                                style=JsCode("function (feature) { return feature.properties.style; }"))
            timeline.layer_name = esc(f"According to {voice_label(voice)}")
            timeline.show = voice == ALL
            timeline.add_to(m)
            if voice != ALL:
                timeline.add_child(HiddenAtFirst())
            timelines.append(timeline)
        markers = _settlement_timeline(situation.ledger, last)
        if markers is not None:
            markers.add_to(m)
            timelines.append(markers)
        slider = TimelineSlider(auto_play=False, date_options="YYYY-MM-DD", enable_keyboard_controls=True,
                                start=ms(dates[0]) if dates else None, end=ms(last) if dates else None,
                                show_ticks=True, steps=max(1, (last - dates[0]).days) if dates else 1000)
        # The dates are UTC midnights: shown in local time they would move a day west of Greenwich.
        slider.options["format_output"] = JsCode("function (date) { return moment.utc(date).format('YYYY-MM-DD'); }")
        slider.add_timelines(*timelines).add_to(m)
        folium.LayerControl(collapsed=False).add_to(m)
        m.add_child(TimelinePanel(slider, [ms(d) for d in dates]))
        m.add_child(LegendControl(report_legend(), esc(ATTRIBUTION)))
        m.add_child(AreaPicker())
        fit(m, bounds_of([h.geometry for h in holdings if h.voice == ALL],
                         [(e.place.lat, e.place.lon) for e in situation.ledger.entries],
                         focus=[h.geometry for h in holdings if h.voice == ALL and h.side == "UA"]))
        m.add_child(Notes(
            '<div class="km-notes"><h2>Claimed control over time</h2><p>Move the slider: each area shows what a '
            "claimant says a side holds, from the date its claim is about until the claimant's next claim; the "
            "panel beside the slider lists the areas shown and their sizes. Settlements take the colour of the "
            "last claim about them. Tick the claimants' layers in the layer control to compare them.</p></div>"))
        return m.get_root().render()


def _settlement_timeline(ledger: Ledger, last: dt.date | None):
    """Every settlement a claim names, coloured by its claimed status from each change to the next."""
    features = []
    for place in ledger.places():
        history = ledger.history(place)
        changes = [e for i, e in enumerate(history) if i == 0 or e.status != history[i - 1].status]
        for i, e in enumerate(changes):
            end = changes[i + 1].when if i + 1 < len(changes) else last
            if end is None or end <= e.when:
                continue
            features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                             "properties": {"start": ms(e.when), "end": ms(end), "endExclusive": i + 1 < len(changes),
                                            "colour": STATUS_COLOURS[e.status],
                                            "km_title": esc(f"{place.name}: {STATUS_NAMES[e.status]} from "
                                                            f"{e.when.isoformat()} ({e.claim.claimant})")}})
    if not features:
        return None
    timeline = Timeline({"type": "FeatureCollection", "features": features}, pointToLayer=JsCode(
        "function (feature, latlng) { return L.circleMarker(latlng, {radius: 5, weight: 1.5, color: '#1b1b1b',"
        " fillColor: feature.properties.colour, fillOpacity: 0.95, bubblingMouseEvents: false})"
        ".bindTooltip(feature.properties.km_title); }"))
    timeline.layer_name = "Settlements by claimed status"
    return timeline
