"""The benchmark: one JSON object with sane figures (no timing assertions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.bench import load_articles, run_bench
from eventwire.cli import app
from eventwire.errors import EventwireError
from eventwire.pipeline import STAGES

KEYS = {"spacy_wps", "eventwire_wps", "ratio", "peak_rss_mb", "stages", "articles", "words",
        "spacy_aps", "eventwire_aps", "ingest_aps", "ingest_vs_extract", "n_process", "batch_size",
        "spacy_startup_seconds", "eventwire_startup_seconds", "spacy_wall_wps", "eventwire_wall_wps",
        "ratio_wall"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bench")
    lines = [
        {"id": str(i), "text": f"Iran threatened Israel on day {i}. Kenya sent aid to Somalia, officials said."}
        for i in range(6)
    ]
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def report(corpus: Path) -> dict:
    return run_bench([corpus], n=4)


def test_bench_report_has_the_documented_keys(report: dict) -> None:
    assert report.keys() >= KEYS


@pytest.mark.parametrize("key", ["spacy_wps", "eventwire_wps", "spacy_aps", "eventwire_aps", "ratio",
                                 "peak_rss_mb", "ingest_aps"])
def test_bench_figures_are_positive(report: dict, key: str) -> None:
    assert report[key] > 0


def test_bench_counts_the_requested_articles(report: dict) -> None:
    assert report["articles"] == 4
    assert report["words"] == 4 * 13
    assert report["failed"] == 0


def test_bench_stage_shares_sum_to_one(report: dict) -> None:
    assert set(report["stages"]) == set(STAGES)
    assert sum(report["stages"].values()) == pytest.approx(1.0, abs=0.01)
    assert 0 < report["ingest_vs_extract"] <= 1


@pytest.mark.parametrize("n", [1, 3])
def test_bench_load_articles_takes_first_n(corpus: Path, n: int) -> None:
    assert [a.id for a in load_articles([corpus], n=n)] == [str(i) for i in range(n)]


def test_bench_empty_corpus_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EventwireError, match="no readable articles"):
        load_articles([tmp_path / "missing.txt"])


def test_bench_cli_prints_json(corpus: Path) -> None:
    result = CliRunner().invoke(app, ["bench", str(corpus), "--n", "2", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data.keys() >= KEYS
    assert data["articles"] == 2


@pytest.mark.parametrize("side", ["spacy", "eventwire"])
def test_bench_one_process_has_no_startup(report: dict, side: str) -> None:
    assert report[f"{side}_startup_seconds"] == 0
    assert report[f"{side}_wps"] == report[f"{side}_wall_wps"]


@pytest.fixture(scope="module")
def two(corpus: Path) -> dict:
    return run_bench([corpus], n=6, n_process=2, batch_size=1)


@pytest.mark.slow
@pytest.mark.parametrize("side", ["spacy", "eventwire"])
def test_bench_two_processes_report_startup_apart(two: dict, side: str) -> None:
    assert two["n_process"] == 2
    assert two[f"{side}_startup_seconds"] > 0  # worker start measured, not hidden
    assert two[f"{side}_wps"] >= two[f"{side}_wall_wps"]
