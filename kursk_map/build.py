"""The main job: a folder of articles -> every map, comparison, table and image in one folder.

Files are written atomically (a temporary file in the output folder, then a rename), only
inside the output folder, and only under names this module chooses.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kursk_map.errors import InputError, KurskMapError
from kursk_map.output import OutputError, OutputFolder, write_file
from kursk_map.export import (
    claims_to_geojson,
    claims_to_json,
    holding_feature,
    ledger_to_json,
    situation_to_geojson,
    write_claims_csv,
    write_ledger_csv,
)
from kursk_map.model import ArticleClaims, Notice
from kursk_map.pipeline import ClaimsBatch, claims_for, corrections_beside
from kursk_map.runners import Runner
from kursk_map.situation import ALL, Holding, Situation, claimant_group, map_date, situation_of

__all__ = ["BuildResult", "build", "compare", "Output"]


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    failures: tuple[InputError, ...] = ()
    notices: tuple[Notice, ...] = ()
    dates: list[dt.date] = field(default_factory=list)


class Output:
    """The build's writer: pages inlined when self-contained, every file staged in an
    :class:`~kursk_map.output.OutputFolder` and put in place together."""

    def __init__(self, folder: OutputFolder, *, self_contained: bool = False) -> None:
        self.target = folder
        self.self_contained = self_contained

    @property
    def written(self) -> list[Path]:
        return self.target.written

    def write(self, name: str, data: str | bytes) -> Path:
        if isinstance(data, str) and self.self_contained and name.endswith(".html"):
            from kursk_map.render.assets import inline_assets

            data = inline_assets(data)
        return self.target.write(name, data)


def _progress(done: int, total: int, what: str) -> None:
    if sys.stderr.isatty() and total > 3:
        bar = "#" * int(30 * done / total)
        print(f"\rkursk-map: [{bar:<30}] {done}/{total} {what}", end="" if done < total else "\n",
              file=sys.stderr, flush=True)


def _load(seeds_dir: Path, runner: Runner | None = None):
    if not seeds_dir.is_dir():
        raise KurskMapError(f"{seeds_dir}: not a folder of articles")
    batch = claims_for([str(seeds_dir)], corrections=corrections_beside([str(seeds_dir)]), runner=runner)
    return list(batch.results), situation_of(list(batch.results)), batch


# A voice's situation is drawn on a report date's map when it speaks in that date's reports, or
# when its latest holding is about a day at most this long before (older ones: on the timeline).
RECENT_DAYS = 31
# The claimants' comparison sets side by side only voices whose holdings are about days this close.
SAME_DAYS = 7


def build(seeds_dir: Path, output_dir: Path, *, self_contained: bool = False, png: bool = False,
          dpi: int = 200, force: bool = False, runner: Runner | None = None) -> BuildResult:
    """Build every map from the articles in ``seeds_dir`` into ``output_dir``, replacing what an earlier
    build wrote there in one step (see :mod:`kursk_map.output`). The articles are read and their
    claims extracted on ``runner`` (this process by default: see :mod:`kursk_map.runners`)."""
    folder = OutputFolder(output_dir, inputs=(seeds_dir,), force=force)  # a bad output folder fails first
    reports, situation, batch = _load(seeds_dir, runner)
    try:
        folder.open()
        result = _build(reports, situation, batch, Output(folder, self_contained=self_contained), png, dpi)
        folder.commit()
    except OutputError as exc:
        folder.abort()
        raise OutputError(str(exc), batch.failures, batch.notices) from None
    except BaseException:
        folder.abort()
        raise
    return result


def _build(reports, situation, batch, out: Output, png: bool, dpi: int) -> BuildResult:
    from kursk_map.render.index import index_page
    from kursk_map.render.pages import report_page, timeline_page
    from kursk_map.render.static import chart_png, map_png

    by_date: dict[dt.date, list[ArticleClaims]] = defaultdict(list)
    for r in reports:
        when = map_date(r)
        if when is not None:
            by_date[when].append(r)
    dates = sorted(by_date)
    steps = len(dates) * (2 if png else 1) + max(0, len(dates) - 1) + 4
    done = 0
    pages, drawn = [], []
    for when in dates:
        by_voice = voices_on(situation, when, by_date[when])
        not_drawn = [n for n in situation.not_drawn if n.map_date == when]
        places = [(m, r.publisher or "unknown publisher") for r in by_date[when] for m in r.mentions]
        name = f"map-{when.isoformat()}"
        out.write(f"{name}.html", report_page(when, by_voice, by_date[when], not_drawn, places, situation.ledger))
        if png:
            out.write(f"{name}.png", map_png(list(situation.at(when).values()), situation.ledger, when,
                                             f"Claimed control as of {when.isoformat()}, all claims", dpi=dpi))
            done += 1
        pages.append((when, name, by_voice))
        drawn += [holding_feature(h, map_date=when.isoformat()) for sides in by_voice.values()
                  for _, h in sorted(sides.items())]
        done += 1
        _progress(done, steps, "maps")
    comparisons = []
    for a, b in zip(dates, dates[1:]):
        name = f"compare-{a.isoformat()}_{b.isoformat()}"
        km2 = _write_compare(out, f"{name}.html", a, b, situation, png, dpi)
        comparisons.append((f"{a.isoformat()} and {b.isoformat()}", name, km2))
        done += 1
        _progress(done, steps, "comparisons")
    for when, _, by_voice in pages:
        comparisons += _claimants_compared(out, when, situation, by_voice, png, dpi)
    out.write("timeline.html", timeline_page(situation))
    series = chart_series(situation)
    out.write("area-over-time.png", chart_png(series, dpi=dpi))
    out.write("claims.json", json.dumps([claims_to_json(r.path, r) for r in reports], ensure_ascii=False, indent=2) + "\n")
    buf = io.StringIO()
    write_claims_csv(buf, [(r.path, r) for r in reports])
    out.write("claims.csv", buf.getvalue())
    out.write("areas.geojson", _dump({"type": "FeatureCollection", "features": drawn}))
    out.write("situation.geojson", _dump(situation_to_geojson(situation)))
    out.write("claims.geojson", _dump(claims_to_geojson([(r.path, r) for r in reports])))
    out.write("ledger.json", json.dumps(ledger_to_json(situation.ledger), ensure_ascii=False, indent=1) + "\n")
    buf = io.StringIO()
    write_ledger_csv(buf, situation.ledger)
    out.write("ledger.csv", buf.getvalue())
    out.write("index.html", index_page(reports, [(w, n, v) for w, n, v in pages], comparisons, series, situation,
                                       png=png))
    _progress(steps, steps, "done")
    return BuildResult(out.written, batch.failures, batch.notices, dates)


def _dump(collection: dict) -> str:
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def voices_on(situation: Situation, when: dt.date, reports: list[ArticleClaims]) -> dict[str, dict[str, Holding]]:
    """Voice -> side -> holding as of ``when``: the view of all claims, the voices of these reports,
    and any other voice whose latest holding is recent."""
    speaking = {claimant_group(c.claimant) for r in reports for c in r.claims if c.kind == "claim"}
    out = {}
    for voice in [ALL, *[v for v in situation.voices() if v != ALL]]:
        held = situation.at(when, voice)
        if held and (voice == ALL or voice in speaking or
                     max(h.date for h in held.values()) >= when - dt.timedelta(days=RECENT_DAYS)):
            out[voice] = held
    return out


def _claimants_compared(out: Output, when: dt.date, situation: Situation, by_voice, png: bool, dpi: int) -> list:
    """Pairs of voices whose holdings on ``when`` are about days within a week of each other."""
    from kursk_map.render.compare import compare_page
    from kursk_map.render.static import compare_png

    latest = {v: max(h.date for h in sides.values()) for v, sides in by_voice.items() if v != ALL}
    close = sorted(v for v, d in latest.items() if (when - d).days <= SAME_DAYS)
    made = []
    for i, a in enumerate(close):
        for b in close[i + 1:]:
            if abs((latest[a] - latest[b]).days) > SAME_DAYS or len(made) >= 3:
                continue
            name = f"compare-{when.isoformat()}-claimants{'' if not made else f'-{len(made) + 1}'}"
            page, km2 = compare_page(f"{when.isoformat()}, according to {a}", by_voice[a],
                                     f"{when.isoformat()}, according to {b}", by_voice[b],
                                     title=f"Claims about the days before {when.isoformat()}: {a} and {b}",
                                     between="claimants")
            out.write(f"{name}.html", page)
            if png:
                out.write(f"{name}.png", compare_png(f"{when.isoformat()}, according to {a}",
                                                     list(by_voice[a].values()),
                                                     f"{when.isoformat()}, according to {b}",
                                                     list(by_voice[b].values()), dpi=dpi))
            made.append((f"{when.isoformat()}: {a} against {b}", name, km2))
    return made


def _write_compare(out: Output, filename: str, a: dt.date, b: dt.date, situation: Situation, png: bool,
                   dpi: int = 200) -> dict:
    """What each side held by ``a`` and by ``b`` according to all claims, side by side; the km² changed."""
    from kursk_map.render.compare import changes, compare_page
    from kursk_map.render.static import compare_png

    left, right = situation.at(a), situation.at(b)
    page, km2 = compare_page(f"as of {a.isoformat()}, all claims", left, f"as of {b.isoformat()}, all claims", right,
                             title=f"Claimed control: {a.isoformat()} against {b.isoformat()}")
    out.write(filename, page)
    if png:
        diff = [(side, gained, lost) for side, (gained, lost, _, _) in sorted(changes(left, right).items())]
        out.write(str(Path(filename).with_suffix(".png")),
                  compare_png(f"As of {a.isoformat()}, all claims", list(left.values()),
                              f"As of {b.isoformat()}, with the ground gained and lost", list(right.values()),
                              gained_lost=diff, dpi=dpi))
    return km2


def compare(date_a: dt.date, date_b: dt.date, seeds_dir: Path, output: Path, *, self_contained: bool = False,
            png: bool = False, dpi: int = 200) -> tuple[list[Path], dict, ClaimsBatch]:
    """Two synced maps of what each side was claimed to hold by two dates, and what changed."""
    if output.suffix != ".html":
        raise KurskMapError(f"{output}: the comparison is an HTML file; give a name ending in .html")
    if not output.parent.is_dir():
        raise KurskMapError(f"{output.parent}: no such folder")
    _, situation, batch = _load(seeds_dir)
    out = _Files(output.parent, self_contained)
    km2 = _write_compare(out, output.name, date_a, date_b, situation, png, dpi)
    return out.written, km2, batch


class _Files:
    """Single files written atomically into an existing folder (the compare command's output)."""

    def __init__(self, folder: Path, self_contained: bool) -> None:
        self.folder, self.self_contained, self.written = folder, self_contained, []

    def write(self, name: str, data: str | bytes) -> Path:
        if isinstance(data, str) and self.self_contained and name.endswith(".html"):
            from kursk_map.render.assets import inline_assets

            data = inline_assets(data)
        self.written.append(write_file(self.folder / name, data))
        return self.written[-1]


def chart_series(situation: Situation) -> dict[str, list[Holding]]:
    """Voice -> Ukraine's holdings in the order of the dates they are about: the voices that gave a size."""
    out: dict[str, list[Holding]] = {}
    for voice in situation.voices():
        mine = [h for h in situation.holdings if h.voice == voice and h.side == "UA"]
        if any(h.figure is not None for h in mine):
            out[voice] = sorted(mine, key=lambda h: h.date)
    return out
