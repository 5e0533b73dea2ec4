"""Export a store's tables as Parquet, CSV, JSON Lines or a GDELT 2.0-style event table.

One file per call. Tables go out through DuckDB's own ``COPY`` (fast, streaming);
only whitelisted table names and this module's own SQL are ever put into query text,
and the output path travels as a parameter.

GDELT 2.0 mapping (``--format gdelt``: tab-separated, one header line). Columns of the
GDELT 2.0 event table that have a meaning here, in GDELT's order, then eventwire's own:

=====================  ==================================================================
GDELT column           eventwire value
=====================  ==================================================================
GLOBALEVENTID          ``events.global_id`` (assigned at ingest, stable in one store)
SQLDATE                article publication date as ``YYYYMMDD`` (empty when unknown)
MonthYear, Year        ``YYYYMM``, ``YYYY`` of the same date
FractionDate           year + (day of year - 1) / 365, 4 decimals
Actor1Code             source actor code + sector, CAMEO style (``USAGOV``; ``COP``
                       alone for police of no known country)
Actor1Name             source actor's canonical name, upper case (a pronoun or "the
                       official" takes its first full mention's name; else the text)
Actor1CountryCode      source code when it is an ISO 3166-1 alpha-3 country code
Actor1KnownGroupCode   source code when it is not a country code (IGOs, groups)
Actor1Type1Code        source sector (``GOV``, ``MIL`` ...)
Actor2…                the same for the target
IsRootEvent            1 when the event is in the first sentence of its article that has
                       an event (GDELT: "in the lead"), else 0
EventCode              CAMEO code
EventBaseCode          first three digits of the CAMEO code
EventRootCode          first two digits
QuadClass              1 verbal cooperation … 4 material conflict
GoldsteinScale         Goldstein score of the CAMEO code
NumMentions            1 + near-duplicate copies of the article in the store
NumSources             distinct outlets among the article and its copies (at least 1)
NumArticles            1 + near-duplicate copies of the article
DATEADDED              ingest time, ``YYYYMMDDHHMMSS`` (UTC)
SOURCEURL              article URL, else where it was read from
=====================  ==================================================================

Left out (no meaning without geocoding, tone or ethnicity/religion coding):
``Actor*EthnicCode``, ``Actor*Religion*Code``, ``Actor*Type2Code``/``Type3Code``,
``AvgTone``, every ``*Geo_*`` column.

Text fields never hold a tab or a line break (LF, CR, VT, FF, FS-RS, NEL, U+2028/9): each is replaced by a space
(GDELT's own files do the same), so a reader splitting lines and tabs sees one row per
line and the same number of columns in every row.

CSV cells that start with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return are
written with a leading ``'`` so that spreadsheets show them instead of running them as
formulas (OWASP's advice for CSV injection); ``escape_formulas=False``
(``--no-escape-formulas``) writes them as they are.

eventwire columns after them: ``PLOVER``, ``CAMEOName``, ``Modality``, ``Negated``
(1/0), ``ClaimedBy`` (code of the quoted source the event is a claim of),
``AttributionId``, ``Confidence``, ``TriggerText``, ``TriggerStart``, ``TriggerEnd``,
``SentenceStart``, ``SentenceEnd``, ``ArticleKey``, ``ArticleId``, ``EventId``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from eventwire.errors import StoreError
from eventwire.store import PUBLIC_TABLES, Store, table_sql
from eventwire.store.query import HAPPENED, event_filter

FORMATS = ("parquet", "csv", "jsonl", "gdelt")
SUFFIXES = {"parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl", "gdelt": ".gdelt.tsv"}
#: Columns holding lists of structs: written as JSON text in CSV.
NESTED = {"articles": ("excluded",), "attributions": ("content_parts",)}

GDELT_SQL = """
WITH copies AS (
    SELECT coalesce(duplicate_of, article_key) AS story,
           count(*) AS articles, count(DISTINCT outlet) AS outlets
    FROM articles GROUP BY ALL
),
lead AS (
    SELECT article_key, min(sentence_start) AS first_sentence FROM events GROUP BY ALL
)
SELECT
    e.global_id AS GLOBALEVENTID,
    CAST(strftime(a.published_date, '%Y%m%d') AS INTEGER) AS SQLDATE,
    CAST(strftime(a.published_date, '%Y%m') AS INTEGER) AS MonthYear,
    year(a.published_date) AS "Year",
    round(year(a.published_date) + (dayofyear(a.published_date) - 1) / 365.0, 4) AS FractionDate,
    nullif(coalesce(e.source_code, '') || coalesce(e.source_sector, ''), '') AS Actor1Code,
    upper(coalesce(s.name, s_first.name, s_first.text, s.text)) AS Actor1Name,
    CASE WHEN e.source_code IN (SELECT code FROM _eventwire_iso3) THEN e.source_code END
        AS Actor1CountryCode,
    CASE WHEN e.source_code NOT IN (SELECT code FROM _eventwire_iso3) THEN e.source_code END
        AS Actor1KnownGroupCode,
    e.source_sector AS Actor1Type1Code,
    nullif(coalesce(e.target_code, '') || coalesce(e.target_sector, ''), '') AS Actor2Code,
    upper(coalesce(t.name, t_first.name, t_first.text, t.text)) AS Actor2Name,
    CASE WHEN e.target_code IN (SELECT code FROM _eventwire_iso3) THEN e.target_code END
        AS Actor2CountryCode,
    CASE WHEN e.target_code NOT IN (SELECT code FROM _eventwire_iso3) THEN e.target_code END
        AS Actor2KnownGroupCode,
    e.target_sector AS Actor2Type1Code,
    CAST(e.sentence_start = lead.first_sentence AS INTEGER) AS IsRootEvent,
    e.cameo AS EventCode,
    left(e.cameo, 3) AS EventBaseCode,
    left(e.cameo, 2) AS EventRootCode,
    e.quad_class AS QuadClass,
    e.goldstein AS GoldsteinScale,
    coalesce(c.articles, 1) AS NumMentions,
    greatest(coalesce(c.outlets, 1), 1) AS NumSources,
    coalesce(c.articles, 1) AS NumArticles,
    CAST(strftime(a.ingested_at, '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED,
    coalesce(a.url, a.origin) AS SOURCEURL,
    e.plover AS PLOVER,
    e.cameo_name AS CAMEOName,
    e.modality AS Modality,
    CAST(e.negated AS INTEGER) AS Negated,
    e.claimed_by AS ClaimedBy,
    e.attribution AS AttributionId,
    e.confidence AS Confidence,
    e.trigger_text AS TriggerText,
    e.trigger_start AS TriggerStart,
    e.trigger_end AS TriggerEnd,
    e.sentence_start AS SentenceStart,
    e.sentence_end AS SentenceEnd,
    e.article_key AS ArticleKey,
    a.id AS ArticleId,
    e.event_id AS EventId
FROM events e
JOIN articles a USING (article_key)
JOIN lead USING (article_key)
LEFT JOIN copies c ON c.story = e.article_key
LEFT JOIN actors s ON s.article_key = e.article_key AND s.actor_id = e.source_actor
LEFT JOIN actors t ON t.article_key = e.article_key AND t.actor_id = e.target_actor
LEFT JOIN actors s_first ON s_first.article_key = e.article_key AND s_first.actor_id = s.refers_to
LEFT JOIN actors t_first ON t_first.article_key = e.article_key AND t_first.actor_id = t.refers_to
{where}
ORDER BY e.global_id
"""


@dataclass(frozen=True, slots=True)
class Exported:
    """A file written by :func:`export` and how many rows it holds."""

    path: Path
    rows: int


def export(
    store: Store, *, fmt: str = "parquet", table: str = "events", out: str | Path | None = None,
    include_duplicates: bool = False, overwrite: bool = False, escape_formulas: bool = True,
    filters: dict[str, Any] | None = None,
) -> Exported:
    """Write one table of ``store`` to one file.

    Args:
        store: an open store (read-only is enough).
        fmt: ``parquet``, ``csv``, ``jsonl`` or ``gdelt`` (events only).
        table: ``events``, ``actors``, ``attributions``, ``articles`` or ``errors``.
        out: the file to write (default ``<table><suffix>`` in the working directory).
        include_duplicates: keep rows of near-duplicate copies of a story too.
        overwrite: replace ``out`` if it exists (else refuse).
        escape_formulas: in CSV, prefix cells that a spreadsheet would run with ``'``.
        filters: for ``gdelt``, any event filter of :meth:`Store.events` (``modality``,
            ``negated``, ``claimed``, ``min_confidence``, ``complete`` …); unless given,
            only events the text says happened (asserted, not negated) are written.

    Returns:
        The path written and its number of rows.

    Raises:
        StoreError: unknown format or table, ``gdelt`` for a table other than events,
            ``out`` exists and ``overwrite`` is false, or the file could not be written.

    Example:
        >>> export(Store("corpus.duckdb", read_only=True), fmt="gdelt")  # doctest: +SKIP
        Exported(path=PosixPath('events.gdelt.tsv'), rows=812)
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if table not in PUBLIC_TABLES:
        raise StoreError(f"no table {table!r}; choose one of {', '.join(PUBLIC_TABLES)}")
    if fmt == "gdelt" and table != "events":
        raise StoreError("the gdelt format is an event table: use --table events (the default)")
    path = Path(out) if out is not None else Path(f"{table}{SUFFIXES[fmt]}")
    if (path.exists() or path.is_symlink()) and not overwrite:
        raise StoreError(f"{path}: file exists; choose another --out or add --force to replace it")
    cursor = store.con.cursor()
    try:
        cursor.register("_eventwire_iso3", _iso3())
        query, params, options = _copy_query(cursor, fmt, table, include_duplicates, escape_formulas, filters)
        rows = cursor.execute(f"COPY ({query}) TO ? ({options})", [*params, str(path)]).fetchall()[0][0]
    except StoreError:
        raise
    except Exception as e:  # duckdb.Error, OSError: name the file either way
        raise StoreError(f"{path}: could not write the export: {e}") from e
    finally:
        cursor.close()
    return Exported(path, int(rows))


def _copy_query(
    cursor: Any, fmt: str, table: str, include_duplicates: bool, escape_formulas: bool,
    filters: dict[str, Any] | None = None,
) -> tuple[str, list[Any], str]:
    """The SELECT to copy, its parameters and the COPY options for one format."""
    if fmt == "gdelt":
        query, params = gdelt_query(include_duplicates=include_duplicates, **(filters or {}))
        flat = {c: f"regexp_replace({c}, '{_LINE_BREAKS}', ' ', 'g')" for c in _text_columns(cursor, query, params)}
        return _replacing(query, flat), params, "FORMAT CSV, DELIMITER '\t', HEADER"
    query = table_sql(table, include_duplicates=include_duplicates)
    options = {"parquet": "FORMAT PARQUET, COMPRESSION ZSTD", "csv": "FORMAT CSV, HEADER", "jsonl": "FORMAT JSON"}[fmt]
    if fmt == "csv" and table in NESTED:
        query = _replacing(query, {c: f"to_json({c})" for c in NESTED[table]})
    if fmt == "csv" and escape_formulas:
        # chr(39) is the apostrophe spreadsheets read as "this cell is text".
        starts = "^[" + FORMULA_STARTS.replace("-", "\\-") + "]"
        safe = {c: f"CASE WHEN regexp_matches({c}, '{starts}') THEN chr(39) || {c} ELSE {c} END"
                for c in _text_columns(cursor, query)}
        query = _replacing(query, safe)
    return query, [], options


#: First characters that make a spreadsheet read a CSV cell as a formula (OWASP).
FORMULA_STARTS = "=+-@\t\r"
#: Tabs and every character a line-splitting reader may break a line at (Python's
#: ``str.splitlines`` list: LF, CR, VT, FF, FS, GS, RS, NEL, U+2028, U+2029), as RE2.
_LINE_BREAKS = "[\\t\\n\\r\\x{0b}\\x{0c}\\x{1c}-\\x{1e}\\x{85}\\x{2028}\\x{2029}]"


def _text_columns(cursor: Any, query: str, params: list[Any] | None = None) -> list[str]:
    """Quoted names of the VARCHAR columns of ``query``."""
    described = cursor.sql(f"DESCRIBE ({query})", params=params or None).fetchall()
    return ['"' + name.replace('"', '""') + '"' for name, kind, *_ in described if kind == "VARCHAR"]


def _replacing(query: str, expressions: dict[str, str]) -> str:
    if not expressions:
        return query
    replace = ", ".join(f"{expression} AS {column}" for column, expression in expressions.items())
    return f"SELECT * REPLACE ({replace}) FROM ({query})"


def gdelt_query(*, include_duplicates: bool = False, **filters: Any) -> tuple[str, list[Any]]:
    """The SELECT producing the GDELT-style event table (needs ``_eventwire_iso3``
    registered) and its parameters. By default only events the text says happened
    (:data:`eventwire.store.query.HAPPENED`); ``filters`` are those of :meth:`Store.events`."""
    where = event_filter(include_duplicates=include_duplicates, **{**HAPPENED, **filters})
    return GDELT_SQL.format(where=where.sql()), where.params


def gdelt_events(store: Store, *, include_duplicates: bool = False, **filters: Any) -> pa.Table:
    """The GDELT-style event table as an Arrow table (same columns as ``--format gdelt``)."""
    query, params = gdelt_query(include_duplicates=include_duplicates, **filters)
    cursor = store.con.cursor()
    try:
        cursor.register("_eventwire_iso3", _iso3())
        return cursor.sql(query, params=params or None).to_arrow_table()
    finally:
        cursor.close()


def _iso3() -> pa.Table:
    import pycountry

    return pa.table({"code": sorted(c.alpha_3 for c in pycountry.countries)})
