"""Claimants and source chains."""

import pytest

from kursk_map.claims.attribution import attributions, chain
from tests.claims.helpers import claims


def _chain(text, publisher="Pub"):
    return chain(attributions(text, 0, len(text)), publisher)


@pytest.mark.parametrize("text, claimant, sources", [
    ("Ukraine holds it, Bloomberg reported Tuesday, citing a Western intelligence official.",
     "a Western intelligence official", ("Pub", "Bloomberg", "a Western intelligence official")),
    ("The Russian Defense Ministry said the advance had been halted.",
     "the Russian Defence Ministry", ("Pub", "the Russian Defence Ministry")),
    ("“They will not hold it,” the official told Bloomberg.", "the official", ("Pub", "Bloomberg", "the official")),
    ("It is unlikely to last, according to an official with the US-led military bloc",
     "an official with the US-led military bloc", ("Pub", "an official with the US-led military bloc")),
    ("Russia has since claimed to have retaken about a dozen villages", "Russia", ("Pub", "Russia")),
    ("Ukraine launched its offensive on Aug. 6, claiming to control 100 settlements.", "Ukraine", ("Pub", "Ukraine")),
    ("Kursk acting governor Alexei Smirnov said 28 settlements were under Ukrainian control.",
     "Kursk acting governor Alexei Smirnov", ("Pub", "Kursk acting governor Alexei Smirnov")),
    ("The ministry also released a video that it said showed the capture of Pokrovsky.", "the ministry",
     ("Pub", "the ministry")),  # "it" is the one that released the video
    ("Overnight, DeepState analysts updated their map and reported that Ukraine had advanced.", "DeepState analysts",
     ("Pub", "DeepState analysts")),
])
def test_claimant_and_chain(text, claimant, sources):
    assert _chain(text) == (claimant, sources)


def test_the_report_own_voice_is_the_publisher():
    assert _chain("Ukrainian forces have captured dozens of villages.") == ("Pub", ("Pub",))
    assert _chain("Ukrainian forces have captured dozens of villages.", None) == (
        "unknown publisher", ("unknown publisher",))


def test_a_pronoun_is_not_a_claimant():
    assert _chain("It said the town was retaken.") == ("Pub", ("Pub",))


def test_an_estimated_figure_is_no_verb_of_saying(gazetteer):
    (c,) = claims("Russia has since retaken an estimated 40 percent of this territory.", gazetteer)
    assert (c.kind, c.claimant, c.side, c.action, c.fraction) == ("claim", "Example News", "RU", "recaptured", 0.4)


@pytest.mark.parametrize("second", ["According to him, Ukrainian troops took control of another 5 km² of territory "
                                    "in the Kursk region.",
                                    "He said Ukrainian troops took control of another 5 km² of territory in the Kursk "
                                    "region."])
def test_a_pronoun_speaker_is_the_person_named_before(gazetteer, second):
    found = claims("Syrskyi said the troops advanced in the Kursk region. " + second, gazetteer, publisher="Babel")
    assert [(c.claimant, c.sources) for c in found] == [("Syrskyi", ("Babel", "Syrskyi"))] * 2


@pytest.mark.parametrize("sentence, claimant", [
    ("According to the latest data, Ukraine controls 1,300 square kilometres of the Kursk region.", "Example News"),
    ("As noted, Russian forces are advancing in the Kursk region.", "Example News"),
    ("The Ukrainian army general staff made no mention of the village but said that its forces held Sudzha.",
     "the Ukrainian army general staff"),
    ("According to data from Russia's General Staff, Russian forces have retaken 800 square kilometres of the Kursk "
     "region.", "Russia's General Staff")])
def test_the_claimant_is_whoever_is_named_not_the_data_or_the_rest_of_the_clause(gazetteer, sentence, claimant):
    (c,) = [c for c in claims(sentence, gazetteer) if c.kind == "claim"]
    assert c.claimant == claimant


def test_a_report_that_says_it_reported_something_is_its_own_source(gazetteer):
    found = claims("Russian forces hold most of the Kursk region, a commander said. This was reported by Censor.NET, "
                   "citing the outlet ASTRA.", gazetteer, publisher="Censor.NET")
    assert {c.sources[0] for c in found} == {"Censor.NET"} and not any("Censor" in c.sources[1:] for c in found)


def test_an_adverb_after_the_speaker_is_not_part_of_its_name(gazetteer):
    (c,) = [c for c in claims("On Monday, 12 August, President Volodymyr Zelenskyy officially confirmed that Ukrainian "
                              "forces were advancing in the Kursk region.", gazetteer) if c.kind == "claim"]
    assert c.claimant == "President Volodymyr Zelenskyy"
