"""Claims -> areas on the map, each saying how it was derived.

Articles give names, counts, km² and fractions, never front lines, so every
drawn area is one of:

``sourced``
    a geometry given in the user's corrections file;
``settlements``
    cells of :data:`~kursk_map.situation.geometry.CELL_RADIUS_KM` around the settlements a
    claim names as held, clipped to the region; recaptured settlements are carved
    out of the earlier area of the side that lost them;
``area-matched``
    an estimate of the size the claim gives (km², or settlements times
    :data:`KM2_PER_SETTLEMENT`), grown from where the advance came from and
    from the named places, clipped to the region; "lost about half" shrinks the
    same side's earlier area to the fraction kept, losing the side away from
    the border.

Claims that give no ground to draw (an advance halted, "fighting near X", a
count with no region) are kept as :class:`NotDrawn` with the reason, so a map
can list them. Claims are taken in order of the date they are about, so "the
earlier area" is the latest area of that side drawn before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from kursk_map.errors import GazetteerError, GeometryError
from kursk_map.model import ArticleClaims, ControlClaim, PlaceMention
from kursk_map.situation import geometry as geo

__all__ = ["DerivedArea", "NotDrawn", "Situation", "derive_areas", "held_at", "map_date", "KM2_PER_SETTLEMENT",
           "INCURSION_ORIGIN"]

# Ukraine's own pairing of the two figures in one statement: 1,294 km² and 100 settlements
# (Syrskyi, 2024-08-27; Kyiv Independent, "Russia redeploys 30,000 troops to Kursk Oblast
# amid Ukraine's incursion, Syrskyi says"). A count of settlements becomes an area at this ratio.
KM2_PER_SETTLEMENT = 1294 / 100
# Where an advance into a region came from: the border point nearest this gazetteer place.
# The Kursk incursion crossed near Sudzha (the issue's own statement of the theatre).
INCURSION_ORIGIN = {"ne:RU-KRS": "Sudzha"}
_NEIGHBOUR = {"RU": "country:UA", "UA": "country:RU"}
HELD = ("controls", "captured")


@dataclass(frozen=True, slots=True)
class DerivedArea:
    """One drawn area: what it shows, for which side, from which claim, derived how."""

    geometry: BaseGeometry = field(compare=False)
    derivation: str          # sourced | settlements | area-matched
    status: str              # held | recaptured | lost
    side: str                # held/recaptured: the side holding it; lost: the side that lost it
    claim: ControlClaim
    report: ArticleClaims = field(compare=False)
    map_date: dt.date
    area_km2: float
    method: str              # one sentence: how this polygon was made

    @property
    def when(self) -> dt.date:
        """The date the area is about: its claim's, else its report's."""
        return self.claim.as_of or self.map_date


@dataclass(frozen=True, slots=True)
class NotDrawn:
    claim: ControlClaim
    report: ArticleClaims = field(compare=False)
    map_date: dt.date | None
    reason: str


@dataclass(frozen=True, slots=True)
class Situation:
    areas: tuple[DerivedArea, ...]
    not_drawn: tuple[NotDrawn, ...]


def map_date(report: ArticleClaims) -> dt.date | None:
    """The date a report is mapped at: its report date, else the latest date its claims are about."""
    if report.report_date is not None:
        return report.report_date
    dates = [c.as_of for c in report.claims if c.as_of is not None]
    return max(dates) if dates else None


def derive_areas(reports: list[ArticleClaims], gazetteer=None) -> Situation:
    """Every drawable claim of every report as an area, in the order of the dates they are about."""
    from kursk_map.places.gazetteer import load_gazetteer

    gazetteer = gazetteer or load_gazetteer()
    items = []
    not_drawn: list[NotDrawn] = []
    for report in reports:
        when = map_date(report)
        for claim in report.claims:
            if claim.kind != "claim":
                continue
            if when is None:
                not_drawn.append(NotDrawn(claim, report, None, "the report's date is unknown"))
                continue
            items.append((claim.as_of or when, when, report.path, claim.start, claim, report))
    items.sort(key=lambda x: x[:4])
    held: dict[str, DerivedArea] = {}
    areas: list[DerivedArea] = []
    for _, when, _, _, claim, report in items:
        try:
            made = _derive(claim, report, when, held, gazetteer)
        except (GeometryError, GazetteerError) as exc:
            not_drawn.append(NotDrawn(claim, report, when, f"could not be drawn: {exc}"))
            continue
        if isinstance(made, str):
            not_drawn.append(NotDrawn(claim, report, when, made))
            continue
        for area in made:
            areas.append(area)
            if area.status == "held":
                held[area.side] = area
    return Situation(tuple(areas), tuple(not_drawn))


def held_at(areas, when: dt.date) -> dict[str, DerivedArea]:
    """The latest area each side was claimed to hold on or before ``when`` (by the date it is about)."""
    latest: dict[str, DerivedArea] = {}
    for a in sorted(areas, key=lambda a: (a.when, a.map_date)):
        if a.status == "held" and a.when <= when:
            latest[a.side] = a
    return latest


def _derive(claim, report, when, held, gazetteer) -> list[DerivedArea] | str:
    def area(geom, derivation, status, side, method) -> DerivedArea:
        return DerivedArea(geom, derivation, status, side, claim, report, when, round(geo.area_km2(geom), 1), method)

    if claim.geometry is not None:
        geom = shapely.make_valid(shape(claim.geometry))  # as given: a user's drawing is not re-projected
        status = "held" if claim.action in HELD else ("lost" if claim.action in ("lost", "withdrew") else
                                                      "recaptured" if claim.action == "recaptured" else "held")
        return [area(geom, "sourced", status, claim.side, "the geometry given in the corrections file")]
    region_id = _region_id(claim.place_mentions, gazetteer)
    if region_id is None:
        return "names no region with an outline to draw in"
    region = geo.region_outline(region_id)
    named = [m.place for m in claim.place_mentions
             if m.precision == "settlement" and m.kind == "settlement" and region.covers(geo.point(m.place.lat, m.place.lon))]
    other = "RU" if claim.side == "UA" else "UA"
    if claim.action in HELD:
        target, how = _target(claim)
        if target is not None:
            origin = _origin(region_id, claim.side, named, gazetteer)
            geom = geo.grow_to_area(region, [origin], target, include=named)
            return [area(geom, "area-matched", "held", claim.side,
                         f"an estimate of {how}, grown from the border point nearest "
                         f"{INCURSION_ORIGIN.get(region_id, 'the named places')}"
                         f"{' and holding ' + ', '.join(p.name for p in named) if named else ''}, clipped to the region")]
        if named:
            return [area(geo.settlement_cells(named, region), "settlements", "held", claim.side,
                         f"{geo.CELL_RADIUS_KM:g} km around {', '.join(p.name for p in named)}, clipped to the region")]
        return "names no settlement with a known position and gives no figure"
    if claim.action == "recaptured":
        earlier = held.get(other)
        out = []
        if named:
            cells = geo.settlement_cells(named, region)
            out.append(area(cells, "settlements", "recaptured", claim.side,
                            f"{geo.CELL_RADIUS_KM:g} km around {', '.join(p.name for p in named)}"))
            if earlier is not None:
                out.append(area(geo.carve_out(earlier.geometry, named), "settlements", "held", other,
                                f"{_earlier(earlier)} less {geo.CELL_RADIUS_KM:g} km around the settlements retaken"))
            return out
        target, how = _target(claim)
        if target is None or earlier is None:
            return ("names no retaken settlement with a known position" if target is None
                    else "no earlier area of the other side to take it from")
        kept = max(0.02, 1 - target / earlier.area_km2)
        origin = _origin(region_id, other, [], gazetteer)
        remaining = geo.shrink_to_fraction(earlier.geometry, kept, [origin])
        taken = geo.to_wgs84(geo.to_metric(earlier.geometry).difference(geo.to_metric(remaining)))
        return [area(geo.simplified(taken, tolerance_m=1), "area-matched", "recaptured", claim.side,
                     f"an estimate of {how} taken from {_earlier(earlier)}, on the side away from the border"),
                area(remaining, "area-matched", "held", other,
                     f"{_earlier(earlier)} less {how}, lost on the side away from the border")]
    if claim.action in ("lost", "withdrew"):
        earlier = held.get(claim.side)
        if earlier is None:
            return "no earlier area of this side to shrink"
        if named and claim.fraction is None and claim.area_km2 is None:
            return [area(geo.carve_out(earlier.geometry, named), "settlements", "held", claim.side,
                         f"{_earlier(earlier)} less {geo.CELL_RADIUS_KM:g} km around the places left")]
        if claim.fraction is not None:
            kept = 1 - claim.fraction
            how = f"{claim.fraction:.0%} of it lost"
        elif claim.area_km2 is not None:
            kept = max(0.02, 1 - claim.area_km2 / earlier.area_km2)
            how = f"{claim.area_km2:,.0f} km² of it lost"
        else:
            return "says ground was lost but not how much or where"
        origin = _origin(region_id, claim.side, [], gazetteer)
        remaining = geo.shrink_to_fraction(earlier.geometry, kept, [origin])
        gone = geo.to_wgs84(geo.to_metric(earlier.geometry).difference(geo.to_metric(remaining)))
        return [area(remaining, "area-matched", "held", claim.side,
                     f"{_earlier(earlier)} with {how}, on the side away from the border"),
                area(geo.simplified(gone, tolerance_m=1), "area-matched", "lost", claim.side,
                     f"the part of {_earlier(earlier)} estimated lost")]
    return f"a claim of '{claim.action}' gives no ground to draw"


def _target(claim: ControlClaim) -> tuple[float | None, str]:
    if claim.area_km2 is not None:
        qualifier = f"{claim.area_qualifier} " if claim.area_qualifier else ""
        return claim.area_km2, f"the {qualifier}{claim.area_km2:,.0f} km² claimed"
    if claim.settlement_count is not None:
        return (claim.settlement_count * KM2_PER_SETTLEMENT,
                f"{claim.settlement_count} settlements at {KM2_PER_SETTLEMENT:.1f} km² each")
    if claim.settlement_range is not None and claim.settlement_range[0]:
        low = claim.settlement_range[0]
        return (low * KM2_PER_SETTLEMENT,
                f"at least {low} settlements ('{claim.settlement_text}') at {KM2_PER_SETTLEMENT:.1f} km² each")
    return None, ""


def _earlier(a: DerivedArea) -> str:
    return f"the {a.side} area as of {a.when.isoformat()} ({a.report.publisher or 'unknown publisher'})"


def _region_id(mentions: tuple[PlaceMention, ...], gazetteer) -> str | None:
    """The outline the claim is about: a named region, else the one holding its settlements."""
    for m in mentions:
        if m.kind == "region":
            try:
                geo.region_outline(m.place.id)
                return m.place.id
            except GazetteerError:
                continue
    for m in mentions:
        if m.kind == "settlement":
            for feature in gazetteer.outlines()["features"]:
                pid = feature["properties"].get("id", "")
                if pid.startswith("ne:") and geo.region_outline(pid).covers(geo.point(m.place.lat, m.place.lon)):
                    return pid
    return None


def _origin(region_id: str, side: str, named, gazetteer):
    """The border point the side's advance into the region came from."""
    anchor_name = INCURSION_ORIGIN.get(region_id)
    anchors = [p for p in gazetteer.lookup(anchor_name) if p.precision == "settlement"] if anchor_name else []
    anchor = anchors[0] if anchors else (named[0] if named else geo.region_outline(region_id).representative_point())
    owner = "RU" if region_id.startswith("ne:RU") else "UA"
    neighbour = _NEIGHBOUR[owner]
    return geo.border_origin(anchor, region_id, neighbour)
