// Load the interactive explorers, script and stylesheet, only on pages that have one:
// most pages do not, and together they are the largest of the site's own files.
// Runs again after instant navigation, which may swap the <head> and drop the stylesheet.
(function () {
  const here = document.currentScript.src;
  const stylesheet = new URL("../stylesheets/explorers.css", here).href;
  let scriptRequested = false;
  document$.subscribe(() => {
    if (!document.querySelector(".nll-explorer, .likelihood-explorer")) return;
    if (![...document.querySelectorAll("link[rel=stylesheet]")].some((link) => link.href === stylesheet)) {
      const style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = stylesheet;
      document.head.appendChild(style);
    }
    if (!scriptRequested) {
      scriptRequested = true;
      const script = document.createElement("script");
      script.src = new URL("explorers.js", here).href;
      document.head.appendChild(script);
    }
  });
})();
