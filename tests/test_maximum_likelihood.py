"""Tests of snippets/maximum_likelihood.py: closed form, gradient ascent, comparisons, the coin, bad input."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch.distributions import Normal

from snippets.likelihood import A, B, five_points
from snippets.log_likelihood import log_likelihood
from snippets.maximum_likelihood import (
    bernoulli_mean_nll,
    bernoulli_mle,
    coin_mean_nll_torch,
    contour_figure,
    distances_to,
    gaussian_max_log_likelihood,
    gaussian_mle,
    gaussian_mle_torch,
    gradient_ascent,
    mle_of_draws,
)
from tests.sitetools import page_source, run_page_doctests

# Exact values from ../shared/WORKED_NUMBERS.md (computed independently of this code).
MU_HAT, SIGMA_HAT = 52.295014871625426, 3.1673107704922443
LOG_LIKELIHOODS = {"A": -14.1718, "B": -17.4626, "MLE": -12.8591}


def torch_log_likelihood(x, mu: float, sigma: float) -> float:
    loc, scale = torch.tensor(mu, dtype=torch.float64), torch.tensor(sigma, dtype=torch.float64)
    return Normal(loc, scale).log_prob(torch.as_tensor(x, dtype=torch.float64)).sum().item()


def test_closed_form_matches_the_oracle_in_numpy_and_torch():
    assert gaussian_mle(five_points()) == pytest.approx((MU_HAT, SIGMA_HAT), rel=1e-14)
    mu, sigma = gaussian_mle_torch(five_points())
    assert (mu.item(), sigma.item()) == pytest.approx((MU_HAT, SIGMA_HAT), rel=1e-14)


def test_the_gradient_is_zero_at_the_closed_form_and_the_hessian_is_negative_definite():
    x = torch.as_tensor(five_points())
    params = torch.tensor([MU_HAT, SIGMA_HAT], dtype=torch.float64, requires_grad=True)

    def ll(p):
        return Normal(p[0], p[1]).log_prob(x).sum()

    (grad,) = torch.autograd.grad(ll(params), params)
    assert grad.abs().max().item() < 1e-12
    hessian = torch.autograd.functional.hessian(ll, params.detach())
    n = 5
    torch.testing.assert_close(hessian, torch.tensor([[-n / SIGMA_HAT**2, 0.0], [0.0, -2 * n / SIGMA_HAT**2]],
                                                     dtype=torch.float64), rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("seed", range(5))
def test_no_nearby_parameters_beat_the_mle(seed):
    data = np.random.default_rng(seed).normal(10, 3, 20)
    mu_hat, sigma_hat = gaussian_mle(data)
    best = torch_log_likelihood(data, mu_hat, sigma_hat)
    for d_mu, d_sigma in [(1e-3, 0), (-1e-3, 0), (0, 1e-3), (0, -1e-3), (0.5, 0.5), (-0.5, -0.5)]:
        assert torch_log_likelihood(data, mu_hat + d_mu, sigma_hat + d_sigma) < best


def test_dividing_by_n_minus_1_is_the_unbiased_version():
    x = torch.as_tensor(five_points())
    assert float(np.std(five_points(), ddof=1)) == pytest.approx(x.std().item(), rel=1e-14)  # torch's default
    assert float(np.std(five_points(), ddof=1)) == pytest.approx(SIGMA_HAT * math.sqrt(5 / 4), rel=1e-14)
    # The bias: averaged over many samples of size 5, the MLE of the variance is (n-1)/n of the truth.
    samples = np.random.default_rng(0).normal(0.0, 2.0, size=(200_000, 5))
    assert np.mean(samples.var(axis=1, ddof=0)) == pytest.approx(4 * 4 / 5, rel=0.01)


def test_more_draws_bring_the_mle_to_the_truth():
    draws = torch.tensor(np.random.RandomState(42).normal(50, 5, 10_000))
    assert mle_of_draws(10_000) == pytest.approx((draws.mean().item(), draws.std(correction=0).item()), rel=1e-12)
    assert mle_of_draws(10_000) == pytest.approx((50, 5), abs=0.05)
    assert mle_of_draws(5) == pytest.approx((MU_HAT, SIGMA_HAT), rel=1e-14)  # the five points, unsorted


def test_log_likelihood_under_a_b_and_at_the_mle():
    values = {
        "A": log_likelihood(five_points(), *A),
        "B": log_likelihood(five_points(), *B),
        "MLE": log_likelihood(five_points(), *gaussian_mle(five_points())),
    }
    assert values == pytest.approx(LOG_LIKELIHOODS, abs=5e-5)
    assert values["MLE"] > values["A"] > values["B"]
    assert gaussian_max_log_likelihood(five_points()) == pytest.approx(torch_log_likelihood(five_points(), MU_HAT, SIGMA_HAT), rel=1e-13)


def test_the_maximum_is_positive_in_other_units():
    in_hundreds = gaussian_max_log_likelihood(five_points() / 100)
    assert in_hundreds == pytest.approx(LOG_LIKELIHOODS["MLE"] + 5 * math.log(100), abs=5e-5)
    assert in_hundreds == pytest.approx(torch_log_likelihood(five_points() / 100, MU_HAT / 100, SIGMA_HAT / 100), rel=1e-12)
    assert in_hundreds > 0


def hand_derived_ascent(lr: float, steps: int) -> list[tuple[float, float]]:
    """The same ascent with gradients derived by hand: an implementation independent of autograd."""
    x = five_points()
    mu, s = 50.0, math.log(5.0)
    path = [(mu, math.exp(s))]
    for _ in range(steps):
        sigma = math.exp(s)
        grad_mu = np.mean(x - mu) / sigma**2
        grad_s = -1 + np.mean((x - mu) ** 2) / sigma**2
        mu, s = mu + lr * grad_mu, s + lr * grad_s
        path.append((mu, math.exp(s)))
    return path


def test_gradient_ascent_follows_the_hand_derived_path_and_reaches_the_closed_form():
    path = gradient_ascent(five_points(), *A)
    assert len(path) == 301
    np.testing.assert_allclose(path, hand_derived_ascent(0.9, 300), rtol=1e-12)
    assert path[-1] == pytest.approx((MU_HAT, SIGMA_HAT), rel=1e-11)
    distances = distances_to(path, (MU_HAT, SIGMA_HAT))
    assert distances[0] == pytest.approx(math.hypot(MU_HAT - 50, SIGMA_HAT - 5), rel=1e-14)
    assert distances[2] > distances[1]  # sigma overshoots at first, as the page says
    assert all(later < earlier for earlier, later in zip(distances[100::10], distances[110::10]))
    assert distances[-1] < 1e-10


def test_gradient_ascent_is_deterministic():
    assert gradient_ascent(five_points(), *A, steps=50) == gradient_ascent(five_points(), *A, steps=50)


def test_the_late_convergence_rate_is_the_mu_factor():
    distances = distances_to(gradient_ascent(five_points(), *A), (MU_HAT, SIGMA_HAT))
    assert distances[200] / distances[199] == pytest.approx(1 - 0.9 / SIGMA_HAT**2, rel=1e-4)


@pytest.mark.parametrize("k, n", [(7, 10), (0, 4), (4, 4), (13, 50)])
def test_bernoulli_mle_is_the_frequency_and_maximises_the_likelihood(k, n):
    p_hat = bernoulli_mle(k, n)
    assert p_hat == k / n
    grid = np.linspace(0.001, 0.999, 999)
    losses = [bernoulli_mean_nll(p, k, n) for p in grid]
    assert abs(grid[int(np.argmin(losses))] - p_hat) <= 0.001 + 1e-12
    assert bernoulli_mean_nll(p_hat, k, n) <= min(losses) + 1e-12


def test_coin_mean_nll_is_binary_cross_entropy():
    flips = torch.tensor([1, 1, 0, 1, 1, 1, 0, 1, 0, 1], dtype=torch.float64)
    for p in (0.1, 0.5, 0.7, 0.93):
        expected = F.binary_cross_entropy(torch.full_like(flips, p), flips).item()
        assert bernoulli_mean_nll(p, 7, 10) == pytest.approx(expected, rel=1e-12)
        assert coin_mean_nll_torch(p, flips).item() == pytest.approx(expected, rel=1e-12)
    assert bernoulli_mean_nll(0.7, 7, 10) == pytest.approx(-(0.7 * math.log(0.7) + 0.3 * math.log(0.3)), rel=1e-14)
    assert bernoulli_mean_nll(0.5, 7, 10) == pytest.approx(math.log(2), rel=1e-14)


def test_coin_edge_cases():
    assert bernoulli_mean_nll(1.0, 5, 5) == 0.0  # a certain model of an all-heads record
    assert bernoulli_mean_nll(0.0, 0, 5) == 0.0
    assert bernoulli_mean_nll(0.0, 1, 5) == math.inf  # rules out what happened


def test_the_torch_coin_nll_is_infinite_where_the_model_rules_out_a_flip():
    """binary_cross_entropy clamps ln 0 at -100 (it would say 50.0 here); -ln 0 is infinite."""
    flips = torch.tensor([1.0, 0.0], dtype=torch.float64)
    assert coin_mean_nll_torch(0.0, flips).item() == math.inf  # heads seen, P(heads) = 0
    assert coin_mean_nll_torch(1.0, flips).item() == math.inf  # tails seen, P(heads) = 1
    assert coin_mean_nll_torch(0.0, torch.zeros(3, dtype=torch.float64)).item() == 0.0  # all tails, as predicted
    assert coin_mean_nll_torch(1.0, torch.ones(3, dtype=torch.float64)).item() == 0.0


def test_numpy_integers_count_as_integers():
    assert bernoulli_mle(np.int64(7), np.int64(10)) == 0.7
    assert bernoulli_mean_nll(0.5, np.int32(7), 10) == pytest.approx(math.log(2), rel=1e-14)


def test_contour_figure_marks_a_b_and_the_mle():
    axes = contour_figure().axes[0]
    points = {line.get_label().split(":")[0]: (line.get_xdata()[0], line.get_ydata()[0])
              for line in axes.get_lines() if len(line.get_xdata()) == 1}
    assert points["A = N(50, 5)"] == (50.0, 5.0)
    assert points["B = N(45, 8)"] == (45.0, 8.0)
    (mle_label,) = [label for label in points if label.startswith("MLE")]
    assert points[mle_label] == pytest.approx((MU_HAT, SIGMA_HAT), rel=1e-14)


# The "Bad input" table of docs/maximum-likelihood.md: each row's call and the message it documents.
BAD_INPUT_TABLE = [
    (lambda: gaussian_mle([50.0]), "data: has 1 value, expected at least 2 to estimate a spread"),
    (lambda: bernoulli_mle(11, 10), "k: is 11, expected a number of heads between 0 and n = 10"),
    (lambda: bernoulli_mean_nll(1.5, 7, 10), "p: contains 1.5, expected probabilities in [0, 1]"),
    (lambda: gradient_ascent(five_points(), 50, 0), "sigma: is 0, expected a positive number"),
]


@pytest.mark.parametrize("call, message", BAD_INPUT_TABLE)
def test_documented_bad_input_raises_the_documented_message(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()
    assert f"`{message}`" in page_source("maximum-likelihood.md")


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: gaussian_mle([]), "data: is empty"),
        (lambda: gaussian_mle([1.0, math.nan]), "data: contains NaN"),
        (lambda: gaussian_mle_torch([1.0]), "data: has 1 value"),
        (lambda: gaussian_mle_torch(torch.tensor([1.0, math.inf])), "data: contains infinity"),
        (lambda: gradient_ascent(five_points(), 50, 5, lr=-0.1), "lr: is -0.1"),
        (lambda: gradient_ascent(five_points(), 50, 5, steps=0), "steps: is 0"),
        (lambda: gradient_ascent([], 50, 5), "data: is empty"),
        (lambda: mle_of_draws(1), "n: is 1"),
        (lambda: bernoulli_mle(-1, 10), "k: is -1"),
        (lambda: bernoulli_mle(3, 0), "n: is 0"),
        (lambda: bernoulli_mle(2.5, 10), "k: is 2.5"),
        (lambda: bernoulli_mean_nll(-0.2, 7, 10), "p: contains -0.2"),
        (lambda: coin_mean_nll_torch(0.5, [0.5, 1.0]), "flips: contains 0.5, expected outcomes 0 (tails) or 1 (heads)"),
        (lambda: coin_mean_nll_torch(2.0, [1.0, 0.0]), "p: contains 2"),
    ],
)
def test_other_bad_input_raises_value_error(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()


def test_the_doctests_of_the_functions_the_page_defines_pass():
    """The page's blocks run in order (warnings as errors), then the examples of its docstrings pass."""
    result = run_page_doctests("maximum-likelihood.md")
    assert result.returncode == 0, f"docs/maximum-likelihood.md:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    assert "doctest examples passed" in result.stdout


# --- Bad input ---

from snippets import maximum_likelihood as ml_module  # noqa: E402
from tests.badinput import (  # noqa: E402,F401
    BATCH, DATA, LOG_HALVES, LOGITS, P, SCRATCH, T, Bad, inf, nan, word_file,
)

#: Bad input for every public function of snippets/maximum_likelihood.py (run by tests/test_bad_input.py).
BAD_INPUTS = {
    "gaussian_mle": [
        Bad("count", lambda: ml_module.gaussian_mle([50.0]), "data: has 1 value, expected at least 2"),
        Bad("empty", lambda: ml_module.gaussian_mle([]), "data: is empty"),
        Bad("nan", lambda: ml_module.gaussian_mle([50.0, nan]), "data: contains NaN at index (1,)"),
        Bad("shape", lambda: ml_module.gaussian_mle([DATA, DATA]), "data: has shape (2, 5)"),
        Bad("scale", lambda: ml_module.gaussian_mle([3.0, 3.0, 3.0]), "data: all 3 values equal 3"),
    ],
    "gaussian_mle_torch": [
        Bad("count", lambda: ml_module.gaussian_mle_torch(torch.tensor([50.0])), "data: has 1 value"),
        Bad("nan", lambda: ml_module.gaussian_mle_torch(torch.tensor([50.0, nan])), "data: contains NaN"),
        Bad("shape", lambda: ml_module.gaussian_mle_torch([DATA, DATA]), "data: has shape (2, 5)"),
        Bad("scale", lambda: ml_module.gaussian_mle_torch(torch.full((4,), 2.5)), "data: all 4 values equal 2.5"),
    ],
    "mle_of_draws": [
        Bad("count", lambda: ml_module.mle_of_draws(1), "n: is 1, expected an integer number of draws >= 2"),
        Bad("type", lambda: ml_module.mle_of_draws(2.5), "n: is 2.5"),
        Bad("type", lambda: ml_module.mle_of_draws(True), "n: is True"),
        Bad("range", lambda: ml_module.mle_of_draws(10, seed=-1), "seed: is -1"),
        Bad("range", lambda: ml_module.mle_of_draws(10, seed=2**32), "seed: is 4294967296"),
        Bad("type", lambda: ml_module.mle_of_draws(10, seed=1.5), "seed: is 1.5"),
    ],
    "gaussian_max_log_likelihood": [
        Bad("count", lambda: ml_module.gaussian_max_log_likelihood([50.0]), "data: has 1 value"),
        Bad("scale", lambda: ml_module.gaussian_max_log_likelihood([3.0, 3.0]), "data: all 2 values equal 3"),
        Bad("nan", lambda: ml_module.gaussian_max_log_likelihood([50.0, nan]), "data: contains NaN"),
        Bad("shape", lambda: ml_module.gaussian_max_log_likelihood([DATA, DATA]), "data: has shape (2, 5)"),
        Bad("empty", lambda: ml_module.gaussian_max_log_likelihood([]), "data: is empty"),
    ],
    "gradient_ascent": [
        Bad("scale", lambda: ml_module.gradient_ascent(DATA, 50, 0), "sigma: is 0"),
        Bad("nan", lambda: ml_module.gradient_ascent(DATA, nan, 5), "mu: contains NaN"),
        Bad("scale", lambda: ml_module.gradient_ascent(DATA, 50, 5, lr=0), "lr: is 0"),
        Bad("scale", lambda: ml_module.gradient_ascent(DATA, 50, 5, lr=10), "lr: is 10, the ascent diverged"),
        Bad("count", lambda: ml_module.gradient_ascent(DATA, 50, 5, steps=0), "steps: is 0"),
        Bad("type", lambda: ml_module.gradient_ascent(DATA, 50, 5, steps=True), "steps: is True"),
        Bad("empty", lambda: ml_module.gradient_ascent([], 50, 5), "data: is empty"),
        Bad("shape", lambda: ml_module.gradient_ascent([DATA, DATA], 50, 5), "data: has shape (2, 5)"),
    ],
    "distances_to": [
        Bad("empty", lambda: ml_module.distances_to([], (52.3, 3.2)), "path: is empty"),
        Bad("shape", lambda: ml_module.distances_to([(50, 5, 1)], (52.3, 3.2)), "path: has shape (1, 3)"),
        Bad("shape", lambda: ml_module.distances_to([(50, 5)], (52.3,)), "target: has shape (1,)"),
        Bad("nan", lambda: ml_module.distances_to([(50, 5)], (nan, 3.2)), "target: contains NaN"),
        Bad("type", lambda: ml_module.distances_to([("a", 5)], (52.3, 3.2)), "path: expected real numbers"),
    ],
    "bernoulli_mle": [
        Bad("count", lambda: ml_module.bernoulli_mle(11, 10), "k: is 11, expected a number of heads between 0 and n = 10"),
        Bad("count", lambda: ml_module.bernoulli_mle(-1, 10), "k: is -1"),
        Bad("count", lambda: ml_module.bernoulli_mle(0, 0), "n: is 0, expected a positive number of flips"),
        Bad("type", lambda: ml_module.bernoulli_mle(2.5, 10), "k: is 2.5"),
        Bad("type", lambda: ml_module.bernoulli_mle(True, 10), "k: is True"),
    ],
    "bernoulli_mean_nll": [
        Bad("range", lambda: ml_module.bernoulli_mean_nll(1.5, 7, 10), "p: contains 1.5"),
        Bad("nan", lambda: ml_module.bernoulli_mean_nll(nan, 7, 10), "p: contains NaN"),
        Bad("shape", lambda: ml_module.bernoulli_mean_nll([0.5, 0.5], 7, 10), "p: expected a single number"),
        Bad("count", lambda: ml_module.bernoulli_mean_nll(0.5, 11, 10), "k: is 11"),
    ],
    "coin_mean_nll_torch": [
        Bad("label", lambda: ml_module.coin_mean_nll_torch(0.5, [0.5, 1.0]), "flips: contains 0.5"),
        Bad("label", lambda: ml_module.coin_mean_nll_torch(0.5, torch.tensor([2, 1])), "flips: contains 2"),
        Bad("range", lambda: ml_module.coin_mean_nll_torch(2.0, [1.0, 0.0]), "p: contains 2"),
        Bad("nan", lambda: ml_module.coin_mean_nll_torch(nan, [1.0, 0.0]), "p: contains NaN"),
        Bad("empty", lambda: ml_module.coin_mean_nll_torch(0.5, []), "flips: is empty"),
        Bad("shape", lambda: ml_module.coin_mean_nll_torch(0.5, [[1, 0], [0, 1]]), "flips: has shape (2, 2)"),
    ],
}
