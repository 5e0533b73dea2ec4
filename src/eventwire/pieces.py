"""Long articles are read in paragraph-bounded pieces, so cost stays linear in the text.

Why: spaCy needs about 1 GB of working memory per 100,000 characters parsed at once,
and several of our document-level rules (coreference, quote pairing) compare each
mention with the others before it, so one 4.9 MB "article" grew past 12 GB. A text
longer than :data:`DEFAULT_PIECE_CHARS` is cut at paragraph breaks (a paragraph
longer than that at a space, else at the bound) into pieces that go through every
stage one at a time; their results are shifted back to the article's offsets and
renumbered, so ``article.text[start:end] == span.text`` holds exactly as for a short
article. The price: an actor first named in one piece is not linked to a later
mention in another. No news story comes near the bound (the longest of the 89 VOA
stories is 7,108 characters).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import overload

from eventwire.clean import paragraphs
from eventwire.config import DEFAULT_PIECE_CHARS
from eventwire.model import Actor, Article, Attribution, Event, Excluded, Result, Role, Source, Span


def bounds(text: str, limit: int = DEFAULT_PIECE_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive ``(start, end)`` pieces of at most ``limit`` characters.

    The pieces cover the text exactly, in order; cuts fall at the start of a paragraph
    where one fits, else after a space, else at the bound itself.
    """
    if len(text) <= limit:
        return [(0, len(text))]
    cuts = [0]
    fitting: int | None = None  # the last paragraph start that still fits in the piece
    for start in [*(s for s, _ in paragraphs(text)), len(text)]:
        while start - cuts[-1] > limit:
            fits = fitting is not None and fitting > cuts[-1]
            cuts.append(fitting if fits and fitting is not None else _cut_inside(text, cuts[-1], limit))
            fitting = None
        fitting = start
    return [(a, b) for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True) if b > a]


def _cut_inside(text: str, start: int, limit: int) -> int:
    """Where to end a piece that starts at ``start`` inside one overlong paragraph."""
    end = start + limit
    space = max(text.rfind(" ", start + limit // 2, end), text.rfind("\n", start + limit // 2, end))
    return space + 1 if space >= 0 else end


def piece_article(article: Article, start: int, end: int) -> Article:
    """The article cut to one piece; its excluded regions shifted (and clipped) to it."""
    regions = tuple(
        Excluded(r.kind, max(r.start, start) - start, min(r.end, end) - start)
        for r in article.excluded if r.end > start and r.start < end
    )
    return article.with_changes(text=article.text[start:end], excluded=regions)


def merge(article: Article, parts: list[tuple[int, Result]]) -> Result:
    """One Result for the whole article from ``(offset, piece result)`` pairs."""
    actors: list[Actor] = []
    attributions: list[Attribution] = []
    events: list[Event] = []
    for offset, result in parts:
        ids = _Renumber(len(actors), len(attributions), len(events))
        actors += [_actor(a, offset, ids) for a in result.actors]
        attributions += [_attribution(q, offset, ids) for q in result.attributions]
        events += [_event(e, offset, ids) for e in result.events]
    return Result(article, tuple(actors), tuple(attributions), tuple(events))


class _Renumber:
    """Maps a piece's ids (``a3``, ``q1``, ``e2``) to the article's, after earlier pieces."""

    def __init__(self, actors: int, attributions: int, events: int) -> None:
        self.base = {"a": actors, "q": attributions, "e": events}

    @overload
    def __call__(self, identifier: str) -> str: ...
    @overload
    def __call__(self, identifier: None) -> None: ...
    def __call__(self, identifier: str | None) -> str | None:
        if identifier is None:
            return None
        prefix, number = identifier[0], identifier[1:]
        return f"{prefix}{int(number) + self.base[prefix]}"


def _span(span: Span, offset: int) -> Span:
    return Span(span.text, span.start + offset, span.end + offset)


def _actor(actor: Actor, offset: int, ids: _Renumber) -> Actor:
    return replace(actor, id=ids(actor.id), start=actor.start + offset, end=actor.end + offset,
                   refers_to=ids(actor.refers_to))


def _attribution(quote: Attribution, offset: int, ids: _Renumber) -> Attribution:
    source = quote.source
    if source is not None:
        source = Source(source.text, source.start + offset, source.end + offset, ids(source.actor), source.anonymous)
    return replace(
        quote, id=ids(quote.id), content=_span(quote.content, offset), source=source,
        cue=_span(quote.cue, offset) if quote.cue else None,
        content_parts=tuple(_span(p, offset) for p in quote.content_parts),
    )


def _role(role: Role | None, ids: _Renumber) -> Role | None:
    return replace(role, actor=ids(role.actor)) if role is not None else None


def _event(event: Event, offset: int, ids: _Renumber) -> Event:
    return replace(
        event, id=ids(event.id), trigger=_span(event.trigger, offset), sentence=_span(event.sentence, offset),
        source=_role(event.source, ids), target=_role(event.target, ids), attribution=ids(event.attribution),
    )


def pieces(article: Article, limit: int) -> Iterator[tuple[int, Article]]:
    """``(offset, piece article)`` for each piece of ``article``."""
    for start, end in bounds(article.text, limit):
        yield start, piece_article(article, start, end)
