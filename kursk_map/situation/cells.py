"""A cell per settlement: the ground an area is built from, instead of discs.

Every settlement of the gazetteer with its own coordinate in the oblasts of the theatre
(Kursk, Belgorod, Bryansk; Sumy, Kharkiv, Chernihiv) gets the Voronoi cell of its point
(the ground nearer to it than to any other settlement), clipped to its oblast. A held area
is a union of cells: the cells of the settlements a claim names, and, to meet a claimed
size, more cells nearest first. In Kursk Oblast a cell is about 9 km² (median), so an
area matched to a figure is within one cell of it. Computed once per process, in the
metric CRS of :mod:`kursk_map.situation.geometry`.

>>> cells = theatre_cells()
>>> sudzha = next(p for p in load_gazetteer().lookup("Sudzha") if p.kind == "settlement")
>>> cell = cells.of(sudzha)
>>> cell.region_id, 1 < cell.area_km2 < 100
('ne:RU-KRS', True)
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from kursk_map.model import Place
from kursk_map.places.gazetteer import Gazetteer, load_gazetteer
from kursk_map.situation import geometry as geo

__all__ = ["Cell", "Cells", "theatre_cells", "THEATRE_REGIONS"]

THEATRE_REGIONS = ("ne:RU-KRS", "ne:RU-BEL", "ne:RU-BRY", "ne:UA-59", "ne:UA-63", "ne:UA-74")
_BOX = (30.5, 48.5, 40.0, 54.5)  # lon, lat bounds of the points that shape the cells (neighbours included)


@dataclass(frozen=True, slots=True)
class Cell:
    """The ground of one settlement (or of several the gazetteer puts on one point)."""

    index: int
    places: tuple[Place, ...]
    region_id: str
    geometry: BaseGeometry = field(compare=False, repr=False)   # metric CRS
    x: float = field(compare=False)
    y: float = field(compare=False)
    area_km2: float = field(compare=False)

    @property
    def place(self) -> Place:
        return self.places[0]

    @property
    def xy(self) -> tuple[float, float]:
        return self.x, self.y


@dataclass(frozen=True)
class Cells:
    cells: tuple[Cell, ...]
    _by_place: dict[str, int] = field(repr=False)
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def of(self, place: Place) -> Cell | None:
        """The cell of a settlement, or None (no own coordinate, or outside the theatre's oblasts)."""
        i = self._by_place.get(place.id)
        return self.cells[i] if i is not None else None

    def in_region(self, region_id: str) -> list[Cell]:
        return [c for c in self.cells if c.region_id == region_id]

    def neighbours(self, region_id: str) -> dict[int, tuple[int, ...]]:
        """Cell index -> the indices of the cells of the same region it touches (computed once)."""
        known = self._memo.get(("neighbours", region_id))
        if known is None:
            members = self.in_region(region_id)
            out: dict[int, list[int]] = {c.index: [] for c in members}
            if not members:  # a region outside the theatre's oblasts has no cells
                self._memo[("neighbours", region_id)] = {}
                return {}
            tree = shapely.STRtree([c.geometry for c in members])
            left, right = tree.query([c.geometry for c in members], predicate="intersects")
            for i, j in zip(left.tolist(), right.tolist()):
                if i != j:
                    out[members[i].index].append(members[j].index)
            known = self._memo[("neighbours", region_id)] = {k: tuple(sorted(v)) for k, v in out.items()}
        return known

    def grow(self, region_id: str, origin: tuple[float, float] | None, named: list[Cell], km2: float, *,
             blocked: set[int] = frozenset(), taken: set[int] = frozenset(), from_named: bool = True) -> list[Cell]:
        """Cells of the region taken one by one, nearest ``origin`` (a metric point) and the ``named``
        cells first, the distance measured along a path through cells not ``blocked`` (ground the
        other side holds stops the growth), until their area is within one cell of ``km2``. Cells in
        ``named`` or ``taken`` are held already: they are passed through, not counted. With
        ``from_named`` false (and an ``origin``), only the origin seeds the growth: the named cells
        are passed through when it reaches them.

        >>> cells = theatre_cells()
        >>> grown = cells.grow("ne:RU-KRS", cells.in_region("ne:RU-KRS")[0].xy, [], 300.0)
        >>> abs(sum(c.area_km2 for c in grown) - 300) <= max(c.area_km2 for c in grown)
        True
        """
        members = {c.index: c for c in self.in_region(region_id)}
        neighbours = self.neighbours(region_id)
        queue = [(0.0, c.index) for c in named if c.index in members] if from_named or origin is None else []
        start = self.at(region_id, *origin) if origin is not None else None
        if start is not None and start.index not in blocked:
            queue.append((math.hypot(start.x - origin[0], start.y - origin[1]), start.index))
        heapq.heapify(queue)
        held = {c.index for c in named} | set(taken)
        reached: set[int] = set()
        out, total = [], 0.0
        while queue:
            d, i = heapq.heappop(queue)
            if i in reached:
                continue
            reached.add(i)
            here = members[i]
            if i not in held:
                if total >= km2 or (total > 0 and abs(total + here.area_km2 - km2) > abs(total - km2)):
                    break
                out.append(here)
                total += here.area_km2
            for j in neighbours.get(i, ()):
                if j not in reached and j not in blocked:
                    there = members[j]
                    heapq.heappush(queue, (d + math.hypot(there.x - here.x, there.y - here.y), j))
        return out

    def at(self, region_id: str, x: float, y: float) -> Cell | None:
        """The cell of the region nearest a metric point (the one holding it, if any)."""
        members = self.in_region(region_id)
        if not members:
            return None
        return min(members, key=lambda c: ((c.x - x) ** 2 + (c.y - y) ** 2, c.index))


def theatre_cells(gazetteer: Gazetteer | None = None) -> Cells:
    """The cells of the gazetteer's settlements (computed once per gazetteer)."""
    gazetteer = gazetteer or load_gazetteer()
    known = gazetteer.memo.get("theatre_cells")
    if known is None:
        known = gazetteer.memo["theatre_cells"] = _cells(gazetteer)
    return known


def _cells(gazetteer: Gazetteer) -> Cells:
    lon0, lat0, lon1, lat1 = _BOX
    points = [p for p in gazetteer.places if p.kind == "settlement" and p.precision == "settlement"
              and lat0 < p.lat < lat1 and lon0 < p.lon < lon1]
    xy = geo.to_metric(shapely.points([(p.lon, p.lat) for p in points]))
    by_point: dict[tuple[float, float], list[Place]] = {}
    for place, x, y in zip(points, np.round(shapely.get_x(xy), 0), np.round(shapely.get_y(xy), 0)):
        by_point.setdefault((float(x), float(y)), []).append(place)
    keys = sorted(by_point)
    ux, uy = np.array([k[0] for k in keys]), np.array([k[1] for k in keys])
    cells, by_place = [], {}
    for region_id in THEATRE_REGIONS:
        # One diagram per oblast, of its own settlements only: its cells tile it exactly.
        region = geo.to_metric(geo.region_outline(region_id))
        shapely.prepare(region)
        inside = np.nonzero(shapely.contains_xy(region, ux, uy))[0]
        if len(inside) < 2:
            continue
        diagram = shapely.voronoi_polygons(shapely.multipoints(shapely.points(ux[inside], uy[inside])),
                                           extend_to=region, ordered=True)
        for i, shape in zip(inside, shapely.intersection(np.array(shapely.get_parts(diagram)), region)):
            if shape.is_empty:
                continue
            places = tuple(sorted(by_point[keys[i]], key=lambda p: (-p.population, p.id)))
            cell = Cell(len(cells), places, region_id, shape, float(ux[i]), float(uy[i]), shape.area / 1e6)
            for p in places:
                by_place[p.id] = cell.index
            cells.append(cell)
    return Cells(tuple(cells), by_place)
