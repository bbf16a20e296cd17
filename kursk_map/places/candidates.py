"""Mention -> candidates: the gazetteer places that share a mention's key (the lookup stage)."""

from __future__ import annotations

import re

from kursk_map.model import Place
from kursk_map.places.gazetteer import Gazetteer, memo
from kursk_map.places.normalize import name_key
from kursk_map.places.recognition import Mention

__all__ = ["candidates"]


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
    return memo(gazetteer, _Candidates)[mention.key, bool(_CYRILLIC.search(mention.span.surface))]


_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")

