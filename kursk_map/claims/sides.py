"""Which force a claim is about: the one doing it, or for ``halted`` the one stopped.

The force is named in the verb's own clause most of the time ("Russian forces retook",
"a Ukrainian assault was repelled"); else it is the claimant's ("our units are holding the
line", "the guys took back several settlements", "100 settlements taken" in a Ukrainian
outlet); a place retaken goes back to its owner ("Moscow ... has clawed back ground").

>>> from kursk_map.claims.lexicon import find_triggers
>>> s = "Russia's defence ministry said its troops had taken control of the village of Gogolevka."
>>> side_of(s, find_triggers(s, 0, len(s))[0], 0, len(s), [], "Russia's defence ministry")
'RU'
"""

from __future__ import annotations

import re

from kursk_map.claims.clauses import ASIDE, clause_span
from kursk_map.claims.lexicon import STILL_HELD, Trigger

__all__ = ["side_of", "subject_side", "claimant_side", "owner"]

_UA = (r"Ukrain(?:e|ian|ians)|Kiev|Kyiv|AFU|ZSU|Defen[cs]e Forces|Armed Forces of Ukraine|ВСУ|ЗСУ|украин\w+"
       r"|українськ\w+|Сили оборони|Сил оборони|силы обороны")
_RU = (r"Russia|Russian|Russians|Moscow|Kremlin|Москв\w+|Кремл\w+|Росси\w+|Росі\w+|North Korean|North Koreans|DPRK"
       r"|Battlegroup North|North group|Sever group|Akhmat|Chechen|ВС РФ|российск\w+|россий\w+|росіян\w*|російськ\w+"
       r"|окупант\w*|группировк\w+|Север")
_SIDE = re.compile(rf"(?P<UA>\b(?:{_UA})\b)|(?P<RU>\b(?:{_RU})\b)|(?P<enemy>\b(?:enemy|the enemy's|противник\w*|ворог\w*)\b)",
                   re.IGNORECASE)
# "Russian territory", "Ukraine's General Staff said": a side's name that is not its forces acting.
_NOT_FORCE_AFTER = re.compile(
    r"^-(?:held|controlled|occupied)|^['’]?s?\s+(?:territory|soil|land|border|borders|region|regions|oblast|side|villages?|settlements?|towns?|city|cities"
    r"|Kursk|Belgorod|Bryansk|Sumy|Kharkiv|defen[cs]e ministry|ministry|foreign ministry|general staff|president"
    r"|presidential|officials?|spokes\w+|media|outlets?|authorities|governor|ambassador|government|leadership|state"
    r"|prosecutor|commander\w*|mod\b|war ministry|national security|intelligence|sources?|bloggers?|analysts?)",
    re.IGNORECASE)
# Who speaks for which side, by name or outlet (a claimant with no side is left to the text).
_RU_VOICES = re.compile(
    r"russia|kremlin|moscow|tass|ria\b|\brt\b|sputnik|izvestia|министерств|минобороны|peskov|putin|gerasimov|shoigu"
    r"|belousov|konashenkov|alaudinov|akhmat|khinshtein|smirnov|gladkov|rybar|dva mayora|two majors|operativnye svodki"
    r"|pro-war|pro-kremlin|war blogger|military blogger|alyokhin|lapin|kadyrov|apti", re.IGNORECASE)
_UA_VOICES = re.compile(
    r"ukrain|kyiv|kiev|syrsk|zelensk|генштаб|зсу|сил оборони|kovalenko|trehubov|budanov|lykhovyi|demchenko|yermak"
    r"|podolyak|sybiha|umerov|deepstate|rbc-ukraine|censor|babel|liga|ukrinform|unian|suspilne|hromadske",
    re.IGNORECASE)
# A side's word with its attack: "Russia's counteroffensive", "a Ukrainian assault", "Russian attacks".
_ATTACKER = re.compile(r"\w+(?:['’]s)?\s+(?:[\w-]+\s+)?(?:advance|advances|offensive|counteroffensive|counter-offensive"
                       r"|attacks?|counterattacks?|counter-attacks?|assaults?|incursion|push|raids?|breakthrough)\b",
                       re.IGNORECASE)
# A participle after these has the main clause's subject: "after seizing", "by retaking".
_ADVERBIAL = re.compile(r"\b(?:after|before|while|by|when|upon)\s+$", re.IGNORECASE)
# "took it from Russia", "attacks on Ukrainian positions"; not "thousands of Ukrainian soldiers" (a quantity of them)
_OBJECT = re.compile(r"\b(?:from|against|with|to|by|(?<!thousands )(?<!hundreds )(?<!dozens )(?<!tens )(?<!units )"
                     r"(?<!groups )of|into|on|at|for|over)\s+(?:the\s+)?$", re.IGNORECASE)
_ELIDED = re.compile(r"\s*(?:and|but|then)\s+(?:(?:also|later|then|quickly|soon|subsequently|\w+ly)\s+)*",
                     re.IGNORECASE)
_TROOPS_AFTER = re.compile(r"\w+\s+(?:[\w-]+\s+)?(?:forces|troops|units|soldiers|army|military|fighters)\b",
                           re.IGNORECASE)
_WEAKENED = re.compile(r"weaken", re.IGNORECASE)
_IN = re.compile(r"\bin\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_FIGHTING_TO = re.compile(r"\b(?:Ukrainian|Russian|Ukraine['’]s|Russia['’]s|Kyiv['’]s|Moscow['’]s)\s+(?:[\w-]+\s+)?"
                          r"(?:troops|forces|units|soldiers|defenders)\s+(?:fighting|battling|struggling|trying)\s+to\s+$",
                          re.IGNORECASE)
_GENERIC_FORCE = re.compile(r"\bthe\s+(?:army|military|armed forces)\s+(?:\w+\s+){0,2}$",
                            re.IGNORECASE)
_LEAD = re.compile(r"\s*(?:(?:According to|On|In|By|Since|After|Meanwhile|However)\b[^,;]{0,60},\s*)?")
_THEY = re.compile(r"\s*(?:They|These forces|These troops)\b")
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b(?:\s+[\w-]+){0,3}\s*$", re.IGNORECASE)
_THEIR_FORCES = re.compile(r"\b(?:its|their|his)\s+(?:\w+\s+){0,2}?(?:troops|forces|units|soldiers|army|military"
                           r"|fighters|paratroopers|marines|brigades?)\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)


def side_of(text: str, t: Trigger, start: int, end: int, mentions, claimant: str, publisher: str | None = None,
            hint: str | None = None, told: str | None = None, before_side: str | None = None) -> str:
    """``UA`` or ``RU``: see the module docstring. ``hint`` is the side of the claimant a generic one
    ("the ministry") stands for, from the sentences before; ``told`` the side of the last claimant
    with one, which "the army" with no side word of its own fights for; ``before_side`` the side named
    as the subject of the sentence before, which a sentence opening with "They" goes on about."""
    voice = claimant_side(claimant) or (claimant_side(publisher) if publisher and claimant == publisher else None) or hint
    forces = [(m.start(), m.lastgroup) for m in _SIDE.finditer(text, start, end) if _is_force(text, m, end)]
    forces = [(pos, _opposite(voice) if g == "enemy" else g) for pos, g in forces]
    # "Ukraine stunned the world—and Russia above all—by ... capturing": an aside between dashes names no actor
    asides = [(m.start(), m.end()) for m in ASIDE.finditer(text, start, end) if not (m.start() < t.start < m.end())]
    forces = [(pos, g) for pos, g in forces if g and not any(a <= pos < b for a, b in asides)]
    # forces named before the verb; "in eastern Ukraine" is where, not who
    left = [g for pos, g in forces if pos < t.start and not _located(text, start, pos)]
    right = [g for pos, g in forces if t.end < pos < t.end + 60]
    clause = clause_span(text, t, start, end)
    # The clause's forces before the verb, less those after a preposition ("took it from Russia").
    subject = [g for pos, g in forces if clause[0] <= pos < t.start
               and not _OBJECT.search(text, max(start, pos - 8), pos) and not _located(text, start, pos)]
    if not subject and _ELIDED.fullmatch(text, clause[0], t.start):
        # "Russia ... has been advancing in eastern Ukraine - and took the town": the first verb's subject
        subject = [g for pos, g in forces if start <= pos < clause[0]
                   and not _OBJECT.search(text, max(start, pos - 8), pos)
                   and not _located(text, start, pos)][:1]
    before = text[max(clause[0], t.start - 60):t.start]
    by = re.match(r"\s+by\s+(?:the\s+)?(?:\w+\s+){0,2}?", text[t.end:end])
    if t.text.split()[0].lower().endswith("ing") and _ADVERBIAL.search(text, max(start, t.start - 8), t.start):
        main = [(pos, g) for pos, g in forces if pos < t.start and not _OBJECT.search(text, max(start, pos - 8), pos)
                and not _located(text, start, pos)]
        # "Taking the Russians by surprise, Ukrainian forces ... by crossing": the troops named, not an object before
        troops = [g for pos, g in main if _TROOPS_AFTER.match(text, pos)]
        if main and t.action != "halted":
            return (troops or [g for _, g in main])[0]  # "800 Russian soldiers had entered Sudzha, ... after seizing"
        comma = text.find(",", t.end, end)
        following = [g for pos, g in forces if comma > 0 and comma < pos <= comma + 25]
        if not main and following and t.action != "halted":
            return following[0]  # "after launching a counteroffensive in the Kursk region, Russia stepped up"
    inside = [g for pos, g in forces if t.start <= pos < t.end]
    if inside and t.action == "lost" and _WEAKENED.match(t.text):
        return inside[0]  # "Russia has weakened Ukraine's hold on the Kursk region": whose hold it was
    if t.action == "halted":
        attackers = [g for pos, g in forces if clause[0] <= pos < t.start and _ATTACKER.match(text, pos)]
        if attackers:
            return attackers[-1]  # "Russia's counteroffensive ... has been stopped": whose attack it was
        if t.attempt and subject:
            return subject[-1]  # "Russian troops tried to push back Ukrainian positions": the attacker
        within = [g for pos, g in forces if t.end < pos < min(clause[1], t.end + 60)]
        if within and not t.passive:
            return within[0]
        if subject and not t.passive and not t.attempt:
            return _opposite(subject[-1])  # "Russia repelled the attacks": the attacks were the other side's
        if left:
            return left[-1]
        return _opposite(voice) if voice else _invader(mentions)
    if t.passive and by and right:
        return right[0]
    if (re.match(r"(?:под|під) контролем", t.text, re.IGNORECASE) or re.search(r"\bunder\s+(?:the\s+)?$", before,
                                                                             re.IGNORECASE)) and right:
        return right[0]  # "під контролем українських військ", "under the control of the Russian Armed Forces"
    if t.action == "controls" and STILL_HELD.match(t.text) and right:
        return right[0]  # "still fighting to drive Ukrainian forces out of Gornal": the force to be driven out
    if t.text.lower().startswith(("drove", "drive", "driv", "push", "forc", "expel", "oust", "knock")) and not left and right:
        return _opposite(right[0])
    if voice and _FIRST_PERSON.search(before):
        return voice  # "we are holding the designated lines", "our units are heroically holding"
    if _THEIR_FORCES.search(before):
        return subject[-1] if subject else (left[-1] if left else voice or _opposite(owner(mentions)) or "UA")
    fighting = _FIGHTING_TO.search(text, max(start, t.start - 80), t.start)
    if fighting and t.action == "controls":  # "attacks on Ukrainian forces fighting to hold the enclave"
        return _SIDE.match(text, fighting.start()).lastgroup
    if subject and not t.passive:
        return subject[-1]
    if before_side and not left and not t.passive and _THEY.match(text, start, t.start):
        return before_side  # "Russian forces have crossed the border. They ... have already taken Basivka"
    if told and not subject and not t.passive and _GENERIC_FORCE.search(text, clause[0], t.start):
        return told  # "In December 2024, the army seized three localities" after the Russian ministry's figures
    taken_from = [g for pos, g in forces if t.end < pos < clause[1] and _FROM.search(text, max(t.end, pos - 8), pos)]
    if taken_from and t.action in ("captured", "recaptured") and not t.passive:
        return _opposite(taken_from[0])  # "it has taken 420 km² of territory from Ukrainian forces"
    home = owner(mentions)
    if t.action == "recaptured" and home:
        return home  # a place is retaken by the side it belongs to
    if voice and not subject:
        return voice  # "the guys took back several settlements", "100 settlements taken"
    if left:
        return left[-1]
    return _opposite(home) if home else "UA"


def opening_subject(text: str, start: int, end: int) -> str | None:
    """The side of a force that opens the sentence as its subject ("Russian forces have crossed"), if any."""
    lead = _LEAD.match(text, start, end)
    m = _SIDE.match(text, lead.end() if lead else start)
    return m.lastgroup if m is not None and m.lastgroup != "enemy" and _is_force(text, m, end) else None


def _located(text: str, start: int, pos: int) -> bool:
    """Whether the side word at ``pos`` names where ("in eastern Ukraine"), not who."""
    return bool(_IN.search(text, max(start, pos - 20), pos))


def names_a_force(text: str, start: int, end: int) -> bool:
    """Whether a force is named between ``start`` and ``end`` ("in eastern Ukraine" is a place, not a force)."""
    return any(_is_force(text, m, end) and not _located(text, 0, m.start())
               for m in _SIDE.finditer(text, start, end))


def subject_side(text: str, t: Trigger, start: int, end: int) -> str | None:
    """The side named as the verb's subject in its clause ("Russia has won back"), if any."""
    clause = clause_span(text, t, start, end)
    found = [m.lastgroup for m in _SIDE.finditer(text, clause[0], t.start) if m.lastgroup != "enemy"
             and _is_force(text, m, end) and not _OBJECT.search(text, max(start, m.start() - 8), m.start())
             and not _located(text, start, m.start())]
    return found[-1] if found else None


def claimant_side(claimant: str | None) -> str | None:
    """The side a claimant speaks for, when its name or outlet says it."""
    if not claimant:
        return None
    if _RU_VOICES.search(claimant):
        return "RU"
    if _UA_VOICES.search(claimant):
        return "UA"
    return None


def owner(mentions) -> str | None:
    """The country every place of the claim lies in, if they all lie in one (RU or UA)."""
    countries = {getattr(m.place, "country", "") for m in mentions}
    return countries.pop() if len(countries) == 1 and countries <= {"RU", "UA"} else None


def _is_force(text: str, m: re.Match, end: int) -> bool:
    return not _NOT_FORCE_AFTER.match(text[m.end():min(end, m.end() + 30)])


def _opposite(side: str | None) -> str | None:
    return {"UA": "RU", "RU": "UA"}.get(side or "")


def _invader(mentions) -> str:
    return _opposite(owner(mentions)) or "UA"
