"""Tests of snippets/nll.py: worked numbers, agreement with PyTorch, bad input, the prose."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.nll import (
    label_likelihood,
    log_curves_figure,
    log_of_tiny,
    mean_nll,
    mean_nll_torch,
    nll,
    one_hot,
    product_vs_log_sum,
)
from tests.sitetools import page_source

PROBS = [0.1, 0.3, 0.5, 0.1]

# Exact values from ../shared/WORKED_NUMBERS.md (computed independently of this code).
ORACLE_NLL_4TH = 2.302585092994046
ORACLE_NLL_3RD = 0.6931471805599453
ORACLE_LN_1E_100 = -230.25850929940458


def test_likelihood_is_the_one_hot_dot_product():
    assert label_likelihood(PROBS, 3) == pytest.approx(0.1, abs=1e-15)
    assert label_likelihood(PROBS, 2) == pytest.approx(0.5, abs=1e-15)
    assert np.dot(one_hot(3, 4), PROBS) == label_likelihood(PROBS, 3)


def test_worked_nll_values_match_the_oracle():
    assert nll(PROBS, 3) == pytest.approx(ORACLE_NLL_4TH, rel=1e-15)
    assert nll(PROBS, 2) == pytest.approx(ORACLE_NLL_3RD, rel=1e-15)
    assert nll(PROBS, 3) == pytest.approx(math.log(10), rel=1e-15)
    assert log_of_tiny() == pytest.approx(ORACLE_LN_1E_100, rel=1e-15)


def test_zero_probability_for_the_truth_is_an_infinite_loss():
    assert nll([0.0, 1.0], 0) == math.inf
    assert mean_nll([[0.0, 1.0], [0.5, 0.5]], [0, 1]) == math.inf
    assert mean_nll_torch(torch.tensor([[0.0, 1.0]]), torch.tensor([0])).item() == math.inf


def test_certain_correct_prediction_costs_nothing():
    assert nll([0.0, 0.0, 1.0], 2) == 0.0


@pytest.mark.parametrize("seed", range(20))
def test_numpy_and_torch_agree_with_torch_nll_loss(seed):
    generator = torch.Generator().manual_seed(seed)
    batch = int(torch.randint(1, 64, (1,), generator=generator))
    classes = int(torch.randint(2, 30, (1,), generator=generator))
    logits = torch.randn(batch, classes, generator=generator, dtype=torch.float64) * 3
    probs = torch.softmax(logits, dim=1)
    labels = torch.randint(0, classes, (batch,), generator=generator)

    expected = F.nll_loss(torch.log(probs), labels).item()
    assert mean_nll(probs.numpy(), labels.numpy()) == pytest.approx(expected, rel=1e-12, abs=1e-12)
    assert mean_nll_torch(probs, labels).item() == pytest.approx(expected, rel=1e-12, abs=1e-12)


def test_torch_version_is_differentiable_and_its_gradient_is_right():
    probs = torch.tensor([[0.1, 0.3, 0.5, 0.1], [0.25, 0.25, 0.25, 0.25]], dtype=torch.float64, requires_grad=True)
    loss = mean_nll_torch(probs, torch.tensor([3, 0]))
    loss.backward()
    # d/dp of -(ln p_true)/N is -1/(N p_true) at the true class and 0 elsewhere.
    expected = torch.zeros_like(probs)
    expected[0, 3] = -1 / (2 * 0.1)
    expected[1, 0] = -1 / (2 * 0.25)
    torch.testing.assert_close(probs.grad, expected)


def test_float32_softmax_rows_are_accepted():
    probs = torch.softmax(torch.randn(500, 10, generator=torch.Generator().manual_seed(0)), dim=1)
    assert math.isfinite(mean_nll_torch(probs, torch.zeros(500, dtype=torch.long)).item())


def test_products_underflow_and_log_sums_do_not():
    product, log_sum = product_vs_log_sum(0.01, 200)
    assert product == 0.0
    assert log_sum == pytest.approx(200 * math.log(0.01), rel=1e-12)
    assert log_sum == pytest.approx(-921.0340371976183, rel=1e-12)


# The "Bad input" table of docs/nll.md: each row's input and the message it documents.
BAD_INPUT_TABLE = [
    (lambda: nll([1.2, -0.2], 0), "contains 1.2, expected probabilities in [0, 1]"),
    (lambda: nll([0.2, 0.9], 0), "row 0 sums to 1.1, expected 1 (within 1e-06)"),
    (lambda: nll(PROBS, 4), "label 4 is out of range, expected 0 <= label < 4"),
    (lambda: mean_nll([PROBS, PROBS], [0, 1, 2]), "has 3 labels, expected 2 (one per row of probabilities)"),
    (lambda: nll([math.nan, 1.0], 0), "contains NaN at index (0,), expected real numbers"),
]


@pytest.mark.parametrize("call, message", BAD_INPUT_TABLE)
def test_documented_bad_input_raises_the_documented_message(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()
    assert message in page_source("nll.md")


@pytest.mark.parametrize(
    "call",
    [
        lambda: mean_nll([], []),
        lambda: mean_nll([[0.5, 0.5]], [0.5]),
        lambda: mean_nll([[0.5, 0.5]], [[0]]),
        lambda: mean_nll([[[0.5, 0.5]]], [0]),
        lambda: mean_nll([[1.0]], [0]),
        lambda: mean_nll([[0.5, 0.5]], [-1]),
        lambda: mean_nll([["a", "b"]], [0]),
        lambda: mean_nll_torch(torch.tensor([[0.5, 0.6]]), torch.tensor([0])),
        lambda: mean_nll_torch(torch.tensor([[0.5, 0.5]]), torch.tensor([2])),
        lambda: mean_nll_torch(torch.tensor([[math.nan, 0.5]]), torch.tensor([0])),
        lambda: one_hot(1, 1),
        lambda: one_hot(True, 4),
        lambda: product_vs_log_sum(0.0, 10),
        lambda: product_vs_log_sum(0.5, 0),
    ],
)
def test_other_bad_input_raises_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_figure_marks_both_worked_points():
    fig = log_curves_figure()
    left, right = fig.axes
    marked = sorted((round(line.get_xdata()[0], 3), round(line.get_ydata()[0], 4))
                    for line in right.get_lines() if len(line.get_xdata()) == 1)
    assert marked == [(0.1, round(ORACLE_NLL_4TH, 4)), (0.5, round(ORACLE_NLL_3RD, 4))]
    assert left.get_lines()[0].get_ydata().max() == pytest.approx(0.0)


# --- Bad input ---

from snippets import nll as nll_module  # noqa: E402
from tests.badinput import (  # noqa: E402,F401
    BATCH, DATA, LOG_HALVES, LOGITS, P, SCRATCH, T, Bad, inf, nan, word_file,
)

#: Bad input for every public function of snippets/nll.py (run by tests/test_bad_input.py).
BAD_INPUTS = {
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
}
