"""Areas, counts of settlements and fractions as reporting writes them."""

import pytest

from kursk_map.claims.figures import SQ_MILE_KM2, find_areas, find_counts, find_fractions
from tests.claims.helpers import claims


@pytest.mark.parametrize("text, km2, qualifier", [
    ("almost 1,300 square kilometers (500 square miles)", 1300.0, "almost"),
    ("roughly 1,000 square kilometres", 1000.0, "about"),
    ("over 800 km²", 800.0, "over"),
    ("more than 1,150 square km (444 square miles)", 1150.0, "over"),
    ("more than 1.3 thousand sq km", 1300.0, "over"),
    ("about 500 square miles", round(500 * SQ_MILE_KM2, 1), "about"),
    ("около 1000 кв. км", 1000.0, "about"),
])
def test_areas(text, km2, qualifier):
    (area,) = find_areas(text)
    assert (area.km2, area.qualifier) == (km2, qualifier)


@pytest.mark.parametrize("text, count, words, rng", [
    ("controls 28 settlements", 28, None, None),
    ("took 100 settlements", 100, None, None),
    ("retaken about a dozen villages", 12, "about a dozen", (10, 14)),
    ("captured dozens of villages", None, "dozens", (24, 99)),
    ("quickly captured several dozen towns", None, "several dozen", (24, 99)),
    ("taking over several border villages", None, "several", (3, 9)),
    ("liberated ten settlements", 10, None, None),
    ("освободили 5 населённых пунктов", 5, None, None),
])
def test_counts(text, count, words, rng):
    (c,) = find_counts(text)
    assert (c.count, c.text, c.range) == (count, words, rng)


def test_soldiers_are_not_settlements():
    assert find_counts("over 1,000 Ukrainian soldiers and 12,000 North Korean troops") == []


@pytest.mark.parametrize("text, value", [
    ("lost about half of the territory", 0.5),
    ("roughly 40% of the ground it seized", 0.4),
    ("two-thirds of the area", 0.667),
    ("a third of the land it held", 0.333),
])
def test_fractions(text, value):
    assert [f.value for f in find_fractions(text)] == [value]


def test_fraction_of_something_else_is_not_a_fraction_of_ground():
    assert find_fractions("half of the soldiers were wounded") == []
    assert find_fractions("seizing an area half the size of London over the last month") == []


def test_a_size_is_not_a_figure_of_control():
    assert find_areas("the Kursk region, which covers nearly 30,000 square kilometres") == []
    assert [a.km2 for a in find_areas("Ukraine seized an area of 1,000 km²")] == [1000.0]
    assert [a.km2 for a in find_areas("the bridgehead now covers about 500 km²")] == [500.0]


def test_a_fifth_is_a_fraction(gazetteer):
    (c,) = claims("Russia controls about a fifth of Ukraine's territory.", gazetteer)
    assert (c.side, c.action, c.fraction) == ("RU", "controls", 0.2)


def test_a_fraction_with_its_area_in_brackets_is_still_of_the_region():
    (f,) = find_fractions("63.2% (801 square kilometers) of the Kursk Region had been taken")
    assert f.value == 0.632


@pytest.mark.parametrize("text, value", [
    ("Russia claims to have retaken 64% of Kursk from Ukrainian forces", 0.64),
    ("troops are believed to have won back 40-50% of that area", 0.4)])
def test_a_share_of_a_named_region_and_a_range_of_shares(text, value):
    (f,) = find_fractions(text)
    assert f.value == value


def test_two_verbs_of_one_claim_keep_both_figures(gazetteer):
    (c,) = claims("Russian forces have won back more than 800 square kilometers in the Kursk region, regaining about "
                  "64% of the territory Ukraine had seized, a senior Russian general claimed.", gazetteer)
    assert (c.action, c.area_km2, c.fraction) == ("recaptured", 800.0, 0.64)
