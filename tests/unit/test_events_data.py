"""The events stage's data files: root policies, confidence weights, word classes, and
where each pattern came from."""

from __future__ import annotations

import pytest

import eventwire.events
from eventwire.evaluate.events import non_state_sectors
from eventwire.events.codebook import load_codebook
from eventwire.events.evidence import FEATURES, confidence_weights
from eventwire.events.patterns import Provenance, builtin_patterns, grammar_list, make_pattern
from eventwire.events.petrarch import load_verbs
from eventwire.events.roots import POLICIES, ROOT_POLICIES_FILE, root_has, root_names, root_policies
from eventwire.lexicons import read_text


def test_events_data_root_policies_cover_every_root_with_its_codebook_name():
    codebook = load_codebook()
    assert sorted(root_names()) == [f"{n:02d}" for n in range(1, 21)]
    for root, name in root_names().items():
        assert name == codebook[root].name


def test_events_data_root_policies_header_names_the_columns():
    header = next(line for line in read_text(ROOT_POLICIES_FILE).splitlines() if line.startswith("# root\t"))
    assert tuple(header[2:].split("\t")[2:]) == POLICIES
    assert set(root_policies()) == set(POLICIES)


@pytest.mark.parametrize(("policy", "code", "expected"), [
    ("cue_statement", "010", True),
    ("cue_statement", "020", False),
    ("among_listed", "0831", True),
    ("among_listed", "090", False),
    ("asks_in_clause", "1041", True),
    ("about_first", "141", True),
    ("purpose_participle", "110", False),
    ("condition_target", "138", True),
    ("coercion", "173", True),
    ("coercion", "", False),
    ("promise", "036", False),
    ("promise", "0431", True),
])
def test_events_data_root_has(policy, code, expected):
    assert root_has(policy, code) is expected


def test_events_data_confidence_weights():
    weights = confidence_weights()
    assert set(FEATURES) <= set(weights)
    assert weights["scale"] > 0  # the calibration keeps the evidence's order
    assert 0 < weights["floor"] < weights["ceiling"] < 1


def test_events_data_ordered_grammar_class():
    assert grammar_list("located_prep") == ("in", "at")
    assert grammar_list("target_prep")[0] == "against"
    assert grammar_list("no such class") == ()


def test_events_data_non_state_sectors():
    assert {"IGO", "NGO", "IMG", "ISM"} <= non_state_sectors()


def test_events_data_builtin_patterns_are_flagged():
    assert all(p.builtin and p.provenance is Provenance.BUILTIN for p in builtin_patterns())
    assert not make_pattern("190", "attack", "verb").builtin


def test_events_data_petrarch_dictionary_under_data_is_not_builtin(tmp_path, monkeypatch):
    # A user's file whose path starts with "data/" was once read as packaged.
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "verbs.txt").write_text("--- ATTACK [223] ---\nATTACK\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    patterns = load_verbs("data/verbs.txt")
    assert patterns
    assert all(p.provenance is Provenance.PETRARCH and not p.builtin for p in patterns)
    assert all(p.origin.startswith("data/") for p in patterns)


def test_events_data_petrarch_lexicon_is_public(tmp_path):
    path = tmp_path / "verbs.txt"
    path.write_text("--- ATTACK [223] ---\nATTACK\n", encoding="utf-8")
    assert "petrarch_lexicon" in eventwire.events.__all__
    lexicon = eventwire.events.petrarch_lexicon(path)
    assert lexicon.size == len(load_verbs(path))
