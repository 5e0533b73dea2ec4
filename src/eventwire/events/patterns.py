"""The event lexicon: verb and noun patterns mapped to CAMEO codes, and grammar words.

Patterns live in ``data/events/verbs.tsv`` and ``data/events/nouns.tsv`` (format in
their headers and in the README); grammar words (modals, negators, light verbs,
target prepositions, pronouns) in ``data/events/grammar.tsv``. PETRARCH-format verb
dictionaries add patterns at run time (:mod:`eventwire.events.petrarch`).

Matching is a dict lookup: each token's lemma (and lower-case form) indexes the
patterns whose trigger it can be, and a pattern's further words are looked for among
the trigger's dependents. That is what a spaCy ``DependencyMatcher`` with one pattern
per entry would do, at a fraction of the cost for thousands of patterns.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from eventwire.errors import DataFileError
from eventwire.lexicons import load_tsv

VERBS_FILE = "events/verbs.tsv"
NOUNS_FILE = "events/nouns.tsv"
GRAMMAR_FILE = "events/grammar.tsv"
LITERAL_FILE = "events/literal.tsv"

# Dependencies followed when looking for a pattern's further words: objects, particles,
# prepositions and complements; never subjects, conjuncts or other clauses. (spaCy's
# English dependency labels: the parser's grammar, not knowledge to tune, so in code.)
_FOLLOW = frozenset(
    [
        "dobj", "dative", "prt", "prep", "pobj", "pcomp", "xcomp", "ccomp", "acomp", "attr",
        "oprd", "compound", "amod", "nmod", "npadvmod", "advmod", "neg", "det", "poss", "nummod",
        "appos", "agent", "acl", "aux", "auxpass",
    ]
)
# How far down a pattern's further words are looked for: the pattern format itself says
# "up to three arcs down" (header of verbs.tsv), so it stays with the matcher.
_MAX_DEPTH = 3


class Provenance(enum.Enum):
    """Where a pattern came from, which decides how the events stage treats it."""

    #: The packaged lexicon (``data/events/``): code shifts and the symmetric reading
    #: of a listed subject apply.
    BUILTIN = "builtin"
    #: A PETRARCH-format verb dictionary, which codes intent, refusal and compound
    #: actors in its own patterns.
    PETRARCH = "petrarch"
    #: Built by a caller in code (``make_pattern``, ``Pattern(...)``).
    GIVEN = "given"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One lexicon entry: a trigger lemma, further required words, and its CAMEO code.

    ``kind`` is ``"verb"`` or ``"noun"``; ``origin`` names the file it came from (for
    messages only); ``provenance`` says what kind of dictionary that was.
    ``target_code`` is set for PETRARCH two-way codes (``[042:043]``); ``compound``
    for PETRARCH's ``%`` slot ("- % * [030:030]": the subject is a list of actors).
    """

    code: str
    head: str
    words: tuple[str, ...]
    kind: str
    origin: str = ""
    target_code: str | None = None
    compound: str | None = None  # PETRARCH "%": "source" or "target" must be conjoined actors
    # Surface forms the trigger may take (PETRARCH lists verbs as forms, so "departes"
    # is no form of DEPART); ``None``: any form whose lemma is the head.
    forms: frozenset[str] | None = None
    provenance: Provenance = Provenance.GIVEN

    @property
    def builtin(self) -> bool:
        """Whether the pattern comes from the packaged lexicon."""
        return self.provenance is Provenance.BUILTIN

    @property
    def preps(self) -> tuple[str, ...]:
        """The pattern's prepositions, which say where its target is ("meet with")."""
        prepositions = pattern_prepositions()
        return tuple(w for w in self.words if w in prepositions)


@functools.lru_cache(maxsize=1)
def load_grammar() -> dict[str, frozenset[str]]:
    """Load ``grammar.tsv`` as ``{class: words}`` (cached); target prepositions keep order
    through :func:`target_preps`."""
    grammar: dict[str, frozenset[str]] = {}
    for _line, (name, words) in load_tsv(GRAMMAR_FILE, 2):
        grammar[name] = frozenset(_split(words))
    return grammar


@functools.cache
def grammar_list(name: str) -> tuple[str, ...]:
    """The words of one ``grammar.tsv`` class in file order (cached), for classes whose
    order matters ("in" before "at"); ``()`` for a class the file lacks."""
    for _line, (row_name, words) in load_tsv(GRAMMAR_FILE, 2):
        if row_name == name:
            return tuple(_split(words))
    return ()


def target_preps() -> tuple[str, ...]:
    """Target prepositions, most telling first."""
    return grammar_list("target_prep")


def pattern_prepositions() -> frozenset[str]:
    """Prepositions of the pattern format: in a noun pattern the head is the last word
    before the first of these, and a pattern word among them says where its target is."""
    return load_grammar()["pattern_prep"]


def _split(words: str) -> list[str]:
    return [w.strip() for w in words.split(";") if w.strip()]


def make_pattern(
    code: str, text: str, kind: str, origin: str = "", provenance: Provenance = Provenance.GIVEN,
) -> Pattern:
    """Build a pattern from its written form ("impose sanction on", "sale of weapon").

    Verb patterns: the first word is the trigger, unless it is a pattern modifier
    ("car bomb", "sexually assault"), then the next word is. Noun patterns: the trigger
    is the last word before the first preposition ("military aid" → aid, "sale of
    weapon" → sale). Hyphenated words split as spaCy splits them ("de-escalate").
    """
    words: list[str] = []
    for word in text.lower().split():
        words.extend(p for p in word.replace("-", " - ").split() if p != "-")
    if not words:
        raise DataFileError(origin or "<pattern>", "empty pattern")
    if kind == "noun":
        prepositions = pattern_prepositions()
        cut = next((i for i, w in enumerate(words) if w in prepositions and i > 0), len(words))
        head_index = cut - 1
    else:
        modifiers = load_grammar().get("pattern_modifier", frozenset())
        head_index = 1 if len(words) > 1 and words[0] in modifiers else 0
        if "-" in text.split()[0] and head_index == 0:
            head_index = len(text.split()[0].replace("-", " ").split()) - 1
    head = words[head_index]
    rest = tuple(words[:head_index] + words[head_index + 1 :])
    return Pattern(code, head, rest, kind, origin, provenance=provenance)


def _load_file(relative: str, kind: str) -> list[Pattern]:
    patterns = []
    for line, (code, texts) in load_tsv(relative, 2):
        if not code.isdigit():
            raise DataFileError(f"data/{relative}", f"bad CAMEO code {code!r}", line=line)
        for text in _split(texts):
            patterns.append(make_pattern(code, text, kind, f"data/{relative}:{line}", Provenance.BUILTIN))
    return patterns


def _load_literal() -> list[Pattern]:
    """Literal senses ("hold a press conference"): patterns with the empty code, which
    the events stage reads as "no event here"."""
    patterns = []
    for line, (kind, texts) in load_tsv(LITERAL_FILE, 2):
        if kind not in ("verb", "noun"):
            raise DataFileError(f"data/{LITERAL_FILE}", f"bad kind {kind!r}", line=line)
        for text in _split(texts):
            patterns.append(make_pattern("", text, kind, f"data/{LITERAL_FILE}:{line}", Provenance.BUILTIN))
    return patterns


@functools.lru_cache(maxsize=1)
def builtin_patterns() -> tuple[Pattern, ...]:
    """All packaged verb and noun patterns, literal senses last (cached)."""
    return tuple(
        _load_file(VERBS_FILE, "verb") + _load_file(NOUNS_FILE, "noun") + _load_literal()
    )


@functools.lru_cache(maxsize=1)
def event_nouns() -> frozenset[str]:
    """The trigger words of the packaged noun patterns ("talks", "attack", "embargo")."""
    return frozenset(p.head for p in builtin_patterns() if p.kind == "noun" and p.code)


class Lexicon:
    """Patterns indexed by trigger word, ready to match tokens of a parsed ``Doc``.

    Args:
        extra: patterns that come first (user or PETRARCH dictionaries): for one
            trigger they are tried before the packaged ones and win ties.
        builtin: also load the packaged lexicon (``False`` codes with ``extra`` alone,
            as PETRARCH does with its own dictionaries).
    """

    def __init__(self, extra: Iterable[Pattern] = (), *, builtin: bool = True) -> None:
        self.verbs: dict[str, list[Pattern]] = {}
        self.nouns: dict[str, list[Pattern]] = {}
        extra = list(extra)
        self.size = 0
        seen: set[tuple[str, str, tuple[str, ...], str | None]] = set()
        for pattern in [*extra, *(builtin_patterns() if builtin else ())]:
            key = (pattern.kind, pattern.head, pattern.words, pattern.compound)
            if key in seen:  # an earlier (user) entry for the same words wins
                continue
            seen.add(key)
            self.size += 1
            index = self.verbs if pattern.kind == "verb" else self.nouns
            index.setdefault(pattern.head, []).append(pattern)
        for index in (self.verbs, self.nouns):
            for head, entries in index.items():
                # Most words first (a compound slot counts as one); Python's sort is
                # stable, so file order breaks ties.
                index[head] = sorted(entries, key=lambda p: -len(p.words) - bool(p.compound))

    def candidates(self, token: Any) -> list[Pattern]:
        """Patterns whose trigger this token can be (by part of speech and lemma)."""
        pos = token.pos_
        if pos == "VERB" or (pos in ("ADJ", "AUX") and token.tag_ == "VBN"):
            index = self.verbs
        elif pos == "NOUN":
            index = self.nouns
        else:
            return []
        lemma = token.lemma_.lower()
        found = index.get(lemma)
        if found is None and token.lower_ != lemma:
            found = index.get(token.lower_)
        return found or []

    def match(self, token: Any) -> tuple[Pattern, list[Any]] | None:
        """Return the most specific pattern that fits ``token`` and the tokens its words
        matched, or ``None``."""
        entries = self.candidates(token)
        if not entries:
            return None
        near = None
        for pattern in entries:
            if pattern.forms is not None and token.lower_ not in pattern.forms:
                continue
            if pattern.compound and not _compound(token, pattern.compound):
                continue
            if not pattern.words:
                return pattern, []
            if near is None:
                near, beyond = _reach(token)
            matched = _match_words(pattern.words, near, beyond)
            if matched is not None:
                return pattern, matched
        return None


def _compound(token: Any, where: str) -> bool:
    """Whether the trigger's subject ("source") or an object ("target") is conjoined
    ("Gondor and Osgiliath agree", "talks with Arnor and Gondor")."""
    node = token
    if where == "source":
        for _ in range(3):  # "have agreed to meet": the subject sits on a governing verb
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return any(c.dep_ == "conj" for s in subjects for c in s.children)
            if node.dep_ not in ("xcomp", "conj", "ccomp") or node.head is node:
                return False
            node = node.head
        return False
    return any(
        t.dep_ in ("dobj", "pobj") and any(c.dep_ == "conj" for c in t.children)
        for t in neighbourhood(token)
    )


def neighbourhood(token: Any) -> list[Any]:
    """The trigger's dependents (breadth first, up to three arcs) that patterns look at."""
    return _reach(token)[0]


def _reach(token: Any) -> tuple[list[Any], set[int]]:
    """The trigger's dependents (breadth first, up to three arcs), and the indices of
    those reached through a preposition of their own ("mobilized reservists for a war
    against Iraq": *against* hangs under *for*, so it is not the verb's "against")."""
    found: list[Any] = []
    beyond: set[int] = set()
    # A passive's subject is its object ("reservists were called up", "information was
    # passed to …"): the pattern's object words are looked for there too.
    frontier = [(token, False)] + [(c, False) for c in token.children if c.dep_ == "nsubjpass"]
    found.extend(c for c, _ in frontier[1:])
    for _ in range(_MAX_DEPTH):
        following = []
        for node, via in frontier:
            inner = via or (node is not token and node.dep_ == "prep")
            for child in node.children:
                if child.dep_ in _FOLLOW:
                    found.append(child)
                    following.append((child, inner))
                    if inner:
                        beyond.add(child.i)
        frontier = following
        if not frontier:
            break
    return found, beyond


def _match_words(
    words: tuple[str, ...], near: list[Any], beyond: AbstractSet[int] = frozenset(),
) -> list[Any] | None:
    matched = []
    used: set[int] = set()
    prepositions = pattern_prepositions()
    for word in words:
        options = frozenset(word.split("|")) if "|" in word else frozenset((word,))
        # A pattern's preposition must belong to the trigger or its object, not to
        # another preposition's object; an infinitive's "to" ("going to revoke") is
        # no preposition.
        prep = word in prepositions
        skip = beyond if prep else frozenset()
        hit = next(
            (t for t in near if t.i not in used and t.i not in skip
             and not (prep and t.dep_ == "aux")
             and (t.lemma_.lower() in options or t.lower_ in options)),
            None,
        )
        if hit is None:
            return None
        used.add(hit.i)
        matched.append(hit)
    return matched
