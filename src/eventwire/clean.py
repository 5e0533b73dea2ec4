"""The clean stage: find the parts of an article that are not body text.

Headlines, bylines, image captions and their photo credits, short picture labels and
datelines are listed in ``Article.excluded`` with their kind. Nothing is cut out:
``article.text`` stays exactly as read. Later stages read :func:`nlp_text`, the same
text with excluded regions (except the headline) blanked to spaces, so that every
offset still lines up with ``article.text`` while captions never reach the parser.

These rules are written by hand because they are this project's own craft: general
boilerplate removers (trafilatura, jusText) work on HTML structure, and plain-text
news pasted from a page loses that structure.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from eventwire.lexicons import load_yaml
from eventwire.model import PROCESSED_KINDS, Article, Excluded

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
# "JERUSALEM (AP) —", "GENEVA, March 3 (Reuters) -", "JEDDAH, Saudi Arabia (Eventwire) —",
# "ISLAMABAD/WASHINGTON —" (a story filed from two places)
_DATELINE = re.compile(
    r"[A-Z][A-Z.'/\- ]{1,40}[A-Z.](?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?(?:\s+\d{1,2})?)?"
    r"(?:\s*\([A-Za-z .&'-]{1,40}\))?\s*(?:—|–|--|-)\s"
)
# A line of only spaces (no-break spaces included, as pasted from web pages) is blank.
_BLANK_LINE = re.compile(r"\n[ \t\u00a0\r]*\n")
_SENTENCE_END = re.compile(r"[.!?…\"”’»:;]\s*$")


@dataclass(frozen=True, slots=True)
class _Layout:
    """The layout words and limits of ``data/clean/layout.yaml``, as patterns."""

    byline: re.Pattern[str]
    credit: re.Pattern[str]
    limits: dict[str, int]


def alternatives(words: list[str]) -> str:
    """A regex alternation matching any of ``words`` literally."""
    return "|".join(re.escape(w) for w in words)


@functools.cache
def _layout() -> _Layout:
    data = load_yaml("clean/layout.yaml")
    # "By Lauren Calin, World Israel News"; "By JANE DOE and JOHN ROE": a name follows
    # the lead (so "By the end of the week, …" is body text).
    not_names = "|".join(rf"{re.escape(w)}\b" for w in data["byline_not_names"])
    byline = re.compile(rf"(?:{alternatives(data['byline_leads'])})\s+(?!{not_names})[A-Z][\w'’.-]*\b.{{0,100}}")
    # A photo credit in brackets at the end of a paragraph: "(AP/Hadi Yazdani)",
    # "(Edi Israel/Flash90)", "(Photo: Ali Karimi/AFP)", "(Reuters)", "(AP Photo)".
    credit = re.compile(
        rf"\((?:(?:{alternatives(data['credit_words'])})s?\s*(?:by|:)\s*[^()\n]{{1,80}}"
        r"|[^()\n]{0,60}/[^()\n]{1,60}"
        rf"|{alternatives(data['credit_agencies'])})\)\s*$",
    )
    limits = {k: int(v) for k, v in data.items() if isinstance(v, int)}
    return _Layout(byline, credit, limits)


def has_blank_lines(text: str) -> bool:
    """True when paragraphs are separated by blank lines (else: one paragraph per line)."""
    return _BLANK_LINE.search(text) is not None


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each paragraph, without surrounding spaces.

    Paragraphs are runs of non-empty lines separated by blank lines (lines of only
    spaces count as blank). Text with no blank line at all, as HTML extractors write
    it, has one paragraph per line.
    """
    one_per_line = not has_blank_lines(text)
    start = None
    end = 0
    offset = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        if content.strip():
            if start is None:
                start = offset + (len(content) - len(content.lstrip()))
            end = offset + len(content.rstrip())
        if start is not None and (one_per_line or not content.strip()):
            yield start, end
            start = None
        offset += len(line)
    if start is not None:
        yield start, end


def _is_headline(text: str, start: int, end: int, index: int, title: str | None) -> bool:
    block = text[start:end]
    if title is not None:
        # Extracted HTML starts with the page's <h1>, which is the title given.
        return index == 0 and block.strip() == title.strip()
    return (
        index == 0
        and "\n" not in block.strip()
        and len(block) <= _layout().limits["headline_max_chars"]
        and not block.rstrip().endswith(".")
        and len(block.split()) >= 3
    )


def _is_label(block: str) -> bool:
    words = block.split()
    return (
        0 < len(words) <= _layout().limits["label_max_words"]
        and "\n" not in block
        and not _SENTENCE_END.search(block)
        and not any(ch in block for ch in "\"“”«»")
    )


def find_excluded(text: str, *, title: str | None = None) -> list[Excluded]:
    """Find the non-body regions of a plain-text article.

    Args:
        text: the article text exactly as read.
        title: the title the input gave, if any: then the first line is a headline
            only when it repeats that title.

    Returns:
        The regions in text order; offsets index ``text``.
    """
    found: list[Excluded] = []
    rules = _layout()
    for index, (start, end) in enumerate(paragraphs(text)):
        block = text[start:end]
        if _is_headline(text, start, end, index, title):
            found.append(Excluded("headline", start, end))
            continue
        short = len(block.split()) <= rules.limits["byline_max_words"]
        if rules.byline.fullmatch(block) and short and not _SENTENCE_END.search(block):
            found.append(Excluded("byline", start, end))
            continue
        credit = rules.credit.search(block)
        if credit and len(block) < rules.limits["caption_under_chars"]:
            caption_end = start + len(block[: credit.start()].rstrip())
            if caption_end > start:
                found.append(Excluded("caption", start, caption_end))
            found.append(Excluded("credit", start + credit.start(), start + len(block.rstrip())))
            continue
        if index > 0 and _is_label(block):
            found.append(Excluded("label", start, end))
            continue
        dateline = _DATELINE.match(block)
        if dateline and len(dateline.group().split()) <= rules.limits["dateline_max_words"]:
            found.append(Excluded("dateline", start, start + len(dateline.group().rstrip())))
    return found


def layout(article: Article) -> Article:
    """Return the article with ``excluded`` filled (if empty) and a title from the headline."""
    if article.excluded:
        return article
    excluded = tuple(find_excluded(article.text, title=article.title))
    changes: dict[str, object] = {"excluded": excluded}
    for region in excluded:
        if region.kind == "headline" and article.title is None:
            changes["title"] = article.text[region.start : region.end]
        if region.kind == "byline" and article.byline is None:
            changes["byline"] = article.text[region.start : region.end]
    return article.with_changes(**changes)


def nlp_text(article: Article) -> str:
    """The text the parser reads: excluded regions (but headlines) blanked, same length.

    Blanking keeps newlines, so sentence boundaries and every offset stay where they are.
    """
    skipped = [e for e in article.excluded if e.kind not in PROCESSED_KINDS]
    if not skipped:
        return article.text
    chars = list(article.text)
    for region in skipped:
        for i in range(region.start, region.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)
