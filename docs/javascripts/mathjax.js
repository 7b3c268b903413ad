// MathJax reads this object when startup.js loads (it is listed after this file) and
// then loads only the components named here, from the same folder as startup.js.
// arithmatex wraps the Markdown pages' math in \( \) and \[ \] inside .arithmatex;
// notebook Markdown cells (.jp-RenderedMarkdown) keep their $ and $$ delimiters.
window.MathJax = {
  loader: {
    load: ["input/tex", "output/chtml", "a11y/assistive-mml"],
  },
  tex: {
    inlineMath: [["\\(", "\\)"], ["$", "$"]],
    displayMath: [["\\[", "\\]"], ["$$", "$$"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    ignoreHtmlClass: ".*|",
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
