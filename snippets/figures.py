"""Registry and renderer for the figures drawn while the site builds.

A chapter module marks each figure function with ``@figure("name")``; the function
takes no required arguments and returns a ``matplotlib.figure.Figure``. The build
calls :func:`collect` to find them all and :func:`render_svg` to turn each into the
bytes of ``img/<name>.svg``. Rendering is deterministic: the same code gives the
same bytes on every build.
"""

from __future__ import annotations

import importlib
import io
import pkgutil
import re
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FigureFunction = Callable[[], "Figure"]

_REGISTRY: dict[str, FigureFunction] = {}
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def figure(name: str) -> Callable[[FigureFunction], FigureFunction]:
    """Register the decorated function as the figure published at ``img/<name>.svg``.

    >>> @figure("doc-example")
    ... def example():
    ...     pass
    >>> _REGISTRY.pop("doc-example") is example
    True
    """
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ValueError(f"figure name {name!r}: expected lowercase words joined by '-', like 'nll-curves'")

    def register(function: FigureFunction) -> FigureFunction:
        existing = _REGISTRY.get(name)
        if existing is not None and existing.__qualname__ != function.__qualname__:
            raise ValueError(f"figure name {name!r} is used twice: {existing.__qualname__} and {function.__qualname__}")
        _REGISTRY[name] = function
        return function

    return register


def collect() -> dict[str, FigureFunction]:
    """Import every module of the ``snippets`` package and return its figures by name."""
    import snippets

    for module in pkgutil.iter_modules(snippets.__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"snippets.{module.name}")
    return dict(sorted(_REGISTRY.items()))


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
