"""Pipeline settings, at the bottom of the house: every stage may import this module and
it imports no stage (so no stage imports :mod:`eventwire.pipeline`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Readers refuse (not truncate) an article over this many bytes (``--max-bytes``).
DEFAULT_MAX_BYTES = 5_000_000
# Characters per piece: about 16,000 words; one piece peaks near 0.5 GB with the small model.
DEFAULT_PIECE_CHARS = 100_000
# Events below this confidence are left out (``--min-confidence``): the chance a careful
# reader judges an event fully right (docs/stages/events.md, "Confidence").
DEFAULT_MIN_CONFIDENCE = 0.012


@dataclass(frozen=True, slots=True)
class Config:
    """Pipeline settings.

    Args:
        model: spaCy model name; ``None`` tries ``en_core_web_sm`` then its PyPI mirror.
        n_process: worker processes for :meth:`Pipeline.process_many`.
        batch_size: articles handed to spaCy (and to each worker) at a time.
        max_bytes: size limit per article for readers.
        dictionaries: user actor dictionaries (TSV, YAML, PETRARCH ``.actors``/``.agents``).
        verb_dictionaries: PETRARCH-format verb dictionaries to add to the event lexicon.
        piece_chars: longer texts are read in paragraph-bounded pieces of at most this
            many characters (see :mod:`eventwire.pieces`), so memory stays bounded.
        min_confidence: events of lower confidence are left out; ``0`` keeps all.
    """

    model: str | None = None
    n_process: int = 1
    batch_size: int = 16
    max_bytes: int = DEFAULT_MAX_BYTES
    dictionaries: tuple[Path, ...] = ()
    verb_dictionaries: tuple[Path, ...] = ()
    piece_chars: int = DEFAULT_PIECE_CHARS
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
