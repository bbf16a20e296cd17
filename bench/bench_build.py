"""Time the main job on the seeds, beside a plain folium rendering of the same areas.

    python bench/bench_build.py [--repeat N] [--self-contained]

The peer is folium itself: one map per report date with the same areas as bare GeoJSON
(no outlines, popups, legend or notes), so the figures show what kursk-map's own work costs
on top of the rendering library. Both run in this process, after the gazetteer is loaded.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import folium

from kursk_map.build import build
from kursk_map.places.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent


def plain_folium(areas_geojson: Path, out: Path) -> None:
    features = json.loads(areas_geojson.read_text(encoding="utf-8"))["features"]
    for date in sorted({f["properties"]["map_date"] for f in features}):
        m = folium.Map(location=[51.35, 35.3], zoom_start=9)
        folium.GeoJson({"type": "FeatureCollection",
                        "features": [f for f in features if f["properties"]["map_date"] == date]}).add_to(m)
        m.save(str(out / f"plain-{date}.html"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--self-contained", action="store_true")
    args = parser.parse_args()
    t0 = time.perf_counter()
    load_gazetteer()
    print(f"gazetteer load: {time.perf_counter() - t0:.2f} s (once per process)")
    ours, peer = [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for i in range(args.repeat):
            t = time.perf_counter()
            result = build(ROOT / "seeds", out / f"build{i}", self_contained=args.self_contained)
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            plain_folium(out / f"build{i}" / "areas.geojson", out)
            peer.append(time.perf_counter() - t)
        sizes = [p.stat().st_size for p in (out / "build0").glob("*.html")]
    print(f"kursk-map build: {min(ours):.2f} s best of {args.repeat} ({len(result.written)} files, "
          f"{len(result.dates)} dates, largest page {max(sizes) / 1e6:.2f} MB)")
    print(f"plain folium, same areas: {min(peer):.2f} s best of {args.repeat}")
    print(f"ratio kursk-map / folium: {min(ours) / min(peer):.1f}")


if __name__ == "__main__":
    main()
