"""The notes on the sources: one entry per error of the sources, each with its correction and a link,
and every number the page states computed from its definition."""

from __future__ import annotations

import functools
import itertools
import math
import re

import pytest

from tests.sitetools import ROOT, built_page, normalise, page_source

#: The list "Errors and loose statements in the sources" of the project's WORKED_NUMBERS.md,
#: item by item: the source it is about and words that identify it. (That file lives outside
#: the repository, so its list is transcribed here.)
ERRORS = {
    1: ("seed 000", ["0*0.3 + 0*0.1 + 0*0.5 + 1*0.1", "producing", "observed label"]),
    2: ("seed 000", ["multi-label", "sigmoid", "binary cross-entropy"]),
    3: ("seed 001", ["i = 0", "i = 1"]),
    4: ("seed 001", ["entropy", "useful work", "KL divergence", "empirical"]),
    5: ("seed 002", ["rounding", "6.99072501e-07", "2.6056931140799998e-08"]),
    6: ("seed 002", ["density", "exceed 1", "positive", "maximum of the log-likelihood is 0"]),
    7: ("seed 002", ["52.295", "3.167", "N(50, 5)"]),
    8: ("seed 002", ["Is equal: True", "==", "isclose"]),
    9: ("seed 002", ["0.01*(W**2).mean()", "NLL", "regularisation"]),
}

ENTRY = re.compile(r"^## (?P<number>\d+)\. (?P<title>[^\n]+?) \{ #note-(?P=number) \}\n(?P<body>.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)


def entries() -> dict[int, tuple[str, str]]:
    return {int(m["number"]): (m["title"], m["body"]) for m in ENTRY.finditer(page_source("source-notes.md"))}


def nav_pages() -> set[str]:
    return set(re.findall(r"^\s*- [^:]+: (\S+\.md)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE))


def test_entries_are_numbered_one_after_another():
    numbers = [int(n) for n in re.findall(r"^## (\d+)\.", page_source("source-notes.md"), re.MULTILINE)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert sorted(entries()) == numbers, "every entry heading needs its { #note-N } id"
    assert len(numbers) > len(ERRORS), "the further loose statements (entries 10 on) are missing"
    for title, _ in entries().values():
        assert "$" not in title, f"math in the heading {title!r} shows as raw TeX in the table of contents"


@pytest.mark.parametrize("number", sorted(ERRORS))
def test_every_listed_error_has_its_entry(number):
    seed, words = ERRORS[number]
    assert number in entries(), f"no entry '## {number}. ... {{ #note-{number} }}'"
    title, body = entries()[number]
    flat = " ".join(body.split())
    assert f"**Source:** {seed}." in flat, f"entry {number} should name {seed}"
    for word in words:
        assert word.lower() in flat.lower(), f"entry {number} ({title}) does not mention {word!r}"


@pytest.mark.parametrize("number", sorted(entries()))
def test_every_entry_says_what_the_source_says_the_correction_and_where_it_is_explained(number):
    title, body = entries()[number]
    parts = re.findall(r"^- \*\*(Source|The source says|Correct|Explained in):\*\*", body, re.MULTILINE)
    assert parts == ["Source", "The source says", "Correct", "Explained in"], f"entry {number} ({title}): {parts}"
    explained = body.split("**Explained in:**", 1)[1]
    links = re.findall(r"\]\(([\w-]+\.md)(#[\w-]+)?\)", explained)
    assert links, f"entry {number} links to no chapter"
    for page, anchor in links:
        assert page in nav_pages(), f"entry {number} links to {page}, which is not in the nav"
        assert anchor, f"entry {number} links to {page} but not to the section that explains it"
    correct = body.split("**Correct:**", 1)[1].split("**Explained in:**", 1)[0]
    assert len(correct.split()) >= 25, f"entry {number}: the correction is too short to explain anything"


def test_the_built_page_has_an_anchor_per_entry_and_nll_anchors_exist(built_site):
    text = built_page(built_site, "source-notes.md").read_text(encoding="utf-8")
    nll = built_page(built_site, "nll.md").read_text(encoding="utf-8")
    for number in entries():
        assert f'id="note-{number}"' in text
    anchors = set(re.findall(r'href="\.\./nll/#([\w-]+)"', text))
    assert anchors
    for anchor in anchors:
        assert f'id="{anchor}"' in nll, f"source-notes links to nll.md#{anchor}, which does not exist"


#: Numbers the notes page takes from a chapter whose own tests compute them (training the bigram
#: model takes half a minute, too long to repeat here): each must be stated on both pages.
FROM_CHAPTERS = {
    "bigram.md": ["5,163", "36,122", "2147483647", "2.36776", "2.34414", "0.02362", "2.3346"],
}

#: Numbers the page states as given, not as results: the inputs of its examples.
GIVEN = {"0.001", "0.015", "50,000", "500,000"}


def _normal_pdf(x, mu: float, sigma: float):
    import numpy as np

    return np.exp(-((x - mu) ** 2) / (2 * sigma**2)) / (sigma * math.sqrt(2 * math.pi))


@functools.lru_cache(maxsize=None)
def stated_numbers() -> tuple[tuple[str, str], ...]:
    """Each number the notes page works out, as (the page's text, the same quantity computed
    from its definition and written the way the page writes it)."""
    import numpy as np
    import torch

    ln = math.log

    def fixed(value: float, places: int) -> str:
        return f"{value:.{places}f}"

    def entropy(p) -> float:
        return -sum(x * ln(x) for x in p if x > 0)

    def two_routes(probs) -> tuple[float, float]:  # float32: log of the product, sum of the logs
        product = torch.tensor(math.prod(probs), dtype=torch.float32)
        return product.log().item(), torch.log(torch.tensor(probs, dtype=torch.float32)).sum().item()

    # Notes 5 to 7: the five points, drawn from A = N(50, 5), and the two candidates A and B.
    five = np.sort(np.random.RandomState(42).normal(50, 5, 5))
    draws = np.random.RandomState(42).normal(50, 5, 500_000)
    density = {"A": _normal_pdf(five, 50, 5), "B": _normal_pdf(five, 45, 8)}
    exact = {k: float(np.prod(v)) for k, v in density.items()}
    rounded = {k: float(np.prod(np.round(v, 4))) for k, v in density.items()}
    smallest = float(np.round(density["B"], 4).min())
    mu_hat, sigma_hat = five.mean(), five.std()  # std divides by n: the MLE

    def log_likelihood(x, mu, sigma) -> float:
        return float(np.log(_normal_pdf(x, mu, sigma)).sum())

    # Note 8: the float32 routes, and the first triple of hundredths (in order) where they differ.
    same = two_routes([0.015, 0.05, 0.01])
    first = next(t for t in itertools.product(range(1, 101), repeat=3)
                 if len(set(two_routes([k / 100 for k in t]))) == 2)
    log_of_product, sum_of_logs = two_routes([k / 100 for k in first])

    # Note 16: the gradient of -ln softmax(z)_4 at z = ln(0.1, 0.3, 0.5, 0.1) is softmax(z) - onehot.
    z = np.log([0.1, 0.3, 0.5, 0.1])
    gradient = np.exp(z) / np.exp(z).sum() - np.eye(4)[3]

    # Note 11: the prediction (0.1, 0.3, 0.5, 0.1), 4th class true, through PyTorch's two losses.
    import torch.nn.functional as F

    prediction, true_class = torch.tensor([[0.1, 0.3, 0.5, 0.1]], dtype=torch.float64), torch.tensor([3])
    right = F.nll_loss(prediction.log(), true_class).item()
    assert F.cross_entropy(prediction.log(), true_class).item() == pytest.approx(right, abs=1e-12)  # harmless
    probs_to_nll = F.nll_loss(prediction, true_class).item()  # minus the probability of the true class
    probs_to_ce = F.cross_entropy(prediction, true_class).item()  # a second softmax

    within = [math.erf(k / math.sqrt(2)) for k in (1, 2, 3)]  # P(|X - mu| <= k sigma)
    p_hat, q = (0.5, 0.3, 0.2), (0.6, 0.2, 0.2)
    return (
        # note 2: the best loss on the soft target (0.5, 0, 0.5, 0) is its entropy, ln 2
        ("0.693147", fixed(entropy((0.5, 0, 0.5, 0)), 6)),
        # note 4: the ten labels of the cross-entropy chapter
        ("1.029653", fixed(entropy(p_hat), 6)),
        ("0.950271", fixed(entropy(q), 6)),
        ("1.060132", fixed(-sum(p * ln(r) for p, r in zip(p_hat, q)), 6)),
        # note 5
        ("6.99072501e-07", repr(rounded["A"])),
        ("2.6056931140799998e-08", repr(rounded["B"])),
        ("7.002857954726396e-07", repr(exact["A"])),
        ("2.6067713385609294e-08", repr(exact["B"])),
        ("0.0144", fixed(smallest, 4)),
        ("0.35%", f"{100 * 5e-5 / smallest:.2f}%"),
        ("0.173%", f"{100 * (1 - rounded['A'] / exact['A']):.3f}%"),
        ("0.041%", f"{100 * (1 - rounded['B'] / exact['B']):.3f}%"),
        ("about 27 times", f"about {round(exact['A'] / exact['B'])} times"),
        ("about 27 times", f"about {round(rounded['A'] / rounded['B'])} times"),
        # note 6
        ("-6.1086", fixed(7 * ln(0.7) + 3 * ln(0.3), 4)),
        ("0.488292", fixed(five[0] / 100, 6)),
        ("48.8292", fixed(five[0], 4)),
        ("+10.1667", f"{log_likelihood(five / 100, mu_hat / 100, sigma_hat / 100):+.4f}"),
        ("23.03", fixed(5 * ln(100), 2)),
        ("-12.8591", fixed(log_likelihood(five, mu_hat, sigma_hat), 4)),
        # note 7
        ("52.295", fixed(mu_hat, 3)),
        ("3.167", fixed(sigma_hat, 3)),
        ("-14.1718", fixed(log_likelihood(five, 50, 5), 4)),
        ("(49.998, 5.001)$ after 50,000",
         f"({draws[:50_000].mean():.3f}, {draws[:50_000].std():.3f})$ after 50,000"),
        ("(49.994, 5.002)$ after 500,000", f"({draws.mean():.3f}, {draws.std():.3f})$ after 500,000"),
        # note 8
        ("-11.800607681274414", repr(same[0])),
        ("-11.800607681274414", repr(same[1])),
        ("(0.01, 0.01, 0.02)", "(" + ", ".join(f"{k / 100}" for k in first) + ")"),
        ("-13.122363090515137", repr(log_of_product)),
        ("-13.122364044189453", repr(sum_of_logs)),
        ("$2^{-20}$", f"$2^{{{math.log2(log_of_product - sum_of_logs):.0f}}}$"),
        ("-13.122363377", fixed(ln(math.prod(k / 100 for k in first)), 9)),
        # note 10
        ("0.6826894921", fixed(within[0], 10)),
        ("0.3413", fixed(within[0] / 2, 4)),
        ("0.34", fixed(0.68 / 2, 2)),
        ("0.6827, 0.9545 and 0.9973", "{}, {} and {}".format(*(fixed(w, 4) for w in within))),
        ("68%, 95% and 99.7%", f"{100 * within[0]:.0f}%, {100 * within[1]:.0f}% and {100 * within[2]:.1f}%"),
        # note 11
        ("$-\\ln 0.1 = 2.302585$", f"$-\\ln 0.1 = {fixed(right, 6)}$"),
        ("returns $-0.1$", f"returns ${probs_to_nll:.1f}$"),
        ("returns 1.550373", f"returns {fixed(probs_to_ce, 6)}"),
        # note 16
        ("6.907755", fixed(-ln(0.001), 6)),
        ("(0.1, 0.3, 0.5, -0.9)", "(" + ", ".join(f"{g:.1f}" for g in gradient) + ")"),
    )


def test_each_number_the_page_states_is_computed_from_its_definition():
    page = normalise(page_source("source-notes.md"))
    missing = [text for text, _ in stated_numbers() if normalise(text) not in page]
    wrong = [f"{text!r} (computed: {computed!r})" for text, computed in stated_numbers() if computed != text]
    assert not missing, f"the page no longer states {missing}"
    assert not wrong, f"the page states numbers its definitions do not give: {wrong}"


def test_every_worked_number_on_the_page_is_checked():
    """A number with three or more decimals, an exponent or a per cent sign, or a count with
    thousands separators, must be in the table above, come from a chapter, or be an input."""
    page = page_source("source-notes.md")
    found = set(re.findall(
        r"(?<![\w.])[-+]?\d+\.\d{3,}(?:e[-+]?\d+)?|(?<![\w.])\d+(?:\.\d+)?%|(?<![\w.])\d{1,3}(?:,\d{3})+|\d{6,}", page))
    checked = " ".join(text for text, _ in stated_numbers())
    chapters = {n for numbers in FROM_CHAPTERS.values() for n in numbers}
    unchecked = sorted(n for n in found if n not in GIVEN and n not in chapters and n not in checked)
    assert not unchecked, f"numbers on the notes page that no test computes: {unchecked}"


@pytest.mark.parametrize("page", sorted(FROM_CHAPTERS))
def test_numbers_taken_from_a_chapter_are_stated_there(page):
    notes, chapter = normalise(page_source("source-notes.md")), normalise(page_source(page))
    for number in FROM_CHAPTERS[page]:
        assert number in notes, f"the notes page no longer states {number}; drop it from FROM_CHAPTERS"
        assert number in chapter, f"the notes page states {number}, which {page} (whose tests compute it) does not"


# --- The chapters teach; the notes page is the one place for the sources ---

#: The chapters, in reading order: lessons, not audits of the source articles.
CHAPTERS = ["likelihood.md", "log-likelihood.md", "maximum-likelihood.md", "nll.md", "cross-entropy.md",
            "pytorch-losses.md", "pytorch-losses-from-scratch.md", "bigram.md"]

#: Words by which a page refers to the articles the site grew from (or links their notes).
SOURCE_MENTION = re.compile(
    r"source-notes\.md|seed 00[0-2]|source articles?|\bthe sources?\b|articles? (?:this site|it) grew from|"
    r"the (?:original|source) (?:article|post)s?", re.IGNORECASE)


def source_mentions(page: str) -> list[str]:
    """The paragraphs (text between blank lines, code excluded) of ``docs/<page>`` that mention the sources."""
    text = re.sub(r"^([ \t]*)```.*?^\1```", "", page_source(page), flags=re.MULTILINE | re.DOTALL)
    return [paragraph.strip()[:80] for paragraph in re.split(r"\n\s*\n", text) if SOURCE_MENTION.search(paragraph)]


@pytest.mark.parametrize("page", CHAPTERS)
def test_a_chapter_mentions_the_source_articles_at_most_twice(page):
    mentions = source_mentions(page)
    assert len(mentions) <= 2, f"docs/{page} mentions the sources in {len(mentions)} places: {mentions}"


def test_the_mention_counter_sees_a_mention():
    assert SOURCE_MENTION.search("what the source articles say") and SOURCE_MENTION.search("(source-notes.md#note-1)")


@pytest.mark.parametrize("page", CHAPTERS)
def test_a_chapter_carries_no_bad_input_section_and_no_test_machinery(page):
    """Bad-input tables and how the tests work live on the checks page, not in the lessons."""
    headings = re.findall(r"^#{2,6} (.+)$", page_source(page), re.MULTILINE)
    machinery = [h for h in headings if re.search(r"bad input|how .* is tested|agreement with pytorch is tested", h, re.I)]
    assert not machinery, f"docs/{page} has machinery sections: {machinery}"
