"""What a bad-input case is, and the small inputs the cases share.

Each ``tests/test_<chapter>.py`` holds a ``BAD_INPUTS`` table for the public functions of
``snippets/<chapter>.py``: ``{function name: [Bad(...), ...]}``. ``tests/test_bad_input.py``
runs every case and checks that every public function has at least two.
"""

from __future__ import annotations

import math
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import torch

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

_SCRATCH = tempfile.TemporaryDirectory(prefix="bad-input-")  # removed when the test run ends
SCRATCH = Path(_SCRATCH.name)  # files for read_words, a cache folder for training


def word_file(text: str | bytes | None, name: str = "words.txt") -> Path:
    """A file holding ``text`` (not created when ``text`` is None), for ``read_words``."""
    path = SCRATCH / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    elif text is not None:
        path.write_text(text, encoding="utf-8")
    return path
