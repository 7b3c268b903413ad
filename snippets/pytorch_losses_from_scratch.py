"""PyTorch's classification and likelihood losses, rebuilt from tensor ops.

The page ``docs/pytorch-losses-from-scratch.md`` includes its sections in
order. Each loss takes the options of its ``torch.nn.functional`` namesake
(by keyword) and returns the same values and gradients with respect to its
input; it refuses some input that would give a silently wrong loss.
"""

from __future__ import annotations


# --8<-- [start:checks]
import torch

REDUCTIONS = ("none", "mean", "sum")


def check(ok: bool, name: str, what: str, expected: str) -> None:
    """Refuse bad input loudly: which argument, what it was, what we want."""
    if not ok:
        raise ValueError(f"{name}: {what}, expected {expected}")


def as_float(x, name: str, shape=None) -> torch.Tensor:
    """``x`` as a float tensor (float64 if not one): finite, non-empty."""
    if not (torch.is_tensor(x) and x.is_floating_point()):
        x = torch.as_tensor(x, dtype=torch.float64)
    check(x.numel() > 0, name, "is empty", "at least one number")
    check(shape is None or x.shape == shape, name,
          f"has shape {tuple(x.shape)}", f"{tuple(shape or ())}, the input's")
    bad = x[~torch.isfinite(x)][:1].tolist()
    check(not bad, name, f"contains {bad}", "finite numbers")
    return x


def as_probs(x, name: str, shape=None) -> torch.Tensor:
    """``x`` as probabilities: numbers in [0, 1]."""
    p = as_float(x, name, shape)
    bad = p[(p < 0) | (p > 1)][:1].tolist()
    check(not bad, name, f"contains {bad}", "probabilities in [0, 1]")
    return p


def sums_to_one(s: torch.Tensor, name: str, classes: int) -> None:
    """Each entry of ``s`` (a sum over the classes) is 1, to rounding."""
    tolerance = 1e-6 + classes * torch.finfo(s.dtype).eps  # grows with C
    worst = (s - 1).abs().max().item()
    check(worst <= tolerance, name, f"sums along dim 1 miss 1 by {worst:.3g}",
          f"sums of 1 (within {tolerance:.2g})")
# --8<-- [end:checks]


# --8<-- [start:targets]
def as_scores(x, name: str) -> torch.Tensor:
    """Logits or log-probabilities laid out (N, C, d1, ...), C >= 2."""
    z = as_float(x, name)
    check(z.ndim >= 2 and z.shape[1] >= 2, name, f"has shape {tuple(z.shape)}",
          "(N, C) or (N, C, d1, ...) with C >= 2 classes on dim 1")
    return z


def as_log_probs(x, name: str) -> torch.Tensor:
    """Log-probabilities: numbers <= 0 whose exps sum to 1 along dim 1."""
    log_p = as_scores(x, name)
    check(bool((log_p <= 0).all()), name, f"contains {log_p.max().item():g}",
          "log-probabilities (numbers <= 0)")
    sums_to_one(log_p.exp().sum(dim=1), name, log_p.shape[1])
    return log_p


def as_labels(y, scores: torch.Tensor, ignore_index: int) -> torch.Tensor:
    """One class index per position, (N, d1, ...): in [0, C) or ignored."""
    y = torch.as_tensor(y)
    shape, classes = scores.shape[:1] + scores.shape[2:], scores.shape[1]
    check(not y.is_floating_point() and y.dtype != torch.bool, "target",
          f"has dtype {y.dtype}", "integer class indices")
    check(y.shape == shape, "target", f"has shape {tuple(y.shape)}",
          f"{tuple(shape)} (one label per position)")
    bad = y[(y != ignore_index) & ((y < 0) | (y >= classes))]
    check(bad.numel() == 0, "target", f"holds label {bad[:1].tolist()}",
          f"0 <= label < {classes}, or the ignore_index {ignore_index}")
    return y


def as_distributions(q, scores: torch.Tensor, ignore_index: int):
    """One distribution per position: the input's shape, summing to 1."""
    q = as_probs(q, "target", scores.shape).to(scores.dtype)
    sums_to_one(q.sum(dim=1), "target", scores.shape[1])
    check(ignore_index < 0, "ignore_index", f"is {ignore_index}",
          "a negative value (no class to ignore in a distribution)")
    return q


def class_weights(weight, scores: torch.Tensor) -> torch.Tensor:
    """One weight per class, shaped (C, 1, ...) to multiply along dim 1."""
    classes = scores.shape[1]
    w = torch.ones(classes) if weight is None else as_float(weight, "weight")
    check(w.shape == (classes,), "weight", f"has shape {tuple(w.shape)}",
          f"({classes},) (one weight per class)")
    return w.to(scores.dtype).reshape(classes, *[1] * (scores.ndim - 2))


def apply_reduction(loss: torch.Tensor, total, reduction: str):
    """PyTorch's ``reduction``: each loss, their sum, or sum / total."""
    check(reduction in REDUCTIONS, "reduction", f"is {reduction!r}",
          "one of 'none', 'mean', 'sum'")
    if reduction != "mean":
        return loss if reduction == "none" else loss.sum()
    if total == 0:  # PyTorch gives NaN, even where the sum over 0 is +inf
        return torch.nan + loss.sum() / total
    return loss.sum() / total
# --8<-- [end:targets]


# --8<-- [start:cross_entropy]
import torch
import torch.nn.functional as F


def log_softmax(z: torch.Tensor, dim: int = 1) -> torch.Tensor:
    """ln softmax(z) along ``dim``, shifted by the max so exp cannot overflow.

    >>> log_softmax(torch.tensor([[0.0, 1e4]])).tolist()
    [[-10000.0, 0.0]]
    """
    z = as_float(z, "z")
    z = z - z.amax(dim=dim, keepdim=True)
    return z - z.exp().sum(dim=dim, keepdim=True).log()


def nll_loss(input, target, weight=None, ignore_index=-100,
             reduction="mean"):
    """``F.nll_loss`` from scratch: -w[y] * input[y] at each position.

    >>> p = torch.tensor([[0.1, 0.3, 0.5, 0.1]])
    >>> print(f"{nll_loss(p.log(), torch.tensor([3])).item():.6f}")
    2.302585
    """
    log_p = as_log_probs(input, "input")  # refuses probabilities
    y = as_labels(target, log_p, ignore_index)
    w = class_weights(weight, log_p).flatten()
    keep = y != ignore_index
    y_safe = torch.where(keep, y, 0)  # any class at ignored positions
    w_y = w[y_safe] * keep  # the true class's weight, 0 if ignored
    picked = log_p.gather(1, y_safe.unsqueeze(1)).squeeze(1)  # ln p[y]
    loss = torch.where(keep, -w_y * picked, 0.0)  # ignored: 0, no gradient
    return apply_reduction(loss, w_y.sum(), reduction)


def cross_entropy(input, target, weight=None, ignore_index=-100,
                  reduction="mean", label_smoothing=0.0):
    """``F.cross_entropy`` from scratch: -sum_k w_k q_k ln softmax(z)_k.

    A class-index target is a one-hot q (the loss is 0 where ignored),
    and the mean divides by the true classes' weights. A probability target is
    q itself, and the mean divides by the number of positions.

    >>> z = torch.tensor([[0.0, 0.0, 0.0, 8.0]])
    >>> print(f"{cross_entropy(z, torch.tensor([0])).item():.6f}")
    8.001006
    """
    log_p = log_softmax(as_scores(input, "input"), dim=1)
    w = class_weights(weight, log_p)
    smoothing, classes = float(label_smoothing), log_p.shape[1]
    check(0 <= smoothing <= 1, "label_smoothing", f"is {smoothing}",
          "a number in [0, 1]")
    if torch.as_tensor(target).shape == log_p.shape:  # probabilities
        q = as_distributions(target, log_p, ignore_index)
        keep = torch.ones_like(log_p[:, 0], dtype=torch.bool)  # all count
        total = keep.numel()  # the number of positions
    else:  # class indices
        y = as_labels(target, log_p, ignore_index)
        keep = y != ignore_index  # False at an ignored position
        one_hot = F.one_hot(torch.where(keep, y, 0), classes)
        q = one_hot.movedim(-1, 1).to(log_p.dtype)
        total = (w * q).sum(dim=1)[keep].sum()  # sum of w[y_i], kept i
    q = (1 - smoothing) * q + smoothing / classes  # label smoothing
    loss = (w * q * -log_p).sum(dim=1)  # -sum_k w_k q_k ln p_k
    loss = torch.where(keep, loss, 0.0)  # ignored: 0, no gradient
    return apply_reduction(loss, total, reduction)
# --8<-- [end:cross_entropy]


# --8<-- [start:demo_zero_weight]
import torch
import torch.nn.functional as F


def zero_weight_demo() -> dict[str, tuple[str, str]]:
    """A mean over total weight 0: loss (gradient), PyTorch's and ours."""
    w = torch.tensor([0.0, 1.0, 1.0])  # weight 0 switches class 0 off
    cases = {"every position ignored": (-100, 0.0),  # target, smoothing
             "class 0, of weight 0": (0, 0.0),
             "the same, smoothed": (0, 0.1)}
    found = {}
    for name, (target, smoothing) in cases.items():
        shown = []
        for loss in (F.cross_entropy, cross_entropy):
            z = torch.tensor([[0.5, -1.0, 2.0]], requires_grad=True)
            value = loss(z, torch.tensor([target]), weight=w,
                         label_smoothing=smoothing)
            (grad,) = torch.autograd.grad(value, z)
            numbers = ", ".join(f"{g:g}" for g in grad[0].tolist())
            shown.append(f"{value.item():g} ({numbers})")
        found[name] = tuple(shown)
    return found
# --8<-- [end:demo_zero_weight]


# --8<-- [start:binary]
import torch


def weights_like(weight, x: torch.Tensor, name: str):
    """An elementwise weight that broadcasts to ``x``'s shape (1 if None)."""
    if weight is None:
        return 1.0
    w = as_float(weight, name).to(x.dtype)
    pairs = zip(w.shape[::-1], x.shape[::-1])
    fits = w.ndim <= x.ndim and all(a in (1, b) for a, b in pairs)
    check(fits, name, f"has shape {tuple(w.shape)}",
          f"a shape that broadcasts to {tuple(x.shape)}")
    return w


def binary_cross_entropy(input, target, weight=None, reduction="mean"):
    """``F.binary_cross_entropy`` from scratch: probabilities in.

    >>> print(binary_cross_entropy(torch.tensor([0.0]), torch.tensor([1.0])))
    tensor(100.)
    """
    p = as_probs(input, "input")
    y = as_probs(target, "target", p.shape)
    w = weights_like(weight, p, "weight")
    p0 = p.detach()  # p's numbers as a constant: autograd skips the logs
    log_p = p0.log().clamp(min=-100)  # PyTorch's clamp: ln 0 counts as -100
    log_not_p = torch.log1p(-p0).clamp(min=-100)  # ln(1 - p), exact near p = 0
    value = -w * (y * log_p + (1 - y) * log_not_p)
    slope = w * (p0 - y) / (p0 * (1 - p0)).clamp(min=1e-12)  # PyTorch's
    loss = value + slope * (p - p0)  # adds 0; gradient: slope
    return apply_reduction(loss, loss.numel(), reduction)


def binary_cross_entropy_with_logits(input, target, weight=None,
                                     reduction="mean", pos_weight=None):
    """``F.binary_cross_entropy_with_logits`` from scratch: logits in.

    >>> z, y = torch.tensor([20.0]), torch.tensor([0.0])
    >>> print(binary_cross_entropy_with_logits(z, y))
    tensor(20.)
    """
    z = as_float(input, "input")
    y = as_probs(target, "target", z.shape)
    w = weights_like(weight, z, "weight")
    pw = weights_like(pos_weight, z, "pos_weight")
    low = torch.minimum(z, torch.zeros_like(z))  # min(z, 0)
    log_sig = low - torch.log1p(torch.exp(-z.abs()))  # ln sigmoid(z)
    log_not_sig = log_sig - z  # ln(1 - sigmoid(z)) = ln sigmoid(z) - z
    loss = -w * (pw * y * log_sig + (1 - y) * log_not_sig)
    return apply_reduction(loss, loss.numel(), reduction)
# --8<-- [end:binary]


# --8<-- [start:demo_saturated]
import torch
import torch.nn.functional as F


def saturated_demo() -> dict[str, tuple[float, float, float]]:
    """d loss / d p at saturated float32 p: PyTorch's, naive, ours."""
    def naive(p, y):  # the clamped logs, differentiated by autograd
        log_p = p.log().clamp(min=-100)
        log_not_p = (1 - p).log().clamp(min=-100)
        return -(y * log_p + (1 - y) * log_not_p).mean()

    one = torch.sigmoid(torch.tensor([20.0]))  # rounds to exactly 1
    cases = {"p = sigmoid(20), y = 1": (one, 1.0),
             "p = sigmoid(20), y = 0": (one, 0.0),
             "p = 0, y = 1": (torch.zeros(1), 1.0),
             "p = 0, y = 0": (torch.zeros(1), 0.0)}
    found = {}
    for name, (p, y) in cases.items():
        grads = []
        for loss in (F.binary_cross_entropy, naive, binary_cross_entropy):
            p = p.detach().requires_grad_()
            (grad,) = torch.autograd.grad(loss(p, torch.full_like(p, y)), p)
            grads.append(grad.item())
        found[name] = tuple(grads)
    return found
# --8<-- [end:demo_saturated]


# --8<-- [start:gaussian]
import math

import torch


def as_variance(var, mean: torch.Tensor) -> torch.Tensor:
    """Variances >= 0: one per entry, or shared along one dim of size 1."""
    v = as_float(var, "var").to(mean.dtype)
    if v.ndim == 0:
        v = v.expand(mean.shape)  # one variance for every entry
    elif v.shape == mean.shape[:-1]:
        v = v.unsqueeze(-1)  # one variance per row, shared by its entries
    odd = [a for a, b in zip(v.shape, mean.shape) if a != b]
    check(v.ndim == mean.ndim and odd in ([], [1]), "var",
          f"has shape {tuple(v.shape)}",
          f"{tuple(mean.shape)}, or that with one dim of size 1")
    check(bool((v >= 0).all()), "var", f"contains {v.min().item():g}",
          "variances >= 0")
    return v


def gaussian_nll_loss(input, target, var, full=False, eps=1e-6,
                      reduction="mean"):
    """``F.gaussian_nll_loss`` from scratch: -ln N(target; input, var).

    >>> mu, x = torch.tensor([0.0]), torch.tensor([0.1])
    >>> v = torch.tensor([0.01])
    >>> print(f"{gaussian_nll_loss(mu, x, v).item():.6f}")
    -1.802585
    """
    mu = as_float(input, "input")
    x = as_float(target, "target", mu.shape)
    var = as_variance(var, mu)
    check(eps > 0, "eps", f"is {eps}", "a number > 0")
    v = var.clamp(min=eps).detach() + (var - var.detach())  # straight-through
    loss = 0.5 * (v.log() + (x - mu) ** 2 / v)
    if full:
        loss = loss + 0.5 * math.log(2 * math.pi)  # the density's constant
    return apply_reduction(loss, loss.numel(), reduction)
# --8<-- [end:gaussian]


# --8<-- [start:demo_zero_var]
import torch
import torch.nn.functional as F


def zero_var_demo() -> dict[str, float]:
    """d loss / d var at var = 0, for x - mu = 0.1, eps = 1e-6."""
    mu = torch.tensor([0.0], dtype=torch.float64)
    x = torch.tensor([0.1], dtype=torch.float64)
    losses = {
        "PyTorch": lambda var: F.gaussian_nll_loss(mu, x, var),
        "torch.clamp": lambda var: F.gaussian_nll_loss(
            mu, x, var.clamp(min=1e-6)),  # a real clamp first
        "ours": lambda var: gaussian_nll_loss(mu, x, var),
    }
    grads = {}
    for name, loss in losses.items():
        var = torch.zeros(1, dtype=torch.float64, requires_grad=True)
        (grad,) = torch.autograd.grad(loss(var), var)
        grads[name] = grad.item()
    return grads
# --8<-- [end:demo_zero_var]


# --8<-- [start:demo_agreement]
from typing import NamedTuple

import torch
import torch.nn.functional as F


class Agreement(NamedTuple):
    ours: float
    pytorch: float
    same_gradient: bool


def compare(loss, args: list, wrt: list[int], **options) -> Agreement:
    """``loss`` and PyTorch's namesake on ``args``: both values, and
    whether their gradients with respect to args[i], i in wrt, agree."""
    check(hasattr(F, getattr(loss, "__name__", "")), "loss", f"is {loss!r}",
          "a namesake of a torch.nn.functional loss")
    check(len(wrt) > 0 and all(0 <= i < len(args) for i in wrt), "wrt",
          f"is {wrt}", f"positions of args, 0 to {len(args) - 1}")
    values, grads = [], []
    for fn in (loss, getattr(F, loss.__name__)):
        xs = [a.clone().requires_grad_(i in wrt) for i, a in enumerate(args)]
        value = fn(*xs, **options)
        values.append(value.item())
        grads.append(torch.autograd.grad(value, [xs[i] for i in wrt]))
    same = all(torch.allclose(a, b, rtol=1e-9, atol=1e-12)
               for a, b in zip(*grads))
    return Agreement(values[0], values[1], same)


def agreement_demo() -> dict[str, Agreement]:
    """Each loss from scratch and PyTorch's, on random float64 input."""
    gen = torch.Generator().manual_seed(0)
    z = torch.randn(5, 4, generator=gen, dtype=torch.float64)
    y = torch.randint(0, 4, (5,), generator=gen)
    w = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64)
    q = 0.9 * F.one_hot(y, 4).double() + 0.1 / 4  # y smoothed by hand
    p, t = torch.sigmoid(z), torch.rand(5, 4, generator=gen).double()
    var = torch.rand(5, 4, generator=gen).double()
    soft = torch.softmax(3 * torch.randn(5, 4, generator=gen), dim=1).double()
    padded = torch.where(torch.arange(5) < 2, -100, y)  # 2 ignored
    log_p = F.log_softmax(z, dim=1)
    return {  # name: loss, its arguments, which to differentiate, options
        "cross_entropy, smoothing": compare(
            cross_entropy, [z, y], [0], weight=w, label_smoothing=0.1),
        "cross_entropy, smoothed target": compare(
            cross_entropy, [z, q], [0], weight=w),
        "cross_entropy, ignore_index": compare(
            cross_entropy, [z, padded], [0], weight=w, reduction="sum"),
        "cross_entropy, soft, smoothing": compare(
            cross_entropy, [z, soft], [0], label_smoothing=0.2),
        "nll_loss, ignore_index": compare(
            nll_loss, [log_p, padded], [0], weight=w),
        "binary_cross_entropy": compare(
            binary_cross_entropy, [p, t], [0], weight=w),
        "binary_cross_entropy_with_logits": compare(
            binary_cross_entropy_with_logits, [z, t], [0], pos_weight=w),
        "gaussian_nll_loss, full, sum": compare(
            gaussian_nll_loss, [z, t, var], [0, 2], full=True,
            reduction="sum"),
    }
# --8<-- [end:demo_agreement]


# --8<-- [start:demo_ignore_index]
import torch
import torch.nn.functional as F


def outcome(loss, *args, **options) -> str:
    """The loss's value to 6 decimals, or the kind of error it raises."""
    check(callable(loss), "loss", f"is {loss!r}", "a function")
    try:
        return f"{loss(*args, **options).item():.6f}"
    except (RuntimeError, ValueError, IndexError) as error:
        return f"raises {type(error).__name__}"


def ignore_index_demo() -> dict[int, tuple[str, str]]:
    """Probability targets with each ignore_index: PyTorch's and ours."""
    gen = torch.Generator().manual_seed(0)
    z = torch.randn(3, 4, generator=gen, dtype=torch.float64)
    q = torch.softmax(torch.randn(3, 4, generator=gen), dim=1).double()
    return {ignore_index: tuple(outcome(loss, z, q, ignore_index=ignore_index)
                                for loss in (F.cross_entropy, cross_entropy))
            for ignore_index in (-100, -1, 0, 3)}
# --8<-- [end:demo_ignore_index]


# --8<-- [start:demo_differences]
import torch
import torch.nn.functional as F


def differences_demo() -> dict[str, tuple[str, str]]:
    """Inputs where PyTorch and these functions part, or both miss."""
    T, inf = torch.tensor, float("inf")
    scores = torch.arange(18.0).reshape(2, 3, 3).sin()  # (N, L, C), L = C
    cases = {  # name: the loss, its arguments
        "probabilities to nll_loss": (nll_loss, T([[0.1, 0.3, 0.5, 0.1]]),
                                      T([3])),
        "target row (2, 0, 0)": (cross_entropy, T([[0.0, 1.0, 2.0]]),
                                 T([[2.0, 0.0, 0.0]])),
        "mean (3, 1), target (3,)": (gaussian_nll_loss,
                                     T([[0.0], [1.0], [2.0]]),
                                     T([0.0, 1.0, 2.0]), torch.ones(3, 1)),
        "probability 1.2": (binary_cross_entropy, T([1.2]), T([1.0])),
        "label 4 of 4 classes": (cross_entropy, torch.zeros(1, 4), T([4])),
        "2 labels for 1 row": (cross_entropy, torch.zeros(1, 4), T([0, 1])),
        "variance -1": (gaussian_nll_loss, T([0.0]), T([0.0]), T([-1.0])),
        "a double softmax": (cross_entropy, T([[0.0, 0.0, 0.0, 8.0]],
                             dtype=torch.float64).softmax(1), T([0])),
        "(N, L, C) with L = C": (cross_entropy, scores, T([[0, 1, 2]] * 2)),
        "logit -inf (a mask)": (cross_entropy, T([[1.0, -inf, 0.5]]), T([0])),
        "logit -1e9 (a mask)": (cross_entropy, T([[1.0, -1e9, 0.5]]), T([0])),
        "log-probability -inf": (nll_loss, T([[0.0, -inf]]), T([0])),
        "unbatched, shape (C,)": (cross_entropy, T([1.0, 2.0, 0.5]), T(0)),
        "one class, C = 1": (cross_entropy, T([[1.0], [2.0]]), T([0, 0])),
    }
    return {name: (outcome(getattr(F, loss.__name__), *args),
                   outcome(loss, *args))
            for name, (loss, *args) in cases.items()}
# --8<-- [end:demo_differences]
