"""Probability and likelihood under a normal distribution, NumPy and PyTorch.

The chapter ``docs/likelihood.md`` includes the named sections of this module,
in this order.
"""

from __future__ import annotations


# --8<-- [start:checks]
import math
import numbers
import sys

import numpy as np


def check(ok: bool, name: str, value, expected: str) -> None:
    """Refuse bad input: name the argument, its value, what was expected."""
    if not ok:
        raise ValueError(f"{name}: is {value!r}, expected {expected}")


def as_number(v, name: str) -> float:
    """``v`` as a float. NaN is the one value with v != v."""
    real = isinstance(v, numbers.Real) and not isinstance(v, bool)
    big = isinstance(v, numbers.Integral) and abs(v) > sys.float_info.max
    check(real and not big and v == v, name, v,
          "a real number in float range (not a bool or NaN)")
    return float(v)


def as_sample(x, name: str) -> np.ndarray:
    """``x`` as float64: one number or a non-empty 1-D sequence of them."""
    a = np.asarray(x, dtype=object)  # a ragged list stays 1-D: refused below
    check(a.ndim <= 1 and a.size > 0, name, x,
          "a number or a non-empty 1-D sequence")
    return np.array([as_number(v, name) for v in a.flat]).reshape(a.shape)


def check_normal(mu, sigma) -> tuple[float, float]:
    """N(mu, sigma) as floats: mu finite, sigma positive and finite."""
    m, s = as_number(mu, "mu"), as_number(sigma, "sigma")
    check(abs(m) < math.inf, "mu", mu, "a finite number")
    check(0 < s < math.inf, "sigma", sigma, "a positive finite number")
    return m, s


def as_interval(low, high) -> tuple[float, float]:
    """The ends of an interval as floats, with low <= high."""
    low, high = as_number(low, "low"), as_number(high, "high")
    check(low <= high, "high", high, f"a number >= low = {low!r}")
    return low, high
# --8<-- [end:checks]


# --8<-- [start:pdf]
def normal_pdf(x, mu: float, sigma: float) -> np.ndarray | float:
    """The normal density at ``x``: one float for one number, else an array.

    A height, not a probability.

    >>> print(np.round(normal_pdf([48.8292, 57.6151], mu=50, sigma=5), 4))
    [0.0776 0.025 ]
    >>> print(f"{normal_pdf(50, mu=50, sigma=5):.4f}")
    0.0798
    """
    mu, sigma = check_normal(mu, sigma)
    z = (as_sample(x, "x") - mu) / sigma
    return np.exp(-z**2 / 2) / (sigma * np.sqrt(2 * np.pi))
# --8<-- [end:pdf]


# --8<-- [start:cdf]
import math


def normal_cdf(x: float, mu: float, sigma: float) -> float:
    """P(X <= x) for X ~ N(mu, sigma): Phi((x - mu) / sigma), from erfc.

    >>> print(f"{normal_cdf(52.5, mu=50, sigma=2.5):.4f}")
    0.8413
    """
    mu, sigma = check_normal(mu, sigma)
    z = (as_number(x, "x") - mu) / sigma
    return math.erfc(-z / math.sqrt(2)) / 2


def interval_probability(low: float, high: float,
                         mu: float, sigma: float) -> float:
    """P(low <= X <= high) for X ~ N(mu, sigma): a difference of two Phi.

    Above mu it is Q(z_low) - Q(z_high), with Q(z) = 1 - Phi(z) = Phi(-z):
    Q(z_low) = P(X >= low) = P(-X <= -low), and -X ~ N(-mu, sigma).
    """
    mu, sigma = check_normal(mu, sigma)
    low, high = as_interval(low, high)
    if low > mu:  # upper tail: Q keeps the digits that 1 - Phi loses
        return normal_cdf(-low, -mu, sigma) - normal_cdf(-high, -mu, sigma)
    return normal_cdf(high, mu, sigma) - normal_cdf(low, mu, sigma)


def within_k_sigma(k: float, mu: float,
                   sigma: float) -> tuple[float, float, float]:
    """The interval mu -/+ k sigma, and the probability that X lands in it."""
    mu, sigma = check_normal(mu, sigma)
    check(as_number(k, "k") > 0, "k", k, "a positive number")
    low = mu - k * sigma
    high = mu + k * sigma
    return low, high, interval_probability(low, high, mu, sigma)
# --8<-- [end:cdf]


# --8<-- [start:fig_interval]
def interval_figure(mu=50.0, sigma=2.5, low=50.0, high=52.5):
    """The N(mu, sigma) density with the area from low to high shaded."""
    from matplotlib.figure import Figure

    x = np.linspace(mu - 4 * sigma, mu + 4 * sigma, 400)
    inside = np.linspace(low, high, 200)
    area = interval_probability(low, high, mu, sigma)

    fig = Figure(figsize=(7.0, 3.4), layout="constrained")
    axes = fig.subplots()
    axes.plot(x, normal_pdf(x, mu, sigma), color="tab:blue",
              label=f"density of N({mu:g}, {sigma:g})")
    axes.fill_between(inside, normal_pdf(inside, mu, sigma),
                      color="tab:blue", alpha=0.3,
                      label=f"P({low:g} ≤ X ≤ {high:g}) = {area:.4f}")
    peak = 1 / (sigma * np.sqrt(2 * np.pi))  # the height at mu
    middle = (low + high) / 2  # the arrow points into the shaded area
    axes.annotate(f"area = {area:.4f}",
                  xy=(middle, normal_pdf(middle, mu, sigma) / 2),
                  xytext=(mu + 2.2 * sigma, 0.8 * peak),
                  arrowprops={"arrowstyle": "->", "color": "black"})
    for k in (1, 2, 3):
        for edge in (mu - k * sigma, mu + k * sigma):
            axes.axvline(edge, color="grey", linewidth=0.7, linestyle=":")
    axes.set_xticks([mu + k * sigma for k in range(-3, 4)])
    axes.set_xlabel("x   (dotted lines: μ ± 1σ, 2σ, 3σ)")
    axes.set_ylabel("density")
    axes.set_ylim(0, None)
    axes.legend(loc="upper left")
    axes.grid(alpha=0.3)
    return fig
# --8<-- [end:fig_interval]


# --8<-- [start:data]
#: The two candidate distributions, as (mean, standard deviation).
A = (50.0, 5.0)
B = (45.0, 8.0)


def five_points() -> np.ndarray:
    """The data: five draws from N(50, 5), legacy seed 42, sorted.

    >>> print(np.round(five_points(), 4))
    [48.8292 49.3087 52.4836 53.2384 57.6151]
    """
    return np.sort(np.random.RandomState(42).normal(50, 5, 5))
# --8<-- [end:data]


# --8<-- [start:fig_two_normals]
def two_normals_figure():
    """The densities of A and B, and each curve's height at the five points."""
    from matplotlib.figure import Figure

    data = five_points()
    x = np.linspace(25, 75, 500)
    fig = Figure(figsize=(7.5, 3.8), layout="constrained")
    axes = fig.subplots()
    curves = [(A, "A", "tab:blue", -0.15), (B, "B", "tab:orange", 0.15)]
    for (mu, sigma), name, colour, shift in curves:
        axes.plot(x, normal_pdf(x, mu, sigma), color=colour,
                  label=f"{name} = N({mu:g}, {sigma:g})")
        heights = normal_pdf(data, mu, sigma)
        axes.vlines(data + shift, 0, heights, color=colour, linewidth=2)
        axes.plot(data + shift, heights, "o", color=colour, markersize=4)
    axes.plot(data, np.zeros_like(data), "k|", markersize=14,
              label="the five data points")
    axes.set_xlabel("x")
    axes.set_ylabel("density")
    axes.set_ylim(0, None)
    axes.legend(loc="upper right")
    axes.grid(alpha=0.3)
    return fig
# --8<-- [end:fig_two_normals]


# --8<-- [start:numpy]
def likelihood(data, mu: float, sigma: float) -> float:
    """L(mu, sigma | data): the product of the densities of the data."""
    densities = normal_pdf(as_sample(data, "data"), mu, sigma)
    return float(np.prod(densities))
# --8<-- [end:numpy]


# --8<-- [start:torch]
import torch
from torch.distributions import Normal


def likelihood_torch(data, mu: float, sigma: float) -> torch.Tensor:
    """The same product, with the density of ``torch.distributions.Normal``."""
    mu, sigma = check_normal(mu, sigma)
    x = torch.tensor(as_sample(data, "data"))  # float64
    loc, scale = torch.tensor([mu, sigma], dtype=torch.float64)
    densities = Normal(loc, scale).log_prob(x).exp()
    return densities.prod()
# --8<-- [end:torch]
