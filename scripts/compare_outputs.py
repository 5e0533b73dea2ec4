"""Record eventwire's outputs and evaluation figures, or compare them with a recording.

Usage:
    python scripts/compare_outputs.py record DIR [--shared ../shared]
    python scripts/compare_outputs.py compare DIR [--shared ../shared]

``record`` writes into DIR what the installed eventwire produces for:

- ``sample.jsonl``   ``eventwire extract`` over the bundled sample corpus;
- ``voa.jsonl``      ``eventwire extract`` over all 89 VOA stories;
- ``polnear.jsonl``  ``eventwire extract`` over the PolNeAR dev split (id and text only,
  as ``evaluate attribution`` feeds it);
- ``evaluate-*.json`` every ``eventwire evaluate`` figure (``--json``).

``compare`` records afresh into a temporary folder and compares each file with DIR
byte for byte, printing ``same`` or the first differing line of each, and exits 1 when
any differs. A refactor that claims "no output changed" records before and compares
after (issue #11). Inputs under ``../shared`` are skipped, and said so, when absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from eventwire.samples import sample_root

REPO = Path(__file__).resolve().parents[1]

EVALUATIONS = {
    "evaluate-actors-sample": ["actors", "--gold", "{sample}"],
    "evaluate-actors-plover": ["actors", "--gold", "{shared}/data/plover/dev.jsonl"],
    "evaluate-actors-petrarch": ["actors", "--gold", "{shared}/data/petrarch/unit_tests.jsonl"],
    "evaluate-events-sample": ["events", "--gold", "{sample}"],
    "evaluate-events-invented": ["events", "--gold", "{repo}/tests/fixtures/events_invented_gold.jsonl"],
    "evaluate-events-invented-2": ["events", "--gold", "{repo}/tests/fixtures/events_invented_gold_2.jsonl"],
    "evaluate-events-plover": ["events", "--gold", "{shared}/data/plover/dev.jsonl"],
    "evaluate-events-petrarch": ["events", "--petrarch", "{shared}/data/petrarch/unit_tests.jsonl"],
    "evaluate-attribution-polnear": ["attribution", "--gold", "{shared}/data/polnear/dev.jsonl"],
}


def eventwire(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the eventwire CLI of this interpreter's environment (``PYTHONPATH`` is kept)."""
    command = [sys.executable, "-m", "eventwire", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=cwd)


def polnear_input(shared: Path, folder: Path) -> Path | None:
    """The PolNeAR dev split reduced to id and text, as the attribution evaluation reads it."""
    gold = shared / "data/polnear/dev.jsonl"
    if not gold.exists():
        return None
    path = folder / "polnear-input.jsonl"
    with gold.open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as sink:
        for line in source:
            if line.strip():
                record = json.loads(line)
                sink.write(json.dumps({"id": record["id"], "text": record["text"]}) + "\n")
    return path


def record(folder: Path, shared: Path) -> list[str]:
    """Write every output into ``folder``; return the names written."""
    folder.mkdir(parents=True, exist_ok=True)
    inputs = {
        "sample": sample_root() / "articles",
        "voa": shared / "data/voa/voa_stories.jsonl",
        "polnear": polnear_input(shared, folder),
    }
    written = []
    for name, path in inputs.items():
        if path is None or not Path(path).exists():
            print(f"{name}: input absent, skipped", file=sys.stderr)
            continue
        # Run beside the input and name it relatively, so that each article's origin is the
        # same whichever checkout or temporary folder the run starts from.
        path = Path(path)
        done = eventwire("extract", path.name, "-o", str((folder / f"{name}.jsonl").resolve()), cwd=path.parent)
        (folder / f"{name}.stderr").write_text(done.stderr, encoding="utf-8")
        written.append(f"{name}.jsonl")
    for name, args in EVALUATIONS.items():
        filled = [a.format(sample=sample_root(), shared=shared, repo=REPO) for a in args]
        if any(a.startswith(str(shared)) and not Path(a).exists() for a in filled):
            print(f"{name}: input absent, skipped", file=sys.stderr)
            continue
        done = eventwire("evaluate", *filled, "--json")
        (folder / f"{name}.json").write_text(done.stdout, encoding="utf-8")
        written.append(f"{name}.json")
    return written


def first_difference(before: Path, after: Path) -> str:
    """'same', or where the two files first differ."""
    old, new = before.read_bytes(), after.read_bytes()
    if old == new:
        return "same"
    for number, (a, b) in enumerate(zip(old.splitlines(), new.splitlines(), strict=False), 1):
        if a != b:
            return f"DIFFERS at line {number}:\n  before {a[:300]!r}\n  after  {b[:300]!r}"
    return f"DIFFERS in length: {len(old.splitlines())} lines before, {len(new.splitlines())} after"


def compare(folder: Path, shared: Path) -> int:
    """Record afresh and compare with ``folder``; 1 when anything differs."""
    with tempfile.TemporaryDirectory() as fresh:
        names = record(Path(fresh), shared)
        failed = 0
        for name in names:
            before = folder / name
            verdict = first_difference(before, Path(fresh) / name) if before.exists() else "not recorded before"
            failed += verdict != "same"
            print(f"{name}: {verdict}")
    return 1 if failed else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["record", "compare"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1] / "../shared")
    args = parser.parse_args()
    if args.mode == "record":
        for name in record(args.folder, args.shared.resolve()):
            print(f"recorded {args.folder / name}")
        return
    sys.exit(compare(args.folder, args.shared.resolve()))


if __name__ == "__main__":
    main()
