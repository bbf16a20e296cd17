"""Records -> the dicts and text the CLI prints (the JSON shapes other tools read)."""

from __future__ import annotations

from kursk_map.model import GeoparseResult, PlaceMention

__all__ = ["place_to_json", "places_to_json", "places_table"]


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
