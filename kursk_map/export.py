"""Records -> the dicts and text the CLI prints (the JSON shapes other tools read)."""

from __future__ import annotations

import csv
import json

from kursk_map.model import ArticleClaims, ControlClaim, GeoparseResult, PlaceMention

__all__ = ["place_to_json", "places_to_json", "places_table", "claim_to_json", "claims_to_json", "claims_csv_rows",
           "write_claims_csv", "claims_to_geojson", "CLAIM_CSV_FIELDS"]


def place_to_json(m: PlaceMention) -> dict:
    return {"surface": m.span.surface, "start": m.span.start, "end": m.span.end, "name": m.name,
            "kind": m.kind, "lat": m.place.lat, "lon": m.place.lon, "id": m.place.id,
            "role": m.role, "precision": m.precision}


def places_to_json(shown_path: str, result: GeoparseResult) -> dict:
    return {"file": shown_path,
            "places": [place_to_json(m) for m in result.places],
            "unresolved": [{"surface": s.surface, "start": s.start, "end": s.end} for s in result.unresolved]}


def places_table(shown_path: str, result: GeoparseResult) -> str:
    lines = [f"== {shown_path}: {len(result.places)} places, {len(result.unresolved)} unresolved"]
    header = ("span", "surface", "name", "kind", "role", "precision", "lat", "lon")
    rows = [(f"{m.span.start}-{m.span.end}", m.span.surface, m.name, m.kind, m.role, m.precision,
             f"{m.place.lat:.4f}", f"{m.place.lon:.4f}") for m in result.places]
    rows += [(f"{s.start}-{s.end}", s.surface, "(unresolved)", "", "", "", "", "") for s in result.unresolved]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
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
            writer.writerow({k: "" if v is None else v for k, v in row.items()})


def claims_to_geojson(pairs) -> dict:
    """Every claim as a feature at its places (MultiPoint, lon/lat), for QGIS; no place, no geometry."""
    features = []
    for shown, result in pairs:
        for c in result.claims:
            coords = []
            for m in c.place_mentions:
                point = [round(m.place.lon, 5), round(m.place.lat, 5)]
                if point not in coords:
                    coords.append(point)
            geometry = c.geometry or ({"type": "MultiPoint", "coordinates": coords} if coords else None)
            props = {"file": shown, "report_date": _iso(result.report_date), "publisher": result.publisher,
                     "url": result.url, **claim_to_json(c)}
            props["sources"] = " > ".join(c.sources)
            props["places"] = "; ".join(c.places)
            props["settlement_range"] = json.dumps(props["settlement_range"]) if props["settlement_range"] else None
            features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def _iso(d) -> str | None:
    return d.isoformat() if d is not None else None
