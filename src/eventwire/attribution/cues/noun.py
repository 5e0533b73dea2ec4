"""Cue nouns and adjectives: "X's claim that …", "criticism of X by Y".

Content: a "that"-clause of the noun, else the object of a content preposition ("calls
for X", the preposition joining the cue). Source: a possessive ("X's claim"), else the
object of a source preposition ("a statement by X", the last one written). A noun
with no content is no cue: "the statement" alone reports nothing.
"""

from __future__ import annotations

from typing import Any

from eventwire.attribution.cues.match import CueMatch, Span, Spans
from eventwire.attribution.cues.source import SourceRef
from eventwire.attribution.cues.syntax import (
    ParagraphIds,
    has_that_mark,
    head_and_particles,
    merge_spans,
    preposition_objects,
    subtree_span,
)
from eventwire.attribution.words import CUE_WORDS

__all__ = ["read_noun"]

#: Clauses of a cue noun that hold its content ("the claim that …").
_CLAUSES = ("acl", "ccomp", "relcl")


def read_noun(token: Any, para: ParagraphIds) -> CueMatch | None:
    """The attribution of the cue noun or adjective ``token``, or None without content."""
    cue = head_and_particles(token)
    content, cue = _content(token, cue, para)
    source, source_token = _source(token, para)
    if content is None:
        return None
    return CueMatch(cue, [content], source, source_token, token.i, "noun")


def _content(token: Any, cue: Spans, para: ParagraphIds) -> tuple[Span | None, Spans]:
    """The content and the cue, widened by a content preposition when that gives it."""
    for child in token.children:
        if child.dep_ in _CLAUSES and has_that_mark(child):
            content = subtree_span(child, para, anchor=token)
            if content is not None:
                return content, cue
            break  # an empty clause: try the prepositions
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in CUE_WORDS.noun_content_prepositions:
            objects = preposition_objects(child)
            if objects:
                content = subtree_span(objects[0], para, anchor=token)
                return content, merge_spans([*cue, (child.idx, child.idx + len(child))],
                                            join_adjacent=True)
    return None, cue


def _source(token: Any, para: ParagraphIds) -> SourceRef:
    source: SourceRef = (None, None)
    for child in token.children:
        if child.dep_ == "poss":
            source = subtree_span(child, para, anchor=token), child.i
            break
    if source[0] is not None:
        return source
    # "a statement by X", "word from X": the last such preposition written wins.
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in CUE_WORDS.noun_source_prepositions:
            objects = preposition_objects(child, ("pobj",))
            if objects:
                source = subtree_span(objects[0], para, anchor=token), objects[0].i
    return source
