"""A regional capital's name alone, and a town's name for its district: which one the text means.

"Kursk" alone is the city unless the words around it say the region ("the Kursk incursion",
"Russia's Kursk", "most of Kursk", "on Kursk soil"); "the Sudzha and Korenevo districts" name
districts, not towns.
"""

from __future__ import annotations

from kursk_map.articles.text import WORD, Word, word
from kursk_map.model import Place
from kursk_map.places.gazetteer import Gazetteer

__all__ = ["means_region", "region_named", "district_place", "names_districts", "is_military"]

# A bare regional-capital name means the region after these words...
_REGION_BEFORE = frozenset("""
into inside in within across from out invade invaded invading invasion occupy occupied occupying
hold holding held withdraw withdrew withdrawal retreat retreated retreating expel expelled to
retake retook retaken recapture recaptured liberate liberated liberating back for control
""".split())
# "most of Kursk", "the region of Kursk": a part of a region, or the region named by its kind.
_PART_OF = frozenset("""most parts part much rest region province oblast remainder whole all areas area territory
territories swathes swaths chunk chunks half third quarter percent km kilometres kilometers miles""".split())
_REGION_NOUNS = frozenset("regions oblasts provinces".split())
# ... and before these ("the Kursk incursion", "the Kursk direction", "on Kursk soil", "the Kursk group of
# forces", "the Kursk nuclear power plant", which stands in Kurchatov).
_REGION_AFTER = frozenset("""
incursion offensive operation invasion front direction axis salient raid border borderlands
borderland frontier pocket bridgehead foothold adventure gambit mission area side village villages
part countryside sector towns districts authorities governor enclave soil group grouping nuclear
""".split())
_CITY_MARKERS = frozenset({"city", "capital", "centre", "center", "airport", "streets", "downtown"})
_MILITARY = frozenset("""
incursion offensive invasion operation fighting troops forces attack attacks raid advance
territory occupy occupied hold battle battles front counteroffensive counterattack withdraw fight fights
fought war retake retook retaken recapture recaptured liberate liberated
""".split())


def region_named(key: str, gazetteer: Gazetteer) -> Place | None:
    """The region a regional capital's name also names ("Kursk" -> Kursk Oblast), if any."""
    memo = gazetteer.memo.setdefault("region_named", {})
    if key not in memo:
        memo[key] = next((p for suffix in ("oblast", "region") for p in gazetteer.lookup_key(f"{key} {suffix}")
                          if p.kind == "region"), None)
    return memo[key]


def means_region(before: tuple[Word, ...], region: Place, after: list[Word], named_regions: set[str],
                  military) -> bool:
    """ "Kursk" alone is the city, unless the words around it say the region.

    ``military()`` tells whether the sentence is about fighting (asked only when needed).
    """
    b1 = before[-1].lower if before else ""
    b2 = before[-2].lower if len(before) > 1 else ""
    a1, a2, a3 = ([w.lower for w in after[:3]] + ["", "", ""])[:3]
    if a1 in _CITY_MARKERS or (b2, b1) in (("city", "of"), ("town", "of")) or (a1, a2) == ("and", "other"):
        return False
    if a1 in _REGION_AFTER or _list_of_regions(after):
        return True  # "the Kursk incursion", "the Kursk and Belgorod regions", "Kursk, Belgorod and Bryansk oblasts"
    if before and before[-1].possessive:
        return True  # "Russia's Kursk"
    if (b1 == "of" and b2 in _PART_OF) or any(w.lower in _REGION_NOUNS for w in before[-4:]):
        return True  # "most of Kursk", "the border region of Kursk", "border regions, especially Kharkiv"
    if b1 in _REGION_BEFORE or (b1 == "of" and (b2 == "out" or b2 in _REGION_BEFORE or b2.endswith("%"))):
        return region.name in named_regions or military()
    return False


def district_place(place: Place, gazetteer: Gazetteer) -> Place | None:
    """The district a settlement lies in, as a place of its own (per gazetteer, once)."""
    districts = gazetteer.memo.get("districts")
    if districts is None:
        districts = gazetteer.memo["districts"] = {(p.admin1, p.district): p for p in gazetteer.places
                                                   if p.kind == "district"}
    return districts.get((place.admin1, place.district))


_DISTRICT_WORDS = frozenset({"district", "districts", "raion", "raions"})


def names_districts(before: tuple[Word, ...], after: list[Word]) -> bool:
    """ "Sudzha (and Korenevo) districts" or "the districts of (Sudzha and) Korenevo": a town named for its district."""
    words = [w.lower for w in after[:6]]
    for i, w in enumerate(words):
        if w in _DISTRICT_WORDS:  # a plural closes a list; "X, Y district" is a place and its district
            return i == 0 or (w.endswith("s") and all(x == "and" or after[j].capitalised
                                                      for j, x in enumerate(words[:i])))
        if w != "and" and not after[i].capitalised:
            break
    lowered = [w.lower for w in before[-6:]]
    if "of" in lowered:
        i = len(lowered) - 1 - lowered[::-1].index("of")
        between = before[-6:][i + 1:]
        return i > 0 and lowered[i - 1] in _DISTRICT_WORDS and all(w.lower == "and" or w.capitalised for w in between)
    return False


def _list_of_regions(after: list[Word]) -> bool:
    """ "(Kursk), Belgorod and (Bryansk) regions": names joined by commas or "and", then a word for regions."""
    words = [w.lower for w in after[:8]]
    for i, w in enumerate(words):
        if w in _REGION_NOUNS:
            return all(x == "and" or after[j].capitalised for j, x in enumerate(words[:i]))
    return False


def is_military(text: str, start: int, end: int) -> bool:
    return any(w.lower in _MILITARY for w in map(word, WORD.findall(text, start, end)))
