"""Records -> the dicts and text the CLI prints (the JSON shapes other tools read)."""

from __future__ import annotations

import csv
import functools
import json

from shapely.geometry import mapping

from kursk_map.errors import GazetteerError, printable
from kursk_map.model import ArticleClaims, ControlClaim, GeoparseResult, PlaceMention
from kursk_map.situation.holdings import Holding
from kursk_map.situation.ledger import Ledger, LedgerEntry
from kursk_map.situation.state import Situation

__all__ = ["place_to_json", "places_to_json", "places_table", "claim_to_json", "claims_to_json", "claims_csv_rows",
           "write_claims_csv", "claims_to_geojson", "CLAIM_CSV_FIELDS", "holding_feature", "situation_to_geojson",
           "ledger_to_json", "write_ledger_csv", "LEDGER_CSV_FIELDS", "csv_cell"]


def place_to_json(m: PlaceMention) -> dict:
    return {"surface": m.span.surface, "start": m.span.start, "end": m.span.end, "name": m.name,
            "kind": m.kind, "lat": m.place.lat, "lon": m.place.lon, "id": m.place.id,
            "role": m.role, "precision": m.precision}


def places_to_json(shown_path: str, result: GeoparseResult) -> dict:
    return {"file": shown_path,
            "places": [place_to_json(m) for m in result.places],
            "unresolved": [{"surface": s.surface, "start": s.start, "end": s.end} for s in result.unresolved]}


def places_table(shown_path: str, result: GeoparseResult) -> str:
    lines = [printable(f"== {shown_path}: {len(result.places)} places, {len(result.unresolved)} unresolved")]
    header = ("span", "surface", "name", "kind", "role", "precision", "lat", "lon")
    rows = [(f"{m.span.start}-{m.span.end}", m.span.surface, m.name, m.kind, m.role, m.precision,
             f"{m.place.lat:.4f}", f"{m.place.lon:.4f}") for m in result.places]
    rows += [(f"{s.start}-{s.end}", s.surface, "(unresolved)", "", "", "", "", "") for s in result.unresolved]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        lines.append(printable("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip()))
    return "\n".join(lines) + "\n"


# --- claims ---------------------------------------------------------------------------------------

CLAIM_CSV_FIELDS = ("file", "report_date", "report_date_inferred", "publisher", "url", "kind", "claimant", "sources",
                    "side", "action", "places", "area_km2", "area_qualifier", "settlement_count", "settlement_text",
                    "fraction", "as_of", "as_of_basis", "hedged", "origin", "quote", "start", "end")


def claim_to_json(c: ControlClaim) -> dict:
    """The interface's claim object, then the fields that keep what the figures left out."""
    return {"kind": c.kind, "claimant": c.claimant, "sources": list(c.sources), "side": c.side, "action": c.action,
            "places": list(c.places), "area_km2": c.area_km2, "settlement_count": c.settlement_count,
            "fraction": c.fraction, "as_of": _iso(c.as_of), "hedged": c.hedged, "quote": c.quote,
            "start": c.start, "end": c.end,
            "area_qualifier": c.area_qualifier, "settlement_text": c.settlement_text,
            "settlement_range": list(c.settlement_range) if c.settlement_range else None,
            "as_of_basis": c.as_of_basis, "origin": c.origin}


def claims_to_json(shown_path: str, result: ArticleClaims) -> dict:
    return {"file": shown_path, "report_date": _iso(result.report_date),
            "report_date_inferred": result.report_date_inferred, "publisher": result.publisher, "url": result.url,
            "claims": [claim_to_json(c) for c in result.claims],
            "report_date_evidence": result.report_date_evidence, "title": result.title}


def claims_csv_rows(shown_path: str, result: ArticleClaims) -> list[dict]:
    rows = []
    for c in result.claims:
        j = claim_to_json(c)
        rows.append({**{k: j.get(k) for k in CLAIM_CSV_FIELDS}, "file": shown_path,
                     "report_date": _iso(result.report_date), "report_date_inferred": result.report_date_inferred,
                     "publisher": result.publisher or "", "url": result.url or "",
                     "sources": " > ".join(c.sources), "places": "; ".join(c.places)})
    return rows


def write_claims_csv(stream, pairs) -> None:
    writer = csv.DictWriter(stream, fieldnames=CLAIM_CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for shown, result in pairs:
        for row in claims_csv_rows(shown, result):
            writer.writerow({k: csv_cell(v) for k, v in row.items()})


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: a text beginning with = + - @ (a formula to Excel,
    LibreOffice and Sheets) gets a leading apostrophe; numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def claims_to_geojson(pairs) -> dict:
    """Every claim as a feature, for QGIS: at its settlements (MultiPoint), else the outline of the
    region it names, else its district's centre (Point); a claim that names only a country, or
    nothing, has no geometry. ``geometry_note`` says which (lon/lat, EPSG:4326)."""
    features = []
    for shown, result in pairs:
        for c in result.claims:
            geometry, note = _claim_geometry(c)
            props = {"file": shown, "report_date": _iso(result.report_date), "publisher": result.publisher,
                     "url": result.url, **claim_to_json(c), "geometry_note": note}
            props["sources"] = " > ".join(c.sources)
            props["places"] = "; ".join(c.places)
            props["settlement_range"] = json.dumps(props["settlement_range"]) if props["settlement_range"] else None
            features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def _claim_geometry(c: ControlClaim) -> tuple[dict | None, str]:
    if c.geometry is not None:
        return c.geometry, "the geometry given in the corrections file"
    settlements = _points(m for m in c.place_mentions if m.kind == "settlement" and m.precision == "settlement")
    if settlements:
        return {"type": "MultiPoint", "coordinates": settlements}, "the settlements the claim names"
    for m in c.place_mentions:
        if m.kind == "region" and m.place.id.startswith("ne:"):
            try:
                return _outline(m.place.id), f"the outline of {m.place.name}, the region the claim names"
            except GazetteerError:  # only the border oblasts and a few more have an outline committed
                return ({"type": "Point", "coordinates": [round(m.place.lon, 5), round(m.place.lat, 5)]},
                        f"the centre of {m.place.name}, the region the claim names (no outline in the gazetteer)")
    districts = _points(m for m in c.place_mentions if m.kind in ("district", "settlement"))
    if districts:
        return {"type": "MultiPoint", "coordinates": districts}, "district centres: the claim names only districts"
    if any(m.kind == "country" for m in c.place_mentions):
        return None, "names only a country: no geometry"
    return None, "names no place"


@functools.lru_cache(maxsize=64)
def _outline(region_id: str) -> dict:
    """A region's display outline as GeoJSON (worked out once per region: many claims share it)."""
    from kursk_map.situation import geometry as geo

    return mapping(geo.simplified(geo.region_outline(region_id), tolerance_m=500))


def _points(mentions) -> list[list[float]]:
    out = []
    for m in mentions:
        point = [round(m.place.lon, 5), round(m.place.lat, 5)]
        if point not in out:
            out.append(point)
    return out


# --- the situation -----------------------------------------------------------------------------

def holding_feature(h: Holding | None, *, date=None, side: str = "", voice: str = "", **extra) -> dict:
    """A holding as a GeoJSON feature (EPSG:4326) with every claim it rests on; ``None``: nothing held."""
    if h is None:
        props = {"date": _iso(date), "side": side, "claimant": voice, "area_km2": 0.0, "settlements": [],
                 "claims": [], "derivation": "none", **extra, "method": "nothing held", "named_km2": 0.0,
                 "fill_km2": 0.0, "figure_km2": None, "figure_is_lower_bound": False, "disagreements": []}
        return {"type": "Feature", "geometry": None, "properties": props}
    claims = [{"claimant": b.claim.claimant, "report": b.report.path, "quote": b.claim.quote, "gives": b.gives,
               "sources": list(b.claim.sources), "publisher": b.report.publisher, "url": b.report.url,
               "side": b.claim.side, "action": b.claim.action, "as_of": _iso(b.claim.as_of)} for b in h.basis]
    props = {"date": _iso(date or h.date), "side": h.side, "claimant": h.voice, "area_km2": h.area_km2,
             "settlements": list(h.settlements), "claims": claims, "derivation": h.derivation, **extra,
             "method": h.method, "named_km2": h.named_km2, "fill_km2": h.fill_km2,
             "figure_km2": round(h.figure.km2, 1) if h.figure else None,
             "figure_is_lower_bound": h.lower_bound, "disagreements": list(h.disagreements)}
    if date is not None and date != h.date:
        props["held_since"] = h.date.isoformat()
    return {"type": "Feature", "geometry": mapping(h.geometry) if h.geometry is not None else None,
            "properties": props}


def situation_to_geojson(situation: Situation) -> dict:
    """situation.geojson: per claimant (and ``all``), at every date its situation changes, one feature
    per side: the area that side holds from that date until the claimant's next change (``until``)."""
    features = []
    for voice in situation.voices():
        dates = situation.dates(voice)
        for i, when in enumerate(dates):
            held = situation.at(when, voice, empty=True)
            until = dates[i + 1].isoformat() if i + 1 < len(dates) else None
            for side in ("UA", "RU"):
                h = held.get(side)
                h = h if h is not None and h.geometry is not None else None
                features.append(holding_feature(h, date=when, side=side, voice=voice, until=until))
    return {"type": "FeatureCollection", "features": features}


def ledger_to_json(ledger: Ledger) -> list[dict]:
    """Every settlement a claim names: its last claimed status, since when, and its whole history."""
    out = []
    for place in ledger.places():
        history = ledger.history(place)
        out.append({"settlement": place.name, "id": place.id, "lat": place.lat, "lon": place.lon,
                    "district": place.district, "region": place.admin1, "status": history[-1].status,
                    "since": ledger.since(place).isoformat(),
                    "history": [_entry_json(e) for e in history]})
    return out


def _entry_json(e: LedgerEntry) -> dict:
    c, r = e.claim, e.report
    return {"date": e.when.isoformat(), "status": e.status, "claimant": c.claimant, "voice": e.voice,
            "sources": list(c.sources), "side": c.side, "action": c.action, "hedged": c.hedged,
            "report": r.path, "publisher": r.publisher, "report_date": _iso(r.report_date), "url": r.url,
            "quote": c.quote}


LEDGER_CSV_FIELDS = ("settlement", "id", "lat", "lon", "date", "status", "claimant", "voice", "sources", "side",
                     "action", "hedged", "report", "publisher", "report_date", "url", "quote")


def write_ledger_csv(stream, ledger: Ledger) -> None:
    """One row per claim about a settlement, by settlement and date."""
    writer = csv.DictWriter(stream, fieldnames=LEDGER_CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for place in ledger.places():
        for e in ledger.history(place):
            row = {"settlement": place.name, "id": place.id, "lat": place.lat, "lon": place.lon,
                   **_entry_json(e)}
            row["sources"] = " > ".join(e.claim.sources)
            writer.writerow({k: csv_cell(row.get(k)) for k in LEDGER_CSV_FIELDS})


def _iso(d) -> str | None:
    return d.isoformat() if d is not None else None
