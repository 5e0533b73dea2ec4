"""Actors named in captions and labels: excluded regions read with the tokenizer only.

Captions and labels name actors ("An IAF F-15 …") though no event is read from them.
Bylines and credits are skipped: "Edi Israel/Flash90" is a photographer, not a state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.actors.mention import Mention
from eventwire.actors.names import plain_mention
from eventwire.actors.phrases import Matcher
from eventwire.model import Article

if TYPE_CHECKING:
    from spacy.language import Language

#: Kinds of excluded region (``Article.excluded``) scanned for actors. Region kinds are
#: the article model's vocabulary, so the choice stays beside the code that reads them.
SCANNED_REGIONS = frozenset({"caption", "label"})


def caption_mentions(article: Article, nlp: Language, matcher: Matcher,
                     day: int | None) -> list[Mention]:
    """Dictionary names in captions and labels, with article offsets.

    Args:
        article: the article, with its excluded regions.
        nlp: the loaded pipeline (only its tokenizer runs).
        matcher: the stage's dictionary matcher.
        day: the article's date (``YYYYMMDD``), for dated PETRARCH codes.
    """
    found: list[Mention] = []
    for region in article.excluded:
        if region.kind not in SCANNED_REGIONS:
            continue
        piece = nlp.make_doc(article.text[region.start : region.end])
        for span, entry in matcher.matches(piece, day):
            # Without a parse an agent word cannot be told from a modifier
            # ("Iranian military drill"), so only names are taken here.
            if entry.form in ("agent", "ethnic"):
                continue
            m = plain_mention(piece, span, entry)
            m.start += region.start
            m.end += region.start
            found.append(m)
    return found
