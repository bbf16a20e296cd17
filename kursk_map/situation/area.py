"""A side's area at a date: the cells of the settlements it is claimed to hold, and the cells that meet its figure.

The named ground is the cells of the settlements the ledger says the side holds (fighting at one
it was claimed to hold leaves it there until a claim says it changed hands) on the other side's soil, or on
its own where it was retaken (a side holding a village it never lost holds no ground there), less those the other
side is claimed to hold, and less those claimed held more than STALE_DAYS before a figure that came
down since ("lost 90%" in March outweighs a village claimed held in September; the ledger keeps
it). When a firm figure of the same region is smaller than the named ground, the settlements
claimed most recently make up the area and those claimed longest ago give way (the ledger keeps
their status and its date). A figure larger than the named ground of its region is met with free
cells taken one by one, nearest the border crossing first, through cells the other side is not
claimed to hold (:meth:`~kursk_map.situation.cells.Cells.grow`); ground named in another region
does not count towards it.
"""

from __future__ import annotations

import datetime as dt

import shapely
from shapely.geometry.base import BaseGeometry

from kursk_map.places.gazetteer import Gazetteer
from kursk_map.situation import geometry as geo
from kursk_map.situation.cells import Cell, Cells
from kursk_map.situation.ledger import Ledger, claim_date
from kursk_map.situation.records import Basis, Figure, Holding

__all__ = ["holding", "INCURSION_ORIGIN", "ALL"]

ALL = "all"
# Where an advance into a region came from: the border point nearest this gazetteer place.
INCURSION_ORIGIN = {"ne:RU-KRS": "Sudzha"}
_NEIGHBOUR = {"RU": "country:UA", "UA": "country:RU"}
_OTHER = {"UA": "RU", "RU": "UA"}
# A settlement claimed held this long before a figure that came down since is left out of the area.
STALE_DAYS = 90


def holding(voice: str, side: str, when: dt.date, figure: Figure | None,
            sourced_basis: list[tuple[BaseGeometry, Basis]], ledger: Ledger, gazetteer: Gazetteer,
            cells: Cells) -> Holding:
    """What ``side`` holds on ``when`` according to ``voice`` (or ALL), given its figure and sourced geometries."""
    status = ledger.holders_at(when, None if voice == ALL else voice)
    held = sorted((e for e in status.values() if e.status == side and _drawn(e, side, when, ledger)),
                  key=lambda e: e.place.id)
    placed = [(e, c) for e in held if (c := cells.of(e.place)) is not None]
    foreign = {c.index for e in status.values() if e.status == _OTHER[side] and (c := cells.of(e.place))}
    named = sorted({c.index: c for _, c in placed if c.index not in foreign}.values(), key=lambda c: c.index)
    region_id = _region_of(figure, named, cells) if figure is not None else None
    named, stale = _trim(named, placed, figure, side, region_id)
    sourced = [g for g, _ in sourced_basis]
    sourced_shape = shapely.union_all(sourced) if sourced else None
    named_m2 = shapely.union_all([c.geometry for c in named] + sourced).area if named or sourced else 0.0
    fill: list[Cell] = []
    # The figure is of its region: ground named elsewhere (a Belgorod village) does not count towards it.
    inside = [c.geometry for c in named if c.region_id == region_id] + sourced
    region_m2 = shapely.union_all(inside).area if inside else 0.0
    if figure is not None and figure.km2 * 1e6 > region_m2:
        fill = _fill(cells, named, figure.km2 - region_m2 / 1e6, side, foreign, sourced_shape, region_id, gazetteer)
    parts = [c.geometry for c in named + fill] + sourced
    geometry = geo.finish(shapely.union_all(parts)) if parts else None
    if geometry is not None and geometry.is_empty:
        geometry = None
    area = geo.area_km2(geometry) if geometry is not None else 0.0
    fill_km2 = max(0.0, area - named_m2 / 1e6) if fill else 0.0
    kept = {c.index for c in named}
    names = tuple(sorted({e.place.name for e, c in placed if c.index in kept}))
    derivation = ("sourced" if sourced and not fill and not named else
                  "settlements + size-matched" if (named or sourced) and fill else "size-matched" if fill
                  else "settlements" if named else "none")
    basis = (*(figure.basis if figure is not None else ()), *(b for _, b in sourced_basis),
             *(Basis(e.claim, e.report, "settlements") for e, c in placed if c.index in kept))
    unplaced = len(held) - len(placed)
    return Holding(when, side, voice, geometry, round(area, 1), names, round(named_m2 / 1e6, 1), round(fill_km2, 1),
                   figure, derivation, _method(side, names, named_m2 / 1e6, fill_km2, figure, bool(sourced), unplaced,
                                               named, stale, (named_m2 - region_m2) / 1e6 if fill else 0.0),
                   _dedupe(basis))


def _drawn(entry, side: str, when: dt.date, ledger: Ledger) -> bool:
    """A settlement is part of a side's area on the other side's soil, or on its own where it was retaken:
    Ukraine "in control of Yunakivka", a Sumy village it always held, is no ground it holds (the
    settlement's marker keeps the status, and the other side's area stays out of its cell)."""
    if entry.place.country != side:
        return True
    return entry.claim.action in _RETAKEN or any(e.status == _OTHER[side] for e in ledger.history(entry.place, when))


_RETAKEN = ("recaptured", "lost", "withdrew")  # the other side held it before


def _trim(named: list[Cell], placed, figure: Figure | None, side: str,
          region_id: str | None) -> tuple[list[Cell], tuple[str, ...]]:
    """A firm figure smaller than the named ground of its region: the settlements claimed most recently
    make up the area, nearest the figure; those claimed longest ago give way (the ledger keeps their status)."""
    if figure is None or figure.lower_bound or not named:
        return named, ()
    mine = [c for c in named if c.region_id == region_id and region_id.startswith("ne:RU") != (side == "RU")]
    latest: dict[int, dt.date] = {}
    for e, c in placed:
        latest[c.index] = max(latest.get(c.index, dt.date.min), e.when)
    # A figure that came down since (a share lost, ground retaken) outweighs settlements claimed held long before it.
    last = figure.basis[-1] if figure.basis else None  # a figure with no claim: a size given from outside
    shrunk = claim_date(last.claim, last.report) if last is not None and last.gives in ("share", "subtracted") \
        else None
    old = {c.index for c in mine if shrunk is not None and (shrunk - latest[c.index]).days > STALE_DAYS}
    mine = [c for c in mine if c.index not in old]
    if sum(c.area_km2 for c in mine) <= figure.km2:
        return _without(named, placed, old)
    kept: set[int] = set()
    total = 0.0
    for c in sorted(mine, key=lambda c: (-latest[c.index].toordinal(), c.index)):
        if total and (total >= figure.km2 or abs(total + c.area_km2 - figure.km2) > abs(total - figure.km2)):
            break
        kept.add(c.index)
        total += c.area_km2
    return _without(named, placed, ({c.index for c in mine} - kept) | old)


def _without(named: list[Cell], placed, dropped: set[int]) -> tuple[list[Cell], tuple[str, ...]]:
    names = tuple(sorted({e.place.name for e, c in placed if c.index in dropped}))
    return [c for c in named if c.index not in dropped], names


def _dedupe(basis) -> tuple[Basis, ...]:
    """Each (claim, what it gives) once, first come first."""
    seen: set = set()
    return tuple(b for b in basis if not ((key := (id(b.claim), b.gives)) in seen or seen.add(key)))


def _fill(cells: Cells, named: list[Cell], km2: float, side: str, foreign: set[int], sourced, region_id: str,
          gazetteer) -> list[Cell]:
    """The cells that meet the figure: grown from the border crossing the side's advance into the
    figure's region came from, through its named ground. A side grows only on the other side's
    ground (Ukraine's in Kursk Oblast, Russia's in Sumy); on its own it holds what it names."""
    origin = _origin(region_id, side, named, gazetteer)
    if origin is None:
        return []
    taken = set()
    if sourced is not None:
        members = cells.in_region(region_id)
        inside = shapely.contains_xy(sourced, [c.x for c in members], [c.y for c in members])
        taken = {c.index for c, yes in zip(members, inside.tolist()) if yes}
    return cells.grow(region_id, origin, named, km2, blocked=foreign, taken=taken, from_named=False)


def _region_of(figure: Figure, named: list[Cell], cells: Cells) -> str:
    """The region a figure is about: the latest of its claims that names a region, or a settlement with a
    cell ("cleared one locality, Martynovka"); else where most of the named ground is (Kursk Oblast if none,
    or on a tie)."""
    for basis in reversed(figure.basis):
        mentions = basis.claim.place_mentions
        for m in mentions:
            if m.kind == "region" and m.place.id.startswith("ne:"):
                return m.place.id
        for m in mentions:
            if m.kind == "settlement" and (cell := cells.of(m.place)) is not None:
                return cell.region_id
    if not named:
        return "ne:RU-KRS"
    counts: dict[str, int] = {}
    for c in named:
        counts[c.region_id] = counts.get(c.region_id, 0) + 1
    return min(counts, key=lambda r: (-counts[r], r not in INCURSION_ORIGIN, r))  # a tie: the incursion's region


def _origin(region_id: str, side: str, named: list[Cell], gazetteer) -> tuple[float, float] | None:
    """The border point the side's advance into the region came from (metric x, y)."""
    owner = "RU" if region_id.startswith("ne:RU") else "UA"
    if side == owner:
        return None  # a side holding its own ground grows from what it names
    anchor_name = INCURSION_ORIGIN.get(region_id)
    anchors = [p for p in gazetteer.lookup(anchor_name) if p.precision == "settlement" and p.kind == "settlement"] \
        if anchor_name else []
    if not anchors and not named:
        return None
    near = anchors[0] if anchors else named[0].place
    try:
        point = geo.to_metric(geo.border_origin(near, region_id, _NEIGHBOUR[owner]))
    except Exception:  # noqa: BLE001 -- no shared border: grow from the named ground alone
        return None
    return point.x, point.y


def _method(side, names, named_km2, fill_km2, figure: Figure | None, sourced: bool, unplaced: int, named,
            stale: tuple[str, ...] = (), elsewhere_km2: float = 0.0) -> str:
    parts = []
    if names:
        own = named and (named[0].region_id.startswith("ne:RU") == (side == "RU"))
        outside = f", {elsewhere_km2:,.0f} km² of them outside the figure's region" if elsewhere_km2 >= 0.5 else ""
        parts.append(f"the cells of {len(names)} settlement{'s' if len(names) > 1 else ''} claimed held "
                     f"({named_km2:,.0f} km²{outside}){' on its own side of the border' if own else ''}")
    if sourced:
        parts.append("the geometry given in the corrections file")
    if fill_km2:
        kind = "at least " if figure.lower_bound else ""
        parts.append(f"{fill_km2:,.0f} km² of cells nearest the border crossing (through the named ground), to meet "
                     f"{kind}{figure.km2:,.0f} km² claimed")
    if figure is not None and not fill_km2 and (names or sourced) and figure.km2 < named_km2:
        parts.append(f"(the named ground already covers more than the {figure.km2:,.0f} km² claimed)")
    if stale:
        parts.append(f"{len(stale)} settlement{'s' if len(stale) > 1 else ''} claimed held earlier left out to meet "
                     f"the {figure.km2:,.0f} km² claimed since ({', '.join(stale)})")
    if unplaced:
        parts.append(f"{unplaced} more settlement{'s' if unplaced > 1 else ''} named outside the mapped oblasts")
    return "; ".join(parts) or "nothing held"
