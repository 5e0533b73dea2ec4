"""Source and target of a verb trigger.

The source is the agent subject (:func:`~eventwire.events.roles.syntax.agent_subject`);
in the passive the "by" agent is the source and the subject the target ("Israel was
attacked by Hamas"). The target is looked for in tiers, the first that finds one wins:
the direct object, the object of the pattern's own preposition or of a target
preposition ("attack on", "talks with"), a clause subject; then an actor nested inside
those; then inside a purpose clause; a threat's condition and the place ("in") come last.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eventwire.events.patterns import Pattern, load_grammar, target_preps
from eventwire.events.roles.filler import Filler, RoleContext, is_coded, with_country
from eventwire.events.roles.places import seats_of
from eventwire.events.roles.resolve import first_named, resolve_subject
from eventwire.events.roles.syntax import (
    ACTIVE_SUBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    agent_subject,
    infinitive,
    phrase_nested,
    pobjs,
    prep_objects,
    preps_but_in,
    subtree_nested,
)
from eventwire.events.roots import root_has

# Labels of a verb's objects (the first target candidates).
_OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")


@dataclass(frozen=True, slots=True)
class _Voice:
    """How the verb's roles are laid out in the parse."""

    passive_subject: Any | None  # the patient, as subject of a passive
    agent: list[Any]  # objects of the "by" agent
    participle: bool  # "… when attacked by government forces"
    stative: bool  # "the US is committed to …": an adjective of intent, not a passive

    def passive(self, verb: Any) -> bool:
        """Whether the roles are read as in the passive (patient first)."""
        return (self.passive_subject is not None or (verb.dep_ == "acl" and verb.tag_ == "VBN")
                or self.participle)


def _voice(verb: Any) -> _Voice:
    passive_subject = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    agent = [o for c in verb.children if c.dep_ == "agent" for o in pobjs(c)]
    participle = verb.tag_ == "VBN" and verb.dep_ == "advcl" and bool(agent) and not any(
        c.dep_ in ("aux", "nsubj") for c in verb.children
    )
    # "the US is committed to …": a stative participle of intent with no "by" agent is
    # an adjective; its subject is the one who intends, not a patient.
    stative = (passive_subject is not None and not agent
               and verb.lemma_.lower() in load_grammar()["intended"])
    return _Voice(None if stative else passive_subject, agent, participle, stative)


@dataclass(frozen=True, slots=True)
class _Search:
    """One verb's target search: its sources, and what they may not target."""

    verb: Any
    pattern: Pattern
    context: RoleContext
    sources: list[Filler]
    held: set[str]  # the sources' entities: no target
    seats: frozenset[str]  # the sources' own states: their place names are no target
    objects: list[Any] = field(default_factory=list)  # the verb's objects
    preps: tuple[str, ...] = ()  # target prepositions but "in", in the order tried
    aimed: list[Any] = field(default_factory=list)  # objects of those and of stance nouns

    @classmethod
    def build(cls, verb: Any, pattern: Pattern, context: RoleContext, sources: list[Filler]) -> _Search:
        held = {f.actor.entity for f in sources}
        seats = seats_of(sources, context, pattern.code)
        objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
        preps = _ordered_preps(pattern.code)
        aimed = prep_objects(verb, preps) + _stance_objects(verb)
        return cls(verb, pattern, context, sources, held, seats, objects, preps, aimed)

    def first(self, tokens: list[Any]) -> list[Filler]:
        """The actors of the first candidate that names one (see ``first_named``)."""
        return first_named(tokens, self.context, self.held, self.seats)

    def free_objects(self) -> list[Any]:
        """The objects that are not the sources' own agents."""
        return [o for o in self.objects if not _own(o, self.context)]


def verb_roles(
    verb: Any, pattern: Pattern, context: RoleContext,
) -> tuple[list[Filler], list[Filler]]:
    """Sources and targets of a verb trigger."""
    voice = _voice(verb)
    if voice.passive(verb):
        return _passive_roles(verb, pattern, context, voice)
    who = agent_subject(verb)
    if who is None and voice.stative:
        who = next(c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS)
    sources = resolve_subject(who, context) if who is not None else []
    return sources, _active_targets(_Search.build(verb, pattern, context, sources))


def _passive_roles(
    verb: Any, pattern: Pattern, context: RoleContext, voice: _Voice,
) -> tuple[list[Filler], list[Filler]]:
    """The "by" agent is the source; the patient, else a target preposition's object,
    else an actor inside the patient ("a camp for Congolese refugees was attacked") is
    the target."""
    sources = first_named(voice.agent, context, set())
    search = _Search(verb, pattern, context, sources, {f.actor.entity for f in sources},
                     seats_of(sources, context, pattern.code))
    if voice.passive_subject is not None:
        patient = voice.passive_subject
    elif voice.participle:
        # "fighters … escape to Cameroon when attacked by government forces": the
        # participle's patient is the subject of the clause it modifies.
        patient = agent_subject(verb.head) or verb.head
    else:
        patient = verb.head
    targets = (search.first([patient])
               or search.first(prep_objects(verb, pattern.preps + target_preps()))
               or search.first(phrase_nested(patient)))
    return sources, targets


def _active_targets(search: _Search) -> list[Filler]:
    """The target tiers of an active verb, tried in order."""
    targets = search.first(_named_candidates(search))
    if not targets and _among_themselves(search):
        return targets
    targets = targets or _nested_targets(search) or _purpose_targets(search)
    targets = _threatened(search, targets)
    return _placed(search, targets)


def _named_candidates(search: _Search) -> list[Any]:
    """The first tier's candidates, in order: the objects (not the sources' own
    agents), the pattern's prepositions, the objects' prepositions and "by" agents,
    target prepositions and stance nouns, a clause subject, the complement's objects."""
    verb, pattern = search.verb, search.pattern
    # "both countries withdrew their ambassadors": the source's own agents are no target.
    candidates = search.free_objects() + prep_objects(verb, pattern.preps)
    # "in" says where, not to whom ("arrested protesters in Nairobi"): its object is
    # the last resort, below an uncoded object. The object's own "by" agent is a
    # target ("condemned an attack by Osgiliath soldiers": the soldiers are criticised).
    for obj in search.objects:
        candidates += prep_objects(obj, pattern.preps + search.preps + ("by",))
        # "condemned the attack carried out by Gondor": the agent of the object's participle.
        candidates += [o for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN"
                       for o in prep_objects(c, ("by",))]
    candidates += search.aimed
    # "demanded that Iran withdraw", "accused Iran of …": the clause's subject; but not
    # for a speech verb: in "an official said Ethiopia broke ties" Ethiopia is what the
    # statement is about, not whom it is addressed to.
    if verb.lemma_.lower() not in load_grammar()["reporting"]:
        candidates += [s for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                       for s in c.children if s.dep_ in ACTIVE_SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS]
    candidates += _complement_targets(verb, pattern.preps + search.preps)
    return candidates


def _among_themselves(search: _Search) -> bool:
    """ "Israel and Jordan signed a treaty at a crossing in the Arava", "the ministers
    of India and Pakistan met in Colombo": a cooperative act of a list of actors with
    no named partner is among them (symmetric), not aimed at the place. (A PETRARCH
    dictionary says so itself with its "%" slot.)"""
    return (root_has("among_listed", search.pattern.code) and search.pattern.builtin
            and sum(is_coded(f) for f in search.sources) > 1)


def _nested_targets(search: _Search) -> list[Filler]:
    """A nested target: the first actor inside the object or a target preposition's
    object ("cordoned off the roads leading into Mordor", "fired rockets at a post in
    northern Israel")."""
    outer = search.free_objects() + search.aimed
    outer += prep_objects(search.verb, ("by",))  # "by telephone with Merkel"
    nested = [t for o in outer for t in subtree_nested(o)]
    # "discussed the crisis in Ukraine by telephone with Merkel": a partner beats a
    # place, wherever each is nested.
    located = {t.i for t in nested if t.head.lower_ == "in" and t.dep_ == "pobj"}
    nested = [t for t in nested if t.i not in located] + [t for t in nested if t.i in located]
    return search.first(nested)


def _purpose_targets(search: _Search) -> list[Filler]:
    """A purpose clause: "marched to show their disapproval of Israel's policies". A
    protest's participle says what it is for ("marched through Belgrade demanding the
    resignation of President Milosevic")."""
    participle = root_has("purpose_participle", search.pattern.code)
    purposes = [c for c in search.verb.children if c.dep_ == "advcl" and (
        infinitive(c) or (participle and c.tag_ == "VBG"))]
    return search.first([t for c in purposes for t in c.subtree if t is not c])


def _threatened(search: _Search, targets: list[Filler]) -> list[Filler]:
    """A threat's uncoded object ("expel the diplomats") loses to a coded subject of
    its condition."""
    if root_has("condition_target", search.pattern.code) and not any(is_coded(t) for t in targets):
        return search.first(_condition_subjects(search.verb)) or targets
    return targets


def _placed(search: _Search, targets: list[Filler]) -> list[Filler]:
    """The place ("in") last: the target when nothing else is, else the state that
    gives uncoded targets their code."""
    if targets and any(is_coded(t) or t.actor.kind == "person" for t in targets):
        return targets
    verb = search.verb
    places = prep_objects(verb, ("in",)) + [
        t for o in search.objects for t in prep_objects(o, ("in",))
    ] + _complement_targets(verb, ("in",))
    if not targets:
        return search.first(places)
    # "dispatched inspectors to the Esfahan facilities in central Iran": the parser
    # hangs the place on the verb; an uncoded body there is of that state.
    state = next((f for f in search.first(places) if is_coded(f) and f.actor.kind == "state"), None)
    if state is not None and state.actor.code is not None:
        targets = [with_country(t, state.actor.code) for t in targets]
    return targets


def _ordered_preps(code: str) -> tuple[str, ...]:
    """Target prepositions but "in"; for a grievance (``about_first``) what it is about
    comes first ("complained to the UN over raids")."""
    preps = preps_but_in()
    if root_has("about_first", code):
        grievance = tuple(load_grammar()["grievance_prep"])
        preps = tuple(sorted(preps, key=lambda p: p not in grievance))
    return preps


def _own(obj: Any, context: RoleContext) -> bool:
    """Whether an object is the subject's own uncoded agents: possessed by "its/their"
    ("withdrew their ambassadors", "deployed its troops") with no code of its own."""
    own = load_grammar()["own_possessive"]
    if not any(c.dep_ == "poss" and c.lower_ in own for c in obj.children):
        return False
    actor = context.by_token.get(obj.i)
    return actor is None or actor.code is None


def _stance_objects(verb: Any) -> list[Any]:
    """ "blocked streets in defiance of the authorities", "fired in retaliation for the
    raid": the object of a stance noun under the verb's "in"."""
    stance = load_grammar()["stance_noun"]
    return [o for noun in prep_objects(verb, ("in",)) if noun.lemma_.lower() in stance
            for o in prep_objects(noun, ("of", "against", "with", "to", "for", "at", "over"))]


def _condition_subjects(verb: Any) -> list[Any]:
    """Subjects of the condition of a threat, under the verb or its complements: in
    "Russia threatened to quit the talks if the United States deploys missiles" the
    one threatened is whoever must meet the condition (CAMEO 13: "threaten … unless")."""
    marks = load_grammar()["conditional_mark"]
    found = []
    for node in verb.subtree:
        if node.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in marks for c in node.children):
            continue
        found += [c for c in node.children if c.dep_ in ACTIVE_SUBJECT_DEPS]
    return found


def _complement_targets(verb: Any, preps: tuple[str, ...], depth: int = 2) -> list[Any]:
    """Role candidates under the verb's complement ("threatened to break relations with
    Russia", "refused to meet the Egyptian envoy"): its objects and their prepositions."""
    found = []
    # "committed to maintaining Israel's edge": a gerund under "to" is a complement too.
    gerunds = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
               for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
    for child in [c for c in verb.children if c.dep_ == "xcomp"] + gerunds:
        objects = [c for c in child.children if c.dep_ in _OBJECT_DEPS]
        found += objects + prep_objects(child, preps)
        for obj in objects:
            found += prep_objects(obj, preps)
            # "maintaining Israel's edge": the object's possessor is whom it is for.
            found += [c for c in obj.children if c.dep_ == "poss"]
        if depth > 1:
            found += _complement_targets(child, preps, depth - 1)
    return found
