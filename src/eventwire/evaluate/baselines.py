"""Accuracy baselines: measured figures and floors, in one data file for tests and CLI.

``data/evaluate/baselines.yaml`` names each evaluation (gold file, subset size, the
command that reproduces it) and, per metric, the figure measured on main and the floor
it is held to. The tests assert floors from it (:func:`below_floor`); ``eventwire
evaluate`` prints the baseline beside a new figure (:func:`compare`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import DataFileError
from eventwire.lexicons import load_yaml

FILE = "evaluate/baselines.yaml"


@dataclass(frozen=True, slots=True)
class Baseline:
    """One evaluation's recorded figures: metric path -> (measured, floor)."""

    name: str
    gold: str
    command: str
    metrics: dict[str, tuple[float, float]]
    limit: int | None = None


def load() -> dict[str, Baseline]:
    """Every baseline in the data file, by name."""
    raw = load_yaml(FILE) or {}
    baselines = {}
    for name, entry in raw.items():
        try:
            metrics = {path: (float(m["measured"]), float(m["floor"])) for path, m in entry["metrics"].items()}
            baselines[name] = Baseline(name, entry["gold"], entry["command"], metrics, entry.get("limit"))
        except (KeyError, TypeError, ValueError) as e:
            raise DataFileError(f"data/{FILE}", f"entry {name!r}: {e!r}") from e
    return baselines


def get(name: str) -> Baseline:
    """The baseline called ``name`` (a DataFileError when there is none)."""
    baselines = load()
    if name not in baselines:
        raise DataFileError(f"data/{FILE}", f"no baseline named {name!r}")
    return baselines[name]


def for_gold(gold: str | Path, *, metrics: dict[str, Any], limit: int | None = None) -> Baseline | None:
    """The baseline whose gold file ``gold`` is and whose metrics ``metrics`` reports, if any.

    The metric names tell apart two evaluations of one file (actors and events both
    score PLOVER dev).
    """
    where = Path(gold).resolve().as_posix().rstrip("/")
    for baseline in load().values():
        if baseline.limit != limit or not where.endswith("/" + baseline.gold.strip("/")):
            continue
        if all(value(metrics, path) is not None for path in baseline.metrics):
            return baseline
    return None


def value(metrics: dict[str, Any], path: str) -> float | None:
    """The number at dotted ``path`` in a (nested) metrics dict, or ``None``."""
    node: Any = metrics
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return float(node) if isinstance(node, (int, float)) else None


def below_floor(metrics: dict[str, Any], baseline: Baseline) -> list[str]:
    """One line per metric of ``baseline`` that ``metrics`` misses or has under its floor."""
    problems = []
    for path, (measured, floor) in baseline.metrics.items():
        got = value(metrics, path)
        if got is None or got < floor:
            problems.append(f"{baseline.name}: {path} = {got} < floor {floor} (measured {measured})")
    return problems


def compare(metrics: dict[str, Any], baseline: Baseline) -> dict[str, dict[str, float | None]]:
    """Per metric of the baseline: this run's figure, the recorded one and the floor."""
    return {
        path: {"now": value(metrics, path), "measured": measured, "floor": floor}
        for path, (measured, floor) in baseline.metrics.items()
    }
