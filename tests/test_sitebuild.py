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


def test_a_figure_that_raises_propagates(tmp_path, monkeypatch):
    def broken():
        raise RuntimeError("figure failed on purpose")

    monkeypatch.setattr("snippets.figures.collect", lambda: {"broken": broken})
    monkeypatch.setattr(sitebuild, "sources_digest", lambda: "test-broken")
    with pytest.raises(RuntimeError, match="on purpose"):
        sitebuild.build_figures(tmp_path)
    assert not (tmp_path / "figures" / "test-broken").exists()


def test_mathjax_files_exist_and_include_the_bundle_and_fonts():
    files = sitebuild.mathjax_files()
    assert "assets/mathjax/startup.js" in files
    assert any(path.endswith(".woff") for path in files)
    assert all(Path(source).is_file() for source in files.values())
