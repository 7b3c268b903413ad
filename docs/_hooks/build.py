"""MkDocs hook: hand figures, MathJax and notebook pages to the build; slim pages. Logic: sitebuild.py beside it.

Figures are drawn, and notebooks executed, in the background while MkDocs renders the pages;
the build waits for a notebook just before its page, and for the figures before it copies files.
"""

import functools
import posixpath
import sys
from pathlib import Path

import jinja2
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(Path(__file__).resolve().parent), str(ROOT)]

import sitebuild  # noqa: E402

CACHE = ROOT / ".cache"
_jobs = {}


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
    for site_path, source in sitebuild.mathjax_files().items():
        files.append(File.generated(config, site_path, abs_src_path=source))
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
