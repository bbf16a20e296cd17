"""How the cost grows with input size, and what workers and a Dask cluster buy.

    python bench/bench_scale.py [--sizes 1,10,100] [--articles 1000] [--skip-build] [--skip-dask]
                                [--memory 1000,10000]

1. Time per MB for ``places``, ``claims`` and ``build`` on one article of real sentences (six
   real reports repeated) at 1x (53 KB), 10x and 100x, beside the peer: reading the same file
   and splitting it into sentences, a pass that is linear by construction. The growth per 10x
   (time per MB at 10x over time per MB at 1x) must stay within 1.5.
2. Articles per second for ``claims`` on a folder of real reports (copied to ``--articles``
   files): one process, 1 and 2 worker processes, and a Dask LocalCluster of 2 workers, each
   checked to give the one process's claims.
3. Peak memory (``ru_maxrss`` of a child process) of ``claims`` on folders of 1,000 and 10,000
   articles with ``--memory``: flat means the second is not ten times the first.

Everything runs in this process after the gazetteer is loaded, except the memory runs.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kursk_map import pipeline  # noqa: E402
from kursk_map.articles.reading import read_article  # noqa: E402
from kursk_map.articles.text import sentences  # noqa: E402
from kursk_map.build import build  # noqa: E402
from kursk_map.places.gazetteer import load_gazetteer  # noqa: E402
from kursk_map.runners import DaskBag, InProcess, Workers  # noqa: E402

REAL = ROOT / "tests" / "data" / "real" / "texts"
UNIT_BYTES = 53_000


def long_article(folder: Path, times: int) -> Path:
    """One article of six real reports' bodies, repeated to ``times`` x 53 KB."""
    bodies = [p.read_text(encoding="utf-8").split("\n\n", 1)[-1] for p in sorted(REAL.glob("*.txt"))[:6]]
    unit = "\n\n".join(bodies)
    while len(unit.encode("utf-8")) < UNIT_BYTES:
        unit += "\n\n" + unit
    unit = unit[:UNIT_BYTES]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"x{times}.txt"
    path.write_text("Publisher: Bench\nDate: 2024-09-01\n\n" + "\n\n".join([unit] * times), encoding="utf-8")
    return path


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def peer(path: Path) -> None:
    article = read_article(path)
    sum(1 for _ in sentences(article.text, article.body_start))


def sizes_table(tmp: Path, sizes: list[int], with_build: bool) -> None:
    print("time per MB (s/MB) on one article; growth = s/MB over s/MB at the size before")
    stages = {"peer (read + sentences)": lambda p: peer(p),
              "places": lambda p: pipeline.places_for([str(p)]),
              "claims": lambda p: pipeline.claims_for([str(p)])}
    if with_build:
        stages["build"] = lambda p: build(p.parent, p.parent.parent / f"out-{p.stem}")
    paths = {n: long_article(tmp / f"size{n}", n) for n in sizes}
    print(f"{'stage':26}" + "".join(f"{f'{n}x {paths[n].stat().st_size / 1e6:.2f} MB':>22}" for n in sizes))
    for stage, fn in stages.items():
        cells, before = [], None
        for n in sizes:
            mb = paths[n].stat().st_size / 1e6
            per_mb = timed(lambda: fn(paths[n])) / mb
            growth = f" x{per_mb / before:.2f}" if before else ""
            cells.append(f"{per_mb:8.2f}{growth:>7}")
            before = per_mb
        print(f"{stage:26}" + "".join(f"{c:>22}" for c in cells), flush=True)


def corpus(tmp: Path, articles: int, name: str = "corpus") -> Path:
    folder = tmp / f"{name}{articles}"
    folder.mkdir()
    reports = sorted(REAL.glob("*.txt"))
    for i in range(articles):
        shutil.copy(reports[i % len(reports)], folder / f"{i:06d}.txt")
    return folder


def workers_table(tmp: Path, articles: int, with_dask: bool) -> None:
    folder = corpus(tmp, articles)
    print(f"\nclaims on {articles} real reports (articles per second)")
    reference = None
    runs = [("one process", InProcess), ("1 worker process", lambda: Workers(1)),
            ("2 worker processes", lambda: Workers(2))]
    if with_dask:
        runs.append(("Dask LocalCluster, 2 workers", lambda: DaskBag("local", workers=2)))
    for name, make in runs:
        t = time.perf_counter()
        with make() as runner:
            started = time.perf_counter() - t
            t = time.perf_counter()
            batch = pipeline.claims_for([str(folder)], runner=runner)
            took = time.perf_counter() - t
        reference = reference or batch
        same = "same claims" if batch == reference else "DIFFERENT CLAIMS"
        print(f"  {name:30} {articles / took:7.1f} articles/s  ({took:.1f} s; start-up {started:.1f} s; {same})",
              flush=True)


def memory_table(tmp: Path, counts: list[int]) -> None:
    print("\npeak memory of `kursk-map claims FOLDER --csv` (a child process)")
    for n in counts:
        folder = corpus(tmp, n, "memory")
        code = ("import resource, sys; from kursk_map.cli import main; sys.stdout = open('/dev/null', 'w'); "
                f"main(['claims', {str(folder)!r}, '--csv']); "
                "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)")
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
        rss = int(proc.stderr.strip().splitlines()[-1])
        print(f"  {n:6} articles: {rss / 1024:7.0f} MB peak, {time.perf_counter() - t:6.1f} s", flush=True)
        shutil.rmtree(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100", help="multiples of 53 KB (default: 1,10,100; '' skips)")
    parser.add_argument("--articles", type=int, default=1000, help="articles for the workers table (0 skips)")
    parser.add_argument("--skip-build", action="store_true", help="leave build out of the sizes table")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--memory", default="", help="article counts for the memory table, e.g. 1000,10000")
    args = parser.parse_args()
    t = time.perf_counter()
    load_gazetteer()
    print(f"gazetteer load: {time.perf_counter() - t:.2f} s (once per process); "
          f"peak memory so far {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB\n")
    with tempfile.TemporaryDirectory() as tmp:
        if args.sizes:
            sizes_table(Path(tmp), [int(x) for x in args.sizes.split(",")], not args.skip_build)
        if args.articles:
            workers_table(Path(tmp), args.articles, not args.skip_dask)
        if args.memory:
            memory_table(Path(tmp), [int(x) for x in args.memory.split(",")])


if __name__ == "__main__":
    main()
