"""Maximum likelihood: the normal distribution in closed form and by gradient
ascent, how good the estimate is, and the coin.

The chapter ``docs/maximum-likelihood.md`` includes the named sections of this
module, in this order.
"""

from __future__ import annotations


# --8<-- [start:checks]
import math
from numbers import Real

import numpy as np


def check(ok: bool, name: str, value, expected: str) -> None:
    """Refuse bad input: which argument, what it was, what was expected."""
    if not ok:
        raise ValueError(f"{name}: is {value!r}, expected {expected}")


def check_real(v, name: str, interval: str = "(-inf, inf)") -> None:
    """Refuse all but one finite real number in ``interval``, written as in
    maths: "(0, inf)", "[0, 1]". No bool, string, None, array, NaN or inf."""
    real = isinstance(v, Real) and not isinstance(v, bool)
    check(real and math.isfinite(v), name, v, "one finite real number")
    low, high = (float(end) for end in interval[1:-1].split(","))
    above = low <= v if interval[0] == "[" else low < v
    below = v <= high if interval[-1] == "]" else v < high
    check(above and below, name, v, f"a number in {interval}")


def check_whole(v, name: str, low: int, high: float = np.inf) -> None:
    """Refuse all but a whole number in [low, high]: 7 and 7.0 pass."""
    check_real(v, name, f"[{low}, {high}]")
    check(float(v).is_integer(), name, v, "a whole number")


def check_normal(mu, sigma) -> None:
    """The parameters of N(mu, sigma): mu finite, sigma finite and > 0."""
    check_real(mu, "mu")
    check_real(sigma, "sigma", "(0, inf)")


def as_sample(x, name: str) -> np.ndarray:
    """``x`` as a float64 array of finite numbers, one axis, not empty."""
    a = np.asarray(x, dtype=np.float64)
    check(a.ndim == 1 and a.size > 0, name, x, "a non-empty 1-D sequence")
    check(np.isfinite(a).all(), name, x, "finite numbers (no NaN or inf)")
    return a


def as_fit_sample(data) -> np.ndarray:
    """A sample to fit a normal to: at least two different values (if all
    are equal, the likelihood grows without bound as sigma shrinks)."""
    x = as_sample(data, "data")
    check(x.min() < x.max(), "data", data, "at least two different values")
    return x


def as_flips(flips) -> np.ndarray:
    """Coin flips as a float64 array of 0s (tails) and 1s (heads)."""
    y = as_sample(flips, "flips")
    check(np.isin(y, (0, 1)).all(), "flips", flips, "0 (tails) or 1 (heads)")
    return y
# --8<-- [end:checks]


# --8<-- [start:earlier]
import numpy as np

A = (50.0, 5.0)  # candidate A = N(50, 5): (mu, sigma)
B = (45.0, 8.0)  # candidate B = N(45, 8)


def five_points() -> np.ndarray:
    """Five draws from N(50, 5) (NumPy's legacy RandomState, seed 42),
    sorted."""
    return np.sort(np.random.RandomState(42).normal(50, 5, 5))


def log_likelihood(data, mu: float, sigma: float) -> float:
    """ln L(mu, sigma | data): the sum of the normal log-densities.

    >>> print(f"{log_likelihood(five_points(), *A):.4f}")
    -14.1718
    """
    x = as_sample(data, "data")
    check_normal(mu, sigma)
    z = (x - mu) / sigma  # distances from mu, in units of sigma
    log_densities = -z**2 / 2 - np.log(sigma * np.sqrt(2 * np.pi))
    return float(log_densities.sum())
# --8<-- [end:earlier]


# --8<-- [start:closed_form_numpy]
import numpy as np


def gaussian_mle(data) -> tuple[float, float]:
    """The maximum likelihood estimate (mu_hat, sigma_hat) of a normal.

    >>> mu_hat, sigma_hat = gaussian_mle(five_points())
    >>> print(mu_hat, sigma_hat)
    52.295014871625426 3.1673107704922443
    """
    x = as_fit_sample(data)
    n = len(x)
    mu_hat = x.sum() / n  # the sample mean
    sigma_hat = np.sqrt(((x - mu_hat) ** 2).sum() / n)  # divides by n
    return float(mu_hat), float(sigma_hat)
# --8<-- [end:closed_form_numpy]


# --8<-- [start:closed_form_torch]
import torch


def gaussian_mle_torch(data) -> tuple[torch.Tensor, torch.Tensor]:
    """The same estimate in PyTorch.

    >>> mu_hat, sigma_hat = gaussian_mle_torch(five_points())
    >>> print(f"{mu_hat.item():.6f} {sigma_hat.item():.6f}")
    52.295015 3.167311
    """
    x = torch.as_tensor(as_fit_sample(data))
    mu_hat = x.mean()
    sigma_hat = x.std(correction=0)  # torch.std divides by n - 1 unless told
    return mu_hat, sigma_hat
# --8<-- [end:closed_form_torch]


# --8<-- [start:ascent]
import math

import torch


def gradient_ascent(data, mu: float, sigma: float, lr: float = 0.9,
                    steps: int = 300) -> list[tuple[float, float]]:
    """Climb the mean log-likelihood from (mu, sigma), in float64.

    The parameters are mu and s = ln sigma, so that sigma = exp(s) stays
    positive. Returns the (mu, sigma) of every step, the start included,
    and raises ValueError unless the gradient at the last one is below 1e-8.

    >>> mu, sigma = gradient_ascent(five_points(), 50.0, 5.0)[-1]
    >>> print(f"{mu:.10f} {sigma:.10f}")
    52.2950148716 3.1673107705
    """
    x = torch.as_tensor(as_fit_sample(data))
    check_normal(mu, sigma)
    check_real(lr, "lr", "(0, inf)")
    check_whole(steps, "steps", 1)

    def gradient(mu, s):
        """The gradient of the mean log-likelihood at (mu, s)."""
        z = (x - mu) / s.exp()  # distances from mu, in units of sigma
        mean_ll = (-z**2 / 2 - s).mean() - math.log(2 * math.pi) / 2
        return torch.autograd.grad(mean_ll, (mu, s))

    mu = torch.tensor(float(mu), dtype=torch.float64, requires_grad=True)
    s = torch.tensor(math.log(sigma), dtype=torch.float64, requires_grad=True)
    path = [(mu.item(), s.exp().item())]
    for _ in range(int(steps)):
        grad_mu, grad_s = gradient(mu, s)
        with torch.no_grad():  # step *up* the gradient: we are maximising
            mu += lr * grad_mu
            s += lr * grad_s
        path.append((mu.item(), s.exp().item()))
    grad_mu, grad_s = gradient(mu, s)  # at the last point of the path
    size = math.hypot(grad_mu.item(), grad_s.item())
    check(size < 1e-8, f"the gradient after {steps} steps at lr={lr}",
          size, "below 1e-8 (take more steps, or a smaller lr)")
    return path
# --8<-- [end:ascent]


# --8<-- [start:fig_contours]
def contour_figure():
    """The log-likelihood of the five points over (mu, sigma), with A, B,
    the MLE and the path of gradient ascent."""
    import numpy as np
    from matplotlib import colormaps
    from matplotlib.figure import Figure

    data = five_points()
    mus = np.linspace(40, 62, 89)
    sigmas = np.linspace(1.5, 10, 69)
    grid = np.array([[log_likelihood(data, mu, sigma) for mu in mus]
                     for sigma in sigmas])
    mle = gaussian_mle(data)
    path = np.array(gradient_ascent(data, *A))

    fig = Figure(figsize=(7.5, 5.0), layout="constrained")
    axes = fig.subplots()
    levels = [-60, -40, -30, -25, -20, -17, -15, -14, -13]  # denser at top
    greys = colormaps["Greys"](np.linspace(0.5, 0.9, len(levels)))
    lines = axes.contour(mus, sigmas, grid, levels=levels, colors=greys,
                         linewidths=1.0)
    axes.clabel(lines, fmt="%g", fontsize=8, inline_spacing=3)
    axes.plot(path[:, 0], path[:, 1], ".-", color="tab:orange",
              markersize=4, linewidth=1.2, markevery=range(41),
              label="gradient ascent from A (dots: start, first 40 steps)")
    for (mu, sigma), text, marker, colour in [
        (A, "A = N(50, 5)", "s", "tab:blue"),
        (B, "B = N(45, 8)", "^", "tab:red"),
        (mle, f"MLE ({mle[0]:.3f}, {mle[1]:.3f})", "*", "gold"),
    ]:
        ll = log_likelihood(data, mu, sigma)
        axes.plot([mu], [sigma], marker, color=colour, markersize=13,
                  markeredgecolor="black", label=f"{text}: ln L = {ll:.2f}")
    axes.set_xlabel(r"$\mu$")
    axes.set_ylabel(r"$\sigma$")
    axes.legend(loc="upper right", framealpha=0.9)
    return fig
# --8<-- [end:fig_contours]


# --8<-- [start:max_log_likelihood]
import math


def gaussian_max_log_likelihood(data) -> float:
    """ln L at the MLE, from the closed form -n/2 (1 + ln(2 pi sigma_hat^2)).

    >>> print(f"{gaussian_max_log_likelihood(five_points()):.4f}")
    -12.8591
    """
    x = as_fit_sample(data)
    n = len(x)
    _, sigma_hat = gaussian_mle(x)
    return -n / 2 * (1 + math.log(2 * math.pi * sigma_hat**2))
# --8<-- [end:max_log_likelihood]


# --8<-- [start:bernoulli_numpy]
import numpy as np


def bernoulli_mean_nll(p: float, k: int, n: int) -> float:
    """-l(p) / n = -[q ln p + (1 - q) ln(1 - p)] for a sequence of n flips
    with k heads, q = k / n and P(heads) = p.

    >>> print(f"{bernoulli_mean_nll(0.7, 7, 10):.6f}")
    0.610864
    """
    check_whole(n, "n", 1)
    check_whole(k, "k", 0, n)
    check_real(p, "p", "[0, 1]")
    q = k / n  # the observed frequency of heads
    with np.errstate(divide="ignore"):  # ln 0 = -inf: a flip ruled out
        heads = q * np.log(p) if q > 0 else 0.0  # 0 ln 0 counts as 0
        tails = (1 - q) * np.log(1 - p) if q < 1 else 0.0
    return float(0.0 - heads - tails)  # 0.0 - ..., so never -0.0
# --8<-- [end:bernoulli_numpy]


# --8<-- [start:bernoulli_torch]
import torch
import torch.nn.functional as F


def coin_mean_nll_torch(p: float, flips) -> torch.Tensor:
    """The same mean NLL from the flips themselves (1 = heads, 0 = tails).

    >>> flips = [1, 1, 0, 1, 1, 1, 0, 1, 0, 1]
    >>> print(f"{coin_mean_nll_torch(0.7, flips).item():.6f}")
    0.610864
    """
    check_real(p, "p", "[0, 1]")
    y = torch.as_tensor(as_flips(flips))
    predicted = torch.full_like(y, p)  # the model: P(heads) = p, every flip
    return F.binary_cross_entropy(predicted, y)
# --8<-- [end:bernoulli_torch]
