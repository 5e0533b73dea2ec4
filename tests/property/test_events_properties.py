"""Property: every event span matches the article text, on generated texts."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.config import Config
from eventwire.events import EventStage
from eventwire.model import Actor, Article

ACTORS = ["Iran", "Israel", "the United States", "Russia", "Ukraine", "France"]
VERBS = ["attacked", "threatened", "condemned", "met", "praised", "refused to negotiate with",
         "will not defend", "imposed sanctions on", "accused"]
FILLER = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)


@st.composite
def articles(draw):
    parts, actors = [], []
    for _ in range(draw(st.integers(1, 4))):
        source, target = draw(st.sampled_from(ACTORS)), draw(st.sampled_from(ACTORS))
        verb = draw(st.sampled_from(VERBS))
        prefix = "".join(parts) + draw(FILLER) + " "
        start = len(prefix)
        actors.append((source, start))
        middle = f"{source} {verb} "
        actors.append((target, start + len(middle)))
        parts = [prefix, middle, target, ". ", draw(st.sampled_from(["", "“", "\n\n"]))]
        parts = ["".join(parts)]
    return "".join(parts), actors


@pytest.fixture(scope="module")
def stage(nlp):
    return EventStage(Config(), nlp)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(articles())
def test_events_spans_match_text(nlp, stage, drawn):
    text, spans = drawn
    actors = [
        Actor(f"a{n}", text[s:s + len(name)], s, s + len(name), code=name[:3].upper())
        for n, (name, s) in enumerate(spans, start=1)
    ]
    events = stage(nlp(text), Article(text), actors, [])
    for number, event in enumerate(events, start=1):
        assert event.id == f"e{number}"
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert text[event.sentence.start:event.sentence.end] == event.sentence.text
        assert 0.0 <= event.confidence <= 1.0
        for role in (event.source, event.target):
            assert role is None or role.actor in {a.id for a in actors}
