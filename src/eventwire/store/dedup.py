"""Near-duplicates: MinHash signatures of word 3-shingles and an LSH index over them.

Syndicated copies of a story inflate event counts, so each article is compared at
ingest with every stored one; a copy gets ``articles.duplicate_of`` (the first stored
copy) and queries count the story once. Signatures are stored in the ``minhashes``
table and the index is rebuilt from it when a store first ingests, so later ingests see
earlier articles.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import duckdb
import numpy as np

#: Jaccard similarity (of word 3-shingles) above which an article is a near-duplicate.
DUPLICATE_THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE_WORDS = 3

_WORD = re.compile(r"\w+")

#: ``(duplicate_of, similarity, signature)`` of one article, as :meth:`DuplicateIndex.check` gives.
Duplicate = tuple[str | None, float | None, np.ndarray | None]


class DuplicateIndex:
    """The stored articles' signatures in a MinHash LSH index, loaded on first use.

    Args:
        threshold: Jaccard similarity above which an article is a near-duplicate.
    """

    def __init__(self, threshold: float = DUPLICATE_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh: Any = None
        self._signatures: dict[str, np.ndarray] = {}
        self._canonical: dict[str, str] = {}

    def load(self, con: duckdb.DuckDBPyConnection) -> Any:
        """The LSH index, built from the ``minhashes`` table the first time."""
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)
            query = """SELECT m.article_key, m.signature, a.duplicate_of
                       FROM minhashes m JOIN articles a USING (article_key) ORDER BY a.ingested_at"""
            for key, blob, duplicate_of in con.execute(query).fetchall():
                self._remember(key, np.frombuffer(blob, dtype=np.uint64), duplicate_of or key)
        return self._lsh

    def _remember(self, key: str, signature: np.ndarray, canonical: str) -> None:
        self._lsh.insert(key, _sketch(signature), check_duplication=False)
        self._signatures[key] = signature
        self._canonical[key] = canonical

    def check(self, con: duckdb.DuckDBPyConnection, key: str, text: str) -> Duplicate:
        """Flag ``text`` against every earlier article; remember it for later ones.

        Returns ``(duplicate_of, similarity, signature)``.
        """
        lsh = self.load(con)
        signature = minhash(text)
        if signature is None:
            return None, None, None
        best, best_score = None, 0.0
        for other in lsh.query(_sketch(signature)):
            score = float(np.mean(self._signatures[other] == signature))
            if score >= self.threshold and score > best_score:
                best, best_score = other, score
        canonical = self._canonical[best] if best else key
        self._remember(key, signature, canonical)
        return (canonical, best_score, signature) if best else (None, None, signature)

    def snapshot(self, con: duckdb.DuckDBPyConnection) -> set[str]:
        """The keys indexed now, to :meth:`restore` if a batch is rolled back."""
        self.load(con)
        return set(self._signatures)

    def restore(self, keys: set[str]) -> None:
        """Forget every article indexed since :meth:`snapshot` returned ``keys``."""
        for key in [k for k in self._signatures if k not in keys]:
            self._lsh.remove(key)
            del self._signatures[key]
            del self._canonical[key]


def minhash(text: str) -> np.ndarray | None:
    """The MinHash signature (``NUM_PERM`` values) of a text's word 3-shingles.

    Returns ``None`` for a text without words.
    """
    words = _WORD.findall(text.lower())
    if not words:
        return None
    n = min(SHINGLE_WORDS, len(words))
    shingles = {" ".join(words[i:i + n]).encode("utf-8") for i in range(len(words) - n + 1)}
    sketch = _new_sketch()
    sketch.update_batch(list(shingles))
    hashes: np.ndarray = sketch.hashvalues.astype(np.uint64)  # datasketch is untyped
    return hashes


@functools.lru_cache(maxsize=1)
def _template() -> tuple[Any, dict[str, Any]]:
    """One MinHash whose permutations every other one reuses (making them costs ~0.1 ms)."""
    from datasketch import MinHash

    template = MinHash(num_perm=NUM_PERM)
    # datasketch >= 2 wants the scheme named when hash values are given; 1.x has none.
    scheme = getattr(template, "scheme", None)
    return template, ({"scheme": scheme} if scheme else {})


def _new_sketch(hashvalues: np.ndarray | None = None) -> Any:
    from datasketch import MinHash

    template, options = _template()
    if hashvalues is None:
        sketch = template.copy()
        sketch.clear()
        return sketch
    return MinHash(num_perm=NUM_PERM, hashvalues=hashvalues.astype(template.hashvalues.dtype),
                   permutations=template.permutations, **options)


def _sketch(signature: np.ndarray) -> Any:
    """A datasketch MinHash from a stored signature, made with the same hashing scheme."""
    return _new_sketch(signature)
