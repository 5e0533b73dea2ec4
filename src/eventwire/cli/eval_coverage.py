"""``eventwire evaluate coverage``: how many events and quotes get coded actors, on any corpus."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from eventwire.cli.app import EXIT_OK, EXIT_SOME_FAILED, emit_metrics, evaluate_app, fail
from eventwire.cli.extract import ModelOption, NProcessOption, build_config, load_pipeline, run_pipeline
from eventwire.errors import ReadError
from eventwire.io import DEFAULT_MAX_BYTES
from eventwire.model import SCHEMA_VERSION


@evaluate_app.command("coverage")
def evaluate_coverage_cli(
    paths: list[str] = typer.Argument(..., metavar="PATH",
                                      help="eventwire/1 JSONL output, or any input eventwire extract reads."),
    as_json: bool = typer.Option(False, "--json", help="Print metrics as JSON."),
    model: str | None = ModelOption,
    n_process: int = NProcessOption,
) -> None:
    """Share of events with both / one / no coded role, of quotes with a coded speaker,
    and actors per kind of code evidence.

    A JSONL file of eventwire/1 records (what ``eventwire extract`` writes) is read as it
    is; any other input is extracted first. No gold is needed.

    \b
    Example:
        eventwire evaluate coverage ../shared/data/voa/voa_stories.jsonl
        eventwire extract news/ -o out.jsonl && eventwire evaluate coverage out.jsonl
    """
    from eventwire.evaluate.coverage import coverage

    outputs = [p for p in paths if _is_output(Path(p))]
    inputs = [p for p in paths if p not in outputs]
    failed = 0

    def records() -> Iterator[dict[str, Any]]:
        nonlocal failed
        for path in outputs:
            yield from _read_output(Path(path))
        if inputs:
            pipeline = load_pipeline(build_config(model, n_process, DEFAULT_MAX_BYTES))
            for item in run_pipeline(pipeline, inputs):
                if isinstance(item, ReadError):
                    failed += 1
                else:
                    yield item.to_dict()

    metrics = coverage(records())
    emit_metrics(metrics, as_json=as_json, title="coverage")
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def _is_output(path: Path) -> bool:
    """A .jsonl file whose first record is an eventwire/1 object."""
    if path.suffix != ".jsonl" or not path.is_file():
        return False
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.strip():
                try:
                    first = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(first, dict) and first.get("schema") == SCHEMA_VERSION
    return False


def _read_output(path: Path) -> Iterator[dict[str, Any]]:
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            try:
                yield json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as e:
                raise fail(f"{path}:{number}: not UTF-8 ({e.reason})") from e
            except json.JSONDecodeError as e:
                raise fail(f"{path}:{number}: not a JSON line ({e.msg})") from e
