"""The timeline's own controls: month labels under the slider's ticks, and a panel that says what the
step shows (the date, each area with its claimant and km²)."""

from __future__ import annotations

import datetime as dt
import json

from branca.element import MacroElement, Template

__all__ = ["TimelinePanel", "month_ticks"]


def month_ticks(start_ms: int, end_ms: int) -> list[tuple[int, str]]:
    """(ms, "Sep") for the first day of every month between the two instants (UTC); the first label
    and January's carry the year ("Sep 2024", "Jan 2025")."""
    start = dt.datetime.fromtimestamp(start_ms / 1000, dt.timezone.utc).date()
    end = dt.datetime.fromtimestamp(end_ms / 1000, dt.timezone.utc).date()
    out = []
    d = dt.date(start.year, start.month, 1)
    while d <= end:
        if d >= start:
            text = d.strftime("%b %Y") if not out or d.month == 1 else d.strftime("%b")
            out.append((int(dt.datetime(d.year, d.month, 1, tzinfo=dt.timezone.utc).timestamp() * 1000), text))
        d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out


class TimelinePanel(MacroElement):
    """Month labels under the slider, and a panel listing the areas of the current step."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
.leaflet-timeline-control{width:min(58vw,680px) !important;box-sizing:border-box}
.km-ticks{position:relative;height:16px;margin:2px 0 0;font:10px/1 sans-serif;color:#333;clear:both}
.km-ticks span{position:absolute;transform:translateX(-50%);white-space:nowrap}
.km-ticks span::before{content:"";position:absolute;left:50%;top:-5px;height:4px;border-left:1px solid #555}
.km-step{background:rgba(255,255,255,.95);padding:6px 9px;border:1px solid #999;border-radius:4px;
 font:12px/1.35 sans-serif;max-width:330px;max-height:32vh;overflow-y:auto}
.km-step b{display:block;margin-bottom:2px}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  const map = {{ this._parent.get_name() }};
  const slider = {{ this.slider }};
  const ticks = {{ this.ticks }};
  const timelines = [{{ this.timelines }}];
  const [start, end] = [{{ this.start }}, {{ this.end }}];
  const panel = L.control({position: "topleft"});
  panel.onAdd = function () {
    const div = L.DomUtil.create("div", "km-step");
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  panel.addTo(map);
  function update() {
    const div = panel.getContainer();
    const date = document.querySelector(".leaflet-timeline-control output");
    const lines = [];
    for (const t of timelines) {
      if (!map.hasLayer(t)) continue;
      for (const layer of t.getLayers())
        if (layer.feature && layer.feature.geometry.type !== "Point") lines.push(layer.feature.properties.km_title);
    }
    div.innerHTML = "<b>" + (date ? date.textContent : "") + "</b>" +
      (lines.length ? lines.sort().join("<br>") : "no area claimed held at this date");
  }
  for (const t of timelines) t.on("change", update);
  map.on("overlayadd overlayremove", update);
  function labels() {
    const input = document.querySelector(".leaflet-timeline-control input[type=range]");
    if (!input || input.parentNode.querySelector(".km-ticks")) return;
    const row = document.createElement("div");
    row.className = "km-ticks";
    for (const [when, text] of ticks) {
      const span = document.createElement("span");
      span.textContent = text;
      span.dataset.ms = String(when);
      span.style.left = (100 * (when - start) / Math.max(1, end - start)) + "%";
      row.appendChild(span);
    }
    input.parentNode.appendChild(row);
    row.style.marginLeft = input.offsetLeft + "px";
    row.style.width = input.offsetWidth + "px";
    let right = -Infinity;  // a label that would overlap the one before it is hidden
    for (const span of row.children) {
      const r = span.getBoundingClientRect();
      if (r.left < right + 3) span.style.visibility = "hidden"; else right = r.right;
    }
  }
  map.whenReady(function () { labels(); update(); });
  setTimeout(function () { labels(); update(); }, 0);
})();
{% endmacro %}
""")

    def __init__(self, slider, change_ms: list[int]) -> None:
        super().__init__()
        self._name = "TimelinePanel"
        self.slider = slider.get_name()
        self.timelines = ", ".join(t.get_name() for t in slider.timelines)
        self.start = change_ms[0] if change_ms else 0
        self.end = (change_ms[-1] + 86_400_000) if change_ms else 1
        self.ticks = json.dumps(month_ticks(self.start, self.end))
