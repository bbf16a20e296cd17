"""Score `places` on the annotated dev set and print the figures.

    python bench/eval_places.py            # summary per set
    python bench/eval_places.py --errors   # and every miss, spurious or wrong mention
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kursk_map.articles.reading import read_article
from kursk_map.evaluation.places import Score, load_gold, score_file, total
from kursk_map.places.gazetteer import load_gazetteer
from kursk_map.places.geoparse import geoparse

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"


def gold_sets() -> dict[str, list[tuple[Path, Path]]]:
    seeds = [(ROOT / "seeds" / f"{g.stem}.txt", g) for g in sorted((GOLD / "toponyms").glob("*.json"))]
    dev = [(g.with_suffix(".txt"), g) for g in sorted((GOLD / "dev").glob("*.json"))]
    return {"seeds": seeds, "dev": dev}


def evaluate(pairs):
    gazetteer = load_gazetteer()
    return total(score_file(geoparse(read_article(text), gazetteer), load_gold(gold)) for text, gold in pairs)


def report(description: str, sets: dict, evaluate, zero) -> None:
    """The command line of a scorer: a summary per gold set (and with --errors every error), then all."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    scores = {name: evaluate(pairs) for name, pairs in sets.items()}
    for name, s in scores.items():
        print(f"{name:6s} {s.summary()}")
        if args.errors:
            for e in s.errors:
                print("   ", e)
    print(f"{'all':6s} {sum(scores.values(), zero).summary()}")


if __name__ == "__main__":
    report(__doc__.splitlines()[0], gold_sets(), evaluate, Score())
