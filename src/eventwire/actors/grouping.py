"""Dictionary matches assembled into noun-phrase mentions.

Each match is climbed up the dependency tree through modifier links (compound, amod,
poss, det …) to the head of its noun phrase; all matches under one head form one
mention, so "a senior American official" is one actor (USA from "American", GOV from
"official"), and "Israel's qualitative edge" yields just "Israel".

The matches under one head are read by the first rule that applies (:data:`RULES`, in
order): names joined by "and" or a comma before a head name, an agent word as head
(:mod:`.agents`), a person the parser found (:mod:`.people`), an ethnic group, a name
with modifiers (:mod:`.names`); otherwise each match is a mention of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.actors.agents import (
    agent_mention,
    combine_sector,
    share_origin_with_agents,
    share_with_conjuncts,
)
from eventwire.actors.countries import is_ethnic
from eventwire.actors.lookup import Entry
from eventwire.actors.mention import Mention
from eventwire.actors.names import (
    ethnic_mentions,
    name_with_modifiers,
    plain_mention,
    with_prefix_agent,
)
from eventwire.actors.people import PERSON_LABELS, person_mention
from eventwire.actors.phrases import DocMatches, Match
from eventwire.actors.words import joiners, link_words, threshold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Links that keep a word inside the noun phrase of its head: spaCy's dependency labels
# (the parser's grammar contract), not a word list.
MODIFIER_DEPS = frozenset({
    "compound", "amod", "nmod", "poss", "nummod", "det", "quantmod", "npadvmod", "advmod",
})


def np_head(token: Token) -> Token:
    """Climb modifier links to the head of the token's noun phrase."""
    for _ in range(threshold("noun_phrase_climb")):
        if token.dep_ not in MODIFIER_DEPS or token.head is token:
            break
        token = token.head
    return token


def group_mentions(doc: Doc, matches: list[Match]) -> list[Mention]:
    """Group matches by noun-phrase head and build one mention per actor."""
    found = DocMatches.index(doc, matches)
    groups: dict[int, list[Match]] = {}
    for span, entry in matches:
        head = np_head(span.root)
        groups.setdefault(head.i, []).append((span, entry))
    mentions: list[Mention] = []
    for head_i, members in groups.items():
        mentions.extend(_group(found, doc[head_i], members))
    share_with_conjuncts(mentions)
    share_origin_with_agents(found, mentions)
    return mentions


@dataclass(frozen=True, slots=True)
class _Group:
    """The matches under one noun-phrase head, sorted by their part in the phrase."""

    head: Token
    members: list[Match]
    head_match: Match | None  # the match covering the head word
    origins: list[Match]  # modifiers that name (countries, bodies, groups)
    agents: list[Match]  # modifiers that are agent words ("Defense Secretary")


def _sort(head: Token, members: list[Match]) -> _Group:
    head_match = next(((s, e) for s, e in members if s.start <= head.i < s.end), None)
    # "the Vienna-based agency": a place the body sits in does not code it.
    mods = [(s, e) for s, e in members if (head_match is None or s is not head_match[0])
            and not _based(s)]
    origins = [(s, e) for s, e in mods if e.form != "agent"]
    agents = [(s, e) for s, e in mods if e.form == "agent"]
    return _Group(head, members, head_match, origins, agents)


def _group(found: DocMatches, head: Token, members: list[Match]) -> list[Mention]:
    group = _sort(head, members)
    for rule in RULES:
        mentions = rule(found, group)
        if mentions is not None:
            return mentions
    return _each_alone(found, group)


def _joined(found: DocMatches, g: _Group) -> list[Mention] | None:
    """ "Fornost and the evil awful Gondor": a name joined to the head name by "and" or a
    comma is an actor of its own, not a modifier of the head."""
    if g.head_match is None or g.head_match[1].form != "name":
        return None
    joined = [(sp, e) for sp, e in g.origins if _joined_name(sp, e, g.head)]
    if not joined:
        return None
    doc = found.doc
    first = _after_list(doc, max(sp.end for sp, _ in joined))
    rest = [(sp, e) for sp, e in g.members if sp.start >= first]
    tail = _group(found, g.head, rest)
    for m in tail:
        m.start = max(m.start, doc[first].idx)
    return [*(plain_mention(doc, sp, e) for sp, e in joined), *tail]


def _agent_headed(found: DocMatches, g: _Group) -> list[Mention] | None:
    if g.head_match is None or g.head_match[1].form != "agent":
        return None
    mention, listed = agent_mention(found, g.head, g.head_match, g.origins, g.agents)
    # "Peruvian, Chilean and Bolivian ministers": listed modifiers of one head.
    return [*(plain_mention(found.doc, s, e) for s, e in listed), mention]


def _person_headed(found: DocMatches, g: _Group) -> list[Mention] | None:
    if g.head_match is not None or g.head.ent_type_ not in PERSON_LABELS:
        return None
    if not (g.origins or g.agents):
        return None
    return [person_mention(found.doc, g.head, g.origins, g.agents)]


def _ethnic(found: DocMatches, g: _Group) -> list[Mention] | None:
    if g.head_match is None or not is_ethnic(*g.head_match):
        return None
    return ethnic_mentions(found.doc, g.head, g.head_match, g.origins)


def _modified_name(found: DocMatches, g: _Group) -> list[Mention] | None:
    """ "Russian President Vladimir Putin", "President Obama": one person actor."""
    if g.head_match is None:
        return None
    titled = bool(g.agents) and g.head_match[1].kind == "person"
    if not (g.origins or titled):
        return None
    mention = name_with_modifiers(found.doc, g.head, g.head_match, g.origins)
    # A known leader keeps their own sector ("Hamas leader Ismail Haniyeh" is REB, not
    # GOV from "leader").
    if g.agents and not (titled and g.head_match[1].sector):
        mention.sector = combine_sector(g.head_match[1], g.agents[-1][1])
    return [mention]


def _each_alone(found: DocMatches, g: _Group) -> list[Mention]:
    """No rule joins the matches: each coded modifier and the head name stand alone."""
    doc = found.doc
    out = [plain_mention(doc, s, e) for s, e in g.origins if e.code or e.form != "ethnic"]
    if g.head_match is not None:
        out.append(plain_mention(doc, *g.head_match))
        prefix = next(((sp, e) for sp, e in g.agents if e.prefix), None)
        if prefix is not None and g.head_match[1].code:
            with_prefix_agent(out[-1], prefix)
    return out


#: The rules tried in order on the matches under one head; the first that applies
#: (returns mentions, not None) gives the head's mentions.
RULES: tuple[Callable[[DocMatches, _Group], list[Mention] | None], ...] = (
    _joined, _agent_headed, _person_headed, _ethnic, _modified_name,
)


def _joined_name(span: Span, entry: Entry, head: Token) -> bool:
    """Whether a coded name before the head is followed by "and" or a comma."""
    doc = span.doc
    return (entry.form == "name" and bool(entry.code) and entry.kind != "person"
            and span.end < head.i and doc[span.end].lower_ in joiners())


def _after_list(doc: Doc, i: int) -> int:
    """The first token after the joiners ("and", ",") starting at token ``i``."""
    while i < len(doc) - 1 and doc[i].lower_ in joiners():
        i += 1
    return i


def _based(span: Span) -> bool:
    """Whether a name only places or links the body ("the London-based rights group",
    "the al-Qaeda-linked group"): the body is not the named one."""
    nxt = span.doc[span.end : span.end + 2]
    if len(nxt) == 2 and nxt[0].text == "-":
        return nxt[1].lower_ in link_words()
    return len(nxt) >= 1 and nxt[0].lower_.lstrip("-") in link_words() and nxt[0].text[0] == "-"
