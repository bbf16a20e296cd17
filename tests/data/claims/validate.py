#!/usr/bin/env python3
"""Check the gold claims of territorial control (see README.md beside this file).

    python3 tests/data/claims/validate.py

Loads every ``seeds/<stem>.json`` and ``dev/<stem>.json`` here, finds its text
(seeds: ``<repo>/seeds/<stem>.txt``; dev: ``tests/data/gold/dev/<stem>.txt``) and checks
that every quote sits at its offsets, every field is present with the right type and
value, and (dev) that ``report_date`` and the first source agree with the ``.meta``
sidecar. Prints counts per file and totals; exits 1 on any problem. Standard library only.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SEED_TEXTS = REPO / "seeds"
DEV_TEXTS = REPO / "tests" / "data" / "gold" / "dev"

KINDS = ("claim", "forecast", "context")
SIDES = ("UA", "RU")
ACTIONS = ("controls", "captured", "recaptured", "lost", "withdrew", "advanced", "halted")
QUALIFIERS = ("almost", "about", "over", "at least", "up to")
FIELDS = ("kind", "claimant", "sources", "side", "action", "places", "area_km2", "area_qualifier",
          "settlement_count", "settlement_text", "settlement_range", "fraction", "as_of", "hedged",
          "quote", "start", "end", "note")
_META_LINE = re.compile(r"^(title|publisher|date|url|author)\s*:\s*(.*?)\s*$", re.IGNORECASE)


def is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def is_num(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def is_str_list(v) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) and x.strip() for x in v)


def iso_date_problem(v) -> str | None:
    if v is None:
        return None
    if not isinstance(v, str):
        return f"not a string or null: {v!r}"
    try:
        if dt.date.fromisoformat(v).isoformat() != v:
            raise ValueError
    except ValueError:
        return f"not an ISO date YYYY-MM-DD: {v!r}"
    return None


def read_meta(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _META_LINE.match(line)
        if m and m.group(2):
            values[m.group(1).lower()] = m.group(2)
    return values


def check_claim(c, i: int, text: str, report_date) -> list[str]:
    where = f"claim {i}"
    if not isinstance(c, dict):
        return [f"{where}: not an object"]
    probs = []
    missing = [f for f in FIELDS if f not in c]
    extra = [f for f in c if f not in FIELDS]
    if missing:
        probs.append(f"{where}: missing field(s) {', '.join(missing)}")
    if extra:
        probs.append(f"{where}: unknown field(s) {', '.join(extra)}")

    def bad(field, msg):
        probs.append(f"{where} ({field}): {msg}")

    g = c.get
    if "kind" in c and g("kind") not in KINDS:
        bad("kind", f"{g('kind')!r} not one of {KINDS}")
    if "side" in c and g("side") not in SIDES:
        bad("side", f"{g('side')!r} not one of {SIDES}")
    if "action" in c and g("action") not in ACTIONS:
        bad("action", f"{g('action')!r} not one of {ACTIONS}")
    if "claimant" in c and not (isinstance(g("claimant"), str) and g("claimant").strip()):
        bad("claimant", "must be a non-empty string")
    if "sources" in c:
        if not is_str_list(g("sources")) or not g("sources"):
            bad("sources", "must be a non-empty list of non-empty strings")
    if "places" in c and not is_str_list(g("places")):
        bad("places", "must be a list of non-empty strings")
    if "area_km2" in c and g("area_km2") is not None and not (is_num(g("area_km2")) and g("area_km2") > 0):
        bad("area_km2", f"must be a positive number or null, not {g('area_km2')!r}")
    if "area_qualifier" in c and g("area_qualifier") is not None:
        if g("area_qualifier") not in QUALIFIERS:
            bad("area_qualifier", f"{g('area_qualifier')!r} not one of {QUALIFIERS} or null")
        elif g("area_km2") is None:
            bad("area_qualifier", "given without area_km2")
    if "settlement_count" in c and g("settlement_count") is not None and not (
            is_int(g("settlement_count")) and g("settlement_count") >= 0):
        bad("settlement_count", f"must be a non-negative integer or null, not {g('settlement_count')!r}")
    if "settlement_text" in c and g("settlement_text") is not None and not (
            isinstance(g("settlement_text"), str) and g("settlement_text").strip()):
        bad("settlement_text", "must be a non-empty string or null")
    if "settlement_range" in c and g("settlement_range") is not None:
        r = g("settlement_range")
        if not (isinstance(r, list) and len(r) == 2 and is_int(r[0])
                and (r[1] is None or (is_int(r[1]) and r[1] >= r[0]))):
            bad("settlement_range", f"must be [low, high|null] integers or null, not {r!r}")
        elif g("settlement_text") is None:
            bad("settlement_range", "given without settlement_text")
    if "fraction" in c and g("fraction") is not None and not (is_num(g("fraction")) and 0 < g("fraction") <= 1):
        bad("fraction", f"must be a number in (0, 1] or null, not {g('fraction')!r}")
    if "as_of" in c:
        p = iso_date_problem(g("as_of"))
        if p:
            bad("as_of", p)
        elif g("as_of") and report_date and g("as_of") > report_date:
            bad("as_of", f"{g('as_of')} is after the report date {report_date}")
    if "hedged" in c and not isinstance(g("hedged"), bool):
        bad("hedged", "must be true or false")
    if "note" in c and g("note") is not None and not isinstance(g("note"), str):
        bad("note", "must be a string or null")
    q, s, e = g("quote"), g("start"), g("end")
    if "quote" in c and not (isinstance(q, str) and q.strip()):
        bad("quote", "must be a non-empty string")
    elif not (is_int(s) and is_int(e)):
        bad("start/end", f"must be integers, not {s!r}/{e!r}")
    elif not 0 <= s < e <= len(text):
        bad("start/end", f"{s}..{e} outside the text (length {len(text)})")
    elif text[s:e] != q:
        hint = text.find(q) if isinstance(q, str) else -1
        bad("quote", f"text[{s}:{e}] is {text[s:e][:60]!r}, not the quote {q[:60]!r}"
                     + (f" (the quote is at {hint}..{hint + len(q)})" if hint >= 0 else " (quote not in the text)"))
    return probs


def check_file(path: Path, text_path: Path, meta_path: Path | None, dev: bool):
    """(problems, warnings, counts) for one gold file."""
    name = f"{path.parent.name}/{path.name}"
    counts = dict.fromkeys(KINDS, 0)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [f"{name}: cannot read JSON ({exc}) - if someone is still writing it, run again when done"], [], counts
    if not text_path.is_file():
        return [f"{name}: its text {text_path.relative_to(REPO)} does not exist"], [], counts
    text = open(text_path, encoding="utf-8").read()
    if not isinstance(data, dict) or set(data) != {"report_date", "claims"}:
        keys = sorted(data) if isinstance(data, dict) else type(data).__name__
        return [f"{name}: must be an object with exactly report_date and claims (has {keys})"], [], counts
    probs, warns = [], []
    rd = data["report_date"]
    p = iso_date_problem(rd)
    if p:
        probs.append(f"report_date: {p}")
        rd = None
    meta = read_meta(meta_path) if meta_path and meta_path.is_file() else None
    if dev:
        if meta is None:
            probs.append(f"no sidecar {meta_path.relative_to(REPO)}")
        else:
            if meta.get("date") != data["report_date"]:
                probs.append(f"report_date {data['report_date']!r} != Date in {meta_path.name} ({meta.get('date')!r})")
            if not meta.get("publisher"):
                probs.append(f"{meta_path.name} has no Publisher")
    elif meta and meta.get("date") and meta.get("date") != data["report_date"]:
        warns.append(f"report_date {data['report_date']!r} differs from Date in {meta_path.name} ({meta['date']!r})")
    claims = data["claims"]
    if not isinstance(claims, list):
        return probs + ["claims: must be a list"], warns, counts
    publisher = (meta or {}).get("publisher")
    for i, c in enumerate(claims):
        probs += check_claim(c, i, text, rd)
        if isinstance(c, dict):
            if c.get("kind") in counts:
                counts[c["kind"]] += 1
            src = c.get("sources")
            if dev and publisher and isinstance(src, list) and src and src[0] != publisher:
                probs.append(f"claim {i} (sources): chain starts with {src[0]!r}, not the publisher {publisher!r}")
    starts = [c.get("start") for c in claims if isinstance(c, dict) and is_int(c.get("start"))]
    if starts != sorted(starts):
        warns.append("claims are not in text order")
    return [f"{name}: {p}" for p in probs], [f"{name}: {w}" for w in warns], counts


def main() -> int:
    jobs = []
    for sub, texts, dev in (("seeds", SEED_TEXTS, False), ("dev", DEV_TEXTS, True)):
        folder = HERE / sub
        files = sorted(folder.glob("*.json")) if folder.is_dir() else []
        if not files:
            print(f"{sub}/: no gold files (yet)")
        for f in files:
            jobs.append((f, texts / f"{f.stem}.txt", texts / f"{f.stem}.meta", dev))
    problems, warnings = [], []
    totals = {"files": 0, **dict.fromkeys(KINDS, 0)}
    print(f"{'file':<52} {'claim':>5} {'forec':>5} {'contx':>5}")
    for f, t, m, dev in jobs:
        probs, warns, counts = check_file(f, t, m, dev)
        problems += probs
        warnings += warns
        totals["files"] += 1
        for k in KINDS:
            totals[k] += counts[k]
        print(f"{f.parent.name + '/' + f.stem:<52} {counts['claim']:>5} {counts['forecast']:>5} "
              f"{counts['context']:>5}{'  PROBLEM' if probs else ''}")
    print(f"{'total (' + str(totals['files']) + ' files)':<52} {totals['claim']:>5} {totals['forecast']:>5} "
          f"{totals['context']:>5}")
    for w in warnings:
        print("warning:", w)
    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
