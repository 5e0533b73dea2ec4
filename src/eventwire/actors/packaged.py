"""The packaged actor dictionary, built from the files in ``src/eventwire/data/actors/``.

:func:`packaged` runs one loader per file, in a fixed order (later files override
earlier ones, except where a loader says otherwise): countries, seats, organisations,
agents, descriptors, abbreviations, regions, state groups, people, ethnic groups, and
last the ambiguity marks laid over what the others defined.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from eventwire import lexicons
from eventwire.actors.descriptors import add_descriptors
from eventwire.actors.lookup import KINDS, Dictionary, Entry, Source, normalise
from eventwire.actors.words import staff_words
from eventwire.errors import DataFileError


def _opt(value: str) -> str | None:
    value = value.strip()
    return value or None


@functools.cache
def country_names() -> dict[str, str]:
    """Canonical name of every packaged country, by ISO3 code.

    countries.tsv is generated from pycountry (scripts/build_countries.py); its first
    row of a code gives the name. country_forms.tsv adds hand-written alternates,
    adjectives and demonyms (and names codes pycountry lacks, such as XKX).
    """
    names: dict[str, str] = {}
    for _, (code, phrase, _form, canonical) in lexicons.load_tsv("actors/countries.tsv", 4):
        names.setdefault(code, canonical or phrase)
    for number, (code, phrase, form) in lexicons.load_tsv("actors/country_forms.tsv", 3):
        if form not in ("name", "adjective"):
            raise DataFileError("data/actors/country_forms.tsv", f"bad form {form!r}", line=number)
        names.setdefault(code, phrase)
    return names


@functools.cache
def country_codes() -> frozenset[str]:
    """ISO3 codes of every packaged country."""
    return frozenset(country_names())


def _countries(d: Dictionary) -> None:
    names = country_names()
    for _, (code, phrase, form, _canonical) in lexicons.load_tsv("actors/countries.tsv", 4):
        d.add(phrase, Entry(code, None, "state", form, names[code], origin="countries.tsv",
                            source=Source.COUNTRIES))
    for _, (code, phrase, form) in lexicons.load_tsv("actors/country_forms.tsv", 3):
        d.add(phrase, Entry(code, None, "state", form, names[code],
                            origin="country_forms.tsv", source=Source.COUNTRIES))


@functools.cache
def seat_phrases() -> frozenset[str]:
    """The lookup keys of the capitals and seats of power of ``seats.tsv`` ("oslo")."""
    return frozenset(normalise(phrase) for _, (phrase, *_rest) in lexicons.load_tsv("actors/seats.tsv", 4))


def _seats(d: Dictionary) -> None:
    names = country_names()
    for _, (phrase, code, sector, _note) in lexicons.load_tsv("actors/seats.tsv", 4):
        d.add(phrase, Entry(code, _opt(sector), "state", "name", names.get(code, code),
                            origin="seats.tsv", source=Source.SEATS))


def _agents(d: Dictionary) -> None:
    staff = staff_words()
    for number, (phrase, sector, kind) in lexicons.load_tsv("actors/agents.tsv", 3):
        if kind not in KINDS:
            raise DataFileError("data/actors/agents.tsv", f"bad kind {kind!r}", line=number)
        d.add(phrase, Entry(None, _opt(sector), kind, "agent", origin="agents.tsv",
                            staff=normalise(phrase) in staff, source=Source.AGENTS))
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
                              origin="ethnic_groups.tsv", source=Source.ETHNIC))


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
                      origin="organisations.tsv", source=Source.ORGANISATIONS)
        for phrase in [name, *aliases.split("|")]:
            d.add(phrase, entry)


def _org_homes(d: Dictionary) -> dict[str, str | None]:
    return {e.code: e.home for e in d.entries.values()
            if e.code and e.source is Source.ORGANISATIONS and e.kind in ("igo", "ngo", "group")}


@dataclass(frozen=True, slots=True)
class _Person:
    """One row of people.tsv: forms taken alone (``plain``) and only with care (``loose``)."""

    name: str
    code: str
    sector: str | None
    plain: tuple[str, ...]
    loose: tuple[str, ...]


def _people_rows(homes: dict[str, str | None]) -> list[_Person]:
    origin = "data/actors/people.tsv"
    names = country_names()
    rows = []
    for number, (name, code, sector, _role, forms) in lexicons.load_tsv("actors/people.tsv", 5):
        if code not in names and code not in homes:
            raise DataFileError(origin, f"unknown code {code!r}", line=number)
        parts = [f.strip() for f in forms.split("|") if f.strip()]
        plain = (name, *(f for f in parts if not f.startswith("~")))
        loose = tuple(f[1:] for f in parts if f.startswith("~"))
        rows.append(_Person(name, code, _opt(sector), plain, loose))
    return rows


def _owners(rows: list[_Person]) -> tuple[dict[str, set[tuple[str, str | None]]],
                                          dict[str, set[str]]]:
    """Who each form may name: the ``(code, sector)`` pairs and the people's names."""
    owners: dict[str, set[tuple[str, str | None]]] = {}
    named: dict[str, set[str]] = {}
    for p in rows:
        for form in [*p.plain, *p.loose]:
            owners.setdefault(normalise(form), set()).add((p.code, p.sector))
            named.setdefault(normalise(form), set()).add(p.name)
    return owners, named


def _people(d: Dictionary) -> None:
    """Well-known leaders (people.tsv): full names always, short forms with care.

    A short form shared by people with different codes is dropped; one shared by people
    of the same code names no single person (its ``name`` is the form itself). Phrases
    another actor file already defines ("Jordan") are never overridden.
    """
    homes = _org_homes(d)
    rows = _people_rows(homes)
    owners, named = _owners(rows)
    for p in rows:
        full = tuple(normalise(f) for f in p.plain if " " in f.strip())
        aliases = tuple(normalise(f) for f in [*p.plain, *p.loose] if " " not in f.strip())
        home = homes.get(p.code) if p.code in homes else p.code
        for form, ambiguous in [*((f, False) for f in p.plain), *((f, True) for f in p.loose)]:
            key = normalise(form)
            if key in d.entries and d.entries[key].source is not Source.PEOPLE:
                continue
            if len(owners[key]) > 1:
                continue  # "Kim", "Lee": people of different states or posts
            shown = p.name if len(named[key]) == 1 else form
            previous = d.entries.get(key)
            fulls = full if ambiguous else ()
            if previous is not None and previous.full and ambiguous:
                fulls = tuple(dict.fromkeys(previous.full + full))
            d.add(form, Entry(p.code, p.sector, "person", "name", shown, home,
                              origin="people.tsv", full=fulls, aliases=aliases,
                              source=Source.PEOPLE))


def _regions(d: Dictionary) -> None:
    # regions.tsv (generated from ISO 3166-2): "Sindh province" names a place in PAK.
    names = country_names()
    for _, (code, phrase, _type) in lexicons.load_tsv("actors/regions.tsv", 3):
        d.add(phrase, Entry(code, None, "location", "name", names.get(code, code),
                            code, origin="regions.tsv", source=Source.REGIONS))


def _state_groups(d: Dictionary) -> None:
    # Groups of states ("Arab states", "the West") name no single state: they are kept
    # as group actors with no code, so they never count as one country in a dyad.
    for _, (phrase, name) in lexicons.load_tsv("actors/state_groups.tsv", 2):
        d.add(phrase, Entry(None, None, "group", "name", name or phrase,
                            origin="state_groups.tsv", source=Source.STATE_GROUPS))


def _abbreviations(d: Dictionary) -> None:
    readings: dict[str, list[Entry]] = {}
    for _, (abbr, code, sector, kind, name) in lexicons.load_tsv("actors/abbreviations.tsv", 5):
        readings.setdefault(abbr, []).append(
            Entry(code, _opt(sector), kind or "organisation", "name", name or None,
                  source=Source.ABBREVIATIONS))
    for abbr, options in readings.items():
        d.add(abbr, Entry(None, None, "organisation", "abbr", abbr,
                          candidates=tuple(options), origin="abbreviations.tsv",
                          source=Source.ABBREVIATIONS))


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
    add_descriptors(d)
    _abbreviations(d)
    _regions(d)
    _state_groups(d)
    _people(d)
    _ethnic(d)
    _ambiguous(d)
    return d
