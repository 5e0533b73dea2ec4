"""``eventwire demo``: the main job on the bundled sample corpus."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from eventwire.cli.app import EXIT_OK, EXIT_SOME_FAILED, app, emit_rows, err, out
from eventwire.cli.extract import ModelOption, build_config, load_pipeline, run_pipeline
from eventwire.errors import ReadError
from eventwire.lexicons import data_path

SAMPLE_DIR = "sample/articles"


@app.command()
def demo(
    out_dir: Path = typer.Option(Path("eventwire-demo"), "--out", help="Folder for the demo's output."),
    model: str | None = ModelOption,
) -> None:
    """Run eventwire on the bundled sample corpus and summarise what it found.

    Writes every result as eventwire/1 JSON Lines to ``OUT/sample.jsonl`` and prints,
    per article, how many actors, quotes and events were found. Then stores the
    results in ``OUT/demo.duckdb`` and prints a few example queries' results.

    \b
    Example:
        eventwire demo --out /tmp/eventwire-demo
    """
    samples = data_path(SAMPLE_DIR)
    pipeline = load_pipeline(build_config(model, 1, 5_000_000))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "sample.jsonl"
    rows, failed, results = [], 0, []
    with target.open("w", encoding="utf-8") as stream:
        for item in run_pipeline(pipeline, [str(samples)]):
            if isinstance(item, ReadError):
                failed += 1
                continue
            stream.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
            results.append(item)
            rows.append({
                "article": str(item.article.title or item.article.key)[:60],
                "actors": len(item.actors),
                "quotes": len(item.attributions),
                "events": len(item.events),
            })
    emit_rows(rows, "table", title=f"eventwire demo: {len(rows)} sample articles")
    out.print(f"results (eventwire/1 JSON Lines): {target}", highlight=False)
    _store_and_query(results, out_dir / "demo.duckdb")
    if failed:
        err.print(f"{failed} sample inputs could not be read", highlight=False)
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def _store_and_query(results: list, db: Path) -> None:
    """Ingest the demo's results into a store and show what querying it looks like."""
    from eventwire.errors import StoreError
    from eventwire.store import Store

    try:
        with Store(db) as store:
            report = store.ingest(results)
            out.print(
                f"stored in {db}: {report.added} new articles, {report.skipped} already there, "
                f"{report.duplicates} near-duplicates flagged",
                highlight=False,
            )
            # Each title is a command that prints the same rows (the columns are a
            # narrower choice, to fit a terminal).
            examples = [
                ("eventwire query actors --limit 5", store.actors().limit(5), None),
                ("eventwire query dyads --limit 8", store.dyads().limit(8), None),
                ("eventwire query quotes --limit 5", store.quotes().limit(5),
                 ("source_text", "source_code", "cue_text", "content_text")),
                ("eventwire query events --limit 5", store.events().limit(5),
                 ("source_code", "cameo", "plover", "target_code", "modality", "trigger_text")),
            ]
            for title, relation, columns in examples:
                names = relation.columns
                emit_rows([dict(zip(names, r, strict=True)) for r in relation.fetchall()], "table",
                          title=f"$ {title} --db {db}", columns=list(columns or names))
    except StoreError as e:
        err.print(f"[red]demo store:[/] {e}", highlight=False)
