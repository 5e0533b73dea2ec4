"""The data-file loader reads packaged files and names the file and line when one is broken."""

from __future__ import annotations

import pytest

from eventwire import lexicons
from eventwire.errors import DataFileError


def test_lexicons_tsv_skips_comments_and_pads():
    rows = list(lexicons.iter_tsv_lines("# source: test\n\na\tb\nc\n", "x.tsv", columns=2))
    assert rows == [(3, ["a", "b"]), (4, ["c", ""])]


def test_lexicons_tsv_too_many_fields_names_line():
    with pytest.raises(DataFileError, match=r"x\.tsv:2"):
        list(lexicons.iter_tsv_lines("a\tb\na\tb\tc\n", "x.tsv", columns=2))


def test_lexicons_missing_file_is_a_data_file_error():
    with pytest.raises(DataFileError, match="no such data file"):
        lexicons.read_text("nope/missing.tsv")


def test_lexicons_schema_is_packaged():
    assert lexicons.data_path("schema/eventwire-1.schema.json").is_file()
