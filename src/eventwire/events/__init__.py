"""The events stage: who did what to whom, coded in CAMEO and PLOVER.

Contract: :class:`EventStage` is built once from a :class:`Config` and the loaded spaCy
``nlp`` and called per article with ``doc``, ``article``, actor mentions and
attributions; it returns events in text order, with ids ``e1``, ``e2`` …

Steps per article: every token is looked up in the lexicon (a dict lookup on its
lemma, :mod:`.patterns`); a token that is one of the words of a more specific match
("negotiate" in "refused to negotiate") is not a trigger of its own; roles come from
the parse (:mod:`.roles`), modality and negation from auxiliaries, clause markers and
governing verbs (:mod:`.modality`); the claim is the attribution whose content holds
the trigger. Events whose roles are all unresolved are kept only inside quotations or
attributions, where a claim without named actors ("There will be no sale …") is still
worth recording.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from eventwire.clean import paragraphs
from eventwire.events.codebook import lookup
from eventwire.events.modality import governor_in, modality, negated, shift
from eventwire.events.patterns import Lexicon, Pattern, load_grammar
from eventwire.events.petrarch import load_verbs
from eventwire.events.roles import (
    Context,
    Found,
    addressee,
    domestic,
    noun_roles,
    resolve,
    subject,
    verb_roles,
)
from eventwire.model import Actor, Article, Attribution, Event, Role, Span

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.config import Config

__all__ = ["EventStage", "confidence"]

# Quoted passages (curly or straight double quotes) within one paragraph.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|«[^»]*»")


def confidence(
    pattern: Pattern, source: Found | None, target: Found | None, *, claimed: bool = False,
) -> float:
    """The documented confidence heuristic (see the README).

    0.3 to start; for each of source and target: +0.25 when the parse found a coded
    actor, +0.15 when the actor has no code ("the militants"), +0.1 when only a
    heuristic found it (a pronoun, or the domestic rule's country); +0.1 when the
    pattern needed more than its trigger word; -0.05 for a noun event; -0.05 for a
    claim (the event is what a source says, not what the text asserts). Clamped to
    0.05-0.95.
    """
    score = 0.3
    for found in (source, target):
        if found is None:
            continue
        if found.guessed:
            score += 0.1
        elif found.actor.code is None:
            score += 0.15
        else:
            score += 0.25
    if pattern.words:
        score += 0.1
    if pattern.kind == "noun":
        score -= 0.05
    if claimed:
        score -= 0.05
    return round(min(0.95, max(0.05, score)), 2)


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
        context = Context.build(doc, list(actors))
        by_id = {a.id: a for a in actors}
        cues = {(q.cue.start, q.cue.end) for q in attributions if q.cue is not None}
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(article.text)]
        self._paragraphs = list(paragraphs(article.text))
        self._starts = [s for s, _ in self._paragraphs]
        matches = self._matches(doc, cues)
        drafts: list[tuple[int, int, int, Event]] = []
        claims: dict[str, Context] = {}
        for token, pattern in matches:
            claim = _claim(token.idx, attributions)
            local = context
            if claim is not None:
                local = claims.get(claim.id) or claims.setdefault(
                    claim.id, _speaking(doc, claim, context, by_id),
                )
            in_quote = claim is not None or any(s <= token.idx < e for s, e in quoted)
            for order, event in enumerate(self._events(token, pattern, article, local, claim)):
                if event.source is None and event.target is None and not in_quote:
                    continue
                drafts.append((event.trigger.start, token.i, order, event))
        drafts.sort(key=lambda d: d[:3])
        return [_renumber(event, n) for n, (*_, event) in enumerate(drafts, start=1)]

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
            if pattern.code.startswith("01") and (token.idx, token.idx + len(token)) in cues:
                continue  # "announced", "stated": the attribution's cue, not an event
            consumed.update(t.i for t in words)
            if not pattern.code:
                consumed.add(token.i)  # a literal sense: "held a press conference"
                continue
            found.append((token, pattern))
        kept = [(t, p) for t, p in found if t.i not in consumed]
        return _drop_containers(kept)

    def _events(
        self, token: Any, pattern: Pattern, article: Article, context: Context,
        claim: Attribution | None,
    ) -> Iterable[Event]:
        if pattern.kind == "noun":
            sources, targets = noun_roles(token, pattern, context)
        else:
            sources, targets = verb_roles(token, pattern, context)
        mode, negation = modality(token), negated(token)
        code, kind, governor = pattern.code, None, None
        if pattern.origin.startswith("data/"):
            # A user's (PETRARCH) dictionary codes intent and refusal in its own patterns.
            code, kind, governor = shift(token, pattern.code, mode)
        if kind is None:
            sources, targets = _commanded(token, sources, targets, context)
        sources, targets = domestic(sources, targets, token, code, context)
        if kind == "refused":
            negation = False  # the refusal itself is asserted
        if kind == "demanded" and governor is not None:
            # "demanded that Iran withdraw": the demander → the one asked to act.
            who = subject(governor)
            demanders = resolve(who, context) if who is not None else []
            if demanders:
                asked = sources or targets
                sources = demanders
                targets = [f for f in asked if f.actor.entity not in {d.actor.entity for d in demanders}]
        # "Israel and the US discussed …": both directions; a PETRARCH dictionary says
        # so itself with a compound slot ("- % * [030:030]"), and codes nothing else
        # without a target. Decided after the demand above, which may supply a target.
        symmetric = len(sources) > 1 and not targets and (
            pattern.origin.startswith("data/") or pattern.compound == "source"
        )
        if symmetric:
            # "Israel and the US discussed …": each conjunct with each other one.
            pairs = [(s, t) for s in sources for t in sources if s is not t]
        else:
            pairs = [(s, t) for s in (sources or [None]) for t in (targets or [None])]
        facts = lookup(code)
        coded = [(s, t, facts) for s, t in pairs]
        if pattern.target_code and not symmetric:
            # PETRARCH two-way codes [042:043]: the target does the second act back.
            back = lookup(pattern.target_code)
            coded += [(t, s, back) for s, t in pairs if s is not None and t is not None]
        trigger = Span.of(article.text, token.idx, token.idx + len(token))
        sentence = self._sentence(token, article.text)
        for source, target, facts_here in coded:
            yield Event(
                id="",
                cameo=facts_here.code,
                cameo_name=facts_here.name,
                plover=facts_here.plover,
                quad_class=facts_here.quad_class,
                goldstein=facts_here.goldstein,
                trigger=trigger,
                sentence=sentence,
                source=source.role() if source else None,
                target=target.role() if target else None,
                modality=mode,
                negated=negation,
                attribution=claim.id if claim else None,
                confidence=confidence(pattern, source, target, claimed=claim is not None),
            )


    def _sentence(self, token: Any, text: str) -> Span:
        """The trigger's sentence, cut to its paragraph: the parser sometimes runs a
        headline without a full stop into the next paragraph."""
        start, end = token.sent.start_char, token.sent.end_char
        index = bisect.bisect_right(self._starts, token.idx) - 1
        if index >= 0:
            para_start, para_end = self._paragraphs[index]
            start, end = max(start, para_start), min(end, para_end)
        piece = text[start:end]
        start += len(piece) - len(piece.lstrip())
        end = start + len(text[start:end].rstrip())
        return Span.of(text, start, end)


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


def _speaking(doc: Any, claim: Attribution, context: Context, by_id: dict[str, Actor]) -> Context:
    speaker = by_id.get(claim.source.actor) if claim.source and claim.source.actor else None
    if speaker is not None and speaker.refers_to in by_id:
        # The role carries the entity; code and sector come from the first full mention.
        speaker = by_id[speaker.refers_to]
    return context.speaking(speaker, addressee(doc, claim, context, speaker))


def _commanded(trigger: Any, sources: list[Found], targets: list[Found], context: Context,
               ) -> tuple[list[Found], list[Found]]:
    """ "The government ordered the paper to suspend publication": an act done on command
    is the commander's; whoever was ordered is the target unless the act has its own."""
    commander = governor_in(trigger, load_grammar()["commanding"])
    who = subject(commander) if commander is not None else None
    commanders = resolve(who, context) if who is not None else []
    if not commanders:
        return sources, targets
    held = {f.actor.entity for f in commanders}
    ordered = [f for f in sources if f.actor.entity not in held]
    return commanders, [f for f in (targets or ordered) if f.actor.entity not in held]


def _renumber(event: Event, number: int) -> Event:
    from dataclasses import replace

    return replace(event, id=f"e{number}")


def role_text(role: Role | None) -> str:
    """``code`` + ``sector`` of a role ("ISRGOV"), as PETRARCH writes actor codes."""
    if role is None:
        return ""
    return f"{role.code or ''}{role.sector or ''}"


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
