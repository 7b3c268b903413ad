"""``python -m tests.ledger``: print every worked number of the site and check it.

For each number: where it comes from (a source article, or the site's own worked
example), the page that states it, what the source printed, what this code computes,
the independent exact value, whether the two agree, and whether the source's printed
figure is the computed value at the precision the source used. A source figure that
differs is a known error of the source, corrected on the page (see "Notes on the
sources"); it does not fail the check. Exits with status 1 if any computed value
differs from its exact value.
"""

from __future__ import annotations

import sys

from tests.ledger import Value, WorkedNumber, collect, source_figure_check

HEADER = ("source", "page", "what", "source shows", "code computes", "exact", "agrees", "source figure")


def _format(value: Value) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(f"{v:.10g}" for v in value) + "]"
    return f"{value:.12g}"


def ledger_rows(entries: list[WorkedNumber]) -> list[tuple[str, ...]]:
    """One row of text per worked number, in the order of ``HEADER``."""
    rows = []
    for entry in entries:
        value = entry.computed()
        rows.append((
            entry.source, entry.page, entry.what, entry.shown, _format(value), _format(entry.exact),
            "yes" if entry.agrees(value) else "NO", source_figure_check(entry.shown, value),
        ))
    return rows


def main() -> int:
    rows = ledger_rows(collect())
    widths = [max(len(row[i]) for row in [HEADER, *rows]) for i in range(len(HEADER))]
    for row in [HEADER, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    disagreeing = sum(row[6] == "NO" for row in rows)
    differing_sources = sum(row[7] == "differs" for row in rows)
    print(f"\n{len(rows)} worked numbers, {len(rows) - disagreeing} agree, {disagreeing} disagree"
          f" ({differing_sources} source figures differ from the exact value: see the notes on the sources)")
    return 1 if disagreeing else 0


if __name__ == "__main__":
    sys.exit(main())
