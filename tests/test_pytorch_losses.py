"""Tests of snippets/pytorch_losses.py: every from-scratch loss against torch.nn.functional, every pitfall demo."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.checks import distributions, label_array, log_distributions, number_in_range, one_of
from snippets.pytorch_losses import (
    REDUCTIONS,
    bce_demo,
    binary_cross_entropy,
    binary_cross_entropy_torch,
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_torch,
    class_dim_demo,
    composition_demo,
    cross_entropy,
    cross_entropy_torch,
    double_softmax_demo,
    double_softmax_figure,
    gaussian_demo,
    gaussian_nll_loss,
    gaussian_nll_loss_torch,
    ignore_demo,
    log_probs_demo,
    nll_loss,
    nll_loss_torch,
    pos_weight_demo,
    report,
    smoothing_demo,
    weight_demo,
)
from tests.sitetools import page_source, run_page_checking_output

TOL = dict(rtol=1e-6, atol=1e-6)  # the page's promise: from scratch equals torch within 1e-6
SCALES = torch.tensor([1e-3, 1.0, 10.0, 100.0, 1e4], dtype=torch.float64)


def close(actual, expected, **tolerance) -> None:
    actual, expected = (value if torch.is_tensor(value) else torch.as_tensor(np.array(value, dtype=np.float64))
                        for value in (actual, expected))
    torch.testing.assert_close(actual.double(), expected.double(), equal_nan=True, **(tolerance or TOL))


def random_logits(rows: int, classes: int, seed: int) -> torch.Tensor:
    """Random logits at scales from 1e-3 to 1e4, every 10th row made only of +1e4 and -1e4 (float64)."""
    generator = torch.Generator().manual_seed(seed)
    scale = SCALES[torch.randint(0, len(SCALES), (rows, 1), generator=generator)]
    logits = torch.randn(rows, classes, generator=generator, dtype=torch.float64) * scale
    extremes = torch.randint(0, 2, (rows, classes), generator=generator).double() * 2e4 - 1e4
    logits[::10] = extremes[::10]
    return logits


# --- 1000 random cases each, including logits of +/-1e4 in float32 ---

@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_cross_entropy_agrees_with_torch_on_1000_cases(dtype):
    logits = random_logits(1000, 7, seed=1).to(dtype)
    labels = torch.randint(0, 7, (1000,), generator=torch.Generator().manual_seed(2))
    expected = F.cross_entropy(logits, labels, reduction="none")
    assert torch.isfinite(expected).all() and expected.max() > 1e4  # the extremes are in there
    close(cross_entropy_torch(logits, labels, reduction="none"), expected)
    close(cross_entropy(logits.numpy(), labels.numpy(), reduction="none"),
          F.cross_entropy(logits.double(), labels, reduction="none"))  # NumPy works in float64
    close(cross_entropy(logits.numpy(), labels.numpy()), expected.double().mean())
    assert cross_entropy_torch(logits, labels, reduction="none").dtype == dtype


def test_soft_targets_with_smoothing_agree_with_torch_on_1000_cases():
    logits = random_logits(1000, 5, seed=3).float()
    target = torch.softmax(torch.randn(1000, 5, generator=torch.Generator().manual_seed(4)) * 3, dim=1)
    expected = F.cross_entropy(logits, target, reduction="none", label_smoothing=0.2)
    close(cross_entropy_torch(logits, target, reduction="none", label_smoothing=0.2), expected)
    close(cross_entropy(logits.numpy(), target.numpy(), reduction="none", label_smoothing=0.2), expected)


def test_nll_loss_agrees_with_torch_on_1000_cases():
    log_probs = F.log_softmax(random_logits(1000, 6, seed=5), dim=1)
    labels = torch.randint(0, 6, (1000,), generator=torch.Generator().manual_seed(6))
    weight = torch.linspace(0.5, 3.0, 6, dtype=torch.float64)
    expected = F.nll_loss(log_probs, labels, weight=weight, reduction="none")
    close(nll_loss_torch(log_probs, labels, weight=weight, reduction="none"), expected)
    close(nll_loss(log_probs.numpy(), labels.numpy(), weight=weight.numpy(), reduction="none"), expected)
    close(nll_loss(log_probs.numpy(), labels.numpy(), weight=weight.numpy()), F.nll_loss(log_probs, labels, weight=weight))


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_bce_with_logits_agrees_with_torch_on_1000_cases(dtype):
    generator = torch.Generator().manual_seed(7)
    logits = random_logits(250, 4, seed=8).to(dtype)
    target = torch.rand(250, 4, generator=generator, dtype=torch.float64).to(dtype)
    target[::3] = target[::3].round()  # hard labels too
    pos_weight = torch.tensor([1.0, 0.5, 3.0, 10.0], dtype=dtype)
    expected = F.binary_cross_entropy_with_logits(logits, target, pos_weight=pos_weight, reduction="none")
    close(binary_cross_entropy_with_logits_torch(logits, target, pos_weight=pos_weight, reduction="none"), expected)
    close(binary_cross_entropy_with_logits(logits.numpy(), target.numpy(), pos_weight=pos_weight.numpy(),
                                           reduction="none"),
          F.binary_cross_entropy_with_logits(logits.double(), target.double(), pos_weight=pos_weight.double(),
                                             reduction="none"))


def test_bce_on_probabilities_agrees_with_torch_on_1000_cases():
    generator = torch.Generator().manual_seed(9)
    probs = torch.rand(1000, generator=generator, dtype=torch.float64)
    probs[:20] = torch.tensor([0.0, 1.0, 1e-300, 1 - 1e-16, 1e-50] * 4, dtype=torch.float64)  # log clamps
    target = torch.rand(1000, generator=generator, dtype=torch.float64).round()
    expected = F.binary_cross_entropy(probs, target, reduction="none")
    assert expected.max() == 100.0
    close(binary_cross_entropy(probs.numpy(), target.numpy(), reduction="none"), expected)
    close(binary_cross_entropy_torch(probs, target, reduction="none"), expected)
    weight = torch.rand(1000, generator=generator, dtype=torch.float64)
    close(binary_cross_entropy(probs.numpy(), target.numpy(), weight=weight.numpy()),
          F.binary_cross_entropy(probs, target, weight=weight))


def test_gaussian_nll_agrees_with_torch_on_1000_cases():
    generator = torch.Generator().manual_seed(10)
    mean = torch.randn(500, 2, generator=generator, dtype=torch.float64) * 10
    observed = mean + torch.randn(500, 2, generator=generator, dtype=torch.float64)
    var = torch.rand(500, 2, generator=generator, dtype=torch.float64) * 4
    var[:10] = 0.0  # clamped to eps
    for full in (False, True):
        expected = F.gaussian_nll_loss(mean, observed, var, full=full, reduction="none")
        close(gaussian_nll_loss(mean.numpy(), observed.numpy(), var.numpy(), full=full, reduction="none"), expected)
        close(gaussian_nll_loss_torch(mean, observed, var, full=full, reduction="none"), expected)
    shared = var[:, :1]  # one variance per row, (N, 1); and (N,)
    close(gaussian_nll_loss(mean.numpy(), observed.numpy(), shared.numpy()), F.gaussian_nll_loss(mean, observed, shared))
    close(gaussian_nll_loss(mean.numpy(), observed.numpy(), shared[:, 0].numpy(), reduction="sum"),
          F.gaussian_nll_loss(mean, observed, shared[:, 0], reduction="sum"))
    close(gaussian_nll_loss_torch(mean, observed, shared[:, 0]), F.gaussian_nll_loss(mean, observed, shared[:, 0]))


# --- Property-based: every combination of options, shapes, dtypes and scales ---

@st.composite
def classification_cases(draw):
    classes = draw(st.integers(2, 5))
    batch = draw(st.sampled_from([None, 1, 3]))  # None: a single (C,) prediction
    extra = () if batch is None else draw(st.sampled_from([(), (3,), (2, 2)]))
    dtype = draw(st.sampled_from([torch.float32, torch.float64]))
    scale = draw(st.sampled_from([1e-3, 1.0, 30.0, 1e4]))
    generator = torch.Generator().manual_seed(draw(st.integers(0, 2**16)))
    shape = (classes,) if batch is None else (batch, classes, *extra)
    logits = (torch.randn(shape, generator=generator, dtype=torch.float64) * scale).to(dtype)
    ignore_index = draw(st.sampled_from([-100, -1, 0]))
    if draw(st.booleans()):
        ignore_index = -100  # probability targets have no labels to ignore; PyTorch refuses any other value
        target = torch.softmax(torch.randn(shape, generator=generator) * 3, dim=0 if batch is None else 1).to(dtype)
    else:
        label_shape = () if batch is None else (batch, *extra)
        target = torch.randint(0, classes, label_shape, generator=generator)
        drop = torch.rand(label_shape, generator=generator) < draw(st.sampled_from([0.0, 0.3, 1.0]))
        target = torch.where(drop, torch.full_like(target, ignore_index), target)
    weight = None if draw(st.booleans()) else (torch.rand(classes, generator=generator) * 5 + 0.1).to(dtype)
    options = dict(weight=weight, ignore_index=ignore_index, reduction=draw(st.sampled_from(REDUCTIONS)),
                   label_smoothing=draw(st.sampled_from([0.0, 0.1, 0.5, 1.0])))
    return logits, target, options


@settings(max_examples=100, deadline=None, derandomize=True)
@given(classification_cases())
def test_cross_entropy_agrees_with_torch_for_every_option(case):
    logits, target, options = case
    expected = F.cross_entropy(logits, target, **options)
    ours = cross_entropy_torch(logits, target, **options)
    assert ours.shape == expected.shape and ours.dtype == expected.dtype
    close(ours, expected)
    numpy_options = dict(options, weight=None if options["weight"] is None else options["weight"].numpy())
    float64 = dict(options, weight=None if options["weight"] is None else options["weight"].double())
    close(cross_entropy(logits.numpy(), target.numpy(), **numpy_options),
          F.cross_entropy(logits.double(), target.double() if target.is_floating_point() else target, **float64))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(classification_cases())
def test_cross_entropy_gradients_agree_with_torch(case):
    logits, target, options = case
    if options["reduction"] == "mean" and not target.is_floating_point() and (target == options["ignore_index"]).all():
        return  # a NaN loss: no gradient to compare
    logits = logits.double().requires_grad_()
    target = target.double() if target.is_floating_point() else target
    options["weight"] = None if options["weight"] is None else options["weight"].double()
    (expected,) = torch.autograd.grad(F.cross_entropy(logits, target, **options).sum(), logits)
    (ours,) = torch.autograd.grad(cross_entropy_torch(logits, target, **options).sum(), logits)
    close(ours, expected, rtol=1e-9, atol=1e-12)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(classification_cases())
def test_nll_loss_agrees_with_torch_for_every_option(case):
    logits, target, options = case
    if target.is_floating_point():
        return  # NLLLoss takes class indices only (tested below)
    options.pop("label_smoothing")
    log_probs = F.log_softmax(logits.double(), dim=0 if logits.ndim == 1 else 1)
    options["weight"] = None if options["weight"] is None else options["weight"].double()
    expected = F.nll_loss(log_probs, target, **options)
    close(nll_loss_torch(log_probs, target, **options), expected)
    numpy_options = dict(options, weight=None if options["weight"] is None else options["weight"].numpy())
    close(nll_loss(log_probs.numpy(), target.numpy(), **numpy_options), expected)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.integers(0, 2**16), st.sampled_from([(5,), (2, 3), (2, 3, 2)]), st.sampled_from(REDUCTIONS),
       st.sampled_from([1e-3, 1.0, 30.0, 1e4]), st.booleans())
def test_binary_losses_agree_with_torch_for_every_option(seed, shape, reduction, scale, weighted):
    generator = torch.Generator().manual_seed(seed)
    logits = torch.randn(shape, generator=generator, dtype=torch.float64) * scale
    target = torch.rand(shape, generator=generator, dtype=torch.float64)
    weight = torch.rand(shape[-1:], generator=generator, dtype=torch.float64) + 0.5 if weighted else None
    pos_weight = torch.rand(shape[-1:], generator=generator, dtype=torch.float64) * 4 if weighted else None
    expected = F.binary_cross_entropy_with_logits(logits, target, weight=weight, reduction=reduction, pos_weight=pos_weight)
    as_numpy = {"weight": None if weight is None else weight.numpy(),
                "pos_weight": None if pos_weight is None else pos_weight.numpy()}
    close(binary_cross_entropy_with_logits(logits.numpy(), target.numpy(), reduction=reduction, **as_numpy), expected)
    close(binary_cross_entropy_with_logits_torch(logits, target, weight=weight, reduction=reduction,
                                                 pos_weight=pos_weight), expected)
    probs = torch.sigmoid(logits)
    expected = F.binary_cross_entropy(probs, target, weight=weight, reduction=reduction)
    close(binary_cross_entropy(probs.numpy(), target.numpy(), weight=as_numpy["weight"], reduction=reduction), expected)
    close(binary_cross_entropy_torch(probs, target, weight=weight, reduction=reduction), expected)


def test_bce_with_logits_gradient_matches_torch_at_extremes():
    logits = torch.tensor([-1e4, -30.0, 0.0, 30.0, 1e4], requires_grad=True)
    target = torch.tensor([1.0, 0.0, 0.5, 1.0, 0.0])
    (expected,) = torch.autograd.grad(F.binary_cross_entropy_with_logits(logits, target), logits)
    (ours,) = torch.autograd.grad(binary_cross_entropy_with_logits_torch(logits, target), logits)
    close(ours, expected)


def test_gaussian_clamp_keeps_the_gradient_like_torch():
    var = torch.tensor([0.0, 1e-8, 0.5], dtype=torch.float64, requires_grad=True)
    mean, observed = torch.zeros(3, dtype=torch.float64), torch.tensor([0.1, 0.0, 1.0], dtype=torch.float64)
    (expected,) = torch.autograd.grad(F.gaussian_nll_loss(mean, observed, var), var)
    (ours,) = torch.autograd.grad(gaussian_nll_loss_torch(mean, observed, var), var)
    close(ours, expected, rtol=1e-12, atol=0)
    eps = 1e-6  # d/dv of 0.5 (ln v + d^2 / v) / 3 evaluated at the clamped v = eps: not zero
    assert ours[0].item() == pytest.approx((1 / eps - 0.01 / eps**2) / 6, rel=1e-12)


def test_cross_entropy_is_log_softmax_then_nll_loss():
    logits = random_logits(50, 4, seed=11)
    labels = torch.randint(0, 4, (50,), generator=torch.Generator().manual_seed(12))
    close(cross_entropy(logits.numpy(), labels.numpy()), nll_loss(F.log_softmax(logits, dim=1).numpy(), labels.numpy()),
          rtol=1e-12, atol=1e-12)


# --- The pitfall demos: torch and from scratch agree, and both equal an independent closed form ---

def test_nll_loss_fed_probabilities_returns_minus_their_mean():
    demo = log_probs_demo()
    assert demo.torch_on_probabilities == pytest.approx(-(0.1 + 0.5) / 2, abs=1e-15)
    assert demo.torch_on_log_probabilities == pytest.approx((math.log(10) + math.log(2)) / 2, rel=1e-12)
    assert demo.from_scratch == pytest.approx(demo.torch_on_log_probabilities, **{"rel": 1e-6, "abs": 1e-6})
    with pytest.raises(ValueError, match=re.escape("expected log-probabilities (numbers <= 0)")):
        nll_loss([[0.1, 0.3, 0.5, 0.1]], [3])


def test_cross_entropy_is_log_softmax_then_nll_loss_in_the_demo():
    demo = composition_demo()
    assert demo.cross_entropy == pytest.approx(math.log(3 + math.exp(8)), rel=1e-12)
    assert demo.log_softmax_then_nll_loss == pytest.approx(demo.cross_entropy, rel=1e-12)
    assert demo.from_scratch == pytest.approx(demo.cross_entropy, rel=1e-6, abs=1e-6)


def test_double_softmax_bounds_the_loss_and_starves_the_gradient():
    demo = double_softmax_demo()
    assert demo.loss == pytest.approx(math.log(3 + math.exp(8)), rel=1e-12)
    p = np.exp([0.0, 0.0, 0.0, 8.0]) / np.exp([0.0, 0.0, 0.0, 8.0]).sum()
    s = np.exp(p) / np.exp(p).sum()
    assert demo.loss_double == pytest.approx(-math.log(s[0]), rel=1e-12)
    jacobian = np.diag(p) - np.outer(p, p)  # d softmax / d z
    assert demo.grad_norm_double == pytest.approx(np.linalg.norm(jacobian.T @ (s - [1, 0, 0, 0])), rel=1e-9)
    assert demo.grad_norm == pytest.approx(np.linalg.norm(p - [1, 0, 0, 0]), rel=1e-12)
    assert demo.from_scratch == pytest.approx(demo.loss, rel=1e-6, abs=1e-6)
    assert demo.from_scratch_double == pytest.approx(demo.loss_double, rel=1e-6, abs=1e-6)
    assert demo.floor_double == pytest.approx(math.log(1 + 3 / math.e)) and demo.ceiling_double == pytest.approx(math.log(3 + math.e))
    assert demo.floor_double < demo.loss_double < demo.ceiling_double
    assert demo.ceiling_double - demo.floor_double == pytest.approx(1.0)
    assert demo.grad_norm / demo.grad_norm_double > 1000


def test_smoothing_demo_matches_the_closed_form():
    closed_form = 0.95 * math.log(10) + 0.025 * math.log(10 / 3) + 0.025 * math.log(2)
    demo = smoothing_demo()
    for value in demo:
        assert value == pytest.approx(closed_form, rel=1e-6, abs=1e-6)


def test_weight_demo_divides_by_the_sum_of_the_targets_weights():
    total = math.log(1 / 0.8) + math.log(1 / 0.6) + 4 * math.log(1 / 0.7)
    demo = weight_demo()
    assert demo.torch_weighted == pytest.approx(total / 6, rel=1e-12)
    assert demo.from_scratch == pytest.approx(total / 6, rel=1e-6, abs=1e-6)
    assert demo.sum_of_weights == 6.0
    assert demo.divided_by_n == pytest.approx(total / 3, rel=1e-12)


def test_ignore_demo_means_over_real_tokens_and_is_nan_when_all_are_ignored():
    demo = ignore_demo()
    logits = torch.randn(2, 5, 3, generator=torch.Generator().manual_seed(0), dtype=torch.float64).numpy()
    log_probs = logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)
    real = [-log_probs[0, 4, 0], -log_probs[0, 0, 1], -log_probs[1, 1, 0]]
    assert demo.torch_mean == pytest.approx(np.mean(real), rel=1e-12)
    assert demo.torch_sum == pytest.approx(np.sum(real), rel=1e-12)
    assert demo.from_scratch == pytest.approx(demo.torch_mean, rel=1e-6, abs=1e-6)
    assert demo.mean_of_real_tokens == pytest.approx(demo.torch_mean, rel=1e-12)
    assert math.isnan(demo.torch_all_ignored_mean) and math.isnan(demo.from_scratch_all_ignored_mean)
    assert demo.torch_all_ignored_sum == 0.0


def test_class_dim_demo_needs_a_transpose():
    demo = class_dim_demo()
    assert demo.transposed == pytest.approx(demo.flattened, rel=1e-12)
    assert demo.from_scratch == pytest.approx(demo.transposed, rel=1e-6, abs=1e-6)
    assert abs(demo.not_transposed - demo.transposed) > 0.01  # silently wrong
    with pytest.raises(RuntimeError):  # when L != C, PyTorch at least refuses
        F.cross_entropy(torch.randn(2, 4, 3), torch.randint(0, 3, (2, 4)))
    close(cross_entropy(np.zeros((2, 3, 4)), np.zeros((2, 4), dtype=int), reduction="none"), np.full((2, 4), math.log(3)))


def test_bce_demo_shows_the_clamp_and_the_dead_gradient():
    demo = bce_demo()
    assert demo.exact == pytest.approx(20 + math.log1p(math.exp(-20)), rel=1e-15)
    assert demo.with_logits == pytest.approx(demo.exact, rel=1e-6)
    assert demo.from_scratch == pytest.approx(demo.with_logits, rel=1e-6)
    assert np.float32(1) / (1 + np.exp(np.float32(-20))) == np.float32(1)  # sigmoid(20) rounds to 1 in float32
    assert demo.bce_of_sigmoid == 100.0
    assert demo.grad_with_logits == pytest.approx(1 / (1 + math.exp(-20)), rel=1e-6)
    assert demo.grad_bce_of_sigmoid == 0.0
    assert binary_cross_entropy([0.0], [1.0]) == 100.0 == F.binary_cross_entropy(torch.zeros(1), torch.ones(1)).item()


def test_pos_weight_demo_balances_the_pull():
    demo = pos_weight_demo()
    assert demo.torch_loss == pytest.approx(1.5 * math.log(2), rel=1e-12)
    assert demo.from_scratch == pytest.approx(demo.torch_loss, rel=1e-6, abs=1e-6)
    assert demo.pull_of_the_positive == pytest.approx(-0.375, rel=1e-12)
    assert demo.pull_of_the_negatives == pytest.approx(0.375, rel=1e-12)


def test_gaussian_demo_matches_the_normal_log_density():
    demo = gaussian_demo()
    expected = 0.5 * (math.log(0.01) + 0.01 / 0.01)
    assert demo.torch_loss == pytest.approx(expected, rel=1e-12) and demo.torch_loss < 0
    log_density = torch.distributions.Normal(0.0, math.sqrt(0.01)).log_prob(torch.tensor(0.1, dtype=torch.float64))
    assert demo.torch_full == pytest.approx(-log_density.item(), rel=1e-6)
    assert demo.torch_zero_var == pytest.approx(0.5 * (math.log(1e-6) + 0.01 / 1e-6), rel=1e-12)
    for theirs, ours in [(demo.torch_loss, demo.from_scratch), (demo.torch_full, demo.from_scratch_full),
                         (demo.torch_zero_var, demo.from_scratch_zero_var)]:
        assert ours == pytest.approx(theirs, rel=1e-6, abs=1e-6)


def test_double_softmax_figure_shows_the_bounded_loss():
    fig = double_softmax_figure()
    left, right = fig.axes
    right_curve, double_curve = left.get_lines()
    assert max(double_curve.get_ydata()) < math.log(3 + math.e) + 1e-9
    assert min(double_curve.get_ydata()) > math.log(1 + 3 / math.e) - 1e-9
    assert right_curve.get_ydata()[-1] > 11  # ln(3 + e^12)
    assert min(right.get_lines()[1].get_ydata()) < 1e-4


# --- Bad input ---

# The "Bad input" table of docs/pytorch-losses.md: each row's input and the message it documents.
BAD_INPUT_TABLE = [
    (lambda: cross_entropy([[1.0, math.inf]], [0]), "input: contains infinity, expected finite numbers"),
    (lambda: cross_entropy([[1.0, math.nan]], [0]), "input: contains NaN at index (0, 1), expected real numbers"),
    (lambda: cross_entropy([[1.0]], [0]), "expected (C,), (N, C) or (N, C, d1, ...) with C >= 2 classes on dim 1"),
    (lambda: cross_entropy([[1.0, 2.0]], [2]), "target: label 2 is out of range, expected 0 <= label < 2 (or the ignore_index -100)"),
    (lambda: cross_entropy([[1.0, 2.0]], [0, 1]), "target: has shape (2,), expected (1,) (one label per position)"),
    (lambda: cross_entropy([[1.0, 2.0]], [0.5]), "target: expected integer class indices, got float64 values [0.5]"),
    (lambda: cross_entropy([[1.0, 2.0]], [[1.5, -0.5]]), "target: contains 1.5, expected probabilities in [0, 1]"),
    (lambda: cross_entropy([[1.0, 2.0]], [[0.7, 0.7]]), "target: probabilities along dim 1 at position (0,) sum to 1.4, expected 1 (within 1e-06)"),
    (lambda: nll_loss([[0.1, 0.9]], [0]), "input: contains 0.1, expected log-probabilities (numbers <= 0)"),
    (lambda: nll_loss([[-1.0, -1.0]], [0]), "input: exps of the log-probabilities along dim 1 at position (0,) sum to 0.735759, expected 1 (within 1e-06)"),
    (lambda: cross_entropy([[1.0, 2.0]], [0], weight=[1.0, 2.0, 3.0]), "weight: has shape (3,), expected (2,) (one weight per class)"),
    (lambda: cross_entropy([[1.0, 2.0]], [0], reduction="avg"), "reduction: is 'avg', expected one of 'none', 'mean', 'sum'"),
    (lambda: cross_entropy([[1.0, 2.0]], [0], label_smoothing=1.5), "label_smoothing: is 1.5, expected a number in [0, 1]"),
    (lambda: binary_cross_entropy([1.2], [1.0]), "input: contains 1.2, expected probabilities in [0, 1]"),
    (lambda: binary_cross_entropy_with_logits([0.0, 1.0], [1.0]), "target: has shape (1,), expected (2,) (the input's shape)"),
    (lambda: gaussian_nll_loss([0.0], [0.1], [-1.0]), "var: contains -1, expected variances >= 0"),
]


@pytest.mark.parametrize("call, message", BAD_INPUT_TABLE)
def test_documented_bad_input_raises_the_documented_message(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()
    assert message in page_source("pytorch-losses.md")


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: cross_entropy_torch(torch.tensor([[1.0, math.inf]]), torch.tensor([0])), "contains infinity"),
        (lambda: cross_entropy_torch(torch.tensor([[1.0, 2.0]]), torch.tensor([5])), "label 5 is out of range"),
        (lambda: cross_entropy(np.zeros((2, 3, 4)), np.zeros((2, 3), dtype=int)), "expected (2, 4)"),
        (lambda: cross_entropy(np.zeros((2, 3, 4)), np.full((2, 4, 3), 1 / 3)), "expected (2, 3, 4) (probabilities)"),
        (lambda: cross_entropy(5.0, 0), "expected (C,), (N, C)"),
        (lambda: cross_entropy([[1.0, 2.0]], [0], weight=[1.0, -2.0]), "weight: contains -2, expected non-negative"),
        (lambda: cross_entropy([[1.0, 2.0]], [0], ignore_index=1.5), "ignore_index: is 1.5, expected an integer"),
        (lambda: cross_entropy([[1.0, 2.0]], [-1]), "label -1 is out of range"),
        (lambda: nll_loss([[-0.5, -1.0]], [[1.0, 0.0]]), "this loss takes no probability targets"),
        (lambda: cross_entropy([[1.0, 2.0]], [[1.0, 0.0]], ignore_index=0), "ignore_index: is 0, expected -100"),
        (lambda: nll_loss_torch(torch.tensor([[0.1, 0.9]]), torch.tensor([0])), "expected log-probabilities"),
        (lambda: binary_cross_entropy([0.5], [1.5]), "target: contains 1.5"),
        (lambda: binary_cross_entropy([0.5, 0.5], [1.0, 0.0], weight=[1.0, 2.0, 3.0]), "expected a shape that broadcasts to (2,)"),
        (lambda: binary_cross_entropy_torch(torch.tensor([math.nan]), torch.tensor([1.0])), "contains NaN"),
        (lambda: binary_cross_entropy_with_logits([0.0], [1.0], pos_weight=[-1.0]), "pos_weight: contains -1"),
        (lambda: binary_cross_entropy_with_logits_torch(torch.tensor([math.inf]), torch.tensor([1.0])), "contains infinity"),
        (lambda: gaussian_nll_loss([0.0, 1.0], [0.1, 1.0], [1.0, 1.0, 1.0]), "var: has shape (3,)"),
        (lambda: gaussian_nll_loss([0.0], [0.1], [1.0], eps=0.0), "eps: is 0, expected a positive number"),
        (lambda: gaussian_nll_loss([0.0], [0.1], [1.0], full=1), "full: is 1, expected True or False"),
        (lambda: gaussian_nll_loss_torch(torch.zeros(1), torch.zeros(1), torch.tensor([-1.0])), "var: contains -1"),
        (lambda: gaussian_nll_loss([0.0], [math.nan], [1.0]), "target: contains NaN"),
    ],
)
def test_other_bad_input_raises_value_error(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: one_of("avg", ("mean",), "reduction"), "reduction: is 'avg', expected one of 'mean'"),
        (lambda: number_in_range(math.nan, "x", 0, 1), "x: is nan, expected a number in [0, 1]"),
        (lambda: number_in_range(True, "x", 0, 1), "x: is True, expected a number in [0, 1]"),
        (lambda: label_array([[0, 1]], 2, shape=(2,)), "target: has shape (1, 2), expected (2,)"),
        (lambda: label_array([], 2), "target: is empty"),
        (lambda: label_array([True], 2), "expected integer class indices"),
        (lambda: label_array([[0, 5]], 3, ignore_index=5 + 1), "label 5 is out of range, expected 0 <= label < 3 (or the ignore_index 6)"),
        (lambda: distributions([0.5, 0.5]), "target: has shape (2,), expected classes along dim 1"),
        (lambda: log_distributions([], "x"), "x: is empty"),
        (lambda: log_distributions([-0.5], "x"), "x: has shape (1,), expected classes along dim 1"),
    ],
)
def test_new_generic_checks_name_what_is_wrong(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()


def test_new_generic_checks_accept_good_input():
    assert one_of("sum", REDUCTIONS, "reduction") == "sum"
    assert number_in_range(1, "x", 0, 1) == 1.0
    assert label_array(torch.tensor([[0, -100], [2, 1]]), 3, ignore_index=-100).tolist() == [[0, -100], [2, 1]]
    assert label_array([1.0, 0.0], 2).dtype == np.int64
    assert distributions([[[0.25], [0.75]]]).shape == (1, 2, 1)
    assert log_distributions([[math.log(0.5), math.log(0.5)], [0.0, -math.inf]]).shape == (2, 2)  # log 0 is allowed



def test_torch_versions_take_lists_and_integer_tensors():
    logits = [[1.0, 3.0], [0.5, -0.5]]
    as_tensor = torch.tensor(logits, dtype=torch.float64)
    close(cross_entropy_torch(logits, [1, 0]), F.cross_entropy(as_tensor, torch.tensor([1, 0])))
    log_probs = torch.log_softmax(as_tensor, dim=1)
    close(nll_loss_torch(log_probs.tolist(), [1, 0]), F.nll_loss(log_probs, torch.tensor([1, 0])))
    # an integer tensor of probabilities must not turn the soft targets into integers
    close(binary_cross_entropy_torch(torch.tensor([1, 0]), [0.75, 0.25]),
          F.binary_cross_entropy(torch.tensor([1.0, 0.0]), torch.tensor([0.75, 0.25])))
    close(binary_cross_entropy_with_logits_torch(torch.tensor([2, -1]), [0.5, 0.0]),
          F.binary_cross_entropy_with_logits(torch.tensor([2.0, -1.0]), torch.tensor([0.5, 0.0])))
    close(gaussian_nll_loss_torch([0.0, 1.0], [0.5, 0.5], [1.0, 2.0]),
          F.gaussian_nll_loss(torch.tensor([0.0, 1.0]), torch.tensor([0.5, 0.5]), torch.tensor([1.0, 2.0])))


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: log_probs_demo(labels=(3, 4)), "labels: label 4 is out of range, expected 0 <= label < 4"),
        (lambda: composition_demo(labels=(0, 1)), "labels: has 2 labels, expected 1"),
        (lambda: double_softmax_demo(label=0.5), "label: expected integer class indices"),
        (lambda: smoothing_demo(probs=(0.5, 0.5, 0.0, 0.0)), "probs: contains 0, expected positive probabilities"),
        (lambda: weight_demo(weight=(1.0, 2.0, 3.0)), "weight: has shape (3,), expected (2,) (one weight per class)"),
        (lambda: ignore_demo(seed=1.5), "seed: is 1.5, expected an integer seed between 0 and 2**64 - 1"),
        (lambda: class_dim_demo(seed=-1), "seed: is -1"),
        (lambda: bce_demo(1e39), "z: is 1e+39, expected a logit that float32 can hold"),
        (lambda: pos_weight_demo(-1.0), "pos_weight: is -1, expected a non-negative weight"),
        (lambda: gaussian_demo(var=-0.01), "var: is -0.01, expected a variance >= 0"),
        (lambda: report((1.0, 2.0)), "result: is a tuple, expected a demo's result (a NamedTuple)"),
    ],
)
def test_demos_check_their_arguments_before_pytorch_sees_them(call, message):
    # without the checks PyTorch raised IndexError or RuntimeError, or returned nan
    with pytest.raises(ValueError, match=re.escape(message)):
        call()


def test_demos_still_agree_with_pytorch_on_other_valid_input():
    result = weight_demo(probs=((0.5, 0.5),), labels=(1,), weight=(1.0, 3.0))  # one row, as (C,) rows of one
    assert result.torch_weighted == pytest.approx(math.log(2), rel=1e-12) == result.from_scratch
    result = double_softmax_demo(logits=(0.0, 1.0, 2.0), label=2)
    assert result.loss == pytest.approx(math.log(1 + math.exp(-1) + math.exp(-2)), rel=1e-12)
    assert result.from_scratch == pytest.approx(result.loss, rel=1e-12)

def test_page_code_runs_in_order():
    run_page_checking_output("pytorch-losses.md")


# --- Bad input ---

from snippets import pytorch_losses as pl_module  # noqa: E402
from tests.badinput import (  # noqa: E402,F401
    BATCH, DATA, LOG_HALVES, LOGITS, P, SCRATCH, T, Bad, inf, nan, word_file,
)

#: Bad input for every public function of snippets/pytorch_losses.py (run by tests/test_bad_input.py).
BAD_INPUTS = {
    "classification_spec": [
        Bad("range", lambda: pl_module.classification_spec((1, 2), [0], reduction="avg"),
            "reduction: is 'avg', expected one of 'none', 'mean', 'sum'"),
        Bad("range", lambda: pl_module.classification_spec((1, 2), [0], label_smoothing=1.5), "label_smoothing: is 1.5"),
        Bad("type", lambda: pl_module.classification_spec((1, 2), [0], ignore_index=1.5), "ignore_index: is 1.5, expected an integer"),
        Bad("shape", lambda: pl_module.classification_spec((2, 1), [0, 0]), "input: has shape (2, 1), expected (C,), (N, C)"),
        Bad("shape", lambda: pl_module.classification_spec((2, 3), [0]), "target: has shape (1,), expected (2,)"),
        Bad("label", lambda: pl_module.classification_spec((1, 2), [2]), "target: label 2 is out of range"),
        Bad("shape", lambda: pl_module.classification_spec((1, 2), [0], weight=[1.0]), "weight: has shape (1,), expected (2,)"),
        Bad("range", lambda: pl_module.classification_spec((1, 2), [0], weight=[1.0, -1.0]), "weight: contains -1"),
        Bad("nan", lambda: pl_module.classification_spec((1, 2), [0], weight=[1.0, nan]), "weight: contains NaN"),
        Bad("type", lambda: pl_module.classification_spec(2, [0]), "input_shape: is 2, expected a tuple of sizes"),
        Bad("type", lambda: pl_module.classification_spec((1, 2.5), [0]), "input_shape: is (1, 2.5)"),
    ],
    "elementwise_weight": [
        Bad("shape", lambda: pl_module.elementwise_weight([1.0, 2.0, 3.0], (2,), "weight"),
            "weight: has shape (3,), expected a shape that broadcasts to (2,)"),
        Bad("shape", lambda: pl_module.elementwise_weight(np.ones((2, 2)), (2,), "weight"), "weight: has shape (2, 2)"),
        Bad("range", lambda: pl_module.elementwise_weight([-1.0], (2,), "pos_weight"), "pos_weight: contains -1, expected non-negative"),
        Bad("nan", lambda: pl_module.elementwise_weight([nan], (2,), "weight"), "weight: contains NaN"),
        Bad("empty", lambda: pl_module.elementwise_weight([], (2,), "weight"), "weight: is empty"),
    ],
    "same_shape": [
        Bad("shape", lambda: pl_module.same_shape(np.zeros(1), (2,)), "target: has shape (1,), expected (2,) (the input's shape)"),
        Bad("shape", lambda: pl_module.same_shape(np.zeros((2, 1)), (2,)), "target: has shape (2, 1), expected (2,)"),
        Bad("shape", lambda: pl_module.same_shape([0.0], (2,)), "target: has shape (1,), expected (2,)"),
    ],
    "cross_entropy": [
        Bad("range", lambda: pl_module.cross_entropy([[1.0, inf]], [0]), "input: contains infinity, expected finite numbers"),
        Bad("nan", lambda: pl_module.cross_entropy([[1.0, nan]], [0]), "input: contains NaN at index (0, 1)"),
        Bad("shape", lambda: pl_module.cross_entropy([[1.0]], [0]), "with C >= 2 classes on dim 1"),
        Bad("label", lambda: pl_module.cross_entropy(LOGITS, [2]), "target: label 2 is out of range"),
        Bad("shape", lambda: pl_module.cross_entropy(LOGITS, [0, 1]), "target: has shape (2,), expected (1,)"),
        Bad("type", lambda: pl_module.cross_entropy(LOGITS, [0.5]), "target: expected integer class indices"),
        Bad("range", lambda: pl_module.cross_entropy(LOGITS, [[1.5, -0.5]]), "target: contains 1.5"),
        Bad("sum", lambda: pl_module.cross_entropy(LOGITS, [[0.7, 0.7]]), "sum to 1.4, expected 1"),
        Bad("range", lambda: pl_module.cross_entropy(LOGITS, [0], reduction="avg"), "reduction: is 'avg'"),
        Bad("range", lambda: pl_module.cross_entropy(LOGITS, [0], label_smoothing=-0.1), "label_smoothing: is -0.1"),
        Bad("empty", lambda: pl_module.cross_entropy([], []), "input: is empty"),
    ],
    "nll_loss": [
        Bad("range", lambda: pl_module.nll_loss([[0.1, 0.9]], [0]), "input: contains 0.1, expected log-probabilities"),
        Bad("sum", lambda: pl_module.nll_loss([[-1.0, -1.0]], [0]), "sum to 0.735759, expected 1"),
        Bad("nan", lambda: pl_module.nll_loss([[nan, 0.0]], [0]), "input: contains NaN"),
        Bad("shape", lambda: pl_module.nll_loss(LOG_HALVES, [[1.0, 0.0]]), "this loss takes no probability targets"),
        Bad("label", lambda: pl_module.nll_loss(LOG_HALVES, [3]), "target: label 3 is out of range"),
        Bad("empty", lambda: pl_module.nll_loss(np.zeros((0, 3)), []), "target: is empty"),
        Bad("range", lambda: pl_module.nll_loss(LOG_HALVES, [0], reduction="max"), "reduction: is 'max'"),
    ],
    "cross_entropy_torch": [
        Bad("range", lambda: pl_module.cross_entropy_torch(torch.tensor([[1.0, inf]]), torch.tensor([0])), "input: contains infinity"),
        Bad("label", lambda: pl_module.cross_entropy_torch(torch.tensor(LOGITS), torch.tensor([5])), "target: label 5 is out of range"),
        Bad("nan", lambda: pl_module.cross_entropy_torch(torch.tensor([[nan, 1.0]]), torch.tensor([0])), "input: contains NaN"),
        Bad("sum", lambda: pl_module.cross_entropy_torch(torch.tensor(LOGITS), torch.tensor([[0.7, 0.7]])), "sum to 1.4"),
        Bad("range", lambda: pl_module.cross_entropy_torch(torch.tensor(LOGITS), torch.tensor([0]), label_smoothing=2.0),
            "label_smoothing: is 2"),
        Bad("empty", lambda: pl_module.cross_entropy_torch(torch.zeros(0, 3), torch.zeros(0, dtype=torch.long)), "input: is empty"),
    ],
    "nll_loss_torch": [
        Bad("range", lambda: pl_module.nll_loss_torch(torch.tensor([[0.1, 0.9]]), torch.tensor([0])), "expected log-probabilities"),
        Bad("sum", lambda: pl_module.nll_loss_torch(torch.tensor([[-1.0, -1.0]]), torch.tensor([0])), "sum to 0.735759"),
        Bad("nan", lambda: pl_module.nll_loss_torch(torch.tensor([[nan, 0.0]]), torch.tensor([0])), "input: contains NaN"),
        Bad("label", lambda: pl_module.nll_loss_torch(torch.tensor(LOG_HALVES), torch.tensor([2])), "target: label 2 is out of range"),
        Bad("shape", lambda: pl_module.nll_loss_torch(torch.tensor(LOG_HALVES), torch.tensor([0, 1])), "target: has shape (2,), expected (1,)"),
    ],
    "binary_cross_entropy": [
        Bad("range", lambda: pl_module.binary_cross_entropy([1.2], [1.0]), "input: contains 1.2, expected probabilities"),
        Bad("range", lambda: pl_module.binary_cross_entropy([0.5], [1.5]), "target: contains 1.5"),
        Bad("shape", lambda: pl_module.binary_cross_entropy([0.5, 0.5], [1.0]), "target: has shape (1,), expected (2,)"),
        Bad("shape", lambda: pl_module.binary_cross_entropy([0.5, 0.5], [1.0, 0.0], weight=[1.0, 2.0, 3.0]),
            "expected a shape that broadcasts to (2,)"),
        Bad("nan", lambda: pl_module.binary_cross_entropy([nan], [1.0]), "input: contains NaN"),
        Bad("empty", lambda: pl_module.binary_cross_entropy([], []), "input: is empty"),
        Bad("range", lambda: pl_module.binary_cross_entropy([0.5], [1.0], reduction="avg"), "reduction: is 'avg'"),
    ],
    "binary_cross_entropy_torch": [
        Bad("nan", lambda: pl_module.binary_cross_entropy_torch(torch.tensor([nan]), torch.tensor([1.0])), "input: contains NaN"),
        Bad("range", lambda: pl_module.binary_cross_entropy_torch(torch.tensor([1.5]), torch.tensor([1.0])), "input: contains 1.5"),
        Bad("shape", lambda: pl_module.binary_cross_entropy_torch(torch.tensor([0.5]), torch.tensor([1.0, 0.0])),
            "target: has shape (2,), expected (1,)"),
        Bad("range", lambda: pl_module.binary_cross_entropy_torch(torch.tensor([0.5]), torch.tensor([1.0]), weight=[-2.0]),
            "weight: contains -2"),
        Bad("range", lambda: pl_module.binary_cross_entropy_torch(torch.tensor([0.5]), torch.tensor([1.0]), reduction="all"),
            "reduction: is 'all'"),
    ],
    "binary_cross_entropy_with_logits": [
        Bad("shape", lambda: pl_module.binary_cross_entropy_with_logits([0.0, 1.0], [1.0]),
            "target: has shape (1,), expected (2,) (the input's shape)"),
        Bad("range", lambda: pl_module.binary_cross_entropy_with_logits([0.0], [1.0], pos_weight=[-1.0]), "pos_weight: contains -1"),
        Bad("range", lambda: pl_module.binary_cross_entropy_with_logits([inf], [1.0]), "input: contains infinity"),
        Bad("range", lambda: pl_module.binary_cross_entropy_with_logits([0.0], [2.0]), "target: contains 2"),
        Bad("nan", lambda: pl_module.binary_cross_entropy_with_logits([0.0], [1.0], weight=[nan]), "weight: contains NaN"),
    ],
    "binary_cross_entropy_with_logits_torch": [
        Bad("range", lambda: pl_module.binary_cross_entropy_with_logits_torch(torch.tensor([inf]), torch.tensor([1.0])),
            "input: contains infinity"),
        Bad("range", lambda: pl_module.binary_cross_entropy_with_logits_torch(torch.tensor([0.0]), torch.tensor([-1.0])),
            "target: contains -1"),
        Bad("range", lambda: pl_module.binary_cross_entropy_with_logits_torch(
            torch.tensor([0.0]), torch.tensor([1.0]), pos_weight=torch.tensor([-3.0])), "pos_weight: contains -3"),
        Bad("shape", lambda: pl_module.binary_cross_entropy_with_logits_torch(torch.zeros(2), torch.zeros(3)),
            "target: has shape (3,), expected (2,)"),
    ],
    "variance_like": [
        Bad("shape", lambda: pl_module.variance_like([1.0, 1.0, 1.0], (2,)), "var: has shape (3,), expected (2,)"),
        Bad("range", lambda: pl_module.variance_like([-1.0, 1.0], (2,)), "var: contains -1, expected variances >= 0"),
        Bad("nan", lambda: pl_module.variance_like([nan], (1,)), "var: contains NaN"),
        Bad("empty", lambda: pl_module.variance_like([], (2,)), "var: is empty"),
        Bad("range", lambda: pl_module.variance_like([inf], (1,)), "var: contains infinity"),
    ],
    "gaussian_nll_loss": [
        Bad("range", lambda: pl_module.gaussian_nll_loss([0.0], [0.1], [-1.0]), "var: contains -1, expected variances >= 0"),
        Bad("shape", lambda: pl_module.gaussian_nll_loss([0.0, 1.0], [0.1, 1.0], [1.0, 1.0, 1.0]), "var: has shape (3,)"),
        Bad("shape", lambda: pl_module.gaussian_nll_loss([0.0, 1.0], [0.1], [1.0]), "target: has shape (1,), expected (2,)"),
        Bad("scale", lambda: pl_module.gaussian_nll_loss([0.0], [0.1], [1.0], eps=0.0), "eps: is 0, expected a positive number"),
        Bad("type", lambda: pl_module.gaussian_nll_loss([0.0], [0.1], [1.0], full=1), "full: is 1, expected True or False"),
        Bad("nan", lambda: pl_module.gaussian_nll_loss([0.0], [nan], [1.0]), "target: contains NaN"),
        Bad("range", lambda: pl_module.gaussian_nll_loss([0.0], [0.1], [1.0], reduction="avg"), "reduction: is 'avg'"),
    ],
    "gaussian_nll_loss_torch": [
        Bad("range", lambda: pl_module.gaussian_nll_loss_torch(torch.zeros(1), torch.zeros(1), torch.tensor([-1.0])), "var: contains -1"),
        Bad("scale", lambda: pl_module.gaussian_nll_loss_torch(torch.zeros(1), torch.zeros(1), torch.ones(1), eps=-1e-6), "eps: is -1e-06"),
        Bad("nan", lambda: pl_module.gaussian_nll_loss_torch(torch.tensor([nan]), torch.zeros(1), torch.ones(1)), "input: contains NaN"),
        Bad("shape", lambda: pl_module.gaussian_nll_loss_torch(torch.zeros(2), torch.zeros(1), torch.ones(2)),
            "target: has shape (1,), expected (2,)"),
        Bad("type", lambda: pl_module.gaussian_nll_loss_torch(torch.zeros(1), torch.zeros(1), torch.ones(1), full="yes"),
            "full: is 'yes'"),
    ],
    "report": [
        Bad("type", lambda: pl_module.report((1.0, 2.0)), "result: is a tuple, expected a demo's result"),
        Bad("type", lambda: pl_module.report(None), "result: is a NoneType"),
        Bad("type", lambda: pl_module.report({"loss": 1.0}), "result: is a dict"),
    ],
    "log_probs_demo": [
        Bad("sum", lambda: pl_module.log_probs_demo(probs=[[0.5, 0.6]], labels=[0]), "probs: row 0 sums to 1.1"),
        Bad("range", lambda: pl_module.log_probs_demo(probs=[[1.5, -0.5]], labels=[0]), "probs: contains 1.5"),
        Bad("label", lambda: pl_module.log_probs_demo(labels=(3, 4)), "labels: label 4 is out of range"),
        Bad("count", lambda: pl_module.log_probs_demo(labels=(3,)), "labels: has 1 labels, expected 2"),
        Bad("shape", lambda: pl_module.log_probs_demo(probs=[[[0.5, 0.5]]], labels=[0]),
            "probs: has shape (1, 1, 2), expected (C,) or (N, C)"),
        Bad("nan", lambda: pl_module.log_probs_demo(probs=[[nan, 1.0]], labels=[0]), "probs: contains NaN"),
    ],
    "composition_demo": [
        Bad("range", lambda: pl_module.composition_demo(logits=[[0.0, inf]]), "logits: contains infinity"),
        Bad("nan", lambda: pl_module.composition_demo(logits=[[0.0, nan]]), "logits: contains NaN"),
        Bad("label", lambda: pl_module.composition_demo(labels=(4,)), "labels: label 4 is out of range"),
        Bad("count", lambda: pl_module.composition_demo(labels=(0, 1)), "labels: has 2 labels, expected 1"),
        Bad("shape", lambda: pl_module.composition_demo(logits=(0.0, 8.0)), "logits: has shape (2,), expected (N, C)"),
        Bad("type", lambda: pl_module.composition_demo(labels=(0.5,)), "labels: expected integer class indices"),
    ],
    "double_softmax_demo": [
        Bad("label", lambda: pl_module.double_softmax_demo(label=4), "label: label 4 is out of range"),
        Bad("type", lambda: pl_module.double_softmax_demo(label=0.5), "label: expected integer class indices"),
        Bad("nan", lambda: pl_module.double_softmax_demo(logits=(0.0, nan)), "logits: contains NaN"),
        Bad("range", lambda: pl_module.double_softmax_demo(logits=(0.0, inf)), "logits: contains infinity"),
        Bad("shape", lambda: pl_module.double_softmax_demo(logits=(5.0,)), "logits: has shape (1,), expected (C,) with at least 2 classes"),
        Bad("shape", lambda: pl_module.double_softmax_demo(logits=((0.0, 8.0),)), "logits: has shape (1, 2), expected (C,)"),
    ],
    "smoothing_demo": [
        Bad("range", lambda: pl_module.smoothing_demo(eps=1.5), "eps: is 1.5, expected a number in [0, 1]"),
        Bad("nan", lambda: pl_module.smoothing_demo(eps=nan), "eps: is nan"),
        Bad("label", lambda: pl_module.smoothing_demo(label=4), "label: label 4 is out of range"),
        Bad("sum", lambda: pl_module.smoothing_demo(probs=(0.5, 0.6)), "probs: row 0 sums to 1.1"),
        Bad("shape", lambda: pl_module.smoothing_demo(probs=BATCH), "probs: has shape (2, 4), expected one distribution"),
        Bad("range", lambda: pl_module.smoothing_demo(probs=(0.5, 0.5, 0.0, 0.0), label=0),
            "probs: contains 0, expected positive probabilities"),
    ],
    "weight_demo": [
        Bad("shape", lambda: pl_module.weight_demo(weight=(1.0, 2.0, 3.0)), "weight: has shape (3,), expected (2,)"),
        Bad("range", lambda: pl_module.weight_demo(weight=(1.0, -4.0)), "weight: contains -4, expected non-negative"),
        Bad("nan", lambda: pl_module.weight_demo(weight=(1.0, nan)), "weight: contains NaN"),
        Bad("label", lambda: pl_module.weight_demo(labels=(0, 0, 2)), "labels: label 2 is out of range"),
        Bad("count", lambda: pl_module.weight_demo(labels=(0, 1)), "labels: has 2 labels, expected 3"),
        Bad("sum", lambda: pl_module.weight_demo(probs=((0.8, 0.3),)), "probs: row 0 sums to 1.1"),
    ],
    "ignore_demo": [
        Bad("type", lambda: pl_module.ignore_demo(seed=1.5), "seed: is 1.5, expected an integer seed"),
        Bad("type", lambda: pl_module.ignore_demo(seed=True), "seed: is True"),
        Bad("range", lambda: pl_module.ignore_demo(seed=-1), "seed: is -1"),
        Bad("type", lambda: pl_module.ignore_demo(seed="0"), "seed: is '0'"),
    ],
    "class_dim_demo": [
        Bad("type", lambda: pl_module.class_dim_demo(seed=0.5), "seed: is 0.5, expected an integer seed"),
        Bad("range", lambda: pl_module.class_dim_demo(seed=2**64), "seed: is 18446744073709551616"),
        Bad("type", lambda: pl_module.class_dim_demo(seed=None), "seed: is None"),
    ],
    "bce_demo": [
        Bad("nan", lambda: pl_module.bce_demo(nan), "z: contains NaN"),
        Bad("range", lambda: pl_module.bce_demo(inf), "z: contains infinity"),
        Bad("range", lambda: pl_module.bce_demo(1e39), "z: is 1e+39, expected a logit that float32 can hold"),
        Bad("shape", lambda: pl_module.bce_demo([20.0, 1.0]), "z: expected a single number"),
        Bad("type", lambda: pl_module.bce_demo("20"), "z: expected real numbers"),
    ],
    "pos_weight_demo": [
        Bad("range", lambda: pl_module.pos_weight_demo(-1.0), "pos_weight: is -1, expected a non-negative weight"),
        Bad("nan", lambda: pl_module.pos_weight_demo(nan), "pos_weight: contains NaN"),
        Bad("range", lambda: pl_module.pos_weight_demo(inf), "pos_weight: contains infinity"),
        Bad("shape", lambda: pl_module.pos_weight_demo([3.0, 1.0]), "pos_weight: expected a single number"),
    ],
    "gaussian_demo": [
        Bad("range", lambda: pl_module.gaussian_demo(var=-1.0), "var: is -1, expected a variance >= 0"),
        Bad("nan", lambda: pl_module.gaussian_demo(mean=nan), "mean: contains NaN"),
        Bad("range", lambda: pl_module.gaussian_demo(observed=inf), "observed: contains infinity"),
        Bad("shape", lambda: pl_module.gaussian_demo(var=[0.01, 0.02]), "var: expected a single number"),
        Bad("type", lambda: pl_module.gaussian_demo(mean="0"), "mean: expected real numbers"),
    ],
}
