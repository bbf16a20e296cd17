"""Invented one-line reports for the situation's unit tests (never for headline figures)."""

from __future__ import annotations

import itertools

from kursk_map.articles.reading import article_from_text
from kursk_map.claims.extraction import extract_claims
from kursk_map.model import ArticleClaims

_COUNTER = itertools.count()


def report(text: str, gazetteer, date: str = "2024-09-01", publisher: str = "Test") -> ArticleClaims:
    """The claims of a report with this text, publisher and date (each under a path of its own)."""
    path = f"r{next(_COUNTER):03d}_{date}.txt"
    article = article_from_text(f"Publisher: {publisher}\nDate: {date}\n\n{text}\n", path=path)
    return extract_claims(article, gazetteer=gazetteer)


def kursk_place(gazetteer, name: str):
    found = [p for p in gazetteer.lookup(name) if p.admin1 == "Kursk Oblast" and p.kind == "settlement"]
    assert len(found) == 1 and found[0].precision == "settlement", (name, found)
    return found[0]
