"""The actors stage: state, organisation, group and person mentions with code and sector.

:class:`ActorStage` is built once from a :class:`~eventwire.config.Config` and the
loaded spaCy ``nlp`` (dictionaries and matchers are compiled then), and called per
article with the parsed ``doc`` and the ``article``; it returns mentions in text order
with ids ``a1``, ``a2`` …

Steps: dictionary matches (:mod:`.match`) → noun-phrase mentions → ambiguity checks →
people and organisations the parser finds but no dictionary knows (``code=None``) →
short labels and captions (tokenised only) → abbreviations and later mentions linked to
first mentions (:mod:`.coref`), with uncoded state institutions ("the Foreign Ministry",
"ministry spokesman X") coded from the article's context first (:mod:`.context`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventwire.actors import context, coref
from eventwire.actors.dictionary import Dictionary, Entry, build, code_kinds, country_codes
from eventwire.actors.match import PERSON_LABELS, Matcher, Mention
from eventwire.actors.petrarch import article_day
from eventwire.model import Actor, Article

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.config import Config

__all__ = ["ActorStage", "Dictionary", "Entry", "build"]

#: Excluded regions scanned for actors with the tokenizer only: captions and labels
#: name actors ("An IAF F-15 …") though no event is read from them. Bylines and
#: credits are skipped: "Edi Israel/Flash90" is a photographer, not a state.
SCANNED_REGIONS = frozenset({"caption", "label"})
#: Parser entities kept as unresolved actors when no dictionary entry covers them.
UNRESOLVED_LABELS = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}


class ActorStage:
    """Find actor mentions in a parsed article.

    Args:
        config: pipeline settings; ``config.dictionaries`` are laid over the packaged
            dictionary in order (TSV, YAML or PETRARCH ``.actors``/``.agents``).
        nlp: the loaded spaCy pipeline (its vocab and tokenizer build the matcher).
    """

    def __init__(self, config: Config, nlp: Language) -> None:
        self.config = config
        self.nlp = nlp
        self.dictionary = build(getattr(config, "dictionaries", ()) or ())
        self.matcher = Matcher(self.dictionary, nlp)
        self.kinds = code_kinds(self.dictionary)
        self._raw: list[tuple[Any, Entry]] = []  # this article's dictionary matches
        self._day: int | None = None  # this article's date (YYYYMMDD), for dated codes

    def __call__(self, doc: Any, article: Article) -> list[Actor]:
        """Return the article's actor mentions in text order."""
        text = article.text
        self._day = article_day(article.published)
        raw = self.matcher.matches(doc, self._day)
        self._raw = raw
        matches = [(s, e) for s, e in raw if self._accept(doc, s, e)]
        mentions = self.matcher.mentions(doc, matches)
        mentions += self._entities(doc, mentions)
        mentions += self._regions(article)
        mentions = _drop_nested(mentions)
        coref.resolve_abbreviations(mentions, text)
        dateline = context.dateline_country(article, self._piece_matches)
        lead = context.lead_span(doc, article)
        context.resolve(mentions, text, context.dominant_country(mentions, lead, dateline))
        coref.link(mentions, self.kinds)
        return _to_actors(mentions, text)

    def _piece_matches(self, piece: str) -> list[tuple[Any, Entry]]:
        """Dictionary matches in a short text read with the tokenizer only (a dateline)."""
        return self.matcher.matches(self.nlp.make_doc(piece), self._day)

    # ------------------------------------------------------------ checks

    def _accept(self, doc: Any, span: Any, entry: Entry) -> bool:
        """Ambiguous names ("Jordan", "Washington", "Bush") need their context."""
        if entry.kind == "person" and entry.form == "name":
            return self._accept_person(doc, span, entry)
        if not entry.support:
            return True
        for ent in doc.ents:
            if ent.start <= span.start and span.end <= ent.end:
                if (ent.end - ent.start) > (span.end - span.start) and ent.label_ in (
                        "PERSON", "ORG", "WORK_OF_ART", "FAC", "GPE", "LOC"):
                    return False
                break
        words = {w for w in entry.support if w}
        if not words or self._beside_country(doc, span):
            return True
        lower = doc.text.lower()
        return any(w in lower for w in words) or _other_mention(span, entry, self._raw)

    def _beside_country(self, doc: Any, span: Any) -> bool:
        """Whether an ambiguous name is coordinated with an unambiguous country name:
        "the United States and Jordan", "Egypt, Jordan and Qatar"."""
        starts = {s.start: e for s, e in self._raw}
        ends = {s.end: e for s, e in self._raw}
        joiners = {"and", ",", "or", "&"}

        def country(entry: Entry | None) -> bool:
            return (entry is not None and entry.kind == "state" and entry.form == "name"
                    and bool(entry.code) and not entry.support)

        before = span.start - 1
        if before > 0 and doc[before].lower_ in joiners and country(ends.get(before)):
            return True
        after = span.end
        return (after + 1 < len(doc) and doc[after].lower_ in joiners
                and country(starts.get(after + 1)))

    def _accept_person(self, doc: Any, span: Any, entry: Entry) -> bool:
        """A leader's name, unless it is part of another name ("Jeb Bush").

        An ambiguous short form ("Bush", "Rice") also needs a title right before it
        ("President Bush") or one of the person's full names in the article.
        """
        if self._inside_longer_name(doc, span):
            return False
        if not entry.full:
            return True
        if span.start > 0 and self._is_title(doc[span.start - 1]):
            return True
        lower = doc.text.lower()
        return any(name in lower for name in entry.full)

    def _is_title(self, token: Any) -> bool:
        hit = self.matcher.lookup.get((token.lower_,))
        return hit is not None and hit[0].form == "agent" and hit[0].kind == "person"

    def _inside_longer_name(self, doc: Any, span: Any) -> bool:
        """Whether a PERSON entity adds other capitalised names to the span."""
        for ent in doc.ents:
            if ent.label_ != "PERSON" or ent.end <= span.start or span.end <= ent.start:
                continue
            others = [t for t in ent if not (span.start <= t.i < span.end)]
            return any(t.text[:1].isupper() and t.is_alpha and not self._is_title(t)
                       for t in others)
        return False

    # ------------------------------------------------------------ extra mentions

    def _entities(self, doc: Any, mentions: list[Mention]) -> list[Mention]:
        """People and organisations the parser finds that no dictionary entry covers."""
        taken = [(m.start, m.end) for m in mentions]
        found = []
        for ent in doc.ents:
            kind = UNRESOLVED_LABELS.get(ent.label_)
            if kind is None or not ent.text.strip():
                continue
            start, end = ent.start_char, ent.end_char
            if any(s < end and start < e for s, e in taken):
                continue
            if ent.label_ == "NORP" or _not_an_actor(ent, doc.text):
                continue
            m = Mention(start, end, kind=kind, name=ent.text, head=ent.text.lower())
            if ent.label_ in PERSON_LABELS:
                m.person = ent.text
            found.append(m)
        return found

    def _regions(self, article: Article) -> list[Mention]:
        """Dictionary names in captions and labels, read with the tokenizer only."""
        found: list[Mention] = []
        for region in article.excluded:
            if region.kind not in SCANNED_REGIONS:
                continue
            piece = self.nlp.make_doc(article.text[region.start : region.end])
            matches = self.matcher.matches(piece, self._day)
            for span, entry in matches:
                # Without a parse an agent word cannot be told from a modifier
                # ("Iranian military drill"), so only names are taken here.
                if entry.form in ("agent", "ethnic"):
                    continue
                m = self.matcher._plain(piece, span, entry)
                m.start += region.start
                m.end += region.start
                found.append(m)
        return found


def _not_an_actor(ent: Any, text: str) -> bool:
    """Parser entities that are products or abbreviated phrases, not actors.

    "F-35s" (digits) is a product; "QME" spelled out as "qualitative military edge
    (QME)" in the article abbreviates a lower-case phrase, not a name.
    """
    if any(ch.isdigit() for ch in ent.text):
        return True
    if ent.label_ == "ORG" and ent.text.isupper():
        at = text.find(f"({ent.text})")
        if at > 1 and text[at - 2].islower():
            return True
    return False


def _other_mention(span: Any, entry: Entry, raw: list[tuple[Any, Entry]]) -> bool:
    return any(e.code == entry.code and other.start != span.start and not e.support
               for other, e in raw)


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    """Keep the widest mention where mentions overlap ("soldiers from Gondor" ⊃ "Gondor")."""
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for m in ordered:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def _to_actors(mentions: list[Mention], text: str) -> list[Actor]:
    # A descriptor that is no agent word ("the world body") is kept only when resolved.
    kept = [i for i, m in enumerate(mentions)
            if not (m.extra.get("descriptor_only") and m.code is None)]
    ids = {i: f"a{n}" for n, i in enumerate(kept, 1)}
    codes = country_codes()
    actors = []
    for i in kept:
        m = mentions[i]
        refers = m.extra.get("refers_to")
        actors.append(Actor(
            ids[i], text[m.start : m.end], m.start, m.end, code=m.code, sector=m.sector,
            kind=m.kind, name=m.person or m.name, anonymous=m.anonymous,
            refers_to=ids.get(refers) if refers is not None else None,
            country=m.home or (m.code if m.code in codes else None),
        ))
    return actors
