"""The attribution stage: quotes and reported speech with source, cue and content.

Contract: :class:`AttributionStage` is built once from a :class:`Config` and the
loaded spaCy ``nlp`` and called per article with ``doc``, ``article`` and the actor
mentions; it returns attributions in text order, ids ``q1``, ``q2`` …

How it works (one module each):

- :mod:`.quotes` scans quotation marks paragraph by paragraph;
- :mod:`.cues` finds cue words from the lexicon and reads content and source off
  the dependency parse ("said that …", "according to X", "X's claim that …");
- this module joins quotes to cues ("…," the official said, "…"), carries quotes over
  following paragraphs, keeps each token in one attribution (outer cue first);
- :mod:`.speakers` resolves sources to actors ("he" → "a senior American official")
  and marks anonymous ones.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from eventwire.attribution.cues import CueFinder, Found, paragraph_ids
from eventwire.attribution.lines import colon_lines, dash_signatures
from eventwire.attribution.quotes import (
    Quote,
    closes_quote,
    find_quotes,
    is_quote_mark,
    opens_quote,
    paragraph_spans,
)
from eventwire.attribution.speakers import SpeakerResolver
from eventwire.model import Actor, Article, Attribution, Source, Span

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.config import Config

__all__ = ["AttributionStage", "attribution_kind"]

_DOUBLED = "''"  # two apostrophes used as a double quotation mark
_CLOSERS = "'\"”»’"
#: A quote this short inside a sentence is a scare quote or a title, not speech.
_MIN_QUOTE_WORDS = 4
#: Most characters allowed between a quote and the cue clause that introduces it.
_MAX_GAP = 60
_MAX_COLON_GAP = 200


class AttributionStage:
    """Find who says what in a parsed article."""

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
        # Number the paragraphs once (cached on the doc), the headline end as a break.
        paragraph_ids(doc, (headline[1],) if headline else ())
        found = self.finder.find(doc)
        found += dash_signatures(doc, quotes) + colon_lines(doc, headline)
        found = drop_quoted_cues(found, quotes)
        _attach_quotes(found, quotes, text)
        _continue_quotes(found, quotes, text)
        kept = _univocal(doc, found, quotes)
        kept.sort(key=lambda f: (f.start, f.end))
        sources = [
            (f.source, f.source_token) if f.source is not None else None for f in kept
        ]
        speakers = self.speakers.resolve_all(doc, sources, actors)
        return [
            _record(article.text, f"q{n}", f, speaker)
            for n, (f, speaker) in enumerate(zip(kept, speakers, strict=True), start=1)
        ]


def _record(text: str, ident: str, found: Found, speaker: Any) -> Attribution:
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


def _is_speech(text: str, quote: Quote) -> bool:
    """A quote of speech, not a scare quote: four words or more, or closed by a
    comma, question or exclamation mark inside the marks ("“It’s fine,” he said")."""
    inner = text[quote.start : quote.end].rstrip(_CLOSERS)
    return len(inner.split()) >= _MIN_QUOTE_WORDS or inner[-1:] in (",", "?", "!")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _attach_quotes(found: list[Found], quotes: list[Quote], text: str) -> None:
    """Join quotes to cues: widen contents that cut a quote, give bare cues their quote."""
    speech = [q for q in quotes if _is_speech(text, q)]
    for f in found:
        cue = (f.cue[0][0], f.cue[-1][1])
        widened = []
        for s, e in f.content:
            for q in speech:
                if _overlaps((s, e), (q.start, q.end)) and not _overlaps(cue, (q.start, q.end)):
                    s, e = min(s, q.start), max(e, q.end)
            widened.append((s, e))
        f.content = widened
        quoted = [(s, e) for s, e in widened if any((q.start, q.end) == (s, e) for q in speech)]
        if quoted and len(widened) > 1:
            # "Regarding X, he said, “…”": the quote is the content, the rest is framing.
            after = quoted[0][0] >= cue[1]
            f.content = [p for p in widened if p in quoted or (p[0] >= cue[1]) == after]
    covered = [(s, e) for f in found for s, e in f.content]
    for q in speech:
        span = (q.start, q.end)
        if any(_overlaps(span, c) for c in covered):
            continue
        f = _nearest_cue(found, q, text)
        if f is None:
            continue
        if f.origin in ("bare", "object", "prep", "parataxis"):
            # The quote is what was said; an object or framing clause is not.
            f.content = [span]
            f.origin = "quote"
        else:
            f.content.append(span)
        covered.append(span)


_QUOTE_MARK = re.compile("[\"“”„«»]|" + _DOUBLED)
#: A sentence end followed by more words: the attribution is not the paragraph's last.
_LATER_SENTENCE = re.compile(r"[.!?][\"”’']{0,3}\s+[\"“‘']{0,2}[A-Z0-9]")
_ABBREVIATIONS = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Sen|Rep|Gov|Gen|St|Jr|U\.S)\.")


def _joins(gap: str, cue_first: bool, bare: bool) -> bool:
    """Whether the text between a cue clause and a quote lets them belong together."""
    if len(gap) > _MAX_COLON_GAP or _QUOTE_MARK.search(gap):
        return False
    stripped = gap.strip()
    # "He then listed the qualities a nominee needs:" introduces the quote below it.
    if len(gap) > _MAX_GAP and not (cue_first and stripped.endswith(":")):
        return False
    if cue_first:
        # "X said, “…”", "X said:\n\n“…”", "X said in a statement “…”"
        if stripped.endswith(":"):
            return "." not in _ABBREVIATIONS.sub("", stripped)
        if not stripped or stripped.endswith((",", "—", "-", "–")):
            return "\n" not in gap
        return bare and "." not in stripped and "\n" not in gap
    # "“…,” the official said": no sentence end and no paragraph break in between.
    return "\n" not in gap and "." not in _ABBREVIATIONS.sub("", gap)


def _nearest_cue(found: list[Found], q: Quote, text: str) -> Found | None:
    best: tuple[int, Found] | None = None
    for f in found:
        if f.origin in ("noun", "dash", "colon"):
            continue
        cs, ce = f.cue[0][0], f.cue[-1][1]
        if q.end <= cs:
            gap, cue_first = text[q.end : cs], False
        elif ce <= q.start:
            gap, cue_first = text[ce : q.start], True
        else:
            continue
        if not _joins(gap, cue_first, f.origin == "bare"):
            continue
        if best is None or len(gap) < best[0]:
            best = (len(gap), f)
    return best[1] if best else None


def _continue_quotes(found: list[Found], quotes: list[Quote], text: str) -> None:
    """Carry a quote on: the next quotes after the cue in the same paragraph
    ("…," the official said. "…"), then whole quoted paragraphs that follow."""
    paragraphs = paragraph_spans(text)
    # Only a speech cue with a speaker (or a passive one) stops a quote from carrying on.
    stoppers = sorted(
        (
            (f.cue[0][0], f) for f in found
            if (f.source is not None or f.extra.get("passive"))
            and f.origin not in ("noun", "object", "prep", "phrase")
        ),
        key=lambda pair: pair[0],
    )
    covered = [(s, e) for f in found for s, e in f.content]
    for f in found:
        if not f.content:
            continue
        last = max(f.content)
        index = next((i for i, p in enumerate(paragraphs) if p[0] <= last[0] < p[1]), None)
        if index is None:
            continue
        lo, hi = paragraphs[index]
        position = max(last[1], f.cue[-1][1], f.source[1] if f.source else 0)
        for q in quotes:
            if q.start < position or q.start >= hi:
                continue
            if any(_overlaps((q.start, q.end), c) for c in covered):
                break
            if any(position <= c < q.start and g is not f for c, g in stoppers):
                break
            f.content.append((q.start, q.end))
            covered.append((q.start, q.end))
            position = q.end
        # The paragraph ends with this attribution: quoted paragraphs that follow
        # (opening mark first, no cue of their own) carry on what it says.
        if _LATER_SENTENCE.search(text, position, hi):
            continue
        for lo, hi in paragraphs[index + 1 :]:
            if not any(q.start == lo for q in quotes) or any(lo <= c < hi for c, _ in stoppers):
                break
            pieces = [q for q in quotes if lo <= q.start < hi]
            if any(_overlaps((q.start, q.end), c) for q in pieces for c in covered):
                break
            for q in pieces:
                f.content.append((q.start, q.end))
                covered.append((q.start, q.end))
            if text[pieces[-1].end : hi].strip():
                break


def drop_quoted_cues(found: list[Found], quotes: list[Quote]) -> list[Found]:
    """Drop cues inside a quote: they are part of what the quote's speaker says."""
    speech = [(q.start, q.end) for q in quotes if q.end - q.start > 20]
    return [f for f in found if not _inside((f.cue[0][0], f.cue[-1][1]), speech)]


def _depth(token: Any) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def _inside(span: tuple[int, int], pieces: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in pieces)


def _univocal(doc: Any, found: list[Found], quotes: list[Quote]) -> list[Found]:
    """Keep each token in one attribution.

    A cue inside a quote, or inside another attribution's content, is part of what
    that source says (PolNeAR is univocal), so it goes first; then outer cues (nearer
    the root) win overlaps.
    """
    text = doc.text
    speech = [(q.start, q.end) for q in quotes if q.end - q.start > 20]
    live = [f for f in found if f.content]
    cues = {id(f): (f.cue[0][0], f.cue[-1][1]) for f in live}
    nested = set()
    for f in live:
        cue = cues[id(f)]
        if _inside(cue, speech):
            nested.add(id(f))
            continue
        for g in live:
            if g is not f and _inside(cue, g.content) and not _inside(cues[id(g)], f.content):
                nested.add(id(f))
                break
    kept: list[Found] = []
    claimed: list[tuple[int, int]] = []
    order = sorted(
        (f for f in live if id(f) not in nested),
        key=lambda f: (_depth(doc[f.cue_token]) if f.cue_token >= 0 else 0, f.cue[0][0]),
    )
    for f in order:
        cue = (f.cue[0][0], f.cue[-1][1])
        if any(_overlaps(cue, c) for c in claimed):
            continue
        content = [c for c in f.content if not any(_overlaps(c, k) for k in claimed)]
        if not content:
            continue
        content = _subtract(text, _dedupe(content), [cue, *([f.source] if f.source else [])])
        if not content:
            continue
        f.content = content
        kept.append(f)
        claimed.extend(f.content)
        claimed.append(cue)
        if f.source is not None:
            claimed.append(f.source)
    return kept


_EDGE = " \t\n\r\u00a0,;:—–-"


def _subtract(text: str, pieces: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Content pieces minus the cue and source (a parse can run a quote into its
    speaker: "“…,” the chief inspector said"), trimmed of separators."""
    for hs, he in holes:
        cut = []
        for s, e in pieces:
            if he <= s or hs >= e:
                cut.append((s, e))
                continue
            if s < hs:
                cut.append((s, hs))
            if he < e:
                cut.append((he, e))
        pieces = cut
    out = []
    for s, e in pieces:
        while s < e and text[s] in _EDGE:
            s += 1
        while e > s and text[e - 1] in _EDGE:
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _dedupe(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out
