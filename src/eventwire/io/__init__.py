"""Readers: files, folders and stdin → :class:`Article` or :class:`ReadError`.

``read(paths)`` walks every input and yields, in order, one ``Article`` per article
and one ``ReadError`` per input (or line) that could not be read; it never raises
for a bad input, so a batch always carries on.

========================  =====================================================
input                     how it is read
========================  =====================================================
``.txt``                  decoded exactly (UTF-8, BOM, UTF-16, cp1252 fallback)
``.jsonl`` / ``.ndjson``  one article per line (``text``, optional metadata)
``.html`` / ``.htm``      main text and metadata with trafilatura
``.warc`` / ``.warc.gz``  HTML responses inside, with warcio
other names               format sniffed from the content, as for stdin
directory                 recursively, every file but hidden ones
``-``                     standard input, format sniffed from the content
========================  =====================================================
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.config import DEFAULT_MAX_BYTES
from eventwire.errors import InputError, ReadError
from eventwire.io.html import parse_html
from eventwire.io.jsonl import read_jsonl
from eventwire.io.text import decode, safe_origin
from eventwire.io.warc import read_warc
from eventwire.model import Article

__all__ = ["DEFAULT_MAX_BYTES", "READABLE_SUFFIXES", "read", "read_bytes", "read_text"]

READABLE_SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm", ".warc", ".warc.gz")


def read(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Read files, folders (recursively) and ``-`` (stdin).

    Args:
        paths: inputs in the order they should be read.
        max_bytes: size limit per article (per line for JSON Lines).

    Yields:
        ``Article`` or ``ReadError``, in input order.
    """
    for path in paths:
        if str(path) == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", max_bytes=max_bytes)
            continue
        path = Path(path)
        if path.is_dir():
            # Every file is read (unknown types are sniffed), so that a stray binary or
            # empty file in a folder is named as an error rather than silently skipped.
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            if not files:
                yield ReadError(safe_origin(str(path)), "no files in folder")
            for file in files:
                yield from _read_file(file, max_bytes=max_bytes)
        else:
            yield from _read_file(path, max_bytes=max_bytes)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _read_file(path: Path, *, max_bytes: int) -> Iterator[Article | ReadError]:
    origin = safe_origin(str(path))
    name = path.name.lower()
    try:
        if name.endswith((".jsonl", ".ndjson")):
            with path.open("rb") as stream:
                yield from read_jsonl(stream, origin, max_bytes=max_bytes)
            return
        if name.endswith((".warc", ".warc.gz")):
            with path.open("rb") as stream:
                yield from read_warc(stream, origin, max_bytes=max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield ReadError(origin, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
            return
        data = path.read_bytes()
    except FileNotFoundError:
        yield ReadError(origin, "no such file or folder")
        return
    except OSError as e:
        yield ReadError(origin, f"cannot read: {e.strerror or e}")
        return
    if name.endswith((".txt", ".text")):
        yield _one(data, origin, "txt")
    elif name.endswith((".html", ".htm")):
        yield _one(data, origin, "html")
    else:
        yield from read_bytes(data, origin, max_bytes=max_bytes)


def read_bytes(data: bytes, origin: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Read one in-memory input whose format is sniffed from its content."""
    head = data[:64].lstrip()
    if head.startswith(b"WARC/"):
        yield from read_warc(io.BytesIO(data), origin, max_bytes=max_bytes)
    elif head.startswith(b"{"):
        yield from read_jsonl(io.BytesIO(data), origin, max_bytes=max_bytes)
    elif len(data) > max_bytes:
        yield ReadError(origin, f"input is {len(data):,} bytes, over the {max_bytes:,}-byte limit")
    else:
        kind = "html" if head[:1] == b"<" else "txt"
        yield _one(data, origin, kind)


def read_text(text: str, *, id: str | int | None = None, **meta: str | None) -> Article:
    """Wrap a Python string as an Article (the text is kept exactly)."""
    return Article(text=text, id=id, origin="<text>").with_changes(**meta)


def _one(data: bytes, origin: str, kind: str) -> Article | ReadError:
    try:
        if kind == "html":
            text, _ = decode(data, origin)
            return parse_html(text, origin)
        text, warnings = decode(data, origin)
        return Article(text=text, origin=origin, warnings=warnings)
    except InputError as e:
        return ReadError(origin, e.message, line=e.line)
