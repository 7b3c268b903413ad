"""Maximum likelihood: the normal distribution in closed form and by gradient ascent, and the coin.

The chapter ``docs/maximum-likelihood.md`` includes the named sections of this module.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from snippets.likelihood import A, B, five_points
from snippets.log_likelihood import log_likelihood

# --8<-- [start:closed_form_numpy]
import numpy as np

from snippets.checks import observations
from snippets.likelihood import five_points


def gaussian_mle(data) -> tuple[float, float]:
    """The maximum likelihood estimate (mu_hat, sigma_hat) of a normal distribution.

    mu_hat is the sample mean; sigma_hat divides by n (``ddof=0``, NumPy's default).

    >>> mu_hat, sigma_hat = gaussian_mle(five_points())
    >>> print(mu_hat, sigma_hat)
    52.295014871625426 3.1673107704922443
    """
    x = observations(data, "data")
    if x.size < 2:
        raise ValueError(f"data: has {x.size} value, expected at least 2 to estimate a spread")
    if np.all(x == x[0]):  # sigma_hat would be 0: the likelihood grows without bound as sigma shrinks
        raise ValueError(f"data: all {x.size} values equal {x[0]:g}, expected at least two different values")
    return float(x.mean()), float(x.std(ddof=0))
# --8<-- [end:closed_form_numpy]


# --8<-- [start:closed_form_torch]
import torch

from snippets.checks import observations
from snippets.likelihood import five_points


def gaussian_mle_torch(data) -> tuple[torch.Tensor, torch.Tensor]:
    """The same estimate in PyTorch. Note ``correction=0``: ``torch.std`` divides by n - 1 by default.

    >>> mu_hat, sigma_hat = gaussian_mle_torch(five_points())
    >>> print(f"{mu_hat.item():.6f} {sigma_hat.item():.6f}")
    52.295015 3.167311
    """
    x = torch.as_tensor(observations(data, "data"))
    if x.numel() < 2:
        raise ValueError(f"data: has {x.numel()} value, expected at least 2 to estimate a spread")
    if torch.all(x == x[0]):  # sigma_hat would be 0: the likelihood grows without bound as sigma shrinks
        raise ValueError(f"data: all {x.numel()} values equal {x[0].item():g}, expected at least two different values")
    return x.mean(), x.std(correction=0)
# --8<-- [end:closed_form_torch]


# --8<-- [start:more_draws]
import numpy as np

from snippets.checks import whole_number


def mle_of_draws(n: int, seed: int = 42) -> tuple[float, float]:
    """The MLE from the first ``n`` draws of N(50, 5) by the generator that drew the five points.

    >>> print([f"{value:.3f}" for value in mle_of_draws(10_000)])
    ['49.989', '5.017']
    """
    n = whole_number(n, "n", low=2, expected="an integer number of draws >= 2")
    seed = whole_number(seed, "seed", high=2**32 - 1, expected="an integer seed between 0 and 2**32 - 1")
    return gaussian_mle(np.random.RandomState(seed).normal(50, 5, n))
# --8<-- [end:more_draws]


# --8<-- [start:max_log_likelihood]
import math

from snippets.checks import observations


def gaussian_max_log_likelihood(data) -> float:
    """ln L at the MLE, from the closed form -n/2 (1 + ln(2 pi sigma_hat^2)).

    >>> print(f"{gaussian_max_log_likelihood(five_points()):.4f}")
    -12.8591
    >>> print(f"{gaussian_max_log_likelihood(five_points() / 100):.4f}")
    10.1667
    """
    x = observations(data, "data")
    _, sigma_hat = gaussian_mle(x)
    n = x.size
    return -n / 2 * (1 + math.log(2 * math.pi * sigma_hat**2))
# --8<-- [end:max_log_likelihood]


# --8<-- [start:ascent]
import math

import torch
from torch.distributions import Normal

from snippets.checks import finite_array, finite_number, observations, positive_scale, whole_number


def gradient_ascent(
    data, mu: float, sigma: float, lr: float = 0.9, steps: int = 300
) -> list[tuple[float, float]]:
    """Climb the mean log-likelihood from (mu, sigma) with plain gradient ascent in float64.

    The parameters are mu and s = ln sigma, so that sigma = exp(s) stays positive
    whatever the step. Returns the (mu, sigma) of every step, the start included.
    No randomness: the same call gives the same path.

    >>> path = gradient_ascent(five_points(), mu=50.0, sigma=5.0)
    >>> mu, sigma = path[-1]
    >>> print(len(path) - 1, f"{mu:.10f} {sigma:.10f}")
    300 52.2950148716 3.1673107705
    """
    x = torch.as_tensor(observations(data, "data"))
    lr = positive_scale(lr, "lr")
    steps = whole_number(steps, "steps", low=1, expected="a positive integer")
    mu = torch.tensor(finite_number(mu, "mu"), dtype=torch.float64, requires_grad=True)
    s = math.log(positive_scale(sigma, "sigma"))
    log_sigma = torch.tensor(s, dtype=torch.float64, requires_grad=True)
    path = [(mu.item(), log_sigma.exp().item())]
    for _ in range(steps):
        mean_ll = Normal(mu, log_sigma.exp()).log_prob(x).mean()
        grad_mu, grad_log_sigma = torch.autograd.grad(mean_ll, (mu, log_sigma))
        with torch.no_grad():  # step *up* the gradient: we are maximising
            mu += lr * grad_mu
            log_sigma += lr * grad_log_sigma
        path.append((mu.item(), log_sigma.exp().item()))
        if not (math.isfinite(path[-1][0]) and 0 < path[-1][1] < math.inf):  # overshot: sigma hit 0 or inf
            raise ValueError(f"lr: is {lr:g}, the ascent diverged at step {len(path) - 1} "
                             f"(mu = {path[-1][0]:g}, sigma = {path[-1][1]:g}), expected a smaller learning rate")
    return path


def distances_to(path: list[tuple[float, float]], target: tuple[float, float]) -> list[float]:
    """Euclidean distance of each (mu, sigma) on the path to ``target``: how far the ascent still has to go.

    >>> path = gradient_ascent(five_points(), mu=50.0, sigma=5.0, steps=1)
    >>> print([f"{d:.3f}" for d in distances_to(path, gaussian_mle(five_points()))])
    ['2.937', '2.241']
    """
    points = finite_array(path, "path")
    if points.ndim != 2 or points.shape[1] != 2:
        raise ValueError(f"path: has shape {points.shape}, expected a sequence of (mu, sigma) pairs")
    goal = finite_array(target, "target")
    if goal.shape != (2,):
        raise ValueError(f"target: has shape {goal.shape}, expected one (mu, sigma) pair")
    return [math.hypot(mu - goal[0], sigma - goal[1]) for mu, sigma in points.tolist()]
# --8<-- [end:ascent]


# --8<-- [start:bernoulli_numpy]
import numpy as np

from snippets.checks import probability, whole_number


def _heads_and_flips(k: int, n: int) -> tuple[int, int]:
    n = whole_number(n, "n", low=1, expected="a positive number of flips")
    k = whole_number(k, "k", high=n, expected=f"a number of heads between 0 and n = {n}")
    return k, n


def bernoulli_mle(k: int, n: int) -> float:
    """The maximum likelihood estimate of P(heads) after k heads in n flips: k / n.

    >>> print(bernoulli_mle(7, 10))
    0.7
    """
    k, n = _heads_and_flips(k, n)
    return k / n


def bernoulli_mean_nll(p: float, k: int, n: int) -> float:
    """Mean negative log-likelihood of k heads in n flips for a coin with P(heads) = p.

    It equals the cross-entropy between the observed frequencies (k/n, 1 - k/n)
    and the model's (p, 1 - p).

    >>> print(f"{bernoulli_mean_nll(0.7, 7, 10):.6f} {bernoulli_mean_nll(0.5, 7, 10):.6f}")
    0.610864 0.693147
    """
    k, n = _heads_and_flips(k, n)
    p = probability(p, "p")
    q = k / n
    with np.errstate(divide="ignore"):  # ln 0 = -inf: a model that rules out what happened
        log_p, log_not_p = np.log(p), np.log1p(-p)
    heads = q * log_p if q > 0 else 0.0  # 0 ln 0 counts as 0: an outcome never seen costs nothing
    tails = (1 - q) * log_not_p if q < 1 else 0.0
    return float(-(heads + tails))
# --8<-- [end:bernoulli_numpy]


# --8<-- [start:bernoulli_torch]
import torch
import torch.nn.functional as F

from snippets.checks import finite_array, probability


def coin_mean_nll_torch(p: float, flips) -> torch.Tensor:
    """The same mean NLL from the flips themselves (1 = heads), with PyTorch's binary cross-entropy.

    >>> flips = torch.tensor([1, 1, 0, 1, 1, 1, 0, 1, 0, 1], dtype=torch.float64)
    >>> print(f"{coin_mean_nll_torch(0.7, flips).item():.6f}")
    0.610864
    """
    outcomes = torch.as_tensor(finite_array(flips, "flips"))
    if outcomes.ndim != 1:
        raise ValueError(f"flips: has shape {tuple(outcomes.shape)}, expected a 1-D sequence of outcomes")
    odd = outcomes[(outcomes != 0) & (outcomes != 1)]
    if odd.numel():
        raise ValueError(f"flips: contains {odd[0].item():g}, expected outcomes 0 (tails) or 1 (heads)")
    p = probability(p, "p")
    if (p == 0 and outcomes.any()) or (p == 1 and not outcomes.all()):  # a flip the model rules out
        return torch.tensor(float("inf"), dtype=outcomes.dtype)  # binary_cross_entropy would clamp ln 0 at -100
    return F.binary_cross_entropy(torch.full_like(outcomes, p), outcomes)
# --8<-- [end:bernoulli_torch]


# --8<-- [start:fig_contours]
def contour_figure():
    """The log-likelihood of the five points over (mu, sigma), with A, B, the MLE and the ascent path."""
    import numpy as np
    from matplotlib import colormaps
    from matplotlib.figure import Figure

    from snippets.likelihood import A, B, five_points
    from snippets.log_likelihood import log_likelihood

    data = five_points()
    mus = np.linspace(40, 62, 89)
    sigmas = np.linspace(1.5, 10, 69)
    grid = np.array([[log_likelihood(data, mu, sigma) for mu in mus] for sigma in sigmas])
    mle = gaussian_mle(data)
    path = np.array(gradient_ascent(data, *A))

    fig = Figure(figsize=(7.5, 5.0), layout="constrained")
    axes = fig.subplots()
    levels = [-60, -40, -30, -25, -20, -17, -15, -14, -13]  # closer together near the top
    greys = colormaps["Greys"](np.linspace(0.5, 0.9, len(levels)))  # darker lines nearer the maximum
    lines = axes.contour(mus, sigmas, grid, levels=levels, colors=greys, linewidths=1.0)
    axes.clabel(lines, fmt="%g", fontsize=8, inline_spacing=3)
    axes.plot(path[:, 0], path[:, 1], ".-", color="tab:orange", markersize=4, linewidth=1.2,
              markevery=range(40), label="gradient ascent from A (dots: its first 40 steps)")
    for (mu, sigma), text, marker, colour in [
        (A, "A = N(50, 5)", "s", "tab:blue"),
        (B, "B = N(45, 8)", "^", "tab:red"),
        (mle, f"MLE ({mle[0]:.3f}, {mle[1]:.3f})", "*", "gold"),
    ]:
        axes.plot([mu], [sigma], marker, color=colour, markeredgecolor="black", markersize=13,
                  label=f"{text}: ln L = {log_likelihood(data, mu, sigma):.2f}")
    axes.set_xlabel(r"$\mu$")
    axes.set_ylabel(r"$\sigma$")
    axes.legend(loc="upper right", framealpha=0.9)
    return fig
# --8<-- [end:fig_contours]
