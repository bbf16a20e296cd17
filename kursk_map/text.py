"""Words and sentences with their character offsets.

>>> [t.text for t in tokens("Kiev's forces entered Kursk Region.")]
['Kiev', 'forces', 'entered', 'Kursk', 'Region']
>>> tokens("Kiev's forces")[0].possessive
True
>>> [t.text for t in tokens("the U.S. and Nikolayevo-Daryino")]
['the', 'U.S.', 'and', 'Nikolayevo', 'Daryino']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Token", "tokens", "sentences"]

_WORD = re.compile(
    # Hyphens split words ("US-made", "Sudzha-Rylsk"); the geoparser joins names across them.
    r"U\.S\.A\.|U\.S\.|U\.K\.|[^\W\d_]+(?:['’ʼ][^\W\d_]+)*",
)
_POSSESSIVE = re.compile(r"['’ʼ]s$")
# A sentence ends at . ! ? (and closing quotes) before a capital, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-ZА-ЯІЇЄҐ0-9])|\n+")
_ABBREVIATIONS = frozenset({
    "U.S", "U.K", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Mr", "Mrs", "Ms", "Dr", "St",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "No", "vs", "approx", "Gov", "Rep", "Sen", "Pres", "Adm", "Jr", "Sr", "Inc", "Co",
})


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    possessive: bool = False  # "'s" was cut off (end excludes it)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of ``text[start:end]``, offsets into ``text``; "'s" is split off."""
    out = []
    for m in _WORD.finditer(text, start, len(text) if end is None else end):
        word, s, e = m.group(), m.start(), m.end()
        poss = _POSSESSIVE.search(word)
        if poss and len(word) > 2:
            out.append(Token(word[: poss.start()], s, s + poss.start(), True))
        else:
            out.append(Token(word, s, e))
    return out


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``: rule-based, abbreviation-aware.

    >>> t = "Gen. Syrskyi said so. The U.S. agreed.\\nNew line"
    >>> [t[s:e] for s, e in sentences(t)]
    ['Gen. Syrskyi said so.', 'The U.S. agreed.', 'New line']
    """
    end = len(text) if end is None else end
    spans, cursor = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        before = text[cursor:m.start()].rstrip("\"”’)]")
        last_word = re.search(r"([\w.]+)\.$", before)
        if "\n" not in m.group() and last_word and (
            last_word.group(1) in _ABBREVIATIONS or (len(last_word.group(1)) == 1 and last_word.group(1).isalpha())
        ):
            continue  # "Gen. Syrskyi", "Aug. 6", "J. Smith": not a sentence end
        if text[cursor:m.start()].strip():
            spans.append(_strip(text, cursor, m.start()))
        cursor = m.end()
    if text[cursor:end].strip():
        spans.append(_strip(text, cursor, end))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
