"""The actor mention the stage builds before it becomes an :class:`~eventwire.model.Actor`."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.actors.lookup import Entry


@dataclass
class Mention:
    """An actor mention under construction (offsets are character offsets).

    The fields after ``home`` are facts one step leaves for a later one; only
    ``refers_to`` and ``descriptor_only`` shape the output (``ActorStage``).
    """

    start: int
    end: int
    code: str | None = None
    sector: str | None = None
    kind: str = "state"
    name: str | None = None
    anonymous: bool = False
    head: str = ""  # lower-case head phrase: "official", "prime minister"
    title: str = ""  # for titled people: the title's head phrase
    person: str | None = None  # a person's name ("Ashton Carter")
    definite: bool = False
    bare: bool = False  # an agent word with nothing resolving its country
    abbr: Entry | None = None  # an abbreviation still to resolve from context
    home: str | None = None
    #: Token index of an agent mention's head ("officials" in "Danish officials"), so
    #: that coordinated agent words find it.
    head_i: int | None = None
    #: The agent's country comes from a coded state word ("Danish officials"): coordinated
    #: bare agents ("... and media") share it.
    state_origin: bool = False
    #: Character offsets of names coordinated with this one that take its agent
    #: ("ambassadors of Egypt, Jordan and Qatar": the offsets of "Jordan" and "Qatar").
    conjuncts: tuple[int, ...] = ()
    #: An agent word from descriptors.tsv only ("the world body"): dropped unless resolved.
    descriptor_only: bool = False
    #: A known person's short forms (lower case), so that a later "Kim" links back.
    aliases: tuple[str, ...] = ()
    #: Index (in the article's mention list) of the first full mention of the same actor.
    refers_to: int | None = None
    #: How the code was found (``eventwire.model.EVIDENCE``); None: a dictionary phrase
    #: in the mention itself, or no code.
    evidence: str | None = None
