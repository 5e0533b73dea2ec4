"""Golden tests on the bundled sample corpus: layout (excluded regions) and the contract."""

from __future__ import annotations

import pytest

from conftest import load_samples
from eventwire import schema

CASES = load_samples()
IDS = [key for key, _, _ in CASES]


def test_samples_corpus_is_large_and_mixed(sample_dir):
    suffixes = {p.suffix for p in sample_dir.iterdir()}
    assert {".txt", ".html", ".jsonl"} <= suffixes
    assert len(CASES) >= 20


@pytest.mark.parametrize(("key", "article", "expected"), CASES, ids=IDS)
def test_samples_excluded_regions(pipeline, key, article, expected):
    result = pipeline.process(article)
    text = result.article.text
    found = {(e.kind, text[e.start : e.end]) for e in result.article.excluded}
    for region in expected.get("excluded", []):
        assert (region["kind"], region["text"]) in found, f"{key}: {region} not in {sorted(found)}"


@pytest.mark.parametrize(("key", "article", "expected"), CASES, ids=IDS)
def test_samples_output_meets_the_contract(pipeline, key, article, expected):
    assert schema.errors(pipeline.process(article).to_dict()) == []
