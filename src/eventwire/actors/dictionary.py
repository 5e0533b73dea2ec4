"""Actor dictionaries: packaged data files and user files merged into one lookup.

Every phrase maps to an :class:`Entry`. Phrases are normalised to lower case with
single spaces (see :func:`normalise`), so the stage can match them on spaCy's
``LOWER`` attribute. Later sources override earlier ones: packaged files first, then
each user dictionary in the order given (``Config.dictionaries``).

Forms:
    ``name``: a state, capital, organisation, group or person name ("Israel",
    "the Kremlin", "NATO"); ``adjective``: a country adjective or demonym ("Israeli",
    "Iranians"); ``agent``: a word that gives a sector ("official" → GOV);
    ``abbr``: an abbreviation with several candidate readings ("IAF"), resolved from
    the article's context; ``ethnic``: an ethnic group that names no state of its own
    ("Kurds"), coded only after a country word ("Iraqi Kurds" → IRQ).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from eventwire import lexicons
from eventwire.errors import DataFileError

FORMS = ("name", "adjective", "agent", "abbr", "ethnic")
KINDS = ("state", "igo", "ngo", "group", "organisation", "person", "location")
# Words spaCy tokenises apart but dictionaries write joined ("U.S." stays one token).
_SPACES = re.compile(r"\s+")


def normalise(phrase: str) -> str:
    """Return the lookup key of a phrase: lower case, single spaces, stripped."""
    return _SPACES.sub(" ", phrase.replace("_", " ")).strip().lower()


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
                characters matches only in capitals when ``case_sensitive``.
            entry: what it means.
            case_sensitive: False for sources written all in capitals (PETRARCH).
        """
        key = normalise(phrase)
        if not key:
            return
        self.entries[key] = entry
        letters = phrase.replace(".", "").replace(" ", "")
        if case_sensitive and letters.isupper() and len(letters) <= 6:
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


def _opt(value: str) -> str | None:
    value = value.strip()
    return value or None


# ---------------------------------------------------------------- packaged data


def _countries(d: Dictionary) -> None:
    # countries.tsv is generated from pycountry (scripts/build_countries.py);
    # country_forms.tsv adds hand-written alternates, adjectives and demonyms.
    names: dict[str, str] = {}
    for _, (code, phrase, form, canonical) in lexicons.load_tsv("actors/countries.tsv", 4):
        names.setdefault(code, canonical or phrase)
        d.add(phrase, Entry(code, None, "state", form, names[code], origin="countries.tsv"))
    for number, (code, phrase, form) in lexicons.load_tsv("actors/country_forms.tsv", 3):
        if form not in ("name", "adjective"):
            raise DataFileError("data/actors/country_forms.tsv", f"bad form {form!r}", line=number)
        names.setdefault(code, phrase)
        d.add(phrase, Entry(code, None, "state", form, names[code],
                            origin="country_forms.tsv"))
    _COUNTRY_NAMES.update(names)


_COUNTRY_NAMES: dict[str, str] = {}


def _seats(d: Dictionary) -> None:
    for _, (phrase, code, sector, _note) in lexicons.load_tsv("actors/seats.tsv", 4):
        d.add(phrase, Entry(code, _opt(sector), "state", "name",
                            _COUNTRY_NAMES.get(code, code), origin="seats.tsv"))


def _agents(d: Dictionary) -> None:
    staff = {normalise(row[0]) for _, row in lexicons.load_tsv("actors/staff_words.tsv", 1)}
    for number, (phrase, sector, kind) in lexicons.load_tsv("actors/agents.tsv", 3):
        if kind not in KINDS:
            raise DataFileError("data/actors/agents.tsv", f"bad kind {kind!r}", line=number)
        d.add(phrase, Entry(None, _opt(sector), kind, "agent", origin="agents.tsv",
                            staff=normalise(phrase) in staff))
    missing = staff - set(d.entries)
    if missing:
        raise DataFileError("data/actors/staff_words.tsv",
                            f"not in agents.tsv: {', '.join(sorted(missing))}")


@functools.lru_cache(maxsize=1)
def ethnic_words() -> frozenset[str]:
    """Ethnic group words (``ethnic_groups.tsv``), normalised: "serbs", "kurds" …"""
    return frozenset(normalise(row[0])
                     for _, row in lexicons.load_tsv("actors/ethnic_groups.tsv", 1))


def _ethnic(d: Dictionary) -> None:
    # A word that is already a demonym ("Serbs") keeps its entry; the others ("Kurds")
    # are matched so that a country word before them can code them.
    for word in ethnic_words():
        if word not in d.entries:
            d.add(word, Entry(None, None, "group", "ethnic", word.title(),
                              origin="ethnic_groups.tsv"))


@dataclass(frozen=True, slots=True)
class Descriptor:
    """What a definite descriptor ("the world body") may refer back to."""

    kinds: frozenset[str]
    codes: frozenset[str]


@functools.lru_cache(maxsize=1)
def descriptors() -> dict[str, Descriptor]:
    """Descriptors by normalised phrase (``descriptors.tsv``)."""
    origin = "data/actors/descriptors.tsv"
    found = {}
    for number, (phrase, kinds, codes) in lexicons.load_tsv("actors/descriptors.tsv", 3):
        wanted = frozenset(k.strip() for k in kinds.split("|") if k.strip())
        if not wanted or not wanted <= {"igo", "ngo", "group", "state"}:
            raise DataFileError(origin, f"bad kinds {kinds!r}", line=number)
        found[normalise(phrase)] = Descriptor(
            wanted, frozenset(c.strip() for c in codes.split("|") if c.strip()))
    return found


def _descriptors(d: Dictionary) -> None:
    # Descriptor-only words ("world body", "alliance") become agent words with no sector,
    # so that "the world body" is a mention; coreference keeps it only when resolved.
    for phrase in descriptors():
        if phrase not in d.entries:
            d.add(phrase, Entry(None, None, "organisation", "agent", origin="descriptors.tsv"))


def code_kinds(d: Dictionary) -> dict[str, str]:
    """Kind of what each code of ``d`` names: ``state`` for countries, else igo, ngo,
    group … (from the entries that name the body itself, not its people)."""
    kinds = dict.fromkeys(country_codes(), "state")
    for e in d.entries.values():
        if e.code and e.code not in kinds and e.form == "name" and e.kind != "person":
            kinds[e.code] = e.kind
    return kinds


def _organisations(d: Dictionary) -> None:
    rows = lexicons.load_tsv("actors/organisations.tsv", 6)
    for number, (code, kind, sector, home, name, aliases) in rows:
        if kind not in KINDS:
            raise DataFileError("data/actors/organisations.tsv", f"bad kind {kind!r}",
                                line=number)
        entry = Entry(code, _opt(sector), kind, "name", name, _opt(home),
                      origin="organisations.tsv")
        for phrase in [name, *aliases.split("|")]:
            d.add(phrase, entry)


def _org_homes(d: Dictionary) -> dict[str, str | None]:
    return {e.code: e.home for e in d.entries.values()
            if e.code and e.origin == "organisations.tsv" and e.kind in ("igo", "ngo", "group")}


def _people(d: Dictionary) -> None:
    """Well-known leaders (people.tsv): full names always, short forms with care.

    A short form shared by people with different codes is dropped; one shared by people
    of the same code names no single person (its ``name`` is the form itself). Phrases
    another actor file already defines ("Jordan") are never overridden.
    """
    origin = "data/actors/people.tsv"
    homes = _org_homes(d)
    rows = []
    for number, (name, code, sector, _role, forms) in lexicons.load_tsv("actors/people.tsv", 5):
        if code not in _COUNTRY_NAMES and code not in homes:
            raise DataFileError(origin, f"unknown code {code!r}", line=number)
        parts = [f.strip() for f in forms.split("|") if f.strip()]
        plain = [name, *(f for f in parts if not f.startswith("~"))]
        loose = [f[1:] for f in parts if f.startswith("~")]
        rows.append((name, code, _opt(sector), plain, loose))
    owners: dict[str, set[tuple[str, str | None]]] = {}
    named: dict[str, set[str]] = {}
    for name, code, sector, plain, loose in rows:
        for form in [*plain, *loose]:
            owners.setdefault(normalise(form), set()).add((code, sector))
            named.setdefault(normalise(form), set()).add(name)
    for name, code, sector, plain, loose in rows:
        full = tuple(normalise(f) for f in plain if " " in f.strip())
        aliases = tuple(normalise(f) for f in [*plain, *loose] if " " not in f.strip())
        home = homes.get(code) if code in homes else code
        for form, ambiguous in [*((f, False) for f in plain), *((f, True) for f in loose)]:
            key = normalise(form)
            if key in d.entries and d.entries[key].origin != "people.tsv":
                continue
            if len(owners[key]) > 1:
                continue  # "Kim", "Lee": people of different states or posts
            shown = name if len(named[key]) == 1 else form
            previous = d.entries.get(key)
            fulls = full if ambiguous else ()
            if previous is not None and previous.full and ambiguous:
                fulls = tuple(dict.fromkeys(previous.full + full))
            d.add(form, Entry(code, sector, "person", "name", shown, home, origin="people.tsv",
                              full=fulls, aliases=aliases))


def _regions(d: Dictionary) -> None:
    # regions.tsv (generated from ISO 3166-2): "Sindh province" names a place in PAK.
    for _, (code, phrase, _type) in lexicons.load_tsv("actors/regions.tsv", 3):
        d.add(phrase, Entry(code, None, "location", "name", _COUNTRY_NAMES.get(code, code),
                            code, origin="regions.tsv"))


def _state_groups(d: Dictionary) -> None:
    # Groups of states ("Arab states", "the West") name no single state: they are kept
    # as group actors with no code, so they never count as one country in a dyad.
    for _, (phrase, name) in lexicons.load_tsv("actors/state_groups.tsv", 2):
        d.add(phrase, Entry(None, None, "group", "name", name or phrase,
                            origin="state_groups.tsv"))


def country_codes() -> frozenset[str]:
    """ISO3 codes of every packaged country (fills when :func:`packaged` first runs)."""
    packaged()
    return frozenset(_COUNTRY_NAMES)


def _abbreviations(d: Dictionary) -> None:
    readings: dict[str, list[Entry]] = {}
    for _, (abbr, code, sector, kind, name) in lexicons.load_tsv("actors/abbreviations.tsv", 5):
        readings.setdefault(abbr, []).append(
            Entry(code, _opt(sector), kind or "organisation", "name", name or None))
    for abbr, options in readings.items():
        d.add(abbr, Entry(None, None, "organisation", "abbr", abbr,
                          candidates=tuple(options), origin="abbreviations.tsv"))


def _ambiguous(d: Dictionary) -> None:
    for number, (phrase, support) in lexicons.load_tsv("actors/ambiguous.tsv", 2):
        entry = d.get(phrase)
        if entry is None:
            raise DataFileError("data/actors/ambiguous.tsv",
                                f"{phrase!r} is not in any actor file", line=number)
        words = frozenset(normalise(w) for w in support.split("|") if w.strip())
        # An empty support list still marks the name as ambiguous: it must then pass
        # the entity check (not part of a longer person or organisation name).
        d.add(phrase, replace(entry, support=words or frozenset({""})))


@functools.lru_cache(maxsize=1)
def packaged() -> Dictionary:
    """The dictionary built from ``src/eventwire/data/actors/`` (cached)."""
    d = Dictionary()
    _countries(d)
    _seats(d)
    _organisations(d)
    _agents(d)
    _descriptors(d)
    _abbreviations(d)
    _regions(d)
    _state_groups(d)
    _people(d)
    _ethnic(d)
    _ambiguous(d)
    return d


# ---------------------------------------------------------------- user files


USER_COLUMNS = ("phrase", "code", "sector", "kind", "name")


def _user_entry(row: dict[str, Any], origin: str, line: int | None) -> tuple[str, Entry]:
    phrase = str(row.get("phrase") or "").strip()
    if not phrase:
        raise DataFileError(origin, "entry has no phrase", line=line)
    code = _opt(str(row.get("code") or ""))
    sector = _opt(str(row.get("sector") or ""))
    kind = str(row.get("kind") or ("state" if code else "agent")).strip()
    form = "agent" if kind == "agent" else str(row.get("form") or "name")
    if kind == "agent":
        if not sector:
            raise DataFileError(origin, f"agent {phrase!r} needs a sector", line=line)
        kind = str(row.get("agent_kind") or "person")
    if kind not in KINDS:
        raise DataFileError(origin, f"bad kind {kind!r} (one of {', '.join(KINDS)}, agent)",
                            line=line)
    if form not in FORMS:
        raise DataFileError(origin, f"bad form {form!r}", line=line)
    if form != "agent" and not code and not sector:
        raise DataFileError(origin, f"{phrase!r} needs a code or a sector", line=line)
    name = _opt(str(row.get("name") or "")) or phrase
    home = _opt(str(row.get("home") or ""))
    return phrase, Entry(code and code.upper(), sector and sector.upper(), kind, form, name,
                         home, origin=origin)


def _read_tsv(path: Path) -> Iterator[tuple[str, Entry]]:
    origin = str(path)
    text = path.read_text(encoding="utf-8")
    for line, fields in lexicons.iter_tsv_lines(text, origin, columns=len(USER_COLUMNS)):
        yield _user_entry(dict(zip(USER_COLUMNS, fields, strict=False)), origin, line)


def _read_yaml(path: Path) -> Iterator[tuple[str, Entry]]:
    origin = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise DataFileError(origin, f"invalid YAML: {e}",
                            line=mark.line + 1 if mark else None) from e
    if isinstance(data, dict):
        # {actors: [...], agents: [...]} or a mapping of phrase -> fields.
        if "actors" in data or "agents" in data:
            rows = list(data.get("actors") or [])
            rows += [{**r, "kind": "agent"} for r in data.get("agents") or []]
        else:
            rows = [{"phrase": k, **(v or {})} for k, v in data.items()]
    elif isinstance(data, list):
        rows = data
    else:
        raise DataFileError(origin, "expected a list of entries or a mapping")
    for row in rows:
        if not isinstance(row, dict):
            raise DataFileError(origin, f"entry {row!r} is not a mapping")
        phrase, entry = _user_entry(row, origin, None)
        for alias in [phrase, *(row.get("aliases") or [])]:
            yield str(alias), entry


def is_petrarch(path: Path) -> bool:
    """PETRARCH dictionaries are recognised by ``.actors`` or ``.agents`` in the name."""
    name = path.name.lower()
    return ".actors" in name or ".agents" in name


def load_user(path: Path | str) -> Dictionary:
    """Load one user dictionary: TSV, YAML, or a PETRARCH ``.actors``/``.agents`` file.

    Raises:
        DataFileError: the file is missing or malformed (names file and line).
    """
    from eventwire.actors import petrarch

    path = Path(path)
    if not path.is_file():
        raise DataFileError(str(path), "no such dictionary file")
    d = Dictionary()
    if is_petrarch(path):
        rows: Iterable[tuple[str, Entry]] = petrarch.read(path)
    elif path.suffix.lower() in (".yaml", ".yml"):
        rows = _read_yaml(path)
    elif path.suffix.lower() in (".tsv", ".txt", ".tab"):
        rows = _read_tsv(path)
    else:
        raise DataFileError(str(path), "unknown dictionary format: use .tsv, .yaml, or a "
                            "PETRARCH file whose name contains .actors or .agents")
    petrarch_file = is_petrarch(path)
    for phrase, entry in rows:
        if petrarch_file and entry.code is None and entry.sector is None and phrase in d:
            continue  # a "[---]" duplicate must not hide a coded entry of the same phrase
        d.add(phrase, entry, case_sensitive=not petrarch_file)
    return d


def build(paths: Iterable[Path | str] = ()) -> Dictionary:
    """The packaged dictionary with each user dictionary laid over it, in order."""
    base = packaged()
    d = Dictionary(dict(base.entries), set(base.exact))
    for path in paths:
        user = load_user(path)
        if ".agents" in Path(path).name.lower():
            # A PETRARCH agents file is a complete agent dictionary: it replaces the
            # packaged agent words instead of mixing two sector vocabularies.
            d.entries = {k: e for k, e in d.entries.items()
                         if e.form != "agent" or e.origin != "agents.tsv"}
        d.update(user)
    return d
