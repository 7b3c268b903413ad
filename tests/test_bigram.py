"""Tests of snippets/bigram.py, docs/bigram.md and docs/bigram-notebook.ipynb.

The oracles are independent of the module: the census files read with plain ``open``,
bigrams counted with ``collections.Counter`` and scored with ``math.log``, gradient
descent re-implemented in NumPy with the gradient derived by hand (in the count form
the chapter derives, not the per-bigram form the module uses), and PyTorch's own
``cross_entropy`` and autograd.
"""

from __future__ import annotations

import ast
import collections
import functools
import math
import json
import os
import random
import re
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import names as names_package
from snippets import bigram
from tests.ledger import WorkedNumber
from tests.ledger.bigram import WORKED_NUMBERS, chapter_run
from tests.paste import MAX_LINE
from tests.sitetools import DOCS, ROOT, page_source, section_text

ALPHABET = "abcdefghijklmnopqrstuvwxyz"
SYMBOLS = "." + ALPHABET


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    """Every tensor here is small: on a busy two-core machine, one thread is many times faster
    than two fighting over the cores. OMP_NUM_THREADS carries the setting into the page's
    paste run and the notebook's kernel; both are restored afterwards."""
    threads, before = torch.get_num_threads(), os.environ.get("OMP_NUM_THREADS")
    torch.set_num_threads(1)
    os.environ["OMP_NUM_THREADS"] = "1"
    yield
    torch.set_num_threads(threads)
    if before is None:
        os.environ.pop("OMP_NUM_THREADS", None)
    else:
        os.environ["OMP_NUM_THREADS"] = before


# --- Independent oracles ------------------------------------------------------------


def census_names() -> list[str]:
    """The first names of both census files, read with open(), lowercased, first occurrence kept."""
    folder = Path(names_package.__file__).parent
    seen: list[str] = []
    known: set[str] = set()
    for filename in ("dist.female.first", "dist.male.first"):
        with open(folder / filename, encoding="ascii") as handle:
            for line in handle:
                fields = line.split()
                if fields and fields[0].lower() not in known:
                    known.add(fields[0].lower())
                    seen.append(fields[0].lower())
    return seen


NAMES = census_names()


def pair_counts(words) -> collections.Counter:
    counter: collections.Counter = collections.Counter()
    for word in words:
        framed = "." + word + "."
        counter.update(zip(framed, framed[1:]))
    return counter


PAIRS = pair_counts(NAMES)
N_BIGRAMS = sum(PAIRS.values())


def counter_nll(pairs: collections.Counter, k: float = 0.0) -> float:
    """Mean NLL per bigram of the add-k count model, in plain Python."""
    rows: collections.Counter = collections.Counter()
    for (first, _), count in pairs.items():
        rows[first] += count
    total = sum(pairs.values())
    return -sum(count * math.log((count + k) / (rows[first] + 27 * k))
                for (first, _), count in pairs.items()) / total


def count_matrix(pairs: collections.Counter) -> np.ndarray:
    matrix = np.zeros((27, 27))
    for (first, second), count in pairs.items():
        matrix[SYMBOLS.index(first), SYMBOLS.index(second)] = count
    return matrix


def log_softmax_rows(W: np.ndarray) -> np.ndarray:
    shifted = W - W.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def numpy_descent(N: np.ndarray, steps: int, lr: float, reg: float, W0: np.ndarray):
    """Gradient descent on NLL + reg * mean(W^2), gradient by hand in the count form:
    d/dW_ij = (R_i P_ij - N_ij) / n + 2 reg W_ij / 729."""
    n, R, W = N.sum(), N.sum(axis=1, keepdims=True), W0.copy()
    losses = []
    for _ in range(steps):
        logP = log_softmax_rows(W)
        losses.append(-(N * logP).sum() / n + reg * (W**2).mean())
        W = W - lr * ((R * np.exp(logP) - N) / n + 2 * reg * W / W.size)
    return W, losses


def initial_W(seed: int = 2147483647) -> np.ndarray:
    return torch.randn((27, 27), generator=torch.Generator().manual_seed(seed)).double().numpy()


@pytest.fixture(scope="module")
def oracle_run():
    W, losses = numpy_descent(count_matrix(PAIRS), 1000, 50.0, 0.01, initial_W())
    logP = log_softmax_rows(W)
    nll = -(count_matrix(PAIRS) * logP).sum() / N_BIGRAMS
    return {"W": W, "losses": losses, "nll": nll, "penalty": 0.01 * (W**2).mean(), "P": np.exp(logP)}


def ledger(what: str) -> WorkedNumber:
    return next(entry for entry in WORKED_NUMBERS if entry.what == what)


@functools.cache
def long_numpy_run(steps: int = 30000) -> np.ndarray:
    """The penalised descent run long, in NumPy (a few seconds, once per session)."""
    W, _ = numpy_descent(count_matrix(PAIRS), steps, 50.0, 0.01, initial_W())
    return W


def held_out_nll(k: float) -> float:
    """The page's held-out score in plain Python: the same fixed shuffle, add-k counts fitted on
    the first 4130 names, mean NLL of the other names' bigrams."""
    shuffled = random.Random(0).sample(NAMES, len(NAMES))
    fit, scored = pair_counts(shuffled[:4130]), pair_counts(shuffled[4130:])
    rows: collections.Counter = collections.Counter()
    for (first, _), count in fit.items():
        rows[first] += count
    total = 0.0
    for (first, second), count in scored.items():
        p = (fit[(first, second)] + k) / (rows[first] + 27 * k)
        if p == 0:
            return math.inf
        total -= count * math.log(p)
    return total / sum(scored.values())


@functools.cache
def lse_rows(rows: int = 400_000) -> np.ndarray:
    """ln sum_k e^{z_k} of many rows of 27 standard-normal z, drawn by NumPy (not torch)."""
    z = np.random.default_rng(2024).standard_normal((rows, 27))
    top = z.max(axis=1, keepdims=True)
    return (top + np.log(np.exp(z - top).sum(axis=1, keepdims=True)))[:, 0]


# --- The module is the page's code -----------------------------------------------------

SECTION_MARK = re.compile(r"^# --8<-- \[(start|end):([\w-]+)\]$", re.M)


def test_every_top_level_statement_lies_in_a_section_included_in_module_order():
    source = (ROOT / "snippets" / "bigram.py").read_text(encoding="utf-8")
    lines = source.splitlines()
    inside, spans, order = None, [], []
    for number, line in enumerate(lines, 1):
        mark = SECTION_MARK.match(line)
        if mark and mark[1] == "start":
            inside = (mark[2], number)
        elif mark:
            assert inside and inside[0] == mark[2], f"line {number}: unbalanced section {mark[2]}"
            spans.append((inside[1], number))
            order.append(mark[2])
            inside = None
    tree = ast.parse(source)
    for node in tree.body[1:]:  # the docstring comes first
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        assert any(start < node.lineno and node.end_lineno < end for start, end in spans), (
            f"line {node.lineno} of snippets/bigram.py lies outside every section")
    included = re.findall(r'--8<-- "snippets/bigram\.py:([\w-]+)"', page_source("bigram.md"))
    assert included == order, "the page must include every section once, in module order"


def test_the_module_and_the_page_import_nothing_of_the_project():
    source = (ROOT / "snippets" / "bigram.py").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import)\s+(snippets|tests)\b", source, re.M)
    assert all(len(line) <= MAX_LINE for line in source.splitlines())


def test_shown_functions_hold_more_arithmetic_than_checks():
    """CONVENTION rule 3, for every function outside the checks section."""
    checks = section_text("snippets/bigram.py", "checks")
    source = (ROOT / "snippets" / "bigram.py").read_text(encoding="utf-8").replace(checks, "")
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef):
            continue
        body = node.body[1:] if ast.get_docstring(node) else node.body
        lines = ast.get_source_segment(source, node).splitlines()
        code = {n for stmt in body for n in range(stmt.lineno, stmt.end_lineno + 1)}
        checking = {n for stmt in ast.walk(node) if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)
                    and getattr(stmt.value.func, "id", "") == "check"
                    for n in range(stmt.lineno, stmt.end_lineno + 1)}
        checking |= {stmt.lineno for stmt in ast.walk(node) if isinstance(stmt, ast.Assign)
                     and isinstance(stmt.value, ast.Call)
                     and getattr(stmt.value.func, "id", "") in ("as_probs", "as_table")}
        text = source.splitlines()
        arithmetic = {n for n in code - checking if text[n - 1].strip() and not text[n - 1].strip().startswith("#")}
        assert len(arithmetic) > len(checking), f"{node.name}: {len(checking)} lines of checks, {len(arithmetic)} of code"
        assert lines


# --- Checks -------------------------------------------------------------------------------


def test_check_names_the_argument_what_was_wrong_and_what_was_expected():
    bigram.check(True, "x", "is 3", "4")
    with pytest.raises(ValueError, match=r"^x: is 3, expected 4$"):
        bigram.check(False, "x", "is 3", "4")


def test_as_probs_refuses_a_table_of_the_wrong_shape():
    for shape in ((26, 27), (27,), (2, 27, 27)):
        with pytest.raises(ValueError, match=r"p: has shape \(.*\), expected a table of shape \(27, 27\)"):
            bigram.as_probs(torch.full(shape, 1 / 27), "p")
    with pytest.raises(ValueError, match=r"expected probabilities \(smooth rows of zero counts\)"):
        bigram.word_nll(bigram.count_probs(bigram.count_table(["ab"])), "ab")  # the rows of c to z are 0/0


def test_as_probs_accepts_softmax_rows_and_refuses_counts_logits_and_nan():
    rows = torch.randn((27, 27), generator=torch.Generator().manual_seed(9)).softmax(dim=1)  # float32
    assert bigram.as_probs(rows, "p").dtype == torch.float64
    with pytest.raises(ValueError, match=r"p: has a row whose sum is off 1 by 26, expected rows that sum to 1"):
        bigram.as_probs(torch.ones((27, 27)), "p")
    for bad in (torch.randn((27, 27)), torch.full((27, 27), float("nan"))):
        with pytest.raises(ValueError, match=r"p: has an entry < 0 or NaN, expected probabilities"):
            bigram.as_probs(bad, "p")


# --- Data ---------------------------------------------------------------------------


def test_load_names_matches_the_census_files():
    assert bigram.load_names() == NAMES
    assert len(NAMES) == ledger("distinct first names in the census lists of `names` 0.3.0").exact
    assert len(set(NAMES)) == len(NAMES)
    assert all(set(name) <= set(ALPHABET) for name in NAMES)


def test_bigrams_frame_each_word_and_count_one_per_letter_plus_one():
    xs, ys = bigrams_of = bigram.bigrams(["Ava", "bo"])
    pairs = [SYMBOLS[x] + SYMBOLS[y] for x, y in zip(xs.tolist(), ys.tolist())]
    assert pairs == [".a", "av", "va", "a.", ".b", "bo", "o."]
    assert all(t.dtype == torch.int64 for t in bigrams_of)
    assert len(bigram.bigrams(NAMES)[0]) == N_BIGRAMS == sum(len(name) + 1 for name in NAMES)
    assert N_BIGRAMS == ledger("bigrams in those names, each framed by `.`").exact


def test_read_words_reads_one_word_per_line(tmp_path):
    file = tmp_path / "words.txt"
    file.write_text("Anna\n\n  bob  \nCLARA\n", encoding="utf-8")
    assert bigram.read_words(file) == ["anna", "bob", "clara"]


@pytest.mark.parametrize("words, message", [
    (["emma", "zoë"], r"words: holds 'zoë', expected strings of the letters a to z"),
    (["emma", 1], r"words: holds 1, expected strings of the letters a to z"),
    ([["bjorn"]], r"words: holds \['bjorn'\]"),
    (None, r"words: is None, expected a list of words"),
    (["mary-ann"], r"words: holds 'mary-ann'"),
    (["jo."], r"words: holds 'jo.'"),
    (["r2d2"], r"words: holds 'r2d2'"),
    (["anne marie"], r"words: holds 'anne marie'"),
    ([], r"words: is empty, expected at least one word"),
    ("emma", r"words: is 'emma', expected a list of words"),
    (["ok", ""], r"words: holds ''"),
])
def test_bad_words_raise_naming_the_word(words, message):
    for function in (bigram.check_words, bigram.bigrams, bigram.count_table, bigram.count_model_nll):
        with pytest.raises(ValueError, match=message):
            function(words)


def test_read_words_rejects_bad_files_loudly(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ValueError, match="words: is empty"):
        bigram.read_words(empty)
    bad = tmp_path / "bad.txt"
    bad.write_text("anna\nrené\n", encoding="utf-8")
    with pytest.raises(ValueError, match="holds 'rené'"):
        bigram.read_words(bad)
    with pytest.raises(FileNotFoundError):
        bigram.read_words(tmp_path / "missing.txt")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("rené\n".encode("latin-1"))
    with pytest.raises(UnicodeDecodeError):
        bigram.read_words(latin1)


# --- Counting and the count model ------------------------------------------------------


def test_count_tables_equal_a_counter_in_numpy_and_torch():
    expected = count_matrix(PAIRS)
    np.testing.assert_array_equal(bigram.count_table_numpy(NAMES), expected)
    np.testing.assert_array_equal(bigram.count_table(NAMES).numpy(), expected)
    assert int((expected == 0).sum()) == 27 * 27 - len(PAIRS) == ledger("cells of the 27 x 27 count table that are zero").exact
    assert PAIRS[("b", "j")] == 0 and PAIRS[("h", "x")] == 0  # the page's examples of unseen pairs
    assert (expected.sum(axis=1) > 0).all()  # the page: every symbol occurs, so every R_i > 0


@pytest.mark.parametrize("k", [0.0, 0.1, 1.0, 2.0])
def test_count_model_nll_equals_plain_python(k):
    assert math.isclose(bigram.count_model_nll(NAMES, smoothing=k), counter_nll(PAIRS, k), rel_tol=1e-12)


def test_the_ledger_exact_values_are_what_the_oracles_give(oracle_run):
    best = counter_nll(PAIRS)
    assert math.isclose(ledger("mean NLL of the count model (the minimum over bigram models)").exact, best, rel_tol=1e-12)
    for k, what in [(0.0, "mean NLL with add-0 smoothing"), (0.1, "mean NLL with add-0.1 smoothing"),
                    (1.0, "mean NLL with add-1 smoothing"), (2.0, "mean NLL with add-2 smoothing")]:
        assert math.isclose(ledger(what).exact, counter_nll(PAIRS, k), rel_tol=1e-12), what
    assert math.isclose(ledger("perplexity of the count model").exact, math.exp(best), rel_tol=1e-12)
    assert math.isclose(ledger("the one-hot loop's loss at step 1 (NLL + penalty, random W)").exact, oracle_run["losses"][0], rel_tol=1e-12)
    total = oracle_run["nll"] + oracle_run["penalty"]
    assert math.isclose(ledger("loss after 1000 steps (NLL + penalty)").exact, total, rel_tol=1e-10)
    assert math.isclose(ledger("its mean-NLL part").exact, oracle_run["nll"], rel_tol=1e-10)
    assert math.isclose(ledger("its penalty part, 0.01 * mean(W**2)").exact, oracle_run["penalty"], rel_tol=1e-8)
    assert math.isclose(ledger("perplexity of the trained model").exact, math.exp(oracle_run["nll"]), rel_tol=1e-10)
    assert math.isclose(ledger("gradient descent's final NLL minus the count model's").exact,
                        oracle_run["nll"] - best, rel_tol=1e-7)
    W0, _ = numpy_descent(count_matrix(PAIRS), 1000, 50.0, 0.0, initial_W())
    nll0 = -(count_matrix(PAIRS) * log_softmax_rows(W0)).sum() / N_BIGRAMS
    assert math.isclose(ledger("final NLL after 1000 steps without the penalty (reg=0)").exact, nll0, rel_tol=1e-10)
    bjorn = [(SYMBOLS.index(a), SYMBOLS.index(b)) for a, b in zip(".bjorn", "bjorn.")]
    P1 = (count_matrix(PAIRS) + 1) / (count_matrix(PAIRS) + 1).sum(axis=1, keepdims=True)
    assert math.isclose(ledger("NLL per bigram of 'bjorn' under add-1 smoothing").exact,
                        -np.mean([math.log(P1[i, j]) for i, j in bjorn]), rel_tol=1e-12)
    assert math.isclose(ledger("NLL per bigram of 'bjorn' under the trained model").exact,
                        -np.mean([math.log(oracle_run["P"][i, j]) for i, j in bjorn]), rel_tol=1e-10)
    # the random start, in float64 from the same float32 draw
    start = log_softmax_rows(initial_W())
    nll_start = -(count_matrix(PAIRS) * start).sum() / N_BIGRAMS
    assert math.isclose(ledger("mean NLL of the seeded random W (before the first step)").exact, nll_start, rel_tol=1e-6)
    assert math.isclose(ledger("penalty of the seeded random W").exact, 0.01 * (initial_W() ** 2).mean(), rel_tol=1e-6)


def test_no_other_table_beats_the_counts_and_the_gap_is_the_weighted_kl():
    N = count_matrix(PAIRS)
    R = N.sum(axis=1, keepdims=True)
    q = N / R
    best = counter_nll(PAIRS)
    rng = np.random.default_rng(0)
    for _ in range(20):
        P = rng.dirichlet(np.ones(27), size=27) * 0.05 + q * 0.95  # a table near the counts
        nll = -(N * np.log(P)).sum() / N.sum()
        with np.errstate(divide="ignore", invalid="ignore"):
            kl = np.where(q > 0, q * np.log(q / P), 0.0).sum(axis=1)
        assert nll > best
        assert math.isclose(nll - best, (R[:, 0] * kl).sum() / N.sum(), rel_tol=1e-9)


def test_the_trained_models_gap_is_its_weighted_kl(oracle_run):
    N = count_matrix(PAIRS)
    q = N / N.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        kl = np.where(q > 0, q * np.log(q / oracle_run["P"]), 0.0).sum(axis=1)
    gap = (N.sum(axis=1) * kl).sum() / N.sum()
    assert math.isclose(gap, oracle_run["nll"] - counter_nll(PAIRS), rel_tol=1e-9)
    assert math.isclose(ledger("the weighted KL, printed").computed(), gap, rel_tol=1e-9)


def test_count_probs_rows_sum_to_one_and_smoothing_adds_k():
    probs = bigram.count_probs(bigram.count_table(["ab"]))
    seen = [SYMBOLS.index(s) for s in ".ab"]
    torch.testing.assert_close(probs[seen].sum(dim=1), torch.ones(3, dtype=torch.float64))
    assert probs[SYMBOLS.index("z")].isnan().all()  # a row with no counts: 0/0, as the docstring says
    assert probs[SYMBOLS.index("a"), SYMBOLS.index("b")].item() == 1.0
    smoothed = bigram.count_probs(bigram.count_table(["ab"]), 1.0)
    assert math.isclose(smoothed[SYMBOLS.index("a"), SYMBOLS.index("b")].item(), 2 / 28)
    assert smoothed[SYMBOLS.index("z")].tolist() == [1 / 27] * 27


@pytest.mark.parametrize("counts, smoothing, message", [
    (-torch.ones((27, 27)), 0.0, r"counts: has an entry < 0 or NaN, expected counts"),
    (torch.full((27, 27), float("nan")), 0.0, r"counts: has an entry < 0 or NaN"),
    (torch.ones((26, 27)), 0.0, r"counts: has shape \(26, 27\), expected a table of shape \(27, 27\)"),
    (torch.ones((27, 27)), -1.0, r"smoothing: is -1.0, expected 0 <= k < inf"),
    (torch.ones((27, 27)), float("nan"), r"smoothing: is nan, expected 0 <= k < inf"),
    (torch.ones((27, 27)), float("inf"), r"smoothing: is inf, expected 0 <= k < inf"),
])
def test_count_probs_rejects_bad_input(counts, smoothing, message):
    with pytest.raises(ValueError, match=message):
        bigram.count_probs(counts, smoothing)


def test_add_k_costs_about_k_per_empty_cell_over_n():
    """First order: each row's share of n * NLL grows by k * (its empty cells); the ledger's
    predicted and actual values are those of plain-Python counting."""
    Z = 27 * 27 - len(PAIRS)
    best = counter_nll(PAIRS)
    for k in (0.1, 1, 2):
        entry = ledger(f"add-{k} smoothing: predicted k Z / n and actual rise of the training NLL")
        actual = counter_nll(PAIRS, k) - best
        assert entry.exact == pytest.approx((k * Z / N_BIGRAMS, actual), rel=1e-9)
        assert abs(actual - k * Z / N_BIGRAMS) < 0.02 * k * Z / N_BIGRAMS  # within 2% up to k = 2
    # per row the cost follows the number of empty cells, not the row's size
    N = count_matrix(PAIRS)
    R, zeros = N.sum(axis=1), (N == 0).sum(axis=1)
    k = 0.1
    P = (N + k) / (R + 27 * k)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        row_cost = (-(N * np.log(P)).sum(axis=1) + np.where(N > 0, N * np.log(N / R[:, None]), 0).sum(axis=1))
    np.testing.assert_allclose(row_cost, k * zeros, rtol=0, atol=0.08)  # in units of 1/n
    small, large = SYMBOLS.index("x"), SYMBOLS.index("t")  # 36 and 1453 observations
    assert R[small] < R[large] / 40 and zeros[small] > zeros[large] and row_cost[small] > row_cost[large]


def test_the_held_out_scores_are_those_of_plain_python_and_a_little_smoothing_wins():
    for k in (0, 0.1, 1, 2):
        entry = ledger(f"held-out mean NLL of add-{k} counts (fixed shuffle, 4130 names fitted)")
        assert entry.exact == held_out_nll(k) or math.isclose(entry.exact, held_out_nll(k), rel_tol=1e-12)
    assert held_out_nll(0) == math.inf
    assert min((0, 0.1, 1, 2), key=held_out_nll) == 0.1  # the page: k = 0.1 scores best of those tried
    assert 4130 == round(0.8 * len(NAMES))  # "about 80%"


def test_an_unseen_bigram_costs_infinity_without_smoothing_only():
    assert "bjorn" not in NAMES
    assert bigram.word_nll(bigram.count_probs(bigram.count_table(NAMES)), "bjorn") == math.inf
    assert math.isfinite(bigram.word_nll(bigram.count_probs(bigram.count_table(NAMES), 0.1), "bjorn"))
    uniform = torch.full((27, 27), 1 / 27, dtype=torch.float64)
    assert bigram.word_nll(uniform, "emma") == pytest.approx(math.log(27), rel=1e-12)
    with pytest.raises(ValueError, match=r"probs: has a row whose sum is off 1 by 26, expected rows that sum to 1"):
        bigram.word_nll(torch.ones((27, 27)), "emma")  # counts, not probabilities


def test_the_uniform_model_has_mean_nll_ln_27_and_perplexity_27():
    assert math.isclose(bigram.mean_nll(torch.zeros((27, 27)), NAMES), math.log(27), rel_tol=1e-12)
    assert math.isclose(math.exp(bigram.mean_nll(torch.zeros((27, 27)), NAMES)), 27, rel_tol=1e-12)


def test_a_confidently_wrong_model_has_a_huge_perplexity():
    """Perplexity scores the model against the data: certainty about the wrong symbol costs."""
    W = torch.zeros((27, 27), dtype=torch.float64)
    W[:, 5] = 20.0  # every row almost sure the next symbol is "e"
    assert W.softmax(dim=1).max(dim=1).values.min() > 0.999
    assert math.exp(bigram.mean_nll(W, NAMES)) > 1e6


# --- The random start ---------------------------------------------------------------------


def test_the_first_loss_exceeds_ln_27_by_about_half_a_nat():
    """E[ln X], X a sum of 27 e^z with z ~ N(0, 1): first order ln 27 + 1/2, second order minus
    (e - 1)/54, against quadrature and a NumPy Monte Carlo."""
    first_order = math.log(27) + 0.5
    second_order = first_order - (math.e - 1) / 54
    # quadrature: ln x = integral over t > 0 of (e^-t - e^-tx) / t dt, with t = e^u
    z = np.linspace(-10, 10, 4001)
    density = np.exp(-z**2 / 2) / math.sqrt(2 * math.pi) * (z[1] - z[0])
    u = np.linspace(-40, 12, 2601)
    t = np.exp(u)
    laplace = (np.exp(-np.outer(t, np.exp(z))) * density).sum(axis=1)  # E e^{-t e^z}
    exact = (np.exp(-t) - laplace**27).sum() * (u[1] - u[0])
    assert math.isclose(exact, ledger("the mean NLL part of a random W, in the prose").exact, abs_tol=1e-6)
    lse = lse_rows()
    assert abs(lse.mean() - exact) < 4 * lse.std() / math.sqrt(len(lse))
    assert second_order < exact < second_order + 0.005 and exact < first_order  # Jensen: E ln X < ln E X
    assert math.isclose(ledger("second order: ln mu - Var X / (2 mu^2), X a sum of 27 e^z").exact, second_order,
                        rel_tol=1e-12)
    # The chapter's run: its first NLL part is one draw, within two standard deviations of E[ln X]
    sd = ledger("NLL part of 2000 random W: mean and standard deviation, printed").exact[1]
    assert abs(chapter_run().nlls[0] - exact) < 2 * sd
    assert 0.45 < chapter_run().losses[0] - math.log(27) < 0.55
    _, one_hot_losses = bigram.train_one_hot(NAMES, steps=1)
    assert math.isclose(one_hot_losses[0], chapter_run().losses[0], rel_tol=1e-6)


def test_the_spread_of_random_starts_matches_its_formula():
    """sd of the count-weighted NLL part of a random W = sqrt(sum_i (R_i/n)^2 (Var lse - 2/27 + |p_i|^2)):
    the rows are independent, and Cov(lse, z_j) = E softmax_j = 1/27 (Stein's lemma). Checked against
    the ledger's value and against random tables drawn by NumPy."""
    N = count_matrix(PAIRS)
    n, R = N.sum(), N.sum(axis=1)
    p_hat = N / R[:, None]
    var_lse = lse_rows().var()
    sd = math.sqrt((((R / n) ** 2) * (var_lse - 2 / 27 + (p_hat**2).sum(axis=1))).sum())
    mean, ledger_sd = ledger("NLL part of 2000 random W: mean and standard deviation, printed").exact
    assert math.isclose(sd, ledger_sd, abs_tol=5e-4)
    W = np.random.default_rng(7).standard_normal((4000, 27, 27))
    top = W.max(axis=2, keepdims=True)
    log_p = W - top - np.log(np.exp(W - top).sum(axis=2, keepdims=True))
    parts = -(log_p * N).sum(axis=(1, 2)) / n
    assert abs(parts.mean() - mean) < 4 * ledger_sd / math.sqrt(len(parts))
    assert math.isclose(parts.std(), ledger_sd, rel_tol=0.06)


# --- Gradient descent -----------------------------------------------------------------


def test_train_equals_numpy_descent_with_a_hand_derived_gradient(oracle_run):
    result = chapter_run()
    assert result.W.shape == (27, 27) and result.W.dtype == torch.float64
    np.testing.assert_allclose(result.W.numpy(), oracle_run["W"], rtol=0, atol=1e-9)
    np.testing.assert_allclose(result.losses, oracle_run["losses"], rtol=1e-10)
    assert len(result.losses) == len(result.nlls) == 1000
    penalties = np.array(result.losses) - np.array(result.nlls)
    assert (penalties > 0).all()
    assert math.isclose(bigram.mean_nll(result.W, NAMES), oracle_run["nll"], rel_tol=1e-10)


def test_gradient_descent_stays_above_the_count_model():
    result = chapter_run()
    best = counter_nll(PAIRS)
    assert min(result.nlls) > best
    assert bigram.mean_nll(result.W, NAMES) > best
    assert all(later <= earlier for earlier, later in zip(result.losses, result.losses[1:]))


def test_the_hand_derived_gradient_equals_autograd_on_the_seed_loss():
    xs, ys = bigram.bigrams(NAMES[:300])
    W = torch.randn((27, 27), generator=torch.Generator().manual_seed(1), dtype=torch.float64, requires_grad=True)
    logits = F.one_hot(xs, num_classes=27).double() @ W
    loss = -logits.log_softmax(dim=1)[torch.arange(len(xs)), ys].mean() + 0.01 * (W**2).mean()
    loss.backward()
    N = count_matrix(pair_counts(NAMES[:300]))
    P = np.exp(log_softmax_rows(W.detach().numpy()))
    by_hand = (N.sum(axis=1, keepdims=True) * P - N) / N.sum() + 2 * 0.01 * W.detach().numpy() / 729
    np.testing.assert_allclose(W.grad.numpy(), by_hand, rtol=0, atol=1e-14)


def test_at_the_penalised_optimum_the_penalty_acts_as_pseudo_counts():
    """The page's claims about the stationary point, checked on a long NumPy run."""
    N = count_matrix(PAIRS)
    R = N.sum(axis=1, keepdims=True)
    W = long_numpy_run()
    P = np.exp(log_softmax_rows(W))
    c = 2 * 0.01 * N.sum() / 729
    assert math.isclose(c, ledger("pseudo-count scale c = 2 * reg * n / 729").exact, rel_tol=1e-12)
    np.testing.assert_allclose(P, (N - c * W) / R, rtol=0, atol=1e-9)  # P = (N - cW) / R
    np.testing.assert_allclose(W.sum(axis=1), 0.0, atol=1e-8)           # rows of W sum to 0
    assert (W[N == 0] < 0).all()                                          # unseen: positive pseudo-count
    nll = -(N * np.log(P)).sum() / N.sum()
    assert counter_nll(PAIRS, 1.0) < nll < counter_nll(PAIRS, 2.0)       # between add-1 and add-2


def test_1000_steps_leave_the_row_sums_of_W_far_from_zero():
    """The page: the NLL's gradient sums to zero along each row, so only the penalty shrinks a
    row's sum of W, by the factor 1 - 2 lambda lr / 729 per step: 1000 steps leave W short of
    the stationary point (whose rows sum to 0), while P is already close to it."""
    W0, W = initial_W(), chapter_run().W.numpy()
    factor = (1 - 2 * 0.01 * 50.0 / 729) ** 1000
    np.testing.assert_allclose(W.sum(axis=1), factor * W0.sum(axis=1), rtol=0, atol=1e-9)
    assert 0.2 < factor < 0.3 and np.abs(W.sum(axis=1)).max() > 1
    long = long_numpy_run()
    assert np.abs(W - long).max() > 0.1
    assert np.abs(np.exp(log_softmax_rows(W)) - np.exp(log_softmax_rows(long))).max() < 0.02


def test_running_the_penalised_descent_longer_hardly_shrinks_the_gap(oracle_run):
    """The page: train(names, steps=30000) ends with a gap hardly smaller than after 1000 steps."""
    best = counter_nll(PAIRS)
    gap_1000 = oracle_run["nll"] - best
    gap_long = -(count_matrix(PAIRS) * log_softmax_rows(long_numpy_run())).sum() / N_BIGRAMS - best
    assert 0.9 * gap_1000 < gap_long < gap_1000


def test_the_one_hot_loop_and_train_agree_step_by_step():
    W, seed_losses = bigram.train_one_hot(NAMES, steps=25)
    result = bigram.train(NAMES, steps=25)
    np.testing.assert_allclose(seed_losses, result.losses, rtol=2e-6)  # float32 vs float64
    np.testing.assert_allclose(W.numpy(), result.W.numpy(), atol=2e-4)


def test_one_hot_product_equals_row_lookup_exactly():
    xs, _ = bigram.bigrams(NAMES)
    for dtype in (torch.float32, torch.float64):
        W = torch.randn((27, 27), generator=torch.Generator().manual_seed(3), dtype=dtype)
        assert torch.equal(F.one_hot(xs, 27).to(dtype) @ W, W[xs])
    # and softmax of the looked-up rows is the looked-up rows of the softmax (the fast path)
    W = torch.randn((27, 27), generator=torch.Generator().manual_seed(4), dtype=torch.float64)
    assert torch.equal(W[xs].log_softmax(dim=1), W.log_softmax(dim=1)[xs])


def test_time_forms_times_both_forms():
    timings = bigram.time_forms(NAMES[:50], repeat=2, number=2)
    assert set(timings) == {"one_hot(xs) @ W", "W[xs]"}
    assert all(value > 0 for value in timings.values())


def test_mean_nll_equals_torch_cross_entropy():
    for seed in range(5):
        W = torch.randn((27, 27), generator=torch.Generator().manual_seed(seed), dtype=torch.float64) * 3
        xs, ys = bigram.bigrams(NAMES)
        assert math.isclose(bigram.mean_nll(W, NAMES), F.cross_entropy(W[xs], ys).item(), rel_tol=1e-12)


@pytest.mark.parametrize("train_function", [bigram.train, bigram.train_one_hot])
@pytest.mark.parametrize("kwargs, message", [
    ({"steps": 0}, r"steps: is 0, expected at least 1"),
    ({"steps": 1, "lr": 0.0}, r"lr: is 0.0, expected a learning rate > 0"),
    ({"steps": 1, "lr": float("nan")}, r"lr: is nan, expected a learning rate > 0"),
    ({"steps": 1, "reg": -1.0}, r"reg: is -1.0, expected a finite weight >= 0"),
    ({"steps": 1, "reg": float("inf")}, r"reg: is inf, expected a finite weight >= 0"),
    ({"steps": 3, "lr": 1e300}, r"lr: is 1e\+300 \(diverged: loss 4.08 -> (nan|inf)\), expected a smaller one"),
    ({"steps": 3, "lr": 5000}, r"lr: is 5000 \(diverged: loss 4.08 -> (\d+|nan)\), expected a smaller one"),
    ({"steps": 1, "lr": 1e6}, r"lr: is 1000000.0 \(diverged: loss 4.08 -> [\d.e+]+\), expected a smaller one"),
])
def test_training_checks_its_settings_and_refuses_to_return_a_diverged_run(train_function, kwargs, message):
    with pytest.raises(ValueError, match=message):
        train_function(["emma", "ava"], **kwargs)


def test_a_loss_that_grows_without_overflowing_is_refused_too():
    """lr = 5000 on the census names: the float64 loss climbs from 3.81 to about 152 in 200 steps,
    finite all the way, and must not come back as a result. The check scores the W returned,
    after the last update, so a single step that diverges is refused too."""
    with pytest.raises(ValueError, match=r"lr: is 5000 \(diverged: loss 3.81 -> 152\)"):
        bigram.train(NAMES, steps=200, lr=5000)
    for train_function in (bigram.train, bigram.train_one_hot):
        with pytest.raises(ValueError, match=r"lr: is 1000000.0 \(diverged: loss 4.08 -> "):
            train_function(["emma", "ava"], steps=1, lr=1e6)
        assert train_function(["emma", "ava"], steps=1, lr=50.0)  # one sound step is returned


# --- Sampling ---------------------------------------------------------------------------


def test_sampling_is_repeatable_and_uses_only_seen_bigrams():
    probs = bigram.count_probs(bigram.count_table(NAMES))
    drawn = bigram.sample(probs, 200, seed=7)
    assert drawn == bigram.sample(probs, 200, seed=7)
    assert drawn != bigram.sample(probs, 200, seed=8)
    for name in drawn:
        assert name and set(name) <= set(ALPHABET)
        assert all(PAIRS[pair] > 0 for pair in zip("." + name, name + "."))


def test_first_letters_follow_the_models_first_row():
    drawn = bigram.sample(bigram.count_probs(bigram.count_table(NAMES)), 3000, seed=11)
    observed = collections.Counter(name[0] for name in drawn)
    expected = count_matrix(PAIRS)[0] / count_matrix(PAIRS)[0].sum()
    for letter in ALPHABET:
        p = expected[SYMBOLS.index(letter)]
        sd = math.sqrt(3000 * p * (1 - p))
        assert abs(observed[letter] - 3000 * p) <= 5 * sd + 1, letter


def test_sampling_stops_at_max_length_when_the_end_cannot_be_reached():
    stuck = torch.zeros((27, 27), dtype=torch.float64)
    stuck[:, SYMBOLS.index("a")] = 1.0  # every row: "a" next, never "."
    assert bigram.sample(stuck, 2, seed=0) == ["a" * 50] * 2
    assert bigram.sample(stuck, 1, seed=0, max_length=3) == ["aaa"]


def test_sampling_from_softmaxed_logits():
    W = torch.full((27, 27), -50.0, dtype=torch.float64)
    W[0, SYMBOLS.index("h")] = W[SYMBOLS.index("h"), SYMBOLS.index("i")] = W[SYMBOLS.index("i"), 0] = 50.0
    assert bigram.sample(W.softmax(dim=1), 3, seed=0) == ["hi", "hi", "hi"]
    assert bigram.sample(W.float().softmax(dim=1), 3, seed=0) == ["hi", "hi", "hi"]  # float32 rows pass


@pytest.mark.parametrize("model, message", [
    (torch.ones((27, 27)), r"probs: has a row whose sum is off 1 by 26, expected rows that sum to 1"),
    (torch.randn((27, 27), generator=torch.Generator().manual_seed(0)), r"probs: has an entry < 0 or NaN"),
    (torch.full((27, 27), float("nan")), r"probs: has an entry < 0 or NaN"),
])
def test_sample_refuses_counts_logits_and_nan(model, message):
    with pytest.raises(ValueError, match=message):
        bigram.sample(model, 1, seed=0)


# --- The page ----------------------------------------------------------------------------


def test_the_line_by_line_explanation_quotes_the_loop_verbatim():
    loop = section_text("snippets/bigram.py", "one_hot_loop")
    explained = re.findall(r"^\d+\. `([^`]+)`", page_source("bigram.md"), re.M)
    explained += re.findall(r" and `([^`]+)`: ", page_source("bigram.md"))
    assert len(explained) >= 6
    for line in explained:
        assert line in loop, f"the page explains {line!r}, which is not in the loop"


def test_the_page_mentions_the_source_articles_at_most_twice():
    prose = re.sub(r"```.*?```", "", page_source("bigram.md"), flags=re.S)
    assert not re.search(r"\bseed 00\d", prose)
    assert len(re.findall(r"\bsources?\b|articles this site grew from|source-notes\.md", prose)) <= 2


def test_the_notebook_links_nothing_a_download_would_break():
    """A downloaded notebook has no site around it: no relative links except its own download link."""
    markdown = "".join(cell.source for cell in read_notebook().cells if cell.cell_type == "markdown")
    links = re.findall(r"\]\(([^)]+)\)", markdown)
    assert links == ["bigram-notebook.ipynb"], links


# --- The notebook --------------------------------------------------------------------------

NOTEBOOK = DOCS / "bigram-notebook.ipynb"


def read_notebook():
    import nbformat

    notebook = nbformat.read(str(NOTEBOOK), as_version=4)
    nbformat.validate(notebook)
    return notebook


def test_the_notebook_is_committed_without_outputs_and_stands_alone():
    notebook = read_notebook()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(not cell.outputs and cell.execution_count is None for cell in code)
    source = "\n".join(cell.source for cell in code)
    assert not re.search(r"^\s*(from|import)\s+(snippets|tests)\b", source, re.M)
    assert "sys.path" not in source and "parents" not in source  # no search for the repository
    assert "plt." in source and "alt=" in source
    wide = [line for line in source.splitlines() if len(line) > MAX_LINE]
    assert not wide, wide
    assert "[Download the notebook](bigram-notebook.ipynb)" in notebook.cells[0].source
    assert notebook.cells[2].cell_type == "code"  # the browser test reads its outputs


@pytest.fixture(scope="module")
def executed_notebook(tmp_path_factory):
    """The notebook executed in a fresh kernel whose working folder is empty, far from the repository."""
    from nbclient import NotebookClient

    notebook = read_notebook()
    folder = tmp_path_factory.mktemp("empty")
    NotebookClient(notebook, timeout=600, kernel_name="python3", allow_errors=False,
                   resources={"metadata": {"path": str(folder)}}).execute()
    assert not any(folder.iterdir()), "the notebook wrote files"
    return notebook


def test_the_notebook_runs_in_an_empty_folder_and_prints_the_chapters_numbers(executed_notebook, oracle_run):
    printed = "".join(output.get("text", "") for cell in executed_notebook.cells if cell.cell_type == "code"
                      for output in cell.outputs if output.output_type == "stream")
    best = counter_nll(PAIRS)
    expected = [
        f"{len(NAMES):,} names, {N_BIGRAMS:,} bigrams",
        f"cells with count 0: {27 * 27 - len(PAIRS)} of 729",
        f"count model: mean NLL {best:.4f} nats, perplexity {math.exp(best):.2f}",
        *(f"k = {k:<3}  mean NLL {counter_nll(PAIRS, k):.4f}" for k in [0, 0.1, 1, 2]),
        "'bjorn' with k = 0: inf nats per bigram",
        f"'bjorn' with k = 1: {ledger('NLL per bigram of ' + repr('bjorn') + ' under add-1 smoothing').exact:.2f}",
        f"NLL part at step 1: {-(count_matrix(PAIRS) * log_softmax_rows(initial_W())).sum() / N_BIGRAMS:.4f}; "
        f"ln 27 + 1/2 - (e - 1)/54 = {math.log(27) + 0.5 - (math.e - 1) / 54:.4f}",
        f"after 1000 steps: {oracle_run['nll'] + oracle_run['penalty']:.5f} = NLL {oracle_run['nll']:.5f} "
        f"+ penalty {oracle_run['penalty']:.5f}",
        f"NLL above the count model by {oracle_run['nll'] - best:.4f}; perplexity {math.exp(oracle_run['nll']):.2f}",
    ]
    for line in expected:
        assert line in printed, line
    # the sampled names are those the page shows
    shown = re.search(r"```text\n(ceugeen.*)\n(.*)\n```", page_source("bigram.md"))
    assert f"count model:   {shown[1]}" in printed and f"trained model: {shown[2]}" in printed


def test_the_notebook_page_gives_both_plots_alt_text(executed_notebook, tmp_path):
    import nbformat
    from mkdocs_jupyter.convert import nb2html

    path = tmp_path / "bigram-notebook.ipynb"
    nbformat.write(executed_notebook, str(path))
    page = nb2html(str(path), theme="", custom_mathjax_url="", allow_errors=False)
    alts = re.findall(r'<img[^>]*\balt="([^"]*)"', page)
    assert len(alts) == 2, alts
    assert alts[0].startswith("Heat map of the 27 by 27 table") and alts[1].startswith("Two panels plotting loss")
    assert "No description has been provided" not in page


# --- In the browser -----------------------------------------------------------------------


@pytest.mark.browser
def test_the_notebook_page_typesets_its_math_and_offers_the_download(watched_page, site_url):
    page, watch = watched_page
    page.goto(site_url + "bigram-notebook/")
    # The notebook's Markdown math was rendered when the site was built: no waiting for MathJax.
    assert page.locator(".jp-RenderedMarkdown mjx-container mjx-assistive-mml").count() >= 20
    assert page.locator("mjx-merror").count() == 0
    leftover = page.evaluate("() => [...document.querySelectorAll('.jp-RenderedMarkdown')]"
                             ".map(e => e.innerText).join(' ')")
    assert "$" not in leftover, "raw TeX delimiters left in the notebook's Markdown"
    # Material's instant navigation rewrites links to absolute URLs.
    link = page.locator(".jp-RenderedMarkdown a[href$='/bigram-notebook/bigram-notebook.ipynb']")
    assert link.count() == 1
    response = page.request.get(site_url + "bigram-notebook/bigram-notebook.ipynb")
    assert response.ok and json.loads(response.text())["cells"][2]["outputs"]
    assert not watch.blocked and not watch.failed and not watch.console_errors, (watch.blocked, watch.failed, watch.console_errors)


@pytest.mark.browser
def test_the_chapter_typesets_all_its_math(watched_page, site_url):
    page, watch = watched_page
    page.goto(site_url + "bigram/")
    page.wait_for_load_state("load")  # the math was rendered when the site was built
    assert page.locator(".arithmatex").count() > 40
    assert page.locator(".arithmatex").count() == page.locator(".arithmatex mjx-container mjx-assistive-mml").count()
    assert page.locator("mjx-merror").count() == 0
    assert page.locator("mjx-container").count() == page.locator(".arithmatex mjx-container").count()
    assert not watch.blocked and not watch.failed and not watch.console_errors, (watch.blocked, watch.failed, watch.console_errors)


# --- Bad input ---

from snippets import bigram as bigram_module  # noqa: E402
from tests.badinput import Bad, inf, nan, word_file  # noqa: E402

# The bigram cases use a tiny word list: no case here counts or trains on the census names.
WORDS = ["emma", "ava"]
COUNTS = bigram_module.count_table(WORDS)  # int64 (27, 27)
UNIFORM = torch.full((27, 27), 1 / 27, dtype=torch.float64)  # every next symbol equally likely
LOGITS = torch.randn((27, 27), generator=torch.Generator().manual_seed(0))  # logits, not probabilities

#: Bad input for every public function of snippets/bigram.py (run by tests/test_bad_input.py).
BAD_INPUTS = {
    "check": [
        Bad("range", lambda: bigram_module.check(False, "steps", "is 0", "at least 1"),
            "steps: is 0, expected at least 1"),
        Bad("type", lambda: bigram_module.check(1 == 2, "x", "is 'a'", "a number"), "x: is 'a', expected a number"),
    ],
    "as_table": [
        Bad("shape", lambda: bigram_module.as_table(COUNTS[:, :5], "counts", "counts"),
            "counts: has shape (27, 5), expected a table of shape (27, 27)"),
        Bad("range", lambda: bigram_module.as_table(-COUNTS - 1, "counts", "counts"),
            "counts: has an entry < 0 or NaN, expected counts"),
        Bad("nan", lambda: bigram_module.as_table(torch.full((27, 27), nan), "t", "x"), "t: has an entry < 0 or NaN"),
    ],
    "as_probs": [
        Bad("shape", lambda: bigram_module.as_probs(UNIFORM[:26], "probs"),
            "probs: has shape (26, 27), expected a table of shape (27, 27)"),
        Bad("sum", lambda: bigram_module.as_probs(torch.ones((27, 27)), "probs"), "probs: has a row whose sum is off 1 by"),
        Bad("range", lambda: bigram_module.as_probs(LOGITS, "probs"),
            "probs: has an entry < 0 or NaN, expected probabilities"),
        Bad("nan", lambda: bigram_module.as_probs(torch.full((27, 27), nan), "p"), "p: has an entry < 0 or NaN"),
    ],
    "check_words": [
        Bad("range", lambda: bigram_module.check_words(["zoë"]), "words: holds 'zoë', expected strings of the letters"),
        Bad("type", lambda: bigram_module.check_words(["emma", 7]), "words: holds 7, expected strings of the letters"),
        Bad("type", lambda: bigram_module.check_words(None), "words: is None, expected a list of words"),
        Bad("range", lambda: bigram_module.check_words(["emma", "a.b"]), "words: holds 'a.b'"),
        Bad("empty", lambda: bigram_module.check_words([]), "words: is empty, expected at least one word"),
        Bad("empty", lambda: bigram_module.check_words(["emma", ""]), "words: holds ''"),
        Bad("type", lambda: bigram_module.check_words("emma"), "words: is 'emma', expected a list"),
    ],
    "read_words": [
        Bad("range", lambda: bigram_module.read_words(word_file("zoë\nemma\n")), "words: holds 'zoë'"),
        Bad("empty", lambda: bigram_module.read_words(word_file("\n\n")), "words: is empty"),
    ],
    "bigrams": [
        Bad("range", lambda: bigram_module.bigrams(["zoë"]), "holds 'zoë'"),
        Bad("empty", lambda: bigram_module.bigrams([]), "words: is empty"),
        Bad("type", lambda: bigram_module.bigrams("emma"), "words: is 'emma'"),
        Bad("type", lambda: bigram_module.bigrams([1, 2]), "words: holds 1"),
    ],
    "count_table_numpy": [
        Bad("range", lambda: bigram_module.count_table_numpy(["a-b"]), "words: holds 'a-b'"),
        Bad("empty", lambda: bigram_module.count_table_numpy([]), "words: is empty"),
    ],
    "count_table": [
        Bad("range", lambda: bigram_module.count_table(["émile"]), "words: holds 'émile'"),
        Bad("empty", lambda: bigram_module.count_table([]), "words: is empty"),
    ],
    "count_probs": [
        Bad("range", lambda: bigram_module.count_probs(-torch.ones((27, 27))), "counts: has an entry < 0 or NaN"),
        Bad("range", lambda: bigram_module.count_probs(LOGITS), "counts: has an entry < 0 or NaN"),
        Bad("nan", lambda: bigram_module.count_probs(torch.full((27, 27), nan)), "counts: has an entry < 0 or NaN"),
        Bad("scale", lambda: bigram_module.count_probs(COUNTS, smoothing=-1.0), "smoothing: is -1.0, expected 0 <= k < inf"),
        Bad("nan", lambda: bigram_module.count_probs(COUNTS, smoothing=nan), "smoothing: is nan"),
        Bad("scale", lambda: bigram_module.count_probs(COUNTS, smoothing=inf), "smoothing: is inf, expected 0 <= k < inf"),
        Bad("shape", lambda: bigram_module.count_probs(COUNTS[1:]), "counts: has shape (26, 27), expected a table"),
    ],
    "count_model_nll": [
        Bad("range", lambda: bigram_module.count_model_nll(["zoë"]), "holds 'zoë'"),
        Bad("empty", lambda: bigram_module.count_model_nll([]), "words: is empty"),
        Bad("scale", lambda: bigram_module.count_model_nll(WORDS, smoothing=-0.5), "smoothing: is -0.5"),
    ],
    "word_nll": [
        Bad("sum", lambda: bigram_module.word_nll(torch.ones((27, 27)), "emma"), "probs: has a row whose sum is off 1 by 26"),
        Bad("range", lambda: bigram_module.word_nll(-UNIFORM, "emma"), "probs: has an entry < 0 or NaN"),
        Bad("nan", lambda: bigram_module.word_nll(torch.full((27, 27), nan), "emma"), "probs: has an entry < 0 or NaN"),
        Bad("type", lambda: bigram_module.word_nll(UNIFORM, ["emma"]), "words: holds ['emma']"),
        Bad("range", lambda: bigram_module.word_nll(UNIFORM, "zoë"), "holds 'zoë'"),
        Bad("shape", lambda: bigram_module.word_nll(UNIFORM[0], "emma"), "probs: has shape (27,)"),
        Bad("empty", lambda: bigram_module.word_nll(UNIFORM, ""), "words: holds ''"),
    ],
    "train_one_hot": [
        Bad("count", lambda: bigram_module.train_one_hot(WORDS, steps=0), "steps: is 0, expected at least 1"),
        Bad("scale", lambda: bigram_module.train_one_hot(WORDS, 1, lr=0), "lr: is 0, expected a learning rate > 0"),
        Bad("nan", lambda: bigram_module.train_one_hot(WORDS, 1, lr=nan), "lr: is nan"),
        Bad("empty", lambda: bigram_module.train_one_hot([], 1), "words: is empty"),
        Bad("scale", lambda: bigram_module.train_one_hot(WORDS, 3, lr=1e39), "lr: is 1e+39 (diverged: loss 4.08 ->"),
        Bad("scale", lambda: bigram_module.train_one_hot(WORDS, 3, lr=5000), "lr: is 5000 (diverged: loss 4.08 ->"),
        Bad("scale", lambda: bigram_module.train_one_hot(WORDS, 1, lr=1e6), "lr: is 1000000.0 (diverged: loss 4.08 ->"),
        Bad("scale", lambda: bigram_module.train_one_hot(WORDS, 1, reg=-1.0), "reg: is -1.0, expected a finite weight"),
    ],
    "time_forms": [
        Bad("empty", lambda: bigram_module.time_forms([], 1, 1), "words: is empty"),
        Bad("range", lambda: bigram_module.time_forms(["zoë"], 1, 1), "holds 'zoë'"),
    ],
    "train": [
        Bad("count", lambda: bigram_module.train(WORDS, steps=0), "steps: is 0, expected at least 1"),
        Bad("scale", lambda: bigram_module.train(WORDS, 1, lr=0), "lr: is 0, expected a learning rate > 0"),
        Bad("scale", lambda: bigram_module.train(WORDS, 1, lr=-1), "lr: is -1"),
        Bad("nan", lambda: bigram_module.train(WORDS, 1, lr=nan), "lr: is nan"),
        Bad("empty", lambda: bigram_module.train([], 1), "words: is empty"),
        Bad("range", lambda: bigram_module.train(["zoë"], 1), "holds 'zoë'"),
        Bad("scale", lambda: bigram_module.train(WORDS, 3, lr=1e300), "lr: is 1e+300 (diverged: loss 4.08 ->"),
        Bad("scale", lambda: bigram_module.train(WORDS, 3, lr=5000),
            "lr: is 5000 (diverged: loss 4.08 -> 288), expected a smaller one"),
        Bad("scale", lambda: bigram_module.train(WORDS, 1, lr=1e6), "lr: is 1000000.0 (diverged: loss 4.08 -> 1.99e+06)"),
        Bad("scale", lambda: bigram_module.train(WORDS, 2, reg=-1.0), "reg: is -1.0, expected a finite weight >= 0"),
        Bad("nan", lambda: bigram_module.train(WORDS, 2, reg=nan), "reg: is nan"),
    ],
    "mean_nll": [
        Bad("empty", lambda: bigram_module.mean_nll(UNIFORM, []), "words: is empty"),
        Bad("range", lambda: bigram_module.mean_nll(UNIFORM, ["zoë"]), "holds 'zoë'"),
    ],
    "sample": [
        Bad("sum", lambda: bigram_module.sample(torch.ones((27, 27)), 2, seed=1), "probs: has a row whose sum is off 1 by"),
        Bad("range", lambda: bigram_module.sample(LOGITS, 2, seed=1), "probs: has an entry < 0 or NaN"),
        Bad("nan", lambda: bigram_module.sample(torch.full((27, 27), nan), 1, seed=1), "probs: has an entry < 0 or NaN"),
    ],
}
