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
from dataclasses import dataclass
from pathlib import Path

from kursk_map.articles.reading import web_url
from kursk_map.errors import InputError
from kursk_map.model import ACTIONS, CLAIM_KINDS, SIDES, ArticleClaims, ControlClaim

__all__ = ["Correction", "read_corrections", "apply_corrections", "CORRECTIONS_NAME"]

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
    """Read and check a corrections file; InputError names the entry and what is wrong."""
    shown = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(shown, f"cannot read corrections file ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(shown, f"corrections file is not valid JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        raise InputError(shown, "corrections file must be a GeoJSON FeatureCollection")
    out = []
    for i, feature in enumerate(data["features"]):
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):
            raise InputError(shown, f"feature #{i} has no properties")
        op = props.get("op")
        if op not in OPS:
            raise InputError(shown, f"feature #{i}: op must be one of {', '.join(OPS)}, not {op!r}")
        if not str(props.get("provenance") or "").strip():
            raise InputError(shown, f"feature #{i}: every correction needs a provenance (who made it, from what source)")
        geometry = feature.get("geometry")
        if geometry is not None and (op != "add" or geometry.get("type") not in ("Polygon", "MultiPolygon")):
            raise InputError(shown, f"feature #{i}: only an 'add' may carry a geometry, and it must be a (Multi)Polygon")
        _check(shown, i, op, props)
        out.append(Correction(op, i, shown, str(props["provenance"]).strip(), props, geometry))
    return out


def _check(shown: str, i: int, op: str, props: dict) -> None:
    def fail(reason: str):
        raise InputError(shown, f"feature #{i} ({op}): {reason}")

    values = props.get("set", {}) if op == "fix" else props
    if op in ("drop", "fix") and not (isinstance(props.get("match"), dict) and props["match"].get("file")):
        fail("needs match.file (the article's file name)")
    if op == "fix" and not (isinstance(values, dict) and values and set(values) <= set(_FIXABLE)):
        fail(f"set must hold some of {', '.join(_FIXABLE)}")
    if op == "report_date" and not props.get("file"):
        fail("needs file")
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
    for key in ("as_of", "report_date"):
        if values.get(key) is not None:
            try:
                dt.date.fromisoformat(str(values[key]))
            except ValueError:
                fail(f"{key} {values[key]!r} is not a date (YYYY-MM-DD)")


def _matches(c: ControlClaim, match: dict) -> bool:
    quote = match.get("quote")
    return ((not quote or quote in c.quote) and match.get("action") in (None, c.action)
            and match.get("side") in (None, c.side))


def apply_corrections(results: list[ArticleClaims], corrections: list[Correction]) -> list[ArticleClaims]:
    """The results with every correction applied, plus reports made only of hand-made claims."""
    by_name = {Path(r.path).name: r for r in results}
    out = {r.path: r for r in results}
    standalone: dict[tuple, list[ControlClaim]] = {}
    for c in corrections:
        if c.op == "report_date":
            r = by_name.get(Path(c.properties["file"]).name)
            if r is not None:
                r = dataclasses.replace(out[r.path], report_date=dt.date.fromisoformat(c.properties["report_date"]),
                                        report_date_inferred=False, report_date_evidence=f"correction {c.label}")
                out[r.path] = r
            continue
        if c.op in ("drop", "fix"):
            r = by_name.get(Path(c.properties["match"]["file"]).name)
            if r is None:
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
        target = by_name.get(Path(c.properties.get("file", "")).name) if c.properties.get("file") else None
        if target is not None:
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
    return merged


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
