"""Score `places` on the annotated dev set and print the figures.

    python bench/eval_places.py            # summary per set
    python bench/eval_places.py --errors   # and every miss, spurious or wrong mention

The real reports are scored by half (odd ids develop, even ids test) and, for each half, on its
later batches alone (``real-dev-b2``, ``real-test-b2``: the 30 reports added after the first 66;
``-b3``: the 28 added after those; ``-b4``: the 28 after those; ``-b5``: the 24 after them; ``-b6``: the 20
after those).
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
REAL = ROOT / "tests" / "data" / "real"


# The first id of each later batch, per period (r1.., r2.., r3..): a later batch was unseen until it was scored.
BATCH_STARTS = {"1": (23, 33, 43, 53, 61, 67), "2": (23, 33, 41, 49, 57, 63), "3": (23, 33, 43, 53, 61, 69)}


def batch(stem: str) -> int:
    """1 for the first 66 reports (r1/2/3 01-22), 2 for the 30 added next (23-32), 3 for the 28 after (33-42,
    r233-r240), 4 for the 28 after those (r143-r152, r241-r248, r343-r352), 5 for the 24 after them (r153-r160,
    r249-r256, r353-r360), 6 for the 20 after those (r161-r166, r257-r262, r361-r368)."""
    number = int(stem[2:4])
    return 1 + sum(number >= first for first in BATCH_STARTS[stem[1]])


def real_halves(sub: str) -> dict[str, list[tuple[Path, Path]]]:
    """The real reports' (text, gold) pairs, split once by report: odd ids develop, even ids test;
    each half as a whole and each of its later batches alone (``-b2`` to ``-b6``)."""
    pairs = [(REAL / "texts" / f"{g.stem}.txt", g) for g in sorted((REAL / sub).glob("*.json"))]
    halves = {"real-dev": [p for p in pairs if int(p[1].stem[1:4]) % 2],
              "real-test": [p for p in pairs if not int(p[1].stem[1:4]) % 2]}
    return {**halves, **{f"{name}-b{b}": [p for p in half if batch(p[1].stem) == b]
                         for b in range(2, len(BATCH_STARTS["1"]) + 2) for name, half in halves.items()}}


def gold_sets() -> dict[str, list[tuple[Path, Path]]]:
    seeds = [(ROOT / "seeds" / f"{g.stem}.txt", g) for g in sorted((GOLD / "toponyms").glob("*.json"))]
    dev = [(g.with_suffix(".txt"), g) for g in sorted((GOLD / "dev").glob("*.json"))]
    return {"seeds": seeds, "dev": dev, **real_halves("toponyms")}


def evaluate(pairs):
    gazetteer = load_gazetteer()
    return total(score_file(geoparse(read_article(text), gazetteer), load_gold(gold)) for text, gold in pairs)


def report(description: str, sets: dict, evaluate, zero) -> None:
    """The command line of a scorer: a summary per gold set (and with --errors every error), then all."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--errors", action="store_true",
                        help="also list every error (never of the real reports' test half: it is scored, not read)")
    args = parser.parse_args()
    scores = {name: evaluate(pairs) for name, pairs in sets.items()}
    for name, s in scores.items():
        print(f"{name:12s} {s.summary()}")
        if args.errors and not name.startswith("real-test") and "-b" not in name:
            for e in s.errors:
                print("   ", e)
    whole = {name: s for name, s in scores.items() if "-b" not in name}  # a batch is part of its half
    real = [s for name, s in whole.items() if name.startswith("real")]
    if real:
        print(f"{'real-all':12s} {sum(real, zero).summary()}")
    print(f"{'all':12s} {sum(whole.values(), zero).summary()}")


if __name__ == "__main__":
    report(__doc__.splitlines()[0], gold_sets(), evaluate, Score())
