"""A character-level bigram language model: counted, smoothed and trained by gradient descent.

The chapter ``docs/bigram.md`` and the notebook ``docs/bigram-notebook.ipynb`` use the
named sections of this module. The data are the US census first-name lists that ship
inside the PyPI package ``names`` (pinned in requirements.txt), so everything here runs
offline and gives the same numbers on every machine.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import math
import os
from pathlib import Path

from snippets.checks import probability_rows

# --8<-- [start:data]
import os
from importlib import resources
from pathlib import Path

#: The 27 symbols the model knows: "." marks where a name starts and ends, then a to z.
VOCAB = "." + "abcdefghijklmnopqrstuvwxyz"
STOI = {symbol: index for index, symbol in enumerate(VOCAB)}

#: The first-name lists inside the ``names`` package (one name per line, then statistics).
CENSUS_FILES = ("dist.female.first", "dist.male.first")


def check_words(words) -> list[str]:
    """Lowercase ``words`` and check that each is a non-empty string of the letters a-z.

    >>> check_words(["Emma", "ava"])
    ['emma', 'ava']
    >>> check_words(["zoë"])
    Traceback (most recent call last):
    ...
    ValueError: words: 'zoë' contains 'ë', expected only the letters a-z
    """
    if isinstance(words, str):
        raise ValueError(f"words: got the single string {words!r}, expected a list of words")
    try:
        words = list(words)
    except TypeError:
        raise ValueError(f"words: is {words!r}, expected a list of words") from None
    if not words:
        raise ValueError("words: is empty, expected at least one word")
    checked = []
    for word in words:
        if not isinstance(word, str):
            raise ValueError(f"words: {word!r} is a {type(word).__name__}, expected a string")
        lowered = word.lower()
        if not lowered:
            raise ValueError("words: contains an empty word, expected at least one letter per word")
        for char in lowered:
            if char == "." or char not in STOI:
                raise ValueError(f"words: {word!r} contains {char!r}, expected only the letters a-z")
        checked.append(lowered)
    return checked


def load_names() -> list[str]:
    """The distinct first names of the census lists in the ``names`` package, lowercased.

    Female names first, then the male names not already listed, each in file order.

    >>> names = load_names()
    >>> print(len(names), names[:4])
    5163 ['mary', 'patricia', 'linda', 'barbara']
    """
    folder = resources.files("names")
    distinct: dict[str, None] = {}  # a dict keeps the first occurrence and its order
    for filename in CENSUS_FILES:
        for line in (folder / filename).read_text(encoding="ascii").splitlines():
            if line.strip():
                distinct.setdefault(line.split()[0].lower(), None)
    return check_words(distinct)


def read_words(path) -> list[str]:
    """Words from a plain text file with one word per line; blank lines are skipped.

    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "pets.txt"
    >>> _ = file.write_text("Rex\\n\\nfido\\n")
    >>> print(read_words(file))
    ['rex', 'fido']
    """
    if not isinstance(path, (str, os.PathLike)):
        raise ValueError(f"path: is {path!r}, expected a file path")
    if not Path(path).is_file():
        raise ValueError(f"path: {str(path)!r} is not a file, expected a text file with one word per line")
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as error:
        raise ValueError(f"path: {str(path)!r} has the byte {error.object[error.start]:#04x} at {error.start}, "
                         "expected UTF-8 text") from None
    return check_words([line.strip() for line in lines if line.strip()])
# --8<-- [end:data]


# --8<-- [start:bigrams]
import torch


def bigrams(words) -> tuple[torch.Tensor, torch.Tensor]:
    """Every (previous, next) pair of symbol indices, with each word framed by ".".

    ``"emma"`` becomes ``.e em mm ma a.``: five bigrams, one per letter plus the end.

    >>> xs, ys = bigrams(["emma"])
    >>> print([VOCAB[x] + VOCAB[y] for x, y in zip(xs.tolist(), ys.tolist())])
    ['.e', 'em', 'mm', 'ma', 'a.']
    >>> print(len(bigrams(load_names())[0]))
    36122
    """
    xs, ys = [], []
    for word in check_words(words):
        indices = [0] + [STOI[char] for char in word] + [0]
        xs += indices[:-1]
        ys += indices[1:]
    return torch.tensor(xs), torch.tensor(ys)
# --8<-- [end:bigrams]


# --8<-- [start:count_numpy]
import numpy as np


def count_table_numpy(words) -> np.ndarray:
    """The 27 x 27 table of bigram counts: row = previous symbol, column = next.

    >>> counts = count_table_numpy(load_names())
    >>> print(counts.sum(), counts[STOI["a"], STOI["n"]], (counts == 0).sum())
    36122 771 279
    """
    xs, ys = (t.numpy() for t in bigrams(words))
    counts = np.zeros((len(VOCAB), len(VOCAB)), dtype=np.int64)
    np.add.at(counts, (xs, ys), 1)  # counts[x, y] += 1 for every pair, repeats included
    return counts
# --8<-- [end:count_numpy]


# --8<-- [start:count_torch]
import torch


def count_table(words) -> torch.Tensor:
    """The 27 x 27 table of bigram counts: row = previous symbol, column = next.

    >>> counts = count_table(load_names())
    >>> print(counts.sum().item(), counts[STOI["a"], STOI["n"]].item(), (counts == 0).sum().item())
    36122 771 279
    """
    xs, ys = bigrams(words)
    counts = torch.zeros((len(VOCAB), len(VOCAB)), dtype=torch.int64)
    counts.index_put_((xs, ys), torch.ones_like(xs), accumulate=True)
    return counts
# --8<-- [end:count_torch]


# --8<-- [start:count_model]
import math

import torch

from snippets.checks import finite_array, finite_number


def count_probs(counts: torch.Tensor, smoothing: float = 0.0) -> torch.Tensor:
    """Normalise each row of a count table into P(next | previous), after adding ``smoothing``.

    A row with no counts at all (a symbol the data never shows) says nothing; it becomes
    uniform.

    >>> probs = count_probs(count_table(["ab", "ac"]))
    >>> print(probs[STOI["a"], STOI["b"]].item(), probs[STOI["b"], 0].item())
    0.5 1.0
    """
    counts = torch.as_tensor(counts)
    if counts.shape != (len(VOCAB), len(VOCAB)):
        raise ValueError(f"counts: has shape {tuple(counts.shape)}, expected (27, 27)")
    table = finite_array(counts, "counts")
    if (table < 0).any():
        raise ValueError("counts: contains a negative count, expected counts >= 0")
    k = finite_number(smoothing, "smoothing")
    if k < 0:
        raise ValueError(f"smoothing: is {k:g}, expected a number >= 0")
    smoothed = torch.as_tensor(table, dtype=torch.float64) + k
    totals = smoothed.sum(dim=1, keepdim=True)
    uniform = torch.full_like(smoothed, 1.0 / len(VOCAB))
    return torch.where(totals > 0, smoothed / totals.clamp(min=1e-300), uniform)


def count_model_nll(words, smoothing: float = 0.0) -> float:
    """Mean NLL per bigram of the count model fitted on ``words``, scored on the same words.

    >>> names = load_names()
    >>> print(f"{count_model_nll(names):.4f}")
    2.3346
    >>> print(f"{count_model_nll(names, smoothing=1.0):.4f}")
    2.3423
    """
    xs, ys = bigrams(words)
    probs = count_probs(count_table(words), smoothing)
    return -probs[xs, ys].log().mean().item()


def perplexity(mean_nll: float) -> float:
    """exp(mean NLL): the number of equally likely choices that would be as uncertain.

    >>> print(f"{perplexity(count_model_nll(load_names())):.2f}")
    10.32
    """
    if isinstance(mean_nll, bool) or not isinstance(mean_nll, (int, float)) or not mean_nll >= 0:
        raise ValueError(f"mean_nll: is {mean_nll!r}, expected a mean NLL >= 0 (in nats)")
    try:
        return math.exp(mean_nll)
    except OverflowError:  # a mean NLL above about 709.78 nats
        return math.inf
# --8<-- [end:count_model]


def word_nll(probs: torch.Tensor, word: str) -> float:
    """Mean NLL per bigram of one word under a table of next-symbol probabilities.

    A bigram the table gives probability 0 makes the NLL infinite.

    >>> names = load_names()
    >>> print(word_nll(count_probs(count_table(names)), "bjorn"))
    inf
    >>> print(f"{word_nll(count_probs(count_table(names), 1.0), 'bjorn'):.2f}")
    2.93
    """
    if not isinstance(word, str):
        raise ValueError(f"word: is {word!r}, expected a string")
    probs = torch.as_tensor(probs, dtype=torch.float64)
    if probs.shape != (len(VOCAB), len(VOCAB)):
        raise ValueError(f"probs: has shape {tuple(probs.shape)}, expected (27, 27)")
    probability_rows(probs, "probs")  # each row a distribution over the next symbol
    xs, ys = bigrams([word])
    return -probs[xs, ys].log().mean().item()


# --8<-- [start:seed_loop]
import math

import torch
import torch.nn.functional as F

from snippets.checks import finite_number, positive_scale, random_seed, whole_number


def _settings(steps, lr, reg, seed) -> tuple[int, float, float, int]:
    """The training settings, checked: steps >= 1, lr > 0, reg >= 0 and an integer seed."""
    steps = whole_number(steps, "steps", low=1, expected="a positive integer")
    lr = positive_scale(lr, "lr")
    reg = finite_number(reg, "reg")
    if reg < 0:
        raise ValueError(f"reg: is {reg:g}, expected a number >= 0")
    return steps, lr, reg, random_seed(seed)


def _check_descent(W: torch.Tensor, losses: list[float], lr: float) -> None:
    """After the loop: a loss or a W that is not finite means the steps overshot."""
    if not (math.isfinite(losses[-1]) and torch.isfinite(W).all()):
        raise ValueError(f"lr: is {lr:g}, the descent diverged (last loss {losses[-1]:g}), "
                         "expected a smaller learning rate")


def train_seed_style(words, steps: int, lr: float = 50.0, reg: float = 0.01,
                     seed: int = 2147483647) -> tuple[torch.Tensor, list[float]]:
    """The source article's loop, line for line: one-hot inputs, a matrix product, softmax.

    Returns the final W and the loss at each step. Slow on purpose; see ``train``.

    >>> W, losses = train_seed_style(load_names(), steps=1)
    >>> print(f"{losses[0]:.4f}")
    3.8084
    """
    steps, lr, reg, seed = _settings(steps, lr, reg, seed)
    xs, ys = bigrams(words)
    num = xs.numel()
    g = torch.Generator().manual_seed(seed)
    W = torch.randn((27, 27), generator=g, requires_grad=True)
    losses = []
    for k in range(steps):
        # forward pass
        xenc = F.one_hot(xs, num_classes=27).float()  # (num, 27): row i is 1 at xs[i]
        logits = xenc @ W                             # (num, 27): the row of W for xs[i]
        counts = logits.exp()                         # positive "counts"
        probs = counts / counts.sum(1, keepdims=True)  # each row sums to 1: a softmax
        loss = -probs[torch.arange(num), ys].log().mean() + reg * (W**2).mean()
        losses.append(loss.item())
        # backward pass
        W.grad = None                                 # forget the last step's gradient
        loss.backward()                               # dloss/dW into W.grad
        # update
        W.data += -lr * W.grad                        # one step downhill
    _check_descent(W.detach(), losses, lr)
    return W.detach(), losses
# --8<-- [end:seed_loop]


# --8<-- [start:lookup]
import timeit

import torch
import torch.nn.functional as F

from snippets.checks import finite_array, label_array, whole_number


def one_hot_equals_lookup(W: torch.Tensor, xs: torch.Tensor) -> bool:
    """Whether one_hot(xs) @ W is exactly W[xs]: each product row has one non-zero term.

    >>> W = torch.randn((27, 27), generator=torch.Generator().manual_seed(0))
    >>> xs, _ = bigrams(load_names())
    >>> print(one_hot_equals_lookup(W, xs))
    True
    """
    W = torch.as_tensor(W)
    if W.ndim != 2:
        raise ValueError(f"W: has shape {tuple(W.shape)}, expected a 2-D table (one row per symbol)")
    finite_array(W, "W")  # NaN != NaN would make equal tables look different
    xs = torch.as_tensor(label_array(xs, W.shape[0], name="xs"))  # row indices of W
    return torch.equal(F.one_hot(xs, num_classes=W.shape[0]).to(W.dtype) @ W, W[xs])


def time_forms(words, repeat: int = 5, number: int = 10) -> dict[str, float]:
    """Seconds per call (best of ``repeat``) of the two ways to get each bigram's row of W.

    >>> timings = time_forms(["emma", "ava"], repeat=1, number=1)
    >>> print(sorted(timings))
    ['W[xs]', 'one_hot(xs) @ W']
    """
    repeat = whole_number(repeat, "repeat", low=1, expected="a positive integer")
    number = whole_number(number, "number", low=1, expected="a positive integer")
    xs, _ = bigrams(words)
    W = torch.randn((27, 27), generator=torch.Generator().manual_seed(0))
    forms = {
        "one_hot(xs) @ W": lambda: F.one_hot(xs, num_classes=27).float() @ W,
        "W[xs]": lambda: W[xs],
    }
    return {name: min(timeit.repeat(form, number=number, repeat=repeat)) / number
            for name, form in forms.items()}
# --8<-- [end:lookup]


# --8<-- [start:train]
from dataclasses import dataclass

import torch

from snippets.checks import finite_array


@dataclass(frozen=True)
class TrainResult:
    """What ``train`` returns: the final table of logits and the loss at each step."""

    W: torch.Tensor     # (27, 27) logits after the last update; softmax(W[x]) = P(next | x)
    losses: list[float]  # the total loss at each step, before that step's update
    nlls: list[float]    # its mean-NLL part; losses[i] - nlls[i] is the penalty


def train(words, steps: int, lr: float = 50.0, reg: float = 0.01,
          seed: int = 2147483647) -> TrainResult:
    """The seed's loop with row lookups instead of one-hot products, in float64.

    >>> result = train(load_names(), steps=1000)
    >>> print(f"{result.losses[0]:.4f} {result.losses[-1]:.4f}")
    3.8084 2.3678
    """
    steps, lr, reg, seed = _settings(steps, lr, reg, seed)  # defined with the seed's loop above
    xs, ys = bigrams(words)
    g = torch.Generator().manual_seed(seed)
    W = torch.randn((27, 27), generator=g).double().requires_grad_()
    flat = xs * 27 + ys  # where entry (xs[i], ys[i]) sits in the flattened 27 x 27 table
    losses, nlls = [], []
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tensors this small gain nothing from threads, and busy cores stall them
    try:
        for _ in range(steps):
            logprobs = W.log_softmax(dim=1)         # log P(next | previous): 27 rows, once each
            nll = -logprobs.flatten()[flat].mean()  # = -logprobs[xs, ys].mean(), the mean NLL
            loss = nll + reg * (W**2).mean()
            losses.append(loss.item())
            nlls.append(nll.item())
            W.grad = None
            loss.backward()
            with torch.no_grad():
                W -= lr * W.grad
    finally:
        torch.set_num_threads(threads)
    _check_descent(W.detach(), losses, lr)
    return TrainResult(W.detach(), losses, nlls)


def mean_nll(W: torch.Tensor, words) -> float:
    """Mean NLL per bigram of the model softmax(W) on ``words``, without the penalty.

    >>> W = torch.zeros((27, 27))  # every row uniform: P = 1/27 for every symbol
    >>> print(f"{mean_nll(W, ['emma']):.6f}")
    3.295837
    """
    W = torch.as_tensor(W)
    if W.shape != (27, 27):
        raise ValueError(f"W: has shape {tuple(W.shape)}, expected (27, 27)")
    finite_array(W, "W")
    xs, ys = bigrams(words)
    return -W.detach().double().log_softmax(dim=1)[xs, ys].mean().item()
# --8<-- [end:train]


# --8<-- [start:sample]
import numpy as np
import torch

from snippets.checks import finite_array, random_seed, whole_number


def model_probs(model: torch.Tensor) -> torch.Tensor:
    """P(next | previous) from a model: an integer count table is normalised row by row,
    a float table is read as logits W and softmaxed row by row.

    >>> print(model_probs(torch.zeros((27, 27)))[0, 0].item() * 27)
    1.0
    """
    model = torch.as_tensor(model)
    if model.shape != (27, 27):
        raise ValueError(f"model: has shape {tuple(model.shape)}, expected (27, 27)")
    if model.dtype == torch.bool:
        raise ValueError("model: is a bool tensor, expected integer counts or float logits")
    finite_array(model, "model")
    if model.is_floating_point():
        return model.detach().double().softmax(dim=1)
    return count_probs(model)


def _check_names_end(probs: torch.Tensor) -> None:
    """Raise unless every symbol a name can reach has a path back to "." (else sampling never stops)."""
    reach = np.eye(len(VOCAB), dtype=bool) | (probs > 0).numpy()  # paths of length 0 or 1
    for _ in range(5):  # squaring 5 times covers paths of up to 32 >= 27 steps
        reach = reach | ((reach.astype(np.int64) @ reach.astype(np.int64)) > 0)
    stuck = reach[0] & ~reach[:, 0]  # reachable from ".", with no way back to "."
    if stuck.any():
        symbol = VOCAB[int(np.argmax(stuck))]
        raise ValueError(f"model: a name that reaches {symbol!r} can never end (no path from it back to '.'), "
                         "expected every symbol a name can reach to lead back to '.'")


def sample(model: torch.Tensor, n: int, seed: int) -> list[str]:
    """Draw ``n`` names, one symbol at a time, from "." until the model picks "." again.

    >>> names = load_names()
    >>> print(sample(count_table(names), 8, seed=42))
    ['ceugeen', 'tis', 'ma', 'iduedante', 'nn', 'silaylelaremaneli', 'le', 'epicannden']
    >>> print(sample(reference_run().W, 8, seed=42))
    ['ceugeenvi', 's', 'ma', 'iduedante', 'nn', 'silaylelaremaneli', 'le', 'epicannden']
    """
    n = whole_number(n, "n", low=1, expected="a positive integer")
    g = torch.Generator().manual_seed(random_seed(seed))
    probs = model_probs(model)
    _check_names_end(probs)
    drawn = []
    for _ in range(n):
        index, letters = 0, []
        while True:
            index = torch.multinomial(probs[index], 1, generator=g).item()
            if index == 0:
                break
            letters.append(VOCAB[index])
        drawn.append("".join(letters))
    return drawn
# --8<-- [end:sample]


# --- Training once per set of inputs: a small disk cache shared by the build, the notebook and the tests.

#: Where ``train_cached`` keeps its results: ``.cache/bigram`` at the repository root.
CACHE_DIR = Path(__file__).resolve().parents[1] / ".cache" / "bigram"

#: The run the chapter, its figures and the notebook describe.
REFERENCE = {"steps": 1000, "lr": 50.0, "reg": 0.01, "seed": 2147483647}


def training_key(words, steps: int, lr: float, reg: float, seed: int) -> str:
    """Hash of everything ``train`` depends on: data, settings, this file's source, torch.

    >>> print(len(training_key(["emma"], 10, 50.0, 0.01, 1)))
    24
    """
    steps, lr, reg, seed = _settings(steps, lr, reg, seed)
    digest = hashlib.sha256()
    digest.update(json.dumps([check_words(words), steps, lr, reg, seed]).encode())
    digest.update(Path(__file__).read_bytes())
    digest.update(f"torch=={torch.__version__}".encode())
    return digest.hexdigest()[:24]


def train_cached(words, steps: int, lr: float = 50.0, reg: float = 0.01,
                 seed: int = 2147483647, cache_dir: Path | None = None) -> TrainResult:
    """``train``, but read back from ``cache_dir`` if these inputs were trained before.

    >>> result = train_cached(load_names(), **REFERENCE)
    >>> print(f"{mean_nll(result.W, load_names()):.4f}")
    2.3441
    """
    if cache_dir is not None and not isinstance(cache_dir, (str, os.PathLike)):
        raise ValueError(f"cache_dir: is {cache_dir!r}, expected a folder path")
    path = Path(cache_dir or CACHE_DIR) / f"train-{training_key(words, steps, lr, reg, seed)}.json"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        # The build draws figures and runs the notebook at once; the second to ask waits here.
        with _exclusive(path.with_suffix(".lock")):
            if not path.is_file():
                record_build_step = lambda step: None  # noqa: E731 (placeholder until the build owns caching)
                def write_text_atomically(p, text): p.write_text(text)

                record_build_step(f"train {path.stem}")
                result = train(words, steps, lr=lr, reg=reg, seed=seed)
                # json writes floats exactly (shortest repr)
                write_text_atomically(path, json.dumps({"W": result.W.tolist(), "losses": result.losses,
                                                        "nlls": result.nlls}))
                return result
    saved = json.loads(path.read_text())
    return TrainResult(torch.tensor(saved["W"], dtype=torch.float64), saved["losses"], saved["nlls"])


@contextlib.contextmanager
def _exclusive(lock_path: Path):
    """Hold an exclusive lock on ``lock_path`` across processes (where the OS offers ``flock``)."""
    try:
        import fcntl
    except ImportError:  # Windows: two processes may both train; each writes the same result
        yield
        return
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@functools.cache
def reference_run() -> TrainResult:
    """The chapter's run (1000 steps of the seed's settings on the census names), trained once.

    >>> print(len(reference_run().losses))
    1000
    """
    return train_cached(load_names(), **REFERENCE)


# --8<-- [start:fig_loss_curve]
def loss_curve_figure():
    """The loss at each step of gradient descent, above the count model's mean NLL."""
    from matplotlib.figure import Figure

    from snippets.bigram import count_model_nll, load_names, reference_run

    run = reference_run()
    best = count_model_nll(load_names())
    steps = range(1, len(run.losses) + 1)
    fig = Figure(figsize=(8.0, 3.8), layout="constrained")
    full, zoom = fig.subplots(1, 2)
    for axes in (full, zoom):
        axes.plot(steps, run.losses, color="tab:blue", label="total loss = NLL + penalty")
        axes.plot(steps, run.nlls, color="tab:orange", linestyle="--", label="its NLL part")
        axes.axhline(best, color="black", linewidth=1.0,
                     label=f"count model (the minimum): {best:.4f}")
        axes.set_xlabel("step")
        axes.grid(alpha=0.3)
    full.set_xscale("log")
    full.set_ylabel("mean per bigram (nats)")
    full.set_title("All 1000 steps (log-scaled axis)")
    zoom.set_title("Steps 100 to 1000, zoomed in")
    zoom.set_xlim(100, len(run.losses))
    zoom.set_ylim(best - 0.005, run.losses[99] + 0.005)
    fig.legend(*full.get_legend_handles_labels(), loc="outside lower center", ncols=3)
    return fig
# --8<-- [end:fig_loss_curve]


# --8<-- [start:fig_table]
def probability_table_figure():
    """The count model's 27 x 27 table P(next | previous) as a heat map; zero counts in white."""
    import numpy as np
    from matplotlib import colormaps
    from matplotlib.colors import PowerNorm
    from matplotlib.figure import Figure

    from snippets.bigram import VOCAB, count_probs, count_table, load_names

    probs = count_probs(count_table(load_names())).numpy()
    cmap = colormaps["Blues"].with_extremes(bad="white")
    fig = Figure(figsize=(7.4, 6.4), layout="constrained")
    axes = fig.subplots()
    image = axes.imshow(np.ma.masked_equal(probs, 0.0), cmap=cmap,
                        norm=PowerNorm(gamma=0.5, vmin=0.0, vmax=1.0))  # square-root scale
    axes.set_xticks(range(27), list(VOCAB))
    axes.set_yticks(range(27), list(VOCAB))
    axes.set_xlabel("next symbol")
    axes.set_ylabel("previous symbol")
    axes.set_title('P(next | previous) from counts; "." starts and ends a name')
    fig.colorbar(image, ax=axes, shrink=0.8, label="probability (square-root scale; white = never seen)")
    return fig
# --8<-- [end:fig_table]
