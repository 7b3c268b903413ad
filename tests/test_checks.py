"""Tests of snippets/checks.py: each check accepts good input and names what is wrong with bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from snippets.checks import (
    SUM_TOLERANCE,
    as_float_array,
    class_labels,
    finite_array,
    positive_scale,
    probabilities,
    probability_rows,
)


def test_good_input_comes_back_as_float64_arrays():
    rows = probability_rows(torch.tensor([0.25, 0.75], requires_grad=True))
    assert rows.dtype == np.float64 and rows.shape == (1, 2)
    assert class_labels(np.int32(2), 3).tolist() == [2]
    assert class_labels([1.0, 0.0], 2).dtype == np.int64
    assert positive_scale(2) == 2.0
    assert finite_array([], "x", allow_empty=True).size == 0


def test_row_sum_tolerance_is_the_documented_one():
    probability_rows([0.5, 0.5 + 0.9 * SUM_TOLERANCE])
    with pytest.raises(ValueError, match="sums to"):
        probability_rows([0.5, 0.5 + 2 * SUM_TOLERANCE])


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: as_float_array([1.0, math.nan], "x"), "x: contains NaN at index (1,)"),
        (lambda: as_float_array(["a"], "x"), "x: expected real numbers"),
        (lambda: as_float_array([True], "x"), "x: expected real numbers, got dtype bool"),
        (lambda: finite_array([], "x"), "x: is empty"),
        (lambda: finite_array([math.inf], "x"), "x: contains infinity"),
        (lambda: probabilities([0.5, 1.5], "p"), "p: contains 1.5, expected probabilities in [0, 1]"),
        (lambda: probabilities([], "p"), "p: is empty"),
        (lambda: probability_rows([[[0.5, 0.5]]]), "expected (C,) or (N, C)"),
        (lambda: probability_rows([1.0]), "expected at least 2 classes"),
        (lambda: probability_rows([[0.5, 0.5], [0.4, 0.4]]), "row 1 sums to 0.8"),
        (lambda: class_labels([3], 3), "label 3 is out of range, expected 0 <= label < 3"),
        (lambda: class_labels([-1], 3), "label -1 is out of range"),
        (lambda: class_labels([0.5], 3), "expected integer class indices"),
        (lambda: class_labels([[0]], 3), "expected a 1-D sequence"),
        (lambda: class_labels([], 3), "is empty"),
        (lambda: class_labels([0, 1], 3, count=3), "has 2 labels, expected 3"),
        (lambda: positive_scale(0.0), "sigma: is 0, expected a positive number"),
        (lambda: positive_scale(-1.0, "scale"), "scale: is -1, expected a positive number"),
        (lambda: positive_scale([1.0, 2.0]), "expected a single number"),
        (lambda: positive_scale(math.nan), "contains NaN"),
    ],
)
def test_bad_input_names_the_problem(call, message):
    with pytest.raises(ValueError) as raised:
        call()
    assert message in str(raised.value)


# --- Bad input ---

from snippets import checks  # noqa: E402
from tests.badinput import (  # noqa: E402,F401
    BATCH, DATA, LOG_HALVES, LOGITS, P, SCRATCH, T, Bad, inf, nan, word_file,
)

#: Bad input for every public function of snippets/checks.py (run by tests/test_bad_input.py).
BAD_INPUTS = {
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
    "finite_number": [
        Bad("nan", lambda: checks.finite_number(nan, "mu"), "mu: contains NaN"),
        Bad("range", lambda: checks.finite_number(-inf, "mu"), "mu: contains infinity"),
        Bad("shape", lambda: checks.finite_number([1.0, 2.0], "mu"), "got shape (2,)"),
        Bad("type", lambda: checks.finite_number(True, "mu"), "got dtype bool"),
        Bad("empty", lambda: checks.finite_number([], "mu"), "mu: is empty"),
    ],
    "ordered_interval": [
        Bad("range", lambda: checks.ordered_interval(3, 1), "low: is 3, greater than high = 1"),
        Bad("range", lambda: checks.ordered_interval(2, 1, names=("a", "b")), "a: is 2, greater than b = 1"),
        Bad("nan", lambda: checks.ordered_interval(0, nan), "high: contains NaN"),
        Bad("range", lambda: checks.ordered_interval(-inf, 0), "low: contains infinity"),
        Bad("shape", lambda: checks.ordered_interval([0, 1], 2), "low: expected a single number"),
    ],
    "observations": [
        Bad("shape", lambda: checks.observations([[1.0, 2.0], [3.0, 4.0]]), "data: has shape (2, 2)"),
        Bad("empty", lambda: checks.observations([]), "data: is empty"),
        Bad("nan", lambda: checks.observations([1.0, nan]), "data: contains NaN at index (1,)"),
        Bad("range", lambda: checks.observations([inf]), "data: contains infinity"),
        Bad("type", lambda: checks.observations(["a"]), "data: expected real numbers"),
    ],
    "probability": [
        Bad("range", lambda: checks.probability(1.5), "p: contains 1.5"),
        Bad("range", lambda: checks.probability(-0.1), "p: contains -0.1"),
        Bad("nan", lambda: checks.probability(nan), "p: contains NaN"),
        Bad("shape", lambda: checks.probability([0.5, 0.5]), "p: expected a single number, got shape (2,)"),
    ],
    "whole_number": [
        Bad("count", lambda: checks.whole_number(-1, "count"), "count: is -1, expected an integer >= 0"),
        Bad("count", lambda: checks.whole_number(11, "k", high=10), "k: is 11, expected an integer between 0 and 10"),
        Bad("type", lambda: checks.whole_number(2.5, "count"), "count: is 2.5"),
        Bad("type", lambda: checks.whole_number(True, "count"), "count: is True"),
        Bad("nan", lambda: checks.whole_number(nan, "count"), "count: is nan"),
        Bad("count", lambda: checks.whole_number(0, "n", low=1, expected="a positive number of flips"),
            "n: is 0, expected a positive number of flips"),
    ],
    "one_of": [
        Bad("range", lambda: checks.one_of("avg", ("none", "mean", "sum"), "reduction"),
            "reduction: is 'avg', expected one of 'none', 'mean', 'sum'"),
        Bad("range", lambda: checks.one_of("MEAN", ("mean",), "reduction"), "reduction: is 'MEAN'"),
        Bad("type", lambda: checks.one_of(None, ("mean",), "reduction"), "reduction: is None"),
        Bad("type", lambda: checks.one_of(("mean",), ("mean",), "reduction"), "reduction: is ('mean',)"),
    ],
    "number_in_range": [
        Bad("range", lambda: checks.number_in_range(1.5, "eps", 0, 1), "eps: is 1.5, expected a number in [0, 1]"),
        Bad("range", lambda: checks.number_in_range(-0.1, "eps", 0, 1), "eps: is -0.1"),
        Bad("range", lambda: checks.number_in_range(inf, "eps", 0, 1), "eps: is inf"),
        Bad("nan", lambda: checks.number_in_range(nan, "eps", 0, 1), "eps: is nan"),
        Bad("type", lambda: checks.number_in_range(True, "eps", 0, 1), "eps: is True"),
        Bad("type", lambda: checks.number_in_range("0.5", "eps", 0, 1), "eps: is '0.5'"),
        Bad("shape", lambda: checks.number_in_range([0.5], "eps", 0, 1), "eps: is [0.5]"),
    ],
    "label_array": [
        Bad("label", lambda: checks.label_array([[0, 3]], 3), "target: label 3 is out of range, expected 0 <= label < 3"),
        Bad("label", lambda: checks.label_array([-1], 3), "target: label -1 is out of range"),
        Bad("label", lambda: checks.label_array([5, -100], 3, ignore_index=-100),
            "label 5 is out of range, expected 0 <= label < 3 (or the ignore_index -100)"),
        Bad("type", lambda: checks.label_array([0.5], 3), "target: expected integer class indices, got float64 values [0.5]"),
        Bad("type", lambda: checks.label_array([True, False], 3), "target: expected integer class indices, got bool"),
        Bad("nan", lambda: checks.label_array([nan, 0], 3), "target: expected integer class indices"),
        Bad("shape", lambda: checks.label_array([[0, 1]], 3, shape=(2,)), "target: has shape (1, 2), expected (2,)"),
        Bad("empty", lambda: checks.label_array([], 3), "target: is empty"),
    ],
    "distributions": [
        Bad("sum", lambda: checks.distributions([[0.7, 0.7]]),
            "target: probabilities along dim 1 at position (0,) sum to 1.4, expected 1"),
        Bad("sum", lambda: checks.distributions(np.full((1, 2, 3), 0.4)), "at position (0, 0) sum to 0.8"),
        Bad("range", lambda: checks.distributions([[1.5, -0.5]]), "target: contains 1.5"),
        Bad("nan", lambda: checks.distributions([[nan, 1.0]]), "target: contains NaN"),
        Bad("shape", lambda: checks.distributions([0.5, 0.5]), "target: has shape (2,), expected classes along dim 1"),
        Bad("empty", lambda: checks.distributions([]), "target: is empty"),
        Bad("scale", lambda: checks.distributions([[0.5, 0.5]], tol=-1.0), "tol: is -1.0, expected a non-negative number"),
        Bad("scale", lambda: checks.distributions([[0.7, 0.7]], tol=nan), "tol: is nan"),
    ],
    "random_seed": [
        Bad("range", lambda: checks.random_seed(-1), "seed: is -1, expected an integer seed between 0 and 2**64 - 1"),
        Bad("range", lambda: checks.random_seed(2**64), "seed: is 18446744073709551616"),
        Bad("type", lambda: checks.random_seed(1.5), "seed: is 1.5"),
        Bad("type", lambda: checks.random_seed(True), "seed: is True"),
        Bad("nan", lambda: checks.random_seed(nan), "seed: is nan"),
    ],
    "log_distributions": [
        Bad("range", lambda: checks.log_distributions([[0.1, -0.1]]), "input: contains 0.1, expected log-probabilities"),
        Bad("range", lambda: checks.log_distributions([[inf, 0.0]]), "input: contains inf"),
        Bad("sum", lambda: checks.log_distributions([[-1.0, -1.0]]), "sum to 0.735759, expected 1"),
        Bad("nan", lambda: checks.log_distributions([[nan, 0.0]]), "input: contains NaN"),
        Bad("shape", lambda: checks.log_distributions([-0.5]), "input: has shape (1,), expected classes along dim 1"),
        Bad("empty", lambda: checks.log_distributions([]), "input: is empty"),
        Bad("type", lambda: checks.log_distributions([["a", "b"]]), "input: expected real numbers"),
        Bad("scale", lambda: checks.log_distributions([[5.0, -1.0]], tol=nan), "tol: is nan"),
    ],
}
