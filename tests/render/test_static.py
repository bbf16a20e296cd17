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
