"""Stage 1, articles: files -> :class:`~kursk_map.model.Article`.

Takes a path (or text), gives the decoded text with its metadata (header block or
``.meta`` sidecar), the spans of page chrome and appeals that later stages skip, and
the words and sentences the rules read. Bad files raise
:class:`~kursk_map.errors.InputError` with a one-line reason.
"""

from kursk_map.articles.boilerplate import find_boilerplate
from kursk_map.articles.reading import (
                                        ARTICLE_SUFFIXES,
                                        MAX_BYTES,
                                        article_from_text,
                                        article_paths,
                                        decode,
                                        read_article,
                                        web_url,
)
from kursk_map.articles.text import sentences, tokens

__all__ = ["read_article", "article_from_text", "article_paths", "decode", "web_url", "find_boilerplate",
           "sentences", "tokens", "MAX_BYTES", "ARTICLE_SUFFIXES"]
