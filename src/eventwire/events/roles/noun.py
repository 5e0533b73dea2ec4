"""Source and target of a noun trigger ("an attack on Israel").

The source is a possessive, a nationality adjective, a compound or a "by" phrase
("Iran's attack", "an Iranian attack", "US sanctions"), else the subject of the verb
that governs the noun ("launched an attack"); the target is a prepositional object ("an
attack on Israel", "the sale of jets to Jordan"). A noun of what is done to someone
("Lai's release") takes its possessor as the target, and a verb like *face* ("Iran faces
sanctions") its subject.
"""

from __future__ import annotations

from typing import Any

from eventwire.events.patterns import Pattern, load_grammar
from eventwire.events.roles.filler import Filler, RoleContext
from eventwire.events.roles.places import seats_of
from eventwire.events.roles.resolve import first_named, resolve, resolve_subject
from eventwire.events.roles.syntax import (
    ACTIVE_SUBJECT_DEPS,
    ACTOR_MODIFIER_DEPS,
    PASSIVE_SUBJECT_DEPS,
    agent_subject,
    infinitive,
    phrase_nested,
    pobjs,
    prep_objects,
    preps_but_in,
)
from eventwire.events.roots import root_has


def noun_roles(
    noun: Any, pattern: Pattern, context: RoleContext,
) -> tuple[list[Filler], list[Filler]]:
    """Sources and targets of a noun trigger ("an attack on Israel")."""
    pair = _between(noun, context)
    if pair is not None:
        return pair
    owners = _patient_owners(noun)
    sources, source_tokens = _modifier_sources(noun, owners, context)
    sufferer = _undergoer(noun)
    if sufferer is not None:
        # "Topuz is on trial", "Iran faces sanctions": the subject undergoes the event.
        held = {f.actor.entity for f in sources}
        return sources, [f for f in resolve_subject(sufferer, context) if f.actor.entity not in held]
    if not sources:
        sources = _governor_sources(noun, owners, context)
    held = {f.actor.entity for f in sources}
    seats = seats_of(sources, context, pattern.code)
    objects = _objects(noun, pattern, source_tokens)
    targets = first_named(owners + objects + _asked(noun, pattern), context, held, seats)
    if not targets:
        targets = first_named(_nested_candidates(noun, objects), context, held, seats)
    return sources, targets


def _between(noun: Any, context: RoleContext) -> tuple[list[Filler], list[Filler]] | None:
    """ "talks between Gondor and Arnor": the first of the pair is the source, the rest
    the targets; ``None`` when there is no such pair."""
    between = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
               for o in pobjs(c)]
    if between:
        pair = resolve(between[0], context)
        if len(pair) >= 2:
            return pair[:1], pair[1:]
    return None


def _patient_owners(noun: Any) -> list[Any]:
    """ "Lai's release", "Navalny's arrest": the possessor undergoes the event."""
    if noun.lemma_.lower() not in load_grammar()["patient_noun"]:
        return []
    return [c for c in noun.children if c.dep_ == "poss"]


def _modifier_sources(
    noun: Any, owners: list[Any], context: RoleContext,
) -> tuple[list[Filler], list[Any]]:
    """The source named by a modifier or a "by"/"from" phrase, and the token that named
    it (which is then no target)."""
    modifiers = [c for c in noun.children if c.dep_ in ACTOR_MODIFIER_DEPS and c not in owners]
    sources: list[Filler] = []
    for token in modifiers + prep_objects(noun, ("by", "from")):
        sources = resolve(token, context)
        if sources:
            return sources, [token]
    return sources, []


def _governor_sources(noun: Any, owners: list[Any], context: RoleContext) -> list[Filler]:
    """The subject of the verb that governs the noun ("launched an attack"); none for a
    possessed patient noun under a verb that is not light."""
    governor = noun.head
    if noun.dep_ not in ("dobj", "attr", "nsubjpass", "pobj") or governor is noun:
        return []
    if noun.dep_ == "pobj" and governor.dep_ == "prep":
        governor = governor.head
    # "confirmed al-Rufay'i's killing", "revoked Zamora's house arrest": the
    # governor's subject does not do a possessed patient noun's act unless the verb
    # is light ("carried out the killing").
    lightless = bool(owners) and governor.lemma_.lower() not in load_grammar()["light"]
    if governor.pos_ in ("VERB", "AUX") and not lightless:
        who = agent_subject(governor)
        return resolve(who, context) if who is not None else []
    return []


def _asked(noun: Any, pattern: Pattern) -> list[Any]:
    """ "its demand that Israel ease restrictions": whoever the noun's clause asks to act."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and not infinitive(c)]
    if root_has("asks_in_clause", pattern.code) and noun.dep_ == "dobj":
        # "reiterated its demand today that Israel ease …": the parser hangs the
        # demand's clause on the verb that carries the noun.
        clauses += [c for c in noun.head.children if c.dep_ == "ccomp"
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return [s for c in clauses for s in c.children
            if s.dep_ in ACTIVE_SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS and s.pos_ != "PRON"]


def _objects(noun: Any, pattern: Pattern, source_tokens: list[Any]) -> list[Any]:
    """The noun's prepositional objects, "in" last: it says where ("protests in Lima")."""
    preps = preps_but_in()
    objects = [o for o in prep_objects(noun, pattern.preps + preps + ("of",)) if o not in source_tokens]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in load_grammar()["light"]:
        # "resumed protests in Lima against the ambassador": the parser hangs the
        # noun's target on the light verb that carries it.
        objects += prep_objects(noun.head, preps)
    return objects + prep_objects(noun, ("in",))


def _nested_candidates(noun: Any, objects: list[Any]) -> list[Any]:
    """ "a suspension of air links with Serbia", "in protest against violations by the
    security forces": an actor nested inside a prepositional object; "a demonstration
    calling for the removal of Mubarak": inside its participle's."""
    preps = preps_but_in()
    called = [o for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBG"
              for o in [*(d for d in c.children if d.dep_ == "dobj"), *prep_objects(c, preps)]]
    return [t for o in objects + called for t in [o, *phrase_nested(o)]]


def _undergoer(noun: Any) -> Any | None:
    """The subject that undergoes a noun event: of a verb like *face* whose object the
    noun is ("faces trial"), or of *be/remain* with an on/under phrase ("is on trial",
    "remains under arrest"); else ``None``."""
    grammar = load_grammar()
    governor = noun.head
    if noun.dep_ == "dobj" and governor.lemma_.lower() in grammar["undergoing"]:
        return agent_subject(governor)
    if (noun.dep_ == "pobj" and governor.dep_ == "prep" and governor.lower_ in grammar["undergoing_prep"]
            and governor.head.lemma_.lower() in grammar["undergoing_state"]):
        return agent_subject(governor.head)
    return None
