"""Tests of snippets/log_likelihood.py: two routes to a log, underflow, softmax, Gaussian log-density.

The bad-input table of its functions and checkers is BAD_INPUTS, at the end.
"""

from __future__ import annotations

import math
import re
import warnings

import numpy as np
import pytest
import torch
from torch.distributions import Normal
import inspect

from snippets.log_likelihood import (
    A,
    B,
    as_number,
    as_points,
    as_probs,
    as_sample,
    check,
    check_copies,
    check_normal,
    five_points,
    log_likelihood,
    log_likelihood_of_mu_figure,
    log_likelihood_torch,
    log_sum_exp,
    log_two_ways,
    naive_softmax,
    normal_log_pdf,
    normal_pdf,
    product_and_log_sum,
    product_and_log_sum_torch,
    real_array,
    stable_softmax,
)
from tests.sitetools import run_page_doctests

# Exact values from ../shared/WORKED_NUMBERS.md (computed independently of this code).
SOURCE_LOG_SUM = -11.800607681274414
HALVES_PRODUCT_F64 = 9.332636185032189e-302
HALVES_LOG_SUM = -693.1471805599454
STABLE_SOFTMAX = [0.09003057, 0.24472847, 0.66524096]
LOG_LIKELIHOOD_A, LOG_LIKELIHOOD_B = -14.1718, -17.4626
B_PARAMS = (45.0, 8.0)
HALF_LOG_TWO_PI = 0.5 * math.log(2 * math.pi)
DATA = torch.tensor([48.82923313, 49.30867849, 52.48357077, 53.23844269, 57.61514928], dtype=torch.float64)


def f32(x: float) -> np.float32:
    return np.float32(x)


def test_the_data_are_the_previous_chapters():
    np.testing.assert_allclose(five_points(), DATA.numpy(), rtol=0, atol=5e-9)
    assert A == (50.0, 5.0)
    assert B == B_PARAMS


def test_normal_pdf_is_the_exponential_of_torch_log_prob():
    x = np.linspace(20, 80, 61)
    for mu, sigma in (A, B):
        expected = Normal(torch.tensor(mu, dtype=torch.float64), sigma).log_prob(torch.tensor(x)).exp()
        np.testing.assert_allclose(normal_pdf(x, mu, sigma), expected.numpy(), rtol=1e-13)


def test_math_isclose_needs_a_float32_tolerance_for_the_pair():
    """The page's demo: math.isclose's defaults (rel_tol=1e-9, abs_tol=0) reject the neighbouring float32 pair."""
    a, b = log_two_ways([0.01, 0.01, 0.02])
    assert a != b
    assert not math.isclose(a, b)
    assert math.isclose(a, b, rel_tol=1e-6)
    assert torch.isclose(torch.tensor(a), torch.tensor(b)).item()
    assert str(__import__("inspect").signature(math.isclose)) == "(a, b, *, rel_tol=1e-09, abs_tol=0.0)"
    assert abs(a - b) == 2.0**-20  # one float32 step apart near 13


def test_near_0_a_relative_tolerance_fails_and_an_absolute_one_passes():
    """The page's [0.9999] * 3 demo, against float32 arithmetic done independently.

    Route 1 rounds the float64 product to float32, then takes the log; route 2 rounds
    0.9999 to float32, takes its log, and adds three times. The recomputation uses
    correctly rounded logs; torch's float32 log may differ by a step, hence the slack.
    """
    eps = float(np.finfo(np.float32).eps)
    product32 = float(f32(0.9999 * 0.9999 * 0.9999))
    expected_a = float(f32(math.log(product32)))
    term = f32(math.log(float(f32(0.9999))))
    expected_b = float(f32(f32(term + term) + term))
    a, b = log_two_ways([0.9999] * 3)
    assert a == pytest.approx(expected_a, rel=0, abs=float(np.spacing(f32(expected_a))))
    assert b == pytest.approx(expected_b, rel=0, abs=2 * float(np.spacing(f32(expected_b))))
    for x, y in ((a, b), (expected_a, expected_b)):
        assert abs(x - y) / abs(y) > 1e-5  # far beyond rel_tol=1e-6
        assert not math.isclose(x, y, rel_tol=1e-6)
        assert math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-6)
        assert not torch.isclose(torch.tensor(x), torch.tensor(y)).item()  # atol=1e-8 is too small
        assert not np.isclose(x, y)
    # the page's mechanism: each input rounding is a relative |delta| <= eps / 2, an absolute error in the log
    for p in (0.9999, product32, 0.9999**3):
        delta = (float(f32(p)) - p) / p
        assert abs(delta) <= eps / 2
        assert abs(math.log(float(f32(p))) - math.log(p) - delta) < 1e-14
    assert abs(a - 3 * math.log(0.9999)) < 3 * eps and abs(b - 3 * math.log(0.9999)) < 3 * eps


@pytest.mark.parametrize("n", [2, 3, 5])
@pytest.mark.parametrize("low", [1e-3, 0.5, 0.99, 0.99999])
def test_the_pages_tolerances_accept_the_two_routes_on_a_few_probabilities(n, low):
    """rel_tol=1e-6 plus abs_tol=1e-6, as in the page's demos, accept both float32 routes."""
    rng = np.random.default_rng(round(n / low))
    for _ in range(200):
        p = rng.uniform(low, 1, n)
        a, b = log_two_ways(p)
        exact = float(np.log(p).sum())
        assert math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)
        assert math.isclose(a, exact, rel_tol=1e-6, abs_tol=1e-6)
        assert math.isclose(b, exact, rel_tol=1e-6, abs_tol=1e-6)


def test_the_isclose_formulas_the_page_states():
    """math.isclose: |a-b| <= max(rel*max(|a|,|b|), abs); torch/np.isclose: |a-b| <= atol + rtol*|b|."""
    assert "rtol=1e-05, atol=1e-08" in torch.isclose.__doc__
    params = inspect.signature(np.isclose).parameters
    assert (params["rtol"].default, params["atol"].default) == (1e-05, 1e-08)
    rng = np.random.default_rng(7)
    for _ in range(2000):
        a = rng.normal(0, 10.0 ** rng.integers(-6, 3))
        b = a * (1 + rng.normal(0, 10.0 ** rng.integers(-9, -3))) + rng.normal(0, 10.0 ** rng.integers(-10, -6))
        rel, tol = 10.0 ** rng.integers(-9, -4), 10.0 ** rng.integers(-10, -5)
        mine = abs(a - b) <= max(rel * max(abs(a), abs(b)), tol)
        assert math.isclose(a, b, rel_tol=rel, abs_tol=tol) == mine
        theirs = abs(a - b) <= tol + rel * abs(b)
        ta, tb = torch.tensor(a, dtype=torch.float64), torch.tensor(b, dtype=torch.float64)
        assert torch.isclose(ta, tb, rtol=rel, atol=tol).item() == theirs
        assert bool(np.isclose(a, b, rtol=rel, atol=tol)) == theirs
    # the torch/NumPy test is not symmetric: b scales the tolerance
    assert np.isclose(1.0, 1.0 + 1e-5, rtol=1e-5, atol=0)
    assert not np.isclose(1.0 + 1e-5, 1.0, rtol=1e-5, atol=0)
    assert math.isclose(1.0, 1.0 + 1e-5, rel_tol=1e-5) == math.isclose(1.0 + 1e-5, 1.0, rel_tol=1e-5)


def test_neighbouring_float32_numbers_differ_by_at_least_half_an_epsilon_relatively():
    """The page: rel_tol=1e-9 is far below the relative gap between neighbouring float32 numbers."""
    eps = float(np.finfo(np.float32).eps)
    rng = np.random.default_rng(3)
    for x in np.concatenate([rng.uniform(-30, 30, 500), 10.0 ** rng.uniform(-37, 38, 500)]).astype(np.float32):
        if x == 0:
            continue
        y = np.nextafter(x, np.float32(np.inf))
        gap = abs(float(y) - float(x)) / max(abs(float(x)), abs(float(y)))
        assert eps / 2 <= gap <= eps
        assert not math.isclose(float(x), float(y))  # the default rel_tol=1e-9


def test_the_pair_near_13_is_large_enough_for_a_relative_tolerance():
    exact = 6 * math.log(10) - math.log(2)  # |ln(2e-6)|
    assert round(exact) == 13
    assert round(abs(log_two_ways([0.01, 0.01, 0.02])[0])) == 13


def test_float32_and_float64_limits_of_the_note():
    for t, bits, min_exp, max_exp in ((np.float32, 24, -126, 128), (np.float64, 53, -1022, 1024)):
        info = np.finfo(t)
        assert info.nmant + 1 == bits
        assert float(info.eps) == 2.0 ** (1 - bits)
        assert float(info.tiny) == 2.0**min_exp
        assert float(info.smallest_subnormal) == 2.0 ** (min_exp - bits + 1)
        assert float(info.max) == (2 - 2.0 ** (1 - bits)) * 2.0 ** (max_exp - 1)
        assert t(float(info.smallest_subnormal)) / 2 == 0  # nothing positive below it
        assert float(np.nextafter(t(1), t(2))) - 1 == float(info.eps)  # the step from 1 to the next float


def test_large_log_likelihoods_are_coarse_in_float32():
    """Spacing near x is 2**(floor(log2 x) - 23) in float32 and 2**(floor(log2 x) - 52) in float64."""
    for big in (2e7, 1e8):
        exponent = math.floor(math.log2(big))
        assert float(np.spacing(np.float32(big))) == 2.0 ** (exponent - 23)
        assert float(np.spacing(big)) == 2.0 ** (exponent - 52)
        assert np.spacing(np.float32(-big)) == -np.spacing(np.float32(big))  # away from 0
    assert np.float32(2e7) + np.float32(0.9) == np.float32(2e7)  # a change below one step is lost
    # near -2e7 (within [2**24, 2**25) in size) every float32 is a multiple of 2, so differences are too
    values = -np.random.default_rng(0).uniform(2**24, 2**25, 10_000).astype(np.float32)
    assert (np.abs(values) >= 2**24).all() and (np.fmod(values, 2) == 0).all()
    assert 2**24 < 2e7 < 2**25 and 2**26 < 1e8 < 2**27


def test_the_two_routes_lie_on_either_side_of_the_exact_value_within_one_step():
    a, b = log_two_ways([0.01, 0.01, 0.02])
    exact = math.log(2) - 6 * math.log(10)
    step = 2.0**-20
    assert float(np.spacing(np.float32(abs(exact)))) == step
    assert b < exact < a  # on either side
    assert abs(a - exact) < step / 2 < abs(b - exact) < step  # a is the correctly rounded one
    assert a == float(f32(exact))


def test_two_routes_differ_in_the_last_bit_for_0_01_0_01_0_02():
    """The page's second triple: independent float32 arithmetic, IEEE additions left to right."""
    expected_log_of_product = float(f32(math.log(0.01 * 0.01 * 0.02)))
    expected_sum = float(f32(f32(f32(math.log(0.01)) + f32(math.log(0.01))) + f32(math.log(0.02))))
    assert log_two_ways([0.01, 0.01, 0.02]) == (expected_log_of_product, expected_sum)
    assert expected_log_of_product != expected_sum
    assert abs(expected_log_of_product - expected_sum) == pytest.approx(2.0**-20)  # one float32 step
    assert math.isclose(*log_two_ways([0.01, 0.01, 0.02]), rel_tol=1e-6)
    assert torch.isclose(torch.tensor(expected_log_of_product), torch.tensor(expected_sum))


@pytest.mark.parametrize("seed", range(5))
def test_log_two_ways_agrees_with_torch_on_random_probabilities(seed):
    p = np.random.default_rng(seed).uniform(1e-3, 1, 6)
    log_of_product, sum_of_logs = log_two_ways(p)
    exact = float(np.log(p).sum())
    assert log_of_product == pytest.approx(exact, rel=1e-6)
    assert sum_of_logs == pytest.approx(torch.tensor(p, dtype=torch.float32).log().sum().item(), rel=0, abs=0)


def test_the_checkers_let_good_input_through():
    check(True, "x", 1, "anything")
    assert as_probs([1, 0.5]).tolist() == [1.0, 0.5]
    assert as_sample((1, 2), "x").dtype == np.float64
    assert check_normal(0, 1e-300) == (0.0, 1e-300)
    assert real_array([1, 2.5], "x").dtype == np.float64
    assert as_sample(torch.tensor([1.0, 2.0], requires_grad=True), "x").tolist() == [1.0, 2.0]
    assert as_points(2, "x").shape == () and as_points([2], "x").shape == (1,)


def test_the_articles_three_probabilities():
    assert math.prod([0.015, 0.05, 0.01]) == pytest.approx(7.5e-06, rel=1e-15)
    log_of_product, sum_of_logs = log_two_ways([0.015, 0.05, 0.01])
    assert sum_of_logs == SOURCE_LOG_SUM
    assert log_of_product == SOURCE_LOG_SUM
    assert log_of_product == float(f32(math.log(7.5e-06)))  # ln, correctly rounded to float32


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


def test_naive_softmax_of_very_negative_logits_is_nan_too():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = naive_softmax([-1000.0, -1001.0, -1002.0])
    assert np.isnan(result).all()
    assert math.exp(-1000) == 0.0  # every term underflows, so 0 / 0
    expected = [math.exp(-k) / (1 + math.exp(-1) + math.exp(-2)) for k in (0, 1, 2)]
    np.testing.assert_allclose(stable_softmax([-1000.0, -1001.0, -1002.0]), expected, rtol=1e-13)


def test_log_of_softmax_underflows_but_log_softmax_does_not():
    """The page's float32 demo: logits (0, 200); the exact log-probabilities are (-200 - ln(1 + e^-200), -ln(1 + e^-200))."""
    w = torch.tensor([0.0, 200.0])
    assert w.dtype == torch.float32
    log_of_softmax = torch.log(torch.softmax(w, dim=0))
    assert log_of_softmax[0].item() == -math.inf and log_of_softmax[1].item() == 0.0
    assert torch.log_softmax(w, dim=0).tolist() == [-200.0, 0.0]
    z = [1000.0, 1001.0, 1002.0]
    assert torch.logsumexp(torch.tensor(z, dtype=torch.float64), dim=0).item() == pytest.approx(
        1002 + math.log(1 + math.exp(-1) + math.exp(-2)), rel=1e-15)
    # ln softmax(z)_i = z_i - LSE(z); the subtraction of numbers near 1000 costs digits, hence the atol
    log_softmax = torch.log_softmax(torch.tensor(z, dtype=torch.float64), dim=0).numpy()
    np.testing.assert_allclose(np.array(z) - log_sum_exp(z), log_softmax, rtol=0, atol=1e-12)
    np.testing.assert_allclose(np.log(stable_softmax(z)), log_softmax, rtol=0, atol=1e-12)


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
    for row, expected_row in zip(logits, expected):
        np.testing.assert_allclose(stable_softmax(row.numpy()), expected_row.numpy(), rtol=1e-12, atol=1e-300)
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


def test_the_log_of_the_density_underflows_40_sigma_out_but_the_log_density_does_not():
    with np.errstate(divide="ignore"):
        assert normal_pdf([250.0], *A)[0] == 0.0
        assert np.log(normal_pdf([250.0], *A))[0] == -math.inf
    exact = -(40.0**2) / 2 - math.log(5.0) - HALF_LOG_TWO_PI
    assert normal_log_pdf([250.0], *A)[0] == pytest.approx(exact, rel=1e-15)
    assert f"{exact:.8f}" == "-802.52837645"
    expected = Normal(torch.tensor(50.0, dtype=torch.float64), 5.0).log_prob(torch.tensor(250.0, dtype=torch.float64))
    assert normal_log_pdf([250.0], *A)[0] == pytest.approx(expected.item(), rel=1e-14)


def test_a_product_of_densities_above_1_overflows_but_the_log_likelihood_is_finite():
    x = np.zeros(200)
    with np.errstate(over="ignore"):
        assert np.prod(normal_pdf(x, 0.0, 0.001)) == math.inf
    exact = 200 * (math.log(1000.0) - HALF_LOG_TWO_PI)  # each term is -ln(0.001) - ln(2 pi) / 2
    assert log_likelihood(x, 0.0, 0.001) == pytest.approx(exact, rel=1e-13)
    assert f"{exact:.2f}" == "1197.76"


def test_a_and_b_on_the_five_points_repeated_200_times():
    many = np.tile(five_points(), 200)
    assert many.size == 1000
    for (mu, sigma), five in ((A, LOG_LIKELIHOOD_A), (B, LOG_LIKELIHOOD_B)):
        assert np.prod(normal_pdf(many, mu, sigma)) == 0.0
        oracle = Normal(torch.tensor(mu, dtype=torch.float64), sigma).log_prob(torch.tensor(many)).sum().item()
        assert log_likelihood(many, mu, sigma) == pytest.approx(oracle, rel=1e-12)
        assert log_likelihood(many, mu, sigma) == pytest.approx(200 * five, abs=200 * 5e-5)
    assert f"{log_likelihood(many, *A):.2f}" == "-2834.36"
    assert f"{log_likelihood(many, *B):.2f}" == "-3492.51"


def test_the_checkers_accept_what_readers_pass():
    assert product_and_log_sum(0.5, np.int64(3), np.dtype("float32")) == (0.125, pytest.approx(3 * math.log(0.5), rel=1e-6))
    assert product_and_log_sum_torch(0.5, 3, torch.float32)[0] == 0.125
    assert as_number(np.float32(2.5), "mu") == 2.5
    assert as_number(torch.tensor(2.5, requires_grad=True), "mu") == 2.5
    check_copies(1.0, 1, np.float64, (np.float64,))
    mu_sigma = check_normal(torch.tensor(0.0), np.float64(1.0))
    assert mu_sigma == (0.0, 1.0) and all(type(v) is float for v in mu_sigma)


def test_0_d_tensors_work_in_the_numpy_functions():
    """The review's case: mu and sigma as 0-d tensors (one requiring a gradient)."""
    mu, sigma = torch.tensor(50.0, requires_grad=True), torch.tensor(5.0)
    exact_pdf = 1 / (5.0 * math.sqrt(2 * math.pi))  # at x = mu
    assert normal_pdf([50.0], mu, sigma)[0] == pytest.approx(exact_pdf, rel=1e-15)
    assert normal_log_pdf([50.0], mu, sigma)[0] == pytest.approx(math.log(exact_pdf), rel=1e-15)
    assert log_likelihood(five_points(), torch.tensor(50.0), sigma) == pytest.approx(LOG_LIKELIHOOD_A, abs=5e-5)


def test_normal_pdf_and_log_pdf_take_one_number_like_the_previous_chapter():
    exact = 1 / (5.0 * math.sqrt(2 * math.pi))
    for x in (50, 50.0, np.float32(50.0), torch.tensor(50.0)):
        assert np.ndim(normal_pdf(x, *A)) == 0 and isinstance(normal_pdf(x, *A), float)
        assert normal_pdf(x, *A) == pytest.approx(exact, rel=1e-15)
        assert normal_log_pdf(x, *A) == pytest.approx(math.log(exact), rel=1e-15)
    assert normal_pdf([50.0], *A).shape == (1,)
    assert exact < 0.08  # the page: every density of N(50, 5) is below 0.08
    assert f"{exact:.2f}" == "0.08"


def test_ragged_lists_are_refused_with_the_arguments_name():
    for call, name in ((lambda: log_likelihood([[1.0, 2.0], [3.0]], 0, 1), "data"),
                       (lambda: normal_pdf([1.0, [2.0, 3.0]], 0, 1), "x"),
                       (lambda: stable_softmax([[1.0], [2.0, 3.0]]), "logits")):
        with pytest.raises(ValueError, match=rf"^{name}: is .*expected rows of equal length") as info:
            call()
        assert info.value.__cause__ is None and info.value.__suppress_context__


@pytest.mark.parametrize("fn, f32_type, f64_type", [
    (product_and_log_sum, np.float32, np.float64),
    (product_and_log_sum_torch, torch.float32, torch.float64),
])
def test_a_p_that_rounds_to_0_in_the_dtype_is_refused(fn, f32_type, f64_type):
    smallest32 = 2.0**-149
    with pytest.raises(ValueError, match=r"^p: is 1e-50, expected a p that stays > 0 in"):
        fn(1e-50, 3, f32_type)
    with pytest.raises(ValueError, match="expected a p that stays > 0"):
        fn(smallest32 / 2, 3, f32_type)  # a tie, rounded to even: 0
    assert fn(1e-50, 3, f64_type)[1] == pytest.approx(3 * math.log(1e-50), rel=1e-15)
    product, log_sum = fn(smallest32, 2, f32_type)  # subnormal, but not 0
    assert product == 0.0 and log_sum == pytest.approx(2 * -149 * math.log(2), rel=1e-6)


def test_a_logit_is_a_log_probability_plus_a_shared_constant():
    """z_i = ln p_i + ln sum_j e^{z_j}; for two classes z_2 - z_1 is the log-odds of class 2."""
    generator = torch.Generator().manual_seed(0)
    for _ in range(20):
        z = torch.randn(5, generator=generator, dtype=torch.float64) * 3
        log_p = torch.log_softmax(z, dim=0)
        np.testing.assert_allclose((log_p + torch.logsumexp(z, dim=0)).numpy(), z.numpy(), rtol=0, atol=1e-12)
        assert (log_p <= 0).all()
        pair = z[:2]
        p2 = torch.softmax(pair, dim=0)[1].item()
        assert (pair[1] - pair[0]).item() == pytest.approx(math.log(p2 / (1 - p2)), rel=1e-10, abs=1e-12)


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


def test_the_figures_annotation_stays_off_the_curve_and_the_dashed_line():
    """The review's L10: the label of A sat on the curve; it must now clear it (rendered, in pixels)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    fig = log_likelihood_of_mu_figure()
    fig.set_dpi(90)
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    right = fig.axes[1]
    (label,) = right.texts
    box = Text.get_window_extent(label, renderer).padded(2)  # the text alone, not its arrow
    curve, dashed = right.get_lines()[0], right.get_lines()[1]
    points = right.transData.transform(np.column_stack([curve.get_xdata(), curve.get_ydata()]))
    inside = ((points[:, 0] >= box.x0) & (points[:, 0] <= box.x1) & (points[:, 1] >= box.y0) & (points[:, 1] <= box.y1))
    assert not inside.any()
    dashed_x = right.transData.transform((dashed.get_xdata()[0], 0))[0]
    assert not box.x0 <= dashed_x <= box.x1
    assert label.get_text() == "A: μ = 50\nln L = -14.17"


def test_the_doctests_of_the_functions_the_page_defines_pass():
    """The page's blocks run in order (warnings as errors), then the examples of its docstrings pass."""
    result = run_page_doctests("log-likelihood.md")
    assert result.returncode == 0, f"docs/log-likelihood.md:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    assert "doctest examples passed" in result.stdout


# --- Bad input ---

from snippets import log_likelihood as log_likelihood_module  # noqa: E402
from tests.badinput import DATA as SAMPLE, Bad, inf, nan  # noqa: E402

m = log_likelihood_module
#: Bad input for every public function of snippets/log_likelihood.py (run by tests/test_bad_input.py).
BAD_INPUTS = {
    "check": [
        Bad("range", lambda: m.check(False, "count", 0, "a positive whole number"), "count: is 0"),
        Bad("type", lambda: m.check(False, "p", "a", "a probability"), "p: is 'a'"),
    ],
    "as_sample": [
        Bad("empty", lambda: m.as_sample([], "logits"), "logits: is []"),
        Bad("nan", lambda: m.as_sample([1.0, nan], "logits"), "logits: is [1.0, nan]"),
        Bad("shape", lambda: m.as_sample(3.0, "logits"), "a non-empty 1-D sequence"),
        Bad("type", lambda: m.as_sample([True, False], "x"), "x: is [True, False], expected real numbers, not bool"),
        Bad("type", lambda: m.as_sample(["1.0", "2.0"], "data"), "data: is ['1.0', '2.0'], expected real numbers"),
        Bad("type", lambda: m.as_sample([1 + 2j], "logits"), "logits: is [(1+2j)], expected real numbers"),
        Bad("type", lambda: m.as_sample([1.0, None], "x"), "x: is [1.0, None], expected real numbers"),
    ],
    "real_array": [
        Bad("shape", lambda: m.real_array([[1.0, 2.0], [3.0]], "data"),
            "data: is [[1.0, 2.0], [3.0]], expected rows of equal length"),
        Bad("type", lambda: m.real_array(True, "mu"), "mu: is True, expected real numbers, not bool/str/complex"),
        Bad("type", lambda: m.real_array("abc", "x"), "x: is 'abc'"),
        Bad("type", lambda: m.real_array(torch.tensor([1 + 1j]), "x"), "x: is tensor([1.+1.j])"),
    ],
    "as_points": [
        Bad("shape", lambda: m.as_points([[1.0, 2.0]], "x"), "x: is [[1.0, 2.0]], expected one number or a non-empty"),
        Bad("empty", lambda: m.as_points([], "x"), "x: is [], expected one number or a non-empty 1-D sequence"),
        Bad("nan", lambda: m.as_points(nan, "x"), "x: is nan, expected finite numbers"),
        Bad("shape", lambda: m.as_points([1.0, [2.0, 3.0]], "x"), "x: is [1.0, [2.0, 3.0]], expected rows of equal"),
    ],
    "as_probs": [
        Bad("range", lambda: m.as_probs([0.5, 1.5]), "probs: is [0.5, 1.5], expected probabilities in (0, 1]"),
        Bad("range", lambda: m.as_probs([0.5, 0.0]), "probs: is [0.5, 0.0]"),
        Bad("nan", lambda: m.as_probs([nan]), "probs: is [nan]"),
    ],
    "as_number": [
        Bad("type", lambda: m.as_number("a", "mu"), "mu: is 'a', expected real numbers"),
        Bad("type", lambda: m.as_number(True, "sigma"), "sigma: is True, expected real numbers, not bool"),
        Bad("type", lambda: m.as_number(np.bool_(False), "mu"), "not bool"),
        Bad("type", lambda: m.as_number(2j, "sigma"), "sigma: is 2j"),
        Bad("type", lambda: m.as_number(torch.tensor(True), "mu"), "mu: is tensor(True)"),
        Bad("shape", lambda: m.as_number(torch.tensor([0.0, 1.0]), "mu"), "mu: is tensor([0., 1.])"),
    ],
    "check_normal": [
        Bad("scale", lambda: m.check_normal(50, -5), "sigma: is -5.0, expected a positive finite number"),
        Bad("scale", lambda: m.check_normal(50, inf), "sigma: is inf"),
        Bad("nan", lambda: m.check_normal(nan, 5), "mu: is nan"),
        Bad("type", lambda: m.check_normal(None, 5), "mu: is None, expected real numbers"),
        Bad("type", lambda: m.check_normal(50, True), "sigma: is True, expected real numbers, not bool"),
        Bad("type", lambda: m.check_normal("50", 5), "mu: is '50'"),
    ],
    "check_copies": [
        Bad("count", lambda: m.check_copies(0.5, 2.5, np.float64, (np.float64,)), "count: is 2.5"),
        Bad("range", lambda: m.check_copies(2.0, 3, np.float64, (np.float64,)), "p: is 2.0"),
        Bad("type", lambda: m.check_copies(0.5, 3, np.int64, (np.float64,)), "dtype: is <class 'numpy.int64'>"),
    ],
    "log_two_ways": [
        Bad("type", lambda: m.log_two_ways([True, True]), "probs: is [True, True], expected real numbers, not bool"),
        Bad("range", lambda: m.log_two_ways([0.5, 1.5]), "probs: is [0.5, 1.5]"),
        Bad("range", lambda: m.log_two_ways([0.5, 0.0]), "expected probabilities in (0, 1]"),
        Bad("empty", lambda: m.log_two_ways([]), "probs: is []"),
        Bad("shape", lambda: m.log_two_ways([[0.5, 0.5]]), "a non-empty 1-D sequence"),
    ],
    "product_and_log_sum": [
        Bad("count", lambda: m.product_and_log_sum(0.5, 0), "count: is 0"),
        Bad("count", lambda: m.product_and_log_sum(0.5, 2.5), "count: is 2.5, expected a positive whole number"),
        Bad("count", lambda: m.product_and_log_sum(0.5, True), "count: is True, expected real numbers, not bool"),
        Bad("type", lambda: m.product_and_log_sum(True, 10), "p: is True, expected real numbers, not bool"),
        Bad("range", lambda: m.product_and_log_sum(1.5, 10), "p: is 1.5"),
        Bad("nan", lambda: m.product_and_log_sum(nan, 10), "p: is nan"),
        Bad("type", lambda: m.product_and_log_sum("a", 10), "p: is 'a'"),
        Bad("type", lambda: m.product_and_log_sum(0.5, 10, np.int64), "dtype: is <class 'numpy.int64'>, expected one of"),
        Bad("type", lambda: m.product_and_log_sum(0.5, 10, torch.float32), "dtype: is torch.float32"),
        Bad("type", lambda: m.product_and_log_sum(0.5, 10, "float32"), "dtype: is 'float32', expected one of"),
        Bad("range", lambda: m.product_and_log_sum(1e-50, 3, np.float32),
            "p: is 1e-50, expected a p that stays > 0 in <class 'numpy.float32'>"),
    ],
    "product_and_log_sum_torch": [
        Bad("count", lambda: m.product_and_log_sum_torch(0.5, -3), "count: is -3"),
        Bad("count", lambda: m.product_and_log_sum_torch(0.5, 10.0), "count: is 10.0"),
        Bad("range", lambda: m.product_and_log_sum_torch(-0.1, 10), "p: is -0.1"),
        Bad("type", lambda: m.product_and_log_sum_torch(0.5, 10, torch.int64), "dtype: is torch.int64, expected one of"),
        Bad("type", lambda: m.product_and_log_sum_torch(0.5, 10, np.float32), "dtype: is <class 'numpy.float32'>"),
        Bad("range", lambda: m.product_and_log_sum_torch(1e-50, 3, torch.float32),
            "p: is 1e-50, expected a p that stays > 0 in torch.float32"),
    ],
    "naive_softmax": [
        Bad("nan", lambda: m.naive_softmax([1.0, nan]), "logits: is [1.0, nan]"),
        Bad("empty", lambda: m.naive_softmax([]), "logits: is []"),
    ],
    "stable_softmax": [
        Bad("range", lambda: m.stable_softmax([1.0, -inf]), "logits: is [1.0, -inf]"),
        Bad("shape", lambda: m.stable_softmax(3.0), "logits: is 3.0"),
    ],
    "log_sum_exp": [
        Bad("nan", lambda: m.log_sum_exp([nan]), "logits: is [nan]"),
        Bad("shape", lambda: m.log_sum_exp([[1.0, 2.0], [3.0, 4.0]]), "a non-empty 1-D sequence"),
    ],
    "normal_log_pdf": [
        Bad("scale", lambda: m.normal_log_pdf([50.0], 50, 0), "sigma: is 0.0"),
        Bad("empty", lambda: m.normal_log_pdf([], 50, 5), "x: is []"),
    ],
    "normal_pdf": [
        Bad("scale", lambda: m.normal_pdf([50.0], 50, 0), "sigma: is 0.0"),
        Bad("empty", lambda: m.normal_pdf([], 50, 5), "x: is []"),
        Bad("type", lambda: m.normal_pdf([50.0], [50, 51], 5), "mu: is [50, 51], expected one real number"),
        Bad("type", lambda: m.normal_pdf([50.0], 50, 5j), "sigma: is 5j, expected real numbers"),
        Bad("shape", lambda: m.normal_pdf([[50.0]], 50, 5), "x: is [[50.0]], expected one number or a non-empty"),
    ],
    "log_likelihood": [
        Bad("scale", lambda: m.log_likelihood(SAMPLE, 50, -5), "sigma: is -5.0, expected a positive finite number"),
        Bad("type", lambda: m.log_likelihood(SAMPLE, "a", 1.0), "mu: is 'a', expected real numbers"),
        Bad("type", lambda: m.log_likelihood(["48.8", "49.3"], 50, 5), "data: is ['48.8', '49.3']"),
        Bad("type", lambda: m.log_likelihood(SAMPLE, 50, True), "sigma: is True, expected real numbers, not bool"),
        Bad("nan", lambda: m.log_likelihood([1.0], nan, 1), "mu: is nan"),
        Bad("shape", lambda: m.log_likelihood([SAMPLE, SAMPLE], 50, 5), "a non-empty 1-D sequence"),
        Bad("shape", lambda: m.log_likelihood(50.0, 50, 5), "data: is 50.0, expected a non-empty 1-D sequence"),
        Bad("shape", lambda: m.log_likelihood([[1, 2], [3]], 0, 1), "data: is [[1, 2], [3]], expected rows of equal"),
    ],
    "log_likelihood_torch": [
        Bad("scale", lambda: m.log_likelihood_torch(SAMPLE, 50.0, torch.tensor(0.0)), "sigma: is 0.0"),
        Bad("scale", lambda: m.log_likelihood_torch(
            SAMPLE, 50.0, torch.tensor(-1.0, dtype=torch.float64, requires_grad=True)), "sigma: is -1.0"),
        Bad("empty", lambda: m.log_likelihood_torch([], 50.0, 5.0), "data: is []"),
        Bad("type", lambda: m.log_likelihood_torch(SAMPLE, torch.tensor(True), 5.0), "mu: is tensor(True)"),
        Bad("shape", lambda: m.log_likelihood_torch(SAMPLE, torch.tensor([0.0, 1.0]), 1.0),
            "mu: is tensor([0., 1.]), expected one real number"),
    ],
}
