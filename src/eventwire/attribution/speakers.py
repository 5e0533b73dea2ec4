"""Speaker resolution and anonymity for attribution sources.

The source span stays as written ("he", "the official", "who"); resolution finds
the actor it points at: the actor mention overlapping the source (the one holding
the source's head word first), else, for pronouns and bare descriptors ("the
official", "the spokesman"), the most recent earlier source or actor mention that
fits.

Anonymity follows one rule: a source is anonymous when it identifies no person and no
named body. A named person ("Stephane Dujarric", "Rubio") or a named body ("the State
Department", "a DHS spokesperson", "China", "Pakistan's foreign ministry") is not;
"officials", "a source close to the talks", "authorities", "Chinese diplomats", "Biden
administration officials" and "two Clinton donors" are (a person's name that only
qualifies the people, as "Biden" does, identifies no one). A pronoun or a bare definite
descriptor ("he", "the official") takes its antecedent's flag, and a phrase near the
source ("speaking on condition of anonymity", "anonymously") makes any source anonymous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from eventwire.actors.antecedents import person_before
from eventwire.attribution.thresholds import THRESHOLDS
from eventwire.lexicons import load_yaml
from eventwire.model import Actor
from eventwire.nlp import span_root

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
    identified: bool
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
        self.documents = frozenset(words.get("documents", ()))
        self.quantifiers = frozenset(words.get("quantifiers", ()))
        #: Heads of sources that speak as one body: its groups that are no people, and
        #: documents ("police", "the agency", "state television", "a statement").
        self.bodies = (frozenset(words.get("groups", ())) - self.people - frozenset(words.get("people_groups", ()))
                       ) | frozenset(words.get("bodies", ())) | self.documents
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
        if actor is None and words.head is not None:
            # "Smith, who heads the agency, said …": a relative pronoun speaks as the
            # noun its clause describes; "it said" as the latest body before it.
            actor = _relative_antecedent(words.head, actors) or self._body_before(words, actors)
        sentence_anonymous = self._near_anonymous(text, start, end)
        if words.head_lower in self.pronouns or words.bare_descriptor:
            speaker = self._from_antecedent(doc, words, actor, sentence_anonymous, seen, actors, start)
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
        identified = self._identified(head, tokens)
        plural = head is not None and (head.tag_ in ("NNS", "NNPS") or head_lower in ("they", "we"))
        person = head is not None and not plural and (
            head.ent_type_ == "PERSON" or lemma in self.people
            or head_lower in ("he", "she", "him", "her")
        )
        determiners = frozenset(t.lower_ for t in tokens if t.dep_ == "det")
        bare_descriptor = (
            not named and lemma in self.descriptors and bool(determiners & {"the", "this", "that"})
        )
        return _SourceWords(head, head_lower, lemma, tokens, named, identified, plural, person,
                            determiners, bare_descriptor)

    def _identified(self, head: Any, tokens: list[Any]) -> bool:
        """Whether the source names a person or a body (the anonymity rule above)."""
        if head is None:
            return False
        if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "GPE"):
            return True  # "Dujarric", "the State Department", "China"
        lemma = head.lemma_.lower()
        plural = head.tag_ in ("NNS", "NNPS")
        # What the head is: a body ("the Chinese government") or a document of one ("a
        # Turkish presidential statement") is named by a state word; a singular office
        # with "the" or a possessor ("the French foreign minister") is its one holder.
        body = (lemma in self.descriptors and lemma not in self.people) or lemma in self.documents
        definite = not plural and any(t.lower_ == "the" or t.dep_ == "poss" for t in tokens if t.i < head.i)
        # "the regional governor", "the bloc's foreign policy chief", "the agency": one
        # holder, one body; "the official", "the source" stay as anonymous as they were.
        if definite and (body or (lemma in self.people and lemma not in self.anonymous_heads)):
            return True
        office = lemma in self.people and definite
        for t in tokens:
            if t.i == head.i:
                continue
            if t.ent_type_ == "PERSON":
                # "Biden administration officials", "two Clinton donors", "a source close
                # to Putin": a name only qualifies the people; "senators led by Jim Risch"
                # and "his spokesman, Ned Price" name them.
                if t.i > head.i and _naming_link(t, head):
                    return True
            elif t.ent_type_ == "ORG" or (t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP")):
                return True  # "a DHS spokesperson", "State Department officials"
            elif t.ent_type_ in ("GPE", "NORP") and (body or office):
                return True
        return False

    def _from_antecedent(
        self, doc: Any, words: _SourceWords, actor: Actor | None, sentence_anonymous: bool,
        seen: list[_Seen], actors: list[Actor], start: int,
    ) -> Speaker | None:
        """A pronoun or bare descriptor ("he", "the official") speaks as its antecedent."""
        antecedent = self._antecedent(doc, words.head_lower, words.lemma, words.plural, seen,
                                      actors, start)
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
        """Whether a source with no antecedent is anonymous (the rule in the module docstring)."""
        if sentence_anonymous:
            return True
        head = words.head
        if head is None or words.head_lower in self.pronouns or (
                head.pos_ == "PRON" and words.head_lower not in self.quantifiers):
            # A pronoun no earlier source explains: the actor stage's link, if any.
            return actor is not None and actor.anonymous
        # Not anonymous: a name, or a body or document that speaks as one ("police", "a
        # statement"). Anonymous: people described without a name ("officials", "analysts",
        # "many", "some").
        return not (words.identified or words.lemma in self.bodies or head.pos_ == "PROPN")

    @staticmethod
    def _body_before(words: _SourceWords, actors: list[Actor]) -> Actor | None:
        """ "it said": the latest coded actor that is not a person, in the sentence or the
        one before."""
        head = words.head
        if head is None or head.lower_ != "it":
            return None
        sent = head.sent
        floor = head.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        return next((a for a in reversed(actors)
                     if floor <= a.start and a.end <= head.idx and a.code and a.kind != "person"), None)

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
        self, doc: Any, pronoun: str, lemma: str, plural: bool, seen: list[_Seen],
        actors: list[Actor], start: int,
    ) -> Speaker | None:
        if pronoun in ("he", "she", "him", "her"):
            return self._person_antecedent(doc, seen, actors, start)
        # Earlier sources first: the speaker of the previous attribution is the usual
        # referent of "they" and "the official" in news prose.
        for item in reversed(seen):
            if item.start >= start:
                continue
            if pronoun in ("they", "them", "we"):
                if item.plural:
                    return item.speaker
            elif pronoun == "who":
                return None
            elif item.head == lemma:
                return item.speaker
        return None

    def _person_antecedent(self, doc: Any, seen: list[_Seen], actors: list[Actor],
                           start: int) -> Speaker | None:
        """ "he", "she": the latest earlier speaker or subject person
        (:mod:`eventwire.actors.antecedents`)."""
        spoke = next((item for item in reversed(seen) if item.start < start and item.person
                      and not item.plural and (item.head not in self.pronouns
                                               or item.speaker.actor is not None)), None)
        actor = person_before(doc, actors, start, after=spoke.start if spoke else -1)
        if actor is not None:
            root = span_root(doc, actor.start, actor.end)
            words = self._read_words(doc, actor.start, actor.end, root.i if root is not None else None)
            return Speaker(actor.entity, not words.identified, True)
        return spoke.speaker if spoke else None


def _naming_link(name: Any, head: Any) -> bool:
    """Whether a name after the source's head names the source: through an apposition
    or an agent ("led by"), not as the object of "close to" or "familiar with"."""
    node = name
    while node.i != head.i and node.head.i != node.i:  # spaCy makes a new Token per access
        if node.dep_ in ("appos", "agent") or (node.dep_ == "pobj" and node.head.lower_ == "by"):
            return True
        node = node.head
    return False


def _relative_antecedent(head: Any, actors: list[Actor]) -> Actor | None:
    if head.tag_ not in ("WP", "WDT") or head.head.dep_ != "relcl":
        return None
    noun = head.head.head
    return _overlapping(actors, noun.idx, noun.idx + len(noun.text), noun)


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
