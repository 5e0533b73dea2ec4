"""Phrase cues: idioms and noun/adjective cues made of several words.

"is doubling down on X", "raised questions about X", "made clear that …", "is a
staunch supporter of X", "critical of X", "pointed out that …": the head word alone
is no cue (or not a sure one); the phrase is. The phrases and their reliability come
from ``data/attribution/cue_phrases.tsv`` (lemmas and counts from PolNeAR train gold
cues, no article text).

A phrase is its key words' lemmas; modifiers may come between them ("raised serious
questions about", "a consistent and outspoken supporter of"). A spaCy ``Matcher``
built once finds the first words; the rest is followed from there. Content: the object of a closing preposition, else
a clause or infinitive governed by a phrase word, else the object of the phrase's verb.
Source: the subject of the phrase's verb, or of the copula for a noun or adjective
("X is critical of Y"), or a possessive ("X's criticism of Y").
"""

from __future__ import annotations

from typing import Any

from eventwire.attribution.thresholds import THRESHOLDS
from eventwire.attribution.words import CUE_WORDS
from eventwire.errors import DataFileError
from eventwire.lexicons import load_tsv

__all__ = [
    "PHRASES", "PhraseMatcher", "build_matcher", "key_tokens", "load_phrases", "matches",
    "phrase_key", "phrase_root",
]

PHRASES = "attribution/cue_phrases.tsv"

#: Words left out of a phrase key: they vary freely inside a cue ("has been a
#: staunch supporter of" is "supporter of"). Dependency labels of spaCy's English
#: grammar, the parser's contract, so they stay in code; the words kept despite
#: their label are data (``cue_words.yaml``, ``phrase_kept_words``).
_LOOSE_DEPS = frozenset(
    ("det", "aux", "auxpass", "neg", "advmod", "amod", "punct", "cc", "conj", "poss",
     "nummod", "compound", "case", "npadvmod", "predet", "quantmod")
)
#: Parts of speech never in a key (names, numbers, punctuation: not generic vocabulary).
_SKIP_POS = frozenset(("PROPN", "NUM", "SPACE", "PUNCT", "X", "SYM"))


def phrase_key(tokens: list[Any]) -> tuple[str, ...] | None:
    """The key of a cue's tokens: lemmas of its fixed words, or None.

    A cue with a name or number is not generic vocabulary; one word is not a phrase,
    and a key has at most ``max_phrase_words`` words (``thresholds.yaml``).

    Args:
        tokens: the spaCy tokens of one cue (a gold cue, when the table is rebuilt).

    Returns:
        The lemmas of the cue's fixed words ("raise", "question", "about"), or None.
    """
    if any(t.pos_ in ("PROPN", "NUM") for t in tokens):
        return None
    key = tuple(
        t.lemma_.lower() for t in tokens
        if t.pos_ not in _SKIP_POS
        and (t.lower_ in CUE_WORDS.phrase_kept_words or t.dep_ not in _LOOSE_DEPS)
        and t.pos_ not in ("DET", "AUX", "PRON", "CCONJ")
    )
    if len(key) < 2 or len(key) > THRESHOLDS.max_phrase_words:
        return None
    return key


def load_phrases(relative: str = PHRASES) -> dict[tuple[str, ...], tuple[int, float]]:
    """Load ``phrase  cues  seen  rate`` rows as ``{lemmas: (cues, rate)}``.

    Raises:
        DataFileError: when a row's counts are not numbers.
    """
    out: dict[tuple[str, ...], tuple[int, float]] = {}
    for number, (phrase, cues, _seen, rate) in load_tsv(relative, columns=4):
        if phrase == "phrase":
            continue
        try:
            out[tuple(phrase.lower().split())] = (int(cues), float(rate))
        except ValueError as e:
            raise DataFileError(f"data/{relative}", f"bad count or rate {cues!r} {rate!r}",
                                line=number) from e
    return out


class PhraseMatcher:
    """Find phrase keys in a doc: one spaCy ``Matcher`` finds the first words (fast),
    then the rest of each key is followed word by word, loose words allowed between."""

    def __init__(self, vocab: Any, keys: Any) -> None:
        from spacy.matcher import Matcher

        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for key in keys:
            self.by_first.setdefault(key[0], []).append(tuple(key))
        for group in self.by_first.values():
            group.sort(key=len, reverse=True)
        self.matcher = Matcher(vocab)
        if self.by_first:
            self.matcher.add("FIRST", [[{"LEMMA": {"IN": sorted(self.by_first)}}]])

    def __call__(self, doc: Any) -> list[tuple[str, int, int]]:
        """All matches ``(key, start, end)``; ``end`` is one past the last key word."""
        out = []
        for _, i, _ in self.matcher(doc):
            for key in self.by_first.get(doc[i].lemma_, ()):
                end = _follow(doc, i, key)
                if end is not None:
                    out.append((" ".join(key), i, end))
        return out


def _follow(doc: Any, i: int, key: tuple[str, ...]) -> int | None:
    """One past the last word of ``key`` matched from token ``i``, loose words allowed
    between key words; None when the key does not follow."""
    k, j, gap = 1, i + 1, 0
    while k < len(key) and j < len(doc):
        token = doc[j]
        if token.lemma_ == key[k]:
            k, gap = k + 1, 0
        elif token.dep_ in _LOOSE_DEPS and gap < THRESHOLDS.max_phrase_gap and not token.is_space:
            gap += 1
        else:
            return None
        j += 1
    return j if k == len(key) else None


def build_matcher(vocab: Any, keys: Any) -> PhraseMatcher:
    """The phrase matcher for ``keys`` (tuples of lemmas), to build once and reuse.

    Args:
        vocab: the spaCy vocabulary of the docs to match (``doc.vocab``).
        keys: phrase keys, each a tuple of lemmas (:func:`phrase_key`).
    """
    return PhraseMatcher(vocab, keys)


def matches(matcher: PhraseMatcher, doc: Any) -> list[tuple[str, int, int]]:
    """Non-overlapping phrase matches in ``doc``.

    Overlaps are settled longest first (then leftmost); the survivors come in text order.

    Returns:
        ``(key, start, end)`` per match: the key's lemmas joined by spaces and the
        token range of the match, loose words included (see :func:`key_tokens`).
    """
    found = sorted(matcher(doc), key=lambda x: (-(x[2] - x[1]), x[1]))
    taken: set[int] = set()
    out = []
    for key, s, e in found:
        if taken.intersection(range(s, e)):
            continue
        taken.update(range(s, e))
        out.append((key, s, e))
    return sorted(out, key=lambda x: x[1])


def key_tokens(doc: Any, key: str, start: int, end: int) -> list[Any]:
    """The tokens of a match that carry the key's lemmas (not the loose words).

    Args:
        doc: the matched doc.
        key: the match's key, lemmas joined by spaces (as :func:`matches` gives it).
        start: the match's first token index.
        end: one past its last token index.
    """
    lemmas = key.split()
    out = []
    k = 0
    for t in doc[start:end]:
        if k < len(lemmas) and t.lemma_ == lemmas[k]:
            out.append(t)
            k += 1
    return out


def phrase_root(tokens: list[Any]) -> Any:
    """The phrase word whose head lies outside the phrase (the first word when none does)."""
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0])
