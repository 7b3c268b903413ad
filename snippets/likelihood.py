"""Probability and likelihood under a normal distribution, in NumPy and in PyTorch.

The chapter ``docs/likelihood.md`` includes the named sections of this module.
"""

from __future__ import annotations

import math


# --8<-- [start:data]
import numpy as np

#: The two candidate distributions, as (mean, standard deviation).
A = (50.0, 5.0)
B = (45.0, 8.0)


def five_points() -> np.ndarray:
    """The observed data: five draws from N(50, 5) with seed 42, sorted.

    >>> print(np.round(five_points(), 4))
    [48.8292 49.3087 52.4836 53.2384 57.6151]
    """
    return np.sort(np.random.RandomState(42).normal(50, 5, 5))
# --8<-- [end:data]


# --8<-- [start:cdf]
import math

from snippets.checks import finite_number, ordered_interval, positive_scale


def normal_cdf(x: float, mu: float, sigma: float) -> float:
    """P(X <= x) for X ~ N(mu, sigma), from the error function.

    >>> print(f"{normal_cdf(52.5, mu=50, sigma=2.5):.4f}")
    0.8413
    """
    x = finite_number(x, "x")
    mu = finite_number(mu, "mu")
    sigma = positive_scale(sigma, "sigma")
    return 0.5 * (1.0 + math.erf((x - mu) / (sigma * math.sqrt(2.0))))


def interval_probability(low: float, high: float, mu: float, sigma: float) -> float:
    """P(low <= X <= high) for X ~ N(mu, sigma): the area under the density between the ends.

    >>> print(interval_probability(50, 52.5, mu=50, sigma=2.5))
    0.3413447460685429
    """
    low, high = ordered_interval(low, high)
    return normal_cdf(high, mu, sigma) - normal_cdf(low, mu, sigma)


def within_k_sigma(k: float, mu: float, sigma: float) -> tuple[float, float, float]:
    """The interval mu - k sigma .. mu + k sigma and the probability that X falls in it.

    >>> for k in (1, 2, 3):
    ...     low, high, p = within_k_sigma(k, mu=50, sigma=2.5)
    ...     print(f"{low}-{high}: {p:.4f}")
    47.5-52.5: 0.6827
    45.0-55.0: 0.9545
    42.5-57.5: 0.9973
    """
    k = positive_scale(k, "k")
    mu = finite_number(mu, "mu")
    sigma = positive_scale(sigma, "sigma")
    low, high = mu - k * sigma, mu + k * sigma
    return low, high, interval_probability(low, high, mu, sigma)
# --8<-- [end:cdf]


# --8<-- [start:numpy]
import numpy as np

from snippets.checks import finite_array, finite_number, observations, positive_scale


def normal_pdf(x, mu: float, sigma: float) -> np.ndarray:
    """The normal density at each point of ``x``: a height, not a probability.

    >>> print(np.round(normal_pdf([48.8292, 57.6151], mu=50, sigma=5), 4))
    [0.0776 0.025 ]
    """
    x = finite_array(x, "x")
    mu = finite_number(mu, "mu")
    sigma = positive_scale(sigma, "sigma")
    z = (x - mu) / sigma
    return np.exp(-0.5 * z**2) / (sigma * np.sqrt(2 * np.pi))


def likelihood(data, mu: float, sigma: float) -> float:
    """L(mu, sigma | data): the product of the densities of independent observations.

    >>> print(f"{likelihood(five_points(), *A):.4e}")
    7.0029e-07
    """
    data = observations(data, "data")  # a 1-D sample
    return float(np.prod(normal_pdf(data, mu, sigma)))
# --8<-- [end:numpy]


# --8<-- [start:torch]
import torch
from torch.distributions import Normal

from snippets.checks import finite_number, observations, positive_scale


def likelihood_torch(data, mu: float, sigma: float) -> torch.Tensor:
    """The same product, with the density from ``torch.distributions.Normal``.

    >>> print(f"{likelihood_torch(five_points(), *B).item():.4e}")
    2.6068e-08
    """
    x = torch.as_tensor(observations(data, "data"))  # float64, 1-D
    mu = torch.tensor(finite_number(mu, "mu"), dtype=torch.float64)
    sigma = torch.tensor(positive_scale(sigma, "sigma"), dtype=torch.float64)
    distribution = Normal(mu, sigma)
    return distribution.log_prob(x).exp().prod()
# --8<-- [end:torch]


# --8<-- [start:rounded]
import numpy as np

from snippets.checks import observations, whole_number


def rounded_product(data, mu: float, sigma: float, places: int = 4) -> float:
    """The product of the densities after rounding each to ``places`` decimals.

    This is what you get by multiplying a printed table of densities.

    >>> print(rounded_product(five_points(), *A))
    6.99072501e-07
    """
    places = whole_number(places, "places", expected="a non-negative integer")
    data = observations(data, "data")
    return float(np.prod(np.round(normal_pdf(data, mu, sigma), places)))
# --8<-- [end:rounded]


# --8<-- [start:density_vs_probability]
from snippets.checks import finite_number, positive_scale


def density_and_small_interval(mu: float, sigma: float, width: float) -> tuple[float, float]:
    """The density at the mean, and the probability of the interval of ``width`` around it.

    A density can exceed 1; the probability of any interval cannot.

    >>> density, p = density_and_small_interval(mu=50, sigma=0.1, width=0.1)
    >>> print(f"{density:.4f} {p:.4f}")
    3.9894 0.3829
    """
    mu, sigma = finite_number(mu, "mu"), positive_scale(sigma, "sigma")
    width = positive_scale(width, "width")
    density = float(normal_pdf([mu], mu, sigma)[0])
    return density, interval_probability(mu - width / 2, mu + width / 2, mu, sigma)
# --8<-- [end:density_vs_probability]


# --8<-- [start:fig_interval]
def interval_figure(mu=50.0, sigma=2.5, low=50.0, high=52.5):
    """The N(mu, sigma) density with the area between low and high shaded and labelled."""
    import numpy as np
    from matplotlib.figure import Figure

    x = np.linspace(mu - 4 * sigma, mu + 4 * sigma, 400)
    inside = np.linspace(low, high, 200)
    area = interval_probability(low, high, mu, sigma)

    fig = Figure(figsize=(7.0, 3.4), layout="constrained")
    axes = fig.subplots()
    axes.plot(x, normal_pdf(x, mu, sigma), color="tab:blue", label=f"density of N({mu:g}, {sigma:g})")
    axes.fill_between(inside, normal_pdf(inside, mu, sigma), color="tab:blue", alpha=0.3,
                      label=f"P({low:g} ≤ X ≤ {high:g}) = {area:.4f}")
    axes.annotate(f"area = {area:.4f}", xy=((low + high) / 2, 0.06), xytext=(mu + 2.2 * sigma, 0.13),
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


# --8<-- [start:fig_two_normals]
def two_normals_figure():
    """The densities of A and B with the five data points and the height of each curve there."""
    import numpy as np
    from matplotlib.figure import Figure

    data = five_points()
    x = np.linspace(25, 75, 500)
    fig = Figure(figsize=(7.5, 3.8), layout="constrained")
    axes = fig.subplots()
    for (mu, sigma), name, colour, shift in [(A, "A", "tab:blue", -0.15), (B, "B", "tab:orange", 0.15)]:
        axes.plot(x, normal_pdf(x, mu, sigma), color=colour, label=f"{name} = N({mu:g}, {sigma:g})")
        heights = normal_pdf(data, mu, sigma)
        axes.vlines(data + shift, 0, heights, color=colour, linewidth=2)
        axes.plot(data + shift, heights, "o", color=colour, markersize=4)
    axes.plot(data, np.zeros_like(data), "k|", markersize=14, label="the five data points")
    axes.set_xlabel("x")
    axes.set_ylabel("density")
    axes.set_ylim(0, None)
    axes.legend(loc="upper right")
    axes.grid(alpha=0.3)
    return fig
# --8<-- [end:fig_two_normals]
