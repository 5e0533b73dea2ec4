"""Give people the affiliation the sentence around their name states.

News introduces a person once with their affiliation beside the name, and the
dictionary knows few names. Three constructions name it, read from the parse:

- **apposition**: "Stephane Dujarric, spokesman for the U.N. chief", "Catherine
  Russell, UNICEF's executive director", and the other way round, "Guterres'
  spokesman, Stephane Dujarric";
- **possessive**: "Turkey's foreign minister", a possessor of the name's head;
- **of phrase**: "the ambassador of Pakistan", "a spokesman for the ministry"
  (``affiliation.yaml``: ``preps``).

The first coded mention inside the phrase (state, organisation, group, or a coded
person such as the UN chief) gives the person its code, home country and, when the
person has none, its sector; ``Mention.evidence`` records the construction. Later
mentions of the person (surname, "the minister", "he") inherit it through
:mod:`.coref` and the stages that resolve pronouns.

Then :func:`titled_officials`: a named official whose title is an office every state
has ("Finance Minister X", "Judge X") and whose text names no state takes the only
state named in the paragraph, else the article's dominant country. A title that names
a body's staff ("spokesman", ``staff_words.tsv``) does not: the body is unknown.

Why by hand: this is the project's own reading of news prose; spaCy supplies the parse.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from eventwire import lexicons
from eventwire.actors.mention import Mention
from eventwire.actors.packaged import country_codes
from eventwire.actors.words import opens_indefinite, staff_words
from eventwire.nlp import span_root

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: spaCy's labels of objects: a state there is acted on, not acting (the parser contract).
_OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj"})
#: spaCy's labels of clauses inside a noun phrase (the parser contract).
_CLAUSE_DEPS = frozenset({"relcl", "acl"})


@functools.cache
def _data() -> Any:
    return lexicons.load_yaml("actors/affiliation.yaml") or {}


@functools.cache
def _settings() -> dict[str, frozenset[str]]:
    keys = ("preps", "office_sectors", "kinds", "served_preps")
    return {key: frozenset(str(v) for v in _data().get(key) or ()) for key in keys}


def affiliate(doc: Doc, mentions: list[Mention]) -> None:
    """Code uncoded people and bodies ("China's state broadcaster CCTV") from an
    apposition, possessor or of phrase, in place."""
    for m in mentions:
        if m.code is not None or m.kind not in ("person", "organisation"):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or (m.kind == "organisation" and (m.descriptor_only or span.root.pos_ != "PROPN")):
            continue  # a body only by its own name ("CCTV"), not "a group", "the movement"
        for evidence, (lo, hi) in _phrases(span):
            found = _coded_in(doc, mentions, m, lo, hi)
            if found is not None:
                _take(m, found, _sector_in(mentions, m, lo, hi), evidence)
                break


def _phrases(span: Span) -> Iterator[tuple[str, tuple[int, int]]]:
    """Character ranges that may state the affiliation of the person ``span`` names."""
    root = span.root
    # Any word of the name may carry the apposition: the parser sometimes heads "Will
    # Wang" with "Will".
    for token in span:
        for child in token.children:
            if child.dep_ == "appos" and child.i >= span.end:
                yield "apposition", _extent(child)
    if root.dep_ == "appos" and root.head.i < span.start:
        # "Guterres' spokesman, Stephane Dujarric": the phrase the name renames.
        head = root.head
        yield "apposition", (head.left_edge.idx, span.start_char)
    preps = _settings()["preps"]
    for child in root.children:
        of_phrase = child.dep_ == "prep" and child.lower_ in preps and child.i >= span.end
        if child.dep_ == "poss" or of_phrase:
            yield "possessive", _extent(child)


def _extent(token: Token) -> tuple[int, int]:
    """The phrase a token heads, cut before a relative clause ("a lawyer who met Chinese
    officials" is no affiliation with China)."""
    last = token.right_edge
    end = last.idx + len(last.text)
    clauses = [c.left_edge.idx for c in token.subtree if c.dep_ in _CLAUSE_DEPS and c.i > token.i]
    return token.left_edge.idx, min([end, *clauses])


def _inside(m: Mention, lo: int, hi: int, person: Mention) -> bool:
    return lo <= m.start and m.end <= hi and m is not person and not (
        m.start <= person.start and person.end <= m.end)


def _coded_in(doc: Doc, mentions: list[Mention], person: Mention, lo: int, hi: int) -> Mention | None:
    kinds = _settings()["kinds"]
    return next((m for m in mentions if m.code is not None and m.kind in kinds
                 and _inside(m, lo, hi, person) and _affiliating(doc, m)), None)


def _affiliating(doc: Doc, m: Mention) -> bool:
    """A state or body in the phrase gives its code; a person only as the one served
    ("Guterres' spokesman", "an adviser to Putin"), not as a topic ("a critic of Putin")."""
    if m.kind != "person" or m.head_i is not None:
        return True  # a state, a body, or a title ("Guterres' spokesman") naming a post
    root = span_root(doc, m.start, m.end)
    if root is None:
        return False
    return root.dep_ == "poss" or (root.dep_ == "pobj" and root.head.lower_ in _settings()["served_preps"])


def _sector_in(mentions: list[Mention], person: Mention, lo: int, hi: int) -> str | None:
    """The first sector named in the phrase ("spokesman for the foreign ministry": GOV)."""
    return next((m.sector for m in mentions if m.sector and _inside(m, lo, hi, person)), None)


def _take(person: Mention, found: Mention, sector: str | None, evidence: str) -> None:
    person.code = found.code
    person.home = found.home or (found.code if found.code in country_codes() else None)
    person.name = person.name or found.name
    person.sector = person.sector or sector or found.sector
    person.evidence = evidence


def titled_officials(doc: Doc, mentions: list[Mention], text: str, dominant: str | None,
                     dominant_evidence: str) -> None:
    """State officials and bodies with no state ("Finance Minister X", "officials",
    "security forces") take the dateline's state, else the only state acting in their
    paragraph, else the article's dominant or main state (``affiliation.yaml``:
    ``office_sectors``). Bare ones only when not an indefinite body ("a ministry"); named
    ones only with an office title, not a staff word ("Spokesman X"). A mention that
    refers to an earlier one is left to inherit its code (:func:`inherit`)."""
    offices = _settings()["office_sectors"]
    codes = country_codes()
    if dominant is None:
        dominant, dominant_evidence = main_country(mentions, codes), "context"
    acting: list[Mention] | None = None  # states acting anywhere, found once when needed
    for m in mentions:
        if m.code is not None or m.sector not in offices or m.descriptor_only or m.refers_to is not None:
            continue
        if not (_office_holder(m) or (m.bare and not _indefinite(m, text))):
            continue
        if dominant is not None and dominant_evidence == "dateline":
            m.code, m.evidence = dominant, "dateline"
        else:
            if acting is None:
                acting = _acting_states(doc, mentions, codes)
            named = _paragraph_states(acting, text, m)
            if len(named) == 1:
                m.code, m.evidence = named.pop(), "paragraph"
            elif dominant is not None:
                m.code, m.evidence = dominant, dominant_evidence
        m.home = m.code
        if acting is not None and m.code is not None and _acting(doc, m):
            # An official coded here counts for the next ones, as a state named in the
            # paragraph would (kept from the first version of this rule; see issue #12).
            acting.append(m)


def inherit(mentions: list[Mention]) -> None:
    """Later mentions take the code the first mention of their actor got above, with its
    evidence (a state inferred from the article stays marked as inferred)."""
    for m in mentions:
        if m.code is not None or m.refers_to is None:
            continue
        first = mentions[m.refers_to]
        if first.code is not None:
            m.code, m.home, m.evidence = first.code, first.home, first.evidence
            m.sector = m.sector or first.sector


def main_country(mentions: list[Mention], codes: frozenset[str]) -> str | None:
    """The state an article is about when its lead does not say: the one it names most,
    often enough and well ahead of the next (``affiliation.yaml``: ``main_country``)."""
    counts = Counter(m.code for m in mentions if m.kind == "state" and m.code in codes)
    ranked = counts.most_common(2)
    if not ranked:
        return None
    setting = _numbers()
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n >= setting["min_mentions"] and n >= setting["lead_ratio"] * second:
        return top
    return None


@functools.cache
def _numbers() -> dict[str, float]:
    found = _data().get("main_country") or {}
    return {key: float(found[key]) for key in ("min_mentions", "lead_ratio")}


def _indefinite(m: Mention, text: str) -> bool:
    """ "a ministry": one body among many, of no settled state ("a government official"
    in a story about one state is still that state's)."""
    return m.kind != "person" and opens_indefinite(text[m.start : m.end])


def _office_holder(m: Mention) -> bool:
    """A named person with an office title ("Judge X"); "Spokesman X" speaks for a body
    the text has not named."""
    if m.kind != "person" or not m.person or not m.title:
        return False
    return m.title not in staff_words() and m.title.split()[-1] not in staff_words()


def _acting_states(doc: Doc, mentions: list[Mention], codes: frozenset[str]) -> list[Mention]:
    """Mentions of states acting in their clause: named as a subject or a modifier, not
    as an object ("impose sanctions on Russia", "the deportation to Somalia")."""
    return [m for m in mentions if m.code in codes and (m.kind == "state" or m.home == m.code)
            and _acting(doc, m)]


def _paragraph_states(acting: list[Mention], text: str, m: Mention) -> set[str]:
    """The codes of the acting states in ``m``'s paragraph."""
    lo = text.rfind("\n", 0, m.start) + 1
    hi = text.find("\n", m.end)
    hi = len(text) if hi < 0 else hi
    return {other.code for other in acting if other.code and lo <= other.start and other.end <= hi}


def _acting(doc: Doc, m: Mention) -> bool:
    root = span_root(doc, m.start, m.end)
    if root is None:
        return False
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head  # "praised Nepal and Bhutan": Bhutan is an object too
    return root.dep_ not in _OBJECT_DEPS
