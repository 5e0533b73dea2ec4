"""Noun cues that name no speech are no attributions (issue #12, ``claims.py``)."""

from __future__ import annotations

import pytest


def test_attribution_noun_cue_in_another_sense_is_dropped(pipeline):
    # Without the claims rule the cue lexicon takes "demand for" as a cue here.
    text = "Farmers face growing demand for rice in Kenya this year."
    assert [q.cue.text for q in pipeline.process(text).attributions if q.cue] == []


@pytest.mark.parametrize(("text", "cue"), [
    ("In a statement, the ministry said the talks would resume.", "said"),
    ("Police said two people were arrested.", "said"),
])
def test_attribution_speech_cues_stay(pipeline, text, cue):
    cues = [q.cue.text for q in pipeline.process(text).attributions if q.cue]
    assert any(cue in c for c in cues), cues
