""""According to X": X is the source, the clause the phrase hangs from the content.

PolNeAR keeps the whole phrase after "according to" as the source, relative clause
included; the content is the governing clause without the phrase, split in pieces
around it ("The talks, according to a diplomat, have stalled").
"""

from __future__ import annotations

from typing import Any

from eventwire.attribution.cues.match import CueMatch, Span, Spans
from eventwire.attribution.cues.syntax import ParagraphIds, subtree_span, trim

__all__ = ["read_according"]


def read_according(token: Any, para: ParagraphIds) -> CueMatch | None:
    """The attribution of "according" + "to" + object, or None when the parse lacks one.

    With no words left around the phrase the cue is bare (it may still take a quote).
    """
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    cue = [(token.idx, to.idx + len(to))]
    # PolNeAR keeps the whole phrase after "according to", relative clause included.
    source = subtree_span(pobj, para, anchor=token)
    parts = _pieces_around(token, _vouched_clause(token), para)
    if not parts:
        return CueMatch(cue, [], source, pobj.i, token.i, "bare")
    return CueMatch(cue, parts, source, pobj.i, token.i, "according")


def _vouched_clause(token: Any) -> Any:
    """The head of the clause the phrase vouches for: up to the nearest verb, then up
    through conjoined clauses."""
    head = token.head
    while head.dep_ not in ("ROOT",) and head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    # "X did this, and Y did that, according to Z": Z vouches for both clauses.
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head


def _pieces_around(token: Any, head: Any, para: ParagraphIds) -> Spans:
    """The head's clause in the phrase's paragraph, in trimmed pieces around the phrase.

    Words of another paragraph are dropped without splitting a piece (unlike
    :func:`~.content.pieces_without`, which splits there).
    """
    phrase = set(range(token.left_edge.i, token.right_edge.i + 1))
    doc = token.doc
    tokens = [doc[i] for i in range(head.left_edge.i, head.right_edge.i + 1)
              if para[i] == para[token.i]]
    pieces: list[Span | None] = []
    run: list[Any] = []
    for t in tokens:
        if t.i in phrase:
            if run:
                pieces.append(trim(run))
                run = []
            continue
        run.append(t)
    if run:
        pieces.append(trim(run))
    return [_drop_opener(doc, p) for p in pieces if p is not None]


def _drop_opener(doc: Any, piece: Span) -> Span:
    """"Separately, Malian police arrested …": a sentence adverb and its comma are the
    writer's link, not part of what the source says."""
    span = doc.char_span(piece[0], piece[1], alignment_mode="expand")
    if span is not None and len(span) > 3 and span[0].pos_ == "ADV" and span[1].text == ",":
        return span[2].idx, piece[1]
    return piece
