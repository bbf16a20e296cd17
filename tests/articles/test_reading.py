import datetime as dt

import pytest

from kursk_map.articles.reading import article_from_text, read_article
from kursk_map.errors import InputError
from tests.conftest import SEEDS


def test_header_block_is_metadata_not_body(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title: Sudzha falls\nPUBLISHER: Example News\ndate: 2024-08-20\n"
                    "URL: https://example.org/a\n\nUkrainian forces entered Sudzha.\n", encoding="utf-8")
    article = read_article(path)
    assert article.meta.publisher == "Example News"
    assert article.meta.date == dt.date(2024, 8, 20)
    assert article.meta.url == "https://example.org/a"
    assert article.text[article.body_start:].startswith("Ukrainian forces")
    assert article.in_boilerplate(0, 5)  # header offsets are never read as body


def test_sidecar_overrides_header(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("Publisher: Wrong\n\nBody text about Kursk.\n", encoding="utf-8")
    (tmp_path / "b.meta").write_text("Publisher: Right\nDate: 2024-10-10\n", encoding="utf-8")
    article = read_article(path)
    assert article.meta.publisher == "Right"
    assert article.meta.date == dt.date(2024, 10, 10)
    assert "sidecar" in article.meta.date_evidence


def test_seed_sidecars_keep_offsets_into_the_captured_text():
    article = read_article(SEEDS / "003_5521c82fc0953d07.txt")
    assert article.meta.publisher == "The Moscow Times"
    assert article.meta.date == dt.date(2024, 10, 10)
    assert article.body_start == 0
    assert article.text == (SEEDS / "003_5521c82fc0953d07.txt").read_text(encoding="utf-8")


def test_boilerplate_of_the_seeds_is_found():
    icons = read_article(SEEDS / "000_93ccbc94cf436395.txt")
    first_line_end = icons.text.index("\n")
    assert icons.in_boilerplate(0, first_line_end)
    assert icons.in_boilerplate(icons.text.rindex("29:39"), icons.text.rindex("29:39") + 5)
    appeal = read_article(SEEDS / "003_5521c82fc0953d07.txt")
    start = appeal.text.index("A Message from The Moscow Times")
    assert appeal.in_boilerplate(start, len(appeal.text))
    assert not appeal.in_boilerplate(0, 50)
    comments = read_article(SEEDS / "004_4ccb4a5811bb1773.txt")
    i = comments.text.index("Loading comments")
    assert comments.in_boilerplate(i, i + 5)
    assert comments.in_boilerplate(comments.text.index("3 days ago"), comments.text.index("3 days ago") + 3)


@pytest.mark.parametrize("encoding", ["cp1251", "utf-8", "utf-8-sig", "utf-16"])
def test_cyrillic_text_is_decoded(tmp_path, encoding):
    path = tmp_path / "ru.txt"
    path.write_bytes("Украинские войска вошли в Суджу Курской области.".encode(encoding))
    article = read_article(path)
    assert "Суджу" in article.text


def test_latin1_text_is_decoded(tmp_path):
    path = tmp_path / "de.txt"
    path.write_bytes("Die Stadt Sudscha liegt im Gebiet Kursk. Größe unbekannt.".encode("latin-1"))
    assert "Größe" in read_article(path).text


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"), (b"   \n\t\n", "empty"), (b"\x00\x01\x02binary\x00" * 50, "binary"),
    (b"Title: x\n\n", "no article text"),
])
def test_bad_files_raise_one_line_reasons(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_article(path)
    assert reason in str(info.value)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing on disk
    with pytest.raises(InputError, match="too large"):
        read_article(path)


def test_missing_file_and_bad_date(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="not a date"):
        article_from_text("Date: last week\n\nText.")


def test_random_high_bytes_are_not_taken_for_cp1251_text(tmp_path):
    import random

    rng = random.Random(7)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(4000)))
    with pytest.raises(InputError, match="no spaces between words"):
        read_article(path)
    russian = tmp_path / "ru.txt"
    russian.write_bytes("Украинские войска вошли в Суджу. ".encode("cp1251") * 20)
    assert read_article(russian).encoding == "cp1251"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
                                 "vbscript:x", "java\tscript:x", "//example.org/a", "file:///etc/passwd"])
def test_a_url_that_is_no_web_address_is_dropped_with_a_notice(url):
    article = article_from_text(f"URL: {url}\n\nUkrainian forces hold Sudzha.\n", path="a.txt")
    assert article.meta.url is None
    assert [n.path for n in article.notices] == ["a.txt"]
    assert "only http and https" in article.notices[0].reason


def test_a_web_address_is_kept_without_notice():
    article = article_from_text("URL: https://example.org/a?b=1#c\n\nUkrainian forces hold Sudzha.\n")
    assert article.meta.url == "https://example.org/a?b=1#c" and article.notices == ()
