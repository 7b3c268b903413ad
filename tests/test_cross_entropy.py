"""Tests of snippets/cross_entropy.py against closed forms and torch's own
functions; the page's code pasted as a reader would; bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.cross_entropy import (
    bce_curves_figure,
    bernoulli_entropy,
    bernoulli_entropy_figure,
    bernoulli_likelihood,
    bernoulli_log_likelihood,
    binary_cross_entropy,
    cross_entropy,
    empirical_distribution,
    entropy,
    in_base,
    kl_divergence,
    log_sigmoid,
    log_sigmoid_torch,
    log_softmax,
    log_softmax_torch,
    naive_softmax_nll,
    nll,
    one_hot,
    sigmoid_binary_cross_entropy,
    sigmoid_binary_cross_entropy_torch,
    smooth_labels,
    softmax_nll,
    softmax_nll_torch,
)

PROBS = [0.1, 0.3, 0.5, 0.1]
LN = math.log
# Exact values from ../shared/WORKED_NUMBERS.md (computed independently of this code).
ORACLE_NLL_4TH = 2.302585092994046
ORACLE_NLL_3RD = 0.6931471805599453
LABELS = [0, 0, 1, 2, 0, 1, 0, 2, 0, 1]


def torch_nll(probs, labels) -> float:
    """torch's mean NLL of labels under probabilities (ln p are valid logits)."""
    logits = torch.log(torch.as_tensor(np.atleast_2d(probs), dtype=torch.float64))
    return F.cross_entropy(logits, torch.as_tensor(np.atleast_1d(labels))).item()


# --- Bernoulli likelihood and binary cross-entropy ---

def test_bernoulli_worked_example_matches_closed_forms():
    y_hat, y = [0.9, 0.2, 0.7, 0.4], [1, 0, 1, 1]
    assert bernoulli_likelihood(y_hat, y) == pytest.approx(0.9 * 0.8 * 0.7 * 0.4, rel=1e-15)
    assert bernoulli_log_likelihood(y_hat, y) == pytest.approx(LN(0.2016), rel=1e-12)
    assert binary_cross_entropy(y_hat, y) == pytest.approx(-LN(0.2016) / 4, rel=1e-12)
    assert in_base(binary_cross_entropy(y_hat, y), 2) == pytest.approx(-math.log2(0.2016) / 4, rel=1e-12)
    # the fourth example is a mistake at threshold 0.5, and costs more than the other three
    assert 0.4 < 0.5 and -LN(0.4) > -LN(0.9) - LN(0.8) - LN(0.7)


def test_the_sum_runs_over_the_same_examples_as_the_product():
    generator = np.random.default_rng(0)
    y_hat, y = generator.uniform(0.01, 0.99, 30), generator.integers(0, 2, 30)
    terms = [yi * LN(p) + (1 - yi) * LN(1 - p) for p, yi in zip(y_hat, y)]
    assert bernoulli_log_likelihood(y_hat, y) == pytest.approx(math.fsum(terms), rel=1e-12)
    assert LN(bernoulli_likelihood(y_hat, y)) == pytest.approx(math.fsum(terms), rel=1e-9)


@pytest.mark.parametrize("seed", range(5))
def test_binary_cross_entropy_agrees_with_torch(seed):
    generator = torch.Generator().manual_seed(seed)
    y_hat = torch.rand(50, generator=generator, dtype=torch.float64).clamp(1e-6, 1 - 1e-6)
    y = torch.rand(50, generator=generator, dtype=torch.float64).round()  # labels 0 or 1
    expected = F.binary_cross_entropy(y_hat, y).item()
    assert binary_cross_entropy(y_hat.numpy(), y.numpy()) == pytest.approx(expected, rel=1e-12)


def test_the_bernoulli_likelihood_takes_labels_0_or_1_only():
    """A soft y would give a number that is the probability of nothing: refused."""
    for function in (bernoulli_likelihood, bernoulli_log_likelihood, binary_cross_entropy):
        with pytest.raises(ValueError, match=r"y: is \[0.5\], expected labels 0 or 1"):
            function([0.9], [0.5])
    assert bernoulli_likelihood([0.9, 0.9], [True, False]) == pytest.approx(0.9 * 0.1, rel=1e-15)


def test_certain_and_right_costs_nothing_and_certain_and_wrong_is_infinite():
    assert binary_cross_entropy([1.0, 0.0], [1, 0]) == 0.0
    assert binary_cross_entropy([0.0], [1]) == math.inf
    assert bernoulli_likelihood([0.0], [1]) == 0.0


def test_in_base_is_a_positive_factor_and_refuses_bases_up_to_1():
    assert in_base(LN(8), 2) == pytest.approx(3.0, rel=1e-15)
    assert in_base(1.0, math.e) == pytest.approx(1.0, rel=1e-15)
    assert in_base(LN(1000), 10) == pytest.approx(3.0, rel=1e-15)
    for base in (1, 0.5, 0, -2, math.inf, math.nan):
        with pytest.raises(ValueError, match="base: is .*expected a finite base > 1"):
            in_base(1.0, base)


# --- Categorical: the NLL chapter's example, as NLL and as cross-entropy ---

def test_four_class_example_as_nll_and_as_cross_entropy():
    for label, oracle in ((3, ORACLE_NLL_4TH), (2, ORACLE_NLL_3RD)):
        assert nll(PROBS, label) == pytest.approx(oracle, rel=1e-15)
        assert cross_entropy(one_hot(label, 4), PROBS) == pytest.approx(oracle, rel=1e-15)
    assert nll([PROBS, PROBS], [3, 2]) == pytest.approx(torch_nll([PROBS, PROBS], [3, 2]), rel=1e-12)
    assert one_hot([3, 0], 4).tolist() == F.one_hot(torch.tensor([3, 0]), 4).tolist()


def test_two_classes_reduce_to_the_bernoulli_case():
    y_hat, y = np.array([0.9, 0.2, 0.7, 0.4]), np.array([1, 0, 1, 1])
    rows = np.stack([1 - y_hat, y_hat], axis=1)
    assert nll(rows, y) == pytest.approx(binary_cross_entropy(y_hat, y), rel=1e-12)


def test_row_sum_tolerance_admits_float32_softmax_rows_of_many_classes():
    generator = torch.Generator().manual_seed(0)
    rows = torch.softmax(torch.randn(4, 50_000, generator=generator) * 3, dim=1)  # float32
    assert nll(rows.numpy(), [0, 1, 2, 3]) == pytest.approx(
        F.nll_loss(torch.log(rows.double()), torch.tensor([0, 1, 2, 3])).item(), rel=1e-9)


# --- Entropy, cross-entropy, KL ---

def test_worked_kl_example_in_bits_and_nats():
    p, q = [0.5, 0.25, 0.25], [1 / 3] * 3
    assert in_base(entropy(p), 2) == pytest.approx(1.5, rel=1e-15)
    assert in_base(cross_entropy(p, q), 2) == pytest.approx(math.log2(3), rel=1e-12)
    assert in_base(kl_divergence(p, q), 2) == pytest.approx(math.log2(3) - 1.5, rel=1e-9)
    assert in_base(kl_divergence(q, p), 2) == pytest.approx(5 / 3 - math.log2(3), rel=1e-9)
    dist_p = torch.distributions.Categorical(probs=torch.tensor(p, dtype=torch.float64))
    dist_q = torch.distributions.Categorical(probs=torch.tensor(q, dtype=torch.float64))
    assert entropy(p) == pytest.approx(dist_p.entropy().item(), rel=1e-12)
    assert kl_divergence(p, q) == pytest.approx(torch.distributions.kl_divergence(dist_p, dist_q).item(), rel=1e-9)


distributions_strategy = st.integers(2, 6).flatmap(
    lambda c: st.tuples(*(st.lists(st.floats(0.0, 1.0), min_size=c, max_size=c).filter(lambda v: sum(v) > 1e-3)
                          for _ in range(2)))
)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(distributions_strategy)
def test_cross_entropy_is_entropy_plus_kl_and_kl_is_never_negative(pair):
    p, q = (np.array(v) / sum(v) for v in pair)
    q = (q + 1e-3) / (q + 1e-3).sum()  # q > 0 everywhere, so every quantity is finite
    assert cross_entropy(p, q) == pytest.approx(entropy(p) + kl_divergence(p, q), rel=1e-9, abs=1e-12)
    assert kl_divergence(p, q) >= -1e-12
    assert kl_divergence(p, p) == pytest.approx(0.0, abs=1e-12)
    expected = -(p * np.log(q)).sum()
    assert cross_entropy(p, q) == pytest.approx(expected, rel=1e-12, abs=1e-12)


def test_zero_probability_where_p_is_positive_makes_cross_entropy_and_kl_infinite():
    p, q = [0.5, 0.5], [1.0, 0.0]
    assert cross_entropy(p, q) == math.inf and kl_divergence(p, q) == math.inf
    dist_p = torch.distributions.Categorical(probs=torch.tensor(p, dtype=torch.float64))
    dist_q = torch.distributions.Categorical(probs=torch.tensor(q, dtype=torch.float64))
    assert torch.distributions.kl_divergence(dist_p, dist_q).item() == math.inf
    logits = torch.log(torch.tensor([q], dtype=torch.float64))  # ln 0 = -inf
    assert F.cross_entropy(logits, torch.tensor([p], dtype=torch.float64)).item() == math.inf
    # the other way round is finite: q puts mass where p has none
    assert kl_divergence(q, p) == pytest.approx(LN(2), rel=1e-15)
    assert entropy([1.0, 0.0]) == 0.0


def test_bernoulli_entropy():
    assert in_base(bernoulli_entropy(0.5), 2) == 1.0
    assert bernoulli_entropy(0.5) == pytest.approx(LN(2), rel=1e-15)
    assert bernoulli_entropy(0.0) == 0.0 == bernoulli_entropy(1.0)
    assert in_base(bernoulli_entropy(0.1), 2) == pytest.approx(-(0.1 * math.log2(0.1) + 0.9 * math.log2(0.9)), rel=1e-12)


# --- Mean NLL = H(p_hat) + KL(p_hat || q); the floor in expectation and on a sample ---

def test_empirical_distribution_refuses_no_labels():
    for empty in ([], np.array([], dtype=int)):
        with pytest.raises(ValueError, match="expected integers from 0 to 2 \\(at least one\\)"):
            empirical_distribution(empty, 3)


def test_mean_nll_splits_into_data_entropy_and_kl():
    p_hat = empirical_distribution(LABELS, 3)
    assert p_hat.tolist() == [0.5, 0.3, 0.2]
    q = np.array([0.6, 0.2, 0.2])
    mean = nll(np.tile(q, (10, 1)), LABELS)
    assert mean == pytest.approx(-(0.5 * LN(0.6) + 0.5 * LN(0.2)), rel=1e-12)
    assert mean == pytest.approx(torch_nll(np.tile(q, (10, 1)), LABELS), rel=1e-12)
    assert mean == pytest.approx(entropy(p_hat) + kl_divergence(p_hat, q), rel=1e-12)


def test_on_a_sample_the_empirical_distribution_beats_the_true_one():
    p = np.array([0.4, 0.35, 0.25])
    p_hat = empirical_distribution(LABELS, 3)
    on_sample = -(0.5 * LN(0.4) + 0.3 * LN(0.35) + 0.2 * LN(0.25))
    assert nll(np.tile(p, (10, 1)), LABELS) == pytest.approx(on_sample, rel=1e-12)
    assert nll(np.tile(p_hat, (10, 1)), LABELS) == pytest.approx(-(0.5 * LN(0.5) + 0.3 * LN(0.3) + 0.2 * LN(0.2)), rel=1e-12)
    assert nll(np.tile(p_hat, (10, 1)), LABELS) < on_sample < entropy(p)
    assert entropy(p) == pytest.approx(torch.distributions.Categorical(probs=torch.tensor(p)).entropy().item(), rel=1e-12)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.integers(0, 3), min_size=1, max_size=30), distributions_strategy.filter(lambda t: len(t[0]) == 4))
def test_no_constant_model_beats_the_empirical_distribution_on_its_sample(labels, pair):
    q = np.array(pair[1]) + 1e-3
    q /= q.sum()
    p_hat = empirical_distribution(labels, 4)
    floor = nll(np.tile(p_hat, (len(labels), 1)), labels)
    assert floor == pytest.approx(entropy(p_hat), rel=1e-9, abs=1e-12)
    assert nll(np.tile(q, (len(labels), 1)), labels) >= floor - 1e-12


def test_the_sample_entropy_is_below_the_true_entropy_on_average_not_always():
    """The page's enumeration, checked against torch's multinomial and a coin by hand."""
    p, n = torch.tensor([0.4, 0.35, 0.25], dtype=torch.float64), 10
    counts = torch.tensor([(a, b, n - a - b) for a in range(n + 1) for b in range(n + 1 - a)],
                          dtype=torch.float64)
    prob = torch.distributions.Multinomial(n, probs=p).log_prob(counts).exp()
    assert prob.sum().item() == pytest.approx(1.0, rel=1e-12)
    h_true = torch.distributions.Categorical(probs=p).entropy().item()
    h = torch.distributions.Categorical(probs=counts / n).entropy()
    assert prob[h > h_true].sum().item() == pytest.approx(0.180075, rel=1e-9)  # a finite sum of decimals
    expected_entropy = (prob * h).sum().item()
    assert expected_entropy == pytest.approx(0.969861941780382, rel=1e-9)  # brute force over 3^10 sequences
    assert expected_entropy < h_true
    # a coin with r = 0.1 whose two flips are 0 and 1: H(p_hat) = ln 2 > h(0.1)
    assert entropy(empirical_distribution([0, 1], 2)) == pytest.approx(LN(2), rel=1e-15)
    assert LN(2) > bernoulli_entropy(0.1)


def test_mean_nll_equals_average_kl_when_no_input_has_two_labels():
    """Inputs a, a, b with labels 0, 0, 1: repeated input, one-hot conditionals, so NLL = average KL;
    give the second a the label 1 and they differ by the empirical conditional entropy (2/3) ln 2."""
    q = {"a": np.array([0.7, 0.3]), "b": np.array([0.4, 0.6])}
    inputs = ["a", "a", "b"]
    for labels, conditional_entropy in (([0, 0, 1], 0.0), ([0, 1, 1], 2 / 3 * LN(2))):
        mean_nll = nll(np.stack([q[x] for x in inputs]), labels)
        p_hat = {x: empirical_distribution([c for xi, c in zip(inputs, labels) if xi == x], 2) for x in q}
        weight = {x: inputs.count(x) / 3 for x in q}
        average_kl = sum(weight[x] * kl_divergence(p_hat[x], q[x]) for x in q)
        assert mean_nll - average_kl == pytest.approx(conditional_entropy, abs=1e-12)
        assert mean_nll == pytest.approx(torch_nll(np.stack([q[x] for x in inputs]), labels), rel=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_per_example_kl_from_one_hot_labels_is_the_mean_nll(seed):
    """A one-hot label has entropy 0, so KL(y_i || y_hat_i) = H(y_i, y_hat_i): F.kl_div with
    reduction="batchmean" equals F.cross_entropy, and so does the mean of our KL over rows."""
    generator = torch.Generator().manual_seed(seed)
    logits = torch.randn(20, 5, generator=generator, dtype=torch.float64) * 3
    labels = torch.randint(0, 5, (20,), generator=generator)
    log_probs = torch.log_softmax(logits, dim=1)
    kl = F.kl_div(log_probs, F.one_hot(labels, 5).double(), reduction="batchmean")
    torch.testing.assert_close(kl, F.cross_entropy(logits, labels), rtol=1e-14, atol=0)
    ours = kl_divergence(one_hot(labels.numpy(), 5), log_probs.exp().numpy()).mean()
    assert ours == pytest.approx(F.cross_entropy(logits, labels).item(), rel=1e-12)
    assert nll(log_probs.exp().numpy(), labels.numpy()) == pytest.approx(kl.item(), rel=1e-12)


def test_the_pages_ten_labels_pooled_kl_falls_short_of_the_per_example_kl():
    """Ten labels, one input: the pooled KL is the mean NLL minus H(p_hat); the per-example KL is all of it."""
    q = np.array([0.6, 0.2, 0.2])
    log_q = torch.log(torch.tensor(np.tile(q, (10, 1))))
    targets = torch.tensor(LABELS)
    per_example = F.kl_div(log_q, F.one_hot(targets, 3).double(), reduction="batchmean").item()
    mean_nll = -(0.5 * LN(0.6) + 0.5 * LN(0.2))
    assert per_example == pytest.approx(mean_nll, rel=1e-12)
    pooled = kl_divergence(empirical_distribution(LABELS, 3), q)
    h_hat = -(0.5 * LN(0.5) + 0.3 * LN(0.3) + 0.2 * LN(0.2))
    assert pooled == pytest.approx(mean_nll - h_hat, rel=1e-9)


def test_in_expectation_the_true_distribution_is_the_floor():
    """Averaged over many samples, the true p's mean NLL approaches H(p), below any other q's."""
    p, q = torch.tensor([0.4, 0.35, 0.25], dtype=torch.float64), torch.tensor([0.5, 0.3, 0.2], dtype=torch.float64)
    draws = torch.multinomial(p, 200_000, replacement=True, generator=torch.Generator().manual_seed(0))
    assert -torch.log(p[draws]).mean().item() == pytest.approx(entropy(p.numpy()), abs=5e-3)
    assert -torch.log(q[draws]).mean().item() == pytest.approx(cross_entropy(p.numpy(), q.numpy()), abs=5e-3)
    assert cross_entropy(p.numpy(), q.numpy()) > entropy(p.numpy())


# --- From logits, stably ---

def test_the_naive_formula_overflows_and_the_stable_one_does_not():
    huge = np.float32([1e4, 0.0, -1e4])
    assert math.isnan(naive_softmax_nll(huge, 0)) and naive_softmax_nll(huge, 1) == math.inf
    assert naive_softmax_nll([0.0, LN(3)], 1) == pytest.approx(-LN(0.75), rel=1e-12)
    assert softmax_nll(huge, 1) == 1e4 and softmax_nll(huge, 2) == 2e4
    assert softmax_nll_torch(torch.tensor([[1e4, 0.0, -1e4]]), torch.tensor([1])).item() == 1e4


def test_the_naive_formula_also_fails_by_underflow():
    """In float32 e^-200 underflows to 0: the naive loss is inf; the true loss is 200 + ln(1 + e^-200)."""
    assert np.exp(np.float32(-200.0)) == 0.0
    assert naive_softmax_nll(np.float32([0.0, -200.0]), 1) == math.inf
    true_loss = 200.0 + math.log1p(math.exp(-200.0))
    assert softmax_nll([0.0, -200.0], 1) == true_loss
    assert F.cross_entropy(torch.tensor([[0.0, -200.0]]), torch.tensor([1])).item() == 200.0
    assert softmax_nll_torch(torch.tensor([[0.0, -200.0]]), torch.tensor([1])).item() == 200.0


def test_exp_overflows_above_the_log_of_the_largest_float():
    for dtype, threshold in ((torch.float32, 88.72283935546875), (torch.float64, 709.782712893384)):
        below, above = torch.tensor([threshold - 0.01, threshold + 0.01], dtype=dtype).exp()
        assert torch.isfinite(below) and torch.isinf(above)
    assert np.log(np.finfo(np.float32).max) == pytest.approx(127 * LN(2) + LN(2 - 2**-23), rel=1e-6)


def test_log_softmax_refuses_logits_further_apart_than_the_largest_float():
    for function in (log_softmax, lambda z: softmax_nll(z, 0)):
        with pytest.raises(ValueError, match=r"logits: is \[1e\+308, -1e\+308\], expected a finite max - min"):
            function([1e308, -1e308])
    z = torch.tensor([1e307, -1e307], dtype=torch.float64)  # still within range
    np.testing.assert_array_equal(log_softmax(z.numpy()), torch.log_softmax(z, dim=0).numpy())
    assert softmax_nll(z.numpy(), 1) == 2e307


def test_the_torch_functions_refuse_what_log_softmax_refuses():
    far = torch.tensor([[3e38, -3e38]])  # finite float32 logits 6e38 apart: beyond float32
    message = r"logits: is tensor\(\[\[ 3.0000e\+38, -3.0000e\+38\]\]\), expected a finite max - min"
    for function in (log_softmax_torch, lambda z: softmax_nll_torch(z, torch.tensor([1]))):
        with pytest.raises(ValueError, match=message):
            function(far)
    with pytest.raises(ValueError, match="expected a finite max - min"):  # float64, as NumPy's refuses
        log_softmax_torch(torch.tensor([1e308, -1e308], dtype=torch.float64))
    torch.testing.assert_close(log_softmax_torch(far.double()), torch.log_softmax(far.double(), dim=1))


def test_the_torch_functions_never_convert_tensors_to_numpy(monkeypatch):
    """No np.asarray on tensors, so tensors on a GPU work: labels and targets join the logits' device."""
    def refuse(*args, **kwargs):
        raise AssertionError("a tensor was converted to NumPy")

    monkeypatch.setattr(torch.Tensor, "__array__", refuse)
    monkeypatch.setattr(torch.Tensor, "numpy", refuse)
    logits = torch.randn(4, 3, generator=torch.Generator().manual_seed(4), dtype=torch.float64)
    labels = torch.tensor([0, 2, 1, 2], dtype=torch.int32)
    torch.testing.assert_close(softmax_nll_torch(logits, labels), F.cross_entropy(logits, labels.long()))
    targets = torch.tensor([0.0, 0.3, 1.0, 0.5], dtype=torch.float64)
    torch.testing.assert_close(sigmoid_binary_cross_entropy_torch(logits[:, 0], targets),
                               F.binary_cross_entropy_with_logits(logits[:, 0], targets))
    for bad in (torch.tensor([0, 3, 1, 2]), torch.tensor([0.0, 1.0, 1.0, 2.0])):
        with pytest.raises(ValueError, match="labels: is tensor"):
            softmax_nll_torch(logits, bad)
    with pytest.raises(ValueError, match="targets: is tensor"):
        sigmoid_binary_cross_entropy_torch(logits[:, 0], targets + 1)


def test_targets_that_require_grad_get_torchs_gradient():
    z = torch.tensor([0.5, -1.0, 3.0], dtype=torch.float64)
    ours = torch.tensor([0.3, 0.9, 0.0], dtype=torch.float64, requires_grad=True)
    theirs = ours.detach().clone().requires_grad_()
    sigmoid_binary_cross_entropy_torch(z, ours).backward()
    F.binary_cross_entropy_with_logits(z, theirs).backward()
    torch.testing.assert_close(ours.grad, theirs.grad)
    with pytest.raises(ValueError, match="targets: is tensor.*expected probabilities"):
        sigmoid_binary_cross_entropy_torch(z, torch.tensor([0.3, nan, 0.0], requires_grad=True))


def test_softmax_nll_torch_takes_label_tensors_only():
    with pytest.raises(ValueError, match=r"labels: is \[0\], expected a tensor of class indices"):
        softmax_nll_torch(torch.tensor([[1.0, 2.0]]), [0])
    int32 = softmax_nll_torch(torch.tensor([[1.0, 2.0]]), torch.tensor([1], dtype=torch.int32))
    torch.testing.assert_close(int32, F.cross_entropy(torch.tensor([[1.0, 2.0]]), torch.tensor([1])))


def test_log_softmax_is_stable_and_agrees_with_torch():
    logits = torch.tensor([[1e4, 0.0, -1e4], [3.0, 3.0, 3.0], [-1e4, -1e4 + 1, 0.0]], dtype=torch.float64)
    np.testing.assert_allclose(log_softmax(logits.numpy()), torch.log_softmax(logits, dim=1).numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(log_softmax(logits.numpy(), axis=0), torch.log_softmax(logits, dim=0).numpy(), rtol=1e-12, atol=1e-12)
    torch.testing.assert_close(log_softmax_torch(logits.float(), dim=1), torch.log_softmax(logits.float(), dim=1))


def test_softmax_nll_agrees_with_torch_on_1000_float32_cases():
    generator = torch.Generator().manual_seed(0)
    scale = torch.tensor([1e-3, 1.0, 10.0, 1e4])[torch.randint(0, 4, (1000, 1), generator=generator)]
    logits = (torch.randn(1000, 6, generator=generator) * scale).float()
    logits[::10] = (torch.randint(0, 2, (100, 6), generator=generator) * 2e4 - 1e4).float()
    labels = torch.randint(0, 6, (1000,), generator=generator)
    ours = softmax_nll_torch(logits, labels)
    assert ours.dtype == torch.float32 and torch.isfinite(ours)
    torch.testing.assert_close(ours, F.cross_entropy(logits, labels), rtol=1e-6, atol=1e-6)
    assert softmax_nll(logits.numpy(), labels.numpy()) == pytest.approx(
        F.cross_entropy(logits.double(), labels).item(), rel=1e-12)


def test_sigmoid_binary_cross_entropy_agrees_with_torch_on_1000_float32_cases():
    generator = torch.Generator().manual_seed(1)
    scale = torch.tensor([1e-3, 1.0, 10.0, 1e4])[torch.randint(0, 4, (1000,), generator=generator)]
    logits = (torch.randn(1000, generator=generator) * scale).float()
    logits[::10] = (torch.randint(0, 2, (100,), generator=generator) * 2e4 - 1e4).float()
    targets = torch.rand(1000, generator=generator)
    ours = sigmoid_binary_cross_entropy_torch(logits, targets)
    assert ours.dtype == torch.float32
    torch.testing.assert_close(ours, F.binary_cross_entropy_with_logits(logits, targets), rtol=1e-6, atol=1e-6)
    assert sigmoid_binary_cross_entropy(logits.numpy(), targets.numpy()) == pytest.approx(
        F.binary_cross_entropy_with_logits(logits.double(), targets.double()).item(), rel=1e-12)


def test_gradients_are_prediction_minus_label():
    """The page derives d loss / d z = y_hat - y; autograd and torch's losses agree."""
    logits = torch.randn(5, 4, dtype=torch.float64, generator=torch.Generator().manual_seed(2), requires_grad=True)
    labels = torch.tensor([3, 0, 1, 2, 3])
    softmax_nll_torch(logits, labels).backward()
    derived = (torch.softmax(logits, dim=1) - F.one_hot(labels, 4)) / 5
    torch.testing.assert_close(logits.grad, derived.detach())
    z = torch.tensor([-1e4, -20.0, -1.0, 0.0, 0.5, 20.0, 1e4], requires_grad=True)
    y = torch.tensor([1.0, 0.0, 0.3, 0.5, 1.0, 0.0, 0.0])
    ours, theirs = sigmoid_binary_cross_entropy_torch(z, y), F.binary_cross_entropy_with_logits(z, y)
    torch.testing.assert_close(ours, theirs, rtol=1e-6, atol=1e-6)
    grad = torch.autograd.grad(ours, z)[0]
    torch.testing.assert_close(grad, torch.autograd.grad(theirs, z)[0])
    torch.testing.assert_close(grad, ((torch.sigmoid(z) - y) / 7).detach())
    np.testing.assert_allclose(log_sigmoid([-1e4, 0.0, 2.0]),
                               F.logsigmoid(torch.tensor([-1e4, 0.0, 2.0], dtype=torch.float64)).numpy(), rtol=1e-12)
    torch.testing.assert_close(log_sigmoid_torch(torch.tensor([-1e4, 0.0, 2.0])), F.logsigmoid(torch.tensor([-1e4, 0.0, 2.0])))


def test_a_step_on_table_logits_is_exactly_minus_eta_g():
    """Logits as parameters (one row per example): one SGD step on the mean loss moves each logit
    by -eta (y_hat - y) / N; wrong logits fall by eta y_hat_k / N, the true one rises by eta (1 - y_hat_c) / N."""
    eta, labels = 0.5, torch.tensor([3, 0, 2])
    table = torch.randn(3, 4, generator=torch.Generator().manual_seed(5), dtype=torch.float64)
    z = table.clone().requires_grad_()
    optimizer = torch.optim.SGD([z], lr=eta)
    F.cross_entropy(z, labels).backward()
    optimizer.step()
    y_hat, y = torch.softmax(table, dim=1), F.one_hot(labels, 4)
    torch.testing.assert_close(z.detach() - table, -eta * (y_hat - y) / 3, rtol=1e-12, atol=1e-15)


def test_in_a_network_the_logits_move_by_minus_eta_j_jt_g_and_a_wrong_one_can_rise():
    """z = A v with parameters v (linear, so first order is exact): the step moves z by -eta A A^T g.
    With A's rows (1, 0), (0, 1), (1, 0) and the 3rd class true at v = 0, g = (1/3, 1/3, -2/3) and the
    wrong 1st logit rises by eta/3."""
    eta = 0.1
    A = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]], dtype=torch.float64)
    v = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    F.cross_entropy((A @ v)[None], torch.tensor([2])).backward()
    with torch.no_grad():
        moved = A @ (v - eta * v.grad)
    g = torch.tensor([1 / 3, 1 / 3, -2 / 3], dtype=torch.float64)
    torch.testing.assert_close(moved, -eta * A @ A.T @ g, rtol=1e-12, atol=1e-15)
    assert moved[0].item() == pytest.approx(eta / 3, rel=1e-12)  # a wrong class's logit rises


# --- Label smoothing, soft labels, multi-label ---

def test_label_smoothing_matches_torch_and_its_floor_is_the_targets_entropy():
    log_probs = torch.log(torch.tensor([PROBS], dtype=torch.float64))
    for label in (3, 2):
        expected = F.cross_entropy(log_probs, torch.tensor([label]), label_smoothing=0.1).item()
        assert cross_entropy(smooth_labels(label, 4, 0.1), PROBS) == pytest.approx(expected, rel=1e-12)
    target = smooth_labels(3, 4, 0.1)
    assert target == pytest.approx([0.025, 0.025, 0.025, 0.925], abs=1e-15)
    floor = -(0.075 * LN(0.025) + 0.925 * LN(0.925))
    assert entropy(target) == pytest.approx(floor, rel=1e-12)
    best = torch.log(torch.from_numpy(target))[None]
    assert F.cross_entropy(best, torch.tensor([3]), label_smoothing=0.1).item() == pytest.approx(floor, rel=1e-12)
    for scale in (1.0, 10.0, 100.0):  # more confident logits score worse than the floor
        confident = torch.tensor([[0.0, 0.0, 0.0, scale]], dtype=torch.float64)
        assert F.cross_entropy(confident, torch.tensor([3]), label_smoothing=0.1).item() > floor
    assert smooth_labels([1], 3, 0.0)[0].tolist() == [0.0, 1.0, 0.0]
    assert smooth_labels([1], 3, 1.0)[0] == pytest.approx([1 / 3] * 3, abs=1e-15)


def test_soft_label_minimum_is_its_entropy():
    target = [0.0, 0.0, 0.7, 0.3]
    assert cross_entropy(target, PROBS) == pytest.approx(0.7 * LN(2) + 0.3 * LN(10), rel=1e-12)
    assert cross_entropy(target, target) == pytest.approx(-(0.7 * LN(0.7) + 0.3 * LN(0.3)), rel=1e-12)
    expected = F.cross_entropy(torch.log(torch.tensor([PROBS], dtype=torch.float64)), torch.tensor([target], dtype=torch.float64))
    assert cross_entropy(target, PROBS) == pytest.approx(expected.item(), rel=1e-12)


def test_multi_label_mean_is_the_summed_nll_over_n_times_c():
    """The NLL of the label vectors is the sum of the binary cross-entropies; PyTorch's mean divides by N * C."""
    generator = torch.Generator().manual_seed(3)
    z = torch.randn(5, 4, generator=generator, dtype=torch.float64)
    y = torch.randint(0, 2, (5, 4), generator=generator).double()
    p1 = torch.sigmoid(z)
    summed = -torch.distributions.Bernoulli(probs=p1).log_prob(y).sum()
    torch.testing.assert_close(F.binary_cross_entropy_with_logits(z, y, reduction="sum"), summed)
    torch.testing.assert_close(F.binary_cross_entropy_with_logits(z, y), summed / 20)


def test_labels_independent_given_x_still_co_occur_through_x():
    """Dog and beach independent given x, but both likely on beach photos: marginally they co-occur.
    A cat-or-dog-not-both input has P(cat and dog | x) = 0, which no product of sigmoids gives."""
    photos = [(0.5, (0.9, 0.9)), (0.5, (0.1, 0.1))]  # (P(x), (P(dog | x), P(beach | x)))
    both = sum(px * d * b for px, (d, b) in photos)
    dog, beach = (sum(px * pair[k] for px, pair in photos) for k in (0, 1))
    assert both == pytest.approx(0.41, rel=1e-12) and dog * beach == pytest.approx(0.25, rel=1e-12)
    s_cat, s_dog = torch.sigmoid(torch.tensor([0.0, 0.0])).tolist()  # an ambiguous animal: 1/2 each
    assert s_cat * s_dog > 0


def test_binary_cross_entropy_takes_hard_labels_where_pytorchs_takes_soft_ones():
    soft = torch.tensor([0.3], dtype=torch.float64)
    assert F.binary_cross_entropy(torch.tensor([0.9], dtype=torch.float64), soft).item() == pytest.approx(
        -(0.3 * LN(0.9) + 0.7 * LN(0.1)), rel=1e-12)
    with pytest.raises(ValueError, match="expected labels 0 or 1"):
        binary_cross_entropy([0.9], [0.3])
    assert sigmoid_binary_cross_entropy([LN(9)], [0.3]) == pytest.approx(-(0.3 * LN(0.9) + 0.7 * LN(0.1)), rel=1e-12)


def test_multi_label_is_one_bernoulli_per_label():
    probs, labels = [0.8, 0.1, 0.6, 0.3], [1, 0, 1, 0]
    expected = F.binary_cross_entropy(torch.tensor(probs, dtype=torch.float64), torch.tensor(labels, dtype=torch.float64))
    assert binary_cross_entropy(probs, labels) == pytest.approx(expected.item(), rel=1e-12)
    z = torch.tensor([3.0, -4.0, 2.0, -3.0], dtype=torch.float64)
    sig, soft = np.exp(log_sigmoid(z.numpy())), np.exp(log_softmax(z.numpy()))
    np.testing.assert_allclose(sig, torch.sigmoid(z).numpy(), rtol=1e-12)
    np.testing.assert_allclose(soft, torch.softmax(z, dim=0).numpy(), rtol=1e-12)
    assert (sig > 0.5).tolist() == [True, False, True, False] and soft[2] < 0.5


# --- Figures ---

def test_bce_figure_draws_both_labels_and_marks_the_examples():
    fig = bce_curves_figure()
    (axes,) = fig.axes
    curves = [line for line in axes.get_lines() if len(line.get_xdata()) > 1]
    points = sorted((round(float(line.get_xdata()[0]), 3), round(float(line.get_ydata()[0]), 6))
                    for line in axes.get_lines() if len(line.get_xdata()) == 1)
    assert len(curves) == 2
    assert points == [(0.2, round(-LN(0.8), 6)), (0.4, round(-LN(0.4), 6)), (0.9, round(-LN(0.9), 6))]
    y1, y0 = curves
    assert y1.get_ydata()[-1] == pytest.approx(-LN(y1.get_xdata()[-1]))
    assert y0.get_ydata()[0] == pytest.approx(-LN(1 - y0.get_xdata()[0]))


def test_entropy_figure_peaks_at_one_bit():
    fig = bernoulli_entropy_figure()
    curve = fig.axes[0].get_lines()[0]
    assert max(curve.get_ydata()) == pytest.approx(1.0, abs=1e-12)
    assert curve.get_xdata()[np.argmax(curve.get_ydata())] == pytest.approx(0.5)
    assert curve.get_ydata()[0] == 0.0 == curve.get_ydata()[-1]
    assert "bits" in fig.axes[0].get_ylabel()



# --- Bad input ---

from snippets import cross_entropy as ce_module  # noqa: E402
from tests.badinput import Bad, inf, nan  # noqa: E402

M = ce_module
T2 = torch.tensor([[1.0, 2.0]])

#: Bad input for every public function of snippets/cross_entropy.py (run by tests/test_bad_input.py).
BAD_INPUTS = {
    "check": [
        Bad("range", lambda: M.check(False, "eps", 1.5, "a number in [0, 1]"), "eps: is 1.5, expected a number in [0, 1]"),
        Bad("type", lambda: M.check(0, "x", "a", "a number"), "x: is 'a', expected a number"),
    ],
    "as_probs": [
        Bad("range", lambda: M.as_probs([1.5], "y_hat"), "y_hat: is [1.5], expected probabilities in [0, 1]"),
        Bad("nan", lambda: M.as_probs([nan], "y_hat"), "expected probabilities in [0, 1] (no NaN"),
        Bad("empty", lambda: M.as_probs([], "p"), "p: is [], expected probabilities"),
        Bad("shape", lambda: M.as_probs([0.5, 0.5], "y", (1,)), "y: is [0.5, 0.5], expected shape (1,)"),
    ],
    "as_bits": [
        Bad("label", lambda: M.as_bits([0.5], "y"), "y: is [0.5], expected labels 0 or 1"),
        Bad("range", lambda: M.as_bits([2], "y"), "y: is [2], expected probabilities"),
        Bad("shape", lambda: M.as_bits([0, 1], "y", (1,)), "y: is [0, 1], expected shape (1,)"),
    ],
    "as_dist": [
        Bad("sum", lambda: M.as_dist([0.5, 0.6], "p"), "p: is [0.5, 0.6], expected rows that sum to 1"),
        Bad("shape", lambda: M.as_dist([[[0.5, 0.5]]], "p"), "expected shape (C,) or (N, C) with C >= 2"),
        Bad("count", lambda: M.as_dist([1.0], "p"), "expected shape (C,) or (N, C) with C >= 2"),
    ],
    "as_labels": [
        Bad("label", lambda: M.as_labels([4], 4), "labels: is [4], expected integers from 0 to 3"),
        Bad("label", lambda: M.as_labels([-1], 4), "labels: is [-1], expected integers from 0 to 3"),
        Bad("type", lambda: M.as_labels([0.5], 4), "expected integers from 0 to 3"),
        Bad("shape", lambda: M.as_labels([0, 1], 4, shape=(1,)), "labels: is [0, 1], expected shape (1,)"),
    ],
    "as_finite": [
        Bad("nan", lambda: M.as_finite([nan]), "logits: is [nan], expected finite numbers"),
        Bad("range", lambda: M.as_finite([inf, 1.0]), "expected finite numbers"),
        Bad("empty", lambda: M.as_finite([]), "logits: is [], expected finite numbers"),
    ],
    "bernoulli_likelihood": [
        Bad("range", lambda: M.bernoulli_likelihood([1.5], [1]), "y_hat: is [1.5], expected probabilities"),
        Bad("label", lambda: M.bernoulli_likelihood([0.5], [2]), "y: is [2], expected probabilities"),
        Bad("shape", lambda: M.bernoulli_likelihood([0.5, 0.5], [1]), "y: is [1], expected shape (2,)"),
        Bad("nan", lambda: M.bernoulli_likelihood([nan], [1]), "y_hat: is [nan]"),
        Bad("label", lambda: M.bernoulli_likelihood([0.9], [0.5]), "y: is [0.5], expected labels 0 or 1"),
    ],
    "bernoulli_log_likelihood": [
        Bad("range", lambda: M.bernoulli_log_likelihood([-0.1], [1]), "y_hat: is [-0.1]"),
        Bad("shape", lambda: M.bernoulli_log_likelihood([0.5], [1, 0]), "y: is [1, 0], expected shape (1,)"),
        Bad("label", lambda: M.bernoulli_log_likelihood([0.9], [0.3]), "y: is [0.3], expected labels 0 or 1"),
    ],
    "binary_cross_entropy": [
        Bad("range", lambda: M.binary_cross_entropy([1.5], [1]), "y_hat: is [1.5], expected probabilities in [0, 1]"),
        Bad("shape", lambda: M.binary_cross_entropy([0.5, 0.5], [1]), "y: is [1], expected shape (2,)"),
        Bad("empty", lambda: M.binary_cross_entropy([], []), "y_hat: is [], expected probabilities"),
        Bad("label", lambda: M.binary_cross_entropy([0.9, 0.5], [1, 0.5]), "y: is [1, 0.5], expected labels 0 or 1"),
    ],
    "in_base": [
        Bad("scale", lambda: M.in_base(1.0, 1), "base: is 1, expected a finite base > 1"),
        Bad("scale", lambda: M.in_base(1.0, 0.5), "base: is 0.5, expected a finite base > 1"),
        Bad("nan", lambda: M.in_base(1.0, nan), "base: is nan, expected a finite base > 1"),
        Bad("range", lambda: M.in_base(1.0, inf), "base: is inf, expected a finite base > 1"),
    ],
    "one_hot": [
        Bad("label", lambda: M.one_hot(4, 4), "labels: is 4, expected integers from 0 to 3"),
        Bad("type", lambda: M.one_hot(2.0, 4), "labels: is 2.0, expected integers"),
    ],
    "nll": [
        Bad("sum", lambda: M.nll([0.5, 0.6], 0), "probs: is [0.5, 0.6], expected rows that sum to 1"),
        Bad("label", lambda: M.nll([0.5, 0.5], 2), "labels: is 2, expected integers from 0 to 1"),
        Bad("count", lambda: M.nll([[0.5, 0.5], [0.5, 0.5]], [0]), "labels: is [0], expected shape (2,)"),
        Bad("nan", lambda: M.nll([nan, 1.0], 0), "probs: is [nan, 1.0]"),
    ],
    "cross_entropy": [
        Bad("shape", lambda: M.cross_entropy([0.5, 0.5], [0.2, 0.3, 0.5]), "q: is [0.2, 0.3, 0.5], expected shape (2,)"),
        Bad("sum", lambda: M.cross_entropy([0.5, 0.6], [0.5, 0.5]), "p: is [0.5, 0.6], expected rows that sum to 1"),
        Bad("range", lambda: M.cross_entropy([0.5, 0.5], [1.5, -0.5]), "q: is [1.5, -0.5], expected probabilities"),
    ],
    "entropy": [
        Bad("sum", lambda: M.entropy([0.5, 0.6]), "p: is [0.5, 0.6], expected rows that sum to 1"),
        Bad("empty", lambda: M.entropy([]), "p: is [], expected probabilities"),
    ],
    "kl_divergence": [
        Bad("range", lambda: M.kl_divergence([0.5, 0.5], [1.5, -0.5]), "q: is [1.5, -0.5], expected probabilities"),
        Bad("shape", lambda: M.kl_divergence([0.5, 0.5], [1.0]), "q: is [1.0], expected shape (2,)"),
    ],
    "bernoulli_entropy": [
        Bad("range", lambda: M.bernoulli_entropy(1.5), "r: is 1.5, expected probabilities in [0, 1]"),
        Bad("shape", lambda: M.bernoulli_entropy([0.5, 0.5]), "r: is [0.5, 0.5], expected shape ()"),
    ],
    "empirical_distribution": [
        Bad("label", lambda: M.empirical_distribution([0, 3], 3), "labels: is [0, 3], expected integers from 0 to 2"),
        Bad("empty", lambda: M.empirical_distribution([], 3), "labels: is [], expected integers"),
        Bad("empty", lambda: M.empirical_distribution(np.array([], dtype=int), 3),
            "labels: is array([], dtype=int64), expected integers from 0 to 2 (at least one)"),
    ],
    "naive_softmax_nll": [
        Bad("label", lambda: M.naive_softmax_nll([1.0, 2.0], 2), "labels: is 2, expected integers from 0 to 1"),
        Bad("label", lambda: M.naive_softmax_nll([1.0, 2.0], -1), "labels: is -1, expected integers from 0 to 1"),
    ],
    "log_softmax": [
        Bad("nan", lambda: M.log_softmax([nan, 1.0]), "logits: is [nan, 1.0], expected finite numbers"),
        Bad("range", lambda: M.log_softmax([inf, 1.0]), "expected finite numbers"),
        Bad("empty", lambda: M.log_softmax([]), "logits: is [], expected finite numbers"),
        Bad("range", lambda: M.log_softmax([1e308, -1e308]), "logits: is [1e+308, -1e+308], expected a finite max - min"),
    ],
    "softmax_nll": [
        Bad("range", lambda: M.softmax_nll([inf, 1.0], 0), "logits: is [inf, 1.0], expected finite numbers"),
        Bad("label", lambda: M.softmax_nll([1.0, 2.0], 2), "labels: is 2, expected integers from 0 to 1"),
        Bad("count", lambda: M.softmax_nll([[1.0, 2.0]], [0, 1]), "labels: is [0, 1], expected shape (1,)"),
        Bad("range", lambda: M.softmax_nll([1e308, -1e308], 0), "expected a finite max - min"),
    ],
    "log_sigmoid": [
        Bad("nan", lambda: M.log_sigmoid([nan]), "logits: is [nan], expected finite numbers"),
        Bad("range", lambda: M.log_sigmoid([-inf, 0.0]), "expected finite numbers"),
    ],
    "sigmoid_binary_cross_entropy": [
        Bad("shape", lambda: M.sigmoid_binary_cross_entropy([0.0, 1.0], [1.0]), "targets: is [1.0], expected shape (2,)"),
        Bad("range", lambda: M.sigmoid_binary_cross_entropy([0.0], [1.5]), "targets: is [1.5], expected probabilities"),
        Bad("nan", lambda: M.sigmoid_binary_cross_entropy([nan], [1.0]), "logits: is [nan], expected finite"),
    ],
    "finite_tensor": [
        Bad("type", lambda: M.finite_tensor([1.0]), "logits: is [1.0], expected a float tensor"),
        Bad("range", lambda: M.finite_tensor(torch.tensor([inf])), "expected a float tensor of finite numbers"),
        Bad("type", lambda: M.finite_tensor(torch.tensor([1, 2])), "expected a float tensor"),
    ],
    "label_tensor": [
        Bad("type", lambda: M.label_tensor([0], T2), "labels: is [0], expected a tensor of class indices"),
        Bad("type", lambda: M.label_tensor(torch.tensor([0.0]), T2), "labels: is tensor([0.]), expected a tensor"),
        Bad("type", lambda: M.label_tensor(torch.tensor([True]), T2), "labels: is tensor([True]), expected a tensor"),
        Bad("label", lambda: M.label_tensor(torch.tensor([2]), T2), "labels: is tensor([2]), expected integers from 0 to 1"),
        Bad("label", lambda: M.label_tensor(torch.tensor([-1]), T2), "labels: is tensor([-1]), expected integers"),
        Bad("shape", lambda: M.label_tensor(torch.tensor([0, 1]), T2), "labels: is tensor([0, 1]), expected shape (1,)"),
    ],
    "prob_tensor": [
        Bad("range", lambda: M.prob_tensor([1.5], torch.zeros(1)), "targets: is [1.5], expected probabilities in [0, 1]"),
        Bad("nan", lambda: M.prob_tensor(torch.tensor([nan]), torch.zeros(1)), "targets: is tensor([nan]), expected"),
        Bad("shape", lambda: M.prob_tensor([0.5, 0.5], torch.zeros(1)), "targets: is [0.5, 0.5], expected shape (1,)"),
    ],
    "log_softmax_torch": [
        Bad("nan", lambda: M.log_softmax_torch(torch.tensor([nan, 0.0])), "expected a float tensor of finite numbers"),
        Bad("empty", lambda: M.log_softmax_torch(torch.tensor([])), "expected a float tensor of finite numbers"),
        Bad("range", lambda: M.log_softmax_torch(torch.tensor([3e38, -3e38])), "expected a finite max - min"),
    ],
    "softmax_nll_torch": [
        Bad("label", lambda: M.softmax_nll_torch(T2, torch.tensor([2])), "labels: is tensor([2]), expected integers from 0 to 1"),
        Bad("count", lambda: M.softmax_nll_torch(T2, torch.tensor([0, 1])), "labels: is tensor([0, 1]), expected shape (1,)"),
        Bad("range", lambda: M.softmax_nll_torch(torch.tensor([[1.0, inf]]), torch.tensor([0])), "expected a float tensor"),
        Bad("type", lambda: M.softmax_nll_torch(T2, [0]), "labels: is [0], expected a tensor of class indices"),
        Bad("range", lambda: M.softmax_nll_torch(torch.tensor([[3e38, -3e38]]), torch.tensor([1])),
            "expected a finite max - min"),
    ],
    "log_sigmoid_torch": [
        Bad("nan", lambda: M.log_sigmoid_torch(torch.tensor([nan])), "expected a float tensor of finite numbers"),
        Bad("type", lambda: M.log_sigmoid_torch(torch.tensor([True])), "expected a float tensor"),
    ],
    "sigmoid_binary_cross_entropy_torch": [
        Bad("range", lambda: M.sigmoid_binary_cross_entropy_torch(torch.tensor([0.0]), torch.tensor([1.5])),
            "targets: is tensor([1.5000]), expected probabilities"),
        Bad("shape", lambda: M.sigmoid_binary_cross_entropy_torch(torch.tensor([0.0, 1.0]), torch.tensor([1.0])),
            "expected shape (2,)"),
        Bad("nan", lambda: M.sigmoid_binary_cross_entropy_torch(torch.tensor([0.0]), torch.tensor([nan])),
            "targets: is tensor([nan]), expected probabilities in [0, 1] (no NaN)"),
    ],
    "smooth_labels": [
        Bad("range", lambda: M.smooth_labels([0], 4, eps=1.5), "eps: is 1.5, expected a number in [0, 1]"),
        Bad("nan", lambda: M.smooth_labels([0], 4, eps=nan), "eps: is nan, expected a number in [0, 1]"),
        Bad("label", lambda: M.smooth_labels([4], 4, 0.1), "labels: is [4], expected integers from 0 to 3"),
    ],
}
