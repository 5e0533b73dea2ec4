"""The events stage: who did what to whom, coded in CAMEO and PLOVER.

Contract: :class:`EventStage` is built once from a :class:`Config` and the loaded spaCy
``nlp`` and called per article with ``doc``, ``article``, actor mentions and
attributions; it returns events in text order, with ids ``e1``, ``e2`` …

Steps per article: every token is looked up in the lexicon (a dict lookup on its
lemma, :mod:`.patterns`); a token that is one of the words of a more specific match
("negotiate" in "refused to negotiate") is not a trigger of its own; roles come from
the parse (:mod:`.roles`, one module per construction), modality and negation from auxiliaries, clause markers and
governing verbs (:mod:`.modality`); the claim is the attribution whose content holds
the trigger. Events whose roles are all unresolved are kept only inside quotations or
attributions, where a claim without named actors ("There will be no sale …") is still
worth recording, and even there not an event noun named in passing ("the revolution",
"the attacks" in a prepositional phrase).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.clean import paragraphs
from eventwire.events.codebook import Code, lookup
from eventwire.events.evidence import confidence, features, score
from eventwire.events.modality import governor_in, modality, negated, shift
from eventwire.events.patterns import Lexicon, Pattern, load_grammar
from eventwire.events.petrarch import load_verbs
from eventwire.events.roles import (
    Filler,
    RoleContext,
    addressee,
    agent_subject,
    domestic,
    noun_roles,
    resolve,
    verb_roles,
)
from eventwire.events.roles.syntax import infinitive
from eventwire.events.roots import root_has
from eventwire.model import Actor, Article, Attribution, Event, Span

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.config import Config

__all__ = ["EventStage", "Lexicon", "Pattern", "confidence", "load_verbs", "petrarch_lexicon"]

# Quoted passages (curly or straight double quotes) within one paragraph.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|«[^»]*»")


def petrarch_lexicon(*paths: str | Path) -> Lexicon:
    """A lexicon of PETRARCH verb dictionaries alone, without the packaged patterns, as
    PETRARCH codes with its own dictionaries.

    Args:
        paths: PETRARCH-format verb dictionaries (``CAMEO.2.0.txt``), earlier ones
            winning ties.

    Returns:
        A :class:`Lexicon` to set as an :class:`EventStage`'s ``lexicon``.

    Raises:
        DataFileError: when a dictionary cannot be read or is malformed.

    Example:
        >>> pipe.events.lexicon = petrarch_lexicon("PETR.Validate.verbs.txt")  # doctest: +SKIP
    """
    return Lexicon([p for path in paths for p in load_verbs(path)], builtin=False)


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the stage knows of the one article it is coding; built per call, never kept."""

    text: str
    attributions: list[Attribution]
    quoted: list[tuple[int, int]]  # quoted passages, as character offsets
    paragraphs: list[tuple[int, int]]
    paragraph_starts: list[int]

    @classmethod
    def of(cls, article: Article, attributions: list[Attribution]) -> _Reading:
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(article.text)]
        spans = list(paragraphs(article.text))
        return cls(article.text, attributions, quoted, spans, [s for s, _ in spans])

    def in_quote(self, offset: int) -> bool:
        """Whether ``offset`` lies inside quotation marks."""
        return any(s <= offset < e for s, e in self.quoted)

    def sentence(self, token: Any) -> Span:
        """The trigger's sentence, cut to its paragraph: the parser sometimes runs a
        headline without a full stop into the next paragraph."""
        text = self.text
        start, end = token.sent.start_char, token.sent.end_char
        index = bisect.bisect_right(self.paragraph_starts, token.idx) - 1
        if index >= 0:
            para_start, para_end = self.paragraphs[index]
            start, end = max(start, para_start), min(end, para_end)
        piece = text[start:end]
        start += len(piece) - len(piece.lstrip())
        end = start + len(text[start:end].rstrip())
        return Span.of(text, start, end)


@dataclass(frozen=True, slots=True)
class _Draft:
    """An event before scoring: where it sorts (trigger offset, token, order of its
    pair) and the facts its confidence is read from."""

    start: int
    token: int
    order: int
    event: Event
    facts: dict[str, bool]
    builtin: bool  # from the packaged lexicon (the shifts and carriers apply to it only)


@dataclass(frozen=True, slots=True)
class _Coded:
    """An event's code, modality and roles after shifts, commands and the domestic rule."""

    code: str
    modality: str
    negated: bool
    sources: list[Filler]
    targets: list[Filler]


class EventStage:
    """Code events in a parsed article.

    Args:
        config: pipeline settings; ``config.verb_dictionaries`` (PETRARCH format) add
            patterns that are tried before the packaged lexicon.
        nlp: the loaded spaCy pipeline (unused: the stage reads the parsed ``Doc``).
    """

    def __init__(self, config: Config, nlp: Language) -> None:
        self.config = config
        extra: list[Pattern] = []
        for path in getattr(config, "verb_dictionaries", ()) or ():
            extra.extend(load_verbs(path))
        self.lexicon = Lexicon(extra)

    def __call__(
        self, doc: Any, article: Article, actors: list[Actor], attributions: list[Attribution],
    ) -> list[Event]:
        floor = self.config.min_confidence
        kept = [event for event, _ in self.explain(doc, article, actors, attributions)
                if event.confidence >= floor]
        return [replace(event, id=f"e{n}") for n, event in enumerate(kept, start=1)]

    def explain(
        self, doc: Any, article: Article, actors: list[Actor], attributions: list[Attribution],
    ) -> list[tuple[Event, dict[str, bool]]]:
        """Every event in text order, before the confidence floor, with the facts its
        confidence was read from (:data:`eventwire.events.evidence.FEATURES`); ids are
        not yet set. ``scripts/fit_confidence.py`` fits the model on these facts."""
        context = RoleContext.build(doc, list(actors))
        by_id = {a.id: a for a in actors}
        cues = {(q.cue.start, q.cue.end) for q in attributions if q.cue is not None}
        reading = _Reading.of(article, attributions)
        drafts: list[_Draft] = []
        claims: dict[str, RoleContext] = {}  # the speaking context of each attribution
        for token, pattern in self._matches(doc, cues):
            claim = _claim(token.idx, attributions)
            local = context
            if claim is not None:
                local = claims.get(claim.id) or claims.setdefault(
                    claim.id, _speaking(doc, claim, context, by_id),
                )
            in_quote = claim is not None or reading.in_quote(token.idx)
            for order, (event, facts) in enumerate(_events(token, pattern, reading, local, claim)):
                if event.source is None and event.target is None and (
                        not in_quote or _passing_noun(token, pattern)):
                    continue
                drafts.append(_Draft(event.trigger.start, token.i, order, event, facts, pattern.builtin))
        return _scored(doc, _drop_carriers(doc, drafts))

    def _matches(self, doc: Any, cues: set[tuple[int, int]]) -> list[tuple[Any, Pattern]]:
        found = []
        consumed: set[int] = set()
        for token in doc:
            if not token.is_alpha:
                continue
            match = self.lexicon.match(token)
            if match is None:
                continue
            pattern, words = match
            if _describing(token):
                continue  # "the banned movement", "a demanding gentleman": a description
            if root_has("cue_statement", pattern.code) and (token.idx, token.idx + len(token)) in cues:
                continue  # "announced", "stated": the attribution's cue, not an event
            consumed.update(t.i for t in words)
            if not pattern.code:
                consumed.add(token.i)  # a literal sense: "held a press conference"
                continue
            found.append((token, pattern))
        kept = [(t, p) for t, p in found if t.i not in consumed]
        return _drop_containers(kept)


def _events(
    token: Any, pattern: Pattern, reading: _Reading, context: RoleContext,
    claim: Attribution | None,
) -> Iterator[tuple[Event, dict[str, bool]]]:
    """The events of one trigger: one per source-target pair."""
    coded = _code(token, pattern, context)
    trigger = Span.of(reading.text, token.idx, token.idx + len(token))
    sentence = reading.sentence(token)
    for source, target, facts in _pairs(pattern, coded):
        yield Event(
            id="",
            cameo=facts.code,
            cameo_name=facts.name,
            plover=facts.plover,
            quad_class=facts.quad_class,
            goldstein=facts.goldstein,
            trigger=trigger,
            sentence=sentence,
            source=source.role() if source else None,
            target=target.role() if target else None,
            modality=coded.modality,
            negated=coded.negated,
            attribution=claim.id if claim else None,
            confidence=0.0,  # scored once the sentence's other events are known
        ), features(pattern, source, target, trigger=token, code=facts.code,
                    modality=coded.modality, claimed=claim is not None)


def _code(token: Any, pattern: Pattern, context: RoleContext) -> _Coded:
    """Roles from the parse, then the code shift (refusal, threat, demand, intent), the
    commander of an ordered act, the domestic rule and the demander."""
    if pattern.kind == "noun":
        sources, targets = noun_roles(token, pattern, context)
    else:
        sources, targets = verb_roles(token, pattern, context)
    mode, negation = modality(token), negated(token)
    code, kind, governor = pattern.code, None, None
    if pattern.builtin:
        # A user's (PETRARCH) dictionary codes intent and refusal in its own patterns.
        code, kind, governor = shift(token, pattern.code, mode)
    if kind is None:
        sources, targets = _commanded(token, sources, targets, context)
    sources, targets = domestic(sources, targets, token, code, context)
    if kind == "refused":
        negation = False  # the refusal itself is asserted
    if kind == "demanded" and governor is not None:
        sources, targets = _demanded(governor, sources, targets, context)
    return _Coded(code, mode, negation, sources, targets)


def _demanded(governor: Any, sources: list[Filler], targets: list[Filler], context: RoleContext,
              ) -> tuple[list[Filler], list[Filler]]:
    """ "demanded that Iran withdraw": the demander → the one asked to act."""
    who = agent_subject(governor)
    demanders = resolve(who, context) if who is not None else []
    if not demanders:
        return sources, targets
    asked = sources or targets
    return demanders, [f for f in asked if f.actor.entity not in {d.actor.entity for d in demanders}]


def _pairs(pattern: Pattern, coded: _Coded) -> Iterable[tuple[Filler | None, Filler | None, Code]]:
    """Source-target pairs with the codebook facts each is coded with."""
    sources, targets = coded.sources, coded.targets
    # "Israel and the US discussed …": both directions; a PETRARCH dictionary says
    # so itself with a compound slot ("- % * [030:030]"), and codes nothing else
    # without a target. Decided after the demand, which may supply a target.
    symmetric = len(sources) > 1 and not targets and (
        pattern.builtin or pattern.compound == "source"
    )
    pairs: list[tuple[Filler | None, Filler | None]]
    if symmetric:
        # "Israel and the US discussed …": each conjunct with each other one.
        pairs = [(s, t) for s in sources for t in sources if s is not t]
    else:
        none: list[Filler | None] = [None]  # a role not found: one event without it
        pairs = [(s, t) for s in (sources or none) for t in (targets or none)]
    facts = lookup(coded.code)
    found = [(s, t, facts) for s, t in pairs]
    if pattern.target_code and not symmetric:
        # PETRARCH two-way codes [042:043]: the target does the second act back.
        back = lookup(pattern.target_code)
        found += [(t, s, back) for s, t in pairs if s is not None and t is not None]
    return found


def _describing(token: Any) -> bool:
    """A participle or adjective that describes a noun ("the banned movement", "ousted
    president", "the besieged town", "a demanding gentleman") names a state of things,
    not an act the sentence reports; a participle used as a preposition ("given the
    crisis") names none either."""
    return token.dep_ in ("amod", "prep")


def _passing_noun(token: Any, pattern: Pattern) -> bool:
    """An event noun named in passing ("the opposition", "genocide", "the attacks" in a
    prepositional phrase or as a modifier): with no participant it is no event, even in
    a quotation. One that a verb acts on ("a loan was approved") stays."""
    return pattern.kind == "noun" and token.dep_ not in load_grammar()["event_noun_deps"]


def _claim(offset: int, attributions: list[Attribution]) -> Attribution | None:
    """The attribution with the smallest content (or content part) holding ``offset``."""
    best = None
    for attribution in attributions:
        parts = attribution.content_parts or (attribution.content,)
        for part in parts:
            if part.start <= offset < part.end and (
                best is None or (part.end - part.start) < best[0]
            ):
                best = (part.end - part.start, attribution)
    return best[1] if best else None


def _speaking(doc: Any, claim: Attribution, context: RoleContext, by_id: dict[str, Actor]) -> RoleContext:
    speaker = by_id.get(claim.source.actor) if claim.source and claim.source.actor else None
    if speaker is not None and speaker.refers_to in by_id:
        # The role carries the entity; code and sector come from the first full mention.
        speaker = by_id[speaker.refers_to]
    return context.speaking(speaker, addressee(doc, claim, context, speaker))


def _commanded(trigger: Any, sources: list[Filler], targets: list[Filler], context: RoleContext,
               ) -> tuple[list[Filler], list[Filler]]:
    """ "The government ordered the paper to suspend publication": an act done on command
    is the commander's; whoever was ordered is the target unless the act has its own."""
    commander = governor_in(trigger, load_grammar()["commanding"])
    who = agent_subject(commander) if commander is not None else None
    commanders = resolve(who, context) if who is not None else []
    if not commanders:
        return sources, targets
    held = {f.actor.entity for f in commanders}
    ordered = [f for f in sources if f.actor.entity not in held]
    return commanders, [f for f in (targets or ordered) if f.actor.entity not in held]


# The verbs whose complement the shifts of ``shifts.tsv`` recode, and the roots they
# recode it to: "pledged to punish" is a threat (13x), "urged Iran to withdraw" a demand
# (10x), "refused to negotiate" a rejection (12x), "offered to hand over" an intent (03x).
# A carrier of another kind ("ordered", "began") passes the act on unchanged.
_SHIFTING = ("threatening", "refusing", "demanded", "intended")
_SHIFTED_ROOTS = frozenset({"03", "10", "12", "13"})


def _scored(doc: Any, drafts: list[_Draft]) -> list[tuple[Event, dict[str, bool]]]:
    """The events in text order, each with its confidence, once the sentence's other
    events are known: the event whose trigger stands highest in the parse of its
    sentence is the sentence's news (``top``); the others are its background
    ("killing 20", "after protests")."""
    depth = {d.token: _depth(doc[d.token]) for d in drafts}
    highest: dict[int, int] = {}
    for d in drafts:
        sentence = d.event.sentence.start
        highest[sentence] = min(highest.get(sentence, depth[d.token]), depth[d.token])
    events = []
    for d in sorted(drafts, key=lambda d: (d.start, d.token, d.order)):
        facts = dict(d.facts, top=depth[d.token] == highest[d.event.sentence.start])
        events.append((replace(d.event, confidence=score(facts)), facts))
    return events


def _depth(token: Any) -> int:
    """Arcs from the token up to its sentence's root."""
    depth = 0
    while token.head.i != token.i and depth < 99:
        token, depth = token.head, depth + 1
    return depth


def _drop_carriers(doc: Any, drafts: list[_Draft]) -> list[_Draft]:
    """One act for a verb and the coded complement that carries it ("pledged to punish",
    "ordered an air strike", "agreed to share", ``grammar.tsv`` ``carrier`` and
    ``carrier_object``). The complement already takes the verb's subject, modality and
    shift, so the verb's own event goes, unless it found more coded roles ("threatened
    to launch an offensive unless Baghdad …" keeps the threat that found Iraq; "staged a
    march in protest against abuses by Ugandan troops" the staging that found Uganda).
    A complement the shift did not reach ("threatened to send troops": 154) leaves both."""
    grammar = load_grammar()
    by_token: dict[int, list[Event]] = {}
    for d in drafts:
        if d.builtin:  # a user's (PETRARCH) dictionary codes its own complements
            by_token.setdefault(d.token, []).append(d.event)

    def strength(i: int) -> int:
        return max(sum(r is not None and r.code is not None for r in (e.source, e.target))
                   for e in by_token[i])

    dropped: set[int] = set()
    for i in by_token:
        token = doc[i]
        if token.pos_ != "VERB" or i in dropped:
            continue
        lemma = token.lemma_.lower()
        for child in token.children:
            if child.i not in by_token or child.i in dropped:
                continue
            carries = (
                (child.dep_ == "dobj" and child.pos_ == "NOUN" and lemma in grammar["carrier_object"])
                or (child.dep_ == "ccomp" and lemma in grammar["commanding"] and infinitive(child))
                or (child.dep_ == "xcomp" and lemma in grammar["carrier"] and (
                    lemma in grammar["commanding"]  # "ordered the paper to suspend": the act itself
                    or not any(lemma in grammar[name] for name in _SHIFTING)
                    or all(e.cameo[:2] in _SHIFTED_ROOTS for e in by_token[child.i])))
            )
            if carries:
                dropped.add(child.i if strength(i) > strength(child.i) else i)
            if i in dropped:
                break
    return [d for d in drafts if d.token not in dropped]


def _drop_containers(found: list[tuple[Any, Pattern]]) -> list[tuple[Any, Pattern]]:
    """Drop a noun event whose "of" object is an event of the same CAMEO root: "a
    compensation package of military aid" is one act, the aid (072), not also a
    package (071) with roles of its own. Different roots stay ("the threat of an
    attack" is a threat and an attack)."""
    codes = {t.i: p.code for t, p in found}
    kept = []
    for token, pattern in found:
        inner = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj" and o.i in codes]
        if pattern.kind == "noun" and any(codes[o.i][:2] == pattern.code[:2] for o in inner):
            continue
        kept.append((token, pattern))
    return kept
