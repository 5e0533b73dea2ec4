"""JSON Lines reader: one article per line, with ``text`` and optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from eventwire.errors import ReadError
from eventwire.io.text import is_blank, repair_article
from eventwire.model import Article

#: Metadata fields kept from each record; any other field is ignored.
FIELDS = ("id", "title", "published", "url", "outlet", "byline")


def read_jsonl(stream: BinaryIO, origin: str, *, max_bytes: int) -> Iterator[Article | ReadError]:
    """Yield an Article per good line and a ReadError (``file:line``) per bad one.

    Lines are read with a length limit, so one huge line is refused without being
    held in memory.
    """
    number = 0
    found = False
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            if not found:  # as an empty .txt is named, so is a JSON Lines file with no record
                yield ReadError(origin, "no records in this JSON Lines file (empty or only blank lines)")
            return
        number += 1
        if len(raw) > max_bytes:
            _skip_rest_of_line(stream, raw)
            yield ReadError(origin, f"line larger than the {max_bytes:,}-byte limit", line=number)
            found = True
            continue
        if raw.strip():
            found = True
            yield parse_record(raw, origin, number)


def _skip_rest_of_line(stream: BinaryIO, raw: bytes) -> None:
    while raw and not raw.endswith(b"\n"):
        raw = stream.readline(1 << 20)


def parse_record(raw: bytes, origin: str, number: int) -> Article | ReadError:
    """Parse one JSONL line into an Article, or say why not."""
    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return ReadError(origin, f"malformed JSON: {e}", line=number)
    except RecursionError:
        return ReadError(origin, "malformed JSON: nested too deeply to read", line=number)
    except ValueError as e:  # e.g. an integer longer than Python converts
        return ReadError(origin, f"malformed JSON: {e}", line=number)
    if not isinstance(record, dict):
        return ReadError(origin, "expected a JSON object with a 'text' field", line=number)
    text = record.get("text")
    if not isinstance(text, str):
        return ReadError(origin, "record has no string 'text' field", line=number)
    if is_blank(text):
        return ReadError(origin, "empty 'text' (only white space or invisible characters)", line=number)
    meta = {k: record.get(k) for k in FIELDS}
    if meta["byline"] is None and isinstance(record.get("author"), str):
        meta["byline"] = record["author"]  # many news exports (VOA's among them) say "author"
    # Keep the id exactly as given so that results join back to the input.
    identifier = meta.pop("id")
    if identifier is not None and not isinstance(identifier, str | int):
        identifier = json.dumps(identifier)
    clean = {k: (str(v) if v is not None else None) for k, v in meta.items()}
    article = Article(text=text, id=identifier, origin=f"{origin}:{number}").with_changes(**clean)
    return repair_article(article)

