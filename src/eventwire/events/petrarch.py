"""Import PETRARCH-format verb dictionaries (``CAMEO.2.0.txt``, ``PETR.Validate.verbs.txt``).

The format (petrarch2 ``docs/source/dictionaries.rst``): ``&NAME`` starts a synonym set
whose members follow as ``+WORD`` lines; ``--- HEADWORD [code] ---`` starts a verb
block (``[---]``: the bare verb has no code); plain lines add synonym verbs
(``BREAK {BROKE BROKEN}``, ``+BREAK_DOWN``); ``- words * words [code]`` lines are
patterns where ``*`` is the verb, ``$`` the source, ``+`` the target, ``%`` a
compound (conjoined) actor and ``^`` a skip over any words. ``#`` and ``<!-- -->`` are comments.

Each block becomes eventwire patterns: the verb (and each synonym and irregular form)
as trigger, the pattern's plain words as words to find among the verb's dependents, the
code before any ``:`` as CAMEO code and the one after it as ``target_code``. A ``&SET``
word expands into one pattern per member. Word order and the ``$ + ^`` slots are not
kept: eventwire takes roles from the dependency parse; a ``%`` slot becomes
``Pattern.compound`` (the subject, before ``*``, or an object, after it, must be
conjoined actors).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import DataFileError
from eventwire.events.patterns import Pattern, Provenance

_CODE = re.compile(r"\[([^\]]*)\]")
# Pattern slots: "*" the verb, "$" source, "+" target, "%" a compound actor, "^" skip
# any words (word order is not kept here, so a skip needs nothing).
_SLOTS = frozenset({"*", "$", "+", "%", "^", "{", "}"})


def _clean(line: str) -> str:
    line = re.sub(r"<!--.*?-->", "", line)
    # "#" starts a comment except inside a [code] ("[###]" is a code that is never coded).
    return re.sub(r"#(?![^\[]*\]).*$", "", line).strip()


def _words(text: str) -> list[str]:
    words = []
    for chunk in text.replace("_", " ").split():
        if chunk in _SLOTS:
            continue
        chunk = chunk.strip("{}").lower()
        if chunk and chunk not in _SLOTS:
            words.append(chunk)
    return words


def _code(text: str, origin: str, line: int) -> tuple[str | None, str | None]:
    found = _CODE.search(text)
    if found is None:
        return None, None  # PETRARCH ignores a pattern without a code; so do we
    raw = found.group(1).strip()
    if not raw[:1].isdigit():  # [---], [+++], [###]: not coded
        return None, None
    source, _, target = raw.partition(":")
    return source.strip() or None, target.strip() or None


def load_verbs(path: str | Path) -> list[Pattern]:
    """Read a PETRARCH verb dictionary into eventwire patterns.

    Args:
        path: the dictionary file.

    Returns:
        Patterns in file order (an earlier pattern wins ties, as in PETRARCH).

    Raises:
        DataFileError: when the file cannot be read or a block header is malformed.
    """
    origin = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise DataFileError(origin, f"cannot read verb dictionary: {e}") from e
    reader = _Reader(origin)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _clean(raw)
        if line:
            reader.read(number, line)
    reader.flush()
    return [p for p in reader.patterns if p.head]


@dataclass
class _Reader:
    """The state of reading one dictionary: synonym sets so far, and the verb block
    being read (its head words, code and pattern lines) until the next one starts."""

    origin: str
    synsets: dict[str, list[list[str]]] = field(default_factory=dict)
    current_set: str | None = None
    heads: list[list[str]] = field(default_factory=list)
    block_code: tuple[str | None, str | None] = (None, None)
    block_lines: list[tuple[int, str]] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)

    def read(self, number: int, line: str) -> None:
        """Read one cleaned, non-empty line."""
        if line.startswith("---"):
            self.start_block(number, line)
        elif line.startswith("&"):
            self.current_set = line.split()[0][1:].lower()
            self.synsets[self.current_set] = []
        elif line.startswith("-"):
            self.block_lines.append((number, line[1:]))
        elif line.startswith("+") and self.current_set is not None and not self.heads:
            self.synsets[self.current_set].append(_words(line[1:]))
        elif self.heads:
            self.add_synonyms(line)

    def start_block(self, number: int, line: str) -> None:
        """``--- HEADWORD [code] ---``: the block before it is done."""
        self.flush()
        header = line.strip("-").strip()
        name = header.split("[", 1)[0].strip()
        if not name:
            raise DataFileError(self.origin, "verb block without a headword", line=number)
        self.heads = [_words(name)]  # synonym lines may repeat it: see _add_head
        self.block_code = _code(header, self.origin, number) if "[" in header else (None, None)
        self.block_lines = []
        self.current_set = None

    def add_synonyms(self, line: str) -> None:
        """A synonym verb line (``BREAK {BROKE BROKEN}``, ``+BREAK_DOWN``): more heads."""
        words = line.split("[", 1)[0]
        for form in re.findall(r"\{([^}]*)\}", words):
            for f in form.split():
                _add_head(self.heads, _words(f))
        _add_head(self.heads, _words(re.sub(r"\{[^}]*\}", "", words)))

    def flush(self) -> None:
        """Turn the block read so far into patterns, one set per head."""
        forms = frozenset(f for h in self.heads for f in verb_forms(h[0]))
        for head_words in self.heads:
            head, *rest = head_words
            if self.block_code[0]:
                self.patterns.append(_pattern(self.block_code, head, rest, self.origin, forms=forms))
            for number, body in self.block_lines:
                self.patterns += self._line_patterns(number, body, head, rest, forms)

    def _line_patterns(
        self, number: int, body: str, head: str, rest: list[str], forms: frozenset[str],
    ) -> list[Pattern]:
        """The patterns of one ``- words * words [code]`` line for one head."""
        code = _code(body, self.origin, number)
        if code[0] is None:
            return []
        words = body[: body.index("[")] if "[" in body else body
        compound = _compound_slot(words)
        return [
            _pattern(code, head, rest + expanded, f"{self.origin}:{number}", compound, forms)
            for expanded in _expand(_words(words), self.synsets)
        ]


def _add_head(heads: list[list[str]], words: list[str]) -> None:
    if words and words not in heads:
        heads.append(words)


def _expand(words: list[str], synsets: dict[str, list[list[str]]]) -> list[list[str]]:
    # A synonym set stands for any one of its members: "a|b|c" (the matcher reads "|"
    # as alternatives); a multi-word member is represented by its last word.
    out = []
    for word in words:
        if word.startswith("&"):
            members = sorted({m[-1] for m in synsets.get(word[1:], []) if m})
            if members:
                out.append("|".join(members))
        else:
            out.append(word)
    return [out]


def _compound_slot(words: str) -> str | None:
    """Where a pattern's ``%`` (compound actor) slot is: before the verb ``*`` it is the
    source ("- % * [030:030]": "Gondor and Osgiliath agree"), after it the target."""
    tokens = words.replace("_", " ").split()
    if "%" not in tokens:
        return None
    star = next((i for i, t in enumerate(tokens) if "*" in t), len(tokens))
    return "source" if tokens.index("%") < star else "target"


def verb_forms(verb: str) -> list[str]:
    """The regular forms PETRARCH gives a verb listed without irregular forms: the base,
    -s/-es, -ed/-d and -ing ("depart" → departs, departed, departing; "departes" is
    none of them). Irregular forms are listed in the dictionary and come as heads."""
    forms = [verb]
    if verb.endswith("e"):
        forms += [verb + "s", verb + "d", verb[:-1] + "ing", verb + "ing"]
    elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        forms += [verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    else:
        plural = verb + "es" if verb.endswith(("s", "x", "z", "ch", "sh", "o")) else verb + "s"
        forms += [plural, verb + "ed", verb + "ing"]
        if len(verb) > 2 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou":
            # "plan" → planned: spelling doubles a final consonant after one vowel.
            forms += [verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    return forms


def _pattern(
    code: tuple[str | None, str | None], head: str, words: list[str], origin: str,
    compound: str | None = None, forms: frozenset[str] | None = None,
) -> Pattern:
    # PETRARCH words are surface forms; the matcher compares lemmas and forms alike.
    return Pattern(
        code[0] or "", head, tuple(w for w in words if w != head), "verb", origin, code[1],
        compound, forms, Provenance.PETRARCH,
    )
