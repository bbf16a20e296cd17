"""Article + resolved places -> claims of territorial control.

Rules, sentence by sentence, over the article's body less its boilerplate:

1. find the verbs of control (:mod:`kursk_map.claims.lexicon`: "took control of",
   "liberated", "is holding", "retook", "had been halted" ...), each giving an action;
2. keep those that are about ground: a place, a figure, or a word such as
   "territory" or "villages" near the verb (not "lost 420 soldiers");
3. give each verb the side it is about (the force doing it, or for "halted"
   the force stopped), its figures and places (the nearest verb gets them; a
   claim with none takes the region the article last named), its date, and
   its kind (a claim, a forecast, or context such as aims and hypotheticals);
4. attribute it (:mod:`kursk_map.claims.attribution`): claimant and source chain.

>>> from kursk_map.articles.reading import article_from_text
>>> a = article_from_text("Date: 2024-10-10\\n\\nRussia has since claimed to have retaken about a dozen villages, "
...                       "including two on Wednesday.\\n")
>>> c = extract_claims(a).claims[0]
>>> (c.kind, c.side, c.action, c.settlement_count, c.as_of.isoformat(), c.hedged, c.claimant)
('claim', 'RU', 'recaptured', 12, '2024-10-09', True, 'Russia')
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re

from kursk_map.articles.text import sentences
from kursk_map.claims import clauses, ground, lexicon, sides
from kursk_map.claims.attribution import Attribution, attributions, chain, is_publisher
from kursk_map.claims.dates import DateExpr, find_dates, infer_report_date, resolve, years_mentioned
from kursk_map.claims.figures import find_areas, find_counts, find_fractions
from kursk_map.claims.merging import merged
from kursk_map.model import Article, ArticleClaims, ControlClaim, GeoparseResult, PlaceMention
from kursk_map.places.metonymy import CAPITALS

__all__ = ["extract_claims", "report_date"]


def report_date(article: Article) -> tuple[dt.date | None, bool, str | None]:
    """The report date, whether it was inferred from the text, and the evidence."""
    if article.meta.date is not None:
        return article.meta.date, article.meta.date_inferred, article.meta.date_evidence
    inferred = infer_report_date(article.text, article.body_start)
    if inferred is None:
        return None, False, "not stated in the metadata, and no timestamp or dateline in the text"
    return inferred[0], True, f"text: {inferred[1]}"


def extract_claims(article: Article, places: GeoparseResult | None = None, *,
                   gazetteer=None, dated: tuple[dt.date, str] | None = None) -> ArticleClaims:
    """Every claim, forecast and context statement of territorial control in ``article``.

    ``dated`` is a report date given from outside (a corrections file) and its evidence;
    relative dates in the text are then read against it.
    """
    if places is None:
        from kursk_map.places.geoparse import geoparse

        places = geoparse(article, gazetteer)
    date, inferred, evidence = (dated[0], False, dated[1]) if dated else report_date(article)
    anchor, anchor_basis = date, "report date"
    years = years_mentioned(article.text, article.body_start)
    if anchor is None:
        anchor = _latest_text_date(article, years)
        anchor_basis = "latest date the text gives (report date unknown)"
    # A capital in war reporting is the government far more often than the ground ("for Moscow to force
    # them out"): never the place of a claim.
    located = [m for m in places.places if m.role == "location" and m.name not in CAPITALS]
    publisher = article.meta.publisher
    retold = _retold_source(article)
    claims: list[ControlClaim] = []
    main_region = ground.main_region(located)
    previous: tuple[PlaceMention, ...] = ()  # the settlements the sentences before named: what "the village" is
    voices: dict[str, str] = {}  # the side of the last claimant who had one: whom "the ministry" speaks for
    starts = [m.span.start for m in located]
    regions = ground.Regions(located)
    spans = sentences(article.text, article.body_start)
    for i, (s, e) in enumerate(spans):
        if article.in_boilerplate(s, e):
            continue
        here = located[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
        sent = ground.Sentence(s, e, tuple(here), tuple(attributions(article.text, s, e)),
                         _quotation_speaker(article.text, spans, i))
        # "63 km² of Russian territory": the ground's country, whatever country is named as an actor
        soil = _SOIL.search(article.text, s, e)
        country = ("RU" if soil.group(1).lower() == "russian" else "UA") if soil else next(
            (m.place.country for m in sent.places if m.kind == "country"), None)
        carry = ground.carried_region(regions, s, country, main_region) or main_region
        claims.extend(merged(_claims_in(article.text, sent, publisher, retold, anchor, anchor_basis, years, carry,
                                         previous, voices, main_region)))
        named = tuple(m for m in sent.places if m.kind == "settlement")
        previous = named or previous
        voices["subject"] = sides.opening_subject(article.text, s, e)  # whom "They" in the next sentence means
    return ArticleClaims(path=article.path, report_date=date, report_date_inferred=inferred,
                         report_date_evidence=evidence, publisher=publisher, url=article.meta.url,
                         title=article.meta.title, claims=tuple(claims), mentions=tuple(located))


_SOIL = re.compile(r"\b(Russian|Ukrainian) (?:territory|soil|land|ground)\b", re.IGNORECASE)


def _claims_in(text, sent, publisher, retold, anchor, anchor_basis, years, carry, previous,
               voices, main_region=None) -> list[ControlClaim]:
    triggers = lexicon.find_triggers(text, sent.start, sent.end)
    triggers = [t for t in triggers if not any(a.start <= t.start < a.end for a in sent.found)]
    if not triggers:
        return []
    areas = find_areas(text, sent.start, sent.end)
    counts = find_counts(text, sent.start, sent.end)
    fractions = find_fractions(text, sent.start, sent.end)
    dates = [d for d in find_dates(text, sent.start, sent.end) if not d.since]
    kept = [t for t in triggers if lexicon.about_ground(text, t, sent.end, bool(sent.places) or bool(carry),
                                                        bool(areas or counts or fractions))]
    if not kept:
        return []
    mains = [t for t in kept if not t.modifier]
    kept = mains or kept[:1]  # presupposed ground only ("the captured territories could be used"): one record
    kinds = {id(t): lexicon.kind_of(text, t, sent.start, sent.end) for t in kept}
    if all(k != "claim" for k in kinds.values()):
        # A forecast or aim is one statement however many verbs it has; its main verb is the
        # one outside any "if" clause.
        plain = [t for t in kept if not re.search(r"\bif\b", text[sent.start:t.start], re.IGNORECASE)
                 or re.search(r",[^,]*$", text[sent.start:t.start])]
        kept = (plain or kept)[:1]
    relative = {id(t): clauses.is_relative(text, t, sent.start) for t in kept}
    spans = {id(t): clauses.clause_span(text, t, sent.start, sent.end) for t in kept}
    # the nearest verb of the place's own clause ("success east of Sudzha in Kursk Oblast, while the Russians
    # had advanced in Donetsk Oblast"), else the nearest verb
    nearest = lambda pos: min(kept, key=lambda t: (not spans[id(t)][0] <= pos < spans[id(t)][1],  # noqa: E731
                                                   abs(t.start - pos), t.start))
    claimed = [m for m in sent.places if not ground.is_reference(text, sent, m)]
    # "advanced south of Sudzha": for a movement the reference point is where it happened.
    located_near = [m for m in sent.places if not any(a.start <= m.span.start < a.end for a in sent.found)]
    own_places = {id(t): [m for m in (located_near if t.action in ("advanced", "halted") else claimed)
                          if nearest(m.span.start) is t and not ground.in_later_relative(text, t, m)] for t in kept}
    for t in kept:
        if relative[id(t)]:  # "Sudzha, the town Ukraine seized in August": the clause is about its antecedent
            antecedent = ground.antecedent(t, sent)  # "in Maryino, in the Kursk region, where Ukrainian forces hold"
            own_places[id(t)] = [antecedent] if antecedent is not None else own_places[id(t)]
        elif t.action in ("advanced", "halted") and len(own_places[id(t)]) > 1:
            # "crossed into Ukraine from Kursk Oblast": a movement's ground is where it went, not where it came from
            to = [m for m in own_places[id(t)] if not _ORIGIN.search(text, max(sent.start, m.span.start - 12), m.span.start)]
            own_places[id(t)] = to or own_places[id(t)]
    _after_colon(text, sent, kept, relative, own_places)
    out = []
    dated = _dates_for(kept, sent.found, dates)
    for i, t in enumerate(kept):
        segment = lexicon.segment_of(text, t, sent.start, sent.end)
        found = [a for a in sent.found if segment[0] <= a.start < segment[1]] or (
            [a for a in sent.found if a.start > t.start] if sent.found and sent.found[-1].start > t.start else []) \
            or list(sent.quoted_by)
        if not found and retold:
            claimant, sources = retold, tuple(x for x in (publisher, retold) if x)
        else:
            claimant, sources = chain(found, publisher)
            if retold and retold not in sources:  # a retelling: every claim in it came through the outlet
                sources = (*sources[:1 if publisher else 0], retold, *sources[1 if publisher else 0:])
        kind = kinds[id(t)]
        hedged = lexicon.is_hedged(text, t, *segment)
        clause = spans[id(t)]
        mentions = own_places[id(t)] or [m for m in claimed if clause[0] <= m.span.start < clause[1]]
        if previous and not any(m.kind == "settlement" for m in mentions) and _ANAPHORA.search(text, *clause):
            mentions = list(previous)  # "remained in control of both villages": the ones named before
        if not ground.place_names(mentions):
            # "crossed into Ukraine": the country is where they went; "shows Ukraine in control of": who holds
            abroad = [m for m in mentions if m.kind == "country" and m.place.country != "RU" and m.span.start > t.start]
            mentions = abroad if abroad else ([carry] if carry is not None else mentions)
            home = main_region.place.country if main_region is not None else None
            if t.action == "recaptured" and carry is not None and mentions == [carry] and carry.place.country != home \
                    and sides.subject_side(text, t, sent.start, sent.end) == home:
                mentions = [main_region]  # "Russia has won back about half": its own ground, not the Sumy region named last
        # "regained positions near Vovchansk": drawn there, but no claim about Vovchansk itself
        mentions = [dataclasses.replace(m, role="vicinity") if m.kind == "settlement"
                    and ground.locates_area(text, sent, m) else m for m in mentions]
        area = _owned(areas, t, kept, relative)
        count = _owned(counts, t, kept, relative)
        fraction = _owned(fractions, t, kept, relative)
        # ", taking over several villages", ", claiming to control": a participle takes its main verb's date
        participle = t.text.split()[0].lower().endswith("ing") or bool(
            re.search(r"\w+ing\s+(?:to\s+)?$", text[max(sent.start, t.start - 20):t.start]))
        as_of, basis = _as_of(dated.get(id(t)), sent.found, dated, anchor, anchor_basis, years,
                              kept[:i] if participle else [])
        if _PERSON_PRONOUN.fullmatch(claimant):  # "According to him", "he said": the person named before
            named = voices.get("named") or publisher or claimant
            if named == publisher:
                sources = sources[:-1] or (publisher,)  # no one named before: the outlet's own account
            else:
                sources = tuple(named if x == claimant else x for x in sources)
            claimant = named
        generic = bool(_GENERIC_CLAIMANT.match(claimant))
        if sides.claimant_side(claimant):
            voices["last"] = sides.claimant_side(claimant)
            if not generic:
                voices["named"] = claimant
        hint = voices.get("last") if generic else None
        if generic and claimant != publisher and voices.get("named") and claimant.lower() != "it":
            # "The army said its forces liberated Novaya Sorochina" after "Russia's defence ministry said": the ministry
            sources = tuple(voices["named"] if x == claimant else x for x in sources)
            claimant = voices["named"]
        side = sides.side_of(text, t, sent.start, sent.end, mentions, claimant, publisher, hint, voices.get("last"),
                             voices.get("subject"))
        lead = out[-1] if out and i and participle and re.search(r",\s*$", text[max(sent.start, t.start - 3):t.start]) \
            and not sides.names_a_force(text, kept[i - 1].end, t.start) else None
        if lead is not None:  # "Russian forces are pushing forward in Ukraine ..., seizing an area": the same force
            side = sides.subject_side(text, kept[i - 1], sent.start, sent.end) or lead.side
            mentions = mentions if own_places[id(t)] else list(lead.place_mentions)
        ukraine = [m for m in sent.places if m.kind == "country" and m.place.country == "UA" and m.role == "location"]
        if t.action == "captured" and side == "RU" and carry is not None and mentions == [carry] \
                and carry.place.country == "RU" and ukraine:
            mentions = ukraine[:1]  # "driven back ... in Ukraine, but ... capturing 600 km²": a Russian capture abroad
        # "Russia has seized two villages in the Kursk region" is a capture, as the verb says (the guidelines);
        # the situation reads a capture of the side's own ground as a retaking
        action = t.action
        both = _BOTH_SIDES.search(text, clause[0], t.start)
        # A description ("villages seized by Ukraine") or a recap ("since Kyiv launched its incursion in
        # August") adds to a map only with a figure or a named settlement of its own; dated by the text.
        own = bool(area or count or fraction) or any(m.kind == "settlement" for m in own_places[id(t)])
        # "launched its incursion on Aug. 6, seizing about 1,300 km²" in a January report: the seizing took weeks
        inherited = participle and id(t) not in dated and basis.startswith("text")
        recap = relative[id(t)] or clauses.is_recap(text, t, clause, as_of if id(t) in dated or inherited else None,
                                                    anchor)
        # "near the town of Sudzha which is under Kyiv's control": a description in the present tells today's state
        current = relative[id(t)] and clauses.is_current(text, t, sent.start) and not clauses.is_recap(
            text, t, clause, as_of if id(t) in dated else None, anchor)
        if kind == "claim" and relative[id(t)] and not (area or count or fraction) \
                and _describes_an_object(t, kept, relative, own_places):
            kind = "context"  # "regained control of Sudzha, the biggest municipality Ukraine had conquered"
        if kind == "claim" and recap:
            if current:
                recap = False  # "the Donetsk region, where Russian forces keep advancing": today's news
            elif not own:
                kind = "context"
            elif id(t) not in dated:
                as_of, basis = None, "unknown: a recap of earlier events, and the text gives it no day"
        out.append(ControlClaim(
            kind=kind, claimant=claimant, sources=sources, side=side, action=action,
            places=ground.claimed_names(mentions), area_km2=area.km2 if area else None,
            settlement_count=count.count if count else None, fraction=fraction.value if fraction else None,
            as_of=as_of, hedged=hedged, quote=text[sent.start:sent.end], start=sent.start, end=sent.end,
            area_qualifier=area.qualifier if area else None, settlement_text=count.text if count else None,
            settlement_range=count.range if count else None, as_of_basis=basis,
            place_mentions=tuple(mentions), recap=recap and kind == "claim"))
        if both:  # "Russian and Ukrainian forces recently advanced": a claim for each
            out.append(dataclasses.replace(out[-1], side="UA" if side == "RU" else "RU"))
        earlier, words = _earlier_area(text, areas, area) if kind == "claim" and action == "controls" and area \
            else (None, "")
        if earlier is not None:  # "about 63 km², down from as much as 1,400": what it held before, undated
            out.append(dataclasses.replace(out[-1], area_km2=earlier.km2, area_qualifier=earlier.qualifier, as_of=None,
                                           as_of_basis=f"unknown: an earlier figure the text compares ('{words}')",
                                           recap=True))
        now = next((a for a in areas if area and kind == "claim" and action == "controls" and a.start > area.start
                    and _NOW_INSTEAD.search(text, max(0, a.start - 16), a.start)
                    and _NOW.search(text, a.end, min(sent.end, a.end + 40))), None)
        if now is not None and anchor is not None:  # "350 sq km at that point, rather than 100 sq km as they do now"
            out.append(dataclasses.replace(out[-1], area_km2=now.km2, area_qualifier=now.qualifier, as_of=anchor,
                                           as_of_basis=anchor_basis, recap=False))
    return out


_HOLDS_OR_LOSES = ("controls", "captured", "recaptured", "lost", "withdrew")


def _describes_an_object(t, kept, relative, own_places) -> bool:
    """Whether a relative clause only describes the settlement another verb of the sentence, in the main
    clause, already says who holds: not a claim of its own (the corpus's conventions)."""
    mine = {m.place.id for m in own_places[id(t)] if m.kind == "settlement"}
    return bool(mine) and any(o is not t and not relative[id(o)] and o.action in _HOLDS_OR_LOSES
                              and mine <= {m.place.id for m in own_places[id(o)]} for o in kept)


_EARLIER = re.compile(r"\b(?:down|up) from(?:\s+as much as|\s+a peak of|\s+some)?(?:\s+about|\s+around|\s+nearly"
                      r"|\s+almost)?\s*$", re.IGNORECASE)
_PERSON_PRONOUN = re.compile(r"(?:he|she|him|her)", re.IGNORECASE)


def _earlier_area(text: str, areas, own):
    """The area the sentence compares the claim's own with ("down from as much as 1,400 km²"), and the words
    that say so; (None, "") if none."""
    for a in areas:
        said = _EARLIER.search(text, max(0, a.start - 30), a.start) if a.start > own.start else None
        if said:
            return a, said.group().strip()
    return None, ""


_GENERIC_CLAIMANT = re.compile(r"^(?:the |its )?(?:ministry|defen[cs]e ministry|statement|military|army|channel|it|he|she)$",
                               re.IGNORECASE)
_BOTH_SIDES = re.compile(r"\b(?:Russian|Ukrainian) and (?:Ukrainian|Russian) (?:forces|troops|units|soldiers)\b",
                         re.IGNORECASE)
_NOW_INSTEAD = re.compile(r"\b(?:rather than|instead of|compared with|against)\s*(?:about\s+|some\s+)?$",
                          re.IGNORECASE)
_NOW = re.compile(r"\b(?:now|today|currently|at present)\b", re.IGNORECASE)
_ORIGIN = re.compile(r"\b(?:from|out of)\s+(?:the\s+)?$", re.IGNORECASE)
# A settlement named in an earlier sentence and meant here: "the village", "both villages".
_ANAPHORA = re.compile(r"\b(?:the|both|these|those|the two|the three|this) (?:(?:last|remaining|same) )?"
                       r"(?:village|villages|town|settlement|settlements"
                       r"|city|hamlet)\b(?! of\b)", re.IGNORECASE)


_OPEN_QUOTE = re.compile(r'\s*["“]')  # used with match(): anchored at the sentence start
_QUOTE_MARK = re.compile(r'["“”]')


def _quotation_speaker(text: str, spans: list[tuple[int, int]], i: int) -> tuple[Attribution, ...]:
    """Who says a quotation that opens this sentence and closes in one of the next three ('"All attacks
    were repulsed ... drones. No crossing was allowed," the ministry said.'): the speaker named after
    the closing mark. Nothing when the quotation closes in the sentence itself."""
    s, e = spans[i]
    if not _OPEN_QUOTE.match(text, s) or len(_QUOTE_MARK.findall(text, s, e)) % 2 == 0:
        return ()
    for s2, e2 in spans[i + 1:i + 4]:
        close = _QUOTE_MARK.search(text, s2, e2)
        if close is None:
            continue
        if close.start() - s2 < 3 and len(_QUOTE_MARK.findall(text, s2, e2)) % 2 == 0:
            return ()  # a new quotation begins: the first one was never closed
        return tuple(a for a in attributions(text, s2, e2) if a.start >= close.end())
    return ()


def _after_colon(text: str, sent, kept, relative, own_places) -> None:
    """Settlements listed after a colon that ends the sentence ("liberated the last village in Kursk under
    Ukrainian control: Gornal") are the object of the last main verb before it."""
    colon = text.rfind(":", sent.start, sent.end)
    listed = [m for m in sent.places if m.span.start > colon and m.kind == "settlement"] if colon > 0 else []
    main = [t for t in kept if t.end <= colon and not relative[id(t)]]
    if not listed or not main or any(t.start > colon for t in kept):
        return
    for t in kept:
        own_places[id(t)] = [m for m in own_places[id(t)] if m not in listed]
    own_places[id(main[-1])] = [*own_places[id(main[-1])], *listed]


def _owned(figures, trigger, triggers, relative):
    """The first figure whose verb is ``trigger``: the nearest verb of the main clause, or a relative
    clause's own verb when the figure follows it ("which controls about 18% of Ukraine")."""
    main = [t for t in triggers if not relative[id(t)]] or triggers
    mine = []
    for f in figures:
        near = min(triggers, key=lambda t: (abs(t.start - f.start), t.start))
        owner = near if (not relative[id(near)] or f.start > near.end) else min(
            main, key=lambda t: (abs(t.start - f.start), t.start))
        if owner is trigger:
            mine.append(f)
    return mine[0] if mine else None


def _dates_for(triggers, found, dates: list[DateExpr]) -> dict[int, DateExpr]:
    """Each date goes to the verb (of control or of saying) it follows most closely."""
    anchors = [(t.start, t) for t in triggers] + [(a.end, a) for a in found]
    out: dict[int, DateExpr] = {}
    for d in dates:
        before = [x for x in anchors if x[0] <= d.start]
        after = [x for x in anchors if x[0] > d.start]
        owner = max(before, key=lambda x: x[0])[1] if before else (min(after, key=lambda x: x[0])[1] if after else None)
        if owner is not None and id(owner) not in out:
            out[id(owner)] = d
    return out


def _as_of(own, found, dated, anchor, anchor_basis, years, earlier) -> tuple[dt.date | None, str]:
    """The verb's own date, else the latest dated verb in ``earlier``, else its claimant's, else the anchor."""
    if own is not None:
        return resolve(own, anchor, years=years), f"text: {own.text!r}"
    for prev in reversed(earlier):
        if id(prev) in dated:
            d = dated[id(prev)]
            return resolve(d, anchor, years=years), f"text: {d.text!r}"
    for a in found:
        if id(a) in dated:
            d = dated[id(a)]
            return resolve(d, anchor, years=years), f"date of the statement: {d.text!r}"
    return anchor, anchor_basis if anchor is not None else "unknown (no report date)"


def _latest_text_date(article: Article, years: tuple[int, ...]) -> dt.date | None:
    found = [resolve(e, None, years=years) for e in find_dates(article.text, article.body_start)
             if e.kind in ("full", "month_day") and not article.in_boilerplate(e.start, e.end)]
    found = [d for d in found if d is not None]
    return max(found) if found else None


def _retold_source(article: Article) -> str | None:
    """"This is reported by Bloomberg": the outlet a whole report retells."""
    m = re.search(r"(?:^|[.\n]\s*)(?:This|That|It) (?:is|was) reported by (?:the )?([A-Z][\w .'-]{1,40}?)\s*[.\n]",
                  article.text[article.body_start:])
    return m.group(1).strip() if m and not is_publisher(m.group(1), article.meta.publisher) else None
