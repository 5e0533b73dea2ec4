"""Typed records that flow through the pipeline and out as schema ``eventwire/1``.

Every record is a frozen dataclass; ``to_dict()`` gives the contract's JSON shape
(see ``data/schema/eventwire-1.schema.json``). Offsets are Python ``str`` indices
into ``Article.text`` exactly as read, so ``article.text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, replace
from typing import Any

SCHEMA_VERSION = "eventwire/1"

#: Kinds of non-body regions listed in ``Article.excluded``.
EXCLUDED_KINDS = ("headline", "byline", "caption", "credit", "label", "dateline")
#: Excluded kinds that later stages still read (headlines often carry the main event).
PROCESSED_KINDS = frozenset({"headline"})

MODALITIES = ("asserted", "intended", "conditional", "hypothetical", "demanded")
ATTRIBUTION_KINDS = ("direct", "indirect", "mixed")
#: How an actor's code was found (``Actor.evidence``): a dictionary phrase in the mention;
#: a title before an unknown name ("Chinese diplomat Wu"); an apposition ("X, UNICEF's
#: director"); a possessor or "of" phrase ("Turkey's envoy", "the envoy of Turkey"); a
#: place whose state is known ("Lamu County Commissioner"); the article's dateline or lead;
#: the only state named in the paragraph; an earlier mention of the same body; a
#: coreference link to an earlier mention of the same actor.
EVIDENCE = ("dictionary", "title", "apposition", "possessive", "place", "dateline",
            "paragraph", "context", "coreference")
#: Evidence by which a state was inferred from the article around a mention rather than
#: read in or beside it: later stages treat such a code as a guess.
INFERRED_EVIDENCE = frozenset({"paragraph", "dateline", "context"})


def text_id(text: str) -> str:
    """Return the content hash used as an article id when the input gives none."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of ``Article.text``: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Cut a span out of ``text`` so that its text always matches its offsets."""
        return cls(text[start:end], start, end)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Excluded:
    """A region that is not body text (headline, byline, caption, credit, label, dateline)."""

    kind: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Article:
    """One input article. ``text`` is the content exactly as read (decoded, never cleaned).

    ``origin`` names where it came from (``path`` or ``path:line``) for error messages;
    ``warnings`` carries non-fatal reader notes (e.g. a legacy encoding fallback).
    """

    text: str
    id: str | int | None = None
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    excluded: tuple[Excluded, ...] = ()
    origin: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def key(self) -> str | int:
        """The article's id, or the hash of its text when the input gave none."""
        return self.id if self.id is not None else text_id(self.text)

    def with_changes(self, **changes: Any) -> Article:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.key,
            "title": self.title,
            "byline": self.byline,
            "outlet": self.outlet,
            "published": self.published,
            "url": self.url,
            "text": self.text,
            "excluded": [e.to_dict() for e in self.excluded],
            # Where the article was read from ("news/a.txt", "batch.jsonl:12"), so that
            # output traces back to files even when the id is a content hash.
            "origin": self.origin,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor mention.

    ``refers_to`` is the id of the first full mention of the same entity (for "the
    official" or "he" after "a senior American official"); ``None`` on first mentions.
    ``country`` is the home state (ISO3) of a non-state actor or an IGO body when one
    applies ("Hamas militants" → code HAMAS, country PSE); for states it equals ``code``.
    ``evidence`` says how the code was found (one of :data:`EVIDENCE`), ``None`` when
    the actor has no code.
    """

    id: str
    text: str
    start: int
    end: int
    code: str | None = None
    sector: str | None = None
    kind: str = "state"
    name: str | None = None
    anonymous: bool = False
    refers_to: str | None = None
    country: str | None = None
    evidence: str | None = None

    @property
    def inferred(self) -> bool:
        """Whether the code is a state inferred from the article around the mention
        (:data:`INFERRED_EVIDENCE`), weaker than one read in or beside it."""
        return self.evidence in INFERRED_EVIDENCE

    @property
    def entity(self) -> str:
        """The id that all mentions of one entity share."""
        return self.refers_to or self.id

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Source:
    """Who an attribution is attributed to: the text as written and the actor it resolves to."""

    text: str
    start: int
    end: int
    actor: str | None = None
    anonymous: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Someone saying (or believing) something: source, cue and content.

    ``content`` runs from the first to the last piece of content; ``content_parts``
    lists the pieces when the content is interrupted ("…," he said, "…").
    """

    id: str
    kind: str
    content: Span
    source: Source | None = None
    cue: Span | None = None
    content_parts: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
        }
        if self.content_parts:
            data["content_parts"] = [p.to_dict() for p in self.content_parts]
        return data


@dataclass(frozen=True, slots=True)
class Role:
    """The source or target of an event: the actor mention and its code and sector."""

    actor: str | None
    code: str | None
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Event:
    """A coded event: CAMEO/PLOVER type, roles, trigger and sentence, modality and claim."""

    id: str
    cameo: str
    cameo_name: str
    plover: str | None
    quad_class: int
    goldstein: float
    trigger: Span
    sentence: Span
    source: Role | None = None
    target: Role | None = None
    modality: str = "asserted"
    negated: bool = False
    attribution: str | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "cameo": self.cameo,
            "cameo_name": self.cameo_name,
            "plover": self.plover,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "trigger": self.trigger.to_dict(),
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
            "modality": self.modality,
            "negated": self.negated,
            "attribution": self.attribution,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Result:
    """Everything eventwire found in one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    events: tuple[Event, ...] = ()
    schema: str = field(default=SCHEMA_VERSION)

    def actor(self, actor_id: str | None) -> Actor | None:
        """Look an actor mention up by id."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "article": self.article.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "attributions": [q.to_dict() for q in self.attributions],
            "events": [e.to_dict() for e in self.events],
        }
