"""The actors stage: state, organisation, group and person mentions with code and sector.

:class:`ActorStage` is built once from a :class:`~eventwire.config.Config` and the
loaded spaCy ``nlp`` (dictionaries and matchers are compiled then), and called per
article with the parsed ``doc`` and the ``article``; it returns mentions in text order
with ids ``a1``, ``a2`` …

Steps: dictionary matches (:mod:`.phrases`) → ambiguity checks (:mod:`.acceptance`) →
noun-phrase mentions (:mod:`.grouping`) → people and organisations the parser finds but
no dictionary knows (``code=None``, :mod:`.entities`) → captions and labels (tokenised
only, :mod:`.captions`) → abbreviations and later mentions linked to first mentions
(:mod:`.coref`), with uncoded state institutions ("the Foreign Ministry", "ministry
spokesman X") coded from the article's context first (:mod:`.context`).

Dictionaries: :mod:`.dictionary` (packaged data, user TSV/YAML, PETRARCH files).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.actors import affiliation, context, coref
from eventwire.actors.acceptance import accepted
from eventwire.actors.captions import caption_mentions
from eventwire.actors.dictionary import Dictionary, Entry, build, code_kinds, country_codes
from eventwire.actors.entities import unresolved_entities
from eventwire.actors.grouping import group_mentions
from eventwire.actors.mention import Mention
from eventwire.actors.petrarch import article_day
from eventwire.actors.phrases import Match, Matcher
from eventwire.model import Actor, Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from eventwire.config import Config

__all__ = ["ActorStage", "Dictionary", "Entry", "build"]


class ActorStage:
    """Find actor mentions in a parsed article.

    The stage holds only what it loaded (dictionary, matcher, code kinds); each
    article's matches and date are passed from step to step.

    Args:
        config: pipeline settings; ``config.dictionaries`` are laid over the packaged
            dictionary in order (TSV, YAML or PETRARCH ``.actors``/``.agents``).
        nlp: the loaded spaCy pipeline (its vocab and tokenizer build the matcher).
    """

    def __init__(self, config: Config, nlp: Language) -> None:
        self.config = config
        self.nlp = nlp
        self.dictionary = build(getattr(config, "dictionaries", ()) or ())
        self.matcher = Matcher(self.dictionary, nlp)
        self.kinds = code_kinds(self.dictionary)

    def __call__(self, doc: Doc, article: Article) -> list[Actor]:
        """Return the article's actor mentions in text order."""
        text = article.text
        day = article_day(article.published)  # for dated PETRARCH codes
        raw = self.matcher.matches(doc, day)
        mentions = group_mentions(doc, accepted(doc, raw, self.matcher))
        mentions += unresolved_entities(doc, mentions)
        mentions += caption_mentions(article, self.nlp, self.matcher, day)
        # Before nested mentions go: "Catherine Russell, UNICEF's executive director"
        # reads its code from "UNICEF" inside the wider title mention.
        affiliation.affiliate(doc, mentions)
        mentions = _drop_nested(mentions)
        coref.resolve_abbreviations(mentions, text)

        def piece_matches(piece: str) -> list[Match]:
            # A short text read with the tokenizer only (a dateline).
            return self.matcher.matches(self.nlp.make_doc(piece), day)

        dateline = context.dateline_country(article, piece_matches)
        lead = context.lead_span(doc, article)
        dominant = context.dominant_country(mentions, lead, dateline)
        evidence = "dateline" if dateline else "context"
        context.resolve(mentions, text, dominant, evidence)
        coref.link(mentions, self.kinds)
        # After the links, so that "the minister" inherits the minister's state.
        affiliation.titled_officials(doc, mentions, text, dominant, evidence)
        affiliation.inherit(mentions)
        return _to_actors(mentions, text)


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    """Keep the widest mention where mentions overlap ("soldiers from Gondor" ⊃ "Gondor")."""
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for m in ordered:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def _to_actors(mentions: list[Mention], text: str) -> list[Actor]:
    # A descriptor that is no agent word ("the world body") is kept only when resolved.
    kept = [i for i, m in enumerate(mentions) if not (m.descriptor_only and m.code is None)]
    ids = {i: f"a{n}" for n, i in enumerate(kept, 1)}
    codes = country_codes()
    actors = []
    for i in kept:
        m = mentions[i]
        refers = m.refers_to
        actors.append(Actor(
            ids[i], text[m.start : m.end], m.start, m.end, code=m.code, sector=m.sector,
            kind=m.kind, name=m.person or m.name, anonymous=m.anonymous,
            refers_to=ids.get(refers) if refers is not None else None,
            country=m.home or (m.code if m.code in codes else None),
            evidence=(m.evidence or "dictionary") if m.code else None,
        ))
    return actors
