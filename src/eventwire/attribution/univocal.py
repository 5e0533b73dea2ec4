"""One voice per token: which attributions to keep when they overlap.

PolNeAR is univocal: each token belongs to at most one attribution's source, cue or
content. A cue inside a quote, or inside another attribution's content, is part of
what that source says, so it goes first; then outer cues (nearer the root of the
parse) claim their spans before inner ones.
"""

from __future__ import annotations

from typing import Any

from eventwire.attribution.cues import CueMatch, Span, Spans, merge_spans
from eventwire.attribution.cues.syntax import inside, overlaps
from eventwire.attribution.quotes import Quote
from eventwire.attribution.thresholds import THRESHOLDS

__all__ = ["drop_quoted_cues", "keep_univocal"]

#: Separators trimmed from the ends of a content piece after cutting.
_EDGE = " \t\n\r\u00a0,;:—–-"
#: Most head links followed when measuring a token's depth (a guard against a
#: malformed parse; spaCy's trees are far shallower).
_MAX_DEPTH = 50


def _speech(quotes: list[Quote]) -> Spans:
    """Quotes long enough to hold speech of their own (``min_nesting_quote_chars``)."""
    return [(q.start, q.end) for q in quotes if q.end - q.start > THRESHOLDS.min_nesting_quote_chars]


def drop_quoted_cues(found: list[CueMatch], quotes: list[Quote]) -> list[CueMatch]:
    """Drop cues inside a quote: they are part of what the quote's speaker says."""
    speech = _speech(quotes)
    return [f for f in found if not inside((f.cue[0][0], f.cue[-1][1]), speech)]


def keep_univocal(doc: Any, found: list[CueMatch], quotes: list[Quote]) -> list[CueMatch]:
    """Keep each token in one attribution.

    A cue inside a quote, or inside another attribution's content, is part of what
    that source says (PolNeAR is univocal), so it goes first; then outer cues (nearer
    the root) win overlaps. Kept matches have their content cut to what is theirs.
    """
    text = doc.text
    live = [f for f in found if f.content]
    nested = _nested(live, _speech(quotes))
    kept: list[CueMatch] = []
    claimed: Spans = []
    order = sorted(
        (f for f in live if id(f) not in nested),
        key=lambda f: (_depth(doc[f.cue_token]) if f.cue_token >= 0 else 0, f.cue[0][0]),
    )
    for f in order:
        cue = (f.cue[0][0], f.cue[-1][1])
        if any(overlaps(cue, c) for c in claimed):
            continue
        content = [c for c in f.content if not any(overlaps(c, k) for k in claimed)]
        if not content:
            continue
        content = _subtract(text, merge_spans(content, join_adjacent=False),
                            [cue, *([f.source] if f.source else [])])
        if not content:
            continue
        f.content = content
        kept.append(f)
        claimed.extend(f.content)
        claimed.append(cue)
        if f.source is not None:
            claimed.append(f.source)
    return kept


def _nested(live: list[CueMatch], speech: Spans) -> set[int]:
    """Ids of the matches whose cue lies inside a quote or inside another match's
    content (and not the other way round)."""
    cues = {id(f): (f.cue[0][0], f.cue[-1][1]) for f in live}
    nested = set()
    for f in live:
        cue = cues[id(f)]
        if inside(cue, speech):
            nested.add(id(f))
            continue
        for g in live:
            if g is not f and inside(cue, g.content) and not inside(cues[id(g)], f.content):
                nested.add(id(f))
                break
    return nested


def _depth(token: Any) -> int:
    """Number of head links from ``token`` up to its sentence root."""
    depth = 0
    while token.head.i != token.i and depth < _MAX_DEPTH:
        token = token.head
        depth += 1
    return depth


def _subtract(text: str, pieces: Spans, holes: list[Span]) -> Spans:
    """Content pieces minus the cue and source (a parse can run a quote into its
    speaker: "“…,” the chief inspector said"), trimmed of separators."""
    for hs, he in holes:
        cut = []
        for s, e in pieces:
            if he <= s or hs >= e:
                cut.append((s, e))
                continue
            if s < hs:
                cut.append((s, hs))
            if he < e:
                cut.append((he, e))
        pieces = cut
    out = []
    for s, e in pieces:
        while s < e and text[s] in _EDGE:
            s += 1
        while e > s and text[e - 1] in _EDGE:
            e -= 1
        if e > s:
            out.append((s, e))
    return out
