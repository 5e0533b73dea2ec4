"""Attribution scoring (``eventwire.evaluate.attribution``) on hand-made cases."""

from __future__ import annotations

import json

import pytest

from eventwire.attribution.cues import load_lexicon
from eventwire.errors import DataFileError, InputError
from eventwire.evaluate.attribution import Scorer, read_gold

TEXT = "The minister said the border would reopen. Farmers believe prices will rise."
#       0         1         2         3         4         5         6         7
GOLD = [
    {"source": [(0, 12)], "cue": [(13, 17)], "content": [(18, 41)]},
    {"source": [(43, 50)], "cue": [(51, 58)], "content": [(59, 76)]},
]


def test_attribution_evaluate_perfect_prediction() -> None:
    scorer = Scorer()
    scorer.add(TEXT, GOLD, GOLD)
    metrics = scorer.metrics()
    assert metrics["content_match"]["f1"] == 1.0
    assert metrics["source_accuracy"] == 1.0
    for role in ("source", "cue", "content"):
        assert metrics["exact"][role]["f1"] == 1.0
        assert metrics["token"][role]["f1"] == 1.0


@pytest.mark.parametrize(
    ("predicted", "match_f1", "source_accuracy"),
    [
        # content cut short but still Jaccard >= 0.5: a match, exact content wrong
        ([{"source": [(0, 12)], "cue": [(13, 17)], "content": [(18, 35)]}], 2 / 3, 1.0),
        # content too short for Jaccard 0.5: no match
        ([{"source": [(0, 12)], "cue": [(13, 17)], "content": [(18, 21)]}], 0.0, 0.0),
        # right content, wrong source
        ([{"source": [(43, 50)], "cue": [(13, 17)], "content": [(18, 41)]}], 2 / 3, 0.0),
        ([], 0.0, 0.0),
    ],
)
def test_attribution_evaluate_partial(predicted, match_f1, source_accuracy) -> None:
    scorer = Scorer()
    scorer.add(TEXT, GOLD, predicted)
    metrics = scorer.metrics()
    assert metrics["content_match"]["f1"] == pytest.approx(match_f1, abs=1e-3)
    assert metrics["source_accuracy"] == pytest.approx(source_accuracy)


def test_attribution_evaluate_one_to_one() -> None:
    scorer = Scorer()
    twice = [GOLD[0], GOLD[0]]
    scorer.add(TEXT, GOLD[:1], twice)
    metrics = scorer.metrics()
    assert metrics["content_match"]["precision"] == 0.5
    assert metrics["content_match"]["recall"] == 1.0


@pytest.mark.parametrize("line", ["{not json", json.dumps({"text": "no attributions"})])
def test_attribution_evaluate_bad_gold(tmp_path, line) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:1"):
        list(read_gold(path))


@pytest.mark.parametrize(("lemma", "pos"), [("say", "VERB"), ("tell", "VERB"), ("claim", "NOUN")])
def test_attribution_lexicon_has_core_cues(lemma, pos) -> None:
    assert load_lexicon()[(lemma, pos)] > 0.3


def test_attribution_lexicon_size() -> None:
    assert len(load_lexicon()) >= 300


def test_attribution_lexicon_bad_row(monkeypatch) -> None:
    from eventwire.attribution.cues import lexicon

    monkeypatch.setattr(lexicon, "load_tsv", lambda *a, **k: ((7, ("say", "VERB", "x", "0.9")),))
    with pytest.raises(DataFileError, match=":7"):
        lexicon.load_lexicon("attribution/broken.tsv")


def test_attribution_evaluate_cue_statistics(tmp_path, nlp) -> None:
    from eventwire.evaluate.attribution import cue_statistics

    text = "The minister said the border would reopen. The border is long."
    record = {"id": "x", "text": text, "attributions": [
        {"source": [[0, 12]], "cue": [[13, 17]], "content": [[18, 41]]},
    ]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    rows = cue_statistics(path, [nlp(text)])
    assert rows == [("say", "VERB", 1, 1.0)]
