"""Places that stand for governments: "Kiev's forces", "Moscow ruled out", "the Kremlin".

A capital, a country or a seat of power named as the one who acts, speaks,
owns forces or is helped is an *actor*, not a location: it is reported with
role ``actor`` and never drawn on a map. The rules look only at the words
around the mention; they apply to countries, capitals and seats of power
(a village does not "say" things).

>>> from kursk_map.text import tokens
>>> toks = tokens("Moscow, however, ruled out negotiations with Kiev.")
>>> is_actor(toks, 0, 0, "capital"), is_actor(toks, 6, 6, "capital")
(True, True)
>>> toks = tokens("Ukraine launched its offensive into the border region.")
>>> is_actor(toks, 0, 0, "country")
True
>>> toks = tokens("The incursion into Russia's Kursk Oblast")
>>> is_actor(toks, 3, 3, "country")
False
"""

from __future__ import annotations

from kursk_map.text import Token

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
argued argues keep keeps kept presses pressed believes disputes disputed
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
assistance loans transferred donated donating pledged shipped
""".split())
_SKIPPABLE = _ADVERBS - {"has", "have", "had"} | {"and"}
_NOT_VERBS = frozenset("this his its as is us thus plus less unless across perhaps yes".split())


def is_actor(toks: list[Token], first: int, last: int, kind: str) -> bool:
    """Whether tokens ``first..last`` (a place name) stand for a government or army.

    ``kind`` is ``country``, ``capital``, ``seat`` (the Kremlin) or anything
    else (never an actor).
    """
    if kind not in ("country", "capital", "seat"):
        return False
    name_end = toks[last]
    after = toks[last + 1] if last + 1 < len(toks) else None
    before = toks[first - 1] if first > 0 else None
    before_word = _word(before) if before else ""
    before2 = _word(toks[first - 2]) if first > 1 else ""

    if kind == "seat":
        return before_word not in _LOCATIVE_PREPOSITIONS
    if before_word in _DIRECTIONS:
        return False  # "eastern Ukraine", "western Russia"
    after_word = _word(after) if after is not None else ""
    if after_word in _AGENT_NOUNS:
        return True  # "Kiev's forces", "US officials", "Kyiv officials", "US-backed"
    if name_end.possessive:
        # "Russia's Kursk Oblast", "Ukraine's border areas": a place; "Washington's stockpiles": an actor.
        return not (after is None or after.capitalised or after_word in _PLACE_NOUNS)
    if before_word == "with" and before2 in _PLACE_NOUNS:
        return False  # "the border with Ukraine"
    if before_word in _ACTOR_OBJECT_CUES or before_word in _AUXILIARIES:
        return True  # "negotiations with Kiev", "help Kiev hold", "sent by North Korea", "does Moscow keep"
    if before_word == "to" and any(_word(t) in _TRANSFER_WORDS for t in toks[max(0, first - 5):first - 1]):
        return True  # "aid provided to Ukraine", "Ambassador to the US"
    if before_word in _LOCATIVE_PREPOSITIONS or before_word == "of":
        return False  # "into Russia", "in Kyiv", "territory of Ukraine"
    # Subject of a verb: "Moscow ruled out", "Washington reportedly says", "the US and NATO claim".
    j = last + 1
    while j < len(toks) and j <= last + 3 and (_word(toks[j]) in _SKIPPABLE or toks[j].capitalised and _word(toks[j - 1]) == "and"):
        j += 1
    if j >= len(toks):
        return False
    word = _word(toks[j])
    if word in _VERBS:
        return True
    if toks[j].capitalised or word in _NOT_VERBS:
        return False
    if j == last + 1 and after_word not in _PLACE_NOUNS and after_word not in _LOCATIVE_PREPOSITIONS | {"made", "born", "based"}:
        # An attributive name before a common noun: "US Republican nominee", "U.S. assessment".
        return word.isalpha() or "'" not in word
    return word.endswith(("ed", "es")) and len(word) > 4


def _word(token: Token) -> str:
    return token.text.lower().replace("’", "'")
