"""Page chrome and appeals captured with an article, found so that no stage reads them.

Articles saved from the web carry icon-font names, player timestamps,
"3 days ago", comment counters, "Loading comments..." and donation appeals.
Each rule below recognises one of those shapes; the spans it returns are
skipped by the geoparser and the claim extractor.

>>> text = "iconA icon B icon C icon D icon E icon\\nReal text in Kursk.\\n0:00\\n29:39\\n"
>>> [text[s:e] for s, e in find_boilerplate(text)]
['iconA icon B icon C icon D icon E icon', '0:00', '29:39']
"""

from __future__ import annotations

import re
from itertools import accumulate, compress

__all__ = ["find_boilerplate"]

_CHROME_LINES = re.compile(
    r"^[^\S\n]*((?:"
    r"\d{1,2}(?::\d{2}){1,2}"                                   # player timestamps
    r"|\d{1,6}"                                                  # bare counters
    r"|\d+[^\S\n]+(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?)[^\S\n]+ago"  # "3 days ago"
    r"|loading comments[^\w\n]*|comments?|podcasts?|share|share this|read more|subscribe"
    r"|advertisement|related|more|continue|once|monthly|annual|yearly|×|x"
    r"|remind me later[^\w\n]*|remind me next month|not ready to support today[^\w\n]*"
    r"|thank you! your reminder is set[^\w\n]*"
    r")(?<!\s))[^\S\n]*$",
    re.IGNORECASE,
)
# The first line of an appeal; everything after it, to the end, is the appeal.
_APPEAL_START = re.compile(
    r"^[^\S\n]*(?:a message from\b|dear readers?\b|support (?:us|our|independent)\b|please support\b"
    r"|become a (?:member|patron|supporter)\b|donate\b|help us\b)",
    re.IGNORECASE,
)
_ICON_WORD = re.compile(r"icon", re.IGNORECASE)


def find_boilerplate(text: str, start: int = 0) -> tuple[tuple[int, int], ...]:
    """Spans (start, end) of boilerplate lines in ``text[start:]``.

    The rules run over all lines at once (``map``): an article has dozens of
    lines, and a Python loop over them would cost more than the matching.
    """
    lines = text[start:].split("\n")
    sums = list(accumulate(map(len, lines), initial=start))  # line i starts at sums[i] + i
    body_len = len(text) - start
    stop = next((i for i in compress(range(len(lines)), map(_APPEAL_START.match, lines))
                 if sums[i] + i - start > body_len * 0.4), len(lines))
    chrome = list(map(_CHROME_LINES.match, lines[:stop]))
    spans = [(sums[i] + i + chrome[i].start(1), sums[i] + i + chrome[i].end(1))
             for i in compress(range(stop), chrome)]
    if "icon" in text[start:sums[stop] + stop - 1 if stop < len(lines) else len(text)].lower():
        for i, line in enumerate(lines[:stop]):
            if len(_ICON_WORD.findall(line)) >= 5:
                lead = len(line) - len(line.lstrip())
                spans.append((sums[i] + i + lead, sums[i] + i + len(line.rstrip())))
        spans.sort()
    if stop < len(lines):
        spans.append((sums[stop] + stop, len(text)))
    return tuple(spans)
