"""Tests of snippets/likelihood.py: probabilities, densities, likelihoods, figures.

The bad-input table of its functions and checkers is BAD_INPUTS, at the end.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
import torch
from torch.distributions import Normal

from snippets.likelihood import (
    A,
    B,
    as_interval,
    as_number,
    as_sample,
    check,
    check_normal,
    five_points,
    interval_figure,
    interval_probability,
    likelihood,
    likelihood_torch,
    normal_cdf,
    normal_pdf,
    two_normals_figure,
    within_k_sigma,
)
from tests.sitetools import run_page_doctests

# Exact values from ../shared/WORKED_NUMBERS.md (computed independently of this code).
DATA = [48.82923313, 49.30867849, 52.48357077, 53.23844269, 57.61514928]
P_50_TO_52_5 = 0.3413447460685429
K_SIGMA = {1: (47.5, 52.5, 0.6826894921), 2: (45.0, 55.0, 0.9544997361),
           3: (42.5, 57.5, 0.9973002039)}
DENSITIES_A_4DP = [0.0776, 0.0790, 0.0705, 0.0647, 0.0250]
DENSITIES_B_4DP = [0.0445, 0.0431, 0.0322, 0.0293, 0.0144]
PRODUCT_A, PRODUCT_B = 7.002857954726396e-07, 2.6067713385609294e-08
MLE_MU, MLE_SIGMA = 52.295014871625426, 3.1673107704922443  # sample mean, std dividing by n
ROUNDED_A, ROUNDED_B = 6.99072501e-07, 2.6056931140799998e-08


def torch_normal(mu: float, sigma: float) -> Normal:
    return Normal(torch.tensor(mu, dtype=torch.float64), torch.tensor(sigma, dtype=torch.float64))


def test_the_data_are_the_seed_42_draw():
    np.testing.assert_allclose(five_points(), DATA, rtol=0, atol=5e-9)
    assert np.all(np.diff(five_points()) > 0)


def test_interval_probability_matches_the_oracle_and_torch():
    assert interval_probability(50, 52.5, 50, 2.5) == pytest.approx(P_50_TO_52_5, rel=1e-14)
    normal = torch_normal(50.0, 2.5)
    expected = (normal.cdf(torch.tensor(52.5, dtype=torch.float64)) - normal.cdf(torch.tensor(50.0, dtype=torch.float64))).item()
    assert interval_probability(50, 52.5, 50, 2.5) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("k", [1, 2, 3])
def test_the_68_95_99_7_rule_is_computed_with_its_intervals(k):
    low, high, probability = within_k_sigma(k, 50, 2.5)
    expected_low, expected_high, expected_p = K_SIGMA[k]
    assert (low, high) == (expected_low, expected_high)
    assert probability == pytest.approx(expected_p, abs=1e-10)
    assert probability == pytest.approx(math.erf(k / math.sqrt(2)), rel=1e-14)  # closed form


def test_the_shaded_area_is_half_the_one_sigma_probability_by_symmetry():
    half = within_k_sigma(1, 50, 2.5)[2] / 2
    assert interval_probability(50, 52.5, 50, 2.5) == pytest.approx(half, rel=1e-14)
    assert abs(0.68 / 2 - P_50_TO_52_5) > 1e-3  # the article's "0.68/2 ≈ 0.3413" is loose


@pytest.mark.parametrize("seed", range(5))
def test_cdf_and_pdf_agree_with_torch_distributions(seed):
    generator = np.random.default_rng(seed)
    mu, sigma = generator.normal(0, 20), generator.uniform(0.1, 10)
    x = generator.normal(mu, 3 * sigma, 50)
    normal = torch_normal(mu, sigma)
    expected_pdf = normal.log_prob(torch.tensor(x)).exp().numpy()
    np.testing.assert_allclose(normal_pdf(x, mu, sigma), expected_pdf, rtol=1e-12)
    expected_cdf = normal.cdf(torch.tensor(x)).numpy()
    np.testing.assert_allclose([normal_cdf(v, mu, sigma) for v in x], expected_cdf, rtol=1e-10, atol=1e-15)


def test_normal_cdf_is_accurate_far_in_the_lower_tail():
    """1 + erf(z / sqrt 2) cancels to 0 there; erfc keeps the digits (torch's log_ndtr is the oracle)."""
    phi_minus_10 = 7.6198530241605260659733432516e-24  # mpmath.ncdf(-10), 30 digits
    assert normal_cdf(-10, 0, 1) == pytest.approx(phi_minus_10, rel=1e-13)
    assert normal_cdf(-10, 0, 1) == pytest.approx(0.5 * math.erfc(10 / math.sqrt(2)), rel=1e-14)
    log_phi = torch.special.log_ndtr(torch.tensor([-12.0, -10.0, -30.0], dtype=torch.float64)).exp()
    assert interval_probability(-12, -10, 0, 1) == pytest.approx((log_phi[1] - log_phi[0]).item(), rel=1e-10)
    assert normal_cdf(-30, 0, 1) == pytest.approx(log_phi[2].item(), rel=1e-10)
    assert (normal_cdf(-math.inf, 0, 1), normal_cdf(math.inf, 0, 1)) == (0.0, 1.0)


def test_interval_probability_is_accurate_far_in_the_upper_tail_too():
    """Above mu, 1 - Phi would cancel to 0; Q(z) = erfc(z / sqrt 2) / 2 keeps the digits."""
    q10_minus_q11 = 7.6196619582030761984022282100e-24  # mpmath: ncdf(-10) - ncdf(-11), 40 digits
    assert interval_probability(10, 11, 0, 1) == pytest.approx(q10_minus_q11, rel=1e-13)
    assert 1 - normal_cdf(10, 0, 1) == 0.0  # what the plain difference of two Phi would give
    log_phi = torch.special.log_ndtr(torch.tensor([-10.0, -11.0], dtype=torch.float64)).exp()
    assert interval_probability(10, 11, 0, 1) == pytest.approx((log_phi[0] - log_phi[1]).item(), rel=1e-12)
    assert interval_probability(60, 65, 50, 1) == pytest.approx(interval_probability(35, 40, 50, 1), rel=1e-14)
    assert interval_probability(30, math.inf, 0, 1) == pytest.approx(math.exp(torch.special.log_ndtr(
        torch.tensor(-30.0, dtype=torch.float64)).item()), rel=1e-12)


def test_interval_probability_with_mpmath_when_it_is_installed():
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.dps = 40
    for low, high, mu, sigma in [(10, 11, 0, 1), (58, 60, 50, 0.5), (-3, 2, 0, 1), (50, 52.5, 50, 2.5)]:
        expected = mpmath.ncdf(high, mu, sigma) - mpmath.ncdf(low, mu, sigma)
        assert interval_probability(low, high, mu, sigma) == pytest.approx(float(expected), rel=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_interval_probability_agrees_with_torch_on_both_sides_of_mu(seed):
    generator = np.random.default_rng(seed)
    mu, sigma = generator.normal(0, 20), generator.uniform(0.1, 10)
    for _ in range(20):
        low, high = np.sort(generator.normal(mu, 3 * sigma, 2))
        log_cdf = torch.special.log_ndtr(torch.tensor([(high - mu) / sigma, (low - mu) / sigma], dtype=torch.float64))
        log_sf = torch.special.log_ndtr(torch.tensor([(mu - low) / sigma, (mu - high) / sigma], dtype=torch.float64))
        expected = (log_sf.exp()[0] - log_sf.exp()[1]) if low > mu else (log_cdf.exp()[0] - log_cdf.exp()[1])
        assert interval_probability(low, high, mu, sigma) == pytest.approx(expected.item(), rel=1e-10, abs=1e-15)


def test_normal_pdf_takes_one_number_or_a_sequence():
    one = normal_pdf(50.0, 50, 0.1)
    assert np.ndim(one) == 0
    assert float(one) == pytest.approx(1 / (0.1 * math.sqrt(2 * math.pi)), rel=1e-14)
    assert likelihood(50.0, 50, 0.1) == pytest.approx(float(one), rel=1e-15)  # one observation


def test_infinity_is_handled_alike_by_the_density_and_the_cdf():
    """At x = -inf or +inf the density is 0 and the CDF is 0 or 1: the limits, no error."""
    np.testing.assert_array_equal(normal_pdf([-math.inf, math.inf], 50, 5), [0.0, 0.0])
    assert (normal_cdf(-math.inf, 50, 5), normal_cdf(math.inf, 50, 5)) == (0.0, 1.0)
    assert interval_probability(-math.inf, math.inf, 50, 5) == 1.0


@pytest.mark.parametrize("call, says", [
    (lambda: normal_pdf(True, 50, 5), "x: is True"),
    (lambda: normal_pdf([1.0, False], 50, 5), "x: is False"),
    (lambda: normal_pdf(np.array([True, False]), 50, 5), "x: is True"),
    (lambda: normal_cdf(True, True, True), "mu: is True"),
    (lambda: normal_cdf(0.5, 0, True), "sigma: is True"),
    (lambda: interval_probability(False, 1, 0, 1), "low: is False"),
    (lambda: within_k_sigma(True, 50, 2.5), "k: is True"),
    (lambda: likelihood([True, 2.0], 50, 5), "data: is True"),
])
def test_bools_are_refused_everywhere_with_a_message_saying_so(call, says):
    with pytest.raises(ValueError, match="expected") as raised:
        call()
    assert says in str(raised.value) and "not a bool" in str(raised.value)


@pytest.mark.parametrize("call, name", [
    (lambda: normal_cdf(10**400, 0, 1), "x"),
    (lambda: normal_pdf([1.0, -10**400], 0, 1), "x"),
    (lambda: normal_cdf(0, 10**400, 1), "mu"),
    (lambda: interval_probability(0, 10**400, 0, 1), "high"),
    (lambda: normal_pdf([1, [2, 3]], 0, 1), "x"),
    (lambda: likelihood([[1.0, 2.0], [3.0]], 50, 5), "data"),
])
def test_huge_ints_and_ragged_lists_raise_a_value_error_naming_the_argument(call, name):
    with pytest.raises(ValueError, match="expected") as raised:
        call()
    assert str(raised.value).startswith(f"{name}: is ")


@pytest.mark.parametrize("call", [
    lambda: within_k_sigma(1, "50", 2.5), lambda: within_k_sigma(1, None, 2.5),
    lambda: within_k_sigma(1, 50, -1), lambda: within_k_sigma(1, 50, math.nan),
    lambda: within_k_sigma(1, np.array([50.0, 60.0]), 2.5),
])
def test_within_k_sigma_checks_mu_and_sigma_before_using_them(call):
    """A ValueError naming mu or sigma, not a TypeError or a complaint about low or high."""
    with pytest.raises(ValueError, match=r"^(mu|sigma): is .*expected"):
        call()


def test_the_likelihood_grows_with_points_whose_densities_exceed_one():
    """Each point multiplies L by its density: above 1, L grows."""
    assert likelihood([50.0, 50.01], 50, 0.1) > likelihood([50.0], 50, 0.1) > 1


def test_densities_rounded_to_4_places_are_the_articles_table():
    np.testing.assert_array_equal(np.round(normal_pdf(five_points(), *A), 4), DENSITIES_A_4DP)
    np.testing.assert_array_equal(np.round(normal_pdf(five_points(), *B), 4), DENSITIES_B_4DP)


def test_exact_likelihoods_match_the_oracle_in_numpy_and_torch():
    assert likelihood(five_points(), *A) == pytest.approx(PRODUCT_A, rel=1e-13)
    assert likelihood(five_points(), *B) == pytest.approx(PRODUCT_B, rel=1e-13)
    assert likelihood_torch(five_points(), *A).item() == pytest.approx(PRODUCT_A, rel=1e-13)
    assert likelihood_torch(five_points(), *B).item() == pytest.approx(PRODUCT_B, rel=1e-13)
    assert likelihood_torch(five_points(), *A).dtype == torch.float64


def test_multiplying_the_rounded_table_gives_the_sources_products_not_the_exact_ones():
    """The page multiplies the four-place table: the source's products, not the exact ones."""
    for (mu, sigma), rounded, exact in [(A, ROUNDED_A, PRODUCT_A), (B, ROUNDED_B, PRODUCT_B)]:
        table = np.round(normal_pdf(five_points(), mu, sigma), 4)
        assert np.prod(table) == pytest.approx(rounded, rel=1e-15)
        assert np.prod(table) != pytest.approx(exact, rel=1e-4)
    assert math.prod(DENSITIES_A_4DP) == pytest.approx(ROUNDED_A, rel=1e-15)  # the table, multiplied


def test_a_density_can_exceed_one_but_an_interval_probability_cannot():
    density = normal_pdf([50.0], 50, 0.1)[0]
    assert density == pytest.approx(1 / (0.1 * math.sqrt(2 * math.pi)), rel=1e-14)
    assert density > 1
    probability = interval_probability(49.95, 50.05, 50, 0.1)
    assert probability == pytest.approx(math.erf(0.5 / math.sqrt(2)), rel=1e-12)
    assert probability < 1


def test_the_checkers_let_good_input_through():
    check(True, "x", 1, "anything")
    assert as_number(np.float32(2.5), "x") == 2.5 and as_number(3, "x") == 3.0
    assert as_number(-math.inf, "low") == -math.inf  # infinite ends of intervals are fine
    assert as_number(2**1000, "x") == float(2**1000)  # a large int that fits a float
    assert as_sample([1, 2], "x").dtype == np.float64
    assert as_sample(7, "x").shape == () and as_sample(np.arange(3), "x").tolist() == [0.0, 1.0, 2.0]
    assert as_sample(torch.tensor([1.0, 2.0], dtype=torch.float64), "x").tolist() == [1.0, 2.0]
    assert check_normal(np.float32(50), 5) == (50.0, 5.0)
    assert type(check_normal(50, 5)[1]) is float
    assert as_interval(1, 2) == (1.0, 2.0)
    assert interval_probability(1.0, 1.0, 0, 1) == 0.0  # an empty interval is allowed


def test_the_mle_beats_a_though_a_generated_the_data():
    """The sample mean and std (dividing by n) maximise L: closed form L = (2 pi e sigma^2)^(-n/2)."""
    data = five_points()
    assert (data.mean(), data.std()) == (pytest.approx(MLE_MU, rel=1e-14), pytest.approx(MLE_SIGMA, rel=1e-14))
    best = likelihood(data, MLE_MU, MLE_SIGMA)
    assert best == pytest.approx((2 * math.pi * math.e * MLE_SIGMA**2) ** -2.5, rel=1e-12)
    assert best == pytest.approx(2.60e-6, abs=0.005e-6)
    assert best / likelihood(data, *A) == pytest.approx(3.716083115544003, rel=1e-10)  # mpmath, 40 digits
    for d_mu, d_sigma in [(0.01, 0), (-0.01, 0), (0, 0.01), (0, -0.01), (0.1, 0.1)]:
        assert likelihood(data, MLE_MU + d_mu, MLE_SIGMA + d_sigma) < best


@pytest.mark.parametrize("a", [10.0, 0.1, -2.5])
def test_new_units_divide_every_density_by_abs_a_and_keep_the_ratio(a):
    """x' = a x: every density is multiplied by c = 1/|a|, L by c^n; L(A)/L(B) is unchanged."""
    data, n = five_points(), 5
    for mu, sigma in (A, B):
        np.testing.assert_allclose(normal_pdf(a * data, a * mu, abs(a) * sigma),
                                   normal_pdf(data, mu, sigma) / abs(a), rtol=1e-13)
        assert likelihood(a * data, a * mu, abs(a) * sigma) == pytest.approx(
            likelihood(data, mu, sigma) / abs(a) ** n, rel=1e-12)
    ratio = likelihood(a * data, a * A[0], abs(a) * A[1]) / likelihood(a * data, a * B[0], abs(a) * B[1])
    assert ratio == pytest.approx(PRODUCT_A / PRODUCT_B, rel=1e-12)


def test_likelihood_torch_works_in_float64_and_matches_numpy_on_random_data():
    generator = np.random.default_rng(7)
    for _ in range(5):
        mu, sigma = generator.normal(0, 10), generator.uniform(0.5, 5)
        x = generator.normal(mu, sigma, 8)
        result = likelihood_torch(x, mu, sigma)
        assert result.dtype == torch.float64
        expected = torch_normal(mu, sigma).log_prob(torch.tensor(x)).sum().exp().item()
        assert result.item() == pytest.approx(expected, rel=1e-12)
        assert likelihood(x, mu, sigma) == pytest.approx(expected, rel=1e-12)


def test_interval_figure_shades_the_interval_and_labels_its_probability():
    axes = interval_figure().axes[0]
    (shaded,) = axes.collections
    xs = np.concatenate([path.vertices[:, 0] for path in shaded.get_paths()])
    assert xs.min() == pytest.approx(50.0) and xs.max() == pytest.approx(52.5)
    texts = [t.get_text() for t in axes.texts] + [t.get_text() for t in axes.get_legend().get_texts()]
    assert any(f"{P_50_TO_52_5:.4f}" in text for text in texts)


@pytest.mark.parametrize("mu, sigma, low, high", [(50, 2.5, 50, 52.5), (0, 0.1, 0, 0.1), (0, 40, -30, 10)])
def test_interval_figure_annotation_scales_with_sigma(mu, sigma, low, high):
    """The arrow points into the shaded area, and the label sits below the peak, whatever sigma."""
    axes = interval_figure(mu=mu, sigma=sigma, low=low, high=high).axes[0]
    (annotation,) = axes.texts
    peak = 1 / (sigma * math.sqrt(2 * math.pi))
    middle = (low + high) / 2
    arrow_x, arrow_y = annotation.xy
    assert low <= arrow_x <= high
    height = peak * math.exp(-((middle - mu) / sigma) ** 2 / 2)
    assert 0.1 * height < arrow_y < height
    assert 0.5 * peak < annotation.xyann[1] < peak


def test_two_normals_figure_draws_each_points_height_under_a_and_b():
    axes = two_normals_figure().axes[0]
    markers = [line for line in axes.get_lines() if line.get_marker() == "o"]
    heights = sorted(np.round(np.concatenate([line.get_ydata() for line in markers]), 4).tolist())
    assert heights == sorted(DENSITIES_A_4DP + DENSITIES_B_4DP)


def test_the_doctests_of_the_functions_the_page_defines_pass():
    """The page's blocks run in order (warnings as errors), then the examples of its docstrings pass."""
    result = run_page_doctests("likelihood.md")
    assert result.returncode == 0, f"docs/likelihood.md:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    assert "doctest examples passed" in result.stdout


# --- Bad input ---

from snippets import likelihood as likelihood_module  # noqa: E402
from tests.badinput import DATA as SAMPLE, Bad, inf, nan  # noqa: E402

m = likelihood_module
#: Bad input for every public function of snippets/likelihood.py (run by tests/test_bad_input.py).
BAD_INPUTS = {
    "check": [
        Bad("range", lambda: m.check(False, "k", -1, "a positive number"), "k: is -1"),
        Bad("type", lambda: m.check(False, "x", "a", "a number"), "x: is 'a'"),
    ],
    "as_number": [
        Bad("type", lambda: m.as_number("5", "sigma"), "sigma: is '5'"),
        Bad("type", lambda: m.as_number(None, "mu"), "mu: is None"),
        Bad("shape", lambda: m.as_number(np.array([1.0, 2.0]), "sigma"), "sigma: is array([1., 2.])"),
        Bad("nan", lambda: m.as_number(nan, "low"), "low: is nan, expected a real number"),
        Bad("type", lambda: m.as_number(True, "k"), "k: is True, expected a real number in float range (not a bool"),
        Bad("range", lambda: m.as_number(-10**400, "x"), "expected a real number in float range"),
    ],
    "as_sample": [
        Bad("type", lambda: m.as_sample("abc", "x"), "x: is 'abc'"),
        Bad("type", lambda: m.as_sample([1.0, None], "data"), "data: is None"),
        Bad("empty", lambda: m.as_sample([], "data"), "data: is []"),
        Bad("nan", lambda: m.as_sample([1.0, nan], "data"), "data: is nan"),
        Bad("shape", lambda: m.as_sample([[1.0]], "data"), "data: is [[1.0]]"),
        Bad("shape", lambda: m.as_sample([1.0, [2.0, 3.0]], "x"), "x: is [2.0, 3.0]"),
        Bad("type", lambda: m.as_sample([1.0, True], "x"), "x: is True, expected a real number in float range (not a bool"),
        Bad("type", lambda: m.as_sample(np.array([True]), "x"), "not a bool"),
        Bad("range", lambda: m.as_sample([10**400], "x"), "in float range"),
    ],
    "check_normal": [
        Bad("scale", lambda: m.check_normal(50, 0), "sigma: is 0, expected a positive finite number"),
        Bad("type", lambda: m.check_normal(0, "5"), "sigma: is '5'"),
        Bad("type", lambda: m.check_normal(0, None), "sigma: is None"),
        Bad("shape", lambda: m.check_normal(0, np.array([1.0, 2.0])), "sigma: is array([1., 2.])"),
        Bad("type", lambda: m.check_normal("50", 5), "mu: is '50'"),
        Bad("scale", lambda: m.check_normal(50, inf), "sigma: is inf"),
        Bad("nan", lambda: m.check_normal(nan, 5), "mu: is nan"),
        Bad("nan", lambda: m.check_normal(50, nan), "sigma: is nan"),
        Bad("type", lambda: m.check_normal(True, 5), "mu: is True"),
        Bad("range", lambda: m.check_normal(10**400, 5), "mu: is 1000"),
    ],
    "as_interval": [
        Bad("range", lambda: m.as_interval(2, 1), "high: is 1.0, expected a number >= low = 2.0"),
        Bad("type", lambda: m.as_interval("0", 1), "low: is '0'"),
        Bad("nan", lambda: m.as_interval(0, nan), "high: is nan"),
        Bad("type", lambda: m.as_interval(0, True), "high: is True"),
    ],
    "normal_pdf": [
        Bad("scale", lambda: m.normal_pdf([50.0], 50, 0), "sigma: is 0"),
        Bad("empty", lambda: m.normal_pdf([], 50, 5), "x: is []"),
        Bad("nan", lambda: m.normal_pdf([50.0, nan], 50, 5), "x: is nan"),
        Bad("shape", lambda: m.normal_pdf([1, [2, 3]], 0, 1), "x: is [2, 3]"),
        Bad("type", lambda: m.normal_pdf(True, 0, 1), "x: is True"),
        Bad("range", lambda: m.normal_pdf([50.0], inf, 5), "mu: is inf"),
        Bad("type", lambda: m.normal_pdf("50", 50, 5), "x: is '50'"),
        Bad("shape", lambda: m.normal_pdf([[50.0]], 50, 5), "x: is [[50.0]]"),
    ],
    "normal_cdf": [
        Bad("scale", lambda: m.normal_cdf(50, 50, -1), "sigma: is -1"),
        Bad("nan", lambda: m.normal_cdf(nan, 50, 1), "x: is nan"),
        Bad("range", lambda: m.normal_cdf(50, inf, 1), "mu: is inf"),
        Bad("type", lambda: m.normal_cdf("a", 0, 1), "x: is 'a'"),
        Bad("shape", lambda: m.normal_cdf([1.0, 2.0], 0, 1), "x: is [1.0, 2.0]"),
        Bad("type", lambda: m.normal_cdf(0, 0, None), "sigma: is None"),
        Bad("type", lambda: m.normal_cdf(0, 0, True), "sigma: is True"),
        Bad("range", lambda: m.normal_cdf(10**400, 0, 1), "x: is 1000"),
    ],
    "interval_probability": [
        Bad("range", lambda: m.interval_probability(52.5, 50, 50, 2.5),
            "high: is 50.0, expected a number >= low = 52.5"),
        Bad("nan", lambda: m.interval_probability(nan, 1.0, 0, 1), "low: is nan"),
        Bad("type", lambda: m.interval_probability(0, "1", 0, 1), "high: is '1'"),
        Bad("nan", lambda: m.interval_probability(50, nan, 50, 2.5), "high: is nan"),
        Bad("scale", lambda: m.interval_probability(50, 52.5, 50, 0), "sigma: is 0"),
        Bad("type", lambda: m.interval_probability(10, 11, "0", 1), "mu: is '0'"),
    ],
    "within_k_sigma": [
        Bad("scale", lambda: m.within_k_sigma(0, 50, 2.5), "k: is 0"),
        Bad("scale", lambda: m.within_k_sigma(-1, 50, 2.5), "k: is -1"),
        Bad("type", lambda: m.within_k_sigma("2", 50, 2.5), "k: is '2'"),
        Bad("nan", lambda: m.within_k_sigma(nan, 50, 2.5), "k: is nan"),
        Bad("type", lambda: m.within_k_sigma(1, "50", 2.5), "mu: is '50'"),
        Bad("type", lambda: m.within_k_sigma(1, None, 2.5), "mu: is None"),
        Bad("scale", lambda: m.within_k_sigma(1, 50, -1), "sigma: is -1, expected a positive finite number"),
        Bad("nan", lambda: m.within_k_sigma(1, 50, nan), "sigma: is nan"),
        Bad("shape", lambda: m.within_k_sigma(1, np.array([50.0, 60.0]), 2.5), "mu: is array([50., 60.])"),
    ],
    "likelihood": [
        Bad("empty", lambda: m.likelihood([], 50, 5), "data: is []"),
        Bad("nan", lambda: m.likelihood([48.8, nan], 50, 5), "data: is nan"),
        Bad("shape", lambda: m.likelihood([[48.8, 49.3], [52.5]], 50, 5), "data: is [48.8, 49.3]"),
        Bad("scale", lambda: m.likelihood(SAMPLE, 50, -5), "sigma: is -5"),
        Bad("shape", lambda: m.likelihood([SAMPLE, SAMPLE], 50, 5), "a non-empty 1-D sequence"),
        Bad("type", lambda: m.likelihood(SAMPLE, 50, np.array([5.0])), "sigma: is array([5.])"),
    ],
    "likelihood_torch": [
        Bad("empty", lambda: m.likelihood_torch(torch.tensor([]), 50, 5), "data: is tensor([])"),
        Bad("nan", lambda: m.likelihood_torch([nan], 50, 5), "data: is nan"),
        Bad("type", lambda: m.likelihood_torch(torch.tensor([True]), 50, 5), "data: is True"),
        Bad("scale", lambda: m.likelihood_torch(SAMPLE, 50, 0), "sigma: is 0"),
        Bad("type", lambda: m.likelihood_torch(SAMPLE, "50", 5), "mu: is '50'"),
    ],
}
