"""One attribution as the rules find it: character spans, before ids and kinds."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CueMatch", "Span", "Spans"]

#: A character span ``(start, end)`` into the parser's text (== ``article.text``).
Span = tuple[int, int]
Spans = list[Span]


@dataclass(slots=True)
class CueMatch:
    """One attribution found in a doc, as character spans (before ids and kinds).

    Mutable: the stage widens contents to whole quotes, adds the quotes that carry
    on, and cuts what another attribution claims.

    Attributes:
        cue: the cue's pieces (a verb and its particles, "according to", a dash).
        content: the content's pieces; empty for a bare cue still looking for a quote.
        source: the source as written, if any.
        source_token: the syntactic head of the source (for speaker resolution).
        cue_token: the cue's head token, -1 for a layout cue (dash, colon).
        origin: the rule that found it ("verb", "object", "according", "dash", ...).
        passive: the cue is a passive verb ("was seen as"): with no source, it still
            stops a quote from carrying on past it.
    """

    cue: Spans
    content: Spans
    source: Span | None = None
    source_token: int | None = None
    cue_token: int = -1
    origin: str = "verb"
    passive: bool = False

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def end(self) -> int:
        return max(e for _, e in self.content)
