"""Export: Parquet, CSV, JSON Lines and the GDELT-style event table."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pytest

from eventwire.errors import StoreError
from eventwire.export import export, gdelt_events
from eventwire.model import Role
from eventwire.store import Store
from store_fixtures import ELSEWHERE, make_result


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "x.duckdb") as opened:
        opened.ingest([make_result(), make_result(city="TEL AVIV"), make_result(place=ELSEWHERE)])
        yield opened


@pytest.mark.parametrize("table", ["events", "actors", "attributions", "articles", "errors"])
@pytest.mark.parametrize("include_duplicates", [True, False])
def test_export_parquet_reads_back_everywhere(
    store: Store, tmp_path: Path, table: str, include_duplicates: bool,
) -> None:
    done = export(store, fmt="parquet", table=table, out=tmp_path / f"{table}.parquet",
                  include_duplicates=include_duplicates)
    expected = len(store.table(table, include_duplicates=include_duplicates).fetchall())
    assert done.rows == expected
    assert len(pd.read_parquet(done.path)) == expected
    assert pl.read_parquet(done.path).height == expected
    assert duckdb.sql("SELECT count(*) FROM read_parquet(?)", params=[str(done.path)]).fetchall()[0][0] == expected


@pytest.mark.parametrize(("table", "rows"), [("events", 4), ("articles", 2), ("attributions", 2)])
def test_export_csv_and_jsonl_keep_every_row(store: Store, tmp_path: Path, table: str, rows: int) -> None:
    csv_file = export(store, fmt="csv", table=table, out=tmp_path / "t.csv").path
    jsonl_file = export(store, fmt="jsonl", table=table, out=tmp_path / "t.jsonl").path
    with csv_file.open(encoding="utf-8", newline="") as stream:
        assert len(list(csv.DictReader(stream))) == rows
    records = [json.loads(line) for line in jsonl_file.read_text(encoding="utf-8").splitlines()]
    assert len(records) == rows


def test_export_csv_writes_nested_columns_as_json(store: Store, tmp_path: Path) -> None:
    path = export(store, fmt="csv", table="articles", out=tmp_path / "a.csv").path
    with path.open(encoding="utf-8", newline="") as stream:
        row = next(csv.DictReader(stream))
    assert json.loads(row["excluded"]) == []


@pytest.mark.parametrize(("column", "value"), [
    ("Actor1Code", "USAGOV"), ("Actor1CountryCode", "USA"), ("Actor1Type1Code", "GOV"),
    ("Actor1Name", "UNITED STATES"), ("Actor2Code", "ISR"), ("EventCode", "0334"),
    ("EventBaseCode", "033"), ("EventRootCode", "03"), ("QuadClass", 2), ("GoldsteinScale", 7.2),
    ("SQLDATE", 20150803), ("MonthYear", 201508), ("Year", 2015), ("IsRootEvent", 1),
    ("NumArticles", 2), ("NumSources", 2), ("PLOVER", "AID"), ("Modality", "intended"),
    ("ClaimedBy", "USA"), ("Negated", 0), ("SOURCEURL", "https://example.org/jerusalem"),
])
def test_export_gdelt_maps_columns(store: Store, column: str, value: object) -> None:
    rows = gdelt_events(store, modality="all").to_pylist()
    first = next(r for r in rows if r["EventCode"] == "0334" and "jerusalem" in r["SOURCEURL"])
    assert first[column] == value


@pytest.mark.parametrize(("column", "value"), [("Actor1Code", "MIL"), ("Actor1CountryCode", None),
                                               ("Actor1KnownGroupCode", None), ("Actor1Type1Code", "MIL")])
def test_export_gdelt_sector_only_actor_keeps_its_code(tmp_path: Path, column: str, value: object) -> None:
    result = make_result()
    army = replace(result.events[1], source=Role("a4", None, "MIL"))  # soldiers of no known country
    with Store(tmp_path / "s.duckdb") as store:
        store.ingest([replace(result, events=(result.events[0], army))])
        rows = gdelt_events(store, modality="all").to_pylist()
    assert next(r for r in rows if r["EventCode"] == "195")[column] == value


def test_export_gdelt_counts_only_what_happened_by_default(store: Store) -> None:
    every = gdelt_events(store, modality="all").to_pylist()
    happened = gdelt_events(store).to_pylist()
    assert {r["Modality"] for r in every} - {"asserted"}  # the fixture has intentions
    assert happened == [r for r in every if r["Modality"] == "asserted" and not r["Negated"]]
    assert gdelt_events(store, modality=["intended", "conditional"]).num_rows == sum(
        r["Modality"] in ("intended", "conditional") and not r["Negated"] for r in every)
    with pytest.raises(StoreError, match="unknown modality 'maybe'"):
        gdelt_events(store, modality="maybe")


def test_export_gdelt_tsv_reads_back_in_pandas(store: Store, tmp_path: Path) -> None:
    done = export(store, fmt="gdelt", out=tmp_path / "events.tsv", filters={"modality": "all"})
    frame = pd.read_csv(done.path, sep="\t", dtype={"EventCode": str})
    assert len(frame) == done.rows == 4
    assert frame["GLOBALEVENTID"].is_unique
    assert set(frame["EventRootCode"].astype(str).str.zfill(2)) == {"03", "19"}


@pytest.mark.parametrize(("options", "message"), [
    ({"fmt": "xlsx"}, "unknown export format"),
    ({"table": "minhashes"}, "no table"),
    ({"table": "events; DROP TABLE events"}, "no table"),
    ({"fmt": "gdelt", "table": "actors"}, "event table"),
])
def test_export_rejects_bad_requests(store: Store, tmp_path: Path, options: dict, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        export(store, out=tmp_path / "x", **options)


def test_export_unwritable_path_gives_store_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="could not write"):
        export(store, fmt="parquet", out=tmp_path / "no" / "such" / "dir" / "x.parquet")
