"""MkDocs hook: hand figures, MathJax and executed notebooks to the build; slim pages. Logic: snippets.sitebuild."""

import sys
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from snippets import sitebuild  # noqa: E402


@event_priority(100)  # first: mkdocs-jupyter must see the executed copies of the notebooks
def on_files(files: Files, config) -> Files:
    for site_path, svg in sitebuild.build_figures(ROOT / ".cache").items():
        files.append(File.generated(config, site_path, content=svg))
    files.append(File.generated(config, sitebuild.FAVICON_PATH, content=sitebuild.FAVICON_SVG))
    for site_path, source in sitebuild.mathjax_files().items():
        files.append(File.generated(config, site_path, abs_src_path=source))
    for notebook in [file for file in files if file.src_uri.endswith(".ipynb")]:
        executed_dir = sitebuild.execute_notebook(Path(notebook.abs_src_path), notebook.src_uri, ROOT / ".cache", ROOT)
        files.remove(notebook)
        files.append(File(notebook.src_uri, str(executed_dir), config.site_dir, config.use_directory_urls))
    return files


def on_page_content(html: str, page, config, files) -> str:
    return sitebuild.exclude_code_from_search(html)


def on_post_page(output: str, page, config) -> str:
    if page.file.src_uri.endswith(".ipynb"):
        return sitebuild.clean_notebook_html(output)
    return output
