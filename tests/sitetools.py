"""Helpers the tests share: build the site, read pages, find what the Markdown includes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

#: ``--8<-- "snippets/nll.py:numpy"`` in a page -> ("snippets/nll.py", "numpy")
INCLUDE = re.compile(r'--8<--\s+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"')
SECTION = "# --8<-- [{kind}:{name}]"


def build_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    return env


def build_site(project: Path, dest: Path) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of ``project`` into ``dest``; return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(dest)],
        cwd=project, env=build_env(), capture_output=True, text=True, timeout=900,
    )


def copy_project(dest: Path) -> Path:
    """Copy the sources a build needs (not caches, not the built site) into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns(".git", ".cache", "site", "__pycache__", ".pytest_cache", ".venv")
    for name in ("mkdocs.yml", "docs", "snippets", "tests", "pytest.ini"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, dest / name)
    return dest


def markdown_pages() -> list[Path]:
    """The Markdown pages of the site: not the files under ``docs/_*/`` (hooks, includes)."""
    return sorted(p for p in DOCS.rglob("*.md") if not any(part.startswith("_") for part in p.relative_to(DOCS).parts))


def page_source(page: str) -> str:
    """The Markdown source of ``docs/<page>``."""
    return (DOCS / page).read_text(encoding="utf-8")


def normalise(text: str) -> str:
    return " ".join(text.split())


def section_text(path: str, section: str) -> str:
    """The lines between the start and end markers of ``section`` in the file ``path``."""
    source = (ROOT / path).read_text(encoding="utf-8")
    start = SECTION.format(kind="start", name=section)
    end = SECTION.format(kind="end", name=section)
    if start not in source or end not in source:
        raise LookupError(f"{path} has no section {section!r}")
    return source.split(start, 1)[1].split(end, 1)[0]


def includes(page: Path) -> list[tuple[str, str | None]]:
    return [(m["path"], m["section"]) for m in INCLUDE.finditer(page.read_text(encoding="utf-8"))]


def built_page(site: Path, page: str) -> Path:
    """The HTML file that ``docs/<page>`` becomes (directory URLs)."""
    stem = page[: -len(".md")]
    if stem == "index":
        return site / "index.html"
    if stem.endswith("/index"):
        return site / stem[: -len("index")] / "index.html"
    return site / stem / "index.html"


class _TextAndImages(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.images: list[dict[str, str]] = []
        self.code_blocks: list[str] = []
        self._code_depth = 0
        self._code: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {key: value or "" for key, value in attrs}
        if tag == "img":
            self.images.append(attributes)
        if tag == "code":
            self._code_depth += 1

    def handle_endtag(self, tag):
        if tag == "code" and self._code_depth:
            self._code_depth -= 1
            if not self._code_depth:
                self.code_blocks.append("".join(self._code))
                self._code = []

    def handle_data(self, data):
        self.text.append(data)
        if self._code_depth:
            self._code.append(data)


def parse_html(path: Path) -> _TextAndImages:
    parser = _TextAndImages()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser
