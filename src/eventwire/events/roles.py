"""Source and target of an event from the dependency parse.

Tokens are mapped to actor mentions by character offsets (``Actor.start``/``end``), so
the events stage works with whatever the actors stage finds. The rules:

- verbs: the source is the subject (walking up through complements, conjoined verbs and
  relative clauses: "vowed to attack", "attacked and killed", "forces that attacked");
  in the passive the agent is the source and the subject the target ("Israel was
  attacked by Hamas"); the target is the direct object, else the object of the
  pattern's own preposition or of a target preposition ("attack on", "talks with");
- nouns: the source is a possessive, a nationality adjective, a compound or a "by"
  phrase ("Iran's attack", "an Iranian attack", "US sanctions"), else the subject of
  the verb that governs the noun ("launched an attack"); the target is a prepositional
  object ("an attack on Israel", "the sale of jets to Jordan");
- conjoined actors give one role each ("the US and Britain condemned Iran and Syria");
- inside an attribution's content, "we/our/us" are the speaker's actor and "you" the
  addressee when the framing sentence names one; "it" takes the nearest earlier actor
  of the same sentence other than the source; anything else unresolved stays ``None``.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
from typing import Any

from eventwire.events.patterns import Pattern, load_grammar, target_preps
from eventwire.model import Actor, Attribution, Role

_SUBJECTS = ("nsubj", "csubj", "expl")
_PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
# Arcs from a verb up to the verb whose subject it shares.
_SHARES_SUBJECT = frozenset({"xcomp", "conj", "pcomp", "prep", "acomp", "advcl", "ccomp"})
# Dependents of a noun that can name its actor ("Iranian officials", "Iran's army").
_MODIFIERS = ("poss", "compound", "amod", "nmod", "npadvmod", "appos")
_PLACE_PREPS = frozenset({"of", "from"})
# CAMEO roots of cooperation (statements to yielding), whose list of actors with no named
# partner acts among themselves.
_COOPERATIVE_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "07", "08"})
# CAMEO roots of appeals and demands (02, 10), whose "that" clause names who is asked.
_DEMAND_ROOTS = frozenset({"02", "10"})
# CAMEO roots whose target is what the act is about: disapprove (11), protest (14).
_GRIEVANCE_ROOTS = frozenset({"11", "14"})
_IT = frozenset({"it", "its", "itself"})
_PERSONAL = frozenset({"he", "she", "his", "her", "him", "hers", "himself", "herself"})


@dataclass(frozen=True, slots=True)
class Found:
    """An actor found for a role, and whether a heuristic (a pronoun) found it."""

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
class Context:
    """What role resolution needs to know about one article."""

    doc: Any
    actors: list[Actor]
    by_token: dict[int, Actor] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)
    speaker: Actor | None = None
    addressee: Actor | None = None

    @classmethod
    def build(cls, doc: Any, actors: list[Actor]) -> Context:
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

    def speaking(self, speaker: Actor | None, addressee: Actor | None) -> Context:
        """The same context, inside the content of an attribution."""
        return Context(self.doc, self.actors, self.by_token, self.starts, speaker, addressee)

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
            if actor.entity not in exclude and actor.code and _compatible(token, actor):
                return actor
            index -= 1
        return None


def _compatible(pronoun: Any, actor: Actor) -> bool:
    """Whether a third-person pronoun can stand for ``actor``: "it/its" for anything but
    a person, "he/she/his/her/him" for a person (or a mention of unknown kind)."""
    lower = pronoun.lower_
    if lower in _IT:
        return actor.kind != "person"
    if lower in _PERSONAL:
        return actor.kind in ("person", None)
    return True


def _direct(token: Any, context: Context) -> Found | None:
    actor = context.by_token.get(token.i)
    if actor is not None:
        return Found(actor)
    grammar = load_grammar()
    lower = token.lower_
    if lower in grammar["speaker_pronoun"] and context.speaker is not None:
        return Found(context.speaker)
    if lower in grammar["addressee_pronoun"] and context.addressee is not None:
        return Found(context.addressee, guessed=True)
    return None


def _coded(found: Found | None) -> bool:
    return found is not None and found.actor.code is not None


def _modifier_actor(token: Any, context: Context, depth: int = 2) -> Found | None:
    """A coded actor among the token's modifiers, up to ``depth`` arcs down ("NATO
    spokeswoman Ingrid Dahl": NATO modifies spokeswoman, which modifies Dahl)."""
    for child in token.children:
        if child.dep_ in _MODIFIERS:
            found = _direct(child, context)
            if _coded(found):
                return found
            if depth > 1:
                found = _modifier_actor(child, context, depth - 1)
                if found is not None:
                    return found
    return None


def _reporter(token: Any, context: Context) -> Found | None:
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
            who = subject(node.head)
            if who is None or who is token:
                return None
            found = _direct(who, context)
            if not _coded(found):
                found = _modifier_actor(who, context) or found
            if found is None or not _compatible(token, found.actor):
                return None
            return Found(found.actor, guessed=True)
        if node.dep_ not in ("xcomp", "conj", "aux", "acomp", "advcl", "ccomp") or node.head is node:
            return None
        node = node.head
    return None


def resolve_one(token: Any, context: Context, *, exclude: set[str] | None = None) -> Found | None:
    """Find the actor a role token names: itself, a modifier, or an "of" phrase."""
    uncoded = _direct(token, context)
    if _coded(uncoded):
        return uncoded
    # An uncoded mention ("Ingrid Dahl", "its soldiers") may still carry a coded
    # actor in its modifiers, its "of" phrase or an apposition; it is the last resort.
    grammar = load_grammar()
    if uncoded is None and token.lower_ in grammar["relative"] and token.head.dep_ == "relcl":
        return resolve_one(token.head.head, context, exclude=exclude)
    reported = _reporter(token, context)
    if reported is not None:
        return reported
    if uncoded is None and token.lower_ in _IT:
        actor = context.actor_before(token, exclude=exclude or set())
        return Found(actor, guessed=True) if actor is not None else None
    found = _modifier_actor(token, context)
    if found is not None:
        return found
    for child in token.children:
        if child.dep_ in _MODIFIERS and child.lower_ in grammar["third_pronoun"]:
            found = _reporter(child, context)  # "said its teams had delivered"
            if found is not None:
                return found
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = _direct(obj, context) or next(
                        (f for c in obj.children if c.dep_ in _MODIFIERS
                         for f in [_direct(c, context)] if f), None,
                    )
                    if found is not None:
                        return found
    if token.dep_ == "appos":
        # "A member of the Syrian parliament, Mohammed Mamoun, …": the head it renames.
        found = _direct(token.head, context)
        if _coded(found):
            return found
    if uncoded is not None:
        # "the uranium plant in central Iran", "students at a university in Lima": an
        # uncoded body or group placed in a state takes that state's code, as the
        # actors stage codes "officials in Cairo".
        for obj in _prep_objects(token, ("in", "at")):
            place = context.by_token.get(obj.i)
            if place is not None and place.code and place.kind == "state":
                return _of(uncoded, place.code)
    return uncoded


def resolve(token: Any, context: Context, *, exclude: set[str] | None = None) -> list[Found]:
    """Actors named by ``token`` and its conjuncts, one each, in text order."""
    found = []
    seen: set[str] = set()
    for item in _members(token):
        one = resolve_one(item, context, exclude=exclude)
        extra = _conjoined_modifiers(item, one, context) + _conjoined_of(item, one, context)
        for each in [one, *extra]:
            if each is not None and each.actor.entity not in seen:
                seen.add(each.actor.entity)
                found.append(each)
    return found


def resolve_subject(token: Any, context: Context) -> list[Found]:
    """Actors named by a subject and by any other subject the parser hung on the same
    verb: a comma list cut apart ("Lions, tigers, and Gondor welcomed …") or a
    descriptive noun before the names ("Old foes Gondor and Osgiliath renewed …")."""
    found = resolve(token, context)
    if token.dep_ not in _SUBJECTS or token.head is token:
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


def _members(token: Any) -> list[Any]:
    """The token and the other members of the list it heads, in text order.

    Conjuncts always; and, where the parser has cut a comma list of names apart
    ("Mordor, the Shire, Fornost and Bree": *the Shire* an apposition with conjuncts;
    "Arnor, Calenardhon and Gondor": *Arnor* a nominal modifier of *Gondor*), the
    apposition or proper-noun modifier that has conjuncts of its own. A plain
    apposition ("Netanyahu, Israel's prime minister") renames, so it is no member.
    """
    members = {t.i: t for t in (token, *token.conjuncts)}
    for item in list(members.values()):
        for child in item.children:
            listed = child.dep_ == "appos" or (child.dep_ == "nmod" and child.pos_ == "PROPN")
            if listed and child.conjuncts and child.i not in members:
                members.update((t.i, t) for t in (child, *child.conjuncts))
    return [members[i] for i in sorted(members)]


def _conjoined_of(token: Any, one: Found | None, context: Context) -> list[Found]:
    """ "The ambassadors of Arnor, Osgiliath and Gondor": when the of/from phrase is what
    gave the token its country, each conjunct of that phrase names one more actor."""
    if one is None or one.actor.code is None:
        return []
    found = []
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ not in _PLACE_PREPS:
            continue
        for obj in _pobjs(child):
            held = context.by_token.get(obj.i)
            if held is None or held.code != one.actor.code:
                continue
            for conj in obj.conjuncts:
                other = _direct(conj, context)
                if _coded(other):
                    found.append(other)
    return found


def _conjoined_modifiers(token: Any, one: Found | None, context: Context) -> list[Found]:
    """ "American and British warplanes": the actor of each conjoined modifier, when the
    first one is what named the token's actor."""
    if one is None or context.by_token.get(token.i) is not None:
        return []
    found = []
    for child in token.children:
        if child.dep_ in _MODIFIERS and context.by_token.get(child.i) is one.actor:
            for conj in child.conjuncts:
                other = _direct(conj, context)
                if _coded(other):
                    found.append(other)
    return found


def subject(verb: Any) -> Any | None:
    """The token that is the verb's (active) subject, walking up through complements."""
    grammar = load_grammar()
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ in _SUBJECTS:
                if child.lower_ in grammar["relative"] and node.dep_ == "relcl":
                    return node.head
                return child
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in grammar["object_control"]:
            obj = next((c for c in node.head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None:
                return obj
        doer = _object_doer(node)
        if doer is not None:
            return doer
        if node.dep_ == "acl" and _infinitive(node) and node.head.dep_ in ("dobj", "attr"):
            # "Turkey had no plans to expel …", "made a decision to …": the subject of
            # the verb that has the plan, not the plan.
            node = node.head.head
            continue
        if node.dep_ in ("relcl", "acl") and node.tag_ != "VBN":
            return node.head
        if node.dep_ not in _SHARES_SUBJECT or node.head is node:
            return None
        node = node.head
    return None


def _own(obj: Any, context: Context) -> bool:
    """Whether an object is the subject's own uncoded agents: possessed by "its/their"
    ("withdrew their ambassadors", "deployed its troops") with no code of its own."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in obj.children):
        return False
    actor = context.by_token.get(obj.i)
    return actor is None or actor.code is None


def _object_doer(gerund: Any) -> Any | None:
    """The object that does a gerund's act: "accused India of providing support",
    "blamed Iran for attacking" (``grammar.tsv`` ``object_does``); else ``None``."""
    prep = gerund.head
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG" or prep.dep_ != "prep":
        return None
    grammar = load_grammar()
    verb = prep.head
    if prep.lower_ not in grammar["object_does_prep"] or verb.lemma_.lower() not in grammar["object_does"]:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _infinitive(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _pobjs(prep: Any) -> list[Any]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def _prep_objects(token: Any, preps: tuple[str, ...]) -> list[Any]:
    """Objects of the token's prepositions, in the order of ``preps``."""
    children = [c for c in token.children if c.dep_ in ("prep", "dative", "agent")]
    found = []
    for word in preps:
        for child in children:
            if child.lower_ == word:
                found.extend(_pobjs(child))
    return found


def _first(
    tokens: list[Any], context: Context, exclude: set[str], seats: frozenset[str] | None = None,
) -> list[Found]:
    """The actors of the first candidate that names a coded actor; else of the first
    that names any actor (an uncoded "the diplomats" loses to a later "Israel"). For a
    target search (``seats`` given), a place name of a country in ``seats`` (the
    source's own state) and an uncoded place name are no candidates."""
    fallback: list[Found] = []
    for token in tokens:
        found = [f for f in resolve(token, context, exclude=exclude)
                 if f.actor.entity not in exclude and not _seat(f, seats, context)
                 and not (seats is not None and _bare_place(f, context))]
        if any(_coded(f) for f in found):
            return found
        fallback = fallback or found
    return fallback


_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def seats_of(sources: list[Found], context: Context, code: str = "") -> frozenset[str]:
    """The states the sources speak for: a place name of one of them is no target.

    Only a source the actors stage coded as the state (named by a place) or its
    government counts:
    "Kenyan farmers would blockade Nairobi" does target the capital (the government
    seated there). A coercion (CAMEO 17) is exempt: "Turkish authorities imposed a
    curfew in Cizre, Turkey" targets the people of that place."""
    if code.startswith("17"):
        return frozenset()
    return frozenset(
        f.actor.code for f in sources
        if f.actor.code is not None and not f.guessed
        and (f.actor.sector == "GOV" or _place_name(f.actor, context))
    )


def _seat(found: Found, seats: frozenset[str] | None, context: Context) -> bool:
    """Whether ``found`` is a bare place name (country, capital, city) of a state in
    ``seats``: "China will convene a meeting in Beijing", "Tehran rejected … Iran",
    "Trump's fight with the United States' partners" name the source's own state, not
    a target. A people or group of that state stays ("Croatia is investigating Croatian
    extremists"), and so does an organ named by a place ("the U.S. government")."""
    if not seats or found.guessed or found.unnamed or found.role().code not in seats:
        return False
    return _place_name(found.actor, context)


def _bare_place(found: Found, context: Context) -> bool:
    """An uncoded place name ("a hotel in Beledweyne", "a visit to Quetta"): a target
    candidate that gives no code, so the search goes on."""
    actor = found.actor
    if actor.code is not None or found.code is not None or found.guessed:
        return False
    span = context.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.ent_type_ in _PLACE_ENTITIES:
        return True
    # The parser's entity types miss small places ("the town of Beledweyne" is a
    # PERSON to it): the grammar of "the town of X" / "the city X" says place.
    holder = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else root.head
    return root.dep_ in ("pobj", "appos", "compound") and holder.lemma_.lower() in load_grammar()["place_noun"]


def _place_name(actor: Actor, context: Context) -> bool:
    """Whether the mention names a state by a place (country, capital, city), not a
    people or group of it ("Afghan guerillas", "Croatian extremists")."""
    if actor.kind != "state":
        return False
    span = context.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and span.root.ent_type_ in _PLACE_ENTITIES


def _complement_targets(verb: Any, preps: tuple[str, ...], depth: int = 2) -> list[Any]:
    """Role candidates under the verb's complement ("threatened to break relations with
    Russia", "refused to meet the Egyptian envoy"): its objects and their prepositions."""
    found = []
    # "committed to maintaining Israel's edge": a gerund under "to" is a complement too.
    gerunds = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
               for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
    for child in [c for c in verb.children if c.dep_ == "xcomp"] + gerunds:
        objects = [c for c in child.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
        found += objects + _prep_objects(child, preps)
        for obj in objects:
            found += _prep_objects(obj, preps)
            # "maintaining Israel's edge": the object's possessor is whom it is for.
            found += [c for c in obj.children if c.dep_ == "poss"]
        if depth > 1:
            found += _complement_targets(child, preps, depth - 1)
    return found


def verb_roles(
    verb: Any, pattern: Pattern, context: Context,
) -> tuple[list[Found], list[Found]]:
    """Sources and targets of a verb trigger."""
    passive_subject = next((c for c in verb.children if c.dep_ in _PASSIVE_SUBJECTS), None)
    agent = [o for c in verb.children if c.dep_ == "agent" for o in _pobjs(c)]
    participle = verb.tag_ == "VBN" and verb.dep_ == "advcl" and bool(agent) and not any(
        c.dep_ in ("aux", "nsubj") for c in verb.children
    )
    # "the US is committed to …": a stative participle of intent with no "by" agent is
    # an adjective; its subject is the one who intends, not a patient.
    stative = (passive_subject is not None and not agent
               and verb.lemma_.lower() in load_grammar()["intended"])
    if stative:
        passive_subject = None
    if passive_subject is not None or (verb.dep_ == "acl" and verb.tag_ == "VBN") or participle:
        sources = _first(agent, context, set())
        held = {f.actor.entity for f in sources}
        seats = seats_of(sources, context, pattern.code)
        if passive_subject is not None:
            patient = passive_subject
        elif participle:
            # "fighters … escape to Cameroon when attacked by government forces": the
            # participle's patient is the subject of the clause it modifies.
            patient = subject(verb.head) or verb.head
        else:
            patient = verb.head
        targets = _first([patient], context, held, seats)
        if not targets:
            targets = _first(_prep_objects(verb, pattern.preps + target_preps()), context, held, seats)
        if not targets:
            # "a camp for Congolese refugees was attacked": an actor inside the patient.
            targets = _first(_phrase_nested(patient), context, held, seats)
        return sources, targets
    who = subject(verb)
    if who is None and stative:
        who = next(c for c in verb.children if c.dep_ in _PASSIVE_SUBJECTS)
    sources = resolve_subject(who, context) if who is not None else []
    held = {f.actor.entity for f in sources}
    seats = seats_of(sources, context, pattern.code)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
    # "both countries withdrew their ambassadors": the source's own agents are no target.
    candidates = [o for o in objects if not _own(o, context)] + _prep_objects(verb, pattern.preps)
    # "in" says where, not to whom ("arrested protesters in Nairobi"): its object is
    # the last resort, below an uncoded object. The object's own "by" agent is a
    # target ("condemned an attack by Osgiliath soldiers": the soldiers are criticised).
    preps = _preps_but_in()
    if pattern.code[:2] in _GRIEVANCE_ROOTS:
        grievance = tuple(load_grammar()["grievance_prep"])
        preps = tuple(sorted(preps, key=lambda p: p not in grievance))
    for obj in objects:
        candidates += _prep_objects(obj, pattern.preps + preps + ("by",))
        # "condemned the attack carried out by Gondor": the agent of the object's participle.
        candidates += [o for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN"
                       for o in _prep_objects(c, ("by",))]
    aimed = _prep_objects(verb, preps) + _stance_objects(verb)
    candidates += aimed
    # "demanded that Iran withdraw", "accused Iran of …": the clause's subject; but not
    # for a speech verb: in "an official said Ethiopia broke ties" Ethiopia is what the
    # statement is about, not whom it is addressed to.
    if verb.lemma_.lower() not in load_grammar()["reporting"]:
        candidates += [s for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                       for s in c.children if s.dep_ in _SUBJECTS + _PASSIVE_SUBJECTS]
    candidates += _complement_targets(verb, pattern.preps + preps)
    targets = _first(candidates, context, held, seats)
    if (not targets and pattern.code[:2] in _COOPERATIVE_ROOTS and pattern.origin.startswith("data/")
            and sum(_coded(f) for f in sources) > 1):
        # "Israel and Jordan signed a treaty at a crossing in the Arava", "the ministers
        # of India and Pakistan met in Colombo": a cooperative act of a list of actors
        # with no named partner is among them (symmetric), not aimed at the place. (A
        # PETRARCH dictionary says so itself with its "%" slot.)
        return sources, targets
    if not targets:
        # A nested target: the first actor inside the object or a target preposition's
        # object ("cordoned off the roads leading into Mordor", "fired rockets at a post
        # in northern Israel").
        outer = [o for o in objects if not _own(o, context)] + aimed
        outer += _prep_objects(verb, ("by",))  # "by telephone with Merkel"
        nested = [t for o in outer for t in _nested(o)]
        # "discussed the crisis in Ukraine by telephone with Merkel": a partner beats a
        # place, wherever each is nested.
        located = {t.i for t in nested if t.head.lower_ == "in" and t.dep_ == "pobj"}
        nested = [t for t in nested if t.i not in located] + [t for t in nested if t.i in located]
        targets = _first(nested, context, held, seats)
    if not targets:
        # A purpose clause: "marched to show their disapproval of Israel's policies".
        # A protest's participle says what it is for ("marched through Belgrade
        # demanding the resignation of President Milosevic").
        purposes = [c for c in verb.children if c.dep_ == "advcl" and (
            _infinitive(c) or (pattern.code[:2] == "14" and c.tag_ == "VBG"))]
        targets = _first([t for c in purposes for t in c.subtree if t is not c], context, held, seats)
    if pattern.code.startswith("13") and not any(_coded(t) for t in targets):
        # An uncoded object ("expel the diplomats") loses to a coded condition subject.
        targets = _first(_condition_subjects(verb), context, held, seats) or targets
    if targets and any(_coded(t) or t.actor.kind == "person" for t in targets):
        return sources, targets
    places = _prep_objects(verb, ("in",)) + [
        t for o in objects for t in _prep_objects(o, ("in",))
    ] + _complement_targets(verb, ("in",))
    if not targets:
        return sources, _first(places, context, held, seats)
    # "dispatched inspectors to the Esfahan facilities in central Iran": the parser
    # hangs the place on the verb; an uncoded body there is of that state.
    state = next((f for f in _first(places, context, held, seats)
                  if _coded(f) and f.actor.kind == "state"), None)
    if state is not None:
        targets = [_of(t, state.actor.code) for t in targets]
    return sources, targets


@functools.lru_cache(maxsize=1)
def _preps_but_in() -> tuple[str, ...]:
    """Target prepositions without "in", which says where rather than to whom."""
    return tuple(p for p in target_preps() if p != "in")


def _stance_objects(verb: Any) -> list[Any]:
    """ "blocked streets in defiance of the authorities", "fired in retaliation for the
    raid": the object of a stance noun under the verb's "in"."""
    stance = load_grammar()["stance_noun"]
    return [o for noun in _prep_objects(verb, ("in",)) if noun.lemma_.lower() in stance
            for o in _prep_objects(noun, ("of", "against", "with", "to", "for", "at", "over"))]


def _condition_subjects(verb: Any) -> list[Any]:
    """Subjects of the condition of a threat, under the verb or its complements: in
    "Russia threatened to quit the talks if the United States deploys missiles" the
    one threatened is whoever must meet the condition (CAMEO 13: "threaten … unless")."""
    marks = load_grammar()["conditional_mark"]
    found = []
    for node in verb.subtree:
        if node.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in marks for c in node.children):
            continue
        found += [c for c in node.children if c.dep_ in _SUBJECTS]
    return found


def noun_roles(
    noun: Any, pattern: Pattern, context: Context,
) -> tuple[list[Found], list[Found]]:
    """Sources and targets of a noun trigger ("an attack on Israel")."""
    between = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
               for o in _pobjs(c)]
    if between:
        pair = resolve(between[0], context)
        if len(pair) >= 2:
            return pair[:1], pair[1:]
    # "Lai's release", "Navalny's arrest": the possessor undergoes the event.
    patient = noun.lemma_.lower() in load_grammar()["patient_noun"]
    owners = [c for c in noun.children if c.dep_ == "poss"] if patient else []
    modifiers = [c for c in noun.children if c.dep_ in _MODIFIERS and c not in owners]
    sources = []
    source_tokens: list[Any] = []  # the phrase that named the source is no target
    for token in modifiers + _prep_objects(noun, ("by", "from")):
        sources = resolve(token, context)
        if sources:
            source_tokens = [token]
            break
    governor = noun.head
    sufferer = _undergoer(noun)
    if sufferer is not None:
        # "Topuz is on trial", "Iran faces sanctions": the subject undergoes the event.
        held = {f.actor.entity for f in sources}
        targets = [f for f in resolve_subject(sufferer, context) if f.actor.entity not in held]
        return sources, targets
    if not sources and noun.dep_ in ("dobj", "attr", "nsubjpass", "pobj") and governor is not noun:
        if noun.dep_ == "pobj" and governor.dep_ == "prep":
            governor = governor.head
        # "confirmed al-Rufay'i's killing", "revoked Zamora's house arrest": the
        # governor's subject does not do a possessed patient noun's act unless the verb
        # is light ("carried out the killing").
        lightless = bool(owners) and governor.lemma_.lower() not in load_grammar()["light"]
        if governor.pos_ in ("VERB", "AUX") and not lightless:
            who = subject(governor)
            sources = resolve(who, context) if who is not None else []
    held = {f.actor.entity for f in sources}
    seats = seats_of(sources, context, pattern.code)
    # "its demand that Israel ease restrictions": whoever the clause asks to act.
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and not _infinitive(c)]
    if pattern.code[:2] in _DEMAND_ROOTS and noun.dep_ == "dobj":
        # "reiterated its demand today that Israel ease …": the parser hangs the
        # demand's clause on the verb that carries the noun.
        clauses += [c for c in noun.head.children if c.dep_ == "ccomp"
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    clause = [s for c in clauses for s in c.children
              if s.dep_ in _SUBJECTS + _PASSIVE_SUBJECTS and s.pos_ != "PRON"]
    # "in" says where ("protests in Lima"): its object comes after every other one.
    preps = _preps_but_in()
    objects = [o for o in _prep_objects(noun, pattern.preps + preps + ("of",)) if o not in source_tokens]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in load_grammar()["light"]:
        # "resumed protests in Lima against the ambassador": the parser hangs the
        # noun's target on the light verb that carries it.
        objects += _prep_objects(noun.head, preps)
    objects += _prep_objects(noun, ("in",))
    targets = _first(owners + objects + clause, context, held, seats)
    if not targets:
        # "a suspension of air links with Serbia", "in protest against violations by
        # the security forces": an actor nested inside a prepositional object; "a
        # demonstration calling for the removal of Mubarak": inside its participle's.
        called = [o for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBG"
                  for o in [*(d for d in c.children if d.dep_ == "dobj"), *_prep_objects(c, preps)]]
        targets = _first([t for o in objects + called for t in [o, *_phrase_nested(o)]], context, held, seats)
    return sources, targets


_NOUN_PHRASE = frozenset({"poss", "compound", "amod", "nmod", "pobj"})


def _phrase_nested(token: Any) -> list[Any]:
    """The tokens nested in ``token``'s noun phrase through its modifiers and the
    prepositions of ``nested_prep``, in text order; clauses, appositions and other
    prepositions ("a statement from the site of talks in Canada") are not entered."""
    allowed = load_grammar()["nested_prep"]
    found: list[Any] = []
    frontier = [token]
    while frontier:
        node = frontier.pop()
        for child in node.children:
            if child.dep_ in _NOUN_PHRASE or (child.dep_ == "prep" and child.lower_ in allowed):
                found.append(child)
                frontier.append(child)
    # A pronoun found this deep would be a guess ("threats to its security").
    return sorted((t for t in found if t.pos_ != "PRON"), key=lambda t: t.i)


def _nested(token: Any) -> list[Any]:
    """The tokens under ``token`` (not itself), in text order, leaving out what hangs
    under a preposition of proximity ("a post near the border with Niger")."""
    near = load_grammar()["proximity_prep"]
    skipped = {t.i for c in token.subtree if c.dep_ == "prep" and c.lower_ in near for t in c.subtree}
    return [t for t in token.subtree if t is not token and t.i not in skipped and t.pos_ != "PRON"]


def _undergoer(noun: Any) -> Any | None:
    """The subject that undergoes a noun event: of a verb like *face* whose object the
    noun is ("faces trial"), or of *be/remain* with an on/under phrase ("is on trial",
    "remains under arrest"); else ``None``."""
    grammar = load_grammar()
    governor = noun.head
    if noun.dep_ == "dobj" and governor.lemma_.lower() in grammar["undergoing"]:
        return subject(governor)
    if (noun.dep_ == "pobj" and governor.dep_ == "prep" and governor.lower_ in grammar["undergoing_prep"]
            and governor.head.lemma_.lower() in grammar["undergoing_state"]):
        return subject(governor.head)
    return None


def addressee(doc: Any, attribution: Attribution, context: Context, speaker: Actor | None) -> Actor | None:
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
    inside = lambda a: any(p.start <= a.start < p.end for p in parts)  # noqa: E731
    chosen = None
    for actor in context.actors:
        if not (sent.start_char <= actor.start < sent.end_char) or inside(actor):
            continue
        if speaker is not None and (
            actor.entity == speaker.entity or (actor.code and actor.code == speaker.code)
        ):
            continue
        if actor.code is None or actor.start > anchor.start:
            continue
        chosen = actor
    return chosen


@functools.lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def _sentence_countries(token: Any, context: Context) -> set[str]:
    sent = token.sent
    countries = _countries()
    return {
        a.code for a in context.actors
        if sent.start_char <= a.start < sent.end_char and a.code in countries
    }


def domestic(
    sources: list[Found], targets: list[Found], trigger: Any, code: str, context: Context,
) -> tuple[list[Found], list[Found]]:
    """Code a domestic event: source and target in the same country.

    - an uncoded official (state sector: "President Dos Santos") in a sentence that
      names exactly one country C is of C;
    - one role is a coded actor of country C and the other an uncoded mention
      ("President Dos Santos", "demonstrators") in a sentence that names no other
      country: the uncoded one is of C ("Egyptian police dispersed demonstrators");
    - a coercion (CAMEO 17) by a state's own forces on unnamed people ("Turkish police
      detained 37 people"): the target is the source's country.
    """
    countries = _sentence_countries(trigger, context)
    if len(countries) == 1:
        (country,) = countries
        # An official with a title but no country ("President Dos Santos conceded …"):
        # the state the sentence names is the one they serve.
        sources = [_official_of(f, country) for f in sources]
        targets = [_official_of(f, country) for f in targets]
        coded_source = any(f.role().code == country for f in sources)
        coded_target = any(f.role().code == country for f in targets)
        if coded_source:
            targets = [_of(f, country) for f in targets]
        if coded_target:
            sources = [_of(f, country) for f in sources]
    if code.startswith("17") and not targets and trigger.pos_ == "VERB" and any(
        c.dep_ == "dobj" and _people(c) for c in trigger.children
    ):
        targets = [
            Found(f.actor, guessed=True, code=f.actor.code, unnamed=True)
            for f in sources[:1] if f.actor.code in _countries()
        ]
    seats = seats_of(sources, context, code)
    targets = [f for f in targets if not _seat(f, seats, context)]
    return sources, _distinct(sources, targets)


def _people(obj: Any) -> bool:
    """Whether a direct object names people ("detained 37 people", "arrested dozens",
    "jailed protesters"), not things ("imposed similar measures")."""
    if obj.like_num or obj.ent_type_ in ("CARDINAL", "NORP", "PERSON") or obj.lower_ in ("him", "her", "them"):
        return True
    if any(c.dep_ == "nummod" for c in obj.children):
        return True
    return obj.lemma_.lower() in load_grammar()["people"]


def _key(found: Found) -> tuple[str | None, str | None]:
    role = found.role()
    return role.code, role.sector


def _distinct(sources: list[Found], targets: list[Found]) -> list[Found]:
    """Targets that are not the source again: an uncoded mention the domestic rule gave
    the source's own code and sector (the troops a state deploys) is dropped. A mention
    coded by the actors stage stays ("Croatia is investigating Croatian extremists"), and
    so does the unnamed target of a state's coercion ("Belarus arrested dozens")."""
    keys = {_key(f) for f in sources if _key(f)[0] is not None}
    return [f for f in targets if f.code is None or f.unnamed or _key(f) not in keys]


def _official_of(found: Found, country: str) -> Found:
    """An uncoded mention with a state sector (GOV, MIL …) given ``country``; other
    mentions unchanged."""
    if found.code is not None or found.unnamed or found.actor.sector not in load_grammar()["state_sector"]:
        return found
    return _of(found, country)


def _of(found: Found, country: str) -> Found:
    if found.actor.code is not None:
        return found
    return Found(found.actor, guessed=True, code=country)
