"""Fit the event confidence model (``data/events/confidence.tsv``) to judged events, and
show how well confidence predicts a careful reader's verdict.

usage:
    python scripts/fit_confidence.py STORIES.jsonl --fit JUDGED.jsonl [--plover GOLD.jsonl] [--write]
    python scripts/fit_confidence.py STORIES.jsonl --check JUDGED.jsonl

STORIES.jsonl holds the articles (``id``, ``text``: ../shared/data/voa/voa_stories.jsonl);
JUDGED.jsonl one verdict per event (``tests/fixtures/judged/``: ``story``,
``trigger_start``, ``cameo``, ``source``, ``target``, ``fully_right`` …). Each judged
event is found again in today's output by story, trigger offset, code and role codes; a
verdict whose event changed or vanished no longer applies and is left out (the count is
printed). ``--fit`` fits the calibration (Platt scaling: a logistic regression of
``fully_right`` on each event's evidence, the weighted sum of its facts) and prints
``scale`` and ``shift``; with ``--plover`` it first fits the evidence weights on the
judged events and every event of the PLOVER gold sentences together (an event of the
gold type counts as right); ``--write`` puts the figures into confidence.tsv. ``--check``
prints the reliability table of the current weights on held-out verdicts. Written by
hand: a dozen lines of Newton steps beat a scikit-learn dependency for a dozen weights.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.events import evidence
from eventwire.model import Article
from eventwire.pipeline import Pipeline

TSV = Path(__file__).resolve().parents[1] / "src/eventwire/data/events/confidence.tsv"
BINS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01))


def _explaining() -> tuple[Pipeline, list[tuple[Any, dict[str, bool]]]]:
    """A pipeline that keeps every event (no floor) and a list that each ``process``
    call fills with the events and the facts their confidence was read from."""
    pipe = Pipeline(min_confidence=0.0)
    stage = pipe.events
    seen: list[tuple[Any, dict[str, bool]]] = []

    def recording(doc: Any, article: Any, actors: Any, attributions: Any) -> list[Any]:
        explained = stage.explain(doc, article, actors, attributions)
        seen.extend(explained)
        return [event for event, _ in explained]

    pipe.events = recording  # type: ignore[assignment]
    return pipe, seen


def _facts_by_event(stories: Path, ids: set[str]) -> dict[tuple[str, int, str, Any, Any], dict[str, bool]]:
    """Run the pipeline on the judged stories, recording each event's facts (all events,
    below the confidence floor too)."""
    pipe, seen = _explaining()
    found = {}
    for line in stories.read_text(encoding="utf-8").splitlines():
        story = json.loads(line)
        if story["id"] not in ids:
            continue
        seen.clear()
        pipe.process(Article(text=story["text"], id=story["id"]))
        for e, facts in seen:
            key = (story["id"], e.trigger.start, e.cameo,
                   e.source.code if e.source else None, e.target.code if e.target else None)
            found[key] = facts
    return found


def _rows(stories: Path, judged: list[Path]) -> tuple[np.ndarray, np.ndarray, int]:
    verdicts = [json.loads(line) for path in judged
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    facts = _facts_by_event(stories, {v["story"] for v in verdicts})
    x, y = [], []
    for v in verdicts:
        key = (v["story"], v["trigger_start"], v["cameo"], v["source"], v["target"])
        if key in facts:
            x.append([float(facts[key][name]) for name in evidence.FEATURES])
            y.append(float(bool(v["fully_right"])))
    return np.array(x), np.array(y), len(verdicts)


def _plover_rows(gold: Path) -> tuple[np.ndarray, np.ndarray]:
    """Every event on PLOVER gold sentences, right when it has the sentence's gold type:
    the main act of each sentence, which is what the evidence should rank first."""
    pipe, seen = _explaining()
    x, y = [], []
    for line in gold.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        seen.clear()
        pipe.process(Article(text=record["text"], id=record["id"]))
        for event, facts in seen:
            if event.plover:
                x.append([float(facts[name]) for name in evidence.FEATURES])
                y.append(float(event.plover == record["plover"]))
    return np.array(x), np.array(y)


def fit_weights(judged: tuple[np.ndarray, np.ndarray], plover: tuple[np.ndarray, np.ndarray],
                ) -> tuple[float, np.ndarray]:
    """The evidence weights, fitted on judged news events and PLOVER sentences together
    (L2 1.0), with an intercept of its own for the PLOVER rows: the judged events set the
    level, both sets the order. Returns (the judged events' intercept, weights)."""
    (xj, yj), (xp, yp) = judged, plover
    x = np.vstack([np.hstack([xj, np.zeros((len(xj), 1))]), np.hstack([xp, np.ones((len(xp), 1))])])
    intercept, weights = fit(x, np.concatenate([yj, yp]), l2=1.0)
    return intercept, weights[:-1]


def fit(x: np.ndarray, y: np.ndarray, l2: float = 0.0, steps: int = 50) -> tuple[float, np.ndarray]:
    """Logistic regression by Newton's method; the intercept is not penalised. With
    ``x`` the events' evidence (one column) this is Platt scaling: (shift, [scale])."""
    design = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * l2
    penalty[0, 0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + penalty @ w
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        w -= np.linalg.solve(hessian, gradient)
    return float(w[0]), w[1:]


def reliability(confidence: np.ndarray, y: np.ndarray) -> str:
    """A markdown table: per confidence band, events, share judged fully right."""
    lines = ["| confidence | events | fully right | mean confidence |", "|---|---|---|---|"]
    for low, high in BINS:
        inside = (confidence >= low) & (confidence < high)
        n = int(inside.sum())
        right = f"{y[inside].mean():.2f}" if n else "–"
        mean = f"{confidence[inside].mean():.2f}" if n else "–"
        lines.append(f"| {low:.1f}–{min(high, 1.0):.1f} | {n} | {right} | {mean} |")
    return "\n".join(lines)


def _write(values: dict[str, float]) -> None:
    out = []
    for line in TSV.read_text(encoding="utf-8").splitlines():
        name = line.split("\t", 1)[0]
        out.append(f"{name}\t{values[name]:.3f}" if name in values else line)
    TSV.write_text("\n".join(out) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stories", type=Path)
    parser.add_argument("--fit", type=Path, nargs="*", default=[])
    parser.add_argument("--plover", type=Path, help="PLOVER gold: also fit the evidence weights")
    parser.add_argument("--check", type=Path, nargs="*", default=[])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    weight = dict(evidence.confidence_weights())  # a fit in this run is checked with its own figures
    for label, paths in (("fit", args.fit), ("check", args.check)):
        if not paths:
            continue
        x, y, total = _rows(args.stories, paths)
        print(f"{label}: {len(y)} of {total} judged events found again; {int(y.sum())} fully right")
        if not len(y):
            print("nothing to fit or check: no judged event is in today's output")
            return 1
        if label == "fit" and args.plover:
            intercept, weights = fit_weights((x, y), _plover_rows(args.plover))
            weight.update(intercept=intercept, **dict(zip(evidence.FEATURES, weights, strict=True)))
            for name in ("intercept", *evidence.FEATURES):
                print(f"{name}\t{weight[name]:.3f}")
        z = weight["intercept"] + x @ np.array([weight[name] for name in evidence.FEATURES])
        if label == "fit":
            shift, (scale,) = fit(z[:, None], y)
            weight.update(scale=scale, shift=shift)
            print(f"scale\t{scale:.3f}\nshift\t{shift:.3f}")
            if args.write:
                _write({k: v for k, v in weight.items() if k not in ("floor", "ceiling")})
        print(reliability(1.0 / (1.0 + np.exp(-(weight["scale"] * z + weight["shift"]))), y))
    return 0


if __name__ == "__main__":
    sys.exit(main())
