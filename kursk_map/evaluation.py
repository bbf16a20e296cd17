"""Score the geoparser against gold toponym annotations (tests/data/gold/).

A predicted mention matches a gold one when their spans are identical.
Resolution is right when the predicted place carries the gold name among its
names, or when both have coordinates within 10 km. Coordinates are compared
with geopy's geodesic distance.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

from geopy.distance import geodesic

from kursk_map.model import GeoparseResult, PlaceMention
from kursk_map.normalize import name_key

__all__ = ["Tally", "Score", "score_file", "total", "load_gold"]

NEAR_KM = 10.0


class Tally:
    """Counts that add up field by field, with precision, recall and F1 of
    ``matched`` over ``predicted`` and ``gold`` (a mixin for frozen dataclasses)."""

    __slots__ = ()

    def __add__(self, other):
        return type(self)(*(getattr(self, f.name) + getattr(other, f.name) for f in dataclasses.fields(self)))

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def prf(self) -> str:
        """ "P=0.985 R=0.992 F1=0.988 (pred 392, gold 389, matched 386)" """
        return (f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"(pred {self.predicted}, gold {self.gold}, matched {self.matched})")


@dataclass(frozen=True, slots=True)
class Score(Tally):
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    resolved_right: int = 0
    role_right: int = 0
    settlements: int = 0          # gold settlements with a coordinate
    settlements_near: int = 0     # ... predicted within NEAR_KM
    errors: tuple[str, ...] = ()

    @property
    def near_share(self) -> float:
        return self.settlements_near / self.settlements if self.settlements else 0.0

    def summary(self) -> str:
        return (f"toponyms {self.prf()}; "
                f"resolved right {self.resolved_right}/{self.matched}; role right {self.role_right}/{self.matched}; "
                f"settlements within {NEAR_KM:.0f} km {self.settlements_near}/{self.settlements} "
                f"({self.near_share:.1%})")


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


def score_file(result: GeoparseResult, gold: list[dict]) -> Score:
    pred = {(m.span.start, m.span.end): m for m in result.places}
    unresolved = {(s.start, s.end) for s in result.unresolved}
    errors = []
    matched = resolved = role = settlements = near = 0
    for g in gold:
        key = (g["start"], g["end"])
        is_settlement = g["kind"] == "settlement" and g.get("lat") is not None
        settlements += is_settlement
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
                 settlements_near=near, errors=tuple(errors))


def total(scores) -> Score:
    out = Score()
    for s in scores:
        out = out + s
    return out
