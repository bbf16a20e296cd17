"""Date expressions resolved against a report date, and report dates read off the text."""

import datetime as dt

import pytest

from kursk_map.articles.reading import read_article
from kursk_map.claims.dates import find_dates, infer_report_date, resolve
from tests.conftest import SEEDS

TUE = dt.date(2024, 8, 13)  # a Tuesday


@pytest.mark.parametrize("text, expected", [
    ("said on Tuesday", "2024-08-13"),          # the report's own day counts for "on Tuesday"
    ("entered last Tuesday", "2024-08-06"),     # ... but not for "last Tuesday"
    ("retook it on Sunday", "2024-08-11"),
    ("in the morning of August 6", "2024-08-06"),
    ("on Aug. 6", "2024-08-06"),
    ("on 6 August", "2024-08-06"),
    ("on December 27", "2023-12-27"),           # a month-day after the report is last year's
    ("yesterday", "2024-08-12"),
    ("last week", "2024-08-06"),
    ("over the past day", "2024-08-13"),
    ("6 августа", "2024-08-06"),
    ("4 серпня", "2024-08-04"),
])
def test_expressions_resolve_against_the_report_date(text, expected):
    (expr,) = find_dates(text)
    assert resolve(expr, TUE).isoformat() == expected


@pytest.mark.parametrize("text", ["Snagost and 10th October", "24 серпня", "on August 20"])
def test_a_yearless_day_almost_a_year_before_the_report_is_no_date(text):
    # "10th October" is a village of Glushkovo district; a report gives a day that far back with its year
    (expr,) = find_dates(text)
    assert resolve(expr, TUE) is None


def test_since_marks_a_start_not_a_date_of_the_claim():
    (expr,) = find_dates("held since August 6")
    assert expr.since


def test_without_a_report_date_only_full_dates_and_weekday_dated_days_resolve():
    assert resolve(find_dates("on 24 August 2024")[0], None) == dt.date(2024, 8, 24)
    assert resolve(find_dates("on Tuesday")[0], None) is None
    assert resolve(find_dates("on August 6")[0], None) is None
    # Thursday, December 26 is 2024 among the years the text mentions (2025) and the one before.
    assert resolve(find_dates("on Thursday, December 26")[0], None, years=(2025,)) == dt.date(2024, 12, 26)


def test_numbers_that_are_not_days_are_not_dates():
    assert find_dates("almost 1,300 square kilometers and 100 settlements") == []


def test_report_date_from_a_page_timestamp_in_seed_000():
    article = read_article(SEEDS / "000_93ccbc94cf436395.txt")
    date, evidence = infer_report_date(article.text, article.body_start)
    assert date == dt.date(2024, 8, 24) and "24 Aug, 2024" in evidence


def test_report_date_from_a_dateline():
    text = "KYIV, Aug. 24, 2024 (Reuters) - Ukrainian forces advanced."
    assert infer_report_date(text)[0] == dt.date(2024, 8, 24)


def test_no_report_date_is_invented():
    for seed in ("002_f3b83dfb5465be27.txt", "004_4ccb4a5811bb1773.txt"):
        article = read_article(SEEDS / seed)
        assert infer_report_date(article.text, article.body_start) is None
    # a dateline with no year and no year anywhere in the text
    assert infer_report_date("WASHINGTON, December 27 (Sputnik) - Officials spoke.") is None


@pytest.mark.parametrize("text, since", [
    ("since Aug. 6", True),
    ("since its surprise strike on the Russian region on Aug. 6", True),
    ("has advanced since Monday, and on Aug. 6 it took Sudzha", False),
    ("retook it on Aug. 6", False),
])
def test_a_date_that_starts_a_period_is_no_claims_date(text, since):
    assert find_dates(text)[-1].since is since
