"""Throughput and accuracy of kursk-map's geoparser against geotext.

    python bench/bench_places.py                      # 10,000 articles, one timed pass
    python bench/bench_places.py --articles 2000 --repeat 3

Corpus: the five seed articles (seeds/*.txt) and the annotated dev texts
(tests/data/gold/dev/*.txt), cycled in order until --articles texts are built in
memory. Each replica gets a trailing line "[replica N]" so that no two texts are
identical (nothing else is changed).

Speed: in one process, kursk-map (gazetteer loaded once, load timed apart; then
article_from_text + geoparse per text) and geotext (import, which builds its
index, timed apart; then GeoText(text) per text, keeping .cities and .countries)
run over the same corpus. The best of --repeat passes is reported per tool.
Target: kursk-map throughput at least 0.5 x geotext's.

Where the time goes: the same corpus (its first 2,000 texts) through each stage
alone -- building the Article (header, boilerplate), splitting sentences, scanning
capitalised words, recognition (sentences, the scan and matching names), resolution
-- printed in microseconds per article beside geotext's whole run. The first three
are the floor any context-aware geoparser of this design pays before it looks a
single name up.

Accuracy: toponym P/R/F1 on the annotated set (seeds with tests/data/gold/toponyms,
dev texts with tests/data/gold/dev). A match is an identical (start, end) span.
kursk-map is scored with kursk_map.evaluation.score_file (resolved and unresolved
mentions count as predictions). For geotext, every word-bounded occurrence of each
city/country string it returns is a predicted mention.
"""

from __future__ import annotations

import argparse
import re
import time
import traceback
from pathlib import Path

from kursk_map.articles.reading import article_from_text, read_article
from kursk_map.evaluation.places import Score, load_gold, score_file, total
from kursk_map.places.geoparse import geoparse

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
TARGET = 0.5


def source_paths() -> list[Path]:
    return sorted((ROOT / "seeds").glob("*.txt")) + sorted((GOLD / "dev").glob("*.txt"))


def build_corpus(n: int) -> tuple[list[str], list[Path]]:
    paths = source_paths()
    sources = [p.read_text(encoding="utf-8") for p in paths]
    texts = [f"{sources[i % len(sources)]}\n[replica {i}]\n" for i in range(n)]
    return texts, [paths[i % len(paths)] for i in range(n)]


def run_kursk(texts, origins, gazetteer, failures: dict) -> int:
    found = 0
    for i, text in enumerate(texts):
        try:
            result = geoparse(article_from_text(text, path=f"bench/{i}"), gazetteer)
            found += len(result.places) + len(result.unresolved)
        except Exception:  # noqa: BLE001 -- record, keep timing the rest
            failures.setdefault(origins[i], [0, traceback.format_exc()])[0] += 1
    return found


def run_geotext(texts, GeoText) -> int:
    found = 0
    for text in texts:
        g = GeoText(text)
        found += len(g.cities) + len(g.countries)
    return found


def best_of(repeat: int, fn) -> tuple[float, int]:
    best, out = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def stages(texts, gazetteer, GeoText) -> None:
    from kursk_map.articles.text import CAPITALISED, sentences
    from kursk_map.places.candidates import candidates
    from kursk_map.places.ranking import resolve
    from kursk_map.places.recognition import recognise

    texts = texts[:2000]
    articles = [article_from_text(t, path=f"bench/{i}") for i, t in enumerate(texts)]
    found = [recognise(a, gazetteer) for a in articles]
    cands = [[candidates(m, gazetteer) for m in mentions] for mentions, _ in found]
    steps = (
        ("geotext, whole run", lambda: [GeoText(t) for t in texts]),
        ("kursk-map article (header, boilerplate)", lambda: [article_from_text(t) for t in texts]),
        ("kursk-map sentences", lambda: [sentences(a.text, a.body_start) for a in articles]),
        ("kursk-map capitalised-word scan", lambda: [[(m.group(), m.start()) for m in CAPITALISED.finditer(a.text)]
                                                     for a in articles]),
        ("kursk-map recognise (sentences, scan, matching)", lambda: [recognise(a, gazetteer) for a in articles]),
        ("kursk-map candidates + resolve", lambda: [resolve(a, f[0], f[1], gazetteer,
                                                            [candidates(m, gazetteer) for m in f[0]])
                                                    for a, f in zip(articles, found)]),
    )
    mentions = sum(len(c) for c in cands)
    print(f"where the time goes ({len(texts)} articles, {mentions / len(texts):.1f} mentions each; best of 3):")
    for label, fn in steps:
        secs, _ = best_of(3, fn)
        print(f"  {label:50} {secs / len(texts) * 1e6:8.1f} us/article")


def geotext_spans(text: str, GeoText) -> set[tuple[int, int]]:
    g = GeoText(text)
    spans = set()
    for name in set(g.cities) | set(g.countries):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            spans.add((m.start(), m.end()))
    return spans


def accuracy(gazetteer, GeoText) -> None:
    pairs = [(ROOT / "seeds" / f"{g.stem}.txt", g) for g in sorted((GOLD / "toponyms").glob("*.json"))]
    pairs += [(g.with_suffix(".txt"), g) for g in sorted((GOLD / "dev").glob("*.json"))]
    scores, gt = [], [0, 0, 0]
    for txt, js in pairs:
        article, gold = read_article(txt), load_gold(js)
        scores.append(score_file(geoparse(article, gazetteer), gold))
        pred = geotext_spans(article.text, GeoText)
        gold_spans = {(g["start"], g["end"]) for g in gold}
        gt = [gt[0] + len(pred), gt[1] + len(gold_spans), gt[2] + len(pred & gold_spans)]
    s = total(scores)
    print(f"accuracy on {len(pairs)} annotated files (exact span match):")
    print(f"  kursk-map toponyms {s.prf()}")
    print(f"  geotext   toponyms {Score(predicted=gt[0], gold=gt[1], matched=gt[2]).prf()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    texts, origins = build_corpus(args.articles)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"corpus: {len(texts)} articles, {mb:.2f} MB ({len(source_paths())} distinct sources)")

    t0 = time.perf_counter()
    from kursk_map.places.gazetteer import load_gazetteer
    gazetteer = load_gazetteer()
    print(f"kursk-map gazetteer load: {time.perf_counter() - t0:.3f} s")
    t0 = time.perf_counter()
    from geotext import GeoText  # builds its index at import time
    GeoText("warm-up")
    print(f"geotext import + first construction: {time.perf_counter() - t0:.3f} s")

    failures: dict = {}
    k_s, k_n = best_of(args.repeat, lambda: run_kursk(texts, origins, gazetteer, failures))
    g_s, g_n = best_of(args.repeat, lambda: run_geotext(texts, GeoText))
    for name, secs, n in (("kursk-map", k_s, k_n), ("geotext", g_s, g_n)):
        print(f"{name}: {secs:.3f} s total (best of {args.repeat}), {len(texts) / secs:.1f} articles/s, "
              f"{mb / secs:.3f} MB/s, {n} mentions")
    ratio = (len(texts) / k_s) / (len(texts) / g_s)
    print(f"throughput ratio kursk-map/geotext: {ratio:.3f} (target: at least {TARGET}) "
          f"-> {'MET' if ratio >= TARGET else 'NOT MET'}")
    for path, (count, tb) in failures.items():
        print(f"kursk-map FAILED {count}x on {path.relative_to(ROOT)}; first traceback:\n{tb}")

    stages(texts, gazetteer, GeoText)
    accuracy(gazetteer, GeoText)


if __name__ == "__main__":
    main()
