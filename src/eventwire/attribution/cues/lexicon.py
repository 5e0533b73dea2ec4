"""The cue lexicons: which words (and verb + preposition, verb + object pairs) are cues.

Three TSV tables under ``data/attribution/`` share one shape, ``lemma  key  count
rate``, read by :func:`load_lexicon` as ``{(lemma, key): rate}``:

- ``cues.tsv``: words that head a cue, keyed by coarse part of speech (:func:`coarse_pos`);
- ``cue_preps.tsv``: verbs whose prepositional object is the content ("pointed to X");
- ``cue_objects.tsv``: verbs (and object nouns) whose object is the content
  ("released a statement", not "released prisoners").
"""

from __future__ import annotations

from typing import Any

from eventwire.errors import DataFileError
from eventwire.lexicons import load_tsv

__all__ = ["LEXICON", "OBJECTS", "PREPS", "SPEAKERS", "coarse_pos", "load_lexicon"]

LEXICON = "attribution/cues.tsv"
PREPS = "attribution/cue_preps.tsv"
OBJECTS = "attribution/cue_objects.tsv"
SPEAKERS = "attribution/speakers.yaml"


def load_lexicon(relative: str = LEXICON) -> dict[tuple[str, str], float]:
    """Load a cue lexicon as ``{(lemma, pos-or-preposition): rate}``.

    A key in capitals (a part of speech, ``VERB``) is kept as written; any other key
    (a preposition, an object noun, ``*``) is lower-cased, as the lemma is.

    Args:
        relative: the table's path under ``data/`` (default ``attribution/cues.tsv``).

    Returns:
        The rate of each ``(lemma, key)`` pair.

    Raises:
        DataFileError: when a row's counts are not numbers.
    """
    lexicon: dict[tuple[str, str], float] = {}
    for number, (lemma, pos, count, rate) in load_tsv(relative, columns=4):
        if lemma == "lemma":  # header row
            continue
        try:
            int(count)
            value = float(rate)
        except ValueError as e:
            raise DataFileError(f"data/{relative}", f"bad count or rate {count!r} {rate!r}",
                                line=number) from e
        lexicon[(lemma.lower(), pos.upper() if pos.isupper() else pos.lower())] = value
    return lexicon


def coarse_pos(token: Any) -> str:
    """The lexicon's part of speech of a spaCy token: its ``pos_``, ``AUX`` counted as
    ``VERB``. The lexicon is counted with this same function
    (:func:`eventwire.evaluate.attribution.cue_statistics`), so lookups agree with it.

    Args:
        token: a spaCy ``Token``.

    Returns:
        ``VERB``, ``NOUN``, ``ADJ``, ... as keyed in ``cues.tsv``.
    """
    pos = token.pos_
    return "VERB" if pos in ("VERB", "AUX") else pos
