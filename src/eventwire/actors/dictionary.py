"""Actor dictionaries: the packaged one and user files merged into one lookup.

Every phrase maps to an :class:`~eventwire.actors.lookup.Entry`. Later sources override
earlier ones: packaged files first (:mod:`.packaged`), then each user dictionary in the
order given (``Config.dictionaries``): TSV or YAML (:mod:`.user_files`), or PETRARCH
``.actors``/``.agents`` files (:mod:`.petrarch`).

The names the rest of the stage (and users) look up live here too, so that
``from eventwire.actors.dictionary import Entry, packaged`` keeps working.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from eventwire.actors import petrarch
from eventwire.actors.descriptors import Descriptor, descriptors
from eventwire.actors.lookup import FORMS, KINDS, Dictionary, Entry, Source, normalise
from eventwire.actors.packaged import code_kinds, country_codes, ethnic_words, packaged
from eventwire.actors.user_files import USER_COLUMNS, read_tsv, read_yaml
from eventwire.errors import DataFileError

__all__ = [
    "FORMS", "KINDS", "USER_COLUMNS", "Descriptor", "Dictionary", "Entry", "Source", "build",
    "code_kinds", "country_codes", "descriptors", "ethnic_words", "load_user", "normalise",
    "packaged",
]


def _rows(path: Path) -> Iterable[tuple[str, Entry]]:
    """The ``(phrase, Entry)`` pairs of a user file, read in the format its name says."""
    if petrarch.is_petrarch_file(path):
        return petrarch.read(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        return read_yaml(path)
    if path.suffix.lower() in (".tsv", ".txt", ".tab"):
        return read_tsv(path)
    raise DataFileError(str(path), "unknown dictionary format: use .tsv, .yaml, or a "
                        "PETRARCH file whose name contains .actors or .agents")


def load_user(path: Path | str) -> Dictionary:
    """Load one user dictionary: TSV, YAML, or a PETRARCH ``.actors``/``.agents`` file.

    Raises:
        DataFileError: the file is missing or malformed (names file and line).
    """
    path = Path(path)
    if not path.is_file():
        raise DataFileError(str(path), "no such dictionary file")
    d = Dictionary()
    rows = _rows(path)
    petrarch_file = petrarch.is_petrarch_file(path)
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
        if petrarch.is_agents_file(Path(path)):
            # A PETRARCH agents file is a complete agent dictionary: it replaces the
            # packaged agent words instead of mixing two sector vocabularies.
            d.entries = {k: e for k, e in d.entries.items()
                         if e.form != "agent" or e.source is not Source.AGENTS}
        d.update(user)
    return d
