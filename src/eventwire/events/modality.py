"""Modality and negation of an event trigger, read off the dependency parse.

Classes of words come from ``data/events/grammar.tsv``:

- ``conditional``: "would", or a clause marker ("if", "unless") on the trigger or on a
  clause attached to it ("we will defend you if you are attacked");
- ``hypothetical``: "may", "might", "could" (without an if-clause), or a framing noun
  ("the possibility of an attack", "in the event of an attack");
- ``demanded``: the trigger is the complement of a demanding verb ("urged Iran to
  withdraw");
- ``intended``: "will", "shall", or an intending verb ("plans to", "vows to");
- ``asserted`` otherwise. Negation is separate: a negator on the trigger or its
  auxiliaries ("not", "never", "no sale"), or a denying verb above it ("refused to").
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

from eventwire.events.patterns import load_grammar
from eventwire.events.roots import root_has
from eventwire.lexicons import load_tsv

SHIFTS_FILE = "events/shifts.tsv"
_SHIFT_KINDS = ("intended", "threatened", "refused", "demanded")

# Arcs from a complement up to the verb that governs it. These label sets and walk
# depths are spaCy's dependency grammar and the reach of each rule, not word lists or
# tuned figures, so they stay beside the walks they bound.
_UP = frozenset(
    {"xcomp", "ccomp", "pcomp", "prep", "acomp", "conj", "advcl", "dobj", "pobj", "attr", "acl"}
)
_MAX_UP = 3


def _chain(trigger: Any) -> list[Any]:
    """The trigger and the verbs governing it, nearest first (stops at the root)."""
    chain = [trigger]
    node = trigger
    for _ in range(_MAX_UP):
        if node.dep_ not in _UP or node.head is node:
            break
        node = node.head
        chain.append(node)
    return chain


def _aux_words(token: Any) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")} | {
        c.lemma_.lower() for c in token.children if c.dep_ in ("aux", "auxpass")
    }


def _has_condition(token: Any, marks: frozenset[str]) -> bool:
    for child in token.children:
        if child.dep_ == "mark" and child.lower_ in marks:
            return True
        if child.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in marks for g in child.children
        ):
            return True
    return False


def _mandative(verb: Any) -> bool:
    """Whether a "that" clause states what must happen: a bare verb ("insisted that Iran
    withdraw") or an obligation ("… that Iran should withdraw"), not a statement of fact
    ("insists it is committed to peace")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    bare = verb.tag_ == "VB" or any(c.tag_ == "VB" and c.lower_ == "be" for c in auxes)  # "that he be freed"
    if bare and not any(c.tag_ == "MD" for c in auxes):
        return True
    return bool(_aux_words(verb) & load_grammar()["obligation"])


def modality(trigger: Any) -> str:
    """Return the modality of the event whose trigger is ``trigger``."""
    grammar = load_grammar()
    chain = _chain(trigger)
    verbs = [t for t in chain if t.pos_ in ("VERB", "AUX") or t.tag_ == "VBN"]
    for below, governor in itertools.pairwise(chain):
        lemma = governor.lemma_.lower()
        if governor.pos_ == "VERB" and (
            (below.dep_ == "xcomp" and lemma in grammar["demanded"])
            or (below.dep_ == "ccomp" and lemma in grammar["demanded_that"] and _mandative(below))
        ):
            return "demanded"
    if reported_obligation(trigger) is not None:
        return "demanded"
    if any(_has_condition(t, grammar["conditional_mark"]) for t in chain[:2]):
        return "conditional"
    aux = set().union(*(_aux_words(t) for t in verbs)) if verbs else set()
    if in_hypothetical_scope(trigger):  # "fears that Peru would impose …"
        return "hypothetical"
    if aux & grammar["conditional"]:
        return "conditional"
    if aux & grammar["hypothetical"]:
        return "hypothetical"
    if trigger.pos_ == "NOUN" and any(
        t.lemma_.lower() in grammar["hypothetical_noun"] for t in chain[1:]
    ):
        return "hypothetical"
    if aux & grammar["intended"]:
        return "intended"
    if trigger.lemma_.lower() in grammar["intended"] and (
        trigger.pos_ == "ADJ" or trigger.dep_ == "acomp"
        or any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children)
    ):
        # "the US is committed to …", "Iran is ready to …": the stative intent word is
        # itself the trigger.
        return "intended"
    if any(
        g.lemma_.lower() in grammar["intended"] and g.pos_ in ("VERB", "ADJ") for g in chain[1:]
    ):
        return "intended"
    return "asserted"


def negated(trigger: Any) -> bool:
    """Return ``True`` when the event is negated or denied."""
    grammar = load_grammar()
    negators = grammar["negator"]
    chain = _chain(trigger)
    for child in trigger.children:
        if child.dep_ in ("neg", "det", "advmod", "preconj") and child.lower_ in negators:
            if _not_only(child):
                continue
            return True
    # "will not defend": the negator sits on the trigger's own auxiliary verb chain
    # or, for a complement ("did not agree to meet"), on the verb right above it.
    for governor in chain[1:2]:
        if trigger.dep_ in ("xcomp", "attr", "dobj") and any(
            c.dep_ == "neg" and not _not_only(c) for c in governor.children
        ):
            return True
    for governor in chain[1:]:
        if governor.pos_ == "VERB" and governor.lemma_.lower() in grammar["negating_verb"]:
            return True
    if _negative_subject(trigger) or _without(trigger):
        return True
    return in_negated_scope(trigger)


def _negative_subject(trigger: Any) -> bool:
    """ "No one was killed", "Nobody was arrested", "None of the prisoners were freed",
    "Neither side attacked": a subject that is a negative quantifier negates its verb
    (for a noun trigger, the verb it is the object of)."""
    grammar = load_grammar()
    verb = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "attr") else trigger
    for subject in verb.children:
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        # "Israel, not Iran, attacked", "Not only Iran but also Iraq": no negative subject.
        if subject.lower_ in grammar["negative_pronoun"] or any(
            c.dep_ in ("det", "preconj") and c.lower_ in grammar["negative_determiner"] and not _not_only(c)
            for c in subject.children
        ):
            return True
    return False


def _without(trigger: Any) -> bool:
    """ "entered the town without firing a shot", "without a fight": not done."""
    return trigger.dep_ in ("pcomp", "pobj") and trigger.head.lower_ == "without"


# Arcs inside a noun phrase: an event under one of these is in the scope of the noun
# it hangs from ("no discussions regarding a package of aid to Israel").
_NOMINAL = frozenset({"prep", "pobj", "pcomp", "compound", "nmod", "amod", "appos", "acl", "dobj"})
_MAX_SCOPE = 8


def _nominal_heads(trigger: Any) -> list[Any]:
    """The nouns (and participles) the trigger hangs from inside its noun phrase,
    nearest first; the walk stops at the first finite verb."""
    heads = []
    node = trigger
    for _ in range(_MAX_SCOPE):
        if node.dep_ not in _NOMINAL or node.head is node:
            break
        node = node.head
        # a participle inside the phrase ("regarding", "aimed at") is no clause
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in _NOMINAL:
            break
        heads.append(node)
    return heads


def in_negated_scope(trigger: Any) -> bool:
    """``True`` when the trigger sits inside a negated noun phrase ("no discussions
    regarding military aid to Israel": the aid is not asserted either), or is the
    subject of a clause a denying verb governs ("denied that talks had taken place")."""
    grammar = load_grammar()
    negators = grammar["negator"]
    for head in [trigger, *_nominal_heads(trigger)][1:]:
        if any(c.dep_ in ("det", "neg") and c.lower_ in negators and not _not_only(c)
               for c in head.children):
            return True
    outer = ([trigger, *_nominal_heads(trigger)])[-1]
    if outer.dep_ in ("nsubj", "nsubjpass"):
        clause = outer.head
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in grammar["negating_verb"]:
            return True
    return False


def in_hypothetical_scope(trigger: Any) -> bool:
    """``True`` when the trigger is inside a clause or phrase that states no fact:

    - the "that" clause of a noun of concern ("concerns that military sales could
      erode …": neither the sales nor the erosion is asserted);
    - the phrase of a noun of need ("reduces the need for a military attack").
    """
    grammar = load_grammar()
    phrase = [trigger, *_nominal_heads(trigger)]
    nodes = list(phrase)
    node = phrase[-1]
    if node.dep_ in ("nsubj", "nsubjpass", "dobj") and node.head is not node:
        node = node.head  # the clause the trigger phrase belongs to
    for _ in range(3):
        nodes.append(node)
        if node.dep_ not in ("conj", "xcomp") or node.head is node:
            break
        node = node.head
    if any(n.dep_ in ("acl", "ccomp") and n.head.pos_ == "NOUN"
           and n.head.lemma_.lower() in grammar["concern_noun"] for n in nodes):
        return True
    return any(h.lemma_.lower() in grammar["need_noun"] and h.pos_ == "NOUN"
               for h in _nominal_heads(trigger))


def reported_obligation(trigger: Any) -> Any | None:
    """The speech verb of "X said (that) Y must …", when the trigger carries "must"
    ("should", "ought") in a clause that verb reports; else ``None``."""
    grammar = load_grammar()
    if trigger.pos_ not in ("VERB", "AUX") or not (_aux_words(trigger) & grammar["obligation"]):
        return None
    if trigger.dep_ == "ccomp" and trigger.head.lemma_.lower() in grammar["reporting"]:
        return trigger.head
    return None


def _not_only(token: Any) -> bool:
    """ "not only … but also" adds, it does not negate."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ in load_grammar()["additive"]


@functools.lru_cache(maxsize=1)
def load_shifts() -> dict[str, dict[str, str]]:
    """``{code prefix: {kind: code}}`` from ``data/events/shifts.tsv`` (cached)."""
    shifts: dict[str, dict[str, str]] = {}
    for _line, (prefix, *codes) in load_tsv(SHIFTS_FILE, 5):
        shifts[prefix] = {k: c for k, c in zip(_SHIFT_KINDS, codes, strict=True) if c != "-"}
    return shifts


def _shifted(code: str, kind: str) -> str | None:
    shifts = load_shifts()
    for size in range(len(code), 1, -1):
        found = shifts.get(code[:size], {}).get(kind)
        if found is not None:
            return found
    return None


def governor_in(trigger: Any, words: frozenset[str]) -> Any | None:
    """The nearest verb (or adjective) above the trigger whose lemma is in ``words``,
    reached through complements ("refused to negotiate", "rejected an appeal to …")."""
    for governor in _chain(trigger)[1:]:
        if governor.pos_ in ("VERB", "ADJ") and governor.lemma_.lower() in words:
            return governor
    return None


def shift(trigger: Any, code: str, mode: str) -> tuple[str, str | None, Any | None]:
    """The code an event takes as a refusal, threat, demand or intention.

    Returns ``(code, kind, governor)``: ``kind`` is ``"refused"``, ``"threatened"``,
    ``"demanded"``, ``"intended"`` or ``None`` (no shift), and ``governor`` the verb that
    caused it, if any. A refusal is asserted, so the caller clears ``negated``; "will not
    accept" counts as a refusal too. A conditional counts as a threat only for the
    consequence ("would attack"), never for the condition ("if Iran attacks").
    """
    grammar = load_grammar()
    refusing = governor_in(trigger, grammar["refusing"])
    will_not = (
        trigger.pos_ == "VERB"
        and any(c.dep_ == "neg" and not _not_only(c) for c in trigger.children)
        and bool(_aux_words(trigger) & grammar["intended"])
    )
    if refusing is not None or will_not:
        found = _shifted(code, "refused")
        if found:
            return found, "refused", refusing
    threatening = governor_in(trigger, grammar["threatening"])
    in_condition = any(
        c.dep_ == "mark" and c.lower_ in grammar["conditional_mark"] for c in trigger.children
    )
    consequence = trigger.pos_ == "VERB" and mode in ("intended", "conditional") and not in_condition
    if threatening is not None or consequence:
        found = _shifted(code, "threatened")
        # A "will/would" consequence of a cooperative act is a promise: only a
        # threatening verb makes it a threat (``promise`` in root_policies.tsv).
        if found and (not root_has("promise", code) or threatening is not None):
            return found, "threatened", threatening
    if mode == "demanded":
        found = _shifted(code, "demanded")
        if found:
            demander = governor_in(trigger, grammar["demanded"] | grammar["demanded_that"])
            demander = demander or reported_obligation(trigger)
            return found, "demanded", demander
    if mode == "intended" and not negated(trigger):  # "there will be no sale": a negated act
        found = _shifted(code, "intended")
        if found:
            return found, "intended", None
    return code, None, None
