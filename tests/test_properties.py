"""Properties that hold on any input (hypothesis): the reader, name keys, dates, the claims
extractor and the situation builder never raise on any text or any order of reports, and
the situation keeps its invariants on shuffled, sampled and re-dated real reports.

Examples are drawn deterministically (``derandomize``), so the suite gives the same verdict on
every run; ``HYPOTHESIS_PROFILE=explore`` draws new ones each time to look for more.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kursk_map.articles.reading import article_from_text, decode, read_article
from kursk_map.claims.dates import find_dates, resolve
from kursk_map.claims.extraction import extract_claims
from kursk_map.errors import InputError
from kursk_map.model import ACTIONS, SIDES
from kursk_map.places.geoparse import geoparse
from kursk_map.places.normalize import name_key
from kursk_map.situation import situation_of
from tests.conftest import ROOT

settings.register_profile("default", derandomize=True, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("explore", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REAL = ROOT / "tests" / "data" / "real" / "texts"


@functools.lru_cache(maxsize=1)
def real_words() -> tuple[str, ...]:
    """The words and marks of the real reports: text made of them reaches the extractor's rules."""
    words = set()
    for path in sorted(REAL.glob("*.txt"))[:20]:
        words.update(re.findall(r"\w+|[^\w\s]", path.read_text(encoding="utf-8")))
    return tuple(sorted(words))


TRICKY = ["\u200b", "\u200f", "\u00ad", "\ufeff", "\u202e", "\x00", "\x1b[31m", "\n", "\n\n", "\t", "$", "km²",
          "square kilometres", "%", "per cent", "half", "1,300", "0", "-5", "10th October", "last week",
          "Date: 2024-08-20", "Date: 2031-01-01", "Publisher: X", "URL: javascript:alert(1)", "<script>", "»",
          "Суджа", "Украинские", "Курской области", "Kore\u200fnevo", "S\u200budzha", "Кореnево"]


def sentences():
    """Text made of real words, tricky characters and arbitrary characters, in any order."""
    token = st.one_of(st.sampled_from(real_words()), st.sampled_from(TRICKY), st.text(max_size=8))
    return st.lists(token, max_size=120).map(" ".join)


any_text = st.one_of(st.text(max_size=400), sentences())


@settings(max_examples=150)
@given(st.binary(max_size=600))
def test_decoding_any_bytes_gives_text_or_a_clear_error(raw):
    try:
        text, encoding = decode(raw, "x.txt")
    except InputError as exc:
        assert str(exc).startswith("x.txt: ") and "\n" not in str(exc)
    else:
        assert isinstance(text, str) and encoding


@settings(max_examples=150)
@given(any_text)
def test_any_text_is_an_article_or_a_clear_error(text):
    try:
        article = article_from_text(text, path="x.txt")
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert not re.search("[\u200b\u200f\u00ad\ufeff\u202e]", article.text), "invisible characters are removed"
        assert article.body_start <= len(article.text)


@settings(max_examples=60)
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "B.TXT", "-dash.txt", "two..dots.txt", "юникод.txt"]))
def test_reading_any_file_gives_an_article_or_a_clear_error(raw, name):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(raw)
        try:
            article = read_article(path, within=Path(folder))
        except InputError as exc:
            assert "\n" not in str(exc)
        else:
            assert article.text


@settings(max_examples=300)
@given(any_text)
def test_a_name_key_is_stable_and_spelling_free(text):
    key = name_key(text)
    assert isinstance(key, str) and key == key.strip() and "  " not in key
    assert name_key(text) == key
    assert name_key(text.upper()) == name_key(text.lower()) or not text.isascii()


@settings(max_examples=200)
@given(any_text, st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31))),
       st.lists(st.integers(1900, 2100), max_size=3).map(tuple))
@example("0 FRIDAY", None, ())  # found by this test: the weekday's span began with the space before it
def test_every_date_found_lies_in_its_text_and_resolves_or_not(text, anchor, years):
    for expr in find_dates(text):
        assert 0 <= expr.start < expr.end <= len(text) and text[expr.start:expr.end] == expr.text
        day = resolve(expr, anchor, years=years)
        assert day is None or isinstance(day, dt.date)
        if day is not None and anchor is not None and expr.kind != "full":
            assert day <= anchor + dt.timedelta(days=1), "a partial date is read as said on or before its anchor"


@settings(max_examples=80)
@given(sentences(), st.one_of(st.none(), st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31))))
def test_the_extractor_gives_well_formed_claims_on_any_text(body, report_date):
    header = f"Date: {report_date.isoformat()}\n\n" if report_date else ""
    try:
        article = article_from_text(header + body, path="x.txt")
    except InputError:
        return
    places = geoparse(article)
    for m in places.places:
        assert article.text[m.span.start:m.span.end] == m.span.surface
    for c in extract_claims(article, places).claims:
        assert c.side in SIDES and c.action in ACTIONS
        assert c.quote and c.claimant
        assert c.as_of is None or isinstance(c.as_of, dt.date)
        for value in (c.area_km2, c.settlement_count, c.fraction):
            assert value is None or value >= 0
        assert c.fraction is None or c.fraction <= 1


@functools.lru_cache(maxsize=1)
def real_reports():
    from kursk_map.pipeline import claims_for

    batch = claims_for([str(REAL)])
    assert not batch.failures
    return tuple(batch.results)


def shifted(report, days: int, claim_days: tuple[int, ...]):
    """A report moved ``days`` in time, each of its claims by its own number of days."""
    claims = tuple(dataclasses.replace(c, as_of=None if c.as_of is None else c.as_of + dt.timedelta(days=d))
                   for c, d in zip(report.claims, claim_days + (0,) * len(report.claims)))
    date = None if report.report_date is None else report.report_date + dt.timedelta(days=days)
    return dataclasses.replace(report, report_date=date, claims=claims)


@st.composite
def corpora(draw):
    """Some of the real reports, any of them re-dated, in any order."""
    reports = real_reports()
    picked = draw(st.lists(st.sampled_from(range(len(reports))), min_size=1, max_size=25, unique=True))
    out = []
    for i in picked:
        days = draw(st.integers(-250, 250))
        claim_days = tuple(draw(st.lists(st.integers(-90, 90), max_size=len(reports[i].claims))))
        out.append(shifted(reports[i], days, claim_days))
    return draw(st.permutations(out))


@settings(max_examples=8)
@given(corpora())
def test_the_situation_keeps_its_invariants_on_any_sample_and_order_of_real_reports(gazetteer, reports):
    from tests.situation.test_state import check_invariants, fingerprint

    s = situation_of(list(reports), gazetteer)
    check_invariants(s, gazetteer)
    assert fingerprint(situation_of(list(reversed(reports)), gazetteer)) == fingerprint(s), "order does not matter"
