"""Dependency-tree helpers of role finding: no actors here, only the parse.

Objects of prepositions, infinitives, the members of a list, the tokens nested in a
phrase, and the climb from an event verb up to its *agent* subject (who does the act;
the attribution stage has its own rule for who speaks). The label sets below are
spaCy's English dependency labels, the parser's grammar contract rather than knowledge
to tune, so they stay in code; word classes come from ``data/events/grammar.tsv``.
"""

from __future__ import annotations

import functools
from typing import Any

from eventwire.events.patterns import load_grammar, target_preps

#: Labels of an active subject.
ACTIVE_SUBJECT_DEPS = ("nsubj", "csubj", "expl")
#: Labels of a passive subject (the patient).
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
#: Labels under which a noun's dependent can name its actor ("Iranian officials",
#: "Iran's army").
ACTOR_MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod", "appos")
# Arcs from a verb up to the verb whose subject it shares.
_SHARES_SUBJECT = frozenset({"xcomp", "conj", "pcomp", "prep", "acomp", "advcl", "ccomp"})
# Arcs that stay inside a noun phrase (with the prepositions of ``nested_prep``).
_NOUN_PHRASE = frozenset({"poss", "compound", "amod", "nmod", "pobj"})


def agent_subject(verb: Any) -> Any | None:
    """The token that is the event verb's (active) agent subject, walking up through
    complements, conjoined verbs and relative clauses ("vowed to attack", "attacked and
    killed", "forces that attacked"); ``None`` when there is none."""
    grammar = load_grammar()
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ in ACTIVE_SUBJECT_DEPS:
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
        if node.dep_ == "acl" and infinitive(node) and node.head.dep_ in ("dobj", "attr"):
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


def infinitive(verb: Any) -> bool:
    """Whether the verb is a "to" infinitive ("to attack")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def pobjs(prep: Any) -> list[Any]:
    """The objects of a preposition."""
    return [c for c in prep.children if c.dep_ == "pobj"]


def prep_objects(token: Any, preps: tuple[str, ...]) -> list[Any]:
    """Objects of the token's prepositions, in the order of ``preps``."""
    children = [c for c in token.children if c.dep_ in ("prep", "dative", "agent")]
    found = []
    for word in preps:
        for child in children:
            if child.lower_ == word:
                found.extend(pobjs(child))
    return found


@functools.lru_cache(maxsize=1)
def preps_but_in() -> tuple[str, ...]:
    """Target prepositions without "in", which says where rather than to whom."""
    return tuple(p for p in target_preps() if p != "in")


def list_members(token: Any) -> list[Any]:
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


def phrase_nested(token: Any) -> list[Any]:
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


def subtree_nested(token: Any) -> list[Any]:
    """The tokens under ``token`` (not itself), in text order, leaving out what hangs
    under a preposition of proximity ("a post near the border with Niger")."""
    near = load_grammar()["proximity_prep"]
    skipped = {t.i for c in token.subtree if c.dep_ == "prep" and c.lower_ in near for t in c.subtree}
    return [t for t in token.subtree if t is not token and t.i not in skipped and t.pos_ != "PRON"]
