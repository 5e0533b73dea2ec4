"""The confidence of an event: how much evidence its roles and pattern give.

The weights live in ``data/events/confidence.tsv`` (README, "Confidence").
"""

from __future__ import annotations

import functools

from eventwire.errors import DataFileError
from eventwire.events.patterns import Pattern
from eventwire.events.roles import Filler
from eventwire.lexicons import load_tsv

CONFIDENCE_FILE = "events/confidence.tsv"
_WEIGHTS = (
    "start", "coded", "uncoded", "guessed", "words", "noun_penalty", "claim_penalty",
    "floor", "ceiling",
)


@functools.lru_cache(maxsize=1)
def confidence_weights() -> dict[str, float]:
    """``{name: value}`` from ``confidence.tsv`` (cached).

    Raises:
        DataFileError: when a value is no number, or a weight is missing or unknown.
    """
    origin = f"data/{CONFIDENCE_FILE}"
    weights: dict[str, float] = {}
    for line, (name, value) in load_tsv(CONFIDENCE_FILE, 2):
        if name not in _WEIGHTS:
            raise DataFileError(origin, f"unknown weight {name!r}", line=line)
        try:
            weights[name] = float(value)
        except ValueError as e:
            raise DataFileError(origin, f"bad number {value!r} for {name}", line=line) from e
    missing = [name for name in _WEIGHTS if name not in weights]
    if missing:
        raise DataFileError(origin, f"missing weights: {', '.join(missing)}")
    return weights


def confidence(
    pattern: Pattern, source: Filler | None, target: Filler | None, *, claimed: bool = False,
) -> float:
    """The documented confidence heuristic (see the README).

    0.3 to start; for each of source and target: +0.25 when the parse found a coded
    actor, +0.15 when the actor has no code ("the militants"), +0.1 when only a
    heuristic found it (a pronoun, or the domestic rule's country); +0.1 when the
    pattern needed more than its trigger word; -0.05 for a noun event; -0.05 for a
    claim (the event is what a source says, not what the text asserts). Clamped to
    0.05-0.95. (The figures are those of ``confidence.tsv``.)
    """
    weight = confidence_weights()
    score = weight["start"]
    for found in (source, target):
        if found is None:
            continue
        if found.guessed:
            score += weight["guessed"]
        elif found.actor.code is None:
            score += weight["uncoded"]
        else:
            score += weight["coded"]
    if pattern.words:
        score += weight["words"]
    if pattern.kind == "noun":
        score -= weight["noun_penalty"]
    if claimed:
        score -= weight["claim_penalty"]
    return round(min(weight["ceiling"], max(weight["floor"], score)), 2)
