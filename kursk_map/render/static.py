"""Static images for reports (PDF, Word): maps and the area-over-time chart, via matplotlib.

Same styling rules as the web maps: colour by side, the cells of named settlements solid,
size-matched estimates hatched and faint, lower bounds dotted; the same offline base (country
fills, oblast borders, rivers, place names). Each map has a scale bar, a north arrow, a
legend of the styles it uses with each area's claimant and km², and the attribution below it.
PNGs carry no timestamp or version, so builds are identical.
"""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import io
import math
import os
import shutil
import tempfile

import geopandas as gpd

if "MPLCONFIGDIR" not in os.environ:  # matplotlib's font cache goes to a private folder, not ~/.cache
    _MPL_DIR = tempfile.mkdtemp(prefix="kursk-map-matplotlib-")
    os.environ["MPLCONFIGDIR"] = _MPL_DIR
    atexit.register(shutil.rmtree, _MPL_DIR, ignore_errors=True)

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import patheffects  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch, Rectangle  # noqa: E402

from kursk_map.render.basemap import COUNTRY_FILLS, RIVER_COLOUR, country_labels, label_data  # noqa: E402
from kursk_map.render.frame import bounds_of  # noqa: E402
from kursk_map.render.holdings import STATUS_COLOURS, STATUS_NAMES, size_label, voice_label  # noqa: E402
from kursk_map.render.layers import ATTRIBUTION, SIDE_COLOURS, SIDE_NAMES  # noqa: E402
from kursk_map.situation import ALL, Holding, Ledger  # noqa: E402
from kursk_map.situation import geometry as geo  # noqa: E402

__all__ = ["map_png", "compare_png", "chart_png", "DPI"]

DPI = 200
_COS = math.cos(math.radians(51.3))   # degrees of longitude are this much shorter here
_HALO = [patheffects.withStroke(linewidth=2.2, foreground="white")]


def _png(fig, dpi: int) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=dpi, metadata={"Software": None})
    plt.close(fig)
    return out.getvalue()


@functools.cache
def _outline_series(pid: str) -> gpd.GeoSeries:
    """A display outline, simplified once per process, not once per image."""
    return gpd.GeoSeries([geo.simplified(geo.region_outline(pid), tolerance_m=300)], crs="EPSG:4326")


@functools.cache
def _rivers() -> gpd.GeoSeries:
    from kursk_map.places.gazetteer import load_gazetteer

    return gpd.GeoDataFrame.from_features(load_gazetteer().rivers()["features"], crs="EPSG:4326").geometry


def _base(ax) -> None:
    for pid in ("country:RU", "country:UA", "country:BY"):
        _outline_series(pid).plot(ax=ax, facecolor=COUNTRY_FILLS[pid], edgecolor="#8c8c8c", linewidth=0.9)
    for pid in ("ne:RU-BEL", "ne:RU-BRY", "ne:UA-59", "ne:UA-63", "ne:UA-74", "ne:RU-KRS"):
        kursk = pid == "ne:RU-KRS"
        _outline_series(pid).plot(ax=ax, facecolor="none", edgecolor="#555" if kursk else "#9a9a9a",
                                  linewidth=1.2 if kursk else 0.7, linestyle=(0, (5, 4)))
    _rivers().plot(ax=ax, color=RIVER_COLOUR, linewidth=0.9)


def _labels(ax, extent, zoom: int, named=()) -> None:
    """Place names that fit: the settlements the claims name first (a country's name never hides one), then
    bigger places before smaller; a label that would overlap one before it is left out."""
    lon0, lon1, lat0, lat1 = extent
    renderer = ax.figure.canvas.get_renderer()
    # the scale bar's box and the north arrow, drawn above the labels: a name under them would show through
    taken = [a.get_window_extent(renderer) for a in [*ax.patches, *ax.texts] if a.get_zorder() >= 6]
    frame = ax.get_window_extent(renderer)  # a name cut by the frame is left out
    first = sorted({(p.lat, p.lon, p.name) for p in named})
    labels = [(lat, lon, text, 0, "village") for lat, lon, text in first]
    labels += [(lat, lon, text, 0, "country") for lat, lon, text in country_labels(lon0, lat0, lon1, lat1)]
    seen = {(round(lat, 4), round(lon, 4), text) for lat, lon, text in first}
    labels += [x for x in label_data(frozenset(p.id for p in named)) if x[4] != "country"
               and (round(x[0], 4), round(x[1], 4), x[2]) not in seen]
    for lat, lon, text, minzoom, kind in labels:
        if minzoom > zoom or not (lon0 < lon < lon1 and lat0 < lat < lat1):
            continue
        if kind == "country":
            t = ax.text(lon, lat, text, fontsize=11, color="#8a8373", ha="center", va="center", fontweight="bold",
                        alpha=0.9, path_effects=_HALO, zorder=3)
        elif kind == "oblast":
            t = ax.text(lon, lat, text, fontsize=6.5, color="#777", ha="center", va="center", style="italic",
                        path_effects=_HALO, zorder=3)
        else:
            town = kind == "town"
            t = ax.text(lon, lat, "  " + text, fontsize=6.5 if town else 5.2, color="#222", va="center",
                        fontweight="bold" if town else "normal", path_effects=_HALO, zorder=4)
        box = t.get_window_extent(renderer)
        if any(box.overlaps(other) for other in taken) or not _inside(box, frame):
            t.remove()
            continue
        taken.append(box)
        if kind in ("town", "village"):
            ax.plot(lon, lat, marker="o", markersize=2.2 if kind == "town" else 1.6, color="#444", linestyle="none",
                    zorder=4)


def _inside(box, frame) -> bool:
    return frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1


def _holdings(ax, holdings: list[Holding]) -> None:
    for h in holdings:
        if h.geometry is None:
            continue
        colour = SIDE_COLOURS[h.side]
        series = gpd.GeoSeries([h.geometry], crs="EPSG:4326")
        if h.estimate and h.lower_bound:
            series.plot(ax=ax, facecolor=colour, alpha=0.08, edgecolor="none")
            series.plot(ax=ax, facecolor="none", edgecolor=colour, linewidth=1.3, linestyle=":")
        elif h.estimate:
            series.plot(ax=ax, facecolor=colour, alpha=0.15, edgecolor="none")
            series.plot(ax=ax, facecolor="none", edgecolor=colour, linewidth=1.2, linestyle="--", hatch="///")
        else:
            series.plot(ax=ax, facecolor=colour, alpha=0.35, edgecolor=colour, linewidth=1.2)


def _settlements(ax, ledger: Ledger | None, when: dt.date | None) -> set[str]:
    """The ledger's settlements by status on ``when``; the statuses drawn."""
    if ledger is None or when is None:
        return set()
    drawn = set()
    for entry in ledger.status_at(when).values():
        ax.plot(entry.place.lon, entry.place.lat, marker="o", markersize=3.6, color=STATUS_COLOURS[entry.status],
                markeredgecolor="#1b1b1b", markeredgewidth=0.5, linestyle="none", zorder=5)
        drawn.add(entry.status)
    return drawn


def _extent(holdings: list[Holding], points=()) -> tuple[float, float, float, float]:
    """lon0, lon1, lat0, lat1 around what is drawn, padded, in the map's aspect (4:3 on the ground)."""
    lon0, lat0, lon1, lat1 = bounds_of([h.geometry for h in holdings], points,
                                       focus=[h.geometry for h in holdings if h.side == "UA"])
    cx, cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    half_h = max((lat1 - lat0) / 2, (lon1 - lon0) / 2 * _COS * 0.75) * 1.25
    half_w = half_h * 4 / 3 / _COS
    return cx - half_w, cx + half_w, cy - half_h, cy + half_h


def _zoom(extent) -> int:
    """The web map's zoom level that shows about as much: the labels it would show."""
    width_deg = extent[1] - extent[0]
    return max(6, min(11, int(round(math.log2(360 / width_deg * 2.2)))))


def _frame(ax, extent, title: str) -> None:
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    ax.set_aspect(1 / _COS)
    ax.set_title(title.replace("$", r"\$"), fontsize=10, loc="left")  # "$...$" is mathematics to matplotlib
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    _scale_bar(ax, extent)
    _north_arrow(ax)


def _scale_bar(ax, extent) -> None:
    lon0, lon1, lat0, lat1 = extent
    km_per_deg = 111.32 * _COS
    width_km = (lon1 - lon0) * km_per_deg
    length = next(n for n in (100, 50, 20, 10, 5, 2, 1) if n <= width_km / 4)
    x0, y0 = lon0 + (lon1 - lon0) * 0.04, lat0 + (lat1 - lat0) * 0.05
    x1 = x0 + length / km_per_deg
    ax.add_patch(Rectangle((x0 - (lon1 - lon0) * 0.015, y0 - (lat1 - lat0) * 0.025), x1 - x0 + (lon1 - lon0) * 0.03,
                           (lat1 - lat0) * 0.085, facecolor="white", alpha=0.85, edgecolor="#999", linewidth=0.5,
                           zorder=6))
    ax.plot([x0, x1], [y0, y0], color="#222", linewidth=2.5, solid_capstyle="butt", zorder=7)
    ax.text((x0 + x1) / 2, y0 + (lat1 - lat0) * 0.012, f"{length} km", ha="center", va="bottom", fontsize=7,
            zorder=7)


def _north_arrow(ax) -> None:
    ax.annotate("N", xy=(0.955, 0.95), xytext=(0.955, 0.85), xycoords="axes fraction", ha="center", va="center",
                fontsize=9, fontweight="bold", arrowprops={"arrowstyle": "-|>", "color": "#222", "linewidth": 1.2},
                path_effects=_HALO, zorder=7)


def _legend(fig, holdings: list[Holding], statuses: set[str], *, changes: bool = False, bottom: float = 0.2) -> None:
    handles = []
    for h in holdings:
        if h.geometry is None:
            continue
        colour = SIDE_COLOURS[h.side]
        label = _label(f"{SIDE_NAMES[h.side]}, {voice_label(h.voice)}: {size_label(h)}")
        if h.estimate and h.lower_bound:
            handles.append(Patch(facecolor="none", edgecolor=colour, linestyle=":", label=label + " (lower bound)"))
        elif h.estimate:
            handles.append(Patch(facecolor=colour, alpha=0.3, edgecolor=colour, linestyle="--", hatch="///",
                                 label=label + " (size-matched estimate)"))
        else:
            handles.append(Patch(facecolor=colour, alpha=0.45, edgecolor=colour, label=label + " (named settlements)"))
    if changes:
        handles += [Patch(facecolor="#777", alpha=0.6, edgecolor="#333", label="ground gained between the dates"),
                    Patch(facecolor="none", edgecolor="#333", linestyle=":", label="ground lost between the dates")]
    handles += [Line2D([], [], marker="o", color=STATUS_COLOURS[s], markeredgecolor="#1b1b1b", linestyle="none",
                       label=f"settlement {STATUS_NAMES[s]}") for s in ("UA", "RU", "contested") if s in statuses]
    handles += [Line2D([], [], color=RIVER_COLOUR, label="river"),
                Line2D([], [], color="#555", linestyle=(0, (5, 4)), label="oblast border")]
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.005, bottom), ncol=2, fontsize=6.5,
               frameon=False, handlelength=2.2)
    fig.text(0.01, 0.012, ATTRIBUTION, fontsize=5.5, color="#555", wrap=True)


_MAP_W = 7.6          # inches of map width in a single map
_LEGEND_ROW = 0.19    # inches per legend row


def _layout(extent, columns: int, legend_rows: int) -> tuple[float, float, float]:
    """Figure width, height and map height (inches) for maps of ``extent`` side by side, no white space."""
    lon0, lon1, lat0, lat1 = extent
    map_w = _MAP_W if columns == 1 else 5.3
    map_h = map_w * (lat1 - lat0) / ((lon1 - lon0) * _COS)
    legend_h = 0.12 + legend_rows * _LEGEND_ROW + 0.32
    return map_w * columns + 0.1 * (columns + 1), map_h + 0.4 + legend_h, map_h


def _legend_rows(holdings: list[Holding], statuses: set[str], changes: bool) -> int:
    n = sum(1 for h in holdings if h.geometry is not None) + 2 * changes + len(statuses) + 2
    return math.ceil(n / 2)


def map_png(holdings: list[Holding], ledger: Ledger | None, when: dt.date | None, title: str, *,
            dpi: int = DPI) -> bytes:
    """One map as PNG bytes: the holdings given and the ledger's settlements as of ``when``."""
    status = ledger.status_at(when) if ledger is not None and when is not None else {}
    extent = _extent(holdings, [(e.place.lat, e.place.lon) for e in status.values()])
    statuses = {e.status for e in status.values()}
    width, height, map_h = _layout(extent, 1, _legend_rows(holdings, statuses, False))
    fig = plt.figure(figsize=(width, height))
    ax = fig.add_axes((0.1 / width, (height - 0.4 - map_h) / height, _MAP_W / width, map_h / height))
    _base(ax)
    _holdings(ax, holdings)
    _settlements(ax, ledger, when)
    _frame(ax, extent, title)
    _labels(ax, extent, _zoom(extent), [e.place for e in status.values()])
    _legend(fig, holdings, statuses, bottom=(height - 0.45 - map_h) / height)
    return _png(fig, dpi)


def compare_png(title_a: str, holdings_a: list[Holding], title_b: str, holdings_b: list[Holding], *,
                gained_lost: list | None = None, dpi: int = DPI) -> bytes:
    """Two maps side by side as PNG bytes, on the same extent."""
    extent = _extent([*holdings_a, *holdings_b])
    both = [*holdings_a, *holdings_b]
    width, height, map_h = _layout(extent, 2, _legend_rows(both, set(), bool(gained_lost)))
    fig = plt.figure(figsize=(width, height))
    for i, (title, holdings) in enumerate(((title_a, holdings_a), (title_b, holdings_b))):
        ax = fig.add_axes(((0.1 + i * 5.4) / width, (height - 0.4 - map_h) / height, 5.3 / width, map_h / height))
        _base(ax)
        _holdings(ax, holdings)
        if i == 1 and gained_lost:
            for side, gained, lost in gained_lost:
                if gained is not None:
                    gpd.GeoSeries([gained], crs="EPSG:4326").plot(ax=ax, facecolor=SIDE_COLOURS[side], alpha=0.55,
                                                                   edgecolor=SIDE_COLOURS[side], linewidth=1.5)
                if lost is not None:
                    gpd.GeoSeries([lost], crs="EPSG:4326").plot(ax=ax, facecolor="none", edgecolor=SIDE_COLOURS[side],
                                                                 linewidth=1.6, linestyle=":")
        _frame(ax, extent, title)
        _labels(ax, extent, _zoom(extent))
    _legend(fig, both, set(), changes=bool(gained_lost), bottom=(height - 0.45 - map_h) / height)
    return _png(fig, dpi)


def chart_png(series: dict[str, list[Holding]], *, dpi: int = DPI) -> bytes:
    """km² each claimant says Ukrainian forces hold, by the date the claims are about, as PNG bytes.

    A step line per claimant (a holding lasts until the claimant's next), each in a colour and dash of
    its own; after a claimant's last claim its line goes on faint and dotted (nothing said since). A
    marker at each claim: filled where the area rests on a figure, hollow where the figure is only a
    lower bound, a square where it is only the named settlements' cells."""
    fig, ax = plt.subplots(figsize=(10.5, 4.6))
    colours = plt.get_cmap("tab20")
    end = max((h.date for hs in series.values() for h in hs), default=None)
    # the view of all claims underneath, wide and grey; each claimant over it, those with most claims first
    # (in the strongest colours, and first in the legend)
    ordered = sorted(series.items(), key=lambda kv: (kv[0] != ALL, -len(kv[1]), kv[0]))
    for i, (voice, holdings) in enumerate(ordered):
        everyone = voice == ALL
        # tab20 in its dark shades first, then its light ones; a dash of its own for each round of 20
        k = i - 1
        colour = "#9a9a9a" if everyone else colours((2 * k) % 20 + (k // 10) % 2)
        dash = "-" if everyone else _DASHES[(k // 20) % len(_DASHES)]
        xs = [h.date for h in holdings]
        ys = [h.area_km2 for h in holdings]
        ax.step(xs, ys, where="post", color=colour, linewidth=5 if everyone else 1.4, alpha=0.55 if everyone else 0.95,
                linestyle=dash, label=_label(voice), zorder=1 if everyone else 2)
        if end is not None and holdings[-1].date < end:  # nothing said since: the last holding stands, faintly
            ax.plot([holdings[-1].date, end], [ys[-1], ys[-1]], color=colour, linewidth=5 if everyone else 1.4,
                    alpha=0.55 if everyone else 0.85, linestyle="-" if everyone else ":", zorder=1 if everyone else 2)
        for h in holdings:
            ax.plot(h.date, h.area_km2, marker="s" if h.figure is None else "o", markersize=4 if everyone else 6,
                    color=colour, linestyle="none", markerfacecolor="white" if h.lower_bound else colour,
                    zorder=1 if everyone else 3)
    ax.set_title("Ground claimed held by Ukrainian forces, per claimant", fontsize=11, loc="left")
    ax.set_xlabel("date the claims are about")
    ax.set_ylabel("km² (as drawn)")
    ax.grid(alpha=0.3)
    handles, labels = ax.get_legend_handles_labels()
    handles += [Line2D([], [], marker="o", color="#555", linestyle="none", label="a claimed size"),
                Line2D([], [], marker="o", color="#555", markerfacecolor="white", linestyle="none",
                       label="a lower bound"),
                Line2D([], [], marker="s", color="#555", linestyle="none", label="named settlements only"),
                Line2D([], [], color="#555", linestyle=":", linewidth=1.4, label="no later claim")]
    ax.legend(handles=handles, fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    fig.autofmt_xdate()
    fig.tight_layout()
    return _png(fig, dpi)


_DASHES = ("-", "--", "-.")


def _label(voice: str) -> str:
    # matplotlib reads "$...$" as mathematics: a claimant's name is text
    return ("all claims" if voice == ALL else voice).replace("$", r"\$")
