"""The words of control: verbs and their actions, sides, hedges, and forecasts.

Reporting says the same things in many voices: "took control of",
"liberated", "pushed back", "retook", "is holding", "regained", "cleared",
"drove out", and the Russian and Ukrainian bulletins' own verbs. Each
pattern below gives one action; the functions read the words around a verb
to tell its side and whether it is a claim, a forecast or context.

>>> [(t.text, t.action) for t in find_triggers("Russian forces liberated Sudzha and retook two villages", 0, 55)]
[('liberated', 'recaptured'), ('retook', 'recaptured')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Trigger", "find_triggers", "about_ground", "segment_of", "kind_of", "side_of", "is_hedged", "HEDGE"]

_VERBS: tuple[tuple[str, str], ...] = (
    ("recaptured", r"recaptur\w*|retak(?:e|es|en|ing)|retook|regain\w*|re-?establish\w* control|liberat\w*"
                   r"|won back|win back|clear(?:ed|ing) (?:\w+ ){0,3}?of\b|cleared(?= [A-Z]| the (?:village|town|settlement))|drov?e (?:\w+ ){0,3}?out|driv(?:en|ing) (?:\w+ ){0,3}?out"
                   r"|push(?:ed|es|ing)? (?:\w+ ){0,3}?(?:back|out)|forc(?:e|ed|ing) (?!to\b)(?:\w+ ){0,3}?out|expell\w*|oust\w*"
                   r"|knock(?:ed)? (?:\w+ ){0,3}?out|return(?:ed)? (?:\w+ ){0,2}?(?:under|to) (?:\w+ )?control"
                   r"|освобо\w+|освобожд\w+|вернул\w* под контроль|выбил\w*|звільн\w+|повернул\w* під контроль"
                   r"|відбил\w+ (?:у|в) ворога"),
    ("captured", r"captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|took (?:full )?(?:control of|over)|tak(?:e|es|en|ing) "
                 r"(?:full )?(?:control of|over)|gain(?:ed|s)? control|establish\w* control|overr(?:an|un)|storm(?:ed)?"
                 r"|заня\w+|захват\w+|взял\w* под контроль|захопил\w*|зайняли|взяли під контроль"),
    ("withdrew", r"withdr(?:ew|awn|aw|awing|aws)|retreat(?:ed|s|ing)?|pull(?:ed|s|ing)? (?:back|out)|abandon(?:ed|s|ing)?"
                 r"|отступ\w+|отошл\w+|відступ\w+|відійшл\w+|вийшл\w+ з"),
    ("lost", r"los(?:e|es|t|ing)|shr(?:ank|unk|inking|inks|ink)|потерял\w*|втратил\w*"),
    ("halted", r"halt(?:ed|s|ing)?|stopp(?:ed|ing)|stop(?:s)?|repel(?:led|s|ling)?|repuls(?:ed|e|es)|thwart(?:ed|s)?"
               r"|stall(?:ed|s)?|остановлен\w*|останов\w+|отраж\w+|отбил\w*|отбит\w*|пресека\w+|пресечен\w*|зупин\w+"
               r"|відбил\w*|відбит\w*"),
    ("controls", r"control(?:s|led|ling)?|hold(?:s|ing)?(?: onto| on to)?|held|occup(?:y|ies|ied|ying)|keep(?:s|ing)? control"
                 r"|kept control|retain(?:s|ed|ing)? control|maintain(?:s|ed|ing)? (?:control|positions)"
                 r"|под контролем|під контролем"
                 r"|контролир\w+|контролю\w*|удержива\w+|утримую\w*|утриму\w+"),
    ("advanced", r"advanc(?:e|ed|es|ing)|push(?:ed|es|ing)? (?:forward|deeper|further|into|toward|towards)"
                 r"|invad(?:e|ed|es|ing)|entered|enter(?:s|ing)?|cross(?:ed|es|ing)? (?:the border )?into|broke through"
                 r"|crossed the (?:\w+ )?border|penetrat\w+|reached|reach(?:es|ing)? the (?:outskirts|edge)|slip across"
                 r"|infiltrat\w+|break through|breaking through"
                 r"|made (?:\w+ )?gains|gain(?:ed|s|ing)? ground|mov(?:ed|es|ing) into"
                 r"|launch(?:ed|es)? (?:its|an|a|their|the) (?:\w+ ){0,4}?(?:offensive|incursion|assault|attack|operation|raid)"
                 r"(?: \w+){0,2}? (?:into|in|on|toward|towards|against)"
                 r"|продвину\w+|продвига\w+|наступа\w+|наступлени\w*|прорва\w+|прорыв\w*|просуну\w+|просува\w+"),
)
_TRIGGER = re.compile("|".join(f"(?P<{a}>\\b(?:{p})\\b)" for a, p in _VERBS), re.IGNORECASE)

_TERRITORY = re.compile(
    r"\b(?:territor(?:y|ies)|ground|land|lands|soil|villages?|settlements?|towns?|localit(?:y|ies)|positions?|area|areas"
    r"|region|oblast|district|border|bridgehead|foothold|salient|square|km|kilomet\w+|miles?|city|hamlets?"
    r"|населённ\w+|населенн\w+|сел\w*|территори\w*|позици\w+|населен\w+|терitorі\w*|позиці\w+)\b",
    re.IGNORECASE)
_NOT_GROUND = re.compile(r"\b(?:soldiers|troops|servicemen|men|lives|tanks|vehicles|equipment|aircraft|jets|drones"
                         r"|missiles|prisoners|pow|personnel|casualties|momentum|interest|patience|support|sight|track"
                         r"|time|weight|ammunition|artillery|systems|launchers)\b", re.IGNORECASE)
_ATTACK_NOUN = re.compile(r"\b(?:advance|advances|offensive|attack|attacks|assault|assaults|incursion|push|raid|raids"
                          r"|counterattack\w*|counteroffensive|attempts?|наступ\w*|атак\w*|прорыв\w*)\b", re.IGNORECASE)

HEDGE = re.compile(r"\b(?:claim(?:s|ed|ing)?|reportedly|unconfirmed|according to|allegedly|purportedly|is said to"
                   r"|are said to|was said to|were said to|could not (?:be )?(?:independently )?verif\w*"
                   r"|cannot (?:be )?(?:independently )?verif\w*|unverified|якобы|нібито|заявля\w+)\b", re.IGNORECASE)
_CONTEXT = re.compile(r"\b(?:whether|goal|goals|aim|aims|aimed|objective|intend\w*|intention|plan|plans|planned|planning"
                      r"|not interested|interested in|did not say|didn't say|was not to|wants? to|seeks? to|sought to"
                      r"|in order to|to avoid|leverage|bargaining|purpose|unsure|no idea|prepar\w+ to|ordered|orders|order to|told \w+ to"
                      r"|urged|called on|calls? for|demanded|outside|beyond)\b",
                      re.IGNORECASE)
_FORECAST = re.compile(r"\b(?:will|would|could|may|might|shall|unlikely|likely|expect\w*|able to|be forced|until|by spring"
                       r"|by summer|by winter|by the end|if|hope\w*|predict\w*|forecast\w*|project\w*|threaten\w*|won[’']t"
                       r"|wouldn[’']t|couldn[’']t|cannot|can't|set to|poised to|going to|soon|to last)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no longer|failed to|fails? to|n[’']t)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)

_UA = (r"Ukrain(?:e|ian|ians)|Kiev|Kyiv|AFU|ZSU|Defen[cs]e Forces|Armed Forces of Ukraine|ВСУ|ЗСУ|украин\w+"
       r"|українськ\w+|Сили оборони|Сил оборони|силы обороны")
_RU = (r"Russia|Russian|Russians|Moscow|Kremlin|Москв\w+|Кремл\w+|Росси\w+|Росі\w+|North Korean|North Koreans|DPRK|Battlegroup North|North group"
       r"|Sever group|Akhmat|Chechen|ВС РФ|российск\w+|россий\w+|росіян\w*|російськ\w+|окупант\w*|группировк\w+|Север")
_SIDE = re.compile(rf"(?P<UA>\b(?:{_UA})\b)|(?P<RU>\b(?:{_RU})\b)|(?P<enemy>\b(?:enemy|the enemy's|противник\w*|ворог\w*)\b)",
                   re.IGNORECASE)
# "Russian territory", "Ukraine's General Staff said": a side's name that is not its forces acting.
_NOT_FORCE_AFTER = re.compile(
    r"^['’]?s?\s+(?:territory|soil|land|border|borders|region|regions|oblast|side|villages?|settlements?|towns?|city|cities"
    r"|Kursk|Belgorod|Bryansk|Sumy|Kharkiv|defen[cs]e ministry|ministry|foreign ministry|general staff|president"
    r"|presidential|officials?|spokes\w+|media|outlets?|authorities|governor|ambassador|government|leadership|state"
    r"|prosecutor|commander\w*|mod\b|war ministry|national security|intelligence|sources?|bloggers?|analysts?)",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Trigger:
    text: str
    start: int
    end: int
    action: str
    modifier: bool = False   # "the captured territories", "the land it occupies": presupposed, not asserted
    passive: bool = False    # "had been halted", "was liberated"


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """Verbs of control in ``text[start:end]``."""
    found = []
    for m in _TRIGGER.finditer(text, start, end):
        action = m.lastgroup
        word = m.group()
        before = text[max(start, m.start() - 40):m.start()]
        after = text[m.end():min(end, m.end() + 30)]
        if action == "advanced" and word.lower() in ("advance", "advances") and re.search(
                r"\b(?:the|their|its|an|this|that|his|'s|’s|ukrainian|russian)\s+$", before, re.IGNORECASE):
            if re.search(r"\b(?:halt|stop|stall|repel|thwart|slow)", text[start:end], re.IGNORECASE):
                continue  # "the advance had been halted": the halting is the claim
        passive = bool(re.search(r"\b(?:was|were|been|being|is|are|be|had been|has been|have been)\s+(?:\w+ly\s+)?$", before,
                                 re.IGNORECASE)) or bool(re.match(r"\s+by\b", after))
        if action == "controls" and re.search(r"\bunder\s+$", before, re.IGNORECASE):
            continue  # "the situation was under control": an idiom; "under Ukrainian control" has a side word
        if action == "advanced" and _ATTEMPT.search(text[max(start, m.start() - 60):m.start()]):
            action = "halted"  # "tried to advance", "attempts to break through were repelled": stopped
        found.append(Trigger(word, m.start(), m.end(), action, _is_modifier(before, after, word), passive))
    return found


_ATTEMPT = re.compile(r"\b(?:tried|tries|trying|attempt\w*|failed|fails|unable|unsuccessful\w*|did not|didn['’]t|could not"
                      r"|намагав\w*|намагал\w*|спроб\w*|пытал\w*|пытают\w*|попытк\w*)\s+(?:\w+\s+){0,3}$",
                      re.IGNORECASE)
_INFINITIVE_OK = re.compile(r"\b(?:claim\w*|said|says|reported|managed|manage|continues?|continued|continuing|began|begun"
                            r"|start\w*|appears?|appeared|seems?|seemed|able|going|set|poised|expected|likely|unlikely"
                            r"|have|has|had|is|are|was|were|used)\s+to\s+(?:have\s+)?$", re.IGNORECASE)


def _is_modifier(before: str, after: str, word: str) -> bool:
    if re.search(r"\b(?:the|its|their|these|those|newly|recently)\s+$", before, re.IGNORECASE) and re.match(
            r"\s+(?:territor|land|area|ground|village|settlement|town|region|part)", after, re.IGNORECASE):
        return True  # "the captured territories"
    return bool(re.search(r"\b(?:territor(?:y|ies)|land|ground|area|positions?)\s+(?:that |which )?(?:(?:it|they|he|she|we|Ukraine|"
                          r"Russia|Kyiv|Kiev)\s+)?(?:(?:has|have|had|now|still)\s+)?$", before, re.IGNORECASE))


def about_ground(text: str, t: Trigger, sent_end: int, has_place: bool, has_figure: bool) -> bool:
    """Whether the verb is about ground, not soldiers or tanks or patience."""
    following = text[t.end:min(sent_end, t.end + 60)]
    if t.action == "halted":
        around = text[max(0, t.start - 80):min(sent_end, t.end + 60)]
        return bool(_ATTACK_NOUN.search(around))
    if t.action in ("lost", "captured") and _NOT_GROUND.search(" ".join(following.split()[:3])):
        return False
    if t.action == "lost":
        return bool(_TERRITORY.search(" ".join(following.split()[:7])) or re.match(r"\s+(?:about |almost |nearly )?(?:half|a third|two-thirds|\d+ ?%)", following))
    if t.action in ("advanced",) and t.text.lower().startswith(("enter", "cross")):
        return has_place or bool(_TERRITORY.search(following))
    near = text[max(0, t.start - 60):min(sent_end, t.end + 80)]
    return has_figure or bool(_TERRITORY.search(near)) or has_place


def is_hedged(text: str, t: Trigger, start: int, end: int) -> bool:
    """A hedge before the verb in its part of the sentence, or a sentence-wide one ("according to")."""
    if HEDGE.search(text, start, t.start):
        return True
    return bool(re.search(r"according to|allegedly|reportedly|unconfirmed|could not (?:be )?(?:independently )?verif"
                          r"|cannot (?:be )?(?:independently )?verif|unverified", text[t.end:end], re.IGNORECASE))


def segment_of(text: str, t: Trigger, start: int, end: int) -> tuple[int, int]:
    """The part of a sentence between semicolons (or "; however") that holds the verb."""
    semi = text.rfind(";", start, t.start)
    left = start if semi == -1 else semi + 1
    right = text.find(";", t.end, end)
    return left, end if right == -1 else right


def kind_of(text: str, t: Trigger, start: int, end: int) -> str:
    """``claim``, ``forecast`` or ``context`` for the verb at ``t``."""
    if t.modifier or re.search(r"\b(?:on|in|of|at|for|about|from|without|that)\s+$", text[max(start, t.start - 8):t.start]) \
            and t.text.lower().endswith("ing"):
        return "context"  # "goals in seizing land", "focus on advancing": an activity named, not a claim
    left, right = segment_of(text, t, start, end)
    clause_start = _clause_start(text, left, t.start)
    before = text[clause_start:t.start]
    if t.action == "halted" and _ATTEMPT.search(text[max(start, t.start - 60):t.start]):
        return "claim"  # a failed attempt is a claim that the attacker was stopped
    if _NEGATION.search(before):
        return "context"
    if re.search(r"\bto\s+(?:have\s+)?$", before) and not _INFINITIVE_OK.search(before) and not _FORECAST.search(before):
        return "context"  # "moved reserves to hold the town": a purpose, not a claim
    if _CONTEXT.search(before) or _CONTEXT.search(text[t.end:min(right, t.end + 25)]):
        return "context"
    after = text[t.end:right]
    if _FORECAST.search(before) or re.match(r"\s+(?:\w+\s+){0,3}(?:until|by spring|for several months|for months)\b",
                                            after, re.IGNORECASE) \
            or re.match(r"\s+(?:\w+\s+)?(?:could|would|will|may|might)\b", after, re.IGNORECASE):
        return "forecast"
    return "claim"


def _clause_start(text: str, left: int, pos: int) -> int:
    """Start of the verb's clause: after the last comma-led "while/but/however" or the segment start."""
    cut = left
    for m in re.finditer(r"(?:,\s*(?:while|but|however|although|though|whereas|and)\b|—|–|:)", text[left:pos], re.IGNORECASE):
        cut = left + m.end()
    return cut


def side_of(text: str, t: Trigger, start: int, end: int, mentions, claimant: str) -> str:
    """The force the claim is about: the one doing it, or for ``halted`` the one stopped."""
    claimant_side = _claimant_side(claimant)
    forces = [(m.start(), m.lastgroup) for m in _SIDE.finditer(text, start, end) if _is_force(text, m, end)]
    forces = [(pos, claimant_side and _opposite(claimant_side) if g == "enemy" else g) for pos, g in forces]
    forces = [(pos, g) for pos, g in forces if g]
    left = [g for pos, g in forces if pos < t.start]
    right = [g for pos, g in forces if pos > t.end and pos < t.end + 60]
    by = re.match(r"\s+by\s+(?:the\s+)?(?:\w+\s+){0,2}?", text[t.end:end])
    if t.action == "halted":
        if right and not t.passive:
            return right[0]
        if left:
            return left[-1]
        return _opposite(claimant_side) if claimant_side else _invader(mentions)
    if t.passive and by and right:
        return right[0]
    if re.match(r"(?:под|під) контролем", t.text, re.IGNORECASE) and right:
        return right[0]  # "під контролем українських військ": the side follows
    if t.text.lower().startswith(("drove", "drive", "driv", "push", "forc", "expel", "oust", "knock")) and not left and right:
        return _opposite(right[0])
    if left and not t.passive:
        return left[-1]
    owner = _owner(mentions)
    if t.action == "recaptured":
        return owner or (left[-1] if left else (claimant_side or "RU"))
    if left:
        return left[-1]
    if t.action == "advanced" and claimant_side:
        return claimant_side  # a bulletin's "the offensive continues": its own side's
    return _opposite(owner) if owner else "UA"


def _is_force(text: str, m: re.Match, end: int) -> bool:
    return not _NOT_FORCE_AFTER.match(text[m.end():min(end, m.end() + 30)])


def _claimant_side(claimant: str) -> str | None:
    c = claimant.lower()
    if re.search(r"russia|kremlin|moscow|tass|ria|\brt\b|sputnik|izvestia|министерств|минобороны", c):
        return "RU"
    if re.search(r"ukrain|kyiv|kiev|syrskyi|zelensky|генштаб|зсу|сил оборони", c):
        return "UA"
    return None


def _opposite(side: str | None) -> str | None:
    return {"UA": "RU", "RU": "UA"}.get(side or "")


def _owner(mentions) -> str | None:
    countries = {getattr(m.place, "country", "") for m in mentions}
    if countries == {"RU"}:
        return "RU"
    if countries == {"UA"}:
        return "UA"
    return None


def _invader(mentions) -> str:
    owner = _owner(mentions)
    return _opposite(owner) or "UA"
