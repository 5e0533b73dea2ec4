"""Link later mentions to the first full mention of the same actor (``refers_to``).

Rules, in text order, each pointing at the *first* mention of the entity:

- a person named again by surname ("Netanyahu" after "Israeli Prime Minister Benjamin
  Netanyahu") or by full name;
- a bare definite role ("the official", "the prime minister") after a mention with the
  same head or title;
- an anonymous descriptor repeated with the same country, sector and head ("a senior
  American official" after "a senior US official"): news reports re-introduce their
  one anonymous source this way;
- a bare definite body ("the government", "the army") after the most recent coded
  mention with the same head ("the Israeli army");
- a bare definite descriptor (``descriptors.tsv``: "the world body", "the alliance",
  "the militants") after the most recent coded mention of a compatible kind and code;
- abbreviations spelled out in the text ("Israeli Air Force (IAF)") and abbreviations
  with several readings (``abbreviations.tsv``), resolved by the article's countries.

Linked mentions take the code and sector of the mention they refer to.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from eventwire.actors.descriptors import Descriptor, descriptors
from eventwire.actors.mention import Mention
from eventwire.actors.words import definite, threshold
from eventwire.model import INFERRED_EVIDENCE


def _root(mentions: list[Mention], index: int) -> int:
    seen = 0
    while (earlier := mentions[index].refers_to) is not None and seen < len(mentions):
        index = earlier
        seen += 1
    return index


def _link(mentions: list[Mention], later: int, earlier: int) -> None:
    earlier = _root(mentions, earlier)
    if earlier == later:
        return
    target, m = mentions[earlier], mentions[later]
    m.refers_to = earlier
    if m.code is None:
        m.code, m.name = target.code, target.name
        # A state inferred from the article stays marked as inferred on later mentions.
        inferred = target.evidence in INFERRED_EVIDENCE
        m.evidence = (target.evidence if inferred else "coreference") if target.code else None
    if m.sector is None:
        m.sector = target.sector
    if m.home is None:
        m.home = target.home
    if target.person and not m.person:
        m.person = target.person
    m.anonymous = target.anonymous
    m.kind = target.kind if m.kind in ("person", "organisation") else m.kind


def _surname(name: str | None) -> str:
    parts = (name or "").replace("’s", "").replace("'s", "").split()
    return parts[-1].lower() if parts else ""


def _same_person(later: str | None, earlier: str | None) -> bool:
    """A later name is the earlier person's if it is a part of it ("Carter" of "Ashton
    Carter"); "Jeb Bush" after "George W. Bush" is someone else."""
    words = set((later or "").lower().replace("’s", "").replace("'s", "").split())
    return len(words) <= 1 or words <= set((earlier or "").lower().split())


def resolve_abbreviations(mentions: list[Mention], text: str) -> None:
    """Give each abbreviation mention the reading its article supports."""
    defined: dict[str, Mention] = {}
    for m in mentions:
        # "Israeli Air Force (IAF)": the definition is the mention just before "(ABBR)".
        after = text[m.end : m.end + threshold("abbreviation_window")]
        if after.startswith(" (") and ")" in after:
            abbr = after[2 : after.index(")")]
            if abbr.isupper() and m.code:
                defined[abbr] = m
    counts: Counter[str | None] = Counter(
        m.code for m in mentions if m.code and m.abbr is None and m.kind == "state")
    for m in mentions:
        if m.abbr is None:
            continue
        word = m.abbr.name or ""
        if word in defined:
            source = defined[word]
            m.code, m.sector, m.name = source.code, source.sector, source.name
            m.home = source.home
            m.evidence = "context"
        else:
            scored = [(counts.get(c.code, 0), -i, c) for i, c in enumerate(m.abbr.candidates)]
            best = max(scored, default=None, key=lambda s: (s[0], s[1]))
            if best is not None and best[0] > 0:
                reading = best[2]
                m.code, m.name = reading.code, reading.name
                m.home = reading.home or reading.code
                m.sector = m.sector or reading.sector
                m.evidence = "context"
        m.abbr = None


def _role(m: Mention) -> str:
    role = m.head
    for word in definite():
        role = role.removeprefix(word + " ")
    return role


def _compatible(m: Mention, spec: Descriptor, kinds: dict[str, str], *, people: bool) -> bool:
    if m.code is None or m.bare or m.descriptor_only:
        return False
    if m.kind == "person" and not people:
        return False  # "the group" is Hezbollah, not "a Hezbollah official" before it
    if spec.codes and m.code not in spec.codes:
        return False
    return kinds.get(m.code, "organisation") in spec.kinds


def _descriptor_target(mentions: list[Mention], i: int, kinds: dict[str, str]) -> int | None:
    """The most recent earlier mention a bare definite descriptor can refer to."""
    m = mentions[i]
    spec = descriptors().get(_role(m))
    if spec is None:
        return None
    # "the militants" may be "Hamas militants"; "the group" is preferably a name of the
    # group ("Hezbollah", not "a Hezbollah official"), else its people ("Al-Shabaab
    # militants") when the article names it no other way.
    for people in dict.fromkeys((m.kind == "person", True)):
        found = next((j for j in range(i - 1, -1, -1)
                      if _compatible(mentions[j], spec, kinds, people=people)), None)
        if found is not None:
            return found
    return None


@dataclass
class _Earlier:
    """First mentions seen so far, by what a later mention may name them by."""

    people: dict[str, int] = field(default_factory=dict)  # surname or alias
    heads: dict[str, int] = field(default_factory=dict)  # title or anonymous head
    bodies: dict[str, int] = field(default_factory=dict)  # head of a coded body
    anonymous: dict[tuple[str | None, str | None, str], int] = field(default_factory=dict)


def _named_person(mentions: list[Mention], i: int, seen: _Earlier) -> None:
    """A person named again by surname or full name links to the first mention."""
    m = mentions[i]
    key = _surname(m.person)
    if key in seen.people and (m.code is None or m.title == "" or m.bare) and _same_person(
            m.person, mentions[seen.people[key]].person):
        _link(mentions, i, seen.people[key])
        return
    seen.people.setdefault(key, i)
    # A known leader's short forms ("Kim" for "Kim Jong-un") link back too.
    for alias in m.aliases:
        seen.people.setdefault(alias, i)
    if m.title:
        seen.heads.setdefault(m.title, i)


def _role_target(mentions: list[Mention], i: int, seen: _Earlier,
                 kinds: dict[str, str]) -> int | None:
    """ "the official", "the prime minister": the mention with that head or title, else
    the latest anonymous source with that head, else a descriptor's target."""
    role = _role(mentions[i])
    earlier = seen.heads.get(role)
    if earlier is None:
        earlier = next((seen.anonymous[k] for k in reversed(list(seen.anonymous))
                        if k[2] == role), None)
    if earlier is None:
        earlier = _descriptor_target(mentions, i, kinds)
    return earlier


def _body_target(mentions: list[Mention], i: int, seen: _Earlier,
                 kinds: dict[str, str]) -> int | None:
    """ "the army": the latest coded body with that head, else a descriptor's target."""
    earlier = seen.bodies.get(_role(mentions[i]))
    if earlier is None:
        earlier = _descriptor_target(mentions, i, kinds)
    return earlier


def _repeated_anonymous(mentions: list[Mention], i: int, seen: _Earlier) -> None:
    """An anonymous source described again the same way is the same source."""
    m = mentions[i]
    key = (m.code, m.sector, m.head)
    if key in seen.anonymous:
        _link(mentions, i, seen.anonymous[key])
    else:
        seen.anonymous[key] = i
    seen.heads.setdefault(m.head, i)


def link(mentions: list[Mention], kinds: dict[str, str] | None = None) -> None:
    """Fill ``refers_to`` (an index into ``mentions``) for later mentions.

    Args:
        mentions: the article's mentions in text order.
        kinds: kind of what each code names (``state``, ``igo``, ``group`` …), for
            descriptors; without it only descriptors that list codes resolve.
    """
    kinds = kinds or {}
    seen = _Earlier()
    for i, m in enumerate(mentions):
        if m.kind == "person" and m.person and not m.anonymous:
            _named_person(mentions, i, seen)
        elif m.bare and m.definite:
            if m.kind == "person":
                earlier = _role_target(mentions, i, seen, kinds)
            else:
                earlier = _body_target(mentions, i, seen, kinds)
            if earlier is not None:
                _link(mentions, i, earlier)
        elif m.anonymous and m.code is not None:
            _repeated_anonymous(mentions, i, seen)
        elif m.code is not None and not m.bare and m.head:
            seen.bodies[m.head] = i  # "the Israeli army": a later "the army" is this one
