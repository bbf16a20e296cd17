"""The geoparser scored on the annotated dev set (tests/data/gold/): the figures, not a sample."""

from kursk_map.articles.reading import read_article
from kursk_map.evaluation.places import load_gold, score_file, total
from kursk_map.places.geoparse import geoparse
from tests.conftest import GOLD, SEEDS


def _score(pairs, gazetteer):
    return total(score_file(geoparse(read_article(t), gazetteer), load_gold(g)) for t, g in pairs)


def test_gold_files_match_their_texts():
    for gold in sorted(GOLD.glob("*/*.json")):
        text_path = SEEDS / f"{gold.stem}.txt" if gold.parent.name == "toponyms" else gold.with_suffix(".txt")
        text = text_path.read_text(encoding="utf-8")
        for m in load_gold(gold):
            assert text[m["start"]:m["end"]] == m["surface"], (gold.name, m)


def test_seeds(gazetteer):
    pairs = [(SEEDS / f"{g.stem}.txt", g) for g in sorted((GOLD / "toponyms").glob("*.json"))]
    s = _score(pairs, gazetteer)
    print(s.summary())
    assert s.f1 >= 0.95 and s.resolved_right / s.matched >= 0.95 and s.role_right / s.matched >= 0.85


def test_dev_texts(gazetteer):
    pairs = [(g.with_suffix(".txt"), g) for g in sorted((GOLD / "dev").glob("*.json"))]
    s = _score(pairs, gazetteer)
    print(s.summary())
    assert s.f1 >= 0.93
    assert s.resolved_right / s.matched >= 0.95
    assert s.near_share >= 0.9


REAL = GOLD.parent / "real"


def _real_half(half: str) -> list:
    pairs = [(REAL / "texts" / f"{g.stem}.txt", g) for g in sorted((REAL / "toponyms").glob("*.json"))]
    return [p for p in pairs if (int(p[1].stem[1:4]) % 2 == 1) == (half == "dev")]


def test_real_reports_gold_is_valid():
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, str(REAL / "validate.py")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_real_reports_test_half(gazetteer):
    # The half no rule was written against (tests/data/real/README.md): the project's targets.
    s = _score(_real_half("test"), gazetteer)
    print(s.summary())
    assert s.f1 >= 0.95
    assert s.near_share >= 0.95
    assert s.villages_named / s.villages >= 0.85


def test_real_reports_development_half(gazetteer):
    s = _score(_real_half("dev"), gazetteer)
    print(s.summary())
    assert s.f1 >= 0.97 and s.near_share >= 0.95 and s.role_right / s.matched >= 0.9
