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

from eventwire.actors.dictionary import Descriptor, descriptors
from eventwire.actors.match import Mention

_DEFINITES = ("the ", "this ", "that ")


def _root(mentions: list[Mention], index: int) -> int:
    seen = 0
    while "refers_to" in mentions[index].extra and seen < len(mentions):
        index = mentions[index].extra["refers_to"]
        seen += 1
    return index


def _link(mentions: list[Mention], later: int, earlier: int) -> None:
    earlier = _root(mentions, earlier)
    if earlier == later:
        return
    target, m = mentions[earlier], mentions[later]
    m.extra["refers_to"] = earlier
    if m.code is None:
        m.code, m.name = target.code, target.name
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
        after = text[m.end : m.end + 12]
        if after.startswith(" (") and ")" in after:
            abbr = after[2 : after.index(")")]
            if abbr.isupper() and m.code:
                defined[abbr] = m
    counts = Counter(m.code for m in mentions if m.code and m.abbr is None and m.kind == "state")
    for m in mentions:
        if m.abbr is None:
            continue
        word = m.abbr.name or ""
        if word in defined:
            source = defined[word]
            m.code, m.sector, m.name = source.code, source.sector, source.name
            m.home = source.home
        else:
            scored = [(counts.get(c.code, 0), -i, c) for i, c in enumerate(m.abbr.candidates)]
            best = max(scored, default=None, key=lambda s: (s[0], s[1]))
            if best is not None and best[0] > 0:
                reading = best[2]
                m.code, m.name = reading.code, reading.name
                m.home = reading.home or reading.code
                m.sector = m.sector or reading.sector
        m.abbr = None


def _role(m: Mention) -> str:
    role = m.head
    for prefix in _DEFINITES:
        role = role.removeprefix(prefix)
    return role


def _compatible(m: Mention, spec: Descriptor, kinds: dict[str, str], *, people: bool) -> bool:
    if m.code is None or m.bare or m.extra.get("descriptor_only"):
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


def link(mentions: list[Mention], kinds: dict[str, str] | None = None) -> None:
    """Fill ``extra["refers_to"]`` (an index into ``mentions``) for later mentions.

    Args:
        mentions: the article's mentions in text order.
        kinds: kind of what each code names (``state``, ``igo``, ``group`` …), for
            descriptors; without it only descriptors that list codes resolve.
    """
    kinds = kinds or {}
    people: dict[str, int] = {}
    heads: dict[str, int] = {}
    bodies: dict[str, int] = {}
    anonymous: dict[tuple[str | None, str | None, str], int] = {}
    for i, m in enumerate(mentions):
        if m.kind == "person" and m.person and not m.anonymous:
            key = _surname(m.person)
            if key in people and (m.code is None or m.title == "" or m.bare) and _same_person(
                    m.person, mentions[people[key]].person):
                _link(mentions, i, people[key])
            else:
                people.setdefault(key, i)
                # A known leader's short forms ("Kim" for "Kim Jong-un") link back too.
                for alias in m.extra.get("aliases", ()):
                    people.setdefault(alias, i)
                if m.title:
                    heads.setdefault(m.title, i)
        elif m.bare and m.definite and m.kind == "person":
            role = _role(m)
            earlier = heads.get(role)
            if earlier is None:
                earlier = next((anonymous[k] for k in reversed(list(anonymous))
                                if k[2] == role), None)
            if earlier is None:
                earlier = _descriptor_target(mentions, i, kinds)
            if earlier is not None:
                _link(mentions, i, earlier)
        elif m.bare and m.definite:
            earlier = bodies.get(_role(m))
            if earlier is None:
                earlier = _descriptor_target(mentions, i, kinds)
            if earlier is not None:
                _link(mentions, i, earlier)
        elif m.anonymous and m.code is not None:
            key = (m.code, m.sector, m.head)
            if key in anonymous:
                _link(mentions, i, anonymous[key])
            else:
                anonymous[key] = i
            heads.setdefault(m.head, i)
        elif m.code is not None and not m.bare and m.head:
            bodies[m.head] = i  # "the Israeli army": a later "the army" is this one
