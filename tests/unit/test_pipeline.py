"""The pipeline runs every stage and keeps input order."""

from __future__ import annotations

import pytest

import eventwire
from eventwire import schema
from eventwire.errors import ReadError
from eventwire.model import Article, Result


def test_pipeline_process_returns_valid_result(pipeline):
    result = pipeline.process("Iran threatened Israel on Monday, officials in Jerusalem said.")
    assert isinstance(result, Result)
    schema.validate(result.to_dict())


def test_pipeline_process_many_keeps_order_and_passes_errors(pipeline):
    items = [
        Article(text="Kenya sent aid to Somalia.", id="k"),
        ReadError("bad.txt", "binary content"),
        "France and Germany met in Paris.",
        Article(text="Chad and Niger agreed to patrol.", id=3),
    ]
    out = list(pipeline.process_many(items))
    assert [type(o).__name__ for o in out] == ["Result", "ReadError", "Result", "Result"]
    assert [o.article.key for o in out if isinstance(o, Result)][::2] == ["k", 3]


@pytest.mark.slow
def test_pipeline_process_many_in_two_processes_matches_one(pipeline):
    texts = [f"Article {i}: Kenya sent aid to Somalia, officials said." for i in range(40)]
    one = [r.to_dict() for r in pipeline.process_many(texts, n_process=1)]
    two = [r.to_dict() for r in pipeline.process_many(texts, n_process=2)]
    assert one == two


def test_pipeline_stage_failure_is_reported_not_raised(pipeline, monkeypatch):
    def boom(*args):
        raise RuntimeError("stage broke")

    monkeypatch.setattr(pipeline, "events", boom)
    out = list(pipeline.process_many([Article(text="Mali and Niger met.", origin="x.txt")]))
    assert isinstance(out[0], ReadError)
    assert "x.txt" in str(out[0])
    assert "stage broke" in str(out[0])


def test_pipeline_public_api_is_pinned():
    assert sorted(eventwire.__all__) == sorted([
        "Actor", "Article", "Attribution", "Config", "Event", "Pipeline", "Result", "Span",
        "__version__", "errors", "extract", "read",
    ])


def test_pipeline_unknown_model_names_what_was_tried():
    with pytest.raises(eventwire.errors.ModelNotFound, match="no_such_model"):
        eventwire.Pipeline(model="no_such_model")


def test_pipeline_skips_captions_but_reads_headline(pipeline, fixtures):
    article = next(eventwire.read([fixtures / "plain.txt"]))
    result = pipeline.process(article)
    kinds = {e.kind for e in result.article.excluded}
    assert {"headline", "byline", "caption", "credit", "dateline"} <= kinds
    skipped = [e for e in result.article.excluded if e.kind != "headline"]
    for actor in result.actors:
        assert not any(e.start <= actor.start < e.end for e in skipped)
