"""Choose one gazetteer place per mention, or none, from the article's context.

Signals, strongest first:

- an explicit container in the same sentence: "Olgovka in Kursk Region",
  "Sudzha, Kursk Oblast", "in the Sudzhansky district";
- the regions and districts the article names anywhere;
- the other places of the article: places in one report cluster, so a
  candidate near the article's unambiguous places wins (geodesic distance,
  geopy);
- the prior: regions and countries over villages, large places over small,
  and places in the war's theatre (the tool's domain) over the rest of the world.

A small village far from everything else the article names, with nothing in
the text supporting it, is more likely a surname or a word than a place: it
is left unresolved ("none of the above").
"""

from __future__ import annotations

import functools
import math

from geopy.distance import geodesic

from kursk_map.gazetteer import Gazetteer
from kursk_map.metonymy import CAPITALS, is_actor
from kursk_map.model import Article, Place, PlaceMention, Span
from kursk_map.places import Mention
from kursk_map.text import Token

__all__ = ["resolve", "THEATRE_CENTRE"]

THEATRE_CENTRE = (51.19, 35.27)  # Sudzha: the incursion's crossing point (GeoNames 486816)
THEATRE_RADIUS_KM = 450.0
_THEATRE_COUNTRIES = ("RU", "UA", "BY")
_CONTAINER_LINKS = frozenset({"in", "of", "near", "outside", "around"})
# A bare regional-capital name means the region after these words...
_REGION_BEFORE = frozenset("""
into inside in within across from out invade invaded invading invasion occupy occupied occupying
hold holding held withdraw withdrew withdrawal retreat retreated retreating expel expelled
""".split())
# ... and before these ("the Kursk incursion", "the Kursk direction").
_REGION_AFTER = frozenset("""
incursion offensive operation invasion front direction axis salient raid border borderlands
borderland frontier pocket bridgehead foothold adventure gambit mission area side village villages
part countryside sector towns districts
""".split())
_CITY_MARKERS = frozenset({"city", "capital", "centre", "center", "airport", "streets", "downtown"})
_MILITARY = frozenset("""
incursion offensive invasion operation fighting troops forces attack attacks raid advance
territory occupy occupied hold battle battles front counteroffensive counterattack withdraw
""".split())


def resolve(article: Article, mentions: list[Mention], sent_tokens: list[list[Token]],
            gazetteer: Gazetteer, cands: list[tuple[Place, ...]]) -> tuple[list[PlaceMention], list[Span]]:
    """Pick a place (and a role) for every mention; the rest are unresolved."""
    named_regions = {c[0].name for c in cands if len(c) == 1 and c[0].kind == "region"}
    named_regions |= {c[0].admin1 for c in cands if len(c) == 1 and c[0].kind == "district"}
    named_districts = {c[0].district for c in cands if len(c) == 1 and c[0].kind == "district"}
    anchors = [c[0] for c in cands if len(c) == 1 and c[0].country in _THEATRE_COUNTRIES
               and c[0].kind in ("settlement", "district")]
    military = {i for i, toks in enumerate(sent_tokens) if any(t.text.lower() in _MILITARY for t in toks)}

    places, unresolved = [], []
    for mention, options in zip(mentions, cands):
        toks = sent_tokens[mention.sentence]
        container = _container(mention, mentions, cands)
        if mention.cue and not options:
            if container is not None:
                places.append(_placed_by_context(mention, container))
            else:
                unresolved.append(mention.span)
            continue
        if not options:
            unresolved.append(mention.span)
            continue
        best = _best(options, container, named_regions, named_districts, anchors)
        if best is None:
            unresolved.append(mention.span)
            continue
        region = _bare_region(mention, best, toks, gazetteer, named_regions, mention.sentence in military)
        if region is not None:
            best = region
        kind = _metonym_kind(best)
        role = "actor" if is_actor(toks, mention.first, mention.last, kind) else "location"
        places.append(PlaceMention(span=mention.span, place=best, role=role, precision=best.precision,
                                   name=best.name, kind=best.kind))
    return places, unresolved


def _best(options: tuple[Place, ...], container: Place | None, named_regions: set[str],
          named_districts: set[str], anchors: list[Place]) -> Place | None:
    if len(options) == 1 and container is None:
        only = options[0]
        return only if _plausible(only, named_regions, anchors, support=False) else None
    scored = []
    for place in options:
        score = _prior(place)
        support = False
        if container is not None:
            inside = place.admin1 == container.name or (
                container.kind == "district" and place.district == container.district)
            score += 8.0 if inside else -4.0
            support |= inside
        if place.admin1 in named_regions or (place.district and place.district in named_districts):
            score += 3.0
            support = True
        others = [a for a in anchors if a.id != place.id]
        if others and place.kind == "settlement":
            nearest = min(_km(place, a) for a in others)
            score += 3.0 * math.exp(-nearest / 100.0)
            support |= nearest < 100.0
        scored.append((score, support, place))
    scored.sort(key=lambda s: (-s[0], s[2].id))
    score, support, best = scored[0]
    return best if _plausible(best, named_regions, anchors, support) else None


def _prior(place: Place) -> float:
    base = {"country": 6.0, "region": 5.0, "district": 4.0, "other": 3.0}.get(place.kind)
    if base is None:
        base = 1.0 + math.log10(place.population + 1) / 2.0
    if place.country in _THEATRE_COUNTRIES and _km_to_theatre(place) < THEATRE_RADIUS_KM:
        base += 2.0
    if "curated" in place.source:
        base += 1.0
    return base


def _plausible(place: Place, named_regions: set[str], anchors: list[Place], support: bool) -> bool:
    """None of the above: a small, unsupported village far from the story is not believed."""
    if place.kind != "settlement" or place.population >= 1000 or "curated" in place.source or support:
        return True
    if place.admin1 in named_regions:
        return True
    if place.country in _THEATRE_COUNTRIES and _km_to_theatre(place) < THEATRE_RADIUS_KM:
        return True
    return any(_km(place, a) < 150.0 for a in anchors if a.id != place.id)


def _container(mention: Mention, mentions: list[Mention], cands: list[tuple[Place, ...]]) -> Place | None:
    """The region or district the sentence puts the mention in ("X in Kursk Region", "X, Sumy Oblast")."""
    for other, options in zip(mentions, cands):
        if other.sentence != mention.sentence or other.first <= mention.last or other.first > mention.last + 4:
            continue
        regional = [p for p in options if p.kind in ("region", "district")]
        if len(regional) != 1:
            continue
        return regional[0]
    return None


def _placed_by_context(mention: Mention, container: Place) -> PlaceMention:
    precision = "district" if container.kind == "district" else "region"
    return PlaceMention(span=mention.span, place=container, role="location", precision=precision,
                        name=mention.span.surface, kind="settlement")


def _bare_region(mention: Mention, best: Place, toks: list[Token], gazetteer: Gazetteer,
                 named_regions: set[str], military: bool) -> Place | None:
    """ "Kursk" alone is the city, unless the words around it say the region."""
    if best.kind != "settlement" or mention.first != mention.last or toks[mention.last].possessive:
        return None  # "Kiev's offensive" is Kyiv acting, not a region
    region = next((p for suffix in ("oblast", "region") for p in gazetteer.lookup_key(f"{mention.key} {suffix}")
                   if p.kind == "region"), None)
    if region is None:
        return None
    before = toks[mention.first - 1].text.lower() if mention.first > 0 else ""
    before2 = toks[mention.first - 2].text.lower() if mention.first > 1 else ""
    after = toks[mention.last + 1].text.lower() if mention.last + 1 < len(toks) else ""
    after2 = toks[mention.last + 2].text.lower() if mention.last + 2 < len(toks) else ""
    after3 = toks[mention.last + 3].text.lower() if mention.last + 3 < len(toks) else ""
    if after in _CITY_MARKERS or (before2, before) in (("city", "of"), ("town", "of")) or (after, after2) == ("and", "other"):
        return None
    if after in _REGION_AFTER or (after == "and" and after3 in ("regions", "oblasts")):
        return region  # "the Kursk incursion", "the Kursk and Belgorod regions"
    if mention.first > 0 and toks[mention.first - 1].possessive:
        return region  # "Russia's Kursk"
    if before in _REGION_BEFORE or (before == "of" and before2 == "out"):
        if region.name in named_regions or military:
            return region
    return None


def _metonym_kind(place: Place) -> str:
    if place.kind == "country":
        return "country"
    if place.kind == "other":
        return "seat"
    if place.kind == "settlement" and place.name in CAPITALS:
        return "capital"
    return place.kind


def _km(a: Place, b: Place) -> float:
    return _geodesic_km(a.lat, a.lon, b.lat, b.lon)


def _km_to_theatre(place: Place) -> float:
    return _geodesic_km(place.lat, place.lon, *THEATRE_CENTRE)


@functools.lru_cache(maxsize=1 << 16)
def _geodesic_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Geodesic distance is costly (~0.3 ms); the same places recur across a corpus.
    return geodesic((lat1, lon1), (lat2, lon2)).km
