"""Tests of snippets/figures.py: the registry and deterministic SVG rendering."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from snippets.figures import collect, figure, render_svg


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


@pytest.mark.parametrize("name", ["", "Has Caps", "under_score", "-lead", 7])
def test_bad_figure_names_are_rejected(name):
    with pytest.raises(ValueError, match="figure name"):
        figure(name)


def test_a_name_cannot_be_taken_by_two_functions():
    figure("test-only-name")(_square)
    try:
        def other():
            return _square()

        with pytest.raises(ValueError, match="used twice"):
            figure("test-only-name")(other)
    finally:
        from snippets import figures

        figures._REGISTRY.pop("test-only-name")


def test_collect_finds_figures_of_every_chapter_and_each_returns_a_figure():
    found = collect()
    assert "nll-log-curves" in found
    for name, function in found.items():
        assert isinstance(function(), Figure), name
