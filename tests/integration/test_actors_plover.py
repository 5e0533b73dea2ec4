"""Actor codes on the PLOVER development sentences (needs ../shared)."""

from __future__ import annotations

import pytest

from eventwire.evaluate import baselines
from eventwire.evaluate.actors import evaluate_actors


@pytest.fixture(scope="module")
def metrics(pipeline, shared_data):
    return evaluate_actors(shared_data / "plover" / "dev.jsonl", pipeline=pipeline)


def test_actors_plover_floor(metrics):
    assert baselines.below_floor(metrics, baselines.get("actors-plover-dev")) == []


def test_actors_plover_petrarch_dictionaries_load(shared_data, nlp):
    from eventwire import Pipeline

    folder = shared_data / "petrarch" / "dictionaries"
    pipe = Pipeline(dictionaries=(folder / "PETR.Validate.actors.txt",
                                  folder / "PETR.Validate.agents.txt"))
    actors = pipe.process("The Calenardhon government condemned Osgiliath soldiers.").actors
    found = {(a.code, a.sector) for a in actors}
    assert ("CAL", "GOV") in found
    assert ("OSG", "MIL") in found
