"""How far two annotators agree on the real reports' claims, beside the extractor on the same reports.

    python bench/eval_agreement.py

A second annotator, who saw neither the first annotation nor the extractor's output, annotated
16 of the real reports again (tests/data/real/agreement/). Scored with the claim scorer, the
second annotation against the first is the agreement a careful reader reaches: a ceiling for
the extractor's figures, which are printed beside it (first annotation as gold in both rows).
"""

from __future__ import annotations

from pathlib import Path

from kursk_map.articles.reading import read_article
from kursk_map.claims.extraction import extract_claims
from kursk_map.evaluation.claims import ClaimScore, annotation_as_claims, load_claims_gold, score_claims
from kursk_map.places.gazetteer import load_gazetteer
from kursk_map.places.geoparse import geoparse

REAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"


def scores(by_family: bool) -> dict[str, ClaimScore]:
    gazetteer = load_gazetteer()
    second, tool = ClaimScore(), ClaimScore()
    for other in sorted((REAL / "agreement" / "claims").glob("*.json")):
        first = load_claims_gold(REAL / "claims" / other.name)
        second = second + score_claims(annotation_as_claims(load_claims_gold(other), other.stem), first,
                                       by_family=by_family)
        article = read_article(REAL / "texts" / f"{other.stem}.txt")
        tool = tool + score_claims(extract_claims(article, geoparse(article, gazetteer)), first, by_family=by_family)
    return {"second annotator": second, "kursk-map": tool}


if __name__ == "__main__":
    n = len(list((REAL / "agreement" / "claims").glob("*.json")))
    for by_family in (False, True):
        print("by family" if by_family else "strict", f"({n} reports, the first annotation as gold)")
        for name, s in scores(by_family).items():
            print(f"  {name:17s} {s.summary()}")
