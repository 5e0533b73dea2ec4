"""Store round-trip keeps every span's offsets and text (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.model import Actor, Article, Attribution, Event, Result, Role, Source, Span
from eventwire.store import Store


@st.composite
def results(draw: st.DrawFn) -> Result:
    text = draw(st.text(min_size=1, max_size=200))
    n = len(text)

    def span() -> Span:
        start = draw(st.integers(0, n))
        end = draw(st.integers(start, n))
        return Span.of(text, start, end)

    actors = tuple(
        Actor(f"a{i}", s.text, s.start, s.end, code=draw(st.sampled_from(["USA", "ISR", None])))
        for i, s in enumerate(span() for _ in range(draw(st.integers(0, 3))))
    )
    quotes = []
    for i in range(draw(st.integers(0, 2))):
        source = span()
        quotes.append(Attribution(
            f"q{i}", "direct", span(), source=Source(source.text, source.start, source.end),
            cue=span(), content_parts=(span(), span()),
        ))
    events = tuple(
        Event(f"e{i}", "190", "Use conventional military force", "ASSAULT", 4, -10.0, span(),
              Span("", 0, n), source=Role(None, "USA"), target=None)
        for i in range(draw(st.integers(0, 2)))
    )
    return Result(Article(text=text, title=draw(st.none() | st.text(max_size=20))), actors,
                  tuple(quotes), events)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(result=results())
def test_store_round_trip_keeps_spans(result: Result) -> None:
    with Store(":memory:") as store:
        store.ingest([result])
        (back,) = store.results()
    text = back.article.text
    assert text == result.article.text
    spans = [*back.actors, *(e.trigger for e in back.events)]
    for quote in back.attributions:
        spans += [quote.content, quote.cue, quote.source, *quote.content_parts]
    for s in spans:
        assert text[s.start:s.end] == s.text
    assert back.actors == result.actors
    assert back.attributions == result.attributions
    assert [e.trigger for e in back.events] == [e.trigger for e in result.events]
