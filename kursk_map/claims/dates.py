"""Date expressions in article text, resolved against an anchor date.

Three jobs, kept apart:

* :func:`find_dates` finds every date expression in a stretch of text: full
  dates ("24 Aug, 2024", "August 24, 2024", "2024-08-24"), month and day
  ("Aug. 6", "6 August", "6 августа"), weekdays ("on Tuesday", "last
  Tuesday"), and relative words ("yesterday", "last week", "over the past day").
* :func:`resolve` turns one expression into a calendar date, given the date it
  is relative to (the report date). Without an anchor only full dates resolve.
* :func:`infer_report_date` reads a publication date off an article that has
  none in its metadata: a page timestamp or a dateline at the top. It never
  invents a year.

>>> anchor = dt.date(2024, 10, 10)   # a Thursday
>>> [(e.text, str(resolve(e, anchor))) for e in find_dates("retaken two on Wednesday and since Aug. 6")]
[('on Wednesday', '2024-10-09'), ('Aug. 6', '2024-08-06')]
>>> resolve(find_dates("on Thursday, December 26")[0], None, years=(2025,))  # the weekday fixes the year
datetime.date(2024, 12, 26)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DateExpr", "find_dates", "resolve", "infer_report_date", "years_mentioned", "WEEKDAYS", "MONTHS"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
# Genitive forms, as dates are written ("6 августа", "6 серпня").
_MONTHS_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")
_MONTHS_UK = ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
              "вересня", "жовтня", "листопада", "грудня")
MONTHS: dict[str, int] = {}
for _i, _name in enumerate(_MONTHS_EN, 1):
    MONTHS[_name] = _i
    MONTHS[_name[:3]] = _i
MONTHS["sept"] = 9
for _names in (_MONTHS_RU, _MONTHS_UK):
    for _i, _name in enumerate(_names, 1):
        MONTHS[_name] = _i
_WEEKDAYS_ALL = {**{w: i for i, w in enumerate(WEEKDAYS)},
                 **{w: i for i, w in enumerate(("понедельник", "вторник", "среду", "четверг", "пятницу",
                                                "субботу", "воскресенье"))},
                 **{w: i for i, w in enumerate(("понеділок", "вівторок", "середу", "четвер", "п'ятницю",
                                                "суботу", "неділю"))}}

_MONTH = r"(?P<{n}>" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{n}>(?:19|20)\d\d)"
_WD = r"(?P<wd>" + "|".join(sorted(_WEEKDAYS_ALL, key=len, reverse=True)) + r")"

_PATTERNS = [
    ("iso", r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    ("dotted", r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b"),
    # "Thursday, December 26", "Friday, 27 December 2024": the weekday comes with the date.
    ("wd_md", _WD + r",?\s+" + _MONTH.format(n="mon") + r"\s+" + _DAY.format(n="d")
     + r"(?:,?\s+" + _YEAR.format(n="y") + r")?\b"),
    ("wd_dm", _WD + r",?\s+" + _DAY.format(n="d") + r"\s+" + _MONTH.format(n="mon")
     + r"(?:,?\s+" + _YEAR.format(n="y") + r")?\b"),
    ("md", r"\b" + _MONTH.format(n="mon") + r"\s+" + _DAY.format(n="d") + r"\b(?!\s*(?:%|km|kilomet|mile))"
     + r"(?:,?\s+" + _YEAR.format(n="y") + r")?"),
    ("dm", r"\b" + _DAY.format(n="d") + r"\s+(?:of\s+)?" + _MONTH.format(n="mon")
     + r"(?:,?\s+" + _YEAR.format(n="y") + r")?\b"),
    ("relwd", r"\b(?P<rel>last|this|on|since|by|from|until|late on|early on)?\s*" + _WD + r"\b"),
    ("rel", r"\b(?P<word>yesterday|today|tonight|overnight|last week|this week|earlier this week"
            r"|over the past day|in the past day|over the past 24 hours|in the past 24 hours|over the last day"
            r"|over the past week|in the past week|last month|вчера|сегодня|за сутки|за минувшие сутки"
            r"|за прошедшие сутки|вчора|сьогодні|за добу|за минулу добу)\b"),
]
_COMPILED = [(name, re.compile(pat, re.IGNORECASE)) for name, pat in _PATTERNS]
_REL_DAYS = {"yesterday": -1, "вчера": -1, "вчора": -1, "last week": -7, "over the past week": 0,
             "in the past week": 0, "last month": -30}


@dataclass(frozen=True, slots=True)
class DateExpr:
    """One date expression: where it is, what it says, and which parts it gives."""

    text: str
    start: int
    end: int
    kind: str                 # full | month_day | weekday | relative
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset_days: int = 0      # relative words: days from the anchor
    last: bool = False        # "last Tuesday": the one before, never the anchor day itself
    since: bool = False       # "since August 6": a start, not the date a claim is about


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateExpr]:
    """Every date expression in ``text[start:end]``, in order, longest first where they overlap."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []
    for name, rx in _COMPILED:
        for m in rx.finditer(chunk):
            s, e = m.start() + start, m.end() + start
            raw = text[s:e]
            s, e = s + len(raw) - len(raw.lstrip()), e - len(raw) + len(raw.rstrip())  # the span is the words
            if s >= e or any(a < e and s < b for a, b in taken):
                continue
            expr = _make(name, m, text[s:e], s, e)
            if expr is not None:
                found.append(expr)
                taken.append((s, e))
    return sorted(found, key=lambda x: x.start)


_SINCE_BEFORE = re.compile(r"\bsince\b[^,;.:\n]{0,60}$", re.IGNORECASE)


def _make(name: str, m: re.Match, surface: str, s: int, e: int) -> DateExpr | None:
    g = m.groupdict()
    # "since August 6", and "since its surprise strike on the Russian region on Aug. 6": the start of a period
    since = surface.lower().startswith("since") \
        or bool(_SINCE_BEFORE.search(m.string, max(0, m.start() - 70), m.start()))
    if name in ("iso", "dotted"):
        try:
            dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
        except ValueError:
            return None
        return DateExpr(surface, s, e, "full", int(g["y"]), int(g["m"]), int(g["d"]), since=since)
    if name in ("wd_md", "wd_dm", "md", "dm"):
        month = MONTHS[g["mon"].lower().rstrip(".")]
        day = int(g["d"])
        if not 1 <= day <= 31:
            return None
        year = int(g["y"]) if g.get("y") else None
        weekday = _WEEKDAYS_ALL[g["wd"].lower()] if g.get("wd") else None
        kind = "full" if year else "month_day"
        return DateExpr(surface, s, e, kind, year, month, day, weekday=weekday, since=since)
    if name == "relwd":
        rel = (g.get("rel") or "").lower()
        return DateExpr(surface, s, e, "weekday", weekday=_WEEKDAYS_ALL[g["wd"].lower()],
                        last=rel == "last", since=rel == "since")
    word = g["word"].lower()
    return DateExpr(surface, s, e, "relative", offset_days=_REL_DAYS.get(word, 0))


_YEARLESS_DAYS = 300


def resolve(expr: DateExpr, anchor: dt.date | None, *, years: tuple[int, ...] = ()) -> dt.date | None:
    """The calendar date ``expr`` names, reading it as said on ``anchor``.

    A month and day take the year that puts them on or before the anchor (a
    report tells of the past). With no anchor, a weekday given with the date
    fixes the year among ``years`` (the years the article mentions, and the one
    before the earliest); otherwise the date cannot be resolved: ``None``.
    """
    if expr.kind == "full":
        return _date(expr.year, expr.month, expr.day)
    if expr.kind == "month_day":
        if anchor is not None:
            for year in (anchor.year, anchor.year - 1):
                d = _date(year, expr.month, expr.day)
                if d is not None and d <= anchor + dt.timedelta(days=1):
                    # A report gives a day that far back with its year; without one it is a name
                    # ("Snagost and 10th October", a village) more likely than a date.
                    return d if (anchor - d).days <= _YEARLESS_DAYS else None
            return None
        if expr.weekday is not None and years:
            pool = sorted(set(years) | {min(years) - 1})
            hits = [y for y in pool if (d := _date(y, expr.month, expr.day)) and d.weekday() == expr.weekday]
            return _date(hits[-1], expr.month, expr.day) if len(hits) == 1 else None
        return None
    if anchor is None:
        return None
    if expr.kind == "weekday":
        back = (anchor.weekday() - expr.weekday) % 7
        if expr.last and back == 0:
            back = 7
        return anchor - dt.timedelta(days=back)
    return anchor + dt.timedelta(days=expr.offset_days)


def _date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    try:
        return dt.date(year, month, day)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


_YEAR_WORD = re.compile(r"\b(20[0-4]\d)\b")


def years_mentioned(text: str, start: int = 0) -> tuple[int, ...]:
    """The years 2000-2049 written in ``text[start:]``, in order (what weekday-dated days resolve among)."""
    return tuple(int(y) for y in _YEAR_WORD.findall(text, start))
_DATELINE = re.compile(r"^[A-ZА-ЯЁІЇЄ][A-ZА-ЯЁІЇЄ .'/-]{2,40},\s+(?P<date>[^—–(\n]{3,40}?)\s*(?:\((?P<agency>[^)\n]{2,40})\))?\s*[—–-]",
                       re.MULTILINE)


def infer_report_date(text: str, start: int = 0) -> tuple[dt.date, str] | None:
    """A publication date read off the top of an article, and the text it came from.

    Looks at the first lines for a stand-alone page timestamp with a full date
    ("24 Aug, 2024 08:41"), then for a dateline ("KYIV, Aug. 24, 2024 (Reuters) -",
    "WASHINGTON, December 27 (Sputnik) -"). A dateline without a year takes
    the year only from a full date elsewhere in the text (the dateline's is
    the first such day on or after it), or from the one year the text
    mentions; otherwise nothing is inferred.

    >>> infer_report_date("icons\\n24 Aug, 2024 08:41\\n\\nHeadline\\n")
    (datetime.date(2024, 8, 24), '24 Aug, 2024 08:41')
    >>> infer_report_date("WASHINGTON, December 27 (Sputnik) - Officials said the 2024 gains held.")
    (datetime.date(2024, 12, 27), 'WASHINGTON, December 27 (Sputnik) - (year from the one year the text mentions, 2024)')
    >>> infer_report_date("Officials said on Tuesday that fighting went on.") is None
    True
    """
    head_end = _nth_line_end(text, start, 8)
    for line_start, line in _lines(text, start, head_end):
        stripped = line.strip()
        if len(stripped) > 40:
            continue
        for expr in find_dates(line):
            if expr.kind == "full" and len(stripped) - len(expr.text) <= 12:
                return _date(expr.year, expr.month, expr.day), stripped  # type: ignore[return-value]
    m = _DATELINE.search(text, start, _nth_line_end(text, start, 12))
    if m:
        exprs = [e for e in find_dates(m.group("date")) if e.kind in ("full", "month_day")]
        if exprs:
            expr = exprs[0]
            evidence = m.group(0).strip()
            if expr.kind == "full":
                return _date(expr.year, expr.month, expr.day), evidence  # type: ignore[return-value]
            full = [d for e in find_dates(text, start) if e.kind == "full" and (d := resolve(e, None))]
            if full:
                latest = max(full)
                for year in (latest.year, latest.year + 1):
                    d = _date(year, expr.month, expr.day)
                    if d is not None and d >= latest:
                        return d, f"{evidence} (year from {latest.isoformat()} in the text)"
            years = set(years_mentioned(text, start))
            if len(years) == 1:
                d = _date(years.pop(), expr.month, expr.day)
                if d is not None:
                    return d, f"{evidence} (year from the one year the text mentions, {d.year})"
    return None


def _lines(text: str, start: int, end: int):
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl == -1 else nl
        yield pos, text[pos:line_end]
        pos = line_end + 1


def _nth_line_end(text: str, start: int, n: int) -> int:
    pos = start
    for _ in range(n):
        nl = text.find("\n", pos)
        if nl == -1:
            return len(text)
        pos = nl + 1
    return pos
