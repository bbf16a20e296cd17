"""What the browser tests of the built maps share: the JavaScript that finds a drawn area,
brings it into view and clicks it, and small readers of layer controls and GeoJSON.

Expected values always come from the build's own areas.geojson and claims.json, never
from the pages.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

SIDE_NAMES = {"UA": "Ukrainian forces", "RU": "Russian forces"}
FIXED_LAYERS = {"Places the reports name", "Settlements claimed (ledger)"}
PATHS = ".leaflet-overlay-pane path"

# The Leaflet layer drawn (as a connected SVG path) whose geometry starts at this vertex.
_FIND_LAYER = """
  const first = c => (typeof c[0] === "number" ? c : first(c[0]));
  const found = [];
  for (const key of Object.keys(window)) {
    if (!/^geo_json_[0-9a-f]+$/.test(key)) continue;
    window[key].eachLayer(layer => {
      if (!layer.feature || !layer._path || !layer._path.isConnected) return;
      const [x, y] = first(layer.feature.geometry.coordinates);
      if (Math.abs(x - lon) < 1e-9 && Math.abs(y - lat) < 1e-9) found.push(layer);
    });
  }
  if (found.length !== 1) return {error: `${found.length} drawn paths start at this vertex`};
  const layer = found[0], path = layer._path;
"""
# Pan and zoom the map to the area and scroll the page to the map, as a reader would.
BRING_INTO_VIEW = f"""([lon, lat]) => {{ {_FIND_LAYER}
  path.closest(".leaflet-container").scrollIntoView({{block: "nearest", inline: "nearest", behavior: "instant"}});  // Bootstrap's CSS makes scrolling smooth
  layer._map.fitBounds(layer.getBounds(), {{animate: false, padding: [60, 60]}});
  return {{}};
}}"""
# A point where the area's path is the topmost element, so that a real click lands on it.
CLICK_POINT = f"""([lon, lat]) => {{ {_FIND_LAYER}
  const box = path.getBoundingClientRect();
  const frame = path.closest(".leaflet-container").getBoundingClientRect();
  const left = Math.max(box.left, frame.left, 0), right = Math.min(box.right, frame.right, innerWidth);
  const top = Math.max(box.top, frame.top, 0), bottom = Math.min(box.bottom, frame.bottom, innerHeight);
  const cx = (left + right) / 2, cy = (top + bottom) / 2, points = [];
  for (let x = left + 1; x < right; x += 3)
    for (let y = top + 1; y < bottom; y += 3) points.push([x, y]);
  points.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
  for (const [x, y] of points)
    if (document.elementFromPoint(x, y) === path) return {{x, y}};
  return {{error: "the area is covered everywhere"}};
}}"""
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => done()))"

# Every timeline's drawn areas (one timeline per claimant; those not on the map draw nothing).
TIMELINE_SHOWN = """() => {
  const first = c => (typeof c[0] === "number" ? c : first(c[0]));
  const keys = Object.keys(window).filter(k => /^timeline_[0-9a-f]+$/.test(k));
  return {
    date: document.querySelector(".leaflet-timeline-control output").textContent.trim(),
    value: Number(document.querySelector(".leaflet-timeline-control input[type=range]").value),
    shown: keys.flatMap(k => window[k].getLayers()
      .filter(l => l._path && l._path.isConnected && l.feature.geometry.type !== "Point")
      .map(l => first(l.feature.geometry.coordinates))),
  };
}"""

DUAL_MAPS = """() => Object.keys(window).filter(k => /^map_[0-9a-f]+$/.test(k))"""


# -- helpers ---------------------------------------------------------------------------------

def first_vertex(coords) -> list[float]:
    return coords if isinstance(coords[0], (int, float)) else first_vertex(coords[0])


def vertex_key(coords) -> tuple[float, float]:
    lon, lat = first_vertex(coords)
    return round(lon, 9), round(lat, 9)


def group_label(props: dict) -> str:
    """The layer control's label of an areas.geojson feature (a side, according to a claimant, since a date)."""
    voice = "all claims" if props["claimant"] == "all" else props["claimant"]
    return f"{SIDE_NAMES[props['side']]}, according to {voice} (from {props['date']})"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def layer_labels(page) -> list[str]:
    return [squash(t) for t in page.locator(".leaflet-control-layers-overlays label").all_inner_texts()]


def layer_checkbox(page, label: str):
    return page.locator(".leaflet-control-layers-overlays label").filter(
        has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")).locator("input")


def path_count(page) -> int:
    return page.locator(PATHS).count()


def show_only(page, label: str) -> None:
    """Leave only this claimant layer on (outlines and places stay as they are)."""
    for other in layer_labels(page):
        if other not in FIXED_LAYERS:
            layer_checkbox(page, other).set_checked(other == label)


def click_area(page, feature: dict):
    """Click the drawn area of ``feature`` with the mouse; return the open popup."""
    vertex = first_vertex(feature["geometry"]["coordinates"])
    moved = page.evaluate(BRING_INTO_VIEW, vertex)
    assert "error" not in moved, moved
    page.evaluate(NEXT_FRAME)
    point = page.evaluate(CLICK_POINT, vertex)
    assert "error" not in point, point
    page.mouse.click(point["x"], point["y"])
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    return popup


def situation_at(features: list[dict], when: str, claimant: str = "all") -> dict[str, dict]:
    """Per side, the situation.geojson feature of ``claimant`` in force on ``when`` (nothing held: left out)."""
    out = {}
    for f in features:
        p = f["properties"]
        if p["claimant"] == claimant and p["date"] <= when and (p["until"] is None or when < p["until"]):
            if f["geometry"] is not None:
                out[p["side"]] = f
    return out


def change_dates(features: list[dict], claimant: str = "all") -> list[str]:
    return sorted({f["properties"]["date"] for f in features if f["properties"]["claimant"] == claimant})


def ms(day: str) -> int:
    return int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.timezone.utc).timestamp() * 1000)



def payload_area(out: Path, article: str, km2: float) -> dict:
    """The area a hostile article's claim is drawn as (its claimant's layer on the article's date), after
    checking the claim itself came through whole."""
    reports = json.loads((out / "claims.json").read_text(encoding="utf-8"))
    (mine,) = [r for r in reports if r["file"].endswith(article)]
    claims = mine["claims"]
    assert [(c["kind"], c["area_km2"]) for c in claims] == [("claim", km2)], claims
    drawn = [f for f in json.loads((out / "areas.geojson").read_text(encoding="utf-8"))["features"]
             if f["properties"]["map_date"] == mine["report_date"] and f["properties"]["claimant"] != "all"
             and any(c["report"].endswith(article) for c in f["properties"]["claims"])]
    assert len(drawn) == 1, drawn
    assert [c["quote"] for c in drawn[0]["properties"]["claims"]] == [claims[0]["quote"]]
    return drawn[0]
