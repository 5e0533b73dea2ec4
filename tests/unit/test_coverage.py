"""``eventwire evaluate coverage`` and the coverage figures (issue #12)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.evaluate.coverage import coverage


def _record(events, attributions=(), actors=()):
    return {"schema": "eventwire/1", "article": {"id": "x", "text": ""}, "actors": list(actors),
            "attributions": list(attributions), "events": list(events)}


def test_coverage_counts_roles_sources_and_evidence():
    actors = [{"id": "a1", "code": "USA", "evidence": "apposition"}, {"id": "a2", "code": None}]
    events = [{"source": {"code": "USA"}, "target": {"code": "ISR"}},
              {"source": {"code": "USA"}, "target": None},
              {"source": None, "target": {"code": None}}]
    quotes = [{"source": {"actor": "a1"}}, {"source": {"actor": "a2"}}, {"source": None}]
    figures = coverage([_record(events, quotes, actors)])
    assert figures["articles"] == 1
    assert (figures["events"]["both"], figures["events"]["one"], figures["events"]["none"]) == (1, 1, 1)
    assert figures["events"]["both_share"] == round(1 / 3, 4)
    assert (figures["attributions"]["coded"], figures["attributions"]["uncoded"]) == (1, 2)
    assert figures["actors"]["evidence"] == {"apposition": 1, "none": 1}


def test_coverage_of_nothing_has_no_shares():
    figures = coverage([])
    assert figures["events"]["n"] == 0
    assert figures["events"]["both_share"] is None


def test_coverage_cli_reads_output_and_extracts_input(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps(_record([{"source": {"code": "USA"}, "target": {"code": "ISR"}}])) + "\n")
    text = tmp_path / "story.txt"
    text.write_text("Israel attacked Hamas on Monday, the army said.", encoding="utf-8")
    runner = CliRunner()
    done = runner.invoke(app, ["evaluate", "coverage", str(out), "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["events"]["both"] == 1
    done = runner.invoke(app, ["evaluate", "coverage", str(out), str(text), "--json"])
    assert done.exit_code == 0, done.output
    figures = json.loads(done.stdout)
    assert figures["articles"] == 2
    assert figures["events"]["n"] >= 2


def test_coverage_cli_names_a_broken_line(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps(_record([])) + "\n{not json\n")
    done = CliRunner().invoke(app, ["evaluate", "coverage", str(out)])
    assert done.exit_code == 1
    assert "out.jsonl:2" in done.output


def test_coverage_cli_names_a_line_that_is_not_utf8(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(json.dumps(_record([])).encode() + b"\n" + b'{"schema": "\xff"}\n')
    done = CliRunner().invoke(app, ["evaluate", "coverage", str(out)])
    assert done.exit_code == 1
    assert "out.jsonl:2" in done.output
