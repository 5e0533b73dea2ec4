"""Ingest: results written in batches, one transaction each, idempotent and resumable.

An article is keyed by a hash of its text (``article_key``), so ingesting the same
inputs again adds nothing. Each batch (articles, actors, attributions, events, errors
and MinHash signatures together) is one transaction, so a run killed at any moment
leaves whole articles only and a rerun adds just the rest. Rows go in through Arrow
tables, never ``executemany`` (about 1,000 times slower in DuckDB).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

from eventwire.errors import ReadError, StoreError
from eventwire.io.text import ARTICLE_TEXT_FIELDS, has_surrogate, safe_origin
from eventwire.model import Article, Result, text_id
from eventwire.store.dedup import DuplicateIndex
from eventwire.store.records import Rows
from eventwire.store.schema import PUBLIC_TABLES, scalar, write_message

if TYPE_CHECKING:
    pass

COMMIT_EVERY = 32


@dataclass
class IngestReport:
    """What one ingest run did.

    Attributes:
        added: articles written.
        skipped: articles whose text was already stored (or seen earlier in this run).
        duplicates: added articles flagged as near-duplicates of an earlier one.
        errors: inputs that could not be read or processed (also in the ``errors`` table).
        batches: transactions committed.
        rows: rows written per table.
        write_seconds: time spent building and committing batches.
    """

    added: int = 0
    skipped: int = 0
    duplicates: int = 0
    errors: list[ReadError] = field(default_factory=list)
    batches: int = 0
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PUBLIC_TABLES[:4], 0))
    write_seconds: float = 0.0


class IngestMixin:
    """The writing half of :class:`~eventwire.store.Store`."""

    path: str
    read_only: bool
    con: duckdb.DuckDBPyConnection
    _duplicates: DuplicateIndex
    _keys: set[str] | None

    def keys(self) -> set[str]:
        """The ``article_key`` of every stored article (loaded once, then kept current)."""
        if self._keys is None:
            self._keys = {k for (k,) in self.con.execute("SELECT article_key FROM articles").fetchall()}
        return self._keys

    def has(self, article: Article | str) -> bool:
        """Whether an article (or a text) is already stored."""
        text = article if isinstance(article, str) else article.text
        return text_id(text) in self.keys()

    def ingest(
        self, items: Iterable[Result | ReadError], *, commit_every: int = COMMIT_EVERY,
        on_item: Callable[[Result | ReadError], None] | None = None,
        on_commit: Callable[[IngestReport], None] | None = None,
    ) -> IngestReport:
        """Write results (and read errors) in batches of ``commit_every``, one transaction each.

        Articles already stored (same text) are skipped; near-duplicates are flagged.

        Args:
            items: ``Result`` or ``ReadError`` records, e.g. ``Pipeline.process_many(...)``.
            commit_every: articles per transaction.
            on_item: called with every item as it is consumed (progress display).
            on_commit: called with the running report after each committed batch.

        Returns:
            An :class:`IngestReport`.

        Raises:
            StoreError: a batch could not be written (disk full, lost lock...); the
                batch is rolled back and everything committed before it stays.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; open it without read_only to ingest")
        report = IngestReport()
        batch: list[Result | ReadError] = []
        seen = set(self.keys())
        for item in items:
            if on_item is not None:
                on_item(item)
            if isinstance(item, Result) and (bad := _unstorable(item)) is not None:
                item = bad
            if isinstance(item, Result):
                key = text_id(item.article.text)
                if key in seen:
                    report.skipped += 1
                    continue
                seen.add(key)
            else:
                report.errors.append(item)
            batch.append(item)
            if len(batch) >= commit_every:
                self._commit(batch, report, on_commit)
                batch = []
        if batch:
            self._commit(batch, report, on_commit)
        self.checkpoint()
        return report

    def checkpoint(self) -> None:
        """Write the log into the database file now, so a failure is seen here, not at close.

        Raises:
            StoreError: the checkpoint could not be written (disk full...); committed
                batches stay in the write-ahead log (``FILE.wal``), which DuckDB replays
                on the next open, so keep it beside the database.
        """
        if self.path == ":memory:":
            return
        try:
            self.con.execute("CHECKPOINT")
        except duckdb.Error as e:
            raise StoreError(
                f"{write_message(self.path, e)}; the final checkpoint was not written: keep "
                f"{self.path}.wal beside the database (it is replayed on the next open)"
            ) from e

    def _commit(
        self, batch: list[Result | ReadError], report: IngestReport,
        on_commit: Callable[[IngestReport], None] | None,
    ) -> None:
        start = time.perf_counter()
        results = [r for r in batch if isinstance(r, Result)]
        errors = [e for e in batch if isinstance(e, ReadError)]
        lsh_state = self._duplicates.snapshot(self.con)
        rows = Rows()
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        next_id = self._max_global_id()
        duplicates = 0
        for result in results:
            key = text_id(result.article.text)
            duplicate = self._duplicates.check(self.con, key, result.article.text)
            duplicates += duplicate[0] is not None
            next_id = rows.add(result, key, duplicate, now, next_id)
        rows.add_errors(errors, now)
        try:
            self.con.begin()
            for table, data in rows.tables().items():
                if data.num_rows:
                    self._insert(table, data)
            self.con.commit()
        except duckdb.Error as e:
            self._rollback()
            self._duplicates.restore(lsh_state)
            raise StoreError(write_message(self.path, e)) from e
        self.keys().update(rows.keys)
        report.added += len(results)
        report.duplicates += duplicates
        report.batches += 1
        for table in report.rows:
            report.rows[table] += rows.count(table)
        report.write_seconds += time.perf_counter() - start
        if on_commit is not None:
            on_commit(report)

    def _insert(self, table: str, data: pa.Table) -> None:
        name = f"_eventwire_{table}"
        # A bad input read again on a rerun is already listed: keep one row per report.
        only_new = (" WHERE NOT EXISTS (SELECT 1 FROM errors e WHERE e.origin = n.origin"
                    " AND e.line IS NOT DISTINCT FROM n.line AND e.message = n.message)"
                    if table == "errors" else "")
        self.con.register(name, data)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {name} n{only_new}")
        finally:
            self.con.unregister(name)

    def _rollback(self) -> None:
        # No transaction open (it failed to begin) means nothing to undo.
        with contextlib.suppress(duckdb.Error):
            self.con.rollback()

    def _max_global_id(self) -> int:
        return int(scalar(self.con, "SELECT coalesce(max(global_id), 0) FROM events"))


def _unstorable(result: Result) -> ReadError | None:
    """An error for a result holding a lone surrogate, which no table can store.

    Pipeline results never do (it repairs them); a hand-built one may, and then only
    that article is refused instead of its whole batch.
    """
    article = result.article
    for name in ARTICLE_TEXT_FIELDS:
        value = getattr(article, name)
        if isinstance(value, str) and has_surrogate(value):
            origin = safe_origin(article.origin or "<result>")
            return ReadError(origin, f"cannot store: a lone surrogate in the article's {name} "
                                     "(eventwire.Pipeline repairs these; process the article with it)")
    return None
