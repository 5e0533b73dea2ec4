"""Mentions headed by a person the parser finds but no dictionary knows, with a title or
country before the name: "Defense Secretary Ashton Carter", "Egyptian activist Ahmed
Maher"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.actors.agents import combine_sector
from eventwire.actors.countries import home_of, pick_origin
from eventwire.actors.lookup import Entry, Source
from eventwire.actors.mention import Mention
from eventwire.actors.phrases import Match

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# The parser's entity label for people (spaCy's label set: part of the parser contract).
PERSON_LABELS = frozenset({"PERSON"})


def person_mention(doc: Doc, head: Token, origins: list[Match], agents: list[Match]) -> Mention:
    """One person actor: code from the country word, sector from the title."""
    ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
    start_tok = head.left_edge.i
    end_tok = max(head.i + 1, ent.end if ent is not None else 0)
    picked = pick_origin(origins)
    origin = picked[1] if picked else None
    title = agents[-1] if agents else None
    person_name = ent.text if ent is not None else head.text
    if title is not None:
        # "Defense Secretary Ashton Carter": the entity may swallow the title.
        title_end = title[0].end
        if ent is not None and ent.start < title_end:
            person_name = doc[title_end:ent.end].text
    sector = combine_sector(origin, title[1]) if title else (origin.sector if origin else None)
    return Mention(
        doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1].text),
        code=origin.code if origin else None, sector=sector, kind="person",
        name=person_name, anonymous=False,
        head=person_name.lower(), title=title[0].text.lower() if title else "",
        person=person_name, home=home_of(origin),
        evidence=_evidence(origin),
    )


def _evidence(origin: Entry | None) -> str | None:
    """ "Lamu County Commissioner X": a place's state; "Chinese diplomat X": the title."""
    if origin is None or not origin.code:
        return None
    return "place" if origin.source in (Source.REGIONS, Source.SEATS) else "title"
