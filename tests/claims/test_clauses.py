"""Clauses: a relative or describing clause, an aside, and which verb is news and which a recap.

Invented sentences (each rule needs its own case); the headline figures are in bench/eval_claims.py.
"""

import pytest

from tests.claims.helpers import claims


@pytest.mark.parametrize("sentence, side, action", [
    ("The ministry said it has regained full control of Sudzha, the biggest town Ukraine had conquered in Kursk.",
     "RU", "recaptured"),
    ("Russian forces recaptured Sudzha, which Ukrainian troops had seized in August.", "RU", "recaptured")])
def test_a_clause_describing_the_main_claims_settlement_is_no_claim_of_its_own(gazetteer, sentence, side, action):
    found = claims(sentence, gazetteer)
    assert [(c.side, c.action, c.places) for c in found if c.kind == "claim"] == [(side, action, ("Sudzha",))]


def test_a_present_description_after_a_movement_is_still_a_claim(gazetteer):
    (c,) = claims("Russian forces were fighting near Sudzha, which is under Kyiv's control.", gazetteer)
    assert (c.kind, c.side, c.action, c.places) == ("claim", "UA", "controls", ("Sudzha",))


def test_an_aside_between_dashes_is_neither_subject_nor_clause_break(gazetteer):
    found = claims("In August 2024, Ukraine stunned the world—and Russia above all—by launching an incursion into "
                   "the Kursk region and capturing more than 1,000 square kilometers.", gazetteer, date="2025-01-05")
    assert [(c.kind, c.side, c.action, c.area_km2) for c in found] == [
        ("context", "UA", "advanced", None), ("claim", "UA", "captured", 1000.0)]
    assert found[1].as_of is None and found[1].recap  # told in January of August: no day


@pytest.mark.parametrize("sentence, side, action", [
    ("The fighting was intensifying in the Donetsk region, where Russian forces are advancing at their quickest pace.",
     "RU", "advanced"),
    ("Ukraine launched its incursion to pull Russian forces away from the Donbas region, where Moscow keeps advancing.",
     "RU", "advanced")])
def test_a_describing_clause_in_the_present_is_todays_news(gazetteer, sentence, side, action):
    found = [c for c in claims(sentence, gazetteer) if c.kind == "claim"]
    assert [(c.side, c.action, c.recap, c.as_of.isoformat()) for c in found] == [(side, action, False, "2024-10-10")]


def test_areas_under_control_earlier_are_no_present_claim(gazetteer):
    assert not [c for c in claims("Russia has moved several hundred civilians who were earlier trapped in areas under "
                                  "Ukraine's control in the Kursk region.", gazetteer) if c.kind == "claim"]


def test_a_place_goes_to_the_verb_of_its_own_clause(gazetteer):
    found = claims("DeepState reported that the Ukrainian military had achieved success east of Sudzha in Russia's "
                   "Kursk Oblast, while the Russians had advanced in Donetsk Oblast.", gazetteer)
    assert [(c.side, c.action, c.places) for c in found] == [
        ("UA", "advanced", ("Sudzha", "Kursk Oblast")), ("RU", "advanced", ("Donetsk Oblast",))]


def test_what_was_won_back_afterward_is_a_recap(gazetteer):
    (c,) = claims("However, Russian forces managed to win back some of the territory in the Kursk region afterward.",
                  gazetteer)
    assert c.kind == "context"


def test_forces_that_had_invaded_are_described_not_claimed(gazetteer):
    (c,) = claims("Gerasimov says the Ukrainian forces that had invaded the Kursk region were cut off.", gazetteer)
    assert c.kind == "context"
    (m,) = [c for c in claims("The ministry said the troops that Ukraine had sent captured two villages in the Kursk "
                              "region.", gazetteer) if c.action == "captured"]
    assert (m.kind, m.settlement_count) == ("claim", 2)


def test_the_last_villages_are_the_ones_named_before(gazetteer):
    found = claims("Ukrainian forces still fight in Gornal and Oleshnya. These are the last villages where the defence "
                   "forces still hold control.", gazetteer)
    assert [(c.side, c.action, c.places) for c in found if c.action == "controls"] == [
        ("UA", "controls", ("Gornal", "Oleshnya"))]


def test_a_figure_down_from_earlier_claims_is_an_undated_recap(gazetteer):
    found = claims("A Ukrainian army source told AFP last month that Kyiv still controlled 800 square kilometres of the "
                   "Kursk region, down from earlier claims that it controlled almost 1,400 square kilometres.",
                   gazetteer, date="2024-12-11")
    assert [(c.area_km2, c.recap, c.as_of and c.as_of.isoformat()) for c in found] == [
        (800.0, False, "2024-11-11"), (1400.0, True, None)]


def test_then_rather_than_now_gives_an_earlier_and_a_current_figure(gazetteer):
    found = claims("Ukrainian troops controlled roughly 350 sq km of Kursk Oblast at that point, rather than 100 sq km "
                   "as they do now.", gazetteer, date="2025-03-21")
    assert [(c.area_km2, c.recap, c.as_of and c.as_of.isoformat()) for c in found] == [
        (350.0, True, None), (100.0, False, "2025-03-21")]


@pytest.mark.parametrize("date, kind", [("2024-08-18", "context"), ("2024-08-09", "claim")])
def test_a_border_crossing_dated_over_a_week_before_the_report_is_how_it_began(gazetteer, date, kind):
    (c,) = [c for c in claims("Ukrainian forces in the early hours of 6 August crossed the border into Russia's Kursk "
                              "Oblast.", gazetteer, date=date) if c.action == "advanced"]
    assert (c.kind, c.side) == (kind, "UA")


def test_a_hold_kept_since_an_incursion_is_todays_news_not_the_incursions_date(gazetteer):
    found = claims("Ukrainian troops broke across the border in a surprise incursion on Aug. 6 and have managed to "
                   "keep hold of a part of the Kursk region since.", gazetteer, date="2025-01-07")
    assert [(c.kind, c.action, str(c.as_of)) for c in found] == [
        ("context", "advanced", "2024-08-06"), ("claim", "controls", "2025-01-07")]
