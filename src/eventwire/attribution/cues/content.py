"""Cutting a content span out of the parse.

A content is a subtree (a clause, an object, a prepositional object) kept inside its
cue's paragraph, without what PolNeAR leaves out of it: a trailing cue clause ("…,
arguing that …" is a new attribution), the writer's aside (", a Republican appointed
by …", ", which gave …"), a leading date ("said on Wednesday they would …"), and the
cue's own words when the cue sits inside the clause ("X, he said, is true").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from eventwire.attribution.cues.match import Span, Spans
from eventwire.attribution.cues.syntax import ParagraphIds, trim
from eventwire.attribution.thresholds import THRESHOLDS

if TYPE_CHECKING:
    from eventwire.attribution.cues.finder import CueFinder

__all__ = ["clause_without", "content_span", "object_span", "pieces_without", "rstrip_index"]

#: A trailing adverbial clause: "…, arguing that …" when headed by a cue word.
_TRAILING = frozenset(("advcl",))
#: A trailing apposition or relative clause after a comma: the writer's aside.
_COMMENT_DEPS = frozenset(("appos", "relcl"))
#: Complements and phrases of a verb after its object that stay in an object content.
_OBJECT_TAIL = ("oprd", "xcomp", "ccomp", "acomp", "dobj")


def content_span(token: Any, para: ParagraphIds, *, anchor: Any,
                 finder: CueFinder | None = None) -> Span | None:
    """Like :func:`~.syntax.subtree_span`, without a trailing cue clause set off by a comma.

    "…in 2012, arguing that …" ends the reported clause: the gerund is a new cue. With
    a ``finder``, only an adverbial clause headed by a cue word is cut: ", even though
    he is …", ", possibly providing …" stay in the content, as PolNeAR marks them. A
    trailing apposition or relative clause after a comma is the writer's aside and is
    cut too (:func:`_cut_comment`).
    """
    doc = token.doc
    right = token.right_edge.i
    for child in token.subtree:
        if finder is not None and not finder.is_cue(child, THRESHOLDS.min_trailing_rate):
            continue
        if (
            child.dep_ in _TRAILING
            and child.right_edge.i == right
            and child.left_edge.i > token.left_edge.i
            and doc[child.left_edge.i - 1].text in (",", "—", "–", ";")
        ):
            right = child.left_edge.i - 1
            break
    right = _cut_comment(doc, token.left_edge.i, right)
    left = token.left_edge.i
    home = para[anchor.i]
    tokens = [doc[i] for i in range(left, right + 1) if para[i] == home]
    return trim(_without_leading_date(tokens))


def _cut_comment(doc: Any, left: int, right: int) -> int:
    """Cut a trailing non-restrictive apposition or relative clause (", a Republican
    appointed by …", ", which gave …") from tokens ``left..right``: the writer's aside."""
    for i in range(left + 1, right + 1):
        t = doc[i]
        if (t.dep_ in _COMMENT_DEPS and t.right_edge.i == right and t.left_edge.i > left
                and doc[t.left_edge.i - 1].text == "," and left <= t.head.i < t.left_edge.i):
            return t.left_edge.i - 1
    return right


def _without_leading_date(tokens: list[Any]) -> list[Any]:
    """"said on Wednesday they would …": the date belongs to the saying, not the content."""
    k = 0
    if len(tokens) > 1 and tokens[0].pos_ == "ADP" and tokens[1].ent_type_ in ("DATE", "TIME"):
        k += 1
    start = k
    while k < len(tokens) and tokens[k].ent_type_ in ("DATE", "TIME"):
        k += 1
    if k == start or k >= len(tokens) - 1:
        return tokens
    return tokens[k:]


def object_span(verb: Any, obj: Any, para: ParagraphIds) -> Span | None:
    """From the object to the verb's last complement or prepositional phrase ("called X
    unfounded", "thanked X for Y", "proposed X in exchange for Y"), without a trailing
    apposition or relative clause set off by a comma."""
    doc = verb.doc
    right = obj.right_edge.i
    for child in verb.children:
        if child.i > obj.i and (
            child.dep_ in _OBJECT_TAIL
            or (child.dep_ == "prep" and child.lower_ != "according"
                and doc[child.i - 1].text != ",")
        ):
            right = max(right, child.right_edge.i)
    right = _cut_comment(doc, obj.left_edge.i, right)
    home = para[verb.i]
    return trim([doc[i] for i in range(obj.left_edge.i, right + 1) if para[i] == home])


def clause_without(head: Any, cue: Any, para: ParagraphIds) -> Spans:
    """The head's clause as pieces, leaving out the cue's subtree (and its commas)."""
    skip = set(range(cue.left_edge.i, cue.right_edge.i + 1))
    skip.update(i for i in range(head.left_edge.i, head.right_edge.i + 1) if para[i] != para[cue.i])
    return _runs(head, lambda i: i not in skip)


def pieces_without(head: Any, skip: set[int], para: ParagraphIds) -> Spans:
    """The head's subtree (in its paragraph) as pieces, leaving out ``skip`` tokens."""
    return _runs(head, lambda i: i not in skip and para[i] == para[head.i])


def _runs(head: Any, keep: Callable[[int], bool]) -> Spans:
    """The head's subtree as trimmed pieces: maximal runs of tokens that ``keep``."""
    doc = head.doc
    parts: Spans = []
    run: list[Any] = []
    for i in range(head.left_edge.i, head.right_edge.i + 1):
        if keep(i):
            run.append(doc[i])
            continue
        if run and (piece := trim(run)) is not None:
            parts.append(piece)
        run = []
    if run and (piece := trim(run)) is not None:
        parts.append(piece)
    return parts


def rstrip_index(doc: Any, end: int) -> int:
    """``end`` moved back over spaces and commas of the doc's text."""
    text = doc.text
    while end > 0 and text[end - 1] in " \t\n\u00a0,":
        end -= 1
    return end
