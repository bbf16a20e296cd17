"""Who asserts a statement, and through whom it reached the reader.

A news report rarely speaks in its own voice about the front: "Bloomberg
reported Tuesday, citing a Western intelligence official", "the Russian
Defence Ministry said", "according to an unnamed NATO official", "the U.S.
officials were cited as saying". :func:`attributions` finds those phrases in
one stretch of text; :func:`chain` turns them into a claimant and the chain of
sources from the publisher down.

>>> s = "NATO thinks so, Bloomberg reported Tuesday, citing a Western intelligence official."
>>> chain(attributions(s, 0, len(s)), "Antiwar.com")
('a Western intelligence official', ('Antiwar.com', 'Bloomberg', 'a Western intelligence official'))
>>> s = "The Russian Defense Ministry said the advance had been halted"
>>> chain(attributions(s, 0, len(s)), "RT")
('the Russian Defence Ministry', ('RT', 'the Russian Defence Ministry'))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Attribution", "attributions", "chain", "OUTLETS", "is_outlet"]

# Media a report may cite; anything else that "reported" is a person or body.
OUTLETS = ("Bloomberg", "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "Washington Post",
           "New York Times", "Wall Street Journal", "Financial Times", "CNN", "BBC", "The Economist",
           "Economist", "Guardian", "Politico", "Axios", "NBC News", "CBS News", "ABC News", "Fox News",
           "Forbes", "TASS", "RIA Novosti", "RIA", "Interfax", "Sputnik", "RT", "Izvestia", "Kommersant",
           "RBC", "Meduza", "Mediazona", "Kyiv Independent", "Ukrainska Pravda", "Ukrinform", "Kyiv Post",
           "Suspilne", "UNIAN", "Moscow Times", "ISW", "Institute for the Study of War", "SouthFront",
           "Deutsche Welle", "DW", "Al Jazeera", "Le Monde", "Der Spiegel", "Bild", "Newsweek", "the paper",
           "the newspaper", "the outlet", "the agency", "the report")
_OUTLET = "|".join(sorted((re.escape(o) for o in OUTLETS), key=len, reverse=True))
_OUTLET_RE = re.compile(rf"^(?:the\s+)?(?:{_OUTLET})$", re.IGNORECASE)

_SAY = (r"(?:said|says|say|claimed|claims|claim|reported|reports|announced|announces|stated|states|told|tells"
        r"|estimated|estimates|estimate|noted|notes|confirmed|confirms|added|adds|wrote|writes|assessed|assesses"
        r"|insisted|asserted|asserts|acknowledged|admitted|declared|declares|described|describes|indicated"
        r"|warned|warns|stressed|emphasised|emphasized|explained|believes?|think|thinks|consider|considers"
        r"|conceded|boasted|affirmed|report|заявил\w*|сообщил\w*|сообщает|заявляет|заявив|повідомил\w*"
        r"|повідомляє|заявляє)")
_ADV = r"(?:(?:has|have|had|also|since|earlier|previously|now|reportedly|later|again|further|separately)\s+){0,3}"
_NP = r"(?:U\.S\.|U\.K\.|[^,;:.!?“”\"()—–]){2,90}?"
_PATTERNS = (
    ("according", re.compile(rf"\b(?:according to|as reported by|cited by|quoted by|as per|per)\s+(?P<who>{_NP})(?=\s*[,.;:—–)]|\s+(?:on|in|that|who|which)\b|$)", re.IGNORECASE)),
    ("citing", re.compile(rf"\bciting\s+(?P<who>{_NP})(?=\s*[,.;:—–)]|\s+(?:as|that|on|in|who)\b|$)", re.IGNORECASE)),
    ("told", re.compile(rf"\b(?:told|tells|telling)\s+(?P<outlet>(?:the\s+)?(?:{_OUTLET}))\b", re.IGNORECASE)),
    ("cited_as", re.compile(rf"(?P<who>{_NP})\s+(?:was|were|is|are)\s+(?:cited|quoted)\s+as\s+saying", re.IGNORECASE)),
    ("reported_by", re.compile(rf"\b(?:is|was|were|are|has been|have been)\s+reported\s+by\s+(?P<who>{_NP})(?=\s*[,.;]|\s*$)", re.IGNORECASE)),
    # "Ukraine launched its offensive ..., claiming to control 100 settlements": the subject claims.
    ("participle", re.compile(r"^(?P<who>(?:the\s+)?(?:[A-Z][\w’'-]*\s*)+?)\s+[a-z][^,]*,.*?\b(?:claiming|saying|asserting)\b")),
    # "The DeepState military blog, which has ties to the Ukrainian army, estimates that"
    ("appositive", re.compile(rf"(?:^|(?<=[;:“”\"—–]))\s*(?P<who>{_NP}),\s+(?:which|who)\s[^,;]{{3,90}},\s+{_ADV}{_SAY}\b",
                              re.IGNORECASE)),
    # "The pro-Ukrainian DeepState war map shows Ukraine in control of 63 km²": the map's maker speaks.
    ("shows", re.compile(rf"(?:^|(?<=[,;:“”\"—–])|(?<=\bthat))\s*(?P<who>{_NP}\b(?:map|maps|data|analysis|assessment|update"
                         rf"|tracker|figures))\s+{_ADV}(?:shows?|showed|indicates?|indicated)\b", re.IGNORECASE)),
    ("say", re.compile(rf"(?:^|(?<=[,;:“”\"—–])|(?<=\bthat)|(?<=\bwhile)|(?<=\band)|(?<=\bbut))\s*(?P<who>{_NP})"
                       rf"(?<!\ban)(?<!\ba)(?<!\bthe)\s+{_ADV}{_SAY}\b",
                       re.IGNORECASE)),  # "retaken an estimated 40 percent": an adjective, not a verb of saying
)
_CITED_AS = re.compile(r"\b(?:cited|quoted)\s+as\s+saying", re.IGNORECASE)
_LEADING = re.compile(r"^(?:and|but|however|meanwhile|while|that|as|so|also|in addition)\s+", re.IGNORECASE)
_NOT_A_SPEAKER = re.compile(
    r"^(?:it|this|which|who|there|what|they|we|i|you|one|some|many|others|officials?)$|\b(?:will|would|could|may|might|must|should|can)\b",
    re.IGNORECASE)
# "the Ukrainian army general staff made no mention of the village but said": the speaker ends before its own verb
_CLAUSE_AFTER = re.compile(r"\s+(?:made no|rejected|had not|has not|started to|points out|comes|came|but|as saying"
                           r"|went on to|officially|also|again"
                           r"|and (?:backed|confirmed|supported))\b.*$",
                           re.IGNORECASE)
_NO_SOURCE = re.compile(r"(?:the\s+|a\s+)?(?:latest\s+|new\s+)?(?:reports?|data|news|newspaper|outlet|battlefield|u"
                        r"|information|estimates?)|the|cent\b.*|as|it(?:\s+(?:was|is|has))?(?:\s+\w+ly)?|in its\b.*"
                        r"|unverified", re.IGNORECASE)
# "The ministry also released a video that it said showed ...": "it" is the one that released it.
_SHOWN_BY = re.compile(r"^(?P<head>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+(?:also\s+|has\s+|have\s+|had\s+)*"
                       r"(?:released|publish(?:ed|es)|posted|issued|shared|aired|broadcast|showed|presented)\s+"
                       r"[^,;]*?(?:\s+(?:that|which))?\s+(?:it|they|he|she)$", re.IGNORECASE)
# "DeepState analysts updated their map and reported": the ones who did both.
_DID_AND = re.compile(r"^(?P<head>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+(?:also\s+)?[a-z]+ed\s+[^,;]*\s+and$")
# Verbs of belief give a claimant only when no one is quoted saying anything.
_WEAK = re.compile(r"\b(?:believes?|think|thinks|consider|considers)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution phrase: who, whether it is a media outlet, and its verb's span."""

    who: str
    outlet: bool
    start: int
    end: int
    weak: bool = False


def is_outlet(name: str) -> bool:
    return bool(_OUTLET_RE.match(name.strip()))


def attributions(text: str, start: int, end: int) -> list[Attribution]:
    """Attribution phrases in ``text[start:end]``, in text order."""
    chunk = text[start:end]
    found: list[Attribution] = []
    for kind, rx in _PATTERNS:
        if kind == "cited_as" and not _CITED_AS.search(chunk):
            continue  # unanchored: it would try every position of the sentence for nothing
        for m in rx.finditer(chunk):
            who = (m.groupdict().get("who") or m.groupdict().get("outlet") or "").strip()
            who = _CLAUSE_AFTER.sub("", _LEADING.sub("", who)).strip(" '’")
            if _NO_SOURCE.fullmatch(who):
                continue  # "According to the latest data", "per cent of the territory", "the newspaper": no one named
            if kind == "say" and (shown := _SHOWN_BY.match(who) or _DID_AND.match(who)):
                who = shown.group("head")  # "the ministry released a video that it said showed": the ministry
            if not who or len(who.split()) > 12 or (kind in ("say", "appositive") and _NOT_A_SPEAKER.search(who)
                                                    and who.lower() not in ("officials", "one official")):
                continue
            if kind == "participle":
                m_end = m.end() + start
                found.append(Attribution(_tidy(who), is_outlet(who), m_end - len("claiming"), m_end))
                continue
            if kind in ("say", "appositive", "shows") and not (who[:1].isupper() or who.lower().startswith(("the ", "a ", "an ", "one ",
                                                                                    "another ", "two ", "three ",
                                                                                    "several ", "senior ", "u.s."))):
                continue
            group = "who" if m.groupdict().get("who") else "outlet"
            s, e = m.start(group) + start, m.end(group) + start
            if any(a.start < e and s < a.end for a in found):
                continue
            weak = kind == "say" and bool(_WEAK.search(m.group()[len(m.group("who")):] if m.groupdict().get("who") else ""))
            found.append(Attribution(_tidy(who), kind == "told" or is_outlet(who), s, e, weak))
    return sorted(found, key=lambda a: a.start)


def _tidy(who: str) -> str:
    # "a U.S. assessment shared by senior American officials": the officials are the source
    who = re.sub(r"^(?:a|an|the)\s+.*?\b(?:assessment|report|statement|estimate|analysis)\s+(?:shared|made|issued|given|"
                 r"prepared)\s+by\s+", "", who, flags=re.IGNORECASE)
    # "data from Russia's General Staff", "acting governor Smirnov's recent report to Putin": the body, the person
    who = re.sub(r"^(?:data|figures|information|reports?) from\s+", "", who, flags=re.IGNORECASE)
    who = re.sub(r"['’]s\s+(?:recent\s+|latest\s+)?(?:report|statement|data|figures)\b.*$", "", who,
                 flags=re.IGNORECASE)
    who = re.sub(r"['’]s?$", "", who)
    who = re.sub(r"\bDefense\b", "Defence", who)
    who = re.sub(r"^The\b", "the", who) if not is_outlet(who) else who
    return re.sub(r"\s+", " ", who)


def chain(found: list[Attribution], publisher: str | None) -> tuple[str, tuple[str, ...]]:
    """The claimant and the source chain (publisher, outlets cited, claimant).

    The claimant is the last person or body named; failing that the last
    outlet; failing that the publisher itself (the report's own voice).
    """
    strong = [a for a in found if not a.weak] or found
    outlets = [_outlet_name(a.who) for a in strong if a.outlet and not is_publisher(a.who, publisher)]
    people = [a.who for a in strong if not a.outlet]
    links: list[str] = [publisher] if publisher else []
    for name in outlets + people[-1:]:
        if name and name not in links:
            links.append(name)
    if people:
        claimant = people[-1]
    elif outlets:
        claimant = outlets[-1]
    else:
        claimant = publisher or "unknown publisher"
        links = links or ["unknown publisher"]
    return claimant, tuple(links)


def is_publisher(name: str, publisher: str | None) -> bool:
    """Whether ``name`` is the publisher itself, or its name cut at its dot ("This was reported by Censor.NET"
    in Censor.NET's own report reads as "Censor")."""
    if not publisher:
        return False
    name, publisher = name.strip().lower(), publisher.lower()
    return name == publisher or "." in publisher and name == publisher.split(".")[0]


def _outlet_name(who: str) -> str:
    name = re.sub(r"^the\s+", "", who, flags=re.IGNORECASE)
    for outlet in OUTLETS:
        if outlet.lower() == name.lower():
            return outlet
    return name
