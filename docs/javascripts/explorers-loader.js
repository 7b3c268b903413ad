// Load the interactive explorers only on pages that have one: most pages do not, and
// the script is the largest of the site's own. Runs again after instant navigation.
(function () {
  const source = new URL("explorers.js", document.currentScript.src).href;
  let requested = false;
  document$.subscribe(() => {
    if (requested || !document.querySelector(".nll-explorer, .likelihood-explorer")) return;
    requested = true;
    const script = document.createElement("script");
    script.src = source;
    document.head.appendChild(script);
  });
})();
