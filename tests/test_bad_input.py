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
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import pytest
import torch

import snippets
from snippets import checks
from snippets import likelihood as likelihood_module
from snippets import log_likelihood as log_likelihood_module
from snippets import maximum_likelihood as ml_module
from snippets import nll as nll_module
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
