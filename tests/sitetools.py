"""Helpers the tests share: build the site, read pages, find what the Markdown includes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

#: ``--8<-- "snippets/nll.py:numpy"`` in a page -> ("snippets/nll.py", "numpy")
INCLUDE = re.compile(r'--8<--\s+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"')
SECTION = "# --8<-- [{kind}:{name}]"

#: What the trust checks did in this test session (pages opened, formulas typeset, ...),
#: printed at the end of the run by tests/conftest.py.
TALLY: Counter[str] = Counter()


def build_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    return env


def build_site(project: Path, dest: Path, **extra_env: str) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of ``project`` into ``dest``; return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(dest)],
        cwd=project, env={**build_env(), **extra_env}, capture_output=True, text=True, timeout=900,
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


def check_computed_and_stated(entry, label: str) -> None:
    """Assert that a ledger entry's code gives its exact value and its page states that value.

    ``label`` starts every failure message (the entry, or the row of WORKED_NUMBERS.md).
    """
    value = entry.computed()
    assert entry.agrees(value), f"{label}: the code computes {value}, the exact value is {entry.exact}"
    assert (DOCS / entry.page).is_file(), f"{label}: its page docs/{entry.page} does not exist"
    stated = entry.prose_text(value)
    assert normalise(stated) in normalise(page_source(entry.page)), (
        f"{label}: docs/{entry.page} does not state {stated!r} (the code's value in the prose's words)"
    )


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


# --- The pages of the built site, their code blocks and their links ---

import json  # noqa: E402
import posixpath  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from urllib.parse import unquote, urlsplit  # noqa: E402

#: Languages whose fenced blocks (or notebook cells) are Python a reader can run.
PYTHON_LANGUAGES = frozenset({"python", "py", "python3", "ipython", "ipython3"})


def source_pages() -> dict[str, str]:
    """``{URL path relative to the site root: source file under docs/}`` for every page MkDocs publishes.

    Markdown pages and notebooks (rendered by mkdocs-jupyter); folders starting with ``_``
    (the hooks) are excluded, as ``exclude_docs`` does. The home page's URL path is ``""``.
    """
    pages = {}
    for path in sorted([*DOCS.rglob("*.md"), *DOCS.rglob("*.ipynb")]):
        relative = path.relative_to(DOCS)
        if any(part.startswith(("_", ".")) for part in relative.parts):
            continue
        stem = relative.with_suffix("").as_posix()
        if stem == "index":
            url = ""
        elif stem.endswith("/index"):
            url = stem[: -len("index")]
        else:
            url = stem + "/"
        pages[url] = relative.as_posix()
    return pages


def sitemap_pages(site: Path) -> list[str]:
    """Every page listed in the built site's sitemap.xml, as a URL path relative to the site root."""
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", text)
    if not locations:
        raise LookupError(f"{site / 'sitemap.xml'} lists no pages")
    root = min(locations, key=len)  # the home page is the site_url itself
    return sorted(loc[len(root):] for loc in locations if loc.startswith(root))


def page_html(site: Path, url: str) -> Path:
    """The HTML file served for the URL path ``url`` (relative to the site root)."""
    return site / url / "index.html" if url == "" or url.endswith("/") else site / url


@dataclass(frozen=True)
class CodeBlock:
    """One code block of a built page: its language, its text as a reader copies it, and its kind."""

    language: str
    code: str
    kind: str  # "markdown" (a fenced block) or "notebook" (a notebook code cell)

    @property
    def is_python(self) -> bool:
        return self.language in PYTHON_LANGUAGES

    @property
    def first_line(self) -> str:
        return next((line.strip() for line in self.code.splitlines() if line.strip()), "<empty block>")


class _CodeBlocks(HTMLParser):
    """Collect the code blocks of a page in document order.

    A fenced block renders as ``<div class="language-X highlight"><pre><code>``; a notebook
    code cell (mkdocs-jupyter) as ``<div class="highlight-ipynb hl-X"><pre>``.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[CodeBlock] = []
        self._divs: list[str] = []
        self._capture: tuple[str, str] | None = None
        self._pre_depth = 0
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "div":
            self._divs.append(" ".join(classes))
        elif tag == "pre":
            if self._capture is None and self._divs:
                parent = self._divs[-1].split()
                if "highlight" in parent:
                    language = next((c[len("language-"):] for c in parent if c.startswith("language-")), "")
                    self._capture = (language, "markdown")
                elif "highlight-ipynb" in parent:
                    language = next((c[len("hl-"):] for c in parent if c.startswith("hl-")), "")
                    self._capture = (language, "notebook")
            if self._capture is not None:
                self._pre_depth += 1

    def handle_endtag(self, tag):
        if tag == "div" and self._divs:
            self._divs.pop()
        elif tag == "pre" and self._capture is not None:
            self._pre_depth -= 1
            if self._pre_depth == 0:
                language, kind = self._capture
                self.blocks.append(CodeBlock(language, "".join(self._text), kind))
                self._capture, self._text = None, []

    def handle_data(self, data):
        if self._capture is not None:
            self._text.append(data)


def code_blocks(html: Path) -> list[CodeBlock]:
    """Every code block of the built page ``html``, fenced blocks and notebook cells, in page order."""
    parser = _CodeBlocks()
    parser.feed(html.read_text(encoding="utf-8"))
    parser.close()
    return parser.blocks


#: A fenced Python block in Markdown, at any indentation (inside tabs and admonitions too).
PYTHON_FENCE = re.compile(r"^[ \t]*(?:```|~~~)[ \t]*\{?\.?(?:%s)\b" % "|".join(sorted(PYTHON_LANGUAGES)), re.M)


def source_python_blocks(source: Path) -> int:
    """How many Python blocks the source of a page holds: fences in Markdown, code cells in a notebook."""
    if source.suffix == ".ipynb":
        notebook = json.loads(source.read_text(encoding="utf-8"))
        return sum(1 for cell in notebook["cells"] if cell["cell_type"] == "code" and "".join(cell["source"]).strip())
    return len(PYTHON_FENCE.findall(source.read_text(encoding="utf-8")))


#: Runs a page's blocks in order in one namespace, as a reader pasting them into one session.
_RUNNER = r"""
import json, sys, traceback
blocks = json.load(sys.stdin)
namespace = {"__name__": "__main__"}
for index, (name, code) in enumerate(blocks):
    try:
        exec(compile(code, name, "exec"), namespace)
    except BaseException as error:
        sys.stdout.flush()
        print(f"@@FAILED-BLOCK {index}", file=sys.stderr)
        shown = traceback.format_exception(type(error), error, error.__traceback__.tb_next)  # not this runner
        print("".join(shown), file=sys.stderr, end="")
        sys.exit(1)
"""


@dataclass(frozen=True)
class PageRun:
    """The result of running one page's Python blocks in a fresh interpreter."""

    returncode: int
    stdout: str
    stderr: str
    failed_block: int | None


def run_blocks(blocks: list[str], cwd: Path | None = None, timeout: float = 300, label: str = "block") -> PageRun:
    """Run ``blocks`` in page order in one fresh interpreter, as a reader's pasted copy runs.

    The interpreter is isolated (``python -I``, no ``PYTHON*`` variables) and starts in ``cwd``,
    by default a new empty folder, so nothing of this project is importable. Tracebacks name
    each block ``<label> <n>``; ``stderr`` holds the failing block's traceback.
    """
    env = {key: value for key, value in build_env().items() if not key.startswith("PYTHON")}
    env["MPLBACKEND"] = "Agg"  # a block that calls plt.show() must not wait for a window
    with tempfile.TemporaryDirectory(prefix="pasted-") as empty:
        result = subprocess.run(
            [sys.executable, "-I", "-c", _RUNNER], cwd=cwd or empty, env=env, capture_output=True, text=True,
            timeout=timeout,
            input=json.dumps([[f"<{label} {index + 1}>", code] for index, code in enumerate(blocks)]),
        )
    failed = re.search(r"^@@FAILED-BLOCK (\d+)\n", result.stderr, re.M)
    stderr = result.stderr[: failed.start()] + result.stderr[failed.end():] if failed else result.stderr
    return PageRun(result.returncode, result.stdout, stderr, int(failed[1]) if failed else None)


# --- Doctests of the functions a page defines ---

#: A fenced Python block of a Markdown page, at any indentation (inside tabs and admonitions too).
_MARKDOWN_PYTHON = re.compile(r"^(?P<indent>[ \t]*)```python\n(?P<body>.*?)^(?P=indent)```", re.M | re.S)

#: Run last, in the namespace the page's blocks built: the doctests of every function the page
#: itself defined (not the ones it imported), as a reader checking the examples would.
_PAGE_DOCTESTS = r"""
import doctest as _doctest
_finder, _runner = _doctest.DocTestFinder(recurse=False), _doctest.DocTestRunner()
for _name, _object in sorted(globals().items()):
    if callable(_object) and getattr(_object, "__module__", None) == "__main__":
        for _test in _finder.find(_object, _name, module=False, globs=dict(globals())):
            _runner.run(_test)
_results = _runner.summarize(verbose=False)
if _results.failed or not _results.attempted:
    raise SystemExit(f"{_results.failed} of {_results.attempted} doctest examples of the page's functions failed")
print(f"{_results.attempted} doctest examples passed")
"""


def markdown_python_blocks(page: str) -> list[str]:
    """The Python blocks of ``docs/<page>`` in page order, each include replaced by the lines it includes."""
    blocks = []
    for fence in _MARKDOWN_PYTHON.finditer(page_source(page)):
        body = textwrap.dedent(fence["body"])
        blocks.append(INCLUDE.sub(lambda m: textwrap.dedent(section_text(m["path"], m["section"])), body))
    return blocks


def run_page_doctests(page: str) -> PageRun:
    """Run the page's Python blocks with warnings as errors, then the doctests of the functions they define.

    tests/test_code_blocks.py already runs every block as copied from the built page; this adds
    that the examples in the docstrings a reader sees on the page hold in the page's own namespace.
    Tracebacks name ``part <n>``: part 1 turns warnings into errors, parts 2 to n - 1 are the
    page's blocks in order, the last part runs the doctests.
    """
    blocks = markdown_python_blocks(page)
    if not blocks:
        raise LookupError(f"docs/{page} has no Python blocks")
    warnings_as_errors = "import warnings\nwarnings.simplefilter('error')"
    return run_blocks([warnings_as_errors, *blocks, _PAGE_DOCTESTS], label=f"docs/{page} part")


# --- Links of the rendered HTML ---


class _LinksAndIds(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (tag.attribute, URL)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for key in ("id", "name"):
            if attributes.get(key):
                self.ids.add(attributes[key])
        wanted = {"a": "href", "img": "src", "script": "src", "link": "href", "source": "src", "iframe": "src"}
        attribute = wanted.get(tag)
        if attribute and attributes.get(attribute):
            if tag == "link" and "canonical" in (attributes.get("rel") or ""):
                return
            self.links.append((f"{tag}.{attribute}", attributes[attribute]))


def broken_links(site: Path) -> tuple[list[str], int]:
    """Check every internal link of every HTML file of the built ``site``.

    Each ``<a href>``, ``<img src>``, ``<script src>`` and ``<link href>`` is resolved
    against its page; the target file must exist and a ``#fragment`` must be an ``id``
    (or ``name``) in the target page. External links (any URL with a scheme or host) are
    not fetched. Returns ``(problems, links checked)``.
    """
    site = site.resolve()
    parsed: dict[Path, _LinksAndIds] = {}

    def parse(path: Path) -> _LinksAndIds:
        if path not in parsed:
            parser = _LinksAndIds()
            parser.feed(path.read_text(encoding="utf-8"))
            parsed[path] = parser
        return parsed[path]

    problems: list[str] = []
    checked = 0
    for html in sorted(site.rglob("*.html")):
        page = html.relative_to(site).as_posix()
        base = posixpath.dirname("/" + page) + "/"
        for kind, url in parse(html).links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                continue  # external (or data:, mailto:): not this checker's business
            checked += 1
            path = unquote(parts.path)
            if path == "":
                target = html
            else:
                resolved = posixpath.normpath(posixpath.join(base, path) if not path.startswith("/") else path)
                if resolved.startswith("/.."):
                    problems.append(f"{page}: {kind}={url!r} points outside the site")
                    continue
                target = site / resolved.lstrip("/")
                if target.is_dir():
                    target = target / "index.html"
            if not target.is_file():
                problems.append(f"{page}: {kind}={url!r} -> {target.relative_to(site).as_posix()} does not exist")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                problems.append(f"{page}: {kind}={url!r} -> no id {fragment!r} in {target.relative_to(site).as_posix()}")
    return problems, checked


# --- A page's Python blocks with the output blocks that follow them (run by tests/paste.py) ---

_OUTPUT_FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>\w*)")
_INCLUDE_LINE = re.compile(r'^\s*--8<--\s+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"\s*$')


def page_blocks_with_output(page: str) -> list[tuple[str, str | None]]:
    """The page's Python blocks in order, includes expanded, each with the ``text`` block right after it (if any)."""
    fenced, current, indent, lang = [], None, "", ""
    lines = page_source(page).splitlines()
    for number, line in enumerate(lines):
        fence = _OUTPUT_FENCE.match(line)
        if current is None and fence and fence["lang"] in ("python", "text"):
            current, indent, lang, start = [], fence["indent"], fence["lang"], number
        elif current is not None and line.strip() == "```":
            fenced.append((lang, "\n".join(current), start, number))
            current = None
        elif current is not None:
            line = line[len(indent):] if line.startswith(indent) else line.lstrip()
            include = _INCLUDE_LINE.match(line)
            if include:
                source = (ROOT / include["path"]).read_text(encoding="utf-8")
                line = textwrap.dedent(section_text(include["path"], include["section"])) if include["section"] else source
            current.append(line)
    blocks = []
    for index, (lang, body, _, end) in enumerate(fenced):
        if lang != "python":
            continue
        following = fenced[index + 1] if index + 1 < len(fenced) else None
        adjacent = following and following[0] == "text" and all(not l.strip() for l in lines[end + 1: following[2]])
        blocks.append((body, following[1] if adjacent else None))
    return blocks
