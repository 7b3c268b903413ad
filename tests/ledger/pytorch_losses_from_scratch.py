"""The worked numbers of the chapter that ``snippets/pytorch_losses_from_scratch.py`` serves."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from snippets.pytorch_losses_from_scratch import (
    agreement_demo,
    differences_demo,
    ignore_index_demo,
    saturated_demo,
    zero_var_demo,
)
from tests.ledger import WorkedNumber


def _torch_values() -> dict[str, float]:
    """PyTorch's own losses on the demo's seeded input, redrawn here: the independent values."""
    gen = torch.Generator().manual_seed(0)
    z = torch.randn(5, 4, generator=gen, dtype=torch.float64)
    y = torch.randint(0, 4, (5,), generator=gen)
    w = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64)
    q = 0.9 * F.one_hot(y, 4).double() + 0.025
    p, t = torch.sigmoid(z), torch.rand(5, 4, generator=gen).double()
    var = torch.rand(5, 4, generator=gen).double()
    soft = torch.softmax(3 * torch.randn(5, 4, generator=gen), dim=1).double()
    padded = y.clone()
    padded[:2] = -100
    gen = torch.Generator().manual_seed(0)
    z2 = torch.randn(3, 4, generator=gen, dtype=torch.float64)
    q2 = torch.softmax(torch.randn(3, 4, generator=gen), dim=1).double()
    return {
        "cross_entropy, smoothing": F.cross_entropy(z, y, w, label_smoothing=0.1).item(),
        "cross_entropy, smoothed target": F.cross_entropy(z, q, w).item(),
        "cross_entropy, ignore_index": F.cross_entropy(z, padded, w, reduction="sum").item(),
        "cross_entropy, soft, smoothing": F.cross_entropy(z, soft, label_smoothing=0.2).item(),
        "nll_loss, ignore_index": F.nll_loss(F.log_softmax(z, dim=1), padded, w).item(),
        "binary_cross_entropy": F.binary_cross_entropy(p, t, weight=w).item(),
        "binary_cross_entropy_with_logits": F.binary_cross_entropy_with_logits(z, t, pos_weight=w).item(),
        "gaussian_nll_loss, full, sum": F.gaussian_nll_loss(z, t, var, full=True, reduction="sum").item(),
        "soft target, ignore_index -100": F.cross_entropy(z2, q2).item(),
    }


_TORCH = _torch_values()
_ZERO_VAR_GRAD = 0.5 * (1 / 1e-6 - 0.01 / 1e-12)  # d/dv 0.5 (ln v + 0.01 / v) at v = eps
_F32_INV_EPS = float(1 / torch.tensor(1e-12))  # (0 - 1) / max(0, 1e-12) in float32, negated
_SOFTMAX_8 = [1 / (3 + math.exp(8))] * 3 + [math.exp(8) / (3 + math.exp(8))]


def _entry(what, exact, compute, prose, rel_tol=1e-9):
    return WorkedNumber(what, "site", "-", exact, compute, "pytorch-losses-from-scratch.md", prose, rel_tol, 1e-12)


def _ours(name):
    return lambda: agreement_demo()[name].ours


def _differs(name, column):
    return lambda: float(differences_demo()[name][column])


#: Every number the from-scratch page states: ours, against PyTorch's own function or a closed form.
WORKED_NUMBERS = [
    _entry(f"from scratch: {name}", _TORCH[name], _ours(name), f"{name:33}" + "{:.6f}")
    for name in ("cross_entropy, smoothing", "cross_entropy, smoothed target", "cross_entropy, ignore_index",
                 "cross_entropy, soft, smoothing", "nll_loss, ignore_index", "binary_cross_entropy",
                 "binary_cross_entropy_with_logits", "gaussian_nll_loss, full, sum")
] + [
    _entry("from scratch: every gradient agrees with torch's", True,
           lambda: all(a.same_gradient for a in agreement_demo().values()), "4.290355  {}"),
    _entry("from scratch: probability target, ignore_index -100", _TORCH["soft target, ignore_index -100"],
           lambda: float(ignore_index_demo()[-100][1]), "ignore_index=-100: 1.946843, {:.6f}", rel_tol=1e-6),
    _entry("BCE gradient at p = 1 (float32 sigmoid(20)), y = 0: PyTorch's capped 1 / 1e-12", _F32_INV_EPS,
           lambda: saturated_demo()["p = sigmoid(20), y = 0"][2], "p = sigmoid(20), y = 0  1e+12     nan       {:g}",
           rel_tol=1e-6),
    _entry("BCE gradient at p = 0, y = 1", -_F32_INV_EPS, lambda: saturated_demo()["p = 0, y = 1"][2],
           "p = 0, y = 1            -1e+12    nan       {:g}", rel_tol=1e-6),
    _entry("Gaussian gradient at var = 0, straight-through", _ZERO_VAR_GRAD, lambda: zero_var_demo()["ours"],
           "ours        {:g}"),
    _entry("the same, in units of 1e9 in the prose", _ZERO_VAR_GRAD / 1e9, lambda: zero_var_demo()["ours"] / 1e9,
           "= {:.4f} \\times 10^9$"),
    _entry("nll_loss fed probabilities (0.1, 0.3, 0.5, 0.1), class 3, by PyTorch", -0.1,
           _differs("probabilities to nll_loss", 0), "probabilities to nll_loss   {:.6f}", rel_tol=1e-6),
    _entry("target row (2, 0, 0) on logits (0, 1, 2), by PyTorch", 2 * math.log(1 + math.e + math.e**2),
           _differs("target row (2, 0, 0)", 0), "target row (2, 0, 0)        {:.6f}", rel_tol=1e-6),
    _entry("a (3, 1) mean against a (3,) target, by PyTorch: 0.5 (0 + 1 + 4 + 1 + 0 + 1 + 4 + 1 + 0) / 9", 2 / 3,
           _differs("mean (3, 1), target (3,)", 0), "mean (3, 1), target (3,)    {:.6f}", rel_tol=1e-6),
    _entry("a double softmax of (0, 0, 0, 8), by ours",
           math.log(sum(math.exp(v) for v in _SOFTMAX_8)) - _SOFTMAX_8[0],
           _differs("a double softmax", 1), "a double softmax            1.743031             {:.6f}", rel_tol=1e-6),
    _entry("a logit masked with -inf, by PyTorch", math.log(math.exp(1.0) + math.exp(0.5)) - 1.0,
           _differs("logit -inf (a mask)", 0), "logit -inf (a mask)         {:.6f}", rel_tol=1e-6),
    _entry("the same masked with -1e9, by ours", math.log(math.exp(1.0) + math.exp(0.5)) - 1.0,
           _differs("logit -1e9 (a mask)", 1), "logit -1e9 (a mask)         0.474077             {:.6f}",
           rel_tol=1e-6),
    _entry("an unbatched input (1, 2, 0.5), class 0, by PyTorch",
           math.log(math.exp(1.0) + math.exp(2.0) + math.exp(0.5)) - 1.0,
           _differs("unbatched, shape (C,)", 0), "unbatched, shape (C,)       {:.6f}", rel_tol=1e-6),
    _entry("one class: the loss is 0, by PyTorch", 0.0, _differs("one class, C = 1", 0),
           "one class, C = 1            {:.6f}"),
]
