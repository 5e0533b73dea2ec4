"""The store: results in an embedded DuckDB database that researchers can query.

Tables (columns in ``docs/store.md``)::

    articles      one row per article, keyed by ``article_key`` (hash of the text)
    actors        one row per actor mention          (article_key, actor_id)
    attributions  one row per quote / reported claim (article_key, attribution_id)
    events        one row per coded event            (article_key, event_id), global_id
    errors        one row per input that could not be read or processed
    minhashes     the MinHash signature of each article (near-duplicate detection)
    meta          store format version

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

import contextlib
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from eventwire.errors import ReadError, StoreError
from eventwire.model import (
    Actor,
    Article,
    Attribution,
    Event,
    Excluded,
    Result,
    Role,
    Source,
    Span,
    text_id,
)

DEFAULT_DB = "eventwire.duckdb"
STORE_VERSION = "1"
#: Jaccard similarity (of word 3-shingles) above which an article is a near-duplicate.
DUPLICATE_THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE_WORDS = 3
COMMIT_EVERY = 32
PERIODS = ("day", "week", "month", "quarter", "year")

_SPAN = pa.struct([("text", pa.string()), ("start", pa.int32()), ("end", pa.int32())])
_EXCLUDED = pa.struct([("kind", pa.string()), ("start", pa.int32()), ("end", pa.int32())])

# (column, DuckDB type, Arrow type): one list per table, so CREATE TABLE and the Arrow
# batches can never disagree.
ARTICLES = [
    ("article_key", "VARCHAR PRIMARY KEY", pa.string()),
    ("id", "VARCHAR", pa.string()),
    ("title", "VARCHAR", pa.string()),
    ("byline", "VARCHAR", pa.string()),
    ("outlet", "VARCHAR", pa.string()),
    ("published", "VARCHAR", pa.string()),
    ("published_date", "DATE", pa.date32()),
    ("url", "VARCHAR", pa.string()),
    ("origin", "VARCHAR", pa.string()),
    ("text", "VARCHAR", pa.string()),
    ("excluded", "STRUCT(kind VARCHAR, start INTEGER, \"end\" INTEGER)[]", pa.list_(_EXCLUDED)),
    ("n_chars", "INTEGER", pa.int32()),
    ("n_words", "INTEGER", pa.int32()),
    ("n_actors", "INTEGER", pa.int32()),
    ("n_attributions", "INTEGER", pa.int32()),
    ("n_events", "INTEGER", pa.int32()),
    ("duplicate_of", "VARCHAR", pa.string()),
    ("similarity", "DOUBLE", pa.float64()),
    ("ingested_at", "TIMESTAMP", pa.timestamp("us")),
]
ACTORS = [
    ("article_key", "VARCHAR", pa.string()),
    ("actor_id", "VARCHAR", pa.string()),
    ("text", "VARCHAR", pa.string()),
    ("start_char", "INTEGER", pa.int32()),
    ("end_char", "INTEGER", pa.int32()),
    ("code", "VARCHAR", pa.string()),
    ("sector", "VARCHAR", pa.string()),
    ("kind", "VARCHAR", pa.string()),
    ("name", "VARCHAR", pa.string()),
    ("anonymous", "BOOLEAN", pa.bool_()),
    ("refers_to", "VARCHAR", pa.string()),
    ("entity", "VARCHAR", pa.string()),
]
ATTRIBUTIONS = [
    ("article_key", "VARCHAR", pa.string()),
    ("attribution_id", "VARCHAR", pa.string()),
    ("kind", "VARCHAR", pa.string()),
    ("source_text", "VARCHAR", pa.string()),
    ("source_start", "INTEGER", pa.int32()),
    ("source_end", "INTEGER", pa.int32()),
    ("source_actor", "VARCHAR", pa.string()),
    ("source_anonymous", "BOOLEAN", pa.bool_()),
    ("source_code", "VARCHAR", pa.string()),
    ("source_sector", "VARCHAR", pa.string()),
    ("source_name", "VARCHAR", pa.string()),
    ("cue_text", "VARCHAR", pa.string()),
    ("cue_start", "INTEGER", pa.int32()),
    ("cue_end", "INTEGER", pa.int32()),
    ("content_text", "VARCHAR", pa.string()),
    ("content_start", "INTEGER", pa.int32()),
    ("content_end", "INTEGER", pa.int32()),
    ("content_parts", "STRUCT(text VARCHAR, start INTEGER, \"end\" INTEGER)[]", pa.list_(_SPAN)),
]
EVENTS = [
    ("global_id", "BIGINT", pa.int64()),
    ("article_key", "VARCHAR", pa.string()),
    ("event_id", "VARCHAR", pa.string()),
    ("cameo", "VARCHAR", pa.string()),
    ("cameo_name", "VARCHAR", pa.string()),
    ("plover", "VARCHAR", pa.string()),
    ("quad_class", "INTEGER", pa.int32()),
    ("goldstein", "DOUBLE", pa.float64()),
    ("source_actor", "VARCHAR", pa.string()),
    ("source_code", "VARCHAR", pa.string()),
    ("source_sector", "VARCHAR", pa.string()),
    ("target_actor", "VARCHAR", pa.string()),
    ("target_code", "VARCHAR", pa.string()),
    ("target_sector", "VARCHAR", pa.string()),
    ("trigger_text", "VARCHAR", pa.string()),
    ("trigger_start", "INTEGER", pa.int32()),
    ("trigger_end", "INTEGER", pa.int32()),
    ("sentence_start", "INTEGER", pa.int32()),
    ("sentence_end", "INTEGER", pa.int32()),
    ("modality", "VARCHAR", pa.string()),
    ("negated", "BOOLEAN", pa.bool_()),
    ("attribution", "VARCHAR", pa.string()),
    ("claimed_by", "VARCHAR", pa.string()),
    ("confidence", "DOUBLE", pa.float64()),
]
ERRORS = [
    ("origin", "VARCHAR", pa.string()),
    ("line", "INTEGER", pa.int32()),
    ("message", "VARCHAR", pa.string()),
    ("recorded_at", "TIMESTAMP", pa.timestamp("us")),
]
MINHASHES = [
    ("article_key", "VARCHAR", pa.string()),
    ("signature", "BLOB", pa.binary()),
]
TABLES: dict[str, list[tuple[str, str, Any]]] = {
    "articles": ARTICLES,
    "actors": ACTORS,
    "attributions": ATTRIBUTIONS,
    "events": EVENTS,
    "errors": ERRORS,
    "minhashes": MINHASHES,
}
#: Tables a user may export or query by name.
PUBLIC_TABLES = ("events", "actors", "attributions", "articles", "errors")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WORD = re.compile(r"\w+")


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
    """

    added: int = 0
    skipped: int = 0
    duplicates: int = 0
    errors: list[ReadError] = field(default_factory=list)
    batches: int = 0
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PUBLIC_TABLES[:4], 0))
    write_seconds: float = 0.0


class Store:
    """An eventwire corpus in one DuckDB file.

    Args:
        path: database file (created when absent, unless ``read_only``); ``":memory:"``
            for a throw-away store.
        read_only: open without write access (queries, ``sql``, export); several
            read-only processes may share a file, but not with a writer.
        duplicate_threshold: Jaccard similarity above which an article is flagged as a
            near-duplicate (``articles.duplicate_of``).

    Raises:
        StoreError: the file is locked by another writer, not writable, not a DuckDB
            database, or (read-only) missing.
    """

    def __init__(
        self, path: str | Path = DEFAULT_DB, *, read_only: bool = False,
        duplicate_threshold: float = DUPLICATE_THRESHOLD,
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.duplicate_threshold = duplicate_threshold
        self.con = _connect(self.path, read_only)
        try:
            if read_only:
                self._check_schema()
            else:
                self._create_schema()
            self._keys: set[str] | None = None
            self._lsh: Any = None
            self._signatures: dict[str, np.ndarray] = {}
            self._canonical: dict[str, str] = {}
        except BaseException:
            self.con.close()
            raise

    # -- lifecycle ---------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (releases the file lock)."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _create_schema(self) -> None:
        try:
            for name, columns in TABLES.items():
                body = ", ".join(f'"{c}" {t}' for c, t, _ in columns)
                self.con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({body})")
            self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            self.con.execute(
                "INSERT INTO meta VALUES ('store_version', ?) ON CONFLICT DO NOTHING", [STORE_VERSION],
            )
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: cannot create the eventwire tables: {e}") from e
        self._check_schema()

    def _check_schema(self) -> None:
        present = {row[0] for row in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        missing = [t for t in (*TABLES, "meta") if t not in present]
        if missing:
            raise StoreError(
                f"{self.path}: not an eventwire store (missing tables: {', '.join(missing)}); "
                "create one with: eventwire ingest PATH --db FILE"
            )
        rows = self.con.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchall()
        version = rows[0] if rows else None
        if version is None or version[0] != STORE_VERSION:
            raise StoreError(
                f"{self.path}: store version {version[0] if version else '?'} is not {STORE_VERSION}; "
                "re-ingest into a new file"
            )

    # -- ingest ------------------------------------------------------------------

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
        return report

    def _commit(
        self, batch: list[Result | ReadError], report: IngestReport,
        on_commit: Callable[[IngestReport], None] | None,
    ) -> None:
        import time

        start = time.perf_counter()
        results = [r for r in batch if isinstance(r, Result)]
        errors = [e for e in batch if isinstance(e, ReadError)]
        lsh_state = self._lsh_snapshot()
        rows = _Rows()
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        next_id = self._max_global_id()
        duplicates = 0
        for result in results:
            key = text_id(result.article.text)
            duplicate = self._near_duplicate(key, result.article.text)
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
            self._lsh_restore(lsh_state)
            raise StoreError(_write_message(self.path, e)) from e
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
        return int(self._scalar("SELECT coalesce(max(global_id), 0) FROM events"))

    def _scalar(self, query: str) -> Any:
        # fetchall, not fetchone: DuckDB 2 refuses new work while a result is unfinished.
        return self.con.execute(query).fetchall()[0][0]

    # -- near-duplicates ---------------------------------------------------------

    def _load_lsh(self) -> Any:
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=self.duplicate_threshold, num_perm=NUM_PERM)
            query = """SELECT m.article_key, m.signature, a.duplicate_of
                       FROM minhashes m JOIN articles a USING (article_key) ORDER BY a.ingested_at"""
            for key, blob, duplicate_of in self.con.execute(query).fetchall():
                self._remember(key, np.frombuffer(blob, dtype=np.uint64), duplicate_of or key)
        return self._lsh

    def _remember(self, key: str, signature: np.ndarray, canonical: str) -> None:
        self._lsh.insert(key, _sketch(signature), check_duplication=False)
        self._signatures[key] = signature
        self._canonical[key] = canonical

    def _near_duplicate(self, key: str, text: str) -> tuple[str | None, float | None, np.ndarray | None]:
        """Flag ``text`` against every earlier article; remember it for later ones.

        Returns ``(duplicate_of, similarity, signature)``.
        """
        lsh = self._load_lsh()
        signature = minhash(text)
        if signature is None:
            return None, None, None
        best, best_score = None, 0.0
        for other in lsh.query(_sketch(signature)):
            score = float(np.mean(self._signatures[other] == signature))
            if score >= self.duplicate_threshold and score > best_score:
                best, best_score = other, score
        canonical = self._canonical[best] if best else key
        self._remember(key, signature, canonical)
        return (canonical, best_score, signature) if best else (None, None, signature)

    def _lsh_snapshot(self) -> set[str]:
        self._load_lsh()
        return set(self._signatures)

    def _lsh_restore(self, keys: set[str]) -> None:
        for key in [k for k in self._signatures if k not in keys]:
            self._lsh.remove(key)
            del self._signatures[key]
            del self._canonical[key]

    # -- queries -----------------------------------------------------------------

    def table(self, name: str, *, include_duplicates: bool = True) -> duckdb.DuckDBPyRelation:
        """One of the public tables as a relation (``events``, ``actors``, ``attributions``...)."""
        return self._query(table_sql(name, include_duplicates=include_duplicates))

    def events(
        self, *, source: str | None = None, target: str | None = None, plover: str | None = None,
        cameo: str | None = None, since: str | dt.date | None = None, until: str | dt.date | None = None,
        modality: str | None = None, claimed_by: str | None = None, negated: bool | None = None,
        include_duplicates: bool = False,
    ) -> duckdb.DuckDBPyRelation:
        """Events with their article's date, title and URL, filtered.

        Args:
            source: source actor code (``USA``) or code+sector (``USAGOV``).
            target: target actor code, same forms.
            plover: PLOVER event type (``ASSAULT``).
            cameo: CAMEO code prefix (``19`` matches 190-196).
            since: first publication date (``YYYY-MM-DD``), inclusive.
            until: last publication date, inclusive.
            modality: ``asserted``, ``intended``, ``conditional``, ``hypothetical``, ``demanded``.
            claimed_by: actor code of the source whose quote contains the event.
            negated: keep only negated (``True``) or only affirmed (``False``) events.
            include_duplicates: count near-duplicate copies of a story too.
        """
        where = _event_filter(
            source=source, target=target, plover=plover, cameo=cameo, since=since, until=until,
            modality=modality, claimed_by=claimed_by, negated=negated,
            include_duplicates=include_duplicates,
        )
        query = f"""
            SELECT e.*, a.published_date AS date, a.title, a.url, a.outlet, a.id AS article_id
            FROM events e JOIN articles a USING (article_key)
            {where.sql()}
            ORDER BY a.published_date NULLS LAST, e.article_key, e.trigger_start"""
        return self._query(query, where.params)

    def quotes(
        self, *, source: str | None = None, anonymous: bool | None = None, kind: str | None = None,
        since: str | dt.date | None = None, until: str | dt.date | None = None,
        include_duplicates: bool = False,
    ) -> duckdb.DuckDBPyRelation:
        """Attributions (who said what), with their article's date and title.

        Args:
            source: the speaker's actor code or code+sector.
            anonymous: keep only anonymous (``True``) or only named (``False``) sources.
            kind: ``direct``, ``indirect`` or ``mixed``.
            since: first publication date, inclusive.
            until: last publication date, inclusive.
            include_duplicates: keep near-duplicate copies of a story too.
        """
        where = _Filter()
        where.add("? IN (q.source_code, q.source_code || q.source_sector)", source)
        where.add("q.source_anonymous = ?", anonymous)
        where.add("q.kind = ?", kind)
        where.add("a.published_date >= CAST(? AS DATE)", _date(since))
        where.add("a.published_date <= CAST(? AS DATE)", _date(until))
        if not include_duplicates:
            where.clauses.append("a.duplicate_of IS NULL")
        query = f"""
            SELECT q.*, a.published_date AS date, a.title, a.url, a.id AS article_id
            FROM attributions q JOIN articles a USING (article_key)
            {where.sql()}
            ORDER BY a.published_date NULLS LAST, q.article_key, q.content_start"""
        return self._query(query, where.params)

    def actors(
        self, *, code: str | None = None, sector: str | None = None, include_duplicates: bool = False,
    ) -> duckdb.DuckDBPyRelation:
        """Actors by code, sector and name: mentions, articles, first and last date.

        Args:
            code: keep one actor code.
            sector: keep one sector.
            include_duplicates: count mentions in near-duplicate copies too.
        """
        where = _Filter()
        where.add("t.code = ?", code)
        where.add("t.sector = ?", sector)
        if not include_duplicates:
            where.clauses.append("a.duplicate_of IS NULL")
        # A pronoun or "the official" counts as a mention of its first full mention.
        query = f"""
            SELECT t.code, t.sector, coalesce(t.name, f.name, f.text, t.text) AS name,
                   count(*) AS mentions, count(DISTINCT t.article_key) AS articles,
                   count(*) FILTER (WHERE t.anonymous) AS anonymous,
                   min(a.published_date) AS first_date, max(a.published_date) AS last_date
            FROM actors t JOIN articles a USING (article_key)
            LEFT JOIN actors f ON f.article_key = t.article_key AND f.actor_id = t.refers_to
            {where.sql()}
            GROUP BY ALL
            ORDER BY mentions DESC, t.code NULLS LAST, t.sector NULLS LAST, name"""
        return self._query(query, where.params)

    def dyads(
        self, *, by: str | None = None, include_duplicates: bool = False, **filters: Any,
    ) -> duckdb.DuckDBPyRelation:
        """Source→target pairs: event counts, mean Goldstein score and quad-class split.

        Args:
            by: also group by publication period: ``day``, ``week``, ``month``,
                ``quarter`` or ``year`` (``None``: the whole corpus).
            include_duplicates: count near-duplicate copies of a story too.
            **filters: any filter of :meth:`events` (``source``, ``plover``, ``since``...).

        Only events with both a source and a target code are counted.
        """
        if by is not None and by not in PERIODS:
            raise StoreError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
        where = _event_filter(include_duplicates=include_duplicates, **filters)
        where.clauses += ["e.source_code IS NOT NULL", "e.target_code IS NOT NULL"]
        period = "CAST(date_trunc(?, a.published_date) AS DATE)" if by else "CAST(NULL AS DATE)"
        query = f"""
            SELECT {period} AS period, e.source_code, e.target_code, count(*) AS events,
                   round(avg(e.goldstein), 2) AS mean_goldstein,
                   count(*) FILTER (WHERE e.quad_class = 1) AS verbal_coop,
                   count(*) FILTER (WHERE e.quad_class = 2) AS material_coop,
                   count(*) FILTER (WHERE e.quad_class = 3) AS verbal_conflict,
                   count(*) FILTER (WHERE e.quad_class = 4) AS material_conflict
            FROM events e JOIN articles a USING (article_key)
            {where.sql()}
            GROUP BY ALL
            ORDER BY period NULLS LAST, events DESC, e.source_code, e.target_code"""
        # The period placeholder comes first in the text, so its value goes first.
        return self._query(query, ([by] if by else []) + where.params)

    def _query(self, query: str, params: list[Any] | None = None) -> duckdb.DuckDBPyRelation:
        # Each relation gets its own cursor, so a half-read result never blocks the next query.
        return self.con.cursor().sql(query, params=params or None)

    def counts(self) -> dict[str, int]:
        """Rows per public table, plus the number of near-duplicate articles."""
        counts = {t: int(self._scalar(f"SELECT count(*) FROM {t}")) for t in PUBLIC_TABLES}
        counts["duplicates"] = int(self._scalar("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"))
        return counts

    def sql(self, query: str, params: Sequence[Any] | None = None) -> duckdb.DuckDBPyRelation:
        """Run one read-only SQL statement (``SELECT``, ``WITH``, ``DESCRIBE``, ``SHOW``).

        Raises:
            StoreError: the text is not exactly one read-only statement, or fails.
        """
        try:
            statements = self.con.extract_statements(query)
        except duckdb.Error as e:
            raise StoreError(f"SQL error: {e}") from e
        if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
            kinds = ", ".join(s.type.name for s in statements) or "nothing"
            raise StoreError(
                f"only one read-only statement (SELECT, WITH, DESCRIBE, SHOW) is allowed, got: {kinds}"
            )
        try:
            return self._query(query, list(params or []))
        except duckdb.Error as e:
            raise StoreError(f"SQL error: {e}") from e

    def results(self, *, include_duplicates: bool = True) -> Iterator[Result]:
        """Rebuild every stored article as a :class:`Result` (schema ``eventwire/1``)."""
        articles = self.table("articles", include_duplicates=include_duplicates)
        children = {
            name: _group(self.con.sql(f"SELECT * FROM {name} ORDER BY article_key"))
            for name in ("actors", "attributions", "events")
        }
        for row in _dicts(articles.order("ingested_at, article_key")):
            key = row["article_key"]
            yield Result(
                article=_article(row),
                actors=tuple(_actor(r) for r in children["actors"].get(key, [])),
                attributions=tuple(_attribution(r) for r in children["attributions"].get(key, [])),
                events=tuple(_event(r) for r in children["events"].get(key, [])),
            )


def table_sql(name: str, *, include_duplicates: bool = True) -> str:
    """The SELECT of one public table (whitelisted name, so safe to build as text).

    Raises:
        StoreError: ``name`` is not a public table.
    """
    if name not in PUBLIC_TABLES:
        raise StoreError(f"no table {name!r}; choose one of {', '.join(PUBLIC_TABLES)}")
    if include_duplicates or name == "errors":
        return f"SELECT * FROM {name}"
    if name == "articles":
        return "SELECT * FROM articles WHERE duplicate_of IS NULL"
    return f"SELECT t.* FROM {name} t JOIN articles a USING (article_key) WHERE a.duplicate_of IS NULL"


# -- ingest from paths -------------------------------------------------------------


def ingest_paths(
    store: Store, paths: Sequence[str | Path], *, pipeline: Any = None, config: Any = None,
    n_process: int | None = None, commit_every: int = COMMIT_EVERY,
    on_item: Callable[[Result | ReadError], None] | None = None,
    on_commit: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Read, process and store ``paths``; articles already stored are not processed again.

    The pipeline is only built when there is something new to process, so a rerun
    over a finished corpus costs the reading and hashing only.

    Args:
        store: an open, writable :class:`Store`.
        paths: files, folders or ``-`` as for :func:`eventwire.read`.
        pipeline: a ready :class:`~eventwire.Pipeline` (else built from ``config``).
        config: a :class:`~eventwire.Config` used when ``pipeline`` is ``None``.
        n_process: worker processes (default: the pipeline's config).
        commit_every: articles per transaction.
        on_item: called per result or error as it is consumed.
        on_commit: called with the running report after each commit.
    """
    from eventwire.io import DEFAULT_MAX_BYTES, read

    max_bytes = (pipeline.config if pipeline else config).max_bytes if (pipeline or config) else DEFAULT_MAX_BYTES
    skipped = 0
    stored = store.keys()

    def new_items() -> Iterator[Article | ReadError]:
        nonlocal skipped
        for item in read([str(p) for p in paths], max_bytes=max_bytes):
            if isinstance(item, Article):
                key = text_id(item.text)
                if key in stored or key in fresh_keys:
                    skipped += 1
                    if on_item is not None:
                        on_item(Result(item))  # counts as done for the progress display
                    continue
                fresh_keys.add(key)
            yield item

    fresh_keys: set[str] = set()
    items = new_items()
    first = next(items, None)
    report = IngestReport()
    if first is not None:
        if pipeline is None:
            from eventwire.pipeline import Config, Pipeline

            pipeline = Pipeline(config or Config())
        stream = pipeline.process_many(_chain(first, items), n_process=n_process)
        report = store.ingest(stream, commit_every=commit_every, on_item=on_item, on_commit=on_commit)
    report.skipped += skipped
    return report


def _chain(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest


# -- MinHash -----------------------------------------------------------------------


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
    return sketch.hashvalues.astype(np.uint64)


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


# -- rows ----------------------------------------------------------------------------


class _Rows:
    """Column lists for one batch, turned into Arrow tables at the end."""

    def __init__(self) -> None:
        self.columns: dict[str, dict[str, list[Any]]] = {
            table: {c: [] for c, _, _ in cols} for table, cols in TABLES.items()
        }
        self.keys: list[str] = []

    def _append(self, table: str, values: dict[str, Any]) -> None:
        for column, items in self.columns[table].items():
            items.append(values.get(column))

    def count(self, table: str) -> int:
        return len(self.columns[table]["article_key"])

    def add(
        self, result: Result, key: str, duplicate: tuple[str | None, float | None, np.ndarray | None],
        now: dt.datetime, next_id: int,
    ) -> int:
        duplicate_of, similarity, signature = duplicate
        art = result.article
        self.keys.append(key)
        self._append("articles", {
            "article_key": key, "id": None if art.id is None else str(art.id), "title": art.title,
            "byline": art.byline, "outlet": art.outlet, "published": art.published,
            "published_date": _parse_date(art.published), "url": art.url, "origin": art.origin,
            "text": art.text, "excluded": [e.to_dict() for e in art.excluded],
            "n_chars": len(art.text), "n_words": len(art.text.split()),
            "n_actors": len(result.actors), "n_attributions": len(result.attributions),
            "n_events": len(result.events), "duplicate_of": duplicate_of, "similarity": similarity,
            "ingested_at": now,
        })
        if signature is not None:
            self._append("minhashes", {"article_key": key, "signature": signature.tobytes()})
        actors = {a.id: a for a in result.actors}
        for actor in result.actors:
            self._append("actors", {
                "article_key": key, "actor_id": actor.id, "text": actor.text,
                "start_char": actor.start, "end_char": actor.end, "code": actor.code,
                "sector": actor.sector, "kind": actor.kind, "name": actor.name,
                "anonymous": actor.anonymous, "refers_to": actor.refers_to, "entity": actor.entity,
            })
        speakers: dict[str, Actor | None] = {}
        for quote in result.attributions:
            speaker = _resolve(actors, quote.source.actor) if quote.source else None
            speakers[quote.id] = speaker
            self._append("attributions", _attribution_row(key, quote, speaker))
        for event in result.events:
            next_id += 1
            speaker = speakers.get(event.attribution or "")
            self._append("events", _event_row(key, event, speaker, next_id))
        return next_id

    def add_errors(self, errors: list[ReadError], now: dt.datetime) -> None:
        for error in errors:
            self._append("errors", {
                "origin": error.origin, "line": error.line, "message": error.message, "recorded_at": now,
            })

    def tables(self) -> dict[str, pa.Table]:
        out = {}
        for table, cols in TABLES.items():
            schema = pa.schema([(c, t) for c, _, t in cols])
            out[table] = pa.Table.from_pydict(self.columns[table], schema=schema)
        return out


def _resolve(actors: dict[str, Actor], actor_id: str | None) -> Actor | None:
    """The actor a mention stands for: its first full mention when it refers back."""
    actor = actors.get(actor_id or "")
    if actor is not None and actor.refers_to and actor.code is None:
        return actors.get(actor.refers_to, actor)
    return actor


def _attribution_row(key: str, quote: Attribution, speaker: Actor | None) -> dict[str, Any]:
    source, cue, content = quote.source, quote.cue, quote.content
    return {
        "article_key": key, "attribution_id": quote.id, "kind": quote.kind,
        "source_text": source.text if source else None,
        "source_start": source.start if source else None,
        "source_end": source.end if source else None,
        "source_actor": source.actor if source else None,
        "source_anonymous": source.anonymous if source else None,
        "source_code": speaker.code if speaker else None,
        "source_sector": speaker.sector if speaker else None,
        "source_name": speaker.name if speaker else None,
        "cue_text": cue.text if cue else None, "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "content_text": content.text, "content_start": content.start, "content_end": content.end,
        "content_parts": [p.to_dict() for p in quote.content_parts],
    }


def _event_row(key: str, event: Event, speaker: Actor | None, global_id: int) -> dict[str, Any]:
    source, target = event.source, event.target
    return {
        "global_id": global_id, "article_key": key, "event_id": event.id, "cameo": event.cameo,
        "cameo_name": event.cameo_name, "plover": event.plover, "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "source_actor": source.actor if source else None, "source_code": source.code if source else None,
        "source_sector": source.sector if source else None,
        "target_actor": target.actor if target else None, "target_code": target.code if target else None,
        "target_sector": target.sector if target else None,
        "trigger_text": event.trigger.text, "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end, "sentence_start": event.sentence.start,
        "sentence_end": event.sentence.end, "modality": event.modality, "negated": event.negated,
        "attribution": event.attribution, "claimed_by": speaker.code if speaker else None,
        "confidence": event.confidence,
    }


# -- rows back to records ---------------------------------------------------------------


def _dicts(relation: duckdb.DuckDBPyRelation) -> Iterator[dict[str, Any]]:
    columns = relation.columns
    for row in relation.fetchall():
        yield dict(zip(columns, row, strict=True))


def _group(relation: duckdb.DuckDBPyRelation) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in _dicts(relation):
        groups.setdefault(row["article_key"], []).append(row)
    return groups


def _article(row: dict[str, Any]) -> Article:
    excluded = tuple(Excluded(e["kind"], e["start"], e["end"]) for e in row["excluded"] or [])
    return Article(
        text=row["text"], id=row["id"], title=row["title"], byline=row["byline"],
        outlet=row["outlet"], published=row["published"], url=row["url"],
        excluded=excluded, origin=row["origin"],
    )


def _actor(row: dict[str, Any]) -> Actor:
    return Actor(
        row["actor_id"], row["text"], row["start_char"], row["end_char"], code=row["code"],
        sector=row["sector"], kind=row["kind"], name=row["name"], anonymous=row["anonymous"],
        refers_to=row["refers_to"],
    )


def _attribution(row: dict[str, Any]) -> Attribution:
    source = None
    if row["source_start"] is not None:
        source = Source(row["source_text"], row["source_start"], row["source_end"],
                        actor=row["source_actor"], anonymous=bool(row["source_anonymous"]))
    cue = Span(row["cue_text"], row["cue_start"], row["cue_end"]) if row["cue_start"] is not None else None
    parts = tuple(Span(p["text"], p["start"], p["end"]) for p in row["content_parts"] or [])
    return Attribution(
        row["attribution_id"], row["kind"],
        Span(row["content_text"], row["content_start"], row["content_end"]),
        source=source, cue=cue, content_parts=parts,
    )


def _event(row: dict[str, Any]) -> Event:
    def role(prefix: str) -> Role | None:
        if row[f"{prefix}_actor"] is None and row[f"{prefix}_code"] is None:
            return None
        return Role(row[f"{prefix}_actor"], row[f"{prefix}_code"], row[f"{prefix}_sector"])

    return Event(
        row["event_id"], row["cameo"], row["cameo_name"], row["plover"], row["quad_class"],
        row["goldstein"], Span(row["trigger_text"], row["trigger_start"], row["trigger_end"]),
        # The sentence's text is not stored (the contract gives offsets only).
        Span("", row["sentence_start"], row["sentence_end"]),
        source=role("source"), target=role("target"), modality=row["modality"],
        negated=row["negated"], attribution=row["attribution"], confidence=row["confidence"],
    )


# -- helpers -----------------------------------------------------------------------------


class _Filter:
    """WHERE clauses whose values always travel as parameters, in placeholder order."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, value: Any) -> None:
        """Add ``clause`` (one ``?``) with ``value``, unless the value is ``None``."""
        if value is None:
            return
        self.clauses.append(clause)
        self.params.append(value)

    def sql(self) -> str:
        return f"WHERE {' AND '.join(self.clauses)}" if self.clauses else ""


def _event_filter(
    *, source: str | None = None, target: str | None = None, plover: str | None = None,
    cameo: str | None = None, since: str | dt.date | None = None, until: str | dt.date | None = None,
    modality: str | None = None, claimed_by: str | None = None, negated: bool | None = None,
    include_duplicates: bool = False,
) -> _Filter:
    """The WHERE clause of :meth:`Store.events` (events ``e`` joined to articles ``a``)."""
    where = _Filter()
    where.add("? IN (e.source_code, e.source_code || e.source_sector)", source)
    where.add("? IN (e.target_code, e.target_code || e.target_sector)", target)
    where.add("e.plover = ?", plover)
    where.add("starts_with(e.cameo, ?)", cameo)
    where.add("a.published_date >= CAST(? AS DATE)", _date(since))
    where.add("a.published_date <= CAST(? AS DATE)", _date(until))
    where.add("e.modality = ?", modality)
    where.add("e.claimed_by = ?", claimed_by)
    where.add("e.negated = ?", negated)
    if not include_duplicates:
        where.clauses.append("a.duplicate_of IS NULL")
    return where


def _parse_date(published: str | None) -> dt.date | None:
    """The calendar date of an ISO-style ``published`` value (``2015-08-03...``), else ``None``."""
    if not published:
        return None
    match = _DATE.match(published.strip())
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group())
    except ValueError:
        return None


def _date(value: str | dt.date | None) -> str | None:
    if value is None or isinstance(value, dt.date):
        return None if value is None else value.isoformat()
    parsed = _parse_date(value)
    if parsed is None:
        raise StoreError(f"{value!r} is not a date; use YYYY-MM-DD")
    return parsed.isoformat()


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open the database, turning DuckDB's errors into one clear StoreError."""
    if read_only and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"{path}: no such database; create it with: eventwire ingest PATH --db {path}")
    if path != ":memory:":
        parent = Path(path).parent
        if not parent.exists():
            raise StoreError(f"{path}: folder {parent} does not exist")
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as e:
        raise StoreError(_open_message(path, read_only, e)) from e


def _open_message(path: str, read_only: bool, error: Exception) -> str:
    text = str(error)
    low = text.lower()
    if "lock" in low:
        return (f"{path}: the database is in use by another process (DuckDB allows one writer at a "
                "time); wait for it to finish, or query a copy of the file")
    if "permission denied" in low or "read-only file system" in low:
        hint = "" if read_only else "; to query it, open it read-only (eventwire query/sql/export do)"
        return f"{path}: no permission to open the database for writing{hint}"
    if "not a valid duckdb database" in low or "corrupt" in low or "magic" in low or "serializ" in low:
        return (f"{path}: not a DuckDB database, or the file is corrupted; move it aside and "
                f"ingest again into a new file ({text.splitlines()[0]})")
    return f"{path}: cannot open the database: {text.splitlines()[0] if text else error!r}"


def _write_message(path: str, error: Exception) -> str:
    text = str(error)
    if "no space left" in text.lower() or "disk full" in text.lower():
        return f"{path}: disk full while writing; the last batch was rolled back, earlier batches are kept"
    return (f"{path}: could not write a batch ({text.splitlines()[0] if text else error!r}); "
            "it was rolled back, earlier batches are kept")
