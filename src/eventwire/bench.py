"""Benchmark: bare spaCy against the full eventwire pipeline, in one run, on the same texts.

Both sides use the same model object's pipeline, the same article texts, batch size
and process count, so their ratio is meaningful even on a busy machine (absolute
figures vary ±20% between runs; compare ratios within one run). The store is timed
on the results just computed: write throughput into a fresh DuckDB file.

Example:
    >>> from eventwire.bench import run_bench
    >>> report = run_bench(n=20)              # doctest: +SKIP
    >>> report["ratio"]                       # doctest: +SKIP
    0.91
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eventwire.errors import EventwireError, ReadError
from eventwire.io import read
from eventwire.model import Article, Result
from eventwire.pipeline import STAGES, Config, Pipeline

SAMPLE_DIR = "sample/articles"


def default_corpus() -> Path:
    """The bundled sample articles."""
    from eventwire.lexicons import data_path

    return Path(str(data_path(SAMPLE_DIR)))


def load_articles(paths: Sequence[str | Path], *, n: int | None = None) -> list[Article]:
    """Read up to ``n`` articles from ``paths`` (bad inputs are left out).

    Raises:
        EventwireError: no article could be read.
    """
    articles = []
    for item in read([str(p) for p in paths]):
        if isinstance(item, Article):
            articles.append(item)
            if n is not None and len(articles) >= n:
                break
    if not articles:
        raise EventwireError(f"no readable articles in {', '.join(map(str, paths))}")
    return articles


def run_bench(
    paths: Sequence[str | Path] | None = None, *, n: int | None = None, n_process: int = 1,
    model: str | None = None, batch_size: int = 16,
) -> dict[str, Any]:
    """Time bare spaCy, the full pipeline and ingest on the same articles.

    Args:
        paths: inputs (default: the bundled samples).
        n: use only the first ``n`` articles.
        n_process: processes, for spaCy and eventwire alike.
        model: spaCy model name (default as :class:`~eventwire.Config`).
        batch_size: articles per batch, for spaCy and eventwire alike.

    Returns:
        A JSON-ready dict: ``articles``, ``words``, ``n_process``, ``batch_size``,
        ``model``, ``spacy_wps``/``spacy_aps`` (words and articles per second),
        ``eventwire_wps``/``eventwire_aps``, ``ratio`` (eventwire / spaCy words per
        second), ``stages`` (each stage's share of eventwire's summed stage time),
        ``stage_seconds``, ``ingest_aps`` (articles per second written into DuckDB),
        ``ingest_vs_extract`` (extract-only time / (extract + write) time),
        ``peak_rss_mb`` (largest resident set of this process or any worker).
    """
    articles = load_articles(list(paths) if paths else [default_corpus()], n=n)
    words = sum(len(a.text.split()) for a in articles)
    config = Config(model=model, n_process=n_process, batch_size=batch_size)
    pipeline = Pipeline(config)
    texts = [a.text for a in articles]

    # Warm up (lazy initialisation inside spaCy) so that whichever side runs first is
    # not charged for it.
    pipeline.process(articles[0])
    pipeline.timings.seconds.clear()
    start = time.perf_counter()
    for _ in pipeline.nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        pass
    spacy_seconds = time.perf_counter() - start

    start = time.perf_counter()
    results = list(pipeline.process_many(articles, n_process=n_process))
    eventwire_seconds = time.perf_counter() - start

    ingest_seconds, stored = _time_ingest(results)
    stage_seconds = {s: round(pipeline.timings.seconds.get(s, 0.0), 4) for s in STAGES}
    total = sum(stage_seconds.values()) or 1.0
    failed = sum(isinstance(r, ReadError) for r in results)
    return {
        "articles": len(articles),
        "words": words,
        "failed": failed,
        "n_process": n_process,
        "batch_size": batch_size,
        "model": f"{pipeline.nlp.meta.get('lang')}_{pipeline.nlp.meta.get('name')}",
        "model_version": pipeline.nlp.meta.get("version"),
        "spacy_seconds": round(spacy_seconds, 3),
        "spacy_wps": round(words / spacy_seconds, 1),
        "spacy_aps": round(len(articles) / spacy_seconds, 2),
        "eventwire_seconds": round(eventwire_seconds, 3),
        "eventwire_wps": round(words / eventwire_seconds, 1),
        "eventwire_aps": round(len(articles) / eventwire_seconds, 2),
        "ratio": round(spacy_seconds / eventwire_seconds, 3),
        "stages": {s: round(v / total, 4) for s, v in stage_seconds.items()},
        "stage_seconds": stage_seconds,
        "ingest_seconds": round(ingest_seconds, 3),
        "ingest_articles": stored,
        "ingest_aps": round(stored / ingest_seconds, 1) if ingest_seconds > 0 else None,
        "ingest_vs_extract": round(eventwire_seconds / (eventwire_seconds + ingest_seconds), 3),
        "peak_rss_mb": peak_rss_mb(),
        "peak_rss_self_mb": _rss_mb(resource.RUSAGE_SELF),
        "peak_rss_children_mb": _rss_mb(resource.RUSAGE_CHILDREN),
    }


def _time_ingest(results: list[Result | ReadError]) -> tuple[float, int]:
    """Seconds to write ``results`` into a fresh store, and articles written."""
    from eventwire.store import Store

    # One-time imports (datasketch pulls in scipy, pyarrow pulls in pandas: ~0.9 s) are
    # paid once per run, not per article: pay them in a throw-away store before the
    # clock starts, so the figure is the steady write rate.
    with Store(":memory:") as warm:
        warm.ingest(results[:1])
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as folder:
        start = time.perf_counter()
        with Store(Path(folder) / "bench.duckdb") as store:
            report = store.ingest(results)
        return time.perf_counter() - start, report.added


def peak_rss_mb() -> float:
    """Peak resident memory of one process, in MB: this one or its largest worker."""
    return max(_rss_mb(resource.RUSAGE_SELF), _rss_mb(resource.RUSAGE_CHILDREN))


def _rss_mb(who: int) -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS; for RUSAGE_CHILDREN it is the
    # largest single child reaped so far, which is the per-process figure we want.
    peak = resource.getrusage(who).ru_maxrss
    per_mb = 1024 * 1024 if sys.platform == "darwin" else 1024
    return round(peak / per_mb, 1)
