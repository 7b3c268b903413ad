"""Cross-entropy: from the Bernoulli and categorical likelihoods to entropy, cross-entropy and KL.

The chapter ``docs/cross-entropy.md`` includes the named sections of this module.
Losses are in nats (natural log) unless a function is given ``base=2`` (bits).
"""

from __future__ import annotations

import math


# --8<-- [start:bernoulli]
import math

import numpy as np

from snippets.checks import positive_scale, probabilities


def _log_base(base: float) -> float:
    """ln(base), the divisor that turns nats into units of ``base`` (bits for base 2)."""
    base = positive_scale(base, "base")
    if base == 1:
        raise ValueError("base: is 1, expected a positive number other than 1 (e for nats, 2 for bits)")
    return math.log(base)


def _xlogy(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """x * ln(y), with 0 * ln(y) = 0 even where y = 0 (a switched-off term contributes nothing)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(x == 0, 0.0, x * np.log(y))


def _predictions_and_labels(y_hat, y) -> tuple[np.ndarray, np.ndarray]:
    y_hat = probabilities(y_hat, "y_hat")
    y = probabilities(y, "y")  # hard labels are 0 or 1; soft labels anywhere in [0, 1]
    if y_hat.shape != y.shape:
        raise ValueError(f"y: has shape {y.shape}, expected {y_hat.shape} (one label per prediction)")
    return y_hat, y


def bernoulli_likelihood(y_hat, y) -> float:
    """Probability of the labels ``y`` when label i is 1 with probability ``y_hat[i]``, independently.

    >>> print(f"{bernoulli_likelihood([0.9, 0.2, 0.7, 0.4], [1, 0, 1, 1]):.4f}")
    0.2016
    """
    y_hat, y = _predictions_and_labels(y_hat, y)
    return float(np.prod(y_hat**y * (1 - y_hat) ** (1 - y)))


def bernoulli_log_likelihood(y_hat, y) -> float:
    """Natural log of :func:`bernoulli_likelihood`, computed as a sum so that it cannot underflow.

    >>> print(f"{bernoulli_log_likelihood([0.9, 0.2, 0.7, 0.4], [1, 0, 1, 1]):.6f}")
    -1.601470
    """
    y_hat, y = _predictions_and_labels(y_hat, y)
    return float(np.sum(_xlogy(y, y_hat) + _xlogy(1 - y, 1 - y_hat)))


def binary_cross_entropy(y_hat, y, base: float = math.e) -> float:
    """Mean binary cross-entropy of predictions ``y_hat`` against labels ``y``; nats unless ``base`` says otherwise.

    >>> print(f"{binary_cross_entropy([0.9, 0.2, 0.7, 0.4], [1, 0, 1, 1]):.6f} nats")
    0.400367 nats
    """
    divisor = _log_base(base)
    return -bernoulli_log_likelihood(y_hat, y) / np.size(y_hat) / divisor
# --8<-- [end:bernoulli]


# --8<-- [start:categorical]
import numpy as np

from snippets.checks import class_labels, probability_rows


def _target_rows(target, ndim: int, rows: int, classes: int) -> np.ndarray:
    """Targets as an (N, C) array of distributions: labels become one-hot rows, distributions stay."""
    if np.ndim(target) == ndim:  # same layout as the predictions: one distribution per row
        distributions = probability_rows(target, "target")
        if distributions.shape != (rows, classes):
            raise ValueError(f"target: has shape {distributions.shape}, expected {(rows, classes)}")
        return distributions
    labels = class_labels(target, classes, count=rows, name="target")
    return np.eye(classes)[labels]


def categorical_likelihood(probs, target) -> float:
    """prod_k probs[k] ** target[k] for one prediction: with a one-hot target, the exponents switch factors on and off.

    >>> print(f"{categorical_likelihood([0.1, 0.3, 0.5, 0.1], [0, 0, 1, 0]):.1f}")
    0.5
    """
    rows = probability_rows(probs)
    if rows.shape[0] != 1:
        raise ValueError(f"probs: has {rows.shape[0]} rows, expected one prediction (shape (C,))")
    weights = _target_rows(target, np.ndim(probs), 1, rows.shape[1])
    return float(np.prod(rows**weights))


def categorical_cross_entropy(probs, target) -> float:
    """Mean cross-entropy, in nats, of predicted distributions ``probs`` (C,) or (N, C) against the targets.

    ``target`` is a class index per row, or a distribution per row (one-hot, smoothed or soft).

    >>> print(f"{categorical_cross_entropy([0.1, 0.3, 0.5, 0.1], [0, 0, 0, 1]):.6f}")
    2.302585
    >>> print(f"{categorical_cross_entropy([0.1, 0.3, 0.5, 0.1], 3):.6f}")
    2.302585
    """
    rows = probability_rows(probs)
    weights = _target_rows(target, np.ndim(probs), *rows.shape)
    return float(-_xlogy(weights, rows).sum(axis=1).mean())
# --8<-- [end:categorical]


# --8<-- [start:both_ways]
from snippets.nll import nll, one_hot


def nll_and_cross_entropy(probs, label: int) -> tuple[float, float]:
    """The NLL of ``label`` and the cross-entropy from its one-hot vector to ``probs``: one number, two names.

    >>> print("%.6f %.6f" % nll_and_cross_entropy([0.1, 0.3, 0.5, 0.1], 3))
    2.302585 2.302585
    >>> print("%.6f %.6f" % nll_and_cross_entropy([0.1, 0.3, 0.5, 0.1], 2))
    0.693147 0.693147
    """
    loss = nll(probs, label)  # checks probs and label
    return loss, categorical_cross_entropy(probs, one_hot(label, np.size(probs)))
# --8<-- [end:both_ways]


# --8<-- [start:information]
import math

import numpy as np

from snippets.checks import probability, probability_rows


def _distribution(p, name: str) -> np.ndarray:
    rows = probability_rows(p, name)
    if rows.shape[0] != 1:
        raise ValueError(f"{name}: has shape {np.shape(p)}, expected one distribution (shape (C,))")
    return rows[0]


def _pair(p, q) -> tuple[np.ndarray, np.ndarray]:
    p, q = _distribution(p, "p"), _distribution(q, "q")
    if p.shape != q.shape:
        raise ValueError(f"q: has {q.size} classes, expected {p.size} (the same classes as p)")
    return p, q


def entropy(p, base: float = math.e) -> float:
    """H(p) = -sum_k p_k log p_k: the average surprise of outcomes drawn from p.

    >>> print(f"{entropy([0.5, 0.25, 0.25], base=2):.6f} bits")
    1.500000 bits
    """
    p = _distribution(p, "p")
    return float(-_xlogy(p, p).sum() / _log_base(base))


def cross_entropy(p, q, base: float = math.e) -> float:
    """H(p, q) = -sum_k p_k log q_k: the average surprise of outcomes drawn from p, scored by q.

    >>> print(f"{cross_entropy([0.5, 0.25, 0.25], [1/3, 1/3, 1/3], base=2):.6f} bits")
    1.584963 bits
    """
    p, q = _pair(p, q)
    return float(-_xlogy(p, q).sum() / _log_base(base))  # inf if q_k = 0 where p_k > 0


def kl_divergence(p, q, base: float = math.e) -> float:
    """KL(p || q) = sum_k p_k log(p_k / q_k) = H(p, q) - H(p): the extra surprise of scoring p with q.

    >>> print(f"{kl_divergence([0.5, 0.25, 0.25], [1/3, 1/3, 1/3], base=2):.6f} bits")
    0.084963 bits
    """
    p, q = _pair(p, q)
    terms = _xlogy(p, p) - _xlogy(p, q)  # p_k ln p_k - p_k ln q_k; +inf where q_k = 0 < p_k
    return float(terms.sum() / _log_base(base))


def bernoulli_entropy(p: float, base: float = 2) -> float:
    """Entropy of a coin that lands 1 with probability ``p``; bits unless ``base`` says otherwise.

    >>> print(f"{bernoulli_entropy(0.5):g} bit, {bernoulli_entropy(0.5, base=math.e):.6f} nats")
    1 bit, 0.693147 nats
    """
    p = probability(p, "p")  # one number in [0, 1]
    return entropy([p, 1 - p], base)
# --8<-- [end:information]


# --8<-- [start:empirical]
from typing import NamedTuple

import numpy as np

from snippets.checks import class_labels
from snippets.nll import mean_nll


def empirical_distribution(labels, num_classes: int) -> np.ndarray:
    """The label frequencies of a data set: p_hat[k] = (number of labels equal to k) / N.

    >>> print(empirical_distribution([0, 0, 1, 2, 0, 1, 0, 2, 0, 1], 3))
    [0.5 0.3 0.2]
    """
    if isinstance(num_classes, bool) or not isinstance(num_classes, (int, np.integer)) or num_classes < 2:
        raise ValueError(f"num_classes: is {num_classes!r}, expected an integer >= 2")
    labels = class_labels(labels, num_classes)
    return np.bincount(labels, minlength=num_classes) / labels.size


class NllDecomposition(NamedTuple):
    mean_nll: float  # the loss, averaged over the data points
    cross_entropy: float  # H(p_hat, q)
    entropy: float  # H(p_hat): fixed by the data
    kl: float  # KL(p_hat || q): the only part the model can change


def decompose_mean_nll(labels, q) -> NllDecomposition:
    """Mean NLL of a model that predicts ``q`` for every data point, and its split into H(p_hat) + KL(p_hat || q).

    >>> parts = decompose_mean_nll([0, 0, 1, 2, 0, 1, 0, 2, 0, 1], [0.6, 0.2, 0.2])
    >>> print(f"{parts.mean_nll:.6f} = {parts.entropy:.6f} + {parts.kl:.6f}")
    1.060132 = 1.029653 + 0.030479
    """
    q = _distribution(q, "q")  # one distribution, shape (C,)
    labels = class_labels(labels, q.size)
    p_hat = empirical_distribution(labels, q.size)
    return NllDecomposition(
        mean_nll=mean_nll(np.tile(q, (labels.size, 1)), labels),  # one term per data point
        cross_entropy=cross_entropy(p_hat, q),  # one term per class
        entropy=entropy(p_hat),
        kl=kl_divergence(p_hat, q),
    )
# --8<-- [end:empirical]


# --8<-- [start:logits_numpy]
import numpy as np

from snippets.checks import finite_array, probabilities


def _axis(axis, ndim: int, name: str) -> int:
    """Check that ``axis`` names one of the logits' ``ndim`` dimensions (negative ones count from the end)."""
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)) or not -ndim <= axis < ndim:
        raise ValueError(f"{name}: is {axis!r}, expected an integer from {-ndim} to {ndim - 1} "
                         f"(the logits have {ndim} dimension{'s' if ndim != 1 else ''})")
    return int(axis)


def log_softmax(logits, axis: int = -1) -> np.ndarray:
    """log softmax(z) = z - logsumexp(z), with the max subtracted first so no exp can overflow.

    >>> print(log_softmax([10000.0, 0.0, -10000.0]))
    [     0. -10000. -20000.]
    """
    z = finite_array(logits, "logits")
    if z.ndim == 0:
        raise ValueError("logits: is a single number, expected one logit per class")
    axis = _axis(axis, z.ndim, "axis")
    shifted = z - z.max(axis=axis, keepdims=True)  # the largest entry is now 0
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))  # the sum is in [1, C]


def softmax_cross_entropy(logits, target) -> float:
    """Mean categorical cross-entropy, in nats, straight from logits (C,) or (N, C).

    ``target`` holds class indices, or one distribution per row.

    >>> print(softmax_cross_entropy([10000.0, 0.0, -10000.0], 1))
    10000.0
    """
    z = finite_array(logits, "logits")
    rows = z.reshape(1, -1) if z.ndim == 1 else z
    if rows.ndim != 2 or rows.shape[1] < 2:
        raise ValueError(f"logits: has shape {z.shape}, expected (C,) or (N, C) with at least 2 classes")
    weights = _target_rows(target, z.ndim, *rows.shape)
    return float(-(weights * log_softmax(rows, axis=1)).sum(axis=1).mean())


def log_sigmoid(logits) -> np.ndarray:
    """ln sigmoid(z) = -softplus(-z) = -(max(-z, 0) + ln(1 + exp(-|z|))): no overflow for any finite z.

    >>> print(", ".join(f"{v:.6f}" for v in log_sigmoid([-10000.0, 0.0, 2.0])))
    -10000.000000, -0.693147, -0.126928
    """
    z = finite_array(logits, "logits")
    return -(np.maximum(-z, 0.0) + np.log1p(np.exp(-np.abs(z))))


def sigmoid_binary_cross_entropy(logits, targets) -> float:
    """Mean binary cross-entropy, in nats, of independent labels, from their logits (multi-label loss).

    Uses ln(1 - sigmoid(z)) = ln sigmoid(-z), so it never takes the log of 1 - 1.

    >>> print(f"{sigmoid_binary_cross_entropy([2.0, -2.0], [1, 0]):.6f}")
    0.126928
    """
    z = finite_array(logits, "logits")
    y = probabilities(targets, "targets")
    if y.shape != z.shape:
        raise ValueError(f"targets: has shape {y.shape}, expected {z.shape} (one target per logit)")
    return float(-(y * log_sigmoid(z) + (1 - y) * log_sigmoid(-z)).mean())
# --8<-- [end:logits_numpy]


# --8<-- [start:logits_torch]
import torch

from snippets.checks import finite_array, probabilities


def _float_tensor(logits, checked) -> torch.Tensor:
    """Float tensors as they are (gradients flow); lists, arrays and integer tensors as float64 ``checked``."""
    return logits if torch.is_tensor(logits) and logits.is_floating_point() else torch.as_tensor(checked)


def log_softmax_torch(logits: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """log softmax along ``dim`` by the log-sum-exp trick; differentiable, in the logits' own dtype.

    >>> print(log_softmax_torch(torch.tensor([10000.0, 0.0, -10000.0])))
    tensor([     0., -10000., -20000.])
    """
    z = finite_array(logits, "logits")
    if z.ndim == 0:
        raise ValueError("logits: is a single number, expected one logit per class")
    dim = _axis(dim, z.ndim, "dim")
    logits = _float_tensor(logits, z)
    shift = logits.amax(dim=dim, keepdim=True).detach()  # a constant: it cancels in the result
    shifted = logits - shift
    return shifted - shifted.exp().sum(dim=dim, keepdim=True).log()


def softmax_cross_entropy_torch(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Mean categorical cross-entropy, in nats, from logits (N, C); class indices or distributions as targets.

    >>> logits = torch.tensor([[10000.0, 0.0, -10000.0]])  # float32
    >>> print(softmax_cross_entropy_torch(logits, torch.tensor([1])).item())
    10000.0
    """
    z = finite_array(logits, "logits")
    if z.ndim != 2 or z.shape[1] < 2:
        raise ValueError(f"logits: has shape {z.shape}, expected (N, C) with at least 2 classes")
    logits = _float_tensor(logits, z)
    weights = torch.as_tensor(_target_rows(target, 2, *z.shape), dtype=logits.dtype)
    return -(weights * log_softmax_torch(logits, dim=1)).sum(dim=1).mean()


def log_sigmoid_torch(logits: torch.Tensor) -> torch.Tensor:
    """ln sigmoid(z) = -(max(-z, 0) + ln(1 + exp(-|z|))), differentiable, with the right gradient at z = 0 too.

    >>> print([round(v, 6) for v in log_sigmoid_torch(torch.tensor([-10000.0, 0.0, 2.0])).tolist()])
    [-10000.0, -0.693147, -0.126928]
    """
    z = finite_array(logits, "logits")
    logits = _float_tensor(logits, z)
    shift = torch.clamp(-logits, min=0)  # max(-z, 0)
    # -z - 2 max(-z, 0) is -|z|; written this way, the gradient at z = 0 is -1/2, as it should be
    return -(shift + torch.log1p(torch.exp(-logits - 2 * shift)))


def sigmoid_binary_cross_entropy_torch(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Mean binary cross-entropy, in nats, of independent labels from their logits; stable for any finite logit.

    >>> print(f"{sigmoid_binary_cross_entropy_torch(torch.tensor([2.0, -2.0]), torch.tensor([1.0, 0.0])).item():.6f}")
    0.126928
    """
    z = finite_array(logits, "logits")
    y = probabilities(targets, "targets")
    if y.shape != z.shape:
        raise ValueError(f"targets: has shape {y.shape}, expected {z.shape} (one target per logit)")
    logits = _float_tensor(logits, z)
    targets = torch.as_tensor(targets, dtype=logits.dtype)
    return -(targets * log_sigmoid_torch(logits) + (1 - targets) * log_sigmoid_torch(-logits)).mean()
# --8<-- [end:logits_torch]


# --8<-- [start:naive]
import numpy as np

from snippets.checks import class_labels, finite_array


def naive_softmax_cross_entropy(logits, label: int) -> float:
    """The textbook formula -ln(exp(z_y) / sum_k exp(z_k)), evaluated literally. Do not use it.

    >>> logits = np.array([10000.0, 0.0, -10000.0], dtype=np.float32)
    >>> print(naive_softmax_cross_entropy(logits, 0), naive_softmax_cross_entropy(logits, 1))
    nan inf
    """
    checked = finite_array(logits, "logits")  # the logits are fine: the formula is what fails
    if checked.ndim != 1 or checked.size < 2:
        raise ValueError(f"logits: has shape {checked.shape}, expected (C,) with at least 2 classes")
    (label,) = class_labels(label, checked.size, count=1, name="label")
    z = np.asarray(logits)  # in its own dtype: float32 stays float32
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        e = np.exp(z)  # exp(10000) overflows to inf in float32 and in float64
        return float(-np.log(e[label] / e.sum()))  # 1 / inf = 0, inf / inf = nan
# --8<-- [end:naive]


# --8<-- [start:smoothing]
import numpy as np

from snippets.checks import class_labels, number_in_range


def smooth_labels(labels, num_classes: int, eps: float) -> np.ndarray:
    """Label-smoothed targets, PyTorch's convention: q = (1 - eps) * one_hot + eps / C on every class.

    >>> print(smooth_labels([3], 4, eps=0.1))
    [[0.025 0.025 0.025 0.925]]
    """
    if isinstance(num_classes, bool) or not isinstance(num_classes, (int, np.integer)) or num_classes < 2:
        raise ValueError(f"num_classes: is {num_classes!r}, expected an integer >= 2")
    eps = number_in_range(eps, "eps", 0.0, 1.0)
    labels = class_labels(labels, num_classes)
    return (1 - eps) * np.eye(num_classes)[labels] + eps / num_classes
# --8<-- [end:smoothing]


# --8<-- [start:fig_bce]
def bce_curves_figure():
    """Binary cross-entropy of one prediction against the predicted probability, for y = 1 and y = 0."""
    import numpy as np
    from matplotlib.figure import Figure

    y_hat = np.linspace(0.002, 0.998, 500)
    fig = Figure(figsize=(6.4, 3.8), layout="constrained")
    axes = fig.subplots()
    axes.plot(y_hat, -np.log(y_hat), color="tab:blue", label=r"$y = 1$: loss $-\ln \hat y$")
    axes.plot(y_hat, -np.log(1 - y_hat), color="tab:red", label=r"$y = 0$: loss $-\ln(1 - \hat y)$")
    for prob, label, color in [(0.9, 1, "tab:blue"), (0.2, 0, "tab:red"), (0.4, 1, "tab:blue")]:
        loss = -np.log(prob if label == 1 else 1 - prob)
        axes.plot([prob], [loss], "o", color=color, markeredgecolor="black")
        axes.annotate(f"y = {label}, $\\hat y$ = {prob}: {loss:.3f}", (prob, loss),
                      xytext=(8, 10), textcoords="offset points")
    axes.set_ylim(0, 5)
    axes.set_xlim(0, 1)
    axes.set_xlabel(r"predicted probability of class 1, $\hat y$")
    axes.set_ylabel("binary cross-entropy (nats)")
    axes.legend(loc="upper center")
    axes.grid(alpha=0.3)
    return fig
# --8<-- [end:fig_bce]


# --8<-- [start:fig_entropy]
def bernoulli_entropy_figure():
    """Entropy of a Bernoulli(p) variable against p, in bits (left axis) and nats (right axis)."""
    import math

    import numpy as np
    from matplotlib.figure import Figure

    p = np.linspace(0.0, 1.0, 401)
    with np.errstate(divide="ignore", invalid="ignore"):
        bits = -np.nan_to_num(p * np.log2(p)) - np.nan_to_num((1 - p) * np.log2(1 - p))
    fig = Figure(figsize=(6.4, 3.6), layout="constrained")
    axes = fig.subplots()
    axes.plot(p, bits, color="tab:purple")
    axes.plot([0.5], [1.0], "o", color="black")
    axes.annotate("p = 0.5: 1 bit = ln 2 nats", (0.5, 1.0), xytext=(0, -28),
                  textcoords="offset points", ha="center")
    axes.set_xlabel("p, the probability of a 1")
    axes.set_ylabel(r"$H(p)$ in bits (log base 2)")
    axes.set_ylim(0, 1.1)
    axes.set_xlim(0, 1)
    nats = axes.secondary_yaxis("right", functions=(lambda b: b * math.log(2), lambda n: n / math.log(2)))
    nats.set_ylabel("in nats (natural log)")
    axes.grid(alpha=0.3)
    return fig
# --8<-- [end:fig_entropy]
