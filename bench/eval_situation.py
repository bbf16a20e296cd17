"""Score the situation against independent reporting (tests/data/reference/) and print the figures.

    python bench/eval_situation.py

The tool's area for Ukraine (the view of all claims) at each of the reference's dates, built
from the real corpus's reports: all of them, the development half alone, the test half alone,
and the seeds. IoU with the reference area, beside a disc of the reference's size at the border
crossing and the cell growth from it with no settlement named (kursk_map/evaluation/situation.py).
"""

from __future__ import annotations

from pathlib import Path

from kursk_map.evaluation.situation import load_reference, score_situation
from kursk_map.pipeline import claims_for, corrections_beside
from kursk_map.places.gazetteer import load_gazetteer
from kursk_map.situation import situation_of

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real" / "texts"


def halves():
    reports = list(claims_for([str(REAL)]).results)
    odd = [r for r in reports if int(Path(r.path).name[1:4]) % 2 == 1]
    even = [r for r in reports if int(Path(r.path).name[1:4]) % 2 == 0]
    seeds = list(claims_for([str(ROOT / "seeds")], corrections=corrections_beside([str(ROOT / "seeds")])).results)
    return {"real-all": reports, "real-dev": odd, "real-test": even, "seeds": seeds}


if __name__ == "__main__":
    gazetteer = load_gazetteer()
    reference = load_reference(ROOT / "tests" / "data" / "reference", gazetteer)
    print(f"reference: {len(reference.rows)} statements, not placed: {', '.join(reference.unplaced()) or 'none'}")
    for name, reports in halves().items():
        scores = score_situation(situation_of(reports, gazetteer), reference, gazetteer)
        mean = lambda f: sum(f(s) for s in scores) / len(scores)  # noqa: E731
        print(f"\n{name} ({len(reports)} reports): mean IoU {mean(lambda s: s.iou):.2f} "
              f"(disc {mean(lambda s: s.iou_disc):.2f}, growth with no names {mean(lambda s: s.iou_grown):.2f}); "
              f"UA-held inside {sum(s.held_inside for s in scores)}/{sum(s.held for s in scores)}, "
              f"RU-held outside {sum(s.russian_outside for s in scores)}/{sum(s.russian for s in scores)}")
        for s in scores:
            print("  " + s.line())
