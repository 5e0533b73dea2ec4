"""Cue verbs: "said that …", "vowed to …", "released a statement", "pointed to X".

The content is read off the verb's dependents, trying in order (:data:`_CONTENT_TIERS`):

1. the clause it governs (``ccomp``, ``csubjpass``), joined with a second clause the
   parser split off;
2. an infinitive or gerund (``xcomp``) for wanting verbs and sure speech verbs;
3. its object, when verb and object report something ("released a statement", not
   "released prisoners": then the verb is literal);
4. a prepositional object ("pointed to X"), the preposition joining the cue;
5. a clause hanging from a medium noun ("said in a statement that …");
6. a passive subject ("the decision was seen as …"), unless the verb is literal.

Without any, a short speech verb that comments on the clause it hangs from ("X is
true, he said") takes that clause, and a raising verb ("appear to be …") takes its
subject and infinitive. The source comes from :mod:`.source`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventwire.attribution.cues.content import (
    clause_without,
    content_span,
    object_span,
    pieces_without,
    rstrip_index,
)
from eventwire.attribution.cues.lexicon import coarse_pos
from eventwire.attribution.cues.match import CueMatch, Span, Spans
from eventwire.attribution.cues.source import cue_source
from eventwire.attribution.cues.syntax import (
    ParagraphIds,
    has_that_mark,
    head_and_particles,
    is_passive,
    merge_spans,
    preposition_objects,
    subtree_span,
)
from eventwire.attribution.thresholds import THRESHOLDS
from eventwire.attribution.words import CUE_WORDS

if TYPE_CHECKING:
    from eventwire.attribution.cues.finder import CueFinder

__all__ = ["read_verb", "reports_that_clause"]

#: Clauses a cue verb governs as its content.
_CLAUSES = ("ccomp", "csubjpass")
#: Objects of a cue verb that may be its content.
_OBJECTS = ("dobj", "attr", "oprd")
#: Dependents that give a verb something to act on: a verb with one does not comment
#: on the clause it hangs from ("looking at the map", "hopped on a plane").
_COMPLEMENTS = frozenset(("dobj", "xcomp", "acomp", "attr", "oprd", "dative"))
#: How a commenting cue hangs from the clause it comments on ("X is true, he said").
_COMMENT_LINKS = ("parataxis", "ccomp", "advcl")
#: Clauses of a medium noun that hold the report ("a statement that …").
_MEDIUM_CLAUSES = ("acl", "ccomp", "relcl")


@dataclass(frozen=True, slots=True)
class _Verb:
    """One cue verb and what every tier reads of it."""

    token: Any
    children: list[Any]
    lemma: str
    finder: CueFinder
    para: ParagraphIds


@dataclass(slots=True)
class _Reading:
    """What the content tiers have read off a cue verb so far."""

    cue: Spans
    content: Span | None = None
    origin: str = "verb"
    #: The verb acts on its object ("found the money"): it reports nothing.
    literal: bool = False


def read_verb(token: Any, finder: CueFinder, para: ParagraphIds) -> CueMatch | None:
    """The attribution of the cue verb ``token``, or None (see the module docstring)."""
    verb = _Verb(token, list(token.children), token.lemma_.lower(), finder, para)
    reading = _read_content(verb)
    parts: Spans = [reading.content] if reading.content is not None else []
    origin = reading.origin
    if not parts and not reading.literal and _comments_on_head(verb):
        # "X is true, he said" / "X, he said, is true": the cue comments on the clause
        # it hangs from; the content is that clause without the cue's own words.
        parts = clause_without(token.head, token, para)
        origin = "parataxis"
    raising = verb.lemma in CUE_WORDS.raising
    if not parts and raising and any(c.dep_ == "xcomp" for c in verb.children):
        return _raising(verb, reading.cue)
    # "It seems that …", "he appeared to …": PolNeAR gives seem/appear no source
    # (train articles 0-839: no gold source in 94 of 128 matched contents).
    source, source_token = (None, None) if raising else cue_source(token, para)
    return CueMatch(reading.cue, parts, source, source_token, token.i,
                    origin if parts else "bare", passive=is_passive(token))


def reports_that_clause(token: Any) -> bool:
    """Any verb with a "that"-clause reports or believes something ("realized that …"),
    except the few listed as no cues (``cue_words.yaml``: "made sure that")."""
    if coarse_pos(token) != "VERB" or token.lemma_ in CUE_WORDS.not_cues:
        return False
    return any(c.dep_ == "ccomp" and has_that_mark(c) for c in token.children)


def _read_content(verb: _Verb) -> _Reading:
    """Try the content tiers in order until one finds a content."""
    reading = _Reading(head_and_particles(verb.token))
    for tier in _CONTENT_TIERS:
        if reading.content is not None:
            break
        tier(verb, reading)
    return reading


def _clause(verb: _Verb, reading: _Reading) -> None:
    for child in verb.children:
        if child.dep_ in _CLAUSES:
            content = content_span(child, verb.para, anchor=verb.token, finder=verb.finder)
            reading.content = _split_clause(verb, child, content)
            return


def _infinitive(verb: _Verb, reading: _Reading) -> None:
    """"vowed to retaliate", "suggested boycotting Apple": wanting verbs always, speech
    verbs when sure enough."""
    if not (verb.lemma in CUE_WORDS.wanting
            or verb.finder.rate(verb.token) >= THRESHOLDS.min_xcomp_rate):
        return
    for child in verb.children:
        if child.dep_ == "xcomp":
            reading.content = content_span(child, verb.para, anchor=verb.token, finder=verb.finder)
            return


def _object(verb: _Verb, reading: _Reading) -> None:
    finder, token = verb.finder, verb.token
    for child in verb.children:
        if child.dep_ in _OBJECTS and (not child.is_stop or child.pos_ == "PRON"):
            if not finder.object_sense(token, child, finder.object_rate(token)):
                reading.literal = True  # "found the money": an act, not a report
                return
            reading.content = object_span(token, child, verb.para)
            reading.origin = "object"
            return


def _preposition(verb: _Verb, reading: _Reading) -> None:
    """"pointed to X", "called for X": the preposition right after the verb joins the cue."""
    token = verb.token
    for child in verb.children:
        pair = verb.finder.preps.get((verb.lemma, child.lower_), 0)
        if child.dep_ == "prep" and child.i == token.i + 1 and pair >= THRESHOLDS.min_prep_rate:
            objects = preposition_objects(child)
            if objects:
                reading.content = subtree_span(objects[0], verb.para, anchor=token)
                reading.cue = merge_spans([*reading.cue, (child.idx, child.idx + len(child))],
                                          join_adjacent=True)
                reading.origin = "prep"
                return


def _medium(verb: _Verb, reading: _Reading) -> None:
    """"said in a statement that …": the clause hangs from the medium noun; the cue runs
    to the clause."""
    token = verb.token
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in CUE_WORDS.medium_prepositions:
            continue
        clause = next(
            (g for g in child.subtree if g.dep_ in _MEDIUM_CLAUSES and has_that_mark(g)), None,
        )
        if clause is not None:
            reading.content = content_span(clause, verb.para, anchor=token, finder=verb.finder)
            cue = merge_spans([*reading.cue, (child.idx, clause.left_edge.idx)], join_adjacent=True)
            reading.cue = [(cue[0][0], rstrip_index(token.doc, cue[-1][1]))]
            reading.origin = "medium"
            return


def _passive_subject(verb: _Verb, reading: _Reading) -> None:
    """Content of a cue with no clause or object of its own: the passive subject
    ("the decision was seen as …", "gestures were announced"). The noun a relative
    clause hangs from ("a deal she once supported") is not taken: on train it was
    content one time in six. Nor is a named person or body ("Obama was endorsed …"):
    on train articles 300-700 such a subject matched a gold content 7 times in 38."""
    if reading.literal:
        return
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if (subject is not None and subject.pos_ not in ("PRON", "DET")
            and subject.ent_type_ not in CUE_WORDS.speaker_entities):
        # "which was nominated", "it was declared": a pronoun is no content
        span = subtree_span(subject, verb.para, anchor=verb.token)
        reading.content = span
        if span:
            reading.origin = "passive"


#: The content tiers, tried in this order until one sets a content.
_CONTENT_TIERS: tuple[Callable[[_Verb, _Reading], None], ...] = (
    _clause, _infinitive, _object, _preposition, _medium, _passive_subject,
)


def _split_clause(verb: _Verb, clause: Any, content: Span | None) -> Span | None:
    """Join a second clause the parser hung from the cue right after the first, with
    nothing but "and", "but" or a comma between: one clause split in two by a misread
    participle ("noting that most of the money raised | would go to …"), or a second
    reported clause the parser hung from the cue instead of conjoining it to the first
    (train 0-839: content-match F1 +0.0004 over the adjacent-only join)."""
    if content is None:
        return None
    cue = verb.token
    after = clause.right_edge.i + 1
    doc = cue.doc
    nxt = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > clause.i
                and all(doc[i].lower_ in ("and", "but", ",") for i in range(after, c.left_edge.i))), None)
    if nxt is None:
        return content
    rest = content_span(nxt, verb.para, anchor=cue, finder=verb.finder)
    return (content[0], rest[1]) if rest is not None and rest[0] >= content[1] else content


def _comments_on_head(verb: _Verb) -> bool:
    """Whether a cue hanging from a clause comments on it ("X is true, he said"): a
    speech word (high lexicon rate) in a short clause of its own, with no object or
    complement ("looking at the map" and "hopped on a plane" act on something)."""
    cue = verb.token
    if cue.dep_ not in _COMMENT_LINKS or cue.head.i == cue.i:
        return False
    if verb.finder.lexicon.get((cue.lemma_.lower(), "VERB"), 0.0) < THRESHOLDS.min_comment_rate:
        return False
    if any(c.dep_ in _COMPLEMENTS for c in cue.children):
        return False
    return cue.right_edge.i - cue.left_edge.i < THRESHOLDS.max_comment_tokens


def _raising(verb: _Verb, cue: Spans) -> CueMatch | None:
    """"The figures appear to be fabricated": the subject and the infinitive, no source."""
    skip = {verb.token.i} | {c.i for c in verb.children if c.dep_ in ("aux", "neg")}
    parts = pieces_without(verb.token, skip, verb.para)
    return CueMatch(cue, parts, None, None, verb.token.i, "raising") if parts else None
