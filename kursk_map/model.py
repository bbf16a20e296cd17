"""Frozen records shared by every stage of the pipeline.

Every record remembers where it came from: the article's path, a character
span into the article's text, and (for gazetteer places) the source of the
coordinate. Dicts appear only at the edges (JSON, CSV, GeoJSON).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kursk_map.errors import printable

__all__ = ["Notice", "ArticleMeta", "Article", "Place", "Span", "PlaceMention", "GeoparseResult",
           "ControlClaim", "ArticleClaims", "KINDS", "PRECISIONS", "ROLES", "CLAIM_KINDS", "SIDES", "ACTIONS"]

KINDS = ("settlement", "district", "region", "country", "river", "other")
PRECISIONS = ("settlement", "district", "region")
ROLES = ("location", "actor")
CLAIM_KINDS = ("claim", "forecast", "context")
SIDES = ("UA", "RU")
ACTIONS = ("controls", "captured", "recaptured", "lost", "withdrew", "advanced", "halted")


@dataclass(frozen=True, slots=True)
class Notice:
    """Something wrong with an input that did not stop it being used: one line for the user."""

    path: str
    reason: str

    def __str__(self) -> str:
        return printable(f"{self.path}: {self.reason}")


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What is known about an article besides its text, and how it is known."""

    title: str | None = None
    publisher: str | None = None
    date: dt.date | None = None
    url: str | None = None
    author: str | None = None
    date_inferred: bool = False
    date_evidence: str | None = None  # the header line, sidecar or text the date came from


@dataclass(frozen=True, slots=True)
class Article:
    """A decoded article file.

    ``text`` is the whole file (header block included, newlines normalised to
    ``\\n``), so that every character offset the tool reports points into what
    the user sees when opening the file. ``body_start`` is where the text
    after the header block begins; ``boilerplate`` lists the spans of page
    chrome and appeals that no stage may read a place or a claim from.
    """

    path: str
    text: str
    meta: ArticleMeta
    body_start: int = 0
    boilerplate: tuple[tuple[int, int], ...] = ()
    encoding: str = "utf-8"
    notices: tuple[Notice, ...] = field(default=(), compare=False)  # metadata ignored, and why

    def in_boilerplate(self, start: int, end: int) -> bool:
        return start < self.body_start or any(s < end and start < e for s, e in self.boilerplate)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``lat``/``lon`` in degrees (WGS 84)."""

    id: str
    name: str
    kind: str
    precision: str
    lat: float
    lon: float
    country: str = ""
    admin1: str = ""
    district: str = ""
    population: int = 0
    names: tuple[str, ...] = field(default=(), compare=False)
    source: str = field(default="", compare=False)
    also_ids: tuple[str, ...] = field(default=(), compare=False)  # the same place's ids in the other sources


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article's text."""

    surface: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A mention resolved to a gazetteer place, and what it stands for there.

    ``role`` is ``actor`` when the name stands for a government or army
    ("Kiev's forces", "Moscow ruled out"): such mentions are never drawn. In a claim,
    ``vicinity`` is a settlement that only says where the claimed ground is ("regained
    positions near Vovchansk"): the claim is drawn there but says nothing of its status.
    ``precision`` can be coarser than the place's own when the mention is
    placed only by its context ("X in the Kursk region").
    """

    span: Span
    place: Place
    role: str
    precision: str
    name: str  # the canonical name reported; the surface itself for a context-placed village
    kind: str


@dataclass(frozen=True, slots=True)
class GeoparseResult:
    """Everything the geoparser found in one article."""

    path: str
    places: tuple[PlaceMention, ...]
    unresolved: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class ControlClaim:
    """One claim of territorial control, as an article reports it.

    ``side`` is the force the claim is about, not the claimant's. ``places``
    are canonical gazetteer names; ``place_mentions`` the resolved mentions
    behind them (coordinates for the map). ``as_of`` is the date the claim is
    about and ``as_of_basis`` says how it was found. ``origin`` is
    ``extracted`` or the corrections file and entry a hand-made claim came
    from; ``geometry`` (GeoJSON, EPSG:4326) is set only by such a file.
    """

    kind: str
    claimant: str
    sources: tuple[str, ...]
    side: str
    action: str
    places: tuple[str, ...]
    area_km2: float | None
    settlement_count: int | None
    fraction: float | None
    as_of: dt.date | None
    hedged: bool
    quote: str
    start: int
    end: int
    area_qualifier: str | None = None
    settlement_text: str | None = None
    settlement_range: tuple[int, int | None] | None = None
    as_of_basis: str = ""
    place_mentions: tuple[PlaceMention, ...] = field(default=(), compare=False)
    origin: str = "extracted"
    geometry: dict | None = field(default=None, compare=False)
    recap: bool = False  # tells earlier events (a recap with a figure or settlement: its as_of is the text's)


@dataclass(frozen=True, slots=True)
class ArticleClaims:
    """Every claim found in one article, with the article's dating."""

    path: str
    report_date: dt.date | None
    report_date_inferred: bool
    report_date_evidence: str | None
    publisher: str | None
    url: str | None
    title: str | None
    claims: tuple[ControlClaim, ...]
    mentions: tuple[PlaceMention, ...] = field(default=(), compare=False)  # every place named as a location
