"""The :class:`Store`: one DuckDB file, opened for ingest (:mod:`.ingest`) and queries
(:mod:`.query`)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from eventwire.errors import StoreError
from eventwire.store.dedup import DUPLICATE_THRESHOLD, DuplicateIndex
from eventwire.store.ingest import IngestMixin
from eventwire.store.query import QueryMixin
from eventwire.store.schema import (
    DEFAULT_DB,
    DEFAULT_SQL_MEMORY,
    check_schema,
    connect,
    create_schema,
    read_message,
)


class Store(IngestMixin, QueryMixin):
    """An eventwire corpus in one DuckDB file.

    Args:
        path: database file (created when absent, unless ``read_only``); ``":memory:"``
            for a throw-away store.
        read_only: open without write access (queries, ``sql``, export); several
            read-only processes may share a file, but not with a writer.
        duplicate_threshold: Jaccard similarity above which an article is flagged as a
            near-duplicate (``articles.duplicate_of``).
        sandbox: open for untrusted SQL (``eventwire sql``): read-only, no access to
            files, URLs or extensions outside the database, memory capped at
            ``memory_limit`` (a DuckDB size such as ``"1GB"``).

    Raises:
        StoreError: the file is locked by another writer, not writable, not a DuckDB
            database, or (read-only) missing.
    """

    def __init__(
        self, path: str | Path = DEFAULT_DB, *, read_only: bool = False,
        duplicate_threshold: float = DUPLICATE_THRESHOLD, sandbox: bool = False,
        memory_limit: str = DEFAULT_SQL_MEMORY,
    ) -> None:
        self.path = str(path)
        self.read_only = read_only or sandbox
        self.duplicate_threshold = duplicate_threshold
        self.con = connect(self.path, self.read_only, sandbox=sandbox, memory_limit=memory_limit)
        try:
            if self.read_only:
                check_schema(self.con, self.path)
            else:
                create_schema(self.con, self.path)
            self._keys = None
            self._duplicates = DuplicateIndex(duplicate_threshold)
        except duckdb.Error as e:  # a damaged file may open, then fail on the first read
            self.con.close()
            raise StoreError(read_message(self.path, e)) from e
        except BaseException:
            self.con.close()
            raise

    def close(self) -> None:
        """Close the connection (releases the file lock)."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
