"""Claims -> a ledger per settlement: who was claimed to hold it, since when, according to whom.

Every settlement a claim names (with its own coordinate) gets one entry per claim about
it: held by UA, held by RU, or contested (fighting there: an advance into it, an attack
on it stopped). A count without names ("retook two villages") changes no settlement here;
the situation turns it into area. The ledger is the state the maps draw from: a settlement
not named again keeps its last status, and its history says since when.

>>> import datetime as dt
>>> status_of("recaptured", "RU"), status_of("lost", "UA"), status_of("advanced", "UA")
('RU', 'RU', 'contested')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kursk_map.model import ArticleClaims, ControlClaim, Place

__all__ = ["LedgerEntry", "Ledger", "build_ledger", "status_of", "claimant_group", "claim_date", "STATUSES"]

STATUSES = ("UA", "RU", "contested")

# Claimants that speak for the same institution are one voice in the situation: the Russian
# ministry's many spellings, its generals and state media; Ukraine's president and commanders.
_GROUPS = (
    ("Russian officials and state media", re.compile(
        r"russia|russian|kremlin|moscow|putin|peskov|gerasimov|shoigu|belousov|konashenkov|alaudinov|khinshtein"
        r"|smirnov|gladkov|tass|ria\b|\brt\b|sputnik|izvestia|министерств|минобороны|the ministry|defen[cs]e ministry",
        re.IGNORECASE)),
    ("Ukrainian officials", re.compile(
        r"ukrain|kyiv|kiev|zelensk|syrsk|general staff|kovalenko|lykhovyi|trehubov|budanov|yermak|podolyak|sybiha"
        r"|demchenko|генштаб|зсу|сил оборони", re.IGNORECASE)),
    ("US officials", re.compile(r"\bu\.?s\.?\b|american|washington|pentagon|white house", re.IGNORECASE)),
    ("independent trackers", re.compile(r"deepstate|\bisw\b|institute for the study of war|open-source|osint",
                                        re.IGNORECASE)),
    ("Russian military bloggers", re.compile(r"rybar|dva mayora|two majors|blogger|telegram|pro-war", re.IGNORECASE)),
)


def claimant_group(claimant: str) -> str:
    """The voice a claimant speaks with (see _GROUPS); otherwise the claimant itself."""
    for name, rx in _GROUPS[3:] + _GROUPS[:3]:  # a tracker or blogger named with a country is still one
        if rx.search(claimant):
            return name
    return re.sub(r"^the\s+", "", claimant.strip())


def status_of(action: str, side: str) -> str:
    """The status a claim gives the settlements it names."""
    if action in ("controls", "captured", "recaptured"):
        return side
    if action in ("lost", "withdrew"):
        return "RU" if side == "UA" else "UA"
    return "contested"


def claim_date(claim: ControlClaim, report: ArticleClaims) -> dt.date | None:
    """The date a claim is about: its own, else its report's (a report with no date: the latest its claims give)."""
    if claim.as_of is not None:
        return claim.as_of
    if claim.recap:
        return None  # "initially seized 1,300 km²": some time before, the text does not say when
    if report.report_date is not None:
        return report.report_date
    dates = [c.as_of for c in report.claims if c.as_of is not None]
    return max(dates) if dates else None


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One claim about one settlement."""

    place: Place
    when: dt.date
    status: str
    claim: ControlClaim
    report: ArticleClaims = field(compare=False)
    voice: str = ""

    @property
    def key(self) -> tuple:
        return (self.when, self.report.report_date or dt.date.min, self.report.path, self.claim.start,
                self.claim.action, self.place.id)


@dataclass(frozen=True)
class Ledger:
    entries: tuple[LedgerEntry, ...]

    def places(self) -> list[Place]:
        """Every settlement the ledger knows, by name."""
        return sorted({e.place.id: e.place for e in self.entries}.values(), key=lambda p: (p.name, p.id))

    def history(self, place: Place, until: dt.date | None = None) -> list[LedgerEntry]:
        """Every claim about the settlement (up to ``until``), oldest first."""
        return [e for e in self.entries if e.place.id == place.id and (until is None or e.when <= until)]

    def since(self, place: Place, until: dt.date | None = None) -> dt.date:
        """The date the settlement's last status (as of ``until``) began: claims repeating it do not move it."""
        history = self.history(place, until)
        since = history[-1].when
        for e in reversed(history):
            if e.status != history[-1].status:
                break
            since = e.when
        return since

    def status_at(self, when: dt.date, voice: str | None = None) -> dict[str, LedgerEntry]:
        """Place id -> the latest entry on or before ``when`` (of one voice, or of all)."""
        out: dict[str, LedgerEntry] = {}
        for e in self.entries:
            if e.when <= when and (voice is None or e.voice == voice):
                out[e.place.id] = e
        return out

    def holders_at(self, when: dt.date, voice: str | None = None) -> dict[str, LedgerEntry]:
        """As :meth:`status_at`, but fighting at a settlement leaves it with the side last claimed to hold it:
        the latest entry that says who holds it, where there is one, until a claim says it changed hands."""
        latest: dict[str, LedgerEntry] = {}
        firm: dict[str, LedgerEntry] = {}
        for e in self.entries:
            if e.when <= when and (voice is None or e.voice == voice):
                latest[e.place.id] = e
                if e.status != "contested":
                    firm[e.place.id] = e
        return {k: firm.get(k, e) if e.status == "contested" else e for k, e in latest.items()}


def build_ledger(reports: list[ArticleClaims]) -> Ledger:
    """The ledger of every claim of every report; the same whatever order the reports come in."""
    entries = []
    for report in reports:
        for claim in report.claims:
            when = claim_date(claim, report)
            if claim.kind != "claim" or when is None:
                continue
            for m in claim.place_mentions:
                if m.kind == "settlement" and m.precision == "settlement" and m.place.kind == "settlement" \
                        and m.role != "vicinity":
                    entries.append(LedgerEntry(m.place, when, status_of(claim.action, claim.side), claim, report,
                                               claimant_group(claim.claimant)))
    unique = {e.key: e for e in entries}
    return Ledger(tuple(sorted(unique.values(), key=lambda e: e.key)))
