"""Bad input, exhaustively: every public function of ``snippets`` refuses it loudly.

One table, one dict per ``snippets`` module keyed by function name, lists each function's
invalid inputs: wrong shapes, out-of-range labels, probabilities outside [0, 1] or not
summing to 1, NaN, empty data, non-positive scales, wrong types. Each must raise
``ValueError`` whose message says what was wrong (the case's ``says``) and what was
expected (the word "expected"): never a silent NaN, never a wrong answer.

The table must be complete: a public function (defined in its module, name not starting
with ``_``, taking at least one argument) without an entry fails
``test_every_public_function_has_bad_inputs``. Not in the table: the build machinery
(``figures``, ``sitebuild``, ``ledger``, ``__main__``), which readers do not call with
data, and the figure functions, which take no arguments.

To cover a new chapter module ``snippets/<module>.py``: import it below and add a
``"<module>": {...}`` dict with at least two cases per public function.
"""

from __future__ import annotations

import importlib
import inspect
import math
import pkgutil
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import pytest
import torch

import snippets
from snippets import checks
from snippets import nll as nll_module
from snippets.figures import collect as registered_figures
from tests.sitetools import TALLY

#: Modules that build the site rather than teach: their functions take no reader's data.
BUILD_MODULES = {"__main__", "figures", "sitebuild", "ledger"}

#: The kinds of bad input the project promises to refuse (a case's ``kind`` is one of these).
KINDS = {"shape", "label", "range", "sum", "nan", "empty", "scale", "type", "count"}


@dataclass(frozen=True)
class Bad:
    """One invalid call: its kind, the call, and what the message must say was wrong."""

    kind: str
    call: Callable[[], Any]
    says: str


nan, inf = math.nan, math.inf
P = [0.1, 0.3, 0.5, 0.1]
BATCH = [P, P]
T = torch.tensor([[0.1, 0.3, 0.5, 0.1], [0.25, 0.25, 0.25, 0.25]], dtype=torch.float64)

BAD_INPUTS: dict[str, dict[str, list[Bad]]] = {
    "checks": {
        "as_float_array": [
            Bad("nan", lambda: checks.as_float_array([1.0, nan], "x"), "contains NaN"),
            Bad("type", lambda: checks.as_float_array(["a", "b"], "x"), "real numbers"),
            Bad("type", lambda: checks.as_float_array([True, False], "x"), "got dtype bool"),
            Bad("type", lambda: checks.as_float_array([1 + 2j], "x"), "got dtype complex"),
            Bad("shape", lambda: checks.as_float_array([[1.0], [1.0, 2.0]], "x"), "could not read"),
        ],
        "finite_array": [
            Bad("empty", lambda: checks.finite_array([], "x"), "is empty"),
            Bad("range", lambda: checks.finite_array([1.0, inf], "x"), "contains infinity"),
            Bad("range", lambda: checks.finite_array([-inf], "x"), "contains infinity"),
            Bad("nan", lambda: checks.finite_array(np.array([nan]), "x"), "contains NaN"),
            Bad("type", lambda: checks.finite_array("abc", "x"), "real numbers"),
        ],
        "probabilities": [
            Bad("range", lambda: checks.probabilities([0.5, 1.5]), "contains 1.5"),
            Bad("range", lambda: checks.probabilities([-0.1, 1.1]), "contains -0.1"),
            Bad("range", lambda: checks.probabilities([inf]), "contains inf"),
            Bad("nan", lambda: checks.probabilities([nan, 0.5]), "contains NaN"),
            Bad("empty", lambda: checks.probabilities([]), "is empty"),
        ],
        "probability_rows": [
            Bad("sum", lambda: checks.probability_rows([0.2, 0.9]), "sums to 1.1"),
            Bad("sum", lambda: checks.probability_rows([[0.5, 0.5], [0.4, 0.4]]), "row 1 sums to 0.8"),
            Bad("range", lambda: checks.probability_rows([1.2, -0.2]), "contains 1.2"),
            Bad("shape", lambda: checks.probability_rows([[[0.5, 0.5]]]), "has shape (1, 1, 2)"),
            Bad("shape", lambda: checks.probability_rows([1.0]), "has 1 class"),
            Bad("nan", lambda: checks.probability_rows(torch.tensor([nan, 1.0])), "contains NaN"),
            Bad("empty", lambda: checks.probability_rows(np.zeros((0, 3))), "is empty"),
            Bad("scale", lambda: checks.probability_rows([0.5, 0.5], tol=-1e-6), "tol: is -1e-06"),
            Bad("scale", lambda: checks.probability_rows([0.5, 0.5], tol=nan), "tol: is nan"),
        ],
        "class_labels": [
            Bad("label", lambda: checks.class_labels([3], 3), "label 3 is out of range"),
            Bad("label", lambda: checks.class_labels([-1], 3), "label -1 is out of range"),
            Bad("type", lambda: checks.class_labels([0.5], 3), "integer class indices"),
            Bad("type", lambda: checks.class_labels([True], 3), "integer class indices"),
            Bad("nan", lambda: checks.class_labels([nan], 3), "integer class indices"),
            Bad("shape", lambda: checks.class_labels([[0, 1]], 3), "has shape (1, 2)"),
            Bad("empty", lambda: checks.class_labels([], 3), "is empty"),
            Bad("count", lambda: checks.class_labels([0, 1], 3, count=3), "has 2 labels"),
        ],
        "positive_scale": [
            Bad("scale", lambda: checks.positive_scale(0.0), "is 0"),
            Bad("scale", lambda: checks.positive_scale(-2.5), "is -2.5"),
            Bad("nan", lambda: checks.positive_scale(nan), "contains NaN"),
            Bad("range", lambda: checks.positive_scale(inf), "contains infinity"),
            Bad("shape", lambda: checks.positive_scale([1.0, 2.0]), "a single number"),
            Bad("empty", lambda: checks.positive_scale([]), "is empty"),
        ],
    },
    "nll": {
        "one_hot": [
            Bad("label", lambda: nll_module.one_hot(4, 4), "label 4 is out of range"),
            Bad("label", lambda: nll_module.one_hot(-1, 4), "label -1 is out of range"),
            Bad("type", lambda: nll_module.one_hot(1.5, 4), "integer class indices"),
            Bad("nan", lambda: nll_module.one_hot(nan, 4), "integer class indices"),
            Bad("shape", lambda: nll_module.one_hot([1, 2], 4), "has 2 labels"),
            Bad("scale", lambda: nll_module.one_hot(0, 1), "num_classes: is 1"),
            Bad("type", lambda: nll_module.one_hot(0, 2.5), "num_classes: is 2.5"),
        ],
        "label_likelihood": [
            Bad("range", lambda: nll_module.label_likelihood([1.2, -0.2], 0), "contains 1.2"),
            Bad("sum", lambda: nll_module.label_likelihood([0.2, 0.9], 0), "sums to 1.1"),
            Bad("label", lambda: nll_module.label_likelihood(P, 4), "label 4 is out of range"),
            Bad("nan", lambda: nll_module.label_likelihood([nan, 1.0], 0), "contains NaN"),
            Bad("shape", lambda: nll_module.label_likelihood(BATCH, 0), "has 2 rows"),
            Bad("empty", lambda: nll_module.label_likelihood([], 0), "is empty"),
        ],
        "nll": [
            Bad("range", lambda: nll_module.nll([1.2, -0.2], 0), "contains 1.2"),
            Bad("sum", lambda: nll_module.nll([0.2, 0.9], 0), "sums to 1.1"),
            Bad("label", lambda: nll_module.nll(P, 4), "label 4 is out of range"),
            Bad("nan", lambda: nll_module.nll([nan, 1.0], 0), "contains NaN"),
            Bad("shape", lambda: nll_module.nll(BATCH, 3), "has 2 rows"),
            Bad("shape", lambda: nll_module.nll([[[0.5, 0.5]]], 0), "has shape (1, 1, 2)"),
            Bad("empty", lambda: nll_module.nll([], 0), "is empty"),
        ],
        "mean_nll": [
            Bad("range", lambda: nll_module.mean_nll([[1.2, -0.2]], [0]), "contains 1.2"),
            Bad("sum", lambda: nll_module.mean_nll([[0.5, 0.5], [0.2, 0.9]], [0, 1]), "row 1 sums to 1.1"),
            Bad("label", lambda: nll_module.mean_nll(BATCH, [3, 4]), "label 4 is out of range"),
            Bad("count", lambda: nll_module.mean_nll(BATCH, [0, 1, 2]), "has 3 labels, expected 2"),
            Bad("nan", lambda: nll_module.mean_nll([[nan, 1.0]], [0]), "contains NaN"),
            Bad("shape", lambda: nll_module.mean_nll(BATCH, [[0], [1]]), "has shape (2, 1)"),
            Bad("empty", lambda: nll_module.mean_nll([], []), "is empty"),
            Bad("empty", lambda: nll_module.mean_nll(BATCH, []), "is empty"),
        ],
        "mean_nll_torch": [
            Bad("range", lambda: nll_module.mean_nll_torch(torch.tensor([[1.2, -0.2]]), torch.tensor([0])), "contains 1.2"),
            Bad("sum", lambda: nll_module.mean_nll_torch(torch.tensor([[0.5, 0.6]]), torch.tensor([0])), "sums to 1.1"),
            Bad("label", lambda: nll_module.mean_nll_torch(T, torch.tensor([0, 4])), "label 4 is out of range"),
            Bad("count", lambda: nll_module.mean_nll_torch(T, torch.tensor([0])), "has 1 labels, expected 2"),
            Bad("nan", lambda: nll_module.mean_nll_torch(torch.tensor([[nan, 0.5]]), torch.tensor([0])), "contains NaN"),
            Bad("type", lambda: nll_module.mean_nll_torch(T, torch.tensor([0.0, 0.5])), "integer class indices"),
            Bad("shape", lambda: nll_module.mean_nll_torch(T.reshape(1, 2, 4), torch.tensor([0])), "has shape (1, 2, 4)"),
            Bad("empty", lambda: nll_module.mean_nll_torch(torch.ones(0, 3), torch.tensor([], dtype=torch.long)), "is empty"),
        ],
        "product_vs_log_sum": [
            Bad("range", lambda: nll_module.product_vs_log_sum(0.0, 10), "probability: is 0.0"),
            Bad("range", lambda: nll_module.product_vs_log_sum(1.5, 10), "probability: is 1.5"),
            Bad("nan", lambda: nll_module.product_vs_log_sum(nan, 10), "probability: is nan"),
            Bad("shape", lambda: nll_module.product_vs_log_sum([0.5], 10), "probability: is [0.5]"),
            Bad("count", lambda: nll_module.product_vs_log_sum(0.5, 0), "count: is 0"),
            Bad("type", lambda: nll_module.product_vs_log_sum(0.5, 2.5), "count: is 2.5"),
            Bad("type", lambda: nll_module.product_vs_log_sum(0.5, True), "count: is True"),
        ],
    },
    # One dict per chapter module, e.g. "likelihood": {"normal_pdf": [Bad(...), ...], ...}.
}

CASES = [
    pytest.param(module, function, bad, id=f"{module}.{function}-{bad.kind}-{index}")
    for module, functions in BAD_INPUTS.items()
    for function, bads in functions.items()
    for index, bad in enumerate(bads)
]


def public_functions() -> dict[str, list[str]]:
    """``{module: [function, ...]}``: the reader-facing functions of every snippets module that take arguments."""
    figures = set(registered_figures().values())
    found: dict[str, list[str]] = {}
    for info in sorted(pkgutil.iter_modules(snippets.__path__), key=lambda m: m.name):
        if info.name in BUILD_MODULES or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"snippets.{info.name}")
        names = [
            name for name, function in inspect.getmembers(module, inspect.isfunction)
            if function.__module__ == module.__name__ and not name.startswith("_")
            and function not in figures and inspect.signature(function).parameters
        ]
        found[info.name] = sorted(names)
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
        "public functions without at least two bad inputs in BAD_INPUTS (tests/test_bad_input.py): "
        + ", ".join(missing)
    )


def test_the_table_names_only_existing_public_functions():
    public = public_functions()
    stale = [f"{module}.{name}" for module, functions in BAD_INPUTS.items() for name in functions
             if name not in public.get(module, [])]
    assert not stale, f"BAD_INPUTS lists functions that are not public functions of snippets: {stale}"


def test_every_promised_kind_of_bad_input_is_tried():
    tried = {bad.kind for functions in BAD_INPUTS.values() for bads in functions.values() for bad in bads}
    promised = {"shape", "label", "range", "sum", "nan", "empty", "scale"}
    assert promised <= tried, f"kinds of bad input never tried: {sorted(promised - tried)}"
