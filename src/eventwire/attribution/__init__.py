"""The attribution stage: quotes and reported speech with source, cue and content.

Contract: :class:`AttributionStage` is built once from a :class:`Config` and the loaded spaCy ``nlp`` and called
per article with ``doc``, ``article`` and the actor mentions; it returns attributions
in text order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventwire.model import Actor, Article, Attribution

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.pipeline import Config


class AttributionStage:
    """Find who says what in a parsed article (not built yet: returns no attributions)."""

    def __init__(self, config: Config, nlp: Language) -> None:
        self.config = config

    def __call__(self, doc: Any, article: Article, actors: list[Actor]) -> list[Attribution]:
        return []
