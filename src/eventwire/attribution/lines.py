"""Attributions marked by layout rather than by a verb.

- Signature dashes: ``"…" ― Jane Doe`` and embedded tweets
  ``… pic.twitter.com/x — Jane Doe (@jdoe) July 5, 2016``: the dash is the cue, the
  name after it the source, the quote (or the tweet's line) before it the content.
- ``Speaker: text`` lines: ``Poll: Sanders leads``, ``TRUMP: We will win``: a short
  name before a colon at the start of a line, no verb in it; the rest of the line is
  the content.
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.attribution.cues import CueMatch, coarse_pos
from eventwire.attribution.quotes import Quote
from eventwire.attribution.thresholds import THRESHOLDS

_DASH = re.compile(
    r"[ \t\u00a0]*(?P<dash>[―—–]|--?)[ \t\u00a0]*"
    r"(?P<name>[A-Z][\w.'’-]*(?:[ \u00a0][A-Z@(][\w.'’-]*){0,4})"
)
_TWEET = re.compile(r"\s*\(@\w+\)")
_COLON = re.compile(r"(?P<name>[^\n:]{2,60}?)(?P<colon>:)[ \t\u00a0]+(?P<rest>\S[^\n]*)")


def _source_token(doc: Any, start: int, end: int) -> int | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root.i


def dash_signatures(doc: Any, quotes: list[Quote]) -> list[CueMatch]:
    """Quotes and tweets signed with a dash and a name."""
    text = doc.text
    found: list[CueMatch] = []
    ends = {q.end: q for q in quotes}
    for match in _DASH.finditer(text):
        start = match.start()
        quote = ends.get(start)
        name_start, name_end = match.span("name")
        name = match.group("name").rstrip(".,")
        name_end = name_start + len(name)
        tweet = _TWEET.match(text, name_end) is not None
        if quote is not None:
            content = (quote.start, quote.end)
        elif tweet:
            line_start = text.rfind("\n", 0, start) + 1
            line = text[line_start:start]
            # Skip markup left over from an embedded tweet ("<p …>").
            offset = line.rfind(">") + 1
            lead = len(line[offset:]) - len(line[offset:].lstrip())
            content = (line_start + offset + lead, start)
            if content[1] - content[0] < THRESHOLDS.min_tweet_chars:
                continue
        else:
            continue
        if not _is_signature_name(name):
            continue
        dash = match.span("dash")
        found.append(CueMatch(
            cue=[dash], content=[content], source=(name_start, name_end),
            source_token=_source_token(doc, name_start, name_end), cue_token=-1, origin="dash",
        ))
    return found


def _is_signature_name(name: str) -> bool:
    """A name, not a sentence: a few words, every one capitalised or a handle."""
    words = name.split()
    return bool(words) and len(words) <= THRESHOLDS.max_signature_name_words and all(
        w[0].isupper() or w[0] in "@(" for w in words
    )


def colon_lines(doc: Any, headline: tuple[int, int] | None) -> list[CueMatch]:
    """``Speaker: text`` at the start of a line (headlines and transcripts)."""
    text = doc.text
    found: list[CueMatch] = []
    position = 0
    first = len(text) - len(text.lstrip())
    for line in text.splitlines(keepends=True):
        start = position
        position += len(line)
        stripped = line.lstrip()
        lead = len(line) - len(stripped)
        match = _COLON.match(stripped)
        if match is None:
            continue
        name_start = start + lead + match.start("name")
        name_end = start + lead + match.end("name")
        name = match.group("name")
        if len(name.split()) > THRESHOLDS.max_colon_name_words or not name[:1].isupper():
            continue
        span = doc.char_span(name_start, name_end, alignment_mode="expand")
        if span is None or any(coarse_pos(t) == "VERB" or t.pos_ == "PRON" for t in span):
            continue
        # The first line is a headline whether or not the clean stage listed it
        # (a headline ending in a period is not listed).
        in_headline = start <= first < start + len(line) or (
            headline is not None and headline[0] <= name_start < headline[1]
        )
        if not in_headline and not name.isupper() and not _quoted(match.group("rest")):
            continue
        rest_start = start + lead + match.start("rest")
        rest = match.group("rest").rstrip()
        if rest.endswith(".") and not rest.endswith(("..", "U.S.")):
            rest = rest[:-1]
        if len(rest.split()) < 2:
            continue
        colon = start + lead + match.start("colon")
        found.append(CueMatch(
            cue=[(colon, colon + 1)], content=[(rest_start, rest_start + len(rest))],
            source=(name_start, name_end), source_token=span.root.i, cue_token=-1,
            origin="colon",
        ))
    return found


def _quoted(rest: str) -> bool:
    return rest[:1] in "\"“‘'«"
