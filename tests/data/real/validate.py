#!/usr/bin/env python3
"""Check the real-report corpus (see README.md beside this file).

    python3 tests/data/real/validate.py

For every text: the header block gives Publisher and a Date; its claims file has the gold
claims' shape (checked by ``tests/data/claims/validate.py``'s rules), ``report_date`` equal to
the header's Date and every source chain starting with the publisher; its toponyms file is in
text order, without overlaps, every surface at its offsets, every field as the guidelines say
and every coordinate equal to ``coordinates.csv``'s. Prints counts; exits 1 on any problem.
Standard library only.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("claims_validate", HERE.parent / "claims" / "validate.py")
claims_validate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(claims_validate)

KINDS = {"settlement", "district", "region", "country", "river", "other"}
ROLES = {"location", "actor"}
FIELDS = {"surface", "start", "end", "name", "kind", "role", "lat", "lon", "coord_source"}
OPTIONAL = {"name_native", "admin1"}
_HEADER = re.compile(r"^(title|publisher|date|url|author)\s*:\s*(.*?)\s*$", re.IGNORECASE)


def header(text: str) -> dict[str, str]:
    values = {}
    for line in text.split("\n"):
        m = _HEADER.match(line)
        if not m:
            break
        values[m.group(1).lower()] = m.group(2)
    return values


def coordinates() -> dict[str, dict[str, str]]:
    with open(HERE / "coordinates.csv", encoding="utf-8", newline="") as f:
        return {row["name"]: row for row in csv.DictReader(f)}


def check_toponyms(name: str, text: str, body_start: int, mentions, coords) -> list[str]:
    probs, last_end = [], body_start
    for i, m in enumerate(mentions):
        where = f"{name} mention {i}"
        if set(m) - OPTIONAL != FIELDS:
            probs.append(f"{where}: fields {sorted(m)}")
            continue
        if text[m["start"]:m["end"]] != m["surface"]:
            probs.append(f"{where}: text[{m['start']}:{m['end']}] is not {m['surface']!r}")
        if m["start"] < last_end:
            probs.append(f"{where}: overlaps the previous mention or the header, or is out of order")
        last_end = m["end"]
        if m["kind"] not in KINDS or m["role"] not in ROLES:
            probs.append(f"{where}: kind {m['kind']!r} / role {m['role']!r}")
        row = coords.get(m["name"])
        if row is None:
            probs.append(f"{where}: {m['name']!r} is not in coordinates.csv")
            continue
        lat = float(row["lat"]) if row["lat"] else None
        lon = float(row["lon"]) if row["lon"] else None
        if (m["lat"], m["lon"], m["coord_source"]) != (lat, lon, row["coord_source"]) or m["kind"] != row["kind"]:
            probs.append(f"{where}: {m['name']} disagrees with coordinates.csv")
        if lat is not None and not row["coord_source"].startswith("http"):
            probs.append(f"{where}: {m['name']}'s coordinate names no page")
    return probs


def main() -> int:
    coords = coordinates()
    problems, totals = [], {"reports": 0, "claims": 0, "forecasts": 0, "context": 0, "toponyms": 0}
    for text_path in sorted((HERE / "texts").glob("*.txt")):
        stem, name = text_path.stem, text_path.name
        text = text_path.read_text(encoding="utf-8")
        meta = header(text)
        if not meta.get("publisher") or not meta.get("date"):
            problems.append(f"{name}: the header needs Publisher and Date")
        body_start = text.find("\n\n") + 2
        gold = json.loads((HERE / "claims" / f"{stem}.json").read_text(encoding="utf-8"))
        if gold.get("report_date") != meta.get("date"):
            problems.append(f"{name}: report_date {gold.get('report_date')} != Date {meta.get('date')}")
        for i, c in enumerate(gold.get("claims", [])):
            problems += [f"{name}: {p}" for p in claims_validate.check_claim(c, i, text, gold.get("report_date"))]
            if isinstance(c, dict) and c.get("sources", [None])[0] != meta.get("publisher"):
                problems.append(f"{name}: claim {i}: sources start with {c.get('sources')[:1]}, not the publisher")
            kind = {"claim": "claims", "forecast": "forecasts", "context": "context"}.get(c.get("kind"))
            if kind:
                totals[kind] += 1
        mentions = json.loads((HERE / "toponyms" / f"{stem}.json").read_text(encoding="utf-8"))
        problems += check_toponyms(name, text, body_start, mentions, coords)
        totals["reports"] += 1
        totals["toponyms"] += len(mentions)
    for p in problems:
        print(p)
    print(", ".join(f"{v} {k}" for k, v in totals.items()) + f"; {len(coords)} places, "
          f"{sum(1 for r in coords.values() if r['lat'])} with a sourced coordinate")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
