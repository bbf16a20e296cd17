"""The pipeline, read as its arrows: files -> articles -> places -> claims (-> areas -> maps).

Each step is a library call; the CLI and the map builder call these. Bad
files do not stop a batch: they come back as :class:`InputError` values, one
per file, beside the results of the others.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kursk_map.articles.reading import article_paths, read_article
from kursk_map.claims.corrections import CORRECTIONS_NAME, apply_checked, load_corrections
from kursk_map.claims.extraction import extract_claims
from kursk_map.errors import InputError
from kursk_map.model import ArticleClaims, Notice

__all__ = ["expand_paths", "listed", "ClaimsBatch", "claims_for", "corrections_beside"]


@dataclass(frozen=True, slots=True)
class ClaimsBatch:
    results: tuple[ArticleClaims, ...]   # in the order the files were given; hand-made reports last
    failures: tuple[InputError, ...]
    notices: tuple[Notice, ...] = ()    # inputs used with something ignored (a URL that is no web address...)


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given, folders as their articles; the shown path keeps the user's spelling."""
    return [shown for shown, _ in listed(paths)]


def listed(paths: list[str]) -> list[tuple[str, Path | None]]:
    """(path, the folder it was listed in, or None for a file given by name)."""
    out = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            out.extend((str(p / child.name) if not given.endswith("/") else given + child.name, p)
                       for child in article_paths(p))
        else:
            out.append((given, None))
    return out


def corrections_beside(paths: list[str]) -> list[Path]:
    """The corrections files that live in the folders given (``<folder>/corrections.geojson``)."""
    return [Path(p) / CORRECTIONS_NAME for p in paths if Path(p).is_dir() and (Path(p) / CORRECTIONS_NAME).is_file()]


def claims_for(paths: list[str], *, corrections: list[Path] = (), gazetteer=None, geocoder=None) -> ClaimsBatch:
    """Read every article, resolve its places, extract its claims, apply the corrections files."""
    from kursk_map.places.gazetteer import load_gazetteer
    from kursk_map.places.geoparse import geoparse

    gazetteer = gazetteer or load_gazetteer()
    results, failures, fixes, notices = [], [], [], []
    for path in corrections:
        entries, problems = load_corrections(path)
        fixes.extend(entries)
        failures.extend(problems)
    # A report date given by hand is known before extraction, so "on Tuesday" reads against it.
    dated = {c.properties["file"]: (dt.date.fromisoformat(c.properties["report_date"]),
                                               f"correction {c.label}")
             for c in fixes if c.op == "report_date"}
    for shown, folder in listed(paths):
        try:
            article = read_article(shown, within=folder)
        except InputError as exc:
            failures.append(exc)
            continue
        notices.extend(article.notices)
        results.append(extract_claims(article, geoparse(article, gazetteer, geocoder=geocoder),
                                      dated=dated.get(Path(article.path).name)))
    if fixes:
        results, problems = apply_checked(results, fixes)
        failures.extend(problems)
    return ClaimsBatch(tuple(results), tuple(failures), tuple(notices))
