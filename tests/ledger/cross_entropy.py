"""The worked numbers of the chapter that ``snippets/cross_entropy.py`` serves: each with its independent value."""

from __future__ import annotations

import math

import numpy as np
import torch

from snippets.cross_entropy import *  # noqa: F401,F403 - the entries call the chapter's functions
from snippets import cross_entropy as chapter  # noqa: F401
from tests.ledger import WorkedNumber

def _logit_gradient(probs, label: int) -> list[float]:
    """d CE / d logits for logits = ln(probs): softmax(logits) - one_hot(label), by autograd."""
    import torch

    logits = torch.tensor([probs], dtype=torch.float64).log().requires_grad_()
    softmax_cross_entropy_torch(logits, torch.tensor([label])).backward()
    return logits.grad[0].tolist()


def _float32_stable_loss() -> float:
    import torch

    return softmax_cross_entropy_torch(torch.tensor([[10000.0, 0.0, -10000.0]]), torch.tensor([1])).item()


_PROBS = [0.1, 0.3, 0.5, 0.1]
_YHAT, _Y = [0.9, 0.2, 0.7, 0.4], [1, 0, 1, 1]
_P, _UNIFORM = [0.5, 0.25, 0.25], [1 / 3, 1 / 3, 1 / 3]
_LABELS, _Q = [0, 0, 1, 2, 0, 1, 0, 2, 0, 1], [0.6, 0.2, 0.2]
_LN = math.log
_H_DATA = -(0.5 * _LN(0.5) + 0.3 * _LN(0.3) + 0.2 * _LN(0.2))
_NLL_DATA = -(0.5 * _LN(0.6) + 0.3 * _LN(0.2) + 0.2 * _LN(0.2))
_SMOOTH_4TH = 0.95 * _LN(10) + 0.025 * _LN(10 / 3) + 0.025 * _LN(2)
_SMOOTH_3RD = 0.05 * _LN(10) + 0.025 * _LN(10 / 3) + 0.925 * _LN(2)


def _entry(what, exact, compute, prose, source="site", shown="-", rel_tol=1e-12, abs_tol=0.0):
    return WorkedNumber(what, source, shown, exact, compute, "cross-entropy.md", prose, rel_tol, abs_tol)


#: Every number the cross-entropy chapter states. ``exact`` comes from WORKED_NUMBERS.md or a closed form.
WORKED_NUMBERS = [
    _entry("binary example: loss of y=1, y_hat=0.9", -_LN(0.9), lambda: binary_cross_entropy([0.9], [1]),
           "-\\ln 0.9 = {:.6f}"),
    _entry("binary example: loss of y=0, y_hat=0.2", -_LN(0.8), lambda: binary_cross_entropy([0.2], [0]),
           "-\\ln 0.8 = {:.6f}"),
    _entry("binary example: loss of y=1, y_hat=0.7", -_LN(0.7), lambda: binary_cross_entropy([0.7], [1]),
           "-\\ln 0.7 = {:.6f}"),
    _entry("binary example: loss of y=1, y_hat=0.4", -_LN(0.4), lambda: binary_cross_entropy([0.4], [1]),
           "-\\ln 0.4 = {:.6f}"),
    _entry("binary example: Bernoulli likelihood", 0.9 * 0.8 * 0.7 * 0.4, lambda: bernoulli_likelihood(_YHAT, _Y),
           "0.7 \\cdot 0.4 = {:.4f}"),
    _entry("binary example: log-likelihood", _LN(0.2016), lambda: bernoulli_log_likelihood(_YHAT, _Y),
           "\\ln L = {:.6f}"),
    _entry("binary example: mean BCE in nats", -_LN(0.2016) / 4, lambda: binary_cross_entropy(_YHAT, _Y),
           "mean binary cross-entropy is {:.6f} nats"),
    _entry("binary example: mean BCE in bits", -math.log2(0.2016) / 4, lambda: binary_cross_entropy(_YHAT, _Y, base=2),
           "in base 2, {:.6f} bits"),
    _entry("NLL = -ln 0.1", 2.302585092994046, lambda: nll_and_cross_entropy(_PROBS, 3)[1],
           "= -\\ln 0.1 = {:.6f} \\text{{ nats}}", source="seed 000", shown="2.3", rel_tol=1e-15),
    _entry("NLL = -ln 0.5", 0.6931471805599453, lambda: nll_and_cross_entropy(_PROBS, 2)[1],
           "= -\\ln 0.5 = {:.6f}$ nats", source="seed 000", shown="0.69", rel_tol=1e-15),
    _entry("KL example: H(p) in bits", 1.5, lambda: entropy(_P, base=2), "2 \\cdot 0.25 \\cdot 2 =$ {:g} bits"),
    _entry("KL example: H(p, q) in bits", math.log2(3), lambda: cross_entropy(_P, _UNIFORM, base=2),
           "H(p, q) = \\log_2 3 = {:.6f}$ bits"),
    _entry("KL example: KL(p || q) in bits", math.log2(3) - 1.5, lambda: kl_divergence(_P, _UNIFORM, base=2),
           "\\mathrm{{KL}}(p \\,\\|\\, q) = {:.6f}$ bits", rel_tol=1e-9),
    _entry("KL example: KL(q || p) in bits", 5 / 3 - math.log2(3), lambda: kl_divergence(_UNIFORM, _P, base=2),
           "\\mathrm{{KL}}(q \\,\\|\\, p) = {:.6f}$ bits", rel_tol=1e-9),
    _entry("KL example: H(p) in nats", 1.5 * _LN(2), lambda: entropy(_P), "$H(p) = {:.6f}$ nats"),
    _entry("KL example: H(p, q) in nats", _LN(3), lambda: cross_entropy(_P, _UNIFORM),
           "H(p, q) = \\ln 3 = {:.6f}$ nats"),
    _entry("KL example: KL(p || q) in nats", _LN(3) - 1.5 * _LN(2), lambda: kl_divergence(_P, _UNIFORM),
           "\\mathrm{{KL}}(p \\,\\|\\, q) = {:.6f}$ nats", rel_tol=1e-9),
    _entry("entropy of a fair coin in bits", 1.0, lambda: bernoulli_entropy(0.5), "H(0.5) = {:g}$ bit"),
    _entry("entropy of a fair coin in nats", _LN(2), lambda: bernoulli_entropy(0.5, base=math.e),
           "that is, {:.6f} nats"),
    _entry("entropy of a p = 0.1 coin in bits", -(0.1 * math.log2(0.1) + 0.9 * math.log2(0.9)),
           lambda: bernoulli_entropy(0.1), "p = 0.1$ carries {:.6f} bits"),
    _entry("data set: mean NLL = H(p_hat) + KL(p_hat || q)", (_NLL_DATA, _H_DATA, _NLL_DATA - _H_DATA),
           lambda: (lambda parts: (parts.mean_nll, parts.entropy, parts.kl))(decompose_mean_nll(_LABELS, _Q)),
           "\\mathrm{{NLL}} = {:.6f} = {:.6f} + {:.6f}", rel_tol=1e-9),
    _entry("data set: the best constant model's mean NLL", _H_DATA,
           lambda: decompose_mean_nll(_LABELS, [0.5, 0.3, 0.2]).mean_nll, "equals $H(\\hat p) = {:.6f}$ nats"),
    _entry("naive softmax cross-entropy of logits (1e4, 0, -1e4), class 0", math.nan,
           lambda: naive_softmax_cross_entropy(np.array([1e4, 0.0, -1e4], dtype=np.float32), 0), "gives `{}` for class 0"),
    _entry("naive softmax cross-entropy of logits (1e4, 0, -1e4), class 1", math.inf,
           lambda: naive_softmax_cross_entropy(np.array([1e4, 0.0, -1e4], dtype=np.float32), 1), "and `{}` for class 1"),
    _entry("stable float32 cross-entropy of logits (1e4, 0, -1e4), class 1", 10000.0, _float32_stable_loss,
           "exactly {:.1f} nats, in float32"),
    _entry("soft label (0, 0, 0.7, 0.3) against the 4-class prediction", 0.7 * _LN(2) + 0.3 * _LN(10),
           lambda: categorical_cross_entropy(_PROBS, [0, 0, 0.7, 0.3]), "0.3 \\ln 0.1) = {:.6f}"),
    _entry("entropy of the soft label (0, 0, 0.7, 0.3)", -(0.7 * _LN(0.7) + 0.3 * _LN(0.3)),
           lambda: entropy([0, 0, 0.7, 0.3]), "that target's entropy, {:.6f} nats"),
    _entry("smoothed target, eps 0.1, 4th of 4 classes true", (0.025, 0.025, 0.025, 0.925),
           lambda: smooth_labels([3], 4, 0.1)[0], "$q = ({:.3f}, {:.3f}, {:.3f}, {:.3f})$", rel_tol=1e-12, abs_tol=1e-15),
    _entry("label smoothing 0.1, 4th class true", _SMOOTH_4TH,
           lambda: categorical_cross_entropy(_PROBS, smooth_labels([3], 4, 0.1)[0]), "0.025 \\ln 2 = {:.6f} \\text{{ nats}}"),
    _entry("NLL = -ln 0.1, beside the smoothed value", 2.302585092994046, lambda: nll(_PROBS, 3),
           "compared with {:.6f} nats without smoothing", shown="2.3", rel_tol=1e-15),
    _entry("label smoothing 0.1, 3rd class true; and unsmoothed", (_SMOOTH_3RD, _LN(2)),
           lambda: (categorical_cross_entropy(_PROBS, smooth_labels([2], 4, 0.1)[0]), nll(_PROBS, 2)),
           "the loss is {:.6f} nats, compared with {:.6f}"),
    _entry("entropy of the smoothed target (0.025, 0.025, 0.025, 0.925)",
           -(0.075 * _LN(0.025) + 0.925 * _LN(0.925)), lambda: entropy(smooth_labels([3], 4, 0.1)[0]),
           "H(q) = {:.6f}$ nats"),
    _entry("multi-label BCE of (0.8, 0.1, 0.6, 0.3) against (1, 0, 1, 0)",
           -(_LN(0.8) + _LN(0.9) + _LN(0.6) + _LN(0.7)) / 4,
           lambda: binary_cross_entropy([0.8, 0.1, 0.6, 0.3], [1, 0, 1, 0]), "\\ln 0.7)/4 = {:.6f}$ nats"),
    _entry("best softmax cross-entropy for the target (0.5, 0, 0.5, 0)", _LN(2),
           lambda: categorical_cross_entropy([0.5, 0, 0.5, 0], [0.5, 0, 0.5, 0]), "\\ln 2 = {:.6f}$ nats, not 0"),
    _entry("NLL of a 0.001 probability on the truth", -_LN(0.001), lambda: nll([0.001, 0.999], 0),
           "-\\ln 0.001 = {:.6f}$ nats"),
    _entry("gradient of CE w.r.t. the logits, 4-class example, 4th class true", (0.1, 0.3, 0.5, -0.9),
           lambda: _logit_gradient(_PROBS, 3), "$({:.1f}, {:.1f}, {:.1f}, {:.1f})$", abs_tol=1e-12),
    _entry("entropy of the model (0.6, 0.2, 0.2) and of the best model p_hat",
           (-(0.6 * _LN(0.6) + 0.4 * _LN(0.2)), _H_DATA), lambda: (entropy(_Q), entropy([0.5, 0.3, 0.2])),
           "has entropy {:.6f} nats, which is *lower* than the {:.6f} nats"),
]
