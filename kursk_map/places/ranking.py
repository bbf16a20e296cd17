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
import re
import unicodedata

from geopy.distance import geodesic

from kursk_map.articles.text import Word, count_words, words_after, words_before
from kursk_map.model import Article, Place, PlaceMention, Span
from kursk_map.places.gazetteer import Gazetteer
from kursk_map.places.metonymy import CAPITALS, is_actor
from kursk_map.places.normalize import name_key
from kursk_map.places.recognition import Mention
from kursk_map.places.regional import district_place, is_military, means_region, names_districts, region_named

__all__ = ["resolve", "THEATRE_CENTRE"]

THEATRE_CENTRE = (51.19, 35.27)  # Sudzha: the incursion's crossing point (GeoNames 486816)
THEATRE_RADIUS_KM = 450.0
_CLUSTER_KM = 50.0   # how fast a namesake's pull towards the article's other places fades
_ANCHOR_KM = 30.0    # a namesake this close to an unambiguous place of the article is itself an anchor
_HAMLET = 100        # fewer people than this: a name in the theatre needs the text's support
_LOCATIVE = frozenset("in of from near at around outside inside the to into".split())
# After a one-word settlement name, these make it a person: villages do not speak.
_SPEECH = frozenset("""
said says told tells added adds noted notes stated states wrote writes claimed claims announced announces
explained explains stressed stresses warned warns insisted insists reported reports confirmed confirms
admitted admits acknowledged denied denies argued argues recalled recalls
""".split())
_THEATRE_COUNTRIES = ("RU", "UA", "BY")
# The first word of many village names ("Novaya Sorochina", "Malaya Loknya"): alone, half a name.
_BARE_ADJECTIVES = frozenset("""novaya novy novyy novoye staraya stary staryy staroye bolshaya bolshoy bolshoye malaya
maly malyy maloye verkhnyaya nizhnyaya krasnaya krasny""".split())


def resolve(article: Article, mentions: list[Mention], sents: list[tuple[int, int]],
            gazetteer: Gazetteer, cands: list[tuple[Place, ...]]) -> tuple[list[PlaceMention], list[Span]]:
    """Pick a place (and a role) for every mention; the rest are unresolved."""
    text = article.text
    story = _Story(cands, gazetteer)
    story.refine(cands)
    named_regions = story.named_regions
    chosen: dict[tuple[int, str | None], Place | None] = {}  # one choice per candidate set and container

    places, unresolved = [], []
    for i, (mention, options) in enumerate(zip(mentions, cands)):
        if not options and not mention.cue:
            unresolved.append(mention.span)
            continue
        container = _container(text, i, mentions, cands)
        if mention.cue and not options:
            if container is not None:
                places.append(_placed_by_context(mention, container))
            else:
                unresolved.append(mention.span)
            continue
        # The candidate tuples are shared per key (places.candidates), so their identity names the set.
        memo_key = (id(options), container.id if container is not None else None)
        if memo_key not in chosen:
            chosen[memo_key] = story.best(options, container, mention.key)
        best = chosen[memo_key]
        if best is not None and container is not None and best.kind == "settlement" and best.population < 100_000 \
                and container.kind in ("region", "district") and not _inside(best, container) \
                and _IN_THE.fullmatch(text, mention.raw_end, _next_start(mentions, i)):
            # "Vesoloye in Kursk Region" when the gazetteer knows only namesakes elsewhere: the village is
            # in the region the sentence says, not in Donetsk Oblast
            places.append(_placed_by_context(mention, container))
            continue
        if best is None or _foreign_word(best, mention.span.surface, container) or (
                mention.span.surface.lower() in _BARE_ADJECTIVES and not story.prior(best)[1]):
            # "Novaya and Staraya Sorotitsa": "Novaya" alone is half a name, not a town in Siberia
            unresolved.append(mention.span)
            continue
        after = None
        if (best.kind == "settlement" and mention.words == 1 and not mention.cue and best.name not in CAPITALS
                and _next_piece(text, mention.raw_end) in _SPEECH):
            after = words_after(text, mention.raw_end, sents[mention.sentence][1])
            if (after and after[0].lower in _SPEECH and best.population < 100_000
                    and not ((before := _before(text, mention, sents)) and before[-1].lower in _LOCATIVE)):
                continue  # "Syrskyi said" (not "officials in Sudzha said"): a person with a village's name
        if best.kind == "settlement" and mention.words == 1 and best.district and best.population >= 1000:
            if after is None:
                after = words_after(text, mention.raw_end, sents[mention.sentence][1])
            district = district_place(best, gazetteer)
            if district is not None and names_districts(_before(text, mention, sents), after):
                best = district  # "the Sudzha and Korenevo districts", "the districts of Sudzha and Korenevo"
        if best.kind == "settlement" and mention.words == 1 and not mention.possessive and best.name not in CAPITALS:
            region = region_named(mention.key, gazetteer)  # a capital alone is the city: "Kyiv offensive"
            if region is not None:
                if after is None:
                    after = words_after(text, mention.raw_end, sents[mention.sentence][1])
                if means_region(_before(text, mention, sents), region, after, named_regions,
                                 lambda: is_military(text, *sents[mention.sentence])):
                    best = region
        kind = _metonym_kind(best)
        role = "location"
        if kind in ("country", "capital", "seat"):
            if after is None:
                after = words_after(text, mention.raw_end, sents[mention.sentence][1])
            if is_actor(_before(text, mention, sents), mention.possessive, after, kind):
                role = "actor"
        places.append(PlaceMention(span=mention.span, place=best, role=role, precision=best.precision,
                                   name=best.name, kind=best.kind))
    return places, unresolved


class _Story:
    """What the article as a whole says: the regions and districts it names, the places it is about."""

    def __init__(self, cands: list[tuple[Place, ...]], gazetteer: Gazetteer):
        unique = [c[0] for c in cands if len(c) == 1]
        self.named_regions = {p.name for p in unique if p.kind == "region"}
        self.named_regions |= {p.admin1 for p in unique if p.kind == "district"}
        self.named_districts = {p.district for p in unique if p.kind == "district"}
        # The unambiguous places of the theatre, each once.
        self.anchors = list({p.id: p for p in unique if p.country in _THEATRE_COUNTRIES
                             and p.kind in ("settlement", "district")}.values())
        self.priors = gazetteer.memo.setdefault("priors", {})
        self._nearest: dict[str, tuple[Place, float | None]] = {}

    def best(self, options: tuple[Place, ...], container: Place | None, key: str | None = None) -> Place | None:
        if len(options) == 1 and container is None:
            only = options[0]
            return only if self.plausible(only, support=False) else None
        # A name that is some places' own and only another's former or variant name ("Maryino": four
        # villages, and a GeoNames alias of Pristen) means one of the former.
        by_name = {p.id for p in options if key is not None and name_key(p.name) == key}
        scored = []
        for place in options:
            score = self.prior(place)[0] - (_ALIAS_ONLY if by_name and place.id not in by_name else 0.0)
            support = False
            if container is not None:
                inside = _inside(place, container)
                score += 8.0 if inside else -4.0
                support |= inside
            if place.admin1 in self.named_regions or (place.district and place.district in self.named_districts):
                score += 3.0
                support = True
            if place.kind == "settlement":
                nearest = self.nearest_anchor(place)
                if nearest is not None:
                    # A report is about one battle area: the namesake near its other places wins.
                    score += 4.0 * math.exp(-nearest / _CLUSTER_KM)
                    support |= nearest < 100.0
            scored.append((score, support, place))
        scored.sort(key=lambda s: (-s[0], s[2].id))
        score, support, best = scored[0]
        return best if self.plausible(best, support) else None

    def prior(self, place: Place) -> tuple[float, bool]:
        """The place's prior score, and whether it lies in the war's theatre (per gazetteer, once)."""
        known = self.priors.get(place.id)
        if known is None:
            theatre = place.country in _THEATRE_COUNTRIES and _km_to_theatre(place) < THEATRE_RADIUS_KM
            base = {"country": 6.0, "region": 5.0, "district": 4.0, "other": 3.0}.get(place.kind)
            if base is None:
                base = 1.0 + math.log10(place.population + 1) / 2.0
            known = self.priors[place.id] = (base + 2.0 * theatre + 1.0 * ("curated" in place.source), theatre)
        return known

    def nearest_anchor(self, place: Place) -> float | None:
        """Kilometres to the nearest other unambiguous place of the article, if there is one."""
        known = self._nearest.get(place.id)
        if known is None:
            km = _nearest_km(place, [a for a in self.anchors if a.id != place.id])
            known = self._nearest[place.id] = (place, km)
        return known[1]

    def plausible(self, place: Place, support: bool) -> bool:
        """None of the above: a small, unsupported village far from the story is not believed.

        A hamlet of a few dozen people in the theatre needs the text's support (its region
        named, a place of the article nearby): its name is more often a word or a surname.
        """
        if place.kind != "settlement" or place.population >= 1000 or "curated" in place.source or support:
            return True
        if place.admin1 in self.named_regions or (self.prior(place)[1] and place.population >= _HAMLET):
            return True
        nearest = self.nearest_anchor(place)
        return nearest is not None and nearest < 150.0

    def refine(self, cands: list[tuple[Place, ...]]) -> None:
        """Add to the anchors the namesakes the article's own places already point to.

        A village with ten namesakes is no anchor, but the one of them lying next to the
        article's unambiguous places (or in a district it names) is; it then pulls the other
        ambiguous names of the report towards the same battle area.
        """
        oblasts = {a.admin1 for a in self.anchors}
        found = {}
        for options in {id(c): c for c in cands if len(c) > 1}.values():
            # Only namesakes in an oblast of the article's places can lie within reach of them.
            near = [p for p in options if p.kind == "settlement" and (p.admin1 in oblasts or (
                p.district and p.district in self.named_districts))]
            close = [p for p in near if (p.district and p.district in self.named_districts)
                     or (self.nearest_anchor(p) or math.inf) < _ANCHOR_KM]
            if len(close) == 1:
                found[close[0].id] = close[0]
        known = {a.id for a in self.anchors}
        added = [p for _, p in sorted(found.items()) if p.id not in known]
        if added:
            self.anchors = self.anchors + added
            # A new anchor can only bring a place's nearest anchor closer: update what is known.
            for pid, (place, km) in list(self._nearest.items()):
                near = _nearest_km(place, [a for a in added if a.id != pid])
                kms = [x for x in (km, near) if x is not None]
                self._nearest[pid] = (place, min(kms) if kms else None)


def _foreign_word(place: Place, surface: str, container: Place | None) -> bool:
    """A one-word mention of a town outside the theatre that is none of its names as written, only a sound-alike
    or a foreign alternate: "Malaya" (Málaga), "Xinhua" (Xinghua), "Syrian" (Sirjan), "Sung" (Xuyong). A word."""
    if place.kind != "settlement" or place.country in _THEATRE_COUNTRIES or container is not None or " " in surface:
        return False
    return _fold(surface) not in {_fold(n) for n in (place.name, *place.names)}


def _fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))


_IN_THE = re.compile(r"\s+in\s+(?:the\s+|Russia['’]s\s+|Ukraine['’]s\s+)?")


def _next_start(mentions: list[Mention], i: int) -> int:
    return mentions[i + 1].span.start if i + 1 < len(mentions) else mentions[i].raw_end


def _inside(place: Place, container: Place) -> bool:
    return place.admin1 == container.name or (container.kind == "district" and place.district == container.district)


def _container(text: str, i: int, mentions: list[Mention], cands: list[tuple[Place, ...]]) -> Place | None:
    """The region or district the sentence puts the mention in ("X in Kursk Region", "X, Sumy Oblast").

    It is one of the next mentions in the same sentence, at most three words after.
    """
    mention = mentions[i]
    for k in range(i + 1, min(i + 5, len(mentions))):
        other = mentions[k]
        if other.sentence != mention.sentence or other.span.start - mention.raw_end > 100:
            break
        if count_words(text, mention.raw_end, other.span.start) > 3:
            break
        regional = [p for p in cands[k] if p.kind in ("region", "district")]
        if len(regional) == 1:
            return regional[0]
    return None


def _placed_by_context(mention: Mention, container: Place) -> PlaceMention:
    precision = "district" if container.kind == "district" else "region"
    return PlaceMention(span=mention.span, place=container, role="location", precision=precision,
                        name=mention.span.surface, kind="settlement")


def _next_piece(text: str, end: int) -> str:
    """The next word after ``end`` as the text writes it, lower-cased (a cheap look before reading words)."""
    pieces = text[end:end + 16].split(None, 1)
    return pieces[0].lower().rstrip(",.;:") if pieces else ""


def _before(text: str, mention: Mention, sents: list[tuple[int, int]]) -> tuple[Word, ...]:
    """The sentence's words just before the mention (recognition keeps them when it read them)."""
    if mention.before is not None:
        return mention.before
    return tuple(words_before(text, mention.span.start, sents[mention.sentence][0]))


_ALIAS_ONLY = 2.0  # the prior given up by a place the mention names only by an alternate name


def _metonym_kind(place: Place) -> str:
    if place.kind == "country":
        return "country"
    if place.kind == "other":
        return "seat"
    if place.kind == "settlement" and place.name in CAPITALS:
        return "capital"
    return place.kind


def _nearest_km(place: Place, others: list[Place]) -> float | None:
    """Kilometres from ``place`` to the nearest of ``others`` (None if there are none).

    The anchors of one article lie within a few hundred kilometres of each other, where the
    equirectangular approximation stays within 0.5% of the geodesic: ample for a score that
    fades over 50 km, and a fraction of geopy's cost for the many namesakes a name has.
    """
    if not others:
        return None
    lat, lon = math.radians(place.lat), math.radians(place.lon)
    best = math.inf
    for a in others:
        alat = math.radians(a.lat)
        x = (math.radians(a.lon) - lon) * math.cos((alat + lat) / 2)
        best = min(best, x * x + (alat - lat) ** 2)
    return _EARTH_KM * math.sqrt(best)


_EARTH_KM = 6371.0

def _km_to_theatre(place: Place) -> float:
    return _geodesic_km(place.lat, place.lon, *THEATRE_CENTRE)


@functools.lru_cache(maxsize=1 << 16)
def _geodesic_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Geodesic distance is costly (~0.3 ms); the same places recur across a corpus.
    return geodesic((lat1, lon1), (lat2, lon2)).km
