"""Quotation-mark scanning (``eventwire.attribution.quotes``)."""

from __future__ import annotations

import pytest

from eventwire.attribution.quotes import find_quotes, paragraph_spans


def _texts(text: str, **kw) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" today.', ['"we will win"']),
        ("He said “we will win” today.", ["“we will win”"]),
        ("Il a dit «nous gagnerons» hier.", ["«nous gagnerons»"]),
        ("“A,” she said, “B.”", ["“A,”", "“B.”"]),
        ("“Outer ‘inner’ end,” he said.", ["“Outer ‘inner’ end,”"]),
        ("''We will win,'' he said. ''Soon.''", ["''We will win,''", "''Soon.''"]),
        ("''I tell them, 'no way,''' she said.", ["''I tell them, 'no way,'''"]),
        ("It's the candidates' plan, he said.", []),
        ("''Open and never closed", ["''Open and never closed"]),
    ],
)
def test_attribution_quotes_styles(text, expected) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An opening mark with no closing one runs to the paragraph's end ...
        ("“First part.\n\n“Second part,” he said.", ["“First part.", "“Second part,”"]),
        # ... and an unbalanced mark spoils one paragraph, not the rest.
        ('Bad " mark here.\n\nThen “fine quote” later.', ['" mark here.', "“fine quote”"]),
    ],
)
def test_attribution_quotes_paragraphs(text, expected) -> None:
    assert _texts(text) == expected


def test_attribution_quotes_unclosed_flag() -> None:
    quotes = find_quotes("“Runs on\n\nand on.”")
    assert [q.closed for q in quotes] == [False]


@pytest.mark.parametrize(
    ("text", "headline", "expected"),
    [
        ("Trump: 'We will win big'\n\nBody text here.", (0, 24), ["'We will win big'"]),
        ("It's John's book 'maybe' here.\n\nBody.", None, []),
    ],
)
def test_attribution_quotes_single_in_headlines(text, headline, expected) -> None:
    assert _texts(text, headline=headline) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [("One.\n\nTwo.\n\nThree.", 3), ("Line one.\nLine two.", 2), ("One\nwrapped.\n\nTwo.", 2)],
)
def test_attribution_quotes_paragraph_spans(text, count) -> None:
    assert len(paragraph_spans(text)) == count
