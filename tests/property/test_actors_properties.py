"""Property: every actor span matches its offsets, whatever the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = ["Israel", "the US", "a senior American official", "said", "Iran", "IAF", "“", "”",
         "Turkish police", "the official", "NATO", "Jordan", "and", ".", ",", "\n\n", "U.S.",
         "Hamas militants", "Washington", "attacked", "Carter", "é", "  ", "Kremlin"]


@pytest.fixture(scope="module")
def pipe(pipeline):
    return pipeline


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
def test_actors_properties_spans_match_text(pipe, words):
    text = " ".join(words)
    result = pipe.process(text)
    ids = {a.id for a in result.actors}
    for actor in result.actors:
        assert result.article.text[actor.start : actor.end] == actor.text
        assert actor.refers_to is None or actor.refers_to in ids
