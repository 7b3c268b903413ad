// MathJax reads this object when tex-chtml.js loads (it is listed after this file).
// arithmatex wraps the Markdown pages' math in \( \) and \[ \] inside .arithmatex;
// notebook Markdown cells (.jp-RenderedMarkdown) keep their $ and $$ delimiters.
//
// How MathJax decides: an element whose class matches processHtmlClass is searched; one
// whose class matches ignoreHtmlClass is skipped with everything inside it, unless a
// descendant matches processHtmlClass again. ignoreHtmlClass matches any non-empty class,
// so everything inside the page's (classed) layout is skipped, but the plain <p> and <li>
// inside a notebook cell, which carry no class, stay searched: the math of a notebook
// sits in those, not directly in the cell's <div>. (The pattern ".*|" would also match
// an empty class and skip them.)
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"], ["$", "$"]],
    displayMath: [["\\[", "\\]"], ["$$", "$$"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    ignoreHtmlClass: "[^ ]+",
    processHtmlClass: "arithmatex|jp-RenderedMarkdown",
  },
};

// Material's instant navigation swaps the page body without reloading scripts:
// typeset the new content each time a page is shown. The first page is typeset by
// MathJax's own startup; until then typesetPromise does not exist. The output's
// style cache is kept on purpose: clearing it after a page is typeset drops the
// CSS of glyphs already on screen, and they vanish.
document$.subscribe(() => {
  if (!window.MathJax.typesetPromise) return;
  MathJax.typesetClear();
  MathJax.texReset();
  MathJax.typesetPromise();
});
