"""The pipeline: read → clean → nlp → actors → attributions → events → Result.

Example:
    >>> from eventwire import Pipeline
    >>> p = Pipeline()
    >>> r = p.process("Iran threatened Israel on Monday, officials said.")
    >>> r.to_dict()["schema"]
    'eventwire/1'
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from eventwire import clean, nlp, pieces
from eventwire.actors import ActorStage
from eventwire.attribution import AttributionStage
from eventwire.config import Config
from eventwire.errors import EventwireError, InputError, ReadError, StageError, StageFailure
from eventwire.events import EventStage
from eventwire.io.text import is_blank, repair_article
from eventwire.model import Article, Result

STAGES = ("clean", "nlp", "actors", "attributions", "events")
T = TypeVar("T")


@dataclass
class Timings:
    """Seconds spent per stage, summed over articles (for ``eventwire bench``)."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] += seconds

    def merge(self, other: dict[str, float]) -> None:
        for stage, seconds in other.items():
            self.seconds[stage] += seconds


class Pipeline:
    """Turns articles into :class:`Result` objects (schema ``eventwire/1``).

    Load once, use many times: the spaCy model and all lexicons are loaded when the
    pipeline is built.
    """

    def __init__(self, config: Config | None = None, **options: Any) -> None:
        self.config = config or Config(**options)
        self.nlp = nlp.load(self.config.model)
        # A long article is refused by the readers' byte limit, not by spaCy's own.
        self.nlp.max_length = max(self.nlp.max_length, self.config.max_bytes + 1)
        self.actors = ActorStage(self.config, self.nlp)
        self.attributions = AttributionStage(self.config, self.nlp)
        self.events = EventStage(self.config, self.nlp)
        self.timings = Timings()

    def process(self, article: Article | str) -> Result:
        """Process one article (or a plain string) and return its Result.

        A text of only white space or invisible characters gives an empty Result
        (:meth:`process_many`, like the readers, reports it as an error instead).
        """
        article = self._prepare(article, refuse_blank=False)
        if is_blank(article.text):
            return Result(article)
        if len(article.text) > self.config.piece_chars:
            return self._in_pieces(article)
        return self._analyse(article, self._parse(article))

    def process_many(
        self, articles: Iterable[Article | ReadError | str], *, n_process: int | None = None,
    ) -> Iterator[Result | ReadError]:
        """Process many articles, yielding results in input order.

        ``ReadError`` items pass through in place, so a batch read with
        :func:`eventwire.io.read` keeps its order and its error reports. An empty
        article becomes a ``ReadError``, one that a stage fails on (cleaning, parsing,
        actors, attributions, events) a :class:`~eventwire.errors.StageFailure` naming it
        and the stage; the batch goes on.
        """
        n_process = n_process or self.config.n_process
        batches = _batches(articles, self.config.batch_size, self.config.piece_chars)
        if n_process <= 1:
            for batch in batches:
                yield from self._process_batch(batch)
            return
        yield from self._process_parallel(batches, n_process)

    def _prepare(self, article: Article | str, *, refuse_blank: bool = True) -> Article:
        """Check and clean one input: lone surrogates repaired, empty text refused."""
        if isinstance(article, str):
            article = Article(text=article, origin="<text>")
        article = repair_article(article)  # readers did this already; API input may not have
        if refuse_blank and is_blank(article.text):
            raise InputError(_origin(article), "empty text: only white space or invisible characters")
        return self._clean(article)

    def _clean(self, article: Article) -> Article:
        return self._stage("clean", article, clean.layout, article)

    def _parse(self, article: Article) -> Any:
        return self._stage("nlp", article, self.nlp, clean.nlp_text(article))

    def _in_pieces(self, article: Article) -> Result:
        """A long article read piece by piece; only one piece is parsed at a time."""
        parts = []
        for offset, piece in pieces.pieces(article, self.config.piece_chars):
            parts.append((offset, self._analyse(piece, self._parse(piece))))
        return pieces.merge(article, parts)

    def _analyse(self, article: Article, doc: Any) -> Result:
        actors = self._stage("actors", article, self.actors, doc, article)
        attributions = self._stage("attributions", article, self.attributions, doc, article, actors)
        events = self._stage("events", article, self.events, doc, article, actors, attributions)
        return Result(article, tuple(actors), tuple(attributions), tuple(events))

    def _stage(self, name: str, article: Article, step: Callable[..., T], *args: Any) -> T:
        """``step(*args)``, timed under ``name``; a crash becomes a StageError naming the article."""
        start = time.perf_counter()
        try:
            return step(*args)
        except EventwireError:
            raise
        except Exception as e:
            raise StageError(_origin(article), name, f"{type(e).__name__}: {str(e)[:300]}") from e
        finally:
            self.timings.add(name, time.perf_counter() - start)

    def _process_batch(self, batch: list[Article | ReadError | str]) -> list[Result | ReadError]:
        items = [item if isinstance(item, ReadError) else _safely(item, self._prepare) for item in batch]
        short = [a for a in items if isinstance(a, Article) and len(a.text) <= self.config.piece_chars]
        parsed = self._parse_batch(short)
        docs = iter(parsed) if parsed is not None else None
        out: list[Result | ReadError] = []
        for item in items:
            if isinstance(item, ReadError):
                out.append(item)
            elif len(item.text) > self.config.piece_chars:
                out.append(_safely(item, self._in_pieces))
            elif docs is None:  # the batch pass broke: parse this one alone, under the guard
                out.append(_safely(item, lambda a: self._analyse(a, self._parse(a))))
            else:
                out.append(_safely(item, functools.partial(self._analyse, doc=next(docs))))
        return out

    def _parse_batch(self, articles: list[Article]) -> list[Any] | None:
        """The batch's docs from one ``nlp.pipe`` call, or ``None`` if any text broke it.

        Then each article is parsed on its own under the guard, so one bad text costs
        only itself.
        """
        start = time.perf_counter()
        try:
            docs = list(self.nlp.pipe((clean.nlp_text(a) for a in articles), batch_size=len(articles) or 1))
        except Exception:  # retried one by one below, where the failure is named
            docs = None
        self.timings.add("nlp", time.perf_counter() - start)
        return docs

    def _process_parallel(
        self, batches: Iterator[list[Article | ReadError | str]], n_process: int,
    ) -> Iterator[Result | ReadError]:
        # Each worker runs every stage, so the stages scale with the processes
        # instead of queueing in this one. With fork, workers inherit this loaded
        # pipeline (as spaCy's own n_process does); with spawn, each builds its own.
        global _worker
        fork = "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if fork else "spawn")
        _worker = self if fork else None
        try:
            with context.Pool(n_process, initializer=_init_worker, initargs=(self.config,)) as pool:
                for results, seconds in pool.imap(_work, batches):
                    self.timings.merge(seconds)
                    yield from results
        finally:
            _worker = None


def _origin(article: Article) -> str:
    return article.origin or str(article.key)


def _safely(article: Article | str, step: Callable[[Any], T]) -> T | ReadError:
    """``step(article)``, or a record naming the article: one bad article must not end a batch."""
    try:
        return step(article)
    except InputError as e:
        return ReadError(e.origin, e.message, line=e.line)
    except StageError as e:
        return StageFailure(e.origin, e.message, stage=e.stage)
    except Exception as e:  # outside any stage (a bug in the pipeline itself); the batch goes on
        name = _origin(article) if isinstance(article, Article) else "<text>"
        return StageFailure(name, f"{type(e).__name__}: {str(e)[:300]}")


def _batches(items: Iterable[Any], size: int, max_chars: int) -> Iterator[list[Any]]:
    """Batches of at most ``size`` items and (past the first item) about ``max_chars`` of text."""
    batch: list[Any] = []
    chars = 0
    for item in items:
        batch.append(item)
        chars += len(item) if isinstance(item, str) else len(getattr(item, "text", ""))
        if len(batch) >= size or chars >= max_chars:
            yield batch
            batch = []
            chars = 0
    if batch:
        yield batch


_worker: Pipeline | None = None


def _init_worker(config: Config) -> None:
    global _worker
    # Two spaCy processes on two cores slow down if each also spawns BLAS threads.
    os.environ["OMP_NUM_THREADS"] = "1"
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except ImportError:
        pass
    if _worker is None:  # spawned, not forked: nothing inherited
        _worker = Pipeline(config)


def _work(batch: list[Article | ReadError | str]) -> tuple[list[Result | ReadError], dict[str, float]]:
    if _worker is None:  # set by _init_worker in every worker process
        raise EventwireError("worker process was started without a pipeline")
    _worker.timings = Timings()
    results = _worker._process_batch(batch)
    return results, dict(_worker.timings.seconds)


def extract(text: str, **options: Any) -> Result:
    """One-shot: build a pipeline and process one text (``httpx.get`` over ``Client``)."""
    return Pipeline(**options).process(text)
