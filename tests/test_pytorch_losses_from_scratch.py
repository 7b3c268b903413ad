"""Tests of snippets/pytorch_losses_from_scratch.py: every loss against torch.nn.functional."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.pytorch_losses_from_scratch import (
    REDUCTIONS,
    agreement_demo,
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    differences_demo,
    gaussian_nll_loss,
    ignore_index_demo,
    log_softmax,
    nll_loss,
    saturated_demo,
    zero_var_demo,
    zero_weight_demo,
)

TOL = dict(rtol=1e-6, atol=1e-6)  # from scratch equals torch within 1e-6
SCALES = torch.tensor([1e-3, 1.0, 10.0, 100.0, 1e4], dtype=torch.float64)


def close(actual, expected, **tolerance) -> None:
    actual, expected = (torch.as_tensor(v).double() for v in (actual, expected))
    torch.testing.assert_close(actual, expected, equal_nan=True, **(tolerance or TOL))


def random_logits(rows: int, classes: int, seed: int) -> torch.Tensor:
    """Logits at scales 1e-3 to 1e4; every 10th row only +1e4 and -1e4 (float64)."""
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
    ours = cross_entropy(logits, labels, reduction="none")
    assert ours.dtype == dtype
    close(ours, expected)
    close(cross_entropy(logits, labels), expected.double().mean())


def test_soft_targets_with_smoothing_agree_with_torch_on_1000_cases():
    logits = random_logits(1000, 5, seed=3).float()
    target = torch.softmax(torch.randn(1000, 5, generator=torch.Generator().manual_seed(4)) * 3, dim=1)
    expected = F.cross_entropy(logits, target, reduction="none", label_smoothing=0.2)
    close(cross_entropy(logits, target, reduction="none", label_smoothing=0.2), expected)


def test_nll_loss_agrees_with_torch_on_1000_cases():
    log_probs = F.log_softmax(random_logits(1000, 6, seed=5), dim=1)
    labels = torch.randint(0, 6, (1000,), generator=torch.Generator().manual_seed(6))
    weight = torch.linspace(0.5, 3.0, 6, dtype=torch.float64)
    expected = F.nll_loss(log_probs, labels, weight=weight, reduction="none")
    close(nll_loss(log_probs, labels, weight=weight, reduction="none"), expected)
    close(nll_loss(log_probs, labels, weight=weight), F.nll_loss(log_probs, labels, weight=weight))


def test_float32_softmax_rows_of_50000_classes_are_accepted():
    log_probs = F.log_softmax(torch.randn(4, 50_000, generator=torch.Generator().manual_seed(0)) * 3, dim=1)
    labels = torch.tensor([0, 1, 2, 3])
    close(nll_loss(log_probs, labels), F.nll_loss(log_probs, labels))
    target = log_probs.exp()
    close(cross_entropy(log_probs, target), F.cross_entropy(log_probs, target))


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_bce_with_logits_agrees_with_torch_on_1000_cases(dtype):
    generator = torch.Generator().manual_seed(7)
    logits = random_logits(250, 4, seed=8).to(dtype)
    target = torch.rand(250, 4, generator=generator, dtype=torch.float64).to(dtype)
    target[::3] = target[::3].round()  # hard labels too
    pos_weight = torch.tensor([1.0, 0.5, 3.0, 10.0], dtype=dtype)
    # PyTorch's float32 formula, (1 - y) z + (1 + (w - 1) y) softplus(-z), cancels at |z| = 1e4 (errors of
    # about 4e-4); ours does not: compare both dtypes with PyTorch in float64 on the same numbers.
    expected = F.binary_cross_entropy_with_logits(logits.double(), target.double(), pos_weight=pos_weight.double(),
                                                  reduction="none")
    ours = binary_cross_entropy_with_logits(logits, target, pos_weight=pos_weight, reduction="none")
    assert ours.dtype == dtype
    close(ours, expected)


def test_bce_on_probabilities_agrees_with_torch_on_1000_cases():
    generator = torch.Generator().manual_seed(9)
    probs = torch.rand(1000, generator=generator, dtype=torch.float64)
    probs[:20] = torch.tensor([0.0, 1.0, 1e-300, 1 - 1e-16, 1e-50] * 4, dtype=torch.float64)  # log clamps
    target = torch.rand(1000, generator=generator, dtype=torch.float64).round()
    expected = F.binary_cross_entropy(probs, target, reduction="none")
    assert expected.max() == 100.0
    close(binary_cross_entropy(probs, target, reduction="none"), expected)
    weight = torch.rand(1000, generator=generator, dtype=torch.float64)
    close(binary_cross_entropy(probs, target, weight=weight), F.binary_cross_entropy(probs, target, weight=weight))


def test_gaussian_nll_agrees_with_torch_on_1000_cases():
    generator = torch.Generator().manual_seed(10)
    mean = torch.randn(500, 2, generator=generator, dtype=torch.float64) * 10
    observed = mean + torch.randn(500, 2, generator=generator, dtype=torch.float64)
    var = torch.rand(500, 2, generator=generator, dtype=torch.float64) * 4
    var[:10] = 0.0  # clamped to eps
    for full in (False, True):
        expected = F.gaussian_nll_loss(mean, observed, var, full=full, reduction="none")
        close(gaussian_nll_loss(mean, observed, var, full=full, reduction="none"), expected)
    shared = var[:, :1]  # one variance per row, (N, 1); and (N,)
    close(gaussian_nll_loss(mean, observed, shared), F.gaussian_nll_loss(mean, observed, shared))
    close(gaussian_nll_loss(mean, observed, shared[:, 0], reduction="sum"),
          F.gaussian_nll_loss(mean, observed, shared[:, 0], reduction="sum"))
    close(gaussian_nll_loss(mean, observed, shared[:, 0]), F.gaussian_nll_loss(mean, observed, shared[:, 0]))
    close(gaussian_nll_loss(mean, observed, 0.5), F.gaussian_nll_loss(mean, observed, 0.5))  # a float var


# --- Property-based: every combination of options, shapes, dtypes and scales ---

@st.composite
def classification_cases(draw):
    classes = draw(st.integers(2, 5))
    batch = draw(st.sampled_from([1, 3]))
    extra = draw(st.sampled_from([(), (3,), (2, 2)]))
    dtype = draw(st.sampled_from([torch.float32, torch.float64]))
    scale = draw(st.sampled_from([1e-3, 1.0, 30.0, 1e4]))
    generator = torch.Generator().manual_seed(draw(st.integers(0, 2**16)))
    shape = (batch, classes, *extra)
    logits = (torch.randn(shape, generator=generator, dtype=torch.float64) * scale).to(dtype)
    ignore_index = draw(st.sampled_from([-100, -1, 0, 255]))
    if draw(st.booleans()):
        ignore_index = draw(st.sampled_from([-100, -1]))  # PyTorch refuses >= 0 with probabilities
        target = torch.softmax(torch.randn(shape, generator=generator) * 3, dim=1).to(dtype)
    else:
        label_shape = (batch, *extra)
        target = torch.randint(0, classes, label_shape, generator=generator)
        drop = torch.rand(label_shape, generator=generator) < draw(st.sampled_from([0.0, 0.3, 1.0]))
        target = torch.where(drop, torch.full_like(target, ignore_index), target)
    weight = None if draw(st.booleans()) else (torch.rand(classes, generator=generator) * 5 + 0.1).to(dtype)
    if weight is not None and draw(st.booleans()):
        weight = weight * (torch.rand(classes, generator=generator) < 0.5)  # classes switched off: total may be 0
    options = dict(weight=weight, ignore_index=ignore_index, reduction=draw(st.sampled_from(REDUCTIONS)),
                   label_smoothing=draw(st.sampled_from([0.0, 0.1, 0.5, 1.0])))
    return logits, target, options


@settings(max_examples=100, deadline=None, derandomize=True)
@given(classification_cases())
def test_cross_entropy_agrees_with_torch_for_every_option(case):
    logits, target, options = case
    expected = F.cross_entropy(logits, target, **options)
    ours = cross_entropy(logits, target, **options)
    assert ours.shape == expected.shape and ours.dtype == expected.dtype
    close(ours, expected)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(classification_cases())
def test_cross_entropy_gradients_agree_with_torch(case):
    logits, target, options = case  # fully ignored batches included: NaN loss, zero gradient
    logits = logits.double().requires_grad_()
    target = target.double() if target.is_floating_point() else target
    options["weight"] = None if options["weight"] is None else options["weight"].double()
    (expected,) = torch.autograd.grad(F.cross_entropy(logits, target, **options).sum(), logits)
    (ours,) = torch.autograd.grad(cross_entropy(logits, target, **options).sum(), logits)
    close(ours, expected, rtol=1e-9, atol=1e-12)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(classification_cases())
def test_nll_loss_agrees_with_torch_for_every_option(case):
    logits, target, options = case
    if target.is_floating_point():
        return  # NLLLoss takes class indices only
    options.pop("label_smoothing")
    log_probs = F.log_softmax(logits.double(), dim=1)
    options["weight"] = None if options["weight"] is None else options["weight"].double()
    close(nll_loss(log_probs, target, **options), F.nll_loss(log_probs, target, **options))


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
    close(binary_cross_entropy_with_logits(logits, target, weight=weight, reduction=reduction,
                                           pos_weight=pos_weight), expected)
    probs = torch.sigmoid(logits)
    expected = F.binary_cross_entropy(probs, target, weight=weight, reduction=reduction)
    close(binary_cross_entropy(probs, target, weight=weight, reduction=reduction), expected)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(classification_cases())
def test_nll_loss_gradients_agree_with_torch(case):
    logits, target, options = case
    if target.is_floating_point():
        return  # NLLLoss takes class indices only
    options.pop("label_smoothing")  # fully ignored batches included: NaN loss, zero gradient
    options["weight"] = None if options["weight"] is None else options["weight"].double()
    log_probs = F.log_softmax(logits.double(), dim=1).detach().requires_grad_()
    (expected,) = torch.autograd.grad(F.nll_loss(log_probs, target, **options).sum(), log_probs)
    (ours,) = torch.autograd.grad(nll_loss(log_probs, target, **options).sum(), log_probs)
    close(ours, expected, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("loss", [cross_entropy, nll_loss])
def test_all_ignored_mean_is_nan_with_a_zero_gradient_like_torch(loss):
    scores = F.log_softmax(torch.randn(3, 4, 2, dtype=torch.float64), dim=1).requires_grad_()
    target = torch.full((3, 2), -100)
    ours, theirs = loss(scores, target), getattr(F, loss.__name__)(scores, target)
    assert math.isnan(ours.item()) and math.isnan(theirs.item())
    (expected,) = torch.autograd.grad(theirs, scores)
    (got,) = torch.autograd.grad(ours, scores)
    assert (expected == 0).all() and (got == 0).all()


@pytest.mark.parametrize("loss, smoothing", [(cross_entropy, 0.0), (cross_entropy, 0.1), (nll_loss, 0.0)])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_zero_total_weight_matches_torch_value_and_gradient_nan_for_nan(loss, smoothing, dtype):
    # every kept target in a class of weight 0, some positions ignored: total = 0 but not all ignored.
    # PyTorch: NaN, gradient NaN at the kept positions and 0 at the ignored ones (smoothed: NaN, not +inf)
    options = {"label_smoothing": smoothing} if smoothing else {}
    generator = torch.Generator().manual_seed(13)
    z = torch.randn(3, 4, 2, generator=generator, dtype=torch.float64).to(dtype)
    scores = F.log_softmax(z, dim=1) if loss is nll_loss else z
    weight = torch.tensor([0.0, 2.0, 0.0, 4.0], dtype=dtype)
    for target in (torch.tensor([[0, 2], [-100, 0], [2, -100]]), torch.tensor([[0, -100], [-100, -100], [-100, 2]])):
        results = []
        for fn in (getattr(F, loss.__name__), loss):
            x = scores.detach().clone().requires_grad_()
            value = fn(x, target, weight=weight, **options)
            (grad,) = torch.autograd.grad(value, x)
            results.append((value, grad))
        (theirs, their_grad), (ours, our_grad) = results
        assert math.isnan(theirs.item()) and math.isnan(ours.item())
        assert torch.isnan(their_grad).any()  # not the all-ignored 0
        assert torch.equal(torch.isnan(our_grad), torch.isnan(their_grad))
        close(our_grad, their_grad)
        # other reductions are unaffected by the zero total
        for reduction in ("none", "sum"):
            close(loss(scores, target, weight=weight, reduction=reduction, **options),
                  getattr(F, loss.__name__)(scores, target, weight=weight, reduction=reduction, **options))


def test_zero_weight_demo_matches_torch():
    found = zero_weight_demo()
    assert list(found) == ["every position ignored", "class 0, of weight 0", "the same, smoothed"]
    for name, (pytorch, ours) in found.items():
        assert pytorch == ours, name
    assert found["every position ignored"][0] == "nan (0, 0, 0)"
    assert found["class 0, of weight 0"][0] == found["the same, smoothed"][0] == "nan (nan, nan, nan)"


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.integers(0, 2**16), st.sampled_from([(5,), (2, 3), (2, 3, 2)]), st.sampled_from(REDUCTIONS),
       st.sampled_from([1e-3, 1.0, 30.0]), st.booleans(), st.sampled_from([torch.float32, torch.float64]))
def test_binary_gradients_agree_with_torch_for_every_option(seed, shape, reduction, scale, weighted, dtype):
    generator = torch.Generator().manual_seed(seed)
    logits = (torch.randn(shape, generator=generator, dtype=torch.float64) * scale).to(dtype)
    target = torch.rand(shape, generator=generator, dtype=torch.float64).to(dtype)
    target[..., :1] = target[..., :1].round()  # hard labels too
    weight = (torch.rand(shape[-1:], generator=generator, dtype=torch.float64) + 0.5).to(dtype) if weighted else None
    pos_weight = (torch.rand(shape[-1:], generator=generator, dtype=torch.float64) * 4).to(dtype) if weighted else None
    for ours_fn, theirs_fn, x, options in [
        (binary_cross_entropy_with_logits, F.binary_cross_entropy_with_logits, logits,
         dict(weight=weight, reduction=reduction, pos_weight=pos_weight)),
        (binary_cross_entropy, F.binary_cross_entropy, torch.sigmoid(logits), dict(weight=weight, reduction=reduction)),
    ]:
        x = x.detach().requires_grad_()
        (expected,) = torch.autograd.grad(theirs_fn(x, target, **options).sum(), x)
        (ours,) = torch.autograd.grad(ours_fn(x, target, **options).sum(), x)
        # PyTorch's 1e-12 floor of p (1 - p) is the float32 number nearest 1e-12 (9.99999996e-13), even in
        # float64: saturated gradients (scale 30) then differ from ours by a relative 4e-9
        rtol, atol = (1e-5, 1e-6) if dtype == torch.float32 else (1e-8, 1e-12)  # float32: p - y cancels
        close(ours, expected, rtol=rtol, atol=atol)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_bce_gradient_matches_torch_at_saturated_probabilities(dtype):
    # p exactly 0 and 1 (sigmoid(20) rounds to 1 in float32), tiny p below the log clamp, and ordinary p
    p = torch.tensor([0.0, 1.0, 0.0, 1.0, 1e-30, 1e-30, 0.5, 0.25], dtype=dtype)
    if dtype == torch.float32:
        assert torch.sigmoid(torch.tensor(20.0)).item() == 1.0
    y = torch.tensor([1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0], dtype=dtype)
    weight = torch.tensor([1.0, 2.0, 3.0, 0.5, 1.0, 2.0, 1.0, 4.0], dtype=dtype)
    for options in ({}, {"weight": weight}, {"weight": weight, "reduction": "sum"}):
        x = p.clone().requires_grad_()
        (expected,) = torch.autograd.grad(F.binary_cross_entropy(x, y, **options), x)
        x = p.clone().requires_grad_()
        (ours,) = torch.autograd.grad(binary_cross_entropy(x, y, **options), x)
        assert torch.isfinite(ours).all()
        close(ours, expected, rtol=1e-6, atol=0)
    # the closed form (p - y) / max(p (1 - p), 1e-12), per element, for the sum
    x = p.double().clone().requires_grad_()
    (ours,) = torch.autograd.grad(binary_cross_entropy(x, y.double(), reduction="sum"), x)
    p64, y64 = p.double(), y.double()
    close(ours, (p64 - y64) / torch.clamp(p64 * (1 - p64), min=1e-12), rtol=1e-12, atol=0)


def test_bce_gradient_at_sigmoid_20_in_float32():
    p = torch.sigmoid(torch.tensor([20.0, 20.0])).requires_grad_()  # both exactly 1
    y = torch.tensor([1.0, 0.0])
    (ours,) = torch.autograd.grad(binary_cross_entropy(p, y, reduction="none").sum(), p)
    assert ours[0].item() == 0.0
    assert ours[1].item() == pytest.approx(1e12, rel=1e-6)
    (torchs,) = torch.autograd.grad(F.binary_cross_entropy(p, y, reduction="none").sum(), p)
    close(ours, torchs, rtol=1e-6, atol=0)


def test_saturated_demo_shows_torch_and_ours_agree_where_naive_autograd_gives_nan():
    found = saturated_demo()
    expected = {"p = sigmoid(20), y = 1": 0.0, "p = sigmoid(20), y = 0": 1e12, "p = 0, y = 1": -1e12, "p = 0, y = 0": 0.0}
    assert set(found) == set(expected)
    for name, (pytorch, naive, ours) in found.items():
        assert pytorch == pytest.approx(expected[name], rel=1e-6) and ours == pytest.approx(pytorch, rel=1e-6), name
        assert math.isnan(naive), name


def test_signed_zeros_match_torch_at_ignored_positions_and_p_0_y_0():
    z = torch.randn(3, 4, dtype=torch.float64)
    y = torch.tensor([1, -100, 2])
    for options in ({}, {"label_smoothing": 0.1}):
        ours = cross_entropy(z, y, reduction="none", **options)
        theirs = F.cross_entropy(z, y, reduction="none", **options)
        assert torch.equal(torch.signbit(ours), torch.signbit(theirs))
    log_p = F.log_softmax(z, dim=1)
    assert not torch.signbit(nll_loss(log_p, y, reduction="none")).any()
    ours = binary_cross_entropy(torch.tensor([0.0]), torch.tensor([0.0]), reduction="none")
    theirs = F.binary_cross_entropy(torch.tensor([0.0]), torch.tensor([0.0]), reduction="none")
    assert ours.item() == 0.0 and not torch.signbit(ours).item() and not torch.signbit(theirs).item()


def test_bce_with_logits_gradient_matches_torch_at_extremes():
    logits = torch.tensor([-1e4, -30.0, 0.0, 30.0, 1e4], requires_grad=True)
    target = torch.tensor([1.0, 0.0, 0.5, 1.0, 0.0])
    (expected,) = torch.autograd.grad(F.binary_cross_entropy_with_logits(logits, target), logits)
    (ours,) = torch.autograd.grad(binary_cross_entropy_with_logits(logits, target), logits)
    close(ours, expected)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.integers(0, 2**16), st.sampled_from(REDUCTIONS), st.booleans(), st.sampled_from(["full", "row", "float"]))
def test_gaussian_gradients_agree_with_torch_for_every_option(seed, reduction, full, var_shape):
    generator = torch.Generator().manual_seed(seed)
    mean = torch.randn(6, 3, generator=generator, dtype=torch.float64)
    observed = mean + torch.randn(6, 3, generator=generator, dtype=torch.float64)
    var = torch.rand(6, 3, generator=generator, dtype=torch.float64) * 2
    var[0, 0] = 0.0  # clamped
    var = {"full": var, "row": var[:, :1], "float": None}[var_shape]
    grads = []
    for fn in (F.gaussian_nll_loss, gaussian_nll_loss):
        mu = mean.clone().requires_grad_()
        if var is None:
            value = fn(mu, observed, 0.7, full=full, reduction=reduction)
            wrt = [mu]
        else:
            v = var.clone().requires_grad_()
            value = fn(mu, observed, v, full=full, reduction=reduction)
            wrt = [mu, v]
        grads.append(torch.autograd.grad(value.sum(), wrt))
    for ours, expected in zip(grads[1], grads[0]):
        close(ours, expected, rtol=1e-9, atol=1e-9)


def test_gaussian_clamp_is_straight_through_like_torch():
    var = torch.tensor([0.0, 1e-8, 0.5], dtype=torch.float64, requires_grad=True)
    mean, observed = torch.zeros(3, dtype=torch.float64), torch.tensor([0.1, 0.0, 1.0], dtype=torch.float64)
    (expected,) = torch.autograd.grad(F.gaussian_nll_loss(mean, observed, var), var)
    (ours,) = torch.autograd.grad(gaussian_nll_loss(mean, observed, var), var)
    close(ours, expected, rtol=1e-12, atol=0)
    eps = 1e-6  # d/dv of 0.5 (ln v + d^2 / v) / 3 evaluated at the clamped v = eps: not zero
    assert ours[0].item() == pytest.approx((1 / eps - 0.01 / eps**2) / 6, rel=1e-12)
    (real_clamp,) = torch.autograd.grad(F.gaussian_nll_loss(mean, observed, var.clamp(min=eps)), var)
    assert real_clamp[0].item() == 0.0 and real_clamp[1].item() == 0.0  # a real clamp passes back 0 below eps


def test_gaussian_straight_through_clamp_is_exact_below_eps():
    # PyTorch clamps var in place: max(var, eps) exactly, for var anywhere in [0, eps)
    for dtype in (torch.float32, torch.float64):
        var = torch.rand(100_000, generator=torch.Generator().manual_seed(14), dtype=dtype) * 1e-6
        mean, observed = torch.zeros_like(var), torch.full_like(var, 0.1)
        expected = F.gaussian_nll_loss(mean, observed, var, reduction="none")
        assert torch.equal(gaussian_nll_loss(mean, observed, var, reduction="none"), expected)


def test_gaussian_nll_loss_broadcasts_mean_against_target_silently_in_torch():
    import warnings

    mean, observed, var = torch.tensor([[0.0], [1.0], [2.0]]), torch.tensor([0.0, 1.0, 2.0]), torch.ones(3, 1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning either
        assert F.gaussian_nll_loss(mean, observed, var, reduction="none").shape == (3, 3)
        assert F.gaussian_nll_loss(mean, observed, var).item() == pytest.approx(2 / 3, rel=1e-6)
    assert F.gaussian_nll_loss(mean[:, 0], observed, var[:, 0]).item() == 0.0  # the loss meant
    with pytest.raises(ValueError, match="target: has shape"):
        gaussian_nll_loss(mean, observed, var)


def test_float_class_indices_are_refused_as_labels_not_as_probabilities():
    with pytest.raises(ValueError, match="expected integer class indices"):
        cross_entropy(torch.zeros(2, 4), torch.tensor([0.0, 2.0]))
    with pytest.raises(RuntimeError):
        F.cross_entropy(torch.zeros(2, 4), torch.tensor([0.0, 2.0]))


def test_zero_var_demo_is_straight_through():
    grads = zero_var_demo()
    assert grads["PyTorch"] == pytest.approx(0.5 * (1 / 1e-6 - 0.01 / 1e-12), rel=1e-12)
    assert grads["ours"] == pytest.approx(grads["PyTorch"], rel=1e-12)
    assert grads["torch.clamp"] == 0.0


def test_log_softmax_is_torchs_even_at_extremes():
    z = random_logits(200, 5, seed=11).float()
    close(log_softmax(z), F.log_softmax(z, dim=1))


def test_cross_entropy_is_log_softmax_then_nll_loss():
    logits = random_logits(50, 4, seed=11)
    labels = torch.randint(0, 4, (50,), generator=torch.Generator().manual_seed(12))
    close(cross_entropy(logits, labels), nll_loss(F.log_softmax(logits, dim=1), labels), rtol=1e-12, atol=1e-12)


# --- The page's demos ---

def test_agreement_demo_pairs_agree_and_the_two_smoothing_routes_differ_by_the_mean_weight():
    pairs = agreement_demo()
    assert len(pairs) == 8
    for name, (ours, pytorch, same_gradient) in pairs.items():
        assert ours == pytest.approx(pytorch, rel=1e-12), name
        assert same_gradient is True, name
    by_index, by_target = pairs["cross_entropy, smoothing"].ours, pairs["cross_entropy, smoothed target"].ours
    generator = torch.Generator().manual_seed(0)
    torch.randn(5, 4, generator=generator, dtype=torch.float64)
    labels = torch.randint(0, 4, (5,), generator=generator)
    assert by_target / by_index == pytest.approx((labels + 1).double().mean().item(), rel=1e-12)


def test_ignore_index_with_probability_targets_agrees_with_torch():
    found = ignore_index_demo()
    assert found[-100][0] == found[-100][1] == found[-1][0] == found[-1][1]
    for index in (0, 3):
        assert found[index] == ("raises RuntimeError", "raises ValueError")
    z = torch.randn(2, 3, dtype=torch.float64)
    q = torch.softmax(torch.randn(2, 3, dtype=torch.float64), dim=1)
    for index in (-100, -7):
        close(cross_entropy(z, q, ignore_index=index), F.cross_entropy(z, q, ignore_index=index), rtol=1e-12, atol=0)
    with pytest.raises(RuntimeError):
        F.cross_entropy(z, q, ignore_index=1)


def test_differences_demo_runs_each_case_through_torch_and_ours():
    found = differences_demo()
    refused_by_ours_only = {
        "probabilities to nll_loss": -0.1,
        "target row (2, 0, 0)": 2 * math.log(1 + math.e + math.e**2),
        "logit -inf (a mask)": -1.0 + math.log(math.exp(1.0) + math.exp(0.5)),
        "log-probability -inf": 0.0,
        "unbatched, shape (C,)": -1.0 + math.log(math.exp(1.0) + math.exp(2.0) + math.exp(0.5)),
        "one class, C = 1": 0.0,
    }
    for name, value in refused_by_ours_only.items():
        pytorch, ours = found[name]
        assert float(pytorch) == pytest.approx(value, rel=1e-6, abs=1e-7) and ours == "raises ValueError", name
    assert found["probability 1.2"] == ("raises RuntimeError", "raises ValueError")
    assert found["label 4 of 4 classes"] == ("raises IndexError", "raises ValueError")
    assert found["variance -1"] == ("raises ValueError", "raises ValueError")
    assert found["2 labels for 1 row"] == ("raises ValueError", "raises ValueError")
    assert found["mean (3, 1), target (3,)"] == (f"{2 / 3:.6f}", "raises ValueError")  # every mean against every target
    p = [1 / (3 + math.exp(8))] * 3 + [math.exp(8) / (3 + math.exp(8))]  # softmax(0, 0, 0, 8)
    both = {"a double softmax": math.log(sum(math.exp(v) for v in p)) - p[0], "logit -1e9 (a mask)": -1.0 + math.log(math.exp(1.0) + math.exp(0.5))}
    for name, value in both.items():
        pytorch, ours = found[name]
        assert pytorch == ours and float(ours) == pytest.approx(value, rel=1e-6), name
    pytorch, ours = found["(N, L, C) with L = C"]
    assert pytorch == ours  # both read the positions as classes: no check can see it
    assert len(found) == 14


# --- Bad input ---

from snippets import pytorch_losses_from_scratch as m  # noqa: E402
from tests.badinput import LOG_HALVES, LOGITS, Bad, inf, nan  # noqa: E402

T = torch.tensor
Z = T(LOGITS)  # one prediction over two classes, float32
LH = T(LOG_HALVES)

#: Bad input for every public function of snippets/pytorch_losses_from_scratch.py (run by tests/test_bad_input.py).
BAD_INPUTS = {
    "check": [
        Bad("range", lambda: m.check(False, "x", "is 2", "1"), "x: is 2, expected 1"),
        Bad("type", lambda: m.check(0, "reduction", "is 'avg'", "one of"), "reduction: is 'avg'"),
    ],
    "as_float": [
        Bad("nan", lambda: m.as_float([1.0, nan], "input"), "input: contains [nan], expected finite numbers"),
        Bad("range", lambda: m.as_float([inf], "input"), "input: contains [inf]"),
        Bad("empty", lambda: m.as_float([], "input"), "input: is empty, expected at least one number"),
        Bad("shape", lambda: m.as_float([1.0], "target", torch.Size([2])), "target: has shape (1,), expected (2,)"),
    ],
    "as_probs": [
        Bad("range", lambda: m.as_probs([1.5], "input"), "input: contains [1.5], expected probabilities in [0, 1]"),
        Bad("range", lambda: m.as_probs([-0.5], "target"), "target: contains [-0.5]"),
    ],
    "sums_to_one": [
        Bad("sum", lambda: m.sums_to_one(T([1.4]), "target", 2), "target: sums along dim 1 miss 1 by 0.4"),
        Bad("sum", lambda: m.sums_to_one(T([1.0, 0.5]), "input", 2), "input: sums along dim 1 miss 1 by 0.5"),
    ],
    "as_scores": [
        Bad("shape", lambda: m.as_scores([1.0, 2.0], "input"), "input: has shape (2,), expected (N, C)"),
        Bad("shape", lambda: m.as_scores([[1.0]], "input"), "with C >= 2 classes on dim 1"),
    ],
    "as_log_probs": [
        Bad("range", lambda: m.as_log_probs([[0.1, 0.9]], "input"), "input: contains 0.9, expected log-probabilities"),
        Bad("sum", lambda: m.as_log_probs([[-1.0, -1.0]], "input"), "input: sums along dim 1 miss 1 by 0.264"),
    ],
    "as_labels": [
        Bad("label", lambda: m.as_labels([2], Z, -100), "target: holds label [2], expected 0 <= label < 2"),
        Bad("type", lambda: m.as_labels([0.5], Z, -100), "target: has dtype torch.float32, expected integer class"),
        Bad("shape", lambda: m.as_labels([0, 1], Z, -100), "target: has shape (2,), expected (1,)"),
    ],
    "as_distributions": [
        Bad("sum", lambda: m.as_distributions([[0.7, 0.7]], Z, -100), "target: sums along dim 1 miss 1 by 0.4"),
        Bad("range", lambda: m.as_distributions([[0.5, 0.5]], Z, 0), "ignore_index: is 0, expected a negative value"),
    ],
    "class_weights": [
        Bad("shape", lambda: m.class_weights([1.0, 2.0, 3.0], Z), "weight: has shape (3,), expected (2,)"),
        Bad("nan", lambda: m.class_weights([1.0, nan], Z), "weight: contains [nan]"),
    ],
    "apply_reduction": [
        Bad("range", lambda: m.apply_reduction(T([1.0]), 1, "avg"),
            "reduction: is 'avg', expected one of 'none', 'mean', 'sum'"),
        Bad("range", lambda: m.apply_reduction(T([1.0]), 1, "max"), "reduction: is 'max'"),
    ],
    "compare": [
        Bad("type", lambda: m.compare(len, [T([1.0])], [0]), "loss: is <built-in function len>, expected a namesake"),
        Bad("range", lambda: m.compare(m.cross_entropy, [Z, T([0])], [2]), "wrt: is [2], expected positions of args"),
        Bad("empty", lambda: m.compare(m.cross_entropy, [Z, T([0])], []), "wrt: is []"),
    ],
    "outcome": [
        Bad("type", lambda: m.outcome(None, Z), "loss: is None, expected a function"),
        Bad("type", lambda: m.outcome("cross_entropy", Z), "loss: is 'cross_entropy', expected a function"),
    ],
    "log_softmax": [
        Bad("nan", lambda: m.log_softmax(T([[nan, 1.0]])), "z: contains [nan]"),
        Bad("empty", lambda: m.log_softmax(torch.zeros(0, 2)), "z: is empty"),
    ],
    "nll_loss": [
        Bad("range", lambda: m.nll_loss([[0.1, 0.9]], [0]), "input: contains 0.9, expected log-probabilities"),
        Bad("sum", lambda: m.nll_loss([[-1.0, -1.0]], [0]), "miss 1 by 0.264"),
        Bad("label", lambda: m.nll_loss(LH, T([3])), "target: holds label [3]"),
        Bad("range", lambda: m.nll_loss(LH, T([0]), reduction="max"), "reduction: is 'max'"),
    ],
    "cross_entropy": [
        Bad("range", lambda: m.cross_entropy([[1.0, inf]], [0]), "input: contains [inf], expected finite numbers"),
        Bad("nan", lambda: m.cross_entropy([[1.0, nan]], [0]), "input: contains [nan]"),
        Bad("shape", lambda: m.cross_entropy([[1.0]], [0]), "with C >= 2 classes on dim 1"),
        Bad("label", lambda: m.cross_entropy(Z, T([2])), "target: holds label [2]"),
        Bad("shape", lambda: m.cross_entropy(Z, T([0, 1])), "target: has shape (2,), expected (1,)"),
        Bad("range", lambda: m.cross_entropy(Z, T([[1.5, -0.5]])), "target: contains [1.5]"),
        Bad("sum", lambda: m.cross_entropy(Z, T([[0.7, 0.7]])), "target: sums along dim 1 miss 1 by 0.4"),
        Bad("range", lambda: m.cross_entropy(Z, T([0]), label_smoothing=1.5), "label_smoothing: is 1.5"),
        Bad("range", lambda: m.cross_entropy(Z, T([[0.5, 0.5]]), ignore_index=0), "ignore_index: is 0"),
        Bad("empty", lambda: m.cross_entropy(torch.zeros(0, 2), T([], dtype=torch.long)), "input: is empty"),
        Bad("type", lambda: m.cross_entropy(Z, T([1.0])), "target: has dtype torch.float32, expected integer class"),
    ],
    "weights_like": [
        Bad("shape", lambda: m.weights_like([1.0, 2.0, 3.0], torch.zeros(2), "weight"),
            "weight: has shape (3,), expected a shape that broadcasts to (2,)"),
        Bad("shape", lambda: m.weights_like(torch.ones(2, 1), torch.zeros(2), "pos_weight"), "pos_weight: has shape (2, 1)"),
        Bad("nan", lambda: m.weights_like([nan], torch.zeros(2), "weight"), "weight: contains [nan]"),
    ],
    "binary_cross_entropy": [
        Bad("range", lambda: m.binary_cross_entropy([1.2], [1.0]), "input: contains [1.2], expected probabilities"),
        Bad("range", lambda: m.binary_cross_entropy([0.5], [1.5]), "target: contains [1.5]"),
        Bad("shape", lambda: m.binary_cross_entropy([0.5, 0.5], [1.0]), "target: has shape (1,), expected (2,)"),
        Bad("empty", lambda: m.binary_cross_entropy([], []), "input: is empty"),
    ],
    "binary_cross_entropy_with_logits": [
        Bad("shape", lambda: m.binary_cross_entropy_with_logits([0.0, 1.0], [1.0]), "target: has shape (1,), expected (2,)"),
        Bad("range", lambda: m.binary_cross_entropy_with_logits([inf], [1.0]), "input: contains [inf]"),
        Bad("range", lambda: m.binary_cross_entropy_with_logits([0.0], [2.0]), "target: contains [2.0]"),
        Bad("shape", lambda: m.binary_cross_entropy_with_logits([0.0], [1.0], pos_weight=[1.0, 2.0]),
            "pos_weight: has shape (2,)"),
    ],
    "as_variance": [
        Bad("shape", lambda: m.as_variance([1.0, 1.0, 1.0], torch.zeros(2)), "var: has shape (3,), expected (2,)"),
        Bad("range", lambda: m.as_variance([-1.0, 1.0], torch.zeros(2)), "var: contains -1, expected variances >= 0"),
        Bad("nan", lambda: m.as_variance([nan], torch.zeros(1)), "var: contains [nan]"),
    ],
    "gaussian_nll_loss": [
        Bad("range", lambda: m.gaussian_nll_loss([0.0], [0.1], [-1.0]), "var: contains -1, expected variances >= 0"),
        Bad("shape", lambda: m.gaussian_nll_loss([0.0, 1.0], [0.1, 1.0], [1.0, 1.0, 1.0]), "var: has shape (3,)"),
        Bad("shape", lambda: m.gaussian_nll_loss([0.0, 1.0], [0.1], [1.0]), "target: has shape (1,), expected (2,)"),
        Bad("nan", lambda: m.gaussian_nll_loss([0.0], [nan], [1.0]), "target: contains [nan]"),
        Bad("range", lambda: m.gaussian_nll_loss([0.0], [0.1], [1.0], reduction="avg"), "reduction: is 'avg'"),
        Bad("range", lambda: m.gaussian_nll_loss([0.0], [0.1], [0.0], eps=0.0), "eps: is 0.0, expected a number > 0"),
        Bad("range", lambda: m.gaussian_nll_loss([0.0], [0.1], [1.0], eps=-1e-6), "eps: is -1e-06"),
        Bad("shape", lambda: m.gaussian_nll_loss([[0.0], [1.0]], [0.0, 1.0], [[1.0], [1.0]]),
            "target: has shape (2,), expected (2, 1)"),
    ],
}


@pytest.mark.parametrize("dtype, p", [(torch.float32, 1e-7), (torch.float32, 3e-8), (torch.float64, 1e-12)])
def test_binary_cross_entropy_keeps_the_digits_of_ln_1_minus_p_for_tiny_p(dtype, p):
    """PyTorch computes ln(1 - p) with log1p; forming 1 - p first would lose the tiny p's digits."""
    probs, target = torch.tensor([p], dtype=dtype), torch.tensor([0.0], dtype=dtype)
    ours = m.binary_cross_entropy(probs, target, reduction="none")
    theirs = F.binary_cross_entropy(probs, target, reduction="none")
    assert torch.allclose(ours, theirs, rtol=1e-6, atol=0.0), (ours.item(), theirs.item())
    assert ours.item() == pytest.approx(-math.log1p(-float(probs)), rel=1e-6)
