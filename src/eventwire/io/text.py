"""Plain-text reader: decode bytes to text exactly, refusing binary content.

Decoding order: UTF-8 with or without BOM, UTF-16 with BOM, then cp1252 (Windows
news exports) or latin-1, with a warning. Binary content (NUL bytes, many control
characters) is refused. Written by hand rather than with a charset detector because
the rule set is small, deterministic, and must never guess a CJK codec for latin-1.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from eventwire.errors import InputError
from eventwire.model import Article

_CONTROL_OK = {9, 10, 12, 13}
#: Share of control bytes above which content is taken for binary.
_BINARY_CONTROL_SHARE = 0.05


def looks_binary(data: bytes) -> bool:
    """True when ``data`` holds NUL bytes or many control characters."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _CONTROL_OK)
    return controls > _BINARY_CONTROL_SHARE * max(len(sample), 1)


def decode(data: bytes, origin: str, *, line: int | None = None) -> tuple[str, tuple[str, ...]]:
    """Decode article bytes; return the text and any warnings.

    Raises:
        InputError: for empty or binary content, naming ``origin``.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8", origin, line), ()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", origin, line), ()
    if not data.strip():
        raise InputError(origin, "empty input: no text to read", line=line)
    if looks_binary(data):
        raise InputError(origin, "binary content, not text (is this the right file?)", line=line)
    try:
        return _not_blank(data.decode("utf-8"), origin, line), ()
    except UnicodeDecodeError as e:
        position = e.start
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    warning = (
        f"not valid UTF-8 (byte {position}); read as {encoding}: "
        "check accented characters, or convert the file to UTF-8"
    )
    return _not_blank(text, origin, line), (warning,)


def _not_blank(text: str, origin: str, line: int | None) -> str:
    if is_blank(text):
        raise InputError(origin, "empty input: only white space or invisible characters", line=line)
    return text


def _strict(data: bytes, encoding: str, origin: str, line: int | None) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(origin, f"invalid {encoding} after its byte-order mark: {e}", line=line) from e
    return _not_blank(text, origin, line)


_SURROGATE = re.compile("[\ud800-\udfff]")
#: Characters that show nothing: a text made only of these (and white space) is empty.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Cc", "Zs", "Zl", "Zp"})


def is_blank(text: str) -> bool:
    """True when ``text`` holds no visible character.

    Why not ``str.strip``: it keeps zero-width spaces, joiners and byte-order marks
    (category Cf), which pasted web text is often made of.
    """
    return all(ch.isspace() or unicodedata.category(ch) in _INVISIBLE_CATEGORIES for ch in text)


def has_surrogate(text: str) -> bool:
    """True when ``text`` holds a lone surrogate (no UTF-8 encoder accepts one)."""
    return _SURROGATE.search(text) is not None


def repair_surrogates(text: str) -> tuple[str, int]:
    """Replace lone surrogates (from JSON escapes such as ``\\ud800``) with U+FFFD.

    Why repair rather than refuse: a lone surrogate is one broken character from a
    bad UTF-16 conversion upstream, not a bad article; U+FFFD has the same length, so
    every offset still indexes the text, and the rest of the article is kept.

    Returns:
        The repaired text and how many characters were replaced.
    """
    if not has_surrogate(text):
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


#: The article's string fields that reach the output and the store.
ARTICLE_TEXT_FIELDS = ("text", "title", "byline", "outlet", "published", "url", "origin", "id")


def repair_article(article: Article) -> Article:
    """The article with lone surrogates repaired in every string field, and one warning saying so."""
    changes: dict[str, str] = {}
    repaired = 0
    for name in ARTICLE_TEXT_FIELDS:
        value = getattr(article, name)
        if isinstance(value, str) and has_surrogate(value):
            changes[name], count = repair_surrogates(value)
            repaired += count
    if not repaired:
        return article
    note = f"{repaired} lone surrogate(s) (such as a JSON \\ud800 escape) replaced by U+FFFD"
    return article.with_changes(**changes, warnings=(*article.warnings, note))


def safe_origin(origin: str) -> str:
    """A file name that can be printed and stored: undecodable bytes shown as ``\\xNN``."""
    if not has_surrogate(origin):
        return origin
    try:  # a file name Python decoded with surrogateescape gives its raw bytes back
        raw = origin.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = origin.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")
