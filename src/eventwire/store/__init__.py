"""The store: results in an embedded DuckDB database that researchers can query.

Tables (columns in the README)::

    articles      one row per article, keyed by ``article_key`` (hash of the text)
    actors        one row per actor mention          (article_key, actor_id)
    attributions  one row per quote / reported claim (article_key, attribution_id)
    events        one row per coded event            (article_key, event_id), global_id
    errors        one row per input that could not be read or processed
    minhashes     the MinHash signature of each article (near-duplicate detection)
    meta          store format version

Modules: :mod:`.schema` (columns, DDL, opening a file), :mod:`.ingest` (batches,
transactions, resumability), :mod:`.dedup` (MinHash LSH), :mod:`.records` (records to
rows and back), :mod:`.query` (filters as parameters, dyads, read-only SQL) and
:mod:`.core` (the :class:`Store` joining them).

Ingest is idempotent (an article whose text is already stored is skipped) and
resumable: results are written in batches, one transaction each, so a run killed at
any moment leaves whole articles only and a rerun adds just the rest. Bulk rows go in
through Arrow tables, never ``executemany`` (about 1,000 times slower in DuckDB).

Queries return :class:`duckdb.DuckDBPyRelation` objects (``.df()``, ``.pl()``,
``.arrow()``, ``.fetchall()``); every filter value reaches DuckDB as a parameter.

Example:
    >>> from eventwire.store import Store
    >>> with Store("corpus.duckdb") as store:            # doctest: +SKIP
    ...     store.ingest(pipeline.process_many(articles))
    ...     store.events(source="USA", plover="ASSAULT").df()
"""

from __future__ import annotations

from eventwire.store.core import Store
from eventwire.store.dedup import DUPLICATE_THRESHOLD, NUM_PERM, SHINGLE_WORDS, minhash
from eventwire.store.ingest import COMMIT_EVERY, IngestReport
from eventwire.store.query import PERIODS
from eventwire.store.schema import (
    ACTORS,
    ARTICLES,
    ATTRIBUTIONS,
    DEFAULT_DB,
    ERRORS,
    EVENTS,
    MINHASHES,
    PUBLIC_TABLES,
    STORE_VERSION,
    TABLES,
    table_sql,
)

__all__ = [
    "ACTORS",
    "ARTICLES",
    "ATTRIBUTIONS",
    "COMMIT_EVERY",
    "DEFAULT_DB",
    "DUPLICATE_THRESHOLD",
    "ERRORS",
    "EVENTS",
    "MINHASHES",
    "NUM_PERM",
    "PERIODS",
    "PUBLIC_TABLES",
    "SHINGLE_WORDS",
    "STORE_VERSION",
    "TABLES",
    "IngestReport",
    "Store",
    "minhash",
    "table_sql",
]
