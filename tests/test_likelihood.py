"""Tests of snippets/likelihood.py: probabilities, densities, likelihoods, bad input, figures, the page's code."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
import torch
from torch.distributions import Normal

from snippets.checks import finite_number, observations, ordered_interval, probability, whole_number
from snippets.likelihood import (
    A,
    B,
    density_and_small_interval,
    five_points,
    interval_figure,
    interval_probability,
    likelihood,
    likelihood_torch,
    normal_cdf,
    normal_pdf,
    rounded_product,
    two_normals_figure,
    within_k_sigma,
)
from tests.sitetools import page_source, run_page_doctests

# Exact values from ../shared/WORKED_NUMBERS.md (computed independently of this code).
DATA = [48.82923313, 49.30867849, 52.48357077, 53.23844269, 57.61514928]
P_50_TO_52_5 = 0.3413447460685429
K_SIGMA = {1: (47.5, 52.5, 0.6826894921), 2: (45.0, 55.0, 0.9544997361), 3: (42.5, 57.5, 0.9973002039)}
DENSITIES_A_4DP = [0.0776, 0.0790, 0.0705, 0.0647, 0.0250]
DENSITIES_B_4DP = [0.0445, 0.0431, 0.0322, 0.0293, 0.0144]
PRODUCT_A, PRODUCT_B = 7.002857954726396e-07, 2.6067713385609294e-08
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


def test_densities_rounded_to_4_places_are_the_articles_table():
    np.testing.assert_array_equal(np.round(normal_pdf(five_points(), *A), 4), DENSITIES_A_4DP)
    np.testing.assert_array_equal(np.round(normal_pdf(five_points(), *B), 4), DENSITIES_B_4DP)


def test_exact_likelihoods_match_the_oracle_in_numpy_and_torch():
    assert likelihood(five_points(), *A) == pytest.approx(PRODUCT_A, rel=1e-13)
    assert likelihood(five_points(), *B) == pytest.approx(PRODUCT_B, rel=1e-13)
    assert likelihood_torch(five_points(), *A).item() == pytest.approx(PRODUCT_A, rel=1e-13)
    assert likelihood_torch(five_points(), *B).item() == pytest.approx(PRODUCT_B, rel=1e-13)
    assert likelihood_torch(five_points(), *A).dtype == torch.float64


def test_rounded_products_reproduce_the_articles_numbers_and_differ_from_the_exact_ones():
    assert rounded_product(five_points(), *A) == pytest.approx(ROUNDED_A, rel=1e-15)
    assert rounded_product(five_points(), *B) == pytest.approx(ROUNDED_B, rel=1e-15)
    assert math.prod(DENSITIES_A_4DP) == pytest.approx(ROUNDED_A, rel=1e-15)  # the table, multiplied
    assert rounded_product(five_points(), *A) != pytest.approx(PRODUCT_A, rel=1e-3)


def test_a_density_can_exceed_one_but_an_interval_probability_cannot():
    density, probability = density_and_small_interval(50, 0.1, 0.1)
    assert density == pytest.approx(1 / (0.1 * math.sqrt(2 * math.pi)), rel=1e-14)
    assert density > 1
    assert probability == pytest.approx(math.erf(0.5 / math.sqrt(2)), rel=1e-12)
    assert probability < 1


def test_new_generic_checks():
    assert finite_number(np.float32(2.5), "x") == 2.5
    assert ordered_interval(1, 1) == (1.0, 1.0)
    with pytest.raises(ValueError, match=re.escape("x: expected a single number, got shape (2,)")):
        finite_number([1.0, 2.0], "x")
    with pytest.raises(ValueError, match="a: is 3, greater than b = 2, expected a <= b"):
        ordered_interval(3, 2, names=("a", "b"))
    with pytest.raises(ValueError, match="high: contains infinity"):
        ordered_interval(0, math.inf)
    assert observations(3.5).tolist() == [3.5]  # one number is one observation
    assert observations(torch.tensor([1.0, 2.0])).tolist() == [1.0, 2.0]
    assert probability(np.float32(0.25)) == 0.25 and probability(1) == 1.0
    assert whole_number(np.int64(3), "n") == 3 and type(whole_number(np.int64(3), "n")) is int
    assert whole_number(10, "k", high=10) == 10


# The "Bad input" table of docs/likelihood.md: each row's call and the message it documents.
BAD_INPUT_TABLE = [
    (lambda: normal_pdf([50.0], 50, 0), "sigma: is 0, expected a positive number"),
    (lambda: likelihood([], 50, 5), "data: is empty, expected at least one value"),
    (lambda: likelihood([48.8, math.nan], 50, 5), "data: contains NaN at index (1,), expected real numbers"),
    (lambda: interval_probability(52.5, 50, 50, 2.5), "low: is 52.5, greater than high = 50, expected low <= high"),
]


@pytest.mark.parametrize("call, message", BAD_INPUT_TABLE)
def test_documented_bad_input_raises_the_documented_message(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()
    assert f"`{message}`" in page_source("likelihood.md")


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: normal_cdf(50, 50, -1), "sigma: is -1"),
        (lambda: normal_cdf(math.nan, 50, 1), "x: contains NaN"),
        (lambda: normal_pdf([50.0], math.inf, 1), "mu: contains infinity"),
        (lambda: likelihood_torch([50.0], 50, 0), "sigma: is 0"),
        (lambda: likelihood_torch([], 50, 1), "data: is empty"),
        (lambda: within_k_sigma(0, 50, 1), "k: is 0"),
        (lambda: rounded_product(five_points(), *A, places=-1), "places: is -1"),
        (lambda: density_and_small_interval(50, 1, 0), "width: is 0"),
        (lambda: interval_probability("a", 1, 0, 1), "low: expected real numbers"),
    ],
)
def test_other_bad_input_raises_value_error(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()


def test_interval_figure_shades_the_interval_and_labels_its_probability():
    axes = interval_figure().axes[0]
    (shaded,) = axes.collections
    xs = np.concatenate([path.vertices[:, 0] for path in shaded.get_paths()])
    assert xs.min() == pytest.approx(50.0) and xs.max() == pytest.approx(52.5)
    texts = [t.get_text() for t in axes.texts] + [t.get_text() for t in axes.get_legend().get_texts()]
    assert any(f"{P_50_TO_52_5:.4f}" in text for text in texts)


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
from tests.badinput import (  # noqa: E402,F401
    BATCH, DATA, LOG_HALVES, LOGITS, P, SCRATCH, T, Bad, inf, nan, word_file,
)

#: Bad input for every public function of snippets/likelihood.py (run by tests/test_bad_input.py).
BAD_INPUTS = {
    "normal_cdf": [
        Bad("scale", lambda: likelihood_module.normal_cdf(50, 50, 0), "sigma: is 0"),
        Bad("scale", lambda: likelihood_module.normal_cdf(50, 50, -1), "sigma: is -1"),
        Bad("nan", lambda: likelihood_module.normal_cdf(nan, 50, 1), "x: contains NaN"),
        Bad("range", lambda: likelihood_module.normal_cdf(50, inf, 1), "mu: contains infinity"),
        Bad("shape", lambda: likelihood_module.normal_cdf([50, 51], 50, 1), "x: expected a single number"),
    ],
    "interval_probability": [
        Bad("range", lambda: likelihood_module.interval_probability(52.5, 50, 50, 2.5),
            "low: is 52.5, greater than high = 50"),
        Bad("scale", lambda: likelihood_module.interval_probability(50, 52.5, 50, 0), "sigma: is 0"),
        Bad("nan", lambda: likelihood_module.interval_probability(50, 52.5, nan, 2.5), "mu: contains NaN"),
        Bad("range", lambda: likelihood_module.interval_probability(-inf, inf, 50, 2.5), "low: contains infinity"),
        Bad("type", lambda: likelihood_module.interval_probability("a", 1, 0, 1), "low: expected real numbers"),
    ],
    "within_k_sigma": [
        Bad("scale", lambda: likelihood_module.within_k_sigma(0, 50, 2.5), "k: is 0"),
        Bad("scale", lambda: likelihood_module.within_k_sigma(-1, 50, 2.5), "k: is -1"),
        Bad("scale", lambda: likelihood_module.within_k_sigma(1, 50, 0), "sigma: is 0"),
        Bad("nan", lambda: likelihood_module.within_k_sigma(1, nan, 2.5), "mu: contains NaN"),
    ],
    "normal_pdf": [
        Bad("scale", lambda: likelihood_module.normal_pdf([50.0], 50, 0), "sigma: is 0"),
        Bad("empty", lambda: likelihood_module.normal_pdf([], 50, 5), "x: is empty"),
        Bad("nan", lambda: likelihood_module.normal_pdf([50.0, nan], 50, 5), "x: contains NaN at index (1,)"),
        Bad("shape", lambda: likelihood_module.normal_pdf([50.0], [50, 45], 5), "mu: expected a single number"),
        Bad("type", lambda: likelihood_module.normal_pdf(["a"], 50, 5), "x: expected real numbers"),
    ],
    "likelihood": [
        Bad("empty", lambda: likelihood_module.likelihood([], 50, 5), "data: is empty"),
        Bad("nan", lambda: likelihood_module.likelihood([48.8, nan], 50, 5), "data: contains NaN at index (1,)"),
        Bad("scale", lambda: likelihood_module.likelihood(DATA, 50, -5), "sigma: is -5"),
        Bad("shape", lambda: likelihood_module.likelihood([DATA, DATA], 50, 5), "data: has shape (2, 5)"),
        Bad("range", lambda: likelihood_module.likelihood([inf], 50, 5), "data: contains infinity"),
    ],
    "likelihood_torch": [
        Bad("empty", lambda: likelihood_module.likelihood_torch(torch.tensor([]), 50, 5), "data: is empty"),
        Bad("nan", lambda: likelihood_module.likelihood_torch(torch.tensor([nan]), 50, 5), "data: contains NaN"),
        Bad("scale", lambda: likelihood_module.likelihood_torch(DATA, 50, 0), "sigma: is 0"),
        Bad("shape", lambda: likelihood_module.likelihood_torch(DATA, torch.tensor([50.0, 45.0]), 5),
            "mu: expected a single number"),
        Bad("shape", lambda: likelihood_module.likelihood_torch([DATA, DATA], 50, 5), "data: has shape (2, 5)"),
    ],
    "rounded_product": [
        Bad("count", lambda: likelihood_module.rounded_product(DATA, 50, 5, places=-1), "places: is -1"),
        Bad("type", lambda: likelihood_module.rounded_product(DATA, 50, 5, places=2.5), "places: is 2.5"),
        Bad("type", lambda: likelihood_module.rounded_product(DATA, 50, 5, places=True), "places: is True"),
        Bad("empty", lambda: likelihood_module.rounded_product([], 50, 5), "data: is empty"),
        Bad("scale", lambda: likelihood_module.rounded_product(DATA, 50, 0), "sigma: is 0"),
    ],
    "density_and_small_interval": [
        Bad("scale", lambda: likelihood_module.density_and_small_interval(50, 0.1, 0), "width: is 0"),
        Bad("scale", lambda: likelihood_module.density_and_small_interval(50, 0.1, -1), "width: is -1"),
        Bad("scale", lambda: likelihood_module.density_and_small_interval(50, 0, 0.1), "sigma: is 0"),
        Bad("nan", lambda: likelihood_module.density_and_small_interval(nan, 0.1, 0.1), "mu: contains NaN"),
        Bad("range", lambda: likelihood_module.density_and_small_interval(inf, 0.1, 0.1), "mu: contains infinity"),
    ],
}
