"""Every figure of WORKED_NUMBERS.md is computed by the site's code and stated by its page.

``tests/data/WORKED_NUMBERS.md`` is a verbatim copy of the project's table of worked
numbers (``../shared/WORKED_NUMBERS.md``, which a clone of the repository does not have).
Each row of each of its tables must map to an entry of the ledger
(``tests.ledger.collect()``) whose ``what`` is the row's first cell, verbatim. That entry
ties the row to the code that computes it and to the page that states it; this test checks
that the entry's independent ``exact`` value is the row's, that the code agrees with it,
that the page exists and states the number, and that ``shown`` records what the source
printed. Conversely, every ledger entry that cites a source article must be a row of the
table. A row missing from either side fails, and the message names it.

After all chapters are merged every row must pass. While a chapter is still a placeholder,
the rows of its sections fail here, and only those.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.ledger import WorkedNumber, collect
from tests.sitetools import ROOT, TALLY, check_computed_and_stated, normalise

ORACLE = Path(__file__).resolve().parent / "data" / "WORKED_NUMBERS.md"
SHARED = ROOT.parent / "shared" / "WORKED_NUMBERS.md"


@dataclass(frozen=True)
class Row:
    """One row of a table of WORKED_NUMBERS.md."""

    section: str
    what: str
    exact: str
    shown: str | None  # the "source shows" cell; None where the table has no such column
    line: int

    def __str__(self) -> str:
        return f"{self.what!r} (WORKED_NUMBERS.md line {self.line}, section {self.section!r})"


def split_cells(line: str) -> list[str]:
    """The cells of a Markdown table row; a ``|`` inside backticks does not split."""
    cells, cell, in_code = [], [], False
    for char in line.strip().strip("|"):
        if char == "`":
            in_code = not in_code
        if char == "|" and not in_code:
            cells.append("".join(cell).strip())
            cell = []
        else:
            cell.append(char)
    cells.append("".join(cell).strip())
    return cells


def parse_rows(text: str) -> list[Row]:
    """Every data row of every table, with the section it sits in."""
    rows: list[Row] = []
    section = ""
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("## "):
            section = line[3:].strip()
        is_table = (
            line.lstrip().startswith("|") and index + 1 < len(lines)
            and re.fullmatch(r"\s*\|?\s*:?-{3,}.*", lines[index + 1])
        )
        if not is_table:
            index += 1
            continue
        header = [cell.lower() for cell in split_cells(line)]
        shown_column = header.index("source shows") if "source shows" in header else None
        index += 2
        while index < len(lines) and lines[index].lstrip().startswith("|"):
            cells = split_cells(lines[index])
            shown = cells[shown_column] if shown_column is not None and shown_column < len(cells) else None
            rows.append(Row(section, cells[0], cells[1] if len(cells) > 1 else "", shown, index + 1))
            index += 1
    return rows


ROWS = parse_rows(ORACLE.read_text(encoding="utf-8"))
ENTRIES = collect()

#: A number as WORKED_NUMBERS.md writes it; its digits say how precisely it is given.
_NUMBER = re.compile(r"(?<![\w.])-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|\bnan\b|\bTrue\b|\bFalse\b")


def oracle_values(cell: str) -> list[tuple[float | bool, float]]:
    """The values an "exact" cell states, each with half a unit of its last written digit.

    Backticks are dropped and parenthetical remarks ("(float32: 0.0)", "(exp overflows)")
    are not values of the row.
    """
    text = re.sub(r"\s*\([^)]*\)", "", cell.replace("`", ""))
    values = []
    for literal in _NUMBER.findall(text):
        if literal in ("True", "False"):
            values.append((literal == "True", 0.0))
        elif literal.lower() == "nan":
            values.append((math.nan, 0.0))
        else:
            mantissa, _, exponent = literal.lower().partition("e")
            decimals = len(mantissa.partition(".")[2])
            values.append((float(literal), 0.5 * 10.0 ** (int(exponent or 0) - decimals)))
    return values


def flat(value) -> list:
    if isinstance(value, (list, tuple)):
        return [item for part in value for item in flat(part)]
    return [value]


def _plain(text: str) -> str:
    return normalise(text).strip("\"'` ")


def shown_matches(entry: WorkedNumber, row: Row) -> bool:
    """Whether the entry's ``shown`` records the row's "source shows" cell."""
    if row.shown is None:
        return True
    shown, cell = _plain(entry.shown), _plain(row.shown)
    if shown == cell:
        return True
    if cell == "same":  # the source printed the exact value
        return shown == _plain(row.exact)
    if cell.startswith(("—", "-")):  # the source printed nothing for this row
        return shown in ("—", "-", "")
    return False


def test_the_oracle_is_a_verbatim_copy_of_the_shared_table():
    text = ORACLE.read_text(encoding="utf-8")
    if SHARED.is_file():  # beside the project (a developer's checkout): the copy must not drift
        assert text == SHARED.read_text(encoding="utf-8"), f"{ORACLE} differs from {SHARED}: copy it again"
    assert text.startswith("# Worked numbers the site must reproduce")


def test_every_table_row_is_parsed():
    """Each line of a table body becomes one row, so no row escapes the test below."""
    text = ORACLE.read_text(encoding="utf-8")
    body_lines = [
        line for line in text.splitlines()
        if line.startswith("|") and not re.fullmatch(r"\|[-:| ]+\|?", line)
        and not line.lower().startswith("| what |")
    ]
    assert len(ROWS) == len(body_lines) >= 25
    assert all(row.what and row.exact for row in ROWS)


def test_the_exact_cells_are_read_as_numbers():
    assert oracle_values("2.302585092994046") == [(2.302585092994046, 0.5e-15)]
    assert oracle_values("`[0.0776, 0.0790]`") == [(0.0776, 0.5e-4), (0.0790, 0.5e-4)]
    assert [v for v, _ in oracle_values("47.5–52.5, 45.0–55.0")] == [47.5, 52.5, 45.0, 55.0]
    [(value, tolerance)] = oracle_values("9.332636185032189e-302 (float32: 0.0)")
    assert value == 9.332636185032189e-302 and tolerance == pytest.approx(0.5e-317)
    assert oracle_values("True (holds for these inputs only)") == [(True, 0.0)]
    assert all(math.isnan(v) for v, _ in oracle_values("`[nan, nan, nan]` (exp overflows)"))


@pytest.mark.parametrize("row", ROWS, ids=[row.what for row in ROWS])
def test_the_row_is_computed_by_code_and_stated_by_its_page(row: Row):
    entries = [entry for entry in ENTRIES if entry.what == row.what]
    assert entries, (
        f"row {row} has no ledger entry: add a WorkedNumber with what={row.what!r} to the"
        " WORKED_NUMBERS list of the snippets module of the chapter that shows it"
    )
    for entry in entries:
        expected = oracle_values(row.exact)
        exact = flat(entry.exact)
        assert len(exact) == len(expected), (
            f"row {row}: the ledger's exact value {entry.exact!r} has {len(exact)} numbers,"
            f" WORKED_NUMBERS.md gives {len(expected)}: {row.exact}"
        )
        for got, (want, tolerance) in zip(exact, expected):
            if isinstance(want, bool) or isinstance(got, bool):
                same = got == want
            elif math.isnan(want):
                same = isinstance(got, float) and math.isnan(got)
            else:
                same = abs(got - want) <= tolerance * (1 + 1e-9) + 1e-15 * abs(want)
            assert same, f"row {row}: the ledger's exact value {entry.exact!r} is not WORKED_NUMBERS.md's {row.exact}"
        check_computed_and_stated(entry, f"row {row}")
        assert shown_matches(entry, row), (
            f"row {row}: the ledger says the source shows {entry.shown!r}, WORKED_NUMBERS.md says {row.shown!r}"
        )
    TALLY["worked numbers of WORKED_NUMBERS.md checked"] += 1


def test_every_ledger_entry_that_cites_a_source_is_a_row_of_the_table():
    whats = {row.what for row in ROWS}
    orphans = [f"{entry.page}: {entry.what!r} ({entry.source})" for entry in ENTRIES
               if entry.source.startswith("seed") and entry.what not in whats]
    assert not orphans, "ledger entries citing a source but matching no row of WORKED_NUMBERS.md:\n" + "\n".join(orphans)
    TALLY["ledger entries checked"] += len(ENTRIES)
