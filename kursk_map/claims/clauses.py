"""Where a verb of control stands in its sentence: the news, or a description or a recap.

Reporting mixes what happened today with what happened before: "Russia said it had
recaptured three villages *seized by Ukraine*", "the Kursk region, *where Kyiv launched
its incursion in August*", "Ukraine *initially* seized about 1,300 km²". A verb in a
relative clause describes the object of another claim; a verb in a recap tells earlier
events. Either is a claim of its own only when it brings a figure or a named settlement
(tests/data/real/README.md); the extractor reads both facts here, from the words around
the verb (no parser: rules over the sentence).

>>> t = "Russia said its troops had recaptured three villages seized by Ukraine."
>>> from kursk_map.claims.lexicon import find_triggers
>>> [(x.text, is_relative(t, x, 0)) for x in find_triggers(t, 0, len(t))]
[('recaptured', False), ('seized', True)]
"""

from __future__ import annotations

import datetime as dt
import re

from kursk_map.claims.lexicon import Trigger

__all__ = ["is_relative", "is_current", "is_recap", "clause_span", "RECAP_DAYS", "ASIDE"]

# A claim dated this many days before its report is a recap of earlier events.
RECAP_DAYS = 30

_GROUND_NOUNS = (r"territor(?:y|ies)|land|lands|ground|area|areas|region|regions|oblast|villages?|settlements?|towns?"
                 r"|city|cities|province|provinces|municipality|positions?|parts?|swath|swathe|chunk|patch|pocket|strip|slice|sliver"
                 r"|stronghold|foothold|bridgehead|salient|soil|km|kilometres|kilometers|miles")
_AUXILIARY = re.compile(r"\b(?:was|were|been|be|being|is|are|am|has|have|had|get|got|gets|getting)\s+(?:\w+ly\s+)?$",
                        re.IGNORECASE)
_PARTICIPLE = re.compile(r"(?:ed|en|held|taken|seized|won|overrun|retook)$", re.IGNORECASE)
# "that" after these is the start of what was said, not a relative clause.
_SAYING = re.compile(r"\b(?:said|says|say|saying|claimed|claims|claim|claiming|reported|reports|reporting|announced"
                     r"|announcing|stated|stating|added|adding|noted|noting|told|stressed|stressing|insisting|arguing"
                     r"|warning|suggests?|suggesting|means|meaning|believe|think|know|knew|hopes?|fears?|confirm"
                     r"|confirmed|believes?|thinks?|showed|shows|estimated|estimates|assessed|warned|insisted|wrote"
                     r"|writes|argued|acknowledged|admitted|denied|so|such|clear|likely|possible|sure|now)"
                     r"(?:\s+[\w’'.-]+,?){0,4}\s+$",
                     re.IGNORECASE)
_THAT_NOUN = re.compile(rf"\b(?:{_GROUND_NOUNS}|troops|forces|units|groups?|formations|soldiers|attacks?)\s+$",
                        re.IGNORECASE)
_RELATIVE = re.compile(r"(?:^|[\s,(—–-])(that|which|who|whom|whose|where)\s", re.IGNORECASE)
_CONTACT = re.compile(rf"\b(?:{_GROUND_NOUNS})\s+(?:(?:it|they|he|she|we|Ukraine|Russia|Kyiv|Kiev|Moscow"
                      rf"|(?:Ukrainian|Russian|Kyiv's|Moscow's)\s+(?:troops|forces|units|army))\s+)"
                      rf"(?:(?:had|has|have|had\s+first|first|initially|originally)\s+)?$", re.IGNORECASE)
_UNDER = re.compile(r"\bunder\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)  # "under Ukrainian control"
_NOUN_UNDER = re.compile(r"\b(?:the|a|an|its|their|every|each)\s+(?:[\w-]+\s+){0,2}(?:villages?|settlements?|towns?|city"
                         r"|territory|land|areas?|ground|positions)(?:\s+(?:in|of|near)\s+(?:the\s+)?[\w'’-]+(?:\s+(?:region|oblast))?)?\s+$",
                         re.IGNORECASE)
_NARRATIVE = re.compile(r"\b(?:in the course of|during|as a result of|after|following|thanks to)\s+$", re.IGNORECASE)
_CURRENT = re.compile(r"\b(?:is|are|remains?|still|now|currently|keeps?|continues? to)\s+(?:[\w'’-]+\s+){0,3}$",
                      re.IGNORECASE)
_PRESENT_VERB = re.compile(r"(?:holds?|controls?|occup(?:y|ies))", re.IGNORECASE)
# "since Ukraine launched its incursion": a clause of earlier events ("have since advanced" is not one).
_SINCE = re.compile(r"(?<!\bhave )(?<!\bhas )(?<!\bhad )\b(?:ever )?since\s+(?:[\w’'-]+\s+){1,5}$", re.IGNORECASE)
_PLUPERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+|already\s+)?$", re.IGNORECASE)
_WITHIN = re.compile(r"\bwithin (?:(?:a|two|three|a few) )?(?:hours|days?|weeks?)\b", re.IGNORECASE)
_MONTHS_AFTER = re.compile(r"\b(?:\w+|\d+) (?:weeks|months|years) after\s+(?:[\w’'-]+\s+){1,5}$", re.IGNORECASE)
_RECAP_WORDS = re.compile(
    r"\b(?:initially|originally|at first|first(?! time)|afterwards?|last summer|last year|last august|earlier this year"
    r"|earlier in the year|in the first days|at the start|at the outset|at the most(?=,)"
    r"|at (?:its|their|the) (?:peak|height)"
    r"|since (?:last summer|(?:early |late )?august|the start|the beginning)"
    r"|(?:\w+ |\d+ )?months (?:ago|earlier|before)|in (?:early |mid-|late )?(?:january|february|march|april|may|june|july"
    r"|august|september|october|november|december)(?! \d{1,2}\b)(?:,? 20\d\d)?|in 20\d\d)\b",
    re.IGNORECASE)
_COMMA = re.compile(r",(?!\d{3})")
_LAUNCH = re.compile(r"(?:launch|began|begun|begin|start|mount|open)", re.IGNORECASE)
_CROSSING = re.compile(r"\bcross|\binvad|\bbroke through|\bbreak through|\bburst", re.IGNORECASE)
_RELATIVE_AFTER = re.compile(r"\b(?:who|which|whose)\b", re.IGNORECASE)
_PART_ENDS = {"early": 10, "mid": 20}  # the last day of the month "early" and "mid-" reach
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+|since\s+|been\s+|so far\s+|still\s+|already\s+|now\s+)*$",
                              re.IGNORECASE)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


def is_relative(text: str, t: Trigger, start: int) -> bool:
    """Whether the verb at ``t`` stands in a clause describing a noun ("villages *seized* by Ukraine")."""
    before = text[max(start, t.start - 90):t.start]
    after = text[t.end:t.end + 4]
    word = t.text.split()[0]
    # Reduced: a participle right after a noun, no auxiliary ("villages seized by Ukraine", "land taken in August").
    if _PARTICIPLE.search(word) and not _AUXILIARY.search(before) and (
            after.startswith(" by") or t.action != "halted" and re.search(rf"\b(?:{_GROUND_NOUNS})\s+(?:\w+ly\s+)?$", before, re.IGNORECASE)):
        return True
    if _CONTACT.search(before):
        return True  # "the biggest municipality Ukraine had conquered"
    if _UNDER.search(before) and _NOUN_UNDER.search(_UNDER.sub("", before)):
        return True  # "the last village in Kursk under Ukrainian control"
    found = list(_RELATIVE.finditer(before))
    if not found:
        return False
    m = found[-1]
    if _NARRATIVE.search(before[:m.start(1)]):
        return False  # "offensive operations, in the course of which they liberated": a new event, not a description
    if m.group(1).lower() == "that" and not _THAT_NOUN.search(before[:m.start(1)]):
        return False  # "said that Ukraine had launched": what was said; a relative "that" follows its noun
    if m.group(1).lower() == "that" and _SAYING.search(before[:m.start(1)]) and (not re.search(
            r"\b(?:the|its|their)\s+(?:[\w’'-]+\s+)?\S+\s+$", before[:m.start(1)], re.IGNORECASE)
            or re.search(r"\b(?:had|has|have|was|were|is|are)\s+\w+\s+", before[m.end():], re.IGNORECASE)):
        # "said on Tuesday that"; but "says the Ukrainian forces that had invaded": a relative (and in "said the
        # troops that Ukraine had sent captured", the relative clause has its verb: the capture is the main one)
        return False
    if re.search(r"[,;:—–]|\bbut\b", before[m.end():]):
        return False  # the relative clause closed before the verb: "Russia, which ..., launched"
    return True


def is_current(text: str, t: Trigger, start: int) -> bool:
    """Whether a describing clause is in the present ("which is under Kyiv's control", "the villages
    Ukraine still holds"): the state on the day it is said, not earlier events."""
    before = text[max(start, t.start - 40):t.start]
    verb = not _UNDER.search(before)  # "areas under Ukraine's control": a noun, no tense of its own
    return bool(_CURRENT.search(before) or verb and _PRESENT_VERB.fullmatch(t.text.split()[0])
                and not _AUXILIARY.search(before))


def is_recap(text: str, t: Trigger, clause: tuple[int, int], as_of: dt.date | None,
             report: dt.date | None) -> bool:
    """Whether the verb tells earlier events: "since Ukraine launched", "in August", "initially seized",
    or a date long before the report."""
    start, end = clause
    lasting = t.action == "controls" or bool(_PRESENT_PERFECT.search(text[max(start, t.start - 30):t.start]))
    if _SINCE.search(text[max(start, t.start - 60):t.start]) and not lasting:
        return True
    if _PLUPERFECT.search(text[max(start, t.start - 20):t.start]) and _WITHIN.search(text, start, end):
        return True  # "Within days, Ukrainian units had captured 1,000 km²": told from an earlier event
    if t.action == "advanced" and _LAUNCH.match(t.text) and as_of and report and (report - as_of).days > 1 \
            and not re.search(r"\bnew\b", text[start:end], re.IGNORECASE):
        return True  # "On August 6, Ukraine launched a major offensive" in a report of 15 August: how it began
    if t.action == "advanced" and _CROSSING.search(t.text) and as_of and report and (report - as_of).days > 7:
        return True  # "in the early hours of 6 August ... by crossing the border" in a report of 18 August
    if _AT_THAT_POINT.search(text, start, end):
        return True  # "controlled roughly 350 sq km of Kursk Oblast at that point, rather than 100 as they do now"
    if _EARLIER_CLAIM.search(text[max(start, t.start - 70):t.start]):
        return True  # "800 km², down from earlier claims that it controlled almost 1,400": the figure before
    if _MONTHS_AFTER.search(text[max(start, t.start - 70):t.start]):
        return True  # "eight months after Ukraine's military stormed into": the event the news is dated from
    # the verb's own phrase: "retaken Sudzha, the town seized in August" is two ("1,376" is one)
    comma = _COMMA.search(text, t.end, end)  # or a relative clause ("troops who smashed through ... last month")
    for m in _RECAP_WORDS.finditer(text, start, end if comma is None else comma.start()):
        if _RELATIVE_AFTER.search(text, t.end, m.start()):
            break
        if lasting and (m.group().lower().startswith("since") or re.search(r"\bsince\b", text[t.end:m.start()], re.IGNORECASE)
                        and _PRESENT_PERFECT.search(text[max(start, t.start - 30):t.start])):
            continue  # "has kept a foothold since August", "have since pushed back", "kept hold since launching
            # its incursion in August": still so
        month = next((i for i, name in enumerate(_MONTHS, 1) if name in m.group().lower()), None)
        if month is None or report is None or month != report.month or re.search(r"20\d\d", m.group()):
            return True  # "in August" in an August report is today's news
        part = re.search(r"\b(early|mid)", m.group(), re.IGNORECASE)
        if part and report.day > _PART_ENDS[part.group(1).lower()]:
            return True  # "Kyiv said in early September" in a report of 23 September: some time before
    return bool(as_of and report and (report - as_of).days > RECAP_DAYS)


_AT_THAT_POINT = re.compile(r"\bat (?:that point|that time|the time)\b", re.IGNORECASE)
_EARLIER_CLAIM = re.compile(r"\b(?:down|up) from (?:the |its |their )?(?:earlier|previous|initial|original) "
                            r"(?:claims?|reports?|estimates?|figures?|assessments?)(?: that)?\s+(?:[\w’'-]+\s+){0,3}$",
                            re.IGNORECASE)


_BOUNDARY = re.compile(r",\s*(?:but|while|whereas|although|though|and|which|where|who|adding|saying|claiming)\b"
                       r"|;|—|–|:|\s-\s|\bbut\b",
                       re.IGNORECASE)


# An aside between dashes: "stunned the world—and Russia above all—by", "two settlements – Gornal and Oleshnya –"
ASIDE = re.compile(r"—[^—.]{1,80}—|\s–\s[^–.]{1,80}\s–\s")
_RELATIVE_BOUNDARY = re.compile(r",\s*(?:which|where|who)\b", re.IGNORECASE)


def clause_span(text: str, t: Trigger, start: int, end: int) -> tuple[int, int]:
    """The stretch of the sentence around the verb between clause boundaries (", but", ";", ", where"...)."""
    left = start
    asides = [(a.start(), a.end()) for a in ASIDE.finditer(text, start, t.start)]
    for m in _BOUNDARY.finditer(text, start, t.start):
        if _RELATIVE_BOUNDARY.match(m.group()) and _COMMA.search(text, m.end(), t.start):
            continue  # "Russia, which controls 18% of Ukraine, has been advancing": the relative clause closed
        if any(a <= m.start() < b for a, b in asides):
            continue  # "Ukraine stunned the world—and Russia above all—by launching": an aside, closed
        left = m.end()
    closing = [(a.start(), a.end()) for a in ASIDE.finditer(text, t.end, end)]
    right = next((m for m in _BOUNDARY.finditer(text, t.end, end) if not any(a <= m.start() < b for a, b in closing)),
                 None)
    return left, right.start() if right else end
