"""The phrase lookup: what each dictionary phrase means (:class:`Entry`) and the table
of every phrase the stage knows (:class:`Dictionary`).

Phrases are normalised to lower case with single spaces (see :func:`normalise`), so the
stage can match them on spaCy's ``LOWER`` attribute.

Forms:
    ``name``: a state, capital, organisation, group or person name ("Israel",
    "the Kremlin", "NATO"); ``adjective``: a country adjective or demonym ("Israeli",
    "Iranians"); ``agent``: a word that gives a sector ("official" → GOV);
    ``abbr``: an abbreviation with several candidate readings ("IAF"), resolved from
    the article's context; ``ethnic``: an ethnic group that names no state of its own
    ("Kurds"), coded only after a country word ("Iraqi Kurds" → IRQ).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from eventwire.actors.words import threshold

# The values Entry.form and Entry.kind take: the record's schema, checked when user
# files are read (not knowledge to tune, so they stay here).
FORMS = ("name", "adjective", "agent", "abbr", "ethnic")
KINDS = ("state", "igo", "ngo", "group", "organisation", "person", "location")
_SPACES = re.compile(r"\s+")


def normalise(phrase: str) -> str:
    """Return the lookup key of a phrase: lower case, single spaces, stripped."""
    return _SPACES.sub(" ", phrase.replace("_", " ")).strip().lower()


class Source(enum.Enum):
    """Where an entry was loaded from, for the rules that depend on it.

    One member per packaged file whose entries some rule treats apart, one for user
    TSV/YAML files and one for PETRARCH dictionaries (whose codes concatenate).
    """

    COUNTRIES = "countries"  # countries.tsv and country_forms.tsv
    SEATS = "seats"
    ORGANISATIONS = "organisations"  # their homes give people.tsv its group leaders' homes
    AGENTS = "agents"  # replaced as a whole by a PETRARCH .agents file
    DESCRIPTORS = "descriptors"  # descriptor-only words: kept only when coreference resolves them
    ABBREVIATIONS = "abbreviations"
    REGIONS = "regions"
    STATE_GROUPS = "state_groups"
    PEOPLE = "people"  # only people.tsv's own phrases may be redefined by people.tsv
    ETHNIC = "ethnic"
    USER = "user"
    PETRARCH = "petrarch"  # an agent code follows the actor's ("HMS" + "GOV" → "HMSGOV")


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase means.

    Args:
        code: ISO3 for states, a stable code for IGOs and groups, ``None`` for a bare agent.
        sector: sector (agent) code such as GOV, MIL; PETRARCH multi-segment codes
            keep the rest of the code ("GOVELI").
        kind: state, igo, ngo, group, organisation, person, location.
        form: name, adjective, agent or abbr.
        name: canonical name ("United States").
        home: home country of an organisation or group, when one applies.
        prefix: PETRARCH ``[NGO~]`` agents: the agent code comes before the actor's.
        candidates: for ``abbr`` entries, the possible readings.
        support: context words that confirm an ambiguous name (empty: not ambiguous).
        origin: the file the entry was read from (a packaged file name or a user path).
        full: for an ambiguous short form of a person's name ("Bush"): the person's full
            names (lower case); one must occur in the article, or a title must precede.
        aliases: for people: every short form of the name (lower case), so that a later
            "Kim" links to an earlier "Kim Jong-un" even when "Kim" alone is ambiguous.
        staff: for agent words that name a body's staff ("official", "spokesman"):
            before a body with its own sector, the body's sector wins.
        dated: PETRARCH date-restricted codes as ``(code, first, end)`` in listed order,
            ``first`` inclusive and ``end`` exclusive, both ``YYYYMMDD`` integers;
            ``code`` is the full PETRARCH code ("HOBGOV", "---"). ``code``/``sector``
            above hold the reading used when the article has no date.
        undated: the full PETRARCH code with no date restriction ("" if none), used on
            a dated article when no restriction covers its date.
        source: the kind of file the entry came from (see :class:`Source`); an entry
            built in code counts as a user's.
    """

    code: str | None = None
    sector: str | None = None
    kind: str = "state"
    form: str = "name"
    name: str | None = None
    home: str | None = None
    prefix: bool = False
    candidates: tuple[Entry, ...] = ()
    support: frozenset[str] = field(default_factory=frozenset)
    origin: str = ""
    full: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    staff: bool = False
    dated: tuple[tuple[str, int, int], ...] = ()
    undated: str = ""
    source: Source = Source.USER

    @property
    def petrarch(self) -> bool:
        """Whether the entry came from a PETRARCH dictionary (its codes concatenate)."""
        return self.source is Source.PETRARCH


@dataclass
class Dictionary:
    """All phrases the actors stage knows, by normalised phrase."""

    entries: dict[str, Entry] = field(default_factory=dict)
    #: Keys written in capitals ("US", "WHO", "IS") that match only in capitals, so
    #: that "us", "who" and "is" never become actors.
    exact: set[str] = field(default_factory=set)

    def add(self, phrase: str, entry: Entry, *, case_sensitive: bool = True) -> None:
        """Add (or override) one phrase.

        Args:
            phrase: the phrase as written; an all-capitals phrase of up to six
                characters (``thresholds.yaml``) matches only in capitals when
                ``case_sensitive``.
            entry: what it means.
            case_sensitive: False for sources written all in capitals (PETRARCH).
        """
        key = normalise(phrase)
        if not key:
            return
        self.entries[key] = entry
        letters = phrase.replace(".", "").replace(" ", "")
        if (case_sensitive and letters.isupper()
                and len(letters) <= threshold("exact_case_max_letters")):
            self.exact.add(key)
        else:
            self.exact.discard(key)

    def update(self, other: Dictionary) -> None:
        """Add every entry of ``other``, overriding what is already here."""
        self.entries.update(other.entries)
        self.exact -= set(other.entries)
        self.exact |= other.exact

    def get(self, phrase: str) -> Entry | None:
        """Look a phrase up (normalised)."""
        return self.entries.get(normalise(phrase))

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, phrase: str) -> bool:
        return normalise(phrase) in self.entries
