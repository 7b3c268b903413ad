"""Bad input, exhaustively: every public function of ``snippets`` refuses it loudly.

Each chapter's test module (``tests/test_<chapter>.py``) holds a ``BAD_INPUTS`` table for the
public functions of ``snippets/<chapter>.py``: wrong shapes, out-of-range labels,
probabilities outside [0, 1] or not summing to 1, NaN, empty data, non-positive scales,
wrong types. Each case must raise ``ValueError`` whose message says what was wrong (the
case's ``says``) and what was expected (the word "expected"): never a silent NaN, never a
wrong answer.

The tables must be complete: a public function (defined in its module, name not starting
with ``_``, taking at least one argument, not a figure) with fewer than two cases fails
``test_every_public_function_has_bad_inputs``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import snippets
from tests.badinput import KINDS
from tests.sitetools import TALLY


def chapter_modules() -> list[str]:
    """The names of the chapter modules of ``snippets``, in alphabetical order."""
    return sorted(info.name for info in pkgutil.iter_modules(snippets.__path__) if not info.name.startswith("_"))


def tables() -> dict[str, dict]:
    """``{module: BAD_INPUTS}``, read from each chapter's test module."""
    found = {}
    for module in chapter_modules():
        try:
            tests = importlib.import_module(f"tests.test_{module}")
        except ModuleNotFoundError:
            found[module] = {}
            continue
        found[module] = getattr(tests, "BAD_INPUTS", {})
    return found


BAD_INPUTS = tables()

CASES = [
    pytest.param(module, function, bad, id=f"{module}.{function}-{bad.kind}-{index}")
    for module, functions in BAD_INPUTS.items()
    for function, bads in functions.items()
    for index, bad in enumerate(bads)
]


def public_functions() -> dict[str, list[str]]:
    """``{module: [function, ...]}``: the reader-facing functions of every chapter module that take arguments.

    Figure functions (named ``*_figure``) draw with their defaults and are checked by the build.
    """
    found: dict[str, list[str]] = {}
    for name in chapter_modules():
        module = importlib.import_module(f"snippets.{name}")
        found[name] = sorted(
            function_name for function_name, function in inspect.getmembers(module, inspect.isfunction)
            if function.__module__ == module.__name__ and not function_name.startswith("_")
            and not function_name.endswith("_figure") and inspect.signature(function).parameters
        )
    return found


@pytest.mark.parametrize("module, function, bad", CASES)
def test_bad_input_raises_a_value_error_saying_what_was_wrong_and_what_was_expected(module, function, bad):
    assert bad.kind in KINDS, f"unknown kind {bad.kind!r}: use one of {sorted(KINDS)}"
    with pytest.raises(ValueError) as raised:
        bad.call()
    message = str(raised.value)
    assert bad.says in message, f"{module}.{function}: the message {message!r} does not say {bad.says!r}"
    assert "expected" in message, f"{module}.{function}: the message {message!r} does not say what was expected"
    TALLY["bad inputs tried"] += 1


def test_every_public_function_has_bad_inputs():
    missing = [
        f"snippets.{module}.{name}"
        for module, names in public_functions().items()
        for name in names
        if len(BAD_INPUTS.get(module, {}).get(name, [])) < 2
    ]
    assert not missing, (
        "public functions without at least two bad inputs in the BAD_INPUTS table of tests/test_<chapter>.py: "
        + ", ".join(missing)
    )


def test_the_tables_name_only_existing_public_functions():
    public = public_functions()
    stale = [f"{module}.{name}" for module, functions in BAD_INPUTS.items() for name in functions
             if name not in public.get(module, [])]
    assert not stale, f"BAD_INPUTS tables list functions that are not public functions of snippets: {stale}"


def test_every_promised_kind_of_bad_input_is_tried():
    tried = {bad.kind for functions in BAD_INPUTS.values() for bads in functions.values() for bad in bads}
    promised = {"shape", "label", "range", "sum", "nan", "empty", "scale"}
    assert promised <= tried, f"kinds of bad input never tried: {sorted(promised - tried)}"
