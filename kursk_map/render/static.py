"""Static images for reports (PDF, Word): maps and the area-over-time chart, via matplotlib.

Same styling rules as the web maps: colour by side, the cells of named settlements solid,
size-matched estimates hatched and faint, lower bounds dotted. PNGs carry no timestamp or version, so builds are identical.
"""

from __future__ import annotations

import datetime as dt
import functools
import io

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from kursk_map.render.holdings import STATUS_COLOURS  # noqa: E402
from kursk_map.render.layers import ATTRIBUTION, SIDE_COLOURS, SIDE_NAMES  # noqa: E402
from kursk_map.situation import ALL, Holding, Ledger  # noqa: E402
from kursk_map.situation import geometry as geo  # noqa: E402

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


def _holdings(ax, holdings: list[Holding]) -> None:
    for h in holdings:
        if h.geometry is None:
            continue
        colour = SIDE_COLOURS[h.side]
        series = gpd.GeoSeries([h.geometry], crs="EPSG:4326")
        if h.lower_bound:
            series.plot(ax=ax, facecolor=colour, alpha=0.08, edgecolor="none")
            series.plot(ax=ax, facecolor="none", edgecolor=colour, linewidth=1.2, linestyle=":")
        elif h.estimate:
            series.plot(ax=ax, facecolor=colour, alpha=0.15, edgecolor="none")
            series.plot(ax=ax, facecolor="none", edgecolor=colour, linewidth=1.2, linestyle="--", hatch="///")
        else:
            series.plot(ax=ax, facecolor=colour, alpha=0.35, edgecolor=colour, linewidth=1.2)


def _settlements(ax, ledger: Ledger | None, when: dt.date | None) -> None:
    if ledger is None or when is None:
        return
    for entry in ledger.status_at(when).values():
        ax.plot(entry.place.lon, entry.place.lat, marker="o", markersize=4, color=STATUS_COLOURS[entry.status],
                markeredgecolor="#1b1b1b", markeredgewidth=0.6, linestyle="none")


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
    handles += [Patch(facecolor="#999", alpha=0.5, edgecolor="#333", label="cells of named settlements"),
                Patch(facecolor="none", edgecolor="#333", linestyle="--", hatch="///", label="matched to a claimed size"),
                Patch(facecolor="none", edgecolor="#333", linestyle=":", label="at least (lower bound)"),
                Line2D([], [], marker="o", color=STATUS_COLOURS["contested"], markeredgecolor="#1b1b1b",
                       linestyle="none", label="settlement named (colour: status)")]
    fig.legend(handles=handles, loc="lower center", ncol=6, fontsize=7, frameon=False)
    fig.text(0.5, 0.005, ATTRIBUTION, ha="center", fontsize=6, color="#555")


def _save(fig) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, **_PNG)
    plt.close(fig)
    return out.getvalue()


def map_png(holdings: list[Holding], ledger: Ledger | None, when: dt.date | None, title: str) -> bytes:
    """One map as PNG bytes: the holdings given and the ledger's settlements as of ``when``."""
    fig, ax = plt.subplots(figsize=(8, 6.4))
    _outlines(ax)
    _holdings(ax, holdings)
    _settlements(ax, ledger, when)
    _frame(ax, title)
    _legend(fig)
    return _save(fig)


def compare_png(title_a: str, holdings_a: list[Holding], title_b: str, holdings_b: list[Holding]) -> bytes:
    """Two maps side by side as PNG bytes."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(13, 6.2))
    for ax, title, holdings in ((ax1, title_a, holdings_a), (ax2, title_b, holdings_b)):
        _outlines(ax)
        _holdings(ax, holdings)
        _frame(ax, title)
    _legend(fig)
    return _save(fig)


def chart_png(series: dict[str, list[Holding]]) -> bytes:
    """km² each claimant says Ukrainian forces hold, by the date the claims are about, as PNG bytes.

    A step line per claimant (a holding lasts until the claimant's next); a marker at each claim,
    hollow where the size is only a lower bound."""
    fig, ax = plt.subplots(figsize=(9, 4.2))
    colours = plt.get_cmap("tab10")
    for i, (voice, holdings) in enumerate(series.items()):
        colour = "#222222" if voice == ALL else colours(i % 10)
        xs = [h.date for h in holdings]
        ys = [h.area_km2 for h in holdings]
        ax.step(xs, ys, where="post", color=colour, linewidth=2.2 if voice == ALL else 1.2,
                alpha=0.9, label=_label(voice))
        for h in holdings:
            ax.plot(h.date, h.area_km2, marker="o", markersize=4.5, color=colour, linestyle="none",
                    markerfacecolor="white" if h.lower_bound else colour)
    ax.set_ylabel("km² claimed held by Ukrainian forces")
    ax.grid(alpha=0.3)
    if series:
        ax.legend(fontsize=7, ncol=2, loc="upper right")
    fig.autofmt_xdate()
    fig.tight_layout()
    return _save(fig)


def _label(voice: str) -> str:
    # matplotlib reads "$...$" as mathematics: a claimant's name is text
    return ("all claims" if voice == ALL else voice).replace("$", r"\$")
