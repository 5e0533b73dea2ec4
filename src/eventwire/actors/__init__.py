"""The actors stage: state, organisation, group and person mentions with code and sector.

First version: country names from ISO 3166-1 (pycountry), matched on tokens. The
stage's contract is :class:`ActorStage`: built once from a :class:`Config` and the loaded spaCy ``nlp``, called
per article with the parsed ``doc`` and the ``article``; returns mentions in text order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.matcher import PhraseMatcher

from eventwire.model import Actor, Article

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.pipeline import Config


class ActorStage:
    """Find actor mentions in a parsed article."""

    def __init__(self, config: Config, nlp: Language) -> None:
        import pycountry

        self.config = config
        self.names: dict[str, tuple[str, str]] = {}
        for country in pycountry.countries:
            for name in {country.name, getattr(country, "common_name", country.name)}:
                self.names[name.lower()] = (country.alpha_3, country.name)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("STATE", [nlp.make_doc(name) for name in self.names])

    def __call__(self, doc: Any, article: Article) -> list[Actor]:
        from spacy.util import filter_spans

        spans = filter_spans([doc[s:e] for _, s, e in self.matcher(doc)])
        actors = []
        for number, span in enumerate(spans, start=1):
            code, name = self.names[span.text.lower()]
            start, end = span.start_char, span.end_char
            actors.append(
                Actor(f"a{number}", article.text[start:end], start, end, code=code, name=name)
            )
        return actors
