"""Log-likelihood: products become sums, and sums of logs stay representable.

The chapter ``docs/log-likelihood.md`` includes the named sections of this
module, in this order.
"""

from __future__ import annotations


# --8<-- [start:checks]
import numpy as np


def check(ok: bool, name: str, value, expected: str) -> None:
    """Refuse bad input: name the argument, its value, what was expected."""
    if not ok:
        raise ValueError(f"{name}: is {value!r}, expected {expected}")


def real_array(v, name: str) -> np.ndarray:
    """``v`` (Python, NumPy or PyTorch) as a float64 array of real numbers."""
    try:
        a = np.asarray(v.detach() if hasattr(v, "detach") else v)
    except ValueError:  # a ragged list: NumPy's message omits the name
        msg = f"{name}: is {v!r}, expected rows of equal length"
        raise ValueError(msg) from None
    check(a.dtype.kind in "iuf", name, v, "real numbers, not bool/str/complex")
    return a.astype(np.float64)


def as_points(x, name: str) -> np.ndarray:
    """``x`` as float64: one finite number, or a non-empty 1-D sequence."""
    a = real_array(x, name)
    check(a.ndim <= 1 and a.size > 0, name, x,
          "one number or a non-empty 1-D sequence")
    check(np.isfinite(a).all(), name, x, "finite numbers (no NaN or inf)")
    return a


def as_sample(x, name: str) -> np.ndarray:
    """``x`` as a float64 array of finite numbers, one axis, not empty."""
    a = as_points(x, name)
    check(a.ndim == 1, name, x, "a non-empty 1-D sequence")
    return a


def as_probs(p, name: str = "probs") -> np.ndarray:
    """``p`` as a non-empty 1-D float64 array of probabilities in (0, 1]."""
    a = as_sample(p, name)
    check(((a > 0) & (a <= 1)).all(), name, p, "probabilities in (0, 1]")
    return a


def as_number(v, name: str) -> float:
    """One real number (Python, NumPy, or a 0-d tensor) as a float."""
    a = real_array(v, name)
    check(a.ndim == 0, name, v, "one real number")
    return float(a)


def check_normal(mu, sigma) -> tuple[float, float]:
    """N(mu, sigma): mu finite, sigma positive and finite; both as floats."""
    mu, sigma = as_number(mu, "mu"), as_number(sigma, "sigma")
    check(np.isfinite(mu), "mu", mu, "a finite number")
    check(0 < sigma < np.inf, "sigma", sigma, "a positive finite number")
    return mu, sigma


def check_copies(p, count, dtype, floats: tuple) -> None:
    """``count`` copies of a probability ``p``, in a type of ``floats``."""
    check(0 < as_number(p, "p") <= 1, "p", p, "a probability in (0, 1]")
    real_array(count, "count")  # refuses a bool
    whole = isinstance(count, (int, np.integer))
    check(whole and count >= 1, "count", count, "a positive whole number")
    check(dtype in floats, "dtype", dtype, f"one of {floats}")
# --8<-- [end:checks]


# --8<-- [start:two_routes]
import math

import torch


def log_two_ways(probs) -> tuple[float, float]:
    """ln of a product of probabilities, two ways, in float32.

    Returns (log of the product, sum of the logs). The product is taken
    in float64, then its log in float32; the logs are taken and
    added in float32.

    >>> log_two_ways([0.015, 0.05, 0.01])
    (-11.800607681274414, -11.800607681274414)
    """
    p = as_probs(probs)
    product = torch.tensor(math.prod(p), dtype=torch.float32)
    logs = torch.log(torch.tensor(p, dtype=torch.float32))
    return product.log().item(), logs.sum().item()
# --8<-- [end:two_routes]


# --8<-- [start:underflow_numpy]
def product_and_log_sum(p: float, count: int, dtype=np.float64):
    """The product of ``count`` copies of ``p``, and the sum of their logs.

    ``p`` must not round to 0 in ``dtype``: its log would be -inf.
    """
    check_copies(p, count, dtype, (np.float32, np.float64))
    values = np.full(count, p, dtype=dtype)  # rounds p to dtype
    check(values[0] > 0, "p", p, f"a p that stays > 0 in {dtype}")
    product = np.multiply.reduce(values)  # one rounding per factor
    log_sum = np.log(values).sum()
    return float(product), float(log_sum)
# --8<-- [end:underflow_numpy]


# --8<-- [start:underflow_torch]
def product_and_log_sum_torch(p: float, count: int, dtype=torch.float64):
    """The same in PyTorch: ``prod`` underflows in float32, the log-sum not."""
    check_copies(p, count, dtype, (torch.float32, torch.float64))
    values = torch.full((count,), p, dtype=dtype)  # rounds p to dtype
    check(values[0] > 0, "p", p, f"a p that stays > 0 in {dtype}")
    product = values.prod()
    log_sum = values.log().sum()
    return product.item(), log_sum.item()
# --8<-- [end:underflow_torch]


# --8<-- [start:softmax]
def naive_softmax(logits) -> np.ndarray:
    """exp(z) / sum(exp(z)), straight from the definition: overflows."""
    z = as_sample(logits, "logits")
    with np.errstate(over="ignore", invalid="ignore"):  # inf / inf = nan
        e = np.exp(z)
        return e / e.sum()


def stable_softmax(logits) -> np.ndarray:
    """The softmax after subtracting the largest logit: no overflow."""
    z = as_sample(logits, "logits")
    e = np.exp(z - z.max())  # every exponent is <= 0
    return e / e.sum()


def log_sum_exp(logits) -> float:
    """ln(sum(exp(z))), computed as max(z) + ln(sum(exp(z - max(z))))."""
    z = as_sample(logits, "logits")
    m = z.max()
    return float(m + np.log(np.exp(z - m).sum()))
# --8<-- [end:softmax]


# --8<-- [start:data]
#: Distributions A and B of the previous chapter, as (mean, standard dev.).
A = (50.0, 5.0)
B = (45.0, 8.0)


def five_points() -> np.ndarray:
    """The five observations: draws from N(50, 5) with seed 42, sorted."""
    return np.sort(np.random.RandomState(42).normal(50, 5, 5))


def normal_pdf(x, mu: float, sigma: float) -> np.ndarray | float:
    """The normal density at ``x``: one float for one number, else an array.

    A height, not a probability.

    >>> print(np.round(normal_pdf([48.8292, 57.6151], mu=50, sigma=5), 4))
    [0.0776 0.025 ]
    >>> print(f"{normal_pdf(50, mu=50, sigma=5):.4f}")
    0.0798
    """
    mu, sigma = check_normal(mu, sigma)
    z = (as_points(x, "x") - mu) / sigma
    return np.exp(-z**2 / 2) / (sigma * np.sqrt(2 * np.pi))
# --8<-- [end:data]


# --8<-- [start:gaussian_numpy]
def normal_log_pdf(x, mu: float, sigma: float) -> np.ndarray | float:
    """ln p(x | mu, sigma), never forming the density; x as in normal_pdf.

    >>> print(f"{normal_log_pdf(50.0, mu=50, sigma=5):.6f}")
    -2.528376
    """
    mu, sigma = check_normal(mu, sigma)
    z = (as_points(x, "x") - mu) / sigma
    return -z**2 / 2 - np.log(sigma) - np.log(2 * np.pi) / 2


def log_likelihood(data, mu: float, sigma: float) -> float:
    """ln L(mu, sigma | data): the sum of the log-densities of the data."""
    terms = normal_log_pdf(as_sample(data, "data"), mu, sigma)
    return float(terms.sum())
# --8<-- [end:gaussian_numpy]


# --8<-- [start:gaussian_torch]
from torch.distributions import Normal


def log_likelihood_torch(data, mu, sigma) -> torch.Tensor:
    """The same sum with ``Normal(mu, sigma).log_prob``.

    ``mu`` and ``sigma`` may be tensors that require gradients.
    """
    check_normal(mu, sigma)
    mu, sigma = (torch.as_tensor(v, dtype=torch.float64) for v in (mu, sigma))
    x = torch.tensor(as_sample(data, "data"))  # float64
    terms = Normal(mu, sigma).log_prob(x)
    return terms.sum()
# --8<-- [end:gaussian_torch]


# --8<-- [start:fig_log_likelihood_mu]
def log_likelihood_of_mu_figure(sigma=5.0):
    """The likelihood and the log-likelihood of the five points against mu."""
    from matplotlib.figure import Figure

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
    for axes in (left, right):
        axes.axvline(best, color="black", linestyle="--", linewidth=1)
        axes.set_xlabel(rf"$\mu$   ($\sigma$ fixed at {sigma:g}; "
                        rf"dashed: sample mean {best:.3f})")
        axes.grid(alpha=0.3)
    a_value = log_likelihood(data, A[0], sigma)
    right.plot([A[0]], [a_value], "o", color="tab:blue")
    right.annotate(f"A: μ = {A[0]:g}\nln L = {a_value:.2f}", (A[0], a_value),
                   xytext=(53.5, a_value - 13), va="top",  # inside the arms
                   arrowprops={"arrowstyle": "->"})
    return fig
# --8<-- [end:fig_log_likelihood_mu]
