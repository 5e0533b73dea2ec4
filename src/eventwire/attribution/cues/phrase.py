"""Phrase cues: "raised questions about X", "is critical of X", "made clear that …".

:mod:`eventwire.attribution.phrases` holds the phrase table and finds the phrases in a
doc; this module reads one match. Content: the object of a closing preposition (with
the verb's adjuncts after it), else a clause or infinitive governed by a phrase word,
else the object of a phrase verb. Source: a possessive ("X's criticism of Y"), else the
subject of the phrase's verb or of the copula ("X is critical of Y").

A noun or adjective phrase needs a holder (a possessive or its verb's subject): "an
attack on Israel" alone is an event, not a stance; one hanging from a speech verb
("said, in reference to X") belongs to that verb's attribution.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventwire.attribution.cues.content import content_span, object_span
from eventwire.attribution.cues.lexicon import coarse_pos
from eventwire.attribution.cues.match import CueMatch, Span, Spans
from eventwire.attribution.cues.source import SourceRef, cue_source
from eventwire.attribution.cues.syntax import ParagraphIds, preposition_objects, subtree_span, trim
from eventwire.attribution.phrases import phrase_root
from eventwire.attribution.words import CUE_WORDS

if TYPE_CHECKING:
    from eventwire.attribution.cues.finder import CueFinder

__all__ = ["read_phrase"]

#: Adjuncts of a phrase's verb after its object that stay in the content ("raising
#: questions about X during the debate").
_PHRASE_ADJUNCTS = frozenset(("prep", "npadvmod", "advmod", "dobj", "pobj", "dative"))
#: Links from a phrase word up to the verb whose subject holds the phrase's stance.
_STANCE_LINKS = frozenset(("attr", "acomp", "dobj", "oprd", "prep", "pobj", "advmod", "npadvmod"))


def read_phrase(tokens: list[Any], finder: CueFinder, para: ParagraphIds) -> CueMatch | None:
    """The attribution of a phrase match (its key words ``tokens``), or None."""
    root = phrase_root(tokens)
    content = _content(tokens, root, finder, para)
    if content is None:
        return None
    verb = _governing_verb(root)
    if (verb is not None and verb.i != root.i and verb.i not in {t.i for t in tokens}
            and finder.is_cue(verb)):
        return None  # "said, in reference to X": the speech verb's attribution
    source, source_token = _source(root, verb, para)
    if source is None and coarse_pos(root) != "VERB":
        return None
    return CueMatch(_cue(tokens, root, verb), [content], source, source_token, root.i, "phrase")


def _content(tokens: list[Any], root: Any, finder: CueFinder, para: ParagraphIds) -> Span | None:
    ids = {t.i for t in tokens}
    last = tokens[-1]
    if last.pos_ == "ADP":
        objects = preposition_objects(last)
        return _phrase_object(root, last, objects[0], para) if objects else None
    for t in tokens:
        clause = next((c for c in t.children if c.dep_ in ("ccomp", "xcomp") and c.i not in ids), None)
        if clause is not None:
            content = content_span(clause, para, anchor=root, finder=finder)
            if content is not None:
                return content
            break  # an empty clause: try the objects
    for t in tokens:
        obj = next((c for c in t.children if c.dep_ == "dobj" and c.i not in ids), None)
        if obj is not None and coarse_pos(t) == "VERB":
            return object_span(t, obj, para)
    return None


def _cue(tokens: list[Any], root: Any, verb: Any | None) -> Spans:
    first, last = tokens[0], tokens[-1]
    if verb is not None and verb.lemma_ == "be" and root.head.i == verb.i and verb.i < first.i:
        first = verb  # "is a staunch supporter of": the copula is part of the cue
    return [(first.idx, last.idx + len(last))]


def _source(root: Any, verb: Any | None, para: ParagraphIds) -> SourceRef:
    poss = next((c for c in root.children if c.dep_ == "poss"), None)
    if poss is not None:
        return subtree_span(poss, para, anchor=root), poss.i
    if verb is not None and verb.lemma_ not in CUE_WORDS.raising:
        # "seems like X" has no speaker; "X voted in favor of Y", "X is wary of Y" do
        return cue_source(verb, para)
    return None, None


def _phrase_object(root: Any, last: Any, obj: Any, para: ParagraphIds) -> Span | None:
    """The object of a phrase's closing preposition, with the verb's adjuncts after it."""
    doc = root.doc
    right = obj.right_edge.i
    if coarse_pos(root) == "VERB":
        for child in root.children:
            if child.i <= last.i:
                continue
            if child.dep_ not in _PHRASE_ADJUNCTS:
                break
            right = max(right, child.right_edge.i)
    home = para[root.i]
    return trim([doc[i] for i in range(obj.left_edge.i, right + 1) if para[i] == home])


def _governing_verb(root: Any) -> Any | None:
    """The phrase's own verb, or the verb a noun or adjective phrase hangs from
    ("X is critical of", "X voted in favor of", "X emerged as an advocate for")."""
    token = root
    for _ in range(4):
        if coarse_pos(token) == "VERB":
            return token
        if token.dep_ not in _STANCE_LINKS or token.head.i == token.i:
            return None
        token = token.head
    return None
