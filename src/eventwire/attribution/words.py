"""Word lists of the attribution rules, read from ``data/attribution/``.

- ``cue_words.yaml``: verbs, pronouns, entity labels and prepositions the cue rules
  treat specially (:class:`CueWords`, :data:`CUE_WORDS`);
- ``abbreviations.tsv``: abbreviations whose period ends no sentence
  (:func:`load_abbreviations`).

Both are loaded once, cached.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields
from typing import Any

from eventwire.errors import DataFileError
from eventwire.lexicons import load_tsv, load_yaml

__all__ = [
    "ABBREVIATIONS_FILE", "CUE_WORDS", "CUE_WORDS_FILE", "CueWords", "load_abbreviations",
    "load_cue_words",
]

CUE_WORDS_FILE = "attribution/cue_words.yaml"
ABBREVIATIONS_FILE = "attribution/abbreviations.tsv"


@dataclass(frozen=True, slots=True)
class CueWords:
    """One set per key of ``cue_words.yaml``; the file says what each holds."""

    wanting: frozenset[str]
    raising: frozenset[str]
    not_cues: frozenset[str]
    speaker_pronouns: frozenset[str]
    speaker_entities: frozenset[str]
    medium_prepositions: frozenset[str]
    noun_content_prepositions: frozenset[str]
    noun_source_prepositions: frozenset[str]
    phrase_kept_words: frozenset[str]


def _words(origin: str, key: str, value: Any) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise DataFileError(
            origin, f"{key}: expected a list of words (quote yes/no words such as \"on\"), "
            f"got {value!r}",
        )
    return frozenset(value)


@functools.cache
def load_cue_words(relative: str = CUE_WORDS_FILE) -> CueWords:
    """Load the cue rules' word lists (cached).

    Raises:
        DataFileError: when a list is missing or unknown, or holds something other
            than words.
    """
    origin = f"data/{relative}"
    raw = load_yaml(relative)
    if not isinstance(raw, dict):
        raise DataFileError(origin, "expected a mapping of list names to word lists")
    names = [f.name for f in fields(CueWords)]
    unknown = sorted(set(raw) - set(names))
    if unknown:
        raise DataFileError(origin, f"unknown word list {unknown[0]!r}; known: {', '.join(names)}")
    for name in names:
        if name not in raw:
            raise DataFileError(origin, f"missing word list {name!r}")
    return CueWords(**{name: _words(origin, name, raw[name]) for name in names})


@functools.cache
def load_abbreviations(relative: str = ABBREVIATIONS_FILE) -> tuple[str, ...]:
    """Abbreviations without their final period, in file order (cached)."""
    return tuple(fields_[0] for _, fields_ in load_tsv(relative, columns=1)
                 if fields_[0] != "abbreviation")


CUE_WORDS = load_cue_words()
