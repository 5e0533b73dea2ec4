"""Antecedents of "he" and "she" across sentences, shared by attribution and events.

News prose keeps its topic person in subject position ("Mahathir has been outspoken …
In April he called …"); people named in objects and prepositional phrases are rarely
what a later "he" means. So a personal pronoun stands for the latest earlier person
mention that is the subject of its clause. Why by hand: a trained coreference model
(``coreferee``) needs a model download and several times the parse time (see
docs/stages/actors.md); this rule costs one pass over the mentions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventwire.model import Actor
from eventwire.nlp import span_root

#: spaCy's dependency labels of a clause subject and tags of plural nouns (the parser
#: contract, not knowledge to tune).
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_PLURAL_TAGS = ("NNS", "NNPS")


def is_subject(doc: Any, actor: Actor) -> bool:
    """Whether the mention is the singular subject of its clause."""
    root = span_root(doc, actor.start, actor.end)
    return root is not None and root.dep_ in _SUBJECT_DEPS and root.tag_ not in _PLURAL_TAGS


def person_before(doc: Any, actors: Sequence[Actor], offset: int, *, after: int = -1) -> Actor | None:
    """The latest person mention ending before ``offset`` (and starting after ``after``)
    that is a clause subject; ``actors`` in text order."""
    for actor in reversed(actors):
        if actor.start <= after:
            return None
        if actor.end <= offset and actor.kind == "person" and is_subject(doc, actor):
            return actor
    return None
