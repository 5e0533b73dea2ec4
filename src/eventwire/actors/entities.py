"""People and organisations the parser finds that no dictionary entry covers: kept as
actors with no code ("Ahmed Maher", "Acme Holdings")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.actors.mention import Mention
from eventwire.actors.people import PERSON_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: Parser entities kept as unresolved actors, by spaCy label (the parser's label set).
UNRESOLVED_LABELS = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}


def unresolved_entities(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """People and organisations the parser finds that no mention already covers."""
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for ent in doc.ents:
        kind = UNRESOLVED_LABELS.get(ent.label_)
        if kind is None or not ent.text.strip():
            continue
        start, end = ent.start_char, ent.end_char
        if any(s < end and start < e for s, e in taken):
            continue
        if ent.label_ == "NORP" or _not_an_actor(ent, doc.text):
            continue
        m = Mention(start, end, kind=kind, name=ent.text, head=ent.text.lower())
        if ent.label_ in PERSON_LABELS:
            m.person = ent.text
        found.append(m)
    return found


def _not_an_actor(ent: Span, text: str) -> bool:
    """Parser entities that are products or abbreviated phrases, not actors.

    "F-35s" (digits) is a product; "QME" spelled out as "qualitative military edge
    (QME)" in the article abbreviates a lower-case phrase, not a name.
    """
    if any(ch.isdigit() for ch in ent.text):
        return True
    if ent.label_ == "ORG" and ent.text.isupper():
        at = text.find(f"({ent.text})")
        if at > 1 and text[at - 2].islower():
            return True
    return False
