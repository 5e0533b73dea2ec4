"""The confidence of an event: the chance, read off its evidence, that a careful reader
would judge it fully right (an event, of the right type, with the right roles, modality
and negation).

Each event is described by a few yes/no facts (:data:`FEATURES`): how its roles were
found, whether its trigger is in the sentence's main clause, whether it is a noun or a
statement (CAMEO 01/02), whether a source claims it. The facts' weights
(``data/events/confidence.tsv``) add up to the event's *evidence*, which orders events;
a calibration (Platt scaling: ``1 / (1 + exp(-(scale * evidence + shift)))``) turns it
into the share of such events a careful reader judged fully right. Both are fitted by
``scripts/fit_confidence.py``: the weights on judged VOA events and the PLOVER dev
sentences together (judged news alone has too few right events to fit ten weights, and
weights fitted to it alone ranked the PLOVER sentences' main acts worse), the
calibration on the judged events alone (``tests/fixtures/judged/``; the reliability
table is in ``docs/stages/events.md``).
"""

from __future__ import annotations

import functools
import math
from typing import Any

from eventwire.errors import DataFileError
from eventwire.events.patterns import Pattern, load_grammar
from eventwire.events.roles import Filler
from eventwire.lexicons import load_tsv

CONFIDENCE_FILE = "events/confidence.tsv"

#: The facts the model weighs, in the order of ``confidence.tsv``.
FEATURES = (
    "source_named",  # the source is a coded actor named in or beside its mention
    "source_weak",  # the source is uncoded, a pronoun's guess, or a state read from the article
    "target_named",
    "target_weak",
    "main_clause",  # the trigger is in the main clause (or a reported clause) of its sentence
    "noun",  # the trigger is a noun ("the attack")
    "statement",  # CAMEO 01/02: a statement or appeal
    "claimed",  # inside an attribution's content: a source says it
    "specific",  # the pattern needed more than its trigger word ("impose sanction on")
    "not_asserted",  # intended, conditional, hypothetical or demanded
    "top",  # no other event of the sentence stands higher in its parse: the sentence's news
)
_SETTINGS = ("intercept", "scale", "shift", "floor", "ceiling")

# Arcs that keep a trigger in its sentence's main clause: the root, its conjuncts and
# complements; a noun that is the subject or object of a main-clause verb. A clause a
# speech verb reports ("Iran said it would attack") is main too: it is the news.
_MAIN_ARCS = frozenset({"ROOT", "conj", "xcomp"})
_ARGUMENT_ARCS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})
_MAX_CLIMB = 12


@functools.lru_cache(maxsize=1)
def confidence_weights() -> dict[str, float]:
    """``{name: value}`` from ``confidence.tsv`` (cached): the intercept, one weight per
    feature of :data:`FEATURES`, and the floor and ceiling of the score.

    Raises:
        DataFileError: when a value is no number, or a weight is missing or unknown.
    """
    origin = f"data/{CONFIDENCE_FILE}"
    known = FEATURES + _SETTINGS
    weights: dict[str, float] = {}
    for line, (name, value) in load_tsv(CONFIDENCE_FILE, 2):
        if name not in known:
            raise DataFileError(origin, f"unknown weight {name!r}", line=line)
        try:
            weights[name] = float(value)
        except ValueError as e:
            raise DataFileError(origin, f"bad number {value!r} for {name}", line=line) from e
    missing = [name for name in known if name not in weights]
    if missing:
        raise DataFileError(origin, f"missing weights: {', '.join(missing)}")
    return weights


def main_clause(trigger: Any) -> bool:
    """Whether the trigger belongs to its sentence's main clause: reached from the root
    through conjuncts, complements, a speech verb's reported clause, or as the subject
    or object noun of such a verb ("launched an attack"). A relative clause, an
    adverbial clause, a prepositional phrase or a modifier is background ("refugees
    fleeing the war", "after protests")."""
    reporting = load_grammar()["reporting"]
    node = trigger
    for _ in range(_MAX_CLIMB):
        if node.head.i == node.i:
            return True
        arc = node.dep_
        fine = (
            arc in _MAIN_ARCS
            or (arc == "ccomp" and node.head.lemma_.lower() in reporting)
            or (arc in _ARGUMENT_ARCS and node.pos_ in ("NOUN", "PROPN") and node.head.pos_ in ("VERB", "AUX"))
        )
        if not fine:
            return False
        node = node.head
    return False


def _role_facts(found: Filler | None) -> tuple[bool, bool]:
    """(named, weak) for one role."""
    if found is None:
        return False, False
    named = not found.guessed and found.actor.code is not None and not found.actor.inferred
    return named, not named


def features(
    pattern: Pattern, source: Filler | None, target: Filler | None, *,
    trigger: Any, code: str, modality: str, claimed: bool,
) -> dict[str, bool]:
    """The facts of one event, as :data:`FEATURES` names them."""
    source_named, source_weak = _role_facts(source)
    target_named, target_weak = _role_facts(target)
    return {
        "source_named": source_named,
        "source_weak": source_weak,
        "target_named": target_named,
        "target_weak": target_weak,
        "main_clause": main_clause(trigger),
        "noun": pattern.kind == "noun",
        "statement": code[:2] in ("01", "02"),
        "claimed": claimed,
        "specific": bool(pattern.words),
        "not_asserted": modality != "asserted",
    }


def evidence(facts: dict[str, bool]) -> float:
    """The weight of an event's evidence: the intercept plus the weights of the facts
    that hold (``confidence.tsv``); it orders events, the calibration gives it meaning."""
    weight = confidence_weights()
    return weight["intercept"] + sum(weight[name] for name in FEATURES if facts.get(name))


def score(facts: dict[str, bool]) -> float:
    """The confidence of an event with these facts: its evidence, calibrated
    (``scale``, ``shift``), clamped to the floor and ceiling, rounded to three places."""
    weight = confidence_weights()
    chance = 1.0 / (1.0 + math.exp(-(weight["scale"] * evidence(facts) + weight["shift"])))
    return round(min(weight["ceiling"], max(weight["floor"], chance)), 3)


def confidence(
    pattern: Pattern, source: Filler | None, target: Filler | None, *,
    trigger: Any, code: str, modality: str = "asserted", claimed: bool = False, top: bool = True,
) -> float:
    """The confidence of one event (see the module docstring); ``top``: no other event
    of its sentence stands higher in the parse."""
    facts = features(pattern, source, target, trigger=trigger, code=code, modality=modality, claimed=claimed)
    return score(dict(facts, top=top))
