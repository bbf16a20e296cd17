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

__all__ = ["find_boilerplate"]

_CHROME_LINES = re.compile(
    r"^(?:"
    r"\d{1,2}(?::\d{2}){1,2}"                                   # player timestamps
    r"|\d{1,6}"                                                  # bare counters
    r"|\d+\s+(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?)\s+ago"  # "3 days ago"
    r"|loading comments\W*|comments?|podcasts?|share|share this|read more|subscribe"
    r"|advertisement|related|more|continue|once|monthly|annual|yearly|×|x"
    r"|remind me later\W*|remind me next month|not ready to support today\W*"
    r"|thank you! your reminder is set\W*"
    r")$",
    re.IGNORECASE,
)
# The first line of an appeal; everything after it, to the end, is the appeal.
_APPEAL_START = re.compile(
    r"^(?:a message from\b|dear readers?\b|support (?:us|our|independent)\b|please support\b"
    r"|become a (?:member|patron|supporter)\b|donate\b|help us\b)",
    re.IGNORECASE,
)
_ICON_WORD = re.compile(r"icon", re.IGNORECASE)


def find_boilerplate(text: str, start: int = 0) -> tuple[tuple[int, int], ...]:
    """Spans (start, end) of boilerplate lines in ``text[start:]``."""
    spans: list[tuple[int, int]] = []
    pos = start
    body_len = len(text) - start
    for line in text[start:].split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        stripped = line.strip()
        if not stripped:
            continue
        if _APPEAL_START.match(stripped) and line_start - start > body_len * 0.4:
            spans.append((line_start, len(text)))
            break
        if _CHROME_LINES.match(stripped) or len(_ICON_WORD.findall(stripped)) >= 5:
            spans.append((line_start + (len(line) - len(line.lstrip())), line_end - (len(line) - len(line.rstrip()))))
    return tuple(spans)
