"""Accuracy floors for event coding on ../shared data (PLOVER dev, PETRARCH unit tests)."""

from __future__ import annotations

import pytest

from eventwire.evaluate import baselines
from eventwire.evaluate.events import evaluate_events, evaluate_petrarch

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def plover(shared_data, pipeline):
    return evaluate_events(shared_data / "plover" / "dev.jsonl", pipeline=pipeline)


@pytest.fixture(scope="module")
def petrarch(shared_data):
    folder = shared_data / "petrarch"
    return evaluate_petrarch(folder / "unit_tests.jsonl", dictionaries_dir=folder / "dictionaries")


# Floors and measured figures: data/evaluate/baselines.yaml.
def test_events_plover_floor(plover):
    assert baselines.below_floor(plover, baselines.get("events-plover-dev")) == []


def test_events_petrarch_floor(petrarch):
    assert baselines.below_floor(petrarch, baselines.get("events-petrarch-unit-tests")) == []
