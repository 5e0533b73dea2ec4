"""The accuracy baselines file: readable, and the checks built on it can fail."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.evaluate import baselines


def test_baselines_every_floor_sits_at_or_under_its_measured_figure() -> None:
    loaded = baselines.load()
    assert "events-plover-dev" in loaded
    for baseline in loaded.values():
        assert baseline.command.startswith("eventwire evaluate ")
        for path, (measured, floor) in baseline.metrics.items():
            assert 0 <= floor <= measured <= 1, (baseline.name, path)


def test_baselines_below_floor_names_the_metric() -> None:
    baseline = baselines.Baseline("x", "gold.jsonl", "eventwire evaluate events", {"a.f1": (0.8, 0.7), "b": (0.5, 0.4)})
    assert baselines.below_floor({"a": {"f1": 0.75}, "b": 0.4}, baseline) == []
    problems = baselines.below_floor({"a": {"f1": 0.69}}, baseline)
    assert problems == ["x: a.f1 = 0.69 < floor 0.7 (measured 0.8)", "x: b = None < floor 0.4 (measured 0.5)"]


def test_baselines_for_gold_matches_path_subset_and_metrics(tmp_path) -> None:
    gold = tmp_path / "data" / "plover" / "dev.jsonl"
    events = {"type_accuracy": 0.8, "triple_accuracy": 0.6, "precision": 0.5}
    actors = {"source_accuracy": 0.9, "target_accuracy": 0.9}
    assert baselines.for_gold(gold, metrics=events).name == "events-plover-dev"
    assert baselines.for_gold(gold, metrics=actors).name == "actors-plover-dev"
    assert baselines.for_gold(tmp_path / "other.jsonl", metrics=events) is None
    polnear = {"content_match": {"f1": 0.7}, "token": {"content": {"f1": 0.8}},
               "exact": {"source": {"f1": 0.7}}, "source_accuracy": 0.9}
    assert baselines.for_gold(tmp_path / "polnear/dev.jsonl", metrics=polnear, limit=20).limit == 20
    assert baselines.for_gold(tmp_path / "polnear/dev.jsonl", metrics=polnear, limit=7) is None


def test_baselines_unknown_name_is_a_data_file_error() -> None:
    with pytest.raises(DataFileError, match="no baseline named"):
        baselines.get("nothing-like-this")
