"""The worked numbers of the chapter that ``snippets/pytorch_losses.py`` serves: each with its independent value."""

from __future__ import annotations

import math

import numpy as np
import torch

from snippets.pytorch_losses import *  # noqa: F401,F403 - the entries call the chapter's functions
from snippets import pytorch_losses as chapter  # noqa: F401
from tests.ledger import WorkedNumber

# --- The ledger: every number the page states, against an independent value ---

def _np_log_softmax(x, axis):
    """Log-softmax by NumPy's own log-add-exp, independent of the code above."""
    return x - np.logaddexp.reduce(x, axis=axis, keepdims=True)


def _double_softmax_exact() -> dict[str, float]:
    z = np.array([0.0, 0.0, 0.0, 8.0])
    p = np.exp(_np_log_softmax(z, 0))
    s = np.exp(_np_log_softmax(p, 0))
    jacobian = np.diag(p) - np.outer(p, p)
    grad_norm = float(np.linalg.norm(p - [1, 0, 0, 0]))
    grad_norm_double = float(np.linalg.norm(jacobian.T @ (s - [1, 0, 0, 0])))
    return {"loss": math.log(3 + math.exp(8)), "loss_double": float(-np.log(s[0])), "grad_norm": grad_norm,
            "grad_norm_double": grad_norm_double, "ratio": round(grad_norm / grad_norm_double, -2)}


def _seeded_demo_exact() -> dict[str, float]:
    logits = torch.randn(2, 5, 3, generator=torch.Generator().manual_seed(0), dtype=torch.float64).numpy()
    log_probs = _np_log_softmax(logits, 1)
    real = [-log_probs[0, 4, 0], -log_probs[0, 0, 1], -log_probs[1, 1, 0]]  # (n, class, position)
    generator = torch.Generator().manual_seed(0)
    scores = torch.randn(2, 3, 3, generator=generator, dtype=torch.float64).numpy()  # (N, L, C)
    target = torch.randint(0, 3, (2, 3), generator=generator).numpy()
    n, l = np.meshgrid(range(2), range(3), indexing="ij")
    right = -_np_log_softmax(scores, 2)[n, l, target].mean()
    wrong = -_np_log_softmax(scores, 1)[n, target, l].mean()  # dim 1 read as the classes
    return {"ignore_mean": float(np.mean(real)), "ignore_sum": float(np.sum(real)),
            "class_dim": float(right), "class_dim_wrong": float(wrong)}


_DOUBLE = _double_softmax_exact()
_SEEDED = _seeded_demo_exact()
_LN = math.log
_SMOOTHED = 0.95 * _LN(10) + 0.025 * _LN(10 / 3) + 0.025 * _LN(2)
_WEIGHTED_TOTAL = _LN(1 / 0.8) + _LN(1 / 0.6) + 4 * _LN(1 / 0.7)
_GAUSSIAN = 0.5 * (_LN(0.01) + 1)
_HALF_LN_2PI = 0.5 * _LN(2 * math.pi)
_F32_SIGMOID_20 = np.float32(1) / (np.float32(1) + np.exp(np.float32(-20)))  # rounds to exactly 1


def _field(demo, name: str):
    return lambda: getattr(demo(), name)


def _entry(what, exact, compute, prose, rel_tol=1e-9, abs_tol=1e-12, source="site"):
    return WorkedNumber(what, source, "-", exact, compute, "pytorch-losses.md", prose, rel_tol, abs_tol)


#: Every number the PyTorch page states. ``exact`` is a closed form or an independent NumPy computation.
WORKED_NUMBERS = [
    _entry("NLLLoss fed probabilities", -0.3, _field(log_probs_demo, "torch_on_probabilities"),
           "torch_on_probabilities: {:.6f}"),
    _entry("NLLLoss fed log-probabilities", (_LN(10) + _LN(2)) / 2, _field(log_probs_demo, "torch_on_log_probabilities"),
           "torch_on_log_probabilities: {:.6f}"),
    _entry("nll_loss from scratch", (_LN(10) + _LN(2)) / 2, _field(log_probs_demo, "from_scratch"), "from_scratch: {:.6f}"),
    _entry("CrossEntropyLoss of logits (0, 0, 0, 8), class 0, in the composition demo", _DOUBLE["loss"],
           _field(composition_demo, "log_softmax_then_nll_loss"), "log_softmax_then_nll_loss: {:.6f}"),
    _entry("CrossEntropyLoss of logits (0, 0, 0, 8), class 0", _DOUBLE["loss"], _field(double_softmax_demo, "loss"),
           "\\ln(3 + e^8) = {:.6f}$ nats"),
    _entry("the same after a double softmax", _DOUBLE["loss_double"], _field(double_softmax_demo, "loss_double"),
           "The double softmax reports {:.6f}"),
    _entry("double softmax ceiling ln(3 + e)", _LN(3 + math.e), _field(double_softmax_demo, "ceiling_double"),
           "\\ln(3 + e) = {:.6f}"),
    _entry("double softmax floor ln(1 + 3/e)", _LN(1 + 3 / math.e), _field(double_softmax_demo, "floor_double"),
           "floor_double: {:.6f}"),
    _entry("width of the double-softmax interval, nats", 1.0,
           lambda: double_softmax_demo().ceiling_double - double_softmax_demo().floor_double,
           "trapped in a {:.0f}-nat interval"),
    _entry("gradient norms, one softmax and two", (_DOUBLE["grad_norm"], _DOUBLE["grad_norm_double"]),
           lambda: (double_softmax_demo().grad_norm, double_softmax_demo().grad_norm_double),
           "shrinks from {:.6f} to {:.6f}", rel_tol=1e-6),
    _entry("how many times smaller, to the nearest hundred", _DOUBLE["ratio"],
           lambda: round(double_softmax_demo().grad_norm / double_softmax_demo().grad_norm_double, -2),
           "about {:.0f} times smaller"),
    _entry("the same, in the closing table", _DOUBLE["ratio"],
           lambda: round(double_softmax_demo().grad_norm / double_softmax_demo().grad_norm_double, -2),
           "shrinks about {:.0f} times |"),
    _entry("label smoothing 0.1 on the 4-class example, 4th class true", _SMOOTHED,
           _field(smoothing_demo, "torch_label_smoothing"), "torch_label_smoothing: {:.6f}"),
    _entry("the same with the smoothed distribution as target", _SMOOTHED,
           _field(smoothing_demo, "torch_smoothed_target"), "torch_smoothed_target: {:.6f}"),
    _entry("weighted mean cross-entropy", _WEIGHTED_TOTAL / 6, _field(weight_demo, "torch_weighted"),
           "torch_weighted: {:.6f}"),
    _entry("sum of the targets' weights", 6.0, _field(weight_demo, "sum_of_weights"), "sum_of_weights: {:.6f}"),
    _entry("weighted total over the batch size", _WEIGHTED_TOTAL / 3, _field(weight_demo, "divided_by_n"),
           "divided_by_n: {:.6f}"),
    _entry("mean over non-ignored positions", _SEEDED["ignore_mean"], _field(ignore_demo, "torch_mean"),
           "`torch_mean` of {:.6f}"),
    _entry("sum over positions", _SEEDED["ignore_sum"], _field(ignore_demo, "torch_sum"), "`torch_sum` is {:.6f}"),
    _entry("mean when every target is ignored", math.nan, _field(ignore_demo, "torch_all_ignored_mean"),
           "torch_all_ignored_mean: {}"),
    _entry("the same from scratch", math.nan, _field(ignore_demo, "from_scratch_all_ignored_mean"),
           "from_scratch_all_ignored_mean: {}"),
    _entry("sum when every target is ignored", 0.0, _field(ignore_demo, "torch_all_ignored_sum"),
           "torch_all_ignored_sum: {:.6f}"),
    _entry("sequence loss, classes on dim 1", _SEEDED["class_dim"], _field(class_dim_demo, "transposed"),
           "Transposing and flattening agree, at {:.6f} nats"),
    _entry("sequence loss, (N, L, C) passed as is", _SEEDED["class_dim_wrong"], _field(class_dim_demo, "not_transposed"),
           "The untransposed call quietly returns {:.6f} nats"),
    _entry("BCE of logit 20, label 0: exact", 20 + math.log1p(math.exp(-20)), _field(bce_demo, "exact"),
           "exact: {:.6f}"),
    _entry("BCEWithLogitsLoss, float32", 20 + math.log1p(math.exp(-20)), _field(bce_demo, "with_logits"),
           "with_logits: {:.6f}", rel_tol=1e-6),
    _entry("BCELoss after a float32 sigmoid: the clamp", 100.0, _field(bce_demo, "bce_of_sigmoid"),
           "bce_of_sigmoid: {:.6f}"),
    _entry("gradient through BCEWithLogitsLoss", 1 / (1 + math.exp(-20)), _field(bce_demo, "grad_with_logits"),
           "grad_with_logits: {:.6f}", rel_tol=1e-6),
    _entry("gradient through sigmoid + BCELoss, float32", float(_F32_SIGMOID_20 * (1 - _F32_SIGMOID_20)),
           _field(bce_demo, "grad_bce_of_sigmoid"), "grad_bce_of_sigmoid: {:.6f}"),
    _entry("pos_weight 3: loss", 1.5 * _LN(2), _field(pos_weight_demo, "torch_loss"), "torch_loss: {:.6f}"),
    _entry("pos_weight 3: pull of the positive", -0.375, _field(pos_weight_demo, "pull_of_the_positive"),
           "pull_of_the_positive: {:.6f}"),
    _entry("pos_weight 3: pull of the negatives", 0.375, _field(pos_weight_demo, "pull_of_the_negatives"),
           "pull_of_the_negatives: {:.6f}"),
    _entry("peak density of N(0, 0.1^2), rounded", round(1 / (0.1 * math.sqrt(2 * math.pi))),
           lambda: round(torch.distributions.Normal(0.0, 0.1).log_prob(torch.tensor(0.0)).exp().item()),
           "\\approx {:.0f}$ at its mean"),
    _entry("GaussianNLLLoss without the constant", _GAUSSIAN, _field(gaussian_demo, "torch_loss"),
           "\\tfrac12(\\ln 0.01 + 1) = {:.6f}$ nats"),
    _entry("the constant 0.5 ln(2 pi)", _HALF_LN_2PI,
           lambda: gaussian_demo().torch_full - gaussian_demo().torch_loss, "\\tfrac12 \\ln(2\\pi) = {:.6f}$ nats"),
    _entry("GaussianNLLLoss with full=True", _GAUSSIAN + _HALF_LN_2PI, _field(gaussian_demo, "torch_full"),
           "which gives ${:.6f}$ nats"),
    _entry("GaussianNLLLoss with var = 0, clamped to 1e-6", 0.5 * (_LN(1e-6) + 0.01 / 1e-6),
           _field(gaussian_demo, "torch_zero_var"), "huge but finite {:.6f} nats"),
    _entry("from scratch, var = 0", 0.5 * (_LN(1e-6) + 0.01 / 1e-6), _field(gaussian_demo, "from_scratch_zero_var"),
           "from_scratch_zero_var: {:.6f}"),
]
