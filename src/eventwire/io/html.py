"""HTML reader: main text and metadata with trafilatura; the extracted text is the article."""

from __future__ import annotations

import warnings
from typing import Any

from eventwire.errors import InputError
from eventwire.io.text import is_blank, repair_surrogates
from eventwire.model import Article


def parse_html(html: str | bytes, origin: str, *, url: str | None = None) -> Article:
    """Extract the main text and metadata of one HTML page.

    Raises:
        InputError: when no main text can be found, naming ``origin``.
    """
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc: Any = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False,
                include_tables=False, favor_precision=True,
            )
    except Exception as e:  # trafilatura raises many kinds on broken markup
        raise InputError(origin, f"could not parse HTML: {e}") from e
    if doc is None:
        raise InputError(origin, "no main text found in HTML")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text, _ = repair_surrogates(data.get("text") or "")
    if is_blank(text):
        raise InputError(origin, "no main text found in HTML")
    return Article(
        text=text,
        title=data.get("title") or None,
        byline=data.get("author") or None,
        outlet=data.get("sitename") or None,
        published=data.get("date") or None,
        url=url or data.get("url") or None,
        origin=origin,
    )
