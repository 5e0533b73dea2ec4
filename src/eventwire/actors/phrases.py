"""Dictionary phrases found in a doc: one :class:`spacy.matcher.PhraseMatcher` holding
every phrase (built once), longest matches first, and the case rules a match must pass."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.matcher import PhraseMatcher

from eventwire.actors.lookup import Dictionary, Entry
from eventwire.actors.petrarch import on_day

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

#: A dictionary match: the matched words and what they mean.
Match = tuple["Span", Entry]

# Parts of speech of a word used as a noun: spaCy's tag set, not knowledge to tune.
NOUNS = frozenset({"NOUN", "PROPN"})
# Patterns are added in chunks of this many: it keeps memory flat for large PETRARCH
# dictionaries (a resource limit, not a matching rule).
_CHUNK = 5000


@dataclass(frozen=True, slots=True)
class DocMatches:
    """One doc's accepted dictionary matches, indexed by the tokens each covers."""

    doc: Doc
    by_token: dict[int, Match]

    @classmethod
    def index(cls, doc: Doc, matches: Iterable[Match]) -> DocMatches:
        """Index ``matches`` of ``doc`` by token (a later match wins a shared token)."""
        by_token: dict[int, Match] = {}
        for span, entry in matches:
            for i in range(span.start, span.end):
                by_token[i] = (span, entry)
        return cls(doc, by_token)

    def at(self, i: int) -> Match | None:
        """The match covering token ``i``, if any."""
        return self.by_token.get(i)


class Matcher:
    """Every dictionary phrase, matched on spaCy's ``LOWER`` attribute.

    Args:
        dictionary: the phrases and what they mean.
        nlp: the loaded spaCy pipeline (its vocab and tokenizer build the patterns).
    """

    def __init__(self, dictionary: Dictionary, nlp: Language) -> None:
        self.dictionary = dictionary
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        #: Lower-case words of each pattern → (entry, whether it matches only in capitals).
        self.lookup: dict[tuple[str, ...], tuple[Entry, bool]] = {}
        # Tokenizer exceptions are case-sensitive ("U.N." is one token, "u.n." two),
        # so each key is tokenised as written in lower, title and upper case.
        keys = list(dictionary.entries)
        variants = [(k, v) for k in keys for v in dict.fromkeys((k, k.title(), k.upper()))]
        # Language types its tokenizer as a plain callable; spaCy's Tokenizer has .pipe.
        tokenizer: Any = nlp.tokenizer
        patterns = []
        for (key, _), pattern in zip(variants, tokenizer.pipe(v for _, v in variants), strict=False):
            words = tuple(t.lower_ for t in pattern)
            if words in self.lookup and self.lookup[words][0] is dictionary.entries[key]:
                continue
            self.lookup[words] = (dictionary.entries[key], key in dictionary.exact)
            patterns.append(pattern)
        for i in range(0, len(patterns), _CHUNK):
            self.matcher.add("ACTOR", patterns[i : i + _CHUNK])

    def matches(self, doc: Doc, day: int | None = None) -> list[Match]:
        """Longest non-overlapping dictionary matches that pass the case rules.

        Args:
            doc: the parsed (or only tokenised) text.
            day: the article's date as ``YYYYMMDD``; PETRARCH entries with dated codes
                take the code valid on that day.
        """
        spans = _longest(self.matcher(doc, as_spans=True))
        found = []
        for span in spans:
            hit = self.lookup.get(tuple(t.lower_ for t in span))
            if hit is None:
                continue
            entry, exact = hit
            if not _case_ok(span, entry, exact) or _anti(span):
                continue
            if entry.dated:
                entry = on_day(entry, day)
            found.append((span, entry))
        return found

    def is_title(self, token: Token) -> bool:
        """Whether a word is a one-word agent word for a person ("President", "minister")."""
        hit = self.lookup.get((token.lower_,))
        return hit is not None and hit[0].form == "agent" and hit[0].kind == "person"


def _case_ok(span: Span, entry: Entry, exact: bool) -> bool:
    text = span.text
    if exact:
        return text.replace(".", "").replace(" ", "").isupper()
    if entry.form == "agent":
        # "official visit", "press ahead": an agent word must be used as a noun.
        return span[-1].pos_ in NOUNS or not span[-1].pos_
    if entry.kind == "group" and entry.code is None and (entry.name or "").islower():
        return True  # "world powers", "developing countries" are written in lower case
    # Names and adjectives are capitalised ("turkey", "chad" are not countries).
    return any(t.text[:1].isupper() for t in span)


def _longest(spans: Any) -> list[Span]:
    """Longest non-overlapping spans; at equal length a span not opening with "the" wins.

    Like ``spacy.util.filter_spans``, except that "West Bank" beats "the West" in "the
    West Bank" (a leading article is the weakest part of a match).
    """
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), s[0].lower_ == "the", s.start))
    taken: set[int] = set()
    kept = []
    for span in ordered:
        if any(i in taken for i in range(span.start, span.end)):
            continue
        kept.append(span)
        taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


def _anti(span: Span) -> bool:
    """ "anti-Somali fighters", "anti-American protests": the word names whom the
    people oppose, not who they are (the prefix "anti" is English morphology)."""
    doc, start = span.doc, span.start
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "anti"
