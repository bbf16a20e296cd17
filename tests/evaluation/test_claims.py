"""The claims scorer: what counts as a match between an extracted claim and a gold one."""

from __future__ import annotations

from kursk_map.evaluation.claims import annotation_as_claims, score_claims

HEADLINE = "Ukrainian troops flee monastery complex in Kursk region"
TEXT = f"Title: {HEADLINE}\nPublisher: P\nDate: 2025-04-17\n\n{HEADLINE}\n\nRussian forces retook Gornal."


def _gold(quote: str, start: int, side="UA", action="withdrew", places=("Kursk Oblast",), kind="claim") -> dict:
    return {"kind": kind, "claimant": "P", "sources": ["P"], "side": side, "action": action, "places": list(places),
            "area_km2": None, "settlement_count": None, "fraction": None, "as_of": "2025-04-17", "hedged": False,
            "quote": quote, "start": start, "end": start + len(quote), "area_qualifier": None,
            "settlement_text": None, "settlement_range": None}


def _annotation(*claims) -> dict:
    return {"report_date": "2025-04-17", "claims": list(claims)}


def _predicted(*claims):
    return annotation_as_claims(_annotation(*claims), "r.txt")


def test_a_claim_matches_on_side_action_span_and_place():
    body = TEXT.index(HEADLINE, 10)
    score = score_claims(_predicted(_gold(HEADLINE, body)), _annotation(_gold(HEADLINE, body)))
    assert (score.predicted, score.gold, score.matched) == (1, 1, 1)


def test_the_headline_annotated_in_the_title_line_matches_the_bodys():
    title, body = TEXT.index(HEADLINE), TEXT.index(HEADLINE, 10)
    score = score_claims(_predicted(_gold(HEADLINE, body)), _annotation(_gold(HEADLINE, title)))
    assert score.matched == 1 and not score.errors


def test_another_side_or_action_is_no_match_and_both_errors_are_listed():
    body = TEXT.index(HEADLINE, 10)
    score = score_claims(_predicted(_gold(HEADLINE, body, side="RU")), _annotation(_gold(HEADLINE, body)))
    assert score.matched == 0 and len(score.errors) == 2  # a miss and a spurious claim
    by_family = score_claims(_predicted(_gold(HEADLINE, body, action="lost")), _annotation(_gold(HEADLINE, body)),
                             by_family=True)
    assert by_family.matched == 1  # lost and withdrew are one family
