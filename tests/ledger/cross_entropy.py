"""The worked numbers of the cross-entropy chapter (``snippets/cross_entropy.py``),
each with its independent value."""

from __future__ import annotations

import collections
import itertools
import math
from fractions import Fraction

import numpy as np
import torch
import torch.nn.functional as F

from snippets.cross_entropy import (
    bernoulli_entropy,
    bernoulli_likelihood,
    bernoulli_log_likelihood,
    binary_cross_entropy,
    cross_entropy,
    empirical_distribution,
    entropy,
    in_base,
    kl_divergence,
    log_sigmoid,
    log_softmax,
    naive_softmax_nll,
    nll,
    one_hot,
    smooth_labels,
    softmax_nll,
    softmax_nll_torch,
)
from tests.ledger import WorkedNumber


def _logit_gradient(probs, label: int) -> list[float]:
    """d CE / d logits for logits = ln(probs): softmax(logits) - one_hot(label), by autograd."""
    logits = torch.tensor([probs], dtype=torch.float64).log().requires_grad_()
    softmax_nll_torch(logits, torch.tensor([label])).backward()
    return logits.grad[0].tolist()


def _float32_stable_loss() -> float:
    return softmax_nll_torch(torch.tensor([[10000.0, 0.0, -10000.0]]), torch.tensor([1])).item()


def _tiled_nll(q, labels) -> float:
    """Mean NLL of a model that predicts the distribution q for every label."""
    return nll(np.tile(q, (len(labels), 1)), labels)


def _kl_from_one_hot_labels() -> tuple[float, float]:
    """The page's F.kl_div (batchmean) from the one-hot labels and F.cross_entropy, for the
    ten labels under the constant model q = (0.6, 0.2, 0.2)."""
    log_q = torch.log(torch.tensor(np.tile(_Q, (len(_LABELS), 1))))
    targets = torch.tensor(_LABELS)
    kl = F.kl_div(log_q, F.one_hot(targets, 3).double(), reduction="batchmean")
    return kl.item(), F.cross_entropy(log_q, targets).item()


def _smoothing_floor_torch() -> float:
    """PyTorch's smoothed loss at logits whose softmax is the smoothed target itself."""
    best = torch.log(torch.from_numpy(smooth_labels(3, 4, 0.1)))[None]
    return F.cross_entropy(best, torch.tensor([3]), label_smoothing=0.1).item()


def _sample_entropy_on_page() -> tuple[float, float, float]:
    """The page's enumeration of the samples of ten labels from p = (0.4, 0.35, 0.25)."""
    p, n = np.array(_TRUE), 10
    counts = np.array([(a, b, n - a - b) for a in range(n + 1) for b in range(n + 1 - a)])
    ways = [math.comb(n, a) * math.comb(n - a, b) for a, b, _ in counts]
    prob = np.array(ways) * np.prod(p**counts, axis=1)
    h = entropy(counts / n)
    return prob[h > entropy(p)].sum(), prob @ h, entropy(p)


def _sample_entropy_oracle() -> tuple[float, float, float]:
    """The same three numbers by brute force: every one of the 3^10 label sequences, exact
    probabilities as fractions, entropies by math.log."""
    p = [Fraction(2, 5), Fraction(7, 20), Fraction(1, 4)]
    h_true = -math.fsum(float(pk) * _LN(float(pk)) for pk in p)
    sequences = collections.Counter(  # how many of the 3^10 sequences have each count vector
        tuple(sequence.count(k) for k in range(3)) for sequence in itertools.product(range(3), repeat=10))
    above, mean = Fraction(0), []
    for counts, ways in sequences.items():
        prob = ways * math.prod(pk**c for pk, c in zip(p, counts))  # exact
        h = -math.fsum(c / 10 * _LN(c / 10) for c in counts if c)
        above += prob if h > h_true else 0
        mean.append(float(prob) * h)
    return float(above), math.fsum(mean), h_true


_PROBS = [0.1, 0.3, 0.5, 0.1]
_YHAT, _Y = [0.9, 0.2, 0.7, 0.4], [1, 0, 1, 1]
_P, _UNIFORM = [0.5, 0.25, 0.25], [1 / 3, 1 / 3, 1 / 3]
_LABELS, _Q = [0, 0, 1, 2, 0, 1, 0, 2, 0, 1], [0.6, 0.2, 0.2]
_TRUE = [0.4, 0.35, 0.25]
_LN = math.log
_LN_MAX32 = 127 * math.log(2) + math.log(2 - 2**-23)  # ln of the largest float32, (2 - 2^-23) 2^127
_LN_MAX64 = 1023 * math.log(2) + math.log(2 - 2**-52)  # ln of the largest float64
_H_DATA = -(0.5 * _LN(0.5) + 0.3 * _LN(0.3) + 0.2 * _LN(0.2))
_NLL_DATA = -(0.5 * _LN(0.6) + 0.3 * _LN(0.2) + 0.2 * _LN(0.2))
_SMOOTH_4TH = 0.95 * _LN(10) + 0.025 * _LN(10 / 3) + 0.025 * _LN(2)
_SMOOTH_3RD = 0.05 * _LN(10) + 0.025 * _LN(10 / 3) + 0.925 * _LN(2)
_H_SMOOTH = -(0.075 * _LN(0.025) + 0.925 * _LN(0.925))


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def _softmax(z: list[float]) -> list[float]:
    total = math.fsum(math.exp(v) for v in z)
    return [math.exp(v) / total for v in z]


def _plain(value):
    """NumPy scalars (what entropy() and friends return for one distribution) as floats."""
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return float(value) if isinstance(value, np.generic) else value


def _entry(what, exact, compute, prose, source="site", shown="-", rel_tol=1e-12, abs_tol=0.0):
    return WorkedNumber(what, source, shown, exact, lambda: _plain(compute()), "cross-entropy.md", prose,
                        rel_tol, abs_tol)


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
    _entry("binary example: mean BCE in bits", -math.log2(0.2016) / 4,
           lambda: in_base(binary_cross_entropy(_YHAT, _Y), 2), "BCE = {:.6f} bits"),
    _entry("NLL = -ln 0.1", 2.302585092994046,
           lambda: cross_entropy(one_hot(3, 4), _PROBS), "-\\ln 0.1 = {:.6f}$ nats",
           source="seed 000", shown="2.3", rel_tol=1e-15),
    _entry("NLL = -ln 0.5", 0.6931471805599453, lambda: nll(_PROBS, 2),
           "-\\ln 0.5 = {:.6f}$ nats", source="seed 000", shown="0.69", rel_tol=1e-15),
    _entry("KL example: H(p) in bits", 1.5, lambda: in_base(entropy(_P), 2), "2 \\cdot 0.25 \\cdot 2 =$ {:g} bits"),
    _entry("KL example: H(p, q) in bits", math.log2(3), lambda: in_base(cross_entropy(_P, _UNIFORM), 2),
           "H(p, q) = \\log_2 3 = {:.6f}$ bits"),
    _entry("KL example: KL(p || q) in bits", math.log2(3) - 1.5, lambda: in_base(kl_divergence(_P, _UNIFORM), 2),
           "\\mathrm{{KL}}(p \\,\\|\\, q) = {:.6f}$ bits", rel_tol=1e-9),
    _entry("KL example: KL(q || p) in bits", 5 / 3 - math.log2(3), lambda: in_base(kl_divergence(_UNIFORM, _P), 2),
           "\\mathrm{{KL}}(q \\,\\|\\, p) = {:.6f}$", rel_tol=1e-9),
    _entry("KL example: KL(q || p) in nats", 5 / 3 * _LN(2) - _LN(3), lambda: kl_divergence(_UNIFORM, _P),
           "KL(q || p) {:.6f} nats", rel_tol=1e-9),
    _entry("KL example: H(p) in nats", 1.5 * _LN(2), lambda: entropy(_P), "$H(p) = {:.6f}$ nats"),
    _entry("KL example: H(p, q) in nats", _LN(3), lambda: cross_entropy(_P, _UNIFORM),
           "H(p, q) = \\ln 3 = {:.6f}$ nats"),
    _entry("KL example: KL(p || q) in nats", _LN(3) - 1.5 * _LN(2), lambda: kl_divergence(_P, _UNIFORM),
           "\\mathrm{{KL}}(p \\,\\|\\, q) = {:.6f}$ nats", rel_tol=1e-9),
    _entry("H(p, q) and KL(p || q) are +inf when q_k = 0 < p_k", (math.inf, math.inf),
           lambda: (cross_entropy([0.5, 0.5], [1.0, 0.0]), kl_divergence([0.5, 0.5], [1.0, 0.0])), "{:g} {:g}"),
    _entry("KL the other way round is finite: ln 2", _LN(2), lambda: kl_divergence([1.0, 0.0], [0.5, 0.5]),
           "# ln 2 ``` ```text inf inf {:.6f}"),
    _entry("entropy of a fair coin in bits", 1.0, lambda: in_base(bernoulli_entropy(0.5), 2), "h(0.5) = {:g}$ bit"),
    _entry("entropy of a fair coin in nats", _LN(2), lambda: bernoulli_entropy(0.5), "that is, {:.6f} nats"),
    _entry("entropy of a p = 0.1 coin in bits", -(0.1 * math.log2(0.1) + 0.9 * math.log2(0.9)),
           lambda: in_base(bernoulli_entropy(0.1), 2), "r = 0.1$ carries {:.6f} bits"),
    _entry("entropy of a p = 0.1 coin in nats", -(0.1 * _LN(0.1) + 0.9 * _LN(0.9)),
           lambda: bernoulli_entropy(0.1), "r = 0.1: 0.468996 bits = {:.6f} nats"),
    _entry("data set: empirical distribution", (0.5, 0.3, 0.2), lambda: empirical_distribution(_LABELS, 3),
           "$\\hat p = ({:.1f}, {:.1f}, {:.1f})$"),
    _entry("data set: mean NLL = H(p_hat) + KL(p_hat || q)", (_NLL_DATA, _H_DATA, _NLL_DATA - _H_DATA),
           lambda: (_tiled_nll(_Q, _LABELS), entropy(empirical_distribution(_LABELS, 3)),
                    kl_divergence(empirical_distribution(_LABELS, 3), _Q)),
           "\\text{{mean NLL}} = {:.6f} = {:.6f} + {:.6f}", rel_tol=1e-9),
    _entry("data set: the pooled KL divergence, in the prose", _NLL_DATA - _H_DATA,
           lambda: kl_divergence(empirical_distribution(_LABELS, 3), _Q),
           "the pooled KL divergence is only {:.6f} nats", rel_tol=1e-9),
    _entry("data set: mean KL from the one-hot labels (F.kl_div) = mean NLL (F.cross_entropy)",
           (_NLL_DATA, _NLL_DATA), _kl_from_one_hot_labels,
           "```text KL from one-hot labels {:.6f} = mean NLL {:.6f} ```"),
    _entry("data set: the best constant model's mean NLL", _H_DATA,
           lambda: _tiled_nll([0.5, 0.3, 0.2], _LABELS), "equals $H(\\hat p) = {:.6f}$ nats"),
    _entry("sample from p = (0.4, 0.35, 0.25): H(p), p's NLL on the sample, p_hat's",
           (-(0.4 * _LN(0.4) + 0.35 * _LN(0.35) + 0.25 * _LN(0.25)),
            -(0.5 * _LN(0.4) + 0.3 * _LN(0.35) + 0.2 * _LN(0.25)), _H_DATA),
           lambda: (entropy(_TRUE), _tiled_nll(_TRUE, _LABELS),
                    _tiled_nll(empirical_distribution(_LABELS, 3), _LABELS)),
           "expected NLL of p, H(p): {:.6f} NLL of p on the sample: {:.6f} NLL of p_hat on the sample: {:.6f}"),
    _entry("sample from p: p loses to p_hat", (-(0.5 * _LN(0.4) + 0.3 * _LN(0.35) + 0.2 * _LN(0.25)), _H_DATA),
           lambda: (_tiled_nll(_TRUE, _LABELS), _tiled_nll(empirical_distribution(_LABELS, 3), _LABELS)),
           "this sample ({:.6f} against {:.6f} nats)"),
    _entry("e^z overflows above z = ln(largest float): float32 and float64", (_LN_MAX32, _LN_MAX64),
           lambda: tuple(np.log(np.finfo(t).max) for t in (np.float32, np.float64)),
           "for $z_k > {:.1f}$ in float32 and $z_k > {:.1f}$ in float64", rel_tol=1e-6),
    _entry("e^z overflow thresholds, printed", (_LN_MAX32, _LN_MAX64),
           lambda: tuple(np.log(np.finfo(t).max) for t in (np.float32, np.float64)),
           "```text float32 {:.1f} float64 {:.1f}", rel_tol=1e-6),
    _entry("a p = 0.1 coin's entropy, and H(p_hat) of the sample 0, 1", (-(0.1 * _LN(0.1) + 0.9 * _LN(0.9)), _LN(2)),
           lambda: (bernoulli_entropy(0.1), entropy(empirical_distribution([0, 1], 2))),
           "has entropy {:.6f} nats, yet a sample of two flips, one 0 and one 1, has $\\hat p = (0.5, 0.5)$ and "
           "$H(\\hat p) = \\ln 2 = {:.6f}$ nats"),
    _entry("samples of 10 from p = (0.4, 0.35, 0.25): P(H(p_hat) > H(p)), E[H(p_hat)], H(p)",
           _sample_entropy_oracle(), _sample_entropy_on_page,
           "```text P(H(p_hat) > H(p)) = {:.6f} E[H(p_hat)] = {:.6f} < H(p) = {:.6f} ```", rel_tol=1e-9),
    _entry("naive softmax cross-entropy of logits (1e4, 0, -1e4), class 0 and class 1; of (0, -200), class 1",
           (math.nan, math.inf, math.inf),
           lambda: (naive_softmax_nll(np.float32([1e4, 0.0, -1e4]), 0),
                    naive_softmax_nll(np.float32([1e4, 0.0, -1e4]), 1),
                    naive_softmax_nll(np.float32([0.0, -200.0]), 1)), "{} {} {} ``` The fix"),
    _entry("float32 logits (0, -200), class 1: the naive loss underflows; the true loss is 200 + ln(1 + e^-200)",
           (math.inf, 200.0 + math.log1p(math.exp(-200.0))),
           lambda: (naive_softmax_nll(np.float32([0.0, -200.0]), 1), softmax_nll([0.0, -200.0], 1)),
           "the 2nd class costs `{}` instead of {:g}"),
    _entry("stable cross-entropy of logits (1e4, 0, -1e4), classes 1 and 2; of (0, -200), class 1",
           (1e4, 2e4, 200.0 + math.log1p(math.exp(-200.0))),
           lambda: (softmax_nll([1e4, 0.0, -1e4], 1), softmax_nll([1e4, 0.0, -1e4], 2),
                    softmax_nll([0.0, -200.0], 1)), "```text {:.1f} {:.1f} {:.1f}"),
    _entry("stable float32 cross-entropy of logits (1e4, 0, -1e4), class 1", 10000.0, _float32_stable_loss,
           "```text {:.1f} True True ```"),
    _entry("gradient of CE w.r.t. the logits, 4-class example, 4th class true", (0.1, 0.3, 0.5, -0.9),
           lambda: _logit_gradient(_PROBS, 3), "[{:.1f}, {:.1f}, {:.1f}, {:.1f}]", abs_tol=1e-12),
    _entry("soft label (0, 0, 0.7, 0.3) against the 4-class prediction", 0.7 * _LN(2) + 0.3 * _LN(10),
           lambda: cross_entropy([0, 0, 0.7, 0.3], _PROBS), "0.3 \\ln 0.1) = {:.6f}"),
    _entry("entropy of the soft label (0, 0, 0.7, 0.3)", -(0.7 * _LN(0.7) + 0.3 * _LN(0.3)),
           lambda: entropy([0, 0, 0.7, 0.3]), "that target's entropy, {:.6f} nats"),
    _entry("smoothed target, eps 0.1, 4th of 4 classes true", (0.025, 0.025, 0.025, 0.925),
           lambda: smooth_labels(3, 4, 0.1), "\\tilde{{\\mathbf{{y}}}} = ({:.3f}, {:.3f}, {:.3f}, {:.3f})$", abs_tol=1e-15),
    _entry("label smoothing 0.1, 4th class true", _SMOOTH_4TH,
           lambda: cross_entropy(smooth_labels(3, 4, 0.1), _PROBS), "0.025 \\ln 2 = {:.6f} \\text{{ nats}}"),
    _entry("NLL = -ln 0.1, beside the smoothed value", 2.302585092994046, lambda: nll(_PROBS, 3),
           "compared with {:.6f} nats without smoothing", shown="2.3", rel_tol=1e-15),
    _entry("label smoothing 0.1, 3rd class true; and unsmoothed", (_SMOOTH_3RD, _LN(2)),
           lambda: (cross_entropy(smooth_labels(2, 4, 0.1), _PROBS), nll(_PROBS, 2)),
           "the loss is {:.6f} nats, compared with {:.6f}"),
    _entry("label smoothing floor: H(q) of the smoothed target, ours and PyTorch's", (_H_SMOOTH, _H_SMOOTH),
           lambda: (entropy(smooth_labels(3, 4, 0.1)), _smoothing_floor_torch()),
           "```text {:.6f} (PyTorch {:.6f}) ```"),
    _entry("label smoothing floor in the prose", _H_SMOOTH, lambda: entropy(smooth_labels(3, 4, 0.1)),
           "H(\\tilde{{\\mathbf{{y}}}}) = {:.6f}$ nats"),
    _entry("multi-label BCE of (0.8, 0.1, 0.6, 0.3) against (1, 0, 1, 0)",
           -(_LN(0.8) + _LN(0.9) + _LN(0.6) + _LN(0.7)) / 4,
           lambda: binary_cross_entropy([0.8, 0.1, 0.6, 0.3], [1, 0, 1, 0]), "\\ln 0.7)/4 = {:.6f}$ nats"),
    _entry("dog on a beach: sigmoids of (3, -4, 2, -3)", tuple(round(_sigmoid(z), 3) for z in (3, -4, 2, -3)),
           lambda: np.exp(log_sigmoid([3.0, -4.0, 2.0, -3.0])).round(3),
           "sigmoid: [{:.3f} {:.3f} {:.3f} {:.3f}]", rel_tol=0, abs_tol=1e-12),
    _entry("dog on a beach: softmax of (3, -4, 2, -3)", tuple(round(v, 3) for v in _softmax([3, -4, 2, -3])),
           lambda: np.exp(log_softmax([3.0, -4.0, 2.0, -3.0])).round(3),
           "softmax: [{:.3f} {:.3f} {:.3f} {:.3f}]", rel_tol=0, abs_tol=1e-12),
]
