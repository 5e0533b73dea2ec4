"""CAMEO root policies: which two-digit roots take which rule of the events stage.

The policies live in ``data/events/root_policies.tsv`` (one column per policy, what each
means in its header); code asks :func:`root_has` instead of comparing roots itself, so
a reader finds every per-root decision in one file beside the codebook.
"""

from __future__ import annotations

import functools

from eventwire.errors import DataFileError
from eventwire.lexicons import load_tsv

ROOT_POLICIES_FILE = "events/root_policies.tsv"

#: The policy columns of ``root_policies.tsv``, in file order (after root and name).
POLICIES = (
    "cue_statement",
    "among_listed",
    "asks_in_clause",
    "about_first",
    "purpose_participle",
    "condition_target",
    "coercion",
    "promise",
)


@functools.lru_cache(maxsize=1)
def root_policies() -> dict[str, frozenset[str]]:
    """``{policy: roots that take it}`` from ``root_policies.tsv`` (cached).

    Raises:
        DataFileError: when a root is not two digits or a cell is not ``yes`` or ``-``.
    """
    origin = f"data/{ROOT_POLICIES_FILE}"
    roots: dict[str, set[str]] = {policy: set() for policy in POLICIES}
    for line, (root, _name, *cells) in load_tsv(ROOT_POLICIES_FILE, 2 + len(POLICIES)):
        if len(root) != 2 or not root.isdigit():
            raise DataFileError(origin, f"bad CAMEO root {root!r}", line=line)
        for policy, cell in zip(POLICIES, cells, strict=True):
            if cell not in ("yes", "-"):
                raise DataFileError(origin, f"{policy} must be 'yes' or '-', got {cell!r}", line=line)
            if cell == "yes":
                roots[policy].add(root)
    return {policy: frozenset(found) for policy, found in roots.items()}


@functools.lru_cache(maxsize=1)
def root_names() -> dict[str, str]:
    """``{root: name}`` as ``root_policies.tsv`` writes them (checked against the codebook)."""
    return {root: name for _line, (root, name, *_cells) in load_tsv(ROOT_POLICIES_FILE, 2 + len(POLICIES))}


def root_has(policy: str, code: str) -> bool:
    """Whether the CAMEO ``code``'s two-digit root takes ``policy`` (a column name)."""
    return code[:2] in root_policies()[policy]
