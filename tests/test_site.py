"""The built site: strict build, figures, includes, math rendered at build time, byte-for-byte repeatable."""

from __future__ import annotations

import filecmp
import re

import pytest

import sitemath
from sitefigures import FIGURES
from sitebuild import figure_path
from tests.sitetools import (
    DOCS,
    ROOT,
    build_site,
    built_page,
    copy_project,
    includes,
    markdown_pages,
    parse_html,
    section_text,
)

PAGES = [page.relative_to(DOCS).as_posix() for page in markdown_pages()]


def test_every_registered_figure_is_in_the_site_and_shown_on_a_page(built_site):
    shown = set()
    for page in PAGES:
        for image in parse_html(built_page(built_site, page)).images:
            shown.add(image["src"].split("img/", 1)[-1])
    for name in FIGURES:
        svg = built_site / figure_path(name)
        assert svg.is_file(), f"{figure_path(name)} was not generated"
        assert svg.read_bytes().startswith(b"<?xml") and b"<svg" in svg.read_bytes()[:2000]
        assert f"{name}.svg" in shown, f"figure {name!r} is drawn but no page shows it"


@pytest.mark.parametrize("page", PAGES)
def test_every_image_has_alt_text_and_exists(built_site, page):
    html = built_page(built_site, page)
    for image in parse_html(html).images:
        assert image.get("alt", "").strip(), f"{page}: image {image.get('src')} has no alt text"
        target = (html.parent / image["src"]).resolve()
        assert target.is_file(), f"{page}: image {image['src']} is missing from the site"


@pytest.mark.parametrize("page", PAGES)
def test_every_included_section_is_rendered(built_site, page):
    html = parse_html(built_page(built_site, page))
    code = "\n".join(html.code_blocks)
    assert "--8<--" not in "".join(html.text), f"{page}: an include was left unexpanded"
    for path, section in includes(DOCS / page):
        if section is None:
            continue
        lines = [line.strip() for line in section_text(path, section).splitlines() if line.strip()]
        assert lines, f"{path}:{section} is empty"
        assert lines[0] in code and lines[-1] in code, f"{page}: {path}:{section} did not render"


def test_figures_have_a_code_block_beneath_them():
    for page in markdown_pages():
        source = page.read_text(encoding="utf-8")
        for match in re.finditer(r"!\[[^\]]*\]\((?:\.\./)*img/([\w-]+)\.svg\)", source):
            after = source[match.end(): match.end() + 400]
            assert '??? example "Code for this figure"' in after, f"{page.name}: figure {match[1]} has no code beneath it"


def test_no_page_loads_anything_from_another_host(built_site):
    offenders = []
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for match in re.finditer(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(https?:)?//[^"]+"', text):
            if 'rel="canonical"' not in match[0]:
                offenders.append(f"{html.relative_to(built_site)}: {match[0][:120]}")
    assert not offenders, "\n".join(offenders)
    assert not list(built_site.rglob("*.css")) or all(
        "fonts.googleapis" not in css.read_text(encoding="utf-8", errors="ignore") for css in built_site.rglob("*.css")
    )


def test_math_is_rendered_at_build_time_and_laid_out_by_one_stylesheet(built_site):
    """Every formula of every page is MathJax's CommonHTML with assistive MathML; no page loads
    MathJax's JavaScript; one stylesheet, linked from every page, holds a ::before rule for every
    glyph any page uses, and its fonts are served by the site."""
    stylesheet = (built_site / sitemath.STYLESHEET_PATH).read_text(encoding="utf-8")
    fonts = re.findall(r'url\("([^"]+)"\)', stylesheet)
    assert len(fonts) >= 20 and all((built_site / sitemath.MATHJAX_SITE_DIR / font).is_file() for font in fonts)
    assert not list(built_site.rglob("*.js")) or not [js for js in built_site.rglob("*.js") if "mathjax" in js.as_posix().lower()]
    pages, formulas, glyphs = 0, 0, set()
    for html in sorted(built_site.rglob("index.html")):
        text = html.read_text(encoding="utf-8")
        name = html.relative_to(built_site).as_posix()
        assert not re.search(r"<script[^>]*mathjax|MathJax\s*=", text, re.I), f"{name} loads MathJax"
        assert "/assets/mathjax/chtml.css" in text or 'href="assets/mathjax/chtml.css"' in text, name
        found = re.findall(r'<(span|div) class="arithmatex">(.*?)</\1>', text, re.S)
        pages += bool(found)
        for _, inner in found:
            formulas += 1
            assert inner.startswith("<mjx-container") and "<mjx-assistive-mml" in inner and "<math" in inner, (
                f"{name}: a formula left as TeX: {inner[:80]}")
        glyphs |= set(re.findall(r'<mjx-c class="(mjx-c[0-9A-F]+)(?: (TEX-[\w-]+))?"', text))
    assert pages >= 8 and formulas >= 300, (pages, formulas)
    undrawn = sorted(f"{char} {variant}" for char, variant in glyphs
                     if f"mjx-c.{char}{'.' + variant if variant else ''}::before {{" not in stylesheet)
    assert not undrawn, f"glyphs with no rule in {sitemath.STYLESHEET_PATH}: {undrawn[:10]}"


def test_builds_are_repeatable_and_redo_expensive_work_only_when_its_inputs_change(tmp_path):
    """Two clean builds are byte-identical; a cold build draws each figure, executes and
    renders each notebook and starts MathJax once; a prose edit redoes none of it (its
    formulas are cached, so no MathJax is started); a code edit in ``snippets/`` redraws the
    figures but re-executes no notebook (a notebook is self-contained: its cache key is its
    own bytes and the library versions)."""
    first, second = (copy_project(tmp_path / name) for name in ("a", "b"))
    log = tmp_path / "steps.log"
    result = build_site(first, first / "site", SNIPPETS_BUILD_LOG=str(log))
    assert result.returncode == 0, result.stdout + result.stderr
    steps = log.read_text().splitlines()
    assert len(steps) == len(set(steps)), f"done twice in one build: {sorted(s for s in steps if steps.count(s) > 1)}"
    figures = sorted(f"figure {name}" for name in FIGURES)
    notebooks = sorted(f"notebook {path.relative_to(DOCS).as_posix()}" for path in DOCS.rglob("*.ipynb"))
    assert sorted(s for s in steps if s.startswith("figure ")) == figures
    assert sorted(s for s in steps if s.startswith("notebook ") and not s.startswith("notebook page ")) == notebooks
    assert sorted(s for s in steps if s.startswith("notebook page ")) == sorted(
        f"notebook page {path.name}" for path in DOCS.rglob("*.ipynb"))
    assert steps.count("mathjax renderer") == 1, "a cold build renders its formulas in one Node process"

    result = build_site(second, second / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    differing = _differences(filecmp.dircmp(first / "site", second / "site"))
    assert not differing, f"files differ between two clean builds: {differing[:10]}"

    with (first / "docs" / "nll.md").open("a", encoding="utf-8") as page:
        page.write("\nA one-line prose edit.\n")
    log.write_text("")
    result = build_site(first, first / "site", SNIPPETS_BUILD_LOG=str(log))
    assert result.returncode == 0, result.stdout + result.stderr
    assert log.read_text() == "", f"a prose edit redid: {log.read_text().splitlines()}"

    with (first / "snippets" / "nll.py").open("a", encoding="utf-8") as module:
        module.write("\n# A one-line code edit.\n")
    result = build_site(first, first / "site", SNIPPETS_BUILD_LOG=str(log))
    assert result.returncode == 0, result.stdout + result.stderr
    steps = sorted(log.read_text().splitlines())
    assert steps == figures, f"a code edit in snippets/ should redraw the figures and nothing else: {steps}"


def _differences(comparison: filecmp.dircmp) -> list[str]:
    found = [*comparison.left_only, *comparison.right_only]
    _, mismatch, errors = filecmp.cmpfiles(comparison.left, comparison.right, comparison.common_files, shallow=False)
    found += mismatch + errors
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found


def test_snippet_modules_each_have_a_test_module():
    modules = {path.stem for path in (ROOT / "snippets").glob("*.py") if not path.stem.startswith("_")}
    tests = {path.stem.removeprefix("test_") for path in (ROOT / "tests").glob("test_*.py")}
    assert modules <= tests, f"snippets modules without tests/test_<module>.py: {sorted(modules - tests)}"


def test_the_notebook_page_is_built_executed_and_downloadable(built_site):
    import json

    page = (built_site / "bigram-notebook" / "index.html").read_text(encoding="utf-8")
    assert "jp-OutputArea" in page and "count model: mean NLL" in page
    assert 'href="bigram-notebook.ipynb"' in page
    download = json.loads((built_site / "bigram-notebook" / "bigram-notebook.ipynb").read_text(encoding="utf-8"))
    code = [cell for cell in download["cells"] if cell["cell_type"] == "code"]
    assert code and all(cell["execution_count"] for cell in code)
    assert any(cell["outputs"] for cell in code)


def test_the_search_index_leaves_out_code_that_the_pages_keep(built_site):
    import html as html_module
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = html_module.unescape(" ".join(entry["title"] + " " + entry["text"] for entry in index["docs"]))
    code_lines, prose = set(), ""
    for page in built_site.rglob("index.html"):
        source = page.read_text(encoding="utf-8")
        block = re.compile(r'<div class="language-python highlight">(.*?)</code></pre></div>', re.S)
        for code in block.findall(source):
            text = html_module.unescape(re.sub(r"<[^>]+>", "", code))
            code_lines |= {line.strip() for line in text.splitlines() if len(line.strip()) > 30}
        prose += html_module.unescape(re.sub(r"<[^>]+>", "", block.sub("", source)))
    only_in_code = {line for line in code_lines if line not in prose}
    assert len(only_in_code) > 100, "the pages should show their code"
    leaked = sorted(line for line in only_in_code if line in indexed)
    assert not leaked, f"code reached the search index: {leaked[:5]}"
    assert "Negative log-likelihood" in indexed and "maximum likelihood" in indexed


def test_no_page_has_an_empty_script_src(built_site):
    offenders = [str(html.relative_to(built_site)) for html in built_site.rglob("*.html")
                 if re.search(r'<script[^>]*\bsrc="\s*"', html.read_text(encoding="utf-8"))
                 or "text/x-mathjax-config" in html.read_text(encoding="utf-8")]
    assert not offenders, offenders


def test_the_home_pages_install_line_pins_the_versions_the_requirements_pin():
    """The versions a reader installs to reproduce the printed outputs are the ones the site is built with."""
    pins = dict(re.findall(r"^([\w-]+)==(\S+)$", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M))
    line = next(l for l in (DOCS / "index.md").read_text(encoding="utf-8").splitlines() if l.startswith("pip install numpy"))
    stated = dict(re.findall(r"([\w-]+)==(\S+)", line))
    assert set(stated) == {"numpy", "torch", "matplotlib", "names"}
    assert stated == {name: pins[name] for name in stated}, f"docs/index.md pins {stated}; requirements.txt pins {pins}"
