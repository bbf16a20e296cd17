"""The situation against independent reporting (tests/data/reference): the scorer, and the figures it
holds the tool to on the real corpus."""

from __future__ import annotations

import datetime as dt

import pytest

from kursk_map.evaluation.situation import TARGET_DATES, load_reference, score_at_reference_size, score_situation
from kursk_map.pipeline import claims_for
from kursk_map.situation import situation_of
from kursk_map.situation.ledger import Ledger, build_ledger
from tests.conftest import ROOT

REFERENCE = ROOT / "tests" / "data" / "reference"


@pytest.fixture(scope="module")
def reference(gazetteer):
    return load_reference(REFERENCE, gazetteer)


def test_the_reference_places_almost_every_settlement_it_names(reference):
    named = {r.name for r in reference.rows if not r.name.startswith("(")}
    assert len(reference.unplaced()) <= 0.15 * len(named), reference.unplaced()
    assert {r.place.admin1 for r in reference.rows if r.place} == {"Kursk Oblast"}


def test_reference_sizes_come_from_its_independent_figures(reference):
    assert reference.km2_at(dt.date(2025, 2, 6)) == 428
    assert reference.km2_at(dt.date(2025, 3, 13)) == 140
    assert 140 > reference.km2_at(dt.date(2025, 3, 14)) > 110  # between 13 and 16 March
    held, russian = reference.status_at(dt.date(2025, 3, 20))
    assert {"Gornal", "Oleshnya"} <= {p.name for p in held}
    assert "Sudzha" in {p.name for p in russian}


def test_the_real_corpus_situation_beats_a_disc_of_the_reference_size(reference, gazetteer):
    reports = list(claims_for([str(ROOT / "tests" / "data" / "real" / "texts")]).results)
    scores = score_situation(situation_of(reports, gazetteer), reference, gazetteer)
    assert [s.date for s in scores] == list(TARGET_DATES)
    mean = sum(s.iou for s in scores) / len(scores)
    disc = sum(s.iou_disc for s in scores) / len(scores)
    # bench/eval_situation.py prints these: 0.49 against 0.39 on 124 reports, 0.45 on the 152 of the fourth batch,
    # 0.37 when the fifth came (176), 0.51 since and 0.52 with the seventh (217; the issue aims at 0.6)
    assert mean >= 0.5 and mean > disc + 0.1, (mean, disc)
    assert sum(s.russian_outside for s in scores) >= 0.8 * sum(s.russian for s in scores)


def test_an_empty_ledger_at_the_reference_size_is_the_growth_with_no_names(reference, gazetteer):
    baseline = score_situation(situation_of([], gazetteer), reference, gazetteer)
    sized = score_at_reference_size(Ledger(()), reference, gazetteer)
    assert [d for d, _ in sized] == list(TARGET_DATES)
    # the same cells; the holding's outline is rounded to degrees and back
    assert all(abs(i - s.iou_grown) < 1e-3 for (_, i), s in zip(sized, baseline))


def test_named_ground_grown_to_the_reference_size_holds_its_settlements(reference, gazetteer):
    reports = list(claims_for([str(ROOT / "seeds")]).results)
    sized = dict(score_at_reference_size(build_ledger(reports), reference, gazetteer))
    assert all(0.0 <= i <= 1.0 for i in sized.values()) and max(sized.values()) > 0.5
