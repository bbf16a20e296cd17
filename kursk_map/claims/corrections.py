"""The user's own claims file: hand-made claims and fixes that override extraction.

A corrections file is a GeoJSON FeatureCollection (it opens in QGIS, so an
area can be drawn there). Each feature's ``properties.op`` says what it does:

``add``
    A hand-made claim. Its geometry (Polygon or MultiPolygon, EPSG:4326), if
    any, is drawn as a ``sourced`` area. Properties: ``side``, ``action``,
    ``claimant``, ``sources``, ``as_of``, ``quote``, ``provenance`` (required),
    and either ``file`` (the article it belongs to, by file name) or
    ``report_date`` and ``publisher`` (a report of its own), optional
    ``url``, ``places``, ``area_km2``, ``settlement_count``, ``fraction``, ``kind``.
``drop``
    Removes the extracted claims that ``match`` (see below).
``fix``
    Sets fields (``set``: ``as_of``, ``side``, ``action``, ``kind``, ``places``,
    ``claimant``, ``sources``, ``area_km2``, ``settlement_count``, ``fraction``,
    ``hedged``) on the extracted claims that ``match``.
``report_date``
    Gives an article (``file``) the report date its text does not state.

``match`` is ``{"file": "003_x.txt", "quote": "words from the sentence",
"action": "...", "side": "..."}``; ``quote``, ``action`` and ``side`` are
optional filters. Every entry needs ``provenance``: who made it and from what
public source. A claim it touches records it in ``origin``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from dataclasses import dataclass
from pathlib import Path

from kursk_map.articles.reading import web_url
from kursk_map.claims.checks import check_fields, check_geometry
from kursk_map.errors import InputError
from kursk_map.model import ACTIONS, CLAIM_KINDS, SIDES, ArticleClaims, ControlClaim

__all__ = ["Correction", "read_corrections", "load_corrections", "apply_corrections", "CORRECTIONS_NAME"]

CORRECTIONS_NAME = "corrections.geojson"
OPS = ("add", "drop", "fix", "report_date")
_FIXABLE = ("as_of", "side", "action", "kind", "places", "claimant", "sources", "area_km2", "settlement_count",
            "fraction", "hedged")


@dataclass(frozen=True, slots=True)
class Correction:
    op: str
    index: int
    source: str                       # the corrections file
    provenance: str
    properties: dict = dataclasses.field(compare=False)
    geometry: dict | None = dataclasses.field(default=None, compare=False)

    @property
    def label(self) -> str:
        return f"{self.source} #{self.index}: {self.provenance}"


def read_corrections(path: str | Path) -> list[Correction]:
    """Read and check a corrections file; the first bad entry raises InputError naming it."""
    entries, problems = load_corrections(path)
    if problems:
        raise problems[0]
    return entries


def load_corrections(path: str | Path) -> tuple[list[Correction], list[InputError]]:
    """The good entries of a corrections file, and one InputError per bad one (naming it and why):
    a bad entry is left out, the others still apply. A file that cannot be read at all is one error."""
    shown = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        return [], [InputError(shown, f"cannot read corrections file ({exc.strerror or exc})")]
    except (UnicodeDecodeError, ValueError) as exc:
        return [], [InputError(shown, f"corrections file is not valid JSON ({exc})")]
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        return [], [InputError(shown, "corrections file must be a GeoJSON FeatureCollection")]
    out, problems = [], []
    for i, feature in enumerate(data["features"]):
        try:
            out.append(_entry(shown, i, feature))
        except InputError as exc:
            problems.append(exc)
    return out, problems


def _has_non_finite(value) -> bool:
    """NaN or Infinity anywhere in a parsed entry (Python's JSON reader accepts them; JSON does not)."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(_has_non_finite(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_non_finite(v) for v in value)
    return False


def _entry(shown: str, i: int, feature) -> Correction:
    props = feature.get("properties") if isinstance(feature, dict) else None
    if not isinstance(props, dict):
        raise InputError(shown, f"feature #{i} has no properties: entry skipped")
    op = props.get("op")
    if op not in OPS:
        raise InputError(shown, f"feature #{i}: op must be one of {', '.join(OPS)}, not {str(op)[:40]!r}: "
                                f"entry skipped")

    def fail(reason: str):
        raise InputError(shown, f"feature #{i} ({op}): {reason}: entry skipped")

    if _has_non_finite(feature):
        fail("NaN or Infinity is not a number JSON allows")
    if not isinstance(props.get("provenance"), str) or not props["provenance"].strip():
        fail("every correction needs a provenance (who made it, from what source)")
    geometry = feature.get("geometry")
    if geometry is not None:
        if op != "add":
            fail("only an 'add' may carry a geometry")
        check_geometry(geometry, fail)
    _check(op, props, fail)
    return Correction(op, i, shown, props["provenance"].strip(), props, geometry)


def _check(op: str, props: dict, fail) -> None:
    values = props.get("set", {}) if op == "fix" else props
    if not isinstance(values, dict):
        fail("set must be an object")
    check_fields(props, fail)
    if op == "fix":
        check_fields(values, fail)
    if op in ("drop", "fix") and not (isinstance(props.get("match"), dict) and props["match"].get("file")):
        fail("needs match.file (the article's file name)")
    if op == "fix" and not (values and set(values) <= set(_FIXABLE)):
        fail(f"set must hold some of {', '.join(_FIXABLE)}")
    if op == "report_date" and not (props.get("file") and props.get("report_date")):
        fail("needs file and report_date")
    if op == "add":
        for key in ("side", "action", "claimant", "as_of"):
            if not props.get(key):
                fail(f"needs {key}")
        if not props.get("file") and not (props.get("report_date") and props.get("publisher")):
            fail("needs file, or report_date and publisher")
    if values.get("url") is not None and web_url(values["url"]) is None:
        fail(f"url {str(values['url'])[:80]!r} is not an http or https address")
    for key, allowed in (("side", SIDES), ("action", ACTIONS), ("kind", CLAIM_KINDS)):
        if key in values and values[key] not in allowed:
            fail(f"{key} must be one of {', '.join(allowed)}")


def _matches(c: ControlClaim, match: dict) -> bool:
    quote = match.get("quote")
    return ((not quote or quote in c.quote) and match.get("action") in (None, c.action)
            and match.get("side") in (None, c.side))


def apply_corrections(results: list[ArticleClaims], corrections: list[Correction]) -> list[ArticleClaims]:
    """The results with every correction applied, plus reports made only of hand-made claims."""
    return apply_checked(results, corrections)[0]


def apply_checked(results: list[ArticleClaims], corrections: list[Correction]) -> tuple[list[ArticleClaims],
                                                                                       list[InputError]]:
    """:func:`apply_corrections`, and one InputError per entry about an article the batch does not have."""
    by_name = {Path(r.path).name: r for r in results}
    out = {r.path: r for r in results}
    problems = []
    standalone: dict[tuple, list[ControlClaim]] = {}

    def missing(c: Correction, name: str) -> None:
        problems.append(InputError(c.source, f"feature #{c.index} ({c.op}): no article {name!r} among the files "
                                             f"read: entry skipped"))

    for c in corrections:
        if c.op == "report_date":
            r = by_name.get(c.properties["file"])
            if r is None:
                missing(c, c.properties["file"])
                continue
            out[r.path] = dataclasses.replace(out[r.path], report_date=dt.date.fromisoformat(c.properties["report_date"]),
                                              report_date_inferred=False, report_date_evidence=f"correction {c.label}")
            continue
        if c.op in ("drop", "fix"):
            r = by_name.get(c.properties["match"]["file"])
            if r is None:
                missing(c, c.properties["match"]["file"])
                continue
            current = out[r.path]
            claims = []
            for claim in current.claims:
                if not _matches(claim, c.properties["match"]):
                    claims.append(claim)
                elif c.op == "fix":
                    claims.append(_fixed(claim, c))
            out[r.path] = dataclasses.replace(current, claims=tuple(claims))
            continue
        claim = _added(c)
        if c.properties.get("file"):
            target = by_name.get(c.properties["file"])
            if target is None:
                missing(c, c.properties["file"])
                continue
            current = out[target.path]
            out[target.path] = dataclasses.replace(current, claims=current.claims + (claim,))
        else:
            key = (c.source, c.properties["report_date"], c.properties["publisher"], c.properties.get("url"))
            standalone.setdefault(key, []).append(claim)
    merged = list(out.values())
    for (source, date, publisher, url), claims in standalone.items():
        merged.append(ArticleClaims(path=source, report_date=dt.date.fromisoformat(date), report_date_inferred=False,
                                    report_date_evidence=f"corrections file {source}", publisher=publisher, url=url,
                                    title=None, claims=tuple(claims)))
    return merged, problems


def _fixed(claim: ControlClaim, c: Correction) -> ControlClaim:
    values = dict(c.properties["set"])
    changes: dict = {}
    for key, value in values.items():
        if key == "as_of":
            changes[key] = dt.date.fromisoformat(value) if value else None
            changes["as_of_basis"] = f"correction {c.label}"
        elif key in ("places", "sources"):
            changes[key] = tuple(value)
        else:
            changes[key] = value
    return dataclasses.replace(claim, origin=f"{claim.origin}; corrected by {c.label}", **changes)


def _added(c: Correction) -> ControlClaim:
    p = c.properties
    quote = str(p.get("quote") or f"(hand-made claim: {c.provenance})")
    return ControlClaim(
        kind=p.get("kind", "claim"), claimant=str(p["claimant"]), sources=tuple(p.get("sources") or (p["claimant"],)),
        side=p["side"], action=p["action"], places=tuple(p.get("places") or ()), area_km2=p.get("area_km2"),
        settlement_count=p.get("settlement_count"), fraction=p.get("fraction"),
        as_of=dt.date.fromisoformat(p["as_of"]), hedged=bool(p.get("hedged", False)), quote=quote, start=0, end=0,
        as_of_basis=f"correction {c.label}", origin=f"hand-made: {c.label}", geometry=c.geometry)
