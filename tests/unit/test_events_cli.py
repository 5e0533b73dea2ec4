"""``eventwire evaluate events``: option checks (scoring itself is in the integration tests)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire.cli import app


@pytest.mark.parametrize("args", [[], ["--gold", "a.jsonl", "--petrarch", "b.jsonl"]])
def test_events_cli_needs_one_source(args):
    result = CliRunner().invoke(app, ["evaluate", "events", *args])
    assert result.exit_code == 1


def test_events_cli_missing_file(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", "events", "--gold", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 1


def test_events_cli_petrarch_needs_dictionaries(tmp_path):
    path = tmp_path / "unit.jsonl"
    path.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "events", "--petrarch", str(path)])
    assert result.exit_code == 1


def test_events_cli_gold_json(tmp_path, pipeline):
    path = tmp_path / "gold.jsonl"
    record = {"id": "x1", "text": "Russia attacked Ukraine.", "plover": "ASSAULT",
              "source_codes": ["RUS"], "target_codes": ["UKR"], "symmetric": False}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "events", "--gold", str(path), "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output)
    assert (metrics["type_accuracy"], metrics["triple_accuracy"]) == (1.0, 1.0)
