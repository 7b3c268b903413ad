"""The ledger of worked numbers: each number the site states, where it comes from, and the code that computes it.

Each chapter has a module here, ``tests/ledger/<chapter>.py``, that lists its numbers in a
``WORKED_NUMBERS`` list of :class:`WorkedNumber`. One entry ties together four things that must agree:

- ``exact``: an independent value (the exact figure in the project's
  ``WORKED_NUMBERS.md``, or a closed form), never copied from the output of ``compute``;
- ``compute``: the site's code that produces the number;
- ``prose``: the text of the chapter that states it, as a format template filled with
  the computed value, so that changing the prose or the code alone breaks the match;
- ``shown``: what the source article printed, for readers comparing the two.

``python -m tests.ledger`` prints the whole ledger; the tests check every entry.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
import re
from dataclasses import dataclass
from typing import Callable, Sequence, Union

Value = Union[float, Sequence[float]]


@dataclass(frozen=True)
class WorkedNumber:
    """One number the site states, with the independent value it must equal."""

    what: str
    source: str
    shown: str
    exact: Value
    compute: Callable[[], Value]
    page: str
    prose: str
    rel_tol: float = 1e-9
    abs_tol: float = 0.0

    def computed(self) -> Value:
        value = self.compute()
        if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
            return tuple(float(v) for v in (value.tolist() if hasattr(value, "tolist") else value))
        if isinstance(value, bool):
            return value
        return float(value)

    def agrees(self, value: Value | None = None) -> bool:
        """Whether the computed value equals ``exact`` within the entry's tolerance."""
        value = self.computed() if value is None else value
        if isinstance(self.exact, bool) or isinstance(value, bool):
            return value == self.exact
        exact = tuple(self.exact) if isinstance(self.exact, (list, tuple)) else (self.exact,)
        got = value if isinstance(value, tuple) else (value,)
        return len(exact) == len(got) and all(
            (math.isnan(e) and math.isnan(g)) or math.isclose(g, e, rel_tol=self.rel_tol, abs_tol=self.abs_tol)
            for e, g in zip(exact, got)
        )

    def prose_text(self, value: Value | None = None) -> str:
        """The prose template filled with the computed value (each element, for a vector)."""
        value = self.computed() if value is None else value
        return self.prose.format(*value) if isinstance(value, tuple) else self.prose.format(value)


_NUMBER = re.compile(r"(?<![\w.])[-+]?\d+(?:\.(\d+))?(?:e([-+]?\d+))?(%?)", re.IGNORECASE)


def source_figure_check(shown: str, value: Value) -> str:
    """Compare what a source printed with the computed value, at the precision the source used.

    Returns ``"matches"`` when every number the source shows is the computed value rounded
    to the digits shown (one shown number per computed number, or several shown numbers for
    one value), ``"differs"`` otherwise, ``"same"`` when the source printed the exact value
    (the table says "same"), and ``"-"`` when the source shows no figure.

    >>> source_figure_check("2.3", 2.302585092994046)
    'matches'
    >>> source_figure_check("68%, 95%, 99.7%", (0.6827, 0.9545, 0.9973))
    'matches'
    >>> source_figure_check("0.68/2 ≈ 0.3413", 0.34)
    'differs'
    """
    text = shown.strip()
    if text == "same":
        return "same"
    values = value if isinstance(value, tuple) else (value,)
    if isinstance(value, bool):
        words = re.findall(r"\b(True|False)\b", text)
        return "-" if not words else ("matches" if all(w == str(value) for w in words) else "differs")
    shown_numbers = []
    for match in _NUMBER.finditer(text):
        decimals = len(match[1] or "") - int(match[2] or 0)
        number, half_unit = float(match[0].rstrip("%")), 0.5 * 10.0 ** -decimals
        if match[3]:
            number, half_unit = number / 100, half_unit / 100
        shown_numbers.append((number, half_unit))
    if not shown_numbers:
        return "-"
    if len(values) == 1:
        pairs = [(values[0], shown) for shown in shown_numbers]
    elif len(values) == len(shown_numbers):
        pairs = list(zip(values, shown_numbers))
    else:
        return "differs"
    close = all(
        abs(computed - number) <= max(half_unit, 1e-12 * abs(number)) * (1 + 1e-9)
        for computed, (number, half_unit) in pairs
    )
    return "matches" if close else "differs"


def collect() -> list[WorkedNumber]:
    """Every ``WORKED_NUMBERS`` entry of every chapter's ledger module, in module order."""
    entries: list[WorkedNumber] = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.name.startswith("_"):
            continue
        loaded = importlib.import_module(f"{__name__}.{module.name}")
        entries.extend(loaded.WORKED_NUMBERS)
    return entries
