"""Checks an ambiguous dictionary match must pass in its article: "Jordan",
"Washington", "Bush" are names of states or leaders only in the right context
(``ambiguous.tsv``, ``people.tsv`` short forms)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.actors.lookup import Entry
from eventwire.actors.phrases import Match, Matcher
from eventwire.actors.words import joiners

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Parser entity labels of longer names an ambiguous name may be part of ("Michael
# Jordan", "Washington Post", "Chad Basin"): spaCy's label set, the parser contract.
LONGER_NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "FAC", "GPE", "LOC"})


def accepted(doc: Doc, raw: list[Match], matcher: Matcher) -> list[Match]:
    """The article's matches that pass their context checks, in order.

    Args:
        doc: the parsed article.
        raw: every dictionary match of the article (some confirm others).
        matcher: the stage's matcher (it knows which words are titles).
    """
    return [(s, e) for s, e in raw if _accept(doc, s, e, raw, matcher)]


def _accept(doc: Doc, span: Span, entry: Entry, raw: list[Match], matcher: Matcher) -> bool:
    """Ambiguous names ("Jordan", "Washington", "Bush") need their context."""
    if entry.kind == "person" and entry.form == "name":
        return _accept_person(doc, span, entry, matcher)
    if not entry.support:
        return True
    for ent in doc.ents:
        if ent.start <= span.start and span.end <= ent.end:
            if (ent.end - ent.start) > (span.end - span.start) and ent.label_ in LONGER_NAME_LABELS:
                return False
            break
    words = {w for w in entry.support if w}
    if not words or _beside_country(doc, span, raw):
        return True
    lower = doc.text.lower()
    return any(w in lower for w in words) or _other_mention(span, entry, raw)


def _is_country(entry: Entry | None) -> bool:
    return (entry is not None and entry.kind == "state" and entry.form == "name"
            and bool(entry.code) and not entry.support)


def _beside_country(doc: Doc, span: Span, raw: list[Match]) -> bool:
    """Whether an ambiguous name is coordinated with an unambiguous country name:
    "the United States and Jordan", "Egypt, Jordan and Qatar"."""
    starts = {s.start: e for s, e in raw}
    ends = {s.end: e for s, e in raw}
    before = span.start - 1
    if before > 0 and doc[before].lower_ in joiners() and _is_country(ends.get(before)):
        return True
    after = span.end
    return (after + 1 < len(doc) and doc[after].lower_ in joiners()
            and _is_country(starts.get(after + 1)))


def _accept_person(doc: Doc, span: Span, entry: Entry, matcher: Matcher) -> bool:
    """A leader's name, unless it is part of another name ("Jeb Bush").

    An ambiguous short form ("Bush", "Rice") also needs a title right before it
    ("President Bush") or one of the person's full names in the article.
    """
    if _inside_longer_name(doc, span, matcher):
        return False
    if not entry.full:
        return True
    if span.start > 0 and matcher.is_title(doc[span.start - 1]):
        return True
    lower = doc.text.lower()
    return any(name in lower for name in entry.full)


def _inside_longer_name(doc: Doc, span: Span, matcher: Matcher) -> bool:
    """Whether a PERSON entity adds other capitalised names to the span."""
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.end <= span.start or span.end <= ent.start:
            continue
        others = [t for t in ent if not (span.start <= t.i < span.end)]
        return any(t.text[:1].isupper() and t.is_alpha and not matcher.is_title(t)
                   for t in others)
    return False


def _other_mention(span: Span, entry: Entry, raw: list[Match]) -> bool:
    """Whether another, unambiguous match in the article names the same code."""
    return any(e.code == entry.code and other.start != span.start and not e.support
               for other, e in raw)
