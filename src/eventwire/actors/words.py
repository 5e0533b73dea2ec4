"""Small word lists and numeric settings of the actors stage (``data/actors/``).

Each loader reads its file once (cached) and raises
:class:`~eventwire.errors.DataFileError` naming the file and line when it is broken.
"""

from __future__ import annotations

import functools

from eventwire import lexicons
from eventwire.errors import DataFileError

_DETERMINER_KINDS = ("definite", "indefinite")
_THRESHOLDS = ("exact_case_max_letters", "abbreviation_window", "noun_phrase_climb")


def _words(name: str) -> frozenset[str]:
    return frozenset(row[0].strip().lower() for _, row in lexicons.load_tsv(f"actors/{name}", 1))


@functools.cache
def joiners() -> frozenset[str]:
    """Words and marks joining listed names: ``,``, "and", "or", "&" (``joiners.tsv``)."""
    return _words("joiners.tsv")


@functools.cache
def link_words() -> frozenset[str]:
    """Words after "<name>-" that only place or link a body ("based", ``link_words.tsv``)."""
    return _words("link_words.tsv")


@functools.cache
def agent_preps() -> frozenset[str]:
    """Prepositions attaching a country to an agent word ("of", ``agent_preps.tsv``)."""
    return _words("agent_preps.tsv")


@functools.cache
def _determiners() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {kind: [] for kind in _DETERMINER_KINDS}
    for number, (word, kind) in lexicons.load_tsv("actors/determiners.tsv", 2):
        if kind not in found:
            raise DataFileError("data/actors/determiners.tsv",
                                f"kind must be definite or indefinite, not {kind!r}", line=number)
        found[kind].append(word.strip().lower())
    return {kind: tuple(words) for kind, words in found.items()}


def definite() -> tuple[str, ...]:
    """Definite determiners in file order: "the", "this", "that" (``determiners.tsv``)."""
    return _determiners()["definite"]


def indefinite() -> tuple[str, ...]:
    """Indefinite determiners in file order: "a", "an", … (``determiners.tsv``)."""
    return _determiners()["indefinite"]


def opens_indefinite(phrase: str) -> bool:
    """Whether a phrase opens with an indefinite determiner ("a ministry", "an official")."""
    return phrase.lower().startswith(tuple(word + " " for word in indefinite()))


@functools.cache
def staff_words() -> frozenset[str]:
    """Agent words naming a body's staff ("official", "spokesman": ``staff_words.tsv``),
    normalised as dictionary phrases are."""
    return frozenset(" ".join(row[0].replace("_", " ").lower().split())
                     for _, row in lexicons.load_tsv("actors/staff_words.tsv", 1))


@functools.cache
def threshold(name: str) -> int:
    """A numeric setting of ``thresholds.yaml`` ("exact_case_max_letters" …)."""
    origin = "data/actors/thresholds.yaml"
    values = lexicons.load_yaml("actors/thresholds.yaml")
    if not isinstance(values, dict):
        raise DataFileError(origin, "expected a mapping of setting names to numbers")
    value = values.get(name)
    if name not in _THRESHOLDS or not isinstance(value, int) or isinstance(value, bool):
        raise DataFileError(origin, f"{name!r} must be set to a whole number")
    return value
