"""eventwire: attributed political event data from news text.

Who did what to whom, and who says so: actors, quotes and CAMEO/PLOVER events, each
pointing back at the text by character offsets (schema ``eventwire/1``).
"""

from __future__ import annotations

from eventwire import errors
from eventwire.config import Config
from eventwire.io import read
from eventwire.model import Actor, Article, Attribution, Event, Result, Span
from eventwire.pipeline import Pipeline, extract

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Attribution",
    "Config",
    "Event",
    "Pipeline",
    "Result",
    "Span",
    "__version__",
    "errors",
    "extract",
    "read",
]
