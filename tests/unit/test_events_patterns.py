"""The event lexicon: pattern files, pattern heads, matching, PETRARCH import."""

from __future__ import annotations

import pytest

from eventwire.events.codebook import load_codebook
from eventwire.events.patterns import Lexicon, builtin_patterns, load_grammar, make_pattern
from eventwire.events.petrarch import load_verbs


def test_events_patterns_well_over_a_thousand():
    assert len(builtin_patterns()) > 3000


@pytest.mark.parametrize("root", [f"{n:02d}" for n in range(1, 21)])
def test_events_patterns_cover_every_root(root):
    assert any(p.code.startswith(root) for p in builtin_patterns())


def test_events_patterns_codes_exist():
    codebook = load_codebook()
    # The empty code marks a literal sense (literal.tsv): no event.
    assert {p.code for p in builtin_patterns() if p.code} <= set(codebook)


def test_events_patterns_literal_senses_loaded():
    literal = [p for p in builtin_patterns() if not p.code]
    assert literal
    assert all(p.origin.startswith("data/events/literal.tsv") for p in literal)


@pytest.mark.parametrize(("verb", "form", "ok"), [
    ("depart", "departs", True),
    ("depart", "departing", True),
    ("depart", "departes", False),
    ("agree", "agreed", True),
    ("carry", "carried", True),
    ("plan", "planned", True),
    ("reach", "reaches", True),
])
def test_events_patterns_petrarch_verb_forms(verb, form, ok):
    from eventwire.events.petrarch import verb_forms

    assert (form in verb_forms(verb)) is ok


def test_events_patterns_no_pattern_coded_twice():
    seen = {}
    for p in builtin_patterns():
        key = (p.kind, p.head, p.words)
        assert seen.setdefault(key, p.code) == p.code, (key, seen[key], p.code)


@pytest.mark.parametrize(("text", "kind", "head", "words"), [
    ("impose sanction on", "verb", "impose", ("sanction", "on")),
    ("car bomb", "verb", "bomb", ("car",)),
    ("de-escalate", "verb", "escalate", ("de",)),
    ("military aid", "noun", "aid", ("military",)),
    ("sale of weapon", "noun", "sale", ("of", "weapon")),
    ("call for", "noun", "call", ("for",)),
])
def test_events_patterns_heads(text, kind, head, words):
    pattern = make_pattern("190", text, kind)
    assert (pattern.head, pattern.words) == (head, words)


@pytest.mark.parametrize(("sentence", "word", "code"), [
    ("Iran refused to negotiate with Israel.", "refused", "125"),
    ("France imposed sanctions on Iran.", "imposed", "163"),
    ("Russia attacked Ukraine.", "attacked", "190"),
    ("Serbia lifted the curfew.", "lifted", "0813"),
])
def test_events_patterns_most_specific_wins(nlp, sentence, word, code):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    pattern, _ = Lexicon().match(token)
    assert pattern.code == code


def test_events_patterns_grammar_classes():
    grammar = load_grammar()
    for name in ("intended", "conditional", "hypothetical", "demanded", "negator", "light"):
        assert grammar[name]


PETRARCH_SAMPLE = """\
&FORCES
+TROOPS
+SOLDIERS

--- RESTORE  [064]  ---
RESTORE    # a comment
- * DIPLOMATIC  [064]  # another
- NOT * RELATIONS  [112]
- * FXLL  [###]

--- ARRIVE  [032:033]  ---
ARRIVE
- * &FORCES  [190]

--- BREAK [---] ---
BREAK { BROKE BROKEN }
- * TIES  [161]
"""


def test_events_petrarch_import(tmp_path):
    path = tmp_path / "verbs.txt"
    path.write_text(PETRARCH_SAMPLE, encoding="utf-8")
    patterns = load_verbs(path)
    by = {(p.head, p.words): p for p in patterns}
    assert by[("restore", ())].code == "064"
    assert by[("restore", ("not", "relations"))].code == "112"
    assert ("restore", ("fxll",)) not in by  # [###]: never coded
    assert by[("arrive", ())].target_code == "033"
    assert by[("arrive", ("soldiers|troops",))].code == "190"
    assert ("break", ()) not in by  # [---]: the bare verb has no code
    assert {by[(h, ("ties",))].code for h in ("break", "broke", "broken")} == {"161"}


def test_events_petrarch_user_patterns_win(tmp_path, nlp):
    path = tmp_path / "verbs.txt"
    path.write_text("--- ATTACK [223] ---\nATTACK\n", encoding="utf-8")
    lexicon = Lexicon(load_verbs(path))
    token = nlp("Mordor attacked Gondor.")[1]
    assert lexicon.match(token)[0].code == "223"


PETRARCH_SLOTS = """\
--- AGREE  [081] ---
AGREE
- % * [030:030]
--- WARN  [160] ---
WARN
- * THEIR ^ ABOUT +  [162]
"""


def test_events_petrarch_skip_and_compound_slots(tmp_path):
    path = tmp_path / "verbs.txt"
    path.write_text(PETRARCH_SLOTS, encoding="utf-8")
    by = {(p.head, p.words): p for p in load_verbs(path)}
    assert by[("warn", ("their", "about"))].code == "162"  # "^" needs no word of its own
    compound = [p for p in load_verbs(path) if p.compound]
    assert [(p.head, p.compound, p.code, p.target_code) for p in compound] == [
        ("agree", "source", "030", "030"),
    ]


@pytest.mark.parametrize(("sentence", "code"), [
    ("Peru and Chile agree that the dispute should be settled.", "030"),  # conjoined subject
    ("Peru agrees that the dispute should be settled.", "081"),  # single subject
])
def test_events_petrarch_compound_slot_needs_conjoined_subject(tmp_path, nlp, sentence, code):
    path = tmp_path / "verbs.txt"
    path.write_text(PETRARCH_SLOTS, encoding="utf-8")
    lexicon = Lexicon(load_verbs(path), builtin=False)
    token = next(t for t in nlp(sentence) if t.lemma_ == "agree")
    assert lexicon.match(token)[0].code == code


@pytest.mark.parametrize(("sentence", "code"), [
    ("The minister said Egypt must ensure the security of its border.", "1034"),
    ("The Turkish president will attend the summit in Moscow.", "036"),
])
def test_events_patterns_news_verb_coverage(pipeline, sentence, code):
    assert code in {e.cameo for e in pipeline.process(sentence).events}


def test_events_patterns_empty_pattern_is_a_data_file_error() -> None:
    from eventwire.errors import DataFileError

    with pytest.raises(DataFileError, match=r"mine\.txt:3: empty pattern"):
        make_pattern("190", "  - ", "verb", "mine.txt:3")
