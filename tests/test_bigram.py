"""Tests of snippets/bigram.py, docs/bigram.md and the notebook.

The oracles are independent of the module: the census files read with plain ``open``,
bigrams counted with ``collections.Counter`` and scored with ``math.log``, gradient
descent re-implemented in NumPy with the gradient derived by hand (in the count form
the chapter derives, not the per-bigram form the module uses), and PyTorch's own
``cross_entropy`` and autograd.
"""

from __future__ import annotations

import collections
import json
import math
import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import names as names_package
from snippets import bigram
from tests.ledger import WorkedNumber
from tests.sitetools import DOCS, ROOT, page_source, section_text

ALPHABET = "abcdefghijklmnopqrstuvwxyz"
SYMBOLS = "." + ALPHABET


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
    return next(entry for entry in bigram.WORKED_NUMBERS if entry.what == what)


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
    (["emma", "zoë"], r"'zoë' contains 'ë', expected only the letters a-z"),
    (["mary-ann"], r"'mary-ann' contains '-', expected only the letters a-z"),
    (["jo."], r"'jo.' contains '.', expected only the letters a-z"),
    (["r2d2"], r"'r2d2' contains '2'"),
    (["anne marie"], r"'anne marie' contains ' '"),
    ([], r"words: is empty, expected at least one word"),
    ("emma", r"got the single string 'emma', expected a list of words"),
    (["ok", 3], r"3 is a int, expected a string"),
    (["ok", ""], r"contains an empty word"),
])
def test_bad_words_raise_naming_the_word_and_character(words, message):
    for function in (bigram.check_words, bigram.bigrams, bigram.count_table, bigram.count_model_nll):
        with pytest.raises(ValueError, match=message):
            function(words)


def test_read_words_rejects_bad_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ValueError, match="is empty"):
        bigram.read_words(empty)
    bad = tmp_path / "bad.txt"
    bad.write_text("anna\nrené\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'rené' contains 'é'"):
        bigram.read_words(bad)


# --- Counting and the count model ------------------------------------------------------


def test_count_tables_equal_a_counter_in_numpy_and_torch():
    expected = count_matrix(PAIRS)
    np.testing.assert_array_equal(bigram.count_table_numpy(NAMES), expected)
    np.testing.assert_array_equal(bigram.count_table(NAMES).numpy(), expected)
    assert int((expected == 0).sum()) == 27 * 27 - len(PAIRS) == ledger("cells of the 27 x 27 count table that are zero").exact
    assert PAIRS[("b", "j")] == 0 and PAIRS[("h", "x")] == 0  # the page's examples of unseen pairs


@pytest.mark.parametrize("k", [0.0, 0.1, 1.0, 2.0])
def test_count_model_nll_equals_plain_python(k):
    assert math.isclose(bigram.count_model_nll(NAMES, smoothing=k), counter_nll(PAIRS, k), rel_tol=1e-12)


def test_the_ledger_exact_values_are_what_the_oracles_give(oracle_run):
    assert math.isclose(ledger("mean NLL of the count model (the minimum over bigram models)").exact, counter_nll(PAIRS), rel_tol=1e-12)
    for k, what in [(0.0, "mean NLL with add-0 smoothing"), (0.1, "mean NLL with add-0.1 smoothing"),
                    (1.0, "mean NLL with add-1 smoothing"), (2.0, "mean NLL with add-2 smoothing")]:
        assert math.isclose(ledger(what).exact, counter_nll(PAIRS, k), rel_tol=1e-12), what
    assert math.isclose(ledger("perplexity of the count model").exact, math.exp(counter_nll(PAIRS)), rel_tol=1e-12)
    assert math.isclose(ledger("seed 002's loss at step 1 (NLL + penalty, random W)").exact, oracle_run["losses"][0], rel_tol=1e-12)
    total = oracle_run["nll"] + oracle_run["penalty"]
    assert math.isclose(ledger("seed 002's loss after 1000 steps (NLL + penalty)").exact, total, rel_tol=1e-10)
    assert math.isclose(ledger("its mean-NLL part").exact, oracle_run["nll"], rel_tol=1e-10)
    assert math.isclose(ledger("its penalty part, 0.01 * mean(W**2)").exact, oracle_run["penalty"], rel_tol=1e-8)
    assert math.isclose(ledger("perplexity of the trained model").exact, math.exp(oracle_run["nll"]), rel_tol=1e-10)
    assert math.isclose(ledger("gradient descent's final NLL minus the count model's").exact,
                        oracle_run["nll"] - counter_nll(PAIRS), rel_tol=1e-7)
    W0, _ = numpy_descent(count_matrix(PAIRS), 1000, 50.0, 0.0, initial_W())
    nll0 = -(count_matrix(PAIRS) * log_softmax_rows(W0)).sum() / N_BIGRAMS
    assert math.isclose(ledger("final NLL after 1000 steps without the penalty (reg=0)").exact, nll0, rel_tol=1e-10)
    bjorn = [(SYMBOLS.index(a), SYMBOLS.index(b)) for a, b in zip(".bjorn", "bjorn.")]
    P1 = (count_matrix(PAIRS) + 1) / (count_matrix(PAIRS) + 1).sum(axis=1, keepdims=True)
    assert math.isclose(ledger("NLL per bigram of 'bjorn' under add-1 smoothing").exact,
                        -np.mean([math.log(P1[i, j]) for i, j in bjorn]), rel_tol=1e-12)
    assert math.isclose(ledger("NLL per bigram of 'bjorn' under the trained model").exact,
                        -np.mean([math.log(oracle_run["P"][i, j]) for i, j in bjorn]), rel_tol=1e-10)


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


def test_count_probs_rows_sum_to_one_and_empty_rows_are_uniform():
    probs = bigram.count_probs(bigram.count_table(["ab"]))
    torch.testing.assert_close(probs.sum(dim=1), torch.ones(27, dtype=torch.float64))
    assert probs[SYMBOLS.index("z")].tolist() == [1 / 27] * 27
    assert probs[SYMBOLS.index("a"), SYMBOLS.index("b")].item() == 1.0
    smoothed = bigram.count_probs(bigram.count_table(["ab"]), 1.0)
    assert math.isclose(smoothed[SYMBOLS.index("a"), SYMBOLS.index("b")].item(), 2 / 28)


@pytest.mark.parametrize("counts, smoothing, message", [
    (torch.zeros((26, 27)), 0.0, r"counts: has shape \(26, 27\), expected \(27, 27\)"),
    (-torch.ones((27, 27)), 0.0, r"counts: contains a negative count"),
    (torch.full((27, 27), float("nan")), 0.0, r"counts: contains NaN"),
    (torch.ones((27, 27)), -1.0, r"smoothing: is -1, expected a number >= 0"),
    (torch.ones((27, 27)), float("nan"), r"smoothing: contains NaN"),
])
def test_count_probs_rejects_bad_input(counts, smoothing, message):
    with pytest.raises(ValueError, match=message):
        bigram.count_probs(counts, smoothing)


def test_an_unseen_bigram_costs_infinity_without_smoothing_only():
    assert "bjorn" not in NAMES
    assert bigram.word_nll(bigram.count_probs(bigram.count_table(NAMES)), "bjorn") == math.inf
    assert math.isfinite(bigram.word_nll(bigram.count_probs(bigram.count_table(NAMES), 0.1), "bjorn"))
    with pytest.raises(ValueError, match=r"probs: has shape \(2, 2\)"):
        bigram.word_nll(torch.ones((2, 2)), "ab")


def test_perplexity_is_exp_and_uniform_gives_27():
    assert math.isclose(bigram.perplexity(math.log(27)), 27.0, rel_tol=1e-12)
    assert math.isclose(bigram.mean_nll(torch.zeros((27, 27)), NAMES), math.log(27), rel_tol=1e-12)


# --- Gradient descent -----------------------------------------------------------------


def test_train_equals_numpy_descent_with_a_hand_derived_gradient(oracle_run):
    result = bigram.train(NAMES, steps=1000)
    assert result.W.shape == (27, 27) and result.W.dtype == torch.float64
    np.testing.assert_allclose(result.W.numpy(), oracle_run["W"], rtol=0, atol=1e-9)
    np.testing.assert_allclose(result.losses, oracle_run["losses"], rtol=1e-10)
    assert len(result.losses) == len(result.nlls) == 1000
    penalties = np.array(result.losses) - np.array(result.nlls)
    assert (penalties > 0).all()
    assert math.isclose(bigram.mean_nll(result.W, NAMES), oracle_run["nll"], rel_tol=1e-10)


def test_gradient_descent_stays_above_the_count_model():
    result = bigram.reference_run()
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
    W, _ = numpy_descent(N, 30000, 50.0, 0.01, initial_W())
    P = np.exp(log_softmax_rows(W))
    c = 2 * 0.01 * N.sum() / 729
    assert math.isclose(c, ledger("pseudo-count scale c = 2 * reg * n / 729").exact, rel_tol=1e-12)
    np.testing.assert_allclose(P, (N - c * W) / R, rtol=0, atol=1e-9)  # P = (N - cW) / R
    np.testing.assert_allclose(W.sum(axis=1), 0.0, atol=1e-8)           # rows of W sum to 0
    assert (W[N == 0] < 0).all()                                          # unseen: positive pseudo-count
    nll = -(N * np.log(P)).sum() / N.sum()
    assert counter_nll(PAIRS, 1.0) < nll < counter_nll(PAIRS, 2.0)       # between add-1 and add-2


def test_the_seed_loop_and_train_agree_step_by_step():
    W, seed_losses = bigram.train_seed_style(NAMES, steps=25)
    result = bigram.train(NAMES, steps=25)
    np.testing.assert_allclose(seed_losses, result.losses, rtol=2e-6)  # float32 vs float64
    np.testing.assert_allclose(W.numpy(), result.W.numpy(), atol=2e-4)


def test_one_hot_product_equals_row_lookup_exactly():
    xs, _ = bigram.bigrams(NAMES)
    for dtype in (torch.float32, torch.float64):
        W = torch.randn((27, 27), generator=torch.Generator().manual_seed(3), dtype=dtype)
        assert bigram.one_hot_equals_lookup(W, xs)
        assert torch.equal(F.one_hot(xs, 27).to(dtype) @ W, W[xs])
    # and softmax of the looked-up rows is the looked-up rows of the softmax (the fast path)
    W = torch.randn((27, 27), generator=torch.Generator().manual_seed(4), dtype=torch.float64)
    assert torch.equal(W[xs].log_softmax(dim=1), W.log_softmax(dim=1)[xs])


def test_time_forms_times_both_forms():
    timings = bigram.time_forms(NAMES[:50], repeat=2, number=2)
    assert set(timings) == {"one_hot(xs) @ W", "W[xs]"}
    assert all(value > 0 for value in timings.values())


def test_mean_nll_equals_torch_cross_entropy():
    W = torch.randn((27, 27), generator=torch.Generator().manual_seed(5), dtype=torch.float64)
    xs, ys = bigram.bigrams(NAMES)
    assert math.isclose(bigram.mean_nll(W, NAMES), F.cross_entropy(W[xs], ys).item(), rel_tol=1e-12)


@pytest.mark.parametrize("kwargs, message", [
    ({"steps": 0}, r"steps: is 0, expected a positive integer"),
    ({"steps": 2.5}, r"steps: is 2.5, expected a positive integer"),
    ({"steps": 1, "lr": 0.0}, r"lr: is 0, expected a positive number"),
    ({"steps": 1, "lr": float("nan")}, r"lr: contains NaN"),
    ({"steps": 1, "reg": -0.1}, r"reg: is -0.1, expected a number >= 0"),
])
def test_train_rejects_bad_settings(kwargs, message):
    with pytest.raises(ValueError, match=message):
        bigram.train(["emma"], **kwargs)


@pytest.mark.parametrize("W, message", [
    (torch.zeros((27, 26)), r"W: has shape \(27, 26\), expected \(27, 27\)"),
    (torch.full((27, 27), float("nan")), r"W: contains NaN"),
    (torch.full((27, 27), float("inf")), r"W: contains infinity"),
])
def test_mean_nll_rejects_bad_tables(W, message):
    with pytest.raises(ValueError, match=message):
        bigram.mean_nll(W, ["emma"])



@pytest.mark.parametrize("train_function", [bigram.train, bigram.train_seed_style])
def test_training_checks_its_settings_and_refuses_to_return_a_diverged_run(train_function):
    for kwargs, message in [({"steps": True}, r"steps: is True, expected a positive integer"),
                            ({"steps": 1, "seed": 1.5}, r"seed: is 1.5, expected an integer seed"),
                            ({"steps": 1, "reg": [0.1, 0.2]}, r"reg: expected a single number")]:
        with pytest.raises(ValueError, match=message):
            train_function(["emma"], **kwargs)
    with pytest.raises(ValueError, match=r"lr: is 1e\+300, the descent diverged .* expected a smaller learning rate"):
        train_function(["emma", "ava"], steps=3, lr=1e300)


def test_sampling_refuses_a_model_whose_names_never_end():
    counts = torch.ones((27, 27), dtype=torch.int64)
    counts[:, 0] = 0  # "." never follows anything
    with pytest.raises(ValueError, match=r"a name that reaches 'a' can never end"):
        bigram.sample(counts, 1, seed=0)
    counts[SYMBOLS.index("z"), 0] = 1  # now every symbol can reach "z", and "z" can end
    assert len(bigram.sample(counts, 2, seed=0)) == 2


def test_word_nll_and_perplexity_check_what_they_are_given():
    with pytest.raises(ValueError, match=r"probs: row 0 sums to 27, expected 1"):
        bigram.word_nll(torch.ones((27, 27)), "emma")  # counts, not probabilities
    assert bigram.word_nll(torch.full((27, 27), 1 / 27, dtype=torch.float64), "emma") == pytest.approx(math.log(27), rel=1e-12)
    with pytest.raises(ValueError, match=r"mean_nll: is -1.0, expected a mean NLL >= 0"):
        bigram.perplexity(-1.0)
    assert bigram.perplexity(800.0) == math.inf  # math.exp(800) would raise OverflowError


def test_read_words_names_a_missing_or_undecodable_file(tmp_path):
    with pytest.raises(ValueError, match=r"is not a file, expected a text file with one word per line"):
        bigram.read_words(tmp_path / "missing.txt")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("rené\n".encode("latin-1"))
    with pytest.raises(ValueError, match=r"has the byte 0xe9 at 3, expected UTF-8 text"):
        bigram.read_words(latin1)


def test_one_hot_lookup_and_timing_check_their_arguments():
    W = torch.zeros((27, 27))
    with pytest.raises(ValueError, match=r"xs: label 27 is out of range, expected 0 <= label < 27"):
        bigram.one_hot_equals_lookup(W, torch.tensor([27]))
    with pytest.raises(ValueError, match=r"W: contains NaN"):
        bigram.one_hot_equals_lookup(torch.full((27, 27), float("nan")), torch.tensor([0]))  # was silently False
    with pytest.raises(ValueError, match=r"repeat: is 0, expected a positive integer"):
        bigram.time_forms(["emma"], repeat=0)

def test_training_restores_the_thread_count():
    before = torch.get_num_threads()
    bigram.train(["emma"], steps=2)
    assert torch.get_num_threads() == before


# --- The training cache ------------------------------------------------------------------


def test_train_cached_trains_once_and_keys_on_every_input(tmp_path, monkeypatch):
    words = NAMES[:200]
    first = bigram.train_cached(words, 20, cache_dir=tmp_path)
    files = list(tmp_path.glob("train-*.json"))
    assert len(files) == 1 and set(json.loads(files[0].read_text())) == {"W", "losses", "nlls"}

    def no_training(*args, **kwargs):
        raise AssertionError("a cache hit must not train")

    monkeypatch.setattr(bigram, "train", no_training)
    again = bigram.train_cached(words, 20, cache_dir=tmp_path)
    assert torch.equal(again.W, first.W) and again.losses == first.losses and again.nlls == first.nlls
    keys = {bigram.training_key(words, 20, 50.0, 0.01, 1), bigram.training_key(words, 21, 50.0, 0.01, 1),
            bigram.training_key(words, 20, 40.0, 0.01, 1), bigram.training_key(words, 20, 50.0, 0.0, 1),
            bigram.training_key(words, 20, 50.0, 0.01, 2), bigram.training_key(words[1:], 20, 50.0, 0.01, 1)}
    assert len(keys) == 6


def test_train_cached_waits_for_a_training_in_progress_in_another_process(tmp_path):
    """The build's drawing process and the notebook's kernel both ask for the reference run;
    the second must wait for the first and read its result, not train again."""
    words = NAMES[:200]
    path = tmp_path / f"train-{bigram.training_key(words, 20, 50.0, 0.01, 2147483647)}.json"
    log = tmp_path / "steps.log"
    code = textwrap.dedent(f"""
        import sys
        from snippets import bigram
        print("ready", flush=True)
        result = bigram.train_cached({words!r}, 20, cache_dir={str(tmp_path)!r})
        print(result.losses[-1])
    """)
    env = {**os.environ, "SNIPPETS_BUILD_LOG": str(log)}
    with subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True) as child:
        with bigram._exclusive(path.with_suffix(".lock")):  # as if another process were training
            assert child.stdout.readline().strip() == "ready"
            time.sleep(1.0)  # ample time to train 20 steps, were the lock not held
            waited = child.poll() is None
            trained = bigram.train(words, 20)
            path.write_text(json.dumps({"W": trained.W.tolist(), "losses": trained.losses, "nlls": trained.nlls}))
        output, _ = child.communicate(timeout=60)
    assert waited, "train_cached did not wait for the lock"
    assert child.returncode == 0
    assert float(output.strip()) == trained.losses[-1]
    assert not log.exists(), f"trained although a result was being written: {log.read_text()}"


# --- Sampling ---------------------------------------------------------------------------


def test_sampling_is_repeatable_and_uses_only_seen_bigrams():
    counts = bigram.count_table(NAMES)
    drawn = bigram.sample(counts, 200, seed=7)
    assert drawn == bigram.sample(counts, 200, seed=7)
    assert drawn != bigram.sample(counts, 200, seed=8)
    for name in drawn:
        assert name and set(name) <= set(ALPHABET)
        assert all(PAIRS[pair] > 0 for pair in zip("." + name, name + "."))


def test_first_letters_follow_the_models_first_row():
    counts = bigram.count_table(NAMES)
    drawn = bigram.sample(counts, 3000, seed=11)
    observed = collections.Counter(name[0] for name in drawn)
    expected = count_matrix(PAIRS)[0] / count_matrix(PAIRS)[0].sum()
    for letter in ALPHABET:
        p = expected[SYMBOLS.index(letter)]
        sd = math.sqrt(3000 * p * (1 - p))
        assert abs(observed[letter] - 3000 * p) <= 5 * sd + 1, letter


def test_sampling_from_logits_softmaxes_them():
    W = torch.full((27, 27), -50.0, dtype=torch.float64)
    W[0, SYMBOLS.index("h")] = W[SYMBOLS.index("h"), SYMBOLS.index("i")] = W[SYMBOLS.index("i"), 0] = 50.0
    assert bigram.sample(W, 3, seed=0) == ["hi", "hi", "hi"]
    torch.testing.assert_close(bigram.model_probs(W.float()).sum(dim=1), torch.ones(27, dtype=torch.float64))


@pytest.mark.parametrize("model, n, message", [
    (torch.zeros((27, 27)), 0, r"n: is 0, expected a positive integer"),
    (torch.zeros((3, 3)), 1, r"model: has shape \(3, 3\), expected \(27, 27\)"),
    (torch.zeros((27, 27), dtype=torch.bool), 1, r"model: is a bool tensor"),
    (torch.full((27, 27), float("nan")), 1, r"model: contains NaN"),
    (-torch.ones((27, 27), dtype=torch.int64), 1, r"counts: contains a negative count"),
])
def test_sample_rejects_bad_input(model, n, message):
    with pytest.raises(ValueError, match=message):
        bigram.sample(model, n, seed=0)


# --- The page ----------------------------------------------------------------------------

PYTHON_BLOCK = re.compile(r"^(?P<indent>[ \t]*)```python[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.M | re.S)


def page_program(page: str) -> str:
    """The page's Python blocks, includes expanded, in page order."""
    blocks = []
    for match in PYTHON_BLOCK.finditer(page_source(page)):
        body = textwrap.dedent(match["body"])
        include = re.fullmatch(r'\s*--8<--\s+"(?P<path>[^":]+):(?P<section>[\w-]+)"\s*', body)
        blocks.append(textwrap.dedent(section_text(include["path"], include["section"])) if include else body)
    return "\n\n".join(blocks)


def test_the_page_code_runs_in_page_order_in_a_fresh_interpreter():
    program = page_program("bigram.md")
    assert "def train(" in program and "def sample(" in program
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def test_the_line_by_line_explanation_quotes_the_loop_verbatim():
    loop = section_text("snippets/bigram.py", "seed_loop")
    explained = re.findall(r"^\d+\. `([^`]+)`", page_source("bigram.md"), re.M)
    explained += re.findall(r" and `([^`]+)`: ", page_source("bigram.md"))
    assert len(explained) >= 6
    for line in explained:
        assert line in loop, f"the page explains {line!r}, which is not in the loop"


# --- The notebook --------------------------------------------------------------------------

NOTEBOOK = DOCS / "bigram-notebook.ipynb"


def test_the_notebook_is_committed_without_outputs_and_uses_the_snippets_api():
    import nbformat

    notebook = nbformat.read(str(NOTEBOOK), as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(not cell.outputs and cell.execution_count is None for cell in code)
    source = "\n".join(cell.source for cell in code)
    for name in ("load_names", "count_table", "count_model_nll", "train_cached", "mean_nll", "sample"):
        assert f"bigram.{name}(" in source, name
    assert "[Download the notebook](bigram-notebook.ipynb)" in notebook.cells[0].source


# --- In the browser -----------------------------------------------------------------------


@pytest.mark.browser
def test_the_notebook_page_typesets_its_math_and_offers_the_download(watched_page, site_url):
    page, watch = watched_page
    page.goto(site_url + "bigram-notebook/")
    page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=15000)
    page.evaluate("() => MathJax.startup.promise")
    page.wait_for_function("() => document.querySelectorAll('.jp-RenderedMarkdown mjx-container').length >= 20",
                           timeout=15000)
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
    page.wait_for_function(
        "() => window.MathJax && MathJax.startup && MathJax.startup.promise"
        " && document.querySelectorAll('.arithmatex').length > 40"
        " && document.querySelectorAll('.arithmatex').length"
        " === document.querySelectorAll('.arithmatex mjx-container').length", timeout=15000)
    assert page.locator("mjx-merror").count() == 0
    assert page.locator("mjx-container").count() == page.locator(".arithmatex mjx-container").count()
    assert not watch.blocked and not watch.failed and not watch.console_errors, (watch.blocked, watch.failed, watch.console_errors)


# --- Bad input ---

from snippets import bigram as bigram_module  # noqa: E402
from tests.badinput import (  # noqa: E402,F401
    BATCH, DATA, LOG_HALVES, LOGITS, P, SCRATCH, T, Bad, inf, nan, word_file,
)

# The bigram cases use a tiny word list: no case here counts or trains on the census names.
WORDS = ["emma", "ava"]
COUNTS = bigram_module.count_table(WORDS)  # int64 (27, 27)
UNIFORM = torch.full((27, 27), 1 / 27, dtype=torch.float64)  # every next symbol equally likely
NEVER_ENDS = torch.ones((27, 27), dtype=torch.int64).index_fill_(1, torch.tensor([0]), 0)  # "." never follows

#: Bad input for every public function of snippets/bigram.py (run by tests/test_bad_input.py).
BAD_INPUTS = {
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
}
