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
from dataclasses import dataclass
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
    pipeline = Pipeline(Config(model=model, n_process=n_process, batch_size=batch_size))
    sides = _Sides(pipeline, batch_size, n_process)
    # Warm up (lazy initialisation inside spaCy) so that whichever side runs first is
    # not charged for it.
    pipeline.process(articles[0])
    startup = sides.startup() if n_process > 1 else {"spacy": 0.0, "eventwire": 0.0}
    seconds, results = sides.best_times(articles, max(repeat, 1))
    ingest = _time_ingest(results)
    report = {
        "articles": len(articles),
        "words": sum(len(a.text.split()) for a in articles),
        "failed": sum(isinstance(r, ReadError) for r in results),
        "n_process": n_process,
        "batch_size": batch_size,
        "repeat": max(repeat, 1),
        "model": f"{pipeline.nlp.meta.get('lang')}_{pipeline.nlp.meta.get('name')}",
        "model_version": pipeline.nlp.meta.get("version"),
    }
    return {**report, **_speed(report, seconds, startup), **_stages(pipeline),
            **_ingest(ingest, seconds["eventwire"]), **_memory()}


@dataclass
class _Sides:
    """The two sides measured: bare spaCy and eventwire, on one loaded pipeline."""

    pipeline: Pipeline
    batch_size: int
    n_process: int

    def spacy(self, texts: list[str]) -> None:
        for _ in self.pipeline.nlp.pipe(texts, batch_size=self.batch_size, n_process=self.n_process):
            pass

    def eventwire(self, articles: list[Article]) -> list[Result | ReadError]:
        return list(self.pipeline.process_many(articles, n_process=self.n_process))

    def startup(self) -> dict[str, float]:
        """Seconds to start the worker processes of each side, timed on tiny inputs."""
        tiny = [Article(text=WARM_UP_TEXT, origin="<warm-up>")] * self.n_process
        return {"spacy": _seconds(self.spacy, [a.text for a in tiny]), "eventwire": _seconds(self.eventwire, tiny)}

    def best_times(self, articles: list[Article], repeat: int) -> tuple[dict[str, float], list[Result | ReadError]]:
        """The best of ``repeat`` alternating runs of each side, and the last run's results."""
        texts = [a.text for a in articles]
        best = {"spacy": float("inf"), "eventwire": float("inf")}
        results: list[Result | ReadError] = []
        for _ in range(repeat):
            best["spacy"] = min(best["spacy"], _seconds(self.spacy, texts))
            self.pipeline.timings.seconds.clear()  # keep the stage times of the last run only
            start = time.perf_counter()
            results = self.eventwire(articles)
            best["eventwire"] = min(best["eventwire"], time.perf_counter() - start)
        return best, results


def _speed(report: dict[str, Any], seconds: dict[str, float], startup: dict[str, float]) -> dict[str, Any]:
    """Rates of both sides and their ratios (steady state, and with start-up)."""
    words, count = report["words"], report["articles"]
    steady = {side: _steady(seconds[side], startup[side]) for side in seconds}
    return {
        **_rates("spacy", words, count, seconds["spacy"], steady["spacy"], startup["spacy"]),
        **_rates("eventwire", words, count, seconds["eventwire"], steady["eventwire"], startup["eventwire"]),
        "ratio": round(steady["spacy"] / steady["eventwire"], 3),
        "ratio_wall": round(seconds["spacy"] / seconds["eventwire"], 3),
    }


def _stages(pipeline: Pipeline) -> dict[str, Any]:
    """Each stage's seconds in the last run, and its share of them."""
    stage_seconds = {s: round(pipeline.timings.seconds.get(s, 0.0), 4) for s in STAGES}
    total = sum(stage_seconds.values()) or 1.0
    return {"stages": {s: round(v / total, 4) for s, v in stage_seconds.items()}, "stage_seconds": stage_seconds}


def _ingest(ingest: tuple[float, int], extract_seconds: float) -> dict[str, Any]:
    seconds, stored = ingest
    return {
        "ingest_seconds": round(seconds, 3),
        "ingest_articles": stored,
        "ingest_aps": round(stored / seconds, 1) if seconds > 0 else None,
        "ingest_vs_extract": round(extract_seconds / (extract_seconds + seconds), 3),
    }


def _memory() -> dict[str, Any]:
    return {
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
