"""Tests of snippets/pytorch_losses.py: each pitfall demo against a closed form or an independent computation."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import torch

from snippets.pytorch_losses import (
    all_ignored_demo,
    batch_fit_demo,
    bce_demo,
    class_dim_demo,
    composition_demo,
    corner_demo,
    double_softmax_demo,
    double_softmax_figure,
    gaussian_demo,
    golden_min,
    ignore_demo,
    inf_gradient_demo,
    kl_div_demo,
    log_of_softmax_demo,
    log_probs_demo,
    over_batches,
    pos_weight_demo,
    report,
    smoothing_demo,
    smoothing_weight_demo,
    unchecked_target_demo,
    weight_bias_demo,
    weight_demo,
    weight_pitfall_demo,
    weight_spread_demo,
    weighted_fit_demo,
)
from tests.ledger.pytorch_losses import np_log_softmax  # NumPy's log-softmax, independent of torch

LN = math.log


def seeded(*shape, integers=None):
    """The demos' seeded draws, redone: torch.randn then torch.randint on seed 0, as NumPy arrays."""
    generator = torch.Generator().manual_seed(0)
    z = torch.randn(*shape, generator=generator, dtype=torch.float64).numpy()
    return z if integers is None else (z, torch.randint(0, integers[0], integers[1], generator=generator).numpy())


def test_nll_loss_fed_probabilities_returns_minus_their_mean():
    result = log_probs_demo()
    assert result.on_probabilities == pytest.approx(-0.3, rel=1e-12)
    assert result.on_log_probabilities == pytest.approx((LN(10) + LN(2)) / 2, rel=1e-12) == result.by_hand


def test_cross_entropy_is_log_softmax_then_nll_loss():
    result = composition_demo()
    assert result.cross_entropy == pytest.approx(LN(3 + math.exp(8)), rel=1e-12)
    assert result.log_softmax_then_nll == pytest.approx(result.cross_entropy, rel=1e-12)


def test_double_softmax_bounds_the_loss_and_starves_the_gradient():
    result = double_softmax_demo()
    p = np.exp(np_log_softmax(np.array([0.0, 0.0, 0.0, 8.0]), 0))
    s = np.exp(np_log_softmax(p, 0))
    jacobian = np.diag(p) - np.outer(p, p)
    assert result.loss_double == pytest.approx(-LN(s[0]), rel=1e-12)
    assert result.grad_norm == pytest.approx(np.linalg.norm(p - [1, 0, 0, 0]), rel=1e-12)
    assert result.grad_norm_double == pytest.approx(np.linalg.norm(jacobian.T @ (s - [1, 0, 0, 0])), rel=1e-9)
    assert result.floor_double == pytest.approx(LN(1 + 3 / math.e), rel=1e-12)
    assert result.ceiling_double == pytest.approx(LN(3 + math.e), rel=1e-12)
    assert result.floor_double < result.loss_double < result.ceiling_double


def test_the_true_corner_is_the_minimum_with_slope_c_over_e_plus_c_minus_1():
    result = corner_demo()
    assert result.slope_toward_class_1 == pytest.approx(4 / (math.e + 3), rel=1e-12)
    assert result.slope_toward_class_3 == pytest.approx(4 / (math.e + 3), rel=1e-12)
    assert result.corner == pytest.approx(LN(3 + math.e) - 1, rel=1e-12)
    assert result.corner < result.lowest_of_10000_random_p
    # the tangent-plane bound f(q) >= f(u_0) + (1 - q_0) C / D on random points, in NumPy
    rng = np.random.default_rng(1)
    for classes in (2, 4, 10):
        q = rng.dirichlet(np.ones(classes), size=2000)
        f = np.logaddexp.reduce(q, axis=1) - q[:, 0]
        floor = LN(classes - 1 + math.e) - 1
        assert (f >= floor + (1 - q[:, 0]) * classes / (math.e + classes - 1) - 1e-12).all()
        assert f.max() <= LN(classes - 1 + math.e) + 1e-12


def test_log_of_a_float32_softmax_underflows():
    result = log_of_softmax_demo()
    assert result.softmax_then_log == math.inf
    assert np.float32(math.exp(-120)) == 0  # e^-120 underflows in float32
    assert result.log_softmax == result.cross_entropy == pytest.approx(120.0, rel=1e-7)


def test_an_infinite_row_makes_its_logit_gradient_and_every_shared_weight_gradient_nan():
    result = inf_gradient_demo()
    assert result.loss == math.inf and math.isnan(result.grad_of_the_infinite_row)
    softmax_0 = 1 / (1 + math.exp(0.5))  # softmax(0, 0.5) at class 0
    assert result.grad_of_the_finite_row == pytest.approx((softmax_0 - 1) / 2, rel=1e-6)
    assert result.share_of_weight_grads_nan == 1.0


def test_an_unnormalised_probability_target_is_accepted_by_torch():
    result = unchecked_target_demo()
    assert result.target_2_0_0 == pytest.approx(2 * LN(1 + math.e + math.e**2), rel=1e-12)
    assert result.twice_class_0 == pytest.approx(result.target_2_0_0, rel=1e-12)


KL_TARGET = np.array([[0.5, 0.3, 0.2], [0.1, 0.6, 0.3]])
KL_PREDICTED = np.array([[0.2, 0.5, 0.3], [0.3, 0.3, 0.4]])


def test_kl_div_wants_log_probabilities_and_batchmean():
    result = kl_div_demo()
    kl = (KL_TARGET * np.log(KL_TARGET / KL_PREDICTED)).sum(axis=1).mean()  # mean KL(q || p) over the rows, q the target
    assert result.by_hand == pytest.approx(kl, rel=1e-12)
    assert result.batchmean == pytest.approx(kl, rel=1e-12)
    assert result.mean == pytest.approx(kl / 3, rel=1e-12)  # divided by N * C, not N
    # fed p itself, it computes sum_k q_k (ln q_k - p_k), averaged over the rows
    assert result.probabilities_as_input == pytest.approx((KL_TARGET * (np.log(KL_TARGET) - KL_PREDICTED)).sum(axis=1).mean(), rel=1e-12)
    assert result.probabilities_as_input < 0


def test_smoothing_demo_matches_the_closed_form_and_its_floor():
    result = smoothing_demo()
    smoothed = 0.925 * LN(10) + 0.025 * LN(10 / 3) + 0.025 * LN(2) + 0.025 * LN(10)
    assert result.label_smoothing == pytest.approx(smoothed, rel=1e-12) == result.smoothed_target
    q = np.array([0.025, 0.025, 0.025, 0.925])
    assert result.floor == pytest.approx(-(q * np.log(q)).sum(), rel=1e-12) == result.entropy_of_q


def test_with_weights_the_smoothing_routes_differ_by_the_mean_weight():
    result = smoothing_weight_demo()
    z, y = seeded(5, 4, integers=(4, (5,)))
    w = np.array([1.0, 2.0, 3.0, 4.0])
    q = 0.9 * np.eye(4)[y] + 0.025
    per_position = -(w * q * np_log_softmax(z, 1)).sum(axis=1)
    assert result.label_smoothing == pytest.approx(per_position.sum() / w[y].sum(), rel=1e-12)
    assert result.smoothed_target == pytest.approx(per_position.mean(), rel=1e-12)
    assert result.ratio == pytest.approx(w[y].mean(), rel=1e-12) == result.mean_weight_of_labels
    assert result.ratio > 2


def test_weight_demo_is_a_weighted_average_and_the_pitfall_removes_the_weights():
    result = weight_demo()
    losses, w = np.array([-LN(0.8), -LN(0.6), -LN(0.7)]), np.array([1.0, 1.0, 4.0])
    assert result.pytorch_mean == pytest.approx((w * losses).sum() / 6, rel=1e-12)
    assert result.sum_of_weights == 6.0
    assert result.divided_by_n == pytest.approx((w * losses).sum() / 3, rel=1e-12)
    assert result.unweighted == pytest.approx(losses.mean(), rel=1e-12)
    pitfall = weight_pitfall_demo()
    assert pitfall.one_example_weighted == pytest.approx(-LN(0.7), rel=1e-12) == pitfall.one_example_unweighted
    assert pitfall.one_class_weighted == pytest.approx((-LN(0.2) - LN(0.4) - LN(0.7)) / 3, rel=1e-12)
    assert pitfall.one_class_unweighted == pytest.approx(pitfall.one_class_weighted, rel=1e-12)


def _batch_means(losses, weights, batch):
    """PyTorch's ratio and sum / n for one batch of example indices, in plain Python."""
    numerator = sum(weights[i] * losses[i] for i in batch)
    return numerator / sum(weights[i] for i in batch), numerator / len(batch)


def _average_over_batches(n):
    """Both means averaged over every batch of n uniform draws from the 3 examples (exact)."""
    losses, weights = [-LN(0.8), -LN(0.6), -LN(0.7)], [1.0, 1.0, 4.0]
    if n <= 6:  # every ordered batch, equally likely
        batches = list(itertools.product(range(3), repeat=n))
        pairs = [_batch_means(losses, weights, b) for b in batches]
        return sum(r for r, _ in pairs) / len(batches), sum(d for _, d in pairs) / len(batches)
    ratio = by_n = 0.0  # by counts (a, b, c), with multinomial probabilities
    for a in range(n + 1):
        for b in range(n + 1 - a):
            counts = (a, b, n - a - b)
            prob = math.comb(n, a) * math.comb(n - a, b) / 3**n
            batch = [i for i, c in enumerate(counts) for _ in range(c)]
            r, d = _batch_means(losses, weights, batch)
            ratio, by_n = ratio + prob * r, by_n + prob * d
    return ratio, by_n


def test_pytorchs_weighted_mean_is_consistent_but_biased_and_sum_over_n_is_unbiased():
    result = weight_bias_demo()
    losses, w = np.array([-LN(0.8), -LN(0.6), -LN(0.7)]), np.array([1.0, 1.0, 4.0])
    assert result.reweighted_risk == pytest.approx((w * losses).sum() / w.sum(), rel=1e-12)
    assert result.weighted_risk == pytest.approx((w * losses).mean(), rel=1e-12)
    assert result.weighted_risk == pytest.approx(result.reweighted_risk * w.mean(), rel=1e-12)  # E[w] = 2
    for n, field in [(1, "pytorch_mean_n1"), (2, "pytorch_mean_n2"), (10, "pytorch_mean_n10"),
                     (100, "pytorch_mean_n100")]:
        ratio, by_n = _average_over_batches(n)
        assert getattr(result, field) == pytest.approx(ratio, rel=1e-10), n
        assert by_n == pytest.approx(result.weighted_risk, rel=1e-12)  # unbiased at every n
    assert result.pytorch_mean_n1 == pytest.approx(losses.mean(), rel=1e-12)  # batches of one: unweighted
    biases = [getattr(result, f) - result.reweighted_risk
              for f in ("pytorch_mean_n1", "pytorch_mean_n2", "pytorch_mean_n10", "pytorch_mean_n100")]
    assert all(b > 0 for b in biases) and biases == sorted(biases, reverse=True) and biases[-1] < 1e-4
    assert result.divided_by_n_n2 == pytest.approx(result.weighted_risk, rel=1e-12)
    distinct = np.mean([(w[i] * losses[i] + w[j] * losses[j]) / 2 for i in range(3) for j in range(3) if i != j])
    assert result.divided_by_n_n2_distinct == pytest.approx(distinct, rel=1e-12)
    assert distinct == pytest.approx(result.weighted_risk, rel=1e-12)


def test_over_batches_averages_exactly_over_multinomial_counts():
    assert over_batches(lambda c: 7.0, 5) == pytest.approx(7.0, rel=1e-12)
    assert over_batches(lambda c: c[0], 9) == pytest.approx(3.0, rel=1e-12)  # E[count] = n / 3
    assert over_batches(lambda c: c[0] ** 2, 9) == pytest.approx(9 * 2 / 9 + 9, rel=1e-12)  # n p (1-p) + (n p)^2


def _mse_over_batches(n):
    """Mean squared error of 2 x the ratio and of sum / n against E[w l], by enumerating every ordered batch."""
    losses, weights = [-LN(0.8), -LN(0.6), -LN(0.7)], [1.0, 1.0, 4.0]
    target = sum(w * l for w, l in zip(weights, losses)) / 3
    ratio = by_n = 0.0
    for a in range(n + 1):
        for b in range(n + 1 - a):
            counts = (a, b, n - a - b)
            prob = math.comb(n, a) * math.comb(n - a, b) / 3**n
            batch = [i for i, c in enumerate(counts) for _ in range(c)]
            r, d = _batch_means(losses, weights, batch)
            ratio, by_n = ratio + prob * (2 * r - target) ** 2, by_n + prob * (d - target) ** 2
    return target, ratio, by_n


def test_pytorchs_biased_ratio_has_a_far_smaller_mean_squared_error():
    result = weight_spread_demo()
    losses, w = np.array([-LN(0.8), -LN(0.6), -LN(0.7)]), np.array([1.0, 1.0, 4.0])
    assert result.target == pytest.approx((w * losses).mean(), rel=1e-12)
    variance = (w * losses).var()  # Var(w_Y l) over the three equally likely examples
    for n, ratio_field, by_n_field in [(2, "mse_2x_pytorch_mean_n2", "mse_divided_by_n_n2"),
                                       (10, "mse_2x_pytorch_mean_n10", "mse_divided_by_n_n10")]:
        assert getattr(result, by_n_field) == pytest.approx(variance / n, rel=1e-10)  # unbiased: all variance
        target, ratio, by_n = _mse_over_batches(n)
        assert getattr(result, ratio_field) == pytest.approx(ratio, rel=1e-10)
        assert by_n == pytest.approx(variance / n, rel=1e-10)
    assert round(result.mse_divided_by_n_n2 / result.mse_2x_pytorch_mean_n2) == 7
    assert round(result.mse_divided_by_n_n10 / result.mse_2x_pytorch_mean_n10) == 15
    # the ratio is consistent: its mean squared error goes to 0 as n grows
    assert _mse_over_batches(100)[1] < result.mse_2x_pytorch_mean_n10 / 5


def test_a_weighted_fit_gives_w_times_q_renormalised():
    result = weighted_fit_demo()
    assert result.fitted == pytest.approx(4 / 3 / (2 / 3 + 4 / 3), rel=1e-9)  # w_k q_k renormalised
    assert result.undone == pytest.approx(1 / 3, rel=1e-9)
    assert result.frequency == pytest.approx(1 / 3, rel=1e-12)


def _expected_share(n, share, weight):
    """E[the weighted class's share of a batch's weight]: K ~ Binomial(n, share) labels of weight `weight`, the rest 1."""
    return sum(math.comb(n, k) * share**k * (1 - share) ** (n - k) * weight * k / (n - k + weight * k)
               for k in range(n + 1))


def _bisect(f, lo, hi):
    """The root of an increasing f on [lo, hi], by bisection."""
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if f(mid) < 0 else (lo, mid)
    return (lo + hi) / 2


def _batch_fit_by_enumeration(n, divide_by_n=False):
    """Class 1's p minimising the average over every ordered batch of n (labels 0, 0, 1, weight 1, 1, 4):
    the root of the derivative in p, by bisection, in plain Python."""
    labels, weights = [0, 0, 1], [1.0, 1.0, 4.0]
    batches = list(itertools.product(range(3), repeat=n))

    def slope(p):  # d/dp of the average batch loss; l = -ln(1 - p) for class 0, -ln p for class 1
        total = 0.0
        for batch in batches:
            denominator = n if divide_by_n else sum(weights[i] for i in batch)
            total += sum(weights[i] * (1 / (1 - p) if labels[i] == 0 else -1 / p) for i in batch) / denominator
        return total / len(batches)

    return _bisect(slope, 1e-12, 1 - 1e-12)


def test_small_batches_of_pytorchs_mean_train_toward_the_expected_weight_share():
    result = batch_fit_demo()  # a search pins a flat minimum to about sqrt(eps): rel=1e-7
    assert result.reweighted == pytest.approx(2 / 3, rel=1e-7)  # w q renormalised: (4/3) / (2/3 + 4/3)
    assert result.pytorch_mean_n2 == pytest.approx(7 / 15, rel=1e-7)  # 4/9 * 4/5 + 1/9 * 1
    assert result.pytorch_mean_n2 == pytest.approx(_batch_fit_by_enumeration(2), rel=1e-7)
    assert result.share_n2 == pytest.approx(_expected_share(2, 1 / 3, 4), rel=1e-12)
    assert result.divided_by_n_n2 == pytest.approx(2 / 3, rel=1e-7)
    assert _batch_fit_by_enumeration(2, divide_by_n=True) == pytest.approx(2 / 3, rel=1e-9)
    assert result.undone_n2 == pytest.approx(7 / 39, rel=1e-7)  # (7/15 / 4) / (8/15 + 7/60)


def test_pytorchs_weighted_mean_fit_agrees_with_torch_and_closes_the_gap_only_as_batches_grow():
    # PyTorch's own weighted mean on every ordered batch of 3, minimised by Newton steps on the shared logit
    labels, weight = torch.tensor([0, 0, 1]), torch.tensor([1.0, 4.0], dtype=torch.float64)
    batches = [labels[list(b)] for b in itertools.product(range(3), repeat=3)]
    t = torch.zeros((), dtype=torch.float64, requires_grad=True)
    for _ in range(30):
        logits = torch.stack([torch.zeros((), dtype=torch.float64), t])
        risk = sum(torch.nn.functional.cross_entropy(logits.expand(3, 2), b, weight=weight) for b in batches)
        (grad,) = torch.autograd.grad(risk / len(batches), t, create_graph=True)
        (curvature,) = torch.autograd.grad(grad, t)
        with torch.no_grad():
            t -= grad / curvature
    assert torch.sigmoid(t).item() == pytest.approx(_expected_share(3, 1 / 3, 4), rel=1e-9)
    assert _batch_fit_by_enumeration(3) == pytest.approx(_expected_share(3, 1 / 3, 4), rel=1e-9)
    fits = [_expected_share(n, 1 / 3, 4) for n in (1, 2, 8, 32, 100, 1000)]
    assert fits[0] == pytest.approx(1 / 3) and fits == sorted(fits) and 2 / 3 - fits[-1] < 1e-3
    # a rare weighted class: 1% positives, weight 99, batches of 32; the reweighted fit would be 1/2
    fitted = _expected_share(32, 0.01, 99)
    undone = (fitted / 99) / (fitted / 99 + 1 - fitted)
    assert fitted < 0.25 and undone < 0.003  # the undo rule gives under a third of the true 0.01
    assert _expected_share(1024, 0.01, 99) > 0.48


def _ratio_and_sum_mse(losses, weights, n):
    """Exact MSE of E[w] x PyTorch's mean and of sum / n, against E[w l], over batches of n uniform draws."""
    target, mean_w = sum(w * l for w, l in zip(weights, losses)) / 3, sum(weights) / 3
    ratio = by_n = 0.0
    for a in range(n + 1):
        for b in range(n + 1 - a):
            prob = math.comb(n, a) * math.comb(n - a, b) / 3**n
            batch = [i for i, c in enumerate((a, b, n - a - b)) for _ in range(c)]
            r, d = _batch_means(losses, weights, batch)
            ratio, by_n = ratio + prob * (mean_w * r - target) ** 2, by_n + prob * (d - target) ** 2
    return ratio, by_n


def test_the_ratio_is_less_noisy_only_when_the_weighted_loss_rises_with_the_weight():
    weights = np.array([1.0, 1.0, 4.0])
    for losses, ratio_wins in [(np.array([-LN(0.8), -LN(0.6), -LN(0.7)]), True),  # the page's population
                               (np.array([2.0, 2.0, 0.05]), False)]:  # the heavily weighted class has the low loss
        wl = weights * losses
        covariance = (wl * weights).mean() - wl.mean() * weights.mean()
        reweighted = wl.mean() / weights.mean()
        assert (2 * covariance > reweighted * weights.var()) == ratio_wins  # the first-order condition
        for n in (2, 10, 100):
            ratio, by_n = _ratio_and_sum_mse(list(losses), list(weights), n)
            assert (ratio < by_n) == ratio_wins, n


def test_golden_min_finds_the_minimum_of_a_function_with_one():
    assert golden_min(lambda t: (t - 1.3) ** 2, -10.0, 10.0) == pytest.approx(1.3, abs=1e-9)
    assert golden_min(lambda t: math.cosh(t - 0.25), 0.0, 1.0) == pytest.approx(0.25, abs=1e-7)  # a flat minimum: ~sqrt(eps)
    assert golden_min(abs, 2.0, 5.0) == pytest.approx(2.0, abs=1e-9)  # at an end of the interval


@pytest.mark.parametrize("seed", range(5))
def test_weighted_losses_are_stationary_at_the_reweighted_probabilities(seed):
    rng = np.random.default_rng(seed)
    q, w = rng.dirichlet(np.ones(4)), rng.uniform(0.2, 5, size=4)
    z = torch.tensor(np.log(w * q), requires_grad=True)  # softmax(z) = w q / sum(w q)
    expected_loss = torch.nn.functional.cross_entropy(z[None], torch.tensor(q)[None], weight=torch.tensor(w))
    (grad,) = torch.autograd.grad(expected_loss, z)  # -sum_k w_k q_k ln softmax(z)_k
    assert np.abs(grad.numpy()).max() < 1e-12
    share, pos_weight = rng.uniform(0.05, 0.95), rng.uniform(0.2, 5)
    odds = pos_weight * share / (1 - share)  # the minimiser's odds: w+ times the true odds
    logit = torch.tensor([math.log(odds)], dtype=torch.float64, requires_grad=True)
    expected_bce = torch.nn.functional.binary_cross_entropy_with_logits(
        logit, torch.tensor([share], dtype=torch.float64), pos_weight=torch.tensor([pos_weight], dtype=torch.float64))
    (grad,) = torch.autograd.grad(expected_bce, logit)
    assert abs(grad.item()) < 1e-12


def test_label_smoothing_keeps_the_weights_in_a_one_class_batch():
    result = weight_pitfall_demo()
    p = np.array([[0.8, 0.2], [0.6, 0.4], [0.3, 0.7]])
    q, w = np.array([0.05, 0.95]), np.array([1.0, 4.0])  # class 1 smoothed by 0.1, C = 2
    assert result.one_class_smoothed_weighted == pytest.approx((w * q * -np.log(p)).sum() / 12, rel=1e-12)
    assert result.one_class_smoothed_unweighted == pytest.approx((q * -np.log(p)).sum() / 3, rel=1e-12)
    assert result.one_class_smoothed_weighted != pytest.approx(result.one_class_smoothed_unweighted, rel=1e-3)


def test_ignore_demo_means_over_real_tokens():
    result = ignore_demo()
    log_probs = np_log_softmax(seeded(2, 5, 3), 1)
    real = [-log_probs[0, 4, 0], -log_probs[0, 0, 1], -log_probs[1, 1, 0]]
    assert result.mean == pytest.approx(np.mean(real), rel=1e-12) == result.mean_of_real_tokens
    assert result.sum == pytest.approx(np.sum(real), rel=1e-12)


def test_all_ignored_batch_has_a_nan_loss_but_a_zero_gradient():
    result = all_ignored_demo()
    assert math.isnan(result.mean) and result.sum == 0.0
    assert result.largest_gradient == 0.0 and result.largest_weight_change == 0.0
    assert math.isnan(result.task_weight_gradient) and math.isnan(result.task_weight_after_step)


@pytest.mark.parametrize("shape", [(4, 3), (2, 3, 5), (2, 3, 2, 2)])
@pytest.mark.parametrize("options", [{}, {"weight": True}, {"label_smoothing": 0.2}])
@pytest.mark.parametrize("optimiser", [torch.optim.SGD, torch.optim.Adam])
def test_all_ignored_gradient_is_zero_for_every_layout_and_option(shape, options, optimiser):
    generator = torch.Generator().manual_seed(3)
    features = torch.randn(*shape[:1], *shape[2:], 6, generator=generator, dtype=torch.float64)
    layer = torch.nn.Linear(6, shape[1], dtype=torch.float64)
    if options.get("weight"):
        options = {"weight": torch.rand(shape[1], generator=generator, dtype=torch.float64) + 0.5}
    target = torch.full((shape[0], *shape[2:]), -100)
    logits = layer(features).movedim(-1, 1)  # (N, C, d1, ...)
    loss = torch.nn.functional.cross_entropy(logits, target, **options)
    assert math.isnan(loss.item())
    before = [p.detach().clone() for p in layer.parameters()]
    opt = optimiser(layer.parameters(), lr=0.1)
    loss.backward()
    assert all((p.grad == 0).all() for p in layer.parameters())
    opt.step()
    for p, old in zip(layer.parameters(), before):
        assert torch.isfinite(p).all() and torch.equal(p.detach(), old)


def test_class_dim_demo_needs_a_transpose():
    result = class_dim_demo()
    scores, target = seeded(2, 3, 3, integers=(3, (2, 3)))
    n, l = np.meshgrid(range(2), range(3), indexing="ij")
    assert result.transposed == pytest.approx(-np_log_softmax(scores, 2)[n, l, target].mean(), rel=1e-12)
    assert result.flattened == pytest.approx(result.transposed, rel=1e-12)
    assert result.not_transposed == pytest.approx(-np_log_softmax(scores, 1)[n, target, l].mean(), rel=1e-12)


def test_bce_demo_shows_the_clamp_and_the_dead_gradient():
    result = bce_demo()
    assert result.exact == pytest.approx(20 + math.log1p(math.exp(-20)), rel=1e-15)
    assert result.with_logits == pytest.approx(result.exact, rel=1e-6)
    assert result.bce_of_sigmoid == 100.0 and result.grad_bce_of_sigmoid == 0.0
    assert result.grad_with_logits == pytest.approx(1 / (1 + math.exp(-20)), rel=1e-6)
    assert result.bce_with_weight_2 == 200.0  # the clamp caps the log; the weight multiplies the cap


def test_pos_weight_demo_balances_the_pull():
    result = pos_weight_demo()
    assert result.loss == pytest.approx(1.5 * LN(2), rel=1e-12)
    assert result.pull_of_the_positive == pytest.approx(-0.375, rel=1e-12)
    assert result.pull_of_the_negatives == pytest.approx(0.375, rel=1e-12)
    assert result.balanced_sigmoid == 0.5  # the pulls cancel: a shared logit stays at 0
    assert result.undone == pytest.approx(0.25, rel=1e-12)  # the positives' share


def test_gaussian_demo_matches_the_normal_log_density():
    result = gaussian_demo()
    assert result.loss == pytest.approx(0.5 * (LN(0.01) + 1), rel=1e-12)
    density = math.exp(-0.5) / (0.1 * math.sqrt(2 * math.pi))  # N(0.1; 0, 0.01)
    assert result.full == pytest.approx(-LN(density), rel=1e-12) == result.minus_log_density
    assert result.zero_var == pytest.approx(0.5 * (LN(1e-6) + 0.01 / 1e-6), rel=1e-12)
    # straight-through: d/dv of 0.5 (ln v + 0.01 / v) evaluated at v = eps, passed to v = 0
    assert result.zero_var_grad == pytest.approx(0.5 * (1 / 1e-6 - 0.01 / 1e-12), rel=1e-12)
    assert result.torch_clamp_grad == 0.0
    assert result.exact_fit_zero_var == pytest.approx(0.5 * LN(1e-6), rel=1e-12)  # the floor, 1/2 ln eps
    assert result.exact_fit_zero_var_grad == pytest.approx(0.5 / 1e-6, rel=1e-12)  # positive: var pushed down


def test_gaussian_nll_is_unbounded_below_at_x_equal_mu_and_a_negative_variance_raises():
    mean = torch.zeros(1, dtype=torch.float64)
    for var in (1e-2, 1e-4, 1e-6):  # at x = mu the loss is 1/2 ln var, falling without bound
        loss = torch.nn.functional.gaussian_nll_loss(mean, mean, torch.tensor([var], dtype=torch.float64))
        assert loss.item() == pytest.approx(0.5 * LN(var), rel=1e-12)
    var = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    torch.nn.functional.gaussian_nll_loss(mean, mean, var).backward()
    with torch.no_grad():
        var -= 1e-3 * var.grad  # one step of gradient descent from a variance of 0
    with pytest.raises(ValueError, match="negative"):
        torch.nn.functional.gaussian_nll_loss(mean, mean, var)


def test_gaussian_clamp_passes_the_gradient_at_eps_straight_through():
    mean, observed = torch.zeros(1, dtype=torch.float64), torch.tensor([0.1], dtype=torch.float64)
    grads = []
    for value in (0.0, 1e-8, 1e-6):
        var = torch.tensor([value], dtype=torch.float64, requires_grad=True)
        (grad,) = torch.autograd.grad(torch.nn.functional.gaussian_nll_loss(mean, observed, var), var)
        grads.append(grad.item())
    assert grads[0] == grads[1] == pytest.approx(-4_999_500_000, rel=1e-12)


def test_double_softmax_figure_shows_the_bounded_loss():
    fig = double_softmax_figure()
    left, right = fig.axes
    single, double = (line.get_ydata() for line in left.get_lines())
    assert single[-1] > 10 and double.max() < LN(3 + math.e) + 1e-12
    assert max(single) <= left.get_ylim()[1]  # the whole curve is in the frame
    assert right.get_lines()[1].get_ydata()[-1] < 1e-4


def test_report_prints_each_number_to_six_decimals(capsys):
    report(log_probs_demo())
    assert capsys.readouterr().out.splitlines()[0] == "on_probabilities: -0.300000"


# --- Bad input ---

from snippets import pytorch_losses as pl_module  # noqa: E402
from tests.badinput import Bad  # noqa: E402

#: Bad input for every public function of snippets/pytorch_losses.py (run by tests/test_bad_input.py).
#: The demos take no arguments; only the printing helper and its check take input.
BAD_INPUTS = {
    "check": [
        Bad("range", lambda: pl_module.check(False, "x", "is 2", "1"), "x: is 2, expected 1"),
        Bad("type", lambda: pl_module.check(0, "result", "is a dict", "a demo's result"), "result: is a dict"),
    ],
    "over_batches": [
        Bad("range", lambda: pl_module.over_batches(lambda c: 0.0, 0), "n: is 0, expected an int >= 1"),
        Bad("type", lambda: pl_module.over_batches(lambda c: 0.0, 2.5), "n: is 2.5"),
        Bad("type", lambda: pl_module.over_batches(lambda c: 0.0, True), "n: is True, expected an int"),
    ],
    "golden_min": [
        Bad("range", lambda: pl_module.golden_min(abs, 1.0, 0.0), "hi: is 0.0, expected a number above lo = 1.0"),
        Bad("nan", lambda: pl_module.golden_min(abs, 0.0, math.nan), "hi: is nan"),
    ],
    "report": [
        Bad("type", lambda: pl_module.report((1.0, 2.0)), "result: is a tuple, expected a demo's result"),
        Bad("type", lambda: pl_module.report(None), "result: is a NoneType"),
        Bad("type", lambda: pl_module.report({"loss": 1.0}), "result: is a dict"),
    ],
}
