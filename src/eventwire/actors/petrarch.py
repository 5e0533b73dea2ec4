"""Import PETRARCH / TABARI ``.actors`` and ``.agents`` dictionaries.

Users with existing CAMEO dictionaries keep them: ``Pipeline(dictionaries=(path,))``
(or ``eventwire extract --dictionary path``) reads any file whose name contains
``.actors`` or ``.agents``.

Codes: a PETRARCH code is a run of three-letter segments, country first
(``USAGOVELI``). It is split into ``code`` = the first three letters (``USA``) and
``sector`` = the rest (``GOVELI``), so ``code + sector`` gives the PETRARCH code
back. An actor phrase combined with an agent (``Arnor`` + ``government [~GOV]``)
gives code ``ARN``, sector ``GOV``; a prefix agent (``MSF [NGO~]`` before ``Arnor``)
gives ``NGO`` + ``ARN``.

Date-restricted codes (``[AFGGOV 011222-041207]``, ``[HOB <950601]`` = until
1995-06-01, ``[HOBREB >990816]`` = from 1999-08-16): on an article with a date
(``Article.published``: ISO ``2024-05-02`` or PETRARCH ``YYYYMMDD``) the first
restriction listed that covers the date wins (ranges include both ends, ``<`` is
before the day, ``>`` from the day on), else the code with no restriction, else none
(the name stays unresolved). Two-digit years are 20YY for 00–30, else 19YY
(PETRARCH's rule). Without a date: the code without a restriction, else the
open-ended (``>``) one, else the last one listed. ``[---]`` (no code) entries are
kept as unresolved names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from eventwire.actors.lookup import Entry, Source, normalise
from eventwire.errors import DataFileError

# The PETRARCH file format (its grammar, not knowledge to tune): "[CODE]" blocks,
# "!SET! = A, B" substitution sets, "{PLURALS}", and codes that stand for no code.
_CODE = re.compile(r"\[([^\]]*)\]")
_SET = re.compile(r"^(![A-Z0-9_-]+!)\s*=\s*(.+)$")
_PLURALS = re.compile(r"\{([^}]*)\}")
_NOT_A_CODE = {"---", "+++", "###", ""}
_ISO_DATE = re.compile(r"^\s*(\d{4})-?(\d{2})-?(\d{2})")
_OPEN_END = 100_000_000  # after any YYYYMMDD date


def split_code(code: str) -> tuple[str | None, str | None]:
    """Split a PETRARCH code into ``(code, sector)``: ``USAGOVELI`` → ``("USA", "GOVELI")``.

    Example:
        >>> split_code("ARNGOV")
        ('ARN', 'GOV')
        >>> split_code("IMF")
        ('IMF', None)
    """
    code = code.strip().upper().split("/")[0]
    if code in _NOT_A_CODE:
        return None, None
    return code[:3], (code[3:] or None)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` without comments (``#`` and ``<!-- -->``)."""
    in_comment = False
    text = path.read_text(encoding="utf-8", errors="replace")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        stripped = line.strip()
        if stripped.startswith("<!") or stripped.startswith("<! "):
            in_comment = "-->" not in stripped
            continue
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            yield number, line


def _date_rank(block: str) -> int:
    # Higher is preferred: undated > open-ended ">" > dated ranges and "<".
    rest = block.split(None, 1)[1] if len(block.split()) > 1 else ""
    if not rest:
        return 3
    if rest.startswith(">"):
        return 2
    return 1


def _best_code(blocks: list[str]) -> str | None:
    best: tuple[int, int, str] | None = None
    for order, block in enumerate(blocks):
        parts = block.split()
        code = parts[0] if parts else ""
        rank = (_date_rank(block), order, code)
        if best is None or rank[:2] > best[:2]:
            best = rank
    return best[2] if best else None


def _day(text: str) -> int:
    """A PETRARCH date as a ``YYYYMMDD`` integer: ``950601`` → 19950601, ``20080120``."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise ValueError(f"not a PETRARCH date: {text!r}")
    if len(digits) == 6:
        year = int(digits[:2])
        digits = ("20" if year <= 30 else "19") + digits
    return int(digits)


def _restriction(block: str) -> tuple[str, int, int] | None:
    """``(code, first, end)`` of a date-restricted block, None for an undated one."""
    parts = block.split(None, 1)
    if len(parts) < 2:
        return None
    code, rest = parts[0], parts[1].replace(" ", "")
    try:
        if rest.startswith("<"):
            return code, 0, _day(rest[1:])
        if rest.startswith(">"):
            return code, _day(rest[1:]), _OPEN_END
        first, _, last = rest.partition("-")
        return code, _day(first), _day(last) + 1  # YYYYMMDD integers: "+ 1" ends after `last`
    except ValueError:
        return None


def article_day(published: str | None) -> int | None:
    """An article date (ISO ``2024-05-02[T…]`` or PETRARCH ``YYYYMMDD``) as YYYYMMDD.

    Example:
        >>> article_day("2024-05-02T10:00:00Z"), article_day("19950104"), article_day(None)
        (20240502, 19950104, None)
    """
    found = _ISO_DATE.match(published or "")
    return int("".join(found.groups())) if found else None


def _entry_for(code: str | None, name: str, origin: str) -> Entry:
    country, sector = split_code(code or "")
    kind = "state" if country and not sector else "organisation"
    return Entry(country, sector, kind, "name", name, origin=origin, source=Source.PETRARCH)


def _actor_entry(blocks: list[str], name: str, origin: str) -> Entry:
    dated = tuple(r for r in (_restriction(b) for b in blocks) if r is not None)
    undated = next((b.split()[0] for b in blocks if len(b.split()) == 1), "")
    entry = _entry_for(_best_code(blocks), name, origin)
    return replace(entry, dated=dated, undated=undated) if dated else entry


def on_day(entry: Entry, day: int | None) -> Entry:
    """The entry as coded on ``day`` (YYYYMMDD): its first date restriction covering
    the day, else its undated code, else no code; unchanged without a day or dates."""
    if day is None or not entry.dated:
        return entry
    code = next((c for c, first, end in entry.dated if first <= day < end), entry.undated)
    dated = _entry_for(code, entry.name or "", entry.origin)
    return replace(entry, code=dated.code, sector=dated.sector, kind=dated.kind)


def read_actors(path: Path) -> Iterator[tuple[str, Entry]]:
    """Read a PETRARCH ``.actors`` file as ``(phrase, Entry)`` pairs."""
    origin = str(path)
    phrases: list[str] = []
    blocks: list[str] = []

    def flush() -> Iterator[tuple[str, Entry]]:
        if phrases:
            entry = _actor_entry(blocks, normalise(phrases[0]).title(), origin)
            for phrase in phrases:
                yield phrase, entry

    for _number, line in _lines(path):
        stripped = line.strip()
        codes = _CODE.findall(stripped)
        head = _CODE.sub("", stripped).strip()
        if stripped.startswith("+"):
            phrases.append(head[1:].strip())
            blocks.extend(codes)
        elif line[0].isspace() or stripped.startswith("["):
            blocks.extend(codes)
        else:
            yield from flush()
            phrases, blocks = [head], list(codes)
    yield from flush()


def _plural(word: str) -> str:
    if re.search(r"(S|SH|CH|X|Z)$", word):
        return word + "ES"
    if re.search(r"[^AEIOU]Y$", word):
        return word[:-1] + "IES"
    return word + "S"


def read_agents(path: Path) -> Iterator[tuple[str, Entry]]:
    """Read a PETRARCH ``.agents`` file as ``(phrase, Entry)`` pairs.

    ``NOUN [~SECTOR]`` is an agent whose code follows the actor's; ``NOUN [CODE~]``
    one whose code comes first. Regular plurals are added unless ``{}`` lists the
    irregular ones (an empty ``{}`` means none); ``!SET! = A, B`` substitution sets
    are expanded.
    """
    origin = str(path)
    sets: dict[str, list[str]] = {}
    for number, line in _lines(path):
        stripped = line.strip()
        found = _SET.match(stripped)
        if found:
            sets[found.group(1)] = [w.strip() for w in found.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(stripped)
        if not codes:
            continue
        raw = codes[0].replace(" ", "")
        prefix = raw.endswith("~") and not raw.startswith("~")
        code = raw.strip("~")
        if not code:
            raise DataFileError(origin, f"agent without a code: {stripped!r}", line=number)
        plurals = _PLURALS.search(stripped)
        head = _PLURALS.sub("", _CODE.sub("", stripped)).strip()
        words = [head]
        for name, members in sets.items():
            if name in head:
                words = [w.replace(name, m) for w in words for m in members]
        forms = list(words)
        if plurals is None:
            forms += [_plural(w.rstrip("_")) for w in words]
        else:
            forms += [p for p in plurals.group(1).split() if p]
        entry = Entry(None, code.upper(), "person", "agent", normalise(head),
                      prefix=prefix, origin=origin, source=Source.PETRARCH)
        for form in forms:
            yield form, entry


def is_petrarch_file(path: Path) -> bool:
    """PETRARCH dictionaries are recognised by ``.actors`` or ``.agents`` in the file name."""
    name = path.name.lower()
    return ".actors" in name or ".agents" in name


def is_agents_file(path: Path) -> bool:
    """Whether a PETRARCH dictionary is an agents file (by ``.agents`` in its name)."""
    return ".agents" in path.name.lower()


def read(path: Path) -> Iterator[tuple[str, Entry]]:
    """Read a PETRARCH dictionary, choosing actors or agents from the file name."""
    if is_agents_file(path):
        return read_agents(path)
    return read_actors(path)
