"""Regression tests for the hostile inputs of issue #10: no input stops a batch, no
query reads the machine, no article eats the memory, no export breaks its reader."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire import pieces
from eventwire.cli.app import app
from eventwire.config import Config
from eventwire.errors import ReadError
from eventwire.io import read
from eventwire.model import Article, Result
from eventwire.pipeline import Pipeline
from eventwire.store import Store
from store_fixtures import make_result

runner = CliRunner()

GOOD = [f"Iran attacked Israel on day {i}. Officials in Tehran said the strike hit a base." for i in range(12)]
SURROGATE = '{"id":"s","text":"Iran said \\ud800 Israel attacked."}'
SURROGATE_TITLE = '{"id":"t","title":"Bad \\udc00 title","text":"Egypt hosted talks with Qatar."}'
NESTED = '{"a":' * 50_000 + "1" + "}" * 50_000
BAD_LINES = [SURROGATE, SURROGATE_TITLE, NESTED, '{"text": "\\u00a0\\u3000\\u200b\\ufeff"}', '{"text": 5}', "{oops"]


def _mixed_jsonl(path: Path) -> Path:
    lines = []
    for i, text in enumerate(GOOD):
        lines.append(json.dumps({"id": f"g{i}", "text": text}))
        lines.append(BAD_LINES[i % len(BAD_LINES)])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("line", BAD_LINES)
def test_hardening_reader_names_or_repairs_each_bad_line(tmp_path: Path, line: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    (item,) = list(read([path]))
    if isinstance(item, ReadError):
        assert item.line == 1
        assert str(path) in str(item)
    else:  # a lone surrogate is repaired to U+FFFD, same length, with a warning
        assert "\ufffd" in item.text + (item.title or "")
        assert item.warnings
        assert "\ud800" not in item.text


def test_hardening_extract_gets_every_good_article_past_bad_lines(tmp_path: Path) -> None:
    path = _mixed_jsonl(tmp_path / "mixed.jsonl")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(path), "-o", str(out)])
    assert result.exit_code == 2, result.output
    ids = {json.loads(line)["article"]["id"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert {f"g{i}" for i in range(len(GOOD))} <= ids
    assert {"s", "t"} <= ids  # repaired, not lost


def test_hardening_ingest_gets_every_good_article_past_bad_lines(tmp_path: Path) -> None:
    path = _mixed_jsonl(tmp_path / "mixed.jsonl")
    db = tmp_path / "c.duckdb"
    for _ in range(2):  # a rerun passes the same bad lines again, and adds nothing
        result = runner.invoke(app, ["ingest", str(path), "--db", str(db)])
        assert result.exit_code == 2, result.output
    with Store(db, read_only=True) as store:
        ids = {row[0] for row in store.sql("SELECT id FROM articles").fetchall()}
        errors = store.sql("SELECT count(*) FROM errors").fetchall()[0][0]
    assert {f"g{i}" for i in range(len(GOOD))} | {"s", "t"} <= ids
    assert errors >= 4


def test_hardening_pipeline_guards_a_broken_spacy_pass(pipeline: Pipeline, monkeypatch) -> None:
    original = pipeline.nlp.__call__

    def breaking(text, *args, **kwargs):
        if "poison" in text:
            raise ValueError("tokenizer exploded")
        return original(text, *args, **kwargs)

    monkeypatch.setattr(pipeline, "nlp", _Wrapped(pipeline.nlp, breaking))
    out = list(pipeline.process_many(["Iran attacked Israel.", Article(text="a poison text", origin="p:3"),
                                      "Egypt hosted talks."]))
    assert [type(x).__name__ for x in out] == ["Result", "StageFailure", "Result"]
    assert out[1].origin == "p:3"
    assert out[1].stage == "nlp"  # a crash, told apart from bad input
    assert "tokenizer exploded" in out[1].message


def test_hardening_stage_crash_is_its_own_error_kind(pipeline: Pipeline, monkeypatch) -> None:
    from eventwire.errors import StageError

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(pipeline, "events", broken)
    out = list(pipeline.process_many([Article(text="Iran attacked Israel.", origin="crash.txt")]))
    assert type(out[0]).__name__ == "StageFailure"
    assert (out[0].origin, out[0].stage) == ("crash.txt", "events")
    assert str(out[0]).startswith("crash.txt: processing failed in the events stage: KeyError")
    # One article asked for: the crash leaves as an EventwireError naming article and stage.
    with pytest.raises(StageError, match="events stage") as caught:
        pipeline.process(Article(text="Iran attacked Israel.", origin="crash.txt"))
    assert caught.value.origin == "crash.txt"
    assert isinstance(caught.value.__cause__, KeyError)


class _Wrapped:
    """An nlp whose pipe() fails for the whole batch if one text is bad, as spaCy's does."""

    def __init__(self, nlp, call) -> None:
        self._nlp, self._call = nlp, call

    def __call__(self, text):
        return self._call(text)

    def pipe(self, texts, **kwargs):
        for text in texts:
            yield self._call(text)


@pytest.mark.parametrize("data", [
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\nxx",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>",
])
def test_hardening_damaged_warc_is_named(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(data)
    items = list(read([path]))
    assert items
    assert all(isinstance(i, ReadError) and str(path) in str(i) for i in items)


def test_hardening_truncated_warc_gz_is_named(tmp_path: Path) -> None:
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    html = b"<html><body><article><p>" + b"Iran attacked Israel on Monday. " * 40 + b"</p></article></body></html>"
    from warcio.statusandheaders import StatusAndHeaders

    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
    writer.write_record(writer.create_warc_record("https://x.org/a", "response", payload=io.BytesIO(html),
                                                  http_headers=headers))
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    items = list(read([path]))
    assert items
    assert all(isinstance(i, ReadError) and str(path) in str(i) for i in items)
    assert gzip  # the archive above is gzip-compressed per record


@pytest.mark.parametrize("text", ["\u00a0\u00a0", "\u3000\n\u3000", "\u200b\u200c\u200d\ufeff", " \t\n "])
def test_hardening_invisible_text_is_empty(tmp_path: Path, text: str) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(text, encoding="utf-8")
    (item,) = list(read([path]))
    assert isinstance(item, ReadError)
    assert "empty" in item.message


def test_hardening_undecodable_file_name_is_printable(tmp_path: Path) -> None:
    name = tmp_path / Path(b"bad\xff.txt".decode("utf-8", "surrogateescape"))
    name.write_text("Iran attacked Israel.", encoding="utf-8")
    (item,) = list(read([name]))
    assert "\\xff" in item.origin
    item.origin.encode("utf-8")  # never raises


@pytest.mark.parametrize("query", [
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM read_blob('/proc/self/environ')",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM glob('/root/**')",
    "SELECT * FROM read_csv('https://example.org/x.csv')",
])
def test_hardening_sql_cannot_read_the_machine(filled_db: Path, query: str) -> None:
    result = runner.invoke(app, ["sql", query, "--db", str(filled_db)])
    assert result.exit_code == 1
    assert "root:" not in result.output
    assert "disabled" in result.output


def test_hardening_sql_still_reads_the_store(filled_db: Path) -> None:
    result = runner.invoke(app, ["sql", "SELECT count(*) AS n FROM events", "--db", str(filled_db),
                                 "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["n"] == 2


def test_hardening_sql_has_a_time_limit(filled_db: Path) -> None:
    result = runner.invoke(app, ["sql", "SELECT * FROM range(100000000000) ORDER BY 1 DESC",
                                 "--db", str(filled_db), "--timeout", "1"])
    assert result.exit_code == 1
    assert "time limit" in result.output


def test_hardening_sql_has_a_memory_limit(filled_db: Path) -> None:
    result = runner.invoke(app, ["sql", "SELECT list(range) FROM range(200000000)",
                                 "--db", str(filled_db), "--memory", "100MB", "--timeout", "60"])
    assert result.exit_code == 1
    assert "memory" in result.output


def test_hardening_sql_bad_memory_option_is_named(filled_db: Path) -> None:
    result = runner.invoke(app, ["sql", "SELECT 1", "--db", str(filled_db), "--memory", "bogus"])
    assert result.exit_code == 1
    assert "--memory" in result.output


def test_hardening_sql_settings_are_locked(filled_db: Path) -> None:
    result = runner.invoke(app, ["sql", "SELECT * FROM duckdb_settings() WHERE name = 'enable_external_access'",
                                 "--db", str(filled_db), "--format", "json"])
    assert json.loads(result.stdout)[0]["value"] == "false"


@pytest.fixture
def filled_db(tmp_path: Path) -> Path:
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.ingest([make_result()])
    return db


@pytest.mark.parametrize("command", [["query", "events"], ["sql", "SELECT * FROM events"],
                                     ["export", "--out", "x.parquet"], ["ingest", "in.txt"]])
def test_hardening_truncated_database_is_one_line(tmp_path: Path, filled_db: Path, command, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.txt").write_text("Iran attacked Israel.", encoding="utf-8")
    data = filled_db.read_bytes()
    filled_db.write_bytes(data[: len(data) // 2])
    result = runner.invoke(app, [*command, "--db", str(filled_db)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert len(result.output.strip().splitlines()) == 1
    assert str(filled_db) in result.output


@pytest.mark.parametrize("command", [["query", "events"], ["sql", "SELECT 1"], ["ingest", "in.txt"]])
def test_hardening_foreign_file_as_database_is_one_line(tmp_path: Path, command, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.txt").write_text("Iran attacked Israel.", encoding="utf-8")
    db = tmp_path / "notes.duckdb"
    db.write_bytes(b"these are my notes, not a database\n" * 200)
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert len(result.output.strip().splitlines()) == 1


# A child that ingests while it may write at most a few hundred kB (RLIMIT_FSIZE), as a disk
# that fills up mid-run: it must fail with one line and exit 1, never claim success.
FULL_DISK = r'''
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
from eventwire.cli import main
limit = int(sys.argv[3])
sys.argv = ["eventwire", "ingest", sys.argv[1], "--db", sys.argv[2]]
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
main()
'''


def test_hardening_full_disk_is_one_line_and_exit_1(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": str(i), "text": t * 40}) for i, t in enumerate(GOOD)) + "\n",
                      encoding="utf-8")
    db = tmp_path / "c.duckdb"
    done = subprocess.run([sys.executable, "-c", FULL_DISK, str(corpus), str(db), "300000"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "disk full" in done.stderr or "could not write" in done.stderr


def _store_with(tmp_path: Path, **article_fields: str) -> Path:
    """A store of one invented article whose metadata fields are replaced."""
    db = tmp_path / "c.duckdb"
    base = make_result()
    article = base.article.with_changes(**article_fields)
    with Store(db) as store:
        store.ingest([Result(article, base.actors, base.attributions, base.events)])
    return db


def test_hardening_gdelt_rows_are_one_line_each(tmp_path: Path) -> None:
    db = _store_with(tmp_path, url="https://x.org/a\tb\nc\r\nd\u2028e\x85f\x0bg\x1ch", id="id\twith\ntabs\u2029")
    out = tmp_path / "events.tsv"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "--out", str(out),
                                 "--modality", "all"])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()  # every break Python knows
    assert len(lines) == 3  # header and two events
    assert len({line.count("\t") for line in lines}) == 1


def test_hardening_csv_formulas_are_escaped(tmp_path: Path) -> None:
    db = _store_with(tmp_path, title="=HYPERLINK(\"http://evil\",\"x\")", url="@SUM(A1)")
    out = tmp_path / "a.csv"
    assert runner.invoke(app, ["export", "--db", str(db), "--table", "articles", "--format", "csv",
                               "--out", str(out)]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text
    assert "'@SUM" in text
    raw = tmp_path / "raw.csv"
    runner.invoke(app, ["export", "--db", str(db), "--table", "articles", "--format", "csv",
                        "--out", str(raw), "--no-escape-formulas"])
    assert "'=HYPERLINK" not in raw.read_text(encoding="utf-8")


def test_hardening_export_keeps_an_existing_file(tmp_path: Path, filled_db: Path) -> None:
    out = tmp_path / "mine.parquet"
    out.write_text("precious", encoding="utf-8")
    result = runner.invoke(app, ["export", "--db", str(filled_db), "--out", str(out)])
    assert result.exit_code == 1
    assert "--force" in result.output
    assert out.read_text(encoding="utf-8") == "precious"
    assert runner.invoke(app, ["export", "--db", str(filled_db), "--out", str(out), "--force"]).exit_code == 0


@pytest.mark.parametrize("limit", [7, 40, 200])
def test_hardening_pieces_cover_the_text(limit: int) -> None:
    text = ("Iran attacked Israel.\n\n" * 30) + ("word " * 300) + "\n\nEnd."
    cuts = pieces.bounds(text, limit)
    assert "".join(text[a:b] for a, b in cuts) == text
    assert all(b - a <= limit for a, b in cuts)


def test_hardening_long_article_in_pieces_keeps_offsets_exact(pipeline: Pipeline) -> None:
    paragraph = ('Iran attacked Israel on Monday. "We will respond," an Israeli official said. '
                 "Egypt condemned the strike.")
    text = "\n\n".join([paragraph] * 12)
    whole = pipeline.process(text)
    small = Pipeline(Config(piece_chars=len(paragraph) * 3 + 10))
    cut = small.process(text)
    assert len(cut.events) == len(whole.events)
    assert len(cut.attributions) == len(whole.attributions)
    for span in [*(e.trigger for e in cut.events), *(q.content for q in cut.attributions)]:
        assert text[span.start:span.end] == span.text
    assert [a.id for a in cut.actors] == [f"a{n}" for n in range(1, len(cut.actors) + 1)]
    ids = {a.id for a in cut.actors}
    assert all(e.source is None or e.source.actor is None or e.source.actor in ids for e in cut.events)
    quotes = {q.id for q in cut.attributions}
    assert all(e.attribution is None or e.attribution in quotes for e in cut.events)


def test_hardening_sentence_without_punctuation_is_split(nlp) -> None:
    from eventwire.nlp import MAX_SENTENCE_TOKENS

    doc = nlp(" ".join(["word"] * (MAX_SENTENCE_TOKENS * 3)))
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS


def test_hardening_unwritable_result_is_named_not_written() -> None:
    from eventwire.cli.extract import _writable

    bad = make_result()
    bad = Result(bad.article.with_changes(title="x\ud800", origin="in.jsonl:4"), bad.actors)
    assert not _writable(bad)
    assert _writable(make_result())


def test_hardening_store_refuses_only_the_unstorable_result(tmp_path: Path) -> None:
    bad = make_result(city="ROME")
    bad = Result(bad.article.with_changes(title="x\ud800", origin="hand:1"), bad.actors)
    with Store(tmp_path / "c.duckdb") as store:
        report = store.ingest([make_result(), bad])
        assert report.added == 1
        assert [e.origin for e in report.errors] == ["hand:1"]
        assert store.sql("SELECT count(*) FROM errors").fetchall()[0][0] == 1
