"""From a role token to the actors it names: the token itself, a modifier, an "of"
phrase, a pronoun's antecedent; conjoined actors give one filler each ("the US and
Britain condemned Iran and Syria").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventwire.actors.antecedents import person_before
from eventwire.events.patterns import load_grammar
from eventwire.events.roles.filler import Filler, RoleContext, direct_actor, is_coded, modifier_actor
from eventwire.events.roles.places import bare_place, is_seat, placed_in_state
from eventwire.events.roles.speaker import reported_speaker
from eventwire.events.roles.syntax import ACTIVE_SUBJECT_DEPS, ACTOR_MODIFIER_DEPS, list_members, pobjs


def resolve_one(token: Any, context: RoleContext, *, exclude: set[str] | None = None) -> Filler | None:
    """Find the actor a role token names: itself, a modifier, or an "of" phrase."""
    uncoded = direct_actor(token, context)
    if is_coded(uncoded):
        return uncoded
    # An uncoded mention ("Ingrid Dahl", "its soldiers") may still carry a coded
    # actor in its modifiers, its "of" phrase or an apposition; it is the last resort.
    grammar = load_grammar()
    if uncoded is None and token.lower_ in grammar["relative"] and token.head.dep_ == "relcl":
        return resolve_one(token.head.head, context, exclude=exclude)
    reported = reported_speaker(token, context)
    if reported is not None:
        return reported
    if uncoded is None and token.lower_ in grammar["it_pronoun"]:
        actor = context.actor_before(token, exclude=exclude or set())
        return Filler(actor, guessed=True) if actor is not None else None
    if uncoded is None and token.lower_ in grammar["personal_pronoun"]:
        # "He also plans to urge …": the latest person who was a clause's subject.
        # When that person is excluded (the source again), the pronoun stays unresolved:
        # an earlier person would be a guess too far.
        person = person_before(token.doc, context.actors, token.idx)
        if person is not None and person.entity not in (exclude or set()):
            return Filler(person, guessed=True)
    for tier in _NAMING_TIERS:
        found = tier(token, context)
        if found is not None:
            return found
    if uncoded is not None:
        return placed_in_state(token, uncoded, context) or uncoded
    return uncoded


def _pronoun_modifier(token: Any, context: RoleContext) -> Filler | None:
    """ "said its teams had delivered": a reported pronoun among the token's modifiers."""
    third = load_grammar()["third_pronoun"]
    for child in token.children:
        if child.dep_ in ACTOR_MODIFIER_DEPS and child.lower_ in third:
            found = reported_speaker(child, context)
            if found is not None:
                return found
    return None


def _origin_phrase(token: Any, context: RoleContext) -> Filler | None:
    """ "the ambassador of Iran", "officials from Cairo": the actor of an of/from
    phrase, or of a modifier of its object."""
    origin = load_grammar()["origin_prep"]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in origin:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = direct_actor(obj, context) or next(
                        (f for c in obj.children if c.dep_ in ACTOR_MODIFIER_DEPS
                         for f in [direct_actor(c, context)] if f), None,
                    )
                    if found is not None:
                        return found
    return None


def _renamed_head(token: Any, context: RoleContext) -> Filler | None:
    """ "A member of the Syrian parliament, Mohammed Mamoun, …": the coded head an
    apposition renames."""
    if token.dep_ != "appos":
        return None
    found = direct_actor(token.head, context)
    return found if is_coded(found) else None


# After the token itself, a reported pronoun and "it": where else a role token's actor
# is looked for, in order; the first that finds one wins.
_NAMING_TIERS: tuple[Callable[[Any, RoleContext], Filler | None], ...] = (
    modifier_actor, _pronoun_modifier, _origin_phrase, _renamed_head,
)


def resolve(token: Any, context: RoleContext, *, exclude: set[str] | None = None) -> list[Filler]:
    """Actors named by ``token`` and its conjuncts, one each, in text order."""
    found = []
    seen: set[str] = set()
    for item in list_members(token):
        one = resolve_one(item, context, exclude=exclude)
        extra = _conjoined_modifiers(item, one, context) + _conjoined_of(item, one, context)
        for each in [one, *extra]:
            if each is not None and each.actor.entity not in seen:
                seen.add(each.actor.entity)
                found.append(each)
    return found


def resolve_subject(token: Any, context: RoleContext) -> list[Filler]:
    """Actors named by a subject and by any other subject the parser hung on the same
    verb: a comma list cut apart ("Lions, tigers, and Gondor welcomed …") or a
    descriptive noun before the names ("Old foes Gondor and Osgiliath renewed …")."""
    found = resolve(token, context)
    if token.dep_ not in ACTIVE_SUBJECT_DEPS or token.head is token:
        return found
    seen = {f.actor.entity for f in found}
    for other in token.head.children:
        if other is token or other.dep_ != token.dep_:
            continue
        for each in resolve(other, context):
            if each.actor.entity not in seen:
                seen.add(each.actor.entity)
                found.append(each)
    return sorted(found, key=lambda f: f.actor.start)


def _conjoined_of(token: Any, one: Filler | None, context: RoleContext) -> list[Filler]:
    """ "The ambassadors of Arnor, Osgiliath and Gondor": when the of/from phrase is what
    gave the token its country, each conjunct of that phrase names one more actor."""
    if one is None or one.actor.code is None:
        return []
    origin = load_grammar()["origin_prep"]
    found = []
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ not in origin:
            continue
        for obj in pobjs(child):
            held = context.by_token.get(obj.i)
            if held is None or held.code != one.actor.code:
                continue
            found += _coded_conjuncts(obj, context)
    return found


def _conjoined_modifiers(token: Any, one: Filler | None, context: RoleContext) -> list[Filler]:
    """ "American and British warplanes": the actor of each conjoined modifier, when the
    first one is what named the token's actor."""
    if one is None or context.by_token.get(token.i) is not None:
        return []
    found = []
    for child in token.children:
        if child.dep_ in ACTOR_MODIFIER_DEPS and context.by_token.get(child.i) is one.actor:
            found += _coded_conjuncts(child, context)
    return found


def _coded_conjuncts(token: Any, context: RoleContext) -> list[Filler]:
    """The coded actors the token's conjuncts name directly."""
    found = []
    for conj in token.conjuncts:
        other = direct_actor(conj, context)
        if other is not None and is_coded(other):
            found.append(other)
    return found


def first_named(
    tokens: list[Any], context: RoleContext, exclude: set[str], seats: frozenset[str] | None = None,
) -> list[Filler]:
    """The actors of the first candidate that names a coded actor; else of the first
    that names any actor (an uncoded "the diplomats" loses to a later "Israel"). For a
    target search (``seats`` given), a place name of a country in ``seats`` (the
    source's own state) and an uncoded place name are no candidates."""
    fallback: list[Filler] = []
    for token in tokens:
        found = [f for f in resolve(token, context, exclude=exclude)
                 if f.actor.entity not in exclude and not is_seat(f, seats, context)
                 and not (seats is not None and bare_place(f, context))]
        if any(is_coded(f) for f in found):
            return found
        fallback = fallback or found
    return fallback
