"""PETRARCH unit tests as an actor check: expected source/target codes found among the
sentence's actors, with each record's date choosing date-restricted codes."""

from __future__ import annotations

import pytest

from eventwire.evaluate import baselines
from eventwire.evaluate.actors import evaluate_actors


@pytest.fixture(scope="module")
def metrics(shared_data):
    path = shared_data / "petrarch" / "unit_tests.jsonl"
    if not path.is_file():
        pytest.skip("PETRARCH unit tests not in ../shared/data")
    return evaluate_actors(path)


def test_actors_petrarch_unit_test_codes(metrics):
    assert metrics["format"] == "petrarch"
    assert metrics["expected_codes"] == 597
    assert baselines.below_floor(metrics, baselines.get("actors-petrarch-unit-tests")) == []


def test_actors_petrarch_date_records_all_found(metrics):
    missed = {m["id"] for m in metrics["misses"]}
    assert not {i for i in missed if i.startswith("DATE-")}
