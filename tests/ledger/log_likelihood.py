"""The worked numbers of the chapter that ``snippets/log_likelihood.py`` serves: each with its independent value."""

from __future__ import annotations

import math

import numpy as np
import torch

from snippets.log_likelihood import *  # noqa: F401,F403 - the entries call the chapter's functions
from snippets import log_likelihood as chapter  # noqa: F401
from tests.ledger import WorkedNumber

def _float32(x: float) -> float:
    return float(np.float32(x))


#: Independent oracles: float64 math, rounded to float32 by NumPy, with IEEE float32 additions.
_LOG_002 = (_float32(math.log(0.01 * 0.01 * 0.02)),
            _float32(np.float32(np.float32(math.log(0.01)) + np.float32(math.log(0.01))) + np.float32(math.log(0.02))))
_SOURCE = "seed 002"


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
    WorkedNumber("first triple of hundredths where float32 `==` fails", "site", "-", (0.01, 0.01, 0.02),
                 first_unequal_triple, "log-likelihood.md", "$({}, {}, {})$", rel_tol=1e-15),
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
                 "both print as `{!r}`", rel_tol=0.0),
    WorkedNumber("spacing of float32 numbers near 13", "site", "-", 2.0**-20,
                 lambda: float(np.spacing(np.float32(13.12))), "log-likelihood.md", "$2^{{-20}}$ = `{!r}`",
                 rel_tol=0.0),
    WorkedNumber("float32 machine epsilon", "site", "-", 2.0**-23,
                 lambda: float(np.finfo(np.float32).eps), "log-likelihood.md", "machine epsilon, `{:.8g}`",
                 rel_tol=0.0),
    WorkedNumber("smallest positive float32 and float64", "site", "-", (2.0**-149, 2.0**-1074),
                 lambda: (float(np.finfo(np.float32).smallest_subnormal),
                          float(np.finfo(np.float64).smallest_subnormal)), "log-likelihood.md",
                 "below $2^{{-149}}$, about `{:.1e}`, so the product rounds to zero long before the end: "
                 "float32 gives exactly `0.0`. Float64 reaches down to $2^{{-1074}}$, about `{:.1e}`",
                 rel_tol=0.0),
    WorkedNumber("ln of the largest float64", "site", "-", 1024 * math.log(2),
                 lambda: float(np.log(np.finfo(np.float64).max)), "log-likelihood.md", "about $e^{{{:.2f}}}$",
                 rel_tol=1e-12),
]
