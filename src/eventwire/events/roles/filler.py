"""What fills an event role, and the per-article index of actor mentions it comes from.

Tokens are mapped to actor mentions by character offsets (``Actor.start``/``end``), so
the events stage works with whatever the actors stage finds.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from eventwire.actors.lookup import normalise
from eventwire.actors.packaged import seat_phrases
from eventwire.events.patterns import event_nouns, load_grammar
from eventwire.events.roles.syntax import ACTOR_MODIFIER_DEPS
from eventwire.model import Actor, Role


@dataclass(frozen=True, slots=True)
class Filler:
    """An actor that fills an event's source or target, and whether a heuristic (a
    pronoun, the domestic rule) found it."""

    actor: Actor
    guessed: bool = False
    code: str | None = None  # a country given by the domestic rule to an uncoded mention
    unnamed: bool = False  # no mention: only the country is known ("detained 37 people")

    def role(self) -> Role:
        """The role record: the entity id shared by all mentions, code and sector."""
        if self.unnamed:
            return Role(None, self.code, None)
        return Role(self.actor.entity, self.code or self.actor.code, self.actor.sector)


@dataclass
class RoleContext:
    """What role resolution needs to know about one article: its mentions indexed by
    token, and inside an attribution's content, whom "we" and "you" stand for."""

    doc: Any
    actors: list[Actor]
    by_token: dict[int, Actor] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)
    speaker: Actor | None = None
    addressee: Actor | None = None

    @classmethod
    def build(cls, doc: Any, actors: list[Actor]) -> RoleContext:
        """Index actor mentions by the tokens they cover (longest mention wins)."""
        context = cls(doc, sorted(actors, key=lambda a: (a.start, a.end)))
        for actor in context.actors:
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                held = context.by_token.get(token.i)
                if held is None or (held.end - held.start) < (actor.end - actor.start):
                    context.by_token[token.i] = actor
        context.starts = [a.start for a in context.actors]
        return context

    def speaking(self, speaker: Actor | None, addressee: Actor | None) -> RoleContext:
        """The same context, inside the content of an attribution."""
        return RoleContext(self.doc, self.actors, self.by_token, self.starts, speaker, addressee)

    def actor_before(self, token: Any, *, exclude: set[str]) -> Actor | None:
        """The nearest coded actor before the pronoun ``token`` that it can stand for, in
        its sentence or the one before, not in ``exclude``; "it" never stands for a
        person ("… if Iran attacked it, Blinken said": not Blinken)."""
        sent = token.sent
        floor = sent.start_char
        if sent.start > 0:
            floor = token.doc[sent.start - 1].sent.start_char
        index = bisect.bisect_left(self.starts, token.idx) - 1
        while index >= 0:
            actor = self.actors[index]
            if actor.start < floor:
                return None
            if actor.entity not in exclude and actor.code and compatible(token, actor):
                return actor
            index -= 1
        return None


def compatible(pronoun: Any, actor: Actor) -> bool:
    """Whether a third-person pronoun can stand for ``actor``: "it/its" for anything but
    a person, "he/she/his/her/him" for a person (or a mention of unknown kind)."""
    grammar = load_grammar()
    lower = pronoun.lower_
    if lower in grammar["it_pronoun"]:
        return actor.kind != "person"
    if lower in grammar["personal_pronoun"]:
        return actor.kind in ("person", None)
    return True


def direct_actor(token: Any, context: RoleContext) -> Filler | None:
    """The actor the token itself names: its mention, or inside an attribution's
    content the speaker ("we") or the addressee ("you", a guess); none for a venue
    ("the Oslo talks")."""
    if is_venue(token, context):
        return None
    actor = context.by_token.get(token.i)
    if actor is not None:
        return Filler(actor)
    grammar = load_grammar()
    lower = token.lower_
    if lower in grammar["speaker_pronoun"] and context.speaker is not None:
        return Filler(context.speaker)
    if lower in grammar["addressee_pronoun"] and context.addressee is not None:
        return Filler(context.addressee, guessed=True)
    return None


def is_venue(token: Any, context: RoleContext) -> bool:
    """Whether ``token`` is a city or capital that only says where an event noun took
    place ("the Oslo talks", "the Berlin truck attack", "a Baghdad car bombing"): the
    event's place, not a party to it. A country ("U.S. sanctions", "Israeli strikes")
    and a seat that stands for its government as a possessor ("Moscow's offensive")
    stay roles, and so does a seat whose event noun names its other side ("the Tehran
    attack on Israel")."""
    if token.dep_ not in ("compound", "nmod"):
        return False
    head = token.head
    while head.dep_ in ("compound", "nmod") and head.head.i != head.i:
        head = head.head  # "the Berlin truck attack": Berlin → truck → attack
    actor = context.by_token.get(token.i)
    if actor is None or actor.kind != "state" or context.by_token.get(head.i) is actor:
        return False
    if head.pos_ != "NOUN" or head.lemma_.lower() not in event_nouns():
        return False
    targets = load_grammar()["target_prep"]
    if any(o.i in context.by_token for c in head.children if c.dep_ == "prep" and c.lower_ in targets
           for o in c.children if o.dep_ == "pobj"):
        return False  # "the Tehran attack on Israel", "the Washington talks with Taipei": a party
    return seat_name(actor)


def seat_name(actor: Actor) -> bool:
    """Whether the mention is a capital or seat of power (``actors/seats.tsv``: "Oslo",
    "Kabul"), not a country or people."""
    key = normalise(actor.text)
    return (key[4:] if key.startswith("the ") else key) in seat_phrases()


def is_coded(found: Filler | None) -> bool:
    """Whether a filler was found and its mention carries a code read in or beside it.

    A state the actors stage inferred from the article around the mention (evidence
    ``paragraph``, ``dateline``, ``context``) still fills a role, but loses to a mention
    that names its actor: "Kenyan authorities handed intelligence to Ugandan security
    services" targets Uganda, not the "intelligence" the paragraph made Kenyan."""
    return found is not None and found.actor.code is not None and not found.actor.inferred


def modifier_actor(token: Any, context: RoleContext, depth: int = 2) -> Filler | None:
    """A coded actor among the token's modifiers, up to ``depth`` arcs down ("NATO
    spokeswoman Ingrid Dahl": NATO modifies spokeswoman, which modifies Dahl)."""
    for child in token.children:
        if child.dep_ in ACTOR_MODIFIER_DEPS:
            found = direct_actor(child, context)
            if is_coded(found):
                return found
            if depth > 1:
                found = modifier_actor(child, context, depth - 1)
                if found is not None:
                    return found
    return None


def with_country(found: Filler, country: str) -> Filler:
    """An uncoded mention given ``country`` (a guess); a coded one unchanged."""
    if found.actor.code is not None:
        return found
    return Filler(found.actor, guessed=True, code=country)
