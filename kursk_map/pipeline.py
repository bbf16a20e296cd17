"""The pipeline, read as its arrows: files -> articles -> places -> claims (-> areas -> maps).

Each step is a library call; the CLI and the map builder call these. Bad
files do not stop a batch: they come back as :class:`InputError` values, one
per file, beside the results of the others.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from kursk_map.articles.reading import article_paths, read_article
from kursk_map.claims.corrections import CORRECTIONS_NAME, apply_checked, load_corrections
from kursk_map.claims.extraction import extract_claims
from kursk_map.errors import InputError
from kursk_map.model import ArticleClaims, GeoparseResult, Notice
from kursk_map.runners import InProcess, Runner

__all__ = ["expand_paths", "listed", "ClaimsBatch", "PlacesBatch", "claims_for", "places_for", "corrections_beside"]


@dataclass(frozen=True, slots=True)
class ClaimsBatch:
    results: tuple[ArticleClaims, ...]   # in the order the files were given; hand-made reports last
    failures: tuple[InputError, ...]
    notices: tuple[Notice, ...] = ()    # inputs used with something ignored (a URL that is no web address...)


@dataclass(frozen=True, slots=True)
class PlacesBatch:
    results: tuple[tuple[str, GeoparseResult], ...]   # (the article's path as shown, its places), in order
    failures: tuple[InputError, ...]
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True, slots=True)
class _Job:
    """One article's work, as sent to a worker: where it is, and what to do with it."""

    shown: str
    folder: Path | None
    claims: bool                              # extract claims too, or only resolve places
    dated: tuple[dt.date, str] | None = None  # a report date given by a corrections file


def _work(job: _Job, geocoder=None):
    """Read, geoparse and (for claims) extract one article: (result or None, error or None, notices).

    Module-level and dependent on nothing but its job and the committed gazetteer, so that a
    worker process or a Dask worker computes exactly what this process would.
    """
    from kursk_map.places.gazetteer import load_gazetteer
    from kursk_map.places.geoparse import geoparse

    try:
        article = read_article(job.shown, within=job.folder)
    except InputError as exc:
        return None, exc, ()
    places = geoparse(article, load_gazetteer(), geocoder=geocoder)
    if not job.claims:
        return (article.path, places), None, article.notices
    return extract_claims(article, places, dated=job.dated), None, article.notices


def _run(jobs: list[_Job], runner: Runner | None, geocoder):
    """Every job's result, in order; errors and notices in the order of their files."""
    runner = runner or InProcess()
    work = _work
    if geocoder is not None:
        if not isinstance(runner, InProcess):
            raise ValueError("the online geocoder runs in one process only (it keeps one cache and one request "
                             "a second)")
        work = functools.partial(_work, geocoder=geocoder)
    outcomes = runner.map(work, jobs)
    results, failures, notices = [], [], []
    for job, outcome in zip(jobs, outcomes):
        if outcome.lost is not None:
            failures.append(InputError(job.shown, outcome.lost))
            continue
        result, error, seen = outcome.value
        if error is not None:
            failures.append(error)
        else:
            results.append(result)
            notices.extend(seen)
    return results, failures, notices


def places_for(paths: list[str], *, runner: Runner | None = None, geocoder=None) -> PlacesBatch:
    """Read every article and resolve its places (on ``runner``: this process by default)."""
    results, failures, notices = _run([_Job(shown, folder, False) for shown, folder in listed(paths)],
                                      runner, geocoder)
    return PlacesBatch(tuple(results), tuple(failures), tuple(notices))


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


def claims_for(paths: list[str], *, corrections: list[Path] = (), geocoder=None,
               runner: Runner | None = None) -> ClaimsBatch:
    """Read every article, resolve its places, extract its claims, apply the corrections files.

    The per-article work runs on ``runner`` (this process by default; see :mod:`kursk_map.runners`);
    the corrections are applied here, to all the claims together. Every worker reads the
    committed gazetteer.
    """
    fixes, failures = [], []
    for path in corrections:
        entries, problems = load_corrections(path)
        fixes.extend(entries)
        failures.extend(problems)
    # A report date given by hand is known before extraction, so "on Tuesday" reads against it.
    dated = {c.properties["file"]: (dt.date.fromisoformat(c.properties["report_date"]),
                                    f"correction {c.label}")
             for c in fixes if c.op == "report_date"}
    jobs = [_Job(shown, folder, True, dated.get(Path(shown).name)) for shown, folder in listed(paths)]
    results, failed, notices = _run(jobs, runner, geocoder)
    failures = [*failures, *failed]
    if fixes:
        results, problems = apply_checked(results, fixes)
        failures.extend(problems)
    return ClaimsBatch(tuple(results), tuple(failures), tuple(notices))
