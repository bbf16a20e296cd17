"""Article -> name mentions: every stretch of text that is a gazetteer name, or a place the text marks.

:func:`recognise` finds every gazetteer name (longest match, any spelling the
key normaliser merges), plus villages the gazetteer lacks that the text itself
marks as places ("the village of X"). Recognition is sparse: it never
tokenises a whole article. Only capitalised words can begin a name, and most
of them fail a dictionary lookup at once (the answer for each spelling is
remembered per gazetteer); the rules that need context read a few words on
either side of a name (:mod:`kursk_map.articles.text`, :mod:`kursk_map.places.names`).

>>> from kursk_map.articles.reading import article_from_text
>>> from kursk_map.places.gazetteer import load_gazetteer
>>> mentions, _ = recognise(article_from_text("Kiev's forces captured Sudja in Kursk Region."), load_gazetteer())
>>> [(m.span.surface, m.possessive) for m in mentions]
[('Kiev', True), ('Sudja', False), ('Kursk Region', False)]
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from kursk_map.articles.text import (
    CAPITALISED,
    WORD,
    Word,
    adjacent,
    next_word,
    sentences,
    tokens,
    word,
    words_after,
    words_before,
)
from kursk_map.model import Article, Span
from kursk_map.places.gazetteer import Gazetteer, memo
from kursk_map.places.names import (
    ADJECTIVE_ENDINGS,
    NATIONAL_ABBREVIATIONS,
    ORG_SUFFIXES,
    STOPWORDS,
    is_code_word,
    is_cyrillic_adjective,
    is_given_name,
    is_headline,
    is_org_head,
    surname_evidence,
    word_keys,
)
from kursk_map.places.normalize import fold, name_key

__all__ = ["recognise", "Mention"]

# One-word newspaper titles that are also village names, after the word that begins the title.
_NEWSPAPER_TITLES = frozenset({"pravda", "gazeta", "izvestia", "izvestiya", "vedomosti"})
# Words the text uses to say that an unknown name is a place.
_PLACE_CUES = frozenset("village villages settlement settlements town towns hamlet khutor city "
                        "selo posyolok".split())


@dataclass(frozen=True, slots=True)
class Mention:
    """A recognised name: its span, its sentence and the words just before it."""

    span: Span
    sentence: int                 # index into the list of sentences recognise() returns
    key: str
    words: int = 1                # how many words the name has
    possessive: bool = False      # written with "'s" ("Kiev's forces"); the span leaves it out
    cue: bool = False             # marked as a place by the text itself ("the village of X")
    # The sentence's words just before the name (about eight), if recognition needed them;
    # None: not worked out (ranking reads them with words_before when a rule needs them).
    before: tuple[Word, ...] | None = None

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
    upper: bool              # all capitals: maybe an abbreviation ("MLRS"), see is_code_word
    adjective: bool          # a Cyrillic adjective ending: see is_cyrillic_adjective


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
            k for k in word_keys(w.text) if k in gaz.first_words or k in gaz.prefixes or gaz.has_key(k))
        found = None
        if keys:
            name_key = next(filter(gaz.has_key, keys), None)
            if fold(w.text).strip(".") in STOPWORDS or (len(w.text) <= 2 and w.text not in ("US", "UK")):
                name_key = None  # a stopword or a stray letter is no name alone
            found = _Start(w, keys, any(k in gaz.prefixes for k in keys), name_key,
                           w.text.isupper() and "." not in w.text and w.text not in NATIONAL_ABBREVIATIONS,
                           w.lower.endswith(ADJECTIVE_ENDINGS))
        self[raw] = found
        return found


class _Joins(dict):
    """Per gazetteer: (keys of the words so far, the next word) -> (keys of them all, whether they begin a name)."""

    def __init__(self, gazetteer: Gazetteer):
        super().__init__()
        self.prefixes = gazetteer.prefixes

    def __missing__(self, item: tuple[tuple[str, ...], str]) -> tuple[tuple[str, ...], bool]:
        if len(self) > 500_000:
            self.clear()
        keys, nxt = item
        joined = tuple(f"{a} {b}" for a in keys for b in word_keys(nxt))[:64]
        found = self[item] = (joined, any(p in self.prefixes for p in joined))
        return found


def recognise(article: Article, gazetteer: Gazetteer) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Every name mention in the article body, longest match first, left to right.

    Returns the mentions and the sentences (spans) their ``sentence`` indexes.
    """
    text = article.text
    sents = [s for s in sentences(text, article.body_start) if not article.in_boilerplate(*s)]
    starts = memo(gazetteer, _Starts)
    cues = _cue_words(text, article.body_start)
    mentions: list[Mention] = []
    surnames: set[str] = set()  # keys the article has used as a person's surname
    for si, (s, e) in enumerate(sents):
        skip = s
        pending = cues[bisect.bisect_left(cues, s):bisect.bisect_left(cues, e)]
        headline = functools.partial(_headline, text, s, e, {})  # worked out only when a rule needs it
        for m in CAPITALISED.finditer(text, s, e):
            start = m.start()
            while pending and pending[0] < start:
                cue = pending.pop(0)
                found = _cued_unknowns(text, cue, s, e, si, gazetteer) if cue >= skip else []
                if found:
                    mentions.extend(found)
                    skip = found[-1].raw_end
            if start < skip:
                continue
            raw = m.group()
            if raw == "U" and text.startswith(("U.S.", "U.K."), start):
                raw = WORD.match(text, start).group()
            first = starts[raw]
            if first is None or (start > s and _inside_word(text, start)):
                continue
            found = _match_at(text, start, first, s, e, gazetteer)
            if found is None:
                continue
            last, last_end, key, n, before = found
            nxt = next_word(text, last_end if not last.possessive else last_end + 2, e)
            if nxt is not None and not last.possessive and nxt[0].capitalised and (
                    nxt[0].lower in ORG_SUFFIXES or _org_after(text, nxt[2], e)):
                skip = nxt[2]  # an organisation named after a place: "Kyiv Independent", "Pakistan Point News"
                continue
            if n == 1 and before and fold(first.word.text) in _NEWSPAPER_TITLES and before[-1].capitalised:
                continue  # "Ukrainska Pravda", "Novaya Gazeta": a newspaper, not a village
            if n == 1 and key in surnames:
                continue  # "Oleksandr Syrskyi ... Syrskyi said": the article's person, again
            evidence = surname_evidence(first.word, before, gazetteer, headline) if n == 1 and before else None
            if evidence is not None:
                if evidence != "plain":
                    surnames.add(key)  # a title or a known given name: the word is this article's person
                skip = start + 1
                continue
            if n == 1 and is_given_name(text, first.word, nxt, gazetteer, headline):
                skip = start + 1
                continue
            mentions.append(Mention(Span(text[start:last_end], start, last_end), si, key, n,
                                    last.possessive, before=tuple(before) if before is not None else None))
            skip = last_end
        for c in pending:
            found = _cued_unknowns(text, c, s, e, si, gazetteer) if c >= skip else []
            if found:
                mentions.extend(found)
                skip = found[-1].raw_end
    return mentions, sents


def _headline(text: str, start: int, end: int, known: dict) -> bool:
    if "yes" not in known:
        known["yes"] = is_headline(text, start, end)
    return known["yes"]


def _org_after(text: str, end: int, hi: int) -> bool:
    """Whether the word after ``end`` closes an organisation's name: "Pakistan Point News"."""
    nxt = next_word(text, end, hi)
    return nxt is not None and nxt[0].capitalised and nxt[0].lower in ORG_SUFFIXES


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
        joins = memo(gazetteer, _Joins)
        joined = [first.keys]  # joined[j]: the keys of words 0..j, each combination (at most 64)
        # Extend only while the words so far begin some multi-word name.
        while True:
            nxt = next_word(text, chain[-1][1], hi)
            if nxt is None:
                break
            chain.append((nxt[0], nxt[2]))
            keys, more = joins[joined[-1], nxt[0].text]
            joined.append(keys)
            if nxt[0].possessive or not more:
                break
        for j in range(len(chain) - 1, 0, -1):
            key = next(filter(gazetteer.has_key, joined[j]), None)
            if key is None:
                continue
            if w.lower in ("the", "a", "an") and not chain[1][0].capitalised:
                continue  # "The settlement" is a capital somewhere; "The Hague" stays a name
            return _unless_org(text, start, lo, chain[j], key, j + 1)
    if (first.name_key is None or (first.upper and is_code_word(text, start, w.text))
            or (first.adjective and is_cyrillic_adjective(text, chain[0][1], hi))):
        return None
    return _unless_org(text, start, lo, chain[0], first.name_key, 1)


def _unless_org(text: str, start: int, lo: int, last: tuple[Word, int], key: str,
                n: int) -> tuple[Word, int, str, int, list[Word] | None] | None:
    """The match, unless the name is part of an organisation's ("Armed Forces of Ukraine").

    The words before the name are read only when the word right before it is capitalised
    (a title, a given name, an organisation's head) or "of"/"the": for most names it is not.
    """
    prev = _previous_word(text, start, lo)
    if not prev or not (prev[0].isupper() or prev in ("of", "the")):
        return last[0], last[1], key, n, None
    before = words_before(text, start, lo)
    if before and is_org_head(before):
        return None
    return last[0], last[1], key, n, before


def _previous_word(text: str, start: int, lo: int) -> str:
    """The word before ``start`` in ``text[lo:start]``, as the piece of text between blanks it ends
    ("said,", "(Kiev's", "of"): enough to tell its case and whether it is "of" or "the"."""
    pieces = text[max(lo, start - 32):start].rsplit(None, 1)
    return pieces[-1].strip(_PUNCTUATION) if pieces else ""


_PUNCTUATION = "\"“”‘’'()[],.;:!?—–-«»"



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
    starts = memo(gazetteer, _Starts)
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

