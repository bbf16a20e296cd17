"""Sides: whose forces a verb is about when the sentence names none."""

from tests.claims.helpers import claims


def test_the_army_fights_for_the_side_of_the_source_before(gazetteer):
    found = claims("The Russian Defence Ministry said its forces had retaken Sverdlikovo in the Kursk region. "
                   "In December, the army seized three localities - Plekhovo, Darino and Novoivanovka.", gazetteer)
    assert [c.side for c in found if c.kind == "claim"] == ["RU", "RU"]


def test_forces_fighting_to_hold_ground_are_the_ones_holding_it(gazetteer):
    (c,) = claims("Moscow has escalated its attacks on Ukrainian forces fighting to hold the Kursk enclave.", gazetteer)
    assert (c.kind, c.side, c.action) == ("claim", "UA", "controls")


def test_a_participle_before_its_subject_takes_that_subject(gazetteer):
    (c,) = [c for c in claims("After launching a counteroffensive in the Kursk region, Russia stepped up its attacks.",
                              gazetteer) if c.action == "advanced"]
    assert c.side == "RU"


def test_they_go_on_about_the_forces_that_opened_the_sentence_before(gazetteer):
    found = claims("According to open sources, Russian forces have crossed the Ukrainian border near the village of "
                   "Novenke. They are now pushing south and have already taken the village of Basivka.", gazetteer,
                   publisher="Babel")
    (c,) = [c for c in found if c.action == "captured"]
    assert (c.side, c.places) == ("RU", ("Basivka",))


def test_thousands_of_soldiers_are_the_subject_not_an_object(gazetteer):
    (c,) = claims("Thousands of Ukrainian soldiers punched through the border into the Kursk region on Aug. 6.",
                  gazetteer, publisher="The Star")
    assert (c.side, c.action) == ("UA", "advanced")


def test_the_troops_named_are_the_subject_of_a_gerund_not_an_object_before_them(gazetteer):
    found = claims("Taking the Russians by surprise, Ukrainian troops broke through the lines by crossing the border "
                   "into the Kursk region.", gazetteer)
    assert {c.side for c in found if c.action == "advanced"} == {"UA"}


def test_a_country_named_as_the_place_is_no_subject(gazetteer):
    (c, *_) = [c for c in claims("Russian troops had been driven back in eastern Ukraine, but they have now taken up "
                                 "their advance again, capturing 600 square kilometres in November.", gazetteer,
                                 date="2024-11-26") if c.area_km2]
    assert (c.side, c.action, c.area_km2, c.places) == ("RU", "captured", 600.0, ("Ukraine",))  # not Kursk's ground


def test_a_participle_after_a_comma_goes_on_about_the_force_and_ground_before_it(gazetteer):
    found = claims("Russian forces are pushing forward in Ukraine at the quickest pace since 2022, seizing an area half "
                   "the size of London over the last month, analysts said.", gazetteer, date="2024-11-26")
    assert [(c.side, c.action, c.places, c.fraction) for c in found if c.kind == "claim"] == [
        ("RU", "advanced", ("Ukraine",), None), ("RU", "captured", ("Ukraine",), None)]
