"""Unit tests for the actors stage's small data files (word lists, thresholds, PLOVER
classes) and for where an entry came from (``Entry.source``)."""

from __future__ import annotations

import pytest

from eventwire import Pipeline, lexicons
from eventwire.actors import dictionary, words
from eventwire.actors.lookup import Source
from eventwire.errors import DataFileError
from eventwire.evaluate.actors import plover_mapping


@pytest.mark.parametrize("name", [
    "joiners.tsv", "link_words.tsv", "agent_preps.tsv", "determiners.tsv",
    "thresholds.yaml", "plover_classes.yaml",
])
def test_actors_data_files_have_source_header(name):
    assert lexicons.read_text(f"actors/{name}").startswith("#")


@pytest.mark.parametrize(("loader", "expected"), [
    (words.joiners, {",", "and", "or", "&"}),
    (words.link_words, {"based", "linked", "affiliated", "allied", "inspired", "aligned"}),
    (words.agent_preps, {"of", "from", "in"}),
])
def test_actors_data_word_lists(loader, expected):
    assert loader() == expected


def test_actors_data_determiners_keep_file_order():
    assert words.definite() == ("the", "this", "that")
    assert words.indefinite() == ("a", "an", "another", "one")


@pytest.mark.parametrize(("name", "value"), [
    ("exact_case_max_letters", 6), ("abbreviation_window", 12), ("noun_phrase_climb", 8),
])
def test_actors_data_thresholds(name, value):
    assert words.threshold(name) == value


def test_actors_data_unknown_threshold_is_reported():
    with pytest.raises(DataFileError, match=r"thresholds\.yaml"):
        words.threshold("no_such_setting")


def test_actors_data_plover_classes():
    plover = plover_mapping()
    assert plover.kinds == {"igo": "IGO", "ngo": "NGO", "group": "IMG"}
    assert plover.codes == {"REDCROSS": "IGO"}
    assert plover.sectors == {"IGO", "NGO"}


@pytest.mark.parametrize(("phrase", "source"), [
    ("officials", Source.AGENTS), ("world body", Source.DESCRIPTORS),
    ("nato", Source.ORGANISATIONS), ("israel", Source.COUNTRIES),
])
def test_actors_packaged_entries_know_their_source(phrase, source):
    assert dictionary.packaged().get(phrase).source is source


def test_actors_petrarch_entries_are_flagged(tmp_path):
    path = tmp_path / "Mine.actors.txt"
    path.write_text("FREEDONIA_ [FRD]\n", encoding="utf-8")
    entry = dictionary.load_user(path).get("freedonia")
    assert entry.petrarch
    assert entry.source is Source.PETRARCH


@pytest.mark.parametrize("folder", ["my.actors", "old.agents"])
def test_actors_user_tsv_in_petrarch_named_folder_is_no_petrarch(tmp_path, folder):
    # Only the file name says PETRARCH: a TSV in a folder named "*.actors" is a user TSV,
    # so its organisation's officials keep the organisation's sector (no "BUSGOV").
    (tmp_path / folder).mkdir()
    path = tmp_path / folder / "mine.tsv"
    path.write_text("Acme Holdings\tACME\tBUS\torganisation\tAcme\n", encoding="utf-8")
    assert not dictionary.load_user(path).get("acme holdings").petrarch
    actors = Pipeline(dictionaries=(path,)).process("Acme Holdings officials met on Monday.").actors
    assert ("ACME", "BUS") in {(a.code, a.sector) for a in actors}
