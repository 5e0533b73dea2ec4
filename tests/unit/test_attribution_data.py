"""The attribution stage's data files: thresholds, word lists, paragraph numbering."""

from __future__ import annotations

import pytest

from eventwire.attribution import thresholds, words
from eventwire.attribution.cues import paragraph_ids
from eventwire.attribution.thresholds import THRESHOLDS, load_thresholds
from eventwire.attribution.words import CUE_WORDS, load_abbreviations
from eventwire.errors import DataFileError


def test_attribution_data_thresholds_load() -> None:
    assert THRESHOLDS.min_rate["VERB"] == pytest.approx(0.30)
    assert THRESHOLDS.min_rate_other > 1  # any other part of speech never fires alone
    assert 0 < THRESHOLDS.min_object_rate < THRESHOLDS.min_object_rate_thing < 1
    assert isinstance(THRESHOLDS.max_comment_tokens, int)
    assert isinstance(THRESHOLDS.min_prep_rate, float)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda raw: raw.pop("min_prep_rate"), "missing threshold 'min_prep_rate'"),
        (lambda raw: raw.update(min_prep_rat=0.5), "unknown threshold 'min_prep_rat'"),
        (lambda raw: raw.update(min_prep_rate="high"), "min_prep_rate: expected a number"),
        (lambda raw: raw.update(max_comment_tokens=15.5), "expected a whole number"),
        (lambda raw: raw.update(min_rate=[0.3]), "min_rate: expected a mapping"),
    ],
)
def test_attribution_data_thresholds_broken(monkeypatch, change, message) -> None:
    raw = dict(thresholds.load_yaml(thresholds.THRESHOLDS_FILE))
    change(raw)
    monkeypatch.setattr(thresholds, "load_yaml", lambda relative: raw)
    with pytest.raises(DataFileError, match=message):
        load_thresholds("attribution/broken-thresholds.yaml")


def test_attribution_data_cue_words_load() -> None:
    assert {"want", "vow", "urge"} <= CUE_WORDS.wanting
    assert CUE_WORDS.raising == frozenset({"seem", "appear"})
    assert "on" in CUE_WORDS.medium_prepositions  # quoted in YAML, not read as True
    assert all(isinstance(w, str) for w in CUE_WORDS.phrase_kept_words)


def test_attribution_data_cue_words_reject_yaml_booleans(monkeypatch) -> None:
    raw = dict(words.load_yaml(words.CUE_WORDS_FILE))
    raw["medium_prepositions"] = ["in", True]  # an unquoted `on`
    monkeypatch.setattr(words, "load_yaml", lambda relative: raw)
    with pytest.raises(DataFileError, match="medium_prepositions: expected a list of words"):
        words.load_cue_words("attribution/broken-words.yaml")


def test_attribution_data_abbreviations_load() -> None:
    assert load_abbreviations()[:3] == ("Mr", "Ms", "Mrs")
    assert "U.S" in load_abbreviations()


def test_attribution_data_paragraph_ids_are_stateless(nlp) -> None:
    doc = nlp("Talks stall\n\nThe minister said the talks had stalled.")
    plain = paragraph_ids(doc)
    broken = paragraph_ids(doc, (6,))  # a break before "stall"
    assert len(plain) == len(doc)
    assert plain[0] < plain[-1]  # the headline is its own paragraph
    assert broken[1] == broken[0] + 1
    assert paragraph_ids(doc) == plain  # the earlier caller's breaks are not kept
    assert not doc.user_data
