"""Mentions headed by a dictionary name: a name alone ("the Kremlin"), a name with
modifiers ("Russian President Vladimir Putin", "Iran's Revolutionary Guards"), an ethnic
group after a country word ("Bosnian Serbs"), a PETRARCH prefix agent ("MSF Arnor")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.actors.countries import home_of, pick_origin, state_before
from eventwire.actors.lookup import Entry
from eventwire.actors.mention import Mention
from eventwire.actors.phrases import Match

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def plain_mention(doc: Doc, span: Span, entry: Entry) -> Mention:
    """A mention of one match as it stands ("the US", "Hamas", "Ashton Carter")."""
    start_tok = span.start
    before = doc[start_tok - 1] if start_tok > 0 else None
    # "the US", "the Kremlin": the article belongs to the name.
    if (before is not None and before.lower_ == "the" and before.head.i in
            range(span.start, span.end)):
        start_tok -= 1
    mention = Mention(
        doc[start_tok].idx, span.end_char, code=entry.code, sector=entry.sector,
        kind=entry.kind, name=entry.name, head=span.text.lower(), home=home_of(entry),
    )
    if entry.form == "abbr":
        mention.abbr = entry
        mention.kind = "organisation"
    if entry.kind == "person":
        mention.person = entry.name
        mention.aliases = entry.aliases
    return mention


def name_with_modifiers(doc: Doc, head: Token, head_match: Match,
                        origins: list[Match]) -> Mention:
    """A name with the words before it: an uncoded name or an abbreviation takes the
    code of the country word that modifies it ("Iraqi IAF" reads IAF as Iraq's)."""
    span, entry = head_match
    mention = plain_mention(doc, span, entry)
    start = doc[head.left_edge.i].idx
    mention.start = min(mention.start, start)
    picked = pick_origin(origins)
    if picked is not None and (entry.form == "abbr" or not entry.code):
        origin = picked[1]
        mention.code = mention.code or origin.code
        mention.home = mention.home or home_of(origin)
        if entry.form == "abbr":
            reading = next((c for c in entry.candidates if c.code == origin.code), None)
            if reading is not None:
                mention.code, mention.sector = reading.code, reading.sector
                mention.name, mention.abbr = reading.name, None
                mention.home = home_of(reading)
    return mention


def ethnic_mentions(doc: Doc, head: Token, head_match: Match,
                    origins: list[Match]) -> list[Mention]:
    """ "Bosnian Serbs", "Iraqi Kurds": a group coded as the state it lives in."""
    state = state_before(head_match[0], origins)
    if state is None:
        if head_match[1].form == "ethnic":
            return []  # "Kurds" alone names no state
        return [plain_mention(doc, *head_match)]
    mention = plain_mention(doc, *head_match)
    mention.start = min(mention.start, doc[head.left_edge.i].idx, state[0].start_char)
    mention.code = mention.home = state[1].code
    mention.kind, mention.sector = "group", None
    mention.name = doc.text[state[0].start_char : head_match[0].end_char]
    return [mention]


def with_prefix_agent(mention: Mention, prefix: Match) -> None:
    """PETRARCH prefix agent before a name: "MSF Arnor" → NGO + ARN, read as one code."""
    full = (prefix[1].sector or "") + (mention.code or "") + (mention.sector or "")
    mention.code, mention.sector = full[:3], full[3:] or None
    mention.start = min(mention.start, prefix[0].start_char)
