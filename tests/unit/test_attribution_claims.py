"""Noun cues that name no speech are no attributions (issue #12, ``claims.py``)."""

from __future__ import annotations

import pytest


def test_attribution_noun_cue_in_another_sense_is_dropped(pipeline):
    # Without the claims rule the cue lexicon takes "demand for" as a cue here.
    text = "Farmers face growing demand for rice in Kenya this year."
    assert not [q.cue.text for q in pipeline.process(text).attributions if q.cue]


@pytest.mark.parametrize(("text", "cue"), [
    ("In a statement, the ministry said the talks would resume.", "said"),
    ("Police said two people were arrested.", "said"),
])
def test_attribution_speech_cues_stay(pipeline, text, cue):
    cues = [q.cue.text for q in pipeline.process(text).attributions if q.cue]
    assert any(cue in c for c in cues), cues


@pytest.mark.parametrize("text", [
    "Footage showed troops entering the town.",
    "They have every reason to want a deal.",
])
def test_attribution_source_that_cannot_think_is_no_attribution(pipeline, text):
    # Both are found as cues ("showed", "want") without the unthinking-source rule.
    assert not pipeline.process(text).attributions


def test_attribution_unthinking_source_with_a_clause_stays(pipeline):
    quotes = pipeline.process("The footage showed that troops had entered the town.").attributions
    assert [q.content.text for q in quotes] == ["that troops had entered the town"]
