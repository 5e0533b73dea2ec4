"""Quotation-mark scanning: direct quotes as character spans, paragraph by paragraph.

Handles straight and curly double quotes, guillemets, doubled apostrophes used as
double quotes (an archive typesetting style), straight and curly single quotes in
headlines, quotes that run over several paragraphs (an opening mark with
no closing one at the paragraph end, the next paragraph reopening), and nested
quotes (inner marks of the other style stay inside the outer quote). An unbalanced
mark spoils one paragraph at most: scanning restarts at every paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from eventwire.clean import paragraphs

#: Opening mark -> the closing marks that end it.
_PAIRS: dict[str, str] = {
    "“": "”\"",
    "„": "“”\"",
    "«": "»",
    "\"": "\"”",
    "”": "”\"",  # a right mark used as an opening one (seen in pasted text)
}
_DOUBLE = frozenset("“”„\"«»")
_SINGLE_OPEN = {"‘": "’'", "'": "'’"}
# A single quote only counts in headlines, where news style uses it for speech; in
# body text it is far more often an apostrophe.
_WORD = str.isalnum


@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted stretch: ``start`` at the opening mark, ``end`` after the closing one.

    ``closed`` is False when the paragraph ended before a closing mark.
    """

    start: int
    end: int
    closed: bool = True


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph, as the clean stage finds them."""
    return list(paragraphs(text))


def _is_opening(text: str, i: int, lo: int) -> bool:
    """A straight mark opens when it follows a space, an opening bracket or the start."""
    return i == lo or not (_WORD(text[i - 1]) or text[i - 1] in ".,!?;:)]’”")


def _double_apostrophe_end(text: str, i: int, hi: int) -> int | None:
    """End of a doubled-apostrophe quote opened at ``i``: after the next doubled
    apostrophe not followed by a letter (an inner single quote may close with it)."""
    j = text.find("''", i + 2, hi)
    while j != -1:
        k = j + 2
        while k < hi and text[k] == "'":
            k += 1  # three marks: an inner single quote closes with the outer one
        if k >= hi or not _WORD(text[k]):
            return k
        j = text.find("''", k, hi)
    return None


def _scan(text: str, lo: int, hi: int) -> Iterator[Quote]:
    i = lo
    while i < hi:
        ch = text[i]
        if ch == "'" and text.startswith("''", i) and _is_opening(text, i, lo):
            end = _double_apostrophe_end(text, i, hi)
            if end is None:
                yield Quote(i, hi, closed=False)
                return
            yield Quote(i, end)
            i = end
            continue
        if ch in _PAIRS and (ch not in "\"”" or _is_opening(text, i, lo)):
            closers = _PAIRS[ch]
            j = i + 1
            while j < hi and text[j] not in closers:
                j += 1
            if j < hi:
                yield Quote(i, j + 1)
                i = j + 1
                continue
            # No closing mark before the paragraph ends: the quote runs to its end.
            yield Quote(i, hi, closed=False)
            return
        i += 1


def _scan_single(text: str, lo: int, hi: int) -> Iterator[Quote]:
    i = lo
    while i < hi:
        ch = text[i]
        if ch in _SINGLE_OPEN and _is_opening(text, i, lo):
            j = i + 1
            while j < hi:
                # A closing single mark is followed by a non-letter (not "don't").
                if text[j] in _SINGLE_OPEN[ch] and (j + 1 >= hi or not _WORD(text[j + 1])):
                    break
                j += 1
            if j < hi and j > i + 1:
                yield Quote(i, j + 1)
                i = j + 1
                continue
        i += 1


def find_quotes(text: str, *, headline: tuple[int, int] | None = None) -> list[Quote]:
    """Find quoted stretches of ``text`` in text order.

    Args:
        text: the article text (or the parser's text, same offsets).
        headline: the headline's ``(start, end)``; single quotes count only there.

    Returns:
        Quotes, each within one paragraph. A quote left open at a paragraph end is
        returned with ``closed=False`` and ends at that paragraph's end.
    """
    quotes: list[Quote] = []
    for lo, hi in paragraph_spans(text):
        found = list(_scan(text, lo, hi))
        if headline and lo >= headline[0] and hi <= headline[1] and not found:
            found = list(_scan_single(text, lo, hi))
        quotes.extend(found)
    return quotes


#: Every double quotation mark and guillemet, as a set.
QUOTE_MARKS = frozenset(_DOUBLE)


def is_quote_mark(ch: str) -> bool:
    """True for any double quotation mark or guillemet."""
    return ch in _DOUBLE


_DOUBLED = "''"


def opens_quote(piece: str) -> bool:
    """True when ``piece`` starts with a double mark, guillemet or doubled apostrophe."""
    return bool(piece) and (piece[0] in _DOUBLE or piece.startswith(_DOUBLED))


def closes_quote(piece: str) -> bool:
    """True when ``piece`` ends with a double mark, guillemet or doubled apostrophe."""
    return bool(piece) and (piece[-1] in _DOUBLE or piece.endswith(_DOUBLED))
