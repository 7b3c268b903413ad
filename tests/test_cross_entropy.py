"""Tests of snippets/cross_entropy.py: closed forms, torch's own functions, the worked numbers, bad input."""

from __future__ import annotations

import math
import re

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
    categorical_cross_entropy,
    categorical_likelihood,
    cross_entropy,
    decompose_mean_nll,
    empirical_distribution,
    entropy,
    kl_divergence,
    log_sigmoid,
    log_softmax,
    log_softmax_torch,
    naive_softmax_cross_entropy,
    nll_and_cross_entropy,
    sigmoid_binary_cross_entropy,
    sigmoid_binary_cross_entropy_torch,
    smooth_labels,
    softmax_cross_entropy,
    softmax_cross_entropy_torch,
)
from snippets.nll import nll
from tests.sitetools import (
    page_blocks_with_output,
    page_source,
    run_blocks_checking_output,
    run_page_checking_output,
)

PROBS = [0.1, 0.3, 0.5, 0.1]
# Exact values from ../shared/WORKED_NUMBERS.md (computed independently of this code).
ORACLE_NLL_4TH = 2.302585092994046
ORACLE_NLL_3RD = 0.6931471805599453

# --- Bernoulli likelihood and binary cross-entropy ---

def test_bernoulli_worked_example_matches_closed_forms():
    y_hat, y = [0.9, 0.2, 0.7, 0.4], [1, 0, 1, 1]
    assert bernoulli_likelihood(y_hat, y) == pytest.approx(0.9 * 0.8 * 0.7 * 0.4, rel=1e-15)
    assert bernoulli_log_likelihood(y_hat, y) == pytest.approx(math.log(0.2016), rel=1e-12)
    assert binary_cross_entropy(y_hat, y) == pytest.approx(-math.log(0.2016) / 4, rel=1e-12)
    assert binary_cross_entropy(y_hat, y, base=2) == pytest.approx(binary_cross_entropy(y_hat, y) / math.log(2), rel=1e-12)


def test_the_sum_runs_over_the_same_examples_as_the_product():
    """The corrected indices: log of the product over i = 1..n equals the sum over i = 1..n (n terms, not n + 1)."""
    generator = np.random.default_rng(0)
    y_hat, y = generator.uniform(0.01, 0.99, 30), generator.integers(0, 2, 30)
    terms = [yi * math.log(p) + (1 - yi) * math.log(1 - p) for p, yi in zip(y_hat, y)]
    assert len(terms) == 30
    assert bernoulli_log_likelihood(y_hat, y) == pytest.approx(math.fsum(terms), rel=1e-12)
    assert math.log(bernoulli_likelihood(y_hat, y)) == pytest.approx(math.fsum(terms), rel=1e-9)


@pytest.mark.parametrize("seed", range(5))
def test_binary_cross_entropy_agrees_with_torch(seed):
    generator = torch.Generator().manual_seed(seed)
    y_hat = torch.rand(50, generator=generator, dtype=torch.float64).clamp(1e-6, 1 - 1e-6)
    y = torch.rand(50, generator=generator, dtype=torch.float64)  # soft labels too
    y[:25] = y[:25].round()
    assert binary_cross_entropy(y_hat.numpy(), y.numpy()) == pytest.approx(F.binary_cross_entropy(y_hat, y).item(), rel=1e-12)


def test_certain_and_right_costs_nothing_and_certain_and_wrong_is_infinite():
    assert binary_cross_entropy([1.0, 0.0], [1, 0]) == 0.0
    assert binary_cross_entropy([0.0], [1]) == math.inf
    assert bernoulli_likelihood([0.0], [1]) == 0.0


# --- Categorical cross-entropy: the NLL chapter's example both ways ---

def test_four_class_example_as_nll_and_as_cross_entropy():
    assert nll_and_cross_entropy(PROBS, 3) == pytest.approx((ORACLE_NLL_4TH, ORACLE_NLL_4TH), rel=1e-15)
    assert nll_and_cross_entropy(PROBS, 2) == pytest.approx((ORACLE_NLL_3RD, ORACLE_NLL_3RD), rel=1e-15)
    assert categorical_cross_entropy(PROBS, 3) == nll(PROBS, 3)
    assert categorical_likelihood(PROBS, [0, 0, 0, 1]) == pytest.approx(0.1, rel=1e-15)
    assert categorical_likelihood(PROBS, [0, 0, 1, 0]) == pytest.approx(0.5, rel=1e-15)
    log_probs = torch.log(torch.tensor([PROBS, PROBS], dtype=torch.float64))
    expected = F.cross_entropy(log_probs, torch.tensor([3, 2])).item()  # ln p are valid logits
    assert categorical_cross_entropy([PROBS, PROBS], [3, 2]) == pytest.approx(expected, rel=1e-12)


def test_two_classes_reduce_to_the_bernoulli_case():
    y_hat, y = np.array([0.9, 0.2, 0.7, 0.4]), np.array([1, 0, 1, 1])
    rows = np.stack([1 - y_hat, y_hat], axis=1)
    assert categorical_cross_entropy(rows, y) == pytest.approx(binary_cross_entropy(y_hat, y), rel=1e-12)


def test_soft_likelihood_is_exp_of_minus_cross_entropy():
    target = [0.0, 0.0, 0.7, 0.3]
    assert categorical_likelihood(PROBS, target) == pytest.approx(math.exp(-categorical_cross_entropy(PROBS, target)), rel=1e-12)


# --- Entropy, cross-entropy, KL ---

def test_worked_kl_example_in_bits_and_nats():
    p, q = [0.5, 0.25, 0.25], [1 / 3] * 3
    assert entropy(p, base=2) == pytest.approx(1.5, rel=1e-15)
    assert cross_entropy(p, q, base=2) == pytest.approx(math.log2(3), rel=1e-12)
    assert kl_divergence(p, q, base=2) == pytest.approx(math.log2(3) - 1.5, rel=1e-9)
    assert kl_divergence(q, p, base=2) == pytest.approx(5 / 3 - math.log2(3), rel=1e-9)
    dist_p, dist_q = torch.distributions.Categorical(probs=torch.tensor(p)), torch.distributions.Categorical(probs=torch.tensor(q))
    assert entropy(p) == pytest.approx(dist_p.entropy().item(), rel=1e-6)
    assert kl_divergence(p, q) == pytest.approx(torch.distributions.kl_divergence(dist_p, dist_q).item(), rel=1e-5)


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
    assert cross_entropy(p, q, base=2) == pytest.approx(cross_entropy(p, q) / math.log(2), rel=1e-12, abs=1e-12)


def test_zero_probability_conventions():
    assert entropy([1.0, 0.0]) == 0.0
    assert cross_entropy([1.0, 0.0], [0.0, 1.0]) == math.inf
    assert kl_divergence([1.0, 0.0], [0.0, 1.0]) == math.inf
    assert kl_divergence([0.0, 1.0], [0.5, 0.5]) == pytest.approx(math.log(2), rel=1e-15)


def test_bernoulli_entropy():
    assert bernoulli_entropy(0.5) == 1.0
    assert bernoulli_entropy(0.5, base=math.e) == pytest.approx(math.log(2), rel=1e-15)
    assert bernoulli_entropy(0.0) == 0.0 == bernoulli_entropy(1.0)
    assert bernoulli_entropy(0.1) == pytest.approx(bernoulli_entropy(0.9), rel=1e-15)


# --- Mean NLL = H(p_hat) + KL(p_hat || q) ---

def test_mean_nll_splits_into_data_entropy_and_kl():
    labels = [0, 0, 1, 2, 0, 1, 0, 2, 0, 1]
    assert empirical_distribution(labels, 3).tolist() == [0.5, 0.3, 0.2]
    parts = decompose_mean_nll(labels, [0.6, 0.2, 0.2])
    assert parts.mean_nll == pytest.approx(-(0.5 * math.log(0.6) + 0.5 * math.log(0.2)), rel=1e-12)
    assert parts.mean_nll == pytest.approx(parts.cross_entropy, rel=1e-12)
    assert parts.mean_nll == pytest.approx(parts.entropy + parts.kl, rel=1e-12)
    expected = F.cross_entropy(torch.log(torch.tensor([[0.6, 0.2, 0.2]] * 10, dtype=torch.float64)), torch.tensor(labels))
    assert parts.mean_nll == pytest.approx(expected.item(), rel=1e-12)


def test_no_constant_model_beats_the_empirical_distribution():
    labels = [0, 0, 1, 2, 0, 1, 0, 2, 0, 1]
    best = decompose_mean_nll(labels, [0.5, 0.3, 0.2])
    assert best.kl == pytest.approx(0.0, abs=1e-15)
    for a in np.linspace(0.05, 0.9, 18):
        for b in np.linspace(0.05, 0.9, 18):
            if a + b < 0.99:
                assert decompose_mean_nll(labels, [a, b, 1 - a - b]).mean_nll >= best.mean_nll - 1e-12


# --- From logits, stably ---

def test_log_softmax_is_stable_and_agrees_with_torch():
    logits = torch.tensor([[1e4, 0.0, -1e4], [3.0, 3.0, 3.0], [-1e4, -1e4 + 1, 0.0]], dtype=torch.float64)
    np.testing.assert_allclose(log_softmax(logits.numpy()), torch.log_softmax(logits, dim=1).numpy(), rtol=1e-12, atol=1e-12)
    torch.testing.assert_close(log_softmax_torch(logits.float(), dim=1), torch.log_softmax(logits.float(), dim=1))
    assert naive_softmax_cross_entropy(np.float32([1e4, 0.0, -1e4]), 1) == math.inf
    assert math.isnan(naive_softmax_cross_entropy(np.float32([1e4, 0.0, -1e4]), 0))


def test_softmax_cross_entropy_agrees_with_torch_on_1000_float32_cases():
    generator = torch.Generator().manual_seed(0)
    scale = torch.tensor([1e-3, 1.0, 10.0, 1e4])[torch.randint(0, 4, (1000, 1), generator=generator)]
    logits = (torch.randn(1000, 6, generator=generator) * scale).float()
    logits[::10] = (torch.randint(0, 2, (100, 6), generator=generator) * 2e4 - 1e4).float()
    labels = torch.randint(0, 6, (1000,), generator=generator)
    ours = softmax_cross_entropy_torch(logits, labels)
    assert ours.dtype == torch.float32 and torch.isfinite(ours)
    torch.testing.assert_close(ours, F.cross_entropy(logits, labels), rtol=1e-6, atol=1e-6)
    assert softmax_cross_entropy(logits.numpy(), labels.numpy()) == pytest.approx(
        F.cross_entropy(logits.double(), labels).item(), rel=1e-12)
    soft = torch.softmax(torch.randn(1000, 6, generator=generator), dim=1)
    torch.testing.assert_close(softmax_cross_entropy_torch(logits, soft), F.cross_entropy(logits, soft), rtol=1e-6, atol=1e-6)


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


def test_sigmoid_binary_cross_entropy_agrees_with_torch_including_gradients():
    logits = torch.tensor([-1e4, -20.0, -1.0, 0.0, 0.5, 20.0, 1e4], requires_grad=True)
    targets = torch.tensor([1.0, 0.0, 0.3, 0.5, 1.0, 0.0, 0.0])
    ours, theirs = sigmoid_binary_cross_entropy_torch(logits, targets), F.binary_cross_entropy_with_logits(logits, targets)
    torch.testing.assert_close(ours, theirs, rtol=1e-6, atol=1e-6)
    torch.testing.assert_close(torch.autograd.grad(ours, logits)[0], torch.autograd.grad(theirs, logits)[0])
    assert sigmoid_binary_cross_entropy(logits.detach().numpy(), targets.numpy()) == pytest.approx(
        F.binary_cross_entropy_with_logits(logits.double(), targets.double()).item(), rel=1e-9)
    np.testing.assert_allclose(log_sigmoid([-1e4, 0.0, 2.0]), F.logsigmoid(torch.tensor([-1e4, 0.0, 2.0], dtype=torch.float64)).numpy(), rtol=1e-12)


# --- Label smoothing, soft labels, multi-label ---

def test_label_smoothing_matches_torch_on_the_four_class_example():
    log_probs = torch.log(torch.tensor([PROBS], dtype=torch.float64))
    for label in (3, 2):
        expected = F.cross_entropy(log_probs, torch.tensor([label]), label_smoothing=0.1).item()
        assert categorical_cross_entropy(PROBS, smooth_labels([label], 4, 0.1)[0]) == pytest.approx(expected, rel=1e-12)
    assert smooth_labels([3], 4, 0.1)[0] == pytest.approx([0.025, 0.025, 0.025, 0.925], abs=1e-15)
    assert smooth_labels([1], 3, 0.0)[0].tolist() == [0.0, 1.0, 0.0]
    assert smooth_labels([1], 3, 1.0)[0] == pytest.approx([1 / 3] * 3, abs=1e-15)


def test_soft_label_minimum_is_its_entropy():
    target = [0.0, 0.0, 0.7, 0.3]
    assert categorical_cross_entropy(target, target) == pytest.approx(entropy(target), rel=1e-12)
    assert categorical_cross_entropy(PROBS, target) > entropy(target)


def test_multi_label_is_one_bernoulli_per_label():
    probs, labels = [0.8, 0.1, 0.6, 0.3], [1, 0, 1, 0]
    expected = F.binary_cross_entropy(torch.tensor(probs, dtype=torch.float64), torch.tensor(labels, dtype=torch.float64))
    assert binary_cross_entropy(probs, labels) == pytest.approx(expected.item(), rel=1e-12)
    assert categorical_cross_entropy([0.5, 0, 0.5, 0], [0.5, 0, 0.5, 0]) == pytest.approx(math.log(2), rel=1e-15)


# --- Figures ---

def test_bce_figure_draws_both_labels_and_marks_the_examples():
    fig = bce_curves_figure()
    (axes,) = fig.axes
    curves = [line for line in axes.get_lines() if len(line.get_xdata()) > 1]
    points = sorted((round(float(line.get_xdata()[0]), 3), round(float(line.get_ydata()[0]), 6))
                    for line in axes.get_lines() if len(line.get_xdata()) == 1)
    assert len(curves) == 2
    assert points == [(0.2, round(-math.log(0.8), 6)), (0.4, round(-math.log(0.4), 6)), (0.9, round(-math.log(0.9), 6))]
    y1, y0 = curves
    assert y1.get_ydata()[-1] == pytest.approx(-math.log(y1.get_xdata()[-1]))
    assert y0.get_ydata()[0] == pytest.approx(-math.log(1 - y0.get_xdata()[0]))


def test_entropy_figure_peaks_at_one_bit():
    fig = bernoulli_entropy_figure()
    curve = fig.axes[0].get_lines()[0]
    assert max(curve.get_ydata()) == pytest.approx(1.0, abs=1e-12)
    assert curve.get_xdata()[np.argmax(curve.get_ydata())] == pytest.approx(0.5)
    assert curve.get_ydata()[0] == 0.0 == curve.get_ydata()[-1]
    assert "bits" in fig.axes[0].get_ylabel()


# --- Bad input ---

# The "Bad input" table of docs/cross-entropy.md: each row's input and the message it documents.
BAD_INPUT_TABLE = [
    (lambda: binary_cross_entropy([1.5], [1]), "y_hat: contains 1.5, expected probabilities in [0, 1]"),
    (lambda: binary_cross_entropy([0.5, 0.5], [1]), "y: has shape (1,), expected (2,) (one label per prediction)"),
    (lambda: entropy([0.5, 0.6]), "p: row 0 sums to 1.1, expected 1 (within 1e-06)"),
    (lambda: cross_entropy([0.5, 0.5], [0.2, 0.3, 0.5]), "q: has 3 classes, expected 2 (the same classes as p)"),
    (lambda: categorical_cross_entropy([0.5, 0.5], 2), "target: label 2 is out of range, expected 0 <= label < 2"),
    (lambda: softmax_cross_entropy([math.nan, 1.0], 0), "logits: contains NaN at index (0,), expected real numbers"),
    (lambda: softmax_cross_entropy([math.inf, 1.0], 0), "logits: contains infinity, expected finite numbers"),
    (lambda: smooth_labels([0], 4, eps=1.5), "eps: is 1.5, expected a number in [0, 1]"),
    (lambda: entropy([0.5, 0.5], base=1), "base: is 1, expected a positive number other than 1 (e for nats, 2 for bits)"),
]


@pytest.mark.parametrize("call, message", BAD_INPUT_TABLE)
def test_documented_bad_input_raises_the_documented_message(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()
    assert message in page_source("cross-entropy.md")


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: bernoulli_likelihood([0.5], [2]), "y: contains 2"),
        (lambda: bernoulli_log_likelihood([math.nan], [1]), "y_hat: contains NaN"),
        (lambda: binary_cross_entropy([0.5], [1], base=0), "base: is 0, expected a positive number"),
        (lambda: binary_cross_entropy([], []), "y_hat: is empty"),
        (lambda: categorical_likelihood([[0.5, 0.5], [0.5, 0.5]], [1, 0]), "expected one prediction"),
        (lambda: categorical_cross_entropy([[0.5, 0.5]], [[0.5, 0.5, 0.0]]), "target: has shape (1, 3), expected (1, 2)"),
        (lambda: categorical_cross_entropy([[0.5, 0.5]], [[0.5, 0.6]]), "target: row 0 sums to 1.1"),
        (lambda: categorical_cross_entropy([[0.5, 0.5]], [0, 1]), "has 2 labels, expected 1"),
        (lambda: entropy([[0.5, 0.5], [0.5, 0.5]]), "expected one distribution"),
        (lambda: kl_divergence([0.5, 0.5], [1.5, -0.5]), "q: contains 1.5"),
        (lambda: bernoulli_entropy(1.5), "p: contains 1.5"),
        (lambda: empirical_distribution([0, 3], 3), "label 3 is out of range"),
        (lambda: empirical_distribution([0, 1], 1), "num_classes: is 1, expected an integer >= 2"),
        (lambda: decompose_mean_nll([0, 1], [0.5, 0.6]), "q: row 0 sums to 1.1"),
        (lambda: log_softmax(3.0), "logits: is a single number"),
        (lambda: softmax_cross_entropy([[[1.0, 2.0]]], [0]), "expected (C,) or (N, C)"),
        (lambda: softmax_cross_entropy([1.0, 2.0], [0.5, 0.6]), "target: row 0 sums to 1.1"),
        (lambda: softmax_cross_entropy_torch(torch.tensor([1.0, 2.0]), torch.tensor([0])), "expected (N, C)"),
        (lambda: softmax_cross_entropy_torch(torch.tensor([[1.0, math.inf]]), torch.tensor([0])), "contains infinity"),
        (lambda: sigmoid_binary_cross_entropy([0.0, 1.0], [1.0]), "targets: has shape (1,), expected (2,)"),
        (lambda: sigmoid_binary_cross_entropy_torch(torch.tensor([0.0]), torch.tensor([1.5])), "targets: contains 1.5"),
        (lambda: log_softmax_torch(torch.tensor([math.nan, 0.0])), "logits: contains NaN"),
        (lambda: smooth_labels([4], 4, 0.1), "label 4 is out of range"),
        (lambda: smooth_labels([0], True, 0.1), "num_classes: is True"),
        (lambda: nll_and_cross_entropy(PROBS, 4), "label 4 is out of range"),
    ],
)
def test_other_bad_input_raises_value_error(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()



def test_a_label_nll_accepts_is_one_nll_and_cross_entropy_accepts_too():
    # nll() reads 2.0 and [2] as class 2; the one-hot vector used to index with them and fail
    for label in (2, 2.0, [2], np.int64(2)):
        assert nll_and_cross_entropy(PROBS, label) == pytest.approx((math.log(2), math.log(2)), rel=1e-15)


def test_torch_versions_take_lists_and_integer_tensors_as_float64():
    reference = torch.log_softmax(torch.tensor([1.0, 2.0, 4.0], dtype=torch.float64), dim=0)
    torch.testing.assert_close(log_softmax_torch([1.0, 2.0, 4.0]), reference)
    torch.testing.assert_close(log_softmax_torch(torch.tensor([1, 2, 4])), reference)
    # an integer tensor of logits must not turn a soft target into integers
    soft = torch.tensor([[0.25, 0.75]], dtype=torch.float64)
    expected = F.cross_entropy(torch.tensor([[1.0, 3.0]], dtype=torch.float64), soft)
    torch.testing.assert_close(softmax_cross_entropy_torch(torch.tensor([[1, 3]]), soft), expected)
    torch.testing.assert_close(softmax_cross_entropy_torch([[1.0, 3.0]], soft), expected)
    expected = F.binary_cross_entropy_with_logits(torch.tensor([2.0, -1.0], dtype=torch.float64),
                                                  torch.tensor([0.5, 0.0], dtype=torch.float64))
    torch.testing.assert_close(sigmoid_binary_cross_entropy_torch([2.0, -1.0], [0.5, 0.0]), expected)


def test_log_softmax_takes_any_valid_axis_and_names_a_wrong_one():
    z = np.array([[1.0, 2.0, 4.0], [0.0, 0.0, 0.0]])
    by_numpy = z - np.logaddexp.reduce(z, axis=0, keepdims=True)
    np.testing.assert_allclose(log_softmax(z, axis=0), by_numpy, rtol=1e-12)
    np.testing.assert_allclose(log_softmax(z, axis=-2), by_numpy, rtol=1e-12)
    with pytest.raises(ValueError, match=re.escape("axis: is 2, expected an integer from -2 to 1 (the logits have 2 dimensions)")):
        log_softmax(z, axis=2)
    with pytest.raises(ValueError, match=re.escape("dim: is -2, expected an integer from -1 to 0")):
        log_softmax_torch(torch.tensor([1.0, 2.0]), dim=-2)


def test_the_naive_formula_checks_its_arguments_but_still_overflows():
    with pytest.raises(ValueError, match=re.escape("label: label 3 is out of range, expected 0 <= label < 3")):
        naive_softmax_cross_entropy([1.0, 2.0, 3.0], 3)
    with pytest.raises(ValueError, match="logits: contains NaN"):
        naive_softmax_cross_entropy([1.0, math.nan], 0)
    huge = np.array([1e4, 0.0, -1e4], dtype=np.float32)  # finite logits: the formula, not the input, fails
    assert math.isnan(naive_softmax_cross_entropy(huge, 0)) and naive_softmax_cross_entropy(huge, 1) == math.inf
    assert naive_softmax_cross_entropy([0.0, math.log(3)], 1) == pytest.approx(-math.log(0.75), rel=1e-12)

def test_page_code_runs_in_order():
    run_page_checking_output("cross-entropy.md")


def test_page_runner_compares_printed_output_with_the_page():
    blocks = page_blocks_with_output("pytorch-losses.md")
    shown = [expected for _, expected in blocks if expected is not None]
    assert len(shown) == 10 and shown[0].startswith("torch_on_probabilities: -0.300000")
    assert run_blocks_checking_output("test", [("x = 2", None), ("print(x)", "2")]).returncode == 0
    wrong = run_blocks_checking_output("test", [("x = 2", None), ("print(x)", "3")])
    assert wrong.returncode != 0 and "but the page shows" in wrong.stderr


# --- Bad input ---

from snippets import cross_entropy as ce_module  # noqa: E402
from tests.badinput import (  # noqa: E402,F401
    BATCH, DATA, LOG_HALVES, LOGITS, P, SCRATCH, T, Bad, inf, nan, word_file,
)

#: Bad input for every public function of snippets/cross_entropy.py (run by tests/test_bad_input.py).
BAD_INPUTS = {
    "bernoulli_likelihood": [
        Bad("range", lambda: ce_module.bernoulli_likelihood([1.5], [1]), "y_hat: contains 1.5, expected probabilities"),
        Bad("label", lambda: ce_module.bernoulli_likelihood([0.5], [2]), "y: contains 2, expected probabilities"),
        Bad("shape", lambda: ce_module.bernoulli_likelihood([0.5, 0.5], [1]), "y: has shape (1,), expected (2,)"),
        Bad("nan", lambda: ce_module.bernoulli_likelihood([nan], [1]), "y_hat: contains NaN"),
        Bad("empty", lambda: ce_module.bernoulli_likelihood([], []), "y_hat: is empty"),
        Bad("type", lambda: ce_module.bernoulli_likelihood(["a"], [1]), "y_hat: expected real numbers"),
    ],
    "bernoulli_log_likelihood": [
        Bad("range", lambda: ce_module.bernoulli_log_likelihood([-0.1], [1]), "y_hat: contains -0.1"),
        Bad("label", lambda: ce_module.bernoulli_log_likelihood([0.5], [-1]), "y: contains -1"),
        Bad("shape", lambda: ce_module.bernoulli_log_likelihood([0.5], [1, 0]), "y: has shape (2,), expected (1,)"),
        Bad("nan", lambda: ce_module.bernoulli_log_likelihood([0.5], [nan]), "y: contains NaN"),
        Bad("empty", lambda: ce_module.bernoulli_log_likelihood([], [1]), "y_hat: is empty"),
    ],
    "binary_cross_entropy": [
        Bad("scale", lambda: ce_module.binary_cross_entropy([0.5], [1], base=1),
            "base: is 1, expected a positive number other than 1"),
        Bad("scale", lambda: ce_module.binary_cross_entropy([0.5], [1], base=0), "base: is 0, expected a positive number"),
        Bad("nan", lambda: ce_module.binary_cross_entropy([0.5], [1], base=nan), "base: contains NaN"),
        Bad("range", lambda: ce_module.binary_cross_entropy([1.5], [1]), "y_hat: contains 1.5"),
        Bad("shape", lambda: ce_module.binary_cross_entropy([0.5, 0.5], [1]), "y: has shape (1,), expected (2,)"),
        Bad("empty", lambda: ce_module.binary_cross_entropy([], []), "y_hat: is empty"),
    ],
    "categorical_likelihood": [
        Bad("shape", lambda: ce_module.categorical_likelihood(BATCH, [1, 0]), "probs: has 2 rows, expected one prediction"),
        Bad("sum", lambda: ce_module.categorical_likelihood([0.5, 0.6], [1, 0]), "probs: row 0 sums to 1.1"),
        Bad("sum", lambda: ce_module.categorical_likelihood(P, [0, 0, 0.5, 0.6]), "target: row 0 sums to 1.1"),
        Bad("label", lambda: ce_module.categorical_likelihood(P, 4), "target: label 4 is out of range"),
        Bad("shape", lambda: ce_module.categorical_likelihood(P, [0, 1]), "target: has shape (1, 2), expected (1, 4)"),
        Bad("nan", lambda: ce_module.categorical_likelihood([nan, 1.0], 0), "probs: contains NaN"),
    ],
    "categorical_cross_entropy": [
        Bad("label", lambda: ce_module.categorical_cross_entropy([0.5, 0.5], 2), "target: label 2 is out of range"),
        Bad("count", lambda: ce_module.categorical_cross_entropy([[0.5, 0.5]], [0, 1]), "target: has 2 labels, expected 1"),
        Bad("sum", lambda: ce_module.categorical_cross_entropy([[0.5, 0.5]], [[0.5, 0.6]]), "target: row 0 sums to 1.1"),
        Bad("shape", lambda: ce_module.categorical_cross_entropy([[[0.5, 0.5]]], [0]), "probs: has shape (1, 1, 2)"),
        Bad("type", lambda: ce_module.categorical_cross_entropy(P, 1.5), "target: expected integer class indices"),
        Bad("empty", lambda: ce_module.categorical_cross_entropy([], []), "probs: is empty"),
        Bad("nan", lambda: ce_module.categorical_cross_entropy([[0.5, nan]], [0]), "probs: contains NaN"),
    ],
    "nll_and_cross_entropy": [
        Bad("label", lambda: ce_module.nll_and_cross_entropy(P, 4), "label 4 is out of range"),
        Bad("type", lambda: ce_module.nll_and_cross_entropy(P, 1.5), "integer class indices"),
        Bad("count", lambda: ce_module.nll_and_cross_entropy(P, [1, 2]), "label: has 2 labels, expected 1"),
        Bad("nan", lambda: ce_module.nll_and_cross_entropy([nan, 1.0], 0), "probs: contains NaN"),
        Bad("sum", lambda: ce_module.nll_and_cross_entropy([0.5, 0.6], 0), "sums to 1.1"),
        Bad("shape", lambda: ce_module.nll_and_cross_entropy(BATCH, 0), "has 2 rows"),
    ],
    "entropy": [
        Bad("sum", lambda: ce_module.entropy([0.5, 0.6]), "p: row 0 sums to 1.1, expected 1"),
        Bad("range", lambda: ce_module.entropy([1.5, -0.5]), "p: contains 1.5"),
        Bad("shape", lambda: ce_module.entropy(BATCH), "p: has shape (2, 4), expected one distribution"),
        Bad("shape", lambda: ce_module.entropy([1.0]), "p: has 1 class, expected at least 2"),
        Bad("nan", lambda: ce_module.entropy([nan, 1.0]), "p: contains NaN"),
        Bad("empty", lambda: ce_module.entropy([]), "p: is empty"),
        Bad("scale", lambda: ce_module.entropy([0.5, 0.5], base=1), "base: is 1"),
        Bad("scale", lambda: ce_module.entropy([0.5, 0.5], base=-2), "base: is -2"),
    ],
    "cross_entropy": [
        Bad("shape", lambda: ce_module.cross_entropy([0.5, 0.5], [0.2, 0.3, 0.5]), "q: has 3 classes, expected 2"),
        Bad("range", lambda: ce_module.cross_entropy([0.5, 0.5], [1.5, -0.5]), "q: contains 1.5"),
        Bad("sum", lambda: ce_module.cross_entropy([0.5, 0.6], [0.5, 0.5]), "p: row 0 sums to 1.1"),
        Bad("nan", lambda: ce_module.cross_entropy([0.5, 0.5], [nan, 0.5]), "q: contains NaN"),
        Bad("scale", lambda: ce_module.cross_entropy([0.5, 0.5], [0.5, 0.5], base=0), "base: is 0"),
    ],
    "kl_divergence": [
        Bad("shape", lambda: ce_module.kl_divergence([0.2, 0.3, 0.5], [0.5, 0.5]), "q: has 2 classes, expected 3"),
        Bad("range", lambda: ce_module.kl_divergence([0.5, 0.5], [1.5, -0.5]), "q: contains 1.5"),
        Bad("sum", lambda: ce_module.kl_divergence([0.5, 0.5], [0.5, 0.6]), "q: row 0 sums to 1.1"),
        Bad("nan", lambda: ce_module.kl_divergence([nan, 0.5], [0.5, 0.5]), "p: contains NaN"),
        Bad("scale", lambda: ce_module.kl_divergence([0.5, 0.5], [0.5, 0.5], base=1), "base: is 1"),
    ],
    "bernoulli_entropy": [
        Bad("range", lambda: ce_module.bernoulli_entropy(1.5), "p: contains 1.5"),
        Bad("range", lambda: ce_module.bernoulli_entropy(-0.5), "p: contains -0.5"),
        Bad("nan", lambda: ce_module.bernoulli_entropy(nan), "p: contains NaN"),
        Bad("shape", lambda: ce_module.bernoulli_entropy([0.5, 0.5]), "p: expected a single number, got shape (2,)"),
        Bad("type", lambda: ce_module.bernoulli_entropy(True), "p: expected real numbers, got dtype bool"),
        Bad("scale", lambda: ce_module.bernoulli_entropy(0.5, base=1), "base: is 1"),
    ],
    "empirical_distribution": [
        Bad("label", lambda: ce_module.empirical_distribution([0, 3], 3), "labels: label 3 is out of range"),
        Bad("type", lambda: ce_module.empirical_distribution([0.5, 1], 3), "labels: expected integer class indices"),
        Bad("count", lambda: ce_module.empirical_distribution([0, 1], 1), "num_classes: is 1, expected an integer >= 2"),
        Bad("type", lambda: ce_module.empirical_distribution([0, 1], 2.5), "num_classes: is 2.5"),
        Bad("type", lambda: ce_module.empirical_distribution([0, 1], True), "num_classes: is True"),
        Bad("empty", lambda: ce_module.empirical_distribution([], 3), "labels: is empty"),
    ],
    "decompose_mean_nll": [
        Bad("sum", lambda: ce_module.decompose_mean_nll([0, 1], [0.5, 0.6]), "q: row 0 sums to 1.1"),
        Bad("shape", lambda: ce_module.decompose_mean_nll([0, 1], [[0.5, 0.5], [0.5, 0.5]]),
            "q: has shape (2, 2), expected one distribution"),
        Bad("label", lambda: ce_module.decompose_mean_nll([0, 3], [0.6, 0.2, 0.2]), "labels: label 3 is out of range"),
        Bad("empty", lambda: ce_module.decompose_mean_nll([], [0.6, 0.2, 0.2]), "labels: is empty"),
        Bad("nan", lambda: ce_module.decompose_mean_nll([0, 1], [nan, 0.5]), "q: contains NaN"),
    ],
    "log_softmax": [
        Bad("shape", lambda: ce_module.log_softmax(3.0), "logits: is a single number, expected one logit per class"),
        Bad("shape", lambda: ce_module.log_softmax([1.0, 2.0], axis=1),
            "axis: is 1, expected an integer from -1 to 0 (the logits have 1 dimension)"),
        Bad("type", lambda: ce_module.log_softmax([1.0, 2.0], axis=0.5), "axis: is 0.5, expected an integer"),
        Bad("nan", lambda: ce_module.log_softmax([nan, 1.0]), "logits: contains NaN at index (0,)"),
        Bad("range", lambda: ce_module.log_softmax([inf, 1.0]), "logits: contains infinity"),
        Bad("empty", lambda: ce_module.log_softmax([]), "logits: is empty"),
    ],
    "softmax_cross_entropy": [
        Bad("nan", lambda: ce_module.softmax_cross_entropy([nan, 1.0], 0), "logits: contains NaN at index (0,)"),
        Bad("range", lambda: ce_module.softmax_cross_entropy([inf, 1.0], 0), "logits: contains infinity"),
        Bad("shape", lambda: ce_module.softmax_cross_entropy([[[1.0, 2.0]]], [0]), "logits: has shape (1, 1, 2)"),
        Bad("shape", lambda: ce_module.softmax_cross_entropy([1.0], 0), "logits: has shape (1,), expected (C,) or (N, C) with at least 2 classes"),
        Bad("label", lambda: ce_module.softmax_cross_entropy([1.0, 2.0], 2), "target: label 2 is out of range"),
        Bad("sum", lambda: ce_module.softmax_cross_entropy([1.0, 2.0], [0.5, 0.6]), "target: row 0 sums to 1.1"),
        Bad("count", lambda: ce_module.softmax_cross_entropy([[1.0, 2.0]], [0, 1]), "target: has 2 labels, expected 1"),
    ],
    "log_sigmoid": [
        Bad("nan", lambda: ce_module.log_sigmoid([nan]), "logits: contains NaN"),
        Bad("range", lambda: ce_module.log_sigmoid([-inf, 0.0]), "logits: contains infinity"),
        Bad("empty", lambda: ce_module.log_sigmoid([]), "logits: is empty"),
        Bad("type", lambda: ce_module.log_sigmoid(["a"]), "logits: expected real numbers"),
    ],
    "sigmoid_binary_cross_entropy": [
        Bad("shape", lambda: ce_module.sigmoid_binary_cross_entropy([0.0, 1.0], [1.0]), "targets: has shape (1,), expected (2,)"),
        Bad("range", lambda: ce_module.sigmoid_binary_cross_entropy([0.0], [1.5]), "targets: contains 1.5"),
        Bad("nan", lambda: ce_module.sigmoid_binary_cross_entropy([nan], [1.0]), "logits: contains NaN"),
        Bad("range", lambda: ce_module.sigmoid_binary_cross_entropy([inf], [1.0]), "logits: contains infinity"),
        Bad("empty", lambda: ce_module.sigmoid_binary_cross_entropy([], []), "logits: is empty"),
    ],
    "log_softmax_torch": [
        Bad("nan", lambda: ce_module.log_softmax_torch(torch.tensor([nan, 0.0])), "logits: contains NaN"),
        Bad("range", lambda: ce_module.log_softmax_torch(torch.tensor([inf, 0.0])), "logits: contains infinity"),
        Bad("empty", lambda: ce_module.log_softmax_torch(torch.tensor([])), "logits: is empty"),
        Bad("shape", lambda: ce_module.log_softmax_torch(torch.tensor(3.0)), "logits: is a single number"),
        Bad("shape", lambda: ce_module.log_softmax_torch(torch.tensor([1.0, 2.0]), dim=1),
            "dim: is 1, expected an integer from -1 to 0"),
        Bad("type", lambda: ce_module.log_softmax_torch(torch.tensor([True, False])), "logits: expected real numbers, got dtype bool"),
    ],
    "softmax_cross_entropy_torch": [
        Bad("shape", lambda: ce_module.softmax_cross_entropy_torch(torch.tensor([1.0, 2.0]), torch.tensor([0])), "expected (N, C)"),
        Bad("range", lambda: ce_module.softmax_cross_entropy_torch(torch.tensor([[1.0, inf]]), torch.tensor([0])), "logits: contains infinity"),
        Bad("label", lambda: ce_module.softmax_cross_entropy_torch(torch.tensor([[1.0, 2.0]]), torch.tensor([2])), "target: label 2 is out of range"),
        Bad("sum", lambda: ce_module.softmax_cross_entropy_torch(torch.tensor([[1.0, 2.0]]), torch.tensor([[0.5, 0.6]])), "target: row 0 sums to 1.1"),
        Bad("type", lambda: ce_module.softmax_cross_entropy_torch(torch.tensor([[1.0, 2.0]]), torch.tensor([0.5])),
            "target: expected integer class indices"),
    ],
    "log_sigmoid_torch": [
        Bad("nan", lambda: ce_module.log_sigmoid_torch(torch.tensor([nan])), "logits: contains NaN"),
        Bad("range", lambda: ce_module.log_sigmoid_torch(torch.tensor([-inf])), "logits: contains infinity"),
        Bad("empty", lambda: ce_module.log_sigmoid_torch(torch.tensor([])), "logits: is empty"),
        Bad("type", lambda: ce_module.log_sigmoid_torch(torch.tensor([True])), "logits: expected real numbers, got dtype bool"),
    ],
    "sigmoid_binary_cross_entropy_torch": [
        Bad("range", lambda: ce_module.sigmoid_binary_cross_entropy_torch(torch.tensor([0.0]), torch.tensor([1.5])), "targets: contains 1.5"),
        Bad("shape", lambda: ce_module.sigmoid_binary_cross_entropy_torch(torch.tensor([0.0, 1.0]), torch.tensor([1.0])),
            "targets: has shape (1,), expected (2,)"),
        Bad("nan", lambda: ce_module.sigmoid_binary_cross_entropy_torch(torch.tensor([nan]), torch.tensor([1.0])), "logits: contains NaN"),
        Bad("empty", lambda: ce_module.sigmoid_binary_cross_entropy_torch(torch.tensor([]), torch.tensor([])), "logits: is empty"),
    ],
    "naive_softmax_cross_entropy": [
        Bad("label", lambda: ce_module.naive_softmax_cross_entropy([1.0, 2.0], 2), "label: label 2 is out of range"),
        Bad("label", lambda: ce_module.naive_softmax_cross_entropy([1.0, 2.0], -1), "label: label -1 is out of range"),
        Bad("type", lambda: ce_module.naive_softmax_cross_entropy([1.0, 2.0], 0.5), "label: expected integer class indices"),
        Bad("nan", lambda: ce_module.naive_softmax_cross_entropy([nan, 1.0], 0), "logits: contains NaN"),
        Bad("range", lambda: ce_module.naive_softmax_cross_entropy([inf, 1.0], 0), "logits: contains infinity"),
        Bad("shape", lambda: ce_module.naive_softmax_cross_entropy([[1.0, 2.0]], 0), "logits: has shape (1, 2), expected (C,)"),
        Bad("empty", lambda: ce_module.naive_softmax_cross_entropy([], 0), "logits: is empty"),
    ],
    "smooth_labels": [
        Bad("range", lambda: ce_module.smooth_labels([0], 4, eps=1.5), "eps: is 1.5, expected a number in [0, 1]"),
        Bad("nan", lambda: ce_module.smooth_labels([0], 4, eps=nan), "eps: is nan"),
        Bad("label", lambda: ce_module.smooth_labels([4], 4, 0.1), "labels: label 4 is out of range"),
        Bad("type", lambda: ce_module.smooth_labels([0], True, 0.1), "num_classes: is True"),
        Bad("count", lambda: ce_module.smooth_labels([0], 1, 0.1), "num_classes: is 1, expected an integer >= 2"),
        Bad("empty", lambda: ce_module.smooth_labels([], 4, 0.1), "labels: is empty"),
    ],
}
