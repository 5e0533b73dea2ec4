"""Joining quotes to cues.

- :func:`attach_quotes`: a content that cuts into a quote takes the whole quote, and a
  quote no content covers goes to the nearest cue whose clause introduces it
  ("“…,” the official said", "X said: “…”");
- :func:`continue_quotes`: an attribution carries on over the next quotes of its
  paragraph ("…," the official said. "…") and over whole quoted paragraphs after it,
  until another speaker's cue.

Both change the cue matches in place.
"""

from __future__ import annotations

import functools
import re

from eventwire.attribution.cues import CueMatch, Span, Spans
from eventwire.attribution.cues.syntax import overlaps
from eventwire.attribution.quotes import Quote, paragraph_spans
from eventwire.attribution.thresholds import THRESHOLDS
from eventwire.attribution.words import load_abbreviations

__all__ = ["attach_quotes", "continue_quotes"]

_DOUBLED = "''"  # two apostrophes used as a double quotation mark
_CLOSERS = "'\"”»’"
_QUOTE_MARK = re.compile("[\"“”„«»]|" + _DOUBLED)
#: A sentence end followed by more words: the attribution is not the paragraph's last.
_LATER_SENTENCE = re.compile(r"[.!?][\"”’']{0,3}\s+[\"“‘']{0,2}[A-Z0-9]")
#: Cue origins whose framing (an object, a clause commented on, nothing) gives way
#: to the quote they introduce: the quote is what was said.
_FRAMING = ("bare", "object", "prep", "parataxis")
#: Cue origins that take no quote of their own.
_NO_QUOTE = ("noun", "dash", "colon")
#: Cue origins that do not stop another attribution's quotes from carrying on.
_NO_STOP = ("noun", "object", "prep", "phrase")


@functools.cache
def _abbreviations() -> re.Pattern[str]:
    """Abbreviations whose period ends no sentence ("Sen.", "U.S."), from the data file."""
    words = "|".join(re.escape(w) for w in load_abbreviations())
    return re.compile(r"\b(?:" + words + r")\.")


def _is_speech(text: str, quote: Quote) -> bool:
    """A quote of speech, not a scare quote: four words or more, or closed by a
    comma, question or exclamation mark inside the marks ("“It’s fine,” he said")."""
    inner = text[quote.start : quote.end].rstrip(_CLOSERS)
    return len(inner.split()) >= THRESHOLDS.min_quote_words or inner[-1:] in (",", "?", "!")


def attach_quotes(found: list[CueMatch], quotes: list[Quote], text: str) -> None:
    """Join quotes to cues: widen contents that cut a quote, give bare cues their quote."""
    speech = [q for q in quotes if _is_speech(text, q)]
    for f in found:
        _widen_to_quotes(f, speech)
    covered = [(s, e) for f in found for s, e in f.content]
    for q in speech:
        span = (q.start, q.end)
        if any(overlaps(span, c) for c in covered):
            continue
        nearest = _nearest_cue(found, q, text)
        if nearest is None:
            continue
        if nearest.origin in _FRAMING:
            # The quote is what was said; an object or framing clause is not.
            nearest.content = [span]
            nearest.origin = "quote"
        else:
            nearest.content.append(span)
        covered.append(span)


def _widen_to_quotes(f: CueMatch, speech: list[Quote]) -> None:
    """Widen each content piece that cuts a quote (not the cue's) to the whole quote."""
    cue = (f.cue[0][0], f.cue[-1][1])
    widened = []
    for s, e in f.content:
        for q in speech:
            if overlaps((s, e), (q.start, q.end)) and not overlaps(cue, (q.start, q.end)):
                s, e = min(s, q.start), max(e, q.end)
        widened.append((s, e))
    f.content = widened
    quoted = [(s, e) for s, e in widened if any((q.start, q.end) == (s, e) for q in speech)]
    if quoted and len(widened) > 1:
        # "Regarding X, he said, “…”": the quote is the content, the rest is framing.
        after = quoted[0][0] >= cue[1]
        f.content = [p for p in widened if p in quoted or (p[0] >= cue[1]) == after]


def _joins(gap: str, cue_first: bool, bare: bool) -> bool:
    """Whether the text between a cue clause and a quote lets them belong together."""
    if len(gap) > THRESHOLDS.max_colon_gap or _QUOTE_MARK.search(gap):
        return False
    stripped = gap.strip()
    # "He then listed the qualities a nominee needs:" introduces the quote below it.
    if len(gap) > THRESHOLDS.max_quote_gap and not (cue_first and stripped.endswith(":")):
        return False
    if cue_first:
        # "X said, “…”", "X said:\n\n“…”", "X said in a statement “…”"
        if stripped.endswith(":"):
            return "." not in _abbreviations().sub("", stripped)
        if not stripped or stripped.endswith((",", "—", "-", "–")):
            return "\n" not in gap
        return bare and "." not in stripped and "\n" not in gap
    # "“…,” the official said": no sentence end and no paragraph break in between.
    return "\n" not in gap and "." not in _abbreviations().sub("", gap)


def _nearest_cue(found: list[CueMatch], q: Quote, text: str) -> CueMatch | None:
    """The cue whose clause introduces ``q`` with the shortest gap, before or after it."""
    best: tuple[int, CueMatch] | None = None
    for f in found:
        if f.origin in _NO_QUOTE:
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


#: A cue that stops quotes carrying on past it, by its cue's start offset.
_Stoppers = list[tuple[int, CueMatch]]


def continue_quotes(found: list[CueMatch], quotes: list[Quote], text: str) -> None:
    """Carry a quote on: the next quotes after the cue in the same paragraph
    ("…," the official said. "…"), then whole quoted paragraphs that follow."""
    paragraphs = paragraph_spans(text)
    # Only a speech cue with a speaker (or a passive one) stops a quote from carrying on.
    stoppers = sorted(
        ((f.cue[0][0], f) for f in found
         if (f.source is not None or f.passive) and f.origin not in _NO_STOP),
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
        hi = paragraphs[index][1]
        position = _carry_in_paragraph(f, quotes, hi, covered, stoppers)
        # The paragraph ends with this attribution: quoted paragraphs that follow
        # (opening mark first, no cue of their own) carry on what it says.
        if _LATER_SENTENCE.search(text, position, hi):
            continue
        _carry_over_paragraphs(f, quotes, paragraphs[index + 1 :], covered, stoppers, text)


def _carry_in_paragraph(f: CueMatch, quotes: list[Quote], hi: int, covered: Spans,
                        stoppers: _Stoppers) -> int:
    """Add the quotes after the attribution up to the paragraph end ``hi``, until one is
    taken or another speaker's cue comes between; return where the last one ends."""
    last = max(f.content)
    position = max(last[1], f.cue[-1][1], f.source[1] if f.source else 0)
    for q in quotes:
        if q.start < position or q.start >= hi:
            continue
        if any(overlaps((q.start, q.end), c) for c in covered):
            break
        if any(position <= c < q.start and g is not f for c, g in stoppers):
            break
        f.content.append((q.start, q.end))
        covered.append((q.start, q.end))
        position = q.end
    return position


def _carry_over_paragraphs(f: CueMatch, quotes: list[Quote], following: list[Span],
                           covered: Spans, stoppers: _Stoppers, text: str) -> None:
    """Add whole quoted paragraphs that follow: each must open with a quote, hold no
    stopping cue nor a taken quote; the first with words after its last quote ends it."""
    for lo, hi in following:
        if not any(q.start == lo for q in quotes) or any(lo <= c < hi for c, _ in stoppers):
            break
        pieces = [q for q in quotes if lo <= q.start < hi]
        if any(overlaps((q.start, q.end), c) for q in pieces for c in covered):
            break
        for q in pieces:
            f.content.append((q.start, q.end))
            covered.append((q.start, q.end))
        if text[pieces[-1].end : hi].strip():
            break
