"""Golden test: events on the bundled sample corpus (expected/*.json "events")."""

from __future__ import annotations

import pytest

from eventwire.evaluate import baselines
from eventwire.evaluate.events import evaluate_event_samples
from eventwire.lexicons import data_path

SAMPLE = data_path("sample")
HAS_GOLD = any(
    '"events"' in p.read_text(encoding="utf-8") for p in (SAMPLE / "expected").glob("*.json")
) if (SAMPLE / "expected").is_dir() else False


@pytest.fixture(scope="module")
def metrics(pipeline):
    if not HAS_GOLD:
        pytest.skip("no sample expected files with events yet")
    return evaluate_event_samples(pipeline=pipeline)


# Floors and measured figures: data/evaluate/baselines.yaml.
def test_events_samples_floor(metrics):
    assert baselines.below_floor(metrics, baselines.get("events-sample")) == []
