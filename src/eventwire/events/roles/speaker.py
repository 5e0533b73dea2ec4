"""Roles in reported speech: whom a reported pronoun stands for, and whom a speaker
addresses.

- "Syria said it would withdraw": a third-person pronoun inside a clause a speech verb
  reports stands for that verb's subject;
- inside an attribution's content "you" is the addressee: the last actor the framing
  sentence names, neither the speaker nor of the speaker's country.
"""

from __future__ import annotations

from typing import Any

from eventwire.events.patterns import load_grammar
from eventwire.events.roles.filler import (
    Filler,
    RoleContext,
    compatible,
    direct_actor,
    is_coded,
    modifier_actor,
)
from eventwire.events.roles.syntax import agent_subject
from eventwire.model import Actor, Attribution

# Arcs from a clause up to the speech verb that reports it.
_UP_TO_SPEECH = ("xcomp", "conj", "aux", "acomp", "advcl", "ccomp")


def reported_speaker(token: Any, context: RoleContext) -> Filler | None:
    """The speaker a third-person pronoun stands for in reported speech: "Syria said it
    would withdraw", "the farmers said they would blockade Paris" → the subject of the
    speech verb whose clause holds the pronoun."""
    grammar = load_grammar()
    if token.lower_ not in grammar["third_pronoun"]:
        return None
    node = token
    for _ in range(2):  # "its troops would cooperate": from the possessor to the verb
        if node.dep_ in ("poss", "nsubj", "nsubjpass") and node.head is not node:
            node = node.head
    for _ in range(4):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in grammar["reporting"]:
            return _speech_subject(token, node.head, context)
        if node.dep_ not in _UP_TO_SPEECH or node.head is node:
            return None
        node = node.head
    return None


def _speech_subject(pronoun: Any, speech: Any, context: RoleContext) -> Filler | None:
    """The actor of the speech verb's subject, when the pronoun can stand for it."""
    who = agent_subject(speech)
    if who is None or who is pronoun:
        return None
    found = direct_actor(who, context)
    if not is_coded(found):
        found = modifier_actor(who, context) or found
    if found is None or not compatible(pronoun, found.actor):
        return None
    return Filler(found.actor, guessed=True)


def addressee(doc: Any, attribution: Attribution, context: RoleContext, speaker: Actor | None) -> Actor | None:
    """Whom the speaker addresses: the last actor the framing sentence names (outside the
    content) that is neither the speaker nor of the speaker's country; else ``None``."""
    anchor = attribution.cue or attribution.source
    if anchor is None:
        return None
    span = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    parts = attribution.content_parts or (attribution.content,)
    chosen = None
    for actor in context.actors:
        inside = any(p.start <= actor.start < p.end for p in parts)
        if not (sent.start_char <= actor.start < sent.end_char) or inside:
            continue
        if speaker is not None and (
            actor.entity == speaker.entity or (actor.code and actor.code == speaker.code)
        ):
            continue
        if actor.code is None or actor.start > anchor.start:
            continue
        chosen = actor
    return chosen
