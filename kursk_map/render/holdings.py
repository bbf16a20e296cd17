"""Holdings on a map: a layer per side and voice, a popup that lists every claim an area rests on,
and the settlements coloured by what the ledger says.

Every text from an article reaches the page through :func:`~kursk_map.render.layers.esc`.
"""

from __future__ import annotations

import datetime as dt

import folium
from shapely.geometry import mapping

from kursk_map.render.layers import SIDE_COLOURS, SIDE_NAMES, HtmlPopup, esc, link
from kursk_map.situation.holdings import ALL, Holding
from kursk_map.situation.ledger import Ledger, LedgerEntry

__all__ = ["holding_style", "holding_popup", "holding_title", "holding_data", "holding_layers", "settlement_layer",
           "voice_label", "STATUS_COLOURS", "STATUS_NAMES"]

STATUS_COLOURS = {"UA": SIDE_COLOURS["UA"], "RU": SIDE_COLOURS["RU"], "contested": "#7b4fa0"}
STATUS_NAMES = {"UA": "held by Ukrainian forces", "RU": "held by Russian forces", "contested": "contested (fighting)"}
_BASIS_SHOWN = 6


def voice_label(voice: str) -> str:
    return "all claims" if voice == ALL else voice


def holding_style(h: Holding) -> dict:
    """Named ground solid; ground matched to a figure dashed and faint; matched to a lower bound
    ("at least", "dozens of villages") dotted and fainter still: an estimate looks like one."""
    colour = SIDE_COLOURS[h.side]
    if h.estimate and h.lower_bound:
        return {"color": colour, "fillColor": colour, "weight": 2, "opacity": 0.9, "fillOpacity": 0.07,
                "dashArray": "2 5"}
    if h.estimate:
        return {"color": colour, "fillColor": colour, "weight": 2, "opacity": 0.9, "fillOpacity": 0.14,
                "dashArray": "8 6"}
    return {"color": colour, "fillColor": colour, "weight": 2.2, "opacity": 0.95, "fillOpacity": 0.35}


def holding_popup(h: Holding) -> str:
    figure = ""
    if h.figure is not None:
        bound = "at least " if h.figure.lower_bound else ""
        when = h.size_date
        figure = (f"{bound}{h.figure.km2:,.0f} km² ({esc(h.figure.basis[-1].gives)}"
                  f"{', claimed for ' + when.isoformat() if when else ''})")
    rows = [
        ("Shows", f"{esc(SIDE_NAMES[h.side])}, according to {esc(voice_label(h.voice))}, from "
                  f"{h.date.isoformat()}: {'at least ' if h.lower_bound else 'about '}{h.area_km2:,.0f} km² "
                  f"as drawn{' (a lower bound, not the whole holding)' if h.lower_bound else ''}"),
        ("Figure", figure or "none: only the settlements named"),
        ("Named", esc(", ".join(h.settlements)) or "none"),
        ("Derivation", f"<b>{esc(h.derivation)}</b>: {esc(h.method)}"),
    ]
    if h.disagreements:
        rows.append(("Voices differ", "<br>".join(esc(d) for d in h.disagreements)))
    shown = h.basis[-_BASIS_SHOWN:]
    items = "".join(f"<li>{_basis_html(b)}</li>" for b in reversed(shown))
    more = f"<li>and {len(h.basis) - len(shown)} earlier claims</li>" if len(h.basis) > len(shown) else ""
    rows.append(("Rests on", f"<ul class='km-basis'>{items}{more}</ul>"))
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<div class="km-popup"><table>{body}</table></div>'


def _basis_html(b) -> str:
    c, r = b.claim, b.report
    href = link(r.url, new_tab=True)
    when = c.as_of.isoformat() if c.as_of else "undated"
    quote = c.quote if len(c.quote) <= 260 else c.quote[:257] + "..."
    # a hand-made claim with no quote of its own quotes its provenance, which its origin already says
    said = "" if c.origin.startswith("hand-made") and c.quote.startswith("(hand-made claim:") else \
        f"<br><q>{esc(quote)}</q>"
    return (f"<b>{esc(c.claimant)}</b> ({esc(b.gives)}, {esc(when)}): {esc(c.side)} {esc(c.action)} &mdash; "
            f"{' &rarr; '.join(esc(s) for s in c.sources)}; {esc(r.publisher or 'unknown publisher')}, "
            f"{esc(r.report_date.isoformat() if r.report_date else 'date unknown')}{' ' + href if href else ''}"
            f"{said}{'<br><i>' + esc(c.origin) + '</i>' if c.origin != 'extracted' else ''}")


def size_label(h: Holding) -> str:
    """How big an area is, as every page and image says it: "at least 309 km²" for a lower bound."""
    return f"{'at least ' if h.lower_bound else ''}{h.area_km2:,.0f} km²"


STALE_SIZE_DAYS = 14  # a size older than its holding by more than this says its date


def size_age(h: Holding) -> str:
    """ ", size as of 2024-08-13" when the size rests on a claim more than a fortnight older than the holding."""
    when = h.size_date
    return f", size as of {when.isoformat()}" if when is not None and (h.date - when).days > STALE_SIZE_DAYS else ""


def holding_title(h: Holding) -> str:
    """One line: which side, according to whom, since when, how big (escaped)."""
    return esc(f"{SIDE_NAMES[h.side]}, according to {voice_label(h.voice)}, from {h.date.isoformat()}: "
               f"{size_label(h)}{size_age(h)}")


def holding_data(h: Holding) -> dict:
    """The holding as the GeoJSON a map draws: its popup and title ride in the properties, for
    :class:`~kursk_map.render.controls.AreaPicker`."""
    return {"type": "Feature", "geometry": mapping(h.geometry),
            "properties": {"km_popup": holding_popup(h), "km_title": holding_title(h)}}


def holding_layers(holdings: list[Holding], *, show_voices: set[str] | None = None) -> list[folium.FeatureGroup]:
    """A layer per holding (a side according to a voice), in the order given."""
    out = []
    for h in holdings:
        if h.geometry is None:
            continue
        label = f"{SIDE_NAMES[h.side]}, according to {voice_label(h.voice)} (from {h.date.isoformat()})"
        group = folium.FeatureGroup(name=esc(label), show=show_voices is None or h.voice in show_voices)
        folium.GeoJson(holding_data(h), style_function=lambda _f, s=holding_style(h): s,
                       tooltip=holding_title(h)).add_to(group)
        out.append(group)
    return out


def settlement_layer(ledger: Ledger, when: dt.date, name: str = "Settlements claimed (ledger)") -> folium.FeatureGroup:
    """A marker per settlement any claim names, coloured by its last claimed status on ``when``."""
    group = folium.FeatureGroup(name=esc(name), show=True)
    latest = ledger.status_at(when)
    for place_id, entry in sorted(latest.items()):
        history = ledger.history(entry.place, when)
        since = ledger.since(entry.place, when)
        folium.CircleMarker([entry.place.lat, entry.place.lon], radius=5, weight=1.5, color="#1b1b1b",
                            fill=True, fill_color=STATUS_COLOURS[entry.status], fill_opacity=0.95,
                            tooltip=esc(f"{entry.place.name}: {STATUS_NAMES[entry.status]} since "
                                        f"{since.isoformat()}"),
                            bubbling_mouse_events=False,
                            ).add_child(HtmlPopup(_history_html(entry.place.name, history, since), 400)).add_to(group)
    return group


def _history_html(name: str, history: list[LedgerEntry], since: dt.date) -> str:
    rows = "".join(f"<tr><td>{e.when.isoformat()}</td><td>{esc(STATUS_NAMES[e.status])}</td>"
                   f"<td>{esc(e.claim.claimant)} ({esc(e.report.publisher or 'unknown publisher')})<br>"
                   f"<q>{esc(e.claim.quote[:200])}</q></td></tr>" for e in reversed(history))
    return (f'<div class="km-popup"><b>{esc(name)}</b>: {esc(STATUS_NAMES[history[-1].status])} since '
            f"{since.isoformat()}<table>{rows}</table></div>")
