"""Static images for reports (PDF, Word): maps and the area-over-time chart, via matplotlib.

Same styling rules as the web maps: colour by side, estimates hatched and faint, lost
ground as a dotted outline. PNGs carry no timestamp or version, so builds are identical.
"""

from __future__ import annotations

import datetime as dt
import functools
import io

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from kursk_map.render.layers import ATTRIBUTION, SIDE_COLOURS, SIDE_NAMES  # noqa: E402
from kursk_map.situation import geometry as geo  # noqa: E402
from kursk_map.situation.areas import DerivedArea  # noqa: E402

__all__ = ["map_png", "compare_png", "chart_png"]

_EXTENT = (34.2, 36.6, 50.75, 51.95)   # lon min, lon max, lat min, lat max: the Kursk border districts
_PNG = {"format": "png", "dpi": 110, "metadata": {"Software": None}}


@functools.cache
def _outline_series(pid: str) -> gpd.GeoSeries:
    """A display outline, simplified once per process, not once per image."""
    return gpd.GeoSeries([geo.simplified(geo.region_outline(pid), tolerance_m=300)], crs="EPSG:4326")


def _outlines(ax) -> None:
    for pid, style in (("country:UA", {"facecolor": "#efeae0", "edgecolor": "#777", "linewidth": 0.8}),
                       ("country:RU", {"facecolor": "#f5f3ee", "edgecolor": "#777", "linewidth": 0.8}),
                       ("ne:RU-KRS", {"facecolor": "none", "edgecolor": "#333", "linewidth": 1.4, "linestyle": "--"}),
                       ("ne:UA-59", {"facecolor": "none", "edgecolor": "#888", "linewidth": 0.8, "linestyle": "--"}),
                       ("ne:RU-BEL", {"facecolor": "none", "edgecolor": "#888", "linewidth": 0.8, "linestyle": "--"})):
        _outline_series(pid).plot(ax=ax, **style)


def _areas(ax, areas: list[DerivedArea]) -> None:
    for a in areas:
        colour = SIDE_COLOURS[a.side]
        series = gpd.GeoSeries([a.geometry], crs="EPSG:4326")
        if a.status == "lost":
            series.plot(ax=ax, facecolor="none", edgecolor=colour, linewidth=1.2, linestyle=":")
        elif a.derivation == "area-matched":
            series.plot(ax=ax, facecolor=colour, alpha=0.15, edgecolor="none")
            series.plot(ax=ax, facecolor="none", edgecolor=colour, linewidth=1.2, linestyle="--", hatch="///")
        else:
            series.plot(ax=ax, facecolor=colour, alpha=0.35, edgecolor=colour, linewidth=1.2,
                        linestyle="-" if a.derivation == "sourced" else ":")


def _frame(ax, title: str) -> None:
    ax.set_xlim(_EXTENT[0], _EXTENT[1])
    ax.set_ylim(_EXTENT[2], _EXTENT[3])
    ax.set_aspect(1 / 0.63)   # cos(51.3°): degrees of longitude are shorter here
    ax.set_title(title, fontsize=10)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")


def _legend(fig) -> None:
    handles = [Patch(facecolor=SIDE_COLOURS[s], alpha=0.5, label=SIDE_NAMES[s]) for s in ("UA", "RU")]
    handles += [Patch(facecolor="none", edgecolor="#333", linestyle="--", hatch="///", label="estimate (size-matched)"),
                Patch(facecolor="#999", alpha=0.5, edgecolor="#333", linestyle=":", label="around named settlements"),
                Patch(facecolor="#999", alpha=0.5, edgecolor="#333", label="sourced geometry")]
    fig.legend(handles=handles, loc="lower center", ncol=5, fontsize=7, frameon=False)
    fig.text(0.5, 0.005, ATTRIBUTION, ha="center", fontsize=6, color="#555")


def _save(fig) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, **_PNG)
    plt.close(fig)
    return out.getvalue()


def map_png(areas: list[DerivedArea], title: str) -> bytes:
    """One map as PNG bytes."""
    fig, ax = plt.subplots(figsize=(8, 6.4))
    _outlines(ax)
    _areas(ax, areas)
    _frame(ax, title)
    _legend(fig)
    return _save(fig)


def compare_png(title_a: str, areas_a: list[DerivedArea], title_b: str, areas_b: list[DerivedArea]) -> bytes:
    """Two maps side by side as PNG bytes."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(13, 6.2))
    for ax, title, areas in ((ax1, title_a, areas_a), (ax2, title_b, areas_b)):
        _outlines(ax)
        _areas(ax, areas)
        _frame(ax, title)
    _legend(fig)
    return _save(fig)


def chart_png(series: dict[str, list[tuple[dt.date, float]]]) -> bytes:
    """km² claimed held by each side, per date, as PNG bytes."""
    fig, ax = plt.subplots(figsize=(8, 3.6))
    for side, points in sorted(series.items()):
        if points:
            ax.plot([d for d, _ in points], [v for _, v in points], marker="o", color=SIDE_COLOURS[side],
                    label=SIDE_NAMES[side])
    ax.set_ylabel("km² claimed held (as drawn)")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.autofmt_xdate()
    fig.tight_layout()
    return _save(fig)
