"""The events stage: who did what to whom, coded in CAMEO and PLOVER.

Contract: :class:`EventStage` is built once from a :class:`Config` and the loaded spaCy ``nlp`` and called per
article with ``doc``, ``article``, actor mentions and attributions; it returns events
in text order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventwire.model import Actor, Article, Attribution, Event

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.pipeline import Config


class EventStage:
    """Code events in a parsed article (not built yet: returns no events)."""

    def __init__(self, config: Config, nlp: Language) -> None:
        self.config = config

    def __call__(
        self, doc: Any, article: Article, actors: list[Actor], attributions: list[Attribution],
    ) -> list[Event]:
        return []
