"""Find actor mentions in a parsed ``Doc``: dictionary matches assembled into noun phrases.

One :class:`spacy.matcher.PhraseMatcher` holds every dictionary phrase (built once).
Each match is climbed up the dependency tree through modifier links (compound, amod,
poss, det …) to the head of its noun phrase; all matches under one head form one
mention, so "a senior American official" is one actor (USA from "American", GOV from
"official"), and "Israel's qualitative edge" yields just "Israel".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.matcher import PhraseMatcher

from eventwire.actors.dictionary import Dictionary, Entry, country_codes, ethnic_words
from eventwire.actors.petrarch import on_day

# Links that keep a word inside the noun phrase of its head.
MODIFIER_DEPS = frozenset({
    "compound", "amod", "nmod", "poss", "nummod", "det", "quantmod", "npadvmod", "advmod",
})
# Prepositions that attach a country to a bare agent: "soldiers from Gondor".
AGENT_PREPS = frozenset({"of", "from", "in"})
NOUNS = frozenset({"NOUN", "PROPN"})
JOINERS = frozenset({",", "and", "or", "&"})
# "<name>-based", "<name>-linked": the name places or links a body, it is not the body.
LINK_WORDS = frozenset({"based", "linked", "affiliated", "allied", "inspired", "aligned"})
PERSON_LABELS = frozenset({"PERSON"})
ORG_LABELS = frozenset({"ORG", "NORP", "FAC"})


@dataclass
class Mention:
    """An actor mention under construction (offsets are character offsets)."""

    start: int
    end: int
    code: str | None = None
    sector: str | None = None
    kind: str = "state"
    name: str | None = None
    anonymous: bool = False
    head: str = ""  # lower-case head phrase: "official", "prime minister"
    title: str = ""  # for titled people: the title's head phrase
    person: str | None = None  # a person's name ("Ashton Carter")
    definite: bool = False
    bare: bool = False  # an agent word with nothing resolving its country
    abbr: Entry | None = None  # an abbreviation still to resolve from context
    home: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def is_petrarch(entry: Entry) -> bool:
    """Whether an entry came from a PETRARCH dictionary (its codes concatenate)."""
    origin = entry.origin.lower()
    return ".actors" in origin or ".agents" in origin


def home_of(entry: Entry | None) -> str | None:
    """The home state of what an entry names: its own code for a state or a state body
    (IDF → ISR), the group's country for a group (Hamas → PSE), None for an IGO."""
    if entry is None:
        return None
    if entry.home:
        return entry.home
    if entry.code and (entry.kind == "state" or entry.code in country_codes()):
        return entry.code
    return None


def combine_sector(origin: Entry | None, agent: Entry) -> str | None:
    """The sector of an actor entry modified by an agent word.

    An agent code already in the actor's sector is not repeated ("White House
    officials" stays GOV); PETRARCH actor codes take the agent code after theirs
    (``HMS`` + ``GOV`` → ``HMSGOV``); a word naming a body's staff (``staff_words.tsv``)
    leaves the body's own sector ("Red Cross officials" NGO, "Hamas leaders" REB,
    "Pentagon officials" MIL); otherwise the agent word decides ("Houthi forces" MIL).
    """
    own = origin.sector if origin else None
    if not own:
        return agent.sector
    if not agent.sector or agent.sector in own:
        return own  # "the NATO alliance": a descriptor word has no sector of its own
    if origin is not None and is_petrarch(origin):
        return own + agent.sector
    if agent.staff:
        return own
    return agent.sector


class Matcher:
    """Dictionary phrases over a doc, grouped into noun-phrase mentions."""

    def __init__(self, dictionary: Dictionary, nlp: Any) -> None:
        self.dictionary = dictionary
        self._by_token: dict[int, tuple[Any, Entry]] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lookup: dict[tuple[str, ...], tuple[Entry, bool]] = {}
        # Tokenizer exceptions are case-sensitive ("U.N." is one token, "u.n." two),
        # so each key is tokenised as written in lower, title and upper case.
        keys = list(dictionary.entries)
        variants = [(k, v) for k in keys for v in dict.fromkeys((k, k.title(), k.upper()))]
        patterns = []
        for (key, _), pattern in zip(variants, nlp.tokenizer.pipe(v for _, v in variants), strict=False):
            words = tuple(t.lower_ for t in pattern)
            if words in self.lookup and self.lookup[words][0] is dictionary.entries[key]:
                continue
            self.lookup[words] = (dictionary.entries[key], key in dictionary.exact)
            patterns.append(pattern)
        # Adding in chunks keeps memory flat for large PETRARCH dictionaries.
        for i in range(0, len(patterns), 5000):
            self.matcher.add("ACTOR", patterns[i : i + 5000])

    # ------------------------------------------------------------ raw matches

    def matches(self, doc: Any, day: int | None = None) -> list[tuple[Any, Entry]]:
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
            if not self._case_ok(span, entry, exact) or _anti(span):
                continue
            if entry.dated:
                entry = on_day(entry, day)
            found.append((span, entry))
        return found

    @staticmethod
    def _case_ok(span: Any, entry: Entry, exact: bool) -> bool:
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

    # ------------------------------------------------------------ grouping

    def mentions(self, doc: Any, matches: Iterable[tuple[Any, Entry]]) -> list[Mention]:
        """Group matches by noun-phrase head and build one mention per actor."""
        groups: dict[int, list[tuple[Any, Entry]]] = {}
        self._by_token = {}
        for span, entry in matches:
            for i in range(span.start, span.end):
                self._by_token[i] = (span, entry)
        for span, entry in matches:
            head = np_head(span.root)
            groups.setdefault(head.i, []).append((span, entry))
        found: list[Mention] = []
        for head_i, members in groups.items():
            found.extend(self._group(doc, doc[head_i], members))
        _share_with_conjuncts(found)
        _share_origin_with_agents(doc, found)
        return found

    def _group(self, doc: Any, head: Any, members: list[tuple[Any, Entry]]) -> list[Mention]:
        head_match = next(((s, e) for s, e in members if s.start <= head.i < s.end), None)
        # "the Vienna-based agency": a place the body sits in does not code it.
        mods = [(s, e) for s, e in members if (head_match is None or s is not head_match[0])
                and not _based(s)]
        origins = [(s, e) for s, e in mods if e.form != "agent"]
        agents = [(s, e) for s, e in mods if e.form == "agent"]
        joined = [(sp, e) for sp, e in origins if head_match is not None
                  and head_match[1].form == "name" and _joined_name(sp, e, head)]
        if joined:
            # "Fornost and the evil awful Gondor": a name joined to the head name by
            # "and" or a comma is an actor of its own, not a modifier of the head.
            first = _after_list(doc, max(sp.end for sp, _ in joined))
            rest = [(sp, e) for sp, e in members if sp.start >= first]
            tail = self._group(doc, head, rest)
            for m in tail:
                m.start = max(m.start, doc[first].idx)
            return [*(self._plain(doc, sp, e) for sp, e in joined), *tail]
        if head_match is not None and head_match[1].form == "agent":
            mention = self._agent_mention(doc, head, head_match, origins, agents)
            # "Peruvian, Chilean and Bolivian ministers": listed modifiers of one head.
            listed = [self._plain(doc, s, e) for s, e in mention.extra.pop("listed", ())]
            return [*listed, mention]
        if head_match is None and head.ent_type_ in PERSON_LABELS and (origins or agents):
            return [self._person_mention(doc, head, origins, agents)]
        if head_match is not None and is_ethnic(*head_match):
            return self._ethnic_mentions(doc, head, head_match, origins)
        titled = bool(agents) and head_match is not None and head_match[1].kind == "person"
        if head_match is not None and (origins or titled):
            # "Russian President Vladimir Putin", "President Obama": one person actor.
            mention = self._name_with_modifiers(doc, head, head_match, origins)
            # A known leader keeps their own sector ("Hamas leader Ismail Haniyeh" is
            # REB, not GOV from "leader").
            if agents and not (titled and head_match[1].sector):
                mention.sector = combine_sector(head_match[1], agents[-1][1])
            return [mention]
        out = [self._plain(doc, s, e) for s, e in origins if e.code or e.form != "ethnic"]
        if head_match is not None:
            out.append(self._plain(doc, *head_match))
            prefix = next(((sp, e) for sp, e in agents if e.prefix), None)
            if prefix is not None and head_match[1].code:
                # PETRARCH prefix agent before a name: "MSF Arnor" → NGO + ARN.
                last = out[-1]
                full = (prefix[1].sector or "") + (last.code or "") + (last.sector or "")
                last.code, last.sector = full[:3], full[3:] or None
                last.start = min(last.start, prefix[0].start_char)
        return out

    def _ethnic_mentions(self, doc: Any, head: Any, head_match: tuple[Any, Entry],
                         origins: list[tuple[Any, Entry]]) -> list[Mention]:
        """ "Bosnian Serbs", "Iraqi Kurds": a group coded as the state it lives in."""
        state = _state_before(head_match[0], origins)
        if state is None:
            if head_match[1].form == "ethnic":
                return []  # "Kurds" alone names no state
            return [self._plain(doc, *head_match)]
        mention = self._plain(doc, *head_match)
        mention.start = min(mention.start, doc[head.left_edge.i].idx, state[0].start_char)
        mention.code = mention.home = state[1].code
        mention.kind, mention.sector = "group", None
        mention.name = doc.text[state[0].start_char : head_match[0].end_char]
        return [mention]

    def _agent_mention(self, doc: Any, head: Any, head_match: tuple[Any, Entry],
                       origins: list[tuple[Any, Entry]],
                       agents: list[tuple[Any, Entry]]) -> Mention:
        span, agent = head_match
        start_tok = head.left_edge.i
        end_tok = max(head.i + 1, span.end)
        picked = pick_origin(origins)
        origin = picked[1] if picked else None
        conjuncts: list[int] = []
        listed: list[tuple[Any, Entry]] = []
        if picked is not None:
            listed = _listed_before(picked[0], origins)
            conjuncts = self._coordinated(picked[0], head) + [s.start_char for s, _ in listed]
            if conjuncts:
                # "Senior Hungarian and Romanian officials": one actor per nationality,
                # each only its own word ("Hungarian", "Romanian"), so that neither span
                # holds the other; both take the head's sector (_share_with_conjuncts).
                start_tok, end_tok = picked[0].start, picked[0].end
        if origin is None:
            attached = _prep_origin(head, self)
            if attached is not None:
                origin, end_tok = attached[1], max(end_tok, attached[0].end)
                # "ambassadors of Egypt, Jordan and Qatar": each conjunct is an actor
                # with the same agent (filled in by _share_with_conjuncts).
                conjuncts = [t.idx for t in attached[0].root.conjuncts]
        sector = combine_sector(origin, agent)
        code = origin.code if origin else None
        prefix = next((e for _, e in agents if e.prefix), None)
        if prefix is not None and code:
            full = (prefix.sector or "") + code + (sector or "")
            code, sector = full[:3], full[3:] or None
        elif agents and origin is not None and is_petrarch(origin):
            extra = "".join(e.sector or "" for _, e in agents if e.sector and
                            e.sector not in (sector or ""))
            sector = (sector or "") + extra if extra and agent.sector != extra else sector
        first = doc[start_tok]
        mention = Mention(
            doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1].text),
            code=code, sector=sector, kind=agent.kind,
            name=origin.name if origin else None,
            anonymous=agent.kind == "person",
            head=span.text.lower(), definite=first.lower_ in ("the", "this", "that"),
            bare=origin is None, home=home_of(origin),
        )
        mention.extra["head_i"] = head.i
        if origin is not None and origin.kind == "state" and origin.code:
            mention.extra["state_origin"] = True
        if conjuncts:
            mention.extra["conjuncts"] = conjuncts
            mention.extra["listed"] = listed
        if agent.origin == "descriptors.tsv":
            mention.extra["descriptor_only"] = True
        if origin is not None and origin.form == "abbr":
            mention.abbr = origin
        return mention

    def _coordinated(self, span: Any, head: Any) -> list[int]:
        """Country words coordinated with ``span`` before the head: "US and British"."""
        found = []
        for token in span.root.conjuncts:
            hit = self._by_token.get(token.i)
            if (span.end <= token.i < head.i and hit is not None and hit[1].code
                    and hit[1].form in ("name", "adjective")):
                found.append(token.idx)
        return found

    def _person_mention(self, doc: Any, head: Any, origins: list[tuple[Any, Entry]],
                        agents: list[tuple[Any, Entry]]) -> Mention:
        ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
        start_tok = head.left_edge.i
        end_tok = max(head.i + 1, ent.end if ent is not None else 0)
        picked = pick_origin(origins)
        origin = picked[1] if picked else None
        title = agents[-1] if agents else None
        person_name = ent.text if ent is not None else head.text
        if title is not None:
            # "Defense Secretary Ashton Carter": the entity may swallow the title.
            title_end = title[0].end
            if ent is not None and ent.start < title_end:
                person_name = doc[title_end:ent.end].text
        sector = combine_sector(origin, title[1]) if title else (origin.sector if origin else None)
        return Mention(
            doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1].text),
            code=origin.code if origin else None, sector=sector, kind="person",
            name=person_name, anonymous=False,
            head=person_name.lower(), title=title[0].text.lower() if title else "",
            person=person_name, home=home_of(origin),
        )

    def _name_with_modifiers(self, doc: Any, head: Any, head_match: tuple[Any, Entry],
                             origins: list[tuple[Any, Entry]]) -> Mention:
        span, entry = head_match
        mention = self._plain(doc, span, entry)
        start = doc[head.left_edge.i].idx
        mention.start = min(mention.start, start)
        picked = pick_origin(origins)
        if picked is not None and (entry.form == "abbr" or not entry.code):
            origin = picked[1]
            mention.code = mention.code or origin.code
            mention.home = mention.home or home_of(origin)
            if entry.form == "abbr":
                picked = next((c for c in entry.candidates if c.code == origin.code), None)
                if picked is not None:
                    mention.code, mention.sector = picked.code, picked.sector
                    mention.name, mention.abbr = picked.name, None
                    mention.home = home_of(picked)
        return mention

    def _plain(self, doc: Any, span: Any, entry: Entry) -> Mention:
        start_tok = span.start
        before = doc[start_tok - 1] if start_tok > 0 else None
        # "the US", "the Kremlin": the article belongs to the name.
        if (before is not None and before.lower_ == "the" and before.head.i in
                range(span.start, span.end)):
            start_tok -= 1
        kind = entry.kind
        mention = Mention(
            doc[start_tok].idx, span.end_char, code=entry.code, sector=entry.sector,
            kind=kind, name=entry.name, head=span.text.lower(), home=home_of(entry),
        )
        if entry.form == "abbr":
            mention.abbr = entry
            mention.kind = "organisation"
        if entry.kind == "person":
            mention.person = entry.name
            if entry.aliases:
                mention.extra["aliases"] = entry.aliases
        return mention


def _longest(spans: list[Any]) -> list[Any]:
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


def _share_with_conjuncts(mentions: list[Mention]) -> None:
    """Give coordinated names after an agent's preposition the agent's sector.

    In "the ambassadors of Egypt, Jordan and Qatar" the first mention is "the
    ambassadors of Egypt" (EGY GOV); "Jordan" and "Qatar" become JOR GOV and QAT GOV.
    """
    for m in mentions:
        for at in m.extra.get("conjuncts", ()):
            other = next((o for o in mentions if o.start <= at < o.end), None)
            if other is None or other is m or other.code is None or other.sector is not None:
                continue
            other.sector, other.kind, other.anonymous = m.sector, m.kind, m.anonymous


def _share_origin_with_agents(doc: Any, mentions: list[Mention]) -> None:
    """Give coordinated agent words the state of the first: "Danish media and
    government" → DNK MED and DNK GOV; "Lawmakers and officials in Fornost" → FOR LEG
    and FOR GOV. Only a state's: "Hamas fighters and civilians" are not Hamas's; only a
    conjunct with no determiner or country of its own."""
    by_head = {m.extra["head_i"]: m for m in mentions if "head_i" in m.extra}
    for m in mentions:
        if not m.extra.get("state_origin"):
            continue
        head = doc[m.extra["head_i"]]
        for token in head.conjuncts:
            other = by_head.get(token.i)
            if (other is None or token.i < head.i or not other.bare or other.code
                    or any(c.dep_ == "det" for c in token.children)):
                continue
            other.code, other.home, other.name, other.bare = m.code, m.home, m.name, False
            other.anonymous = other.kind == "person"


def _listed_before(span: Any, origins: list[tuple[Any, Entry]]) -> list[tuple[Any, Entry]]:
    """Country words listed before ``span`` under the same head, joined by commas or
    "and" only ("Peruvian, Chilean" before "Bolivian ministers")."""
    doc = span.doc
    listed = []
    start = span.start
    for other, entry in sorted(origins, key=lambda o: -o[0].start):
        if other.end > start or not entry.code or entry.form not in ("name", "adjective"):
            continue
        between = doc[other.end : start]
        if len(between) == 0 or any(t.lower_ not in JOINERS for t in between):
            break
        listed.append((other, entry))
        start = other.start
    return listed


def _joined_name(span: Any, entry: Entry, head: Any) -> bool:
    """Whether a coded name before the head is followed by "and" or a comma."""
    doc = span.doc
    return (entry.form == "name" and bool(entry.code) and entry.kind != "person"
            and span.end < head.i and doc[span.end].lower_ in JOINERS)


def _after_list(doc: Any, i: int) -> int:
    """The first token after the joiners ("and", ",") starting at token ``i``."""
    while i < len(doc) - 1 and doc[i].lower_ in JOINERS:
        i += 1
    return i


def _based(span: Any) -> bool:
    """Whether a name only places or links the body ("the London-based rights group",
    "the al-Qaeda-linked group"): the body is not the named one."""
    nxt = span.doc[span.end : span.end + 2]
    if len(nxt) == 2 and nxt[0].text == "-":
        return nxt[1].lower_ in LINK_WORDS
    return len(nxt) >= 1 and nxt[0].lower_.lstrip("-") in LINK_WORDS and nxt[0].text[0] == "-"


def is_ethnic(span: Any, entry: Entry) -> bool:
    """Whether a match is an ethnic group word ("Kurds", "Serbs")."""
    return entry.form == "ethnic" or span.text.lower() in ethnic_words()


def _state_before(span: Any, origins: list[tuple[Any, Entry]]) -> tuple[Any, Entry] | None:
    """A coded country word right before ``span`` ("Bosnian" in "Bosnian Serbs")."""
    for other, entry in origins:
        if (other.end == span.start and entry.code and entry.form in ("name", "adjective")
                and not is_ethnic(other, entry)):
            return other, entry
    return None


def pick_origin(origins: list[tuple[Any, Entry]]) -> tuple[Any, Entry] | None:
    """The modifier that codes a phrase: the last one, except that an ethnic group word
    right after a country word is coded by the country ("Bosnian Serb forces" → BIH) and
    an ethnic word with no country codes nothing ("Kurdish fighters")."""
    if not origins:
        return None
    span, entry = origins[-1]
    if is_ethnic(span, entry):
        state = _state_before(span, origins[:-1])
        if state is not None:
            return state
        if entry.code is None:
            return None
    return origins[-1]


def np_head(token: Any) -> Any:
    """Climb modifier links to the head of the token's noun phrase."""
    for _ in range(8):
        if token.dep_ not in MODIFIER_DEPS or token.head is token:
            break
        token = token.head
    return token


def _prep_origin(head: Any, matcher: Matcher) -> tuple[Any, Entry] | None:
    """A country attached by a preposition: "soldiers from Gondor", "activists in Arnor"."""
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in AGENT_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            hit = matcher._by_token.get(obj.i)
            if hit is not None and hit[1].form in ("name", "adjective") and hit[1].code:
                return hit
    return None


def _anti(span: Any) -> bool:
    """ "anti-Somali fighters", "anti-American protests": the word names whom the
    people oppose, not who they are."""
    doc, start = span.doc, span.start
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "anti"
