"""Readers turn bytes into Articles, or ReadErrors naming the input."""

from __future__ import annotations

import codecs
import io
import json

import pytest

from eventwire.errors import ReadError
from eventwire.io import read, read_bytes
from eventwire.model import Article


def _one(path):
    items = list(read([path]))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Plain UTF-8 caf\xc3\xa9.", "Plain UTF-8 café."),
        (codecs.BOM_UTF8 + b"With BOM.", "With BOM."),
        ("UTF-16 text.".encode("utf-16"), "UTF-16 text."),
        (b"Line one\r\nLine two\r\n", "Line one\r\nLine two\r\n"),
    ],
)
def test_io_txt_decodes_exactly(tmp_path, data, expected):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    article = _one(path)
    assert isinstance(article, Article)
    assert article.text == expected
    assert not article.warnings


@pytest.mark.parametrize("data", [b"Caf\xe9 au lait in M\xfcnchen.", b"He said \x93yes\x94 today."])
def test_io_txt_legacy_encoding_warns(tmp_path, data):
    path = tmp_path / "old.txt"
    path.write_bytes(data)
    article = _one(path)
    assert isinstance(article, Article)
    assert article.text == data.decode("cp1252")
    assert "UTF-8" in article.warnings[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty"), (b"   \n\n", "empty"), (b"\x00\x01\x02binary\x00junk", "binary"),
     (bytes(range(256)) * 4, "binary")],
)
def test_io_txt_refuses_bad_input(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    error = _one(path)
    assert isinstance(error, ReadError)
    assert message in error.message
    assert str(path) in str(error)


def test_io_size_limit_refuses_large_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    error = next(read([path], max_bytes=100))
    assert isinstance(error, ReadError)
    assert "limit" in error.message


def test_io_jsonl_keeps_ids_and_reports_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "x-1", "text": "Iran threatened Israel.", "title": "T", "extra": 1}),
        "{not json",
        json.dumps({"id": 42, "text": "Kenya sent aid."}),
        json.dumps({"id": "no-text"}),
        json.dumps(["a list"]),
        "",
        json.dumps({"text": "No id here.", "published": "2024-01-02"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(read([path]))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Article", "ReadError", "Article", "ReadError", "ReadError", "Article"]
    assert items[0].id == "x-1"
    assert items[0].title == "T"
    assert items[2].id == 42
    assert items[1].line == 2
    assert str(items[1]).startswith(f"{path}:2:")
    assert items[5].id is None
    assert items[5].key == items[5].to_dict()["id"]
    assert items[5].published == "2024-01-02"


def test_io_html_extracts_main_text(fixtures):
    article = _one(fixtures / "page.html")
    assert isinstance(article, Article)
    assert "joint patrols along their shared border" in article.text
    assert "All rights reserved" not in article.text
    assert article.title == "Chad and Niger agree to joint patrols"


@pytest.mark.parametrize("data", [b"<html><body></body></html>", b"<<<>>>"])
def test_io_html_without_text_is_an_error(tmp_path, data):
    path = tmp_path / "empty.html"
    path.write_bytes(data)
    assert isinstance(_one(path), ReadError)


def _warc_bytes(pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.0")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                           http_headers=headers)
        writer.write_record(record)
    return buffer.getvalue()


def test_io_warc_reads_html_responses(tmp_path, fixtures):
    html = (fixtures / "page.html").read_text()
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc_bytes([("https://example.org/a", html), ("https://example.org/b", html)]))
    items = list(read([path]))
    assert [type(i) for i in items] == [Article, Article]
    assert items[0].url == "https://example.org/a"


def test_io_warc_garbage_is_an_error(tmp_path):
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not a warc file at all\n")
    assert all(isinstance(i, ReadError) for i in read([path]))


def test_io_directory_is_recursive_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("Alpha article text.")
    (tmp_path / "b" / "c.md").write_text("Charlie article text.")
    (tmp_path / ".git" / "config").write_text("hidden")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    items = list(read([tmp_path]))
    assert [i.text for i in items if isinstance(i, Article)] == ["Alpha article text.", "Charlie article text."]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(errors) == 1
    assert "image.png" in str(errors[0])
    assert "binary" in errors[0].message


def test_io_missing_path_is_an_error(tmp_path):
    error = _one(tmp_path / "nope.txt")
    assert isinstance(error, ReadError)
    assert "no such file" in error.message


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b"Plain text from a pipe.", "txt"), (b'{"text": "From a pipe."}\n', "jsonl"),
     (b"<html><body><p>" + b"Words from a pipe. " * 20 + b"</p></body></html>", "html")],
)
def test_io_stdin_format_is_sniffed(data, kind):
    items = list(read_bytes(data, "<stdin>"))
    assert len(items) == 1
    assert isinstance(items[0], Article)
    assert "pipe" in items[0].text


def test_io_jsonl_huge_line_is_refused_and_the_rest_read(tmp_path):
    path = tmp_path / "big.jsonl"
    huge = json.dumps({"id": "huge", "text": "word " * 5000})
    path.write_text("\n".join([huge, json.dumps({"id": "ok", "text": "Small one."})]) + "\n")
    items = list(read([path], max_bytes=1000))
    assert isinstance(items[0], ReadError)
    assert items[0].line == 1
    assert isinstance(items[1], Article)
    assert items[1].id == "ok"


def test_io_jsonl_author_is_read_as_byline(tmp_path):
    path = tmp_path / "voa.jsonl"
    path.write_text(json.dumps({"id": "v", "text": "Body text.", "author": "Jane Roe"}) + "\n")
    assert next(read([path])).byline == "Jane Roe"
