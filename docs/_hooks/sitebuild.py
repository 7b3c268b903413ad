"""What the MkDocs hook hands to the build: rendered figures, notebook pages (math: sitemath.py).

Drawing figures is the expensive part of a build, so the rendered SVGs are cached
on disk under a key made from every source file of ``snippets`` and the versions of
the libraries that draw them. Editing prose never changes that key, so a rebuild
under ``mkdocs serve`` reads the SVGs back instead of importing torch and matplotlib.
Notebooks are executed here too, not by mkdocs-jupyter, and cached the same way under a
key that includes ``snippets``, so a change to the code re-runs them; their pages are
rendered with mkdocs-jupyter's converter and cached by the executed notebook. On a cache
miss, drawing and executing run in the background (``FigureJob``, ``NotebookJob``) while
MkDocs renders the other pages. The pages are slimmed here as well: notebook pages lose
the CSS they do not use, and the search index is built without the code blocks."""

from __future__ import annotations

import ast
import asyncio
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from importlib import metadata
from pathlib import Path

HOOKS_DIR = Path(__file__).resolve().parent
ROOT = HOOKS_DIR.parents[1]
#: The chapters' code: the figures are drawn from it.
PACKAGE_DIR = ROOT / "snippets"

#: Libraries whose version changes what a figure looks like or computes.
DRAWING_LIBRARIES = ("matplotlib", "numpy", "torch")

#: The site's favicon, a sigma on the theme's indigo: 200 bytes of SVG, added to the site by
#: the build (no image is committed under ``docs/``) in place of Material's 1.9 kB PNG.
FAVICON_PATH = "assets/favicon.svg"
FAVICON_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
    '<rect width="24" height="24" rx="4" fill="#3f51b5"/>'
    '<path d="M17 5H7v1.7l5.2 5.3L7 17.3V19h10v-2h-6.9l4.9-5-4.9-5H17z" fill="#fff"/></svg>\n'
)

#: If this environment variable names a file, each expensive step of a build (a figure
#: drawn, a notebook executed or rendered, a model trained) appends one line to it. The
#: tests use it to prove that nothing is done twice in a build, and nothing on a warm rebuild.
BUILD_LOG_VARIABLE = "SNIPPETS_BUILD_LOG"


def record_build_step(step: str) -> None:
    """Append ``step`` to the build log, if one is asked for (see ``BUILD_LOG_VARIABLE``)."""
    log = os.environ.get(BUILD_LOG_VARIABLE)
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(step + "\n")


def sources_digest(package_dir: Path = PACKAGE_DIR) -> str:
    """Hash every ``.py`` file of the package and the drawing libraries' versions."""
    digest = hashlib.sha256()
    for path in sorted(package_dir.rglob("*.py")):
        digest.update(path.relative_to(package_dir).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    digest.update((HOOKS_DIR / "sitefigures.py").read_bytes())  # the list of figures, the renderer
    _add_versions(digest, DRAWING_LIBRARIES)
    return digest.hexdigest()[:24]


def _add_versions(digest, libraries: tuple[str, ...]) -> None:
    """Feed ``digest`` the installed version of each library: a cache key changes on an upgrade."""
    for library in libraries:
        digest.update(f"{library}=={metadata.version(library)}\0".encode())


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``path`` through a temporary file in its folder, so no reader sees it half written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, staging = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(staging, path)


def figure_path(name: str) -> str:
    """Where the figure called ``name`` is published in the site."""
    return f"img/{name}.svg"


def site_figures() -> dict[str, str]:
    """The site's figures, ``name -> "module:function"`` (``sitefigures.FIGURES``); no chapter is imported."""
    return dict(_sitefigures().FIGURES)


def _sitefigures():
    """The module ``sitefigures.py`` beside this one (MkDocs takes the hooks' folder off ``sys.path``)."""
    if "sitefigures" not in sys.modules:
        import importlib.util

        spec = importlib.util.spec_from_file_location("sitefigures", HOOKS_DIR / "sitefigures.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["sitefigures"] = module
        spec.loader.exec_module(module)
    return sys.modules["sitefigures"]


class FigureJob:
    """The figures of one build: drawn in a fresh process that runs while pages render.

    Drawing runs in a new Python process (``python sitebuild.py <entry>``), so that a
    long-lived ``mkdocs serve`` always draws with the code as it is now on disk rather
    than with modules it imported before an edit, and so that a build whose figures are
    cached never imports torch or matplotlib at all. ``sources`` maps each figure's site
    path to the SVG file it will be; ``wait()`` returns once they exist, and raises with
    the drawing process's traceback (which names the figure) if drawing failed.
    """

    def __init__(self, cache_dir: Path, package_dir: Path = PACKAGE_DIR, figures: dict[str, str] | None = None) -> None:
        figures = site_figures() if figures is None else figures
        self.entry = Path(cache_dir) / "figures" / sources_digest(package_dir)
        manifest = self.entry / "manifest.json"
        self.names = sorted(figures)
        self.sources = {figure_path(name): str(self.entry / f"{name}.svg") for name in self.names}
        self._process, self._failure = None, ""
        if not manifest.is_file():
            self._process = subprocess.Popen(
                [sys.executable, str(HOOKS_DIR / "sitebuild.py"), str(self.entry), str(Path(package_dir).parent),
                 json.dumps(figures)],
                cwd=Path(package_dir).parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            )

    def wait(self) -> dict[str, str]:
        """Block until every figure is drawn; return ``sources``."""
        manifest = self.entry / "manifest.json"
        if self._process is not None:
            _, stderr = self._process.communicate()
            if self._process.returncode != 0 or not manifest.is_file():
                self._failure = f"drawing the figures failed:\n{stderr[-6000:]}"
            self._process = None
        if self._failure:
            raise RuntimeError(self._failure)
        drawn = json.loads(manifest.read_text())
        if drawn != self.names:
            raise RuntimeError(f"the figures drawn, {drawn}, are not the figures listed, {self.names}")
        return self.sources


def draw_figures(entry: Path, figures: dict[str, str] | None = None) -> None:
    """Draw every figure of ``figures`` (the site's, by default) and store the SVGs as the cache entry ``entry``."""
    collect, render_svg = _sitefigures().collect, _sitefigures().render_svg
    rendered = {}
    for name, function in collect(site_figures() if figures is None else figures).items():
        record_build_step(f"figure {name}")
        try:
            rendered[name] = render_svg(function())
        except Exception as error:
            raise RuntimeError(
                f"figure {name!r} ({function.__module__}.{function.__qualname__}) failed: {error}"
            ) from error
    _write_entry(Path(entry), rendered)


def _write_entry(entry: Path, rendered: dict[str, bytes]) -> None:
    """Write a cache entry so that a reader never sees it half written."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=entry.parent, prefix=".tmp-"))
    for name, svg in rendered.items():
        (staging / f"{name}.svg").write_bytes(svg)
    (staging / "manifest.json").write_text(json.dumps(sorted(rendered)))
    try:
        os.replace(staging, entry)
    except OSError:  # another build wrote the same entry first; theirs is identical
        for child in staging.iterdir():
            child.unlink()
        staging.rmdir()


# --- Notebooks: executed by us, cached by their inputs, then rendered by mkdocs-jupyter ---

#: Packages whose version can change what an executed notebook shows.
NOTEBOOK_LIBRARIES = ("nbclient", "ipykernel", "names", *DRAWING_LIBRARIES)

#: How long one cell may run before the build gives up on it.
CELL_TIMEOUT = 600


def notebook_key(notebook: Path) -> str:
    """Hash of a notebook's own bytes and the versions of the libraries it runs with.

    The notebook is self-contained (it runs in an empty folder, as a reader's copy does),
    so nothing else of the project can change what it shows.
    """
    digest = hashlib.sha256()
    digest.update(Path(notebook).read_bytes())
    _add_versions(digest, NOTEBOOK_LIBRARIES)
    return digest.hexdigest()[:24]


def coalesce_streams(notebook) -> None:
    """Merge consecutive outputs of the same stream in each cell, in place.

    A kernel delivers what a cell prints in chunks whose boundaries depend on timing (a
    busy machine splits one print into two outputs); merged, the same cell gives the same
    bytes however it was scheduled.
    """
    for cell in notebook.cells:
        merged = []
        for output in cell.get("outputs", []):
            previous = merged[-1] if merged else None
            if (output.get("output_type") == "stream" and previous is not None
                    and previous.get("output_type") == "stream" and previous["name"] == output["name"]):
                previous["text"] += output["text"]
            else:
                merged.append(output)
        if "outputs" in cell:
            cell["outputs"] = merged


def execute_notebook(notebook: Path, src_uri: str, cache_dir: Path, cwd: Path | None = None) -> Path:
    """Return the directory of an executed copy of ``notebook``, at ``<dir>/<src_uri>``.

    The kernel runs in ``cwd``, by default a new empty folder: the notebook must run as a
    reader's downloaded copy does, with nothing of this project importable. A cell that
    raises fails the build with the cell's traceback (``allow_errors=False``); nothing is
    cached then. Timing metadata is not recorded and stream outputs are merged, so the same
    inputs give the same bytes.
    """
    entry = Path(cache_dir) / "notebooks" / notebook_key(notebook)
    if (entry / src_uri).is_file():
        return entry

    import nbformat
    from nbclient import NotebookClient

    executed = nbformat.read(str(notebook), as_version=4)
    with tempfile.TemporaryDirectory(prefix="notebook-") as empty:
        client = NotebookClient(
            executed,
            timeout=CELL_TIMEOUT,
            allow_errors=False,
            record_timing=False,
            extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no TCP-without-encryption warning
            resources={"metadata": {"path": str(cwd or empty)}},
        )
        record_build_step(f"notebook {src_uri}")
        try:
            _run_on_a_new_loop(client.async_execute(env=_reader_environment()))
        except Exception as error:
            raise RuntimeError(f"notebook {src_uri} failed to execute: {error}") from error
    coalesce_streams(executed)

    entry.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=entry.parent, prefix=".tmp-"))
    (staging / src_uri).parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(executed, str(staging / src_uri))
    try:
        os.replace(staging, entry)
    except OSError:  # another build wrote the same entry first; theirs is identical
        shutil.rmtree(staging)
    return entry


def _reader_environment() -> dict[str, str]:
    """This process's environment without the variables that could make the project importable."""
    return {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONSTARTUP")}


def _run_on_a_new_loop(coroutine) -> None:
    """Run ``coroutine`` on an event loop of its own, in a thread of its own, and close the loop.

    The caller may be any thread, and may itself be running an event loop (as a browser
    test does), where ``asyncio.run`` would refuse and nbclient's own ``execute()`` would
    leave a loop open.
    """
    raised: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(coroutine)
        except BaseException as error:  # re-raised in the caller's thread
            raised.append(error)

    worker = threading.Thread(target=run, name="notebook event loop")
    worker.start()
    worker.join()
    if raised:
        raise raised[0]


class NotebookJob:
    """One notebook of a build, executed and rendered (on a cache miss) in a thread while pages render.

    ``path`` is where the executed copy will be, ``directory / src_uri``; ``wait()`` returns
    it once it exists and re-raises what ``execute_notebook`` raised. The kernel is a
    separate process, so the thread mostly waits on it and leaves the main process free.
    """

    def __init__(self, notebook: Path, src_uri: str, cache_dir: Path, cwd: Path | None = None) -> None:
        self.directory = Path(cache_dir) / "notebooks" / notebook_key(notebook)
        self.path = self.directory / src_uri
        self._error: BaseException | None = None
        self._thread = None
        if not self.path.is_file():
            self._thread = threading.Thread(
                target=self._run, args=(notebook, src_uri, cache_dir, cwd), name=f"execute {src_uri}"
            )
            self._thread.start()

    def _run(self, notebook: Path, src_uri: str, cache_dir: Path, cwd: Path | None) -> None:
        try:
            execute_notebook(notebook, src_uri, cache_dir, cwd)
            render_notebook_page(self.path, cache_dir)  # now, not when the build reaches the page
        except BaseException as error:  # handed to wait(), in the build's own thread
            self._error = error

    def wait(self) -> Path:
        """Block until the notebook is executed; return the executed copy's path."""
        if self._thread is not None:
            self._thread.join()
            if self._error is not None:
                raise self._error
        return self.path


#: Packages whose version can change how an executed notebook is rendered as a page.
NOTEBOOK_PAGE_LIBRARIES = ("mkdocs-jupyter", "nbconvert", "mistune", "pygments")


def render_notebook_page(executed: Path, cache_dir: Path) -> dict:
    """Return ``{"content", "toc_tokens", "title"}`` for the page of an executed notebook.

    The HTML is mkdocs-jupyter's (its nbconvert template, code cells highlighted, inputs
    shown). It is cached under a key made from the executed notebook and the rendering
    libraries (and this module, which slims it), because importing nbconvert alone takes
    longer than the rest of a rebuild.
    """
    digest = hashlib.sha256(Path(executed).read_bytes())
    digest.update(Path(__file__).read_bytes())  # the cleaning below
    _add_versions(digest, NOTEBOOK_PAGE_LIBRARIES)
    cached = Path(cache_dir) / "notebook-pages" / f"{digest.hexdigest()[:24]}.json"
    if cached.is_file():
        return json.loads(cached.read_text(encoding="utf-8"))

    from mkdocs_jupyter.convert import nb2html
    from mkdocs_jupyter.plugin import _get_nb_toc_tokens  # the plugin's own, pinned with it

    record_build_step(f"notebook page {Path(executed).name}")
    content = clean_notebook_html(nb2html(str(executed), theme="", custom_mathjax_url="", allow_errors=False))
    toc_tokens, title = _get_nb_toc_tokens(str(executed), 6)  # 6: the plugin's default depth
    page = {"content": content, "toc_tokens": toc_tokens, "title": title}
    write_text_atomically(cached, json.dumps(page))
    return page


#: What mkdocs-jupyter 0.26.3 puts in every notebook page for MathJax 2: an empty
#: ``<script src="">`` and a config; the site renders its math when it is built.
_NOTEBOOK_MATHJAX = re.compile(
    r'<script src="\s*">\s*</script>|<script type="text/x-mathjax-config">.*?</script>', re.DOTALL
)


def clean_notebook_html(html: str) -> str:
    """Slim a notebook page: drop nbconvert's MathJax 2 leftovers and its unused CSS.

    The empty ``<script src="">`` makes the browser report an error, and the notebook's
    Markdown math is rendered when the site is built, like every page's (``sitemath.py``).
    nbconvert also inlines all of JupyterLab's stylesheet (about 570 kB); only the rules
    that can match an element of the page are kept, and only the custom properties
    something reads.
    """
    html = _NOTEBOOK_MATHJAX.sub("", html)
    classes = set(_CLASS_ATTRIBUTE_WORDS.findall(" ".join(_CLASS_ATTRIBUTE.findall(html))))
    html = _STYLE_ELEMENT.sub(lambda m: m[1] + prune_css(m[2], classes) + m[3], html)
    # All style elements are slimmed together, as one may read what another declares.
    separator = "\n/* style element boundary */\n"
    styles = [m[2] for m in _STYLE_ELEMENT.finditer(html)]
    slimmed = iter(drop_unused_custom_properties(separator.join(styles), _STYLE_ELEMENT.sub("", html)).split(separator))
    return _STYLE_ELEMENT.sub(lambda m: m[1] + next(slimmed) + m[3], html)


_CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
_CLASS_ATTRIBUTE_WORDS = re.compile(r"[^\s]+")
_STYLE_ELEMENT = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.DOTALL)
_SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")


def prune_css(css: str, classes: set[str]) -> str:
    """Keep the CSS rules that could apply to a page whose elements carry ``classes``.

    A selector survives if every class it names is in ``classes`` (pseudo-classes and
    the like are ignored, so the test errs on the side of keeping). At-rules that hold
    rules (``@media``, ``@supports``) are pruned inside; other at-rules are kept whole.

    >>> prune_css(".a{color:red}.b,.a .c{x:1}@media print{.b{y:2}}", {"a", "c"})
    '.a{color:red}.a .c{x:1}'
    """
    kept, position = [], 0
    while position < len(css):
        brace = css.find("{", position)
        if brace < 0:
            break
        prelude = css[position:brace].strip()
        end = _matching_brace(css, brace)
        body = css[brace + 1:end]
        position = end + 1
        if prelude.startswith("@"):
            statement_end = prelude.rfind(";")
            if statement_end >= 0:  # @charset/@import statements before the block
                kept.append(prelude[: statement_end + 1])
                prelude = prelude[statement_end + 1:].strip()
            if prelude.startswith(("@media", "@supports", "@layer", "@container")):
                inner = prune_css(body, classes)
                if inner:
                    kept.append(f"{prelude}{{{inner}}}")
            else:
                kept.append(f"{prelude}{{{body}}}")
            continue
        selectors = [part for part in _split_selectors(prelude)
                     if set(_SELECTOR_CLASS.findall(part)) <= classes]
        if selectors:
            kept.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(kept)


#: ``--name: value;`` where the value may hold parentheses one level deep, with semicolons
#: inside them (``url(data:image/svg+xml;base64,...)``), and no quotes.
_CUSTOM_PROPERTY = re.compile(
    r"(?<![\w-])(--[\w-]+)\s*:(?:[^;{}()\"']|\((?:[^()\"']|\([^()\"']*\))*\))*(?:;|(?=\}))"
)
_CUSTOM_PROPERTY_USE = re.compile(r"var\(\s*(--[\w-]+)")


def drop_unused_custom_properties(css: str, html: str = "") -> str:
    """Remove ``--name: value`` declarations that nothing in ``css`` or ``html`` reads with ``var()``.

    Repeats until nothing changes, since one property's value may be the only reader of
    another. Declarations whose value holds a quote are kept (their ``;`` may be quoted).

    >>> drop_unused_custom_properties(":root{--a:1;--b:var(--c);--c:2;--d:3}p{x:var(--b)}")
    ':root{--b:var(--c);--c:2;}p{x:var(--b)}'
    >>> drop_unused_custom_properties(":root{--icon:url(data:image/svg+xml;base64,PHN2);--e:rgba(var(--f), .2)}")
    ':root{}'
    """
    while True:
        used = set(_CUSTOM_PROPERTY_USE.findall(css)) | set(_CUSTOM_PROPERTY_USE.findall(html))
        slimmer = _CUSTOM_PROPERTY.sub(lambda m: m[0] if m[1] in used else "", css)
        if slimmer == css:
            return css
        css = slimmer


def _matching_brace(css: str, opening: int) -> int:
    depth = 0
    for index in range(opening, len(css)):
        if css[index] == "{":
            depth += 1
        elif css[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    return len(css) - 1


def _split_selectors(prelude: str) -> list[str]:
    """Split a selector list at top-level commas (not those inside ``:is(...)`` and the like)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index].strip())
            start = index + 1
    parts.append(prelude[start:].strip())
    return [part for part in parts if part]


def without_code_blocks(html: str) -> str:
    """``html`` without its highlighted code blocks: the copy of a page that the search index reads.

    The index is downloaded by every page; the code is on the pages and the prose around
    it names every function, so indexing it would roughly double the download for little
    gain. Removing the blocks, rather than marking them excluded, also spares Material's
    HTML parser the thousands of tags of highlighted code, a fifth of a rebuild.

    >>> without_code_blocks('<p>a</p><div class="highlight"><div><pre>x</pre></div></div><p>b</p>')
    '<p>a</p><p>b</p>'
    """
    pieces, position = [], 0
    for start in _HIGHLIGHT_BLOCK.finditer(html):
        if start.start() < position:  # nested in a block already removed
            continue
        depth = 0
        for tag in _DIV_TAG.finditer(html, start.start()):
            depth += -1 if tag[1] else 1
            if depth == 0:
                break
        else:
            raise ValueError(f"unclosed code block at character {start.start()}: {html[start.start():][:80]!r}")
        pieces.append(html[position:start.start()])
        position = tag.end()
    return "".join(pieces) + html[position:]


_DIV_TAG = re.compile(r"<(/?)div\b[^>]*>")
_HIGHLIGHT_BLOCK = re.compile(r'<div class="(?:[^"]* )?highlight(?: [^"]*)?"')


if __name__ == "__main__":  # python sitebuild.py <cache entry> <folder of the snippets package> <figures as JSON>
    sys.path.insert(0, sys.argv[2])
    draw_figures(Path(sys.argv[1]), json.loads(sys.argv[3]))
