"""The typer apps and the output helpers every command shares.

Commands live in sibling modules (``extract.py``, ``demo.py``, ``store.py``,
``eval_*.py``), each registering on :data:`app` or :data:`evaluate_app`;
``eventwire.cli`` imports them all. Only the CLI (and the web app) prints.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from enum import Enum
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from typer.core import TyperGroup

from eventwire.export import FORMULA_STARTS

EXIT_OK = 0
EXIT_USAGE = 1
EXIT_SOME_FAILED = 2


class EventwireGroup(TyperGroup):
    """The root command group: usage errors exit 1, not click's 2.

    eventwire keeps 2 for "some inputs failed, the rest were processed" (the contract
    in the README). The exit code is set on each usage error as it passes through this
    app's parsing and dispatch, so click itself, and any other app in the process, keep
    their own behaviour.
    """

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with _usage_exit():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        with _usage_exit():
            return super().invoke(ctx)


@contextlib.contextmanager
def _usage_exit() -> Iterator[None]:
    try:
        yield
    except _USAGE_ERROR as e:
        e.exit_code = EXIT_USAGE
        raise


# click's UsageError (BadParameter's base): typer vendors click and does not export it.
_USAGE_ERROR: type[Any] = typer.BadParameter.__mro__[1]


app = typer.Typer(
    cls=EventwireGroup,
    name="eventwire",
    help="Attributed political event data from news: who did what to whom, and who says so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
evaluate_app = typer.Typer(
    help="Score eventwire against annotated data.", no_args_is_help=True,
)
app.add_typer(evaluate_app, name="evaluate")

#: Messages, progress and errors go to stderr so stdout stays machine-readable.
err = Console(stderr=True, soft_wrap=True)
out = Console()

class TableFormat(str, Enum):
    """Output formats for tabular results."""

    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print one clear error line and return the Exit to raise."""
    err.print(f"[bold red]eventwire:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


def emit_rows(
    rows: Sequence[dict[str, Any]] | Iterable[dict[str, Any]],
    fmt: TableFormat | str,
    *,
    title: str | None = None,
    columns: Sequence[str] | None = None,
) -> None:
    """Print rows as a rich table, CSV, a JSON array or JSON Lines."""
    fmt = TableFormat(fmt)
    rows = list(rows)
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt is TableFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str, indent=2) + "\n")
    elif fmt is TableFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt is TableFormat.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: _safe_cell(v) for k, v in row.items()} for row in rows)
        sys.stdout.write(buffer.getvalue())
    else:
        table = Table(title=title)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        out.print(table)


def _safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula gets a leading ``'`` (as export does)."""
    if isinstance(value, str) and value[:1] and value[0] in FORMULA_STARTS:
        return "'" + value
    return value


def _cell(value: Any) -> str:
    # Cells hold article text, where "[tariffs]" is an editor's insertion, not markup.
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    return escape(str(value))


def emit_metrics(
    metrics: dict[str, Any], *, as_json: bool, title: str, gold: Any = None, limit: int | None = None,
) -> None:
    """Print a (possibly nested) metrics dict as JSON or as a two-column table.

    With the table, when ``gold`` matches an entry of the accuracy baselines
    (``data/evaluate/baselines.yaml``), a second table puts each figure beside the one
    recorded on main and its floor. JSON stays the metrics alone, for scripts.
    """
    if as_json:
        sys.stdout.write(json.dumps(metrics, indent=2, default=str) + "\n")
        return
    rows = [{"metric": k, "value": v} for k, v in _flatten(metrics)]
    emit_rows(rows, TableFormat.table, title=title)
    if gold is not None:
        emit_baseline(metrics, gold, limit)


def emit_baseline(metrics: dict[str, Any], gold: Any, limit: int | None) -> None:
    """The baseline table for ``gold``, when the baselines file has one."""
    from eventwire.evaluate import baselines

    baseline = baselines.for_gold(gold, metrics=metrics, limit=limit)
    if baseline is None:
        return
    rows = []
    for metric, figures in baselines.compare(metrics, baseline).items():
        now, floor = figures["now"], figures["floor"]
        verdict = "below floor" if now is None or floor is None or now < floor else "ok"
        rows.append({"metric": metric, **figures, "": verdict})
    emit_rows(rows, TableFormat.table, title=f"baseline {baseline.name} (data/evaluate/baselines.yaml)")


def _flatten(data: dict[str, Any], prefix: str = "") -> Iterable[tuple[str, Any]]:
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, f"{name}.")
        else:
            yield name, value
