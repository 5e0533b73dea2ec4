"""Golden test: actors on the bundled sample corpus (expected/*.json "actors")."""

from __future__ import annotations

import pytest

from eventwire.evaluate import baselines
from eventwire.evaluate.actors import evaluate_actors
from eventwire.lexicons import data_path

SAMPLE = data_path("sample")
HAS_GOLD = any(
    "actors" in p.read_text(encoding="utf-8") for p in (SAMPLE / "expected").glob("*.json")
) if (SAMPLE / "expected").is_dir() else False


@pytest.fixture(scope="module")
def metrics(pipeline):
    if not HAS_GOLD:
        pytest.skip("no sample expected files with actors yet")
    return evaluate_actors(SAMPLE, pipeline=pipeline)


# Floors and measured figures: data/evaluate/baselines.yaml.
def test_actors_samples_floor(metrics):
    assert baselines.below_floor(metrics, baselines.get("actors-sample")) == []


def test_actors_samples_seed(pipeline, seed_path):
    from eventwire import read

    article = next(iter(read([seed_path])))
    actors = pipeline.process(article).actors
    codes = {a.code for a in actors}
    assert {"USA", "ISR", "IRN"} <= codes
    first = next(a for a in actors if a.text == "a senior US official")
    assert (first.code, first.sector, first.anonymous) == ("USA", "GOV", True)
    entity = first.entity
    linked = [a for a in actors if a.entity == entity]
    assert {"a senior American official", "The official", "the official"} <= {
        a.text for a in linked}
    iaf = [a for a in actors if a.text == "IAF"]
    assert iaf
    assert all((a.code, a.sector) == ("ISR", "MIL") for a in iaf)
