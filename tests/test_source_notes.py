"""The notes on the sources: one entry per error of the sources, each with its correction and a link."""

from __future__ import annotations

import re

import pytest

from tests.sitetools import ROOT, built_page, page_source

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
