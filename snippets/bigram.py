"""A character-level bigram language model: counted, smoothed, trained.

Every top-level statement lies in a named section that ``docs/bigram.md``
includes, in page order. The data are the US census first-name lists that
ship inside the PyPI package ``names``.
"""

from __future__ import annotations

# --8<-- [start:checks]
import torch


def check(ok: bool, name: str, what: str, expected: str) -> None:
    """Refuse bad input loudly: the argument, its fault, what was expected."""
    if not ok:
        raise ValueError(f"{name}: {what}, expected {expected}")


def check_words(words) -> list[str]:
    """The words lowercased, refusing anything but words of a to z."""
    check(isinstance(words, (list, tuple)), "words", f"is {words!r}",
          "a list of words")
    check(len(words) > 0, "words", "is empty", "at least one word")
    for word in words:
        check(isinstance(word, str) and word.isascii() and word.isalpha(),
              "words", f"holds {word!r}", "strings of the letters a to z")
    return [word.lower() for word in words]


def as_table(t, name: str, expected: str) -> torch.Tensor:
    """``t`` in float64, a 27 x 27 table of entries >= 0."""
    t = torch.as_tensor(t, dtype=torch.float64)
    check(t.shape == (27, 27), name, f"has shape {tuple(t.shape)}",
          "a table of shape (27, 27)")
    check(bool((t >= 0).all()), name, "has an entry < 0 or NaN", expected)
    return t


def as_probs(p, name: str) -> torch.Tensor:
    """``p`` in float64, each row a distribution over the next symbol."""
    p = as_table(p, name, "probabilities (smooth rows of zero counts)")
    off = (p.sum(dim=-1) - 1).abs().max().item()
    check(off <= 1e-5, name, f"has a row whose sum is off 1 by {off:.3g}",
          "rows that sum to 1")
    return p
# --8<-- [end:checks]


# --8<-- [start:data]
from importlib import resources
from pathlib import Path

VOCAB = ".abcdefghijklmnopqrstuvwxyz"  # "." starts and ends every name
STOI = {symbol: index for index, symbol in enumerate(VOCAB)}


def load_names() -> list[str]:
    """The distinct first names in the census lists of the ``names``
    package, lowercased: female names first, then the male names not yet
    seen, each list in file order."""
    folder = resources.files("names")
    distinct = {}  # a dict keeps each name once, in first-seen order
    for filename in ("dist.female.first", "dist.male.first"):
        for line in (folder / filename).read_text("ascii").splitlines():
            distinct.setdefault(line.split()[0].lower(), None)
    return list(distinct)


def read_words(path) -> list[str]:
    """The words of a text file holding one word per line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    words = [line.strip() for line in lines if line.strip()]
    return check_words(words)
# --8<-- [end:data]


# --8<-- [start:bigrams]
import torch


def bigrams(words) -> tuple[torch.Tensor, torch.Tensor]:
    """Every (previous, next) pair of symbol indices, each word framed
    by ".".

    >>> xs, ys = bigrams(["emma"])
    >>> print([VOCAB[x] + VOCAB[y] for x, y in zip(xs.tolist(), ys.tolist())])
    ['.e', 'em', 'mm', 'ma', 'a.']
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
    """The 27 x 27 bigram counts: row = previous symbol, column = next."""
    xs, ys = (t.numpy() for t in bigrams(words))
    counts = np.zeros((27, 27), dtype=np.int64)
    np.add.at(counts, (xs, ys), 1)  # counts[x, y] += 1 for every pair
    return counts
# --8<-- [end:count_numpy]


# --8<-- [start:count_torch]
import torch


def count_table(words) -> torch.Tensor:
    """The 27 x 27 bigram counts: row = previous symbol, column = next."""
    xs, ys = bigrams(words)
    counts = torch.zeros((27, 27), dtype=torch.int64)
    counts.index_put_((xs, ys), torch.ones_like(xs), accumulate=True)
    return counts
# --8<-- [end:count_torch]


# --8<-- [start:count_probs]
from math import inf

import torch


def count_probs(counts, smoothing: float = 0.0) -> torch.Tensor:
    """P(next | previous): each row of counts, plus ``smoothing``, divided
    by its total. A row with no counts (and no smoothing) is 0/0 = nan.

    >>> count_probs(count_table(["ab", "ac"]))[STOI["a"], 1:4]
    tensor([0.0000, 0.5000, 0.5000], dtype=torch.float64)
    """
    N = as_table(counts, "counts", "counts")
    check(0 <= smoothing < inf, "smoothing", f"is {smoothing}", "0 <= k < inf")
    smoothed = N + smoothing
    totals = smoothed.sum(dim=1, keepdim=True)  # R_i + 27 k
    return smoothed / totals
# --8<-- [end:count_probs]


# --8<-- [start:fig_table]
def probability_table_figure():
    """The count model's table P(next | previous) as a heat map; cells
    with count 0 in white."""
    import numpy as np
    from matplotlib import colormaps
    from matplotlib.colors import PowerNorm
    from matplotlib.figure import Figure

    probs = count_probs(count_table(load_names())).numpy()
    cmap = colormaps["Blues"].with_extremes(bad="white")
    fig = Figure(figsize=(7.4, 6.4), layout="constrained")
    axes = fig.subplots()
    image = axes.imshow(np.ma.masked_equal(probs, 0.0), cmap=cmap,
                        norm=PowerNorm(gamma=0.5, vmin=0.0, vmax=1.0))
    axes.set_xticks(range(27), list(VOCAB))
    axes.set_yticks(range(27), list(VOCAB))
    axes.set_xlabel("next symbol")
    axes.set_ylabel("previous symbol")
    axes.set_title('P(next | previous) from counts; "." starts and ends'
                   " a name")
    fig.colorbar(image, ax=axes, shrink=0.8,
                 label="probability (square-root scale; white = never seen)")
    return fig
# --8<-- [end:fig_table]


# --8<-- [start:count_nll]
def count_model_nll(words, smoothing: float = 0.0) -> float:
    """Mean NLL per bigram of the count model fitted on ``words``, scored
    on the same words."""
    xs, ys = bigrams(words)
    probs = count_probs(count_table(words), smoothing)
    return -probs[xs, ys].log().mean().item()
# --8<-- [end:count_nll]


# --8<-- [start:word_nll]
def word_nll(probs, word: str) -> float:
    """Mean NLL per bigram of one word under a table P(next | previous);
    infinite if the table gives one of its bigrams probability 0."""
    probs = as_probs(probs, "probs")
    xs, ys = bigrams([word])
    return -probs[xs, ys].log().mean().item()
# --8<-- [end:word_nll]


# --8<-- [start:one_hot_loop]
import math

import torch
import torch.nn.functional as F


def train_one_hot(words, steps: int, lr: float = 50.0, reg: float = 0.01,
                  seed: int = 2147483647):
    """The loop as first written: one-hot rows, a matrix product, a
    softmax by hand. Returns the final W and the loss at each step."""
    check(steps >= 1, "steps", f"is {steps!r}", "at least 1")
    check(lr > 0, "lr", f"is {lr!r}", "a learning rate > 0")
    check(0 <= reg < math.inf, "reg", f"is {reg!r}", "a finite weight >= 0")
    xs, ys = bigrams(words)
    num = xs.numel()
    g = torch.Generator().manual_seed(seed)
    W = torch.randn((27, 27), generator=g, requires_grad=True)
    losses = []
    for _ in range(steps):
        # forward pass
        xenc = F.one_hot(xs, num_classes=27).float()  # one row per bigram
        logits = xenc @ W  # row t: the row of W for xs[t]
        counts = logits.exp()
        probs = counts / counts.sum(1, keepdims=True)
        loss = -probs[torch.arange(num), ys].log().mean() + reg * (W**2).mean()
        losses.append(loss.item())
        # backward pass
        W.grad = None
        loss.backward()
        # update
        W.data += -lr * W.grad
    # the loss of the W returned, after the last update
    end = (F.cross_entropy(xenc @ W, ys) + reg * (W**2).mean()).item()
    check(math.isfinite(end) and end <= losses[0], "lr",
          f"is {lr} (diverged: loss {losses[0]:.3g} -> {end:.3g})",
          "a smaller one")
    return W.detach(), losses
# --8<-- [end:one_hot_loop]


# --8<-- [start:lookup]
import timeit

import torch
import torch.nn.functional as F


def time_forms(words, repeat: int = 5, number: int = 10) -> dict:
    """Seconds per call (best of ``repeat``) of the two ways to get each
    bigram's row of W."""
    xs, _ = bigrams(words)
    W = torch.randn((27, 27))
    forms = {"one_hot(xs) @ W": lambda: F.one_hot(xs, 27).float() @ W,
             "W[xs]": lambda: W[xs]}
    return {name: min(timeit.repeat(form, number=number, repeat=repeat))
            / number for name, form in forms.items()}
# --8<-- [end:lookup]


# --8<-- [start:train]
import math
from dataclasses import dataclass

import torch


@dataclass
class TrainResult:
    W: torch.Tensor      # (27, 27) logits: softmax(W[x]) = P(next | x)
    losses: list[float]  # the loss at each step, before its update
    nlls: list[float]    # its NLL part; losses - nlls is the penalty


def train(words, steps: int, lr: float = 50.0, reg: float = 0.01,
          seed: int = 2147483647) -> TrainResult:
    """The same descent with row lookups instead of one-hot products,
    in float64."""
    check(steps >= 1, "steps", f"is {steps!r}", "at least 1")
    check(lr > 0, "lr", f"is {lr!r}", "a learning rate > 0")
    check(0 <= reg < math.inf, "reg", f"is {reg!r}", "a finite weight >= 0")
    xs, ys = bigrams(words)
    g = torch.Generator().manual_seed(seed)
    W = torch.randn((27, 27), generator=g).double().requires_grad_()
    losses, nlls = [], []
    for _ in range(steps):
        logprobs = W.log_softmax(dim=1)  # 27 rows, normalised once each
        nll = -logprobs[xs, ys].mean()  # entry (x_t, y_t) of each bigram
        loss = nll + reg * (W**2).mean()
        losses.append(loss.item())
        nlls.append(nll.item())
        W.grad = None
        loss.backward()
        with torch.no_grad():
            W -= lr * W.grad
    # the loss of the W returned, after the last update
    end = (-W.log_softmax(dim=1)[xs, ys].mean() + reg * (W**2).mean()).item()
    check(math.isfinite(end) and end <= losses[0], "lr",
          f"is {lr} (diverged: loss {losses[0]:.3g} -> {end:.3g})",
          "a smaller one")
    return TrainResult(W.detach(), losses, nlls)


def mean_nll(W, words) -> float:
    """Mean NLL per bigram of the model softmax(W) on ``words``, without
    the penalty."""
    xs, ys = bigrams(words)
    return -W.double().log_softmax(dim=1)[xs, ys].mean().item()
# --8<-- [end:train]


# --8<-- [start:fig_loss_curve]
def loss_curve_figure():
    """The loss at each step of gradient descent, above the count model's
    mean NLL."""
    from matplotlib.figure import Figure

    run = train(load_names(), steps=1000)
    best = count_model_nll(load_names())
    steps = range(1, len(run.losses) + 1)
    fig = Figure(figsize=(8.0, 3.8), layout="constrained")
    full, zoom = fig.subplots(1, 2)
    for axes in (full, zoom):
        axes.plot(steps, run.losses, color="tab:blue",
                  label="total loss = NLL + penalty")
        axes.plot(steps, run.nlls, color="tab:orange", linestyle="--",
                  label="its NLL part")
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
    fig.legend(*full.get_legend_handles_labels(), loc="outside lower center",
               ncols=3)
    return fig
# --8<-- [end:fig_loss_curve]


# --8<-- [start:sample]
import torch


def sample(probs, how_many: int, seed: int,
           max_length: int = 50) -> list[str]:
    """Draw ``how_many`` names from a table P(next | previous): start at
    ".", draw the next symbol from its row, stop when "." comes up again
    or the name has ``max_length`` letters."""
    probs = as_probs(probs, "probs")
    g = torch.Generator().manual_seed(seed)
    names = []
    for _ in range(how_many):
        index, letters = 0, []
        while len(letters) < max_length:
            index = torch.multinomial(probs[index], 1, generator=g).item()
            if index == 0:
                break
            letters.append(VOCAB[index])
        names.append("".join(letters))
    return names
# --8<-- [end:sample]
