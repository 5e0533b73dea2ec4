"""The CAMEO codebook: code → name, Goldstein score, quad class and PLOVER type.

The facts live in ``data/codebook/cameo.tsv`` (transcribed from the CAMEO codebook,
the GDELT lookup tables and the PLOVER project's CAMEO2PLOVER table; see its header).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from eventwire.errors import DataFileError
from eventwire.lexicons import load_tsv

CODEBOOK_FILE = "codebook/cameo.tsv"
PLOVER_TYPES_FILE = "events/plover_types.tsv"


@functools.lru_cache(maxsize=1)
def plover_types() -> frozenset[str]:
    """The 16 PLOVER event types, from ``data/events/plover_types.tsv`` (cached)."""
    return frozenset(kind for _line, (kind,) in load_tsv(PLOVER_TYPES_FILE, 1))


@dataclass(frozen=True, slots=True)
class Code:
    """One CAMEO event code and its facts.

    ``plover`` is ``None`` for CAMEO 01x/02x (statements, appeals), which PLOVER drops.
    """

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None


def quad_class_of(code: str) -> int:
    """Quad class of the code's two-digit root, as the codebook gives it: 1 (01-05),
    2 (06-08), 3 (09-13), 4 (14-20); 0 if unknown ("5" is read as root 05)."""
    try:
        root = int(code[:2])
    except ValueError:
        return 0
    known = load_codebook().get(f"{root:02d}")
    return known.quad_class if known is not None else 0


@functools.lru_cache(maxsize=1)
def load_codebook() -> dict[str, Code]:
    """Load every CAMEO code from the packaged codebook (cached).

    Raises:
        DataFileError: when a row lacks a fact or carries a bad number or PLOVER type.
    """
    codes: dict[str, Code] = {}
    for line, (code, name, goldstein, quad, plover) in load_tsv(CODEBOOK_FILE, 5):
        origin = f"data/{CODEBOOK_FILE}"
        if not code.isdigit() or not name:
            raise DataFileError(origin, f"bad code or empty name: {code!r}", line=line)
        try:
            score, quad_class = float(goldstein), int(quad)
        except ValueError as e:
            raise DataFileError(origin, f"bad Goldstein or quad class for {code}", line=line) from e
        if plover != "-" and plover not in plover_types():
            raise DataFileError(origin, f"unknown PLOVER type {plover!r} for {code}", line=line)
        codes[code] = Code(code, name, score, quad_class, None if plover == "-" else plover)
    return codes


def lookup(code: str) -> Code:
    """Return the facts of ``code``; a code outside CAMEO (from a user's PETRARCH
    dictionary, say) gets its name from the code, Goldstein 0 and its root's quad class."""
    known = load_codebook().get(code)
    if known is not None:
        return known
    root = load_codebook().get(code[:3]) or load_codebook().get(code[:2])
    plover = root.plover if root is not None and code[:2].isdigit() else None
    return Code(code, f"code {code} (not in the CAMEO codebook)", 0.0, quad_class_of(code), plover)
