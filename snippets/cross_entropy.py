"""Cross-entropy: from the Bernoulli and categorical likelihoods to entropy,
cross-entropy and KL divergence, and on to stable losses from logits.

``docs/cross-entropy.md`` includes the named sections of this module, in order.
Losses are in nats (natural log); ``in_base`` converts them to other units.
"""

from __future__ import annotations

# --8<-- [start:checks]
import numpy as np


def check(ok, name: str, value, expected: str) -> None:
    """Refuse bad input loudly: which argument, what it was, what was
    expected."""
    if not ok:
        raise ValueError(f"{name}: is {value!r}, expected {expected}")


def as_probs(p, name: str, shape=None) -> np.ndarray:
    """p as a float64 array of probabilities (of the given shape, if any)."""
    a = np.asarray(p, dtype=np.float64)
    ok = a.size > 0 and bool(((a >= 0) & (a <= 1)).all())
    check(ok, name, p, "probabilities in [0, 1] (no NaN, not empty)")
    check(shape is None or a.shape == shape, name, p, f"shape {shape}")
    return a


def as_bits(y, name: str, shape=None) -> np.ndarray:
    """y as a float64 array of binary labels, each 0 or 1."""
    a = as_probs(y, name, shape)
    check(np.isin(a, (0, 1)).all(), name, y, "labels 0 or 1")
    return a


def as_dist(p, name: str, shape=None) -> np.ndarray:
    """p as distributions along its last axis: C >= 2 probabilities that
    sum to 1 (within float32 rounding, which grows with C)."""
    a = as_probs(p, name, shape)
    ok = a.ndim in (1, 2) and a.shape[-1] >= 2
    check(ok, name, p, "shape (C,) or (N, C) with C >= 2 classes")
    tol = max(1e-6, 2e-7 * a.shape[-1])
    ok = np.allclose(a.sum(-1), 1, rtol=0, atol=tol)
    check(ok, name, p, "rows that sum to 1")
    return a


def as_labels(y, num_classes: int, shape=None) -> np.ndarray:
    """y as integer class indices 0, ..., num_classes - 1 (at least one)."""
    a = np.asarray(y)
    ok = a.size > 0 and a.dtype.kind in "iu"
    ok = ok and ((a >= 0) & (a < num_classes)).all()
    expected = f"integers from 0 to {num_classes - 1} (at least one)"
    check(ok, "labels", y, expected)
    check(shape is None or a.shape == shape, "labels", y, f"shape {shape}")
    return a


def as_finite(z, name: str = "logits") -> np.ndarray:
    """z as a float64 array of finite numbers (no NaN, no infinity)."""
    a = np.asarray(z, dtype=np.float64)
    check(a.size > 0 and np.isfinite(a).all(), name, z, "finite numbers")
    return a
# --8<-- [end:checks]


# --8<-- [start:bernoulli]
import numpy as np


def _xlogy(x, y) -> np.ndarray:
    """x * ln(y), taken as 0 wherever x = 0 (a switched-off term adds 0)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(x == 0, 0.0, x * np.log(y))


def bernoulli_likelihood(y_hat, y) -> float:
    """prod_i y_hat_i^y_i (1 - y_hat_i)^(1 - y_i): the probability of the
    labels y (each 0 or 1) when label i is 1 with probability y_hat[i].

    >>> L = bernoulli_likelihood([0.9, 0.2, 0.7, 0.4], [1, 0, 1, 1])
    >>> print(f"{L:.4f}")
    0.2016
    """
    y_hat, y = as_probs(y_hat, "y_hat"), as_bits(y, "y", np.shape(y_hat))
    factors = y_hat**y * (1 - y_hat) ** (1 - y)  # the exponent is a switch
    return float(np.prod(factors))


def bernoulli_log_likelihood(y_hat, y) -> float:
    """sum_i [y_i ln y_hat_i + (1 - y_i) ln(1 - y_hat_i)]: the log of
    bernoulli_likelihood, as a sum, so it cannot underflow."""
    y_hat, y = as_probs(y_hat, "y_hat"), as_bits(y, "y", np.shape(y_hat))
    terms = _xlogy(y, y_hat) + _xlogy(1 - y, 1 - y_hat)
    return float(terms.sum())


def binary_cross_entropy(y_hat, y) -> float:
    """Mean binary cross-entropy in nats: -(1/N) ln L, for N labels y,
    each 0 or 1 (unlike PyTorch's, it takes no soft targets).

    >>> bce = binary_cross_entropy([0.9, 0.2, 0.7, 0.4], [1, 0, 1, 1])
    >>> print(f"{bce:.6f}")
    0.400367
    """
    n = np.size(y_hat)
    return -bernoulli_log_likelihood(y_hat, y) / n
# --8<-- [end:bernoulli]


# --8<-- [start:in_base]
import math


def in_base(nats, base: float):
    """A quantity in nats, expressed with logs to base `base` (2: bits).
    log_b(x) = ln(x) / ln(b), and 1 / ln(b) is positive only for b > 1
    (and 0 for an infinite base, which would turn every finite loss
    into 0).

    >>> print(f"{in_base(math.log(8), 2):.6f}")
    3.000000
    """
    check(1 < base < math.inf, "base", base, "a finite base > 1 (2 for bits)")
    factor = 1 / math.log(base)  # > 0, so every inequality survives
    return nats * factor
# --8<-- [end:in_base]


# --8<-- [start:fig_bce]
def bce_curves_figure():
    """Binary cross-entropy of one prediction against y_hat, for each label."""
    import numpy as np
    from matplotlib.figure import Figure

    y_hat = np.linspace(0.002, 0.998, 500)
    fig = Figure(figsize=(6.4, 3.8), layout="constrained")
    axes = fig.subplots()
    axes.plot(y_hat, -np.log(y_hat), color="tab:blue",
              label=r"$y = 1$: loss $-\ln \hat y$")
    axes.plot(y_hat, -np.log(1 - y_hat), color="tab:red",
              label=r"$y = 0$: loss $-\ln(1 - \hat y)$")
    marked = [(0.9, 1, "tab:blue"), (0.2, 0, "tab:red"), (0.4, 1, "tab:blue")]
    for prob, label, color in marked:
        loss = -np.log(prob if label == 1 else 1 - prob)
        axes.plot([prob], [loss], "o", color=color, markeredgecolor="black")
        axes.annotate(f"y = {label}, $\\hat y$ = {prob}: {loss:.3f}",
                      (prob, loss), xytext=(8, 10), textcoords="offset points")
    axes.set_ylim(0, 5)
    axes.set_xlim(0, 1)
    axes.set_xlabel(r"predicted probability of class 1, $\hat y$")
    axes.set_ylabel("binary cross-entropy (nats)")
    axes.legend(loc="upper center")
    axes.grid(alpha=0.3)
    return fig
# --8<-- [end:fig_bce]


# --8<-- [start:categorical]
import numpy as np


def one_hot(labels, num_classes: int) -> np.ndarray:
    """1 at each label's position, 0 elsewhere (a row per label).

    >>> print(one_hot(3, 4))
    [0. 0. 0. 1.]
    """
    labels = as_labels(labels, num_classes)
    classes = np.arange(num_classes)
    return (classes == labels[..., None]).astype(float)  # 1 where k == label


def nll(probs, labels) -> float:
    """Mean negative log-likelihood of the labels: probs is (C,) with one
    label, or (N, C) with N labels.

    >>> print(f"{nll([0.1, 0.3, 0.5, 0.1], 3):.6f}")
    2.302585
    """
    probs = as_dist(probs, "probs")
    labels = as_labels(labels, probs.shape[-1], shape=probs.shape[:-1])
    picked = (one_hot(labels, probs.shape[-1]) * probs).sum(axis=-1)
    with np.errstate(divide="ignore"):  # -ln 0 = inf: certain and wrong
        return float(-np.log(picked).mean())
# --8<-- [end:categorical]


# --8<-- [start:information]
import numpy as np


def cross_entropy(p, q):
    """H(p, q) = -sum_k p_k ln q_k, in nats, along the last axis: the
    average surprise of outcomes drawn from p, scored by q. It is +inf
    if some q_k = 0 where p_k > 0.

    >>> print(f"{cross_entropy([0.5, 0.25, 0.25], [1/3, 1/3, 1/3]):.6f}")
    1.098612
    """
    p, q = as_dist(p, "p"), as_dist(q, "q", np.shape(p))
    surprise = -_xlogy(p, q)  # -p_k ln q_k, and 0 where p_k = 0
    return surprise.sum(axis=-1)


def entropy(p):
    """H(p) = H(p, p) = -sum_k p_k ln p_k, in nats: the average surprise
    of outcomes drawn from p, scored by p itself.

    >>> print(f"{entropy([0.5, 0.25, 0.25]):.6f}")
    1.039721
    """
    return cross_entropy(p, p)


def kl_divergence(p, q):
    """KL(p || q) = sum_k p_k ln(p_k / q_k), in nats: the extra surprise
    of scoring p with q. It is +inf if some q_k = 0 where p_k > 0.

    >>> print(f"{kl_divergence([0.5, 0.25, 0.25], [1/3, 1/3, 1/3]):.6f}")
    0.058892
    """
    p, q = as_dist(p, "p"), as_dist(q, "q", np.shape(p))
    terms = _xlogy(p, p) - _xlogy(p, q)  # p_k ln p_k - p_k ln q_k
    return terms.sum(axis=-1)


def bernoulli_entropy(r: float):
    """Entropy h(r), in nats, of a coin that lands 1 with probability r.

    >>> print(f"{in_base(bernoulli_entropy(0.5), 2):.6f} bits")
    1.000000 bits
    """
    r = float(as_probs(r, "r", shape=()))
    coin = [r, 1 - r]  # P(1), P(0): the distribution of one flip
    return entropy(coin)
# --8<-- [end:information]


# --8<-- [start:fig_entropy]
def bernoulli_entropy_figure():
    """Entropy h(r) of a coin against r, its probability of a 1, in bits
    and nats."""
    import math

    import numpy as np
    from matplotlib.figure import Figure

    r = np.linspace(0.0, 1.0, 401)
    with np.errstate(divide="ignore", invalid="ignore"):
        bits = (-np.nan_to_num(r * np.log2(r))
                - np.nan_to_num((1 - r) * np.log2(1 - r)))
    fig = Figure(figsize=(6.4, 3.6), layout="constrained")
    axes = fig.subplots()
    axes.plot(r, bits, color="tab:purple")
    axes.plot([0.5], [1.0], "o", color="black")
    axes.annotate("r = 0.5: 1 bit = ln 2 nats", (0.5, 1.0), xytext=(0, -28),
                  textcoords="offset points", ha="center")
    axes.set_xlabel("r, the probability of a 1")
    axes.set_ylabel(r"$h(r)$ in bits (log base 2)")
    axes.set_ylim(0, 1.1)
    axes.set_xlim(0, 1)
    ln2 = math.log(2)
    nats = axes.secondary_yaxis(
        "right", functions=(lambda b: b * ln2, lambda n: n / ln2))
    nats.set_ylabel("in nats (natural log)")
    axes.grid(alpha=0.3)
    return fig
# --8<-- [end:fig_entropy]


# --8<-- [start:empirical]
import numpy as np


def empirical_distribution(labels, num_classes: int) -> np.ndarray:
    """p_hat[k] = (number of labels equal to k) / N.

    >>> print(empirical_distribution([0, 0, 1, 2, 0, 1, 0, 2, 0, 1], 3))
    [0.5 0.3 0.2]
    """
    labels = as_labels(labels, num_classes)
    counts = np.bincount(labels.ravel(), minlength=num_classes)
    return counts / counts.sum()
# --8<-- [end:empirical]


# --8<-- [start:naive]
import numpy as np


def naive_softmax_nll(logits, label: int) -> float:
    """-ln(e^{z_c} / sum_k e^{z_k}), evaluated literally. Do not use it."""
    z = np.asarray(logits)  # in its own dtype: float32 stays float32
    label = as_labels(label, z.shape[-1], shape=())
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        e = np.exp(z)  # e^10000 overflows to inf, in float32 and float64
        return float(-np.log(e[label] / e.sum()))  # inf/inf = nan
# --8<-- [end:naive]


# --8<-- [start:logits_numpy]
import numpy as np


def log_softmax(logits, axis: int = -1) -> np.ndarray:
    """ln softmax(z) = (z - m) - ln sum_k e^(z_k - m), with m = max_k z_k:
    every exponent is <= 0 and the sum lies in [1, C], so its log is
    finite. Only z - m can overflow, for logits more than the largest
    float apart; those are refused.

    >>> print(log_softmax([10000.0, 0.0, -10000.0]))
    [     0. -10000. -20000.]
    """
    z = as_finite(logits)
    with np.errstate(over="ignore"):  # an overflow is refused just below
        shifted = z - z.max(axis=axis, keepdims=True)  # the largest is 0
    check(np.isfinite(shifted).all(), "logits", logits, "a finite max - min")
    log_sum = np.log(np.exp(shifted).sum(axis=axis, keepdims=True))
    return shifted - log_sum


def softmax_nll(logits, labels) -> float:
    """Mean NLL of the labels straight from logits, (C,) or (N, C).

    >>> print(softmax_nll([10000.0, 0.0, -10000.0], 1))
    10000.0
    """
    log_probs = log_softmax(logits)
    C = log_probs.shape[-1]
    labels = as_labels(labels, C, shape=log_probs.shape[:-1])
    picked = (one_hot(labels, C) * log_probs).sum(axis=-1)
    return float(-picked.mean())


def log_sigmoid(logits) -> np.ndarray:
    """ln sigmoid(z) = -(max(-z, 0) + ln(1 + e^(-|z|))): no overflow.

    >>> print(log_sigmoid([-10000.0, 0.0, 2.0]).round(6))
    [-1.00000e+04 -6.93147e-01 -1.26928e-01]
    """
    z = as_finite(logits)
    softplus = np.maximum(-z, 0) + np.log1p(np.exp(-np.abs(z)))  # ln(1+e^-z)
    return -softplus


def sigmoid_binary_cross_entropy(logits, targets) -> float:
    """Mean binary cross-entropy in nats, straight from logits; each
    target is a label (0 or 1) or any probability in [0, 1].

    >>> print(f"{sigmoid_binary_cross_entropy([2.0, -2.0], [1, 0]):.6f}")
    0.126928
    """
    z = as_finite(logits)
    y = as_probs(targets, "targets", shape=z.shape)
    log_p1 = log_sigmoid(z)  # ln P(label = 1) = ln sigmoid(z)
    log_p0 = log_sigmoid(-z)  # ln P(label = 0) = ln(1 - sigmoid(z))
    return float(-(y * log_p1 + (1 - y) * log_p0).mean())
# --8<-- [end:logits_numpy]


# --8<-- [start:logits_torch]
import torch


def finite_tensor(z) -> torch.Tensor:
    """z as a floating-point tensor of finite numbers."""
    ok = torch.is_tensor(z) and z.is_floating_point() and z.numel() > 0
    check(ok and bool(torch.isfinite(z.detach()).all()), "logits", z,
          "a float tensor of finite numbers")
    return z


def label_tensor(y, log_probs: torch.Tensor) -> torch.Tensor:
    """y as class indices, one per row of log_probs, on its device."""
    C, shape = log_probs.shape[-1], tuple(log_probs.shape[:-1])
    ints = (torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64)
    check(torch.is_tensor(y) and y.dtype in ints, "labels", y,
          "a tensor of class indices")
    check(bool(((y >= 0) & (y < C)).all()), "labels", y,
          f"integers from 0 to {C - 1}")
    check(tuple(y.shape) == shape, "labels", y, f"shape {shape}")
    return y.to(device=log_probs.device, dtype=torch.long)


def prob_tensor(p, like: torch.Tensor) -> torch.Tensor:
    """p as probabilities shaped, typed and placed like the tensor `like`."""
    t = torch.as_tensor(p, dtype=like.dtype, device=like.device)
    ok = bool(((t.detach() >= 0) & (t.detach() <= 1)).all())
    check(ok, "targets", p, "probabilities in [0, 1] (no NaN)")
    check(t.shape == like.shape, "targets", p, f"shape {tuple(like.shape)}")
    return t


def log_softmax_torch(logits, dim: int = -1) -> torch.Tensor:
    """log_softmax in torch, by the same shift; differentiable. Like
    log_softmax, it refuses logits more than the largest float apart.

    >>> print(log_softmax_torch(torch.tensor([10000.0, 0.0, -10000.0])))
    tensor([     0., -10000., -20000.])
    """
    z = finite_tensor(logits)
    shifted = z - z.amax(dim=dim, keepdim=True).detach()  # shift: a constant
    check(shifted.isfinite().all(), "logits", logits, "a finite max - min")
    log_sum = shifted.exp().sum(dim=dim, keepdim=True).log()
    return shifted - log_sum


def softmax_nll_torch(logits, labels) -> torch.Tensor:
    """Mean NLL of integer labels (N,) from logits (N, C), in torch."""
    log_probs = log_softmax_torch(logits, dim=-1)
    labels = label_tensor(labels, log_probs)  # on the logits' device
    picked = log_probs.gather(-1, labels.unsqueeze(-1))  # ln y_hat_c
    return -picked.mean()


def log_sigmoid_torch(logits) -> torch.Tensor:
    """ln sigmoid(z) = -(max(-z, 0) + ln(1 + e^(-|z|))), in torch.

    >>> print(log_sigmoid_torch(torch.tensor([-10000.0, 0.0])))
    tensor([-1.0000e+04, -6.9315e-01])
    """
    z = finite_tensor(logits)
    shift = torch.clamp(-z, min=0)  # max(-z, 0)
    # -z - 2 max(-z, 0) = -|z|, written so the gradient at z = 0 is right
    return -(shift + torch.log1p(torch.exp(-z - 2 * shift)))


def sigmoid_binary_cross_entropy_torch(logits, targets) -> torch.Tensor:
    """Mean binary cross-entropy from logits, in torch; differentiable."""
    z = finite_tensor(logits)
    y = prob_tensor(targets, like=z)  # on z's device, in z's dtype
    log_p1 = log_sigmoid_torch(z)  # ln P(label = 1) = ln sigmoid(z)
    log_p0 = log_sigmoid_torch(-z)  # ln P(label = 0) = ln sigmoid(-z)
    return -(y * log_p1 + (1 - y) * log_p0).mean()
# --8<-- [end:logits_torch]


# --8<-- [start:smoothing]
def smooth_labels(labels, num_classes: int, eps: float) -> np.ndarray:
    """PyTorch's label smoothing: (1 - eps) * one_hot + eps / C.

    >>> print(smooth_labels(3, 4, eps=0.1))
    [0.025 0.025 0.025 0.925]
    """
    check(0 <= eps <= 1, "eps", eps, "a number in [0, 1]")
    hard = one_hot(labels, num_classes)  # checks the labels
    return (1 - eps) * hard + eps / num_classes
# --8<-- [end:smoothing]
