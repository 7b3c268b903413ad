"""The page "How this site checks itself" (docs/checks.md) tells the truth.

Every total the page states is computed here from what it counts: the ledger's entries and
those that cite a source article, the Python blocks of the Markdown pages, the bad-input cases
and the public functions they cover, the figures; and the line widths it states are the ones
the code checks use. When a chapter gains one of these, the test fails and names the number
the page should state; the fix is to update the page. The libraries it says a pasted block may
import are the ones tests/paste.py allows.

The example messages of its bad-input table are real: each call is made, in the namespace of
its chapter's module, and must raise ``ValueError`` with the message shown (``…`` stands for
text left out). The agreement table names functions that exist, PyTorch functions that exist,
and tolerances that its chapter's test module uses; an option it names is a parameter of one of
its chapter's functions. The chapter whose functions take no arguments has its helpers named
instead. Every test file the page names exists.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import math
import re

import pytest
import torch

import tests.ledger
from sitefigures import FIGURES  # docs/_hooks is on sys.path (tests/conftest.py)
from tests.badinput import KINDS
from tests.paste import MAX_LINE, READERS_LIBRARIES
from tests.sitetools import DOCS, ROOT, markdown_pages, normalise, page_blocks_with_output, page_source
from tests.test_bad_input import BAD_INPUTS, public_functions
from tests.test_code_blocks import NOTEBOOK_MAX_LINE

PAGE = "checks.md"


@functools.cache
def text() -> str:
    """The page's Markdown, its lines joined, so that a wrapped sentence reads as one."""
    return normalise(page_source(PAGE))


def assert_states(count: int, what: str) -> None:
    """The page says "<count> <what>", and every number it puts before ``what`` is ``count``."""
    stated = re.findall(rf"(?<![\w.,])(\d[\d,]*) {re.escape(what)}\b", text())
    right = f"{count:,} {what}"
    assert stated, f"docs/{PAGE} no longer says how many {what} there are: it should say {right!r}"
    wrong = [number for number in stated if int(number.replace(",", "")) != count]
    assert not wrong, f"docs/{PAGE} says {wrong[0]} {what}; there are {count:,}: make it say {right!r}"


# --- The counts ---


def test_the_page_states_how_many_worked_numbers_the_ledger_holds():
    assert_states(len(tests.ledger.collect()), "worked numbers")


def test_the_page_states_how_many_worked_numbers_come_from_the_source_articles():
    cited = sum(1 for entry in tests.ledger.collect() if entry.source.startswith("seed"))
    assert cited > 0
    assert_states(cited, "of them from the source articles")


def test_the_page_states_the_line_widths_the_code_checks_use():
    for stated in (f"no line is wider than {MAX_LINE} characters",
                   f"({MAX_LINE} characters; {NOTEBOOK_MAX_LINE} in the notebook"):
        assert stated in text(), (
            f"docs/{PAGE} should say {stated!r} (tests/paste.py MAX_LINE, tests/test_code_blocks.py NOTEBOOK_MAX_LINE)"
        )


def test_the_page_names_the_libraries_the_paste_check_lets_a_block_import():
    shown = {"numpy": "NumPy", "torch": "PyTorch", "matplotlib": "Matplotlib", "names": "`names`"}
    unknown = sorted(READERS_LIBRARIES - set(shown))
    assert not unknown, f"tests/paste.py lets blocks import {unknown}: name them in docs/{PAGE} (and here)"
    sentence = re.search(r"or any module outside the standard library, ([^;]+);", text())
    assert sentence, f"docs/{PAGE} no longer says which modules tests/paste.py lets a block import"
    listed = set(re.split(r", | and ", sentence[1]))
    expected = {shown[library] for library in READERS_LIBRARIES}
    assert listed == expected, f"docs/{PAGE} lists {sorted(listed)}; tests/paste.py allows {sorted(expected)}"


def test_the_page_states_how_many_python_blocks_the_markdown_pages_hold():
    blocks = sum(len(page_blocks_with_output(page.relative_to(DOCS).as_posix())) for page in markdown_pages())
    assert blocks > 0
    assert_states(blocks, "Python blocks")


def test_the_page_states_how_many_bad_inputs_are_tried_for_how_many_functions():
    cases = sum(len(bads) for functions in BAD_INPUTS.values() for bads in functions.values())
    functions = sum(len(names) for names in public_functions().values())
    assert_states(cases, "bad inputs")
    assert_states(functions, "public functions")


def test_the_page_states_how_many_figures_the_build_draws():
    assert_states(len(FIGURES), "figures")


def test_the_page_names_every_kind_of_bad_input():
    missing = sorted(kind for kind in KINDS if f"- `{kind}`:" not in page_source(PAGE))
    assert not missing, f"docs/{PAGE} does not list the kinds of bad input {missing} (tests/badinput.py KINDS)"
    listed = set(re.findall(r"^- `(\w+)`:", page_source(PAGE), re.M))
    assert listed <= KINDS, f"docs/{PAGE} lists kinds of bad input that tests/badinput.py does not: {listed - KINDS}"


# --- The tables ---


def table(header: str) -> list[tuple[str, list[str]]]:
    """The rows of the page's table whose header row is ``header``: ``(chapter module, cells)``.

    The first cell links the chapter's page (``[Title](nll.md)`` -> ``nll``); an empty first
    cell continues the chapter of the row above.
    """
    lines = page_source(PAGE).splitlines()
    start = lines.index(header)  # a ValueError here: the table's header changed
    columns = header.count("|") - 1
    rows, module = [], None
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        assert len(cells) == columns, f"docs/{PAGE}: a row of {columns} cells expected, got {line!r}"
        if cells[0]:
            link = re.fullmatch(r"\[[^\]]+\]\(([\w-]+)\.md\)", cells[0])
            assert link, f"docs/{PAGE}: the first cell should link a chapter page, not {cells[0]!r}"
            module = link[1].replace("-", "_")
        assert module is not None, f"docs/{PAGE}: the table's first row names no chapter"
        rows.append((module, cells[1:]))
    assert rows, f"docs/{PAGE}: the table under {header!r} is empty"
    return rows


def code(cell: str) -> str:
    """The text of a cell that is one code span."""
    match = re.fullmatch(r"`([^`]+)`", cell)
    assert match, f"docs/{PAGE}: expected one code span in the cell, got {cell!r}"
    return match[1]


MESSAGES = table("| page | the call | its message |")
AGREEMENT = table("| page | compared | with | on | within |")


@pytest.mark.parametrize("module, cells", MESSAGES, ids=[f"{m}:{code(c[0])}" for m, c in MESSAGES])
def test_each_message_shown_is_what_the_call_raises(module, cells):
    call, shown = code(cells[0]), code(cells[1])
    namespace = {**vars(importlib.import_module(f"snippets.{module}")), "nan": math.nan, "inf": math.inf}
    with pytest.raises(ValueError) as raised:
        eval(call, namespace)  # noqa: S307 - the page's own example, run as a reader would
    message = str(raised.value)
    pattern = ".*?".join(re.escape(part) for part in shown.split("…"))
    assert re.fullmatch(pattern, message, re.S), (
        f"docs/{PAGE}: snippets.{module}.{call} raises {message!r}, the page shows {shown!r}"
    )
    assert "expected" in shown, f"docs/{PAGE}: the message shown for {call} should say what was expected"


def test_the_message_table_stays_short_and_covers_each_chapter_with_arguments():
    per_chapter: dict[str, int] = {}
    for module, _ in MESSAGES:
        per_chapter[module] = per_chapter.get(module, 0) + 1
    assert max(per_chapter.values()) <= 3, f"docs/{PAGE}: keep the table to 3 messages a chapter: {per_chapter}"
    helpers_only = {"pytorch_losses"}  # its demos take no arguments; the page says so in a sentence
    missing = sorted(set(BAD_INPUTS) - set(per_chapter) - helpers_only)
    assert not missing, f"docs/{PAGE}: the message table shows no example from {missing}"
    for module in helpers_only:
        unnamed = [name for name in public_functions()[module] if f"`{name}`" not in text()]
        assert not unnamed, f"docs/{PAGE}: the sentence on {module}'s helpers that take arguments leaves out {unnamed}"


def resolve(dotted: str):
    """``F.cross_entropy`` or ``torch.std(correction=0)`` -> the PyTorch object it names."""
    names = dotted.split("(", 1)[0].split(".")
    target = torch.nn.functional if names[0] == "F" else torch
    for name in names[1:]:
        target = getattr(target, name)
    return target


@pytest.mark.parametrize("module, cells", AGREEMENT, ids=[f"{m}-{i}" for i, (m, _) in enumerate(AGREEMENT)])
def test_each_agreement_row_names_real_functions_and_the_tolerances_its_tests_use(module, cells):
    compared, against, _, within = cells
    chapter = importlib.import_module(f"snippets.{module}")
    options = {parameter for _, function in inspect.getmembers(chapter, inspect.isfunction)
               if function.__module__ == chapter.__name__ for parameter in inspect.signature(function).parameters}
    for name in re.findall(r"`(\w+)`", compared):
        if name.islower() and not hasattr(chapter, name) and name not in options:
            pytest.fail(f"docs/{PAGE}: snippets.{module} has no function or option {name!r}, named in the agreement table")
    for name in re.findall(r"`((?:F|torch)\.[\w.]+(?:\([^`]*\))?)`", against):
        try:
            resolve(name)
        except AttributeError:
            pytest.fail(f"docs/{PAGE}: PyTorch has no {name!r}, named in the agreement table")
    tests_source = (ROOT / "tests" / f"test_{module}.py").read_text(encoding="utf-8")
    for tolerance in re.findall(r"\b\d+e-\d+\b", within):
        assert tolerance in tests_source, (
            f"docs/{PAGE}: the agreement table says {module} agrees within {tolerance}, "
            f"a tolerance tests/test_{module}.py never uses"
        )


# --- Where the page sits, and what it names ---


def test_every_test_file_the_page_names_exists():
    named = set(re.findall(r"`(tests/[\w/]+\.py)`", page_source(PAGE)))
    assert named, f"docs/{PAGE} names no test file"
    missing = sorted(path for path in named if not (ROOT / path).is_file())
    assert not missing, f"docs/{PAGE} names test files that do not exist: {missing}"


def test_the_page_is_in_the_nav_after_the_notes_and_linked_from_home():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - Notes on the sources: source-notes.md\n  - How this site checks itself: checks.md\n" in nav
    assert "](checks.md)" in page_source("index.md")
    assert page_source(PAGE).startswith("# How this site checks itself\n")
