"""Article files -> :class:`~kursk_map.model.Article`.

An article is a text file with optional metadata, given either as a header
block at the top of the file::

    Title: Ukraine keeps control of Sudzha
    Publisher: Example News
    Date: 2024-08-20
    URL: https://example.org/a
    Author: A. Writer

    (body...)

or in a sidecar file ``<stem>.meta`` beside it, in the same ``Key: value``
form (for articles that must stay byte-for-byte as captured). Sidecar values
override header values. Keys are case-insensitive.

Bad files raise :class:`~kursk_map.errors.InputError` with a one-line reason.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from kursk_map.errors import InputError, printable
from kursk_map.model import Article, ArticleMeta, Notice

__all__ = ["read_article", "article_from_text", "article_paths", "web_url", "clean_text", "MAX_BYTES",
           "ARTICLE_SUFFIXES"]

MAX_BYTES = 10 * 1024 * 1024  # an article is a few KB; 10 MB is generous
ARTICLE_SUFFIXES = (".txt",)
META_KEYS = ("title", "publisher", "date", "url", "author")
_HEADER_LINE = re.compile(r"^(title|publisher|date|url|author)\s*:\s*(.*?)\s*$", re.IGNORECASE)


def article_paths(path: Path) -> list[Path]:
    """The article files a path argument names: the file itself, or a folder's ``*.txt`` (any case;
    symbolic links too, which :func:`read_article` refuses when they lead out of the folder)."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES
                      and not p.name.startswith(".") and (p.is_symlink() or p.is_file()))
    return [path]


def read_article(path: str | Path, *, max_bytes: int = MAX_BYTES, within: Path | None = None) -> Article:
    """Read, decode and clean one article file; raise InputError for bad input. With ``within`` (the
    folder it was listed in), a symbolic link that leads out of that folder is refused."""
    shown = printable(str(path))
    p = Path(path)
    try:
        if p.is_symlink() and not p.exists():
            raise InputError(shown, "a symbolic link to nothing (dangling)")
        if within is not None and p.is_symlink() and not p.resolve().is_relative_to(within.resolve()):
            raise InputError(shown, "a symbolic link to a file outside the folder: not read")
        if not p.exists():
            raise InputError(shown, "no such file")
        if not p.is_file():
            raise InputError(shown, "not a regular file")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(shown, f"too large ({size / 1e6:.1f} MB; an article may be at most "
                                    f"{max_bytes / 1e6:.0f} MB)")
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(shown, f"cannot read ({exc.strerror or exc})") from None
    text, encoding = decode(raw, shown)
    sidecar = p.with_suffix(".meta")
    overrides = _parse_meta_lines(_read_sidecar(sidecar)) if sidecar.is_file() else {}
    return article_from_text(text, path=shown, encoding=encoding, meta_overrides=overrides,
                             evidence_name=sidecar.name)


def article_from_text(text: str, *, path: str = "<text>", encoding: str = "utf-8",
                      meta_overrides: dict[str, str] | None = None,
                      evidence_name: str = "sidecar") -> Article:
    """Build an Article from already-decoded text (header block parsed, boilerplate found)."""
    from kursk_map.articles.boilerplate import find_boilerplate

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, cleaned = clean_text(text)
    if not text.strip():
        raise InputError(path, "empty file (no text)")
    header, body_start = _parse_header(text)
    values = {**header, **(meta_overrides or {})}
    date = None
    evidence = None
    if values.get("date"):
        date = _parse_iso_date(values["date"], path)
        evidence = f"{'sidecar ' + evidence_name if 'date' in (meta_overrides or {}) else 'header'}: Date: {values['date']}"
    url, notices = values.get("url"), [Notice(path, note) for note in cleaned]
    if url is not None and web_url(url) is None:
        notices.append(Notice(path, f"URL {url[:80]!r} ignored: only http and https addresses are kept"))
        url = None
    meta = ArticleMeta(title=values.get("title"), publisher=values.get("publisher"), date=date,
                       url=url, author=values.get("author"), date_inferred=False,
                       date_evidence=evidence)
    if not text[body_start:].strip():
        raise InputError(path, "no article text after the header block")
    return Article(path=path, text=text, meta=meta, body_start=body_start,
                   boilerplate=find_boilerplate(text, body_start), encoding=encoding, notices=tuple(notices))


# Invisible characters that split a word without showing: zero-width space, non-joiner and joiner,
# soft hyphen, word joiner, byte-order mark inside the text, and the bidirectional marks and
# embeddings. "Kore\u200fnevo" is Korenevo to every reader, and must be to the geoparser.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Latin and Cyrillic letters drawn alike: in a word written mostly in one script, a letter of
# the other is that script's twin ("Sudzhа" with a Cyrillic а).
_TWINS = dict(zip("aceopxyiABCEHKMOPTXIJS", "асеорхуіАВСЕНКМОРТХІЈЅ"))
_TO_LATIN = {c: latin for latin, c in _TWINS.items()}
# A Latin and a Cyrillic letter in one word (no regex look-around at every word: this runs on every
# article); the word around each such pair is then put back in its own script.
_MIXED_PAIR = re.compile(r"[A-Za-z]\w*?[\u0400-\u04ff]|[\u0400-\u04ff]\w*?[A-Za-z]")
_WORD_END = re.compile(r"\w*")
_CYRILLIC = re.compile("[\u0400-\u04ff]")  # most articles have none: then no word is mixed
_SUSPECT = re.compile(_INVISIBLE.pattern[:-1] + "\u0400-\u04ff]")
_WORD_CHAR = re.compile(r"\w")


def clean_text(text: str) -> tuple[str, list[str]]:
    """``text`` without invisible characters and with look-alike letters of the other script in a
    word put back in its own; what was changed, as notes.

    >>> clean_text("Kore\u200fnevo and Sudzh\u0430")
    ('Korenevo and Sudzha', ['removed 1 invisible character (zero-width, soft hyphen or direction mark)', 'replaced look-alike letters of the other script in 1 word'])
    """
    notes = []
    if text.isascii() or not _SUSPECT.search(text):
        return text, notes  # the common case, found in one pass
    stripped, n = _INVISIBLE.subn("", text)
    if n:
        notes.append(f"removed {n} invisible character{'s' if n > 1 else ''} (zero-width, soft hyphen or "
                     f"direction mark)")
    pieces, cursor, fixed = [], 0, 0
    for m in _MIXED_PAIR.finditer(stripped) if _CYRILLIC.search(stripped) else ():
        if m.start() < cursor:
            continue  # inside a word already put right
        start = m.start()
        while start > cursor and _WORD_CHAR.match(stripped, start - 1):
            start -= 1
        end = _WORD_END.match(stripped, m.end()).end()
        word = stripped[start:end]
        latin = sum(1 for ch in word if "a" <= ch.lower() <= "z")
        cyrillic = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
        table = _TO_LATIN if latin >= cyrillic else _TWINS
        out = "".join(table.get(ch, ch) for ch in word)
        fixed += out != word
        pieces += [stripped[cursor:start], out]
        cursor = end
    if pieces:
        stripped = "".join(pieces) + stripped[cursor:]
    if fixed:
        notes.append(f"replaced look-alike letters of the other script in {fixed} word{'s' if fixed > 1 else ''}")
    return stripped, notes


def web_url(value) -> str | None:
    """``value`` if it is an http or https address that a page may link to, else None.

    Anything else a header or a corrections file gives (``javascript:``, ``data:``, a
    scheme hidden behind spaces or control characters) is never written as a link.

    >>> web_url("https://example.org/a?b=1"), web_url(" JaVaScRiPt:alert(1)"), web_url("java\tscript:x")
    ('https://example.org/a?b=1', None, None)
    """
    if not isinstance(value, str) or value != value.strip() or not value:
        return None
    if any(unicodedata.category(ch)[0] in "CZ" for ch in value):
        return None  # whitespace, control and invisible characters: browsers strip some of them
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or not value.lower().startswith(("http://", "https://")):
        return None
    return value


def decode(raw: bytes, shown: str) -> tuple[str, str]:
    """Decode bytes as UTF-8, or as the single-byte code page they evidently use.

    >>> decode("Суджа".encode("cp1251"), "x")
    ('Суджа', 'cp1251')
    >>> decode("Sudža".encode("utf-8"), "x")
    ('Sudža', 'utf-8')
    """
    if not raw.strip():
        raise InputError(shown, "empty file (no text)")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError:
                raise InputError(shown, f"starts with a {codec} byte-order mark but is not valid {codec}") from None
    if b"\x00" in raw[:65536] or _control_share(raw[:65536]) > 0.05:
        raise InputError(shown, "binary file, not text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # In cp1251 the Cyrillic alphabet is 0xC0-0xFF, so Russian words are runs of high
    # bytes; in Latin-1 / cp1252 text accented letters stand alone between ASCII ones.
    runs = [len(m.group()) for m in re.finditer(rb"[\x80-\xff]+", raw)]
    # Prose in any alphabet has spaces between its words; bytes that decode to a wall of
    # letters are binary data or an encoding we cannot tell.
    if len(raw) > 200 and raw.count(b" ") + raw.count(b"\n") < len(raw) * 0.03:
        raise InputError(shown, "not text in UTF-8, cp1251 or Latin-1 (no spaces between words: binary or "
                                "an unknown encoding)")
    if sum(n for n in runs if n >= 3) / sum(runs) > 0.5:
        try:
            return raw.decode("cp1251"), "cp1251"
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def _control_share(chunk: bytes) -> float:
    if not chunk:
        return 0.0
    controls = sum(1 for b in chunk if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D))
    return controls / len(chunk)


def _read_sidecar(path: Path) -> str:
    try:
        return decode(path.read_bytes(), str(path))[0]
    except OSError as exc:
        raise InputError(str(path), f"cannot read metadata sidecar ({exc.strerror or exc})") from None


def _parse_meta_lines(text: str) -> dict[str, str]:
    values = {}
    for line in text.splitlines():
        m = _HEADER_LINE.match(line)
        if m and m.group(2):
            values[m.group(1).lower()] = m.group(2)
    return values


def _parse_header(text: str) -> tuple[dict[str, str], int]:
    """The ``Key: value`` block at the top, ended by a blank line, and where the body starts."""
    values: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl == -1 else nl
        line = text[pos:line_end]
        m = _HEADER_LINE.match(line)
        if not m:
            break
        if m.group(2):
            values[m.group(1).lower()] = m.group(2)
        pos = line_end + 1
    if not values:
        return {}, 0
    if pos < len(text) and text[pos:].startswith("\n"):
        pos += 1  # the blank line that ends the block
    return values, min(pos, len(text))


def _parse_iso_date(value: str, path: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(path, f"metadata Date {value!r} is not a date (use YYYY-MM-DD)") from None
