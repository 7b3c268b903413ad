"""Argument checks shared by every chapter's code.

Each check either returns a clean NumPy array or raises ``ValueError`` with a
message that names the argument, says what was wrong and what was expected.
A loss computed from bad input is a silent wrong answer; these checks make it
a loud one instead.

>>> probability_rows([[0.2, 0.8]]).shape
(1, 2)
>>> probability_rows([0.2, 0.9])
Traceback (most recent call last):
...
ValueError: probs: row 0 sums to 1.1, expected 1 (within 1e-06)
"""

from __future__ import annotations

from typing import Any

import numpy as np

# --8<-- [start:tolerance]
#: How far a row of probabilities may sum from 1 and still count as a distribution.
#: float32 softmax outputs are typically off by ~1e-7; 1e-6 admits those.
SUM_TOLERANCE = 1e-6
# --8<-- [end:tolerance]

__all__ = [
    "SUM_TOLERANCE",
    "as_float_array",
    "class_labels",
    "distributions",
    "finite_array",
    "finite_number",
    "label_array",
    "log_distributions",
    "number_in_range",
    "observations",
    "one_of",
    "ordered_interval",
    "positive_scale",
    "probabilities",
    "probability",
    "probability_rows",
    "random_seed",
    "whole_number",
]


def _to_numpy(value: Any) -> np.ndarray:
    """Turn lists, NumPy arrays and (CPU or not) torch tensors into a NumPy array."""
    if hasattr(value, "detach") and hasattr(value, "cpu"):
        value = value.detach().cpu().numpy()
    try:
        return np.asarray(value)
    except (TypeError, ValueError) as error:
        raise ValueError(f"could not read {value!r} as an array: {error}; expected numbers in a rectangular array") from None


def as_float_array(value: Any, name: str) -> np.ndarray:
    """Read ``value`` as a float64 array; reject non-numeric data and NaN."""
    array = _to_numpy(value)
    if array.dtype == bool or np.issubdtype(array.dtype, np.complexfloating) or not (
        np.issubdtype(array.dtype, np.number) or array.dtype == object
    ):
        raise ValueError(f"{name}: expected real numbers, got dtype {array.dtype}")
    try:
        array = array.astype(np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: expected real numbers, got {value!r}") from None
    if np.isnan(array).any():
        where = tuple(int(i) for i in np.argwhere(np.isnan(array))[0])
        raise ValueError(f"{name}: contains NaN at index {where}, expected real numbers")
    return array


def finite_array(value: Any, name: str, *, allow_empty: bool = False) -> np.ndarray:
    """Read ``value`` as a float64 array of finite numbers (no NaN, no infinity)."""
    array = as_float_array(value, name)
    if array.size == 0 and not allow_empty:
        raise ValueError(f"{name}: is empty, expected at least one value")
    if np.isinf(array).any():
        raise ValueError(f"{name}: contains infinity, expected finite numbers")
    return array


def probabilities(value: Any, name: str = "p") -> np.ndarray:
    """Read ``value`` as probabilities: each entry a number in [0, 1]."""
    array = as_float_array(value, name)
    if array.size == 0:
        raise ValueError(f"{name}: is empty, expected at least one probability")
    bad = (array < 0) | (array > 1)
    if bad.any():
        first = array[bad].flat[0]
        raise ValueError(f"{name}: contains {first:g}, expected probabilities in [0, 1]")
    return array


def probability_rows(value: Any, name: str = "probs", *, tol: float = SUM_TOLERANCE) -> np.ndarray:
    """Read ``value`` as one distribution (shape ``(C,)``) or a batch ``(N, C)``.

    Returns a 2-D array. Each row must hold probabilities in [0, 1] that sum to 1
    within ``tol``.
    """
    if not tol >= 0:  # also rejects NaN
        raise ValueError(f"tol: is {tol!r}, expected a non-negative number")
    array = probabilities(value, name)
    if array.ndim == 1:
        array = array[np.newaxis, :]
    if array.ndim != 2:
        raise ValueError(
            f"{name}: has shape {array.shape}, expected (C,) or (N, C) with classes last"
        )
    if array.shape[1] < 2:
        raise ValueError(f"{name}: has {array.shape[1]} class, expected at least 2 classes")
    sums = array.sum(axis=1)
    off = np.abs(sums - 1.0) > tol
    if off.any():
        row = int(np.argmax(off))
        raise ValueError(
            f"{name}: row {row} sums to {sums[row]:.6g}, expected 1 (within {tol:g})"
        )
    return array


def class_labels(value: Any, num_classes: int, count: int | None = None, name: str = "labels") -> np.ndarray:
    """Read ``value`` as integer class labels in ``[0, num_classes)``.

    ``count``, when given, is how many labels are expected (one per row of a batch).
    """
    array = _to_numpy(value)
    if array.ndim == 0:
        array = array.reshape(1)
    if array.ndim != 1:
        raise ValueError(f"{name}: has shape {array.shape}, expected a 1-D sequence of class indices")
    if array.size == 0:
        raise ValueError(f"{name}: is empty, expected at least one label")
    if array.dtype == bool or not np.issubdtype(array.dtype, np.integer):
        if np.issubdtype(array.dtype, np.floating) and np.all(np.isfinite(array)) and np.all(array == np.round(array)):
            array = array.astype(np.int64)
        else:
            raise ValueError(f"{name}: expected integer class indices, got {array.dtype} values {array.tolist()[:5]}")
    if count is not None and array.size != count:
        raise ValueError(f"{name}: has {array.size} labels, expected {count} (one per row of probabilities)")
    outside = (array < 0) | (array >= num_classes)
    if outside.any():
        raise ValueError(
            f"{name}: label {int(array[outside][0])} is out of range, expected 0 <= label < {num_classes}"
        )
    return array.astype(np.int64)


def positive_scale(value: Any, name: str = "sigma") -> float:
    """Read ``value`` as a finite, strictly positive number (a standard deviation, a rate)."""
    array = finite_array(value, name)
    if array.ndim != 0 and array.size != 1:
        raise ValueError(f"{name}: expected a single number, got shape {array.shape}")
    number = float(array.reshape(()))
    if number <= 0:
        raise ValueError(f"{name}: is {number:g}, expected a positive number")
    return number


def finite_number(value: Any, name: str) -> float:
    """Read ``value`` as one finite real number (a mean, a location, an end of an interval)."""
    array = finite_array(value, name)
    if array.size != 1:
        raise ValueError(f"{name}: expected a single number, got shape {array.shape}")
    return float(array.reshape(()))


def ordered_interval(low: Any, high: Any, names: tuple[str, str] = ("low", "high")) -> tuple[float, float]:
    """Read ``low`` and ``high`` as the finite ends of an interval with ``low <= high``."""
    low_name, high_name = names
    low_value, high_value = finite_number(low, low_name), finite_number(high, high_name)
    if low_value > high_value:
        raise ValueError(
            f"{low_name}: is {low_value:g}, greater than {high_name} = {high_value:g}, "
            f"expected {low_name} <= {high_name}"
        )
    return low_value, high_value


# --- Checks for losses over tensors with a class dimension (added with the cross-entropy chapters) ---


def one_of(value: Any, choices: tuple[str, ...], name: str) -> str:
    """Read ``value`` as one of a fixed set of strings (a ``reduction`` mode, say)."""
    if not isinstance(value, str) or value not in choices:
        expected = ", ".join(repr(choice) for choice in choices)
        raise ValueError(f"{name}: is {value!r}, expected one of {expected}")
    return value


def number_in_range(value: Any, name: str, low: float, high: float) -> float:
    """Read ``value`` as a single real number in the closed interval ``[low, high]``."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ValueError(f"{name}: is {value!r}, expected a number in [{low:g}, {high:g}]")
    number = float(value)
    if np.isnan(number) or not low <= number <= high:
        raise ValueError(f"{name}: is {number:g}, expected a number in [{low:g}, {high:g}]")
    return number


def label_array(
    value: Any,
    num_classes: int,
    *,
    shape: tuple[int, ...] | None = None,
    ignore_index: int | None = None,
    name: str = "target",
) -> np.ndarray:
    """Read ``value`` as integer class labels of any shape, each in ``[0, num_classes)``.

    ``shape``, when given, is the shape the labels must have. Labels equal to
    ``ignore_index`` are allowed whatever their value (padding, say).
    """
    array = _to_numpy(value)
    if shape is not None and array.shape != tuple(shape):
        raise ValueError(f"{name}: has shape {array.shape}, expected {tuple(shape)} (one label per position)")
    if array.size == 0:
        raise ValueError(f"{name}: is empty, expected at least one label")
    if array.dtype == bool or not np.issubdtype(array.dtype, np.integer):
        integral = np.issubdtype(array.dtype, np.floating) and np.all(np.isfinite(array)) and np.all(array == np.round(array))
        if not integral:
            raise ValueError(f"{name}: expected integer class indices, got {array.dtype} values {array.ravel().tolist()[:5]}")
    array = array.astype(np.int64)
    counted = array != ignore_index if ignore_index is not None else np.ones(array.shape, dtype=bool)
    outside = counted & ((array < 0) | (array >= num_classes))
    if outside.any():
        also = f" (or the ignore_index {ignore_index})" if ignore_index is not None else ""
        raise ValueError(
            f"{name}: label {int(array[outside].flat[0])} is out of range, expected 0 <= label < {num_classes}{also}"
        )
    return array


def _tolerance(tol: Any) -> float:
    if isinstance(tol, bool) or not isinstance(tol, (int, float, np.integer, np.floating)) or not tol >= 0:
        raise ValueError(f"tol: is {tol!r}, expected a non-negative number")  # also rejects NaN
    return float(tol)


def _sums_along(totals: np.ndarray, name: str, what: str, axis: int, tol: float) -> None:
    off = np.abs(totals - 1.0) > tol
    if off.any():
        where = tuple(int(i) for i in np.argwhere(off)[0])
        raise ValueError(
            f"{name}: {what} along dim {axis} at position {where} sum to {totals[where]:.6g}, "
            f"expected 1 (within {tol:g})"
        )


def distributions(value: Any, name: str = "target", *, axis: int = 1, tol: float = SUM_TOLERANCE) -> np.ndarray:
    """Read ``value`` as probability distributions laid out along ``axis`` (classes on dim 1, say)."""
    tol = _tolerance(tol)
    array = probabilities(value, name)
    if array.ndim <= axis:
        raise ValueError(f"{name}: has shape {array.shape}, expected classes along dim {axis}")
    _sums_along(array.sum(axis=axis), name, "probabilities", axis, tol)
    return array


def log_distributions(value: Any, name: str = "input", *, axis: int = 1, tol: float = SUM_TOLERANCE) -> np.ndarray:
    """Read ``value`` as log-probabilities along ``axis``: each entry <= 0, their exps summing to 1.

    Infinite negative entries (log 0) are allowed; NaN and positive entries are not.
    """
    tol = _tolerance(tol)
    array = as_float_array(value, name)
    if array.size == 0:
        raise ValueError(f"{name}: is empty, expected at least one log-probability")
    if array.ndim <= axis:
        raise ValueError(f"{name}: has shape {array.shape}, expected classes along dim {axis}")
    positive = array > tol
    if positive.any():
        raise ValueError(
            f"{name}: contains {array[positive].flat[0]:g}, expected log-probabilities (numbers <= 0)"
        )
    _sums_along(np.exp(array).sum(axis=axis), name, "exps of the log-probabilities", axis, tol)
    return array


def observations(value: Any, name: str = "data") -> np.ndarray:
    """Read ``value`` as a 1-D sample of finite observations; a single number counts as one observation."""
    array = finite_array(value, name)
    if array.ndim == 0:
        array = array.reshape(1)
    if array.ndim != 1:
        raise ValueError(f"{name}: has shape {array.shape}, expected a 1-D sequence of observations")
    return array


def probability(value: Any, name: str = "p") -> float:
    """Read ``value`` as one probability: a single number in [0, 1]."""
    number = finite_number(value, name)
    probabilities(number, name)
    return number


def whole_number(value: Any, name: str, *, low: int = 0, high: int | None = None, expected: str | None = None) -> int:
    """Read ``value`` as an integer (Python or NumPy, not bool) with ``low <= value <= high``.

    ``expected`` overrides the default wording of what was expected, e.g. "a positive number of flips".
    """
    valid = isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))
    if valid and not (low <= value and (high is None or value <= high)):
        valid = False
    if not valid:
        if expected is None:
            expected = f"an integer >= {low}" if high is None else f"an integer between {low} and {high}"
        raise ValueError(f"{name}: is {value!r}, expected {expected}")
    return int(value)


def random_seed(value: Any, name: str = "seed") -> int:
    """Read ``value`` as a seed for ``torch.Generator().manual_seed``: an integer in [0, 2**64 - 1].

    >>> print(random_seed(2147483647))
    2147483647
    """
    return whole_number(value, name, high=2**64 - 1, expected="an integer seed between 0 and 2**64 - 1")
