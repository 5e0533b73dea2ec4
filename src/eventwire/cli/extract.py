"""``eventwire extract`` and ``eventwire --version``."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from eventwire import __version__
from eventwire.cli.app import EXIT_OK, EXIT_SOME_FAILED, app, err, fail
from eventwire.config import DEFAULT_MIN_CONFIDENCE, Config
from eventwire.errors import ModelNotFound, ReadError
from eventwire.io import DEFAULT_MAX_BYTES, read
from eventwire.model import Result
from eventwire.pipeline import Pipeline


class OutputFormat(str, Enum):
    """How ``extract`` writes results."""

    jsonl = "jsonl"
    json = "json"
    pretty = "pretty"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Attributed political event data from news: who did what to whom, and who says so."""


# Options shared by every command that runs the pipeline, defined once.
ModelOption = typer.Option(None, "--model", help="spaCy model name (default: en_core_web_sm, then its PyPI mirror).")
NProcessOption = typer.Option(1, "--n-process", min=1, help="Worker processes.")
MaxBytesOption = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Size limit per article, in bytes.")
DictionaryOption = typer.Option(
    None, "--dictionary", help="Extra actor dictionary (TSV, YAML, PETRARCH .actors/.agents); repeatable.",
)
VerbsOption = typer.Option(None, "--verbs", help="Extra PETRARCH-format verb dictionary; repeatable.")
MinConfidenceOption = typer.Option(
    DEFAULT_MIN_CONFIDENCE, "--min-confidence", min=0.0, max=1.0,
    help="Leave out events of lower confidence (the judged chance an event is fully right); 0 keeps all.",
)


def build_config(
    model: str | None, n_process: int, max_bytes: int,
    dictionaries: list[Path] | None = None, verbs: list[Path] | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> Config:
    """Turn the shared CLI options into a pipeline Config."""
    for path in [*(dictionaries or []), *(verbs or [])]:
        if not path.is_file():
            raise fail(f"{path}: no such file (given as --dictionary or --verbs)")
    return Config(
        model=model, n_process=n_process, max_bytes=max_bytes,
        dictionaries=tuple(dictionaries or ()), verb_dictionaries=tuple(verbs or ()),
        min_confidence=min_confidence,
    )


def load_pipeline(config: Config) -> Pipeline:
    """Build the pipeline, turning a missing model into one clear line."""
    try:
        return Pipeline(config)
    except ModelNotFound as e:
        raise fail(str(e)) from e


def run_pipeline(
    pipeline: Pipeline, paths: list[str], *, label: str = "articles",
) -> Iterator[Result | ReadError]:
    """Read ``paths`` and process them, reporting each bad input on stderr as it comes.

    A progress display runs on stderr when it is a terminal.
    """
    items = read(paths, max_bytes=pipeline.config.max_bytes)
    with progress(label) as advance:
        for item in pipeline.process_many(_warn(items)):
            if isinstance(item, ReadError):
                err.print(f"[red]error:[/] {escape(str(item))}", highlight=False)
            advance(item)
            yield item


def _warn(items: Iterable[Any]) -> Iterator[Any]:
    for item in items:
        for warning in getattr(item, "warnings", ()):
            err.print(f"[yellow]warning:[/] {escape(f'{item.origin}: {warning}')}", highlight=False)
        yield item


@contextmanager
def progress(label: str) -> Iterator[Any]:
    """Yield a callback advancing a stderr progress display (silent when not a terminal)."""
    if not err.is_terminal:
        yield lambda item: None
        return
    columns = (SpinnerColumn(), TextColumn(f"{label}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]} · [red]{task.fields[errors]} errors"))
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(label, total=None, rate="", errors=0)
        counts = {"done": 0, "errors": 0}

        def advance(item: Any) -> None:
            counts["done"] += 1
            counts["errors"] += isinstance(item, ReadError)
            elapsed = bar.tasks[0].elapsed or 1e-9
            bar.update(task, advance=1, errors=counts["errors"], rate=f"{counts['done'] / elapsed:.1f}/s")

        yield advance


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., metavar="PATH", help="Files, folders (recursive) or - for stdin."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    fmt: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", help="jsonl, json or pretty."),
    model: str | None = ModelOption,
    n_process: int = NProcessOption,
    max_bytes: int = MaxBytesOption,
    dictionary: list[Path] | None = DictionaryOption,
    verbs: list[Path] | None = VerbsOption,
    min_confidence: float = MinConfidenceOption,
) -> None:
    """Extract actors, attributions and events; write one eventwire/1 object per article.

    Exit status: 0 when every input was read, 2 when some failed (each named on
    stderr) and the rest were processed, 1 on usage errors.

    \b
    Example:
        eventwire extract news/ -o events.jsonl --n-process 2
    """
    pipeline = load_pipeline(build_config(model, n_process, max_bytes, dictionary, verbs, min_confidence))
    failed = 0
    try:
        stream = output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as e:
        raise fail(f"{output}: cannot write the output file ({e.strerror or e})") from e
    try:
        writer = _writer(fmt, stream)
        for item in run_pipeline(pipeline, paths):
            if isinstance(item, ReadError):
                failed += 1
            elif _writable(item):
                writer.send(item)
            else:
                failed += 1
        writer.close()
    finally:
        if output:
            stream.close()
    if output:
        err.print(f"wrote {output}", highlight=False)
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def _writable(result: Result) -> bool:
    """Whether ``result`` serialises as UTF-8 JSON; if not it is named, and the run goes on.

    Why check before writing: a half-written record would corrupt the output file.
    """
    try:
        json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError) as e:  # UnicodeEncodeError is a ValueError
        origin = result.article.origin or str(result.article.key)
        err.print(f"[red]error:[/] {escape(repr(origin)[1:-1])}: cannot write the result: {escape(str(e))}",
                  highlight=False)
        return False
    return True


def _writer(fmt: OutputFormat, stream: IO[str]) -> Any:
    """A generator that writes each Result it is sent, in the chosen format."""
    def write() -> Generator[None, Result, None]:
        first = True
        if fmt is OutputFormat.json:
            stream.write("[")
        try:
            while True:
                result = yield
                if fmt is OutputFormat.pretty:
                    render_pretty(result, stream)
                    continue
                text = json.dumps(result.to_dict(), ensure_ascii=False)
                if fmt is OutputFormat.json:
                    stream.write(("\n" if first else ",\n") + text)
                else:
                    stream.write(text + "\n")
                first = False
        except GeneratorExit:
            if fmt is OutputFormat.json:
                stream.write("\n]\n")

    gen = write()
    next(gen)
    return gen


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def render_pretty(result: Result, stream: IO[str]) -> None:
    """A reader's view of one result: who says what, and the events with their claims."""
    from rich.console import Console

    console = Console(file=stream, highlight=False, soft_wrap=True)
    art = result.article
    console.rule(f"[bold]{escape(str(art.title or art.key))}")
    names = {a.id: a for a in result.actors}

    def who(actor_id: str | None) -> str:
        actor = names.get(actor_id or "")
        if actor is None:
            return "—"
        first = names.get(actor.refers_to or "", actor)
        evidence = f" by {actor.evidence}" if actor.evidence else ""
        named = f" = {first.text}" if first is not actor else ""
        return f"{actor.text}{named} ({actor.code or '?'}{'/' + actor.sector if actor.sector else ''}{evidence})"

    console.print(f"[bold]actors[/] ({len(result.actors)}): " + escape(", ".join(
        sorted({f"{a.code or a.text}{'/' + a.sector if a.sector else ''}" for a in result.actors}))))
    evidence = Counter(a.evidence for a in result.actors if a.evidence)
    if evidence:
        console.print("[dim]codes found by " + escape(", ".join(f"{k} {n}" for k, n in evidence.most_common())) + "[/]")
    for q in result.attributions:
        source = q.source.text if q.source else "—"
        speaker = who(q.source.actor) if q.source else "—"
        console.print(f"[cyan]{q.id}[/] {q.kind}: [bold]{escape(source)}[/] → {escape(speaker)} "
                      f"[dim]{escape(q.cue.text if q.cue else '')}[/]: {escape(_clip(q.content.text))}")
    for e in result.events:
        src = (e.source.code if e.source else None) or "?"
        tgt = (e.target.code if e.target else None) or "?"
        flags = e.modality + (", negated" if e.negated else "")
        claim = f" claimed in {e.attribution}" if e.attribution else ""
        console.print(f"[magenta]{e.id}[/] {src} → {tgt} {e.cameo} {e.cameo_name} "
                      f"[dim]({flags}){claim}[/] “{escape(e.trigger.text)}”")
