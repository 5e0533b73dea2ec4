"""The README and docs/: size, links, and the CLI reference generated from --help.

`make docs` (mkdocs build --strict) checks the site itself in CI; these tests check what
a reader of the repository sees, without building it.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
DOCS = REPO / "docs"
STAGES = ("read", "clean", "nlp", "actors", "attribution", "events", "store", "exports")
README_LIMIT = 15_000

# [text](target) and ![alt](target); the target ends at white space or ")".
_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_CODE = re.compile(r"`[^`\n]*`")


def _cli_reference() -> ModuleType:
    path = REPO / "scripts" / "cli_reference.py"
    spec = importlib.util.spec_from_file_location("cli_reference", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _relative_links(path: Path) -> list[str]:
    """Relative link targets in a Markdown file, outside code blocks and code spans."""
    text = _CODE.sub("", _FENCE.sub("", path.read_text(encoding="utf-8")))
    targets = []
    for target in _LINK.findall(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) or target.startswith("#"):
            continue  # http:, mailto: … and links inside the same page
        targets.append(target.split("#", 1)[0])
    return targets


def _markdown_files() -> list[Path]:
    return [README, *sorted(DOCS.rglob("*.md"))]


@pytest.mark.parametrize("limit", [README_LIMIT])
def test_docs_readme_is_short(limit: int) -> None:
    size = len(README.read_bytes())
    assert size < limit, f"README.md is {size:,} bytes; keep it under {limit:,} and move detail to docs/"


@pytest.mark.parametrize("stage", STAGES)
def test_docs_readme_links_each_stage_page(stage: str) -> None:
    target = f"docs/stages/{stage}.md"
    assert target in _relative_links(README), f"README.md has no link to {target}"
    assert (REPO / target).is_file(), f"{target} is linked from README.md but missing"


@pytest.mark.parametrize("path", _markdown_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_docs_relative_links_resolve(path: Path) -> None:
    missing = [t for t in _relative_links(path) if not (path.parent / t).exists()]
    assert not missing, f"{path.relative_to(REPO)} links to missing files: {missing}"


@pytest.mark.parametrize("path", sorted(DOCS.rglob("*.md")), ids=lambda p: str(p.relative_to(REPO)))
def test_docs_site_links_stay_inside_docs(path: Path) -> None:
    # MkDocs only knows files under docs/: a link out of it fails `make docs`.
    outside = [t for t in _relative_links(path) if DOCS.resolve() not in (path.parent / t).resolve().parents]
    assert not outside, f"{path.relative_to(REPO)} links outside docs/: {outside}"


@pytest.mark.parametrize("config", [REPO / "mkdocs.yml"])
def test_docs_every_page_is_in_the_nav(config: Path) -> None:
    def pages(node: object) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, dict):
            return [p for value in node.values() for p in pages(value)]
        if isinstance(node, list):
            return [p for item in node for p in pages(item)]
        return []

    listed = set(pages(yaml.safe_load(config.read_text(encoding="utf-8"))["nav"]))
    present = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")}
    assert present - listed == set(), "pages missing from mkdocs.yml nav"
    assert listed - present == set(), "mkdocs.yml nav lists missing pages"


@pytest.mark.parametrize("page", [DOCS / "cli.md"])
def test_docs_cli_reference_matches_help(page: Path) -> None:
    expected = _cli_reference().render()
    current = page.read_text(encoding="utf-8") if page.exists() else ""
    assert current == expected, (
        "docs/cli.md is out of date with the commands' --help; regenerate it with\n"
        "    PYTHONPATH=src python scripts/cli_reference.py\n"
        "and commit docs/cli.md"
    )


@pytest.mark.parametrize("page", [DOCS / "cli.md"])
def test_docs_cli_reference_lists_every_command(page: Path) -> None:
    commands = _cli_reference().commands()
    assert "eventwire extract" in commands
    assert "eventwire evaluate events" in commands
    text = page.read_text(encoding="utf-8")
    missing = [c for c in commands if f"`{c}`" not in text or f"Usage: {c} " not in text]
    assert not missing, f"docs/cli.md lacks {missing}"


DATA = REPO / "src" / "eventwire" / "data"
PACKAGE = REPO / "src" / "eventwire"
# Data folders documented on a stage page of the same name (sample, schema, evaluate and
# codebook are documented elsewhere: quickstart, schema, evaluation, events).
_DATA_PAGES = {"actors": "actors", "attribution": "attribution", "events": "events", "clean": "clean", "nlp": "nlp"}
_LAYOUT_ROW = re.compile(r"^\|\s*(`[^|]+)\|", re.MULTILINE)


@pytest.mark.parametrize("folder", sorted(_DATA_PAGES))
def test_docs_stage_page_names_each_data_file(folder: str) -> None:
    page = DOCS / "stages" / f"{_DATA_PAGES[folder]}.md"
    text = page.read_text(encoding="utf-8")
    files = sorted(p.name for p in (DATA / folder).iterdir() if p.is_file())
    missing = [name for name in files if f"`{name}`" not in text and f"/{name}`" not in text]
    assert not missing, f"{page.relative_to(REPO)} does not name data/{folder}/ files {missing}"


@pytest.mark.parametrize("stage", ["actors", "attribution", "events"])
def test_docs_code_layout_names_existing_modules(stage: str) -> None:
    page = DOCS / "stages" / f"{stage}.md"
    text = page.read_text(encoding="utf-8")
    layout = text.split("## Code layout", 1)
    assert len(layout) == 2, f"{page.relative_to(REPO)} has no 'Code layout' section"
    section = layout[1].split("\n## ", 1)[0]
    named = [m for cell in _LAYOUT_ROW.findall(section) for m in re.findall(r"`([^`]+\.py)`", cell)]
    assert named, f"{page.relative_to(REPO)}: the Code layout table names no modules"
    missing = [m for m in named if not (PACKAGE / stage / m).is_file()]
    assert not missing, f"{page.relative_to(REPO)} names modules that do not exist: {missing}"
    modules = sorted(str(p.relative_to(PACKAGE / stage)) for p in (PACKAGE / stage).rglob("*.py"))
    unnamed = [m for m in modules if m not in named and not m.endswith("/__init__.py")]
    assert not unnamed, f"{page.relative_to(REPO)}: Code layout does not name {unnamed}"
