"""Score the geoparser against gold toponym annotations (tests/data/gold/).

A predicted mention matches a gold one when their spans are identical.
Resolution is right when the predicted place carries the gold name among its
names, or when both have coordinates within 10 km. Coordinates are compared
with geopy's geodesic distance.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from geopy.distance import geodesic

from kursk_map.evaluation.tally import Tally
from kursk_map.model import GeoparseResult, PlaceMention
from kursk_map.places.normalize import name_key

__all__ = ["Score", "score_file", "total", "load_gold"]

NEAR_KM = 10.0


@dataclass(frozen=True, slots=True)
class Score(Tally):
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    resolved_right: int = 0
    role_right: int = 0
    settlements: int = 0          # gold settlements with a coordinate
    settlements_near: int = 0     # ... predicted within NEAR_KM
    villages: int = 0             # gold settlements with no sourced coordinate, known by native name and oblast
    villages_named: int = 0       # ... resolved to a settlement of that name in that oblast
    errors: tuple[str, ...] = ()

    @property
    def near_share(self) -> float:
        return self.settlements_near / self.settlements if self.settlements else 0.0

    def summary(self) -> str:
        villages = (f"; villages with no sourced coordinate resolved to their name in their oblast "
                    f"{self.villages_named}/{self.villages}" if self.villages else "")
        return (f"toponyms {self.prf()}; "
                f"resolved right {self.resolved_right}/{self.matched}; role right {self.role_right}/{self.matched}; "
                f"settlements within {NEAR_KM:.0f} km {self.settlements_near}/{self.settlements} "
                f"({self.near_share:.1%}){villages}")


def load_gold(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def _right_place(pred: PlaceMention, gold: dict) -> bool:
    names = {name_key(n) for n in (pred.name, pred.place.name, *pred.place.names)}
    gold_name = gold["name"].split(" (")[0]
    if name_key(gold_name) in names or name_key(gold_name.split(",")[0]) in names:
        return True
    return _near(pred, gold)


def _near(pred: PlaceMention, gold: dict) -> bool:
    if gold.get("lat") is None:
        return False
    return geodesic((pred.place.lat, pred.place.lon), (gold["lat"], gold["lon"])).km <= NEAR_KM


def _named_village(pred: PlaceMention | None, gold: dict) -> bool:
    """A village with no sourced coordinate: resolved to a settlement of its native name in its oblast."""
    if pred is None or pred.place.kind != "settlement" or pred.place.admin1 != gold["admin1"]:
        return False
    return name_key(gold["name_native"]) in {name_key(n) for n in (pred.place.name, *pred.place.names)}


def score_file(result: GeoparseResult, gold: list[dict]) -> Score:
    pred = {(m.span.start, m.span.end): m for m in result.places}
    unresolved = {(s.start, s.end) for s in result.unresolved}
    errors = []
    matched = resolved = role = settlements = near = villages = named = 0
    for g in gold:
        key = (g["start"], g["end"])
        is_settlement = g["kind"] == "settlement" and g.get("lat") is not None
        settlements += is_settlement
        is_village = (g["kind"] == "settlement" and g.get("lat") is None and bool(g.get("name_native"))
                      and bool(g.get("admin1")))
        villages += is_village
        named += is_village and _named_village(pred.get(key), g)
        m = pred.get(key)
        if m is None:
            if key in unresolved:
                matched += 1
                errors.append(f"{result.path}: unresolved {g['surface']!r} (gold {g['name']})")
            else:
                errors.append(f"{result.path}: missed {g['surface']!r}@{g['start']} (gold {g['name']})")
            continue
        matched += 1
        if _right_place(m, g):
            resolved += 1
        else:
            errors.append(f"{result.path}: {g['surface']!r}@{g['start']} -> {m.name} ({m.place.id}), gold {g['name']}")
        if m.role == g["role"]:
            role += 1
        else:
            errors.append(f"{result.path}: {g['surface']!r}@{g['start']} role {m.role}, gold {g['role']}")
        near += is_settlement and _near(m, g)
    gold_keys = {(g["start"], g["end"]) for g in gold}
    for key, m in pred.items():
        if key not in gold_keys:
            errors.append(f"{result.path}: spurious {m.span.surface!r}@{key[0]} -> {m.name}")
    for key in unresolved - gold_keys:
        errors.append(f"{result.path}: spurious unresolved @{key[0]}")
    return Score(predicted=len(pred) + len(unresolved), gold=len(gold), matched=matched,
                 resolved_right=resolved, role_right=role, settlements=settlements,
                 settlements_near=near, villages=villages, villages_named=named, errors=tuple(errors))


def total(scores) -> Score:
    out = Score()
    for s in scores:
        out = out + s
    return out
