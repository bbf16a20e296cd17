"""Places that stand for governments: "Kiev's forces", "Moscow ruled out", "the Kremlin".

A capital, a country or a seat of power named as the one who acts, speaks,
owns forces or is helped is an *actor*, not a location: it is reported with
role ``actor`` and never drawn on a map. The rules look only at the words
around the mention; they apply to countries, capitals and seats of power
(a village does not "say" things).

>>> from kursk_map.articles.text import words_after, words_before
>>> def actor(text, name, kind):
...     start = text.index(name)
...     end = start + len(name)
...     possessive = text.startswith("'s", end)
...     return is_actor(words_before(text, start, 0), possessive,
...                     words_after(text, end + 2 * possessive, len(text)), kind)
>>> text = "Moscow, however, ruled out negotiations with Kiev."
>>> actor(text, "Moscow", "capital"), actor(text, "Kiev", "capital")
(True, True)
>>> actor("Ukraine launched its offensive into the border region.", "Ukraine", "country")
True
>>> actor("The incursion into Russia's Kursk Oblast", "Russia", "country")
False
"""

from __future__ import annotations

from collections.abc import Sequence

from kursk_map.articles.text import Word

__all__ = ["is_actor", "CAPITALS"]

# Seats of government that reporting uses as metonyms (besides countries).
CAPITALS = frozenset({
    "Kyiv", "Moscow", "Washington", "Minsk", "Pyongyang", "Beijing", "London", "Paris",
    "Berlin", "Brussels", "Warsaw", "Ankara", "Budapest", "Tehran", "Vilnius", "Riga",
    "Tallinn", "Helsinki", "Stockholm", "Rome", "Tokyo", "Seoul", "Bratislava", "Prague",
})

# Nouns that make "<place>'s X" / "<place> X" a government or army, not a place.
_AGENT_NOUNS = frozenset("""
forces force troops army armies military militaries government governments officials official
authorities leadership leader leaders regime administration command commanders diplomats diplomacy
intelligence envoy envoys delegation delegations side negotiators defenses defences defense defence
ministry ministries plans plan goals goal aims strategy strategic objectives offensive offensives
incursion invasion attack attacks counteroffensive counterattack operation operations campaign
allies partners backers position positions decision decisions claims claim statement statements
demands demand request requests response refusal policy proposal proposals troop soldiers units
assessment estimate estimates war economy budget sanctions support aid willingness ability
readiness consent approval refusal reaction retaliation narrative propaganda weapons arms missiles
munitions equipment backed supplied led funded provided sponsored brokered top stockpiles
permission pressure blessing mediation guarantees assurances funding
""".split())
# Capitalised words that, after the name, begin an institution: "Ukraine's General Staff",
# "US National Security Council", "Russia's Defence Ministry".
_INSTITUTION_WORDS = frozenset("""
general defense defence ministry foreign armed security national state center centre council
parliament army navy intelligence federal investigative emergencies border guard embassy
republican republicans democratic democrat democrats congress senate battlegroup health commander
commander-in-chief president president-elect secretary ambassador envoy vice special air sever akhmat
""".split())
# Nouns of people and bodies before "of": "President of Ukraine", "servicemen of the Russian Federation".
_OF_ACTORS = frozenset("""
president government minister ministry parliament leadership army forces servicemen soldiers troops division
brigade units regiment people citizens embassy ambassador envoy representatives delegation
""".split())
# Verbs of taking before "from": "retook two villages from Ukraine" takes them from its army.
_TAKING = frozenset("""
retook retaken retake retakes recaptured recapture took taken take seized captured back liberated won
""".split())

# Words that, right after the name, make it the subject of an act or a statement.
_VERBS = frozenset("""
said says say claimed claims claim announced announces denied denies insists insisted launched
launches ruled rules refused refuses accused accuses warned warns responded responds reported
reports agreed agrees wants want wanted plans planned hopes hoped believes believed intends
intended demanded demands rejected rejects confirmed confirms admitted admits touted touts
threatened threatens vowed vows pledged pledges sent sends deployed deploys provided provides
supplied supplies approved approves allowed allows signed signs lost loses gained gains captured
captures recaptured retook retakes seized seizes pushed pushes withdrew withdraws attacked attacks
struck strikes shelled shells fired fires continues continued remains remained considers
considered views viewed sees saw knew knows asked asks told tells urged urges decided decides
expects expected estimated estimates assessed assesses has have had is was will would could can
may might must should does did doesn't didn't won't wouldn't hasn't hadn't isn't wasn't cannot
can't shall tried tries sought seeks stepped steps began begins started starts managed manages
failed fails hesitant unsure ready willing confident wary reluctant concerned eager unlikely
argued argues keep keeps kept presses pressed believes disputes disputed are were fight fights fought
held hold holds locked exchanged exchange
""".split())
# Words that may stand between the name and its verb.
_ADVERBS = frozenset("""
reportedly also however still now already officially apparently allegedly then again
repeatedly previously earlier later quickly never often has have had
""".split())
# Words before the name that make it the object of help, talks or pressure.
_ACTOR_OBJECT_CUES = frozenset("""
with against help helping helped support supporting supported backing backed urged urging told
telling pressure pressured pressuring warned warning accused accusing asked asking blamed blaming
aid arming armed allies enemies negotiate negotiations talks challenge challenged thanked gave give
giving offered promised sold handed embarrass embarrassed by
force forced forcing compel compelled allow allowed allowing enable enabled stop stopped prevent
prevented satisfy convince persuade appease deter punish isolate offer propose proposed
""".split())
_LOCATIVE_PREPOSITIONS = frozenset("in at inside into near to from within across over outside around".split())
_DIRECTIONS = frozenset("eastern western northern southern central north south east west".split())
_PLACE_NOUNS = frozenset("""
territory territories soil border borders frontier region regions oblast province city town village
villages land lands airspace side area areas outskirts centre center capital streets countryside
""".split())
_AUXILIARIES = frozenset("does did will would can could should by".split())
_TRANSFER_WORDS = frozenset("""
provided delivered supplied sent given aid handouts weapons ammunition ambassador envoy support
assistance loans transferred donated donating pledged shipped supplies deliveries funding
""".split())
# People sent somewhere: "soldiers sent to Russia" is a destination, not a recipient.
_PEOPLE = frozenset("troops soldiers units forces personnel fighters servicemen mercenaries".split())
_SKIPPABLE = _ADVERBS - {"has", "have", "had"} | {"and"}
_NOT_VERBS = frozenset("this his its as is us thus plus less unless across perhaps yes".split())


def is_actor(before: Sequence[Word], possessive: bool, after: Sequence[Word], kind: str) -> bool:
    """Whether a place name stands for a government or army.

    ``before`` and ``after`` are the words of its sentence on either side (a
    few are enough), ``possessive`` whether it is written with "'s".
    ``kind`` is ``country``, ``capital``, ``seat`` (the Kremlin) or anything
    else (never an actor).
    """
    if kind not in ("country", "capital", "seat"):
        return False
    before_word = before[-1].lower if before else ""
    before2 = before[-2].lower if len(before) > 1 else ""

    if kind == "seat":
        return before_word not in _LOCATIVE_PREPOSITIONS
    if before_word in _DIRECTIONS:
        return False  # "eastern Ukraine", "western Russia"
    after_word = after[0].lower if after else ""
    if after_word in _AGENT_NOUNS:
        return True  # "Kiev's forces", "US officials", "Kyiv officials", "US-backed"
    if after and after[0].capitalised and after_word in _INSTITUTION_WORDS:
        return True  # "Ukraine's General Staff", "US National Security Council"
    if possessive:
        # "Russia's Kursk Oblast", "Ukraine's border areas": a place; "Washington's stockpiles": an actor.
        return not (not after or after[0].capitalised or after_word in _PLACE_NOUNS)
    # The word that governs the name, looking past an article: "with (the) US", "to (the) US".
    if before_word == "the":
        prep, prep2, window = before2, (before[-3].lower if len(before) > 2 else ""), before[-6:-2]
    else:
        prep, prep2, window = before_word, before2, before[-5:-1]
    if prep == "with" and prep2 in _PLACE_NOUNS:
        return False  # "the border with Ukraine"
    if prep in _ACTOR_OBJECT_CUES or prep in _AUXILIARIES:
        return True  # "negotiations with Kiev", "help Kiev hold", "sent by North Korea", "does Moscow keep"
    if prep == "for" and after_word == "to":
        return True  # "for Moscow to force them out"
    transfer = any(w.lower in _TRANSFER_WORDS for w in window)
    if prep == "to" and transfer and not any(w.lower in _PEOPLE for w in window):
        return True  # "aid provided to Ukraine", "Ambassador to the US" (not "troops sent to Russia")
    if prep == "from" and any(w.lower in _TRANSFER_WORDS for w in window[-2:]):
        return True  # "supplies from the United States", "weapons from Washington"
    if prep == "from" and any(w.lower in _TAKING for w in before[-8:]):
        return True  # "retook two villages from Ukraine": from its forces
    if prep == "of" and prep2 in _OF_ACTORS:
        return True  # "President of Ukraine", "servicemen of the Russian Federation"
    if prep in _LOCATIVE_PREPOSITIONS or prep == "of":
        return False  # "into Russia", "in Kyiv", "territory of (the) Ukraine"
    # Subject of a verb: "Moscow ruled out", "Washington reportedly says", "the US and NATO claim".
    j = 0
    while j < len(after) and j <= 2 and (after[j].lower in _SKIPPABLE
                                         or j > 0 and after[j].capitalised and after[j - 1].lower == "and"):
        j += 1
    if j >= len(after):
        return False
    verb = after[j].lower
    if verb in _VERBS or (j > 0 and verb in _AGENT_NOUNS):
        return True  # ... or "the US and Ukrainian officials"
    if after[j].capitalised or verb in _NOT_VERBS:
        return False
    if j == 0 and after_word not in _PLACE_NOUNS | _LOCATIVE_PREPOSITIONS | {"made", "born", "based"}:
        # An attributive name before a common noun: "US Republican nominee", "U.S. assessment".
        return verb.isalpha() or "'" not in verb
    return verb.endswith(("ed", "es")) and len(verb) > 4
