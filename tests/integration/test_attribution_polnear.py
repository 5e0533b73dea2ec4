"""Accuracy floors on PolNeAR dev (a subset, so the test stays fast).

Skips without ``../shared/data``. The floors sit a little under what the stage
reaches on these articles (see the README for the full-dev numbers).
"""

from __future__ import annotations

import pytest

from eventwire.evaluate.attribution import evaluate_attribution

pytestmark = pytest.mark.shared

SUBSET = 20
# Measured on this subset: 0.713, 0.875, 0.778 (source accuracy 0.925).
FLOORS = {
    ("content_match", "f1"): 0.70,
    ("token", "content", "f1"): 0.86,
    ("exact", "source", "f1"): 0.76,
}


@pytest.fixture(scope="module")
def metrics(shared_data, pipeline):
    gold = shared_data / "polnear" / "dev.jsonl"
    if not gold.is_file():
        pytest.skip("PolNeAR dev.jsonl is not in ../shared/data/polnear")
    return evaluate_attribution(gold, pipeline=pipeline, limit=SUBSET)


@pytest.mark.parametrize(("path", "floor"), list(FLOORS.items()))
def test_attribution_polnear_floor(metrics, path, floor) -> None:
    value = metrics
    for key in path:
        value = value[key]
    assert value >= floor, f"{'.'.join(path)} = {value} < {floor}"


def test_attribution_polnear_source_accuracy(metrics) -> None:
    assert metrics["source_accuracy"] >= 0.91


def test_attribution_polnear_counts(metrics) -> None:
    assert metrics["articles"] == SUBSET
    assert metrics["predicted_attributions"] > 0
