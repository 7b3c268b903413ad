"""Measure the speeds readers and maintainers feel, on this machine, and print them as a table.

Run by hand from the repository root (not part of the test suite):

    python tests/benchmarks/bench_site.py            # everything, the test suite included
    python tests/benchmarks/bench_site.py --no-tests # skip the (slow) full test-suite timing

It reports: the floor (an empty Material site built by the same MkDocs), a cold build of a
fresh copy with no caches (its wall time, and the CPU time of all its processes, which
divided by the cores bounds any build on this machine from below), a rebuild after a
one-line prose edit (a new process, and the live rebuild under ``mkdocs serve``), the full
test suite's wall time, for every page the bytes it transfers and its first-screen math
time in headless Chromium (1280x900, cold cache), each beside the floor site's own page,
and the bigram training step's one-hot matmul against a row lookup. Timings are medians
of repeated runs (3 builds, 5 visits per page), so one hiccup of a busy machine does not
decide a line. Each line is checked against the budget of the project's performance issue.

First-screen math time: from navigation to the first animation frame, at or after the
first contentful paint, at which the document is parsed, every formula that meets the
first screen is shown as typeset math (no raw TeX left in it), every glyph of it has its
CSS, and no web font is still loading. On the floor's page (no math) it is the first frame
with the page parsed, painted and its fonts loaded.

    python tests/benchmarks/bench_site.py --site DIR  # only the pages of a built site, and the floor's
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.sitetools import build_env, copy_project  # noqa: E402

BUDGET = {
    "cold build / floor": 25.0,
    "warm rebuild / floor": 3.0,
    "live rebuild / floor": 3.0,
    "first-screen math / floor": 1.5,
    "heaviest page / floor bytes": 3.0,
    "test suite (s)": 180.0,
}


def timed_build(project: Path, dest: Path) -> float:
    """Wall time of one ``mkdocs build`` in a new process (Python start-up and imports included)."""
    return measured_build(project, dest)[0]


def measured_build(project: Path, dest: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the build and every process it starts) of one build."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)],
        cwd=project, env=build_env(), capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cold_builds(workdir: Path, repeats: int) -> tuple[float, float]:
    """Median wall and CPU time of builds of fresh copies of the project, each with no caches."""
    copies = [copy_project(workdir / f"cold-{index}") for index in range(repeats)]
    runs = [measured_build(project, project / "site") for project in copies]
    return statistics.median(wall for wall, _ in runs), statistics.median(cpu for _, cpu in runs)


def prose_edit_rebuilds(project: Path, page: Path, repeats: int) -> float:
    """Median time of a new-process rebuild after appending one line of prose to ``page``."""
    times = []
    for index in range(repeats):
        with page.open("a", encoding="utf-8") as handle:
            handle.write(f"\nA one-line prose edit, number {index + 1}.\n")
        times.append(timed_build(project, project / "site"))
    return statistics.median(times)


def floor_time(workdir: Path, repeats: int = 5) -> float:
    """Median build time of an empty Material site: the cost no content can avoid."""
    project = workdir / "floor"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Empty\n")
    (project / "mkdocs.yml").write_text("site_name: floor\ntheme:\n  name: material\n  font: false\n")
    return statistics.median(timed_build(project, workdir / "floor-site") for _ in range(repeats))


def serve_rebuild_time(project: Path, page: Path, repeats: int = 3) -> float:
    """Median of the seconds ``mkdocs serve`` reports for rebuilds that follow one-line edits of ``page``."""
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", "127.0.0.1:8765"],
        cwd=project, env=build_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    built = re.compile(r"Documentation built in ([\d.]+) seconds")
    try:
        times, last = [], None
        deadline = time.monotonic() + 300
        for line in process.stdout:
            if match := built.search(line):
                last = float(match[1])
            # "Serving on" follows the first build and "Reloading browsers" each rebuild. MkDocs
            # drops a log line equal to the one before it, so a rebuild exactly as fast as the
            # previous one prints no time of its own: the last one printed is its time.
            if "Serving on" in line or "Reloading browsers" in line:
                if "Reloading browsers" in line:
                    times.append(last)
                if len(times) == repeats:
                    return statistics.median(times)
                time.sleep(1.0)
                with page.open("a", encoding="utf-8") as handle:
                    handle.write(f"\nOne more line of prose, edited while serving ({len(times) + 1}).\n")
            if time.monotonic() > deadline:
                raise SystemExit("mkdocs serve did not rebuild within 5 minutes")
        raise SystemExit("mkdocs serve stopped before rebuilding")
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_suite_time() -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                            cwd=ROOT, env=build_env(), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    tail = result.stdout.strip().splitlines()[-1:] or ["(no output)"]
    print(f"  test suite: {tail[0]}")
    return elapsed


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def page_measurements(site: Path, repeats: int = 5, paths: list[str] | None = None) -> list[tuple[str, int, float]]:
    """For every page in the sitemap (or ``paths``): (path, bytes transferred, first-screen math seconds).

    Each page is visited ``repeats`` times, each time in a fresh browser context (a cold
    cache) with a 1280x900 window; the time is the median visit's, so that one slow visit on
    a busy machine does not decide the budget, and the bytes the largest visit's.
    """
    from playwright.sync_api import sync_playwright

    from tests.browsers import find_chromium
    from tests.conftest import CHROMIUM_FLAGS

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"

    if paths is None:
        namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        locations = [loc.text for loc in ElementTree.parse(site / "sitemap.xml").findall(".//s:loc", namespace)]
        paths = [re.sub(r"^https?://[^/]+/", "", location) for location in locations]

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium()[0], args=CHROMIUM_FLAGS)
        for path in paths:
            visits = [_visit(browser, base, path) for _ in range(repeats)]
            rows.append(("/" + path, max(size for size, _ in visits), statistics.median(t for _, t in visits)))
        browser.close()
    server.shutdown()
    server.server_close()
    return rows


#: Runs before the page's own scripts: on every animation frame, until the first screen is
#: ready (see the module's docstring), checks it and then records the time in
#: ``window.__firstScreenMath``. Works for math typeset in the browser (raw TeX until then)
#: and for math rendered at build time alike.
_FIRST_SCREEN_JS = """
(() => {
  const onScreen = (element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight && box.width > 0;
  };
  const rawTex = (text) => text.includes('$') || text.includes('\\\\(') || text.includes('\\\\[');
  const ready = () => {
    if (document.readyState === 'loading' || !document.body) return false;
    if (!performance.getEntriesByName('first-contentful-paint').length) return false;
    for (const math of document.querySelectorAll('.arithmatex')) {
      if (onScreen(math) && !math.querySelector('mjx-container mjx-math')) return false;
    }
    for (const cell of document.querySelectorAll('.jp-RenderedMarkdown p, .jp-RenderedMarkdown li')) {
      if (!onScreen(cell)) continue;
      const clone = cell.cloneNode(true);
      clone.querySelectorAll('mjx-container, code').forEach((element) => element.remove());
      if (rawTex(clone.textContent)) return false;
    }
    for (const glyph of document.querySelectorAll('mjx-c')) {
      if (!onScreen(glyph)) continue;
      const content = getComputedStyle(glyph, '::before').content;
      if (!content || content === 'none' || content === 'normal') return false;
    }
    return document.fonts.status === 'loaded';
  };
  const check = (now) => {
    if (ready()) window.__firstScreenMath = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
"""


def _visit(browser, base: str, path: str) -> tuple[int, float]:
    """Open ``path`` in a fresh browser context: (bytes transferred, first-screen math seconds)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # a cold cache: the first visit
    page = context.new_page()
    transferred = []

    def count(response):
        try:
            transferred.append(len(response.body()))
        except Exception:  # redirects and aborted requests have no body
            pass

    page.on("response", count)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    page.add_init_script(_FIRST_SCREEN_JS)
    page.goto(base + path, wait_until="load")
    page.wait_for_function("() => window.__firstScreenMath !== null && window.__firstScreenMath !== undefined",
                           timeout=30000)
    ready_ms = page.evaluate("() => window.__firstScreenMath")
    page.wait_for_load_state("networkidle")
    context.close()
    return sum(transferred), ready_ms / 1000


def bigram_step_ratio() -> tuple[float, float]:
    """Seconds per forward pass over the whole data set: one-hot matmul, and the equivalent row lookup."""
    from snippets import bigram

    timings = bigram.time_forms(bigram.load_names(), repeat=7, number=20)
    return timings["one_hot(xs) @ W"], timings["W[xs]"]


def print_pages(pages: list[tuple[str, int, float]], floor_page: tuple[str, int, float]) -> None:
    _, floor_bytes, floor_seconds = floor_page
    print(f"\n{'page (1280x900, cold cache)'.ljust(36)}  {'bytes':>9}  {'x floor':>7}  first-screen math (s)  x floor")
    print(f"{'(floor: empty Material site)'.ljust(36)}  {floor_bytes:>9,}  {1:>7.2f}  {floor_seconds:>21.3f}  {1:>7.2f}")
    for path, size, seconds in pages:
        print(f"{path.ljust(36)}  {size:>9,}  {size / floor_bytes:>7.2f}  {seconds:>21.3f}  {seconds / floor_seconds:>7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-tests", action="store_true", help="skip timing the full test suite")
    parser.add_argument("--site", type=Path, help="only measure the pages of this built site against the floor's")
    args = parser.parse_args()
    results: dict[str, str] = {}
    checks: list[tuple[str, float]] = []

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        workdir = Path(tmp)
        floor = floor_time(workdir)
        floor_page = page_measurements(workdir / "floor-site", paths=[""])[0]
        if args.site:
            pages = page_measurements(args.site)
            print_pages(pages, floor_page)
            return
        cold, cold_cpu = cold_builds(workdir, repeats=3)
        project = workdir / "cold-0"
        warm_unchanged = statistics.median(timed_build(project, project / "site") for _ in range(3))
        warm = prose_edit_rebuilds(project, project / "docs" / "nll.md", repeats=3)
        serve = serve_rebuild_time(project, project / "docs" / "nll.md")
        cores = os.cpu_count() or 1

        results["floor: empty Material site (s)"] = f"{floor:.2f}"
        results["cold build, no caches (s)"] = f"{cold:.2f}  ({cold / floor:.1f}x floor)"
        results["cold build, CPU time of all its processes (s)"] = (
            f"{cold_cpu:.2f}  (/ {cores} cores = {cold_cpu / cores:.2f} s = {cold_cpu / cores / floor:.1f}x floor,"
            " the least time this work can take here)")
        results["rebuild, nothing changed (s)"] = f"{warm_unchanged:.2f}  ({warm_unchanged / floor:.1f}x floor)"
        results["rebuild after a prose edit (s)"] = f"{warm:.2f}  ({warm / floor:.1f}x floor)"
        results["live rebuild under mkdocs serve (s)"] = f"{serve:.2f}  ({serve / floor:.1f}x floor)"
        checks += [("cold build / floor", cold / floor), ("warm rebuild / floor", warm / floor),
                   ("live rebuild / floor", serve / floor)]

        pages = page_measurements(project / "site")

    if not args.no_tests:
        suite = test_suite_time()
        results["full test suite (s)"] = f"{suite:.1f}"
        checks.append(("test suite (s)", suite))

    one_hot, lookup = bigram_step_ratio()
    results["bigram forward: one-hot @ W (ms)"] = f"{one_hot * 1e3:.3f}"
    results["bigram forward: W[xs] lookup (ms)"] = f"{lookup * 1e3:.3f}  (one-hot is {one_hot / lookup:.1f}x slower)"

    print(f"\nMachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    width = max(map(len, results))
    for name, value in results.items():
        print(f"{name.ljust(width)}  {value}")

    print_pages(pages, floor_page)
    _, floor_bytes, floor_seconds = floor_page
    checks.append(("first-screen math / floor", max(seconds for _, _, seconds in pages) / floor_seconds))
    checks.append(("heaviest page / floor bytes", max(size for _, size, _ in pages) / floor_bytes))

    print("\nbudget")
    failed = 0
    for name, value in checks:
        ok = value <= BUDGET[name]
        failed += not ok
        print(f"  {name.ljust(28)} {value:8.2f}  <= {BUDGET[name]:<6}  {'ok' if ok else 'OVER'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
