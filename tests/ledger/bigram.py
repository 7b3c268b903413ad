"""The worked numbers of the bigram chapter (``snippets/bigram.py``), each with its independent value."""

from __future__ import annotations

import functools
import math
import random

import torch

from snippets.bigram import (
    bigrams, count_model_nll, count_probs, count_table, load_names, mean_nll, train, train_one_hot, word_nll,
)
from tests.ledger import WorkedNumber

REG = 0.01  # the penalty weight of the chapter's run


@functools.cache
def chapter_run(reg: float = REG):
    """The chapter's run: 1000 steps on the census names, trained once per test session.

    tests/test_bigram.py imports this cache too. The tensors are small, so one thread is
    faster than several on a busy machine; the previous setting is restored."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        return train(load_names(), steps=1000, reg=reg)
    finally:
        torch.set_num_threads(threads)


_run = chapter_run


def _final_parts() -> tuple[float, float]:
    """(mean NLL, penalty) of the run's final W."""
    W = _run().W
    return mean_nll(W, load_names()), REG * (W**2).mean().item()


def _initial_parts() -> tuple[float, float]:
    """(mean NLL, penalty) of the seeded random start, as the page computes them."""
    W0 = torch.randn((27, 27), generator=torch.Generator().manual_seed(2147483647))
    xs, ys = bigrams(load_names())
    return -W0.log_softmax(dim=1)[xs, ys].mean().item(), REG * (W0**2).mean().item()


def _weighted_kl() -> float:
    """(1/n) sum_i R_i KL(q_i || P_i), as the page computes it."""
    counts = count_table(load_names())
    q = count_probs(counts)
    kl_rows = torch.xlogy(q, q / _run().W.softmax(dim=1)).sum(dim=1)
    return (counts.sum(dim=1) * kl_rows).sum().item() / counts.sum().item()


def _first_loss() -> float:
    return train_one_hot(load_names(), steps=1)[1][0]


@functools.cache
def _random_tables() -> tuple[float, float]:
    """(mean, standard deviation) of the NLL part of 2000 random W, as the page computes them."""
    g = torch.Generator().manual_seed(0)
    Ws = torch.randn((2000, 27, 27), generator=g, dtype=torch.float64)
    counts = count_table(load_names())
    parts = -(Ws.log_softmax(dim=2) * counts).sum(dim=(1, 2)) / counts.sum()
    return parts.mean().item(), parts.std().item()


def _add_k_costs(k: float) -> tuple[float, float]:
    """(predicted k Z / n, actual rise of the training NLL) for add-k smoothing, as the page computes them."""
    names = load_names()
    n, Z = len(bigrams(names)[0]), (count_table(names) == 0).sum().item()
    return k * Z / n, count_model_nll(names, smoothing=k) - count_model_nll(names)


def _held_out(k: float) -> float:
    """Mean NLL on the held-out fifth of the names of add-k counts fitted on the rest, as the page computes it."""
    names = load_names()
    shuffled = random.Random(0).sample(names, len(names))
    fit, held_out = shuffled[:4130], shuffled[4130:]
    hx, hy = bigrams(held_out)
    return -count_probs(count_table(fit), smoothing=k)[hx, hy].log().mean().item()


N_BIGRAMS = 36122
ZEROS = 279  # empty cells of the count table
BEST = 2.334565660381191  # plain-Python counting (tests/test_bigram.py)
ADD_K = {0.1: 2.3353389239073223, 1: 2.3422809409084255, 2: 2.349815747335121}  # the same, add-k
HELD_OUT = {0: math.inf, 0.1: 2.3542033550674457, 1: 2.36018168238191, 2: 2.3682013803579096}  # plain Python
START_NLL = 3.7987029  # the seeded random W, in NumPy from the same draw
# E[ln sum of 27 e^z], z ~ N(0, 1), by quadrature: ln x = integral over t > 0 of (e^-t - e^-tx) / t
E_LSE = 3.766300315512732
# sd of the count-weighted NLL part of a random W: sqrt(sum_i (R_i/n)^2 (Var lse - 2/27 + |p_i|^2)),
# with Var lse = 0.0579925 by a NumPy Monte Carlo of 2 million rows (tests/test_bigram.py checks both)
SD_START = 0.09343239428429177
TRAINED_NLL = 2.3441430330016315  # a NumPy descent with a hand-derived gradient
PLAIN_NLL = 2.337087255554475  # the same, without the penalty

#: Every number the bigram chapter states. ``exact`` values were computed independently of
#: the chapter's code (plain-Python counting, a NumPy re-implementation of gradient descent
#: with a hand-derived gradient, closed forms); tests/test_bigram.py recomputes each of them.
WORKED_NUMBERS = [
    WorkedNumber("distinct first names in the census lists of `names` 0.3.0", "site", "-", 5163,
                 lambda: len(load_names()), "bigram.md", "{:,.0f} distinct first names,"),
    WorkedNumber("bigrams in those names, each framed by `.`", "site", "-", N_BIGRAMS,
                 lambda: len(bigrams(load_names())[0]), "bigram.md", "distinct first names, {:,.0f} bigrams"),
    WorkedNumber("cells of the 27 x 27 count table that are zero", "site", "-", 279,
                 lambda: int((count_table(load_names()) == 0).sum()), "bigram.md",
                 "{:.0f} of the 729 cells are zero"),
    WorkedNumber("bigrams that start with x (row x's total)", "site", "-", 36,
                 lambda: sum(w[:-1].count("x") + (w[-1] == "x") for w in load_names()), "bigram.md",
                 "row x has $R = {:.0f}$"),
    WorkedNumber("seen cells of the count table whose count is 1", "site", "-", 39,
                 lambda: int((count_table(load_names()) == 1).sum()), "bigram.md",
                 "and {:.0f} seen cells\nhave $N_{{ij}} = 1$"),
    WorkedNumber("mean NLL of the count model (the minimum over bigram models)", "site", "-", BEST,
                 lambda: count_model_nll(load_names()), "bigram.md",
                 "the count model's mean NLL is {:.4f} nats per bigram", rel_tol=1e-12),
    WorkedNumber("the count model's mean NLL, printed", "site", "-", BEST,
                 lambda: count_model_nll(load_names()), "bigram.md",
                 "count model: mean NLL {:.4f}, perplexity", rel_tol=1e-12),
    WorkedNumber("perplexity of the count model", "site", "-", math.exp(BEST),
                 lambda: math.exp(count_model_nll(load_names())), "bigram.md",
                 "as much as a fair pick among {:.2f} symbols", rel_tol=1e-12),
    WorkedNumber("perplexity of the count model, printed", "site", "-", math.exp(BEST),
                 lambda: math.exp(count_model_nll(load_names())), "bigram.md",
                 "mean NLL 2.3346, perplexity {:.2f}", rel_tol=1e-12),
    WorkedNumber("mean NLL of the uniform model, ln 27", "site", "-", math.log(27),
                 lambda: mean_nll(torch.zeros((27, 27)), load_names()), "bigram.md",
                 "uniform: mean NLL {:.4f}, perplexity 27.00", rel_tol=1e-12),
    WorkedNumber("ln 27, in the prose", "site", "-", math.log(27),
                 lambda: mean_nll(torch.zeros((27, 27)), load_names()), "bigram.md",
                 "the $\\ln 27 = {:.4f}$ of the uniform model", rel_tol=1e-12),
    WorkedNumber("NLL per bigram of 'bjorn' under add-1 smoothing", "site", "-", 2.9311779582535604,
                 lambda: word_nll(count_probs(count_table(load_names()), 1.0), "bjorn"), "bigram.md",
                 "with $k = 1$ *Bjorn* costs {:.2f} nats per bigram", rel_tol=1e-12),
    WorkedNumber("mean NLL with add-0 smoothing", "site", "-", BEST,
                 lambda: count_model_nll(load_names(), smoothing=0), "bigram.md",
                 "k = 0 mean NLL {:.4f}", rel_tol=1e-12),
    WorkedNumber("mean NLL with add-0.1 smoothing", "site", "-", 2.3353389239073223,
                 lambda: count_model_nll(load_names(), smoothing=0.1), "bigram.md",
                 "k = 0.1 mean NLL {:.4f}", rel_tol=1e-12),
    WorkedNumber("mean NLL with add-1 smoothing", "site", "-", 2.3422809409084255,
                 lambda: count_model_nll(load_names(), smoothing=1), "bigram.md",
                 "k = 1 mean NLL {:.4f}", rel_tol=1e-12),
    WorkedNumber("mean NLL with add-2 smoothing", "site", "-", 2.349815747335121,
                 lambda: count_model_nll(load_names(), smoothing=2), "bigram.md",
                 "k = 2 mean NLL {:.4f}", rel_tol=1e-12),
    WorkedNumber("empty cells Z in the first-order cost of add-k", "site", "-", ZEROS,
                 lambda: int((count_table(load_names()) == 0).sum()), "bigram.md", "with $Z = {:.0f}$ the empty cells"),
    *(WorkedNumber(f"add-{k} smoothing: predicted k Z / n and actual rise of the training NLL", "site", "-",
                   (k * ZEROS / N_BIGRAMS, ADD_K[k] - BEST), functools.partial(_add_k_costs, k), "bigram.md",
                   f"k = {k} predicted {{:.5f}} actual {{:.5f}}", rel_tol=1e-9) for k in (0.1, 1, 2)),
    *(WorkedNumber(f"held-out mean NLL of add-{k} counts (fixed shuffle, 4130 names fitted)", "site", "-",
                   HELD_OUT[k], functools.partial(_held_out, k), "bigram.md",
                   f"k = {k} held-out mean NLL {{:.4f}}", rel_tol=1e-12) for k in (0, 0.1, 1, 2)),
    WorkedNumber("the one-hot loop's loss at step 1 (NLL + penalty, random W)", "site", "-", 3.8083679847148333,
                 _first_loss, "bigram.md", "loss before the first step: {:.4f}", rel_tol=1e-6),
    WorkedNumber("that loss, in the prose", "site", "-", 3.8083679847148333,
                 _first_loss, "bigram.md", "From a random start the loss is {:.4f}", rel_tol=1e-6),
    WorkedNumber("the loss at step 1 above ln 27: about sigma^2 / 2 = 1/2 nat", "site", "-", 0.5,
                 lambda: _first_loss() - math.log(27), "bigram.md", "about half a nat ({:.4f}) worse than",
                 abs_tol=0.02),
    WorkedNumber("E[logsumexp] of 27 N(0, 1) logits, ln 27 + 1/2", "site", "-", math.log(27) + 0.5,
                 lambda: math.log(27) + 0.5, "bigram.md", "= \\ln 27 + \\tfrac12 = {:.4f}", rel_tol=1e-12),
    WorkedNumber("ln 27 + 1/2, printed", "site", "-", math.log(27) + 0.5,
                 lambda: math.log(27) + 0.5, "bigram.md", "first order: {:.4f}", rel_tol=1e-12),
    WorkedNumber("second order: ln mu - Var X / (2 mu^2), X a sum of 27 e^z", "site", "-",
                 math.log(27 * math.exp(0.5)) - 27 * (math.exp(2) - math.exp(1)) / (2 * (27 * math.exp(0.5)) ** 2),
                 lambda: math.log(27) + 0.5 - (math.e - 1) / 54, "bigram.md",
                 "\\frac{{e^{{\\sigma^2}} - 1}}{{2C}} = {:.4f}", rel_tol=1e-12),
    WorkedNumber("the second order, printed", "site", "-",
                 math.log(27 * math.exp(0.5)) - 27 * (math.exp(2) - math.exp(1)) / (2 * (27 * math.exp(0.5)) ** 2),
                 lambda: math.log(27) + 0.5 - (math.e - 1) / 54, "bigram.md", "second order: {:.4f}",
                 rel_tol=1e-12),
    WorkedNumber("mean NLL of the seeded random W (before the first step)", "site", "-", 3.7987029,
                 lambda: _initial_parts()[0], "bigram.md", "gives an NLL part of {:.4f}", rel_tol=1e-6),
    WorkedNumber("penalty of the seeded random W", "site", "-", 0.0096651542,
                 lambda: _initial_parts()[1], "bigram.md",
                 "$0.01 \\cdot \\mathrm{{mean}}(W^2) = {:.4f}$", rel_tol=1e-6),
    WorkedNumber("NLL + penalty of the seeded random W, printed", "site", "-",
                 (3.7987029, 0.0096651542, 3.8083680),
                 lambda: (*_initial_parts(), sum(_initial_parts())), "bigram.md", "{:.4f} + {:.4f} = {:.4f}",
                 rel_tol=1e-6),
    WorkedNumber("NLL part of 2000 random W: mean and standard deviation, printed", "site", "-",
                 (E_LSE, SD_START), _random_tables, "bigram.md", "mean {:.4f}, standard deviation {:.3f}",
                 abs_tol=0.007),  # the mean within 3 standard errors (0.094 / sqrt(2000)), the sd within 0.005
    WorkedNumber("the mean NLL part of a random W, in the prose", "site", "-", E_LSE,
                 lambda: _random_tables()[0], "bigram.md", "The NLL part of a random table is about {:.2f}",
                 abs_tol=0.007),
    WorkedNumber("the seeded draw minus the mean of 2000 random W, printed", "site", "-", START_NLL - E_LSE,
                 lambda: _initial_parts()[0] - _random_tables()[0], "bigram.md",
                 "the draw used here: {:+.3f} from the mean", abs_tol=0.007),
    WorkedNumber("the seeded draw above the mean, in the prose", "site", "-", START_NLL - E_LSE,
                 lambda: _initial_parts()[0] - _random_tables()[0], "bigram.md",
                 "the draw used here lands {:.2f} above that by chance", abs_tol=0.007),
    WorkedNumber("that distance in standard deviations: about a third", "site", "-", (START_NLL - E_LSE) / SD_START,
                 lambda: (_initial_parts()[0] - _random_tables()[0]) / _random_tables()[1], "bigram.md",
                 "about a third ({:.2f}) of a standard deviation", abs_tol=0.1),
    WorkedNumber("loss after 1000 steps (NLL + penalty), printed", "site", "-",
                 (2.3677610848191, 2.3441430330016315, 0.023618051817468597),
                 lambda: (sum(_final_parts()), *_final_parts()), "bigram.md",
                 "loss {:.5f} = NLL {:.5f} + penalty {:.5f}", rel_tol=1e-8),
    WorkedNumber("loss after 1000 steps (NLL + penalty)", "site", "-", 2.3677610848191,
                 lambda: sum(_final_parts()), "bigram.md", "the loss has fallen to {:.5f}", rel_tol=1e-9),
    WorkedNumber("that loss, in the split", "site", "-", 2.3677610848191,
                 lambda: sum(_final_parts()), "bigram.md",
                 "\\underbrace{{{:.5f}}}_{{\\text{{total loss}}}}", rel_tol=1e-9),
    WorkedNumber("its mean-NLL part", "site", "-", TRAINED_NLL,
                 lambda: _final_parts()[0], "bigram.md",
                 "\\underbrace{{{:.5f}}}_{{\\text{{mean NLL}}}}", rel_tol=1e-9),
    WorkedNumber("its penalty part, 0.01 * mean(W**2)", "site", "-", 0.023618051817468597,
                 lambda: _final_parts()[1], "bigram.md",
                 "\\underbrace{{{:.5f}}}_{{0.01 \\cdot \\mathrm{{mean}}(W^2)}}", rel_tol=1e-8),
    WorkedNumber("count model's NLL, as the line in the loss figure", "site", "-", BEST,
                 lambda: count_model_nll(load_names()), "bigram.md",
                 "approach the count model's {:.4f} from above", rel_tol=1e-12),
    WorkedNumber("gradient descent's final NLL minus the count model's", "site", "-", TRAINED_NLL - BEST,
                 lambda: _final_parts()[0] - count_model_nll(load_names()), "bigram.md",
                 "The NLL part ends {:.4f} above the minimum", rel_tol=1e-7),
    WorkedNumber("that gap, printed", "site", "-", TRAINED_NLL - BEST,
                 lambda: _final_parts()[0] - count_model_nll(load_names()), "bigram.md",
                 "NLL above the count model by {:.4f}", rel_tol=1e-7),
    WorkedNumber("that gap, nearly all of it the penalty's doing", "site", "-", TRAINED_NLL - BEST,
                 lambda: _final_parts()[0] - count_model_nll(load_names()), "bigram.md",
                 "so nearly all of the {:.4f} is the penalty's doing", rel_tol=1e-7),
    WorkedNumber("the weighted KL, printed", "site", "-", TRAINED_NLL - BEST,
                 _weighted_kl, "bigram.md", "/ len(xs):.4f}}\") ``` ```text {:.4f} ```", rel_tol=1e-7),
    WorkedNumber("final NLL after 1000 steps without the penalty (reg=0)", "site", "-", PLAIN_NLL,
                 lambda: mean_nll(_run(0.0).W, load_names()), "bigram.md",
                 "mean_nll(plain.W, names):.4f}}\") ``` ```text {:.4f} ```", rel_tol=1e-9),
    WorkedNumber("gap without the penalty", "site", "-", PLAIN_NLL - BEST,
                 lambda: mean_nll(_run(0.0).W, load_names()) - count_model_nll(load_names()), "bigram.md",
                 "Without the penalty the gap is {:.4f}", rel_tol=1e-7),
    WorkedNumber("pseudo-count scale c = 2 * reg * n / 729", "site", "-", 2 * 0.01 * N_BIGRAMS / 729,
                 lambda: 2 * REG * len(bigrams(load_names())[0]) / 729, "bigram.md",
                 "c = \\frac{{2 \\lambda n}}{{729}} = {:.3f}", rel_tol=1e-12),
    WorkedNumber("NLL per bigram of 'bjorn' under the trained model", "site", "-", 2.8862031539255426,
                 lambda: word_nll(_run().W.softmax(dim=1), "bjorn"), "bigram.md",
                 "bjorn: {:.2f} nats per bigram", rel_tol=1e-9),
    WorkedNumber("mean NLL of the trained model", "site", "-", TRAINED_NLL,
                 lambda: _final_parts()[0], "bigram.md", "the trained model's {:.4f} sits between", rel_tol=1e-9),
    WorkedNumber("perplexity of the trained model", "site", "-", math.exp(TRAINED_NLL),
                 lambda: math.exp(_final_parts()[0]), "bigram.md", "its perplexity of {:.2f} compares",
                 rel_tol=1e-9),
    WorkedNumber("perplexity of the trained model, printed", "site", "-", math.exp(TRAINED_NLL),
                 lambda: math.exp(_final_parts()[0]), "bigram.md", "nats per bigram perplexity {:.2f}",
                 rel_tol=1e-9),
    WorkedNumber("perplexity of the count model, compared", "site", "-", math.exp(BEST),
                 lambda: math.exp(count_model_nll(load_names())), "bigram.md",
                 "compares with {:.2f} for the count model", rel_tol=1e-12),
    WorkedNumber("rows of the one-hot matrix (one per bigram)", "site", "-", N_BIGRAMS,
                 lambda: len(bigrams(load_names())[0]), "bigram.md", "builds a {:,.0f} × 27 matrix"),
    WorkedNumber("rows a per-bigram softmax would normalise", "site", "-", N_BIGRAMS,
                 lambda: len(bigrams(load_names())[0]), "bigram.md", "instead of normalising {:,.0f} copies"),
]
