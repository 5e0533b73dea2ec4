"""WARC reader: the HTML responses inside a ``.warc`` or ``.warc.gz`` archive."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from eventwire.errors import InputError, ReadError
from eventwire.io.html import parse_html
from eventwire.model import Article


def read_warc(stream: BinaryIO, origin: str, *, max_bytes: int) -> Iterator[Article | ReadError]:
    """Yield an Article (or ReadError) for each HTML response record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                continue
            number += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{origin}#{number} {url}" if url else f"{origin}#{number}"
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield ReadError(where, f"record larger than the {max_bytes:,}-byte limit")
                continue
            try:
                yield parse_html(body, where, url=url)
            except InputError as e:
                yield ReadError(where, e.message)
    except ArchiveLoadFailed as e:
        yield ReadError(origin, f"not a readable WARC archive: {e}")
        return
    except Exception as e:  # warcio raises AttributeError, ValueError, EOFError, zlib errors on damage
        yield ReadError(origin, f"damaged WARC archive after {number} HTML record(s): {type(e).__name__}: {e}")
        return
    if number == 0:
        yield ReadError(origin, "no HTML responses in this WARC archive")
