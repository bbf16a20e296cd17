"""Transliteration-aware name keys.

Reporting spells the same place many ways: Sudzha, Sudja, Sudža, Суджа;
Plekhovo, Plyokhovo, Плёхово; Nikolayevo-Daryino, Nikolaevo-Darino. Rather
than list every spelling, both the gazetteer's names and the article's words
are reduced to one *key* that erases the differences between the common
romanisation systems (BGN/PCGN, scientific, German, French, Ukrainian
national) and between Cyrillic and Latin script. The key is a blocking key:
two spellings of one place meet on it, and the ranking step chooses among
the (few) places that share a key.

>>> name_key("Sudzha") == name_key("Sudja") == name_key("Sudža") == name_key("Суджа")
True
>>> name_key("Plyokhovo") == name_key("Плёхово") == name_key("Plekhovo")
True
>>> name_key("Nikolayevo-Daryino") == name_key("Nikolaevo Darino")
True
>>> name_key("Tolstoy Lug") == name_key("Tolsty Lug")
True
>>> name_key("Kharkiv") == name_key("Харків")
True
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["name_key", "fold"]

# One Latin rendering per Cyrillic letter (Russian and Ukrainian together).
# Ukrainian "и" and Russian "ы" both come out as "y"; the reductions below
# then merge "y" with "i", so both languages' spellings meet.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e",
    "ё": "e", "є": "ye", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "yu", "я": "ya", "ў": "u",
}

# Ordered rewrites that erase the differences between romanisations.
# Longer patterns first; each maps onto the spelling the next rules expect.
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"dzh|dsch|dj", "dz"),     # дж: Sudzha / Sudscha / Sudja
        (r"tsch|tch", "ch"),        # ч in German / French romanisation
        (r"shch|ssch|sch", "sh"),   # щ / ш: shch, German sch
        (r"zh", "z"),               # ж: zh / z (Sudža folds to z)
        (r"kh|gh|g", "h"),          # х: kh / h; Ukrainian г = h (Hlukhiv / Glukhov)
        (r"ts|tz", "c"),            # ц: ts / tz / c
        (r"w", "v"),
        (r"ph", "f"),
        (r"x", "ks"),
        (r"(?<=[bcdfhklmnprstvz])yo", "e"),  # ё after a consonant: Plyokhovo / Plekhovo
        (r"j", "y"),                # й / я / ю in German and scientific romanisation
        (r"y", "i"),
        (r"i+", "i"),
        (r"i(?=[aeou])", ""),       # glides: ya / ia -> a, ye / ie -> e, yu / iu -> u
        (r"oi\b", "i"),             # adjective endings -oy / -yy / -iy: Tolstoy / Tolsty
        (r"([a-z])\1+", r"\1"),     # doubled letters: Russkoye / Ruskoye
    )
)

_TO_LATIN = str.maketrans(_CYRILLIC)
_NO_APOSTROPHES = str.maketrans("", "", "'’ʼ`´ʹ")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_.]+")


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, transliterate Cyrillic and drop diacritics, nothing more.

    >>> fold("Sudža")
    'sudza'
    >>> fold("Малая Локня")
    'malaya loknya'
    """
    latin = text.lower().translate(_TO_LATIN)
    if latin.isascii():
        return latin  # nothing to decompose
    decomposed = unicodedata.normalize("NFKD", latin)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=1 << 18)
def name_key(text: str) -> str:
    """The spelling-independent key of a place name (see module docstring).

    >>> name_key("Russkoye Porechnoye")
    'ruskoe porechnoe'
    """
    key = fold(text).translate(_NO_APOSTROPHES)
    key = _SEPARATORS.sub(" ", key).strip()
    for pattern, repl in _REWRITES:
        key = pattern.sub(repl, key)
    return key


# Case endings of Russian and Ukrainian place names -> the nominative forms
# the gazetteer holds: "Суджи" -> "Суджа", "Курской области" -> "Курская область",
# "Горналя" -> "Горналь", "Новенького" -> "Новеньке", "Курске" -> "Курск".
_CASE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ской", ("ская", "ский")), ("ского", ("ский", "ское")), ("скому", ("ский", "ское")),
    ("ском", ("ский", "ское")), ("ської", ("ська",)), ("ській", ("ська",)),
    ("ського", ("ський", "ське")), ("ському", ("ський", "ське")),
    ("ого", ("е", "о", "ий", "ый")), ("ому", ("е", "о", "ий", "ый")), ("ої", ("а",)),
    ("ами", ("а",)), ("ой", ("а",)), ("ей", ("я", "ь")), ("ом", ("", "о")), ("ем", ("ь", "е")),
    ("ти", ("ть",)), ("ті", ("ть",)), ("ці", ("ка",)), ("ки", ("ка",)), ("ии", ("ия",)),
    ("и", ("а", "я", "ь")), ("ы", ("а",)), ("і", ("а", "я", "ь")), ("е", ("а", "", "ь", "о")),
    ("у", ("а", "")), ("ю", ("я", "ь")), ("а", ("",)), ("я", ("ь",)),
)
_CYRILLIC_WORD = re.compile(r"^[А-Яа-яЁёІіЇїЄєҐґ'’ʼ]+$")


def cyrillic_lemmas(word: str) -> tuple[str, ...]:
    """Possible nominative forms of an inflected Cyrillic place-name word.

    >>> cyrillic_lemmas("Суджи")[:1]
    ('Суджа',)
    >>> "Курская" in cyrillic_lemmas("Курской")
    True
    >>> cyrillic_lemmas("Sudzha")
    ()
    """
    if len(word) < 4 or not _CYRILLIC_WORD.match(word):
        return ()
    lower = word.lower()
    out = []
    for ending, replacements in _CASE_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 3:
            stem = word[: len(word) - len(ending)]
            out.extend(stem + r for r in replacements)
    return tuple(dict.fromkeys(out))
