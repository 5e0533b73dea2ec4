"""Event coding on the invented gold sets (project fixtures, tests/fixtures/*.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluate import baselines
from eventwire.evaluate.events import evaluate_events

FIXTURES = Path(__file__).parents[1] / "fixtures"


# Floors and measured figures: data/evaluate/baselines.yaml; sets 2 and 3 were never used to
# write rules.
@pytest.mark.parametrize(("name", "baseline"), [
    ("events_invented_gold.jsonl", "events-invented-gold"), ("events_invented_gold_2.jsonl", "events-invented-gold-2"),
    ("events_invented_gold_3.jsonl", "events-invented-gold-3"),
])
def test_events_invented_gold_floor(pipeline, name, baseline):
    metrics = evaluate_events(FIXTURES / name, pipeline=pipeline)
    assert baselines.below_floor(metrics, baselines.get(baseline)) == []
