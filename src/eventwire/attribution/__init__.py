"""The attribution stage: quotes and reported speech with source, cue and content.

Contract: :class:`AttributionStage` is built once from a :class:`Config` and the
loaded spaCy ``nlp`` and called per article with ``doc``, ``article`` and the actor
mentions; it returns attributions in text order, ids ``q1``, ``q2`` …

How it works (one module each):

- :mod:`.quotes` scans quotation marks paragraph by paragraph;
- :mod:`.cues` finds cue words from the lexicon and reads content and source off
  the dependency parse ("said that …", "according to X", "X's claim that …");
- :mod:`.lines` reads cues marked by layout (signature dashes, ``Speaker:`` lines);
- :mod:`.joining` joins quotes to cues ("…," the official said, "…") and carries
  quotes over following paragraphs;
- :mod:`.univocal` keeps each token in one attribution (outer cue first);
- :mod:`.speakers` resolves sources to actors ("he" → "a senior American official")
  and marks anonymous ones.

Thresholds and word lists are data: :mod:`.thresholds` and :mod:`.words` read them
from ``data/attribution/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventwire.attribution.claims import claims
from eventwire.attribution.cues import CueFinder, CueMatch, paragraph_ids
from eventwire.attribution.joining import attach_quotes, continue_quotes
from eventwire.attribution.lines import colon_lines, dash_signatures
from eventwire.attribution.quotes import closes_quote, find_quotes, is_quote_mark, opens_quote
from eventwire.attribution.speakers import Speaker, SpeakerResolver
from eventwire.attribution.univocal import drop_quoted_cues, keep_univocal
from eventwire.model import Actor, Article, Attribution, Source, Span

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.config import Config

__all__ = ["AttributionStage", "attribution_kind"]


_DOUBLED = "''"  # two apostrophes used as a double quotation mark


class AttributionStage:
    """Find who says what in a parsed article.

    Holds only what it loaded (the cue lexicons, the speaker words); everything about
    one article stays in the call.
    """

    def __init__(self, config: Config | None = None, nlp: Language | None = None) -> None:
        self.config = config
        self.finder = CueFinder()
        self.speakers = SpeakerResolver()

    def __call__(self, doc: Any, article: Article, actors: list[Actor]) -> list[Attribution]:
        """Return the attributions of one article in text order.

        Args:
            doc: the spaCy parse of ``clean.nlp_text(article)`` (same offsets).
            article: the article; span texts are cut from ``article.text``.
            actors: the actor stage's mentions, for ``source.actor``.
        """
        text = doc.text
        headline = next(
            ((e.start, e.end) for e in article.excluded if e.kind == "headline"), None,
        )
        quotes = find_quotes(text, headline=headline)
        # Number the paragraphs once for this article, the headline end as a break.
        para = paragraph_ids(doc, (headline[1],) if headline else ())
        found = self.finder.find(doc, para)
        found += dash_signatures(doc, quotes) + colon_lines(doc, headline)
        found = drop_quoted_cues(found, quotes)
        attach_quotes(found, quotes, text)
        continue_quotes(found, quotes, text)
        kept = claims(doc, text, keep_univocal(doc, found, quotes))
        kept.sort(key=lambda f: (f.start, f.end))
        sources = [
            (f.source, f.source_token) if f.source is not None else None for f in kept
        ]
        speakers = self.speakers.resolve_all(doc, sources, actors)
        return [
            _record(article.text, f"q{n}", f, speaker)
            for n, (f, speaker) in enumerate(zip(kept, speakers, strict=True), start=1)
        ]


def _record(text: str, ident: str, found: CueMatch, speaker: Speaker | None) -> Attribution:
    """The output record of one kept match, span texts cut from ``text``."""
    parts = tuple(Span.of(text, s, e) for s, e in sorted(found.content))
    content = Span.of(text, parts[0].start, parts[-1].end)
    source = None
    if found.source is not None:
        s, e = found.source
        source = Source(text[s:e], s, e, speaker.actor if speaker else None,
                        bool(speaker and speaker.anonymous))
    cue = Span.of(text, found.cue[0][0], found.cue[-1][1])
    return Attribution(
        id=ident,
        kind=attribution_kind([p.text for p in parts]),
        content=content,
        source=source,
        cue=cue,
        content_parts=parts if len(parts) > 1 else (),
    )


def attribution_kind(pieces: list[str]) -> str:
    """``direct`` when every piece is inside quotation marks, ``mixed`` when some
    words are, ``indirect`` otherwise."""
    direct = all(opens_quote(p) and (closes_quote(p) or p[-1] in ".,!?") for p in pieces)
    if direct:
        return "direct"
    if any(is_quote_mark(ch) for p in pieces for ch in p) or any(_DOUBLED in p for p in pieces):
        return "mixed"
    return "indirect"
