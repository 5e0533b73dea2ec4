"""Golden test: events on the bundled sample corpus (expected/*.json "events")."""

from __future__ import annotations

import pytest

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


# Floors a little under the measured figures (the README), as trafilatura's eval gate.
@pytest.mark.parametrize(("metric", "floor"), [
    ("recall", 0.80), ("root_accuracy", 0.80), ("source_accuracy", 0.65),
    ("target_accuracy", 0.45), ("modality_accuracy", 0.80), ("negated_accuracy", 0.90),
    ("claimed_accuracy", 0.85),
])
def test_events_samples_floor(metrics, metric, floor):
    assert metrics[metric] >= floor, metrics
