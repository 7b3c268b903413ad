"""Every internal link and anchor of the built site leads somewhere.

MkDocs' own validation (``validation:`` in mkdocs.yml, made fatal by ``strict``) checks
the links written in Markdown. This checks what the reader actually clicks: every
``<a href>``, ``<img src>``, ``<script src>`` and ``<link href>`` of every rendered HTML
file, theme and notebook pages included, resolved against its page, with each
``#anchor`` looked up among the ids of the target page.
"""

from __future__ import annotations

import re

from tests.sitetools import DOCS, TALLY, broken_links, sitemap_pages, source_pages


def test_every_internal_link_and_anchor_of_the_built_site_resolves(built_site):
    problems, checked = broken_links(built_site)
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(problems[:40])
    assert checked > 100
    TALLY["internal links and anchors checked"] += checked


def test_the_checker_finds_a_missing_page_anchor_and_image(tmp_path):
    """The checker can fail: a tiny site with one good and three bad links."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><a href="#here">ok</a><img src="../b.svg">')
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="https://example.org/x">external</a>'
        '<a href="missing/">bad page</a><a href="a/#nowhere">bad anchor</a><img src="img/none.svg">'
    )
    problems, checked = broken_links(tmp_path)
    assert checked == 7
    assert len(problems) == 4, problems
    for culprit in ("'missing/'", "'a/#nowhere'", "'img/none.svg'", "'../b.svg'"):
        assert any(culprit in problem for problem in problems), (culprit, problems)


def test_the_sitemap_lists_every_page_and_no_other(built_site):
    """The browser tests open the pages found in docs/; the sitemap proves that is every page of the site."""
    assert sitemap_pages(built_site) == sorted(source_pages())


def test_references_page_gathers_external_links():
    """External links belong on the references page, where a reader can find them all; each is https."""
    text = (DOCS / "references.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\((https?://[^)\s]+)\)", text)
    assert len(links) >= 10, "docs/references.md should gather the external references"
    assert all(link.startswith("https://") for link in links), [link for link in links if not link.startswith("https://")]
    assert len(set(links)) == len(links), "a reference is listed twice"
