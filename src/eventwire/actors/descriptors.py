"""Definite descriptors ("the world body", "the alliance") and what each may refer back
to (``descriptors.tsv``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from eventwire import lexicons
from eventwire.actors.lookup import Dictionary, Entry, Source, normalise
from eventwire.errors import DataFileError

#: Kinds a descriptor may name: the kinds coreference can resolve a body to.
DESCRIBED_KINDS = frozenset({"igo", "ngo", "group", "state"})


@dataclass(frozen=True, slots=True)
class Descriptor:
    """What a definite descriptor ("the world body") may refer back to."""

    kinds: frozenset[str]
    codes: frozenset[str]


@functools.lru_cache(maxsize=1)
def descriptors() -> dict[str, Descriptor]:
    """Descriptors by normalised phrase (``descriptors.tsv``)."""
    origin = "data/actors/descriptors.tsv"
    found = {}
    for number, (phrase, kinds, codes) in lexicons.load_tsv("actors/descriptors.tsv", 3):
        wanted = frozenset(k.strip() for k in kinds.split("|") if k.strip())
        if not wanted or not wanted <= DESCRIBED_KINDS:
            raise DataFileError(origin, f"bad kinds {kinds!r}", line=number)
        found[normalise(phrase)] = Descriptor(
            wanted, frozenset(c.strip() for c in codes.split("|") if c.strip()))
    return found


def add_descriptors(d: Dictionary) -> None:
    """Add descriptor-only words ("world body", "alliance") as agent words with no sector,
    so that "the world body" is a mention; coreference keeps it only when resolved."""
    for phrase in descriptors():
        if phrase not in d.entries:
            d.add(phrase, Entry(None, None, "organisation", "agent", origin="descriptors.tsv",
                                source=Source.DESCRIPTORS))
