"""The worked numbers of the chapter that ``snippets/likelihood.py`` serves: each with its independent value."""

from __future__ import annotations

import math

import numpy as np
import torch

from snippets.likelihood import (
    A,
    B,
    five_points,
    interval_probability,
    likelihood,
    normal_cdf,
    normal_pdf,
    within_k_sigma,
)
from tests.ledger import WorkedNumber

#: The exact values of WORKED_NUMBERS.md, used as independent oracles below.
_DATA = (48.82923313, 49.30867849, 52.48357077, 53.23844269, 57.61514928)
_SOURCE = "seed 002"


def _rounded_product(distribution) -> float:
    """The product of the densities after rounding each to 4 places, as the page does it."""
    return float(np.prod(np.round(normal_pdf(five_points(), *distribution), 4)))

#: Every number the chapter states.
WORKED_NUMBERS = [
    WorkedNumber("the five data points, shown to 4 places", "site", "[48.8292 49.3087 52.4836 53.2384 57.6151]",
                 _DATA, lambda: five_points(), "likelihood.md",
                 "[{:.4f} {:.4f} {:.4f} {:.4f} {:.4f}]", abs_tol=5e-9),
    WorkedNumber("P(50 <= X <= 52.5), X ~ N(mu=50, sigma=2.5)", _SOURCE, "0.3413", 0.3413447460685429,
                 lambda: interval_probability(50, 52.5, 50, 2.5), "likelihood.md",
                 "\\Phi(1) - \\Phi(0) = {:.4f}", rel_tol=1e-12),
    WorkedNumber("P(50 <= X <= 52.5), in full", "site", "-", 0.3413447460685429,
                 lambda: interval_probability(50, 52.5, 50, 2.5), "likelihood.md", "{!r}", rel_tol=1e-15),
    WorkedNumber("P(mu-k*sigma <= X <= mu+k*sigma), k = 1, 2, 3", _SOURCE, "68%, 95%, 99.7%",
                 (0.6826894921, 0.9544997361, 0.9973002039),
                 lambda: [within_k_sigma(k, 50, 2.5)[2] for k in (1, 2, 3)], "likelihood.md",
                 "probabilities {:.4f}, {:.4f} and {:.4f}", rel_tol=1e-9),
    WorkedNumber("the intervals for k = 1, 2, 3", _SOURCE, "same", (47.5, 52.5, 45.0, 55.0, 42.5, 57.5),
                 lambda: [end for k in (1, 2, 3) for end in within_k_sigma(k, 50, 2.5)[:2]], "likelihood.md",
                 "the intervals {} to {}, {} to {} and {} to {}", rel_tol=1e-15),
    WorkedNumber("half of the one-sigma probability", "site", "0.68/2 ≈ 0.3413", 0.6826894921 / 2,
                 lambda: within_k_sigma(1, 50, 2.5)[2] / 2, "likelihood.md",
                 "half holds exactly half of its probability, {:.4f}", rel_tol=1e-9),
    WorkedNumber("densities under A, rounded to 4 places", _SOURCE, "same", (0.0776, 0.0790, 0.0705, 0.0647, 0.0250),
                 lambda: np.round(normal_pdf(five_points(), *A), 4), "likelihood.md",
                 "| {:.4f} | {:.4f} | {:.4f} | {:.4f} | {:.4f} |", abs_tol=1e-12),
    WorkedNumber("densities under B, rounded to 4 places", _SOURCE, "same", (0.0445, 0.0431, 0.0322, 0.0293, 0.0144),
                 lambda: np.round(normal_pdf(five_points(), *B), 4), "likelihood.md",
                 "| {:.4f} | {:.4f} | {:.4f} | {:.4f} | {:.4f} |", abs_tol=1e-12),
    WorkedNumber("product of the *rounded* A densities", _SOURCE, "6.99072501e-07", 6.99072501e-07,
                 lambda: _rounded_product(A), "likelihood.md", "A {!r}", rel_tol=1e-12),
    WorkedNumber("product of the *rounded* B densities", _SOURCE, "2.6056931140799998e-08", 2.6056931140799998e-08,
                 lambda: _rounded_product(B), "likelihood.md", "B {!r}", rel_tol=1e-12),
    WorkedNumber("product of the exact A densities", _SOURCE, "— (the source multiplied rounded values)",
                 7.002857954726396e-07, lambda: likelihood(five_points(), *A), "likelihood.md",
                 "L(A) = {:.10e}", rel_tol=1e-12),
    WorkedNumber("product of the exact B densities", _SOURCE, "—", 2.6067713385609294e-08,
                 lambda: likelihood(five_points(), *B), "likelihood.md", "L(B) = {:.10e}", rel_tol=1e-12),
    WorkedNumber("likelihood ratio of A to B", "site", "-", 7.002857954726396e-07 / 2.6067713385609294e-08,
                 lambda: likelihood(five_points(), *A) / likelihood(five_points(), *B), "likelihood.md",
                 "the likelihood ratio $L(A)/L(B)$ is about {:.1f}", rel_tol=1e-10),
    WorkedNumber("L(A) and L(B) in the prose, as multiples of 1e-7 and 1e-8", "site", "-",
                 (7.002857954726396, 2.6067713385609294),
                 lambda: (likelihood(five_points(), *A) * 1e7, likelihood(five_points(), *B) * 1e8),
                 "likelihood.md",
                 "$L(A) = {:.10f} \\times 10^{{-7}}$ and $L(B) = {:.10f} \\times 10^{{-8}}$",
                 rel_tol=1e-12),
    WorkedNumber("the far tails: erf(-10/sqrt 2) as a double, 1 + erf rounding Phi(-10) to 0, "
                 "Phi(-10) from erfc, P(10 <= Z <= 11) from the upper tail Q", "site", "-",
                 # erf(-10/sqrt 2) = -1 + 1.52e-23 (mpmath), which rounds to the double -1.0;
                 # Phi(-10) and Phi(-10) - Phi(-11) = Q(10) - Q(11): mpmath.ncdf, 40 digits
                 (-1.0, 0.0, 7.6198530241605260659733432516e-24, 7.6196619582030761984022282100e-24),
                 lambda: (math.erf(-10 / math.sqrt(2)), (1 + math.erf(-10 / math.sqrt(2))) / 2,
                          normal_cdf(-10, 0, 1), interval_probability(10, 11, 0, 1)),
                 "likelihood.md", "{} {} {:.4e} {:.4e}", rel_tol=1e-12),
    WorkedNumber("the MLE of the five points (sample mean, std dividing by n) and its likelihood", "site", "-",
                 # WORKED_NUMBERS.md's mean and population std; at the MLE, L = (2 pi e sigma^2)^(-n/2)
                 (52.295014871625426, 3.1673107704922443,
                  (2 * math.pi * math.e * 3.1673107704922443**2) ** -2.5),
                 lambda: (five_points().mean(), five_points().std(),
                          likelihood(five_points(), five_points().mean(), five_points().std())),
                 "likelihood.md", "MLE ({:.3f}, {:.3f}): L = {:.2e}", rel_tol=1e-12),
    WorkedNumber("the likelihood at the MLE, as a multiple of L(A)", "site", "-",
                 (2 * math.pi * math.e * 3.1673107704922443**2) ** -2.5 / 7.002857954726396e-07,
                 lambda: likelihood(five_points(), five_points().mean(), five_points().std())
                 / likelihood(five_points(), *A),
                 "likelihood.md", "L(MLE) / L(A) = {:.1f}", rel_tol=1e-12),
    WorkedNumber("density of N(50, 0.1) at its mean, and P(49.95 <= X <= 50.05)", "site", "-",
                 (1 / (0.1 * math.sqrt(2 * math.pi)), math.erf(0.5 / math.sqrt(2))),
                 lambda: (normal_pdf(50.0, 50, 0.1), interval_probability(49.95, 50.05, 50, 0.1)),
                 "likelihood.md",
                 "height {:.4f} at its mean, but the interval from 49.95 to 50.05 has probability only {:.4f}",
                 rel_tol=1e-12),
    WorkedNumber("the five data points, in the table", "site", "-", _DATA, lambda: five_points(), "likelihood.md",
                 "| the data | {:.4f} | {:.4f} | {:.4f} | {:.4f} | {:.4f} |", abs_tol=5e-9),
    WorkedNumber("the one-sigma probability, to 4 places", "site", "68%", 0.6826894921,
                 lambda: within_k_sigma(1, 50, 2.5)[2], "likelihood.md",
                 "is rounded, and so is {:.4f}; halve the unrounded probability, not 0.68", rel_tol=1e-9),
    WorkedNumber("largest relative rounding error of a printed density (0.0144)", "site", "-", 0.00005 / 0.0144,
                 lambda: 0.5e-4 / float(np.round(normal_pdf(five_points(), *B), 4).min()), "likelihood.md",
                 "up to {:.2%} of a value as small as 0.0144", rel_tol=1e-9),
    WorkedNumber("how far below the exact products the rounded ones are, A and B", "site", "-",
                 (1 - 6.99072501e-07 / 7.002857954726396e-07, 1 - 2.6056931140799998e-08 / 2.6067713385609294e-08),
                 lambda: [1 - _rounded_product(d) / likelihood(five_points(), d[0], d[1]) for d in (A, B)],
                 "likelihood.md", "the rounded product is {:.3%} below the exact one for A and {:.3%} below for B",
                 rel_tol=1e-8),
]
