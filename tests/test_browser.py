"""The built site in headless Chromium: math typesets, nothing leaves the host, navigation re-typesets."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _wait_for_math(page):
    page.wait_for_function(
        "() => window.MathJax && MathJax.startup && MathJax.startup.promise"
        " && document.querySelectorAll('.arithmatex').length"
        " === document.querySelectorAll('.arithmatex mjx-container').length",
        timeout=15000,
    )


def test_nll_page_typesets_its_math_offline(watched_page, site_url):
    page, watch = watched_page
    page.goto(site_url + "nll/")
    _wait_for_math(page)
    assert page.locator("mjx-container").count() >= 20
    assert page.locator("mjx-merror").count() == 0
    assert not watch.blocked, f"requests left the host: {watch.blocked}"
    assert not watch.failed and not watch.console_errors, (watch.failed, watch.console_errors)


def test_instant_navigation_typesets_the_new_page(watched_page, site_url):
    page, watch = watched_page
    page.goto(site_url)
    page.click("article a[href$='nll/']")
    page.wait_for_url("**/nll/")
    _wait_for_math(page)
    # Each glyph is drawn by a CSS rule; if the rules were dropped the math would be invisible.
    missing = page.evaluate("""() => {
        const css = document.getElementById('MJX-CHTML-styles').textContent;
        const glyphs = new Set([...document.querySelectorAll('mjx-c')].map(c => c.classList[0]));
        return [...glyphs].filter(g => !css.includes('.' + g));
    }""")
    assert not missing, f"glyphs without CSS after instant navigation: {missing[:10]}"
    assert page.locator(".arithmatex mjx-container").count() >= 20
    assert not watch.blocked
