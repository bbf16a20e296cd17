"""Invented one-report articles for the claims' unit tests (never for headline figures)."""

from kursk_map.articles.reading import article_from_text
from kursk_map.claims.extraction import extract_claims


def claims(text, gazetteer, date="2024-10-10", publisher="Example News"):
    """The claims of a report with this text, publisher and date."""
    article = article_from_text(f"Publisher: {publisher}\nDate: {date}\n\n{text}\n")
    return list(extract_claims(article, gazetteer=gazetteer).claims)
