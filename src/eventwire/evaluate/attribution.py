"""Score attributions against PolNeAR-format gold (JSON Lines, one article a line).

Gold records hold ``text`` and ``attributions``: lists of ``[start, end]`` pieces per
role (``source``, ``cue``, ``content``). Predictions are eventwire results, joined on
the article id. Tokens for scoring are runs of word characters or single other
non-space characters, so scores do not depend on the parser.

Metrics:

- per role (source, cue, content): *exact* P/R/F1 (a predicted span set equals a gold
  one, after trimming spaces; one to one) and *token* P/R/F1 (tokens carrying the role
  in any attribution of the article);
- *content match* P/R/F1: a predicted attribution matches a gold one when their content
  tokens overlap with Jaccard ≥ 0.5, one to one (greedy, best overlap first);
- *source accuracy* over content matches: both have no source, or their source
  tokens overlap.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.attribution.cues import coarse_pos
from eventwire.attribution.phrases import build_matcher, key_tokens, matches, phrase_key
from eventwire.errors import InputError

ROLES = ("source", "cue", "content")
JACCARD = 0.5
_TOKEN = re.compile(r"\w+|[^\w\s]")

Pieces = list[tuple[int, int]]


@dataclass(slots=True)
class _Counts:
    tp: float = 0
    fp: float = 0
    fn: float = 0

    def add(self, tp: float, fp: float, fn: float) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def scores(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass(slots=True)
class Scorer:
    """Accumulates counts over articles; :meth:`metrics` gives the final dict."""

    exact: dict[str, _Counts] = field(default_factory=lambda: {r: _Counts() for r in ROLES})
    token: dict[str, _Counts] = field(default_factory=lambda: {r: _Counts() for r in ROLES})
    match: _Counts = field(default_factory=_Counts)
    source_right: int = 0
    source_total: int = 0
    articles: int = 0
    gold_count: int = 0
    predicted_count: int = 0

    def add(self, text: str, gold: list[dict[str, Pieces]], predicted: list[dict[str, Pieces]]) -> None:
        """Score one article: ``gold`` and ``predicted`` are lists of role -> pieces."""
        self.articles += 1
        self.gold_count += len(gold)
        self.predicted_count += len(predicted)
        bounds = _token_bounds(text)
        for role in ROLES:
            g = Counter(_norm(text, a.get(role, [])) for a in gold)
            p = Counter(_norm(text, a.get(role, [])) for a in predicted)
            g.pop((), None)
            p.pop((), None)
            tp = sum((g & p).values())
            self.exact[role].add(tp, sum(p.values()) - tp, sum(g.values()) - tp)
            gt = set().union(*(_tokens(bounds, a.get(role, [])) for a in gold)) if gold else set()
            pt = set().union(*(_tokens(bounds, a.get(role, [])) for a in predicted)) if predicted else set()
            self.token[role].add(len(gt & pt), len(pt - gt), len(gt - pt))
        gold_tokens = [_tokens(bounds, a.get("content", [])) for a in gold]
        pred_tokens = [_tokens(bounds, a.get("content", [])) for a in predicted]
        pairs = _match(gold_tokens, pred_tokens)
        self.match.add(len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs))
        for gi, pi in pairs:
            self.source_total += 1
            gs = _tokens(bounds, gold[gi].get("source", []))
            ps = _tokens(bounds, predicted[pi].get("source", []))
            if (not gs and not ps) or gs & ps:
                self.source_right += 1

    def metrics(self) -> dict[str, Any]:
        """The metrics dict (see the module docstring)."""
        return {
            "articles": self.articles,
            "gold_attributions": self.gold_count,
            "predicted_attributions": self.predicted_count,
            "content_match": self.match.scores(),
            "source_accuracy": round(self.source_right / self.source_total, 4)
            if self.source_total else 0.0,
            "exact": {r: self.exact[r].scores() for r in ROLES},
            "token": {r: self.token[r].scores() for r in ROLES},
        }


def _norm(text: str, pieces: Pieces) -> tuple[tuple[int, int], ...]:
    out = []
    for s, e in pieces:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if e - trail > s + lead:
            out.append((s + lead, e - trail))
    return tuple(sorted(out))


def _token_bounds(text: str) -> tuple[list[int], list[int]]:
    matches = list(_TOKEN.finditer(text))
    return [m.start() for m in matches], [m.end() for m in matches]


def _tokens(bounds: tuple[list[int], list[int]], pieces: Pieces) -> set[int]:
    starts, ends = bounds
    found: set[int] = set()
    for s, e in pieces:
        i = bisect.bisect_left(starts, s)
        # a token that starts before s but runs into the span counts too
        if i > 0 and ends[i - 1] > s:
            i -= 1
        while i < len(starts) and starts[i] < e:
            found.add(i)
            i += 1
    return found


def _match(gold: list[set[int]], predicted: list[set[int]]) -> list[tuple[int, int]]:
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if not g or not p:
                continue
            inter = len(g & p)
            if not inter:
                continue
            jaccard = inter / len(g | p)
            if jaccard >= JACCARD:
                candidates.append((jaccard, gi, pi))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def read_gold(path: str | Path, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Yield PolNeAR-format gold records from a JSON Lines file.

    Raises:
        InputError: on a line that is not a JSON object with ``text`` and ``attributions``.
    """
    with Path(path).open("rb") as stream:
        count = 0
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as e:
                raise InputError(str(path), f"malformed JSON: {e}", line=number) from e
            if not isinstance(record, dict) or "text" not in record or "attributions" not in record:
                raise InputError(str(path), "expected an object with 'text' and 'attributions'",
                                 line=number)
            yield record
            count += 1
            if limit is not None and count >= limit:
                return


def predicted_pieces(result_dict: dict[str, Any]) -> list[dict[str, Pieces]]:
    """Role -> pieces for each attribution of one eventwire/1 result dict."""
    out = []
    for q in result_dict.get("attributions", []):
        parts = q.get("content_parts") or [q["content"]]
        out.append({
            "content": [(p["start"], p["end"]) for p in parts],
            "cue": [(q["cue"]["start"], q["cue"]["end"])] if q.get("cue") else [],
            "source": [(q["source"]["start"], q["source"]["end"])] if q.get("source") else [],
        })
    return out


def gold_pieces(record: dict[str, Any]) -> list[dict[str, Pieces]]:
    """Role -> pieces for each gold attribution of one PolNeAR record."""
    return [
        {role: [tuple(p) for p in a.get(role, [])] for role in ROLES}
        for a in record["attributions"]
    ]


def evaluate_attribution(
    gold_path: str | Path,
    *,
    pipeline: Any | None = None,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Run the pipeline over a PolNeAR-format gold file and score its attributions.

    Args:
        gold_path: JSON Lines gold file (PolNeAR format, see module docstring).
        pipeline: an :class:`eventwire.Pipeline`; a default one is built when omitted.
        limit: score only the first ``limit`` articles.
        progress: called with the number of articles done after each article.

    Returns:
        The metrics dict: ``content_match``, ``source_accuracy``, ``exact`` and
        ``token`` per role, and counts.

    Example:
        >>> m = evaluate_attribution("dev.jsonl", limit=5)  # doctest: +SKIP
        >>> m["content_match"]["f1"]  # doctest: +SKIP
    """
    if pipeline is None:
        from eventwire import Pipeline

        pipeline = Pipeline()
    records = list(read_gold(gold_path, limit=limit))
    scorer = Scorer()
    results = pipeline.process_many(_articles(records, gold_path))
    for done, (record, result) in enumerate(zip(records, results, strict=False), start=1):
        if not hasattr(result, "to_dict"):
            raise InputError(str(gold_path), f"article {record.get('id')!r} failed: {result}")
        scorer.add(record["text"], gold_pieces(record), predicted_pieces(result.to_dict()))
        if progress is not None:
            progress(done)
    metrics = scorer.metrics()
    metrics["gold"] = str(gold_path)
    return metrics


def _articles(records: list[dict[str, Any]], gold_path: str | Path) -> list[Any]:
    """The gold records as plain articles for the pipeline.

    Raises:
        InputError: when a record does not read as an article.
    """
    from eventwire.io.jsonl import parse_record
    from eventwire.model import Article

    articles: list[Article] = []
    for number, record in enumerate(records, start=1):
        # Only id and text: PolNeAR's first line is the headline, which the clean
        # stage must find itself, as in any plain article.
        raw = json.dumps({"id": record.get("id"), "text": record["text"]})
        parsed = parse_record(raw.encode(), str(gold_path), number)
        if not isinstance(parsed, Article):
            raise InputError(str(gold_path), str(parsed), line=number)
        articles.append(parsed)
    return articles


def cue_statistics(gold_path: str | Path, docs: Iterable[Any]) -> list[tuple[str, str, int, float]]:
    """Count cue heads in gold data: how ``data/attribution/cues.tsv`` is rebuilt.

    Args:
        gold_path: PolNeAR-format train file.
        docs: spaCy parses of the same articles' texts, in file order.

    Returns:
        ``(lemma, pos, cues, rate)`` rows: times the word headed a gold cue, and its share
        of the word's occurrences outside gold contents.
    """
    heads: Counter[tuple[str, str]] = Counter()
    seen: Counter[tuple[str, str]] = Counter()
    for record, doc in zip(read_gold(gold_path), docs, strict=False):
        attributions = record["attributions"]
        inside = _role_tokens(doc, (p for a in attributions for p in a["content"]), "contract")
        for t in doc:
            if t.i not in inside:
                seen[(t.lemma_.lower(), coarse_pos(t))] += 1
        for a in attributions:
            head = _cue_head(_cue_tokens(doc, a))
            if head is not None:
                heads[(head.lemma_.lower(), coarse_pos(head))] += 1
    return sorted(
        ((lemma, pos, n, n / max(seen[(lemma, pos)], 1)) for (lemma, pos), n in heads.items()),
        key=lambda row: -row[2],
    )


def _cue_tokens(doc: Any, attribution: dict[str, Any]) -> list[Any]:
    """The tokens of a gold attribution's cue pieces (expanded to whole tokens)."""
    return [t for s, e in attribution["cue"] for t in (doc.char_span(s, e, alignment_mode="expand") or [])]


def _cue_head(tokens: list[Any]) -> Any | None:
    """The cue token whose syntactic head lies outside the cue (or that is a root)."""
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), None)


def _role_tokens(doc: Any, pieces: Iterable[Any], mode: str) -> set[int]:
    ids: set[int] = set()
    for s, e in pieces:
        span = doc.char_span(s, e, alignment_mode=mode)
        if span is not None:
            ids.update(range(span.start, span.end))
    return ids


def phrase_statistics(
    gold_path: str | Path, docs: Iterable[Any], *, min_cues: int = 2,
) -> list[tuple[str, int, int, float]]:
    """Count phrase cues in gold data: how ``data/attribution/cue_phrases.tsv`` is rebuilt.

    A gold cue of several fixed words ("raise question about", "supporter of") gives a
    phrase key (:func:`eventwire.attribution.phrases.phrase_key`); every key seen at least
    ``min_cues`` times is then matched over the same parses with the stage's own
    matcher, to count how often the phrase is a cue when it occurs (occurrences inside
    a gold content that are not cues are not counted: they are reported speech).

    Args:
        gold_path: PolNeAR-format train file.
        docs: spaCy parses of the same articles' texts, in file order.
        min_cues: fewest gold cues for a phrase to be kept.

    Returns:
        ``(phrase, cues, seen, rate)`` rows, most frequent first.
    """
    pairs = list(zip(read_gold(gold_path), docs, strict=False))
    cues: Counter[tuple[str, ...]] = Counter()
    for record, doc in pairs:
        for a in record["attributions"]:
            key = phrase_key(_cue_tokens(doc, a))
            if key is not None:
                cues[key] += 1
    keys = [k for k, n in cues.items() if n >= min_cues]
    if not pairs:
        return []
    seen, hits = _phrase_occurrences(pairs, keys)
    rows = []
    for k in keys:
        phrase = " ".join(k)
        rows.append((phrase, cues[k], seen[phrase], hits[phrase] / max(seen[phrase], 1)))
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def _phrase_occurrences(
    pairs: list[tuple[dict[str, Any], Any]], keys: list[tuple[str, ...]],
) -> tuple[Counter[str], Counter[str]]:
    """Match ``keys`` over the parses: occurrences outside gold contents (or that are gold
    cues), and how many of those are gold cues, by phrase."""
    matcher = build_matcher(pairs[0][1].vocab, keys)
    seen: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for record, doc in pairs:
        attributions = record["attributions"]
        inside = _role_tokens(doc, (p for a in attributions for p in a["content"]), "contract")
        cue_ids = _role_tokens(doc, (p for a in attributions for p in a["cue"]), "expand")
        for phrase, s, e in matches(matcher, doc):
            ids = {t.i for t in key_tokens(doc, phrase, s, e)}
            is_cue = ids <= cue_ids
            if ids & inside and not is_cue:
                continue
            seen[phrase] += 1
            hits[phrase] += is_cue
    return seen, hits
