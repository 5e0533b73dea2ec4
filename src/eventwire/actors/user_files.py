"""User actor dictionaries in TSV or YAML (``Config.dictionaries``).

TSV columns: phrase, code, sector, kind, name (``#`` lines are comments). YAML: a list
of entries, a mapping of phrase to fields, or ``{actors: [...], agents: [...]}``; an
entry may list ``aliases``. ``kind: agent`` (or an ``agents:`` item) is a word that gives
a sector; its own kind is ``agent_kind`` (default person).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from eventwire import lexicons
from eventwire.actors.lookup import FORMS, KINDS, Entry, Source
from eventwire.errors import DataFileError

USER_COLUMNS = ("phrase", "code", "sector", "kind", "name")


def _opt(value: Any) -> str | None:
    text = str(value or "").strip()
    return text or None


def _kind_and_form(row: dict[str, Any], phrase: str, code: str | None, sector: str | None,
                   origin: str, line: int | None) -> tuple[str, str]:
    """The entry's kind and form, checked: an agent needs a sector, a name a code or one."""
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
    return kind, form


def user_entry(row: dict[str, Any], origin: str, line: int | None) -> tuple[str, Entry]:
    """One user row as ``(phrase, Entry)``.

    Raises:
        DataFileError: the row has no phrase, a bad kind or form, or too little to code.
    """
    phrase = str(row.get("phrase") or "").strip()
    if not phrase:
        raise DataFileError(origin, "entry has no phrase", line=line)
    code = _opt(row.get("code"))
    sector = _opt(row.get("sector"))
    kind, form = _kind_and_form(row, phrase, code, sector, origin, line)
    name = _opt(row.get("name")) or phrase
    home = _opt(row.get("home"))
    return phrase, Entry(code and code.upper(), sector and sector.upper(), kind, form, name,
                         home, origin=origin, source=Source.USER)


def read_tsv(path: Path) -> Iterator[tuple[str, Entry]]:
    """Read a user TSV dictionary as ``(phrase, Entry)`` pairs."""
    origin = str(path)
    text = path.read_text(encoding="utf-8")
    for line, fields in lexicons.iter_tsv_lines(text, origin, columns=len(USER_COLUMNS)):
        yield user_entry(dict(zip(USER_COLUMNS, fields, strict=False)), origin, line)


def _yaml_rows(data: Any, origin: str) -> list[Any]:
    if isinstance(data, dict):
        # {actors: [...], agents: [...]} or a mapping of phrase -> fields.
        if "actors" in data or "agents" in data:
            rows = list(data.get("actors") or [])
            rows += [{**r, "kind": "agent"} for r in data.get("agents") or []]
            return rows
        return [{"phrase": k, **(v or {})} for k, v in data.items()]
    if isinstance(data, list):
        return data
    raise DataFileError(origin, "expected a list of entries or a mapping")


def read_yaml(path: Path) -> Iterator[tuple[str, Entry]]:
    """Read a user YAML dictionary as ``(phrase, Entry)`` pairs, aliases included."""
    origin = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise DataFileError(origin, f"invalid YAML: {e}",
                            line=mark.line + 1 if mark else None) from e
    for row in _yaml_rows(data, origin):
        if not isinstance(row, dict):
            raise DataFileError(origin, f"entry {row!r} is not a mapping")
        phrase, entry = user_entry(row, origin, None)
        for alias in [phrase, *(row.get("aliases") or [])]:
            yield str(alias), entry
