// Renders TeX to MathJax's CommonHTML at build time, for docs/_hooks/sitemath.py.
//
//   node mathjax-render.js <MathJax's es5 folder> <font URL, relative to the site's stylesheet>
//
// First writes one line of JSON describing the stylesheet that does not depend on the
// formulas: {"version", "base": CSS, "kinds": [wrapper kinds in MathJax's order],
// "wrappers": {kind: CSS}}. Then reads requests, one JSON object a line,
// {"id", "tex", "display"}, and answers each with one line, in order:
// {"id", "html", "kinds": [wrapper kinds the formula uses], "glyphs": {selector: CSS rule}}
// or {"id", "error"} for TeX that MathJax cannot read. Each formula is rendered on its own
// (no state carried from the one before), so its output and its CSS depend on it alone.
"use strict";

const [es5, fontURL] = process.argv.slice(2);

// One CSS rule on one line: "selector {property: value; ...}".
function rules(styleList) {
  return Object.keys(styleList).map((selector) => {
    const style = styleList[selector];
    return `${selector} {${Object.keys(style).map((name) => `${name}: ${style[name]}`).join("; ")}}`;
  });
}

require(es5 + "/node-main.js").init({
  loader: {
    paths: { mathjax: es5 },
    versionWarnings: false,
    // The same components the pages loaded in the browser: TeX base and AMS, CommonHTML
    // output with the TeX font, assistive MathML for screen readers.
    load: ["adaptors/liteDOM", "input/tex-base", "[tex]/ams", "output/chtml", "a11y/assistive-mml"],
  },
  // An unknown macro or a malformed formula throws, instead of becoming a red <merror>.
  tex: { packages: ["base", "ams"], formatError: (jax, error) => { throw error; } },
  chtml: { fontURL: fontURL, adaptiveCSS: true },
  startup: { typeset: false },
}).then((MathJax) => {
  const output = MathJax.startup.output;
  const adaptor = MathJax.startup.adaptor;
  const CssStyles = MathJax._.util.StyleList.CssStyles;

  // The stylesheet of a document with no math: common rules, assistive MathML, @font-face.
  output.clearCache();
  const baseStyles = new CssStyles();
  baseStyles.addStyles(output.constructor.commonStyles);
  for (const styles of MathJax.startup.document.getStyles()) baseStyles.addStyles(styles);
  baseStyles.addStyles(output.font.styles);
  const kinds = output.factory.getKinds();
  const wrappers = {};
  for (const kind of kinds) {
    const styles = new CssStyles();
    output.addClassStyles(output.factory.getNodeClass(kind), styles);
    wrappers[kind] = rules(styles.styles).join("\n");
  }
  output.clearCache();
  const write = (object) => process.stdout.write(JSON.stringify(object) + "\n");
  write({ version: MathJax.version, base: rules(baseStyles.styles).join("\n"), kinds: kinds, wrappers: wrappers });

  const render = (request) => {
    output.font.clearCache();
    output.wrapperUsage.clear();
    MathJax.texReset();
    try {
      const html = adaptor.outerHTML(MathJax.tex2chtml(request.tex, { display: request.display }));
      const used = output.wrapperUsage.update();
      const glyphs = {};
      for (const rule of rules(output.font.updateStyles({}))) glyphs[rule.slice(0, rule.indexOf(" {"))] = rule;
      return { id: request.id, html: html, kinds: used, glyphs: glyphs };
    } catch (error) {
      return { id: request.id, error: String(error.message || error) };
    }
  };

  let buffered = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim()) write(render(JSON.parse(line)));
    }
  });
}).catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
