"""The one loader for eventwire's data files (``src/eventwire/data/``).

Knowledge is data: lexicons, dictionaries and codebooks are TSV or YAML files that
open with ``#`` lines naming their source. This module reads them through
``importlib.resources`` (so they work from a wheel or a zip), caches them, and raises
:class:`~eventwire.errors.DataFileError` naming the file and line when one is broken.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import DataFileError

PACKAGE = "eventwire"


def data_path(relative: str) -> Path:
    """Return the filesystem path of a packaged data file (``"lexicons/cues.tsv"``)."""
    return Path(str(resources.files(PACKAGE).joinpath(f"data/{relative}")))


def read_text(relative: str) -> str:
    """Read a packaged data file as UTF-8 text."""
    try:
        return resources.files(PACKAGE).joinpath(f"data/{relative}").read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise DataFileError(f"data/{relative}", "no such data file") from e


def iter_tsv_lines(text: str, origin: str, *, columns: int | None = None) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line_number, fields)`` for each data row of TSV ``text``.

    Blank lines and lines starting with ``#`` are skipped. When ``columns`` is given,
    short rows are padded with empty strings and longer rows raise ``DataFileError``.
    """
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.rstrip("\n\r").split("\t")
        if columns is not None:
            if len(fields) > columns:
                raise DataFileError(
                    origin, f"expected at most {columns} tab-separated fields, got {len(fields)}",
                    line=number,
                )
            fields += [""] * (columns - len(fields))
        yield number, fields


@functools.cache
def load_tsv(relative: str, columns: int | None = None) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Load a packaged TSV file as ``(line_number, fields)`` rows (cached)."""
    origin = f"data/{relative}"
    return tuple(
        (n, tuple(f)) for n, f in iter_tsv_lines(read_text(relative), origin, columns=columns)
    )


@functools.cache
def load_yaml(relative: str) -> Any:
    """Load a packaged YAML file (cached)."""
    try:
        return yaml.safe_load(read_text(relative))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DataFileError(f"data/{relative}", f"invalid YAML: {e}", line=line) from e
