"""``eventwire ingest``, ``query``, ``sql`` and ``export``: the DuckDB store from the shell."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import duckdb
import typer

from eventwire.cli.app import EXIT_OK, EXIT_SOME_FAILED, TableFormat, app, emit_rows, err, fail
from eventwire.cli.extract import (
    DictionaryOption,
    MaxBytesOption,
    MinConfidenceOption,
    ModelOption,
    NProcessOption,
    VerbsOption,
    build_config,
    progress,
)
from eventwire.errors import ModelNotFound, StoreError
from eventwire.ingest import ingest_paths
from eventwire.model import Result
from eventwire.store import DEFAULT_DB, IngestReport, Store
from eventwire.store.query import DEFAULT_SQL_ROWS, DEFAULT_SQL_SECONDS
from eventwire.store.schema import DEFAULT_SQL_MEMORY, read_message

query_app = typer.Typer(
    help="Ask the store questions: events, quotes, actors, dyads (filters ignore case).\n\n"
         "Example:\n\n    eventwire query dyads --by month --db corpus.duckdb",
    no_args_is_help=True,
)
app.add_typer(query_app, name="query")

DbOption = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB store file.")
FormatOption = typer.Option(TableFormat.table, "--format", help="table, csv, json or jsonl.")
DuplicatesOption = typer.Option(
    False, "--include-duplicates", help="Also count near-duplicate copies of a story.",
)
LimitOption = typer.Option(None, "--limit", min=1, help="At most this many rows.")
QueryConfidenceOption = typer.Option(
    None, "--min-confidence", min=0.0, max=1.0, help="Only events of at least this confidence.",
)
ModalityOption = typer.Option(
    None, "--modality", help="asserted, intended, conditional, hypothetical, demanded or all; repeatable.",
)
NegatedOption = typer.Option(None, "--negated/--no-negated", help="Only negated / only affirmed events.")
ClaimedOption = typer.Option(
    None, "--claimed/--unclaimed", help="Only events a quoted source claims / that no attribution claims.",
)
CompleteOption = typer.Option(False, "--complete", help="Only events with both roles coded.")
WithNegatedOption = typer.Option(False, "--with-negated", help="Count negated events too.")


def _happened(modality: list[str] | None, negated: bool | None, with_negated: bool) -> dict[str, Any]:
    """Dyads and the GDELT export count what the text says happened unless told otherwise:
    asserted events (``--modality`` others, or all), not negated (``--negated``: only the
    negated ones; ``--with-negated``: both)."""
    if with_negated:
        negated = None
    elif negated is None:
        negated = False
    return {"modality": modality or "asserted", "negated": negated}
SinceOption = typer.Option(None, "--since", help="First publication date, YYYY-MM-DD.")
UntilOption = typer.Option(None, "--until", help="Last publication date, YYYY-MM-DD.")

#: Columns shown in a terminal table (csv/json get every column).
EVENT_COLUMNS = ("date", "source_code", "source_sector", "cameo", "plover", "target_code",
                 "target_sector", "modality", "negated", "claimed_by", "trigger_text", "title")
QUOTE_COLUMNS = ("date", "source_code", "source_sector", "source_text", "source_anonymous", "kind",
                 "cue_text", "content_text")


class Period(str, Enum):
    """Time buckets for ``query dyads --by``."""

    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


class ExportFormat(str, Enum):
    """File formats of ``eventwire export``."""

    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    gdelt = "gdelt"


class TableName(str, Enum):
    """Tables ``eventwire export`` can write."""

    events = "events"
    actors = "actors"
    attributions = "attributions"
    articles = "articles"
    errors = "errors"


def open_store(db: Path, *, read_only: bool, **options: Any) -> Store:
    """Open the store, turning a StoreError into one clear line and exit 1."""
    try:
        return Store(db, read_only=read_only, **options)
    except StoreError as e:
        raise fail(str(e)) from e


@contextlib.contextmanager
def reading(db: Path, **options: Any) -> Iterator[Store]:
    """A read-only store whose every failure, even a damaged block met mid-query, is one line and exit 1."""
    store = open_store(db, read_only=True, **options)
    try:
        yield store
    except StoreError as e:
        raise fail(str(e)) from e
    except duckdb.Error as e:
        raise fail(read_message(str(db), e)) from e
    finally:
        store.close()


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., metavar="PATH", help="Files, folders (recursive) or - for stdin."),
    db: Path = DbOption,
    model: str | None = ModelOption,
    n_process: int = NProcessOption,
    max_bytes: int = MaxBytesOption,
    dictionary: list[Path] | None = DictionaryOption,
    verbs: list[Path] | None = VerbsOption,
    min_confidence: float = MinConfidenceOption,
) -> None:
    """Extract and store articles in a DuckDB database (idempotent and resumable).

    Articles are keyed by a hash of their text: ingesting the same inputs again adds
    nothing, and a run stopped at any point (even kill -9) is finished by running it
    again. Near-duplicate copies of a story are flagged (articles.duplicate_of).

    Exit status: 0 when every input went in, 2 when some could not be read (listed
    at the end and kept in the errors table), 1 on usage or database errors.

    \b
    Example:
        eventwire ingest news/ --db corpus.duckdb --n-process 2
    """
    config = build_config(model, n_process, max_bytes, dictionary, verbs, min_confidence)
    store = open_store(db, read_only=False)
    start = time.perf_counter()
    report = IngestReport()
    try:
        with progress("articles") as advance:
            def on_item(item: Any) -> None:
                if isinstance(item, Result):
                    for warning in item.article.warnings:  # e.g. a cp1252 fallback
                        err.print(f"warning: {item.article.origin}: {warning}", highlight=False, markup=False)
                advance(item)

            report = ingest_paths(store, paths, config=config, n_process=n_process, on_item=on_item)
    except ModelNotFound as e:
        raise fail(str(e)) from e
    except StoreError as e:
        raise fail(str(e)) from e
    except duckdb.Error as e:  # a damaged block met while reading the store
        raise fail(read_message(str(db), e)) from e
    except KeyboardInterrupt:
        err.print(f"interrupted: {len(store.keys()):,} articles are stored in {db}; "
                  "run the same command again to finish", highlight=False)
        raise typer.Exit(130) from None
    finally:
        with contextlib.suppress(duckdb.Error):
            store.close()
    _summary(report, db, time.perf_counter() - start)
    raise typer.Exit(EXIT_SOME_FAILED if report.errors else EXIT_OK)


def _summary(report: IngestReport, db: Path, seconds: float) -> None:
    rate = report.added / seconds if seconds > 0 else 0.0
    rows = ", ".join(f"{n:,} {t}" for t, n in report.rows.items() if t != "articles")
    err.print(
        f"{db}: added {report.added:,} articles ({rows}) in {seconds:.1f} s ({rate:.1f} articles/s); "
        f"{report.skipped:,} already stored, {report.duplicates:,} near-duplicates flagged, "
        f"{len(report.errors):,} errors",
        highlight=False,
    )
    if report.errors:
        err.print("[red]inputs that could not be read or processed:[/]")
        for error in report.errors:
            err.print(f"  {error}", highlight=False, markup=False)


def _emit(relation: Any, fmt: TableFormat, *, title: str, columns: tuple[str, ...] | None = None,
          limit: int | None = None) -> None:
    if limit is not None:
        relation = relation.limit(limit)
    names = relation.columns
    rows = [dict(zip(names, row, strict=True)) for row in relation.fetchall()]
    shown = [c for c in columns if c in names] if columns and fmt is TableFormat.table else None
    emit_rows(rows, fmt, title=f"{title} ({len(rows):,} rows)", columns=shown or names)


def _run(action: Any) -> Any:
    try:
        return action()
    except StoreError as e:
        raise fail(str(e)) from e


@query_app.command("events")
def query_events(
    db: Path = DbOption,
    source: str | None = typer.Option(None, "--source", help="Source code (USA) or code+sector (USAGOV)."),
    target: str | None = typer.Option(None, "--target", help="Target code or code+sector."),
    plover: str | None = typer.Option(None, "--plover", help="PLOVER type, e.g. ASSAULT."),
    cameo: str | None = typer.Option(None, "--cameo", help="CAMEO code prefix, e.g. 19."),
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    modality: list[str] | None = ModalityOption,
    claimed_by: str | None = typer.Option(
        None, "--claimed-by", help="Quoted source's code or code+sector: events inside its quotes.",
    ),
    negated: bool | None = NegatedOption,
    claimed: bool | None = ClaimedOption,
    complete: bool = CompleteOption,
    min_confidence: float | None = QueryConfidenceOption,
    include_duplicates: bool = DuplicatesOption,
    limit: int | None = LimitOption,
    fmt: TableFormat = FormatOption,
) -> None:
    """Events with filters.

    \b
    Example:
        eventwire query events --source USA --target ISR --cameo 19 --since 2015-08-01
    """
    with reading(db) as store:
        relation = _run(lambda: store.events(
            source=source, target=target, plover=plover, cameo=cameo, since=since, until=until,
            modality=modality, claimed_by=claimed_by, negated=negated, claimed=claimed,
            min_confidence=min_confidence, complete=complete, include_duplicates=include_duplicates,
        ))
        _emit(relation, fmt, title="events", columns=EVENT_COLUMNS, limit=limit)


@query_app.command("quotes")
def query_quotes(
    db: Path = DbOption,
    source: str | None = typer.Option(None, "--source", help="Speaker's code or code+sector."),
    anonymous: bool | None = typer.Option(
        None, "--anonymous/--named", help="Only anonymous, or only named, sources.",
    ),
    kind: str | None = typer.Option(None, "--kind", help="direct, indirect or mixed."),
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    include_duplicates: bool = DuplicatesOption,
    limit: int | None = LimitOption,
    fmt: TableFormat = FormatOption,
) -> None:
    """Quotes and reported speech: who said what.

    \b
    Example:
        eventwire query quotes --source USA --anonymous
    """
    with reading(db) as store:
        relation = _run(lambda: store.quotes(
            source=source, anonymous=anonymous, kind=kind, since=since, until=until,
            include_duplicates=include_duplicates,
        ))
        _emit(relation, fmt, title="quotes", columns=QUOTE_COLUMNS, limit=limit)


@query_app.command("actors")
def query_actors(
    db: Path = DbOption,
    code: str | None = typer.Option(None, "--code", help="One actor code."),
    sector: str | None = typer.Option(None, "--sector", help="One sector."),
    include_duplicates: bool = DuplicatesOption,
    limit: int | None = LimitOption,
    fmt: TableFormat = FormatOption,
) -> None:
    """Actors by code and sector, most mentioned first.

    \b
    Example:
        eventwire query actors --limit 20
    """
    with reading(db) as store:
        relation = _run(lambda: store.actors(code=code, sector=sector, include_duplicates=include_duplicates))
        _emit(relation, fmt, title="actors", limit=limit)


@query_app.command("dyads")
def query_dyads(
    db: Path = DbOption,
    by: Period | None = typer.Option(None, "--by", help="Group by day, week, month, quarter or year."),
    source: str | None = typer.Option(None, "--source", help="Source code or code+sector."),
    target: str | None = typer.Option(None, "--target", help="Target code or code+sector."),
    plover: str | None = typer.Option(None, "--plover", help="PLOVER type."),
    cameo: str | None = typer.Option(None, "--cameo", help="CAMEO code prefix."),
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    modality: list[str] | None = ModalityOption,
    negated: bool | None = NegatedOption,
    with_negated: bool = WithNegatedOption,
    claimed: bool | None = ClaimedOption,
    min_confidence: float | None = QueryConfidenceOption,
    include_duplicates: bool = DuplicatesOption,
    limit: int | None = LimitOption,
    fmt: TableFormat = FormatOption,
) -> None:
    """Source→target pairs: event counts, mean Goldstein score, quad-class split.

    Counts only asserted, affirmed events unless --modality (several, or all),
    --negated (the negated ones instead) or --with-negated (both) says otherwise.

    \b
    Example:
        eventwire query dyads --by month --source USA
    """
    with reading(db) as store:
        relation = _run(lambda: store.dyads(
            by=by.value if by else None, source=source, target=target, plover=plover, cameo=cameo,
            since=since, until=until, claimed=claimed, min_confidence=min_confidence,
            include_duplicates=include_duplicates, **_happened(modality, negated, with_negated),
        ))
        _emit(relation, fmt, title="dyads", limit=limit)


@app.command()
def sql(
    query: str = typer.Argument(..., help="One read-only statement: SELECT, WITH, DESCRIBE, SHOW."),
    db: Path = DbOption,
    fmt: TableFormat = FormatOption,
    timeout: float = typer.Option(DEFAULT_SQL_SECONDS, "--timeout", min=0.1, help="Seconds the query may run."),
    memory: str = typer.Option(DEFAULT_SQL_MEMORY, "--memory", help="Memory the query may use, e.g. 2GB."),
    max_rows: int = typer.Option(DEFAULT_SQL_ROWS, "--max-rows", min=1, help="Rows printed at most."),
) -> None:
    """Run read-only SQL on the store, sandboxed.

    The query sees the store's tables only: DuckDB is opened read-only with access
    to files, URLs and extensions turned off and its settings locked, so
    read_csv('/etc/passwd') or an httpfs URL is refused. It stops after --timeout
    seconds or past --memory. For whole tables, use `eventwire export`.

    \b
    Example:
        eventwire sql "SELECT plover, count(*) FROM events GROUP BY ALL ORDER BY 2 DESC"
    """
    with reading(db, sandbox=True, memory_limit=memory) as store:
        result = store.sql_rows(query, time_limit=timeout, max_rows=max_rows)
    rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    emit_rows(rows, fmt, title=f"sql ({len(rows):,} rows)", columns=result.columns)
    if result.truncated:
        err.print(f"showing the first {max_rows:,} rows (--max-rows)", highlight=False)


@app.command()
def export(
    db: Path = DbOption,
    fmt: ExportFormat = typer.Option(ExportFormat.parquet, "--format", help="parquet, csv, jsonl or gdelt."),
    table: TableName = typer.Option(TableName.events, "--table", help="Which table (gdelt: events only)."),
    out: Path | None = typer.Option(None, "-o", "--out", help="Output file (default: TABLE.FORMAT here)."),
    include_duplicates: bool = DuplicatesOption,
    force: bool = typer.Option(False, "--force", help="Replace the output file if it exists."),
    escape_formulas: bool = typer.Option(
        True, "--escape-formulas/--no-escape-formulas",
        help="CSV: prefix cells starting with = + - @ with ' so spreadsheets do not run them.",
    ),
    modality: list[str] | None = ModalityOption,
    negated: bool | None = NegatedOption,
    with_negated: bool = WithNegatedOption,
    claimed: bool | None = ClaimedOption,
    complete: bool = CompleteOption,
    min_confidence: float | None = QueryConfidenceOption,
) -> None:
    """Write one table to one file: Parquet, CSV, JSON Lines or a GDELT 2.0-style TSV.

    The GDELT file holds only asserted, affirmed events unless --modality, --negated or
    --with-negated says otherwise; the event filters apply to it alone (other formats copy a table).

    An existing file is kept unless --force is given. GDELT text fields have tabs
    and newlines replaced by spaces, so every row is one line.

    \b
    Example:
        eventwire export --format gdelt --out events.tsv
    """
    from eventwire.export import export as export_table

    with reading(db) as store:
        done = _run(lambda: export_table(
            store, fmt=fmt.value, table=table.value, out=out, include_duplicates=include_duplicates,
            overwrite=force, escape_formulas=escape_formulas,
            filters={"claimed": claimed, "complete": complete, "min_confidence": min_confidence,
                     **_happened(modality, negated, with_negated)},
        ))
    err.print(f"wrote {done.path} ({fmt.value}, table {table.value}, {done.rows:,} rows)", highlight=False)
