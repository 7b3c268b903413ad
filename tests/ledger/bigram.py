"""The worked numbers of the chapter that ``snippets/bigram.py`` serves: each with its independent value."""

from __future__ import annotations

import math

import numpy as np
import torch

from snippets.bigram import *  # noqa: F401,F403 - the entries call the chapter's functions
from snippets import bigram as chapter  # noqa: F401
from tests.ledger import WorkedNumber

def _final_parts() -> tuple[float, float]:
    """(mean NLL, penalty) of the reference run's final W."""
    W = reference_run().W
    return mean_nll(W, load_names()), REFERENCE["reg"] * (W**2).mean().item()


def _bjorn_trained() -> float:
    return word_nll(model_probs(reference_run().W), "bjorn")


#: Every number the bigram chapter states. ``exact`` values were computed independently of
#: this module (plain-Python counting, a NumPy re-implementation of gradient descent with a
#: hand-derived gradient, closed forms); tests/test_bigram.py recomputes each of them.
WORKED_NUMBERS = [
    WorkedNumber("distinct first names in the census lists of `names` 0.3.0", "site", "-", 5163,
                 lambda: len(load_names()), "bigram.md", "**{:,.0f} distinct first names**"),
    WorkedNumber("bigrams in those names, each framed by `.`", "site", "-", 36122,
                 lambda: len(bigrams(load_names())[0]), "bigram.md", "**{:,.0f} bigrams**"),
    WorkedNumber("cells of the 27 x 27 count table that are zero", "site", "-", 279,
                 lambda: int((count_table(load_names()) == 0).sum()), "bigram.md",
                 "**{:.0f} of the 729 cells are zero**"),
    WorkedNumber("mean NLL of the count model (the minimum over bigram models)", "site", "-",
                 2.334565660381191, lambda: count_model_nll(load_names()), "bigram.md",
                 "the count model's mean NLL is **{:.4f} nats per bigram**", rel_tol=1e-12),
    WorkedNumber("mean NLL of the uniform model, ln 27", "site", "-", math.log(27),
                 lambda: mean_nll(torch.zeros((27, 27)), load_names()), "bigram.md",
                 "$\\ln 27 = {:.4f}$", rel_tol=1e-12),
    WorkedNumber("perplexity of the count model", "site", "-", math.exp(2.334565660381191),
                 lambda: perplexity(count_model_nll(load_names())), "bigram.md",
                 "The count model's perplexity is **{:.2f}**", rel_tol=1e-12),
    WorkedNumber("NLL per bigram of 'bjorn' under add-1 smoothing", "site", "-", 2.9311779582535604,
                 lambda: word_nll(count_probs(count_table(load_names()), 1.0), "bjorn"), "bigram.md",
                 "with $k = 1$ *Bjorn* costs ${:.2f}$ nats per bigram", rel_tol=1e-12),
    WorkedNumber("mean NLL with add-0 smoothing", "site", "-", 2.334565660381191,
                 lambda: count_model_nll(load_names(), smoothing=0.0), "bigram.md",
                 "| 0 (the count model) | {:.4f} |", rel_tol=1e-12),
    WorkedNumber("mean NLL with add-0.1 smoothing", "site", "-", 2.3353389239073223,
                 lambda: count_model_nll(load_names(), smoothing=0.1), "bigram.md",
                 "| 0.1 | {:.4f} |", rel_tol=1e-12),
    WorkedNumber("mean NLL with add-1 smoothing", "site", "-", 2.3422809409084255,
                 lambda: count_model_nll(load_names(), smoothing=1.0), "bigram.md",
                 "| 1 | {:.4f} |", rel_tol=1e-12),
    WorkedNumber("mean NLL with add-2 smoothing", "site", "-", 2.349815747335121,
                 lambda: count_model_nll(load_names(), smoothing=2.0), "bigram.md",
                 "| 2 | {:.4f} |", rel_tol=1e-12),
    WorkedNumber("seed 002's loss at step 1 (NLL + penalty, random W)", "site", "-", 3.8083679847148333,
                 lambda: reference_run().losses[0], "bigram.md",
                 "From a random start the loss is **{:.4f}**", rel_tol=1e-9),
    WorkedNumber("seed 002's loss after 1000 steps (NLL + penalty)", "site", "-", 2.3677610848191,
                 lambda: sum(_final_parts()), "bigram.md",
                 "the source's loss has fallen to **{:.5f}**", rel_tol=1e-9),
    WorkedNumber("that loss, in the split", "site", "-", 2.3677610848191,
                 lambda: sum(_final_parts()), "bigram.md",
                 "\\underbrace{{{:.5f}}}_{{\\text{{total loss}}}}", rel_tol=1e-9),
    WorkedNumber("its mean-NLL part", "site", "-", 2.3441430330016315,
                 lambda: _final_parts()[0], "bigram.md",
                 "\\underbrace{{{:.5f}}}_{{\\text{{mean NLL}}}}", rel_tol=1e-9),
    WorkedNumber("its penalty part, 0.01 * mean(W**2)", "site", "-", 0.023618051817468597,
                 lambda: _final_parts()[1], "bigram.md",
                 "\\underbrace{{{:.5f}}}_{{0.01 \\cdot \\mathrm{{mean}}(W^2)}}", rel_tol=1e-8),
    WorkedNumber("count model's NLL, as the line in the loss figure", "site", "-", 2.334565660381191,
                 lambda: count_model_nll(load_names()), "bigram.md",
                 "approach the count model's {:.4f} from above", rel_tol=1e-12),
    WorkedNumber("gradient descent's final NLL minus the count model's", "site", "-",
                 2.3441430330016315 - 2.334565660381191,
                 lambda: _final_parts()[0] - count_model_nll(load_names()), "bigram.md",
                 "**{:.4f} above the minimum**", rel_tol=1e-7),
    WorkedNumber("final NLL after 1000 steps without the penalty (reg=0)", "site", "-", 2.337087255554475,
                 lambda: mean_nll(train_cached(load_names(), **{**REFERENCE, "reg": 0.0}).W, load_names()),
                 "bigram.md", "the NLL ends at **{:.4f}**", rel_tol=1e-9),
    WorkedNumber("pseudo-count scale c = 2 * reg * n / 729", "site", "-", 2 * 0.01 * 36122 / 729,
                 lambda: 2 * REFERENCE["reg"] * len(bigrams(load_names())[0]) / 729, "bigram.md",
                 "c = \\frac{{2 \\lambda n}}{{729}} = {:.3f}", rel_tol=1e-12),
    WorkedNumber("NLL per bigram of 'bjorn' under the trained model", "site", "-", 2.8862031539255426,
                 _bjorn_trained, "bigram.md", "finite **{:.2f} nats per bigram**", rel_tol=1e-9),
    WorkedNumber("mean NLL of the trained model", "site", "-", 2.3441430330016315,
                 lambda: _final_parts()[0], "bigram.md",
                 "the trained model's {:.4f} sits between", rel_tol=1e-9),
    WorkedNumber("perplexity of the trained model", "site", "-", math.exp(2.3441430330016315),
                 lambda: perplexity(_final_parts()[0]), "bigram.md",
                 "Its perplexity is **{:.2f}**", rel_tol=1e-9),
    WorkedNumber("perplexity of the count model, compared", "site", "-", math.exp(2.334565660381191),
                 lambda: perplexity(count_model_nll(load_names())), "bigram.md",
                 "against {:.2f} for the count model", rel_tol=1e-12),
    WorkedNumber("rows of the one-hot matrix (one per bigram)", "site", "-", 36122,
                 lambda: len(bigrams(load_names())[0]), "bigram.md", "builds a {:,.0f} × 27 matrix"),
    WorkedNumber("rows a per-bigram softmax would normalise", "site", "-", 36122,
                 lambda: len(bigrams(load_names())[0]), "bigram.md", "instead of normalising {:,.0f} copies"),
]
