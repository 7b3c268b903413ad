"""The worked numbers of the chapter that ``snippets/likelihood.py`` serves: each with its independent value."""

from __future__ import annotations

import math

import numpy as np
import torch

from snippets.likelihood import *  # noqa: F401,F403 - the entries call the chapter's functions
from snippets import likelihood as chapter  # noqa: F401
from tests.ledger import WorkedNumber

#: The exact values of WORKED_NUMBERS.md, used as independent oracles below.
_DATA = (48.82923313, 49.30867849, 52.48357077, 53.23844269, 57.61514928)
_SOURCE = "seed 002"

#: Every number the chapter states.
WORKED_NUMBERS = [
    WorkedNumber("the five data points, shown to 4 places", "site", "[48.8292 49.3087 52.4836 53.2384 57.6151]",
                 _DATA, lambda: five_points(), "likelihood.md",
                 "`[{:.4f} {:.4f} {:.4f} {:.4f} {:.4f}]`", abs_tol=5e-9),
    WorkedNumber("P(50 <= X <= 52.5), X ~ N(mu=50, sigma=2.5)", _SOURCE, "0.3413", 0.3413447460685429,
                 lambda: interval_probability(50, 52.5, 50, 2.5), "likelihood.md",
                 "\\Phi(1) - \\Phi(0) = {:.4f}", rel_tol=1e-12),
    WorkedNumber("P(50 <= X <= 52.5), in full", "site", "-", 0.3413447460685429,
                 lambda: interval_probability(50, 52.5, 50, 2.5), "likelihood.md", "`{!r}`", rel_tol=1e-15),
    WorkedNumber("P(mu-k*sigma <= X <= mu+k*sigma), k = 1, 2, 3", _SOURCE, "68%, 95%, 99.7%",
                 (0.6826894921, 0.9544997361, 0.9973002039),
                 lambda: [within_k_sigma(k, 50, 2.5)[2] for k in (1, 2, 3)], "likelihood.md",
                 "probabilities {:.4f}, {:.4f} and {:.4f}", rel_tol=1e-9),
    WorkedNumber("the intervals for k = 1, 2, 3", _SOURCE, "same", (47.5, 52.5, 45.0, 55.0, 42.5, 57.5),
                 lambda: [end for k in (1, 2, 3) for end in within_k_sigma(k, 50, 2.5)[:2]], "likelihood.md",
                 "the intervals {} to {}, {} to {} and {} to {}", rel_tol=1e-15),
    WorkedNumber("half of the one-sigma probability", "site", "0.68/2 ≈ 0.3413", 0.6826894921 / 2,
                 lambda: within_k_sigma(1, 50, 2.5)[2] / 2, "likelihood.md",
                 "half of it, {:.4f}", rel_tol=1e-9),
    WorkedNumber("densities under A, rounded to 4 places", _SOURCE, "same", (0.0776, 0.0790, 0.0705, 0.0647, 0.0250),
                 lambda: np.round(normal_pdf(five_points(), *A), 4), "likelihood.md",
                 "| {:.4f} | {:.4f} | {:.4f} | {:.4f} | {:.4f} |", abs_tol=1e-12),
    WorkedNumber("densities under B, rounded to 4 places", _SOURCE, "same", (0.0445, 0.0431, 0.0322, 0.0293, 0.0144),
                 lambda: np.round(normal_pdf(five_points(), *B), 4), "likelihood.md",
                 "| {:.4f} | {:.4f} | {:.4f} | {:.4f} | {:.4f} |", abs_tol=1e-12),
    WorkedNumber("product of the *rounded* A densities", _SOURCE, "6.99072501e-07", 6.99072501e-07,
                 lambda: rounded_product(five_points(), *A), "likelihood.md", "`{!r}`", rel_tol=1e-12),
    WorkedNumber("product of the *rounded* B densities", _SOURCE, "2.6056931140799998e-08", 2.6056931140799998e-08,
                 lambda: rounded_product(five_points(), *B), "likelihood.md", "`{!r}`", rel_tol=1e-12),
    WorkedNumber("product of the exact A densities", _SOURCE, "— (the source multiplied rounded values)",
                 7.002857954726396e-07, lambda: likelihood(five_points(), *A), "likelihood.md",
                 "L(A) = {:.10e}", rel_tol=1e-12),
    WorkedNumber("product of the exact B densities", _SOURCE, "—", 2.6067713385609294e-08,
                 lambda: likelihood(five_points(), *B), "likelihood.md", "L(B) = {:.10e}", rel_tol=1e-12),
    WorkedNumber("likelihood ratio of A to B", "site", "-", 7.002857954726396e-07 / 2.6067713385609294e-08,
                 lambda: likelihood(five_points(), *A) / likelihood(five_points(), *B), "likelihood.md",
                 "about {:.1f} times", rel_tol=1e-10),
    WorkedNumber("density of N(50, 0.1) at its mean, and P(49.95 <= X <= 50.05)", "site", "-",
                 (1 / (0.1 * math.sqrt(2 * math.pi)), math.erf(0.5 / math.sqrt(2))),
                 lambda: density_and_small_interval(50, 0.1, 0.1), "likelihood.md",
                 "height {:.4f} at its mean, but the interval from 49.95 to 50.05 has probability only {:.4f}",
                 rel_tol=1e-12),
    WorkedNumber("the five data points, in the table", "site", "-", _DATA, lambda: five_points(), "likelihood.md",
                 "| the data | {:.4f} | {:.4f} | {:.4f} | {:.4f} | {:.4f} |", abs_tol=5e-9),
    WorkedNumber("the article's 0.68/2, taken literally", "site", "0.68/2 ≈ 0.3413", 0.34,
                 lambda: 0.68 / 2, "likelihood.md", "0.68/2 = {:.2f}", rel_tol=1e-12),
    WorkedNumber("the one-sigma probability, to 4 places", "site", "68%", 0.6826894921,
                 lambda: within_k_sigma(1, 50, 2.5)[2], "likelihood.md",
                 "the exact one-sigma probability is {:.4f}", rel_tol=1e-9),
    WorkedNumber("largest relative rounding error of a printed density (0.0144)", "site", "-", 0.00005 / 0.0144,
                 lambda: 0.5e-4 / float(np.round(normal_pdf(five_points(), *B), 4).min()), "likelihood.md",
                 "up to {:.2%} of a value as small as 0.0144", rel_tol=1e-9),
    WorkedNumber("how far below the exact products the rounded ones are, A and B", "site", "-",
                 (1 - 6.99072501e-07 / 7.002857954726396e-07, 1 - 2.6056931140799998e-08 / 2.6067713385609294e-08),
                 lambda: [1 - rounded_product(five_points(), *d) / likelihood(five_points(), *d) for d in (A, B)],
                 "likelihood.md", "the article's value for A is {:.3%} below the exact one, and for B {:.3%} below",
                 rel_tol=1e-8),
    WorkedNumber("the sample's own mean and standard deviation (divided by n)", "site", "52.295, 3.167",
                 (52.295014871625426, 3.1673107704922443),
                 lambda: (float(np.mean(five_points())), float(np.std(five_points()))), "likelihood.md",
                 "$\\bar x = {:.3f}$ and $\\hat\\sigma = {:.3f}$", rel_tol=1e-12),
]
