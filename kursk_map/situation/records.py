"""The records the situation stage gives: a holding of one side at a date, its figure, and the claims under it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry

from kursk_map.model import ArticleClaims, ControlClaim
from kursk_map.situation.ledger import claim_date

__all__ = ["Basis", "Figure", "Holding", "DERIVATIONS"]

DERIVATIONS = ("settlements", "size-matched", "settlements + size-matched", "sourced", "none")


@dataclass(frozen=True, slots=True)
class Basis:
    """A claim a holding rests on, and what it gave it."""

    claim: ControlClaim
    report: ArticleClaims = field(compare=False)
    gives: str   # figure | lower bound | share | subtracted | added | peak | settlements | sourced


@dataclass(frozen=True, slots=True)
class Figure:
    """A side's size according to a voice, and the claims it comes from (the one that set it last)."""

    km2: float
    lower_bound: bool
    basis: tuple[Basis, ...]


@dataclass(frozen=True, slots=True)
class Holding:
    """What one side holds from ``date`` until its next holding, according to ``voice``."""

    date: dt.date
    side: str
    voice: str                      # a voice, or ALL
    geometry: BaseGeometry | None = field(compare=False)   # EPSG:4326; None: nothing held
    area_km2: float
    settlements: tuple[str, ...]    # the named settlements whose cells the area holds
    named_km2: float                # the cells of those settlements (and any sourced geometry)
    fill_km2: float                 # the size-matching fill
    figure: Figure | None
    derivation: str                 # one of DERIVATIONS
    method: str                     # one sentence: how this area was made
    basis: tuple[Basis, ...]
    disagreements: tuple[str, ...] = ()

    @property
    def estimate(self) -> bool:
        return self.fill_km2 > 0

    @property
    def lower_bound(self) -> bool:
        """The size is only a lower bound ("at least", "dozens of villages")."""
        return self.figure is not None and self.figure.lower_bound

    @property
    def size_date(self) -> dt.date | None:
        """The date of the latest dated claim the size rests on (a figure outlives the day it was given)."""
        dates = [d for b in (self.figure.basis if self.figure else ()) if (d := claim_date(b.claim, b.report))]
        return max(dates) if dates else None
