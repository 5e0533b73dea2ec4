"""Domestic events: source and target in the same country ("Egyptian police dispersed
demonstrators", "President Dos Santos conceded …", "Turkish police detained 37 people").
"""

from __future__ import annotations

import functools
from typing import Any

from eventwire.events.patterns import load_grammar
from eventwire.events.roles.filler import Filler, RoleContext, with_country
from eventwire.events.roles.places import is_seat, seats_of
from eventwire.events.roots import root_has

# spaCy's entity labels of a direct object that names people ("detained 37 people").
_PEOPLE_ENTITIES = ("CARDINAL", "NORP", "PERSON")


@functools.lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def _sentence_countries(token: Any, context: RoleContext) -> set[str]:
    sent = token.sent
    countries = _countries()
    return {
        a.code for a in context.actors
        if sent.start_char <= a.start < sent.end_char and a.code in countries
    }


def domestic(
    sources: list[Filler], targets: list[Filler], trigger: Any, code: str, context: RoleContext,
) -> tuple[list[Filler], list[Filler]]:
    """Code a domestic event: source and target in the same country.

    - an uncoded official (state sector: "President Dos Santos") in a sentence that
      names exactly one country C is of C;
    - one role is a coded actor of country C and the other an uncoded mention
      ("President Dos Santos", "demonstrators") in a sentence that names no other
      country: the uncoded one is of C ("Egyptian police dispersed demonstrators");
    - a coercion (CAMEO 17, ``root_policies.tsv``) by a state's own forces on unnamed
      people ("Turkish police detained 37 people"): the target is the source's country.
    """
    countries = _sentence_countries(trigger, context)
    if len(countries) == 1:
        (country,) = countries
        sources, targets = _one_country(sources, targets, country)
    if root_has("coercion", code) and not targets and trigger.pos_ == "VERB" and any(
        c.dep_ == "dobj" and _people(c) for c in trigger.children
    ):
        targets = [
            Filler(f.actor, guessed=True, code=f.actor.code, unnamed=True)
            for f in sources[:1] if f.actor.code in _countries()
        ]
    seats = seats_of(sources, context, code)
    targets = [f for f in targets if not is_seat(f, seats, context)]
    return sources, _distinct(sources, targets)


def _one_country(
    sources: list[Filler], targets: list[Filler], country: str,
) -> tuple[list[Filler], list[Filler]]:
    """Roles in a sentence that names exactly one country: its uncoded officials, and
    the uncoded side of a role pair whose other side is of that country, are of it."""
    # An official with a title but no country ("President Dos Santos conceded …"):
    # the state the sentence names is the one they serve.
    sources = [_official_of(f, country) for f in sources]
    targets = [_official_of(f, country) for f in targets]
    coded_source = any(f.role().code == country for f in sources)
    coded_target = any(f.role().code == country for f in targets)
    if coded_source:
        targets = [with_country(f, country) for f in targets]
    if coded_target:
        sources = [with_country(f, country) for f in sources]
    return sources, targets


def _people(obj: Any) -> bool:
    """Whether a direct object names people ("detained 37 people", "arrested dozens",
    "jailed protesters"), not things ("imposed similar measures")."""
    grammar = load_grammar()
    if obj.like_num or obj.ent_type_ in _PEOPLE_ENTITIES or obj.lower_ in grammar["people_pronoun"]:
        return True
    if any(c.dep_ == "nummod" for c in obj.children):
        return True
    return obj.lemma_.lower() in grammar["people"]


def _key(found: Filler) -> tuple[str | None, str | None]:
    role = found.role()
    return role.code, role.sector


def _distinct(sources: list[Filler], targets: list[Filler]) -> list[Filler]:
    """Targets that are not the source again: an uncoded mention the domestic rule gave
    the source's own code and sector (the troops a state deploys) is dropped. A mention
    coded by the actors stage stays ("Croatia is investigating Croatian extremists") unless
    its state was inferred from the article around it (the troops of "Nigeria's army
    deployed troops" in a paragraph naming only Nigeria), and
    so does the unnamed target of a state's coercion ("Belarus arrested dozens")."""
    keys = {_key(f) for f in sources if _key(f)[0] is not None}
    return [f for f in targets
            if (f.code is None and not f.actor.inferred) or f.unnamed
            or _key(f) not in keys]


def _official_of(found: Filler, country: str) -> Filler:
    """An uncoded mention with a state sector (GOV, MIL …) given ``country``; other
    mentions unchanged."""
    if found.code is not None or found.unnamed or found.actor.sector not in load_grammar()["state_sector"]:
        return found
    return with_country(found, country)
