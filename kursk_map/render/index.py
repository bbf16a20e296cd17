"""The build's front page: every report date with its sources and the situation as of it, the
area over time per claimant, the comparisons and the tables."""

from __future__ import annotations

import datetime as dt
import html

from kursk_map.model import ArticleClaims
from kursk_map.render.holdings import size_label, voice_label
from kursk_map.render.layers import ATTRIBUTION
from kursk_map.situation import ALL, Holding, Situation, map_date

__all__ = ["index_page"]


def index_page(reports: list[ArticleClaims], pages: list[tuple[dt.date, str, dict[str, dict[str, Holding]]]],
               comparisons: list[tuple[str, str, dict]], series: dict[str, list[Holding]], situation: Situation,
               *, png: bool = False) -> str:
    e = html.escape
    rows = []
    for when, name, by_voice in pages:
        mine = [r for r in reports if map_date(r) == when]
        sources = "; ".join(sorted({r.publisher or "unknown publisher" for r in mine}))
        undated = any(r.report_date is None for r in mine)
        image = f' &middot; <a href="{e(name)}.png">image</a>' if png else ""
        held = by_voice.get(ALL, {})
        sizes = ", ".join(f"{side} {size_label(h)}" for side, h in sorted(held.items(), reverse=True)) or "nothing drawn"
        rows.append(f"<tr><td>{e(when.isoformat())}{' *' if undated else ''}</td><td>{e(sources)}</td>"
                    f"<td>{e(sizes)}</td><td>{len(by_voice) - (ALL in by_voice)}</td>"
                    f'<td><a href="{e(name)}.html">map</a>{image}</td></tr>')
    comps = "".join(f'<li><a href="{e(name)}.html">{e(label)}</a>: '
                    + ", ".join(f"{e(s)} +{v['gained_km2']:,.0f} / -{v['lost_km2']:,.0f} km²"
                                for s, v in sorted(km2.items()))
                    + "</li>" for label, name, km2 in comparisons)
    voices = list(series)
    table_dates = sorted({h.date for hs in series.values() for h in hs})
    chart_rows = "".join(
        f"<tr><td>{e(d.isoformat())}</td>"
        + "".join(f"<td>{e(next((size_label(h) for h in series[v] if h.date == d), ''))}</td>" for v in voices)
        + "</tr>" for d in table_dates)
    chart_head = "".join(f"<th>{e(voice_label(v))}</th>" for v in voices)
    undated = [r for r in reports if map_date(r) is None]
    undated_html = "".join(f"<li>{e(r.path)} ({e(r.publisher or 'unknown publisher')}): no date known</li>"
                           for r in undated)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kursk-map: claimed control by report date</title>
<style>body{{font:15px/1.45 sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}}
table{{border-collapse:collapse}} td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left}}</style></head>
<body><h1>Claimed control of ground, by report date</h1>
<p>Each map shows, as of one report date, what each claimant says each side holds (a layer per
claimant, and one for all claims together), built from the settlements the reports name and the
figures they give, never from front lines: solid areas are the cells of named settlements,
dashed faint areas are matched to a claimed size, dotted ones to a size that is only a lower bound.
Markers show every settlement a claim names, coloured by its last claimed status. Click an area
or a marker for the claims it rests on, their source chains, quotes and links.</p>
<table><tr><th>Report date</th><th>Sources</th><th>Held as of it, all claims</th><th>Claimants drawn</th>
<th>Files</th></tr>{''.join(rows)}</table>
<p><small>* the report states no date: it is mapped at the latest date its claims are about.</small></p>
{f'<h2>Reports with no date</h2><ul>{undated_html}</ul>' if undated else ''}
<h2>Ground claimed held by Ukrainian forces, per claimant</h2>
<p><img src="area-over-time.png" alt="km² claimed held by Ukrainian forces, per claimant, by the date the claims
are about" width="820"></p>
<table><tr><th>Date the claims are about</th>{chart_head}</tr>{chart_rows}</table>
<h2>Comparisons</h2><ul>{comps}</ul>
<p><a href="timeline.html">All dates on one map with a date slider</a> &middot;
<a href="claims.json">claims.json</a> &middot; <a href="claims.csv">claims.csv</a> &middot;
<a href="ledger.json">ledger.json</a> &middot; <a href="ledger.csv">ledger.csv</a> (every settlement a claim
names, its status over time) &middot; <a href="situation.geojson">situation.geojson</a> &middot;
<a href="areas.geojson">areas.geojson</a> &middot; {len(situation.not_drawn)} claims could not be drawn
(listed on each map).</p>
<p><small>{e(ATTRIBUTION)}</small></p>
</body></html>
"""


