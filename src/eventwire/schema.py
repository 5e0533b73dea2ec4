"""The output contract, shipped as a JSON Schema (``data/schema/eventwire-1.schema.json``)."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from typing import Any

from eventwire.errors import SchemaError
from eventwire.lexicons import read_text

SCHEMA_FILE = "schema/eventwire-1.schema.json"


@functools.lru_cache(maxsize=1)
def load() -> dict[str, Any]:
    """The eventwire/1 JSON Schema as a dict."""
    return json.loads(read_text(SCHEMA_FILE))


def errors(obj: dict[str, Any]) -> list[str]:
    """Every way ``obj`` breaks the contract: schema errors, then span offsets."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(load())
    found = [f"{'/'.join(map(str, e.path)) or '<root>'}: {e.message}" for e in validator.iter_errors(obj)]
    return found + list(_offset_errors(obj))


def _offset_errors(obj: dict[str, Any]) -> Iterator[str]:
    text = obj.get("article", {}).get("text", "")
    for where, span in _spans(obj):
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            yield f"{where}: offsets {start}..{end} outside the text ({len(text)} chars)"
        elif "text" in span and text[start:end] != span["text"]:
            yield f"{where}: text {span['text']!r} != article.text[{start}:{end}] {text[start:end]!r}"


def _spans(obj: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for i, region in enumerate(obj.get("article", {}).get("excluded", [])):
        yield f"article/excluded/{i}", region
    for actor in obj.get("actors", []):
        yield f"actors/{actor.get('id')}", actor
    for q in obj.get("attributions", []):
        for role in ("source", "cue", "content"):
            if q.get(role):
                yield f"attributions/{q.get('id')}/{role}", q[role]
        for i, part in enumerate(q.get("content_parts", [])):
            yield f"attributions/{q.get('id')}/content_parts/{i}", part
    for e in obj.get("events", []):
        yield f"events/{e.get('id')}/trigger", e["trigger"]
        yield f"events/{e.get('id')}/sentence", e["sentence"]


def validate(obj: dict[str, Any]) -> None:
    """Raise :class:`~eventwire.errors.SchemaError` (a ``ValueError``) listing every contract violation."""
    problems = errors(obj)
    if problems:
        raise SchemaError("not valid eventwire/1:\n  " + "\n  ".join(problems))
