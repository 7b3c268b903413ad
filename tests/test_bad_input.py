"""Bad input, exhaustively: every public function of ``snippets`` refuses it loudly.

One table, one dict per ``snippets`` module keyed by function name, lists each function's
invalid inputs: wrong shapes, out-of-range labels, probabilities outside [0, 1] or not
summing to 1, NaN, empty data, non-positive scales, wrong types. Each must raise
``ValueError`` whose message says what was wrong (the case's ``says``) and what was
expected (the word "expected"): never a silent NaN, never a wrong answer.

The table must be complete: a public function (defined in its module, name not starting
with ``_``, taking at least one argument) without an entry fails
``test_every_public_function_has_bad_inputs``. Not in the table: the build machinery
(``figures``, ``sitebuild``, ``ledger``, ``__main__``), which readers do not call with
data, and the figure functions, which take no arguments.

To cover a new chapter module ``snippets/<module>.py``: import it below and add a
``"<module>": {...}`` dict with at least two cases per public function.
"""

from __future__ import annotations

import importlib
import inspect
import math
import pkgutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pytest
import torch

import snippets
from snippets import bigram as bigram_module
from snippets import checks
from snippets import cross_entropy as ce_module
from snippets import likelihood as likelihood_module
from snippets import log_likelihood as log_likelihood_module
from snippets import maximum_likelihood as ml_module
from snippets import nll as nll_module
from snippets import pytorch_losses as pl_module
from snippets.figures import collect as registered_figures
from tests.sitetools import TALLY

#: Modules that build the site rather than teach: their functions take no reader's data.
BUILD_MODULES = {"__main__", "figures", "sitebuild", "ledger"}

#: The kinds of bad input the project promises to refuse (a case's ``kind`` is one of these).
KINDS = {"shape", "label", "range", "sum", "nan", "empty", "scale", "type", "count"}


@dataclass(frozen=True)
class Bad:
    """One invalid call: its kind, the call, and what the message must say was wrong."""

    kind: str
    call: Callable[[], Any]
    says: str


nan, inf = math.nan, math.inf
P = [0.1, 0.3, 0.5, 0.1]
BATCH = [P, P]
T = torch.tensor([[0.1, 0.3, 0.5, 0.1], [0.25, 0.25, 0.25, 0.25]], dtype=torch.float64)
DATA = [48.8, 49.3, 52.5, 53.2, 57.6]  # five observations, as in the likelihood chapters
LOGITS = [[1.0, 2.0]]  # one prediction over two classes
LOG_HALVES = [[math.log(0.5), math.log(0.5)]]  # log-probabilities of one two-class prediction

# The bigram cases use a tiny word list: no case here counts or trains on the census names.
WORDS = ["emma", "ava"]
COUNTS = bigram_module.count_table(WORDS)  # int64 (27, 27)
UNIFORM = torch.full((27, 27), 1 / 27, dtype=torch.float64)  # every next symbol equally likely
NEVER_ENDS = torch.ones((27, 27), dtype=torch.int64).index_fill_(1, torch.tensor([0]), 0)  # "." never follows
_SCRATCH = tempfile.TemporaryDirectory(prefix="bad-input-")  # removed when the test run ends
SCRATCH = Path(_SCRATCH.name)  # files for read_words, a cache folder for train_cached


def word_file(text: str | bytes | None, name: str = "words.txt") -> Path:
    """A file holding ``text`` (not created when ``text`` is None), for ``read_words``."""
    path = SCRATCH / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    elif text is not None:
        path.write_text(text, encoding="utf-8")
    return path

BAD_INPUTS: dict[str, dict[str, list[Bad]]] = {
    "checks": {
        "as_float_array": [
            Bad("nan", lambda: checks.as_float_array([1.0, nan], "x"), "contains NaN"),
            Bad("type", lambda: checks.as_float_array(["a", "b"], "x"), "real numbers"),
            Bad("type", lambda: checks.as_float_array([True, False], "x"), "got dtype bool"),
            Bad("type", lambda: checks.as_float_array([1 + 2j], "x"), "got dtype complex"),
            Bad("shape", lambda: checks.as_float_array([[1.0], [1.0, 2.0]], "x"), "could not read"),
        ],
        "finite_array": [
            Bad("empty", lambda: checks.finite_array([], "x"), "is empty"),
            Bad("range", lambda: checks.finite_array([1.0, inf], "x"), "contains infinity"),
            Bad("range", lambda: checks.finite_array([-inf], "x"), "contains infinity"),
            Bad("nan", lambda: checks.finite_array(np.array([nan]), "x"), "contains NaN"),
            Bad("type", lambda: checks.finite_array("abc", "x"), "real numbers"),
        ],
        "probabilities": [
            Bad("range", lambda: checks.probabilities([0.5, 1.5]), "contains 1.5"),
            Bad("range", lambda: checks.probabilities([-0.1, 1.1]), "contains -0.1"),
            Bad("range", lambda: checks.probabilities([inf]), "contains inf"),
            Bad("nan", lambda: checks.probabilities([nan, 0.5]), "contains NaN"),
            Bad("empty", lambda: checks.probabilities([]), "is empty"),
        ],
        "probability_rows": [
            Bad("sum", lambda: checks.probability_rows([0.2, 0.9]), "sums to 1.1"),
            Bad("sum", lambda: checks.probability_rows([[0.5, 0.5], [0.4, 0.4]]), "row 1 sums to 0.8"),
            Bad("range", lambda: checks.probability_rows([1.2, -0.2]), "contains 1.2"),
            Bad("shape", lambda: checks.probability_rows([[[0.5, 0.5]]]), "has shape (1, 1, 2)"),
            Bad("shape", lambda: checks.probability_rows([1.0]), "has 1 class"),
            Bad("nan", lambda: checks.probability_rows(torch.tensor([nan, 1.0])), "contains NaN"),
            Bad("empty", lambda: checks.probability_rows(np.zeros((0, 3))), "is empty"),
            Bad("scale", lambda: checks.probability_rows([0.5, 0.5], tol=-1e-6), "tol: is -1e-06"),
            Bad("scale", lambda: checks.probability_rows([0.5, 0.5], tol=nan), "tol: is nan"),
        ],
        "class_labels": [
            Bad("label", lambda: checks.class_labels([3], 3), "label 3 is out of range"),
            Bad("label", lambda: checks.class_labels([-1], 3), "label -1 is out of range"),
            Bad("type", lambda: checks.class_labels([0.5], 3), "integer class indices"),
            Bad("type", lambda: checks.class_labels([True], 3), "integer class indices"),
            Bad("nan", lambda: checks.class_labels([nan], 3), "integer class indices"),
            Bad("shape", lambda: checks.class_labels([[0, 1]], 3), "has shape (1, 2)"),
            Bad("empty", lambda: checks.class_labels([], 3), "is empty"),
            Bad("count", lambda: checks.class_labels([0, 1], 3, count=3), "has 2 labels"),
        ],
        "positive_scale": [
            Bad("scale", lambda: checks.positive_scale(0.0), "is 0"),
            Bad("scale", lambda: checks.positive_scale(-2.5), "is -2.5"),
            Bad("nan", lambda: checks.positive_scale(nan), "contains NaN"),
            Bad("range", lambda: checks.positive_scale(inf), "contains infinity"),
            Bad("shape", lambda: checks.positive_scale([1.0, 2.0]), "a single number"),
            Bad("empty", lambda: checks.positive_scale([]), "is empty"),
        ],
        "finite_number": [
            Bad("nan", lambda: checks.finite_number(nan, "mu"), "mu: contains NaN"),
            Bad("range", lambda: checks.finite_number(-inf, "mu"), "mu: contains infinity"),
            Bad("shape", lambda: checks.finite_number([1.0, 2.0], "mu"), "got shape (2,)"),
            Bad("type", lambda: checks.finite_number(True, "mu"), "got dtype bool"),
            Bad("empty", lambda: checks.finite_number([], "mu"), "mu: is empty"),
        ],
        "ordered_interval": [
            Bad("range", lambda: checks.ordered_interval(3, 1), "low: is 3, greater than high = 1"),
            Bad("range", lambda: checks.ordered_interval(2, 1, names=("a", "b")), "a: is 2, greater than b = 1"),
            Bad("nan", lambda: checks.ordered_interval(0, nan), "high: contains NaN"),
            Bad("range", lambda: checks.ordered_interval(-inf, 0), "low: contains infinity"),
            Bad("shape", lambda: checks.ordered_interval([0, 1], 2), "low: expected a single number"),
        ],
        "observations": [
            Bad("shape", lambda: checks.observations([[1.0, 2.0], [3.0, 4.0]]), "data: has shape (2, 2)"),
            Bad("empty", lambda: checks.observations([]), "data: is empty"),
            Bad("nan", lambda: checks.observations([1.0, nan]), "data: contains NaN at index (1,)"),
            Bad("range", lambda: checks.observations([inf]), "data: contains infinity"),
            Bad("type", lambda: checks.observations(["a"]), "data: expected real numbers"),
        ],
        "probability": [
            Bad("range", lambda: checks.probability(1.5), "p: contains 1.5"),
            Bad("range", lambda: checks.probability(-0.1), "p: contains -0.1"),
            Bad("nan", lambda: checks.probability(nan), "p: contains NaN"),
            Bad("shape", lambda: checks.probability([0.5, 0.5]), "p: expected a single number, got shape (2,)"),
        ],
        "whole_number": [
            Bad("count", lambda: checks.whole_number(-1, "count"), "count: is -1, expected an integer >= 0"),
            Bad("count", lambda: checks.whole_number(11, "k", high=10), "k: is 11, expected an integer between 0 and 10"),
            Bad("type", lambda: checks.whole_number(2.5, "count"), "count: is 2.5"),
            Bad("type", lambda: checks.whole_number(True, "count"), "count: is True"),
            Bad("nan", lambda: checks.whole_number(nan, "count"), "count: is nan"),
            Bad("count", lambda: checks.whole_number(0, "n", low=1, expected="a positive number of flips"),
                "n: is 0, expected a positive number of flips"),
        ],
        "one_of": [
            Bad("range", lambda: checks.one_of("avg", ("none", "mean", "sum"), "reduction"),
                "reduction: is 'avg', expected one of 'none', 'mean', 'sum'"),
            Bad("range", lambda: checks.one_of("MEAN", ("mean",), "reduction"), "reduction: is 'MEAN'"),
            Bad("type", lambda: checks.one_of(None, ("mean",), "reduction"), "reduction: is None"),
            Bad("type", lambda: checks.one_of(("mean",), ("mean",), "reduction"), "reduction: is ('mean',)"),
        ],
        "number_in_range": [
            Bad("range", lambda: checks.number_in_range(1.5, "eps", 0, 1), "eps: is 1.5, expected a number in [0, 1]"),
            Bad("range", lambda: checks.number_in_range(-0.1, "eps", 0, 1), "eps: is -0.1"),
            Bad("range", lambda: checks.number_in_range(inf, "eps", 0, 1), "eps: is inf"),
            Bad("nan", lambda: checks.number_in_range(nan, "eps", 0, 1), "eps: is nan"),
            Bad("type", lambda: checks.number_in_range(True, "eps", 0, 1), "eps: is True"),
            Bad("type", lambda: checks.number_in_range("0.5", "eps", 0, 1), "eps: is '0.5'"),
            Bad("shape", lambda: checks.number_in_range([0.5], "eps", 0, 1), "eps: is [0.5]"),
        ],
        "label_array": [
            Bad("label", lambda: checks.label_array([[0, 3]], 3), "target: label 3 is out of range, expected 0 <= label < 3"),
            Bad("label", lambda: checks.label_array([-1], 3), "target: label -1 is out of range"),
            Bad("label", lambda: checks.label_array([5, -100], 3, ignore_index=-100),
                "label 5 is out of range, expected 0 <= label < 3 (or the ignore_index -100)"),
            Bad("type", lambda: checks.label_array([0.5], 3), "target: expected integer class indices, got float64 values [0.5]"),
            Bad("type", lambda: checks.label_array([True, False], 3), "target: expected integer class indices, got bool"),
            Bad("nan", lambda: checks.label_array([nan, 0], 3), "target: expected integer class indices"),
            Bad("shape", lambda: checks.label_array([[0, 1]], 3, shape=(2,)), "target: has shape (1, 2), expected (2,)"),
            Bad("empty", lambda: checks.label_array([], 3), "target: is empty"),
        ],
        "distributions": [
            Bad("sum", lambda: checks.distributions([[0.7, 0.7]]),
                "target: probabilities along dim 1 at position (0,) sum to 1.4, expected 1"),
            Bad("sum", lambda: checks.distributions(np.full((1, 2, 3), 0.4)), "at position (0, 0) sum to 0.8"),
            Bad("range", lambda: checks.distributions([[1.5, -0.5]]), "target: contains 1.5"),
            Bad("nan", lambda: checks.distributions([[nan, 1.0]]), "target: contains NaN"),
            Bad("shape", lambda: checks.distributions([0.5, 0.5]), "target: has shape (2,), expected classes along dim 1"),
            Bad("empty", lambda: checks.distributions([]), "target: is empty"),
            Bad("scale", lambda: checks.distributions([[0.5, 0.5]], tol=-1.0), "tol: is -1.0, expected a non-negative number"),
            Bad("scale", lambda: checks.distributions([[0.7, 0.7]], tol=nan), "tol: is nan"),
        ],
        "random_seed": [
            Bad("range", lambda: checks.random_seed(-1), "seed: is -1, expected an integer seed between 0 and 2**64 - 1"),
            Bad("range", lambda: checks.random_seed(2**64), "seed: is 18446744073709551616"),
            Bad("type", lambda: checks.random_seed(1.5), "seed: is 1.5"),
            Bad("type", lambda: checks.random_seed(True), "seed: is True"),
            Bad("nan", lambda: checks.random_seed(nan), "seed: is nan"),
        ],
        "log_distributions": [
            Bad("range", lambda: checks.log_distributions([[0.1, -0.1]]), "input: contains 0.1, expected log-probabilities"),
            Bad("range", lambda: checks.log_distributions([[inf, 0.0]]), "input: contains inf"),
            Bad("sum", lambda: checks.log_distributions([[-1.0, -1.0]]), "sum to 0.735759, expected 1"),
            Bad("nan", lambda: checks.log_distributions([[nan, 0.0]]), "input: contains NaN"),
            Bad("shape", lambda: checks.log_distributions([-0.5]), "input: has shape (1,), expected classes along dim 1"),
            Bad("empty", lambda: checks.log_distributions([]), "input: is empty"),
            Bad("type", lambda: checks.log_distributions([["a", "b"]]), "input: expected real numbers"),
            Bad("scale", lambda: checks.log_distributions([[5.0, -1.0]], tol=nan), "tol: is nan"),
        ],
    },
    "nll": {
        "one_hot": [
            Bad("label", lambda: nll_module.one_hot(4, 4), "label 4 is out of range"),
            Bad("label", lambda: nll_module.one_hot(-1, 4), "label -1 is out of range"),
            Bad("type", lambda: nll_module.one_hot(1.5, 4), "integer class indices"),
            Bad("nan", lambda: nll_module.one_hot(nan, 4), "integer class indices"),
            Bad("shape", lambda: nll_module.one_hot([1, 2], 4), "has 2 labels"),
            Bad("scale", lambda: nll_module.one_hot(0, 1), "num_classes: is 1"),
            Bad("type", lambda: nll_module.one_hot(0, 2.5), "num_classes: is 2.5"),
        ],
        "label_likelihood": [
            Bad("range", lambda: nll_module.label_likelihood([1.2, -0.2], 0), "contains 1.2"),
            Bad("sum", lambda: nll_module.label_likelihood([0.2, 0.9], 0), "sums to 1.1"),
            Bad("label", lambda: nll_module.label_likelihood(P, 4), "label 4 is out of range"),
            Bad("nan", lambda: nll_module.label_likelihood([nan, 1.0], 0), "contains NaN"),
            Bad("shape", lambda: nll_module.label_likelihood(BATCH, 0), "has 2 rows"),
            Bad("empty", lambda: nll_module.label_likelihood([], 0), "is empty"),
        ],
        "nll": [
            Bad("range", lambda: nll_module.nll([1.2, -0.2], 0), "contains 1.2"),
            Bad("sum", lambda: nll_module.nll([0.2, 0.9], 0), "sums to 1.1"),
            Bad("label", lambda: nll_module.nll(P, 4), "label 4 is out of range"),
            Bad("nan", lambda: nll_module.nll([nan, 1.0], 0), "contains NaN"),
            Bad("shape", lambda: nll_module.nll(BATCH, 3), "has 2 rows"),
            Bad("shape", lambda: nll_module.nll([[[0.5, 0.5]]], 0), "has shape (1, 1, 2)"),
            Bad("empty", lambda: nll_module.nll([], 0), "is empty"),
        ],
        "mean_nll": [
            Bad("range", lambda: nll_module.mean_nll([[1.2, -0.2]], [0]), "contains 1.2"),
            Bad("sum", lambda: nll_module.mean_nll([[0.5, 0.5], [0.2, 0.9]], [0, 1]), "row 1 sums to 1.1"),
            Bad("label", lambda: nll_module.mean_nll(BATCH, [3, 4]), "label 4 is out of range"),
            Bad("count", lambda: nll_module.mean_nll(BATCH, [0, 1, 2]), "has 3 labels, expected 2"),
            Bad("nan", lambda: nll_module.mean_nll([[nan, 1.0]], [0]), "contains NaN"),
            Bad("shape", lambda: nll_module.mean_nll(BATCH, [[0], [1]]), "has shape (2, 1)"),
            Bad("empty", lambda: nll_module.mean_nll([], []), "is empty"),
            Bad("empty", lambda: nll_module.mean_nll(BATCH, []), "is empty"),
        ],
        "mean_nll_torch": [
            Bad("range", lambda: nll_module.mean_nll_torch(torch.tensor([[1.2, -0.2]]), torch.tensor([0])), "contains 1.2"),
            Bad("sum", lambda: nll_module.mean_nll_torch(torch.tensor([[0.5, 0.6]]), torch.tensor([0])), "sums to 1.1"),
            Bad("label", lambda: nll_module.mean_nll_torch(T, torch.tensor([0, 4])), "label 4 is out of range"),
            Bad("count", lambda: nll_module.mean_nll_torch(T, torch.tensor([0])), "has 1 labels, expected 2"),
            Bad("nan", lambda: nll_module.mean_nll_torch(torch.tensor([[nan, 0.5]]), torch.tensor([0])), "contains NaN"),
            Bad("type", lambda: nll_module.mean_nll_torch(T, torch.tensor([0.0, 0.5])), "integer class indices"),
            Bad("shape", lambda: nll_module.mean_nll_torch(T.reshape(1, 2, 4), torch.tensor([0])), "has shape (1, 2, 4)"),
            Bad("empty", lambda: nll_module.mean_nll_torch(torch.ones(0, 3), torch.tensor([], dtype=torch.long)), "is empty"),
        ],
        "product_vs_log_sum": [
            Bad("range", lambda: nll_module.product_vs_log_sum(0.0, 10), "probability: is 0.0"),
            Bad("range", lambda: nll_module.product_vs_log_sum(1.5, 10), "probability: is 1.5"),
            Bad("nan", lambda: nll_module.product_vs_log_sum(nan, 10), "probability: is nan"),
            Bad("shape", lambda: nll_module.product_vs_log_sum([0.5], 10), "probability: is [0.5]"),
            Bad("count", lambda: nll_module.product_vs_log_sum(0.5, 0), "count: is 0"),
            Bad("type", lambda: nll_module.product_vs_log_sum(0.5, 2.5), "count: is 2.5"),
            Bad("type", lambda: nll_module.product_vs_log_sum(0.5, True), "count: is True"),
        ],
    },
    "likelihood": {
        "normal_cdf": [
            Bad("scale", lambda: likelihood_module.normal_cdf(50, 50, 0), "sigma: is 0"),
            Bad("scale", lambda: likelihood_module.normal_cdf(50, 50, -1), "sigma: is -1"),
            Bad("nan", lambda: likelihood_module.normal_cdf(nan, 50, 1), "x: contains NaN"),
            Bad("range", lambda: likelihood_module.normal_cdf(50, inf, 1), "mu: contains infinity"),
            Bad("shape", lambda: likelihood_module.normal_cdf([50, 51], 50, 1), "x: expected a single number"),
        ],
        "interval_probability": [
            Bad("range", lambda: likelihood_module.interval_probability(52.5, 50, 50, 2.5),
                "low: is 52.5, greater than high = 50"),
            Bad("scale", lambda: likelihood_module.interval_probability(50, 52.5, 50, 0), "sigma: is 0"),
            Bad("nan", lambda: likelihood_module.interval_probability(50, 52.5, nan, 2.5), "mu: contains NaN"),
            Bad("range", lambda: likelihood_module.interval_probability(-inf, inf, 50, 2.5), "low: contains infinity"),
            Bad("type", lambda: likelihood_module.interval_probability("a", 1, 0, 1), "low: expected real numbers"),
        ],
        "within_k_sigma": [
            Bad("scale", lambda: likelihood_module.within_k_sigma(0, 50, 2.5), "k: is 0"),
            Bad("scale", lambda: likelihood_module.within_k_sigma(-1, 50, 2.5), "k: is -1"),
            Bad("scale", lambda: likelihood_module.within_k_sigma(1, 50, 0), "sigma: is 0"),
            Bad("nan", lambda: likelihood_module.within_k_sigma(1, nan, 2.5), "mu: contains NaN"),
        ],
        "normal_pdf": [
            Bad("scale", lambda: likelihood_module.normal_pdf([50.0], 50, 0), "sigma: is 0"),
            Bad("empty", lambda: likelihood_module.normal_pdf([], 50, 5), "x: is empty"),
            Bad("nan", lambda: likelihood_module.normal_pdf([50.0, nan], 50, 5), "x: contains NaN at index (1,)"),
            Bad("shape", lambda: likelihood_module.normal_pdf([50.0], [50, 45], 5), "mu: expected a single number"),
            Bad("type", lambda: likelihood_module.normal_pdf(["a"], 50, 5), "x: expected real numbers"),
        ],
        "likelihood": [
            Bad("empty", lambda: likelihood_module.likelihood([], 50, 5), "data: is empty"),
            Bad("nan", lambda: likelihood_module.likelihood([48.8, nan], 50, 5), "data: contains NaN at index (1,)"),
            Bad("scale", lambda: likelihood_module.likelihood(DATA, 50, -5), "sigma: is -5"),
            Bad("shape", lambda: likelihood_module.likelihood([DATA, DATA], 50, 5), "data: has shape (2, 5)"),
            Bad("range", lambda: likelihood_module.likelihood([inf], 50, 5), "data: contains infinity"),
        ],
        "likelihood_torch": [
            Bad("empty", lambda: likelihood_module.likelihood_torch(torch.tensor([]), 50, 5), "data: is empty"),
            Bad("nan", lambda: likelihood_module.likelihood_torch(torch.tensor([nan]), 50, 5), "data: contains NaN"),
            Bad("scale", lambda: likelihood_module.likelihood_torch(DATA, 50, 0), "sigma: is 0"),
            Bad("shape", lambda: likelihood_module.likelihood_torch(DATA, torch.tensor([50.0, 45.0]), 5),
                "mu: expected a single number"),
            Bad("shape", lambda: likelihood_module.likelihood_torch([DATA, DATA], 50, 5), "data: has shape (2, 5)"),
        ],
        "rounded_product": [
            Bad("count", lambda: likelihood_module.rounded_product(DATA, 50, 5, places=-1), "places: is -1"),
            Bad("type", lambda: likelihood_module.rounded_product(DATA, 50, 5, places=2.5), "places: is 2.5"),
            Bad("type", lambda: likelihood_module.rounded_product(DATA, 50, 5, places=True), "places: is True"),
            Bad("empty", lambda: likelihood_module.rounded_product([], 50, 5), "data: is empty"),
            Bad("scale", lambda: likelihood_module.rounded_product(DATA, 50, 0), "sigma: is 0"),
        ],
        "density_and_small_interval": [
            Bad("scale", lambda: likelihood_module.density_and_small_interval(50, 0.1, 0), "width: is 0"),
            Bad("scale", lambda: likelihood_module.density_and_small_interval(50, 0.1, -1), "width: is -1"),
            Bad("scale", lambda: likelihood_module.density_and_small_interval(50, 0, 0.1), "sigma: is 0"),
            Bad("nan", lambda: likelihood_module.density_and_small_interval(nan, 0.1, 0.1), "mu: contains NaN"),
            Bad("range", lambda: likelihood_module.density_and_small_interval(inf, 0.1, 0.1), "mu: contains infinity"),
        ],
    },
    "log_likelihood": {
        "log_two_ways": [
            Bad("range", lambda: log_likelihood_module.log_two_ways([0.5, 1.5]), "probs: contains 1.5"),
            Bad("range", lambda: log_likelihood_module.log_two_ways([0.5, 0.0]), "probs: contains 0, expected probabilities in (0, 1]"),
            Bad("nan", lambda: log_likelihood_module.log_two_ways([nan]), "probs: contains NaN"),
            Bad("empty", lambda: log_likelihood_module.log_two_ways([]), "probs: is empty"),
            Bad("shape", lambda: log_likelihood_module.log_two_ways([[0.5, 0.5]]), "probs: has shape (1, 2)"),
        ],
        "same_up_to_rounding": [
            Bad("nan", lambda: log_likelihood_module.same_up_to_rounding(nan, 1.0), "a: contains NaN"),
            Bad("range", lambda: log_likelihood_module.same_up_to_rounding(1.0, inf), "b: contains infinity"),
            Bad("scale", lambda: log_likelihood_module.same_up_to_rounding(1.0, 1.0, rel_tol=0), "rel_tol: is 0"),
            Bad("shape", lambda: log_likelihood_module.same_up_to_rounding([1.0, 2.0], 1.0), "a: expected a single number"),
        ],
        "first_unequal_triple": [
            Bad("range", lambda: log_likelihood_module.first_unequal_triple(0), "step: is 0.0"),
            Bad("range", lambda: log_likelihood_module.first_unequal_triple(1.5), "step: is 1.5"),
            Bad("nan", lambda: log_likelihood_module.first_unequal_triple(nan), "step: contains NaN"),
            Bad("type", lambda: log_likelihood_module.first_unequal_triple("0.01"), "step: expected real numbers"),
        ],
        "product_and_log_sum": [
            Bad("count", lambda: log_likelihood_module.product_and_log_sum(0.5, 0), "count: is 0"),
            Bad("type", lambda: log_likelihood_module.product_and_log_sum(0.5, True), "count: is True"),
            Bad("range", lambda: log_likelihood_module.product_and_log_sum(1.5, 10), "p: contains 1.5"),
            Bad("nan", lambda: log_likelihood_module.product_and_log_sum(nan, 10), "p: contains NaN"),
            Bad("shape", lambda: log_likelihood_module.product_and_log_sum([0.5, 0.5], 3), "p: expected a single number"),
            Bad("type", lambda: log_likelihood_module.product_and_log_sum(0.5, 3, np.int64), "dtype: is <class 'numpy.int64'>"),
        ],
        "product_and_log_sum_torch": [
            Bad("count", lambda: log_likelihood_module.product_and_log_sum_torch(0.5, -3), "count: is -3"),
            Bad("type", lambda: log_likelihood_module.product_and_log_sum_torch(0.5, True), "count: is True"),
            Bad("range", lambda: log_likelihood_module.product_and_log_sum_torch(-0.1, 10), "p: contains -0.1"),
            Bad("shape", lambda: log_likelihood_module.product_and_log_sum_torch([0.5, 0.2], 3), "p: expected a single number"),
            Bad("type", lambda: log_likelihood_module.product_and_log_sum_torch(0.5, 3, torch.int64), "dtype: is torch.int64"),
        ],
        "naive_softmax": [
            Bad("nan", lambda: log_likelihood_module.naive_softmax([1.0, nan]), "logits: contains NaN at index (1,)"),
            Bad("range", lambda: log_likelihood_module.naive_softmax([inf, 1.0]), "logits: contains infinity"),
            Bad("empty", lambda: log_likelihood_module.naive_softmax([]), "logits: is empty"),
            Bad("shape", lambda: log_likelihood_module.naive_softmax(3.0), "logits: is a single number"),
        ],
        "stable_softmax": [
            Bad("nan", lambda: log_likelihood_module.stable_softmax([1.0, nan]), "logits: contains NaN at index (1,)"),
            Bad("range", lambda: log_likelihood_module.stable_softmax([1.0, -inf]), "logits: contains infinity"),
            Bad("empty", lambda: log_likelihood_module.stable_softmax(np.zeros((2, 0))), "logits: is empty"),
            Bad("shape", lambda: log_likelihood_module.stable_softmax(3.0), "logits: is a single number"),
        ],
        "log_sum_exp": [
            Bad("nan", lambda: log_likelihood_module.log_sum_exp([nan]), "logits: contains NaN"),
            Bad("range", lambda: log_likelihood_module.log_sum_exp([-inf, 0.0]), "logits: contains infinity"),
            Bad("empty", lambda: log_likelihood_module.log_sum_exp([]), "logits: is empty"),
            Bad("shape", lambda: log_likelihood_module.log_sum_exp([[1.0, 2.0], [3.0, 4.0]]), "logits: has shape (2, 2)"),
        ],
        "stable_softmax_torch": [
            Bad("nan", lambda: log_likelihood_module.stable_softmax_torch(torch.tensor([nan, 1.0])), "logits: contains NaN"),
            Bad("range", lambda: log_likelihood_module.stable_softmax_torch(torch.tensor([inf, 1.0])), "logits: contains infinity"),
            Bad("empty", lambda: log_likelihood_module.stable_softmax_torch(torch.tensor([])), "logits: is empty"),
            Bad("shape", lambda: log_likelihood_module.stable_softmax_torch(torch.tensor(3.0)), "logits: is a single number"),
        ],
        "normal_log_pdf": [
            Bad("scale", lambda: log_likelihood_module.normal_log_pdf([50.0], 50, 0), "sigma: is 0"),
            Bad("empty", lambda: log_likelihood_module.normal_log_pdf([], 50, 5), "x: is empty"),
            Bad("nan", lambda: log_likelihood_module.normal_log_pdf([nan], 50, 5), "x: contains NaN"),
            Bad("shape", lambda: log_likelihood_module.normal_log_pdf([50.0], [50, 45], 5), "mu: expected a single number"),
        ],
        "log_likelihood": [
            Bad("scale", lambda: log_likelihood_module.log_likelihood(DATA, 50, -5), "sigma: is -5"),
            Bad("empty", lambda: log_likelihood_module.log_likelihood([], 50, 5), "data: is empty"),
            Bad("nan", lambda: log_likelihood_module.log_likelihood([1.0], nan, 1), "mu: contains NaN"),
            Bad("shape", lambda: log_likelihood_module.log_likelihood([DATA, DATA], 50, 5), "data: has shape (2, 5)"),
        ],
        "log_likelihood_torch": [
            Bad("scale", lambda: log_likelihood_module.log_likelihood_torch(DATA, 50.0, torch.tensor(0.0)), "sigma: is 0"),
            Bad("scale", lambda: log_likelihood_module.log_likelihood_torch(
                DATA, 50.0, torch.tensor(-1.0, dtype=torch.float64, requires_grad=True)), "sigma: is -1"),
            Bad("nan", lambda: log_likelihood_module.log_likelihood_torch(
                DATA, torch.tensor(nan, requires_grad=True), 5.0), "mu: contains NaN"),
            Bad("empty", lambda: log_likelihood_module.log_likelihood_torch([], 50.0, 5.0), "data: is empty"),
            Bad("shape", lambda: log_likelihood_module.log_likelihood_torch(DATA, torch.tensor([50.0, 45.0]), 5.0),
                "mu: expected a single number"),
        ],
    },
    "maximum_likelihood": {
        "gaussian_mle": [
            Bad("count", lambda: ml_module.gaussian_mle([50.0]), "data: has 1 value, expected at least 2"),
            Bad("empty", lambda: ml_module.gaussian_mle([]), "data: is empty"),
            Bad("nan", lambda: ml_module.gaussian_mle([50.0, nan]), "data: contains NaN at index (1,)"),
            Bad("shape", lambda: ml_module.gaussian_mle([DATA, DATA]), "data: has shape (2, 5)"),
            Bad("scale", lambda: ml_module.gaussian_mle([3.0, 3.0, 3.0]), "data: all 3 values equal 3"),
        ],
        "gaussian_mle_torch": [
            Bad("count", lambda: ml_module.gaussian_mle_torch(torch.tensor([50.0])), "data: has 1 value"),
            Bad("nan", lambda: ml_module.gaussian_mle_torch(torch.tensor([50.0, nan])), "data: contains NaN"),
            Bad("shape", lambda: ml_module.gaussian_mle_torch([DATA, DATA]), "data: has shape (2, 5)"),
            Bad("scale", lambda: ml_module.gaussian_mle_torch(torch.full((4,), 2.5)), "data: all 4 values equal 2.5"),
        ],
        "mle_of_draws": [
            Bad("count", lambda: ml_module.mle_of_draws(1), "n: is 1, expected an integer number of draws >= 2"),
            Bad("type", lambda: ml_module.mle_of_draws(2.5), "n: is 2.5"),
            Bad("type", lambda: ml_module.mle_of_draws(True), "n: is True"),
            Bad("range", lambda: ml_module.mle_of_draws(10, seed=-1), "seed: is -1"),
            Bad("range", lambda: ml_module.mle_of_draws(10, seed=2**32), "seed: is 4294967296"),
            Bad("type", lambda: ml_module.mle_of_draws(10, seed=1.5), "seed: is 1.5"),
        ],
        "gaussian_max_log_likelihood": [
            Bad("count", lambda: ml_module.gaussian_max_log_likelihood([50.0]), "data: has 1 value"),
            Bad("scale", lambda: ml_module.gaussian_max_log_likelihood([3.0, 3.0]), "data: all 2 values equal 3"),
            Bad("nan", lambda: ml_module.gaussian_max_log_likelihood([50.0, nan]), "data: contains NaN"),
            Bad("shape", lambda: ml_module.gaussian_max_log_likelihood([DATA, DATA]), "data: has shape (2, 5)"),
            Bad("empty", lambda: ml_module.gaussian_max_log_likelihood([]), "data: is empty"),
        ],
        "gradient_ascent": [
            Bad("scale", lambda: ml_module.gradient_ascent(DATA, 50, 0), "sigma: is 0"),
            Bad("nan", lambda: ml_module.gradient_ascent(DATA, nan, 5), "mu: contains NaN"),
            Bad("scale", lambda: ml_module.gradient_ascent(DATA, 50, 5, lr=0), "lr: is 0"),
            Bad("scale", lambda: ml_module.gradient_ascent(DATA, 50, 5, lr=10), "lr: is 10, the ascent diverged"),
            Bad("count", lambda: ml_module.gradient_ascent(DATA, 50, 5, steps=0), "steps: is 0"),
            Bad("type", lambda: ml_module.gradient_ascent(DATA, 50, 5, steps=True), "steps: is True"),
            Bad("empty", lambda: ml_module.gradient_ascent([], 50, 5), "data: is empty"),
            Bad("shape", lambda: ml_module.gradient_ascent([DATA, DATA], 50, 5), "data: has shape (2, 5)"),
        ],
        "distances_to": [
            Bad("empty", lambda: ml_module.distances_to([], (52.3, 3.2)), "path: is empty"),
            Bad("shape", lambda: ml_module.distances_to([(50, 5, 1)], (52.3, 3.2)), "path: has shape (1, 3)"),
            Bad("shape", lambda: ml_module.distances_to([(50, 5)], (52.3,)), "target: has shape (1,)"),
            Bad("nan", lambda: ml_module.distances_to([(50, 5)], (nan, 3.2)), "target: contains NaN"),
            Bad("type", lambda: ml_module.distances_to([("a", 5)], (52.3, 3.2)), "path: expected real numbers"),
        ],
        "bernoulli_mle": [
            Bad("count", lambda: ml_module.bernoulli_mle(11, 10), "k: is 11, expected a number of heads between 0 and n = 10"),
            Bad("count", lambda: ml_module.bernoulli_mle(-1, 10), "k: is -1"),
            Bad("count", lambda: ml_module.bernoulli_mle(0, 0), "n: is 0, expected a positive number of flips"),
            Bad("type", lambda: ml_module.bernoulli_mle(2.5, 10), "k: is 2.5"),
            Bad("type", lambda: ml_module.bernoulli_mle(True, 10), "k: is True"),
        ],
        "bernoulli_mean_nll": [
            Bad("range", lambda: ml_module.bernoulli_mean_nll(1.5, 7, 10), "p: contains 1.5"),
            Bad("nan", lambda: ml_module.bernoulli_mean_nll(nan, 7, 10), "p: contains NaN"),
            Bad("shape", lambda: ml_module.bernoulli_mean_nll([0.5, 0.5], 7, 10), "p: expected a single number"),
            Bad("count", lambda: ml_module.bernoulli_mean_nll(0.5, 11, 10), "k: is 11"),
        ],
        "coin_mean_nll_torch": [
            Bad("label", lambda: ml_module.coin_mean_nll_torch(0.5, [0.5, 1.0]), "flips: contains 0.5"),
            Bad("label", lambda: ml_module.coin_mean_nll_torch(0.5, torch.tensor([2, 1])), "flips: contains 2"),
            Bad("range", lambda: ml_module.coin_mean_nll_torch(2.0, [1.0, 0.0]), "p: contains 2"),
            Bad("nan", lambda: ml_module.coin_mean_nll_torch(nan, [1.0, 0.0]), "p: contains NaN"),
            Bad("empty", lambda: ml_module.coin_mean_nll_torch(0.5, []), "flips: is empty"),
            Bad("shape", lambda: ml_module.coin_mean_nll_torch(0.5, [[1, 0], [0, 1]]), "flips: has shape (2, 2)"),
        ],
    },
    "cross_entropy": {
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
    },
    "pytorch_losses": {
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
    },
    "bigram": {
        "check_words": [
            Bad("range", lambda: bigram_module.check_words(["zoë"]), "words: 'zoë' contains 'ë', expected only the letters a-z"),
            Bad("range", lambda: bigram_module.check_words(["emma", "a.b"]), "words: 'a.b' contains '.'"),
            Bad("range", lambda: bigram_module.check_words(["mary ann"]), "words: 'mary ann' contains ' '"),
            Bad("empty", lambda: bigram_module.check_words([]), "words: is empty, expected at least one word"),
            Bad("empty", lambda: bigram_module.check_words(["emma", ""]), "words: contains an empty word"),
            Bad("type", lambda: bigram_module.check_words("emma"), "words: got the single string 'emma', expected a list"),
            Bad("type", lambda: bigram_module.check_words(["emma", 3]), "words: 3 is a int, expected a string"),
            Bad("type", lambda: bigram_module.check_words(3), "words: is 3, expected a list of words"),
        ],
        "read_words": [
            Bad("range", lambda: bigram_module.read_words(word_file("zoë\nemma\n")), "words: 'zoë' contains 'ë'"),
            Bad("empty", lambda: bigram_module.read_words(word_file("\n\n")), "words: is empty"),
            Bad("type", lambda: bigram_module.read_words(word_file(b"caf\xe9\n")), "expected UTF-8 text"),
            Bad("empty", lambda: bigram_module.read_words(word_file(None, "missing.txt")), "is not a file, expected a text file"),
            Bad("type", lambda: bigram_module.read_words(3), "path: is 3, expected a file path"),
        ],
        "bigrams": [
            Bad("range", lambda: bigram_module.bigrams(["zoë"]), "contains 'ë'"),
            Bad("empty", lambda: bigram_module.bigrams([]), "words: is empty"),
            Bad("type", lambda: bigram_module.bigrams("emma"), "words: got the single string 'emma'"),
            Bad("empty", lambda: bigram_module.bigrams([""]), "contains an empty word"),
        ],
        "count_table_numpy": [
            Bad("range", lambda: bigram_module.count_table_numpy(["a-b"]), "words: 'a-b' contains '-'"),
            Bad("empty", lambda: bigram_module.count_table_numpy([]), "words: is empty"),
            Bad("type", lambda: bigram_module.count_table_numpy([None]), "words: None is a NoneType"),
        ],
        "count_table": [
            Bad("range", lambda: bigram_module.count_table(["émile"]), "words: 'émile' contains 'é'"),
            Bad("empty", lambda: bigram_module.count_table([]), "words: is empty"),
            Bad("type", lambda: bigram_module.count_table([b"emma"]), "words: b'emma' is a bytes"),
        ],
        "count_probs": [
            Bad("shape", lambda: bigram_module.count_probs(torch.ones((26, 27))), "counts: has shape (26, 27), expected (27, 27)"),
            Bad("range", lambda: bigram_module.count_probs(-torch.ones((27, 27))), "counts: contains a negative count"),
            Bad("nan", lambda: bigram_module.count_probs(torch.full((27, 27), nan)), "counts: contains NaN"),
            Bad("type", lambda: bigram_module.count_probs(torch.ones((27, 27), dtype=torch.bool)), "counts: expected real numbers"),
            Bad("scale", lambda: bigram_module.count_probs(COUNTS, smoothing=-1.0), "smoothing: is -1, expected a number >= 0"),
            Bad("nan", lambda: bigram_module.count_probs(COUNTS, smoothing=nan), "smoothing: contains NaN"),
            Bad("shape", lambda: bigram_module.count_probs(COUNTS, smoothing=[1.0, 2.0]), "smoothing: expected a single number"),
        ],
        "count_model_nll": [
            Bad("range", lambda: bigram_module.count_model_nll(["zoë"]), "contains 'ë'"),
            Bad("empty", lambda: bigram_module.count_model_nll([]), "words: is empty"),
            Bad("scale", lambda: bigram_module.count_model_nll(WORDS, smoothing=-0.5), "smoothing: is -0.5"),
            Bad("nan", lambda: bigram_module.count_model_nll(WORDS, smoothing=nan), "smoothing: contains NaN"),
        ],
        "perplexity": [
            Bad("nan", lambda: bigram_module.perplexity(nan), "mean_nll: is nan, expected a mean NLL >= 0"),
            Bad("range", lambda: bigram_module.perplexity(-1.0), "mean_nll: is -1"),
            Bad("type", lambda: bigram_module.perplexity("2.3"), "mean_nll: is '2.3'"),
            Bad("type", lambda: bigram_module.perplexity(True), "mean_nll: is True"),
            Bad("shape", lambda: bigram_module.perplexity([2.3]), "mean_nll: is [2.3]"),
        ],
        "word_nll": [
            Bad("shape", lambda: bigram_module.word_nll(torch.ones((27, 26)) / 26, "emma"), "probs: has shape (27, 26), expected (27, 27)"),
            Bad("sum", lambda: bigram_module.word_nll(torch.ones((27, 27)), "emma"), "probs: row 0 sums to 27, expected 1"),
            Bad("range", lambda: bigram_module.word_nll(-UNIFORM, "emma"), "probs: contains -0.037037"),
            Bad("nan", lambda: bigram_module.word_nll(torch.full((27, 27), nan), "emma"), "probs: contains NaN"),
            Bad("range", lambda: bigram_module.word_nll(UNIFORM, "zoë"), "contains 'ë'"),
            Bad("empty", lambda: bigram_module.word_nll(UNIFORM, ""), "contains an empty word"),
            Bad("type", lambda: bigram_module.word_nll(UNIFORM, ["emma"]), "word: is ['emma'], expected a string"),
        ],
        "train_seed_style": [
            Bad("count", lambda: bigram_module.train_seed_style(WORDS, steps=0), "steps: is 0, expected a positive integer"),
            Bad("type", lambda: bigram_module.train_seed_style(WORDS, steps=True), "steps: is True"),
            Bad("type", lambda: bigram_module.train_seed_style(WORDS, steps=2.5), "steps: is 2.5"),
            Bad("scale", lambda: bigram_module.train_seed_style(WORDS, 1, lr=0), "lr: is 0, expected a positive number"),
            Bad("nan", lambda: bigram_module.train_seed_style(WORDS, 1, lr=nan), "lr: contains NaN"),
            Bad("scale", lambda: bigram_module.train_seed_style(WORDS, 1, reg=-0.01), "reg: is -0.01, expected a number >= 0"),
            Bad("type", lambda: bigram_module.train_seed_style(WORDS, 1, seed=1.5), "seed: is 1.5, expected an integer seed"),
            Bad("empty", lambda: bigram_module.train_seed_style([], 1), "words: is empty"),
            Bad("scale", lambda: bigram_module.train_seed_style(WORDS, 3, lr=1e39), "lr: is 1e+39, the descent diverged"),
        ],
        "one_hot_equals_lookup": [
            Bad("label", lambda: bigram_module.one_hot_equals_lookup(UNIFORM, torch.tensor([0, 27])), "xs: label 27 is out of range"),
            Bad("label", lambda: bigram_module.one_hot_equals_lookup(UNIFORM, torch.tensor([-1])), "xs: label -1 is out of range"),
            Bad("type", lambda: bigram_module.one_hot_equals_lookup(UNIFORM, torch.tensor([0.5])), "xs: expected integer class indices"),
            Bad("empty", lambda: bigram_module.one_hot_equals_lookup(UNIFORM, torch.tensor([], dtype=torch.long)), "xs: is empty"),
            Bad("nan", lambda: bigram_module.one_hot_equals_lookup(torch.full((27, 27), nan), torch.tensor([0])), "W: contains NaN"),
            Bad("shape", lambda: bigram_module.one_hot_equals_lookup(torch.zeros(27), torch.tensor([0])),
                "W: has shape (27,), expected a 2-D table"),
        ],
        "time_forms": [
            Bad("count", lambda: bigram_module.time_forms(WORDS, repeat=0), "repeat: is 0, expected a positive integer"),
            Bad("count", lambda: bigram_module.time_forms(WORDS, number=0), "number: is 0, expected a positive integer"),
            Bad("type", lambda: bigram_module.time_forms(WORDS, number=1.5), "number: is 1.5"),
            Bad("empty", lambda: bigram_module.time_forms([], 1, 1), "words: is empty"),
        ],
        "train": [
            Bad("count", lambda: bigram_module.train(WORDS, steps=0), "steps: is 0, expected a positive integer"),
            Bad("type", lambda: bigram_module.train(WORDS, steps=True), "steps: is True, expected a positive integer"),
            Bad("type", lambda: bigram_module.train(WORDS, steps=2.5), "steps: is 2.5"),
            Bad("scale", lambda: bigram_module.train(WORDS, 1, lr=0), "lr: is 0, expected a positive number"),
            Bad("scale", lambda: bigram_module.train(WORDS, 1, lr=-1), "lr: is -1"),
            Bad("scale", lambda: bigram_module.train(WORDS, 1, reg=-1), "reg: is -1, expected a number >= 0"),
            Bad("nan", lambda: bigram_module.train(WORDS, 1, reg=nan), "reg: contains NaN"),
            Bad("shape", lambda: bigram_module.train(WORDS, 1, reg=[0.01, 0.02]), "reg: expected a single number"),
            Bad("type", lambda: bigram_module.train(WORDS, 1, seed=1.5), "seed: is 1.5, expected an integer seed"),
            Bad("range", lambda: bigram_module.train(WORDS, 1, seed=-1), "seed: is -1"),
            Bad("empty", lambda: bigram_module.train([], 1), "words: is empty"),
            Bad("range", lambda: bigram_module.train(["zoë"], 1), "contains 'ë'"),
            Bad("scale", lambda: bigram_module.train(WORDS, 3, lr=1e300), "lr: is 1e+300, the descent diverged"),
        ],
        "mean_nll": [
            Bad("shape", lambda: bigram_module.mean_nll(torch.zeros((27, 26)), WORDS), "W: has shape (27, 26), expected (27, 27)"),
            Bad("nan", lambda: bigram_module.mean_nll(torch.full((27, 27), nan), WORDS), "W: contains NaN"),
            Bad("range", lambda: bigram_module.mean_nll(torch.full((27, 27), inf), WORDS), "W: contains infinity"),
            Bad("empty", lambda: bigram_module.mean_nll(UNIFORM, []), "words: is empty"),
            Bad("range", lambda: bigram_module.mean_nll(UNIFORM, ["zoë"]), "contains 'ë'"),
        ],
        "model_probs": [
            Bad("shape", lambda: bigram_module.model_probs(torch.zeros((2, 2))), "model: has shape (2, 2), expected (27, 27)"),
            Bad("nan", lambda: bigram_module.model_probs(torch.full((27, 27), nan)), "model: contains NaN"),
            Bad("type", lambda: bigram_module.model_probs(torch.ones((27, 27), dtype=torch.bool)), "model: is a bool tensor"),
            Bad("range", lambda: bigram_module.model_probs(-COUNTS), "counts: contains a negative count"),
        ],
        "sample": [
            Bad("count", lambda: bigram_module.sample(COUNTS, 0, seed=1), "n: is 0, expected a positive integer"),
            Bad("type", lambda: bigram_module.sample(COUNTS, True, seed=1), "n: is True"),
            Bad("type", lambda: bigram_module.sample(COUNTS, 2.5, seed=1), "n: is 2.5"),
            Bad("type", lambda: bigram_module.sample(COUNTS, 2, seed=1.5), "seed: is 1.5, expected an integer seed"),
            Bad("type", lambda: bigram_module.sample(COUNTS, 2, seed="42"), "seed: is '42'"),
            Bad("shape", lambda: bigram_module.sample(torch.zeros((2, 2)), 1, seed=1), "model: has shape (2, 2)"),
            Bad("range", lambda: bigram_module.sample(NEVER_ENDS, 1, seed=1), "model: a name that reaches 'a' can never end"),
        ],
        "training_key": [
            Bad("count", lambda: bigram_module.training_key(WORDS, 0, 50.0, 0.01, 1), "steps: is 0"),
            Bad("nan", lambda: bigram_module.training_key(WORDS, 10, nan, 0.01, 1), "lr: contains NaN"),
            Bad("type", lambda: bigram_module.training_key(WORDS, 10, 50.0, 0.01, 1.5), "seed: is 1.5"),
            Bad("empty", lambda: bigram_module.training_key([], 10, 50.0, 0.01, 1), "words: is empty"),
            Bad("scale", lambda: bigram_module.training_key(WORDS, 10, 50.0, -0.01, 1), "reg: is -0.01"),
        ],
        "train_cached": [
            Bad("count", lambda: bigram_module.train_cached(WORDS, 0, cache_dir=SCRATCH), "steps: is 0"),
            Bad("scale", lambda: bigram_module.train_cached(WORDS, 1, lr=0, cache_dir=SCRATCH), "lr: is 0"),
            Bad("range", lambda: bigram_module.train_cached(["zoë"], 1, cache_dir=SCRATCH), "contains 'ë'"),
            Bad("type", lambda: bigram_module.train_cached(WORDS, 1, cache_dir=3), "cache_dir: is 3, expected a folder path"),
        ],
    },
}

CASES = [
    pytest.param(module, function, bad, id=f"{module}.{function}-{bad.kind}-{index}")
    for module, functions in BAD_INPUTS.items()
    for function, bads in functions.items()
    for index, bad in enumerate(bads)
]


def public_functions() -> dict[str, list[str]]:
    """``{module: [function, ...]}``: the reader-facing functions of every snippets module that take arguments."""
    figures = set(registered_figures().values())
    found: dict[str, list[str]] = {}
    for info in sorted(pkgutil.iter_modules(snippets.__path__), key=lambda m: m.name):
        if info.name in BUILD_MODULES or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"snippets.{info.name}")
        names = [
            name for name, function in inspect.getmembers(module, inspect.isfunction)
            if function.__module__ == module.__name__ and not name.startswith("_")
            and function not in figures and inspect.signature(function).parameters
        ]
        found[info.name] = sorted(names)
    return found


@pytest.mark.parametrize("module, function, bad", CASES)
def test_bad_input_raises_a_value_error_saying_what_was_wrong_and_what_was_expected(module, function, bad):
    assert bad.kind in KINDS, f"unknown kind {bad.kind!r}: use one of {sorted(KINDS)}"
    with pytest.raises(ValueError) as raised:
        bad.call()
    message = str(raised.value)
    assert bad.says in message, f"{module}.{function}: the message {message!r} does not say {bad.says!r}"
    assert "expected" in message, f"{module}.{function}: the message {message!r} does not say what was expected"
    TALLY["bad inputs tried"] += 1


def test_every_public_function_has_bad_inputs():
    missing = [
        f"snippets.{module}.{name}"
        for module, names in public_functions().items()
        for name in names
        if len(BAD_INPUTS.get(module, {}).get(name, [])) < 2
    ]
    assert not missing, (
        "public functions without at least two bad inputs in BAD_INPUTS (tests/test_bad_input.py): "
        + ", ".join(missing)
    )


def test_the_table_names_only_existing_public_functions():
    public = public_functions()
    stale = [f"{module}.{name}" for module, functions in BAD_INPUTS.items() for name in functions
             if name not in public.get(module, [])]
    assert not stale, f"BAD_INPUTS lists functions that are not public functions of snippets: {stale}"


def test_every_promised_kind_of_bad_input_is_tried():
    tried = {bad.kind for functions in BAD_INPUTS.values() for bads in functions.values() for bad in bads}
    promised = {"shape", "label", "range", "sum", "nan", "empty", "scale"}
    assert promised <= tried, f"kinds of bad input never tried: {sorted(promised - tried)}"
