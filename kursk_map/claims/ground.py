"""Which ground a claim is about: the places of its sentence that are its own.

A sentence names more places than a claim is about: "a village north of the Ukrainian-held
town of Sudzha" (a reference point), "Maryino, in the Kursk region, where Ukrainian forces hold
chunks of territory" (a relative clause about the region), "won back territory south of
Korenevo, which, along with Sudzha, was a focus" (a later relative clause about something
else). When a claim names none, it is about the region the article named last, or its main one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kursk_map.claims.attribution import Attribution
from kursk_map.model import PlaceMention

__all__ = ["Sentence", "antecedent", "in_later_relative", "is_reference", "locates_area", "place_names",
           "claimed_names", "Regions", "carried_region", "main_region"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article: its span, the places it names and who it says speaks."""

    start: int
    end: int
    places: tuple[PlaceMention, ...]
    found: tuple[Attribution, ...]
    quoted_by: tuple[Attribution, ...] = ()  # who says a quotation that runs on into a later sentence


# What a place is named after when it only says where something else is: "near", "north of the
# Ukrainian-held town of", "towards Ukraine's".
REFERENCE = re.compile(r"(?:\bnear|\bnearby|\boutside|\btowards?|\bdirection of|\bfrom|\b(?:north|south|east|west)"
                       r"(?:-?(?:north|south|east|west))?(?:ern)? of|\bkilomet\w+ (?:from|of)|\bkm (?:from|of))\s+(?:the\s+)?"
                       r"(?:[\w-]+['’]s\s+)?(?:(?:[\w’'-]+\s+){0,2}(?:town|village|city|settlement|hamlet)\s+of\s+)?$",
                       re.IGNORECASE)


def antecedent(t, sent: Sentence) -> PlaceMention | None:
    """The place a relative clause describes: the last one named within 80 characters before its verb
    (a region as well as a settlement: "Maryino, in the Kursk region, where ..." is about the region)."""
    before = [m for m in sent.places if t.start - 80 < m.span.start < t.start
              and not any(a.start <= m.span.start < a.end for a in sent.found)]
    return before[-1] if before else None


_LATER_RELATIVE = re.compile(r",\s*(?:which|where|who|whose)\b", re.IGNORECASE)


def in_later_relative(text: str, t, m: PlaceMention) -> bool:
    """A place in a relative clause after the verb's own words ("won back territory south of Korovo,
    which, along with the town of Sudzha, was a focus") describes something else: not the ground claimed."""
    return m.span.start > t.end and bool(_LATER_RELATIVE.search(text, t.end, m.span.start))


def is_reference(text: str, sent: Sentence, m: PlaceMention) -> bool:
    """A place named only to say where another is ("a village near Korenevo"), or a title
    ("Kursk acting governor"): not the ground a claim is about."""
    if any(a.start <= m.span.start < a.end for a in sent.found):
        return True
    found = _reference(text, sent, m)
    if found is None or _names_area(text, sent, found):
        return False
    # "expelled Ukrainian troops from Gornal", "drove them out from Sudzha": where they were is the ground
    return not (found.group().lower().startswith("from") and _EXPELLED.search(text, max(sent.start, found.start() - 50),
                                                                               found.start()))


def locates_area(text: str, sent: Sentence, m: PlaceMention) -> bool:
    """Whether the place says where an area is ("won back territory south of Korenevo", "regained
    positions near Vovchansk"): the claim is about the place's vicinity, not the settlement itself
    ("a village near Korenevo" is another place altogether)."""
    found = _reference(text, sent, m)
    return found is not None and _names_area(text, sent, found)


def _reference(text: str, sent: Sentence, m: PlaceMention):
    return REFERENCE.search(text, max(sent.start, m.span.start - 60), m.span.start)


def _names_area(text: str, sent: Sentence, found) -> bool:
    """Whether an area noun stands right before the reference words ("territory south of")."""
    return bool(_AREA.search(text, max(sent.start, found.start() - 40), found.start()))


_EXPELLED = re.compile(r"\b(?:expel(?:s|led|ling)?|drove|driv(?:e|es|en|ing)|push(?:ed|es|ing)?|forc(?:ed|ing)"
                       r"|withdr(?:ew|awn|aw|aws|awing)|retreat(?:s|ed|ing)?|pull(?:s|ed|ing)? (?:back|out)"
                       r"|fled|flee(?:s|ing)?"
                       r"|oust(?:s|ed|ing)?|knock(?:s|ed|ing)|clear(?:s|ed|ing)|flush(?:ed|es|ing)|dislodg(?:e|ed|es|ing))\b"
                       r"[^,.;:]{0,40}$", re.IGNORECASE)
_AREA = re.compile(r"\b(?:territory|territories|ground|positions?|lands?|areas?|lines?|foothold|bridgehead)\s*$",
                   re.IGNORECASE)


def place_names(mentions) -> tuple[str, ...]:
    names: list[str] = []
    for m in mentions:
        if m.kind == "country" and len(mentions) > 1:
            continue
        if m.name not in names:
            names.append(m.name)
    return tuple(n for n in names if not _is_country_only(mentions, n))


def claimed_names(mentions) -> tuple[str, ...]:
    """The names a claim lists: its places, or when it names only countries, the one other than Russia
    ("Russian forces had crossed into Ukraine": nothing narrower is meant)."""
    names = place_names(mentions)
    if names:
        return names
    return tuple(dict.fromkeys(m.name for m in mentions if m.kind == "country" and m.place.country != "RU"))[:1]


def _is_country_only(mentions, name) -> bool:
    return all(m.kind == "country" for m in mentions if m.name == name)


class Regions:
    """The regions an article names, found by position (and country) without a scan of them all."""

    def __init__(self, located: list[PlaceMention]) -> None:
        self._by_country: dict[str | None, tuple[list[int], list[PlaceMention]]] = {}
        for m in located:
            if m.kind == "region":
                for key in (None, m.place.country):
                    starts, found = self._by_country.setdefault(key, ([], []))
                    starts.append(m.span.start)
                    found.append(m)

    def last_before(self, before: int, country: str | None) -> PlaceMention | None:
        starts, found = self._by_country.get(country, ([], []))
        i = bisect.bisect_left(starts, before)
        return found[i - 1] if i else None


def carried_region(regions: Regions, before: int, country: str | None,
                    main: PlaceMention | None = None) -> PlaceMention | None:
    """The region named last before ``before``: what "there" and "the region" mean.

    When the sentence names a country ("penetrated the territory of the Russian
    Federation"), the region must lie in it. A region of another country named more
    than a few sentences back gives way to the article's main region: a report about Kursk
    that once named the Sumy region is still about Kursk.
    """
    last = regions.last_before(before, country)
    if last is None:
        return None
    if main is not None and country is None and last.place.country != main.place.country \
            and before - last.span.start > _CARRY_CHARS:
        return main
    return last


_CARRY_CHARS = 300  # about two sentences


def main_region(located: list[PlaceMention]) -> PlaceMention | None:
    """The region the article names most (first named on a tie): where an opening claim is."""
    regions = [m for m in located if m.kind == "region"]
    if not regions:
        return None
    counts: dict[str, int] = {}
    for m in regions:
        counts[m.name] = counts.get(m.name, 0) + 1
    best = max(counts.values())
    return next(m for m in regions if counts[m.name] == best)
