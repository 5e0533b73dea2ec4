"""``eventwire evaluate events``: score event coding on PLOVER or PETRARCH records."""

from __future__ import annotations

from pathlib import Path

import typer

from eventwire.cli.app import emit_metrics, evaluate_app, fail


@evaluate_app.command("events")
def evaluate_events_cli(
    gold: Path | None = typer.Option(
        None, "--gold", help="PLOVER gold records (JSON Lines), or the sample corpus folder.",
    ),
    petrarch: Path | None = typer.Option(
        None, "--petrarch", help="PETRARCH2 unit-test records (JSON Lines)."
    ),
    dictionaries: Path | None = typer.Option(
        None, "--dictionaries",
        help="Folder with PETR.Validate.* dictionaries (default: dictionaries/ beside --petrarch).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON."),
) -> None:
    """Score event coding against PLOVER gold sentences or PETRARCH unit tests.

    \b
    Example:
        eventwire evaluate events --gold ../shared/data/plover/dev.jsonl
        eventwire evaluate events --gold src/eventwire/data/sample
        eventwire evaluate events --petrarch ../shared/data/petrarch/unit_tests.jsonl --json
    """
    from eventwire.evaluate.events import evaluate_event_samples, evaluate_events, evaluate_petrarch

    if (gold is None) == (petrarch is None):
        raise fail("give exactly one of --gold FILE or --petrarch FILE")
    path = gold or petrarch
    if gold is not None and (gold / "expected").is_dir():
        emit_metrics(evaluate_event_samples(gold), as_json=as_json, title="events: sample corpus", gold=gold)
        return
    if path is None or not path.is_file():
        raise fail(f"no such file: {path}")
    if petrarch is not None:
        folder = dictionaries or petrarch.parent / "dictionaries"
        if not (folder / "PETR.Validate.verbs.txt").is_file():
            raise fail(f"no PETR.Validate.verbs.txt in {folder}; pass --dictionaries DIR")
        metrics = evaluate_petrarch(petrarch, dictionaries_dir=folder)
        emit_metrics(metrics, as_json=as_json, title="events: PETRARCH unit tests", gold=petrarch)
        return
    metrics = evaluate_events(path)
    emit_metrics(metrics, as_json=as_json, title="events: PLOVER gold", gold=path)
