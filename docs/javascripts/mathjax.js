// MathJax reads this object when startup.js loads (it is listed after this file) and
// then loads only the components named here, from the same folder as startup.js.
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
  loader: {
    // TeX's base package plus AMS (aligned, \dfrac, \operatorname, ...), and an error
    // message, not silence, for an unknown macro: all the pages use, 44 kB less than input/tex.
    load: ["input/tex-base", "[tex]/ams", "[tex]/noundefined", "output/chtml", "a11y/assistive-mml"],
  },
  tex: {
    packages: { "[+]": ["ams", "noundefined"] },
    inlineMath: [["\\(", "\\)"], ["$", "$"]],
    displayMath: [["\\[", "\\]"], ["$$", "$$"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    ignoreHtmlClass: "[^ ]+",
    processHtmlClass: "arithmatex|jp-RenderedMarkdown",
  },
  startup: {
    pageReady: () => MathJax.startup.defaultPageReady().then(keepMathStyles),
  },
};

// Material's instant navigation swaps the page body without reloading scripts:
// typeset the new content each time a page is shown. The first page is typeset by
// MathJax's own startup; until then typesetPromise does not exist. The output's
// style cache is kept on purpose: clearing it after a page is typeset drops the
// CSS of glyphs already on screen, and they vanish.
//
// Instant navigation also replaces <head>, which takes MathJax's stylesheet
// (#MJX-CHTML-styles) out of the document. MathJax adds the CSS of each new glyph
// to that sheet with insertRule, which fails on a detached sheet, and the rules it
// had added are lost when the element is put back. So: put the element back before
// typesetting, and after every typeset write its rules into its text, so that they
// survive the next swap.
function keepMathStyles() {
  const styles = MathJax.startup.output.chtmlStyles;
  if (styles && styles.sheet) {
    styles.textContent = Array.from(styles.sheet.cssRules, (rule) => rule.cssText).join("\n");
  }
}

document$.subscribe(() => {
  if (!window.MathJax.typesetPromise) {
    return;
  }
  const styles = MathJax.startup.output.chtmlStyles;
  if (styles && !styles.isConnected) {
    const stale = document.getElementById(styles.id);
    if (stale) stale.replaceWith(styles);
    else document.head.appendChild(styles);
  }
  MathJax.typesetClear();
  MathJax.texReset();
  MathJax.typesetPromise().then(keepMathStyles);
});
