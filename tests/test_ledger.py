"""Every worked number in the ledger equals its independent value and is stated by its page."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.ledger import WorkedNumber, collect
from tests.sitetools import ROOT, check_computed_and_stated, page_source

ENTRIES = collect()


def test_the_ledger_is_not_empty():
    assert len(ENTRIES) >= 10


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e.page}:{e.what}" for e in ENTRIES])
def test_code_equals_the_exact_value_and_the_prose_states_it(entry: WorkedNumber):
    check_computed_and_stated(entry, entry.what)


def test_a_changed_value_no_longer_matches_the_prose():
    entry = next(e for e in ENTRIES if e.what == "NLL = -ln 0.1")
    assert entry.prose_text(2.31) not in page_source(entry.page)
    assert not entry.agrees(2.31)


def test_python_m_tests_ledger_prints_the_ledger_and_exits_0():
    result = subprocess.run([sys.executable, "-m", "tests.ledger"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(ENTRIES)} worked numbers, {len(ENTRIES)} agree, 0 disagree" in result.stdout


@pytest.mark.parametrize(
    "shown, value, verdict",
    [
        ("close to -230", -230.25850929940458, "matches"),
        ("close to -230", -231.0, "differs"),
        ("[0.0776, 0.0790]", (0.07763, 0.07896), "matches"),
        ("[0.0776, 0.0790]", (0.07763,), "differs"),
        ('"Is equal: True"', True, "matches"),
        ('"Is equal: True"', False, "differs"),
        ("6.99072501e-07", 6.99072501e-07, "matches"),
        ("6.99072501e-07", 7.002857954726396e-07, "differs"),
        ("— (underflow demo)", 9.3e-302, "-"),
        ("same", 0.5, "same"),
    ],
)
def test_source_figures_are_compared_at_the_precision_shown(shown, value, verdict):
    from tests.ledger import source_figure_check

    assert source_figure_check(shown, value) == verdict


def test_every_entry_states_its_value_in_the_prose():
    """Each template has a field the computed value fills, so a number changed in the prose alone is caught."""
    import string

    wordless = [entry.what for entry in collect()
                if not any(field is not None for _, field, _, _ in string.Formatter().parse(entry.prose))]
    assert not wordless, f"ledger entries whose prose states no computed value: {wordless}"
