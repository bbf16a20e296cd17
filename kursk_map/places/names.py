"""Which capitalised words are not places: stopwords, organisations, people, codes, adjectives.

The recogniser asks these rules about a name it has matched: "Washington Post"
is a newspaper, "Anatoly Antonov" and "Vladimir Putin" are people, "MLRS" is
an abbreviation, "Киевский режим" an adjective before a noun.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from kursk_map.articles.text import WORD, Word
from kursk_map.places.gazetteer import Gazetteer
from kursk_map.places.normalize import cyrillic_lemmas, fold, name_key

__all__ = ["STOPWORDS", "ORG_SUFFIXES", "REGION_WORDS", "NATIONAL_ABBREVIATIONS", "ADJECTIVE_ENDINGS", "word_keys",
           "is_cyrillic_adjective", "is_org_head", "is_code_word", "is_surname", "surname_evidence", "is_given_name",
           "is_headline", "GIVEN_NAMES"]

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
say says said took take takes retake retakes retook claim claims warn warns vow vows see sees seen
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
# Given names of the people the war's reporting quotes (Russian, Ukrainian and English forms), folded:
# after one of them a village's name is a surname even at the start of a sentence.
GIVEN_NAMES = frozenset("""
aleksandr alexander alexandr oleksandr oleksandra alexei aleksei alexey oleksiy oleksii andrei andrey andriy
andrii anatoly anatolii anton apti boris borys dmitry dmitri dmytro dmitriy denis denys evgeny yevgeny yevhen
fedor fyodor gennady hennadiy georgy heorhiy grigory hryhoriy igor ihor ilya illia ivan kirill kyrylo konstantin
kostiantyn leonid maksim maxim maksym maria mariya mikhail mykhailo mykola nikolai nikolay oleg oleh pavel pavlo
petr petro roman ruslan sergei sergey serhiy serhii stanislav taras valery valeriy vasily vasyl viktor vitaly
vitalii vladimir volodymyr vladislav vyacheslav yaroslav yevgeniy yuri yuriy yury yulia iryna irina olena elena
natalia tatiana dave david donald joe john mike mark marco pete keith steve steven jake antony lloyd jens
emmanuel olaf recep hakan kim
""".split())
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
                       "embassy administration bank academy university institute center centre".split())


# Heads after which a place closes an organisation's name with no "of": "Media Center Ukraine".
_NAMED_HEADS = frozenset({"forces", "center", "centre"})


def is_org_head(before: list[Word]) -> bool:
    """ "Ministry of Defence of the Russian Federation", "Armed Forces of Ukraine", "Media Center Ukraine"."""
    if len(before) > 1 and before[-1].capitalised and before[-2].capitalised and fold(before[-1].text) in _NAMED_HEADS:
        return True  # an organisation's name ending in the place, without "of": "Armed Forces Ukraine"
    if len(before) < 2 or before[-1].text not in ("of", "the"):
        return False
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


def surname_evidence(name: Word, before: list[Word], gazetteer: Gazetteer,
                     headline: Callable[[], bool] = lambda: False) -> str | None:
    """Why a name right after a title or a given name is a surname ("President Biden", "Oleksandr
    Syrskyi", "Dave DeCamp"): ``title``, ``given`` (a known given name), ``plain`` (some other
    capitalised word, not opening the sentence), or None when it is not one.
    """
    if not before:
        return None
    prev = before[-1]
    if not prev.capitalised or prev.possessive:
        return None
    folded = fold(prev.text).strip(".")
    if folded in _TITLES:
        return "title"
    if not _is_plain_word(prev, gazetteer):
        return None
    evidence = "given" if folded in GIVEN_NAMES else "plain" if len(before) > 1 else None
    if evidence is None or (evidence == "plain" and headline()):
        return None  # "Near Sudzha", "Retook Two Kursk Villages": capitalised anyway
    places = gazetteer.lookup_key(name_key(name.text))
    # Countries and regions are not surnames; small places after a first name usually are.
    if any(p.kind in ("country", "region") or p.population >= 1_000_000 for p in places):
        return None
    return evidence


def is_surname(name: Word, before: list[Word], gazetteer: Gazetteer) -> bool:
    """ "Anatoly Antonov", "President Biden": a name right after a given name or a title."""
    return surname_evidence(name, before, gazetteer) is not None


def is_given_name(text: str, name: Word, nxt: tuple[Word, int, int] | None, gazetteer: Gazetteer,
                  headline: Callable[[], bool] = lambda: False) -> bool:
    """ "Vladimir Putin", "Dave DeCamp": a name right before a capitalised non-place word.

    In a headline every word is capitalised ("Moscow Hurries Troops", "Two Kursk Villages"):
    there a known given name counts, and a well-known place of the war stays a place.
    ``headline()`` says whether the sentence is one (asked only when it matters).
    """
    if nxt is None or name.possessive:
        return False
    following, start, _ = nxt
    if not _is_plain_word(following, gazetteer) or is_code_word(text, start, following.text):
        return False
    places = gazetteer.lookup_key(name_key(name.text))
    if any(p.kind in ("country", "region") for p in places):
        return False
    if fold(name.text) in GIVEN_NAMES:
        return True
    well_known = following.lower in _HEADLINE_NOUNS or any(
        p.country in ("RU", "UA", "BY") and p.population >= 10_000 for p in places)
    return not (well_known and headline())


# Nouns a headline capitalises after a place: "Two Kursk Villages", "Kursk Operation", "Sudzha Town".
_HEADLINE_NOUNS = frozenset("""
village villages town towns city region regions oblast district border offensive operation incursion front
forces troops attack attacks residents governor authorities direction
""".split())


def is_headline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is written in title case, as headlines are ("Moscow Hurries Troops to Kursk")."""
    words = [w for w in text[start:end].split() if len(w) >= 4 and w[0].isalpha()]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words) + 0.5
