"""Places in role finding: the source's own seat is no target, a bare place name gives
no code, and an uncoded body placed in a state is of that state.
"""

from __future__ import annotations

from typing import Any

from eventwire.events.patterns import grammar_list, load_grammar
from eventwire.events.roles.filler import Filler, RoleContext, with_country
from eventwire.events.roles.syntax import prep_objects
from eventwire.events.roots import root_has
from eventwire.model import Actor
from eventwire.nlp import span_root

# spaCy's entity labels for places (the parser's label set, not a word list).
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def seats_of(sources: list[Filler], context: RoleContext, code: str = "") -> frozenset[str]:
    """The states the sources speak for: a place name of one of them is no target.

    Only a source the actors stage coded as the state (named by a place) or its
    government counts, and not one whose state it read from the article around it
    (evidence ``paragraph``, ``dateline``, ``context``): then the place may be what
    told it the state ("President Bouteflicka threatened a curfew in Algiers").
    Also:
    "Kenyan farmers would blockade Nairobi" does target the capital (the government
    seated there). A coercion (CAMEO 17, ``root_policies.tsv``) is exempt: "Turkish
    authorities imposed a curfew in Cizre, Turkey" targets the people of that place."""
    if root_has("coercion", code):
        return frozenset()
    return frozenset(
        f.actor.code for f in sources
        if f.actor.code is not None and not f.guessed and not f.actor.inferred
        and (f.actor.sector == "GOV" or place_name(f.actor, context))
    )


def is_seat(found: Filler, seats: frozenset[str] | None, context: RoleContext) -> bool:
    """Whether ``found`` is a bare place name (country, capital, city) of a state in
    ``seats``: "China will convene a meeting in Beijing", "Tehran rejected … Iran",
    "Trump's fight with the United States' partners" name the source's own state, not
    a target. A people or group of that state stays ("Croatia is investigating Croatian
    extremists"), and so does an organ named by a place ("the U.S. government")."""
    if not seats or found.guessed or found.unnamed or found.role().code not in seats:
        return False
    return place_name(found.actor, context)


def bare_place(found: Filler, context: RoleContext) -> bool:
    """An uncoded place name ("a hotel in Beledweyne", "a visit to Quetta"): a target
    candidate that gives no code, so the search goes on."""
    actor = found.actor
    if actor.code is not None or found.code is not None or found.guessed:
        return False
    root = span_root(context.doc, actor.start, actor.end)
    if root is None:
        return False
    if root.ent_type_ in _PLACE_ENTITIES:
        return True
    # The parser's entity types miss small places ("the town of Beledweyne" is a
    # PERSON to it): the grammar of "the town of X" / "the city X" says place.
    holder = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else root.head
    return root.dep_ in ("pobj", "appos", "compound") and holder.lemma_.lower() in load_grammar()["place_noun"]


def place_name(actor: Actor, context: RoleContext) -> bool:
    """Whether the mention names a state by a place (country, capital, city), not a
    people or group of it ("Afghan guerillas", "Croatian extremists")."""
    if actor.kind != "state":
        return False
    root = span_root(context.doc, actor.start, actor.end)
    return root is not None and root.ent_type_ in _PLACE_ENTITIES


def placed_in_state(token: Any, uncoded: Filler, context: RoleContext) -> Filler | None:
    """ "the uranium plant in central Iran", "students at a university in Lima": an
    uncoded body or group placed in a state takes that state's code, as the actors
    stage codes "officials in Cairo"; ``None`` when no state is named there."""
    for obj in prep_objects(token, grammar_list("located_prep")):
        place = context.by_token.get(obj.i)
        if place is not None and place.code and place.kind == "state":
            return with_country(uncoded, place.code)
    return None
