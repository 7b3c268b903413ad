"""Every Python code block of the built site runs as a reader copies it.

The blocks are read from the built HTML, not from the Markdown, so what runs is what a
reader sees after includes are expanded: fenced blocks of Markdown pages and the code
cells of notebook pages alike. Each page's blocks run in page order in one fresh
interpreter started at the repository root, as a reader pasting them one after another
into a Python session would; a failure names the page and the first line of the block.
"""

from __future__ import annotations

import json

import pytest

from tests.sitetools import DOCS, TALLY, code_blocks, page_html, run_blocks, source_pages, source_python_blocks

PAGES = source_pages()


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
def test_every_python_block_of_the_page_runs_in_order_in_a_fresh_interpreter(built_site, url):
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
        pytest.fail(f"docs/{page}: {where} fails when run as copied:\n{result.stderr[-3000:]}", pytrace=False)
    TALLY["pages whose code ran"] += 1
    TALLY["code blocks run"] += len(blocks)


def test_a_failing_block_is_named_by_the_runner():
    """The runner reports which block failed, so the message above can name it."""
    result = run_blocks(["x = 1", "assert x == 1", "raise ValueError('block three')", "print('never')"])
    assert result.returncode == 1
    assert result.failed_block == 2
    assert "block three" in result.stderr and "never" not in result.stdout


def test_blocks_share_one_namespace_and_run_from_the_repository_root():
    result = run_blocks(["from snippets.nll import nll\nvalue = nll([0.5, 0.5], 0)", "print(f'{value:.6f}')"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0.693147"
