"""Claim extraction scored on the gold corpora: the seeds, the written dev texts and both halves of the real reports."""

import subprocess
import sys

from kursk_map.articles.reading import read_article
from kursk_map.claims.extraction import extract_claims
from kursk_map.evaluation.claims import ClaimScore, load_claims_gold, score_claims
from kursk_map.places.geoparse import geoparse
from tests.conftest import ROOT, SEEDS

CLAIMS_GOLD = ROOT / "tests" / "data" / "claims"


def _score(pairs, gazetteer) -> ClaimScore:
    total = ClaimScore()
    for text, gold in pairs:
        article = read_article(text)
        total = total + score_claims(extract_claims(article, geoparse(article, gazetteer)), load_claims_gold(gold))
    return total


def test_gold_files_are_valid():
    run = subprocess.run([sys.executable, str(CLAIMS_GOLD / "validate.py")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_seeds(gazetteer):
    s = _score([(SEEDS / f"{g.stem}.txt", g) for g in sorted((CLAIMS_GOLD / "seeds").glob("*.json"))], gazetteer)
    print(s.summary())
    # 8 of 11 dates: two claims of a report with no date, and one the gold dates from outside the text (27 August,
    # SOURCES.md) where the text gives none
    assert s.f1 >= 0.9 and s.forecasts_drawn == 0 and s.as_of_share >= 0.7


def test_dev_texts(gazetteer):
    dev = ROOT / "tests" / "data" / "gold" / "dev"
    s = _score([(dev / f"{g.stem}.txt", g) for g in sorted((CLAIMS_GOLD / "dev").glob("*.json"))], gazetteer)
    print(s.summary())
    assert s.f1 >= 0.75 and s.as_of_share >= 0.8 and s.forecasts_drawn == 0


REAL = ROOT / "tests" / "data" / "real"


def _real(half: str, gazetteer, *, by_family: bool) -> ClaimScore:
    total = ClaimScore()
    for gold in sorted((REAL / "claims").glob("*.json")):
        if (int(gold.stem[1:4]) % 2 == 1) != (half == "dev"):
            continue
        article = read_article(REAL / "texts" / f"{gold.stem}.txt")
        total = total + score_claims(extract_claims(article, geoparse(article, gazetteer)), load_claims_gold(gold),
                                     by_family=by_family)
    return total


def test_real_reports_test_half(gazetteer):
    # Scored, never read for errors (tests/data/real/README.md): what unseen reporting gets.
    strict, family = _real("test", gazetteer, by_family=False), _real("test", gazetteer, by_family=True)
    print("strict", strict.summary())
    print("family", family.summary())
    # Floors as measured when the seventh batch came in (strict 0.625, family 0.631, P 0.738; 4 of 41 forecasts).
    assert family.f1 >= 0.62 and family.precision >= 0.73 and strict.f1 >= 0.62
    assert family.as_of_share >= 0.9 and family.forecasts_drawn <= 4


def test_real_reports_development_half(gazetteer):
    family = _real("dev", gazetteer, by_family=True)
    print(family.summary())
    assert family.f1 >= 0.70 and family.precision >= 0.80 and family.forecasts_drawn <= 1
