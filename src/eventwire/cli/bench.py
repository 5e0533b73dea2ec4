"""``eventwire bench``: bare spaCy against the full pipeline, on the same texts."""

from __future__ import annotations

from pathlib import Path

import typer

from eventwire.cli.app import app, emit_metrics, err, fail
from eventwire.cli.extract import ModelOption
from eventwire.errors import EventwireError


@app.command()
def bench(
    path: list[Path] | None = typer.Argument(
        None, metavar="PATH", help="Articles to time (default: the bundled samples)."
    ),
    n: int | None = typer.Option(None, "--n", min=1, help="Use only the first N articles."),
    n_process: int = typer.Option(1, "--n-process", min=1, help="Processes, for spaCy and eventwire alike."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per batch, both sides."),
    repeat: int = typer.Option(2, "--repeat", min=1, help="Alternating runs per side; the fastest counts."),
    model: str | None = ModelOption,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Words/s and articles/s of bare spaCy and of eventwire, their ratio, stage shares,
    peak memory and DuckDB ingest throughput, measured in one run.

    Rates are steady-state: model load and, with --n-process > 1, each side's worker
    start-up are measured apart (*_startup_seconds) and left out; *_wall_wps keep them.
    Give each worker several batches (--n ≥ 4 × n-process × batch-size) or the
    processes cannot all be busy. Figures vary about ±20% between runs on a shared
    machine: compare the ratio.

    \b
    Example:
        eventwire bench ../shared/data/voa/voa_stories.jsonl --n 40 --json
    """
    from eventwire.bench import run_bench

    if not as_json:
        err.print(f"timing bare spaCy and eventwire in turn ({repeat}×), then ingest…", highlight=False)
    try:
        report = run_bench(
            path or None, n=n, n_process=n_process, model=model, batch_size=batch_size, repeat=repeat,
        )
    except EventwireError as e:
        raise fail(str(e)) from e
    emit_metrics(report, as_json=as_json, title="eventwire bench")
