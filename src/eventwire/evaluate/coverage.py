"""Coverage: how much of an extraction carries coded actors, on any corpus.

No gold is needed: this measures what a user gets on their own news. For a set of
eventwire/1 records it counts

- events whose source and target are both coded, one of them, or neither (a role is
  coded when it has a ``code``);
- attributions whose source resolves to an actor with a code (``source.actor`` →
  ``actors[].code``);
- actors by the evidence their code came from (``actors[].evidence``; ``none`` for an
  uncoded actor, ``unrecorded`` for records written before the field existed).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any


def coverage(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Coverage figures for eventwire/1 records (dicts, as ``Result.to_dict()`` gives)."""
    roles: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    evidence: Counter[str] = Counter()
    articles = 0
    for record in records:
        articles += 1
        actors = {a.get("id"): a for a in record.get("actors") or []}
        for event in record.get("events") or []:
            coded = sum(bool((event.get(role) or {}).get("code")) for role in ("source", "target"))
            roles[("none", "one", "both")[coded]] += 1
        for quote in record.get("attributions") or []:
            actor = actors.get((quote.get("source") or {}).get("actor"))
            sources["coded" if actor and actor.get("code") else "uncoded"] += 1
        for actor in actors.values():
            evidence[_evidence(actor)] += 1
    return {
        "articles": articles,
        "events": _shares(roles, ("both", "one", "none")),
        "attributions": _shares(sources, ("coded", "uncoded")),
        "actors": {"n": sum(evidence.values()), "evidence": dict(evidence.most_common())},
    }


def _evidence(actor: dict[str, Any]) -> str:
    if not actor.get("code"):
        return "none"
    return str(actor.get("evidence") or "unrecorded")


def _shares(counts: Counter[str], keys: tuple[str, ...]) -> dict[str, Any]:
    total = sum(counts.values())
    figures: dict[str, Any] = {"n": total}
    for key in keys:
        figures[key] = counts[key]
        figures[f"{key}_share"] = round(counts[key] / total, 4) if total else None
    return figures
