"""One claim per statement: the verbs of one sentence that say the same thing merged into one claim.

"launched a counterattack ..., with troops pushing towards several villages" is one advance;
"won back more than 800 km², regaining about 64%" one retaking with both figures; "tried to cross
the border near Novenke but were pushed back" one halt, where the sentence says.
"""

from __future__ import annotations

import dataclasses

from kursk_map.model import ControlClaim

__all__ = ["merged"]


def merged(claims: list[ControlClaim]) -> list[ControlClaim]:
    """One claim per statement: two verbs of one sentence saying the same ("launched a counterattack ...,
    with troops pushing towards several villages") are one claim, with every figure either gives."""
    out: list[ControlClaim] = []
    for c in claims:
        same = next((o for o in out if (o.kind, o.side, o.action) == (c.kind, c.side, c.action)
                     and (o.places == c.places or c.action == "halted" and _one_halt(o, c))
                     and None in (o.area_km2, c.area_km2)), None)  # two areas are two: "63 km², down from 1,400"
        if same is None:
            out.append(c)
            continue
        # "tried to cross the border near Novenke but were pushed back": one halt, where the sentence says
        keep, other = (same, c) if (_carried(c), len(same.places), _figures(same)) >= (
            _carried(same), len(c.places), _figures(c)) else (c, same)
        out[out.index(same)] = _with_figures_of(keep, other)
    return out


def _with_figures_of(keep: ControlClaim, other: ControlClaim) -> ControlClaim:
    """``keep`` with the figures only ``other`` gives ("won back more than 800 km², regaining about 64%")."""
    extra = {}
    if keep.area_km2 is None and other.area_km2 is not None:
        extra.update(area_km2=other.area_km2, area_qualifier=other.area_qualifier)
    if (keep.settlement_count, keep.settlement_text) == (None, None) \
            and (other.settlement_count, other.settlement_text) != (None, None):
        extra.update(settlement_count=other.settlement_count, settlement_text=other.settlement_text,
                     settlement_range=other.settlement_range)
    if keep.fraction is None and other.fraction is not None:
        extra.update(fraction=other.fraction)
    return dataclasses.replace(keep, **extra) if extra else keep


def _one_halt(a: ControlClaim, b: ControlClaim) -> bool:
    """Two halts of one sentence where one's ground is carried from before or within the other's."""
    return _carried(a) != _carried(b) or set(a.places) <= set(b.places) or set(b.places) <= set(a.places)


def _carried(c: ControlClaim) -> bool:
    """Whether the claim's ground comes from the sentences before (no place of its own sentence)."""
    return bool(c.place_mentions) and all(not c.start <= m.span.start < c.end for m in c.place_mentions)


def _figures(c: ControlClaim) -> int:
    return sum(x is not None for x in (c.area_km2, c.settlement_count, c.settlement_text, c.fraction))
