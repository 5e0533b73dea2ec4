"""Keep only noun cues that attribute a proposition (issue #12, attribution precision).

The cue lexicons are statistics over PolNeAR, whose notion of attribution is broad. Read
on other news, many noun cues were no attribution at all: "demand for books",
"pressure", "opposition to the farms", "questions about why". A found cue stays when

- it is a layout cue (a dash or colon line), its content is quoted, or its content
  holds a clause with a subject of its own (a proposition); or
- it is a verb whose source can say or think something (not "The decision assumes
  significance", "Footage showed troops entering": ``claims.yaml``: ``unthinking``;
  why other verbs are not filtered: ``claims.yaml``); or
- it is a noun of speech, stance or belief (``claims.yaml``: ``nouns``).

Why by hand: this is the project's definition of what counts as an attribution.
"""

from __future__ import annotations

import functools
from typing import Any

from eventwire.attribution.cues.match import CueMatch
from eventwire.attribution.quotes import QUOTE_MARKS as _QUOTE_MARKS
from eventwire.lexicons import load_yaml

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})


@functools.cache
def _words(key: str) -> frozenset[str]:
    data: Any = load_yaml("attribution/claims.yaml") or {}
    return frozenset(str(w) for w in data.get(key) or ())


def claims(doc: Any, text: str, found: list[CueMatch]) -> list[CueMatch]:
    """The matches that attribute a proposition (rules in the module docstring);
    ``text`` is ``doc.text``, read once by the caller."""
    return [f for f in found if _is_claim(doc, text, f)]


def _is_claim(doc: Any, text: str, found: CueMatch) -> bool:
    if found.cue_token < 0 or not found.content:
        return True  # a dash or colon line; a cue still waiting for its quote
    if any(not _QUOTE_MARKS.isdisjoint(text[s:e]) for s, e in found.content):
        return True
    if _has_clause(doc, found):
        return True  # a proposition
    cue = doc[found.cue_token]
    if cue.pos_ in ("NOUN", "PROPN"):
        # "demand for books", "pressure", "questions about why": a noun in another sense.
        return cue.lemma_.lower() in _words("nouns")
    # "The decision assumes significance", "Footage showed troops entering": a source
    # that cannot say or think anything, with no proposition.
    source = doc[found.source_token] if found.source_token is not None else None
    return source is None or source.lemma_.lower() not in _words("unthinking")


def _has_clause(doc: Any, found: CueMatch) -> bool:
    """Whether the content holds a verb with its own subject: a proposition."""
    for start, end in found.content:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            if token.pos_ in ("VERB", "AUX") and any(
                    c.dep_ in _SUBJECT_DEPS and span.start <= c.i < span.end for c in token.children):
                return True
    return False
