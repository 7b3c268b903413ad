"""Log-likelihood: products become sums, and sums of logs stay representable.

The chapter ``docs/log-likelihood.md`` includes the named sections of this module.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from snippets.likelihood import A, five_points

# --8<-- [start:two_routes]
import math

import torch

from snippets.checks import probabilities


def log_two_ways(probs) -> tuple[float, float]:
    """The log of a product of probabilities, computed two ways in float32.

    Returns ``(log of the product, sum of the logs)``. The product is taken in
    Python floats, then its log in float32; the logs are taken and added in float32.

    >>> log_of_product, sum_of_logs = log_two_ways([0.015, 0.05, 0.01])
    >>> print(log_of_product, sum_of_logs)
    -11.800607681274414 -11.800607681274414
    """
    array = probabilities(probs, "probs")
    if array.ndim > 1:
        raise ValueError(f"probs: has shape {array.shape}, expected a 1-D sequence of probabilities")
    values = array.ravel().tolist()
    if 0.0 in values:
        raise ValueError("probs: contains 0, expected probabilities in (0, 1] (the log of 0 is -inf)")
    product = math.prod(values)
    log_of_product = torch.log(torch.tensor(product, dtype=torch.float32))
    sum_of_logs = torch.tensor(0.0, dtype=torch.float32)
    for p in values:  # left to right, as a + b + c is
        sum_of_logs = sum_of_logs + torch.log(torch.tensor(p, dtype=torch.float32))
    return log_of_product.item(), sum_of_logs.item()
# --8<-- [end:two_routes]


# --8<-- [start:tolerance]
import itertools
import math

import torch

from snippets.checks import finite_number, positive_scale


def same_up_to_rounding(a: float, b: float, rel_tol: float = 1e-6) -> bool:
    """Compare two floating-point results the safe way: within a relative tolerance, not with ==.

    float32 keeps about 7 significant digits (machine epsilon 1.19e-07), so two
    routes to the same number may differ in the last place or two.

    >>> a, b = log_two_ways([0.01, 0.01, 0.02])
    >>> print(a == b, same_up_to_rounding(a, b))
    False True
    >>> print(torch.isclose(torch.tensor(a), torch.tensor(b)).item())
    True
    """
    a, b = finite_number(a, "a"), finite_number(b, "b")
    return math.isclose(a, b, rel_tol=positive_scale(rel_tol, "rel_tol"))


def first_unequal_triple(step: float = 0.01) -> tuple[float, float, float]:
    """The first triple p1 <= p2 <= p3 on a grid of ``step`` where the two routes differ under ==.

    Triples are tried in order: (s, s, s), (s, s, 2s), ...: deterministic, no randomness.

    >>> print(first_unequal_triple())
    (0.01, 0.01, 0.02)
    """
    step = finite_number(step, "step")
    if not 0 < step < 1:
        raise ValueError(f"step: is {step!r}, expected a number in (0, 1)")
    grid = [round(i * step, 10) for i in range(1, math.floor(1 / step + 1e-9) + 1)]  # step, 2 step, ... <= 1
    for triple in itertools.combinations_with_replacement(grid, 3):
        log_of_product, sum_of_logs = log_two_ways(triple)
        if log_of_product != sum_of_logs:
            return triple
    raise LookupError(f"no triple on the grid of step {step} separates the two routes")
# --8<-- [end:tolerance]


# --8<-- [start:underflow_numpy]
import numpy as np

from snippets.checks import probability, whole_number


def product_and_log_sum(p: float, count: int, dtype=np.float64) -> tuple[float, float]:
    """The product of ``count`` copies of probability ``p``, and the sum of their logs.

    >>> print(product_and_log_sum(0.5, 1000, np.float32))
    (0.0, -693.1473388671875)
    >>> print(product_and_log_sum(0.5, 1000, np.float64))
    (9.332636185032189e-302, -693.1471805599454)
    """
    count = whole_number(count, "count", low=1, expected="a positive integer")
    p = probability(p, "p")
    try:
        floating = np.dtype(dtype).kind == "f"
    except TypeError:  # not a dtype at all
        floating = False
    if not floating:
        raise ValueError(f"dtype: is {dtype!r}, expected a floating-point type such as np.float32 or np.float64")
    values = np.full(count, p, dtype=dtype)
    product = np.multiply.reduce(values, dtype=dtype)  # one rounding per factor
    with np.errstate(divide="ignore"):
        log_sum = np.add.reduce(np.log(values), dtype=dtype)
    return float(product), float(log_sum)
# --8<-- [end:underflow_numpy]


# --8<-- [start:underflow_torch]
import torch

from snippets.checks import probability, whole_number


def product_and_log_sum_torch(p: float, count: int, dtype=torch.float64) -> tuple[float, float]:
    """The same in PyTorch: ``prod`` underflows in float32, ``log().sum()`` does not.

    >>> product, log_sum = product_and_log_sum_torch(0.5, 1000, torch.float32)
    >>> print(product, round(log_sum, 2))
    0.0 -693.15
    """
    count = whole_number(count, "count", low=1, expected="a positive integer")
    p = probability(p, "p")
    if not isinstance(dtype, torch.dtype) or not dtype.is_floating_point:
        raise ValueError(f"dtype: is {dtype!r}, expected a floating-point type such as torch.float32")
    values = torch.full((count,), p, dtype=dtype)
    return values.prod().item(), values.log().sum().item()
# --8<-- [end:underflow_torch]


# --8<-- [start:softmax_numpy]
import numpy as np

from snippets.checks import finite_array


def naive_softmax(logits) -> np.ndarray:
    """exp(z) / sum(exp(z)), straight from the definition: overflows for large logits.

    >>> print(naive_softmax([1000, 1001, 1002]))
    [nan nan nan]
    """
    z = finite_array(logits, "logits")
    if z.ndim == 0:
        raise ValueError("logits: is a single number, expected a vector of logits (or a batch, classes last)")
    with np.errstate(over="ignore", invalid="ignore"):  # exp(1000) = inf, inf / inf = nan
        e = np.exp(z)
        return e / e.sum(axis=-1, keepdims=True)


def stable_softmax(logits) -> np.ndarray:
    """Softmax after subtracting the largest logit: the same numbers, no overflow.

    >>> print(stable_softmax([1000, 1001, 1002]))
    [0.09003057 0.24472847 0.66524096]
    """
    z = finite_array(logits, "logits")
    if z.ndim == 0:
        raise ValueError("logits: is a single number, expected a vector of logits (or a batch, classes last)")
    shifted = z - z.max(axis=-1, keepdims=True)  # every exponent is <= 0 now
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def log_sum_exp(logits) -> float:
    """ln(sum(exp(z))) computed as max(z) + ln(sum(exp(z - max(z)))).

    >>> print(f"{log_sum_exp([1000, 1001, 1002]):.6f}")
    1002.407606
    """
    z = finite_array(logits, "logits")
    if z.ndim != 1:
        raise ValueError(f"logits: has shape {z.shape}, expected a 1-D vector of logits")
    m = z.max()
    return float(m + np.log(np.exp(z - m).sum()))
# --8<-- [end:softmax_numpy]


# --8<-- [start:softmax_torch]
import torch

from snippets.checks import finite_array


def stable_softmax_torch(logits: torch.Tensor) -> torch.Tensor:
    """The shifted softmax in PyTorch; ``torch.softmax`` does the same shift internally.

    >>> z = torch.tensor([1000.0, 1001.0, 1002.0], dtype=torch.float64)
    >>> print(stable_softmax_torch(z).numpy().round(8))
    [0.09003057 0.24472847 0.66524096]
    >>> print(torch.softmax(z, dim=-1).numpy().round(8))
    [0.09003057 0.24472847 0.66524096]
    """
    if finite_array(logits, "logits").ndim == 0:
        raise ValueError("logits: is a single number, expected a vector of logits (or a batch, classes last)")
    z = torch.as_tensor(logits)
    shifted = z - z.max(dim=-1, keepdim=True).values
    return shifted.exp() / shifted.exp().sum(dim=-1, keepdim=True)
# --8<-- [end:softmax_torch]


# --8<-- [start:gaussian_numpy]
import numpy as np

from snippets.checks import finite_array, finite_number, observations, positive_scale
from snippets.likelihood import five_points


def normal_log_pdf(x, mu: float, sigma: float) -> np.ndarray:
    """ln p(x | mu, sigma) for the normal density, without ever forming the density.

    >>> print(f"{normal_log_pdf([50.0], mu=50, sigma=5)[0]:.6f}")
    -2.528376
    """
    x = finite_array(x, "x")
    mu = finite_number(mu, "mu")
    sigma = positive_scale(sigma, "sigma")
    return -0.5 * ((x - mu) / sigma) ** 2 - np.log(sigma) - 0.5 * np.log(2 * np.pi)


def log_likelihood(data, mu: float, sigma: float) -> float:
    """ln L(mu, sigma | data): the sum of the log-densities of independent observations.

    >>> print(f"{log_likelihood(five_points(), mu=50, sigma=5):.4f}")
    -14.1718
    """
    data = observations(data, "data")  # a 1-D sample
    return float(normal_log_pdf(data, mu, sigma).sum())
# --8<-- [end:gaussian_numpy]


# --8<-- [start:gaussian_torch]
import torch
from torch.distributions import Normal

from snippets.checks import finite_number, observations, positive_scale
from snippets.likelihood import five_points


def log_likelihood_torch(data, mu, sigma) -> torch.Tensor:
    """The same sum with ``Normal(mu, sigma).log_prob``; ``mu`` and ``sigma`` may be tensors with gradients.

    >>> print(f"{log_likelihood_torch(five_points(), 50.0, 5.0).item():.4f}")
    -14.1718
    """
    x = torch.as_tensor(observations(data, "data"))  # float64, 1-D
    finite_number(mu.detach() if torch.is_tensor(mu) else mu, "mu")
    positive_scale(sigma.detach() if torch.is_tensor(sigma) else sigma, "sigma")
    mu, sigma = (torch.as_tensor(v, dtype=torch.float64) for v in (mu, sigma))  # keeps gradients
    return Normal(mu, sigma).log_prob(x).sum()
# --8<-- [end:gaussian_torch]


# --8<-- [start:fig_log_likelihood_mu]
def log_likelihood_of_mu_figure(sigma=5.0):
    """The likelihood and the log-likelihood of the five points as functions of mu, sigma fixed."""
    import numpy as np
    from matplotlib.figure import Figure

    from snippets.likelihood import A, five_points

    data = five_points()
    mus = np.linspace(38, 66, 400)
    ll = np.array([log_likelihood(data, mu, sigma) for mu in mus])
    best = data.mean()  # where both curves peak, whatever sigma is

    fig = Figure(figsize=(8.0, 3.4), layout="constrained")
    left, right = fig.subplots(1, 2)
    left.plot(mus, np.exp(ll) * 1e7, color="tab:blue")
    left.set_ylabel(r"$L(\mu)$  ($\times 10^{-7}$)")
    left.set_title("likelihood: tiny numbers")
    right.plot(mus, ll, color="tab:green")
    right.set_ylabel(r"$\ln L(\mu)$")
    right.set_title("log-likelihood: same peak, tame numbers")
    for axes, values in ((left, np.exp(ll) * 1e7), (right, ll)):
        axes.axvline(best, color="black", linestyle="--", linewidth=1)
        axes.set_xlabel(rf"$\mu$   ($\sigma$ fixed at {sigma:g}; dashed: sample mean {best:.3f})")
        axes.grid(alpha=0.3)
    a_value = log_likelihood(data, A[0], sigma)
    right.plot([A[0]], [a_value], "o", color="tab:blue")
    right.annotate(f"A: μ = {A[0]:g}\nln L = {a_value:.2f}", (A[0], a_value), xytext=(-5, -110),
                   textcoords="offset points", ha="right", arrowprops={"arrowstyle": "->"})
    return fig
# --8<-- [end:fig_log_likelihood_mu]
