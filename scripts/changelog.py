"""Write docs/changelog.md from ``git log``: every commit's subject, grouped by date.

Run from a clone (needs git): ``python scripts/changelog.py``. Newest day first; within
a day, newest commit first. No hashes, so the page survives a rebase.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHANGELOG = ROOT / "docs" / "changelog.md"

HEADER = """# Changelog

What changed, day by day, from the project's commit history (newest first). Each line is
a commit's subject; the figures each change moved are in the
[measurement history](history/index.md). Regenerate with `python scripts/changelog.py`.
"""


def render() -> str:
    """Return the text of docs/changelog.md."""
    log = subprocess.run(
        ["git", "log", "--no-merges", "--format=%ad%x09%s", "--date=short"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    days: dict[str, list[str]] = {}
    for line in log.splitlines():
        day, subject = line.split("\t", 1)
        # Subjects are plain text: keep Markdown from reading "<" or "*" as markup.
        days.setdefault(day, []).append(subject.replace("<", "&lt;").replace("*", "\\*"))
    parts = [HEADER]
    for day, subjects in days.items():
        parts.append(f"## {day}\n\n" + "\n".join(f"- {s}" for s in subjects) + "\n")
    return "\n".join(parts)


if __name__ == "__main__":
    CHANGELOG.write_text(render(), encoding="utf-8")
    print(f"wrote {CHANGELOG.relative_to(ROOT)}")
