"""The attribution stage's thresholds, read from ``data/attribution/thresholds.yaml``.

Rates, counts and lengths the rules compare against are data (with the source of
each in the file's comments), not constants in the code. :data:`THRESHOLDS` is loaded
once, on first import.
"""

from __future__ import annotations

import functools
import typing
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Any

from eventwire.errors import DataFileError
from eventwire.lexicons import load_yaml

__all__ = ["THRESHOLDS", "THRESHOLDS_FILE", "Thresholds", "load_thresholds"]

THRESHOLDS_FILE = "attribution/thresholds.yaml"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """One field per key of ``thresholds.yaml``; the file says what each bounds."""

    min_rate: typing.Mapping[str, float]
    min_rate_other: float
    min_object_rate: float
    min_object_rate_thing: float
    min_prep_rate: float
    min_xcomp_rate: float
    min_trailing_rate: float
    min_comment_rate: float
    max_comment_tokens: int
    max_source_tokens: int
    max_inverted_source_tokens: int
    min_phrase_rate: float
    min_phrase_cues: int
    max_phrase_gap: int
    max_phrase_words: int
    min_quote_words: int
    max_quote_gap: int
    max_colon_gap: int
    min_nesting_quote_chars: int
    anonymity_window: int
    max_colon_name_words: int
    max_signature_name_words: int
    min_tweet_chars: int


def _number(origin: str, key: str, value: Any, kind: Any) -> float | int:
    """``value`` as the field's kind: an ``int`` for counts, a ``float`` for rates."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DataFileError(origin, f"{key}: expected a number, got {value!r}")
    if kind is int:
        if not isinstance(value, int):
            raise DataFileError(origin, f"{key}: expected a whole number, got {value!r}")
        return value
    return float(value)


def _rates(origin: str, key: str, value: Any) -> typing.Mapping[str, float]:
    """A ``{part of speech: rate}`` mapping, read-only."""
    if not isinstance(value, dict):
        raise DataFileError(origin, f"{key}: expected a mapping of part of speech to rate")
    return MappingProxyType({str(pos): float(_number(origin, f"{key}.{pos}", rate, float))
                             for pos, rate in value.items()})


@functools.cache
def load_thresholds(relative: str = THRESHOLDS_FILE) -> Thresholds:
    """Load a thresholds file (cached).

    Raises:
        DataFileError: when a key is missing or unknown, or a value is not a number
            of the right kind.
    """
    origin = f"data/{relative}"
    raw = load_yaml(relative)
    if not isinstance(raw, dict):
        raise DataFileError(origin, "expected a mapping of threshold names to numbers")
    hints = typing.get_type_hints(Thresholds)
    names = [f.name for f in fields(Thresholds)]
    unknown = sorted(set(raw) - set(names))
    if unknown:
        raise DataFileError(origin, f"unknown threshold {unknown[0]!r}; known: {', '.join(names)}")
    values: dict[str, Any] = {}
    for name in names:
        if name not in raw:
            raise DataFileError(origin, f"missing threshold {name!r}")
        if name == "min_rate":
            values[name] = _rates(origin, name, raw[name])
        else:
            values[name] = _number(origin, name, raw[name], hints[name])
    return Thresholds(**values)


THRESHOLDS = load_thresholds()
