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

__all__ = ["Trigger", "find_triggers", "about_ground", "segment_of", "kind_of", "is_hedged", "HEDGE", "STILL_HELD"]

_VERBS: tuple[tuple[str, str], ...] = (
    # Phrases that hold another verb's word come first: "retook control of" is one recapture, not
    # a recapture and a control; "pushed back against" an advance, "beat back" a halt.
    ("halted", r"foil\w*|fought off|fight(?:s|ing)? off|fend(?:s|ed|ing)? off|beat(?:en|s|ing)? (?:back|off)"
               r"|(?:push|pushed|pushing|drove|driven|drive) back (?:an?|the|two|three|several|all|their) (?:\w+ )?"
               r"(?:attacks?|assaults?|attempts?|counter-?attacks?|waves)"
               r"|defeat(?:ed|s|ing)? (?:the|an?|two|several) (?:\w+ )?(?:assault|attack|attempt|advance|group)\w*"
               r"|prevent(?:ed|s|ing)? (?:(?:the|an?|their) )?(?:\w+['’]s |Russian |Ukrainian |enemy )?(?:advance|attack|breakthrough|offensive)\w*"
               r"|rebuff\w*|(?:stop|stopped|stops|kept|keep|keeps|keeping|prevent(?:ed|s|ing)?) (?:the |their |our )?"
               r"(?:enemy|Ukrainian|Russian|Ukrainians|Russians|troops|forces|units)(?: troops| forces| units)? from"
               r"(?= (?:advanc|mov|break|push|enter|cross|reach|attack|gain))"),
    ("advanced", r"push(?:ed|es|ing)? back against|mov(?:e|es|ed|ing) forward|made (?:\w+ ){0,2}?(?:gains|advances)"),
    ("recaptured", r"(?:retak(?:e|es|en|ing)|retook|regain\w*|took back|taken back|take back|takes back|taking back"
                   r"|won back|win back|claim\w* back) (?:full |complete |total )?control(?: of| over)?"
                   r"|recaptur\w*|retak(?:e|es|en|ing)|retook|regain\w*|re-?establish\w* control|liberat\w*"
                   r"|took back|taken back|take back|takes back|taking back|claw(?:ed|ing|s)? back|reclaim\w*"
                   r"|won back|win back|clear(?:ed|ing)[”\x22]? (?:[\w“”\x22’']+ ){0,3}?of\b|cleared(?= (?-i:[A-Z])| the (?:village|town|settlement)| (?:one|two|three|four|five|\d+|a|another) (?:localit(?:y|ies)|settlements?|villages?|towns?)\b)|clearing(?= the (?-i:[A-Z]))|(?:drov?e|drives?|driv(?:en|ing)) (?:[\w’']+ ){0,4}?(?:out|from)"
                   r"|push(?:ed|es|ing)? (?:[\w’']+ ){0,3}?(?:back|out)|forc(?:e|ed|ing) (?!to\b)(?:[\w’']+ ){0,3}?out|expell\w*|oust\w*"
                   r"|knock(?:ed)? (?:\w+ ){0,3}?out|return(?:ed)? (?:\w+ ){0,2}?(?:under|to) (?:\w+ )?control"
                   r"|освобо\w+|освобожд\w+|вернул\w* под контроль|выбил\w*|звільн\w+|повернул\w* під контроль"
                   r"|відбил\w+ (?:у|в) ворога"),
    ("captured", r"(?:seiz(?:e|es|ed|ing)|gain(?:ed|s)?|establish\w*|took|tak(?:e|es|en|ing)) (?:full )?control(?: of| over)?"
                 r"|took (?:the )?(?:town|village|city|settlement)s? of"
                 r"|(?:took|tak(?:e|es|en|ing)|secur(?:e|es|ed|ing)) (?=(?:Ukrainian |Russian )?(?:territory|ground|land)\b)"
                 r"|(?:took|tak(?:e|es|en|ing)|secur(?:e|es|ed|ing)) [\x22“]?(?=(?:another|one more|the|a|an|two|three|four|five|several|\d[\d,]*|more|over|about|around|roughly|approximately|at least|up to|close to"
                 r"|nearly|almost|some|dozens)\b(?: [\w,’'-]+){0,2}? (?:villages?|settlements?|towns?|localit(?:y|ies)|hamlets?"
                 r"|territor(?:y|ies)|ground|square (?:kilomet|mile)\w*|km2|km²)\b)|captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|conquer(?:s|ed|ing)?|took over|tak(?:e|es|en|ing) over|overr(?:an|un)|storm(?:ed)?"
                 r"|(?:had|has|have) been taken(?=\s*[.,;]| by\b| from\b| in\b| over\b)"
                 r"|заня\w+|захват\w+|взял\w* под контроль|захопил\w*|зайняли|взяли під контроль"),
    ("withdrew", r"withdr(?:ew|awn|aw|awing|aws)|retreat(?:ed|s|ing)?|pull(?:ed|s|ing)? (?:back|out)"
                 r"|pull(?:ed|s|ing)? (?:its|their|the) (?:[\w-]+ )?(?:forces|troops|units) (?:back|out)|abandon(?:ed|s|ing)?"
                 r"|fled|flee(?:s|ing)?|reposition\w*|leaving(?= (?-i:[A-Z]))"
                 r"|отступ\w+|отошл\w+|відступ\w+|відійшл\w+|вийшл\w+ з"),
    ("lost", r"los(?:e|es|t|ing) (?:at least )?(?:full |complete |partial )?control(?: of| over)?"
             r"|weaken(?:ed|s|ing)? (?:[\w’']+['’]s |its |their )hold on|los(?:e|es|t|ing)|shr(?:ank|unk|inking|inks|ink)"
             r"|потерял\w*|втратил\w*"),
    ("halted", r"halt(?:ed|s|ing)?|stopp(?:ed|ing)|stop(?:s)?|repel(?:led|s|ling)?|repuls(?:ed|e|es)|thwart(?:ed|s)?"
               r"|stall(?:ed|s)?|остановлен\w*|останов\w+|отраж\w+|отбил\w*|отбит\w*|пресека\w+|пресечен\w*|зупин\w+"
               r"|відбил\w*|відбит\w*"),
    # "Russia is still fighting to drive Ukrainian forces out of Gornal", "has yet to push them out": they hold it
    ("controls", r"(?:(?:has|have|had) )?yet to (?=(?:drive|push|force|dislodge|oust|expel|kick|clear)\b)"
                 r"|need(?:ed|s)? to (?=(?:drive|push|force|dislodge|oust|expel|kick|clear)\b(?:[\w\s’']{0,40}?)\bout of\b)"
                 r"|still (?:fighting|trying|working|struggling|battling) to (?=(?:drive|push|force|dislodge|oust|expel"
                 r"|kick|clear)\b)"),
    ("controls", r"remain(?:s|ed|ing)? in (?:full )?control(?: of)?|in (?:full )?control of"
                 r"|keep(?:s|ing)?(?= (?:only |just |about |some |around |roughly )?(?:\d|half|a third|a quarter))"
                 r"|mass(?:es|ed|ing)? (?:its |their )?(?:forces|troops) in|digging in(?= and| in)"
                 r"|(?:operat(?:e|es|ing)|active|present|remain(?:s|ed)?|stay(?:s|ed)?) (?:in|inside)(?= (?:the |parts |part |Russia|(?-i:[A-Z])))"
                 r"|(?:kept|keeps|keep|keeping|maintain\w*|retain\w*|its|their) (?:a |its |their )?(?:foothold|hold on|hold of)"
                 r"|control(?:s|led|ling)?|hold(?:s|ing)?(?: onto| on to)?|held|occup(?:y|ies|ied|ying)|keep(?:s|ing)? control"
                 r"|kept control|retain(?:s|ed|ing)? control|maintain(?:s|ed|ing)? (?:control|positions)"
                 r"|под контролем|під контролем"
                 r"|контролир\w+|контролю\w*|удержива\w+|утримую\w*|утриму\w+"),
    ("advanced", r"advanc(?:e|ed|es|ing)|push(?:ed|es|ing)? (?:forward|deeper|further|into|toward|towards)"
                 r"|invad(?:e|ed|es|ing)|entered|enter(?:s|ing)?|cross(?:ed|es|ing)? (?:the border )?into|broke through"
                 r"|cross(?:ed|es|ing)? the (?:[\w-]+ )?border|brok(?:e|en) through|penetrat\w+"
                 r"|reach(?:ed|es|ing)? the (?:outskirts|edge)|slip across"
                 r"|infiltrat\w+|break through|breaking through|punch(?:es|ed|ing)? through"
                 r"|br(?:eak|eaks|eaking|oke) into"
                 r"|(?:send|sends|sending|sent) (?:[\w,]+ ){0,3}?(?:troops|soldiers|forces|units) into"
                 r"|(?:(?<=to )|(?<=trying to )|(?<=tried to ))attack(?= (?:in|near|at|towards?)\b)"
                 r"|keep(?:s|ing)? up (?:a |the |its |their )?(?:[\w-]+ ){0,3}?(?:of )?(?:offensive|attacks|assaults)"
                 r"|slic(?:e|ed|es|ing) through|br(?:oke|eak|eaks|eaking) across|gain(?:ed|s|ing)? ground|mov(?:ed|es|ing) into|carv(?:e|ed|es|ing) (?:its|their|a) way"
                 r"|mop(?:s|ped|ping)? up|got to(?= (?-i:[A-Z]))"
                 r"|(?:had|have|has|made) (?:[\x22“]?(?:any|some|minor|significant|tactical|limited|little)\s+)+success(?:es)?"
                 r"|(?:achieved|scored) (?:[\x22“]?(?:any|some|minor|significant|tactical|limited|little)\s+)*success(?:es)?"
                 r"|(?:were|was|have been|has been|had been) successful|go(?:es|ing)? on the offensive|went on the offensive"
                 r"|press(?:ed|es|ing)? on with (?:its|their|the) (?:offensive|advance|attacks?)"
                 r"|attack(?:ed|ing)(?= (?:Russian|Ukrainian|enemy|the|positions|southeast|northeast|southwest|northwest|south|north|east|west))"
                 r"|(?:launch(?:ed|es|ing)|mount(?:ed|s|ing)|open(?:ed|s|ing)|start(?:ed|s|ing)|began|begun|begins|made|carried out"
                 r"|carr(?:y|ies|ying) out|conduct(?:s|ed|ing)|renew(?:s|ed|ing)?|resum(?:e|es|ed|ing))"
                 r" (?!(?:[\w’'-]+ ){0,5}?(?:counter-?|anti-?)terror)(?:[\w’'-]+ ){0,5}?(?:counter-?)?"
                 r"(?:offensive|incursion|assault|attack|operation|raid|push)s?(?: [\w-]+){0,4}? (?:into|in|on|toward|towards|against|near|at)\b"
                 r"|продвину\w+|продвига\w+|наступа\w+|наступлени\w*|прорва\w+|прорыв\w*|просуну\w+|просува\w+"),
)
_TRIGGER = re.compile("|".join(f"(?P<{a}_{i}>\\b(?:{p})\\b)" for i, (a, p) in enumerate(_VERBS)), re.IGNORECASE)

_TERRITORY = re.compile(
    r"\b(?:territor(?:y|ies)|ground|land|lands|soil|villages?|settlements?|towns?|localit(?:y|ies)|positions?|area|areas"
    r"|region|oblast|district|border|bridgehead|foothold|salient|square|km|kilomet\w+|miles?|city|hamlets?"
    r"|населённ\w+|населенн\w+|сел\w*|территори\w*|позици\w+|населен\w+|терitorі\w*|позиці\w+)\b",
    re.IGNORECASE)
_NOT_GROUND = re.compile(r"\b(?:soldiers?|troops|servicem[ae]n|fighters?|men|lives|tanks|vehicles|equipment|aircraft|jets|drones"
                         r"|missiles|prisoners|pow|personnel|casualties|momentum|initiative|interest|patience|support|sight|track"
                         r"|time|weight|ammunition|artillery|systems|launchers|phone|calls?|summit|session|ceremony|drills|exercises|referendum|(?:their |its |a |the )?(?:second |first )?"
                         r"(?:prisoner|exchange|talks|meeting|meetings|election|vote|conference|rally|briefing|press)\w*)\b",
                         re.IGNORECASE)
_ATTACK_NOUN = re.compile(r"\b(?:advance|advances|offensive|attack|attacks|assault|assaults|incursion|push|raid|raids"
                          r"|counterattack\w*|counteroffensive|attempts?|наступ\w*|атак\w*|прорыв\w*)\b", re.IGNORECASE)

HEDGE = re.compile(r"\b(?:claim(?:s|ed|ing)?|reportedly|unconfirmed|according to|allegedly|purportedly|is said to"
                   r"|(?:may|might|could) have|(?:is|are|was|were) (?:believed|thought|estimated) to"
                   r"|are said to|was said to|were said to|could not (?:be )?(?:independently )?verif\w*"
                   r"|cannot (?:be )?(?:independently )?verif\w*|unverified|якобы|нібито|заявля\w+)\b", re.IGNORECASE)
_CONTEXT = re.compile(r"\b(?:whether|goal|goals|aim|aims|aimed|objective|intend\w*|intention|plan|plans|planned|planning"
                      r"|not interested|interested in|did not say|didn't say|was not to|wants? to|seeks? to|sought to"
                      r"|in order to|to avoid|leverage|bargaining|purpose|unsure|no idea|prepar\w+ to|ordered|orders|order to|told \w+ to"
                      r"|urged|called on|calls? for|push(?:es|ed|ing)? for|in a bid to|demanded|outside|beyond)\b",
                      re.IGNORECASE)
_FORECAST = re.compile(r"\b(?:will|would|could|may|might|shall|unlikely|likely|expect\w*|able to|be forced|until|by spring"
                       r"|by summer|by winter|by the end|if|hope\w*|predict\w*|forecast\w*|project\w*|threaten\w*|won[’']t"
                       r"|wouldn[’']t|couldn[’']t|cannot|can't|set to|poised to|going to|soon|to last|risks? (?:losing|being|to)|risked|risking"
                       r"|in the coming|confident)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no longer|failed to|fails? to|n[’']t|without)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)

@dataclass(frozen=True, slots=True)
class Trigger:
    text: str
    start: int
    end: int
    action: str
    modifier: bool = False   # "the captured territories", "the land it occupies": presupposed, not asserted
    passive: bool = False    # "had been halted", "was liberated"
    attempt: bool = False    # "tried to advance" read as halted: the subject is the attacker
    ongoing: bool = False    # "is trying to drive them out": fighting going on, an advance of the subject


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """Verbs of control in ``text[start:end]``."""
    found = []
    matches = list(_TRIGGER.finditer(text, start, end))
    halting = any(m.lastgroup.startswith("halted") for m in matches) or bool(_SLOWED.search(text, start, end))
    for m in matches:
        action = m.lastgroup.rsplit("_", 1)[0]
        word = m.group()
        before = text[max(start, m.start() - 40):m.start()]
        after = text[m.end():min(end, m.end() + 30)]
        if action == "advanced" and word.lower() in ("advance", "advances") and re.search(
                r"\b(?:the|their|its|an|this|that|his|'s|’s|ukrainian|russian)\s+$", before, re.IGNORECASE):
            if halting:
                continue  # "the advance had been halted": the halting is the claim
        if action == "advanced" and halting and (_HALTED_NOUN.fullmatch(word) and _HALTED_BEFORE.search(before)
                                                 or _HALTED_ATTACKS.search(before)):
            continue  # "repelled two offensives carried out by Ukrainian groups": the halting is the claim
        if before.endswith(("-", "‐")) or (action == "controls" and re.match(r"\s+(?:the )?fire\b", after)) \
                or re.search(r"\bfire\s+$", before):
            continue  # "Ukrainian-held", "Kyiv-controlled": an adjective; "fire control" is not of ground
        if action == "controls" and word.lower() == "control" and _BATTLE_FOR.search(before):
            continue  # "the seven-month battle for control of Kursk": a fight over ground, no one's hold
        if action == "controls" and word.lower() == "occupied" and _PERFECT.search(before):
            action = "captured"  # "the enemy has occupied Martynovka": a taking told, not a hold
        if action == "controls" and word.lower() == "occupied" and re.search(
                r"(?:\b(?:the|its|partially|partly|temporarily|of|in|and)|[-‐])\s*$", before, re.IGNORECASE):
            continue  # "the partially occupied Kursk region", "occupied Ukraine": an adjective
        if action == "lost" and word.lower() == "lost" and re.search(
                r"\b(?:regain\w*|retak\w*|retook|recaptur\w*|reclaim\w*|restor\w*|the|its|their|previously|recently)\s+$",
                before, re.IGNORECASE):
            continue  # "regained lost positions", "the lost territories": an adjective
        if action == "controls" and word.lower().startswith("hold") and re.match(r"\s+that\b", after):
            continue  # "we continue to hold that the withdrawal was orderly": an opinion held
        if action == "controls" and word.lower() == "held" and re.search(
                r"\b(?:talks|meetings?|elections?|summit|conference|negotiations|consultations|vote|referendum|call)\s+$",
                before, re.IGNORECASE):
            continue  # "talks held in Saudi Arabia": an event held, not ground
        if action == "controls" and word.lower() in ("held", "hold", "holds", "holding") and re.match(
                r"\s+(?:the |his |her |its |their |a )?(?:post|office|title|seat|record|job|role|position of)\b", after,
                re.IGNORECASE):
            continue  # "held the post for only 205 days": an office, not ground
        if action == "captured" and re.fullmatch(r"t(?:ook|akes?|aking|aken) over", word, re.IGNORECASE) \
                and re.match(r"\s+(?:from|as)\b", after, re.IGNORECASE):
            continue  # "Khinshtein takes over from Smirnov": a post handed on
        if action == "advanced" and word.lower().startswith("reach") and not _REACHED.match(after):
            continue  # "casualties reached 40,000": only a place can be reached on the ground
        if action == "withdrew" and word.lower().startswith(("fle", "leav")) and not _FORCES_BEFORE.search(before):
            continue  # "residents had fled Sudzha": people fleeing are no withdrawal
        if (action == "controls" and word.lower().startswith(("remain", "stay", "present"))
                or action == "advanced" and word.lower().endswith("successful")) \
                and not _FORCES_BEFORE.search(text, max(start, m.start() - 100), m.start()):
            continue  # "thousands of civilians remain in the Kursk region", "the talks were successful": no troops
        if action == "lost" and word.lower().startswith("shr") and re.match(r"\s+(?:to|down to)\b", after):
            action = "controls"  # "the area under Ukrainian control had shrunk to 140 km²": what is left is held
        # "were driven out", "were defeated and driven out"
        passive = bool(re.search(r"\b(?:was|were|been|being|is|are|be|had been|has been|have been)\s+(?:\w+ly\s+)?"
                                 r"(?:\w+(?:ed|en)\s+and\s+)?$", before, re.IGNORECASE)) \
            and not word.split()[0].lower().endswith("ing") \
            or bool(re.match(r"\s+by\b", after))  # "has been advancing" is no passive
        if action == "controls" and re.search(r"\b(?:unknown|uncertain|unclear|disputed)[\x22”’']?\s+$", before,
                                              re.IGNORECASE):
            continue  # "classed by DeepState as under 'unknown' control": no side holds it
        if action == "controls" and re.search(r"\bunder\s+$", before, re.IGNORECASE):
            continue  # "the situation was under control": an idiom; "under Ukrainian control" has a side word
        if action == "controls" and _SITUATION_UNDER.search(text, max(start, m.start() - 90), m.start()):
            continue  # "the situation in Kursk Oblast remained under the command's control": the same idiom
        if action == "recaptured" and passive and not re.match(r"\s+from\b", after) \
                and re.fullmatch(r"push\w*(?: [\w’']+){0,3}? back", word, re.IGNORECASE):
            action = "halted"  # "tried to cross the border but were pushed back": the attackers were stopped
        attempt = _ATTEMPT.search(text[max(start, m.start() - 60):m.start()]) or (
            action == "advanced" and _NOT_MOVED.search(before))  # "the enemy has not moved forward a single meter"
        if attempt and action == "halted":
            continue  # "Moscow tried to fend off the advance": an attempt to stop is no halt
        tried = attempt and _TRIED.match(attempt.group())
        if attempt and action in ("advanced", "captured", "recaptured") and (
                not _ONGOING.match(attempt.group()) and not tried
                or _FAILED.search(text, start if tried else m.end(), end)):
            action = "halted"  # "failed to advance", "tried ... but were pushed back"; a bare "had tried to enter": attack
        ongoing = bool(attempt) and action in ("advanced", "captured", "recaptured")
        if ongoing:
            action = "advanced"  # "Russian forces have been attempting to drive Ukrainian troops out": they attack
        found.append(Trigger(word, m.start(), m.end(), action, _is_modifier(before, after, word), passive,
                             attempt=action == "halted" and m.lastgroup.rsplit("_", 1)[0] != "halted",
                             ongoing=ongoing))
    # "Ukraine's hold on the oblast has shrunk by half": the hold is what shrank, the loss is the claim
    found = [t for t in found if not (
        t.action == "controls" and _HOLD_NOUN.search(text, max(start, t.start - 12), t.end)
        and any(o.action == "lost" and 0 < o.start - t.end < 80 and not re.search(r"[,;]", text[t.end:o.start])
                for o in found))]
    # "fought off two enemy attempts to break through towards Novy Put": one halt, the attempt is its object
    found = [t for t in found if not (t.attempt and any(
        o.action == "halted" and not o.attempt and 0 <= t.start - o.end < 50
        and not re.search(r"[,;]", text[o.end:t.start]) for o in found))]
    # "fought off two attempts by the Ukrainian armed forces to break through": the same halt
    found = [t for t in found if not (t.action == "advanced" and any(
        o.action == "halted" and not o.attempt and 0 <= t.start - o.end < 90
        and _ATTEMPTS_TO.fullmatch(text, o.end, t.start) for o in found))]
    # "is still trying to drive them out of Gornal": they hold it; the drive is part of that claim
    held_by = {t.end for t in found if t.action == "controls" and STILL_HELD.match(t.text)}
    found = [t for t in found if not (t.ongoing and {t.start, t.start - 1} & held_by)]
    # "kept the enemy from advancing": the halt is the claim, the movement it stopped is part of it
    stopped = {t.end for t in found if t.action == "halted" and t.text.lower().endswith(" from")}
    found = [t for t in found if t.start - 1 not in stopped]
    for m in _TAKEN.finditer(text, start, end):  # "100 settlements taken": a capture told by its object
        found.append(Trigger(m.group(1), m.start(1), m.end(1), "captured", False, True))
    return sorted(found, key=lambda t: t.start)


_TAKEN = re.compile(r"\b(?:settlements?|villages?|towns?|territor(?:y|ies)|km2|km²|kilomet(?:er|re)s)\s+(taken)\b",
                    re.IGNORECASE)
_SLOWED = re.compile(r"\b(?:halt|stop|stall|repel|thwart|slow)", re.IGNORECASE)
# An attempt still going on ("has been trying to drive them out") is an attack under way, not a failure.
_ONGOING = re.compile(r"(?:trying|tries|try|attempting)\b", re.IGNORECASE)
_TRIED = re.compile(r"(?:tried|attempted)\b", re.IGNORECASE)
_FAILED = re.compile(r"\b(?:but|without success|destroyed|repelled|repulsed|failed|unsuccessful\w*|to no avail|in vain"
                     r"|stopped|halted|thwarted|foiled|beaten back|pushed back|eliminated|defeated)\b",
                     re.IGNORECASE)
_HALTED_NOUN = re.compile(r"(?:counter-?)?(?:offensives?|attacks?|assaults?|advances?|incursions?|breakthroughs?)",
                          re.IGNORECASE)
_HALTING = (r"\b(?:repel\w*|repuls\w*|thwart\w*|stopp?\w*|halt\w*|fought off|beat(?:en)? back|fend\w* off)"
            r"\s+(?:\w+\s+){0,3}")  # a verb of halting and up to three words after it
_HALTED_BEFORE = re.compile(_HALTING + "$", re.IGNORECASE)
_HALTED_ATTACKS = re.compile(_HALTING + r"(?:counter-?)?(?:offensives?|attacks?|assaults?|advances?)\s+$",
                             re.IGNORECASE)
_BATTLE_FOR = re.compile(r"\b(?:battle|battles|fight|fights|fighting|struggle|war|contest)\s+for\s+(?:the\s+)?$",
                         re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_FORCES_BEFORE = re.compile(r"\b(?:troops|forces|units|soldiers|servicemen|fighters|army|military|brigades?|they)\b[^.]*$",
                            re.IGNORECASE)
_REACHED = re.compile(r"\s+(?:the\s+)?(?:(?-i:[A-Z])|(?:town|village|city|settlement|outskirts|edge|border|river|centre"
                      r"|center)\b)", re.IGNORECASE)
_ATTEMPT = re.compile(r"\b(?:tried|tries|trying|(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bmay )(?<!\bmight )try"
                      r"|attempt\w*|failed|fails|unable|unsuccessful\w*|did not|didn['’]t|could not"
                      r"|not (?:strong )?enough"
                      r"|намагав\w*|намагал\w*|спроб\w*|пытал\w*|пытают\w*|попытк\w*)\s+(?:\w+\s+){0,3}$",
                      re.IGNORECASE)
_ATTEMPTS_TO = re.compile(r"\s+(?:[\w’'-]+\s+){0,2}attempts?\b[^,;.]{0,60}?\bto\s+", re.IGNORECASE)
_SITUATION_UNDER = re.compile(r"\bsituation\b[^,.;]{0,60}\bunder\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
_HOLD_NOUN = re.compile(r"(?:['’]s|\bits|\btheir)\s+(?:foot)?hold\b", re.IGNORECASE)
_FIRST_TIME = re.compile(r"(?<!\bfor )\bthe first time\b(?:\s+(?:that|since))?(?:\s+[\w’'-]+){0,6}\s+$", re.IGNORECASE)
_NOT_MOVED = re.compile(r"\b(?:(?:has|have|had) not|hasn['’]t|haven['’]t|hadn['’]t)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_INFINITIVE_OK = re.compile(r"\b(?:claim\w*|said|says|reported|managed|manage|continues?|continued|continuing|began|begun"
                            r"|start\w*|appears?|appeared|seems?|seemed|able|going|set|poised|expected|likely|unlikely"
                            r"|believed|thought|estimated|understood|known|alleged|presumed"
                            r"|have|has|had|used)\s+to\s+(?:have\s+)?$", re.IGNORECASE)


def _is_modifier(before: str, after: str, word: str) -> bool:
    if re.search(r"\b(?:the|its|their|these|those|newly|recently|any|some|no|more|all)\s+$", before, re.IGNORECASE) and re.match(
            r"\s+(?:territor|land|area|ground|village|settlement|town|region|part)", after, re.IGNORECASE):
        return True  # "the captured territories"
    return bool(re.search(r"\b(?:territor(?:y|ies)|land|ground|area|positions?)\s+(?:that |which )?(?:(?:it|they|he|she|we|Ukraine|"
                          r"Russia|Kyiv|Kiev)\s+)?(?:(?:has|have|had|now|still)\s+)?$", before, re.IGNORECASE))


def about_ground(text: str, t: Trigger, sent_end: int, has_place: bool, has_figure: bool) -> bool:
    """Whether the verb is about ground, not soldiers or tanks or patience."""
    following = _OR_VERB.sub("", text[t.end:min(sent_end, t.end + 60)])  # "captured or killed several soldiers"
    if t.action == "withdrew" and t.passive and not has_figure and not _FROM_GROUND.match(following):
        return False  # "the soldiers had been withdrawn": units taken off the front, no ground named
    if t.action == "halted" and t.text.lower().endswith(" from"):
        return True  # "kept the enemy from advancing": a movement stopped
    if t.action == "halted" and not t.attempt:  # "Russia's counteroffensive ... has been stopped": the subject
        around = text[max(0, t.start - 160):min(sent_end, t.end + 60)]
        return bool(_ATTACK_NOUN.search(around))
    words = following.split()[:4 if t.action == "captured" else 3]  # "captured or killed several North Korean soldiers"
    if t.action in ("lost", "captured", "controls") and _NOT_GROUND.search(" ".join(words)) \
            and not STILL_HELD.match(t.text):  # "yet to push Ukrainian troops out of": the troops hold the ground
        return False
    subject = " ".join(_PEOPLE_AUX.sub("", text[max(0, t.start - 40):t.start]).split()[-2:])
    if t.action in ("lost", "captured") and (not following.strip(" ,.;") or _PREPOSITION.match(following)) \
            and (_NOT_GROUND.search(subject) or _CASUALTIES.search(text, max(0, t.start - 80), t.start)):
        return False  # "600 Russian soldiers captured", "12,220 injured, and 717 captured": people, not ground
    if t.action == "lost":
        return bool(_TERRITORY.search(" ".join(following.split()[:7])) or _SHARE_AFTER.match(following))
    if t.action in ("advanced",) and t.text.lower().startswith(("enter", "cross")):
        return has_place or bool(_TERRITORY.search(following))
    near = text[max(0, t.start - 60):min(sent_end, t.end + 80)]
    return has_figure or bool(_TERRITORY.search(near)) or has_place


_SHARE_AFTER = re.compile(r"\s+(?:by\s+)?(?:about |almost |nearly |more than |over |roughly |some )?"
                          r"(?:half|a third|two-thirds|\d+ ?%)", re.IGNORECASE)
_CASUALTIES = re.compile(r"\b(?:killed|wounded|injured|dead)\b,?\s+(?:and\s+)?(?:[\d,]+|\w+)\s+$", re.IGNORECASE)
_OR_VERB = re.compile(r"^\s+(?:or|and)\s+(?:killed|wounded|destroyed)\b", re.IGNORECASE)
_FROM_GROUND = re.compile(r"\s+(?:[\w’'-]+\s+){0,3}?(?:from|out of|to|towards|nearer to|closer to|behind)\s+(?:the\s+)?"
                          r"(?:(?-i:[A-Z])|(?:town|village|city|region|area|positions|border|river)\b)", re.IGNORECASE)
_QUESTION = re.compile(r"\s*[\"“]?(?:what|how|why|where|when|who|which|will|can|could|would|is|are|was|were|does|do|did"
                       r"|has|have|should)\b[^.!]*\?[\"”]?\s*$", re.IGNORECASE)
_PREPOSITION = re.compile(r"\s+(?:in|during|near|at|on|since|after|over|while|when|as|by)\b|\s*[(,;]", re.IGNORECASE)
_PEOPLE_AUX = re.compile(r"\s+(?:were|was|have been|had been|has been|are|is)\s*$", re.IGNORECASE)


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
    if _QUESTION.match(text, start, end):
        return "context"  # "What happened during Russia's rapid advance in the Kursk region?": a question asked
    if t.modifier or re.search(r"\b(?:on|in|of|at|for|about|from|without|that)\s+$", text[max(start, t.start - 8):t.start]) \
            and t.text.split()[0].lower().endswith("ing") \
            and not re.search(r"\bsucceed(?:ed|s)? in\s+$", text[max(start, t.start - 16):t.start], re.IGNORECASE) \
            and not re.search(r"\b(?:go|goes|going|went|keep|keeps|kept|carry|carries|carried)\s+on\s+$",
                              text[max(start, t.start - 16):t.start], re.IGNORECASE):
        return "context"  # "goals in seizing land", "focus on advancing": an activity named ("go on repelling": done)
    left, right = segment_of(text, t, start, end)
    clause_start = _clause_start(text, left, t.start)
    before = text[clause_start:t.start]
    if t.action == "halted" and (t.attempt or _ATTEMPT.search(text[max(start, t.start - 60):t.start])):
        return "claim"  # a failed attempt ("has not moved forward") is a claim that the attacker was stopped
    if t.ongoing and not _NEGATION.search(before) and not _FORECAST.search(before):
        return "claim"  # "Russia is trying to break through the border": an attack going on
    if _NEGATION.search(before):
        return "context"
    if _FIRST_TIME.search(text, max(start, t.start - 70), t.start):
        return "context"  # "marking the first time that Kyiv's forces have seized and held Russian territory"
    if t.action == "controls" and STILL_HELD.match(t.text):
        return "claim"  # "still fighting to drive them out": a statement that they hold it now
    if t.action == "controls" and re.search(r"\b(?:fighting|battling|struggling) to\s+$", before, re.IGNORECASE):
        return "claim"  # "Ukrainian forces are fighting to keep their hold on a sliver": they hold it
    if re.search(r"\bto\s+(?:have\s+)?$", before) and not _INFINITIVE_OK.search(before) and not _FORECAST.search(before):
        return "context"  # "moved reserves to hold the town": a purpose, not a claim
    if _CONTEXT.search(before) or _CONTEXT.search(text[t.end:min(right, t.end + 25)]):
        return "context"
    after = text[t.end:right]
    forecast = _FORECAST.search(before)
    if forecast and forecast.group().lower() == "likely" and re.search(r"\blikely\s+$", before, re.IGNORECASE) \
            and _PAST.search(t.text.split()[0]) and not _FORECAST.search(before, 0, forecast.start()):
        forecast = None  # "Russian troops likely took control of Sudzha": an assessment of what happened
    if forecast and forecast.group().lower() in ("may", "might", "could") \
            and re.fullmatch(r"\s+have\s+(?:\w+ly\s+)?(?:been\s+)?", before[forecast.end():]):
        forecast = None  # "may have regained control of several villages": a hedged account of what happened
    if forecast or re.match(r"\s+(?:\w+\s+){0,3}(?:until|by spring|for several months|for months)\b",
                                            after, re.IGNORECASE) \
            or re.match(r"\s+(?:\w+\s+)?(?:could|would|will|may|might)\b", after, re.IGNORECASE):
        return "forecast"
    return "claim"


# The start of a "still fighting to drive X out" / "has yet to push X out" trigger: X holds the ground.
STILL_HELD = re.compile(r"(?:(?:has|have|had) )?yet to|still |need(?:ed|s)? to ", re.IGNORECASE)
_PAST = re.compile(r"(?:ed|took|retook|held|won|overran|drove|fled|withdrew|broke|lost)$", re.IGNORECASE)


def _clause_start(text: str, left: int, pos: int) -> int:
    """Start of the verb's clause: after the last comma-led "while/but/however" or the segment start."""
    cut = left
    for m in re.finditer(r"(?:,\s*(?:while|but|however|although|though|whereas|and)\b|—|–|:)", text[left:pos], re.IGNORECASE):
        cut = left + m.end()
    return cut
