"""Tests of snippets/maximum_likelihood.py: closed form, gradient ascent, how
good the MLE is (bias, variance, consistency), the coin, and bad input."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch.distributions import Normal

from snippets.maximum_likelihood import (
    A,
    B,
    as_fit_sample,
    as_flips,
    as_sample,
    bernoulli_mean_nll,
    check,
    check_normal,
    check_real,
    check_whole,
    coin_mean_nll_torch,
    contour_figure,
    five_points,
    gaussian_max_log_likelihood,
    gaussian_mle,
    gaussian_mle_torch,
    gradient_ascent,
    log_likelihood,
)
from tests.ledger.maximum_likelihood import DATA, MU_HAT, SIGMA_HAT  # the five points and their MLE
from tests.sitetools import run_page_doctests

# Exact values from ../shared/WORKED_NUMBERS.md (computed independently of this
# code): the log-likelihoods under A, B, MLE.
LOG_LIKELIHOODS = {"A": -14.1718, "B": -17.4626, "MLE": -12.8591}


def torch_ll(x, mu: float, sigma: float) -> float:
    """Log-likelihood with torch.distributions, in float64: an oracle."""
    loc = torch.tensor(mu, dtype=torch.float64)
    scale = torch.tensor(sigma, dtype=torch.float64)
    x = torch.as_tensor(np.asarray(x), dtype=torch.float64)
    return Normal(loc, scale).log_prob(x).sum().item()


def c4(n: int) -> float:
    """E[S] / sigma for normal samples of size n (closed form)."""
    return math.sqrt(2 / (n - 1)) * math.gamma(n / 2) / math.gamma((n - 1) / 2)


# --- The checks ---


def test_check_real_takes_one_real_number_and_honours_the_interval_ends():
    for v in (0, 0.5, 1, np.float32(0.25), np.int64(1), Fraction(1, 3)):
        check_real(v, "p", "[0, 1]")  # no error
    check_real(-1e300, "mu")
    check_normal(np.int64(50), np.float64(5))
    for v, interval in [(0, "(0, inf)"), (1, "[0, 1)"), (1.5, "[0, 1]"),
                        (-1e-300, "[0, 1]")]:
        with pytest.raises(ValueError, match=rf"expected a number in \{interval[0]}"):
            check_real(v, "v", interval)
    for v in (True, np.True_, "1", None, [1.0], np.array(1.0),
              np.array([1.0, 2.0]), torch.tensor(1.0), math.nan, math.inf):
        with pytest.raises(ValueError, match="expected one finite real number"):
            check_real(v, "v")


# --- The page's copies of earlier chapters' data and code ---


def test_the_copied_data_and_candidates_are_the_earlier_chapters():
    np.testing.assert_array_equal(five_points(), np.array(DATA))
    assert (A, B) == ((50.0, 5.0), (45.0, 8.0))


@pytest.mark.parametrize("seed", range(5))
def test_the_copied_log_likelihood_agrees_with_torch(seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(rng.uniform(-10, 10), rng.uniform(0.1, 5), 30)
    mu, sigma = rng.uniform(-10, 10), rng.uniform(0.1, 5)
    assert log_likelihood(x, mu, sigma) == pytest.approx(torch_ll(x, mu, sigma),
                                                         rel=1e-12)


# --- Closed form ---


def test_closed_form_matches_the_oracle_in_numpy_and_torch():
    assert gaussian_mle(five_points()) == (MU_HAT, SIGMA_HAT)  # printed in full
    mu, sigma = gaussian_mle_torch(five_points())
    assert (mu.item(), sigma.item()) == pytest.approx((MU_HAT, SIGMA_HAT),
                                                      rel=1e-14)


@pytest.mark.parametrize("seed", range(5))
def test_closed_form_is_the_mean_and_the_std_dividing_by_n(seed):
    x = np.random.default_rng(seed).normal(3, 2, 17)
    t = torch.tensor(x)
    expected = (t.mean().item(), t.std(correction=0).item())
    assert gaussian_mle(x) == pytest.approx(expected, rel=1e-13)
    mu, sigma = gaussian_mle_torch(x)
    assert (mu.item(), sigma.item()) == pytest.approx(expected, rel=1e-13)
    assert t.std().item() == pytest.approx(expected[1] * math.sqrt(17 / 16))


def test_the_gradient_is_zero_there_and_the_hessian_negative_definite():
    x = torch.tensor(DATA, dtype=torch.float64)
    params = torch.tensor([MU_HAT, SIGMA_HAT], dtype=torch.float64,
                          requires_grad=True)

    def ll(p):
        return Normal(p[0], p[1]).log_prob(x).sum()

    (grad,) = torch.autograd.grad(ll(params), params)
    assert grad.abs().max().item() < 1e-12
    hessian = torch.autograd.functional.hessian(ll, params.detach())
    expected = torch.tensor([[-5 / SIGMA_HAT**2, 0.0], [0.0, -10 / SIGMA_HAT**2]],
                            dtype=torch.float64)
    torch.testing.assert_close(hessian, expected, rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("seed", range(5))
def test_no_nearby_parameters_beat_the_mle(seed):
    data = np.random.default_rng(seed).normal(10, 3, 20)
    mu_hat, sigma_hat = gaussian_mle(data)
    best = torch_ll(data, mu_hat, sigma_hat)
    for d_mu, d_sigma in [(1e-3, 0), (-1e-3, 0), (0, 1e-3), (0, -1e-3),
                          (0.5, 0.5), (-0.5, -0.5)]:
        assert torch_ll(data, mu_hat + d_mu, sigma_hat + d_sigma) < best


def test_the_mle_is_the_global_maximum_as_the_page_argues():
    """The page: sum (x_i - mu)^2 = n sigma_hat^2 + n (mu - mu_hat)^2, so
    l(mu, sigma) <= l(mu_hat, sigma) <= l(mu_hat, sigma_hat)."""
    x = np.array(DATA)
    for mu in np.linspace(30, 70, 41):
        assert np.sum((x - mu) ** 2) == pytest.approx(
            5 * SIGMA_HAT**2 + 5 * (mu - MU_HAT) ** 2, rel=1e-12)
    best = torch_ll(DATA, MU_HAT, SIGMA_HAT)
    sigmas = np.linspace(0.05, 40, 800)
    profile = [torch_ll(DATA, MU_HAT, sigma) for sigma in sigmas]
    below = sigmas < SIGMA_HAT
    assert np.all(np.diff(np.array(profile)[below]) > 0)  # rises below
    assert np.all(np.diff(np.array(profile)[~below]) < 0)  # falls above
    for mu in np.linspace(30, 70, 21):
        for sigma in sigmas[::40]:
            assert torch_ll(DATA, mu, sigma) <= torch_ll(DATA, MU_HAT, sigma)
            assert torch_ll(DATA, mu, sigma) <= best


def test_equal_values_have_no_maximum_and_are_refused():
    x = [3.0, 3.0, 3.0]
    assert torch_ll(x, 3.0, 1e-3) < torch_ll(x, 3.0, 1e-6)  # grows as sigma -> 0
    with pytest.raises(ValueError, match="at least two different values"):
        gaussian_mle(x)


# --- Gradient ascent ---


def hand_gradient(mu: float, sigma: float) -> tuple[float, float]:
    """The gradient of the mean log-likelihood in (mu, s = ln sigma), by hand."""
    x = np.array(DATA)
    return (np.mean(x - mu) / sigma**2,
            -1 + np.mean((x - mu) ** 2) / sigma**2)


def hand_derived_ascent(lr: float, steps: int, start=(50.0, 5.0)
                        ) -> list[tuple[float, float]]:
    """The same ascent with gradients derived by hand: independent of autograd."""
    x = np.array(DATA)
    mu, s = start[0], math.log(start[1])
    path = [(mu, math.exp(s))]
    for _ in range(steps):
        sigma = math.exp(s)
        grad_mu = np.mean(x - mu) / sigma**2
        grad_s = -1 + np.mean((x - mu) ** 2) / sigma**2
        mu, s = mu + lr * grad_mu, s + lr * grad_s
        path.append((mu, math.exp(s)))
    return path


def test_gradient_ascent_follows_the_hand_derived_path_to_the_closed_form():
    path = gradient_ascent(five_points(), *A)
    assert len(path) == 301
    np.testing.assert_allclose(path, hand_derived_ascent(0.9, 300), rtol=1e-12)
    assert path[-1] == pytest.approx((MU_HAT, SIGMA_HAT), rel=1e-11)
    distances = [math.hypot(m - MU_HAT, s - SIGMA_HAT) for m, s in path]
    assert distances[2] > distances[1]  # a swing up of sigma at step 2
    assert all(b < a for a, b in zip(distances[100::10], distances[110::10]))
    # late on, the error shrinks by the mu factor 1 - lr / sigma_hat^2
    assert distances[200] / distances[199] == pytest.approx(
        1 - 0.9 / SIGMA_HAT**2, rel=1e-4)


def test_sigma_zigzags_around_the_best_sigma_for_mu_and_stays_above():
    """The page: at fixed mu each step overshoots sigma*(mu) =
    sqrt(sigma_hat^2 + (mu - mu_hat)^2); sigma never goes below sigma_hat."""
    path = hand_derived_ascent(0.9, 300)
    assert min(s - SIGMA_HAT for _, s in path) > -1e-12
    for (mu, sigma), (_, after) in zip(path[:150], path[1:151]):
        best = math.sqrt(SIGMA_HAT**2 + (mu - MU_HAT) ** 2)
        assert (sigma - best) * (after - best) < 0  # the other side of it


def test_the_curvatures_and_the_stability_bound_in_mu_and_s():
    """The mean log-likelihood in (mu, s = ln sigma) has Hessian
    diag(-1 / sigma_hat^2, -2) at the top: the factors 1 - lr / sigma_hat^2
    and 1 - 2 lr, both in (-1, 1) exactly when 0 < lr < 1 here."""
    x = torch.tensor(DATA, dtype=torch.float64)

    def mean_ll(p):
        return Normal(p[0], p[1].exp()).log_prob(x).mean()

    top = torch.tensor([MU_HAT, math.log(SIGMA_HAT)], dtype=torch.float64)
    hessian = torch.autograd.functional.hessian(mean_ll, top)
    torch.testing.assert_close(
        hessian, torch.tensor([[-1 / SIGMA_HAT**2, 0.0], [0.0, -2.0]],
                              dtype=torch.float64), rtol=1e-10, atol=1e-10)
    assert 2 * SIGMA_HAT**2 > 1  # so the bound from s binds
    converged = gradient_ascent(DATA, *A, lr=0.5, steps=600)[-1]
    assert converged == pytest.approx((MU_HAT, SIGMA_HAT), rel=1e-11)
    for lr in (1.0, 1.2, 1.5, 3.0, 10.0):
        with pytest.raises(ValueError, match="expected below 1e-8"):
            gradient_ascent(DATA, *A, lr=lr)


def test_at_lr_1_the_ascent_creeps_and_above_1_the_swings_grow():
    """The page: at lr = 1 the swings die down, far too slowly for 300
    steps; above 1 the ascent cannot settle at the top."""
    d = [math.hypot(m - MU_HAT, s - SIGMA_HAT)
         for m, s in hand_derived_ascent(1.0, 10_000)]
    assert d[10_000] < d[1_000] < d[300] and d[10_000] > 1e-3
    near = (MU_HAT, SIGMA_HAT * 1.001)  # start just above the top
    d = [math.hypot(m - MU_HAT, s - SIGMA_HAT)
         for m, s in hand_derived_ascent(1.2, 20, start=near)]
    assert d[20] > 10 * d[0]


def test_the_gradient_is_checked_at_the_point_returned():
    """The smallest number of steps whose last point has a gradient below
    1e-8 passes; one step fewer raises."""
    path = hand_derived_ascent(0.9, 400)
    sizes = [math.hypot(*hand_gradient(m, s)) for m, s in path]
    first = next(i for i, size in enumerate(sizes) if size < 1e-8)
    assert sizes[first - 1] >= 1e-8
    assert len(gradient_ascent(DATA, *A, steps=first)) == first + 1
    with pytest.raises(ValueError, match=f"after {first - 1} steps"):
        gradient_ascent(DATA, *A, steps=first - 1)


def test_gradient_ascent_is_deterministic_and_refuses_bad_steps():
    assert gradient_ascent(DATA, *A) == gradient_ascent(DATA, *A)
    for lr in (0, -0.5, math.nan, math.inf, True, "0.1", None):
        with pytest.raises(ValueError, match="lr: is .*, expected"):
            gradient_ascent(DATA, *A, lr=lr)
    with pytest.raises(ValueError, match="the gradient after 50 steps"):
        gradient_ascent(DATA, *A, steps=50)  # not yet at the top


# --- How good is the MLE ---


@pytest.mark.parametrize("seed", range(20))
def test_on_its_own_sample_the_mle_always_beats_the_truth(seed):
    x = np.random.default_rng(seed).normal(50, 5, 5)
    assert torch_ll(x, *gaussian_mle(x)) > torch_ll(x, 50.0, 5.0)


def test_log_likelihood_under_a_b_and_at_the_mle():
    values = {name: log_likelihood(DATA, *params) for name, params in
              [("A", A), ("B", B), ("MLE", gaussian_mle(DATA))]}
    assert values == pytest.approx(LOG_LIKELIHOODS, abs=5e-5)
    assert values["MLE"] > values["A"] > values["B"]


def expected_log_density(mu: float, sigma: float) -> float:
    """E[ln N(x; mu, sigma)] for x ~ N(50, 5), in closed form."""
    return (-math.log(sigma * math.sqrt(2 * math.pi))
            - (25 + (50 - mu) ** 2) / (2 * sigma**2))


def test_on_fresh_draws_the_truth_wins_as_the_closed_form_says():
    fresh = np.random.default_rng(7).normal(50, 5, 200_000)
    for params in (A, (MU_HAT, SIGMA_HAT)):
        average = torch_ll(fresh, *params) / len(fresh)
        assert average == pytest.approx(expected_log_density(*params), abs=0.01)
    assert expected_log_density(*A) > expected_log_density(MU_HAT, SIGMA_HAT)


def test_the_bias_identity_holds_exactly_without_normality():
    """E[sum (x_i - xbar)^2] = (n - 1) sigma^2, by enumerating every outcome
    of three independent draws from a skewed three-point distribution."""
    values = {0: Fraction(1, 2), 1: Fraction(3, 10), 5: Fraction(1, 5)}
    mu = sum(v * p for v, p in values.items())
    var = sum((v - mu) ** 2 * p for v, p in values.items())
    n, expected_ss, expected_s = 3, Fraction(0), 0.0
    for xs in itertools.product(values, repeat=n):
        prob = math.prod(values[x] for x in xs)
        xbar = Fraction(sum(xs), n)
        ss = sum((x - xbar) ** 2 for x in xs)
        expected_ss += prob * ss
        expected_s += float(prob) * math.sqrt(ss / (n - 1))
    assert expected_ss == (n - 1) * var  # S^2 is unbiased ...
    assert expected_s < math.sqrt(var)  # ... and S is biased low


def test_bessel_and_the_five_points():
    t = torch.tensor(DATA, dtype=torch.float64)
    s2, mle = t.var(correction=1).item(), t.var(correction=0).item()
    assert mle == pytest.approx(SIGMA_HAT**2, rel=1e-14)
    assert s2 == pytest.approx(SIGMA_HAT**2 * 5 / 4, rel=1e-14)
    assert (f"{mle:.4f}", f"{s2:.4f}") == ("10.0319", "12.5398")


def test_the_divisor_with_the_least_mean_squared_error_is_n_plus_1():
    """For normal data, among Q / d with Q = sum (x_i - xbar)^2, d = n + 1
    errs least: by simulation (the same samples for every d) and by the
    chi-square moments of torch.distributions.Chi2."""
    n, sigma2 = 5, 4.0
    samples = np.random.default_rng(5).normal(0, 2, size=(400_000, n))
    q = ((samples - samples.mean(axis=1, keepdims=True)) ** 2).sum(axis=1)
    divisors = [n - 1, n, n + 0.5, n + 1, n + 1.5, n + 2]
    mse = [np.mean((q / d - sigma2) ** 2) for d in divisors]
    assert divisors[int(np.argmin(mse))] == n + 1
    chi2 = torch.distributions.Chi2(torch.tensor(float(n - 1)))
    mean, var = chi2.mean.item(), chi2.variance.item()
    assert (mean, var) == pytest.approx((n - 1, 2 * (n - 1)))
    exact = {d: (var + mean**2) / d**2 - 2 * mean / d + 1 for d in divisors}
    assert min(exact, key=exact.get) == n + 1
    assert exact[n] < exact[n - 1]


def test_a_rotation_splits_off_the_mean_and_leaves_n_minus_1_squares():
    """The note: an orthogonal matrix (Helmert's) turns z = (x - mu) / sigma
    into sqrt(n) (xbar - mu) / sigma and n - 1 values whose squares sum to
    sum (x_i - xbar)^2 / sigma^2."""
    n, mu, sigma = 5, 50.0, 5.0
    h = np.zeros((n, n))
    h[0] = 1 / math.sqrt(n)
    for i in range(1, n):
        h[i, :i] = 1 / math.sqrt(i * (i + 1))
        h[i, i] = -i / math.sqrt(i * (i + 1))
    np.testing.assert_allclose(h @ h.T, np.eye(n), atol=1e-15)
    x = np.array(DATA)
    w = h @ ((x - mu) / sigma)
    assert w[0] == pytest.approx(math.sqrt(n) * (x.mean() - mu) / sigma)
    assert np.sum(w[1:] ** 2) == pytest.approx(
        np.sum((x - x.mean()) ** 2) / sigma**2, rel=1e-12)


@pytest.mark.parametrize("k", [1, 2, 4, 9])
def test_the_chi_square_density_and_the_mean_of_its_square_root(k):
    """The note's density f(t) = t^(k/2-1) e^(-t/2) / (2^(k/2) Gamma(k/2)) is
    torch's Chi2, and the integral of sqrt(t) f(t) is
    sqrt(2) Gamma((k+1)/2) / Gamma(k/2)."""

    def f(t):
        return t ** (k / 2 - 1) * np.exp(-t / 2) / (2 ** (k / 2)
                                                    * math.gamma(k / 2))

    chi2 = torch.distributions.Chi2(torch.tensor(float(k), dtype=torch.float64))
    some = torch.tensor([0.3, 1.0, 4.5, 20.0], dtype=torch.float64)
    np.testing.assert_allclose(chi2.log_prob(some).exp().numpy(),
                               f(some.numpy()), rtol=1e-12)
    u = np.linspace(0, 20, 200_001)  # t = u^2, dt = 2u du: smooth at 0
    integral = np.trapezoid(u * f(u**2 + 1e-300) * 2 * u, u)
    mean_root = math.sqrt(2) * math.gamma((k + 1) / 2) / math.gamma(k / 2)
    assert integral == pytest.approx(mean_root, rel=1e-9)


def test_the_averages_of_the_estimators_and_their_mean_squared_errors():
    samples = np.random.default_rng(11).normal(0, 2, size=(400_000, 5))
    mle_var = torch.tensor(samples).var(dim=1, correction=0).numpy()
    s2 = mle_var * 5 / 4
    assert mle_var.mean() == pytest.approx(4 * 4 / 5, rel=0.005)
    assert s2.mean() == pytest.approx(4, rel=0.005)
    assert np.sqrt(s2).mean() == pytest.approx(2 * c4(5), rel=0.003)
    assert np.sqrt(mle_var).mean() == pytest.approx(2 * c4(5) * math.sqrt(0.8),
                                                    rel=0.003)
    sigma4 = 16
    assert np.mean((mle_var - 4) ** 2) == pytest.approx(9 / 25 * sigma4, rel=0.02)
    assert np.mean((s2 - 4) ** 2) == pytest.approx(2 / 4 * sigma4, rel=0.02)


def test_the_generator_continued_starts_with_the_five_points_and_converges():
    draws = np.random.RandomState(42).normal(50, 5, 500_000)
    np.testing.assert_array_equal(np.sort(draws[:5]), np.array(DATA))
    assert gaussian_mle(draws[:5]) == pytest.approx((MU_HAT, SIGMA_HAT),
                                                    rel=1e-14)
    t = torch.tensor(draws)
    assert gaussian_mle(draws) == pytest.approx(
        (t.mean().item(), t.std(correction=0).item()), rel=1e-12)
    assert gaussian_mle(draws) == pytest.approx((50, 5), abs=0.01)


# --- The maximum is not 0 ---


def test_the_maximum_log_likelihood_closed_form_and_other_units():
    assert gaussian_max_log_likelihood(DATA) == pytest.approx(
        torch_ll(DATA, MU_HAT, SIGMA_HAT), rel=1e-13)
    in_hundreds = gaussian_max_log_likelihood(np.array(DATA) / 100)
    assert in_hundreds == pytest.approx(
        torch_ll(np.array(DATA) / 100, MU_HAT / 100, SIGMA_HAT / 100), rel=1e-12)
    assert in_hundreds == pytest.approx(
        torch_ll(DATA, MU_HAT, SIGMA_HAT) + 5 * math.log(100), rel=1e-12)
    assert in_hundreds > 0
    # each density of x / 100 under N(mu / 100, sigma / 100) is 100 times
    # that of x under N(mu, sigma)
    for x in DATA:
        assert torch_ll([x / 100], 0.5, 0.05) - torch_ll([x], 50.0, 5.0) == (
            pytest.approx(math.log(100), rel=1e-12))


# --- The coin ---


@pytest.mark.parametrize("seed", range(5))
def test_coin_mean_nll_is_binary_cross_entropy_on_random_flips(seed):
    rng = np.random.default_rng(seed)
    flips = rng.integers(0, 2, size=int(rng.integers(1, 40))).astype(float)
    p = float(rng.uniform(0.01, 0.99))
    y = torch.tensor(flips)
    expected = F.binary_cross_entropy(torch.full_like(y, p), y).item()
    k, n = int(flips.sum()), len(flips)
    assert bernoulli_mean_nll(p, k, n) == pytest.approx(expected, rel=1e-12)
    assert coin_mean_nll_torch(p, flips).item() == pytest.approx(expected,
                                                                 rel=1e-12)


@pytest.mark.parametrize("k, n", [(7, 10), (0, 4), (4, 4), (13, 50)])
def test_the_mean_nll_is_lowest_at_the_observed_frequency(k, n):
    grid = np.linspace(0.001, 0.999, 999)
    losses = [bernoulli_mean_nll(p, k, n) for p in grid]
    assert abs(grid[int(np.argmin(losses))] - k / n) <= 0.001 + 1e-12
    assert bernoulli_mean_nll(k / n, k, n) <= min(losses) + 1e-12


def test_coin_values_and_edges():
    assert bernoulli_mean_nll(0.7, 7, 10) == pytest.approx(
        -(0.7 * math.log(0.7) + 0.3 * math.log(0.3)), rel=1e-14)
    assert bernoulli_mean_nll(0.5, 7, 10) == pytest.approx(math.log(2),
                                                           rel=1e-14)
    assert bernoulli_mean_nll(1.0, 5, 5) == 0.0  # certain, and right
    assert bernoulli_mean_nll(0.0, 0, 5) == 0.0
    assert bernoulli_mean_nll(0.0, 1, 5) == math.inf  # rules out what happened
    for p, k in [(0.0, 0), (1.0, 5)]:  # 0, not -0.0
        assert math.copysign(1.0, bernoulli_mean_nll(p, k, 5)) == 1.0
    assert bernoulli_mean_nll(0.5, np.int32(7), np.int64(10)) == pytest.approx(
        math.log(2), rel=1e-14)


def test_the_coin_likelihood_at_the_edges_and_the_binomial_constant():
    """k = 0 or n: l(p) is monotone, the maximum is at p = k / n and is 0.
    The binomial count adds ln C(n, k): same p_hat, different l(p_hat)."""
    grid = np.linspace(0.01, 0.99, 99)
    for k, n in [(0, 6), (6, 6)]:
        losses = [bernoulli_mean_nll(p, k, n) for p in grid]
        assert np.all(np.diff(losses) > 0) if k == 0 else np.all(
            np.diff(losses) < 0)
        assert bernoulli_mean_nll(k / n, k, n) == 0.0
    binomial = torch.distributions.Binomial(10, torch.tensor(0.7,
                                                             dtype=torch.float64))
    assert binomial.log_prob(torch.tensor(7.0)).item() == pytest.approx(
        -10 * bernoulli_mean_nll(0.7, 7, 10) + math.log(math.comb(10, 7)))


def test_binary_cross_entropy_clamps_where_the_numpy_version_is_infinite():
    """The page: binary_cross_entropy clamps each ln at -100."""
    assert coin_mean_nll_torch(0.0, [1, 0]).item() == 50.0
    assert bernoulli_mean_nll(0.0, 1, 2) == math.inf


# --- The figure and the page ---


def test_contour_figure_marks_a_b_and_the_mle():
    axes = contour_figure().axes[0]
    points = {line.get_label().split(":")[0]:
              (line.get_xdata()[0], line.get_ydata()[0])
              for line in axes.get_lines() if len(line.get_xdata()) == 1}
    assert points["A = N(50, 5)"] == (50.0, 5.0)
    assert points["B = N(45, 8)"] == (45.0, 8.0)
    (ascent,) = [line for line in axes.get_lines()
                 if line.get_label().startswith("gradient ascent")]
    assert list(ascent.get_markevery()) == list(range(41))
    assert "start, first 40 steps" in ascent.get_label()
    (mle_label,) = [label for label in points if label.startswith("MLE")]
    assert points[mle_label] == pytest.approx((MU_HAT, SIGMA_HAT), rel=1e-14)


def test_the_doctests_of_the_functions_the_page_defines_pass():
    """The page's blocks run in order (warnings as errors), then the examples
    of its docstrings pass."""
    result = run_page_doctests("maximum-likelihood.md")
    assert result.returncode == 0, (
        f"docs/maximum-likelihood.md:\n{result.stdout[-3000:]}"
        f"{result.stderr[-3000:]}")
    assert "doctest examples passed" in result.stdout


# --- Bad input ---

from tests.badinput import DATA as FIVE, Bad, inf, nan  # noqa: E402

#: Bad input for every public function of snippets/maximum_likelihood.py
#: (run by tests/test_bad_input.py).
BAD_INPUTS = {
    "check": [
        Bad("range", lambda: check(False, "k", 11, "at most 10"),
            "k: is 11, expected at most 10"),
        Bad("type", lambda: check(False, "n", "ten", "a number"), "n: is 'ten'"),
    ],
    "check_real": [
        Bad("type", lambda: check_real("50", "mu"),
            "mu: is '50', expected one finite real number"),
        Bad("type", lambda: check_real(None, "mu"), "mu: is None"),
        Bad("type", lambda: check_real(True, "sigma", "(0, inf)"),
            "sigma: is True, expected one finite real number"),
        Bad("shape", lambda: check_real(np.array([1.0, 2.0]), "p", "[0, 1]"),
            "p: is array([1., 2.]), expected one finite real number"),
        Bad("nan", lambda: check_real(nan, "mu"), "mu: is nan"),
        Bad("range", lambda: check_real(0, "sigma", "(0, inf)"),
            "sigma: is 0, expected a number in (0, inf)"),
        Bad("range", lambda: check_real(1.5, "p", "[0, 1]"),
            "p: is 1.5, expected a number in [0, 1]"),
    ],
    "check_whole": [
        Bad("type", lambda: check_whole(True, "k", 0, 10),
            "k: is True, expected one finite real number"),
        Bad("type", lambda: check_whole(2.5, "k", 0, 10),
            "k: is 2.5, expected a whole number"),
        Bad("range", lambda: check_whole(11, "k", 0, 10),
            "k: is 11, expected a number in [0, 10]"),
        Bad("range", lambda: check_whole(inf, "n", 1),
            "n: is inf, expected one finite real number"),
        Bad("nan", lambda: check_whole(nan, "n", 1), "n: is nan"),
    ],
    "check_normal": [
        Bad("type", lambda: check_normal("50", 5),
            "mu: is '50', expected one finite real number"),
        Bad("type", lambda: check_normal(50, None), "sigma: is None"),
        Bad("scale", lambda: check_normal(50, -5),
            "sigma: is -5, expected a number in (0, inf)"),
        Bad("nan", lambda: check_normal(nan, 5), "mu: is nan"),
    ],
    "as_sample": [
        Bad("empty", lambda: as_sample([], "x"), "x: is [], expected a non-empty"),
        Bad("shape", lambda: as_sample([FIVE, FIVE], "x"), "expected a non-empty 1-D"),
        Bad("nan", lambda: as_sample([1.0, nan], "x"), "x: is [1.0, nan]"),
        Bad("nan", lambda: as_sample([1.0, inf], "x"), "finite numbers"),
    ],
    "as_fit_sample": [
        Bad("count", lambda: as_fit_sample([50.0]),
            "data: is [50.0], expected at least two different values"),
        Bad("scale", lambda: as_fit_sample([3.0, 3.0]), "at least two different"),
        Bad("empty", lambda: as_fit_sample([]), "data: is []"),
    ],
    "as_flips": [
        Bad("label", lambda: as_flips([0.5, 1.0]),
            "flips: is [0.5, 1.0], expected 0 (tails) or 1 (heads)"),
        Bad("label", lambda: as_flips([2, 1]), "flips: is [2, 1]"),
        Bad("empty", lambda: as_flips([]), "flips: is []"),
    ],
    "log_likelihood": [
        Bad("scale", lambda: log_likelihood(FIVE, 50, 0), "sigma: is 0"),
        Bad("scale", lambda: log_likelihood(FIVE, 50, -5), "sigma: is -5"),
        Bad("nan", lambda: log_likelihood([50.0, nan], 50, 5), "data: is [50.0, nan]"),
        Bad("empty", lambda: log_likelihood([], 50, 5), "data: is []"),
        Bad("nan", lambda: log_likelihood(FIVE, nan, 5),
            "mu: is nan, expected one finite real number"),
        Bad("type", lambda: log_likelihood(FIVE, "50", 5), "mu: is '50'"),
        Bad("type", lambda: log_likelihood(FIVE, None, 5), "mu: is None"),
        Bad("type", lambda: log_likelihood(FIVE, 50, True),
            "sigma: is True, expected one finite real number"),
        Bad("shape", lambda: log_likelihood(FIVE, np.array([50.0, 51.0]), 5),
            "mu: is array([50., 51.]), expected one finite real number"),
        Bad("shape", lambda: log_likelihood(FIVE, 50, np.array([5.0, 6.0])),
            "sigma: is array([5., 6.])"),
    ],
    "gaussian_mle": [
        Bad("count", lambda: gaussian_mle([50.0]), "at least two different"),
        Bad("empty", lambda: gaussian_mle([]), "data: is []"),
        Bad("nan", lambda: gaussian_mle([50.0, nan]), "data: is [50.0, nan]"),
        Bad("shape", lambda: gaussian_mle([FIVE, FIVE]), "a non-empty 1-D"),
        Bad("scale", lambda: gaussian_mle([3.0, 3.0, 3.0]), "two different"),
    ],
    "gaussian_mle_torch": [
        Bad("count", lambda: gaussian_mle_torch(torch.tensor([50.0])),
            "at least two different values"),
        Bad("nan", lambda: gaussian_mle_torch(torch.tensor([50.0, nan])),
            "finite numbers"),
        Bad("shape", lambda: gaussian_mle_torch([FIVE, FIVE]), "1-D"),
        Bad("scale", lambda: gaussian_mle_torch(torch.full((4,), 2.5)),
            "two different"),
    ],
    "gradient_ascent": [
        Bad("scale", lambda: gradient_ascent(FIVE, 50, 0), "sigma: is 0"),
        Bad("scale", lambda: gradient_ascent(FIVE, 50, -1), "sigma: is -1"),
        Bad("nan", lambda: gradient_ascent(FIVE, nan, 5), "mu: is nan"),
        Bad("type", lambda: gradient_ascent(FIVE, "50", 5),
            "mu: is '50', expected one finite real number"),
        Bad("shape", lambda: gradient_ascent(FIVE, 50, np.array([5.0, 6.0])),
            "sigma: is array([5., 6.])"),
        Bad("range", lambda: gradient_ascent(FIVE, 50, 5, lr=0),
            "lr: is 0, expected a number in (0, inf)"),
        Bad("range", lambda: gradient_ascent(FIVE, 50, 5, lr=-0.5),
            "lr: is -0.5, expected a number in (0, inf)"),
        Bad("type", lambda: gradient_ascent(FIVE, 50, 5, lr="0.1"),
            "lr: is '0.1', expected one finite real number"),
        Bad("type", lambda: gradient_ascent(FIVE, 50, 5, lr=True), "lr: is True"),
        Bad("nan", lambda: gradient_ascent(FIVE, 50, 5, lr=nan), "lr: is nan"),
        Bad("scale", lambda: gradient_ascent(FIVE, 50, 5, lr=1.0),
            "the gradient after 300 steps at lr=1.0"),
        Bad("scale", lambda: gradient_ascent(FIVE, 50, 5, lr=1.2),
            "expected below 1e-8 (take more steps, or a smaller lr)"),
        Bad("scale", lambda: gradient_ascent(FIVE, 50, 5, lr=10),
            "the gradient after 300 steps at lr=10: is nan, expected below"),
        Bad("count", lambda: gradient_ascent(FIVE, 50, 5, steps=-1),
            "steps: is -1, expected a number in [1, inf]"),
        Bad("count", lambda: gradient_ascent(FIVE, 50, 5, steps=2.5),
            "steps: is 2.5, expected a whole number"),
        Bad("count", lambda: gradient_ascent(FIVE, 50, 5, steps=0), "steps: is 0"),
        Bad("count", lambda: gradient_ascent(FIVE, 50, 5, steps=50),
            "the gradient after 50 steps"),
        Bad("empty", lambda: gradient_ascent([], 50, 5), "data: is []"),
        Bad("shape", lambda: gradient_ascent([FIVE, FIVE], 50, 5), "1-D"),
    ],
    "gaussian_max_log_likelihood": [
        Bad("count", lambda: gaussian_max_log_likelihood([50.0]), "two different"),
        Bad("nan", lambda: gaussian_max_log_likelihood([50.0, nan]), "nan"),
        Bad("empty", lambda: gaussian_max_log_likelihood([]), "data: is []"),
    ],
    "bernoulli_mean_nll": [
        Bad("range", lambda: bernoulli_mean_nll(1.5, 7, 10),
            "p: is 1.5, expected a number in [0, 1]"),
        Bad("type", lambda: bernoulli_mean_nll("0.5", 7, 10),
            "p: is '0.5', expected one finite real number"),
        Bad("type", lambda: bernoulli_mean_nll(True, 7, 10), "p: is True"),
        Bad("shape", lambda: bernoulli_mean_nll(np.array([0.5, 0.6]), 7, 10),
            "p: is array([0.5, 0.6])"),
        Bad("nan", lambda: bernoulli_mean_nll(nan, 7, 10), "p: is nan"),
        Bad("count", lambda: bernoulli_mean_nll(0.5, 11, 10),
            "k: is 11, expected a number in [0, 10]"),
        Bad("count", lambda: bernoulli_mean_nll(0.5, -1, 10), "k: is -1"),
        Bad("type", lambda: bernoulli_mean_nll(0.5, 2.5, 10), "k: is 2.5"),
        Bad("count", lambda: bernoulli_mean_nll(0.5, 0, 0), "n: is 0"),
        Bad("count", lambda: bernoulli_mean_nll(0.5, 7, inf),
            "n: is inf, expected one finite real number"),
        Bad("type", lambda: bernoulli_mean_nll(0.5, True, 10), "k: is True"),
    ],
    "coin_mean_nll_torch": [
        Bad("label", lambda: coin_mean_nll_torch(0.5, [0.5, 1.0]),
            "flips: is [0.5, 1.0], expected 0 (tails) or 1 (heads)"),
        Bad("label", lambda: coin_mean_nll_torch(0.5, torch.tensor([2, 1])),
            "expected 0 (tails) or 1 (heads)"),
        Bad("empty", lambda: coin_mean_nll_torch(0.5, []), "flips: is []"),
        Bad("shape", lambda: coin_mean_nll_torch(0.5, [[1, 0], [0, 1]]), "1-D"),
        Bad("range", lambda: coin_mean_nll_torch(1.5, [1, 0]),
            "p: is 1.5, expected a number in [0, 1]"),
        Bad("type", lambda: coin_mean_nll_torch(None, [1, 0]),
            "p: is None, expected one finite real number"),
        Bad("type", lambda: coin_mean_nll_torch(True, [1, 0]), "p: is True"),
        Bad("nan", lambda: coin_mean_nll_torch(nan, [1, 0]), "p: is nan"),
    ],
}
