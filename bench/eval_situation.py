"""Score the situation against independent reporting (tests/data/reference/) and print the figures.

    python bench/eval_situation.py

The tool's area for Ukraine (the view of all claims) at each of the reference's dates, built
from the real corpus's reports: all of them, the development half alone, the test half alone,
and the seeds. IoU with the reference area, beside a disc of the reference's size at the border
crossing and the cell growth from it with no settlement named (kursk_map/evaluation/situation.py).

For each set, also its ledger's area grown to the reference's own size (the claims' figures
taken out: what the named settlements place). Then the same built from the annotators' claims
instead of the extractor's (``gold-dev``, ``gold-test``): what the situation stage makes of
claims read without error, so how much of the gap to the reference is the extraction's and how
much the situation's. A gold place is taken to
the gazetteer entry of its name that agrees with its row of the corpus's coordinates.csv (kind,
oblast, nearest point); a gold claim with no date is an undated recap, as the guidelines say.
"""

from __future__ import annotations

import csv
import dataclasses
import math
from pathlib import Path

from kursk_map.evaluation.claims import annotation_as_claims, load_claims_gold
from kursk_map.evaluation.situation import load_reference, score_at_reference_size, score_situation
from kursk_map.model import PlaceMention, Span
from kursk_map.pipeline import claims_for, corrections_beside
from kursk_map.places.gazetteer import load_gazetteer
from kursk_map.situation import situation_of
from kursk_map.situation.ledger import build_ledger

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real" / "texts"


def halves():
    reports = list(claims_for([str(REAL)]).results)
    odd = [r for r in reports if int(Path(r.path).name[1:4]) % 2 == 1]
    even = [r for r in reports if int(Path(r.path).name[1:4]) % 2 == 0]
    seeds = list(claims_for([str(ROOT / "seeds")], corrections=corrections_beside([str(ROOT / "seeds")])).results)
    return {"real-all": reports, "real-dev": odd, "real-test": even, "seeds": seeds}


def gold_halves(extracted, gazetteer) -> dict:
    """The real reports with the annotators' claims in place of the extracted ones, by half."""
    rows = {r["name"]: r for r in csv.DictReader((REAL.parent / "coordinates.csv").open(encoding="utf-8"))}

    def place(name):
        row, found = rows.get(name, {}), gazetteer.lookup(name)

        def fit(p):
            near = -min(3.0, math.hypot(p.lat - float(row["lat"]), p.lon - float(row["lon"]))) \
                if row.get("lat") and p.kind == "settlement" else 0.0
            return (4 * (p.kind == row.get("kind")) + 2 * (p.admin1 == row.get("admin1")) + near
                    + 0.5 * (p.precision == p.kind), p.population, p.id)
        return max(found, key=fit) if found else None

    by_stem = {Path(r.path).stem: r for r in extracted}
    out: dict[str, list] = {"gold-dev": [], "gold-test": []}
    for gold in sorted((REAL.parent / "claims").glob("*.json")):
        claims = []
        for c in annotation_as_claims(load_claims_gold(gold), gold.stem).claims:
            mentions = tuple(PlaceMention(Span(n, c.start, c.start + 1), p, "location", p.precision, n, p.kind)
                             for n in c.places if (p := place(n)) is not None)
            claims.append(dataclasses.replace(c, place_mentions=mentions, recap=c.as_of is None))
        half = "gold-dev" if int(gold.stem[1:4]) % 2 else "gold-test"
        out[half].append(dataclasses.replace(by_stem[gold.stem], claims=tuple(claims)))
    return out


if __name__ == "__main__":
    gazetteer = load_gazetteer()
    reference = load_reference(ROOT / "tests" / "data" / "reference", gazetteer)
    print(f"reference: {len(reference.rows)} statements, not placed: {', '.join(reference.unplaced()) or 'none'}")
    sets = halves()
    sets.update(gold_halves(sets["real-all"], gazetteer))
    for name, reports in sets.items():
        scores = score_situation(situation_of(reports, gazetteer), reference, gazetteer)
        mean = lambda f: sum(f(s) for s in scores) / len(scores)  # noqa: E731
        print(f"\n{name} ({len(reports)} reports): mean IoU {mean(lambda s: s.iou):.2f} "
              f"(disc {mean(lambda s: s.iou_disc):.2f}, growth with no names {mean(lambda s: s.iou_grown):.2f}); "
              f"UA-held inside {sum(s.held_inside for s in scores)}/{sum(s.held for s in scores)}, "
              f"RU-held outside {sum(s.russian_outside for s in scores)}/{sum(s.russian for s in scores)}")
        if not name.startswith("gold"):
            sized = score_at_reference_size(build_ledger(reports), reference, gazetteer)
            mean_sized = sum(i for _, i in sized) / len(sized)
            print(f"  its ledger grown to the reference's own size: mean IoU {mean_sized:.2f} "
                  f"({' '.join(f'{i:.2f}' for _, i in sized)})")
        for s in scores:
            print("  " + s.line())
