"""Paste a page's code into an empty folder, as a reader would, and check what it prints.

Every Python block of ``docs/<page>`` (includes expanded) runs in page order in one fresh
interpreter (``python -I``) started in a new empty temporary folder, with nothing of this
project importable: only the standard library and the pinned requirements. A block followed
on the page by a ``text`` block must print exactly that text; a block with no ``text``
block after it must print nothing (what a block prints is what the page shows).

    python -m tests.paste docs/nll.md [docs/other.md ...]

prints one line per block and exits 1 if any block fails, prints something else than the
page shows, imports ``snippets`` or has a line wider than ``MAX_LINE`` characters.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field

from tests.sitetools import page_blocks_with_output

#: The widest line a code block may hold: it fits the code column of a 1280-px-wide window.
MAX_LINE = 79

_RUNNER = r"""
import contextlib, io, json, sys, traceback
blocks = json.loads(sys.stdin.read())
namespace = {"__name__": "__main__"}
results = []
for index, code in enumerate(blocks):
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(code, f"<block {index + 1}>", "exec"), namespace)
    except BaseException as error:
        shown = traceback.format_exception(type(error), error, error.__traceback__.tb_next)
        results.append({"printed": printed.getvalue(), "error": "".join(shown)})
        break
    results.append({"printed": printed.getvalue(), "error": None})
sys.__stdout__.write(json.dumps(results))
"""

_IMPORTS_PROJECT = re.compile(r"^\s*(?:from|import)\s+(?:snippets|tests)\b", re.M)

#: What a reader has installed: the pinned libraries the pages name (``names`` for the bigram
#: chapter). Any other top-level import that is not in the standard library is a problem.
READERS_LIBRARIES = {"numpy", "torch", "matplotlib", "names"}


def foreign_imports(code: str) -> list[str]:
    r"""Top-level modules ``code`` imports that are neither the standard library nor a reader's library.

    >>> foreign_imports("import math\nimport numpy as np\nfrom scipy import stats")
    ['scipy']
    """
    import ast
    import sys

    found = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return sorted(name for name in found if name not in sys.stdlib_module_names and name not in READERS_LIBRARIES)


@dataclass
class Pasted:
    """What happened to one page's blocks when pasted: a problem per block, if any."""

    page: str
    blocks: list[str]
    problems: dict[int, str] = field(default_factory=dict)  # block index -> what went wrong

    def add(self, index: int, problem: str) -> None:
        self.problems[index] = f"{self.problems[index]}\n{problem}" if index in self.problems else problem

    @property
    def ok(self) -> bool:
        return not self.problems


def _first_line(code: str) -> str:
    return next((line.strip() for line in code.splitlines() if line.strip()), "")


def paste_blocks(blocks: list[tuple[str, str | None]], page: str = "blocks", timeout: float = 600) -> Pasted:
    """Run ``(code, expected output or None)`` pairs in order in an empty folder; report each problem."""
    pasted = Pasted(page, [code for code, _ in blocks])
    for index, (code, _) in enumerate(blocks):
        if _IMPORTS_PROJECT.search(code):
            pasted.add(index, "imports this project's code (snippets or tests), which a reader does not have")
        elif not _IMPORTS_PROJECT.search(code) and (others := foreign_imports(code)):
            pasted.add(index, f"imports {others}, beyond the standard library and {sorted(READERS_LIBRARIES)}")
        wide = [line for line in code.splitlines() if len(line) > MAX_LINE]
        if wide:
            pasted.add(index, f"{len(wide)} line(s) wider than {MAX_LINE} characters, e.g. {wide[0]!r}")
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env.update(MPLBACKEND="Agg", PYTHONDONTWRITEBYTECODE="1", NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryDirectory(prefix="pasted-") as empty:
        result = subprocess.run(
            [sys.executable, "-I", "-c", _RUNNER], cwd=empty, env=env, input=json.dumps(pasted.blocks),
            capture_output=True, text=True, timeout=timeout,
        )
    try:
        ran = json.loads(result.stdout)
    except json.JSONDecodeError:
        pasted.add(0, f"the interpreter stopped before reporting:\n{result.stderr[-3000:]}")
        return pasted
    for index, outcome in enumerate(ran):
        expected = blocks[index][1]
        if outcome["error"]:
            pasted.add(index, f"raised when pasted:\n{outcome['error'][-3000:]}")
        elif expected is None and outcome["printed"].strip():
            pasted.add(index, f"prints text the page does not show:\n{outcome['printed'][:1500]}")
        elif expected is not None and outcome["printed"].rstrip() != expected.rstrip():
            pasted.add(index, f"printed\n{outcome['printed'][:1500]}\nbut the page shows\n{expected[:1500]}")
    for index in range(len(ran), len(blocks)):
        pasted.add(index, "never ran: an earlier block failed")
    return pasted


def paste_page(page: str) -> Pasted:
    """Paste every Python block of ``docs/<page>`` in order into an empty folder."""
    return paste_blocks(page_blocks_with_output(page), page)


def report(pasted: Pasted) -> str:
    lines = []
    for index, code in enumerate(pasted.blocks):
        problem = pasted.problems.get(index)
        lines.append(f"docs/{pasted.page} block {index + 1} ({_first_line(code)[:50]}): {'ok' if not problem else 'FAIL'}")
        if problem:
            lines.append("    " + problem.replace("\n", "\n    "))
    return "\n".join(lines)


def main(pages: list[str]) -> int:
    failed = 0
    for page in pages:
        pasted = paste_page(page.removeprefix("docs/"))
        print(report(pasted))
        failed += not pasted.ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
