"""Every page of the built site in headless Chromium, the way a reader meets it.

One browser and one served copy of the site for the whole session (fixtures in
conftest.py). Every request that would leave 127.0.0.1 is aborted and recorded. For each
page: every formula is there as MathJax's rendered CommonHTML with its assistive MathML
(rendered when the site was built: no MathJax script is loaded), no raw TeX is left in the
text, every glyph is drawn by the site's one math stylesheet, every image loads, the
console stays clean, no request fails and none leaves the host.
No code block scrolls sideways in a 1280-px-wide window.
Instant navigation is followed through the whole site, and each page is opened in the
dark scheme to check that the figures, drawn on white, stay legible. A failing test
saves a screenshot under .cache/screenshots/.
"""

from __future__ import annotations

import pytest

from tests.sitetools import TALLY, sitemap_pages, source_pages

pytestmark = pytest.mark.browser

PAGES = source_pages()
IDS = [PAGES[url] for url in PAGES]

#: TeX a reader should never see as text: delimiters and commands that MathJax did not typeset.
RAW_TEX = r"/\$\$?[^$]+?\$\$?|\\[()\[\]]|\\(?:frac|begin|end|sum|prod|int|mathbf|mathrm|hat|cdot|ln|log|left|right|theta|mu|sigma)(?![A-Za-z])/g"

#: Visible text of the article without code, scripts and typeset math, then any raw TeX in it.
_RAW_TEX_JS = """
() => {
    const article = document.querySelector('article') || document.body;
    const clone = article.cloneNode(true);
    clone.querySelectorAll('pre, code, kbd, script, style, mjx-container, .md-clipboard, .clipboard-copy-txt')
        .forEach(element => element.remove());
    const text = clone.textContent;
    return [...text.matchAll(%s)].map(m => text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30));
}
""" % RAW_TEX

#: Everything checked on a page once it has loaded (its images and fonts too). The math was
#: rendered when the site was built: each formula (an ``.arithmatex`` element) must hold
#: MathJax's CommonHTML with its assistive MathML, and no MathJax script may be loaded.
_INSPECT_JS = """
async () => {
    const images = [...document.images];
    images.forEach(image => { image.loading = 'eager'; });
    await Promise.all(images.map(image => image.complete ? null : new Promise(resolve => {
        image.addEventListener('load', resolve); image.addEventListener('error', resolve);
    })));
    await document.fonts.ready;
    const formulas = [...document.querySelectorAll('.arithmatex')];
    const text = element => element.textContent.slice(0, 80);
    return {
        formulas: formulas.length,
        containers: document.querySelectorAll('mjx-container').length,
        unrendered: formulas.filter(element => !element.querySelector('mjx-container > mjx-math')).map(text),
        withoutMathml: formulas.filter(element => !element.querySelector(
            'mjx-container > mjx-assistive-mml > math')).map(text),
        merror: document.querySelectorAll('mjx-merror, merror').length,
        mathjaxScripts: (%s)(),
        rawTex: (%s)(),
        images: images.map(image => image.getAttribute('src')),
        brokenImages: images.filter(image => !(image.complete && image.naturalWidth > 0)).map(image => image.getAttribute('src')),
    };
}
""" % ("""() => [
        ...[...document.scripts].map(script => script.src).filter(src => /mathjax/i.test(src)),
        ...performance.getEntriesByType('resource').map(entry => entry.name).filter(name => /mathjax.*\\.js(\\?|$)/i.test(name)),
        ...(window.MathJax ? ['window.MathJax is defined'] : []),
    ]""", _RAW_TEX_JS)


#: Glyphs on the page that draw nothing: MathJax draws each glyph with a CSS ::before rule,
#: which must come from the site's one math stylesheet (no <style> of MathJax's, no other file).
_INVISIBLE_GLYPHS_JS = """
() => {
    const invisible = new Set();
    for (const glyph of document.querySelectorAll('mjx-c')) {
        const content = getComputedStyle(glyph, '::before').content;
        if (!content || content === 'none' || content === 'normal') invisible.add(glyph.className);
    }
    for (const sheet of document.styleSheets) {
        let rules;
        try { rules = [...sheet.cssRules]; } catch (error) { continue; }
        const fromSite = sheet.href && sheet.href.endsWith('/assets/mathjax/chtml.css');
        if (!fromSite && rules.some(rule => /mjx-c\\b(?!-)[^,]*::before/.test(rule.selectorText || '') && rule.style.content)) {
            invisible.add(`glyph rules outside the site's math stylesheet: ${sheet.href || '<style> ' + (sheet.ownerNode.id || '')}`);
        }
    }
    return [...invisible];
}
"""


#: Code blocks wider than their box at the current window: every <details> opened and every tab
#: of a tabbed set shown in turn, so folded and inactive code is measured too.
_SCROLLING_CODE_JS = """
() => {
    document.querySelectorAll('article details').forEach(details => { details.open = true; });
    const wide = new Map();
    const measure = () => document.querySelectorAll('article pre').forEach(pre => {
        if (pre.clientWidth > 0 && pre.scrollWidth > pre.clientWidth + 1) {
            const line = pre.textContent.split('\\n').reduce((a, b) => (b.length > a.length ? b : a), '');
            wide.set(pre, `${pre.scrollWidth}px in ${pre.clientWidth}px: ${line.slice(0, 100)}`);
        }
    });
    measure();
    for (const input of document.querySelectorAll('article .tabbed-set > input')) {
        input.checked = true;
        measure();
    }
    return [...wide.values()];
}
"""


def _assert_clean(url: str, watch) -> None:
    assert not watch.blocked, f"/{url}: requests left the host: {watch.blocked}"
    assert not watch.failed, f"/{url}: failed requests: {watch.failed}"
    assert not watch.console_errors, f"/{url}: console errors: {watch.console_errors}"


@pytest.mark.parametrize("url", list(PAGES), ids=IDS)
def test_page_shows_its_math_loads_its_images_and_stays_on_the_host(watched_page, site_url, url):
    page, watch = watched_page
    page.goto(site_url + url, wait_until="load")
    report = page.evaluate(_INSPECT_JS)
    assert not report["unrendered"], f"/{url}: formulas not rendered: {report['unrendered'][:5]}"
    assert not report["withoutMathml"], f"/{url}: formulas without assistive MathML: {report['withoutMathml'][:5]}"
    assert report["containers"] == report["formulas"], f"/{url}: math outside the page's formulas"
    assert report["merror"] == 0, f"/{url}: MathJax errors on the page"
    assert not report["mathjaxScripts"], f"/{url}: MathJax's JavaScript is loaded: {report['mathjaxScripts']}"
    assert not report["rawTex"], f"/{url}: raw TeX left in the visible text: {report['rawTex'][:5]}"
    assert not report["brokenImages"], f"/{url}: images that did not load: {report['brokenImages']}"
    invisible = page.evaluate(_INVISIBLE_GLYPHS_JS)
    assert not invisible, f"/{url}: glyphs drawn without their CSS: {invisible[:10]}"
    scrolling = page.evaluate(_SCROLLING_CODE_JS)
    assert not scrolling, f"/{url}: {len(scrolling)} code blocks scroll sideways at 1280 px: {scrolling[:5]}"
    _assert_clean(url, watch)
    TALLY["pages opened in Chromium"] += 1
    TALLY["formulas shown, each with its MathML"] += report["formulas"]
    TALLY["images loaded"] += len(report["images"])
    TALLY["requests that tried to leave the host"] += len(watch.blocked)


def test_the_browser_tests_open_every_page_of_the_sitemap(built_site):
    """The pages above come from docs/; the built site must have no page they miss."""
    assert sorted(PAGES) == sitemap_pages(built_site)


def test_instant_navigation_through_every_page_shows_each_page_math_without_typesetting(watched_page, site_url, built_site):
    """Follow the footer's "next" link from the home page to the last page, without a reload.

    Each page arrives by Material's instant navigation (a marker set on the first page
    survives, so no page was reloaded); its math, rendered when the site was built, must be
    there with every glyph drawn by the site's stylesheet, and nothing may load MathJax.
    """
    page, watch = watched_page
    page.goto(site_url, wait_until="networkidle")  # Material reads sitemap.xml before it intercepts links
    page.evaluate("() => { window.__notReloaded = true; }")
    visited = [""]
    while page.locator("a.md-footer__link--next").count():
        link = page.locator("a.md-footer__link--next").first
        href = link.get_attribute("href")
        link.click()
        page.wait_for_function("(before) => location.href !== before", arg=site_url + visited[-1])
        url = page.url[len(site_url):].split("#", 1)[0]
        assert url not in visited, f"the footer links loop back to /{url} (after /{visited[-1]}, via {href})"
        visited.append(url)
        page.wait_for_function(  # the new page is in: its footer links onward from it
            "(before) => { const next = document.querySelector('a.md-footer__link--next');"
            " return !next || next.getAttribute('href') !== before; }", arg=href)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("() => window.__notReloaded === true"), f"/{url} was a full reload, not instant navigation"
        report = page.evaluate(_INSPECT_JS)
        assert not report["unrendered"], f"/{url}: formulas not rendered after instant navigation: {report['unrendered'][:5]}"
        assert not report["withoutMathml"], f"/{url}: formulas without MathML after instant navigation"
        assert not report["rawTex"], f"/{url}: raw TeX left after instant navigation: {report['rawTex'][:5]}"
        assert not report["mathjaxScripts"], f"/{url}: MathJax's JavaScript loaded: {report['mathjaxScripts']}"
        invisible = page.evaluate(_INVISIBLE_GLYPHS_JS)
        assert not invisible, f"/{url}: glyphs drawn without their CSS after instant navigation: {invisible[:10]}"
        TALLY["pages reached by instant navigation"] += 1
    assert sorted(visited) == sitemap_pages(built_site), "the footer's next links do not reach every page"
    _assert_clean("(navigation)", watch)


#: For each image in the article: the share of its pixels that are light, over its real background.
_FIGURE_LIGHTNESS_JS = """
async () => {
    const rgba = color => { const v = (color.match(/[\\d.]+/g) || []).map(Number); return v.length === 3 ? [...v, 1] : v; };
    const images = [...document.querySelectorAll('article img')];
    await Promise.all(images.map(image => image.complete ? null : new Promise(resolve => {
        image.addEventListener('load', resolve); image.addEventListener('error', resolve);
    })));
    return images.map(image => {
        if (!(image.complete && image.naturalWidth > 0)) return {src: image.getAttribute('src'), light: null};
        let background = null;
        for (let element = image; element; element = element.parentElement) {
            const color = rgba(getComputedStyle(element).backgroundColor);
            if (color.length === 4 && color[3] > 0) { background = color; break; }
        }
        background = background || [255, 255, 255, 1];
        const width = Math.max(1, Math.min(image.naturalWidth, 600));
        const height = Math.max(1, Math.round(image.naturalHeight * width / Math.max(1, image.naturalWidth)));
        const canvas = document.createElement('canvas');
        canvas.width = width; canvas.height = height;
        const context = canvas.getContext('2d');
        context.fillStyle = `rgb(${background[0]}, ${background[1]}, ${background[2]})`;
        context.fillRect(0, 0, width, height);
        context.drawImage(image, 0, 0, width, height);
        const data = context.getImageData(0, 0, width, height).data;
        let light = 0;
        for (let i = 0; i < data.length; i += 4) {
            if (0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2] > 200) light += 1;
        }
        return {src: image.getAttribute('src'), background: background, light: light / (width * height)};
    });
}
"""


def test_figures_stay_legible_in_the_dark_scheme(watched_page, site_url):
    """With the reader's system in dark mode, Material shows the slate scheme; every figure must
    still be dark ink on a light ground (its own white, or the frame the stylesheet gives it)."""
    page, watch = watched_page
    page.emulate_media(color_scheme="dark")
    problems, figures = [], 0
    for url in PAGES:
        page.goto(site_url + url, wait_until="load")
        scheme = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
        if scheme != "slate":
            problems.append(f"/{url}: scheme is {scheme!r} in dark mode, expected 'slate'")
        for image in page.evaluate(_FIGURE_LIGHTNESS_JS):
            figures += 1
            if image["light"] is None:
                problems.append(f"/{url}: {image['src']} did not load")
            elif image["light"] < 0.6:
                problems.append(
                    f"/{url}: {image['src']} is only {image['light']:.0%} light on background {image['background']}:"
                    " its dark ink would sit on a dark ground"
                )
    assert not problems, "\n".join(problems)
    _assert_clean("(dark scheme)", watch)
    TALLY["figures checked in the dark scheme"] += figures


def test_the_palette_toggle_switches_to_the_dark_scheme_and_back(watched_page, site_url):
    page, watch = watched_page
    page.goto(site_url, wait_until="load")
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate(scheme) == "slate"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate(scheme) == "default"
    _assert_clean("", watch)


_BROKEN_PAGE = r"""<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="/assets/mathjax/chtml.css">
<style>mjx-c.mjx-c1D6FD.TEX-I::before { content: "b"; }</style>
<script src="/assets/mathjax/tex-chtml.js"></script>
</head><body><article>
<p>{good} and <span class="arithmatex">\(\frac{1}{2}\)</span> and
<span class="arithmatex"><mjx-container class="MathJax" jax="CHTML"><mjx-math class="MJX-TEX"><mjx-mi class="mjx-i"><mjx-c class="mjx-c1D7FF TEX-I"></mjx-c></mjx-mi></mjx-math></mjx-container></span>
and <span class="arithmatex"><mjx-container class="MathJax" jax="CHTML"><mjx-math class="MJX-TEX"><mjx-mi class="mjx-i"><mjx-c class="mjx-c1D6FD TEX-I"></mjx-c></mjx-mi></mjx-math></mjx-container></span>.</p>
<p>Left as text: $x^2$ and \frac{a}{b}.</p>
<img src="missing.svg" alt="a missing figure">
<img src="https://example.org/figure.png" alt="a figure on another host">
<div style="background: #1e2129"><img src="transparent.svg" alt="dark ink, no ground"><img src="white.svg" alt="dark ink on white"></div>
<script>console.error("a script error on purpose");</script>
</article></body></html>
"""


def test_the_page_checks_catch_a_broken_page(watched_page, built_site, tmp_path):
    """The checks above can fail: a page with a formula left as TeX, formulas without MathML, a glyph
    with no CSS and one drawn by a stylesheet of its own, a MathJax script, raw TeX, a missing image,
    an image on another host, a console error and a figure with no ground on a dark page is caught
    on every count. Its one good formula is taken from a built page."""
    import functools
    import http.server
    import os
    import threading

    (tmp_path / "assets").symlink_to(built_site / "assets", target_is_directory=True)
    (tmp_path / "broken").mkdir()
    import re

    good = re.search(r'<span class="arithmatex">.*?</span>', (built_site / "nll" / "index.html").read_text(encoding="utf-8"))
    (tmp_path / "broken" / "index.html").write_text(_BROKEN_PAGE.replace("{good}", good[0]), encoding="utf-8")
    ink = '<text x="10" y="50" font-size="40" fill="#000">ln p</text><path d="M0 90 H200" stroke="#000"/>'
    for name, ground in (("transparent", ""), ("white", '<rect width="200" height="100" fill="#fff"/>')):
        (tmp_path / "broken" / f"{name}.svg").write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">{ground}{ink}</svg>', encoding="utf-8"
        )

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=os.fspath(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page, watch = watched_page
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/broken/", wait_until="load")
        report = page.evaluate(_INSPECT_JS)
        invisible = page.evaluate(_INVISIBLE_GLYPHS_JS)
        lightness = {image["src"]: image["light"] for image in page.evaluate(_FIGURE_LIGHTNESS_JS)}
    finally:
        server.shutdown()
        server.server_close()
    assert report["formulas"] == 4 and report["unrendered"] == ["\\(\\frac{1}{2}\\)"], report
    assert len(report["withoutMathml"]) == 3, report["withoutMathml"]  # the TeX and the two bare containers
    assert any("tex-chtml.js" in script for script in report["mathjaxScripts"]), report["mathjaxScripts"]
    assert "mjx-c1D7FF TEX-I" in invisible, invisible
    assert any("glyph rules outside the site's math stylesheet" in problem for problem in invisible), invisible
    assert any("$x^2$" in text for text in report["rawTex"]) and any("\\frac{a}" in text for text in report["rawTex"])
    assert sorted(report["brokenImages"]) == ["https://example.org/figure.png", "missing.svg"]
    assert lightness["transparent.svg"] < 0.1 and lightness["white.svg"] > 0.9, lightness
    assert set(watch.blocked) == {"https://example.org/figure.png"}
    assert any("missing.svg (HTTP 404)" in failure for failure in watch.failed), watch.failed
    assert any("tex-chtml.js (HTTP 404)" in failure for failure in watch.failed), watch.failed
    assert "a script error on purpose" in watch.console_errors, watch.console_errors
