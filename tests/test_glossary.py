"""The glossary page and the hover tooltips the abbreviations file gives every page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from tests.sitetools import DOCS, ROOT, built_page, markdown_pages, page_source

ABBREVIATIONS = DOCS / "_includes" / "glossary-abbreviations.md"
PAGES = [page.relative_to(DOCS).as_posix() for page in markdown_pages()]

#: The eleven terms of the issue: the glossary heading that defines each, and a pattern
#: (case-insensitive, any spelling the site might use) that finds the term in running text.
TERMS = {
    "likelihood": ("Likelihood", r"likelihoods?"),
    "density": ("Density", r"densit(?:y|ies)"),
    "log-likelihood": ("Log-likelihood", r"log[- ]likelihoods?"),
    "MLE": ("Maximum likelihood estimate (MLE)", r"maximum[- ]likelihood|MLEs?"),
    "NLL": ("Negative log-likelihood (NLL)", r"negative[- ]log[- ]likelihoods?|NLLs?"),
    "entropy": ("Entropy", r"entrop(?:y|ies)"),
    "cross-entropy": ("Cross-entropy", r"cross[- ]entrop(?:y|ies)"),
    "KL divergence": ("KL divergence", r"KL[- ]divergences?|Kullback[-\u2013 ]Leibler(?: divergences?)?"),
    "logit": ("Logit", r"logits?"),
    "softmax": ("Softmax", r"softmax(?:es)?"),
    "perplexity": ("Perplexity", r"perplexit(?:y|ies)"),
}
ANY_TERM = re.compile(
    r"(?<![\w-])(?:" + "|".join(pattern for _, pattern in sorted(TERMS.values(), key=lambda t: -len(t[1]))) + r")(?![\w])",
    re.IGNORECASE,
)
#: What the tooltip of each term must start with (the first words of its definition).
TITLE_STARTS = {
    "likelihood": "Likelihood:", "density": "Probability density:", "log-likelihood": "Log-likelihood:",
    "MLE": "Maximum likelihood estima", "NLL": "Negative log-likelihood", "entropy": "Entropy:",
    "cross-entropy": "Cross-entropy:", "KL divergence": "Kullback-Leibler divergence:", "logit": "Logit:",
    "softmax": "Softmax:", "perplexity": "Perplexity:",
}

DEFINITION = re.compile(r"^\*\[(?P<term>[^\]]+)\]: (?P<title>.+)$")


def abbreviations() -> dict[str, str]:
    """``{term: tooltip}`` from the abbreviations file; every line must be a definition."""
    found = {}
    for number, line in enumerate(ABBREVIATIONS.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        match = DEFINITION.match(line)
        assert match, f"{ABBREVIATIONS.name}:{number} is not an abbreviation definition: {line!r}"
        assert match["term"] not in found, f"{match['term']!r} is defined twice"
        found[match["term"]] = match["title"]
    return found


class _ArticleText(HTMLParser):
    """Text of the page's article, split into what is inside <abbr> and what is not.

    Code, math, scripts, inline SVG and the permalink symbols are skipped: abbreviations
    never apply there.
    """

    SKIP_TAGS = {"code", "pre", "script", "style", "svg"}
    SKIP_CLASSES = {"arithmatex", "headerlink"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool, bool]] = []  # (tag, skipped, in abbr, in math)
        self.in_article = 0
        self.bare: list[str] = []
        self.abbrs: list[tuple[str, str, str]] = []  # (text, title, the text just before it)
        self.abbr_in_math: list[str] = []
        self._before = ""
        self._title = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        parent = self.stack[-1] if self.stack else ("", False, False, False)
        if tag == "article":
            self.in_article += 1
        in_math = parent[3] or "arithmatex" in classes
        if tag == "abbr":
            self._title = attributes.get("title", "")
            if in_math:
                self.abbr_in_math.append(self._title)
        if tag not in self.VOID:
            skipped = parent[1] or tag in self.SKIP_TAGS or bool(classes & self.SKIP_CLASSES)
            self.stack.append((tag, skipped, parent[2] or tag == "abbr", in_math))

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1
        if any(name == tag for name, *_ in self.stack):
            while self.stack and self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if not self.in_article or (self.stack and self.stack[-1][1]):
            return
        if self.stack and self.stack[-1][2]:
            self.abbrs.append((data, self._title, self._before))
            self._before = ""
        else:
            self.bare.append(data)
            self._before = data


def article(site, page: str) -> _ArticleText:
    parser = _ArticleText()
    parser.feed(built_page(site, page).read_text(encoding="utf-8"))
    return parser


# --- the abbreviations file ---


def test_every_term_has_a_one_line_tooltip_that_is_safe_in_an_attribute():
    defined = abbreviations()
    for key, (_, pattern) in TERMS.items():
        spellings = [term for term in defined if re.fullmatch(pattern, term, re.IGNORECASE)]
        assert spellings, f"no abbreviation defines {key!r}"
        for spelling in spellings:
            title = defined[spelling]
            assert title.startswith(TITLE_STARTS[key]), f"{spelling!r}: tooltip {title!r} is not the {key} definition"
    for term, title in defined.items():
        assert 40 <= len(title) <= 200, f"{term!r}: a tooltip is one line, got {len(title)} characters"
        assert not set(title) & set('"<>`$\\'), f"{term!r}: tooltip has a character that breaks the attribute or math"


def test_the_abbreviations_are_appended_to_every_page_and_not_published():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "auto_append:\n        - docs/_includes/glossary-abbreviations.md" in config
    assert re.search(r"exclude_docs: \|\n(?:  .*\n)*  _includes/\n", config)


# --- the glossary page ---


@pytest.mark.parametrize("key", list(TERMS))
def test_the_glossary_defines_each_term_and_links_its_chapter(key):
    heading, _ = TERMS[key]
    source = page_source("glossary.md")
    sections = dict(re.findall(r"^## ([^\n]+)\n(.*?)(?=^## |\Z)", source, re.MULTILINE | re.DOTALL))
    assert heading in sections, f"glossary.md has no section '## {heading}'"
    body = sections[heading]
    assert len(body.split()) >= 30, f"the glossary entry for {key} is too thin to be a definition"
    nav = set(re.findall(r"^\s*- [^:]+: (\S+\.md)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE))
    links = re.findall(r"\]\(([\w-]+\.md)(?:#[\w-]+)?\)", body)
    assert links and set(links) <= nav, f"{key}: links {links} should point to chapters in the nav"
    assert "Explained in" in body


def test_glossary_links_to_nll_use_real_anchors(built_site):
    text = built_page(built_site, "glossary.md").read_text(encoding="utf-8")
    nll = built_page(built_site, "nll.md").read_text(encoding="utf-8")
    anchors = re.findall(r'href="\.\./nll/#([\w-]+)"', text)
    assert anchors
    for anchor in anchors:
        assert f'id="{anchor}"' in nll


# --- the built pages ---


def test_the_built_glossary_has_a_tooltip_for_every_term(built_site):
    titles = {title for _, title, _ in article(built_site, "glossary.md").abbrs}
    for key, start in TITLE_STARTS.items():
        assert any(title.startswith(start) for title in titles), f"no <abbr> tooltip for {key} on the glossary page"
    raw = built_page(built_site, "glossary.md").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="Softmax: [^"]+">[Ss]oftmax</abbr>', raw)


@pytest.mark.parametrize("page", PAGES)
def test_every_occurrence_of_a_term_has_a_tooltip(built_site, page):
    """No term stands bare in a page's text: each spelling the pages use has an abbreviation."""
    parsed = article(built_site, page)
    titles = abbreviations()
    text = "".join(parsed.bare)
    bare = sorted({m[0] for m in ANY_TERM.finditer(text)})
    assert not bare, (
        f"{page}: {bare} appear without a tooltip; add the spelling to "
        f"docs/_includes/glossary-abbreviations.md (or the text is raw HTML, which abbr cannot reach)"
    )
    for abbr_text, title, before in parsed.abbrs:
        assert not before.endswith("-"), (
            f"{page}: '{before[-12:]}{abbr_text}' has the tooltip of {abbr_text!r}; "
            "a longer hyphenated spelling is missing from the abbreviations"
        )
        assert title == titles.get(abbr_text), f"{page}: <abbr> {abbr_text!r} does not carry its glossary tooltip"


@pytest.mark.parametrize("page", PAGES)
def test_tooltips_stay_out_of_math_code_and_heading_ids(built_site, page):
    raw = built_page(built_site, page).read_text(encoding="utf-8")
    parsed = article(built_site, page)
    assert not parsed.abbr_in_math, f"{page}: an <abbr> inside math"
    for block in re.findall(r"<(?:code|pre)\b.*?</(?:code|pre)>", raw, re.DOTALL):
        assert "<abbr" not in block, f"{page}: an <abbr> inside code"
    # The table of contents and the <title> hold plain text, not escaped markup; heading ids
    # are made from the text without tags (the strict build checks every anchor that is linked).
    assert "&lt;abbr" not in raw and "<abbr" not in raw.split("<body", 1)[0]


def test_nll_page_keeps_its_anchors_and_gets_tooltips(built_site):
    raw = built_page(built_site, "nll.md").read_text(encoding="utf-8")
    for anchor in ("one-prediction-one-label", "from-one-observation-to-a-batch", "why-the-negative-why-the-log"):
        assert f'id="{anchor}"' in raw
    assert re.search(r'<abbr title="Negative log-likelihood: [^"]+">NLL</abbr>', raw)
    assert re.search(r'<abbr title="Likelihood: [^"]+">likelihood</abbr>', raw)
