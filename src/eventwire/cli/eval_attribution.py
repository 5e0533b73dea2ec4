"""``eventwire evaluate attribution``: score attributions on PolNeAR-format gold."""

from __future__ import annotations

from pathlib import Path

import typer

from eventwire.cli.app import emit_metrics, err, evaluate_app, fail


@evaluate_app.command("attribution")
def evaluate_attribution_cli(
    gold: Path = typer.Option(..., "--gold", help="PolNeAR-format JSON Lines file.",
                              exists=False, dir_okay=False),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Score only the first N articles."),
    model: str | None = typer.Option(None, "--model", help="spaCy model name."),
) -> None:
    """Score quotes and reported speech (source, cue, content) against gold.

    Prints per-role exact and token P/R/F1, content-match P/R/F1 (Jaccard >= 0.5,
    one to one) and source accuracy over content matches.

    \b
    Example:
        eventwire evaluate attribution --gold ../shared/data/polnear/dev.jsonl
    """
    from eventwire import Config, Pipeline
    from eventwire.errors import EventwireError
    from eventwire.evaluate.attribution import evaluate_attribution

    if not gold.is_file():
        raise fail(f"gold file not found: {gold} (give a PolNeAR-format .jsonl file)")
    try:
        pipeline = Pipeline(Config(model=model))
        if err.is_terminal:
            from rich.progress import Progress

            total = limit or _count_lines(gold)
            with Progress(console=err, transient=True) as bar:
                task = bar.add_task("scoring", total=total)
                metrics = evaluate_attribution(
                    gold, pipeline=pipeline, limit=limit,
                    progress=lambda done: bar.update(task, completed=done),
                )
        else:
            metrics = evaluate_attribution(gold, pipeline=pipeline, limit=limit)
    except EventwireError as e:
        raise fail(str(e)) from e
    emit_metrics(metrics, as_json=as_json, title="attribution", gold=gold, limit=limit)


def _count_lines(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(1 for line in stream if line.strip())
