"""Phrase cues ("raised questions about", "is critical of") and agentless passives."""

from __future__ import annotations

import pytest

from eventwire.attribution.phrases import load_phrases
from eventwire.attribution.thresholds import THRESHOLDS


@pytest.fixture(scope="module")
def run(pipeline):
    def process(text: str):
        return pipeline.process(text).attributions

    return process


def test_attribution_phrases_table_loads() -> None:
    table = load_phrases()
    assert len(table) > 50
    assert all(len(key) >= 2 for key in table)
    assert all(0.0 <= rate <= 1.0 and cues >= 1 for cues, rate in table.values())
    assert any(rate >= THRESHOLDS.min_phrase_rate for _, rate in table.values())


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The senator is doubling down on her attacks against the trade deal.",
         "doubling down on", "The senator", "her attacks against the trade deal"),
        ("The governor has long been critical of the new pipeline.",
         "been critical of", "The governor", "the new pipeline"),
        ("The union made clear that it would not accept the offer.",
         "made clear", "The union", "that it would not accept the offer"),
        ("The mayor pointed out that the budget had doubled.",
         "pointed out", "The mayor", "that the budget had doubled"),
    ],
)
def test_attribution_phrases_cue_source_content(run, text, cue, source, content) -> None:
    found = [q for q in run(text) if q.cue.text == cue]
    assert found, [q.to_dict() for q in run(text)]
    q = found[0]
    assert q.source is not None
    assert q.source.text == source
    assert q.content.text == content


@pytest.mark.parametrize(
    "text",
    [
        "Rockets were fired overnight in an attack on the northern town.",
        "“We will stay,” the minister said, in reference to the peace plan.",
    ],
)
def test_attribution_phrases_noun_without_holder_is_no_cue(run, text) -> None:
    assert not [q for q in run(text) if "attack on" in q.cue.text or "reference to" in q.cue.text]


def test_attribution_phrases_agentless_passive_has_no_source(run) -> None:
    text = ("The government refused to pay the fine, lest it be interpreted as "
            "accepting the ruling.")
    found = [q for q in run(text) if q.cue.text.startswith("interpreted")]
    assert found
    assert all(q.source is None for q in found)


def test_attribution_phrases_pronoun_passive_subject_is_no_content(run) -> None:
    text = "The film, which was nominated last year, opens in March."
    assert not [q for q in run(text) if q.content.text == "which"]
