"""Negative log-likelihood of a classifier's predictions, in NumPy and in PyTorch.

The chapter ``docs/nll.md`` includes the named sections of this module.
"""

from __future__ import annotations


# --8<-- [start:numpy]
import math

import numpy as np

from snippets.checks import class_labels, probability_rows


def one_hot(label: int, num_classes: int) -> np.ndarray:
    """The indicator vector of ``label``: 1 at that position, 0 elsewhere.

    >>> print(one_hot(3, 4))
    [0. 0. 0. 1.]
    """
    if not isinstance(num_classes, (int, np.integer)) or num_classes < 2:
        raise ValueError(f"num_classes: is {num_classes!r}, expected an integer >= 2")
    (index,) = class_labels(label, num_classes, count=1, name="label")
    vector = np.zeros(num_classes)
    vector[index] = 1.0
    return vector


def label_likelihood(probs, label: int) -> float:
    """Probability the model gives the observed label: the one-hot vector dotted with ``probs``.

    >>> print(label_likelihood([0.1, 0.3, 0.5, 0.1], label=3))
    0.1
    """
    rows = probability_rows(probs)
    if rows.shape[0] != 1:
        raise ValueError(f"probs: has {rows.shape[0]} rows, expected one distribution of shape (C,)")
    return float(one_hot(label, rows.shape[1]) @ rows[0])


def nll(probs, label: int) -> float:
    """Negative log-likelihood of one observed label, in nats.

    >>> print(nll([0.1, 0.3, 0.5, 0.1], label=3))
    2.3025850929940455
    >>> print(nll([0.1, 0.3, 0.5, 0.1], label=2))
    0.6931471805599453
    """
    likelihood = label_likelihood(probs, label)
    if likelihood == 0.0:
        return math.inf  # -ln 0: a certain-wrong prediction costs without bound
    return -math.log(likelihood)


def mean_nll(probs, labels) -> float:
    """Mean negative log-likelihood of a batch: ``probs`` is (N, C), ``labels`` is (N,).

    >>> batch = [[0.1, 0.3, 0.5, 0.1],
    ...          [0.1, 0.3, 0.5, 0.1]]
    >>> print(round(mean_nll(batch, [3, 2]), 6))
    1.497866
    """
    rows = probability_rows(probs)
    targets = class_labels(labels, rows.shape[1], count=rows.shape[0])
    picked = rows[np.arange(rows.shape[0]), targets]  # row i, column labels[i]
    with np.errstate(divide="ignore"):
        return float(-np.log(picked).mean())
# --8<-- [end:numpy]


# --8<-- [start:torch]
import torch

from snippets.checks import class_labels, probability_rows


def mean_nll_torch(probs: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Mean negative log-likelihood of a batch, differentiable with respect to ``probs``.

    >>> probs = torch.tensor([[0.1, 0.3, 0.5, 0.1],
    ...                       [0.1, 0.3, 0.5, 0.1]], dtype=torch.float64)
    >>> print(f"{mean_nll_torch(probs, torch.tensor([3, 2])).item():.6f}")
    1.497866
    """
    rows = probability_rows(probs)
    targets = torch.as_tensor(class_labels(labels, rows.shape[1], count=rows.shape[0]))
    probs = torch.as_tensor(probs).reshape(rows.shape)
    picked = probs.gather(1, targets.to(probs.device).reshape(-1, 1))  # (N, 1): p of the true class
    return -picked.log().mean()
# --8<-- [end:torch]


# --8<-- [start:why_logs]
import math


def log_of_tiny() -> float:
    """The natural log of 1e-100: a modest number for a vanishingly small probability.

    >>> print(log_of_tiny())
    -230.25850929940458
    """
    return math.log(1e-100)


def product_vs_log_sum(probability: float, count: int) -> tuple[float, float]:
    """Joint probability of ``count`` independent events of ``probability`` each, two ways.

    Returns ``(product, sum of logs)`` in float64. The product underflows to 0.0
    once it drops below about 1e-308 (5e-324 with subnormals); the sum of logs does not.

    >>> product, log_sum = product_vs_log_sum(0.01, 200)
    >>> print(product, round(log_sum, 2))
    0.0 -921.03
    """
    if isinstance(probability, bool) or not isinstance(probability, (int, float)) or not 0 < probability <= 1:
        raise ValueError(f"probability: is {probability!r}, expected a number in (0, 1]")
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ValueError(f"count: is {count!r}, expected a positive integer")
    product = 1.0
    log_sum = 0.0
    for _ in range(count):
        product *= probability
        log_sum += math.log(probability)
    return product, log_sum
# --8<-- [end:why_logs]


# --8<-- [start:fig_log_curves]
def log_curves_figure():
    """ln p and -ln p on (0, 1], with the two worked predictions marked on -ln p."""
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
