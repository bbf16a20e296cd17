"""Score extracted claims against gold claims (tests/data/claims/, tests/data/real/).

A predicted claim matches a gold one of the same article when both are of
kind ``claim``, their quotes overlap, side and action agree, and they share a
place (by spelling-independent key) or a figure (area within 5%, the same
settlement count or words, the same fraction). Matching is one-to-one, in text
order. Scored ``by_family``, the actions that leave a side holding ground
(controls, captured, recaptured) count as one, and so do lost and withdrew.
Among matched claims, ``as_of`` counts as right within 3 days. Forecasts are
scored apart: a gold forecast drawn as a claim is the error that matters most
(it would be drawn as an area).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from kursk_map.evaluation.tally import Tally
from kursk_map.model import ArticleClaims, ControlClaim
from kursk_map.places.normalize import name_key

__all__ = ["ClaimScore", "score_claims", "load_claims_gold", "annotation_as_claims", "AS_OF_DAYS", "FAMILIES"]

AS_OF_DAYS = 3
FAMILIES = {"controls": "holds", "captured": "holds", "recaptured": "holds", "lost": "lost", "withdrew": "lost"}


@dataclass(frozen=True, slots=True)
class ClaimScore(Tally):
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    as_of_gold: int = 0        # matched claims whose gold as_of is known
    as_of_right: int = 0
    forecasts: int = 0         # gold forecasts
    forecasts_drawn: int = 0   # ... that came out as claims
    errors: tuple[str, ...] = ()

    @property
    def as_of_share(self) -> float:
        return self.as_of_right / self.as_of_gold if self.as_of_gold else 0.0

    def summary(self) -> str:
        return (f"claims {self.prf()}; "
                f"as_of within {AS_OF_DAYS} days {self.as_of_right}/{self.as_of_gold} ({self.as_of_share:.1%}); "
                f"gold forecasts drawn as claims {self.forecasts_drawn}/{self.forecasts}")


def load_claims_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def annotation_as_claims(annotation: dict, path: str) -> ArticleClaims:
    """A gold file read as if it were extracted: to score one annotator against another."""
    claims = tuple(ControlClaim(
        kind=c["kind"], claimant=c["claimant"], sources=tuple(c["sources"]), side=c["side"], action=c["action"],
        places=tuple(c["places"]), area_km2=c["area_km2"], settlement_count=c["settlement_count"],
        fraction=c["fraction"], as_of=dt.date.fromisoformat(c["as_of"]) if c["as_of"] else None, hedged=c["hedged"],
        quote=c["quote"], start=c["start"], end=c["end"], area_qualifier=c["area_qualifier"],
        settlement_text=c["settlement_text"],
        settlement_range=tuple(c["settlement_range"]) if c["settlement_range"] else None, origin="annotation")
        for c in annotation["claims"])
    date = dt.date.fromisoformat(annotation["report_date"]) if annotation.get("report_date") else None
    return ArticleClaims(path=path, report_date=date, report_date_inferred=False, report_date_evidence=None,
                         publisher=None, url=None, title=None, claims=claims)


def _figure_agrees(p: ControlClaim, g: dict) -> bool:
    if p.area_km2 is not None and g["area_km2"] is not None and abs(p.area_km2 - g["area_km2"]) <= 0.05 * g["area_km2"]:
        return True
    if p.settlement_count is not None and p.settlement_count == g["settlement_count"]:
        return True
    if p.settlement_text and g["settlement_text"] and p.settlement_text.lower() == g["settlement_text"].lower():
        return True
    return p.fraction is not None and g["fraction"] is not None and abs(p.fraction - g["fraction"]) < 0.01


def _action(action: str, by_family: bool) -> str:
    return FAMILIES.get(action, action) if by_family else action


def _agrees(p: ControlClaim, g: dict, by_family: bool) -> bool:
    if p.side != g["side"] or _action(p.action, by_family) != _action(g["action"], by_family):
        return False
    if not (p.start < g["end"] and g["start"] < p.end) and p.quote.strip() != g["quote"].strip():
        return False  # the same words elsewhere count: a headline annotated in the Title header line
    return bool({name_key(x) for x in p.places} & {name_key(x) for x in g["places"]}) or _figure_agrees(p, g)


def score_claims(result: ArticleClaims, gold: dict, *, by_family: bool = False) -> ClaimScore:
    preds = [c for c in result.claims if c.kind == "claim"]
    golds = [g for g in gold["claims"] if g["kind"] == "claim"]
    used: set[int] = set()
    matched = as_of_gold = as_of_right = 0
    errors = []
    for g in golds:
        hit = next((i for i, p in enumerate(preds) if i not in used and _agrees(p, g, by_family)), None)
        if hit is None:
            errors.append(f"{result.path}: missed {g['side']} {g['action']} {g['places']} @{g['start']}: {g['quote'][:70]!r}")
            continue
        used.add(hit)
        matched += 1
        if g["as_of"] is not None:
            as_of_gold += 1
            p = preds[hit]
            if p.as_of is not None and abs((p.as_of - dt.date.fromisoformat(g["as_of"])).days) <= AS_OF_DAYS:
                as_of_right += 1
            else:
                errors.append(f"{result.path}: as_of {p.as_of} ({p.as_of_basis}), gold {g['as_of']} @{g['start']}")
    for i, p in enumerate(preds):
        if i not in used:
            errors.append(f"{result.path}: spurious {p.side} {p.action} {list(p.places)} @{p.start}: {p.quote[:70]!r}")
    forecasts = [g for g in gold["claims"] if g["kind"] == "forecast"]
    drawn = [g for g in forecasts
             if any(p.start < g["end"] and g["start"] < p.end and p.side == g["side"]
                    and _action(p.action, by_family) == _action(g["action"], by_family) for p in preds)
             and not any(c["start"] == g["start"] and (c["side"], c["action"]) == (g["side"], g["action"]) for c in golds)]
    errors.extend(f"{result.path}: forecast drawn as a claim @{g['start']}: {g['quote'][:70]!r}" for g in drawn)
    return ClaimScore(predicted=len(preds), gold=len(golds), matched=matched, as_of_gold=as_of_gold,
                      as_of_right=as_of_right, forecasts=len(forecasts), forecasts_drawn=len(drawn),
                      errors=tuple(errors))
