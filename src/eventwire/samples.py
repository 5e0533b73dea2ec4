"""The bundled sample corpus and its hand-written expected annotations.

``data/sample/articles/`` holds invented articles (.txt, .html, .jsonl);
``data/sample/expected/<key>.json`` holds what a careful analyst expects of each, keyed
by file stem (``.txt``/``.html``) or record id (``.jsonl``). See ``data/sample/README.md``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.io import read
from eventwire.lexicons import data_path
from eventwire.model import Article


@dataclass(frozen=True, slots=True)
class Sample:
    """One sample article with its expected annotations."""

    key: str
    article: Article
    expected: dict[str, Any]


def sample_root() -> Path:
    """The packaged sample corpus folder (holding ``articles/`` and ``expected/``)."""
    return data_path("sample")


def load_samples(path: Path | None = None) -> list[Sample]:
    """Load annotated samples.

    Args:
        path: a corpus folder (with ``articles/`` and ``expected/``), its ``expected``
            folder, or one expected file; the bundled corpus when omitted.

    Returns:
        The samples that have an expected file, in file order.
    """
    path = path or sample_root()
    wanted = None
    if path.is_file():
        root, wanted = path.parent.parent, {path.stem}
    else:
        root = path.parent if path.name == "expected" else path
    samples = []
    for source in sorted((root / "articles").glob("*")):
        for article in read([source]):
            if not isinstance(article, Article):
                continue
            key = str(article.id) if article.id is not None else source.stem
            expected = root / "expected" / f"{key}.json"
            if expected.is_file() and (wanted is None or key in wanted):
                samples.append(Sample(key, article, json.loads(expected.read_text(encoding="utf-8"))))
    return samples
