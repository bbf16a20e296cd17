"""Latin and Ukrainian spellings of a Russian place name, generated (build time only).

The settlement register gives each name in Russian only; reporting writes it in many
forms. Four are generated here:

- ``bgn``: BGN/PCGN 1947, as gazetteers print it ("Nikolayevo-Dar'ino", "Malaya Loknya");
- ``english``: the common English form news and Wikipedia use: BGN/PCGN without its
  apostrophes, a soft sign before a vowel written ``y`` ("Nikolayevo-Daryino"), ``-sky``
  and ``-y`` for adjective endings ("Bolshesoldatsky", "Mirny");
- ``scholarly``: the scientific system (ISO R9 without diacritics is what the key
  normaliser makes of it): "Malaja Loknja", "Nikolaevo-Dar'ino";
- ``ukrainian``: how Ukrainian reporting adapts the name, in Ukrainian Cyrillic
  ("Любимовка" -> "Любимівка", "Плехово" -> "Плехове", "Русское Поречное" -> "Руське
  Поречне"), and its Latin form in Ukraine's national system ("Liubymivka", "Plekhove").

>>> spellings("Николаево-Дарьино")["english"], spellings("Николаево-Дарьино")["bgn"]
('Nikolayevo-Daryino', "Nikolayevo-Dar'ino")
>>> spellings("Любимовка")["ukrainian_latin"], spellings("Русское Поречное")["english"]
('Liubymivka', 'Russkoye Porechnoye')
"""

from __future__ import annotations

import re

__all__ = ["spellings", "bgn", "english", "scholarly", "ukrainian", "ukrainian_latin"]

_VOWELS = set("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
_SIGNS = set("ьъЬЪ")
_BGN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
        "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "'", "э": "e",
        "ю": "yu", "я": "ya"}
_SCHOLARLY = {**_BGN, "е": "e", "ё": "ë", "ж": "ž", "й": "j", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč",
              "ъ": "", "ь": "'", "э": "è", "ю": "ju", "я": "ja"}
# Ukraine's national romanisation (2010): the first forms are for the start of a word.
_UK = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "y",
       "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
       "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "'": "", "’": ""}
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UK_INNER = {"є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia"}

# Russian -> Ukrainian: the endings and stems Ukrainian reporting changes, longest first.
_UK_ENDINGS = (
    ("овка", "івка"), ("евка", "івка"), ("ёвка", "івка"),
    ("сское", "ське"), ("сский", "ський"), ("сская", "ська"),
    ("ское", "ське"), ("цкое", "цьке"), ("ский", "ський"), ("цкий", "цький"), ("ская", "ська"), ("цкая", "цька"),
    ("ские", "ські"),
    ("ово", "ове"), ("ево", "еве"), ("ёво", "ьове"), ("ино", "ине"), ("ыно", "ине"),
    ("ное", "не"), ("ное", "не"), ("ый", "ий"), ("ой", "ий"), ("ая", "а"), ("яя", "я"), ("ое", "е"), ("ее", "є"),
    ("ые", "і"), ("ие", "і"),
)
_UK_STEMS = (("Никола", "Микола"), ("Александр", "Олександр"), ("Алексе", "Олексі"), ("Иван", "Іван"),
             ("Ильин", "Іллін"), ("Евген", "Євген"), ("Елизавет", "Єлизавет"), ("Екатерин", "Катерин"),
             ("Георги", "Георгі"), ("Григор", "Григор"), ("Дмитри", "Дмитр"), ("Сергее", "Сергії"),
             ("Михайл", "Михайл"), ("Петр", "Петр"), ("Павл", "Павл"), ("Федор", "Федор"), ("Фёдор", "Федор"))
_UK_WORDS = {"Большое": "Велике", "Большая": "Велика", "Большой": "Великий", "Большие": "Великі",
             "Малое": "Мале", "Малый": "Малий", "Новое": "Нове", "Новый": "Новий", "Старое": "Старе",
             "Старый": "Старий", "Верхнее": "Верхнє", "Нижнее": "Нижнє", "Первый": "Перший",
             "Второй": "Другий", "Третий": "Третій"}
_UK_SOFT = (("ьи", "'ї"), ("ье", "'є"), ("ья", "'я"), ("ью", "'ю"), ("ьё", "'йо"))
_UK_LETTERS = str.maketrans({"и": "и", "ы": "и", "э": "е", "ъ": "'", "И": "И", "Ы": "И", "Э": "Е"})


def _words(name: str) -> list[str]:
    return re.split(r"([\s\-]+)", name)


def _latin(name: str, table: dict[str, str], *, yo: tuple[str, str], ye_initial: bool) -> str:
    """Letter by letter; ``yo`` is ё at the start of a syllable and after a consonant."""
    out = []
    for i, ch in enumerate(name):
        low = ch.lower()
        prev = name[i - 1] if i else " "
        starts = not prev.isalpha() or prev in _VOWELS or prev in _SIGNS or prev.lower() == "й"
        if low == "е":
            value = "ye" if ye_initial and starts else "e"
        elif low == "ё":
            value = yo[0] if starts else yo[1]
        else:
            value = table.get(low, ch)
        out.append(value.capitalize() if ch.isupper() and value else value)
    return "".join(out)


def bgn(name: str) -> str:
    """BGN/PCGN 1947: "Дарьино" -> "Dar'ino", "Ерёмино" -> "Yeryëmino"."""
    return _latin(name, _BGN, yo=("yë", "ë"), ye_initial=True)


def english(name: str) -> str:
    """The common English form: BGN/PCGN without apostrophes and diaeresis, adjectives short."""
    parts = []
    for w in _words(name):
        low = w.lower()
        if low.endswith(("ский", "цкий")):
            w = w[:-2] + "ы"              # -sky: "Суджанский" -> "Sudzhansky"
        elif low.endswith("ый") or (low.endswith("ий") and not low.endswith("ний")):
            w = w[:-2] + "ы"              # "Мирный" -> "Mirny"
        parts.append(w)
    # A soft sign before и sounds as y ("Дарьино" -> "Daryino"); before е, ё, ю, я the vowel
    # already starts with y ("Заречье" -> "Zarechye", "Казачья" -> "Kazachya").
    text = re.sub(r"[ьЬ](?=[иИ])", "й", "".join(parts))
    return _latin(text, {**_BGN, "ь": "", "ъ": ""}, yo=("yo", "yo"), ye_initial=True)


def scholarly(name: str) -> str:
    """The scientific transliteration: "Малая Локня" -> "Malaja Loknja"."""
    return _latin(name, _SCHOLARLY, yo=("ë", "ë"), ye_initial=False)


def ukrainian(name: str, *, endings: bool = True) -> str:
    """The name as Ukrainian reporting adapts it, in Ukrainian Cyrillic (rules, not a dictionary).

    With ``endings=False`` only the letters and stems change ("Тёткино" -> "Тьоткино"), as
    some Ukrainian reporting writes Russian names.
    """
    out = []
    for w in _words(name):
        if not w.strip() or w.startswith("-"):
            out.append(w)
            continue
        if w in _UK_WORDS:
            out.append(_UK_WORDS[w])
            continue
        for ru, uk in _UK_STEMS:
            if w.startswith(ru):
                w = uk + w[len(ru):]
                break
        low = w.lower()
        for ru, uk in _UK_ENDINGS if endings else ():
            if low.endswith(ru) and len(low) > len(ru) + 1:
                w = w[: len(w) - len(ru)] + (uk.capitalize() if w[-len(ru)].isupper() else uk)
                break
        for ru, uk in _UK_SOFT:
            w = w.replace(ru, uk)
        w = re.sub(r"(?<=[аеиоуяюі])е", "є", w)  # е after a vowel is є
        # Russian и is Ukrainian и (y) or і (i), ы is и, э is е: the key normaliser reads y and i alike.
        w = w.translate(_UK_LETTERS).replace("ё", "ьо").replace("Ё", "Йо")
        out.append(w)
    return "".join(out)


def ukrainian_latin(name: str, *, endings: bool = True) -> str:
    """:func:`ukrainian`, romanised in Ukraine's national system: "Любимовка" -> "Liubymivka"."""
    text = ukrainian(name, endings=endings).replace("ьо", "ьйо")  # "Тьоткіне" -> "Tiotkine"
    out = []
    for i, ch in enumerate(text):
        low = ch.lower()
        initial = i == 0 or not text[i - 1].isalpha()
        value = (_UK_INITIAL if initial else _UK_INNER).get(low) or _UK.get(low, ch)
        if low == "й" and not initial and text[i + 1:i + 2] == "о":
            value = "i"
        if low == "г" and i and text[i - 1].lower() == "з":
            value = "gh"                  # зг -> zgh, as the standard asks
        out.append(value.capitalize() if ch.isupper() and value else value)
    return "".join(out)


def spellings(name: str) -> dict[str, str]:
    """Every generated spelling of a Russian name, by system."""
    return {"russian": name, "bgn": bgn(name), "english": english(name), "scholarly": scholarly(name),
            "ukrainian": ukrainian(name), "ukrainian_latin": ukrainian_latin(name),
            "ukrainian_stem": ukrainian(name, endings=False), "ukrainian_stem_latin": ukrainian_latin(name, endings=False)}
