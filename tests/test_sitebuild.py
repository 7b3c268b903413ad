"""Tests of docs/_hooks/sitebuild.py and sitemath.py: the figure, notebook and math caches, background jobs, slimming."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sitebuild


def test_digest_changes_when_a_source_changes(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "a.py").write_text("x = 1\n")
    before = sitebuild.sources_digest(package)
    assert sitebuild.sources_digest(package) == before
    (package / "a.py").write_text("x = 2\n")
    assert sitebuild.sources_digest(package) != before


def test_a_figure_that_raises_is_named_and_nothing_is_cached(tmp_path, monkeypatch):
    def broken():
        raise RuntimeError("figure failed on purpose")

    import sitefigures

    monkeypatch.setattr(sitefigures, "collect", lambda figures: {"broken": broken})
    entry = tmp_path / "figures" / "test-broken"
    with pytest.raises(RuntimeError, match=r"figure 'broken' \(.*broken\) failed: figure failed on purpose"):
        sitebuild.draw_figures(entry)
    assert not entry.exists()


def test_the_build_lists_the_figures_without_importing_a_chapter():
    import subprocess
    import sys

    code = ("import sys; sys.path.insert(0, 'docs/_hooks'); import sitebuild; "
            "names = sorted(sitebuild.site_figures()); "
            "assert not [m for m in sys.modules if m.startswith(('snippets', 'torch', 'matplotlib'))]; print(len(names))")
    result = subprocess.run([sys.executable, "-c", code], cwd=sitebuild.ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == len(sitebuild.site_figures()) > 0


def _package_with_figures(root: Path, body: str) -> Path:
    """A ``snippets`` package holding one chapter module, ``body``: fast to draw."""
    package = root / "snippets"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "chapter.py").write_text("from matplotlib.figure import Figure\n\n" + body)
    return package


def test_a_figure_job_draws_in_the_background_and_reuses_its_cache(tmp_path):
    package = _package_with_figures(tmp_path / "project", (
        'def a_line():\n    fig = Figure()\n    fig.subplots().plot([0, 1], [1, 0])\n    return fig\n'
    ))
    job = sitebuild.FigureJob(tmp_path / "cache", package, {"a-line": "snippets.chapter:a_line"})
    assert job._process is not None, "a cold cache should start a drawing process"
    assert job.sources == {"img/a-line.svg": str(job.entry / "a-line.svg")}
    sources = job.wait()
    assert Path(sources["img/a-line.svg"]).read_bytes().startswith(b"<?xml")
    again = sitebuild.FigureJob(tmp_path / "cache", package, {"a-line": "snippets.chapter:a_line"})
    assert again._process is None and again.wait() == sources
    assert len(list((tmp_path / "cache" / "figures").iterdir())) == 1


def test_a_figure_job_whose_drawing_fails_names_the_figure(tmp_path):
    package = _package_with_figures(tmp_path / "project", (
        'def broken():\n    raise ValueError("drawn wrong on purpose")\n'
    ))
    job = sitebuild.FigureJob(tmp_path / "cache", package, {"broken": "snippets.chapter:broken"})
    for _ in range(2):  # and again: the failure stays a failure
        with pytest.raises(RuntimeError, match="drawing the figures failed:(.|\n)*figure 'broken'(.|\n)*on purpose"):
            job.wait()
    assert not job.entry.exists()


def test_the_figure_job_of_the_project_draws_every_registered_figure():
    drawn = sitebuild.FigureJob(sitebuild.PACKAGE_DIR.parent / ".cache").wait()
    assert set(drawn) == {sitebuild.figure_path(name) for name in sitebuild.site_figures()}
    assert all(Path(source).read_bytes().startswith(b"<?xml") for source in drawn.values())


# --- Math: rendered by MathJax in Node, cached by formula ---------------------------------

import sitemath  # noqa: E402

_FORMULAS = [(r"\frac{1}{n} \sum_{i=1}^n \ln p_\theta(x_i)", True), (r"x^2 < 1", False)]


def test_the_renderer_renders_with_assistive_mathml_and_a_rebuild_renders_nothing_old(tmp_path, monkeypatch):
    log = tmp_path / "steps.log"
    monkeypatch.setenv(sitebuild.BUILD_LOG_VARIABLE, str(log))
    page = "".join(f'<span class="arithmatex">\\({tex.replace("<", "&lt;")}\\)</span>' for tex, _ in _FORMULAS[1:])
    page += f'<div class="arithmatex">\\[{_FORMULAS[0][0]}\\]</div>'
    assert sitemath.arithmatex_formulas(page) == [_FORMULAS[1], _FORMULAS[0]]

    first, used = sitemath.MathRenderer(tmp_path / "cache"), {}
    first.submit(sitemath.arithmatex_formulas(page))
    html = sitemath.render_page(page, first, "docs/page.md", used)
    stylesheet = first.stylesheet(list(used.values()))
    first.close()
    assert first.rendered == 2 and log.read_text().splitlines() == ["mathjax renderer"]
    assert "\\(" not in html and "\\[" not in html
    assert html.count("<mjx-container") == 2 and html.count("<mjx-assistive-mml") == 2
    assert '<mjx-container class="MathJax" jax="CHTML" display="true"' in html
    assert "<mo>&lt;</mo>" in html and "<mfrac>" in html  # the MathML a screen reader reads
    glyphs = set(re.findall(r'<mjx-c class="(mjx-c[0-9A-F]+)(?: (TEX-\w+))?"', html))
    for char, variant in glyphs:  # every glyph drawn by a ::before rule of the one stylesheet
        assert f"mjx-c.{char}{'.' + variant if variant else ''}::before {{" in stylesheet, (char, variant)
    assert '@font-face /* 1 */ {font-family: MJXTEX; src: url("output/chtml/fonts/woff-v2/MathJax_Main-Regular.woff")' in stylesheet
    assert all(url in sitemath.font_files() for url in (
        f"{sitemath.MATHJAX_SITE_DIR}/{path}" for path in re.findall(r'url\("([^"]+)"\)', stylesheet)))

    log.write_text("")
    again, used_again = sitemath.MathRenderer(tmp_path / "cache"), {}
    again.submit(sitemath.arithmatex_formulas(page))
    assert sitemath.render_page(page, again, "docs/page.md", used_again) == html
    assert again.stylesheet(list(reversed(used_again.values()))) == stylesheet  # same formulas, same bytes
    assert again.rendered == 0 and again._process is None and log.read_text() == "", "the cache was not used"


def test_a_tex_error_names_the_page_and_the_formula_and_is_not_cached(tmp_path):
    renderer = sitemath.MathRenderer(tmp_path / "cache")
    page = '<p><span class="arithmatex">\\(x\\)</span> <span class="arithmatex">\\(\\notamacro{x}\\)</span></p>'
    try:
        with pytest.raises(sitemath.TeXError, match=r"docs/broken\.md: .*`\\notamacro\{x\}`: Undefined control sequence \\notamacro"):
            sitemath.render_page(page, renderer, "docs/broken.md", {})
        with pytest.raises(sitemath.TeXError, match=r"docs/b\.md: .*`\\frac\{1\}`: Missing argument for \\frac"):
            sitemath.render_page('<span class="arithmatex">\\(\\frac{1}\\)</span>', renderer, "docs/b.md", {})
    finally:
        renderer.close()
    assert {path.name for path in renderer.directory.iterdir()} == {"base.json", f"{sitemath.formula_key('x', False)}.json"}


def test_the_notebook_markdown_math_is_found_outside_code():
    cell = ('<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown" data-mime-type="text/markdown">'
            '<p>Count $N_{ij}$ for \\$5, not <code>$x$</code>:</p>\n<p>$$\n\\hat P = \\frac{N}{R} .\n$$</p></div>'
            '<div class="jp-OutputArea"><pre>$ not math $</pre></div>')
    html = sitemath.notebook_math_to_arithmatex(cell)
    assert sitemath.arithmatex_formulas(html) == [("N_{ij}", False), ("\\hat P = \\frac{N}{R} .", True)]
    assert "<code>$x$</code>" in html and "<pre>$ not math $</pre>" in html


# --- Notebooks ---------------------------------------------------------------------------

import json  # noqa: E402

import nbformat  # noqa: E402


def _notebook(path: Path, *sources: str) -> Path:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in sources])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, str(path))
    return path


def test_notebook_key_changes_with_the_notebook_and_not_with_the_project(tmp_path, monkeypatch):
    notebook = _notebook(tmp_path / "n.ipynb", "print(1)")
    before = sitebuild.notebook_key(notebook)
    assert sitebuild.notebook_key(notebook) == before
    monkeypatch.setattr(sitebuild, "sources_digest", lambda *args: "changed code")  # a self-contained notebook
    assert sitebuild.notebook_key(notebook) == before
    _notebook(notebook, "print(2)")
    assert sitebuild.notebook_key(notebook) != before


def test_a_notebook_runs_in_an_empty_folder_with_nothing_of_the_project_importable(tmp_path):
    notebook = _notebook(tmp_path / "n.ipynb", "import os\nprint(sorted(os.listdir('.')))",
                         "import importlib.util\nprint(importlib.util.find_spec('snippets'))")
    entry = sitebuild.execute_notebook(notebook, "n.ipynb", tmp_path / "cache")
    first, second = json.loads((entry / "n.ipynb").read_text())["cells"]
    assert "".join(first["outputs"][0]["text"]).strip() == "[]"
    assert "".join(second["outputs"][0]["text"]).strip() == "None"


def test_consecutive_prints_of_a_cell_become_one_output_however_the_kernel_split_them(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(1)")])
    notebook.cells[0].outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="k = 1 ...\n"),
        nbformat.v4.new_output("stream", name="stdout", text="done\n"),
        nbformat.v4.new_output("stream", name="stderr", text="warning\n"),
        nbformat.v4.new_output("stream", name="stdout", text="after\n"),
    ]
    sitebuild.coalesce_streams(notebook)
    assert [(o["name"], o["text"]) for o in notebook.cells[0].outputs] == [
        ("stdout", "k = 1 ...\ndone\n"), ("stderr", "warning\n"), ("stdout", "after\n")]


def test_execute_notebook_runs_in_cwd_caches_and_records_no_timing(tmp_path, monkeypatch):
    notebook = _notebook(tmp_path / "n.ipynb", "import os\nprint(os.getcwd())", "6 * 7")
    workdir = tmp_path / "work"
    workdir.mkdir()
    entry = sitebuild.execute_notebook(notebook, "sub/n.ipynb", tmp_path / "cache", workdir)
    executed = json.loads((entry / "sub" / "n.ipynb").read_text())
    first, second = executed["cells"]
    assert "".join(first["outputs"][0]["text"]).strip() == str(workdir)
    assert "".join(second["outputs"][0]["data"]["text/plain"]) == "42"
    assert all("execution" not in cell["metadata"] for cell in executed["cells"])

    def no_kernel(*args, **kwargs):
        raise AssertionError("a cache hit must not start a kernel")

    monkeypatch.setattr("nbclient.NotebookClient", no_kernel)
    assert sitebuild.execute_notebook(notebook, "sub/n.ipynb", tmp_path / "cache", workdir) == entry


def test_a_raising_cell_raises_and_caches_nothing(tmp_path):
    from nbclient.exceptions import CellExecutionError

    notebook = _notebook(tmp_path / "n.ipynb", "print('fine')", "raise ValueError('broken on purpose')")
    with pytest.raises(RuntimeError, match="notebook n.ipynb failed to execute:(.|\n)*broken on purpose") as raised:
        sitebuild.execute_notebook(notebook, "n.ipynb", tmp_path / "cache", tmp_path)
    assert isinstance(raised.value.__cause__, CellExecutionError)
    assert not (tmp_path / "cache").exists()


def test_clean_notebook_html_removes_what_nbconvert_emits_for_mathjax():
    import jinja2
    from jupyter_core.paths import jupyter_path

    folders = [str(Path(folder) / "base") for folder in jupyter_path("nbconvert", "templates")]
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(folders))
    emitted = environment.from_string('{% from "mathjax.html.j2" import mathjax %}{{ mathjax("") }}').render()
    assert '<script src="">' in emitted and "text/x-mathjax-config" in emitted
    page = f"<div>before</div>{emitted}<div class='jp-Notebook'>$x$</div>"
    cleaned = sitebuild.clean_notebook_html(page)
    assert '<script src="' not in cleaned and "x-mathjax-config" not in cleaned and "MathJax.Hub" not in cleaned
    assert "<div>before</div>" in cleaned and "<div class='jp-Notebook'>$x$</div>" in cleaned
    assert sitebuild.clean_notebook_html('<script src="x.js"></script>') == '<script src="x.js"></script>'


def test_prune_css_keeps_rules_that_can_match_and_at_rules():
    css = (
        "@charset \"UTF-8\";.jp-Cell{margin:0}.jp-FileBrowser{x:1}"
        ".jp-Cell .jp-InputArea,.jp-Dialog{y:2}:root{--a:1}"
        "@media (max-width:760px){.jp-Cell{z:3}.jp-Menu{z:4}}@media print{.jp-Menu{w:5}}"
        "@keyframes spin{from{a:0}to{a:1}}.jp-Cell:is(.jp-mod-active, .jp-Dialog){q:1}"
    )
    pruned = sitebuild.prune_css(css, {"jp-Cell", "jp-InputArea", "jp-mod-active"})
    assert ".jp-FileBrowser" not in pruned and ".jp-Menu" not in pruned and "@media print" not in pruned
    assert ".jp-Cell{margin:0}" in pruned and ".jp-Cell .jp-InputArea{y:2}" in pruned
    assert ":root{--a:1}" in pruned and "@charset" in pruned and "@keyframes spin{from{a:0}to{a:1}}" in pruned
    assert "@media (max-width:760px){.jp-Cell{z:3}}" in pruned


def test_clean_notebook_html_keeps_the_styles_the_page_uses():
    page = (
        '<style>.used{a:1}.unused{b:2}</style><div class="used other">x</div>'
        '<script src="">\n</script>'
    )
    cleaned = sitebuild.clean_notebook_html(page)
    assert cleaned == '<style>.used{a:1}</style><div class="used other">x</div>'


def test_without_code_blocks_removes_whole_highlighted_blocks_only():
    html = (
        '<p>before</p><div class="language-python highlight"><span class="filename">a.py</span>'
        '<div class="inner"><pre><code>x = 1</code></pre></div></div>'
        '<div class="highlighted">kept</div><div class="highlight"><pre>y</pre></div><p>after</p>'
    )
    assert sitebuild.without_code_blocks(html) == '<p>before</p><div class="highlighted">kept</div><p>after</p>'
    assert sitebuild.without_code_blocks("<p>no code</p>") == "<p>no code</p>"
    with pytest.raises(ValueError, match="unclosed code block at character 3"):
        sitebuild.without_code_blocks('<p><div class="highlight"><pre>x</pre>')


def test_a_notebook_job_executes_and_renders_in_the_background(tmp_path, monkeypatch):
    notebook = _notebook(tmp_path / "n.ipynb", "print(6 * 7)")
    log = tmp_path / "steps.log"
    monkeypatch.setenv(sitebuild.BUILD_LOG_VARIABLE, str(log))
    job = sitebuild.NotebookJob(notebook, "n.ipynb", tmp_path / "cache", tmp_path)
    assert job.wait() == job.path == job.directory / "n.ipynb"
    assert log.read_text().splitlines() == ["notebook n.ipynb", "notebook page n.ipynb"]
    page = sitebuild.render_notebook_page(job.path, tmp_path / "cache")
    assert "42" in page["content"] and "jp-OutputArea" in page["content"]
    again = sitebuild.NotebookJob(notebook, "n.ipynb", tmp_path / "cache", tmp_path)
    assert again._thread is None and again.wait() == job.path
    assert len(log.read_text().splitlines()) == 2, "a cache hit executed or rendered again"


def test_a_notebook_job_hands_the_cells_error_to_wait(tmp_path):
    notebook = _notebook(tmp_path / "n.ipynb", "raise ValueError('broken on purpose')")
    job = sitebuild.NotebookJob(notebook, "n.ipynb", tmp_path / "cache", tmp_path)
    with pytest.raises(RuntimeError, match="notebook n.ipynb failed to execute:(.|\n)*broken on purpose"):
        job.wait()
    assert not job.path.exists()


def test_notebook_pages_are_mkdocs_jupyters_html_slimmed_with_title_and_toc(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# A title\n\nSome $x^2$ math.\n\n## A section"),
        nbformat.v4.new_code_cell("1 + 1", outputs=[nbformat.v4.new_output(
            "execute_result", data={"text/plain": "2"}, execution_count=1)], execution_count=1),
    ])
    executed = tmp_path / "executed.ipynb"
    nbformat.write(notebook, str(executed))
    page = sitebuild.render_notebook_page(executed, tmp_path / "cache")
    assert page["title"] == "A title"
    assert [token["name"] for token in page["toc_tokens"]] == ["A title"]
    assert [child["name"] for child in page["toc_tokens"][0]["children"]] == ["A section"]
    assert "jp-Notebook" in page["content"] and 'class="highlight-ipynb' in page["content"]
    assert page["content"] == sitebuild.clean_notebook_html(page["content"])
    assert "x-mathjax-config" not in page["content"]


def test_notebook_page_cache_is_keyed_by_the_executed_notebook(tmp_path, monkeypatch):
    executed = _notebook(tmp_path / "executed.ipynb", "1")
    first = sitebuild.render_notebook_page(executed, tmp_path / "cache")
    assert len(list((tmp_path / "cache" / "notebook-pages").glob("*.json"))) == 1
    log = tmp_path / "steps.log"
    monkeypatch.setenv(sitebuild.BUILD_LOG_VARIABLE, str(log))
    assert sitebuild.render_notebook_page(executed, tmp_path / "cache") == first
    assert not log.exists(), "a cache hit rendered again"
    _notebook(executed, "2")
    assert sitebuild.render_notebook_page(executed, tmp_path / "cache") != first
    assert log.read_text().splitlines() == ["notebook page executed.ipynb"]


def test_the_readme_counts_the_figures_the_build_draws():
    readme = (sitebuild.PACKAGE_DIR.parent / "README.md").read_text(encoding="utf-8")
    assert f"the process that draws the {len(sitebuild.site_figures())} figures" in " ".join(readme.split())
