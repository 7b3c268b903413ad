"""PyTorch's classification and likelihood losses, rebuilt from scratch in NumPy and in PyTorch.

The pages ``docs/pytorch-losses.md`` (the pitfall demos) and
``docs/pytorch-losses-from-scratch.md`` (the losses) include its named sections. Each
from-scratch function takes the same arguments as its ``torch.nn.functional``
namesake and returns the same numbers; unlike PyTorch, each one also rejects input
that would give a silently wrong loss. The ``*_demo`` functions run one pitfall each.
"""

from __future__ import annotations

import math


# --8<-- [start:validation]
from typing import NamedTuple

import numpy as np
import torch

from snippets.checks import distributions, finite_array, label_array, number_in_range, one_of

REDUCTIONS = ("none", "mean", "sum")


class Spec(NamedTuple):
    """Validated arguments of a classification loss, with the input laid out as (N, C, d1, ...)."""

    shape: tuple[int, ...]  # the input's shape once a single (C,) prediction becomes (1, C)
    kind: str  # "indices" or "probabilities"
    target: np.ndarray  # (N, d1, ...) class indices, or (N, C, d1, ...) probabilities
    weight: np.ndarray  # (C,): one weight per class, ones if none was given
    ignore_index: int
    label_smoothing: float
    reduction: str
    unbatched: bool  # the input was a single (C,) prediction


def classification_spec(input_shape: tuple[int, ...], target, weight=None, ignore_index: int = -100,
                        reduction: str = "mean", label_smoothing: float = 0.0, *,
                        allow_probabilities: bool = True) -> Spec:
    """Check a classification loss's arguments the way the losses below need them.

    >>> spec = classification_spec((2, 3), [2, -100], weight=[1.0, 1.0, 4.0])
    >>> print(spec.kind, spec.target.tolist(), spec.weight[spec.target[0]])
    indices [2, -100] 4.0
    """
    sizes_ok = isinstance(input_shape, (tuple, list)) and all(
        isinstance(n, (int, np.integer)) and not isinstance(n, bool) and n >= 0 for n in input_shape)
    if not sizes_ok:
        raise ValueError(f"input_shape: is {input_shape!r}, expected a tuple of sizes such as (N, C)")
    reduction = one_of(reduction, REDUCTIONS, "reduction")
    label_smoothing = number_in_range(label_smoothing, "label_smoothing", 0.0, 1.0)
    if isinstance(ignore_index, bool) or not isinstance(ignore_index, (int, np.integer)):
        raise ValueError(f"ignore_index: is {ignore_index!r}, expected an integer")
    shape = tuple(input_shape)
    unbatched = len(shape) == 1
    if unbatched:
        shape = (1, *shape)
        target = np.reshape(np.asarray(target.detach().cpu() if hasattr(target, "detach") else target), (1, *np.shape(target)))
    if len(shape) < 2 or shape[1] < 2:
        raise ValueError(f"input: has shape {tuple(input_shape)}, expected (C,), (N, C) or (N, C, d1, ...) with C >= 2 classes on dim 1")
    classes = shape[1]
    label_shape = shape[:1] + shape[2:]
    if np.ndim(target) == len(shape):
        if not allow_probabilities:
            raise ValueError(f"target: has shape {tuple(np.shape(target))}, expected class indices of shape {label_shape} (this loss takes no probability targets)")
        if tuple(np.shape(target)) != shape:
            raise ValueError(f"target: has shape {tuple(np.shape(target))}, expected {shape} (probabilities) or {label_shape} (class indices)")
        if ignore_index != -100:  # as PyTorch: a distribution has no label to ignore
            raise ValueError(f"ignore_index: is {ignore_index}, expected -100 (the default) with probability targets")
        kind, target = "probabilities", distributions(target, "target", axis=1)
    else:
        kind, target = "indices", label_array(target, classes, shape=label_shape, ignore_index=int(ignore_index))
    if weight is None:
        weights = np.ones(classes)
    else:
        weights = finite_array(weight, "weight")
        if weights.shape != (classes,):
            raise ValueError(f"weight: has shape {weights.shape}, expected ({classes},) (one weight per class)")
        if (weights < 0).any():
            raise ValueError(f"weight: contains {weights[weights < 0][0]:g}, expected non-negative weights")
    return Spec(shape, kind, target, weights, int(ignore_index), label_smoothing, reduction, unbatched)


def elementwise_weight(weight, shape: tuple[int, ...], name: str) -> np.ndarray:
    """A non-negative weight that broadcasts to ``shape`` (1.0 if ``weight`` is None).

    >>> print(elementwise_weight([3.0], (4,), "pos_weight"), elementwise_weight(None, (4,), "weight"))
    [3.] 1.0
    """
    if weight is None:
        return np.ones(())
    weights = finite_array(weight, name)
    try:
        fits = np.broadcast_shapes(weights.shape, shape) == tuple(shape)
    except ValueError:
        fits = False
    if not fits:
        raise ValueError(f"{name}: has shape {weights.shape}, expected a shape that broadcasts to {tuple(shape)}")
    if (weights < 0).any():
        raise ValueError(f"{name}: contains {weights[weights < 0].flat[0]:g}, expected non-negative weights")
    return weights


def _float_tensor(value, checked: np.ndarray) -> torch.Tensor:
    """``value`` as a floating-point tensor for the PyTorch versions: a float tensor as it is (its
    gradient flows), anything else (a list, an array, an integer tensor) as the float64 ``checked``.

    >>> print(_float_tensor([1, 2], np.array([1.0, 2.0])).dtype)
    torch.float64
    """
    if torch.is_tensor(value) and value.is_floating_point():
        return value
    return torch.as_tensor(checked)


def same_shape(target, input_shape: tuple[int, ...]) -> None:
    """Raise unless ``target`` has the input's shape (elementwise losses pair them up entry by entry).

    >>> same_shape(np.zeros(2), (2,)) is None
    True
    """
    if np.shape(target) != tuple(input_shape):
        raise ValueError(f"target: has shape {np.shape(target)}, expected {tuple(input_shape)} (the input's shape)")
# --8<-- [end:validation]


# --8<-- [start:numpy]
import numpy as np

from snippets.checks import as_float_array, finite_array, log_distributions
from snippets.cross_entropy import log_softmax


def _terms(log_probs: np.ndarray, spec: Spec) -> tuple[np.ndarray, float]:
    """Per-position losses (N, d1, ...) and what their mean divides by."""
    classes = spec.shape[1]
    w = spec.weight.reshape((1, classes) + (1,) * (log_probs.ndim - 2))  # broadcast over dim 1
    if spec.kind == "probabilities":
        q = (1 - spec.label_smoothing) * spec.target + spec.label_smoothing / classes
        loss = -(w * q * log_probs).sum(axis=1)
        return loss, loss.size  # the plain mean over positions: weights are not summed
    keep = spec.target != spec.ignore_index
    safe = np.where(keep, spec.target, 0)  # any valid index; ignored positions are zeroed below
    picked = np.take_along_axis(log_probs, safe[:, np.newaxis], axis=1)[:, 0]
    w_target = np.where(keep, spec.weight[safe], 0.0)  # the weight of each position's true class
    with np.errstate(invalid="ignore"):  # 0 * -inf at ignored positions, discarded by np.where
        loss = np.where(keep, -w_target * picked, 0.0)
    if spec.label_smoothing > 0:
        uniform = np.where(keep, -(w * log_probs).sum(axis=1), 0.0)  # cross-entropy to eps/C on every class
        loss = (1 - spec.label_smoothing) * loss + spec.label_smoothing / classes * uniform
    return loss, w_target.sum()  # the weighted mean divides by the weights of the true classes


def _reduce(loss: np.ndarray, denominator: float, spec_or_reduction, unbatched: bool = False):
    reduction = getattr(spec_or_reduction, "reduction", spec_or_reduction)
    if reduction == "none":
        return loss[0] if unbatched else loss
    if reduction == "sum":
        return float(loss.sum())
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.float64(loss.sum()) / denominator)  # 0 / 0 = nan when every target is ignored


def cross_entropy(input, target, weight=None, ignore_index: int = -100, reduction: str = "mean",
                  label_smoothing: float = 0.0):
    """``torch.nn.functional.cross_entropy`` from scratch: logits in, classes on dim 1.

    >>> print(f"{cross_entropy(np.log([[0.1, 0.3, 0.5, 0.1]]), [3]):.6f}")
    2.302585
    """
    logits = finite_array(input, "input")
    spec = classification_spec(logits.shape, target, weight, ignore_index, reduction, label_smoothing)
    loss, denominator = _terms(log_softmax(logits.reshape(spec.shape), axis=1), spec)
    return _reduce(loss, denominator, spec, spec.unbatched)


def nll_loss(input, target, weight=None, ignore_index: int = -100, reduction: str = "mean"):
    """``torch.nn.functional.nll_loss`` from scratch: log-probabilities in (it checks that they are).

    >>> print(f"{nll_loss(np.log([[0.1, 0.3, 0.5, 0.1]]), [3]):.6f}")
    2.302585
    """
    raw = as_float_array(input, "input")
    spec = classification_spec(raw.shape, target, weight, ignore_index, reduction, allow_probabilities=False)
    log_probs = log_distributions(raw.reshape(spec.shape), "input", axis=1)
    loss, denominator = _terms(log_probs, spec)
    return _reduce(loss, denominator, spec, spec.unbatched)
# --8<-- [end:numpy]


# --8<-- [start:torch]
import torch

from snippets.checks import as_float_array, finite_array, log_distributions
from snippets.cross_entropy import log_softmax_torch


def _terms_torch(log_probs: torch.Tensor, spec: Spec) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-position losses (N, d1, ...) and what their mean divides by; differentiable."""
    classes = spec.shape[1]
    weight = torch.as_tensor(spec.weight, dtype=log_probs.dtype, device=log_probs.device)
    w = weight.reshape((1, classes) + (1,) * (log_probs.ndim - 2))
    if spec.kind == "probabilities":
        target = torch.as_tensor(spec.target, dtype=log_probs.dtype, device=log_probs.device)
        q = (1 - spec.label_smoothing) * target + spec.label_smoothing / classes
        loss = -(w * q * log_probs).sum(dim=1)
        return loss, torch.tensor(float(loss.numel()), dtype=log_probs.dtype)
    target = torch.as_tensor(spec.target, device=log_probs.device)
    keep = target != spec.ignore_index
    safe = torch.where(keep, target, torch.zeros_like(target))
    picked = log_probs.gather(1, safe.unsqueeze(1)).squeeze(1)
    w_target = torch.where(keep, weight[safe], torch.zeros((), dtype=log_probs.dtype))
    loss = torch.where(keep, -w_target * picked, torch.zeros((), dtype=log_probs.dtype))
    if spec.label_smoothing > 0:
        uniform = torch.where(keep, -(w * log_probs).sum(dim=1), torch.zeros((), dtype=log_probs.dtype))
        loss = (1 - spec.label_smoothing) * loss + spec.label_smoothing / classes * uniform
    return loss, w_target.sum()


def _reduce_torch(loss: torch.Tensor, denominator: torch.Tensor, spec: Spec) -> torch.Tensor:
    if spec.reduction == "none":
        return loss[0] if spec.unbatched else loss
    if spec.reduction == "sum":
        return loss.sum()
    return loss.sum() / denominator  # 0 / 0 = nan when every target is ignored


def cross_entropy_torch(input: torch.Tensor, target, weight=None, ignore_index: int = -100,
                        reduction: str = "mean", label_smoothing: float = 0.0) -> torch.Tensor:
    """``torch.nn.functional.cross_entropy`` from scratch in PyTorch; stable and differentiable.

    >>> logits = torch.tensor([[10000.0, 0.0, -10000.0]])  # float32
    >>> print(cross_entropy_torch(logits, torch.tensor([2])).item())
    20000.0
    """
    logits = finite_array(input, "input")
    spec = classification_spec(logits.shape, target, weight, ignore_index, reduction, label_smoothing)
    input = _float_tensor(input, logits)
    loss, denominator = _terms_torch(log_softmax_torch(input.reshape(spec.shape), dim=1), spec)
    return _reduce_torch(loss, denominator, spec)


def nll_loss_torch(input: torch.Tensor, target, weight=None, ignore_index: int = -100,
                   reduction: str = "mean") -> torch.Tensor:
    """``torch.nn.functional.nll_loss`` from scratch in PyTorch; rejects input that is not log-probabilities.

    >>> log_probs = torch.tensor([[0.1, 0.3, 0.5, 0.1]]).log()
    >>> print(f"{nll_loss_torch(log_probs, torch.tensor([3])).item():.6f}")
    2.302585
    """
    raw = as_float_array(input, "input")
    spec = classification_spec(raw.shape, target, weight, ignore_index, reduction, allow_probabilities=False)
    log_distributions(raw.reshape(spec.shape), "input", axis=1)
    input = _float_tensor(input, raw)
    loss, denominator = _terms_torch(input.reshape(spec.shape), spec)
    return _reduce_torch(loss, denominator, spec)
# --8<-- [end:torch]


# --8<-- [start:binary_numpy]
import numpy as np

from snippets.checks import finite_array, one_of, probabilities
from snippets.cross_entropy import log_sigmoid


def binary_cross_entropy(input, target, weight=None, reduction: str = "mean"):
    """``torch.nn.functional.binary_cross_entropy`` from scratch: probabilities in, each log clamped at -100.

    >>> print(binary_cross_entropy([0.0], [1.0]))
    100.0
    """
    p = probabilities(input, "input")
    y = probabilities(target, "target")
    same_shape(y, p.shape)
    w = elementwise_weight(weight, p.shape, "weight")
    one_of(reduction, REDUCTIONS, "reduction")
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), -100.0)  # PyTorch's clamp: log 0 counts as -100, not -inf
        log_not_p = np.maximum(np.log(1 - p), -100.0)
    loss = -w * (y * log_p + (1 - y) * log_not_p)
    return _reduce(loss, loss.size, reduction)  # the weights are not summed: a plain mean


def binary_cross_entropy_with_logits(input, target, weight=None, reduction: str = "mean", pos_weight=None):
    """``torch.nn.functional.binary_cross_entropy_with_logits`` from scratch: stable for any finite logit.

    loss = (1 - y) z + (1 + (pos_weight - 1) y) softplus(-z), where softplus(-z) = -ln sigmoid(z).

    >>> print(binary_cross_entropy_with_logits([20.0], [0.0]))
    20.000000002061153
    """
    z = finite_array(input, "input")
    y = probabilities(target, "target")
    same_shape(y, z.shape)
    w = elementwise_weight(weight, z.shape, "weight")
    pw = elementwise_weight(pos_weight, z.shape, "pos_weight")
    one_of(reduction, REDUCTIONS, "reduction")
    loss = w * ((1 - y) * z - (1 + (pw - 1) * y) * log_sigmoid(z))
    return _reduce(loss, loss.size, reduction)
# --8<-- [end:binary_numpy]


# --8<-- [start:binary_torch]
import torch

from snippets.checks import finite_array, one_of, probabilities
from snippets.cross_entropy import log_sigmoid_torch


def binary_cross_entropy_torch(input: torch.Tensor, target: torch.Tensor, weight=None,
                               reduction: str = "mean") -> torch.Tensor:
    """``binary_cross_entropy`` from scratch in PyTorch, with the same clamp of each log at -100.

    >>> print(binary_cross_entropy_torch(torch.tensor([0.0]), torch.tensor([1.0])).item())
    100.0
    """
    p = probabilities(input, "input")
    same_shape(probabilities(target, "target"), p.shape)
    input = _float_tensor(input, p)
    target = torch.as_tensor(target, dtype=input.dtype)
    w = torch.as_tensor(elementwise_weight(weight, p.shape, "weight"), dtype=input.dtype)
    spec = Spec(p.shape, "", None, None, 0, 0.0, one_of(reduction, REDUCTIONS, "reduction"), False)
    loss = -w * (target * input.log().clamp(min=-100) + (1 - target) * (1 - input).log().clamp(min=-100))
    return _reduce_torch(loss, torch.tensor(float(loss.numel()), dtype=input.dtype), spec)


def binary_cross_entropy_with_logits_torch(input: torch.Tensor, target: torch.Tensor, weight=None,
                                           reduction: str = "mean", pos_weight=None) -> torch.Tensor:
    """``binary_cross_entropy_with_logits`` from scratch in PyTorch; stable and differentiable.

    >>> print(binary_cross_entropy_with_logits_torch(torch.tensor([20.0]), torch.tensor([0.0])).item())
    20.0
    """
    z = finite_array(input, "input")
    same_shape(probabilities(target, "target"), z.shape)
    input = _float_tensor(input, z)
    target = torch.as_tensor(target, dtype=input.dtype)
    w = torch.as_tensor(elementwise_weight(weight, z.shape, "weight"), dtype=input.dtype)
    pw = torch.as_tensor(elementwise_weight(pos_weight, z.shape, "pos_weight"), dtype=input.dtype)
    spec = Spec(z.shape, "", None, None, 0, 0.0, one_of(reduction, REDUCTIONS, "reduction"), False)
    loss = w * ((1 - target) * input - (1 + (pw - 1) * target) * log_sigmoid_torch(input))
    return _reduce_torch(loss, torch.tensor(float(loss.numel()), dtype=input.dtype), spec)
# --8<-- [end:binary_torch]


# --8<-- [start:gaussian_numpy]
import math

import numpy as np

from snippets.checks import finite_array, one_of, positive_scale


def variance_like(var, input_shape: tuple[int, ...]) -> np.ndarray:
    """``var`` checked and shaped as GaussianNLLLoss accepts it: one per entry, or shared along one dim.

    >>> print(variance_like([0.5, 2.0], (2, 3)).shape)
    (2, 1)
    """
    v = finite_array(var, "var")
    shape = tuple(input_shape)
    if v.ndim == 0 or v.shape == shape:
        pass
    elif v.shape == shape[:-1]:
        v = v[..., np.newaxis]  # one variance per row, shared by the row's entries
    elif v.ndim == len(shape) and sum(a != b for a, b in zip(v.shape, shape)) == 1 and \
            all(b == 1 for a, b in zip(shape, v.shape) if a != b):
        pass  # shared along the one dim where var has size 1
    else:
        raise ValueError(f"var: has shape {v.shape}, expected {shape}, {shape[:-1]}, or {shape} with one dim of size 1")
    if (v < 0).any():
        raise ValueError(f"var: contains {v[v < 0].flat[0]:g}, expected variances >= 0")
    return v


def gaussian_nll_loss(input, target, var, full: bool = False, eps: float = 1e-6, reduction: str = "mean"):
    """``torch.nn.functional.gaussian_nll_loss`` from scratch: the NLL of ``target`` under N(input, var).

    >>> print(f"{gaussian_nll_loss([0.0], [0.1], [0.01]):.6f}")
    -1.802585
    """
    mean = finite_array(input, "input")
    observed = finite_array(target, "target")
    same_shape(observed, mean.shape)
    v = variance_like(var, mean.shape)
    eps = positive_scale(eps, "eps")
    if not isinstance(full, bool):
        raise ValueError(f"full: is {full!r}, expected True or False")
    one_of(reduction, REDUCTIONS, "reduction")
    v = np.maximum(v, eps)  # a zero variance would make the loss infinite
    loss = 0.5 * (np.log(v) + (mean - observed) ** 2 / v)
    if full:
        loss = loss + 0.5 * math.log(2 * math.pi)  # the constant that makes it the exact NLL
    return _reduce(np.broadcast_to(loss, mean.shape).copy(), mean.size, reduction)
# --8<-- [end:gaussian_numpy]


# --8<-- [start:gaussian_torch]
import math

import torch

from snippets.checks import finite_array, one_of, positive_scale


def gaussian_nll_loss_torch(input: torch.Tensor, target: torch.Tensor, var, full: bool = False,
                            eps: float = 1e-6, reduction: str = "mean") -> torch.Tensor:
    """``gaussian_nll_loss`` from scratch in PyTorch, with the same clamp (the gradient passes it unchanged).

    >>> print(f"{gaussian_nll_loss_torch(torch.tensor([0.0]), torch.tensor([0.1]), torch.tensor([0.01])).item():.6f}")
    -1.802585
    """
    mean = finite_array(input, "input")
    observed = finite_array(target, "target")
    same_shape(observed, mean.shape)
    input, target = _float_tensor(input, mean), _float_tensor(target, observed)
    shaped = variance_like(var, mean.shape)
    eps = positive_scale(eps, "eps")
    if not isinstance(full, bool):
        raise ValueError(f"full: is {full!r}, expected True or False")
    spec = Spec(mean.shape, "", None, None, 0, 0.0, one_of(reduction, REDUCTIONS, "reduction"), False)
    v = torch.as_tensor(var, dtype=input.dtype).reshape(shaped.shape)
    v = v + (v.clamp(min=eps) - v).detach()  # the value of the clamp, the gradient of the identity
    loss = 0.5 * (v.log() + (input - target) ** 2 / v)
    if full:
        loss = loss + 0.5 * math.log(2 * math.pi)
    loss = loss.expand(mean.shape)
    return _reduce_torch(loss, torch.tensor(float(loss.numel()), dtype=input.dtype), spec)
# --8<-- [end:gaussian_torch]


# --8<-- [start:report]
def report(result: NamedTuple) -> None:
    """Print each field of a demo's result on its own line, to 6 decimals.

    >>> report(smoothing_demo())
    torch_label_smoothing: 2.234884
    torch_smoothed_target: 2.234884
    from_scratch: 2.234884
    """
    if not hasattr(result, "_asdict"):
        raise ValueError(f"result: is a {type(result).__name__}, expected a demo's result (a NamedTuple)")
    for name, value in result._asdict().items():
        if isinstance(value, float):
            print(f"{name}: {value:.6f}")
# --8<-- [end:report]


# --8<-- [start:demo_log_probs]
from typing import NamedTuple

import torch
import torch.nn.functional as F

from snippets.checks import class_labels, probability_rows


class LogProbsDemo(NamedTuple):
    torch_on_probabilities: float  # NLLLoss fed probabilities: minus their mean
    torch_on_log_probabilities: float  # NLLLoss fed log-probabilities: the real NLL
    from_scratch: float  # nll_loss on the log-probabilities


def log_probs_demo(probs=((0.1, 0.3, 0.5, 0.1), (0.1, 0.3, 0.5, 0.1)), labels=(3, 2)) -> LogProbsDemo:
    """NLLLoss only picks and negates; fed probabilities instead of their logs, it returns a negative number.

    >>> report(log_probs_demo())
    torch_on_probabilities: -0.300000
    torch_on_log_probabilities: 1.497866
    from_scratch: 1.497866
    >>> nll_loss([[0.1, 0.3, 0.5, 0.1]], [3])
    Traceback (most recent call last):
    ...
    ValueError: input: contains 0.1, expected log-probabilities (numbers <= 0)
    """
    rows = probability_rows(probs, "probs")  # (N, C); checked before PyTorch sees them
    p = torch.tensor(rows)
    target = torch.as_tensor(class_labels(labels, rows.shape[1], count=rows.shape[0]))
    return LogProbsDemo(
        torch_on_probabilities=F.nll_loss(p, target).item(),  # -(0.1 + 0.5) / 2
        torch_on_log_probabilities=F.nll_loss(p.log(), target).item(),
        from_scratch=nll_loss(p.log().numpy(), target.numpy()),
    )
# --8<-- [end:demo_log_probs]


# --8<-- [start:demo_composition]
from typing import NamedTuple

import torch
import torch.nn.functional as F

from snippets.checks import class_labels, finite_array


class CompositionDemo(NamedTuple):
    cross_entropy: float  # F.cross_entropy(logits, labels)
    log_softmax_then_nll_loss: float  # F.nll_loss(F.log_softmax(logits, dim=1), labels)
    from_scratch: float  # cross_entropy(logits, labels)


def composition_demo(logits=((0.0, 0.0, 0.0, 8.0),), labels=(0,)) -> CompositionDemo:
    """CrossEntropyLoss is log_softmax followed by NLLLoss.

    >>> report(composition_demo())
    cross_entropy: 8.001006
    log_softmax_then_nll_loss: 8.001006
    from_scratch: 8.001006
    """
    checked = finite_array(logits, "logits")
    if checked.ndim != 2 or checked.shape[1] < 2:
        raise ValueError(f"logits: has shape {checked.shape}, expected (N, C) with at least 2 classes")
    z = torch.tensor(checked)
    y = torch.as_tensor(class_labels(labels, checked.shape[1], count=checked.shape[0]))
    return CompositionDemo(F.cross_entropy(z, y).item(), F.nll_loss(F.log_softmax(z, dim=1), y).item(),
                           cross_entropy(checked, y.numpy()))
# --8<-- [end:demo_composition]


# --8<-- [start:demo_double_softmax]
from typing import NamedTuple

import math

import torch
import torch.nn.functional as F

from snippets.checks import class_labels, finite_array


class DoubleSoftmaxDemo(NamedTuple):
    loss: float  # CrossEntropyLoss on logits, as intended
    loss_double: float  # CrossEntropyLoss on softmax(logits): softmax applied twice
    from_scratch: float  # cross_entropy_torch on logits
    from_scratch_double: float
    grad_norm: float  # size of the gradient with respect to the logits
    grad_norm_double: float
    floor_double: float  # the least a double softmax can cost, with C classes: ln(1 + (C-1)/e)
    ceiling_double: float  # the most: ln(C - 1 + e)


def double_softmax_demo(logits=(0.0, 0.0, 0.0, 8.0), label: int = 0) -> DoubleSoftmaxDemo:
    """A confidently wrong prediction, scored by CrossEntropyLoss on logits and on probabilities.

    >>> report(double_softmax_demo())
    loss: 8.001006
    loss_double: 1.743031
    from_scratch: 8.001006
    from_scratch_double: 1.743031
    grad_norm: 1.413266
    grad_norm_double: 0.000784
    floor_double: 0.743668
    ceiling_double: 1.743668
    """
    checked = finite_array(logits, "logits")
    if checked.ndim != 1 or checked.size < 2:
        raise ValueError(f"logits: has shape {checked.shape}, expected (C,) with at least 2 classes")
    target = torch.as_tensor(class_labels(label, checked.size, count=1, name="label"))  # shape (1,)
    z = torch.tensor(checked[None, :], requires_grad=True)  # one prediction, (1, C)
    values, norms = [], []
    for loss_fn in (F.cross_entropy, cross_entropy_torch):
        for probs_first in (False, True):
            scores = torch.softmax(z, dim=1) if probs_first else z  # the bug: softmax, then CrossEntropyLoss
            loss = loss_fn(scores, target)
            (grad,) = torch.autograd.grad(loss, z)
            values.append(loss.item())
            norms.append(grad.norm().item())
    classes = checked.size
    return DoubleSoftmaxDemo(values[0], values[1], values[2], values[3], norms[0], norms[1],
                             math.log(1 + (classes - 1) / math.e), math.log(classes - 1 + math.e))
# --8<-- [end:demo_double_softmax]


# --8<-- [start:demo_smoothing]
from typing import NamedTuple

import torch
import torch.nn.functional as F

from snippets.checks import class_labels, number_in_range, probability_rows


class SmoothingDemo(NamedTuple):
    torch_label_smoothing: float  # CrossEntropyLoss(label_smoothing=eps) with a class index
    torch_smoothed_target: float  # CrossEntropyLoss() with the smoothed distribution as target
    from_scratch: float  # cross_entropy(..., label_smoothing=eps)


def smoothing_demo(probs=(0.1, 0.3, 0.5, 0.1), label: int = 3, eps: float = 0.1) -> SmoothingDemo:
    """Label smoothing two ways in PyTorch, and from scratch; logits = ln probs, so softmax gives probs back.

    >>> report(smoothing_demo())
    torch_label_smoothing: 2.234884
    torch_smoothed_target: 2.234884
    from_scratch: 2.234884
    """
    rows = probability_rows(probs, "probs")
    if rows.shape[0] != 1:
        raise ValueError(f"probs: has shape {rows.shape}, expected one distribution (C,)")
    if (rows <= 0).any():
        raise ValueError(f"probs: contains {rows.min():g}, expected positive probabilities (the logits are their logs)")
    label = torch.as_tensor(class_labels(label, rows.shape[1], count=1, name="label"))  # shape (1,)
    eps = number_in_range(eps, "eps", 0.0, 1.0)
    logits = torch.tensor(rows).log()
    classes = logits.shape[1]
    smoothed = (1 - eps) * F.one_hot(label, classes).double() + eps / classes
    return SmoothingDemo(
        F.cross_entropy(logits, label, label_smoothing=eps).item(),
        F.cross_entropy(logits, smoothed).item(),
        cross_entropy(logits.numpy(), label.numpy(), label_smoothing=eps),
    )
# --8<-- [end:demo_smoothing]


# --8<-- [start:demo_weights]
from typing import NamedTuple

import torch
import torch.nn.functional as F

from snippets.checks import class_labels, probability_rows


class WeightDemo(NamedTuple):
    torch_weighted: float  # CrossEntropyLoss(weight=w)
    from_scratch: float
    sum_of_weights: float  # what the mean divides by: the weights of the true classes
    divided_by_n: float  # the same total divided by the batch size instead: not what PyTorch does


def weight_demo(probs=((0.8, 0.2), (0.6, 0.4), (0.3, 0.7)), labels=(0, 0, 1), weight=(1.0, 4.0)) -> WeightDemo:
    """Class weights: the weighted losses are summed, then divided by the sum of the targets' weights.

    >>> report(weight_demo())
    torch_weighted: 0.360111
    from_scratch: 0.360111
    sum_of_weights: 6.000000
    divided_by_n: 0.720223
    """
    rows = probability_rows(probs, "probs")  # (N, C), checked before PyTorch sees them
    if (rows <= 0).any():
        raise ValueError(f"probs: contains {rows.min():g}, expected positive probabilities (the logits are their logs)")
    target = torch.as_tensor(class_labels(labels, rows.shape[1], count=rows.shape[0]))
    w = torch.as_tensor(classification_spec(rows.shape, target.numpy(), weight).weight)  # checks weight: (C,), >= 0
    logits = torch.tensor(rows).log()
    weighted = F.cross_entropy(logits, target, weight=w, reduction="none")  # w[y_i] * loss_i
    return WeightDemo(
        F.cross_entropy(logits, target, weight=w).item(),
        cross_entropy(logits.numpy(), target.numpy(), weight=w.numpy()),
        w[target].sum().item(),
        weighted.sum().item() / len(target),
    )
# --8<-- [end:demo_weights]


# --8<-- [start:demo_ignore]
from typing import NamedTuple

import torch
import torch.nn.functional as F

from snippets.checks import random_seed


class IgnoreDemo(NamedTuple):
    torch_mean: float  # mean over the positions that are not ignored
    from_scratch: float
    mean_of_real_tokens: float  # the same, computed by hand from reduction="none"
    torch_sum: float
    torch_all_ignored_mean: float  # every target ignored: 0 / 0
    from_scratch_all_ignored_mean: float
    torch_all_ignored_sum: float


def ignore_demo(seed: int = 0) -> IgnoreDemo:
    """Two padded sequences, (N, C, L) = (2, 5, 3); padding positions carry the label -100.

    >>> report(ignore_demo())
    torch_mean: 1.709289
    from_scratch: 1.709289
    mean_of_real_tokens: 1.709289
    torch_sum: 5.127868
    torch_all_ignored_mean: nan
    from_scratch_all_ignored_mean: nan
    torch_all_ignored_sum: 0.000000
    """
    generator = torch.Generator().manual_seed(random_seed(seed))
    logits = torch.randn(2, 5, 3, generator=generator, dtype=torch.float64)
    target = torch.tensor([[4, 0, -100],  # a sequence of 2 tokens, padded to 3
                           [1, -100, -100]])  # a sequence of 1 token
    per_position = F.cross_entropy(logits, target, reduction="none")  # 0 at ignored positions
    padding = torch.full_like(target, -100)
    return IgnoreDemo(
        F.cross_entropy(logits, target).item(),
        cross_entropy(logits.numpy(), target.numpy()),
        (per_position.sum() / (target != -100).sum()).item(),
        F.cross_entropy(logits, target, reduction="sum").item(),
        F.cross_entropy(logits, padding).item(),
        cross_entropy(logits.numpy(), padding.numpy()),
        F.cross_entropy(logits, padding, reduction="sum").item(),
    )
# --8<-- [end:demo_ignore]


# --8<-- [start:demo_class_dim]
from typing import NamedTuple

import torch
import torch.nn.functional as F

from snippets.checks import random_seed


class ClassDimDemo(NamedTuple):
    transposed: float  # (N, L, C) -> (N, C, L): classes on dim 1, as PyTorch expects
    flattened: float  # (N * L, C) rows and (N * L,) labels: the same number
    from_scratch: float
    not_transposed: float  # (N, L, C) passed as is: runs when L == C, and is wrong


def class_dim_demo(seed: int = 0) -> ClassDimDemo:
    """A sequence model's output (N, L, C) = (2, 3, 3): a linear layer puts the classes last.

    >>> result = class_dim_demo()
    >>> print(f"{result.transposed:.6f} {result.flattened:.6f} {result.from_scratch:.6f}")
    1.525997 1.525997 1.525997
    >>> print(f"{result.not_transposed:.6f}")
    1.397983
    """
    generator = torch.Generator().manual_seed(random_seed(seed))
    scores = torch.randn(2, 3, 3, generator=generator, dtype=torch.float64)  # (N, L, C)
    target = torch.randint(0, 3, (2, 3), generator=generator)  # (N, L)
    return ClassDimDemo(
        F.cross_entropy(scores.transpose(1, 2), target).item(),
        F.cross_entropy(scores.reshape(-1, 3), target.reshape(-1)).item(),
        cross_entropy(scores.transpose(1, 2).numpy(), target.numpy()),
        F.cross_entropy(scores, target).item(),  # reads dim 1 (positions) as classes
    )
# --8<-- [end:demo_class_dim]


# --8<-- [start:demo_bce]
from typing import NamedTuple

import math

import numpy as np
import torch
import torch.nn.functional as F

from snippets.checks import finite_number


class BceDemo(NamedTuple):
    exact: float  # softplus(z): the true loss of logit z for label 0
    with_logits: float  # BCEWithLogitsLoss, float32
    from_scratch: float  # binary_cross_entropy_with_logits_torch, float32
    bce_of_sigmoid: float  # BCELoss(sigmoid(z)), float32: sigmoid(z) rounds to 1, log(1 - 1) is clamped
    grad_with_logits: float  # d loss / d z
    grad_bce_of_sigmoid: float


def bce_demo(z: float = 20.0) -> BceDemo:
    """One example of class 0 with logit ``z``, in float32: BCELoss after a sigmoid vs BCEWithLogitsLoss.

    >>> report(bce_demo())
    exact: 20.000000
    with_logits: 20.000000
    from_scratch: 20.000000
    bce_of_sigmoid: 100.000000
    grad_with_logits: 1.000000
    grad_bce_of_sigmoid: 0.000000
    """
    z = finite_number(z, "z")
    largest = float(np.finfo(np.float32).max)
    if abs(z) > largest:
        raise ValueError(f"z: is {z:g}, expected a logit that float32 can hold (|z| <= {largest:g})")
    label = torch.tensor([0.0])
    values, grads = [], []
    for loss_fn in (F.binary_cross_entropy_with_logits, binary_cross_entropy_with_logits_torch,
                    lambda logit, y: F.binary_cross_entropy(torch.sigmoid(logit), y)):
        logit = torch.tensor([z], requires_grad=True)  # float32
        loss = loss_fn(logit, label)
        (grad,) = torch.autograd.grad(loss, logit)
        values.append(loss.item())
        grads.append(grad.item())
    exact = max(z, 0.0) + math.log1p(math.exp(-abs(z)))  # softplus(z) = ln(1 + e^z), in float64
    return BceDemo(exact, values[0], values[1], values[2], grads[0], grads[2])
# --8<-- [end:demo_bce]


# --8<-- [start:demo_pos_weight]
from typing import NamedTuple

import torch
import torch.nn.functional as F

from snippets.checks import finite_number


class PosWeightDemo(NamedTuple):
    torch_loss: float  # BCEWithLogitsLoss(pos_weight=3) on 1 positive and 3 negatives, all logits 0
    from_scratch: float
    pull_of_the_positive: float  # its gradient with respect to its logit
    pull_of_the_negatives: float  # the sum of theirs


def pos_weight_demo(pos_weight: float = 3.0) -> PosWeightDemo:
    """pos_weight = (negatives / positives) makes the positives pull as hard as the negatives.

    >>> report(pos_weight_demo())
    torch_loss: 1.039721
    from_scratch: 1.039721
    pull_of_the_positive: -0.375000
    pull_of_the_negatives: 0.375000
    """
    pos_weight = finite_number(pos_weight, "pos_weight")
    if pos_weight < 0:
        raise ValueError(f"pos_weight: is {pos_weight:g}, expected a non-negative weight")
    logits = torch.zeros(4, dtype=torch.float64, requires_grad=True)
    labels = torch.tensor([1.0, 0.0, 0.0, 0.0], dtype=torch.float64)
    weight = torch.tensor([pos_weight], dtype=torch.float64)
    loss = F.binary_cross_entropy_with_logits(logits, labels, pos_weight=weight)
    (grad,) = torch.autograd.grad(loss, logits)
    ours = binary_cross_entropy_with_logits(logits.detach().numpy(), labels.numpy(), pos_weight=[pos_weight])
    return PosWeightDemo(loss.item(), ours, grad[0].item(), grad[1:].sum().item())
# --8<-- [end:demo_pos_weight]


# --8<-- [start:demo_gaussian]
from typing import NamedTuple

import torch
import torch.nn.functional as F

from snippets.checks import finite_number


class GaussianDemo(NamedTuple):
    torch_loss: float  # a good prediction with a small variance: a negative loss
    from_scratch: float
    torch_full: float  # full=True adds 0.5 ln(2 pi): the exact negative log-density
    from_scratch_full: float
    torch_zero_var: float  # var = 0 is clamped to eps
    from_scratch_zero_var: float


def gaussian_demo(mean: float = 0.0, observed: float = 0.1, var: float = 0.01) -> GaussianDemo:
    """GaussianNLLLoss on one observation: negative values, the full constant, the eps clamp.

    >>> report(gaussian_demo())
    torch_loss: -1.802585
    from_scratch: -1.802585
    torch_full: -0.883647
    from_scratch_full: -0.883647
    torch_zero_var: 4993.092245
    from_scratch_zero_var: 4993.092245
    """
    mean, observed, var = finite_number(mean, "mean"), finite_number(observed, "observed"), finite_number(var, "var")
    if var < 0:
        raise ValueError(f"var: is {var:g}, expected a variance >= 0")
    mu, x = torch.tensor([mean], dtype=torch.float64), torch.tensor([observed], dtype=torch.float64)
    v, zero = torch.tensor([var], dtype=torch.float64), torch.zeros(1, dtype=torch.float64)
    return GaussianDemo(
        F.gaussian_nll_loss(mu, x, v).item(), gaussian_nll_loss([mean], [observed], [var]),
        F.gaussian_nll_loss(mu, x, v, full=True).item(), gaussian_nll_loss([mean], [observed], [var], full=True),
        F.gaussian_nll_loss(mu, x, zero).item(), gaussian_nll_loss([mean], [observed], [0.0]),
    )
# --8<-- [end:demo_gaussian]


# --8<-- [start:fig_double_softmax]
def double_softmax_figure():
    """Loss and gradient size for logits (0, 0, 0, m), true class 0, with one softmax and with two."""
    import numpy as np
    import torch
    import torch.nn.functional as F
    from matplotlib.figure import Figure

    margins = np.linspace(-6, 12, 181)
    curves = {False: ([], []), True: ([], [])}
    for m in margins:
        for probs_first, (losses, norms) in curves.items():
            z = torch.tensor([[0.0, 0.0, 0.0, m]], dtype=torch.float64, requires_grad=True)
            scores = torch.softmax(z, dim=1) if probs_first else z
            loss = F.cross_entropy(scores, torch.tensor([0]))
            (grad,) = torch.autograd.grad(loss, z)
            losses.append(loss.item())
            norms.append(grad.norm().item())

    fig = Figure(figsize=(8.6, 3.5), layout="constrained")
    left, right = fig.subplots(1, 2)
    styles = {False: ("tab:blue", "CrossEntropyLoss(logits)"), True: ("tab:red", "CrossEntropyLoss(softmax(logits))")}
    for probs_first, (losses, norms) in curves.items():
        color, label = styles[probs_first]
        left.plot(margins, losses, color=color, label=label)
        right.semilogy(margins, norms, color=color, label=label)
    left.set_ylabel("loss (nats)")
    left.set_ylim(0, 8)
    right.set_ylabel("gradient norm w.r.t. the logits")
    for axes in (left, right):
        axes.set_xlabel("logit m of a wrong class (true class has logit 0)")
        axes.grid(alpha=0.3)
    left.legend(loc="upper left", fontsize="small")
    return fig
# --8<-- [end:fig_double_softmax]
