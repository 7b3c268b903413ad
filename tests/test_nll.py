"""Tests of snippets/nll.py: worked numbers, agreement with PyTorch, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.nll import (
    as_labels,
    as_probs,
    check,
    class_index,
    is_int,
    is_real,
    label_likelihood,
    log_curves_figure,
    mean_nll,
    mean_nll_torch,
    nll,
    one_hot,
    product_vs_log_sum,
)

PROBS = [0.1, 0.3, 0.5, 0.1]

# Exact values from ../shared/WORKED_NUMBERS.md (computed independently of this code).
ORACLE_NLL_4TH = 2.302585092994046
ORACLE_NLL_3RD = 0.6931471805599453
ORACLE_LN_1E_100 = -230.25850929940458
FLOAT32_EPS = 2.0**-23  # the gap between 1 and the next float32


def test_likelihood_is_the_one_hot_dot_product():
    assert label_likelihood(PROBS, 3) == pytest.approx(0.1, abs=1e-15)
    assert label_likelihood(PROBS, 2) == pytest.approx(0.5, abs=1e-15)
    assert one_hot(3, 4).tolist() == [0.0, 0.0, 0.0, 1.0]
    assert np.dot(one_hot(3, 4), PROBS) == label_likelihood(PROBS, 3)


def test_worked_nll_values_match_the_oracle():
    assert nll(PROBS, 3) == pytest.approx(ORACLE_NLL_4TH, rel=1e-15)
    assert nll(PROBS, 2) == pytest.approx(ORACLE_NLL_3RD, rel=1e-15)
    assert nll(PROBS, 3) == pytest.approx(math.log(10), rel=1e-15)
    assert product_vs_log_sum(1e-100, 1)[1] == pytest.approx(ORACLE_LN_1E_100, rel=1e-15)
    batch = [PROBS, PROBS]
    assert mean_nll(batch, [3, 2]) == pytest.approx((ORACLE_NLL_4TH + ORACLE_NLL_3RD) / 2, rel=1e-15)


def test_zero_probability_for_the_truth_is_an_infinite_loss():
    assert nll([0.0, 1.0], 0) == math.inf
    assert mean_nll([[0.0, 1.0], [0.5, 0.5]], [0, 1]) == math.inf
    assert mean_nll_torch(torch.tensor([[0.0, 1.0]]), torch.tensor([0])).item() == math.inf


def test_certain_correct_prediction_costs_nothing():
    assert nll([0.0, 0.0, 1.0], 2) == 0.0
    assert mean_nll([[0.0, 1.0]], [1]) == 0.0


def test_a_perfect_prediction_prints_0_not_minus_0():
    """Review round 2, L9: -ln 1 printed as -0.0."""
    assert str(nll([0.0, 1.0], 1)) == "0.0"
    assert str(mean_nll([[0.0, 1.0], [1.0, 0.0]], [1, 0])) == "0.0"
    probs = torch.tensor([[0.0, 1.0]], dtype=torch.float64, requires_grad=True)
    loss = mean_nll_torch(probs, torch.tensor([1]))
    assert str(loss.item()) == "0.0" and math.copysign(1, loss.item()) == 1
    loss.backward()  # still differentiable: d(-ln p)/dp = -1 at p = 1
    assert probs.grad.tolist() == [[0.0, -1.0]]


@pytest.mark.parametrize("seed", range(20))
def test_numpy_and_torch_agree_with_torch_nll_loss(seed):
    generator = torch.Generator().manual_seed(seed)
    batch = int(torch.randint(1, 64, (1,), generator=generator))
    classes = int(torch.randint(2, 30, (1,), generator=generator))
    logits = torch.randn(batch, classes, generator=generator, dtype=torch.float64) * 3
    probs = torch.softmax(logits, dim=1)
    labels = torch.randint(0, classes, (batch,), generator=generator)

    expected = F.nll_loss(torch.log(probs), labels).item()
    assert mean_nll(probs.numpy(), labels.numpy()) == pytest.approx(expected, rel=1e-12, abs=1e-12)
    assert mean_nll(probs.tolist(), labels.tolist()) == pytest.approx(expected, rel=1e-12, abs=1e-12)
    assert mean_nll_torch(probs, labels).item() == pytest.approx(expected, rel=1e-12, abs=1e-12)
    for row in range(batch):
        single = F.nll_loss(torch.log(probs[row : row + 1]), labels[row : row + 1]).item()
        assert nll(probs[row].numpy(), int(labels[row])) == pytest.approx(single, rel=1e-12, abs=1e-12)


def test_torch_version_is_differentiable_and_its_gradient_is_right():
    probs = torch.tensor([[0.1, 0.3, 0.5, 0.1], [0.25, 0.25, 0.25, 0.25]],
                         dtype=torch.float64, requires_grad=True)
    loss = mean_nll_torch(probs, torch.tensor([3, 0]))
    loss.backward()
    # d/dp of -(ln p_true)/N is -1/(N p_true) at the true class and 0 elsewhere.
    expected = torch.zeros_like(probs)
    expected[0, 3] = -1 / (2 * 0.1)
    expected[1, 0] = -1 / (2 * 0.25)
    torch.testing.assert_close(probs.grad, expected)


def test_float32_softmax_of_50000_logits_is_accepted():
    """Issue 12: a fixed 1e-6 rejected this valid row; the tolerance now grows with C."""
    logits = torch.randn(50_000, generator=torch.Generator().manual_seed(24)) * 3
    row = torch.softmax(logits, dim=0)
    assert row.dtype == torch.float32
    assert abs(row.double().sum().item() - 1) > 1e-6  # the old tolerance would refuse it
    assert as_probs(row, ndim=1).shape == (50_000,)
    batch = row.reshape(1, -1)
    label = torch.tensor([int(logits.argmin())])
    expected = F.nll_loss(torch.log(batch), label).item()
    assert mean_nll_torch(batch, label).item() == pytest.approx(expected, rel=1e-6)
    assert mean_nll(batch, label) == pytest.approx(expected, rel=1e-6)


def test_float32_softmax_batches_are_accepted():
    generator = torch.Generator().manual_seed(0)
    probs = torch.softmax(torch.randn(16, 50_000, generator=generator) * 3, dim=1)
    assert math.isfinite(mean_nll_torch(probs, torch.zeros(16, dtype=torch.long)).item())


def test_a_row_never_normalised_is_refused():
    logits = torch.randn(50_000, generator=torch.Generator().manual_seed(24)) * 3
    scores = torch.exp(logits - logits.max())  # the softmax without its division
    with pytest.raises(ValueError, match="probs row sum"):
        as_probs(scores, ndim=1)
    almost = torch.softmax(logits, dim=0).double() * 1.01  # 1% off
    with pytest.raises(ValueError, match="probs row sum"):
        as_probs(almost, ndim=1)
    wrong_axis = torch.softmax(torch.randn(2, 50_000, dtype=torch.float64), dim=0)
    with pytest.raises(ValueError, match="probs row sum"):
        mean_nll_torch(wrong_axis, torch.tensor([0, 1]))


def test_the_row_sum_tolerance_is_one_float32_epsilon_per_class():
    for classes in (2, 4, 1000, 50_000, 10**6):
        tol = classes * FLOAT32_EPS
        inside = np.full(classes, 1 / classes)
        inside[0] += 0.9 * tol
        as_probs(inside, ndim=1)
        outside = np.full(classes, 1 / classes)
        outside[0] += 1.1 * tol
        with pytest.raises(ValueError, match="expected 1 within"):
            as_probs(outside, ndim=1)


def _float32_softmax_summed_in_order(logits: np.ndarray) -> np.ndarray:
    """A float32 softmax whose denominator is summed one term at a time."""
    e = np.exp(np.asarray(logits, dtype=np.float32) - np.max(logits))
    return e / np.add.accumulate(e, dtype=np.float32)[-1]


@pytest.mark.parametrize("classes", [50_000, 10**6])
def test_no_float32_softmax_is_refused_even_in_the_worst_summation_order(classes):
    """The page: summing C float32 numbers in any order can drift by up to about
    half of C * 2**-23, so every float32 softmax passes; a sqrt(C) rule would not."""
    # One logit up by about 24 ln 2: every other term is near half a float32 step
    # of the running sum, the worst case for rounding (measured, not copied).
    logits = np.zeros(classes)
    logits[0] = 16.65
    row = _float32_softmax_summed_in_order(logits)
    miss = abs(row.astype(np.float64).sum() - 1)
    assert 0.4 * classes * FLOAT32_EPS < miss < 0.5 * classes * FLOAT32_EPS
    assert miss > 4 * math.sqrt(classes) * FLOAT32_EPS  # a sqrt(C) rule refuses it
    assert as_probs(row, ndim=1).shape == (classes,)
    # torch's own float32 softmax: random logits and the same adversarial row.
    generator = torch.Generator().manual_seed(classes)
    for z in (torch.randn(classes, generator=generator) * 3, torch.tensor(logits)):
        probs = torch.softmax(z.float(), dim=0).reshape(1, -1)
        label = torch.tensor([int(z.argmin())])
        expected = F.nll_loss(torch.log(probs.double()), label).item()
        assert mean_nll_torch(probs, label).item() == pytest.approx(expected, rel=1e-6)


def test_what_the_tolerance_does_not_catch_at_50000_classes():
    """Honest about the looseness: at C = 50,000 the allowance is C * 2**-23."""
    row = torch.softmax(torch.randn(50_000, generator=torch.Generator().manual_seed(3),
                                    dtype=torch.float64), dim=0)
    as_probs(row * 1.005, ndim=1)  # half a percent off: passes
    with pytest.raises(ValueError, match="probs row sum"):
        as_probs(row * 1.01, ndim=1)  # one percent off: refused


def test_every_integer_label_dtype_works_in_the_torch_version():
    """Review round 2, L5: the labels are cast to the int64 that gather takes."""
    batch = torch.tensor([PROBS, PROBS], dtype=torch.float64)
    expected = (ORACLE_NLL_4TH + ORACLE_NLL_3RD) / 2
    for dtype in (torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64):
        labels = torch.tensor([3, 2], dtype=dtype)
        assert mean_nll_torch(batch, labels).item() == pytest.approx(expected, rel=1e-15)


def test_a_label_must_be_one_integer_not_a_list():
    """Review round 2, L6: [3] and an array gave TypeError / numpy's ambiguity error."""
    for bad in ([3], np.array([3, 1]), torch.tensor([1]), np.array([2.0])):
        assert not is_int(bad)
        with pytest.raises(ValueError, match=r"label: .*expected an integer in 0\.\.3"):
            nll(PROBS, bad)
    for good in (3, np.int64(3), np.uint8(3), np.array(3), torch.tensor(3)):
        assert is_int(good) and nll(PROBS, good) == pytest.approx(ORACLE_NLL_4TH, rel=1e-15)


def test_n_must_be_an_integer_at_least_1():
    """Review round 2, L7: n = 2.5 crashed in [p] * n, n = True was accepted."""
    for bad in (2.5, True, 2.0, 0, "3", [2]):
        with pytest.raises(ValueError, match=r"n: .*expected an integer >= 1"):
            product_vs_log_sum(0.5, bad)
    assert product_vs_log_sum(0.5, np.int64(2)) == (0.25, pytest.approx(2 * math.log(0.5)))


def test_probabilities_must_be_numbers_not_strings_or_bools():
    """Review round 2, L8: ["0.5", "0.5"] was parsed, [True, False] accepted."""
    for bad in (["0.5", "0.5"], [True, False], np.array([True, False])):
        with pytest.raises(ValueError, match=r"probs dtype: .*expected numbers"):
            nll(bad, 0)
    assert nll([0, 1], 1) == 0.0  # integers are numbers
    assert nll(np.array([0.5, 0.5], dtype=np.float32), 0) == pytest.approx(math.log(2))


def test_what_nll_loss_checks_and_what_it_does_not():
    """The page: nll_loss checks its targets, not that its input is log-probabilities,
    and skips rows whose target is ignore_index (default -100)."""
    log_probs = torch.tensor([PROBS, PROBS], dtype=torch.float64).log()
    with pytest.raises(IndexError, match="out of bounds"):
        F.nll_loss(log_probs, torch.tensor([3, 4]))  # target range: checked
    with pytest.raises(RuntimeError, match="target dtype"):
        F.nll_loss(log_probs, torch.tensor([3, 2], dtype=torch.int32))  # dtype: checked
    with pytest.raises(ValueError, match="batch_size"):
        F.nll_loss(log_probs, torch.tensor([3]))  # one target per row: checked
    # Input values: not checked. Positive "log-probabilities" give a negative loss.
    assert F.nll_loss(torch.full((2, 4), 5.0), torch.tensor([3, 2])).item() == -5.0
    # -100 skips the row; the mean is over the rows that remain.
    skipped = F.nll_loss(log_probs, torch.tensor([3, -100])).item()
    assert skipped == pytest.approx(math.log(10), rel=1e-15)
    assert f"{skipped:.6f}" == "2.302585"  # the page's third printed line
    # With class weights the mean is weighted: sum w_c * loss / sum w_c.
    weight = torch.tensor([1.0, 1.0, 3.0, 1.0], dtype=torch.float64)
    weighted = F.nll_loss(log_probs, torch.tensor([3, 2]), weight=weight).item()
    assert weighted == pytest.approx((math.log(10) + 3 * math.log(2)) / 4, rel=1e-15)


def test_labels_must_be_integers():
    p = as_probs([PROBS])
    for bad in ([2.0], [2.5], [True], np.array([1.0]), torch.tensor([2.0]), torch.tensor([True])):
        with pytest.raises(ValueError, match="labels dtype: .*expected integers"):
            as_labels(bad, p)
    for bad in (2.0, 2.5, True, math.nan, "2", torch.tensor(2.0)):
        with pytest.raises(ValueError, match=r"label: .*expected an integer in 0\.\.3"):
            one_hot(bad, 4)
    assert as_labels(np.array([3], dtype=np.uint8), p).tolist() == [3]
    assert class_index(np.int64(2), 4) == 2 and class_index(torch.tensor(1), 4) == 1
    assert one_hot(np.int32(1), 3).tolist() == [0.0, 1.0, 0.0]


def test_a_zero_on_a_wrong_class_is_harmless_if_the_code_picks_before_the_log():
    p = torch.tensor([0.0, 0.5, 0.5])
    y = torch.tensor([0.0, 0.0, 1.0])
    assert torch.isnan(-(y * p.log()).sum())  # 0 * ln 0 = 0 * -inf = nan
    assert -p[2].log().item() == pytest.approx(math.log(2), rel=1e-7)
    assert mean_nll([[0.0, 0.5, 0.5]], [2]) == pytest.approx(math.log(2), rel=1e-15)
    assert nll([0.0, 0.5, 0.5], 2) == pytest.approx(math.log(2), rel=1e-15)
    torch_value = mean_nll_torch(p.double().reshape(1, -1), torch.tensor([2])).item()
    assert torch_value == pytest.approx(math.log(2), rel=1e-15)


def test_each_doubling_of_p_lowers_the_loss_by_ln_2():
    for p in (0.01, 0.1, 0.25, 0.5):
        drop = nll([p, 1 - p], 0) - nll([2 * p, 1 - 2 * p], 0)
        assert drop == pytest.approx(math.log(2), rel=1e-12)


def test_through_a_softmax_the_gradient_on_the_logits_is_y_hat_minus_y_over_n():
    labels = torch.tensor([3, 2])
    logits = torch.log(torch.tensor([PROBS, PROBS], dtype=torch.float64)).requires_grad_()
    mean_nll_torch(logits.softmax(dim=1), labels).backward()
    # Closed form (y_hat - y) / N, with y_hat the worked probabilities, N = 2.
    expected = torch.tensor([[0.1, 0.3, 0.5, 0.1 - 1], [0.1, 0.3, 0.5 - 1, 0.1]],
                            dtype=torch.float64) / 2
    torch.testing.assert_close(logits.grad, expected)
    assert (logits.grad[labels == labels] != 0).all()  # every class moves


def test_nll_loss_on_probabilities_instead_of_logs_is_silently_wrong():
    batch = torch.tensor([PROBS, PROBS], dtype=torch.float64)
    labels = torch.tensor([3, 2])
    assert F.nll_loss(batch, labels).item() == pytest.approx(-(0.1 + 0.5) / 2, rel=1e-15)
    assert F.nll_loss(batch.log(), labels).item() == pytest.approx(
        (ORACLE_NLL_4TH + ORACLE_NLL_3RD) / 2, rel=1e-15)


def test_the_checkers_return_what_the_functions_compute_with():
    p = as_probs([PROBS, PROBS])
    assert p.dtype == np.float64 and p.shape == (2, 4)
    assert as_labels(torch.tensor([3, 2]), p).tolist() == [3, 2]
    check(True, "x", 1, "anything")  # no exception
    with pytest.raises(ValueError, match=r"^x: is 'a', expected a number$"):
        check(False, "x", "a", "a number")


def test_products_underflow_and_log_sums_do_not():
    product, log_sum = product_vs_log_sum(0.01, 200)
    assert product == 0.0
    assert log_sum == pytest.approx(200 * math.log(0.01), rel=1e-12)
    assert log_sum == pytest.approx(-921.0340371976183, rel=1e-12)
    assert product_vs_log_sum(0.5, 3) == (0.125, pytest.approx(3 * math.log(0.5)))


@pytest.mark.parametrize(
    "call",
    [
        lambda: mean_nll([], []),
        lambda: mean_nll([[0.5, 0.5]], [[0]]),
        lambda: mean_nll([[[0.5, 0.5]]], [0]),
        lambda: mean_nll([[1.0]], [0]),
        lambda: mean_nll([[0.5, 0.5]], [-1]),
        lambda: mean_nll([["a", "b"]], [0]),
        lambda: mean_nll([[0.5, 0.5]], [0.5]),
        lambda: mean_nll([[0.5, 0.5]], [1.0]),
        lambda: mean_nll([[0.5, 0.5]], [True]),
        lambda: mean_nll_torch(torch.tensor([[0.5, 0.5]]), torch.tensor([1.0])),
        lambda: one_hot(2.5, 4),
        lambda: one_hot(True, 4),
        lambda: mean_nll_torch(torch.tensor([[0.5, 0.6]]), torch.tensor([0])),
        lambda: mean_nll_torch(torch.tensor([[0.5, 0.5]]), torch.tensor([2])),
        lambda: mean_nll_torch(torch.tensor([[math.nan, 0.5]]), torch.tensor([0])),
        lambda: one_hot(-1, 4),
        lambda: product_vs_log_sum(0.0, 10),
        lambda: product_vs_log_sum(0.5, 0),
        lambda: product_vs_log_sum(0.5, 2.5),
        lambda: nll(PROBS, [3]),
        lambda: nll(PROBS, np.array([3, 1])),
        lambda: nll(["0.5", "0.5"], 0),
    ],
)
def test_other_bad_input_fails_loudly(call):
    with pytest.raises(ValueError):  # never IndexError or RuntimeError
        call()


def test_product_vs_log_sum_takes_only_a_real_number_for_p():
    """Review round 3, L12: True was taken as p = 1, "0.5" raised TypeError."""
    for bad in (True, "0.5", [0.5], None):
        assert not is_real(bad)
        with pytest.raises(ValueError, match=r"^p: is .*, expected a probability"):
            product_vs_log_sum(bad, 3)
    assert is_real(1) and is_real(0.5) and is_real(np.float32(0.5))
    product, log_sum = product_vs_log_sum(1, 3)  # an int p: a float product
    assert type(product) is float and product == 1.0 and log_sum == 0.0


@pytest.mark.skipif(not torch.__version__.startswith("2.13"),
                    reason="the page states what PyTorch 2.13 does")
def test_nll_loss_target_dtypes_in_pytorch_2_13():
    """The page: in PyTorch 2.13 nll_loss takes int64 or uint8 targets."""
    log_batch = torch.tensor([PROBS, PROBS], dtype=torch.float64).log()
    expected = (ORACLE_NLL_4TH + ORACLE_NLL_3RD) / 2
    for dtype in (torch.int64, torch.uint8):
        target = torch.tensor([3, 2], dtype=dtype)
        assert F.nll_loss(log_batch, target).item() == pytest.approx(expected, rel=1e-15)
    for dtype in (torch.int32, torch.int16, torch.int8):
        with pytest.raises(RuntimeError, match="expected target dtype"):
            F.nll_loss(log_batch, torch.tensor([3, 2], dtype=dtype))
    with pytest.raises(IndexError):
        F.nll_loss(log_batch, torch.tensor([3, 4]))  # out of range
    with pytest.raises(ValueError):
        F.nll_loss(log_batch, torch.tensor([3]))  # not one per row


def test_nll_loss_with_class_weights_is_the_weighted_mean_on_the_page():
    generator = torch.Generator().manual_seed(7)
    log_probs = torch.randn(9, 5, generator=generator, dtype=torch.float64).log_softmax(1)
    target = torch.randint(0, 5, (9,), generator=generator)
    target[[2, 6]] = -100  # ignored rows leave both sums
    weight = torch.rand(5, generator=generator, dtype=torch.float64) + 0.1
    rows = [i for i in range(9) if target[i] != -100]
    top = sum(weight[target[i]].item() * -log_probs[i, target[i]].item() for i in rows)
    bottom = sum(weight[target[i]].item() for i in rows)
    got = F.nll_loss(log_probs, target, weight=weight).item()
    assert got == pytest.approx(top / bottom, rel=1e-12)


def test_a_descent_step_on_the_logits_and_its_bound():
    """The page: a step against (y_hat - y)/N raises the true logit by a multiple
    of 1 - y_hat_c and lowers each other by the same multiple of its y_hat_k;
    each entry stays within 1/N even when the true class is given 1e-30."""
    n = 2
    logits = torch.tensor([[0.0, 69.0, 0.0], [1.0, 2.0, 3.0]], dtype=torch.float64)
    logits.requires_grad_()
    labels = torch.tensor([0, 2])
    y_hat = logits.detach().softmax(dim=1)
    assert y_hat[0, 0].item() < 1e-29
    mean_nll_torch(logits.softmax(dim=1), labels).backward()
    step = -logits.grad
    for i, c in enumerate(labels.tolist()):
        for k in range(3):
            want = (1 - y_hat[i, c]) / n if k == c else -y_hat[i, k] / n
            assert step[i, k].item() == pytest.approx(want.item(), rel=1e-9, abs=1e-300)
    assert logits.grad.abs().max().item() <= 1 / n
    assert -logits.grad[0, 0].item() == pytest.approx(1 / n, rel=1e-12)  # full pull


def test_figure_marks_both_worked_points():
    fig = log_curves_figure()
    left, right = fig.axes
    marked = sorted((round(line.get_xdata()[0], 3), round(line.get_ydata()[0], 4))
                    for line in right.get_lines() if len(line.get_xdata()) == 1)
    assert marked == [(0.1, round(ORACLE_NLL_4TH, 4)), (0.5, round(ORACLE_NLL_3RD, 4))]
    assert left.get_lines()[0].get_ydata().max() == pytest.approx(0.0)


# --- Bad input ---

from snippets import nll as nll_module  # noqa: E402
from tests.badinput import BATCH, P, T, Bad, inf, nan  # noqa: E402

#: Bad input for every public function of snippets/nll.py (run by tests/test_bad_input.py).
BAD_INPUTS = {
    "check": [
        Bad("range", lambda: nll_module.check(False, "p", 1.5, "a probability"), "p: is 1.5"),
        Bad("type", lambda: nll_module.check(0, "n", "3", "an integer"), "n: is '3'"),
    ],
    "as_probs": [
        Bad("range", lambda: nll_module.as_probs([[1.2, -0.2]]), "probs entry: is 1.2"),
        Bad("nan", lambda: nll_module.as_probs([[nan, 1.0]]), "probs entry: is nan"),
        Bad("range", lambda: nll_module.as_probs([[inf, 0.5]]), "probs entry: is inf"),
        Bad("sum", lambda: nll_module.as_probs([[0.5, 0.5], [0.2, 0.9]]), "probs row sum: is 1.1"),
        Bad("shape", lambda: nll_module.as_probs(P), "probs shape: is (4,)"),
        Bad("shape", lambda: nll_module.as_probs(BATCH, ndim=1), "probs shape: is (2, 4)"),
        Bad("shape", lambda: nll_module.as_probs([[1.0]]), "probs shape: is (1, 1)"),
        Bad("empty", lambda: nll_module.as_probs(np.ones((0, 3))), "probs shape: is (0, 3)"),
        Bad("type", lambda: nll_module.as_probs([["0.5", "0.5"]]), "probs dtype: is '<U3', expected numbers"),
        Bad("type", lambda: nll_module.as_probs([[True, False]]), "probs dtype: is 'bool'"),
    ],
    "as_labels": [
        Bad("label", lambda: nll_module.as_labels([0, 4], np.array(BATCH)), "labels entry: is 4"),
        Bad("label", lambda: nll_module.as_labels([-1, 0], np.array(BATCH)), "labels entry: is -1"),
        Bad("count", lambda: nll_module.as_labels([0], np.array(BATCH)), "labels shape: is (1,)"),
        Bad("shape", lambda: nll_module.as_labels([[0], [1]], np.array(BATCH)), "labels shape: is (2, 1)"),
        Bad("type", lambda: nll_module.as_labels([0.0, 1.0], np.array(BATCH)), "labels dtype: is 'float64'"),
        Bad("type", lambda: nll_module.as_labels([True, False], np.array(BATCH)), "labels dtype: is 'bool'"),
    ],
    "class_index": [
        Bad("label", lambda: nll_module.class_index(4, 4), "label: is 4, expected an integer in 0..3"),
        Bad("label", lambda: nll_module.class_index(-1, 4), "label: is -1"),
        Bad("type", lambda: nll_module.class_index(2.0, 4), "label: is 2.0"),
        Bad("type", lambda: nll_module.class_index(True, 4), "label: is True"),
        Bad("nan", lambda: nll_module.class_index(nan, 4), "label: is nan"),
        Bad("shape", lambda: nll_module.class_index([3], 4), "label: is [3], expected an integer"),
        Bad("shape", lambda: nll_module.class_index(np.array([3, 1]), 4), "label: is array([3, 1])"),
    ],
    "is_int": [  # a predicate: it answers False, and the checker that uses it raises
        Bad("type", lambda: nll_module.check(nll_module.is_int(3.0), "label", 3.0, "an integer"),
            "label: is 3.0, expected an integer"),
        Bad("shape", lambda: nll_module.check(nll_module.is_int([3]), "label", [3], "an integer"),
            "label: is [3], expected an integer"),
    ],
    "is_real": [  # a predicate: it answers False, and the checker that uses it raises
        Bad("type", lambda: nll_module.check(nll_module.is_real("0.5"), "p", "0.5", "a number"),
            "p: is '0.5', expected a number"),
        Bad("type", lambda: nll_module.check(nll_module.is_real(True), "p", True, "a number"),
            "p: is True, expected a number"),
    ],
    "one_hot": [
        Bad("label", lambda: nll_module.one_hot(4, 4), "label: is 4, expected an integer in 0..3"),
        Bad("type", lambda: nll_module.one_hot(2.5, 4), "label: is 2.5"),
        Bad("type", lambda: nll_module.one_hot(True, 4), "label: is True"),
        Bad("label", lambda: nll_module.one_hot(-1, 4), "label: is -1"),
        Bad("nan", lambda: nll_module.one_hot(nan, 4), "label: is nan"),
    ],
    "label_likelihood": [
        Bad("range", lambda: nll_module.label_likelihood([1.2, -0.2], 0), "probs entry: is 1.2"),
        Bad("sum", lambda: nll_module.label_likelihood([0.2, 0.9], 0), "probs row sum: is 1.1"),
        Bad("label", lambda: nll_module.label_likelihood(P, 4), "label: is 4"),
        Bad("nan", lambda: nll_module.label_likelihood([nan, 1.0], 0), "probs entry: is nan"),
        Bad("shape", lambda: nll_module.label_likelihood(BATCH, 0), "probs shape: is (2, 4)"),
        Bad("empty", lambda: nll_module.label_likelihood([], 0), "probs shape: is (0,)"),
    ],
    "nll": [
        Bad("range", lambda: nll_module.nll([1.2, -0.2], 0), "probs entry: is 1.2"),
        Bad("sum", lambda: nll_module.nll([0.2, 0.9], 0), "probs row sum: is 1.1"),
        Bad("label", lambda: nll_module.nll(P, 4), "label: is 4"),
        Bad("nan", lambda: nll_module.nll([nan, 1.0], 0), "probs entry: is nan"),
        Bad("type", lambda: nll_module.nll(["0.5", "0.5"], 0), "probs dtype: is '<U3'"),
        Bad("type", lambda: nll_module.nll([True, False], 0), "probs dtype: is 'bool'"),
        Bad("shape", lambda: nll_module.nll(P, [3]), "label: is [3], expected an integer in 0..3"),
        Bad("shape", lambda: nll_module.nll(BATCH, 3), "probs shape: is (2, 4)"),
        Bad("shape", lambda: nll_module.nll([[[0.5, 0.5]]], 0), "probs shape: is (1, 1, 2)"),
        Bad("empty", lambda: nll_module.nll([], 0), "probs shape: is (0,)"),
    ],
    "mean_nll": [
        Bad("range", lambda: nll_module.mean_nll([[1.2, -0.2]], [0]), "probs entry: is 1.2"),
        Bad("sum", lambda: nll_module.mean_nll([[0.5, 0.5], [0.2, 0.9]], [0, 1]), "probs row sum: is 1.1"),
        Bad("label", lambda: nll_module.mean_nll(BATCH, [3, 4]), "labels entry: is 4"),
        Bad("count", lambda: nll_module.mean_nll(BATCH, [0, 1, 2]), "labels shape: is (3,), expected (2,)"),
        Bad("nan", lambda: nll_module.mean_nll([[nan, 1.0]], [0]), "probs entry: is nan"),
        Bad("shape", lambda: nll_module.mean_nll(BATCH, [[0], [1]]), "labels shape: is (2, 1)"),
        Bad("shape", lambda: nll_module.mean_nll(P, [0]), "probs shape: is (4,)"),
        Bad("empty", lambda: nll_module.mean_nll([], []), "probs shape: is (0,)"),
        Bad("empty", lambda: nll_module.mean_nll(BATCH, []), "labels shape: is (0,)"),
        Bad("type", lambda: nll_module.mean_nll(BATCH, [3.0, 2.0]), "labels dtype: is 'float64'"),
        Bad("type", lambda: nll_module.mean_nll(BATCH, [2.5, 2.0]), "labels dtype: is 'float64'"),
    ],
    "mean_nll_torch": [
        Bad("range", lambda: nll_module.mean_nll_torch(torch.tensor([[1.2, -0.2]]), torch.tensor([0])),
            "probs entry: is 1.2"),
        Bad("sum", lambda: nll_module.mean_nll_torch(torch.tensor([[0.5, 0.6]]), torch.tensor([0])),
            "probs row sum: is 1.1"),
        Bad("label", lambda: nll_module.mean_nll_torch(T, torch.tensor([0, 4])), "labels entry: is 4"),
        Bad("count", lambda: nll_module.mean_nll_torch(T, torch.tensor([0])), "labels shape: is (1,)"),
        Bad("type", lambda: nll_module.mean_nll_torch(T, torch.tensor([3.0, 2.0])), "labels dtype: is 'float32'"),
        Bad("type", lambda: nll_module.mean_nll_torch(T, torch.tensor([True, False])), "labels dtype: is 'bool'"),
        Bad("nan", lambda: nll_module.mean_nll_torch(torch.tensor([[nan, 0.5]]), torch.tensor([0])),
            "probs entry: is nan"),
        Bad("shape", lambda: nll_module.mean_nll_torch(T.reshape(1, 2, 4), torch.tensor([0])),
            "probs shape: is (1, 2, 4)"),
        Bad("empty", lambda: nll_module.mean_nll_torch(torch.ones(0, 3), torch.tensor([], dtype=torch.long)),
            "probs shape: is (0, 3)"),
    ],
    "product_vs_log_sum": [
        Bad("range", lambda: nll_module.product_vs_log_sum(0.0, 10), "p: is 0.0"),
        Bad("range", lambda: nll_module.product_vs_log_sum(1.5, 10), "p: is 1.5"),
        Bad("nan", lambda: nll_module.product_vs_log_sum(nan, 10), "p: is nan"),
        Bad("count", lambda: nll_module.product_vs_log_sum(0.5, 0), "n: is 0"),
        Bad("count", lambda: nll_module.product_vs_log_sum(0.5, -3), "n: is -3"),
        Bad("type", lambda: nll_module.product_vs_log_sum(0.5, 2.5), "n: is 2.5, expected an integer >= 1"),
        Bad("type", lambda: nll_module.product_vs_log_sum(0.5, True), "n: is True"),
        Bad("type", lambda: nll_module.product_vs_log_sum(True, 3),
            "p: is True, expected a probability in (0, 1]"),
        Bad("type", lambda: nll_module.product_vs_log_sum("0.5", 3), "p: is '0.5'"),
    ],
}
