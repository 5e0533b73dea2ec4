"""Document-level reading on the VOA stories (issue #12; needs ../shared).

Two measures: the coverage figures of ``eventwire evaluate coverage`` (floors in
``baselines.yaml``) and the careful-reader checks in ``tests/fixtures/careful_reader/``,
scored by ``../shared/tools/check_expectations.py``. ``voa_tune.jsonl`` (16 stories) was
read while writing rules; ``voa_heldout.jsonl`` (10 stories) never was.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from eventwire import read
from eventwire.evaluate import baselines
from eventwire.evaluate.coverage import coverage

pytestmark = pytest.mark.shared

#: Shares of checks that hold, measured when the checks were written into the suite
#: (2026-12-08: tune 179/260, held-out 101/152), less a margin for parser noise.
CHECK_FLOORS = {"voa_tune": 0.66, "voa_heldout": 0.64}


@pytest.fixture(scope="module")
def voa_records(pipeline, shared_data):
    path = shared_data / "voa" / "voa_stories.jsonl"
    return {r["article"]["id"]: r for r in (pipeline.process(a).to_dict() for a in read([str(path)]))}


@pytest.fixture(scope="module")
def checker(shared_data):
    path = shared_data.parent / "tools" / "check_expectations.py"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    spec = importlib.util.spec_from_file_location("check_expectations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_voa_coverage_floor(voa_records):
    figures = coverage(voa_records.values())
    assert baselines.below_floor(figures, baselines.get("coverage-voa")) == []


@pytest.mark.parametrize("name", sorted(CHECK_FLOORS))
def test_voa_careful_reader_checks_floor(voa_records, checker, fixtures, name):
    held = total = 0
    for line in (fixtures / "careful_reader" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        expected = json.loads(line)
        outcomes = checker.check_story(expected, voa_records.get(expected["id"]))
        held += sum(ok for _, ok, _ in outcomes)
        total += len(outcomes)
    assert total > 100
    assert held / total >= CHECK_FLOORS[name], f"{name}: {held}/{total}"
