"""Fixtures shared by the whole suite (one place, as spaCy's tests do)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` beside the repo; skips the test when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not beside this checkout")
    return SHARED_DATA


@pytest.fixture(scope="session")
def seed_path(shared_data: Path) -> Path:
    """The canonical seed article (skips without ../shared)."""
    return shared_data / "seed" / "us-would-defend-israel.txt"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    """The folder of small invented test inputs."""
    return FIXTURES


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy model, loaded once for the session."""
    from eventwire import nlp as nlp_module

    return nlp_module.load()


@pytest.fixture(scope="session")
def pipeline(nlp):
    """A default Pipeline, built once for the session."""
    from eventwire import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    """The bundled sample corpus."""
    from eventwire.lexicons import data_path

    return data_path("sample/articles")



def load_samples() -> list[tuple[str, object, dict]]:
    """``(key, Article, expected)`` for each bundled sample with an expected file."""
    from eventwire.samples import load_samples as load

    return [(s.key, s.article, s.expected) for s in load()]


@pytest.fixture(scope="session")
def rules_pipeline(nlp):
    """A Pipeline that keeps every event the rules make (``min_confidence=0``): rule
    tests check the rules, not the default confidence floor."""
    from eventwire import Pipeline

    return Pipeline(min_confidence=0.0)
