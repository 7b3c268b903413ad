"""Code a reader can take home: every block runs pasted into an empty folder, and fits the page.

Three views of the same promise:

- the built HTML: every Python block a page shows (notebook cells included), run in page
  order in one fresh isolated interpreter in an empty folder, as a reader pasting them would;
- the Markdown with its includes expanded (``tests/paste.py``): what each block prints is
  exactly the ``text`` block the page shows after it, no block imports ``snippets``, and no
  line is wider than the code column;
- the chapters' modules: ``snippets/`` holds only the lessons' code, each module the named
  sections of one page, in page order, and nothing else.
"""

from __future__ import annotations

import ast
import json
import re

import pytest

from tests.paste import MAX_LINE, paste_blocks, paste_page, report
from tests.sitetools import (
    DOCS,
    ROOT,
    TALLY,
    code_blocks,
    includes,
    markdown_pages,
    page_html,
    run_blocks,
    source_pages,
    source_python_blocks,
)

PAGES = source_pages()
MARKDOWN_WITH_CODE = [
    page.relative_to(DOCS).as_posix() for page in markdown_pages() if "```python" in page.read_text(encoding="utf-8")
]
CHAPTER_MODULES = sorted(path.stem for path in (ROOT / "snippets").glob("*.py") if path.stem != "__init__")
#: A notebook cell's code column is narrower than a Markdown page's: its "In [n]:" prompts take room.
NOTEBOOK_MAX_LINE = 70
SECTION = re.compile(r"^# --8<-- \[(start|end):([\w-]+)\]\s*$")


@pytest.mark.parametrize("url", list(PAGES), ids=[PAGES[url] for url in PAGES])
def test_the_page_shows_every_python_block_of_its_source(built_site, url):
    """The extractor sees every Python block the source holds, so none escapes the run below.

    For a notebook, the cells shown must be the notebook's own code cells, unchanged.
    """
    page = PAGES[url]
    blocks = [block for block in code_blocks(page_html(built_site, url)) if block.is_python]
    expected = source_python_blocks(DOCS / page)
    assert len(blocks) == expected, (
        f"docs/{page}: {expected} Python blocks in the source, {len(blocks)} found in the built page"
    )
    if page.endswith(".ipynb"):
        notebook = json.loads((DOCS / page).read_text(encoding="utf-8"))
        cells = ["".join(cell["source"]).strip() for cell in notebook["cells"] if cell["cell_type"] == "code"]
        shown = [block.code.strip() for block in blocks if block.kind == "notebook"]
        assert shown == [cell for cell in cells if cell], f"docs/{page}: the code shown differs from the notebook's cells"


@pytest.mark.parametrize("url", list(PAGES), ids=[PAGES[url] for url in PAGES])
def test_every_python_block_of_the_built_page_runs_pasted_into_an_empty_folder(built_site, url):
    page = PAGES[url]
    blocks = [block for block in code_blocks(page_html(built_site, url)) if block.is_python]
    if not blocks:
        return  # nothing to run on this page; the test above proves that is what the source says
    result = run_blocks([block.code for block in blocks], label=f"docs/{page} block")
    if result.returncode != 0:
        where = (
            f"block {result.failed_block + 1} of {len(blocks)}, which starts `{blocks[result.failed_block].first_line}`"
            if result.failed_block is not None else "before any block ran"
        )
        pytest.fail(f"docs/{page}: {where} fails when pasted into an empty folder:\n{result.stderr[-3000:]}",
                    pytrace=False)
    limit = NOTEBOOK_MAX_LINE if page.endswith(".ipynb") else MAX_LINE
    wide = [line for block in blocks for line in block.code.splitlines() if len(line) > limit]
    assert not wide, f"docs/{page}: {len(wide)} shown lines wider than {limit} characters, e.g. {wide[0]!r}"
    TALLY["pages whose code ran"] += 1
    TALLY["code blocks run"] += len(blocks)


@pytest.mark.parametrize("page", MARKDOWN_WITH_CODE)
def test_every_block_prints_what_the_page_shows_and_imports_nothing_of_the_project(page):
    pasted = paste_page(page)
    assert pasted.ok, report(pasted)
    TALLY["printed outputs compared"] += sum(1 for _ in pasted.blocks)


def test_the_paste_check_catches_each_kind_of_problem():
    """Each rule of tests/paste.py fails when broken, and names the block."""
    pasted = paste_blocks([
        ("x = 2", None),                          # fine
        ("print(x)", "3"),                        # prints something else than the page shows
        ("print('unshown')", None),               # prints, but the page shows nothing
        ("if False:\n    import snippets", None),  # the project's code, which a reader lacks
        ("y = 1  # " + "x" * MAX_LINE, None),     # too wide for the column
        ("raise ValueError('block six')", None),  # raises
        ("print('never')", "never"),              # never runs
    ])
    assert sorted(pasted.problems) == [1, 2, 3, 4, 5, 6]
    assert "but the page shows" in pasted.problems[1]
    assert "does not show" in pasted.problems[2]
    assert "imports this project's code" in pasted.problems[3]
    assert "wider than" in pasted.problems[4]
    assert "block six" in pasted.problems[5]
    assert "never ran" in pasted.problems[6]
    assert paste_blocks([("x = 2", None), ("print(x)", "2")]).ok


def test_pasted_blocks_run_in_an_empty_folder_where_the_project_is_not_importable():
    result = run_blocks(["import os, importlib.util",
                         "print(os.listdir('.'), importlib.util.find_spec('snippets'))"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[] None"


def test_a_failing_block_is_named_by_the_runner():
    result = run_blocks(["x = 1", "assert x == 1", "raise ValueError('block three')", "print('never')"])
    assert result.returncode == 1
    assert result.failed_block == 2
    assert "block three" in result.stderr and "never" not in result.stdout


# --- snippets/ holds the lessons' code and nothing else ---


def page_of(module: str) -> str:
    """The page a chapter module serves: ``pytorch_losses`` -> ``pytorch-losses.md``."""
    return module.replace("_", "-") + ".md"


def sections(module: str) -> list[tuple[str, int, int]]:
    """``(name, first line, last line)`` of each named section of ``snippets/<module>.py``, in order."""
    found, open_at = [], {}
    for number, line in enumerate((ROOT / "snippets" / f"{module}.py").read_text(encoding="utf-8").splitlines(), 1):
        marker = SECTION.match(line)
        if marker and marker[1] == "start":
            open_at[marker[2]] = number
        elif marker:
            found.append((marker[2], open_at.pop(marker[2]), number))
    return found


@pytest.mark.parametrize("module", CHAPTER_MODULES)
def test_a_chapter_module_is_its_pages_sections_in_page_order_and_nothing_else(module):
    source = (ROOT / "snippets" / f"{module}.py").read_text(encoding="utf-8")
    page = page_of(module)
    assert (DOCS / page).is_file(), f"snippets/{module}.py: no page docs/{page} for it"
    spans = sections(module)
    assert spans, f"snippets/{module}.py has no named sections"
    outside = [
        f"line {node.lineno}" for node in ast.parse(source).body[1:]  # [0] is the module docstring
        if not any(first < node.lineno < last for _, first, last in spans)
        and not (isinstance(node, ast.ImportFrom) and node.module == "__future__")
    ]
    assert not outside, f"snippets/{module}.py: code outside any section a page shows ({', '.join(outside)})"
    included = [section for path, section in includes(DOCS / page) if path == f"snippets/{module}.py"]
    names = [name for name, _, _ in spans]
    assert included == names, (
        f"docs/{page} should include every section of snippets/{module}.py once, in module order:\n"
        f"module: {names}\npage:   {included}"
    )
    others = {path for path, _ in includes(DOCS / page) if path.startswith("snippets/")} - {f"snippets/{module}.py"}
    assert not others, f"docs/{page} includes code of other chapters: {sorted(others)}"
    assert not re.search(r"^\s*(from|import)\s+snippets\b", source, re.M), f"snippets/{module}.py imports snippets"



def test_the_paste_check_refuses_a_library_a_reader_does_not_have():
    pasted = paste_blocks([("import math\nimport numpy as np\nprint(math.pi > 3)", "True"),
                           ("if False:\n    import scipy", None)])
    assert list(pasted.problems) == [1] and "scipy" in pasted.problems[1]
