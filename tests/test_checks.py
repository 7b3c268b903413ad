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
