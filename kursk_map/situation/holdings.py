"""Claims and the ledger -> what each side holds, at each date, according to each voice and to all.

Per voice (:func:`~kursk_map.situation.ledger.claimant_group`), claims are read in the order
of the dates they are about, and each sets or moves a side's figure:

- a km² figure or a number of settlements held (at :data:`KM2_PER_SETTLEMENT` each) sets it;
  "over", "at least", vague words ("several", "a number of", "dozens") and a count of
  settlements captured are lower bounds: they raise a smaller figure, never replace a better one;
- "captured two more villages" adds to the figure; "lost 40%", "freed 63%", "fully retaken"
  are shares of the same side's peak (the largest figure the same voice gave, or an undated
  recap of it: "initially seized 1,376 km²"); km² or a number of settlements retaken or lost
  are taken off the same voice's latest figure, or, told as a total "since August 6" (or as much as
  all the side still holds), off its peak (lowering the latest figure only where it is larger);
- a later claim of the same voice replaces its earlier one; voices never borrow each other's
  figures (a share of a peak only Ukraine gave is drawn in the view of all claims alone), and
  that view reads every claim, listing where voices disagree.

The area is then built from cells (:mod:`~kursk_map.situation.area`): the settlements the
ledger says the side holds (named ground; those claimed longest ago give way when a firm figure
is smaller), plus, to meet the figure, free cells taken one by one, nearest the border crossing
first (through the named ground, which seeds no growth of its own: mean IoU 0.49 against 0.33 on
124 reports), moving only through cells the other side is not claimed to hold, until the area is
within one cell of the figure.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from kursk_map.claims.sides import owner
from kursk_map.model import ArticleClaims, ControlClaim
from kursk_map.places.gazetteer import Gazetteer
from kursk_map.situation import area
from kursk_map.situation import geometry as geo
from kursk_map.situation.area import ALL, INCURSION_ORIGIN
from kursk_map.situation.cells import THEATRE_REGIONS, theatre_cells
from kursk_map.situation.ledger import Ledger, claim_date, claimant_group
from kursk_map.situation.records import DERIVATIONS, Basis, Figure, Holding

__all__ = ["Basis", "Holding", "Figure", "holdings_for", "in_theatre", "theatre_names", "KM2_PER_SETTLEMENT", "ALL",
           "INCURSION_ORIGIN", "DERIVATIONS"]

# Ukraine's own pairing of the two figures in one statement: 1,294 km² and 100 settlements
# (Syrskyi, 2024-08-27; Kyiv Independent, "Russia redeploys 30,000 troops to Kursk Oblast
# amid Ukraine's incursion, Syrskyi says"). A count of settlements becomes an area at this ratio.
KM2_PER_SETTLEMENT = 1294 / 100
_OTHER = {"UA": "RU", "RU": "UA"}
_WHOLE = re.compile(r"\b(?:fully|completely|entirely|the whole|all of|the entire|the last)\b", re.IGNORECASE)
_MORE = re.compile(r"\b(?:more|another|further|additional|new)\b", re.IGNORECASE)
# "another 5 km²", "one more settlement": ground added to what was held, whatever the verb
_MORE_GROUND = re.compile(r"\b(?:another|further|additional|(?:one|two|three|four|five|\d+) more)\s+(?:[\w.,]+\s+)?"
                          r"(?:sq|square|km|kilomet\w+|settlements?|villages?|towns?|localit(?:y|ies)|hamlets?)"
                          r"(?![a-z])",
                          re.IGNORECASE)
_LOWER = ("over", "at least", "more than")
# A count retaken or lost "since August 6" or "in total" is the whole of it since the incursion began.
_SINCE_START = re.compile(r"\b(?:since (?:the (?:start|beginning|outset)|(?:early )?august\b(?! \d{1,2}, 2025)"
                          r"|aug\.? 6|6 august|the (?:ukrainian |kursk )?(?:incursion|invasion|offensive|operation))"
                          r"|in total|to date|(?:has|have|had) since|during the (?:operation|counter-?offensive))",
                          re.IGNORECASE)
# In the view of all claims, an independent tracker's size stands against belligerents' for this long.
TRACKERS = "independent trackers"
TRACKER_DAYS = 14


@dataclass
class _State:
    """One voice's figures while its claims are read."""

    figures: dict[str, Figure | None] = field(default_factory=lambda: {"UA": None, "RU": None})
    peaks: dict[str, Figure | None] = field(default_factory=lambda: {"UA": None, "RU": None})
    sourced: dict[str, list[tuple[BaseGeometry, Basis]]] = field(default_factory=lambda: {"UA": [], "RU": []})


def holdings_for(reports: list[ArticleClaims], ledger: Ledger, gazetteer: Gazetteer) -> list[Holding]:
    """Every holding of every voice and of all claims, at every date one of them changes."""
    items = sorted(((claim_date(c, r), r.report_date or dt.date.min, r.path, c.start, c.action, c, r)
                    for r in reports for c in r.claims if c.kind == "claim" and claim_date(c, r) is not None),
                   key=lambda x: x[:5])
    voices = sorted({claimant_group(c.claimant) for *_, c, _ in items})
    theatre = theatre_names(gazetteer)
    items = [x for x in items if in_theatre(x[5], theatre)]
    # Undated recaps ("initially seized about 1,376 km²") say how much a side once held: its peak.
    recaps = [(claimant_group(c.claimant), c, r) for r in reports for c in r.claims
              if c.kind == "claim" and c.recap and claim_date(c, r) is None and _action(c) in ("controls", "captured")
              and in_theatre(c, theatre)]
    cells = theatre_cells(gazetteer)
    in_ledger = {id(e.claim) for e in ledger.entries}
    out: list[Holding] = []
    for voice in [*voices, ALL]:
        mine = [x for x in items if voice == ALL or claimant_group(x[5].claimant) == voice]
        known = [(c, r) for v, c, r in recaps if voice in (ALL, v)]
        out.extend(_holdings(voice, mine, known, ledger, in_ledger, gazetteer, cells))
    return _with_disagreements(out)


def _holdings(voice, items, recaps, ledger, in_ledger, gazetteer, cells) -> list[Holding]:
    state = _State()
    for claim, report in recaps:
        km2, lower = _size(claim)
        if km2 is not None and not lower:
            _raise_peak(state, claim.side, Figure(km2, False, (Basis(claim, report, "peak"),)))
    out: list[Holding] = []
    last: dict[str, Holding] = {}
    told: set[tuple] = set()
    for when, *_, claim, report in items:
        # The same figure for the same day, said twice (a ministry and its general, two outlets
        # retelling one statement), is one claim: "retook two villages" twice is not four.
        # A figure told by two voices a day apart ("liberated 10 settlements over the past two days", "on September
        # 13 the ministry reported the liberation of 10 communities") is one event too, whatever places each names,
        # unless it says it is more ("two more villages").
        size = (claim.area_km2, claim.settlement_count, claim.settlement_range, claim.fraction)
        sized = any(x is not None for x in size)
        places = () if sized else tuple(sorted({m.place.id for m in claim.place_mentions}))
        event = (claim.side, claim.action, *size, places)
        days = (when - dt.timedelta(days=1), when, when + dt.timedelta(days=1)) \
            if sized and not _MORE.search(claim.quote) else (when,)
        repeated = any((d, *event) in told for d in days) and claim.geometry is None
        told.add((when, *event))
        moved = not repeated and _apply(claim, report, state, prefer_trackers=voice == ALL)
        if not moved and id(claim) not in in_ledger:
            continue
        for side in ("RU", "UA"):  # a village changing hands changes both sides' ground
            holding = area.holding(voice, side, when, state.figures[side], state.sourced[side], ledger, gazetteer,
                                   cells)
            previous = last.get(side)
            if previous is not None and previous.date == when:
                out[out.index(previous)] = holding
            elif previous is None and holding.geometry is None:
                continue  # nothing held, nothing said yet
            elif previous is not None and _same(holding, previous):
                continue
            else:
                out.append(holding)
            last[side] = holding
    return out


def theatre_names(gazetteer: Gazetteer) -> frozenset[str]:
    """The names of the oblasts the cells cover."""
    return frozenset(p.name for p in gazetteer.places if p.id in THEATRE_REGIONS)


def in_theatre(claim: ControlClaim, theatre: frozenset[str]) -> bool:
    """Whether a claim's ground is the theatre the cells cover: its oblasts, or Russian territory at large
    (where the incursion is). "Took almost 4,500 km² in Ukraine in 2024" or "610 km² in the Donetsk region"
    is the wider war; its figure is no side's holding here (the claim is listed as not drawn)."""
    mentions = claim.place_mentions
    return not mentions or any(m.place.id in THEATRE_REGIONS or m.place.id == "country:RU"
                               or m.place.name in theatre or m.place.admin1 in theatre for m in mentions)


def _same(a: Holding, b: Holding) -> bool:
    return (a.area_km2, a.settlements, a.figure and a.figure.km2, a.lower_bound) == \
        (b.area_km2, b.settlements, b.figure and b.figure.km2, b.lower_bound)


def _raise_peak(state: _State, side: str, figure: Figure) -> None:
    peak = state.peaks[side]
    if not figure.lower_bound and (peak is None or figure.km2 > peak.km2):
        state.peaks[side] = figure


def _apply(claim: ControlClaim, report: ArticleClaims, state: _State, *, prefer_trackers: bool = False) -> bool:
    """Move the figures by one claim; whether it changed any. With ``prefer_trackers`` (the view of
    all claims) a belligerent's size does not replace an independent tracker's of the fortnight before."""
    side, other = claim.side, _OTHER[claim.side]
    basis = Basis(claim, report, "")

    def put(s: str, km2: float, lower: bool, gives: str, *before: Basis) -> bool:
        current = state.figures[s]
        if lower and current is not None and current.km2 >= km2:
            return False  # a vague "several villages" never shrinks a better figure
        if prefer_trackers and gives in ("figure", "lower bound") and _tracker_in_force(current, claim, report):
            return False
        figure = Figure(round(max(0.0, km2), 3), lower, (*before, dataclasses.replace(basis, gives=gives)))
        state.figures[s] = figure
        _raise_peak(state, s, figure)
        return True

    if claim.geometry is not None:
        return _apply_sourced(claim, basis, state)
    km2, lower = _size(claim)
    current, peak = state.figures, state.peaks
    action = _action(claim)
    if action in ("controls", "captured"):
        if km2 is not None and (action == "captured" and claim.area_km2 is None and _MORE.search(claim.quote)
                                or _MORE_GROUND.search(claim.quote)):
            base = current[side]
            if base is not None:  # "captured two more villages", "took another 5 km²": more than before
                return put(side, base.km2 + km2, base.lower_bound or lower, "added", *base.basis)
            return put(side, km2, True, "lower bound")
        if km2 is not None:
            # a count of villages captured tells at least that much ground, not all of it
            lower = lower or (action == "captured" and claim.area_km2 is None)
            return put(side, km2, lower, "lower bound" if lower else "figure")
        if claim.fraction is not None and peak[side] is not None:
            return put(side, claim.fraction * peak[side].km2, False, "share", *peak[side].basis)
        return False
    if action == "recaptured":
        whole = claim.fraction is None and km2 is None and _WHOLE.search(claim.quote) is not None \
            and any(m.kind == "region" for m in claim.place_mentions)
        if whole:
            return put(other, 0.0, False, "share")
        return _taken_off(other, claim, km2, lower, current, peak, put)
    if action in ("lost", "withdrew"):
        return _taken_off(side, claim, km2, lower, current, peak, put)
    return False


def _taken_off(s: str, claim: ControlClaim, km2: float | None, lower: bool, current, peak, put) -> bool:
    """Ground side ``s`` lost, retaken from it or given up: a share of its peak, a total since the start
    (off the peak), or the latest step (off its latest figure)."""
    if claim.fraction is not None and peak[s] is not None:
        return put(s, peak[s].km2 * (1 - claim.fraction), False, "share", *peak[s].basis)
    if km2 is not None and peak[s] is not None and km2 > peak[s].km2 * 1.05:
        return False  # "lost up to 3,600 km² during 2024" is more than the side ever held here: other ground
    if km2 is not None and (_SINCE_START.search(claim.quote) or _more_than_held(s, km2, current, peak)):
        return _of_peak(s, km2, current, peak, put)
    return _subtract(s, km2, lower, current, put)


def _action(claim: ControlClaim) -> str:
    """What a claim does to the figures: a side capturing ground in its own country ("Russia has seized two
    villages in the Kursk region") retakes it."""
    if claim.action == "captured" and owner(claim.place_mentions) == claim.side:
        return "recaptured"
    return claim.action


def _tracker_in_force(current: Figure | None, claim: ControlClaim, report: ArticleClaims) -> bool:
    """Whether ``current`` is an independent tracker's figure of at most TRACKER_DAYS before the claim,
    and the claim is not a tracker's."""
    if current is None or claimant_group(claim.claimant) == TRACKERS:
        return False
    last = current.basis[-1]
    if claimant_group(last.claim.claimant) != TRACKERS:
        return False
    then, now = claim_date(last.claim, last.report), claim_date(claim, report)
    return then is not None and now is not None and (now - then).days <= TRACKER_DAYS


def _more_than_held(side: str, km2: float, current, peak) -> bool:
    """Whether ground retaken or lost is at least all the side still holds, and less than its peak: told as a
    total since the start ("801 km² had been taken" when 560 are left), not as the latest step."""
    now, top = current[side], peak[side]
    return now is not None and not now.lower_bound and top is not None and now.km2 <= km2 < top.km2


def _of_peak(side: str, km2: float, current, peak, put) -> bool:
    """ "Retaken 32 settlements since August 6": a total since the start, so the side holds at most its peak
    less that. A figure already below it (earlier retakings lowered it) stands; a larger one comes down to it."""
    base, now = peak[side], current[side]
    if base is None:
        return False
    if now is not None and not now.lower_bound and now.km2 <= base.km2 - km2:
        return False
    return put(side, base.km2 - km2, False, "subtracted", *base.basis)


def _subtract(side: str, km2: float | None, lower: bool, current, put) -> bool:
    base = current[side]
    if km2 is None or lower or base is None or base.lower_bound or base.km2 <= 0:
        return False  # nothing firm to take it from: the named settlements still change hands
    return put(side, base.km2 - km2, False, "subtracted", *base.basis)


def _apply_sourced(claim: ControlClaim, basis: Basis, state: _State) -> bool:
    """A geometry from the corrections file: held ground for its side, taken from the other."""
    metric = geo.to_metric(shapely.make_valid(shape(claim.geometry)))
    gives = dataclasses.replace(basis, gives="sourced")
    taker = claim.side if claim.action in ("controls", "captured", "recaptured") else _OTHER[claim.side]
    loser = _OTHER[taker]
    state.sourced[taker] = [*state.sourced[taker], (metric, gives)]
    state.sourced[loser] = [(g.difference(metric), b) for g, b in state.sourced[loser]
                            if not g.difference(metric).is_empty]
    return True


def _size(claim: ControlClaim) -> tuple[float | None, bool]:
    """The km² a claim gives, and whether it is only a lower bound."""
    if claim.area_km2 is not None:
        return claim.area_km2, claim.area_qualifier in _LOWER
    if claim.settlement_count is not None:
        return claim.settlement_count * KM2_PER_SETTLEMENT, False
    if claim.settlement_range is not None and claim.settlement_range[0]:
        return claim.settlement_range[0] * KM2_PER_SETTLEMENT, True
    return None, False


def _with_disagreements(holdings: list[Holding]) -> list[Holding]:
    """The all-claims view says where voices disagree: the latest figure of each voice from a fortnight
    before the holding until the next one, when the largest is more than a quarter above the smallest."""
    by_side: dict[str, list[Holding]] = {"UA": [], "RU": []}
    for h in holdings:
        if h.voice != ALL and h.figure is not None and not h.figure.lower_bound:
            by_side[h.side].append(h)
    next_date: dict[int, dt.date] = {}
    for side in ("UA", "RU"):
        mine = sorted((h for h in holdings if h.voice == ALL and h.side == side), key=lambda h: h.date)
        for a, b in zip(mine, mine[1:]):
            next_date[id(a)] = b.date
    out = []
    for h in holdings:
        if h.voice != ALL or h.figure is None:
            out.append(h)
            continue
        until = next_date.get(id(h), dt.date.max)
        latest: dict[str, Holding] = {}
        for o in by_side[h.side]:
            if (h.date - o.date).days <= 14 and o.date < until:
                latest[o.voice] = o
        values = sorted((o.figure.km2, v, o.date) for v, o in latest.items())
        notes: tuple[str, ...] = ()
        if len(values) > 1 and values[-1][0] > 1.25 * max(values[0][0], 1.0):
            notes = tuple(f"{v}: {km2:,.0f} km² ({d.isoformat()})" for km2, v, d in values)
        out.append(dataclasses.replace(h, disagreements=notes))
    return out
