"""Score the events stage on PLOVER gold sentences and PETRARCH2 unit-test records.

PLOVER (``../shared/data/plover/dev.jsonl`` format, metrics from its README):

- ``type_accuracy``: share of records where some predicted event has the gold type;
- ``triple_accuracy``: same type, and source and target codes acceptable;
- ``source_accuracy_given_type`` / ``target_accuracy_given_type``: among records whose
  type was found, share where an event of that type has an acceptable source / target;
- ``precision``: predicted events of the gold type / all predicted events with a PLOVER
  type (CAMEO 01x/02x statements and appeals have none, so they are not counted);
- ``no_event_rate``: share of records with no PLOVER-typed event predicted.

A predicted role is acceptable when its actor code, or its sector for the non-state
gold codes (IGO, NGO, IMG, ISM), is among the record's codes; an empty gold list wants
no role (or an uncoded one). For ``symmetric`` records source and target must both be in
the union of the lists and differ.

PETRARCH (``unit_tests.jsonl``): the pipeline loads PETRARCH's validation dictionaries
(fictional actors, verbs) and every predicted event with both roles is compared with the
expected events as ``(source, target, code)`` (``missing_as_dashes`` also scores events
with one role, the missing one written ``---``), where a predicted actor code is ``code``
+ ``sector`` concatenated ("ARN" + "GOV" → "ARNGOV"), as PETRARCH writes them. Exact:
the whole triple; lenient: first three letters of each actor and the two-digit root.
ERROR records are skipped; ``noevents`` records count every prediction as false.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwire.events import petrarch_lexicon
from eventwire.lexicons import load_tsv
from eventwire.model import Article, Event, Result, Role

NON_STATE_FILE = "events/non_state_sectors.tsv"


@functools.lru_cache(maxsize=1)
def non_state_sectors() -> frozenset[str]:
    """Sector codes a PLOVER gold record writes as the actor's code (IGO, NGO …), from
    ``data/events/non_state_sectors.tsv`` (cached)."""
    return frozenset(sector for _line, (sector,) in load_tsv(NON_STATE_FILE, 1))


def _records(path: str | Path) -> list[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@functools.lru_cache(maxsize=1)
def _group_homes() -> dict[str, str]:
    """``{group code: home country or "IMG"}`` from the actors' organisations file.

    PLOVER's gold codes a non-state armed or political group by its home country
    (Hamas → PSE, Hezbollah → LBN) and a transnational one as IMG (al-Qaeda); eventwire
    gives the group its own code (HAMAS), so the two compare through the group's home.
    """
    homes: dict[str, str] = {}
    for _line, row in load_tsv("actors/organisations.tsv", 6):
        code, kind, _sector, home = row[:4]
        if kind == "group":
            homes.setdefault(code, home or "IMG")
    return homes


def _role_ok(role: Role | None, codes: list[str]) -> bool:
    if not codes:
        return role is None or role.code is None
    if role is None:
        return False
    return (
        role.code in codes
        or (role.sector in codes and role.sector in non_state_sectors())
        or _group_homes().get(role.code or "") in codes
    )


def _triple_ok(event: Event, record: dict[str, Any]) -> bool:
    sources, targets = record.get("source_codes") or [], record.get("target_codes") or []
    if record.get("symmetric"):
        both = sorted(set(sources) | set(targets))
        return (
            _role_ok(event.source, both) and _role_ok(event.target, both)
            and event.source is not None and event.target is not None
            and event.source.code != event.target.code
        )
    return _role_ok(event.source, sources) and _role_ok(event.target, targets)


def _rate(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def evaluate_events(gold_path: str | Path, *, pipeline: Any = None) -> dict[str, Any]:
    """Score events against PLOVER gold records (one JSON object per line).

    Args:
        gold_path: a PLOVER gold file (``id``, ``text``, ``plover``, ``source_codes``,
            ``target_codes``, ``symmetric``).
        pipeline: an :class:`eventwire.Pipeline` to use; a default one is built if absent.

    Returns:
        The metrics above plus ``records``, ``predicted_events`` and ``by_type``
        (type accuracy per gold type).
    """
    if pipeline is None:
        from eventwire.pipeline import Pipeline

        pipeline = Pipeline()
    records = _records(gold_path)
    articles = [Article(text=r["text"], id=r.get("id")) for r in records]
    counts: Counter[str] = Counter()
    by_type: dict[str, list[int]] = {}
    for record, result in zip(records, pipeline.process_many(articles), strict=True):
        one = _plover_counts(record, result)
        counts.update(one)
        tally = by_type.setdefault(record["plover"], [0, 0])
        tally[1] += 1
        tally[0] += one["type"]
    n = counts["records"]
    return {
        "records": n,
        "type_accuracy": _rate(counts["type"], n),
        "triple_accuracy": _rate(counts["triple"], n),
        "source_accuracy_given_type": _rate(counts["source"], counts["type"]),
        "target_accuracy_given_type": _rate(counts["target"], counts["type"]),
        "precision": _rate(counts["correct_type_events"], counts["predicted"]),
        "no_event_rate": _rate(counts["no_event"], n),
        "predicted_events": counts["predicted"],
        "by_type": {k: _rate(h, t) for k, (h, t) in sorted(by_type.items())},
    }


def _plover_counts(record: dict[str, Any], result: Result) -> Counter[str]:
    """One PLOVER record's counts: ``records``, ``predicted`` (PLOVER-typed events),
    ``correct_type_events``, ``no_event``; when an event has the gold type, ``type``
    and whether the ``triple``, the ``source`` and the ``target`` are acceptable."""
    events = [e for e in getattr(result, "events", ()) if e.plover]
    typed = [e for e in events if e.plover == record["plover"]]
    counts: Counter[str] = Counter(
        records=1, predicted=len(events), correct_type_events=len(typed), no_event=int(not events),
    )
    if not typed:
        return counts
    counts["type"] += 1
    counts["triple"] += any(_triple_ok(e, record) for e in typed)
    sources, targets = record.get("source_codes") or [], record.get("target_codes") or []
    if record.get("symmetric"):
        sources = targets = sorted(set(sources) | set(targets))
    counts["source"] += any(_role_ok(e.source, sources) for e in typed)
    counts["target"] += any(_role_ok(e.target, targets) for e in typed)
    return counts


def actor_code(role: Role | None) -> str:
    """A role as PETRARCH writes an actor: code and sector concatenated ("ARNGOV"); an
    agent without a country is ``---`` + sector ("a senior official" → "---GOV")."""
    if role is None:
        return ""
    if role.code is None and role.sector:
        return f"---{role.sector}"
    return f"{role.code or ''}{role.sector or ''}"


def petrarch_code(role: Role | None) -> str:
    """A role as PETRARCH writes it, with ``---`` for a role it did not find (no role,
    or a mention without code or sector), as PETRARCH's expected events do."""
    return actor_code(role) or "---"


def _iso_date(value: Any) -> str | None:
    """``"19950101"`` → ``"1995-01-01"``; anything else → ``None``."""
    text = str(value or "")
    if len(text) != 8 or not text.isdigit():
        return None
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def _prf(tp: int, predicted: int, expected: int) -> dict[str, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _lenient(triple: tuple[str, str, str]) -> tuple[str, str, str]:
    return triple[0][:3], triple[1][:3], triple[2][:2]


def _overlap(predicted: Iterable[tuple[str, str, str]], expected: Iterable[tuple[str, str, str]]) -> int:
    return sum((Counter(predicted) & Counter(expected)).values())


def evaluate_petrarch(path: str | Path, *, dictionaries_dir: str | Path) -> dict[str, Any]:
    """Score events against PETRARCH2 unit-test records with its validation dictionaries.

    Args:
        path: ``unit_tests.jsonl`` (``id``, ``text``, ``events``, ``noevents``, ``error``).
        dictionaries_dir: folder holding ``PETR.Validate.actors.txt``,
            ``PETR.Validate.agents.txt`` and ``PETR.Validate.verbs.txt``.

    Returns:
        ``precision``, ``recall``, ``f1`` (exact triples), ``lenient`` (the same three on
        lenient triples), ``records``, ``expected_events``, ``predicted_events``, and
        ``missing_as_dashes`` (exact, scoring one-role events with ``---`` for the missing
        role) and ``by_category`` (records and exact precision/recall/F1 per category).
    """
    pipeline = _petrarch_pipeline(Path(dictionaries_dir))
    records = [r for r in _records(path) if not r.get("error")]
    # The records' date (YYYYMMDD) picks among dated actor codes ("[HOBGOV 19950601 -
    # 19990815]"), as PETRARCH does; the actors stage reads it from ``published``.
    articles = [
        Article(text=r["text"], id=r.get("id"), published=_iso_date(r.get("date")))
        for r in records
    ]
    totals: Counter[str] = Counter()
    groups: dict[str, Counter[str]] = {}
    for record, result in zip(records, pipeline.process_many(articles), strict=True):
        counts = _petrarch_counts(record, result)
        totals.update(counts)
        group = groups.setdefault(_category(record), Counter())
        group.update(records=1, tp=counts["exact"], predicted=counts["predicted"], expected=counts["expected"])
    return {
        "records": len(records),
        "expected_events": totals["expected"],
        "predicted_events": totals["predicted"],
        **_prf(totals["exact"], totals["predicted"], totals["expected"]),
        "lenient": _prf(totals["lenient"], totals["predicted"], totals["expected"]),
        "missing_as_dashes": _prf(totals["dashed_tp"], totals["dashed_predicted"], totals["expected"]),
        "by_category": {
            name: {"records": c["records"], **_prf(c["tp"], c["predicted"], c["expected"])}
            for name, c in sorted(groups.items())
        },
    }


def _petrarch_pipeline(folder: Path) -> Any:
    """A pipeline with PETRARCH's validation actors and agents that codes with its
    validation verb dictionary alone, as PETRARCH does."""
    from eventwire.pipeline import Pipeline

    verbs = folder / "PETR.Validate.verbs.txt"
    pipeline = Pipeline(
        dictionaries=(folder / "PETR.Validate.actors.txt", folder / "PETR.Validate.agents.txt"),
        verb_dictionaries=(verbs,),
    )
    pipeline.events.lexicon = petrarch_lexicon(verbs)
    return pipeline


def _petrarch_counts(record: dict[str, Any], result: Result) -> Counter[str]:
    """One record's counts: ``expected``, ``predicted`` (events with both roles),
    ``exact`` and ``lenient`` hits, and the same with a missing role written ``---``."""
    events = getattr(result, "events", ())
    predicted = [
        (actor_code(e.source), actor_code(e.target), e.cameo)
        for e in events if e.source is not None and e.target is not None
    ]
    expected = [(e["source"], e["target"], e["code"]) for e in record.get("events", [])]
    # The alternative: every event with at least one role, a missing one written
    # "---" (13 expected events have such a role; see the README).
    one_role = [
        (petrarch_code(e.source), petrarch_code(e.target), e.cameo)
        for e in events if e.source is not None or e.target is not None
    ]
    return Counter(
        expected=len(expected),
        predicted=len(predicted),
        exact=_overlap(predicted, expected),
        lenient=_overlap(map(_lenient, predicted), map(_lenient, expected)),
        dashed_tp=_overlap(one_role, expected),
        dashed_predicted=len(one_role),
    )


def _category(record: dict[str, Any]) -> str:
    # "AGENTS" and "COMPOUNDx" are spellings of AGENT and COMPOUND in the upstream file.
    name = str(record.get("category") or "?").rstrip("x")
    return "AGENT" if name == "AGENTS" else name


def evaluate_event_samples(path: str | Path | None = None, *, pipeline: Any = None) -> dict[str, Any]:
    """Score events on the bundled sample corpus (``expected/*.json`` "events").

    An expected event is found when a predicted event's trigger starts where the
    expected ``trigger`` occurs inside its ``context``. Found events are then compared
    on CAMEO root (``cameo_root`` or any ``cameo_alt``), source and target codes (any
    predicted event on that trigger may match), modality, negation and ``claimed``
    (an attribution is set).

    Returns:
        ``expected``, ``recall`` and, over found events, ``root_accuracy``,
        ``source_accuracy``, ``target_accuracy``, ``modality_accuracy``,
        ``negated_accuracy``, ``claimed_accuracy``; ``predicted`` counts all events.
    """
    from eventwire.samples import load_samples

    if pipeline is None:
        from eventwire.pipeline import Pipeline

        pipeline = Pipeline()
    counts: Counter[str] = Counter()
    for sample in load_samples(Path(path) if path else None):
        gold = sample.expected.get("events") or []
        if not gold:
            continue
        result = pipeline.process(sample.article)
        counts["predicted"] += len(result.events)
        for item in gold:
            counts.update(_sample_counts(item, sample.article.text, result.events))
    found = counts["found"]
    return {
        "expected": counts["expected"],
        "predicted": counts["predicted"],
        "recall": _rate(found, counts["expected"]),
        **{f"{k}_accuracy": _rate(counts[k], found)
           for k in ("root", "source", "target", "modality", "negated", "claimed")},
    }


def _sample_counts(item: dict[str, Any], text: str, events: Iterable[Event]) -> Counter[str]:
    """One expected event's counts: ``expected``, and when a predicted event has its
    trigger, ``found`` and a hit for each fact some event on that trigger gets right."""
    counts: Counter[str] = Counter(expected=1)
    where = text.find(item["context"])
    offset = text.find(item["trigger"], where) if where >= 0 else -1
    found = [e for e in events if e.trigger.start == offset] if offset >= 0 else []
    if not found:
        return counts
    counts["found"] += 1
    roots = {item.get("cameo_root"), *(item.get("cameo_alt") or [])}
    counts["root"] += any(e.cameo[:2] in roots for e in found)
    counts["source"] += any((e.source.code if e.source else None) == item.get("source") for e in found)
    counts["target"] += any((e.target.code if e.target else None) == item.get("target") for e in found)
    counts["modality"] += any(e.modality == item.get("modality") for e in found)
    counts["negated"] += any(e.negated == bool(item.get("negated")) for e in found)
    counts["claimed"] += any((e.attribution is not None) == bool(item.get("claimed")) for e in found)
    return counts
