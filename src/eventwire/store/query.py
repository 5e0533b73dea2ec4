"""Queries: events, quotes, actors, dyads and read-only SQL, as DuckDB relations.

Every filter value reaches DuckDB as a ``?`` parameter, never pasted into SQL text;
only this module's own clauses and whitelisted names are. Relations have ``.df()``,
``.pl()``, ``.arrow()`` and ``.fetchall()``.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.model import MODALITIES, Result
from eventwire.store.records import dicts, group, parse_date, result_from_rows
from eventwire.store.schema import PUBLIC_TABLES, read_message, scalar, table_sql

PERIODS = ("day", "week", "month", "quarter", "year")
#: Defaults of :meth:`QueryMixin.sql_rows`: seconds a query may run, rows it may return.
DEFAULT_SQL_SECONDS = 60.0
DEFAULT_SQL_ROWS = 100_000


@dataclass(frozen=True, slots=True)
class SqlRows:
    """The result of :meth:`~eventwire.store.Store.sql_rows`: at most ``max_rows`` rows."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool


class QueryMixin:
    """The reading half of :class:`~eventwire.store.Store`."""

    con: duckdb.DuckDBPyConnection

    def table(self, name: str, *, include_duplicates: bool = True) -> duckdb.DuckDBPyRelation:
        """One of the public tables as a relation (``events``, ``actors``, ``attributions``...)."""
        return self._query(table_sql(name, include_duplicates=include_duplicates))

    def events(
        self, *, source: str | None = None, target: str | None = None, plover: str | None = None,
        cameo: str | None = None, since: str | dt.date | None = None, until: str | dt.date | None = None,
        modality: str | Sequence[str] | None = None, claimed_by: str | None = None,
        negated: bool | None = None, claimed: bool | None = None, min_confidence: float | None = None,
        complete: bool = False, include_duplicates: bool = False,
    ) -> duckdb.DuckDBPyRelation:
        """Events with their article's date, title and URL, filtered.

        Args:
            source: source actor code (``USA``) or code+sector (``USAGOV``).
            target: target actor code, same forms.
            plover: PLOVER event type (``ASSAULT``).
            cameo: CAMEO code prefix (``19`` matches 190-196).
            since: first publication date (``YYYY-MM-DD``), inclusive.
            until: last publication date, inclusive.
            modality: ``asserted``, ``intended``, ``conditional``, ``hypothetical``,
                ``demanded``, several of them, or ``all`` (the same as ``None``).
            claimed_by: actor code of the source whose quote contains the event.
            negated: keep only negated (``True``) or only affirmed (``False``) events.
            claimed: keep only events inside a quote (``True``) or outside all (``False``).
            min_confidence: keep only events of at least this confidence.
            complete: keep only events with both roles coded.
            include_duplicates: count near-duplicate copies of a story too.
        """
        where = event_filter(
            source=source, target=target, plover=plover, cameo=cameo, since=since, until=until,
            modality=modality, claimed_by=claimed_by, negated=negated, claimed=claimed,
            min_confidence=min_confidence, complete=complete, include_duplicates=include_duplicates,
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
        where = _Filter(include_duplicates=include_duplicates)
        where.code("q.source", source)
        where.add("q.source_anonymous = ?", anonymous)
        where.add("q.kind = ?", _lower(kind))
        where.dates(since, until)
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
        where = _Filter(include_duplicates=include_duplicates)
        where.add("t.code = ?", _upper(code))
        where.add("t.sector = ?", _upper(sector))
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

        Only events with both a source and a target code are counted, and by default only
        what the text says happened: ``modality="asserted"``, ``negated=False``. Pass
        ``modality="all"`` (or a list) and ``negated=None`` (or ``True``) to count the rest.
        """
        if by is not None and by not in PERIODS:
            raise StoreError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
        filters = {**HAPPENED, **filters}
        where = event_filter(include_duplicates=include_duplicates, **filters)
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
        counts = {t: int(scalar(self.con, f"SELECT count(*) FROM {t}")) for t in PUBLIC_TABLES}
        counts["duplicates"] = int(scalar(self.con, "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"))
        return counts

    def sql(self, query: str, params: Sequence[Any] | None = None) -> duckdb.DuckDBPyRelation:
        """Run one read-only SQL statement (``SELECT``, ``WITH``, ``DESCRIBE``, ``SHOW``).

        On a store opened with ``sandbox=True`` the statement cannot reach files, URLs
        or extensions; :meth:`sql_rows` adds a time and row limit.

        Raises:
            StoreError: the text is not exactly one read-only statement, or fails.
        """
        self._check_statement(query)
        try:
            return self._query(query, list(params or []))
        except duckdb.Error as e:
            raise StoreError(f"SQL error: {e}") from e

    def sql_rows(
        self, query: str, params: Sequence[Any] | None = None, *,
        time_limit: float = DEFAULT_SQL_SECONDS, max_rows: int = DEFAULT_SQL_ROWS,
    ) -> SqlRows:
        """Run one read-only statement to the end, within a time limit and a row limit.

        Raises:
            StoreError: not one read-only statement, an SQL error, over ``time_limit``
                seconds, or over the connection's memory limit.
        """
        self._check_statement(query)
        cursor = self.con.cursor()
        timer = threading.Timer(time_limit, cursor.interrupt)
        timer.start()
        try:
            relation = cursor.sql(query, params=list(params or []) or None)
            columns = list(relation.columns)
            rows = relation.limit(max_rows + 1).fetchall()
        except duckdb.InterruptException as e:
            raise StoreError(f"query stopped after {time_limit:g} s (the time limit, --timeout)") from e
        except duckdb.OutOfMemoryException as e:
            raise StoreError("query needs more memory than its limit (--memory); narrow it or aggregate") from e
        except duckdb.Error as e:
            message = read_message(str(getattr(self, "path", "")), e)
            damaged = "damaged or truncated" in message
            raise StoreError(message if damaged else f"SQL error: {str(e).splitlines()[0]}") from e
        finally:
            timer.cancel()
            cursor.close()
        return SqlRows(columns, rows[:max_rows], len(rows) > max_rows)

    def _check_statement(self, query: str) -> None:
        try:
            statements = self.con.extract_statements(query)
        except duckdb.Error as e:
            raise StoreError(f"SQL error: {e}") from e
        if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
            kinds = ", ".join(s.type.name for s in statements) or "nothing"
            raise StoreError(
                f"only one read-only statement (SELECT, WITH, DESCRIBE, SHOW) is allowed, got: {kinds}"
            )

    def results(self, *, include_duplicates: bool = True) -> Iterator[Result]:
        """Rebuild every stored article as a :class:`Result` (schema ``eventwire/1``)."""
        articles = self.table("articles", include_duplicates=include_duplicates)
        children = {
            name: group(self.con.sql(f"SELECT * FROM {name} ORDER BY article_key"))
            for name in ("actors", "attributions", "events")
        }
        for row in dicts(articles.order("ingested_at, article_key")):
            yield result_from_rows(row, children)


#: The default of dyads, counts and the GDELT export: events the text says happened.
HAPPENED: Mapping[str, Any] = MappingProxyType({"modality": "asserted", "negated": False})


class _Filter:
    """WHERE clauses whose values always travel as parameters, in placeholder order.

    Articles are ``a``; unless ``include_duplicates``, near-duplicate copies are left out.
    """

    def __init__(self, *, include_duplicates: bool = False) -> None:
        self.clauses: list[str] = [] if include_duplicates else ["a.duplicate_of IS NULL"]
        self.params: list[Any] = []

    def add(self, clause: str, value: Any) -> None:
        """Add ``clause`` (one ``?``) with ``value``, unless the value is ``None``."""
        if value is None:
            return
        self.clauses.append(clause)
        self.params.append(value)

    def code(self, prefix: str, value: str | None) -> None:
        """Match an actor code (``USA``) or code+sector (``USAGOV``) in ``<prefix>_code``/``_sector``."""
        self.add(f"? IN ({prefix}_code, {prefix}_code || {prefix}_sector)", _upper(value))

    def dates(self, since: str | dt.date | None, until: str | dt.date | None) -> None:
        """Keep articles published from ``since`` to ``until``, both inclusive."""
        self.add("a.published_date >= CAST(? AS DATE)", _date(since))
        self.add("a.published_date <= CAST(? AS DATE)", _date(until))

    def sql(self) -> str:
        return f"WHERE {' AND '.join(self.clauses)}" if self.clauses else ""


def event_filter(
    *, source: str | None = None, target: str | None = None, plover: str | None = None,
    cameo: str | None = None, since: str | dt.date | None = None, until: str | dt.date | None = None,
    modality: str | Sequence[str] | None = None, claimed_by: str | None = None,
    negated: bool | None = None, claimed: bool | None = None, min_confidence: float | None = None,
    complete: bool = False, include_duplicates: bool = False,
) -> _Filter:
    """The WHERE clause of :meth:`Store.events` (events ``e`` joined to articles ``a``).

    Raises:
        StoreError: a modality that is none of :data:`eventwire.model.MODALITIES` or ``all``.
    """
    where = _Filter(include_duplicates=include_duplicates)
    where.code("e.source", source)
    where.code("e.target", target)
    where.add("e.plover = ?", _upper(plover))
    where.add("starts_with(e.cameo, ?)", cameo)
    where.dates(since, until)
    modalities = _modalities(modality)
    if modalities:
        where.clauses.append(f"e.modality IN ({', '.join('?' * len(modalities))})")
        where.params.extend(modalities)
    if claimed is not None:
        where.clauses.append("e.attribution IS NOT NULL" if claimed else "e.attribution IS NULL")
    if complete:
        where.clauses.append("e.source_code IS NOT NULL AND e.target_code IS NOT NULL")
    # The speaker's code+sector live on the attribution (events keep the code only).
    where.add("EXISTS (SELECT 1 FROM attributions q WHERE q.article_key = e.article_key"
              " AND q.attribution_id = e.attribution"
              " AND ? IN (q.source_code, q.source_code || q.source_sector))", _upper(claimed_by))
    where.add("e.negated = ?", negated)
    where.add("e.confidence >= ?", min_confidence)
    return where


def _modalities(modality: str | Sequence[str] | None) -> tuple[str, ...]:
    """The modalities asked for, checked; ``()`` for all of them."""
    if modality is None:
        return ()
    asked = tuple(_lower(m) or "" for m in ([modality] if isinstance(modality, str) else modality))
    unknown = [m for m in asked if m not in (*MODALITIES, "all")]
    if unknown:
        raise StoreError(f"unknown modality {unknown[0]!r}; choose from {', '.join(MODALITIES)} or all")
    return () if "all" in asked else asked


def _upper(value: str | None) -> str | None:
    # Codes, sectors and PLOVER types are upper case: "usa" means USA.
    return value.strip().upper() if value is not None else None


def _lower(value: str | None) -> str | None:
    return value.strip().lower() if value is not None else None


def _date(value: str | dt.date | None) -> str | None:
    if value is None or isinstance(value, dt.date):
        return None if value is None else value.isoformat()
    parsed = parse_date(value)
    if parsed is None:
        raise StoreError(f"{value!r} is not a date; use YYYY-MM-DD")
    return parsed.isoformat()
