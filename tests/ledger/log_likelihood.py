"""The worked numbers of the chapter that ``snippets/log_likelihood.py`` serves: each with its independent value."""

from __future__ import annotations

import inspect
import math
import re

import numpy as np
import torch

from snippets.log_likelihood import (
    A, five_points, log_likelihood, log_sum_exp, log_two_ways, naive_softmax, normal_pdf,
    product_and_log_sum, stable_softmax,
)
from tests.ledger import WorkedNumber

def _float32(x: float) -> float:
    return float(np.float32(x))


#: Independent oracles: float64 math, rounded to float32 by NumPy, with IEEE float32 additions.
_LOG_002 = (_float32(math.log(0.01 * 0.01 * 0.02)),
            _float32(np.float32(np.float32(math.log(0.01)) + np.float32(math.log(0.01))) + np.float32(math.log(0.02))))
_SOURCE = "seed 002"


#: float32 and float64 from their bit layouts (IEEE 754): significand bits, exponent range.
_BITS = ((24, -126, -149, 127), (53, -1022, -1074, 1023))
_FINFO = tuple(
    value
    for bits, tiny, smallest, top in _BITS
    for value in (bits * math.log10(2), 2.0 ** (1 - bits), 2.0**tiny, 2.0**smallest, (2 - 2.0 ** (1 - bits)) * 2.0**top)
)


def _finfo_row(t) -> tuple[float, ...]:
    i = np.finfo(t)
    return (np.log10(2.0) * (i.nmant + 1), i.eps, i.tiny, i.smallest_subnormal, i.max)


def _torch_ll(mu: float, sigma: float) -> float:
    """Log-likelihood of the five points via torch.distributions (independent of the NumPy code)."""
    x = torch.tensor([48.82923312638332, 49.308678494144075, 52.483570765056164, 53.23844269050346, 57.61514928204013],
                     dtype=torch.float64)
    return torch.distributions.Normal(torch.tensor(mu, dtype=torch.float64), sigma).log_prob(x).sum().item()


#: Every number the chapter states.
WORKED_NUMBERS = [
    WorkedNumber("0.015 * 0.05 * 0.01", _SOURCE, "7.5e-06", 7.5e-06,
                 lambda: math.prod([0.015, 0.05, 0.01]), "log-likelihood.md", "computes as `{!r}`", rel_tol=1e-15),
    WorkedNumber("sum of float32 logs (torch)", _SOURCE, '-11.800607681274414, "-11.80"', -11.800607681274414,
                 lambda: log_two_ways([0.015, 0.05, 0.01])[1], "log-likelihood.md", "`{!r}`", rel_tol=0.0),
    WorkedNumber("float32 `log(product) == sum of logs`", _SOURCE, '"Is equal: True"', True,
                 lambda: (lambda a, b: a == b)(*log_two_ways([0.015, 0.05, 0.01])), "log-likelihood.md",
                 "`log_of_product == sum_of_logs` is `{}`"),
    WorkedNumber("float32 log of the product and sum of logs for (0.01, 0.01, 0.02)", "site", "-", _LOG_002,
                 lambda: log_two_ways([0.01, 0.01, 0.02]), "log-likelihood.md",
                 "| log of the product | `{!r}` | | sum of the logs | `{!r}` |", rel_tol=0.0),
    WorkedNumber("exact ln(2e-6)", "site", "-", math.log(2) - 6 * math.log(10),
                 lambda: float(np.log(np.float64(0.01) * 0.01 * 0.02)), "log-likelihood.md",
                 "| exact, $\\ln(2 \\times 10^{{-6}})$ | `{:.9f}…` |", rel_tol=1e-15),
    WorkedNumber("1000 probabilities of 0.5: product in float64", _SOURCE, "— (underflow demo)",
                 9.332636185032189e-302, lambda: product_and_log_sum(0.5, 1000)[0], "log-likelihood.md",
                 "`{!r}`", rel_tol=1e-15),
    WorkedNumber("1000 probabilities of 0.5: product in float32", "site", "-", 0.0,
                 lambda: product_and_log_sum(0.5, 1000, np.float32)[0], "log-likelihood.md",
                 "float32 gives exactly `{}`"),
    WorkedNumber("the same as a log-sum", _SOURCE, "—", -693.1471805599454,
                 lambda: product_and_log_sum(0.5, 1000)[1], "log-likelihood.md", "`{!r}`", rel_tol=1e-15),
    WorkedNumber("the same as a log-sum, in float32", "site", "-", 1000 * math.log(0.5),
                 lambda: product_and_log_sum(0.5, 1000, np.float32)[1], "log-likelihood.md",
                 "float32 sum of logs is {:.4f}", rel_tol=1e-6),
    WorkedNumber("naive softmax of logits `[1000, 1001, 1002]` in float64", "seed 000", "—",
                 (math.nan, math.nan, math.nan), lambda: naive_softmax([1000, 1001, 1002]), "log-likelihood.md",
                 "`[{}, {}, {}]`"),
    WorkedNumber("stable softmax (subtract the max first)", "seed 000", "—",
                 tuple(math.exp(k) / (1 + math.e + math.e**2) for k in (0, 1, 2)),
                 lambda: stable_softmax([1000, 1001, 1002]), "log-likelihood.md", "`[{:.8f}, {:.8f}, {:.8f}]`",
                 rel_tol=1e-12),
    WorkedNumber("log-sum-exp of [1000, 1001, 1002]", "site", "-", 1002 + math.log(1 + math.exp(-1) + math.exp(-2)),
                 lambda: log_sum_exp([1000, 1001, 1002]), "log-likelihood.md", "= {:.6f}", rel_tol=1e-15),
    WorkedNumber("log-likelihood of the five points at mu = 50, sigma = 5 (A)", "site", "-", _torch_ll(50.0, 5.0),
                 lambda: log_likelihood(five_points(), *A), "log-likelihood.md", "\\ln L(50) = {:.4f}",
                 rel_tol=1e-12),
    WorkedNumber("log-likelihood of the five points at the sample mean, sigma = 5", "site", "-",
                 _torch_ll(52.295014871625426, 5.0),
                 lambda: log_likelihood(five_points(), five_points().mean(), 5.0), "log-likelihood.md",
                 "\\ln L(\\bar x) = {:.4f}", rel_tol=1e-12),
    WorkedNumber("ln(7.5e-6) rounded to float32", "site", "-", -11.800607681274414,
                 lambda: log_two_ways([0.015, 0.05, 0.01])[0], "log-likelihood.md",
                 "both come out as `{!r}`", rel_tol=0.0),
    WorkedNumber("spacing of float32 numbers near 13", "site", "-", 2.0**-20,
                 lambda: float(np.spacing(np.float32(13.12))), "log-likelihood.md", "$2^{{-20}}$ = `{!r}`",
                 rel_tol=0.0),
    WorkedNumber("machine epsilon of float32 and float64", "site", "-", (2.0**-23, 2.0**-52),
                 lambda: (float(np.finfo(np.float32).eps), float(np.finfo(np.float64).eps)), "log-likelihood.md",
                 "$2^{{-23}} \\approx$ `{:.1e}` in float32, $2^{{-52}} \\approx$ `{:.1e}` in float64", rel_tol=0.0),
    WorkedNumber("smallest positive float32 and float64", "site", "-", (2.0**-149, 2.0**-1074),
                 lambda: (float(np.finfo(np.float32).smallest_subnormal),
                          float(np.finfo(np.float64).smallest_subnormal)), "log-likelihood.md",
                 "below $2^{{-149}}$, about `{:.1e}`, so the product rounds to zero long before the end: "
                 "float32 gives exactly `0.0`. Float64 reaches down to $2^{{-1074}}$, about `{:.1e}`",
                 rel_tol=0.0),
    WorkedNumber("ln of the largest float64", "site", "-", 1024 * math.log(2),
                 lambda: float(np.log(np.finfo(np.float64).max)), "log-likelihood.md", "about $e^{{{:.2f}}}$",
                 rel_tol=1e-12),
    WorkedNumber("float32 and float64: digits, epsilon, smallest normal, smallest positive, largest", "site",
                 "-", _FINFO, lambda: _finfo_row(np.float32) + _finfo_row(np.float64), "log-likelihood.md",
                 "float32 {:.1f} {:.8g} {:.1e} {:.1e} {:.1e} float64 {:.1f} {:.8g} {:.1e} {:.1e} {:.1e}",
                 rel_tol=1e-12),
    WorkedNumber("significant decimal digits of float32 and float64", "site", "-", (24 * math.log10(2), 53 * math.log10(2)),
                 lambda: (_finfo_row(np.float32)[0], _finfo_row(np.float64)[0]), "log-likelihood.md",
                 "float32 carries about {:.0f} significant decimal digits, float64 about {:.0f}", rel_tol=1e-12),
    WorkedNumber("math.isclose defaults", "site", "-", (1e-9, 0.0),
                 lambda: tuple(inspect.signature(math.isclose).parameters[k].default for k in ("rel_tol", "abs_tol")),
                 "log-likelihood.md", "(a, b, *, rel_tol={!r}, abs_tol={!r})", rel_tol=0.0),
    WorkedNumber("math.isclose with its defaults on the (0.01, 0.01, 0.02) pair", "site", "-", False,
                 lambda: math.isclose(*log_two_ways([0.01, 0.01, 0.02])), "log-likelihood.md",
                 "on this pair it says `{}`"),
    WorkedNumber("math.isclose with rel_tol=1e-6 on the (0.01, 0.01, 0.02) pair", "site", "-", True,
                 lambda: math.isclose(*log_two_ways([0.01, 0.01, 0.02]), rel_tol=1e-6), "log-likelihood.md",
                 "with `rel_tol=1e-6` it says `{}`"),
    WorkedNumber("float32 spacing near 2e7 and near 1e8", "site", "-", (2.0 ** (24 - 23), 2.0 ** (26 - 23)),
                 lambda: (float(np.spacing(np.float32(2e7))), float(np.spacing(np.float32(1e8)))),
                 "log-likelihood.md", "every float32 number is a multiple of {:g}, near $10^8$ a multiple of {:g}",
                 rel_tol=0.0),
    WorkedNumber("torch.isclose defaults", "site", "-", (1e-5, 1e-8),
                 lambda: tuple(float(v) for v in re.search(r"isclose\(input, other, rtol=([^,]+), atol=([^,]+),",
                                                           torch.isclose.__doc__).groups()),
                 "log-likelihood.md", "with defaults `rtol={!r}, atol={!r}`", rel_tol=0.0),
    WorkedNumber("largest N(50, 5) density, at the mean", "site", "-", 1 / (5.0 * math.sqrt(2 * math.pi)),
                 lambda: float(normal_pdf(50.0, *A)), "log-likelihood.md", "every density is below {:.2f}",
                 rel_tol=1e-15),
    WorkedNumber("log-likelihood at A's mean, in the figure's alt text", "site", "-", _torch_ll(50.0, 5.0),
                 lambda: log_likelihood(five_points(), *A), "log-likelihood.md",
                 "marked on the parabola at {:.2f}", rel_tol=1e-12),
    WorkedNumber("sample mean of the five points", "site", "-",
                 (48.82923312638332 + 49.308678494144075 + 52.483570765056164 + 53.23844269050346
                  + 57.61514928204013) / 5,
                 lambda: float(five_points().mean()), "log-likelihood.md", "the sample mean {:.3f}", rel_tol=1e-12),
]
