"""The source of a cue verb: who says it, as written.

Tried in order:

1. a bare participle ("Asked about the emails, Clinton said …"): only a ``by``-agent,
   never the subject of the verb it hangs from (who answers, not asks);
2. the verb's subject as written, relative clause and apposition included (PolNeAR's
   way), inherited through conjoined verbs and gerunds (:func:`~.syntax.speaker_subject`);
   for "a statement saying …" the noun without its clause;
3. the ``by``-agent of a passive ("was criticized by X"); a passive with no agent has
   no source ("lest it be interpreted as …");
4. when the parse gives no subject, or one in another paragraph or inside a quote
   before the cue: an inverted source after the cue ("…, says senior American
   official"), else the noun phrase written right before it.

The result is ``(span, head token index)``, or ``(None, None)``.
"""

from __future__ import annotations

from typing import Any

from eventwire.attribution.cues.lexicon import coarse_pos
from eventwire.attribution.cues.match import Span
from eventwire.attribution.cues.syntax import (
    ParagraphIds,
    is_passive,
    passive_agent,
    speaker_subject,
    subtree_span,
    trim,
)
from eventwire.attribution.thresholds import THRESHOLDS

__all__ = ["SourceRef", "cue_source"]

#: ``(span as written, head token index)``, or ``(None, None)`` for no source.
SourceRef = tuple[Span | None, int | None]

_NO_SOURCE: SourceRef = (None, None)
#: A participle hanging from a clause as an adverbial ("Asked whether …, X said").
_PARTICIPLE_DEPS = frozenset(("advcl",))
_QUOTE_MARKS = frozenset("\"“”„«»‘’'")


def cue_source(token: Any, para: ParagraphIds) -> SourceRef:
    """The source of the cue verb ``token`` (see the module docstring for the order)."""
    if _bare_participle(token):
        # "Asked about the emails, Clinton said …": the asker is unnamed; the subject of
        # the verb the participle hangs from answers, it does not ask.
        return _agent_source(token, para)
    subject = speaker_subject(token)
    if subject is None:
        subject = passive_agent(token)
    if subject is None or (subject.dep_ == "nsubjpass" and subject.head.i == token.i):
        return _without_subject(token, subject, para)
    if para[subject.i] != para[token.i] or _behind_quote(subject, token):
        return _fallback_source(token, para)
    if subject.is_ancestor(token):
        # "a statement saying …": the noun without the clause that hangs from it
        doc = token.doc
        left = [doc[i] for i in range(subject.left_edge.i, token.left_edge.i)]
        return trim(left), subject.i
    # The subject as written, relative clause and apposition included (PolNeAR's way).
    span = subtree_span(subject, para, anchor=token)
    return _closing_comma(subject, span), subject.i


def _agent_source(token: Any, para: ParagraphIds) -> SourceRef:
    agent = passive_agent(token)
    return (subtree_span(agent, para, anchor=token), agent.i) if agent is not None else _NO_SOURCE


def _without_subject(token: Any, subject: Any | None, para: ParagraphIds) -> SourceRef:
    """No subject, or only a passive one: "is expected to": a passive subject is the
    content's topic, not the source."""
    if subject is not None:
        agent = passive_agent(token)
        if agent is not None:
            return subtree_span(agent, para, anchor=token), agent.i
    if is_passive(token):
        # "lest it be interpreted as …": no agent, no speaker; the words before
        # a passive cue are not its source
        return _NO_SOURCE
    return _fallback_source(token, para)


def _bare_participle(token: Any) -> bool:
    """A past participle heading an adverbial clause with no subject or auxiliary of its
    own ("Asked whether …", "When pressed about …"): passive in sense."""
    return (token.tag_ == "VBN" and token.dep_ in _PARTICIPLE_DEPS
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children))


def _behind_quote(subject: Any, cue: Any) -> bool:
    """The parser took a word inside a quote before the cue as its subject."""
    doc = subject.doc
    return subject.i < cue.i and any(
        doc[i].text in ("”", "\"") for i in range(subject.i + 1, cue.i)
    )


def _fallback_source(token: Any, para: ParagraphIds) -> SourceRef:
    inverted = _inverted_source(token, para)
    if inverted[0] is not None:
        return inverted
    return _preceding_source(token, para)


def _preceding_source(cue: Any, para: ParagraphIds) -> SourceRef:
    """The noun phrase written right before the cue when the parse gives no subject
    ("“…,” the IAEA's chief inspector, Henrik Sandvik, said"; "A Hezbollah official,
    speaking on condition of anonymity, told …" at the start of a paragraph)."""
    tokens = _words_before(cue, para)
    while tokens and tokens[0].pos_ in ("CCONJ", "ADV", "SCONJ", "PUNCT"):
        tokens = tokens[1:]
    # "X, speaking on condition of anonymity," / "X, who …,": keep X.
    for k, t in enumerate(tokens):
        if k and (t.tag_ in ("WP", "WDT", "WP$") or (
            t.text == "," and k + 1 < len(tokens) and tokens[k + 1].tag_ == "VBG"
        )):
            tokens = tokens[:k]
            break
    if not tokens or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in tokens):
        return _NO_SOURCE
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "PRON")]
    span = trim(tokens)
    return span, nouns[-1].i if span else None


def _words_before(cue: Any, para: ParagraphIds) -> list[Any]:
    """The words before the cue in its paragraph, back to a quotation mark, a sentence
    end or a verb (a gerund goes on), adverbs and auxiliaries next to the cue skipped."""
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and (doc[i].pos_ in ("ADV", "AUX", "PART") or doc[i].is_space) and para[i] == para[cue.i]:
        i -= 1
    end = i
    while i >= 0 and para[i] == para[cue.i] and end - i < THRESHOLDS.max_source_tokens:
        t = doc[i]
        if t.text in _QUOTE_MARKS or t.text in (".", "!", "?", ";") or (coarse_pos(t) == "VERB" and t.tag_ != "VBG"):
            break
        i -= 1
    return [doc[k] for k in range(i + 1, end + 1)]


def _closing_comma(subject: Any, span: Span | None) -> Span | None:
    """Keep the comma that closes an apposition: "Sanders, a Vermont senator," as written."""
    if span is None:
        return None
    doc = subject.doc
    inner = [t for t in doc[subject.left_edge.i : subject.right_edge.i + 1] if t.text == ","]
    last = subject.right_edge.i
    if doc[last].text != ",":
        last += 1
    if inner and last < len(doc) and doc[last].text == "," and doc[last].idx == span[1]:
        return span[0], span[1] + 1
    return span


def _inverted_source(token: Any, para: ParagraphIds) -> SourceRef:
    """"…, says senior American official": a short noun phrase right after the cue."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    if before is None or before.text not in (",", "”", "\"", "’", "'"):
        return _NO_SOURCE
    tokens = []
    last = min(len(doc), token.i + 1 + THRESHOLDS.max_inverted_source_tokens)
    for i in range(token.i + 1, last):
        t = doc[i]
        if para[i] != para[token.i] or t.is_punct or t.is_space:
            break
        if coarse_pos(t) == "VERB" or t.pos_ in ("ADP", "SCONJ", "CCONJ", "PART", "PRON"):
            return _NO_SOURCE
        if t.ent_type_ in ("DATE", "TIME"):
            break
        tokens.append(t)
    if not tokens or not any(t.pos_ in ("NOUN", "PROPN") for t in tokens):
        return _NO_SOURCE
    head = next((t for t in reversed(tokens) if t.pos_ in ("NOUN", "PROPN")), tokens[-1])
    return trim(tokens), head.i
