"""The shipped JSON Schema and the offset check catch broken output."""

from __future__ import annotations

import copy

import pytest

from eventwire import schema
from eventwire.model import (
    Actor,
    Article,
    Attribution,
    Event,
    Excluded,
    Result,
    Role,
    Source,
    Span,
)

TEXT = "“We will defend you,” the official said. Iran threatens Israel."


def _result():
    article = Article(text=TEXT, id="x", excluded=(Excluded("headline", 0, 3),))
    official = Actor("a1", "the official", 22, 34, code="USA", sector="GOV", kind="person",
                     anonymous=True)
    quote = Attribution("q1", "direct", Span.of(TEXT, 0, 21),
                        Source("the official", 22, 34, actor="a1", anonymous=True),
                        Span.of(TEXT, 35, 39))
    event = Event("e1", "130", "Threaten", "THREATEN", 3, -4.4, Span.of(TEXT, 46, 55),
                  Span.of(TEXT, 41, 63), Role("a2", "IRN"), Role("a3", "ISR"))
    return Result(article, (official,), (quote,), (event,))


def test_schema_accepts_a_full_result():
    assert schema.errors(_result().to_dict()) == []


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("actors", 0, "start"), 23, "!="),
        (("events", 0, "modality"), "probably", "is not one of"),
        (("attributions", 0, "kind"), "quoted", "is not one of"),
        (("events", 0, "trigger", "end"), 999, "outside"),
        (("schema",), "eventwire/2", "was expected"),
    ],
)
def test_schema_rejects_broken_output(path, value, message):
    data = copy.deepcopy(_result().to_dict())
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    problems = schema.errors(data)
    assert any(message in p for p in problems), problems
    with pytest.raises(ValueError, match="not valid eventwire/1"):
        schema.validate(data)
