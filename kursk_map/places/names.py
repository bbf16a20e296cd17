"""Which capitalised words are not places: stopwords, organisations, people, codes, adjectives.

The recogniser asks these rules about a name it has matched: "Washington Post"
is a newspaper, "Anatoly Antonov" and "Vladimir Putin" are people, "MLRS" is
an abbreviation, "Киевский режим" an adjective before a noun.
"""

from __future__ import annotations

import functools
import re

from kursk_map.articles.text import WORD, Word
from kursk_map.places.gazetteer import Gazetteer
from kursk_map.places.normalize import cyrillic_lemmas, fold, name_key

__all__ = ["STOPWORDS", "ORG_SUFFIXES", "REGION_WORDS", "NATIONAL_ABBREVIATIONS", "ADJECTIVE_ENDINGS", "word_keys",
           "is_cyrillic_adjective", "is_org_head", "is_code_word", "is_surname", "is_given_name"]

# Capitalised words that open sentences or headlines and collide with place
# names somewhere (Of in Turkey, Mobile in Alabama, Nice...). A stopword still
# matches as part of a longer name ("Nice Airport" would; "Nice" alone not).
STOPWORDS = frozenset("""
a an the of in on at to for from by with and or but if as is it its this that these those there
their they them he she his her we our you your i my me who what when where which while why how
all any some many most more much few several each every other another such no not only also very
just than then so yet after before during since until despite although though because however
meanwhile moreover still even already again once now today tomorrow yesterday here
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
mr mrs ms dr gen president minister ministry general colonel governor mayor commander spokesman
spokeswoman spokesperson secretary ambassador chief head deputy acting former
north south east west northern southern eastern western central
new old great big little upper lower
nice mobile reading bath split most police independence liberty victoria aurora temple
mission surprise orange enterprise pearl spring springs garden sunrise union concord
hold can will may might must should would could
sputnik podcasts loading
""".split())
# Words after a name that make it an organisation ("Washington Post", "Kyiv Independent").
ORG_SUFFIXES = frozenset("""
post times independent herald tribune journal institute university school academy club gazette
telegraph daily agency news radio tv television observer review center centre museum theatre
theater express mail star insider examiner monitor dispatch courier chronicle bureau pravda
insight dynamo airlines airport group holding bank company corporation press nuclear military
administration regional
""".split())
# Capitalised words after which a name is a person's surname ("Anatoly Antonov").
_TITLES = frozenset("""
president minister secretary ambassador general gen colonel col governor mayor commander
spokesman spokeswoman spokesperson senator representative rep chancellor premier prime mr mrs ms
dr lt sgt maj capt admiral marshal patriarch pope king queen prince envoy adviser advisor
""".split())
_DEMONYM_STEMS = ("russia", "ukrain", "americ", "belarus", "european", "nato", "soviet", "western",
                  "north korea", "chines", "british", "french", "german", "polish")
# Words the text uses to say that an unknown name is a place.
REGION_WORDS = frozenset("oblast region province raion district krai".split())

@functools.lru_cache(maxsize=1 << 16)
def word_keys(word: str) -> tuple[str, ...]:
    """The word's key, then the keys of its possible nominative forms (Cyrillic)."""
    return (name_key(word), *(name_key(v) for v in cyrillic_lemmas(word)))


ADJECTIVE_ENDINGS = ("ский", "ская", "ское", "ской", "ского", "скому", "ском", "ских", "ський",
                      "ська", "ське", "ської", "ській", "ського", "ському", "ских", "ський")


def is_cyrillic_adjective(text: str, end: int, hi: int) -> bool:
    """ "Киевский режим", "на курском направлении": an adjective (ending at ``end``) before a common noun."""
    nxt = WORD.search(text, end, hi)
    return nxt is not None and nxt.group()[:1].islower()


_ORG_HEADS = frozenset("ministry defence defense forces staff service guard council committee office "
                       "embassy administration bank academy university institute".split())


def is_org_head(before: list[Word]) -> bool:
    """ "Ministry of Defence of the Russian Federation", "Armed Forces of Ukraine"."""
    j = -2
    if before[-1].text == "the":
        if before[-2].text != "of":
            return False
        j = -3
    return len(before) >= -j and before[j].capitalised and fold(before[j].text) in _ORG_HEADS


NATIONAL_ABBREVIATIONS = frozenset({"US", "USA", "UK", "RF", "РФ", "КНДР"})


def is_code_word(text: str, start: int, word_text: str) -> bool:
    """Capitalised abbreviations (MLRS, APC, HIMARS) are not places; US/UK/USA are.

    An upper-case name opening a line is a dateline ("MOSCOW/KYIV, March 13").
    """
    if not word_text.isupper() or "." in word_text or word_text in NATIONAL_ABBREVIATIONS:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return not (len(word_text) >= 4 and re.fullmatch(r"[A-ZА-ЯІЇЄ /]*", text[line_start:start]))


def _is_plain_word(w: Word, gazetteer: Gazetteer) -> bool:
    """A capitalised word that is no stopword, demonym, region word or place: part of a person's name."""
    folded = fold(w.text).strip(".")
    return (w.capitalised and folded not in STOPWORDS and folded not in REGION_WORDS
            and not folded.startswith(_DEMONYM_STEMS)
            and not any(map(gazetteer.has_key, word_keys(w.text))))


def is_surname(name: Word, before: list[Word], gazetteer: Gazetteer) -> bool:
    """ "Anatoly Antonov", "President Biden": a name right after a given name or a title."""
    if not before:
        return False
    prev = before[-1]
    if not prev.capitalised or prev.possessive:
        return False
    if fold(prev.text).strip(".") in _TITLES:
        return True
    if not _is_plain_word(prev, gazetteer):
        return False
    places = gazetteer.lookup_key(name_key(name.text))
    # Countries and regions are not surnames; small places after a first name usually are.
    return not any(p.kind in ("country", "region") or p.population >= 1_000_000 for p in places)


def is_given_name(text: str, name: Word, nxt: tuple[Word, int, int] | None, gazetteer: Gazetteer) -> bool:
    """ "Vladimir Putin", "Dave DeCamp": a name right before a capitalised non-place word."""
    if nxt is None or name.possessive:
        return False
    following, start, _ = nxt
    if not _is_plain_word(following, gazetteer) or is_code_word(text, start, following.text):
        return False
    places = gazetteer.lookup_key(name_key(name.text))
    return not any(p.kind in ("country", "region") for p in places)

