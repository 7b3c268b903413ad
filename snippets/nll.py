"""Negative log-likelihood of a classifier's predictions, in NumPy and PyTorch.

The chapter ``docs/nll.md`` includes the named sections of this module.
"""

from __future__ import annotations


# --8<-- [start:checks]
import numpy as np


def check(ok, name: str, value, expected: str) -> None:
    """Refuse bad input: name the argument, what it was, what was expected."""
    if not ok:
        raise ValueError(f"{name}: is {value!r}, expected {expected}")


def as_probs(probs, ndim: int = 2) -> np.ndarray:
    """``probs`` as float64 distributions over the last axis, C classes.

    A row sum may miss 1 by C * 2**-23, twice the worst that rounding can
    do to a float32 softmax, so none is refused. At large C this is
    loose: it catches a row never normalised, not one slightly off.
    """
    a = np.asarray(probs)
    check(a.dtype.kind in "iuf", "probs dtype", str(a.dtype), "numbers")
    p = a.astype(np.float64)
    check(p.ndim == ndim and p.size > 0 and p.shape[-1] >= 2, "probs shape",
          p.shape, f"ndim {ndim}, non-empty, C >= 2 classes")
    worst = float(p.flat[np.argmax(abs(p - 0.5))])  # farthest from 0.5, or NaN
    check(0 <= worst <= 1, "probs entry", worst, "a probability in [0, 1]")
    sums = p.sum(axis=-1).reshape(-1)
    worst = float(sums[np.argmax(abs(sums - 1))])
    tol = p.shape[-1] * np.finfo(np.float32).eps
    check(abs(worst - 1) <= tol, "probs row sum", worst, f"1 within {tol:.1e}")
    return p


def is_int(x) -> bool:
    """One integer of an integer type: not a bool, not 3.0, not [3]."""
    return np.ndim(x) == 0 and np.asarray(x).dtype.kind in "iu"


def is_real(x) -> bool:
    """One int or float: not a bool, not "0.5", not [0.5]."""
    return np.ndim(x) == 0 and np.asarray(x).dtype.kind in "iuf"


def class_index(label, c: int) -> int:
    """``label`` as one class index: an integer in 0..c-1."""
    ok = is_int(label) and 0 <= label < c
    check(ok, "label", label, f"an integer in 0..{c - 1}")
    return int(label)


def as_labels(labels, probs: np.ndarray) -> np.ndarray:
    """``labels`` as one integer class index per row of ``probs``."""
    y = np.asarray(labels)
    n, c = probs.shape
    check(y.shape == (n,), "labels shape", y.shape, f"({n},): one per row")
    check(y.dtype.kind in "iu", "labels dtype", str(y.dtype), "integers")
    first = y[np.argmax((y < 0) | (y >= c))]  # first one out of range, or y[0]
    check(0 <= first < c, "labels entry", first.item(), f"0..{c - 1}")
    return y
# --8<-- [end:checks]


# --8<-- [start:why_logs]
import math


def product_vs_log_sum(p: float, n: int) -> tuple[float, float]:
    """How likely n independent events of probability p all are, two ways.

    Returns (the product of the n p's, the sum of their logs: the log of
    that product). The product underflows to 0.0 below about 5e-324; the
    sum of logs does not.

    >>> product, log_sum = product_vs_log_sum(0.01, 200)
    >>> print(product, round(log_sum, 2))
    0.0 -921.03
    """
    check(is_real(p) and 0 < p <= 1, "p", p, "a probability in (0, 1]")
    check(is_int(n) and n >= 1, "n", n, "an integer >= 1")
    probs = [float(p)] * n
    product = math.prod(probs)
    log_sum = sum(math.log(q) for q in probs)
    return product, log_sum
# --8<-- [end:why_logs]


# --8<-- [start:numpy]
import math

import numpy as np


def one_hot(label: int, num_classes: int) -> np.ndarray:
    """The one-hot vector of ``label``: 1 at that index, 0 elsewhere.

    >>> print(one_hot(3, 4))
    [0. 0. 0. 1.]
    """
    y = np.zeros(num_classes)
    y[class_index(label, num_classes)] = 1.0
    return y


def label_likelihood(probs, label: int) -> float:
    """The probability the model gave the observed label: y . y_hat.

    >>> print(label_likelihood([0.1, 0.3, 0.5, 0.1], label=3))
    0.1
    """
    y_hat = as_probs(probs, ndim=1)
    y = one_hot(label, len(y_hat))
    return float(y @ y_hat)


def nll(probs, label: int) -> float:
    """Negative log-likelihood of one observed label, in nats.

    >>> print(nll([0.1, 0.3, 0.5, 0.1], label=3))
    2.3025850929940455
    >>> print(nll([0.1, 0.3, 0.5, 0.1], label=2))
    0.6931471805599453
    """
    likelihood = label_likelihood(probs, label)
    if likelihood == 0:
        return math.inf  # -ln 0: the model ruled out what happened
    return 0.0 - math.log(likelihood)  # 0.0 - x: ln 1 gives 0.0, not -0.0


def mean_nll(probs, labels) -> float:
    """Mean NLL of a batch: ``probs`` is (N, C), ``labels`` holds N classes.

    >>> batch = [[0.1, 0.3, 0.5, 0.1],
    ...          [0.1, 0.3, 0.5, 0.1]]
    >>> print(round(mean_nll(batch, [3, 2]), 6))
    1.497866
    """
    p = as_probs(probs)
    y = as_labels(labels, p)
    one_hots = np.zeros_like(p)  # (N, C): row i becomes one_hot(y[i])
    one_hots[np.arange(len(y)), y] = 1.0
    likelihoods = (one_hots * p).sum(axis=1)  # y_i . y_hat_i, before the log
    with np.errstate(divide="ignore"):  # ln 0 = -inf, without a warning
        return float(0.0 - np.log(likelihoods).mean())  # 0.0, not -0.0
# --8<-- [end:numpy]


# --8<-- [start:torch]
import torch


def mean_nll_torch(probs: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Mean NLL of a batch, differentiable with respect to ``probs``.

    >>> probs = torch.tensor([[0.1, 0.3, 0.5, 0.1],
    ...                       [0.1, 0.3, 0.5, 0.1]], dtype=torch.float64)
    >>> print(f"{mean_nll_torch(probs, torch.tensor([3, 2])).item():.6f}")
    1.497866
    """
    as_labels(labels.cpu(), as_probs(probs.detach().double().cpu()))
    idx = labels.long().reshape(-1, 1)  # (N, 1) int64 column, as gather wants
    picked = probs.gather(1, idx)  # (N, 1): row i's entry in column idx[i]
    return 0.0 - picked.log().mean()  # 0.0 - x: never -0.0
# --8<-- [end:torch]


# --8<-- [start:fig_log_curves]
def log_curves_figure():
    """ln p and -ln p on (0, 1], the two worked predictions marked on -ln p."""
    import numpy as np
    from matplotlib.figure import Figure

    p = np.linspace(0.005, 1.0, 400)
    fig = Figure(figsize=(8.0, 3.4), layout="constrained")
    left, right = fig.subplots(1, 2)

    left.plot(p, np.log(p), color="tab:blue")
    left.set_title(r"$\ln p$: log-likelihood of one label")
    left.set_ylim(-5.5, 0.5)

    right.plot(p, -np.log(p), color="tab:orange")
    right.set_title(r"$-\ln p$: its negative, the NLL loss")
    right.set_ylim(-0.5, 5.5)
    for prob, label in [(0.1, "4th class true"), (0.5, "3rd class true")]:
        loss = -np.log(prob)
        right.plot([prob], [loss], "o", color="black")
        right.annotate(f"{label}\np = {prob}, NLL = {loss:.2f}", (prob, loss),
                       xytext=(12, 8), textcoords="offset points")

    for axes in (left, right):
        axes.axhline(0, color="grey", linewidth=0.8)
        axes.set_xlim(0, 1.02)
        axes.set_xlabel("probability given to the observed label, $p$")
        axes.grid(alpha=0.3)
    return fig
# --8<-- [end:fig_log_curves]
