"""The words of control: which verbs and phrases tell a taking, a hold, an advance, a halt, and which do not.

Invented sentences of the kinds real reports use (each rule needs its own case); the headline
figures are in bench/eval_claims.py and tests/claims/test_extraction.py.
"""

import pytest

from tests.claims.helpers import claims


@pytest.mark.parametrize("sentence, side, places", [
    ('"Units have kept the enemy from advancing in the Kursk region," the Russian ministry said.', "UA",
     ("Kursk Oblast",)),
    ("Ukrainian troops stopped Russian forces from advancing near Sudzha.", "RU", ("Sudzha",)),
    ('"In the Kursk region the enemy has not moved forward a single meter," the Russian governor said.', "UA",
     ("Kursk Oblast",))])
def test_a_movement_kept_from_happening_is_a_halt(gazetteer, sentence, side, places):
    (c,) = claims(sentence, gazetteer)
    assert (c.kind, c.side, c.action, c.places) == ("claim", side, "halted", places)


def test_a_capture_denied_is_no_halt(gazetteer):
    (c,) = claims("Russia has not recaptured Sudzha, Ukraine's army said.", gazetteer)
    assert c.kind == "context"


def test_what_may_have_happened_is_a_hedged_claim_not_a_forecast(gazetteer):
    (c,) = claims("Russian marines may have regained control of several villages in the Kursk region.", gazetteer)
    assert (c.kind, c.side, c.action, c.hedged) == ("claim", "RU", "recaptured", True)
    (f,) = claims("Russian marines may regain control of several villages in the Kursk region.", gazetteer)
    assert f.kind == "forecast"


def test_a_hold_that_shrank_by_a_share_is_a_loss_of_that_share(gazetteer):
    (c,) = claims("Since then, Ukraine's hold on the Kursk region has shrunk by more than half.", gazetteer)
    assert (c.side, c.action, c.fraction, c.places) == ("UA", "lost", 0.5, ("Kursk Oblast",))


def test_prisoners_in_a_casualty_list_are_no_capture_of_ground(gazetteer):
    assert not [c for c in claims("Russian forces have lost 7,905 soldiers killed, 12,220 injured, and 717 captured in "
                                  "three months of the Kursk incursion, Syrskyi said.", gazetteer) if c.kind == "claim"]


def test_ground_the_other_side_still_needs_to_be_pushed_out_of_is_held(gazetteer):
    found = claims("TASS said Russian forces needed to push Ukrainian troops out of only two more settlements – "
                   "Gornal and Oleshnya – in order to retake the entire region.", gazetteer)
    assert [(c.side, c.action, c.places) for c in found if c.kind == "claim"] == [
        ("UA", "controls", ("Gornal", "Oleshnya"))]


def test_a_share_that_had_been_taken_is_a_capture(gazetteer):
    (c,) = claims("As of January 17, the Russian Defense Ministry reported that 63.2% (801 square kilometers) of the "
                  "Kursk Region had been taken.", gazetteer, date="2025-03-10")
    assert (c.kind, c.side, c.area_km2, c.as_of.isoformat()) == ("claim", "RU", 801.0, "2025-01-17")


def test_what_troops_were_to_hold_is_a_plan(gazetteer):
    (c,) = claims("Two scouts were to hold the roads near Sudzha, their comrade said.", gazetteer)
    assert c.kind == "context"


@pytest.mark.parametrize("sentence, side, action, figure", [
    ('Since the start of 2025, Russia has taken "over 600 square kilometres more" in Ukraine, he added.', "RU",
     "captured", 600.0),
    ("Russian gains came in the Donetsk region, securing about 2,740 square kilometers.", "RU", "captured", 2740.0),
    ("It has also begun to take territory in Ukraine's neighbouring Sumy region.", "RU", "captured", None),
    ("The Russian army has been carving its way deeper into eastern Ukraine.", "RU", "advanced", None),
    ("By six the Ukrainian troops had already got to Goncharovka.", "UA", "advanced", None)])
def test_more_ways_to_tell_a_taking_or_an_advance(gazetteer, sentence, side, action, figure):
    (c,) = [c for c in claims(sentence, gazetteer) if c.kind == "claim"]
    assert (c.side, c.action, c.area_km2) == (side, action, figure)


def test_attempts_fought_off_are_one_halt_at_their_goal(gazetteer):
    (c,) = claims("In the Kursk region the Russian military fought off two enemy attempts to break through the border "
                  "towards Novy Put.",
                  gazetteer)
    assert (c.kind, c.side, c.action) == ("claim", "UA", "halted") and "Novy Put" in c.places


def test_attempts_by_a_force_fought_off_are_one_halt(gazetteer):
    (c,) = claims("In the Kursk region they also fought off two attempts by the Ukrainian armed forces to break "
                  "through the border towards Novy Put.", gazetteer)
    assert (c.kind, c.side, c.action) == ("claim", "UA", "halted") and "Novy Put" in c.places


def test_success_achieved_is_an_advance(gazetteer):
    (c,) = [c for c in claims('Russian forces had had "some minor success" with their counteroffensive in the Kursk '
                              "region.", gazetteer) if c.kind == "claim"]
    assert (c.side, c.action) == ("RU", "advanced")


@pytest.mark.parametrize("sentence", [
    "The General Staff said that the situation in the Kursk region remained under the command's control.",
    'A further 81 square kilometres of the Kursk region along the border is classed by the map as under "unknown" '
    "control.",
    "Kyiv's forces seized a piece of the Kursk region in August, marking the first time that a foreign army has "
    "seized and held Russian territory since 1945."])
def test_idioms_and_asides_of_significance_are_no_claims(gazetteer, sentence):
    assert not [c for c in claims(sentence, gazetteer, date="2025-03-09") if c.kind == "claim"]


def test_forces_not_enough_to_push_the_other_side_out_were_halted(gazetteer):
    (c,) = claims('"Russian forces were not enough to push us out of the Kursk region," Zelensky said.', gazetteer)
    assert (c.kind, c.side, c.action) == ("claim", "RU", "halted")


def test_what_troops_are_believed_to_have_done_is_a_hedged_claim(gazetteer):
    (c,) = claims("Russian troops are believed to have won back 40-50% of the Kursk region.", gazetteer)
    assert (c.kind, c.side, c.action, c.fraction, c.hedged) == ("claim", "RU", "recaptured", 0.4, True)


def test_a_post_held_or_taken_over_is_no_ground(gazetteer):
    assert not [c for c in claims("Khinshtein takes over from the Kursk region's acting governor Alexey Smirnov, who "
                                  "held the post for only 205 days.", gazetteer) if c.kind == "claim"]
    (c,) = claims("Russian forces took over the village of Sudzha in the Kursk region.", gazetteer)
    assert (c.side, c.action) == ("RU", "captured")


@pytest.mark.parametrize("sentence, places", [
    ("Russian forces have been attempting to drive Ukrainian troops out of the Kursk region.", ("Kursk Oblast",)),
    ("The Russian army is attempting to punch through the border in Sumy Oblast, the border guard said.",
     ("Sumy Oblast",)),
    ("Russian troops have renewed offensive operations in the Kursk region.", ("Kursk Oblast",)),
    ("Russian units are again carrying out offensive actions in the Kursk region.", ("Kursk Oblast",))])
def test_an_attack_going_on_is_an_advance(gazetteer, sentence, places):
    (c,) = claims(sentence, gazetteer)
    assert (c.kind, c.side, c.action, c.places) == ("claim", "RU", "advanced", places)


def test_forces_still_trying_to_drive_others_out_make_one_claim_that_those_hold(gazetteer):
    (c,) = claims("Russia is still trying to drive Ukrainian forces out of Gornal.", gazetteer)
    assert (c.kind, c.side, c.action, c.places) == ("claim", "UA", "controls", ("Gornal",))


def test_attackers_pushed_back_were_halted_once(gazetteer):
    (c,) = claims("Russian forces tried to cross the border in Sumy Oblast near the village of Novenke but were "
                  "pushed back.", gazetteer)
    assert (c.kind, c.side, c.action) == ("claim", "RU", "halted") and "Novenke" in c.places
    (r,) = claims("Ukrainian troops were pushed back from Sudzha.", gazetteer)
    assert (r.side, r.action, r.places) == ("RU", "recaptured", ("Sudzha",))


def test_units_defeated_and_driven_out_were_driven_out_by_the_other_side(gazetteer):
    (c,) = claims("The Ukrainian units were defeated and driven out of the territory of the Kursk region, he said.",
                  gazetteer)
    assert (c.side, c.action) == ("RU", "recaptured")


@pytest.mark.parametrize("sentence, side, places", [
    ("Ukrainian troops allegedly try to break into Belgorod Oblast, Russia claims.", "UA", ("Belgorod Oblast",)),
    ("Kyiv caught Moscow off guard by sending thousands of troops into the Kursk region.", "UA", ("Kursk Oblast",)),
    ("The ministry said Russian forces were trying to attack in other parts of the Kursk region.", "RU",
     ("Kursk Oblast",)),
    ("The Russian army is keeping up a high tempo of offensive operations in the Kursk region.", "RU",
     ("Kursk Oblast",))])
def test_more_ways_of_telling_an_advance(gazetteer, sentence, side, places):
    (c,) = claims(sentence, gazetteer)
    assert (c.kind, c.side, c.action, c.places) == ("claim", side, "advanced", places)


def test_forces_massing_in_a_village_hold_it(gazetteer):
    (c,) = claims("Analysts say Russian troops are massing forces in the village of Zhuravka.", gazetteer)
    assert (c.kind, c.side, c.action, c.places) == ("claim", "RU", "controls", ("Zhuravka",))


def test_reinforcements_sent_to_a_region_are_no_advance(gazetteer):
    assert claims("Russia is sending reinforcements to the Kursk region.", gazetteer) == []
