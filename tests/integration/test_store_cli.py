"""``eventwire ingest/query/sql/export`` end to end, and a kill -9 in the middle of an ingest."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.store import Store

runner = CliRunner()

# A child process that ingests hand-built results slowly, reporting each commit in a file.
WRITER = r'''
import sys, time
from pathlib import Path
from eventwire.model import Actor, Article, Event, Result, Role, Span
from eventwire.store import Store

db, progress, count, pause = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])

def results():
    for i in range(count):
        text = "Iran attacked Israel. " + " ".join(f"story{i}word{j}" for j in range(60))
        actors = (Actor("a1", "Iran", 0, 4, code="IRN"), Actor("a2", "Israel", 14, 20, code="ISR"))
        event = Event("e1", "190", "Use conventional military force", "ASSAULT", 4, -10.0,
                      Span.of(text, 5, 13), Span.of(text, 0, 21), source=Role("a1", "IRN"),
                      target=Role("a2", "ISR"))
        time.sleep(pause)
        yield Result(Article(text=text, id=str(i)), actors, (), (event,))

with Store(db) as store:
    store.ingest(results(), commit_every=3,
                 on_commit=lambda r: progress.write_text(str(r.added)))
'''

TABLE_COLUMNS = {
    "articles": "article_key, id, text, duplicate_of",
    "actors": "article_key, actor_id, text, start_char, end_char, code",
    "events": "global_id, article_key, event_id, cameo, source_code, target_code, trigger_start",
}


def _rows(db: Path) -> dict[str, list[tuple]]:
    with Store(db, read_only=True) as store:
        return {t: sorted(store.sql(f"SELECT {c} FROM {t}").fetchall()) for t, c in TABLE_COLUMNS.items()}


def _write(db: Path, progress: Path, *, count: int, pause: float) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(progress), str(count), str(pause)])


def test_store_cli_kill_9_then_rerun_equals_one_clean_run(tmp_path: Path) -> None:
    clean = tmp_path / "clean.duckdb"
    _write(clean, tmp_path / "clean.progress", count=20, pause=0).wait(timeout=120)
    killed, progress = tmp_path / "killed.duckdb", tmp_path / "killed.progress"
    child = _write(killed, progress, count=20, pause=0.1)
    deadline = time.monotonic() + 60
    while not (progress.exists() and int(progress.read_text() or 0) >= 6) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    partial = _rows(killed)
    assert 6 <= len(partial["articles"]) < 20
    assert len(partial["events"]) == len(partial["articles"])  # whole articles only
    _write(killed, progress, count=20, pause=0).wait(timeout=120)
    assert _rows(killed) == _rows(clean)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "a.txt").write_text(
        "Iran threatened Israel on Monday, officials said. Kenya sent aid to Somalia.", encoding="utf-8")
    (folder / "b.jsonl").write_text(
        json.dumps({"id": "b1", "published": "2024-05-01", "text": "Egypt hosted talks with Qatar "
                    "about a ceasefire in Gaza, a spokesman for the ministry said on Tuesday."}) + "\n"
        + "{not json}\n",
        encoding="utf-8",
    )
    (folder / "c.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe")
    return folder


@pytest.fixture(scope="module")
def db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "corpus.duckdb"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(path)])
    assert result.exit_code == 2, result.output  # some inputs were bad, the rest went in
    assert "added 2 articles" in result.stderr
    assert "b.jsonl:2" in result.stderr
    return path


def test_store_cli_ingest_twice_adds_nothing(db: Path, corpus: Path) -> None:
    before = _rows(db)
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert "added 0 articles" in result.stderr
    assert "2 already stored" in result.stderr
    assert _rows(db) == before
    with Store(db, read_only=True) as store:
        assert store.counts()["errors"] == 2


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_store_cli_query_actors_formats(db: Path, fmt: str) -> None:
    result = runner.invoke(app, ["query", "actors", "--db", str(db), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        codes = {row["code"] for row in json.loads(result.stdout)}
        assert {"IRN", "ISR"} <= codes


@pytest.mark.parametrize("command", [
    ["query", "events", "--source", "USA' OR '1'='1", "--format", "json"],
    ["query", "quotes", "--source", "x'; DROP TABLE attributions; --", "--format", "json"],
    ["query", "dyads", "--by", "month", "--target", "ISR\" OR 1=1", "--format", "json"],
])
def test_store_cli_filters_are_data(db: Path, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    assert len(_rows(db)["articles"]) == 2


def test_store_cli_sql_reads_and_refuses_writes(db: Path) -> None:
    ok = runner.invoke(app, ["sql", "SELECT count(*) AS n FROM articles", "--db", str(db), "--format", "json"])
    assert json.loads(ok.stdout) == [{"n": 2}]
    refused = runner.invoke(app, ["sql", "DELETE FROM articles", "--db", str(db)])
    assert refused.exit_code == 1
    assert "read-only" in refused.stderr
    assert len(_rows(db)["articles"]) == 2


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl", "gdelt"])
def test_store_cli_export(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists()


def test_store_cli_export_articles_parquet_reads_back(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "articles.parquet"
    runner.invoke(app, ["export", "--db", str(db), "--table", "articles", "--out", str(out)])
    assert len(pd.read_parquet(out)) == 2


@pytest.mark.parametrize("command", [["query", "actors"], ["sql", "SELECT 1"], ["export"]])
def test_store_cli_missing_database_is_one_clear_line(tmp_path: Path, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no such database" in result.stderr


def test_store_cli_corrupted_database_is_one_clear_line(tmp_path: Path, corpus: Path) -> None:
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"garbage" * 1000)
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(bad)])
    assert result.exit_code == 1
    assert "corrupted" in result.stderr
    assert bad.read_bytes() == b"garbage" * 1000


QUOTED = (
    "WASHINGTON — The United States would defend Israel if Iran attacked it, Secretary of State "
    "Antony Blinken said on Monday. \"We will not hesitate to strike,\" the Israeli army said in a "
    "statement. Iran denied it had fired missiles at Israel."
)

#: Events inside a quote of a speaker with this code (or code+sector), worked out by a join.
CLAIMED_SQL = """
    SELECT e.global_id FROM events e JOIN attributions q
      ON q.article_key = e.article_key AND q.attribution_id = e.attribution
    WHERE ? IN (q.source_code, q.source_code || q.source_sector) AND (? IS NULL OR e.modality = ?)
    ORDER BY 1"""


@pytest.fixture(scope="module")
def quoted_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("quoted")
    (folder / "quoted.txt").write_text(QUOTED, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(folder / "q.duckdb")])
    assert result.exit_code == 0, result.output
    return folder / "q.duckdb"


@pytest.mark.parametrize(("claimed_by", "modality"), [
    ("USA", None), ("usagov", None), ("ISRMIL", None), ("ISR", "intended"), ("IRN", "Asserted"),
])
def test_store_cli_claimed_by_and_modality_on_real_output(
    quoted_db: Path, claimed_by: str, modality: str | None,
) -> None:
    with Store(quoted_db, read_only=True) as store:
        code, wanted = claimed_by.upper(), modality.lower() if modality else None
        expected = [r[0] for r in store.sql(CLAIMED_SQL, [code, wanted, wanted]).fetchall()]
        assert store.sql("SELECT count(*) FROM events WHERE claimed_by IS NOT NULL").fetchall()[0][0] > 0
    command = ["query", "events", "--db", str(quoted_db), "--claimed-by", claimed_by, "--format", "json"]
    result = runner.invoke(app, command + (["--modality", modality] if modality else []))
    assert result.exit_code == 0, result.output
    assert sorted(row["global_id"] for row in json.loads(result.stdout)) == expected


@pytest.mark.parametrize("run", ["first", "again"])
def test_store_cli_ingest_skips_its_own_database_file(quoted_db: Path, run: str) -> None:
    # quoted_db lives in the folder it was ingested from (as with `eventwire ingest .`).
    if run == "again":
        result = runner.invoke(app, ["ingest", str(quoted_db.parent), "--db", str(quoted_db)])
        assert result.exit_code == 0, result.output
    with Store(quoted_db, read_only=True) as store:
        assert store.counts()["errors"] == 0


def test_store_cli_period_choices_follow_the_store() -> None:
    from eventwire.cli.store import Period
    from eventwire.store import PERIODS

    assert tuple(p.value for p in Period) == PERIODS


def test_store_cli_rejects_unknown_modality_naming_the_valid_ones(db: Path) -> None:
    for command in (["query", "events"], ["query", "dyads"]):
        result = runner.invoke(app, [*command, "--db", str(db), "--modality", "maybe"])
        assert result.exit_code == 1
        assert "asserted, intended, conditional, hypothetical, demanded or all" in result.output


def test_store_cli_dyads_count_what_happened_unless_asked(db: Path) -> None:
    def total(*options: str) -> int:
        result = runner.invoke(app, ["query", "dyads", "--db", str(db), "--format", "json", *options])
        assert result.exit_code == 0, result.output
        return sum(row["events"] for row in json.loads(result.stdout))

    events = json.loads(runner.invoke(app, ["query", "events", "--db", str(db), "--format", "json",
                                            "--complete", "--modality", "asserted", "--no-negated"]).stdout)
    assert total() == len(events)
    assert total("--modality", "all") >= total()
    assert total("--with-negated") == total() + total("--negated")


def test_store_cli_export_takes_short_output_option(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "-o", str(out), "--modality", "all"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("GLOBALEVENTID\t")


def test_store_cli_ingest_takes_user_dictionaries(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Freedonia attacked Sylvania on Monday.", encoding="utf-8")
    actors = tmp_path / "my_actors.tsv"
    actors.write_text("Freedonia\tFRD\t\tstate\tFreedonia\nSylvania\tSYL\t\tstate\tSylvania\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(tmp_path / "news"), "--db", str(db), "--dictionary", str(actors)])
    assert result.exit_code == 0, result.output
    rows = json.loads(runner.invoke(app, ["query", "events", "--db", str(db), "--format", "json"]).stdout)
    assert {(r["source_code"], r["target_code"]) for r in rows} == {("FRD", "SYL")}
    missing = runner.invoke(app, ["ingest", str(tmp_path / "news"), "--db", str(db), "--verbs", "nope.txt"])
    assert missing.exit_code == 1
