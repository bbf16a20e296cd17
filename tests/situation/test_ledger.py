"""The settlement ledger: each named settlement's claimed status over time, whoever says it."""

from __future__ import annotations

import datetime as dt

import pytest

from kursk_map.situation.ledger import build_ledger, claimant_group, status_of
from tests.situation.helpers import report

D = dt.date.fromisoformat


@pytest.mark.parametrize("action, side, status", [
    ("controls", "UA", "UA"), ("captured", "UA", "UA"), ("recaptured", "RU", "RU"), ("lost", "UA", "RU"),
    ("withdrew", "RU", "UA"), ("advanced", "UA", "contested"), ("halted", "RU", "contested")])
def test_status_of_each_action(action, side, status):
    assert status_of(action, side) == status


@pytest.mark.parametrize("claimant, voice", [
    ("the Russian Defence Ministry", "Russian officials and state media"), ("TASS", "Russian officials and state media"),
    ("Ukrainian commander-in-chief Oleksandr Syrskyi", "Ukrainian officials"), ("the General Staff", "Ukrainian officials"),
    ("DeepState", "independent trackers"), ("the Institute for the Study of War", "independent trackers"),
    ("Russian military blogger Rybar", "Russian military bloggers"), ("U.S. officials", "US officials"),
    ("the Kyiv Independent", "Ukrainian officials")])
def test_claimants_speak_with_their_institutions_voice(claimant, voice):
    assert claimant_group(claimant) == voice


@pytest.fixture(scope="module")
def reports(gazetteer):
    return [
        report("Ukrainian forces captured Martynovka and Malaya Loknya, the General Staff said.", gazetteer, "2024-08-12"),
        report("Ukrainian forces control Martynovka, the General Staff said.", gazetteer, "2024-08-20"),
        report("Russian forces recaptured Martynovka, the Russian Defence Ministry said.", gazetteer, "2024-09-14"),
        report("Russian forces retook two villages in the Kursk region, the Russian Defence Ministry said.",
               gazetteer, "2024-09-20"),
        report("Russian forces advanced towards Malaya Loknya, TASS said.", gazetteer,
               "2024-10-01"),
    ]


def test_each_claim_about_a_settlement_is_an_entry_with_its_claim(reports):
    ledger = build_ledger(reports)
    names = [p.name for p in ledger.places()]
    assert names == ["Malaya Loknya", "Martynovka"]
    martynovka = ledger.places()[1]
    history = ledger.history(martynovka)
    assert [(e.when, e.status) for e in history] == [(D("2024-08-12"), "UA"), (D("2024-08-20"), "UA"),
                                                     (D("2024-09-14"), "RU")]
    assert history[-1].voice == "Russian officials and state media"
    assert "recaptured Martynovka" in history[-1].claim.quote
    assert history[-1].report.path == reports[2].path


def test_a_repeated_status_keeps_its_first_date_and_a_change_moves_it(reports):
    ledger = build_ledger(reports)
    martynovka = ledger.places()[1]
    assert ledger.since(martynovka, D("2024-09-01")) == D("2024-08-12")
    assert ledger.since(martynovka) == D("2024-09-14")


def test_a_count_without_names_changes_no_settlement(reports):
    ledger = build_ledger(reports)
    assert not [e for e in ledger.entries if e.report.path == reports[3].path]


def test_ground_near_a_settlement_does_not_change_its_status(gazetteer):
    near = report("Ukrainian forces regained lost positions near Vovchansk, the General Staff said.", gazetteer,
                  "2024-11-01")
    assert [c.places for c in near.claims if c.kind == "claim"] == [("Vovchansk",)]
    assert build_ledger([near]).entries == ()


def test_a_settlement_not_named_again_keeps_its_last_status(reports):
    ledger = build_ledger(reports)
    late = ledger.status_at(D("2025-01-01"))
    assert {e.place.name: e.status for e in late.values()} == {"Martynovka": "RU", "Malaya Loknya": "contested"}
    ukraine = ledger.status_at(D("2025-01-01"), "Ukrainian officials")
    assert {e.place.name: e.status for e in ukraine.values()} == {"Martynovka": "UA", "Malaya Loknya": "UA"}


def test_the_ledger_is_the_same_whatever_the_order_of_its_reports(reports):
    ledger = build_ledger(reports)
    for order in (reports[::-1], reports[2:] + reports[:2]):
        again = build_ledger(order)
        assert [(e.key, e.status, e.voice) for e in again.entries] == [(e.key, e.status, e.voice)
                                                                       for e in ledger.entries]
