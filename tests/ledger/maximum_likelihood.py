"""The worked numbers of the chapter that ``snippets/maximum_likelihood.py``
serves: each with its independent value."""

from __future__ import annotations

import math
import statistics

import numpy as np
import torch

from snippets.maximum_likelihood import (
    A,
    B,
    bernoulli_mean_nll,
    coin_mean_nll_torch,
    five_points,
    gaussian_max_log_likelihood,
    gaussian_mle,
    gradient_ascent,
    log_likelihood,
)
from tests.ledger import WorkedNumber

#: Exact values from ../shared/WORKED_NUMBERS.md: the five points and their MLE.
DATA = (48.82923312638332, 49.308678494144075, 52.483570765056164,
        53.23844269050346, 57.61514928204013)
MU_HAT, SIGMA_HAT = 52.295014871625426, 3.1673107704922443
_SOURCE = "seed 002"
_PAGE = "maximum-likelihood.md"
_TABLE_STEPS = (0, 1, 2, 5, 10, 20, 50, 100, 200)


def _closed_form_ascent(lr: float = 0.9, steps: int = 300) -> list[float]:
    """Independent oracle: the same ascent with hand-derived gradients in
    NumPy, distances to the closed form.

    d/dmu mean ln p = mean(x - mu) / sigma^2;
    d/ds mean ln p = -1 + mean((x - mu)^2) / sigma^2, with s = ln sigma.
    """
    x = np.array(DATA)
    mu, s = 50.0, math.log(5.0)
    out = []
    for _ in range(steps + 1):
        sigma = math.exp(s)
        out.append(math.hypot(mu - MU_HAT, sigma - SIGMA_HAT))
        grad_mu = np.mean(x - mu) / sigma**2
        grad_s = -1 + np.mean((x - mu) ** 2) / sigma**2
        mu, s = mu + lr * grad_mu, s + lr * grad_s
    return out


_ORACLE_DISTANCES = _closed_form_ascent()


def _torch_ll(data, mu: float, sigma: float) -> float:
    """Log-likelihood via torch.distributions, in float64."""
    loc = torch.tensor(mu, dtype=torch.float64)
    scale = torch.tensor(sigma, dtype=torch.float64)
    x = torch.tensor(np.asarray(data), dtype=torch.float64)
    return torch.distributions.Normal(loc, scale).log_prob(x).sum().item()


def _expected_log_density(mu: float, sigma: float) -> float:
    """E[ln N(x; mu, sigma)] for x ~ N(50, 5), in closed form."""
    return (-math.log(sigma * math.sqrt(2 * math.pi))
            - (25 + (50 - mu) ** 2) / (2 * sigma**2))


def _c4(n: int) -> float:
    """E[S] / sigma for normal samples of size n."""
    return math.sqrt(2 / (n - 1)) * math.gamma(n / 2) / math.gamma((n - 1) / 2)


def _ascent_distances() -> list[float]:
    path = gradient_ascent(five_points(), *A)
    mu_hat, sigma_hat = gaussian_mle(five_points())
    return [math.hypot(mu - mu_hat, sigma - sigma_hat) for mu, sigma in path]


def _fresh_averages() -> tuple[float, float]:
    """The page's block: average ln p on 100,000 fresh draws, A and MLE."""
    fresh = np.random.default_rng(1).normal(50, 5, 100_000)
    return tuple(log_likelihood(fresh, *params) / len(fresh)
                 for params in (A, gaussian_mle(five_points())))


def _simulated_variances() -> tuple[np.ndarray, np.ndarray]:
    """The page's simulation: sigma_hat^2 and S^2 of 400,000 samples of 5."""
    samples = np.random.default_rng(0).normal(50, 5, size=(400_000, 5))
    return samples.var(axis=1), samples.var(axis=1, ddof=1)


def _simulated_averages() -> tuple[float, float, float, float]:
    mle_var, bessel_var = _simulated_variances()
    return (mle_var.mean(), np.sqrt(mle_var).mean(),
            bessel_var.mean(), np.sqrt(bessel_var).mean())


def _simulated_errors() -> tuple[float, float, float, float]:
    mle_var, bessel_var = _simulated_variances()
    return (mle_var.var(), np.mean((mle_var - 25) ** 2),
            bessel_var.var(), np.mean((bessel_var - 25) ** 2))


def _draws(n: int) -> np.ndarray:
    return np.random.RandomState(42).normal(50, 5, 500_000)[:n]


def _torch_mle(x) -> tuple[float, float]:
    t = torch.tensor(np.asarray(x), dtype=torch.float64)
    return t.mean().item(), t.std(correction=0).item()


_NS = (5, 50, 500, 5_000, 50_000, 500_000)
_FLIPS = [1, 1, 0, 1, 1, 1, 0, 1, 0, 1]

#: Every number the chapter states.
WORKED_NUMBERS = [
    WorkedNumber("sample mean (the MLE of mu)", _SOURCE, "52.295", MU_HAT,
                 lambda: gaussian_mle(five_points())[0], _PAGE,
                 "\\hat\\mu = {:.6f}", rel_tol=1e-15),
    WorkedNumber("population std, ddof=0 (the MLE of sigma)", _SOURCE, "3.167",
                 SIGMA_HAT, lambda: gaussian_mle(five_points())[1], _PAGE,
                 "\\hat\\sigma = {:.6f}", rel_tol=1e-14),
    WorkedNumber("sample mean and population std, in full", "site", "-",
                 (MU_HAT, SIGMA_HAT), lambda: gaussian_mle(five_points()),
                 _PAGE, "`{!r}` and `{!r}`", rel_tol=1e-14),
    WorkedNumber("gradient ascent: distance to the closed form at steps 0, 1, "
                 "2, 5, 10, 20, 50, 100, 200", "site", "-",
                 tuple(_ORACLE_DISTANCES[s] for s in _TABLE_STEPS),
                 lambda: [_ascent_distances()[s] for s in _TABLE_STEPS], _PAGE,
                 " ".join(f"step {s:>3}: distance {{:.2e}}"
                          for s in _TABLE_STEPS), rel_tol=1e-6),
    WorkedNumber("gradient ascent: (mu, sigma) after 300 steps", "site", "-",
                 (MU_HAT, SIGMA_HAT),
                 lambda: gradient_ascent(five_points(), *A)[-1], _PAGE,
                 "step 300: (mu, sigma) = ({:.10f}, {:.10f})", rel_tol=1e-11),
    WorkedNumber("gradient ascent: error factor per step in mu near the top",
                 "site", "-", 1 - 0.9 / SIGMA_HAT**2,
                 lambda: 1 - 0.9 / gaussian_mle(five_points())[1] ** 2, _PAGE,
                 "1 - 0.9/\\hat\\sigma^2 = {:.3f}", rel_tol=1e-12),
    WorkedNumber("log-likelihood under A, B, and at the MLE (52.295, 3.167)",
                 _SOURCE, "— (the MLE beats both)",
                 (-14.1718, -17.4626, -12.8591),
                 lambda: [log_likelihood(five_points(), *A),
                          log_likelihood(five_points(), *B),
                          log_likelihood(five_points(),
                                         *gaussian_mle(five_points()))],
                 _PAGE,
                 "A = N(50.000, 5.000): ln L = {:.4f} "
                 "B = N(45.000, 8.000): ln L = {:.4f} "
                 "MLE = N(52.295, 3.167): ln L = {:.4f}", abs_tol=5e-5),
    WorkedNumber("the MLE and the truth on the five points, in the prose",
                 "site", "-", (-12.8591, -14.1718),
                 lambda: [log_likelihood(five_points(),
                                         *gaussian_mle(five_points())),
                          log_likelihood(five_points(), *A)],
                 _PAGE, "The MLE scores ${:.4f}$, better than the true "
                 "parameters' ${:.4f}$", abs_tol=5e-5),
    WorkedNumber("average ln p on 100,000 fresh draws of N(50, 5): A, MLE "
                 "(simulated; exact = expected value)", "site", "-",
                 (_expected_log_density(50, 5),
                  _expected_log_density(MU_HAT, SIGMA_HAT)),
                 _fresh_averages, _PAGE,
                 "A: average ln p on fresh draws {:.2f} "
                 "MLE: average ln p on fresh draws {:.2f}", abs_tol=0.01),
    WorkedNumber("expected ln p under N(50, 5): of A, of the MLE", "site", "-",
                 (-math.log(5) - 0.5 * math.log(2 * math.pi) - 0.5,
                  _torch_ll([50.0], MU_HAT, SIGMA_HAT)
                  - 25 / (2 * SIGMA_HAT**2)),
                 lambda: [_expected_log_density(*A),
                          _expected_log_density(*gaussian_mle(five_points()))],
                 _PAGE, "= {:.3f}$ and $-\\ln(\\hat\\sigma\\sqrt{{2\\pi}}) - "
                 "\\big(5^2 + (50 - \\hat\\mu)^2\\big)/(2\\hat\\sigma^2) = {:.3f}$",
                 rel_tol=1e-12),
    WorkedNumber("variance of the five points dividing by n (sigma_hat^2) "
                 "and by n - 1 (S^2)", "site", "-",
                 (float(statistics.pvariance(DATA)),
                  float(statistics.variance(DATA))),
                 lambda: (five_points().var(), five_points().var(ddof=1)),
                 _PAGE, "raises the variance estimate from {:.4f} to {:.4f}",
                 rel_tol=1e-12),
    WorkedNumber("variance of the five points, the page's printed block",
                 "site", "-",
                 (float(statistics.pvariance(DATA)),
                  float(statistics.variance(DATA))),
                 lambda: (five_points().var(), five_points().var(ddof=1)),
                 _PAGE, "sigma_hat^2 = {:.4f} S^2 = {:.4f}", rel_tol=1e-12),
    WorkedNumber("E[S] / sigma and E[sigma_hat] / sigma for normal samples "
                 "of n = 5", "site", "-",
                 (3 * math.sqrt(math.pi) / 4 / math.sqrt(2),
                  3 * math.sqrt(math.pi) / 4 / math.sqrt(2) * math.sqrt(0.8)),
                 lambda: (_c4(5), _c4(5) * math.sqrt(4 / 5)), _PAGE,
                 "$\\mathbb E[S] = {:.4f}\\,\\sigma$ and "
                 "$\\mathbb E[\\hat\\sigma] = {:.4f}\\,\\sigma$", rel_tol=1e-12),
    WorkedNumber("E[S] / sigma and E[sigma_hat] / sigma, the note's printed "
                 "block (c4(5) = 3 sqrt(pi) / (4 sqrt 2))", "site", "-",
                 (3 * math.sqrt(math.pi) / (4 * math.sqrt(2)),
                  3 * math.sqrt(math.pi) / (4 * math.sqrt(2)) * math.sqrt(0.8)),
                 lambda: (_c4(5), _c4(5) * math.sqrt(4 / 5)), _PAGE,
                 "E[S] = {:.4f} sigma E[sigma_hat] = {:.4f} sigma",
                 rel_tol=1e-12),
    WorkedNumber("simulated averages of sigma_hat^2, sigma_hat, S^2, S "
                 "(exact = expected values)", "site", "-",
                 (20.0, 5 * _c4(5) * math.sqrt(0.8), 25.0, 5 * _c4(5)),
                 _simulated_averages, _PAGE,
                 "sigma_hat: average of the square {:.2f}, average {:.2f} "
                 "S: average of the square {:.2f}, average {:.2f}",
                 abs_tol=0.05),
    WorkedNumber("the expected averages, in the prose", "site", "-",
                 (20.0, 15 * math.sqrt(math.pi) / (4 * math.sqrt(2)) * 0.8**0.5,
                  15 * math.sqrt(math.pi) / (4 * math.sqrt(2))),
                 lambda: (0.8 * 25, 5 * _c4(5) * math.sqrt(0.8), 5 * _c4(5)),
                 _PAGE, "average to $\\tfrac45 \\cdot 25 = {:.0f}$ and to $25$; "
                 "the roots to $0.8407 \\cdot 5 = {:.2f}$ and "
                 "$0.9400 \\cdot 5 = {:.2f}$", rel_tol=1e-12),
    WorkedNumber("MSE of sigma_hat^2 and of S^2, n = 5, sigma = 5", "site", "-",
                 (225.0, 312.5),
                 lambda: (9 / 25 * 5**4, 2 / 4 * 5**4), _PAGE,
                 "the two are ${:.0f}$ and ${:.1f}$", rel_tol=1e-12),
    WorkedNumber("simulated variance and MSE of sigma_hat^2 and S^2 "
                 "(exact = normal-theory values)", "site", "-",
                 (200.0, 225.0, 312.5, 312.5), _simulated_errors, _PAGE,
                 "sigma_hat^2: variance {:.0f}, mean squared error {:.0f} "
                 "S^2: variance {:.0f}, mean squared error {:.0f}",
                 rel_tol=0.02),
    WorkedNumber("MLE from the first n draws of the generator, n = 5 ... "
                 "500,000", "site", "-",
                 tuple(v for n in _NS for v in _torch_mle(_draws(n))),
                 lambda: [v for n in _NS for v in gaussian_mle(_draws(n))],
                 _PAGE,
                 " ".join(f"n = {n:>7,}: mu_hat = {{:.3f}}, "
                          f"sigma_hat = {{:.3f}}" for n in _NS),
                 rel_tol=1e-12),
    WorkedNumber("log-likelihood at the MLE from the closed form", "site", "-",
                 (SIGMA_HAT, _torch_ll(DATA, MU_HAT, SIGMA_HAT)),
                 lambda: (gaussian_mle(five_points())[1],
                          gaussian_max_log_likelihood(five_points())),
                 _PAGE, "-\\tfrac{{5}}{{2}}\\left(1 + \\ln(2\\pi \\cdot "
                 "{:.4f}^2)\\right) = {:.4f}", rel_tol=1e-12),
    WorkedNumber("maximum log-likelihood of the points measured in hundreds",
                 "site", "-",
                 _torch_ll([v / 100 for v in DATA], MU_HAT / 100,
                           SIGMA_HAT / 100),
                 lambda: gaussian_max_log_likelihood(five_points() / 100),
                 _PAGE, "The maximum log-likelihood is $+{:.4f}$",
                 rel_tol=1e-10),
    WorkedNumber("coin: 7 heads in 10 flips, MLE of P(heads)", "site", "-",
                 7 / 10, lambda: 7 / 10, _PAGE, "\\hat p = 7/10 = {}",
                 rel_tol=1e-15),
    WorkedNumber("coin: mean NLL at p = 0.7 (the entropy of (0.7, 0.3))",
                 "site", "-", -(0.7 * math.log(0.7) + 0.3 * math.log(0.3)),
                 lambda: bernoulli_mean_nll(0.7, 7, 10), _PAGE,
                 "at $q = 0.7$ that is {:.4f} nats", rel_tol=1e-12),
    WorkedNumber("coin: mean NLL at p = 0.5", "site", "-", math.log(2),
                 lambda: bernoulli_mean_nll(0.5, 7, 10), _PAGE,
                 "\\ln 2 = {:.4f}", rel_tol=1e-12),
    WorkedNumber("coin: log-likelihood at the MLE", "site", "-",
                 7 * math.log(0.7) + 3 * math.log(0.3),
                 lambda: -10 * bernoulli_mean_nll(0.7, 7, 10), _PAGE,
                 "\\ell(\\hat p) = {:.4f}", rel_tol=1e-12),
    WorkedNumber("coin: the page's demo (grid minimum, NumPy and PyTorch "
                 "mean NLL, fair coin, l(p_hat))", "site", "-",
                 (0.7, -(0.7 * math.log(0.7) + 0.3 * math.log(0.3)),
                  torch.nn.functional.binary_cross_entropy(
                      torch.full((10,), 0.7, dtype=torch.float64),
                      torch.tensor(_FLIPS, dtype=torch.float64)).item(),
                  math.log(2), 7 * math.log(0.7) + 3 * math.log(0.3)),
                 lambda: (np.linspace(0.01, 0.99, 99)[np.argmin(
                     [bernoulli_mean_nll(p, 7, 10)
                      for p in np.linspace(0.01, 0.99, 99)])],
                          bernoulli_mean_nll(0.7, 7, 10),
                          coin_mean_nll_torch(0.7, _FLIPS).item(),
                          bernoulli_mean_nll(0.5, 7, 10),
                          -10 * bernoulli_mean_nll(0.7, 7, 10)),
                 _PAGE, "lowest mean NLL on the grid at p = {:.2f} "
                 "p = 0.7: {:.4f} (NumPy), {:.4f} (PyTorch) "
                 "p = 0.5: {:.4f} l(p_hat) = {:.4f}", rel_tol=1e-12),
]
