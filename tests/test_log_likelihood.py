"""Tests of snippets/log_likelihood.py: the two routes to a log, underflow, stable softmax, the Gaussian log-density."""

from __future__ import annotations

import math
import re
import warnings

import numpy as np
import pytest
import torch
from torch.distributions import Normal

from snippets.likelihood import A, B, five_points
from snippets.log_likelihood import (
    first_unequal_triple,
    log_likelihood,
    log_likelihood_of_mu_figure,
    log_likelihood_torch,
    log_sum_exp,
    log_two_ways,
    naive_softmax,
    normal_log_pdf,
    product_and_log_sum,
    product_and_log_sum_torch,
    same_up_to_rounding,
    stable_softmax,
    stable_softmax_torch,
)
from tests.sitetools import page_source, run_page_doctests

# Exact values from ../shared/WORKED_NUMBERS.md (computed independently of this code).
SOURCE_LOG_SUM = -11.800607681274414
HALVES_PRODUCT_F64 = 9.332636185032189e-302
HALVES_LOG_SUM = -693.1471805599454
STABLE_SOFTMAX = [0.09003057, 0.24472847, 0.66524096]
LOG_LIKELIHOOD_A, LOG_LIKELIHOOD_B = -14.1718, -17.4626
DATA = torch.tensor([48.82923313, 49.30867849, 52.48357077, 53.23844269, 57.61514928], dtype=torch.float64)


def f32(x: float) -> np.float32:
    return np.float32(x)


def test_the_articles_three_probabilities():
    assert math.prod([0.015, 0.05, 0.01]) == pytest.approx(7.5e-06, rel=1e-15)
    log_of_product, sum_of_logs = log_two_ways([0.015, 0.05, 0.01])
    assert sum_of_logs == SOURCE_LOG_SUM
    assert log_of_product == SOURCE_LOG_SUM
    assert log_of_product == float(f32(math.log(7.5e-06)))  # ln, correctly rounded to float32


def test_the_first_triple_that_breaks_equality_and_its_two_values():
    triple = first_unequal_triple()
    assert triple == (0.01, 0.01, 0.02)
    # Independent of the code: float64 logs rounded to float32, then IEEE float32 additions.
    expected_log_of_product = float(f32(math.log(0.01 * 0.01 * 0.02)))
    expected_sum = float(f32(f32(f32(math.log(0.01)) + f32(math.log(0.01))) + f32(math.log(0.02))))
    assert log_two_ways(triple) == (expected_log_of_product, expected_sum)
    assert expected_log_of_product != expected_sum
    # One float32 step apart, and both close to the exact value.
    assert abs(expected_log_of_product - expected_sum) == pytest.approx(2.0**-20)
    assert same_up_to_rounding(*log_two_ways(triple))
    assert math.isclose(expected_sum, math.log(2e-6), rel_tol=1e-6)


def test_no_earlier_triple_breaks_equality():
    """The search is in order: (0.01, 0.01, 0.01) is the only triple before (0.01, 0.01, 0.02)."""
    log_of_product, sum_of_logs = log_two_ways([0.01, 0.01, 0.01])
    assert log_of_product == sum_of_logs


def test_the_tolerance_separates_rounding_from_real_differences():
    assert same_up_to_rounding(1.0, 1.0 + 5e-7)
    assert not same_up_to_rounding(1.0, 1.001)
    assert not same_up_to_rounding(-13.12, -13.13)
    assert torch.isclose(torch.tensor(-13.122363090515137), torch.tensor(-13.122364044189453))


@pytest.mark.parametrize("product_and_log_sum_fn, f32_type, f64_type", [
    (product_and_log_sum, np.float32, np.float64),
    (product_and_log_sum_torch, torch.float32, torch.float64),
])
def test_a_thousand_halves_underflow_in_float32_not_in_float64(product_and_log_sum_fn, f32_type, f64_type):
    product32, log_sum32 = product_and_log_sum_fn(0.5, 1000, f32_type)
    product64, log_sum64 = product_and_log_sum_fn(0.5, 1000, f64_type)
    assert product32 == 0.0
    assert product64 == HALVES_PRODUCT_F64 == 2.0**-1000
    assert log_sum64 == pytest.approx(HALVES_LOG_SUM, rel=1e-15)
    assert log_sum64 == pytest.approx(1000 * math.log(0.5), rel=1e-15)
    assert log_sum32 == pytest.approx(HALVES_LOG_SUM, rel=1e-6)
    assert log_sum32 != log_sum64  # float32 rounding accumulates over a thousand additions


def test_naive_softmax_gives_nan_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = naive_softmax([1000, 1001, 1002])
    assert np.isnan(result).all() and result.shape == (3,)
    assert math.exp(709) < math.inf  # e^709 fits in a float64, e^710 does not
    with pytest.raises(OverflowError):
        math.exp(710)


def test_stable_softmax_of_the_large_logits():
    expected = [math.exp(k) / (1 + math.e + math.e**2) for k in (0, 1, 2)]
    np.testing.assert_allclose(stable_softmax([1000, 1001, 1002]), expected, rtol=1e-13)
    np.testing.assert_allclose(stable_softmax([1000, 1001, 1002]), STABLE_SOFTMAX, atol=5e-9)
    assert log_sum_exp([1000, 1001, 1002]) == pytest.approx(1002 + math.log(1 + math.exp(-1) + math.exp(-2)), rel=1e-15)


@pytest.mark.parametrize("seed", range(10))
def test_stable_softmax_and_log_sum_exp_agree_with_torch(seed):
    generator = torch.Generator().manual_seed(seed)
    scale = [1.0, 10.0, 500.0, 2000.0][seed % 4]
    logits = torch.randn(4, 7, generator=generator, dtype=torch.float64) * scale
    expected = torch.softmax(logits, dim=-1)
    np.testing.assert_allclose(stable_softmax(logits.numpy()), expected.numpy(), rtol=1e-12, atol=1e-300)
    torch.testing.assert_close(stable_softmax_torch(logits), expected, rtol=1e-12, atol=1e-300)
    assert log_sum_exp(logits[0].numpy()) == pytest.approx(torch.logsumexp(logits[0], dim=0).item(), rel=1e-14)


def test_the_shift_is_exact():
    z = np.array([0.3, -1.2, 2.5, 0.0])
    for shift in (-50.0, 3.0, 700.0):
        np.testing.assert_allclose(stable_softmax(z + shift), stable_softmax(z), rtol=1e-12)
    np.testing.assert_allclose(stable_softmax(z), naive_softmax(z), rtol=1e-14)  # where naive is safe


@pytest.mark.parametrize("seed", range(5))
def test_normal_log_pdf_agrees_with_torch_log_prob(seed):
    generator = np.random.default_rng(100 + seed)
    mu, sigma = generator.normal(0, 30), generator.uniform(0.01, 20)
    x = generator.normal(mu, 5 * sigma, 100)
    expected = Normal(torch.tensor(mu, dtype=torch.float64), torch.tensor(sigma, dtype=torch.float64)).log_prob(torch.tensor(x))
    np.testing.assert_allclose(normal_log_pdf(x, mu, sigma), expected.numpy(), rtol=1e-12, atol=1e-12)


def test_log_likelihood_of_the_five_points_under_a_and_b():
    assert log_likelihood(five_points(), *A) == pytest.approx(LOG_LIKELIHOOD_A, abs=5e-5)
    assert log_likelihood(five_points(), *B) == pytest.approx(LOG_LIKELIHOOD_B, abs=5e-5)
    assert log_likelihood(five_points(), *A) == pytest.approx(math.log(7.002857954726396e-07), rel=1e-12)
    assert log_likelihood_torch(five_points(), *A).item() == pytest.approx(math.log(7.002857954726396e-07), rel=1e-12)


def test_log_likelihood_torch_has_the_analytic_gradient():
    mu = torch.tensor(50.0, dtype=torch.float64, requires_grad=True)
    sigma = torch.tensor(5.0, dtype=torch.float64, requires_grad=True)
    log_likelihood_torch(five_points(), mu, sigma).backward()
    x = five_points()
    # d/dmu = sum(x - mu) / sigma^2 ; d/dsigma = -n / sigma + sum((x - mu)^2) / sigma^3
    assert mu.grad.item() == pytest.approx(float(np.sum(x - 50) / 25), rel=1e-12)
    assert sigma.grad.item() == pytest.approx(float(-5 / 5 + np.sum((x - 50) ** 2) / 125), rel=1e-12)


def test_figure_peaks_at_the_sample_mean_and_marks_a():
    left, right = log_likelihood_of_mu_figure().axes
    curve = right.get_lines()[0]
    mus, values = curve.get_xdata(), curve.get_ydata()
    assert mus[np.argmax(values)] == pytest.approx(DATA.mean().item(), abs=0.1)
    assert left.get_lines()[0].get_xdata()[np.argmax(left.get_lines()[0].get_ydata())] == mus[np.argmax(values)]
    a_marker = [line for line in right.get_lines() if line.get_marker() == "o"][0]
    assert (a_marker.get_xdata()[0], round(a_marker.get_ydata()[0], 4)) == (50.0, LOG_LIKELIHOOD_A)


# The "Bad input" table of docs/log-likelihood.md: each row's call and the message it documents.
BAD_INPUT_TABLE = [
    (lambda: log_two_ways([0.5, 1.5]), "probs: contains 1.5, expected probabilities in [0, 1]"),
    (lambda: log_two_ways([0.5, 0.0]), "probs: contains 0, expected probabilities in (0, 1]"),
    (lambda: stable_softmax([1.0, math.nan]), "logits: contains NaN at index (1,), expected real numbers"),
    (lambda: log_likelihood(five_points(), 50, -5), "sigma: is -5, expected a positive number"),
]


@pytest.mark.parametrize("call, message", BAD_INPUT_TABLE)
def test_documented_bad_input_raises_the_documented_message(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()
    assert f"`{message}`" in page_source("log-likelihood.md")


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: log_two_ways([]), "probs: is empty"),
        (lambda: log_two_ways([-0.1, 0.5]), "probs: contains -0.1"),
        (lambda: product_and_log_sum(1.5, 10), "p: contains 1.5"),
        (lambda: product_and_log_sum(0.5, 0), "count: is 0"),
        (lambda: product_and_log_sum_torch(math.nan, 3), "p: contains NaN"),
        (lambda: product_and_log_sum_torch(0.5, 2.5), "count: is 2.5"),
        (lambda: naive_softmax([]), "logits: is empty"),
        (lambda: log_sum_exp([math.inf, 1.0]), "logits: contains infinity"),
        (lambda: stable_softmax_torch(torch.tensor([math.nan])), "logits: contains NaN"),
        (lambda: same_up_to_rounding(1.0, math.nan), "b: contains NaN"),
        (lambda: same_up_to_rounding(1.0, 1.0, rel_tol=0), "rel_tol: is 0"),
        (lambda: first_unequal_triple(0), "step: is 0"),
        (lambda: normal_log_pdf([], 0, 1), "x: is empty"),
        (lambda: log_likelihood([], 0, 1), "data: is empty"),
        (lambda: log_likelihood([1.0], math.nan, 1), "mu: contains NaN"),
        (lambda: log_likelihood_torch([1.0], 0.0, torch.tensor(0.0)), "sigma: is 0"),
    ],
)
def test_other_bad_input_raises_value_error(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()


def test_the_doctests_of_the_functions_the_page_defines_pass():
    """The page's blocks run in order (warnings as errors), then the examples of its docstrings pass."""
    result = run_page_doctests("log-likelihood.md")
    assert result.returncode == 0, f"docs/log-likelihood.md:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    assert "doctest examples passed" in result.stdout


# --- Bad input ---

from snippets import log_likelihood as log_likelihood_module  # noqa: E402
from tests.badinput import (  # noqa: E402,F401
    BATCH, DATA, LOG_HALVES, LOGITS, P, SCRATCH, T, Bad, inf, nan, word_file,
)

#: Bad input for every public function of snippets/log_likelihood.py (run by tests/test_bad_input.py).
BAD_INPUTS = {
    "log_two_ways": [
        Bad("range", lambda: log_likelihood_module.log_two_ways([0.5, 1.5]), "probs: contains 1.5"),
        Bad("range", lambda: log_likelihood_module.log_two_ways([0.5, 0.0]), "probs: contains 0, expected probabilities in (0, 1]"),
        Bad("nan", lambda: log_likelihood_module.log_two_ways([nan]), "probs: contains NaN"),
        Bad("empty", lambda: log_likelihood_module.log_two_ways([]), "probs: is empty"),
        Bad("shape", lambda: log_likelihood_module.log_two_ways([[0.5, 0.5]]), "probs: has shape (1, 2)"),
    ],
    "same_up_to_rounding": [
        Bad("nan", lambda: log_likelihood_module.same_up_to_rounding(nan, 1.0), "a: contains NaN"),
        Bad("range", lambda: log_likelihood_module.same_up_to_rounding(1.0, inf), "b: contains infinity"),
        Bad("scale", lambda: log_likelihood_module.same_up_to_rounding(1.0, 1.0, rel_tol=0), "rel_tol: is 0"),
        Bad("shape", lambda: log_likelihood_module.same_up_to_rounding([1.0, 2.0], 1.0), "a: expected a single number"),
    ],
    "first_unequal_triple": [
        Bad("range", lambda: log_likelihood_module.first_unequal_triple(0), "step: is 0.0"),
        Bad("range", lambda: log_likelihood_module.first_unequal_triple(1.5), "step: is 1.5"),
        Bad("nan", lambda: log_likelihood_module.first_unequal_triple(nan), "step: contains NaN"),
        Bad("type", lambda: log_likelihood_module.first_unequal_triple("0.01"), "step: expected real numbers"),
    ],
    "product_and_log_sum": [
        Bad("count", lambda: log_likelihood_module.product_and_log_sum(0.5, 0), "count: is 0"),
        Bad("type", lambda: log_likelihood_module.product_and_log_sum(0.5, True), "count: is True"),
        Bad("range", lambda: log_likelihood_module.product_and_log_sum(1.5, 10), "p: contains 1.5"),
        Bad("nan", lambda: log_likelihood_module.product_and_log_sum(nan, 10), "p: contains NaN"),
        Bad("shape", lambda: log_likelihood_module.product_and_log_sum([0.5, 0.5], 3), "p: expected a single number"),
        Bad("type", lambda: log_likelihood_module.product_and_log_sum(0.5, 3, np.int64), "dtype: is <class 'numpy.int64'>"),
    ],
    "product_and_log_sum_torch": [
        Bad("count", lambda: log_likelihood_module.product_and_log_sum_torch(0.5, -3), "count: is -3"),
        Bad("type", lambda: log_likelihood_module.product_and_log_sum_torch(0.5, True), "count: is True"),
        Bad("range", lambda: log_likelihood_module.product_and_log_sum_torch(-0.1, 10), "p: contains -0.1"),
        Bad("shape", lambda: log_likelihood_module.product_and_log_sum_torch([0.5, 0.2], 3), "p: expected a single number"),
        Bad("type", lambda: log_likelihood_module.product_and_log_sum_torch(0.5, 3, torch.int64), "dtype: is torch.int64"),
    ],
    "naive_softmax": [
        Bad("nan", lambda: log_likelihood_module.naive_softmax([1.0, nan]), "logits: contains NaN at index (1,)"),
        Bad("range", lambda: log_likelihood_module.naive_softmax([inf, 1.0]), "logits: contains infinity"),
        Bad("empty", lambda: log_likelihood_module.naive_softmax([]), "logits: is empty"),
        Bad("shape", lambda: log_likelihood_module.naive_softmax(3.0), "logits: is a single number"),
    ],
    "stable_softmax": [
        Bad("nan", lambda: log_likelihood_module.stable_softmax([1.0, nan]), "logits: contains NaN at index (1,)"),
        Bad("range", lambda: log_likelihood_module.stable_softmax([1.0, -inf]), "logits: contains infinity"),
        Bad("empty", lambda: log_likelihood_module.stable_softmax(np.zeros((2, 0))), "logits: is empty"),
        Bad("shape", lambda: log_likelihood_module.stable_softmax(3.0), "logits: is a single number"),
    ],
    "log_sum_exp": [
        Bad("nan", lambda: log_likelihood_module.log_sum_exp([nan]), "logits: contains NaN"),
        Bad("range", lambda: log_likelihood_module.log_sum_exp([-inf, 0.0]), "logits: contains infinity"),
        Bad("empty", lambda: log_likelihood_module.log_sum_exp([]), "logits: is empty"),
        Bad("shape", lambda: log_likelihood_module.log_sum_exp([[1.0, 2.0], [3.0, 4.0]]), "logits: has shape (2, 2)"),
    ],
    "stable_softmax_torch": [
        Bad("nan", lambda: log_likelihood_module.stable_softmax_torch(torch.tensor([nan, 1.0])), "logits: contains NaN"),
        Bad("range", lambda: log_likelihood_module.stable_softmax_torch(torch.tensor([inf, 1.0])), "logits: contains infinity"),
        Bad("empty", lambda: log_likelihood_module.stable_softmax_torch(torch.tensor([])), "logits: is empty"),
        Bad("shape", lambda: log_likelihood_module.stable_softmax_torch(torch.tensor(3.0)), "logits: is a single number"),
    ],
    "normal_log_pdf": [
        Bad("scale", lambda: log_likelihood_module.normal_log_pdf([50.0], 50, 0), "sigma: is 0"),
        Bad("empty", lambda: log_likelihood_module.normal_log_pdf([], 50, 5), "x: is empty"),
        Bad("nan", lambda: log_likelihood_module.normal_log_pdf([nan], 50, 5), "x: contains NaN"),
        Bad("shape", lambda: log_likelihood_module.normal_log_pdf([50.0], [50, 45], 5), "mu: expected a single number"),
    ],
    "log_likelihood": [
        Bad("scale", lambda: log_likelihood_module.log_likelihood(DATA, 50, -5), "sigma: is -5"),
        Bad("empty", lambda: log_likelihood_module.log_likelihood([], 50, 5), "data: is empty"),
        Bad("nan", lambda: log_likelihood_module.log_likelihood([1.0], nan, 1), "mu: contains NaN"),
        Bad("shape", lambda: log_likelihood_module.log_likelihood([DATA, DATA], 50, 5), "data: has shape (2, 5)"),
    ],
    "log_likelihood_torch": [
        Bad("scale", lambda: log_likelihood_module.log_likelihood_torch(DATA, 50.0, torch.tensor(0.0)), "sigma: is 0"),
        Bad("scale", lambda: log_likelihood_module.log_likelihood_torch(
            DATA, 50.0, torch.tensor(-1.0, dtype=torch.float64, requires_grad=True)), "sigma: is -1"),
        Bad("nan", lambda: log_likelihood_module.log_likelihood_torch(
            DATA, torch.tensor(nan, requires_grad=True), 5.0), "mu: contains NaN"),
        Bad("empty", lambda: log_likelihood_module.log_likelihood_torch([], 50.0, 5.0), "data: is empty"),
        Bad("shape", lambda: log_likelihood_module.log_likelihood_torch(DATA, torch.tensor([50.0, 45.0]), 5.0),
            "mu: expected a single number"),
    ],
}
