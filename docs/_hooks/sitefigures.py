"""The figures drawn while the site builds, and how each becomes an SVG file.

``FIGURES`` maps each figure's name (published at ``img/<name>.svg``) to the chapter
function that draws it, ``"module:function"``; the function takes no required arguments
and returns a ``matplotlib.figure.Figure``. The chapters' code knows nothing of the
build: a reader pastes the same function and gets the same figure. Rendering is
deterministic: the same code gives the same bytes on every build.
"""

from __future__ import annotations

import importlib
import io
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FigureFunction = Callable[[], "Figure"]

#: Every figure of the site: ``name -> "module:function"``.
FIGURES = {
    "bce-curves": "snippets.cross_entropy:bce_curves_figure",
    "bernoulli-entropy": "snippets.cross_entropy:bernoulli_entropy_figure",
    "bigram-loss-curve": "snippets.bigram:loss_curve_figure",
    "bigram-probability-table": "snippets.bigram:probability_table_figure",
    "double-softmax": "snippets.pytorch_losses:double_softmax_figure",
    "log-likelihood-contours": "snippets.maximum_likelihood:contour_figure",
    "log-likelihood-of-mu": "snippets.log_likelihood:log_likelihood_of_mu_figure",
    "nll-log-curves": "snippets.nll:log_curves_figure",
    "normal-interval-probability": "snippets.likelihood:interval_figure",
    "two-normals-and-data": "snippets.likelihood:two_normals_figure",
}


def collect(figures: dict[str, str] = FIGURES) -> dict[str, FigureFunction]:
    """Import the functions that ``figures`` names and return them by figure name."""
    found = {}
    for name, target in sorted(figures.items()):
        module, _, function = target.partition(":")
        found[name] = getattr(importlib.import_module(module), function)
    return found


#: Settings that make SVG output byte-for-byte repeatable and readable on any background.
#: Text stays text (``svg.fonttype: none``, drawn in the reader's DejaVu Sans or another
#: sans-serif): a third smaller than outlining every glyph, and selectable.
SVG_SETTINGS = {
    "svg.hashsalt": "likelihood-docs",
    "svg.fonttype": "none",
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
}


def render_svg(fig: "Figure") -> bytes:
    """Serialise ``fig`` to SVG bytes with no timestamp and fixed element ids."""
    import matplotlib
    from matplotlib.figure import Figure

    if not isinstance(fig, Figure):
        raise ValueError(f"expected a matplotlib Figure, got {type(fig).__name__}")
    buffer = io.BytesIO()
    with matplotlib.rc_context(SVG_SETTINGS):
        fig.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return buffer.getvalue()
