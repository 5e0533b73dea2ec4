"""Give uncoded state institutions the country the article's context names.

News names an institution with its country once ("France's Foreign Ministry") and then
without it ("ministry spokesman Julien Moreau", "the ministry"); wire stories datelined
in a capital call that state's bodies "the Foreign Ministry", "the military", "police".
Two rules, in text order, over mentions that have no code (``institutions.tsv``):

1. **Same institution.** A mention naming an institution takes the country of the
   nearest earlier mention of the same institution (or of its family: any ministry
   for "the ministry") that has a country.
2. **Dominant country.** Otherwise an institution marked ``dominant`` (ministries, the
   military, police, state television, local officials) takes the article's dominant
   country, when there is one: the country the dateline names, if the lead sentence
   names it too; with no coded dateline, the one country the lead sentence names when
   it names exactly one. Named people never take it ("spokesman Julien Moreau" with
   no institution stays uncoded), nor indefinite bodies ("a government statement"),
   except local officials ("a local official" is of the place reported from).

Mentions coded by these rules keep their sector; ``Mention.evidence`` says which rule
coded them (``context`` for the same institution, ``dateline`` or ``context`` for the
dominant country, as it came from the dateline or from the lead alone).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire import lexicons
from eventwire.actors.lookup import Entry
from eventwire.actors.mention import Mention
from eventwire.actors.packaged import country_codes
from eventwire.actors.phrases import Match
from eventwire.actors.words import opens_indefinite
from eventwire.errors import DataFileError
from eventwire.model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Institution:
    """One row of ``institutions.tsv``."""

    phrase: str
    family: str
    dominant: bool


@functools.lru_cache(maxsize=1)
def institutions() -> tuple[dict[str, Institution], re.Pattern[str]]:
    """Institutions by phrase, and one pattern finding any of them (longest first)."""
    origin = "data/actors/institutions.tsv"
    found: dict[str, Institution] = {}
    for number, (phrase, family, dominant) in lexicons.load_tsv("actors/institutions.tsv", 3):
        if dominant not in ("yes", "no"):
            raise DataFileError(origin, f"dominant must be yes or no, not {dominant!r}",
                                line=number)
        key = " ".join(phrase.lower().split())
        found[key] = Institution(key, family.strip().lower(), dominant == "yes")
    words = sorted(found, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
    return found, pattern


def _named(m: Mention, text: str) -> list[Institution]:
    table, pattern = institutions()
    spoken = " ".join(text[m.start : m.end].lower().replace("’", "'").split())
    return [table[hit.group()] for hit in pattern.finditer(spoken)]


def _country(m: Mention) -> str | None:
    if m.home:
        return m.home
    return m.code if m.code in country_codes() else None


def dateline_country(article: Article, matches: Callable[[str], list[Match]]) -> str | None:
    """The one country a dateline names ("MAIDUGURI, Nigeria", "MOSCOW"), else None.

    Args:
        article: the article, with its excluded regions.
        matches: a function from a text piece to dictionary ``(span, Entry)`` matches.
    """
    codes: set[str] = set()
    for region in article.excluded:
        if region.kind != "dateline":
            continue
        for _span, entry in matches(article.text[region.start : region.end]):
            if _is_state_name(entry):
                codes.add(entry.code or "")
    return codes.pop() if len(codes) == 1 else None


def _is_state_name(entry: Entry) -> bool:
    return (entry.kind == "state" and entry.form == "name" and entry.code is not None
            and entry.code in country_codes())


def lead_span(doc: Doc, article: Article) -> tuple[int, int] | None:
    """Character offsets of the first body sentence (not a headline or dateline)."""
    regions = [(e.start, e.end) for e in article.excluded]
    for sent in doc.sents:
        words = [t for t in sent if t.is_alpha]
        if not words:
            continue
        if all(any(s <= t.idx < e for s, e in regions) for t in words):
            continue
        return sent.start_char, sent.end_char
    return None


def dominant_country(mentions: list[Mention], lead: tuple[int, int] | None,
                     dateline: str | None) -> str | None:
    """The article's dominant country, or None when its lead leaves a doubt."""
    if lead is None:
        return None
    named = {m.code for m in mentions
             if lead[0] <= m.start < lead[1] and m.code in country_codes()}
    if dateline is not None:
        return dateline if dateline in named else None
    return named.pop() if len(named) == 1 else None


def resolve(mentions: list[Mention], text: str, dominant: str | None,
            dominant_evidence: str = "context") -> None:
    """Code uncoded institution mentions in place (rules in the module docstring)."""
    seen: dict[str, str] = {}  # institution phrase or family -> latest country
    for m in mentions:
        named = _named(m, text)
        if not named:
            continue
        country = _country(m)
        if country is not None:
            for inst in named:
                seen[inst.phrase] = country
                if inst.family:
                    seen[inst.family] = country
            continue
        if m.kind == "state" or m.descriptor_only:
            continue
        inst = named[0]  # the longest, leftmost: "Foreign Ministry" in "Foreign Ministry spokesman"
        found = seen.get(inst.phrase)
        if found is None and inst.family == inst.phrase:
            found = seen.get(inst.family)  # "the ministry": any ministry named before
        evidence = "context"
        if found is None and _may_take_dominant(m, inst, text):
            found, evidence = dominant, dominant_evidence
        if found is None:
            continue
        m.code, m.home = found, found
        m.evidence = evidence
        for each in named:
            seen[each.phrase] = found
            if each.family:
                seen[each.family] = found


def _may_take_dominant(m: Mention, inst: Institution, text: str) -> bool:
    if not inst.dominant:
        return False
    if m.person and not m.anonymous:
        return False  # a named person's post is not guessed from the article
    opening = text[m.start : m.end].lower()
    return inst.family == "local" or not opens_indefinite(opening)
