"""Country and state words among a noun phrase's modifiers: which one codes the phrase,
and the home state of what an entry names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.actors.lookup import Entry
from eventwire.actors.packaged import country_codes, ethnic_words
from eventwire.actors.phrases import Match

if TYPE_CHECKING:
    from spacy.tokens import Span


def home_of(entry: Entry | None) -> str | None:
    """The home state of what an entry names: its own code for a state or a state body
    (IDF → ISR), the group's country for a group (Hamas → PSE), None for an IGO."""
    if entry is None:
        return None
    if entry.home:
        return entry.home
    if entry.code and (entry.kind == "state" or entry.code in country_codes()):
        return entry.code
    return None


def is_ethnic(span: Span, entry: Entry) -> bool:
    """Whether a match is an ethnic group word ("Kurds", "Serbs")."""
    return entry.form == "ethnic" or span.text.lower() in ethnic_words()


def state_before(span: Span, origins: list[Match]) -> Match | None:
    """A coded country word right before ``span`` ("Bosnian" in "Bosnian Serbs")."""
    for other, entry in origins:
        if (other.end == span.start and entry.code and entry.form in ("name", "adjective")
                and not is_ethnic(other, entry)):
            return other, entry
    return None


def pick_origin(origins: list[Match]) -> Match | None:
    """The modifier that codes a phrase: the last one, except that an ethnic group word
    right after a country word is coded by the country ("Bosnian Serb forces" → BIH) and
    an ethnic word with no country codes nothing ("Kurdish fighters")."""
    if not origins:
        return None
    span, entry = origins[-1]
    if is_ethnic(span, entry):
        state = state_before(span, origins[:-1])
        if state is not None:
            return state
        if entry.code is None:
            return None
    return origins[-1]
