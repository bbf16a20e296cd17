"""Score `claims` on the gold claims (seeds, dev texts, real reports) and print the figures.

    python bench/eval_claims.py            # summary per set, strict and by family
    python bench/eval_claims.py --errors   # and every miss, spurious claim and wrong date (not of real-test)

Strict: side and action as annotated. By family: controls, captured and recaptured count as
one action, lost and withdrew as another (kursk_map.evaluation.claims.FAMILIES).
"""

from __future__ import annotations

from pathlib import Path

from eval_places import real_halves, report  # the scorers' shared command line (bench/ is the script's folder)

from kursk_map.articles.reading import read_article
from kursk_map.claims.extraction import extract_claims
from kursk_map.evaluation.claims import ClaimScore, load_claims_gold, score_claims
from kursk_map.places.gazetteer import load_gazetteer
from kursk_map.places.geoparse import geoparse

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "claims"


def gold_sets() -> dict[str, list[tuple[Path, Path]]]:
    seeds = [(ROOT / "seeds" / f"{g.stem}.txt", g) for g in sorted((GOLD / "seeds").glob("*.json"))]
    dev = [(ROOT / "tests" / "data" / "gold" / "dev" / f"{g.stem}.txt", g) for g in sorted((GOLD / "dev").glob("*.json"))]
    return {"seeds": seeds, "dev": dev, **real_halves("claims")}


def evaluator(by_family: bool):
    def evaluate(pairs) -> ClaimScore:
        gazetteer = load_gazetteer()
        score = ClaimScore()
        for text, gold in pairs:
            article = read_article(text)
            extracted = extract_claims(article, geoparse(article, gazetteer))
            score = score + score_claims(extracted, load_claims_gold(gold), by_family=by_family)
        return score
    return evaluate


if __name__ == "__main__":
    sets = gold_sets()
    print("strict")
    report(__doc__.splitlines()[0], sets, evaluator(False), ClaimScore())
    print("by family")
    report(__doc__.splitlines()[0], sets, evaluator(True), ClaimScore())
