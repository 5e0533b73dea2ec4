"""Syntax and span helpers shared by the cue rules.

- paragraphs: :func:`paragraph_ids` numbers the paragraph of each token, once per
  article; every span the rules cut stays inside its anchor's paragraph;
- spans: :func:`trim`, :func:`subtree_span`, :func:`head_and_particles`,
  :func:`merge_spans`, :func:`overlaps`, :func:`inside`;
- dependencies: :func:`preposition_objects`, :func:`has_that_mark`,
  :func:`is_passive`, :func:`passive_agent`;
- speakers: :func:`speaker_subject` climbs from a cue to the subject that speaks it.
  (The events stage has its own subject rule for an event's source actor; this one is
  only for the speaker of a cue.)

The dependency label sets here are spaCy's English grammar (ClearNLP labels), part of
the parser's contract rather than knowledge to tune, so they stay in code.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Any

from eventwire.attribution.cues.match import Span, Spans
from eventwire.attribution.quotes import paragraph_spans

__all__ = [
    "CUE_SUBJECT_DEPS", "ParagraphIds", "has_that_mark", "head_and_particles", "inside", "is_passive", "merge_spans",
    "overlaps", "paragraph_ids", "passive_agent", "preposition_objects", "speaker_subject",
    "subtree_span", "trim",
]

#: Paragraph number of each token of one doc, by token index.
ParagraphIds = Sequence[int]

#: Dependencies of a cue's own subject, the speaker as written.
CUE_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
#: Dependencies by which a cue inherits its subject from the word it hangs from:
#: conjoined verbs, infinitives, gerunds and participles ("…, saying that …").
_INHERITS_SUBJECT = ("conj", "xcomp", "advcl", "acl")
#: Separators cut from the ends of a span (quotation marks are kept: a quoted content
#: includes its marks).
_PUNCT_TRIM = frozenset(",;:-–—.")


def paragraph_ids(doc: Any, breaks: Iterable[int] = ()) -> tuple[int, ...]:
    """Paragraph number of each token of ``doc``.

    The parser sometimes links words across paragraphs (a headline to the first
    sentence, a blanked caption to the next paragraph); every span the rules cut is
    kept inside its anchor's paragraph. Computed once per article by the stage and
    passed down.

    Args:
        doc: the spaCy parse of one article.
        breaks: more character offsets where a paragraph starts (the headline end).

    Returns:
        For each token index, the number of paragraph starts at or before the token.
    """
    starts = sorted({s for s, _ in paragraph_spans(doc.text)} | set(breaks))
    return tuple(bisect.bisect_right(starts, token.idx) for token in doc)


def trim(tokens: list[Any]) -> Span | None:
    """Character span of ``tokens`` without leading or trailing separators.

    Quotation marks are kept: a quoted content includes its marks.
    """
    lo, hi = 0, len(tokens)
    while lo < hi and (tokens[lo].is_space or tokens[lo].text in _PUNCT_TRIM):
        lo += 1
    while hi > lo and (tokens[hi - 1].is_space or tokens[hi - 1].text in _PUNCT_TRIM):
        hi -= 1
    if lo >= hi:
        return None
    return tokens[lo].idx, tokens[hi - 1].idx + len(tokens[hi - 1])


def subtree_span(token: Any, para: ParagraphIds, *, anchor: Any | None = None) -> Span | None:
    """Character span of a token's subtree within the anchor's paragraph, trimmed.

    ``anchor`` (default: the token) picks the paragraph; the span is cut at the
    anchor side's paragraph break.
    """
    doc = token.doc
    home = para[(anchor or token).i]
    left, right = token.left_edge.i, token.right_edge.i
    tokens = [doc[i] for i in range(left, right + 1) if para[i] == home]
    return trim(tokens)


def merge_spans(spans: Spans, *, join_adjacent: bool) -> Spans:
    """Sort ``spans`` and merge the ones that overlap.

    Args:
        spans: character spans.
        join_adjacent: also join spans at most one character apart: the words of one
            cue ("pointed out", "called for") become one span. Without it only
            overlapping spans merge, so the separate pieces of a content stay apart.
    """
    reach = 1 if join_adjacent else -1
    out: Spans = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1] + reach:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def head_and_particles(token: Any) -> Spans:
    """The cue's own words: the head plus its particles ("pointed *out*"), as spans."""
    ids = [token.i] + [c.i for c in token.children if c.dep_ == "prt"]
    ids.sort()
    doc = token.doc
    return merge_spans([(doc[i].idx, doc[i].idx + len(doc[i])) for i in ids], join_adjacent=True)


def overlaps(a: Span, b: Span) -> bool:
    """Whether two character spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def inside(span: Span, pieces: Iterable[Span]) -> bool:
    """Whether ``span`` lies within one of ``pieces``."""
    return any(s <= span[0] and span[1] <= e for s, e in pieces)


def preposition_objects(prep: Any, deps: tuple[str, ...] = ("pobj", "pcomp")) -> list[Any]:
    """The objects of a preposition ("to *X*", "about *leaving*"), by dependency."""
    return [g for g in prep.children if g.dep_ in deps]


def has_that_mark(clause: Any) -> bool:
    """Whether a clause opens with "that" as its complementizer ("said *that* …")."""
    return any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)


def is_passive(token: Any) -> bool:
    """Whether a verb is passive: it has a passive subject or auxiliary."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def passive_agent(token: Any) -> Any | None:
    """The object of a passive verb's ``by``-agent ("was criticized by *X*")."""
    for child in token.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def speaker_subject(token: Any, depth: int = 0) -> Any | None:
    """The subject that speaks a cue verb, inherited through conj, xcomp, gerunds and ``acl``.

    "…, saying that …" and "by arguing that …" take the governing verb's subject; "a
    statement saying …" takes the noun it modifies. Climbs at most four links.
    """
    for child in token.children:
        if child.dep_ in CUE_SUBJECT_DEPS:
            return child
    if depth > 3 or token.head.i == token.i:
        return None
    head = token.head
    if token.dep_ == "pcomp" and head.head.i != head.i:
        return speaker_subject(head.head, depth + 1)
    if token.dep_ in _INHERITS_SUBJECT:
        if head.pos_ in ("NOUN", "PROPN") and token.dep_ in ("acl", "advcl"):
            return head
        return speaker_subject(head, depth + 1)
    return None
