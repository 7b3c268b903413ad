"""PyTorch's losses and their pitfalls, each shown by a small demo.

The page ``docs/pytorch-losses.md`` includes its sections in order. Each
``*_demo`` function runs one pitfall in PyTorch and returns the numbers
the page prints, beside a value computed another way (by hand, or by the
right call).
"""

from __future__ import annotations


# --8<-- [start:checks]
from typing import NamedTuple


def check(ok: bool, name: str, what: str, expected: str) -> None:
    """Refuse bad input loudly: which argument, what it was, what we want."""
    if not ok:
        raise ValueError(f"{name}: {what}, expected {expected}")


def report(result: NamedTuple) -> None:
    """Print each number of a demo's result on its own line, to 6 decimals."""
    check(hasattr(result, "_asdict"), "result",
          f"is a {type(result).__name__}", "a demo's result (a NamedTuple)")
    for name, value in result._asdict().items():
        print(f"{name}: {value:.6f}")
# --8<-- [end:checks]


# --8<-- [start:demo_log_probs]
import math
from typing import NamedTuple

import torch
import torch.nn.functional as F


class LogProbsDemo(NamedTuple):
    on_probabilities: float  # NLLLoss fed probabilities: minus their mean
    on_log_probabilities: float  # NLLLoss fed log-probabilities: the NLL
    by_hand: float  # -(ln 0.1 + ln 0.5) / 2


def log_probs_demo() -> LogProbsDemo:
    """NLLLoss picks and negates; fed probabilities, it returns -0.3."""
    p = torch.tensor([[0.1, 0.3, 0.5, 0.1],
                      [0.1, 0.3, 0.5, 0.1]], dtype=torch.float64)
    y = torch.tensor([3, 2])  # the true class of each row
    return LogProbsDemo(
        F.nll_loss(p, y).item(),  # -(0.1 + 0.5) / 2
        F.nll_loss(p.log(), y).item(),
        -(math.log(0.1) + math.log(0.5)) / 2,
    )
# --8<-- [end:demo_log_probs]


# --8<-- [start:demo_composition]
import math
from typing import NamedTuple

import torch
import torch.nn.functional as F


class CompositionDemo(NamedTuple):
    cross_entropy: float  # F.cross_entropy(z, y)
    log_softmax_then_nll: float  # F.nll_loss(F.log_softmax(z, dim=1), y)
    by_hand: float  # -z_y + ln sum_k e^(z_k) = ln(3 + e^8)


def composition_demo() -> CompositionDemo:
    """CrossEntropyLoss is log_softmax followed by NLLLoss."""
    z = torch.tensor([[0.0, 0.0, 0.0, 8.0]], dtype=torch.float64)
    y = torch.tensor([0])
    return CompositionDemo(
        F.cross_entropy(z, y).item(),
        F.nll_loss(F.log_softmax(z, dim=1), y).item(),
        math.log(3 + math.exp(8)),
    )
# --8<-- [end:demo_composition]


# --8<-- [start:demo_double_softmax]
import math
from typing import NamedTuple

import torch
import torch.nn.functional as F


class DoubleSoftmaxDemo(NamedTuple):
    loss: float  # CrossEntropyLoss on the logits, as intended
    loss_double: float  # CrossEntropyLoss on softmax(logits)
    grad_norm: float  # size of the gradient with respect to the logits
    grad_norm_double: float
    floor_double: float  # ln(C - 1 + e) - 1: all mass on the true class
    ceiling_double: float  # ln(C - 1 + e): all mass on a wrong class


def double_softmax_demo() -> DoubleSoftmaxDemo:
    """Logits (0, 0, 0, 8), true class 0: one softmax, then two."""
    y = torch.tensor([0])
    values, norms = [], []
    for twice in (False, True):
        z = torch.tensor([[0.0, 0.0, 0.0, 8.0]], dtype=torch.float64,
                         requires_grad=True)
        scores = torch.softmax(z, dim=1) if twice else z  # the bug
        loss = F.cross_entropy(scores, y)
        loss.backward()
        values.append(loss.item())
        norms.append(z.grad.norm().item())
    corners = torch.eye(4, dtype=torch.float64)  # all mass on one class
    at_corners = F.cross_entropy(corners, y.repeat(4), reduction="none")
    return DoubleSoftmaxDemo(values[0], values[1], norms[0], norms[1],
                             at_corners.min().item(), at_corners.max().item())
# --8<-- [end:demo_double_softmax]


# --8<-- [start:demo_corner]
import math
from typing import NamedTuple

import torch
import torch.nn.functional as F


class CornerDemo(NamedTuple):
    slope_toward_class_1: float  # derivative at the true corner, by autograd
    slope_toward_class_3: float
    closed_form: float  # C / (e + C - 1)
    lowest_of_10000_random_p: float  # never below the corner's value
    corner: float  # ln(C - 1 + e) - 1


def corner_demo() -> CornerDemo:
    """Double-softmax loss f(p) = ln sum_k e^(p_k) - p_0 near p = u_0."""
    classes = 4
    y = torch.tensor([0])
    p = torch.eye(classes, dtype=torch.float64)[:1].requires_grad_()
    F.cross_entropy(p, y).backward()  # p.grad = softmax(p) - u_0
    # p.grad . (u_j - u_0): the slope from the true corner to corner j
    slopes = [(p.grad[0, j] - p.grad[0, 0]).item() for j in (1, 3)]
    gen = torch.Generator().manual_seed(0)
    r = torch.rand(10000, classes, generator=gen, dtype=torch.float64)
    r = -r.log()  # normalised below: uniform points of the simplex
    r = r / r.sum(dim=1, keepdim=True)
    losses = F.cross_entropy(r, y.repeat(10000), reduction="none")
    corner = F.cross_entropy(p.detach(), y).item()
    return CornerDemo(slopes[0], slopes[1],
                      classes / (math.e + classes - 1),
                      losses.min().item(), corner)
# --8<-- [end:demo_corner]


# --8<-- [start:fig_double_softmax]
def double_softmax_figure():
    """Loss and gradient size for logits (0, 0, 0, m), true class 0,
    with one softmax and with two."""
    import numpy as np
    import torch
    import torch.nn.functional as F
    from matplotlib.figure import Figure

    margins = np.linspace(-6, 12, 181)
    curves = {False: ([], []), True: ([], [])}
    for m in margins:
        for twice, (losses, norms) in curves.items():
            z = torch.tensor([[0.0, 0.0, 0.0, m]], dtype=torch.float64,
                             requires_grad=True)
            scores = torch.softmax(z, dim=1) if twice else z
            loss = F.cross_entropy(scores, torch.tensor([0]))
            (grad,) = torch.autograd.grad(loss, z)
            losses.append(loss.item())
            norms.append(grad.norm().item())

    fig = Figure(figsize=(8.6, 3.5), layout="constrained")
    left, right = fig.subplots(1, 2)
    styles = {False: ("tab:blue", "CrossEntropyLoss(logits)"),
              True: ("tab:red", "CrossEntropyLoss(softmax(logits))")}
    for twice, (losses, norms) in curves.items():
        color, label = styles[twice]
        left.plot(margins, losses, color=color, label=label)
        right.semilogy(margins, norms, color=color, label=label)
    left.set_ylabel("loss (nats)")
    left.set_ylim(0, 13)
    right.set_ylabel("gradient norm w.r.t. the logits")
    for axes in (left, right):
        axes.set_xlabel("logit m of a wrong class (true class has logit 0)")
        axes.grid(alpha=0.3)
    left.legend(loc="upper left", fontsize="small")
    return fig
# --8<-- [end:fig_double_softmax]


# --8<-- [start:demo_log_of_softmax]
from typing import NamedTuple

import torch
import torch.nn.functional as F


class LogOfSoftmaxDemo(NamedTuple):
    softmax_then_log: float  # F.nll_loss(softmax(z).log(), y): e^-120 is 0
    log_softmax: float  # F.nll_loss(F.log_softmax(z, dim=1), y)
    cross_entropy: float  # F.cross_entropy(z, y)


def log_of_softmax_demo() -> LogOfSoftmaxDemo:
    """Float32 logits (0, 120), true class 0: the loss is 120 nats."""
    z = torch.tensor([[0.0, 120.0]])  # float32, as models usually are
    y = torch.tensor([0])
    return LogOfSoftmaxDemo(
        F.nll_loss(torch.softmax(z, dim=1).log(), y).item(),
        F.nll_loss(F.log_softmax(z, dim=1), y).item(),
        F.cross_entropy(z, y).item(),
    )
# --8<-- [end:demo_log_of_softmax]


# --8<-- [start:demo_inf_gradient]
from typing import NamedTuple

import torch
import torch.nn.functional as F


class InfGradientDemo(NamedTuple):
    loss: float  # the mean of an infinite loss and a finite one
    grad_of_the_infinite_row: float  # d loss / d z for row 0: NaN
    grad_of_the_finite_row: float  # row 1: finite, (softmax - 1) / 2
    share_of_weight_grads_nan: float  # a layer shared by both rows


def inf_gradient_demo() -> InfGradientDemo:
    """Float32 logits z = x W^T: row 0 is (0, 120), row 1 is (0, 0.5)."""
    x = torch.eye(2)  # two inputs, one per row
    weight = torch.tensor([[0.0, 0.0], [120.0, 0.5]], requires_grad=True)
    z = x @ weight.T
    z.retain_grad()  # keep d loss / d z too
    y = torch.tensor([0, 0])
    loss = F.nll_loss(torch.softmax(z, dim=1).log(), y)
    loss.backward()
    return InfGradientDemo(
        loss.item(), z.grad[0, 0].item(), z.grad[1, 0].item(),
        weight.grad.isnan().double().mean().item(),
    )
# --8<-- [end:demo_inf_gradient]


# --8<-- [start:demo_smoothing]
import math
from typing import NamedTuple

import torch
import torch.nn.functional as F


class SmoothingDemo(NamedTuple):
    label_smoothing: float  # F.cross_entropy(z, y, label_smoothing=0.1)
    smoothed_target: float  # F.cross_entropy(z, q), q smoothed by hand
    floor: float  # the least it can be: at logits ln q
    entropy_of_q: float  # H(q) = -sum_k q_k ln q_k


def smoothing_demo() -> SmoothingDemo:
    """One prediction (0.1, 0.3, 0.5, 0.1), class 3 true, eps = 0.1."""
    z = torch.tensor([[0.1, 0.3, 0.5, 0.1]], dtype=torch.float64).log()
    y, eps, classes = torch.tensor([3]), 0.1, 4
    q = (1 - eps) * F.one_hot(y, classes).double() + eps / classes
    return SmoothingDemo(
        F.cross_entropy(z, y, label_smoothing=eps).item(),
        F.cross_entropy(z, q).item(),
        F.cross_entropy(q.log(), y, label_smoothing=eps).item(),
        -sum(qk * math.log(qk) for qk in q[0].tolist()),
    )
# --8<-- [end:demo_smoothing]


# --8<-- [start:demo_smoothing_weight]
from typing import NamedTuple

import torch
import torch.nn.functional as F


class SmoothingWeightDemo(NamedTuple):
    label_smoothing: float  # class indices: divides by sum_i w[y_i]
    smoothed_target: float  # probabilities: divides by N
    ratio: float  # smoothed_target / label_smoothing
    mean_weight_of_labels: float  # sum_i w[y_i] / N


def smoothing_weight_demo() -> SmoothingWeightDemo:
    """Random logits (5, 4), weight (1, 2, 3, 4), eps = 0.1: two routes."""
    gen = torch.Generator().manual_seed(0)
    z = torch.randn(5, 4, generator=gen, dtype=torch.float64)
    y = torch.randint(0, 4, (5,), generator=gen)
    w = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64)
    q = 0.9 * F.one_hot(y, 4).double() + 0.1 / 4
    by_index = F.cross_entropy(z, y, weight=w, label_smoothing=0.1).item()
    by_target = F.cross_entropy(z, q, weight=w).item()
    return SmoothingWeightDemo(by_index, by_target, by_target / by_index,
                               w[y].mean().item())
# --8<-- [end:demo_smoothing_weight]


# --8<-- [start:demo_unchecked_target]
from typing import NamedTuple

import torch
import torch.nn.functional as F


class UncheckedTargetDemo(NamedTuple):
    target_2_0_0: float  # a "distribution" summing to 2: accepted
    twice_class_0: float  # 2 x the loss with class 0 as a hard label


def unchecked_target_demo() -> UncheckedTargetDemo:
    """Logits (0, 1, 2) with the target row (2, 0, 0)."""
    z = torch.tensor([[0.0, 1.0, 2.0]], dtype=torch.float64)
    q = torch.tensor([[2.0, 0.0, 0.0]], dtype=torch.float64)
    hard = F.cross_entropy(z, torch.tensor([0]))  # class 0 as a label
    return UncheckedTargetDemo(F.cross_entropy(z, q).item(),
                               2 * hard.item())
# --8<-- [end:demo_unchecked_target]


# --8<-- [start:demo_kl_div]
import warnings
from typing import NamedTuple

import torch
import torch.nn.functional as F


class KlDivDemo(NamedTuple):
    by_hand: float  # mean over rows of KL(q || p) = sum_k q_k ln(q_k / p_k)
    batchmean: float  # F.kl_div(ln p, q, reduction="batchmean")
    mean: float  # reduction="mean": divides by N x C, not by N
    probabilities_as_input: float  # F.kl_div(p, q, ...): p not logged


def kl_div_demo() -> KlDivDemo:
    """Targets q and predictions p: 2 rows of 3 classes."""
    q = torch.tensor([[0.5, 0.3, 0.2], [0.1, 0.6, 0.3]], dtype=torch.float64)
    p = torch.tensor([[0.2, 0.5, 0.3], [0.3, 0.3, 0.4]], dtype=torch.float64)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PyTorch warns about "mean"
        mean = F.kl_div(p.log(), q, reduction="mean")
    return KlDivDemo(
        (q * (q / p).log()).sum(dim=1).mean().item(),
        F.kl_div(p.log(), q, reduction="batchmean").item(),
        mean.item(),
        F.kl_div(p, q, reduction="batchmean").item(),  # the bug
    )
# --8<-- [end:demo_kl_div]


# --8<-- [start:demo_weights]
from typing import NamedTuple

import torch
import torch.nn.functional as F


class WeightDemo(NamedTuple):
    pytorch_mean: float  # sum_i w[y_i] l_i / sum_i w[y_i]
    sum_of_weights: float  # sum_i w[y_i]
    divided_by_n: float  # sum_i w[y_i] l_i / N
    unweighted: float  # the plain mean of l_i


def weight_demo() -> WeightDemo:
    """Three examples, two classes, the second class weighted 4."""
    p = torch.tensor([[0.8, 0.2], [0.6, 0.4], [0.3, 0.7]], dtype=torch.float64)
    z, y = p.log(), torch.tensor([0, 0, 1])
    w = torch.tensor([1.0, 4.0], dtype=torch.float64)
    weighted = F.cross_entropy(z, y, weight=w, reduction="none")  # w[y_i] l_i
    return WeightDemo(
        F.cross_entropy(z, y, weight=w).item(),
        w[y].sum().item(),
        weighted.sum().item() / len(y),
        F.cross_entropy(z, y).item(),
    )
# --8<-- [end:demo_weights]


# --8<-- [start:demo_weight_bias]
from typing import Callable, NamedTuple

import torch
import torch.nn.functional as F
from torch.distributions import Multinomial


def over_batches(statistic: Callable, n: int) -> float:
    """The exact average of statistic(c) over every batch of n uniform
    draws from 3 examples; c counts how often each example is drawn."""
    check(type(n) is int and n >= 1, "n", f"is {n!r}", "an int >= 1")
    draws = Multinomial(n, probs=torch.full((3,), 1 / 3).double())
    total = 0.0
    for a in range(n + 1):
        for b in range(n + 1 - a):
            c = torch.tensor([a, b, n - a - b], dtype=torch.float64)
            total += draws.log_prob(c).exp().item() * float(statistic(c))
    return total


class WeightBiasDemo(NamedTuple):
    reweighted_risk: float  # E[w_Y l] / E[w_Y]
    pytorch_mean_n1: float  # PyTorch's mean, averaged over batches of 1
    pytorch_mean_n2: float  # ... over batches of 2
    pytorch_mean_n10: float
    pytorch_mean_n100: float
    weighted_risk: float  # E[w_Y l]
    divided_by_n_n2: float  # sum_i w l / n, averaged over batches of 2
    divided_by_n_n2_distinct: float  # ... of 2 different examples


def weight_bias_demo() -> WeightBiasDemo:
    """Batches drawn from weight_demo's three examples: each batch mean,
    averaged exactly over every batch of n."""
    p = torch.tensor([[0.8, 0.2], [0.6, 0.4], [0.3, 0.7]], dtype=torch.float64)
    y = torch.tensor([0, 0, 1])
    w = torch.tensor([1.0, 4.0], dtype=torch.float64)[y]  # w[y_i]
    loss = F.cross_entropy(p.log(), y, reduction="none")  # l_i
    pytorch = lambda c: (c * w * loss).sum() / (c * w).sum()
    by_n = lambda c: (c * w * loss).sum() / c.sum()
    pairs = 1 - torch.eye(3, dtype=torch.float64)  # 2 different examples
    distinct = sum(by_n(c) for c in pairs)
    return WeightBiasDemo(
        ((w * loss).mean() / w.mean()).item(),
        *(over_batches(pytorch, n) for n in (1, 2, 10, 100)),
        (w * loss).mean().item(),
        over_batches(by_n, 2),
        (distinct / 3).item(),  # the 3 pairs are equally likely
    )
# --8<-- [end:demo_weight_bias]


# --8<-- [start:demo_weight_spread]
from typing import NamedTuple

import torch
import torch.nn.functional as F


class WeightSpreadDemo(NamedTuple):
    target: float  # E[w_Y l], which E[w_Y] x PyTorch's mean also aims at
    mse_2x_pytorch_mean_n2: float  # E[(estimate - target)^2], batches of 2
    mse_divided_by_n_n2: float
    mse_2x_pytorch_mean_n10: float  # ... batches of 10
    mse_divided_by_n_n10: float


def weight_spread_demo() -> WeightSpreadDemo:
    """Both conventions aimed at one target: their mean squared errors."""
    p = torch.tensor([[0.8, 0.2], [0.6, 0.4], [0.3, 0.7]], dtype=torch.float64)
    y = torch.tensor([0, 0, 1])
    w = torch.tensor([1.0, 4.0], dtype=torch.float64)[y]  # w[y_i]
    loss = F.cross_entropy(p.log(), y, reduction="none")  # l_i
    target, scale = (w * loss).mean(), w.mean()  # E[w_Y l], E[w_Y] = 2
    pytorch = lambda c: scale * (c * w * loss).sum() / (c * w).sum()
    by_n = lambda c: (c * w * loss).sum() / c.sum()
    mse = lambda mean, n: over_batches(lambda c: (mean(c) - target)**2, n)
    return WeightSpreadDemo(target.item(), mse(pytorch, 2), mse(by_n, 2),
                            mse(pytorch, 10), mse(by_n, 10))
# --8<-- [end:demo_weight_spread]


# --8<-- [start:demo_weight_pitfall]
from typing import NamedTuple

import torch
import torch.nn.functional as F


class WeightPitfallDemo(NamedTuple):
    one_example_weighted: float  # weight=(1, 4) on a batch of one
    one_example_unweighted: float
    one_class_weighted: float  # weight=(1, 4) on a batch of class 1 only
    one_class_unweighted: float
    one_class_smoothed_weighted: float  # the same with label_smoothing 0.1
    one_class_smoothed_unweighted: float


def weight_pitfall_demo() -> WeightPitfallDemo:
    """Batches of one class: weight vanishes, unless labels are smoothed."""
    p = torch.tensor([[0.8, 0.2], [0.6, 0.4], [0.3, 0.7]], dtype=torch.float64)
    z, w = p.log(), torch.tensor([1.0, 4.0], dtype=torch.float64)
    one, same = torch.tensor([1]), torch.tensor([1, 1, 1])
    return WeightPitfallDemo(
        F.cross_entropy(z[2:], one, weight=w).item(),
        F.cross_entropy(z[2:], one).item(),
        F.cross_entropy(z, same, weight=w).item(),
        F.cross_entropy(z, same).item(),
        F.cross_entropy(z, same, weight=w, label_smoothing=0.1).item(),
        F.cross_entropy(z, same, label_smoothing=0.1).item(),
    )
# --8<-- [end:demo_weight_pitfall]


# --8<-- [start:demo_weighted_fit]
from typing import NamedTuple

import torch
import torch.nn.functional as F


class WeightedFitDemo(NamedTuple):
    fitted: float  # class 1's softmax, fitted with weight (1, 4)
    undone: float  # p_k / w_k renormalised, at class 1
    frequency: float  # class 1's share of the labels


def weighted_fit_demo() -> WeightedFitDemo:
    """One logit vector for the labels (0, 0, 1), fitted with weight
    (1, 4) by 200 steps of gradient descent."""
    y = torch.tensor([0, 0, 1])
    w = torch.tensor([1.0, 4.0], dtype=torch.float64)
    z = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    optimiser = torch.optim.SGD([z], lr=1.0)
    for _ in range(200):
        optimiser.zero_grad()
        F.cross_entropy(z.expand(3, 2), y, weight=w).backward()
        optimiser.step()
    p = torch.softmax(z.detach(), dim=0)
    undone = (p / w) / (p / w).sum()
    return WeightedFitDemo(p[1].item(), undone[1].item(),
                           (y == 1).double().mean().item())
# --8<-- [end:demo_weighted_fit]


# --8<-- [start:demo_batch_fit]
import math
from typing import Callable, NamedTuple

import torch
import torch.nn.functional as F


def golden_min(f: Callable[[float], float], lo: float, hi: float) -> float:
    """Where f, which has one minimum on [lo, hi], is least (golden-section
    search: each step drops the end that cannot hold the minimum)."""
    check(lo < hi, "hi", f"is {hi!r}", f"a number above lo = {lo!r}")
    g = (math.sqrt(5) - 1) / 2  # 0.618...
    for _ in range(60):  # [lo, hi] shrinks by 0.618^60, about 3e-13
        a, b = hi - g * (hi - lo), lo + g * (hi - lo)
        lo, hi = (lo, b) if f(a) < f(b) else (a, hi)
    return (lo + hi) / 2


class BatchFitDemo(NamedTuple):
    reweighted: float  # class 1's fitted p: least E[w l] / E[w]
    pytorch_mean_n2: float  # least PyTorch's mean averaged over batches of 2
    share_n2: float  # class 1's share of a batch's weight, averaged
    divided_by_n_n2: float  # least sum / n averaged over batches of 2
    undone_n2: float  # pytorch_mean_n2 with the weights divided out


def batch_fit_demo() -> BatchFitDemo:
    """weight_demo's labels (0, 0, 1), weight (1, 4), one logit vector
    (0, t) for all: class 1's probability where each average is least."""
    y = torch.tensor([0, 0, 1])
    weight = torch.tensor([1.0, 4.0], dtype=torch.float64)
    w = weight[y]  # w[y_i]

    def losses(t: float) -> torch.Tensor:  # l_i under the logits (0, t)
        z = torch.tensor([[0.0, t]], dtype=torch.float64).expand(3, 2)
        return F.cross_entropy(z, y, reduction="none")

    def fit(risk: Callable[[torch.Tensor], float]) -> float:
        t = golden_min(lambda t: float(risk(losses(t))), -10.0, 10.0)
        return 1 / (1 + math.exp(-t))  # class 1's softmax at (0, t)

    pytorch = lambda c, l: (c * w * l).sum() / (c * w).sum()
    by_n = lambda c, l: (c * w * l).sum() / c.sum()
    fitted = fit(lambda l: over_batches(lambda c: pytorch(c, l), 2))
    p = torch.tensor([1 - fitted, fitted], dtype=torch.float64)
    return BatchFitDemo(
        fit(lambda l: pytorch(torch.ones(3), l)),  # each example once
        fitted,
        over_batches(lambda c: (c * w)[y == 1].sum() / (c * w).sum(), 2),
        fit(lambda l: over_batches(lambda c: by_n(c, l), 2)),
        ((p / weight) / (p / weight).sum())[1].item(),
    )
# --8<-- [end:demo_batch_fit]


# --8<-- [start:demo_ignore]
from typing import NamedTuple

import torch
import torch.nn.functional as F


class IgnoreDemo(NamedTuple):
    mean: float  # over the positions that are not ignored
    mean_of_real_tokens: float  # the same, by hand from reduction="none"
    sum: float


def ignore_demo() -> IgnoreDemo:
    """Two padded sequences, (N, C, L) = (2, 5, 3); padding is -100."""
    gen = torch.Generator().manual_seed(0)
    z = torch.randn(2, 5, 3, generator=gen, dtype=torch.float64)
    y = torch.tensor([[4, 0, -100],  # 2 tokens, padded to 3
                      [1, -100, -100]])  # 1 token
    each = F.cross_entropy(z, y, reduction="none")  # 0 where ignored
    return IgnoreDemo(
        F.cross_entropy(z, y).item(),
        (each.sum() / (y != -100).sum()).item(),
        F.cross_entropy(z, y, reduction="sum").item(),
    )
# --8<-- [end:demo_ignore]


# --8<-- [start:demo_all_ignored]
from typing import NamedTuple

import torch
import torch.nn.functional as F


class AllIgnoredDemo(NamedTuple):
    mean: float  # 0 / 0
    sum: float
    largest_gradient: float  # of the mean, through a plain backward()
    largest_weight_change: float  # after one SGD step on that gradient
    task_weight_gradient: float  # d/ds of e^(-s) * mean + s
    task_weight_after_step: float


def all_ignored_demo() -> AllIgnoredDemo:
    """A linear layer scores 2 sequences of 3 padding tokens, 5 classes."""
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(2, 3, 4, generator=gen, dtype=torch.float64)
    layer = torch.nn.Linear(4, 5, dtype=torch.float64)
    padding = torch.full((2, 3), -100)  # every target ignored
    loss = lambda reduction="mean": F.cross_entropy(
        layer(x).transpose(1, 2), padding, reduction=reduction)  # (N, C, L)
    before = layer.weight.detach().clone()
    loss().backward()  # the plain training step
    grad = max(p.grad.abs().max().item() for p in layer.parameters())
    torch.optim.SGD(layer.parameters(), lr=0.1).step()
    s = torch.zeros((), dtype=torch.float64, requires_grad=True)
    (torch.exp(-s) * loss() + s).backward()  # a learned loss weight e^(-s)
    torch.optim.SGD([s], lr=0.1).step()
    return AllIgnoredDemo(
        loss().item(), loss("sum").item(), grad,
        (layer.weight - before).abs().max().item(),
        s.grad.item(), s.item(),
    )
# --8<-- [end:demo_all_ignored]


# --8<-- [start:demo_class_dim]
from typing import NamedTuple

import torch
import torch.nn.functional as F


class ClassDimDemo(NamedTuple):
    transposed: float  # (N, L, C) -> (N, C, L): classes on dim 1
    flattened: float  # (N * L, C) rows and (N * L,) labels
    not_transposed: float  # (N, L, C) as is: runs when L == C; wrong


def class_dim_demo() -> ClassDimDemo:
    """A sequence model's output (N, L, C) = (2, 3, 3): classes last."""
    gen = torch.Generator().manual_seed(0)
    scores = torch.randn(2, 3, 3, generator=gen, dtype=torch.float64)
    y = torch.randint(0, 3, (2, 3), generator=gen)  # (N, L)
    return ClassDimDemo(
        F.cross_entropy(scores.transpose(1, 2), y).item(),
        F.cross_entropy(scores.reshape(-1, 3), y.reshape(-1)).item(),
        F.cross_entropy(scores, y).item(),  # reads positions as classes
    )
# --8<-- [end:demo_class_dim]


# --8<-- [start:demo_bce]
import math
from typing import NamedTuple

import torch
import torch.nn.functional as F


class BceDemo(NamedTuple):
    exact: float  # ln(1 + e^z), in float64
    with_logits: float  # BCEWithLogitsLoss, float32
    bce_of_sigmoid: float  # BCELoss(sigmoid(z)), float32: clamped at 100
    grad_with_logits: float  # d loss / d z
    grad_bce_of_sigmoid: float
    bce_with_weight_2: float  # the clamp caps the loss at 100 x weight


def bce_demo() -> BceDemo:
    """One example of class 0 scored with logit 20, in float32."""
    y = torch.tensor([0.0])
    losses = (F.binary_cross_entropy_with_logits,
              lambda z, y: F.binary_cross_entropy(torch.sigmoid(z), y))
    values, grads = [], []
    for loss_fn in losses:
        z = torch.tensor([20.0], requires_grad=True)  # float32
        loss = loss_fn(z, y)
        loss.backward()
        values.append(loss.item())
        grads.append(z.grad.item())
    exact = 20 + math.log1p(math.exp(-20))  # ln(1 + e^20)
    p = torch.sigmoid(torch.tensor([20.0]))  # exactly 1 in float32
    weighted = F.binary_cross_entropy(p, y, weight=torch.tensor([2.0]))
    return BceDemo(exact, values[0], values[1], grads[0], grads[1],
                   weighted.item())
# --8<-- [end:demo_bce]


# --8<-- [start:demo_pos_weight]
from typing import NamedTuple

import torch
import torch.nn.functional as F


class PosWeightDemo(NamedTuple):
    loss: float  # 1 positive, 3 negatives, all at logit 0, pos_weight 3
    pull_of_the_positive: float  # its gradient with respect to its logit
    pull_of_the_negatives: float  # the sum of theirs
    balanced_sigmoid: float  # sigma(0), where the pulls cancel
    undone: float  # its odds divided by pos_weight, back to a probability


def pos_weight_demo() -> PosWeightDemo:
    """pos_weight = negatives / positives: both sides pull equally."""
    z = torch.zeros(4, dtype=torch.float64, requires_grad=True)
    y = torch.tensor([1.0, 0.0, 0.0, 0.0], dtype=torch.float64)
    pos_weight = torch.tensor([3.0], dtype=torch.float64)
    loss = F.binary_cross_entropy_with_logits(z, y, pos_weight=pos_weight)
    loss.backward()
    sigma = torch.sigmoid(z[0]).item()
    odds = sigma / (1 - sigma) / pos_weight.item()
    return PosWeightDemo(loss.item(), z.grad[0].item(),
                         z.grad[1:].sum().item(), sigma, odds / (1 + odds))
# --8<-- [end:demo_pos_weight]


# --8<-- [start:demo_gaussian]
from typing import NamedTuple

import torch
import torch.nn.functional as F


class GaussianDemo(NamedTuple):
    loss: float  # a good prediction with a small variance: negative
    full: float  # full=True adds 0.5 ln(2 pi)
    minus_log_density: float  # -Normal(0, 0.1).log_prob(0.1)
    zero_var: float  # var = 0 is clamped to eps = 1e-6
    zero_var_grad: float  # d loss / d var at var = 0: the one at eps
    torch_clamp_grad: float  # the same through torch.clamp: 0
    exact_fit_zero_var: float  # x = mu, var = 0: ln(eps) / 2
    exact_fit_zero_var_grad: float  # 1 / (2 eps) > 0: pushes var down


def gaussian_demo() -> GaussianDemo:
    """Prediction mean 0, variance 0.01, for the observation 0.1."""
    mu = torch.tensor([0.0], dtype=torch.float64)
    x = torch.tensor([0.1], dtype=torch.float64)
    var = torch.tensor([0.01], dtype=torch.float64)
    normal = torch.distributions.Normal(mu, var.sqrt())
    zero = torch.zeros_like(var, requires_grad=True)
    at_zero = F.gaussian_nll_loss(mu, x, zero)
    (grad,) = torch.autograd.grad(at_zero, zero)
    clamped = F.gaussian_nll_loss(mu, x, zero.clamp(min=1e-6))
    (clamp_grad,) = torch.autograd.grad(clamped, zero)
    exact_fit = F.gaussian_nll_loss(mu, mu, zero)  # the observation is mu
    (fit_grad,) = torch.autograd.grad(exact_fit, zero)
    return GaussianDemo(
        F.gaussian_nll_loss(mu, x, var).item(),
        F.gaussian_nll_loss(mu, x, var, full=True).item(),
        -normal.log_prob(x).item(),
        at_zero.item(), grad.item(), clamp_grad.item(),
        exact_fit.item(), fit_grad.item(),
    )
# --8<-- [end:demo_gaussian]
