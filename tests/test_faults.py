"""Faults make the build or the tests fail, loudly, naming the culprit.

Each test breaks one thing in a temporary copy of the project (tests/sitetools.copy_project),
then runs the strict build, or the copy's own tests, exactly as a developer would, and
checks that it fails with a message that names what was broken: an include of a missing
file or section, a figure function that raises, a notebook cell that raises, a link to a
missing page or anchor, a worked number changed in the prose alone, a code block that fails,
a formula MathJax cannot read.
"""

from __future__ import annotations

import json
import re
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ledger import WorkedNumber, collect
from tests.sitetools import DOCS, ROOT, TALLY, build_env, build_site, copy_project, includes, source_pages

MARKDOWN_PAGES = {url: page for url, page in source_pages().items() if page.endswith(".md")}
NOTEBOOKS = [page for page in source_pages().values() if page.endswith(".ipynb")]


@pytest.fixture
def project(tmp_path, built_site) -> Path:
    """A copy of the project whose build reuses what the session's build drew, executed and trained.

    The caches are keyed by their inputs, so a fault that changes an input still rebuilds it.
    """
    copy = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / ".cache", copy / ".cache", ignore=shutil.ignore_patterns("screenshots"))
    return copy


def _fails(result: subprocess.CompletedProcess, *culprits: str) -> str:
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the fault went unnoticed:\n{output[-3000:]}"
    for culprit in culprits:
        assert culprit in output, f"the failure does not name {culprit!r}:\n{output[-3000:]}"
    TALLY["faults injected"] += 1
    return output


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def _run_tests(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the copy's own tests, as a developer of the copy would."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--tb=short", *args],
        cwd=project, env=build_env(), capture_output=True, text=True, timeout=900,
    )


def _first_page_with_an_include() -> tuple[str, str]:
    for page in MARKDOWN_PAGES.values():
        for path, section in includes(DOCS / page):
            if section:
                return page, path
    raise LookupError("no page includes a named section")


def test_an_include_of_a_missing_file_fails_the_build(project):
    page, _ = _first_page_with_an_include()
    _append(project / "docs" / page, '```python\n--8<-- "snippets/no_such_module.py:numpy"\n```')
    _fails(build_site(project, project / "site"), "snippets/no_such_module.py")


def test_an_include_of_a_missing_section_fails_the_build(project):
    page, module = _first_page_with_an_include()
    _append(project / "docs" / page, f'```python\n--8<-- "{module}:no_such_section"\n```')
    _fails(build_site(project, project / "site"), "no_such_section")


def test_a_figure_function_that_raises_fails_the_build(project):
    """The first figure function (``*_figure``) of the first module that has one raises; the traceback names it."""
    for module in sorted((project / "snippets").glob("*.py")):
        source = module.read_text(encoding="utf-8")
        match = re.search(r'^def (\w+_figure)\([^)]*\)[^:\n]*:\n', source, re.M)
        if match:
            break
    else:
        pytest.fail("no figure function (named *_figure) in snippets/")
    name = match[1]
    broken = f'    raise RuntimeError("figure {name} fails on purpose")\n'
    module.write_text(source[: match.end()] + broken + source[match.end():], encoding="utf-8")
    _fails(build_site(project, project / "site"), f"in {name}", f"figure {name} fails on purpose")


@pytest.mark.parametrize("notebook", NOTEBOOKS or [None])
def test_a_notebook_cell_that_raises_fails_loudly(project, notebook):
    """A raising cell appended to the notebook fails the build (when it executes notebooks),
    or else the test that runs every code block of the site, naming the notebook either way."""
    if notebook is None:
        pytest.fail("no notebook found under docs/: this fault needs at least one .ipynb page", pytrace=False)
    path = project / "docs" / notebook
    data = json.loads(path.read_text(encoding="utf-8"))
    fault = 'raise RuntimeError("notebook cell fails on purpose")'
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": [fault]}
    if (data.get("nbformat"), data.get("nbformat_minor", 0)) >= (4, 5):
        cell["id"] = "fault-injected-cell"
    data["cells"].append(cell)
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    result = build_site(project, project / "site")
    if result.returncode != 0:
        _fails(result, Path(notebook).name, fault)
    else:  # the build shows the notebook without running it: running the site's code must catch it
        _fails(_run_tests(project, "tests/test_code_blocks.py", "-k", f"runs_pasted_into_an_empty_folder and {Path(notebook).name}"), notebook, fault)


def test_a_tex_error_fails_the_build_naming_the_page_and_the_formula(project):
    """Math is rendered when the site is built: TeX that MathJax cannot read stops the build,
    instead of showing the reader an error, and the message names the page and the formula."""
    page = MARKDOWN_PAGES[""]
    _append(project / "docs" / page, r"A formula with a typo: \(\mathbb{R} \notamacro{x}\).")
    output = _fails(build_site(project, project / "site"), f"docs/{page}", r"`\mathbb{R} \notamacro{x}`", "Undefined control sequence")
    assert "Traceback" not in output, output[-3000:]


def test_a_link_to_a_missing_page_fails_the_build(project):
    page = MARKDOWN_PAGES[""]
    _append(project / "docs" / page, "See [a page that does not exist](no-such-page.md).")
    _fails(build_site(project, project / "site"), "no-such-page.md", page)


def test_a_link_to_a_missing_anchor_fails_the_build(project):
    page = MARKDOWN_PAGES[""]
    target = next(other for other in MARKDOWN_PAGES.values() if other != page)
    _append(project / "docs" / page, f"See [a section that does not exist]({target}#no-such-anchor).")
    _fails(build_site(project, project / "site"), "no-such-anchor", page)


def test_a_failing_code_block_fails_the_tests_naming_its_page_and_first_line(project):
    page = next(page for page in MARKDOWN_PAGES.values() if page != "index.md")
    _append(project / "docs" / page, '```python\nassert 1 + 1 == 3, "this block fails on purpose"\n```')
    result = _run_tests(project, "tests/test_code_blocks.py", "-k", f"runs_pasted_into_an_empty_folder and {page}")
    _fails(result, f"docs/{page}", 'assert 1 + 1 == 3, "this block fails on purpose"')


def _stated_with_a_digit_changed(entry: WorkedNumber) -> tuple[str, str]:
    """The text the page states for ``entry``, and the same text with the value's last digit changed."""
    value = entry.computed()
    values = value if isinstance(value, tuple) else (value,)
    # Fill the fields in order, formatted as WorkedNumber.prose_text does, keeping where each value sits.
    text, spans, index = "", [], 0
    for literal, field, spec, conversion in string.Formatter().parse(entry.prose):
        text += literal
        if field is None:
            continue
        item = values[int(field)] if field else values[index]
        index += 1
        item = repr(item) if conversion == "r" else str(item) if conversion == "s" else item
        formatted = format(item, spec or "")
        spans.append((len(text), len(text) + len(formatted)))
        text += formatted
    assert text == entry.prose_text(value)
    for start, end in reversed(spans):
        digits = [i for i in range(start, end) if text[i].isdigit()]
        if digits:
            i = digits[-1]
            return text, text[:i] + str((int(text[i]) + 1) % 10) + text[i + 1:]
        for word, other in (("True", "False"), ("False", "True"), ("nan", "inf"), ("inf", "nan")):
            if word in text[start:end]:
                return text, text[:start] + text[start:end].replace(word, other) + text[end:]
    raise ValueError(f"{entry.what}: the prose {entry.prose!r} states no digit to change")


def test_a_worked_number_changed_in_the_prose_alone_fails_the_ledger_test(project):
    """Change the last digit of every number the ledger ties to a page, in the Markdown only."""
    entries = collect()
    changed: dict[str, str] = {}
    for entry in entries:
        stated, altered = _stated_with_a_digit_changed(entry)
        path = project / "docs" / entry.page
        source = changed.get(entry.page, path.read_text(encoding="utf-8"))
        pattern = r"\s+".join(re.escape(token) for token in stated.split())
        source, count = re.subn(pattern, lambda _: altered, source)
        assert count or entry.page in changed, f"{entry.page} does not state {stated!r}"
        changed[entry.page] = source
    for page, source in changed.items():
        (project / "docs" / page).write_text(source, encoding="utf-8")
    result = _run_tests(project, "tests/test_ledger.py")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    for entry in entries:
        test_id = f"{entry.page}:{entry.what}".encode("unicode_escape").decode("ascii")
        assert f"[{test_id}]" in output, f"changing {entry.what!r} in docs/{entry.page} went unnoticed"
    TALLY["faults injected"] += len(entries)
