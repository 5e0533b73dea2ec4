"""Speaker resolution and anonymity for attribution sources.

The source span stays as written ("he", "the official", "who"); resolution finds
the actor it points at: the actor mention overlapping the source (the one holding
the source's head word first), else, for pronouns and bare descriptors ("the
official", "the spokesman"), the most recent earlier source or actor mention that
fits. Anonymity comes from the actor stage's ``anonymous`` flag, from an unnamed
indefinite descriptor ("an official", "sources familiar with the talks"), or from a
phrase in the sentence ("speaking on condition of anonymity", "anonymously").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from eventwire.attribution.thresholds import THRESHOLDS
from eventwire.lexicons import load_yaml
from eventwire.model import Actor

WORDS = "attribution/speakers.yaml"


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved source: the actor entity id (or None) and anonymity."""

    actor: str | None
    anonymous: bool
    person: bool


@dataclass(frozen=True, slots=True)
class _SourceWords:
    """What a source's own words say about it (one source of one article)."""

    head: Any | None
    head_lower: str
    lemma: str
    tokens: list[Any]
    named: bool
    plural: bool
    person: bool
    determiners: frozenset[str]
    bare_descriptor: bool


@dataclass(slots=True)
class _Seen:
    start: int
    head: str
    plural: bool
    person: bool
    speaker: Speaker


class SpeakerResolver:
    """Resolve attribution sources of one article, in text order."""

    def __init__(self) -> None:
        words = load_yaml(WORDS) or {}
        self.people = frozenset(words.get("people", ()))
        self.descriptors = self.people | frozenset(words.get("groups", ()))
        self.anonymous_heads = frozenset(words.get("anonymous_heads", ()))
        self.pronouns: dict[str, str] = dict(words.get("pronouns", {}))
        self.titles = frozenset(words.get("titles", ()))
        phrases = sorted(words.get("anonymous_phrases", ()), key=len, reverse=True)
        self.anonymous_phrase = re.compile(
            r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE,
        ) if phrases else None

    def resolve_all(
        self, doc: Any, sources: list[tuple[tuple[int, int], int | None] | None], actors: list[Actor],
    ) -> list[Speaker | None]:
        """Resolve each ``((start, end), head_token)`` source; ``None`` stays ``None``.

        Sources must come in text order; earlier ones serve as antecedents.
        """
        ordered = sorted(actors, key=lambda a: a.start)
        text = doc.text  # built from the tokens on every access: read it once
        seen: list[_Seen] = []
        out: list[Speaker | None] = []
        for item in sources:
            if item is None:
                out.append(None)
                continue
            (start, end), head_i = item
            speaker = self._resolve_one(doc, text, start, end, head_i, ordered, seen)
            out.append(speaker)
        return out

    def _resolve_one(
        self, doc: Any, text: str, start: int, end: int, head_i: int | None,
        actors: list[Actor], seen: list[_Seen],
    ) -> Speaker:
        words = self._read_words(doc, start, end, head_i)
        actor = _overlapping(actors, start, end, words.head)
        sentence_anonymous = self._near_anonymous(text, start, end)
        if words.head_lower in self.pronouns or words.bare_descriptor:
            speaker = self._from_antecedent(words, actor, sentence_anonymous, seen, actors, start)
            if speaker is not None:
                seen.append(_Seen(start, words.lemma, words.plural, True, speaker))
                return speaker
        if (actor is None or actor.refers_to is None) and _is_surname(words.tokens, self.titles):
            earlier = self._full_name(words.tokens[-1].text, actors, start)
            if earlier is not None:
                actor = earlier
        anonymous = self._anonymous(words, actor, sentence_anonymous)
        speaker = Speaker(actor.entity if actor else None, anonymous, words.person)
        seen.append(_Seen(start, words.lemma, words.plural, words.person, speaker))
        return speaker

    def _read_words(self, doc: Any, start: int, end: int, head_i: int | None) -> _SourceWords:
        """What the source's own words say: its head, name, number, person, determiners."""
        head = doc[head_i] if head_i is not None else None
        head_lower = head.lower_ if head is not None else ""
        lemma = head.lemma_.lower() if head is not None else ""
        span = doc.char_span(start, end, alignment_mode="expand")
        tokens = list(span) if span is not None else []
        # A name makes a source named; a nationality or place ("a senior US official",
        # "Qatari mediators") does not.
        named = any(
            t.ent_type_ in ("PERSON", "ORG")
            or (t.pos_ == "PROPN" and t.ent_type_ not in ("NORP", "GPE", "LOC"))
            for t in tokens
        )
        plural = head is not None and (head.tag_ in ("NNS", "NNPS") or head_lower in ("they", "we"))
        person = head is not None and not plural and (
            head.ent_type_ == "PERSON" or lemma in self.people
            or head_lower in ("he", "she", "him", "her")
        )
        determiners = frozenset(t.lower_ for t in tokens if t.dep_ == "det")
        bare_descriptor = (
            not named and lemma in self.descriptors and bool(determiners & {"the", "this", "that"})
        )
        return _SourceWords(head, head_lower, lemma, tokens, named, plural, person, determiners,
                            bare_descriptor)

    def _from_antecedent(
        self, words: _SourceWords, actor: Actor | None, sentence_anonymous: bool,
        seen: list[_Seen], actors: list[Actor], start: int,
    ) -> Speaker | None:
        """A pronoun or bare descriptor ("he", "the official") speaks as its antecedent."""
        antecedent = self._antecedent(words.head_lower, words.lemma, words.plural, seen, actors, start)
        if antecedent is None:
            return None
        # The actor stage's own link wins; an unlinked mention takes the antecedent's.
        entity: str | None
        if actor is not None and (actor.refers_to or antecedent.actor is None):
            entity = actor.entity
        else:
            entity = antecedent.actor
        return Speaker(entity, antecedent.anonymous or sentence_anonymous, True)

    def _anonymous(self, words: _SourceWords, actor: Actor | None, sentence_anonymous: bool) -> bool:
        """Whether a source with no antecedent is anonymous."""
        # This stage's own rules decide anonymity; the actor stage's flag is a fallback
        # for sources whose head word says nothing (no descriptor, no name).
        lemma = words.lemma
        anonymous = sentence_anonymous or (
            actor is not None and actor.anonymous and not words.named and lemma not in self.descriptors
        )
        determiners = words.determiners
        definite = bool(determiners & {"the", "this", "that", "these", "those"}) or any(
            t.dep_ == "poss" for t in words.tokens
        )
        if not words.named and not definite and (
            lemma in self.anonymous_heads or (lemma in self.people and (determiners or words.plural))
        ):
            # "an official", "sources", "a Somali army commander", "Qatari mediators"
            anonymous = True
        return anonymous

    @staticmethod
    def _full_name(surname: str, actors: list[Actor], start: int) -> Actor | None:
        """The latest earlier multi-word mention ending in ``surname`` ("… Kemal Aydınlı")."""
        for actor in reversed(actors):
            words = actor.text.split()
            if actor.end <= start and len(words) > 1 and words[-1].rstrip(",") == surname:
                return actor
        return None

    def _near_anonymous(self, text: str, start: int, end: int) -> bool:
        """An anonymity phrase near the source, in its paragraph ("…, speaking on
        condition of anonymity, said")."""
        if self.anonymous_phrase is None:
            return False
        lo = max(text.rfind("\n", 0, start) + 1, start - THRESHOLDS.anonymity_window)
        hi = text.find("\n", end)
        hi = min(len(text) if hi < 0 else hi, end + THRESHOLDS.anonymity_window)
        return bool(self.anonymous_phrase.search(text, lo, hi))

    def _antecedent(
        self, pronoun: str, lemma: str, plural: bool, seen: list[_Seen],
        actors: list[Actor], start: int,
    ) -> Speaker | None:
        # Earlier sources first: the speaker of the previous attribution is the usual
        # referent of "he" and "the official" in news prose.
        for item in reversed(seen):
            if item.start >= start:
                continue
            if pronoun in ("he", "she", "him", "her"):
                if item.person and not item.plural and item.head not in self.pronouns:
                    return item.speaker
                if item.head in ("he", "she") and item.speaker.actor is not None:
                    return item.speaker
            elif pronoun in ("they", "them", "we"):
                if item.plural:
                    return item.speaker
            elif pronoun == "who":
                return None
            elif item.head == lemma:
                return item.speaker
        # A personal pronoun with no earlier speaker: the latest person mentioned.
        if pronoun in ("he", "she", "him", "her"):
            for actor in reversed(actors):
                if actor.end <= start and actor.kind == "person":
                    return Speaker(actor.entity, actor.anonymous, True)
        return None


def _overlapping(actors: list[Actor], start: int, end: int, head: Any) -> Actor | None:
    """The actor mention for a source: the one holding its head word, else the longest overlap."""
    hits = [a for a in actors if a.start < end and a.end > start]
    if not hits:
        return None
    if head is not None:
        holding = [a for a in hits if a.start <= head.idx < a.end]
        if holding:
            return max(holding, key=lambda a: a.end - a.start)
        # "UN peacekeepers in southern Lebanon": a name before the head word qualifies
        # the speaker; one after it (in a prepositional phrase) only places them.
        before = [a for a in hits if a.end <= head.idx]
        if before:
            return max(before, key=lambda a: a.end)
    return max(hits, key=lambda a: a.end - a.start)


def _is_surname(tokens: list[Any], titles: frozenset[str]) -> bool:
    """"Aydınlı", "Mr. Trump": one capitalised name, perhaps after a title."""
    words = [t for t in tokens if not t.is_punct]
    if len(words) == 2 and words[0].lower_ in titles:
        words = words[1:]
    return len(words) == 1 and words[0].pos_ == "PROPN" and words[0].text[:1].isupper()
