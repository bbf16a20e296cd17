"""The situation against independent reporting: tests/data/reference/ (see its README).

At each date, the reference names settlements Ukraine held (within a fortnight before, or
five days after) and settlements Russia held or had retaken (since any earlier date, unless a
later statement says Ukraine held them again), and gives an independent tracker's km² figure
(interpolated between the dates of independent_km2.csv). Its area is the cells of the held
settlements grown to that figure from the border crossing, without crossing Russia's. Scored:
the intersection over union of the tool's area for Ukraine (all claims) with it, beside two
baselines of the same size (a disc at the border crossing, and the growth from it with no
settlement named), and how many of the reference's settlements the tool's area gets right. The tool's
area is scored inside Kursk Oblast only, as the reference is.

:func:`score_at_reference_size` asks what the ledger's named ground is worth: the tool's area built
from its ledger with the reference's own size instead of the claims' figures.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import shapely

from kursk_map.model import Place
from kursk_map.places.gazetteer import Gazetteer
from kursk_map.situation import area
from kursk_map.situation import geometry as geo
from kursk_map.situation.cells import Cells, theatre_cells
from kursk_map.situation.holdings import ALL
from kursk_map.situation.ledger import Ledger
from kursk_map.situation.records import Figure
from kursk_map.situation.state import Situation

__all__ = ["Reference", "ReferenceRow", "SituationScore", "load_reference", "score_situation", "TARGET_DATES",
           "score_at_reference_size"]

# The dates the independent maps were read at (the annotator's windows).
TARGET_DATES = tuple(dt.date.fromisoformat(d) for d in (
    "2024-08-15", "2024-08-27", "2024-09-20", "2024-10-31", "2024-12-15", "2025-01-31", "2025-03-10", "2025-03-20"))
_HELD_BEFORE, _HELD_AFTER = 15, 5
_KURSK = "ne:RU-KRS"


@dataclass(frozen=True, slots=True)
class ReferenceRow:
    date: dt.date
    name: str
    place: Place | None   # None: not found in the gazetteer (or an unnamed aggregate)
    status: str           # UA-held | contested | RU-retaken
    source_kind: str


@dataclass(frozen=True)
class Reference:
    rows: tuple[ReferenceRow, ...]
    km2: tuple[tuple[dt.date, float], ...]

    def unplaced(self) -> list[str]:
        return sorted({r.name for r in self.rows if r.place is None and not r.name.startswith("(")})

    def km2_at(self, when: dt.date) -> float | None:
        """The independent figure on ``when``: interpolated between the two around it, else the nearest."""
        before = [(d, v) for d, v in self.km2 if d <= when]
        after = [(d, v) for d, v in self.km2 if d >= when]
        if before and after:
            (d0, v0), (d1, v1) = before[-1], after[0]
            return v0 if d0 == d1 else v0 + (v1 - v0) * (when - d0).days / (d1 - d0).days
        nearest = (before or after)
        return nearest[-1][1] if before else nearest[0][1] if nearest else None

    def status_at(self, when: dt.date) -> tuple[list[Place], list[Place]]:
        """(held by Ukraine, held by Russia) on ``when``, as the statements around it say."""
        latest: dict[str, ReferenceRow] = {}
        for r in sorted(self.rows, key=lambda r: r.date):
            if r.place is None or r.status == "contested" or r.date > when + dt.timedelta(days=_HELD_AFTER):
                continue
            if r.date > when and r.place.id in latest:
                continue  # a statement after the date only fills a gap
            latest[r.place.id] = r
        held = [r.place for r in latest.values() if r.status == "UA-held"
                and r.date >= when - dt.timedelta(days=_HELD_BEFORE)]
        russian = [r.place for r in latest.values() if r.status == "RU-retaken"]
        return sorted(held, key=lambda p: p.id), sorted(russian, key=lambda p: p.id)


@dataclass(frozen=True, slots=True)
class SituationScore:
    date: dt.date
    tool_km2: float
    reference_km2: float
    iou: float
    iou_disc: float
    iou_grown: float
    held_inside: int
    held: int
    russian_outside: int
    russian: int

    def line(self) -> str:
        return (f"{self.date.isoformat()}  tool {self.tool_km2:7,.0f} km²  reference {self.reference_km2:5,.0f} km²  "
                f"IoU {self.iou:.2f} (disc {self.iou_disc:.2f}, growth with no names {self.iou_grown:.2f})  "
                f"UA-held inside {self.held_inside}/{self.held}  RU-held outside {self.russian_outside}/{self.russian}")


def load_reference(folder: Path, gazetteer: Gazetteer) -> Reference:
    rows = []
    with (folder / "held.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows.append(ReferenceRow(dt.date.fromisoformat(row["date"]), row["settlement"],
                                     _place(row["settlement"], gazetteer), row["status"], row["source_kind"]))
    with (folder / "independent_km2.csv").open(encoding="utf-8") as f:
        km2 = tuple((dt.date.fromisoformat(r["date"]), float(r["km2"])) for r in csv.DictReader(f))
    return Reference(tuple(rows), tuple(sorted(km2)))


def _place(name: str, gazetteer: Gazetteer) -> Place | None:
    """The Kursk Oblast settlement a reference row names (a district in brackets tells namesakes apart)."""
    if name.startswith("("):
        return None
    base = re.sub(r"\[(\w+)\]", r"\1", re.sub(r"\s*\(.*\)$", "", name)).strip()
    district = re.search(r"\((\w+?)(?:sky|skiy)? district", name)
    found = [p for p in gazetteer.lookup(base) if p.kind == "settlement" and p.precision == "settlement"
             and p.admin1 == "Kursk Oblast"]
    if district:
        found = [p for p in found if p.district.lower().startswith(district.group(1).lower()[:5])]
    border = {"Sudzhansky", "Korenevsky", "Glushkovsky", "Belovsky", "Bolshesoldatsky", "Rylsky", "Tetkinsky"}
    near = [p for p in found if any(p.district.startswith(d[:6]) for d in border)]
    found = near or found
    return found[0] if len(found) == 1 else None


def score_situation(situation: Situation, reference: Reference, gazetteer: Gazetteer,
                    dates=TARGET_DATES) -> list[SituationScore]:
    cells, origin, oblast = _setting(gazetteer)
    out = []
    for when, km2, held, russian, ref in _references(reference, gazetteer, dates):
        tool = situation.at(when, ALL).get("UA")
        # The reference is the Kursk salient: ground the tool also holds elsewhere (a Belgorod village, a
        # town in Ukraine retaken near the border) is not scored against it.
        mine = geo.to_metric(tool.geometry).intersection(oblast) if tool is not None and tool.geometry is not None \
            else shapely.Polygon()
        disc = origin.buffer(_radius(origin, oblast, km2)).intersection(oblast)
        grown = _union(cells.grow(_KURSK, (origin.x, origin.y), [], km2))
        inside = sum(1 for p in held if mine.contains(_xy(p)))
        outside = sum(1 for p in russian if not mine.contains(_xy(p)))
        out.append(SituationScore(when, mine.area / 1e6, ref.area / 1e6, _iou(mine, ref), _iou(disc, ref),
                                  _iou(grown, ref), inside, len(held), outside, len(russian)))
    return out


def score_at_reference_size(ledger: Ledger, reference: Reference, gazetteer: Gazetteer,
                            dates=TARGET_DATES) -> list[tuple[dt.date, float]]:
    """(date, IoU) of Ukraine's area built from the ledger (all voices) grown to the reference's own km²
    figure: the claims' sizes taken out, what is left is what the named settlements place."""
    cells, _, oblast = _setting(gazetteer)
    out = []
    for when, km2, _, _, ref in _references(reference, gazetteer, dates):
        mine = area.holding(ALL, "UA", when, Figure(km2, False, ()), [], ledger, gazetteer, cells).geometry
        out.append((when, _iou(geo.to_metric(mine).intersection(oblast), ref) if mine is not None else 0.0))
    return out


def _setting(gazetteer: Gazetteer):
    """The cells, the border crossing near Sudzha (metric) and Kursk Oblast's outline (metric)."""
    sudzha = next(p for p in gazetteer.lookup("Sudzha") if p.kind == "settlement" and p.admin1 == "Kursk Oblast")
    return (theatre_cells(gazetteer), geo.to_metric(geo.border_origin(sudzha)),
            geo.to_metric(geo.region_outline(_KURSK)))


def _references(reference: Reference, gazetteer: Gazetteer, dates):
    """(date, km², settlements held by UA, by RU, the reference area) for each date the reference has a size."""
    cells, origin, _ = _setting(gazetteer)
    for when in dates:
        km2 = reference.km2_at(when)
        if km2 is None:
            continue
        held, russian = reference.status_at(when)
        yield when, km2, held, russian, _reference_area(cells, origin, held, russian, km2)


def _reference_area(cells: Cells, origin, held: list[Place], russian: list[Place], km2: float):
    named = [c for p in held if (c := cells.of(p)) is not None]
    blocked = {c.index for p in russian if (c := cells.of(p)) is not None}
    named = [c for c in {c.index: c for c in named}.values() if c.index not in blocked]
    named_km2 = sum(c.area_km2 for c in named)
    fill = cells.grow(_KURSK, (origin.x, origin.y), named, km2 - named_km2, blocked=blocked) if km2 > named_km2 else []
    return _union(named + fill)


def _union(chosen):
    return shapely.union_all([c.geometry for c in chosen]) if chosen else shapely.Polygon()


def _xy(p: Place):
    return geo.to_metric(geo.point(p.lat, p.lon))


def _iou(a, b) -> float:
    union = a.union(b).area
    return a.intersection(b).area / union if union else 0.0


def _radius(origin, oblast, km2: float) -> float:
    lo, hi = 0.0, 200_000.0
    for _ in range(50):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if origin.buffer(mid).intersection(oblast).area / 1e6 < km2 else (lo, mid)
    return (lo + hi) / 2
