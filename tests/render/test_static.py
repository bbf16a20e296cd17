"""The static images' place names: what the claims name is labelled before anything else."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from kursk_map.render import static  # noqa: E402


def test_a_settlement_the_claims_name_keeps_its_label_under_a_country_name(gazetteer):
    sudzha = next(p for p in gazetteer.lookup("Sudzha") if p.kind == "settlement" and p.admin1 == "Kursk Oblast")
    # the frame of a one-settlement map of Sudzha: Russia's name falls at its centre, where Sudzha is
    extent = (sudzha.lon - 0.28, sudzha.lon + 0.28, sudzha.lat - 0.13, sudzha.lat + 0.13)
    fig, ax = plt.subplots(figsize=(8, 6))
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    static._labels(ax, extent, static._zoom(extent), [sudzha])
    texts = [t.get_text().strip() for t in ax.texts]
    plt.close(fig)
    assert texts[0] == "Sudzha" and texts.count("Sudzha") == 1, texts


def test_no_name_is_drawn_under_the_scale_bar_or_cut_by_the_frame(gazetteer):
    sudzha = next(p for p in gazetteer.lookup("Sudzha") if p.kind == "settlement" and p.admin1 == "Kursk Oblast")
    extent = (sudzha.lon - 0.5, sudzha.lon + 0.5, sudzha.lat - 0.55, sudzha.lat + 0.2)  # Sumy at its lower left
    fig, ax = plt.subplots(figsize=(8, 6))
    static._frame(ax, extent, "test")
    static._labels(ax, extent, static._zoom(extent), [sudzha])
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    above = [a.get_window_extent(renderer) for a in [*ax.patches, *ax.texts] if a.get_zorder() >= 6]
    names = [t for t in ax.texts if t.get_zorder() < 6]
    boxes = [t.get_window_extent(renderer) for t in names]
    plt.close(fig)
    assert len(names) > 5
    assert not any(box.overlaps(other) for box in boxes for other in above)
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1 for b in boxes)
