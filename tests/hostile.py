"""A seeded generator of hostile and odd inputs (issue #10), written at test time.

``generate(seed, n)`` yields ``(name, bytes)`` pairs: file names whose suffix picks the
reader (``.jsonl``, ``.txt``, ``.html``, ``.warc``, ``.warc.gz``, or none: sniffed),
and contents built to break readers and stages — lone surrogates, deep nesting, bad
types, invalid and mixed encodings, invisible-only text, odd line breaks, very long
tokens and sentences, unbalanced quotes, damaged archives. Nothing is committed: the
same seed gives the same inputs on every machine.
"""

from __future__ import annotations

import gzip
import io
import json
import random
from collections.abc import Callable, Iterator

WORDS = ("Iran", "Israel", "said", "attacked", "the", "minister", "\"", "'", "“", "”", "(", ")", "—",
         "officials", "told", "Reuters", "talks", "Egypt", "he", "she", "they", "U.S.", ",", ".",
         "according", "to", "would", "not", "if", "killed", "protest", "sanctions", "Moscow", "Kyiv")
ODD_CHARS = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00a0", "\u3000", "\u202e", "\u202d",
             "\u0301", "\u0308", "\U0001f600", "\U0001f1ee\U0001f1f7", "\u4e2d", "\u0627", "\x0b", "\x0c",
             "\x85", "\u2028", "\u2029", "\r", "\r\n", "\t", "\ufffd", "\U00010348")
BLANKS = ("\u00a0", "\u3000", "\u200b", "\u2009", "\u202f", "\ufeff", " ", "\t", "\n", "\u2028")


def _words(rng: random.Random, n: int, *, odd: float = 0.0) -> str:
    out = []
    for _ in range(n):
        out.append(rng.choice(ODD_CHARS) if rng.random() < odd else rng.choice(WORDS))
    return " ".join(out)


def _sentence_text(rng: random.Random) -> str:
    return _words(rng, rng.randint(3, 120), odd=rng.choice((0.0, 0.05, 0.3)))


def _jsonl_surrogate(rng: random.Random) -> bytes:
    surrogate = rng.choice(("\\ud800", "\\udfff", "\\udc00", "\\ud83d"))
    field = rng.choice(("text", "title", "id", "byline", "url"))
    record = {"id": f"s{rng.randint(0, 9999)}", "text": _sentence_text(rng) or "Iran said so."}
    line = json.dumps(record)
    if field == "text":
        line = line.replace('"text": "', '"text": "' + surrogate, 1)
    else:
        line = line[:-1] + f', "{field}": "x{surrogate}y"}}'
    return line.encode() + b"\n"


def _jsonl_nested(rng: random.Random) -> bytes:
    depth = rng.choice((100, 2_000, 20_000, 60_000))
    opener = rng.choice(('{"a":', "["))
    closer = "}" if opener.startswith("{") else "]"
    return (opener * depth + "1" + closer * depth).encode() + b"\n"


def _jsonl_types(rng: random.Random) -> bytes:
    values = [None, 1, -1.5, True, [], {}, ["x"], {"t": "x"}, "", " ", 10**30, "9" * 50]
    record = {k: rng.choice(values) for k in ("id", "title", "published", "url", "outlet", "byline")}
    record["text"] = rng.choice([*values, _sentence_text(rng)])
    line = json.dumps(record)
    if rng.random() < 0.2:
        line = line.replace('"text"', '"text": "Iran.", "text"', 1)  # duplicate key
    if rng.random() < 0.2:
        line = '{"id": 1, "text": "x", "n": ' + "1" * 5000 + "}"  # over Python's int digits limit
    return line.encode() + b"\n"


def _jsonl_broken(rng: random.Random) -> bytes:
    good = json.dumps({"text": _sentence_text(rng) or "Iran."}).encode()
    cut = good[: rng.randint(0, len(good))]
    choices = [cut, b"\xff\xfe" + good, good.replace(b" ", b"\x00", 1), b"\xef\xbb\xbf" + good,
               good.replace(b"a", b"\xc3", 1), b"NaN", b"[1, 2", good + b" trailing", b"\x1b[31m" + good]
    return rng.choice(choices) + rng.choice((b"\n", b"\r\n", b""))


def _text_odd(rng: random.Random) -> bytes:
    text = _sentence_text(rng)
    breaks = rng.choice(("\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0c", "\n\n", "\n \n"))
    text = breaks.join(_sentence_text(rng) for _ in range(rng.randint(1, 6))) if rng.random() < 0.7 else text
    encoding = rng.choice(("utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"))
    return text.encode(encoding, "replace")


def _text_blank(rng: random.Random) -> bytes:
    return "".join(rng.choice(BLANKS) for _ in range(rng.randint(0, 50))).encode(rng.choice(("utf-8", "utf-16")))


def _text_binary(rng: random.Random) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.randint(1, 3000)))


def _text_invalid_utf8(rng: random.Random) -> bytes:
    data = bytearray(_sentence_text(rng).encode())
    for _ in range(rng.randint(1, 5)):
        data.insert(rng.randint(0, len(data)), rng.choice((0x80, 0xC0, 0xE2, 0xF0, 0xFF, 0xED)))
    return bytes(data)


def _text_long(rng: random.Random) -> bytes:
    kind = rng.choice(("token", "no_punctuation", "quotes", "said", "brackets", "one_line"))
    if kind == "token":
        text = "Iran " + "x" * rng.randint(1_000, 50_000) + " attacked Israel."
    elif kind == "no_punctuation":
        text = " ".join(rng.choice(("Iran", "attacked", "Israel", "and", "the", "army")) for _ in range(4_000))
    elif kind == "quotes":
        text = " ".join(rng.choice(('"', "“", "”", "'", "said", "Iran", "he")) for _ in range(3_000))
    elif kind == "said":
        text = "Iran said " * 1_500 + "Israel attacked."
    elif kind == "brackets":
        text = "(" * 2_000 + "Iran attacked Israel" + ")" * 2_000
    else:
        text = ", ".join(_sentence_text(rng) for _ in range(150))
    return text.encode()


def _html(rng: random.Random) -> bytes:
    kind = rng.choice(("nav", "script", "deep", "broken", "attrs", "ok"))
    if kind == "nav":
        page = "<html><body><nav>Home | About | Contact</nav></body></html>"
    elif kind == "script":
        page = "<html><body><script>" + "var x=1;" * 500 + "</script></body></html>"
    elif kind == "deep":
        page = "<div>" * rng.choice((100, 5_000)) + "Iran attacked Israel." + "</div>" * 10
    elif kind == "broken":
        page = "<html><body><p>Iran <b>attacked <i>Israel</p></b><p " + _sentence_text(rng)
    elif kind == "attrs":
        page = '<html><body><p title="' + "a" * 100_000 + '">Iran attacked Israel.</p></body></html>'
    else:
        page = "<html><head><title>T</title></head><body><article><p>" + _sentence_text(rng) + "</p></article>"
    return page.encode("utf-8", "replace")


def _warc(rng: random.Random) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    page = "<html><body><article><p>" + _sentence_text(rng) + "</p></article></body></html>"
    body = page.encode("utf-8", "replace")
    headers = StatusAndHeaders("200 OK", [("Content-Type", rng.choice(("text/html", "image/png")))],
                               protocol="HTTP/1.0")
    # Fixed record id and date: warcio's own are random and would make the set differ per run.
    fixed = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{rng.randrange(10**12):012d}>",
             "WARC-Date": "2026-01-01T00:00:00Z"}
    writer.write_record(writer.create_warc_record("https://example.org/a", "response", payload=io.BytesIO(body),
                                                  http_headers=headers, warc_headers_dict=fixed))
    data = buffer.getvalue()
    damage = rng.choice(("length", "cut", "garbage", "none"))
    if damage == "length":
        data = data.replace(b"Content-Length: ", b"Content-Length: 9", 1)
    elif damage == "cut":
        data = data[: rng.randint(10, len(data))]
    elif damage == "garbage":
        data = data + bytes(rng.randrange(256) for _ in range(200))
    return data


def _warc_gz(rng: random.Random) -> bytes:
    data = gzip.compress(_warc(rng), mtime=0)
    return data[: rng.randint(10, len(data))] if rng.random() < 0.6 else data


#: (kind, file suffix, maker): each call of a maker is one input.
KINDS: list[tuple[str, str, Callable[[random.Random], bytes]]] = [
    ("jsonl-surrogate", ".jsonl", _jsonl_surrogate),
    ("jsonl-nested", ".jsonl", _jsonl_nested),
    ("jsonl-types", ".jsonl", _jsonl_types),
    ("jsonl-broken", ".jsonl", _jsonl_broken),
    ("text-odd", ".txt", _text_odd),
    ("text-blank", ".txt", _text_blank),
    ("text-binary", "", _text_binary),
    ("text-invalid-utf8", ".txt", _text_invalid_utf8),
    ("html", ".html", _html),
    ("warc", ".warc", _warc),
    ("warc-gz", ".warc.gz", _warc_gz),
    ("sniffed", "", _text_odd),
]
#: Long inputs are costly to parse: a few of each kind are enough to show the bound.
LONG = ("text-long", ".txt", _text_long)


def generate(seed: int = 10, n: int = 2_000, *, long: int = 12) -> Iterator[tuple[str, str, bytes]]:
    """Yield ``(kind, file name, content)`` for ``n`` hostile inputs, ``long`` of them long."""
    rng = random.Random(seed)
    for i in range(n):
        kind, suffix, make = LONG if i < long else KINDS[i % len(KINDS)]
        yield kind, f"in{i:05d}{suffix}", make(rng)
