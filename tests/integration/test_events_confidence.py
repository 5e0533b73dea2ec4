"""Event confidence against a careful reader's verdicts (tests/fixtures/judged/README.md):
the calibration in confidence.tsv must match the judged calibration sample, and the
judged held-out sample must be no worse than chance at ordering events."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).parents[2]
JUDGED = ROOT / "tests" / "fixtures" / "judged"


def _fitter():
    spec = importlib.util.spec_from_file_location("fit_confidence", ROOT / "scripts" / "fit_confidence.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def calibration(shared_data):
    fitter = _fitter()
    stories = shared_data / "voa" / "voa_stories.jsonl"
    x, y, total = fitter._rows(stories, [JUDGED / "voa_events_calibration.jsonl"])
    return fitter, x, y, total


def _confidence(fitter, x):
    from eventwire.events import evidence

    weight = evidence.confidence_weights()
    z = np.array([evidence.evidence(dict(zip(evidence.FEATURES, row, strict=True))) for row in x])
    return 1.0 / (1.0 + np.exp(-(weight["scale"] * z + weight["shift"])))


def test_events_confidence_matches_the_calibration_sample(calibration):
    fitter, x, y, total = calibration
    assert len(y) >= 0.9 * total  # the judged events are still found
    confidence = _confidence(fitter, x)
    # calibrated: the mean confidence is the share judged fully right, within 3 points
    assert abs(confidence.mean() - y.mean()) < 0.03
    # and it orders: right events score higher on average than wrong ones
    assert confidence[y == 1].mean() > 2 * confidence[y == 0].mean()


def test_events_confidence_refit_gives_the_packaged_calibration(calibration):
    from eventwire.events import evidence

    fitter, x, y, _ = calibration
    z = np.array([evidence.evidence(dict(zip(evidence.FEATURES, row, strict=True))) for row in x])
    shift, (scale,) = fitter.fit(z[:, None], y)
    weight = evidence.confidence_weights()
    assert scale == pytest.approx(weight["scale"], abs=0.05)
    assert shift == pytest.approx(weight["shift"], abs=0.05)
