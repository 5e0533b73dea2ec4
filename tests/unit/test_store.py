"""The DuckDB store: idempotent ingest, near-duplicates, queries, read-only SQL, faults."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from eventwire.errors import ReadError, StoreError
from eventwire.store import Store, minhash
from store_fixtures import ELSEWHERE, make_result


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "test.duckdb") as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    store.ingest([
        make_result(),
        make_result(city="ANKARA", day="Tuesday", place=ELSEWHERE, published="2015-09-10"),
        ReadError("broken.jsonl", "malformed JSON", line=3),
    ])
    return store


@pytest.mark.parametrize("table", ["articles", "actors", "attributions", "events", "errors"])
def test_store_double_ingest_adds_no_rows(filled: Store, table: str) -> None:
    before = filled.counts()[table]
    report = filled.ingest([make_result(), ReadError("broken.jsonl", "malformed JSON", line=3)])
    assert report.added == 0
    assert report.skipped == 1
    assert filled.counts()[table] == before


@pytest.mark.parametrize(("table", "rows"), [("articles", 2), ("actors", 10), ("attributions", 2),
                                              ("events", 4), ("errors", 1)])
def test_store_ingest_writes_every_record(filled: Store, table: str, rows: int) -> None:
    assert filled.counts()[table] == rows


@pytest.mark.parametrize("same_id", [True, False])
def test_store_keys_articles_by_text_not_input_id(store: Store, same_id: bool) -> None:
    store.ingest([make_result(id="7")])
    report = store.ingest([make_result(id="7" if same_id else "8", day="Friday")])
    assert report.added == 1  # different text: a different article, whatever its id


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, 4),
        ({"source": "USA"}, 2),
        ({"source": "USAGOV"}, 2),
        ({"source": "IRNMIL", "plover": "ASSAULT"}, 2),
        ({"target": "ISR"}, 2),
        ({"cameo": "19"}, 2),
        ({"cameo": "03"}, 2),
        ({"since": "2015-09-01"}, 2),
        ({"until": "2015-08-31"}, 2),
        ({"since": "2015-08-01", "until": "2015-08-31", "source": "USA"}, 1),
        ({"modality": "intended"}, 2),
        ({"claimed_by": "USA"}, 2),
        ({"claimed_by": "USAGOV"}, 2),  # code+sector, as --source takes it
        ({"claimed_by": "USAMIL"}, 0),
        ({"source": "usagov", "plover": "aid", "modality": " Intended"}, 2),  # case and spaces
        ({"claimed_by": "usa"}, 2),
        ({"negated": True}, 0),
    ],
)
def test_store_events_filters(filled: Store, filters: dict, expected: int) -> None:
    assert len(filled.events(**filters).fetchall()) == expected


@pytest.mark.parametrize(
    "evil",
    ["USA' OR '1'='1", "'; DROP TABLE events; --", 'ISR" OR 1=1 --', "%", "19%' --"],
)
@pytest.mark.parametrize("field", ["source", "target", "plover", "cameo", "claimed_by", "modality"])
def test_store_filters_treat_sql_as_data(filled: Store, evil: str, field: str) -> None:
    if field == "modality":  # a closed set: anything else is refused, naming the valid values
        with pytest.raises(StoreError, match="choose from asserted, intended"):
            filled.events(**{field: evil})
    else:
        assert filled.events(**{field: evil}).fetchall() == []
    assert filled.counts()["events"] == 4


@pytest.mark.parametrize("evil", ["USA' OR '1'='1", "x'); DELETE FROM attributions; --"])
def test_store_quote_and_actor_filters_treat_sql_as_data(filled: Store, evil: str) -> None:
    assert filled.quotes(source=evil).fetchall() == []
    assert filled.actors(code=evil).fetchall() == []
    assert filled.counts()["attributions"] == 2


@pytest.mark.parametrize(("filters", "mentions"), [({"code": "irn"}, 4), ({"code": "IRN", "sector": "mil"}, 2),
                                                    ({"sector": "GOV"}, 2)])
def test_store_actor_filters_ignore_case(filled: Store, filters: dict, mentions: int) -> None:
    assert filled.actors(**filters).df()["mentions"].sum() == mentions


@pytest.mark.parametrize("bad_date", ["yesterday", "2015-13-45", "1' OR '1'='1"])
def test_store_rejects_bad_dates(filled: Store, bad_date: str) -> None:
    with pytest.raises(StoreError, match="not a date"):
        filled.events(since=bad_date)


@pytest.mark.parametrize(("filters", "expected"), [({}, 2), ({"source": "USA"}, 2),
                                                    ({"source": "usaGOV", "kind": "DIRECT"}, 2),
                                                    ({"anonymous": False}, 0)])
def test_store_quotes_resolve_speaker_through_refers_to(filled: Store, filters: dict, expected: int) -> None:
    rows = filled.quotes(**filters).df()
    assert len(rows) == expected
    assert set(rows["source_code"]) <= {"USA"}


@pytest.mark.parametrize("method", ["df", "pl", "arrow", "fetchall"])
def test_store_queries_return_duckdb_relations(filled: Store, method: str) -> None:
    relation = filled.events(source="USA")
    assert isinstance(relation, duckdb.DuckDBPyRelation)
    assert getattr(relation, method)() is not None


def test_store_half_read_result_does_not_block_next_query(filled: Store) -> None:
    reader = filled.events().to_arrow_reader(batch_size=1)
    reader.read_next_batch()  # leave the rest unread
    assert len(filled.quotes().fetchall()) == 2


@pytest.mark.parametrize(("by", "periods"), [(None, {None}), ("month", {"2015-08-01", "2015-09-01"}),
                                             ("year", {"2015-01-01"})])
def test_store_dyads_group_by_period(filled: Store, by: str | None, periods: set) -> None:
    rows = filled.dyads(by=by, modality="all").df()
    got = {None if p is None or str(p) == "NaT" else str(p)[:10] for p in rows["period"]}
    assert got == periods
    assert set(zip(rows["source_code"], rows["target_code"], strict=True)) == {("USA", "ISR")}
    assert rows["events"].sum() == 2  # the IRN event has no target: not a dyad


def test_store_dyads_rejects_unknown_period(filled: Store) -> None:
    with pytest.raises(StoreError, match="by must be one of"):
        filled.dyads(by="fortnight; DROP TABLE events")


def test_store_flags_near_duplicates_and_queries_count_them_once(store: Store) -> None:
    original = make_result()
    copy = make_result(city="TEL AVIV")  # a syndicated copy: another dateline only
    report = store.ingest([original, copy])
    assert report.duplicates == 1
    flagged = store.sql("SELECT duplicate_of FROM articles WHERE duplicate_of IS NOT NULL").fetchall()
    assert flagged == [(store.sql("SELECT article_key FROM articles WHERE title LIKE '%JERUSALEM%'")
                        .fetchall()[0][0],)]
    assert len(store.events().fetchall()) == 2
    assert len(store.events(include_duplicates=True).fetchall()) == 4


def test_store_near_duplicates_persist_across_sessions(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as first:
        first.ingest([make_result()])
    with Store(tmp_path / "s.duckdb") as second:
        report = second.ingest([make_result(city="LONDON"), make_result(place=ELSEWHERE)])
    assert report.duplicates == 1
    assert report.added == 2


@pytest.mark.parametrize(("a", "b", "similar"), [
    ("the cat sat on the mat today", "the cat sat on the mat today", True),
    ("the cat sat on the mat today", "a completely different story about ships", False),
])
def test_store_minhash_signatures(a: str, b: str, similar: bool) -> None:
    same = (minhash(a) == minhash(b)).mean()
    assert bool(same > 0.8) is similar


@pytest.mark.parametrize("statement", [
    "DELETE FROM events", "DROP TABLE events", "INSERT INTO errors VALUES ('x', 1, 'y', now())",
    "UPDATE articles SET title = 'x'", "SELECT 1; DELETE FROM events", "ATTACH 'other.db'",
    "COPY events TO 'x.csv'", "EXPLAIN ANALYZE DELETE FROM events", "CREATE TABLE t (a INT)",
])
def test_store_sql_is_read_only(filled: Store, statement: str) -> None:
    with pytest.raises(StoreError, match="read-only"):
        filled.sql(statement)
    assert filled.counts()["events"] == 4


@pytest.mark.parametrize(("query", "params", "expected"), [
    ("SELECT count(*) FROM events", None, 4),
    ("WITH x AS (SELECT * FROM actors) SELECT count(*) FROM x WHERE code = ?", ["IRN"], 4),
])
def test_store_sql_runs_selects(filled: Store, query: str, params: list | None, expected: int) -> None:
    assert filled.sql(query, params).fetchall()[0][0] == expected


@pytest.mark.parametrize("part", ["actors", "attributions", "events"])
def test_store_results_round_trip(store: Store, part: str) -> None:
    original = make_result()
    store.ingest([original])
    (back,) = store.results()
    assert back.article.text == original.article.text
    if part == "events":  # sentence text is not stored: compare offsets
        assert [e.to_dict() for e in back.events] == [e.to_dict() for e in original.events]
    else:
        assert getattr(back, part) == getattr(original, part)


def test_store_global_ids_continue_across_sessions(tmp_path: Path) -> None:
    with Store(tmp_path / "g.duckdb") as first:
        first.ingest([make_result()])
    with Store(tmp_path / "g.duckdb") as second:
        second.ingest([make_result(place=ELSEWHERE)])
        ids = [r[0] for r in second.sql("SELECT global_id FROM events ORDER BY 1").fetchall()]
    assert ids == [1, 2, 3, 4]


def test_store_failed_batch_rolls_back_whole(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.ingest([make_result()])
    real = store._insert

    def full_disk(table: str, data) -> None:
        real(table, data)
        if table == "events":
            raise duckdb.IOException("Could not write file: No space left on device")

    monkeypatch.setattr(store, "_insert", full_disk)
    with pytest.raises(StoreError, match="disk full"):
        store.ingest([make_result(place=ELSEWHERE)])
    monkeypatch.undo()
    assert store.counts()["articles"] == 1
    assert store.counts()["actors"] == 5
    report = store.ingest([make_result(place=ELSEWHERE)])
    assert report.added == 1
    assert report.duplicates == 0


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100, b"\x00" * 8192])
def test_store_corrupted_file_gives_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.duckdb"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=r"bad\.duckdb"):
        Store(path)
    assert path.read_bytes() == content  # nothing overwritten


@pytest.mark.parametrize("read_only", [True, False])
def test_store_missing_folder_or_file_gives_clear_error(tmp_path: Path, read_only: bool) -> None:
    with pytest.raises(StoreError, match=r"no such database|does not exist"):
        Store(tmp_path / "nowhere" / "x.duckdb", read_only=read_only)


def test_store_read_only_refuses_ingest(filled: Store, tmp_path: Path) -> None:
    filled.close()
    with Store(tmp_path / "test.duckdb", read_only=True) as reader:
        with pytest.raises(StoreError, match="read-only"):
            reader.ingest([make_result(day="Sunday")])
        assert reader.counts()["articles"] == 2


def test_store_second_writer_gets_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.duckdb"
    with Store(path) as first:
        first.ingest([make_result()])
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process"):
            Store(path)
    finally:
        holder.kill()
        holder.communicate()
    with Store(path, read_only=True) as after:
        assert after.counts()["articles"] == 1


@pytest.mark.parametrize("published", ["2015-08-03", "2015-08-03T10:00:00Z", "2015-08-03 10:00:00Z"])
def test_store_parses_iso_publication_dates(store: Store, published: str) -> None:
    store.ingest([make_result(published=published)])
    assert str(store.sql("SELECT published_date FROM articles").fetchall()[0][0]) == "2015-08-03"


@pytest.mark.parametrize("published", ["Aug 3, 2015", "", None])
def test_store_keeps_unparsed_dates_as_text(store: Store, published: str | None) -> None:
    store.ingest([make_result(published=published)])
    assert store.sql("SELECT published, published_date FROM articles").fetchall() == [(published, None)]


def test_store_commits_in_batches(store: Store) -> None:
    commits = []
    results = [make_result(day=f"day {i}", place=f"place {i} " * 40) for i in range(5)]
    report = store.ingest(results, commit_every=2, on_commit=lambda r: commits.append(r.added))
    assert commits == [2, 4, 5]
    assert report.batches == 3


def test_store_keeps_actor_country_and_evidence(tmp_path: Path) -> None:
    from dataclasses import replace

    result = make_result()
    actors = [replace(a, country=a.code, evidence="apposition" if a.code else None) for a in result.actors]
    with Store(tmp_path / "e.duckdb") as opened:
        opened.ingest([replace(result, actors=actors)])
        back = next(iter(opened.results()))
    assert [(a.country, a.evidence) for a in back.actors] == [(a.country, a.evidence) for a in actors]


def test_store_upgrades_a_version_1_store(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store(path) as opened:
        opened.ingest([make_result()])
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE actors DROP COLUMN evidence")
    con.execute("ALTER TABLE actors DROP COLUMN country")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'store_version'")
    con.close()
    with Store(path, read_only=True) as old:  # read as it is
        assert all(a.evidence is None for a in next(iter(old.results())).actors)
    with Store(path) as upgraded:  # a writable open adds the columns
        columns = {row[0] for row in upgraded.con.execute("DESCRIBE actors").fetchall()}
        version = upgraded.con.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()
    assert {"country", "evidence"} <= columns
    assert version == ("2",)


def test_store_events_and_dyads_filter_on_confidence(filled: Store) -> None:
    every = filled.events().df()
    cut = float(sorted(every["confidence"])[len(every) // 2])
    kept = filled.events(min_confidence=cut).df()
    assert len(kept) == int((every["confidence"] >= cut).sum())
    assert 0 < len(kept) <= len(every)
    assert len(filled.events(min_confidence=1.0).df()) == 0
    assert filled.dyads(min_confidence=1.0).df()["events"].sum() == 0


def test_store_dyads_count_only_what_happened_by_default(filled: Store) -> None:
    every = filled.events(modality="all", complete=True).df()
    happened = every[(every["modality"] == "asserted") & ~every["negated"]]
    assert len(happened) < len(every)  # the fixture's dyad events are intentions
    assert filled.dyads().df()["events"].sum() == len(happened)
    assert filled.dyads(modality="all").df()["events"].sum() == int((~every["negated"]).sum())
    assert filled.dyads(modality=["intended"], negated=None).df()["events"].sum() == int(
        (every["modality"] == "intended").sum())
