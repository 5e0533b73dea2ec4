"""Properties: attribution spans index ``article.text`` exactly, on any text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.attribution.quotes import find_quotes
from eventwire.model import Article

pieces = st.sampled_from([
    "The minister", " said ", "that ", "“", "”", '"', "«", "»", "'", "‘", "’", ", ", ". ",
    "\n\n", "\r\n", "\n", "according to ", "the official", " he said.", " told reporters ",
    "Iran", "will attack", " ― Jane Doe", ": ", "é", "🇺🇸", "\u00a0", "—",
])
texts = st.lists(st.one_of(pieces, st.text(max_size=6)), max_size=40).map("".join)


@given(texts)
@settings(max_examples=300, deadline=None)
def test_attribution_properties_quotes_in_bounds(text) -> None:
    for q in find_quotes(text, headline=(0, min(len(text), 40))):
        assert 0 <= q.start < q.end <= len(text)


@given(texts)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_attribution_properties_spans_are_exact(pipeline, text) -> None:
    result = pipeline.process(Article(text=text or " "))
    text = result.article.text
    ids = [q.id for q in result.attributions]
    assert ids == [f"q{n}" for n in range(1, len(ids) + 1)]
    actor_ids = {a.id for a in result.actors} | {a.refers_to for a in result.actors}
    for q in result.attributions:
        spans = [q.content, *q.content_parts]
        spans += [s for s in (q.cue,) if s is not None]
        for span in spans:
            assert text[span.start : span.end] == span.text
            assert span.text.strip()
        if q.source is not None:
            assert text[q.source.start : q.source.end] == q.source.text
            assert q.source.actor is None or q.source.actor in actor_ids
        assert q.kind in ("direct", "indirect", "mixed")
