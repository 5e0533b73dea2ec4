"""Records to rows and back: a :class:`~eventwire.model.Result` as table rows, and the
rows of one article rebuilt as records (``Store.results``).

Spans are flattened to ``<name>_text``/``_start``/``_end`` columns; a pronoun source
or target takes its code, sector and name from its first full mention (``refers_to``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.errors import ReadError
from eventwire.model import Actor, Article, Attribution, Event, Excluded, Result, Role, Source, Span
from eventwire.store.dedup import Duplicate
from eventwire.store.schema import TABLES

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# -- records to rows -----------------------------------------------------------------


class Rows:
    """Column lists for one batch, turned into Arrow tables at the end."""

    def __init__(self) -> None:
        self.columns: dict[str, dict[str, list[Any]]] = {
            table: {c: [] for c, _, _ in cols} for table, cols in TABLES.items()
        }
        self.keys: list[str] = []

    def _append(self, table: str, values: dict[str, Any]) -> None:
        for column, items in self.columns[table].items():
            items.append(values.get(column))

    def count(self, table: str) -> int:
        return len(self.columns[table]["article_key"])

    def add(
        self, result: Result, key: str, duplicate: Duplicate, now: dt.datetime, next_id: int,
    ) -> int:
        """Add one article's rows; its events get ids after ``next_id``, the last returned."""
        duplicate_of, similarity, signature = duplicate
        art = result.article
        self.keys.append(key)
        self._append("articles", {
            "article_key": key, "id": None if art.id is None else str(art.id), "title": art.title,
            "byline": art.byline, "outlet": art.outlet, "published": art.published,
            "published_date": parse_date(art.published), "url": art.url, "origin": art.origin,
            "text": art.text, "excluded": [e.to_dict() for e in art.excluded],
            "n_chars": len(art.text), "n_words": len(art.text.split()),
            "n_actors": len(result.actors), "n_attributions": len(result.attributions),
            "n_events": len(result.events), "duplicate_of": duplicate_of, "similarity": similarity,
            "ingested_at": now,
        })
        if signature is not None:
            self._append("minhashes", {"article_key": key, "signature": signature.tobytes()})
        actors = {a.id: a for a in result.actors}
        for actor in result.actors:
            self._append("actors", {
                "article_key": key, "actor_id": actor.id, "text": actor.text,
                "start_char": actor.start, "end_char": actor.end, "code": actor.code,
                "sector": actor.sector, "kind": actor.kind, "name": actor.name,
                "anonymous": actor.anonymous, "refers_to": actor.refers_to, "entity": actor.entity,
                "country": actor.country, "evidence": actor.evidence,
            })
        speakers: dict[str, Actor | None] = {}
        for quote in result.attributions:
            speaker = _resolve(actors, quote.source.actor) if quote.source else None
            speakers[quote.id] = speaker
            self._append("attributions", _attribution_row(key, quote, speaker))
        for event in result.events:
            next_id += 1
            speaker = speakers.get(event.attribution or "")
            self._append("events", _event_row(key, event, speaker, next_id))
        return next_id

    def add_errors(self, errors: list[ReadError], now: dt.datetime) -> None:
        for error in errors:
            self._append("errors", {
                "origin": error.origin, "line": error.line, "message": error.message, "recorded_at": now,
            })

    def tables(self) -> dict[str, pa.Table]:
        out = {}
        for table, cols in TABLES.items():
            schema = pa.schema([(c, t) for c, _, t in cols])
            out[table] = pa.Table.from_pydict(self.columns[table], schema=schema)
        return out


def _resolve(actors: dict[str, Actor], actor_id: str | None) -> Actor | None:
    """The actor a mention stands for: its first full mention when it refers back."""
    actor = actors.get(actor_id or "")
    if actor is not None and actor.refers_to and actor.code is None:
        return actors.get(actor.refers_to, actor)
    return actor


def _attribution_row(key: str, quote: Attribution, speaker: Actor | None) -> dict[str, Any]:
    source, cue, content = quote.source, quote.cue, quote.content
    return {
        "article_key": key, "attribution_id": quote.id, "kind": quote.kind,
        "source_text": source.text if source else None,
        "source_start": source.start if source else None,
        "source_end": source.end if source else None,
        "source_actor": source.actor if source else None,
        "source_anonymous": source.anonymous if source else None,
        "source_code": speaker.code if speaker else None,
        "source_sector": speaker.sector if speaker else None,
        "source_name": speaker.name if speaker else None,
        "cue_text": cue.text if cue else None, "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "content_text": content.text, "content_start": content.start, "content_end": content.end,
        "content_parts": [p.to_dict() for p in quote.content_parts],
    }


def _event_row(key: str, event: Event, speaker: Actor | None, global_id: int) -> dict[str, Any]:
    source, target = event.source, event.target
    return {
        "global_id": global_id, "article_key": key, "event_id": event.id, "cameo": event.cameo,
        "cameo_name": event.cameo_name, "plover": event.plover, "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "source_actor": source.actor if source else None, "source_code": source.code if source else None,
        "source_sector": source.sector if source else None,
        "target_actor": target.actor if target else None, "target_code": target.code if target else None,
        "target_sector": target.sector if target else None,
        "trigger_text": event.trigger.text, "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end, "sentence_start": event.sentence.start,
        "sentence_end": event.sentence.end, "modality": event.modality, "negated": event.negated,
        "attribution": event.attribution, "claimed_by": speaker.code if speaker else None,
        "confidence": event.confidence,
    }


def parse_date(published: str | None) -> dt.date | None:
    """The calendar date of an ISO-style ``published`` value (``2015-08-03...``), else ``None``."""
    if not published:
        return None
    match = _DATE.match(published.strip())
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group())
    except ValueError:
        return None


# -- rows back to records ---------------------------------------------------------------


def dicts(relation: duckdb.DuckDBPyRelation) -> Iterator[dict[str, Any]]:
    columns = relation.columns
    for row in relation.fetchall():
        yield dict(zip(columns, row, strict=True))


def group(relation: duckdb.DuckDBPyRelation) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in dicts(relation):
        groups.setdefault(row["article_key"], []).append(row)
    return groups


def article_from_row(row: dict[str, Any]) -> Article:
    excluded = tuple(Excluded(e["kind"], e["start"], e["end"]) for e in row["excluded"] or [])
    return Article(
        text=row["text"], id=row["id"], title=row["title"], byline=row["byline"],
        outlet=row["outlet"], published=row["published"], url=row["url"],
        excluded=excluded, origin=row["origin"],
    )


def actor_from_row(row: dict[str, Any]) -> Actor:
    return Actor(
        row["actor_id"], row["text"], row["start_char"], row["end_char"], code=row["code"],
        sector=row["sector"], kind=row["kind"], name=row["name"], anonymous=row["anonymous"],
        refers_to=row["refers_to"], country=row.get("country"), evidence=row.get("evidence"),
    )


def attribution_from_row(row: dict[str, Any]) -> Attribution:
    source = None
    if row["source_start"] is not None:
        source = Source(row["source_text"], row["source_start"], row["source_end"],
                        actor=row["source_actor"], anonymous=bool(row["source_anonymous"]))
    cue = Span(row["cue_text"], row["cue_start"], row["cue_end"]) if row["cue_start"] is not None else None
    parts = tuple(Span(p["text"], p["start"], p["end"]) for p in row["content_parts"] or [])
    return Attribution(
        row["attribution_id"], row["kind"],
        Span(row["content_text"], row["content_start"], row["content_end"]),
        source=source, cue=cue, content_parts=parts,
    )


def result_from_rows(row: dict[str, Any], children: dict[str, dict[str, list[dict[str, Any]]]]) -> Result:
    """One article's row and its ``actors``/``attributions``/``events`` rows (by article key) as a Result."""
    key = row["article_key"]
    return Result(
        article=article_from_row(row),
        actors=tuple(actor_from_row(r) for r in children["actors"].get(key, [])),
        attributions=tuple(attribution_from_row(r) for r in children["attributions"].get(key, [])),
        events=tuple(event_from_row(r) for r in children["events"].get(key, [])),
    )


def event_from_row(row: dict[str, Any]) -> Event:
    def role(prefix: str) -> Role | None:
        if row[f"{prefix}_actor"] is None and row[f"{prefix}_code"] is None:
            return None
        return Role(row[f"{prefix}_actor"], row[f"{prefix}_code"], row[f"{prefix}_sector"])

    return Event(
        row["event_id"], row["cameo"], row["cameo_name"], row["plover"], row["quad_class"],
        row["goldstein"], Span(row["trigger_text"], row["trigger_start"], row["trigger_end"]),
        # The sentence's text is not stored (the contract gives offsets only).
        Span("", row["sentence_start"], row["sentence_end"]),
        source=role("source"), target=role("target"), modality=row["modality"],
        negated=row["negated"], attribution=row["attribution"], confidence=row["confidence"],
    )
