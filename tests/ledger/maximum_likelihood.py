"""The worked numbers of the chapter that ``snippets/maximum_likelihood.py`` serves: each with its independent value."""

from __future__ import annotations

import math

import numpy as np
import torch

from snippets.maximum_likelihood import *  # noqa: F401,F403 - the entries call the chapter's functions
from snippets import maximum_likelihood as chapter  # noqa: F401
from tests.ledger import WorkedNumber

def _closed_form_ascent(lr: float = 0.9, steps: int = 300) -> list[float]:
    """Independent oracle: the same ascent with hand-derived gradients in NumPy, distances to the closed form.

    d/dmu mean ln p = mean(x - mu) / sigma^2;  d/ds mean ln p = -1 + mean((x - mu)^2) / sigma^2, s = ln sigma.
    """
    x = np.array(_DATA)
    mu_hat, sigma_hat = 52.295014871625426, 3.1673107704922443
    mu, s = 50.0, math.log(5.0)
    out = []
    for _ in range(steps + 1):
        sigma = math.exp(s)
        out.append(math.hypot(mu - mu_hat, sigma - sigma_hat))
        grad_mu = np.mean(x - mu) / sigma**2
        grad_s = -1 + np.mean((x - mu) ** 2) / sigma**2
        mu, s = mu + lr * grad_mu, s + lr * grad_s
    return out


def _torch_ll(data, mu: float, sigma: float) -> float:
    """Log-likelihood via torch.distributions, in float64 (independent of the NumPy code)."""
    loc, scale = torch.tensor(mu, dtype=torch.float64), torch.tensor(sigma, dtype=torch.float64)
    return torch.distributions.Normal(loc, scale).log_prob(torch.tensor(data, dtype=torch.float64)).sum().item()


_DATA = (48.82923312638332, 49.308678494144075, 52.483570765056164, 53.23844269050346, 57.61514928204013)
_SOURCE = "seed 002"
_TABLE_STEPS = (0, 1, 2, 5, 10, 20, 50, 100, 200)
_ORACLE_DISTANCES = _closed_form_ascent()


def _ascent_distances() -> list[float]:
    data = five_points()
    return distances_to(gradient_ascent(data, *A), gaussian_mle(data))


#: Every number the chapter states.
WORKED_NUMBERS = [
    WorkedNumber("sample mean (the MLE of mu)", _SOURCE, "52.295", 52.295014871625426,
                 lambda: gaussian_mle(five_points())[0], "maximum-likelihood.md", "\\hat\\mu = {:.6f}",
                 rel_tol=1e-15),
    WorkedNumber("population std, ddof=0 (the MLE of sigma)", _SOURCE, "3.167", 3.1673107704922443,
                 lambda: gaussian_mle(five_points())[1], "maximum-likelihood.md", "\\hat\\sigma = {:.6f}",
                 rel_tol=1e-14),
    WorkedNumber("sample mean and population std, in full", "site", "-", (52.295014871625426, 3.1673107704922443),
                 lambda: gaussian_mle(five_points()), "maximum-likelihood.md", "`{!r}` and `{!r}`", rel_tol=1e-14),
    WorkedNumber("sample std with n - 1 (ddof=1), and with n", "site", "-",
                 (torch.tensor(_DATA, dtype=torch.float64).std(correction=1).item(),
                  torch.tensor(_DATA, dtype=torch.float64).std(correction=0).item()),
                 lambda: (float(np.std(five_points(), ddof=1)), gaussian_mle(five_points())[1]),
                 "maximum-likelihood.md", "dividing by $n - 1 = 4$ gives {:.4f} instead of {:.4f}", rel_tol=1e-12),
    WorkedNumber("MLE from 10,000 draws of the same generator", "site", "-",
                 (lambda t: (t.mean().item(), t.std(correction=0).item()))(
                     torch.tensor(np.random.RandomState(42).normal(50, 5, 10_000))),
                 lambda: mle_of_draws(10_000), "maximum-likelihood.md",
                 "$(\\hat\\mu, \\hat\\sigma) = ({:.3f}, {:.3f})$", rel_tol=1e-12),
    WorkedNumber("log-likelihood under A, B, and at the MLE (52.295, 3.167)", _SOURCE, "— (the MLE beats both)",
                 (-14.1718, -17.4626, -12.8591),
                 lambda: [log_likelihood(five_points(), *A), log_likelihood(five_points(), *B),
                          log_likelihood(five_points(), *gaussian_mle(five_points()))],
                 "maximum-likelihood.md",
                 "| A = N(50, 5) | {:.4f} | | B = N(45, 8) | {:.4f} | | MLE | {:.4f} |", abs_tol=5e-5),
    WorkedNumber("log-likelihood at the MLE from the closed form", "site", "-",
                 (3.1673107704922443, _torch_ll(_DATA, 52.295014871625426, 3.1673107704922443)),
                 lambda: (gaussian_mle(five_points())[1], gaussian_max_log_likelihood(five_points())),
                 "maximum-likelihood.md",
                 "-\\tfrac{{5}}{{2}}\\left(1 + \\ln(2\\pi \\cdot {:.4f}^2)\\right) = {:.4f}", rel_tol=1e-12),
    WorkedNumber("gradient ascent: error factor per step in mu near the top", "site", "-",
                 1 - 0.9 / 3.1673107704922443**2,
                 lambda: 1 - 0.9 / gaussian_mle(five_points())[1] ** 2, "maximum-likelihood.md",
                 "1 - 0.9/\\hat\\sigma^2 = {:.3f}", rel_tol=1e-12),
    WorkedNumber("maximum log-likelihood of the points measured in hundreds", "site", "-",
                 _torch_ll([v / 100 for v in _DATA], 0.52295014871625426, 0.031673107704922443),
                 lambda: gaussian_max_log_likelihood(five_points() / 100), "maximum-likelihood.md",
                 "maximum log-likelihood is $+{:.4f}$", rel_tol=1e-10),
    WorkedNumber("gradient ascent: distance to the closed form at steps 0, 1, 2, 5, 10, 20, 50, 100, 200", "site",
                 "-", tuple(_ORACLE_DISTANCES[s] for s in _TABLE_STEPS),
                 lambda: [_ascent_distances()[s] for s in _TABLE_STEPS], "maximum-likelihood.md",
                 " ".join(f"| {s} | {{:.2e}} |" for s in _TABLE_STEPS), rel_tol=1e-6),
    WorkedNumber("gradient ascent: (mu, sigma) after 300 steps", "site", "-",
                 (52.295014871625426, 3.1673107704922443),
                 lambda: gradient_ascent(five_points(), *A)[-1], "maximum-likelihood.md",
                 "$(\\mu, \\sigma) = ({:.10f}, {:.10f})$", rel_tol=1e-11),
    WorkedNumber("coin: 7 heads in 10 flips, MLE of P(heads)", "site", "-", 7 / 10,
                 lambda: bernoulli_mle(7, 10), "maximum-likelihood.md", "\\hat p = 7/10 = {}", rel_tol=1e-15),
    WorkedNumber("coin: mean NLL at p = 0.7 (the entropy of (0.7, 0.3))", "site", "-",
                 -(0.7 * math.log(0.7) + 0.3 * math.log(0.3)),
                 lambda: bernoulli_mean_nll(0.7, 7, 10), "maximum-likelihood.md", "H(0.7) = {:.4f}", rel_tol=1e-12),
    WorkedNumber("coin: mean NLL at p = 0.5", "site", "-", math.log(2),
                 lambda: bernoulli_mean_nll(0.5, 7, 10), "maximum-likelihood.md", "\\ln 2 = {:.4f}", rel_tol=1e-12),
    WorkedNumber("coin: log-likelihood at the MLE", "site", "-", 7 * math.log(0.7) + 3 * math.log(0.3),
                 lambda: -10 * bernoulli_mean_nll(bernoulli_mle(7, 10), 7, 10), "maximum-likelihood.md",
                 "\\ell(\\hat p) = {:.4f}", rel_tol=1e-12),
]
