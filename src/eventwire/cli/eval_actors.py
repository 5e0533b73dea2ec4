"""``eventwire evaluate actors``: score actor mentions against gold annotations."""

from __future__ import annotations

from pathlib import Path

import typer

from eventwire.cli.app import emit_metrics, evaluate_app, fail


@evaluate_app.command("actors")
def evaluate_actors_cli(
    gold: Path = typer.Option(..., "--gold", help="Sample corpus folder, an expected/*.json "
                              "file, a PLOVER .jsonl file, or PETRARCH unit_tests.jsonl "
                              "(format detected)."),
    as_json: bool = typer.Option(False, "--json", help="Print metrics as JSON."),
    errors: bool = typer.Option(False, "--errors", help="Also list every miss."),
    dictionary: list[Path] = typer.Option([], "--dictionary",
                                          help="Extra actor dictionary (repeatable)."),
) -> None:
    """Score actors: mention P/R, code and sector accuracy; PLOVER source/target codes.

    \b
    Example:
        eventwire evaluate actors --gold src/eventwire/data/sample
        eventwire evaluate actors --gold ../shared/data/plover/dev.jsonl --json
        eventwire evaluate actors --gold ../shared/data/petrarch/unit_tests.jsonl
    """
    from eventwire import Pipeline
    from eventwire.errors import EventwireError
    from eventwire.evaluate.actors import evaluate_actors

    if not gold.exists():
        raise fail(f"no such gold file or folder: {gold}")
    try:
        pipeline = Pipeline(dictionaries=tuple(dictionary))
        metrics = evaluate_actors(gold, pipeline=pipeline)
    except EventwireError as e:
        raise fail(str(e)) from e
    if not errors:
        metrics.pop("errors", None)
        metrics.pop("misses", None)
    emit_metrics(metrics, as_json=as_json, title="actors", gold=gold)
