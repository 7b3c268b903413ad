"""The worked numbers of the chapter that ``snippets/pytorch_losses.py`` serves: each with its independent value."""

from __future__ import annotations

import functools
import math

import numpy as np
import torch

from snippets.pytorch_losses import (
    all_ignored_demo,
    batch_fit_demo,
    bce_demo,
    class_dim_demo,
    composition_demo,
    corner_demo,
    double_softmax_demo,
    gaussian_demo,
    ignore_demo,
    inf_gradient_demo,
    kl_div_demo,
    log_of_softmax_demo,
    log_probs_demo,
    pos_weight_demo,
    smoothing_demo,
    smoothing_weight_demo,
    unchecked_target_demo,
    weight_bias_demo,
    weight_demo,
    weight_pitfall_demo,
    weight_spread_demo,
    weighted_fit_demo,
)
from tests.ledger import WorkedNumber

# --- The ledger: every number the page states, against an independent value ---


def np_log_softmax(x, axis):
    """Log-softmax by NumPy's own log-add-exp, independent of torch."""
    return x - np.logaddexp.reduce(x, axis=axis, keepdims=True)


def _double_softmax_exact() -> dict[str, float]:
    z = np.array([0.0, 0.0, 0.0, 8.0])
    p = np.exp(np_log_softmax(z, 0))
    s = np.exp(np_log_softmax(p, 0))
    jacobian = np.diag(p) - np.outer(p, p)
    grad_norm = float(np.linalg.norm(p - [1, 0, 0, 0]))
    grad_norm_double = float(np.linalg.norm(jacobian.T @ (s - [1, 0, 0, 0])))
    return {"loss": math.log(3 + math.exp(8)), "loss_double": float(-np.log(s[0])), "grad_norm": grad_norm,
            "grad_norm_double": grad_norm_double, "ratio": round(grad_norm / grad_norm_double, -2)}


def _seeded_exact() -> dict[str, float]:
    generator = torch.Generator().manual_seed(0)
    logits = torch.randn(2, 5, 3, generator=generator, dtype=torch.float64).numpy()
    log_probs = np_log_softmax(logits, 1)
    real = [-log_probs[0, 4, 0], -log_probs[0, 0, 1], -log_probs[1, 1, 0]]  # (n, class, position)
    generator = torch.Generator().manual_seed(0)
    scores = torch.randn(2, 3, 3, generator=generator, dtype=torch.float64).numpy()  # (N, L, C)
    target = torch.randint(0, 3, (2, 3), generator=generator).numpy()
    n, l = np.meshgrid(range(2), range(3), indexing="ij")
    right = -np_log_softmax(scores, 2)[n, l, target].mean()
    wrong = -np_log_softmax(scores, 1)[n, target, l].mean()  # dim 1 read as the classes
    generator = torch.Generator().manual_seed(0)
    z = torch.randn(5, 4, generator=generator, dtype=torch.float64).numpy()
    y = torch.randint(0, 4, (5,), generator=generator).numpy()
    w = np.array([1.0, 2.0, 3.0, 4.0])
    per_position = -(w * (0.9 * np.eye(4)[y] + 0.025) * np_log_softmax(z, 1)).sum(axis=1)
    return {"ignore_mean": float(np.mean(real)), "ignore_sum": float(np.sum(real)),
            "class_dim": float(right), "class_dim_wrong": float(wrong),
            "smoothing_by_index": float(per_position.sum() / w[y].sum()),
            "smoothing_by_target": float(per_position.mean()), "mean_weight": float(w[y].mean())}


_DOUBLE = _double_softmax_exact()
_SEEDED = _seeded_exact()
_LN = math.log
_SMOOTHED = 0.95 * _LN(10) + 0.025 * _LN(10 / 3) + 0.025 * _LN(2)
_Q = np.array([0.025, 0.025, 0.025, 0.925])
_H_Q = float(-(_Q * np.log(_Q)).sum())
_LOSSES = np.array([-_LN(0.8), -_LN(0.6), -_LN(0.7)])
_WEIGHTED_TOTAL = float((np.array([1.0, 1.0, 4.0]) * _LOSSES).sum())
_GAUSSIAN = 0.5 * (_LN(0.01) + 1)
_HALF_LN_2PI = 0.5 * _LN(2 * math.pi)
_F32_SIGMOID_20 = np.float32(1) / (np.float32(1) + np.exp(np.float32(-20)))  # rounds to exactly 1
_SLOPE = 4 / (math.e + 3)
_WEIGHTS = np.array([1.0, 1.0, 4.0])
_REWEIGHTED = _WEIGHTED_TOTAL / 6  # E[w l] / E[w] over the three examples
_SMOOTH_Q = np.array([0.05, 0.95])  # class 1 smoothed by 0.1 over 2 classes
_ONE_CLASS_P = np.array([[0.8, 0.2], [0.6, 0.4], [0.3, 0.7]])


def _pytorch_mean_averaged(n: int) -> float:
    """PyTorch's weighted mean averaged over every batch of n uniform draws of the 3 examples (counts a, b, c)."""
    total = 0.0
    for a in range(n + 1):
        for b in range(n + 1 - a):
            counts = np.array([a, b, n - a - b])
            prob = math.comb(n, a) * math.comb(n - a, b) / 3**n
            total += prob * (counts * _WEIGHTS * _LOSSES).sum() / (counts * _WEIGHTS).sum()
    return total


def _ratio_mse(n: int) -> float:
    """E[(2 x PyTorch's mean - E[w l])^2] over every batch of n uniform draws of the 3 examples."""
    target, total = _WEIGHTED_TOTAL / 3, 0.0
    for a in range(n + 1):
        for b in range(n + 1 - a):
            counts = np.array([a, b, n - a - b])
            prob = math.comb(n, a) * math.comb(n - a, b) / 3**n
            total += prob * (2 * (counts * _WEIGHTS * _LOSSES).sum() / (counts * _WEIGHTS).sum() - target) ** 2
    return total


def _expected_share_of_class_1(n: int) -> float:
    """E[class 1's share of a batch's weight], batches of n: K ~ Binomial(n, 1/3) class-1 labels of weight 4."""
    return sum(math.comb(n, k) * (1 / 3) ** k * (2 / 3) ** (n - k) * 4 * k / (n - k + 4 * k) for k in range(n + 1))


_BATCH_FIT = functools.cache(batch_fit_demo)  # one slow run serves every entry
_SHARE_N2 = _expected_share_of_class_1(2)  # 7/15
_VAR_WL = float((_WEIGHTS * _LOSSES).var())  # Var(w_Y l): sum / n has mean squared error Var / n
_KL_TARGET = np.array([[0.5, 0.3, 0.2], [0.1, 0.6, 0.3]])
_KL_PREDICTED = np.array([[0.2, 0.5, 0.3], [0.3, 0.3, 0.4]])
_KL = float((_KL_TARGET * np.log(_KL_TARGET / _KL_PREDICTED)).sum(axis=1).mean())


def _field(demo, name: str):
    return lambda: getattr(demo(), name)


def _entry(what, exact, compute, prose, rel_tol=1e-9, abs_tol=1e-12, source="site"):
    return WorkedNumber(what, source, "-", exact, compute, "pytorch-losses.md", prose, rel_tol, abs_tol)


#: Every number the PyTorch page states. ``exact`` is a closed form or an independent NumPy computation.
WORKED_NUMBERS = [
    _entry("NLLLoss fed probabilities", -0.3, _field(log_probs_demo, "on_probabilities"), "on_probabilities: {:.6f}"),
    _entry("NLLLoss fed log-probabilities", (_LN(10) + _LN(2)) / 2, _field(log_probs_demo, "on_log_probabilities"),
           "on_log_probabilities: {:.6f}"),
    _entry("CrossEntropyLoss of logits (0, 0, 0, 8), class 0, as log_softmax then NLLLoss", _DOUBLE["loss"],
           _field(composition_demo, "log_softmax_then_nll"), "log_softmax_then_nll: {:.6f}"),
    _entry("CrossEntropyLoss of logits (0, 0, 0, 8), class 0", _DOUBLE["loss"], _field(double_softmax_demo, "loss"),
           "\\ln(3 + e^8) = {:.6f}$ nats"),
    _entry("the same after a double softmax", _DOUBLE["loss_double"], _field(double_softmax_demo, "loss_double"),
           "The double softmax reports {:.6f}"),
    _entry("double softmax ceiling ln(3 + e)", _LN(3 + math.e), _field(double_softmax_demo, "ceiling_double"),
           "\\ln(3 + e) = {:.6f}"),
    _entry("double softmax floor ln(1 + 3/e)", _LN(1 + 3 / math.e), _field(double_softmax_demo, "floor_double"),
           "floor_double: {:.6f}"),
    _entry("slope at the true corner toward another corner, C / (e + C - 1), C = 4", _SLOPE,
           _field(corner_demo, "slope_toward_class_1"), "slope_toward_class_1: {:.6f}"),
    _entry("the same toward class 3", _SLOPE, _field(corner_demo, "slope_toward_class_3"),
           "slope_toward_class_3: {:.6f}"),
    _entry("the loss at the true corner", _LN(3 + math.e) - 1, _field(corner_demo, "corner"), "corner: {:.6f}"),
    _entry("gradient norms, one softmax and two", (_DOUBLE["grad_norm"], _DOUBLE["grad_norm_double"]),
           lambda: (double_softmax_demo().grad_norm, double_softmax_demo().grad_norm_double),
           "shrinks from {:.6f} to {:.6f}", rel_tol=1e-6),
    _entry("how many times smaller, to the nearest hundred", _DOUBLE["ratio"],
           lambda: round(double_softmax_demo().grad_norm / double_softmax_demo().grad_norm_double, -2),
           "about {:.0f} times smaller"),
    _entry("float32 softmax then log, logits (0, 120): e^-120 underflows", math.inf,
           _field(log_of_softmax_demo, "softmax_then_log"), "softmax_then_log: {}"),
    _entry("log_softmax then NLLLoss, logits (0, 120)", 120.0, _field(log_of_softmax_demo, "log_softmax"),
           "log_softmax: {:.6f}"),
    _entry("an infinite row's loss", math.inf, _field(inf_gradient_demo, "loss"), "loss: {}\ngrad_of"),
    _entry("its logit gradient", math.nan, _field(inf_gradient_demo, "grad_of_the_infinite_row"),
           "grad_of_the_infinite_row: {}"),
    _entry("the finite row's logit gradient, (softmax(0, 0.5)_0 - 1) / 2", (1 / (1 + math.exp(0.5)) - 1) / 2,
           _field(inf_gradient_demo, "grad_of_the_finite_row"), "grad_of_the_finite_row: {:.6f}", rel_tol=1e-6),
    _entry("share of the shared layer's gradients that are NaN", 1.0,
           _field(inf_gradient_demo, "share_of_weight_grads_nan"), "share_of_weight_grads_nan: {:.6f}"),
    _entry("label smoothing 0.1 on the 4-class example, class 3 true", _SMOOTHED,
           _field(smoothing_demo, "label_smoothing"), "label_smoothing: {:.6f}\nsmoothed_target"),
    _entry("the same with the smoothed distribution as target", _SMOOTHED,
           _field(smoothing_demo, "smoothed_target"), "smoothed_target: {:.6f}\nfloor"),
    _entry("label-smoothing floor: the loss at logits ln q", _H_Q, _field(smoothing_demo, "floor"), "floor: {:.6f}"),
    _entry("entropy of the smoothed target", _H_Q, _field(smoothing_demo, "entropy_of_q"), "entropy_of_q: {:.6f}"),
    _entry("target row (2, 0, 0) on logits (0, 1, 2)", 2 * _LN(1 + math.e + math.e**2),
           _field(unchecked_target_demo, "target_2_0_0"), "target_2_0_0: {:.6f}"),
    _entry("twice the loss of class 0", 2 * _LN(1 + math.e + math.e**2),
           _field(unchecked_target_demo, "twice_class_0"), "twice_class_0: {:.6f}"),
    _entry("weight (1, 2, 3, 4): label_smoothing route", _SEEDED["smoothing_by_index"],
           _field(smoothing_weight_demo, "label_smoothing"), "label_smoothing: {:.6f}\nsmoothed_target: 4"),
    _entry("weight (1, 2, 3, 4): smoothed-target route", _SEEDED["smoothing_by_target"],
           _field(smoothing_weight_demo, "smoothed_target"), "smoothed_target: {:.6f}\nratio"),
    _entry("their ratio, the batch's mean weight", _SEEDED["mean_weight"], _field(smoothing_weight_demo, "ratio"),
           "ratio: {:.6f}"),
    _entry("KL divergence by hand", _KL, _field(kl_div_demo, "by_hand"), "by_hand: {:.6f}"),
    _entry("F.kl_div, batchmean", _KL, _field(kl_div_demo, "batchmean"), "batchmean: {:.6f}"),
    _entry("F.kl_div, mean: divided by N x C", _KL / 3, _field(kl_div_demo, "mean"), "mean: {:.6f}\nprob"),
    _entry("F.kl_div fed probabilities", float((_KL_TARGET * (np.log(_KL_TARGET) - _KL_PREDICTED)).sum(axis=1).mean()),
           _field(kl_div_demo, "probabilities_as_input"), "probabilities_as_input: {:.6f}"),
    _entry("weighted mean cross-entropy, PyTorch", _WEIGHTED_TOTAL / 6, _field(weight_demo, "pytorch_mean"),
           "pytorch_mean: {:.6f}"),
    _entry("sum of the targets' weights", 6.0, _field(weight_demo, "sum_of_weights"), "sum_of_weights: {:.6f}"),
    _entry("weighted total over the batch size", _WEIGHTED_TOTAL / 3, _field(weight_demo, "divided_by_n"),
           "divided_by_n: {:.6f}"),
    _entry("unweighted mean", float(_LOSSES.mean()), _field(weight_demo, "unweighted"), "unweighted: {:.6f}"),
    _entry("E[w l] / E[w], the reweighted risk", _REWEIGHTED, _field(weight_bias_demo, "reweighted_risk"),
           "misses its target {:.6f}"),
    _entry("PyTorch's mean averaged over batches of 1: the unweighted mean", float(_LOSSES.mean()),
           _field(weight_bias_demo, "pytorch_mean_n1"), "averages to the unweighted {:.6f}"),
    _entry("PyTorch's mean averaged over batches of 2", _pytorch_mean_averaged(2),
           _field(weight_bias_demo, "pytorch_mean_n2"), "2 examples per batch\n({:.6f})"),
    _entry("PyTorch's mean averaged over batches of 10", _pytorch_mean_averaged(10),
           _field(weight_bias_demo, "pytorch_mean_n10"), "pytorch_mean_n10: {:.6f}"),
    _entry("PyTorch's mean averaged over batches of 100", _pytorch_mean_averaged(100),
           _field(weight_bias_demo, "pytorch_mean_n100"), "at 100 ({:.6f})"),
    _entry("E[w l], the weighted risk", _WEIGHTED_TOTAL / 3, _field(weight_bias_demo, "weighted_risk"),
           "hits its target\n{:.6f} exactly"),
    _entry("sum / n averaged over batches of 2", _WEIGHTED_TOTAL / 3, _field(weight_bias_demo, "divided_by_n_n2"),
           "divided_by_n_n2: {:.6f}"),
    _entry("sum / n averaged over batches of 2 different examples", _WEIGHTED_TOTAL / 3,
           _field(weight_bias_demo, "divided_by_n_n2_distinct"), "divided_by_n_n2_distinct: {:.6f}"),
    _entry("E[w_Y] over the three examples", 2.0, lambda: weight_demo().sum_of_weights / 3,
           "\\mathbb{{E}}[w_Y] = (1 + 1 + 4)/3 = {:.0f}$"),
    _entry("the factor that makes PyTorch's mean aim at E[w l]", 2.0, lambda: weight_demo().sum_of_weights / 3,
           "Times $\\mathbb{{E}}[w_Y] = {:.0f}$, PyTorch's mean aims at"),
    _entry("E[w l], the target of both", _WEIGHTED_TOTAL / 3, _field(weight_spread_demo, "target"),
           "aims at {:.6f} too"),
    _entry("E[w l], printed", _WEIGHTED_TOTAL / 3, _field(weight_spread_demo, "target"), "target: {:.6f}"),
    _entry("MSE of 2 x PyTorch's mean, batches of 2", _ratio_mse(2), _field(weight_spread_demo, "mse_2x_pytorch_mean_n2"),
           "mse_2x_pytorch_mean_n2: {:.6f}"),
    _entry("MSE of sum / n, batches of 2: Var(w l) / 2", _VAR_WL / 2, _field(weight_spread_demo, "mse_divided_by_n_n2"),
           "mse_divided_by_n_n2: {:.6f}"),
    _entry("MSE of 2 x PyTorch's mean, batches of 10", _ratio_mse(10),
           _field(weight_spread_demo, "mse_2x_pytorch_mean_n10"), "mse_2x_pytorch_mean_n10: {:.6f}"),
    _entry("MSE of sum / n, batches of 10: Var(w l) / 10", _VAR_WL / 10,
           _field(weight_spread_demo, "mse_divided_by_n_n10"), "mse_divided_by_n_n10: {:.6f}"),
    _entry("how many times smaller the ratio's MSE is at 2, rounded", round(_VAR_WL / 2 / _ratio_mse(2)),
           lambda: round(weight_spread_demo().mse_divided_by_n_n2 / weight_spread_demo().mse_2x_pytorch_mean_n2),
           "about {:.0f} times smaller\nat 2 examples per batch"),
    _entry("how many times smaller the ratio's MSE is at 10, rounded", round(_VAR_WL / 10 / _ratio_mse(10)),
           lambda: round(weight_spread_demo().mse_divided_by_n_n10 / weight_spread_demo().mse_2x_pytorch_mean_n10),
           "and {:.0f} times smaller at 10"),
    _entry("batch of one, weighted", -_LN(0.7), _field(weight_pitfall_demo, "one_example_weighted"),
           "one_example_weighted: {:.6f}"),
    _entry("batch of one, unweighted", -_LN(0.7), _field(weight_pitfall_demo, "one_example_unweighted"),
           "one_example_unweighted: {:.6f}"),
    _entry("batch of one class, weighted", (-_LN(0.2) - _LN(0.4) - _LN(0.7)) / 3,
           _field(weight_pitfall_demo, "one_class_weighted"), "one_class_weighted: {:.6f}"),
    _entry("batch of one class, unweighted", (-_LN(0.2) - _LN(0.4) - _LN(0.7)) / 3,
           _field(weight_pitfall_demo, "one_class_unweighted"), "one_class_unweighted: {:.6f}"),
    _entry("batch of one class, smoothed 0.1, weighted", float((np.array([1.0, 4.0]) * _SMOOTH_Q * -np.log(_ONE_CLASS_P)).sum() / 12),
           _field(weight_pitfall_demo, "one_class_smoothed_weighted"), "one_class_smoothed_weighted: {:.6f}"),
    _entry("batch of one class, smoothed 0.1, unweighted", float((_SMOOTH_Q * -np.log(_ONE_CLASS_P)).sum() / 3),
           _field(weight_pitfall_demo, "one_class_smoothed_unweighted"), "one_class_smoothed_unweighted: {:.6f}"),
    _entry("weighted fit: class 1's probability, w q renormalised", (4 / 3) / (2 / 3 + 4 / 3),
           _field(weighted_fit_demo, "fitted"), "fitted: {:.6f}"),
    _entry("weighted fit: class 1's probability, in the prose", (4 / 3) / (2 / 3 + 4 / 3), _field(weighted_fit_demo, "fitted"),
           "the probability {:.6f}, while"),
    _entry("weighted fit, undone: p / w renormalised", 1 / 3, _field(weighted_fit_demo, "undone"), "undone: {:.6f}"),
    _entry("class 1's share of the labels (0, 0, 1)", 1 / 3, _field(weighted_fit_demo, "frequency"),
           "frequency: {:.6f}"),
    _entry("class 1's share of the labels, in the prose", 1 / 3, _field(weighted_fit_demo, "frequency"), "share of the labels is\n{:.6f}"),
    _entry("batch fit: class 1's p minimising the reweighted risk, w q renormalised", 2 / 3,
           _field(_BATCH_FIT, "reweighted"), "reweighted: {:.6f}", rel_tol=1e-7),
    _entry("batch fit: minimising PyTorch's mean over batches of 2 = E[s_1] = 7/15", 7 / 15,
           _field(_BATCH_FIT, "pytorch_mean_n2"), "pytorch_mean_n2: {:.6f}", rel_tol=1e-7),
    _entry("batch fit: the same, in the prose", _SHARE_N2, _field(_BATCH_FIT, "pytorch_mean_n2"),
           "trains class 1's probability to {:.6f}, not", rel_tol=1e-7),
    _entry("batch fit: the reweighted value, in the prose", 2 / 3, _field(_BATCH_FIT, "reweighted"),
           "probability to 0.466667, not {:.6f}, and undoing", rel_tol=1e-7),
    _entry("batch fit: class 1's expected share of a batch's weight, batches of 2", _SHARE_N2,
           _field(_BATCH_FIT, "share_n2"), "share_n2: {:.6f}"),
    _entry("batch fit: the expected share, in the prose", 7 / 15, _field(_BATCH_FIT, "share_n2"),
           "\\mathbb{{E}}[s_1] = 7/15 = {:.6f}$"),
    _entry("batch fit: minimising sum / n over batches of 2, w q renormalised", 2 / 3,
           _field(_BATCH_FIT, "divided_by_n_n2"), "divided_by_n_n2: {:.6f}", rel_tol=1e-7),
    _entry("batch fit: sum / n, in the prose", 2 / 3, _field(_BATCH_FIT, "divided_by_n_n2"),
           "The sum divided by $N$ reaches {:.6f} with batches of 2", rel_tol=1e-7),
    _entry("batch fit: 7/15 undone, (7/60) / (8/15 + 7/60) = 7/39", 7 / 39, _field(_BATCH_FIT, "undone_n2"),
           "undone_n2: {:.6f}", rel_tol=1e-7),
    _entry("batch fit: undone, in the prose", 7 / 39, _field(_BATCH_FIT, "undone_n2"),
           "undoing the weights then gives {:.6f}, not 1/3", rel_tol=1e-7),
    _entry("batch fit: undone, in the advice on undoing weights", 7 / 39, _field(_BATCH_FIT, "undone_n2"),
           "over-corrects (above, {:.6f} instead of 1/3)", rel_tol=1e-7),
    _entry("mean over non-ignored positions", _SEEDED["ignore_mean"], _field(ignore_demo, "mean"),
           "`mean` of {:.6f}"),
    _entry("sum over positions", _SEEDED["ignore_sum"], _field(ignore_demo, "sum"), "the `sum` is {:.6f}"),
    _entry("mean when every target is ignored", math.nan, _field(all_ignored_demo, "mean"), "mean: {}"),
    _entry("sum when every target is ignored", 0.0, _field(all_ignored_demo, "sum"), "sum: {:.6f}\nlargest"),
    _entry("all ignored: the largest gradient of the mean", 0.0, _field(all_ignored_demo, "largest_gradient"),
           "largest_gradient: {:.6f}"),
    _entry("all ignored: the largest weight change after SGD", 0.0, _field(all_ignored_demo, "largest_weight_change"),
           "largest_weight_change: {:.6f}"),
    _entry("all ignored: gradient of a learned loss weight", math.nan, _field(all_ignored_demo, "task_weight_gradient"),
           "task_weight_gradient: {}"),
    _entry("all ignored: the learned loss weight after a step", math.nan,
           _field(all_ignored_demo, "task_weight_after_step"), "task_weight_after_step: {}"),
    _entry("sequence loss, classes on dim 1", _SEEDED["class_dim"], _field(class_dim_demo, "transposed"),
           "Transposing and flattening agree, at {:.6f} nats"),
    _entry("sequence loss, (N, L, C) passed as is", _SEEDED["class_dim_wrong"], _field(class_dim_demo, "not_transposed"),
           "The untransposed call quietly returns\n{:.6f} nats"),
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
    _entry("BCELoss cap with weight 2", 200.0, _field(bce_demo, "bce_with_weight_2"), "bce_with_weight_2: {:.6f}"),
    _entry("the cap with weight 2, in the prose", 200.0, _field(bce_demo, "bce_with_weight_2"), "100 ({:.0f} with a\nweight of 2)"),
    _entry("pos_weight 3: loss", 1.5 * _LN(2), _field(pos_weight_demo, "loss"), "loss: {:.6f}\npull"),
    _entry("pos_weight 3: pull of the positive", -0.375, _field(pos_weight_demo, "pull_of_the_positive"),
           "pull_of_the_positive: {:.6f}"),
    _entry("pos_weight 3: pull of the negatives", 0.375, _field(pos_weight_demo, "pull_of_the_negatives"),
           "pull_of_the_negatives: {:.6f}"),
    _entry("pos_weight 3: sigmoid of the shared logit where the pulls cancel", 0.5,
           _field(pos_weight_demo, "balanced_sigmoid"), "balanced_sigmoid: {:.6f}"),
    _entry("pos_weight 3: odds divided by 3, back to the positives' share 1/4", 0.25,
           _field(pos_weight_demo, "undone"), "undone: {:.6f}\n```"),
    _entry("pos_weight 3: the undone probability, in the prose", 0.25, _field(pos_weight_demo, "undone"), "here that gives back {:.2f}"),
    _entry("peak density of N(0, 0.1^2), rounded", round(1 / (0.1 * math.sqrt(2 * math.pi))),
           lambda: round(torch.distributions.Normal(0.0, 0.1).log_prob(torch.tensor(0.0)).exp().item()),
           "\\approx {:.0f}$ at its mean"),
    _entry("GaussianNLLLoss without the constant", _GAUSSIAN, _field(gaussian_demo, "loss"),
           "\\tfrac12(\\ln 0.01 + 1) = {:.6f}$ nats"),
    _entry("the constant 0.5 ln(2 pi)", _HALF_LN_2PI,
           lambda: gaussian_demo().full - gaussian_demo().loss, "\\tfrac12 \\ln(2\\pi) = {:.6f}$ nats"),
    _entry("GaussianNLLLoss with full=True", _GAUSSIAN + _HALF_LN_2PI, _field(gaussian_demo, "full"),
           "which gives ${:.6f}$ nats"),
    _entry("the negative log-density from torch.distributions", _GAUSSIAN + _HALF_LN_2PI,
           _field(gaussian_demo, "minus_log_density"), "minus_log_density: {:.6f}"),
    _entry("GaussianNLLLoss with var = 0, clamped to 1e-6", 0.5 * (_LN(1e-6) + 0.01 / 1e-6),
           _field(gaussian_demo, "zero_var"), "huge but finite\n{:.6f} nats"),
    _entry("its straight-through gradient: d/dv 0.5 (ln v + 0.01 / v) at v = eps", 0.5 * (1 / 1e-6 - 0.01 / 1e-12),
           _field(gaussian_demo, "zero_var_grad"), "zero_var_grad: {:.6f}"),
    _entry("the same, in units of 1e9 in the prose", 0.5 * (1 / 1e-6 - 0.01 / 1e-12) / 1e9,
           lambda: gaussian_demo().zero_var_grad / 1e9, "Here it is ${:.4f} \\times 10^9$"),
    _entry("the gradient through a real torch.clamp", 0.0, _field(gaussian_demo, "torch_clamp_grad"),
           "torch_clamp_grad: {:.6f}"),
    _entry("GaussianNLLLoss at x = mu, var = 0: 1/2 ln eps", 0.5 * _LN(1e-6),
           _field(gaussian_demo, "exact_fit_zero_var"), "exact_fit_zero_var: {:.6f}"),
    _entry("1/2 ln eps, in the prose", 0.5 * _LN(1e-6), _field(gaussian_demo, "exact_fit_zero_var"),
           "\\tfrac12 \\ln \\mathrm{{eps}} = {:.6f}$ nats"),
    _entry("its straight-through gradient 1 / (2 eps)", 0.5 / 1e-6, _field(gaussian_demo, "exact_fit_zero_var_grad"),
           "exact_fit_zero_var_grad: {:.6f}"),
    _entry("1 / (2 eps), in the prose", 0.5 / 1e-6, _field(gaussian_demo, "exact_fit_zero_var_grad"),
           "1/(2\\,\\mathrm{{eps}}) = {:.0f}$"),
]
