"""The store's tables: columns, DDL, opening a database file and its error messages.

Each table is one list of ``(column, DuckDB type, Arrow type)``, so ``CREATE TABLE``
and the Arrow batches written at ingest can never disagree. Columns are documented
in the README.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.errors import StoreError

DEFAULT_DB = "eventwire.duckdb"
STORE_VERSION = "2"
#: Older store versions this one reads, and the columns a writable open adds to bring
#: them up to date (version 2 keeps each actor's ``country`` and ``evidence``).
UPGRADES = {"1": (("actors", "country", "VARCHAR"), ("actors", "evidence", "VARCHAR"))}

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
    ("country", "VARCHAR", pa.string()),
    ("evidence", "VARCHAR", pa.string()),
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


def create_schema(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Create any missing eventwire table in ``con`` (a no-op on a complete store).

    Raises:
        StoreError: the tables cannot be created, or the file is another kind of store.
    """
    try:
        for name, columns in TABLES.items():
            body = ", ".join(f'"{c}" {t}' for c, t, _ in columns)
            con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({body})")
        con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        con.execute("INSERT INTO meta VALUES ('store_version', ?) ON CONFLICT DO NOTHING", [STORE_VERSION])
        _upgrade(con)
    except duckdb.Error as e:
        raise StoreError(f"{path}: cannot create the eventwire tables: {e}") from e
    check_schema(con, path)


def _upgrade(con: duckdb.DuckDBPyConnection) -> None:
    """Bring an older store up to this version: add the columns it lacks."""
    rows = con.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchall()
    version = rows[0][0] if rows else None
    if version not in UPGRADES:
        return
    for table, column, kind in UPGRADES[version]:
        con.execute(f'ALTER TABLE {table} ADD COLUMN IF NOT EXISTS "{column}" {kind}')
    con.execute("UPDATE meta SET value = ? WHERE key = 'store_version'", [STORE_VERSION])


def check_schema(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Check that ``con`` holds an eventwire store of this version.

    Raises:
        StoreError: tables are missing or the store version differs.
    """
    present = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    missing = [t for t in (*TABLES, "meta") if t not in present]
    if missing:
        raise StoreError(
            f"{path}: not an eventwire store (missing tables: {', '.join(missing)}); "
            "create one with: eventwire ingest PATH --db FILE"
        )
    rows = con.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchall()
    version = rows[0] if rows else None
    if version is None or (version[0] != STORE_VERSION and version[0] not in UPGRADES):
        raise StoreError(
            f"{path}: store version {version[0] if version else '?'} is not {STORE_VERSION}; "
            "re-ingest into a new file"
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


def scalar(con: duckdb.DuckDBPyConnection, query: str) -> Any:
    """The one value of ``query`` (trusted SQL only: no parameters)."""
    # fetchall, not fetchone: DuckDB 2 refuses new work while a result is unfinished.
    return con.execute(query).fetchall()[0][0]


#: DuckDB settings of a sandboxed connection (``eventwire sql``): no file, URL or
#: extension outside the database can be reached, and the settings cannot be changed
#: by the query itself. Spilling to disk is off, so the memory limit is a hard cap.
SANDBOX = {
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "temp_directory": "",
}
DEFAULT_SQL_MEMORY = "1GB"


def connect(
    path: str, read_only: bool, *, sandbox: bool = False, memory_limit: str = DEFAULT_SQL_MEMORY,
) -> duckdb.DuckDBPyConnection:
    """Open the database, turning DuckDB's errors into one clear StoreError.

    With ``sandbox``, the connection cannot read or write anything but the database
    (see :data:`SANDBOX`) and uses at most ``memory_limit``.
    """
    if read_only and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"{path}: no such database; create it with: eventwire ingest PATH --db {path}")
    if path != ":memory:":
        parent = Path(path).parent
        if not parent.exists():
            raise StoreError(f"{path}: folder {parent} does not exist")
    config: dict[str, Any] = {}
    if sandbox:
        config = {**SANDBOX, "memory_limit": memory_limit, "lock_configuration": True}
    try:
        return duckdb.connect(path, read_only=read_only, config=config)
    except duckdb.Error as e:
        if sandbox and "memory" in str(e).lower():
            raise StoreError(f"--memory {memory_limit!r} is not a size; use e.g. 500MB or 2GB") from e
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


def read_message(path: str, error: Exception) -> str:
    """One line for a failure while reading the database (a damaged or truncated file)."""
    text = str(error)
    first = text.splitlines()[0] if text else repr(error)
    low = text.lower()
    if any(w in low for w in ("could not read enough bytes", "checksum", "corrupt", "serializ", "invalid block")):
        return (f"{path}: the database file is damaged or truncated ({first}); "
                "restore it from a copy, or ingest again into a new file")
    return f"{path}: database error: {first}"


def write_message(path: str, error: Exception) -> str:
    text = str(error)
    if any(w in text.lower() for w in ("no space left", "disk full", "file too large")):
        return f"{path}: disk full while writing; the last batch was rolled back, earlier batches are kept"
    return (f"{path}: could not write a batch ({text.splitlines()[0] if text else error!r}); "
            "it was rolled back, earlier batches are kept")
