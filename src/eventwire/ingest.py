"""Read, process and store: the one place that joins the readers, the pipeline and the store.

The store itself takes :class:`~eventwire.model.Result` objects only
(:meth:`eventwire.store.Store.ingest`); this module feeds it from files, skipping
articles already stored before any processing, so a rerun over a finished corpus costs
the reading and hashing only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from eventwire.config import Config
from eventwire.errors import ReadError
from eventwire.io import read
from eventwire.model import Article, Result, text_id
from eventwire.pipeline import Pipeline
from eventwire.store import COMMIT_EVERY, IngestReport, Store

T = TypeVar("T")


def ingest_paths(
    store: Store, paths: Sequence[str | Path], *, pipeline: Pipeline | None = None, config: Config | None = None,
    n_process: int | None = None, commit_every: int = COMMIT_EVERY,
    on_item: Callable[[Result | ReadError], None] | None = None,
    on_commit: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Read, process and store ``paths``; articles already stored are not processed again.

    The pipeline is only built when there is something new to process, so a rerun
    over a finished corpus costs the reading and hashing only.

    Args:
        store: an open, writable :class:`Store`.
        paths: files, folders or ``-`` as for :func:`eventwire.read`.
        pipeline: a ready :class:`~eventwire.Pipeline` (else built from ``config``).
        config: a :class:`~eventwire.Config` used when ``pipeline`` is ``None``.
        n_process: worker processes (default: the pipeline's config).
        commit_every: articles per transaction.
        on_item: called per result or error as it is consumed.
        on_commit: called with the running report after each commit.
    """
    config = pipeline.config if pipeline is not None else (config or Config())
    skipped = 0
    stored = store.keys()
    own_files = _store_files(store.path)

    def new_items() -> Iterator[Article | ReadError]:
        nonlocal skipped
        for item in read([str(p) for p in paths], max_bytes=config.max_bytes):
            if isinstance(item, ReadError) and _resolved(item.origin) in own_files:
                continue  # the store itself, in a folder being ingested (`eventwire ingest .`)
            if isinstance(item, Article):
                key = text_id(item.text)
                if key in stored or key in fresh_keys:
                    skipped += 1
                    if on_item is not None:
                        on_item(Result(item))  # counts as done for the progress display
                    continue
                fresh_keys.add(key)
            yield item

    fresh_keys: set[str] = set()
    items = new_items()
    first = next(items, None)
    report = IngestReport()
    if first is not None:
        if pipeline is None:
            pipeline = Pipeline(config)
        stream = pipeline.process_many(_chain(first, items), n_process=n_process)
        report = store.ingest(stream, commit_every=commit_every, on_item=on_item, on_commit=on_commit)
    report.skipped += skipped
    return report


def _store_files(path: str) -> set[Path]:
    """The database file and its write-ahead log (none for an in-memory store)."""
    if path == ":memory:":
        return set()
    return {_resolved(path), _resolved(f"{path}.wal")}


def _resolved(path: str) -> Path:
    return Path(path).resolve()


def _chain(first: T, rest: Iterator[T]) -> Iterator[T]:
    yield first
    yield from rest

