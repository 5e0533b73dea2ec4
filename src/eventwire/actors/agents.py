"""Mentions headed by an agent word ("officials", "troops", "ministers"): the country
that codes them (a modifier, a coordinated country word, a preposition's object), the
sector the agent word gives, and what coordinated mentions share.

"a senior American official" → USA GOV; "Senior Hungarian and Romanian officials" →
HUN GOV and ROU GOV; "the ambassadors of Egypt, Jordan and Qatar" → EGY, JOR, QAT GOV;
"Danish media and government" → DNK MED and DNK GOV.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.actors.countries import home_of, pick_origin
from eventwire.actors.lookup import Entry, Source
from eventwire.actors.mention import Mention
from eventwire.actors.phrases import DocMatches, Match
from eventwire.actors.words import agent_preps, definite, joiners

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def combine_sector(origin: Entry | None, agent: Entry) -> str | None:
    """The sector of an actor entry modified by an agent word.

    An agent code already in the actor's sector is not repeated ("White House
    officials" stays GOV); PETRARCH actor codes take the agent code after theirs
    (``HMS`` + ``GOV`` → ``HMSGOV``); a word naming a body's staff (``staff_words.tsv``)
    leaves the body's own sector ("Red Cross officials" NGO, "Hamas leaders" REB,
    "Pentagon officials" MIL); otherwise the agent word decides ("Houthi forces" MIL).
    """
    own = origin.sector if origin else None
    if not own:
        return agent.sector
    if not agent.sector or agent.sector in own:
        return own  # "the NATO alliance": a descriptor word has no sector of its own
    if origin is not None and origin.petrarch:
        return own + agent.sector
    if agent.staff:
        return own
    return agent.sector


@dataclass(frozen=True, slots=True)
class _Extent:
    """Where an agent mention runs and what codes it."""

    origin: Entry | None
    start_tok: int
    end_tok: int
    conjuncts: tuple[int, ...]
    listed: list[Match]


def _extent(found: DocMatches, head: Token, span: Span, origins: list[Match]) -> _Extent:
    start_tok = head.left_edge.i
    end_tok = max(head.i + 1, span.end)
    picked = pick_origin(origins)
    origin = picked[1] if picked else None
    conjuncts: list[int] = []
    listed: list[Match] = []
    if picked is not None:
        listed = _listed_before(picked[0], origins)
        conjuncts = _coordinated(found, picked[0], head) + [s.start_char for s, _ in listed]
        if conjuncts:
            # "Senior Hungarian and Romanian officials": one actor per nationality,
            # each only its own word ("Hungarian", "Romanian"), so that neither span
            # holds the other; both take the head's sector (share_with_conjuncts).
            start_tok, end_tok = picked[0].start, picked[0].end
    if origin is None:
        attached = _prep_origin(found, head)
        if attached is not None:
            origin, end_tok = attached[1], max(end_tok, attached[0].end)
            # "ambassadors of Egypt, Jordan and Qatar": each conjunct is an actor
            # with the same agent (filled in by share_with_conjuncts).
            conjuncts = [t.idx for t in attached[0].root.conjuncts]
    return _Extent(origin, start_tok, end_tok, tuple(conjuncts), listed)


def _codes(origin: Entry | None, agent: Entry, agents: list[Match]) -> tuple[str | None, str | None]:
    """Code and sector of an agent mention, PETRARCH prefix and extra agents applied."""
    sector = combine_sector(origin, agent)
    code = origin.code if origin else None
    prefix = next((e for _, e in agents if e.prefix), None)
    if prefix is not None and code:
        full = (prefix.sector or "") + code + (sector or "")
        code, sector = full[:3], full[3:] or None
    elif agents and origin is not None and origin.petrarch:
        more = "".join(e.sector or "" for _, e in agents if e.sector and
                       e.sector not in (sector or ""))
        sector = (sector or "") + more if more and agent.sector != more else sector
    return code, sector


def agent_mention(found: DocMatches, head: Token, head_match: Match, origins: list[Match],
                  agents: list[Match]) -> tuple[Mention, list[Match]]:
    """The mention an agent word heads, and the country words listed before its own
    ("Peruvian, Chilean" in "Peruvian, Chilean and Bolivian ministers"), each an actor."""
    doc = found.doc
    span, agent = head_match
    where = _extent(found, head, span, origins)
    origin = where.origin
    code, sector = _codes(origin, agent, agents)
    first, last = doc[where.start_tok], doc[where.end_tok - 1]
    mention = Mention(
        first.idx, last.idx + len(last.text),
        code=code, sector=sector, kind=agent.kind,
        name=origin.name if origin else None,
        anonymous=agent.kind == "person",
        head=span.text.lower(), definite=first.lower_ in definite(),
        bare=origin is None, home=home_of(origin),
        head_i=head.i,
        state_origin=origin is not None and origin.kind == "state" and bool(origin.code),
        conjuncts=where.conjuncts,
        descriptor_only=agent.source is Source.DESCRIPTORS,
    )
    if origin is not None and origin.form == "abbr":
        mention.abbr = origin
    return mention, where.listed


def _coordinated(found: DocMatches, span: Span, head: Token) -> list[int]:
    """Country words coordinated with ``span`` before the head: "US and British"."""
    offsets = []
    for token in span.root.conjuncts:
        hit = found.at(token.i)
        if (span.end <= token.i < head.i and hit is not None and hit[1].code
                and hit[1].form in ("name", "adjective")):
            offsets.append(token.idx)
    return offsets


def _listed_before(span: Span, origins: list[Match]) -> list[Match]:
    """Country words listed before ``span`` under the same head, joined by commas or
    "and" only ("Peruvian, Chilean" before "Bolivian ministers")."""
    doc = span.doc
    listed = []
    start = span.start
    for other, entry in sorted(origins, key=lambda o: -o[0].start):
        if other.end > start or not entry.code or entry.form not in ("name", "adjective"):
            continue
        between = doc[other.end : start]
        if len(between) == 0 or any(t.lower_ not in joiners() for t in between):
            break
        listed.append((other, entry))
        start = other.start
    return listed


def _prep_origin(found: DocMatches, head: Token) -> Match | None:
    """A country attached by a preposition: "soldiers from Gondor", "activists in Arnor"."""
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in agent_preps():
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            hit = found.at(obj.i)
            if hit is not None and hit[1].form in ("name", "adjective") and hit[1].code:
                return hit
    return None


def share_with_conjuncts(mentions: list[Mention]) -> None:
    """Give coordinated names after an agent's preposition the agent's sector.

    In "the ambassadors of Egypt, Jordan and Qatar" the first mention is "the
    ambassadors of Egypt" (EGY GOV); "Jordan" and "Qatar" become JOR GOV and QAT GOV.
    """
    for m in mentions:
        for at in m.conjuncts:
            other = next((o for o in mentions if o.start <= at < o.end), None)
            if other is None or other is m or other.code is None or other.sector is not None:
                continue
            other.sector, other.kind, other.anonymous = m.sector, m.kind, m.anonymous


def share_origin_with_agents(found: DocMatches, mentions: list[Mention]) -> None:
    """Give coordinated agent words the state of the first: "Danish media and
    government" → DNK MED and DNK GOV; "Lawmakers and officials in Fornost" → FOR LEG
    and FOR GOV. Only a state's: "Hamas fighters and civilians" are not Hamas's; only a
    conjunct with no determiner or country of its own."""
    by_head = {m.head_i: m for m in mentions if m.head_i is not None}
    for m in mentions:
        if not m.state_origin or m.head_i is None:
            continue
        head = found.doc[m.head_i]
        for token in head.conjuncts:
            other = by_head.get(token.i)
            if (other is None or token.i < head.i or not other.bare or other.code
                    or any(c.dep_ == "det" for c in token.children)):
                continue
            other.code, other.home, other.name, other.bare = m.code, m.home, m.name, False
            other.anonymous = other.kind == "person"
