"""``eventwire evaluate attribution`` on a tiny invented gold file."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

TEXT = "Talks resume\n\nThe minister said that the border would reopen on Monday."


@pytest.fixture
def gold(tmp_path):
    start = TEXT.index("that")
    record = {
        "id": "a1", "text": TEXT,
        "attributions": [{
            "source": [[TEXT.index("The minister"), TEXT.index("The minister") + 12]],
            "cue": [[TEXT.index("said"), TEXT.index("said") + 4]],
            "content": [[start, len(TEXT) - 1]],
        }],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_attribution_cli_json(gold) -> None:
    result = CliRunner().invoke(app, ["evaluate", "attribution", "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["content_match"]["f1"] == 1.0
    assert metrics["exact"]["source"]["f1"] == 1.0


def test_attribution_cli_table(gold) -> None:
    result = CliRunner().invoke(app, ["evaluate", "attribution", "--gold", str(gold), "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "content_match.f1" in result.stdout


def test_attribution_cli_missing_gold(tmp_path) -> None:
    result = CliRunner().invoke(app, ["evaluate", "attribution", "--gold", str(tmp_path / "no.jsonl")])
    assert result.exit_code == 1
