"""MkDocs hook: hand figures, math and notebook pages to the build; slim pages.

Logic: sitebuild.py (figures, notebooks, slimming) and sitemath.py (math) beside it.
Figures are drawn, and notebooks executed, in the background while MkDocs renders the pages;
the build waits for a notebook just before its page, and for the figures before it copies files.
Each page's new formulas go to MathJax (in Node) as one batch once its Markdown is rendered,
and come back into the page as it is written; the math stylesheet is written last.
"""

import functools
import posixpath
import sys
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(Path(__file__).resolve().parent), str(ROOT)]

import sitebuild  # noqa: E402
import sitemath  # noqa: E402

CACHE = ROOT / ".cache"
_jobs = {}
#: Kept for the life of the process: under ``mkdocs serve`` a rebuild finds its formulas in memory.
_math = sitemath.MathRenderer(CACHE)
_formulas_used = {}


class NotebookFile(File):
    """A notebook that MkDocs builds as a page, from its executed copy."""

    def is_documentation_page(self) -> bool:
        return True


def on_files(files: Files, config) -> Files:
    _jobs.clear()
    _jobs["figures"] = figures = sitebuild.FigureJob(CACHE)
    for site_path, source in figures.sources.items():
        files.append(File.generated(config, site_path, abs_src_path=source))
    files.append(File.generated(config, sitebuild.FAVICON_PATH, content=sitebuild.FAVICON_SVG))
    for site_path, source in sitemath.font_files().items():
        files.append(File.generated(config, site_path, abs_src_path=source))
    _formulas_used.clear()
    for notebook in [file for file in files if file.src_uri.endswith(".ipynb")]:
        _jobs[notebook.src_uri] = job = sitebuild.NotebookJob(Path(notebook.abs_src_path), notebook.src_uri, CACHE)
        files.remove(notebook)
        page = NotebookFile(notebook.src_uri, str(job.directory), config.site_dir, config.use_directory_urls)
        files.append(page)
        # Readers download the executed notebook from next to its page.
        download = posixpath.join(posixpath.dirname(page.dest_uri), posixpath.basename(notebook.src_uri))
        files.append(File.generated(config, download, abs_src_path=str(job.path)))
    return files


def on_pre_page(page, config, files):
    if isinstance(page.file, NotebookFile):
        _jobs["figures"].wait()  # a notebook may call a broken figure function: name the figure first
        _jobs[page.file.src_uri].wait()
        page.render = functools.partial(_render_notebook, page)
    return page


def _render_notebook(page, config, files) -> None:
    rendered = sitebuild.render_notebook_page(Path(page.file.abs_src_path), CACHE)
    page.content, page.toc = rendered["content"], get_toc(rendered["toc_tokens"])
    page.title = rendered["title"] or page.title


def on_page_content(html, page, config, files):
    if isinstance(page.file, NotebookFile):
        html = sitemath.notebook_math_to_arithmatex(html)
    _math.submit(sitemath.arithmatex_formulas(html))  # rendered while MkDocs goes on with the page
    return html


def on_post_page(output, page, config):
    try:
        return sitemath.render_page(output, _math, f"docs/{page.file.src_uri}", _formulas_used)
    except sitemath.TeXError as error:
        _math.close()
        raise PluginError(str(error)) from None


def on_post_build(config):
    stylesheet = Path(config.site_dir) / sitemath.STYLESHEET_PATH
    stylesheet.parent.mkdir(parents=True, exist_ok=True)
    stylesheet.write_text(_math.stylesheet(list(_formulas_used.values())), encoding="utf-8")
    _math.close()


def on_build_error(error):
    _math.close()


@event_priority(50)  # before Material's search plugin indexes the page; search_restore.py puts it back
def on_page_context(context, page, config, nav):
    page.content_with_code = page.content
    page.content = sitebuild.without_code_blocks(page.content)
    return context


def on_env(env, config, files):
    # Compiled theme templates are kept between builds (jinja checks each against its source).
    (CACHE / "templates").mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(CACHE / "templates"))
    _jobs["figures"].wait()
    return env
