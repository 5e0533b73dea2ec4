"""Accuracy floors on PolNeAR dev (a subset, so the test stays fast).

Skips without ``../shared/data``. The floors, and the figures measured on these
articles, are in ``data/evaluate/baselines.yaml`` (entry attribution-polnear-dev-first-20).
"""

from __future__ import annotations

import pytest

from eventwire.evaluate import baselines
from eventwire.evaluate.attribution import evaluate_attribution

pytestmark = pytest.mark.shared

BASELINE = baselines.get("attribution-polnear-dev-first-20")
SUBSET = BASELINE.limit


@pytest.fixture(scope="module")
def metrics(shared_data, pipeline):
    gold = shared_data / "polnear" / "dev.jsonl"
    if not gold.is_file():
        pytest.skip("PolNeAR dev.jsonl is not in ../shared/data/polnear")
    return evaluate_attribution(gold, pipeline=pipeline, limit=SUBSET)


def test_attribution_polnear_floor(metrics) -> None:
    assert baselines.below_floor(metrics, BASELINE) == []


def test_attribution_polnear_counts(metrics) -> None:
    assert metrics["articles"] == SUBSET
    assert metrics["predicted_attributions"] > 0
