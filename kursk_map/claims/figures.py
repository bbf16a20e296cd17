"""Figures of territorial control in text: areas, counts of settlements, fractions.

Each finder is a pure function over a stretch of text returning the figures
with their spans, so the claim extractor can give each figure to the nearest
verb of control.

>>> [(f.km2, f.qualifier) for f in find_areas("almost 1,300 square kilometers (500 square miles)")]
[(1300.0, 'almost')]
>>> [(f.count, f.text, f.range) for f in find_counts("retaken about a dozen villages and 28 settlements")]
[(12, 'about a dozen', (10, 14)), (28, None, None)]
>>> [f.value for f in find_fractions("lost about half of the territory they captured")]
[0.5]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Area", "Count", "Fraction", "find_areas", "find_counts", "find_fractions", "SQ_MILE_KM2"]

SQ_MILE_KM2 = 2.589988

_QUALIFIERS = {
    "almost": "almost", "nearly": "almost", "close to": "almost", "just under": "almost", "почти": "almost",
    "майже": "almost",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "approx.": "about", "около": "about", "порядка": "about", "близько": "about",
    "понад": "over", "over": "over", "more than": "over", "above": "over", "in excess of": "over",
    "более": "over", "свыше": "over", "больше": "over",
    "at least": "at least", "up to": "up to", "under": "up to", "less than": "up to", "до": "up to",
}
_Q = "(?P<q>" + "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True)) + r")?\s*"
_NUM = r"(?P<n>\d{1,3}(?:[,\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
_KM = r"(?:square\s+kilomet(?:er|re)s?|square\s+km\b|sq\.?\s*km|km2|km²|кв\.?\s*км|квадратных\s+километров|квадратних\s+кілометрів|кв\.?\s*кілометрів)"
_MI = r"(?:square\s+miles?|sq\.?\s*mi(?:les)?\b)"
_AREA = re.compile(r"\b" + _Q + _NUM + r"(?P<thousand>\s+thousand)?\s*(?P<u>" + _KM + "|" + _MI + ")", re.IGNORECASE)

_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
                 "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100}
# Words for amounts without a number, kept as text with the range they usually mean.
_VAGUE = {"a dozen": (12, (10, 14)), "dozens of": (None, (24, 99)), "dozens": (None, (24, 99)),
          "several dozen": (None, (24, 99)),
          "several": (None, (3, 9)), "a few": (None, (2, 5)), "a number of": (None, (2, None)),
          "many": (None, (5, None)), "scores of": (None, (40, 99)), "a handful of": (None, (2, 5)),
          "hundreds of": (None, (200, 999)), "нескольких": (None, (3, 9)), "несколько": (None, (3, 9)),
          "десятки": (None, (24, 99)), "десятков": (None, (24, 99)), "кілька": (None, (3, 9))}
_COUNT_WORD = "|".join(sorted((re.escape(w) for w in [*_WORD_NUMBERS, *_VAGUE]), key=len, reverse=True))
_SETTLEMENT_NOUN = (r"(?:settlements?|villages?|towns?|localities|locality|hamlets?|communities|населённых\s+пунктов"
                    r"|населенных\s+пунктов|населённых\s+пункта|населенных\s+пункта|сёл|сел|деревень"
                    r"|населених\s+пунктів|населених\s+пункти|сіл)")
_COUNT = re.compile(r"\b" + _Q + r"(?P<n>\d{1,4}|" + _COUNT_WORD + r")(?!,\d)\s+(?:[\w-]+\s+){0,2}?" + _SETTLEMENT_NOUN
                    + r"\b", re.IGNORECASE)
_FRACTION_WORDS = {"half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 0.333, "one third": 0.333,
                   "one-third": 0.333, "two thirds": 0.667, "two-thirds": 0.667, "a quarter": 0.25,
                   "one quarter": 0.25, "three quarters": 0.75, "three-quarters": 0.75, "a fifth": 0.2,
                   "one fifth": 0.2, "one-fifth": 0.2, "most": None,
                   "половину": 0.5, "половина": 0.5, "половини": 0.5, "треть": 0.333, "третину": 0.333}
_FRAC = "|".join(sorted((re.escape(w) for w in _FRACTION_WORDS), key=len, reverse=True))
# "40-50% of that area" is at least 40%: a range's first number
_FRACTION = re.compile(r"\b" + _Q + r"(?P<f>" + _FRAC + r"|\d{1,3}(?:\.\d+)?(?:\s*[-–]\s*\d{1,3}(?:\.\d+)?)?\s*(?:%|percent"
                       r"|per cent|процент\w*|відсот\w*))"
                       r"\s+(?:\([^()]{1,40}\)\s+)?(?:of\s+)?(?:the\s+|its\s+|their\s+|this\s+|that\s+)?(?:[\w’'-]+\s+){0,3}?"
                       r"(?P<what>territor(?:y|ies)|ground|area|land|lands|region|oblast|salient|bridgehead|foothold|Ukraine|Russia"
                       r"|территори\w*|територі\w*|(?<=\bof )(?-i:[A-Z])[a-z]+)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Area:
    km2: float
    qualifier: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Count:
    count: int | None          # a number the text gives ("28", "about a dozen" = 12)
    text: str | None           # the words, when they are not a plain number ("dozens", "about a dozen")
    range: tuple[int, int | None] | None
    qualifier: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Fraction:
    value: float
    start: int
    end: int


def _qualifier(word: str | None) -> str | None:
    return _QUALIFIERS.get(word.lower()) if word else None


def _number(raw: str) -> float:
    digits = re.sub(r"[,\u00a0 ](?=\d{3}\b)", "", raw)
    return float(digits.replace(",", "."))


# "a region that covers 30,000 km²": an administrative unit's size ("the bridgehead covers 500 km²" and "seized
# an area of 1,000 km²" are figures of control)
_SIZE_OF = re.compile(r"\b(?:region|oblast|province|country)\b[^.;]{0,25}?\b(?:covers|covering|spans|spanning|measures"
                      r"|measuring)\s+(?:\w+\s+)?$", re.IGNORECASE)


def find_areas(text: str, start: int = 0, end: int | None = None) -> list[Area]:
    """Areas in km² (square miles converted); when both units give one figure, the km² one."""
    out: list[Area] = []
    for m in _AREA.finditer(text, start, len(text) if end is None else end):
        value = _number(m.group("n")) * (1000 if m.group("thousand") else 1)
        is_miles = re.match(_MI, m.group("u"), re.IGNORECASE) is not None
        if is_miles:
            if out and m.start() - out[-1].end < 6:  # "1,300 km² (500 sq mi)": the same figure again
                continue
            value *= SQ_MILE_KM2
        if _SIZE_OF.search(text, max(start, m.start() - 70), m.start()):
            continue  # "a region that covers nearly 30,000 square kilometres": its size, not what is held
        out.append(Area(round(value, 1), _qualifier(m.group("q")), m.start(), m.end()))
    return out


def find_counts(text: str, start: int = 0, end: int | None = None) -> list[Count]:
    """Counts of settlements: numbers, number words and vague amounts ("dozens of villages")."""
    out: list[Count] = []
    for m in _COUNT.finditer(text, start, len(text) if end is None else end):
        raw = m.group("n").lower()
        qual = _qualifier(m.group("q"))
        if raw.isdigit():
            out.append(Count(int(raw), None, None, qual, m.start(), m.end()))
        elif raw in _WORD_NUMBERS:
            out.append(Count(_WORD_NUMBERS[raw], None, None, qual, m.start(), m.end()))
        else:
            count, rng = _VAGUE[raw]
            begin = m.start()
            if qual not in ("about", "almost"):  # "taking over several villages": a verb, not a qualifier
                qual, begin = None, m.start("n")
            words = text[begin:m.end("n")]
            words = words[:-3] if words.lower().endswith(("dozens of", "scores of", "hundreds of")) else words
            out.append(Count(count, words, rng, qual, begin, m.end()))
    return out


# "Ukraine's hold on the oblast has shrunk by more than half": the territory is the subject.
_SHRUNK_BY = re.compile(r"\b(?:shr(?:ank|unk|inks?|inking)|reduced|cut|decreased)\s+by\s+" + _Q + r"(?P<f>" + _FRAC
                        + r"|\d{1,3}(?:\.\d+)?\s*(?:%|percent|per cent))(?=\s*[.,;]|\s+(?:since|in|over|during)\b)",
                        re.IGNORECASE)


def find_fractions(text: str, start: int = 0, end: int | None = None) -> list[Fraction]:
    """Fractions of a territory: "about half of the territory", "40% of the area", "shrunk by half"."""
    out: list[Fraction] = []
    stop = len(text) if end is None else end
    matches = sorted([*_FRACTION.finditer(text, start, stop), *_SHRUNK_BY.finditer(text, start, stop)],
                     key=lambda m: m.start())
    for m in matches:
        raw = m.group("f").lower()
        if re.search(r"\b(?:size|times)\b", m.group(), re.IGNORECASE):
            continue  # "an area half the size of London": a comparison, no share of the ground
        if raw in _FRACTION_WORDS:
            value = _FRACTION_WORDS[raw]
            if value is None:
                continue
        else:
            value = round(float(re.match(r"\d+(?:\.\d+)?", raw).group()) / 100, 3)
        out.append(Fraction(value, m.start("f") if m.re is _SHRUNK_BY else m.start(), m.end()))
    return out
