import random

import pytest

from kursk_map.articles.boilerplate import find_boilerplate
from kursk_map.articles.text import count_words, next_word, sentences, tokens, words_after, words_before
from tests.conftest import SEEDS


def seed_texts():
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


@pytest.mark.parametrize("text", seed_texts(), ids=lambda t: t[:20])
def test_windows_are_the_sentence_words_nearest_the_name(text):
    # words_before/words_after read a window, not the sentence: what they return must be
    # exactly the sentence's own words next to the position, none cut in two.
    rng = random.Random(1)
    for s, e in sentences(text):
        toks = tokens(text, s, e)
        for _ in range(3):
            if not toks:
                break
            t = rng.choice(toks)
            before = [(w.text, w.possessive) for w in words_before(text, t.start, s)]
            expected = [(x.text, x.possessive) for x in toks if x.end <= t.start]
            assert len(before) >= min(5, len(expected))
            assert expected[len(expected) - len(before):] == before
            raw_end = t.end + 2 if t.possessive else t.end
            after = [(w.text, w.possessive) for w in words_after(text, raw_end, e)]
            expected = [(x.text, x.possessive) for x in toks if x.start >= raw_end]
            assert expected[:len(after)] == after
            assert len(after) >= min(4, len(expected))


def test_next_word_joins_only_blanks_and_one_hyphen():
    text = "Nikolayevo-Daryino and Kursk Region, Sudzha."
    assert next_word(text, text.index("-"), len(text))[0].text == "Daryino"
    assert next_word(text, text.index(" Region"), len(text))[0].text == "Region"
    assert next_word(text, text.index(", Sudzha"), len(text)) is None
    w, start, end = next_word("the U.S. Army", 3, 13)
    assert (w.text, start, end) == ("U.S.", 4, 8)


def test_count_words_counts_hyphenated_and_possessive_pieces():
    assert count_words("in the US-made", 0, 14) == 4
    assert count_words(" , ", 0, 3) == 0
    assert count_words("Kyiv's forces", 0, 13) == 2


def test_boilerplate_rules_apply_line_by_line():
    body = "Troops entered Sudzha.\n" * 10
    text = f"Loading comments...\n--\n  3 days ago  \n{body}Dear readers, please give.\n0:00\n"
    spans = find_boilerplate(text)
    shown = [text[s:e] for s, e in spans]
    assert shown[:2] == ["Loading comments...", "3 days ago"]
    assert shown[-1].startswith("Dear readers") and spans[-1][1] == len(text)
    assert "--" not in shown  # a dash line is not chrome, and one rule never spans two lines
    # An appeal in the first 40% of the text is reporting, not an appeal.
    assert find_boilerplate("Dear readers wrote in.\n" + body) == ()
