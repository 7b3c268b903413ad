"""MkDocs hook: hand the figures and MathJax to the build. Logic lives in snippets.sitebuild."""

import sys
from pathlib import Path

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from snippets import sitebuild  # noqa: E402


def on_files(files: Files, config) -> Files:
    for site_path, svg in sitebuild.build_figures(ROOT / ".cache").items():
        files.append(File.generated(config, site_path, content=svg))
    for site_path, source in sitebuild.mathjax_files().items():
        files.append(File.generated(config, site_path, abs_src_path=source))
    return files
