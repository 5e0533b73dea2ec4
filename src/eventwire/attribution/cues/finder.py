"""The cue finder: which tokens are cues, and which rule reads each.

:class:`CueFinder` holds what it loaded (the lexicons, the speaker descriptors, the
phrase keys and their matcher) and nothing per article: the paragraph numbers of a
doc are passed to :meth:`CueFinder.find`.
"""

from __future__ import annotations

from typing import Any

from eventwire.attribution import phrases as phrase_cues
from eventwire.attribution.cues.according import read_according
from eventwire.attribution.cues.lexicon import OBJECTS, PREPS, SPEAKERS, coarse_pos, load_lexicon
from eventwire.attribution.cues.match import CueMatch
from eventwire.attribution.cues.noun import read_noun
from eventwire.attribution.cues.phrase import read_phrase
from eventwire.attribution.cues.syntax import ParagraphIds, paragraph_ids, speaker_subject
from eventwire.attribution.cues.verb import read_verb, reports_that_clause
from eventwire.attribution.thresholds import THRESHOLDS
from eventwire.attribution.words import CUE_WORDS
from eventwire.lexicons import load_yaml

__all__ = ["CueFinder"]


class CueFinder:
    """Find cue-governed attributions in a parsed doc.

    Args:
        lexicon: ``{(lemma, pos): rate}`` of cue words (default ``cues.tsv``).
        preps: ``{(lemma, preposition): rate}`` (default ``cue_preps.tsv``).
        objects: ``{(verb or *, object or *): rate}`` (default ``cue_objects.tsv``).
    """

    def __init__(
        self,
        lexicon: dict[tuple[str, str], float] | None = None,
        preps: dict[tuple[str, str], float] | None = None,
        objects: dict[tuple[str, str], float] | None = None,
    ) -> None:
        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.preps = preps if preps is not None else load_lexicon(PREPS)
        self.objects = objects if objects is not None else load_lexicon(OBJECTS)
        words = load_yaml(SPEAKERS) or {}
        self.descriptors = frozenset(words.get("people", ())) | frozenset(words.get("groups", ()))
        table = phrase_cues.load_phrases()
        self.phrases = [
            key for key, (cues, rate) in table.items()
            if cues >= THRESHOLDS.min_phrase_cues and rate >= THRESHOLDS.min_phrase_rate
        ]
        # Built on first use, once per vocabulary (the loaded phrases, not per article).
        self._matcher: phrase_cues.PhraseMatcher | None = None
        self._vocab: Any = None

    def phrase_matcher(self, vocab: Any) -> phrase_cues.PhraseMatcher:
        """The phrase ``Matcher``, built once per vocabulary."""
        if self._matcher is None or self._vocab is not vocab:
            self._matcher = phrase_cues.build_matcher(vocab, self.phrases)
            self._vocab = vocab
        return self._matcher

    def _prep_cue(self, token: Any) -> bool:
        """A verb that is a cue only with the preposition after it ("rail against")."""
        if coarse_pos(token) != "VERB" or token.i + 1 >= len(token.doc):
            return False
        after = token.doc[token.i + 1]
        return (after.dep_ == "prep" and after.head.i == token.i
                and self.preps.get((token.lemma_.lower(), after.lower_), 0) >= THRESHOLDS.min_prep_rate)

    def object_rate(self, verb: Any) -> float:
        """The verb rate an object content needs: higher when the verb's subject is not
        speaker-like ("this race offers an opportunity", "a screen displays shades")."""
        if self.speaker_like(speaker_subject(verb)):
            return THRESHOLDS.min_object_rate
        return THRESHOLDS.min_object_rate_thing

    def speaker_like(self, subject: Any | None) -> bool:
        """A person or body: a personal pronoun, a name, or a person/group descriptor."""
        if subject is None:
            return False
        if subject.pos_ in ("PRON", "DET"):
            return subject.lower_ in CUE_WORDS.speaker_pronouns
        return (subject.pos_ == "PROPN" or subject.ent_type_ in CUE_WORDS.speaker_entities
                or subject.lemma_.lower() in self.descriptors)

    def object_sense(self, verb: Any, obj: Any, min_rate: float | None = None) -> bool:
        """Whether a verb with only an object reports something ("released a statement",
        "criticized the plan") rather than acting ("released prisoners", "found money").
        ``min_rate`` is the verb's own train rate it needs (see :meth:`object_rate`;
        default ``min_object_rate``)."""
        if min_rate is None:
            min_rate = THRESHOLDS.min_object_rate
        rate = self.objects.get((verb.lemma_.lower(), "*"))
        if rate is None or rate >= min_rate:
            return True
        return self.objects.get(("*", obj.lemma_.lower()), 0.0) >= THRESHOLDS.min_object_rate

    def rate(self, token: Any) -> float:
        """The token's lexicon rate (0 when not listed)."""
        return self.lexicon.get((token.lemma_.lower(), coarse_pos(token)), 0.0)

    def is_cue(self, token: Any, min_rate: float | None = None) -> bool:
        """True when the token's lemma and part of speech pass the lexicon threshold
        (``min_rate``, default the part of speech's ``min_rate`` in ``thresholds.yaml``)."""
        pos = coarse_pos(token)
        rate = self.lexicon.get((token.lemma_.lower(), pos))
        if rate is None:
            return False
        if min_rate is None:
            min_rate = THRESHOLDS.min_rate.get(pos, THRESHOLDS.min_rate_other)
        return rate >= min_rate

    def find(self, doc: Any, para: ParagraphIds | None = None) -> list[CueMatch]:
        """Return every cue-governed attribution in ``doc`` (nested ones included).

        Args:
            doc: the spaCy parse of one article.
            para: the paragraph number of each token (:func:`~.syntax.paragraph_ids`,
                computed here without extra breaks when not given).
        """
        if para is None:
            para = paragraph_ids(doc)
        found = [m for m in (self._read_word(token, para) for token in doc) if m is not None]
        done = {f.cue_token for f in found if f.content}
        for tokens in self._phrase_matches(doc):
            if tokens[0].lemma_ == "accord" or any(t.i in done for t in tokens):
                continue  # a word rule already read this cue
            result = read_phrase(tokens, self, para)
            if result is not None:
                found.append(result)
        return found

    def _read_word(self, token: Any, para: ParagraphIds) -> CueMatch | None:
        """Read one token as a cue word: "according to", a verb, a noun or adjective."""
        if token.lower_ == "according":
            according = read_according(token, para)
            if according is not None:
                return according
        if not (self.is_cue(token) or self._prep_cue(token) or reports_that_clause(token)):
            return None
        if coarse_pos(token) == "VERB":
            return read_verb(token, self, para)
        return read_noun(token, para)

    def _phrase_matches(self, doc: Any) -> list[list[Any]]:
        """The key words of each phrase match in ``doc``, in text order."""
        out = []
        for key, start, end in phrase_cues.matches(self.phrase_matcher(doc.vocab), doc):
            tokens = phrase_cues.key_tokens(doc, key, start, end)
            if tokens:
                out.append(tokens)
        return out
