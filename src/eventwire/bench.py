"""Benchmark: bare spaCy against the full eventwire pipeline, in one run, on the same texts.

Both sides use the same model object's pipeline, the same article texts, batch size
and process count, so their ratio is meaningful even on a busy machine (absolute
figures vary ±20% between runs; compare ratios within one run). The store is timed
on the results just computed: write throughput into a fresh DuckDB file.

Steady state: one-time costs are kept out of the words/s figures on both sides. The
model is loaded and warmed up before either clock starts. With ``n_process > 1`` each
side also pays a start-up per run (spaCy forks workers that inherit the loaded model;
eventwire's pool builds one :class:`~eventwire.Pipeline` per worker): it is measured
by running each side once on one tiny text per worker, reported as
``*_startup_seconds``, and subtracted from that side's wall time. ``*_wall_wps`` keep
the figures with it.

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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eventwire.config import Config
from eventwire.errors import EventwireError, ReadError
from eventwire.io import read
from eventwire.model import Article, Result
from eventwire.pipeline import STAGES, Pipeline

SAMPLE_DIR = "sample/articles"
#: What each worker processes once to measure start-up (any short sentence will do).
WARM_UP_TEXT = "Officials met on Monday."


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
    model: str | None = None, batch_size: int = 16, repeat: int = 2,
) -> dict[str, Any]:
    """Time bare spaCy, the full pipeline and ingest on the same articles.

    The two sides run in turn ``repeat`` times and each keeps its best time, so that
    neither is charged for whatever else the machine was doing during one run.

    Args:
        paths: inputs (default: the bundled samples).
        n: use only the first ``n`` articles.
        n_process: processes, for spaCy and eventwire alike.
        model: spaCy model name (default as :class:`~eventwire.Config`).
        batch_size: articles per batch, for spaCy and eventwire alike.
        repeat: alternating runs of each side; the fastest of each counts.

    Returns:
        A JSON-ready dict: ``articles``, ``words``, ``n_process``, ``batch_size``,
        ``model``, ``spacy_wps``/``spacy_aps`` (steady-state words and articles per
        second), ``eventwire_wps``/``eventwire_aps``, ``ratio`` (eventwire / spaCy
        steady-state words per second), ``spacy_startup_seconds`` and
        ``eventwire_startup_seconds`` (worker start per run, 0 with one process),
        ``spacy_wall_wps``/``eventwire_wall_wps``/``ratio_wall`` (start-up included),
        ``stages`` (each stage's share of eventwire's summed stage time),
        ``stage_seconds``, ``ingest_aps`` (articles per second written into DuckDB),
        ``ingest_vs_extract`` (extract wall time / (extract + write) time),
        ``peak_rss_mb`` (largest resident set of this process or any worker).

    Raises:
        EventwireError: no article could be read.
        ModelNotFound: the model cannot be loaded.
    """
    articles = load_articles(list(paths) if paths else [default_corpus()], n=n)
    words = sum(len(a.text.split()) for a in articles)
    config = Config(model=model, n_process=n_process, batch_size=batch_size)
    pipeline = Pipeline(config)
    texts = [a.text for a in articles]

    def spacy_run(items: list[str]) -> None:
        for _ in pipeline.nlp.pipe(items, batch_size=batch_size, n_process=n_process):
            pass

    def eventwire_run(items: list[Article]) -> list[Result | ReadError]:
        return list(pipeline.process_many(items, n_process=n_process))

    # Warm up (lazy initialisation inside spaCy) so that whichever side runs first is
    # not charged for it.
    pipeline.process(articles[0])
    startup = {"spacy": 0.0, "eventwire": 0.0}
    if n_process > 1:
        tiny = [Article(text=WARM_UP_TEXT, origin="<warm-up>")] * n_process
        startup["spacy"] = _seconds(spacy_run, [a.text for a in tiny])
        startup["eventwire"] = _seconds(eventwire_run, tiny)
    spacy_seconds = eventwire_seconds = float("inf")
    for _ in range(max(repeat, 1)):
        spacy_seconds = min(spacy_seconds, _seconds(spacy_run, texts))
        pipeline.timings.seconds.clear()  # keep the stage times of the last run only
        start = time.perf_counter()
        results = eventwire_run(articles)
        eventwire_seconds = min(eventwire_seconds, time.perf_counter() - start)

    ingest_seconds, stored = _time_ingest(results)
    stage_seconds = {s: round(pipeline.timings.seconds.get(s, 0.0), 4) for s in STAGES}
    total = sum(stage_seconds.values()) or 1.0
    spacy_steady = _steady(spacy_seconds, startup["spacy"])
    eventwire_steady = _steady(eventwire_seconds, startup["eventwire"])
    return {
        "articles": len(articles),
        "words": words,
        "failed": sum(isinstance(r, ReadError) for r in results),
        "n_process": n_process,
        "batch_size": batch_size,
        "repeat": max(repeat, 1),
        "model": f"{pipeline.nlp.meta.get('lang')}_{pipeline.nlp.meta.get('name')}",
        "model_version": pipeline.nlp.meta.get("version"),
        **_rates("spacy", words, len(articles), spacy_seconds, spacy_steady, startup["spacy"]),
        **_rates("eventwire", words, len(articles), eventwire_seconds, eventwire_steady,
                 startup["eventwire"]),
        "ratio": round(spacy_steady / eventwire_steady, 3),
        "ratio_wall": round(spacy_seconds / eventwire_seconds, 3),
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


def _seconds(run: Callable[[Any], Any], items: Any) -> float:
    start = time.perf_counter()
    run(items)
    return time.perf_counter() - start


def _steady(wall: float, startup: float) -> float:
    # On a tiny corpus the start-up estimate can exceed the run itself (noise): then
    # keep the wall time rather than report an absurd rate.
    return wall - startup if wall - startup > 0.05 * wall else wall


def _rates(side: str, words: int, articles: int, wall: float, steady: float, startup: float) -> dict[str, Any]:
    """One side's figures: steady-state rates, start-up and wall-clock rates."""
    return {
        f"{side}_seconds": round(wall, 3),
        f"{side}_startup_seconds": round(startup, 3),
        f"{side}_wps": round(words / steady, 1),
        f"{side}_aps": round(articles / steady, 2),
        f"{side}_wall_wps": round(words / wall, 1),
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
