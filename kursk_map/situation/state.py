"""Reports -> the situation: the ledger, the holdings of every voice at every date, the claims not drawn.

>>> import datetime as dt
>>> s = situation_of([])
>>> (s.holdings, s.at(dt.date(2024, 8, 20)), s.not_drawn)
((), {}, ())
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kursk_map.model import ArticleClaims, ControlClaim
from kursk_map.places.gazetteer import Gazetteer, load_gazetteer
from kursk_map.situation.holdings import ALL, Holding, holdings_for, in_theatre, theatre_names
from kursk_map.situation.ledger import Ledger, build_ledger, claim_date

__all__ = ["Situation", "NotDrawn", "situation_of", "map_date"]


@dataclass(frozen=True, slots=True)
class NotDrawn:
    """A claim no area and no settlement rests on, and why."""

    claim: ControlClaim
    report: ArticleClaims = field(compare=False)
    map_date: dt.date | None
    reason: str


@dataclass(frozen=True)
class Situation:
    holdings: tuple[Holding, ...]
    ledger: Ledger
    not_drawn: tuple[NotDrawn, ...]

    def voices(self) -> list[str]:
        """The voices with a holding, the view of all claims last."""
        named = sorted({h.voice for h in self.holdings} - {ALL})
        return named + ([ALL] if any(h.voice == ALL for h in self.holdings) else [])

    def at(self, when: dt.date, voice: str = ALL, *, empty: bool = False) -> dict[str, Holding]:
        """Side -> the holding in force on ``when`` according to ``voice`` (sides holding nothing left
        out, unless ``empty``)."""
        out: dict[str, Holding] = {}
        for h in self.holdings:
            if h.voice == voice and h.date <= when:
                out[h.side] = h
        return {side: h for side, h in out.items() if empty or h.geometry is not None}

    def dates(self, voice: str | None = None) -> list[dt.date]:
        """The dates on which the situation changes (of one voice, or of any)."""
        return sorted({h.date for h in self.holdings if voice is None or h.voice == voice})


def map_date(report: ArticleClaims) -> dt.date | None:
    """The date a report is mapped at: its report date, else the latest date its claims are about."""
    if report.report_date is not None:
        return report.report_date
    dates = [c.as_of for c in report.claims if c.as_of is not None]
    return max(dates) if dates else None


def situation_of(reports: list[ArticleClaims], gazetteer: Gazetteer | None = None) -> Situation:
    """The situation every report's claims give (the same whatever order the reports come in)."""
    gazetteer = gazetteer or load_gazetteer()
    reports = sorted(reports, key=lambda r: (r.path, r.report_date or dt.date.min))
    ledger = build_ledger(reports)
    holdings = holdings_for(reports, ledger, gazetteer) if reports else []
    used = {id(b.claim) for h in holdings for b in h.basis} | {id(e.claim) for e in ledger.entries}
    not_drawn = []
    theatre = theatre_names(gazetteer)
    for report in reports:
        for claim in report.claims:
            if claim.kind != "claim" or id(claim) in used:
                continue
            when = claim_date(claim, report)
            not_drawn.append(NotDrawn(claim, report, map_date(report), _reason(claim, when, theatre)))
    return Situation(tuple(holdings), ledger, tuple(not_drawn))


def _reason(claim: ControlClaim, when: dt.date | None, theatre: frozenset[str]) -> str:
    if when is None:
        return "the report's date is unknown"
    if not in_theatre(claim, theatre):
        return "its ground lies outside the oblasts this map covers (the wider war): no holding here takes it"
    if claim.action in ("advanced", "halted"):
        return "an advance or a stopped attack that names no settlement with a known position: no ground to draw"
    if claim.settlement_text and claim.settlement_count is None and claim.area_km2 is None:
        return f"'{claim.settlement_text}' is a lower bound below what the same voice already claims"
    if claim.action in ("lost", "withdrew", "recaptured") and claim.area_km2 is not None:
        return (f"{claim.area_km2:,.0f} km² lost or retaken that no holding can take: more than the side was ever "
                "claimed to hold there (other ground), or no firm figure to take it from")
    return "names no settlement with a known position and gives no figure a side's holding can take"
