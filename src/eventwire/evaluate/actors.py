"""Score the actors stage against annotated data.

Two gold formats, detected from the path:

- **sample corpus** (a directory holding ``expected/*.json``, or one such file): each
  gold actor (``text``, ``code``, ``sector``) is matched to a predicted mention with
  the same text, in text order. Reports mention precision and recall, code accuracy
  over matched mentions, and sector accuracy over matched mentions whose gold sector is
  not null (null means "the whole state" or "open to judgement"). The gold lists only
  clear-cut mentions, so plain precision counts every repeat and unannotated name as
  wrong; two extra figures make it readable: ``coded_share`` (share of predicted
  mentions that carry a code) and ``repeat_code_precision`` (of predicted mentions
  whose text is annotated somewhere in the article, the share with the gold code).
- **PLOVER** JSON Lines (records with ``source_codes``/``target_codes``): the share of
  records whose gold source (target) codes are among the codes resolved in the
  sentence. An actor contributes its code, its ``country`` (Hamas → PSE) and its
  class (IGO for international organisations, NGO, IMG for non-state armed groups),
  because PLOVER codes organisations by class. The class comes from what the code
  names ("al-Qaeda leaders" and "Kofi Annan" are people of a group and an IGO); an
  actor with no code but sector IGO or NGO ("a human rights group") gives that class.
- **PETRARCH unit tests** (``unit_tests.jsonl``: records with ``events`` and
  ``category``), read with the ``PETR.Validate.actors.txt`` / ``.agents.txt``
  dictionaries from the ``dictionaries/`` folder beside the file: the share of expected
  source/target codes (each distinct record, role and code; quoted new-actor texts and
  ``---`` codes skipped, ERROR records skipped) that some actor of the sentence carries
  as ``code + sector``. Each record's ``date`` is the article's ``published`` date, so
  date-restricted codes are chosen as PETRARCH does.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire import lexicons
from eventwire.errors import DataFileError
from eventwire.model import Actor, Article


@dataclass(frozen=True, slots=True)
class PloverClasses:
    """How actors map to PLOVER's organisation classes (``data/actors/plover_classes.yaml``).

    PLOVER codes organisations by class rather than by name.

    Args:
        kinds: class of each kind of body (igo → IGO, ngo → NGO, group → IMG).
        codes: codes PLOVER's gold classes differently from eventwire (REDCROSS → IGO).
        sectors: sectors that name a class on their own (an unnamed rights group: NGO).
    """

    kinds: dict[str, str]
    codes: dict[str, str]
    sectors: frozenset[str]


@functools.cache
def plover_mapping() -> PloverClasses:
    """The PLOVER class mapping, read once from ``plover_classes.yaml``."""
    data = lexicons.load_yaml("actors/plover_classes.yaml")
    try:
        return PloverClasses({str(k): str(v) for k, v in data["kinds"].items()},
                             {str(k): str(v) for k, v in data["codes"].items()},
                             frozenset(str(s) for s in data["sectors"]))
    except (KeyError, TypeError, AttributeError) as e:
        raise DataFileError("data/actors/plover_classes.yaml",
                            "expected mappings kinds and codes and a list sectors") from e


def detect_format(path: Path) -> str:
    """Return ``"plover"`` or ``"sample"`` for a gold path."""
    if path.is_dir():
        return "sample"
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as f:
            first = json.loads(next((line for line in f if line.strip()), "{}"))
        if "source_codes" in first:
            return "plover"
        if "events" in first and "category" in first:
            return "petrarch"
    return "sample"


def evaluate_actors(gold_path: Path | str, *, pipeline: Any = None) -> dict[str, Any]:
    """Score actor mentions and codes against a gold file or folder.

    Args:
        gold_path: the sample corpus folder (or its ``expected/`` folder or one
            expected file), or a PLOVER ``.jsonl`` file.
        pipeline: a built :class:`~eventwire.Pipeline`; one is built when omitted.

    Returns:
        A dict of metrics; ``format`` names the gold format read.

    Example:
        >>> evaluate_actors("src/eventwire/data/sample")["code_accuracy"]  # doctest: +SKIP
        0.93
    """
    from eventwire import Pipeline

    path = Path(gold_path)
    found = detect_format(path)
    if found == "petrarch":
        return _petrarch(path, pipeline)
    pipeline = pipeline or Pipeline()
    if found == "plover":
        return _plover(path, pipeline)
    return _sample(path, pipeline)


# ------------------------------------------------------------------ PETRARCH


def petrarch_pipeline(path: Path, pipeline: Any = None) -> Any:
    """A pipeline with the PETRARCH validation actor and agent dictionaries laid over
    the user's (the ``dictionaries/`` folder beside ``unit_tests.jsonl``)."""
    from eventwire import Pipeline
    from eventwire.errors import DataFileError

    folder = path.parent / "dictionaries"
    files = (folder / "PETR.Validate.actors.txt", folder / "PETR.Validate.agents.txt")
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise DataFileError(missing[0], "PETRARCH validation dictionary not found")
    extra = tuple(getattr(getattr(pipeline, "config", None), "dictionaries", ()) or ())
    return Pipeline(dictionaries=(*extra, *files))


def petrarch_expected(record: dict[str, Any]) -> set[tuple[str, str]]:
    """Expected ``(role, code)`` pairs of a unit-test record (coded actors only)."""
    return {(role, event[role]) for event in record.get("events") or []
            for role in ("source", "target") if event[role][:1].isalpha()}


def _petrarch(path: Path, pipeline: Any = None) -> dict[str, Any]:
    pipeline = petrarch_pipeline(path, pipeline)
    counts: Counter[str] = Counter()
    misses: list[dict[str, Any]] = []
    for record in _records(path):
        if record.get("error"):
            continue
        article = Article(text=record["text"], id=record.get("id"),
                          published=record.get("date"))
        actors = pipeline.process(article).actors
        found = {(a.code or "") + (a.sector or "") for a in actors if a.code}
        counts["records"] += 1
        for role, code in sorted(petrarch_expected(record)):
            counts[f"{role}_total"] += 1
            if code in found:
                counts[f"{role}_found"] += 1
            else:
                misses.append({"id": record.get("id"), "role": role, "gold": code,
                               "found": sorted(found)})
    total = counts["source_total"] + counts["target_total"]
    hits = counts["source_found"] + counts["target_found"]
    return {
        "format": "petrarch",
        "records": counts["records"],
        "expected_codes": total,
        "found_codes": hits,
        "code_recall": _ratio(hits, total),
        "source_recall": _ratio(counts["source_found"], counts["source_total"]),
        "target_recall": _ratio(counts["target_found"], counts["target_total"]),
        "misses": misses,
    }


# ------------------------------------------------------------------ PLOVER


def resolved_codes(actors: list[Actor] | tuple[Actor, ...],
                   classes: dict[str, str]) -> set[str]:
    """Every code an actor list resolves to, with home countries and PLOVER classes.

    Args:
        actors: the actors of one sentence.
        classes: PLOVER class (IGO, NGO, IMG) of each organisation code.
    """
    plover = plover_mapping()
    codes: set[str] = set()
    for actor in actors:
        if not actor.code:
            if actor.sector in plover.sectors:
                codes.add(actor.sector)
            continue
        codes.add(actor.code)
        if actor.country:
            codes.add(actor.country)
        kind_class = plover.kinds.get(actor.kind) or classes.get(actor.code)
        if kind_class:
            codes.add(kind_class)
        if actor.code in plover.codes:
            codes.add(plover.codes[actor.code])
    return codes


def plover_classes(pipeline: Any) -> dict[str, str]:
    """The PLOVER class of every IGO, NGO and group code in the pipeline's dictionary."""
    kinds = plover_mapping().kinds
    entries = pipeline.actors.dictionary.entries.values()
    return {e.code: kinds[e.kind] for e in entries
            if e.code and e.kind in kinds and e.form != "agent"}


def _plover(path: Path, pipeline: Any) -> dict[str, Any]:
    homes = plover_classes(pipeline)
    counts: Counter[str] = Counter()
    misses: list[dict[str, Any]] = []
    for record in _records(path):
        result = pipeline.process(Article(text=record["text"], id=record.get("id")))
        found = resolved_codes(result.actors, homes)
        counts["records"] += 1
        for role in ("source", "target"):
            gold = record.get(f"{role}_codes") or []
            if not gold:
                continue
            counts[f"{role}_total"] += 1
            if found & set(gold):
                counts[f"{role}_found"] += 1
            else:
                misses.append({"id": record.get("id"), "role": role, "gold": gold,
                               "found": sorted(found)})
    return {
        "format": "plover",
        "records": counts["records"],
        "source_accuracy": _ratio(counts["source_found"], counts["source_total"]),
        "target_accuracy": _ratio(counts["target_found"], counts["target_total"]),
        "source_records": counts["source_total"],
        "target_records": counts["target_total"],
        "misses": misses,
    }


# ------------------------------------------------------------------ sample corpus


def _records(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSON Lines gold file, blank lines skipped."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _sample_cases(path: Path) -> list[tuple[Article, dict[str, Any]]]:
    from eventwire.samples import load_samples

    return [(sample.article, sample.expected) for sample in load_samples(path)]


def match_mentions(gold: list[dict[str, Any]], predicted: list[Actor]) -> list[tuple[dict, Actor]]:
    """Pair gold actors with predicted mentions of the same text (each used once)."""
    pool: dict[str, list[Actor]] = {}
    for actor in predicted:
        pool.setdefault(actor.text.lower(), []).append(actor)
    pairs = []
    for item in gold:
        options = pool.get(item["text"].lower())
        if options:
            pairs.append((item, options.pop(0)))
    return pairs


def _score_article(article: Article, gold: list[dict[str, Any]], predicted: list[Actor],
                   counts: Counter[str], errors: list[dict[str, Any]]) -> None:
    """Add one article's mention, code and sector counts (and its errors)."""
    pairs = match_mentions(gold, predicted)
    counts["gold"] += len(gold)
    counts["predicted"] += len(predicted)
    counts["coded"] += sum(1 for a in predicted if a.code)
    gold_codes = {g["text"].lower(): g.get("code") for g in gold}
    for actor in predicted:
        # Repeats of an annotated text ("Israel" again) are judged by their code.
        if actor.text.lower() in gold_codes:
            counts["same_text"] += 1
            counts["same_text_ok"] += gold_codes[actor.text.lower()] == actor.code
    counts["matched"] += len(pairs)
    matched_text = {g["text"] for g, _ in pairs}
    for item in gold:
        if item["text"] not in matched_text:
            errors.append({"article": str(article.key), "missed": item["text"]})
    for item, actor in pairs:
        counts["code_ok"] += item.get("code") == actor.code
        if item.get("code") != actor.code:
            errors.append({"article": str(article.key), "text": item["text"],
                           "gold_code": item.get("code"), "code": actor.code})
        if item.get("sector") is not None:
            counts["sector_total"] += 1
            counts["sector_ok"] += item["sector"] == actor.sector


def _sample(path: Path, pipeline: Any) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    cases = _sample_cases(path)
    for article, expected in cases:
        gold = expected.get("actors") or []
        _score_article(article, gold, list(pipeline.process(article).actors), counts, errors)
    return {
        "format": "sample",
        "articles": len(cases),
        "gold_mentions": counts["gold"],
        "predicted_mentions": counts["predicted"],
        "mention_precision": _ratio(counts["matched"], counts["predicted"]),
        "mention_recall": _ratio(counts["matched"], counts["gold"]),
        "coded_share": _ratio(counts["coded"], counts["predicted"]),
        "repeat_code_precision": _ratio(counts["same_text_ok"], counts["same_text"]),
        "code_accuracy": _ratio(counts["code_ok"], counts["matched"]),
        "sector_accuracy": _ratio(counts["sector_ok"], counts["sector_total"]),
        "errors": errors,
    }


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
