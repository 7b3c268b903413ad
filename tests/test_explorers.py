"""The interactive explorers and the glossary tooltips, driven in headless Chromium.

Every number an explorer shows is checked against an independent computation in Python:
-ln p with math.log, the normal density in closed form, and the exact values of the
project's WORKED_NUMBERS.md. Each test also fails on a console error, a failed request or
a request that tries to leave 127.0.0.1.
"""

from __future__ import annotations

import math
import re

import pytest

from tests.sitetools import ROOT

pytestmark = pytest.mark.browser

PROBS = [0.1, 0.3, 0.5, 0.1]
DATA = [48.82923313, 49.30867849, 52.48357077, 53.23844269, 57.61514928]
# WORKED_NUMBERS.md: "Likelihood of five data points under two normals".
MLE_MU, MLE_SIGMA, MLE_LOG_LIKELIHOOD = 52.295014871625426, 3.1673107704922443, -12.8591
DENSITIES_A = [0.0776, 0.0790, 0.0705, 0.0647, 0.0250]
DENSITIES_B = [0.0445, 0.0431, 0.0322, 0.0293, 0.0144]
PRODUCT_A, PRODUCT_B = 7.002857954726396e-07, 2.6067713385609294e-08
LOG_LIKELIHOOD_A, LOG_LIKELIHOOD_B = -14.1718, -17.4626


# --- helpers ---


def number(text: str) -> float:
    """A number as the explorers print it: real minus signs, infinity as the symbol."""
    text = text.strip().replace("\u2212", "-")
    return math.inf if text == "\u221e" else float(text)


def scientific(text: str) -> tuple[float, int]:
    """'7.003 × 10−7' -> (7.003, -7)."""
    match = re.fullmatch(r"([\d.]+) \u00d7 10([\u2212-]?\d+)", text.strip())
    assert match, f"not in scientific notation: {text!r}"
    return float(match[1]), int(match[2].replace("\u2212", "-"))


def agrees(shown: float, exact: float, decimals: int) -> bool:
    """Whether ``shown`` is ``exact`` rounded to ``decimals`` places (either way at a tie)."""
    if math.isinf(exact) or math.isinf(shown):
        return shown == exact
    return abs(shown - exact) <= 0.5 * 10 ** -decimals + 1e-12


def normal_log_density(x: float, mu: float, sigma: float) -> float:
    """ln of the normal density, in closed form: the oracle for the likelihood explorer."""
    return -((x - mu) ** 2) / (2 * sigma**2) - math.log(sigma * math.sqrt(2 * math.pi))


def assert_clean(watch) -> None:
    assert not watch.blocked, f"requests left the host: {watch.blocked}"
    assert not watch.failed, f"failed requests: {watch.failed}"
    assert not watch.console_errors, f"console errors: {watch.console_errors}"


def open_nll(page, site_url):
    page.goto(site_url + "nll/")
    root = page.locator(".nll-explorer[data-ready]")
    root.locator("input[type=range]").wait_for()
    return root


def open_likelihood(page, site_url):
    page.goto(site_url + "likelihood/")
    root = page.locator(".likelihood-explorer[data-ready]")
    root.locator("[data-role=mu-slider]").wait_for()
    return root


def nll_state(root) -> dict:
    """What the NLL explorer shows: probabilities, true class, p, loss, dot product, table."""
    return root.evaluate("""root => ({
        probs: [...root.querySelectorAll('[data-role=prob]')].map(f => f.value),
        truth: [...root.querySelectorAll('input[type=radio]')].findIndex(r => r.checked),
        slider: root.querySelector('input[type=range]').value,
        p: root.querySelector('[data-role=true-prob]').textContent,
        loss: root.querySelector('[data-role=loss]').textContent,
        total: root.querySelector('[data-role=total]').textContent,
        dot: root.querySelector('[data-role=dot-product]').textContent,
        rows: [...root.querySelectorAll('.explorer-table tr')].map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent)),
        result: root.querySelector('[aria-live]').textContent,
        point: Number(root.querySelector('circle.explorer-point').getAttribute('cx')),
    })""")


def check_nll(state: dict) -> float:
    """The loss shown equals -ln p for the p shown, and the dot product is written out right."""
    probs = [float(v) for v in state["probs"]]
    truth = state["truth"]
    p = float(state["p"])
    assert p == probs[truth], "the loss must use the true class's probability"
    assert agrees(number(state["loss"]), -math.log(p) if p > 0 else math.inf, 4), (state["loss"], p)
    assert state["total"] == "1.000" and abs(sum(probs) - 1) < 1e-9, state["probs"]
    one_hot = [1 if k == truth else 0 for k in range(len(probs))]
    terms = " + ".join(f"{y}\u00b7{q:.3f}" for y, q in zip(one_hot, probs))
    assert state["dot"] == f"L = y \u00b7 \u0177 = {terms} = {p:.3f}"
    positions, ys, qs, products = state["rows"]
    assert positions == [str(k + 1) for k in range(len(probs))]
    assert ys == [str(y) for y in one_hot]
    assert qs == [f"{q:.3f}" for q in probs]
    assert products == [f"{y * q:.3f}" for y, q in zip(one_hot, probs)]
    return p


# --- NLL explorer ---


def test_nll_explorer_starts_at_the_worked_example(watched_page, site_url):
    page, watch = watched_page
    root = open_nll(page, site_url)
    state = nll_state(root)
    assert [float(v) for v in state["probs"]] == PROBS and state["truth"] == 3
    assert check_nll(state) == 0.1
    assert state["loss"] == "2.3026"  # -ln 0.1 = 2.302585092994046 (WORKED_NUMBERS.md)
    root.locator("input[type=radio]").nth(2).check()
    state = nll_state(root)
    assert state["truth"] == 2 and check_nll(state) == 0.5
    assert state["loss"] == "0.6931"  # -ln 0.5 = 0.6931471805599453
    assert_clean(watch)


def test_nll_slider_moved_with_the_keyboard(watched_page, site_url):
    page, watch = watched_page
    root = open_nll(page, site_url)
    slider = root.locator("input[type=range]")
    slider.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    state = nll_state(root)
    assert check_nll(state) == 0.105
    # Five steps of 0.001: the other three keep their ratios 0.1 : 0.3 : 0.5 (no rounding drift).
    assert [float(v) for v in state["probs"]][:3] == pytest.approx([q * 0.895 / 0.9 for q in PROBS[:3]], abs=0.0011)
    page.keyboard.press("End")
    state = nll_state(root)
    assert check_nll(state) == 1.0 and number(state["loss"]) == 0
    assert [float(v) for v in state["probs"]] == [0, 0, 0, 1]
    page.keyboard.press("Home")
    state = nll_state(root)
    assert check_nll(state) == 0.001 and state["loss"] == "6.9078"
    # Back to 0.1 with the keyboard: the starting probabilities come back exactly.
    for _ in range(99):
        page.keyboard.press("ArrowRight")
    assert [float(v) for v in nll_state(root)["probs"]] == PROBS
    assert_clean(watch)


@pytest.mark.parametrize("p", [0.25, 0.5, 0.9, 0.037, 0.999])
def test_nll_slider_filled(watched_page, site_url, p):
    page, watch = watched_page
    root = open_nll(page, site_url)
    before = nll_state(root)["point"]
    root.locator("input[type=range]").fill(str(p))
    state = nll_state(root)
    assert check_nll(state) == p
    assert agrees(number(state["loss"]), -math.log(p), 4)
    assert state["result"].startswith(f"Loss = \u2212ln {p:.3f} = {state['loss']} nats")
    assert (state["point"] > before) == (p > 0.1), "the point on the curve should move with p"
    assert_clean(watch)


def test_editing_a_probability_rescales_the_others(watched_page, site_url):
    page, watch = watched_page
    root = open_nll(page, site_url)
    fields = root.locator("[data-role=prob]")
    fields.nth(0).fill("0.4")
    fields.nth(0).press("Enter")
    state = nll_state(root)
    probs = [float(v) for v in state["probs"]]
    assert probs[0] == 0.4
    # The other three keep their ratios 0.3 : 0.5 : 0.1 and fill the remaining 0.6.
    expected = [q * 0.6 / 0.9 for q in PROBS[1:]]
    assert probs[1:] == pytest.approx(expected, abs=0.0011)
    p = check_nll(state)
    assert agrees(number(state["loss"]), -math.log(p), 4)
    assert abs(number(state["loss"]) - (-math.log(0.1 * 0.6 / 0.9))) < 0.02
    assert float(root.locator("input[type=range]").input_value()) == p

    # The true class follows the radio buttons, the loss follows the true class.
    root.locator("input[type=radio]").nth(0).check()
    state = nll_state(root)
    assert state["truth"] == 0 and check_nll(state) == 0.4
    assert state["loss"] == f"{-math.log(0.4):.4f}"

    # Certain and right: loss 0. Then ruling the truth out: infinite loss. The others were
    # zeroed on the way, and come back in the ratios they had before class 1 was changed.
    before = [float(v) for v in nll_state(root)["probs"]]
    fields.nth(0).fill("1")
    fields.nth(0).press("Enter")
    state = nll_state(root)
    assert [float(v) for v in state["probs"]] == [1, 0, 0, 0] and number(state["loss"]) == 0
    fields.nth(0).fill("0")
    fields.nth(0).press("Tab")
    state = nll_state(root)
    assert check_nll(state) == 0 and state["loss"] == "\u221e"
    rest = sum(before[1:])
    assert [float(v) for v in state["probs"]] == pytest.approx([0] + [q / rest for q in before[1:]], abs=0.0011)
    assert "infinite" in state["result"]

    # Starting from all the others at 0, they share what is left equally.
    fields.nth(0).fill("1")
    fields.nth(0).press("Enter")
    root.locator("input[type=radio]").nth(1).check()  # a new start: the others now stand at 0
    fields.nth(0).fill("0.4")
    fields.nth(0).press("Enter")
    state = nll_state(root)
    assert [float(v) for v in state["probs"]] == [0.4, 0.2, 0.2, 0.2]
    assert check_nll(state) == 0.2

    # Out-of-range input is clamped to [0, 1]; the sum stays 1.
    fields.nth(2).fill("7")
    fields.nth(2).press("Enter")
    state = nll_state(root)
    assert [float(v) for v in state["probs"]] == [0, 0, 1, 0]
    assert_clean(watch)


def test_nll_explorer_controls_are_labelled_and_announced(watched_page, site_url):
    page, watch = watched_page
    root = open_nll(page, site_url)
    unlabelled = root.evaluate(
        "root => [...root.querySelectorAll('input')].filter(i => !i.labels.length && !i.getAttribute('aria-label')).map(i => i.outerHTML)"
    )
    assert not unlabelled
    assert root.locator("[aria-live=polite]").count() == 1
    assert "keep their ratios" in root.inner_text()
    assert root.get_by_label("Probability given to the true class (class 4)").count() == 1
    assert_clean(watch)


# --- likelihood explorer ---


def likelihood_state(root) -> dict:
    return root.evaluate("""root => ({
        mu: root.querySelector('[data-role=mu-number]').value,
        sigma: root.querySelector('[data-role=sigma-number]').value,
        params: root.querySelector('[data-role=params]').textContent,
        densities: [...root.querySelectorAll('[data-role=density]')].map(td => td.textContent),
        logs: [...root.querySelectorAll('[data-role=log-density]')].map(td => td.textContent),
        likelihood: root.querySelector('[data-role=likelihood]').innerText,
        logLikelihood: root.querySelector('[data-role=log-likelihood]').textContent,
        best: root.querySelector('[data-role=best-log-likelihood]').textContent,
        result: root.querySelector('[aria-live]').innerText,
    })""")


def check_likelihood(state: dict, mu: float, sigma: float) -> float:
    """Every number shown equals the closed-form normal density computed here."""
    logs = [normal_log_density(x, mu, sigma) for x in DATA]
    for shown, exact in zip(state["densities"], logs):
        assert agrees(float(shown), math.exp(exact), 4), (shown, math.exp(exact))
    for shown, exact in zip(state["logs"], logs):
        assert agrees(number(shown), exact, 4), (shown, exact)
    total = math.fsum(logs)
    assert agrees(number(state["logLikelihood"]), total, 4), (state["logLikelihood"], total)
    mantissa, exponent = scientific(state["likelihood"])
    product = math.prod(math.exp(v) for v in logs)
    assert abs(mantissa * 10.0**exponent - product) <= 0.5e-3 * 10.0**exponent * (1 + 1e-9), (state["likelihood"], product)
    assert 1 <= mantissa < 10
    return total


@pytest.mark.parametrize("mu, sigma", [(50, 5), (45, 8), (47.5, 2.5), (61.25, 11.5), (52.3, 3.2)])
def test_likelihood_explorer_typed_values_match_the_closed_form(watched_page, site_url, mu, sigma):
    page, watch = watched_page
    root = open_likelihood(page, site_url)
    for role, value in (("mu", mu), ("sigma", sigma)):
        field = root.locator(f"[data-role={role}-number]")
        field.fill(str(value))
        field.press("Enter")
    state = likelihood_state(root)
    assert state["params"] == f"N({mu:.3f}, {sigma:.3f})"
    total = check_likelihood(state, mu, sigma)
    assert total < MLE_LOG_LIKELIHOOD
    assert_clean(watch)


def test_likelihood_sliders_filled_and_moved_with_the_keyboard(watched_page, site_url):
    page, watch = watched_page
    root = open_likelihood(page, site_url)
    root.locator("[data-role=mu-slider]").fill("55.5")
    root.locator("[data-role=sigma-slider]").fill("4.25")
    check_likelihood(likelihood_state(root), 55.5, 4.25)
    root.locator("[data-role=sigma-slider]").focus()
    for _ in range(3):
        page.keyboard.press("ArrowLeft")
    state = likelihood_state(root)
    assert state["sigma"] == "4.220"
    check_likelihood(state, 55.5, 4.22)
    assert_clean(watch)


def test_presets_give_the_worked_numbers(watched_page, site_url):
    page, watch = watched_page
    root = open_likelihood(page, site_url)

    root.locator("[data-role=preset-a]").click()
    state = likelihood_state(root)
    assert [float(v) for v in state["densities"]] == DENSITIES_A
    assert number(state["logLikelihood"]) == LOG_LIKELIHOOD_A
    mantissa, exponent = scientific(state["likelihood"])
    assert (mantissa, exponent) == (round(PRODUCT_A * 1e7, 3), -7)
    check_likelihood(state, 50, 5)

    root.locator("[data-role=preset-b]").click()
    state = likelihood_state(root)
    assert [float(v) for v in state["densities"]] == DENSITIES_B
    assert number(state["logLikelihood"]) == LOG_LIKELIHOOD_B
    assert scientific(state["likelihood"]) == (round(PRODUCT_B * 1e8, 3), -8)
    check_likelihood(state, 45, 8)

    root.locator("[data-role=preset-mle]").click()
    state = likelihood_state(root)
    assert number(state["logLikelihood"]) == MLE_LOG_LIKELIHOOD
    assert number(state["best"]) == MLE_LOG_LIKELIHOOD
    assert state["params"] == f"N({MLE_MU:.3f}, {MLE_SIGMA:.3f})"
    assert "This is the maximum" in state["result"]
    check_likelihood(state, MLE_MU, MLE_SIGMA)
    assert_clean(watch)


def test_no_nearby_setting_beats_the_mle(watched_page, site_url):
    page, watch = watched_page
    root = open_likelihood(page, site_url)
    # A range input holds values on its step grid (0.01 from its minimum): from the MLE,
    # the arrow keys move mu to 52.29 or 52.31 and sigma to 3.16 or 3.18, the other unchanged.
    moves = {("mu", "ArrowLeft"): (52.29, MLE_SIGMA), ("mu", "ArrowRight"): (52.31, MLE_SIGMA),
             ("sigma", "ArrowLeft"): (MLE_MU, 3.16), ("sigma", "ArrowRight"): (MLE_MU, 3.18)}
    for (role, key), (mu, sigma) in moves.items():
        root.locator("[data-role=preset-mle]").click()
        root.locator(f"[data-role={role}-slider]").focus()
        page.keyboard.press(key)
        state = likelihood_state(root)
        assert (state["mu"], state["sigma"]) == (f"{mu:.3f}", f"{sigma:.3f}")
        assert check_likelihood(state, mu, sigma) < MLE_LOG_LIKELIHOOD - 1e-5
        assert number(state["logLikelihood"]) <= MLE_LOG_LIKELIHOOD
        assert "below the maximum" in state["result"]
    assert_clean(watch)


def test_clicking_the_map_chooses_mu_and_sigma(watched_page, site_url):
    page, watch = watched_page
    root = open_likelihood(page, site_url)
    root.locator("svg.explorer-map").scroll_into_view_if_needed()
    box = root.locator("svg.explorer-map").bounding_box()
    # The map spans mu 40..65 across x 40..290 and sigma 12..2 down y 12..210 of a 300 x 250 viewBox.
    page.mouse.click(box["x"] + box["width"] * (40 + 250 * 0.5) / 300, box["y"] + box["height"] * (12 + 198 * 0.5) / 250)
    state = likelihood_state(root)
    assert abs(float(state["mu"]) - 52.5) < 0.3 and abs(float(state["sigma"]) - 7) < 0.3
    check_likelihood(state, float(state["mu"]), float(state["sigma"]))
    assert_clean(watch)


# --- both explorers: dark mode, instant navigation, no JavaScript ---

CONTRAST_JS = """root => {
    const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
    const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
    const background = el => {
        const layers = [];
        for (let node = el; node; node = node.parentElement) layers.push(parse(getComputedStyle(node).backgroundColor));
        return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
    };
    const pairs = [];
    const probe = (el, prop) => pairs.push({what: el.tagName + '.' + (el.getAttribute('class') || ''),
        fg: over(parse(getComputedStyle(el)[prop]), background(el)), bg: background(el)});
    probe(root, 'color');
    root.querySelectorAll('[aria-live], .explorer-note, td, th, label, input[type=number], legend, button').forEach(el => probe(el, 'color'));
    root.querySelectorAll('svg text').forEach(el => probe(el, 'fill'));
    return {scheme: document.body.getAttribute('data-md-color-scheme'), pairs};
}"""


def luminance(rgb) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["dark", "light"])
@pytest.mark.parametrize("page_name", ["nll", "likelihood"])
def test_explorer_text_contrasts_with_its_background(watched_page, site_url, scheme, page_name):
    page, watch = watched_page
    page.emulate_media(color_scheme=scheme)
    root = (open_nll if page_name == "nll" else open_likelihood)(page, site_url)
    found = root.evaluate(CONTRAST_JS)
    assert found["scheme"] == ("slate" if scheme == "dark" else "default")
    dark_background = luminance(found["pairs"][0]["bg"]) < 0.1
    assert dark_background == (scheme == "dark"), "the explorer should follow the colour scheme"
    assert len(found["pairs"]) > 20
    for pair in found["pairs"]:
        ratio = contrast(pair["fg"], pair["bg"])
        assert ratio >= 4.5, f"{scheme}: {pair['what']} has contrast {ratio:.2f} ({pair['fg']} on {pair['bg']})"
    assert_clean(watch)


def test_palette_toggle_switches_the_explorer_to_dark(watched_page, site_url):
    page, watch = watched_page
    page.emulate_media(color_scheme="light")
    root = open_nll(page, site_url)
    light = root.evaluate("r => getComputedStyle(r).backgroundColor")
    page.locator("label[for=__palette_1]").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    dark = root.evaluate("r => getComputedStyle(r).backgroundColor")
    assert light != dark
    found = root.evaluate(CONTRAST_JS)
    assert all(contrast(p["fg"], p["bg"]) >= 4.5 for p in found["pairs"])
    assert_clean(watch)


def serve_sitemap_for_this_host(page, site_url):
    """Rewrite the sitemap's addresses to the test server's, so instant navigation engages.

    Material only intercepts links listed in sitemap.xml, after moving its addresses to the
    page's protocol and host name but not its port: against a server on a random port
    (ours) every click would otherwise be an ordinary full page load.
    """
    published = re.search(r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)[1]

    def rewrite(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(published, site_url))

    page.route("**/sitemap.xml", rewrite)


def test_explorers_come_back_after_instant_navigation(watched_page, site_url):
    page, watch = watched_page
    serve_sitemap_for_this_host(page, site_url)
    with page.expect_response("**/sitemap.xml"):
        page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__not_reloaded = true")
    page.click("article a[href$='nll/']")
    page.wait_for_url("**/nll/")
    root = page.locator(".nll-explorer[data-ready]")
    root.locator("input[type=range]").wait_for()
    page.click(".md-sidebar--primary .md-nav--primary a[href$='/likelihood/']")  # the sidebar shows at 1280 px
    page.wait_for_url("**/likelihood/")
    lik = page.locator(".likelihood-explorer[data-ready]")
    lik.locator("[data-role=preset-mle]").click()
    assert number(likelihood_state(lik)["logLikelihood"]) == MLE_LOG_LIKELIHOOD
    page.go_back()
    page.wait_for_url("**/nll/")
    root = page.locator(".nll-explorer[data-ready]")
    root.locator("input[type=range]").fill("0.2")
    state = nll_state(root)
    assert check_nll(state) == 0.2 and state["loss"] == f"{-math.log(0.2):.4f}"
    assert page.locator(".nll-explorer .explorer-body").count() == 1, "initialised twice"
    assert page.evaluate("window.__not_reloaded === true"), "the pages were reloaded, not swapped by instant navigation"
    assert_clean(watch)


def test_without_javascript_the_fallback_reads(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1:") else r.abort())
        for name in ("nll", "likelihood"):
            page.goto(site_url + name + "/")
            text = page.locator(".explorer").inner_text()
            assert "needs JavaScript" in text and len(text.split()) > 12
            assert page.locator(".explorer input").count() == 0
    finally:
        context.close()


# --- glossary tooltips in the browser ---


def test_hovering_a_term_shows_its_definition(watched_page, site_url):
    page, watch = watched_page
    page.goto(site_url + "nll/")
    term = page.locator("article p abbr").filter(has_text=re.compile(r"^likelihood$")).first
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert tooltip.inner_text().startswith("Likelihood: the probability (or density) of the observed data")
    assert_clean(watch)


@pytest.mark.parametrize("page_name", ["glossary", "source-notes", "nll"])
def test_math_still_typesets_next_to_the_tooltips(watched_page, site_url, page_name):
    page, watch = watched_page
    page.goto(site_url + page_name + "/")
    page.wait_for_load_state("load")  # the math was rendered when the site was built
    assert page.locator(".arithmatex").count() == page.locator(".arithmatex mjx-container mjx-assistive-mml").count()
    assert page.locator(".arithmatex mjx-container").count() >= 10
    assert page.locator("mjx-merror").count() == 0
    assert page.locator(".arithmatex abbr").count() == 0
    assert page.locator("article abbr").count() >= 10
    assert_clean(watch)
