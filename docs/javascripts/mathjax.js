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
    // ui/lazy typesets a formula when it scrolls into view (and all of them before
    // printing), so a long page shows its first screen of math without waiting for the rest.
    load: ["input/tex-base", "[tex]/ams", "[tex]/noundefined", "output/chtml", "a11y/assistive-mml", "ui/lazy"],
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
};

// Material's instant navigation swaps the page without reloading scripts, and takes
// MathJax's stylesheet (#MJX-CHTML-styles) out of the document with the old <head>.
// MathJax's own startup typesets the first page. On every page after it, start
// from an empty stylesheet in the document and an empty glyph cache (the old page's
// math is gone), so the new page's typesetting writes every rule it needs.
let pagesShown = 0;
document$.subscribe(() => {
  pagesShown += 1;
  if (pagesShown === 1 || !window.MathJax.typesetPromise) return;
  const styles = MathJax.startup.output.chtmlStyles;
  if (styles) {
    document.getElementById(styles.id)?.remove();
    styles.textContent = "";
    document.head.appendChild(styles);
  }
  MathJax.startup.output.clearCache();
  MathJax.typesetClear();
  MathJax.texReset();
  MathJax.typesetPromise();
});
