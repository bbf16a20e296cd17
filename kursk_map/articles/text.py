"""Words and sentences with their character offsets.

>>> [t.text for t in tokens("Kiev's forces entered Kursk Region.")]
['Kiev', 'forces', 'entered', 'Kursk', 'Region']
>>> tokens("Kiev's forces")[0].possessive
True
>>> [t.text for t in tokens("the U.S. and Nikolayevo-Daryino")]
['the', 'U.S.', 'and', 'Nikolayevo', 'Daryino']

The geoparser does not tokenise whole articles: it looks at capitalised
words (:data:`CAPITALISED`) and, around each name it finds, at a few
:class:`Word` s on either side (:func:`words_before`, :func:`words_after`).

>>> text = "Moscow, however, ruled out talks with Kiev."
>>> [w.lower for w in words_after(text, 6, len(text))][:3]
['however', 'ruled', 'out']
>>> [w.text for w in words_before(text, 38, 0)][-2:]
['talks', 'with']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Token", "Word", "tokens", "sentences", "word", "words_before", "words_after",
           "count_words", "adjacent", "next_word", "CAPITALISED", "WORD"]

WORD = re.compile(
    # Hyphens split words ("US-made", "Sudzha-Rylsk"); the geoparser joins names across them.
    r"U\.S\.A\.|U\.S\.|U\.K\.|[^\W\d_]+(?:['’ʼ][^\W\d_]+)*",
)
# Candidates for the first word of a name: an upper-case letter and the rest of the word.
# (Inside a word, as in "iPhone", it is no candidate; "U.S." is found by its "U".)
CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ʯА-ЯЁЂ-ЏҐ][^\W\d_]*(?:['’ʼ][^\W\d_]+)*")
# The next word if nothing but blanks and one hyphen separate it: "Nikolayevo-Daryino", "Kursk Region".
_GAP = r"[ \t]*[\-‐‑]?[ \t]*"
_ADJACENT_WORD = re.compile(f"{_GAP}({WORD.pattern})")
_ADJACENT_GAP = re.compile(f"{_GAP}$")
_JOINERS = frozenset(" \t-‐‑")
_POSSESSIVE_ENDINGS = ("'s", "’s", "ʼs")
# A sentence ends at . ! ? (and closing quotes) before a capital, or at a line break.
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-ZА-ЯІЇЄҐ0-9])|(?<=\n)\n*)")
_LAST_WORD = re.compile(r"([\w.]+)\.$")
_ABBREVIATIONS = frozenset({
    "U.S", "U.K", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Mr", "Mrs", "Ms", "Dr", "St",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "No", "vs", "approx", "Gov", "Rep", "Sen", "Pres", "Adm", "Jr", "Sr", "Inc", "Co",
})
_WINDOW = 80  # characters looked at on either side of a name: some eight words


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    possessive: bool = False  # "'s" was cut off (end excludes it)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True, slots=True)
class Word:
    """A word as the rules read it, without its offsets (one object per spelling)."""

    text: str          # without a possessive "'s"
    lower: str         # lower-cased, typographic apostrophe made plain
    possessive: bool
    capitalised: bool


class _Words(dict):
    """Word objects by raw spelling, made once: a corpus repeats its vocabulary."""

    def __missing__(self, raw: str) -> Word:
        if len(self) > 500_000:
            self.clear()
        poss = len(raw) > 2 and raw.endswith(_POSSESSIVE_ENDINGS)
        text = raw[:-2] if poss else raw
        made = self[raw] = Word(text, text.lower().replace("’", "'"), poss, text[:1].isupper())
        return made


_WORDS = _Words()
word = _WORDS.__getitem__


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of ``text[start:end]``, offsets into ``text``; "'s" is split off."""
    out = []
    for m in WORD.finditer(text, start, len(text) if end is None else end):
        w, s = word(m.group()), m.start()
        out.append(Token(w.text, s, s + len(w.text), w.possessive))
    return out


class _Pieces(dict):
    """Words of a whitespace-free piece of text ("(Kiev's", "US-made"), by spelling."""

    def __missing__(self, piece: str) -> tuple[Word, ...]:
        if len(self) > 500_000:
            self.clear()
        made = self[piece] = tuple(map(word, WORD.findall(piece)))
        return made


_PIECES = _Pieces()


def words_before(text: str, start: int, lo: int) -> list[Word]:
    """The words in ``text[lo:start]`` nearest ``start`` (about eight), in text order.

    Words never span whitespace, so the window is split on it (in C) and each
    piece's words are looked up: a regular expression over the window would
    cost several times more.
    """
    chunk = text[max(lo, start - _WINDOW):start]
    pieces = chunk.split()
    if start - _WINDOW > lo and pieces and not chunk[0].isspace() and not text[start - _WINDOW - 1].isspace():
        del pieces[0]  # the window cut it in two
    pieces_words = _PIECES
    return [w for p in pieces for w in pieces_words[p]]


def words_after(text: str, end: int, hi: int) -> list[Word]:
    """The words in ``text[end:hi]`` nearest ``end`` (about eight), in text order."""
    stop = min(hi, end + _WINDOW)
    chunk = text[end:stop]
    pieces = chunk.split()
    if stop < hi and pieces and not chunk[-1].isspace() and not text[stop].isspace():
        del pieces[-1]  # the window cut it in two
    pieces_words = _PIECES
    return [w for p in pieces for w in pieces_words[p]]


def count_words(text: str, start: int, end: int) -> int:
    """How many words ``text[start:end]`` holds.

    >>> count_words("Sudzha, in the Kursk region", 6, 15)
    2
    """
    pieces = text[start:end].split()
    if all(map(str.isalpha, pieces)):
        return len(pieces)  # the usual gap: " in the ", ", "
    pieces_words = _PIECES
    return sum(len(pieces_words[p]) for p in pieces)


def adjacent(text: str, end: int, start: int) -> bool:
    """Whether only blanks and at most one hyphen lie between ``end`` and ``start``.

    >>> adjacent("Nikolayevo-Daryino", 10, 11), adjacent("Kursk, Sumy", 5, 7)
    (True, False)
    """
    return bool(_ADJACENT_GAP.match(text, end, start))


def next_word(text: str, end: int, hi: int) -> tuple[Word, int, int] | None:
    """The word right after ``end`` with only blanks or a hyphen between: (word, start, end)."""
    if end >= hi or not (text[end] in _JOINERS or text[end].isalpha()):
        return None
    m = _ADJACENT_WORD.match(text, end, hi)
    if m is None:
        return None
    w, s = word(m.group(1)), m.start(1)
    return w, s, s + len(w.text)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``: rule-based, abbreviation-aware.

    >>> t = "Gen. Syrskyi said so. The U.S. agreed.\\nNew line"
    >>> [t[s:e] for s, e in sentences(t)]
    ['Gen. Syrskyi said so.', 'The U.S. agreed.', 'New line']
    """
    end = len(text) if end is None else end
    spans, cursor = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        stop = m.start() if m.group()[0] == "\n" else m.start() + 1
        if "\n" not in m.group():
            last_word = _LAST_WORD.search(text, max(cursor, stop - 40), stop)
            if last_word and (last_word.group(1) in _ABBREVIATIONS
                              or (len(last_word.group(1)) == 1 and last_word.group(1).isalpha())):
                continue  # "Gen. Syrskyi", "Aug. 6", "J. Smith": not a sentence end
        if text[cursor:stop].strip():
            span = _strip(text, cursor, stop)
            if span[1] - span[0] <= MAX_SENTENCE:
                spans.append(span)
            else:
                spans.extend(_bounded(text, *span))
        cursor = m.end()
    if text[cursor:end].strip():
        spans.extend(_bounded(text, *_strip(text, cursor, end)))
    return spans


MAX_SENTENCE = 2_000  # characters: prose sentences are far shorter; a longer "sentence" is a dump


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span no longer than MAX_SENTENCE, else pieces of it cut at a space: the rules that read a
    sentence look around each word, and on a megabyte with no full stop that would take minutes."""
    if end - start <= MAX_SENTENCE:
        return [(start, end)]
    out = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append(_strip(text, start, cut))
        start = cut
    if text[start:end].strip():
        out.append(_strip(text, start, end))
    return [s for s in out if s[1] > s[0]]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
