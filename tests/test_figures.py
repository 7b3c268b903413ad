"""Tests of docs/_hooks/sitefigures.py: the list of figures and deterministic SVG rendering."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil

import pytest
from matplotlib.figure import Figure

import snippets
from sitefigures import FIGURES, collect, render_svg


def _square() -> Figure:
    fig = Figure(figsize=(2, 2))
    fig.subplots().plot([0, 1], [0, 1], label="a line")
    return fig


def test_render_is_repeatable_and_has_no_timestamp():
    first, second = render_svg(_square()), render_svg(_square())
    assert first == second
    assert b"<dc:date>" not in first
    assert first.startswith(b"<?xml")


def test_render_rejects_things_that_are_not_figures():
    with pytest.raises(ValueError, match="expected a matplotlib Figure"):
        render_svg("not a figure")


def test_every_figure_function_of_the_chapters_is_listed_once_and_nothing_else_is():
    """A function named ``*_figure`` in a chapter module draws a figure of the site: FIGURES lists each one."""
    defined = set()
    for info in pkgutil.iter_modules(snippets.__path__):
        module = importlib.import_module(f"snippets.{info.name}")
        defined |= {f"snippets.{info.name}:{name}" for name, function in inspect.getmembers(module, inspect.isfunction)
                    if name.endswith("_figure") and function.__module__ == module.__name__}
    listed = list(FIGURES.values())
    assert len(listed) == len(set(listed)), "a function is listed under two figure names"
    assert set(listed) == defined


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_names_are_lowercase_words_joined_by_hyphens(name):
    assert all(part.isalnum() and part == part.lower() for part in name.split("-")), name


def test_collect_finds_figures_of_every_chapter_and_each_returns_a_figure():
    found = collect()
    assert sorted(found) == sorted(FIGURES)
    for name, function in found.items():
        assert isinstance(function(), Figure), name
