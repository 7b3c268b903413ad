"""Tests of snippets/sitebuild.py: the figure cache and the MathJax file list."""

from __future__ import annotations

from pathlib import Path

import pytest

from snippets import sitebuild


def test_cache_is_reused_and_keyed_by_sources(tmp_path, monkeypatch):
    first = sitebuild.build_figures(tmp_path)
    assert "img/nll-log-curves.svg" in first
    entries = list((tmp_path / "figures").iterdir())
    assert len(entries) == 1

    def explode():
        raise AssertionError("a cache hit must not draw again")

    monkeypatch.setattr("snippets.figures.collect", explode)
    assert sitebuild.build_figures(tmp_path) == first


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

    monkeypatch.setattr("snippets.figures.collect", lambda: {"broken": broken})
    entry = tmp_path / "figures" / "test-broken"
    with pytest.raises(RuntimeError, match=r"figure 'broken' \(.*broken\) failed: figure failed on purpose"):
        sitebuild.draw_figures(entry)
    assert not entry.exists()


def test_mathjax_files_exist_and_include_the_bundle_and_fonts():
    files = sitebuild.mathjax_files()
    assert "assets/mathjax/startup.js" in files
    assert any(path.endswith(".woff") for path in files)
    assert all(Path(source).is_file() for source in files.values())


# --- Notebooks ---------------------------------------------------------------------------

import json  # noqa: E402

import nbformat  # noqa: E402


def _notebook(path: Path, *sources: str) -> Path:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in sources])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, str(path))
    return path


def test_notebook_key_changes_with_the_notebook_and_with_snippets(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "a.py").write_text("x = 1\n")
    notebook = _notebook(tmp_path / "n.ipynb", "print(1)")
    before = sitebuild.notebook_key(notebook, package)
    assert sitebuild.notebook_key(notebook, package) == before
    (package / "a.py").write_text("x = 2\n")
    after_code = sitebuild.notebook_key(notebook, package)
    _notebook(notebook, "print(2)")
    after_notebook = sitebuild.notebook_key(notebook, package)
    assert len({before, after_code, after_notebook}) == 3


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


def test_code_blocks_are_left_out_of_the_search_index():
    html = '<div class="language-python highlight"><pre>x</pre></div><div class="highlighted">y</div>'
    marked = sitebuild.exclude_code_from_search(html)
    assert marked.count('data-search-exclude="code"') == 1
    assert '<div class="highlighted">' in marked
