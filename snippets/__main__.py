"""``python -m snippets``: print every worked number of the site and check it.

For each number: where it comes from, what the source article showed, what this
code computes, and whether that equals the independent exact value. Exits with
status 1 if any does not.
"""

from __future__ import annotations

import sys

from snippets.ledger import Value, WorkedNumber, collect


def _format(value: Value) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(f"{v:.10g}" for v in value) + "]"
    return f"{value:.12g}"


def ledger_rows(entries: list[WorkedNumber]) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for entry in entries:
        value = entry.computed()
        rows.append((entry.source, entry.what, entry.shown, _format(value), "yes" if entry.agrees(value) else "NO"))
    return rows


def main() -> int:
    rows = ledger_rows(collect())
    header = ("source", "what", "source shows", "code computes", "agrees")
    widths = [min(60, max(len(row[i]) for row in [header, *rows])) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell[:60].ljust(width) for cell, width in zip(row, widths)).rstrip())
    disagreeing = sum(row[4] == "NO" for row in rows)
    print(f"\n{len(rows)} worked numbers, {len(rows) - disagreeing} agree, {disagreeing} disagree")
    return 1 if disagreeing else 0


if __name__ == "__main__":
    sys.exit(main())
